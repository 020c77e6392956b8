//! The module scan on real directory trees: which directories are packages, which files count,
//! the two readers, and the limits. tests/it/tidy_imports.rs checks the same against real go.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::*;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Options under which every directory is read by `imports.ScanDir` (files count as fresh).
fn scandir() -> ScanOptions {
    ScanOptions {
        now: Some(SystemTime::UNIX_EPOCH),
        ..ScanOptions::default()
    }
}

/// Options under which regular directories come from the module index (files count as old).
fn index() -> ScanOptions {
    ScanOptions {
        now: Some(SystemTime::now() + Duration::from_secs(3600)),
        ..ScanOptions::default()
    }
}

fn module() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "go.mod", "module example.com/m\n\ngo 1.19\n");
    dir
}

#[test]
fn the_walk_skips_what_go_skips() {
    let m = module();
    let r = m.path();
    write(r, "a.go", "package m\nimport \"example.com/a\"\n");
    write(r, "sub/s.go", "package sub\nimport \"example.com/sub\"\n");
    write(
        r,
        "testdata/t.go",
        "package t\nimport \"example.com/testdata\"\n",
    );
    write(
        r,
        "_u/u.go",
        "package u\nimport \"example.com/underscore\"\n",
    );
    write(r, ".d/d.go", "package d\nimport \"example.com/dot\"\n");
    write(r, "nested/go.mod", "module example.com/m/nested\n");
    write(
        r,
        "nested/n.go",
        "package n\nimport \"example.com/nested\"\n",
    );
    write(
        r,
        "vendor/v.go",
        "package vendor\nimport \"example.com/vendor\"\n",
    );
    write(
        r,
        "vendor/x/x.go",
        "package x\nimport \"example.com/vendor/x\"\n",
    );
    write(r, "empty/README", "no go here\n");
    write(
        r,
        "ignored/i.go",
        "//go:build ignore\n\npackage i\nimport \"example.com/ignored\"\n",
    );
    let got = scan_module(r, "example.com/m", &scandir());
    assert_eq!(
        got.package_paths().into_iter().collect::<Vec<_>>(),
        ["example.com/m", "example.com/m/sub", "example.com/m/vendor"]
    );
    assert_eq!(
        got.non_std_imports().into_iter().collect::<Vec<_>>(),
        ["example.com/a", "example.com/sub", "example.com/vendor"]
    );
    assert!(got.problems.is_empty());
}

#[test]
fn files_that_count_and_their_roles() {
    let m = module();
    let r = m.path();
    write(
        r,
        "a.go",
        "package m\nimport (\"fmt\"; \"C\"; \"appengine/x\")\n",
    );
    write(
        r,
        "w_windows.go",
        "package m\nimport \"example.com/windows\"\n",
    );
    write(
        r,
        "n.go",
        "//go:build !linux\n\npackage m\nimport \"example.com/notlinux\"\n",
    );
    write(
        r,
        "i.go",
        "// +build ignore\n\npackage m\nimport \"example.com/ignored\"\n",
    );
    write(
        r,
        "b.go",
        "//go:build a b\n\npackage m\nimport \"example.com/badbuild\"\n",
    );
    write(r, "_x.go", "package m\nimport \"example.com/underscore\"\n");
    write(r, ".x.go", "package m\nimport \"example.com/dotfile\"\n");
    write(r, "a_test.go", "package m\nimport \"example.com/test\"\n");
    write(
        r,
        "x_test.go",
        "package m_test\nimport \"example.com/xtest\"\n",
    );
    let got = scan_module(r, "example.com/m", &scandir());
    let p = got.package("example.com/m").unwrap();
    assert_eq!(p.name.as_deref(), Some("m"));
    let set = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>();
    assert_eq!(
        set(&p.imports),
        [
            "C",
            "appengine/x",
            "example.com/notlinux",
            "example.com/windows",
            "fmt"
        ]
    );
    assert_eq!(set(&p.test_imports), ["example.com/test"]);
    assert_eq!(set(&p.xtest_imports), ["example.com/xtest"]);
    assert_eq!(
        p.tidy_imports(),
        [
            "example.com/notlinux",
            "example.com/test",
            "example.com/windows",
            "example.com/xtest",
            "fmt"
        ]
    );
    let excluded: Vec<&str> = p
        .files
        .iter()
        .filter(|f| f.excluded.is_some())
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(excluded, ["b.go", "i.go"]);
}

