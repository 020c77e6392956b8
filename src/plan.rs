//! The plan: for each module that matters, the ordered route go would walk to fetch it, and
//! the route it would take to the checksum database (docs/go/semantics.md §1 "Per-module routing",
//! §3 "Choosing the URL", §6, §8).
//!
//! Input: a [`Config`]. Output: a [`Plan`] — data only, no I/O, so probes and diagnosis consume
//! the same description of what go will do.

pub mod auth;
pub mod command;
pub mod git_auth;
pub mod goerror;
pub mod govcs;
pub mod graph;
pub mod imports;
pub mod semver;
mod toolchain;

use toolchain::{mid_command_plan, toolchain_plan};

use crate::config::Config;
use crate::config::goflags::GoFlags;
use crate::config::goproxy::{self, FallThrough, ProxyEntry, ProxyList, ProxyListError};
use crate::config::gosumdb::{self, SumDbError, SumDbSetting};
use crate::config::gourl;
use crate::config::netrc::Machines;
use crate::config::patterns::match_prefix_patterns;
use command::{Command, GoCommand};

/// Used when there is no go.mod: a small, well-known public module.
pub const DEFAULT_CANARY: &str = "golang.org/x/text";

/// The most required modules godoctor plans and checks (issue 17: bounded memory and time on
/// any go.mod); the rest are counted in [`Plan::unplanned`].
pub const MAX_PLANNED_MODULES: usize = 2000;
/// The most GOPROXY entries one route follows: go reaches the next only after every earlier
/// one failed, and a list of thousands must cost neither memory nor the deadline.
pub const MAX_ROUTE_PROXIES: usize = 32;

#[derive(Debug, Clone)]
pub struct Plan {
    pub proxy_list: Result<ProxyList, ProxyListError>,
    pub sumdb: Result<SumDbSetting, SumDbError>,
    pub modules: Vec<ModulePlan>,
    /// Required modules past [`MAX_PLANNED_MODULES`], counted but not planned.
    pub unplanned: usize,
    pub sumdb_route: Vec<SumdbStep>,
    /// GOPROXY entries past the [`MAX_ROUTE_PROXIES`] the checksum route asks: go asks them
    /// for `/sumdb/<name>/supported` before it goes to the database itself.
    pub sumdb_not_followed: usize,
    /// Why builds use vendor/ (`-mod=vendor`, or go.mod ≥ 1.14 with vendor/modules.txt), if they
    /// do. `go mod download` ignores it: it always runs in module mode and downloads.
    pub vendor_mode: Option<String>,
    /// Modules came from go.mod (false: the canary).
    pub from_gomod: bool,
    /// go's first request for a planned module is its `.mod` (loading the graph of a go.mod at
    /// go 1.17 or later), else its `.info` (older go.mod files: `all` listed; `M@V` arguments).
    pub reads_mod_first: bool,
    /// What go does about toolchains before anything else (Go ≥ 1.21).
    pub toolchain: Option<ToolchainPlan>,
    /// The credentials go sends with its requests.
    pub credentials: auth::Credentials,
    /// The go command predicted.
    pub command: Command,
    /// Where go finds each import of the main module (commands that load packages).
    pub imports: Vec<imports::ImportRoute>,
    /// The main module's path (from go.mod).
    pub main_module: Option<String>,
    /// How go reads the module graph beyond go.mod's lines (None: it reads none).
    pub graph: Option<graph::GraphRules>,
    /// go.sum must already hold every hash the command needs (`mustHaveSums`: a command that
    /// loads packages in `-mod=readonly`, outside a workspace); go never adds one.
    pub must_have_sums: bool,
}

/// go's startup toolchain selection and, when it switches, the download route
/// (docs/go/toolchains.md §3, §6, §7).
#[derive(Debug, Clone)]
pub struct ToolchainPlan {
    pub decision: crate::config::toolchain::Decision,
    /// `golang.org/toolchain` version go downloads (`v0.0.1-go1.28.0.linux-amd64`).
    pub module_version: Option<String>,
    /// A `goX.Y.Z` binary on PATH that go would run instead of downloading.
    pub on_path: Option<String>,
    /// The GOPROXY route for `golang.org/toolchain` (zip URLs).
    pub route: Vec<Step>,
    /// go verifies toolchains with the checksum database even with GOSUMDB=off or GONOSUMDB;
    /// only a lone `file://` GOPROXY is exempt.
    pub sumdb_required: bool,
    /// When go runs locally: what happens if a dependency's go.mod needs a newer go.
    pub mid_command: Option<MidCommandPlan>,
}

