//! Module path patterns: GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE and GOVCS's patterns.
//!
//! A byte-for-byte port of Go's `path.Match` and `golang.org/x/mod/module.MatchPrefixPatterns`
//! (docs/go/semantics.md §1 "Pattern matching"), because users' lists are matched by go exactly this
//! way: comma-separated, never trimmed (`a.com, b.com` never matches `b.com`), a trailing `/`
//! dropped, and a pattern of N+1 elements compared with the first N+1 elements of the path.

/// `path.ErrBadPattern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("syntax error in pattern")]
pub struct BadPattern;

/// `module.MatchPrefixPatterns(globs, target)`.
pub fn match_prefix_patterns(globs: &str, target: &str) -> bool {
    globs.split(',').any(|glob| {
        let glob = glob.strip_suffix('/').unwrap_or(glob);
        !glob.is_empty() && glob_matches_prefix(glob, target)
    })
}

/// The pattern in `globs` that matches `target` first, for reports.
pub fn matching_pattern<'a>(globs: &'a str, target: &str) -> Option<&'a str> {
    globs.split(',').find(|glob| {
        let glob = glob.strip_suffix('/').unwrap_or(glob);
        !glob.is_empty() && glob_matches_prefix(glob, target)
    })
}

fn glob_matches_prefix(glob: &str, target: &str) -> bool {
    let mut n = glob.bytes().filter(|&b| b == b'/').count();
    let mut prefix = target;
    for (i, b) in target.bytes().enumerate() {
        if b == b'/' {
            if n == 0 {
                prefix = &target[..i];
                break;
            }
            n -= 1;
        }
    }
    n == 0 && path_match(glob, prefix).unwrap_or(false)
}

/// Checks that every pattern in a list is well-formed, returning the bad ones.
pub fn bad_patterns(globs: &str) -> Vec<&str> {
    globs
        .split(',')
        .filter(|g| !g.is_empty() && path_match(g, "").is_err())
        .collect()
}

/// Go's `path.Match`.
pub fn path_match(pattern: &str, name: &str) -> Result<bool, BadPattern> {
    let mut pattern = pattern.as_bytes();
    let mut name = name.as_bytes();
    'pattern: while !pattern.is_empty() {
        let (star, chunk, rest) = scan_chunk(pattern);
        pattern = rest;
        if star && chunk.is_empty() {
            return Ok(!name.contains(&b'/'));
        }
        let (t, ok) = match_chunk(chunk, name)?;
        if ok && (t.is_empty() || !pattern.is_empty()) {
            name = t;
            continue;
        }
        if star {
            let mut i = 0;
            while i < name.len() && name[i] != b'/' {
                let (t, ok) = match_chunk(chunk, &name[i + 1..])?;
                if ok {
                    if pattern.is_empty() && !t.is_empty() {
                        i += 1;
                        continue;
                    }
                    name = t;
                    continue 'pattern;
                }
                i += 1;
            }
        }
        // Go validates the rest of the pattern before answering "no".
        while !pattern.is_empty() {
            let (_, chunk, rest) = scan_chunk(pattern);
            pattern = rest;
            match_chunk(chunk, b"")?;
        }
        return Ok(false);
    }
    Ok(name.is_empty())
}

fn scan_chunk(mut pattern: &[u8]) -> (bool, &[u8], &[u8]) {
    let mut star = false;
    while let [b'*', rest @ ..] = pattern {
        pattern = rest;
        star = true;
    }
    let mut in_range = false;
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            b'\\' if i + 1 < pattern.len() => i += 1,
            b'[' => in_range = true,
            b']' => in_range = false,
            b'*' if !in_range => return (star, &pattern[..i], &pattern[i..]),
            _ => {}
        }
        i += 1;
    }
    (star, pattern, &[])
}

/// `utf8.DecodeRuneInString`: invalid bytes decode as U+FFFD of width 1.
fn decode_rune(s: &[u8]) -> (char, usize) {
    let width = match s.first() {
        None => return (char::REPLACEMENT_CHARACTER, 0),
        Some(b) if *b < 0x80 => 1,
        Some(b) if b >> 5 == 0b110 => 2,
        Some(b) if b >> 4 == 0b1110 => 3,
        Some(b) if b >> 3 == 0b11110 => 4,
        Some(_) => return (char::REPLACEMENT_CHARACTER, 1),
    };
    match s.get(..width).and_then(|w| std::str::from_utf8(w).ok()) {
        Some(w) => (
            w.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER),
            width,
        ),
        None => (char::REPLACEMENT_CHARACTER, 1),
    }
}

