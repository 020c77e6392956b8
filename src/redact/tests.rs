//! Redaction and escaping: the odd userinfo go accepts or refuses, and every hidden character.

use super::escape::{TextOut, visible, visible_lines};
use super::{Sensitive, commands, placeholder_credentials, redact_urls, shown, value};

#[test]
fn commands_get_placeholders() {
    assert_eq!(
        placeholder_credentials("go env -w 'GOPROXY=https://bob:tok@corp.example|direct'"),
        "go env -w 'GOPROXY=https://USER:PASSWORD@corp.example|direct'"
    );
    let template = "export HTTPS_PROXY=http://USER:PASSWORD@10.0.0.1:3128";
    assert_eq!(placeholder_credentials(template), template);
}

#[test]
fn hides_userinfo() {
    assert_eq!(
        redact_urls("http://alice:s3cret@proxy.corp:3128"),
        "http://xxxxx@proxy.corp:3128"
    );
    assert_eq!(
        redact_urls("https://tok@h/x,direct"),
        "https://xxxxx@h/x,direct"
    );
    assert_eq!(
        redact_urls("a https://u:p@a/b|http://c:d@e"),
        "a https://xxxxx@a/b|http://xxxxx@e"
    );
}

// Inputs the fuzzers found (fuzz/README.md).
#[test]
fn hides_odd_userinfo() {
    for (input, secret) in [
        ("//u:secret@h", "secret"),
        ("socks5://u:sec'ret@h", "sec'ret"),
        ("https://u:sec<ret@h/%zz", "sec<ret"),
        ("https://u:p,secret@h", "secret"),
        ("https://https://u:secret@h/%zz", "secret"),
        ("ftp://x/https://u:secret@h", "secret"),
        ("parse \"https://u:p|w@h:x\": invalid port", "p|w"),
        ("u:secret@p corp:1", "secret"),
        ("https://user:dGVzdA==@h/x", "dGVzdA=="),
        ("HTTPS_PROXY='http://u:(p)@h:1'", "(p)"),
    ] {
        let r = redact_urls(input);
        assert!(!r.contains(secret), "{input:?} → {r:?}");
    }
}

#[test]
fn leaves_modules_and_git_alone() {
    for s in [
        "go: golang.org/x/text@v0.3.0: reading",
        "example.com/m@v1.0.0",
        "git@github.com:user/repo",
        "rsc.io@v1",
        "a@",
    ] {
        assert_eq!(redact_urls(s), s);
    }
}

#[test]
fn leaves_plain_urls() {
    let s = "https://proxy.golang.org,direct";
    assert_eq!(redact_urls(s), s);
    assert_eq!(redact_urls("no url here"), "no url here");
    assert_eq!(redact_urls("x@y"), "x@y");
}

