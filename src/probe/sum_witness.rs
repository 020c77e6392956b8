//! When go.sum disagrees with the go.mod a GOPROXY entry served, the other witnesses: the
//! checksum database's signed record (along go's checksum route) and the module's other GOPROXY
//! entries. Asked only after a mismatch, so a healthy check never pays for it; diagnosis decides
//! from them who is wrong (go.sum, the proxy, or the release upstream).

use super::Deadline;
use super::engine::Setup;
use super::fetch::How;
use super::modules::{ModuleWalk, Pool};
use super::sumdb::{NoteVerdict, parse_lookup, verify_note};
use crate::config::gosum::{GoSumFiles, SumCheck, SumKind};
use crate::config::goversion::GoVersion;
use crate::plan::{ModuleFile, ModulePlan, Plan, Step, SumdbStep, escape_path};
use crate::redact::redact_urls;

/// Other entries asked at most for the same go.mod.
const MAX_OTHER_ENTRIES: usize = 3;

/// What the other witnesses say about one module version's go.mod.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SumWitnesses {
    /// The checksum database, when it answered a lookup.
    pub sumdb: Option<SumdbWitness>,
    /// The module's other GOPROXY entries, in route order.
    pub entries: Vec<EntryWitness>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SumdbWitness {
    /// The lookup URL, redacted.
    pub url: String,
    /// The `/go.mod` hash it records; None when it answered 404/410 (it does not know the
    /// module) or its record has no such line.
    pub go_mod_h1: Option<String>,
    /// The record's tree head is signed by the database's key.
    pub verified: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryWitness {
    /// The entry, redacted.
    pub proxy: String,
    /// The hash of the go.mod it served; None when it served none.
    pub go_mod_h1: Option<String>,
}

/// A module's own lookup in the checksum database, as go makes it for a module go.sum does not
/// cover (`<base>/lookup/M@V` on the first base that serves the database).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleLookup {
    /// The lookup URL, redacted.
    pub url: String,
    pub status: u16,
    /// go's words for a status it does not take (`reading URL: 404 Not Found` and the body).
    pub go_error: Option<String>,
}

/// go.sum and where the checksum database is asked, for [`gather`] and [`lookup`].
pub(super) struct WitnessContext {
    gosum: Option<GoSumFiles>,
    rules: GoVersion,
    /// Whether a relay's `/supported` said yes, per base (asked once).
    supported: std::sync::Mutex<std::collections::HashMap<String, bool>>,
    /// `…/lookup/` bases along go's checksum route, in order, and whether the base is the
    /// database itself (a relay's 404 only means it does not relay).
    lookup_bases: Vec<(String, bool)>,
}

impl WitnessContext {
    pub(super) fn new(cfg: &crate::config::Config, plan: &Plan) -> WitnessContext {
        WitnessContext {
            supported: Default::default(),
            gosum: cfg.gosum.clone(),
            rules: cfg.rules_version.clone(),
            lookup_bases: plan
                .sumdb_route
                .iter()
                .map(|s| match s {
                    SumdbStep::ViaProxy { supported_url, .. } => (
                        supported_url.trim_end_matches("/supported").to_owned(),
                        false,
                    ),
                    SumdbStep::Direct { url, .. } => (url.trim_end_matches('/').to_owned(), true),
                })
                .collect(),
        }
    }

    /// The served go.mod disagrees with go.sum.
    fn mismatched(&self, walk: &ModuleWalk) -> bool {
        let (Some(sums), Some(served)) = (&self.gosum, walk.served_go_mod()) else {
            return false;
        };
        matches!(
            sums.check(
                &walk.module,
                &walk.version,
                SumKind::GoMod,
                &served.h1,
                &self.rules
            ),
            SumCheck::Mismatch(_)
        )
    }
}

