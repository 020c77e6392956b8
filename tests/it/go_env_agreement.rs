//! Agreement test: godoctor's own computation of go's environment
//! (`settings[KEY].computed` in `godoctor config --json`) must equal what the
//! real go command reports, for every installed toolchain and every case in
//! the matrix below.
//!
//! Ground truth is always real go; a case only describes inputs (process
//! environment, go/env file contents, extra files). Nothing here touches the
//! network: `go env` never does, and every go invocation made by this test
//! runs with GOTOOLCHAIN=local, except `go env GOTOOLCHAIN` (exactly those two
//! arguments), which go special-cases and never switches toolchains for.
//! Cases only use GOTOOLCHAIN values that cannot trigger a toolchain download
//! even if godoctor forgot GOTOOLCHAIN=local ("path", "local+path", ...), and the
//! working directory has no go.mod/go.work (checked), so "auto" never switches.
//!
//! Each process gets `env_clear()` plus exactly HOME (unless the case unsets
//! it), PATH and the case's variables; the go ground-truth run additionally
//! gets GOTOOLCHAIN=local.
//!
//! Missing toolchains are skipped; if none is installed the test passes with a
//! skip line, unless GODOCTOR_REQUIRE_GO=1 (set by CI), where it fails.
//!
//! See tests/GO_ENV_NOTES.md for the go behaviour these cases pin down.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::os::unix::ffi::OsStringExt;
use std::os::unix::fs::symlink;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use crate::support::cli::Cli;
use crate::support::{go, tier};

/// The keys godoctor reports under `settings`.
const KEYS: [&str; 16] = [
    "GOPROXY",
    "GOSUMDB",
    "GOPRIVATE",
    "GONOPROXY",
    "GONOSUMDB",
    "GOINSECURE",
    "GOVCS",
    "GOFLAGS",
    "GO111MODULE",
    "GOPATH",
    "GOMODCACHE",
    "GOTOOLCHAIN",
    "GOAUTH",
    "GOENV",
    "GOROOT",
    "GOVERSION",
];

const GO_TIMEOUT: Duration = Duration::from_secs(20);
/// godoctor may run go more than once itself.
const GODOCTOR_TIMEOUT: Duration = Duration::from_secs(60);
/// Marker in timeout errors; after MAX_TIMEOUTS of them the test stops early
/// instead of waiting out every remaining case.
const TIMED_OUT: &str = "timed out after";
const MAX_TIMEOUTS: usize = 2;

struct Toolchain {
    label: &'static str,
    /// The binary whose presence decides whether this toolchain is tested.
    bin: PathBuf,
    /// Preferred symlink target if it resolves to the same file as `bin`
    /// (Debian's /usr/bin/go -> ../lib/go-1.19/bin/go), so the temp PATH
    /// holds a symlink chain exactly like a real Debian PATH does.
    link_via: Option<&'static str>,
}

fn toolchains() -> Vec<Toolchain> {
    vec![
        Toolchain {
            label: "go1.19 (Debian)",
            bin: go::GO119.into(),
            link_via: Some("/usr/bin/go"),
        },
        Toolchain {
            label: "current",
            bin: go::current(),
            link_via: None,
        },
    ]
}

#[derive(Clone, Copy)]
enum Home {
    /// HOME = a fresh temp directory ({HOME}).
    Temp,
    /// HOME absent from the environment.
    Unset,
    /// HOME = this value (placeholders expanded; may be "" or relative).
    Value(&'static str),
}

/// One input scenario. String values may use the placeholders
/// {HOME} (the case's temp home dir), {TMP} (a scratch dir of the case) and
/// {GOROOT} (the toolchain's own GOROOT as `go env GOROOT` reports it in a
/// clean environment). Relative paths are relative to the working directory.
#[derive(Clone, Copy)]
struct Case {
    name: &'static str,
    home: Home,
    /// Extra process environment variables (in addition to HOME and PATH).
    vars: &'static [(&'static str, &'static str)],
    /// Extra variables given as raw bytes (non-UTF-8 values); no placeholders.
    raw_vars: &'static [(&'static str, &'static [u8])],
    /// Contents of the user go/env file, written where go looks for it:
    /// $GOENV if set non-empty (and not "off"), else $XDG_CONFIG_HOME/go/env
    /// if set non-empty, else $HOME/.config/go/env (paths cleaned lexically).
    env_file: Option<&'static [u8]>,
    /// Further files (decoys, GOROOT stand-ins), path -> contents.
    extra_files: &'static [(&'static str, &'static [u8])],
    /// Directories to create.
    extra_dirs: &'static [&'static str],
    /// Keys on which toolchains older than go1.N (first field) legitimately
    /// differ from the current release for this input. They are left out of
    /// the no-go comparison for such toolchains only, because without go
    /// godoctor must assume the current release.
    differs_before: Option<(u32, &'static [&'static str])>,
    /// Keys that cannot be derived without a go binary for this input (for
    /// example: GOROOT points at a tree without go.env, whose effect depends
    /// on the go version). Left out of the no-go comparison.
    no_go_skip: &'static [&'static str],
}

