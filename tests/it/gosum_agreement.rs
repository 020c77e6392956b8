//! go.sum as go uses it, against real go (go1.19 and the current release): godoctor's `h1:`
//! hashes (`godoctor::dirhash`) are the `GoModSum` and `Sum` that `go mod download -json`
//! prints, and its go.sum reading (`config::gosum`, through `Config::load`) finds the mismatch
//! and the malformed line that go stops on, in go's own words (docs/go/semantics.md §11).
//!
//! Hermetic: the module comes from a `file://` GOPROXY built in a temporary directory,
//! HTTP(S)_PROXY point at a closed loopback port, and the checksum database is off — for this
//! test's go only; godoctor never recommends GOSUMDB=off.

use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use godoctor::config::env::Environment;
use godoctor::config::gosum::{GoSumFiles, SumCheck, SumKind};
use godoctor::config::goversion::GoVersion;
use godoctor::config::{Config, LoadOptions};
use godoctor::dirhash::{self, ZipLimits};

use crate::support::cli::{Cli, Run};
use crate::support::{go, tier};

const MODULE: &str = "example.com/m";
const VERSION: &str = "v1.0.0";
const GO_MOD: &str = "module example.com/m\n\ngo 1.16\n";
/// Entries out of order, a subdirectory, deflated and stored: none of it may change the hash.
const FILES: &[(&str, &str, bool)] = &[
    ("m.go", "package m\n\nconst X = 1\n", true),
    (
        "sub/s.go",
        "package sub\n\n// S is s.\nconst S = \"s\"\n",
        false,
    ),
    ("go.mod", GO_MOD, true),
    ("LICENSE", "Public domain, for a test.\n", true),
];
const BAD: &str = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

fn toolchains() -> Vec<(&'static str, PathBuf, GoVersion)> {
    let mut found = Vec::new();
    for (label, p) in [
        ("go1.19", PathBuf::from(go::GO119)),
        ("current", go::current()),
    ] {
        let version = go::version(&p);
        match version.split_whitespace().nth(2).and_then(GoVersion::parse) {
            Some(v) if p.is_file() => found.push((label, p, v)),
            _ => tier::notice(&format!(
                "SKIPPED gosum_agreement with {label}: no working go at {}",
                p.display()
            )),
        }
    }
    if found.is_empty() {
        tier::skip(
            tier::Tier::Go,
            "gosum_agreement",
            "no go toolchain is installed",
        );
    }
    found
}

/// A temporary place with the file proxy, a HOME and a GOPATH of its own.
struct Place {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Place {
    fn new() -> Place {
        let tmp = tempfile::tempdir().unwrap();
        // go names files by the real path (getcwd); so must godoctor.
        let root = tmp.path().canonicalize().unwrap();
        let at = root.join("proxy").join(MODULE).join("@v");
        fs::create_dir_all(&at).unwrap();
        fs::create_dir_all(root.join("home")).unwrap();
        fs::write(at.join("list"), format!("{VERSION}\n")).unwrap();
        fs::write(
            at.join(format!("{VERSION}.info")),
            format!("{{\"Version\":\"{VERSION}\",\"Time\":\"2020-01-01T00:00:00Z\"}}\n"),
        )
        .unwrap();
        fs::write(at.join(format!("{VERSION}.mod")), GO_MOD).unwrap();
        fs::write(at.join(format!("{VERSION}.zip")), module_zip()).unwrap();
        Place { _tmp: tmp, root }
    }

    fn zip_path(&self) -> PathBuf {
        self.root
            .join("proxy")
            .join(MODULE)
            .join(format!("@v/{VERSION}.zip"))
    }

    /// A directory for go to run in, with a go.mod requiring the module (or none).
    fn dir(&self, name: &str, gosum: Option<&str>) -> PathBuf {
        let dir = self.root.join(name);
        fs::create_dir_all(&dir).unwrap();
        if let Some(sum) = gosum {
            fs::write(
                dir.join("go.mod"),
                format!("module example.com/app\n\ngo 1.16\n\nrequire {MODULE} {VERSION}\n"),
            )
            .unwrap();
            fs::write(dir.join("go.sum"), sum).unwrap();
        }
        dir
    }

    /// go with nothing of the user's: its own HOME, GOPATH and caches, the file proxy only.
    fn go(&self, go: &Path, dir: &Path, goflags: &str) -> Cli {
        let r = &self.root;
        Cli::new(go)
            .cwd(dir)
            .home(r.join("home"))
            .path("/usr/bin:/bin")
            .env("GOTOOLCHAIN", "local")
            .env("GOFLAGS", goflags)
            .env("GOPROXY", format!("file://{}", r.join("proxy").display()))
            .env("GONOSUMDB", "example.com")
            .env("GOSUMDB", "off")
            .env("GOPATH", r.join("gopath"))
            .env("GOMODCACHE", r.join("gopath/pkg/mod"))
            .env("GOCACHE", r.join("cache"))
            .env("HTTP_PROXY", "http://127.0.0.1:9")
            .env("HTTPS_PROXY", "http://127.0.0.1:9")
    }

