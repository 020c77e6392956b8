//! godoctor's state directory: backups of the go/env file taken before every `fix --apply`,
//! restored byte for byte by `fix --undo`, and the lock that serialises concurrent runs.
//!
//! `$XDG_STATE_HOME/godoctor`, else `~/.local/state/godoctor`. Each backup is a directory
//! named by its UTC time holding `meta.json` and, when the file existed, `env` (a copy).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::env::Environment;
use crate::i18n::Lang;
use crate::t;

/// Why a backup or undo failed. `Display` is the English text.
#[derive(Debug)]
pub enum StateError {
    NoDir,
    Io {
        path: String,
        source: std::io::Error,
    },
    NoBackup,
    Damaged(String),
    ChangedSince {
        path: String,
        time: String,
        backup: String,
    },
}

impl StateError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            StateError::NoDir => t!(lang, "fix-error-no-state-dir"),
            StateError::Io { path, source } => format!("{path}: {source}"),
            StateError::NoBackup => t!(lang, "fix-error-no-backup"),
            StateError::Damaged(dir) => t!(lang, "fix-error-backup-damaged", dir = dir.as_str()),
            StateError::ChangedSince { path, time, backup } => t!(
                lang,
                "fix-error-changed-since",
                path = path.as_str(),
                time = time.as_str(),
                backup = backup.as_str()
            ),
        }
    }
}

impl std::fmt::Display for StateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for StateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StateError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StateError + '_ {
    move |source| StateError::Io {
        path: path.display().to_string(),
        source,
    }
}

pub fn state_dir(env: &Environment) -> Result<PathBuf, StateError> {
    if let Some(x) = env.get("XDG_STATE_HOME").filter(|x| x.starts_with('/')) {
        return Ok(PathBuf::from(x).join("godoctor"));
    }
    env.home_dir()
        .map(|h| h.join(".local/state/godoctor"))
        .ok_or(StateError::NoDir)
}

/// An exclusive lock on the state directory, released on drop.
pub struct Lock(std::fs::File);

impl Lock {
    pub fn acquire(dir: &Path) -> Result<Lock, StateError> {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let path = dir.join("lock");
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io(&path))?;
        f.lock().map_err(io(&path))?;
        Ok(Lock(f))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Meta {
    /// The go/env file the backup belongs to.
    pub path: String,
    /// Whether the file existed before the change (undo deletes it otherwise).
    pub existed: bool,
    pub time: String,
    /// The keys the change touched.
    pub keys: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Backup {
    pub dir: PathBuf,
    pub meta: Meta,
}

fn now_stamp() -> String {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = d.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
    // civil from days (Howard Hinnant)
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = if month <= 2 { y + 1 } else { y };
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:09}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_nanos()
    )
}

/// Saves the current state of `goenv` before it is changed.
pub fn backup(dir: &Path, goenv: &Path, keys: &[String]) -> Result<Backup, StateError> {
    let stamp = now_stamp();
    let bdir = dir.join("backups").join(stamp.replace(':', ""));
    // Bounded and regular only; a file too big to copy whole is refused, never backed up cut.
    use crate::config::bounded::{self, InputProblem, ProblemKind};
    let read = bounded::read(goenv, bounded::GO_ENV).and_then(|b| match b.truncated {
        false => Ok(b.data),
        true => Err(std::io::Error::other(InputProblem {
            path: goenv.to_owned(),
            limit: bounded::GO_ENV,
            kind: ProblemKind::TooLarge,
        })),
    });
    // Before the backup directory exists: a refused file leaves nothing behind.
    let read = match read {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(goenv)(e)),
        r => r,
    };
    private_dir(&bdir).map_err(io(&bdir))?;
    let existed = match read {
        Ok(data) => {
            // Durable before go/env changes: undo must find it after a crash.
            let copy = bdir.join("env");
            durable_write(&copy, &data)?;
            same_mode(goenv, &copy)?;
            true
        }
        Err(_) => false,
    };
    let meta = Meta {
        path: goenv.display().to_string(),
        existed,
        time: stamp,
        keys: keys.to_vec(),
    };
    let mpath = bdir.join("meta.json");
    durable_write(
        &mpath,
        &serde_json::to_vec_pretty(&meta).unwrap_or_default(),
    )?;
    Ok(Backup { dir: bdir, meta })
}

