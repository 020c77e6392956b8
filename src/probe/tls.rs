//! TLS layer: the handshake go would do (go's roots, SNI, ALPN h2 + http/1.1), with version,
//! cipher, ALPN and the presented chain recorded even when verification fails, and failures
//! classified: unknown issuer (interception CA vs private CA, by a second opinion from the
//! public web PKI), expired / not yet valid (with a clock hint), name mismatch, reset or EOF
//! right after the ClientHello (the signature of SNI filtering), a non-TLS reply, a stall.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use super::evidence::{Certificate, ClockHint, Evidence, Negotiated, TlsEvidence};
use super::stream::{BoxIo, Recording};
use super::{LayerName, LayerResult, TlsError};

pub fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Keeps the chain the server presented and the verifier's verdict, whatever it was.
#[derive(Debug)]
struct Recorder {
    inner: Arc<WebPkiServerVerifier>,
    chain: Mutex<Vec<CertificateDer<'static>>>,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut c) = self.chain.lock() {
            *c = std::iter::once(end_entity)
                .chain(intermediates)
                .map(|c| c.clone().into_owned())
                .collect();
        }
        self.inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
    }
    fn verify_tls12_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(m, c, d)
    }
    fn verify_tls13_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(m, c, d)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// What the TLS layer needs: go's roots and the public roots for a second opinion.
#[derive(Clone)]
pub struct TlsSetup {
    pub roots: Arc<RootCertStore>,
    pub public: Arc<RootCertStore>,
}

impl TlsSetup {
    /// A plain client config with go's roots (for DoT/DoH comparison resolvers).
    pub fn client_config(&self, alpn: &[&[u8]]) -> Option<ClientConfig> {
        let mut cfg = ClientConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .ok()?
            .with_root_certificates(self.roots.clone())
            .with_no_client_auth();
        cfg.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
        Some(cfg)
    }
}

pub struct Handshake {
    pub layer: LayerResult,
    pub stream: Option<TlsStream<BoxIo>>,
    /// The negotiated ALPN protocol (`h2`, `http/1.1`).
    pub alpn: Option<String>,
}

fn verifier(roots: Arc<RootCertStore>) -> Option<Arc<WebPkiServerVerifier>> {
    WebPkiServerVerifier::builder_with_provider(roots, provider())
        .build()
        .ok()
}

/// Who the handshake is with.
#[derive(Debug, Clone, Copy)]
pub struct Peer<'a> {
    /// The name sent as SNI and checked in the certificate.
    pub host: &'a str,
    /// The host is expected to carry a publicly issued certificate (so an unknown issuer means
    /// interception rather than a private CA).
    pub public: bool,
    /// The TCP connection's local and remote addresses, named in go's read errors.
    pub sockets: Option<(SocketAddr, SocketAddr)>,
}

