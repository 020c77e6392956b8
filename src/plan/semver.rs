//! Module version order: `golang.org/x/mod/semver.Compare`, which `gover.ModCompare` uses for
//! every module but `go` and `toolchain`. An invalid version (`none`, `latest`) sorts below every
//! valid one; two invalid versions are equal.

use std::cmp::Ordering;

struct Parsed<'a> {
    major: &'a str,
    minor: &'a str,
    patch: &'a str,
    prerelease: &'a str,
}

/// `semver.Compare(v, w)`.
pub fn compare(v: &str, w: &str) -> Ordering {
    match (parse(v), parse(w)) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(a), Some(b)) => compare_int(a.major, b.major)
            .then_with(|| compare_int(a.minor, b.minor))
            .then_with(|| compare_int(a.patch, b.patch))
            .then_with(|| compare_prerelease(a.prerelease, b.prerelease)),
    }
}

/// `semver.IsValid`.
pub fn is_valid(v: &str) -> bool {
    parse(v).is_some()
}

/// A valid version written out in full, `vMAJOR.MINOR.PATCH[-pre][+build]` (not `v1` or
/// `v1.2`): what a query names exactly, without asking the version list.
pub fn is_complete(v: &str) -> bool {
    let core = v.split(['-', '+']).next().unwrap_or("");
    is_valid(v) && core.matches('.').count() == 2
}

fn parse(v: &str) -> Option<Parsed<'_>> {
    let rest = v.strip_prefix('v')?;
    let (major, rest) = parse_int(rest)?;
    if rest.is_empty() {
        return Some(Parsed {
            major,
            minor: "0",
            patch: "0",
            prerelease: "",
        });
    }
    let (minor, rest) = parse_int(rest.strip_prefix('.')?)?;
    if rest.is_empty() {
        return Some(Parsed {
            major,
            minor,
            patch: "0",
            prerelease: "",
        });
    }
    let (patch, mut rest) = parse_int(rest.strip_prefix('.')?)?;
    let mut prerelease = "";
    if let Some(after) = rest.strip_prefix('-') {
        let end = after.find('+').unwrap_or(after.len());
        prerelease = &rest[..end + 1];
        if !valid_idents(&after[..end], true) {
            return None;
        }
        rest = &after[end..];
    }
    if let Some(build) = rest.strip_prefix('+') {
        if !valid_idents(build, false) {
            return None;
        }
        rest = "";
    }
    rest.is_empty().then_some(Parsed {
        major,
        minor,
        patch,
        prerelease,
    })
}

fn parse_int(s: &str) -> Option<(&str, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let n = &s[..end];
    if n.is_empty() || (n.len() > 1 && n.starts_with('0')) {
        return None;
    }
    Some((n, &s[end..]))
}

fn valid_idents(s: &str, prerelease: bool) -> bool {
    !s.is_empty()
        && s.split('.').all(|id| {
            !id.is_empty()
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !(prerelease
                    && id.len() > 1
                    && id.starts_with('0')
                    && id.bytes().all(|b| b.is_ascii_digit()))
        })
}

fn compare_int(a: &str, b: &str) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

fn compare_prerelease(a: &str, b: &str) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    let mut x = a[1..].split('.');
    let mut y = b[1..].split('.');
    loop {
        match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(dx), Some(dy)) => {
                let nx = dx.bytes().all(|b| b.is_ascii_digit());
                let ny = dy.bytes().all(|b| b.is_ascii_digit());
                let c = match (nx, ny) {
                    (true, true) => compare_int(dx, dy),
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                    (false, false) => dx.cmp(dy),
                };
                if c != Ordering::Equal {
                    return c;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_versions_name_all_three_numbers() {
        assert!(is_complete("v1.2.3"));
        assert!(is_complete("v2.0.0-rc.1+incompatible"));
        assert!(!is_complete("v1.2"));
        assert!(!is_complete("v1"));
        assert!(!is_complete("v01.2.3"));
        assert!(!is_complete("latest"));
    }

    #[test]
    fn orders_like_x_mod_semver() {
        let ordered = [
            "none",
            "v0.0.0-00010101000000-000000000000",
            "v0.0.0",
            "v0.1.0",
            "v1",
            "v1.0.1",
            "v1.2.0-alpha",
            "v1.2.0-alpha.1",
            "v1.2.0-alpha.beta",
            "v1.2.0-beta.2",
            "v1.2.0-beta.11",
            "v1.2.0-rc.1",
            "v1.2.0",
            "v1.10.0",
            "v2.0.0+incompatible",
        ];
        for w in ordered.windows(2) {
            assert_eq!(compare(w[0], w[1]), Ordering::Less, "{} < {}", w[0], w[1]);
            assert_eq!(compare(w[1], w[0]), Ordering::Greater);
        }
        assert_eq!(compare("v1.2", "v1.2.0"), Ordering::Equal);
        assert_eq!(compare("v1.2.0+meta", "v1.2.0"), Ordering::Equal);
        assert_eq!(compare("none", "latest"), Ordering::Equal);
        assert!(!is_valid("v1.2-pre") && !is_valid("v01.0.0") && !is_valid("1.0.0"));
        assert!(!is_valid("v1.0.0-01") && is_valid("v1.0.0-0a"));
    }
}
