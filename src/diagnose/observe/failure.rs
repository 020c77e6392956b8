//! A failure go meets on a route, while the walks settle it: they may see it as another code
//! (`reclassified`), name another host (the database behind a relay), add params (`|` fell
//! through, off the route) — and only then is it told, in every language ([`Failure::told`]).
//!
//! English and Chinese word an observed failure differently: English gives go's words where
//! they arose (the terse form: `<url>: <words>`), Chinese says what failed, then quotes go (the
//! explained form, from the final code, host and params). `finding-terse-or-explained` holds
//! both; each language shows its own.

use std::ops::{Deref, DerefMut};

use super::words;
use crate::diagnose::{Code, Finding, Severity};
use crate::i18n::{Arg, Lang, Text};
use crate::probe::LayerName;
use crate::redact::redact_urls;
use crate::text;

/// How English words a failure: go's (or the probe's) words, after where they arose.
#[derive(Debug, Clone)]
pub(super) enum Terse {
    /// `<url>: <words>`
    At { url: String, words: String },
    /// `<host> resolved to <addresses> — … — and then <layer>: <words>`
    Poisoned {
        host: String,
        addresses: String,
        layer: LayerName,
        words: String,
    },
    /// go's words as they are.
    Bare(String),
}

/// A finding the walks are still settling; [`Failure::told`] gives it its words.
#[derive(Debug, Clone)]
pub(super) struct Failure {
    finding: Finding,
    /// None: worded alike in every language from the start ([`Failure::git`]).
    terse: Option<Terse>,
}

impl Deref for Failure {
    type Target = Finding;
    fn deref(&self) -> &Finding {
        &self.finding
    }
}

impl DerefMut for Failure {
    fn deref_mut(&mut self) -> &mut Finding {
        &mut self.finding
    }
}

impl Failure {
    /// A failure English words as `terse` says.
    pub(super) fn new(code: Code, terse: Terse) -> Self {
        Failure {
            finding: Finding::of(code, terse_text(&terse, "none", "")),
            terse: Some(terse),
        }
    }

    /// A finding already worded in every language.
    pub(super) fn said(finding: Finding) -> Self {
        Failure {
            finding,
            terse: None,
        }
    }

    /// `git ls-remote <git_url>` failed with git's `words`: said alike in every language.
    pub(super) fn git(code: Code, git_url: &str, words: &str) -> Self {
        let text = words::git(code, &redact_urls(git_url), &redact_urls(words));
        Failure {
            finding: Finding::of(code, text)
                .param("git_url", git_url)
                .param("detail", words),
            terse: None,
        }
    }

    pub(super) fn with_severity(mut self, severity: Severity) -> Self {
        self.finding.severity = severity;
        self
    }

    pub(super) fn host(mut self, host: impl Into<String>) -> Self {
        self.finding.host = Some(host.into());
        self
    }

    pub(super) fn param(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.finding = self.finding.param(key, value);
        self
    }

    pub(super) fn reclassified(mut self, code: Code) -> Self {
        self.finding = self.finding.reclassified(code);
        self
    }

    /// The same failure, worded by English another way.
    pub(super) fn worded(mut self, terse: Terse) -> Self {
        self.terse = Some(terse);
        self
    }

    /// The finding, with its message in every language as its final code, host and params
    /// have it.
    pub(super) fn told(self) -> Finding {
        let Failure { mut finding, terse } = self;
        let Some(terse) = terse else {
            return finding;
        };
        let (then, proxy) = words::then(&finding);
        let said = terse_text(&terse, then, &proxy);
        let text = match words::explained(&finding) {
            Some(explained) => words::two_ways(said, explained),
            // Not a code a failure carries: English's words in every language.
            None => said,
        };
        finding.message = text.render(Lang::En);
        finding.text = text;
        finding
    }
}

/// The terse form, with the clause `then` adds (`fell-through` to `proxy`, `off-route`).
fn terse_text(terse: &Terse, then: &str, proxy: &str) -> Text {
    let at = |place: Arg, words: &str| {
        text!(
            "finding-terse",
            place = place,
            words = words,
            then = then,
            proxy = proxy,
        )
    };
    match terse {
        Terse::At { url, words } => at(url.into(), words),
        Terse::Poisoned {
            host,
            addresses,
            layer,
            words,
        } => {
            let place = text!(
                "finding-terse-poisoned",
                host = host,
                addresses = addresses,
                layer = text!("finding-layer", layer = layer.as_str()),
            );
            at(place.into(), words)
        }
        Terse::Bare(words) => text!("finding-go-words", words = words),
    }
}
