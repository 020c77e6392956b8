//! Projects rather than whole-host faults (issue 12): every module go fetches judged on its own
//! route, go.sum held against what the route serves, `go mod tidy` and its queries for imports
//! go.mod does not cover, and direct routes as deep as git's first request — each against the
//! hermetic lab (loopback DNS, HTTPS servers with the lab CA, a CONNECT proxy that routes
//! `name:443` to lab servers). The same situations run with real go in the e2e tier.

use std::net::SocketAddr;
use std::path::Path;

use serde_json::Value;

use crate::lab::{
    Behavior, CertKind, DnsAnswer, GitHostSpec, GitServe, GoproxySpec, Lab, ProxyAuth, SumdbMode,
};
use crate::support::cli::Cli;

pub(crate) fn served(modules: &[&str], sumdb: SumdbMode) -> GoproxySpec {
    GoproxySpec {
        modules: modules
            .iter()
            .map(|m| ((*m).to_owned(), vec!["v1.0.0".to_owned()]))
            .collect(),
        sumdb,
        date_skew_secs: 0,
    }
}

pub(crate) fn url(name: &str, addr: SocketAddr) -> String {
    format!("https://{name}:{}", addr.port())
}

/// A project: go.mod requiring `requires` at v1.0.0, plus `files`.
fn project(requires: &[&str], files: &[(&str, &str)]) -> tempfile::TempDir {
    project_at("1.21", requires, files)
}

/// [`project`] with this go line.
pub(crate) fn project_at(go: &str, requires: &[&str], files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut gomod = format!("module example.com/app\n\ngo {go}\n\nrequire (\n");
    for r in requires {
        gomod.push_str(&format!("\t{r} v1.0.0\n"));
    }
    gomod.push_str(")\n");
    std::fs::write(dir.path().join("go.mod"), gomod).unwrap();
    for (name, body) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }
    dir
}

/// `godoctor check --json` in `dir` with `env` (and the lab's resolver and CA).
pub(crate) fn check(lab: &Lab, dir: &Path, env: &[(&str, String)], extra: &[&str]) -> Value {
    let home = tempfile::tempdir().unwrap();
    let out = Cli::godoctor()
        .cwd(dir)
        .home(home.path())
        .path(home.path())
        .env("SSL_CERT_FILE", lab.ca_pem_path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args([
            "check",
            "--json",
            "--timeout",
            "5s",
            "--resolver",
            &lab.dns_addr().to_string(),
        ])
        .args(extra.iter().copied())
        .envs(env.iter().map(|(k, v)| (k, v)))
        .run();
    let json = out.json();
    crate::support::schema::assert_valid(&json, "check --json (projects)");
    json
}

pub(crate) fn module<'a>(json: &'a Value, label: &str) -> &'a Value {
    json["outcome"]["modules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["module"].as_str().is_some_and(|s| s.starts_with(label)))
        .unwrap_or_else(|| panic!("no outcome for {label}: {:#}", json["outcome"]))
}

pub(crate) fn root(json: &Value) -> (String, String) {
    (
        json["root_cause"]["code"].as_str().unwrap_or("").to_owned(),
        json["root_cause"]["host"].as_str().unwrap_or("").to_owned(),
    )
}

const A: &str = "example.com/a";
const B: &str = "example.com/b";
const C: &str = "example.com/c";

#[test]
fn one_module_missing_on_the_only_entry_fails_that_module_and_names_the_proxy() {
    let lab = Lab::new();
    let p = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&[A, B], SumdbMode::NotServed)),
    );
    let dir = project(&[A, B, C], &[]);
    let json = check(
        &lab,
        dir.path(),
        &[
            ("GOPROXY", url("proxy.lab.test", p)),
            ("GONOSUMDB", "example.com".into()),
        ],
        &[],
    );
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    assert_eq!(module(&json, A)["predicted"], "ok");
    assert_eq!(module(&json, B)["predicted"], "ok");
    let c = module(&json, C);
    assert_eq!(c["predicted"], "fail");
    let err = c["error"].as_str().unwrap();
    assert!(
        err.contains("example.com/c/@v/v1.0.0.") && err.contains("404 Not Found"),
        "{err}"
    );
    assert_eq!(
        root(&json),
        ("MODULE_NOT_FOUND".into(), "proxy.lab.test".into())
    );
}

