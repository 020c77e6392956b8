//! Go versions as cmd/go's `gover` reads and orders them (`internal/gover`), checked against
//! Go's own tables (tests/conformance/gover.json). Before 1.21 a missing patch means `.0`
//! (`1.19` = `1.19.0`, and `1.19rc1` < `1.19`); from 1.21 the language version `1.21` sorts
//! before `1.21rc1`, which sorts before `1.21.0`. `1` is `1.0.0`; any lower-case pre-release
//! kind is valid (`1.999testmod`). Numbers are compared as decimals of any length.

use std::cmp::Ordering;

/// A Go version as `gover.Parse` sees it (decimal strings, as in Go).
#[derive(Debug, Clone)]
pub struct Gover {
    pub major: String,
    pub minor: String,
    /// Empty for a language version from 1.21 on (`1.21`).
    pub patch: String,
    /// `alpha`, `beta`, `rc`, or any other lower-case word; empty for a release.
    pub kind: String,
    pub pre: String,
    /// As written: go prints versions the way they were given (`1.500`, not `1.500.0`).
    text: String,
}

impl Gover {
    /// `gover.Parse`: `1`, `1.21`, `1.21.3`, `1.21rc1`, `1.21beta2`, `1.999testmod`; None
    /// where go's parse gives the zero Version.
    pub fn parse(s: &str) -> Option<Gover> {
        let (major, rest) = cut_int(s)?;
        let mut v = Gover {
            major: major.to_owned(),
            minor: String::new(),
            patch: String::new(),
            kind: String::new(),
            pre: String::new(),
            text: s.to_owned(),
        };
        if rest.is_empty() {
            v.minor = "0".into();
            v.patch = "0".into();
            return Some(v);
        }
        let (minor, rest) = cut_int(rest.strip_prefix('.')?)?;
        v.minor = minor.to_owned();
        if rest.is_empty() {
            if cmp_int(minor, "21") == Ordering::Less {
                v.patch = "0".into();
            }
            return Some(v);
        }
        if let Some(p) = rest.strip_prefix('.') {
            let (patch, rest) = cut_int(p)?;
            // go allows no pre-release on a patch release.
            if !rest.is_empty() {
                return None;
            }
            v.patch = patch.to_owned();
            return Some(v);
        }
        let end = rest
            .find(|c: char| !c.is_ascii_lowercase())
            .unwrap_or(rest.len());
        if end == 0 || rest[end..].starts_with(|c: char| !c.is_ascii_digit()) {
            return None;
        }
        v.kind = rest[..end].to_owned();
        if end < rest.len() {
            let (pre, rest) = cut_int(&rest[end..])?;
            if !rest.is_empty() {
                return None;
            }
            v.pre = pre.to_owned();
        }
        Some(v)
    }

    /// `gover.IsLang`: no patch, no pre-release (`1.21`; but `1.20` is `1.20.0`).
    pub fn is_lang(&self) -> bool {
        self.patch.is_empty() && self.kind.is_empty() && self.pre.is_empty()
    }

    /// A release, not a pre-release.
    pub fn is_release(&self) -> bool {
        self.kind.is_empty()
    }

    /// The language family (`1.21` of `1.21.3`), for grouping.
    pub fn family(&self) -> (&str, &str) {
        (&self.major, &self.minor)
    }
}

/// `gover.Compare` on strings: an invalid version compares equal to every invalid one and
/// below every valid one (go's zero Version).
pub fn compare(x: &str, y: &str) -> Ordering {
    match (Gover::parse(x), Gover::parse(y)) {
        (Some(a), Some(b)) => a.cmp(&b),
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
    }
}

/// `gover.FromToolchain`: `go1.21.3`, `go1.21.3-bigcorp` → the version; others → None.
pub fn from_toolchain(name: &str) -> Option<Gover> {
    if name.contains(['/', '\\']) {
        return None;
    }
    let v = name.strip_prefix("go")?;
    let v = v.split(['-', ' ', '\t']).next().unwrap_or("");
    Gover::parse(v)
}

/// A run of digits without a needless leading zero, and the rest.
fn cut_int(s: &str) -> Option<(&str, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || (s.starts_with('0') && end != 1) {
        return None;
    }
    Some((&s[..end], &s[end..]))
}

/// `gover.CmpInt`: decimals of any length.
fn cmp_int(x: &str, y: &str) -> Ordering {
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

impl PartialEq for Gover {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Gover {}

impl PartialOrd for Gover {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Gover {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_int(&self.major, &other.major)
            .then_with(|| cmp_int(&self.minor, &other.minor))
            .then_with(|| cmp_int(&self.patch, &other.patch))
            // "" < alpha < beta < rc, as strings.
            .then_with(|| self.kind.cmp(&other.kind))
            .then_with(|| cmp_int(&self.pre, &other.pre))
    }
}

impl std::fmt::Display for Gover {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Gover {
        Gover::parse(s).unwrap()
    }

    #[test]
    fn orders_like_gover() {
        assert!(v("1.21") < v("1.21rc1"));
        assert!(v("1.21rc1") < v("1.21.0"));
        assert!(v("1.21beta1") < v("1.21rc1"));
        assert!(v("1.21.0") < v("1.21.1"));
        assert!(v("1.9") < v("1.21"));
        assert_eq!(v("1.19"), v("1.19.0"));
        assert!(v("1.19rc1") < v("1.19"));
        assert_eq!(v("1"), v("1.0.0"));
        for bad in [
            "",
            "1.",
            "1.2.",
            "1.02",
            "x.y",
            "1.21.0.1",
            "1.21.0rc1",
            "1.21RC1",
        ] {
            assert!(Gover::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(v("1.500").to_string(), "1.500");
        assert_eq!(from_toolchain("go1.21.3-bigcorp"), Some(v("1.21.3")));
        assert_eq!(from_toolchain("go1"), Some(v("1")));
        assert_eq!(from_toolchain("gccgo-go1.99"), None);
    }
}
