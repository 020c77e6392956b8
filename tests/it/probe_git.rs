//! Direct routes probed as deep as go goes, against the fault lab: go-get discovery judged as
//! go judges it, then git's first request (`info/refs`, as git sends it, without credentials)
//! or the ssh greeting, after the user's `insteadOf` — each asserted on the JSON `targets`.
//! go-get pages live on :443, so godoctor reaches them through the lab's CONNECT proxy, which
//! routes `name:443` to the lab server; nothing leaves 127.0.0.0/8.

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::lab::{Behavior, CertKind, GitHostSpec, GitServe, Lab, ProxyAuth};
use crate::support::cli::Cli;
use crate::support::tier;

struct Run {
    json: Value,
    elapsed: Duration,
}

/// `godoctor check --json` for `modules` (GOPROXY=direct, no checksum database), HOME at
/// `home`, PATH `path`.
fn check(lab: &Lab, home: &Path, path: &Path, env: &[(&str, String)], modules: &[&str]) -> Run {
    let mut cli = Cli::godoctor()
        .cwd(home)
        .home(home)
        .path(path)
        .env("SSL_CERT_FILE", lab.ca_pem_path())
        .env("GOPROXY", "direct")
        .env("GOSUMDB", "off")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args([
            "check",
            "--json",
            "--timeout",
            "4s",
            "--resolver",
            &lab.dns_addr().to_string(),
        ]);
    for m in modules {
        cli = cli.args(["--module", &format!("{m}@v1.0.0")]);
    }
    let out = cli.envs(env.iter().map(|(k, v)| (k, v))).run();
    let json = out.json();
    crate::support::schema::assert_valid(&json, "check --json (direct routes)");
    Run {
        json,
        elapsed: out.elapsed,
    }
}

/// The `vcs` target standing for git's first exchange with `module`'s repository.
fn repo_target<'a>(r: &'a Run, module: &str) -> &'a Value {
    r.json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| {
            t["role"] == "vcs"
                && t["context"]["module"] == module
                && t["context"]["step"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("git") || s == "ssh banner")
        })
        .unwrap_or_else(|| panic!("no git target for {module}: {:#}", r.json["targets"]))
}

fn discovery_target<'a>(r: &'a Run, module: &str) -> &'a Value {
    r.json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["context"]["module"] == module && t["context"]["step"] == "go-get discovery")
        .unwrap_or_else(|| panic!("no discovery for {module}: {:#}", r.json["targets"]))
}

fn layer<'a>(t: &'a Value, name: &str) -> &'a Value {
    t["layers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["layer"] == name)
        .unwrap_or_else(|| panic!("no {name} layer: {t:#}"))
}

fn proxy_env(proxy: SocketAddr) -> (&'static str, String) {
    ("HTTPS_PROXY", format!("http://{proxy}"))
}

/// A git host named `name` on :443 (routed through the proxy) answering go-get for `path`
/// with `tags`, and `info/refs` as `refs` says.
fn git_host(lab: &Lab, name: &str, path: &str, tags: &[String], refs: GitServe) -> SocketAddr {
    let addr = lab.https(
        name,
        CertKind::Lab,
        Behavior::GitHost(GitHostSpec {
            go_get: vec![(path.into(), tags.to_vec())],
            refs,
        }),
    );
    lab.route(name, 443, addr);
    addr
}

