//! Where go looks for each import of the main module during `go mod tidy` (docs/go/semantics.md
//! §10 "From an import to a module"): modload's `importFromModules` over the build list, then,
//! for an import no module there holds, `queryImport` — replaced modules first, the standard
//! library's reserved paths refused without a request, and otherwise `QueryPackages`, which asks
//! the GOPROXY route about every prefix of the path at once.
//!
//! Pure: the caller supplies the build list (go.mod's requirements and replacements), the main
//! module's packages (`config::imports`) and what GOROOT holds. go's module graph can hold more
//! modules than go.mod lists (requirements of requirements below go 1.17); those are not seen
//! here.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::semver;
use crate::config::gomod::{GoMod, Replace};
use crate::config::modpath;

/// Which dotless import paths the standard library has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StdLibrary {
    /// No GOROOT to look at: every dotless path is taken to be a standard package.
    #[default]
    Assumed,
    /// The dotless paths GOROOT/src has (`config::imports::goroot_packages`).
    Known(BTreeSet<String>),
}

/// The modules go can find an import in.
#[derive(Debug, Clone, Default)]
pub struct BuildList {
    pub main_module: String,
    /// The main module's packages (`ModuleImports::package_paths`).
    pub main_packages: BTreeSet<String>,
    /// Required modules and their versions (a path required twice: the higher version, as
    /// minimal version selection picks among roots).
    pub requires: BTreeMap<String, String>,
    pub replaces: Vec<Replace>,
    pub std: StdLibrary,
}

impl BuildList {
    /// The build list go.mod spells out.
    pub fn from_gomod(m: &GoMod, main_packages: BTreeSet<String>, std: StdLibrary) -> BuildList {
        let mut requires: BTreeMap<String, String> = BTreeMap::new();
        for r in &m.requires {
            let keep = requires
                .get(&r.path)
                .is_some_and(|v| semver::compare(v, &r.version).is_ge());
            if !keep {
                requires.insert(r.path.clone(), r.version.clone());
            }
        }
        BuildList {
            main_module: m.module.clone().unwrap_or_default(),
            main_packages,
            requires,
            replaces: m.replaces.clone(),
            std,
        }
    }

    /// modload's `Replacement`: a rule for this version before one for every version.
    fn replacement(&self, path: &str, version: &str) -> Option<&Replace> {
        self.replaces
            .iter()
            .find(|r| r.old == path && r.old_version.as_deref() == Some(version))
            .or_else(|| {
                self.replaces
                    .iter()
                    .find(|r| r.old == path && r.old_version.is_none())
            })
    }

    /// `MainModuleSet.HighestReplaced`: each replaced path with the highest version a rule
    /// names ("" when only a rule for every version exists).
    fn highest_replaced(&self) -> BTreeMap<&str, &str> {
        let mut out: BTreeMap<&str, &str> = BTreeMap::new();
        for r in &self.replaces {
            let v = r.old_version.as_deref().unwrap_or("");
            let higher = out
                .get(r.old.as_str())
                .is_none_or(|have| semver::compare(v, have).is_gt());
            if higher {
                out.insert(&r.old, v);
            }
        }
        out
    }

    fn candidate(&self, module: &str, version: &str) -> Candidate {
        Candidate {
            module: module.to_owned(),
            version: version.to_owned(),
            replacement: self.replacement(module, version).map(Replacement::of),
        }
    }
}

/// A module go fetches to look for the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub module: String,
    pub version: String,
    /// What go fetches instead, when a replace directive applies.
    pub replacement: Option<Replacement>,
}

