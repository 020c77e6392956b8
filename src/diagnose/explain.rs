//! `godoctor explain`: read what people paste — a line of go's output or a whole CI log — and
//! say, for every error in it, what go was doing, which layer and host are at fault, what to
//! check and how to fix it (docs/go/semantics.md §9, docs/go/toolchains.md). Unknown text gets
//! `matched: false` and the best partial reading, never an error.
//!
//! The pipeline: [`paste`] removes noise and cuts the paste into errors; [`chain`] reads each
//! as the chain go built; [`decide`] names the rule, layer, host and, when the text cannot
//! tell two causes apart, the probe that can; [`rules`] hold the catalog ids of what to say.
//! The same failure for many modules is one [`Explanation`] with a count, in the order go
//! printed them.

mod chain;
mod decide;
mod paste;
mod rules;

use std::sync::OnceLock;

use super::remedy::Action;
use super::{Code, Layer, Remedy};
use crate::config::Config;
use crate::config::shell::Shell;
use crate::i18n::Text;
use crate::text;
use chain::Chain;
use decide::Decision;
use rules::Check;

/// The one probe of `check` that tells apart the causes the text leaves open
/// (`explain --probe` runs it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    pub layer: Layer,
    pub host: String,
}

#[derive(Debug, Clone)]
pub struct Explanation {
    pub matched: bool,
    pub code: Option<Code>,
    pub layer: Option<Layer>,
    pub host: Option<String>,
    pub summary: Text,
    pub meaning: Text,
    /// Sentences, and commands (`explain-command`, the same in every language).
    pub checks: Vec<Text>,
    pub remediation: Vec<Remedy>,
    /// The module go named (`go: M@V: …`), for `--probe`.
    pub module: Option<String>,
    /// How many of the paste's errors are this failure (one per module).
    pub count: usize,
    pub probe: Option<Probe>,
}

/// Every error of a paste, in the order go printed them; never empty (nothing recognised: one
/// unmatched reading).
#[derive(Debug, Clone)]
pub struct Explained {
    pub errors: Vec<Explanation>,
}

impl Explained {
    /// The error go stopped on first.
    pub fn top(&self) -> &Explanation {
        &self.errors[0]
    }

    pub fn matched(&self) -> bool {
        self.top().matched
    }
}

/// Reads go's error text; commands for a POSIX shell.
#[cfg(test)]
pub fn explain(text: &str) -> Explained {
    explain_for(text, Shell::Posix)
}

/// Reads go's error text; commands are written for `shell` on this machine.
pub fn explain_for(text: &str, shell: Shell) -> Explained {
    let cfg = neutral_config(shell);
    let blocks = paste::blocks(text);
    let mut groups: Vec<(Decision, Chain, usize)> = Vec::new();
    for b in &blocks {
        let c = Chain::parse(&b.text);
        let Some(d) = decide::decide(&c) else {
            continue;
        };
        match groups
            .iter_mut()
            .find(|(g, _, _)| g.rule.id == d.rule.id && g.host == d.host && g.layer == d.layer)
        {
            Some(g) => g.2 += 1,
            None => groups.push((d, c, 1)),
        }
    }
    if groups.is_empty() {
        // Lines the cutting kept apart may still make one error together.
        let all: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        let c = Chain::parse(&all.join("\n"));
        match decide::decide(&c) {
            Some(d) => groups.push((d, c, 1)),
            None => {
                return Explained {
                    errors: vec![unrecognised(&c)],
                };
            }
        }
    }
    for (d, c, _) in &mut groups {
        if let Some(v) = decide::proxy_setting_ignored(d, c, text) {
            *d = v;
        }
    }
    // An error that names no host (`M@V: read tcp A->B: …`) happened on go's first GOPROXY
    // entry; the paste may show which (`export GOPROXY=…`).
    if let Some(proxy) = paste::goproxy_host(text) {
        for (d, c, _) in &mut groups {
            if d.host.is_none()
                && c.url().is_none()
                && matches!(d.layer, Layer::Tcp | Layer::Tls | Layer::Http)
            {
                d.host = Some(proxy.clone());
            }
        }
    }
    Explained {
        errors: groups
            .into_iter()
            .map(|(d, c, n)| explanation(&cfg, &d, &c, n))
            .collect(),
    }
}

/// A configuration with nothing set: `check`'s remedies as they read by default, in `shell`.
fn neutral_config(shell: Shell) -> Config {
    static CFG: OnceLock<Config> = OnceLock::new();
    let mut cfg = CFG
        .get_or_init(|| {
            Config::load(
                crate::config::env::Environment::from_pairs(Vec::<(&str, &str)>::new()),
                &crate::config::LoadOptions {
                    dir: std::path::PathBuf::from("/nonexistent/godoctor-explain"),
                    tool_deadline: std::time::Duration::from_millis(1),
                },
            )
        })
        .clone();
    cfg.shell = shell;
    cfg
}

