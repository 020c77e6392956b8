//! Secrets never printed (issue 17): every output mode — `check --offline` as text, JSON,
//! GitHub annotations and in Chinese, `config` (text and JSON), `fix` without `--apply`, and
//! `explain` of go's own error lines — over a matrix of malformed and odd userinfo in GOPROXY,
//! GOSUMDB, HTTPS_PROXY, ALL_PROXY, the go/env file, godoctor's mirrors and GOAUTH. Each
//! password is unique, and neither it nor its percent-encoded, percent-decoded or escaped forms
//! may appear on stdout or stderr. Also: control and bidi characters in values come out escaped.
//!
//! `fix` also runs against the fault lab, where credentialed mirrors qualify, so its
//! recommendation and commands are shown with them.
//!
//! Hermetic: no go on PATH; `fix` asks a resolver on a closed loopback port (or the lab's), so
//! nothing leaves the machine.

use std::path::PathBuf;

use crate::support::cli::{Cli, Run};

/// Where a secret is put.
#[derive(Clone, Copy)]
enum At {
    Env(&'static str),
    /// The user's go/env file, shadowed by a clean OS variable.
    GoenvFile(&'static str),
    /// godoctor's user config.toml `mirrors`.
    Mirror,
    /// The project's godoctor.toml `mirrors`.
    ProjectMirror,
    /// The user's git config: `[url "<value>"] insteadOf = https://` (the value is the base).
    GitInsteadOfBase,
    /// The user's git config: `[url "https://git.example/"] insteadOf = <value>`.
    GitInsteadOfPrefix,
}

struct Case {
    at: At,
    /// `{pw}` stands for the password.
    template: &'static str,
    password: &'static str,
}

const fn case(at: At, template: &'static str, password: &'static str) -> Case {
    Case {
        at,
        template,
        password,
    }
}

/// 32 cases: every character that ends go's authority early or that go refuses in userinfo, in
/// every setting that may hold a URL.
const MATRIX: &[Case] = &[
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "slash/Pw01",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "hash#Pw02",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "quest?Pw03",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "space Pw04",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "dquote\"Pw05",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "squote'Pw06",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "tab\tPw07",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "newline\nPw08",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "rawat@Pw09",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "pct%40Pw10",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "1234567/Pw11",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@[::1]:9/m,direct",
        "ipv6hostPw12",
    ),
    case(
        At::Env("GOPROXY"),
        "//u:{pw}@h.example/m,direct",
        "noschemePw13",
    ),
    case(
        At::Env("GOPROXY"),
        "u:{pw}@h.example/m,direct",
        "bareuserPw14",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m|https://v:second@g.example,direct",
        "comma,Pw15",
    ),
    case(
        At::Env("GOPROXY"),
        "https://a:{pw}@a.example|https://b:{pw}@b.example,direct",
        "listedPw16",
    ),
    case(
        At::Env("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "pipe|Pw17",
    ),
    case(
        At::Env("GOSUMDB"),
        "sum.golang.org https://u:{pw}@s.example",
        "sumdb/Pw18",
    ),
    case(
        At::Env("GOSUMDB"),
        "sum.golang.org https://u:{pw}@s.example",
        "sumdb Pw19",
    ),
    case(
        At::Env("HTTPS_PROXY"),
        "http://u:{pw}@p.example:3128",
        "proxy/Pw20",
    ),
    case(
        At::Env("HTTPS_PROXY"),
        "http://u:{pw}@p.example:3128",
        "proxy Pw21",
    ),
    case(
        At::Env("HTTPS_PROXY"),
        "http://u:{pw}@p.example:3128",
        "proxy#Pw22",
    ),
    case(
        At::Env("HTTPS_PROXY"),
        "u:{pw}@p.example:3128",
        "noschemePw23",
    ),
    case(
        At::Env("HTTP_PROXY"),
        "http://u:{pw}@p.example:3128",
        "httpproxy@Pw24",
    ),
    case(
        At::Env("ALL_PROXY"),
        "socks5://u:{pw}@s.example:1080",
        "allproxy/Pw25",
    ),
    case(
        At::GoenvFile("GOPROXY"),
        "https://u:{pw}@h.example/m,direct",
        "goenvfile Pw26",
    ),
    case(At::Mirror, "https://u:{pw}@m.example", "mirror/Pw27"),
    case(
        At::ProjectMirror,
        "https://u:{pw}@m.example/go",
        "project Pw28",
    ),
    case(At::Env("GOAUTH"), "mycred --token={pw}", "goauthTokenPw29"),
    case(
        At::Env("GOAUTH"),
        "netrc; cred-helper --user u --password {pw}",
        "goauthPw30",
    ),
    case(
        At::Env("NO_PROXY"),
        "corp.example,https://u:{pw}@x.example",
        "noproxy/Pw35",
    ),
    case(
        At::Env("GOPRIVATE"),
        "corp.example,u:{pw}@x.example",
        "private Pw36",
    ),
    case(
        At::GitInsteadOfBase,
        "https://x-access-token:{pw}@git.example/",
        "gitbase/Pw37",
    ),
    case(
        At::GitInsteadOfPrefix,
        "https://u:{pw}@rsc.io/",
        "gitprefix Pw38",
    ),
];

/// Every command the user may run, with what it reads on stdin.
fn modes(value: &str) -> Vec<(Vec<&'static str>, Vec<u8>)> {
    // go's own words for a URL it refuses and for one it fails to reach.
    let pasted = format!(
        "go: rsc.io/quote@v1.5.2: parse {value:?}: net/url: invalid userinfo\n\
         go: rsc.io/quote@v1.5.2: Get \"{value}/rsc.io/quote/@v/v1.5.2.info\": dial tcp: lookup h.example on 127.0.0.53:53: no such host\n"
    );
    let fix = vec!["fix", "--timeout", "2s", "--resolver", "127.0.0.1:9"];
    let mut fix_zh = fix.clone();
    fix_zh.extend(["--lang", "zh"]);
    let mut fix_json = fix.clone();
    fix_json.push("--json");
    vec![
        (vec!["check", "--offline"], vec![]),
        (vec!["check", "--offline", "-v"], vec![]),
        (vec!["check", "--offline", "--json"], vec![]),
        (vec!["check", "--offline", "--format", "github"], vec![]),
        (vec!["check", "--offline", "--format", "markdown"], vec![]),
        (
            vec!["check", "--offline", "--format", "markdown", "--lang", "zh"],
            vec![],
        ),
        (vec!["check", "--offline", "--lang", "zh"], vec![]),
        (vec!["config"], vec![]),
        (vec!["config", "--json"], vec![]),
        (vec!["config", "--lang", "zh"], vec![]),
        (fix, vec![]),
        (fix_zh, vec![]),
        (fix_json, vec![]),
        (vec!["explain"], pasted.clone().into_bytes()),
        (vec!["explain", "--json"], pasted.clone().into_bytes()),
        (vec!["explain", "--lang", "zh"], pasted.into_bytes()),
    ]
}

/// The password as it could show up: raw, percent-encoded or -decoded, escaped for a terminal,
/// for JSON or by go's `%q`, and each line of it.
fn forms(password: &str) -> Vec<String> {
    let encoded: String = password
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let decoded = password.replace("%40", "@");
    let escaped = password
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\t', "\\t")
        .replace('\n', "\\n");
    let json = serde_json::to_string(password).unwrap();
    let mut out = vec![
        password.to_owned(),
        encoded.clone(),
        encoded.to_lowercase(),
        decoded,
        escaped,
        json.trim_matches('"').to_owned(),
    ];
    // A password cut at a space, tab or newline must not show either half that is a secret.
    out.extend(
        password
            .split([' ', '\t', '\n'])
            .filter(|p| p.len() >= 4 && p.contains("Pw"))
            .map(str::to_owned),
    );
    out.sort();
    out.dedup();
    out
}

struct Home {
    tmp: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let tmp = tempfile::tempdir().unwrap();
        for d in ["home/.config/go", "home/.config/godoctor", "work", "bin"] {
            std::fs::create_dir_all(tmp.path().join(d)).unwrap();
        }
        std::fs::write(
            tmp.path().join("work/go.mod"),
            "module example.com/app\n\ngo 1.21\n\nrequire rsc.io/quote v1.5.2\n",
        )
        .unwrap();
        Home { tmp }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    fn cli(&self) -> Cli {
        Cli::godoctor()
            .home(self.path("home"))
            .path(self.path("bin"))
            .env("XDG_CONFIG_HOME", self.path("home/.config"))
            .env("XDG_STATE_HOME", self.path("home/.state"))
            .cwd(self.path("work"))
    }
}

fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// The git on the test's own PATH, linked into the case's `bin` (the one program there).
fn link_git(home: &Home) -> bool {
    let Some(git) = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join("git"))
            .find(|g| g.is_file())
    }) else {
        return false;
    };
    std::os::unix::fs::symlink(git, home.path("bin/git")).unwrap();
    true
}

