//! go/parser's ImportsOnly view: where it agrees with the byte reader and where it is
//! stricter.

use super::*;

fn parse(src: &str) -> Result<Vec<String>, String> {
    parse_header(src.as_bytes()).map(|(_, imports)| imports.into_iter().map(|i| i.path).collect())
}

#[test]
fn well_formed_headers() {
    assert_eq!(
        parse("package p\n\nimport (\n\t\"a\"\n\tx \"b\"\n\t. \"c\"\n\t_ `d`\n)\n").unwrap(),
        ["a", "b", "c", "d"]
    );
    assert_eq!(
        parse("package p; import \"a\"; import (\"b\"; \"c\")").unwrap(),
        ["a", "b", "c"]
    );
    assert_eq!(parse("package p\nimport \"a\" // c\n").unwrap(), ["a"]);
    assert_eq!(parse("package p\nimport \"a\" /* c */\n").unwrap(), ["a"]);
    assert_eq!(parse("package p\nimport (\"a\")").unwrap(), ["a"]);
    assert_eq!(parse("package p").unwrap(), Vec::<String>::new());
    let (name, imports) = parse_header(b"package p_test\nimport x \"a\"\n").unwrap();
    assert_eq!(name, "p_test");
    assert_eq!(imports[0].name.as_deref(), Some("x"));
    assert_eq!(parse("package p\nimport \"a\\x2fb\"\n").unwrap(), ["a/b"]);
}

#[test]
fn stricter_than_the_reader() {
    for bad in [
        // Two paths with no separator between them.
        "package p\nimport (\"a\" \"b\")\n",
        // A comma instead of a semicolon.
        "package p\nimport (\"a\", \"b\")\n",
        // A keyword as a name.
        "package p\nimport type \"a\"\n",
        "package func\n",
        // Escapes go/scanner refuses.
        "package p\nimport \"a\\q\"\n",
        "package p\nimport \"a\\uD800\"\n",
        "package p\nimport \"\\400\"\n",
        // Characters go/scanner refuses anywhere, comments included.
        "package p\n// \x00\nimport \"a\"\n",
        "package p\n// \u{feff}\nimport \"a\"\n",
        // An identifier cannot start with a digit.
        "package 1p\n",
        "package p\nimport 1 \"a\"\n",
        "package p\n/* unterminated\n",
        "package p\nimport\n",
    ] {
        assert!(parse(bad).is_err(), "{bad:?}");
    }
    // Invalid UTF-8 (a raw byte, not a char).
    assert!(parse_header(b"package p\n// \xff\nimport \"a\"\n").is_err());
}

#[test]
fn the_token_after_the_imports_is_scanned() {
    assert!(parse("package p\nimport \"a\"\n@").is_err());
    assert!(parse("package p\nimport \"a\"\nvar x = \"\\q\"").is_ok());
    assert!(parse("package p\nimport \"a\"\n\"unterminated").is_err());
}

#[test]
fn a_stray_semicolon_ends_the_imports_without_an_error() {
    // go/parser stops at a token other than `import`; the reader skips `;` and reads on.
    assert_eq!(
        parse("package p\n;\nimport \"a\"\n").unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(
        parse("package p\nimport \"a\";;\nimport \"b\"\n").unwrap(),
        ["a"]
    );
    // `}` ends an import spec as `)` does.
    assert_eq!(parse("package p\nimport \"a\" }").unwrap(), ["a"]);
}

#[test]
fn valid_import_paths() {
    assert!(is_valid_import("fmt"));
    assert!(is_valid_import("example.com/a+b~c"));
    assert!(is_valid_import("é"));
    for bad in [
        "",
        "a b",
        "a!",
        "a\"",
        "a\\b",
        "a\u{fffd}",
        "a\u{200b}",
        "a\u{e000}",
        "a\tb",
    ] {
        assert!(!is_valid_import(bad), "{bad:?}");
    }
}