#[test]
fn the_two_readers_differ_on_broken_files() {
    let m = module();
    let r = m.path();
    write(
        r,
        "syntax.go",
        "package m\nimport \"example.com/before\"\nimport x y \"example.com/after\"\n",
    );
    write(
        r,
        "strict.go",
        "package m\nimport (\"example.com/s1\" \"example.com/s2\")\n",
    );
    write(
        r,
        "esc.go",
        "package m\nimport (\"example.com/e1\"; \"example.com/e\\q\")\n",
    );
    let scan = scan_module(r, "example.com/m", &scandir());
    let p = scan.package("example.com/m").unwrap();
    assert_eq!(p.read_path, ReadPath::ScanDir);
    assert_eq!(
        p.imports.iter().collect::<Vec<_>>(),
        [
            "example.com/before",
            "example.com/e1",
            "example.com/s1",
            "example.com/s2"
        ]
    );
    let idx = scan_module(r, "example.com/m", &index());
    let p = idx.package("example.com/m").unwrap();
    assert_eq!(p.read_path, ReadPath::Index);
    assert!(p.imports.is_empty(), "{:?}", p.imports);
    assert!(p.files.iter().all(|f| f.problem.is_some()));
}

#[test]
fn a_nul_byte_fails_the_package_only_for_scandir() {
    let m = module();
    let r = m.path();
    write(r, "a.go", "package m\nimport \"example.com/a\"\n");
    write(r, "b.go", "package m\nimport \"example.com/b\x00\"\n");
    let scan = scan_module(r, "example.com/m", &scandir());
    let p = scan.package("example.com/m").unwrap();
    assert!(
        p.error
            .as_deref()
            .unwrap()
            .contains("unexpected NUL in input")
    );
    assert!(p.tidy_imports().is_empty());
    let idx = scan_module(r, "example.com/m", &index());
    let p = idx.package("example.com/m").unwrap();
    assert_eq!(p.error, None);
    assert_eq!(p.tidy_imports(), ["example.com/a"]);
}

#[test]
fn module_index_can_be_off() {
    let m = module();
    write(m.path(), "a.go", "package m\n");
    let opts = ScanOptions {
        module_index: false,
        ..index()
    };
    let got = scan_module(m.path(), "example.com/m", &opts);
    assert_eq!(got.packages[0].read_path, ReadPath::ScanDir);
}

#[test]
fn imports_lead_into_skipped_directories() {
    let m = module();
    let r = m.path();
    write(
        r,
        "a.go",
        "package m\nimport (\"example.com/m/testdata/h\"; \"example.com/m/nested/x\"; \"example.com/m/none\"; \"example.com/m/docs\"; \"example.com/m/onlyignored\")\n",
    );
    write(
        r,
        "testdata/h/h.go",
        "package h\nimport (\"example.com/fromtestdata\"; \"example.com/m/_deeper\")\n",
    );
    write(
        r,
        "_deeper/d.go",
        "package d\nimport \"example.com/deeper\"\n",
    );
    write(r, "nested/go.mod", "module example.com/m/nested\n");
    write(r, "nested/x/x.go", "package x\n");
    write(r, "docs/README.md", "");
    write(r, "onlyignored/o.go", "//go:build ignore\n\npackage o\n");
    let got = scan_module(r, "example.com/m", &scandir());
    let h = got.package("example.com/m/testdata/h").unwrap();
    assert!(!h.walked);
    assert!(got.package("example.com/m/_deeper").is_some());
    assert_eq!(
        got.non_std_imports().into_iter().collect::<Vec<_>>(),
        [
            "example.com/deeper",
            "example.com/fromtestdata",
            "example.com/m/docs",
            "example.com/m/nested/x",
            "example.com/m/none"
        ]
    );
    assert_eq!(
        got.absent.get("example.com/m/nested/x"),
        Some(&LocalLookup::NestedModule("nested".into()))
    );
    assert_eq!(
        got.absent.get("example.com/m/none"),
        Some(&LocalLookup::NoDirectory)
    );
    assert_eq!(
        got.absent.get("example.com/m/docs"),
        Some(&LocalLookup::NoGoFiles)
    );
    let o = got.package("example.com/m/onlyignored").unwrap();
    assert_eq!(o.error.as_deref(), Some("no Go source files"));
}