/// Creates `bdir` and the missing directories above it `0700`, and makes `backups/` `0700`: a
/// copy of go/env may hold credentials (GOPROXY's userinfo).
fn private_dir(bdir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(bdir)?;
        for d in [Some(bdir), bdir.parent()].into_iter().flatten() {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    builder.create(bdir)
}

/// Gives `copy` the mode of `original` (a `0600` go/env stays `0600`); its directory is `0700`,
/// so nobody else could read it in between.
fn same_mode(original: &Path, copy: &Path) -> Result<(), StateError> {
    let Ok(meta) = std::fs::metadata(original) else {
        return Ok(());
    };
    std::fs::set_permissions(copy, meta.permissions()).map_err(io(copy))
}

fn durable_write(path: &Path, data: &[u8]) -> Result<(), StateError> {
    super::goenv_write::write_atomic(path, data).map_err(|e| match e {
        super::goenv_write::WriteError::Io { source, .. } => io(path)(source),
        other => io(path)(std::io::Error::other(other.to_string())),
    })
}

/// Keeps what the fix wrote beside its backup, so undo can tell later edits from its own.
pub fn record_result(b: &Backup, goenv: &Path) -> Result<(), StateError> {
    let data = std::fs::read(goenv).map_err(io(goenv))?;
    let after = b.dir.join("env.after");
    durable_write(&after, &data)?;
    same_mode(goenv, &after)
}

/// Backups, oldest first.
pub fn list(dir: &Path) -> Vec<Backup> {
    let Ok(rd) = std::fs::read_dir(dir.join("backups")) else {
        return Vec::new();
    };
    let mut v: Vec<Backup> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let meta: Meta =
                serde_json::from_slice(&std::fs::read(e.path().join("meta.json")).ok()?).ok()?;
            Some(Backup {
                dir: e.path(),
                meta,
            })
        })
        .collect();
    v.sort_by(|a, b| a.meta.time.cmp(&b.meta.time));
    v
}

