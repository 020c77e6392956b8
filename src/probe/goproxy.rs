//! The GOPROXY protocol probes: a module's `@v/list` (and the `.info` of the required version),
//! a `file://` proxy's first file, the toolchain zip and list, go-get discovery (judged in
//! discovery/) — each answer judged the way go reads it (status, HTML, payload), with what
//! was read kept as evidence. Input: a URL and its purpose from targets.rs; output: the
//! [`Target`].

use std::time::Duration;

use super::discovery;
use super::engine::Setup;
use super::evidence::{
    DiscoveryEvidence, Evidence, GoModFetch, InfoCheck, PrefixPage, TargetContext,
};
use super::fetch::{Fetched, fetch, follow_up, http_evidence};
use super::go_lines::read_go_lines;
use super::http::{self, Answer, RequestError};
use super::sumdb::{verify_answer, verify_db};
use super::targets::Purpose;
use super::{Deadline, HttpError, LayerName, LayerResult, Role, Target};
use crate::config::gourl;
use crate::plan::{goerror, private_hint};

/// Replaces the last HTTP layer's verdict (keeping its timing and detail).
fn judge(layers: &mut [LayerResult], kind: HttpError, message: String) {
    if let Some(h) = layers.iter_mut().rev().find(|l| l.layer == LayerName::Http) {
        let detail = std::mem::replace(&mut h.detail, Evidence::Nothing);
        *h = LayerResult::fail(
            Duration::from_secs_f64(h.ms / 1000.0),
            kind,
            message,
            detail,
        );
    }
}

/// How go words a status it will not take, for this answer (plan/goerror.rs).
pub(super) fn go_status_error(url: &str, a: &Answer) -> String {
    goerror::status_line_error(url, &a.status_text(), a.header("content-type"), &a.body)
}

/// Judges a status and body the way go reads them, for an answer that should be `kind`.
fn check_status(layers: &mut [LayerResult], url: &str, a: &Answer) -> bool {
    match a.status {
        200 => {}
        404 | 410 => {
            judge(layers, HttpError::NotFound, go_status_error(url, a));
            return false;
        }
        _ if http::is_html(a) && a.status < 500 => {
            judge(
                layers,
                HttpError::HtmlError,
                format!(
                    "{} (an HTML page: a login page, a proxy's block page or a captive portal)",
                    go_status_error(url, a)
                ),
            );
            return false;
        }
        _ => {
            judge(layers, HttpError::Status, go_status_error(url, a));
            return false;
        }
    }
    if !a.body_complete {
        let shown = crate::redact::redact_urls(url);
        let (kind, message) = if a.body_ended {
            // Longer than godoctor keeps, but it ended: go reads all of it (no size limit for
            // the files it reads through a proxy but the zip) and judges what it read; the
            // lines kept stand for the rest (the evidence counts every byte received).
            return true;
        } else if let (Some(length), true) = (content_length(a), a.still_flowing) {
            // A known end, still coming: go reads on to it.
            let rate = a.body_total as f64 / a.total.as_secs_f64().max(0.001);
            let more = length.saturating_sub(a.body_total) as f64 / rate.max(1.0);
            (
                HttpError::SlowProgress,
                format!(
                    "GET {shown}: {} of {length} bytes arrived in {} ms; go reads the body to its end (about {:.0} s more at this rate)",
                    a.body_total,
                    a.total.as_millis(),
                    more.ceil()
                ),
            )
        } else if a.still_flowing {
            // No end announced (chunked, or read to the close): go reads on as long as bytes
            // come, with no size limit for these files, whether or not godoctor kept them all.
            (
                HttpError::SlowProgress,
                format!(
                    "GET {shown}: {} bytes arrived in {} ms and more was still coming, with no length announced; go reads the body to its end, however long",
                    a.body_total,
                    a.total.as_millis()
                ),
            )
        } else {
            (
                HttpError::BodyStalled,
                format!(
                    "GET {shown}: the body stopped after {} bytes; go has no timeout there and would wait forever",
                    a.body_total
                ),
            )
        };
        judge(layers, kind, message);
        return false;
    }
    true
}

/// The body's announced length, when the server gave one.
fn content_length(a: &Answer) -> Option<u64> {
    a.header("content-length")?.trim().parse().ok()
}

