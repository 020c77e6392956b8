//! Each module's own answers (probe::modules): what a GOPROXY entry said about this module's
//! files, as a target the route walk judges like any other — so a 404 for one module is never
//! copied onto another, and a module missing from a proxy that serves its neighbours is seen —
//! and go.sum's verdict on the go.mod each entry served.

use super::predict::{GoSumMismatch, GoSumVerdict, ModuleFacts, Outcome, SumWrong, label};
use crate::config::Config;
use crate::config::gosum::{Mismatch, SumCheck, SumKind};
use crate::plan::{ModuleFile, ModulePlan};
use crate::probe::evidence::HttpEvidence;
use crate::probe::modules::{Asked, FileAnswer, ModuleWalk};
use crate::probe::{Evidence, HttpError, LayerName, LayerResult, Role, Target};
use crate::redact::redact_urls;

/// The walk of `m`, if the probes made one.
pub fn walk_of<'a>(walks: &'a [ModuleWalk], m: &ModulePlan) -> Option<&'a ModuleWalk> {
    let version = m.version.as_deref()?;
    walks
        .iter()
        .find(|w| w.module == m.module && w.version == version)
}

/// What `proxy` answered for `m`'s files, as a target: the host's own layers (DNS, TCP, TLS as
/// the host probe saw them) and an HTTP layer with this module's answer — the first file it did
/// not serve, else the last it served. None when nothing was asked of `proxy` for `m`, or when
/// the request got no answer at all (the host probe's layers say why, better).
pub fn entry_target(walk: &ModuleWalk, proxy: &str, host: Option<&Target>) -> Option<Target> {
    let proxy = redact_urls(proxy);
    let asked: Vec<(ModuleFile, &Asked)> = walk
        .files
        .iter()
        .flat_map(|f| f.asked.iter().map(move |a| (f.file, a)))
        .filter(|(_, a)| a.proxy == proxy)
        .collect();
    let (_, decisive) = asked
        .iter()
        .find(|(_, a)| a.answer.status() != Some(200))
        .or(asked.last())
        .copied()?;
    let http = match &decisive.answer {
        FileAnswer::Status { status: 200, .. } => LayerResult::ok(
            LayerName::Http,
            Default::default(),
            HttpEvidence::status(200),
        ),
        FileAnswer::Status {
            status, go_error, ..
        } => {
            let kind = if matches!(status, 404 | 410) {
                HttpError::NotFound
            } else {
                HttpError::Status
            };
            LayerResult::fail(
                Default::default(),
                kind,
                go_error.clone().unwrap_or_default(),
                Evidence::from(HttpEvidence::status(*status)),
            )
        }
        FileAnswer::Failed { .. } => return None,
    };
    let mut layers: Vec<LayerResult> = host
        .map(|t| {
            t.layers
                .iter()
                .filter(|l| l.layer != LayerName::Http && l.is_ok())
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    layers.push(http);
    Some(Target {
        url: decisive.url.clone(),
        role: Role::Proxy,
        host: crate::config::gourl::parse(&decisive.url)
            .map(|u| u.hostname().to_owned())
            .unwrap_or_default(),
        via_proxy: host.and_then(|t| t.via_proxy.clone()),
        layers,
        context: host.and_then(|t| t.context.clone()),
        git: None,
    })
}

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
    for o in &mut outcome.modules {
        let Some(m) = plan.modules.iter().find(|m| label(m) == o.module) else {
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
