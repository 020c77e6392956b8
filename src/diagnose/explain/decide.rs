//! From a parsed chain to a verdict: which rule (and so which code and texts), the layer, the
//! host at fault, and — when the text cannot tell two causes apart — the one probe of `check`
//! that can. The route comes from the request that failed: a `/sumdb/<name>/` path or a
//! checksum database's host is the checksum route (its failures are `sumdb`'s, the relay's
//! host when a proxy relays it); `proxyconnect` blames the HTTP proxy; a 404/410 from the
//! public checksum database for a module it cannot see is a configuration problem; git's own
//! words are the `direct` route's.

use super::Probe;
use super::chain::{Chain, GitError, Link, NetError, TlsError, Url};
use super::rules::{self, Rule};
use crate::diagnose::{Code, Layer};

/// What the text says went wrong.
#[derive(Debug, Clone)]
pub(super) struct Decision {
    pub rule: &'static Rule,
    pub layer: Layer,
    pub host: Option<String>,
    pub probe: Option<Probe>,
}

/// Checksum databases known by their host (GOSUMDB names).
const SUMDB_HOSTS: &[&str] = &["sum.golang.org", "sum.golang.google.cn", "gosum.io"];

/// Where the failing request was going.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Route {
    /// The checksum database `db`, through `relay` when a proxy relays it.
    Sumdb { db: String, relay: Option<String> },
    /// go-get discovery (`?go-get=1`).
    Discovery,
    /// A module proxy (`/@v/`, `/@latest`) or anything else fetched over HTTP.
    Other,
}

fn rule(id: &str) -> &'static Rule {
    rules::all()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no explain rule {id}"))
}

fn verdict(id: &str, host: Option<String>) -> Decision {
    let rule = rule(id);
    Decision {
        rule,
        layer: rule.code.layer(),
        host,
        probe: None,
    }
}

impl Decision {
    fn layer(mut self, layer: Layer) -> Self {
        self.layer = layer;
        self
    }

    fn probe(mut self, layer: Layer) -> Self {
        if let Some(host) = &self.host {
            self.probe = Some(Probe {
                layer,
                host: host.clone(),
            });
        }
        self
    }
}

/// The paste sets HTTP_PROXY but not HTTPS_PROXY, and go failed to reach an https:// URL on
/// its own: go never used that proxy (it only applies to http:// URLs), so the setting is at
/// fault, not the network (for go, which ignores what curl and git would use).
pub(super) fn proxy_setting_ignored(d: &Decision, c: &Chain, paste: &str) -> Option<Decision> {
    let sets = |k: &str| {
        paste.contains(&format!("{k}=")) || paste.contains(&format!("{}=", k.to_lowercase()))
    };
    let direct_failure = matches!(d.layer, Layer::Tcp | Layer::Dns | Layer::Tls)
        && matches!(
            c.net(),
            Some(NetError::Timeout | NetError::Refused | NetError::Reset)
        );
    (sets("HTTP_PROXY") && !sets("HTTPS_PROXY") && direct_failure && c.url().is_some())
        .then(|| verdict("http-proxy-without-https-proxy", None).layer(Layer::Config))
}

/// The verdict on one error, or `None` when nothing in it is known.
pub(super) fn decide(c: &Chain) -> Option<Decision> {
    if let Some(r) = rules::MESSAGE_RULES
        .iter()
        .find(|r| !r.needles.is_empty() && r.needles.iter().all(|n| c.text.contains(n)))
    {
        return Some(message(r, c));
    }
    structural(c)
}

/// A message rule; the toolchain one says more when go.mod names a language version only.
fn message(r: &'static Rule, c: &Chain) -> Decision {
    let version = c.links.iter().find_map(|l| match l {
        Link::ToolchainNotAvailable(v) => Some(v.as_str()),
        _ => None,
    });
    let id = match version {
        Some(v) if r.id == "toolchain-unavailable" && is_language_version(v) => {
            "toolchain-unavailable-no-patch"
        }
        _ => r.id,
    };
    if r.code == Code::SumdbChecksumMismatch {
        // The database's record stands; what was served differs from it (re-tagged at the
        // origin, or altered on the way): the source of the bytes is at fault.
        let host = c.module.as_deref().map(module_host);
        return verdict(id, host).layer(Layer::Http);
    }
    let host = match r.code.layer() {
        Layer::Config | Layer::Toolchain => None,
        Layer::Sumdb => c
            .url()
            .map(|u| u.host.clone())
            .or_else(|| sumdb_named(&c.text)),
        _ => target_host(c),
    };
    verdict(id, host)
}

