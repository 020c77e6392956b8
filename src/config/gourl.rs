//! The part of Go's `net/url.Parse` that decides whether go accepts a URL from the user's
//! settings (GOPROXY entries, GOSUMDB's URL, HTTPS_PROXY), with go's own error texts.
//!
//! Only the decisions go makes are reproduced: scheme detection, authority split, host and port
//! validation, percent-escape validation and control characters. Percent-decoding of the path is
//! not needed by any rule.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoUrl {
    /// Lower-cased, as go stores it.
    pub scheme: String,
    pub opaque: String,
    pub userinfo: Option<String>,
    /// Host with optional `:port`, as go's `URL.Host`.
    pub host: String,
    pub path: String,
    pub raw_query: String,
    pub fragment: String,
    /// `//` was present (an authority, possibly empty).
    pub has_authority: bool,
}

/// `*url.Error` from `url.Parse`: `parse "<url>": <reason>`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("parse {quoted}: {reason}")]
pub struct UrlError {
    quoted: String,
    pub reason: String,
}

impl UrlError {
    /// `url` as go quotes it; `whole` is the setting's text, fragment included.
    fn new(url: &str, whole: &str, reason: impl Into<String>) -> Self {
        // go would print the userinfo; godoctor never does. A port that is not a number in a
        // URL with an `@` further on is the start of a password with a `/`, `?` or `#` in it.
        let mut reason = reason.into();
        if at_after_authority(whole) && reason.starts_with("invalid port ") {
            reason = format!(
                "invalid port {} after host",
                go_quote(&format!(":{}", crate::redact::MASK))
            );
        }
        UrlError {
            quoted: go_quote(&crate::redact::redact_urls(url)),
            reason,
        }
    }
}

/// An `@` after the authority as go splits it (first `/`, `?` or `#`): the "host" go complains
/// about may then be `user:pass` cut short.
fn at_after_authority(whole: &str) -> bool {
    let rest = whole.split_once("//").map_or(whole, |(_, r)| r);
    rest.find(['/', '?', '#'])
        .is_some_and(|end| rest[end..].contains('@'))
}

/// Percent-decodes `s` (`%40` → `@`); a `%` not followed by two hex digits stays as it is.
pub fn percent_decode(s: &str) -> String {
    String::from_utf8_lossy(&percent_decode_bytes(s)).into_owned()
}

/// [`percent_decode`] to raw bytes (a path may name bytes that are not UTF-8).
pub fn percent_decode_bytes(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if let (b'%', Some(v)) = (b[i], hex) {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// Go's `%q` for the common case (printable ASCII and UTF-8; escapes for the rest).
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl GoUrl {
    /// A plain-http URL with userinfo: cmd/go/internal/web refuses to send any request to it
    /// (`refusing to pass credentials to insecure URL`), in every go godoctor knows.
    pub fn refuses_credentials(&self) -> bool {
        self.scheme == "http" && self.userinfo.is_some()
    }

    /// The host without its port, brackets removed (`URL.Hostname()`).
    pub fn hostname(&self) -> &str {
        let host = self.host.as_str();
        if let Some(rest) = host.strip_prefix('[') {
            return rest.split(']').next().unwrap_or(rest);
        }
        match host.rfind(':') {
            Some(i) => &host[..i],
            None => host,
        }
    }

    /// The explicit port, else the scheme's (`https` 443, `socks5`/`socks5h` 1080, else 80), as
    /// go's transport dials it.
    pub fn port_or_default(&self) -> u16 {
        self.port()
            .and_then(|p| p.parse().ok())
            .unwrap_or(match self.scheme.as_str() {
                "https" => 443,
                "socks5" | "socks5h" => 1080,
                _ => 80,
            })
    }

    /// The explicit port, if any (`URL.Port()`).
    pub fn port(&self) -> Option<&str> {
        let host = self.host.as_str();
        let after = match host.rfind(']') {
            Some(i) => &host[i + 1..],
            None => host,
        };
        after
            .rfind(':')
            .map(|i| &after[i + 1..])
            .filter(|p| !p.is_empty())
    }

    /// The URL with userinfo hidden.
    pub fn redacted(&self) -> String {
        // The userinfo structurally, then anything that reads as `//user:pass@` in the rest.
        let url = GoUrl {
            userinfo: self.userinfo.as_ref().map(|_| "xxxxx".to_owned()),
            ..self.clone()
        };
        crate::redact::redact_authorities(&url.to_string())
    }
}

impl fmt::Display for GoUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.scheme.is_empty() {
            write!(f, "{}:", self.scheme)?;
        }
        if !self.opaque.is_empty() {
            f.write_str(&self.opaque)?;
        } else {
            if self.has_authority || !self.host.is_empty() || self.userinfo.is_some() {
                f.write_str("//")?;
                if let Some(u) = &self.userinfo {
                    write!(f, "{u}@")?;
                }
                f.write_str(&self.host)?;
            }
            f.write_str(&self.path)?;
        }
        if !self.raw_query.is_empty() {
            write!(f, "?{}", self.raw_query)?;
        }
        if !self.fragment.is_empty() {
            write!(f, "#{}", self.fragment)?;
        }
        Ok(())
    }
}

