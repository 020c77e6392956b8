//! go.sum against what the routes served: a go.mod (and, with `--verify-zips`, a zip) whose
//! hash go.sum records differently, who is wrong from the witnesses the probes heard, each
//! module's `gosum` verdict for the report, and the hashes a command that must find them in
//! go.sum (`go build` in `-mod=readonly`) does not find.

use super::module_files::walk_of;
use super::predict::{
    GoSumMismatch, GoSumVerdict, ModuleFacts, Outcome, Predicted, SumWrong, label,
};
use super::{Code, Finding, Remedy};
use crate::config::Config;
use crate::config::gosum::{Mismatch, SumCheck, SumKind};
use crate::plan::{ModuleFile, ModulePlan};
use crate::probe::modules::{FileAnswer, ModuleWalk};
use crate::text;

/// go.sum's verdict on the go.mod the route served `m` (the entry go takes it from), when go.sum
/// records a different `h1:` hash: go stops with `verifying M@V/go.mod: checksum mismatch`.
pub fn go_mod_mismatch(cfg: &Config, walk: &ModuleWalk) -> Option<(Mismatch, String)> {
    let sums = cfg.gosum.as_ref()?;
    let served = walk
        .files
        .iter()
        .filter(|f| f.file == ModuleFile::Mod)
        .flat_map(|f| f.asked.iter())
        .find_map(|a| match &a.answer {
            FileAnswer::Status {
                status: 200,
                go_mod: Some(m),
                ..
            } => Some((a.proxy.clone(), m.h1.clone())),
            _ => None,
        })?;
    match sums.check(
        &walk.module,
        &walk.version,
        SumKind::GoMod,
        &served.1,
        &cfg.rules_version,
    ) {
        SumCheck::Mismatch(m) => Some((m, served.0)),
        _ => None,
    }
}

/// The zip `--verify-zips` downloaded for `walk`, hashed: (hash, the entry that served it).
fn served_zip(walk: &ModuleWalk) -> Option<(String, String)> {
    walk.files
        .iter()
        .filter(|f| f.file == ModuleFile::Zip)
        .flat_map(|f| f.asked.iter())
        .find_map(|a| match &a.answer {
            FileAnswer::Status {
                status: 200,
                zip: Some(z),
                ..
            } => z.h1.clone().ok().map(|h| (h, a.proxy.clone())),
            _ => None,
        })
}

/// go.sum against the zip `--verify-zips` downloaded: go stops with `verifying M@V: checksum
/// mismatch` after the download.
pub fn zip_mismatch(cfg: &Config, walk: &ModuleWalk) -> Option<(Mismatch, String)> {
    let sums = cfg.gosum.as_ref()?;
    let (h1, proxy) = served_zip(walk)?;
    match sums.check(
        &walk.module,
        &walk.version,
        SumKind::Zip,
        &h1,
        &cfg.rules_version,
    ) {
        SumCheck::Mismatch(m) => Some((m, proxy)),
        _ => None,
    }
}

/// The first hash go.sum disagrees with, in go's order: the go.mod, then the zip.
pub fn sum_mismatch(cfg: &Config, walk: &ModuleWalk) -> Option<(Mismatch, String)> {
    go_mod_mismatch(cfg, walk).or_else(|| zip_mismatch(cfg, walk))
}

/// Who is wrong when go.sum and the go.mod `m`'s route served disagree, from the witnesses the
/// probes heard: the checksum database's signed record first, then the module's other entries.
/// A zip's mismatch has no witnesses (they are asked about go.mod files only).
pub fn who_is_wrong(m: &ModulePlan, mismatch: &Mismatch, walk: &ModuleWalk) -> SumWrong {
    if !mismatch.version.ends_with("/go.mod") {
        return SumWrong::Unknown;
    }
    let (got, want) = (
        mismatch.downloaded.as_str(),
        mismatch.recorded.hash.as_str(),
    );
    let Some(w) = &walk.witnesses else {
        return SumWrong::Unknown;
    };
    if let Some(db) = w.sumdb.as_ref().filter(|d| d.verified)
        && let Some(h) = &db.go_mod_h1
    {
        return if h == got {
            SumWrong::GoSum
        } else if h == want {
            SumWrong::Proxy
        } else {
            SumWrong::Unknown
        };
    }
    let heard: Vec<&str> = w
        .entries
        .iter()
        .filter_map(|e| e.go_mod_h1.as_deref())
        .collect();
    if heard.contains(&want) {
        return SumWrong::Proxy;
    }
    if !heard.is_empty() && heard.iter().all(|h| *h == got) {
        // Every source serves the new bytes. Without a database a moved tag is the likely
        // story; a public module the database would vouch for points at go.sum itself.
        return if m.nosumdb || m.private {
            SumWrong::Upstream
        } else {
            SumWrong::GoSum
        };
    }
    SumWrong::Unknown
}