#[test]
fn a_module_missing_on_the_first_pipe_entry_comes_from_the_next() {
    let lab = Lab::new();
    let first = lab.https(
        "first.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&[A], SumdbMode::NotServed)),
    );
    let second = lab.https(
        "second.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&[A, B], SumdbMode::NotServed)),
    );
    let dir = project(&[A, B], &[]);
    let goproxy = format!(
        "{}|{}",
        url("first.lab.test", first),
        url("second.lab.test", second)
    );
    let json = check(
        &lab,
        dir.path(),
        &[
            ("GOPROXY", goproxy.clone()),
            ("GONOSUMDB", "example.com".into()),
        ],
        &[],
    );
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json["outcome"]);
    assert_eq!(module(&json, A)["via"], url("first.lab.test", first));
    assert_eq!(module(&json, B)["via"], url("second.lab.test", second));
    // With `,` the 404 also moves on: the same answer.
    let comma = goproxy.replace('|', ",");
    let json = check(
        &lab,
        dir.path(),
        &[("GOPROXY", comma), ("GONOSUMDB", "example.com".into())],
        &[],
    );
    assert_eq!(module(&json, B)["via"], url("second.lab.test", second));
}

#[test]
fn two_modules_on_one_host_are_judged_apart() {
    let lab = Lab::new();
    let p = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&["github.com/x/served"], SumdbMode::NotServed)),
    );
    let dir = project(&["github.com/x/missing", "github.com/x/served"], &[]);
    let json = check(
        &lab,
        dir.path(),
        &[
            ("GOPROXY", url("proxy.lab.test", p)),
            ("GONOSUMDB", "github.com".into()),
        ],
        &[],
    );
    assert_eq!(
        module(&json, "github.com/x/served")["predicted"],
        "ok",
        "{:#}",
        json["outcome"]
    );
    assert_eq!(module(&json, "github.com/x/missing")["predicted"], "fail");
    assert_eq!(root(&json).1, "proxy.lab.test");
}

fn gomod_hash(path: &str) -> String {
    godoctor::dirhash::hash_go_mod(crate::lab::goproxy::go_mod(path).as_bytes())
}

fn zip_hash() -> String {
    godoctor::dirhash::hash_zip(
        std::io::Cursor::new(crate::lab::goproxy::ZIP_BYTES.to_vec()),
        godoctor::dirhash::ZipLimits::default(),
    )
    .unwrap()
}

#[test]
fn a_go_sum_line_the_proxy_disagrees_with_stops_go() {
    let lab = Lab::new();
    let p = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&[A], SumdbMode::NotServed)),
    );
    let wrong = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    let sum = format!("{A} v1.0.0 {}\n{A} v1.0.0/go.mod {wrong}\n", zip_hash());
    let dir = project(&[A], &[("go.sum", &sum)]);
    let json = check(
        &lab,
        dir.path(),
        &[
            ("GOPROXY", url("proxy.lab.test", p)),
            ("GONOSUMDB", "example.com".into()),
        ],
        &[],
    );
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    let err = module(&json, A)["error"].as_str().unwrap();
    assert!(
        err.starts_with(&format!("verifying {A}@v1.0.0/go.mod: checksum mismatch"))
            && err.contains(&format!("go.sum:     {wrong}"))
            && err.contains(&format!("downloaded: {}", gomod_hash(A)))
            && err.contains("SECURITY ERROR"),
        "{err}"
    );
    assert_eq!(root(&json).0, "GOSUM_MISMATCH");
    let a = module(&json, A);
    assert_eq!(a["gosum"], "mismatch");
    assert_eq!(a["gosum_mismatch"]["want"], wrong);
    assert_eq!(a["gosum_mismatch"]["got"], gomod_hash(A).as_str());
    assert_eq!(a["gosum_mismatch"]["file"], "go.sum");
    // No database (GONOSUMDB) and no other entry: nobody can say who is wrong.
    assert_eq!(a["gosum_mismatch"]["wrong"], "unknown");
    let text = json.to_string();
    assert!(!text.contains("GOSUMDB=off"), "never GOSUMDB=off: {text}");
}