/// `go1.21`, `go1.22` (before go 1.21 the first release of a line had no `.0`): a language
/// version, which names no toolchain to download.
fn is_language_version(v: &str) -> bool {
    let v = v.trim_start_matches("go");
    let parts: Vec<&str> = v.split('.').collect();
    parts.len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && parts[1].parse::<u32>().is_ok_and(|minor| minor >= 21)
}

fn sumdb_named(text: &str) -> Option<String> {
    SUMDB_HOSTS
        .iter()
        .find(|h| text.contains(*h))
        .map(|h| (*h).to_owned())
}

fn route(c: &Chain) -> Route {
    if let Some(u) = c.url() {
        if let Some(db) = u.relayed_sumdb() {
            return Route::Sumdb {
                db: db.to_owned(),
                relay: Some(u.host.clone()),
            };
        }
        let db_path = ["/lookup/", "/tile/", "/latest"]
            .iter()
            .any(|p| u.path.starts_with(p));
        if SUMDB_HOSTS.contains(&u.host.as_str()) || (c.has(&Link::Verifying) && db_path) {
            return Route::Sumdb {
                db: u.host.clone(),
                relay: None,
            };
        }
        if u.path.contains("go-get=1") {
            return Route::Discovery;
        }
        return Route::Other;
    }
    let named = c
        .lookup()
        .map(str::to_owned)
        .or_else(|| c.dial().map(strip_port));
    if let Some(h) = named.filter(|h| SUMDB_HOSTS.contains(&h.as_str())) {
        return Route::Sumdb { db: h, relay: None };
    }
    if c.has(&Link::Discovery) {
        Route::Discovery
    } else {
        Route::Other
    }
}

fn strip_port(hostport: &str) -> String {
    match hostport.rsplit_once(':') {
        Some((h, p)) if p.bytes().all(|b| b.is_ascii_digit()) && !h.contains(':') => h.to_owned(),
        _ => hostport.trim_matches(['[', ']']).to_owned(),
    }
}

/// The host the failing request went to: the URL's, else the name looked up, else the
/// address dialled.
fn target_host(c: &Chain) -> Option<String> {
    c.url()
        .map(|u| u.host.clone())
        .or_else(|| c.lookup().map(str::to_owned))
        .or_else(|| c.dial().map(strip_port))
}

fn structural(c: &Chain) -> Option<Decision> {
    // A pasted server response (`not found: M@V: …`): the mirror's own fetch failed.
    if c.text.trim_start().starts_with("not found: ")
        && let Some(GitError::Unreachable | GitError::Transfer) = c.git()
    {
        let host = c.git_host().map(str::to_owned);
        return Some(verdict("vcs-unreachable-upstream", host));
    }
    if let Some(v) = invalid_version(c) {
        return Some(v);
    }
    if let Some(g) = c.git() {
        return Some(git(c, g));
    }
    if c.has(&Link::ProxyConnect) {
        // The address dialled after `proxyconnect` is the HTTP proxy's.
        let proxy = c
            .links
            .iter()
            .skip_while(|l| **l != Link::ProxyConnect)
            .find_map(|l| match l {
                Link::Dial(Some(a)) => Some(strip_port(a)),
                Link::Lookup(h) => Some(h.clone()),
                _ => None,
            });
        return Some(verdict("proxy-unreachable", proxy));
    }
    if c.has(&Link::ProxyRefused) && c.status().is_none() {
        return Some(verdict("proxy-forbidden", None));
    }
    if c.has(&Link::ProxyAuth) || c.status() == Some(407) {
        return Some(verdict("proxy-auth-required", None));
    }
    if let Route::Sumdb { db, relay } = route(c) {
        return sumdb(c, db, relay);
    }
    if let Some(d) = network(c) {
        return Some(d);
    }
    if let Some(code) = c.status() {
        return Some(status(c, code));
    }
    if c.has(&Link::Discovery) {
        let host = target_host(c).or_else(|| c.module.as_deref().map(module_host));
        let d = verdict("vcs-discovery-failed", host);
        // A go-import tag for another path: the module moved, go.mod names the old path.
        if c.text.contains("did not match import path") {
            return Some(d.layer(Layer::Config));
        }
        // The host answered, but with no usable go-import tag (an HTML error or block page).
        if c.text.contains("XML syntax error") || c.text.contains("no go-import meta tags") {
            return Some(d.layer(Layer::Http));
        }
        return Some(d);
    }
    None
}

