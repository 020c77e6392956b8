//! Each module's own answers (probe::modules): what a GOPROXY entry said about this module's
//! files, as a target the route walk judges like any other — so a 404 for one module is never
//! copied onto another, and a module missing from a proxy that serves its neighbours is seen —
//! the walk of each module for the rest of diagnosis (`sums.rs` holds go.sum's verdicts).

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