const BASE: Case = Case {
    name: "",
    home: Home::Temp,
    vars: &[],
    raw_vars: &[],
    env_file: None,
    extra_files: &[],
    extra_dirs: &[],
    differs_before: None,
    no_go_skip: &[],
};

const DECOY_ENV: &[u8] =
    b"GOPROXY=https://decoy.invalid\nGOSUMDB=off\nGOPRIVATE=decoy.invalid\nGOTOOLCHAIN=path\nGOAUTH=off\nGOPATH=/decoy/gopath\n";
const GOROOT_SENSITIVE: &[&str] = &["GOPROXY", "GOSUMDB", "GOTOOLCHAIN"];

const CASES: &[Case] = &[
    // ---- defaults -------------------------------------------------------
    Case { name: "clean-defaults", ..BASE },
    // ---- user go/env file ----------------------------------------------
    Case {
        name: "file-sets-download-settings",
        env_file: Some(
            b"GOPROXY=https://goproxy.example.com|https://proxy2.example.com,direct\n\
GOSUMDB=sum.example.com https://sum.example.com\n\
GOPRIVATE=*.corp.example.com,github.com/acme\n\
GOFLAGS=-mod=mod -modcacherw\n\
GOINSECURE=insecure.example.com\n\
GOVCS=private:all,public:git|hg\n\
GO111MODULE=on\n",
        ),
        ..BASE
    },
    Case {
        name: "os-env-overrides-file",
        vars: &[
            ("GOPROXY", "https://env.example.com,direct"),
            ("GOSUMDB", "sum.golang.org"),
            ("GOPRIVATE", "env.example.com"),
            ("GO111MODULE", "off"),
        ],
        env_file: Some(
            b"GOPROXY=https://file.example.com\nGOSUMDB=off\nGOPRIVATE=file.example.com\nGO111MODULE=auto\nGOFLAGS=-mod=mod\n",
        ),
        ..BASE
    },
    Case {
        name: "os-env-empty-counts-as-unset",
        vars: &[
            ("GOPROXY", ""),
            ("GOSUMDB", ""),
            ("GOPRIVATE", ""),
            ("GONOPROXY", ""),
            ("GONOSUMDB", ""),
            ("GOFLAGS", ""),
            ("GOENV", ""),
            ("XDG_CONFIG_HOME", ""),
            ("GOPATH", ""),
            ("GOMODCACHE", ""),
            ("GOTOOLCHAIN", ""),
            ("GOAUTH", ""),
            ("GOROOT", ""),
        ],
        env_file: Some(
            b"GOPROXY=https://file.example.com\nGOSUMDB=off\nGOPRIVATE=file.example.com\nGOFLAGS=-mod=mod\nGOTOOLCHAIN=path\nGOAUTH=off\n",
        ),
        ..BASE
    },
    // ---- where the go/env file is --------------------------------------
    Case {
        name: "goenv-custom-file",
        vars: &[("GOENV", "{TMP}/custom/go.env")],
        env_file: Some(b"GOPROXY=https://custom-goenv.example.com\nGOPRIVATE=custom.example.com\n"),
        extra_files: &[("{HOME}/.config/go/env", DECOY_ENV)],
        ..BASE
    },
    Case {
        name: "goenv-off",
        vars: &[("GOENV", "off")],
        extra_files: &[("{HOME}/.config/go/env", DECOY_ENV)],
        ..BASE
    },
    Case {
        name: "goenv-nonexistent-file",
        vars: &[("GOENV", "{TMP}/missing/env")],
        extra_files: &[("{HOME}/.config/go/env", DECOY_ENV)],
        ..BASE
    },
    Case {
        name: "goenv-is-a-directory",
        vars: &[("GOENV", "{TMP}/adir")],
        extra_dirs: &["{TMP}/adir"],
        extra_files: &[("{HOME}/.config/go/env", DECOY_ENV)],
        ..BASE
    },
    Case {
        name: "goenv-relative",
        vars: &[("GOENV", "rel/go.env")],
        env_file: Some(b"GOPROXY=https://relative-goenv.example.com\n"),
        extra_files: &[("{HOME}/.config/go/env", DECOY_ENV)],
        ..BASE
    },
    Case {
        name: "goenv-unclean-path-printed-raw",
        vars: &[("GOENV", "{HOME}//.config/./go/env")],
        env_file: Some(b"GOPROXY=https://unclean-goenv.example.com\n"),
        ..BASE
    },
    Case {
        name: "xdg-config-home-absolute",
        vars: &[("XDG_CONFIG_HOME", "{TMP}/xdg")],
        env_file: Some(b"GOPROXY=https://xdg.example.com\nGOSUMDB=off\n"),
        extra_files: &[("{HOME}/.config/go/env", DECOY_ENV)],
        ..BASE
    },
    Case {
        name: "xdg-config-home-unclean",
        // "nonexistent/.." is removed lexically (filepath.Join cleans), so
        // the file is found although that directory does not exist.
        vars: &[("XDG_CONFIG_HOME", "{TMP}/./xdg//nonexistent/../")],
        env_file: Some(b"GOPROXY=https://xdg-unclean.example.com\n"),
        extra_files: &[("{HOME}/.config/go/env", DECOY_ENV)],
        ..BASE
    },
    Case {
        // go >= 1.24: os.UserConfigDir rejects a relative XDG_CONFIG_HOME, so
        // there is no go/env file at all (no fallback to $HOME/.config).
        // go < 1.24 uses it relative to the working directory.
        name: "xdg-config-home-relative",
        vars: &[("XDG_CONFIG_HOME", "xdgrel")],
        env_file: Some(b"GOPROXY=https://relative-xdg.example.com\n"),
        extra_files: &[("{HOME}/.config/go/env", DECOY_ENV)],
        differs_before: Some((24, &["GOENV", "GOPROXY"])),
        ..BASE
    },
    // ---- HOME ------------------------------------------------------------
    Case { name: "home-unset", home: Home::Unset, ..BASE },
    Case {
        name: "home-unset-xdg-file",
        home: Home::Unset,
        vars: &[("XDG_CONFIG_HOME", "{TMP}/xdg")],
        env_file: Some(b"GOPROXY=https://xdg-nohome.example.com\nGOPATH=/srv/gopath-from-file\n"),
        ..BASE
    },
    Case { name: "home-empty-string", home: Home::Value(""), ..BASE },
    Case {
        // GOPATH is "un-inferred" to "" by cmd/go main, but GOMODCACHE was
        // already derived from the relative $HOME/go.
        name: "home-relative",
        home: Home::Value("relhome"),
        env_file: Some(b"GOPROXY=https://relative-home.example.com\n"),
        ..BASE
    },
    Case {
        // filepath.Join cleans lexically: "nonexistent/.." vanishes even
        // though the directory does not exist.
        name: "home-unclean-path",
        home: Home::Value("{HOME}//./nonexistent/../"),
        env_file: Some(b"GOPROXY=https://unclean-home.example.com\n"),
        ..BASE
    },
    // ---- GOPRIVATE / GONOPROXY / GONOSUMDB -------------------------------
    Case {
        name: "goprivate-inherited-by-gonoproxy-gonosumdb",
        vars: &[("GOPRIVATE", "*.corp.example.com,rsc.io/private")],
        ..BASE
    },
    Case {
        name: "goprivate-with-gonoproxy-none",
        vars: &[("GOPRIVATE", "*.corp.example.com"), ("GONOPROXY", "none")],
        ..BASE
    },
    Case {
        name: "gonosumdb-explicit-and-file-gonoproxy",
        vars: &[("GOPRIVATE", "*.corp.example.com"), ("GONOSUMDB", "sum-exempt.example.com")],
        env_file: Some(b"GONOPROXY=file-noproxy.example.com\n"),
        ..BASE
    },
    Case {
        name: "gonoproxy-empty-in-file-still-inherits",
        env_file: Some(b"GOPRIVATE=p.example.com\nGONOPROXY=\nGONOSUMDB=\n"),
        ..BASE
    },
    // ---- GOPATH / GOMODCACHE ---------------------------------------------
    Case { name: "gopath-from-env", vars: &[("GOPATH", "{TMP}/gp")], ..BASE },
    Case {
        name: "gopath-from-file",
        env_file: Some(b"GOPATH=/srv/gopath-from-file\n"),
        ..BASE
    },
    Case {
        name: "gopath-list",
        vars: &[("GOPATH", "/x/first/:/x/second")],
        ..BASE
    },
    Case {
        name: "gopath-list-leading-empty-element",
        vars: &[("GOPATH", ":/x/second")],
        ..BASE
    },
    Case {
        name: "gomodcache-from-env",
        vars: &[("GOMODCACHE", "/x/modcache"), ("GOPATH", "/x/gp")],
        ..BASE
    },
    Case {
        name: "gomodcache-from-file-gopath-from-env",
        vars: &[("GOPATH", "/x/gp")],
        env_file: Some(b"GOMODCACHE=/file/modcache\n"),
        ..BASE
    },
    Case {
        name: "gomodcache-relative",
        vars: &[("GOMODCACHE", "relative/modcache")],
        ..BASE
    },
    // ---- go/env file syntax ------------------------------------------------
    Case {
        name: "envfile-comments-blank-lowercase-noequals",
        env_file: Some(
            b"# a comment\n\n\x20\x20\x20\n\tGOSUMDB=off\n\
goproxy=https://lowercase.invalid\n\
GOPRIVATE\n\
=https://no-key.invalid\n\
#GOSUMDB=off\n\
export GOINSECURE=exported.invalid\n\
GOENV=/ignored/in/file\n\
GOFLAGS=-mod=mod\n\
GOproxy=https://mixed-case.invalid\n",
        ),
        ..BASE
    },
    Case {
        name: "envfile-spaces-quotes-equals",
        env_file: Some(
            b"GOPROXY = https://spaced-key.invalid\n\
GOSUMDB= off\n\
\x20GOPRIVATE=leading-space.invalid\n\
GOINSECURE=\"quoted.example.com\"\n\
GOFLAGS==-mod=mod\n\
GOVCS=public:git\x20\x20\n",
        ),
        ..BASE
    },
    Case {
        name: "envfile-utf8-bom-first-line",
        env_file: Some(b"\xef\xbb\xbfGOPROXY=https://after-bom.invalid\nGOSUMDB=sum.second-line.example.com\n"),
        ..BASE
    },
    Case {
        name: "envfile-no-final-newline",
        env_file: Some(b"GOSUMDB=off\nGOPROXY=https://no-newline.example.com"),
        ..BASE
    },
    Case {
        name: "envfile-duplicate-keys-later-wins",
        env_file: Some(
            b"GOPROXY=https://first.example.com\n\
GOPRIVATE=first.example.com\n\
GOSUMDB=sum.first.example.com\n\
GOPROXY=https://second.example.com\n\
GOPRIVATE=second.example.com\n\
GOSUMDB=\n",
        ),
        // go >= 1.21: the later empty GOSUMDB= hides $GOROOT/go.env.
        differs_before: Some((21, &["GOSUMDB"])),
        ..BASE
    },
    Case {
        name: "envfile-crlf",
        env_file: Some(
            b"GOPROXY=https://crlf.example.com,direct\r\n\
GOSUMDB=off\r\n\
GOPRIVATE=crlf.example.com\r\n\
GOFLAGS=-mod=mod\r\n\
GOTOOLCHAIN=local\r\n\
GOAUTH=netrc\r\n\
\r\n\
GOINSECURE\r\n",
        ),
        ..BASE
    },
    Case {
        name: "envfile-empty-values",
        env_file: Some(
            b"GOPROXY=\nGOSUMDB=\nGOTOOLCHAIN=\nGOAUTH=\nGOPRIVATE=p.example.com\nGONOPROXY=\nGOPATH=\nGOMODCACHE=\nGOFLAGS=\n",
        ),
        // go >= 1.21: an empty KEY= in the user file hides the
        // $GOROOT/go.env default (GOPROXY/GOSUMDB/GOTOOLCHAIN become "").
        differs_before: Some((21, &["GOPROXY", "GOSUMDB"])),
        ..BASE
    },
    Case {
        name: "envfile-non-utf8-bytes",
        env_file: Some(
            b"GOPROXY=https://a\xffb\xe2\x82c\xc3\xa9d.example.com\nGOPRIVATE=\xfe.example.com\nGOFLAGS=-tags=\xed\xa0\x80x\n",
        ),
        ..BASE
    },
    Case {
        name: "os-env-non-utf8-bytes",
        raw_vars: &[
            ("GOPRIVATE", b"\xffpriv.example.com"),
            ("GOPROXY", b"https://x\xe2\x82.example.com,direct"),
        ],
        ..BASE
    },
    // ---- GOTOOLCHAIN / GOAUTH ------------------------------------------------
    Case {
        name: "gotoolchain-goauth-from-env",
        vars: &[("GOTOOLCHAIN", "path"), ("GOAUTH", "off")],
        ..BASE
    },
    Case {
        name: "gotoolchain-goauth-from-file",
        env_file: Some(b"GOTOOLCHAIN=local+path\nGOAUTH=git /srv/creds\n"),
        ..BASE
    },
    Case {
        name: "gotoolchain-goauth-env-overrides-file",
        vars: &[("GOTOOLCHAIN", "local"), ("GOAUTH", "netrc")],
        env_file: Some(b"GOTOOLCHAIN=path\nGOAUTH=off\n"),
        ..BASE
    },
    // ---- odd GOPROXY values ------------------------------------------------
    Case {
        name: "goproxy-off",
        vars: &[("GOPROXY", "off"), ("GOSUMDB", "off")],
        ..BASE
    },
    Case {
        name: "goproxy-direct",
        vars: &[("GOPROXY", "direct"), ("GONOSUMDB", "*")],
        ..BASE
    },
    Case { name: "goproxy-comma-only", vars: &[("GOPROXY", ",")], ..BASE },
    Case {
        name: "goproxy-pipe-list",
        vars: &[("GOPROXY", "https://a.example.com|https://b.example.com,direct")],
        ..BASE
    },
    Case {
        name: "goproxy-surrounding-whitespace",
        vars: &[("GOPROXY", " direct ")],
        ..BASE
    },
    // ---- GOROOT --------------------------------------------------------------
    Case {
        name: "goroot-env-trailing-slash",
        vars: &[("GOROOT", "{GOROOT}/")],
        ..BASE
    },
    Case {
        // A GOROOT without go.env: with go >= 1.21 GOPROXY/GOSUMDB/GOTOOLCHAIN
        // fall back to "" (the compiled-in defaults are empty).
        name: "goroot-env-without-go-env",
        vars: &[("GOROOT", "{TMP}/fakeroot")],
        extra_dirs: &["{TMP}/fakeroot/pkg/tool"],
        no_go_skip: GOROOT_SENSITIVE,
        ..BASE
    },
    Case {
        // go >= 1.21 reads go.env from the GOROOT named in the *user file*,
        // even though the reported GOROOT is the OS environment's.
        name: "goroot-env-fake-file-real",
        vars: &[("GOROOT", "{TMP}/fakeroot")],
        env_file: Some(b"GOROOT={GOROOT}\n"),
        extra_dirs: &["{TMP}/fakeroot/pkg/tool"],
        no_go_skip: GOROOT_SENSITIVE,
        ..BASE
    },
    Case {
        name: "goroot-env-real-file-fake",
        vars: &[("GOROOT", "{GOROOT}")],
        env_file: Some(b"GOROOT={TMP}/fakeroot\n"),
        extra_dirs: &["{TMP}/fakeroot/pkg/tool"],
        no_go_skip: GOROOT_SENSITIVE,
        ..BASE
    },
    Case {
        name: "goroot-from-file-only",
        env_file: Some(b"GOROOT={GOROOT}/\n"),
        ..BASE
    },
    Case {
        // $HOME/go == runtime.GOROOT() (here: the GOROOT env var) => the
        // default GOPATH is suppressed ("" and GOMODCACHE "").
        name: "default-gopath-would-equal-goroot",
        vars: &[("GOROOT", "{HOME}/go")],
        extra_dirs: &["{HOME}/go/pkg/tool"],
        no_go_skip: GOROOT_SENSITIVE,
        ..BASE
    },
];

