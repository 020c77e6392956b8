//! Discovery against go's own tables (vcs/discovery_test.go `parseMetaGoImportsTests`,
//! vcs_test.go `TestMatchGoImport`, `TestValidateRepoRoot`) and go's wording for each failure.

use super::*;

fn tag(prefix: &str, vcs: &str, repo: &str) -> GoImport {
    GoImport {
        prefix: prefix.into(),
        vcs: vcs.into(),
        repo: repo.into(),
        subdir: None,
    }
}

fn with_subdir(mut t: GoImport, sub: &str) -> GoImport {
    t.subdir = Some(sub.into());
    t
}

#[test]
fn meta_tags_as_go_reads_them() {
    let foo = || tag("foo/bar", "git", "https://github.com/rsc/foo/bar");
    let cases: Vec<(&str, Vec<GoImport>)> = vec![
        (
            r#"<meta name="go-import" content="foo/bar git https://github.com/rsc/foo/bar">"#,
            vec![foo()],
        ),
        (
            "<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar\">\n\t\t<meta name=\"go-import\" content=\"baz/quux git http://github.com/rsc/baz/quux\">",
            vec![
                foo(),
                tag("baz/quux", "git", "http://github.com/rsc/baz/quux"),
            ],
        ),
        // PreferMod: a mod entry supersedes the other entries for its prefix.
        (
            "<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar\">\n<meta name=\"go-import\" content=\"foo/bar mod http://github.com/rsc/baz/quux\">",
            vec![tag("foo/bar", "mod", "http://github.com/rsc/baz/quux")],
        ),
        (
            "<head>\n<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar\">\n</head>",
            vec![foo()],
        ),
        (
            "<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar\">\n<body>",
            vec![foo()],
        ),
        (
            r#"<!doctype html><meta name="go-import" content="foo/bar git https://github.com/rsc/foo/bar">"#,
            vec![foo()],
        ),
        (
            r#"<!doctype html><title>Page Not Found</title><meta name=go-import content="chitin.io/chitin git https://github.com/chitin-io/chitin"><div style=position:relative>DRAFT</div>"#,
            vec![tag(
                "chitin.io/chitin",
                "git",
                "https://github.com/chitin-io/chitin",
            )],
        ),
        (
            "<meta name=\"go-import\" content=\"myitcv.io git https://github.com/myitcv/x\">\n<meta name=\"go-import\" content=\"myitcv.io/blah2 mod https://raw.githubusercontent.com/myitcv/pubx/master\">\n",
            vec![
                tag(
                    "myitcv.io/blah2",
                    "mod",
                    "https://raw.githubusercontent.com/myitcv/pubx/master",
                ),
                tag("myitcv.io", "git", "https://github.com/myitcv/x"),
            ],
        ),
        // Entities decoded, the head ends the scan, a comment is not a tag.
        (
            "<html><head><!-- <meta name=\"go-import\" content=\"a git https://a\"> --><META NAME='go-import' CONTENT='x.example/m git https://h.example/m?a=1&amp;b=2'></head><meta name=\"go-import\" content=\"late git https://x\">",
            vec![tag("x.example/m", "git", "https://h.example/m?a=1&b=2")],
        ),
        // A self-closing head ends it too.
        (
            "<head/><meta name=\"go-import\" content=\"a.example git https://a\">",
            vec![],
        ),
    ];
    for (html, want) in cases {
        assert_eq!(meta::parse(html.as_bytes(), true).unwrap(), want, "{html}");
    }
    // The fourth field: read since go 1.25, a tag older go ignores.
    let sub = r#"<meta name="go-import" content="foo/bar git https://github.com/rsc/foo/bar subdir/path">"#;
    assert_eq!(
        meta::parse(sub.as_bytes(), true).unwrap(),
        vec![with_subdir(foo(), "subdir/path")]
    );
    assert!(meta::parse(sub.as_bytes(), false).unwrap().is_empty());
}

