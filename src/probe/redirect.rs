//! Redirects as go's HTTP client follows them: which statuses redirect, how a `Location` is
//! resolved against the request's URL (net/url `URL.Parse` + `ResolveReference`, RFC 3986 dot
//! segments removed), and cmd/go's policy (cmd/go/internal/web/http.go): at most 10 redirects,
//! never from an https first URL to a non-https one. fetch.rs follows them, on a new connection
//! when the origin changes.

use crate::config::gourl::{self, GoUrl};

/// net/http's `redirectBehavior`: the statuses a GET follows (a 3xx without `Location` is not
/// followed: the answer is returned as it is).
pub fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

/// `checkRedirect`: go's client stops before the 11th request.
pub const MAX_REDIRECTS: usize = 10;

/// Why go refuses to follow a redirect; `Display` is go's text after `Get "<url>": `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// net/http: the Location does not parse.
    BadLocation { location: String, reason: String },
    /// cmd/go: the first URL was https, this one is not.
    Insecure { from: String, to: String },
    /// cmd/go: `len(via) >= 10`.
    TooMany,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::BadLocation { location, reason } => write!(
                f,
                "failed to parse Location header {}: {reason}",
                gourl::go_quote(location)
            ),
            Refusal::Insecure { from, to } => write!(
                f,
                "redirected from secure URL {} to insecure URL {}",
                crate::redact::redact_urls(from),
                crate::redact::redact_urls(to)
            ),
            Refusal::TooMany => f.write_str("stopped after 10 redirects"),
        }
    }
}

/// `req.URL.Parse(location)`: the URL go requests next (its fragment dropped: never sent).
pub fn resolve(base: &GoUrl, location: &str) -> Result<GoUrl, Refusal> {
    let r = gourl::parse(location).map_err(|e| Refusal::BadLocation {
        location: crate::redact::redact_urls(location),
        reason: e.reason,
    })?;
    let mut url = r.clone();
    url.fragment.clear();
    if r.scheme.is_empty() {
        url.scheme = base.scheme.clone();
    }
    if !r.scheme.is_empty() || !r.host.is_empty() || r.userinfo.is_some() {
        url.path = resolve_path(&r.path, "");
        return Ok(url);
    }
    if !r.opaque.is_empty() {
        url.userinfo = None;
        url.host.clear();
        url.path.clear();
        return Ok(url);
    }
    if r.path.is_empty() && r.raw_query.is_empty() {
        url.raw_query = base.raw_query.clone();
    }
    if r.path.is_empty() && !base.opaque.is_empty() {
        url.opaque = base.opaque.clone();
        url.userinfo = None;
        url.host.clear();
        url.path.clear();
        return Ok(url);
    }
    url.host = base.host.clone();
    url.userinfo = base.userinfo.clone();
    url.has_authority = base.has_authority;
    url.path = resolve_path(&base.path, &r.path);
    Ok(url)
}

/// The policy go's client applies before request number `via + 1` to `next`; `first` is the
/// URL go was asked for, `last` the one that answered with the redirect.
pub fn check(first: &GoUrl, last: &GoUrl, next: &GoUrl, via: usize) -> Result<(), Refusal> {
    if first.scheme == "https" && next.scheme != "https" {
        return Err(Refusal::Insecure {
            from: last.to_string(),
            to: next.to_string(),
        });
    }
    if via >= MAX_REDIRECTS {
        return Err(Refusal::TooMany);
    }
    Ok(())
}

/// net/url's `resolvePath`: `reference` against `base`, dot segments removed.
pub fn resolve_path(base: &str, reference: &str) -> String {
    let full = if reference.is_empty() {
        base.to_owned()
    } else if !reference.starts_with('/') {
        let cut = base.rfind('/').map_or(0, |i| i + 1);
        format!("{}{reference}", &base[..cut])
    } else {
        reference.to_owned()
    };
    if full.is_empty() {
        return String::new();
    }
    let mut dst = String::with_capacity(full.len() + 1);
    dst.push('/');
    let mut first = true;
    let mut last = "";
    for elem in full.split('/') {
        last = elem;
        match elem {
            "." => first = false,
            ".." => {
                match dst[1..].rfind('/') {
                    Some(i) => dst.truncate(i + 1),
                    None => dst.truncate(1),
                }
                first = dst.len() == 1;
            }
            _ => {
                if !first {
                    dst.push('/');
                }
                dst.push_str(elem);
                first = false;
            }
        }
    }
    if last == "." || last == ".." {
        dst.push('/');
    }
    if dst.len() > 1 && dst.as_bytes()[1] == b'/' {
        dst.remove(0);
    }
    dst
}

#[cfg(test)]
mod tests {
    use super::*;

    fn res(base: &str, loc: &str) -> String {
        resolve(&gourl::parse(base).unwrap(), loc)
            .unwrap()
            .to_string()
    }

    #[test]
    fn locations_resolve_as_net_url_does() {
        let base = "https://a.example/x/y/@v/list?q=1";
        assert_eq!(res(base, "https://b.example/z"), "https://b.example/z");
        assert_eq!(res(base, "/z"), "https://a.example/z");
        assert_eq!(res(base, "//c.example/z"), "https://c.example/z");
        assert_eq!(res(base, "other"), "https://a.example/x/y/@v/other");
        assert_eq!(res(base, "../../z/./w"), "https://a.example/x/z/w");
        assert_eq!(res(base, "?r=2"), "https://a.example/x/y/@v/list?r=2");
        assert_eq!(res(base, "#frag"), "https://a.example/x/y/@v/list?q=1");
        assert_eq!(res(base, "/a/../../b/"), "https://a.example/b/");
        assert_eq!(res("https://a.example", "x/.."), "https://a.example/");
        assert!(matches!(
            resolve(&gourl::parse(base).unwrap(), "http://[::1"),
            Err(Refusal::BadLocation { .. })
        ));
    }

    #[test]
    fn go_policy() {
        let u = |s| gourl::parse(s).unwrap();
        let (a, b) = (u("https://a.example/"), u("http://b.example/"));
        assert!(matches!(
            check(&a, &a, &b, 1),
            Err(Refusal::Insecure { .. })
        ));
        // Only the first URL counts: http → https → http is allowed.
        assert_eq!(check(&b, &a, &b, 2), Ok(()));
        assert_eq!(check(&a, &a, &a, 9), Ok(()));
        assert_eq!(check(&a, &a, &a, 10), Err(Refusal::TooMany));
        assert!(is_redirect(308) && !is_redirect(300) && !is_redirect(304));
    }
}
