//! go's own words for an HTTP answer it will not take (cmd/go/internal/web): `reading <url>:
//! <status>`, and for a text/plain body the first lines as `server response:`. The probes
//! describe a failed request in these words; diagnosis reads them back for go's own request.

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
    let mut msg = format!("reading {}: {status}", crate::redact::redact_urls(url));
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    if ct.starts_with("text/plain") && !body.is_empty() {
        let text = String::from_utf8_lossy(&body[..body.len().min(648)]).into_owned();
        let lines: Vec<&str> = text
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .take(8)
            .collect();
        if lines.len() == 1 {
            msg.push_str(&format!("\n\tserver response: {}", lines[0]));
        } else if !lines.is_empty() {
            msg.push_str(&format!("\n\tserver response:\n\t{}", lines.join("\n\t")));
        }
    }
    msg
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
        assert_eq!(status_text(599), "599");
    }
}