#[test]
fn pages_go_cannot_read() {
    let err = |html: &str| meta::parse(html.as_bytes(), true).unwrap_err();
    assert_eq!(
        err("<html><head><script>if (a < b) {}</script>"),
        "XML syntax error on line 1: expected element name after <"
    );
    assert_eq!(
        err("<head>\n<link href=/x.css>"),
        "XML syntax error on line 2: expected /> in element"
    );
    assert_eq!(
        err("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html>"),
        "xml: opening charset \"ISO-8859-1\": can't decode XML document using charset \"ISO-8859-1\""
    );
    assert_eq!(
        err("<p>a\u{1}b"),
        "XML syntax error on line 1: illegal character code U+0001"
    );
    assert_eq!(
        meta::parse(b"<p>caf\xe9</p>", true).unwrap_err(),
        "XML syntax error on line 1: invalid UTF-8"
    );
    assert_eq!(
        err("<head>\n\n<meta name="),
        "XML syntax error on line 3: unexpected EOF"
    );
    assert!(meta::parse(b"<head><title>x", true).unwrap().is_empty());
    // …but an error after a tag only ends the scan.
    assert_eq!(
        meta::parse(
            b"<meta name=\"go-import\" content=\"a.example git https://a\"><script>a < b",
            true
        )
        .unwrap(),
        vec![tag("a.example", "git", "https://a")]
    );
    // A page that ends cleanly has no tags, and no error.
    assert!(meta::parse(b"<html>login</html>", true).unwrap().is_empty());
    assert!(meta::parse(b"", true).unwrap().is_empty());
}

#[test]
fn matching_as_go_matches() {
    let t = |p: &str, vcs: &str| tag(p, vcs, "https://example.com/repo/target");
    let foo = t("example.com/user/foo", "git");
    let foobar = t("example.com/user/foo/bar", "git");
    let fooa = t("example.com/user/fooa", "git");
    assert_eq!(
        match_go_import(std::slice::from_ref(&foo), "example.com/user/foo"),
        Ok(&foo)
    );
    assert_eq!(
        match_go_import(std::slice::from_ref(&foo), "example.com/user/foo/"),
        Ok(&foo)
    );
    assert_eq!(
        match_go_import(&[foo.clone(), fooa.clone()], "example.com/user/fooa"),
        Ok(&fooa)
    );
    for path in [
        "example.com/user/foo/bar",
        "example.com/user/foo/bar/baz",
        "example.com/user/foo/bar/baz/",
    ] {
        assert_eq!(
            match_go_import(&[foo.clone(), foobar.clone()], path),
            Err(MatchError::Multiple),
            "{path}"
        );
    }
    assert_eq!(
        match_go_import(&[foo.clone(), foobar.clone()], "example.com"),
        Err(MatchError::Mismatch(vec![
            "example.com/user/foo".into(),
            "example.com/user/foo/bar".into()
        ]))
    );
    let m = tag(
        "myitcv.io/blah2",
        "mod",
        "https://raw.githubusercontent.com/myitcv/pubx/master",
    );
    let g = tag("myitcv.io", "git", "https://github.com/myitcv/x");
    let both = [m.clone(), g.clone()];
    assert_eq!(match_go_import(&both, "myitcv.io/blah2/foo"), Ok(&m));
    assert_eq!(match_go_import(&both, "myitcv.io/other"), Ok(&g));
    let sub = with_subdir(foo.clone(), "subdir");
    assert_eq!(
        match_go_import(&[sub, foo], "example.com/user/foo"),
        Err(MatchError::Multiple)
    );
}

#[test]
fn repo_roots() {
    for (root, ok) in [
        ("", false),
        ("http://", true),
        ("git+ssh://", true),
        ("http#://", false),
        ("-config", false),
        ("-config://", false),
        ("file:///srv/git/m", false),
    ] {
        assert_eq!(validate_repo_root(root).is_ok(), ok, "{root}");
    }
    assert_eq!(validate_repo_root("-config").unwrap_err(), "no scheme");
}