impl Candidate {
    /// What go downloads for it, if anything: (module, version) of a zip.
    pub fn download(&self) -> Option<(&str, &str)> {
        match &self.replacement {
            Some(Replacement::Dir(_)) => None,
            Some(Replacement::Module { path, version }) => Some((path, version)),
            None => Some((&self.module, &self.version)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Replacement {
    /// A directory: no network.
    Dir(String),
    Module {
        path: String,
        version: String,
    },
}

impl Replacement {
    fn of(r: &Replace) -> Replacement {
        match &r.new_version {
            Some(v) => Replacement::Module {
                path: r.new.clone(),
                version: v.clone(),
            },
            None => Replacement::Dir(r.new.clone()),
        }
    }
}

/// What go does for one import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportRoute {
    pub path: String,
    pub resolution: Resolution,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Resolution {
    /// go refuses the path before looking anywhere (`invalidImportError`), in these words.
    Invalid { error: String },
    /// A standard-library package (or `C`, which has no directory).
    Std,
    /// A package of the main module, and no required module could hold it too.
    MainModule,
    /// Required modules whose path is a prefix of the import, longest first: go fetches each
    /// and takes the one that has the package directory (more than one: `ambiguous import`).
    /// `main_module`: the main module has it too (then any other holder makes it ambiguous).
    /// `otherwise`: what go does when none has it.
    BuildList {
        candidates: Vec<Candidate>,
        main_module: bool,
        otherwise: Missing,
    },
    /// No module in the build list can hold it.
    Missing(Missing),
}

/// `queryImport`: what go does for an import nothing in the build list provides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    /// Replaced modules whose path is a prefix (longest first), at the highest replaced version
    /// (`v0.0.0-00010101000000-000000000000` for a rule without one) above what is selected:
    /// go fetches each in turn and adds the first that has the package.
    pub replaced: Vec<Candidate>,
    pub then: Lookup,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Lookup {
    /// Replacements were tried and the path cannot be fetched from anywhere else
    /// (`module.CheckPath` fails): `PackageNotInModuleError` for this module, no request.
    NotInReplacement { module: String },
    /// A path reserved for the standard library (no dot in its first element) that GOROOT does
    /// not have: `package X is not in std (GOROOT/src/X)`, no request — and `go mod tidy`
    /// drops the error silently (`SilenceMissingStdImports`).
    NotInStd,
    /// `QueryPackages(path, "latest")`: these candidate module paths, longest first, asked
    /// all at once (`queryPrefixModules`); go prints `go: finding module for package X`.
    Query { modules: Vec<QueryModule> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueryModule {
    pub path: String,
    /// go sends requests for it (`@v/list`, then `@latest` when the list is empty); false when
    /// `module.CheckPath` rejects the path and go fails it without a request.
    pub network: bool,
    /// A replace directive names this path: go also offers the replaced versions.
    pub replaced: bool,
}

impl Lookup {
    /// The module paths go asks the GOPROXY route about.
    pub fn requested(&self) -> Vec<&str> {
        match self {
            Lookup::Query { modules } => modules
                .iter()
                .filter(|m| m.network)
                .map(|m| m.path.as_str())
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The route of every import in `imports`.
pub fn route_imports<'a>(
    imports: impl IntoIterator<Item = &'a str>,
    list: &BuildList,
) -> Vec<ImportRoute> {
    imports.into_iter().map(|p| route_import(p, list)).collect()
}

/// What go does for the import `path` (`importFromModules`, then `queryImport`).
pub fn route_import(path: &str, list: &BuildList) -> ImportRoute {
    let resolution = resolve(path, list);
    ImportRoute {
        path: path.to_owned(),
        resolution,
    }
}

fn invalid(path: &str) -> Option<String> {
    let q = modpath::go_quote(path);
    if path.contains('@') {
        return Some(format!("import path {q} should not have @version"));
    }
    if modpath::is_local_import(path) {
        return Some(format!(
            "{q} is relative, but relative import paths are not supported in module mode"
        ));
    }
    if path.starts_with('/') {
        return Some(format!("{q} is not a package path; see 'go help packages'"));
    }
    if modpath::is_meta_package(path) {
        return Some(format!(
            "{q} is not an importable package; see 'go help packages'"
        ));
    }
    modpath::check_import_path(path)
        .err()
        .map(|e| e.to_string())
}

fn resolve(path: &str, list: &BuildList) -> Resolution {
    if let Some(error) = invalid(path) {
        return Resolution::Invalid { error };
    }
    if path == "C" {
        return Resolution::Std;
    }
    if modpath::is_standard_import_path(path) {
        let in_std = match &list.std {
            StdLibrary::Assumed => true,
            StdLibrary::Known(set) => set.contains(path),
        };
        if in_std {
            return Resolution::Std;
        }
    }
    let in_main = modpath::in_module(path, &list.main_module) && list.main_packages.contains(path);
    // Every prefix of the path that names a required module, longest first.
    let candidates: Vec<Candidate> = prefixes(path)
        .filter(|p| *p != list.main_module)
        .filter_map(|p| {
            let v = list.requires.get(p)?;
            (v != "none").then(|| list.candidate(p, v))
        })
        .collect();
    if candidates.is_empty() {
        if in_main {
            return Resolution::MainModule;
        }
        return Resolution::Missing(query_import(path, list));
    }
    Resolution::BuildList {
        candidates,
        main_module: in_main,
        otherwise: query_import(path, list),
    }
}

/// `path`, then each shorter prefix at a `/` boundary.
fn prefixes(path: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(path), |p| p.rsplit_once('/').map(|(head, _)| head))
}

fn query_import(path: &str, list: &BuildList) -> Missing {
    let mut replaced: Vec<Candidate> = list
        .highest_replaced()
        .into_iter()
        .filter(|(mp, _)| modpath::in_module(path, mp))
        .filter_map(|(mp, mv)| {
            let mv = if mv.is_empty() {
                let major = modpath::split_path_version(mp)
                    .map(|(_, m)| m)
                    .filter(|m| !m.is_empty())
                    .map(|m| m[1..].to_owned())
                    .unwrap_or_else(|| "v0".to_owned());
                modpath::zero_pseudo_version(&major)
            } else {
                mv.to_owned()
            };
            let selected = list.requires.get(mp).map(String::as_str).unwrap_or("none");
            // Adding mp@mv cannot help when mp is already selected at mv or above.
            semver::compare(selected, &mv)
                .is_lt()
                .then(|| list.candidate(mp, &mv))
        })
        .collect();
    replaced.sort_by_key(|c| std::cmp::Reverse(c.module.len()));
    let then = if !replaced.is_empty() && modpath::check_module_path(path).is_err() {
        Lookup::NotInReplacement {
            module: replaced[0].module.clone(),
        }
    } else if modpath::is_standard_import_path(path) {
        Lookup::NotInStd
    } else {
        let replaced_paths = list.highest_replaced();
        Lookup::Query {
            modules: prefixes(path)
                .filter(|p| *p != list.main_module)
                .filter(|p| modpath::split_path_version(p).is_some())
                .map(|p| QueryModule {
                    path: p.to_owned(),
                    network: modpath::check_module_path(p).is_ok(),
                    replaced: replaced_paths.contains_key(p),
                })
                .collect(),
        }
    };
    Missing { replaced, then }
}

#[cfg(test)]
#[path = "imports_tests.rs"]
mod tests;
