//! The route to the checksum database, as `initBase` chooses it (docs/go/semantics.md §3
//! "Choosing the URL"): each GOPROXY entry's `/sumdb/<name>/supported` — a 200 means that proxy
//! and only it; 404/410 (or any error after `|`) the next — then the database directly.

use super::super::classify;
use super::super::failure::Failure;
use super::super::go_words::go_error;
use super::{Attempt, attempt_from, find};
use crate::config::goproxy::FallThrough;
use crate::config::gosumdb::SumDbSetting;
use crate::diagnose::predict::{Predicted, SumdbOutcome};
use crate::diagnose::{Code, Layer};
use crate::plan::{Plan, SumdbStep};
use crate::probe::{LayerName, LayerResult, Role, Status, SumdbError, Target};
use crate::redact::redact_urls;

/// How the walk to the checksum database ended.
pub(in super::super) struct SumdbWalk {
    pub outcome: SumdbOutcome,
    /// Why go cannot verify (still to be told: a private module may explain it better).
    pub failure: Option<Failure>,
    /// go's error (None: it does not fail, or its words are not known).
    pub error: Option<String>,
}

impl SumdbWalk {
    fn ok(via: Option<String>) -> Self {
        SumdbWalk {
            outcome: SumdbOutcome {
                predicted: Predicted::Ok,
                via,
            },
            failure: None,
            error: None,
        }
    }

    fn failed(via: String, failure: Failure, error: String) -> Self {
        SumdbWalk {
            outcome: SumdbOutcome {
                predicted: Predicted::Fail,
                via: Some(via),
            },
            failure: Some(failure),
            error: Some(error),
        }
    }
}

/// initBase over the observations: which route go takes to the checksum database. `lookup`
/// (module, version) names the record go asks for first, so a direct failure quotes go's URL.
pub(in super::super) fn walk_sumdb(
    targets: &[Target],
    plan: &Plan,
    lookup: Option<(&str, &str)>,
) -> SumdbWalk {
    for step in &plan.sumdb_route {
        match step {
            SumdbStep::ViaProxy {
                proxy,
                supported_url,
                fall_through,
                ..
            } => {
                let Some(t) = find(targets, Role::SumdbViaProxy, |t| {
                    t.url == redact_urls(supported_url)
                }) else {
                    continue;
                };
                let http_ok = t.layer(LayerName::Http).is_some_and(LayerResult::is_ok);
                if http_ok {
                    // 200 on supported: this proxy only, never the database directly.
                    return match t.layer(LayerName::Sumdb) {
                        Some(l) if l.status == Status::Ok => {
                            SumdbWalk::ok(Some(redact_urls(proxy)))
                        }
                        Some(l) if l.status == Status::Skipped => {
                            SumdbWalk::ok(Some(redact_urls(proxy)))
                        }
                        Some(l) => {
                            let mut f = classify::failure(t, l);
                            f.layer = Layer::Sumdb;
                            // The relay passed the database's own answers on: the database is
                            // the host at fault (docs/json-contract.md `host`).
                            if matches!(
                                f.code,
                                Code::SumdbSignatureInvalid | Code::SumdbLookupNotFound
                            ) && let Ok(SumDbSetting::Db(db)) = &plan.sumdb
                            {
                                f.host = Some(db.name.clone());
                            }
                            let e = l
                                .error
                                .as_ref()
                                .map(|e| e.message.clone())
                                .unwrap_or_default();
                            SumdbWalk::failed(redact_urls(proxy), f, e)
                        }
                        None => SumdbWalk::ok(Some(redact_urls(proxy))),
                    };
                }
                match attempt_from(t, supported_url) {
                    Attempt::NotFound(_) | Attempt::Unknown => continue,
                    Attempt::Failed(_, _) if *fall_through == FallThrough::AnyError => continue,
                    Attempt::Failed(f, e) => {
                        let f = f.reclassified(Code::SumdbProxyFailed);
                        return SumdbWalk::failed(redact_urls(proxy), f, e);
                    }
                    Attempt::Served => return SumdbWalk::ok(Some(redact_urls(proxy))),
                }
            }
            SumdbStep::Direct { url, .. } if plan.sumdb_not_followed > 0 => {
                // Every relay probed passed, and go asks the entries after them before the
                // database: which one it ends on, and how, is not known. Failing is the safe
                // prediction; go's words are not claimed.
                let what = match &plan.sumdb {
                    Ok(SumDbSetting::Db(db)) => db.name.clone(),
                    _ => redact_urls(url),
                };
                let f = super::not_followed("sumdb", &what, plan.sumdb_not_followed);
                return SumdbWalk {
                    outcome: SumdbOutcome {
                        predicted: Predicted::Fail,
                        via: None,
                    },
                    failure: Some(Failure::said(f)),
                    error: None,
                };
            }
            SumdbStep::Direct { url, .. } => {
                let latest = format!("{}/latest", url.trim_end_matches('/'));
                let Some(t) = find(targets, Role::Sumdb, |t| t.url == redact_urls(&latest)) else {
                    return SumdbWalk::ok(Some(redact_urls(url)));
                };
                if let Some(l) = t.first_failure() {
                    let mut f = classify::failure(t, l);
                    // go's client asks for the record first; /latest only after it.
                    let go_url = match lookup {
                        Some((m, v)) => format!(
                            "{}/lookup/{}@{}",
                            url.trim_end_matches('/'),
                            crate::plan::escape_path(m),
                            crate::plan::escape_path(v)
                        ),
                        None => latest.clone(),
                    };
                    let e = go_error(&go_url, t, l);
                    if l.kind() == Some(SumdbError::LookupNotFound.into()) {
                        f = f.reclassified(Code::SumdbLookupNotFound);
                    } else if l.layer != LayerName::Sumdb {
                        f = f.reclassified(Code::SumdbUnreachable);
                    }
                    f.layer = Layer::Sumdb;
                    return SumdbWalk::failed(redact_urls(url), f, e);
                }
                return SumdbWalk::ok(Some(redact_urls(url)));
            }
        }
    }
    SumdbWalk::ok(None)
}