/// Version, source and go.sum's verdict for each module of the outcome.
pub fn facts(cfg: &Config, plan: &crate::plan::Plan, walks: &[ModuleWalk], outcome: &mut Outcome) {
    let plans = by_label(plan);
    for o in &mut outcome.modules {
        let Some(&m) = plans.get(o.module.as_str()) else {
            continue;
        };
        let walk = walk_of(walks, m);
        let mut facts = ModuleFacts {
            version: m.version.clone(),
            source: Some(m.source),
            ..ModuleFacts::default()
        };
        if let Some((mismatch, _)) = walk.and_then(|w| sum_mismatch(cfg, w)) {
            facts.gosum = GoSumVerdict::Mismatch;
            facts.gosum_mismatch = Some(GoSumMismatch {
                file: mismatch.label.clone(),
                want: mismatch.recorded.hash.clone(),
                got: mismatch.downloaded.clone(),
                wrong: walk.map_or(SumWrong::Unknown, |w| who_is_wrong(m, &mismatch, w)),
            });
        } else {
            facts.gosum = recorded_verdict(cfg, m, walk);
        }
        o.facts = facts;
    }
}

/// go.sum without a mismatch: every needed hash recorded, and what could be compared agrees.
fn recorded_verdict(cfg: &Config, m: &ModulePlan, walk: Option<&ModuleWalk>) -> GoSumVerdict {
    let (Some(sums), Some(version)) = (cfg.gosum.as_ref(), m.version.as_deref()) else {
        return GoSumVerdict::NotChecked;
    };
    let needs_zip = m.files.contains(&ModuleFile::Zip);
    let needed = [(SumKind::GoMod, true), (SumKind::Zip, needs_zip)];
    if needed
        .iter()
        .any(|(kind, need)| *need && !sums.have_sum(&m.module, version, *kind, &cfg.rules_version))
    {
        return GoSumVerdict::Absent;
    }
    let go_mod_compared = walk.and_then(ModuleWalk::served_go_mod).is_some_and(|g| {
        matches!(
            sums.check(
                &m.module,
                version,
                SumKind::GoMod,
                &g.h1,
                &cfg.rules_version
            ),
            SumCheck::Listed
        )
    });
    let zip_compared = walk.and_then(served_zip).is_some_and(|(h1, _)| {
        matches!(
            sums.check(&m.module, version, SumKind::Zip, &h1, &cfg.rules_version),
            SumCheck::Listed
        )
    });
    if go_mod_compared && (!needs_zip || zip_compared) {
        GoSumVerdict::Match
    } else {
        GoSumVerdict::NotChecked
    }
}

/// A command that must find every hash in go.sum (`Plan::must_have_sums`) and does not: go stops
/// before it asks the network (`sumMissingError`). Fails those modules; the findings say which
/// lines to add, as go suggests. go reads the graph's go.mod files first, so a missing go.mod
/// hash is what it reports for a module whose zip hash is missing too.
pub fn missing_sums(cfg: &Config, plan: &crate::plan::Plan, outcome: &mut Outcome) -> Vec<Finding> {
    if !plan.must_have_sums {
        return Vec::new();
    }
    let Some(sums) = cfg.gosum.as_ref() else {
        return Vec::new();
    };
    let plans = by_label(plan);
    let mut first: Option<(String, &str, String)> = None;
    let mut paths: Vec<&str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for o in &mut outcome.modules {
        let Some(&m) = plans.get(o.module.as_str()) else {
            continue;
        };
        let Some(version) = m.version.as_deref() else {
            continue;
        };
        if o.predicted != Predicted::Ok || m.source == crate::plan::ModuleSource::Query {
            continue;
        }
        let have = |kind| sums.have_sum(&m.module, version, kind, &cfg.rules_version);
        let (error, what) = if !have(SumKind::GoMod) {
            // The wording gained "for go.mod file" after go1.19: go1.21.13's source has it,
            // go1.19's not; go1.20 could not be checked (its source is not at hand) and is
            // taken to be like go1.19.
            let suggestion = if cfg.rules_version.at_least(1, 21) {
                " for go.mod file; to add it:"
            } else {
                "; to add it:"
            };
            (
                format!(
                    "{}: missing go.sum entry{suggestion}\n\tgo mod download {}",
                    o.module, m.module
                ),
                "go.mod",
            )
        } else if m.files.contains(&ModuleFile::Zip) && !have(SumKind::Zip) {
            (
                format!(
                    "{}: missing go.sum entry for module providing a package of {}",
                    o.module, m.module
                ),
                "zip",
            )
        } else {
            continue;
        };
        o.predicted = Predicted::Fail;
        o.error = Some(error.clone());
        if first.is_none() {
            first = Some((o.module.clone(), what, error));
        }
        if seen.insert(m.module.as_str()) {
            paths.push(m.module.as_str());
        }
    }
    // One finding: the first module go stops on, and one command that adds every missing line.
    let mut findings = Vec::new();
    if let Some((module, what, error)) = first {
        findings.push(
            Finding::of(
                Code::GosumMissingEntry,
                text!(
                    "finding-gosum-missing-entry",
                    module = module.as_str(),
                    what = what,
                    command = plan.command.go.to_string(),
                ),
            )
            .param("module", module)
            .param("detail", error)
            .fix(Remedy::act(
                cfg,
                text!("remedy-gosum-add-entry"),
                super::remedy::Action::exec(
                    ["go", "mod", "download"]
                        .into_iter()
                        .chain(paths.iter().copied()),
                ),
            )),
        );
    }
    if !findings.is_empty() {
        outcome.predicted = Predicted::Fail;
        outcome
            .root_cause_code
            .get_or_insert(Code::GosumMissingEntry);
    }
    findings
}

/// The plan's modules by the label the outcome carries (`path@version`).
fn by_label(plan: &crate::plan::Plan) -> std::collections::HashMap<String, &ModulePlan> {
    plan.modules.iter().map(|m| (label(m), m)).collect()
}