/// Asks the witnesses about `walk`'s go.mod, when go.sum disagrees with what was served.
pub(super) async fn gather(
    setup: &Setup,
    pool: &Pool,
    deadline: Deadline,
    ctx: &WitnessContext,
    m: &ModulePlan,
    walk: &ModuleWalk,
) -> Option<SumWitnesses> {
    if !ctx.mismatched(walk) {
        return None;
    }
    let served_by = walk
        .files
        .iter()
        .find(|f| f.file == ModuleFile::Mod)
        .and_then(|f| f.asked.last())
        .map(|a| a.proxy.clone());
    let mut out = SumWitnesses::default();
    if !m.nosumdb
        && let Some(db) = &setup.sumdb
    {
        for (base, database) in &ctx.lookup_bases {
            let url = format!(
                "{base}/lookup/{}@{}",
                escape_path(&walk.module),
                escape_path(&walk.version)
            );
            let Ok(a) = pool.get(setup, deadline, &url, &How::default()).await else {
                continue;
            };
            if *database && matches!(a.status, 404 | 410) {
                out.sumdb = Some(SumdbWitness {
                    url: redact_urls(&url),
                    go_mod_h1: None,
                    verified: false,
                });
                break;
            }
            let Some(lookup) = (a.status == 200)
                .then(|| parse_lookup(&a.body).ok())
                .flatten()
            else {
                continue;
            };
            let want = format!("{} {}/go.mod ", walk.module, walk.version);
            out.sumdb = Some(SumdbWitness {
                url: redact_urls(&url),
                go_mod_h1: lookup
                    .lines
                    .iter()
                    .find_map(|l| l.strip_prefix(&want).map(str::to_owned)),
                verified: matches!(verify_note(&lookup.note, db), NoteVerdict::Verified { .. }),
            });
            break;
        }
    }
    for step in &m.route {
        if out.entries.len() >= MAX_OTHER_ENTRIES {
            break;
        }
        let Step::Proxy { proxy, url, .. } = step else {
            continue;
        };
        if served_by.as_deref() == Some(redact_urls(proxy).as_str()) {
            continue;
        }
        let file_url = ModuleFile::Mod.url(url, &walk.version);
        let go_mod_h1 = match pool.get(setup, deadline, &file_url, &How::default()).await {
            Ok(a) if a.status == 200 && a.body_complete => {
                Some(crate::dirhash::hash_go_mod(&a.body))
            }
            _ => None,
        };
        out.entries.push(EntryWitness {
            proxy: redact_urls(proxy),
            go_mod_h1,
        });
    }
    Some(out)
}

/// The lookup go makes for `m` (a module go.sum does not cover, verified by the database), on
/// the first base of go's checksum route that serves the database: a relay whose `/supported`
/// answers 404/410 is passed over, as go passes over it. None when go makes no lookup or no
/// base answered (the checksum route's own probes say why).
pub(super) async fn lookup(
    setup: &Setup,
    pool: &Pool,
    deadline: Deadline,
    ctx: &WitnessContext,
    m: &ModulePlan,
    walk: &ModuleWalk,
) -> Option<ModuleLookup> {
    setup.sumdb.as_ref()?;
    if !m.needs_sumdb || walk.served_go_mod().is_none() {
        return None;
    }
    for (base, database) in &ctx.lookup_bases {
        if !*database {
            let known = ctx
                .supported
                .lock()
                .expect("supported lock")
                .get(base)
                .copied();
            let supported = match known {
                Some(s) => s,
                None => {
                    let url = format!("{base}/supported");
                    let s = match pool.get(setup, deadline, &url, &How::default()).await {
                        Ok(a) if a.status == 200 => true,
                        Ok(a) if matches!(a.status, 404 | 410) => false,
                        // Another answer stops go here: the route's probes report it.
                        _ => return None,
                    };
                    ctx.supported
                        .lock()
                        .expect("supported lock")
                        .insert(base.clone(), s);
                    s
                }
            };
            if !supported {
                continue;
            }
        }
        let url = format!(
            "{base}/lookup/{}@{}",
            escape_path(&walk.module),
            escape_path(&walk.version)
        );
        let a = pool
            .get(setup, deadline, &url, &How::default())
            .await
            .ok()?;
        return Some(ModuleLookup {
            url: redact_urls(&url),
            status: a.status,
            go_error: (a.status != 200).then(|| {
                crate::plan::goerror::status_line_error(
                    &url,
                    &a.status_text(),
                    a.header("content-type"),
                    &a.body,
                )
            }),
        });
    }
    None
}
