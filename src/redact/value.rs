//! Redaction of values that may hold credentials: a setting's value (GOPROXY, GOSUMDB,
//! HTTPS_PROXY …), one URL from it, a GOAUTH command — and [`Sensitive`], the type that carries
//! such a value and can only be displayed or serialized redacted.
//!
//! What counts as userinfo follows go's `url.Parse`: the fragment starts at the first `#`, the
//! query at the first `?`, the authority ends at the first `/`, and userinfo is everything before
//! the LAST `@` of the authority. A value that is not made of clean URLs (a password with an
//! unescaped `/ # ? "`, a space, a tab, a newline, a `,` that splits the list …) is redacted
//! conservatively: everything from its first `//` (else its start) to its last `@`.

use std::fmt;

/// What replaces userinfo. (`git@` and godoctor's own `USER:PASSWORD` placeholder stay.)
pub const MASK: &str = "xxxxx";

/// A value that may hold credentials. `Display`, `Debug` and `Serialize` give the redacted form
/// only; the raw text is reachable through [`Sensitive::expose`], for the code that sends it.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Sensitive {
    raw: String,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
enum Kind {
    /// URLs, lists of URLs, or text that may contain one.
    #[default]
    Urls,
    /// GOAUTH's `;`-separated commands: shown without their arguments.
    Commands,
    /// A git remote or `insteadOf` prefix: a URL with a scheme by go's rules, an scp-like
    /// `user@host:path` keeping its SSH user (only `user:password@` is a credential there).
    Remote,
}

impl Sensitive {
    /// A value that may hold URLs with userinfo.
    pub fn urls(raw: impl Into<String>) -> Self {
        Sensitive {
            raw: raw.into(),
            kind: Kind::Urls,
        }
    }

    /// A GOAUTH value: commands whose arguments may be tokens.
    pub fn commands(raw: impl Into<String>) -> Self {
        Sensitive {
            raw: raw.into(),
            kind: Kind::Commands,
        }
    }

    /// A git remote URL or `insteadOf` prefix (`https://…`, `ssh://…`, `git@host:path`).
    pub fn remote(raw: impl Into<String>) -> Self {
        Sensitive {
            raw: raw.into(),
            kind: Kind::Remote,
        }
    }

    /// The value for `key` (`GOAUTH` holds commands; every other setting may hold URLs).
    pub fn for_setting(key: &str, raw: impl Into<String>) -> Self {
        if key == "GOAUTH" {
            Self::commands(raw)
        } else {
            Self::urls(raw)
        }
    }

    /// The raw value, for requests and for go's own rules. Never for output.
    pub fn expose(&self) -> &str {
        &self.raw
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// The same kind of value with another raw text.
    pub fn with_raw(&self, raw: impl Into<String>) -> Self {
        Sensitive {
            raw: raw.into(),
            kind: self.kind,
        }
    }

    pub fn redacted(&self) -> String {
        match self.kind {
            Kind::Urls => value(&self.raw),
            Kind::Commands => commands(&self.raw),
            Kind::Remote => super::redact_urls(&self.raw),
        }
    }
}

/// Compares the raw value: equality tells nothing a report could print.
impl PartialEq<&str> for Sensitive {
    fn eq(&self, other: &&str) -> bool {
        self.raw == *other
    }
}

impl fmt::Display for Sensitive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl fmt::Debug for Sensitive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sensitive({:?})", self.redacted())
    }
}

impl serde::Serialize for Sensitive {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.redacted())
    }
}

/// Read as URLs (godoctor.toml's `mirrors`): the raw text stays inside.
impl<'de> serde::Deserialize<'de> for Sensitive {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Sensitive::urls)
    }
}

/// A setting's value or one URL, with the userinfo of every URL in it replaced by `xxxxx`.
pub fn value(raw: &str) -> String {
    value_with(raw, MASK)
}

/// [`value`] with another replacement (`USER:PASSWORD` in commands to paste).
pub fn value_with(raw: &str, mask: &str) -> String {
    let Some(last_at) = raw.rfind('@') else {
        return raw.to_owned();
    };
    if let Some(clean) = clean_list(raw, mask) {
        return clean;
    }
    let start = authority_start(&raw[..last_at]);
    format!("{}{mask}{}", &raw[..start], &raw[last_at..])
}