/// A switch in the middle of `go mod download` (docs/go/toolchains.md §5): loading the module graph
/// reads every required module's go.mod; a go line (≥ 1.21) newer than the running go is a
/// `TooNewError`, and GOTOOLCHAIN decides whether go fails or lists the toolchains
/// (`golang.org/toolchain/@v/list` through GOPROXY, or `go1.*` on PATH), picks one and switches.
#[derive(Debug, Clone)]
pub struct MidCommandPlan {
    /// `local` (go fails with the dependency's error), `auto` or `path`.
    pub mode: crate::config::toolchain::Mode,
    /// The running go's version (`1.27.3`).
    pub local: String,
    pub gotoolchain: String,
    pub lines: Option<crate::config::toolchain::Lines>,
    /// The required modules and where go first fetches their go.mod.
    pub deps: Vec<DepGoMod>,
    /// `golang.org/toolchain/@v/list` along the GOPROXY route (auto).
    pub list_route: Vec<Step>,
    /// `go1.*` programs on PATH (path).
    pub on_path: Vec<String>,
}

/// A required module's go.mod, fetched from the first GOPROXY entry on its route.
#[derive(Debug, Clone)]
pub struct DepGoMod {
    pub module: String,
    pub version: String,
    /// The replacement whose go.mod go reads instead (`./lib`, `example.com/fork@v1.2.0`).
    pub replaced_by: Option<String>,
    /// `<proxy>/<module>/@v/<version>.mod`; None when go fetches it directly (git).
    pub url: Option<String>,
    /// Its go line, when the go.mod is already in the module cache (go reads it from there).
    pub cached_go: Option<String>,
    /// How go moves past that first entry when it fails (None: nothing comes after it).
    pub fallback: Option<FallThrough>,
    /// Reached through the module graph, below go.mod's own requirements: the modules that
    /// lead there ([`ModulePlan::required_by`]); go's breadth-first search for the graph's first
    /// error meets it after every requirement.
    pub required_by: Vec<String>,
}

impl MidCommandPlan {
    /// The zip route for `version` (`v0.0.1-go1.99.1.linux-amd64`): the list route's entries,
    /// asked for the archive instead.
    pub fn zip_route(&self, version: &str) -> Vec<Step> {
        let zip = |u: &str| match u.strip_suffix("/@v/list") {
            Some(base) => format!("{base}/@v/{version}.zip"),
            None => u.to_owned(),
        };
        self.list_route
            .iter()
            .cloned()
            .map(|step| match step {
                Step::Proxy {
                    proxy,
                    url,
                    fall_through,
                    via_http_proxy,
                } => Step::Proxy {
                    proxy,
                    url: zip(&url),
                    fall_through,
                    via_http_proxy,
                },
                Step::Direct(mut d) => {
                    d.repo_url = zip(&d.repo_url);
                    d.git_url = d.repo_url.clone();
                    Step::Direct(d)
                }
                other => other,
            })
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleSource {
    Require,
    Canary,
    /// A module path go asks about to find the module of an import go.mod does not cover
    /// (`go mod tidy`); `ModulePlan::query_for` names the import.
    Query,
    /// A module version go reads from a dependency's go.mod while loading the module graph
    /// ([`graph`]); found by the probes as the go.mod files arrive.
    Graph,
}

#[derive(Debug, Clone)]
pub struct ModulePlan {
    pub module: String,
    pub version: Option<String>,
    pub host: String,
    pub source: ModuleSource,
    /// Matches GOPRIVATE.
    pub private: bool,
    /// Matches GONOPROXY: fetched directly, whatever GOPROXY says.
    pub noproxy: bool,
    /// Matches GONOSUMDB: never checked against the checksum database.
    pub nosumdb: bool,
    /// Matches GOINSECURE (direct fetches only).
    pub insecure: bool,
    /// go.sum already holds both hashes: no checksum-database lookup happens.
    pub in_gosum: bool,
    /// Its go.mod is already in the module cache: loading the module graph needs no request.
    pub mod_cached: bool,
    /// Will go consult the checksum database for it?
    pub needs_sumdb: bool,
    pub route: Vec<Step>,
    /// The files go asks a GOPROXY entry for, in go's order (none without a version).
    pub files: Vec<ModuleFile>,
    /// [`ModuleSource::Query`]: the import go looks for.
    pub query_for: Option<String>,
    /// [`ModuleSource::Graph`]: the modules from one of go.mod's requirements down to the one
    /// that requires this (`a@v1.0.0`, …), which go prints before an error loading its go.mod
    /// in a pruned graph (`go: a@v1.0.0 requires\n\tb@v1.0.0: …`).
    pub required_by: Vec<String>,
}

/// A file of a module version in the GOPROXY protocol (docs/go/semantics.md §2). go walks the
/// GOPROXY list for each file on its own: `.info` may come from one entry, the zip from the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleFile {
    /// `@v/list`: the versions go chooses from when it looks for the module of an import.
    List,
    Info,
    Mod,
    Zip,
}

impl ModuleFile {
    pub fn extension(self) -> &'static str {
        match self {
            ModuleFile::List => "list",
            ModuleFile::Info => "info",
            ModuleFile::Mod => "mod",
            ModuleFile::Zip => "zip",
        }
    }