/// `url.Parse`.
pub fn parse(raw: &str) -> Result<GoUrl, UrlError> {
    let (u, frag) = raw.split_once('#').unwrap_or((raw, ""));
    let mut url = parse_no_frag(u).map_err(|r| UrlError::new(u, raw, r))?;
    if !frag.is_empty() {
        check_escapes(frag, Mode::Fragment).map_err(|r| UrlError::new(raw, raw, r))?;
        url.fragment = frag.to_owned();
    }
    Ok(url)
}

fn parse_no_frag(raw: &str) -> Result<GoUrl, String> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    let mut url = GoUrl::default();
    if raw == "*" {
        url.path = "*".into();
        return Ok(url);
    }
    let (scheme, rest) = get_scheme(raw)?;
    url.scheme = scheme.to_ascii_lowercase();
    let mut rest = rest;
    if rest.ends_with('?') && rest.matches('?').count() == 1 {
        rest = &rest[..rest.len() - 1];
    } else if let Some((r, q)) = rest.split_once('?') {
        rest = r;
        url.raw_query = q.to_owned();
    }
    if !rest.starts_with('/') {
        if !url.scheme.is_empty() {
            url.opaque = rest.to_owned();
            return Ok(url);
        }
        let segment = rest.split('/').next().unwrap_or("");
        if segment.contains(':') {
            return Err("first path segment in URL cannot contain colon".into());
        }
    }
    if (!url.scheme.is_empty() || !rest.starts_with("///")) && rest.starts_with("//") {
        let after = &rest[2..];
        let (authority, path) = match after.find('/') {
            Some(i) => (&after[..i], &after[i..]),
            None => (after, ""),
        };
        url.has_authority = true;
        let (user, host) = parse_authority(authority)?;
        url.userinfo = user;
        url.host = host;
        rest = path;
    }
    check_escapes(rest, Mode::Path)?;
    url.path = rest.to_owned();
    Ok(url)
}

fn get_scheme(raw: &str) -> Result<(&str, &str), String> {
    for (i, c) in raw.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                if i == 0 {
                    return Ok(("", raw));
                }
            }
            b':' => {
                if i == 0 {
                    return Err("missing protocol scheme".into());
                }
                return Ok((&raw[..i], &raw[i + 1..]));
            }
            _ => return Ok(("", raw)),
        }
    }
    Ok(("", raw))
}

fn parse_authority(authority: &str) -> Result<(Option<String>, String), String> {
    let (user, host) = match authority.rfind('@') {
        Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
        None => (None, authority),
    };
    let host = parse_host(host)?;
    if let Some(u) = user {
        if !u.bytes().all(valid_userinfo_byte) {
            return Err("net/url: invalid userinfo".into());
        }
        check_escapes(u, Mode::Userinfo)?;
    }
    Ok((user.map(str::to_owned), host))
}