/// go.sum records `go_mod_sum` for A's go.mod; GOPROXY lists `proxies` (the first serves A).
fn triage(proxies: &[(&str, GoproxySpec)], go_mod_sum: &str) -> Value {
    sums_checked(proxies, go_mod_sum, &zip_hash(), &[])
}

/// [`triage`] with this zip hash in go.sum and these extra arguments.
fn sums_checked(
    proxies: &[(&str, GoproxySpec)],
    go_mod_sum: &str,
    zip_sum: &str,
    extra: &[&str],
) -> Value {
    let lab = Lab::new();
    let list: Vec<String> = proxies
        .iter()
        .map(|(name, spec)| {
            url(
                name,
                lab.https(name, CertKind::Lab, Behavior::Goproxy(spec.clone())),
            )
        })
        .collect();
    let sum = format!("{A} v1.0.0 {zip_sum}\n{A} v1.0.0/go.mod {go_mod_sum}\n");
    let dir = project(&[A], &[("go.sum", &sum)]);
    check(
        &lab,
        dir.path(),
        &[
            ("GOPROXY", list.join(",")),
            ("GOSUMDB", lab.sumdb_key().to_owned()),
        ],
        extra,
    )
}

#[test]
fn a_stale_go_sum_line_is_blamed_when_the_checksum_database_agrees_with_the_proxy() {
    let wrong = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    let json = triage(
        &[("proxy.lab.test", served(&[A], SumdbMode::Served))],
        wrong,
    );
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    assert_eq!(module(&json, A)["gosum_mismatch"]["wrong"], "go.sum");
    assert_eq!(root(&json).0, "GOSUM_MISMATCH");
    assert_eq!(json["root_cause"]["layer"], "config");
    let fixes = json["findings"].to_string();
    assert!(
        !fixes.contains("GOSUMDB=off") && !fixes.contains("GONOSUMDB"),
        "{fixes}"
    );
    assert!(fixes.contains("sed -i.bak"), "{fixes}");
}

#[test]
fn a_proxy_serving_an_altered_go_mod_is_blamed_and_go_sum_is_kept() {
    let altered = format!("{A}{}", crate::lab::goproxy::ALTERED);
    let json = triage(
        &[
            ("bad.lab.test", served(&[&altered], SumdbMode::NotServed)),
            ("proxy.lab.test", served(&[A], SumdbMode::Served)),
        ],
        &gomod_hash(A),
    );
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    let a = module(&json, A);
    assert_eq!(a["gosum_mismatch"]["wrong"], "proxy", "{a:#}");
    assert_eq!(a["gosum_mismatch"]["want"], gomod_hash(A).as_str());
    assert_eq!(
        root(&json),
        ("PROXY_CONTENT_MISMATCH".into(), "bad.lab.test".into())
    );
    assert_eq!(json["root_cause"]["layer"], "http");
    let text = json.to_string();
    // go.sum is right: no fix removes its lines; the fix drops the bad entry.
    assert!(!text.contains("sed -i"), "{text}");
    assert!(text.contains("GOPROXY=https://proxy.lab.test:"), "{text}");
}

#[test]
fn a_complete_go_sum_that_agrees_is_reported_per_module() {
    let json = triage(
        &[("proxy.lab.test", served(&[A], SumdbMode::Served))],
        &gomod_hash(A),
    );
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json["outcome"]);
    let a = module(&json, A);
    assert_eq!(a["version"], "v1.0.0");
    assert_eq!(a["source"], "require");
    // The go.mod agrees; the zip's hash is not compared without --verify-zips.
    assert_eq!(a["gosum"], "not-checked", "{a:#}");
    assert!(a.get("gosum_mismatch").is_none());
}

