//! One URL fetched the way go's HTTP client fetches it: over the connection chain.rs opens
//! (directly or through the HTTP proxy), with the credentials go would send, following redirects
//! as net/http does, and the connection kept for follow-up requests (`.info`, `/latest`,
//! `/lookup`). Output: the layers and the answer, which goproxy.rs and sumdb.rs judge.

use std::time::{Duration, Instant};

use super::chain;
use super::engine::Setup;
use super::evidence::{Evidence, HttpEvidence, Redirect};
use super::http::{Answer, Conn, RequestError};
use super::{Deadline, HttpError, LayerName, LayerResult, no_answer, proxy, redirect};
use crate::config::gourl::{self, GoUrl};
use crate::plan::auth::Credentials;

/// One request's worth of layers, with the connection kept for follow-up requests.
pub(super) struct Fetched {
    pub(super) layers: Vec<LayerResult>,
    pub(super) answer: Option<Answer>,
    pub(super) conn: Option<Conn>,
    pub(super) via_proxy: Option<String>,
    pub(super) final_url: GoUrl,
}

/// The `Authorization` go sends with `url`: its netrc login (per the plan), else the URL's own
/// userinfo, which net/http turns into Basic auth.
fn authorization(auth: &Credentials, url: &str) -> Option<String> {
    match auth.login_for(url) {
        Some(l) => Some(proxy::basic(&l.login, &l.password)),
        None => proxy::basic_auth(&gourl::parse(url).ok()?),
    }
}

/// How a request is made: go's way by default; git's first request differs.
#[derive(Debug, Clone, Default)]
pub(super) struct How {
    /// Ask for the first byte only (a zip: is it there?).
    pub(super) range: bool,
    /// No credentials at all: git sends them only after a 401.
    pub(super) anonymous: bool,
    /// Headers to add; a User-Agent among them replaces go's.
    pub(super) headers: Vec<(&'static str, String)>,
    /// Read the whole body, up to this many bytes, with the whole deadline for it (a zip whose
    /// hash is checked) instead of the probe's per-response limits.
    pub(super) download: Option<usize>,
}

impl How {
    fn body_limit(&self, probe_limit: usize) -> usize {
        self.download.unwrap_or(probe_limit)
    }

