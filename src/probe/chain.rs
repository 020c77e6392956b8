//! The connection chain, written once: DNS → TCP to the origin, or the HTTP proxy go uses (a
//! CONNECT tunnel for https, the proxy itself for plain http), then TLS for https. Each layer
//! runs over the stream the one before built and under its own share of the deadline, and is
//! recorded, so the first failing layer is known. fetch.rs speaks HTTP over what [`open`]
//! returns; proxy.rs builds the hop to the proxy from [`dial`] and [`Leg::secure`].

use std::net::SocketAddr;

use tokio_rustls::client::TlsStream;

use super::dns::{self, DnsSetup};
use super::stream::{BoxIo, Recording, SeenHandle};
use super::tls::{self, TlsSetup};
use super::{Deadline, LayerName, LayerResult, Limits, proxy, tcp};
use crate::config::gourl::GoUrl;

/// What every connection needs: name resolution, trust, and each layer's cap.
pub struct Net {
    pub dns: DnsSetup,
    pub tls: TlsSetup,
    pub limits: Limits,
}

/// The layers run so far, and the stream they built (none once a layer failed).
pub struct Leg {
    pub layers: Vec<LayerResult>,
    pub stream: Option<BoxIo>,
    /// The ALPN protocol TLS negotiated, if TLS ran.
    pub alpn: Option<String>,
    /// The TCP connection's local and remote addresses, which go's read errors name
    /// (`read tcp A->B: …`).
    pub sockets: Option<(SocketAddr, SocketAddr)>,
}

impl Leg {
    /// A leg that ends at `layers`, with no stream.
    pub fn failed(layers: Vec<LayerResult>) -> Self {
        Leg {
            layers,
            stream: None,
            alpn: None,
            sockets: None,
        }
    }

    /// Lists TCP as skipped after a name that did not resolve.
    pub(super) fn or_unresolved(mut self) -> Self {
        if let [dns] = self.layers.as_slice()
            && dns.layer == LayerName::Dns
            && !dns.is_ok()
        {
            self.layers.push(LayerResult::skipped(
                LayerName::Tcp,
                "the name did not resolve",
            ));
        }
        self
    }

    /// TLS over this leg's stream with SNI `host`, offering `alpn` (nothing when an earlier
    /// layer failed). `public`: the name should carry a publicly issued certificate.
    pub async fn secure(
        mut self,
        net: &Net,
        deadline: Deadline,
        host: &str,
        public: bool,
        alpn: &[&[u8]],
    ) -> Self {
        let Some(io) = self.stream.take() else {
            return self;
        };
        let hs = tls::handshake(
            &net.tls,
            io,
            tls::Peer {
                host,
                public,
                sockets: self.sockets,
            },
            alpn,
            deadline.budget(net.limits.tls),
        )
        .await;
        self.layers.push(hs.layer);
        self.alpn = hs.alpn;
        self.stream = hs.stream.map(|s: TlsStream<BoxIo>| Box::new(s) as BoxIo);
        self
    }
}

/// DNS then TCP to `host:port`; nothing after a name that did not resolve.
pub async fn dial(net: &Net, deadline: Deadline, host: &str, port: u16, public: bool) -> Leg {
    let resolved = dns::resolve(&net.dns, host, public, deadline.budget(net.limits.dns)).await;
    if !resolved.layer.is_ok() {
        return Leg::failed(vec![resolved.layer]);
    }
    let dialed = tcp::dial(&resolved.addrs, port, deadline.budget(net.limits.tcp)).await;
    let sockets = dialed
        .stream
        .as_ref()
        .and_then(|s| Some((s.local_addr().ok()?, s.peer_addr().ok()?)));
    Leg {
        layers: vec![resolved.layer, dialed.layer],
        stream: dialed.stream.map(|s| Box::new(s) as BoxIo),
        alpn: None,
        sockets,
    }
}

/// DNS then TCP to `host:port` (a git host, an HTTP proxy): can it be reached at all?
pub async fn reach(
    net: &Net,
    deadline: Deadline,
    host: &str,
    port: u16,
    public: bool,
) -> Vec<LayerResult> {
    dial(net, deadline, host, port, public)
        .await
        .or_unresolved()
        .layers
}

/// A connection to an origin, ready for HTTP.
pub struct Opened {
    pub leg: Leg,
    /// The application data the server sent (above TLS), so a slow answer is told apart from
    /// a stalled one.
    pub seen: Option<SeenHandle>,
}

/// The way to `url`'s origin: through `via` (the HTTP proxy go uses for it) or directly,
/// then TLS for https (offering h2 and http/1.1, as go does).
pub async fn open(
    net: &Net,
    deadline: Deadline,
    url: &GoUrl,
    public: bool,
    via: Option<&GoUrl>,
) -> Opened {
    let host = url.hostname().to_owned();
    let port = url.port_or_default();
    let https = url.scheme == "https";
    let mut leg = match (via, https) {
        (Some(p), true) => proxy::tunnel(net, deadline, p, &format!("{host}:{port}")).await,
        // Plain http:// through a proxy is forwarded, not tunnelled: the request goes over the
        // connection to the proxy (TLS to it for an https:// proxy).
        (Some(p), false) => proxy::reach_proxy(net, deadline, p).await,
        (None, _) => dial(net, deadline, &host, port, public)
            .await
            .or_unresolved(),
    };
    if https {
        leg = leg
            .secure(net, deadline, &host, public, &[b"h2", b"http/1.1"])
            .await;
    }
    // Counted above TLS, where go's HTTP client reads: TLS 1.3 session tickets and other
    // records below the application data are not an answer arriving.
    let Some(io) = leg.stream.take() else {
        return Opened { leg, seen: None };
    };
    let (io, seen) = if leg.alpn.as_deref() == Some("h2") {
        Recording::h2(io)
    } else {
        Recording::new(io)
    };
    leg.stream = Some(Box::new(io));
    Opened {
        leg,
        seen: Some(seen),
    }
}
