//! Module and import path rules, ported from `golang.org/x/mod/module` (`CheckPath`,
//! `CheckImportPath`, `SplitPathVersion`) and `cmd/go/internal/search` (`IsStandardImportPath`,
//! `IsMetaPackage`): which import paths go accepts, which it reserves for the standard library,
//! and which module paths it may ask a GOPROXY about (docs/go/semantics.md §10).
//!
//! The error texts are go's (`malformed import path "x": empty path element` is built by the
//! caller from [`InvalidPath`]'s parts).

use std::fmt;

/// Why a path is not a valid module or import path (`module.InvalidPathError`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidPath {
    /// `module` or `import`.
    pub kind: &'static str,
    pub path: String,
    pub reason: String,
}

impl fmt::Display for InvalidPath {
    /// `module.InvalidPathError.Error`: `malformed module path "x": reason`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "malformed {} path {}: {}",
            self.kind,
            go_quote(&self.path),
            self.reason
        )
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Module,
    Import,
}

/// `search.IsStandardImportPath`: the first element has no dot, so the path is reserved for
/// the standard library (and `cmd`) — go never asks a GOPROXY about it.
pub fn is_standard_import_path(path: &str) -> bool {
    let first = path.split('/').next().unwrap_or("");
    !first.contains('.')
}

/// `search.IsMetaPackage`: names that are patterns, never importable packages.
pub fn is_meta_package(name: &str) -> bool {
    matches!(name, "std" | "cmd" | "tool" | "work" | "all")
}

/// `build.IsLocalImport`: `.`, `..`, `./x`, `../x`.
pub fn is_local_import(path: &str) -> bool {
    path == "." || path == ".." || path.starts_with("./") || path.starts_with("../")
}

/// modload's `maybeInModule`: `path` is `module` or lies below it at a `/` boundary.
pub fn in_module(path: &str, module: &str) -> bool {
    path == module
        || (path.len() > module.len()
            && path.as_bytes()[module.len()] == b'/'
            && path.starts_with(module))
}

/// `module.CheckImportPath`.
pub fn check_import_path(path: &str) -> Result<(), InvalidPath> {
    check_path(path, Kind::Import).map_err(|reason| InvalidPath {
        kind: "import",
        path: path.to_owned(),
        reason,
    })
}

/// `module.CheckPath`: a valid import path whose first element looks like a domain name (a dot,
/// lower-case letters, digits, `-`, `.`; no leading dash), no element starting with a dot, and a
/// well-formed major-version suffix.
pub fn check_module_path(path: &str) -> Result<(), InvalidPath> {
    let invalid = |reason: String| InvalidPath {
        kind: "module",
        path: path.to_owned(),
        reason,
    };
    check_path(path, Kind::Module).map_err(invalid)?;
    let first = path.split('/').next().unwrap_or("");
    if first.is_empty() {
        return Err(invalid("leading slash".into()));
    }
    if !first.contains('.') {
        return Err(invalid("missing dot in first path element".into()));
    }
    if path.starts_with('-') {
        return Err(invalid("leading dash in first path element".into()));
    }
    if let Some(c) = first
        .chars()
        .find(|&c| !(c == '-' || c == '.' || c.is_ascii_digit() || c.is_ascii_lowercase()))
    {
        return Err(invalid(format!(
            "invalid char {} in first path element",
            go_quote_rune(c)
        )));
    }
    if split_path_version(path).is_none() {
        return Err(invalid("invalid version".into()));
    }
    Ok(())
}

/// `module.SplitPathVersion`: (prefix, `/vN` or `.vN` for gopkg.in) — `None` when the last
/// element is a malformed major version (`/v1`, `/v0`, `/v2.0`, `/v02`).
pub fn split_path_version(path: &str) -> Option<(&str, &str)> {
    if path.starts_with("gopkg.in/") {
        return split_gopkg_in(path);
    }
    let b = path.as_bytes();
    let mut i = b.len();
    let mut dot = false;
    while i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.') {
        dot |= b[i - 1] == b'.';
        i -= 1;
    }
    if i <= 1 || i == b.len() || b[i - 1] != b'v' || b[i - 2] != b'/' {
        return Some((path, ""));
    }
    let (prefix, major) = path.split_at(i - 2);
    if dot || major.len() <= 2 || major.as_bytes()[2] == b'0' || major == "/v1" {
        return None;
    }
    Some((prefix, major))
}

