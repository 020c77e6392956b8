//! Invariants of godoctor's parsers, shared by the cargo-fuzz targets (`fuzz_targets/*.rs`) and
//! the stable-toolchain test `tests/it/parsers_never_panic.rs` (which includes this file with
//! `#[path]`), so both check exactly the same properties.
//!
//! Every `check_*` function takes raw bytes, runs one parser family on them and panics when an
//! invariant breaks. Where a parser needs two strings, the bytes are split at the first 0 byte.
//! Only `godoctor`'s public API and `std` are used here.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use godoctor::config::env::go_lossy;
use godoctor::config::goproxy::{self, FallThrough, ProxyEntry, ProxyListError};
use godoctor::config::gosumdb::{self, SumDbError, SumDbSetting, VerifierError};
use godoctor::config::patterns::{
    bad_patterns, match_prefix_patterns, matching_pattern, path_match,
};
use godoctor::config::{git, goenv_file, gomod, gourl, http_proxy, netrc};

/// Invariants that godoctor is currently known to break (each is described in fuzz/README.md).
/// A caller can tolerate them so everything else is still checked: the fuzz targets do when the
/// environment variable `GODOCTOR_FUZZ_TOLERATE` names them (comma-separated, or `all`); the
/// stable test does in its main tests, and checks each one strictly in an `#[ignore]`d test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// `redaction`: a password from a `scheme://user:pass@host` can reach an error text.
    Redaction,
    /// `gomod-blocks`: a block of a directive go does not allow in block form (`use (` in go.mod,
    /// `module (` in go.work, `go (` …) is read as if it were allowed.
    GomodBlocks,
}

impl Known {
    pub const ALL: &'static [Known] = &[Known::Redaction, Known::GomodBlocks];