fn module_host(m: &str) -> String {
    m.split(['/', '@']).next().unwrap_or(m).to_owned()
}

/// A version go's rules forbid, whatever the server said about it: v2+ without `/vN` in the
/// path nor `+incompatible`, a pseudo-version whose revision is not 12 hex digits, the
/// placeholder `v0.0.0-00010101000000-000000000000` a `replace` should have covered.
fn invalid_version(c: &Chain) -> Option<Decision> {
    let m = c.module.as_deref()?;
    let (path, version) = m.split_once('@')?;
    let major: u32 = version.strip_prefix('v')?.split('.').next()?.parse().ok()?;
    let path_major = path
        .rsplit('/')
        .next()
        .and_then(|last| last.strip_prefix('v'))
        .and_then(|n| n.parse::<u32>().ok());
    let gopkg = path.starts_with("gopkg.in/");
    if major >= 2 && path_major != Some(major) && !version.contains("+incompatible") && !gopkg {
        return Some(verdict("module-path-malformed-major", None));
    }
    let pseudo_rev = version
        .rsplit('-')
        .next()
        .filter(|_| version.matches('-').count() >= 2);
    let bad_pseudo = pseudo_rev.is_some_and(|r| {
        let r = r.split('+').next().unwrap_or(r);
        r.len() != 12 && r.bytes().all(|b| b.is_ascii_hexdigit())
    });
    if bad_pseudo || version.contains("00010101000000-000000000000") {
        return Some(verdict("vcs-unknown-revision", None).layer(Layer::Config));
    }
    None
}

/// A failure below HTTP: DNS, TCP, TLS, a stream cut.
fn network(c: &Chain) -> Option<Decision> {
    let host = target_host(c);
    if let Some(t) = c.tls() {
        return Some(tls(t, host));
    }
    let Some(net) = c.net() else {
        return c
            .has(&Link::Http2)
            .then(|| verdict("http-failed-stream", host).probe(Layer::Http));
    };
    // A name that failed to resolve is DNS's, whatever the URL was.
    if let Some(name) = c.lookup() {
        let name = Some(name.to_owned());
        match net {
            NetError::NoSuchHost => return Some(verdict("dns-nxdomain", name)),
            NetError::ServerMisbehaving => return Some(verdict("dns-servfail", name)),
            NetError::Timeout | NetError::Refused | NetError::Unreachable => {
                return Some(verdict("dns-timeout", name));
            }
            _ => {}
        }
    }
    let d = match net {
        NetError::NoSuchHost => verdict("dns-nxdomain", host),
        NetError::ServerMisbehaving => verdict("dns-servfail", host),
        NetError::TlsHandshakeTimeout => verdict("tls-handshake-timeout", host),
        NetError::Refused => verdict("tcp-refused", host),
        // `dial tcp: i/o timeout`: no address, so the resolver may have been the one silent.
        // `dial tcp: i/o timeout`: no address, so the name never resolved in time.
        NetError::Timeout if c.has(&Link::Dial(None)) && c.dial().is_none() => {
            verdict("dns-timeout", host).probe(Layer::Dns)
        }
        NetError::Timeout => verdict("tcp-blackhole", host),
        NetError::Unreachable if c.text.contains("no route to host") => {
            verdict("tcp-unreachable-host", host)
        }
        NetError::Unreachable => verdict("tcp-unreachable-network", host),
        // Cut by the server, or by a filter that reads the name in the TLS ClientHello: only
        // a TLS probe tells.
        NetError::Reset => verdict("tcp-reset", host).probe(Layer::Tls),
        NetError::Eof => verdict("tcp-reset-eof", host).probe(Layer::Tls),
    };
    Some(d)
}