pub(super) async fn probe_url(
    setup: &Setup,
    deadline: Deadline,
    url: &str,
    role: Role,
    purpose: Purpose,
    context: TargetContext,
) -> Target {
    let parsed = gourl::parse(url).ok();
    let host = parsed
        .as_ref()
        .map(|u| u.hostname().to_owned())
        .unwrap_or_default();
    let public = private_hint(&host, &setup.netrc).is_none();
    let range = matches!(purpose, Purpose::ToolchainZip);
    let go_mods = match &purpose {
        Purpose::VersionList { go_mods, .. } => go_mods.clone(),
        _ => Vec::new(),
    };
    let mut f = fetch(setup, deadline, url, public, range).await;
    let mut target = Target {
        url: crate::redact::redact_urls(url),
        role,
        host,
        via_proxy: f.via_proxy.clone(),
        layers: Vec::new(),
        context: Some(context),
        git: None,
    };
    let Some(a) = f.answer.clone() else {
        // A go.mod missing from a file:// proxy: go's 404, which decides like any read.
        if let Purpose::FileModule { module, version } = &purpose
            && url.ends_with(".mod")
            && let Some(h) = http_evidence(&mut f.layers)
            && h.status > 0
        {
            h.go_mods = Some(vec![GoModFetch {
                status: Some(h.status),
                ..GoModFetch::new(module, version)
            }]);
        }
        target.layers = complete(
            f.layers,
            parsed.as_ref().is_some_and(|u| u.scheme == "https"),
        );
        return target;
    };
    match purpose {
        Purpose::VersionList { version, .. } => {
            if check_status(&mut f.layers, url, &a) {
                if http::is_html(&a) {
                    judge(
                        &mut f.layers,
                        HttpError::CaptivePortal,
                        format!(
                            "GET {}: 200 OK with an HTML page instead of a version list: a captive portal, a login page or a block page",
                            crate::redact::redact_urls(url)
                        ),
                    );
                } else {
                    match http::valid_version_list(a.whole_lines()) {
                        Ok(n) => {
                            if let Some(h) = http_evidence(&mut f.layers) {
                                h.versions = Some(n);
                            }
                            // `.info` for the required version, on the same connection.
                            if let Some(v) = version {
                                let info_url = format!(
                                    "{}/{}.info",
                                    url.trim_end_matches("/list"),
                                    crate::plan::escape_path(&v)
                                );
                                if let Ok(info) =
                                    follow_up(setup, deadline, &mut f, &info_url).await
                                {
                                    let verdict = http::info_verdict(&info, &v);
                                    if let Some(h) = http_evidence(&mut f.layers) {
                                        h.info = Some(InfoCheck {
                                            url: crate::redact::redact_urls(&info_url),
                                            status: info.status,
                                            verdict,
                                        });
                                    }
                                }
                            }
                        }
                        Err(e) => judge(
                            &mut f.layers,
                            HttpError::InvalidPayload,
                            format!(
                                "GET {}: 200 OK but the body is not a version list: {e}",
                                crate::redact::redact_urls(url)
                            ),
                        ),
                    }
                }
            }
        }
        Purpose::ToolchainList => {
            if check_status(&mut f.layers, url, &a) {
                // proxyRepo.Versions: the first field of each line that is a version; anything
                // else (an HTML page included) is skipped, never an error.
                let body = String::from_utf8_lossy(&a.body);
                let mut entries = 0;
                let mut releases: Vec<&str> = Vec::new();
                for v in body.lines().filter_map(|l| l.split_whitespace().next()) {
                    if !http::looks_semver(v) {
                        continue;
                    }
                    entries += 1;
                    if let Some(g) = crate::config::toolchain::dl_to_go(v)
                        && !releases.contains(&g)
                    {
                        releases.push(g);
                    }
                }
                if let Some(h) = http_evidence(&mut f.layers) {
                    h.entries = Some(entries);
                    h.go_versions = Some(releases.iter().map(|g| (*g).to_owned()).collect());
                    if http::is_html(&a) {
                        h.html = Some(true);
                    }
                }
            }
        }
        Purpose::FileModule { module, version } => {
            check_status(&mut f.layers, url, &a);
            if url.ends_with(".mod") {
                let go = crate::config::gomod::go_line(&String::from_utf8_lossy(&a.body));
                if let Some(h) = http_evidence(&mut f.layers) {
                    h.go_mods = Some(vec![GoModFetch {
                        status: Some(a.status),
                        go: Some(go),
                        ..GoModFetch::new(&module, &version)
                    }]);
                }
            }
        }
        Purpose::ToolchainZip => {
            if matches!(a.status, 200 | 206) {
                if let Some(h) = http_evidence(&mut f.layers) {
                    h.content_length = Some(
                        a.header("content-range")
                            .or(a.header("content-length"))
                            .map(str::to_owned),
                    );
                }
            } else {
                check_status(&mut f.layers, url, &a);
            }
        }
        Purpose::Discovery { module } => {
            if let Some((kind, message)) = discover(setup, deadline, &mut f, &a, &module).await {
                judge(&mut f.layers, kind, message);
            }
        }
        Purpose::SumdbViaProxy { base, lookup } => {
            if check_status(&mut f.layers, url, &a) {
                let layer = verify_db(setup, deadline, &mut f, &base, lookup).await;
                f.layers.push(layer);
            } else {
                f.layers.push(LayerResult::skipped(
                    LayerName::Sumdb,
                    "the proxy does not serve the checksum database",
                ));
            }
        }
        Purpose::SumdbDirect { base, lookup } => {
            if check_status(&mut f.layers, url, &a) {
                let layer = verify_answer(setup, deadline, &mut f, &a, &base, lookup).await;
                f.layers.push(layer);
            } else {
                f.layers.push(LayerResult::skipped(
                    LayerName::Sumdb,
                    "no signed tree head",
                ));
            }
        }
    }
    if !go_mods.is_empty() {
        let lines = read_go_lines(setup, deadline, &mut f, &go_mods).await;
        if let Some(h) = http_evidence(&mut f.layers) {
            h.go_mods = Some(lines);
        }
    }
    target.layers = f.layers;
    target
}

