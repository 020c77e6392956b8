#![allow(clippy::print_stdout, clippy::print_stderr)] // a benchmark reports its figures
//! Every-module benchmarks (issue 12), on loopback with a generated module store (the lab's
//! GOPROXY, plain HTTP on 127.0.0.1 so that go needs no resolver or CA):
//!   1. N = 10, 100, 400 required modules, every module checked: godoctor's `check` wall time
//!      against `go mod download` from an empty module cache (target at 400: ≤ 0.5×), and
//!      godoctor's peak RSS (target ≤ 50 MB);
//!   2. the healthy mirror setup (a mirror that relays the checksum database, the database
//!      itself unreachable): wall time (target ≤ 100 ms).
//!
//! Run with `bench/modules.sh` (builds release binaries). Needs go (GODOCTOR_BENCH_GO, else
//! `go` on PATH) for the comparison and GNU time for RSS. Prints figures; exits non-zero when
//! a target is missed.

#[path = "../tests/it/lab/mod.rs"]
#[allow(unused_imports)]
mod lab;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use lab::{Behavior, CertKind, DnsAnswer, GoproxySpec, Lab, SumdbMode};
use serde_json::Value;

fn bin() -> String {
    std::env::var("GODOCTOR_BIN")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/godoctor").into())
}

fn go_bin() -> String {
    std::env::var("GODOCTOR_BENCH_GO").unwrap_or_else(|_| "go".into())
}

fn module_path(i: usize) -> String {
    format!("example.com/m{i:04}")
}

/// A project requiring `n` modules, in a fresh directory.
fn project(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut gomod = String::from("module example.com/bench\n\ngo 1.21\n\nrequire (\n");
    for i in 0..n {
        gomod.push_str(&format!("\t{} v1.0.0\n", module_path(i)));
    }
    gomod.push_str(")\n");
    std::fs::write(dir.path().join("go.mod"), gomod).unwrap();
    dir
}

/// `godoctor check --json` in `dir`; (document, wall, peak RSS in KiB).
fn godoctor(dir: &Path, env: &[(&str, String)], resolver: &str) -> (Value, Duration, Option<u64>) {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = Command::new("/usr/bin/time");
    cmd.args(["-f", "%M", &bin()])
        .env_clear()
        .current_dir(dir)
        .env("HOME", home.path())
        .env("PATH", home.path())
        .env("GOTOOLCHAIN", "local")
        .args([
            "check",
            "--json",
            "--timeout",
            "10s",
            "--resolver",
            resolver,
        ]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let out = cmd.output().expect("run godoctor under /usr/bin/time");
    let took = start.elapsed();
    let rss = String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok());
    (
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
        took,
        rss,
    )
}

