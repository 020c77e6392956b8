//! `godoctor fix` against the fault lab: recommendations from probed mirrors, `--apply` through
//! the atomic edit of the go/env file (read back by the installed go when there is one),
//! byte-identical `--undo`, GOENV=off and read-only refusals, OS-environment overrides,
//! idempotence. (Crash safety of the atomic edit is a unit test of `src/fix/goenv_write.rs`: it
//! needs a failure injected before the rename, which the shipped binary has no way to take.)
//! `fix_honest` has the rest: shells, honesty, safety, `--json`.

use std::path::{Path, PathBuf};

use crate::lab::{self, Behavior, CertKind, GoproxySpec, Lab, SumdbMode};
use crate::support::cli::{Cli, Run};
use crate::support::{go, tier};

pub(crate) struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    pub(crate) fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".config/go")).unwrap();
        std::fs::create_dir_all(dir.path().join("bin")).unwrap();
        Home { dir }
    }
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }
    pub(crate) fn goenv(&self) -> PathBuf {
        self.path().join(".config/go/env")
    }
    pub(crate) fn with_go(&self, go: &Path) {
        std::os::unix::fs::symlink(go, self.path().join("bin/go")).unwrap();
    }
}

pub(crate) fn godoctor(lab: &Lab, home: &Home, env: &[(&str, String)], args: &[&str]) -> Run {
    godoctor_within(lab, home, env, args, "6s")
}

/// [`godoctor`] with its own `--timeout`.
pub(crate) fn godoctor_within(
    lab: &Lab,
    home: &Home,
    env: &[(&str, String)],
    args: &[&str],
    timeout: &str,
) -> Run {
    Cli::godoctor()
        .cwd(home.path())
        .home(home.path())
        .path(home.path().join("bin"))
        .env("SSL_CERT_FILE", lab.ca_pem_path())
        .env("GONOSUMDB", "example.com")
        .args(args)
        .args([
            "--resolver",
            &lab.dns_addr().to_string(),
            "--module",
            "example.com/m@v1.0.0",
            "--timeout",
            timeout,
        ])
        .envs(env.iter().map(|(k, v)| (k, v)))
        .run()
}

pub(crate) fn text(o: &Run) -> String {
    o.text()
}

pub(crate) fn spec() -> GoproxySpec {
    GoproxySpec {
        modules: vec![("example.com/m".into(), vec!["v1.0.0".into()])],
        sumdb: SumdbMode::NotServed,
        date_skew_secs: 0,
    }
}

/// A lab with a healthy mirror and a proxy whose port is closed.
pub(crate) fn world() -> (Lab, String, String) {
    let lab = Lab::new();
    let good = lab.https("mirror.lab.test", CertKind::Lab, Behavior::Goproxy(spec()));
    let closed = lab.closed_port();
    lab.dns(
        "blocked.lab.test",
        lab::DnsAnswer::A(vec![match closed.ip() {
            std::net::IpAddr::V4(v) => v,
            _ => unreachable!(),
        }]),
    );
    (
        lab,
        format!("https://mirror.lab.test:{}", good.port()),
        format!("https://blocked.lab.test:{}", closed.port()),
    )
}

