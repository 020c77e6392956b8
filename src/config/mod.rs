//! Configuration: every source go reads, turned into typed settings that each carry their
//! origin (docs/go/semantics.md §1, §5; docs/json-contract.md `settings`).
//!
//! go's precedence is modelled, not just observed: a non-empty OS variable beats the user go/env
//! file, which beats `$GOROOT/go.env` (Go ≥ 1.21), which beats the built-in default. When go is
//! installed its own `go env -json` answer is the value reported, and godoctor's computation is
//! kept beside it (`computed`), so a disagreement is visible instead of hidden.

pub mod bounded;
pub mod env;
pub mod git;
pub mod go_cmd;
pub mod goauth;
pub mod godoctor_toml;
pub mod goenv_file;
pub mod goflags;
pub mod golines;
pub mod gomod;
pub mod goproxy;
pub mod gosum;
pub mod gosumdb;
pub mod gourl;
pub mod gover;
pub mod goversion;
pub mod http_proxy;
pub mod imports;
pub mod modpath;
pub mod netrc;
pub mod patterns;
pub mod process;
pub mod shell;
pub mod toolchain;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::redact::Sensitive;
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

/// Where a setting's value comes from (docs/json-contract.md `settings.origin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Env,
    GoenvFile,
    GorootGoEnv,
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The effective value as `go env` prints it (go's own answer when go ran). Displayed
    /// redacted; `Config::get` gives the raw value to the rules and the probes.
    pub value: Sensitive,
    pub origin: Origin,
    /// godoctor's own computation with go's precedence rules.
    pub computed: Sensitive,
    /// For GONOPROXY/GONOSUMDB defaulting to GOPRIVATE.
    pub derived_from: Option<&'static str>,
    /// The user go/env file's value when an OS variable overrides it.
    pub shadowed_file_value: Option<Sensitive>,
}

/// The installed go, as far as godoctor could tell.
#[derive(Debug, Clone, Default)]
pub struct GoInstall {
    pub path: Option<PathBuf>,
    pub version: Option<GoVersion>,
    pub version_string: Option<String>,
    /// Why `go env -json` could not be used (go is broken, timed out …).
    pub error: Option<String>,
    /// go's own rejection of GOFLAGS (`go: parsing $GOFLAGS: unknown flag -foo`).
    pub goflags_error: Option<String>,
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
    /// The go.sum files go reads for the project (None outside a module and a workspace).
    pub gosum: Option<gosum::GoSumFiles>,
    /// The main module's packages and imports as `go mod tidy` sees them (None without a
    /// go.mod that names its module).
    pub imports: Option<imports::ModuleImports>,
    /// Input files refused (not regular) or read only in part (too large).
    pub input_problems: Vec<bounded::InputProblem>,
    pub dir: PathBuf,
    /// The shell remediation commands are written for (`--shell` overrides the detection).
    pub shell: shell::Shell,
}

/// What the reader may do: where to look, how long to wait.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub dir: PathBuf,
    pub tool_deadline: Duration,
}

impl Config {
    /// Where this run's remediation commands will be typed.
    pub fn target(&self) -> shell::Target {
        shell::Target::new(self.shell, shell::Os::host(), shell::Distro::host())
    }

    pub fn get(&self, key: &str) -> &str {
        self.settings.get(key).map_or("", |s| s.value.expose())
    }

