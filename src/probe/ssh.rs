//! An ssh repository's server, as far as git's ssh gets before any key is offered: DNS → TCP,
//! then the server's identification line (RFC 4253 §4.2, `SSH-2.0-…`), read without sending
//! anything, bounded in bytes and time. ssh and git themselves are never run against a host.
//! Input: host and port from a git URL; output: the layers, the TCP layer carrying the
//! greeting ([`SshGreeting`]) or why there was none ([`SshError`]).

use std::time::{Duration, Instant};

use tokio::io::AsyncReadExt;

use super::chain::{self, Net};
use super::evidence::SshGreeting;
use super::{Deadline, LayerName, LayerResult, SshError};

/// Bytes read at most while waiting for the identification line.
const MAX_GREETING: usize = 8 << 10;
/// The longest identification line RFC 4253 allows, CR LF included.
const MAX_LINE: usize = 255;

/// What the first bytes from the server say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Greeting {
    /// `SSH-…`, with the lines sent before it.
    Banner { line: String, preamble: usize },
    /// Something that is not SSH.
    Other(String),
    /// The connection closed before anything was said.
    Closed,
}

/// Reads `buf` (everything received so far; `eof`: the peer closed): a verdict once one can
/// be given, None while more bytes may still settle it.
pub fn parse_greeting(buf: &[u8], eof: bool) -> Option<Greeting> {
    let mut preamble = 0;
    let mut rest = buf;
    while let Some(nl) = rest.iter().position(|&b| b == b'\n') {
        let line = &rest[..nl];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.starts_with(b"SSH-") {
            return Some(Greeting::Banner {
                line: sanitise(line),
                preamble,
            });
        }
        if !is_text(line) {
            return Some(Greeting::Other(sanitise(line)));
        }
        preamble += 1;
        rest = &rest[nl + 1..];
    }
    if rest.starts_with(b"SSH-") && (eof || rest.len() >= MAX_LINE) {
        return Some(Greeting::Banner {
            line: sanitise(rest),
            preamble,
        });
    }
    if !is_text(rest) || buf.len() >= MAX_GREETING || (eof && !buf.is_empty()) {
        let first = buf.split(|&b| b == b'\n').next().unwrap_or(buf);
        let first = first.strip_suffix(b"\r").unwrap_or(first);
        return Some(Greeting::Other(sanitise(first)));
    }
    eof.then_some(Greeting::Closed)
}

/// Printable ASCII, other bytes shown as `.`, at most 255 bytes.
fn sanitise(line: &[u8]) -> String {
    line.iter()
        .take(MAX_LINE)
        .map(|&b| {
            if (0x20..0x7f).contains(&b) {
                b as char
            } else {
                '.'
            }
        })
        .collect()
}

/// A line a server may send before its identification: text, not binary.
fn is_text(line: &[u8]) -> bool {
    line.iter()
        .all(|&b| b == b'\t' || b == b'\r' || (0x20..0x7f).contains(&b) || b >= 0x80)
        && std::str::from_utf8(line).is_ok()
}

/// DNS → TCP to `host:port`, then the server's greeting within the TCP layer's share of the
/// deadline.
pub async fn greet(
    net: &Net,
    deadline: Deadline,
    host: &str,
    port: u16,
    public: bool,
) -> Vec<LayerResult> {
    let mut leg = chain::dial(net, deadline, host, port, public)
        .await
        .or_unresolved();
    let Some(mut io) = leg.stream.take() else {
        return leg.layers;
    };
    let budget = deadline.budget(net.limits.tcp);
    let start = Instant::now();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    let verdict = tokio::time::timeout(budget, async {
        loop {
            let eof = match io.read(&mut chunk).await {
                Ok(0) | Err(_) => true,
                Ok(n) => {
                    let room = MAX_GREETING.saturating_sub(buf.len());
                    buf.extend_from_slice(&chunk[..n.min(room)]);
                    false
                }
            };
            if let Some(g) = parse_greeting(&buf, eof) {
                return g;
            }
        }
    })
    .await;
    let waited = start.elapsed();
    let Some(tcp) = leg
        .layers
        .iter_mut()
        .rev()
        .find(|l| l.layer == LayerName::Tcp)
    else {
        return leg.layers;
    };
    *tcp = judge(tcp, verdict.ok(), waited, &format!("{host}:{port}"));
    leg.layers
}

