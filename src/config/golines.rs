//! go and toolchain lines as the installed go's `modfile` checks them (x/mod/modfile rule.go,
//! checked against x/mod's TestParseVersions in tests/conformance/gomod_lines.json): strictly
//! for the main module's go.mod and go.work, laxly for a dependency's go.mod, where go keeps
//! only the go, module, require and retract lines and repairs a go line it can read a
//! language version from (`go v1.2.3` reads as 1.2). Before go1.21 only `1.N` was a go
//! version, and `toolchain` was no directive at all.

use super::gomod::GoMod;
use super::goversion::GoVersion;

/// How go reads the file: the main module's (and go.work) strictly, a dependency's laxly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Strict,
    Lax,
}

/// Each go or toolchain line go rejects in this mode, with go's words (line, message).
pub fn problems(m: &GoMod, mode: Mode, go: &GoVersion) -> Vec<(usize, String)> {
    let modern = go.at_least(1, 21);
    let mut out = Vec::new();
    if mode == Mode::Lax {
        // A go line with other than one argument fails even a dependency's go.mod.
        out.extend(
            m.errors
                .iter()
                .filter(|(_, e)| e.starts_with("go directive"))
                .cloned(),
        );
    }
    if let (Some(v), Some(line)) = (&m.go, m.go_line) {
        let strict_ok = if modern {
            go_version(v)
        } else {
            old_go_version(v)
        };
        if !strict_ok && (mode == Mode::Strict || !lax_go_version(v)) {
            let format = if modern { "1.23.0" } else { "1.23" };
            out.push((
                line,
                format!("invalid go version '{v}': must match format {format}"),
            ));
        }
    }
    if let (Some(tc), Some(line), Mode::Strict) = (&m.toolchain, m.toolchain_line, mode) {
        if !modern {
            out.push((line, "unknown directive: toolchain".into()));
        } else if !(tc == "default" || tc == "go1" || tc.starts_with("go1.")) {
            out.push((
                line,
                format!("invalid toolchain version '{tc}': must match format go1.23.0 or default"),
            ));
        }
    }
    out
}

/// `[1-9][0-9]*` at the start of `s`, and the rest.
fn positive(s: &str) -> Option<&str> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    (end > 0 && !s.starts_with('0')).then(|| &s[end..])
}

/// `0|[1-9][0-9]*` at the start of `s`, and the rest.
fn natural(s: &str) -> Option<&str> {
    match s.strip_prefix('0') {
        Some(rest) if !rest.starts_with(|c: char| c.is_ascii_digit()) => Some(rest),
        Some(_) => None,
        None => positive(s),
    }
}

/// `major.minor` and the rest.
fn lang(s: &str) -> Option<&str> {
    natural(positive(s)?.strip_prefix('.')?)
}

/// `GoVersionRE` since go1.21: `1.23`, `1.23.4`, `1.23rc1`, `1.23.4rc1`.
fn go_version(s: &str) -> bool {
    let Some(mut rest) = lang(s) else {
        return false;
    };
    if let Some(p) = rest.strip_prefix('.') {
        match natural(p) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    if rest.is_empty() {
        return true;
    }
    let letters = rest
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(rest.len());
    let digits = &rest[letters..];
    letters > 0 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `GoVersionRE` before go1.21: `1.23` only.
fn old_go_version(s: &str) -> bool {
    lang(s).is_some_and(str::is_empty)
}

/// `laxGoVersionRE`: an optional `v`, `major.minor`, then anything starting with a non-digit.
fn lax_go_version(s: &str) -> bool {
    let s = s.strip_prefix('v').unwrap_or(s);
    lang(s).is_some_and(|rest| rest.starts_with(|c: char| !c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, mode: Mode, go: (u32, u32)) -> Vec<(usize, String)> {
        let m = super::super::gomod::parse(text, false);
        problems(&m, mode, &GoVersion::new(1, go.0, go.1))
    }

    #[test]
    fn strict_and_lax_like_modfile() {
        let go = (27, 0);
        assert!(check("module m\ngo 1.2rc1\n", Mode::Strict, go).is_empty());
        assert_eq!(
            check("module m\ngo v1.2\n", Mode::Strict, go),
            vec![(
                2,
                "invalid go version 'v1.2': must match format 1.23.0".to_owned()
            )]
        );
        assert!(check("module m\ngo v1.2.3\n", Mode::Lax, go).is_empty());
        assert!(!check("module m\ngo v1.2\n", Mode::Lax, go).is_empty());
        assert!(!check("module m\ngo 1\n", Mode::Lax, go).is_empty());
        assert!(!check("module m\ntoolchain inconceivable!\n", Mode::Strict, go).is_empty());
        assert!(check("module m\ntoolchain inconceivable!\n", Mode::Lax, go).is_empty());
        // go1.19 knows only 1.N.
        assert_eq!(
            check("module m\ngo 1.2rc1\n", Mode::Strict, (19, 8)),
            vec![(
                2,
                "invalid go version '1.2rc1': must match format 1.23".to_owned()
            )]
        );
        assert!(check("module m\ngo 1.22.3\n", Mode::Lax, (19, 8)).is_empty());
    }
}