    /// Reads every source. Never fails: what cannot be read becomes part of the model.
    pub fn load(env: Environment, opts: &LoadOptions) -> Config {
        let dir = opts.dir.clone();
        let log = bounded::InputLog::default();
        let go_path = env.look_path("go");
        // git and go run concurrently; both are bounded by the deadline.
        let (git, go_report) = std::thread::scope(|s| {
            let git = s.spawn(|| git::GitConfig::read(&env, &dir, opts.tool_deadline));
            let go_report = go_path
                .as_ref()
                .map(|go| go_cmd::go_env(go, KEYS, &env, &dir, opts.tool_deadline));
            (git.join().unwrap_or_default(), go_report)
        });

        let exe_root = go_path.as_deref().and_then(exe_goroot);
        let mut go = GoInstall {
            path: go_path,
            ..GoInstall::default()
        };
        let reported = match go_report {
            Some(Ok(r)) => {
                go.goflags_error = r.goflags_error;
                Some(r.values)
            }
            Some(Err(e)) => {
                go.error = Some(e.to_string());
                None
            }
            None => None,
        };
        // go env can fail (GO111MODULE=ON does that); the VERSION file still names the release.
        let version_string = reported
            .as_ref()
            .and_then(|r| r.get("GOVERSION").cloned())
            .or_else(|| {
                let path = exe_root.as_ref()?.join("VERSION");
                let data = bounded::read_logged(&path, bounded::VERSION, &log).ok()?;
                String::from_utf8_lossy(&data)
                    .lines()
                    .next()
                    .map(str::to_owned)
            });
        go.version = version_string.as_deref().and_then(GoVersion::parse);
        go.version_string = version_string;
        let rules_version = go
            .version
            .clone()
            .unwrap_or_else(GoVersion::assumed_current);

        let goenv_location = goenv_file::locate(&env, &rules_version);
        let (goenv_file, goenv_read_error) = match &goenv_location {
            EnvFileLocation::At { path, .. } => match goenv_file::read(path, &log) {
                Ok(f) => (f, None),
                Err(e) => (None, Some(format!("{}: {e}", path.display()))),
            },
            _ => (None, None),
        };

        // go.env is read from the go/env file's GOROOT, else $GOROOT, else the binary's tree.
        let goenv_root = goenv_file
            .as_ref()
            .and_then(|f| f.values.get("GOROOT"))
            .filter(|v| !v.is_empty())
            .map(|v| clean_path(v))
            .or_else(|| env.get("GOROOT").map(clean_path))
            .or_else(|| exe_root.clone());
        let goroot_goenv = match (&goenv_root, go.path.is_some()) {
            (Some(root), true) if rules_version.at_least(1, 21) => {
                goenv_file::read(&root.join("go.env"), &log).ok().flatten()
            }
            _ => None,
        };

        let inputs = Inputs {
            env: &env,
            file: goenv_file.as_ref(),
            goroot_file: goroot_goenv.as_ref(),
            go_found: go.path.is_some(),
            version: &rules_version,
            exe_root: exe_root.as_deref(),
            goenv_root: goenv_root.as_deref(),
            version_string: go.version_string.as_deref().unwrap_or(""),
        };
        let mut settings = inputs.compute(&goenv_location);
        if let Some(reported) = &reported {
            for (key, setting) in settings.iter_mut() {
                if let Some(v) = reported.get(*key) {
                    setting.value = setting.value.with_raw(v.clone());
                }
            }
        }

        let mut project = gomod::Project::load(&opts.dir, &env);
        project.check_lines(&rules_version);
        if let Some(cache) = settings.get("GOMODCACHE") {
            project.read_cached_go_lines(Path::new(cache.value.expose()));
        }
        let gosum = gosum::GoSumFiles::load(&project, &rules_version);
        let imports = main_module_imports(&project, &env, &rules_version);
        let http_proxy = http_proxy::HttpProxyConfig::from_env_for(&env, &rules_version);
        let shell = shell::Shell::detect(&env, shell::Os::host());
        let netrc = netrc::read(&env, &log);
        // The roots are read by the probes; a certificate file that is not regular or too big
        // is said here, where every input is.
        if let Some(file) = env.get("SSL_CERT_FILE").filter(|f| !f.is_empty()) {
            bounded::check_regular(Path::new(file), bounded::CERTS, &log);
        }
        let mut input_problems = project.input_problems.clone();
        // A go.sum too large is not used at all (a cut one would read as missing lines).
        let sum_files = gosum
            .iter()
            .flat_map(|s| std::iter::once(&s.main).chain(&s.workspace));
        for r in sum_files {
            if let Err(gosum::GoSumError::TooLarge { path, limit }) = r {
                input_problems.push(bounded::InputProblem {
                    path: path.clone(),
                    limit: bounded::Limit {
                        bytes: *limit,
                        ..bounded::GO_SUM
                    },
                    kind: bounded::ProblemKind::TooLarge,
                });
            }
        }
        input_problems.extend(log.take());
        Config {
            go,
            shell,
            rules_version,
            settings,
            http_proxy,
            git,
            netrc,
            project,
            gosum,
            imports,
            input_problems,
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

/// The main module's packages and their imports, read as `go mod tidy` reads them.
fn main_module_imports(
    project: &gomod::Project,
    env: &Environment,
    rules: &goversion::GoVersion,
) -> Option<imports::ModuleImports> {
    let m = project.gomod.as_ref()?;
    let module = m.module.as_deref()?;
    let root = m.path.parent()?;
    // go's module index serves directories unless the build cache or GODEBUG turns it off.
    let index_off = env.get("GOCACHE") == Some("off")
        || env
            .get("GODEBUG")
            .unwrap_or("")
            .split(',')
            .any(|kv| kv.trim() == "goindex=0");
    Some(imports::scan_module(
        root,
        module,
        &imports::ScanOptions {
            go: rules.clone(),
            module_index: !index_off,
            ignore: m.ignores.clone(),
            ..imports::ScanOptions::default()
        },
    ))
}

/// The GOROOT a go binary belongs to: its resolved path, two (or three) levels up, where
/// `pkg/tool` exists (`findGOROOT`; `/proc/self/exe` is already symlink-free).
fn exe_goroot(go: &Path) -> Option<PathBuf> {
    let exe = std::fs::canonicalize(go).ok()?;
    exe.ancestors()
        .skip(2)
        .take(2)
        .find(|root| root.join("pkg/tool").is_dir())
        .map(Path::to_owned)
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
    /// The GOROOT the go binary lives in.
    exe_root: Option<&'a Path>,
    /// The GOROOT whose go.env is read.
    goenv_root: Option<&'a Path>,
    version_string: &'a str,
}

/// What go.env ships when go cannot be asked (docs/go/toolchains.md §1).
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

    fn compute(&self, location: &EnvFileLocation) -> BTreeMap<&'static str, Setting> {
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
                    computed: Sensitive::for_setting(key, value.clone()),
                    value: Sensitive::for_setting(key, value),
                    origin,
                    derived_from,
                    shadowed_file_value: shadowed_file_value
                        .map(|v| Sensitive::for_setting(key, v)),
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

        let goroot = self.goroot();
        put("GOROOT", goroot.clone(), None);
        put(
            "GOVERSION",
            (self.version_string.to_owned(), Origin::Default),
            None,
        );

        let (gopath, modcache) = self.gopath(&goroot.0);
        put("GOPATH", gopath, None);
        put("GOMODCACHE", modcache, None);
        out
    }

    /// GOROOT as `go env` prints it: since Go 1.21 an OS `$GOROOT` is printed raw; older go
    /// cleans it; otherwise the go/env file's value (cleaned) or the binary's tree.
    fn goroot(&self) -> (String, Origin) {
        let show = |p: Option<&Path>| p.map(|p| p.display().to_string()).unwrap_or_default();
        if let Some(root) = self.env.get("GOROOT") {
            let value = if self.version.at_least(1, 21) {
                root.to_owned()
            } else {
                show(Some(&clean_path(root)))
            };
            return (value, Origin::Env);
        }
        let file_root = self
            .file
            .and_then(|f| f.values.get("GOROOT"))
            .filter(|v| !v.is_empty());
        if let Some(root) = file_root {
            return (show(Some(&clean_path(root))), Origin::GoenvFile);
        }
        let root = if self.version.at_least(1, 21) {
            self.goenv_root
        } else {
            self.exe_root
        };
        (show(root), Origin::Default)
    }

    /// GOPATH and GOMODCACHE (tests/GO_ENV_NOTES.md §6): the default `$HOME/go` unless it is
    /// the runtime GOROOT; GOMODCACHE from the first element; a relative default GOPATH (from
    /// a relative HOME) is then blanked by go's main, but GOMODCACHE keeps it.
    fn gopath(&self, goroot: &str) -> ((String, Origin), (String, Origin)) {
        // runtime.GOROOT(): $GOROOT, else the build-time path. Official releases since Go 1.21
        // are built with -trimpath and carry none; older distribution builds do.
        let runtime_goroot = match self.env.get("GOROOT") {
            Some(r) => Some(clean_path(r)),
            None if !self.version.at_least(1, 21) => self.exe_root.map(Path::to_owned),
            None => None,
        };
        let base = match self.env.get("GOPATH") {
            Some(p) => p.to_owned(),
            None => self
                .env
                .get(if cfg!(windows) { "USERPROFILE" } else { "HOME" })
                .map(|h| clean_path(&format!("{h}/go")))
                .filter(|d| runtime_goroot.as_ref() != Some(d))
                .map(|d| d.display().to_string())
                .unwrap_or_default(),
        };
        let (mut gopath, origin) = self.env_or("GOPATH", &base);
        let first = gopath.split(':').next().unwrap_or("");
        let modcache_default = if first.is_empty() {
            String::new()
        } else {
            clean_path(&format!("{first}/pkg/mod"))
                .display()
                .to_string()
        };
        let modcache = self.env_or("GOMODCACHE", &modcache_default);
        let explicit = !self.getenv("GOPATH").0.is_empty();
        let relative = gopath
            .split(':')
            .any(|p| !p.is_empty() && !p.starts_with('/'));
        if !explicit && relative && clean_path(&gopath) != clean_path(goroot) {
            gopath.clear();
        }
        ((gopath, origin), modcache)
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
            exe_root: Some(Path::new("/goroot")),
            goenv_root: Some(Path::new("/goroot")),
            version_string: "go1.x",
        };
        inputs.compute(&goenv_file::locate(&env, &version))
    }

