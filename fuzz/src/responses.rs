//! Invariants of godoctor's readers of what servers send: GOPROXY payloads (`@v/list`, `.info`,
//! go-get pages, git pkt-lines), checksum-database notes and lookups, redirect `Location`s, the
//! `server response:` text go prints and the filter between an HTTP/1 stream and hyper. Shared, like `checks.rs`, by the cargo-fuzz targets
//! and the stable test (`tests/it/parsers_never_panic.rs` includes this file with `#[path]`).
//! Only `godoctor`'s public API and `std` are used here.

#![allow(dead_code)]

use std::time::Duration;

use godoctor::config::gosumdb::{self, SumDbSetting};
use godoctor::config::gourl;
use godoctor::plan::goerror;
use godoctor::probe::discovery::meta;
use godoctor::probe::git_http;
use godoctor::probe::http::{self, Answer};
use godoctor::probe::redirect::{self, Refusal};
use godoctor::probe::sumdb::{self, NoteVerdict};

fn split2(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

fn answer(status: u16, content_type: Option<&str>, body: &[u8]) -> Answer {
    Answer {
        status,
        reason: None,
        headers: content_type
            .map(|c| vec![("content-type".to_owned(), c.to_owned())])
            .unwrap_or_default(),
        body: body.to_vec(),
        body_complete: true,
        body_ended: true,
        body_total: body.len() as u64,
        still_flowing: false,
        ttfb: Duration::ZERO,
        total: Duration::ZERO,
        version: "HTTP/1.1",
    }
}

/// First byte (mod 4) picks the reader: 0 `@v/list`, 1 `.info` (version `\0` JSON), 2 a go-get
/// page (bit 2 of the first byte: go ≥ 1.25's four-field tags), 3 git pkt-lines.
pub fn check_payload(data: &[u8]) {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    match sel % 4 {
        0 => version_list(rest),
        1 => {
            let (version, body) = split2(rest);
            let version = String::from_utf8_lossy(version);
            info(&version, body);
        }
        2 => go_get_page(rest, sel & 4 != 0),
        _ => git_lines(rest),
    }
    let _ = http::is_html(&answer(200, None, rest));
}

fn version_list(body: &[u8]) {
    match http::valid_version_list(body) {
        Ok(n) => {
            let text = std::str::from_utf8(body).expect("an accepted list is UTF-8");
            let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(n, lines.len(), "one version per non-blank line");
            for l in lines {
                let v = l.split_whitespace().next().unwrap_or("");
                assert!(http::looks_semver(v), "{v:?} accepted as a version");
            }
        }
        // At most 60 characters of the line, each escaped as `{:?}` does.
        Err(e) => assert!(e.chars().count() < 60 * 10 + 60, "bounded complaint: {e}"),
    }
}

fn info(version: &str, body: &[u8]) {
    let verdict = http::info_verdict(&answer(200, Some("application/json"), body), version);
    let named = serde_json_version(body);
    assert_eq!(
        verdict == "ok",
        named.as_deref() == Some(version),
        "{verdict} for {named:?}"
    );
    assert_eq!(
        http::info_verdict(&answer(404, None, body), version),
        "status 404"
    );
}

/// The `Version` of a JSON object, read without godoctor's code (a minimal model: the value of
/// the last top-level `"Version"` key as serde_json sees it is what go sees too).
fn serde_json_version(body: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    v.get("Version")?.as_str().map(str::to_owned)
}

fn go_get_page(body: &[u8], subdir_field: bool) {
    if let Ok(tags) = meta::parse(body, subdir_field) {
        for t in tags {
            for f in [&t.prefix, &t.vcs, &t.repo] {
                assert!(
                    !f.is_empty() && !f.contains(char::is_whitespace),
                    "field {f:?}"
                );
            }
            assert!(
                subdir_field || t.subdir.is_none(),
                "a subdir older go ignores"
            );
        }
    }
}

fn git_lines(body: &[u8]) {
    if let Ok(pkts) = git_http::pkt_lines(body, 16) {
        assert!(pkts.len() <= 16);
    }
    let _ = git_http::read_advertisement(body);
    let _ = git_http::is_dumb_listing(body);
}

/// The checksum database as go trusts it by default.
fn sum_golang_org() -> gosumdb::SumDb {
    match gosumdb::parse("sum.golang.org") {
        Ok(SumDbSetting::Db(d)) => d,
        other => panic!("sum.golang.org: {other:?}"),
    }
}

/// A `/latest` note, a `/lookup` answer and a tree text: what go would accept, and only that.
pub fn check_sumdb(data: &[u8]) {
    let db = sum_golang_org();
    match sumdb::verify_note(data, &db) {
        NoteVerdict::Verified { tree_size, .. } => {
            let text = std::str::from_utf8(data).unwrap();
            assert!(text.starts_with(&format!("go.sum database tree\n{tree_size}\n")));
        }
        NoteVerdict::NoVerifiableSignature { signers } => {
            assert!(signers.iter().all(|s| s.contains('+')), "{signers:?}")
        }
        NoteVerdict::BadSignature | NoteVerdict::Malformed(_) => {}
    }
    if let Ok(text) = std::str::from_utf8(data)
        && let Some((n, hash)) = sumdb::parse_tree(text)
    {
        let head = format!("go.sum database tree\n{n}\n{hash}\n");
        assert!(text.starts_with(&head), "{head:?} read from {text:?}");
        assert_eq!(sumdb::parse_tree(&head), Some((n, hash)));
    }
    if let Ok(l) = sumdb::parse_lookup(data) {
        assert!(!l.lines.is_empty());
        assert!(l.lines.iter().all(|x| x.split_whitespace().count() == 3));
        assert!(data.ends_with(&l.note), "the note is the answer's tail");
    }
}

/// base URL `\0` Location: resolved as net/url does, and refused exactly as cmd/go refuses.
pub fn check_redirect(data: &[u8]) {
    let (base, loc) = split2(data);
    let (Ok(base), Ok(loc)) = (std::str::from_utf8(base), std::str::from_utf8(loc)) else {
        return;
    };
    let Ok(base) = gourl::parse(base) else {
        return;
    };
    match redirect::resolve(&base, loc) {
        Err(Refusal::BadLocation { reason, .. }) => {
            assert!(gourl::parse(loc).is_err(), "{loc:?} refused for {reason}")
        }
        Err(other) => panic!("resolve only refuses unparsable locations: {other:?}"),
        Ok(next) => {
            let r = gourl::parse(loc).expect("a resolved Location parses");
            assert!(next.fragment.is_empty(), "a fragment is never requested");
            if !r.scheme.is_empty() {
                assert_eq!(next.scheme, r.scheme);
            } else {
                assert_eq!(next.scheme, base.scheme);
            }
            if r.scheme.is_empty() && !r.has_authority && r.opaque.is_empty() {
                assert_eq!(
                    next.host, base.host,
                    "a relative Location stays on the host"
                );
            }
            if next.opaque.is_empty() && next.path.starts_with('/') {
                for seg in next.path.split('/') {
                    assert!(seg != "." && seg != "..", "dot segment left in {next}");
                }
                assert_eq!(redirect::resolve_path(&next.path, ""), next.path, "stable");
            }
            // Written out and read again (fetch.rs requests the text), a URL with a host keeps
            // it. (Without one — an opaque base — a path `//x` reads back as a host, as net/url's
            // own String does; go then has no host to ask either.)
            let shown = next.to_string();
            if !next.host.is_empty()
                && let Ok(again) = gourl::parse(&shown)
            {
                assert_eq!(again.host, next.host, "{shown}");
            }
            for via in [0, 5, 9, 10, 11] {
                let verdict = redirect::check(&base, &base, &next, via);
                let insecure = base.scheme == "https" && next.scheme != "https";
                match verdict {
                    Err(Refusal::Insecure { .. }) => assert!(insecure),
                    Err(Refusal::TooMany) => assert!(via >= 10 && !insecure),
                    Ok(()) => assert!(via < 10 && !insecure),
                    Err(other) => panic!("{other:?}"),
                }
            }
        }
    }
}

const STATUS_URL: &str = "https://proxy.example/m/@v/list";

/// Content-Type `\0` body, with a status from the first byte: go's `reading …: <status>` and at
/// most 8 `server response:` lines, only of plain UTF-8 text without terminal control.
pub fn check_server_response(data: &[u8]) {
    let Some((&s, rest)) = data.split_first() else {
        return;
    };
    let status = 400 + u16::from(s) % 200;
    let (ct, body) = split2(rest);
    let ct = String::from_utf8_lossy(ct);
    let msg = goerror::status_error(STATUS_URL, status, Some(&ct), body);
    let head = format!("reading {STATUS_URL}: {}", goerror::status_text(status));
    assert!(msg.starts_with(&head), "{msg:?}");
    let detail = &msg[head.len()..];
    if detail.is_empty() {
        return;
    }
    assert!(
        detail.starts_with("\n\tserver response: ")
            || detail.starts_with("\n\tserver response:\n\t"),
        "{detail:?}"
    );
    let lines: Vec<&str> = detail.split('\n').skip(1).collect();
    assert!(lines.len() <= 10, "{} lines", lines.len());
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with('\t') && !l[1..].trim().is_empty())
    );
    for c in detail.chars() {
        assert!(
            !c.is_control() || c.is_whitespace(),
            "control character {c:?} reached the message"
        );
        assert!(
            !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
            "bidi override {c:?} reached the message"
        );
    }
    let first = &body[..body.len().min(4096)];
    assert!(
        std::str::from_utf8(first).is_ok() || first.len() == 4096,
        "go shows nothing of a body that is not UTF-8"
    );
    let text_len: usize = lines.iter().map(|l| l.len()).sum();
    assert!(text_len <= 648 + 40 + 10, "{text_len} bytes of detail");
}

/// `probe::http_head`: what hyper is handed of a response stream. The same whatever the reads
/// the stream arrives in; a subsequence of what the server sent; all of it while the stream has
/// no more lines than the filter hands on as they come; never "too large" below go's limit.
pub fn check_http_head(data: &[u8]) {
    use godoctor::probe::http::GO_MAX_HEADER_BYTES;
    use godoctor::probe::http_head::{KEPT_LINES, filter_in_reads};
    let whole = filter_in_reads(data, data.len());
    for chunk in [1, 2, 3, 7, 64] {
        assert_eq!(
            filter_in_reads(data, chunk),
            whole,
            "reads of {chunk} bytes disagree with one read"
        );
    }
    if data.len() <= GO_MAX_HEADER_BYTES {
        let Some(out) = whole else {
            panic!("{} bytes called larger than go's limit", data.len());
        };
        let mut rest = data.iter();
        assert!(
            out.iter().all(|b| rest.any(|d| d == b)),
            "the filter added or reordered bytes"
        );
        if data.iter().filter(|b| **b == b'\n').count() <= KEPT_LINES {
            assert_eq!(out, data, "a short stream must pass untouched");
        }
    }
}
