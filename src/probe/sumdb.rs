//! Checksum-database layer: the signed tree head and lookups, verified with the key go uses
//! (go's built-in key for sum.golang.org, the key in GOSUMDB otherwise), following
//! golang.org/x/mod/sumdb/note (docs/go/semantics.md §4). Reachable and authentic, reachable but
//! forged (tampering or interception), or unreachable at some layer. `/latest` and `/lookup`
//! go over the connection fetch.rs opened (to a relaying proxy, or to the database itself).

use std::time::Instant;

use base64::Engine as _;
use ed25519_dalek::{Signature, Verifier, VerifyingKey};

use super::engine::Setup;
use super::evidence::{Evidence, LookupEvidence, SumdbEvidence};
use super::fetch::{Fetched, follow_up};
use super::goproxy::go_status_error;
use super::http::{Answer, RequestError};
use super::{Deadline, LayerName, LayerResult, SumdbError, no_answer};
use crate::config::gosumdb::SumDb;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteVerdict {
    /// Signed by the expected key; the tree head it carries.
    Verified { tree_size: u64, tree_hash: String },
    /// A signature line from the expected key that does not verify: forged or altered.
    BadSignature,
    /// No signature from the expected key at all (another signer, or none).
    NoVerifiableSignature { signers: Vec<String> },
    /// Not a signed note (an HTML page, garbage, a truncated answer).
    Malformed(String),
}

/// `note.Open` with one known verifier, then `tlog.ParseTree`.
pub fn verify_note(msg: &[u8], db: &SumDb) -> NoteVerdict {
    let Ok(text) = std::str::from_utf8(msg) else {
        return NoteVerdict::Malformed("malformed note: not UTF-8".into());
    };
    if text.chars().any(|c| c < ' ' && c != '\n') {
        return NoteVerdict::Malformed("malformed note: control characters".into());
    }
    let Some(split) = text.rfind("\n\n") else {
        return NoteVerdict::Malformed("malformed note: no signature block".into());
    };
    let (body, sigs) = (&text[..=split], &text[split + 2..]);
    if sigs.is_empty() || !sigs.ends_with('\n') {
        return NoteVerdict::Malformed(
            "malformed note: signature block does not end in a newline".into(),
        );
    }
    let Ok(vk) = VerifyingKey::from_bytes(&db.public_key) else {
        return NoteVerdict::Malformed("the configured key is not a valid Ed25519 key".into());
    };
    let mut signers = Vec::new();
    let mut bad = false;
    let mut verified = false;
    for line in sigs.lines() {
        let Some(rest) = line.strip_prefix("— ") else {
            return NoteVerdict::Malformed(
                "malformed note: signature line without the em dash".into(),
            );
        };
        let Some((name, b64)) = rest.split_once(' ') else {
            return NoteVerdict::Malformed(
                "malformed note: signature line without a signature".into(),
            );
        };
        let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(b64) else {
            return NoteVerdict::Malformed("malformed note: signature is not base64".into());
        };
        if raw.len() < 5 {
            return NoteVerdict::Malformed("malformed note: signature too short".into());
        }
        let hash = u32::from_be_bytes([raw[0], raw[1], raw[2], raw[3]]);
        signers.push(format!("{name}+{hash:08x}"));
        if name != db.name || hash != db.key_hash {
            continue;
        }
        match Signature::from_slice(&raw[4..]) {
            Ok(sig) if vk.verify(body.as_bytes(), &sig).is_ok() => verified = true,
            _ => bad = true,
        }
    }
    if bad {
        return NoteVerdict::BadSignature;
    }
    if !verified {
        return NoteVerdict::NoVerifiableSignature { signers };
    }
    match parse_tree(body) {
        Some((tree_size, tree_hash)) => NoteVerdict::Verified {
            tree_size,
            tree_hash,
        },
        None => NoteVerdict::Malformed("malformed tree note".into()),
    }
}

/// `tlog.ParseTree`: "go.sum database tree\nN\nhash\n".
pub fn parse_tree(text: &str) -> Option<(u64, String)> {
    let rest = text.strip_prefix("go.sum database tree\n")?;
    let mut lines = rest.split('\n');
    let n = lines.next()?;
    let hash = lines.next()?;
    lines.next()?;
    if n.is_empty() || (n.len() > 1 && n.starts_with('0')) || !n.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(hash)
        .ok()?;
    (decoded.len() == 32)
        .then(|| (n.parse().ok(), hash.to_owned()))
        .and_then(|(n, h)| Some((n?, h)))
}

/// A `/lookup/M@V` answer: record id, go.sum lines, and the signed tree note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    pub record_id: u64,
    pub lines: Vec<String>,
    pub note: Vec<u8>,
}