#[test]
fn git_s_first_request_is_judged_as_git_judges_it() {
    let lab = Lab::new();
    let proxy = lab.connect_proxy(ProxyAuth::None);
    let home = tempfile::tempdir().unwrap();
    let cases = [
        ("a", GitServe::Advertise, "ok", "", 200),
        (
            "b",
            GitServe::Unauthorized,
            "fail",
            "git_auth_required",
            401,
        ),
        ("c", GitServe::Forbidden, "fail", "git_forbidden", 403),
        ("d", GitServe::NotFound, "fail", "git_repo_not_found", 404),
        ("e", GitServe::LoginPage, "fail", "git_login_page", 200),
        ("f", GitServe::Unavailable, "fail", "git_server_error", 503),
    ];
    let mut modules = Vec::new();
    for (h, serve, ..) in &cases {
        let host = format!("{h}.git.lab.test");
        let module = format!("{host}/team/m");
        git_host(
            &lab,
            &host,
            "/team/m",
            &[format!("{module} git https://{host}/team/m.git")],
            *serve,
        );
        modules.push(module);
    }
    let names: Vec<&str> = modules.iter().map(String::as_str).collect();
    let r = check(&lab, home.path(), home.path(), &[proxy_env(proxy)], &names);
    for ((h, serve, status, kind, code), module) in cases.iter().zip(&modules) {
        let d = discovery_target(&r, module);
        assert_eq!(
            layer(d, "http")["detail"]["discovery"]["chosen"]["repo"],
            format!("https://{h}.git.lab.test/team/m.git"),
            "{d:#}"
        );
        let t = repo_target(&r, module);
        assert_eq!(t["context"]["step"], "git smart http", "{t:#}");
        assert_eq!(
            t["url"],
            format!("https://{h}.git.lab.test/team/m.git/info/refs?service=git-upload-pack")
        );
        assert_eq!(
            t["context"]["repo_url"],
            format!("https://{h}.git.lab.test/team/m.git")
        );
        assert_eq!(t["via_proxy"], format!("http://{proxy}"));
        let http = layer(t, "http");
        assert_eq!(http["status"], *status, "{serve:?}: {t:#}");
        assert_eq!(
            http["error"]["kind"].as_str().unwrap_or(""),
            *kind,
            "{serve:?}"
        );
        assert_eq!(http["detail"]["status"], *code);
        let git = &http["detail"]["git"];
        assert_eq!(git["credentials"]["terminal_prompt"], false);
        assert_eq!(git["credentials"]["sources"], serde_json::json!([]));
        match serve {
            GitServe::Advertise => {
                assert_eq!(git["protocol"], "smart-v2");
                assert_eq!(git["first_line"], "# service=git-upload-pack");
            }
            GitServe::Unauthorized => {
                assert_eq!(git["auth_schemes"], serde_json::json!(["Basic"]));
                assert_eq!(
                    http["error"]["message"],
                    format!(
                        "remote: Unauthorized\nfatal: could not read Username for 'https://{h}.git.lab.test': terminal prompts disabled"
                    )
                );
            }
            GitServe::LoginPage => assert_eq!(git["content_type"], "text/html"),
            _ => {}
        }
    }
    // git's request: its User-Agent, protocol v2, no credentials.
    let log = lab.log();
    let gits: Vec<&String> = log.iter().filter(|l| l.contains(" git ua=")).collect();
    assert_eq!(gits.len(), cases.len(), "{log:?}");
    assert!(
        gits.iter()
            .all(|l| l.contains("ua=git/") && l.ends_with("protocol=version=2 auth=no")),
        "{gits:?}"
    );
}

#[test]
fn a_401_with_credentials_git_would_find_is_not_a_failure_and_they_are_never_sent() {
    let lab = Lab::new();
    let proxy = lab.connect_proxy(ProxyAuth::None);
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join(".netrc"),
        "machine private.lab.test login bob password s3cr3t\n",
    )
    .unwrap();
    let module = "private.lab.test/team/m";
    git_host(
        &lab,
        "private.lab.test",
        "/team/m",
        &[format!("{module} git https://private.lab.test/team/m.git")],
        GitServe::Unauthorized,
    );
    let r = check(
        &lab,
        home.path(),
        home.path(),
        &[proxy_env(proxy)],
        &[module],
    );
    let t = repo_target(&r, module);
    let http = layer(t, "http");
    assert_eq!(http["status"], "ok", "{t:#}");
    assert_eq!(http["detail"]["status"], 401);
    let sources = &http["detail"]["git"]["credentials"]["sources"];
    assert_eq!(sources[0]["kind"], "netrc", "{t:#}");
    assert!(!r.json.to_string().contains("s3cr3t"));
    // go's own discovery request carries the netrc login; git's first request does not.
    let log = lab.log();
    let gits: Vec<&String> = log.iter().filter(|l| l.contains(" git ua=")).collect();
    assert!(
        !gits.is_empty() && gits.iter().all(|l| l.ends_with("auth=no")),
        "{log:?}"
    );
}

