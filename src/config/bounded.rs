//! Bounded reads of every input file (issue 17): a regular file only — a FIFO, a device or a
//! socket is refused without blocking — and at most a per-kind cap, so a hostile or broken
//! input can neither hang the run nor exhaust memory. What was refused or cut is recorded as an
//! [`InputProblem`], which diagnose turns into a finding; the check goes on with what was read.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One kind of input and the most godoctor reads of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The input's name as a Go developer knows it (`go.mod`, `go/env`, `netrc` …).
    pub what: &'static str,
    pub bytes: u64,
    /// go reads this file whole, whatever its size (so go itself may be slow or run out of memory).
    pub go_reads_whole: bool,
}

const MIB: u64 = 1 << 20;

/// go.mod: go reads a local one whole (its cap for a downloaded go.mod, `codehost.MaxGoMod`, is
/// 16 MiB); 4 MiB is some 100k requirements, which parse within the memory bound.
pub const GO_MOD: Limit = Limit {
    what: "go.mod",
    bytes: 4 * MIB,
    go_reads_whole: true,
};
/// go.work: a list of directories.
pub const GO_WORK: Limit = Limit {
    what: "go.work",
    bytes: MIB,
    go_reads_whole: true,
};
/// go.sum: [`super::gosum::MAX_GOSUM_BYTES`].
pub const GO_SUM: Limit = Limit {
    what: "go.sum",
    bytes: super::gosum::MAX_GOSUM_BYTES,
    go_reads_whole: true,
};
/// The go/env file and `$GOROOT/go.env`: a few settings.
pub const GO_ENV: Limit = Limit {
    what: "go/env",
    bytes: 4 * MIB,
    go_reads_whole: true,
};
/// `$NETRC` / `~/.netrc`.
pub const NETRC: Limit = Limit {
    what: "netrc",
    bytes: MIB,
    go_reads_whole: true,
};
/// `SSL_CERT_FILE` and the files of `SSL_CERT_DIR` (a system bundle is about 200 KB).
pub const CERTS: Limit = Limit {
    what: "SSL_CERT_FILE",
    bytes: 16 * MIB,
    go_reads_whole: true,
};
/// godoctor.toml: godoctor's own settings.
pub const GODOCTOR_TOML: Limit = Limit {
    what: "godoctor.toml",
    bytes: MIB,
    go_reads_whole: false,
};
/// A shell's startup file, searched by `fix` for the line that sets a variable.
pub const SHELL_PROFILE: Limit = Limit {
    what: "shell startup file",
    bytes: MIB,
    go_reads_whole: false,
};
/// /etc/hosts.
pub const HOSTS: Limit = Limit {
    what: "/etc/hosts",
    bytes: 4 * MIB,
    go_reads_whole: true,
};
/// `$GOROOT/VERSION`: one line.
pub const VERSION: Limit = Limit {
    what: "VERSION",
    bytes: 64 << 10,
    go_reads_whole: true,
};

/// An input godoctor refused or read only in part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    pub path: PathBuf,
    pub limit: Limit,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// Larger than the cap: only the first `limit.bytes` (to the last whole line) were used.
    TooLarge,
    /// Not a regular file (`file_type`: `fifo`, `char-device`, `block-device`, `socket`,
    /// `other`): nothing was read.
    NotRegular { file_type: &'static str },
}

impl std::fmt::Display for InputProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Without the path: callers put it in front, as go's messages do.
        match self.kind {
            ProblemKind::TooLarge => write!(
                f,
                "larger than {} bytes, more than godoctor reads",
                self.limit.bytes
            ),
            ProblemKind::NotRegular { file_type } => {
                write!(f, "not a regular file ({})", file_type_words(file_type))
            }
        }
    }
}

impl std::error::Error for InputProblem {}

/// Problems met while reading, shared by the readers of one run (they may run on threads).
#[derive(Debug, Default)]
pub struct InputLog(Mutex<Vec<InputProblem>>);

impl InputLog {
    pub fn push(&self, p: InputProblem) {
        let mut v = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if !v.contains(&p) {
            v.push(p);
        }
    }