    /// The file's URL on a GOPROXY entry, from the entry's `@v/list` URL of the module.
    pub fn url(self, list_url: &str, version: &str) -> String {
        if self == ModuleFile::List {
            return list_url.to_owned();
        }
        format!(
            "{}{}.{}",
            list_url.trim_end_matches("list"),
            escape_path(version),
            self.extension()
        )
    }
}

/// Whether go moves past a GOPROXY entry that answered `status` (None: no answer at all) for a
/// file: after `,` only "not found" does (404 and 410 are `fs.ErrNotExist` to go), after `|`
/// any failure (docs/go/semantics.md §1 "Fall-through").
pub fn falls_through(fall_through: FallThrough, status: Option<u16>) -> bool {
    match (fall_through, status) {
        (_, Some(200)) => false,
        (FallThrough::NotFoundOnly, Some(404 | 410)) => true,
        (FallThrough::NotFoundOnly, _) => false,
        (FallThrough::AnyError, _) => true,
    }
}

/// One step of a module's route, in the order go tries them.
#[derive(Debug, Clone)]
pub enum Step {
    /// A GOPROXY entry: `GET <proxy>/<escaped module>/@v/list`.
    Proxy {
        proxy: String,
        url: String,
        fall_through: FallThrough,
        via_http_proxy: Option<String>,
    },
    /// A proxy entry go skips for this module (it matches GONOPROXY).
    Skipped {
        proxy: String,
        reason: String,
    },
    Direct(DirectPlan),
    /// `off`: the lookup fails with "module lookup disabled by GOPROXY=off".
    Off,
    /// The `entries` GOPROXY entries past [`MAX_ROUTE_PROXIES`]: go reaches them only after
    /// every earlier one failed; godoctor neither plans nor probes them.
    NotFollowed {
        entries: usize,
    },
}

impl Step {
    /// A GOPROXY entry go sends nothing to: plain http with credentials in the URL.
    pub fn refuses_credentials(&self) -> bool {
        matches!(self, Step::Proxy { proxy, .. } if gourl::parse(proxy).is_ok_and(|u| u.refuses_credentials()))
    }
}

/// `direct`: how go finds and fetches the repository itself.
#[derive(Debug, Clone)]
pub struct DirectPlan {
    /// `https://<path>?go-get=1`, or None for hosts in go's static table (github.com, bitbucket.org).
    pub discovery_url: Option<String>,
    pub discovery_via_http_proxy: Option<String>,
    /// The repository URL go hands to git (before git's own rewrites).
    pub repo_url: String,
    /// After git's `url.<base>.insteadOf`.
    pub git_url: String,
    pub insteadof_origin: Option<String>,
    pub git_host: String,
    pub git_port: u16,
    pub git_transport: &'static str,
    /// go refuses to run the repository's version-control tool (GOVCS), known without discovery.
    pub govcs: Option<govcs::GovcsRefusal>,
}

/// One step on the way to the checksum database.
#[derive(Debug, Clone)]
pub enum SumdbStep {
    /// `GET <proxy>/sumdb/<name>/supported`; on 200 go uses `<proxy>/sumdb/<name>` only.
    ViaProxy {
        proxy: String,
        supported_url: String,
        fall_through: FallThrough,
        via_http_proxy: Option<String>,
    },
    /// The database itself, `https://<name>` or GOSUMDB's explicit URL.
    Direct {
        url: String,
        explicit: bool,
        via_http_proxy: Option<String>,
    },
}

