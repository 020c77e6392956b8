//! The probes' progress on the terminal: `⠋ probing 3/8 (2s) · 5 pending · done:
//! proxy.golang.org` on stderr while a check runs (also beside `--json` and `--format markdown`,
//! whose output is on stdout), cleared when it ends, and nothing at all when stderr is not a
//! terminal. In the report's language. Implements [`probe::Progress`](crate::probe::Progress)
//! with indicatif.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::i18n::Lang;
use crate::probe::Progress;
use crate::t;

/// A spinner with a count, the time so far and how many probes are pending; one per run.
pub struct Spinner {
    bar: Mutex<Option<ProgressBar>>,
    lang: Lang,
}

impl Spinner {
    pub fn new(lang: Lang) -> Self {
        Spinner {
            bar: Mutex::new(None),
            lang,
        }
    }

    fn with_bar(&self, f: impl FnOnce(&ProgressBar)) {
        if let Ok(bar) = self.bar.lock()
            && let Some(b) = bar.as_ref()
        {
            f(b);
        }
    }
}

impl Progress for Spinner {
    fn start(&self, total: usize) {
        if total == 0 || !std::io::stderr().is_terminal() {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} {prefix} {pos}/{len} ({elapsed}) {wide_msg}")
        {
            bar.set_style(style);
        }
        bar.set_prefix(t!(self.lang, "progress-probing"));
        bar.enable_steady_tick(Duration::from_millis(100));
        if let Ok(mut slot) = self.bar.lock() {
            *slot = Some(bar);
        }
    }

    fn extend(&self, more: usize) {
        self.with_bar(|b| b.inc_length(more as u64));
    }

    fn step(&self, label: &str) {
        self.with_bar(|b| {
            b.inc(1);
            let pending = b.length().unwrap_or(0).saturating_sub(b.position());
            b.set_message(t!(
                self.lang,
                "progress-step",
                pending = pending as i64,
                host = label
            ));
        });
    }

    fn finish(&self) {
        if let Ok(mut slot) = self.bar.lock()
            && let Some(b) = slot.take()
        {
            b.finish_and_clear();
        }
    }
}