/// Restores the newest backup byte for byte and removes it from the list.
pub fn undo(dir: &Path) -> Result<Backup, StateError> {
    let last = list(dir).pop().ok_or(StateError::NoBackup)?;
    let target = PathBuf::from(&last.meta.path);
    if let Ok(after) = std::fs::read(last.dir.join("env.after"))
        && std::fs::read(&target).unwrap_or_default() != after
    {
        return Err(StateError::ChangedSince {
            path: last.meta.path.clone(),
            time: last.meta.time.clone(),
            backup: last.dir.join("env").display().to_string(),
        });
    }
    if last.meta.existed {
        let data = std::fs::read(last.dir.join("env"))
            .map_err(|_| StateError::Damaged(last.dir.display().to_string()))?;
        super::goenv_write::write_atomic(&target, &data).map_err(|e| StateError::Io {
            path: target.display().to_string(),
            source: std::io::Error::other(e.to_string()),
        })?;
    } else {
        // A link that dangled before the fix stays a link: the file the fix created goes.
        let target = match std::fs::read_link(&target) {
            Ok(to) => target.parent().unwrap_or(Path::new(".")).join(to),
            Err(_) => target,
        };
        match std::fs::remove_file(&target) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&target)(e)),
        }
    }
    std::fs::remove_dir_all(&last.dir).map_err(io(&last.dir))?;
    Ok(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A go/env too big to copy whole, or a FIFO, is refused before anything is written: no
    /// cut backup, no backup directory, no wait on the FIFO.
    #[test]
    fn backup_refuses_what_it_cannot_copy_whole() {
        let d = tempfile::tempdir().unwrap();
        let state = d.path().join("state");
        let big = d.path().join("big-env");
        let line = "GOFLAGS=-mod=mod\n".repeat(1 << 18);
        std::fs::write(&big, line.repeat(2)).unwrap();
        assert!(std::fs::metadata(&big).unwrap().len() > crate::config::bounded::GO_ENV.bytes);
        let _lock = Lock::acquire(&state).unwrap();
        assert!(matches!(
            backup(&state, &big, &[]),
            Err(StateError::Io { .. })
        ));
        let fifo = d.path().join("fifo-env");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success();
        assert!(made);
        assert!(matches!(
            backup(&state, &fifo, &[]),
            Err(StateError::Io { .. })
        ));
        assert!(list(&state).is_empty());
        assert!(
            !state.join("backups").exists()
                || std::fs::read_dir(state.join("backups"))
                    .unwrap()
                    .next()
                    .is_none()
        );
    }

    #[test]
    fn backup_and_undo_are_byte_identical() {
        let d = tempfile::tempdir().unwrap();
        let state = d.path().join("state");
        let goenv = d.path().join("go/env");
        std::fs::create_dir_all(goenv.parent().unwrap()).unwrap();
        let original = b"GOPROXY=https://a\r\n# odd\nGOFLAGS=-mod=mod".to_vec();
        std::fs::write(&goenv, &original).unwrap();
        let _lock = Lock::acquire(&state).unwrap();
        backup(&state, &goenv, &["GOPROXY".into()]).unwrap();
        std::fs::write(&goenv, b"GOPROXY=changed\n").unwrap();
        assert_eq!(list(&state).len(), 1);
        undo(&state).unwrap();
        assert_eq!(std::fs::read(&goenv).unwrap(), original);
        assert!(list(&state).is_empty());
        assert!(matches!(undo(&state), Err(StateError::NoBackup)));
    }

    #[test]
    fn undo_refuses_to_drop_edits_made_after_the_fix() {
        let d = tempfile::tempdir().unwrap();
        let state = d.path().join("state");
        let goenv = d.path().join("go/env");
        std::fs::create_dir_all(goenv.parent().unwrap()).unwrap();
        std::fs::write(&goenv, b"GOPROXY=https://a\n").unwrap();
        let b = backup(&state, &goenv, &["GOPROXY".into()]).unwrap();
        std::fs::write(&goenv, b"GOPROXY=https://fixed\n").unwrap();
        record_result(&b, &goenv).unwrap();
        // The user's own `go env -w` after the fix.
        std::fs::write(&goenv, b"GOPROXY=https://fixed\nGOPRIVATE=corp.example\n").unwrap();
        assert!(matches!(undo(&state), Err(StateError::ChangedSince { .. })));
        assert_eq!(list(&state).len(), 1, "the backup stays");
        // Back to what the fix wrote: undo proceeds.
        std::fs::write(&goenv, b"GOPROXY=https://fixed\n").unwrap();
        undo(&state).unwrap();
        assert_eq!(std::fs::read(&goenv).unwrap(), b"GOPROXY=https://a\n");
    }

    #[test]
    fn undo_removes_a_file_that_did_not_exist() {
        let d = tempfile::tempdir().unwrap();
        let state = d.path().join("state");
        let goenv = d.path().join("go/env");
        backup(&state, &goenv, &[]).unwrap();
        std::fs::create_dir_all(goenv.parent().unwrap()).unwrap();
        std::fs::write(&goenv, b"GOPROXY=x\n").unwrap();
        undo(&state).unwrap();
        assert!(!goenv.exists());
    }

    #[cfg(unix)]
    #[test]
    fn backups_keep_the_mode_in_private_directories() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let d = tempfile::tempdir().unwrap();
        let state = d.path().join("state");
        let goenv = d.path().join("go/env");
        std::fs::create_dir_all(goenv.parent().unwrap()).unwrap();
        std::fs::write(&goenv, b"GOPROXY=https://u:tok@corp.example\n").unwrap();
        std::fs::set_permissions(&goenv, std::fs::Permissions::from_mode(0o600)).unwrap();
        let b = backup(&state, &goenv, &["GOPROXY".into()]).unwrap();
        record_result(&b, &goenv).unwrap();
        assert_eq!(mode(&b.dir.join("env")), 0o600);
        assert_eq!(mode(&b.dir.join("env.after")), 0o600);
        assert_eq!(mode(&b.dir), 0o700);
        assert_eq!(mode(b.dir.parent().unwrap()), 0o700);
    }

    #[test]
    fn undo_keeps_a_link_that_dangled() {
        let d = tempfile::tempdir().unwrap();
        let state = d.path().join("state");
        let link = d.path().join("env");
        std::os::unix::fs::symlink("dotfiles-env", &link).unwrap();
        backup(&state, &link, &[]).unwrap();
        super::super::goenv_write::write_atomic(&link, b"GOPROXY=x\n").unwrap();
        assert!(d.path().join("dotfiles-env").exists());
        undo(&state).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(!d.path().join("dotfiles-env").exists());
    }

    #[test]
    fn stamps_sort() {
        let a = now_stamp();
        let b = now_stamp();
        assert!(a <= b, "{a} {b}");
        assert_eq!(a.len(), "2026-11-22T16:28:31.000000000Z".len());
    }
}
