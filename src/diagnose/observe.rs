//! Prediction from observations: walk each planned module's route the way go does over what
//! the probes saw (docs/go/semantics.md §1 `TryProxies`, §3 `initBase`), choose the error go would
//! report, and name the root cause — the deepest failing layer on the route go actually takes.
//! Trouble on entries go never reaches becomes secondary findings.

use super::predict::{self, ModuleOutcome, Outcome, Predicted, SumdbOutcome, label};
use super::remedy::set_go_env;
use super::{Code, Finding, Layer, Remedy, Severity};
use crate::config::Config;
use crate::config::goproxy::FallThrough;
use crate::config::gosumdb::SumDbSetting;
use crate::plan::{ModulePlan, Plan, Step, SumdbStep, private_hint};
use crate::probe::{
    DnsError, FileError, GitError, HttpError, LayerName, LayerResult, Peer, ProbeError, ProxyError,
    Role, Status, SumdbError, Target, TcpError, TlsError, ToolchainRequest,
};
use crate::redact::redact_urls;

pub struct Observed {
    pub outcome: Outcome,
    pub findings: Vec<Finding>,
    pub root_host: Option<String>,
}

/// What one attempt on one route step came to, in go's terms.
#[derive(Debug, Clone)]
enum Attempt {
    Served,
    /// 404/410: go moves on after `,` and `|`.
    NotFound(String),
    /// Any other failure, with the finding that explains it.
    Failed(Box<Finding>, String),
    /// Nothing was probed for this step (offline assumptions apply).
    Unknown,
}

fn via_proxy_peer(l: &LayerResult) -> bool {
    l.peer == Some(Peer::HttpProxy)
}

/// The finding for a target's first failing layer.
fn failure_finding(t: &Target, l: &LayerResult) -> Finding {
    let kind = l.kind();
    let msg = l.message().unwrap_or_default().to_owned();
    let host = t.host.clone();
    let proxy_peer = via_proxy_peer(l);
    use ProbeError as E;
    let code = match kind {
        _ if proxy_peer => Code::ProxyUnreachable,
        Some(E::Dns(DnsError::NxDomain | DnsError::Empty)) => Code::DnsNxdomain,
        Some(E::Dns(DnsError::ServFail | DnsError::Refused | DnsError::Rcode)) => Code::DnsServfail,
        Some(E::Dns(DnsError::Timeout)) => Code::DnsTimeout,
        Some(E::Tcp(TcpError::Refused)) => Code::TcpRefused,
        Some(E::Tcp(TcpError::Timeout)) => Code::TcpBlackhole,
        Some(E::Tcp(TcpError::Reset)) => Code::TcpReset,
        Some(E::Tls(TlsError::ResetAfterClientHello | TlsError::EofAfterClientHello)) => {
            Code::TlsResetAfterClienthello
        }
        Some(E::Tls(TlsError::UnknownIssuerInterception)) => Code::TlsUnknownIssuerInterception,
        Some(E::Tls(TlsError::UnknownIssuerPrivateCa)) => Code::TlsUnknownIssuerPrivateCa,
        Some(E::Tls(TlsError::UnknownIssuerMissingRoot)) => Code::TlsRootsMissing,
        Some(E::Tls(TlsError::Expired)) => Code::TlsExpired,
        Some(E::Tls(TlsError::NotYetValid)) => Code::TlsNotYetValid,
        Some(E::Tls(TlsError::NameMismatch)) => Code::TlsNameMismatch,
        Some(E::Tls(TlsError::HandshakeTimeout | TlsError::HandshakeStalled)) => {
            Code::TlsHandshakeTimeout
        }
        Some(E::Tls(TlsError::NotTls | TlsError::NotTlsHttp)) => Code::TlsNotTls,
        Some(E::Tls(TlsError::NoRoots)) => Code::TlsNoRoots,
        Some(E::Http(HttpError::CaptivePortal | HttpError::HtmlError)) => Code::HttpCaptivePortal,
        Some(E::Http(HttpError::InvalidPayload)) => Code::HttpInvalidPayload,
        Some(E::Http(HttpError::SlowProgress)) => Code::HttpSlow,
        Some(E::Http(HttpError::HeadersTimeout | HttpError::BodyStalled | HttpError::Timeout)) => {
            Code::HttpStalled
        }
        Some(E::Http(HttpError::BodyTooLarge)) => Code::HttpBodyTooLarge,
        Some(E::Http(HttpError::RedirectInsecure)) => Code::HttpRedirectInsecure,
        Some(E::Http(HttpError::TooManyRedirects)) => Code::HttpRedirectLoop,
        Some(E::Http(HttpError::HeadersTooLarge)) => Code::HttpHeadersTooLarge,
        Some(E::Http(HttpError::NotFound) | E::File(FileError::NotFound)) => Code::ModuleNotFound,
        Some(E::Http(HttpError::Status)) => match t.http_status() {
            Some(401) => Code::HttpUnauthorized,
            Some(403) => Code::HttpForbidden,
            Some(s) if s >= 500 => Code::HttpServerError,
            _ => Code::HttpStatus,
        },
        Some(E::Proxy(ProxyError::AuthRequired)) => Code::ProxyAuthRequired,
        Some(E::Proxy(ProxyError::Forbidden)) => Code::ProxyForbidden,
        Some(E::Proxy(ProxyError::Timeout)) => Code::ProxyStalled,
        Some(E::Sumdb(SumdbError::SignatureInvalid | SumdbError::SignatureUnknownKey)) => {
            Code::SumdbSignatureInvalid
        }
        Some(E::Sumdb(SumdbError::LookupNotFound)) => Code::SumdbLookupNotFound,
        // Any other cause: the layer's catch-all.
        _ => match l.layer {
            LayerName::Dns => Code::DnsFailed,
            LayerName::Tcp => Code::TcpUnreachable,
            LayerName::Tls => Code::TlsHandshakeFailed,
            LayerName::Http => Code::HttpFailed,
            LayerName::Proxy => Code::ProxyConnectFailed,
            LayerName::Sumdb => Code::SumdbFailed,
        },
    };
    let host = if code.layer() == Layer::Proxy {
        t.via_proxy
            .as_deref()
            .and_then(|p| crate::config::gourl::parse(p).ok())
            .map(|u| u.hostname().to_owned())
            .unwrap_or(host)
    } else {
        host
    };
    // A failure, whatever the code: callers lower it for what go survives.
    let mut f = Finding::of(code, format!("{}: {}", redact_urls(&t.url), msg))
        .with_severity(Severity::Error)
        .host(host)
        .param("url", t.url.clone())
        .param("detail", msg.clone());
    if let (LayerName::Http, Some(s)) = (l.layer, t.http_status()) {
        f = f.param("status", s.to_string());
    }
    // Evidence: a poisoned answer that leads nowhere is the real story.
    if let Some(dns) = t.layer(LayerName::Dns)
        && let Some(bogus) = dns
            .detail
            .as_dns()
            .and_then(|d| d.bogus.as_ref())
            .filter(|b| !b.is_empty())
    {
        // No real server behind the answer (nothing listens, or the handshake dies): the
        // DNS answer is the cause. A server that presents a certificate is judged by TLS.
        let nothing_there = l.layer == LayerName::Tcp
            || matches!(
                kind,
                Some(E::Tls(
                    TlsError::ResetAfterClientHello
                        | TlsError::EofAfterClientHello
                        | TlsError::HandshakeTimeout
                        | TlsError::NotTls
                        | TlsError::NotTlsHttp
                ))
            );
        let addresses: Vec<&str> = bogus.iter().map(|b| b.address.as_str()).collect();
        if !nothing_there {
            f.evidence.push(format!(
                "{} resolved to {}, which cannot be right for a public name",
                t.host,
                addresses.join(", ")
            ));
        }
        if nothing_there {
            f = f
                .reclassified(Code::DnsPoisoned)
                .param("addresses", addresses.join(", "));
            f.message = format!(
                "{} resolved to {} — an address that cannot be right for a public name — and then {}: {}",
                t.host,
                addresses.join(", "),
                l.layer_name(),
                msg
            );
        }
    }
    f
}

trait LayerNameText {
    fn layer_name(&self) -> &'static str;
}

impl LayerNameText for LayerResult {
    fn layer_name(&self) -> &'static str {
        match self.layer {
            LayerName::Dns => "DNS",
            LayerName::Tcp => "TCP",
            LayerName::Tls => "TLS",
            LayerName::Http => "HTTP",
            LayerName::Sumdb => "the checksum database",
            LayerName::Proxy => "the HTTP proxy",
        }
    }
}

/// go's wording for a failed GET: net/url wraps transport errors as `Get "<url>": <err>`.
fn go_error(url: &str, t: &Target, l: &LayerResult) -> String {
    let msg = l.message().unwrap_or_default().to_owned();
    match l.layer {
        // The probe's own request stands in for the one go makes (`.mod`, `/lookup/…`).
        LayerName::Http | LayerName::Sumdb => as_go_read(&msg, t, url),
        LayerName::Proxy if t.http_status().is_none() => format!(
            "Get \"{}\": {}",
            redact_urls(url),
            msg.split(" (").next().unwrap_or(&msg)
        ),
        LayerName::Dns => format!("Get \"{}\": dial tcp: {msg}", redact_urls(url)),
        _ => format!("Get \"{}\": {msg}", redact_urls(url)),
    }
}

/// go's `reading <url>: <status>` names the request go makes (`.mod`, `.info`, `/lookup/…`),
/// which the probe's own request stands in for.
fn as_go_read(msg: &str, t: &Target, go_url: &str) -> String {
    msg.replacen(
        &format!("reading {}", t.url),
        &format!("reading {}", redact_urls(go_url)),
        1,
    )
}

fn attempt_from(t: &Target, go_url: &str) -> Attempt {
    if let Some(l) = t.first_failure() {
        // Still arriving: go has no timeout there and gets the answer, late.
        if l.kind() == Some(HttpError::SlowProgress.into()) {
            return Attempt::Served;
        }
        if l.kind().is_some_and(ProbeError::is_not_found) {
            let msg = l
                .error
                .as_ref()
                .map(|e| as_go_read(&e.message, t, go_url))
                .unwrap_or_default();
            return Attempt::NotFound(msg);
        }
        return Attempt::Failed(Box::new(failure_finding(t, l)), go_error(go_url, t, l));
    }
    if t.layers.is_empty() && t.git.is_none() {
        return Attempt::Unknown;
    }
    Attempt::Served
}

fn find(targets: &[Target], role: Role, pred: impl Fn(&Target) -> bool) -> Option<&Target> {
    targets.iter().find(|t| t.role == role && pred(t))
}