// ---------------------------------------------------------------------------
// process helpers

struct RunOutput {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs `program args` with exactly `env`, in `cwd`, stdout/stderr going to
/// files in `scratch`, killing it after `timeout`.
fn run(
    program: &Path,
    args: &[&str],
    env: &[(String, OsString)],
    cwd: &Path,
    scratch: &Path,
    timeout: Duration,
) -> Result<RunOutput, String> {
    static SEQ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let cli = Cli::new(program)
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .cwd(cwd)
        .logs(scratch, &format!("run{n}"))
        .limit(timeout);
    let out = cli.try_run()?;
    if out.timed_out() {
        return Err(format!(
            "`{}` {TIMED_OUT} {timeout:?} and was killed",
            cli.describe()
        ));
    }
    Ok(RunOutput {
        code: out.code(),
        stdout: out.stdout,
        stderr: out.stderr,
    })
}

/// Go's rule for invalid UTF-8 (encoding/json, utf8.DecodeRune): every byte
/// that does not start a valid sequence becomes one U+FFFD. (Rust's
/// from_utf8_lossy differs: it replaces a truncated sequence as a whole.)
fn go_lossy(mut bytes: &[u8]) -> String {
    let mut s = String::new();
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                s.push_str(valid);
                return s;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                s.push_str(std::str::from_utf8(valid).expect("checked prefix"));
                s.push('\u{FFFD}');
                bytes = &rest[1..];
            }
        }
    }
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// filepath.Clean-like lexical normalisation (no symlink resolution).
fn clean(p: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir) => {}
                _ => out.push(c),
            },
            other => out.push(other),
        }
    }
    out.iter().collect()
}