    /// godoctor's configuration for `dir`, as `check` loads it (no go on PATH).
    fn config(&self, dir: &Path) -> Config {
        let home = self.root.join("home").display().to_string();
        let env = Environment::from_pairs([("HOME", home.as_str()), ("PATH", "/nonexistent")]);
        Config::load(
            env,
            &LoadOptions {
                dir: dir.to_owned(),
                tool_deadline: Duration::from_secs(5),
            },
        )
    }
}

/// A module zip as a proxy serves it: every name under `module@version/`.
fn module_zip() -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content, deflate) in FILES {
        let method = if *deflate {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        w.start_file(format!("{MODULE}@{VERSION}/{name}"), opts)
            .unwrap();
        w.write_all(content.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[track_caller]
fn run(cli: Cli) -> Run {
    let what = cli.describe();
    let out = cli.limit(Duration::from_secs(120)).run();
    assert!(!out.timed_out(), "{what} did not finish in time");
    out
}

fn our_zip_hash(place: &Place) -> String {
    let zip = fs::File::open(place.zip_path()).unwrap();
    dirhash::hash_zip(zip, ZipLimits::default()).unwrap()
}

#[test]
fn hashes_agree_with_go_mod_download() {
    for (label, go, _) in toolchains() {
        let place = Place::new();
        let dir = place.dir("outside", None);
        let out = run(place
            .go(&go, &dir, "-mod=mod -modcacherw")
            .args(["mod", "download", "-json"])
            .arg(format!("{MODULE}@{VERSION}")));
        assert!(out.success(), "{label}: {}", out.text());
        let json = out.json();
        assert_eq!(
            json["GoModSum"].as_str(),
            Some(dirhash::hash_go_mod(GO_MOD.as_bytes()).as_str()),
            "{label}"
        );
        assert_eq!(
            json["Sum"].as_str(),
            Some(our_zip_hash(&place).as_str()),
            "{label}"
        );
        // The copy go keeps in its module cache hashes the same.
        let cached = fs::File::open(json["Zip"].as_str().unwrap()).unwrap();
        assert_eq!(
            dirhash::hash_zip(cached, ZipLimits::default()).unwrap(),
            json["Sum"].as_str().unwrap()
        );
    }
}

#[test]
fn go_mod_mismatch_found_like_go() {
    for (label, go, version) in toolchains() {
        let place = Place::new();
        let gosum = format!(
            "{MODULE} {VERSION} {}\n{MODULE} {VERSION}/go.mod {BAD}\n",
            our_zip_hash(&place)
        );
        let app = place.dir("app", Some(&gosum));
        let out = run(place
            .go(&go, &app, "-mod=mod -modcacherw")
            .args(["mod", "download"]));
        let go_err = out.stderr_text();
        assert!(!out.success(), "{label}: go accepted a bad go.sum");
        assert!(
            go_err.starts_with(&format!(
                "verifying {MODULE}@{VERSION}/go.mod: checksum mismatch\n"
            )),
            "{label}: {go_err}"
        );
        // go.sum is left as it was.
        assert_eq!(fs::read_to_string(app.join("go.sum")).unwrap(), gosum);

        let cfg = place.config(&app);
        let files = cfg.gosum.as_ref().expect("a module has a go.sum to read");
        assert_eq!(files.main.as_ref().unwrap().path, app.join("go.sum"));
        assert_eq!(files.fatal_error(&version), None);
        let ours = dirhash::hash_go_mod(GO_MOD.as_bytes());
        let SumCheck::Mismatch(m) = files.check(MODULE, VERSION, SumKind::GoMod, &ours, &version)
        else {
            panic!("{label}: godoctor finds no mismatch; go said {go_err}");
        };
        assert_eq!(m.recorded.line, 2);
        assert_eq!(m.go_error().trim_end(), go_err.trim_end(), "{label}");
        // The zip line is right: no complaint about it.
        assert_eq!(
            files.check(
                MODULE,
                VERSION,
                SumKind::Zip,
                &our_zip_hash(&place),
                &version
            ),
            SumCheck::Listed
        );
    }
}

/// A malformed first line: go1.19 silently reads nothing after it (so the go.mod line is
/// missing), the current go stops on it.
#[test]
fn malformed_line_like_go() {
    for (label, go, version) in toolchains() {
        let place = Place::new();
        let gosum = format!(
            "{MODULE} {VERSION}\n{MODULE} {VERSION} {}\n{MODULE} {VERSION}/go.mod {}\n",
            our_zip_hash(&place),
            dirhash::hash_go_mod(GO_MOD.as_bytes())
        );
        let app = place.dir("app", Some(&gosum));
        let out = run(place
            .go(&go, &app, "-modcacherw")
            .args(["list", "-m", "all"]));
        let go_err = out.stderr_text();
        assert!(!out.success(), "{label}: {}", out.text());

        let cfg = place.config(&app);
        let files: &GoSumFiles = cfg.gosum.as_ref().unwrap();
        match files.fatal_error(&version) {
            Some(ours) => assert_eq!(ours.go_error(), Some(go_err.trim_end()), "{label}"),
            None => {
                assert!(
                    go_err.starts_with(&format!("go: {MODULE}@{VERSION}: missing go.sum entry")),
                    "{label}: {go_err}"
                );
                assert!(!files.have_sum(MODULE, VERSION, SumKind::GoMod, &version));
            }
        }
        assert_eq!(
            files.fatal_error(&version).is_some(),
            version.at_least(1, 22),
            "{label}"
        );
    }
}
