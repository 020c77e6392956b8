//! `godoctor check --offline` and `godoctor config` as a user runs them: findings, exit
//! statuses, the JSON contract, and secrets that must never be printed. Each test gets a
//! scrubbed environment and a temporary HOME; go is kept off PATH unless a test asks for it.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::cli::{Cli, Run};

struct Env {
    tmp: tempfile::TempDir,
    vars: Vec<(String, String)>,
}

impl Env {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("home/.config/go")).unwrap();
        std::fs::create_dir_all(tmp.path().join("work")).unwrap();
        std::fs::create_dir_all(tmp.path().join("bin")).unwrap();
        let vars = vec![
            ("HOME".into(), tmp.path().join("home").display().to_string()),
            // No go on PATH: godoctor's own computation, deterministic on every machine.
            ("PATH".into(), tmp.path().join("bin").display().to_string()),
        ];
        Env { tmp, vars }
    }

    fn set(mut self, k: &str, v: &str) -> Self {
        self.vars.push((k.into(), v.into()));
        self
    }

    fn goenv(self, content: &str) -> Self {
        std::fs::write(self.tmp.path().join("home/.config/go/env"), content).unwrap();
        self
    }

    fn gomod(self, content: &str) -> Self {
        std::fs::write(self.work().join("go.mod"), content).unwrap();
        self
    }

    fn work(&self) -> PathBuf {
        self.tmp.path().join("work")
    }

    fn run(&self, args: &[&str]) -> Run {
        Cli::godoctor()
            .envs(self.vars.iter().map(|(k, v)| (k, v)))
            .cwd(self.work())
            .args(args)
            .run()
    }

    fn json(&self) -> (Value, i32) {
        let out = self.run(&["check", "--offline", "--json"]);
        (out.json(), out.code().unwrap())
    }
}

fn codes(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

fn finding<'a>(v: &'a Value, code: &str) -> &'a Value {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", codes(v)))
}

#[test]
fn defaults_without_go_are_healthy() {
    let (v, code) = Env::new().json();
    assert_eq!(code, 0);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["verdict"], "ok");
    assert_eq!(v["go"]["found"], false);
    assert_eq!(
        v["settings"]["GOPROXY"]["value"],
        "https://proxy.golang.org,direct"
    );
    assert_eq!(v["settings"]["GOPROXY"]["origin"], "default");
    assert_eq!(v["settings"]["GOTOOLCHAIN"]["value"], "auto");
    assert_eq!(v["outcome"]["predicted"], "ok");
    assert_eq!(v["root_cause"], Value::Null);
    assert!(codes(&v).contains(&"GO_NOT_FOUND".to_owned()));
    let severities: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["severity"])
        .collect();
    assert!(
        severities.iter().all(|s| *s == "info"),
        "{:#}",
        v["findings"]
    );
    assert_eq!(v["plan"]["modules"][0]["module"], "golang.org/x/text");
}

#[test]
fn goproxy_off_fails_with_go_words_and_exit_1() {
    let (v, code) = Env::new().set("GOPROXY", "off").json();
    assert_eq!(code, 1);
    assert_eq!(v["verdict"], "fail");
    assert_eq!(v["root_cause"]["code"], "GOPROXY_OFF");
    assert_eq!(v["root_cause"]["layer"], "config");
    assert_eq!(
        v["outcome"]["modules"][0]["error"],
        "go: golang.org/x/text: module lookup disabled by GOPROXY=off"
    );
    let fix = &finding(&v, "GOPROXY_OFF")["remediation"][0];
    // GOPROXY comes from the OS environment: `go env -w` would not help.
    assert_eq!(
        fix["command"],
        "export GOPROXY=https://proxy.golang.org,direct"
    );
}

