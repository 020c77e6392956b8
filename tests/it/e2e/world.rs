//! One scenario's world inside its namespace: dnsmasq answering the real names (each host on
//! its own 127.0.0.x), nginx serving TLS with the GOPROXY layout (per site, modules that answer
//! a status instead), the checksum database (unknown lookups: 404/410 `not found: …`) and a
//! private git repository (or go-get tags pointing at none), squid as the HTTP proxy (open and
//! authenticating ports), and the iptables faults.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::assets::{self, Assets, Cert};
use super::netns::Netns;

pub const RESOLVER: &str = "127.0.0.53";
pub const SQUID: &str = "squid.acme.corp";
pub const SQUID_IP: &str = "127.0.0.15";
pub const SQUID_OPEN_PORT: u16 = 3128;
pub const SQUID_AUTH_PORT: u16 = 3129;
/// An address that a DROP rule turns into a blackhole.
pub const BLACKHOLE_IP: &str = "127.0.0.99";
/// An address where nothing listens.
pub const NOTHING_IP: &str = "127.0.0.98";

/// The hosts of the world and their addresses.
pub const HOSTS: &[(&str, &str)] = &[
    ("proxy.golang.org", "127.0.0.10"),
    ("sum.golang.org", "127.0.0.11"),
    ("goproxy.cn", "127.0.0.12"),
    ("goproxy.acme.corp", "127.0.0.13"),
    ("git.acme.corp", "127.0.0.14"),
    (SQUID, SQUID_IP),
    ("sumdb.acme.corp", "127.0.0.16"),
];

pub fn ip_of(host: &str) -> &'static str {
    HOSTS
        .iter()
        .find(|(h, _)| *h == host)
        .map(|(_, ip)| *ip)
        .unwrap_or_else(|| panic!("unknown host {host}"))
}

/// What an HTTPS host serves.
#[derive(Clone, Debug, PartialEq)]
pub enum Behavior {
    /// GOPROXY layout (`corp`: with the private module); `relay`: also serves
    /// /sumdb/sum.golang.org/ (else 404 there).
    Goproxy { corp: bool, relay: bool },
    /// The public GOPROXY layout without `golang.org/toolchain` (404 for it), relaying
    /// /sumdb/sum.golang.org/.
    GoproxyWithoutToolchain,
    /// The public GOPROXY layout whose toolchain list adds go1.99.1 for darwin/arm64 only,
    /// relaying /sumdb/sum.golang.org/.
    GoproxyOtherPlatform,
    /// The public GOPROXY layout, but this status for every /sumdb/ path (a broken relay).
    GoproxyRelayStatus(u16),
    /// The checksum database at the root (`wrong`: signed with the wrong key).
    Sumdb { wrong: bool },
    /// This status and a text/plain body for every path.
    Status(u16),
    /// 200 text/html login page for every path.
    Portal,
    /// 302 to a plain-http login page for every path.
    PortalRedirect,
    /// go-get meta tags + the private repository over git's dumb HTTP, behind basic auth.
    Git,
    /// The same go-get meta tags, but no repository where they point (404, no auth asked).
    GitRepoMissing,
    /// No server at all.
    Off,
}

