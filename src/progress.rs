//! The probes' progress on the terminal: `⠋ probing 3/8 proxy.golang.org` on stderr while a
//! check runs, cleared when it ends, and nothing at all when stderr is not a terminal.
//! Implements [`probe::Progress`](crate::probe::Progress) with indicatif.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::probe::Progress;

/// A spinner with a count, one per probe run.
#[derive(Default)]
pub struct Spinner {
    bar: Mutex<Option<ProgressBar>>,
}

impl Spinner {
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
        if let Ok(style) = ProgressStyle::with_template("{spinner} probing {pos}/{len} {wide_msg}")
        {
            bar.set_style(style);
        }
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
            b.set_message(label.to_owned());
            b.inc(1);
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
