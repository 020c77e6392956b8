//! Offline prediction against real go: for settings that alone decide the outcome, godoctor's
//! `outcome.predicted` must match `go mod download`'s exit status, and its error text must be
//! the one go prints — for go1.19 and the current release.
//!
//! Hermetic: modules come from a `file://` GOPROXY in fixtures/, and HTTP(S)_PROXY point at a
//! closed loopback port, so nothing can leave the machine even if go tried.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::cli::{Cli, Run};
use crate::support::go;

#[track_caller]
fn run(cli: Cli, limit: Duration) -> Run {
    let what = cli.describe();
    let out = cli.limit(limit).run();
    assert!(!out.timed_out(), "{what} did not finish within {limit:?}");
    out
}

struct Case {
    name: &'static str,
    env: &'static [(&'static str, &'static str)],
    /// The go/env file's content.
    goenv: &'static str,
    /// Only for go ≥ 1.21 (older go would go to the network instead).
    new_go_only: bool,
    /// Only for go1.19.
    old_go_only: bool,
    /// go.mod to use instead of fixtures/app/go.mod.
    gomod: Option<&'static str>,
    /// `root_cause.code` with the current go, where the order of go's checks decides it.
    root: Option<&'static str>,
    /// go.mod files already in the module cache: (module, version, content).
    cached: &'static [(&'static str, &'static str, &'static str)],
    /// More files of the project: (path relative to go.mod, content).
    files: &'static [(&'static str, &'static str)],
}

/// A dependency whose go.mod needs go 1.99, already in the module cache: go reads it from
/// there, and so does godoctor without the network.
const NEWGO_CACHED: &[(&str, &str, &str)] = &[(
    "example.com/newgo",
    "v1.0.0",
    "module example.com/newgo\n\ngo 1.99\n",
)];

