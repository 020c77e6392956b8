//! Probes: turn the plan into observations, layer by layer — DNS → TCP → TLS → HTTP →
//! checksum DB — each layer separately timed and classified, so diagnosis can name the exact
//! layer and host that breaks (docs/json-contract.md `targets[]`).
//!
//! Input: a [`Plan`](crate::plan::Plan) and the [`Config`](crate::config::Config). Output:
//! [`Target`]s with their [`LayerResult`]s. Probes never decide what go will do; `diagnose`
//! does.

pub mod chain;
pub mod discovery;
pub mod dns;
pub mod engine;
pub mod error;
pub mod evidence;
mod fetch;
pub mod file;
pub mod git_http;
mod git_repo;
mod go_lines;
mod goproxy;
pub mod http;
pub mod http_head;
mod module_graph;
pub mod modules;
pub mod progress;
pub mod proxy;
pub mod redirect;
pub mod roots;
pub mod ssh;
pub mod stream;
pub mod sum_witness;
pub mod sumdb;
mod targets;
pub mod tcp;
pub mod tls;
pub mod toolchain;
pub mod vcs;

use std::time::{Duration, Instant};

pub use error::{
    DnsError, FileError, GitError, GitHttpError, HttpError, ProbeError, ProxyError, SshError,
    SumdbError, TcpError, TlsError,
};
pub use evidence::{Evidence, Peer, TargetContext, ToolchainRequest};
pub use progress::{NoProgress, Progress};

/// docs/json-contract.md `targets[].layers[].layer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerName {
    Dns,
    Tcp,
    Tls,
    Http,
    Sumdb,
    Proxy,
}

impl LayerName {
    /// The JSON name (`dns`, `tcp`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            LayerName::Dns => "dns",
            LayerName::Tcp => "tcp",
            LayerName::Tls => "tls",
            LayerName::Http => "http",
            LayerName::Sumdb => "sumdb",
            LayerName::Proxy => "proxy",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    Fail,
    Timeout,
    Skipped,
}

/// A failed layer's cause and go-style human message. `kind` is the JSON `error.kind`; rules
/// match on it (`ProbeError::Dns(DnsError::NxDomain)`, …).
#[derive(Debug, Clone, PartialEq)]
pub struct LayerError<K = ProbeError> {
    pub kind: K,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LayerResult {
    pub layer: LayerName,
    pub status: Status,
    /// Milliseconds spent in this layer (also for a timeout: how long was waited).
    pub ms: f64,
    pub error: Option<LayerError>,
    pub detail: Evidence,
    /// Who answered, when not the target (the JSON shows it as `detail.peer`).
    pub peer: Option<Peer>,
}

impl LayerResult {
    pub fn ok(layer: LayerName, elapsed: Duration, detail: impl Into<Evidence>) -> Self {
        LayerResult {
            layer,
            status: Status::Ok,
            ms: millis(elapsed),
            error: None,
            detail: detail.into(),
            peer: None,
        }
    }

    /// A failure on the layer `error` belongs to; the message is redacted.
    pub fn fail(
        elapsed: Duration,
        error: impl Into<ProbeError>,
        message: impl Into<String>,
        detail: impl Into<Evidence>,
    ) -> Self {
        let kind = error.into();
        LayerResult {
            layer: kind.layer(),
            status: Status::Fail,
            ms: millis(elapsed),
            error: Some(LayerError {
                kind,
                message: crate::redact::redact_urls(&library_words(&message.into())),
            }),
            detail: detail.into(),
            peer: None,
        }
    }

    /// Nothing (or not enough) came back within `waited`; see [`no_answer`] for the usual
    /// message.
    pub fn timeout(
        waited: Duration,
        error: impl Into<ProbeError>,
        message: String,
        detail: impl Into<Evidence>,
    ) -> Self {
        let kind = error.into();
        LayerResult {
            layer: kind.layer(),
            status: Status::Timeout,
            ms: millis(waited),
            error: Some(LayerError {
                kind,
                message: library_words(&message),
            }),
            detail: detail.into(),
            peer: None,
        }
    }

    pub fn skipped(layer: LayerName, why: &str) -> Self {
        LayerResult {
            layer,
            status: Status::Skipped,
            ms: 0.0,
            error: None,
            detail: Evidence::Skipped {
                reason: why.to_owned(),
            },
            peer: None,
        }
    }

    pub fn is_ok(&self) -> bool {
        self.status == Status::Ok
    }

    /// The cause, when the layer failed or timed out.
    pub fn kind(&self) -> Option<ProbeError> {
        self.error.as_ref().map(|e| e.kind)
    }

