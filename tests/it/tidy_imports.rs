//! Agreement test for issue 12's groundwork: `config::imports` (the main module's packages and
//! imports as `go mod tidy` sees them) and `plan::imports` (where go looks for each import)
//! against real `go mod tidy`, for go1.19 and the current release.
//!
//! go runs against a GOPROXY in the loopback lab that answers 404 to every module it does not
//! serve, so each missing import shows up twice: as go's `go: finding module for package X`
//! line, and as the `@v/list` / `@latest` requests for the module paths it tried. godoctor's
//! prediction of both must match exactly. Each fixture runs twice — files dated an hour
//! ahead (go reads them with `imports.ScanDir`) and an hour back (the module index serves
//! them) — because the two readers treat broken files differently. A `go list` run checks
//! the split into imports, test imports and external-test imports.
//!
//! Hermetic: the proxy is the lab's (127.0.0.0/8), GOSUMDB is off, HTTP(S)_PROXY point at a
//! closed loopback port, and HOME, GOPATH and GOCACHE are fresh temporary directories.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use godoctor::config::gomod;
use godoctor::config::goversion::GoVersion;
use godoctor::config::imports::{self, ModuleImports, ReadPath, ScanOptions};
use godoctor::plan::imports::{
    BuildList, ImportRoute, Lookup, Replacement, Resolution, StdLibrary, route_imports,
};

use crate::lab::{Behavior, GoproxySpec, Lab};
use crate::support::cli::Cli;
use crate::support::{go, tier};

const GO_LIMIT: Duration = Duration::from_secs(120);

struct Toolchain {
    label: &'static str,
    bin: PathBuf,
    version: GoVersion,
}

impl Toolchain {
    /// GOROOT (go lives in GOROOT/bin); none for the model-only toolchain.
    fn goroot(&self) -> Option<PathBuf> {
        self.bin.parent().and_then(Path::parent).map(Path::to_owned)
    }
}

fn toolchains(what: &str) -> Vec<Toolchain> {
    let mut found = Vec::new();
    for (label, bin) in [
        ("go1.19", PathBuf::from(go::GO119)),
        ("current", go::current()),
    ] {
        if !bin.is_file() {
            tier::notice(&format!(
                "SKIPPED {what} with {label}: not installed at {}",
                bin.display()
            ));
            continue;
        }
        let version = go::version(&bin);
        let version = version
            .split_whitespace()
            .nth(2)
            .and_then(GoVersion::parse)
            .unwrap_or_else(|| panic!("cannot read `go version` of {}", bin.display()));
        found.push(Toolchain {
            label,
            bin,
            version,
        });
    }
    if found.is_empty() {
        tier::skip(tier::Tier::Go, what, "no go toolchain is installed");
    }
    found
}

/// A module written into a temporary directory.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new(files: &[(&str, &str)]) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        for (rel, text) in files {
            let path = dir.path().join("m").join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        Fixture { dir }
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("m")
    }

    /// Dates every regular file (symlinks not followed) `offset` from now.
    fn date(&self, future: bool) {
        let when = if future {
            SystemTime::now() + Duration::from_secs(3600)
        } else {
            SystemTime::now() - Duration::from_secs(3600)
        };
        fn walk(dir: &Path, when: SystemTime) {
            for e in fs::read_dir(dir).unwrap().flatten() {
                let t = e.file_type().unwrap();
                if t.is_dir() {
                    walk(&e.path(), when);
                } else if t.is_file() {
                    let f = fs::File::options().write(true).open(e.path()).unwrap();
                    f.set_modified(when).unwrap();
                }
            }
        }
        walk(&self.root(), when);
    }
}

/// What `go mod tidy` did.
struct Tidy {
    /// `go: finding module for package X`.
    finding: BTreeSet<String>,
    /// Module paths of `@v/list` and `@latest` requests.
    queried: BTreeSet<String>,
    /// `module@version` of `.zip` requests.
    zips: BTreeSet<String>,
    stderr: String,
}