fn split_gopkg_in(path: &str) -> Option<(&str, &str)> {
    let b = path.as_bytes();
    let mut i = b.len();
    if path.ends_with("-unstable") {
        i -= "-unstable".len();
    }
    while i > 0 && b[i - 1].is_ascii_digit() {
        i -= 1;
    }
    if i <= 1 || b[i - 1] != b'v' || b[i - 2] != b'.' {
        return None;
    }
    let (prefix, major) = path.split_at(i - 2);
    if major.len() <= 2 || (major.as_bytes()[2] == b'0' && major != ".v0") {
        return None;
    }
    Some((prefix, major))
}

/// `module.ZeroPseudoVersion(major)`: the version go gives a module replaced without a version
/// (`v0.0.0-00010101000000-000000000000`).
pub fn zero_pseudo_version(major: &str) -> String {
    let major = if major.is_empty() { "v0" } else { major };
    format!("{major}.0.0-00010101000000-000000000000")
}

fn check_path(path: &str, kind: Kind) -> Result<(), String> {
    if path.is_empty() {
        return Err("empty string".into());
    }
    if path.starts_with('-') {
        return Err("leading dash".into());
    }
    if path.contains("//") {
        return Err("double slash".into());
    }
    if path.ends_with('/') {
        return Err("trailing slash".into());
    }
    path.split('/').try_for_each(|elem| check_elem(elem, kind))
}

const BAD_WINDOWS_NAMES: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

fn check_elem(elem: &str, kind: Kind) -> Result<(), String> {
    if elem.is_empty() {
        return Err("empty path element".into());
    }
    if elem.bytes().all(|b| b == b'.') {
        return Err(format!("invalid path element {}", go_quote(elem)));
    }
    if elem.starts_with('.') && kind == Kind::Module {
        return Err("leading dot in path element".into());
    }
    if elem.ends_with('.') {
        return Err("trailing dot in path element".into());
    }
    let allowed = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(c, '-' | '.' | '_' | '~')
            || (kind == Kind::Import && c == '+')
    };
    if let Some(c) = elem.chars().find(|&c| !allowed(c)) {
        return Err(format!("invalid char {}", go_quote_rune(c)));
    }
    let short = elem.split('.').next().unwrap_or(elem);
    if BAD_WINDOWS_NAMES
        .iter()
        .any(|bad| bad.eq_ignore_ascii_case(short))
    {
        return Err(format!(
            "{} disallowed as path element component on Windows",
            go_quote(short)
        ));
    }
    if let Some(tilde) = short.rfind('~')
        && tilde < short.len() - 1
        && short[tilde + 1..].bytes().all(|b| b.is_ascii_digit())
    {
        return Err("trailing tilde and digits in path element".into());
    }
    Ok(())
}

/// Go's `%q` of a string, for the ASCII texts these rules quote.
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        push_escaped(&mut out, c, '"');
    }
    out.push('"');
    out
}

/// Go's `%q` of a rune: `'x'`.
fn go_quote_rune(c: char) -> String {
    let mut out = String::from("'");
    push_escaped(&mut out, c, '\'');
    out.push('\'');
    out
}