/// The GOPROXY entry a target stands for.
fn ctx_proxy(t: &Target) -> Option<&str> {
    t.context(|c| c.proxy.as_deref())
}

/// The module a target stands for.
fn ctx_module(t: &Target) -> Option<&str> {
    t.context(|c| c.module.as_deref())
}

/// The URL go would show for a module fetched from `proxy`: the go.mod when it loads the module
/// graph, the `.info` for a `M@V` argument (query.go's Stat).
fn go_module_url(proxy: &str, m: &ModulePlan, reads_mod_first: bool) -> String {
    let base = format!(
        "{}/{}/@v/",
        proxy.trim_end_matches('/'),
        crate::plan::escape_path(&m.module)
    );
    match &m.version {
        Some(v) if reads_mod_first => format!("{base}{}.mod", crate::plan::escape_path(v)),
        Some(v) => format!("{base}{}.info", crate::plan::escape_path(v)),
        None => format!("{base}list"),
    }
}

/// A proxy entry's target for a module: the one probed for that module's host.
fn proxy_target<'a>(targets: &'a [Target], proxy: &str, m: &ModulePlan) -> Option<&'a Target> {
    let red = redact_urls(proxy);
    // The module's own probe (every module of a file:// proxy has one), else its host's.
    find(targets, Role::Proxy, |t| {
        ctx_proxy(t) == Some(red.as_str()) && ctx_module(t) == Some(m.module.as_str())
    })
    .or_else(|| {
        find(targets, Role::Proxy, |t| {
            ctx_proxy(t) == Some(red.as_str())
                && ctx_module(t).is_some_and(|mm| mm.split('/').next() == Some(m.host.as_str()))
        })
    })
    .or_else(|| find(targets, Role::Proxy, |t| ctx_proxy(t) == Some(red.as_str())))
}

/// go's words for a failed go-get discovery (vcs.go `RepoRootForImportPath`): transport
/// errors as `https fetch: Get …`, an answer without meta tags as it is.
fn discovery_error(module: &str, e: &str) -> String {
    if e.starts_with("unrecognized import path") {
        e.to_owned()
    } else if e.starts_with("Get \"") {
        format!("unrecognized import path \"{module}\": https fetch: {e}")
    } else {
        format!("unrecognized import path \"{module}\": {e}")
    }
}

fn direct_attempt(targets: &[Target], m: &ModulePlan, d: &crate::plan::DirectPlan) -> Attempt {
    if let Some(url) = &d.discovery_url
        && let Some(t) = find(targets, Role::Vcs, |t| t.url == redact_urls(url))
    {
        match attempt_from(t, url) {
            Attempt::Served => {}
            Attempt::Failed(f, e) => {
                let network = matches!(f.layer, Layer::Dns | Layer::Tcp | Layer::Tls);
                let f = f.reclassified(if network {
                    Code::VcsUnreachable
                } else {
                    Code::VcsDiscoveryFailed
                });
                return Attempt::Failed(Box::new(f), discovery_error(&m.module, &e));
            }
            Attempt::NotFound(e) => {
                let f = Finding::of(Code::VcsDiscoveryFailed, e.clone())
                    .host(t.host.clone())
                    .param("url", t.url.clone())
                    .param("detail", e.clone());
                return Attempt::Failed(Box::new(f), discovery_error(&m.module, &e));
            }
            Attempt::Unknown => {}
        }
    }
    if let Some(t) = find(targets, Role::Vcs, |t| {
        t.git.is_some() && t.url == redact_urls(&d.git_url)
    }) && let Some(g) = &t.git
    {
        if g.status != Status::Ok {
            let e = g
                .error
                .as_ref()
                .map(|e| e.message.clone())
                .unwrap_or_default();
            let code = match g.error.as_ref().map(|e| e.kind) {
                Some(
                    GitError::AuthRequired
                    | GitError::AuthFailed
                    | GitError::SshAuth
                    | GitError::SshHostKey,
                ) => Code::VcsAuthRequired,
                Some(GitError::NotFound) => Code::VcsRepoNotFound,
                _ => Code::VcsUnreachable,
            };
            let f = Finding::of(
                code,
                format!("git ls-remote {}: {e}", redact_urls(&d.git_url)),
            )
            .host(d.git_host.clone())
            .param("git_url", d.git_url.clone())
            .param("detail", e.clone());
            return Attempt::Failed(
                Box::new(f),
                format!("git ls-remote -q origin in …: exit status 128:\n\t{e}"),
            );
        }
        return Attempt::Served;
    }
    if let Some(t) = find(targets, Role::Vcs, |t| {
        t.url == format!("{}:{}", d.git_host, d.git_port)
    }) {
        if let Some(l) = t.first_failure() {
            let f = failure_finding(t, l).reclassified(Code::VcsUnreachable);
            return Attempt::Failed(
                Box::new(f),
                format!(
                    "git ls-remote -q origin: {}",
                    l.error
                        .as_ref()
                        .map(|e| e.message.clone())
                        .unwrap_or_default()
                ),
            );
        }
        return Attempt::Served;
    }
    Attempt::Unknown
}

struct Walk {
    outcome: ModuleOutcome,
    root: Option<Finding>,
    secondary: Vec<Finding>,
}

/// TryProxies over the observations for one module.
fn walk_module(targets: &[Target], m: &ModulePlan, plan: &Plan) -> Walk {
    let from_gomod = plan.from_gomod;
    let mut out = ModuleOutcome {
        module: label(m),
        predicted: Predicted::Ok,
        via: None,
        error: None,
    };
    let mut secondary = Vec::new();
    // (finding, go error, is_direct)
    let mut last_err: Option<(Option<Finding>, String)> = None;
    let mut last_notfound: Option<String> = None;
    let mut direct_err: Option<(Finding, String)> = None;
    let steps: Vec<&Step> = m
        .route
        .iter()
        .filter(|s| !matches!(s, Step::Skipped { .. }))
        .collect();
    for (i, step) in steps.iter().enumerate() {
        let later_healthy = |targets: &[Target]| {
            steps[i + 1..].iter().any(|s| match s {
                Step::Proxy { proxy, .. } => {
                    proxy_target(targets, proxy, m).is_some_and(Target::ok)
                }
                Step::Direct(d) => matches!(direct_attempt(targets, m, d), Attempt::Served),
                _ => false,
            })
        };
        match step {
            Step::Skipped { .. } => {}
            Step::Off => {
                last_notfound = Some("module lookup disabled by GOPROXY=off".into());
                break;
            }
            Step::Direct(d) => {
                match direct_attempt(targets, m, d) {
                    Attempt::Served | Attempt::Unknown => {
                        out.via = Some("direct".into());
                        return Walk {
                            outcome: out,
                            root: None,
                            secondary,
                        };
                    }
                    Attempt::Failed(f, e) => direct_err = Some((*f, e)),
                    Attempt::NotFound(e) => last_notfound = Some(e),
                }
                break;
            }
            Step::Proxy {
                proxy,
                fall_through,
                ..
            } => {
                let go_url = go_module_url(proxy, m, plan.reads_mod_first);
                let target = proxy_target(targets, proxy, m);
                let attempt = target.map_or(Attempt::Unknown, |t| attempt_from(t, &go_url));
                match attempt {
                    Attempt::Served | Attempt::Unknown => {
                        out.via = Some(redact_urls(proxy));
                        if let Some((t, l)) = target.and_then(|t| t.first_failure().map(|l| (t, l)))
                        {
                            // Served, but so slowly that every download crawls.
                            let mut slow = failure_finding(t, l);
                            slow.severity = Severity::Warning;
                            secondary.push(slow);
                        }
                        if let Some((Some(f), _)) = &last_err {
                            // A `|` entry that failed first: go still succeeds, slower.
                            let mut s = f.clone().param("fell_through_to", proxy.clone());
                            s.severity = Severity::Warning;
                            s.message = format!(
                                "{} — go falls through to {} because of `|`, but tries (and waits for) the broken entry on every download",
                                s.message,
                                redact_urls(proxy)
                            );
                            secondary.push(s);
                        }
                        return Walk {
                            outcome: out,
                            root: None,
                            secondary,
                        };
                    }
                    Attempt::NotFound(e) => last_notfound = Some(e),
                    Attempt::Failed(f, e) => {
                        let stop = *fall_through == FallThrough::NotFoundOnly;
                        if stop && later_healthy(targets) {
                            secondary.push(
                                Finding::of(Code::GoproxyCommaNoFallthrough, format!(
                                    "{} fails ({}), and GOPROXY separates it from the next entry with `,`: go only moves on after 404/410, so it never reaches the healthy entry after it",
                                    redact_urls(proxy), f.code
                                ))
                                .with_severity(Severity::Warning)
                                .host(f.host.clone().unwrap_or_default())
                                .param("proxy", proxy.clone())
                                .param("cause", f.code.as_str()),
                            );
                        }
                        last_err = Some((Some(*f), e));
                        if stop {
                            break;
                        }
                    }
                }
            }
        }
    }
    out.predicted = Predicted::Fail;
    // go's choice of error: direct's, else the last real proxy error, else the last 404/410.
    let prefix = format!("go: {}: ", label(m));
    let (root, err) = match (direct_err, last_err, last_notfound) {
        (Some((f, e)), _, _) => (Some(f), e),
        (None, Some((f, e)), _) => (f, e),
        (None, None, Some(e)) => (None, e),
        (None, None, None) => (None, "no route".into()),
    };
    out.error = Some(
        if err == "module lookup disabled by GOPROXY=off"
            && from_gomod
            && (!plan.reads_mod_first || m.mod_cached)
        {
            format!("go: {err}")
        } else {
            format!("{prefix}{err}")
        },
    );
    let root = root.or_else(|| {
        // Every entry answered 404/410: the module is missing everywhere go looked.
        Some(
            Finding::of(
                Code::ModuleNotFound,
                format!(
                    "no entry of GOPROXY has {}: {}",
                    label(m),
                    out.error.clone().unwrap_or_default()
                ),
            )
            .host(m.host.clone())
            .param("module", label(m))
            .param("detail", out.error.clone().unwrap_or_default()),
        )
    });
    Walk {
        outcome: out,
        root,
        secondary,
    }
}