/// A git config value or subsection, quoted as git reads it.
fn git_quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn run_case(c: &Case) -> Vec<String> {
    let value = c.template.replace("{pw}", c.password);
    let home = Home::new();
    let mut cli = home.cli();
    match c.at {
        At::Env(key) => cli = cli.env(key, &value),
        At::GoenvFile(key) => {
            // go's file format has no newline in a value: the case keeps to one line.
            std::fs::write(home.path("home/.config/go/env"), format!("{key}={value}\n")).unwrap();
            cli = cli.env(key, "https://proxy.golang.org,direct");
        }
        At::Mirror => std::fs::write(
            home.path("home/.config/godoctor/config.toml"),
            format!("mirrors = [{}]\n", toml_string(&value)),
        )
        .unwrap(),
        At::ProjectMirror => std::fs::write(
            home.path("work/godoctor.toml"),
            format!("mirrors = [{}]\n", toml_string(&value)),
        )
        .unwrap(),
        At::GitInsteadOfBase | At::GitInsteadOfPrefix => {
            if !link_git(&home) {
                crate::support::tier::notice("SKIPPED git insteadOf secrets: no git on PATH");
                return Vec::new();
            }
            let (base, prefix) = match c.at {
                At::GitInsteadOfBase => (value.as_str(), "https://"),
                _ => ("https://git.example/", value.as_str()),
            };
            std::fs::write(
                home.path("home/.gitconfig"),
                format!(
                    "[url {}]\n\tinsteadOf = {}\n",
                    git_quoted(base),
                    git_quoted(prefix)
                ),
            )
            .unwrap();
            // The case's own configuration only (no system file), and no network: `fix` would
            // let git reach for the rewritten hosts, so it is left out below.
            cli = cli.env("GIT_CONFIG_NOSYSTEM", "1");
        }
    }
    let git = matches!(c.at, At::GitInsteadOfBase | At::GitInsteadOfPrefix);
    let mut leaks = Vec::new();
    for (args, stdin) in modes(&value) {
        if git && args[0] == "fix" {
            continue;
        }
        let run: Run = cli.clone().args(&args).stdin(stdin).run();
        assert!(
            run.code().is_some_and(|c| c <= 2),
            "{args:?} for {value:?} died: {}",
            run.text()
        );
        let text = run.text();
        for form in forms(c.password) {
            if text.contains(&form) {
                leaks.push(format!("{value:?} {args:?} printed {form:?}:\n{text}"));
            }
        }
    }
    leaks
}