fn match_chunk<'s>(mut chunk: &[u8], mut s: &'s [u8]) -> Result<(&'s [u8], bool), BadPattern> {
    let mut failed = false;
    while let Some(&c) = chunk.first() {
        failed = failed || s.is_empty();
        match c {
            b'[' => {
                let mut r = '\0';
                if !failed {
                    let (rr, n) = decode_rune(s);
                    r = rr;
                    s = &s[n..];
                }
                chunk = &chunk[1..];
                let mut negated = false;
                if chunk.first() == Some(&b'^') {
                    negated = true;
                    chunk = &chunk[1..];
                }
                let mut matched = false;
                let mut nrange = 0;
                loop {
                    if chunk.first() == Some(&b']') && nrange > 0 {
                        chunk = &chunk[1..];
                        break;
                    }
                    let (lo, rest) = get_esc(chunk)?;
                    chunk = rest;
                    let mut hi = lo;
                    if chunk.first() == Some(&b'-') {
                        let (h, rest) = get_esc(&chunk[1..])?;
                        hi = h;
                        chunk = rest;
                    }
                    matched = matched || (lo <= r && r <= hi);
                    nrange += 1;
                }
                failed = failed || matched == negated;
            }
            b'?' => {
                if !failed {
                    failed = s[0] == b'/';
                    let (_, n) = decode_rune(s);
                    s = &s[n..];
                }
                chunk = &chunk[1..];
            }
            _ => {
                if c == b'\\' {
                    chunk = &chunk[1..];
                    if chunk.is_empty() {
                        return Err(BadPattern);
                    }
                }
                if !failed {
                    failed = chunk[0] != s[0];
                    s = &s[1..];
                }
                chunk = &chunk[1..];
            }
        }
    }
    Ok(if failed { (&[], false) } else { (s, true) })
}