/// initBase over the observations: which route go takes to the checksum database. `lookup`
/// (module, version) names the record go asks for first, so a direct failure quotes go's URL.
fn walk_sumdb(
    targets: &[Target],
    plan: &Plan,
    lookup: Option<(&str, &str)>,
) -> (SumdbOutcome, Option<Finding>, Option<String>) {
    let ok = |via: String| {
        (
            SumdbOutcome {
                predicted: Predicted::Ok,
                via: Some(via),
            },
            None,
            None,
        )
    };
    for step in &plan.sumdb_route {
        match step {
            SumdbStep::ViaProxy {
                proxy,
                supported_url,
                fall_through,
                ..
            } => {
                let Some(t) = find(targets, Role::SumdbViaProxy, |t| {
                    t.url == redact_urls(supported_url)
                }) else {
                    continue;
                };
                let http_ok = t.layer(LayerName::Http).is_some_and(LayerResult::is_ok);
                if http_ok {
                    // 200 on supported: this proxy only, never the database directly.
                    return match t.layer(LayerName::Sumdb) {
                        Some(l) if l.status == Status::Ok => ok(redact_urls(proxy)),
                        Some(l) if l.status == Status::Skipped => ok(redact_urls(proxy)),
                        Some(l) => {
                            let mut f = failure_finding(t, l);
                            f.layer = Layer::Sumdb;
                            // The relay passed the database's own answers on: the database is
                            // the host at fault (docs/json-contract.md `host`).
                            if matches!(
                                f.code,
                                Code::SumdbSignatureInvalid | Code::SumdbLookupNotFound
                            ) && let Ok(SumDbSetting::Db(db)) = &plan.sumdb
                            {
                                f.host = Some(db.name.clone());
                            }
                            let e = l
                                .error
                                .as_ref()
                                .map(|e| e.message.clone())
                                .unwrap_or_default();
                            (
                                SumdbOutcome {
                                    predicted: Predicted::Fail,
                                    via: Some(redact_urls(proxy)),
                                },
                                Some(f),
                                Some(e),
                            )
                        }
                        None => ok(redact_urls(proxy)),
                    };
                }
                match attempt_from(t, supported_url) {
                    Attempt::NotFound(_) | Attempt::Unknown => continue,
                    Attempt::Failed(_, _) if *fall_through == FallThrough::AnyError => continue,
                    Attempt::Failed(f, e) => {
                        let f = f.reclassified(Code::SumdbProxyFailed);
                        return (
                            SumdbOutcome {
                                predicted: Predicted::Fail,
                                via: Some(redact_urls(proxy)),
                            },
                            Some(f),
                            Some(e),
                        );
                    }
                    Attempt::Served => return ok(redact_urls(proxy)),
                }
            }
            SumdbStep::Direct { url, .. } => {
                let latest = format!("{}/latest", url.trim_end_matches('/'));
                let Some(t) = find(targets, Role::Sumdb, |t| t.url == redact_urls(&latest)) else {
                    return ok(redact_urls(url));
                };
                if let Some(l) = t.first_failure() {
                    let mut f = failure_finding(t, l);
                    // go's client asks for the record first; /latest only after it.
                    let go_url = match lookup {
                        Some((m, v)) => format!(
                            "{}/lookup/{}@{}",
                            url.trim_end_matches('/'),
                            crate::plan::escape_path(m),
                            crate::plan::escape_path(v)
                        ),
                        None => latest.clone(),
                    };
                    let e = go_error(&go_url, t, l);
                    if l.kind() == Some(SumdbError::LookupNotFound.into()) {
                        f = f.reclassified(Code::SumdbLookupNotFound);
                    } else if l.layer != LayerName::Sumdb {
                        f = f.reclassified(Code::SumdbUnreachable);
                    }
                    f.layer = Layer::Sumdb;
                    return (
                        SumdbOutcome {
                            predicted: Predicted::Fail,
                            via: Some(redact_urls(url)),
                        },
                        Some(f),
                        Some(e),
                    );
                }
                return ok(redact_urls(url));
            }
        }
    }
    (
        SumdbOutcome {
            predicted: Predicted::Ok,
            via: None,
        },
        None,
        None,
    )
}

/// The toolchain download over the observations (docs/go/toolchains.md §6, §7): the zip from the
/// GOPROXY route (`,`/`|`/direct/off as for modules), then its checksum-database lookup.
/// Returns the root finding and go's error when the switch fails.
fn walk_toolchain(
    cfg: &Config,
    targets: &[Target],
    plan: &Plan,
    outcome: &mut predict::Outcome,
) -> Option<(Option<Finding>, String)> {
    let tp = plan.toolchain.as_ref()?;
    let tc = outcome.toolchain.as_mut()?;
    if tc.predicted != Predicted::Ok || tp.on_path.is_some() || tp.module_version.is_none() {
        return None;
    }
    let target = tc.target.clone().unwrap_or_default();
    let version = tp.module_version.clone().unwrap_or_default();
    walk_toolchain_download(
        cfg,
        targets,
        plan,
        &tp.route,
        (&target, &version),
        tp.sumdb_required,
        tc,
    )
}

/// The download of toolchain `target` (module version `version`) along `route`: the zip, then
/// its checksum-database lookup (Exec, select.go). Updates `tc`; on failure returns the root
/// finding and go's error.
fn walk_toolchain_download(
    cfg: &Config,
    targets: &[Target],
    plan: &Plan,
    route: &[Step],
    (target, version): (&str, &str),
    sumdb_required: bool,
    tc: &mut predict::ToolchainOutcome,
) -> Option<(Option<Finding>, String)> {
    let (target, version) = (target.to_owned(), version.to_owned());
    let (os, arch) = predict::goos_goarch();
    let mut real: Option<(Finding, String)> = None;
    let mut served: Option<String> = None;
    let zip_probe = |t: &&Target| {
        t.role == Role::Toolchain && t.context(|c| c.request) != Some(ToolchainRequest::List)
    };
    for step in route.iter().filter(|s| !matches!(s, Step::Skipped { .. })) {
        match step {
            Step::Proxy {
                proxy,
                url,
                fall_through,
                ..
            } => {
                let red = redact_urls(proxy);
                let zip = redact_urls(url);
                let Some(t) = targets.iter().filter(zip_probe).find(|t| t.url == zip) else {
                    served = Some(red);
                    break;
                };
                match attempt_from(t, url) {
                    Attempt::Served | Attempt::Unknown => {
                        served = Some(red);
                        break;
                    }
                    Attempt::NotFound(_) => {}
                    Attempt::Failed(f, e) => {
                        real = Some((*f, e));
                        if *fall_through == FallThrough::NotFoundOnly {
                            break;
                        }
                    }
                }
            }
            Step::Direct(_) => {
                // TryProxies: direct's error is the one go reports, whatever came before.
                // lookupDirect turns a failed go-get discovery of golang.org/toolchain into
                // "not exist" ("toolchain not available"); the zip from go.dev/dl/mod is then an
                // ordinary fetch whose errors go prints as they are.
                let discovery = targets
                    .iter()
                    .filter(zip_probe)
                    .find(|t| t.context(|c| c.step).is_some());
                let zip = targets
                    .iter()
                    .filter(zip_probe)
                    .find(|t| ctx_proxy(t) == Some("direct"));
                if let Some((t, l)) = discovery.and_then(|t| t.first_failure().map(|l| (t, l))) {
                    let mut f = failure_finding(t, l);
                    f.severity = Severity::Warning;
                    f.message = format!(
                        "{} (on the direct route to golang.org/toolchain, which go reports only as \"toolchain not available\")",
                        f.message
                    );
                    real = Some((f, String::new()));
                } else {
                    match zip.map_or(Attempt::Unknown, |t| attempt_from(t, &t.url)) {
                        Attempt::Served | Attempt::Unknown => served = Some("direct".into()),
                        Attempt::NotFound(_) => real = None,
                        Attempt::Failed(f, e) => real = Some((*f, e)),
                    }
                }
                break;
            }
            Step::Off | Step::Skipped { .. } => break,
        }
    }
    if let Some(via) = served {
        tc.via = Some(via);
        // Only a served zip is checked against the database (modfetch.Download, then
        // checkModSum): GOSUMDB=off fails it then, and only then.
        let sumdb_err = match &plan.sumdb {
            Ok(SumDbSetting::Off) => Some("checksum database disabled by GOSUMDB=off".to_owned()),
            Err(e) => Some(e.to_string()),
            _ => None,
        };
        if sumdb_required && let Some(e) = sumdb_err {
            let f = if matches!(plan.sumdb, Ok(SumDbSetting::Off)) {
                Finding::of(Code::ToolchainNeedsSumdb, format!("go must verify the {target} toolchain with the checksum database, which it does even with GOSUMDB=off: the switch fails"))
                    .param("target", target.clone())
                    .fixes(super::remedy::unset_go_env(cfg, "GOSUMDB", "turn the checksum database back on (keep private modules out of it with GONOSUMDB)"))
                    .fix(Remedy::note("or install the Go release go.mod asks for"))
            } else {
                Finding::of(Code::GosumdbMalformed, format!("GOSUMDB is not a value go accepts, and go must verify the {target} toolchain with the checksum database: {e}"))
                    .fixes(super::remedy::unset_go_env(cfg, "GOSUMDB", "restore the default"))
            };
            let msg = format!(
                "go: download {target}: golang.org/toolchain@{version}: verifying module: {e}"
            );
            tc.predicted = Predicted::Fail;
            tc.error = Some(msg.clone());
            return Some((Some(f), msg));
        }
        // Verified against the checksum database, for toolchains even with GOSUMDB=off or a
        // GONOSUMDB match; only a lone file:// GOPROXY is trusted as is.
        if sumdb_required
            && let (s, Some(f), err) =
                walk_sumdb(targets, plan, Some(("golang.org/toolchain", &version)))
            && s.predicted == Predicted::Fail
        {
            let e = err.unwrap_or_default();
            let e = if e.starts_with("golang.org/toolchain@") {
                e
            } else {
                format!("golang.org/toolchain@{version}: {e}")
            };
            let msg = format!(
                "go: download {target}: golang.org/toolchain@{version}: verifying module: {e}"
            );
            tc.predicted = Predicted::Fail;
            tc.error = Some(msg.clone());
            return Some((Some(f), msg));
        }
        return None;
    }
    tc.predicted = Predicted::Fail;
    let (root, msg) = match real {
        Some((f, e)) if !e.is_empty() => (
            f,
            format!("go: download {target}: golang.org/toolchain@{version}: {e}"),
        ),
        other => {
            let mut f = Finding::of(Code::ToolchainUnavailable, format!("no entry of GOPROXY serves toolchain {target} (golang.org/toolchain@{version})"))
                .param("target", target.clone())
                .fix(Remedy::note("install the Go release go.mod asks for, or use a GOPROXY entry that serves golang.org/toolchain"));
            if let Some((cause, _)) = other {
                f.evidence.push(cause.message.clone());
            }
            (
                f,
                crate::config::toolchain::not_available(&target, os, arch),
            )
        }
    };
    tc.error = Some(msg.clone());
    Some((Some(root), msg))
}