#[test]
fn malformed_userinfo_never_printed_in_any_mode() {
    assert!(MATRIX.len() >= 28);
    let mut passwords: Vec<&str> = MATRIX.iter().map(|c| c.password).collect();
    passwords.sort();
    passwords.dedup();
    assert_eq!(passwords.len(), MATRIX.len(), "every password is unique");
    // `fix` waits for its resolver's timeout: the cases run side by side.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let leaks = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..6 {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(c) = MATRIX.get(i) else { break };
                    let found = run_case(c);
                    leaks.lock().unwrap().extend(found);
                }
            });
        }
    });
    let leaks = leaks.into_inner().unwrap();
    assert!(
        leaks.is_empty(),
        "{} leaks:\n{}",
        leaks.len(),
        leaks.join("\n\n")
    );
}

/// A CR in a value cannot hide what comes before it in the settings table (`GONOSUMDB=*`
/// displayed as `corp.example`); U+202E and U+0085 reach neither the terminal nor annotations.
#[test]
fn hidden_characters_come_out_escaped() {
    let home = Home::new();
    let cli = home
        .cli()
        .env("GONOSUMDB", "*\rcorp.example")
        .env("GOFLAGS", "-mod=mod\u{0085}\u{1b}[2J")
        .env("GOPROXY", "https://evil\u{202e}.example/%zz,direct");
    // The settings table is shown with -v.
    let text = cli
        .clone()
        .args(["check", "--offline", "-v"])
        .run()
        .stdout_text();
    assert!(text.contains("GONOSUMDB    *\\rcorp.example"), "{text}");
    for args in [
        &["check", "--offline"][..],
        &["check", "--offline", "--lang", "zh"],
        &["check", "--offline", "--format", "github"],
        &["check", "--offline", "--format", "markdown"],
        &["check", "--offline", "-v", "--lang", "zh"],
        &["config"],
    ] {
        let run = cli.clone().args(args).run();
        let out = run.text();
        for c in ['\r', '\u{202e}', '\u{0085}', '\u{1b}'] {
            assert!(!out.contains(c), "{args:?} printed {c:?}:\n{out}");
        }
    }
    let github = cli
        .clone()
        .args(["check", "--offline", "--format", "github"])
        .run()
        .stdout_text();
    assert!(
        github.contains("\\u202e"),
        "the annotation names the entry: {github}"
    );
    // JSON keeps the data: the same characters, as JSON escapes.
    let v = cli.args(["check", "--offline", "--json"]).run().json();
    assert_eq!(v["settings"]["GONOSUMDB"]["value"], "*\rcorp.example");
    assert_eq!(
        v["settings"]["GOPROXY"]["value"],
        "https://evil\u{202e}.example/%zz,direct"
    );
}

