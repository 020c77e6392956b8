//! The main module's packages and their imports, as `go mod tidy` sees them
//! (docs/go/semantics.md §10): which directories are packages, which files count under
//! `imports.AnyTags()` (every build tag but `ignore`, `_test.go` files included), and what each
//! file imports as far as go reads it — the package clause and the import block, no further.
//!
//! Parts: [`reader`] (go's byte-level import reader), [`gosyntax`] (go/parser's stricter view,
//! used by the module index), [`constraint`] (build constraints under AnyTags), `package` (one
//! directory, by the index or by `imports.ScanDir`) and `walk` (the module tree, then the
//! directories imports reach). Everything is bounded by [`ScanLimits`]; what a limit cut short
//! is a [`ScanProblem`], never a hang or a panic.

pub mod constraint;
pub mod gosyntax;
mod package;
pub mod reader;
mod unicode;
mod walk;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Serialize;

use super::goversion::GoVersion;
use super::modpath;

/// How far a scan may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanLimits {
    pub max_dirs: usize,
    pub max_go_files: usize,
    /// Bytes read from one file (go reads to the end of the import block; after a syntax error,
    /// to the end of the file).
    pub max_file_bytes: usize,
    pub max_depth: usize,
    pub max_entries_per_dir: usize,
}

impl Default for ScanLimits {
    fn default() -> Self {
        ScanLimits {
            max_dirs: 50_000,
            max_go_files: 200_000,
            max_file_bytes: 16 << 20,
            max_depth: 200,
            max_entries_per_dir: 100_000,
        }
    }
}

/// What the scan needs to know about go and the project.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// The go release whose rules apply (build-constraint size limits, `ignore`).
    pub go: GoVersion,
    /// go's module index may serve the main module's directories: GOCACHE is not `off` and
    /// GODEBUG has no `goindex=0`.
    pub module_index: bool,
    /// go.mod's `ignore` directives (honoured by go1.25 and later).
    pub ignore: Vec<String>,
    pub limits: ScanLimits,
    /// The time the index's two-second rule is measured from (default: now).
    pub now: Option<SystemTime>,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            go: GoVersion::assumed_current(),
            module_index: true,
            ignore: Vec::new(),
            limits: ScanLimits::default(),
            now: None,
        }
    }
}

/// The main module's packages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ModuleImports {
    pub module_path: String,
    pub root: PathBuf,
    /// In import-path order: the walk's packages and those only an import reaches.
    pub packages: Vec<Package>,
    /// Import paths inside the module that name no package of it, and why (go then looks
    /// for them in other modules).
    pub absent: BTreeMap<String, LocalLookup>,
    /// What godoctor could not read or stopped short of.
    pub problems: Vec<ScanProblem>,
}

/// One package directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Package {
    pub import_path: String,
    /// Relative to the module root, `/`-separated; empty for the root.
    pub dir: String,
    /// Found by the walk (false: only an import leads here, e.g. under testdata/).
    pub walked: bool,
    pub read_path: ReadPath,
    /// The package name, from its files' package clauses.
    pub name: Option<String>,
    /// Imports of the counted non-test files, as written (`C` and `appengine` included).
    pub imports: BTreeSet<String>,
    /// Imports of `_test.go` files in the package itself.
    pub test_imports: BTreeSet<String>,
    /// Imports of `_test.go` files in `package <name>_test`.
    pub xtest_imports: BTreeSet<String>,
    pub files: Vec<SourceFile>,
    /// go's error for the whole package: tidy reports it and loads none of its imports.
    pub error: Option<String>,
}

/// How go read a directory (docs/go/semantics.md §10 "Two readers").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadPath {
    /// The module index (`modindex`): go/parser's view of each header.
    Index,
    /// `imports.ScanDir`: the byte reader alone.
    ScanDir,
}

/// One `.go` file go looked at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceFile {
    pub name: String,
    pub role: FileRole,
    /// Its package clause, if go got that far.
    pub package: Option<String>,
    /// Why it does not count, if it does not.
    #[serde(serialize_with = "excluded_text")]
    pub excluded: Option<constraint::Excluded>,
    /// Why go took fewer imports from it than it names (a syntax error, an unreadable file).
    pub problem: Option<String>,
    /// The imports go takes from it.
    pub imports: Vec<String>,
}