/// How a list walk ended (TryProxies over `golang.org/toolchain/@v/list`).
enum ListWalk {
    /// A list was served (or nothing probed the entry: offline assumptions apply).
    Served,
    /// go's error, ranked as TryProxies ranks it, with the finding that explains it (None: not
    /// found everywhere).
    Failed(Option<Box<Finding>>, String),
}

/// `autoToolchains`: TryProxies over the list route. "direct" errors win, then proxy errors
/// other than not-found, then not-found (docs/go/semantics.md §1).
fn walk_toolchain_list(targets: &[Target], route: &[Step]) -> ListWalk {
    const MODULE: &str = "module golang.org/toolchain";
    let mut best: Option<(Option<Box<Finding>>, String, u8)> = None;
    // Ranks: 0 not found (the last one wins), 1 other proxy errors (the last), 2 direct.
    let mut keep = |f: Option<Box<Finding>>, e: String, rank: u8| {
        let current = best.as_ref().map_or(0, |b| b.2);
        let take = match rank {
            2 => true,
            1 => current <= 1,
            _ => current == 0,
        };
        if take {
            best = Some((f, e, rank));
        }
    };
    for step in route.iter().filter(|s| !matches!(s, Step::Skipped { .. })) {
        match step {
            Step::Proxy {
                url, fall_through, ..
            } => {
                let Some(t) = crate::probe::toolchain::list_target(targets, step) else {
                    return ListWalk::Served;
                };
                match attempt_from(t, url) {
                    Attempt::Served | Attempt::Unknown => return ListWalk::Served,
                    Attempt::NotFound(e) => keep(None, format!("{MODULE}: {e}"), 0),
                    Attempt::Failed(f, e) => {
                        keep(Some(f), format!("{MODULE}: {e}"), 1);
                        if *fall_through == FallThrough::NotFoundOnly {
                            break;
                        }
                    }
                }
            }
            Step::Direct(d) => {
                // lookupDirect: a failed discovery is go's error as it is (ranked "direct").
                let discovery = d.discovery_url.as_deref().and_then(|u| {
                    let red = redact_urls(u);
                    targets
                        .iter()
                        .find(|t| t.role == Role::Toolchain && t.url == red)
                        .map(|t| (t, u))
                });
                if let Some((t, u)) = discovery
                    && let Some(l) = t.first_failure()
                {
                    let mut f = failure_finding(t, l);
                    f.layer = Layer::Vcs;
                    let e = discovery_error("golang.org/toolchain", &go_error(u, t, l));
                    keep(Some(Box::new(f)), e, 2);
                    break;
                }
                match crate::probe::toolchain::list_target(targets, step)
                    .map_or(Attempt::Unknown, |t| attempt_from(t, &d.repo_url))
                {
                    Attempt::Served | Attempt::Unknown => return ListWalk::Served,
                    Attempt::NotFound(e) => keep(None, format!("{MODULE}: {e}"), 2),
                    Attempt::Failed(f, e) => keep(Some(f), format!("{MODULE}: {e}"), 2),
                }
                break;
            }
            Step::Off => {
                keep(None, "module lookup disabled by GOPROXY=off".into(), 0);
                break;
            }
            Step::Skipped { .. } => {}
        }
    }
    match best {
        Some((f, e, _)) => ListWalk::Failed(f, e),
        None => ListWalk::Served,
    }
}

/// A switch in the middle of `go mod download` (docs/go/toolchains.md §5): a dependency's go line
/// needs a newer go than the one running. GOTOOLCHAIN=local fails with the dependency's error;
/// auto lists `golang.org/toolchain` along GOPROXY, picks a release and downloads it as at
/// startup; path looks in PATH. Sets `outcome.toolchain`; on failure returns the root finding
/// and go's error.
fn walk_mid_command(
    cfg: &Config,
    targets: &[Target],
    plan: &Plan,
    outcome: &mut Outcome,
) -> Option<(Option<Finding>, String)> {
    use crate::config::toolchain::{self, Gover, Mode};
    let tp = plan.toolchain.as_ref()?;
    let mc = tp.mid_command.as_ref()?;
    let tn = crate::probe::toolchain::too_new(mc, targets)?;
    let local = Gover::parse(&mc.local)?;
    let need = tn.need.to_string();
    let too_new = format!(
        "go: {}: {}",
        tn.label,
        toolchain::dependency_too_new(
            &tn.what(),
            &tn.need,
            &local,
            &mc.gotoolchain,
            mc.lines.as_ref()
        )
    );
    let mut tc = predict::ToolchainOutcome {
        needed: true,
        target: None,
        predicted: Predicted::Ok,
        via: None,
        error: None,
        path: None,
        required_by: Some(predict::RequiredBy {
            module: tn.label.clone(),
            go: need.clone(),
        }),
    };
    let result = (|| {
        let failed = |f: Finding, e: String| Some((Some(f), e));
        let switching = |e: &str| format!("{too_new}\ngo: switching to go >= {need}: {e}");
        let list_failure = match mc.mode {
            Mode::Auto => match walk_toolchain_list(targets, &mc.list_route) {
                ListWalk::Served => None,
                ListWalk::Failed(f, e) => Some((f, e)),
            },
            Mode::Path => None,
            Mode::Local => {
                let f = Finding::of(
                    Code::ToolchainDependencyTooNew,
                    format!(
                        "{} needs go >= {need} and GOTOOLCHAIN={} keeps go {local}: go stops while loading the module graph",
                        tn.label, mc.gotoolchain
                    ),
                )
                .param("module", tn.label.clone())
                .param("need", need.clone())
                .fixes(set_go_env(cfg, "GOTOOLCHAIN", "auto", "let go download the toolchain it needs"))
                .fix(Remedy::note("or install that Go release"));
                return failed(f, too_new.clone());
            }
        };
        let proxy_off = matches!(
            mc.list_route
                .iter()
                .find(|s| !matches!(s, Step::Skipped { .. })),
            Some(Step::Off)
        );
        if let Some((f, e)) = list_failure {
            let f = match f {
                Some(f) => *f,
                // Settings alone: the same finding (and fix) as the configuration rule's.
                None if proxy_off => Finding::of(
                    Code::GoproxyOff,
                    format!("GOPROXY=off: go cannot list the golang.org/toolchain releases {} needs (go >= {need})", tn.label),
                )
                .fixes(set_go_env(cfg, "GOPROXY", super::config_rules::DEFAULT_GOPROXY, "let go download modules")),
                None => Finding::of(
                    Code::ToolchainUnavailable,
                    format!("{} needs go >= {need}, and no entry of GOPROXY lists golang.org/toolchain versions", tn.label),
                )
                .param("target", format!("go >= {need}"))
                .fix(Remedy::note("install the needed Go release, or use a proxy that serves golang.org/toolchain")),
            };
            return failed(f, switching(&e));
        }
        let Some(candidates) = crate::probe::toolchain::candidates(mc, targets) else {
            // Nothing probed the list: offline assumptions apply.
            return None;
        };
        let name = match toolchain::newer_toolchain(&tn.need, &candidates) {
            Ok(n) => n,
            Err(e) => {
                let f = if mc.mode == Mode::Path {
                    Finding::of(Code::ToolchainNotInPath, format!("{} needs go >= {need} and GOTOOLCHAIN={} only looks for it in PATH, where there is none", tn.label, mc.gotoolchain))
                } else {
                    Finding::of(Code::ToolchainUnavailable, format!("{} needs go >= {need}, and the golang.org/toolchain list go gets has no such release", tn.label))
                        .fix(Remedy::note("install the needed Go release, or use a proxy that serves golang.org/toolchain"))
                }
                .param("target", format!("go >= {need}"));
                return failed(f, switching(&e));
            }
        };
        // Each switch: PATH first, else the download along the route. The new go loads the
        // module graph again, and a dependency that needs still more makes it switch once
        // more, from the same list (at most a few times).
        let mut log = String::new();
        let mut step = (tn.clone(), name);
        for _ in 0..8 {
            let (why, name) = &step;
            log.push_str(&format!(
                "go: {} requires go >= {}; switching to {name}\n",
                why.what(),
                why.need
            ));
            tc.target = Some(name.clone());
            tc.via = None;
            tc.path = None;
            if let Some(p) = cfg.env.look_path_absolute(name) {
                tc.via = Some("PATH".into());
                tc.path = Some(p.display().to_string());
            } else if mc.mode == Mode::Path {
                // Counted from a PATH listing, but exec.LookPath does not find that name.
                let f = Finding::of(Code::ToolchainNotInPath, format!("{} needs go >= {}; go picks {name} from PATH, but cannot run it from there", why.label, why.need))
                    .param("target", name.clone());
                return failed(f, format!("{log}go: cannot find \"{name}\" in PATH"));
            } else {
                let version = toolchain::module_version(name);
                let route = mc.zip_route(&version);
                if let Some((f, e)) = walk_toolchain_download(
                    cfg,
                    targets,
                    plan,
                    &route,
                    (name, &version),
                    tp.sumdb_required,
                    &mut tc,
                ) {
                    return Some((f, format!("{log}{e}")));
                }
            }
            let running = toolchain::from_toolchain(name)?;
            let Some(next) = crate::probe::toolchain::too_new_for(mc, targets, &running) else {
                break;
            };
            match toolchain::newer_toolchain(&next.need, &candidates) {
                Ok(n) if Some(&n) != tc.target.as_ref() => step = (next, n),
                Ok(_) => break,
                Err(e) => {
                    let f = Finding::of(
                        Code::ToolchainUnavailable,
                        format!(
                            "{} needs go >= {}, and the toolchain list has no such release",
                            next.label, next.need
                        ),
                    )
                    .param("target", format!("go >= {}", next.need));
                    let child = toolchain::dependency_too_new(
                        &next.what(),
                        &next.need,
                        &running,
                        &mc.gotoolchain,
                        None,
                    );
                    return failed(
                        f,
                        format!(
                            "{log}go: {}: {child}\ngo: switching to go >= {}: {e}",
                            next.label, next.need
                        ),
                    );
                }
            }
        }
        None
    })();
    if let Some((_, e)) = &result {
        tc.predicted = Predicted::Fail;
        tc.error = Some(e.clone());
    }
    outcome.toolchain = Some(tc);
    result
}