fn page(url: &str, status_error: Option<&str>, body: &'static str) -> Page<'static> {
    Page {
        url: url.into(),
        status_error: status_error.map(str::to_owned),
        body: body.as_bytes(),
    }
}

#[test]
fn go_words_for_each_failure() {
    const URL: &str = "https://corp.example/m?go-get=1";
    let read = |body: &'static str, status: Option<&str>| {
        read_page("corp.example/m", &page(URL, status, body), true).chosen
    };
    let err = |r: Result<GoImport, Failure>| {
        let f = r.unwrap_err();
        (f.kind, f.go_error)
    };
    assert_eq!(
        err(read("<html>sign in</html>", None)),
        (
            HttpError::NoGoImport,
            "unrecognized import path \"corp.example/m\": parse https://corp.example/m?go-get=1: no go-import meta tags ()".into()
        )
    );
    assert_eq!(
        err(read(
            r#"<meta name="go-import" content="corp.example/other git https://g/o">"#,
            None
        ))
        .1,
        "unrecognized import path \"corp.example/m\": parse https://corp.example/m?go-get=1: no go-import meta tags (meta tag corp.example/other did not match import path corp.example/m)"
    );
    assert_eq!(
        err(read(
            "not found",
            Some("reading https://corp.example/m?go-get=1: 404 Not Found")
        ))
        .1,
        "unrecognized import path \"corp.example/m\": reading https://corp.example/m?go-get=1: 404 Not Found"
    );
    // Tags on a 404 page are read all the same.
    assert!(
        read(
            r#"<meta name="go-import" content="corp.example/m git https://g/m">"#,
            Some("reading …: 404 Not Found")
        )
        .is_ok()
    );
    assert_eq!(
        err(read(
            r#"<meta name="go-import" content="corp.example git https://g/a"><meta name="go-import" content="corp.example/m git https://g/b">"#,
            None
        )),
        (
            HttpError::MultipleGoImports,
            "unrecognized import path \"corp.example/m\": parse //corp.example/m?go-get=1: multiple meta tags match import path \"corp.example/m\"".into()
        )
    );
    let t = tag("corp.example/m", "svnx", "https://g/m");
    assert_eq!(
        check_tag("corp.example/m", &t, URL, true)
            .unwrap_err()
            .go_error,
        "unrecognized import path \"corp.example/m\": https://corp.example/m?go-get=1: unknown vcs \"svnx\""
    );
    let t = tag("corp.example/m", "git", "git.corp.example/m");
    assert_eq!(
        check_tag("corp.example/m", &t, URL, true).unwrap_err(),
        Failure {
            kind: HttpError::InvalidRepoRoot,
            go_error: "unrecognized import path \"corp.example/m\": https://corp.example/m?go-get=1: invalid repo root \"git.corp.example/m\": no scheme".into()
        }
    );
    let t = with_subdir(tag("corp.example/m", "git", "https://g/m"), "-x");
    assert_eq!(
        check_tag("corp.example/m", &t, URL, true).unwrap_err().kind,
        HttpError::InvalidSubdir
    );
    assert!(check_tag("corp.example/m", &t, URL, false).is_ok());
    assert!(
        check_tag(
            "corp.example/m",
            &tag("corp.example/m", "mod", "https://p"),
            URL,
            true
        )
        .is_ok()
    );
}

#[test]
fn a_shorter_prefix_must_agree() {
    const FIRST: &str = "https://corp.example/m/sub?go-get=1";
    let chosen = tag("corp.example/m", "git", "https://g/m");
    let same = page(
        "https://corp.example/m?go-get=1",
        None,
        r#"<meta name="go-import" content="corp.example/m git https://g/m">"#,
    );
    assert!(check_prefix_page("corp.example/m/sub", &chosen, FIRST, Ok(&same), true).is_ok());
    let other = page(
        "https://corp.example/m?go-get=1",
        None,
        r#"<meta name="go-import" content="corp.example/m git https://elsewhere/m">"#,
    );
    assert_eq!(
        check_prefix_page("corp.example/m/sub", &chosen, FIRST, Ok(&other), true).unwrap_err(),
        Failure {
            kind: HttpError::GoImportDisagree,
            go_error: "unrecognized import path \"corp.example/m/sub\": https://corp.example/m/sub?go-get=1 and //corp.example/m?go-get=1 disagree about go-import for corp.example/m".into()
        }
    );
    let none = page("https://corp.example/m?go-get=1", None, "<html></html>");
    assert_eq!(
        check_prefix_page("corp.example/m/sub", &chosen, FIRST, Ok(&none), true)
            .unwrap_err()
            .go_error,
        "unrecognized import path \"corp.example/m/sub\": fetching corp.example/m: no go-import meta tag found in https://corp.example/m?go-get=1"
    );
    assert_eq!(
        check_prefix_page(
            "corp.example/m/sub",
            &chosen,
            FIRST,
            Err("connection refused".into()),
            true
        )
        .unwrap_err()
        .go_error,
        "unrecognized import path \"corp.example/m/sub\": fetching corp.example/m: connection refused"
    );
}