    fn http_budget(&self, deadline: Deadline, cap: std::time::Duration) -> std::time::Duration {
        if self.download.is_some() {
            deadline.remaining()
        } else {
            deadline.budget(cap)
        }
    }
}

/// DNS → TCP → (proxy) → TLS → HTTP for one URL, following redirects as go does.
pub(super) async fn fetch(
    setup: &Setup,
    deadline: Deadline,
    url: &str,
    public: bool,
    range: bool,
) -> Fetched {
    let how = How {
        range,
        ..How::default()
    };
    fetch_as(setup, deadline, url, public, &how).await
}

/// [`fetch`], asked the way `how` says.
pub(super) async fn fetch_as(
    setup: &Setup,
    deadline: Deadline,
    url: &str,
    public: bool,
    how: &How,
) -> Fetched {
    // cmd/go/internal/web: go never sends credentials over plain http — not even a request.
    // (git's own requests are git's business.)
    if !how.anonymous
        && let Ok(u) = gourl::parse(url)
        && u.refuses_credentials()
    {
        return refused_credentials(url, u);
    }
    chase(
        setup,
        deadline,
        url,
        url.to_owned(),
        public,
        how,
        Vec::new(),
    )
    .await
}

/// Requests `current` and follows its redirects as go's client does (redirect.rs), each
/// on a new connection; `url` is the URL go was asked for, `redirects` the hops so far.
async fn chase(
    setup: &Setup,
    deadline: Deadline,
    url: &str,
    mut current: String,
    public: bool,
    how: &How,
    mut redirects: Vec<Redirect>,
) -> Fetched {
    let first = gourl::parse(url).unwrap_or_default();
    let first_host = first.hostname().to_owned();
    let first_auth = if how.anonymous {
        None
    } else {
        authorization(&setup.auth, url)
    };
    loop {
        // net/http keeps the header on redirects within the same domain; elsewhere only the new
        // URL's own userinfo counts.
        let auth = if current == url || how.anonymous {
            first_auth.clone()
        } else {
            match gourl::parse(&current) {
                Ok(u)
                    if u.hostname() == first_host
                        || u.hostname().ends_with(&format!(".{first_host}")) =>
                {
                    first_auth.clone()
                }
                Ok(u) => proxy::basic_auth(&u),
                Err(_) => None,
            }
        };
        let mut f = fetch_once(setup, deadline, &current, public, how, auth).await;
        let Some(a) = &f.answer else { return f };
        let location = a.header("location").map(str::to_owned);
        let status = a.status;
        let (true, Some(location)) = (redirect::is_redirect(status), location) else {
            if !redirects.is_empty()
                && let Some(h) = http_evidence(&mut f.layers)
            {
                h.redirects = Some(redirects);
            }
            return f;
        };
        let next = redirect::resolve(&f.final_url, &location).and_then(|next| {
            redirects.push(Redirect {
                status,
                from: crate::redact::redact_urls(&current),
                to: crate::redact::redact_urls(&next.to_string()),
            });
            redirect::check(&first, &f.final_url, &next, redirects.len()).map(|()| next)
        });
        match next {
            Err(why) => {
                refuse(&mut f, why, redirects);
                return f;
            }
            Ok(_) if deadline.remaining().is_zero() => return f,
            Ok(next) => current = next.to_string(),
        }
    }
}

/// go's refusal to send a plain-http request that carries credentials: nothing leaves.
fn refused_credentials(url: &str, u: GoUrl) -> Fetched {
    Fetched {
        layers: vec![LayerResult::fail(
            Duration::ZERO,
            HttpError::InsecureCredentials,
            crate::plan::goerror::refused_credentials(url),
            Evidence::Nothing,
        )],
        answer: None,
        conn: None,
        via_proxy: None,
        final_url: u,
    }
}

/// Turns the last HTTP layer into go's refusal to follow a redirect.
fn refuse(f: &mut Fetched, why: redirect::Refusal, redirects: Vec<Redirect>) {
    let kind = match why {
        redirect::Refusal::Insecure { .. } => HttpError::RedirectInsecure,
        redirect::Refusal::TooMany => HttpError::TooManyRedirects,
        redirect::Refusal::BadLocation { .. } => HttpError::Protocol,
    };
    if let Some(h) = f
        .layers
        .iter_mut()
        .rev()
        .find(|l| l.layer == LayerName::Http)
    {
        let mut detail = h.detail.clone();
        if let Some(d) = detail.as_http_mut() {
            d.redirects = Some(redirects);
        }
        *h = LayerResult::fail(
            Duration::from_secs_f64(h.ms / 1000.0),
            kind,
            why.to_string(),
            detail,
        );
    }
    f.answer = None;
}

/// A further request of the same probe (`.info`, `/latest`, `/lookup`): on the open connection
/// while it still points at `url`'s origin, else a fresh fetch (a redirect moved the first one
/// elsewhere). With the credentials go would send.
pub(super) async fn follow_up(
    setup: &Setup,
    deadline: Deadline,
    f: &mut Fetched,
    url: &str,
) -> Result<Answer, RequestError> {
    follow_up_ranged(setup, deadline, f, url, false).await
}

/// [`follow_up`], asking only for the first byte when `range` (a zip: is it there?).
pub(super) async fn follow_up_ranged(
    setup: &Setup,
    deadline: Deadline,
    f: &mut Fetched,
    url: &str,
    range: bool,
) -> Result<Answer, RequestError> {
    let how = How {
        range,
        ..How::default()
    };
    follow_up_as(setup, deadline, f, url, &how).await
}

/// [`follow_up`], asked the way `how` says (credentials always go's).
pub(super) async fn follow_up_as(
    setup: &Setup,
    deadline: Deadline,
    f: &mut Fetched,
    url: &str,
    how: &How,
) -> Result<Answer, RequestError> {
    let range = how.range;
    let u = gourl::parse(url).map_err(|e| RequestError::Protocol(e.to_string()))?;
    let same_origin = f.final_url.scheme == u.scheme && f.final_url.host == u.host;
    // Plain http through a forwarding proxy needs the absolute URL and the proxy's credentials
    // on every request: fetch builds them.
    let forwarded = u.scheme == "http" && setup.http_proxy.proxy_for(&u).is_some();
    if let (true, false, Some(conn)) = (same_origin, forwarded, f.conn.as_mut()) {
        let mut auth: Vec<(&str, String)> = authorization(&setup.auth, url)
            .map(|a| vec![("authorization", a)])
            .unwrap_or_default();
        if range {
            auth.push(("range", "bytes=0-0".to_owned()));
        }
        match conn
            .get(
                &u.scheme,
                &u.host,
                &request_path(&u),
                &auth,
                how.http_budget(deadline, setup.net.limits.http),
                how.body_limit(64 << 10),
            )
            .await
        {
            // The server closed the kept-alive connection (`Connection: close`, HTTP/1.0):
            // go's transport opens a new one, and so does this, once.
            Err(RequestError::Protocol(_)) => f.conn = None,
            Ok(a) if redirect::is_redirect(a.status) && a.header("location").is_some() => {
                // go follows it, on a new connection where the origin changes.
                let next = redirect::resolve(&u, a.header("location").unwrap_or_default())
                    .and_then(|next| redirect::check(&u, &u, &next, 1).map(|()| next))
                    .map_err(|why| RequestError::Protocol(why.to_string()))?;
                let hop = Redirect {
                    status: a.status,
                    from: crate::redact::redact_urls(url),
                    to: crate::redact::redact_urls(&next.to_string()),
                };
                let g = chase(setup, deadline, url, next.to_string(), true, how, vec![hop]).await;
                return answer_of(g);
            }
            other => return other,
        }
    }
    let mut g = fetch_as(setup, deadline, url, true, how).await;
    if f.conn.is_none() {
        // Keep the new connection for the requests that follow.
        f.conn = g.conn.take();
        f.final_url = g.final_url.clone();
    }
    answer_of(g)
}

/// The answer of a further request, or its first failing layer's message.
fn answer_of(g: Fetched) -> Result<Answer, RequestError> {
    g.answer.ok_or_else(|| {
        RequestError::Protocol(
            g.layers
                .iter()
                .find_map(|l| l.error.as_ref().map(|e| e.message.clone()))
                .unwrap_or_else(|| "no answer".into()),
        )
    })
}

async fn fetch_once(
    setup: &Setup,
    deadline: Deadline,
    url: &str,
    public: bool,
    how: &How,
    auth: Option<String>,
) -> Fetched {
    let range = how.range;
    let mut layers = Vec::new();
    let parsed = match gourl::parse(url) {
        Ok(u) => u,
        Err(e) => {
            layers.push(LayerResult::fail(
                Duration::ZERO,
                HttpError::BadUrl,
                e.to_string(),
                Evidence::empty(),
            ));
            return Fetched {
                layers,
                answer: None,
                conn: None,
                via_proxy: None,
                final_url: GoUrl::default(),
            };
        }
    };
    let done = |layers, conn, answer, via_proxy: Option<String>, u: &GoUrl| Fetched {
        layers,
        answer,
        conn,
        via_proxy,
        final_url: u.clone(),
    };
    let https = parsed.scheme == "https";
    if parsed.scheme == "file" {
        return match super::file::read(
            &parsed,
            url,
            how.body_limit(setup.net.limits.max_body),
            range,
        ) {
            Ok((layer, answer)) => {
                layers.push(layer);
                done(layers, None, Some(answer), None, &parsed)
            }
            Err(layer) => {
                layers.push(layer);
                done(layers, None, None, None, &parsed)
            }
        };
    }
    if !https && parsed.scheme != "http" {
        layers.push(LayerResult::skipped(
            LayerName::Http,
            &format!("{}:// URLs are not fetched over the network", parsed.scheme),
        ));
        return done(layers, None, None, None, &parsed);
    }
    let via = setup.http_proxy.proxy_for(&parsed).cloned();
    let via_proxy = via.as_ref().map(GoUrl::redacted);
    let opened = chain::open(&setup.net, deadline, &parsed, public, via.as_ref()).await;
    layers.extend(opened.leg.layers);
    let (Some(io), Some(seen)) = (opened.leg.stream, opened.seen) else {
        return done(layers, None, None, via_proxy, &parsed);
    };
    let h2 = opened.leg.alpn.as_deref() == Some("h2");
    let start = Instant::now();
    let mut conn =
        match tokio::time::timeout(deadline.budget(setup.net.limits.http), Conn::start(io, h2))
            .await
        {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => {
                layers.push(LayerResult::fail(
                    start.elapsed(),
                    HttpError::Protocol,
                    e,
                    Evidence::empty(),
                ));
                return done(layers, None, None, via_proxy, &parsed);
            }
            Err(_) => {
                let waited = start.elapsed();
                layers.push(LayerResult::timeout(
                    waited,
                    HttpError::Timeout,
                    no_answer("HTTP/2 connection preface", waited),
                    Evidence::empty(),
                ));
                return done(layers, None, None, via_proxy, &parsed);
            }
        };
    let path = request_path(&parsed);
    // A plain-http request through a proxy uses the absolute URL as request target.
    let path = if via.is_some() && !https {
        // Never the userinfo: it travels as Authorization, not in the request line.
        GoUrl {
            userinfo: None,
            ..parsed.clone()
        }
        .to_string()
    } else {
        path
    };
    let mut extra = match (&via, https) {
        (Some(p), false) => proxy::basic_auth(p)
            .map(|a| vec![("proxy-authorization", a)])
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    if let Some(a) = auth {
        extra.push(("authorization", a));
    }
    if range {
        extra.push(("range", "bytes=0-0".to_owned()));
    }
    extra.extend(how.headers.iter().cloned());
    let sent_at = seen.lock().map(|x| x.bytes_read).unwrap_or(0);
    match conn
        .get(
            &parsed.scheme,
            &parsed.host,
            &path,
            &extra,
            how.http_budget(deadline, setup.net.limits.http),
            how.body_limit(setup.net.limits.max_body),
        )
        .await
    {
        Ok(a) => {
            layers.push(LayerResult::ok(LayerName::Http, a.total, a.evidence()));
            done(layers, Some(conn), Some(a), via_proxy, &parsed)
        }
        Err(RequestError::HeadersTimeout(w)) => {
            let shown = crate::redact::redact_urls(url);
            let now = seen.lock().map(|x| x.bytes_read).unwrap_or(0);
            // Bytes keep coming: go has no timeout here and would wait them out.
            let l = if now > sent_at {
                LayerResult::timeout(
                    w,
                    HttpError::SlowProgress,
                    format!(
                        "GET {shown}: the answer is arriving very slowly ({} bytes in {} ms, headers not complete); go waits for it",
                        now - sent_at,
                        w.as_millis()
                    ),
                    Evidence::empty(),
                )
            } else {
                LayerResult::timeout(
                    w,
                    HttpError::HeadersTimeout,
                    no_answer(&format!("GET {shown}"), w),
                    Evidence::empty(),
                )
            };
            layers.push(l);
            done(layers, None, None, via_proxy, &parsed)
        }
        Err(RequestError::Protocol(m)) => {
            let (kind, m) = if m.contains("too large") {
                (HttpError::HeadersTooLarge, headers_too_large())
            } else {
                (HttpError::Protocol, m)
            };
            layers.push(LayerResult::fail(
                start.elapsed(),
                kind,
                m,
                Evidence::empty(),
            ));
            done(layers, None, None, via_proxy, &parsed)
        }
    }
}

/// go's words for response headers past its limit (the head filter and hyper both keep it:
/// godoctor counts no header lines either).
fn headers_too_large() -> String {
    format!(
        "net/http: server response headers exceeded {} bytes; aborted",
        super::http::GO_MAX_HEADER_BYTES
    )
}

fn request_path(u: &GoUrl) -> String {
    let mut p = if u.path.is_empty() {
        "/".to_owned()
    } else {
        u.path.clone()
    };
    if !u.raw_query.is_empty() {
        p.push('?');
        p.push_str(&u.raw_query);
    }
    p
}

/// The last HTTP layer's evidence, where the payload checks add what they read.
pub(super) fn http_evidence(layers: &mut [LayerResult]) -> Option<&mut HttpEvidence> {
    layers
        .iter_mut()
        .rev()
        .find(|l| l.layer == LayerName::Http)?
        .detail
        .as_http_mut()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorization_is_the_netrc_login_or_the_userinfo() {
        let basic = Some(proxy::basic("u", "p"));
        let netrc = Credentials::new(
            vec![crate::config::netrc::Login {
                machine: "corp.example".into(),
                login: "u".into(),
                password: "p".into(),
            }],
            false,
        );
        assert_eq!(
            authorization(&netrc, "https://corp.example/m/@v/list"),
            basic
        );
        assert_eq!(authorization(&netrc, "http://corp.example/m/@v/list"), None);
        // Userinfo: net/http's Basic auth, whatever the scheme.
        assert_eq!(
            authorization(&Credentials::default(), "http://u:p@plain.example/x"),
            basic
        );
    }
}