#[test]
fn discovery_failures_in_go_s_words_and_git_never_run() {
    let lab = Lab::new();
    let proxy = lab.connect_proxy(ProxyAuth::None);
    let home = tempfile::tempdir().unwrap();
    // Two tags match the module.
    git_host(
        &lab,
        "multi.lab.test",
        "/m",
        &[
            "multi.lab.test git https://multi.lab.test/all.git".into(),
            "multi.lab.test/m git https://multi.lab.test/m.git".into(),
        ],
        GitServe::Advertise,
    );
    // No tag for the module.
    git_host(
        &lab,
        "other.lab.test",
        "/m",
        &["other.lab.test/x git https://other.lab.test/x.git".into()],
        GitServe::Advertise,
    );
    // A `mod` entry: go fetches with the GOPROXY protocol, not git.
    git_host(
        &lab,
        "mod.lab.test",
        "/m",
        &[
            "mod.lab.test/m mod https://proxy.mod.lab.test".into(),
            "mod.lab.test/m git https://mod.lab.test/m.git".into(),
        ],
        GitServe::Advertise,
    );
    // A tag for a shorter prefix whose own page (none here: 404) does not confirm it.
    git_host(
        &lab,
        "prefix.lab.test",
        "/m/sub",
        &["prefix.lab.test/m git https://prefix.lab.test/m.git".into()],
        GitServe::Advertise,
    );
    let r = check(
        &lab,
        home.path(),
        home.path(),
        &[proxy_env(proxy)],
        &[
            "multi.lab.test/m",
            "other.lab.test/m",
            "mod.lab.test/m",
            "prefix.lab.test/m/sub",
        ],
    );
    let failed = |module: &str| {
        let http = layer(discovery_target(&r, module), "http");
        (
            http["error"]["kind"].as_str().unwrap_or("").to_owned(),
            http["error"]["message"].as_str().unwrap_or("").to_owned(),
        )
    };
    assert_eq!(
        failed("multi.lab.test/m"),
        (
            "multiple_go_imports".into(),
            "unrecognized import path \"multi.lab.test/m\": parse //multi.lab.test/m?go-get=1: multiple meta tags match import path \"multi.lab.test/m\"".into()
        )
    );
    assert_eq!(
        failed("other.lab.test/m"),
        (
            "no_go_import".into(),
            "unrecognized import path \"other.lab.test/m\": parse https://other.lab.test/m?go-get=1: no go-import meta tags (meta tag other.lab.test/x did not match import path other.lab.test/m)".into()
        )
    );
    let (kind, msg) = failed("prefix.lab.test/m/sub");
    assert_eq!(kind, "go_import_disagree");
    assert_eq!(
        msg,
        "unrecognized import path \"prefix.lab.test/m/sub\": reading https://prefix.lab.test/m?go-get=1: 404 Not Found\n\tserver response: not found"
    );
    let prefix_page = &layer(discovery_target(&r, "prefix.lab.test/m/sub"), "http")["detail"]["discovery"]
        ["prefix_page"];
    assert_eq!(prefix_page["status"], 404);
    assert_eq!(prefix_page["agrees"], false);
    // The mod entry wins; discovery passes, and git is not what go runs.
    let m = layer(discovery_target(&r, "mod.lab.test/m"), "http");
    assert_eq!(m["status"], "ok", "{m:#}");
    assert_eq!(m["detail"]["discovery"]["chosen"]["vcs"], "mod");
    for module in [
        "multi.lab.test/m",
        "other.lab.test/m",
        "mod.lab.test/m",
        "prefix.lab.test/m/sub",
    ] {
        let t = repo_target(&r, module);
        assert_eq!(t["context"]["step"], "git not run", "{t:#}");
        let l = &t["layers"][0];
        assert_eq!(l["status"], "skipped");
        let why = l["detail"]["reason"].as_str().unwrap();
        if module == "mod.lab.test/m" {
            assert!(why.contains("GOPROXY protocol"), "{why}");
        } else {
            assert!(why.starts_with("go-get discovery failed"), "{why}");
        }
    }
    // git was never asked.
    assert!(
        !lab.log().iter().any(|l| l.contains(" git ua=")),
        "{:?}",
        lab.log()
    );
}