fn set_var(env: &mut Vec<(String, OsString)>, key: &str, val: OsString) {
    env.retain(|(k, _)| k != key);
    env.push((key.to_string(), val));
}

fn get_var<'a>(env: &'a [(String, OsString)], key: &str) -> Option<&'a OsString> {
    env.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

struct Placeholders {
    home: String,
    tmp: String,
    goroot: String,
}

impl Placeholders {
    fn expand(&self, s: &str) -> String {
        s.replace("{HOME}", &self.home)
            .replace("{TMP}", &self.tmp)
            .replace("{GOROOT}", &self.goroot)
    }
    fn expand_bytes(&self, b: &[u8]) -> Vec<u8> {
        // Placeholders are ASCII; substitute on the raw bytes so non-UTF-8
        // contents survive untouched.
        let mut out = b.to_vec();
        for (ph, val) in [
            ("{HOME}", &self.home),
            ("{TMP}", &self.tmp),
            ("{GOROOT}", &self.goroot),
        ] {
            let mut res = Vec::with_capacity(out.len());
            let mut i = 0;
            while i < out.len() {
                if out[i..].starts_with(ph.as_bytes()) {
                    res.extend_from_slice(val.as_bytes());
                    i += ph.len();
                } else {
                    res.push(out[i]);
                    i += 1;
                }
            }
            out = res;
        }
        out
    }
}

