//! The required modules' go.mod files, read for their `go` lines (a line newer than the running
//! go makes go switch toolchains mid-command): in a few lanes of kept-alive requests, the first
//! on the connection the version list came over. Output: one [`GoModFetch`] per file.

use super::Deadline;
use super::engine::Setup;
use super::evidence::GoModFetch;
use super::fetch::{Fetched, fetch, follow_up};

/// At most this many connections read go.mod files for one proxy: the one the list came over,
/// and more only when there are many files.
const GO_MOD_LANES: usize = 4;
const GO_MODS_PER_LANE: usize = 6;

/// Each required module's go.mod: its `go` line, or why it is unknown. The files are read in
/// up to [`GO_MOD_LANES`] lanes of kept-alive requests, the first on the open connection.
pub(super) async fn read_go_lines(
    setup: &Setup,
    deadline: Deadline,
    f: &mut Fetched,
    go_mods: &[(String, String, String)],
) -> Vec<GoModFetch> {
    let lanes = go_mods
        .len()
        .div_ceil(GO_MODS_PER_LANE)
        .clamp(1, GO_MOD_LANES);
    let size = go_mods.len().div_ceil(lanes).max(1);
    let chunks: Vec<&[(String, String, String)]> = go_mods.chunks(size).collect();
    let chunk = |i: usize| chunks.get(i).copied().unwrap_or_default();
    let (a, b, c, d) = tokio::join!(
        go_mod_lane(setup, deadline, Some(f), chunk(0)),
        go_mod_lane(setup, deadline, None, chunk(1)),
        go_mod_lane(setup, deadline, None, chunk(2)),
        go_mod_lane(setup, deadline, None, chunk(3)),
    );
    [a, b, c, d].concat()
}

/// One lane: its files in order over one connection (opened by the first request unless given).
async fn go_mod_lane(
    setup: &Setup,
    deadline: Deadline,
    mut conn: Option<&mut Fetched>,
    chunk: &[(String, String, String)],
) -> Vec<GoModFetch> {
    let mut out = Vec::new();
    let mut own: Option<Fetched> = None;
    for (module, version, url) in chunk {
        if deadline.remaining().is_zero() {
            break;
        }
        let answer = if url.starts_with("file:") {
            // No connection to keep; a missing file is go's 404, with its status.
            let g = fetch(setup, deadline, url, true, false).await;
            match g.answer {
                Some(a) => Ok(a),
                None => {
                    let failed = g.layers.iter().find(|l| l.error.is_some());
                    match failed
                        .and_then(|l| l.detail.as_http())
                        .map(|h| h.status)
                        .filter(|s| *s > 0)
                    {
                        Some(status) => {
                            out.push(GoModFetch {
                                status: Some(status),
                                ..GoModFetch::new(module, version)
                            });
                            continue;
                        }
                        None => Err(failed
                            .and_then(|l| l.error.as_ref().map(|e| e.message.clone()))
                            .unwrap_or_else(|| "no answer".into())),
                    }
                }
            }
        } else if let Some(f) = conn.as_deref_mut().or(own.as_mut()) {
            follow_up(setup, deadline, f, url)
                .await
                .map_err(|e| format!("{e:?}"))
        } else {
            let g = fetch(setup, deadline, url, true, false).await;
            let answer = g.answer.clone().ok_or_else(|| {
                g.layers
                    .iter()
                    .find_map(|l| l.error.as_ref().map(|e| e.message.clone()))
                    .unwrap_or_else(|| "no answer".into())
            });
            own = Some(g);
            answer
        };
        let mut entry = GoModFetch::new(module, version);
        match answer {
            Ok(a) => {
                entry.status = Some(a.status);
                if a.status == 200
                    && let Some(go) =
                        crate::config::gomod::go_line(&String::from_utf8_lossy(&a.body))
                {
                    entry.go = Some(Some(go));
                }
            }
            Err(e) => entry.error = Some(e),
        }
        out.push(entry);
    }
    out
}