/// GOAUTH commands without their arguments: `netrc`, `off` and `git <dir>` as they are, any
/// other command as its program and `…`.
pub fn commands(raw: &str) -> String {
    raw.split(';')
        .map(|command| {
            let body = command.trim_start();
            let lead = &command[..command.len() - body.len()];
            let mut words = body.split_whitespace();
            let shown = match (words.next(), words.next(), words.next()) {
                (None, _, _) | (Some("netrc" | "off"), None, _) => return command.to_owned(),
                (Some("git"), Some(dir), None) => format!("git {}", value(dir)),
                (Some(program), None, _) => value(program),
                (Some(program), Some(_), _) => format!("{} …", value(program)),
            };
            format!("{lead}{shown}")
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Separators of the lists a setting may hold: GOPROXY's `,` and `|`, GOSUMDB's and GOFLAGS'
/// spaces, NO_PROXY's `,`.
fn is_separator(c: char) -> bool {
    matches!(c, ',' | '|') || c.is_ascii_whitespace()
}

/// The value redacted piece by piece when every piece is a clean URL (or holds no `@` and no
/// suspicious authority); None when some piece is not.
fn clean_list(raw: &str, mask: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    for piece in raw.split_inclusive(is_separator) {
        let (body, sep) = match piece.char_indices().last() {
            Some((i, c)) if is_separator(c) => (&piece[..i], &piece[i..]),
            _ => (piece, ""),
        };
        out.push_str(&clean_piece(body, mask)?);
        out.push_str(sep);
    }
    Some(out)
}

fn clean_piece(piece: &str, mask: &str) -> Option<String> {
    if piece.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return None;
    }
    let (prefix, rest) = match split_scheme(piece) {
        Some((scheme, rest)) => (&piece[..scheme.len() + 1], rest),
        None => ("", piece),
    };
    let Some(after) = rest.strip_prefix("//") else {
        // No authority: an `@` here is not go's userinfo, but may still be a pasted credential —
        // unless it is a module version (`example.com/m@v1.2.3`).
        let harmless = !piece.contains('@')
            || (!piece.contains(':')
                && piece
                    .match_indices('@')
                    .all(|(i, _)| names_a_version(&piece[i + 1..])));
        return harmless.then(|| piece.to_owned());
    };
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let (authority, tail) = after.split_at(end);
    if tail
        .match_indices('@')
        .any(|(i, _)| !names_a_version(&tail[i + 1..]))
    {
        // `https://u:1234/x@h` parses with host `u:1234`: the `@` may end a password. The
        // module proxy protocol's `/@v/list`, `/@latest` and `mod@v1.2.3` are paths.
        return None;
    }
    let (userinfo, host) = match authority.rfind('@') {
        Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
        None => (None, authority),
    };
    if !valid_host(host) {
        return None;
    }
    match userinfo {
        None | Some("git" | "USER:PASSWORD") => Some(piece.to_owned()),
        Some(u) if u.bytes().all(valid_userinfo_byte) && valid_escapes(u) => {
            Some(format!("{prefix}//{mask}@{host}{tail}"))
        }
        Some(_) => None,
    }
}

/// What follows an `@` in a module proxy or checksum database path: `v/…`, `v1.2.3`, `latest`.
fn names_a_version(after_at: &str) -> bool {
    let b = after_at.as_bytes();
    after_at.starts_with("latest")
        || (b.first() == Some(&b'v') && b.get(1).is_some_and(|c| *c == b'/' || c.is_ascii_digit()))
}

/// `scheme:` as go's `getScheme` finds it.
fn split_scheme(s: &str) -> Option<(&str, &str)> {
    let i = s.find(':')?;
    let scheme = &s[..i];
    let mut bytes = scheme.bytes();
    let first = bytes.next()?;
    (first.is_ascii_alphabetic()
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
    .then(|| (scheme, &s[i + 1..]))
}

/// A host go accepts (`[v6]` or a name) with an optional numeric port: a `:` followed by
/// anything else is a password cut short.
fn valid_host(host: &str) -> bool {
    let port = match host.strip_prefix('[') {
        Some(rest) => match rest.find(']') {
            Some(i) => &rest[i + 1..],
            None => return false,
        },
        None => host.rfind(':').map_or("", |i| &host[i..]),
    };
    port.strip_prefix(':')
        .map_or(port.is_empty(), |d| d.bytes().all(|b| b.is_ascii_digit()))
}

/// go's `validUserinfo`.
fn valid_userinfo_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._:~!$&'()*+,;=%@".contains(&b)
}

fn valid_escapes(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().all(|(i, &c)| {
        c != b'%'
            || (b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    })
}

/// Where a conservative redaction starts: after the value's first `//` when only a scheme (or
/// words without a `:`) come before it, else at the start.
fn authority_start(before_last_at: &str) -> usize {
    match before_last_at.find("//") {
        Some(i) => {
            let prefix = &before_last_at[..i];
            let lead = prefix.strip_suffix(':').unwrap_or(prefix);
            let ends_well =
                prefix.is_empty() || prefix.ends_with(':') || prefix.ends_with(is_separator);
            if ends_well && !lead.contains(':') {
                i + 2
            } else {
                0
            }
        }
        None => 0,
    }
}
