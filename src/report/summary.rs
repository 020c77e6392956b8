//! The summary every report starts with (flutter-doctor style): one row per part of go's
//! route — configuration, module proxies, checksum database, direct/VCS, toolchain, HTTP
//! proxy — marked ✓ / ! / ✗, or – when go does not use that part. Built once from a
//! [`CheckReport`] and rendered by the text and markdown reports alike.
//!
//! A row's mark comes from the findings that belong to it, not from every probe: a probe off
//! the route go takes (`off_route`) fails without marking anything, so a healthy run is green.

use super::CheckReport;
use crate::diagnose::{Code, Finding, Layer, Severity};
use crate::probe::{Role, Status, Target};

/// A part of go's route, in the order the summary lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Configuration,
    Proxies,
    Sumdb,
    Direct,
    Toolchain,
    HttpProxy,
}

impl Part {
    pub const ALL: [Part; 6] = [
        Part::Configuration,
        Part::Proxies,
        Part::Sumdb,
        Part::Direct,
        Part::Toolchain,
        Part::HttpProxy,
    ];

    fn of_role(role: Role) -> Part {
        match role {
            Role::Proxy => Part::Proxies,
            Role::Sumdb | Role::SumdbViaProxy => Part::Sumdb,
            Role::Vcs => Part::Direct,
            Role::HttpProxy => Part::HttpProxy,
            Role::Toolchain => Part::Toolchain,
        }
    }

    fn of_layer(layer: Layer) -> Part {
        match layer {
            Layer::Config => Part::Configuration,
            Layer::Toolchain => Part::Toolchain,
            Layer::Proxy => Part::HttpProxy,
            Layer::Sumdb => Part::Sumdb,
            Layer::Vcs => Part::Direct,
            Layer::Dns | Layer::Tcp | Layer::Tls | Layer::Http => Part::Proxies,
        }
    }
}

/// How a part of the route fares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// go does not use it in this check.
    Unused,
    Ok,
    Warn,
    Fail,
}

/// One host a part reached, and the first layer that failed there (`None`: every layer passed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostResult {
    pub host: String,
    /// `(layer, error kind)`: `("tls", "unknown_issuer_interception")`; the kind is `timeout`
    /// for a layer that ran out of time.
    pub failure: Option<(&'static str, &'static str)>,
}

/// One row of the summary.
#[derive(Debug, Clone)]
pub struct Row {
    pub part: Part,
    pub mark: Mark,
    /// The hosts probed on go's route for this part, in probe order.
    pub hosts: Vec<HostResult>,
    /// The codes of the warnings and errors that belong to this part.
    pub codes: Vec<Code>,
    /// go's route goes through this part (it may stop or succeed before it gets there).
    pub on_route: bool,
}

/// The summary of a check: its rows, and which probes were off go's route.
pub struct Summary {
    pub rows: Vec<Row>,
}

/// True when `t` failed somewhere go never goes: the diagnosis marked its failure
/// `off_route` (same host and layer).
pub fn off_route(t: &Target, findings: &[Finding]) -> bool {
    let Some(l) = t.first_failure() else {
        return false;
    };
    findings.iter().any(|f| {
        f.params.get("off_route").is_some_and(|v| v == "true")
            && f.host.as_deref() == Some(t.host.as_str())
            && f.layer.as_str() == l.layer.as_str()
    })
}

/// True when some layer of `t` ran (or its git check did): a target whose layers were all
/// skipped says nothing about the route.
pub fn probed(t: &Target) -> bool {
    t.git.is_some() || t.layers.iter().any(|l| l.status != Status::Skipped)
}

fn part_of(f: &Finding, targets: &[Target]) -> Part {
    let host = f.host.as_deref();
    let mut on_host = targets.iter().filter(|t| Some(t.host.as_str()) == host);
    let failed = on_host.clone().find(|t| !t.ok());
    match failed.or_else(|| on_host.next()) {
        Some(t) if f.layer != Layer::Config => Part::of_role(t.role),
        _ => Part::of_layer(f.layer),
    }
}

