//! git's first request to an http(s) repository, made as git makes it (remote-curl.c
//! `discover_refs`): `GET <repo>/info/refs?service=git-upload-pack` with git's User-Agent and
//! `Git-Protocol: version=2`, and no credentials — git sends them only after a 401, from a
//! netrc entry, a credential helper or a prompt, and go forbids the prompt. The answer is
//! judged as git judges it: a smart-HTTP advertisement (`# service=git-upload-pack` or
//! `version 2` first), a dumb `info/refs` listing, a login page, 401 with or without
//! credentials git would find, 403, 404, 5xx — each failure in git's own words.
//! docs/go/semantics.md §8 "git's first request". Input: the repository URL (after
//! `insteadOf`); output: the layers, the HTTP layer's detail carrying [`GitHttpEvidence`].

use std::time::Duration;

use super::engine::Setup;
use super::evidence::{GitHttpEvidence, GitProtocol};
use super::fetch::{Fetched, How, fetch_as, http_evidence};
use super::http::{self, Answer};
use super::{Deadline, GitHttpError, LayerName, LayerResult};
use crate::config::gourl;
use crate::plan::git_auth::GitCredentials;

/// git's User-Agent shape (`git/<version>`): some servers speak smart HTTP only to it.
pub const USER_AGENT: &str = "git/2.47.0 (godoctor)";
const SERVICE: &str = "git-upload-pack";
const ADVERTISEMENT: &str = "application/x-git-upload-pack-advertisement";

/// The repository URL as git keeps it (ending in `/`).
pub fn base_url(repo: &str) -> String {
    if repo.ends_with('/') {
        repo.to_owned()
    } else {
        format!("{repo}/")
    }
}

/// `<repo>/info/refs?service=git-upload-pack`.
pub fn info_refs_url(repo: &str) -> String {
    let base = base_url(repo);
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}info/refs{sep}service={SERVICE}")
}

/// One pkt-line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pkt {
    Flush,
    Delim,
    ResponseEnd,
    /// A data line, its trailing newline removed.
    Data(String),
}

/// The pkt-lines at the start of `body` (up to `max`); Err with git's words for a bad length.
pub fn pkt_lines(body: &[u8], max: usize) -> Result<Vec<Pkt>, String> {
    let mut out = Vec::new();
    let mut rest = body;
    while out.len() < max && !rest.is_empty() {
        let head = rest.get(..4).ok_or("the remote end hung up unexpectedly")?;
        let len = std::str::from_utf8(head)
            .ok()
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| usize::from_str_radix(h, 16).ok())
            .ok_or_else(|| {
                format!(
                    "protocol error: bad line length character: {}",
                    String::from_utf8_lossy(head)
                )
            })?;
        let pkt = match len {
            0 => Pkt::Flush,
            1 => Pkt::Delim,
            2 => Pkt::ResponseEnd,
            3 => return Err(format!("protocol error: bad line length {len}")),
            n => {
                let data = rest
                    .get(4..n)
                    .ok_or("the remote end hung up unexpectedly")?;
                let data = data.strip_suffix(b"\n").unwrap_or(data);
                rest = &rest[n..];
                out.push(Pkt::Data(String::from_utf8_lossy(data).into_owned()));
                continue;
            }
        };
        rest = &rest[4..];
        out.push(pkt);
    }
    Ok(out)
}

/// `check_smart_http`: the protocol an advertisement opens, and its first line; Err with git's
/// words.
pub fn read_advertisement(body: &[u8]) -> Result<(GitProtocol, String), String> {
    let pkts = pkt_lines(body, 8)?;
    let first = match pkts.first() {
        Some(Pkt::Data(l)) => l.clone(),
        _ => return Err("invalid server response; expected service, got flush packet".into()),
    };
    if let Some(msg) = first.strip_prefix("ERR ") {
        return Err(format!("remote error: {msg}"));
    }
    if first == "version 2" {
        return Ok((GitProtocol::SmartV2, first));
    }
    if first.strip_prefix("# service=") != Some(SERVICE) {
        return Err(format!("invalid server response; got '{first}'"));
    }
    // After the service line and its flush: `version 2`, `version 1`, or the refs (v0).
    let after = pkts
        .iter()
        .skip(1)
        .skip_while(|p| !matches!(p, Pkt::Flush))
        .nth(1);
    let protocol = match after {
        Some(Pkt::Data(l)) if l == "version 2" => GitProtocol::SmartV2,
        Some(Pkt::Data(l)) if l == "version 1" => GitProtocol::SmartV1,
        _ => GitProtocol::SmartV0,
    };
    Ok((protocol, first))
}

/// `parse_info_refs`: every line `<object id>\t<ref>` (an empty listing is an empty repository).
pub fn is_dumb_listing(body: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(body) else {
        return false;
    };
    text.lines().filter(|l| !l.is_empty()).all(|l| {
        l.split_once('\t').is_some_and(|(id, name)| {
            matches!(id.len(), 40 | 64)
                && id.bytes().all(|b| b.is_ascii_hexdigit())
                && !name.is_empty()
        })
    })
}

