//! One error of go's, read as the chain go builds it (modfetch, modload, web, vcs, net/http,
//! crypto/x509, crypto/tls, from go 1.11's GOPATH `go get` to today): `go: M@V: `,
//! `verifying …`, `reading URL`, `Get "URL"` (unquoted before go 1.14), `unexpected status
//! (URL): CODE` (go 1.12–1.13), `dial tcp ADDR`, `lookup HOST on NS`, `proxyconnect tcp`,
//! `x509:`/`tls:`, `git ls-remote` and git's own `fatal:` lines, `server response:` bodies (read
//! as a chain of their own), `toolchain not available`. Links keep the order they appear in.

/// A URL go fetched: its host (with a port that is not the scheme's) and its path and query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Url {
    pub host: String,
    pub path: String,
}

impl Url {
    /// `…/sumdb/<name>/…`: a proxy relaying the checksum database `name`.
    pub fn relayed_sumdb(&self) -> Option<&str> {
        let rest = &self.path[self.path.find("/sumdb/")? + "/sumdb/".len()..];
        rest.split('/').next().filter(|n| !n.is_empty())
    }
}

/// How the network call failed, in the words of Go's net package (or the OS under it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NetError {
    NoSuchHost,
    ServerMisbehaving,
    Refused,
    Reset,
    Timeout,
    Unreachable,
    Eof,
    TlsHandshakeTimeout,
}

/// What crypto/x509 or crypto/tls refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum TlsError {
    UnknownAuthority,
    Expired,
    /// `certificate is valid for A, B, not C`: the names the certificate has.
    NameMismatch {
        valid_for: Vec<String>,
        /// The name go wanted (`…, not HOST`, `wanted to match HOST`).
        wanted: Option<String>,
    },
    NoRoots,
    NotTls,
    Handshake,
}

/// What git said (after `git ls-remote …: exit status 128:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum GitError {
    /// A credential prompt go disabled; `host` from `for 'https://HOST'`.
    AuthPrompt,
    PublicKey,
    HostKey,
    RepoNotFound,
    CouldNotRead,
    /// curl's words under git: `Failed to connect to HOST port N`, `Could not resolve host`.
    Unreachable,
    UnknownRevision,
    NotInstalled,
    /// The transfer broke off (`RPC failed`, `early EOF`, `the remote end hung up`).
    Transfer,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Link {
    /// `verifying M@V` / `verifying module` / `verifying go.mod`: the checksum step.
    Verifying,
    /// A request go made (`reading`, `Get`, `unexpected status (…)`, git's `unable to access`).
    Fetch(Url),
    /// An HTTP status go was answered with.
    Status(u16),
    /// `dial tcp ADDR` (`None`: `dial tcp: …`, the name did not resolve or the dial timed out).
    Dial(Option<String>),
    /// `proxyconnect tcp`: what follows happened on the way to the HTTP proxy.
    ProxyConnect,
    ProxyAuth,
    /// A reason phrase without a status code (`Get URL: Forbidden`): net/http's words for an
    /// HTTP proxy that refused to CONNECT.
    ProxyRefused,
    /// `lookup HOST on NS` / `lookup HOST: …`.
    Lookup(String),
    Net(NetError),
    Tls(TlsError),
    /// An HTTP/2 stream reset or GOAWAY.
    Http2,
    GitLsRemote,
    /// `git@HOST:` / `for 'https://HOST'` / `Failed to connect to HOST`: the host git talked to.
    GitHost(String),
    Git(GitError),
    /// `unrecognized import path "P"`: go-get discovery.
    Discovery,
    /// `download go1.21 for …: toolchain not available`, with the version asked for.
    ToolchainNotAvailable(String),
}

/// Which release family the wording belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wording {
    /// GOPATH `go get` (`Fetching …`, `https fetch failed: Get URL`, go ≤ 1.12 without modules).
    GopathGet,
    /// `unexpected status (URL): CODE` (go 1.12–1.13).
    UnexpectedStatus,
    /// `Get URL: …` without quotes (go ≤ 1.13).
    UnquotedGet,
    /// `Get "URL": …` (go ≥ 1.14).
    QuotedGet,
    /// Nothing that dates it.
    Undated,
}