#[test]
fn urls_and_prefixes() {
    assert!(has_path_prefix("a.example/m", "a.example"));
    assert!(has_path_prefix("a.example/m", "a.example/m"));
    assert!(!has_path_prefix("a.example/mm", "a.example/m"));
    assert!(has_path_prefix("a.example/m", ""));
    assert_eq!(
        schemeless_url("corp.example").unwrap(),
        "//corp.example/?go-get=1"
    );
    assert_eq!(
        page_url("corp.example/a/b").unwrap(),
        "https://corp.example/a/b?go-get=1"
    );
    assert_eq!(
        schemeless_url("localhost/x").unwrap_err(),
        "import path does not begin with hostname"
    );
}

#[test]
fn the_board_hands_over_what_discovery_found() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let board = std::sync::Arc::new(Board::default());
        let b = board.clone();
        let waiter = tokio::spawn(async move { b.wait("u", Duration::from_secs(5)).await });
        tokio::task::yield_now().await;
        board.post("u", Found::Failed("x".into()));
        assert_eq!(waiter.await.unwrap(), Some(Found::Failed("x".into())));
        // Posted before anyone waits: still there.
        board.post("v", Found::Repo(tag("a", "git", "https://a")));
        assert!(board.wait("v", Duration::ZERO).await.is_some());
        assert_eq!(board.wait("w", Duration::from_millis(10)).await, None);
    });
}

/// Deterministic pseudo-random pages and greetings: no parser may panic.
#[test]
fn parsers_never_panic() {
    const WORDS: &[&[u8]] = &[
        b"<",
        b">",
        b"/",
        b"!",
        b"?",
        b"-",
        b"--",
        b"<!--",
        b"-->",
        b"<![CDATA[",
        b"]]>",
        b"<?xml",
        b"?>",
        b" encoding=",
        b" version=",
        b"'",
        b"\"",
        b"=",
        b"&",
        b";",
        b"&#",
        b"&#x",
        b"&amp;",
        b"meta",
        b"head",
        b"body",
        b" name=",
        b"go-import",
        b" content=",
        b"a.example/m git https://a",
        b" mod ",
        b"\n",
        b"\r",
        b"\t",
        b"\xc3\xa9",
        b"\xff",
        b"\x00",
        b"SSH-",
        b"2.0-",
        b"0000",
        b"001e",
        b"# service=",
        b"version 2",
        b"ERR ",
        b"x:y:z",
        b"\xe2\x82",
    ];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..4000 {
        let n = (next() % 24) as usize;
        let mut input = Vec::new();
        for _ in 0..n {
            input.extend_from_slice(WORDS[(next() % WORDS.len() as u64) as usize]);
        }
        let _ = meta::parse(&input, next() % 2 == 0);
        let _ = super::super::ssh::parse_greeting(&input, next() % 2 == 0);
        let _ = super::super::git_http::pkt_lines(&input, 8);
        let _ = super::super::git_http::read_advertisement(&input);
        let _ = super::super::git_http::is_dumb_listing(&input);
        let text = String::from_utf8_lossy(&input);
        let _ = schemeless_url(&text);
        let _ = validate_repo_root(&text);
        let _ = read_page(
            &text,
            &Page {
                url: String::new(),
                status_error: None,
                body: &input,
            },
            true,
        );
    }
}
