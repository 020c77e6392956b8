//! Hand-written HTTP/1.1 servers (plain or TLS) and the TCP-level fault behaviours.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::{Instant, timeout};

use super::{Behavior, GitHostSpec, GitServe, HOSTILE_LIMIT, MAX_REQUEST, Shared};

/// How long a server waits for the first bytes (ClientHello or request) of a connection.
const FIRST_READ: Duration = Duration::from_secs(10);
const TLS_HANDSHAKE: Duration = Duration::from_secs(10);
/// Keep-alive idle limit between requests.
const IDLE: Duration = Duration::from_secs(30);
const MAX_REQUESTS_PER_CONN: usize = 1000;
/// No connection (keep-alive or hostile) lives longer than this.
const CONN_LIMIT: Duration = Duration::from_secs(120);

pub const PORTAL_HTML: &str = "<!DOCTYPE html>\n<html><head><title>Guest Wi-Fi - Sign in</title></head>\n<body><h1>Welcome to Lab Guest Wi-Fi</h1>\n<p>Please accept the terms of use to access the Internet.</p>\n<form method=\"post\" action=\"/login\"><input type=\"checkbox\" name=\"accept\"> I accept\n<input type=\"submit\" value=\"Connect\"></form></body></html>\n";

pub struct Server {
    pub name: String,
    pub scheme: &'static str,
    pub tls: Option<tokio_rustls::TlsAcceptor>,
    pub behavior: Behavior,
    pub shared: Arc<Shared>,
}

impl Server {
    pub async fn serve(self: Arc<Self>, mut tcp: TcpStream) {
        let deadline = Instant::now() + HOSTILE_LIMIT;
        match &self.behavior {
            Behavior::ResetAfterClientHello => {
                self.shared.record(format!("{} TCP reset", self.name));
                let _ = timeout(FIRST_READ, read_first(&mut tcp)).await;
                let _ = tcp.set_zero_linger();
                drop(tcp);
            }
            Behavior::AcceptNoAnswer => {
                self.shared.record(format!("{} TCP silent", self.name));
                drain(&mut tcp, deadline).await;
            }
            Behavior::TlsGarbage => {
                self.shared.record(format!("{} TCP garbage", self.name));
                let _ = timeout(FIRST_READ, read_first(&mut tcp)).await;
                let mut junk = [0u8; 512];
                super::random_fill(&mut junk);
                // Never a TLS content type (20..=24) or an ASCII letter in the first byte.
                junk[0] = 0x80 | (junk[0] & 0x3f);
                if tcp.write_all(&junk).await.is_ok() {
                    drain(&mut tcp, deadline).await;
                }
            }
            Behavior::Greet(bytes) => {
                self.shared.record(format!("{} TCP greet", self.name));
                if tcp.write_all(bytes).await.is_ok() {
                    drain(&mut tcp, deadline).await;
                }
            }
            Behavior::PlainHttpOnTlsPort => {
                self.shared.record(format!("{} TCP plain-http", self.name));
                let _ = timeout(FIRST_READ, read_first(&mut tcp)).await;
                let _ = tcp.write_all(b"HTTP/1.1 400 Bad Request\r\n\r\n").await;
                let _ = tcp.shutdown().await;
                // Linger briefly so the client reads the answer rather than a reset.
                drain(&mut tcp, Instant::now() + Duration::from_secs(5)).await;
            }
            _ => {
                let conn = async {
                    match &self.tls {
                        Some(acceptor) => {
                            if let Ok(Ok(tls)) = timeout(TLS_HANDSHAKE, acceptor.accept(tcp)).await
                            {
                                self.http(tls).await;
                            }
                        }
                        None => self.http(tcp).await,
                    }
                };
                let _ = timeout(CONN_LIMIT, conn).await;
            }
        }
    }

    async fn http<S: AsyncRead + AsyncWrite + Unpin>(&self, mut s: S) {
        let mut buf = Vec::new();
        match &self.behavior {
            Behavior::Slowloris
            | Behavior::EndlessBody
            | Behavior::BodyThenStall(_)
            | Behavior::HugeHeaders
            | Behavior::StallAfterHeaders
            | Behavior::StallAfterHandshake
            | Behavior::CloseMidHead => {
                let _ = timeout(HOSTILE_LIMIT, self.hostile(&mut s, &mut buf)).await;
            }
            Behavior::BigList(size, spec) => {
                let _ = timeout(HOSTILE_LIMIT, self.big_list(&mut s, &mut buf, *size, spec)).await;
                let _ = timeout(HOSTILE_LIMIT, self.hostile(&mut s, &mut buf)).await;
            }
            _ => self.keep_alive(&mut s, &mut buf).await,
        }
    }

