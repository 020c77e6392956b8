//! Configuration: every source go reads, turned into typed settings that each carry their
//! origin (go-semantics.md §1, §5; json-contract.md `settings`).
//!
//! go's precedence is modelled, not just observed: a non-empty OS variable beats the user go/env
//! file, which beats `$GOROOT/go.env` (Go ≥ 1.21), which beats the built-in default. When go is
//! installed its own `go env -json` answer is the value reported, and godoctor's computation is
//! kept beside it (`computed`), so a disagreement is visible instead of hidden.

pub mod env;
pub mod git;
pub mod go_cmd;
pub mod goenv_file;
pub mod goflags;
pub mod gomod;
pub mod goproxy;
pub mod gosumdb;
pub mod gourl;
pub mod goversion;
pub mod http_proxy;
pub mod netrc;
pub mod patterns;
pub mod process;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use env::Environment;
use goenv_file::{EnvFile, EnvFileLocation};
use goversion::GoVersion;

/// The settings godoctor models, in `go env` spelling.
pub const KEYS: &[&str] = &[
    "GO111MODULE",
    "GOAUTH",
    "GOENV",
    "GOFLAGS",
    "GOINSECURE",
    "GOMODCACHE",
    "GONOPROXY",
    "GONOSUMDB",
    "GOPATH",
    "GOPRIVATE",
    "GOPROXY",
    "GOROOT",
    "GOSUMDB",
    "GOTOOLCHAIN",
    "GOVCS",
    "GOVERSION",
];

/// Where a setting's value comes from (json-contract.md `settings.origin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Origin {
    #[serde(rename = "env")]
    Env,
    #[serde(rename = "goenv-file")]
    GoenvFile,
    #[serde(rename = "goroot-go.env")]
    GorootGoEnv,
    #[serde(rename = "default")]
    Default,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Env => "env",
            Origin::GoenvFile => "goenv-file",
            Origin::GorootGoEnv => "goroot-go.env",
            Origin::Default => "default",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Setting {
    /// The effective value as `go env` prints it (go's own answer when go ran).
    pub value: String,
    pub origin: Origin,
    /// godoctor's own computation with go's precedence rules.
    pub computed: String,
    /// For GONOPROXY/GONOSUMDB defaulting to GOPRIVATE.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<&'static str>,
    /// The user go/env file's value when an OS variable overrides it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shadowed_file_value: Option<String>,
}

/// The installed go, as far as godoctor could tell.
#[derive(Debug, Clone, Default)]
pub struct GoInstall {
    pub path: Option<PathBuf>,
    pub version: Option<GoVersion>,
    pub version_string: Option<String>,
    /// Why `go env -json` could not be used (go is broken, timed out …).
    pub error: Option<String>,
}

impl GoInstall {
    pub fn found(&self) -> bool {
        self.path.is_some() && self.error.is_none()
    }
}

/// Everything godoctor knows before sending a packet.
#[derive(Debug, Clone)]
pub struct Config {
    pub go: GoInstall,
    /// The version whose rules apply: the installed go's, else the current release's.
    pub rules_version: GoVersion,
    pub settings: BTreeMap<&'static str, Setting>,
    pub env: Environment,
    pub goenv_location: EnvFileLocation,
    pub goenv_file: Option<EnvFile>,
    pub goenv_read_error: Option<String>,
    pub goroot_goenv: Option<EnvFile>,
    pub http_proxy: http_proxy::HttpProxyConfig,
    pub git: git::GitConfig,
    pub netrc: netrc::NetrcInfo,
    pub project: gomod::Project,
    pub dir: PathBuf,
}

/// What the reader may do: where to look, how long to wait.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub dir: PathBuf,
    pub tool_deadline: Duration,
}

impl Config {
    pub fn get(&self, key: &str) -> &str {
        self.settings.get(key).map_or("", |s| s.value.as_str())
    }

