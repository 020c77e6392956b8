//! GOPROXY: the ordered list of places go asks for modules (docs/go/semantics.md §1 "Parsing the
//! list", a port of cmd/go's `proxyList`).
//!
//! Each entry carries its fall-through rule: after `,` go moves on only when the entry answered
//! 404/410; after `|` it moves on after any error. `direct` and `off` end the list. When GONOPROXY
//! is non-empty (and GOPROXY is not exactly `direct`), go puts an implicit `noproxy` entry first.

use super::gourl::{self, UrlError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProxyEntry {
    /// The implicit first entry when GONOPROXY is set: fetch GONOPROXY matches directly.
    NoProxy,
    Off,
    Direct,
    /// A proxy URL, exactly as go will use it (implicit `https://` added).
    Url(String),
}

/// When go moves past an entry that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FallThrough {
    /// Separator `,` (or last entry): only a 404/410 moves on.
    NotFoundOnly,
    /// Separator `|`: any error moves on.
    AnyError,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxySpec {
    pub entry: ProxyEntry,
    pub fall_through: FallThrough,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProxyList {
    pub specs: Vec<ProxySpec>,
    /// Entries written after `direct` or `off`, which go ignores.
    pub ignored: Vec<String>,
    /// Entries that got an implicit `https://`.
    pub implicit_https: Vec<String>,
    /// Entries that had surrounding whitespace (harmless: go trims them).
    pub trimmed: Vec<String>,
}

/// Why go rejects a GOPROXY value: the texts are go's own.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProxyListError {
    #[error(transparent)]
    Url(#[from] UrlError),
    #[error("invalid proxy URL missing scheme: {0}")]
    MissingScheme(String),
    #[error("invalid proxy URL scheme (must be https, http, file): {0}")]
    BadScheme(String),
    #[error("invalid file:// proxy URL with non-path elements: {0}")]
    FileWithNonPath(String),
    #[error("GOPROXY list is not the empty string, but contains no entries")]
    NoEntries,
}

impl ProxyEntry {
    pub fn as_str(&self) -> &str {
        match self {
            ProxyEntry::NoProxy => "noproxy",
            ProxyEntry::Off => "off",
            ProxyEntry::Direct => "direct",
            ProxyEntry::Url(u) => u,
        }
    }
}

impl ProxyList {
    pub fn urls(&self) -> impl Iterator<Item = &str> {
        self.specs.iter().filter_map(|s| match &s.entry {
            ProxyEntry::Url(u) => Some(u.as_str()),
            _ => None,
        })
    }
}

/// Parses GOPROXY as go does, given GONOPROXY's effective value.
/// A GOPROXY entry (trimmed) as the URL go uses: a host or path without a scheme gets
/// `https://`.
pub fn entry_url(entry: &str) -> String {
    if entry.contains(['.', ':', '/']) && !entry.contains(":/") && !is_abs_path(entry) {
        format!("https://{entry}")
    } else {
        entry.to_owned()
    }
}

pub fn parse(goproxy: &str, gonoproxy: &str) -> Result<ProxyList, ProxyListError> {
    let mut list = ProxyList::default();
    if !gonoproxy.is_empty() && goproxy != "direct" {
        list.specs.push(ProxySpec {
            entry: ProxyEntry::NoProxy,
            fall_through: FallThrough::NotFoundOnly,
        });
    }
    let mut rest = goproxy;
    while !rest.is_empty() {
        let (raw, fall_through) = match rest.find([',', '|']) {
            Some(i) => {
                let ft = if rest.as_bytes()[i] == b'|' {
                    FallThrough::AnyError
                } else {
                    FallThrough::NotFoundOnly
                };
                let raw = &rest[..i];
                rest = &rest[i + 1..];
                (raw, ft)
            }
            None => {
                let raw = rest;
                rest = "";
                (raw, FallThrough::NotFoundOnly)
            }
        };
        let url = raw.trim_matches(is_go_space);
        if url.is_empty() {
            continue;
        }
        if url.len() != raw.len() {
            list.trimmed.push(raw.to_owned());
        }
        let terminal = match url {
            "off" => Some(ProxyEntry::Off),
            "direct" => Some(ProxyEntry::Direct),
            _ => None,
        };
        if let Some(entry) = terminal {
            list.specs.push(ProxySpec {
                entry,
                fall_through,
            });
            list.ignored = rest
                .split([',', '|'])
                .map(|s| s.trim_matches(is_go_space))
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            break;
        }
        let url_as_go = entry_url(url);
        if url_as_go != url {
            list.implicit_https.push(url.to_owned());
        }
        let url = url_as_go;
        validate_proxy_url(&url)?;
        list.specs.push(ProxySpec {
            entry: ProxyEntry::Url(url),
            fall_through,
        });
    }
    let only_noproxy = list.specs.len() == 1 && list.specs[0].entry == ProxyEntry::NoProxy;
    if list.specs.is_empty() || only_noproxy {
        return Err(ProxyListError::NoEntries);
    }
    Ok(list)
}

/// `newProxyRepo`'s checks.
pub fn validate_proxy_url(url: &str) -> Result<(), ProxyListError> {
    let base = gourl::parse(url)?;
    // The whole entry, not only a parsed userinfo: URL text can hide in a path.
    let redacted = crate::redact::redact_urls(url);
    match base.scheme.as_str() {
        "http" | "https" => Ok(()),
        "file" => {
            let non_path = !base.opaque.is_empty()
                || base.userinfo.is_some()
                || !base.host.is_empty()
                || !base.raw_query.is_empty()
                || !base.fragment.is_empty();
            if non_path {
                Err(ProxyListError::FileWithNonPath(redacted))
            } else {
                Ok(())
            }
        }
        "" => Err(ProxyListError::MissingScheme(redacted)),
        _ => Err(ProxyListError::BadScheme(redacted)),
    }
}

/// `strings.TrimSpace`'s notion of space (Unicode White_Space).
pub fn is_go_space(c: char) -> bool {
    c.is_whitespace()
}

fn is_abs_path(s: &str) -> bool {
    s.starts_with('/') || (cfg!(windows) && (s.starts_with('\\') || s.get(1..3) == Some(":\\")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(goproxy: &str, gonoproxy: &str) -> Vec<(String, FallThrough)> {
        parse(goproxy, gonoproxy)
            .unwrap()
            .specs
            .into_iter()
            .map(|s| (s.entry.as_str().to_owned(), s.fall_through))
            .collect()
    }

    use FallThrough::{AnyError as Any, NotFoundOnly as NF};

    // docs/go/semantics.md §1: splitting, keywords, implicit https://, noproxy.
    #[test]
    fn default_list() {
        assert_eq!(
            entries("https://proxy.golang.org,direct", ""),
            vec![
                ("https://proxy.golang.org".into(), NF),
                ("direct".into(), NF)
            ]
        );
    }

    #[test]
    fn separator_after_entry_decides_fall_through() {
        assert_eq!(
            entries("https://a.example|https://b.example,direct", ""),
            vec![
                ("https://a.example".into(), Any),
                ("https://b.example".into(), NF),
                ("direct".into(), NF)
            ]
        );
    }

    #[test]
    fn direct_and_off_end_the_list() {
        let l = parse("direct,https://never.example", "").unwrap();
        assert_eq!(l.specs.len(), 1);
        assert_eq!(l.ignored, vec!["https://never.example"]);
        let l = parse("off|https://x.example", "").unwrap();
        assert_eq!(l.specs[0].entry, ProxyEntry::Off);
        assert_eq!(l.ignored, vec!["https://x.example"]);
    }

    #[test]
    fn implicit_https_and_trimming() {
        assert_eq!(
            entries(" goproxy.cn , direct", ""),
            vec![("https://goproxy.cn".into(), NF), ("direct".into(), NF)]
        );
        assert_eq!(
            entries("localhost:8080", ""),
            vec![("https://localhost:8080".into(), NF)]
        );
        assert_eq!(
            entries("file:///srv/mods", ""),
            vec![("file:///srv/mods".into(), NF)]
        );
    }

    #[test]
    fn noproxy_goes_first_when_gonoproxy_is_set() {
        assert_eq!(
            entries("https://proxy.golang.org,direct", "corp.example"),
            vec![
                ("noproxy".into(), NF),
                ("https://proxy.golang.org".into(), NF),
                ("direct".into(), NF)
            ]
        );
        // GOPROXY exactly "direct": no noproxy.
        assert_eq!(
            entries("direct", "corp.example"),
            vec![("direct".into(), NF)]
        );
        // With off, the private module is still fetched directly (noproxy first).
        assert_eq!(
            entries("off", "corp.example"),
            vec![("noproxy".into(), NF), ("off".into(), NF)]
        );
    }

    // go's own error texts (proxy.go:122, :211, :213).
    #[test]
    fn errors() {
        let err = |p: &str| parse(p, "").unwrap_err().to_string();
        assert_eq!(
            err(","),
            "GOPROXY list is not the empty string, but contains no entries"
        );
        assert_eq!(
            err(" "),
            "GOPROXY list is not the empty string, but contains no entries"
        );
        assert_eq!(
            err(""),
            "GOPROXY list is not the empty string, but contains no entries"
        );
        assert_eq!(parse(",", "x").unwrap_err(), ProxyListError::NoEntries);
        assert_eq!(err("foo"), "invalid proxy URL missing scheme: foo");
        assert_eq!(
            err("/srv/mods"),
            "invalid proxy URL missing scheme: /srv/mods"
        );
        assert_eq!(
            err("ftp://h.example"),
            "invalid proxy URL scheme (must be https, http, file): ftp://h.example"
        );
        assert_eq!(
            err("file://host/x"),
            "invalid file:// proxy URL with non-path elements: file://host/x"
        );
        assert_eq!(
            err("https://a b.example"),
            r#"parse "https://a b.example": invalid character " " in host name"#
        );
        assert_eq!(
            err("https://u:secret@h.example:x"),
            r#"parse "https://xxxxx@h.example:x": invalid port ":x" after host"#
        );
    }

    #[test]
    fn redacts_in_errors() {
        let e = parse("socks5://u:secret@h.example", "")
            .unwrap_err()
            .to_string();
        assert!(!e.contains("secret"), "{e}");
    }
}
