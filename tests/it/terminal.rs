//! The text report in a real terminal: godoctor runs on a pseudo-terminal (openpty) of 80
//! columns, as in a user's terminal window. Colour follows NO_COLOR, CLICOLOR_FORCE and
//! `--color` (a pipe with CLICOLOR_FORCE too); lines wrap to the width with a hanging indent,
//! and only a URL or a command that cannot break may run past it.

use std::fs::File;
use std::io::Read;
use std::os::fd::FromRawFd;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use godoctor::report::text::wrap::visible_width;

use crate::support::cli::Cli;

const LONG_MIRROR: &str =
    "https://goproxy.corp.example/artifactory/api/go/golang-remote-virtual-repository-for-everyone";

/// godoctor's output on a terminal of `cols` columns (pty line endings undone). The one
/// unsafe call is openpty (as the e2e tier's unshare): the standard library has no terminals.
#[allow(unsafe_code)]
fn on_terminal(args: &[&str], env: &[(&str, &str)], cols: u16) -> String {
    let home = tempfile::tempdir().unwrap();
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 50,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors we then own; no name buffer, default termios.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors are ours alone from here on.
    let (mut master, slave) = unsafe { (File::from_raw_fd(master), File::from_raw_fd(slave)) };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_godoctor"));
    cmd.env_clear()
        .env("HOME", home.path())
        .env("PATH", home.path())
        .env("TERM", "xterm-256color")
        .envs(env.iter().copied())
        .current_dir(home.path())
        .args(args)
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    let mut child = cmd.spawn().unwrap();
    drop(cmd); // the parent's copies of the terminal's far end: reads end when the child exits
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0; 4096];
        // Linux answers EIO once the last writer closes the terminal.
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        out
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < Duration::from_secs(30), "godoctor hangs");
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = reader.join().unwrap();
    String::from_utf8(out).unwrap().replace("\r\n", "\n")
}

fn coloured(s: &str) -> bool {
    s.contains("\x1b[")
}

const CHECK: [&str; 3] = ["check", "--offline", "--module=example.com/m@v1.0.0"];

fn check_env() -> Vec<(&'static str, String)> {
    vec![(
        "GOPROXY",
        format!("{LONG_MIRROR},https://proxy.golang.org,direct"),
    )]
}

fn run(extra_args: &[&str], extra_env: &[(&str, &str)]) -> String {
    run_at(80, extra_args, extra_env)
}

fn run_at(cols: u16, extra_args: &[&str], extra_env: &[(&str, &str)]) -> String {
    let mut args: Vec<&str> = extra_args.to_vec();
    args.extend(CHECK);
    let base = check_env();
    let mut env: Vec<(&str, &str)> = base.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.extend_from_slice(extra_env);
    on_terminal(&args, &env, cols)
}

#[test]
fn colour_on_a_terminal_follows_the_conventions() {
    assert!(coloured(&run(&[], &[])), "a terminal gets colour");
    assert!(!coloured(&run(&[], &[("NO_COLOR", "1")])), "NO_COLOR");
    assert!(
        coloured(&run(&[], &[("CLICOLOR_FORCE", "0")])),
        "CLICOLOR_FORCE=0 only stops forcing: a terminal still gets colour"
    );
    assert!(!coloured(&run(&["--color", "never"], &[])), "--color never");
    assert!(
        coloured(&run(&["--color", "always"], &[("NO_COLOR", "1")])),
        "--color always wins over NO_COLOR"
    );
    assert!(!coloured(&run(&[], &[("TERM", "dumb")])), "TERM=dumb");
}

#[test]
fn colour_in_a_pipe_only_when_forced() {
    let piped = |env: &[(&str, &str)], args: &[&str]| {
        let home = tempfile::tempdir().unwrap();
        let mut all: Vec<&str> = args.to_vec();
        all.extend(CHECK);
        Cli::godoctor()
            .home(home.path())
            .path(home.path())
            .cwd(home.path())
            .envs(env.iter().copied())
            .args(all)
            .run()
            .stdout_text()
    };
    assert!(!coloured(&piped(&[], &[])));
    assert!(coloured(&piped(&[("CLICOLOR_FORCE", "1")], &[])));
    assert!(!coloured(&piped(&[("CLICOLOR_FORCE", "0")], &[])));
    assert!(!coloured(&piped(
        &[("CLICOLOR_FORCE", "1")],
        &["--color", "never"]
    )));
    assert!(coloured(&piped(&[], &["--color", "always"])));
}

/// Every line fits in 80 columns, but for one that holds a token no break can split (a URL)
/// or a command of the fix, which must paste whole.
#[track_caller]
fn fits_80_columns(report: &str) {
    let mut in_fix = false;
    for line in report.lines() {
        let plain = strip(line);
        if !plain.starts_with(' ') {
            in_fix = matches!(plain.as_str(), "Fix" | "修复建议");
        }
        let width = visible_width(&plain);
        if width <= 80 {
            continue;
        }
        let command = in_fix && !plain.trim_start().starts_with('#');
        let unbreakable = plain
            .split_whitespace()
            .any(|t| t.contains("://") && visible_width(t) > 40);
        assert!(
            command || unbreakable,
            "{width} columns: {plain:?}\n{report}"
        );
    }
}

fn strip(line: &str) -> String {
    let mut out = String::new();
    let mut escape = false;
    for c in line.chars() {
        match (escape, c) {
            (_, '\x1b') => escape = true,
            (true, c) if c.is_ascii_alphabetic() => escape = false,
            (true, _) => {}
            (false, c) => out.push(c),
        }
    }
    out
}

#[test]
fn lines_wrap_at_80_columns_in_english_and_chinese() {
    for lang in ["en", "zh"] {
        let report = run(&["--lang", lang], &[]);
        fits_80_columns(&report);
        let wide = run_at(300, &["--lang", lang], &[]);
        assert!(
            report.lines().count() > wide.lines().count() + 3,
            "nothing wrapped at 80 columns:\n{report}"
        );
        assert!(
            report.contains(LONG_MIRROR),
            "the URL stays whole:\n{report}"
        );
        // The summary comes before the verdict, the verdict before the findings.
        let summary = report.find("GOPROXY=").unwrap();
        let verdict = report.find("go mod download").unwrap();
        assert!(summary < verdict, "{report}");
    }
}

#[test]
fn columns_overrides_the_terminal_size() {
    let base = check_env();
    let mut env: Vec<(&str, &str)> = base.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.push(("COLUMNS", "60"));
    let mut args = vec!["--color", "never"];
    args.extend(CHECK);
    let report = on_terminal(&args, &env, 200);
    for line in report.lines() {
        let w = visible_width(line);
        assert!(
            w <= 60 || line.split_whitespace().any(|t| t.contains("://")),
            "{w}: {line:?}"
        );
    }
}