/// `check --shell` (and the detection from SHELL) writes each fix in that shell's syntax.
#[test]
fn fixes_are_written_for_the_users_shell() {
    let env = Env::new().set("GOPROXY", "off").set("GOSUMDB", "off");
    let fix = |args: &[&str]| {
        let out = env.run(&[&["check", "--offline", "--json"][..], args].concat());
        let v = out.json();
        let f = |code: &str| finding(&v, code)["remediation"][0]["command"].clone();
        (f("GOPROXY_OFF"), f("GOSUMDB_OFF"))
    };
    let url = "https://proxy.golang.org,direct";
    assert_eq!(
        fix(&["--shell", "fish"]),
        (
            format!("set -gx GOPROXY {url}").into(),
            "set -e GOSUMDB".into()
        )
    );
    assert_eq!(
        fix(&["--shell", "powershell"]).0,
        format!(
            "$env:GOPROXY = '{url}'; [Environment]::SetEnvironmentVariable('GOPROXY', '{url}', 'User')"
        )
    );
    assert_eq!(
        fix(&["--shell", "cmd"]).1,
        "set \"GOSUMDB=\" & reg delete HKCU\\Environment /v GOSUMDB /f"
    );
    let fish = Env::new()
        .set("GOPROXY", "off")
        .set("SHELL", "/usr/bin/fish");
    let out = fish.run(&["check", "--offline", "--json"]);
    let v = out.json();
    assert_eq!(
        finding(&v, "GOPROXY_OFF")["remediation"][0]["command"],
        format!("set -gx GOPROXY {url}"),
        "fish detected from SHELL"
    );
    // A setting of the go/env file: `go env -w`, quoted as PowerShell needs.
    let file = Env::new().goenv("GOPROXY=off\n");
    let out = file.run(&["check", "--offline", "--json", "--shell", "powershell"]);
    assert_eq!(
        finding(&out.json(), "GOPROXY_OFF")["remediation"][0]["command"],
        format!("go env -w 'GOPROXY={url}'")
    );
}

#[test]
fn goproxy_off_in_goenv_file_is_fixed_with_go_env_w() {
    let (v, _) = Env::new().goenv("GOPROXY=off\n").json();
    assert_eq!(v["settings"]["GOPROXY"]["origin"], "goenv-file");
    let fix = &finding(&v, "GOPROXY_OFF")["remediation"][0];
    assert_eq!(
        fix["command"],
        "go env -w GOPROXY=https://proxy.golang.org,direct"
    );
}

#[test]
fn gonoproxy_match_is_still_fetched_directly_with_goproxy_off() {
    let env = Env::new()
        .set("GOPROXY", "off")
        .set("GOPRIVATE", "git.corp.example")
        .gomod("module m\n\ngo 1.20\n\nrequire git.corp.example/team/lib v1.0.0\n");
    let (v, code) = env.json();
    assert_eq!(v["outcome"]["predicted"], "ok", "{v:#}");
    assert_eq!(code, 0);
    let route = &v["plan"]["modules"][0]["route"];
    assert_eq!(route[0]["kind"], "direct");
    assert_eq!(
        route[0]["discovery_url"],
        "https://git.corp.example/team/lib?go-get=1"
    );
}

#[test]
fn malformed_goproxy_and_gosumdb_use_go_texts() {
    let (v, code) = Env::new().set("GOPROXY", "foo").json();
    assert_eq!(code, 1);
    assert!(
        finding(&v, "GOPROXY_MALFORMED")["message"]
            .as_str()
            .unwrap()
            .contains("invalid proxy URL missing scheme: foo")
    );
    let (v, _) = Env::new().set("GOSUMDB", "sum.example.com").json();
    assert!(
        finding(&v, "GOSUMDB_MALFORMED")["message"]
            .as_str()
            .unwrap()
            .contains("invalid GOSUMDB: malformed verifier id")
    );
    assert_eq!(v["outcome"]["predicted"], "fail");
}

#[test]
fn gosumdb_off_warns_and_strict_fails() {
    let env = Env::new().set("GOSUMDB", "off");
    let (v, code) = env.json();
    assert_eq!((v["verdict"].as_str(), code), (Some("warn"), 0));
    let fixes = finding(&v, "GOSUMDB_OFF")["remediation"].to_string();
    assert!(
        !fixes.contains("GOSUMDB=off"),
        "never recommend GOSUMDB=off: {fixes}"
    );
    assert_eq!(env.run(&["check", "--offline", "--strict"]).code(), Some(1));
}

#[test]
fn secrets_never_printed() {
    let env = Env::new()
        .set(
            "HTTPS_PROXY",
            "http://alice:hunter2@proxy.corp.example:3128",
        )
        .set(
            "GOPROXY",
            "https://bob:s3cr3t@goproxy.corp.example/mod,direct",
        )
        .set("ALL_PROXY", "socks5://carol:pa55@s.example:1080");
    std::fs::write(
        env.tmp.path().join("home/.netrc"),
        "machine git.corp.example login u password netrcpw\n",
    )
    .unwrap();
    for args in [
        &["check", "--offline", "--json"][..],
        &["check", "--offline"],
        &["config", "--json"],
        &["config"],
    ] {
        let out = env.run(args);
        let text = out.text();
        for secret in [
            "hunter2", "s3cr3t", "pa55", "netrcpw", "alice", "bob:", "carol",
        ] {
            assert!(!text.contains(secret), "{args:?} printed {secret}:\n{text}");
        }
    }
    let out = env.run(&["config", "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sources"]["netrc"]["machines"][0], "git.corp.example");
}

