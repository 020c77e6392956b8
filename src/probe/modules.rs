//! Every module go fetches, on the route go takes for it: each file the plan names (`.info`,
//! `.mod`, the zip) asked of the GOPROXY entries in order until one serves it or go would stop
//! there, over kept-alive connections shared per origin with bounded concurrency. Nothing is
//! extrapolated from one module to another.
//!
//! Input: the plan's modules (their routes, files and fall-through rules — go's semantics stay
//! in plan); output: one [`ModuleWalk`] per module, judged by diagnosis.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::Semaphore;

use super::engine::Setup;
use super::fetch::{Fetched, How, fetch_as, follow_up_as};
use super::http::{Answer, RequestError};
use super::sum_witness::{ModuleLookup, SumWitnesses, WitnessContext};
use super::{Deadline, ProbeError, TcpError};
use crate::config::gourl;
use crate::plan::{ModuleFile, ModulePlan, Step, falls_through, goerror, private_hint};

/// Connections one origin gets at most: go's own download runs modules in parallel too.
const LANES_PER_ORIGIN: usize = 6;
/// Requests one check makes at most for module files; the rest is reported as not asked.
pub const MAX_FILE_REQUESTS: usize = 4000;
/// A go.mod bigger than this is not hashed (go.mod files are a few kilobytes).
const MAX_GO_MOD: usize = 64 << 10;
/// `--verify-zips`: a zip bigger than this is not downloaded (it is reported as not checked).
pub const MAX_VERIFIED_ZIP: usize = 64 << 20;
/// `--verify-zips`: zips downloaded at once (each is held in memory while it is hashed).
const ZIPS_AT_ONCE: usize = 2;

/// One module version's files, each walked along the module's route.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleWalk {
    pub module: String,
    pub version: String,
    pub files: Vec<FileWalk>,
    /// go.sum disagreed with the go.mod served: what the other witnesses say.
    pub witnesses: Option<SumWitnesses>,
    /// The module's own lookup in the checksum database, when go makes one.
    pub lookup: Option<ModuleLookup>,
}

/// One file of a module, asked of the GOPROXY entries in route order.
#[derive(Debug, Clone, PartialEq)]
pub struct FileWalk {
    pub file: ModuleFile,
    /// The entries asked, in order; the walk stops where go stops.
    pub asked: Vec<Asked>,
    pub end: WalkEnd,
}

/// Where go's walk for a file ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkEnd {
    /// The last entry asked served it.
    Served,
    /// The last entry asked failed, and go does not move past that failure.
    Stopped,
    /// Every entry fell through and the list ended (go reports the errors it collected).
    RanOut,
    /// The route continues with `direct` (judged by the discovery and git probes).
    Direct,
    /// The route continues with `off`.
    Off,
    /// The deadline or the request limit came first.
    NotFinished,
}

/// One GOPROXY entry asked for one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    /// The entry, redacted.
    pub proxy: String,
    /// The file's URL, redacted.
    pub url: String,
    pub answer: FileAnswer,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FileAnswer {
    /// An HTTP (or `file://`) answer.
    Status {
        status: u16,
        /// go's words for a status it will not take (`reading URL: 404 Not Found` …).
        go_error: Option<String>,
        /// A `.mod` that was served whole.
        go_mod: Option<ServedGoMod>,
        /// A zip downloaded whole (`--verify-zips`).
        zip: Option<ServedZip>,
    },
    /// Nothing answered.
    Failed { kind: ProbeError, message: String },
}

impl FileAnswer {
    /// The status, if the entry answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            FileAnswer::Status { status, .. } => Some(*status),
            FileAnswer::Failed { .. } => None,
        }
    }
}

/// A served go.mod: what go would hash and read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedGoMod {
    /// Its `h1:` hash, as go.sum's `/go.mod` line records it.
    pub h1: String,
    /// Its `go` line.
    pub go: Option<String>,
    /// Its requirements (`path`, `version`): the module graph continues there.
    pub requires: Vec<(String, String)>,
    /// The file as go reads a dependency's go.mod (diagnosis checks its go line laxly).
    pub parsed: Box<crate::config::gomod::GoMod>,
}

impl ModuleWalk {
    /// The go.mod this walk was served, if any.
    pub fn served_go_mod(&self) -> Option<&ServedGoMod> {
        self.files
            .iter()
            .filter(|f| f.file == ModuleFile::Mod && f.end == WalkEnd::Served)
            .flat_map(|f| f.asked.last())
            .find_map(|a| match &a.answer {
                FileAnswer::Status { go_mod, .. } => go_mod.as_ref(),
                FileAnswer::Failed { .. } => None,
            })
    }
}