pub fn parse_lookup(body: &[u8]) -> Result<Lookup, String> {
    let text = std::str::from_utf8(body).map_err(|_| "lookup answer is not UTF-8".to_owned())?;
    let (head, note) = text
        .split_once("\n\n")
        .ok_or("lookup answer has no signed tree note")?;
    let mut lines = head.lines();
    let id = lines
        .next()
        .and_then(|l| l.trim().parse::<u64>().ok())
        .ok_or("lookup answer does not start with a record id")?;
    let lines: Vec<String> = lines.map(str::to_owned).collect();
    if lines.is_empty() || !lines.iter().all(|l| l.split_whitespace().count() == 3) {
        return Err("lookup answer has no go.sum lines".into());
    }
    Ok(Lookup {
        record_id: id,
        lines,
        note: note.as_bytes().to_vec(),
    })
}

/// Through a proxy that said "supported": fetch `<base>/latest`, then verify it.
pub(super) async fn verify_db(
    setup: &Setup,
    deadline: Deadline,
    f: &mut Fetched,
    base: &str,
    lookup: Option<(String, String)>,
) -> LayerResult {
    let latest = format!("{base}/latest");
    if f.conn.is_none() {
        return LayerResult::skipped(LayerName::Sumdb, "no connection");
    }
    let start = Instant::now();
    match follow_up(setup, deadline, f, &latest).await {
        Ok(a) if a.status == 200 => verify_answer(setup, deadline, f, &a, base, lookup).await,
        Ok(a) => LayerResult::fail(
            start.elapsed(),
            SumdbError::LatestStatus,
            go_status_error(&latest, &a),
            SumdbEvidence {
                status: Some(a.status),
                ..SumdbEvidence::default()
            },
        ),
        Err(RequestError::HeadersTimeout(w)) => LayerResult::timeout(
            w,
            SumdbError::Timeout,
            no_answer(&format!("GET {}", crate::redact::redact_urls(&latest)), w),
            Evidence::empty(),
        ),
        Err(RequestError::Protocol(m)) => {
            LayerResult::fail(start.elapsed(), SumdbError::Protocol, m, Evidence::empty())
        }
    }
}

/// The evidence of a lookup of `module@version`, before its answer.
fn lookup_of(module: &str, version: &str) -> LookupEvidence {
    LookupEvidence {
        module: format!("{module}@{version}"),
        record: None,
        verified: None,
        status: None,
        error: None,
    }
}