/// The switch go makes in the middle of the command, when it succeeds (or is assumed to).
fn mid_command_switch(outcome: &Outcome) -> Option<Finding> {
    let tc = outcome
        .toolchain
        .as_ref()
        .filter(|t| t.predicted == Predicted::Ok)?;
    let by = tc.required_by.as_ref()?;
    let to = match &tc.target {
        Some(t) => t.clone(),
        None => "the release it picks from golang.org/toolchain/@v/list".into(),
    };
    let mut f = Finding::of(
        Code::ToolchainMidCommandSwitch,
        format!(
            "{} needs go >= {}: go mod download starts with the running go and switches to {to} in the middle of the command{}",
            by.module,
            by.go,
            tc.via
                .as_ref()
                .map(|v| format!(" (via {v})"))
                .unwrap_or_default()
        ),
    )
    .param("module", by.module.clone())
    .param("need", by.go.clone());
    if let Some(t) = &tc.target {
        f = f.param("target", t.clone());
    }
    Some(f)
}

/// A mid-command switch from what is known without the network: go lines of go.mod files
/// already in the module cache, GOTOOLCHAIN, PATH. Returns the findings to add.
/// go gets as far as loading the module graph, where a dependency's go line counts: the startup
/// switch (if any) worked, no setting stopped go first, and go.mod files verify. Failures of the
/// later downloads (GOPROXY=off included) come after it. The one rule, online and offline.
fn loads_module_graph(cfg: &Config, plan: &Plan, outcome: &Outcome) -> bool {
    outcome
        .toolchain
        .as_ref()
        .is_none_or(|t| t.predicted == Predicted::Ok)
        && outcome.sumdb.predicted == Predicted::Ok
        && predict::fatal_config_error(cfg).is_none()
        && plan.proxy_list.is_ok()
}

pub fn mid_command_offline(cfg: &Config, plan: &Plan, outcome: &mut Outcome) -> Vec<Finding> {
    if !loads_module_graph(cfg, plan, outcome) {
        return Vec::new();
    }
    match walk_mid_command(cfg, &[], plan, outcome) {
        Some((f, err)) => {
            for m in &mut outcome.modules {
                m.predicted = Predicted::Fail;
                m.error = Some(err.clone());
            }
            outcome.predicted = Predicted::Fail;
            outcome.root_cause_code = f.as_ref().map(|f| f.code);
            f.into_iter().collect()
        }
        None => mid_command_switch(outcome).into_iter().collect(),
    }
}

pub fn predict(cfg: &Config, plan: &Plan, targets: &[Target]) -> Observed {
    let mut outcome = predict::predict_offline(cfg, plan);
    outcome.assumes_network_ok = false;
    let mut findings: Vec<Finding> = Vec::new();
    let mut root: Option<Finding> = None;
    let mut config_failed = outcome.predicted == Predicted::Fail;
    // GOSUMDB=off (or malformed) fails a toolchain switch only once its zip was served: the
    // download walk decides, the settings alone do not.
    let sumdb_setting_failed = matches!(
        outcome.root_cause_code,
        Some(Code::ToolchainNeedsSumdb | Code::GosumdbMalformed)
    );
    if let Some(tc) = outcome.toolchain.as_mut().filter(|t| {
        sumdb_setting_failed
            && t.error
                .as_deref()
                .is_some_and(|e| e.contains(": verifying module: "))
    }) {
        tc.predicted = Predicted::Ok;
        tc.error = None;
    }
    // A toolchain switch happens first (toolchain.Select runs before GOFLAGS and go.mod are
    // read); when it fails, go never reaches a module nor those settings.
    let switch_planned = outcome
        .toolchain
        .as_ref()
        .is_some_and(|t| t.predicted == Predicted::Ok);
    let mut toolchain_failed = false;
    if (!config_failed || switch_planned)
        && let Some((f, err)) = walk_toolchain(cfg, targets, plan, &mut outcome)
    {
        config_failed = false;
        toolchain_failed = true;
        for m in &mut outcome.modules {
            m.predicted = Predicted::Fail;
            m.error = Some(err.clone());
        }
        root = f.clone();
        findings.extend(f);
    }
    if !config_failed && !toolchain_failed {
        for (i, m) in plan.modules.iter().enumerate() {
            let w = walk_module(targets, m, plan);
            for s in w.secondary {
                if !findings
                    .iter()
                    .any(|f| f.code == s.code && f.host == s.host)
                {
                    findings.push(s);
                }
            }
            if let Some(r) = w.root {
                if root.is_none() {
                    root = Some(r.clone());
                }
                if !findings
                    .iter()
                    .any(|f| f.code == r.code && f.host == r.host)
                {
                    findings.push(r);
                }
            }
            outcome.modules[i] = w.outcome;
        }
        // go verifies what it downloaded: the checksum route matters only for modules it gets.
        let fetched = plan
            .modules
            .iter()
            .zip(&outcome.modules)
            .any(|(m, o)| m.needs_sumdb && o.predicted == Predicted::Ok);
        if fetched {
            let (s, f, _) = walk_sumdb(targets, plan, None);
            // A lookup the database answered 404/410 fails that module only.
            let missing = f
                .as_ref()
                .filter(|f| f.code == Code::SumdbLookupNotFound)
                .and_then(|_| {
                    targets.iter().find_map(|t| {
                        Some(
                            t.layer(LayerName::Sumdb)?
                                .detail
                                .as_sumdb()?
                                .lookup
                                .as_ref()?
                                .module
                                .clone(),
                        )
                    })
                });
            if s.predicted == Predicted::Fail {
                for (i, m) in plan.modules.iter().enumerate() {
                    if !m.needs_sumdb
                        || outcome.modules[i].predicted != Predicted::Ok
                        || missing.as_ref().is_some_and(|lm| *lm != label(m))
                    {
                        continue;
                    }
                    let lookup = m.version.as_deref().map(|v| (m.module.as_str(), v));
                    let e = walk_sumdb(targets, plan, lookup).2.unwrap_or_default();
                    // go verifies the go.mod first: the client names it `path@version/go.mod`.
                    let e = match e.strip_prefix(&format!("{}: ", label(m))) {
                        Some(rest) => format!("{}/go.mod: {rest}", label(m)),
                        None => format!("{}/go.mod: {e}", label(m)),
                    };
                    outcome.modules[i].predicted = Predicted::Fail;
                    outcome.modules[i].error =
                        Some(format!("go: {}: verifying go.mod: {e}", label(m)));
                }
            }
            if let Some(mut f) = f {
                // A module the database does not know, fetched by path: a private module sent to
                // the public checksum database. Settings alone are at fault: layer config, no host.
                if f.code == Code::SumdbLookupNotFound
                    && let Some(m) = plan.modules.iter().find(|m| {
                        m.needs_sumdb
                            && missing.as_ref().is_none_or(|lm| *lm == label(m))
                            && private_hint(&m.host, &cfg.netrc.machines).is_some()
                    })
                {
                    f.code = Code::PrivateModuleNotPrivate;
                    f.layer = Layer::Config;
                    f.host = None;
                    f.remediation.clear();
                    f = f.param("host", m.host.clone()).fixes(set_go_env(cfg, "GOPRIVATE", &m.host, "mark it private: fetched directly, never sent to the public proxy or checksum database"));
                }
                if root.is_none() {
                    root = Some(f.clone());
                }
                findings.push(f);
            }
            outcome.sumdb = s;
        }
    }
    // Loading the module graph read every go.mod: a go line newer than the running go makes go
    // fail or switch toolchains before it downloads anything else.
    // (A go.mod go read, from the module cache or the network, decides before any download
    // fails — not before its own verification against the checksum database; a switch, once
    // made, leaves the downloads to the new go.)
    if !toolchain_failed
        && loads_module_graph(cfg, plan, &outcome)
        && let Some((f, err)) = walk_mid_command(cfg, targets, plan, &mut outcome)
    {
        // It decides before a download failure the settings predicted (GOPROXY=off).
        config_failed = false;
        toolchain_failed = true;
        for m in &mut outcome.modules {
            m.predicted = Predicted::Fail;
            m.error = Some(err.clone());
        }
        if let Some(f) = f {
            root = Some(f.clone());
            findings.retain(|x| !(x.code == f.code && x.host == f.host));
            findings.push(f);
        }
    }
    findings.extend(mid_command_switch(&outcome));
    // Observations off the route go takes: secondary, and only when not already explained.
    for t in targets {
        let Some(l) = t.first_failure() else { continue };
        let f = failure_finding(t, l);
        if findings
            .iter()
            .any(|x| x.host == f.host && x.layer == f.layer)
            || l.kind().is_some_and(ProbeError::is_not_found)
        {
            continue;
        }
        let mut f = f.param("off_route", "true");
        f.severity = Severity::Info;
        f.message = format!(
            "{} (not on the route go takes for the planned modules)",
            f.message
        );
        findings.push(f);
    }
    for t in targets {
        if let Some(dns) = t.layer(LayerName::Dns)
            && let Some(cmp) = dns.detail.as_dns().and_then(|d| d.comparison.as_ref())
            && cmp.iter().any(|c| c.agrees == Some(false))
            && !findings
                .iter()
                .any(|f| f.code == Code::DnsPoisoned && f.host.as_deref() == Some(&t.host))
        {
            findings.push(Finding::of(Code::DnsPoisoned, format!("the system resolver and an encrypted resolver disagree about {}: the plain DNS answer may be forged in transit", t.host)).with_severity(Severity::Warning).host(t.host.clone()));
        }
        if let Some(skew) = t
            .layer(LayerName::Http)
            .and_then(|h| h.detail.as_http()?.response.as_ref()?.date_skew_s)
            && skew.abs() > 300
            && !findings.iter().any(|f| f.code == Code::ClockSkew)
        {
            findings.push(Finding::of(Code::ClockSkew, format!("{} says the time is {skew:+} s from this machine's clock: certificates may look expired or not yet valid", t.host)).host(t.host.clone()).param("skew_s", format!("{skew:+}")).fix(Remedy::run("check the system clock", "timedatectl status")));
        }
    }
    let failed = outcome
        .modules
        .iter()
        .any(|m| m.predicted == Predicted::Fail)
        || outcome.sumdb.predicted == Predicted::Fail
        || toolchain_failed
        || config_failed;
    outcome.predicted = if failed {
        Predicted::Fail
    } else {
        Predicted::Ok
    };
    let root_host = if config_failed {
        None
    } else {
        root.as_ref().and_then(|r| r.host.clone())
    };
    if !config_failed {
        outcome.root_cause_code = if failed {
            root.as_ref().map(|r| r.code)
        } else {
            None
        };
        // The root replaces its deduplicated twin (a warning of the same code and host).
        if let Some(r) = root.as_mut() {
            super::remediation::attach(cfg, targets, r);
            if let Some(f) = findings
                .iter_mut()
                .find(|f| f.code == r.code && f.host == r.host)
            {
                *f = r.clone();
            }
        }
        for f in findings.iter_mut() {
            super::remediation::attach(cfg, targets, f);
        }
    }
    Observed {
        outcome,
        findings,
        root_host,
    }
}