/// The TCP layer with the greeting (or its absence) folded in.
fn judge(tcp: &LayerResult, greeting: Option<Greeting>, waited: Duration, at: &str) -> LayerResult {
    let mut detail = tcp.detail.clone();
    let connect = Duration::from_secs_f64(tcp.ms / 1000.0);
    let mut seen = SshGreeting {
        ms: super::millis(waited),
        ..SshGreeting::default()
    };
    let failure = match &greeting {
        Some(Greeting::Banner { line, preamble }) => {
            seen.banner = Some(line.clone());
            seen.preamble_lines = *preamble;
            let v1 = line.starts_with("SSH-1.") && !line.starts_with("SSH-1.99-");
            v1.then(|| {
                (
                    SshError::Protocol1,
                    format!("ssh {at}: Protocol major versions differ: 2 vs. 1 ({line})"),
                )
            })
        }
        Some(Greeting::Other(first)) => {
            seen.other = Some(first.clone());
            Some((
                SshError::NotSsh,
                format!("ssh {at}: the server answered something that is not SSH: {first}"),
            ))
        }
        Some(Greeting::Closed) => Some((
            SshError::Closed,
            format!("ssh {at}: kex_exchange_identification: Connection closed by remote host"),
        )),
        None => None,
    };
    if let Some(d) = detail.as_tcp_mut() {
        d.ssh = Some(Box::new(seen));
    }
    match (greeting, failure) {
        (None, _) => LayerResult::timeout(
            connect + waited,
            SshError::BannerTimeout,
            super::no_answer(&format!("ssh {at}: identification"), waited),
            detail,
        ),
        (Some(_), Some((kind, msg))) => LayerResult::fail(connect + waited, kind, msg, detail),
        (Some(_), None) => LayerResult {
            detail,
            ..tcp.clone()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greetings() {
        let banner = |line: &str, preamble| {
            Some(Greeting::Banner {
                line: line.into(),
                preamble,
            })
        };
        assert_eq!(
            parse_greeting(b"SSH-2.0-OpenSSH_9.6p1 Ubuntu-3\r\n", false),
            banner("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3", 0)
        );
        // Lines before the identification are allowed.
        assert_eq!(
            parse_greeting(b"Welcome\r\nauthorised use only\r\nSSH-2.0-Go\r\n", false),
            banner("SSH-2.0-Go", 2)
        );
        assert_eq!(parse_greeting(b"SSH-2.0-Op", false), None);
        assert_eq!(parse_greeting(b"SSH-2.0-Op", true), banner("SSH-2.0-Op", 0));
        assert_eq!(parse_greeting(b"", true), Some(Greeting::Closed));
        assert_eq!(parse_greeting(b"", false), None);
        assert_eq!(
            parse_greeting(b"HTTP/1.1 400 Bad Request\r\n\r\n", true),
            Some(Greeting::Other("HTTP/1.1 400 Bad Request".into()))
        );
        assert_eq!(
            parse_greeting(b"\x15\x03\x01\x00\x02\x02\x46", false),
            Some(Greeting::Other("......F".into()))
        );
        let long = format!("SSH-2.0-{}", "x".repeat(400));
        let Some(Greeting::Banner { line, .. }) = parse_greeting(long.as_bytes(), false) else {
            panic!()
        };
        assert_eq!(line.len(), 255);
        assert_eq!(sanitise(b"SSH-2.0-a\x1b[31mb"), "SSH-2.0-a.[31mb");
    }

    #[test]
    fn protocol_1_and_timeouts_fail_the_tcp_layer() {
        let tcp = LayerResult::ok(
            LayerName::Tcp,
            Duration::from_millis(2),
            super::super::evidence::TcpEvidence {
                port: 22,
                attempts: Vec::new(),
                connected: Some("127.0.0.1:22".into()),
                ssh: None,
            },
        );
        let ok = judge(
            &tcp,
            Some(Greeting::Banner {
                line: "SSH-2.0-x".into(),
                preamble: 0,
            }),
            Duration::from_millis(1),
            "h:22",
        );
        assert!(ok.is_ok());
        assert_eq!(
            ok.detail
                .as_tcp()
                .unwrap()
                .ssh
                .as_ref()
                .unwrap()
                .banner
                .as_deref(),
            Some("SSH-2.0-x")
        );
        let v1 = judge(
            &tcp,
            Some(Greeting::Banner {
                line: "SSH-1.5-old".into(),
                preamble: 0,
            }),
            Duration::ZERO,
            "h:22",
        );
        assert_eq!(v1.kind(), Some(SshError::Protocol1.into()));
        let silent = judge(&tcp, None, Duration::from_millis(5), "h:22");
        assert_eq!(silent.status, super::super::Status::Timeout);
        assert_eq!(silent.layer, LayerName::Tcp);
        assert_eq!(silent.kind(), Some(SshError::BannerTimeout.into()));
    }
}
