//! GOSUMDB: which checksum database go trusts, under which key, reached at which URL
//! (docs/go/semantics.md §3 "GOSUMDB format", a port of cmd/go's `dbDial` and x/mod's
//! `note.NewVerifier`, §4 "Verifier key").

use super::gourl::{self, UrlError};
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// go's built-in key for sum.golang.org (`knownGOSUMDB`, modfetch/key.go).
pub const SUM_GOLANG_ORG_KEY: &str =
    "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SumDbSetting {
    Off,
    Db(SumDb),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SumDb {
    /// The database name, e.g. `sum.golang.org`.
    pub name: String,
    /// The full verifier key `name+hash+keydata`.
    pub key: String,
    /// The 32-byte Ed25519 public key.
    pub public_key: [u8; 32],
    pub key_hash: u32,
    /// An explicit URL from GOSUMDB's second field: proxies are bypassed.
    pub url: Option<String>,
    /// GOSUMDB named a known database by name only (go supplies the key).
    pub builtin_key: bool,
    /// GOSUMDB was the `sum.golang.google.cn` alias.
    pub google_cn_alias: bool,
}

impl SumDb {
    /// `https://<name>`, where go goes when no proxy serves the database.
    pub fn direct_url(&self) -> String {
        format!("https://{}", self.name)
    }
}

/// x/mod/sumdb/note's verifier errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VerifierError {
    #[error("malformed verifier id")]
    MalformedId,
    #[error("invalid verifier hash")]
    BadHash,
    #[error("unknown verifier algorithm")]
    UnknownAlgorithm,
}

/// Why go rejects GOSUMDB; the texts are go's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SumDbError {
    #[error("missing GOSUMDB")]
    Missing,
    #[error("invalid GOSUMDB: too many fields")]
    TooManyFields,
    #[error("invalid GOSUMDB: {0}")]
    Verifier(VerifierError),
    #[error("invalid sumdb name (must be host[/path]): {0}")]
    Name(String),
    #[error("invalid GOSUMDB URL: {0}")]
    Url(UrlError),
}

/// Parses GOSUMDB's effective value as go does when it first needs the database.
pub fn parse(gosumdb: &str) -> Result<SumDbSetting, SumDbError> {
    let google_cn_alias = gosumdb == "sum.golang.google.cn";
    let gosumdb = if google_cn_alias {
        "sum.golang.org https://sum.golang.google.cn"
    } else {
        gosumdb
    };
    if gosumdb == "off" {
        return Ok(SumDbSetting::Off);
    }
    let mut fields: Vec<&str> = gosumdb
        .split(char::is_whitespace)
        .filter(|f| !f.is_empty())
        .collect();
    let mut builtin_key = false;
    if fields.first() == Some(&"sum.golang.org") {
        fields[0] = SUM_GOLANG_ORG_KEY;
        builtin_key = true;
    }
    match fields.len() {
        0 => return Err(SumDbError::Missing),
        1 | 2 => {}
        _ => return Err(SumDbError::TooManyFields),
    }
    let verifier = parse_verifier_key(fields[0]).map_err(SumDbError::Verifier)?;
    check_name(&verifier.name)?;
    let url = match fields.get(1) {
        Some(u) => {
            gourl::parse(u).map_err(SumDbError::Url)?;
            Some((*u).to_owned())
        }
        None => None,
    };
    Ok(SumDbSetting::Db(SumDb {
        name: verifier.name,
        key: fields[0].to_owned(),
        public_key: verifier.public_key,
        key_hash: verifier.key_hash,
        url,
        builtin_key,
        google_cn_alias,
    }))
}

