//! The routes go walks, over what the probes saw: each module's GOPROXY route ([`module`]), the
//! checksum database's ([`sumdb`]), the toolchain download at startup ([`toolchain`]) and the
//! switch in the middle of a command ([`mid_command`]). Here: what one attempt on one step of a
//! route came to, and the probe that stands for a step.

pub(super) mod mid_command;
pub(super) mod module;
pub(super) mod sumdb;
pub(super) mod toolchain;

use super::classify;
use super::failure::Failure;
use super::go_words::{as_go_read, go_error};
use crate::diagnose::{Code, Finding};
use crate::probe::{HttpError, ProbeError, Role, Target};

/// What one attempt on one route step came to, in go's terms.
#[derive(Debug, Clone)]
pub(super) enum Attempt {
    Served,
    /// 404/410: go moves on after `,` and `|`.
    NotFound(String),
    /// Any other failure, with the finding that explains it, and go's error.
    Failed(Box<Failure>, String),
    /// Nothing was probed for this step (offline assumptions apply).
    Unknown,
}

/// go stopped: the finding that explains it (None: the settings alone), and go's error (None:
/// what go prints is not known, see [`not_followed`]).
#[derive(Debug, Clone)]
pub(super) struct Stopped {
    pub root: Option<Finding>,
    pub error: Option<String>,
}

/// What go meets on a route of more than [`MAX_ROUTE_PROXIES`] GOPROXY entries when every
/// entry godoctor probed let it go on (404/410, or any failure after `|`): go tries the
/// `entries` after them, which godoctor did not probe, so neither its outcome nor its last
/// words are known. `kind` is `module`, `toolchain` or `sumdb`; `what` names the module (or
/// the checksum database).
///
/// [`MAX_ROUTE_PROXIES`]: crate::plan::MAX_ROUTE_PROXIES
pub(super) fn not_followed(kind: &'static str, what: &str, entries: usize) -> Finding {
    let first = crate::plan::MAX_ROUTE_PROXIES;
    Finding::of(
        Code::GoproxyNotFollowed,
        crate::text!(
            "finding-goproxy-not-followed",
            kind = kind,
            what = what,
            first = first,
            entries = entries,
        ),
    )
    .param("what", what)
    .param("entries", entries.to_string())
    .param("first", first.to_string())
}

/// The GOPROXY entries past the ones a route follows, when go would reach them: the walk went
/// through every step without stopping.
pub(super) fn entries_past(route: &[crate::plan::Step]) -> Option<usize> {
    match route.last() {
        Some(crate::plan::Step::NotFollowed { entries }) => Some(*entries),
        _ => None,
    }
}

/// What target `t` says about go's request for `go_url`.
pub(super) fn attempt_from(t: &Target, go_url: &str) -> Attempt {
    if let Some(l) = t.first_failure() {
        // Still arriving: go has no timeout there and gets the answer, late.
        if l.kind() == Some(HttpError::SlowProgress.into()) {
            return Attempt::Served;
        }
        if l.kind().is_some_and(ProbeError::is_not_found) {
            let msg = l
                .error
                .as_ref()
                .map(|e| as_go_read(&e.message, t, go_url))
                .unwrap_or_default();
            return Attempt::NotFound(msg);
        }
        return Attempt::Failed(Box::new(classify::failure(t, l)), go_error(go_url, t, l));
    }
    if t.layers.is_empty() && t.git.is_none() {
        return Attempt::Unknown;
    }
    Attempt::Served
}

pub(super) fn find(
    targets: &[Target],
    role: Role,
    pred: impl Fn(&Target) -> bool,
) -> Option<&Target> {
    targets.iter().find(|t| t.role == role && pred(t))
}

/// The GOPROXY entry a target stands for.
pub(super) fn ctx_proxy(t: &Target) -> Option<&str> {
    t.context(|c| c.proxy.as_deref())
}

/// The module a target stands for.
pub(super) fn ctx_module(t: &Target) -> Option<&str> {
    t.context(|c| c.module.as_deref())
}
