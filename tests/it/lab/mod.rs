//! Hermetic fault lab: loopback-only servers (DNS, HTTPS, HTTP, GOPROXY + checksum DB,
//! CONNECT proxy) that reproduce the failures godoctor diagnoses.
//!
//! Everything binds to 127.0.0.0/8 (each server on its own 127.0.0.x with a kernel-chosen
//! port) and nothing ever connects anywhere else: the CONNECT proxy refuses non-loopback
//! targets and resolves names only through the lab's own DNS table. The servers run on a
//! multi-thread tokio runtime owned by a dedicated thread of the [`Lab`]; dropping the Lab
//! shuts the runtime down and so closes every listener and connection.
//!
//! Names the lab registers: every `Lab::https`/`Lab::http` name → A record of its server's
//! IP (call `Lab::dns` afterwards to override). The DNS responder answers nothing else
//! (NXDOMAIN), so clients must be told the port explicitly (e.g. `https://name:port`).
#![allow(dead_code)]

mod dns;
pub mod gate;
pub mod goproxy;
mod httpd;
pub mod note;
mod pki;
mod proxy;

#[allow(unused_imports)]
pub use httpd::format_http_date;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Hostile behaviours (and tunnels) end by themselves after this long.
pub const HOSTILE_LIMIT: Duration = Duration::from_secs(60);
/// Cap on bytes read for one request head (and body).
pub const MAX_REQUEST: usize = 64 * 1024;
/// Concurrent connections per server.
const MAX_CONNS: usize = 128;
/// Entries kept in the request log.
const MAX_LOG: usize = 10_000;