/// Where go would look for the user go/env file given this environment
/// (see GO_ENV_NOTES.md); used only to decide where to write the case's file.
fn env_file_location(env: &[(String, OsString)], work: &Path) -> Option<PathBuf> {
    let non_empty = |k: &str| get_var(env, k).filter(|v| !v.is_empty()).cloned();
    let p = if let Some(goenv) = non_empty("GOENV") {
        if goenv == "off" {
            return None;
        }
        PathBuf::from(goenv)
    } else if let Some(xdg) = non_empty("XDG_CONFIG_HOME") {
        PathBuf::from(xdg).join("go/env")
    } else if let Some(home) = non_empty("HOME") {
        PathBuf::from(home).join(".config/go/env")
    } else {
        return None;
    };
    Some(clean(&work.join(p)))
}

fn write_file(path: &Path, contents: &[u8]) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir {}: {e}", parent.display()));
    }
    fs::write(path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

fn parse_go_json(out: &RunOutput, what: &str) -> Result<Vec<(String, String)>, String> {
    let v: Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "{what}: stdout is not JSON ({e}); stdout={:?} stderr={:?}",
            lossy(&out.stdout),
            lossy(&out.stderr)
        )
    })?;
    let mut vals = Vec::new();
    for key in KEYS {
        match v.get(key).and_then(Value::as_str) {
            Some(s) => vals.push((key.to_string(), s.to_string())),
            None => return Err(format!("{what}: key {key} missing or not a string in {v}")),
        }
    }
    Ok(vals)
}