/// Why a host looks private: reports name the reason, and the probes expect private
/// certificates and answers rather than public ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivateHint {
    IpAddress,
    NoDot,
    InternalDomain,
    NetrcCredentials,
}

impl PrivateHint {
    /// In English, as the JSON `reason` param has it.
    pub fn as_str(self) -> &'static str {
        match self {
            PrivateHint::IpAddress => "its host is an IP address",
            PrivateHint::NoDot => "its host has no dot",
            PrivateHint::InternalDomain => "its host is in an internal domain",
            PrivateHint::NetrcCredentials => "you have netrc credentials for its host",
        }
    }
}

/// Why a host looks private (internal TLDs, no dot, an IP, netrc credentials), if it does.
pub fn private_hint(host: &str, netrc: &Machines) -> Option<PrivateHint> {
    const INTERNAL: &[&str] = &[
        ".corp",
        ".internal",
        ".local",
        ".lan",
        ".intranet",
        ".private",
        ".home",
        ".localdomain",
        ".intra",
        ".priv",
        ".test",
        ".localhost",
    ];
    let host = host.to_ascii_lowercase();
    if host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<std::net::IpAddr>()
        .is_ok()
    {
        return Some(PrivateHint::IpAddress);
    }
    if !host.contains('.') {
        return Some(PrivateHint::NoDot);
    }
    if INTERNAL.iter().any(|t| host.ends_with(t)) {
        return Some(PrivateHint::InternalDomain);
    }
    if netrc.contains(&host) {
        return Some(PrivateHint::NetrcCredentials);
    }
    None
}

pub use crate::config::gomod::escape_path;

impl Plan {
    /// The plan for go's default command in the configuration's directory.
    pub fn build(cfg: &Config, canaries: &[String]) -> Plan {
        Plan::build_for(cfg, canaries, None)
    }