fn push_escaped(out: &mut String, c: char, quote: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0c' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\x0b' => out.push_str("\\v"),
        c if (c as u32) < 0x20 || c == '\x7f' => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_import_paths_have_no_dot_in_the_first_element() {
        assert!(is_standard_import_path("fmt"));
        assert!(is_standard_import_path("net/http"));
        assert!(is_standard_import_path("cmd/go/internal/modload"));
        assert!(is_standard_import_path("foo/bar.com"));
        assert!(is_standard_import_path(""));
        assert!(!is_standard_import_path("example.com"));
        assert!(!is_standard_import_path("golang.org/x/text"));
    }

    #[test]
    fn import_paths_as_go_checks_them() {
        assert!(check_import_path("example.com/a/b").is_ok());
        assert!(check_import_path("example.com/c++").is_ok());
        assert!(check_import_path("fmt").is_ok());
        let err = |p: &str| check_import_path(p).unwrap_err().to_string();
        assert_eq!(
            err("example.com//a"),
            r#"malformed import path "example.com//a": double slash"#
        );
        assert_eq!(
            err("a b"),
            r#"malformed import path "a b": invalid char ' '"#
        );
        assert_eq!(
            err("x/../y"),
            r#"malformed import path "x/../y": invalid path element "..""#
        );
        assert_eq!(
            err("x/con.txt"),
            r#"malformed import path "x/con.txt": "con" disallowed as path element component on Windows"#
        );
        assert_eq!(
            err("x/abc~1"),
            r#"malformed import path "x/abc~1": trailing tilde and digits in path element"#
        );
        // A leading dot is fine in an import path, not in a module path.
        assert!(check_import_path("x/.hidden").is_ok());
        assert_eq!(
            check_module_path("example.com/.hidden")
                .unwrap_err()
                .to_string(),
            r#"malformed module path "example.com/.hidden": leading dot in path element"#
        );
        assert_eq!(err(""), r#"malformed import path "": empty string"#);
        assert_eq!(err("-x"), r#"malformed import path "-x": leading dash"#);
        assert_eq!(err("x/"), r#"malformed import path "x/": trailing slash"#);
        assert_eq!(
            err("x/y."),
            r#"malformed import path "x/y.": trailing dot in path element"#
        );
        assert_eq!(
            err("héllo.com/x"),
            r#"malformed import path "héllo.com/x": invalid char 'é'"#
        );
    }

    #[test]
    fn module_paths_as_go_checks_them() {
        assert!(check_module_path("example.com").is_ok());
        assert!(check_module_path("example.com/m/v2").is_ok());
        assert!(check_module_path("gopkg.in/yaml.v3").is_ok());
        let err = |p: &str| check_module_path(p).unwrap_err().reason;
        assert_eq!(err("foo/bar"), "missing dot in first path element");
        assert_eq!(
            err("Example.com/x"),
            "invalid char 'E' in first path element"
        );
        assert_eq!(err("example.com/m/v1"), "invalid version");
        assert_eq!(err("example.com/m/v0"), "invalid version");
        assert_eq!(err("example.com/m/v2.1"), "invalid version");
        assert_eq!(err("gopkg.in/yaml"), "invalid version");
        assert_eq!(err("example.com/a+b"), "invalid char '+'");
    }

    #[test]
    fn major_version_suffixes() {
        assert_eq!(
            split_path_version("example.com/m/v2"),
            Some(("example.com/m", "/v2"))
        );
        assert_eq!(
            split_path_version("example.com/m"),
            Some(("example.com/m", ""))
        );
        assert_eq!(split_path_version("example.com/m/v1"), None);
        assert_eq!(split_path_version("example.com/m/v02"), None);
        assert_eq!(split_path_version("example.com/m/v2.0"), None);
        assert_eq!(
            split_path_version("example.com/v2x"),
            Some(("example.com/v2x", ""))
        );
        assert_eq!(split_path_version("v2"), Some(("v2", "")));
        assert_eq!(
            split_path_version("gopkg.in/yaml.v2"),
            Some(("gopkg.in/yaml", ".v2"))
        );
        assert_eq!(
            split_path_version("gopkg.in/check.v1-unstable"),
            Some(("gopkg.in/check", ".v1-unstable"))
        );
        assert_eq!(
            split_path_version("gopkg.in/x.v0"),
            Some(("gopkg.in/x", ".v0"))
        );
        assert_eq!(split_path_version("gopkg.in/x.v00"), None);
        assert_eq!(split_path_version("gopkg.in/x/y"), None);
    }

    #[test]
    fn helpers() {
        assert!(in_module("example.com/m/x", "example.com/m"));
        assert!(in_module("example.com/m", "example.com/m"));
        assert!(!in_module("example.com/mx", "example.com/m"));
        assert!(is_local_import("./x") && is_local_import("..") && !is_local_import(".x"));
        assert!(is_meta_package("all") && !is_meta_package("fmt"));
        assert_eq!(
            zero_pseudo_version("v0"),
            "v0.0.0-00010101000000-000000000000"
        );
        assert_eq!(
            zero_pseudo_version("v3"),
            "v3.0.0-00010101000000-000000000000"
        );
        assert_eq!(go_quote("a\"b\\\n"), r#""a\"b\\\n""#);
    }
}
