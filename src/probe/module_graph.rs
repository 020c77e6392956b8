//! The module graph beyond go.mod, walked as go reads it: the plan's modules first, then, as
//! each go.mod arrives, the requirements go follows (`plan::graph` says which: pruned or not per
//! the go lines), each version walked once by `modules::walk_module`; for `go mod download` of
//! `all`, the build list's selected versions downloaded too.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::Deadline;
use super::engine::Setup;
use super::modules::{ModuleWalk, Pool, walk_module};
use super::sum_witness::WitnessContext;
use crate::config::Config;
use crate::plan::graph::{self, GraphRules};
use crate::plan::{ModuleFile, ModulePlan, ModuleSource, Plan};

/// Every planned module with a version, walked concurrently (bounded per origin), and the module
/// graph beyond go.mod as go reads it (`plan::graph`): the go.mod files of dependencies' own
/// requirements, walked as they are found. Returns the walks (roots first, in plan order) and
/// the graph's modules.
pub(super) async fn walk(
    setup: Arc<Setup>,
    deadline: Deadline,
    cfg: &Config,
    plan: &Plan,
) -> (Vec<ModuleWalk>, Vec<ModulePlan>) {
    let rules = plan.graph;
    let mut graph = GraphWalk {
        cfg,
        plan,
        rules,
        pool: Arc::new(Pool::new()),
        witness: Arc::new(WitnessContext::new(cfg, plan)),
        set: tokio::task::JoinSet::new(),
        setup,
        deadline,
        loaded: Vec::new(),
        index: HashMap::new(),
        selected_done: false,
    };
    let pruned = rules.is_none_or(|r| r.main_pruned);
    for m in &plan.modules {
        if let Some(v) = m.version.clone()
            && !m.files.is_empty()
        {
            graph.load(m.module.clone(), v, Some(m.clone()), pruned, &[]);
        }
    }
    let grace = deadline.remaining() + std::time::Duration::from_millis(300);
    let collect = async {
        while let Some(joined) = graph.set.join_next().await {
            let Ok((i, w)) = joined else { continue };
            graph.finished(i, w);
            if graph.set.is_empty() {
                graph.download_selected();
            }
        }
    };
    let _ = tokio::time::timeout(grace, collect).await;
    graph.set.abort_all();
    let mut walks = Vec::new();
    let mut graph_modules = Vec::new();
    for l in graph.loaded {
        walks.push(l.walk.unwrap_or_else(|| ModuleWalk {
            module: l.plan.module.clone(),
            version: l.plan.version.clone().unwrap_or_default(),
            files: Vec::new(),
            witnesses: None,
            lookup: None,
        }));
        if l.plan.source == ModuleSource::Graph {
            graph_modules.push(l.plan);
        }
    }
    (walks, graph_modules)
}

/// One module version go loads.
struct Loaded {
    plan: ModulePlan,
    walk: Option<ModuleWalk>,
    /// Loaded pruned (its requirements are followed only if its go.mod predates pruning);
    /// cleared when go reaches it again unpruned.
    pruned: bool,
    /// Its requirements were followed.
    followed: bool,
}

/// The walks under way and done, and the graph's bookkeeping.
struct GraphWalk<'a> {
    cfg: &'a Config,
    plan: &'a Plan,
    /// None: go reads no graph beyond go.mod's lines.
    rules: Option<GraphRules>,
    pool: Arc<Pool>,
    witness: Arc<WitnessContext>,
    set: tokio::task::JoinSet<(usize, ModuleWalk)>,
    setup: Arc<Setup>,
    deadline: Deadline,
    /// Roots first, in plan order, then the graph as it is found.
    loaded: Vec<Loaded>,
    /// The requirement (`path`, `version`) → its entry in `loaded`.
    index: HashMap<(String, String), usize>,
    selected_done: bool,
}