const CASES: &[Case] = &[
    Case {
        name: "file proxy, sumdb off",
        env: &[("GOPROXY", "file://{FIX}"), ("GOSUMDB", "off")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "file proxy, GONOSUMDB",
        env: &[("GOPROXY", "file://{FIX}"), ("GONOSUMDB", "example.com")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "file proxy via go/env, GOPRIVATE-free",
        env: &[("GOSUMDB", "off")],
        goenv: "GOPROXY=file://{FIX}\n",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "404 then fall through",
        env: &[
            ("GOPROXY", "file://{FIX}/missing,file://{FIX}"),
            ("GOSUMDB", "off"),
        ],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    // go sends nothing to a plain-http entry with credentials (cmd/go/internal/web).
    Case {
        name: "plain-http entry with credentials, then ,",
        env: &[
            ("GOPROXY", "http://alice:s3cret@127.0.0.1:9,file://{FIX}"),
            ("GOSUMDB", "off"),
        ],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: Some("HTTP_INSECURE_CREDENTIALS"),
        cached: &[],
        files: &[],
    },
    Case {
        name: "plain-http entry with credentials, then |",
        env: &[
            ("GOPROXY", "http://alice:s3cret@127.0.0.1:9|file://{FIX}"),
            ("GOSUMDB", "off"),
        ],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOPROXY=off",
        env: &[("GOPROXY", "off")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOPROXY=off from go/env",
        env: &[],
        goenv: "GOPROXY=off\n",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOPROXY=,",
        env: &[("GOPROXY", ",")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOPROXY=foo",
        env: &[("GOPROXY", "foo")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOPROXY bad scheme",
        env: &[("GOPROXY", "ftp://h.example")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOPROXY bad port",
        env: &[("GOPROXY", "https://h.example:x")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOSUMDB bogus",
        env: &[("GOPROXY", "file://{FIX}"), ("GOSUMDB", "bogus")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOSUMDB bad hash",
        env: &[
            ("GOPROXY", "file://{FIX}"),
            (
                "GOSUMDB",
                "sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8",
            ),
        ],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOSUMDB too many fields",
        env: &[("GOPROXY", "file://{FIX}"), ("GOSUMDB", "a b c")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOFLAGS non-flag",
        env: &[("GOPROXY", "off"), ("GOFLAGS", "x")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GO111MODULE=off",
        env: &[("GO111MODULE", "off")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "empty GOPROXY= line hides go.env",
        env: &[("GOSUMDB", "off")],
        goenv: "GOPROXY=\n",
        new_go_only: true,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    // Toolchain switching (docs/go/toolchains.md §3, §4, §6): decided before any network use.
    Case {
        name: "go line too new, GOTOOLCHAIN=local",
        env: &[("GOTOOLCHAIN", "local")],
        goenv: "",
        new_go_only: true,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.99\n"),
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "toolchain switch with GOPROXY=off",
        env: &[("GOTOOLCHAIN", "auto"), ("GOPROXY", "off")],
        goenv: "",
        new_go_only: true,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.99\n"),
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "toolchain switch through a plain-http entry with credentials",
        env: &[
            ("GOTOOLCHAIN", "auto"),
            ("GOPROXY", "http://alice:s3cret@127.0.0.1:9,file://{FIX}"),
        ],
        goenv: "",
        new_go_only: true,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.99.0\n"),
        root: Some("HTTP_INSECURE_CREDENTIALS"),
        cached: &[],
        files: &[],
    },
    Case {
        name: "toolchain switch with GOSUMDB=off",
        env: &[
            ("GOTOOLCHAIN", "auto"),
            ("GOSUMDB", "off"),
            ("GOPROXY", "file://{FIX}|off"),
        ],
        goenv: "",
        new_go_only: true,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.99\n"),
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "invalid GOTOOLCHAIN",
        env: &[("GOTOOLCHAIN", "bash")],
        goenv: "",
        new_go_only: true,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.21\n"),
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GO111MODULE in upper case",
        env: &[("GO111MODULE", "ON")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: Some("GO111MODULE_INVALID"),
        cached: &[],
        files: &[],
    },
    Case {
        name: "gccgo-style toolchain line",
        env: &[("GOTOOLCHAIN", "auto")],
        goenv: "",
        new_go_only: true,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.21\n\ntoolchain gccgo-go1.99.0\n"),
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "toolchain switch fails before GOFLAGS is read",
        env: &[
            ("GOTOOLCHAIN", "auto"),
            ("GOPROXY", "off"),
            ("GOFLAGS", "x"),
        ],
        goenv: "",
        new_go_only: true,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.99\n"),
        root: Some("GOPROXY_OFF"),
        cached: &[],
        files: &[],
    },
    Case {
        name: "invalid toolchain line",
        env: &[("GOTOOLCHAIN", "auto")],
        goenv: "",
        new_go_only: true,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.21\n\ntoolchain bogus\n"),
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "go1.19 and a three-part go line",
        env: &[("GOPROXY", "off")],
        goenv: "",
        new_go_only: false,
        old_go_only: true,
        gomod: Some("module example.com/app\n\ngo 1.22.0\n"),
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "go1.19 and a toolchain line",
        env: &[("GOPROXY", "off")],
        goenv: "",
        new_go_only: false,
        old_go_only: true,
        gomod: Some("module example.com/app\n\ngo 1.21\n\ntoolchain go1.22.1\n"),
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "dependency needs a newer go (go.mod cached), GOTOOLCHAIN=local",
        env: &[
            ("GOPROXY", "off"),
            ("GOSUMDB", "off"),
            ("GOTOOLCHAIN", "local"),
        ],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.21\n\nrequire example.com/newgo v1.0.0\n"),
        root: Some("TOOLCHAIN_DEPENDENCY_TOO_NEW"),
        cached: NEWGO_CACHED,
        files: &[],
    },
    Case {
        name: "dependency needs a newer go (go.mod cached), auto, GOPROXY=off",
        env: &[
            ("GOPROXY", "off"),
            ("GOSUMDB", "off"),
            ("GOTOOLCHAIN", "auto"),
        ],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.21\n\nrequire example.com/newgo v1.0.0\n"),
        root: Some("GOPROXY_OFF"),
        cached: NEWGO_CACHED,
        files: &[],
    },
    Case {
        name: "dependency needs a newer go (go.mod cached), path, none in PATH",
        env: &[
            ("GOPROXY", "off"),
            ("GOSUMDB", "off"),
            ("GOTOOLCHAIN", "path"),
        ],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.21\n\nrequire example.com/newgo v1.0.0\n"),
        root: Some("TOOLCHAIN_NOT_IN_PATH"),
        cached: NEWGO_CACHED,
        files: &[],
    },
    Case {
        name: "locally replaced dependency needs a newer go, GOTOOLCHAIN=local",
        env: &[
            ("GOPROXY", "off"),
            ("GOSUMDB", "off"),
            ("GOTOOLCHAIN", "local"),
        ],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: Some(
            "module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n\nreplace example.com/lib => ./lib\n",
        ),
        root: Some("TOOLCHAIN_DEPENDENCY_TOO_NEW"),
        cached: &[],
        files: &[("lib/go.mod", "module example.com/lib\n\ngo 1.99\n")],
    },
    Case {
        name: "GOFLAGS names a flag no go command has",
        env: &[
            ("GOPROXY", "file://{FIX}"),
            ("GOSUMDB", "off"),
            ("GOFLAGS", "-modcacherw -nosuchflag=1"),
        ],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: Some("GOFLAGS_MALFORMED"),
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOFLAGS with flags of other commands only",
        env: &[
            ("GOPROXY", "file://{FIX}"),
            ("GOSUMDB", "off"),
            ("GOFLAGS", "-modcacherw -race -count=1 -ldflags=-w"),
        ],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: None,
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOPROXY=off with a go.mod at go 1.18: the go.mod fetch names the module",
        env: &[("GOPROXY", "off")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.18\n\nrequire example.com/hello v1.0.0\n"),
        root: Some("GOPROXY_OFF"),
        cached: &[],
        files: &[],
    },
    Case {
        name: "GOFLAGS is checked before GO111MODULE",
        env: &[("GO111MODULE", "bogus"), ("GOFLAGS", "foo")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: None,
        root: Some("GOFLAGS_MALFORMED"),
        cached: &[],
        files: &[],
    },
    Case {
        name: "go mod download ignores vendor/ (GOPROXY=off still fails)",
        env: &[("GOPROXY", "off"), ("GOFLAGS", "-modcacherw -mod=vendor")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.18\n\nrequire example.com/hello v1.0.0\n"),
        root: Some("GOPROXY_OFF"),
        cached: &[],
        files: &[(
            "vendor/modules.txt",
            "# example.com/hello v1.0.0\n## explicit\nexample.com/hello\n",
        )],
    },
    Case {
        name: "toolchain line naming a language version",
        env: &[("GOPROXY", "off"), ("GOTOOLCHAIN", "auto")],
        goenv: "",
        new_go_only: false,
        old_go_only: false,
        gomod: Some("module example.com/app\n\ngo 1.21\n\ntoolchain go1.99\n"),
        root: None,
        cached: &[],
        files: &[],
    },
];

#[derive(serde::Deserialize)]
struct Report {
    outcome: Outcome,
    findings: Vec<Finding>,
    root_cause: Option<RootCause>,
}
#[derive(serde::Deserialize)]
struct RootCause {
    code: String,
}
#[derive(serde::Deserialize)]
struct Finding {
    #[serde(default)]
    evidence: Vec<String>,
}
#[derive(serde::Deserialize)]
struct Outcome {
    predicted: String,
    modules: Vec<ModuleOutcome>,
    toolchain: Option<ModuleOutcome>,
}
#[derive(serde::Deserialize)]
struct ModuleOutcome {
    predicted: String,
    error: Option<String>,
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

#[test]
fn offline_prediction_agrees_with_go() {
    let fix = fixture("goproxy");
    let mut failures = Vec::new();
    let mut ran = 0;
    for (label, go) in go::toolchains("offline_prediction") {
        let go_new = label != "go1.19";
        for case in CASES {
            if (case.new_go_only && !go_new) || (case.old_go_only && go_new) {
                continue;
            }
            // The stand-in toolchain in fixtures/ is for linux/amd64.
            if case.name.contains("toolchain switch")
                && !(cfg!(target_os = "linux") && cfg!(target_arch = "x86_64"))
            {
                continue;
            }
            let tmp = tempfile::tempdir().unwrap();
            let home = tmp.path().join("home");
            let app = tmp.path().join("app");
            let bin = tmp.path().join("bin");
            for d in [&home, &app, &bin, &home.join(".config/go")] {
                std::fs::create_dir_all(d).unwrap();
            }
            match case.gomod {
                Some(text) => std::fs::write(app.join("go.mod"), text).unwrap(),
                None => {
                    std::fs::copy(fixture("app/go.mod"), app.join("go.mod")).unwrap();
                }
            }
            std::os::unix::fs::symlink(&go, bin.join("go")).unwrap();
            for (rel, text) in case.files {
                let path = app.join(rel);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
            }
            for (module, version, text) in case.cached {
                let dir = tmp
                    .path()
                    .join("gopath/pkg/mod/cache/download")
                    .join(module)
                    .join("@v");
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join(format!("{version}.mod")), text).unwrap();
            }
            let expand = |v: &str| v.replace("{FIX}", &fix.display().to_string());
            std::fs::write(home.join(".config/go/env"), expand(case.goenv)).unwrap();

            let setup = |cli: Cli| {
                cli.cwd(&app)
                    .home(&home)
                    .path(format!("{}:/usr/bin:/bin", bin.display()))
                    .env("GOPATH", tmp.path().join("gopath"))
                    .env("GOFLAGS", "-modcacherw")
                    .env("HTTPS_PROXY", "http://127.0.0.1:9")
                    .env("HTTP_PROXY", "http://127.0.0.1:9")
                    .envs(case.env.iter().map(|(k, v)| (k, expand(v))))
            };
            let mut gocmd = setup(Cli::new(bin.join("go")));
            // Never let go switch toolchains, unless the case is about exactly that (then GOPROXY
            // keeps it local: off or file://).
            if !case.env.iter().any(|(k, _)| *k == "GOTOOLCHAIN") {
                gocmd = gocmd.env("GOTOOLCHAIN", "local");
            }
            let go_out = run(gocmd.args(["mod", "download"]), Duration::from_secs(60));
            let go_ok = go_out.success();
            // godoctor shows no user name either (docs/json-contract.md): go's `alice:xxxxx@`
            // is its `xxxxx@`.
            let go_err = String::from_utf8_lossy(&go_out.stderr)
                .trim_end()
                .replace("alice:xxxxx@", "xxxxx@");

            let gd = setup(Cli::godoctor()).args(["check", "--offline", "--json"]);
            let gd_out = run(gd, Duration::from_secs(30));
            let report: Report = serde_json::from_slice(&gd_out.stdout).unwrap_or_else(|e| {
                panic!(
                    "{label} {}: godoctor printed no JSON ({e}): {}",
                    case.name,
                    String::from_utf8_lossy(&gd_out.stderr)
                )
            });
            ran += 1;

            let want = if go_ok { "ok" } else { "fail" };
            if report.outcome.predicted != want {
                failures.push(format!(
                    "{label} / {}: go {want} ({go_err}), godoctor predicted {}",
                    case.name, report.outcome.predicted
                ));
                continue;
            }
            if let Some(code) = case.root
                && go_new
            {
                let got = report.root_cause.as_ref().map(|r| r.code.as_str());
                if got != Some(code) {
                    failures.push(format!(
                        "{label} / {}: root cause {got:?}, expected {code} ({go_err})",
                        case.name
                    ));
                }
            }
            if !go_ok {
                // go's words: in the module outcomes, the toolchain outcome, or (when no module
                // is planned) the evidence of the finding that stops go.
                let errors: Vec<&str> = report
                    .outcome
                    .modules
                    .iter()
                    .chain(report.outcome.toolchain.iter())
                    .filter(|m| m.predicted == "fail")
                    .filter_map(|m| m.error.as_deref())
                    .chain(
                        report
                            .findings
                            .iter()
                            .flat_map(|f| f.evidence.iter().map(String::as_str)),
                    )
                    .collect();
                // go may print progress first (`go: downloading go1.99.0 (linux/amd64)`).
                if !errors
                    .iter()
                    .any(|e| go_err == *e || go_err.ends_with(&format!("\n{e}")))
                {
                    failures.push(format!(
                        "{label} / {}: go said {go_err:?}, godoctor predicted {errors:?}",
                        case.name
                    ));
                }
            }
            // Exit status follows the verdict.
            let code = gd_out.code();
            if (go_ok && code != Some(0)) || (!go_ok && code != Some(1)) {
                failures.push(format!(
                    "{label} / {}: godoctor exit status {code:?} for go {want}",
                    case.name
                ));
            }
        }
    }
    eprintln!("offline_prediction: {ran} case runs");
    assert!(
        failures.is_empty(),
        "{} disagreement(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