fn get_esc(mut chunk: &[u8]) -> Result<(char, &[u8]), BadPattern> {
    match chunk.first() {
        None | Some(b'-') | Some(b']') => return Err(BadPattern),
        Some(b'\\') => {
            chunk = &chunk[1..];
            if chunk.is_empty() {
                return Err(BadPattern);
            }
        }
        _ => {}
    }
    let (r, n) = decode_rune(chunk);
    let rest = &chunk[n..];
    if (r == char::REPLACEMENT_CHARACTER && n == 1) || rest.is_empty() {
        return Err(BadPattern);
    }
    Ok((r, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Go's own path.Match table (src/path/match_test.go), the cases that matter here.
    #[test]
    fn path_match_table() {
        let cases: &[(&str, &str, Result<bool, BadPattern>)] = &[
            ("abc", "abc", Ok(true)),
            ("*", "abc", Ok(true)),
            ("*c", "abc", Ok(true)),
            ("a*", "a", Ok(true)),
            ("a*", "abc", Ok(true)),
            ("a*", "ab/c", Ok(false)),
            ("a*/b", "abc/b", Ok(true)),
            ("a*/b", "a/c/b", Ok(false)),
            ("a*b*c*d*e*/f", "axbxcxdxe/f", Ok(true)),
            ("a*b*c*d*e*/f", "axbxcxdxexxx/f", Ok(true)),
            ("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", Ok(false)),
            ("a*b*c*d*e*/f", "axbxcxdxexxx/fff", Ok(false)),
            ("a*b?c*x", "abxbbxdbxebxczzx", Ok(true)),
            ("a*b?c*x", "abxbbxdbxebxczzy", Ok(false)),
            ("ab[c]", "abc", Ok(true)),
            ("ab[b-d]", "abc", Ok(true)),
            ("ab[e-g]", "abc", Ok(false)),
            ("ab[^c]", "abc", Ok(false)),
            ("ab[^b-d]", "abc", Ok(false)),
            ("ab[^e-g]", "abc", Ok(true)),
            ("a\\*b", "a*b", Ok(true)),
            ("a\\*b", "ab", Ok(false)),
            ("a?b", "a☺b", Ok(true)),
            ("a[^a]b", "a☺b", Ok(true)),
            ("a???b", "a☺b", Ok(false)),
            ("a[^a][^a][^a]b", "a☺b", Ok(false)),
            ("[a-ζ]*", "α", Ok(true)),
            ("*[a-ζ]", "A", Ok(false)),
            ("a?b", "a/b", Ok(false)),
            ("a*b", "a/b", Ok(false)),
            ("[\\]a]", "]", Ok(true)),
            ("[\\-]", "-", Ok(true)),
            ("[x\\-]", "x", Ok(true)),
            ("[x\\-]", "-", Ok(true)),
            ("[x\\-]", "z", Ok(false)),
            ("[\\-x]", "x", Ok(true)),
            ("[\\-x]", "-", Ok(true)),
            ("[\\-x]", "a", Ok(false)),
            ("[]a]", "]", Err(BadPattern)),
            ("[-]", "-", Err(BadPattern)),
            ("[x-]", "x", Err(BadPattern)),
            ("[x-]", "-", Err(BadPattern)),
            ("[x-]", "z", Err(BadPattern)),
            ("[-x]", "x", Err(BadPattern)),
            ("[-x]", "-", Err(BadPattern)),
            ("[-x]", "a", Err(BadPattern)),
            ("\\", "a", Err(BadPattern)),
            ("[a-b-c]", "a", Err(BadPattern)),
            ("[", "a", Err(BadPattern)),
            ("[^", "a", Err(BadPattern)),
            ("[^bc", "a", Err(BadPattern)),
            ("a[", "a", Err(BadPattern)),
            ("a[", "ab", Err(BadPattern)),
            ("a[", "x", Err(BadPattern)),
            ("a/b[", "x", Err(BadPattern)),
            ("*x", "xxx", Ok(true)),
        ];
        for (pattern, name, want) in cases {
            assert_eq!(
                path_match(pattern, name),
                *want,
                "Match({pattern:?}, {name:?})"
            );
        }
    }

    // x/mod's TestMatchPrefixPatterns table, plus the list rules of docs/go/semantics.md §1.
    #[test]
    fn prefix_patterns() {
        let cases: &[(&str, &str, bool)] = &[
            ("", "rsc.io/quote", false),
            ("/", "rsc.io/quote", false),
            ("*/quote", "rsc.io/quote", true),
            ("*/quo", "rsc.io/quote", false),
            ("*/quo??", "rsc.io/quote", true),
            ("*/quo*", "rsc.io/quote", true),
            ("*quo*", "rsc.io/quote", false),
            ("rsc.io", "rsc.io/quote", true),
            ("*.io", "rsc.io/quote", true),
            ("rsc.io/", "rsc.io/quote", true),
            ("rsc", "rsc.io/quote", false),
            ("rsc*", "rsc.io/quote", true),
            ("rsc.io", "rsc.io/quote/v3", true),
            ("*/quote", "rsc.io/quote/v3", true),
            ("*/quote/", "rsc.io/quote/v3", true),
            ("*/quote/*", "rsc.io/quote/v3", true),
            ("*/quote/*/", "rsc.io/quote/v3", true),
            ("*/v3", "rsc.io/quote/v3", false),
            ("*/*/v3", "rsc.io/quote/v3", true),
            ("*/*/*", "rsc.io/quote/v3", true),
            ("*/*/*/", "rsc.io/quote/v3", true),
            ("*/*/*", "rsc.io/quote", false),
            ("*/*/*/", "rsc.io/quote", false),
            ("*/*/*,,", "rsc.io/quote", false),
            ("*/*/*,,*/quote", "rsc.io/quote", true),
            (",,*/quote", "rsc.io/quote", true),
            // Spaces are part of the pattern: go never trims them.
            ("a.com, b.com", "b.com/x", false),
            ("a.com, b.com", "a.com/x", true),
            ("a.com,b.com", "b.com/x", true),
            (
                "git.corp.example.com",
                "git.corp.example.com/team/repo",
                true,
            ),
            ("*.corp.example.com", "git.corp.example.com/team/repo", true),
            ("corp.example.com", "git.corp.example.com/team/repo", false),
            ("[", "rsc.io/quote", false),
        ];
        for (globs, target, want) in cases {
            assert_eq!(
                match_prefix_patterns(globs, target),
                *want,
                "MatchPrefixPatterns({globs:?}, {target:?})"
            );
        }
    }

    #[test]
    fn reports_bad_patterns_and_the_match() {
        assert_eq!(bad_patterns("a.com,[x,b.com"), vec!["[x"]);
        assert_eq!(matching_pattern("x.org,*.io", "rsc.io/quote"), Some("*.io"));
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        for p in ["[\u{fffd}", "[é-", "\\é", "?", "[^é]", "*?*", "[a-é]é"] {
            for n in ["", "é", "a/é", "\u{fffd}"] {
                let _ = path_match(p, n);
            }
        }
    }
}