    /// Reads every source. Never fails: what cannot be read becomes part of the model.
    pub fn load(env: Environment, opts: &LoadOptions) -> Config {
        let dir = opts.dir.clone();
        let go_path = env.look_path("go");
        // git and go run concurrently; both are bounded by the deadline.
        let (git, go_report) = std::thread::scope(|s| {
            let git = s.spawn(|| git::GitConfig::read(&env, &dir, opts.tool_deadline));
            let go_report = go_path
                .as_ref()
                .map(|go| go_cmd::go_env(go, KEYS, &env, &dir, opts.tool_deadline));
            (git.join().unwrap_or_default(), go_report)
        });

        let mut go = GoInstall {
            path: go_path,
            ..GoInstall::default()
        };
        let reported = match go_report {
            Some(Ok(r)) => Some(r.values),
            Some(Err(e)) => {
                go.error = Some(e.to_string());
                None
            }
            None => None,
        };
        if let Some(v) = reported.as_ref().and_then(|r| r.get("GOVERSION")) {
            go.version = GoVersion::parse(v);
            go.version_string = Some(v.clone());
        }

        let goenv_location = goenv_file::locate(&env);
        let (goenv_file, goenv_read_error) = match &goenv_location {
            EnvFileLocation::At { path, .. } => match goenv_file::read(path) {
                Ok(f) => (f, None),
                Err(e) => (None, Some(format!("{}: {e}", path.display()))),
            },
            _ => (None, None),
        };

        let goroot = compute_goroot(
            &env,
            goenv_file.as_ref(),
            go.path.as_deref(),
            reported.as_ref(),
        );
        let goroot_goenv = match (&goroot, go.found()) {
            (Some(root), true) => goenv_file::read(&root.join("go.env")).ok().flatten(),
            _ => None,
        };
        let rules_version = go
            .version
            .clone()
            .unwrap_or_else(GoVersion::assumed_current);

        let inputs = Inputs {
            env: &env,
            file: goenv_file.as_ref(),
            goroot_file: goroot_goenv.as_ref(),
            go_found: go.found(),
            version: &rules_version,
        };
        let mut settings = inputs.compute(&goenv_location, goroot.as_deref(), reported.as_ref());
        if let Some(reported) = &reported {
            for (key, setting) in settings.iter_mut() {
                if let Some(v) = reported.get(*key) {
                    setting.value = v.clone();
                }
            }
        }

        Config {
            go,
            rules_version,
            settings,
            http_proxy: http_proxy::HttpProxyConfig::from_env(&env),
            git,
            netrc: netrc::read(&env),
            project: gomod::Project::load(&opts.dir, &env),
            goenv_location,
            goenv_file,
            goenv_read_error,
            goroot_goenv,
            env,
            dir: opts.dir.clone(),
        }
    }

    /// Keys where godoctor's computation and go's answer differ: a godoctor bug, or a go that
    /// behaves unlike the reference.
    pub fn disagreements(&self) -> Vec<(&'static str, &Setting)> {
        self.settings
            .iter()
            .filter(|(_, s)| s.value != s.computed)
            .map(|(k, s)| (*k, s))
            .collect()
    }
}

/// `findGOROOT`: GOROOT from the environment or the go/env file, else next to the go binary.
fn compute_goroot(
    env: &Environment,
    file: Option<&EnvFile>,
    go: Option<&Path>,
    reported: Option<&BTreeMap<String, String>>,
) -> Option<PathBuf> {
    if let Some(root) = env.get("GOROOT").or_else(|| {
        file.and_then(|f| f.values.get("GOROOT"))
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }) {
        return Some(clean_path(root));
    }
    if let Some(r) = reported
        .and_then(|r| r.get("GOROOT"))
        .filter(|s| !s.is_empty())
    {
        return Some(PathBuf::from(r));
    }
    let exe = std::fs::canonicalize(go?).ok()?;
    let root = exe.parent()?.parent()?;
    root.join("pkg/tool").is_dir().then(|| root.to_owned())
}