/// Passwords that end go's authority early, or that go refuses: redacted from `//` to the last `@`.
#[test]
fn values_hide_malformed_userinfo() {
    for (raw, secret, shown) in [
        (
            "https://u:pw/sl1@h.example/m",
            "pw/sl1",
            "https://xxxxx@h.example/m",
        ),
        (
            "https://u:pw#ha2@h.example/m",
            "pw#ha2",
            "https://xxxxx@h.example/m",
        ),
        (
            "https://u:pw?qu3@h.example/m",
            "pw?qu3",
            "https://xxxxx@h.example/m",
        ),
        (
            "https://u:pw sp4@h.example/m,direct",
            "pw sp4",
            "https://xxxxx@h.example/m,direct",
        ),
        (
            "https://u:pw\"q5@h.example",
            "pw\"q5",
            "https://xxxxx@h.example",
        ),
        (
            "https://u:pw\tt6@h.example",
            "pw\tt6",
            "https://xxxxx@h.example",
        ),
        (
            "https://u:pw\nn7@h.example",
            "pw\nn7",
            "https://xxxxx@h.example",
        ),
        (
            "https://u:pw@at8@h.example",
            "pw@at8",
            "https://xxxxx@h.example",
        ),
        (
            "https://u:1234/x9@h.example",
            "1234/x9",
            "https://xxxxx@h.example",
        ),
        ("https://u:p,secret10@h", "secret10", "https://xxxxx@h"),
        ("//u:noscheme11@h/m", "noscheme11", "//xxxxx@h/m"),
        ("u:bare12@h/m,direct", "bare12", "xxxxx@h/m,direct"),
        (
            "https://u:v6pw13@[::1]:8080/m",
            "v6pw13",
            "https://xxxxx@[::1]:8080/m",
        ),
        ("https://u:p%40ss14@h", "p%40ss14", "https://xxxxx@h"),
        (
            "sum.golang.org https://u:sum15@s.example",
            "sum15",
            "sum.golang.org https://xxxxx@s.example",
        ),
        (
            "https://a:one16@a.example|https://b:two17@b.example,direct",
            "one16",
            "https://xxxxx@a.example|https://xxxxx@b.example,direct",
        ),
        ("u:pw//x18@h", "pw//x18", "xxxxx@h"),
        (
            "direct,https://u:p w19@h",
            "p w19",
            "direct,https://xxxxx@h",
        ),
    ] {
        let r = value(raw);
        assert!(!r.contains(secret), "{raw:?} → {r:?}");
        assert_eq!(r, shown, "{raw:?}");
        assert_eq!(value(&r), r, "idempotent: {raw:?}");
    }
}

#[test]
fn proxy_protocol_paths_keep_their_at() {
    for (raw, shown) in [
        (
            "https://u:p@h.example/m/@v/list",
            "https://xxxxx@h.example/m/@v/list",
        ),
        (
            "https://u:p@h.example/m/@latest",
            "https://xxxxx@h.example/m/@latest",
        ),
        (
            "https://u:p@h.example/sumdb/sum.golang.org/lookup/rsc.io/quote@v1.5.2",
            "https://xxxxx@h.example/sumdb/sum.golang.org/lookup/rsc.io/quote@v1.5.2",
        ),
        (
            "https://h.example/m/@v/v1.0.0.info",
            "https://h.example/m/@v/v1.0.0.info",
        ),
        (
            "https://h.example/x example.com/m@v1.0.0 not found",
            "https://h.example/x example.com/m@v1.0.0 not found",
        ),
        ("u:pw@v1.example/m", "xxxxx@v1.example/m"),
        (
            "https://h.example:1/m/@v/list: dial tcp 10.0.0.1:1: connect: connection refused",
            "https://h.example:1/m/@v/list: dial tcp 10.0.0.1:1: connect: connection refused",
        ),
    ] {
        assert_eq!(value(raw), shown);
    }
}

#[test]
fn values_without_userinfo_stay() {
    for raw in [
        "https://proxy.golang.org,direct",
        "https://goproxy.cn|https://proxy.golang.org|direct",
        "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8 https://sum.example",
        "*.corp.example,rsc.io/private",
        "-mod=mod -modcacherw",
        "off",
        "",
    ] {
        assert_eq!(value(raw), raw);
    }
}

#[test]
fn go_quoted_urls_in_text() {
    let line = r#"go: rsc.io/quote@v1.5.2: parse "https://u:pw sp4@h.example/mod": net/url: invalid userinfo"#;
    let r = redact_urls(line);
    assert!(!r.contains("sp4") && !r.contains("pw"), "{r}");
    assert!(r.contains("rsc.io/quote@v1.5.2"), "{r}");
    let quoted = r#"parse "https://u:pw\"q5@h.example": net/url: invalid userinfo"#;
    assert!(
        !redact_urls(quoted).contains("q5"),
        "{}",
        redact_urls(quoted)
    );
    let cmd = "go env -w 'GOPROXY=https://u:p w@h.example,direct'";
    assert_eq!(
        placeholder_credentials(cmd),
        "go env -w 'GOPROXY=https://USER:PASSWORD@h.example,direct'"
    );
}

