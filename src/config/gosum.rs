//! go.sum and go.work.sum, read as cmd/go reads them (docs/go/semantics.md §11 "go.sum"): which
//! files (`loadModFile`, modload/init.go), the line format (`readGoSum`), which recorded hashes
//! count (`HaveSum`) and how a downloaded hash is checked against them (`haveModSumLocked`, via
//! `checkGoMod` / `checkModSum`, modfetch/fetch.go).
//!
//! Every problem is data, never a panic: a file go cannot read, or a malformed line, is kept with
//! its path and line so a finding can point at it. The hashes themselves are `crate::dirhash`'s.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::clean_path;
use super::gomod::{MAX_WORKSPACE_MODULES, Project};
use super::goversion::GoVersion;

/// The most of one go.sum godoctor reads (the largest real ones are a few MiB).
pub const MAX_GOSUM_BYTES: u64 = 16 << 20;

/// The hash of an empty go.mod, which an old go bug wrote for non-modules: go drops such lines
/// (`emptyGoModHash`).
pub const EMPTY_GO_MOD_HASH: &str = "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=";

/// go's words after a go.sum mismatch (`goSumMismatch`, the same in go1.19 and go1.27).
pub const GO_SUM_MISMATCH: &str = "\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\nThe bits may have been replaced on the origin server, or an attacker may\nhave intercepted the download attempt.\n\nFor more information, see 'go help module-auth'.\n";

/// Which of a module version's two hashes a line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SumKind {
    /// `path version/go.mod h1:…`: the go.mod file alone (needed to load the module graph).
    GoMod,
    /// `path version h1:…`: the module zip (needed to build its packages).
    Zip,
}

impl SumKind {
    /// The version as go spells it in go.sum and in its errors (`v1.0.0/go.mod`).
    pub fn sum_version(self, version: &str) -> String {
        match self {
            SumKind::GoMod => format!("{version}/go.mod"),
            SumKind::Zip => version.to_owned(),
        }
    }
}

/// One hash as a line records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub hash: String,
    /// 1-based, counted as go counts (every `\n`).
    pub line: usize,
}

impl Recorded {
    /// go compares only `h1:` hashes; any other prefix is an algorithm it does not know.
    pub fn is_h1(&self) -> bool {
        self.hash.starts_with("h1:")
    }
}

/// The hashes recorded for one module version, in file order (go allows several).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hashes {
    pub go_mod: Vec<Recorded>,
    pub zip: Vec<Recorded>,
}

impl Hashes {
    pub fn of(&self, kind: SumKind) -> &[Recorded] {
        match kind {
            SumKind::GoMod => &self.go_mod,
            SumKind::Zip => &self.zip,
        }
    }
}

/// A line that does not have exactly three fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed {
    pub line: usize,
    pub fields: usize,
}

/// One go.sum (or go.work.sum) file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoSum {
    pub path: PathBuf,
    /// False when there is no such file, which go reads as an empty one.
    pub exists: bool,
    /// (module path, version) → hashes; the version without `/go.mod`.
    pub entries: BTreeMap<(String, String), Hashes>,
    /// The first line without exactly three fields.
    pub first_malformed: Option<Malformed>,
    pub malformed_lines: usize,
    /// Lines with [`EMPTY_GO_MOD_HASH`], which go drops.
    pub dropped_empty: Vec<usize>,
}

/// Why godoctor could not read a go.sum (these are godoctor's words, not go's).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoSumError {
    #[error("{}: {message}", path.display())]
    Read { path: PathBuf, message: String },
    #[error("{}: larger than {limit} bytes, more than godoctor reads", path.display())]
    TooLarge { path: PathBuf, limit: u64 },
}

impl GoSumError {
    pub fn path(&self) -> &Path {
        match self {
            GoSumError::Read { path, .. } | GoSumError::TooLarge { path, .. } => path,
        }
    }
}

/// go ≥ 1.22 stops at a malformed line; older go silently reads only the lines before it
/// (golang/go#62345).
fn malformed_is_fatal(rules: &GoVersion) -> bool {
    rules.at_least(1, 22)
}

impl GoSum {
    /// Reads `path` (at most [`MAX_GOSUM_BYTES`]); a missing file is an empty one, as for go.
    pub fn read(path: &Path) -> Result<GoSum, GoSumError> {
        read_capped(path, MAX_GOSUM_BYTES)
    }

