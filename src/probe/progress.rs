//! How a run of the probes reports how far it got, without knowing where that goes: the CLI
//! shows a spinner on a terminal (src/progress.rs), everyone else passes [`NoProgress`].

/// Receives a probe run's progress. Called from the task that runs the probes.
pub trait Progress: Sync {
    /// A run begins with `total` targets.
    fn start(&self, total: usize);
    /// `more` targets join the run (a later stage).
    fn extend(&self, more: usize);
    /// One target is about to be probed; `host` names it, as `step` will.
    fn queued(&self, _host: &str) {}
    /// One target is done; `label` names it (its host).
    fn step(&self, label: &str);
    /// The run is over.
    fn finish(&self);
}

/// Progress nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _total: usize) {}
    fn extend(&self, _more: usize) {}
    fn step(&self, _label: &str) {}
    fn finish(&self) {}
}