fn excluded_text<S: serde::Serializer>(
    v: &Option<constraint::Excluded>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(constraint::Excluded::Constraint(line)) => s.serialize_some(line),
        Some(constraint::Excluded::BadGoBuild(line)) => s.serialize_some(&format!("bad {line}")),
        Some(constraint::Excluded::MultipleGoBuild) => {
            s.serialize_some("multiple //go:build comments")
        }
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileRole {
    Library,
    Test,
    XTest,
}

impl FileRole {
    /// By name; a test file becomes [`FileRole::XTest`] once its package clause is known.
    fn of(name: &str) -> FileRole {
        if name.ends_with("_test.go") {
            FileRole::Test
        } else {
            FileRole::Library
        }
    }
}

/// Why an import path inside the main module names no package of it (`dirInModule`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "detail")]
pub enum LocalLookup {
    /// A directory on the way has its own go.mod (this relative directory).
    NestedModule(String),
    NoDirectory,
    /// The directory has no `.go` file at all.
    NoGoFiles,
    /// go's error reading the directory (the import fails with it).
    Error(String),
    /// A limit stopped godoctor before it looked.
    NotScanned,
}

/// Where godoctor's scan fell short of go's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ScanProblem {
    TooManyDirs { limit: usize },
    TooManyFiles { limit: usize },
    TooManyEntries { dir: PathBuf, limit: usize },
    TooDeep { dir: PathBuf, limit: usize },
    FileTooLong { path: PathBuf, limit: usize },
}

impl fmt::Display for ScanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScanProblem::TooManyDirs { limit } => {
                write!(
                    f,
                    "stopped after {limit} directories; the rest were not scanned"
                )
            }
            ScanProblem::TooManyFiles { limit } => {
                write!(f, "stopped after {limit} .go files; the rest were not read")
            }
            ScanProblem::TooManyEntries { dir, limit } => write!(
                f,
                "{}: more than {limit} entries; the rest were not looked at",
                dir.display()
            ),
            ScanProblem::TooDeep { dir, limit } => write!(
                f,
                "{}: more than {limit} directories deep; not scanned",
                dir.display()
            ),
            ScanProblem::FileTooLong { path, limit } => write!(
                f,
                "{}: read stopped at {limit} bytes; imports past that are unknown",
                path.display()
            ),
        }
    }
}

impl Package {
    fn empty(import_path: &str, rel: &str) -> Package {
        Package {
            import_path: import_path.to_owned(),
            dir: rel.to_owned(),
            walked: false,
            read_path: ReadPath::ScanDir,
            name: None,
            imports: BTreeSet::new(),
            test_imports: BTreeSet::new(),
            xtest_imports: BTreeSet::new(),
            files: Vec::new(),
            error: None,
        }
    }

    /// A package as the walk counts one: a file counts, or reading failed (not
    /// `imports.ErrNoGo`).
    fn exists(&self) -> bool {
        self.error.is_some() || self.files.iter().any(|f| f.excluded.is_none())
    }

    /// The imports tidy resolves for this package and its tests: none if the package failed,
    /// and without the magic paths modload's `scanDir` drops.
    pub fn tidy_imports(&self) -> Vec<String> {
        if self.error.is_some() {
            return Vec::new();
        }
        let all: BTreeSet<&String> = self
            .imports
            .iter()
            .chain(&self.test_imports)
            .chain(&self.xtest_imports)
            .collect();
        all.into_iter()
            .filter(|p| !is_magic_import(p))
            .cloned()
            .collect()
    }
}

/// modload's `scanDir` filter: `C` (cgo) and the pre-module App Engine paths, which go never
/// looks up.
pub fn is_magic_import(path: &str) -> bool {
    path == "C"
        || path == "appengine"
        || path.starts_with("appengine/")
        || path == "appengine_internal"
        || path.starts_with("appengine_internal/")
}

impl ModuleImports {
    /// Every import tidy resolves for the main module's packages, sorted.
    pub fn all_imports(&self) -> BTreeSet<String> {
        self.packages
            .iter()
            .flat_map(|p| p.tidy_imports())
            .collect()
    }