    /// `readGoSum`: lines split at `\n`, fields as `strings.Fields` splits them.
    pub fn parse(path: &Path, data: &[u8]) -> GoSum {
        let mut sum = GoSum {
            path: path.to_owned(),
            exists: true,
            ..GoSum::default()
        };
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        // A final `\n` ends the last line rather than starting an empty one.
        let data = data.strip_suffix(b"\n").unwrap_or(data);
        for (n, line) in data.split(|b| *b == b'\n').enumerate() {
            let lineno = n + 1;
            let f = fields(line);
            if f.is_empty() {
                continue;
            }
            if f.len() != 3 {
                sum.malformed_lines += 1;
                sum.first_malformed.get_or_insert(Malformed {
                    line: lineno,
                    fields: f.len(),
                });
                continue;
            }
            if f[2] == EMPTY_GO_MOD_HASH.as_bytes() {
                sum.dropped_empty.push(lineno);
                continue;
            }
            let (version, kind) = match f[1].strip_suffix(b"/go.mod") {
                Some(v) => (v, SumKind::GoMod),
                None => (f[1], SumKind::Zip),
            };
            let hashes = sum.entries.entry((text(f[0]), text(version))).or_default();
            let recorded = Recorded {
                hash: text(f[2]),
                line: lineno,
            };
            match kind {
                SumKind::GoMod => hashes.go_mod.push(recorded),
                SumKind::Zip => hashes.zip.push(recorded),
            }
        }
        sum
    }

    /// go's own error for this file under `rules`' go: since Go 1.22 the first malformed line
    /// stops every command but `go mod tidy`.
    pub fn malformed_error(&self, rules: &GoVersion) -> Option<String> {
        let m = self.first_malformed.filter(|_| malformed_is_fatal(rules))?;
        Some(format!(
            "malformed go.sum:\n{}:{}: wrong number of fields {}",
            self.path.display(),
            m.line,
            m.fields
        ))
    }

    /// The hashes go reads for `module@version`, in file order: before Go 1.22 only the lines
    /// above the first malformed one (go stopped reading there); since then every well-formed
    /// line (what `go mod tidy` sees; other commands stop at [`GoSum::malformed_error`]).
    pub fn recorded<'a>(
        &'a self,
        module: &str,
        version: &str,
        kind: SumKind,
        rules: &GoVersion,
    ) -> impl Iterator<Item = &'a Recorded> + 'a {
        let stop = match self.first_malformed {
            Some(m) if !malformed_is_fatal(rules) => m.line,
            _ => usize::MAX,
        };
        self.entries
            .get(&(module.to_owned(), version.to_owned()))
            .map(|h| h.of(kind))
            .unwrap_or_default()
            .iter()
            .filter(move |r| r.line < stop)
    }
}

/// [`GoSum::read`] with the cap as a parameter.
fn read_capped(path: &Path, cap: u64) -> Result<GoSum, GoSumError> {
    let read_error = |e: std::io::Error| GoSumError::Read {
        path: path.to_owned(),
        message: e.to_string(),
    };
    let read = match super::bounded::read(
        path,
        super::bounded::Limit {
            bytes: cap,
            ..super::bounded::GO_SUM
        },
    ) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(GoSum {
                path: path.to_owned(),
                ..GoSum::default()
            });
        }
        other => other.map_err(read_error)?,
    };
    if read.truncated {
        return Err(GoSumError::TooLarge {
            path: path.to_owned(),
            limit: cap,
        });
    }
    let data = read.data;
    Ok(GoSum::parse(path, &data))
}

/// `strings.Fields` on bytes: split at Unicode white space (`unicode.IsSpace`, the same set as
/// `char::is_whitespace`); bytes that are not UTF-8 are never space.
fn fields(line: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = None;
    let mut pos = 0;
    for chunk in line.utf8_chunks() {
        for (i, c) in chunk.valid().char_indices() {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    out.push(&line[s..pos + i]);
                    start = None;
                }
                (false, None) => start = Some(pos + i),
                _ => {}
            }
        }
        pos += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            start.get_or_insert(pos);
            pos += chunk.invalid().len();
        }
    }
    if let Some(s) = start {
        out.push(&line[s..]);
    }
    out
}

/// The go.sum files one go command reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoSumFiles {
    /// The file go checks first and writes: go.sum beside go.mod, or in workspace mode
    /// go.work.sum beside go.work (the go.work path with `.sum` appended).
    pub main: Result<GoSum, GoSumError>,
    /// Workspace mode only: each `use`d module's go.sum, read and never written.
    pub workspace: Vec<Result<GoSum, GoSumError>>,
    /// In workspace mode go never asks for a missing go.sum line (`mustHaveSums`).
    pub workspace_mode: bool,
}

impl GoSumFiles {
    /// The files go reads for this project, or None outside a module and a workspace (go reads
    /// no go.sum there). Workspaces need Go ≥ 1.18.
    pub fn load(project: &Project, rules: &GoVersion) -> Option<GoSumFiles> {
        let work = project.gowork.as_ref().filter(|_| rules.at_least(1, 18));
        if let Some(work) = work {
            let dir = work.path.parent().unwrap_or(Path::new("."));
            let mut main = work.path.clone().into_os_string();
            main.push(".sum");
            let workspace = work
                .uses
                .iter()
                .take(MAX_WORKSPACE_MODULES)
                .map(|u| {
                    let root = clean_path(&dir.join(u).to_string_lossy());
                    GoSum::read(&root.join("go.sum"))
                })
                .collect();
            return Some(GoSumFiles {
                main: GoSum::read(Path::new(&main)),
                workspace,
                workspace_mode: true,
            });
        }
        let gomod = project.gomod.as_ref()?;
        Some(GoSumFiles {
            main: GoSum::read(&gomod.path.with_file_name("go.sum")),
            workspace: Vec::new(),
            workspace_mode: false,
        })
    }

