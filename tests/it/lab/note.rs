//! Signed notes as golang.org/x/mod/sumdb/note writes them, go's module-path case escaping,
//! and the checksum-database records the lab serves.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

/// Ed25519 signing key in the note format (`alg 0x01`).
pub struct NoteKey {
    name: String,
    signing: SigningKey,
    hash: u32,
    vkey: String,
}

/// First 4 bytes (big-endian) of SHA-256(name || "\n" || key), key = 0x01 || pubkey.
pub fn key_hash(name: &str, key: &[u8]) -> u32 {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update(key);
    let sum = h.finalize();
    u32::from_be_bytes([sum[0], sum[1], sum[2], sum[3]])
}

impl NoteKey {
    /// A fresh key from the ring CSPRNG.
    pub fn generate(name: &str) -> NoteKey {
        let mut seed = [0u8; 32];
        super::random_fill(&mut seed);
        NoteKey::from_seed(name, seed)
    }

    pub fn from_seed(name: &str, seed: [u8; 32]) -> NoteKey {
        let signing = SigningKey::from_bytes(&seed);
        let mut key = vec![0x01u8];
        key.extend_from_slice(&signing.verifying_key().to_bytes());
        let hash = key_hash(name, &key);
        let vkey = format!("{name}+{hash:08x}+{}", B64.encode(&key));
        NoteKey {
            name: name.to_owned(),
            signing,
            hash,
            vkey,
        }
    }

    /// `<name>+<8 hex key hash>+<base64(0x01 || pubkey)>`, the GOSUMDB verifier key.
    pub fn verifier_key(&self) -> &str {
        &self.vkey
    }

    /// `text` (which must end in "\n"), a blank line, and one signature line.
    pub fn sign(&self, text: &str) -> String {
        assert!(text.ends_with('\n'), "note text must end with a newline");
        let sig = self.signing.sign(text.as_bytes()).to_bytes();
        let mut blob = self.hash.to_be_bytes().to_vec();
        blob.extend_from_slice(&sig);
        format!("{text}\n\u{2014} {} {}\n", self.name, B64.encode(&blob))
    }
}

/// Verify a signed note against one verifier key; returns the note's text on success.
/// Mirrors note.Open: the text ends at the last "\n\n", signature lines follow it.
pub fn verify_note(vkey: &str, note: &str) -> Result<String, String> {
    let mut parts = vkey.splitn(3, '+');
    let (name, hash16, key64) = match (parts.next(), parts.next(), parts.next()) {
        (Some(n), Some(h), Some(k)) => (n, h, k),
        _ => return Err("malformed verifier id".into()),
    };
    let hash = u32::from_str_radix(hash16, 16).map_err(|_| "malformed verifier id")?;
    let key = B64.decode(key64).map_err(|_| "malformed verifier id")?;
    if hash16.len() != 8 || name.is_empty() || key.len() != 33 || key[0] != 1 {
        return Err("malformed verifier id".into());
    }
    if key_hash(name, &key) != hash {
        return Err("invalid verifier hash".into());
    }
    let pubkey: [u8; 32] = key[1..].try_into().unwrap();
    let vk = VerifyingKey::from_bytes(&pubkey).map_err(|e| e.to_string())?;

    let split = note
        .rfind("\n\n")
        .ok_or("malformed note: no signature block")?;
    let text = &note[..split + 1];
    let sigs = &note[split + 2..];
    if !sigs.ends_with('\n') {
        return Err("malformed note: signature block must end in a newline".into());
    }
    let mut saw_name = false;
    for line in sigs.lines() {
        let rest = line
            .strip_prefix("\u{2014} ")
            .ok_or_else(|| format!("malformed signature line {line:?}"))?;
        let (sig_name, b64) = rest
            .split_once(' ')
            .ok_or_else(|| format!("malformed signature line {line:?}"))?;
        if sig_name != name {
            continue;
        }
        saw_name = true;
        let blob = B64.decode(b64).map_err(|_| "malformed signature base64")?;
        if blob.len() != 4 + 64 {
            continue;
        }
        if u32::from_be_bytes(blob[..4].try_into().unwrap()) != hash {
            continue;
        }
        let sig = Signature::from_bytes(&blob[4..].try_into().unwrap());
        if vk.verify(text.as_bytes(), &sig).is_ok() {
            return Ok(text.to_owned());
        }
        return Err("invalid signature".into());
    }
    Err(if saw_name {
        "no signature with the verifier's key hash".into()
    } else {
        "note has no signature by the verifier's name".into()
    })
}

/// The tree note text: "go.sum database tree\n<N>\n<base64 hash>\n".
pub fn tree_text(n: u64, hash: &[u8; 32]) -> String {
    format!("go.sum database tree\n{n}\n{}\n", B64.encode(hash))
}

/// RFC 6962 Merkle tree hash of already-hashed leaves (tlog.TreeHash).
pub fn tree_hash(leaves: &[[u8; 32]]) -> [u8; 32] {
    match leaves.len() {
        0 => Sha256::digest(b"").into(),
        1 => leaves[0],
        n => {
            let mut k = 1;
            while k * 2 < n {
                k *= 2;
            }
            let (l, r) = (tree_hash(&leaves[..k]), tree_hash(&leaves[k..]));
            let mut h = Sha256::new();
            h.update([1u8]);
            h.update(l);
            h.update(r);
            h.finalize().into()
        }
    }
}

/// tlog.RecordHash: SHA-256(0x00 || data).
pub fn record_hash(data: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    h.finalize().into()
}

/// dirhash.Hash1 over (name, content) files.
pub fn hash1(files: &[(&str, &[u8])]) -> String {
    let mut files = files.to_vec();
    files.sort_by(|a, b| a.0.cmp(b.0));
    let mut summary = String::new();
    for (name, content) in files {
        let sum = Sha256::digest(content);
        for b in sum.iter() {
            summary.push_str(&format!("{b:02x}"));
        }
        summary.push_str("  ");
        summary.push_str(name);
        summary.push('\n');
    }
    format!("h1:{}", B64.encode(Sha256::digest(summary.as_bytes())))
}

/// go's module.EscapePath / EscapeVersion: upper-case letters become '!' + lower case.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// go's unescaping; `None` for an upper-case letter or a '!' not followed by a lower-case one.
pub fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut bang = false;
    for c in s.chars() {
        if bang {
            if !c.is_ascii_lowercase() {
                return None;
            }
            out.push(c.to_ascii_uppercase());
            bang = false;
        } else if c == '!' {
            bang = true;
        } else if c.is_ascii_uppercase() {
            return None;
        } else {
            out.push(c);
        }
    }
    (!bang).then_some(out)
}