    /// The human message, when the layer failed or timed out.
    pub fn message(&self) -> Option<&str> {
        self.error.as_ref().map(|e| e.message.as_str())
    }
}

/// A library's error text in go's words: rustls reports a connection closed without TLS
/// close_notify with a link to its manual, where go's reader sees an unexpected EOF. No
/// documentation URL of a Rust library reaches a message shown as go's.
pub fn library_words(message: &str) -> String {
    const CLOSE_NOTIFY: &str = "peer closed connection without sending TLS close_notify";
    let mut out = message.to_owned();
    while let Some(i) = out.find(CLOSE_NOTIFY) {
        let after = i + CLOSE_NOTIFY.len();
        // The text, and its `: https://docs.rs/…` up to the next space.
        let end = match out[after..].starts_with(": https://") {
            true => out[after..]
                .find(char::is_whitespace)
                .map_or(out.len(), |j| after + j),
            false => after,
        };
        out.replace_range(i..end, "unexpected EOF");
    }
    for lib in ["https://docs.rs/", "https://github.com/rustls/"] {
        while let Some(i) = out.find(lib) {
            let end = out[i..]
                .find(char::is_whitespace)
                .map_or(out.len(), |j| i + j);
            let start = out[..i].trim_end_matches([' ', ':']).len();
            out.replace_range(start..end, "");
        }
    }
    out
}

/// `<what>: no answer within <N> ms`, a timeout's usual message.
pub fn no_answer(what: &str, waited: Duration) -> String {
    format!("{what}: no answer within {} ms", waited.as_millis())
}

#[cfg(test)]
#[test]
fn rust_library_urls_never_reach_go_words() {
    let rustls = "error reading a body from connection: peer closed connection without sending TLS close_notify: https://docs.rs/rustls/latest/rustls/manual/_03_howto/index.html#unexpected-eof";
    assert_eq!(
        library_words(rustls),
        "error reading a body from connection: unexpected EOF"
    );
    assert_eq!(
        library_words(&format!("{rustls} (then more)")),
        "error reading a body from connection: unexpected EOF (then more)"
    );
    assert_eq!(library_words("see: https://docs.rs/x/y ok"), "see ok");
    assert_eq!(library_words("plain"), "plain");
}

pub fn millis(d: Duration) -> f64 {
    (d.as_secs_f64() * 1000.0 * 100.0).round() / 100.0
}

/// docs/json-contract.md `targets[].role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Proxy,
    Sumdb,
    SumdbViaProxy,
    Vcs,
    HttpProxy,
    Toolchain,
}

/// One probed URL (or host:port) and what each layer saw.
#[derive(Debug, Clone)]
pub struct Target {
    pub url: String,
    pub role: Role,
    pub host: String,
    /// The HTTP proxy the request went through (redacted), when HTTPS_PROXY applies.
    pub via_proxy: Option<String>,
    pub layers: Vec<LayerResult>,
    /// What the target stands for in the plan (GOPROXY entry, module, …).
    pub context: Option<TargetContext>,
    /// `git ls-remote`, for repositories go fetches directly.
    pub git: Option<vcs::GitCheck>,
}

impl Target {
    pub fn layer(&self, name: LayerName) -> Option<&LayerResult> {
        self.layers.iter().rev().find(|l| l.layer == name)
    }

    /// The first layer that did not succeed (ignoring skipped ones after it).
    pub fn first_failure(&self) -> Option<&LayerResult> {
        self.layers
            .iter()
            .find(|l| matches!(l.status, Status::Fail | Status::Timeout))
    }

    pub fn ok(&self) -> bool {
        let git_ok = self.git.as_ref().is_none_or(|g| g.status == Status::Ok);
        self.first_failure().is_none() && (!self.layers.is_empty() || self.git.is_some()) && git_ok
    }

    /// The HTTP status the last request got, if one was answered.
    pub fn http_status(&self) -> Option<u16> {
        Some(self.layer(LayerName::Http)?.detail.as_http()?.status)
    }

    /// A field of the plan's `context` (the GOPROXY entry, the module, …), if set.
    pub fn context<'a, T: 'a>(
        &'a self,
        field: impl FnOnce(&'a TargetContext) -> Option<T>,
    ) -> Option<T> {
        self.context.as_ref().and_then(field)
    }
}

/// A deadline shared by all layers of one check.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    pub end: Instant,
}

impl Deadline {
    pub fn after(d: Duration) -> Self {
        Deadline {
            end: Instant::now() + d,
        }
    }

    pub fn remaining(&self) -> Duration {
        self.end.saturating_duration_since(Instant::now())
    }

    /// The budget for one layer: its own cap, never past the check's deadline.
    pub fn budget(&self, cap: Duration) -> Duration {
        self.remaining().min(cap)
    }
}

/// Per-layer caps: no step waits on go's 30 s dial timeout.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub dns: Duration,
    pub tcp: Duration,
    pub tls: Duration,
    pub http: Duration,
    pub proxy: Duration,
    pub git: Duration,
    /// Body bytes read at most per response.
    pub max_body: usize,
}

impl Limits {
    pub fn for_timeout(total: Duration) -> Self {
        let frac = |f: f64, cap: u64| {
            Duration::from_secs_f64(total.as_secs_f64() * f).min(Duration::from_secs(cap))
        };
        Limits {
            dns: frac(0.3, 3),
            tcp: frac(0.3, 3),
            tls: frac(0.3, 3),
            http: frac(0.4, 4),
            proxy: frac(0.3, 3),
            git: frac(0.6, 6),
            max_body: 256 << 10,
        }
    }
}

/// A printable excerpt of a body: ≤ 512 bytes, control characters replaced.
pub fn excerpt(body: &[u8]) -> String {
    let cut = &body[..body.len().min(512)];
    crate::config::env::go_lossy(cut)
        .chars()
        .map(|c| if c.is_control() && c != '\n' { '.' } else { c })
        .collect()
}
