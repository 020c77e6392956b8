//! go-get discovery judged as go judges it (`repoRootForImportDynamic`, vcs/vcs.go): the tags
//! go reads on the page (meta.rs), the one that matches the module (`matchGoImport`), the
//! shorter prefix's own page that must agree with it, then the subdirectory, the repository
//! root and the version control system — each failure in go's words. Beside it, the
//! [`Board`] on which a discovery target posts what it found, for the git probe of the same
//! module to wait on. docs/go/semantics.md §8 "Finding the repository".

pub mod meta;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::watch;

pub use meta::GoImport;

use super::HttpError;
use crate::config::gourl::{self, go_quote};

/// The version control systems go knows (`vcsList`); `mod` is the GOPROXY protocol.
const KNOWN_VCS: &[&str] = &["hg", "git", "svn", "bzr", "fossil"];

/// `str.HasPathPrefix`: `s` is `prefix` or lies below it.
pub fn has_path_prefix(s: &str, prefix: &str) -> bool {
    if s.len() == prefix.len() {
        return s == prefix;
    }
    if prefix.is_empty() {
        return true;
    }
    s.len() > prefix.len()
        && s.starts_with(prefix)
        && (prefix.ends_with('/') || s.as_bytes()[prefix.len()] == b'/')
}

/// Why no tag matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchError {
    /// `multiple meta tags match import path %q`.
    Multiple,
    /// `ImportMismatchError`: the prefixes of the tags that did not match.
    Mismatch(Vec<String>),
}

/// `matchGoImport`: the one tag whose prefix `path` lies under; a `mod` entry (first in the
/// list) wins over the non-`mod` entries after it.
pub fn match_go_import<'a>(
    imports: &'a [GoImport],
    path: &str,
) -> Result<&'a GoImport, MatchError> {
    let mut found: Option<usize> = None;
    let mut mismatches = Vec::new();
    for (i, im) in imports.iter().enumerate() {
        if !has_path_prefix(path, &im.prefix) {
            mismatches.push(im.prefix.clone());
            continue;
        }
        if let Some(m) = found {
            if imports[m].vcs == "mod" && im.vcs != "mod" {
                break;
            }
            return Err(MatchError::Multiple);
        }
        found = Some(i);
    }
    found
        .map(|i| &imports[i])
        .ok_or(MatchError::Mismatch(mismatches))
}

/// `urlForImportPath` as go prints it: no scheme (`//host/path?go-get=1`), because web.Get
/// fills the scheme in on a copy.
pub fn schemeless_url(import_path: &str) -> Result<String, String> {
    let (host, path) = import_path
        .find('/')
        .map_or((import_path, ""), |i| import_path.split_at(i));
    if !host.contains('.') {
        return Err("import path does not begin with hostname".into());
    }
    let path = if path.is_empty() { "/" } else { path };
    Ok(format!("//{host}{path}?go-get=1"))
}

/// The URL go fetches for `import_path` (`https:` + [`schemeless_url`]).
pub fn page_url(import_path: &str) -> Result<String, String> {
    schemeless_url(import_path).map(|u| format!("https:{u}"))
}

/// One discovery page as go received it.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// `resp.URL`: the URL that answered, after redirects (redacted).
    pub url: String,
    /// go's `resp.Err()` for a status other than 200 (`reading <url>: 404 Not Found`).
    pub status_error: Option<String>,
    pub body: &'a [u8],
}

/// A discovery failure: the HTTP layer's kind and go's whole error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub kind: HttpError,
    /// `unrecognized import path "<module>": …`.
    pub go_error: String,
}

fn fail(module: &str, kind: HttpError, inner: String) -> Failure {
    Failure {
        kind,
        go_error: format!("unrecognized import path {}: {inner}", go_quote(module)),
    }
}

/// What the module's own page says: every tag go reads, and the one it follows (or why none).
#[derive(Debug, Clone)]
pub struct Read {
    pub tags: Vec<GoImport>,
    pub chosen: Result<GoImport, Failure>,
}