/// `go mod download` in `dir` from an empty module cache; wall time, or why it failed.
fn go_download(dir: &Path, goproxy: &str) -> Result<Duration, String> {
    let cache = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let out = Command::new(go_bin())
        .current_dir(dir)
        .env("GOPATH", cache.path())
        .env("GOMODCACHE", cache.path().join("mod"))
        .env("GOCACHE", cache.path().join("build"))
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", goproxy)
        // The lab's store is not in any checksum database; this is the benchmark's own go.
        .env("GOSUMDB", "off")
        .args(["mod", "download"])
        .output()
        .map_err(|e| e.to_string())?;
    let took = start.elapsed();
    // The module cache is read-only; let the tempdir go.
    let _ = Command::new("chmod")
        .args(["-R", "u+w"])
        .arg(cache.path())
        .status();
    if out.status.success() {
        Ok(took)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn main() {
    let mut missed = Vec::new();
    let lab = Lab::new();
    let resolver = lab.dns_addr().to_string();

    println!("== every module checked (plain HTTP store on loopback)");
    println!(
        "{:>5} {:>12} {:>14} {:>7} {:>9}",
        "N", "godoctor ms", "go download ms", "ratio", "RSS MB"
    );
    // GODOCTOR_BENCH_PART=mirror (or =modules) runs one part only.
    let part = std::env::var("GODOCTOR_BENCH_PART").unwrap_or_default();
    let sizes: &[usize] = if part == "mirror" || part == "netrc" {
        &[]
    } else {
        &[10, 100, 400]
    };
    for &n in sizes {
        let spec = GoproxySpec {
            modules: (0..n)
                .map(|i| (module_path(i), vec!["v1.0.0".into()]))
                .collect(),
            sumdb: SumdbMode::NotServed,
            date_skew_secs: 0,
        };
        let addr = lab.http("127.0.0.1", Behavior::Goproxy(spec));
        let goproxy = format!("http://{addr}");
        let dir = project(n);
        let env = [("GOPROXY", goproxy.clone()), ("GOSUMDB", "off".to_owned())];
        // Warm the server and the page cache once.
        let _ = godoctor(dir.path(), &env, &resolver);
        let (json, took, rss) = godoctor(dir.path(), &env, &resolver);
        let checked = json["outcome"]["modules"].as_array().map_or(0, Vec::len);
        if json["outcome"]["predicted"] != "ok" || checked != n {
            missed.push(format!(
                "N={n}: predicted {} for {checked} modules",
                json["outcome"]["predicted"]
            ));
        }
        let go = go_download(dir.path(), &goproxy);
        let ratio = go
            .as_ref()
            .ok()
            .map(|g| took.as_secs_f64() / g.as_secs_f64());
        let rss_mb = rss.map(|k| k as f64 / 1024.0);
        println!(
            "{n:>5} {:>12.0} {:>14} {:>7} {:>9}",
            took.as_secs_f64() * 1000.0,
            go.as_ref()
                .map(|g| format!("{:.0}", g.as_secs_f64() * 1000.0))
                .unwrap_or_else(|_| "-".into()),
            ratio
                .map(|r| format!("{r:.2}"))
                .unwrap_or_else(|| "-".into()),
            rss_mb
                .map(|r| format!("{r:.1}"))
                .unwrap_or_else(|| "-".into()),
        );
        if let Err(e) = &go {
            eprintln!("go mod download failed (N={n}): {e}");
        }
        if n == 400 {
            if ratio.is_some_and(|r| r > 0.5) {
                missed.push(format!("N=400: ratio {:.2} > 0.5", ratio.unwrap()));
            }
            if rss_mb.is_some_and(|r| r > 50.0) {
                missed.push(format!("N=400: RSS {:.1} MB > 50", rss_mb.unwrap()));
            }
        }
    }

    if part == "modules" {
        return finish(missed);
    }
    if part.is_empty() || part == "netrc" {
        netrc_lookups(&mut missed);
    }
    if part == "netrc" {
        return finish(missed);
    }
    println!(
        "\n== the healthy mirror setup (mirror relays the checksum database; the database unreachable)"
    );
    let mirror = lab.https(
        "mirror.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(GoproxySpec {
            modules: vec![(module_path(0), vec!["v1.0.0".into()])],
            sumdb: SumdbMode::Served,
            date_skew_secs: 0,
        }),
    );
    let name = lab.sumdb_key().split('+').next().unwrap().to_owned();
    lab.dns(&name, DnsAnswer::Drop);
    let dir = project(1);
    let env = [
        (
            "GOPROXY",
            format!("https://mirror.lab.test:{},direct", mirror.port()),
        ),
        ("GOSUMDB", lab.sumdb_key().to_owned()),
        ("SSL_CERT_FILE", lab.ca_pem_path().display().to_string()),
    ];
    let _ = godoctor(dir.path(), &env, &resolver);
    let mut walls: Vec<f64> = (0..5)
        .map(|_| godoctor(dir.path(), &env, &resolver).1.as_secs_f64() * 1000.0)
        .collect();
    walls.sort_by(f64::total_cmp);
    let median = walls[walls.len() / 2];
    let (json, _, _) = godoctor(dir.path(), &env, &resolver);
    println!(
        "wall median of 5: {median:.0} ms (target ≤ 100 ms); predicted {}",
        json["outcome"]["predicted"]
    );
    if median > 100.0 {
        missed.push(format!("healthy mirror: {median:.0} ms > 100 ms"));
    }
    if json["outcome"]["predicted"] != "ok" {
        missed.push(format!(
            "healthy mirror: predicted {}",
            json["outcome"]["predicted"]
        ));
    }
    finish(missed);
}

/// 2,000 modules against a netrc of 20,000 machines (none of them a module's host), offline:
/// the per-module private-host hint and credential lookups are set lookups, not scans of the
/// file (target ≤ 500 ms; a scan was tens of millions of comparisons).
fn netrc_lookups(missed: &mut Vec<String>) {
    const MACHINES: usize = 20_000;
    println!("\n== 2,000 modules, a netrc of {MACHINES} machines, --offline");
    let dir = project(2000);
    let home = tempfile::tempdir().unwrap();
    let netrc = home.path().join(".netrc");
    let text: String = (0..MACHINES)
        .map(|i| format!("machine m{i:08}.example login u password p\n"))
        .collect();
    std::fs::write(&netrc, text).unwrap();
    let run = || {
        let start = Instant::now();
        let out = Command::new(bin())
            .env_clear()
            .current_dir(dir.path())
            .env("HOME", home.path())
            .env("PATH", home.path())
            .env("NETRC", &netrc)
            .args(["check", "--offline", "--json"])
            .output()
            .expect("run godoctor");
        (start.elapsed(), out.status.code())
    };
    let _ = run();
    let mut walls: Vec<f64> = (0..5).map(|_| run().0.as_secs_f64() * 1000.0).collect();
    walls.sort_by(f64::total_cmp);
    let median = walls[walls.len() / 2];
    println!("wall median of 5: {median:.0} ms (target ≤ 500 ms)");
    if median > 500.0 {
        missed.push(format!("netrc lookups: {median:.0} ms > 500 ms"));
    }
}

fn finish(missed: Vec<String>) {
    if missed.is_empty() {
        println!("\nall targets met");
    } else {
        println!("\nmissed:");
        for m in &missed {
            println!("  {m}");
        }
        std::process::exit(1);
    }
}