#[test]
fn ssh_repositories_are_greeted_and_silence_keeps_the_deadline() {
    let lab = Lab::new();
    let proxy = lab.connect_proxy(ProxyAuth::None);
    let home = tempfile::tempdir().unwrap();
    let ssh = lab.http(
        "ssh.lab.test",
        Behavior::Greet(b"Authorised use only\r\nSSH-2.0-OpenSSH_9.6 lab\r\n".to_vec()),
    );
    let silent = lab.http("silent.lab.test", Behavior::AcceptNoAnswer);
    git_host(
        &lab,
        "sshrepo.lab.test",
        "/m",
        &[format!(
            "sshrepo.lab.test/m git ssh://git@ssh.lab.test:{}/m.git",
            ssh.port()
        )],
        GitServe::Advertise,
    );
    git_host(
        &lab,
        "quiet.lab.test",
        "/m",
        &[format!(
            "quiet.lab.test/m git ssh://git@silent.lab.test:{}/m.git",
            silent.port()
        )],
        GitServe::Advertise,
    );
    let r = check(
        &lab,
        home.path(),
        home.path(),
        &[proxy_env(proxy)],
        &["sshrepo.lab.test/m", "quiet.lab.test/m"],
    );
    let t = repo_target(&r, "sshrepo.lab.test/m");
    assert_eq!(t["context"]["step"], "ssh banner");
    assert_eq!(t["context"]["transport"], "ssh");
    let tcp = layer(t, "tcp");
    assert_eq!(tcp["status"], "ok", "{t:#}");
    assert_eq!(tcp["detail"]["ssh"]["banner"], "SSH-2.0-OpenSSH_9.6 lab");
    assert_eq!(tcp["detail"]["ssh"]["preamble_lines"], 1);
    let q = repo_target(&r, "quiet.lab.test/m");
    let tcp = layer(q, "tcp");
    assert_eq!(tcp["status"], "timeout", "{q:#}");
    assert_eq!(tcp["error"]["kind"], "ssh_banner_timeout");
    assert!(
        r.elapsed < Duration::from_millis(5500),
        "took {:?}",
        r.elapsed
    );
}

#[test]
fn insteadof_rewrites_lead_git_elsewhere() {
    let Some(git) = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"]
        .into_iter()
        .map(Path::new)
        .find(|p| p.exists())
    else {
        tier::notice(
            "SKIPPED probe_git::insteadof_rewrites_lead_git_elsewhere: no git to read the git configuration with",
        );
        return;
    };
    let lab = Lab::new();
    let home = tempfile::tempdir().unwrap();
    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(git, bin.join("git")).unwrap();
    let https = lab.https(
        "git.lab.test",
        CertKind::Lab,
        Behavior::GitHost(GitHostSpec {
            go_get: Vec::new(),
            refs: GitServe::Unauthorized,
        }),
    );
    let ssh = lab.http("ssh.lab.test", Behavior::Greet(b"SSH-2.0-lab\r\n".to_vec()));
    std::fs::write(
        home.path().join(".gitconfig"),
        format!(
            "[url \"https://git.lab.test:{}/\"]\n\tinsteadOf = https://github.com/acme/\n[url \"ssh://git@ssh.lab.test:{}/\"]\n\tinsteadOf = https://github.com/corp/\n[credential \"https://git.lab.test:{}\"]\n\thelper = store\n",
            https.port(),
            ssh.port(),
            https.port()
        ),
    )
    .unwrap();
    let r = check(
        &lab,
        home.path(),
        &bin,
        &[],
        &["github.com/acme/tool", "github.com/corp/lib"],
    );
    let t = repo_target(&r, "github.com/acme/tool");
    assert_eq!(
        t["url"],
        format!(
            "https://git.lab.test:{}/tool/info/refs?service=git-upload-pack",
            https.port()
        )
    );
    assert_eq!(t["context"]["repo_url"], "https://github.com/acme/tool");
    assert!(
        t["context"]["insteadof_origin"]
            .as_str()
            .is_some_and(|o| o.ends_with(".gitconfig")),
        "{t:#}"
    );
    let http = layer(t, "http");
    assert_eq!(http["status"], "ok", "{t:#}");
    assert_eq!(http["detail"]["status"], 401);
    let source = &http["detail"]["git"]["credentials"]["sources"][0];
    assert_eq!(source["kind"], "credential-helper");
    assert_eq!(source["helper"], "store");
    let s = repo_target(&r, "github.com/corp/lib");
    assert_eq!(
        s["context"]["git_url"],
        format!("ssh://git@ssh.lab.test:{}/lib", ssh.port())
    );
    assert_eq!(
        layer(s, "tcp")["detail"]["ssh"]["banner"],
        "SSH-2.0-lab",
        "{s:#}"
    );
}