#[cfg(test)]
mod tests {
    //! go's walk (docs/go/semantics.md §1 "Fall-through", "Which error is reported"; §3 "Choosing
    //! the URL") over synthetic observations.
    use super::*;
    use crate::config::LoadOptions;
    use crate::config::env::Environment;
    use crate::probe::LayerResult as L;
    use crate::probe::evidence::{
        BogusAddress, ConnectEvidence, DnsEvidence, GoModFetch, HttpEvidence, ProbeStep,
    };
    use crate::probe::{Evidence, TargetContext};
    use std::time::Duration;

    fn cfg(pairs: &[(&str, &str)]) -> Config {
        let dir = tempfile::tempdir().unwrap();
        let mut all = vec![("HOME", "/nonexistent-home")];
        all.extend_from_slice(pairs);
        Config::load(
            Environment::from_pairs(all),
            &LoadOptions {
                dir: dir.path().to_owned(),
                tool_deadline: Duration::from_secs(2),
            },
        )
    }

    /// A project with this go.mod and these settings (no go on PATH: the current release's rules).
    fn cfg_with_gomod(gomod: &str, pairs: &[(&str, &str)]) -> Config {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("go.mod"), gomod).unwrap();
        let mut all = vec![("HOME", "/nonexistent-home")];
        all.extend_from_slice(pairs);
        Config::load(
            Environment::from_pairs(all),
            &LoadOptions {
                dir: dir.path().to_owned(),
                tool_deadline: Duration::from_secs(2),
            },
        )
    }

    fn plan(cfg: &Config) -> Plan {
        Plan::build(cfg, &["example.com/m@v1.0.0".to_owned()])
    }

    fn ms() -> Duration {
        Duration::from_millis(5)
    }

    fn ok_layers() -> Vec<L> {
        vec![
            L::ok(LayerName::Dns, ms(), Evidence::empty()),
            L::ok(LayerName::Tcp, ms(), Evidence::empty()),
            L::ok(LayerName::Tls, ms(), Evidence::empty()),
            L::ok(LayerName::Http, ms(), HttpEvidence::status(200)),
        ]
    }

    fn failing(kind: impl Into<ProbeError>, status: Option<u16>) -> Vec<L> {
        let kind = kind.into();
        let mut v: Vec<L> = ok_layers()
            .into_iter()
            .take_while(|l| l.layer != kind.layer())
            .collect();
        let detail = status.map_or(Evidence::empty(), |s| HttpEvidence::status(s).into());
        v.push(L::fail(ms(), kind, format!("{kind} happened"), detail));
        v
    }

    fn context(
        proxy: Option<&str>,
        module: &str,
        request: Option<ToolchainRequest>,
    ) -> Option<TargetContext> {
        Some(TargetContext {
            proxy: proxy.map(str::to_owned),
            module: Some(module.to_owned()),
            request,
            ..TargetContext::default()
        })
    }

    /// A go.mod the probe read through the proxy: its status and go line.
    fn go_mod(module: &str, version: &str, status: u16, go: Option<&str>) -> GoModFetch {
        GoModFetch {
            status: Some(status),
            go: go.map(|g| Some(g.to_owned())),
            ..GoModFetch::new(module, version)
        }
    }

    fn set_go_mods(t: &mut Target, mods: Vec<GoModFetch>) {
        t.layers[3].detail.as_http_mut().unwrap().go_mods = Some(mods);
    }

    fn proxy_target(proxy: &str, layers: Vec<L>) -> Target {
        Target {
            url: format!("{proxy}/example.com/m/@v/list"),
            role: Role::Proxy,
            host: crate::config::gourl::parse(proxy)
                .unwrap()
                .hostname()
                .to_owned(),
            via_proxy: None,
            layers,
            context: context(Some(proxy), "example.com/m", None),
            git: None,
        }
    }

    fn sumdb_target(role: Role, url: &str, layers: Vec<L>) -> Target {
        Target {
            url: url.to_owned(),
            role,
            host: crate::config::gourl::parse(url)
                .unwrap()
                .hostname()
                .to_owned(),
            via_proxy: None,
            layers,
            context: Some(TargetContext::default()),
            git: None,
        }
    }

    const A: &str = "https://a.example";
    const B: &str = "https://b.example";

    fn run(pairs: &[(&str, &str)], targets: Vec<Target>) -> Observed {
        let mut p = pairs.to_vec();
        if !p.iter().any(|(k, _)| *k == "GOSUMDB") {
            p.push(("GOSUMDB", "off"));
        }
        let c = cfg(&p);
        predict(&c, &plan(&c), &targets)
    }

    #[test]
    fn comma_falls_through_on_404_only() {
        let o = run(
            &[("GOPROXY", "https://a.example,https://b.example")],
            vec![
                proxy_target(A, failing(HttpError::NotFound, Some(404))),
                proxy_target(B, ok_layers()),
            ],
        );
        assert_eq!(o.outcome.predicted, Predicted::Ok);
        assert_eq!(o.outcome.modules[0].via.as_deref(), Some(B));

        let o = run(
            &[("GOPROXY", "https://a.example,https://b.example")],
            vec![
                proxy_target(A, failing(TcpError::Timeout, None)),
                proxy_target(B, ok_layers()),
            ],
        );
        assert_eq!(o.outcome.predicted, Predicted::Fail);
        assert_eq!(o.outcome.root_cause_code, Some(Code::TcpBlackhole));
        assert_eq!(o.root_host.as_deref(), Some("a.example"));
        assert!(
            o.findings
                .iter()
                .any(|f| f.code == Code::GoproxyCommaNoFallthrough)
        );
    }

    #[test]
    fn pipe_falls_through_on_any_error_but_costs_time() {
        let o = run(
            &[("GOPROXY", "https://a.example|https://b.example")],
            vec![
                proxy_target(A, failing(TlsError::ResetAfterClientHello, None)),
                proxy_target(B, ok_layers()),
            ],
        );
        assert_eq!(o.outcome.predicted, Predicted::Ok);
        assert_eq!(o.outcome.modules[0].via.as_deref(), Some(B));
        let w = o
            .findings
            .iter()
            .find(|f| f.code == Code::TlsResetAfterClienthello)
            .unwrap();
        assert_eq!(w.severity, Severity::Warning);
        assert_eq!(o.outcome.root_cause_code, None);
    }

    #[test]
    fn which_error_go_reports() {
        // Both 404/410: the last not-exist error (mod_proxy_list.txt: `410 Gone`).
        let o = run(
            &[("GOPROXY", "https://a.example,https://b.example")],
            vec![
                proxy_target(A, failing(HttpError::NotFound, Some(404))),
                proxy_target(B, failing(HttpError::NotFound, Some(410))),
            ],
        );
        assert_eq!(o.outcome.predicted, Predicted::Fail);
        assert_eq!(o.outcome.root_cause_code, Some(Code::ModuleNotFound));
        // A real error beats a later 404 after `|`.
        let o = run(
            &[("GOPROXY", "https://a.example|https://b.example")],
            vec![
                proxy_target(A, failing(HttpError::Status, Some(503))),
                proxy_target(B, failing(HttpError::NotFound, Some(404))),
            ],
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::HttpServerError));
        assert!(
            o.outcome.modules[0]
                .error
                .as_deref()
                .unwrap()
                .contains("status happened")
        );
        // A 500 after `,` stops the walk.
        let o = run(
            &[("GOPROXY", "https://a.example,https://b.example")],
            vec![
                proxy_target(A, failing(HttpError::Status, Some(500))),
                proxy_target(B, ok_layers()),
            ],
        );
        assert_eq!(o.outcome.predicted, Predicted::Fail);
    }

    #[test]
    fn direct_ends_the_list_and_gonoproxy_goes_direct() {
        let o = run(
            &[("GOPROXY", "https://a.example,direct")],
            vec![proxy_target(A, failing(HttpError::NotFound, Some(410)))],
        );
        assert_eq!(o.outcome.modules[0].via.as_deref(), Some("direct"));
        // GOPROXY=off with a GONOPROXY match: still fetched directly.
        let o = run(&[("GOPROXY", "off"), ("GONOPROXY", "example.com")], vec![]);
        assert_eq!(o.outcome.predicted, Predicted::Ok);
        assert_eq!(o.outcome.modules[0].via.as_deref(), Some("direct"));
        let o = run(&[("GOPROXY", "off")], vec![]);
        assert_eq!(o.outcome.predicted, Predicted::Fail);
    }

    #[test]
    fn sumdb_through_proxy_rules() {
        let sup = |p: &str| format!("{p}/sumdb/sum.golang.org/supported");
        let with_sumdb = |l: Vec<L>, sumdb: Option<L>| {
            let mut l = l;
            l.extend(sumdb);
            l
        };
        let env = [
            ("GOPROXY", "https://a.example,https://b.example"),
            ("GOSUMDB", "sum.golang.org"),
        ];
        // 200 on supported: that proxy only.
        let o = run(
            &env,
            vec![
                proxy_target(A, ok_layers()),
                sumdb_target(
                    Role::SumdbViaProxy,
                    &sup(A),
                    with_sumdb(
                        ok_layers(),
                        Some(L::ok(LayerName::Sumdb, ms(), Evidence::empty())),
                    ),
                ),
            ],
        );
        assert_eq!(o.outcome.sumdb.via.as_deref(), Some(A));
        // 404 on A, 404 on B: the database directly.
        let o = run(
            &env,
            vec![
                proxy_target(A, ok_layers()),
                sumdb_target(
                    Role::SumdbViaProxy,
                    &sup(A),
                    failing(HttpError::NotFound, Some(404)),
                ),
                sumdb_target(
                    Role::SumdbViaProxy,
                    &sup(B),
                    failing(HttpError::NotFound, Some(404)),
                ),
                sumdb_target(
                    Role::Sumdb,
                    "https://sum.golang.org/latest",
                    with_sumdb(
                        ok_layers(),
                        Some(L::ok(LayerName::Sumdb, ms(), Evidence::empty())),
                    ),
                ),
            ],
        );
        assert_eq!(
            o.outcome.sumdb.via.as_deref(),
            Some("https://sum.golang.org")
        );
        assert_eq!(o.outcome.predicted, Predicted::Ok);
        // 503 on supported after `,`: no direct fallback (mod_sumdb_proxy.txt).
        let o = run(
            &env,
            vec![
                proxy_target(A, ok_layers()),
                sumdb_target(
                    Role::SumdbViaProxy,
                    &sup(A),
                    failing(HttpError::Status, Some(503)),
                ),
                sumdb_target(Role::Sumdb, "https://sum.golang.org/latest", ok_layers()),
            ],
        );
        assert_eq!(o.outcome.predicted, Predicted::Fail);
        assert_eq!(o.outcome.root_cause_code, Some(Code::SumdbProxyFailed));
        // The same after `|`: on to the database.
        let env_pipe = [
            ("GOPROXY", "https://a.example|https://b.example"),
            ("GOSUMDB", "sum.golang.org"),
        ];
        let o = run(
            &env_pipe,
            vec![
                proxy_target(A, ok_layers()),
                sumdb_target(
                    Role::SumdbViaProxy,
                    &sup(A),
                    failing(HttpError::Status, Some(503)),
                ),
                sumdb_target(
                    Role::SumdbViaProxy,
                    &sup(B),
                    failing(HttpError::NotFound, Some(404)),
                ),
                sumdb_target(
                    Role::Sumdb,
                    "https://sum.golang.org/latest",
                    with_sumdb(
                        ok_layers(),
                        Some(L::ok(LayerName::Sumdb, ms(), Evidence::empty())),
                    ),
                ),
            ],
        );
        assert_eq!(o.outcome.predicted, Predicted::Ok, "{:?}", o.outcome);
        // The database unreachable directly: layer sumdb, host the database.
        let o = run(
            &env,
            vec![
                proxy_target(A, ok_layers()),
                sumdb_target(
                    Role::SumdbViaProxy,
                    &sup(A),
                    failing(HttpError::NotFound, Some(404)),
                ),
                sumdb_target(
                    Role::SumdbViaProxy,
                    &sup(B),
                    failing(HttpError::NotFound, Some(404)),
                ),
                sumdb_target(
                    Role::Sumdb,
                    "https://sum.golang.org/latest",
                    failing(TcpError::Timeout, None),
                ),
            ],
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::SumdbUnreachable));
        let root = o
            .findings
            .iter()
            .find(|f| f.code == Code::SumdbUnreachable)
            .unwrap();
        assert_eq!(
            (root.layer, root.host.as_deref()),
            (Layer::Sumdb, Some("sum.golang.org"))
        );
        // Forged tree head through the relay.
        let o = run(
            &env,
            vec![
                proxy_target(A, ok_layers()),
                sumdb_target(
                    Role::SumdbViaProxy,
                    &sup(A),
                    with_sumdb(
                        ok_layers(),
                        Some(L::fail(
                            ms(),
                            SumdbError::SignatureInvalid,
                            "bad",
                            Evidence::empty(),
                        )),
                    ),
                ),
            ],
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::SumdbSignatureInvalid));
    }

    #[test]
    fn proxy_auth_is_the_proxy_layer() {
        let via_proxy = |layer| L {
            peer: Some(Peer::HttpProxy),
            ..L::ok(layer, ms(), Evidence::empty())
        };
        let mut layers = vec![via_proxy(LayerName::Dns), via_proxy(LayerName::Tcp)];
        layers.push(L::fail(
            ms(),
            ProxyError::AuthRequired,
            "Proxy Authentication Required",
            ConnectEvidence {
                status: 407,
                status_line: String::new(),
                auth_schemes: Vec::new(),
                credentials_sent: false,
            },
        ));
        let mut t = proxy_target("https://proxy.golang.org", layers);
        t.via_proxy = Some("http://squid.corp.example:3128".into());
        let o = run(
            &[("HTTPS_PROXY", "http://squid.corp.example:3128")],
            vec![t],
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::ProxyAuthRequired));
        assert_eq!(o.root_host.as_deref(), Some("squid.corp.example"));
        let f = o
            .findings
            .iter()
            .find(|f| f.code == Code::ProxyAuthRequired)
            .unwrap();
        assert!(
            f.remediation[0]
                .command
                .as_deref()
                .unwrap()
                .contains("USER:PASSWORD@squid.corp.example:3128")
        );
    }

    /// A module whose go.mod asks for a Go newer than any installed (docs/go/toolchains.md §3, §6).
    fn toolchain_world(goproxy: &str, targets: Vec<Target>) -> Observed {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("go.mod"),
            "module m\n\ngo 1.99\n\nrequire example.com/m v1.0.0\n",
        )
        .unwrap();
        let env = Environment::from_pairs([
            ("HOME", "/nonexistent-home"),
            ("GOPROXY", goproxy),
            ("GOTOOLCHAIN", "auto"),
            ("GOSUMDB", "off"),
        ]);
        let c = Config::load(
            env,
            &LoadOptions {
                dir: dir.path().to_owned(),
                tool_deadline: Duration::from_secs(2),
            },
        );
        let p = Plan::build(&c, &[]);
        assert!(
            p.toolchain
                .as_ref()
                .is_some_and(|t| t.module_version.is_some()),
            "go 1.99 needs a switch"
        );
        predict(&c, &p, &targets)
    }

    fn toolchain_target(proxy: &str, layers: Vec<L>) -> Target {
        Target {
            url: format!("{proxy}/golang.org/toolchain/@v/v0.0.1-go1.99.0.linux-amd64.zip"),
            role: Role::Toolchain,
            host: crate::config::gourl::parse(proxy)
                .unwrap()
                .hostname()
                .to_owned(),
            via_proxy: None,
            layers,
            context: context(Some(proxy), "golang.org/toolchain", None),
            git: None,
        }
    }

    #[test]
    fn toolchain_switch_needs_the_checksum_database_even_with_gosumdb_off() {
        let o = toolchain_world("https://a.example", vec![toolchain_target(A, ok_layers())]);
        let tc = o.outcome.toolchain.as_ref().unwrap();
        assert_eq!(tc.predicted, Predicted::Fail);
        assert!(
            tc.error
                .as_deref()
                .unwrap()
                .ends_with("verifying module: checksum database disabled by GOSUMDB=off"),
            "{tc:?}"
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::ToolchainNeedsSumdb));
    }

    #[test]
    fn gosumdb_off_only_fails_a_toolchain_that_was_served() {
        // Verified with go1.27.3 (GOPROXY=file:///empty,off GOSUMDB=off): the zip comes first.
        let o = toolchain_world(
            "https://a.example",
            vec![toolchain_target(A, failing(HttpError::NotFound, Some(404)))],
        );
        let tc = o.outcome.toolchain.as_ref().unwrap();
        assert!(
            tc.error
                .as_deref()
                .unwrap()
                .ends_with("toolchain not available"),
            "{tc:?}"
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::ToolchainUnavailable));
    }

    #[test]
    fn toolchain_not_available_names_what_really_failed() {
        // GOSUMDB is on here; A has no such toolchain, and the direct route cannot resolve.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("go.mod"), "module m\n\ngo 1.99\n").unwrap();
        let env = Environment::from_pairs([
            ("HOME", "/nonexistent-home"),
            ("GOPROXY", "https://a.example,direct"),
            ("GOTOOLCHAIN", "auto"),
        ]);
        let c = Config::load(
            env,
            &LoadOptions {
                dir: dir.path().to_owned(),
                tool_deadline: Duration::from_secs(2),
            },
        );
        let p = Plan::build(&c, &[]);
        // go-get discovery of golang.org/toolchain fails: go calls that "not exist".
        let mut discovery =
            toolchain_target("https://golang.org", failing(DnsError::NxDomain, None));
        discovery.url = "https://golang.org/toolchain?go-get=1".into();
        discovery.context = Some(TargetContext {
            step: Some(ProbeStep::GoGetDiscovery),
            ..context(None, "golang.org/toolchain", None).unwrap()
        });
        let not_here = toolchain_target(A, failing(HttpError::NotFound, Some(404)));
        let o = predict(&c, &p, &[not_here.clone(), discovery.clone()]);
        let tc = o.outcome.toolchain.as_ref().unwrap();
        assert!(
            tc.error
                .as_deref()
                .unwrap()
                .ends_with("toolchain not available"),
            "{tc:?}"
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::ToolchainUnavailable));
        let root = o
            .findings
            .iter()
            .find(|f| f.code == Code::ToolchainUnavailable)
            .unwrap();
        assert_eq!(root.layer, Layer::Toolchain);
        assert!(
            root.evidence
                .iter()
                .any(|e| e.contains("nxdomain happened")),
            "{root:?}"
        );
        // Discovery answered, but the zip from go.dev cannot be fetched: go prints that error.
        let mut ok_discovery = discovery;
        ok_discovery.layers = ok_layers();
        let mut zip = toolchain_target("https://go.dev/dl/mod", failing(TcpError::Refused, None));
        zip.context = context(Some("direct"), "golang.org/toolchain", None);
        let o = predict(&c, &p, &[not_here, ok_discovery, zip]);
        let tc = o.outcome.toolchain.as_ref().unwrap();
        assert!(
            tc.error.as_deref().unwrap().starts_with(
                "go: download go1.99.0: golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64: Get \"https://go.dev/dl/mod/golang.org/toolchain/@v/"
            ),
            "{tc:?}"
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::TcpRefused));
        // A real error after `,` is reported as it is.
        let o = predict(
            &c,
            &p,
            &[toolchain_target(A, failing(TcpError::Refused, None))],
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::TcpRefused));
        assert!(
            o.outcome
                .modules
                .iter()
                .all(|m| m.predicted == Predicted::Fail)
        );
    }

    /// go.mod at go 1.21 requiring example.com/m, whose go.mod (probed through A) says `go`.
    fn mid_command_world(
        pairs: &[(&str, &str)],
        dep_go: &str,
        mut targets: Vec<Target>,
    ) -> Observed {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("go.mod"),
            "module m\n\ngo 1.21\n\nrequire example.com/m v1.0.0\n",
        )
        .unwrap();
        let mut all = vec![("HOME", "/nonexistent-home"), ("GONOSUMDB", "example.com")];
        all.extend_from_slice(pairs);
        let c = Config::load(
            Environment::from_pairs(all),
            &LoadOptions {
                dir: dir.path().to_owned(),
                tool_deadline: Duration::from_secs(2),
            },
        );
        let p = Plan::build(&c, &[]);
        let mut dep = proxy_target(A, ok_layers());
        set_go_mods(
            &mut dep,
            vec![go_mod("example.com/m", "v1.0.0", 200, Some(dep_go))],
        );
        targets.insert(0, dep);
        predict(&c, &p, &targets)
    }

    fn list_target(proxy: &str, layers: Vec<L>) -> Target {
        Target {
            url: format!("{proxy}/golang.org/toolchain/@v/list"),
            context: context(
                Some(proxy),
                "golang.org/toolchain",
                Some(ToolchainRequest::List),
            ),
            ..toolchain_target(proxy, layers)
        }
    }

    fn served_list(lines: &[&str]) -> Vec<L> {
        let mut l = ok_layers();
        let versions: Vec<&str> = lines
            .iter()
            .filter_map(|v| crate::config::toolchain::dl_to_go(v))
            .collect();
        l[3].detail.as_http_mut().unwrap().go_versions =
            Some(versions.iter().map(|v| (*v).to_owned()).collect());
        l
    }

    #[test]
    fn a_dependency_needing_newer_go_switches_mid_command_as_go_does() {
        let ab = [
            ("GOPROXY", "https://a.example,https://b.example"),
            ("GOTOOLCHAIN", "auto"),
        ];
        // A has no toolchain list, B lists go1.99.0 for linux/amd64 and go1.99.1 for
        // darwin/arm64 only: go merges the platforms, picks go1.99.1, and then finds no build.
        let version = crate::config::toolchain::module_version("go1.99.1");
        let zip = |proxy: &str| Target {
            url: format!("{proxy}/golang.org/toolchain/@v/{version}.zip"),
            context: context(
                Some(proxy),
                "golang.org/toolchain",
                Some(ToolchainRequest::Zip),
            ),
            ..toolchain_target(proxy, failing(HttpError::NotFound, Some(404)))
        };
        let o = mid_command_world(
            &ab,
            "1.99",
            vec![
                list_target(A, failing(HttpError::NotFound, Some(404))),
                list_target(
                    B,
                    served_list(&[
                        "v0.0.1-go1.99.0.linux-amd64",
                        "v0.0.1-go1.99.1.darwin-arm64",
                    ]),
                ),
                zip(A),
                zip(B),
            ],
        );
        let tc = o.outcome.toolchain.as_ref().unwrap();
        assert_eq!(tc.target.as_deref(), Some("go1.99.1"));
        let (os, arch) = predict::goos_goarch();
        assert_eq!(
            tc.error.as_deref().unwrap(),
            format!(
                "go: module example.com/m@v1.0.0 requires go >= 1.99; switching to go1.99.1\ngo: download go1.99.1 for {os}/{arch}: toolchain not available"
            )
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::ToolchainUnavailable));
        assert_eq!(o.outcome.predicted, Predicted::Fail);

        // A real error on the list after `,` stops the walk: go reports it after the dependency's.
        let o = mid_command_world(
            &ab,
            "1.99",
            vec![list_target(A, failing(TcpError::Refused, None))],
        );
        let e = o.outcome.toolchain.as_ref().unwrap().error.clone().unwrap();
        assert!(
            e.starts_with("go: example.com/m@v1.0.0: module example.com/m@v1.0.0 requires go >= 1.99 (running go ")
                && e.contains("\ngo: switching to go >= 1.99: module golang.org/toolchain: Get \"https://a.example/golang.org/toolchain/@v/list\": refused happened"),
            "{e}"
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::TcpRefused));

        // GOTOOLCHAIN=local: the dependency's error is go's last word.
        let o = mid_command_world(&[("GOTOOLCHAIN", "local")], "1.99", Vec::new());
        assert_eq!(
            o.outcome.root_cause_code,
            Some(Code::ToolchainDependencyTooNew)
        );
        assert!(
            o.outcome.modules[0]
                .error
                .as_deref()
                .unwrap()
                .ends_with("; GOTOOLCHAIN=local)")
        );

        // go lines below 1.21 never stop go, nor does the running go's own version.
        for go in ["1.20", "1.2", "", "banana"] {
            let o = mid_command_world(&[("GOTOOLCHAIN", "local")], go, Vec::new());
            assert_eq!(o.outcome.predicted, Predicted::Ok, "go {go}");
            assert!(o.outcome.toolchain.is_none(), "go {go}");
        }

        // A list served, a zip served: the switch succeeds and is reported as such.
        let ok_zip = Target {
            url: format!(
                "{A}/golang.org/toolchain/@v/{}.zip",
                crate::config::toolchain::module_version("go1.99.0")
            ),
            context: context(Some(A), "golang.org/toolchain", Some(ToolchainRequest::Zip)),
            ..toolchain_target(A, ok_layers())
        };
        let o = mid_command_world(
            &ab,
            "1.99",
            vec![
                list_target(A, served_list(&["v0.0.1-go1.99.0.linux-amd64"])),
                ok_zip,
            ],
        );
        assert_eq!(o.outcome.predicted, Predicted::Ok);
        let tc = o.outcome.toolchain.as_ref().unwrap();
        assert_eq!(tc.target.as_deref(), Some("go1.99.0"));
        assert!(
            o.findings
                .iter()
                .any(|f| f.code == Code::ToolchainMidCommandSwitch)
        );
    }

    #[test]
    fn a_failed_switch_is_reported_before_a_bad_goflags() {
        // toolchain.Select downloads before GOFLAGS is parsed: the network failure is go's error.
        let c = cfg_with_gomod(
            "module m\n\ngo 1.99\n",
            &[
                ("GOPROXY", A),
                ("GOTOOLCHAIN", "auto"),
                ("GOFLAGS", "bogus"),
            ],
        );
        let p = Plan::build(&c, &[]);
        let refused = toolchain_target(A, failing(TcpError::Refused, None));
        let o = predict(&c, &p, &[refused]);
        assert_eq!(o.outcome.root_cause_code, Some(Code::TcpRefused));
        assert!(
            o.outcome
                .toolchain
                .as_ref()
                .and_then(|t| t.error.as_deref())
                .is_some_and(|e| e.starts_with("go: download go1.99.0: ")),
            "{:?}",
            o.outcome.toolchain
        );
        // Served: then GOFLAGS stops the switched-to go.
        let o = predict(&c, &p, &[toolchain_target(A, ok_layers())]);
        assert_eq!(o.outcome.root_cause_code, Some(Code::GoflagsMalformed));
    }

    #[test]
    fn a_second_dependency_makes_the_new_go_switch_again() {
        // a.example/x needs 1.98, b.example/y 1.99: go switches to go1.98.5 (a sorts first),
        // which loads the graph again and switches to go1.99.0 — whose zip A does not have.
        let c = cfg_with_gomod(
            "module m\n\ngo 1.21\n\nrequire (\n\tb.example/y v1.0.0\n\ta.example/x v1.0.0\n)\n",
            &[
                ("GOPROXY", A),
                ("GOTOOLCHAIN", "auto"),
                ("GONOSUMDB", "a.example,b.example"),
            ],
        );
        let p = Plan::build(&c, &[]);
        let mut dep = proxy_target(A, ok_layers());
        set_go_mods(
            &mut dep,
            vec![
                go_mod("b.example/y", "v1.0.0", 200, Some("1.99")),
                go_mod("a.example/x", "v1.0.0", 200, Some("1.98")),
            ],
        );
        let zip = |name: &str, layers: Vec<L>| Target {
            url: format!(
                "{A}/golang.org/toolchain/@v/{}.zip",
                crate::config::toolchain::module_version(name)
            ),
            context: context(Some(A), "golang.org/toolchain", Some(ToolchainRequest::Zip)),
            ..toolchain_target(A, layers)
        };
        let targets = vec![
            dep,
            list_target(
                A,
                served_list(&["v0.0.1-go1.98.5.linux-amd64", "v0.0.1-go1.99.0.linux-amd64"]),
            ),
            zip("go1.98.5", ok_layers()),
            zip("go1.99.0", failing(HttpError::NotFound, Some(404))),
        ];
        let o = predict(&c, &p, &targets);
        let tc = o.outcome.toolchain.as_ref().unwrap();
        assert_eq!(tc.target.as_deref(), Some("go1.99.0"));
        let e = tc.error.as_deref().unwrap();
        assert!(
            e.starts_with("go: module a.example/x@v1.0.0 requires go >= 1.98; switching to go1.98.5\ngo: module b.example/y@v1.0.0 requires go >= 1.99; switching to go1.99.0\ngo: download go1.99.0 for "),
            "{e}"
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::ToolchainUnavailable));
    }

    #[test]
    fn a_go_mod_the_first_proxy_lacks_is_read_further_on() {
        // `,`: a 404 moves go to the next entry, where godoctor did not look: not read, and the
        // next dependency in order decides. A 500 stops go: no mid-command prediction.
        let run = |status: u16| {
            let c = cfg_with_gomod(
                "module m\n\ngo 1.21\n\nrequire (\n\ta.example/x v1.0.0\n\tb.example/y v1.0.0\n)\n",
                &[
                    ("GOPROXY", "https://a.example,https://b.example"),
                    ("GOTOOLCHAIN", "local"),
                    ("GONOSUMDB", "a.example,b.example"),
                ],
            );
            let p = Plan::build(&c, &[]);
            let mut dep = proxy_target(A, ok_layers());
            set_go_mods(
                &mut dep,
                vec![
                    go_mod("a.example/x", "v1.0.0", status, None),
                    go_mod("b.example/y", "v1.0.0", 200, Some("1.99")),
                ],
            );
            predict(&c, &p, &[dep]).outcome
        };
        assert_eq!(
            run(404).root_cause_code,
            Some(Code::ToolchainDependencyTooNew)
        );
        assert!(run(500).toolchain.is_none());
    }

    #[test]
    fn a_cached_go_line_decides_before_goproxy_off_online_too() {
        // Verified with go1.27.3 (offline_prediction): loading the graph from the module cache
        // meets the dependency's go line before any download could hit GOPROXY=off.
        let cache = tempfile::tempdir().unwrap();
        let dir = cache.path().join("cache/download/example.com/m/@v");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("v1.0.0.mod"), "module example.com/m\n\ngo 1.99\n").unwrap();
        let c = cfg_with_gomod(
            "module m\n\ngo 1.21\n\nrequire example.com/m v1.0.0\n",
            &[
                ("GOPROXY", "off"),
                ("GOSUMDB", "off"),
                ("GOTOOLCHAIN", "local"),
                ("GOMODCACHE", cache.path().to_str().unwrap()),
            ],
        );
        let o = predict(&c, &Plan::build(&c, &[]), &[]);
        assert_eq!(
            o.outcome.root_cause_code,
            Some(Code::ToolchainDependencyTooNew)
        );
    }

    #[test]
    fn poisoned_answer_that_leads_nowhere_is_dns() {
        let mut layers = vec![L::ok(
            LayerName::Dns,
            ms(),
            DnsEvidence {
                bogus: Some(vec![BogusAddress {
                    address: "10.10.10.10".into(),
                    reason: "private",
                }]),
                ..DnsEvidence::default()
            },
        )];
        layers.push(L::fail(
            ms(),
            TcpError::Timeout,
            "dial tcp 10.10.10.10:443: i/o timeout",
            Evidence::empty(),
        ));
        let o = run(
            &[("GOPROXY", "https://proxy.golang.org,direct")],
            vec![proxy_target("https://proxy.golang.org", layers)],
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::DnsPoisoned));
    }
}
