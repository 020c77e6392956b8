//! GOVCS on a direct fetch, as go enforces it (cmd/go/internal/vcs `checkGOVCS`, script test
//! govcs.txt): once go knows the repository root and its version-control tool, it refuses a
//! tool GOVCS does not allow ("GOVCS disallows using svn for public rsc.io/x.svn; see 'go help
//! vcs'"), and a malformed GOVCS fails every direct fetch that needs a tool. The root and tool
//! come from go's static table (`vcsPaths`: github.com, bitbucket.org, …, and a path element
//! ending in `.git`, `.hg`, `.svn`, `.fossil`, `.bzr`); a path that needs `?go-get=1`
//! discovery is judged when the discovery answer is known, not here.

use crate::config::Config;
use crate::config::goflags::{default_govcs, govcs_allows, parse_govcs};
use crate::config::goversion::GoVersion;
use crate::config::patterns::match_prefix_patterns;

/// Why go refuses to run a version-control tool for a module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GovcsRefusal {
    /// GOVCS does not allow the tool; go's words.
    Disallowed {
        vcs: String,
        root: String,
        error: String,
    },
    /// GOVCS is malformed; go's parse error.
    Malformed(String),
}

impl GovcsRefusal {
    /// go's words, without the `go: <module>: ` prefix.
    pub fn error(&self) -> &str {
        match self {
            GovcsRefusal::Disallowed { error, .. } | GovcsRefusal::Malformed(error) => error,
        }
    }
}

/// The repository root and tool go's static table gives for an import path, without discovery.
pub fn static_vcs(path: &str, go: &GoVersion) -> Option<(&'static str, String)> {
    let parts: Vec<&str> = path.split('/').collect();
    let first = *parts.first()?;
    let root = |n: usize| (parts.len() >= n).then(|| parts[..n].join("/"));
    match first {
        "github.com" | "bitbucket.org" => return root(3).map(|r| ("git", r)),
        "git.openstack.org" => return root(3).map(|r| ("git", r.trim_end_matches(".git").into())),
        "git.apache.org" => return root(2).map(|r| ("git", r)),
        "chiselapp.com" if parts.len() == 5 => return Some(("fossil", path.to_owned())),
        _ => {}
    }
    vcs_suffix(&parts, go)
}

/// The table's last, general row: a host with a dot, then the first element ending in a VCS
/// suffix (bzr until Bazaar support was deleted, golang/go#78090, in go1.27).
fn vcs_suffix(parts: &[&str], go: &GoVersion) -> Option<(&'static str, String)> {
    let host = parts.first()?;
    let host_ok = host.contains('.')
        && host.split(':').next().is_some_and(|h| {
            h.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
        });
    if !host_ok {
        return None;
    }
    let word = |e: &str| {
        let e = e.strip_prefix('~').unwrap_or(e);
        !e.is_empty()
            && e.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'-')
    };
    if !parts[1..].iter().all(|e| word(e)) {
        return None;
    }
    let mut kinds = vec!["fossil", "git", "hg", "svn"];
    if !go.at_least(1, 27) {
        kinds.insert(0, "bzr");
    }
    for (i, e) in parts.iter().enumerate().skip(1) {
        for kind in &kinds {
            if let Some(stem) = e.strip_suffix(&format!(".{kind}")[..])
                && !stem.trim_start_matches('~').is_empty()
            {
                return Some((kind, parts[..=i].join("/")));
            }
        }
    }
    None
}

/// go's refusal for a direct fetch of `module`, when its tool is known without discovery (or
/// GOVCS is malformed, which fails every tool).
pub fn refusal(cfg: &Config, module: &str) -> Option<GovcsRefusal> {
    let rules = match parse_govcs(cfg.get("GOVCS")) {
        Ok(r) => r,
        Err(e) => return Some(GovcsRefusal::Malformed(e)),
    };
    let (vcs, root) = static_vcs(module, &cfg.rules_version)?;
    check(&rules, cfg.get("GOPRIVATE"), vcs, &root)
}

/// `checkGOVCS` with parsed rules: the user's, then go's defaults.
pub fn check(
    rules: &[crate::config::goflags::GovcsRule],
    goprivate: &str,
    vcs: &str,
    root: &str,
) -> Option<GovcsRefusal> {
    let mut all = rules.to_vec();
    all.extend(default_govcs());
    let private = match_prefix_patterns(goprivate, root);
    if govcs_allows(&all, root, private, vcs) {
        return None;
    }
    let what = if private { "private" } else { "public" };
    Some(GovcsRefusal::Disallowed {
        vcs: vcs.to_owned(),
        root: root.to_owned(),
        error: format!("GOVCS disallows using {vcs} for {what} {root}; see 'go help vcs'"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_roots() {
        let go = GoVersion::new(1, 27, 0);
        assert_eq!(
            static_vcs("github.com/google/go-cmp/cmp", &go),
            Some(("git", "github.com/google/go-cmp".into()))
        );
        assert_eq!(
            static_vcs("rsc.io/nonexist.svn/hello", &go),
            Some(("svn", "rsc.io/nonexist.svn".into()))
        );
        assert_eq!(static_vcs("rsc.io/quote", &go), None);
        assert_eq!(static_vcs("example.com/x.bzr", &go), None);
        assert_eq!(
            static_vcs("example.com/x.bzr", &GoVersion::new(1, 19, 0)),
            Some(("bzr", "example.com/x.bzr".into()))
        );
    }

    #[test]
    fn defaults_refuse_svn_for_public_modules() {
        let e = check(&[], "", "svn", "rsc.io/x.svn").unwrap();
        assert_eq!(
            e.error(),
            "GOVCS disallows using svn for public rsc.io/x.svn; see 'go help vcs'"
        );
        assert!(check(&[], "rsc.io", "svn", "rsc.io/x.svn").is_none());
        assert!(check(&[], "", "git", "github.com/a/b").is_none());
    }
}
