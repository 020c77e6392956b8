//! Diagnosis: rules that turn the configuration and plan (and, once probes run, observations)
//! into findings with a stable code, a severity, the layer at fault and remediation commands
//! that work; and the prediction of what `go mod download` will do.

pub mod code;
pub mod config_rules;
pub mod explain;
pub mod module_files;
pub mod observe;
pub mod predict;
pub mod remedy;
pub mod sums;

use serde::Serialize;

pub use code::Code;

use crate::i18n::{Lang, Text};

use crate::config::Config;
use crate::plan::Plan;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// docs/json-contract.md `root_cause.layer` vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Dns,
    Tcp,
    Tls,
    Http,
    Proxy,
    Sumdb,
    Vcs,
    Toolchain,
    Config,
}

impl Layer {
    /// Its name in reports and in the JSON contract (`dns`, `tcp`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Dns => "dns",
            Layer::Tcp => "tcp",
            Layer::Tls => "tls",
            Layer::Http => "http",
            Layer::Proxy => "proxy",
            Layer::Sumdb => "sumdb",
            Layer::Vcs => "vcs",
            Layer::Toolchain => "toolchain",
            Layer::Config => "config",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Remedy {
    /// `text` in English, for the JSON contract.
    pub description: String,
    /// A command ready to paste, or null when the step is manual.
    pub command: Option<String>,
    /// What the step says, in every language.
    #[serde(skip)]
    pub text: Text,
}

impl Remedy {
    pub fn run(text: Text, command: impl Into<String>) -> Self {
        Remedy {
            description: text.render(Lang::En),
            command: Some(command.into()),
            text,
        }
    }