fn unescape(p: &str) -> String {
    let mut out = String::new();
    let mut bang = false;
    for c in p.chars() {
        if bang {
            out.push(c.to_ascii_uppercase());
            bang = false;
        } else if c == '!' {
            bang = true;
        } else {
            out.push(c);
        }
    }
    out
}

fn tidy(tc: &Toolchain, fx: &Fixture, lab: &Lab, proxy: &str) -> Tidy {
    let scratch = tempfile::tempdir().unwrap();
    let before = lab.log().len();
    let closed = format!("http://{}", lab.closed_port());
    let run = Cli::new(&tc.bin)
        .args(["mod", "tidy"])
        .cwd(fx.root())
        .home(scratch.path())
        .path("/usr/bin:/bin")
        .envs([
            ("GOTOOLCHAIN", "local"),
            ("GOFLAGS", "-mod=mod"),
            ("GO111MODULE", "on"),
            ("GOWORK", "off"),
            ("GOPROXY", proxy),
            ("GOSUMDB", "off"),
            ("GOENV", "off"),
            ("HTTP_PROXY", closed.as_str()),
            ("HTTPS_PROXY", closed.as_str()),
        ])
        .env("GOPATH", scratch.path().join("gopath"))
        .env("GOCACHE", scratch.path().join("cache"))
        .limit(GO_LIMIT)
        .run();
    assert!(
        !run.timed_out(),
        "{}: go mod tidy did not finish in {GO_LIMIT:?}",
        tc.label
    );
    let stderr = run.stderr_text();
    let finding = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("go: finding module for package "))
        .map(str::to_owned)
        .collect();
    let mut queried = BTreeSet::new();
    let mut zips = BTreeSet::new();
    for entry in &lab.log()[before..] {
        let Some(target) = entry.split(' ').nth(2) else {
            continue;
        };
        let target = target.trim_start_matches('/');
        if let Some(m) = target.strip_suffix("/@v/list") {
            queried.insert(unescape(m));
        } else if let Some(m) = target.strip_suffix("/@latest") {
            queried.insert(unescape(m));
        } else if let Some((m, file)) = target.split_once("/@v/")
            && let Some(v) = file.strip_suffix(".zip")
        {
            zips.insert(format!("{}@{}", unescape(m), unescape(v)));
        }
    }
    // Keep the module cache removable (go makes it read-only).
    let _ = Cli::new(&tc.bin)
        .args(["clean", "-modcache"])
        .env("GOPATH", scratch.path().join("gopath"))
        .env("GOTOOLCHAIN", "local")
        .env("HOME", scratch.path())
        .limit(GO_LIMIT)
        .run();
    Tidy {
        finding,
        queried,
        zips,
        stderr,
    }
}

/// godoctor's prediction for the fixture as go `tc` sees it.
struct Prediction {
    scan: ModuleImports,
    routes: Vec<ImportRoute>,
}

fn predict(tc: &Toolchain, fx: &Fixture) -> Prediction {
    let root = fx.root();
    let gomod_text = fs::read_to_string(root.join("go.mod")).unwrap();
    let m = gomod::parse(&gomod_text, false);
    let opts = ScanOptions {
        go: tc.version.clone(),
        ignore: m.ignores.clone(),
        ..ScanOptions::default()
    };
    let scan = imports::scan_module(&root, m.module.as_deref().unwrap(), &opts);
    assert!(scan.problems.is_empty(), "{:?}", scan.problems);
    let mut all = scan.all_imports();
    // Tools (go1.24+) are roots of `all` like the module's own packages.
    if tc.version.at_least(1, 24) {
        all.extend(m.tools.iter().cloned());
    }
    let std = match tc.goroot().filter(|g| g.is_dir()) {
        Some(goroot) => StdLibrary::Known(imports::goroot_packages(
            &goroot,
            all.iter().map(String::as_str),
        )),
        None => StdLibrary::Assumed,
    };
    let list = BuildList::from_gomod(&m, scan.package_paths(), std);
    let routes = route_imports(all.iter().map(String::as_str), &list);
    Prediction { scan, routes }
}

