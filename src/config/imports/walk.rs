//! Which directories of the main module are packages: modload's `matchPackages` walk for the
//! `all` pattern, then the directories its packages' imports reach inside the module
//! (`dirInModule`), which tidy loads even where the walk does not go (docs/go/semantics.md §10
//! "Which directories are packages").
//!
//! The walk does not follow symlinked directories (go's `fsys.WalkDir` does not), so it
//! cannot loop; an import may lead through a symlink, once per import path.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::SystemTime;

use super::package::{self, Entry};
use super::{Budget, LocalLookup, Package, ScanProblem, go_io_error};
use crate::config::modpath;

pub(super) struct Walker<'a> {
    pub root: &'a Path,
    pub module_path: &'a str,
    pub index_enabled: bool,
    pub now: SystemTime,
    pub ignore: IgnorePatterns,
    pub budget: Budget,
    /// By directory relative to the root.
    pub packages: BTreeMap<String, Package>,
    /// Imports inside the module that name no package of it, and why.
    pub absent: BTreeMap<String, LocalLookup>,
}

impl Walker<'_> {
    fn import_path(&self, rel: &str) -> String {
        if rel.is_empty() {
            self.module_path.to_owned()
        } else {
            format!("{}/{rel}", self.module_path)
        }
    }

    /// The walk from the module root, as `walkPkgs(root, modPrefix, pruneVendor|pruneGoMod)`.
    pub fn walk(&mut self) {
        let root = self.root.to_owned();
        self.visit(&root, String::new(), 0);
    }

    fn visit(&mut self, dir: &Path, rel: String, depth: usize) {
        let elem = rel.rsplit('/').next().unwrap_or("");
        if !rel.is_empty() {
            if elem.starts_with('.') || elem.starts_with('_') || elem == "testdata" {
                return;
            }
            if self.ignore.should_ignore(&rel) {
                return;
            }
            // Stop at module boundaries.
            if has_go_mod(dir) {
                return;
            }
        }
        if depth > self.budget.limits.max_depth {
            self.budget.problem(ScanProblem::TooDeep {
                dir: dir.to_owned(),
                limit: self.budget.limits.max_depth,
            });
            return;
        }
        if !self.budget.take_dir(dir) {
            return;
        }
        let import_path = self.import_path(&rel);
        let entries = match package::read_entries(dir, &mut self.budget) {
            Ok(entries) => entries,
            Err(e) => {
                // scanDir fails the same way, and a failure is not "no Go files": go keeps
                // the directory as a package whose loading fails.
                let mut pkg = Package::empty(&import_path, &rel);
                pkg.walked = true;
                pkg.error = Some(format!("open {}: {}", dir.display(), go_io_error(&e)));
                self.packages.insert(rel, pkg);
                return;
            }
        };
        let how = package::read_path(dir, &entries, self.index_enabled, self.now);
        let mut pkg = package::scan(&import_path, &rel, dir, &entries, how, &mut self.budget);
        if pkg.exists() {
            pkg.walked = true;
            self.packages.insert(rel.clone(), pkg);
        }
        if elem == "vendor" {
            return;
        }
        for e in entries.iter().filter(|e| e.file_type.is_dir()) {
            let name = e.name.to_string_lossy();
            let child = if rel.is_empty() {
                name.into_owned()
            } else {
                format!("{rel}/{name}")
            };
            self.visit(&dir.join(&e.name), child, depth + 1);
        }
    }

    /// Follows imports into the module until no new package turns up.
    pub fn follow_imports(&mut self) {
        let mut queue: Vec<String> = self
            .packages
            .values()
            .flat_map(|p| p.tidy_imports())
            .collect();
        let mut seen = BTreeSet::new();
        while let Some(path) = queue.pop() {
            if !seen.insert(path.clone())
                || !modpath::in_module(&path, self.module_path)
                || modpath::check_import_path(&path).is_err()
            {
                continue;
            }
            let rel = path[self.module_path.len()..]
                .trim_start_matches('/')
                .to_owned();
            if self.packages.contains_key(&rel) {
                continue;
            }
            match self.dir_in_module(&path, &rel) {
                Ok(pkg) => {
                    queue.extend(pkg.tidy_imports());
                    self.packages.insert(rel, pkg);
                }
                Err(lookup) => {
                    self.absent.insert(path, lookup);
                }
            }
        }
    }

    /// `dirInModule(path, modulePath, root, isLocal=true)`, scanning the package it finds.
    fn dir_in_module(&mut self, path: &str, rel: &str) -> Result<Package, LocalLookup> {
        let dir = self.root.join(rel);
        // No go.mod between the directory and the root (the root's own excluded).
        let mut d = dir.clone();
        let mut rel_d = rel.to_owned();
        while !rel_d.is_empty() {
            if has_go_mod(&d) {
                return Err(LocalLookup::NestedModule(rel_d));
            }
            d.pop();
            rel_d = rel_d
                .rsplit_once('/')
                .map(|(p, _)| p.to_owned())
                .unwrap_or_default();
        }
        if !self.budget.take_dir(&dir) {
            return Err(LocalLookup::NotScanned);
        }
        let entries: Vec<Entry> = match package::read_entries(&dir, &mut self.budget) {
            Ok(entries) => entries,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                return Err(LocalLookup::NoDirectory);
            }
            Err(e) => {
                return Err(LocalLookup::Error(format!(
                    "open {}: {}",
                    dir.display(),
                    go_io_error(&e)
                )));
            }
        };
        let how = package::read_path(&dir, &entries, self.index_enabled, self.now);
        if !package::has_go_files(&dir, &entries, how == super::ReadPath::Index) {
            return Err(LocalLookup::NoGoFiles);
        }
        let mut pkg = package::scan(path, rel, &dir, &entries, how, &mut self.budget);
        if !pkg.exists() {
            pkg.error = Some("no Go source files".into());
        }
        Ok(pkg)
    }
}

