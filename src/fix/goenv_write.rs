//! Writing the go/env file the way `go env -w` / `-u` do (`updateEnvFile`: earlier duplicates
//! removed, an existing key updated in place, new keys appended), atomically — a temporary
//! file in the same directory, fsync, rename — so a crash leaves the old file or the new one,
//! never a torn one. Lines that are not touched are kept byte for byte.

use std::io::Write;
use std::path::Path;

use crate::i18n::Lang;
use crate::t;

/// Why the file was not written. `Display` is the English text.
#[derive(Debug)]
pub enum WriteError {
    Unparsable {
        path: String,
        why: Flaw,
    },
    Io {
        path: String,
        source: std::io::Error,
    },
    /// The file exists and cannot be opened for writing: go's own write fails there too.
    ReadOnly {
        path: String,
        source: std::io::Error,
    },
    /// A symbolic link whose target's directory does not exist: go's write fails there.
    DanglingSymlink {
        path: String,
        target: String,
    },
}

/// What is wrong with the file, or with a value go would refuse to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flaw {
    NotUtf8,
    NulBytes,
    /// A NUL (`newline: false`) or a line break in the value for `key`.
    BadValue {
        key: String,
        newline: bool,
    },
}

impl WriteError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            WriteError::Unparsable { path, why } => {
                let why = match why {
                    Flaw::NotUtf8 => t!(lang, "fix-error-not-utf8"),
                    Flaw::NulBytes => t!(lang, "fix-error-nul-bytes"),
                    Flaw::BadValue { key, newline } => t!(
                        lang,
                        "fix-error-bad-value",
                        key = key.as_str(),
                        what = if *newline { "newline" } else { "nul" }
                    ),
                };
                t!(
                    lang,
                    "fix-error-unparsable",
                    path = path.as_str(),
                    why = why
                )
            }
            WriteError::Io { path, source } => t!(
                lang,
                "fix-error-write",
                path = path.as_str(),
                error = source.to_string()
            ),
            WriteError::ReadOnly { path, source } => t!(
                lang,
                "fix-error-read-only",
                path = path.as_str(),
                error = source.to_string()
            ),
            WriteError::DanglingSymlink { path, target } => t!(
                lang,
                "fix-error-dangling-symlink",
                path = path.as_str(),
                target = target.as_str()
            ),
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Io { source, .. } | WriteError::ReadOnly { source, .. } => Some(source),
            WriteError::Unparsable { .. } | WriteError::DanglingSymlink { .. } => None,
        }
    }
}

/// One change: set a key, or remove it (`None`).
pub type Change = (String, Option<String>);

/// The new file content for `old` after `changes`.
pub fn edit(path: &Path, old: &[u8], changes: &[Change]) -> Result<Vec<u8>, WriteError> {
    let text = std::str::from_utf8(old).map_err(|_| WriteError::Unparsable {
        path: path.display().to_string(),
        why: Flaw::NotUtf8,
    })?;
    if text.contains('\0') {
        return Err(WriteError::Unparsable {
            path: path.display().to_string(),
            why: Flaw::NulBytes,
        });
    }
    let mut lines: Vec<String> = if text.is_empty() {
        Vec::new()
    } else {
        text.split_inclusive('\n').map(str::to_owned).collect()
    };
    let key_of = |l: &str| -> Option<String> {
        let i = l.find('=')?;
        l.as_bytes().first().filter(|b| b.is_ascii_uppercase())?;
        Some(l[..i].to_owned())
    };
    for (key, value) in changes {
        let positions: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| key_of(l).as_deref() == Some(key.as_str()))
            .map(|(i, _)| i)
            .collect();
        match value {
            Some(v) => {
                // go env -w's checkEnvWrite: a value never spans lines.
                let bad = if v.contains('\0') {
                    Some(false)
                } else if v.contains(['\u{b}', '\r', '\n']) {
                    Some(true)
                } else {
                    None
                };
                if let Some(newline) = bad {
                    return Err(WriteError::Unparsable {
                        path: path.display().to_string(),
                        why: Flaw::BadValue {
                            key: key.clone(),
                            newline,
                        },
                    });
                }
                let new_line = format!("{key}={v}\n");
                if let Some(&last) = positions.last() {
                    lines[last] = new_line;
                    for &p in positions[..positions.len() - 1].iter().rev() {
                        lines.remove(p);
                    }
                } else {
                    if lines.last().is_some_and(|l| !l.ends_with('\n'))
                        && let Some(l) = lines.last_mut()
                    {
                        l.push('\n');
                    }
                    lines.push(new_line);
                }
            }
            None => {
                for &p in positions.iter().rev() {
                    lines.remove(p);
                }
            }
        }
    }
    Ok(lines.concat().into_bytes())
}