#[derive(Debug, Clone)]
pub(super) struct Chain {
    /// The module go names: `go: M@V: `, `M@V: `, `verifying M@V`.
    pub module: Option<String>,
    pub links: Vec<Link>,
    /// Which release family the text comes from (tests read it; the rules do not need it yet).
    #[allow(dead_code)]
    pub wording: Wording,
    /// The body after `server response:`, read as a chain.
    pub response: Option<Box<Chain>>,
    /// The error's text, its lines joined.
    pub text: String,
}

impl Chain {
    pub fn parse(text: &str) -> Chain {
        let (own, body) = match text.find("server response:") {
            Some(i) => (&text[..i], Some(&text[i + "server response:".len()..])),
            None => (text, None),
        };
        let flat = own.split('\n').map(str::trim).collect::<Vec<_>>().join(" ");
        let links = links(&flat);
        Chain {
            module: module_of(&flat),
            wording: wording(&flat),
            links,
            response: body.map(|b| Box::new(Chain::parse(b))),
            text: text.to_owned(),
        }
    }

    /// The last request go made before it failed.
    pub fn url(&self) -> Option<&Url> {
        self.links.iter().rev().find_map(|l| match l {
            Link::Fetch(u) => Some(u),
            _ => None,
        })
    }

    pub fn status(&self) -> Option<u16> {
        self.links.iter().rev().find_map(|l| match l {
            Link::Status(c) => Some(*c),
            _ => None,
        })
    }

    pub fn net(&self) -> Option<NetError> {
        self.links.iter().find_map(|l| match l {
            Link::Net(n) => Some(*n),
            _ => None,
        })
    }

    pub fn tls(&self) -> Option<&TlsError> {
        self.links.iter().find_map(|l| match l {
            Link::Tls(t) => Some(t),
            _ => None,
        })
    }

    pub fn git(&self) -> Option<&GitError> {
        self.links.iter().find_map(|l| match l {
            Link::Git(g) => Some(g),
            _ => None,
        })
    }

    pub fn lookup(&self) -> Option<&str> {
        self.links.iter().find_map(|l| match l {
            Link::Lookup(h) => Some(h.as_str()),
            _ => None,
        })
    }

    /// The address dialled (after `proxyconnect`: the HTTP proxy's).
    pub fn dial(&self) -> Option<&str> {
        self.links.iter().find_map(|l| match l {
            Link::Dial(Some(a)) => Some(a.as_str()),
            _ => None,
        })
    }

    pub fn git_host(&self) -> Option<&str> {
        self.links.iter().find_map(|l| match l {
            Link::GitHost(h) => Some(h.as_str()),
            _ => None,
        })
    }

    pub fn has(&self, link: &Link) -> bool {
        self.links.contains(link)
    }
}