/// A `go.mod` file (not a directory) in `dir`, symlinks followed as `os.Stat` does.
fn has_go_mod(dir: &Path) -> bool {
    std::fs::metadata(dir.join("go.mod")).is_ok_and(|m| !m.is_dir())
}

/// go.mod's `ignore` directives (go1.25 and later), as `search.IgnorePatterns` matches them: a
/// pattern `./x` ignores the directory x at the module root, a pattern `x` every directory x.
#[derive(Debug, Clone, Default)]
pub(super) struct IgnorePatterns {
    relative: Vec<String>,
    anywhere: Vec<String>,
}

impl IgnorePatterns {
    pub fn new(patterns: &[String]) -> IgnorePatterns {
        let mut out = IgnorePatterns::default();
        for p in patterns {
            match p.strip_prefix("./") {
                Some(rel) => out.relative.push(normalize(rel)),
                None => out.anywhere.push(normalize(p)),
            }
        }
        out
    }

    pub fn should_ignore(&self, rel: &str) -> bool {
        if rel.is_empty() {
            return false;
        }
        let dir = normalize(rel);
        self.relative.iter().any(|p| dir.starts_with(p.as_str()))
            || self.anywhere.iter().any(|p| dir.contains(p.as_str()))
    }
}

/// `search.normalizePath`: a leading and a trailing slash.
fn normalize(path: &str) -> String {
    let mut p = path.to_owned();
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    if !p.ends_with('/') {
        p.push('/');
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_patterns_match_like_go() {
        let ig = IgnorePatterns::new(&["./node_modules".into(), "build".into(), "a/b".into()]);
        assert!(ig.should_ignore("node_modules"));
        assert!(ig.should_ignore("node_modules/x"));
        assert!(!ig.should_ignore("x/node_modules"));
        assert!(ig.should_ignore("build"));
        assert!(ig.should_ignore("x/build/y"));
        assert!(!ig.should_ignore("builder"));
        assert!(ig.should_ignore("z/a/b"));
        assert!(!ig.should_ignore(""));
    }

    #[test]
    fn paths_are_normalized() {
        assert_eq!(normalize("a/b"), "/a/b/");
        assert_eq!(normalize("/a/"), "/a/");
    }
}