#[test]
fn a_complete_go_sum_needs_no_checksum_database() {
    let lab = Lab::new();
    let p = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&[A], SumdbMode::NotServed)),
    );
    lab.dns("deadsum.lab.test", DnsAnswer::NxDomain);
    let sum = format!(
        "{A} v1.0.0 {}\n{A} v1.0.0/go.mod {}\n",
        zip_hash(),
        gomod_hash(A)
    );
    let dir = project(&[A], &[("go.sum", &sum)]);
    let env = [
        ("GOPROXY", url("proxy.lab.test", p)),
        (
            "GOSUMDB",
            format!("{} https://deadsum.lab.test", lab.sumdb_key()),
        ),
    ];
    let json = check(&lab, dir.path(), &env, &[]);
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json);
    // Without the go.sum lines go asks the dead database, and fails.
    let dir = project(&[A], &[]);
    let json = check(&lab, dir.path(), &env, &[]);
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
}

#[test]
fn tidy_is_predicted_for_a_module_with_go_source_and_fetches_what_it_imports() {
    let lab = Lab::new();
    let p = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&[A, B], SumdbMode::NotServed)),
    );
    let main = format!("package main\n\nimport _ \"{A}\"\n\nfunc main() {{}}\n");
    let dir = project(&[A, B], &[("main.go", &main)]);
    let env = [
        ("GOPROXY", url("proxy.lab.test", p)),
        ("GONOSUMDB", "example.com".into()),
    ];
    let json = check(&lab, dir.path(), &env, &[]);
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json["outcome"]);
    assert_eq!(
        json["outcome"]["command"], "go mod tidy",
        "{:#}",
        json["outcome"]
    );
    // Named explicitly, download is what is predicted.
    let json = check(&lab, dir.path(), &env, &["--", "go", "mod", "download"]);
    assert_eq!(json["outcome"]["command"], "go mod download");
}

/// A git host on :443 (through the lab's CONNECT proxy) answering go-get for `path` and git's
/// first request as `refs` says.
fn git_host(lab: &Lab, name: &str, path: &str, refs: GitServe) {
    let rest = path.split_once('/').unwrap().1;
    let tag = format!("{path} git https://{name}/{rest}.git");
    let addr = lab.https(
        name,
        CertKind::Lab,
        Behavior::GitHost(GitHostSpec {
            go_get: vec![(format!("/{rest}"), vec![tag])],
            refs,
        }),
    );
    lab.route(name, 443, addr);
}

#[test]
fn tidy_with_an_import_the_mirror_lacks_and_direct_needing_credentials_fails() {
    let lab = Lab::new();
    let proxy = lab.connect_proxy(ProxyAuth::None);
    let mirror = lab.https(
        "mirror.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&[A], SumdbMode::NotServed)),
    );
    lab.route("mirror.lab.test", mirror.port(), mirror);
    git_host(
        &lab,
        "git.lab.test",
        "git.lab.test/team/x",
        GitServe::Unauthorized,
    );
    let main = format!(
        "package main\n\nimport (\n\t_ \"{A}\"\n\t_ \"git.lab.test/team/x\"\n)\n\nfunc main() {{}}\n"
    );
    let dir = project(&[A], &[("main.go", &main)]);
    let env = [
        (
            "GOPROXY",
            format!("{},direct", url("mirror.lab.test", mirror)),
        ),
        ("GONOSUMDB", "example.com,git.lab.test".into()),
        ("HTTPS_PROXY", format!("http://{proxy}")),
    ];
    let json = check(&lab, dir.path(), &env, &[]);
    assert_eq!(json["outcome"]["command"], "go mod tidy");
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    assert_eq!(module(&json, A)["predicted"], "ok");
    let x = &json["outcome"]["imports"][0];
    assert_eq!(x["package"], "git.lab.test/team/x", "{:#}", json["outcome"]);
    assert_eq!(x["predicted"], "fail");
    let err = x["error"].as_str().unwrap();
    // No go on PATH: the current release's rules, where a failed ls-remote is not wrapped as a
    // missing package (go ≥ 1.25; the e2e tier checks go1.19's wording too).
    assert!(
        err.contains("\tgit.lab.test/team/x: module git.lab.test/team/x: git ls-remote")
            && !err.contains("cannot find module providing package")
            && err.contains("terminal prompts disabled"),
        "{err}"
    );
    assert_eq!(root(&json).0, "VCS_AUTH_REQUIRED");
    // `go mod download` fetches only what go.mod requires: it succeeds.
    let json = check(&lab, dir.path(), &env, &["--", "go", "mod", "download"]);
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json["outcome"]);
}

