//! Go release versions (`go1.19.8`, `go1.21rc2`, `go1.22`), so rules can say which go
//! behaves how (docs/go/toolchains.md Part 2).

use std::cmp::Ordering;
use std::fmt;

/// A Go release: 1.minor.patch, with an optional pre-release (`rc1`, `beta2`).
#[derive(Debug, Clone)]
pub struct GoVersion {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
    /// e.g. `rc1`; empty for a release.
    pub pre: String,
    /// A development build (`devel go1.28-abcdef`): newer than any release of its minor.
    pub devel: bool,
    /// Written without a patch (`go1.500`): go prints it that way, never `go1.500.0`.
    pub short: bool,
}

impl GoVersion {
    pub const fn new(major: u32, minor: u32, patch: u32) -> Self {
        GoVersion {
            major,
            minor,
            patch,
            pre: String::new(),
            devel: false,
            short: false,
        }
    }

    /// The release godoctor assumes when no go is installed.
    pub fn assumed_current() -> Self {
        GoVersion::new(1, 27, 0)
    }

    /// Parses `go1.19.8`, `1.21`, `go1.21rc2`, `devel go1.28-abc …`, `go1.22.0-bigcorp`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let (s, devel) = match s.strip_prefix("devel ") {
            Some(rest) => (rest.split_whitespace().next().unwrap_or(""), true),
            None => (s, false),
        };
        let s = s.strip_prefix("go").unwrap_or(s);
        // Drop a suffix after '-', space or tab (gover.FromToolchain).
        let s = s.split(['-', ' ', '\t']).next().unwrap_or("");
        let mut parts = s.splitn(3, '.');
        let major: u32 = parts.next()?.parse().ok()?;
        let minor_raw = parts.next().unwrap_or("0");
        let (minor_digits, minor_pre) = split_pre(minor_raw);
        let minor: u32 = minor_digits.parse().ok()?;
        let short = parts.clone().next().is_none();
        let (patch, pre) = match parts.next() {
            Some(p) => {
                let (d, pre) = split_pre(p);
                (d.parse().ok()?, pre.to_owned())
            }
            None => (0, minor_pre.to_owned()),
        };
        if !(pre.is_empty()
            || pre.starts_with("rc")
            || pre.starts_with("beta")
            || pre.starts_with("alpha"))
        {
            return None;
        }
        Some(GoVersion {
            major,
            minor,
            patch,
            pre,
            devel,
            short,
        })
    }

    pub fn at_least(&self, major: u32, minor: u32) -> bool {
        (self.major, self.minor) >= (major, minor)
    }
}

fn split_pre(s: &str) -> (&str, &str) {
    let i = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    (&s[..i], &s[i..])
}

impl PartialEq for GoVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for GoVersion {}

impl PartialOrd for GoVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for GoVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.major, self.minor, self.patch)
            .cmp(&(other.major, other.minor, other.patch))
            // A pre-release sorts before its release; devel after.
            .then_with(|| match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                _ => self.pre.cmp(&other.pre),
            })
            .then(self.devel.cmp(&other.devel))
    }
}

impl fmt::Display for GoVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "go{}.{}", self.major, self.minor)?;
        if (self.pre.is_empty() && !self.short) || self.patch != 0 {
            write!(f, ".{}", self.patch)?;
        }
        f.write_str(&self.pre)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders() {
        let v = |s| GoVersion::parse(s).unwrap();
        assert_eq!(v("go1.19.8"), GoVersion::new(1, 19, 8));
        assert_eq!(v("1.21"), GoVersion::new(1, 21, 0));
        assert_eq!(v("go1.22.0-bigcorp"), GoVersion::new(1, 22, 0));
        assert!(v("go1.21rc2") < v("go1.21.0"));
        assert!(v("go1.21.0") < v("go1.21.1"));
        assert!(v("go1.9") < v("go1.19"));
        assert!(v("devel go1.28-abc Tue") > v("go1.27.3"));
        assert!(v("go1.27.3").at_least(1, 21));
        assert!(!v("go1.19.8").at_least(1, 21));
        assert_eq!(v("go1.21rc2").to_string(), "go1.21rc2");
        assert_eq!(v("go1.19.8").to_string(), "go1.19.8");
        // gotoolchain_local.txt: a local go1.500 says `running go 1.500`.
        assert_eq!(v("go1.500").to_string(), "go1.500");
        assert_eq!(v("go1.500"), v("go1.500.0"));
        for bad in ["", "go", "gox", "go1.x", "bash", "go1.2.3.4x", "go1.21foo"] {
            assert!(GoVersion::parse(bad).is_none(), "{bad}");
        }
    }
}