/// Every link found in `flat`, in text order.
fn links(flat: &str) -> Vec<Link> {
    let mut found: Vec<(usize, Link)> = Vec::new();
    let at = |needle: &str, link: Link, found: &mut Vec<(usize, Link)>| {
        if let Some(i) = flat.find(needle) {
            found.push((i, link));
        }
    };
    let lower = flat.to_ascii_lowercase();
    for (i, _) in flat.match_indices("verifying ") {
        found.push((i, Link::Verifying));
    }
    for (i, url) in urls(flat) {
        if !found
            .iter()
            .any(|(_, l)| matches!(l, Link::Fetch(u) if *u == url))
        {
            found.push((i, Link::Fetch(url)));
        }
    }
    for (i, code) in statuses(flat) {
        found.push((i, Link::Status(code)));
    }
    if let Some(i) = flat.find("proxyconnect tcp") {
        found.push((i, Link::ProxyConnect));
    }
    for phrase in [
        ": Forbidden",
        ": Bad Gateway",
        ": Service Unavailable",
        ": Method Not Allowed",
    ] {
        if let Some(i) = flat.find(phrase)
            && flat[i + phrase.len()..]
                .chars()
                .next()
                .is_none_or(|c| c == ')' || c.is_whitespace())
        {
            found.push((i, Link::ProxyRefused));
        }
    }
    at("Proxy Authentication Required", Link::ProxyAuth, &mut found);
    for marker in ["dial tcp ", "dial tcp4 ", "dial tcp6 "] {
        for (i, _) in flat.match_indices(marker) {
            let rest = &flat[i + marker.len()..];
            found.push((i, Link::Dial(address(rest))));
        }
    }
    for (i, _) in flat.match_indices("dial tcp: ") {
        found.push((i, Link::Dial(None)));
    }
    for (i, _) in flat.match_indices("lookup ") {
        let rest = &flat[i + "lookup ".len()..];
        let host = rest
            .split([' ', ':', '"', '\''])
            .next()
            .unwrap_or("")
            .trim_end_matches('.');
        // `…/lookup/M@V` is a checksum database path, not a resolver call.
        if host.contains('.') && !flat[..i].ends_with('/') {
            found.push((i, Link::Lookup(host.to_owned())));
            break;
        }
    }
    const NET: &[(&str, NetError)] = &[
        ("no such host", NetError::NoSuchHost),
        ("temporary failure in name resolution", NetError::NoSuchHost),
        ("no address associated with hostname", NetError::NoSuchHost),
        ("nodename nor servname", NetError::NoSuchHost),
        ("server misbehaving", NetError::ServerMisbehaving),
        ("tls handshake timeout", NetError::TlsHandshakeTimeout),
        ("connection refused", NetError::Refused),
        ("actively refused", NetError::Refused),
        ("connection reset", NetError::Reset),
        ("forcibly closed by the remote host", NetError::Reset),
        ("i/o timeout", NetError::Timeout),
        ("connection timed out", NetError::Timeout),
        ("operation timed out", NetError::Timeout),
        ("did not properly respond", NetError::Timeout),
        ("client.timeout exceeded", NetError::Timeout),
        ("context deadline exceeded", NetError::Timeout),
        ("network is unreachable", NetError::Unreachable),
        ("no route to host", NetError::Unreachable),
        ("host is unreachable", NetError::Unreachable),
        ("unexpected eof", NetError::Eof),
        (": eof", NetError::Eof),
    ];
    for (needle, e) in NET {
        if let Some(i) = lower.find(needle) {
            found.push((i, Link::Net(*e)));
            break;
        }
    }
    if let Some(t) = tls_error(flat) {
        found.push(t);
    }
    if let Some(i) = ["http2: ", "stream error: stream ID", "GOAWAY"]
        .iter()
        .find_map(|n| flat.find(n))
    {
        found.push((i, Link::Http2));
    }
    at("git ls-remote", Link::GitLsRemote, &mut found);
    at("unrecognized import path", Link::Discovery, &mut found);
    if let Some(i) = flat.find("toolchain not available") {
        let version = flat[..i]
            .rfind("download go")
            .map(|d| {
                flat[d + "download ".len()..]
                    .split([' ', ':'])
                    .next()
                    .unwrap_or("")
                    .to_owned()
            })
            .unwrap_or_default();
        found.push((i, Link::ToolchainNotAvailable(version)));
    }
    git_links(flat, &lower, &mut found);
    found.sort_by_key(|(i, _)| *i);
    found.into_iter().map(|(_, l)| l).collect()
}

/// git's (and curl's, and ssh's) words under `git ls-remote`.
fn git_links(flat: &str, lower: &str, found: &mut Vec<(usize, Link)>) {
    const GIT: &[(&str, GitError)] = &[
        ("terminal prompts disabled", GitError::AuthPrompt),
        ("could not read username", GitError::AuthPrompt),
        ("could not read password", GitError::AuthPrompt),
        ("authentication failed", GitError::AuthPrompt),
        ("permission denied (publickey", GitError::PublicKey),
        ("host key verification failed", GitError::HostKey),
        ("repository not found", GitError::RepoNotFound),
        (
            "does not appear to be a git repository",
            GitError::RepoNotFound,
        ),
        ("failed to connect to ", GitError::Unreachable),
        ("could not resolve host", GitError::Unreachable),
        (
            "could not read from remote repository",
            GitError::CouldNotRead,
        ),
        ("unknown revision", GitError::UnknownRevision),
        ("executable file not found", GitError::NotInstalled),
        ("missing git command", GitError::NotInstalled),
        ("missing mercurial command", GitError::NotInstalled),
        ("missing bazaar command", GitError::NotInstalled),
        ("missing subversion command", GitError::NotInstalled),
        ("rpc failed", GitError::Transfer),
        ("the remote end hung up", GitError::Transfer),
        ("early eof", GitError::Transfer),
    ];
    let repo_missing = lower
        .find("fatal: repository '")
        .filter(|&i| lower[i..].contains("' not found"));
    if let Some((i, e)) = GIT
        .iter()
        .filter_map(|(n, e)| lower.find(n).map(|i| (i, e.clone())))
        .chain(repo_missing.map(|i| (i, GitError::RepoNotFound)))
        .min_by_key(|(i, _)| *i)
    {
        found.push((i, Link::Git(e)));
    }
    let host_after = |marker: &str| -> Option<(usize, String)> {
        let i = lower.find(marker)?;
        let rest = &flat[i + marker.len()..];
        let rest = rest
            .strip_prefix("https://")
            .or_else(|| rest.strip_prefix("http://"))
            .unwrap_or(rest);
        let end = rest
            .find(|c: char| c.is_whitespace() || "/:'\"".contains(c))
            .unwrap_or(rest.len());
        let host = rest[..end].rsplit('@').next().unwrap_or("");
        host.contains('.').then(|| (i, host.to_owned()))
    };
    for marker in [
        "failed to connect to ",
        "could not resolve host: ",
        "for 'https://",
        "unable to access '",
        "fatal: repository '",
        "redirecting to ",
        "git@",
        "ssh://",
    ] {
        if let Some((i, h)) = host_after(marker) {
            found.push((i, Link::GitHost(h)));
            break;
        }
    }
}