    fn workspace_sums(&self) -> impl Iterator<Item = &GoSum> {
        self.workspace.iter().filter_map(|r| r.as_ref().ok())
    }

    /// What stops go before it compares a single hash: a file it cannot read, or (Go ≥ 1.22) a
    /// malformed line. go reads the workspace modules' files first, then the main one.
    pub fn fatal_error(&self, rules: &GoVersion) -> Option<SumFatal> {
        self.workspace
            .iter()
            .chain(std::iter::once(&self.main))
            .find_map(|r| match r {
                Err(e) => Some(SumFatal::Unreadable(e.clone())),
                Ok(sum) => sum.malformed_error(rules).map(SumFatal::Malformed),
            })
    }

    /// `HaveSum`: does some file record an `h1:` hash for `module@version`? Without one, a
    /// command in a module (not a workspace) with `-mod=readonly` stops with
    /// `missing go.sum entry` (docs/go/semantics.md §11).
    pub fn have_sum(&self, module: &str, version: &str, kind: SumKind, rules: &GoVersion) -> bool {
        self.workspace_sums()
            .chain(self.main.as_ref().ok())
            .any(|s| {
                s.recorded(module, version, kind, rules)
                    .any(Recorded::is_h1)
            })
    }

    /// `haveModSumLocked`: go's verdict on a hash it just computed for `module@version`.
    pub fn check(
        &self,
        module: &str,
        version: &str,
        kind: SumKind,
        downloaded: &str,
        rules: &GoVersion,
    ) -> SumCheck {
        let mismatch = |sum: &GoSum, label: String, recorded: &Recorded| {
            SumCheck::Mismatch(Mismatch {
                module: module.to_owned(),
                version: kind.sum_version(version),
                downloaded: downloaded.to_owned(),
                file: sum.path.clone(),
                label,
                recorded: recorded.clone(),
            })
        };
        let mut unknown = Vec::new();
        if let Ok(main) = &self.main {
            // The first `h1:` line decides: a matching one after a differing one is too late.
            for r in main.recorded(module, version, kind, rules) {
                if r.hash == downloaded {
                    return SumCheck::Listed;
                }
                if r.is_h1() {
                    return mismatch(main, main_label(&main.path), r);
                }
                unknown.push(r.clone());
            }
        }
        // Every workspace file is checked, so a conflict between them is found (go walks them
        // in map order; here in `use` order).
        let mut listed = false;
        for sum in self.workspace_sums() {
            for r in sum.recorded(module, version, kind, rules) {
                if r.hash == downloaded {
                    listed = true;
                } else if r.is_h1() {
                    return mismatch(sum, sum.path.display().to_string(), r);
                }
            }
        }
        if listed {
            SumCheck::Listed
        } else {
            SumCheck::NotListed { unknown }
        }
    }
}

/// How go names the main file in a mismatch: by its suffix, whatever the directory.
fn main_label(path: &Path) -> String {
    if path.to_string_lossy().ends_with("go.work.sum") {
        "go.work.sum".to_owned()
    } else {
        "go.sum".to_owned()
    }
}

/// A go.sum problem that stops go before any hash is compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SumFatal {
    /// godoctor could not read the file (godoctor's words: go's own error would differ).
    Unreadable(GoSumError),
    /// go's own text for a malformed line (Go ≥ 1.22).
    Malformed(String),
}

impl SumFatal {
    /// The text go prints, when godoctor knows it.
    pub fn go_error(&self) -> Option<&str> {
        match self {
            SumFatal::Malformed(text) => Some(text),
            SumFatal::Unreadable(_) => None,
        }
    }
}

/// go's verdict on a downloaded hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SumCheck {
    /// Recorded: go trusts it without asking the checksum database.
    Listed,
    /// go stops: `verifying M@V: checksum mismatch`.
    Mismatch(Mismatch),
    /// Not recorded: go asks the checksum database (unless GONOSUMDB or GOSUMDB=off say not)
    /// and adds the line. `unknown` are the main file's lines with a hash algorithm go does not
    /// know, about which go warns (`unknown hashes in go.sum`).
    NotListed { unknown: Vec<Recorded> },
}

/// A recorded `h1:` hash that differs from the downloaded one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub module: String,
    /// As go prints it: `v1.0.0/go.mod` for a go.mod hash.
    pub version: String,
    pub downloaded: String,
    pub file: PathBuf,
    /// How go names the file: `go.sum`, `go.work.sum`, or a workspace module's go.sum path.
    pub label: String,
    pub recorded: Recorded,
}

impl Mismatch {
    /// go's message, exactly as it prints it (`base.Fatalf`: no `go: ` prefix).
    pub fn go_error(&self) -> String {
        format!(
            "verifying {}@{}: checksum mismatch\n\tdownloaded: {}\n\t{}:     {}{GO_SUM_MISMATCH}",
            self.module, self.version, self.downloaded, self.label, self.recorded.hash
        )
    }
}

#[cfg(test)]
mod tests;