    async fn keep_alive<S: AsyncRead + AsyncWrite + Unpin>(&self, s: &mut S, buf: &mut Vec<u8>) {
        for _ in 0..MAX_REQUESTS_PER_CONN {
            let req = match timeout(IDLE, read_request(s, buf)).await {
                Err(_) | Ok(Err(ReadError::Closed | ReadError::Io)) => return,
                Ok(Err(ReadError::TooLarge)) => {
                    let r = Response::text(431, "request too large\n");
                    let _ = s.write_all(&r.encode(false, true)).await;
                    let _ = s.shutdown().await;
                    return;
                }
                Ok(Err(ReadError::Bad(why))) => {
                    let r = Response::text(400, &format!("bad request: {why}\n"));
                    let _ = s.write_all(&r.encode(false, true)).await;
                    let _ = s.shutdown().await;
                    return;
                }
                Ok(Ok(req)) => req,
            };
            self.shared
                .record(format!("{} {} {}", self.name, req.method, req.target));
            let resp = self.respond(&req);
            let close = req.wants_close();
            if s.write_all(&resp.encode(req.method == "HEAD", close))
                .await
                .is_err()
                || s.flush().await.is_err()
            {
                return;
            }
            if close {
                let _ = s.shutdown().await;
                return;
            }
        }
    }

