//! The probes' progress on the terminal: `⠋ probing 3/8 (2s) · 5 pending: sum.golang.org,
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
    /// The hosts of the probes not done yet, one entry per probe.
    pending: Mutex<Vec<String>>,
    lang: Lang,
}

impl Spinner {
    pub fn new(lang: Lang) -> Self {
        Spinner {
            bar: Mutex::new(None),
            pending: Mutex::new(Vec::new()),
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

    fn queued(&self, host: &str) {
        let Ok(mut p) = self.pending.lock() else {
            return;
        };
        p.push(host.to_owned());
        let waiting = waiting_for(&p);
        let pending = p.len() as i64;
        drop(p);
        self.with_bar(|b| {
            b.set_message(t!(
                self.lang,
                "progress-step",
                pending = pending,
                hosts = waiting.as_str()
            ));
        });
    }

    fn step(&self, label: &str) {
        let waiting = self
            .pending
            .lock()
            .map(|mut p| {
                if let Some(i) = p.iter().position(|h| h == label) {
                    p.remove(i);
                }
                waiting_for(&p)
            })
            .unwrap_or_default();
        self.with_bar(|b| {
            b.inc(1);
            let pending = b.length().unwrap_or(0).saturating_sub(b.position());
            b.set_message(t!(
                self.lang,
                "progress-step",
                pending = pending as i64,
                hosts = waiting.as_str()
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

/// The hosts still probed, each once, the first three named: `a, b, c …`.
fn waiting_for(pending: &[String]) -> String {
    let mut hosts: Vec<&str> = Vec::new();
    for h in pending {
        if !h.is_empty() && !hosts.contains(&h.as_str()) {
            hosts.push(h);
        }
    }
    let more = if hosts.len() > 3 { " …" } else { "" };
    hosts.truncate(3);
    format!("{}{more}", hosts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::waiting_for;

    #[test]
    fn names_three_hosts_once() {
        let p: Vec<String> = ["a", "b", "a", "c", "d"].map(String::from).to_vec();
        assert_eq!(waiting_for(&p), "a, b, c …");
        assert_eq!(waiting_for(&p[..2]), "a, b");
    }
}
