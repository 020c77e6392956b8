//! The HTTP proxy hop, where HTTPS_PROXY applies: DNS and TCP to the proxy (and TLS for an
//! `https://` proxy), built from chain.rs's pieces, the CONNECT request with its status (200,
//! 407 and its auth scheme, 403, 502 …), then the tunnel that TLS to the target runs through.
//! Credentials from the proxy URL are sent, never shown (docs/go/semantics.md §6).

use std::time::{Duration, Instant};

use base64::Engine as _;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::chain::{self, Leg, Net};
use super::evidence::{ConnectEvidence, Evidence, Peer};
use super::stream::BoxIo;
use super::{Deadline, LayerResult, ProxyError, no_answer};
use crate::config::gourl::{GoUrl, percent_decode};

/// `Basic …` from a URL's userinfo, as net/http sends it (`Proxy-Authorization` for a proxy
/// URL, `Authorization` for a request URL).
pub fn basic_auth(url: &GoUrl) -> Option<String> {
    let info = url.userinfo.as_deref()?;
    let (user, pass) = info.split_once(':').unwrap_or((info, ""));
    Some(basic(&percent_decode(user), &percent_decode(pass)))
}

/// `SetBasicAuth`'s header value.
pub fn basic(user: &str, password: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}

/// Opens a CONNECT tunnel to `authority` (`host:port`) through `proxy`.
pub async fn tunnel(net: &Net, deadline: Deadline, proxy: &GoUrl, authority: &str) -> Leg {
    let mut leg = reach_proxy(net, deadline, proxy).await;
    let Some(io) = leg.stream.take() else {
        return leg;
    };
    let (layer, stream) = connect(io, proxy, authority, deadline.budget(net.limits.proxy)).await;
    leg.layers.push(layer);
    leg.stream = stream;
    leg
}

/// The connection to the proxy itself: DNS, TCP and, for an `https://` proxy, TLS to it
/// (what go's transport opens before a CONNECT, or before forwarding a plain-http request).
pub async fn reach_proxy(net: &Net, deadline: Deadline, proxy: &GoUrl) -> Leg {
    let scheme = proxy.scheme.as_str();
    if !matches!(scheme, "http" | "https") {
        return Leg::failed(vec![LayerResult::fail(
            Duration::ZERO,
            ProxyError::UnsupportedScheme,
            format!("godoctor cannot probe {scheme}:// proxies (go supports http, https, socks5)"),
            Evidence::empty(),
        )]);
    }
    let host = proxy.hostname();
    let mut leg = chain::dial(net, deadline, host, proxy.port_or_default(), false).await;
    if scheme == "https" {
        leg = leg.secure(net, deadline, host, false, &[b"http/1.1"]).await;
    }
    Leg {
        layers: leg.layers.into_iter().map(with_proxy_note).collect(),
        stream: leg.stream,
        // The protocol spoken with the proxy, not with the target.
        alpn: None,
        // A tunnel is still this TCP connection: go's read errors name it.
        sockets: leg.sockets,
    }
}

fn with_proxy_note(mut l: LayerResult) -> LayerResult {
    l.peer = Some(Peer::HttpProxy);
    if let Some(e) = l.error.as_mut() {
        // go wraps dial and TLS failures to the proxy as `proxyconnect tcp: …`.
        e.message = format!("proxyconnect tcp: {}", e.message);
    }
    l
}

/// Sends CONNECT and reads the proxy's answer (headers only, ≤ 16 KiB).
async fn connect(
    mut io: BoxIo,
    proxy: &GoUrl,
    authority: &str,
    budget: Duration,
) -> (LayerResult, Option<BoxIo>) {
    let start = Instant::now();
    let mut req = format!(
        "CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\nUser-Agent: {}\r\n",
        super::http::USER_AGENT_H1
    );
    if let Some(auth) = basic_auth(proxy) {
        req.push_str(&format!("Proxy-Authorization: {auth}\r\n"));
    }
    req.push_str("\r\n");
    let exchange = async {
        io.write_all(req.as_bytes()).await?;
        io.flush().await?;
        let mut buf = Vec::with_capacity(1024);
        let mut chunk = [0u8; 1024];
        loop {
            let n = io.read(&mut chunk).await?;
            if n == 0 {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "proxy closed the connection",
                ));
            }
            buf.extend_from_slice(&chunk[..n]);
            if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                buf.truncate(end);
                return Ok(buf);
            }
            if buf.len() > 16 << 10 {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "proxy answer headers over 16 KiB",
                ));
            }
        }
    };
    let head = match tokio::time::timeout(budget, exchange).await {
        Err(_) => {
            let waited = start.elapsed();
            return (
                LayerResult::timeout(
                    waited,
                    ProxyError::Timeout,
                    no_answer(&format!("CONNECT {authority}"), waited),
                    Evidence::empty(),
                ),
                None,
            );
        }
        Ok(Err(e)) => {
            let kind = if e.kind() == std::io::ErrorKind::ConnectionReset {
                ProxyError::Reset
            } else {
                ProxyError::Other
            };
            return (
                LayerResult::fail(
                    start.elapsed(),
                    kind,
                    format!("proxyconnect tcp: {e}"),
                    Evidence::empty(),
                ),
                None,
            );
        }
        Ok(Ok(h)) => h,
    };
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut lines = text.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.splitn(3, ' ');
    let _proto = parts.next();
    let code: u16 = parts.next().and_then(|c| c.parse().ok()).unwrap_or(0);
    let reason = parts.next().unwrap_or("").to_owned();
    let auth: Vec<String> = lines
        .filter_map(|l| l.split_once(':'))
        .filter(|(k, _)| k.trim().eq_ignore_ascii_case("proxy-authenticate"))
        .map(|(_, v)| v.trim().to_owned())
        .collect();
    let schemes: Vec<String> = auth
        .iter()
        .filter_map(|a| a.split_whitespace().next().map(str::to_owned))
        .collect();
    let detail = ConnectEvidence {
        status: code,
        status_line: status_line.to_owned(),
        auth_schemes: schemes.clone(),
        credentials_sent: proxy.userinfo.is_some(),
    };
    let elapsed = start.elapsed();
    match code {
        200 => (
            LayerResult::ok(super::LayerName::Proxy, elapsed, detail),
            Some(io),
        ),
        0 => (
            LayerResult::fail(
                elapsed,
                ProxyError::NotHttp,
                format!(
                    "the proxy's answer is not HTTP: {:?}",
                    status_line.chars().take(60).collect::<String>()
                ),
                detail,
            ),
            None,
        ),
        407 => {
            let msg = if proxy.userinfo.is_some() {
                format!(
                    "{reason} (the proxy rejected the credentials in HTTPS_PROXY; it asks for {})",
                    schemes.join(", ")
                )
            } else {
                format!(
                    "{reason} (the proxy asks for {} credentials; HTTPS_PROXY has none)",
                    schemes.join(", ")
                )
            };
            (
                LayerResult::fail(elapsed, ProxyError::AuthRequired, msg, detail),
                None,
            )
        }
        403 => (
            LayerResult::fail(elapsed, ProxyError::Forbidden, reason, detail),
            None,
        ),
        _ => (
            LayerResult::fail(elapsed, ProxyError::ConnectRefused, reason, detail),
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_auth_from_userinfo() {
        let u = crate::config::gourl::parse("http://al%40ice:p%3Ass@p:1").unwrap();
        let expected = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode("al@ice:p:ss")
        );
        assert_eq!(basic_auth(&u), Some(expected));
        assert_eq!(
            basic_auth(&crate::config::gourl::parse("http://p:1").unwrap()),
            None
        );
    }
}