    fn respond(&self, req: &Request) -> Response {
        if req.method != "GET" && req.method != "HEAD" {
            let mut r = Response::text(405, "method not allowed\n");
            r.header("Allow", "GET, HEAD");
            return r;
        }
        match &self.behavior {
            Behavior::Goproxy(spec) => super::goproxy::respond(spec, &self.shared, req),
            Behavior::ManyHeaders(n, spec) => {
                let mut r = super::goproxy::respond(spec, &self.shared, req);
                for i in 0..*n {
                    r.header(&format!("X-Lab-Extra-{i}"), "1");
                }
                r
            }
            Behavior::SumdbRedirect(spec, origin) => {
                let db = req.path.strip_prefix("/sumdb/sum.golang.org/");
                match db {
                    Some(sub) if sub != "supported" => redirect(&format!("{origin}{}", req.path)),
                    _ => super::goproxy::respond(spec, &self.shared, req),
                }
            }
            Behavior::PrivateGoproxy(userpass, spec) => {
                use base64::Engine;
                let want = format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(userpass)
                );
                if req.header("authorization") == Some(want.as_str()) {
                    super::goproxy::respond(spec, &self.shared, req)
                } else {
                    let mut r = Response::text(401, "unauthorized\n");
                    r.header("WWW-Authenticate", "Basic realm=\"goproxy\"");
                    r
                }
            }
            Behavior::Status(code, ctype, body) => {
                let mut r = Response::new(*code, body.as_bytes().to_vec());
                r.header("Content-Type", ctype);
                r
            }
            Behavior::Portal => {
                let mut r = Response::new(200, PORTAL_HTML.as_bytes().to_vec());
                r.header("Content-Type", "text/html; charset=utf-8");
                r.header("Cache-Control", "no-store");
                r
            }
            Behavior::GitHost(spec) => self.git_host(spec, req),
            Behavior::Redirect(url) => redirect(url),
            Behavior::RedirectLoop => {
                let host = req.header("host").unwrap_or(&self.name);
                redirect(&format!("{}://{}{}", self.scheme, host, req.origin_form()))
            }
            _ => Response::text(500, "lab: no handler\n"),
        }
    }

    fn git_host(&self, spec: &GitHostSpec, req: &Request) -> Response {
        if req.path.ends_with("/info/refs") {
            self.shared.record(format!(
                "{} git ua={} protocol={} auth={}",
                self.name,
                req.header("user-agent").unwrap_or(""),
                req.header("git-protocol").unwrap_or(""),
                if req.header("authorization").is_some() {
                    "yes"
                } else {
                    "no"
                },
            ));
            return match spec.refs {
                GitServe::Advertise => {
                    let mut r = Response::new(
                        200,
                        b"001e# service=git-upload-pack\n0000000eversion 2\n0013ls-refs=unborn\n0000"
                            .to_vec(),
                    );
                    r.header(
                        "Content-Type",
                        "application/x-git-upload-pack-advertisement",
                    );
                    r.header("Cache-Control", "no-cache");
                    r
                }
                GitServe::Unauthorized => {
                    let mut r = Response::text(401, "Unauthorized\n");
                    r.header("WWW-Authenticate", "Basic realm=\"git\"");
                    r
                }
                GitServe::Forbidden => Response::text(403, "Forbidden\n"),
                GitServe::NotFound => Response::text(404, "Repository not found.\n"),
                GitServe::Unavailable => Response::text(503, "down for maintenance\n"),
                GitServe::LoginPage => {
                    let mut r = Response::new(200, PORTAL_HTML.as_bytes().to_vec());
                    r.header("Content-Type", "text/html; charset=utf-8");
                    r
                }
            };
        }
        let go_get = req.target.contains("go-get=1");
        match spec.go_get.iter().find(|(p, _)| *p == req.path) {
            Some((_, contents)) if go_get => {
                let metas: String = contents
                    .iter()
                    .map(|c| format!("<meta name=\"go-import\" content=\"{c}\">\n"))
                    .collect();
                let mut r = Response::new(
                    200,
                    format!(
                        "<!DOCTYPE html>\n<html><head>\n{metas}</head><body>go get</body></html>\n"
                    )
                    .into_bytes(),
                );
                r.header("Content-Type", "text/html; charset=utf-8");
                r
            }
            _ => Response::text(404, "not found\n"),
        }
    }

    async fn hostile<S: AsyncRead + AsyncWrite + Unpin>(&self, s: &mut S, buf: &mut Vec<u8>) {
        let Ok(Ok(req)) = timeout(IDLE, read_request(s, buf)).await else {
            return;
        };
        self.shared
            .record(format!("{} {} {}", self.name, req.method, req.target));
        let deadline = Instant::now() + HOSTILE_LIMIT;
        match &self.behavior {
            Behavior::Slowloris => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\nDate: {}\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n",
                    http_date(0)
                );
                for b in head.bytes() {
                    if s.write_all(&[b]).await.is_err() || s.flush().await.is_err() {
                        return;
                    }
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
            Behavior::EndlessBody => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\nDate: {}\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n",
                    http_date(0)
                );
                if s.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let mut chunk = b"4000\r\n".to_vec();
                chunk.extend(std::iter::repeat_n(b'x', 16 * 1024));
                chunk.extend_from_slice(b"\r\n");
                while Instant::now() < deadline {
                    if s.write_all(&chunk).await.is_err() || s.flush().await.is_err() {
                        return;
                    }
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            }
            Behavior::BodyThenStall(size) => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\nDate: {}\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n",
                    http_date(0)
                );
                let mut out = head.into_bytes();
                out.extend_from_slice(format!("{size:x}\r\n").as_bytes());
                out.extend(std::iter::repeat_n(b'x', *size));
                out.extend_from_slice(b"\r\n");
                if s.write_all(&out).await.is_ok() && s.flush().await.is_ok() {
                    drain(s, deadline).await;
                }
            }
            Behavior::HugeHeaders => {
                let mut head =
                    format!("HTTP/1.1 200 OK\r\nDate: {}\r\n", http_date(0)).into_bytes();
                let filler = "f".repeat(1000);
                let mut i = 0;
                while head.len() < 11 * 1024 * 1024 {
                    head.extend_from_slice(format!("X-Lab-Filler-{i:05}: {filler}\r\n").as_bytes());
                    i += 1;
                }
                head.extend_from_slice(b"Content-Type: text/plain\r\nContent-Length: 0\r\n\r\n");
                if s.write_all(&head).await.is_ok() && s.flush().await.is_ok() {
                    let _ = s.shutdown().await;
                }
            }
            Behavior::StallAfterHeaders => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\nDate: {}\r\nContent-Type: application/octet-stream\r\nContent-Length: 1048576\r\n\r\n",
                    http_date(0)
                );
                if s.write_all(head.as_bytes()).await.is_ok() && s.flush().await.is_ok() {
                    drain(s, deadline).await;
                }
            }
            Behavior::StallAfterHandshake => drain(s, deadline).await,
            // Returning drops the TLS stream: the TCP connection closes, no close_notify.
            Behavior::CloseMidHead => {
                let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Ty").await;
                let _ = s.flush().await;
            }
            _ => {}
        }
    }

    /// Serves `…/@v/list` as `size` bytes of versions, made while they are sent.
    async fn big_list<S: AsyncRead + AsyncWrite + Unpin>(
        &self,
        s: &mut S,
        buf: &mut Vec<u8>,
        size: u64,
        spec: &super::GoproxySpec,
    ) {
        while let Ok(Ok(req)) = timeout(IDLE, read_request(s, buf)).await {
            self.shared
                .record(format!("{} {} {}", self.name, req.method, req.target));
            if !req.path.ends_with("/@v/list") {
                let r = super::goproxy::respond(spec, &self.shared, &req);
                if s.write_all(&r.encode(false, false)).await.is_err() {
                    return;
                }
                continue;
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\nDate: {}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {size}\r\n\r\n",
                http_date(0)
            );
            if s.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            // Lines "v1.0.N\n", the last one padded with spaces to the exact size.
            let (mut sent, mut n) = (0u64, 0u64);
            let mut chunk = Vec::with_capacity(64 << 10);
            while sent < size {
                chunk.clear();
                while chunk.len() < 60 << 10 && sent + (chunk.len() as u64) < size {
                    let line = format!("v1.0.{n}\n");
                    n += 1;
                    let left = (size - sent) as usize - chunk.len();
                    if line.len() <= left.saturating_sub(16) || line.len() == left {
                        chunk.extend_from_slice(line.as_bytes());
                    } else {
                        chunk.extend(std::iter::repeat_n(b' ', left - 1));
                        chunk.push(b'\n');
                    }
                }
                if s.write_all(&chunk).await.is_err() {
                    return;
                }
                sent += chunk.len() as u64;
            }
            if s.flush().await.is_err() {
                return;
            }
        }
    }
}