impl GraphWalk<'_> {
    /// go loads `path@version` (`root`: the plan's own module; else one the graph reached,
    /// required by the chain `by`).
    fn load(
        &mut self,
        path: String,
        version: String,
        root: Option<ModulePlan>,
        pruned: bool,
        by: &[String],
    ) {
        if let Some(&i) = self.index.get(&(path.clone(), version.clone())) {
            if !pruned && self.loaded[i].pruned {
                self.loaded[i].pruned = false;
                self.follow(i);
            }
            return;
        }
        let Some(mut m) = root.or_else(|| self.plan.graph_module(self.cfg, &path, &version)) else {
            return;
        };
        if m.source == ModuleSource::Graph {
            m.required_by = by.to_vec();
        }
        let i = self.loaded.len();
        self.index.insert((path, version), i);
        self.loaded.push(Loaded {
            plan: m.clone(),
            walk: None,
            pruned,
            followed: false,
        });
        self.spawn(i, m);
    }

    fn spawn(&mut self, i: usize, m: ModulePlan) {
        let (setup, pool, deadline) = (self.setup.clone(), self.pool.clone(), self.deadline);
        let witness = self.witness.clone();
        self.set
            .spawn(async move { (i, walk_module(&setup, &pool, deadline, &witness, &m).await) });
    }

    /// A walk ended: keep it (a second walk of the same version adds its files), and follow its
    /// go.mod's requirements where go does.
    fn finished(&mut self, i: usize, w: ModuleWalk) {
        match &mut self.loaded[i].walk {
            Some(first) => {
                first.files.extend(w.files);
                first.witnesses = first.witnesses.take().or(w.witnesses);
                first.lookup = first.lookup.take().or(w.lookup);
            }
            slot => *slot = Some(w),
        }
        self.follow(i);
    }

    fn follow(&mut self, i: usize) {
        if self.rules.is_none() || self.loaded[i].followed {
            return;
        }
        let Some(served) = self.loaded[i]
            .walk
            .as_ref()
            .and_then(ModuleWalk::served_go_mod)
        else {
            return;
        };
        let requires = served.requires.clone();
        if !graph::follows(self.loaded[i].pruned, served.go.as_deref()) {
            // A pruned root's requirements are in the build list without their go.mod being
            // read: `all` in a workspace downloads them too (stat first, then the rest).
            let listed = self.rules.is_some_and(|r| r.downloads_selected)
                && self.loaded[i].plan.source != ModuleSource::Graph;
            if listed {
                self.loaded[i].followed = true;
                for (path, version) in requires {
                    self.list(path, version);
                }
            }
            return;
        }
        self.loaded[i].followed = true;
        let parent = &self.loaded[i].plan;
        let mut by = parent.required_by.clone();
        by.push(format!(
            "{}@{}",
            parent.module,
            parent.version.as_deref().unwrap_or_default()
        ));
        for (path, version) in requires {
            self.load(path, version, None, false, &by);
        }
    }

    /// A module in the build list whose go.mod go does not read for the graph: it is never
    /// followed, and `go mod download` stats it before anything else.
    fn list(&mut self, path: String, version: String) {
        if self.index.contains_key(&(path.clone(), version.clone())) {
            return;
        }
        let Some(mut m) = self.plan.graph_module(self.cfg, &path, &version) else {
            return;
        };
        m.files = vec![ModuleFile::Info, ModuleFile::Mod];
        let i = self.loaded.len();
        self.index.insert((path, version), i);
        self.loaded.push(Loaded {
            plan: m.clone(),
            walk: None,
            pruned: true,
            followed: true,
        });
        self.spawn(i, m);
    }

    /// `go mod download` of `all`: the graph's modules at their selected versions are
    /// downloaded too (`.info` and the zip), once the whole graph is known.
    fn download_selected(&mut self) {
        if self.selected_done || !self.rules.is_some_and(|r| r.downloads_selected) {
            return;
        }
        self.selected_done = true;
        let roots: HashSet<&str> = self
            .loaded
            .iter()
            .filter(|l| l.plan.source != ModuleSource::Graph)
            .map(|l| l.plan.module.as_str())
            .collect();
        // Per path, the versions the graph reached (with where each is in `loaded`).
        let mut versions: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
        for (i, l) in self.loaded.iter().enumerate() {
            if !roots.contains(l.plan.module.as_str()) {
                versions
                    .entry(l.plan.module.as_str())
                    .or_default()
                    .push((l.plan.version.as_deref().unwrap_or_default(), i));
            }
        }
        let picks: Vec<usize> = versions
            .values()
            .filter_map(|vs| {
                let v = graph::selected(vs.iter().map(|(v, _)| *v))?;
                vs.iter().find(|(w, _)| *w == v).map(|(_, i)| *i)
            })
            .collect();
        for i in picks {
            // A version whose go.mod go could not read already failed the command.
            if self.loaded[i]
                .walk
                .as_ref()
                .and_then(ModuleWalk::served_go_mod)
                .is_none()
            {
                continue;
            }
            let mut m = self.loaded[i].plan.clone();
            m.files = [ModuleFile::Info, ModuleFile::Zip]
                .into_iter()
                .filter(|f| !m.files.contains(f))
                .collect();
            self.loaded[i].plan.files.extend(m.files.iter().copied());
            self.loaded[i].plan.in_gosum = self.loaded[i].plan.in_gosum
                && self.cfg.gosum.as_ref().is_some_and(|g| {
                    g.have_sum(
                        &m.module,
                        m.version.as_deref().unwrap_or_default(),
                        crate::config::gosum::SumKind::Zip,
                        &self.cfg.rules_version,
                    )
                });
            self.loaded[i].plan.needs_sumdb |= !self.loaded[i].plan.in_gosum
                && !self.loaded[i].plan.nosumdb
                && !matches!(
                    self.plan.sumdb,
                    Ok(crate::config::gosumdb::SumDbSetting::Off)
                );
            self.spawn(i, m);
        }
    }
}
