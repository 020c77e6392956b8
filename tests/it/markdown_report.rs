//! `check --format markdown`, the report to paste into an issue: what the issue templates of
//! goproxy.cn and Athens ask for (go version, settings and origins, route, findings), and no
//! secret — not a password in GOPROXY's or HTTPS_PROXY's userinfo. And Traditional Chinese
//! locales: Simplified Chinese, with a note saying so.

use crate::support::cli::Cli;

struct Out {
    stdout: String,
    stderr: String,
    code: i32,
}

fn godoctor(env: &[(&str, &str)], args: &[&str]) -> Out {
    let home = tempfile::tempdir().unwrap();
    let run = Cli::godoctor()
        .home(home.path())
        .path(home.path())
        .cwd(home.path())
        .envs(env.iter().copied())
        .args(args)
        .run();
    Out {
        stdout: String::from_utf8(run.stdout).unwrap(),
        stderr: String::from_utf8(run.stderr).unwrap(),
        code: run.status.unwrap().code().unwrap(),
    }
}

const SECRETS: [&str; 4] = ["s3cr3t-pw", "hunter2", "alice", "bob:"];

fn secret_env() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "GOPROXY",
            "https://alice:s3cr3t-pw@goproxy.corp.example/go,direct",
        ),
        ("HTTPS_PROXY", "http://bob:hunter2@squid.corp.example:3128"),
        ("NO_PROXY", "localhost"),
    ]
}

#[test]
fn markdown_has_what_an_issue_needs_and_no_secret() {
    for lang in ["en", "zh"] {
        let out = godoctor(
            &secret_env(),
            &[
                "--lang",
                lang,
                "check",
                "--offline",
                "--format",
                "markdown",
                "--module",
                "example.com/m@v1.0.0",
            ],
        );
        let md = &out.stdout;
        assert_eq!(out.code, 0, "{md}{}", out.stderr);
        for s in SECRETS {
            assert!(!md.contains(s), "{s:?} in:\n{md}");
        }
        assert!(md.starts_with("### godoctor"), "{md}");
        for want in [
            "go not found",
            "go mod download",
            // However the redaction spells the hidden userinfo.
            "@goproxy.corp.example/go,direct` | env |",
            "| HTTPS_PROXY | `http://",
            "@squid.corp.example:3128` | env |",
            "| NO_PROXY | `localhost` | env |",
            "`example.com/m`",
            "GOPROXY_HAS_CREDENTIALS",
            "|---|---|---|",
        ] {
            let want = if lang == "zh" && want == "go not found" {
                "找不到 go"
            } else {
                want
            };
            assert!(md.contains(want), "{want:?} missing in:\n{md}");
        }
    }
}

#[test]
fn markdown_with_json_is_a_usage_error() {
    let out = godoctor(
        &[],
        &["check", "--offline", "--json", "--format", "markdown"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stdout.is_empty());
}

#[test]
fn traditional_chinese_gets_simplified_with_a_note() {
    let note = "目前只有简体中文版本";
    for (env, args) in [
        (vec![("LANG", "zh_TW.UTF-8")], vec![]),
        (vec![("LANG", "zh_HK.UTF-8")], vec![]),
        (vec![], vec!["--lang", "zh-TW"]),
    ] {
        let mut all = args.clone();
        all.extend(["check", "--offline", "--module", "example.com/m@v1.0.0"]);
        let out = godoctor(&env, &all);
        assert_eq!(
            out.stderr.matches(note).count(),
            1,
            "{env:?} {args:?}: {}",
            out.stderr
        );
        assert!(out.stdout.contains("go 会怎么做"), "{}", out.stdout);
    }
    for (env, args) in [
        (vec![("LANG", "zh_CN.UTF-8")], vec![]),
        (vec![], vec!["--lang", "zh"]),
    ] {
        let mut all = args.clone();
        all.extend(["check", "--offline", "--module", "example.com/m@v1.0.0"]);
        let out = godoctor(&env, &all);
        assert!(
            !out.stderr.contains(note),
            "{env:?} {args:?}: {}",
            out.stderr
        );
    }
}