#[test]
fn recommends_the_mirror_that_passed_and_applies_atomically_with_undo() {
    let (lab, good, blocked) = world();
    let home = Home::new();
    let original = format!(
        "# my settings\nGOPROXY={blocked},direct\nGOFLAGS=-mod=mod\r\nodd line without equals\nGOPRIVATE=corp.example\n"
    );
    std::fs::write(home.goenv(), &original).unwrap();
    let mirror = [("UNUSED", String::new())];
    let dry = godoctor(&lab, &home, &mirror, &["fix", "--mirror", &good]);
    let t = text(&dry);
    assert_eq!(dry.code(), Some(0), "{t}");
    assert!(t.contains(&format!("GOPROXY={good},direct")), "{t}");
    assert_eq!(
        std::fs::read_to_string(home.goenv()).unwrap(),
        original,
        "a dry run writes nothing"
    );

    let applied = godoctor(&lab, &home, &mirror, &["fix", "--apply", "--mirror", &good]);
    let t = text(&applied);
    assert_eq!(applied.code(), Some(0), "{t}");
    assert!(t.contains("go is now predicted to succeed"), "{t}");
    let now = std::fs::read_to_string(home.goenv()).unwrap();
    assert!(now.contains(&format!("GOPROXY={good},direct\n")), "{now}");
    for kept in [
        "# my settings\n",
        "GOFLAGS=-mod=mod\r\n",
        "odd line without equals\n",
        "GOPRIVATE=corp.example\n",
    ] {
        assert!(now.contains(kept), "{kept:?} lost: {now:?}");
    }
    // Idempotent.
    let again = godoctor(&lab, &home, &mirror, &["fix", "--apply", "--mirror", &good]);
    assert!(
        text(&again).contains("Nothing to change"),
        "{}",
        text(&again)
    );
    // Undo restores byte for byte.
    let list = godoctor(&lab, &home, &mirror, &["fix", "--undo", "--list"]);
    assert!(text(&list).contains("GOPROXY"), "{}", text(&list));
    let undo = godoctor(&lab, &home, &mirror, &["fix", "--undo"]);
    assert_eq!(undo.code(), Some(0), "{}", text(&undo));
    assert_eq!(std::fs::read(home.goenv()).unwrap(), original.as_bytes());
}

#[test]
fn apply_with_go_installed_is_read_back_by_go() {
    let go = [PathBuf::from(go::GO119), go::current()]
        .into_iter()
        .find(|p| p.exists());
    let Some(go) = go else {
        tier::skip(
            tier::Tier::Go,
            "fix::apply_with_go_installed_is_read_back_by_go",
            "no go toolchain installed",
        );
        return;
    };
    let (lab, good, blocked) = world();
    let home = Home::new();
    home.with_go(&go);
    std::fs::write(
        home.goenv(),
        format!("GOPROXY={blocked}\nGOPRIVATE=corp.example\n"),
    )
    .unwrap();
    let applied = godoctor(&lab, &home, &[], &["fix", "--apply", "--mirror", &good]);
    assert_eq!(applied.code(), Some(0), "{}", text(&applied));
    let v = Cli::new(&go)
        .home(home.path())
        .env("GOTOOLCHAIN", "local")
        .args(["env", "-json", "GOPROXY", "GOPRIVATE"])
        .run()
        .json();
    assert_eq!(v["GOPROXY"], format!("{good},direct"));
    assert_eq!(v["GOPRIVATE"], "corp.example");
}

#[test]
fn refuses_goenv_off_and_read_only() {
    let (lab, good, blocked) = world();
    let home = Home::new();
    let original = format!("GOPROXY={blocked}\n");
    std::fs::write(home.goenv(), &original).unwrap();
    // GOENV=off: nowhere to write.
    // (GOPROXY is go's default there: an OS variable would be the shell's to change.)
    let off = godoctor(
        &lab,
        &home,
        &[("GOENV", "off".into())],
        &["fix", "--apply", "--mirror", &good],
    );
    assert_eq!(off.code(), Some(2), "{}", text(&off));
    assert!(text(&off).contains("GOENV=off"), "{}", text(&off));
    // A read-only directory: a clear error, nothing written, no backup left.
    use std::os::unix::fs::PermissionsExt;
    let dir = home.goenv().parent().unwrap().to_owned();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let ro = godoctor(&lab, &home, &[], &["fix", "--apply", "--mirror", &good]);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    // root ignores directory permissions; only assert when they applied.
    if ro.code() == Some(2) {
        assert!(text(&ro).contains("nothing was written"), "{}", text(&ro));
        let list = godoctor(&lab, &home, &[], &["fix", "--undo", "--list"]);
        assert!(text(&list).contains("no backups"), "{}", text(&list));
    } else {
        std::fs::write(home.goenv(), &original).unwrap();
    }
    assert!(
        std::fs::read_to_string(home.goenv())
            .unwrap()
            .contains("GOPROXY=")
    );
}