    /// The imports go may look for outside the standard library and the main module: the
    /// first path element has a dot, and no package of the main module has the path.
    pub fn non_std_imports(&self) -> BTreeSet<String> {
        let local = self.package_paths();
        self.all_imports()
            .into_iter()
            .filter(|p| !modpath::is_standard_import_path(p) && !local.contains(p))
            .collect()
    }

    /// The import paths of the main module's packages.
    pub fn package_paths(&self) -> BTreeSet<String> {
        self.packages
            .iter()
            .map(|p| p.import_path.clone())
            .collect()
    }

    pub fn package(&self, import_path: &str) -> Option<&Package> {
        self.packages.iter().find(|p| p.import_path == import_path)
    }
}

/// Counts directories and files against the limits and gathers problems.
pub(crate) struct Budget {
    limits: ScanLimits,
    /// go1.22.7 / go1.23.1 and later bound build expressions.
    constraint_limits: bool,
    dirs: usize,
    files: usize,
    problems: Vec<ScanProblem>,
}

impl Budget {
    fn problem(&mut self, p: ScanProblem) {
        if !self.problems.contains(&p) {
            self.problems.push(p);
        }
    }

    fn take_dir(&mut self, _dir: &Path) -> bool {
        if self.dirs >= self.limits.max_dirs {
            self.problem(ScanProblem::TooManyDirs {
                limit: self.limits.max_dirs,
            });
            return false;
        }
        self.dirs += 1;
        true
    }

    fn take_file(&mut self, _path: &Path) -> bool {
        if self.files >= self.limits.max_go_files {
            self.problem(ScanProblem::TooManyFiles {
                limit: self.limits.max_go_files,
            });
            return false;
        }
        self.files += 1;
        true
    }
}

/// An I/O error in go's words (`permission denied`, not Rust's `Permission denied (os error 13)`).
fn go_io_error(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" (os error ") {
        Some(i) => &text[..i],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The build-expression size limits arrived in go1.22.7 and go1.23.1 (CVE-2024-34158).
fn constraint_limits(go: &GoVersion) -> bool {
    go.at_least(1, 24)
        || (go.minor == 23 && go.major == 1 && go.patch >= 1)
        || (go.minor == 22 && go.major == 1 && go.patch >= 7)
}

/// Scans the main module at `root` (the directory of its go.mod) whose path is `module_path`.
pub fn scan_module(root: &Path, module_path: &str, opts: &ScanOptions) -> ModuleImports {
    let ignore = if opts.go.at_least(1, 25) {
        walk::IgnorePatterns::new(&opts.ignore)
    } else {
        walk::IgnorePatterns::default()
    };
    let mut walker = walk::Walker {
        root,
        module_path,
        index_enabled: opts.module_index,
        now: opts.now.unwrap_or_else(SystemTime::now),
        ignore,
        budget: Budget {
            limits: opts.limits,
            constraint_limits: constraint_limits(&opts.go),
            dirs: 0,
            files: 0,
            problems: Vec::new(),
        },
        packages: BTreeMap::new(),
        absent: BTreeMap::new(),
    };
    walker.walk();
    walker.follow_imports();
    let mut packages: Vec<Package> = walker.packages.into_values().collect();
    packages.sort_by(|a, b| a.import_path.cmp(&b.import_path));
    ModuleImports {
        module_path: module_path.to_owned(),
        root: root.to_owned(),
        packages,
        absent: walker.absent,
        problems: walker.budget.problems,
    }
}

/// Which of `paths` (dotless import paths) GOROOT/src has as a package
/// (`modindex.IsStandardPackage`: a directory with a `.go` file), for the plan's std check.
pub fn goroot_packages<'a>(
    goroot: &Path,
    paths: impl IntoIterator<Item = &'a str>,
) -> BTreeSet<String> {
    let src = goroot.join("src");
    paths
        .into_iter()
        .filter(|p| modpath::is_standard_import_path(p) && modpath::check_import_path(p).is_ok())
        .filter(|p| {
            std::fs::read_dir(src.join(p)).is_ok_and(|rd| {
                rd.flatten().any(|e| {
                    let name = e.file_name();
                    let name = name.to_string_lossy();
                    name.ends_with(".go")
                        && !name.starts_with('_')
                        && !name.starts_with('.')
                        && e.file_type().is_ok_and(|t| !t.is_dir())
                })
            })
        })
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests;
