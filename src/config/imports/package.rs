//! One directory as `go mod tidy` reads it: modload's `scanDir`, which serves a main-module
//! directory from the module index when it can (every entry a regular file or a directory, none
//! changed in the last two seconds) and otherwise runs `imports.ScanDir`. The two read the same
//! files but treat broken ones differently (docs/go/semantics.md §10 "Two readers"):
//!
//! | file | `imports.ScanDir` | module index |
//! |---|---|---|
//! | syntax error in the imports | keeps the imports read before it | drops all its imports |
//! | stricter go/parser errors (`"a" "b"` unseparated, bad escapes, invalid path) | keeps them | drops all its imports |
//! | NUL byte, unreadable | the whole package fails | the file counts, no imports |
//! | two `//go:build` lines | excluded | counts, no imports |

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs;
use std::io::BufReader;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::constraint::{self, Excluded};
use super::gosyntax;
use super::reader::{self, ReadError};
use super::{Budget, FileRole, Package, ReadPath, ScanProblem, SourceFile};

/// modindex's `modTimeCutoff`: a file changed this recently keeps its directory out of the index.
const INDEX_CUTOFF: Duration = Duration::from_secs(2);

/// One directory entry, as `fsys.ReadDir` reports it (not following symlinks).
pub(super) struct Entry {
    pub name: OsString,
    pub file_type: fs::FileType,
}

/// A directory's entries in name order (as `os.ReadDir` sorts them), at most `max` of them.
pub(super) fn read_entries(dir: &Path, budget: &mut Budget) -> std::io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entries.len() >= budget.limits.max_entries_per_dir {
            budget.problem(ScanProblem::TooManyEntries {
                dir: dir.to_owned(),
                limit: budget.limits.max_entries_per_dir,
            });
            break;
        }
        entries.push(Entry {
            name: entry.file_name(),
            file_type: entry.file_type()?,
        });
    }
    entries.sort_by(|a, b| a.name.as_encoded_bytes().cmp(b.name.as_encoded_bytes()));
    Ok(entries)
}

/// modindex's `dirHash` succeeds: every entry a directory or a regular file, all older than
/// the cutoff.
fn indexable(dir: &Path, entries: &[Entry], now: SystemTime) -> bool {
    let cutoff = now
        .checked_sub(INDEX_CUTOFF)
        .unwrap_or(SystemTime::UNIX_EPOCH);
    entries.iter().all(|e| {
        if e.file_type.is_dir() {
            return true;
        }
        e.file_type.is_file()
            && fs::symlink_metadata(dir.join(&e.name))
                .and_then(|m| m.modified())
                .is_ok_and(|t| t <= cutoff)
    })
}

fn name_str(name: &OsString) -> String {
    name.to_string_lossy().into_owned()
}

fn is_source_name(name: &str) -> bool {
    name.ends_with(".go") && !name.starts_with('_') && !name.starts_with('.')
}

/// `fsys.IsGoDir` (or the index's): does `dirInModule` call this a package directory? Build
/// constraints play no part.
pub(super) fn has_go_files(dir: &Path, entries: &[Entry], index: bool) -> bool {
    entries.iter().any(|e| {
        let name = name_str(&e.name);
        if e.file_type.is_dir() || !name.ends_with(".go") {
            return false;
        }
        if index {
            return !name.starts_with('_') && !name.starts_with('.');
        }
        e.file_type.is_file()
            || (e.file_type.is_symlink()
                && fs::metadata(dir.join(&e.name)).is_ok_and(|m| m.is_file()))
    })
}

/// Which reader go uses for a directory.
pub(super) fn read_path(
    dir: &Path,
    entries: &[Entry],
    index_enabled: bool,
    now: SystemTime,
) -> ReadPath {
    if index_enabled && indexable(dir, entries, now) {
        ReadPath::Index
    } else {
        ReadPath::ScanDir
    }
}

/// Scans the directory `dir` (already listed) into a package named `import_path`.
pub(super) fn scan(
    import_path: &str,
    rel: &str,
    dir: &Path,
    entries: &[Entry],
    how: ReadPath,
    budget: &mut Budget,
) -> Package {
    let mut pkg = Package {
        import_path: import_path.to_owned(),
        dir: rel.to_owned(),
        walked: false,
        read_path: how,
        name: None,
        imports: BTreeSet::new(),
        test_imports: BTreeSet::new(),
        xtest_imports: BTreeSet::new(),
        files: Vec::new(),
        error: None,
    };
    for e in entries {
        let name = name_str(&e.name);
        if !is_source_name(&name) || e.file_type.is_dir() {
            continue;
        }
        let path = dir.join(&e.name);
        // ScanDir follows a symlink to a regular file and skips a broken one; the index never
        // sees symlinks (the directory is not indexable then).
        let regular = e.file_type.is_file()
            || (e.file_type.is_symlink() && fs::metadata(&path).is_ok_and(|m| m.is_file()));
        if !regular {
            continue;
        }
        if !budget.take_file(&path) {
            break;
        }
        let file = match how {
            ReadPath::ScanDir => {
                match scan_dir_file(&path, &name, budget) {
                    Ok(f) => f,
                    Err(e) => {
                        // imports.ScanDir stops at the first file it cannot read: the package
                        // fails and tidy loads none of its imports.
                        pkg.error = Some(e);
                        pkg.files.clear();
                        break;
                    }
                }
            }
            ReadPath::Index => index_file(&path, &name, budget),
        };
        pkg.files.push(file);
    }
    classify(&mut pkg);
    pkg
}