#[derive(Clone, Debug)]
pub struct Site {
    pub cert: Cert,
    pub behavior: Behavior,
    /// nginx limit_rate (bytes/s).
    pub slow: Option<u32>,
    /// A GOPROXY layout's modules that answer this status for every file instead (404: the
    /// mirror lacks the module).
    pub module_status: Vec<(&'static str, u16)>,
    /// What the checksum database (or a relay of it) answers a lookup of a module it has no
    /// record of: 404 or 410, with sum.golang.org's `not found: …` body.
    pub lookup_missing: u16,
}

impl Site {
    pub fn new(behavior: Behavior) -> Site {
        Site {
            cert: Cert::Lab,
            behavior,
            slow: None,
            module_status: Vec::new(),
            lookup_missing: 404,
        }
    }
}

pub fn default_site(host: &str) -> Option<Site> {
    Some(Site::new(match host {
        "proxy.golang.org" | "goproxy.cn" => Behavior::Goproxy {
            corp: false,
            relay: true,
        },
        "goproxy.acme.corp" => Behavior::Goproxy {
            corp: true,
            relay: false,
        },
        "sum.golang.org" | "sumdb.acme.corp" => Behavior::Sumdb { wrong: false },
        "git.acme.corp" => Behavior::Git,
        _ => return None,
    }))
}

#[derive(Clone, Debug)]
pub enum Dns {
    Nx,
    A(&'static str),
    Aaaa(&'static str),
    Both(&'static str, &'static str),
}

#[derive(Clone, Debug)]
pub enum Fw {
    /// Drop TCP to host:port (a blackhole).
    Drop(&'static str, u16),
    /// Answer SYNs to host:port with a reset (connection refused).
    Reset(&'static str, u16),
    /// Reset any TCP segment to :443 that carries this server name (SNI filtering).
    SniReset(&'static str),
    /// Drop any TCP segment to :443 that carries this server name (handshake stall).
    SniDrop(&'static str),
    /// Drop everything to the resolver.
    DnsSilent,
    /// Drop TCP to host:port unless it comes from squid (user `proxy`).
    DropExceptSquid(&'static str, u16),
    /// Drop TCP to [::1]:port.
    Drop6(u16),
}

pub struct WorldSpec<'a> {
    pub sites: Vec<(&'static str, Site)>,
    pub dns: &'a [(&'static str, Dns)],
    pub fw: &'a [Fw],
    pub squid: bool,
}

/// Starts the world; the servers live as long as `ns`.
pub fn start(ns: &Netns, a: &Assets, spec: &WorldSpec, dir: &Path) -> Result<(), String> {
    // DNS.
    let mut args: Vec<String> = vec![
        "--keep-in-foreground".into(),
        "--conf-file=/dev/null".into(),
        "--no-resolv".into(),
        "--no-hosts".into(),
        "--no-negcache".into(),
        format!("--listen-address={RESOLVER}"),
        "--bind-interfaces".into(),
        "--port=53".into(),
        "--pid-file=".into(),
        "--user=root".into(),
        "--log-queries".into(),
        "--log-facility=-".into(),
        // Every name this world does not know: NXDOMAIN.
        "--address=/#/".into(),
    ];
    for (host, ip) in HOSTS {
        match spec.dns.iter().find(|(h, _)| h == host).map(|(_, d)| d) {
            None => args.push(format!("--address=/{host}/{ip}")),
            Some(Dns::Nx) => args.push(format!("--address=/{host}/")),
            Some(Dns::A(v4)) => args.push(format!("--address=/{host}/{v4}")),
            Some(Dns::Aaaa(v6)) => args.push(format!("--address=/{host}/{v6}")),
            Some(Dns::Both(v4, v6)) => {
                args.push(format!("--address=/{host}/{v4}"));
                args.push(format!("--address=/{host}/{v6}"));
            }
        }
    }
    let mut c = ns.command("dnsmasq");
    c.args(&args);
    ns.spawn("dnsmasq", c, &dir.join("dnsmasq.log"))?;

    // nginx.
    let ngx = dir.join("nginx");
    for d in ["logs", "tmp", "conf"] {
        fs::create_dir_all(ngx.join(d)).map_err(|e| e.to_string())?;
    }
    let htpasswd = ngx.join("conf/htpasswd");
    fs::write(
        &htpasswd,
        format!("{}:{{PLAIN}}{}\n", assets::USER, assets::PASS),
    )
    .map_err(|e| e.to_string())?;
    let mut conf = String::new();
    let n = ngx.display();
    writeln!(
        conf,
        "master_process off;\nworker_processes 1;\npid {n}/nginx.pid;\nerror_log {n}/logs/error.log warn;\n\
         events {{ worker_connections 512; }}\nhttp {{\n  access_log {n}/logs/access.log;\n\
         client_body_temp_path {n}/tmp/cb; proxy_temp_path {n}/tmp/px; fastcgi_temp_path {n}/tmp/fc;\n\
         uwsgi_temp_path {n}/tmp/uw; scgi_temp_path {n}/tmp/sc;\n\
         types {{ application/json info; application/zip zip; }}\n  default_type text/plain;\n\
         server_tokens off;\n  keepalive_timeout 30s;"
    )
    .unwrap();
    let mut listen = Vec::new();
    for (host, ip) in HOSTS {
        let Some(site) = spec
            .sites
            .iter()
            .find(|(h, _)| h == host)
            .map(|(_, s)| s.clone())
            .or_else(|| default_site(host))
        else {
            continue;
        };
        if site.behavior == Behavior::Off {
            continue;
        }
        let (crt, key) = a.cert(host, site.cert);
        listen.push(format!("{ip}:443"));
        writeln!(
            conf,
            "  server {{\n    listen {ip}:443 ssl;\n    server_name {host};\n    ssl_certificate {};\n    ssl_certificate_key {};\n\
             error_page 404 = @nf;\n    location @nf {{ return 404 \"not found\\n\"; }}",
            crt.display(),
            key.display()
        )
        .unwrap();
        if let Some(rate) = site.slow {
            writeln!(conf, "    limit_rate {rate};\n    limit_rate_after 0;").unwrap();
        }
        match &site.behavior {
            Behavior::Goproxy { .. }
            | Behavior::GoproxyWithoutToolchain
            | Behavior::GoproxyOtherPlatform => {
                let (root, relay) = match &site.behavior {
                    Behavior::Goproxy { corp: true, relay } => (a.goproxy_corp(), *relay),
                    Behavior::Goproxy { corp: false, relay } => (a.goproxy_public(), *relay),
                    Behavior::GoproxyOtherPlatform => (a.goproxy_other_platform(), true),
                    _ => (a.goproxy_no_toolchain(), true),
                };
                writeln!(conf, "    location / {{ root {}; }}", root.display()).unwrap();
                for (module, code) in &site.module_status {
                    writeln!(
                        conf,
                        "    location ^~ /{}/ {{ return {code} \"{}\\n\"; }}",
                        crate::lab::note::escape(module),
                        status_body(*code)
                    )
                    .unwrap();
                }
                if relay {
                    let db = a.sumdb(false);
                    writeln!(
                        conf,
                        "    location /sumdb/sum.golang.org/ {{ alias {}/; }}\n{}",
                        db.display(),
                        lookups(
                            "/sumdb/sum\\.golang\\.org",
                            &db.join("lookup"),
                            site.lookup_missing
                        )
                    )
                    .unwrap();
                }
                writeln!(
                    conf,
                    "    location /sumdb/ {{ return 404 \"not found\\n\"; }}"
                )
                .unwrap();
            }
            Behavior::GoproxyRelayStatus(code) => {
                writeln!(
                    conf,
                    "    location / {{ root {}; }}\n    location /sumdb/ {{ return {code} \"{}\\n\"; }}",
                    a.goproxy_public().display(),
                    reason(*code)
                )
                .unwrap();
            }
            Behavior::Sumdb { wrong } => {
                let db = a.sumdb(*wrong);
                writeln!(
                    conf,
                    "    location / {{ root {}; }}\n{}",
                    db.display(),
                    lookups("", &db.join("lookup"), site.lookup_missing)
                )
                .unwrap();
            }
            Behavior::Status(code) => {
                writeln!(
                    conf,
                    "    location / {{ return {code} \"{}\\n\"; }}",
                    reason(*code)
                )
                .unwrap();
            }
            Behavior::Portal => {
                writeln!(
                    conf,
                    "    location / {{ default_type text/html; return 200 '<!DOCTYPE html><html><head><title>Guest Wi-Fi - Sign in</title></head><body><h1>Welcome to Guest Wi-Fi</h1><p>Please accept the terms of use to access the Internet.</p><form method=\"post\" action=\"/login\"><input type=\"submit\" value=\"Connect\"></form></body></html>\\n'; }}"
                )
                .unwrap();
            }
            Behavior::PortalRedirect => {
                writeln!(
                    conf,
                    "    location / {{ return 302 http://portal.guest-wifi.example/login; }}"
                )
                .unwrap();
            }
            Behavior::Git => {
                writeln!(
                    conf,
                    "    location = /team/secret {{ default_type text/html; return 200 '<!DOCTYPE html><html><head><meta name=\"go-import\" content=\"{p} git https://git.acme.corp/team/secret.git\"></head><body>go get {p}</body></html>\\n'; }}\n\
                     location /team/secret.git/ {{ root {}; auth_basic \"acme git\"; auth_basic_user_file {}; }}",
                    a.git_root().display(),
                    htpasswd.display(),
                    p = assets::PRIVATE,
                )
                .unwrap();
            }
            Behavior::GitRepoMissing => {
                writeln!(
                    conf,
                    "    location = /team/secret {{ default_type text/html; return 200 '<!DOCTYPE html><html><head><meta name=\"go-import\" content=\"{p} git https://git.acme.corp/team/secret.git\"></head><body>go get {p}</body></html>\\n'; }}\n\
                     location /team/secret.git/ {{ return 404 \"not found\\n\"; }}",
                    p = assets::PRIVATE,
                )
                .unwrap();
            }
            Behavior::Off => unreachable!(),
        }
        conf.push_str("  }\n");
    }
    conf.push_str("}\n");
    let conf_path = ngx.join("conf/nginx.conf");
    fs::write(&conf_path, conf).map_err(|e| e.to_string())?;
    let mut c = ns.command("nginx");
    c.arg("-p")
        .arg(&ngx)
        .arg("-e")
        .arg(ngx.join("logs/error.log"))
        .arg("-c")
        .arg(&conf_path)
        .args(["-g", "daemon off;"]);
    ns.spawn("nginx", c, &dir.join("nginx.log"))?;

    // squid.
    if spec.squid {
        let sq = dir.join("squid");
        fs::create_dir_all(&sq).map_err(|e| e.to_string())?;
        let auth = sq.join("auth.sh");
        fs::write(
            &auth,
            format!(
                "#!/bin/sh\nwhile read -r u p; do if [ \"$u\" = {} ] && [ \"$p\" = {} ]; then echo OK; else echo ERR; fi; done\n",
                assets::USER,
                assets::PASS
            ),
        )
        .map_err(|e| e.to_string())?;
        let s = sq.display();
        let conf = format!(
            "http_port {SQUID_IP}:{SQUID_OPEN_PORT} name=open\n\
             http_port {SQUID_IP}:{SQUID_AUTH_PORT} name=auth\n\
             pid_filename {s}/squid.pid\naccess_log stdio:{s}/access.log\ncache_log {s}/cache.log\n\
             cache_store_log none\ncache deny all\ncoredump_dir {s}\ndns_nameservers {RESOLVER}\n\
             hosts_file none\npinger_enable off\nshutdown_lifetime 0 seconds\nnetdb_filename none\n\
             logfile_rotate 0\ncache_effective_user proxy\n\
             auth_param basic program /bin/sh {s}/auth.sh\nauth_param basic children 2\nauth_param basic realm acme proxy\n\
             acl authport myportname auth\nacl authed proxy_auth REQUIRED\n\
             http_access deny authport !authed\nhttp_access allow all\n"
        );
        fs::write(sq.join("squid.conf"), conf).map_err(|e| e.to_string())?;
        // squid drops to `proxy`: let it write its logs and pid there.
        let _ = Command::new("chmod")
            .args(["-R", "a+rwX"])
            .arg(&sq)
            .status();
        let _ = Command::new("chmod").arg("a+rx").arg(dir).status();
        let mut c = ns.command("squid");
        c.arg("-N").arg("-f").arg(sq.join("squid.conf"));
        ns.spawn("squid", c, &dir.join("squid.log"))?;
        listen.push(format!("{SQUID_IP}:{SQUID_OPEN_PORT}"));
        listen.push(format!("{SQUID_IP}:{SQUID_AUTH_PORT}"));
    }
    listen.push(format!("{RESOLVER}:53"));

    let ready = ns.wait_listening(&listen, Duration::from_secs(20));
    ns.check_alive()?;
    ready?;

    // Faults last, so that readiness checks are not blocked by them.
    for f in spec.fw {
        let rules: Vec<Vec<String>> = match f {
            Fw::Drop(h, p) => vec![tcp_rule(ip_of(h), *p, &["-j", "DROP"])],
            Fw::Reset(h, p) => vec![tcp_rule(
                ip_of(h),
                *p,
                &["-j", "REJECT", "--reject-with", "tcp-reset"],
            )],
            Fw::SniReset(name) | Fw::SniDrop(name) => {
                let mut r: Vec<String> = [
                    "-A", "OUTPUT", "-p", "tcp", "--dport", "443", "-m", "string", "--algo", "bm",
                    "--string",
                ]
                .iter()
                .map(|s| s.to_string())
                .collect();
                r.push(name.to_string());
                if matches!(f, Fw::SniReset(_)) {
                    r.extend(["-j", "REJECT", "--reject-with", "tcp-reset"].map(String::from));
                } else {
                    r.extend(["-j", "DROP"].map(String::from));
                }
                vec![r]
            }
            Fw::DnsSilent => ["udp", "tcp"]
                .iter()
                .map(|proto| {
                    // INPUT, not OUTPUT: a locally generated datagram dropped in OUTPUT
                    // fails sendto() with EPERM at once instead of going unanswered.
                    [
                        "-A", "INPUT", "-d", RESOLVER, "-p", proto, "--dport", "53", "-j", "DROP",
                    ]
                    .map(String::from)
                    .to_vec()
                })
                .collect(),
            Fw::DropExceptSquid(h, p) => vec![tcp_rule(
                ip_of(h),
                *p,
                &["-m", "owner", "!", "--uid-owner", "proxy", "-j", "DROP"],
            )],
            Fw::Drop6(p) => {
                let mut r = vec!["ip6tables".to_string()];
                r.extend(
                    [
                        "-A",
                        "OUTPUT",
                        "-d",
                        "::1",
                        "-p",
                        "tcp",
                        "--dport",
                        &p.to_string(),
                        "-j",
                        "DROP",
                    ]
                    .map(String::from),
                );
                vec![r]
            }
        };
        for mut r in rules {
            let prog = if r[0] == "ip6tables" {
                r.remove(0);
                "ip6tables"
            } else {
                "iptables"
            };
            let mut argv = vec![prog];
            argv.extend(r.iter().map(String::as_str));
            ns.exec_ok(&argv)?;
        }
    }
    // A fixed drop for the blackhole address.
    ns.exec_ok(&["iptables", "-A", "OUTPUT", "-d", BLACKHOLE_IP, "-j", "DROP"])?;
    Ok(())
}

fn tcp_rule(ip: &str, port: u16, tail: &[&str]) -> Vec<String> {
    let mut r: Vec<String> = [
        "-A",
        "OUTPUT",
        "-d",
        ip,
        "-p",
        "tcp",
        "--dport",
        &port.to_string(),
    ]
    .map(String::from)
    .to_vec();
    r.extend(tail.iter().map(|s| s.to_string()));
    r
}

/// The lookup endpoint of a checksum database served under `prefix` (a regex-quoted URL
/// prefix) from `dir`: a record where there is one, else `missing` with the body
/// sum.golang.org writes for a module it cannot fetch (`not found: M@V: unrecognized import
/// path …`), which is how go learns that the public database cannot see a private module.
fn lookups(prefix: &str, dir: &Path, missing: u16) -> String {
    format!(
        "    location ~ ^{prefix}/lookup/(?<lmod>(?<lhost>[^/@]+)[^@]*)@(?<lver>[^/@]+)$ {{\n\
         alias {}/$lmod@$lver;\n\
         if (!-f $request_filename) {{ return {missing} \"not found: $lmod@$lver: unrecognized import path \\\"$lmod\\\": https fetch: Get \\\"https://$lmod?go-get=1\\\": dial tcp: lookup $lhost on 8.8.8.8:53: no such host\\n\"; }}\n    }}",
        dir.display()
    )
}

/// The body nginx answers a module's files with under `module_status`.
fn status_body(code: u16) -> String {
    if code == 404 || code == 410 {
        "not found".into()
    } else {
        reason(code).into()
    }
}

fn reason(code: u16) -> &'static str {
    match code {
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "error",
    }
}