/// A zip downloaded whole: its `h1:` hash as go.sum records it, or why it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedZip {
    pub bytes: usize,
    pub h1: Result<String, String>,
}

/// Kept-alive connections to one origin, and the permits that bound them.
struct Origin {
    permits: Semaphore,
    idle: Mutex<Vec<Fetched>>,
}

/// Connections shared by every module walk, per origin.
pub(super) struct Pool {
    origins: Mutex<HashMap<String, Arc<Origin>>>,
    /// Requests left before [`MAX_FILE_REQUESTS`].
    budget: Mutex<usize>,
    /// `--verify-zips`: whole zips in flight.
    zips: Semaphore,
}

/// `scheme://host:port` of a URL: what a kept-alive connection can serve.
fn origin_of(url: &str) -> String {
    match gourl::parse(url) {
        Ok(u) => format!("{}://{}", u.scheme, u.host),
        Err(_) => url.to_owned(),
    }
}

impl Pool {
    pub(super) fn new() -> Self {
        Pool {
            origins: Mutex::new(HashMap::new()),
            budget: Mutex::new(MAX_FILE_REQUESTS),
            zips: Semaphore::new(ZIPS_AT_ONCE),
        }
    }

    fn origin(&self, key: &str) -> Arc<Origin> {
        let mut all = self.origins.lock().expect("pool lock");
        all.entry(key.to_owned())
            .or_insert_with(|| {
                Arc::new(Origin {
                    permits: Semaphore::new(LANES_PER_ORIGIN),
                    idle: Mutex::new(Vec::new()),
                })
            })
            .clone()
    }

    fn take_budget(&self) -> bool {
        let mut left = self.budget.lock().expect("budget lock");
        if *left == 0 {
            return false;
        }
        *left -= 1;
        true
    }

    /// GET `url` on a kept-alive connection to its origin, or a new one, the way `how` says (the
    /// first byte of a zip; a whole zip); redirects followed as go follows them.
    pub(super) async fn get(
        &self,
        setup: &Setup,
        deadline: Deadline,
        url: &str,
        how: &How,
    ) -> Result<Answer, (ProbeError, String)> {
        let key = origin_of(url);
        let origin = self.origin(&key);
        let _permit = origin.permits.acquire().await.map_err(|_| closed())?;
        let _zip = match how.download {
            Some(_) => Some(self.zips.acquire().await.map_err(|_| closed())?),
            None => None,
        };
        let conn = origin.idle.lock().expect("idle lock").pop();
        let (answer, keep) = match conn {
            Some(mut f) => {
                let answer = follow_up_as(setup, deadline, &mut f, url, how).await;
                (answer.map_err(request_error), Some(f))
            }
            None => {
                let public = gourl::parse(url)
                    .map(|u| private_hint(u.hostname(), &setup.netrc).is_none())
                    .unwrap_or(true);
                let f = fetch_as(setup, deadline, url, public, how).await;
                let answer = match &f.answer {
                    Some(a) => Ok(a.clone()),
                    None => Err(first_error(&f)),
                };
                (answer, Some(f))
            }
        };
        let answer = match answer {
            // A redirect on a kept-alive connection (a zip on a CDN): fetch follows it.
            Ok(a) if matches!(a.status, 301 | 302 | 303 | 307 | 308) => {
                let f = fetch_as(setup, deadline, url, true, how).await;
                f.answer.clone().ok_or_else(|| first_error(&f))
            }
            other => other,
        };
        if let Some(f) = keep
            && f.conn.is_some()
            && origin_of(&f.final_url.to_string()) == key
        {
            origin.idle.lock().expect("idle lock").push(f);
        }
        answer
    }
}

fn closed() -> (ProbeError, String) {
    (
        ProbeError::Tcp(TcpError::Other),
        "connection pool closed".to_owned(),
    )
}

fn first_error(f: &Fetched) -> (ProbeError, String) {
    f.layers
        .iter()
        .find_map(|l| l.error.as_ref().map(|e| (e.kind, e.message.clone())))
        .unwrap_or_else(|| (ProbeError::Tcp(TcpError::Other), "no answer".to_owned()))
}

fn request_error(e: RequestError) -> (ProbeError, String) {
    match e {
        RequestError::HeadersTimeout(waited) => (
            ProbeError::Http(super::HttpError::HeadersTimeout),
            super::no_answer("response headers", waited),
        ),
        RequestError::Protocol(m) => (ProbeError::Http(super::HttpError::Protocol), m),
    }
}