    const GO_ENV: &[u8] =
        b"GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\n";

    // docs/go/semantics.md §1 "Order of precedence".
    #[test]
    fn precedence_env_file_goroot_default() {
        let s = compute(
            &[("HOME", "/h"), ("GOPROXY", "https://env.example")],
            b"GOPROXY=https://file.example\nGOSUMDB=off\n",
            Some(GO_ENV),
            GoVersion::new(1, 27, 3),
        );
        assert_eq!(
            (s["GOPROXY"].computed.expose(), s["GOPROXY"].origin),
            ("https://env.example", Origin::Env)
        );
        assert_eq!(
            s["GOPROXY"]
                .shadowed_file_value
                .as_ref()
                .map(Sensitive::expose),
            Some("https://file.example")
        );
        assert_eq!(
            (s["GOSUMDB"].computed.expose(), s["GOSUMDB"].origin),
            ("off", Origin::GoenvFile)
        );
        assert_eq!(
            (s["GOTOOLCHAIN"].computed.expose(), s["GOTOOLCHAIN"].origin),
            ("auto", Origin::GorootGoEnv)
        );
        assert_eq!(
            (s["GOAUTH"].computed.expose(), s["GOAUTH"].origin),
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
            (s["GOPROXY"].computed.expose(), s["GOPROXY"].origin),
            ("https://proxy.golang.org,direct", Origin::Default)
        );
        assert_eq!(s["GOSUMDB"].computed, "sum.golang.org");
        assert_eq!(s["GOTOOLCHAIN"].computed, "");
        assert_eq!(s["GOAUTH"].computed, "");
    }

    // docs/go/semantics.md §1: GONOPROXY/GONOSUMDB default to GOPRIVATE; `none` is a value.
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
        // Go 1.19's runtime GOROOT is its tree: $HOME/go == GOROOT gives no GOPATH.
        let s = compute(
            &[("HOME", "/"), ("GOROOT", "/go")],
            b"",
            None,
            GoVersion::new(1, 19, 8),
        );
        assert_eq!(s["GOPATH"].computed, "");
        assert_eq!(s["GOMODCACHE"].computed, "");
        // A relative HOME: GOPATH blanked, GOMODCACHE kept (GO_ENV_NOTES.md §6).
        let s = compute(
            &[("HOME", "relhome")],
            b"",
            Some(GO_ENV),
            GoVersion::new(1, 27, 3),
        );
        assert_eq!(s["GOPATH"].computed, "");
        assert_eq!(s["GOMODCACHE"].computed, "relhome/go/pkg/mod");
    }
}