    pub fn name(self) -> &'static str {
        match self {
            Known::Redaction => "redaction",
            Known::GomodBlocks => "gomod-blocks",
        }
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

const UNSET: u32 = u32::MAX;

thread_local! {
    static TOLERATED: std::cell::Cell<u32> = const { std::cell::Cell::new(UNSET) };
}

/// Tolerates exactly `issues` on this thread (overrides `GODOCTOR_FUZZ_TOLERATE`).
pub fn tolerate(issues: &[Known]) {
    TOLERATED.with(|t| t.set(issues.iter().fold(0, |acc, k| acc | k.bit())));
}

fn tolerated(issue: Known) -> bool {
    TOLERATED.with(|t| {
        if t.get() == UNSET {
            let var = std::env::var("GODOCTOR_FUZZ_TOLERATE").unwrap_or_default();
            let names: Vec<&str> = var.split(',').map(str::trim).collect();
            let bits = Known::ALL
                .iter()
                .filter(|k| names.contains(&"all") || names.contains(&k.name()))
                .fold(0, |acc, k| acc | k.bit());
            t.set(bits);
        }
        t.get() & issue.bit() != 0
    })
}

/// Splits `data` at its first 0 byte (the second part is empty when there is none).
pub fn split2(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Redaction
// ---------------------------------------------------------------------------------------------

/// Every fixed text an error message may contain, so a "password" that is a piece of one of them
/// is not mistaken for a leak.
const FIXED_TEXTS: &str = "invalid proxy URL missing scheme: \
    invalid proxy URL scheme (must be https, http, file): \
    invalid file:// proxy URL with non-path elements: \
    GOPROXY list is not the empty string, but contains no entries \
    parse \"https://xxxxx@\": net/url: invalid control character in URL \
    missing protocol scheme first path segment in URL cannot contain colon \
    net/url: invalid userinfo missing ']' in host invalid port after host \
    invalid URL escape invalid character in host name \
    missing GOSUMDB invalid GOSUMDB: too many fields invalid GOSUMDB URL: \
    malformed verifier id invalid verifier hash unknown verifier algorithm \
    invalid sumdb name (must be host[/path]): invalid proxy address: http://";

/// The passwords written as `scheme://user:PASSWORD@host` in `input`. The authority is read the
/// way go's `url.Parse` reads it (it ends at `/`, `?` or `#`), and never across a GOPROXY
/// separator (`,` or `|`). A scheme-less `//user:pass@host` counts too. With `implicit_scheme`
/// (GOPROXY entries, HTTP(S)_PROXY values), entries without `:/` are also read with the `https://`
/// that go puts in front of them. Userinfo with whitespace or control characters is left out: it
/// is not something a person writes as credentials, and free-text redaction rightly stops there.
pub fn passwords(input: &str, implicit_scheme: bool) -> Vec<String> {
    fn scan(s: &str, out: &mut Vec<String>) {
        let mut rest = s;
        while let Some(p) = rest.find("://") {
            let tail = &rest[p + 3..];
            let end = tail.find(['/', '?', '#', ',', '|']).unwrap_or(tail.len());
            let authority = &tail[..end];
            if let Some(at) = authority.rfind('@') {
                let userinfo = &authority[..at];
                let plain = !userinfo
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control());
                if let (true, Some((_, pw))) = (plain, userinfo.split_once(':')) {
                    out.push(pw.to_owned());
                }
            }
            rest = tail;
        }
    }
    let mut out = Vec::new();
    scan(input, &mut out);
    for entry in input.split([',', '|']) {
        let entry = entry.trim();
        if entry.starts_with("//") && !entry.starts_with("///") {
            // A scheme-less `//user:pass@host`: still an authority for url.Parse.
            scan(&format!("x:{entry}"), &mut out);
        } else if implicit_scheme && !entry.contains(":/") {
            scan(&format!("https://{entry}"), &mut out);
        }
    }
    out
}

/// Occurrences of `needle` in `hay`, overlapping ones included.
fn occurrences(hay: &str, needle: &str) -> usize {
    hay.char_indices()
        .filter(|(i, _)| hay[*i..].starts_with(needle))
        .count()
}

/// The redaction invariant: a password from a `scheme://user:pass@host` in `input` never appears
/// in `message`. To rule out coincidences, only passwords of 4+ characters that occur exactly
/// once in the input (raw and Go-quoted), and that contain nothing a message adds around the
/// input (`@`, double quotes, backslashes, fixed error texts), are checked.
pub fn assert_no_password(input: &str, message: &str, implicit_scheme: bool) {
    if tolerated(Known::Redaction) {
        return;
    }
    for pw in passwords(input, implicit_scheme) {
        let checkable = pw.chars().count() >= 4
            && !pw.contains(['@', '"', '\\'])
            && !FIXED_TEXTS.contains(pw.as_str())
            && occurrences(input, &pw) == 1
            && occurrences(&gourl::go_quote(input), &pw) == 1;
        if checkable {
            assert!(
                !message.contains(pw.as_str()),
                "password {pw:?} of input {input:?} leaked into message {message:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// GOPROXY
// ---------------------------------------------------------------------------------------------

pub fn check_goproxy(data: &[u8]) {
    let (a, b) = split2(data);
    goproxy_pair(&text(a), &text(b));
}

pub fn goproxy_pair(goproxy_value: &str, gonoproxy: &str) {
    let noproxy_expected = !gonoproxy.is_empty() && goproxy_value != "direct";
    let list = match goproxy::parse(goproxy_value, gonoproxy) {
        Ok(list) => list,
        Err(e) => {
            let message = e.to_string();
            assert!(!message.is_empty());
            let all_blank = goproxy_value.split([',', '|']).all(|s| s.trim().is_empty());
            assert_eq!(
                e == ProxyListError::NoEntries,
                all_blank,
                "NoEntries exactly when every entry is blank: {goproxy_value:?} -> {e:?}"
            );
            assert_no_password(goproxy_value, &message, true);
            return;
        }
    };
    let specs = &list.specs;
    assert!(!specs.is_empty(), "an accepted GOPROXY list is never empty");
    assert!(
        specs.iter().any(|s| s.entry != ProxyEntry::NoProxy),
        "an accepted list has a real entry: {goproxy_value:?}"
    );
    assert_eq!(
        specs[0].entry == ProxyEntry::NoProxy,
        noproxy_expected,
        "noproxy comes first exactly when GONOPROXY is set and GOPROXY is not `direct`"
    );
    for (i, spec) in specs.iter().enumerate() {
        match &spec.entry {
            ProxyEntry::NoProxy => {
                assert_eq!(i, 0, "NoProxy only first: {goproxy_value:?}");
                assert_eq!(spec.fall_through, FallThrough::NotFoundOnly);
            }
            ProxyEntry::Off | ProxyEntry::Direct => {
                assert_eq!(
                    i,
                    specs.len() - 1,
                    "off/direct end the list: {goproxy_value:?}"
                )
            }
            ProxyEntry::Url(u) => check_proxy_entry(goproxy_value, u),
        }
    }
    let last_is_terminal = matches!(
        specs.last().map(|s| &s.entry),
        Some(ProxyEntry::Off | ProxyEntry::Direct)
    );
    assert!(
        list.ignored.is_empty() || last_is_terminal,
        "entries are ignored only after off/direct"
    );
    for ig in &list.ignored {
        assert!(!ig.is_empty() && ig.trim() == ig, "ignored entry {ig:?}");
        assert!(goproxy_value.contains(ig.as_str()));
    }
    for imp in &list.implicit_https {
        let want = format!("https://{imp}");
        assert!(
            list.urls().any(|u| u == want),
            "implicit https entry {imp:?} is in the list"
        );
    }
    for t in &list.trimmed {
        assert_ne!(t.trim(), t.as_str());
    }

    // Writing the list back out and parsing it again gives the same entries.
    let mut again = String::new();
    for spec in specs.iter().filter(|s| s.entry != ProxyEntry::NoProxy) {
        again.push_str(spec.entry.as_str());
        match spec.fall_through {
            FallThrough::AnyError => again.push('|'),
            FallThrough::NotFoundOnly => again.push(','),
        }
    }
    let reparsed = goproxy::parse(&again, "")
        .unwrap_or_else(|e| panic!("re-parsing {again:?} (from {goproxy_value:?}) failed: {e}"));
    let real: Vec<_> = specs
        .iter()
        .filter(|s| s.entry != ProxyEntry::NoProxy)
        .collect();
    let reparsed_real: Vec<_> = reparsed.specs.iter().collect();
    assert_eq!(
        real, reparsed_real,
        "GOPROXY {goproxy_value:?} did not round-trip via {again:?}"
    );
}

/// An accepted proxy URL: go's `newProxyRepo` accepts it, and its scheme is http, https or file.
fn check_proxy_entry(input: &str, u: &str) {
    assert!(!u.is_empty());
    assert_eq!(u.trim(), u, "entries are trimmed");
    assert!(
        !u.contains([',', '|']),
        "an entry never spans a separator: {u:?}"
    );
    assert!(
        input.contains(u)
            || u.strip_prefix("https://")
                .is_some_and(|r| input.contains(r)),
        "entry {u:?} comes from {input:?}"
    );
    let parsed =
        gourl::parse(u).unwrap_or_else(|e| panic!("accepted entry {u:?} fails to parse: {e}"));
    let scheme = parsed.scheme.as_str();
    assert!(
        matches!(scheme, "http" | "https" | "file"),
        "accepted entry {u:?} has scheme {scheme:?}"
    );
    assert!(
        u.to_ascii_lowercase().starts_with(&format!("{scheme}:")),
        "entry {u:?} starts with its scheme"
    );
    if scheme == "file" {
        assert!(
            parsed.host.is_empty()
                && parsed.userinfo.is_none()
                && parsed.opaque.is_empty()
                && parsed.raw_query.is_empty()
                && parsed.fragment.is_empty(),
            "file:// entry with non-path elements accepted: {u:?}"
        );
    }
    assert_eq!(goproxy::validate_proxy_url(u), Ok(()));
}

// ---------------------------------------------------------------------------------------------
// GOSUMDB
// ---------------------------------------------------------------------------------------------

/// Standard base64 with padding (what `note.NewVerifier` decodes).
pub fn base64_std(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn vkey_for(name: &str, key: &[u8]) -> String {
    format!(
        "{name}+{:08x}+{}",
        gosumdb::key_hash(name, key),
        base64_std(key)
    )
}

/// Runs GOSUMDB's parsers twice: on the input as typed, and on a verifier key built from it
/// (name, key bytes and URL split at 0 bytes) with a correct hash, which random bytes never have.
pub fn check_gosumdb(data: &[u8]) {
    gosumdb_value(&text(data));
    let (name, rest) = split2(data);
    let (key, url) = split2(rest);
    gosumdb_built(&text(name), key, &text(url));
}

pub fn gosumdb_value(s: &str) {
    if let Ok(v) = gosumdb::parse_verifier_key(s) {
        check_verifier(&v);
    }
    let fields = s.split_whitespace().count();
    match gosumdb::parse(s) {
        Ok(SumDbSetting::Off) => assert_eq!(s, "off"),
        Ok(SumDbSetting::Db(db)) => {
            assert_ne!(s, "off");
            check_db(&db);
            assert_eq!(db.google_cn_alias, s == "sum.golang.google.cn");
            if !db.google_cn_alias {
                assert!((1..=2).contains(&fields), "{s:?} has {fields} fields");
                assert_eq!(db.url.is_some(), fields == 2);
                if let Some(u) = &db.url {
                    assert!(s.contains(u.as_str()));
                }
            }
            if db.builtin_key {
                assert_eq!(db.key, gosumdb::SUM_GOLANG_ORG_KEY);
                assert_eq!(db.name, "sum.golang.org");
            }
        }
        Err(e) => {
            assert_ne!(s, "off");
            assert_eq!(e == SumDbError::Missing, fields == 0, "{s:?}: {e:?}");
            assert_eq!(e == SumDbError::TooManyFields, fields > 2, "{s:?}: {e:?}");
            if let SumDbError::Url(_) = e {
                let url = s
                    .split_whitespace()
                    .nth(1)
                    .expect("a URL error has a URL field");
                assert_no_password(url, &e.to_string(), false);
            }
        }
    }
}

fn check_verifier(v: &gosumdb::VerifierKey) {
    let mut key = vec![1u8];
    key.extend_from_slice(&v.public_key);
    assert_eq!(v.key_hash, gosumdb::key_hash(&v.name, &key), "{v:?}");
    assert!(!v.name.is_empty());
    assert!(!v.name.contains('+') && !v.name.chars().any(char::is_whitespace));
    // Re-encoding the key gives a key that parses to the same thing.
    assert_eq!(
        gosumdb::parse_verifier_key(&vkey_for(&v.name, &key)).as_ref(),
        Ok(v)
    );
}

fn check_db(db: &gosumdb::SumDb) {
    let mut key = vec![1u8];
    key.extend_from_slice(&db.public_key);
    assert_eq!(
        db.key_hash,
        gosumdb::key_hash(&db.name, &key),
        "key_hash of an accepted GOSUMDB is keyHash(name, 1 || public key): {db:?}"
    );
    let v = gosumdb::parse_verifier_key(&db.key).expect("an accepted GOSUMDB key parses again");
    assert_eq!(
        (v.name.as_str(), v.key_hash, v.public_key),
        (db.name.as_str(), db.key_hash, db.public_key)
    );
    check_verifier(&v);
    let direct = gourl::parse(&db.direct_url()).expect("the database's own URL parses");
    assert!(!direct.host.is_empty() && direct.userinfo.is_none());
    assert!(!db.name.ends_with('/'));
    if let Some(u) = &db.url {
        assert!(gourl::parse(u).is_ok());
    }
}

pub fn gosumdb_built(name: &str, key: &[u8], url: &str) {
    let vkey = vkey_for(name, key);
    let name_ok = !name.is_empty() && !name.contains('+') && !name.chars().any(char::is_whitespace);
    let want = if name.contains('+') {
        None // the name is split at its '+': some error, which one depends on the rest
    } else if !name_ok || key.is_empty() {
        Some(Err(VerifierError::MalformedId))
    } else if key[0] != 1 {
        Some(Err(VerifierError::UnknownAlgorithm))
    } else if key.len() != 33 {
        Some(Err(VerifierError::MalformedId))
    } else {
        Some(Ok(()))
    };
    let got = gosumdb::parse_verifier_key(&vkey);
    match want {
        None => assert!(got.is_err(), "{vkey:?} -> {got:?}"),
        Some(w) => assert_eq!(got.as_ref().map(|_| ()).map_err(|e| *e), w, "{vkey:?}"),
    }
    if let Ok(v) = &got {
        assert_eq!(v.name, name);
        assert_eq!(&v.public_key[..], &key[1..]);
        check_verifier(v);
    }
    if !name_ok || got.is_err() {
        return;
    }
    let value = if url.is_empty() {
        vkey.clone()
    } else {
        format!("{vkey} {url}")
    };
    gosumdb_value(&value);
    let fields: Vec<&str> = value.split_whitespace().collect();
    match gosumdb::parse(&value) {
        Ok(SumDbSetting::Db(db)) => {
            assert_eq!(db.name, name);
            assert_eq!(db.key, vkey);
            assert!(!db.builtin_key && !db.google_cn_alias);
            assert_eq!(db.url.as_deref(), fields.get(1).copied());
        }
        Ok(SumDbSetting::Off) => panic!("{value:?} is off"),
        Err(SumDbError::TooManyFields) => assert!(fields.len() > 2),
        Err(SumDbError::Name(n)) => {
            assert_eq!(n, name);
            assert!(fields.len() <= 2);
        }
        Err(SumDbError::Url(e)) => {
            assert_eq!(fields.len(), 2);
            assert!(gourl::parse(fields[1]).is_err());
            assert_no_password(fields[1], &e.to_string(), false);
        }
        Err(e) => panic!("valid key {vkey:?} rejected: {e:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------------------------

pub fn check_patterns(data: &[u8]) {
    let (a, b) = split2(data);
    patterns_pair(&text(a), &text(b));
}

/// One pattern of a list against `target`, as `module.MatchPrefixPatterns` documents it: a
/// trailing `/` dropped, and a pattern of N+1 elements matched against the first N+1 elements.
pub fn single_prefix_match(glob: &str, target: &str) -> bool {
    let glob = glob.strip_suffix('/').unwrap_or(glob);
    if glob.is_empty() {
        return false;
    }
    let n = glob.matches('/').count();
    let elems: Vec<&str> = target.split('/').collect();
    if elems.len() < n + 1 {
        return false;
    }
    path_match(glob, &elems[..n + 1].join("/")).unwrap_or(false)
}

/// A pattern that matches exactly `s`.
pub fn escape_pattern(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn patterns_pair(globs: &str, target: &str) {
    let any = globs.split(',').any(|g| single_prefix_match(g, target));
    let matched = match_prefix_patterns(globs, target);
    assert_eq!(
        matched, any,
        "match_prefix_patterns({globs:?}, {target:?}) disagrees with its single patterns"
    );
    let which = matching_pattern(globs, target);
    assert_eq!(which.is_some(), matched);
    if let Some(p) = which {
        assert!(single_prefix_match(p, target));
        assert!(globs.split(',').any(|g| g == p));
    }
    if matched {
        // A match on a prefix is a match on anything below it.
        assert!(
            match_prefix_patterns(globs, &format!("{target}/sub")),
            "{globs:?} matches {target:?} but not {target:?}/sub"
        );
    }

    for bad in bad_patterns(globs) {
        assert!(!bad.is_empty());
        assert!(globs.split(',').any(|g| g == bad));
        assert!(
            path_match(bad, target).is_err(),
            "{bad:?} is bad for every name"
        );
        assert!(
            !match_prefix_patterns(bad, target),
            "bad pattern {bad:?} matched"
        );
    }

    // path_match on the two halves, each way round.
    for (pattern, name) in [(globs, target), (target, globs)] {
        let r = path_match(pattern, name);
        assert_eq!(
            r.is_err(),
            path_match(pattern, "").is_err(),
            "whether {pattern:?} is malformed does not depend on the name ({name:?})"
        );
        if !pattern.contains(['*', '?', '[', '\\']) {
            assert_eq!(r, Ok(pattern == name), "literal {pattern:?} vs {name:?}");
        }
        if r == Ok(true) && !pattern.contains('[') {
            // `*`, `?` and literals never match across a '/'.
            assert_eq!(
                pattern.matches('/').count(),
                name.matches('/').count(),
                "{pattern:?} matched {name:?}"
            );
        }
        if r == Ok(true)
            && !pattern.is_empty()
            && !pattern.contains(['[', ','])
            && !pattern.ends_with('/')
        {
            assert!(
                match_prefix_patterns(pattern, name),
                "path.Match({pattern:?}, {name:?}) but not MatchPrefixPatterns"
            );
        }
    }
    assert_eq!(
        path_match(&escape_pattern(target), target),
        Ok(true),
        "{target:?}"
    );
    assert_eq!(path_match("*", target), Ok(!target.contains('/')));
}

// ---------------------------------------------------------------------------------------------
// go/env files
// ---------------------------------------------------------------------------------------------

pub fn check_goenv_file(data: &[u8]) {
    let path = Path::new("/fuzz/.config/go/env");
    let f = goenv_file::parse(path, data);
    assert_eq!(f.path, path);

    // The documented model: split on '\n'; a line counts when it has '=' and starts with A-Z;
    // later duplicates win.
    let mut want: BTreeMap<String, String> = BTreeMap::new();
    let lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    for line in &lines {
        let Some(eq) = line.iter().position(|&b| b == b'=') else {
            continue;
        };
        if !line.first().is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        want.insert(go_lossy(&line[..eq]), go_lossy(&line[eq + 1..]));
    }
    assert_eq!(f.values, want);

    for (k, v) in &f.values {
        assert!(
            k.as_bytes().first().is_some_and(u8::is_ascii_uppercase),
            "key {k:?} starts with A-Z"
        );
        assert!(!k.contains('\n') && !k.contains('='), "key {k:?}");
        assert!(!v.contains('\n'), "value {v:?} of {k:?}");
    }
    for list in [&f.duplicates, &f.crlf_keys, &f.non_utf8_keys] {
        for k in list {
            assert!(f.values.contains_key(k), "{k:?} is a key");
        }
    }
    let mut dups = f.duplicates.clone();
    dups.sort();
    dups.dedup();
    assert_eq!(dups.len(), f.duplicates.len(), "duplicates are listed once");

    let mut prev = 0;
    for ig in &f.ignored {
        assert!(ig.line > prev && ig.line <= lines.len(), "line {}", ig.line);
        prev = ig.line;
        let raw = lines[ig.line - 1];
        assert!(!raw.iter().all(u8::is_ascii_whitespace));
        assert!(!ig.text.contains('\n'));
    }
    assert!(f.ignored.len() + f.values.len() <= lines.len());

    // Writing the values back (as `go env -w` would) reads back the same.
    let mut out = Vec::new();
    for (k, v) in &f.values {
        out.extend_from_slice(format!("{k}={v}\n").as_bytes());
    }
    let again = goenv_file::parse(path, &out);
    assert_eq!(again.values, f.values);
    assert!(again.ignored.is_empty() && again.duplicates.is_empty());
}

// ---------------------------------------------------------------------------------------------
// URLs (net/url) and HTTP(S)_PROXY
// ---------------------------------------------------------------------------------------------

pub fn check_gourl(data: &[u8]) {
    let s = text(data);
    gourl_value(&s);
    proxy_value(&s);
}

pub fn gourl_value(s: &str) {
    match gourl::parse(s) {
        Ok(u) => check_url(s, &u),
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("parse \""), "{message}");
            assert_no_password(s, &message, false);
        }
    }
}

fn check_url(input: &str, u: &gourl::GoUrl) {
    let scheme = u.scheme.as_str();
    assert!(
        scheme.is_empty()
            || (scheme.as_bytes()[0].is_ascii_lowercase()
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"+-.".contains(&b))),
        "scheme {scheme:?} of {input:?}"
    );
    assert!(
        !u.host.contains('/') && !u.host.contains('@'),
        "host {:?}",
        u.host
    );
    assert!(!u.path.contains('?') && !u.raw_query.contains('#'));
    if let Some(p) = u.port() {
        assert!(
            p.bytes().all(|b| b.is_ascii_digit()),
            "port {p:?} of {input:?}"
        );
        assert!(u.host.ends_with(&format!(":{p}")));
    }
    let shown = u.to_string();
    assert!(
        shown.len() <= input.len() + 2,
        "{input:?} displays as {shown:?}"
    );
    let again = gourl::parse(&shown)
        .unwrap_or_else(|e| panic!("{input:?} displays as {shown:?}, which fails: {e}"));
    assert_eq!(&again, u, "{input:?} does not round-trip through {shown:?}");

    let red = u.redacted();
    match &u.userinfo {
        // URLs hidden in the path or query are redacted too (an embedded `//user:pass@`).
        None => assert_eq!(red, godoctor::redact::redact_authorities(&shown)),
        Some(ui) => {
            if u.opaque.is_empty() && !tolerated(Known::Redaction) {
                let head = format!(
                    "{}{}//xxxxx@{}",
                    scheme,
                    if scheme.is_empty() { "" } else { ":" },
                    u.host
                );
                assert!(
                    red.starts_with(&head),
                    "redacted {input:?} is {red:?}: userinfo {ui:?} not hidden"
                );
            }
            assert_no_password(input, &red, false);
        }
    }
}

pub fn proxy_value(s: &str) {
    match http_proxy::parse_proxy(s) {
        Ok(u) => {
            assert!(!u.scheme.is_empty(), "proxy {s:?} -> {u:?}");
            let again = gourl::parse(&u.to_string()).expect("a proxy URL displays parseably");
            assert_eq!(again, u);
        }
        Err(msg) => {
            assert!(msg.starts_with("invalid proxy address: "), "{msg}");
            assert_no_password(s, &msg, true);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// go.mod / go.work / go.sum, netrc, git config
// ---------------------------------------------------------------------------------------------

pub fn check_gomod(data: &[u8]) {
    let (work, body) = match data.split_first() {
        Some((b, rest)) => (b & 1 == 1, rest),
        None => (false, data),
    };
    let s = text(body);
    gomod_text(&s, work);
    gosum_text(&s);
    netrc_text(&s);
    git_list(body);
}

pub fn gomod_text(s: &str, work: bool) {
    let m = gomod::parse(s, work);
    let lines = s.lines().count();
    for (line, msg) in &m.errors {
        assert!(
            *line >= 1 && *line <= lines,
            "error line {line} of {lines}: {msg}"
        );
        assert!(!msg.is_empty());
    }
    for (line, _) in &m.unknown {
        assert!(*line >= 1 && *line <= lines);
    }
    if let Some(first) = m.first_error("go.mod") {
        assert!(first.starts_with("go.mod:"));
    }
    // Directives of the other file kind are unknown, whether written alone or as a block.
    if !tolerated(Known::GomodBlocks) {
        if work {
            assert!(
                m.module.is_none(),
                "go.work {s:?} has a module {:?}",
                m.module
            );
        } else {
            assert!(
                m.uses.is_empty(),
                "go.mod {s:?} has `use` entries {:?}",
                m.uses
            );
        }
    }
    assert!(m.requires.len() + m.replaces.len() <= lines);
    for r in &m.replaces {
        let _ = r.is_local();
    }
}

pub fn gosum_text(s: &str) {
    use godoctor::config::gosum::GoSum;
    let sum = GoSum::parse(std::path::Path::new("go.sum"), s.as_bytes());
    let lines: Vec<&[u8]> = s.as_bytes().split(|b| *b == b'\n').collect();
    for ((module, version), hashes) in &sum.entries {
        for (suffix, recorded) in [("/go.mod", &hashes.go_mod), ("", &hashes.zip)] {
            for r in recorded {
                // Every recorded hash comes from the line it names, with those three fields.
                let line = String::from_utf8_lossy(lines[r.line - 1]);
                let f: Vec<&str> = line.split_whitespace().collect();
                assert_eq!(
                    f,
                    [
                        module.as_str(),
                        &format!("{version}{suffix}"),
                        r.hash.as_str()
                    ],
                    "line {}",
                    r.line
                );
            }
        }
    }
    if let Some(m) = sum.first_malformed {
        assert!(m.fields != 3 && m.line <= lines.len());
    }
}

pub fn netrc_text(s: &str) {
    let machines = netrc::machines(s);
    for (i, m) in machines.iter().enumerate() {
        assert!(
            !m.is_empty() && !m.chars().any(char::is_whitespace),
            "machine {m:?}"
        );
        assert!(!machines[..i].contains(m), "{m:?} listed twice");
        let tokens: Vec<&str> = s.split_whitespace().collect();
        assert!(
            tokens.windows(2).any(|w| w[0] == "machine" && w[1] == m),
            "{m:?} follows a `machine` token"
        );
    }
}

pub fn git_list(data: &[u8]) {
    let entries = git::parse_list(data);
    let fields = data.split(|&b| b == 0).count();
    assert!(entries.len() <= fields / 3);
    let mut out = Vec::new();
    for e in &entries {
        assert!(!e.key.is_empty() && !e.key.contains('\n'));
        assert!(!e.key.contains('\0') && !e.scope.contains('\0') && !e.origin.contains('\0'));
        assert!(!e.value.as_deref().unwrap_or("").contains('\0'));
        out.extend_from_slice(e.scope.as_bytes());
        out.push(0);
        out.extend_from_slice(e.origin.as_bytes());
        out.push(0);
        out.extend_from_slice(e.key.as_bytes());
        if let Some(v) = &e.value {
            out.push(b'\n');
            out.extend_from_slice(v.as_bytes());
        }
        out.push(0);
    }
    assert_eq!(git::parse_list(&out), entries, "git config list round-trip");

    let cfg = git::GitConfig {
        git: None,
        error: None,
        entries,
    };
    let _ = cfg.ssl_verify_off();
    let _ = cfg.proxies();
    let url = String::from_utf8_lossy(data);
    for url in [
        url.as_ref(),
        "https://github.com/x/y",
        "https://git.corp.example/team/x",
    ] {
        if let Some((rewritten, rule)) = cfg.rewrite(url) {
            let prefix = rule.prefix.expose();
            assert!(url.starts_with(prefix) && !prefix.is_empty());
            assert_eq!(
                rewritten,
                format!("{}{}", rule.base.expose(), &url[prefix.len()..])
            );
        }
    }
}

/// GOTOOLCHAIN values, go versions and `golang.org/toolchain/@v/list` bodies
/// (`config::toolchain`): the first line is GOTOOLCHAIN, the second a go line (the need), the
/// rest a toolchain list. Parsing never panics; a pick is a listed release at or above the need
/// and the latest patch of its family; listed versions come sorted, once each, with the local go.
pub fn check_toolchain(data: &[u8]) {
    use godoctor::config::toolchain::{self, Gover};
    let s = text(data);
    let mut lines = s.splitn(3, '\n');
    let gotoolchain = lines.next().unwrap_or("");
    let need = lines.next().unwrap_or("");
    let list = lines.next().unwrap_or("");
    let _ = toolchain::parse_setting(gotoolchain);
    let _ = toolchain::switch_mode(gotoolchain);
    let _ = toolchain::from_toolchain(gotoolchain);
    let local = Gover::parse("1.27.3").expect("a valid version");
    let lines_of = toolchain::Lines {
        file: "go.mod".into(),
        go: Some(need.to_owned()),
        toolchain: None,
    };
    let _ = toolchain::decide(gotoolchain, &local, Some(&lines_of));
    for l in list.lines() {
        if let Some(v) = toolchain::dl_to_go(l) {
            assert!(l.contains(v), "{v:?} is not part of {l:?}");
        }
    }
    let versions = toolchain::listed_versions(list, &local);
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "not sorted once each"
    );
    assert!(
        versions.contains(&local),
        "the local go is always a candidate"
    );
    if let Some(need) = Gover::parse(need) {
        let msg =
            toolchain::dependency_too_new("module m@v1.0.0", &need, &local, gotoolchain, None);
        assert!(msg.starts_with("module m@v1.0.0 requires go >= "), "{msg}");
        match toolchain::newer_toolchain(&need, &versions) {
            Ok(name) => {
                let v = toolchain::from_toolchain(&name).expect("a toolchain name");
                assert!(v >= need, "{name} is older than {need}");
                assert!(versions.contains(&v), "{name} is not listed");
                assert!(
                    !versions.iter().any(|o| o.family() == v.family() && *o > v),
                    "{name} is not the latest of its family"
                );
            }
            Err(e) => {
                assert!(e.starts_with("no releases found for go >= "), "{e}");
                assert!(versions.iter().all(|v| *v < need), "{e} with {versions:?}");
            }
        }
    }
}

/// A Go source file's header (`config::imports`: go's import reader, go/parser's ImportsOnly
/// view, build constraints under AnyTags), and its first line read as an import path
/// (`config::modpath`, `plan::imports`). Nothing panics; the reader keeps a prefix of the input
/// and whole literals; a path the rules accept is well formed; every module go would ask about
/// is a prefix of the import at a `/` boundary.
pub fn check_gofile(data: &[u8]) {
    use godoctor::config::imports::{constraint, gosyntax, reader};
    use godoctor::config::modpath;
    use godoctor::plan::imports::{BuildList, Lookup, Resolution, route_import};

    let h = reader::read_imports(data, 1 << 16);
    let stripped = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
    assert!(stripped.starts_with(&h.data), "the header is not a prefix");
    for q in &h.quoted {
        assert!(q.len() >= 2 && (q[0] == b'"' || q[0] == b'`'), "{q:?}");
        assert_eq!(q.last(), q.first(), "{q:?} does not close");
        if let Some(path) = reader::unquote(q) {
            assert!(q[0] == b'`' || !path.contains('\n') || q.contains(&b'\\'));
        }
    }
    if let Ok((name, imports)) = gosyntax::parse_header(&h.data) {
        assert!(!name.is_empty() && name != "package" && name != "import");
        for i in imports {
            let _ = gosyntax::is_valid_import(&i.path);
        }
    }
    let _ = constraint::should_build(&h.data, true);
    let _ = constraint::should_build(&h.data, false);

    let s = text(data);
    let path = s.lines().next().unwrap_or("");
    if modpath::check_module_path(path).is_ok() {
        assert!(modpath::check_import_path(path).is_ok(), "{path:?}");
        assert!(!modpath::is_standard_import_path(path), "{path:?}");
    }
    if modpath::check_import_path(path).is_ok() {
        assert!(!path.is_empty() && !path.contains("//") && !path.ends_with('/'));
    }
    if let Some((prefix, major)) = modpath::split_path_version(path) {
        assert_eq!(format!("{prefix}{major}"), path);
    }
    let list = BuildList {
        main_module: "example.com/m".into(),
        ..BuildList::default()
    };
    let route = route_import(path, &list);
    let missing = match &route.resolution {
        Resolution::Invalid { .. } => {
            assert!(
                modpath::check_import_path(path).is_err()
                    || path.contains('@')
                    || modpath::is_local_import(path)
                    || modpath::is_meta_package(path),
                "{path:?} refused"
            );
            return;
        }
        Resolution::Missing(m) => m,
        _ => return,
    };
    if let Lookup::Query { modules } = &missing.then {
        for m in modules {
            assert!(modpath::in_module(path, &m.path), "{} for {path:?}", m.path);
            assert!(m.path != "example.com/m");
        }
    }
}