/// The answer as the walk records it.
fn judge(url: &str, file: ModuleFile, a: &Answer, whole_zip: bool) -> FileAnswer {
    let ok = match file {
        ModuleFile::Zip => matches!(a.status, 200 | 206),
        _ => a.status == 200,
    };
    let go_mod = (ok && file == ModuleFile::Mod && a.body_complete && a.body.len() <= MAX_GO_MOD)
        .then(|| {
            let parsed = crate::config::gomod::parse(&String::from_utf8_lossy(&a.body), false);
            ServedGoMod {
                h1: crate::dirhash::hash_go_mod(&a.body),
                go: parsed.go.clone(),
                requires: parsed
                    .requires
                    .iter()
                    .map(|r| (r.path.clone(), r.version.clone()))
                    .collect(),
                parsed: Box::new(parsed),
            }
        });
    FileAnswer::Status {
        // A range answer is the zip being there.
        status: if ok { 200 } else { a.status },
        go_error: (!ok).then(|| {
            goerror::status_line_error(
                &crate::redact::redact_urls(url),
                &a.status_text(),
                a.header("content-type"),
                &a.body,
            )
        }),
        go_mod,
        zip: (ok && whole_zip && a.status == 200).then(|| ServedZip {
            bytes: a.body.len(),
            h1: if a.body_complete {
                crate::dirhash::hash_zip(
                    std::io::Cursor::new(&a.body[..]),
                    crate::dirhash::ZipLimits::default(),
                )
                .map_err(|e| e.to_string())
            } else {
                Err(format!("larger than {} MiB", MAX_VERIFIED_ZIP >> 20))
            },
        }),
    }
}

/// One file of `m` along its route, as far as go goes.
async fn walk_file(
    setup: &Setup,
    pool: &Pool,
    deadline: Deadline,
    m: &ModulePlan,
    version: &str,
    file: ModuleFile,
) -> FileWalk {
    let mut asked = Vec::new();
    for step in &m.route {
        let (proxy, list_url, fall_through) = match step {
            Step::Proxy {
                proxy,
                url,
                fall_through,
                ..
            } => (proxy, url, *fall_through),
            Step::Skipped { .. } | Step::NotFollowed { .. } => continue,
            Step::Direct(_) => {
                return FileWalk {
                    file,
                    asked,
                    end: WalkEnd::Direct,
                };
            }
            Step::Off => {
                return FileWalk {
                    file,
                    asked,
                    end: WalkEnd::Off,
                };
            }
        };
        if deadline.remaining().is_zero() || !pool.take_budget() {
            return FileWalk {
                file,
                asked,
                end: WalkEnd::NotFinished,
            };
        }
        let url = file.url(list_url, version);
        let whole_zip = file == ModuleFile::Zip && setup.verify_zips;
        let how = How {
            range: file == ModuleFile::Zip && !whole_zip,
            download: whole_zip.then_some(MAX_VERIFIED_ZIP),
            ..How::default()
        };
        let answer = match pool.get(setup, deadline, &url, &how).await {
            Ok(a) => judge(&url, file, &a, whole_zip),
            Err((kind, message)) => FileAnswer::Failed {
                kind,
                message: crate::redact::redact_urls(&message),
            },
        };
        let status = answer.status();
        asked.push(Asked {
            proxy: crate::redact::redact_urls(proxy),
            url: crate::redact::redact_urls(&url),
            answer,
        });
        if status == Some(200) {
            return FileWalk {
                file,
                asked,
                end: WalkEnd::Served,
            };
        }
        if !falls_through(fall_through, status) {
            return FileWalk {
                file,
                asked,
                end: WalkEnd::Stopped,
            };
        }
    }
    FileWalk {
        file,
        asked,
        end: WalkEnd::RanOut,
    }
}

/// One module: its files in go's order; go stops at the first file it cannot get. A go.mod
/// that go.sum disagrees with gets its witnesses heard.
pub(super) async fn walk_module(
    setup: &Setup,
    pool: &Pool,
    deadline: Deadline,
    witness: &WitnessContext,
    m: &ModulePlan,
) -> ModuleWalk {
    let version = m.version.clone().unwrap_or_default();
    let mut files = Vec::new();
    for &file in &m.files {
        let walk = walk_file(setup, pool, deadline, m, &version, file).await;
        let go_stops = matches!(walk.end, WalkEnd::Stopped | WalkEnd::RanOut | WalkEnd::Off);
        files.push(walk);
        if go_stops {
            break;
        }
    }
    let mut walk = ModuleWalk {
        module: m.module.clone(),
        version,
        files,
        witnesses: None,
        lookup: None,
    };
    walk.witnesses = super::sum_witness::gather(setup, pool, deadline, witness, m, &walk).await;
    walk.lookup = super::sum_witness::lookup(setup, pool, deadline, witness, m, &walk).await;
    walk
}