/// Verifies a `/latest` answer and, when a module needs it, a `/lookup`.
pub(super) async fn verify_answer(
    setup: &Setup,
    deadline: Deadline,
    f: &mut Fetched,
    latest: &Answer,
    base: &str,
    lookup: Option<(String, String)>,
) -> LayerResult {
    let start = Instant::now();
    let Some(db) = &setup.sumdb else {
        return LayerResult::skipped(LayerName::Sumdb, "GOSUMDB is off or invalid");
    };
    let mut detail = SumdbEvidence {
        database: Some(db.name.clone()),
        key: Some(format!("{}+{:08x}", db.name, db.key_hash)),
        ..SumdbEvidence::default()
    };
    match verify_note(&latest.body, db) {
        NoteVerdict::Verified { tree_size, .. } => detail.tree_size = Some(tree_size),
        NoteVerdict::BadSignature => {
            return LayerResult::fail(
                start.elapsed(),
                SumdbError::SignatureInvalid,
                format!(
                    "the signed tree head from {} does not verify with the {} key: tampered with or intercepted",
                    crate::redact::redact_urls(base),
                    db.name
                ),
                detail,
            );
        }
        NoteVerdict::NoVerifiableSignature { signers } => {
            detail.signers = Some(signers.clone());
            return LayerResult::fail(
                start.elapsed(),
                SumdbError::SignatureUnknownKey,
                format!(
                    "reading tree note: note has no verifiable signatures (signed by {}, not by the configured {} key)",
                    signers.join(", "),
                    db.name
                ),
                detail,
            );
        }
        NoteVerdict::Malformed(m) => {
            detail.body_excerpt = Some(super::excerpt(&latest.body));
            return LayerResult::fail(
                start.elapsed(),
                SumdbError::Malformed,
                format!("reading tree note: {m}"),
                detail,
            );
        }
    }
    if let (Some((module, version)), true) = (lookup, f.conn.is_some()) {
        let url = format!(
            "{base}/lookup/{}@{}",
            crate::plan::escape_path(&module),
            crate::plan::escape_path(&version)
        );
        match follow_up(setup, deadline, f, &url).await {
            Ok(a) if a.status == 200 => match parse_lookup(&a.body) {
                Ok(l) => match verify_note(&l.note, db) {
                    NoteVerdict::Verified { .. } => {
                        detail.lookup = Some(LookupEvidence {
                            record: Some(l.record_id),
                            verified: Some(true),
                            ..lookup_of(&module, &version)
                        })
                    }
                    other => {
                        detail.lookup = Some(LookupEvidence {
                            verified: Some(false),
                            ..lookup_of(&module, &version)
                        });
                        return LayerResult::fail(
                            start.elapsed(),
                            SumdbError::SignatureInvalid,
                            format!(
                                "the lookup answer for {module}@{version} carries a tree head that does not verify ({other:?})"
                            ),
                            detail,
                        );
                    }
                },
                Err(e) => {
                    return LayerResult::fail(
                        start.elapsed(),
                        SumdbError::Malformed,
                        format!("{module}@{version}: {e}"),
                        detail,
                    );
                }
            },
            Ok(a) => {
                detail.lookup = Some(LookupEvidence {
                    status: Some(a.status),
                    ..lookup_of(&module, &version)
                });
                let kind = if matches!(a.status, 404 | 410) {
                    SumdbError::LookupNotFound
                } else {
                    SumdbError::LookupStatus
                };
                return LayerResult::fail(
                    start.elapsed(),
                    kind,
                    format!("{module}@{version}: {}", go_status_error(&url, &a)),
                    detail,
                );
            }
            Err(_) => {
                detail.lookup = Some(LookupEvidence {
                    error: Some("no answer in time".into()),
                    ..lookup_of(&module, &version)
                })
            }
        }
    }
    LayerResult::ok(LayerName::Sumdb, start.elapsed(), detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::gosumdb::{self, SumDbSetting};

    fn db() -> SumDb {
        match gosumdb::parse("sum.golang.org").unwrap() {
            SumDbSetting::Db(d) => d,
            SumDbSetting::Off => unreachable!(),
        }
    }

    // docs/go/semantics.md §4 "Test vector": a real sum.golang.org tree head.
    const NOTE: &str = "go.sum database tree\n31700353\nqINS1GRFhWHwdkUeqLEoP4yEMkTBBzxBkGwGQlVlVcs=\n\n— sum.golang.org Az3grnmrIUEDFqHzAElIQCPNoRFRAAdFo47fooyWKMHb89k11GJh5zHIfNCOBmwn/C3YI8oW9/C8DJ87F61QqspBYwM=\n";

    #[test]
    fn real_tree_head_verifies() {
        assert_eq!(
            verify_note(NOTE.as_bytes(), &db()),
            NoteVerdict::Verified {
                tree_size: 31700353,
                tree_hash: "qINS1GRFhWHwdkUeqLEoP4yEMkTBBzxBkGwGQlVlVcs=".into()
            }
        );
    }

    #[test]
    fn tampering_is_caught() {
        let forged = NOTE.replace("31700353", "31700354");
        assert_eq!(
            verify_note(forged.as_bytes(), &db()),
            NoteVerdict::BadSignature
        );
        let other = NOTE.replace("— sum.golang.org Az3g", "— sum.example.org Az3g");
        assert!(matches!(
            verify_note(other.as_bytes(), &db()),
            NoteVerdict::NoVerifiableSignature { .. }
        ));
        // Unknown extra signers (witness cosignatures) are skipped, as note.Open does.
        let cosigned = format!("{NOTE}— witness.example AAAAAAAAAAA=\n");
        assert!(matches!(
            verify_note(cosigned.as_bytes(), &db()),
            NoteVerdict::Verified { .. }
        ));
    }

    #[test]
    fn junk_is_malformed() {
        for junk in [
            &b"<html>login</html>"[..],
            b"",
            b"\n\n",
            b"\xff\n\n- x\n",
            b"text\n\n\xe2\x80\x94 x\n",
        ] {
            assert!(
                matches!(
                    verify_note(junk, &db()),
                    NoteVerdict::Malformed(_) | NoteVerdict::NoVerifiableSignature { .. }
                ),
                "{junk:?}"
            );
        }
    }

    #[test]
    fn lookup_answers() {
        let body = format!(
            "12345\ngolang.org/x/text v0.3.0 h1:g61tztE5qeGQ89tm6NTjjM9VPIm088od1l6aSorWRWg=\ngolang.org/x/text v0.3.0/go.mod h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=\n\n{NOTE}"
        );
        let l = parse_lookup(body.as_bytes()).unwrap();
        assert_eq!(l.record_id, 12345);
        assert_eq!(l.lines.len(), 2);
        assert!(matches!(
            verify_note(&l.note, &db()),
            NoteVerdict::Verified { .. }
        ));
        assert!(parse_lookup(b"not found").is_err());
    }
}