/// Handshakes over `io` with `peer`, within `budget`.
pub async fn handshake(
    setup: &TlsSetup,
    io: BoxIo,
    peer: Peer<'_>,
    alpn: &[&[u8]],
    budget: Duration,
) -> Handshake {
    let Peer {
        host,
        public: public_name,
        sockets,
    } = peer;
    let start = Instant::now();
    let bare = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    let Ok(server_name) = ServerName::try_from(bare.clone()) else {
        return Handshake {
            layer: LayerResult::fail(
                start.elapsed(),
                TlsError::BadServerName,
                format!("{host:?} is not a valid TLS server name"),
                Evidence::Nothing,
            ),
            stream: None,
            alpn: None,
        };
    };
    let Some(inner) = verifier(setup.roots.clone()) else {
        return Handshake {
            layer: LayerResult::fail(
                start.elapsed(),
                TlsError::NoRoots,
                "x509: failed to load system roots and no roots provided",
                Evidence::Nothing,
            ),
            stream: None,
            alpn: None,
        };
    };
    let recorder = Arc::new(Recorder {
        inner,
        chain: Mutex::new(Vec::new()),
    });
    let Ok(builder) =
        ClientConfig::builder_with_provider(provider()).with_safe_default_protocol_versions()
    else {
        return Handshake {
            layer: LayerResult::fail(
                start.elapsed(),
                TlsError::Internal,
                "no TLS versions",
                Evidence::Nothing,
            ),
            stream: None,
            alpn: None,
        };
    };
    let mut cfg = builder
        .dangerous()
        .with_custom_certificate_verifier(recorder.clone())
        .with_no_client_auth();
    cfg.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    let connector = TlsConnector::from(Arc::new(cfg));
    let (io, seen) = Recording::new(io);
    let boxed: BoxIo = Box::new(io);
    let result = tokio::time::timeout(budget, connector.connect(server_name, boxed)).await;
    let elapsed = start.elapsed();
    let chain = recorder.chain.lock().map(|c| c.clone()).unwrap_or_default();
    let mut detail = TlsEvidence {
        sni: bare.clone(),
        chain: chain.iter().map(|c| certificate(c)).collect(),
        negotiated: None,
        bytes_received: None,
        first_bytes: None,
        public_roots_accept: None,
        clock_hint: None,
    };
    match result {
        Ok(Ok(stream)) => {
            let (_, conn) = stream.get_ref();
            let alpn = conn
                .alpn_protocol()
                .map(|p| String::from_utf8_lossy(p).into_owned());
            detail.negotiated = Some(Negotiated {
                version: conn.protocol_version().map(|v| format!("{v:?}")),
                cipher: conn
                    .negotiated_cipher_suite()
                    .map(|c| format!("{:?}", c.suite())),
                alpn: alpn.clone(),
            });
            Handshake {
                layer: LayerResult::ok(LayerName::Tls, elapsed, detail),
                stream: Some(stream),
                alpn,
            }
        }
        Err(_) => {
            let got = seen.lock().map(|s| s.bytes_read).unwrap_or(0);
            detail.bytes_received = Some(got);
            let kind = if got == 0 {
                TlsError::HandshakeTimeout
            } else {
                TlsError::HandshakeStalled
            };
            Handshake {
                layer: LayerResult::timeout(
                    elapsed,
                    kind,
                    "net/http: TLS handshake timeout".into(),
                    detail,
                ),
                stream: None,
                alpn: None,
            }
        }
        Ok(Err(e)) => {
            let (got, first) = seen
                .lock()
                .map(|s| (s.bytes_read, s.first.clone()))
                .unwrap_or_default();
            detail.bytes_received = Some(got);
            let (kind, mut message) = classify(
                setup,
                &e,
                got,
                &first,
                &chain,
                &bare,
                public_name,
                &mut detail,
            );
            // net.OpError: `read tcp 10.0.0.5:41000->142.250.1.1:443: read: connection reset…`.
            if let (Some((local, remote)), true) = (sockets, message.starts_with("read: ")) {
                message = format!("read tcp {local}->{remote}: {message}");
            }
            Handshake {
                layer: LayerResult::fail(elapsed, kind, message, detail),
                stream: None,
                alpn: None,
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn classify(
    setup: &TlsSetup,
    e: &std::io::Error,
    got: u64,
    first: &[u8],
    chain: &[CertificateDer<'static>],
    host: &str,
    public_name: bool,
    detail: &mut TlsEvidence,
) -> (TlsError, String) {
    use std::io::ErrorKind;
    let tls_err = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>());
    if let Some(rustls::Error::InvalidCertificate(ce)) = tls_err {
        return classify_cert(setup, ce, chain, host, public_name, detail);
    }
    if got == 0 {
        return match e.kind() {
            ErrorKind::ConnectionReset => (
                TlsError::ResetAfterClientHello,
                "read: connection reset by peer".into(),
            ),
            ErrorKind::UnexpectedEof => (TlsError::EofAfterClientHello, "EOF".into()),
            _ => (TlsError::HandshakeError, format!("TLS handshake: {e}")),
        };
    }
    if first.starts_with(b"HTTP/") {
        let line = String::from_utf8_lossy(first)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned();
        // The line is evidence; the message is go's.
        detail.first_bytes = Some(line);
        return (
            TlsError::NotTlsHttp,
            "http: server gave HTTP response to HTTPS client".into(),
        );
    }
    if first.first().is_some_and(|b| !(0x14..=0x18).contains(b)) {
        detail.first_bytes = Some(super::excerpt(&first[..first.len().min(16)]));
        return (
            TlsError::NotTls,
            "tls: first record does not look like a TLS handshake".into(),
        );
    }
    match tls_err {
        Some(rustls::Error::AlertReceived(a)) => {
            (TlsError::Alert, format!("remote error: tls: {a:?}"))
        }
        Some(rustls::Error::PeerIncompatible(p)) => (TlsError::Incompatible, format!("tls: {p:?}")),
        Some(other) => (TlsError::HandshakeError, format!("tls: {other}")),
        None => match e.kind() {
            ErrorKind::ConnectionReset => (
                TlsError::ResetDuringHandshake,
                "read: connection reset by peer".into(),
            ),
            ErrorKind::UnexpectedEof => (TlsError::EofDuringHandshake, "EOF".into()),
            _ => (TlsError::HandshakeError, format!("TLS handshake: {e}")),
        },
    }
}

fn classify_cert(
    setup: &TlsSetup,
    ce: &CertificateError,
    chain: &[CertificateDer<'static>],
    host: &str,
    public_name: bool,
    detail: &mut TlsEvidence,
) -> (TlsError, String) {
    let go = "tls: failed to verify certificate: x509";
    match ce {
        CertificateError::UnknownIssuer => {
            // Second opinion: does the public web PKI accept this chain for this name?
            let public_ok = chain.split_first().and_then(|(leaf, rest)| {
                let v = verifier(setup.public.clone())?;
                let name = ServerName::try_from(host.to_owned()).ok()?;
                Some(
                    v.verify_server_cert(leaf, rest, &name, &[], UnixTime::now())
                        .is_ok(),
                )
            });
            detail.public_roots_accept = Some(public_ok);
            if public_ok == Some(true) {
                (
                    TlsError::UnknownIssuerMissingRoot,
                    format!("{go}: certificate signed by unknown authority"),
                )
            } else if public_name {
                (
                    TlsError::UnknownIssuerInterception,
                    format!("{go}: certificate signed by unknown authority"),
                )
            } else {
                (
                    TlsError::UnknownIssuerPrivateCa,
                    format!("{go}: certificate signed by unknown authority"),
                )
            }
        }
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            detail.clock_hint = Some(clock_hint(chain));
            (
                TlsError::Expired,
                format!("{go}: certificate has expired or is not yet valid"),
            )
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            detail.clock_hint = Some(clock_hint(chain));
            (
                TlsError::NotYetValid,
                format!("{go}: certificate has expired or is not yet valid"),
            )
        }
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            let names = chain.first().map(|c| certificate(c)).map_or_else(
                || "other names".to_owned(),
                |c| match c.sans().join(", ") {
                    n if n.is_empty() => "other names".to_owned(),
                    n => n,
                },
            );
            (
                TlsError::NameMismatch,
                format!("{go}: certificate is valid for {names}, not {host}"),
            )
        }
        other => (TlsError::BadCertificate, format!("{go}: {other:?}")),
    }
}

/// Compares the leaf's validity with the local clock: a clock far off makes valid
/// certificates look expired.
fn clock_hint(chain: &[CertificateDer<'static>]) -> Option<ClockHint> {
    let leaf = chain.first()?;
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (_, cert) = x509_parser::parse_x509_certificate(leaf.as_ref()).ok()?;
    let nb = cert.validity().not_before.timestamp();
    let na = cert.validity().not_after.timestamp();
    Some(ClockHint {
        local_time_unix: now,
        not_before_unix: nb,
        not_after_unix: na,
        hint: if now < nb {
            "the local clock is before the certificate's start: check the system time"
        } else if now > na {
            "the certificate ended before the local time: the server's certificate expired, or the local clock is ahead"
        } else {
            ""
        },
    })
}

pub fn certificate(der: &CertificateDer<'_>) -> Certificate {
    match x509_parser::parse_x509_certificate(der.as_ref()) {
        Ok((_, c)) => {
            let sans: Vec<String> = c
                .subject_alternative_name()
                .ok()
                .flatten()
                .map(|ext| {
                    ext.value
                        .general_names
                        .iter()
                        .filter_map(|n| match n {
                            x509_parser::extensions::GeneralName::DNSName(d) => {
                                Some((*d).to_owned())
                            }
                            x509_parser::extensions::GeneralName::IPAddress(b) => match b.len() {
                                4 => Some(
                                    std::net::Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string(),
                                ),
                                16 => <[u8; 16]>::try_from(*b)
                                    .ok()
                                    .map(|a| std::net::Ipv6Addr::from(a).to_string()),
                                _ => None,
                            },
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            Certificate::Parsed {
                subject: c.subject().to_string(),
                issuer: c.issuer().to_string(),
                not_before: c.validity().not_before.to_string(),
                not_after: c.validity().not_after.to_string(),
                sans,
            }
        }
        Err(e) => Certificate::Unparsable {
            unparsable: e.to_string(),
        },
    }
}