#[test]
fn direct_git_answers_decide_a_direct_module() {
    let lab = Lab::new();
    let proxy = lab.connect_proxy(ProxyAuth::None);
    for (name, refs, predicted, code) in [
        ("ok.lab.test", GitServe::Advertise, "ok", ""),
        (
            "auth.lab.test",
            GitServe::Unauthorized,
            "fail",
            "VCS_AUTH_REQUIRED",
        ),
        (
            "gone.lab.test",
            GitServe::NotFound,
            "fail",
            "VCS_REPO_NOT_FOUND",
        ),
    ] {
        let path = format!("{name}/team/m");
        git_host(&lab, name, &path, refs);
        let dir = project(&[&path], &[]);
        let env = [
            ("GOPROXY", "direct".to_owned()),
            ("GONOSUMDB", name.to_owned()),
            ("HTTPS_PROXY", format!("http://{proxy}")),
        ];
        let json = check(&lab, dir.path(), &env, &["--", "go", "mod", "download"]);
        assert_eq!(
            json["outcome"]["predicted"], predicted,
            "{name}: {:#}",
            json["outcome"]
        );
        assert_eq!(root(&json).0, code, "{name}: {:#}", json["findings"]);
    }
}

#[test]
fn zip_hashes_are_compared_only_with_verify_zips() {
    let proxy = || [("proxy.lab.test", served(&[A], SumdbMode::Served))];
    let bad_zip = "h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=";
    // Without the flag the zip is only seen to be there: its hash is not compared.
    let json = sums_checked(&proxy(), &gomod_hash(A), bad_zip, &[]);
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json["outcome"]);
    assert_eq!(module(&json, A)["gosum"], "not-checked");
    let json = sums_checked(&proxy(), &gomod_hash(A), bad_zip, &["--verify-zips"]);
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    let a = module(&json, A);
    assert_eq!(a["gosum"], "mismatch");
    assert_eq!(a["gosum_mismatch"]["got"], zip_hash().as_str());
    let err = a["error"].as_str().unwrap();
    assert!(
        err.starts_with(&format!("verifying {A}@v1.0.0: checksum mismatch")),
        "{err}"
    );
    assert_eq!(root(&json).0, "GOSUM_MISMATCH");
    let json = sums_checked(&proxy(), &gomod_hash(A), &zip_hash(), &["--verify-zips"]);
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json["outcome"]);
    assert_eq!(module(&json, A)["gosum"], "match");
}

/// go looks up every module go.sum does not cover, each on its own: the database not knowing the
/// second module fails that module, though the first one's lookup (the one the checksum route's
/// probe makes) succeeds.
#[test]
fn each_module_is_looked_up_in_the_checksum_database_on_its_own() {
    let lab = Lab::new();
    let mirror = lab.https(
        "mirror.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&[A, B], SumdbMode::NotServed)),
    );
    // The relay of the database knows A only.
    let relay = lab.https(
        "relay.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&[A], SumdbMode::Served)),
    );
    let dir = project(&[A, B], &[]);
    let json = check(
        &lab,
        dir.path(),
        &[
            (
                "GOPROXY",
                format!(
                    "{},{}",
                    url("mirror.lab.test", mirror),
                    url("relay.lab.test", relay)
                ),
            ),
            ("GOSUMDB", lab.sumdb_key().to_owned()),
        ],
        &["--", "go", "mod", "download"],
    );
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    assert_eq!(module(&json, A)["predicted"], "ok");
    let b = module(&json, B);
    assert_eq!(b["predicted"], "fail", "{b:#}");
    let err = b["error"].as_str().unwrap();
    assert!(
        err.starts_with(&format!(
            "go: {B}@v1.0.0: verifying go.mod: {B}@v1.0.0/go.mod: reading https://relay.lab.test:"
        )) && err.contains("/sumdb/sum.golang.org/lookup/example.com/b@v1.0.0: 404 Not Found"),
        "{err}"
    );
}