pub fn host_result(t: &Target) -> HostResult {
    let failure = t.first_failure().map(|l| {
        let kind = match l.status {
            Status::Timeout => "timeout",
            _ => l.kind().map_or("error", |k| k.kind()),
        };
        (l.layer.as_str(), kind)
    });
    let failure = failure.or_else(|| {
        t.git
            .as_ref()
            .filter(|g| g.status != Status::Ok)
            .map(|g| ("git", g.error.as_ref().map_or("error", |e| e.kind.kind())))
    });
    HostResult {
        host: t.host.clone(),
        failure,
    }
}

impl Summary {
    pub fn of(r: &CheckReport) -> Summary {
        let d = r.diagnosis;
        let mut rows: Vec<Row> = Part::ALL
            .iter()
            .map(|&part| Row {
                part,
                mark: Mark::Unused,
                hosts: Vec::new(),
                codes: Vec::new(),
                on_route: false,
            })
            .collect();
        let row = |rows: &mut Vec<Row>, p: Part| -> usize {
            rows.iter().position(|r| r.part == p).unwrap_or(0)
        };
        // What the route uses, probed or not.
        let mut used = vec![Part::Configuration];
        let steps = r.plan.modules.iter().flat_map(|m| &m.route);
        for s in steps {
            match s {
                crate::plan::Step::Proxy { .. } => used.push(Part::Proxies),
                crate::plan::Step::Direct(_) => used.push(Part::Direct),
                _ => {}
            }
        }
        if r.plan.modules.iter().any(|m| m.needs_sumdb) && !r.plan.sumdb_route.is_empty() {
            used.push(Part::Sumdb);
        }
        if d.outcome.toolchain.is_some() {
            used.push(Part::Toolchain);
        }
        let hp = &r.config.http_proxy;
        if hp.https.is_some() || hp.http.is_some() {
            used.push(Part::HttpProxy);
        }
        for p in used {
            let i = row(&mut rows, p);
            rows[i].on_route = true;
            // Offline nothing is probed: the configuration alone says the part is fine.
            // The toolchain decision is made from the configuration too.
            if r.offline || matches!(p, Part::Configuration | Part::Toolchain) {
                rows[i].mark = Mark::Ok;
            }
        }
        for t in r.targets {
            // Off the route, or never probed (every layer skipped): nothing to say here.
            if off_route(t, &d.findings) || !probed(t) {
                continue;
            }
            let i = row(&mut rows, Part::of_role(t.role));
            let h = host_result(t);
            // A 404/410 is how a proxy says "not here": go moves on, nothing is wrong.
            let failed = h.failure.is_some_and(|(_, kind)| kind != "not_found");
            let mark = if failed { Mark::Warn } else { Mark::Ok };
            rows[i].mark = rows[i].mark.max(mark);
            // One entry per host: a failure there outweighs a passing probe of the same host.
            match rows[i].hosts.iter_mut().find(|x| x.host == h.host) {
                Some(x) if x.failure.is_none() => *x = h,
                Some(_) => {}
                None => rows[i].hosts.push(h),
            }
        }
        for (n, f) in d.findings.iter().enumerate() {
            let mark = match f.severity {
                _ if d.root_cause == Some(n) => Mark::Fail,
                Severity::Error => Mark::Fail,
                Severity::Warning => Mark::Warn,
                Severity::Info => continue,
            };
            let i = row(&mut rows, part_of(f, r.targets));
            rows[i].mark = rows[i].mark.max(mark);
            if !rows[i].codes.contains(&f.code) {
                rows[i].codes.push(f.code);
            }
        }
        if let Some(tc) = &d.outcome.toolchain
            && tc.predicted == crate::diagnose::predict::Predicted::Fail
        {
            let i = row(&mut rows, Part::Toolchain);
            rows[i].mark = Mark::Fail;
        }
        Summary { rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_order_worst_last() {
        assert!(Mark::Fail > Mark::Warn && Mark::Warn > Mark::Ok && Mark::Ok > Mark::Unused);
    }
}