/// What the DNS responder answers for a name (A and AAAA queries both consult it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DnsAnswer {
    A(Vec<Ipv4Addr>),
    Aaaa(Vec<Ipv6Addr>),
    Both(Vec<Ipv4Addr>, Vec<Ipv6Addr>),
    NxDomain,
    ServFail,
    Refused,
    /// Never answer (UDP and TCP).
    Drop,
    /// NOERROR with no records.
    Empty,
    /// These A records with the message cut inside the last one (UDP and TCP).
    Garbled(Vec<Ipv4Addr>),
    /// This many A records (127.0.0.x) in one UDP datagram far larger than the 1232 bytes
    /// offered by EDNS, without the TC bit; the same over TCP.
    Flood(usize),
    /// UDP: the TC bit and no records; TCP: these A records (a resolver must retry over TCP).
    TruncatedUdp(Vec<Ipv4Addr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertKind {
    /// Leaf for `name` signed by the lab CA.
    Lab,
    /// Leaf for `name` from a CA that is not the lab CA.
    UnknownCa,
    /// Lab CA leaf whose notAfter is in the past (2021-01-01).
    Expired,
    /// Lab CA leaf whose notBefore is in the future (2099-01-01).
    NotYetValid,
    /// Lab CA leaf for `wrong-name.lab.test` only.
    WrongName,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProxyAuth {
    None,
    /// 407 with `Proxy-Authenticate: Basic realm="lab"` when credentials are missing/wrong.
    Basic {
        user: String,
        pass: String,
    },
    /// 403 to every CONNECT.
    Forbidden,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Behavior {
    Goproxy(GoproxySpec),
    /// Every path: this status, content type and body.
    Status(u16, &'static str, String),
    /// 200 text/html captive-portal login page for every path.
    Portal,
    /// 302 to this URL for every path.
    Redirect(String),
    /// 302 to the request's own URL, forever.
    RedirectLoop,
    /// Read the ClientHello (or request), then RST. No TLS at all.
    ResetAfterClientHello,
    /// Accept, never send a byte.
    AcceptNoAnswer,
    /// Answer the ClientHello with random non-TLS bytes.
    TlsGarbage,
    /// Answer the ClientHello with "HTTP/1.1 400 Bad Request\r\n\r\n", then close.
    PlainHttpOnTlsPort,
    /// Valid TLS, then the response head one byte per second.
    Slowloris,
    /// 200, chunked body of 16 KiB every 10 ms, never ending.
    EndlessBody,
    /// 200 with 11 MiB of headers (go reads at most 10 MiB).
    HugeHeaders,
    /// 200, chunked (no Content-Length): this many bytes at once, then nothing more.
    BodyThenStall(usize),
    /// TLS completes (1.3, with its session tickets), the request is read, nothing answers.
    StallAfterHandshake,
    /// Half a response head, then the TCP connection closes without TLS close_notify.
    CloseMidHead,
    /// A GOPROXY whose every answer carries this many extra header lines.
    ManyHeaders(usize, GoproxySpec),
    /// Every `…/@v/list` is a version list of this many bytes (Content-Length set), generated
    /// as it is sent, as fast as the client reads; every other path as this GOPROXY answers.
    BigList(u64, GoproxySpec),
    /// A GOPROXY that says its checksum-DB proxying is `supported` and redirects every other
    /// `/sumdb/…` path to the same path under this origin.
    SumdbRedirect(GoproxySpec, String),
    /// 200 headers (Content-Length 1 MiB), then nothing.
    StallAfterHeaders,
    /// A private GOPROXY: 401 unless the request carries Basic auth for `user:password`.
    PrivateGoproxy(&'static str, GoproxySpec),
    /// A git host: go-get pages and git's smart-HTTP `…/info/refs` (see [`GitHostSpec`]).
    GitHost(GitHostSpec),
    /// Plain TCP: send these bytes on accept (an SSH identification line), then read and
    /// discard until the client closes.
    Greet(Vec<u8>),
}

/// A git server over HTTP(S): `GET <path>?go-get=1` for a listed path answers 200 text/html
/// whose head holds the given meta tags (`content` values, one `go-import` tag each); any
/// `…/info/refs` answers as `refs` says; the rest is 404. Every `info/refs` request is logged
/// as `<name> git ua=<User-Agent> protocol=<Git-Protocol> auth=<yes|no>`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GitHostSpec {
    pub go_get: Vec<(String, Vec<String>)>,
    pub refs: GitServe,
}

/// How a git server answers `info/refs?service=git-upload-pack`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GitServe {
    /// 200 with a protocol-v2 advertisement (`# service=git-upload-pack`, flush, `version 2`).
    #[default]
    Advertise,
    /// 401 with `WWW-Authenticate: Basic realm="git"`.
    Unauthorized,
    /// 403, text/plain.
    Forbidden,
    /// 404, text/plain `Repository not found.`.
    NotFound,
    /// 200 with an HTML sign-in page.
    LoginPage,
    /// 503, text/plain.
    Unavailable,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoproxySpec {
    pub modules: Vec<(String, Vec<String>)>,
    pub sumdb: SumdbMode,
    pub date_skew_secs: i64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SumdbMode {
    /// 404 on /sumdb/… (and on the root checksum-DB paths).
    #[default]
    NotServed,
    /// supported → 200; latest and lookup signed with the lab key.
    Served,
    /// Like `Served`, but signed with `wrong_sumdb_key`.
    WrongKey,
    /// This status for every checksum-DB path.
    Status(u16),
}

/// State shared by the Lab and its server tasks.
pub(crate) struct Shared {
    pub dns: dns::Table,
    pub log: Mutex<Vec<String>>,
    pub sumdb_key: note::NoteKey,
    pub wrong_sumdb_key: note::NoteKey,
    /// CONNECT targets (`name`, port) sent to another lab address (see [`Lab::route`]).
    pub routes: Mutex<Vec<(String, u16, SocketAddr)>>,
}

impl Shared {
    pub fn record(&self, entry: String) {
        let mut log = self.log.lock().unwrap();
        if log.len() < MAX_LOG {
            log.push(entry);
        }
    }
}

pub struct Lab {
    _gate: gate::Shared,
    handle: tokio::runtime::Handle,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    shared: Arc<Shared>,
    pki: pki::Pki,
    _dir: tempfile::TempDir,
    ca_path: PathBuf,
    dns_addr: SocketAddr,
}

/// Fill `buf` from ring's CSPRNG (through rustls' explicit provider).
pub fn random_fill(buf: &mut [u8]) {
    rustls::crypto::ring::default_provider()
        .secure_random
        .fill(buf)
        .expect("random bytes");
}

/// A loopback address not yet handed out in this process: 127.0.0.2, 127.0.0.3, …
fn fresh_ip() -> Ipv4Addr {
    static NEXT: AtomicU32 = AtomicU32::new(2);
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed) % (1 << 24);
        let [_, a, b, c] = n.to_be_bytes();
        if c != 0 && c != 255 && n >= 2 {
            return Ipv4Addr::new(127, a, b, c);
        }
    }
}

fn is_lab_ip(ip: IpAddr) -> bool {
    ip.is_loopback()
}

impl Default for Lab {
    fn default() -> Self {
        Lab::new()
    }
}

impl Lab {
    /// Starts the runtime thread, creates the CA (written to a temp dir) and the DNS responder.
    pub fn new() -> Lab {
        let gate = gate::shared();
        let (htx, hrx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("godoctor-lab".into())
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .thread_name("godoctor-lab-worker")
                    .enable_all()
                    .build()
                    .expect("lab runtime");
                htx.send(rt.handle().clone()).unwrap();
                rt.block_on(async {
                    let _ = stop_rx.await;
                });
                rt.shutdown_timeout(Duration::from_secs(2));
            })
            .expect("lab thread");
        let handle = hrx.recv().expect("lab runtime handle");

        let pki = pki::Pki::new();
        let dir = tempfile::Builder::new()
            .prefix("godoctor-lab")
            .tempdir()
            .expect("temp dir");
        let ca_path = dir.path().join("lab-ca.pem");
        std::fs::write(&ca_path, pki.ca_pem()).expect("write CA");

        let shared = Arc::new(Shared {
            dns: dns::Table::default(),
            log: Mutex::new(Vec::new()),
            sumdb_key: note::NoteKey::generate("sum.golang.org"),
            wrong_sumdb_key: note::NoteKey::generate("sum.golang.org"),
            routes: Mutex::new(Vec::new()),
        });

        // UDP and TCP on the same port of one fresh IP.
        let ip = fresh_ip();
        let (udp, tcp) = (0..50)
            .find_map(|_| {
                let udp = std::net::UdpSocket::bind((ip, 0)).ok()?;
                let port = udp.local_addr().ok()?.port();
                let tcp = std::net::TcpListener::bind((ip, port)).ok()?;
                Some((udp, tcp))
            })
            .expect("bind the DNS responder");
        let dns_addr = udp.local_addr().unwrap();
        udp.set_nonblocking(true).unwrap();
        tcp.set_nonblocking(true).unwrap();
        {
            let _g = handle.enter();
            let udp = tokio::net::UdpSocket::from_std(udp).unwrap();
            let tcp = tokio::net::TcpListener::from_std(tcp).unwrap();
            handle.spawn(dns::serve_udp(udp, shared.clone()));
            handle.spawn(dns::serve_tcp(tcp, shared.clone()));
        }

        Lab {
            _gate: gate,
            handle,
            stop: Some(stop_tx),
            thread: Some(thread),
            shared,
            pki,
            _dir: dir,
            ca_path,
            dns_addr,
        }
    }

    /// The lab root CA (PEM), for SSL_CERT_FILE.
    pub fn ca_pem_path(&self) -> &Path {
        &self.ca_path
    }

    /// The lab root CA as PEM text.
    pub fn ca_pem(&self) -> &str {
        self.pki.ca_pem()
    }

    /// The DNS responder (UDP and TCP on the same port).
    pub fn dns_addr(&self) -> SocketAddr {
        self.dns_addr
    }

    /// Set what the responder says for `name` (case-insensitive, trailing dot ignored).
    pub fn dns(&self, name: &str, answer: DnsAnswer) {
        self.shared.dns.set(name, answer);
    }

    /// A TLS server on a fresh 127.0.0.x; `name` → its IP is registered in DNS (A only),
    /// unless `name` is itself an IP literal (then the server binds there if it is a
    /// 127.0.0.0/8 address, and the certificate carries an IP SAN).
    pub fn https(&self, name: &str, cert: CertKind, behavior: Behavior) -> SocketAddr {
        let tls = match behavior {
            Behavior::ResetAfterClientHello
            | Behavior::AcceptNoAnswer
            | Behavior::TlsGarbage
            | Behavior::PlainHttpOnTlsPort
            | Behavior::Greet(_) => None,
            _ => Some(self.pki.acceptor(name, cert)),
        };
        self.serve_http(name, "https", tls, behavior)
    }

    /// A plain HTTP server, registered in DNS like [`Lab::https`].
    pub fn http(&self, name: &str, behavior: Behavior) -> SocketAddr {
        self.serve_http(name, "http", None, behavior)
    }

    fn serve_http(
        &self,
        name: &str,
        scheme: &'static str,
        tls: Option<tokio_rustls::TlsAcceptor>,
        behavior: Behavior,
    ) -> SocketAddr {
        let literal = name.parse::<IpAddr>().ok();
        let ip = match literal {
            Some(IpAddr::V4(v4)) if v4.is_loopback() => v4,
            Some(other) => panic!("lab servers bind only to 127.0.0.0/8, not {other}"),
            None => fresh_ip(),
        };
        let listener = self.bind_tcp(ip);
        let addr = listener.local_addr().unwrap();
        if literal.is_none() {
            self.dns(name, DnsAnswer::A(vec![ip]));
        }
        let server = Arc::new(httpd::Server {
            name: name.to_owned(),
            scheme,
            tls,
            behavior,
            shared: self.shared.clone(),
        });
        self.spawn_accept(listener, move |tcp| {
            let server = server.clone();
            async move { server.serve(tcp).await }
        });
        addr
    }

    /// An HTTP CONNECT proxy that tunnels only to loopback addresses, resolving names
    /// through the lab DNS table. Any other method gets 405.
    pub fn connect_proxy(&self, auth: ProxyAuth) -> SocketAddr {
        let listener = self.bind_tcp(fresh_ip());
        let addr = listener.local_addr().unwrap();
        let proxy = Arc::new(proxy::ConnectProxy {
            auth,
            shared: self.shared.clone(),
        });
        self.spawn_accept(listener, move |tcp| {
            let proxy = proxy.clone();
            async move { proxy.serve(tcp).await }
        });
        addr
    }

    /// Makes the CONNECT proxy send `CONNECT name:port` to `to` (a lab server), so a URL
    /// without a port (go-get discovery on :443) reaches a server on a kernel-chosen port.
    pub fn route(&self, name: &str, port: u16, to: SocketAddr) {
        assert!(is_lab_ip(to.ip()), "lab routes lead only to 127.0.0.0/8");
        self.shared
            .routes
            .lock()
            .unwrap()
            .push((name.to_ascii_lowercase(), port, to));
    }

    /// The lab checksum DB verifier key, "sum.golang.org+<hash>+<base64>".
    pub fn sumdb_key(&self) -> &str {
        self.shared.sumdb_key.verifier_key()
    }

    /// Another key named sum.golang.org (what `SumdbMode::WrongKey` signs with).
    pub fn wrong_sumdb_key(&self) -> &str {
        self.shared.wrong_sumdb_key.verifier_key()
    }

    /// 127.0.0.x:port where nothing listens (connection refused).
    pub fn closed_port(&self) -> SocketAddr {
        let l = std::net::TcpListener::bind((fresh_ip(), 0)).expect("bind");
        l.local_addr().unwrap()
    }

    /// A DNS-over-TLS server for `name` (lab CA, no ALPN) that relays every connection to
    /// `upstream`'s TCP DNS port — point it at another Lab's `dns_addr()` to give an encrypted
    /// resolver answers that differ from this lab's plain ones.
    pub fn dot_relay(&self, name: &str, upstream: SocketAddr) -> SocketAddr {
        let (cert, key) = self.pki.leaf(name, CertKind::Lab);
        let cfg = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("protocol versions")
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .expect("server cert");
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(cfg));
        let listener = self.bind_tcp(fresh_ip());
        let addr = listener.local_addr().unwrap();
        self.spawn_accept(listener, move |tcp| {
            let acceptor = acceptor.clone();
            async move {
                let Ok(Ok(mut tls)) =
                    tokio::time::timeout(Duration::from_secs(10), acceptor.accept(tcp)).await
                else {
                    return;
                };
                let Ok(mut up) = tokio::net::TcpStream::connect(upstream).await else {
                    return;
                };
                let _ = tokio::time::timeout(
                    HOSTILE_LIMIT,
                    tokio::io::copy_bidirectional(&mut tls, &mut up),
                )
                .await;
            }
        });
        addr
    }

    /// What the servers saw, in order: "dns <name> <TYPE>", "<server name> <METHOD> <target>",
    /// "proxy CONNECT <target>" (at most 10 000 entries).
    pub fn log(&self) -> Vec<String> {
        self.shared.log.lock().unwrap().clone()
    }

    fn bind_tcp(&self, ip: Ipv4Addr) -> tokio::net::TcpListener {
        let l = std::net::TcpListener::bind((ip, 0)).expect("bind a loopback listener");
        l.set_nonblocking(true).unwrap();
        let _g = self.handle.enter();
        tokio::net::TcpListener::from_std(l).unwrap()
    }

    fn spawn_accept<F, Fut>(&self, listener: tokio::net::TcpListener, conn: F)
    where
        F: Fn(tokio::net::TcpStream) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        let sem = Arc::new(tokio::sync::Semaphore::new(MAX_CONNS));
        self.handle.spawn(async move {
            loop {
                let Ok(permit) = sem.clone().acquire_owned().await else {
                    return;
                };
                match listener.accept().await {
                    Ok((tcp, _)) => {
                        let _ = tcp.set_nodelay(true);
                        let fut = conn(tcp);
                        tokio::spawn(async move {
                            let _permit = permit;
                            fut.await;
                        });
                    }
                    Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
                }
            }
        });
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
