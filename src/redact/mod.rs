//! Secret redaction: userinfo in URLs and anything else that must never reach a report, and
//! control characters that must never reach a terminal.
//!
//! Go prints URLs with `url.Redacted()`, which keeps the user name and replaces the password with
//! `xxxxx`. godoctor is stricter: both parts of userinfo become `xxxxx`, since proxy user names
//! are often tokens too.
//!
//! - [`value`]: a setting's value or one URL, by go's URL rules, conservative when it does not
//!   parse; [`Sensitive`]: a value that can only be displayed redacted.
//! - [`redact_urls`]: free text (messages, go's output) that may contain URLs.
//! - [`escape`]: control and bidi characters made visible in text output; [`shown`] does both.

pub mod escape;
mod value;

pub use value::{MASK, Sensitive, commands, value, value_with};

/// Replaces the userinfo of every URL in `text` with `xxxxx`.
///
/// Works back from each `@`: userinfo cannot contain an unescaped `/`, so it starts after the
/// nearest `/` (the `//` of an authority), whitespace or quote. That catches URLs without a
/// scheme (`//u:p@h`), passwords with `,` `|` `<` `'`, and URLs inside other text, while
/// `module@version` (a single `/` before it) and `git@host` are left alone.
///
/// A text that starts like a URL (`scheme://`, `//`) is one value and goes through [`value`];
/// so does the content of a quoted string holding `://` (go quotes URLs with `%q`), where a
/// password may hold a space or a quote.
pub fn redact_urls(text: &str) -> String {
    redact_text(text, MASK)
}

/// For commands to paste: userinfo becomes `USER:PASSWORD`, which the user fills in. A command
/// with `xxxxx` in it would overwrite their credentials when run.
pub fn placeholder_credentials(command: &str) -> String {
    redact_text(command, "USER:PASSWORD")
}

/// A finding's parameter: a setting's value or one URL (`value`, `url`, `proxy` …) is redacted
/// as a value (a GOSUMDB of `name url`, say); a message (`detail`) or a module as text, so
/// `module@version` stays.
pub fn param(key: &str, text: &str) -> String {
    const VALUES: &[&str] = &[
        "value",
        "file_value",
        "computed",
        "url",
        "proxy",
        "base",
        "prefix",
        "git_url",
        "fell_through_to",
    ];
    if VALUES.contains(&key) && text.contains("://") {
        value(text)
    } else {
        redact_urls(text)
    }
}

/// For text output: [`redact_urls`], then controls and bidi characters escaped (newlines kept).
pub fn shown(text: &str) -> String {
    escape::visible_lines(&redact_urls(text)).into_owned()
}

fn redact_text(text: &str, mask: &str) -> String {
    if starts_like_url(text) {
        return value_with(text, mask);
    }
    redact(&redact_quoted(text, mask), true, mask)
}

fn starts_like_url(text: &str) -> bool {
    let after_scheme = match text.find(':') {
        Some(i)
            if text.as_bytes()[0].is_ascii_alphabetic()
                && text[..i]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')) =>
        {
            &text[i + 1..]
        }
        _ => text,
    };
    after_scheme.starts_with("//")
}

/// Every `"…"` or `'…'` span holding `://` and `@`, redacted as one value.
fn redact_quoted(text: &str, mask: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['"', '\'']) {
        let quote = rest.as_bytes()[open] as char;
        let body = &rest[open + 1..];
        // The closing quote: not escaped by a backslash (go's %q escapes `"` as `\"`).
        let mut close = None;
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match c {
                '\\' if quote == '"' => escaped = !escaped,
                c if c == quote && !escaped => {
                    close = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(close) = close else { break };
        let inner = &body[..close];
        out.push_str(&rest[..=open]);
        if inner.contains("//") && inner.contains('@') {
            out.push_str(&value_with(inner, mask));
        } else {
            out.push_str(inner);
        }
        out.push(quote);
        rest = &body[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Only userinfo after `//` (an authority): for parts of a parsed URL, where `a:b@c` in a
/// query or an opaque part is data, not credentials.
pub fn redact_authorities(text: &str) -> String {
    redact(text, false, MASK)
}

/// Userinfo that is not a secret: git's SSH user, and godoctor's own placeholder.
fn is_no_secret(info: &str) -> bool {
    matches!(info, "git" | "USER:PASSWORD")
}

fn redact(text: &str, bare: bool, with: &str) -> String {
    if !text.contains('@') {
        return text.to_owned();
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, _) in text.match_indices('@') {
        if at < copied {
            continue;
        }
        // Walk back to the start of the userinfo.
        let mut start = at;
        // Passwords may hold ' ` ( ) = , | (base64 tokens end in '='): only '/', whitespace and
        // double quotes (the quoting of go's own messages) end the walk.
        while start > copied
            && !matches!(b[start - 1], b'/' | b'"')
            && !b[start - 1].is_ascii_whitespace()
        {
            start -= 1;
        }
        if start == at {
            continue;
        }
        let info = &text[start..at];
        let after_authority_slashes = start >= 2 && &b[start - 2..start] == b"//";
        let bare_credentials = bare && info.contains(':') && (start == 0 || b[start - 1] != b'/');
        if !(after_authority_slashes || bare_credentials) || is_no_secret(info) {
            continue;
        }
        out.push_str(&text[copied..start]);
        out.push_str(with);
        copied = at;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests;