/// Opens a file only if it is (still) a regular file, so a FIFO or a device never blocks.
fn open_regular(path: &Path) -> std::io::Result<fs::File> {
    let f = fs::File::open(path)?;
    if !f.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    Ok(f)
}

/// `imports.ScanDir`'s reading of one file; `Err` is go's error for the whole package.
fn scan_dir_file(path: &Path, name: &str, budget: &mut Budget) -> Result<SourceFile, String> {
    let f = open_regular(path).map_err(|e| format!("open {}: {e}", path.display()))?;
    let header = reader::read_imports(BufReader::new(f), budget.limits.max_file_bytes);
    match &header.error {
        Some(ReadError::Nul | ReadError::Io(_)) => {
            return Err(format!(
                "reading {}: {}",
                path.display(),
                header
                    .error
                    .as_ref()
                    .map(|e| e.to_string())
                    .unwrap_or_default()
            ));
        }
        Some(ReadError::TooLong) => budget.problem(ScanProblem::FileTooLong {
            path: path.to_owned(),
            limit: budget.limits.max_file_bytes,
        }),
        Some(ReadError::Syntax) | None => {}
    }
    let excluded = constraint::should_build(&header.data, budget.constraint_limits).err();
    let imports = header
        .quoted
        .iter()
        .filter_map(|q| reader::unquote(q))
        .collect();
    Ok(SourceFile {
        name: name.to_owned(),
        role: FileRole::of(name),
        package: header.package.clone(),
        excluded,
        problem: header.syntax_error.then(|| "syntax error".to_owned()),
        imports,
    })
}

/// The module index's reading of one file (`getFileInfo` + `readGoInfo`).
fn index_file(path: &Path, name: &str, budget: &mut Budget) -> SourceFile {
    let mut file = SourceFile {
        name: name.to_owned(),
        role: FileRole::of(name),
        package: None,
        excluded: None,
        problem: None,
        imports: Vec::new(),
    };
    let header = match open_regular(path) {
        Ok(f) => reader::read_imports(BufReader::new(f), budget.limits.max_file_bytes),
        Err(e) => {
            // A file the index could not read still counts, with no imports.
            file.problem = Some(format!("open {}: {e}", path.display()));
            return file;
        }
    };
    file.package = header.package.clone();
    match &header.error {
        Some(ReadError::Nul | ReadError::Io(_)) => {
            file.problem = header
                .error
                .as_ref()
                .map(|e| format!("read {}: {e}", path.display()));
            return file;
        }
        Some(ReadError::TooLong) => {
            budget.problem(ScanProblem::FileTooLong {
                path: path.to_owned(),
                limit: budget.limits.max_file_bytes,
            });
            // Beyond the limit nothing is known: keep what the reader saw.
            file.imports = header
                .quoted
                .iter()
                .filter_map(|q| reader::unquote(q))
                .collect();
            return file;
        }
        Some(ReadError::Syntax) | None => {}
    }
    match constraint::should_build(&header.data, budget.constraint_limits) {
        Err(Excluded::MultipleGoBuild) => {
            // getConstraints fails: the file is recorded as broken, counts, has no imports.
            file.problem = Some("multiple //go:build comments".into());
            return file;
        }
        Err(e) => file.excluded = Some(e),
        Ok(()) => {}
    }
    match gosyntax::parse_header(&header.data) {
        Ok((pkg_name, imports)) => {
            file.package = Some(pkg_name);
            if let Some(bad) = imports.iter().find(|i| !gosyntax::is_valid_import(&i.path)) {
                file.problem = Some(format!("invalid import path: {}", bad.path));
            } else {
                file.imports = imports.into_iter().map(|i| i.path).collect();
            }
        }
        Err(e) => file.problem = Some(e),
    }
    file
}

/// Sorts each counted file's imports into the package's sets, telling test files of the
/// package from external tests (`package p_test`) as go/build does.
fn classify(pkg: &mut Package) {
    let mut name: Option<String> = None;
    for f in pkg.files.iter_mut().filter(|f| f.excluded.is_none()) {
        let declared = f.package.clone().unwrap_or_default();
        if f.role != FileRole::Library
            && declared.ends_with("_test")
            && name.as_deref() != Some(declared.as_str())
        {
            f.role = FileRole::XTest;
        }
        if name.is_none() && !declared.is_empty() {
            name = Some(match f.role {
                FileRole::XTest => declared
                    .strip_suffix("_test")
                    .unwrap_or(&declared)
                    .to_owned(),
                _ => declared,
            });
        }
        let set = match f.role {
            FileRole::Library => &mut pkg.imports,
            FileRole::Test => &mut pkg.test_imports,
            FileRole::XTest => &mut pkg.xtest_imports,
        };
        set.extend(f.imports.iter().cloned());
    }
    pkg.name = name;
}