fn redirect(url: &str) -> Response {
    let mut r = Response::new(302, format!("<a href=\"{url}\">Found</a>.\n").into_bytes());
    r.header("Location", url);
    r.header("Content-Type", "text/html; charset=utf-8");
    r
}

/// Read the first message of a connection: a whole TLS record when it starts like one,
/// else up to the end of an HTTP head; stops at EOF or 16 KiB.
pub async fn read_first(tcp: &mut TcpStream) -> usize {
    let mut buf = vec![0u8; 16 * 1024 + 5];
    let mut have = 0;
    loop {
        match tcp.read(&mut buf[have..]).await {
            Ok(0) | Err(_) => return have,
            Ok(n) => have += n,
        }
        if buf[0] == 0x16 {
            if have >= 5 && have >= 5 + u16::from_be_bytes([buf[3], buf[4]]) as usize {
                return have;
            }
        } else if buf[..have].windows(4).any(|w| w == b"\r\n\r\n") {
            return have;
        }
        if have == buf.len() {
            return have;
        }
    }
}

/// Read and discard until EOF, an error, or the deadline.
pub async fn drain<S: AsyncRead + Unpin>(s: &mut S, deadline: Instant) {
    let mut buf = [0u8; 4096];
    while let Ok(Ok(n)) = tokio::time::timeout_at(deadline, s.read(&mut buf)).await {
        if n == 0 {
            return;
        }
    }
}

#[derive(Debug)]
pub enum ReadError {
    Closed,
    Io,
    TooLarge,
    Bad(&'static str),
}

#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// As sent on the request line.
    pub target: String,
    /// Path of the target (absolute-form stripped), no query.
    pub path: String,
    pub version: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Path and query as in origin-form.
    pub fn origin_form(&self) -> &str {
        for scheme in ["http://", "https://"] {
            if let Some(rest) = self.target.strip_prefix(scheme) {
                return rest.find('/').map_or("/", |i| &rest[i..]);
            }
        }
        &self.target
    }

    pub fn wants_close(&self) -> bool {
        let conn = self.header("connection").unwrap_or("").to_ascii_lowercase();
        conn.contains("close") || (self.version == "HTTP/1.0" && !conn.contains("keep-alive"))
    }
}