/// An OS variable wins over the go/env file: `fix` gives the shell's command and where the
/// variable is set, and writes nothing to the file (issue 14).
#[test]
fn says_when_the_os_environment_overrides_the_file() {
    let (lab, good, blocked) = world();
    let home = Home::new();
    std::fs::write(
        home.path().join(".bashrc"),
        format!("alias ll='ls -l'\nexport GOPROXY={blocked}\n"),
    )
    .unwrap();
    let out = godoctor(
        &lab,
        &home,
        &[("GOPROXY", blocked.clone()), ("SHELL", "/bin/bash".into())],
        &["fix", "--apply", "--mirror", &good],
    );
    let t = text(&out);
    assert!(t.contains("GOPROXY is set in the OS environment"), "{t}");
    assert!(t.contains(".bashrc:2"), "{t}");
    assert!(
        t.lines()
            .any(|l| l.trim() == format!("export GOPROXY={good},direct")),
        "{t}"
    );
    assert!(!t.contains("go env -w"), "go/env would not help: {t}");
    assert!(t.contains("Nothing written to the go/env file"), "{t}");
    assert_eq!(
        out.code(),
        Some(1),
        "go still fails until the shell changes: {t}"
    );
    assert!(!home.goenv().exists(), "nothing written");
}

#[test]
fn recommends_a_mirror_that_has_the_toolchain_go_mod_asks_for() {
    if !(cfg!(target_os = "linux") && cfg!(target_arch = "x86_64")) {
        tier::notice(
            "SKIPPED fix::recommends_a_mirror_that_has_the_toolchain_go_mod_asks_for: the lab's stand-in toolchain is for linux/amd64",
        );
        return;
    }
    let lab = Lab::new();
    let toolchain = (
        "golang.org/toolchain".to_owned(),
        vec!["v0.0.1-go1.99.0.linux-amd64".to_owned()],
    );
    let with = GoproxySpec {
        modules: vec![("example.com/m".into(), vec!["v1.0.0".into()]), toolchain],
        sumdb: SumdbMode::Served,
        date_skew_secs: 0,
    };
    let without = GoproxySpec {
        modules: vec![("example.com/m".into(), vec!["v1.0.0".into()])],
        sumdb: SumdbMode::Served,
        date_skew_secs: 0,
    };
    let has = lab.https("has.lab.test", CertKind::Lab, Behavior::Goproxy(with));
    let lacks = lab.https("lacks.lab.test", CertKind::Lab, Behavior::Goproxy(without));
    let (has, lacks) = (
        format!("https://has.lab.test:{}", has.port()),
        format!("https://lacks.lab.test:{}", lacks.port()),
    );
    let home = Home::new();
    std::fs::write(
        home.path().join("go.mod"),
        "module example.com/app\n\ngo 1.99\n\nrequire example.com/m v1.0.0\n",
    )
    .unwrap();
    std::fs::write(home.goenv(), format!("GOPROXY={lacks}\n")).unwrap();
    let env = [("GOSUMDB", lab.sumdb_key().to_owned())];
    let check = godoctor(&lab, &home, &env, &["check", "--json"]);
    let v = check.json();
    assert_eq!(
        v["outcome"]["toolchain"]["predicted"], "fail",
        "{:#}",
        v["outcome"]
    );
    assert_eq!(v["root_cause"]["layer"], "toolchain");
    let out = godoctor(
        &lab,
        &home,
        &env,
        &["fix", "--apply", "--mirror", &has, "--mirror", &lacks],
    );
    let t = text(&out);
    assert!(
        t.contains("has the toolchain") && t.contains("lacks the toolchain"),
        "{t}"
    );
    let goenv = std::fs::read_to_string(home.goenv()).unwrap();
    assert!(
        goenv.starts_with(&format!("GOPROXY={has}")),
        "the mirror with the toolchain first: {goenv}\n{t}"
    );
    assert!(t.contains("go is now predicted to succeed"), "{t}");
}