#[test]
fn goauth_commands_lose_their_arguments() {
    assert_eq!(commands("netrc"), "netrc");
    assert_eq!(commands("off"), "off");
    assert_eq!(commands("git /srv/repo"), "git /srv/repo");
    assert_eq!(
        commands("netrc; mycred --token=tok123 --user=u"),
        "netrc; mycred …"
    );
    let s = Sensitive::for_setting("GOAUTH", "cred-helper --token=tok123");
    assert_eq!(s.to_string(), "cred-helper …");
    assert_eq!(format!("{s:?}"), "Sensitive(\"cred-helper …\")");
    assert_eq!(serde_json::to_string(&s).unwrap(), "\"cred-helper …\"");
    assert_eq!(s.expose(), "cred-helper --token=tok123");
}

#[test]
fn sensitive_values_display_redacted() {
    let s = Sensitive::for_setting("GOPROXY", "https://u:pw sp@h.example,direct");
    for out in [
        s.to_string(),
        format!("{s:?}"),
        serde_json::to_string(&s).unwrap(),
    ] {
        assert!(!out.contains("pw"), "{out}");
    }
    assert_eq!(s, "https://u:pw sp@h.example,direct");
}

#[test]
fn escapes_hidden_characters() {
    assert_eq!(visible("*\rcorp.example"), "*\\rcorp.example");
    assert_eq!(visible("a\u{202e}b"), "a\\u202eb");
    assert_eq!(visible("a\u{0085}b"), "a\\u0085b");
    assert_eq!(visible("a\tb\nc"), "a\\tb\\nc");
    assert_eq!(visible("a\x1b[2Jb"), "a\\u001b[2Jb");
    assert_eq!(
        visible("\x7f\u{2066}\u{200f}\u{061c}"),
        "\\u007f\\u2066\\u200f\\u061c"
    );
    assert_eq!(visible_lines("a\n\tb\rc"), "a\n\tb\\rc");
    assert_eq!(visible("plain 中文 text"), "plain 中文 text");
    assert_eq!(shown("https://u:p@h\r"), "https://xxxxx@h\\r");
}

/// The output filter keeps godoctor's colours and newlines, escapes the rest, and sees
/// sequences split across writes.
#[test]
fn text_out_keeps_colours_only() {
    use std::io::Write;
    let mut buf = Vec::new();
    {
        let mut w = TextOut::new(&mut buf);
        w.write_all(b"\x1b[2mdim\x1b[0m\n").unwrap();
        w.write_all(b"x\x1b]0;title\x07 \r").unwrap();
        // U+202E and an SGR sequence, each split in two writes.
        w.write_all(b"a\xe2\x80").unwrap();
        w.write_all(b"\xaeb\x1b[3").unwrap();
        w.write_all(b"1m\t\xc2\x85").unwrap();
        w.write_all(b"\x1b").unwrap();
    }
    assert_eq!(
        String::from_utf8(buf).unwrap(),
        "\x1b[2mdim\x1b[0m\nx\\u001b]0;title\\u0007 \\ra\\u202eb\x1b[31m\t\\u0085\\u001b"
    );
}

#[test]
fn text_out_keeps_json_data() {
    let v = serde_json::json!({"v": "a\u{202e}b\u{7f}\u{85}\r"});
    let mut buf = Vec::new();
    {
        let mut w = TextOut::new(&mut buf);
        serde_json::to_writer(&mut w, &v).unwrap();
    }
    let back: serde_json::Value = serde_json::from_slice(&buf).unwrap();
    assert_eq!(back, v);
}

#[test]
fn git_user_and_placeholders_stay() {
    for s in [
        "ssh://git@ssh.example:2222/lib",
        "export HTTPS_PROXY=http://USER:PASSWORD@proxy.host:PORT",
        "http://USER:PASSWORD@10.0.0.1:3128",
    ] {
        assert_eq!(redact_urls(s), s);
        assert_eq!(shown(s), s);
    }
    assert_eq!(
        value("ssh://git@ssh.example/lib"),
        "ssh://git@ssh.example/lib"
    );
}
