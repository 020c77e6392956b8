//! The module graph go reads beyond go.mod's own lines (modload `readModGraph`): which
//! dependencies' go.mod files it follows, pruned or not per the go lines, and what it then
//! downloads. The walk itself happens in `probe::modules` as the go.mod files arrive; the rules
//! stay here.
//!
//! go reads the go.mod of every module version it reaches, not just the selected ones. A module
//! loaded in a pruned graph (main go.mod at go 1.17 or later) has its requirements followed only
//! when its own go.mod is older than 1.17 (unpruned); below a module loaded unpruned, everything
//! is followed. `go mod download` without arguments in a main module older than 1.17 downloads
//! `all`: every module of the build list at its selected (highest) version.

use super::{ModuleFile, ModulePlan, ModuleSource, Plan, module_plan};
use crate::config::Config;
use crate::config::goversion::GoVersion;
use crate::plan::command::GoCommand;
use crate::plan::semver;

/// How go reads the graph for the planned command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphRules {
    /// The main module's go.mod is at go 1.17 or later: the graph is pruned.
    pub main_pruned: bool,
    /// The command downloads every module of the build list at its selected version (`go mod
    /// download` without arguments below go 1.17), not only the main module's requirements.
    pub downloads_selected: bool,
}

impl GraphRules {
    /// None: go reads no module graph (no go.mod, or packages come from vendor/).
    pub fn new(
        cfg: &Config,
        command: &GoCommand,
        from_vendor: bool,
        in_workspace: bool,
    ) -> Option<GraphRules> {
        let gomod = cfg.project.gomod.as_ref().or(cfg.project.gowork.as_ref())?;
        let builds_from_vendor = matches!(command, GoCommand::Build { .. }) && from_vendor;
        // `go mod download M@V` reads the named versions only, not the graph.
        let named_download =
            matches!(command, GoCommand::ModDownload { modules } if !modules.is_empty());
        if builds_from_vendor || named_download {
            return None;
        }
        // A workspace's graph is pruned; `go mod download` there downloads `all`.
        let main_pruned = in_workspace
            || gomod
                .go
                .as_deref()
                .and_then(GoVersion::parse)
                .is_some_and(|g| g.at_least(1, 17));
        let downloads_selected = (!main_pruned || in_workspace)
            && matches!(command, GoCommand::ModDownload { modules } if modules.is_empty());
        Some(GraphRules {
            main_pruned,
            downloads_selected,
        })
    }
}

/// Workspace mode (a go.work go ≥ 1.18 reads): the modules it `use`s are the main modules, and
/// their requirements together are the graph's roots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    /// (`path`, `version`) of every requirement of a main module that go fetches: the highest
    /// version per path, replacements applied (go.work's first), local ones left out.
    pub requires: Vec<(String, String)>,
}

/// The workspace go is in, if any.
pub fn workspace(cfg: &Config) -> Option<Workspace> {
    let work = cfg.project.gowork.as_ref()?;
    if !cfg.rules_version.at_least(1, 18) {
        return None;
    }
    let mods = &cfg.project.workspace_mods;
    // The main modules themselves are never fetched.
    let main_modules: std::collections::HashSet<&str> =
        mods.iter().filter_map(|m| m.module.as_deref()).collect();
    let mut by_path: Vec<(String, Vec<String>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let work_replaces = work.replace_index();
    for m in mods {
        let replaces = m.replace_index();
        for r in &m.requires {
            if main_modules.contains(r.path.as_str()) {
                continue;
            }
            let rep = work_replaces
                .get(&r.path, &r.version)
                .or_else(|| replaces.get(&r.path, &r.version));
            let (path, version) = match rep {
                Some(rep) if rep.is_local() => continue,
                Some(rep) => (
                    rep.new.clone(),
                    rep.new_version.clone().unwrap_or_else(|| r.version.clone()),
                ),
                None => (r.path.clone(), r.version.clone()),
            };
            match index.get(&path) {
                Some(&i) => by_path[i].1.push(version),
                None => {
                    index.insert(path.clone(), by_path.len());
                    by_path.push((path, vec![version]));
                }
            }
        }
    }
    let requires = by_path
        .iter()
        .filter_map(|(p, vs)| {
            Some((
                p.clone(),
                selected(vs.iter().map(String::as_str))?.to_owned(),
            ))
        })
        .collect();
    Some(Workspace { requires })
}

/// Does go follow the requirements of a go.mod it loaded (`loaded_pruned`: the pruning it was
/// loaded with; `go_line`: that go.mod's own go line)? Requirements it follows are loaded
/// unpruned: either the graph was unpruned already, or this go.mod predates pruning.
pub fn follows(loaded_pruned: bool, go_line: Option<&str>) -> bool {
    let own_pruned = go_line
        .and_then(GoVersion::parse)
        .is_some_and(|g| g.at_least(1, 17));
    !(loaded_pruned && own_pruned)
}

/// The highest of `versions` (MVS picks the maximum of every requirement on a path).
pub fn selected<'a>(versions: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    versions.into_iter().max_by(|a, b| semver::compare(a, b))
}