#[test]
fn env_var_shadowing_goenv_file_is_reported() {
    let (v, _) = Env::new()
        .set("GOPROXY", "https://goproxy.cn,direct")
        .goenv("GOPROXY=https://mirror.example,direct\n")
        .json();
    let f = finding(&v, "ENV_SHADOWS_GOENV_FILE");
    assert!(f["message"].as_str().unwrap().contains("go env -w GOPROXY"));
    assert_eq!(
        v["settings"]["GOPROXY"]["shadowed_file_value"],
        "https://mirror.example,direct"
    );
}

#[test]
fn proxy_env_rules() {
    let (v, _) = Env::new()
        .set("HTTP_PROXY", "http://p.corp.example:3128")
        .set("ALL_PROXY", "socks5://s:1")
        .json();
    let c = codes(&v);
    assert!(
        c.contains(&"HTTP_PROXY_WITHOUT_HTTPS_PROXY".to_owned()),
        "{c:?}"
    );
    assert!(c.contains(&"ALL_PROXY_IGNORED".to_owned()), "{c:?}");
    let (v, _) = Env::new()
        .set("HTTPS_PROXY", "http://p.corp.example:3128")
        .set("NO_PROXY", "proxy.golang.org")
        .json();
    let step = &v["plan"]["modules"][0]["route"][0];
    assert!(
        step.get("via_http_proxy").is_none(),
        "NO_PROXY bypasses it: {step}"
    );
    let (v, _) = Env::new()
        .set("HTTPS_PROXY", "http://p.corp.example:3128")
        .json();
    assert_eq!(
        v["plan"]["modules"][0]["route"][0]["via_http_proxy"],
        "http://p.corp.example:3128"
    );
}

#[test]
fn private_looking_modules_and_pattern_spaces() {
    let gomod = "module m\n\ngo 1.21\n\nrequire (\n\tgit.corp/team/lib v1.0.0\n\tgithub.com/pkg/errors v0.9.1\n)\n";
    let (v, _) = Env::new().gomod(gomod).json();
    let f = finding(&v, "PRIVATE_MODULE_NOT_PRIVATE");
    assert_eq!(f["host"], "git.corp");
    assert_eq!(
        f["remediation"][0]["command"],
        "go env -w GOPRIVATE=git.corp"
    );
    let (v, _) = Env::new()
        .gomod(gomod)
        .set("GOPRIVATE", "github.com/acme, git.corp")
        .json();
    assert!(codes(&v).contains(&"PATTERN_HAS_SPACES".to_owned()));
    // " git.corp" never matches, exactly as in go: still not private.
    assert!(codes(&v).contains(&"PRIVATE_MODULE_NOT_PRIVATE".to_owned()));
    let (v, _) = Env::new().gomod(gomod).set("GOPRIVATE", "git.corp").json();
    assert!(!codes(&v).contains(&"PRIVATE_MODULE_NOT_PRIVATE".to_owned()));
}

#[test]
fn local_replacements_and_gosum_are_planned_like_go() {
    let env = Env::new().gomod("module m\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n\nreplace example.com/a => ../a\n");
    std::fs::write(
        env.work().join("go.sum"),
        "example.com/b v1.0.0 h1:x=\nexample.com/b v1.0.0/go.mod h1:y=\n",
    )
    .unwrap();
    let (v, _) = env.json();
    let mods = v["plan"]["modules"].as_array().unwrap();
    assert_eq!(mods.len(), 1, "a is replaced by a directory: {mods:?}");
    assert_eq!(mods[0]["in_gosum"], true);
    assert_eq!(mods[0]["needs_sumdb"], false);
}

#[test]
fn git_config_findings() {
    if Path::new("/usr/bin/git").exists() {
        let env = Env::new();
        std::os::unix::fs::symlink("/usr/bin/git", env.tmp.path().join("bin/git")).unwrap();
        std::fs::write(
            env.tmp.path().join("home/.gitconfig"),
            "[url \"git@github.com:\"]\n\tinsteadOf = https://github.com/\n[http]\n\tsslVerify = false\n",
        )
        .unwrap();
        let env = env
            .set("GOPRIVATE", "github.com/acme")
            .gomod("module m\n\ngo 1.21\n\nrequire github.com/acme/x v1.0.0\n");
        let (v, _) = env.json();
        let c = codes(&v);
        assert!(c.contains(&"GIT_SSL_VERIFY_OFF".to_owned()), "{c:?}");
        assert!(c.contains(&"GIT_INSTEADOF_SSH".to_owned()), "{c:?}");
        let d = &v["plan"]["modules"][0]["route"][0];
        assert_eq!(d["git_url"], "git@github.com:acme/x");
        assert_eq!(d["git_port"], 22);
    } else {
        crate::support::tier::notice(
            "SKIPPED check_offline::git_config_findings: /usr/bin/git is not installed",
        );
    }
}