/// A replaced module whose directory (relative to the main module) has the package.
fn local_replacement_has(root: &Path, route: &ImportRoute) -> bool {
    let missing = match &route.resolution {
        Resolution::Missing(m) => m,
        Resolution::BuildList { otherwise, .. } => otherwise,
        _ => return false,
    };
    missing.replaced.iter().any(|c| match &c.replacement {
        Some(Replacement::Dir(d)) => {
            let rel = route.path[c.module.len()..].trim_start_matches('/');
            fs::read_dir(root.join(d).join(rel)).is_ok_and(|rd| {
                rd.flatten()
                    .any(|e| e.file_name().to_string_lossy().ends_with(".go"))
            })
        }
        _ => false,
    })
}

impl Prediction {
    /// Imports go goes looking for: a query follows, and no local replacement holds them.
    /// (No fixture has a required module that holds the package, so every build-list import
    /// ends in its fallback.)
    fn finding(&self, root: &Path) -> BTreeSet<String> {
        self.routes
            .iter()
            .filter(|r| {
                let then = match &r.resolution {
                    Resolution::Missing(m) => &m.then,
                    Resolution::BuildList { otherwise, .. } => &otherwise.then,
                    _ => return false,
                };
                matches!(then, Lookup::Query { .. }) && !local_replacement_has(root, r)
            })
            .map(|r| r.path.clone())
            .collect()
    }

    fn queried(&self, finding: &BTreeSet<String>) -> BTreeSet<String> {
        self.routes
            .iter()
            .filter(|r| finding.contains(&r.path))
            .flat_map(|r| match &r.resolution {
                Resolution::Missing(m) => m.then.requested(),
                Resolution::BuildList { otherwise, .. } => otherwise.then.requested(),
                _ => Vec::new(),
            })
            .map(str::to_owned)
            .collect()
    }

    fn zips(&self) -> BTreeSet<String> {
        self.routes
            .iter()
            .flat_map(|r| match &r.resolution {
                Resolution::BuildList { candidates, .. } => candidates
                    .iter()
                    .filter_map(|c| c.download())
                    .map(|(m, v)| format!("{m}@{v}"))
                    .collect(),
                _ => Vec::new(),
            })
            .collect()
    }
}

/// Runs `fx` through every toolchain in both date modes and compares.
fn agree(what: &str, fx: &Fixture, spec: GoproxySpec, min_go: Option<(u32, u32)>) {
    let lab = Lab::new();
    let addr = lab.http("127.0.0.1", Behavior::Goproxy(spec));
    let proxy = format!("http://{addr}");
    for tc in toolchains(what) {
        if let Some((major, minor)) = min_go
            && !tc.version.at_least(major, minor)
        {
            continue;
        }
        for future in [true, false] {
            fx.date(future);
            let mode = if future { "scandir" } else { "index" };
            let p = predict(&tc, fx);
            let expect_path = if future {
                ReadPath::ScanDir
            } else {
                ReadPath::Index
            };
            assert!(
                p.scan
                    .package(&p.scan.module_path)
                    .is_none_or(|pkg| pkg.read_path == expect_path),
                "{what} {mode}: the root was not read the way the dates ask"
            );
            let got = tidy(&tc, fx, &lab, &proxy);
            let ctx = format!(
                "{what}, {} ({mode})\n--- go's stderr:\n{}",
                tc.label, got.stderr
            );
            let finding = p.finding(&fx.root());
            assert_eq!(got.finding, finding, "imports go looked for: {ctx}");
            assert_eq!(
                got.queried,
                p.queried(&finding),
                "module paths queried: {ctx}"
            );
            assert_eq!(got.zips, p.zips(), "zips downloaded: {ctx}");
        }
    }
}

