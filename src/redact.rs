//! Secret redaction: userinfo in URLs and anything else that must never reach a report.
//!
//! Go prints URLs with `url.Redacted()`, which keeps the user name and replaces the password with
//! `xxxxx`. godoctor is stricter: both parts of userinfo become `xxxxx`, since proxy user names
//! are often tokens too.

/// Replaces the userinfo of every URL-looking token in `text` (`scheme://user:pass@host`).
pub fn redact_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find("://") {
        let (head, tail) = rest.split_at(pos + 3);
        out.push_str(head);
        // The authority ends at the first '/', '?', '#', whitespace, quote or separator.
        let end = tail
            .find(|c: char| {
                matches!(c, '/' | '?' | '#' | '"' | '\'' | ',' | '|' | '<' | '>')
                    || c.is_whitespace()
            })
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@') {
            Some(at) => {
                out.push_str("xxxxx@");
                out.push_str(&authority[at + 1..]);
            }
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::redact_urls;

    #[test]
    fn hides_userinfo() {
        assert_eq!(
            redact_urls("http://alice:s3cret@proxy.corp:3128"),
            "http://xxxxx@proxy.corp:3128"
        );
        assert_eq!(
            redact_urls("https://tok@h/x,direct"),
            "https://xxxxx@h/x,direct"
        );
        assert_eq!(
            redact_urls("a https://u:p@a/b|http://c:d@e"),
            "a https://xxxxx@a/b|http://xxxxx@e"
        );
    }

    #[test]
    fn leaves_plain_urls() {
        let s = "https://proxy.golang.org,direct";
        assert_eq!(redact_urls(s), s);
        assert_eq!(redact_urls("no url here"), "no url here");
        assert_eq!(redact_urls("x@y"), "x@y");
    }
}
