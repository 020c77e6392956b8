//! `check --json`, `config --json` and `explain --json`: the stable, versioned documents of docs/json-contract.md.
//! Field names here are a contract with CI users; add fields, never rename them.

use serde::Serialize;
use serde_json::{Value, json};

use super::{CheckReport, Lang};
use crate::config::Config;
use crate::diagnose::explain::Explanation;
use crate::redact::redact_urls;

pub const SCHEMA_VERSION: u32 = 1;

fn go_object(cfg: &Config) -> Value {
    json!({
        "found": cfg.go.found(),
        "version": cfg.go.version_string,
        "path": cfg.go.path.as_ref().map(|p| p.display().to_string()),
        "error": cfg.go.error,
    })
}

/// Settings with secrets redacted.
fn settings(cfg: &Config) -> Value {
    let mut map = serde_json::Map::new();
    for (k, s) in &cfg.settings {
        let mut s = s.clone();
        s.value = redact_urls(&s.value);
        s.computed = redact_urls(&s.computed);
        s.shadowed_file_value = s.shadowed_file_value.map(|v| redact_urls(&v));
        map.insert(
            (*k).to_owned(),
            serde_json::to_value(s).unwrap_or(Value::Null),
        );
    }
    Value::Object(map)
}

#[derive(Serialize)]
struct RootCause<'a> {
    code: crate::diagnose::Code,
    layer: crate::diagnose::Layer,
    host: Option<&'a str>,
    summary: &'a str,
}

/// Findings with messages and remediation in the report's language.
fn findings(r: &CheckReport) -> Vec<crate::diagnose::Finding> {
    r.diagnosis
        .findings
        .iter()
        .map(|f| {
            let mut f = f.clone();
            f.message = redact_urls(&r.lang.message(&f));
            for x in &mut f.remediation {
                x.description = r.lang.remedy(x);
            }
            f
        })
        .collect()
}

pub fn check(r: &CheckReport) -> Value {
    let d = r.diagnosis;
    let localized = findings(r);
    let root_cause = d.root_cause.map(|i| {
        let f = &localized[i];
        RootCause {
            code: f.code,
            layer: f.layer,
            host: f.host.as_deref(),
            summary: &f.message,
        }
    });
    json!({
        "schema_version": SCHEMA_VERSION,
        "godoctor_version": env!("CARGO_PKG_VERSION"),
        "verdict": d.verdict(),
        "go": go_object(r.config),
        "settings": settings(r.config),
        "outcome": d.outcome,
        "root_cause": root_cause,
        "findings": localized,
        "lang": if r.lang == super::Lang::Zh { "zh" } else { "en" },
        "targets": r.targets,
        "plan": {
            "modules": r.plan.modules,
            "sumdb": r.plan.sumdb_route,
            "vendor_mode": r.plan.vendor_mode,
            "toolchain": r.plan.toolchain,
        },
        "offline": r.offline,
        "duration_ms": r.duration_ms,
    })
}

pub fn config(cfg: &Config) -> Value {
    let hp = &cfg.http_proxy;
    let proxy_var = |v: &Option<crate::config::http_proxy::ProxyVar>| {
        v.as_ref()
            .map(|v| json!({"name": v.name, "value": redact_urls(&v.raw)}))
    };
    json!({
        "schema_version": SCHEMA_VERSION,
        "godoctor_version": env!("CARGO_PKG_VERSION"),
        "go": go_object(cfg),
        "settings": settings(cfg),
        "sources": {
            "goenv_file": cfg.goenv_file.as_ref().map(|f| f.path.display().to_string()),
            "goroot_go_env": cfg.goroot_goenv.as_ref().map(|f| f.path.display().to_string()),
            "http_proxy": {
                "http": proxy_var(&hp.http),
                "https": proxy_var(&hp.https),
                "no_proxy": hp.no_proxy.as_ref().map(|(n, v)| json!({"name": n, "value": v})),
                "all_proxy": hp.all_proxy.as_ref().map(|(n, v)| json!({"name": n, "value": redact_urls(v)})),
            },
            "git": {
                "path": cfg.git.git,
                "error": cfg.git.error,
                "insteadof": cfg.git.insteadof_rules().iter().map(|r| json!({"base": redact_urls(&r.base), "prefix": redact_urls(&r.prefix), "origin": r.origin})).collect::<Vec<_>>(),
            },
            "netrc": {
                "path": cfg.netrc.path.as_ref().map(|p| p.display().to_string()),
                "machines": cfg.netrc.machines,
            },
            "go_mod": cfg.project.gomod.as_ref().map(|m| json!({
                "path": m.path.display().to_string(),
                "module": m.module,
                "go": m.go,
                "toolchain": m.toolchain,
                "requires": m.requires.len(),
            })),
        },
    })
}

/// `explain --json`: an explanation with its texts in `lang` (commands as they are).
#[derive(Serialize)]
pub struct Explained<'a> {
    matched: bool,
    code: Option<crate::diagnose::Code>,
    layer: Option<crate::diagnose::Layer>,
    host: Option<&'a str>,
    summary: String,
    meaning: String,
    checks: Vec<String>,
    remediation: Vec<crate::diagnose::Remedy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    module: Option<&'a str>,
}

pub fn explanation(e: &Explanation, lang: Lang) -> Explained<'_> {
    Explained {
        matched: e.matched,
        code: e.code,
        layer: e.layer,
        host: e.host.as_deref(),
        summary: e.summary.render(lang),
        meaning: e.meaning.render(lang),
        checks: e.checks.iter().map(|c| c.render(lang)).collect(),
        remediation: e
            .remediation
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r.description = lang.remedy(&r);
                r
            })
            .collect(),
        module: e.module.as_deref(),
    }
}