fn tls_error(flat: &str) -> Option<(usize, Link)> {
    let pos = |n: &str| flat.find(n);
    if let Some(i) = pos("certificate signed by unknown authority")
        .or_else(|| pos("unable to get local issuer certificate"))
        .or_else(|| pos("self signed certificate"))
        .or_else(|| pos("self-signed certificate"))
    {
        return Some((i, Link::Tls(TlsError::UnknownAuthority)));
    }
    if let Some(i) = pos("certificate has expired").or_else(|| pos("is not yet valid")) {
        return Some((i, Link::Tls(TlsError::Expired)));
    }
    if let Some(i) = pos("certificate is valid for ") {
        let rest = &flat[i + "certificate is valid for ".len()..];
        let (names, wanted) = rest.split_once(", not ").unwrap_or((rest, ""));
        let valid_for = names
            .split(", ")
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
        let wanted = first_word(wanted);
        return Some((i, Link::Tls(TlsError::NameMismatch { valid_for, wanted })));
    }
    if let Some(i) =
        pos("not valid for any names").or_else(|| pos("no alternative certificate subject name"))
    {
        let wanted = flat[i..]
            .find("wanted to match ")
            .and_then(|w| first_word(&flat[i + w + "wanted to match ".len()..]));
        return Some((
            i,
            Link::Tls(TlsError::NameMismatch {
                valid_for: Vec::new(),
                wanted,
            }),
        ));
    }
    if let Some(i) = pos("failed to load system roots") {
        return Some((i, Link::Tls(TlsError::NoRoots)));
    }
    if let Some(i) = pos("does not look like a TLS handshake") {
        return Some((i, Link::Tls(TlsError::NotTls)));
    }
    if let Some(i) = pos("x509: ")
        .or_else(|| pos("tls: "))
        .or_else(|| pos("SSL_ERROR"))
    {
        return Some((i, Link::Tls(TlsError::Handshake)));
    }
    None
}

fn first_word(s: &str) -> Option<String> {
    let w = s
        .split(|c: char| c.is_whitespace() || "\"',;)".contains(c))
        .next()?
        .trim_end_matches(['.', ':']);
    (!w.is_empty()).then(|| w.to_owned())
}