    /// The plan for `command` (None: go's default for the directory, [`Command::default_for`]).
    pub fn build_for(cfg: &Config, canaries: &[String], command: Option<Command>) -> Plan {
        let has_go_source = cfg
            .imports
            .as_ref()
            .is_some_and(|i| i.packages.iter().any(|p| p.walked && !p.files.is_empty()));
        let workspace = graph::workspace(cfg);
        let in_module = cfg.project.gomod.is_some() || workspace.is_some();
        let command = command.unwrap_or_else(|| Command::default_for(in_module, has_go_source));
        let gonoproxy = cfg.get("GONOPROXY");
        let proxy_list = goproxy::parse(cfg.get("GOPROXY"), gonoproxy);
        let sumdb = gosumdb::parse(cfg.get("GOSUMDB"));
        let flags = GoFlags::parse(cfg.get("GOFLAGS"), cfg.rules_version.at_least(1, 21));
        let vendor_mode = vendor_mode(cfg, &flags);

        let mut wanted: Vec<(String, Option<String>, ModuleSource)> = Vec::new();
        let mut over = 0;
        let gomod = cfg.project.gomod.as_ref();
        if let Some(ws) = &workspace {
            wanted.extend(
                ws.requires
                    .iter()
                    .map(|(p, v)| (p.clone(), Some(v.clone()), ModuleSource::Require)),
            );
        } else if let Some(m) = gomod {
            // Looked up by path and version, not by a scan: go.mod may hold 100k lines.
            let local: std::collections::HashSet<(&str, Option<&str>)> = m
                .replaces
                .iter()
                .filter(|rep| rep.is_local())
                .map(|rep| (rep.old.as_str(), rep.old_version.as_deref()))
                .collect();
            let mut listed = std::collections::HashSet::new();
            for r in &m.requires {
                let replaced_locally = local.contains(&(r.path.as_str(), None))
                    || local.contains(&(r.path.as_str(), Some(r.version.as_str())));
                let key = (r.path.as_str(), r.version.as_str());
                if replaced_locally || listed.contains(&key) {
                    continue;
                }
                // Only counted past the cap: a copy of every requirement would cost as much
                // memory as the parsed go.mod.
                if wanted.len() > MAX_PLANNED_MODULES {
                    over += 1;
                } else {
                    listed.insert(key);
                    wanted.push((
                        r.path.clone(),
                        Some(r.version.clone()),
                        ModuleSource::Require,
                    ));
                }
            }
        }
        let from_gomod = gomod.is_some() || workspace.is_some();
        if !from_gomod {
            for c in canaries {
                let (path, version) = match c.split_once('@') {
                    Some((p, v)) => (p.to_owned(), Some(v.to_owned())),
                    None => (c.clone(), None),
                };
                wanted.push((path, version, ModuleSource::Canary));
            }
        }

        // A requirement listed twice is one module to go; past the cap, the rest is only counted
        // (each planned module costs memory, a report line and, online, probes).
        let mut seen = std::collections::HashSet::new();
        wanted.retain(|(p, v, _)| seen.insert((p.clone(), v.clone())));
        drop(seen);
        let unplanned = over + wanted.len().saturating_sub(MAX_PLANNED_MODULES);
        wanted.truncate(MAX_PLANNED_MODULES);

        // `go mod download M@vX.Y.Z` fetches those versions only; `go get M@vX.Y.Z` fetches
        // them besides the graph go.mod names. go stats each first (`.info`).
        let mut got: Vec<(String, Option<String>)> = Vec::new();
        let named = match command.go.download_versions() {
            Some(named) => {
                wanted.clear();
                named
            }
            None => command.go.get_versions(),
        };
        for (path, version) in named {
            let entry = (path.to_owned(), Some(version.to_owned()));
            if !wanted
                .iter()
                .any(|(p, v, _)| (p, v) == (&entry.0, &entry.1))
            {
                wanted.push((entry.0.clone(), entry.1.clone(), ModuleSource::Require));
                got.push(entry);
            }
        }

        let sumdb_on = !matches!(sumdb, Ok(SumDbSetting::Off));
        // Loading the module graph of a go.mod at go 1.17 or later reads each `.mod` first.
        // A workspace's `go mod download` lists `all` and stats each module first, as below 1.17
        // (go1.19 and go1.27 both report `…/@v/vX.info: 404` for a missing root there).
        let reads_mod_first = workspace.is_none()
            && gomod
                .and_then(|m| m.go.as_deref())
                .and_then(crate::config::goversion::GoVersion::parse)
                .is_some_and(|g| g.at_least(1, 17));
        let loads_packages = matches!(command.go, GoCommand::ModTidy | GoCommand::Build { .. });
        let import_routes = match (loads_packages, gomod, &cfg.imports) {
            (true, Some(m), Some(scan)) => route_main_imports(cfg, m, scan),
            _ => Vec::new(),
        };
        let providers = providing_modules(&import_routes);
        let indirect_requires: std::collections::HashSet<&str> = gomod
            .map(|g| {
                g.requires
                    .iter()
                    .filter(|r| r.indirect)
                    .map(|r| r.path.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let mut modules: Vec<ModulePlan> = wanted
            .into_iter()
            .map(|wanted| {
                let mut plan = module_plan(
                    cfg,
                    proxy_list.as_ref().ok(),
                    sumdb_on,
                    &command,
                    reads_mod_first,
                    wanted,
                );
                if got.contains(&(plan.module.clone(), plan.version.clone())) {
                    // go stats the query's version before anything else.
                    plan.files = download_files(false);
                }
                if loads_packages && !plan.files.is_empty() {
                    // Only modules that provide packages are downloaded whole; go.mod's
                    // indirect requirements stand for the packages those import in turn.
                    let indirect = indirect_requires.contains(plan.module.as_str());
                    if !providers.contains(plan.module.as_str()) && !indirect {
                        plan.files.retain(|f| *f != ModuleFile::Zip);
                    }
                }
                plan
            })
            .collect();
        // tidy asks GOPROXY about every candidate module of an import nothing provides.
        if command.go == GoCommand::ModTidy {
            for r in &import_routes {
                if let imports::Resolution::Missing(missing) = &r.resolution {
                    for path in missing.then.requested() {
                        let mut q = module_plan(
                            cfg,
                            proxy_list.as_ref().ok(),
                            sumdb_on,
                            &command,
                            reads_mod_first,
                            (path.to_owned(), None, ModuleSource::Query),
                        );
                        q.files = vec![ModuleFile::List];
                        q.query_for = Some(r.path.clone());
                        modules.push(q);
                    }
                }
            }
        }
        let (sumdb_route, sumdb_not_followed) = match (&sumdb, &proxy_list) {
            (Ok(SumDbSetting::Db(db)), Ok(list)) => sumdb_route(cfg, db, list),
            _ => (Vec::new(), 0),
        };
        let mut toolchain = toolchain_plan(cfg, proxy_list.as_ref().ok());
        if let Some(t) = toolchain.as_mut() {
            t.mid_command = mid_command_plan(cfg, proxy_list.as_ref().ok(), t, &modules);
        }
        let graph_rules =
            graph::GraphRules::new(cfg, &command.go, vendor_mode.is_some(), workspace.is_some());
        let must_have_sums = gomod.is_some()
            && workspace.is_none()
            && vendor_mode.is_none()
            && loads_packages
            && command.go != GoCommand::ModTidy
            && flags.value("mod").is_none_or(|m| m == "readonly");
        Plan {
            proxy_list,
            sumdb,
            modules,
            unplanned,
            sumdb_route,
            sumdb_not_followed,
            vendor_mode,
            from_gomod,
            reads_mod_first,
            toolchain,
            credentials: auth::Credentials::from_config(cfg),
            command,
            imports: import_routes,
            main_module: gomod.and_then(|m| m.module.clone()),
            must_have_sums,
            graph: graph_rules,
        }
    }

    /// The main module's path, as go names it in `M imports …`.
    pub fn imports_main_module(&self) -> &str {
        self.main_module.as_deref().unwrap_or("")
    }

    /// The modules grouped by host, in first-seen order, for reports.
    pub fn by_host(&self) -> Vec<(&str, Vec<&ModulePlan>)> {
        let mut groups: Vec<(&str, Vec<&ModulePlan>)> = Vec::new();
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for m in &self.modules {
            match index.get(m.host.as_str()) {
                Some(&i) => groups[i].1.push(m),
                None => {
                    index.insert(&m.host, groups.len());
                    groups.push((&m.host, vec![m]));
                }
            }
        }
        groups
    }
}

fn vendor_mode(cfg: &Config, flags: &GoFlags) -> Option<String> {
    if flags.value("mod") == Some("vendor") {
        return Some("module lookup disabled by -mod=vendor".to_owned());
    }
    let m = cfg.project.gomod.as_ref()?;
    let go =
        m.go.as_deref()
            .and_then(crate::config::goversion::GoVersion::parse)?;
    (flags.value("mod").is_none() && cfg.project.vendor_modules_txt && go.at_least(1, 14)).then(|| {
        "module lookup disabled by -mod=vendor\n\t(Go version in go.mod is at least 1.14 and vendor directory exists.)".to_owned()
    })
}

/// The step that asks `proxy` for `module`'s version list.
pub fn proxy_step(cfg: &Config, proxy: &str, module: &str, fall_through: FallThrough) -> Step {
    proxy_file_step(cfg, proxy, module, "list", fall_through)
}

/// The step that asks `proxy` for `module`'s `@v/<file>` (`list`, `v1.0.0.zip`, …).
pub fn proxy_file_step(
    cfg: &Config,
    proxy: &str,
    module: &str,
    file: &str,
    fall_through: FallThrough,
) -> Step {
    let url = format!(
        "{}/{}/@v/{file}",
        proxy.trim_end_matches('/'),
        escape_path(module)
    );
    Step::Proxy {
        proxy: proxy.to_owned(),
        via_http_proxy: via_http_proxy(cfg, &url),
        url,
        fall_through,
    }
}

/// The step that asks `proxy` whether it relays the checksum database `name`.
pub fn sumdb_via_proxy_step(
    cfg: &Config,
    proxy: &str,
    name: &str,
    fall_through: FallThrough,
) -> SumdbStep {
    let supported = format!("{}/sumdb/{name}/supported", proxy.trim_end_matches('/'));
    SumdbStep::ViaProxy {
        proxy: proxy.to_owned(),
        via_http_proxy: via_http_proxy(cfg, &supported),
        supported_url: supported,
        fall_through,
    }
}

fn via_http_proxy(cfg: &Config, url: &str) -> Option<String> {
    let u = gourl::parse(url).ok()?;
    cfg.http_proxy.proxy_for(&u).map(|p| p.to_string())
}

fn module_plan(
    cfg: &Config,
    list: Option<&ProxyList>,
    sumdb_on: bool,
    command: &Command,
    reads_mod_first: bool,
    (module, version, source): (String, Option<String>, ModuleSource),
) -> ModulePlan {
    let host = module.split('/').next().unwrap_or("").to_owned();
    let noproxy = match_prefix_patterns(cfg.get("GONOPROXY"), &module);
    let nosumdb = match_prefix_patterns(cfg.get("GONOSUMDB"), &module);
    let in_gosum = version.as_ref().is_some_and(|v| {
        use crate::config::gosum::SumKind;
        cfg.gosum.as_ref().is_some_and(|g| {
            [SumKind::GoMod, SumKind::Zip]
                .into_iter()
                .all(|kind| g.have_sum(&module, v, kind, &cfg.rules_version))
        })
    });
    ModulePlan {
        files: if version.is_some() {
            files_for(&command.go, reads_mod_first)
        } else {
            Vec::new()
        },
        query_for: None,
        required_by: Vec::new(),
        private: match_prefix_patterns(cfg.get("GOPRIVATE"), &module),
        insecure: match_prefix_patterns(cfg.get("GOINSECURE"), &module),
        needs_sumdb: sumdb_on && !nosumdb && !in_gosum,
        mod_cached: version.as_ref().is_some_and(|v| {
            cfg.project
                .cached_go_lines
                .contains_key(&(module.clone(), v.clone()))
        }),
        route: route(cfg, list, &module, noproxy),
        noproxy,
        nosumdb,
        in_gosum,
        host,
        module,
        version,
        source,
    }
}

/// Where go looks for each non-standard import of the main module (and each `tool`).
fn route_main_imports(
    cfg: &Config,
    gomod: &crate::config::gomod::GoMod,
    scan: &crate::config::imports::ModuleImports,
) -> Vec<imports::ImportRoute> {
    let mut wanted: std::collections::BTreeSet<String> = scan.all_imports();
    wanted.extend(gomod.tools.iter().cloned());
    let dotless = wanted
        .iter()
        .filter(|p| !p.split('/').next().unwrap_or("").contains('.'))
        .map(String::as_str);
    let goroot = std::path::Path::new(cfg.get("GOROOT"));
    let std = if goroot.join("src").is_dir() {
        imports::StdLibrary::Known(crate::config::imports::goroot_packages(goroot, dotless))
    } else {
        imports::StdLibrary::Assumed
    };
    let list = imports::BuildList::from_gomod(gomod, scan.package_paths(), std);
    imports::route_imports(wanted.iter().map(String::as_str), &list)
}

/// The required modules go downloads because they may provide an imported package.
fn providing_modules(routes: &[imports::ImportRoute]) -> std::collections::BTreeSet<&str> {
    routes
        .iter()
        .filter_map(|r| match &r.resolution {
            imports::Resolution::BuildList { candidates, .. } => Some(candidates),
            _ => None,
        })
        .flatten()
        .map(|c| c.module.as_str())
        .collect()
}

/// What `command` fetches for a required module, in go's order.
fn files_for(command: &GoCommand, graph_first: bool) -> Vec<ModuleFile> {
    match command {
        GoCommand::ModDownload { .. } | GoCommand::Get { .. } => download_files(graph_first),
        // Loading packages reads the graph's go.mod files, then the zips of the modules that
        // provide packages; no `.info` for a version go.mod names.
        GoCommand::ModTidy | GoCommand::Build { .. } => vec![ModuleFile::Mod, ModuleFile::Zip],
    }
}

/// What `go mod download` fetches for each module, in its order: loading the module graph of a
/// go.mod at go 1.17 or later reads the `.mod` first; the download then stats the version
/// (`.info`) and fetches the zip.
fn download_files(graph_first: bool) -> Vec<ModuleFile> {
    if graph_first {
        vec![ModuleFile::Mod, ModuleFile::Info, ModuleFile::Zip]
    } else {
        vec![ModuleFile::Info, ModuleFile::Mod, ModuleFile::Zip]
    }
}

/// The steps go takes for `module` along the GOPROXY list (`noproxy`: it matches GONOPROXY).
fn route(cfg: &Config, list: Option<&ProxyList>, module: &str, noproxy: bool) -> Vec<Step> {
    let mut route = Vec::new();
    let specs = list.map(|l| l.specs.as_slice()).unwrap_or_default();
    for (n, spec) in specs.iter().enumerate() {
        if route.len() == MAX_ROUTE_PROXIES {
            // Only after this many failures would go get further; the rest is said, not walked.
            route.push(Step::NotFollowed {
                entries: specs.len() - n,
            });
            break;
        }
        match (&spec.entry, noproxy) {
            (ProxyEntry::NoProxy | ProxyEntry::Direct, true) | (ProxyEntry::Direct, false) => {
                route.push(Step::Direct(direct_plan(cfg, module)));
                break;
            }
            (ProxyEntry::NoProxy, false) => {}
            (ProxyEntry::Off, false) => {
                route.push(Step::Off);
                break;
            }
            (ProxyEntry::Url(p), true) => route.push(Step::Skipped {
                proxy: p.to_owned(),
                reason: "disabled by GOPRIVATE/GONOPROXY".into(),
            }),
            (ProxyEntry::Off, true) => route.push(Step::Skipped {
                proxy: "off".into(),
                reason: "disabled by GOPRIVATE/GONOPROXY".into(),
            }),
            (ProxyEntry::Url(p), false) => {
                route.push(proxy_step(cfg, p, module, spec.fall_through))
            }
        }
    }
    route
}

/// go's static table (vcs.go `vcsPaths`): these hosts need no `?go-get=1`.
fn static_repo_root(module: &str) -> Option<String> {
    let parts: Vec<&str> = module.split('/').collect();
    match parts.first() {
        Some(&("github.com" | "bitbucket.org")) if parts.len() >= 3 => {
            Some(format!("https://{}", parts[..3].join("/")))
        }
        _ => None,
    }
}

fn direct_plan(cfg: &Config, module: &str) -> DirectPlan {
    let (discovery_url, repo_url) = match static_repo_root(module) {
        Some(root) => (None, root),
        // The real root comes from the go-import meta tag; the module path is the usual answer.
        None => (
            Some(format!("https://{module}?go-get=1")),
            format!("https://{module}"),
        ),
    };
    let (git_url, insteadof_origin) = match cfg.git.rewrite(&repo_url) {
        Some((url, rule)) => (url, Some(rule.origin)),
        None => (repo_url.clone(), None),
    };
    let (git_host, git_port, git_transport) = git_endpoint(&git_url);
    DirectPlan {
        discovery_via_http_proxy: discovery_url
            .as_deref()
            .and_then(|u| via_http_proxy(cfg, u)),
        discovery_url,
        repo_url: repo_url.clone(),
        git_url: git_url.clone(),
        insteadof_origin,
        git_host,
        git_port,
        git_transport,
        govcs: govcs::refusal(cfg, module),
    }
}

/// Host, port and transport of a git remote: `https://h/…`, `ssh://[u@]h[:p]/…`, `u@h:path`.
pub fn git_endpoint(url: &str) -> (String, u16, &'static str) {
    if let Ok(u) = gourl::parse(url) {
        let default = match u.scheme.as_str() {
            "https" => Some((443, "https")),
            "http" => Some((80, "http")),
            "ssh" | "git+ssh" | "ssh+git" => Some((22, "ssh")),
            "git" => Some((9418, "git")),
            _ => None,
        };
        if let Some((port, transport)) = default {
            let port = u.port().and_then(|p| p.parse().ok()).unwrap_or(port);
            return (u.hostname().to_owned(), port, transport);
        }
    }
    // scp-like syntax: [user@]host:path
    let before_colon = url.split(':').next().unwrap_or(url);
    let host = before_colon.rsplit('@').next().unwrap_or(before_colon);
    (host.to_owned(), 22, "ssh")
}

/// The checksum route, and how many GOPROXY entries past the ones it asks go would ask
/// before the database itself.
fn sumdb_route(cfg: &Config, db: &gosumdb::SumDb, list: &ProxyList) -> (Vec<SumdbStep>, usize) {
    if let Some(url) = &db.url {
        let direct = SumdbStep::Direct {
            url: url.to_owned(),
            explicit: true,
            via_http_proxy: via_http_proxy(cfg, url),
        };
        return (vec![direct], 0);
    }
    let mut steps = Vec::new();
    let mut not_followed = 0;
    for spec in &list.specs {
        match &spec.entry {
            ProxyEntry::NoProxy => continue,
            ProxyEntry::Direct | ProxyEntry::Off => break,
            ProxyEntry::Url(_) if steps.len() == MAX_ROUTE_PROXIES => not_followed += 1,
            ProxyEntry::Url(p) => {
                steps.push(sumdb_via_proxy_step(cfg, p, &db.name, spec.fall_through))
            }
        }
    }
    let direct = db.direct_url();
    steps.push(SumdbStep::Direct {
        via_http_proxy: via_http_proxy(cfg, &direct),
        url: direct,
        explicit: false,
    });
    (steps, not_followed)
}

#[cfg(test)]
mod tests;
