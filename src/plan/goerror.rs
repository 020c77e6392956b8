//! go's own words for an HTTP answer it will not take (cmd/go/internal/web): `reading <url>:
//! <status>`, and for a text/plain body the first lines as `server response:`; and for a
//! request it will not send (credentials over plain http). The probes describe a failed
//! request in these words; diagnosis reads them back for go's own request.

/// cmd/go/internal/web's refusal to send `url` (plain http with userinfo), the userinfo
/// redacted.
pub fn refused_credentials(url: &str) -> String {
    format!(
        "refusing to pass credentials to insecure URL: {}",
        crate::redact::redact_urls(url)
    )
}

/// A status with its reason, as net/http prints it (`404 Not Found`).
pub fn status_text(status: u16) -> String {
    let reason = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    format!("{status} {reason}").trim_end().to_owned()
}

/// go's `reading <url>: <status>` error (the URL redacted), with up to 8 `server response:`
/// lines of a text/plain body (the first 648 bytes, up to the first blank line).
pub fn status_error(url: &str, status: u16, content_type: Option<&str>, body: &[u8]) -> String {
    status_line_error(url, &status_text(status), content_type, body)
}

/// [`status_error`] with the status line as the server sent it (`404 File not found`).
pub fn status_line_error(
    url: &str,
    status: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> String {
    let msg = format!("reading {}: {status}", crate::redact::redact_urls(url));
    match error_detail(content_type, body) {
        None => msg,
        Some(d) if d.contains('\n') => format!("{msg}\n\tserver response:\n\t{d}"),
        Some(d) => format!("{msg}\n\tserver response: {d}"),
    }
}

/// What go's first body read usually holds (net/http's bufio.Reader size): the text go
/// judges for its `server response:` lines.
const DETAIL_READ: usize = 4096;
const MAX_DETAIL_LINES: usize = 8;
const MAX_DETAIL_BYTES: usize = MAX_DETAIL_LINES * 81;

/// cmd/go/internal/web's `formatErrorDetail`: only a `text/plain` body in UTF-8 (or ASCII, or no
/// charset); nothing at all when that text is not UTF-8 or holds a character that is neither
/// graphic nor space ("funny business with the user's terminal"); then lines up to the first
/// blank one, at most 8 and 648 bytes, with go's truncation notes.
pub fn error_detail(content_type: Option<&str>, body: &[u8]) -> Option<String> {
    let (media, charset) = media_type(content_type.unwrap_or(""))?;
    if media != "text/plain" || !matches!(charset.as_str(), "" | "us-ascii" | "utf-8") {
        return None;
    }
    let mut s = &body[..body.len().min(DETAIL_READ)];
    if s.len() < body.len() {
        // A read that ends inside a character: go's next read completes it.
        while !s.is_empty() && std::str::from_utf8(s).is_err_and(|e| e.error_len().is_none()) {
            s = &s[..s.len() - 1];
        }
    }
    let text = std::str::from_utf8(s).ok()?;
    if text.chars().any(|c| !(is_graphic(c) || c.is_whitespace())) {
        return None;
    }
    let mut detail = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            break;
        }
        if i > 0 {
            detail.push_str("\n\t");
        }
        if i >= MAX_DETAIL_LINES {
            detail.push_str("[Truncated: too many lines.]");
            break;
        }
        if detail.len() + line.len() > MAX_DETAIL_BYTES {
            detail.push_str("[Truncated: too long.]");
            break;
        }
        // A CR before the newline is part of go's line; it shows as nothing.
        detail.push_str(line.strip_suffix('\r').unwrap_or(line));
    }
    (!detail.is_empty()).then_some(detail)
}

/// `mime.ParseMediaType`, as far as go's check needs it: the lower-cased media type and charset.
fn media_type(v: &str) -> Option<(String, String)> {
    let mut parts = v.split(';');
    let media = parts.next()?.trim().to_ascii_lowercase();
    let token = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?=".contains(&b))
    };
    let (ty, sub) = media.split_once('/')?;
    if !token(ty) || !token(sub) {
        return None;
    }
    let mut charset = String::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        let (k, val) = p.split_once('=')?;
        let val = val.trim();
        let val = val
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(val);
        if k.trim().eq_ignore_ascii_case("charset") {
            charset = val.to_ascii_lowercase();
        }
    }
    Some((media, charset))
}

/// `unicode.IsGraphic`: letters, marks, numbers, punctuation, symbols and U+0020 — not
/// controls, format characters (bidi overrides), separators other than space, or unassigned
/// and private-use code points. Approximated from the character classes std knows.
fn is_graphic(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let cp = c as u32;
    // Format characters (Cf) go rejects: soft hyphen, bidi marks and overrides, zero-width
    // characters, BOM, interlinear annotations, tags; private use; noncharacters.
    !matches!(cp,
        0x00AD | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x08E2 | 0x180E
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F
        | 0xFEFF | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x1343F
        | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F
        | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xFDD0..=0xFDEF)
        && cp & 0xFFFE != 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_errors_read_like_go() {
        assert_eq!(
            status_error(
                "https://u:p@x.example/m/@v/list",
                403,
                Some("text/plain; charset=utf-8"),
                b"forbidden by policy\n\nmore"
            ),
            "reading https://xxxxx@x.example/m/@v/list: 403 Forbidden\n\tserver response: forbidden by policy"
        );
        assert_eq!(status_text(410), "410 Gone");
        let err = |ct: &str, body: &[u8]| status_error("https://x.example/l", 403, Some(ct), body);
        // Several lines: on their own lines; the first blank line ends them.
        assert_eq!(
            err("text/plain", b"a\r\nb\n\nc"),
            "reading https://x.example/l: 403 Forbidden\n\tserver response:\n\ta\n\tb"
        );
        // Terminal escapes, invalid UTF-8, bidi overrides or another charset: go shows nothing.
        for (ct, body) in [
            ("text/plain", &b"\x1b[31mred"[..]),
            ("text/plain", b"\xff\xfe"),
            ("text/plain", "a\u{202e}b".as_bytes()),
            ("text/plain; charset=latin1", b"plain"),
            ("text/plainx", b"plain"),
            ("text/html", b"<p>x"),
        ] {
            assert_eq!(
                err(ct, body),
                "reading https://x.example/l: 403 Forbidden",
                "{ct} {body:?}"
            );
        }
        let many = "l\n".repeat(12);
        assert!(
            err("text/plain; charset=UTF-8", many.as_bytes())
                .ends_with("\tl\n\t[Truncated: too many lines.]")
        );
        let long = format!("{}\n{}", "a".repeat(600), "b".repeat(60));
        assert!(err("text/plain", long.as_bytes()).ends_with("\n\t[Truncated: too long.]"));
        assert_eq!(status_text(599), "599");
    }
}
