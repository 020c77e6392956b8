//! The import reader's edge cases, each as go's `ReadImports` behaves (the cases of
//! go/build's read_test.go where they apply).

use super::*;

fn read(src: &str) -> Header {
    read_imports(src.as_bytes(), 1 << 20)
}

fn paths(h: &Header) -> Vec<String> {
    h.quoted.iter().filter_map(|q| unquote(q)).collect()
}

#[test]
fn single_and_grouped_imports() {
    let h = read("package p\n\nimport \"fmt\"\nimport (\n\t\"a/b\"\n\t\"c\"\n)\n\nfunc f() {}\n");
    assert_eq!(paths(&h), ["fmt", "a/b", "c"]);
    assert_eq!(h.package.as_deref(), Some("p"));
    assert!(!h.syntax_error && h.error.is_none());
    // The header stops before the first byte of what follows the imports.
    assert!(String::from_utf8_lossy(&h.data).ends_with(")\n\n"));
}

#[test]
fn named_dot_and_blank_imports() {
    let h = read("package p\nimport (\n\tx \"a\"\n\t. \"b\"\n\t_ \"c\"\n\tπ \"d\"\n)\n");
    assert_eq!(paths(&h), ["a", "b", "c", "d"]);
}

#[test]
fn comments_semicolons_and_raw_strings() {
    let src = "// +build x\n\n/* doc */ package /* x */ p; import /* y */ `raw/path`; import (\"a\" // z\n/* w */ \"b\"; ) ; import \"C\"\nvar x = 1\n";
    let h = read(src);
    assert_eq!(paths(&h), ["raw/path", "a", "b", "C"]);
    assert!(h.error.is_none() && !h.syntax_error);
}

#[test]
fn stops_at_the_first_declaration() {
    let h = read("package p\nimport \"a\"\nfunc f() { import \"b\" }\nimport \"c\"\n");
    assert_eq!(paths(&h), ["a"]);
    assert_eq!(
        String::from_utf8_lossy(&h.data),
        "package p\nimport \"a\"\n"
    );
}

#[test]
fn a_leading_bom_is_dropped() {
    let h = read("\u{feff}package p\nimport \"a\"\n");
    assert_eq!(paths(&h), ["a"]);
    assert!(h.data.starts_with(b"package"));
}

#[test]
fn syntax_errors_keep_what_came_before() {
    let h = read("package p\nimport \"a\"\nimport x.y \"b\"\nimport \"c\"\n");
    assert!(h.syntax_error);
    assert_eq!(paths(&h), ["a"]);
    // After a syntax error go reads the whole file.
    assert!(String::from_utf8_lossy(&h.data).ends_with("import \"c\"\n"));
    for bad in [
        "package p\nimport x y\n",
        "packagex p\n",
        "package p\nimportx \"a\"\n",
        "package\n",
        "package p\nimport \"a\n\"\n",
        "package p\nimport (\"a\"\n",
        "package p\n/* unterminated\nimport \"a\"\n",
        "package p\nimport \"a\" / 2\nimport \"b\"\n",
        "package p\nimport `unterminated\n",
        "package 'p'\n",
    ] {
        assert!(read(bad).syntax_error, "{bad:?}");
    }
}

#[test]
fn escapes_do_not_end_a_string() {
    let h = read("package p\nimport \"a\\\"b\"\nimport \"c\"\n");
    assert_eq!(h.quoted[0], b"\"a\\\"b\"".to_vec());
    assert_eq!(paths(&h), ["a\"b", "c"]);
}

#[test]
fn nul_and_limits() {
    let h = read("package p\nimport \"a\x00\"\n");
    assert_eq!(h.error, Some(ReadError::Nul));
    // A NUL after the import block is never read.
    assert_eq!(
        read("package p\nimport \"a\"\nvar x = \"\x00\"\n").error,
        None
    );
    // After a syntax error the rest is read, NUL included.
    let h = read("package p\nimport x y\n\x00");
    assert!(h.syntax_error);
    assert_eq!(h.error, Some(ReadError::Nul));
    let long = format!("package p\n/*{}*/\nimport \"a\"\n", "x".repeat(100));
    assert_eq!(
        read_imports(long.as_bytes(), 50).error,
        Some(ReadError::TooLong)
    );
    assert_eq!(read_imports(long.as_bytes(), long.len()).error, None);
}

#[test]
fn package_names() {
    assert_eq!(read("package p_test\n").package.as_deref(), Some("p_test"));
    assert_eq!(read("package _\n").package.as_deref(), Some("_"));
    assert_eq!(
        read("package main;import \"a\"").package.as_deref(),
        Some("main")
    );
    assert_eq!(read("package\n").package, None);
}

#[test]
fn unquote_like_strconv() {
    let u = |s: &str| unquote(s.as_bytes());
    assert_eq!(u("\"a\"").as_deref(), Some("a"));
    assert_eq!(
        u("\"\\x41\\101\\u00e9\\U0001F600\"").as_deref(),
        Some("AAé😀")
    );
    assert_eq!(u("\"a\\tb\\\\\"").as_deref(), Some("a\tb\\"));
    assert_eq!(u("`a\r\nb`").as_deref(), Some("a\nb"));
    assert_eq!(u("`a\\q`").as_deref(), Some("a\\q"));
    for bad in [
        "\"\\q\"",
        "\"\\'\"",
        "\"\\x4\"",
        "\"\\400\"",
        "\"\\uD800\"",
        "\"a",
        "'a'",
        "\"a\"b\"",
    ] {
        assert_eq!(u(bad), None, "{bad}");
    }
    // Invalid UTF-8 becomes U+FFFD, one per bad byte.
    assert_eq!(unquote(b"\"a\xffb\"").as_deref(), Some("a\u{fffd}b"));
}