/// `filepath.Clean` for Unix-style paths.
pub fn clean_path(p: &str) -> PathBuf {
    let abs = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !abs {
                    parts.push("..");
                }
            }
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    PathBuf::from(match (abs, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_owned(),
        (false, false) => joined,
    })
}

struct Inputs<'a> {
    env: &'a Environment,
    file: Option<&'a EnvFile>,
    goroot_file: Option<&'a EnvFile>,
    go_found: bool,
    version: &'a GoVersion,
}

/// What go.env ships when go cannot be asked (go-toolchains.md §1).
fn assumed_goroot_default(key: &str) -> Option<&'static str> {
    match key {
        "GOPROXY" => Some("https://proxy.golang.org,direct"),
        "GOSUMDB" => Some("sum.golang.org"),
        "GOTOOLCHAIN" => Some("auto"),
        _ => None,
    }
}

impl Inputs<'_> {
    /// `cfg.Getenv`: (value, origin); the value may be empty.
    fn getenv(&self, key: &str) -> (String, Origin) {
        if let Some(v) = self.env.get(key) {
            return (v.to_owned(), Origin::Env);
        }
        if let Some(v) = self.file.and_then(|f| f.values.get(key)) {
            return (v.clone(), Origin::GoenvFile);
        }
        if self.version.at_least(1, 21) {
            if self.go_found {
                if let Some(v) = self.goroot_file.and_then(|f| f.values.get(key)) {
                    return (v.clone(), Origin::GorootGoEnv);
                }
            } else if let Some(v) = assumed_goroot_default(key) {
                return (v.to_owned(), Origin::Default);
            }
        }
        (String::new(), Origin::Default)
    }

    /// `EnvOrAndChanged` / `envOr`.
    fn env_or(&self, key: &str, def: &str) -> (String, Origin) {
        let (v, o) = self.getenv(key);
        if v.is_empty() {
            // A `KEY=` line in the user file hides go.env's value; the origin says so.
            let o = if o == Origin::GoenvFile && !def.is_empty() {
                Origin::Default
            } else {
                o
            };
            return (def.to_owned(), o);
        }
        (v, o)
    }

    fn compute(
        &self,
        location: &EnvFileLocation,
        goroot: Option<&Path>,
        reported: Option<&BTreeMap<String, String>>,
    ) -> BTreeMap<&'static str, Setting> {
        let v = self.version;
        let mut out: BTreeMap<&'static str, Setting> = BTreeMap::new();
        let mut put = |key: &'static str,
                       (value, origin): (String, Origin),
                       derived_from: Option<&'static str>| {
            let shadowed_file_value = (origin == Origin::Env)
                .then(|| self.file.and_then(|f| f.values.get(key)).cloned())
                .flatten()
                .filter(|fv| Some(fv.as_str()) != self.env.get(key));
            out.insert(
                key,
                Setting {
                    computed: value.clone(),
                    value,
                    origin,
                    derived_from,
                    shadowed_file_value,
                },
            );
        };

        let old = !v.at_least(1, 21);
        put(
            "GOPROXY",
            self.env_or(
                "GOPROXY",
                if old {
                    "https://proxy.golang.org,direct"
                } else {
                    ""
                },
            ),
            None,
        );
        put(
            "GOSUMDB",
            self.env_or("GOSUMDB", if old { "sum.golang.org" } else { "" }),
            None,
        );
        let private = self.getenv("GOPRIVATE");
        put("GOPRIVATE", private.clone(), None);
        for key in ["GONOPROXY", "GONOSUMDB"] {
            let (val, origin) = self.getenv(key);
            if val.is_empty() {
                put(
                    key,
                    (private.0.clone(), Origin::Default),
                    (!private.0.is_empty()).then_some("GOPRIVATE"),
                );
            } else {
                put(key, (val, origin), None);
            }
        }
        for key in ["GOINSECURE", "GOVCS", "GOFLAGS", "GO111MODULE"] {
            put(key, self.getenv(key), None);
        }
        put(
            "GOTOOLCHAIN",
            if v.at_least(1, 21) {
                self.getenv("GOTOOLCHAIN")
            } else {
                (String::new(), Origin::Default)
            },
            None,
        );
        put(
            "GOAUTH",
            if v.at_least(1, 24) {
                self.env_or("GOAUTH", "netrc")
            } else {
                (String::new(), Origin::Default)
            },
            None,
        );
        let goenv = match location {
            EnvFileLocation::At { path, from_goenv } => (
                path.display().to_string(),
                if *from_goenv {
                    Origin::Env
                } else {
                    Origin::Default
                },
            ),
            EnvFileLocation::Off => (String::new(), Origin::Env),
            EnvFileLocation::Unavailable(_) => (String::new(), Origin::Default),
        };
        put("GOENV", goenv, None);

        let goroot_str = goroot.map(|p| p.display().to_string()).unwrap_or_default();
        let goroot_origin = if self.env.get("GOROOT").is_some() {
            Origin::Env
        } else if self
            .file
            .is_some_and(|f| f.values.get("GOROOT").is_some_and(|s| !s.is_empty()))
        {
            Origin::GoenvFile
        } else {
            Origin::Default
        };
        put("GOROOT", (goroot_str.clone(), goroot_origin), None);
        let version = reported
            .and_then(|r| r.get("GOVERSION"))
            .cloned()
            .unwrap_or_default();
        put("GOVERSION", (version, Origin::Default), None);

        // GOPATH: Getenv, else go/build's default $HOME/go (unless that is GOROOT).
        let gopath = {
            let (val, origin) = self.getenv("GOPATH");
            if val.is_empty() {
                let def = self
                    .env
                    .home_dir()
                    .map(|h| clean_path(&format!("{}/go", h.display())))
                    .filter(|d| goroot_str.is_empty() || *d != clean_path(&goroot_str))
                    .map(|d| d.display().to_string())
                    .unwrap_or_default();
                (def, Origin::Default)
            } else {
                (val, origin)
            }
        };
        let first = gopath.0.split(':').next().unwrap_or("").to_owned();
        put("GOPATH", gopath, None);
        let modcache_default = if first.is_empty() {
            String::new()
        } else {
            clean_path(&format!("{first}/pkg/mod"))
                .display()
                .to_string()
        };
        put(
            "GOMODCACHE",
            self.env_or("GOMODCACHE", &modcache_default),
            None,
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_path_like_go() {
        assert_eq!(clean_path("/h//go/"), PathBuf::from("/h/go"));
        assert_eq!(clean_path("/a/../b/./c"), PathBuf::from("/b/c"));
        assert_eq!(clean_path("rel/go"), PathBuf::from("rel/go"));
        assert_eq!(clean_path("../x"), PathBuf::from("../x"));
    }

    fn compute(
        env: &[(&str, &str)],
        file: &[u8],
        goroot_file: Option<&[u8]>,
        version: GoVersion,
    ) -> BTreeMap<&'static str, Setting> {
        let env = Environment::from_pairs(env.iter().copied());
        let file = goenv_file::parse(Path::new("/h/.config/go/env"), file);
        let groot = goroot_file.map(|d| goenv_file::parse(Path::new("/goroot/go.env"), d));
        let inputs = Inputs {
            env: &env,
            file: Some(&file),
            goroot_file: groot.as_ref(),
            go_found: true,
            version: &version,
        };
        inputs.compute(&goenv_file::locate(&env), Some(Path::new("/goroot")), None)
    }

    const GO_ENV: &[u8] =
        b"GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\n";

    // go-semantics.md §1 "Order of precedence".
    #[test]
    fn precedence_env_file_goroot_default() {
        let s = compute(
            &[("HOME", "/h"), ("GOPROXY", "https://env.example")],
            b"GOPROXY=https://file.example\nGOSUMDB=off\n",
            Some(GO_ENV),
            GoVersion::new(1, 27, 3),
        );
        assert_eq!(
            (s["GOPROXY"].computed.as_str(), s["GOPROXY"].origin),
            ("https://env.example", Origin::Env)
        );
        assert_eq!(
            s["GOPROXY"].shadowed_file_value.as_deref(),
            Some("https://file.example")
        );
        assert_eq!(
            (s["GOSUMDB"].computed.as_str(), s["GOSUMDB"].origin),
            ("off", Origin::GoenvFile)
        );
        assert_eq!(
            (s["GOTOOLCHAIN"].computed.as_str(), s["GOTOOLCHAIN"].origin),
            ("auto", Origin::GorootGoEnv)
        );
        assert_eq!(
            (s["GOAUTH"].computed.as_str(), s["GOAUTH"].origin),
            ("netrc", Origin::Default)
        );
        assert_eq!(s["GOPATH"].computed, "/h/go");
        assert_eq!(s["GOMODCACHE"].computed, "/h/go/pkg/mod");
    }

    #[test]
    fn empty_env_counts_as_unset() {
        let s = compute(
            &[("HOME", "/h"), ("GOPROXY", "")],
            b"",
            Some(GO_ENV),
            GoVersion::new(1, 27, 3),
        );
        assert_eq!(s["GOPROXY"].origin, Origin::GorootGoEnv);
    }

    #[test]
    fn go_1_19_has_builtin_defaults_and_no_toolchain() {
        let s = compute(
            &[("HOME", "/h")],
            b"GOTOOLCHAIN=go1.22.0\n",
            None,
            GoVersion::new(1, 19, 8),
        );
        assert_eq!(
            (s["GOPROXY"].computed.as_str(), s["GOPROXY"].origin),
            ("https://proxy.golang.org,direct", Origin::Default)
        );
        assert_eq!(s["GOSUMDB"].computed, "sum.golang.org");
        assert_eq!(s["GOTOOLCHAIN"].computed, "");
        assert_eq!(s["GOAUTH"].computed, "");
    }

    // go-semantics.md §1: GONOPROXY/GONOSUMDB default to GOPRIVATE; `none` is a value.
    #[test]
    fn gonoproxy_defaults_to_goprivate() {
        let s = compute(
            &[
                ("HOME", "/h"),
                ("GOPRIVATE", "git.corp.example"),
                ("GONOPROXY", "none"),
            ],
            b"",
            Some(GO_ENV),
            GoVersion::new(1, 27, 3),
        );
        assert_eq!(s["GONOPROXY"].computed, "none");
        assert_eq!(s["GONOSUMDB"].computed, "git.corp.example");
        assert_eq!(s["GONOSUMDB"].derived_from, Some("GOPRIVATE"));
    }

    #[test]
    fn user_file_empty_line_hides_goroot_default() {
        let s = compute(
            &[("HOME", "/h")],
            b"GOPROXY=\n",
            Some(GO_ENV),
            GoVersion::new(1, 27, 3),
        );
        assert_eq!(s["GOPROXY"].computed, "");
    }

    #[test]
    fn gopath_list_and_home_is_goroot() {
        let s = compute(
            &[("HOME", "/h"), ("GOPATH", "/a:/b")],
            b"",
            Some(GO_ENV),
            GoVersion::new(1, 27, 3),
        );
        assert_eq!(s["GOMODCACHE"].computed, "/a/pkg/mod");
        let s = compute(
            &[("HOME", "/")],
            b"",
            Some(GO_ENV),
            GoVersion::new(1, 27, 3),
        );
        assert_eq!(s["GOPATH"].computed, "/go");
        let env = Environment::from_pairs([("HOME", "/")]);
        let file = goenv_file::parse(Path::new("/x"), b"");
        let inputs = Inputs {
            env: &env,
            file: Some(&file),
            goroot_file: None,
            go_found: true,
            version: &GoVersion::new(1, 19, 8),
        };
        let s = inputs.compute(&goenv_file::locate(&env), Some(Path::new("/go")), None);
        assert_eq!(s["GOPATH"].computed, "");
        assert_eq!(s["GOMODCACHE"].computed, "");
    }
}
