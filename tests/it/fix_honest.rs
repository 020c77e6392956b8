//! `godoctor fix` is honest and safe (issues 14 and 17): commands in each shell's syntax,
//! never "nothing to change" while go fails, the CA before mirrors for an interception, the
//! dry run equal to what `--apply` writes, GOSUMDB left alone when nothing probed it, a
//! project's mirrors only suggested, go's refusals kept, `--timeout` bounding the whole run,
//! and the `--json` form.

use std::time::{Duration, Instant};

use crate::fix::{Home, godoctor, godoctor_within, spec, text, world};
use crate::lab::{Behavior, CertKind};

fn has_line(t: &str, line: &str) -> bool {
    t.lines().any(|l| l.trim() == line)
}

#[test]
fn each_shell_gets_its_own_commands_and_go_env_location() {
    let (lab, good, blocked) = world();
    let home = Home::new();
    std::fs::write(home.goenv(), format!("GOPROXY={blocked}\n")).unwrap();
    let value = format!("GOPROXY={good},direct");
    let goenv = home.goenv().display().to_string();
    for (shell, command, location) in [
        ("posix", format!("go env -w {value}"), goenv.as_str()),
        ("fish", format!("go env -w {value}"), goenv.as_str()),
        (
            "powershell",
            format!("go env -w '{value}'"),
            r"%AppData%\go\env",
        ),
        ("cmd", format!("go env -w \"{value}\""), r"%AppData%\go\env"),
    ] {
        let out = godoctor(
            &lab,
            &home,
            &[],
            &["fix", "--shell", shell, "--mirror", &good],
        );
        let t = text(&out);
        assert!(has_line(&t, &command), "{shell}: {t}");
        assert!(
            t.contains(&format!("(`go env -w` writes {location})")),
            "{shell}: {t}"
        );
    }
    // An OS variable: the shell's own command; fish detected from SHELL.
    std::fs::remove_file(home.goenv()).unwrap();
    let env_var = |extra: &[(&'static str, String)], args: &[&str]| {
        let mut env = vec![("GOPROXY", blocked.clone())];
        env.extend_from_slice(extra);
        let mut a = vec!["fix", "--mirror", &good];
        a.extend_from_slice(args);
        text(&godoctor(&lab, &home, &env, &a))
    };
    let fish = env_var(&[("SHELL", "/usr/bin/fish".into())], &[]);
    assert!(
        has_line(&fish, &format!("set -gx GOPROXY {good},direct")),
        "{fish}"
    );
    assert!(fish.contains("Commands (fish):"), "{fish}");
    let ps = env_var(&[], &["--shell", "powershell"]);
    assert!(
        has_line(
            &ps,
            &format!(
                "$env:GOPROXY = '{good},direct'; [Environment]::SetEnvironmentVariable('GOPROXY', '{good},direct', 'User')"
            )
        ),
        "{ps}"
    );
    assert!(
        ps.contains("GetEnvironmentVariable('GOPROXY', 'User')"),
        "{ps}"
    );
    let cmd = env_var(&[], &["--shell", "cmd"]);
    assert!(
        has_line(
            &cmd,
            &format!("set \"GOPROXY={good},direct\" & setx GOPROXY \"{good},direct\"")
        ),
        "{cmd}"
    );
    assert!(
        cmd.contains(r"reg query HKCU\Environment /v GOPROXY"),
        "{cmd}"
    );
}

#[test]
fn never_nothing_to_change_while_go_fails() {
    let (lab, _good, blocked) = world();
    let home = Home::new();
    std::fs::write(home.goenv(), format!("GOPROXY={blocked}\n")).unwrap();
    // No candidate passes (the public mirrors do not resolve in the lab).
    let out = godoctor(&lab, &home, &[], &["fix"]);
    let t = text(&out);
    assert_eq!(out.code(), Some(1), "{t}");
    assert!(!t.contains("Nothing to change"), "{t}");
    assert!(t.contains("No go setting that godoctor can change"), "{t}");
    assert!(
        t.contains("(root cause: TCP_REFUSED (blocked.lab.test))"),
        "{t}"
    );
    assert!(
        !has_line(&t, "godoctor fix"),
        "not where the user already is: {t}"
    );
    assert!(t.contains("godoctor fix --mirror "), "{t}");
    let json = godoctor(&lab, &home, &[], &["fix", "--json"]);
    assert_eq!(json.code(), Some(1));
    let v = json.json();
    assert_eq!(v["nothing_helps"], true, "{v:#}");
    assert_eq!(v["verdict"], "fail");
    assert!(v["help"].as_array().is_some_and(|h| !h.is_empty()), "{v:#}");
}

#[test]
fn tls_interception_puts_the_ca_first() {
    let (lab, good, _blocked) = world();
    let intercepted = lab.https(
        "proxy.corp.test",
        CertKind::UnknownCa,
        Behavior::Goproxy(spec()),
    );
    let home = Home::new();
    std::fs::write(
        home.goenv(),
        format!("GOPROXY=https://proxy.corp.test:{}\n", intercepted.port()),
    )
    .unwrap();
    let out = godoctor(&lab, &home, &[], &["fix", "--mirror", &good]);
    let t = text(&out);
    let first = t
        .find("First, outside go's settings")
        .unwrap_or_else(|| panic!("{t}"));
    let settings = t.find("Recommended settings").unwrap_or(t.len());
    assert!(first < settings, "the CA before any mirror: {t}");
    assert!(t.contains("update-ca-certificates"), "{t}");
    assert!(!t.contains("tls: tls:"), "{t}");
}

#[test]
fn gosumdb_off_is_left_alone_when_nothing_probed_it() {
    let (lab, good, blocked) = world();
    let home = Home::new();
    std::fs::write(home.goenv(), format!("GOPROXY={blocked}\nGOSUMDB=off\n")).unwrap();
    let out = godoctor(&lab, &home, &[], &["fix", "--apply", "--mirror", &good]);
    let t = text(&out);
    assert!(!t.contains("it is reachable from here"), "{t}");
    assert!(!t.contains("go env -u GOSUMDB"), "{t}");
    assert!(t.contains("did not probe the checksum database"), "{t}");
    let now = std::fs::read_to_string(home.goenv()).unwrap();
    assert!(now.contains("GOSUMDB=off\n"), "{now}");
    assert!(now.contains(&format!("GOPROXY={good},direct\n")), "{now}");
}

#[test]
fn a_projects_mirrors_are_only_suggested_without_trust_project() {
    let (lab, good, blocked) = world();
    let home = Home::new();
    let original = format!("GOPROXY={blocked}\n");
    std::fs::write(home.goenv(), &original).unwrap();
    // The repository in the working directory names its own mirror.
    std::fs::write(
        home.path().join("godoctor.toml"),
        format!("mirrors = [\"{good}\"]\n"),
    )
    .unwrap();
    let out = godoctor(&lab, &home, &[], &["fix", "--apply"]);
    let t = text(&out);
    assert!(t.contains("from the project's godoctor.toml"), "{t}");
    assert!(t.contains("--trust-project"), "{t}");
    assert_eq!(
        std::fs::read_to_string(home.goenv()).unwrap(),
        original,
        "{t}"
    );
    assert_eq!(out.code(), Some(1), "{t}");
    let trusted = godoctor(&lab, &home, &[], &["fix", "--apply", "--trust-project"]);
    let t = text(&trusted);
    assert_eq!(trusted.code(), Some(0), "{t}");
    assert!(
        std::fs::read_to_string(home.goenv())
            .unwrap()
            .contains(&format!("GOPROXY={good},direct")),
        "{t}"
    );
}

#[test]
fn a_link_into_a_missing_directory_is_refused_as_go_refuses_it() {
    let (lab, good, _blocked) = world();
    let home = Home::new();
    let target = home.path().join("dotfiles/gone/env");
    std::os::unix::fs::symlink(&target, home.goenv()).unwrap();
    let out = godoctor(&lab, &home, &[], &["fix", "--apply", "--mirror", &good]);
    let t = text(&out);
    assert_eq!(out.code(), Some(2), "{t}");
    assert!(t.contains("symbolic link"), "{t}");
    assert!(
        std::fs::symlink_metadata(home.goenv())
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is not replaced"
    );
    assert!(!target.exists());
    let list = godoctor(&lab, &home, &[], &["fix", "--undo", "--list"]);
    assert!(text(&list).contains("no backups"), "{}", text(&list));
}

#[test]
fn the_dry_run_shows_exactly_what_apply_writes() {
    let (lab, good, blocked) = world();
    let other = lab.https("mirror2.lab.test", CertKind::Lab, Behavior::Goproxy(spec()));
    let other = format!("https://mirror2.lab.test:{}", other.port());
    let home = Home::new();
    std::fs::write(home.goenv(), format!("GOPROXY={blocked}\n")).unwrap();
    let args = ["--mirror", &good, "--mirror", &other];
    let dry = godoctor(&lab, &home, &[], &[&["fix", "--json"][..], &args].concat());
    let dry = dry.json();
    assert_eq!(dry["fix_schema_version"], 1);
    assert_eq!(dry["shell"], "posix");
    assert!(dry["applied"].is_null());
    let change = &dry["changes"][0];
    assert_eq!(change["key"], "GOPROXY");
    assert_eq!(change["target"], "goenv-file");
    assert_eq!(change["origin"], "goenv-file");
    let applied = godoctor(
        &lab,
        &home,
        &[],
        &[&["fix", "--json", "--apply"][..], &args].concat(),
    );
    assert_eq!(applied.code(), Some(0), "{}", text(&applied));
    let applied = applied.json();
    assert_eq!(dry["changes"], applied["changes"], "{dry:#}\n{applied:#}");
    assert_eq!(dry["commands"], applied["commands"]);
    assert_eq!(applied["applied"]["verdict_after"], "ok", "{applied:#}");
    let written = std::fs::read_to_string(home.goenv()).unwrap();
    assert_eq!(
        written,
        format!("GOPROXY={}\n", change["recommended"].as_str().unwrap())
    );
    // Both mirrors answer alike: the given order decides, the same on every run.
    assert_eq!(change["recommended"], format!("{good}|{other},direct"));
}

#[test]
fn timeout_bounds_the_whole_run() {
    let (lab, good, blocked) = world();
    let mut args = vec!["fix".to_owned(), "--apply".to_owned()];
    for name in ["stall1.lab.test", "stall2.lab.test", "stall3.lab.test"] {
        let a = lab.https(name, CertKind::Lab, Behavior::AcceptNoAnswer);
        args.extend([
            "--mirror".to_owned(),
            format!("https://{name}:{}", a.port()),
        ]);
    }
    args.extend(["--mirror".to_owned(), good]);
    let home = Home::new();
    std::fs::write(home.goenv(), format!("GOPROXY={blocked}\n")).unwrap();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let start = Instant::now();
    let out = godoctor_within(&lab, &home, &[], &args, "3s");
    let took = start.elapsed();
    assert!(
        took < Duration::from_millis(4500),
        "{took:?} at --timeout 3s: {}",
        text(&out)
    );
}

/// With go installed, `--apply` asks go to read the values back; when go reads something else
/// (here a stand-in go that always answers another GOPROXY), the file is restored.
#[test]
fn a_write_go_does_not_read_back_is_undone() {
    use std::os::unix::fs::PermissionsExt;
    let (lab, good, blocked) = world();
    let home = Home::new();
    let go = home.path().join("bin/go");
    std::fs::write(
        &go,
        "#!/bin/sh\nif [ \"$1\" = env ] && [ \"$2\" = -json ]; then\n  echo '{\"GOVERSION\":\"go1.22.0\",\"GOPROXY\":\"https://elsewhere.lab.test\"}'\nfi\n",
    )
    .unwrap();
    std::fs::set_permissions(&go, std::fs::Permissions::from_mode(0o755)).unwrap();
    let original = format!("GOPROXY={blocked}\n");
    std::fs::write(home.goenv(), &original).unwrap();
    let out = godoctor(&lab, &home, &[], &["fix", "--apply", "--mirror", &good]);
    let t = text(&out);
    assert_eq!(out.code(), Some(2), "{t}");
    assert!(t.contains("reads https://elsewhere.lab.test"), "{t}");
    assert!(t.contains("restored"), "{t}");
    assert_eq!(std::fs::read_to_string(home.goenv()).unwrap(), original);
}

/// A private-looking module joins GOPRIVATE: every entry the user had is kept, once.
#[test]
fn goprivate_is_merged_never_overwritten() {
    let (lab, good, _blocked) = world();
    let home = Home::new();
    std::fs::write(
        home.goenv(),
        "GOPRIVATE=a.example,b.example/team,a.example\n",
    )
    .unwrap();
    let out = godoctor(
        &lab,
        &home,
        &[],
        &[
            "fix",
            "--json",
            "--mirror",
            &good,
            "--module",
            "git.corp/x/m@v1.0.0",
        ],
    );
    let v = out.json();
    let changes = v["changes"].as_array().unwrap();
    let private = changes
        .iter()
        .find(|c| c["key"] == "GOPRIVATE")
        .unwrap_or_else(|| panic!("{v:#}"));
    assert_eq!(
        private["recommended"], "a.example,b.example/team,git.corp",
        "{v:#}"
    );
    assert_eq!(private["current"], "a.example,b.example/team,a.example");
}