/// Ground truth: `go env -json KEYS` (GOTOOLCHAIN=local added) with GOTOOLCHAIN
/// replaced by `go env GOTOOLCHAIN` run with the case's environment unchanged.
fn go_truth(
    go: &Path,
    env: &[(String, OsString)],
    work: &Path,
    scratch: &Path,
) -> Result<Vec<(String, String)>, String> {
    let mut local_env = env.to_vec();
    set_var(&mut local_env, "GOTOOLCHAIN", "local".into());
    let mut args = vec!["env", "-json"];
    args.extend(KEYS);
    let out = run(go, &args, &local_env, work, scratch, GO_TIMEOUT)?;
    if out.code != Some(0) {
        return Err(format!(
            "`go env -json` failed (exit {:?}): stderr={:?}",
            out.code,
            lossy(&out.stderr)
        ));
    }
    let mut vals = parse_go_json(&out, "`go env -json`")?;

    let out = run(go, &["env", "GOTOOLCHAIN"], env, work, scratch, GO_TIMEOUT)?;
    if out.code != Some(0) {
        return Err(format!(
            "`go env GOTOOLCHAIN` failed (exit {:?}): stderr={:?}",
            out.code,
            lossy(&out.stderr)
        ));
    }
    let raw = out.stdout.strip_suffix(b"\n").ok_or_else(|| {
        format!(
            "`go env GOTOOLCHAIN` output lacks a trailing newline: {:?}",
            lossy(&out.stdout)
        )
    })?;
    let tc = go_lossy(raw);
    for (k, v) in vals.iter_mut() {
        if k == "GOTOOLCHAIN" {
            *v = tc.clone();
        }
    }
    Ok(vals)
}

/// Runs `godoctor config --json` and returns the parsed object.
fn godoctor_config(
    env: &[(String, OsString)],
    work: &Path,
    scratch: &Path,
) -> Result<Value, String> {
    let bin = Path::new(env!("CARGO_BIN_EXE_godoctor"));
    let out = run(
        bin,
        &["config", "--json"],
        env,
        work,
        scratch,
        GODOCTOR_TIMEOUT,
    )?;
    if out.code != Some(0) {
        return Err(format!(
            "`godoctor config --json` exited {:?}; stdout={:?} stderr={:?}",
            out.code,
            lossy(&out.stdout),
            lossy(&out.stderr)
        ));
    }
    let v: Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "`godoctor config --json` stdout is not one JSON value ({e}); stdout={:?} stderr={:?}",
            lossy(&out.stdout),
            lossy(&out.stderr)
        )
    })?;
    if !v.is_object() {
        return Err(format!(
            "`godoctor config --json` printed a non-object: {v}"
        ));
    }
    if v.get("schema_version").and_then(Value::as_u64) != Some(1) {
        return Err(format!(
            "`godoctor config --json`: schema_version is not 1: {v}"
        ));
    }
    Ok(v)
}

fn computed<'a>(doc: &'a Value, key: &str) -> Result<&'a str, String> {
    match doc.get("settings").and_then(|s| s.get(key)) {
        None => Err(format!("settings.{key} missing")),
        Some(entry) => match entry.get("computed") {
            Some(Value::String(s)) => Ok(s.as_str()),
            Some(other) => Err(format!("settings.{key}.computed is not a string: {other}")),
            None => Err(format!("settings.{key}.computed missing")),
        },
    }
}