/// Every `scheme://host/path` in the text, with its position.
fn urls(flat: &str) -> Vec<(usize, Url)> {
    let mut out = Vec::new();
    // go's zip errors print the URL after path cleaning: `read "https:/host/…"`.
    let mut marks: Vec<(usize, usize)> = flat.match_indices("://").map(|(i, _)| (i, 3)).collect();
    for pat in ["\"https:/", "\"http:/"] {
        for (i, _) in flat.match_indices(pat) {
            let colon = i + pat.len() - 2;
            if !flat[colon..].starts_with("://") {
                marks.push((colon, 2));
            }
        }
    }
    for (i, skip) in marks {
        let scheme_start = flat[..i]
            .rfind(|c: char| !c.is_ascii_alphabetic())
            .map_or(0, |p| p + 1);
        let scheme = &flat[scheme_start..i];
        // A hard wrap may have cut the scheme (`htt` / `ps://`): the host is what matters.
        if ![
            "http", "https", "ps", "tps", "s", "ttps", "p", "tp", "ttp", "",
        ]
        .contains(&scheme)
            && !scheme.ends_with("http")
            && !scheme.ends_with("https")
        {
            continue;
        }
        let rest = &flat[i + skip..];
        let end = rest
            .find(|c: char| c.is_whitespace() || "\"'()<>，".contains(c))
            .unwrap_or(rest.len());
        let mut whole = &rest[..end];
        // `URL: 404 Not Found`: the colon ends the URL when a space follows.
        if let Some(c) = whole.find(": ") {
            whole = &whole[..c];
        }
        let whole = whole.trim_end_matches([':', '.', ',', ';']);
        let (authority, path) = match whole.find(['/', '?']) {
            Some(p) => (&whole[..p], &whole[p..]),
            None => (whole, ""),
        };
        let authority = authority.split(',').next().unwrap_or(authority);
        let hostport = authority.rsplit('@').next().unwrap_or(authority);
        let host = match hostport.rsplit_once(':') {
            Some((h, p)) if p == "443" || p == "80" => h,
            _ => hostport,
        };
        if host.is_empty() || host.contains('…') {
            continue;
        }
        out.push((
            scheme_start,
            Url {
                host: host.to_ascii_lowercase(),
                path: path.to_owned(),
            },
        ));
    }
    out
}

/// HTTP statuses: `: 404 Not Found`, `): 429 …`, `: 478` at the end, and `URL 404` in a
/// title that lost its colon.
fn statuses(flat: &str) -> Vec<(usize, u16)> {
    let mut out = Vec::new();
    let bytes = flat.as_bytes();
    for (i, _) in flat.match_indices(' ') {
        let digits = &bytes[i + 1..];
        if digits.len() < 3 || !digits[..3].iter().all(u8::is_ascii_digit) {
            continue;
        }
        if digits
            .get(3)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.' || *b == b':')
        {
            continue;
        }
        let code: u16 = flat[i + 1..i + 4].parse().unwrap_or(0);
        if !(400..600).contains(&code) {
            continue;
        }
        let before = &flat[..i];
        let after = &flat[i + 4..];
        let has_reason =
            after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_ascii_uppercase());
        let after_colon = before.ends_with(':');
        let after_url = before.rsplit(' ').next().is_some_and(|w| w.contains("://"));
        let end = after.trim().is_empty() || after.starts_with(['，', ',', ')']);
        let git_error = before.ends_with("returned error:");
        if (after_colon && (has_reason || end || git_error)) || (after_url && (has_reason || end)) {
            out.push((i, code));
        }
    }
    out
}

/// `HOST:PORT` or `[V6]:PORT` after `dial tcp `.
fn address(rest: &str) -> Option<String> {
    let word = rest.split([' ', ',']).next()?.trim_end_matches(':');
    if word.is_empty() {
        return None;
    }
    if let Some(v6) = word.strip_prefix('[') {
        return v6.split(']').next().map(str::to_owned);
    }
    Some(word.to_owned())
}

/// `go: M@V: …`, `go get M@V: …`, `M@V: …`, `verifying M@V: …`, `module M: …`.
fn module_of(flat: &str) -> Option<String> {
    let words = || {
        flat.split(": ")
            .flat_map(|part| part.rsplit(' ').next())
            .map(|w| w.trim_matches(['"', '\'']))
    };
    words()
        .filter(|w| w.contains('@'))
        .chain(words())
        .find_map(module_word)
}

fn module_word(c: &str) -> Option<String> {
    let path = c.split('@').next().unwrap_or(c);
    let first = path.split('/').next().unwrap_or("");
    (first.contains('.')
        && !c.contains("://")
        && (c.contains('@') || path.contains('/'))
        && !first
            .chars()
            .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ':')
        && path
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "-._~/+!".contains(ch)))
    .then(|| c.trim_end_matches("/go.mod").to_owned())
}

fn wording(flat: &str) -> Wording {
    if flat.contains("unexpected status (") {
        Wording::UnexpectedStatus
    } else if flat.contains("https fetch failed") || flat.contains("(https fetch: ") {
        Wording::GopathGet
    } else if flat.contains("Get \"") {
        Wording::QuotedGet
    } else if flat.contains("Get http") {
        Wording::UnquotedGet
    } else {
        Wording::Undated
    }
}

#[cfg(test)]
#[path = "chain_tests.rs"]
mod tests;