    pub fn take(&self) -> Vec<InputProblem> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// What was read.
#[derive(Debug)]
pub struct Bounded {
    pub data: Vec<u8>,
    /// The file was larger than the cap: `data` holds its first whole lines only.
    pub truncated: bool,
}

/// Reads `path` as `limit` allows. A missing file is the usual `NotFound` error; a file that is
/// not regular is an error whose inner value is the [`InputProblem`] (see [`problem_of`]); a
/// directory fails with the system's "is a directory", as go's own read does.
pub fn read(path: &Path, limit: Limit) -> std::io::Result<Bounded> {
    let not_regular = |meta: &std::fs::Metadata| -> Option<std::io::Error> {
        let t = meta.file_type();
        (!t.is_file() && !t.is_dir() && !is_dev_null(meta)).then(|| {
            std::io::Error::other(InputProblem {
                path: path.to_owned(),
                limit,
                kind: ProblemKind::NotRegular {
                    file_type: file_type_name(&t),
                },
            })
        })
    };
    // Checked before opening (opening a FIFO for reading blocks until a writer comes) and again
    // on the handle, in case the path was swapped in between.
    if let Some(e) = not_regular(&std::fs::metadata(path)?) {
        return Err(e);
    }
    if is_dev_null(&std::fs::metadata(path)?) {
        // `GOENV=/dev/null` is a common way to say "no file": empty, as go reads it.
        return Ok(Bounded {
            data: Vec::new(),
            truncated: false,
        });
    }
    let file = open_nonblocking(path)?;
    if let Some(e) = not_regular(&file.metadata()?) {
        return Err(e);
    }
    let mut data = Vec::new();
    file.take(limit.bytes + 1).read_to_end(&mut data)?;
    let truncated = data.len() as u64 > limit.bytes;
    if truncated {
        // Keep whole lines: a cut line would read as a malformed one.
        let end = data[..limit.bytes as usize]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        data.truncate(end);
        data.shrink_to_fit();
    }
    Ok(Bounded { data, truncated })
}

/// [`read`], recording a refused or cut file in `log`; the data read (possibly none) is returned
/// either way, with the I/O error for anything else.
pub fn read_logged(path: &Path, limit: Limit, log: &InputLog) -> std::io::Result<Vec<u8>> {
    match read(path, limit) {
        Ok(b) => {
            if b.truncated {
                log.push(InputProblem {
                    path: path.to_owned(),
                    limit,
                    kind: ProblemKind::TooLarge,
                });
            }
            Ok(b.data)
        }
        Err(e) => {
            if let Some(p) = problem_of(&e) {
                log.push(p.clone());
            }
            Err(e)
        }
    }
}

/// The [`InputProblem`] inside an error from [`read`], if that is why it failed.
pub fn problem_of(e: &std::io::Error) -> Option<&InputProblem> {
    e.get_ref()?.downcast_ref::<InputProblem>()
}

/// Records `path` in `log` when it exists and is not a regular file (for an input another part
/// of godoctor reads later, e.g. the TLS roots).
pub fn check_regular(path: &Path, limit: Limit, log: &InputLog) {
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
        && !is_dev_null(&meta)
    {
        log.push(InputProblem {
            path: path.to_owned(),
            limit,
            kind: ProblemKind::NotRegular {
                file_type: file_type_name(&meta.file_type()),
            },
        });
    } else if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
        && meta.len() > limit.bytes
    {
        log.push(InputProblem {
            path: path.to_owned(),
            limit,
            kind: ProblemKind::TooLarge,
        });
    }
}

/// /dev/null (or a link to it): the one device that is an empty file.
fn is_dev_null(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        meta.file_type().is_char_device()
            && std::fs::metadata("/dev/null").is_ok_and(|null| null.rdev() == meta.rdev())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// A short key for what a path is (`fifo`, `char-device` …); catalogs name it as `input-type-<key>`.
fn file_type_name(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "fifo";
        }
        if t.is_char_device() {
            return "char-device";
        }
        if t.is_block_device() {
            return "block-device";
        }
        if t.is_socket() {
            return "socket";
        }
    }
    let _ = t;
    "other"
}

/// The English words for a [`file_type_name`] key.
pub fn file_type_words(key: &str) -> &'static str {
    match key {
        "fifo" => "a named pipe",
        "char-device" => "a character device",
        "block-device" => "a block device",
        "socket" => "a socket",
        _ => "not a file",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_at_a_whole_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, "aaaa\nbbbb\ncccc\n").unwrap();
        let lim = Limit {
            what: "f",
            bytes: 12,
            go_reads_whole: true,
        };
        let b = read(&p, lim).unwrap();
        assert!(b.truncated);
        assert_eq!(b.data, b"aaaa\nbbbb\n");
        let b = read(&p, Limit { bytes: 15, ..lim }).unwrap();
        assert!(!b.truncated);
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_refused_without_blocking() {
        let log = InputLog::default();
        let e = read_logged(Path::new("/dev/zero"), NETRC, &log).unwrap_err();
        assert!(e.to_string().contains("character device"), "{e}");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let e = read_logged(&fifo, GO_ENV, &log).unwrap_err();
        assert!(e.to_string().contains("named pipe"), "{e}");
        assert_eq!(log.take().len(), 2);
        let null = read_logged(Path::new("/dev/null"), GO_ENV, &log).unwrap();
        assert!(null.is_empty() && log.take().is_empty());
        assert_eq!(
            read(&dir.path().join("none"), GO_ENV).unwrap_err().kind(),
            std::io::ErrorKind::NotFound
        );
    }
}