    pub fn note(text: Text) -> Self {
        Remedy {
            description: text.render(Lang::En),
            command: None,
            text,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable; CI scripts match on its string.
    pub code: Code,
    pub severity: Severity,
    pub layer: Layer,
    pub host: Option<String>,
    /// `text` in English, for the JSON contract and the English reports.
    pub message: String,
    pub evidence: Vec<String>,
    pub remediation: Vec<Remedy>,
    /// The values the message is built from (`detail` is go's or the probe's own words),
    /// for translated reports and for scripts.
    pub params: std::collections::BTreeMap<&'static str, String>,
    /// What the finding says, in every language.
    pub text: Text,
    /// The evidence lines godoctor words itself (by index into `evidence`), in every language;
    /// the others are go's or a server's own words.
    pub evidence_texts: std::collections::BTreeMap<usize, Text>,
}

impl Finding {
    /// Adds an evidence line in godoctor's own words: English in `evidence`, every language
    /// in `evidence_texts`.
    pub fn push_evidence(&mut self, text: Text) {
        self.evidence_texts
            .insert(self.evidence.len(), text.clone());
        self.evidence.push(text.render(Lang::En));
    }

    pub fn param(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.params
            .insert(key, crate::redact::param(key, &value.into()));
        self
    }

    /// A finding with the code's usual severity and layer.
    pub fn of(code: Code, text: Text) -> Self {
        Finding {
            code,
            severity: code.severity(),
            layer: code.layer(),
            host: None,
            message: text.render(Lang::En),
            evidence: Vec::new(),
            remediation: Vec::new(),
            params: std::collections::BTreeMap::new(),
            text,
            evidence_texts: std::collections::BTreeMap::new(),
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn with_layer(mut self, layer: Layer) -> Self {
        self.layer = layer;
        self
    }

    /// The same failure seen as `code`, in `code`'s layer: the code it had becomes the `cause`
    /// param, which reports show beside the new code.
    pub fn reclassified(mut self, code: Code) -> Self {
        if code != self.code {
            self.params.insert("cause", self.code.as_str().to_owned());
            self.code = code;
        }
        self.layer = code.layer();
        self
    }

    pub fn host(mut self, host: impl Into<String>) -> Self {
        self.host = Some(host.into());
        self
    }

    pub fn evidence(mut self, e: impl Into<String>) -> Self {
        self.evidence.push(e.into());
        self
    }

    pub fn fix(mut self, r: Remedy) -> Self {
        self.remediation.push(r);
        self
    }

    pub fn fixes(mut self, r: impl IntoIterator<Item = Remedy>) -> Self {
        self.remediation.extend(r);
        self
    }
}

/// The result of diagnosis.
#[derive(Debug, Clone)]
pub struct Diagnosis {
    pub findings: Vec<Finding>,
    pub outcome: predict::Outcome,
    /// Index into `findings` of the root cause, when go is predicted to fail.
    pub root_cause: Option<usize>,
}

impl Diagnosis {
    /// go is predicted to fail only because it would go on to GOPROXY entries godoctor did
    /// not probe (`GOPROXY_NOT_FOLLOWED`): it may as well succeed. The verdict stays "fail"
    /// (never "ok" when go might fail); the reports say "may fail".
    pub fn undetermined(&self) -> bool {
        self.outcome.predicted == predict::Predicted::Fail
            && self.outcome.root_cause_code == Some(Code::GoproxyNotFollowed)
    }

    pub fn verdict(&self) -> &'static str {
        if self.outcome.predicted == predict::Predicted::Fail {
            "fail"
        } else if self
            .findings
            .iter()
            .any(|f| f.severity >= Severity::Warning)
        {
            "warn"
        } else {
            "ok"
        }
    }
}

impl Diagnosis {
    /// Hides userinfo in every text a report can show. Rules quote the user's own settings
    /// (GOPROXY in a `go env -w` fix, go's error words), so this is done once, here, rather
    /// than in each renderer.
    fn redacted(mut self) -> Diagnosis {
        use crate::redact::redact_urls;
        let opt = |o: &mut Option<String>| {
            if let Some(s) = o {
                *s = redact_urls(s);
            }
        };
        for f in &mut self.findings {
            f.message = redact_urls(&f.message);
            opt(&mut f.host);
            for e in &mut f.evidence {
                *e = redact_urls(e);
            }
            for r in &mut f.remediation {
                r.description = redact_urls(&r.description);
                if let Some(c) = &mut r.command {
                    *c = crate::redact::placeholder_credentials(c);
                }
            }
            for v in f.params.values_mut() {
                *v = redact_urls(v);
            }
        }
        let o = &mut self.outcome;
        for m in &mut o.modules {
            opt(&mut m.via);
            opt(&mut m.error);
        }
        opt(&mut o.sumdb.via);
        if let Some(t) = &mut o.toolchain {
            opt(&mut t.via);
            opt(&mut t.error);
        }
        self
    }
}

/// Runs the configuration rules, then predicts from what the probes observed.
pub fn diagnose(cfg: &Config, plan: &Plan, targets: &[crate::probe::Target]) -> Diagnosis {
    diagnose_probed(
        cfg,
        plan,
        &crate::probe::engine::Probed {
            targets: targets.to_vec(),
            ..Default::default()
        },
    )
}

/// [`diagnose`] over everything the probes saw, each module's own answers included.
pub fn diagnose_probed(
    cfg: &Config,
    plan: &Plan,
    probed: &crate::probe::engine::Probed,
) -> Diagnosis {
    let mut findings = config_rules::run(cfg, plan);
    let mut observed = observe::predict_with(cfg, plan, &probed.targets, &probed.modules);
    sums::facts(cfg, plan, &probed.modules, &mut observed.outcome);
    let missing = sums::missing_sums(cfg, plan, &mut observed.outcome);
    observed.findings.extend(missing);
    // What the probes confirmed replaces the configuration's guess with the same code.
    findings.retain(|c| {
        !observed
            .findings
            .iter()
            .any(|o| o.code == c.code && o.severity >= c.severity)
    });
    findings.extend(observed.findings);
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let root_cause = observed.outcome.root_cause_code.and_then(|code| {
        findings.iter().position(|f| {
            f.code == code && (observed.root_host.is_none() || f.host == observed.root_host)
        })
    });
    Diagnosis {
        findings,
        outcome: observed.outcome,
        root_cause,
    }
    .redacted()
}

/// Runs the offline rules and the offline prediction.
pub fn diagnose_offline(cfg: &Config, plan: &Plan) -> Diagnosis {
    let mut findings = config_rules::run(cfg, plan);
    let mut outcome = predict::predict_offline(cfg, plan);
    let more = observe::mid_command_offline(cfg, plan, &mut outcome);
    predict::offline_imports(plan, &mut outcome);
    sums::facts(cfg, plan, &[], &mut outcome);
    let more: Vec<Finding> = more
        .into_iter()
        .chain(sums::missing_sums(cfg, plan, &mut outcome))
        .collect();
    findings.retain(|c| !more.iter().any(|o| o.code == c.code));
    findings.extend(more);
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let root_cause = outcome
        .root_cause_code
        .and_then(|code| findings.iter().position(|f| f.code == code));
    Diagnosis {
        findings,
        outcome,
        root_cause,
    }
    .redacted()
}

#[cfg(test)]
mod tests;