fn go_minor(version: &str) -> Option<u32> {
    let rest = version.strip_prefix("go1.")?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// Fails unless no ancestor of `dir` holds go.mod/go.work (GOTOOLCHAIN=auto
/// would then consult it and might try to switch toolchains).
fn assert_no_module_above(dir: &Path) {
    for anc in dir.ancestors() {
        for f in ["go.mod", "go.work"] {
            let p = anc.join(f);
            assert!(
                !p.exists(),
                "{} exists above the test's working directory; go would treat it as the main module",
                p.display()
            );
        }
    }
}

// ---------------------------------------------------------------------------

struct Failures {
    list: Vec<String>,
    timeouts: usize,
}

impl Failures {
    fn add(&mut self, msg: String) {
        eprintln!("FAIL {msg}");
        if msg.contains(TIMED_OUT) {
            self.timeouts += 1;
        }
        self.list.push(msg);
    }
    fn give_up(&self) -> bool {
        self.timeouts >= MAX_TIMEOUTS
    }
}

fn check_toolchain(tc: &Toolchain, failures: &mut Failures) -> bool {
    let bin = tc.bin.as_path();
    if !bin.exists() {
        tier::notice(&format!(
            "SKIPPED go_env_agreement with {}: {} not found",
            tc.label,
            bin.display()
        ));
        return false;
    }
    let canonical =
        fs::canonicalize(bin).unwrap_or_else(|e| panic!("canonicalize {}: {e}", bin.display()));
    let target: PathBuf = match tc.link_via {
        Some(via) if fs::canonicalize(via).ok().as_deref() == Some(canonical.as_path()) => {
            via.into()
        }
        _ => bin.into(),
    };

    let root = tempfile::TempDir::new().expect("tempdir");
    let bindir = root.path().join("bin");
    let nogo_dir = root.path().join("nogo");
    let probe_home = root.path().join("probe-home");
    let probe_work = root.path().join("probe-work");
    for d in [&bindir, &nogo_dir, &probe_home, &probe_work] {
        fs::create_dir_all(d).expect("mkdir");
    }
    assert_no_module_above(&probe_work);
    let go_link = bindir.join("go");
    symlink(&target, &go_link).expect("symlink go");

    // Probe the toolchain's GOROOT and version in a clean environment.
    let probe_env: Vec<(String, OsString)> = vec![
        ("HOME".into(), probe_home.clone().into()),
        ("PATH".into(), bindir.clone().into()),
        ("GOTOOLCHAIN".into(), "local".into()),
    ];
    let probe = run(
        &go_link,
        &["env", "GOROOT", "GOVERSION"],
        &probe_env,
        &probe_work,
        root.path(),
        GO_TIMEOUT,
    )
    .unwrap_or_else(|e| panic!("{}: {e}", tc.label));
    assert_eq!(
        probe.code,
        Some(0),
        "{}: `go env GOROOT GOVERSION` failed: {}",
        tc.label,
        lossy(&probe.stderr)
    );
    let probe_out = lossy(&probe.stdout);
    let mut lines = probe_out.lines();
    let goroot = lines.next().unwrap_or_default().to_string();
    let goversion = lines.next().unwrap_or_default().to_string();
    let minor = go_minor(&goversion)
        .unwrap_or_else(|| panic!("{}: cannot parse GOVERSION {goversion:?}", tc.label));
    eprintln!(
        "go_env_agreement: {}: {} -> {} (GOROOT {goroot}, {goversion})",
        tc.label,
        go_link.display(),
        target.display()
    );

    let mut cases_run = 0;
    for case in CASES {
        if failures.give_up() {
            eprintln!(
                "go_env_agreement: {}: stopping after {} timeouts",
                tc.label, failures.timeouts
            );
            break;
        }
        let dir = tempfile::TempDir::new().expect("tempdir");
        let home = dir.path().join("home");
        let tmp = dir.path().join("tmp");
        let work = dir.path().join("work");
        let scratch = dir.path().join("scratch");
        for d in [&home, &tmp, &work, &scratch] {
            fs::create_dir_all(d).expect("mkdir");
        }
        let ph = Placeholders {
            home: home.to_str().expect("utf-8 temp path").to_string(),
            tmp: tmp.to_str().expect("utf-8 temp path").to_string(),
            goroot: goroot.clone(),
        };

        // Environment common to all runs of this case (PATH set per run).
        let mut env: Vec<(String, OsString)> = Vec::new();
        match case.home {
            Home::Temp => env.push(("HOME".into(), home.clone().into())),
            Home::Unset => {}
            Home::Value(v) => env.push(("HOME".into(), ph.expand(v).into())),
        }
        for (k, v) in case.vars {
            set_var(&mut env, k, ph.expand(v).into());
        }
        for (k, v) in case.raw_vars {
            set_var(&mut env, k, OsString::from_vec(v.to_vec()));
        }

        for d in case.extra_dirs {
            let p = work.join(ph.expand(d));
            fs::create_dir_all(&p).unwrap_or_else(|e| panic!("mkdir {}: {e}", p.display()));
        }
        for (p, contents) in case.extra_files {
            write_file(&work.join(ph.expand(p)), &ph.expand_bytes(contents));
        }
        if let Some(contents) = case.env_file {
            let loc = env_file_location(&env, &work).unwrap_or_else(|| {
                panic!(
                    "case {}: env_file given but go would read no go/env file",
                    case.name
                )
            });
            write_file(&loc, &ph.expand_bytes(contents));
        }

        let ctx = format!("[{}] [{}]", tc.label, case.name);
        cases_run += 1;

        // Ground truth.
        let mut go_env = env.clone();
        set_var(&mut go_env, "PATH", bindir.clone().into());
        let truth = match go_truth(&go_link, &go_env, &work, &scratch) {
            Ok(t) => t,
            Err(e) => {
                failures.add(format!("{ctx} go failed: {e}"));
                continue;
            }
        };

        // godoctor with go on PATH: every key must agree.
        match godoctor_config(&go_env, &work, &scratch) {
            Err(e) => failures.add(format!("{ctx} [with go] {e}")),
            Ok(doc) => {
                let found = doc
                    .get("go")
                    .and_then(|g| g.get("found"))
                    .and_then(Value::as_bool);
                if found != Some(true) {
                    failures.add(format!(
                        "{ctx} [with go] go.found is {found:?}, expected true"
                    ));
                }
                let version = doc
                    .get("go")
                    .and_then(|g| g.get("version"))
                    .and_then(Value::as_str);
                if version != Some(goversion.as_str()) {
                    failures.add(format!(
                        "{ctx} [with go] go.version is {version:?}, go says {goversion:?}"
                    ));
                }
                for (key, want) in &truth {
                    match computed(&doc, key) {
                        Ok(got) if got == want => {}
                        Ok(got) => failures.add(format!(
                            "{ctx} [with go] {key}: godoctor computed {got:?}, go says {want:?}"
                        )),
                        Err(e) => failures.add(format!("{ctx} [with go] {key}: {e}")),
                    }
                }
            }
        }

        // godoctor without any go on PATH: it must assume the current release.
        let mut skip: Vec<&str> = vec!["GOROOT", "GOVERSION"];
        if minor < 21 {
            skip.push("GOTOOLCHAIN");
        }
        if minor < 24 {
            skip.push("GOAUTH");
        }
        skip.extend(case.no_go_skip);
        if let Some((before, keys)) = case.differs_before
            && minor < before
        {
            skip.extend(keys);
        }
        let mut nogo_env = env.clone();
        set_var(&mut nogo_env, "PATH", nogo_dir.clone().into());
        match godoctor_config(&nogo_env, &work, &scratch) {
            Err(e) => failures.add(format!("{ctx} [no go] {e}")),
            Ok(doc) => {
                let found = doc
                    .get("go")
                    .and_then(|g| g.get("found"))
                    .and_then(Value::as_bool);
                if found != Some(false) {
                    failures.add(format!(
                        "{ctx} [no go] go.found is {found:?}, expected false"
                    ));
                }
                for (key, want) in &truth {
                    if skip.contains(&key.as_str()) {
                        continue;
                    }
                    match computed(&doc, key) {
                        Ok(got) if got == want => {}
                        Ok(got) => failures.add(format!(
                            "{ctx} [no go] {key}: godoctor computed {got:?}, go says {want:?}"
                        )),
                        Err(e) => failures.add(format!("{ctx} [no go] {key}: {e}")),
                    }
                }
            }
        }
    }
    eprintln!(
        "go_env_agreement: {}: {cases_run} of {} cases run",
        tc.label,
        CASES.len()
    );
    true
}

#[test]
fn godoctor_computes_go_env_like_go() {
    // Case names must be unique so a failure points at one case.
    let mut names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CASES.len(), "duplicate case names");

    let mut failures = Failures {
        list: Vec::new(),
        timeouts: 0,
    };
    let mut ran = 0;
    let candidates = toolchains();
    for tc in &candidates {
        if check_toolchain(tc, &mut failures) {
            ran += 1;
        }
    }
    if ran == 0 {
        tier::skip(
            tier::Tier::Go,
            "go_env_agreement",
            &format!(
                "no go toolchain was found ({} candidates)",
                candidates.len()
            ),
        );
        return;
    }
    if !failures.list.is_empty() {
        let mut msg = format!(
            "{} failure(s) (godoctor disagreeing with go, or a run that failed):\n",
            failures.list.len()
        );
        for f in &failures.list {
            let _ = writeln!(msg, "  {f}");
        }
        panic!("{msg}");
    }
}