/// go-get discovery on the page `a` for `module`, as `repoRootForImportDynamic` reads it (and,
/// for a tag naming a shorter prefix, that prefix's page on the same connection): the
/// evidence goes into the HTTP layer, go's error comes back.
async fn discover(
    setup: &Setup,
    deadline: Deadline,
    f: &mut Fetched,
    a: &Answer,
    module: &str,
) -> Option<(HttpError, String)> {
    let subdir_field = setup.subdir_field;
    let answered = f.final_url.to_string();
    let first_url = crate::redact::redact_urls(&answered);
    let page = discovery::Page {
        url: first_url.clone(),
        status_error: (a.status != 200).then(|| go_status_error(&answered, a)),
        body: &a.body,
    };
    let read = discovery::read_page(module, &page, subdir_field);
    let mut ev = DiscoveryEvidence {
        tags: read.tags.clone(),
        chosen: read.chosen.as_ref().ok().cloned(),
        prefix_page: None,
        subdir_field,
    };
    let verdict = match read.chosen {
        Err(e) => Err(e),
        Ok(tag) => {
            let mut checked = Ok(());
            if tag.prefix != module {
                // The tag is not authoritative: the prefix's own page must say the same.
                checked = match discovery::page_url(&tag.prefix) {
                    Err(e) => {
                        discovery::check_prefix_page(module, &tag, &first_url, Err(e), subdir_field)
                    }
                    Ok(u) => {
                        let shown = crate::redact::redact_urls(&u);
                        match follow_up(setup, deadline, f, &u).await {
                            Ok(pa) => {
                                let p = discovery::Page {
                                    url: shown.clone(),
                                    status_error: (pa.status != 200)
                                        .then(|| go_status_error(&u, &pa)),
                                    body: &pa.body,
                                };
                                let r = discovery::check_prefix_page(
                                    module,
                                    &tag,
                                    &first_url,
                                    Ok(&p),
                                    subdir_field,
                                );
                                ev.prefix_page = Some(PrefixPage {
                                    url: shown,
                                    status: Some(pa.status),
                                    agrees: r.is_ok(),
                                });
                                r
                            }
                            Err(e) => {
                                ev.prefix_page = Some(PrefixPage {
                                    url: shown,
                                    status: None,
                                    agrees: false,
                                });
                                let why = match e {
                                    RequestError::Protocol(m) => m,
                                    RequestError::HeadersTimeout(w) => {
                                        super::no_answer(&format!("GET {u}"), w)
                                    }
                                };
                                discovery::check_prefix_page(
                                    module,
                                    &tag,
                                    &first_url,
                                    Err(why),
                                    subdir_field,
                                )
                            }
                        }
                    }
                };
            }
            checked.and_then(|()| discovery::check_tag(module, &tag, &first_url, subdir_field))
        }
    };
    if let Some(h) = http_evidence(&mut f.layers) {
        h.go_import = Some(
            read.tags
                .iter()
                .filter(|t| discovery::has_path_prefix(module, &t.prefix))
                .cloned()
                .collect(),
        );
        h.discovery = Some(ev);
    }
    verdict.err().map(|e| (e.kind, e.go_error))
}

/// Lists the layers a failure kept from running as skipped, so every target shows the whole
/// path (DNS → TCP → TLS → HTTP).
pub(super) fn complete(mut layers: Vec<LayerResult>, https: bool) -> Vec<LayerResult> {
    // A file:// read has no network layers to list.
    if layers
        .iter()
        .any(|l| l.detail.as_http().is_some_and(|h| h.file))
    {
        return layers;
    }
    if !layers
        .iter()
        .any(|l| matches!(l.status, super::Status::Fail | super::Status::Timeout))
    {
        return layers;
    }
    let mut wanted = vec![LayerName::Dns, LayerName::Tcp];
    if https {
        wanted.push(LayerName::Tls);
    }
    wanted.push(LayerName::Http);
    for name in wanted {
        if !layers.iter().any(|l| l.layer == name) {
            layers.push(LayerResult::skipped(name, "an earlier layer failed"));
        }
    }
    layers
}
