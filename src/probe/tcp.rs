//! TCP layer: dial every resolved address the way go's dialer does — the first address's
//! family first, the other family after 300 ms (Happy Eyeballs), each family tried in order —
//! and record every attempt: connected, refused, reset, unreachable or timed out.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use tokio::net::TcpStream;
use tokio::sync::mpsc;

use super::evidence::{DialAttempt, DialResult, TcpEvidence};
use super::{LayerName, LayerResult, TcpError};

/// go's `fallbackDelay`.
pub const FALLBACK_DELAY: Duration = Duration::from_millis(300);

/// Classifies a connect error the way the report names it.
pub fn classify(e: &std::io::Error) -> (TcpError, &'static str) {
    use std::io::ErrorKind::*;
    match e.kind() {
        ConnectionRefused => (TcpError::Refused, "connect: connection refused"),
        ConnectionReset => (TcpError::Reset, "connection reset by peer"),
        TimedOut => (TcpError::Timeout, "i/o timeout"),
        HostUnreachable => (TcpError::Unreachable, "connect: no route to host"),
        NetworkUnreachable => (TcpError::Unreachable, "connect: network is unreachable"),
        AddrNotAvailable => (
            TcpError::Unreachable,
            "connect: cannot assign requested address",
        ),
        PermissionDenied => (
            TcpError::Blocked,
            "connect: permission denied (local firewall)",
        ),
        _ => (TcpError::Other, "connect failed"),
    }
}

pub struct Dialed {
    pub layer: LayerResult,
    pub stream: Option<TcpStream>,
}

enum Attempt {
    Connected(SocketAddr, TcpStream, Duration),
    Failed(SocketAddr, TcpError, String, Duration),
}

/// Dials `port` on `addrs` (already in go's preference order) within `budget`.
pub async fn dial(addrs: &[IpAddr], port: u16, budget: Duration) -> Dialed {
    let start = Instant::now();
    if addrs.is_empty() {
        return Dialed {
            layer: LayerResult::skipped(LayerName::Tcp, "no address to dial"),
            stream: None,
        };
    }
    let primary_v4 = addrs[0].is_ipv4();
    let primaries: Vec<SocketAddr> = addrs
        .iter()
        .filter(|a| a.is_ipv4() == primary_v4)
        .map(|a| SocketAddr::new(*a, port))
        .collect();
    let fallbacks: Vec<SocketAddr> = addrs
        .iter()
        .filter(|a| a.is_ipv4() != primary_v4)
        .map(|a| SocketAddr::new(*a, port))
        .collect();

    let (tx, mut rx) = mpsc::channel::<Attempt>(addrs.len() + 1);
    let deadline = start + budget;
    let chain = |list: Vec<SocketAddr>, delay: Duration, tx: mpsc::Sender<Attempt>| async move {
        tokio::time::sleep(delay).await;
        let n = list.len();
        for (i, addr) in list.into_iter().enumerate() {
            let now = Instant::now();
            if now >= deadline {
                return;
            }
            // go's partialDeadline: share what is left among the remaining addresses, ≥ 2 s.
            let left = deadline - now;
            let share = (left / (n - i) as u32)
                .max(Duration::from_secs(2))
                .min(left);
            let t0 = Instant::now();
            let res = tokio::time::timeout(share, TcpStream::connect(addr)).await;
            let took = t0.elapsed();
            let attempt = match res {
                Ok(Ok(s)) => Attempt::Connected(addr, s, took),
                Ok(Err(e)) => {
                    let (k, m) = classify(&e);
                    Attempt::Failed(addr, k, format!("dial tcp {addr}: {m}"), took)
                }
                Err(_) => Attempt::Failed(
                    addr,
                    TcpError::Timeout,
                    format!("dial tcp {addr}: i/o timeout"),
                    took,
                ),
            };
            let connected = matches!(attempt, Attempt::Connected(..));
            if tx.send(attempt).await.is_err() || connected {
                return;
            }
        }
    };
    let primary_task = tokio::spawn(chain(primaries, Duration::ZERO, tx.clone()));
    let fallback_task =
        (!fallbacks.is_empty()).then(|| tokio::spawn(chain(fallbacks, FALLBACK_DELAY, tx.clone())));
    drop(tx);

    let mut attempts: Vec<DialAttempt> = Vec::new();
    let mut winner: Option<(SocketAddr, TcpStream)> = None;
    let mut failures: Vec<(TcpError, String)> = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, rx.recv()).await {
            Ok(Some(Attempt::Connected(addr, s, took))) => {
                attempts.push(DialAttempt {
                    address: addr.to_string(),
                    result: DialResult::Connected,
                    ms: Some(super::millis(took)),
                });
                winner = Some((addr, s));
                break;
            }
            Ok(Some(Attempt::Failed(addr, kind, msg, took))) => {
                attempts.push(DialAttempt {
                    address: addr.to_string(),
                    result: DialResult::Failed(kind),
                    ms: Some(super::millis(took)),
                });
                failures.push((kind, msg));
            }
            Ok(None) | Err(_) => break,
        }
    }
    primary_task.abort();
    if let Some(t) = fallback_task {
        t.abort();
    }
    let elapsed = start.elapsed();
    let tried: Vec<String> = attempts.iter().map(|a| a.address.clone()).collect();
    for a in addrs {
        let sa = SocketAddr::new(*a, port).to_string();
        if !tried.contains(&sa) {
            let result = if winner.is_some() {
                DialResult::NotTried
            } else {
                DialResult::StillDialing
            };
            attempts.push(DialAttempt {
                address: sa,
                result,
                ms: None,
            });
        }
    }
    let mut detail = TcpEvidence {
        port,
        attempts,
        connected: None,
        ssh: None,
    };
    match winner {
        Some((addr, stream)) => {
            detail.connected = Some(addr.to_string());
            let _ = stream.set_nodelay(true);
            Dialed {
                layer: LayerResult::ok(LayerName::Tcp, elapsed, detail),
                stream: Some(stream),
            }
        }
        None => {
            // Refused/reset on every address is a clear answer; otherwise it timed out.
            let timed_out = |k: &TcpError| *k == TcpError::Timeout;
            let layer = match failures.iter().find(|(k, _)| !timed_out(k)) {
                Some((kind, msg)) if !failures.iter().any(|(k, _)| timed_out(k)) => {
                    LayerResult::fail(elapsed, *kind, msg.clone(), detail)
                }
                _ => {
                    let first = tried
                        .first()
                        .cloned()
                        .unwrap_or_else(|| SocketAddr::new(addrs[0], port).to_string());
                    LayerResult::timeout(
                        elapsed,
                        TcpError::Timeout,
                        format!("dial tcp {first}: i/o timeout"),
                        detail,
                    )
                }
            };
            Dialed {
                layer,
                stream: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn connects_and_records_refusals() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let d = dial(
            &["127.0.0.1".parse().unwrap()],
            port,
            Duration::from_secs(2),
        )
        .await;
        assert!(d.stream.is_some());
        assert_eq!(d.layer.status, super::super::Status::Ok);
        drop(listener);
        let d = dial(
            &["127.0.0.1".parse().unwrap()],
            port,
            Duration::from_secs(2),
        )
        .await;
        assert_eq!(d.layer.kind(), Some(TcpError::Refused.into()));
        assert!(
            d.layer
                .error
                .unwrap()
                .message
                .contains("connection refused")
        );
    }
}
