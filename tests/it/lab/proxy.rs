//! An HTTP CONNECT proxy that tunnels only to loopback addresses; names resolve through the
//! lab DNS table, never the system resolver.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::time::timeout;

use super::httpd::{Request, Response, read_request};
use super::{HOSTILE_LIMIT, ProxyAuth, Shared};

const HEAD_READ: Duration = Duration::from_secs(10);
const DIAL: Duration = Duration::from_secs(5);

pub struct ConnectProxy {
    pub auth: ProxyAuth,
    pub shared: Arc<Shared>,
}

impl ConnectProxy {
    pub async fn serve(self: Arc<Self>, mut client: TcpStream) {
        let _ = timeout(HOSTILE_LIMIT, self.conn(&mut client)).await;
    }

    async fn conn(&self, client: &mut TcpStream) {
        let mut buf = Vec::new();
        let Ok(Ok(req)) = timeout(HEAD_READ, read_request(client, &mut buf)).await else {
            return;
        };
        self.shared
            .record(format!("proxy {} {}", req.method, req.target));
        let refuse = |status: u16, msg: &str| {
            let mut r = Response::text(status, msg);
            if status == 407 {
                r.header("Proxy-Authenticate", "Basic realm=\"lab\"");
            }
            r.encode(req.method == "HEAD", true)
        };
        if req.method != "CONNECT" {
            let _ = client
                .write_all(&refuse(405, "lab proxy: only CONNECT is supported\n"))
                .await;
            return;
        }
        match &self.auth {
            ProxyAuth::None => {}
            ProxyAuth::Forbidden => {
                let _ = client
                    .write_all(&refuse(403, "lab proxy: tunnel forbidden by policy\n"))
                    .await;
                return;
            }
            ProxyAuth::Basic { user, pass } => {
                if !basic_ok(&req, user, pass) {
                    let _ = client
                        .write_all(&refuse(407, "lab proxy: authentication required\n"))
                        .await;
                    return;
                }
            }
        }
        let target = match self.resolve(&req.target) {
            Ok(t) => t,
            Err(e) => {
                let _ = client
                    .write_all(&refuse(502, &format!("lab proxy: {e}\n")))
                    .await;
                return;
            }
        };
        let mut upstream = match timeout(DIAL, TcpStream::connect(target)).await {
            Ok(Ok(s)) => s,
            Ok(Err(e)) => {
                let _ = client
                    .write_all(&refuse(502, &format!("lab proxy: dial {target}: {e}\n")))
                    .await;
                return;
            }
            Err(_) => {
                let _ = client
                    .write_all(&refuse(
                        504,
                        &format!("lab proxy: dial {target}: timeout\n"),
                    ))
                    .await;
                return;
            }
        };
        let _ = upstream.set_nodelay(true);
        if client
            .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
            .await
            .is_err()
        {
            return;
        }
        if !buf.is_empty() && upstream.write_all(&buf).await.is_err() {
            return;
        }
        drop(buf);
        let _ = tokio::io::copy_bidirectional(client, &mut upstream).await;
    }

    /// `host:port` → a loopback socket address, or why not.
    fn resolve(&self, authority: &str) -> Result<SocketAddr, String> {
        let (host, port) = authority
            .rsplit_once(':')
            .ok_or_else(|| format!("CONNECT target {authority:?} has no port"))?;
        let port: u16 = port
            .parse()
            .map_err(|_| format!("CONNECT target {authority:?} has a bad port"))?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let routed = self
            .shared
            .routes
            .lock()
            .unwrap()
            .iter()
            .find_map(|(n, p, to)| (n.eq_ignore_ascii_case(host) && *p == port).then_some(*to));
        if let Some(to) = routed {
            return Ok(to);
        }
        let ips = match host.parse::<IpAddr>() {
            Ok(ip) => vec![ip],
            Err(_) => self.shared.dns.resolve(host)?,
        };
        ips.into_iter()
            .find(|ip| super::is_lab_ip(*ip))
            .map(|ip| SocketAddr::new(ip, port))
            .ok_or_else(|| format!("refusing non-loopback target {authority}"))
    }
}

fn basic_ok(req: &Request, user: &str, pass: &str) -> bool {
    let Some(v) = req.header("proxy-authorization") else {
        return false;
    };
    let Some((scheme, cred)) = v.trim().split_once(' ') else {
        return false;
    };
    scheme.eq_ignore_ascii_case("basic")
        && B64
            .decode(cred.trim())
            .is_ok_and(|d| d == format!("{user}:{pass}").as_bytes())
}