/// Read one request (head plus any Content-Length body, discarded) into `buf`'s front;
/// bytes after it stay in `buf` for the next call. Never holds more than 64 KiB.
pub async fn read_request<S: AsyncRead + Unpin>(
    s: &mut S,
    buf: &mut Vec<u8>,
) -> Result<Request, ReadError> {
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4) {
            let req = parse_head(&buf[..end])?;
            if req
                .header("transfer-encoding")
                .is_some_and(|te| !te.eq_ignore_ascii_case("identity"))
            {
                return Err(ReadError::Bad("request bodies must use Content-Length"));
            }
            let len = match req.header("content-length") {
                None => 0,
                Some(v) => v
                    .trim()
                    .parse::<usize>()
                    .map_err(|_| ReadError::Bad("invalid Content-Length"))?,
            };
            if len > MAX_REQUEST {
                return Err(ReadError::TooLarge);
            }
            while buf.len() < end + len {
                let n = s.read(&mut chunk).await.map_err(|_| ReadError::Io)?;
                if n == 0 {
                    return Err(ReadError::Closed);
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            buf.drain(..end + len);
            return Ok(req);
        }
        if buf.len() >= MAX_REQUEST {
            return Err(ReadError::TooLarge);
        }
        let want = (MAX_REQUEST - buf.len()).min(chunk.len());
        let n = s
            .read(&mut chunk[..want])
            .await
            .map_err(|_| ReadError::Io)?;
        if n == 0 {
            return Err(if buf.is_empty() {
                ReadError::Closed
            } else {
                ReadError::Bad("truncated request")
            });
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn parse_head(head: &[u8]) -> Result<Request, ReadError> {
    let head =
        std::str::from_utf8(head).map_err(|_| ReadError::Bad("request head is not UTF-8"))?;
    let mut lines = head.split("\r\n");
    let line = lines.next().unwrap_or("");
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Bad("malformed request line"));
    };
    if method.is_empty() || target.is_empty() || !version.starts_with("HTTP/1.") {
        return Err(ReadError::Bad("malformed request line"));
    }
    let mut headers = Vec::new();
    for l in lines.filter(|l| !l.is_empty()) {
        let (k, v) = l
            .split_once(':')
            .ok_or(ReadError::Bad("malformed header line"))?;
        headers.push((k.trim().to_owned(), v.trim().to_owned()));
    }
    let mut req = Request {
        method: method.to_owned(),
        target: target.to_owned(),
        path: String::new(),
        version: version.to_owned(),
        headers,
    };
    let origin = req.origin_form();
    req.path = origin.split('?').next().unwrap_or("/").to_owned();
    Ok(req)
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub date_skew_secs: i64,
}

impl Response {
    pub fn new(status: u16, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body,
            date_skew_secs: 0,
        }
    }

    pub fn text(status: u16, body: &str) -> Response {
        let mut r = Response::new(status, body.as_bytes().to_vec());
        r.header("Content-Type", "text/plain; charset=utf-8");
        r
    }

    pub fn header(&mut self, k: &str, v: &str) {
        self.headers.push((k.to_owned(), v.to_owned()));
    }

    pub fn encode(&self, head_only: bool, close: bool) -> Vec<u8> {
        let mut out = format!(
            "HTTP/1.1 {} {}\r\nDate: {}\r\nServer: godoctor-lab\r\n",
            self.status,
            reason(self.status),
            http_date(self.date_skew_secs)
        );
        for (k, v) in &self.headers {
            out.push_str(&format!("{k}: {v}\r\n"));
        }
        let bodyless = matches!(self.status, 100..=199 | 204 | 304);
        if !bodyless {
            out.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        }
        if close {
            out.push_str("Connection: close\r\n");
        }
        out.push_str("\r\n");
        let mut out = out.into_bytes();
        if !head_only && !bodyless {
            out.extend_from_slice(&self.body);
        }
        out
    }
}

pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        407 => "Proxy Authentication Required",
        410 => "Gone",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Lab Status",
    }
}

/// IMF-fixdate of now + `skew_secs`.
pub fn http_date(skew_secs: i64) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    format_http_date(now + skew_secs)
}

pub fn format_http_date(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    const WD: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        WD[days.rem_euclid(7) as usize],
        d,
        MON[(m - 1) as usize],
        y,
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}