#[test]
fn broken_inputs_give_findings_not_panics() {
    let env = Env::new()
        .goenv("GOPROXY=https://goproxy.cn\r\ngoprivate=x\n\u{0}\u{1}garbage\nGOSUMDB =off\n")
        .gomod("module m\nrequire (\n\tunterminated \"x\n")
        .set("GOFLAGS", "'-mod=mod")
        .set("GOVCS", "a.com");
    let (v, code) = env.json();
    assert_eq!(code, 1);
    let c = codes(&v);
    for want in [
        "GOENV_FILE_CRLF",
        "GOENV_FILE_IGNORED_LINES",
        "GOENV_FILE_KEY_WITH_SPACE",
        "GOMOD_UNPARSABLE",
        "GOFLAGS_MALFORMED",
        "GOVCS_MALFORMED",
    ] {
        assert!(c.contains(&want.to_owned()), "{want} missing from {c:?}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    assert_eq!(env.run(&["check", "--timeout", "soon"]).code(), Some(2));
    assert_eq!(env.run(&["frobnicate"]).code(), Some(2));
    assert_eq!(
        env.run(&["-C", "/nonexistent/dir", "check"]).code(),
        Some(2)
    );
    assert_eq!(env.run(&["--help"]).code(), Some(0));
}

#[test]
fn text_report_has_the_sections_and_no_colour_when_piped() {
    let out = Env::new()
        .set("GOPROXY", "off")
        .run(&["check", "--offline"]);
    let text = String::from_utf8(out.stdout).unwrap();
    // The summary first, then the verdict and the fix; settings only with -v.
    let order = [
        "Configuration",
        "go mod download will fail",
        "Fix",
        "Findings",
        "What go will do",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|s| {
            text.find(s)
                .unwrap_or_else(|| panic!("{s} missing:\n{text}"))
        })
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "order {order:?}:\n{text}"
    );
    assert!(!text.contains("Settings"), "settings without -v:\n{text}");
    assert!(!text.contains('\u{1b}'), "colour on a pipe");
    let out = Env::new()
        .set("GOPROXY", "off")
        .run(&["check", "--offline", "-v"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Settings (value [origin])"), "{text}");
    let out = Env::new()
        .set("GOPROXY", "off")
        .set("CLICOLOR_FORCE", "1")
        .run(&["check", "--offline"]);
    assert!(
        String::from_utf8(out.stdout).unwrap().contains('\u{1b}'),
        "CLICOLOR_FORCE ignored"
    );
    let out = Env::new()
        .set("CLICOLOR_FORCE", "1")
        .set("NO_COLOR", "1")
        .run(&["check", "--offline"]);
    assert!(
        !String::from_utf8(out.stdout).unwrap().contains('\u{1b}'),
        "NO_COLOR ignored"
    );
    let out = Env::new().run(&["--color", "always", "check", "--offline"]);
    assert!(
        String::from_utf8(out.stdout).unwrap().contains('\u{1b}'),
        "--color always ignored"
    );
}

#[test]
fn github_annotations() {
    let out = Env::new()
        .set("GOPROXY", "off")
        .run(&["check", "--offline", "--format", "github"]);
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("::error title=godoctor GOPROXY_OFF::"),
        "{text}"
    );
    assert!(
        first.contains("%0Afix: export GOPROXY="),
        "multi-line messages are escaped: {first}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("::notice title=godoctor GO_NOT_FOUND::"))
    );
    assert_eq!(out.code(), Some(1));
}

#[test]
fn godoctor_toml_supplies_canaries_and_warns_about_bad_values() {
    let env = Env::new();
    std::fs::write(
        env.work().join("godoctor.toml"),
        "canary_modules = [\"example.com/canary@v1.2.3\"]\ntimeout = \"soon\"\n",
    )
    .unwrap();
    let out = env.run(&["check", "--offline", "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["outcome"]["modules"][0]["module"], "example.com/canary@v1.2.3",
        "{:#}",
        v["outcome"]
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("timeout \"soon\"") && err.contains("ignored"),
        "{err}"
    );
    // The command line wins over the file.
    let out = env.run(&[
        "check",
        "--offline",
        "--json",
        "--module",
        "example.com/cli@v1.0.0",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["outcome"]["modules"][0]["module"],
        "example.com/cli@v1.0.0"
    );
}

/// `go build` in -mod=readonly never adds a go.sum line (go1.19.8 and go1.27.3: `main.go:3:8:
/// example.com/graph17@v1.0.0: missing go.sum entry[ for go.mod file]; to add it:`), while
/// tidy and download add them and `-mod=mod` lets build add them too.
#[test]
fn a_build_without_the_go_sum_lines_it_needs_fails_before_any_request() {
    let env = Env::new().gomod(
        "module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n",
    );
    std::fs::write(
        env.work().join("main.go"),
        "package main\n\nimport _ \"example.com/a/pkg\"\n\nfunc main() {}\n",
    )
    .unwrap();
    let predict = |env: &Env, command: &[&str]| -> Value {
        let mut args = vec!["check", "--offline", "--json", "--"];
        args.extend(command);
        env.run(&args).json()
    };
    let build = ["go", "build", "./..."];
    let v = predict(&env, &build);
    assert_eq!(v["outcome"]["predicted"], "fail", "{:#}", v["outcome"]);
    assert_eq!(v["root_cause"]["code"], "GOSUM_MISSING_ENTRY");
    let err = v["outcome"]["modules"][0]["error"].as_str().unwrap();
    assert!(
        err.starts_with("example.com/a@v1.0.0: missing go.sum entry")
            && err.ends_with("to add it:\n\tgo mod download example.com/a"),
        "{err}"
    );
    assert!(
        finding(&v, "GOSUM_MISSING_ENTRY")
            .to_string()
            .contains("go mod download example.com/a example.com/b")
    );
    for other in [&["go", "mod", "tidy"][..], &["go", "mod", "download"][..]] {
        let v = predict(&env, other);
        assert_eq!(
            v["outcome"]["predicted"], "ok",
            "{other:?}: {:#}",
            v["outcome"]
        );
    }
    let env = env.set("GOFLAGS", "-mod=mod");
    let v = predict(&env, &build);
    assert_eq!(v["outcome"]["predicted"], "ok", "{:#}", v["outcome"]);
}

#[test]
fn cli_conventions_colour_format_conflicts_and_closed_pipes() {
    let env = Env::new();
    let esc = |run: &Run| run.stdout.contains(&0x1b);
    // Piped output: CLICOLOR_FORCE=0 does not force colour; 1 does.
    assert!(!esc(&env.run(&["check", "--offline"])));
    let unforced = Env::new().set("CLICOLOR_FORCE", "0");
    assert!(!esc(&unforced.run(&["check", "--offline"])));
    let forced = Env::new().set("CLICOLOR_FORCE", "1");
    assert!(esc(&forced.run(&["check", "--offline"])));
    // --json and --format text|github contradict each other: a usage error, in both languages.
    for (format, lang, words) in [("text", "en", "--format text"), ("github", "zh", "二选一")] {
        let run = env.run(&[
            "--lang",
            lang,
            "check",
            "--offline",
            "--json",
            "--format",
            format,
        ]);
        assert_eq!(run.code(), Some(2), "{}", run.text());
        assert!(run.stderr_text().contains(words), "{}", run.stderr_text());
    }
    assert_eq!(
        env.run(&["check", "--offline", "--json", "--format", "json"])
            .code(),
        Some(0)
    );
    // A reader that has gone (`| head -1`, here `| true`) is not a crash.
    let run = Cli::godoctor()
        .envs(env.vars.iter().map(|(k, v)| (k, v)))
        .wrap(["sh", "-c", "\"$0\" \"$@\" | true"])
        .args(["completions", "bash"])
        .run();
    assert!(
        !run.stderr_text().contains("panicked"),
        "{}",
        run.stderr_text()
    );
}

#[test]
fn the_manual_page_and_the_schema_come_with_the_binary() {
    let env = Env::new();
    let man = env.run(&["man"]);
    assert_eq!(man.code(), Some(0));
    assert!(
        man.stdout_text().contains(".TH godoctor 1"),
        "{}",
        man.text()
    );
    let schema = env.run(&["schema"]).json();
    assert_eq!(schema["title"], "godoctor check --json");
    let help = env.run(&["check", "--help"]).stdout_text();
    assert!(
        help.contains("Examples:") && help.contains("godoctor schema"),
        "{help}"
    );
    assert!(!help.contains("schema/check.schema.json"), "{help}");
    // Every subcommand that takes options shows how it is used.
    for sub in ["fix", "explain", "config"] {
        let help = env.run(&[sub, "--help"]).stdout_text();
        assert!(
            help.contains("Examples:") && help.contains(&format!("godoctor {sub}")),
            "{sub}: {help}"
        );
    }
}