fn tls(t: &TlsError, host: Option<String>) -> Decision {
    match t {
        TlsError::UnknownAuthority => verdict("tls-unknown-issuer-interception", host),
        TlsError::Expired => verdict("tls-expired", host),
        TlsError::NameMismatch { valid_for, wanted } => {
            let host = host.or_else(|| wanted.clone());
            // No names at all, or names of a blocking device or an internal host: a
            // resolver sent go elsewhere. A public site's names (a hosting platform's) mean
            // the host's own certificate is wrong.
            let blocker = |n: &String| {
                [
                    "sinkhole", "block", "filter", "firewall", "captive", "portal",
                ]
                .iter()
                .any(|w| n.contains(w))
                    || crate::plan::private_hint(
                        n.trim_start_matches("*."),
                        &crate::config::netrc::Machines::default(),
                    )
                    .is_some()
            };
            let unrelated = host.is_some()
                && (valid_for.is_empty() || valid_for.iter().any(blocker))
                && !valid_for
                    .iter()
                    .any(|n| host.as_deref().is_some_and(|h| same_site(n, h)));
            let d = verdict("tls-name-mismatch", host);
            // A certificate for an unrelated site (or for no name at all): another server
            // answers in this one's place, from a forged DNS answer or a resolver's block
            // page; the DNS probe shows the answer.
            if unrelated {
                d.layer(Layer::Dns).probe(Layer::Dns)
            } else {
                d
            }
        }
        TlsError::NoRoots => verdict("tls-no-roots", host),
        TlsError::NotTls => verdict("tls-not-tls", host),
        TlsError::Handshake => verdict("tls-handshake-failed", host),
    }
}

/// The last two labels agree (`*.golang.org` and `proxy.golang.org`).
fn same_site(a: &str, b: &str) -> bool {
    let site = |h: &str| {
        let labels: Vec<&str> = h.trim_start_matches("*.").rsplit('.').take(2).collect();
        labels.join(".")
    };
    site(a) == site(b)
}

/// An HTTP answer go refused (module proxy, go-get discovery, anything not the checksum route).
fn status(c: &Chain, code: u16) -> Decision {
    let host = c.url().map(|u| u.host.clone());
    let discovery = c.url().is_some_and(|u| u.path.contains("go-get=1"));
    match code {
        401 => verdict("http-unauthorized", host),
        // On a go-get lookup a 403 comes as often from a web proxy or filter in between as from
        // the origin; the HTTP probe shows whose answer it is.
        403 if discovery => verdict("http-forbidden", host).probe(Layer::Http),
        403 => verdict("http-forbidden", host),
        // The host no longer serves the path: its answer is at fault, not git.
        404 | 410 if discovery => verdict("vcs-discovery-failed", host).layer(Layer::Http),
        // The proxy's body names the origin's answer: no such revision there.
        404 | 410
            if c.response
                .as_deref()
                .is_some_and(|b| b.git() == Some(&GitError::UnknownRevision)) =>
        {
            verdict("vcs-unknown-revision", c.module.as_deref().map(module_host))
        }
        404 | 410 => verdict("module-not-found", host),
        429 => verdict("http-status-too-many-requests", host),
        500..=599 => verdict("http-server-error", host),
        _ => verdict("http-status", host),
    }
}

/// The checksum route: the database, or a proxy that relays it.
fn sumdb(c: &Chain, db: String, relay: Option<String>) -> Option<Decision> {
    let at_fault = relay.clone().unwrap_or_else(|| db.clone());
    let supported = c
        .url()
        .is_some_and(|u: &Url| u.path.ends_with("/supported"));
    let code = c.status();
    if supported && code.is_some() {
        return Some(verdict("sumdb-proxy-failed-supported", Some(at_fault)));
    }
    let lookup = c.url().is_some_and(|u| u.path.contains("/lookup/"));
    if let (Some(404 | 410), true) = (code, lookup) {
        return Some(not_in_database(c, &db));
    }
    if code.is_some() {
        let id = if relay.is_some() {
            "sumdb-proxy-failed"
        } else {
            "sumdb-failed"
        };
        return Some(verdict(id, Some(at_fault)));
    }
    if c.net().is_some() || c.tls().is_some() || c.has(&Link::Http2) {
        // The database itself out of reach: the layer that failed says more than "sumdb".
        if relay.is_none()
            && let Some(d) = network(c)
        {
            return Some(d);
        }
        return Some(verdict("sumdb-unreachable", Some(at_fault)));
    }
    None
}