/// Replaces `path` with `data` atomically (mode kept; the directory created if missing).
pub fn write_atomic(path: &Path, data: &[u8]) -> Result<(), WriteError> {
    write_atomic_with(path, data, || Ok(()))
}

/// [`write_atomic`], with `before_rename` run once the temporary file is complete: the unit
/// tests fail there to prove an interrupted write leaves the old file whole.
fn write_atomic_with(
    path: &Path,
    data: &[u8],
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> Result<(), WriteError> {
    // Through a symlink (dotfile managers), as go's own write goes: replace its target.
    let resolved = target_of(path)?;
    let path = resolved.as_path();
    let io = |source| WriteError::Io {
        path: path.display().to_string(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let tmp = dir.join(format!(
        ".{}.godoctor-{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("env"),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        if let Ok(meta) = std::fs::metadata(path) {
            let _ = f.set_permissions(meta.permissions());
        }
        f.write_all(data)?;
        f.sync_all()?;
        drop(f);
        before_rename()?;
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

/// The file a write to `path` lands in, following symbolic links as go's `os.WriteFile` does:
/// a dangling link names a file to create, when the directory it would be in exists.
fn target_of(path: &Path) -> Result<std::path::PathBuf, WriteError> {
    if let Ok(real) = std::fs::canonicalize(path) {
        return Ok(real);
    }
    let mut p = path.to_path_buf();
    // A chain of links, bounded as the kernel bounds it (ELOOP after 40).
    for _ in 0..40 {
        let Ok(next) = std::fs::read_link(&p) else {
            return Ok(p);
        };
        let next = p.parent().unwrap_or(Path::new(".")).join(next);
        if std::fs::symlink_metadata(&next).is_err() {
            if next.parent().is_some_and(Path::is_dir) {
                return Ok(next);
            }
            return Err(WriteError::DanglingSymlink {
                path: path.display().to_string(),
                target: next.display().to_string(),
            });
        }
        p = next;
    }
    Err(WriteError::Io {
        path: path.display().to_string(),
        source: std::io::Error::other("too many levels of symbolic links"),
    })
}

/// Refuses where `go env -w` would: an existing file that cannot be opened for writing (go
/// truncates it in place; root can, as with go), a link into a directory that does not exist.
pub fn check_writable(path: &Path) -> Result<(), WriteError> {
    let target = target_of(path)?;
    match std::fs::OpenOptions::new().write(true).open(&target) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(WriteError::ReadOnly {
            path: path.display().to_string(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(old: &str, changes: &[(&str, Option<&str>)]) -> String {
        let c: Vec<Change> = changes
            .iter()
            .map(|(k, v)| (k.to_string(), v.map(str::to_owned)))
            .collect();
        String::from_utf8(edit(Path::new("env"), old.as_bytes(), &c).unwrap()).unwrap()
    }

    #[test]
    fn edits_like_go_env_w() {
        assert_eq!(
            e("", &[("GOPROXY", Some("https://goproxy.cn,direct"))]),
            "GOPROXY=https://goproxy.cn,direct\n"
        );
        assert_eq!(
            e(
                "# keep me\nGOPROXY=a\nweird line\nGOPRIVATE=x\n",
                &[("GOPROXY", Some("b"))]
            ),
            "# keep me\nGOPROXY=b\nweird line\nGOPRIVATE=x\n"
        );
        assert_eq!(
            e("GOPROXY=a\nX=1\nGOPROXY=c\n", &[("GOPROXY", Some("b"))]),
            "X=1\nGOPROXY=b\n"
        );
        assert_eq!(
            e(
                "GOSUMDB=off\nGOFLAGS=-mod=mod",
                &[("GOSUMDB", None), ("GOPRIVATE", Some("corp.example"))]
            ),
            "GOFLAGS=-mod=mod\nGOPRIVATE=corp.example\n"
        );
        // CRLF and odd lines survive untouched.
        assert_eq!(
            e("A=1\r\n  indented=x\r\n", &[("B", Some("2"))]),
            "A=1\r\n  indented=x\r\nB=2\n"
        );
    }

    #[test]
    fn refuses_what_it_cannot_parse() {
        assert!(edit(Path::new("env"), b"\xff\xfe", &[]).is_err());
        assert!(edit(Path::new("env"), b"A=\0", &[]).is_err());
        // A value that would smuggle in a second line, as go env -w refuses it.
        let sneaky = vec![(
            "GOPROXY".to_owned(),
            Some("https://m.example\nGOSUMDB=off".to_owned()),
        )];
        let err = edit(Path::new("env"), b"", &sneaky).unwrap_err();
        assert!(
            err.to_string()
                .contains("invalid newline in GOPROXY=... value")
        );
    }

    #[test]
    fn atomic_write_goes_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("dotfiles-env");
        std::fs::write(&real, "A=1\n").unwrap();
        let link = dir.path().join("env");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"A=2\n").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"A=2\n");
    }

    #[test]
    fn refuses_where_go_refuses() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        // A link into a directory that does not exist: go's os.WriteFile fails, so do we.
        let link = dir.path().join("env");
        std::os::unix::fs::symlink(dir.path().join("gone/env"), &link).unwrap();
        assert!(matches!(
            check_writable(&link),
            Err(WriteError::DanglingSymlink { .. })
        ));
        assert!(write_atomic(&link, b"A=1\n").is_err());
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // A link to a missing file in an existing directory: go creates the file; so do we,
        // and the link stays a link.
        let link2 = dir.path().join("env2");
        std::os::unix::fs::symlink("real-env", &link2).unwrap();
        check_writable(&link2).unwrap();
        write_atomic(&link2, b"A=1\n").unwrap();
        assert!(
            std::fs::symlink_metadata(&link2)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            std::fs::read(dir.path().join("real-env")).unwrap(),
            b"A=1\n"
        );
        // A read-only file (unless we are root, who can write it, as go can).
        let ro = dir.path().join("ro-env");
        std::fs::write(&ro, "A=1\n").unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
        let writable = std::fs::OpenOptions::new().write(true).open(&ro).is_ok();
        assert_eq!(check_writable(&ro).is_ok(), writable);
    }

    #[test]
    fn atomic_write_replaces_and_keeps_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("go/env");
        write_atomic(&p, b"A=1\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, b"A=2\n").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"A=2\n");
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            std::fs::read_dir(p.parent().unwrap()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn a_crash_before_the_rename_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("env");
        let original = b"# my settings\nGOPROXY=https://blocked.example,direct\r\nodd line\n";
        std::fs::write(&p, original).unwrap();
        let err = write_atomic_with(&p, b"GOPROXY=https://mirror.example,direct\n", || {
            // The moment of the crash: the new content is complete beside the old file.
            let tmp: Vec<_> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|f| *f != p)
                .collect();
            assert_eq!(tmp.len(), 1, "{tmp:?}");
            assert_eq!(
                std::fs::read(&tmp[0]).unwrap(),
                b"GOPROXY=https://mirror.example,direct\n"
            );
            assert_eq!(std::fs::read(&p).unwrap(), original);
            Err(std::io::Error::other("simulated crash"))
        });
        assert!(err.is_err());
        assert_eq!(
            std::fs::read(&p).unwrap(),
            original,
            "torn or replaced file after a crash"
        );
    }
}