const EVERYTHING: &[(&str, &str)] = &[
    ("go.mod", "module example.com/m\n\ngo 1.19\n"),
    (
        "a.go",
        "// Package m is the root.\npackage m\n\nimport (\n\t\"fmt\"\n\t/* block */ \"example.com/grouped/a\" // line\n\t. \"example.com/dot/pkg\"\n\t_ \"example.com/blank/pkg\"\n\tnamed \"example.com/named/pkg\"\n\t`example.com/raw/pkg`\n\t\"example.com/m/sub\"\n\t\"example.com/m/testdata/helper\"\n\t\"example.com/m/nested/inner\"\n\t\"example.com/m/missing/x\"\n\t\"example.com/m/onlyignored\"\n\t\"example.com/m/docs\"\n\t\"example.com/m/_hidden\"\n\t\"example.com/a/v1/b\"\n\t\"gopkg.in/yaml.v3/sub\"\n\t\"Example.com/Upper/x\"\n\t\"foo/notstd\"\n\t\"appengine\"\n\t\"appengine/datastore\"\n); import \"example.com/after/semicolon\"\n\nvar _ = fmt.Println\n",
    ),
    (
        "cgo.go",
        "package m\n\n// #include <stdio.h>\nimport \"C\"\nimport \"example.com/cgo/dep\"\n",
    ),
    (
        "tags.go",
        "//go:build linux && !linux\n\npackage m\n\nimport \"example.com/tagged/contradiction\"\n",
    ),
    (
        "notlinux.go",
        "//go:build !linux\n\npackage m\n\nimport \"example.com/tagged/notlinux\"\n",
    ),
    (
        "ignored.go",
        "//go:build ignore\n\npackage m\n\nimport \"example.com/ignored/gobuild\"\n",
    ),
    (
        "plus_ignored.go",
        "// +build ignore\n\npackage m\n\nimport \"example.com/ignored/plusbuild\"\n",
    ),
    (
        "plus_late.go",
        "// Copyright\npackage m\n\n// +build ignore\n\nimport \"example.com/plusbuild/toolate\"\n",
    ),
    (
        "win_windows.go",
        "package m\n\nimport \"example.com/windows/only\"\n",
    ),
    (
        "badbuild.go",
        "//go:build foo bar\n\npackage m\n\nimport \"example.com/badbuild/pkg\"\n",
    ),
    (
        "two_gobuild.go",
        "//go:build a\n//go:build b\n\npackage m\n\nimport \"example.com/two/gobuild\"\n",
    ),
    (
        "a_test.go",
        "package m\n\nimport \"example.com/test/only\"\n",
    ),
    (
        "x_test.go",
        "package m_test\n\nimport (\n\t\"example.com/m\"\n\t\"example.com/xtest/only\"\n)\n",
    ),
    (
        "_under.go",
        "package m\n\nimport \"example.com/underscore/file\"\n",
    ),
    (
        ".dot.go",
        "package m\n\nimport \"example.com/dotfile/pkg\"\n",
    ),
    (
        "syntax.go",
        "package m\n\nimport \"example.com/syntax/before\"\nimport x y \"example.com/syntax/after\"\n",
    ),
    (
        "strict.go",
        "package m\n\nimport (\"example.com/strict/a\" \"example.com/strict/b\")\n",
    ),
    (
        "escape.go",
        "package m\n\nimport (\n\t\"example.com/esc/ok\"\n\t\"example.com/esc\\q\"\n)\n",
    ),
    (
        "stray.go",
        "package m\n;\nimport \"example.com/stray/semicolon\"\n",
    ),
    (
        "hexescape.go",
        "package m\n\nimport \"example.com/hex\\x2fescape\"\n",
    ),
    (
        "sub/s.go",
        "package sub\n\nimport \"example.com/sub/dep\"\n",
    ),
    (
        "sub/s_test.go",
        "package sub_test\n\nimport \"example.com/sub/xtest\"\n",
    ),
    (
        "testdata/helper/h.go",
        "package helper\n\nimport \"example.com/from/testdata\"\n",
    ),
    (
        "testdata/other/o.go",
        "package other\n\nimport \"example.com/testdata/unreached\"\n",
    ),
    (
        "_hidden/h.go",
        "package h\n\nimport \"example.com/hidden/underscore\"\n",
    ),
    (
        ".hidden/h.go",
        "package h\n\nimport \"example.com/hidden/dot\"\n",
    ),
    (
        "vendor/v.go",
        "package vendor\n\nimport \"example.com/vendor/rootpkg\"\n",
    ),
    (
        "vendor/example.com/x/x.go",
        "package x\n\nimport \"example.com/vendor/deep\"\n",
    ),
    ("nested/go.mod", "module example.com/m/nested\n\ngo 1.19\n"),
    (
        "nested/inner/i.go",
        "package inner\n\nimport \"example.com/nested/dep\"\n",
    ),
    (
        "onlyignored/o.go",
        "//go:build ignore\n\npackage o\n\nimport \"example.com/onlyignored/dep\"\n",
    ),
    ("docs/README.md", "no Go here\n"),
    (
        "nul/ok.go",
        "package nul\n\nimport \"example.com/nul/ok\"\n",
    ),
    (
        "nul/bad.go",
        "package nul\n\nimport \"example.com/nul/bad\x00\"\n",
    ),
    (
        "weird/w.go",
        "package weird\n\nimport \"example.com/weird/regular\"\n",
    ),
];