/// A 404/410 for a lookup: the database could not fetch the module. Its body says why: a
/// module it cannot see (private: the settings are at fault), its own fetch from the origin
/// failing (that host is at fault), or a database that is itself broken.
fn not_in_database(c: &Chain, db: &str) -> Decision {
    let body = c.response.as_deref();
    let body_text = body.map_or("", |b| b.text.as_str());
    let public_db = db == "sum.golang.org" || db == "sum.golang.google.cn";
    let private = || {
        let id = if public_db {
            "private-module-not-private-public-sumdb"
        } else {
            "private-module-not-private"
        };
        verdict(id, None)
    };
    let private_looking = c.module.as_deref().is_some_and(|m| {
        crate::plan::private_hint(&module_host(m), &crate::config::netrc::Machines::default())
            .is_some()
    });
    if crate::diagnose::observe::database_cannot_see(body_text) || private_looking {
        return private();
    }
    if let Some(b) = body {
        let upstream = b
            .git_host()
            .map(str::to_owned)
            .or_else(|| target_host(b))
            .or_else(|| c.module.as_deref().map(module_host));
        let failed_upstream = b.git().is_some_and(|g| *g != GitError::UnknownRevision)
            || b.net().is_some()
            || b.tls().is_some()
            || b.status().is_some_and(|s| s >= 500);
        if failed_upstream {
            return verdict("vcs-unreachable-upstream", upstream);
        }
        if b.git() == Some(&GitError::UnknownRevision) || b.text.contains("invalid version") {
            return verdict("vcs-unknown-revision", upstream);
        }
    }
    // The public database answers "not found" above all for modules it cannot see.
    if public_db {
        return private();
    }
    // The database's own answer, even when relayed.
    verdict("sumdb-lookup-not-found", Some(db.to_owned()))
}

/// git's own failure on the `direct` route.
fn git(c: &Chain, g: &GitError) -> Decision {
    let host = c
        .git_host()
        .map(str::to_owned)
        .or_else(|| c.url().map(|u| u.host.clone()))
        .or_else(|| c.module.as_deref().map(module_host));
    // curl's and GnuTLS's words under git name the layer that failed.
    if matches!(g, GitError::Unreachable | GitError::Transfer) {
        let lower = c.text.to_ascii_lowercase();
        // ssh asked to resolve `host:path`: a malformed insteadOf, not DNS.
        let bogus_name = c.git_host().is_some_and(|h| h.contains(':'))
            || lower.contains("could not resolve hostname")
                && lower
                    .split("could not resolve hostname ")
                    .nth(1)
                    .and_then(|r| r.split(": ").next())
                    .is_some_and(|h| h.contains(':'));
        if bogus_name {
            return verdict("vcs-unreachable", host);
        }
        if lower.contains("could not resolve host") {
            return verdict("dns-nxdomain", host);
        }
        if ["gnutls", "ssl", "tls"].iter().any(|w| lower.contains(w)) {
            return verdict("tls-handshake-failed", host);
        }
        match c.net() {
            Some(NetError::Refused) => return verdict("tcp-refused", host),
            Some(NetError::Timeout) => return verdict("tcp-blackhole", host),
            Some(NetError::Reset) => return verdict("tcp-reset", host),
            _ => {}
        }
    }
    let id = match g {
        GitError::AuthPrompt => "vcs-auth-required-https",
        GitError::PublicKey => "vcs-auth-required-ssh-key",
        GitError::HostKey => "vcs-auth-required-host-key",
        GitError::RepoNotFound => "vcs-repo-not-found",
        GitError::CouldNotRead => "vcs-auth-required-access",
        GitError::Unreachable | GitError::Transfer => "vcs-unreachable",
        GitError::UnknownRevision => "vcs-unknown-revision",
        GitError::NotInstalled => "git-not-found",
    };
    verdict(id, host)
}

#[cfg(test)]
#[path = "decide_tests.rs"]
mod tests;
