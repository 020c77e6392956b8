//! `godoctor explain`: recognise go's error text (docs/go/semantics.md §9, docs/go/toolchains.md), say
//! what go was doing and what it means, what to check, and how to fix it. Unknown text gets
//! `matched: false` and the best partial reading, never an error.
//!
//! The rules ([`rules`]) name catalog messages; an [`Explanation`] keeps them as [`Text`]s, so
//! the report says it in any language. [`scrape`] reads the host and module off the text.

mod rules;
mod scrape;

use super::{Code, Layer, Remedy};
use crate::i18n::Text;
use crate::text;
use rules::{Check, RULES};
use scrape::{dial_host, module_of, url_host, word_after};

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
}

/// A catalog message without arguments, by the id a rule names.
fn message(id: &'static str) -> Text {
    Text {
        id,
        args: Vec::new(),
    }
}

/// Reads go's error text.
pub fn explain(text: &str) -> Explanation {
    let module = module_of(text);
    let Some(rule) = RULES
        .iter()
        .find(|r| r.needles.iter().all(|n| text.contains(n)))
    else {
        return unrecognised(text, module);
    };
    let host = match rule.code.layer() {
        Layer::Dns => word_after(text, "lookup ").map(str::to_owned),
        Layer::Tcp => dial_host(text).or_else(|| url_host(text)),
        Layer::Config => None,
        _ => url_host(text),
    };
    let host = host.or_else(|| {
        if rule.code == Code::PrivateModuleNotPrivate {
            module
                .as_ref()
                .map(|m| m.split('/').next().unwrap_or("").to_owned())
        } else {
            None
        }
    });
    // Fill the placeholders of commands that the text lets us fill.
    let fill = |s: &str| match &host {
        Some(h) => s
            .replace("<private host or prefix>", h)
            .replace("<host>", h),
        None => s.to_owned(),
    };
    Explanation {
        matched: true,
        code: Some(rule.code),
        layer: Some(rule.code.layer()),
        summary: message(rule.summary),
        meaning: message(rule.meaning),
        checks: rule
            .checks
            .iter()
            .map(|c| match *c {
                Check::Text(id) => message(id),
                Check::Command(command) => text!("explain-command", command = fill(command)),
            })
            .collect(),
        remediation: rule
            .fixes
            .iter()
            .map(|&(id, command)| match command {
                Some(c) => Remedy::run(message(id), fill(c)),
                None => Remedy::note(message(id)),
            })
            .collect(),
        host,
        module,
    }
}

/// Text no rule knows: what it names, and how to find out more.
fn unrecognised(text: &str, module: Option<String>) -> Explanation {
    let host = url_host(text).or_else(|| word_after(text, "lookup ").map(str::to_owned));
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
    }
}

#[cfg(test)]
mod tests;