#[test]
fn tidy_queries_what_godoctor_predicts() {
    let fx = Fixture::new(EVERYTHING);
    let root = fx.root();
    // A directory go cannot index (a symlink, a FIFO): always imports.ScanDir.
    let outside = fx.dir.path().join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::write(
        outside.join("real.go"),
        "package weird\n\nimport \"example.com/weird/linked\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(outside.join("real.go"), root.join("weird/linked.go")).unwrap();
        symlink(root.join("weird/absent.go"), root.join("weird/broken.go")).unwrap();
        symlink("..", root.join("weird/loop")).unwrap();
        let _ = std::process::Command::new("mkfifo")
            .arg(root.join("weird/fifo.go"))
            .status();
    }
    agree("tidy_imports", &fx, GoproxySpec::default(), None);

    // The fixture exercises what it claims to.
    let tc = Toolchain {
        label: "model",
        bin: PathBuf::new(),
        version: GoVersion::assumed_current(),
    };
    fx.date(true);
    let scan = predict(&tc, &fx).scan;
    let imports = scan.all_imports();
    for want in [
        "example.com/syntax/before",
        "example.com/strict/a",
        "example.com/esc/ok",
        "example.com/stray/semicolon",
        "example.com/from/testdata",
        "example.com/weird/linked",
        "example.com/vendor/rootpkg",
        "example.com/tagged/contradiction",
        "example.com/windows/only",
        "example.com/hex/escape",
        "example.com/plusbuild/toolate",
        "example.com/hidden/underscore",
    ] {
        assert!(imports.contains(want), "{want} missing from {imports:?}");
    }
    for never in [
        "example.com/ignored/gobuild",
        "example.com/ignored/plusbuild",
        "example.com/badbuild/pkg",
        "example.com/two/gobuild",
        "example.com/underscore/file",
        "example.com/testdata/unreached",
        "example.com/vendor/deep",
        "example.com/nested/dep",
        "example.com/onlyignored/dep",
        "example.com/nul/ok",
    ] {
        assert!(!imports.contains(never), "{never} in {imports:?}");
    }
    fx.date(false);
    let scan = predict(&tc, &fx).scan;
    assert!(!scan.all_imports().contains("example.com/syntax/before"));
    assert!(!scan.all_imports().contains("example.com/stray/semicolon"));
    assert!(scan.all_imports().contains("example.com/nul/ok"));
}

#[test]
fn tidy_tries_replacements_and_the_build_list_first() {
    let fx = Fixture::new(&[
        (
            "go.mod",
            "module example.com/r\n\ngo 1.19\n\nrequire example.com/dep v1.0.0\n\nreplace example.com/lib => ./lib\n\nreplace foo => ./foo\n",
        ),
        (
            "r.go",
            "package r\n\nimport (\n\t\"example.com/lib/pkg\"\n\t\"example.com/lib/missing\"\n\t\"foo/x\"\n\t\"foo/y\"\n\t\"example.com/dep/x\"\n)\n",
        ),
        ("lib/go.mod", "module example.com/lib\n\ngo 1.19\n"),
        ("lib/pkg/p.go", "package pkg\n"),
        ("foo/go.mod", "module foo\n\ngo 1.19\n"),
        ("foo/x/x.go", "package x\n"),
    ]);
    let spec = GoproxySpec {
        modules: vec![("example.com/dep".into(), vec!["v1.0.0".into()])],
        ..GoproxySpec::default()
    };
    agree("tidy_imports replacements", &fx, spec, None);
}

