//! Running the user's tools (go, git) under a deadline, with bounded output, never hanging.

use std::io::Read;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct Output {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum ProcessError {
    #[error("could not run {program}: {source}")]
    Spawn {
        program: String,
        source: std::io::Error,
    },
    #[error("{program} did not finish within {deadline:?}")]
    Timeout { program: String, deadline: Duration },
}

/// Starts `cmd` with piped output and no stdin.
pub fn spawn(mut cmd: Command) -> Result<(String, Child), ProcessError> {
    let program = cmd.get_program().to_string_lossy().into_owned();
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    match cmd.spawn() {
        Ok(child) => Ok((program, child)),
        Err(source) => Err(ProcessError::Spawn { program, source }),
    }
}

/// Waits for a child started by [`spawn`] until `start + deadline`, killing it past that.
/// Output is read on helper threads (so a full pipe cannot stall the child) and capped at 1 MiB.
pub fn wait(
    program: String,
    mut child: Child,
    start: Instant,
    deadline: Duration,
) -> Result<Output, ProcessError> {
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(p) = pipe {
                let _ = p.take(1 << 20).read_to_end(&mut buf);
            }
            buf
        })
    };
    let out = reader(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = reader(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let mut nap = Duration::from_micros(200);
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break status;
        }
        if start.elapsed() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(ProcessError::Timeout { program, deadline });
        }
        std::thread::sleep(nap);
        nap = (nap * 2).min(Duration::from_millis(10));
    };
    Ok(Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    })
}

/// [`spawn`] then [`wait`].
pub fn run(cmd: Command, deadline: Duration) -> Result<Output, ProcessError> {
    let start = Instant::now();
    let (program, child) = spawn(cmd)?;
    wait(program, child, start, deadline)
}
