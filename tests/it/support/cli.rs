//! The one way the tests start a program — godoctor, or go beside it: an empty environment
//! plus exactly the variables the test names, a working directory, arguments and stdin, and an
//! optional time limit. Output goes through files rather than pipes, so a grandchild that keeps
//! a descriptor open can never hang a test. A wrapper (`ip netns exec NAME`) runs the program
//! elsewhere; the environment then travels through `env -i`, as empty as it would be here.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// How often a run with a time limit is looked at.
const POLL: Duration = Duration::from_millis(5);

#[derive(Clone, Debug)]
pub struct Cli {
    program: OsString,
    args: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
    cwd: Option<PathBuf>,
    stdin: Option<Vec<u8>>,
    limit: Option<Duration>,
    wrapper: Vec<OsString>,
    logs: Option<(PathBuf, String)>,
}

/// What a run left behind.
#[derive(Debug)]
pub struct Run {
    /// None when the run was killed at its time limit.
    pub status: Option<ExitStatus>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub elapsed: Duration,
}

impl Cli {
    /// The godoctor binary cargo built for these tests.
    pub fn godoctor() -> Cli {
        Cli::new(env!("CARGO_BIN_EXE_godoctor"))
    }

    pub fn new(program: impl AsRef<OsStr>) -> Cli {
        Cli {
            program: program.as_ref().to_owned(),
            args: Vec::new(),
            env: Vec::new(),
            cwd: None,
            stdin: None,
            limit: None,
            wrapper: Vec::new(),
            logs: None,
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Cli {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Cli
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// Sets one variable; a later value for the same name wins.
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Cli {
        let key = key.as_ref().to_owned();
        self.env.retain(|(k, _)| *k != key);
        self.env.push((key, value.as_ref().to_owned()));
        self
    }

    pub fn envs<I, K, V>(self, vars: I) -> Cli
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<OsStr>,
        V: AsRef<OsStr>,
    {
        vars.into_iter().fold(self, |cli, (k, v)| cli.env(k, v))
    }

    pub fn home(self, dir: impl AsRef<OsStr>) -> Cli {
        self.env("HOME", dir)
    }

    pub fn path(self, dirs: impl AsRef<OsStr>) -> Cli {
        self.env("PATH", dirs)
    }

    pub fn cwd(mut self, dir: impl AsRef<Path>) -> Cli {
        self.cwd = Some(dir.as_ref().to_owned());
        self
    }

    /// What the program reads on stdin (otherwise it reads nothing: /dev/null).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Cli {
        self.stdin = Some(bytes.into());
        self
    }

    /// Kills the program after this long; the run then has no status.
    pub fn limit(mut self, limit: Duration) -> Cli {
        self.limit = Some(limit);
        self
    }

    /// Runs `wrapper… env -i VARS… program args…` instead (e.g. `ip netns exec NAME`).
    pub fn wrap<I, S>(mut self, wrapper: I) -> Cli
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.wrapper = wrapper.into_iter().map(|a| a.as_ref().to_owned()).collect();
        self
    }

    /// Keeps the output in `dir/tag.stdout` and `dir/tag.stderr` (logs worth reading later).
    pub fn logs(mut self, dir: impl AsRef<Path>, tag: &str) -> Cli {
        self.logs = Some((dir.as_ref().to_owned(), tag.to_owned()));
        self
    }

    /// `program args…`, for messages.
    pub fn describe(&self) -> String {
        let mut s = Path::new(&self.program).display().to_string();
        for a in &self.args {
            s.push(' ');
            s.push_str(&a.to_string_lossy());
        }
        s
    }

    fn command(&self) -> Command {
        let mut cmd;
        if let Some((first, rest)) = self.wrapper.split_first() {
            cmd = Command::new(first);
            cmd.args(rest).arg("env").arg("-i");
            for (k, v) in &self.env {
                let mut kv = k.clone();
                kv.push("=");
                kv.push(v);
                cmd.arg(kv);
            }
            cmd.arg(&self.program);
        } else {
            cmd = Command::new(&self.program);
            cmd.env_clear().envs(self.env.iter().map(|(k, v)| (k, v)));
        }
        cmd.args(&self.args);
        if let Some(dir) = &self.cwd {
            cmd.current_dir(dir);
        }
        cmd
    }

    /// Runs the program to its end (or its time limit); Err when it cannot start.
    pub fn try_run(&self) -> Result<Run, String> {
        let io = |what: &str, e: std::io::Error| format!("{}: {what}: {e}", self.describe());
        let (mut out, mut err) = match &self.logs {
            Some((dir, tag)) => (
                File::options()
                    .read(true)
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .open(dir.join(format!("{tag}.stdout")))
                    .map_err(|e| io("stdout log", e))?,
                File::options()
                    .read(true)
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .open(dir.join(format!("{tag}.stderr")))
                    .map_err(|e| io("stderr log", e))?,
            ),
            None => (
                tempfile::tempfile().map_err(|e| io("stdout file", e))?,
                tempfile::tempfile().map_err(|e| io("stderr file", e))?,
            ),
        };
        let stdin = match &self.stdin {
            None => Stdio::null(),
            Some(bytes) => {
                let mut f = tempfile::tempfile().map_err(|e| io("stdin file", e))?;
                f.write_all(bytes).map_err(|e| io("stdin file", e))?;
                f.seek(SeekFrom::Start(0))
                    .map_err(|e| io("stdin file", e))?;
                Stdio::from(f)
            }
        };
        let mut cmd = self.command();
        cmd.stdin(stdin)
            .stdout(out.try_clone().map_err(|e| io("stdout file", e))?)
            .stderr(err.try_clone().map_err(|e| io("stderr file", e))?);
        let start = Instant::now();
        let mut child = cmd.spawn().map_err(|e| io("cannot start", e))?;
        let status = match self.limit {
            None => Some(child.wait().map_err(|e| io("wait", e))?),
            Some(limit) => loop {
                if let Some(status) = child.try_wait().map_err(|e| io("wait", e))? {
                    break Some(status);
                }
                if start.elapsed() >= limit {
                    let _ = child.kill();
                    let _ = child.wait();
                    break None;
                }
                std::thread::sleep(POLL);
            },
        };
        let elapsed = start.elapsed();
        let read = |f: &mut File, what: &str| {
            let mut buf = Vec::new();
            f.seek(SeekFrom::Start(0))
                .and_then(|_| f.read_to_end(&mut buf))
                .map_err(|e| io(what, e))?;
            Ok::<_, String>(buf)
        };
        Ok(Run {
            status,
            stdout: read(&mut out, "stdout")?,
            stderr: read(&mut err, "stderr")?,
            elapsed,
        })
    }

    /// Like [`Cli::try_run`]; a program that cannot start fails the test.
    #[track_caller]
    pub fn run(&self) -> Run {
        self.try_run().unwrap_or_else(|e| panic!("{e}"))
    }
}

impl Run {
    /// The exit code; None when killed (by a signal or at the time limit).
    pub fn code(&self) -> Option<i32> {
        self.status.and_then(|s| s.code())
    }

    pub fn success(&self) -> bool {
        self.status.is_some_and(|s| s.success())
    }

    pub fn timed_out(&self) -> bool {
        self.status.is_none()
    }

    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// stdout, then stderr.
    pub fn text(&self) -> String {
        format!("{}{}", self.stdout_text(), self.stderr_text())
    }

    /// stdout as one JSON value; anything else fails the test with both streams.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}\n{}",
                self.stdout_text(),
                self.stderr_text()
            )
        })
    }
}
