#![allow(clippy::print_stdout, clippy::print_stderr)] // a benchmark reports its figures
//! Probe benchmarks (issue 3), run inside a network namespace by bench/probes.sh:
//!   1. every target blackholed: the verdict arrives within the deadline + 0.5 s;
//!   2. 8 targets with different injected delays: wall ≤ 1.2 × the slowest single target;
//!   3. per-layer timings against `curl -w` on the same loopback endpoint with netem delay;
//!   4. peak RSS of a full check.
//!
//! Prints figures; exits non-zero when a target is missed. Needs root (iptables).

#[path = "../tests/it/lab/mod.rs"]
#[allow(unused_imports)]
mod lab;

use std::net::{Ipv4Addr, SocketAddr};
use std::process::Command;
use std::time::{Duration, Instant};

use lab::{Behavior, CertKind, DnsAnswer, GoproxySpec, Lab, SumdbMode};
use serde_json::Value;

const BLACKHOLE: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 66);

fn bin() -> String {
    std::env::var("GODOCTOR_BIN")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/godoctor").into())
}

fn spec() -> GoproxySpec {
    GoproxySpec {
        modules: vec![("example.com/m".into(), vec!["v1.0.0".into()])],
        sumdb: SumdbMode::NotServed,
        date_skew_secs: 0,
    }
}

fn run(lab: &Lab, goproxy: &str, timeout: &str, wrap: Option<&str>) -> (Value, Duration, String) {
    run_with(lab, goproxy, timeout, wrap, &[])
}