#[cfg(unix)]
#[test]
fn symlinks_fifos_and_loops_never_hang() {
    use std::os::unix::fs::symlink;
    let m = module();
    let r = m.path();
    let outside = tempfile::tempdir().unwrap();
    write(
        outside.path(),
        "real.go",
        "package m\nimport \"example.com/linked\"\n",
    );
    write(r, "a.go", "package m\n");
    symlink(outside.path().join("real.go"), r.join("linked.go")).unwrap();
    symlink(r.join("missing.go"), r.join("broken.go")).unwrap();
    symlink(r, r.join("loop")).unwrap();
    symlink(outside.path(), r.join("out")).unwrap();
    let fifo = r.join("fifo.go");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let got = scan_module(r, "example.com/m", &index());
    assert_eq!(
        got.package_paths().len(),
        1,
        "symlinked directories are not walked"
    );
    let p = &got.packages[0];
    // A symlink makes the directory unindexable: imports.ScanDir follows it.
    assert_eq!(p.read_path, ReadPath::ScanDir);
    assert_eq!(p.tidy_imports(), ["example.com/linked"]);
    if made {
        assert!(p.files.iter().all(|f| f.name != "fifo.go"));
    }
}

#[test]
fn limits_are_problems_not_hangs() {
    let m = module();
    let r = m.path();
    for i in 0..5 {
        write(r, &format!("d{i}/a.go"), "package a\n");
    }
    write(
        r,
        "big.go",
        &format!(
            "package m\n/*{}*/\nimport \"example.com/late\"\n",
            "x".repeat(5000)
        ),
    );
    let opts = ScanOptions {
        limits: ScanLimits {
            max_dirs: 3,
            max_file_bytes: 1000,
            ..ScanLimits::default()
        },
        ..scandir()
    };
    let got = scan_module(r, "example.com/m", &opts);
    assert!(
        got.problems
            .contains(&ScanProblem::TooManyDirs { limit: 3 })
    );
    assert!(
        got.problems
            .iter()
            .any(|p| matches!(p, ScanProblem::FileTooLong { .. }))
    );
    assert_eq!(got.packages.len(), 3);
    let text = got.problems[0].to_string();
    assert!(
        text.contains("stopped") || text.contains("read stopped"),
        "{text}"
    );
}

#[test]
fn ignore_directives_apply_from_go_1_25() {
    let m = module();
    let r = m.path();
    write(r, "a.go", "package m\n");
    write(
        r,
        "node_modules/x/x.go",
        "package x\nimport \"example.com/nm\"\n",
    );
    let with = |go: &str| ScanOptions {
        go: GoVersion::parse(go).unwrap(),
        ignore: vec!["./node_modules".into()],
        ..scandir()
    };
    assert_eq!(
        scan_module(r, "example.com/m", &with("go1.25.0"))
            .packages
            .len(),
        1
    );
    assert_eq!(
        scan_module(r, "example.com/m", &with("go1.24.0"))
            .packages
            .len(),
        2
    );
}

#[test]
fn goroot_packages_are_directories_with_go_files() {
    let goroot = tempfile::tempdir().unwrap();
    write(goroot.path(), "src/fmt/print.go", "package fmt\n");
    write(goroot.path(), "src/cmd/go/main.go", "package main\n");
    write(goroot.path(), "src/nogo/README", "");
    let got = goroot_packages(
        goroot.path(),
        ["fmt", "cmd/go", "nogo", "missing", "example.com/x"],
    );
    assert_eq!(got.into_iter().collect::<Vec<_>>(), ["cmd/go", "fmt"]);
}

#[test]
fn io_errors_read_like_go() {
    let e = std::io::Error::from_raw_os_error(13);
    assert_eq!(go_io_error(&e), "permission denied");
    assert!(constraint_limits(&GoVersion::parse("go1.23.1").unwrap()));
    assert!(!constraint_limits(&GoVersion::parse("go1.23.0").unwrap()));
    assert!(constraint_limits(&GoVersion::parse("go1.22.7").unwrap()));
    assert!(!constraint_limits(&GoVersion::parse("go1.19.8").unwrap()));
}