#[test]
fn tidy_honours_ignore_and_tool_directives() {
    let fx = Fixture::new(&[
        (
            "go.mod",
            "module example.com/i\n\ngo 1.25\n\nignore (\n\t./skipme\n\tbuild\n)\n\ntool example.com/sometool/cmd\n",
        ),
        ("i.go", "package i\n\nimport \"example.com/kept\"\n"),
        (
            "skipme/s.go",
            "package s\n\nimport \"example.com/skipped/root\"\n",
        ),
        (
            "x/build/b.go",
            "package b\n\nimport \"example.com/skipped/anywhere\"\n",
        ),
        (
            "x/skipme/k.go",
            "package k\n\nimport \"example.com/kept/nested\"\n",
        ),
    ]);
    agree(
        "tidy_imports ignore",
        &fx,
        GoproxySpec::default(),
        Some((1, 25)),
    );
}

/// `go list`'s split of each package's imports (the files go list builds with `-tags t`).
#[test]
fn go_list_agrees_on_test_and_xtest_imports() {
    let fx = Fixture::new(&[
        ("go.mod", "module example.com/c\n\ngo 1.19\n"),
        (
            "c.go",
            "package c\n\nimport (\n\t\"fmt\"\n\t\"example.com/c/inner\"\n)\n\nvar _ = fmt.Sprint\nvar _ = inner.X\n",
        ),
        (
            "tagged.go",
            "//go:build t\n\npackage c\n\nimport \"example.com/tagdep\"\n",
        ),
        (
            "c_test.go",
            "package c\n\nimport \"example.com/testonly\"\n",
        ),
        (
            "cx_test.go",
            "package c_test\n\nimport (\n\t\"example.com/c\"\n\t\"example.com/xdep\"\n)\n",
        ),
        (
            "inner/i.go",
            "package inner\n\nimport \"example.com/innerdep\"\n\nconst X = 1\n",
        ),
        (
            "inner/i_test.go",
            "package inner\n\nimport \"example.com/innertest\"\n",
        ),
        (
            "solo/s_test.go",
            "package solo_test\n\nimport \"example.com/solox\"\n",
        ),
    ]);
    for tc in toolchains("tidy_imports go list") {
        let scratch = tempfile::tempdir().unwrap();
        let run = Cli::new(&tc.bin)
            .args([
                "list",
                "-e",
                "-tags",
                "t",
                "-f",
                "{{.ImportPath}}|{{join .Imports \",\"}}|{{join .TestImports \",\"}}|{{join .XTestImports \",\"}}",
                "./...",
            ])
            .cwd(fx.root())
            .home(scratch.path())
            .path("/usr/bin:/bin")
            .envs([
                ("GOTOOLCHAIN", "local"),
                ("GOFLAGS", "-mod=mod"),
                ("GOPROXY", "off"),
                ("GOSUMDB", "off"),
                ("GOENV", "off"),
                ("GOWORK", "off"),
            ])
            .env("GOPATH", scratch.path().join("gopath"))
            .env("GOCACHE", scratch.path().join("cache"))
            .limit(GO_LIMIT)
            .run();
        let p = predict(&tc, &fx);
        let mut expected: Vec<String> = p
            .scan
            .packages
            .iter()
            .map(|pkg| {
                let join = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>().join(",");
                format!(
                    "{}|{}|{}|{}",
                    pkg.import_path,
                    join(&pkg.imports),
                    join(&pkg.test_imports),
                    join(&pkg.xtest_imports)
                )
            })
            .collect();
        expected.sort();
        let mut got: Vec<String> = run.stdout_text().lines().map(str::to_owned).collect();
        got.sort();
        assert_eq!(got, expected, "{}: {}", tc.label, run.stderr_text());
    }
}
