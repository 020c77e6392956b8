//! The whole run's deadline (issue 17, `RunDeadline` in src/run.rs): `--timeout` plus a grace of
//! max(timeout/2, 5 s) bounds reading the inputs and planning, not only the probes. A step still
//! running then ends the run with a message and exit status 1 instead of hanging.
//!
//! The slow input is a real one the configuration stage waits on: a `go` whose `go env` prints
//! its answer and exits at once, but leaves a helper process holding its standard output (a
//! wrapper that starts a daemon does this). godoctor kills a go that runs past the tool
//! deadline, but a go that has exited is not killed, and its output is only complete when the
//! pipe closes: the configuration stage waits for the helper. Hermetic: `--offline`, no git,
//! nothing leaves the machine.

use std::path::Path;
use std::time::Duration;

use crate::support::cli::Cli;

/// How long the helper holds the pipe: far past the deadline (1 s + 5 s here).
const HELPER_SECS: u64 = 60;
/// The test's own bound: the deadline plus a margin for a loaded machine, well below the
/// helper's life, so a run the deadline did not stop is killed here and fails the test.
const LIMIT: Duration = Duration::from_secs(30);

/// Writes a `go` into `bin` that answers `go env` at once and leaves `sleep` holding stdout;
/// each helper's pid is appended to `pids`.
fn slow_go(bin: &Path, pids: &Path) {
    let script = format!(
        "#!/bin/sh\n\
         # Answers at once, but a helper it starts keeps the output pipe open.\n\
         /bin/sleep {HELPER_SECS} &\n\
         echo $! >> '{}'\n\
         echo '{{}}'\n\
         exit 0\n",
        pids.display()
    );
    let go = bin.join("go");
    std::fs::write(&go, script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&go, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Ends the helpers this test started, by their pids.
fn stop_helpers(pids: &Path) {
    let Ok(list) = std::fs::read_to_string(pids) else {
        return;
    };
    for pid in list
        .split_whitespace()
        .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        let _ = std::process::Command::new("/bin/sh")
            .args(["-c", &format!("kill {pid}")])
            .status();
    }
}

#[test]
fn a_config_stage_past_the_deadline_ends_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    for d in ["bin", "home", "work"] {
        std::fs::create_dir(tmp.path().join(d)).unwrap();
    }
    let pids = tmp.path().join("helpers.pid");
    slow_go(&tmp.path().join("bin"), &pids);
    let run = |lang: &str| {
        Cli::godoctor()
            .home(tmp.path().join("home"))
            .path(tmp.path().join("bin"))
            .cwd(tmp.path().join("work"))
            .args(["check", "--offline", "--timeout", "1s", "--lang", lang])
            .limit(LIMIT)
            .run()
    };
    let (en, zh) = std::thread::scope(|s| {
        let zh = s.spawn(|| run("zh"));
        (run("en"), zh.join().unwrap())
    });
    stop_helpers(&pids);
    for (run, message) in [
        (
            &en,
            "godoctor: stopped: the run took longer than its --timeout 1s plus 5s",
        ),
        (&zh, "godoctor: 已停止：运行时间超过了 --timeout 1s 再加 5s"),
    ] {
        assert!(
            !run.timed_out(),
            "still running after {LIMIT:?}: the deadline did not end the run\n{}",
            run.text()
        );
        assert_eq!(run.code(), Some(1), "{}", run.text());
        assert!(
            run.stderr_text().contains(message),
            "no deadline message: {}",
            run.stderr_text()
        );
        // Nothing half-done is reported.
        assert!(run.stdout.is_empty(), "{}", run.stdout_text());
        // The grace is kept: not before 1 s + 5 s.
        assert!(
            run.elapsed >= Duration::from_secs(6),
            "ended after {:?}, before the grace",
            run.elapsed
        );
    }
    // The helpers really held the pipe past the deadline (else this tested nothing).
    let started = std::fs::read_to_string(&pids).unwrap_or_default();
    assert!(
        !started.trim().is_empty(),
        "the slow go never ran: {}",
        en.text()
    );
}