fn valid_userinfo_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b':'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b'%'
                | b'@'
        )
}

fn valid_optional_port(port: &str) -> bool {
    match port.strip_prefix(':') {
        None => port.is_empty(),
        Some(digits) => digits.bytes().all(|b| b.is_ascii_digit()),
    }
}

fn parse_host(host: &str) -> Result<String, String> {
    if host.starts_with('[') {
        let Some(i) = host.rfind(']') else {
            return Err("missing ']' in host".into());
        };
        let colon_port = &host[i + 1..];
        if !valid_optional_port(colon_port) {
            return Err(format!("invalid port {} after host", go_quote(colon_port)));
        }
    } else if let Some(i) = host.rfind(':') {
        let colon_port = &host[i..];
        if !valid_optional_port(colon_port) {
            return Err(format!("invalid port {} after host", go_quote(colon_port)));
        }
    }
    check_escapes(host, Mode::Host)?;
    Ok(host.to_owned())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Host,
    Path,
    Userinfo,
    Fragment,
}

/// `url.unescape`'s validation: bad `%` escapes, and characters a host may not contain.
fn check_escapes(s: &str, mode: Mode) -> Result<(), String> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let ok = b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
                if !ok {
                    let end = (i + 3).min(b.len());
                    let esc = String::from_utf8_lossy(&b[i..end]).into_owned();
                    return Err(format!("invalid URL escape {}", go_quote(&esc)));
                }
                i += 3;
            }
            c if mode == Mode::Host && c < 0x80 && !host_byte_ok(c) => {
                return Err(format!(
                    "invalid character {} in host name",
                    go_quote(&(c as char).to_string())
                ));
            }
            _ => i += 1,
        }
    }
    Ok(())
}

fn host_byte_ok(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            b'-' | b'_'
                | b'.'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'"'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_go_parses() {
        let u = parse("https://user:pw@goproxy.cn:8443/a/b?x=1#f").unwrap();
        assert_eq!(u.scheme, "https");
        assert_eq!(u.userinfo.as_deref(), Some("user:pw"));
        assert_eq!(u.host, "goproxy.cn:8443");
        assert_eq!(u.hostname(), "goproxy.cn");
        assert_eq!(u.port(), Some("8443"));
        assert_eq!(u.path, "/a/b");
        assert_eq!(u.raw_query, "x=1");
        assert_eq!(u.redacted(), "https://xxxxx@goproxy.cn:8443/a/b?x=1#f");
        let u = parse("HTTP://[::1]:80/").unwrap();
        assert_eq!(
            (u.scheme.as_str(), u.hostname(), u.port()),
            ("http", "::1", Some("80"))
        );
        let u = parse("file:///srv/proxy").unwrap();
        assert_eq!((u.host.as_str(), u.path.as_str()), ("", "/srv/proxy"));
        let u = parse("foo").unwrap();
        assert_eq!((u.scheme.as_str(), u.path.as_str()), ("", "foo"));
        let u = parse("mailto:x@y").unwrap();
        assert_eq!(u.opaque, "x@y");
    }

    #[test]
    fn go_error_texts() {
        let err = |s: &str| parse(s).unwrap_err().to_string();
        assert_eq!(
            err("https://exa mple.com"),
            r#"parse "https://exa mple.com": invalid character " " in host name"#
        );
        assert_eq!(
            err("https://h:port/"),
            r#"parse "https://h:port/": invalid port ":port" after host"#
        );
        assert_eq!(err(":foo"), r#"parse ":foo": missing protocol scheme"#);
        assert_eq!(
            err("https://h/%zz"),
            r#"parse "https://h/%zz": invalid URL escape "%zz""#
        );
        assert_eq!(
            err("http://h\n"),
            r#"parse "http://h\n": net/url: invalid control character in URL"#
        );
        assert_eq!(
            err("https://[::1"),
            r#"parse "https://[::1": missing ']' in host"#
        );
        assert_eq!(
            err("1a:b/c"),
            r#"parse "1a:b/c": first path segment in URL cannot contain colon"#
        );
    }
}