/// The first half of `repoRootForImportDynamic`: the page's tags and the match.
/// `subdir_field`: the go whose rules apply reads four-field tags (≥ 1.25).
pub fn read_page(module: &str, page: &Page<'_>, subdir_field: bool) -> Read {
    let parsed = meta::parse(page.body, subdir_field);
    let tags = parsed.clone().unwrap_or_default();
    let chosen = if let (true, Some(e)) = (tags.is_empty(), &page.status_error) {
        // A status other than 200 is reported instead of a parse error.
        Err(fail(module, HttpError::NoGoImport, e.clone()))
    } else if let Err(e) = parsed {
        Err(fail(
            module,
            HttpError::NoGoImport,
            format!("parsing {module}: {e}"),
        ))
    } else {
        match match_go_import(&tags, module) {
            Ok(t) => Ok(t.clone()),
            Err(MatchError::Multiple) => Err(fail(
                module,
                HttpError::MultipleGoImports,
                format!(
                    "parse {}: multiple meta tags match import path {}",
                    schemeless_url(module).unwrap_or_default(),
                    go_quote(module)
                ),
            )),
            Err(MatchError::Mismatch(prefixes)) => Err(fail(
                module,
                HttpError::NoGoImport,
                format!(
                    "parse {}: no go-import meta tags ({})",
                    page.url,
                    prefixes
                        .iter()
                        .map(|p| format!("meta tag {p} did not match import path {module}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    };
    Read { tags, chosen }
}

/// A tag for a shorter prefix is verified against that prefix's own page
/// (`metaImportsForPrefix`): `prefix_page` is it, or the transport error fetching it. Ok when
/// that page's match for `module` is the same tag.
pub fn check_prefix_page(
    module: &str,
    chosen: &GoImport,
    first_url: &str,
    prefix_page: Result<&Page<'_>, String>,
    subdir_field: bool,
) -> Result<(), Failure> {
    let disagree = |inner: String| fail(module, HttpError::GoImportDisagree, inner);
    let request = schemeless_url(&chosen.prefix).map_err(disagree)?;
    let page = prefix_page.map_err(|e| disagree(format!("fetching {}: {e}", chosen.prefix)))?;
    let parsed = meta::parse(page.body, subdir_field);
    let tags = parsed.clone().unwrap_or_default();
    if let (true, Some(e)) = (tags.is_empty(), &page.status_error) {
        return Err(disagree(e.clone()));
    }
    if let Err(e) = parsed {
        return Err(disagree(format!("parsing {}: {e}", page.url)));
    }
    if tags.is_empty() {
        return Err(disagree(format!(
            "fetching {}: no go-import meta tag found in {}",
            chosen.prefix, page.url
        )));
    }
    match match_go_import(&tags, module) {
        Ok(t) if t == chosen => Ok(()),
        _ => Err(disagree(format!(
            "{first_url} and {request} disagree about go-import for {}",
            chosen.prefix
        ))),
    }
}

/// The last checks of `repoRootForImportDynamic` on the tag go follows: its subdirectory
/// (go ≥ 1.25), its repository root and its version control system. GOVCS comes after and is
/// not judged here.
pub fn check_tag(
    module: &str,
    tag: &GoImport,
    first_url: &str,
    subdir_field: bool,
) -> Result<(), Failure> {
    if subdir_field && let Some(sub) = &tag.subdir {
        let why = match sub.as_bytes().first() {
            Some(b'/') => Some("leading slash"),
            Some(b'-') => Some("leading hyphen"),
            _ => None,
        };
        if let Some(why) = why {
            return Err(fail(
                module,
                HttpError::InvalidSubdir,
                format!("{first_url}: invalid subdirectory {}: {why}", go_quote(sub)),
            ));
        }
    }
    if let Err(why) = validate_repo_root(&tag.repo) {
        return Err(fail(
            module,
            HttpError::InvalidRepoRoot,
            format!(
                "{first_url}: invalid repo root {}: {why}",
                go_quote(&tag.repo)
            ),
        ));
    }
    if tag.vcs != "mod" && !KNOWN_VCS.contains(&tag.vcs.as_str()) {
        return Err(fail(
            module,
            HttpError::UnknownVcs,
            format!("{first_url}: unknown vcs {}", go_quote(&tag.vcs)),
        ));
    }
    Ok(())
}

/// `validateRepoRoot`: a URL with a scheme, not `file`.
pub fn validate_repo_root(root: &str) -> Result<(), String> {
    let u = gourl::parse(root).map_err(|e| e.to_string())?;
    if u.scheme.is_empty() {
        return Err("no scheme".into());
    }
    if u.scheme == "file" {
        return Err("file scheme disallowed".into());
    }
    Ok(())
}

/// What discovery found for a module: the tag go follows, or go's error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Repo(GoImport),
    Failed(String),
}

/// Where discovery targets post what they found, keyed by the discovery URL, and where the
/// git probe of the same module waits for it (one request for both).
#[derive(Debug, Default)]
pub struct Board {
    slots: Mutex<HashMap<String, watch::Sender<Option<Found>>>>,
}

impl Board {
    fn slot(&self, url: &str) -> watch::Sender<Option<Found>> {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        slots
            .entry(url.to_owned())
            .or_insert_with(|| watch::channel(None).0)
            .clone()
    }

    pub fn post(&self, url: &str, found: Found) {
        self.slot(url).send_replace(Some(found));
    }

    /// What was posted for `url`, waiting at most `within`; None when nothing came.
    pub async fn wait(&self, url: &str, within: Duration) -> Option<Found> {
        let mut rx = self.slot(url).subscribe();
        let seen = tokio::time::timeout(within, rx.wait_for(Option::is_some))
            .await
            .ok()?
            .ok()?;
        seen.clone()
    }
}

#[cfg(test)]
mod tests;