/// GOVCS judged on the tool the `?go-get=1` page names (go's `checkGOVCS` after discovery):
/// svn is not allowed for public modules by default (`public:git|hg,private:all`).
#[test]
fn govcs_refuses_the_tool_discovery_names() {
    let lab = Lab::new();
    let proxy = lab.connect_proxy(ProxyAuth::None);
    let path = "svn.lab.test/team/m";
    let addr = lab.https(
        "svn.lab.test",
        CertKind::Lab,
        Behavior::GitHost(GitHostSpec {
            go_get: vec![(
                "/team/m".into(),
                vec![format!("{path} svn https://svn.lab.test/team/m")],
            )],
            refs: GitServe::Advertise,
        }),
    );
    lab.route("svn.lab.test", 443, addr);
    let dir = project(&[path], &[]);
    let env = |extra: Option<(&'static str, &str)>| {
        let mut env = vec![
            ("GOPROXY", "direct".to_owned()),
            ("GONOSUMDB", "svn.lab.test".to_owned()),
            ("HTTPS_PROXY", format!("http://{proxy}")),
        ];
        env.extend(extra.map(|(k, v)| (k, v.to_owned())));
        env
    };
    let json = check(
        &lab,
        dir.path(),
        &env(None),
        &["--", "go", "mod", "download"],
    );
    let m = module(&json, path);
    assert_eq!(m["predicted"], "fail", "{:#}", json["outcome"]);
    assert_eq!(
        m["error"],
        format!(
            "go: {path}@v1.0.0: GOVCS disallows using svn for public {path}; see 'go help vcs'"
        )
    );
    assert_eq!(root(&json).0, "GOVCS_DISALLOWED");
    // Private modules may use any tool.
    let json = check(
        &lab,
        dir.path(),
        &env(Some(("GOPRIVATE", "svn.lab.test"))),
        &["--", "go", "mod", "download"],
    );
    let err = module(&json, path)["error"].to_string();
    assert!(!err.contains("GOVCS"), "{err}");
}

/// A private module only a dependency's go.mod names, fetched direct: its git host is probed too
/// (the plan could not list it), and a 401 without credentials fails it as go fails
/// (`… requires git.lab.test/team/x@v1.0.0: … terminal prompts disabled`).
#[test]
fn a_private_module_found_in_the_graph_gets_its_direct_route_probed() {
    use crate::lab::goproxy::GRAPH_PRIVATE;
    let lab = Lab::new();
    let proxy = lab.connect_proxy(ProxyAuth::None);
    let mirror = lab.https(
        "mirror.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&["example.com/graphpriv"], SumdbMode::NotServed)),
    );
    lab.route("mirror.lab.test", mirror.port(), mirror);
    git_host(&lab, "git.lab.test", GRAPH_PRIVATE, GitServe::Unauthorized);
    let dir = project(&["example.com/graphpriv"], &[]);
    let json = check(
        &lab,
        dir.path(),
        &[
            ("GOPROXY", url("mirror.lab.test", mirror)),
            ("GOPRIVATE", "git.lab.test".into()),
            ("GONOSUMDB", "example.com".into()),
            ("HTTPS_PROXY", format!("http://{proxy}")),
        ],
        &["--", "go", "mod", "download"],
    );
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    let x = module(&json, GRAPH_PRIVATE);
    assert_eq!(x["predicted"], "fail", "{x:#}");
    assert_eq!(x["source"], "graph");
    assert_eq!(root(&json).0, "VCS_AUTH_REQUIRED");
}