fn explanation(cfg: &Config, d: &Decision, c: &Chain, count: usize) -> Explanation {
    let rule = d.rule;
    let module = c.module.clone();
    let module_path = module
        .as_deref()
        .map(|m| m.split('@').next().unwrap_or(m).to_owned());
    let url = c.url().map(|u| format!("https://{}{}", u.host, u.path));
    let toolchain = c.links.iter().find_map(|l| match l {
        chain::Link::ToolchainNotAvailable(v) => Some(v.trim_start_matches("go").to_owned()),
        _ => None,
    });
    let private = module_path
        .as_deref()
        .map(|p| p.split('/').next().unwrap_or(p).to_owned())
        .or_else(|| d.host.clone());
    let repo = module_path
        .as_deref()
        .filter(|p| p.contains('/'))
        .map(|p| format!("https://{p}"));
    // Fill the placeholders of commands that the text lets us fill.
    let fill = |s: &str| {
        let mut s = s.to_owned();
        let pairs = [
            ("<private host or prefix>", private.as_deref()),
            ("<host>", d.host.as_deref()),
            ("<url>", url.as_deref()),
            ("<path>", module_path.as_deref()),
            ("<repo>", repo.as_deref()),
            ("<version>", toolchain.as_deref()),
        ];
        for (placeholder, value) in pairs {
            if let Some(v) = value {
                s = s.replace(placeholder, v);
            }
        }
        s
    };
    let mut checks: Vec<Text> = Vec::new();
    if let Some(p) = &d.probe {
        checks.push(text!(
            "explain-probe-check",
            layer = p.layer.as_str(),
            host = p.host.as_str()
        ));
    }
    let command = |make: rules::Command| {
        let mut action = make();
        action.map_values(&fill);
        action
    };
    checks.extend(rule.checks.iter().map(|c| match *c {
        Check::Text(id) => message(id),
        Check::Command(make) => text!(
            "explain-command",
            command = command(make).render(cfg.target())
        ),
    }));
    let remediation = if !rule.fixes.is_empty() {
        rule.fixes
            .iter()
            .map(|&(id, make)| match make {
                Some(make) => Remedy::act(cfg, message(id), command(make)),
                None => Remedy::note(message(id)),
            })
            .collect()
    } else if rule.code == Code::HttpProxyWithoutHttpsProxy {
        vec![Remedy::act(
            cfg,
            text!("remedy-https-through-same-proxy"),
            Action::CopyEnv {
                key: "HTTPS_PROXY".into(),
                from: "HTTP_PROXY".into(),
            },
        )]
    } else if rule.code == Code::GosumMismatch {
        let (m, v) = module
            .as_deref()
            .and_then(|m| m.split_once('@'))
            .unwrap_or(("MODULE", "VERSION"));
        super::observe::gosum_remedies(cfg, m, v, "go.sum", "go.sum")
    } else {
        // Where the text names no host, the commands keep a placeholder.
        let host = d.host.as_deref().unwrap_or("<host>");
        super::observe::remedies_for(cfg, rule.code, Some(host))
    };
    Explanation {
        matched: true,
        code: Some(rule.code),
        layer: Some(d.layer),
        host: d.host.clone(),
        summary: message(rule.summary),
        meaning: message(rule.meaning),
        checks,
        remediation,
        module,
        count,
        probe: d.probe.clone(),
    }
}

/// A catalog message without arguments, by the id a rule names.
fn message(id: &'static str) -> Text {
    Text {
        id,
        args: Vec::new(),
    }
}

/// Text no rule knows: what it names, and how to find out more.
fn unrecognised(c: &Chain) -> Explanation {
    let host = c
        .url()
        .map(|u| u.host.clone())
        .or_else(|| c.lookup().map(str::to_owned));
    let module = c.module.clone();
    let meaning = match (&module, &host) {
        (Some(m), _) => text!("explain-unknown-meaning-module", module = m),
        (None, Some(h)) => text!("explain-unknown-meaning-host", host = h),
        (None, None) => text!("explain-unknown-meaning"),
    };
    Explanation {
        matched: false,
        code: None,
        layer: None,
        summary: text!("explain-unknown-summary"),
        meaning,
        host,
        checks: vec![text!("explain-command", command = "godoctor check")],
        remediation: Vec::new(),
        module,
        count: 1,
        probe: None,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod corpus_tests;