impl Plan {
    /// A module version reached through a dependency's go.mod: its route, and the files go reads
    /// to load the graph. None when the main go.mod replaces it with a directory (nothing is
    /// fetched); a module replacement is fetched in its place.
    pub fn graph_module(&self, cfg: &Config, path: &str, version: &str) -> Option<ModulePlan> {
        let (path, version) = match cfg
            .project
            .gomod
            .as_ref()
            .and_then(|g| g.replacement(path, version))
        {
            Some(r) if r.is_local() => return None,
            Some(r) => (
                r.new.clone(),
                r.new_version.clone().unwrap_or_else(|| version.to_owned()),
            ),
            None => (path.to_owned(), version.to_owned()),
        };
        let sumdb_on = !matches!(self.sumdb, Ok(crate::config::gosumdb::SumDbSetting::Off));
        let mut m = module_plan(
            cfg,
            self.proxy_list.as_ref().ok(),
            sumdb_on,
            &self.command,
            self.reads_mod_first,
            (path, Some(version), ModuleSource::Graph),
        );
        // Loading a graph below go 1.17 stats each version (`.info`) before its go.mod.
        m.files = if self.reads_mod_first {
            vec![ModuleFile::Mod]
        } else {
            vec![ModuleFile::Info, ModuleFile::Mod]
        };
        m.in_gosum = has_gomod_sum(cfg, &m);
        m.needs_sumdb = sumdb_on && !m.nosumdb && !m.in_gosum;
        Some(m)
    }
}

/// go.sum holds the `/go.mod` hash of `m`: reading it into the graph needs no lookup.
pub fn has_gomod_sum(cfg: &Config, m: &ModulePlan) -> bool {
    use crate::config::gosum::SumKind;
    let (Some(sums), Some(v)) = (cfg.gosum.as_ref(), m.version.as_deref()) else {
        return false;
    };
    sums.have_sum(&m.module, v, SumKind::GoMod, &cfg.rules_version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pruned_graph_stops_at_modules_that_prune_and_follows_the_others_unpruned() {
        // readModGraph: `pruning != pruned || summary.pruning == unpruned`.
        assert!(!follows(true, Some("1.17")));
        assert!(!follows(true, Some("1.21.0")));
        assert!(follows(true, Some("1.16")));
        assert!(follows(true, None));
        // Below an unpruned module, everything is followed.
        assert!(follows(false, Some("1.21")));
        assert!(follows(false, Some("1.12")));
    }

    #[test]
    fn the_selected_version_is_the_semver_maximum() {
        assert_eq!(selected(["v1.2.0", "v1.10.0", "v1.9.9"]), Some("v1.10.0"));
        assert_eq!(
            selected(["v0.0.0-20200101000000-abcdefabcdef", "v0.1.0"]),
            Some("v0.1.0")
        );
        assert_eq!(selected([]), None);
    }
}