fn run_with(
    lab: &Lab,
    goproxy: &str,
    timeout: &str,
    wrap: Option<&str>,
    extra: &[(&str, String)],
) -> (Value, Duration, String) {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = match wrap {
        Some(w) => {
            let mut c = Command::new(w);
            c.args(["-f", "%M", bin().as_str()]);
            c
        }
        None => Command::new(bin()),
    };
    cmd.env_clear()
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("PATH", home.path())
        .env("SSL_CERT_FILE", lab.ca_pem_path())
        .env("GOPROXY", goproxy)
        .env(
            "GOSUMDB",
            format!("{} https://sum.bh.test", lab.sumdb_key()),
        )
        .args([
            "check",
            "--json",
            "--timeout",
            timeout,
            "--resolver",
            &lab.dns_addr().to_string(),
            "--module",
            "example.com/m@v1.0.0",
        ]);
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let out = cmd.output().expect("run godoctor");
    let took = start.elapsed();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        json,
        took,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A TCP relay that waits `delay` after accepting, then forwards to `to`.
fn delay_proxy(
    rt: &tokio::runtime::Runtime,
    ip: Ipv4Addr,
    to: SocketAddr,
    delay: Duration,
) -> SocketAddr {
    let listener = rt.block_on(tokio::net::TcpListener::bind((ip, 0))).unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(async move {
        loop {
            let Ok((mut inbound, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                if let Ok(mut out) = tokio::net::TcpStream::connect(to).await {
                    let _ = tokio::time::timeout(
                        Duration::from_secs(30),
                        tokio::io::copy_bidirectional(&mut inbound, &mut out),
                    )
                    .await;
                }
            });
        }
    });
    addr
}

/// A TCP relay that delays every chunk by `delay` in both directions: a link with latency.
fn latency_relay(
    rt: &tokio::runtime::Runtime,
    ip: Ipv4Addr,
    to: SocketAddr,
    delay: Duration,
) -> SocketAddr {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = rt.block_on(tokio::net::TcpListener::bind((ip, 0))).unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(async move {
        loop {
            let Ok((inbound, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let Ok(out) = tokio::net::TcpStream::connect(to).await else {
                    return;
                };
                // A link, not a host: no Nagle coalescing inside the relay itself.
                let _ = (inbound.set_nodelay(true), out.set_nodelay(true));
                let (ir, iw) = inbound.into_split();
                let (or, ow) = out.into_split();
                // Each chunk leaves `delay` after it arrived, pipelined: a link with latency,
                // not one that serialises writes.
                let pump = |mut r: tokio::net::tcp::OwnedReadHalf,
                            mut w: tokio::net::tcp::OwnedWriteHalf| async move {
                    let (tx, mut rx) =
                        tokio::sync::mpsc::unbounded_channel::<(tokio::time::Instant, Vec<u8>)>();
                    let reader = async move {
                        let mut buf = vec![0u8; 16 << 10];
                        loop {
                            match r.read(&mut buf).await {
                                Ok(0) | Err(_) => break,
                                Ok(n) => {
                                    if tx
                                        .send((
                                            tokio::time::Instant::now() + delay,
                                            buf[..n].to_vec(),
                                        ))
                                        .is_err()
                                    {
                                        break;
                                    }
                                }
                            }
                        }
                    };
                    let writer = async move {
                        while let Some((due, data)) = rx.recv().await {
                            tokio::time::sleep_until(due).await;
                            if w.write_all(&data).await.is_err() {
                                break;
                            }
                        }
                    };
                    tokio::join!(reader, writer);
                };
                let _ = tokio::time::timeout(Duration::from_secs(30), async {
                    tokio::join!(pump(ir, ow), pump(or, iw))
                })
                .await;
            });
        }
    });
    addr
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn layer_ms(t: &Value, layer: &str) -> f64 {
    t["layers"]
        .as_array()
        .and_then(|ls| ls.iter().find(|l| l["layer"] == layer))
        .and_then(|l| l["ms"].as_f64())
        .unwrap_or(f64::NAN)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let mut failed = Vec::new();
    let lab = Lab::new();
    lab.dns("sum.bh.test", DnsAnswer::A(vec![BLACKHOLE]));

    // 1. Every target blackholed.
    for (i, name) in ["a", "b", "c", "d"].iter().enumerate() {
        lab.dns(&format!("{name}.bh.test"), DnsAnswer::A(vec![BLACKHOLE]));
        let _ = i;
    }
    let all = "https://a.bh.test|https://b.bh.test|https://c.bh.test|https://d.bh.test,direct";
    for deadline in [3.0_f64, 10.0] {
        let (json, took, _) = run(&lab, all, &format!("{deadline}s"), None);
        let ok = took.as_secs_f64() <= deadline + 0.5;
        println!(
            "blackhole, deadline {deadline:>4} s: verdict {} in {:.2} s (target ≤ {:.1} s) {}",
            json["verdict"],
            took.as_secs_f64(),
            deadline + 0.5,
            if ok { "ok" } else { "MISSED" }
        );
        if !ok {
            failed.push("blackhole");
        }
    }

    // 2. Eight targets with different delays.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let mut urls = Vec::new();
    let mut slowest = String::new();
    for i in 0..8u8 {
        let name = format!("d{i}.lab.test");
        let real = lab.https(&name, CertKind::Lab, Behavior::Goproxy(spec()));
        let delay = Duration::from_millis(100 + 100 * u64::from(i));
        let relay = delay_proxy(&rt, Ipv4Addr::new(127, 0, 1, 10 + i), real, delay);
        lab.dns(&name, DnsAnswer::A(vec![Ipv4Addr::new(127, 0, 1, 10 + i)]));
        urls.push(format!("https://{name}:{}", relay.port()));
        slowest = format!("https://{name}:{}", relay.port());
    }
    let nosum = [("GONOSUMDB", "example.com".to_owned())];
    let single: Vec<f64> = (0..3)
        .map(|_| {
            run_with(&lab, &slowest, "10s", None, &nosum)
                .1
                .as_secs_f64()
        })
        .collect();
    let eight: Vec<f64> = (0..3)
        .map(|_| {
            run_with(&lab, &urls.join("|"), "10s", None, &nosum)
                .1
                .as_secs_f64()
        })
        .collect();
    let (s, e) = (median(single), median(eight));
    let ok = e <= 1.2 * s;
    println!(
        "8 delayed targets: {:.3} s vs slowest alone {:.3} s = {:.2}× (target ≤ 1.2×) {}",
        e,
        s,
        e / s,
        if ok { "ok" } else { "MISSED" }
    );
    if !ok {
        failed.push("concurrency");
    }

    // 3. Per-layer timings against curl, through a 10 ms-per-chunk latency relay.
    let real = lab.https("timing.lab.test", CertKind::Lab, Behavior::Goproxy(spec()));
    let plain = latency_relay(
        &rt,
        Ipv4Addr::new(127, 0, 1, 50),
        real,
        Duration::from_millis(10),
    );
    lab.dns(
        "timing.lab.test",
        DnsAnswer::A(vec![Ipv4Addr::new(127, 0, 1, 50)]),
    );
    let gd_url = format!("https://timing.lab.test:{}", plain.port());
    let mut ours = (Vec::new(), Vec::new(), Vec::new());
    let mut theirs = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..7 {
        let (json, _, _) = run_with(&lab, &gd_url, "10s", None, &nosum);
        let t = json["targets"]
            .as_array()
            .and_then(|ts| ts.iter().find(|t| t["role"] == "proxy"))
            .cloned()
            .unwrap_or(Value::Null);
        ours.0.push(layer_ms(&t, "tcp"));
        ours.1.push(layer_ms(&t, "tls"));
        let ttfb = t["layers"]
            .as_array()
            .and_then(|ls| ls.iter().find(|l| l["layer"] == "http"))
            .and_then(|l| l["detail"]["ttfb_ms"].as_f64())
            .unwrap_or(f64::NAN);
        ours.2.push(ttfb);
        let out = Command::new("curl")
            .args([
                "-s",
                "-o",
                "/dev/null",
                "--http1.1",
                "--cacert",
                lab.ca_pem_path().to_str().unwrap(),
                "--resolve",
                &format!("timing.lab.test:{}:{}", plain.port(), plain.ip()),
                "-w",
                "%{time_namelookup} %{time_connect} %{time_appconnect} %{time_starttransfer}",
                &format!("{gd_url}/example.com/m/@v/list"),
            ])
            .output()
            .expect("curl");
        let f: Vec<f64> = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .filter_map(|x| x.parse::<f64>().ok())
            .map(|s| s * 1000.0)
            .collect();
        if f.len() == 4 {
            theirs.0.push(f[1] - f[0]);
            theirs.1.push(f[2] - f[1]);
            theirs.2.push(f[3] - f[2]);
        }
    }
    for (name, o, c) in [
        ("tcp connect", &ours.0, &theirs.0),
        ("tls handshake", &ours.1, &theirs.1),
        ("time to first byte", &ours.2, &theirs.2),
    ] {
        let (o, c) = (median(o.clone()), median(c.clone()));
        let diff = (o - c).abs();
        let ok = diff <= (0.05 * c).max(2.0);
        println!(
            "{name:<19} godoctor {o:7.2} ms  curl {c:7.2} ms  Δ {diff:5.2} ms (target ±5% or ±2 ms) {}",
            if ok { "ok" } else { "MISSED" }
        );
        if !ok {
            failed.push("timing");
        }
    }

    // 4. Peak RSS of a full check (healthy, with the checksum database through the proxy).
    let full = lab.https(
        "full.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(GoproxySpec {
            sumdb: SumdbMode::Served,
            ..spec()
        }),
    );
    let (json, _, stderr) = run_with(
        &lab,
        &format!("https://full.lab.test:{}", full.port()),
        "10s",
        Some("/usr/bin/time"),
        &[("GOSUMDB", lab.sumdb_key().to_owned())],
    );
    println!(
        "  (full check verdict {}, {} targets)",
        json["verdict"],
        json["targets"].as_array().map_or(0, Vec::len)
    );
    let kb: f64 = stderr
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(f64::NAN);
    let ok = kb / 1024.0 <= 30.0;
    println!(
        "peak RSS of a full check: {:.1} MB (target ≤ 30 MB) {}",
        kb / 1024.0,
        if ok { "ok" } else { "MISSED" }
    );
    if !ok {
        failed.push("rss");
    }
    if !failed.is_empty() {
        eprintln!("missed: {failed:?}");
        std::process::exit(1);
    }
}