/// The schemes of every `WWW-Authenticate` header.
fn auth_schemes(a: &Answer) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (k, v) in &a.headers {
        if !k.eq_ignore_ascii_case("www-authenticate") {
            continue;
        }
        if let Some(s) = v.split_whitespace().next() {
            let s = s.trim_end_matches(',').to_owned();
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// `show_http_message`: a text/plain body git shows as `remote: …` lines before its error.
fn remote_lines(a: &Answer) -> String {
    let ct = a.header("content-type").unwrap_or("").to_ascii_lowercase();
    if !ct.starts_with("text/plain") {
        return String::new();
    }
    let text = String::from_utf8_lossy(&a.body[..a.body.len().min(1024)]).into_owned();
    text.trim()
        .lines()
        .take(4)
        .map(|l| format!("remote: {}\n", super::excerpt(l.as_bytes())))
        .collect()
}

/// How git would take `a`, the answer to its first request to `repo` (redacted in messages):
/// the evidence, and the failure if git would stop there.
pub fn judge(
    repo: &str,
    a: &Answer,
    credentials: GitCredentials,
    redirected_elsewhere: bool,
) -> (GitHttpEvidence, Option<(GitHttpError, String)>) {
    let shown = crate::redact::redact_urls(&base_url(repo));
    let content_type = a.header("content-type").map(|c| {
        c.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    });
    let mut ev = GitHttpEvidence {
        repo: crate::redact::redact_urls(repo),
        protocol: None,
        content_type: content_type.clone(),
        first_line: None,
        auth_schemes: auth_schemes(a),
        credentials,
    };
    let unable = |what: String| {
        format!(
            "{}fatal: unable to access '{shown}': {what}",
            remote_lines(a)
        )
    };
    let failure = match a.status {
        200 if content_type.as_deref() == Some(ADVERTISEMENT) => {
            match read_advertisement(&a.body) {
                Ok((p, first)) => {
                    ev.protocol = Some(p);
                    ev.first_line = Some(super::excerpt(first.as_bytes()));
                    None
                }
                Err(e) => Some((GitHttpError::BadAdvertisement, format!("fatal: {e}"))),
            }
        }
        200 => {
            let invalid = format!("fatal: {shown}info/refs not valid: is this a git repository?");
            if http::is_html(a) {
                let why = if redirected_elsewhere {
                    "an HTML page on another host after a redirect: a login or SSO page, not a repository"
                } else {
                    "an HTML page: a login or SSO page, not a repository"
                };
                Some((GitHttpError::LoginPage, format!("{invalid} ({why})")))
            } else if a.body_complete && is_dumb_listing(&a.body) {
                ev.protocol = Some(GitProtocol::Dumb);
                None
            } else {
                Some((GitHttpError::NotGit, invalid))
            }
        }
        401 if ev.credentials.available() => None,
        401 => {
            let u = gourl::parse(repo).ok();
            let origin = u.map_or_else(String::new, |u| format!("{}://{}", u.scheme, u.host));
            Some((
                GitHttpError::AuthRequired,
                format!(
                    "{}fatal: could not read Username for '{}': terminal prompts disabled",
                    remote_lines(a),
                    crate::redact::redact_urls(&origin)
                ),
            ))
        }
        403 => Some((
            GitHttpError::Forbidden,
            unable("The requested URL returned error: 403".into()),
        )),
        404 => Some((
            GitHttpError::NotFound,
            format!("{}fatal: repository '{shown}' not found", remote_lines(a)),
        )),
        s if s >= 500 => Some((
            GitHttpError::ServerError,
            unable(format!("The requested URL returned error: {s}")),
        )),
        s => Some((
            GitHttpError::Status,
            unable(format!("The requested URL returned error: {s}")),
        )),
    };
    (ev, failure)
}

/// The request headers git sends with its first request.
fn git_headers() -> Vec<(&'static str, String)> {
    vec![
        ("user-agent", USER_AGENT.to_owned()),
        ("accept", "*/*".to_owned()),
        ("pragma", "no-cache".to_owned()),
        ("git-protocol", "version=2".to_owned()),
    ]
}

/// git's first request to `repo` over the probe chain (DNS → TCP | HTTP proxy → TLS → HTTP),
/// the HTTP layer judged as git judges the answer. `credentials`: what git would have for a
/// 401 (computed by the caller for this URL).
pub(super) async fn first_request(
    setup: &Setup,
    deadline: Deadline,
    repo: &str,
    public: bool,
    credentials: GitCredentials,
) -> Fetched {
    let url = info_refs_url(repo);
    let how = How {
        anonymous: true,
        headers: git_headers(),
        ..How::default()
    };
    let mut f = fetch_as(setup, deadline, &url, public, &how).await;
    let Some(a) = f.answer.clone() else {
        return f;
    };
    let first_host = gourl::parse(&url).map(|u| u.hostname().to_owned()).ok();
    let elsewhere = first_host.as_deref() != Some(f.final_url.hostname());
    let (ev, failure) = judge(repo, &a, credentials, elsewhere);
    if let Some(h) = http_evidence(&mut f.layers) {
        h.git = Some(ev);
    }
    if let Some((kind, message)) = failure
        && let Some(h) = f
            .layers
            .iter_mut()
            .rev()
            .find(|l| l.layer == LayerName::Http)
    {
        let detail = std::mem::replace(&mut h.detail, super::Evidence::Nothing);
        *h = LayerResult::fail(
            Duration::from_secs_f64(h.ms / 1000.0),
            kind,
            message,
            detail,
        );
    }
    f
}

#[cfg(test)]
mod tests;