#[test]
fn speaks_chinese_but_keeps_commands_settings_and_hosts() {
    let (lab, good, blocked) = world();
    let home = Home::new();
    std::fs::write(home.goenv(), format!("GOPROXY={blocked},direct\n")).unwrap();
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    // --lang zh and the locale both choose Chinese.
    for env in [vec![], vec![("LANG", "zh_CN.UTF-8".to_owned())]] {
        let args: &[&str] = if env.is_empty() {
            &["fix", "--lang", "zh", "--mirror", &good]
        } else {
            &["fix", "--mirror", &good]
        };
        let dry = godoctor(&lab, &home, &env, args);
        let t = text(&dry);
        assert_eq!(dry.code(), Some(0), "{t}");
        for heading in [
            "镜像（从本机并发探测）：",
            "建议的配置：",
            "要执行的命令（bash/zsh）：",
        ] {
            assert!(t.lines().any(|l| l == heading), "{heading}: {t}");
        }
        // Commands, setting names, hosts and go's words stay as they are.
        assert!(
            t.lines()
                .any(|l| l.trim() == format!("go env -w GOPROXY={good},direct")),
            "{t}"
        );
        let mirror_line = t.lines().find(|l| l.contains(&good)).unwrap();
        assert!(
            mirror_line.contains("中位数") && mirror_line.contains(" ms"),
            "{t}"
        );
        let reason = t
            .lines()
            .find(|l| l.contains("通过了所有环节的探测"))
            .unwrap();
        for kept in [good.as_str(), "`|`", "404/410", "`direct`"] {
            assert!(reason.contains(kept), "{kept} lost: {reason}");
        }
        assert!(
            t.contains(&format!("GOPROXY    {blocked},direct [goenv-file]")),
            "{t}"
        );
        assert!(t.contains("提示：") && !t.contains("note:"), "{t}");
        for english in ["Mirrors", "Recommended", "Commands", "passed every layer"] {
            assert!(!t.contains(english), "{english}: {t}");
        }
    }
    let zh = [("LANG", "zh_CN.UTF-8".to_owned())];
    let applied = godoctor(&lab, &home, &zh, &["fix", "--apply", "--mirror", &good]);
    let t = text(&applied);
    assert_eq!(applied.code(), Some(0), "{t}");
    assert!(
        t.contains("已写入：") && t.contains("`godoctor fix --undo`"),
        "{t}"
    );
    assert!(t.contains("go 现在预计会成功"), "{t}");
    let list = godoctor(&lab, &home, &zh, &["fix", "--undo", "--list"]);
    assert!(text(&list).contains("设置项：GOPROXY"), "{}", text(&list));
    let undo = godoctor(&lab, &home, &zh, &["fix", "--undo"]);
    assert!(text(&undo).starts_with("已将 "), "{}", text(&undo));
    let none = godoctor(&lab, &home, &zh, &["fix", "--undo"]);
    assert_eq!(none.code(), Some(2));
    assert_eq!(text(&none), "godoctor: 没有可以恢复的备份\n");
    // GOENV=off: the error in Chinese, the setting name as it is.
    let off = godoctor(
        &lab,
        &home,
        &[("GOENV", "off".into()), ("LANG", "zh_CN.UTF-8".into())],
        &["fix", "--apply", "--mirror", &good],
    );
    assert_eq!(off.code(), Some(2), "{}", text(&off));
    assert!(
        text(&off).contains("godoctor: GOENV=off：go 不读取 go/env 配置文件"),
        "{}",
        text(&off)
    );
    // English stays English.
    let en = godoctor(&lab, &home, &[], &["fix", "--mirror", &good]);
    assert!(!han(&text(&en)), "{}", text(&en));
}

/// A startup file that is a FIFO (nothing ever writes to it) is passed over, not waited on: the
/// other startup files are still searched.
#[test]
fn a_fifo_startup_file_does_not_stall_fix() {
    let (lab, good, blocked) = world();
    let home = Home::new();
    let fifo = home.path().join(".bashrc");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success();
    assert!(made, "mkfifo");
    std::fs::write(
        home.path().join(".profile"),
        format!("export GOPROXY={blocked}\n"),
    )
    .unwrap();
    let out = godoctor(
        &lab,
        &home,
        &[("GOPROXY", blocked.clone()), ("SHELL", "/bin/bash".into())],
        &["fix", "--mirror", &good],
    );
    let t = text(&out);
    assert!(out.code().is_some(), "killed: {t}");
    assert!(t.contains(".profile:1"), "{t}");
}