fn check_name(name: &str) -> Result<(), SumDbError> {
    let bad = || SumDbError::Name(name.to_owned());
    let direct = gourl::parse(&format!("https://{name}")).map_err(|_| bad())?;
    let clean = direct.userinfo.is_none()
        && direct.opaque.is_empty()
        && direct.raw_query.is_empty()
        && direct.fragment.is_empty()
        && !name.contains('?')
        && !name.contains('#')
        && !direct.path.contains('%');
    if name.ends_with('/') || !clean || direct.host.is_empty() {
        return Err(bad());
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifierKey {
    pub name: String,
    pub key_hash: u32,
    pub public_key: [u8; 32],
}

/// `note.NewVerifier`: `<name>+<8 hex>+<base64(0x01 || ed25519 key)>`.
pub fn parse_verifier_key(vkey: &str) -> Result<VerifierKey, VerifierError> {
    let (name, rest) = vkey.split_once('+').unwrap_or((vkey, ""));
    let (hash16, key64) = rest.split_once('+').unwrap_or((rest, ""));
    let hash = u32::from_str_radix(hash16, 16).ok();
    let key = base64::engine::general_purpose::STANDARD.decode(key64).ok();
    let valid_name =
        !name.is_empty() && !name.chars().any(char::is_whitespace) && !name.contains('+');
    let (Some(hash), Some(key)) = (hash, key) else {
        return Err(VerifierError::MalformedId);
    };
    // ParseUint accepts a leading '+'? No: Go's ParseUint rejects signs; from_str_radix accepts '+'.
    if hash16.len() != 8 || hash16.starts_with('+') || !valid_name || key.is_empty() {
        return Err(VerifierError::MalformedId);
    }
    if hash != key_hash(name, &key) {
        return Err(VerifierError::BadHash);
    }
    if key[0] != 1 {
        return Err(VerifierError::UnknownAlgorithm);
    }
    let public_key: [u8; 32] = key[1..]
        .try_into()
        .map_err(|_| VerifierError::MalformedId)?;
    Ok(VerifierKey {
        name: name.to_owned(),
        key_hash: hash,
        public_key,
    })
}

/// `keyHash`: the first 4 bytes of SHA-256(name || "\n" || key), big-endian.
pub fn key_hash(name: &str, key: &[u8]) -> u32 {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update(key);
    let d = h.finalize();
    u32::from_be_bytes([d[0], d[1], d[2], d[3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db(s: &str) -> SumDb {
        match parse(s).unwrap() {
            SumDbSetting::Db(db) => db,
            SumDbSetting::Off => panic!("off"),
        }
    }

    // docs/go/semantics.md §3 "GOSUMDB format" and §4 "Key hash" (033de0ae).
    #[test]
    fn builtin_name_gets_builtin_key() {
        let d = db("sum.golang.org");
        assert_eq!(d.name, "sum.golang.org");
        assert_eq!(d.key_hash, 0x033de0ae);
        assert!(d.builtin_key);
        assert_eq!(d.url, None);
        assert_eq!(d.direct_url(), "https://sum.golang.org");
    }

    #[test]
    fn google_cn_alias_is_sum_golang_org_at_another_url() {
        let d = db("sum.golang.google.cn");
        assert_eq!(d.name, "sum.golang.org");
        assert_eq!(d.url.as_deref(), Some("https://sum.golang.google.cn"));
        assert!(d.google_cn_alias);
    }

    #[test]
    fn full_key_and_url() {
        let d = db(&format!(
            "{SUM_GOLANG_ORG_KEY} https://goproxy.example/sumdb/sum.golang.org"
        ));
        assert_eq!(d.name, "sum.golang.org");
        assert!(!d.builtin_key);
        assert_eq!(
            d.url.as_deref(),
            Some("https://goproxy.example/sumdb/sum.golang.org")
        );
        // The x/mod doc example key.
        let d = db("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assert_eq!(d.name, "PeterNeumann");
        assert_eq!(d.key_hash, 0xc74f20a3);
        // "sum.golang.org url": a known name with an explicit URL.
        let d = db("sum.golang.org https://mirror.example/sumdb/sum.golang.org");
        assert!(d.builtin_key);
    }

    #[test]
    fn off() {
        assert_eq!(parse("off").unwrap(), SumDbSetting::Off);
    }

    // go's texts (sumdb.go:103-139, note.go).
    #[test]
    fn errors() {
        let err = |s: &str| parse(s).unwrap_err().to_string();
        assert_eq!(err(""), "missing GOSUMDB");
        assert_eq!(err("  "), "missing GOSUMDB");
        assert_eq!(err("a b c"), "invalid GOSUMDB: too many fields");
        assert_eq!(
            err("sum.example.com"),
            "invalid GOSUMDB: malformed verifier id"
        );
        assert_eq!(err("Off"), "invalid GOSUMDB: malformed verifier id");
        assert_eq!(
            err("sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"),
            "invalid GOSUMDB: invalid verifier hash"
        );
        assert_eq!(
            err("sum.golang.org https://h:x/"),
            r#"invalid GOSUMDB URL: parse "https://h:x/": invalid port ":x" after host"#
        );
        // Algorithm byte 2 with a matching hash.
        let mut key = vec![2u8];
        key.extend([7u8; 32]);
        let b64 = base64::engine::general_purpose::STANDARD.encode(&key);
        let vkey = format!("x.example+{:08x}+{b64}", key_hash("x.example", &key));
        assert_eq!(err(&vkey), "invalid GOSUMDB: unknown verifier algorithm");
        // A name that is not host[/path].
        let mut key = vec![1u8];
        key.extend([7u8; 32]);
        let b64 = base64::engine::general_purpose::STANDARD.encode(&key);
        for name in ["x.example/", "x.example?q", "/x"] {
            let vkey = format!("{name}+{:08x}+{b64}", key_hash(name, &key));
            assert!(
                err(&vkey).starts_with("invalid sumdb name (must be host[/path]): "),
                "{name}"
            );
        }
    }

    #[test]
    fn verifier_key_rejects_junk_without_panicking() {
        for s in [
            "",
            "+",
            "++",
            "a+1234567+AAAA",
            "a+zzzzzzzz+AAAA",
            "a++",
            "a+00000000+",
            "a+00000000+!!",
            "a b+00000000+AQ==",
        ] {
            assert!(parse_verifier_key(s).is_err(), "{s}");
        }
    }
}