/// `fix` with mirrors that pass every probe (the lab's): the recommendation, the commands and
/// the current GOPROXY hold userinfo go accepts — quotes, `%40`, `;`, `$` — and none is printed.
#[test]
fn fix_recommendations_never_print_mirror_credentials() {
    use crate::lab::{self, Behavior, CertKind, GoproxySpec, Lab, SumdbMode};
    let lab = Lab::new();
    let spec = GoproxySpec {
        modules: vec![("example.com/m".into(), vec!["v1.0.0".into()])],
        sumdb: SumdbMode::NotServed,
        date_skew_secs: 0,
    };
    let good = lab.https("mirror.lab.test", CertKind::Lab, Behavior::Goproxy(spec));
    let closed = lab.closed_port();
    lab.dns(
        "blocked.lab.test",
        lab::DnsAnswer::A(vec![match closed.ip() {
            std::net::IpAddr::V4(v) => v,
            _ => unreachable!(),
        }]),
    );
    let home = Home::new();
    std::fs::remove_file(home.path("work/go.mod")).unwrap();
    let current = "cur'rent;Pw31";
    std::fs::write(
        home.path("home/.config/go/env"),
        format!(
            "GOPROXY=https://u:{current}@blocked.lab.test:{},direct\n",
            closed.port()
        ),
    )
    .unwrap();
    let passwords = ["mir'ror$Pw32", "mirror%40Pw33", "mirror!*Pw34"];
    let cli = home
        .cli()
        .env("SSL_CERT_FILE", lab.ca_pem_path())
        .env("GONOSUMDB", "example.com");
    let mut args: Vec<String> = ["--resolver", &lab.dns_addr().to_string()]
        .into_iter()
        .chain(["--module", "example.com/m@v1.0.0", "--timeout", "6s"])
        .map(str::to_owned)
        .collect();
    for pw in passwords {
        args.push("--mirror".into());
        args.push(format!("https://u:{pw}@mirror.lab.test:{}", good.port()));
    }
    for lang in ["en", "zh"] {
        let run = cli.clone().args(["fix", "--lang", lang]).args(&args).run();
        let text = run.text();
        assert_eq!(run.code(), Some(0), "{text}");
        assert!(text.contains("GOPROXY="), "a recommendation: {text}");
        assert!(text.contains("xxxxx@mirror.lab.test"), "{text}");
        // A command to paste names placeholders: one with `xxxxx` would overwrite credentials.
        assert!(
            text.contains("'GOPROXY=https://USER:PASSWORD@mirror.lab.test"),
            "{text}"
        );
        for pw in passwords.iter().chain([&current]) {
            for form in forms(pw) {
                assert!(!text.contains(&form), "{lang}: printed {form:?}:\n{text}");
            }
        }
    }
}
