//! HTTP layer: requests on the connection the earlier layers built (no second handshake), with
//! HTTP/2 when ALPN chose it, exact time to first byte, bounded headers and body, and the
//! answer kept for the payload checks of the GOPROXY protocol (docs/go/semantics.md §2).

use std::time::{Duration, Instant, SystemTime};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::client::conn::{http1, http2};
use hyper_util::rt::{TokioExecutor, TokioIo};

use super::evidence::{HttpEvidence, Response};
use super::stream::Io;

/// net/http's Transport reads at most this much of response headers (`MaxResponseHeaderBytes`
/// unset: 10 MiB, HTTP/1 and HTTP/2 alike) and counts no header lines. On HTTP/1 the bound is
/// kept by [`super::http_head::HeadFilter`], which also spares hyper lines godoctor never reads.
pub const GO_MAX_HEADER_BYTES: usize = 10 << 20;

/// What go sends as User-Agent (net/http's default).
pub const USER_AGENT_H1: &str = "Go-http-client/1.1";
pub const USER_AGENT_H2: &str = "Go-http-client/2.0";

/// A client connection: HTTP/1.1 or HTTP/2 over any stream.
pub enum Conn {
    H1(http1::SendRequest<Empty<Bytes>>),
    H2(http2::SendRequest<Empty<Bytes>>),
}

#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    /// The server's own reason phrase when it is not the standard one (go prints the status
    /// line as the server sent it: `404 File not found`).
    pub reason: Option<String>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// False when the body was cut at the size cap or the deadline.
    pub body_complete: bool,
    /// The body ended within the deadline (it may still have been longer than was kept:
    /// past the size cap godoctor reads on, and only counts, as go reads it all).
    pub body_ended: bool,
    /// Body bytes received, kept or not.
    pub body_total: u64,
    /// The body was still arriving when it was cut at the deadline (slow, not stalled).
    pub still_flowing: bool,
    pub ttfb: Duration,
    pub total: Duration,
    pub version: &'static str,
}

impl Answer {
    /// The status as go prints it (`resp.Status`).
    pub fn status_text(&self) -> String {
        match &self.reason {
            Some(r) => format!("{} {r}", self.status),
            None => crate::plan::goerror::status_text(self.status),
        }
    }

    /// The kept body, without a last line cut at the size cap.
    pub fn whole_lines(&self) -> &[u8] {
        if self.body_total == self.body.len() as u64 {
            return &self.body;
        }
        let end = self
            .body
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        &self.body[..end]
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Clock skew in seconds from the Date header (server minus local), if present.
    pub fn date_skew_secs(&self) -> Option<i64> {
        let server = parse_http_date(self.header("date")?)?;
        let local = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .ok()?
            .as_secs() as i64;
        Some(server - local)
    }

    /// What the HTTP layer shows of this answer.
    pub fn evidence(&self) -> HttpEvidence {
        let keep = [
            "content-type",
            "content-length",
            "location",
            "server",
            "date",
            "via",
            "proxy-authenticate",
            "www-authenticate",
            "cache-control",
        ];
        let headers = self
            .headers
            .iter()
            .filter(|(k, _)| keep.contains(&k.to_ascii_lowercase().as_str()))
            .map(|(k, v)| (k.to_ascii_lowercase(), crate::redact::redact_urls(v)))
            .collect();
        HttpEvidence {
            response: Some(Response {
                version: self.version,
                ttfb_ms: super::millis(self.ttfb),
                headers,
                body_bytes: usize::try_from(self.body_total).unwrap_or(usize::MAX),
                body_complete: self.body_complete,
                still_flowing: self.still_flowing,
                body_excerpt: super::excerpt(&self.body),
                date_skew_s: self.date_skew_secs(),
            }),
            ..HttpEvidence::status(self.status)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    /// No response headers in time.
    HeadersTimeout(Duration),
    /// Connection-level failure: reset, closed, malformed response, headers too large.
    Protocol(String),
}

impl Conn {
    /// Starts HTTP over `io`; `h2` when ALPN negotiated it.
    pub async fn start<S: Io + 'static>(io: S, h2: bool) -> Result<Conn, String> {
        if h2 {
            let io = TokioIo::new(io);
            let (send, conn) = http2::Builder::new(TokioExecutor::new())
                .max_header_list_size(GO_MAX_HEADER_BYTES as u32)
                .handshake(io)
                .await
                .map_err(|e| format!("http2 handshake: {e}"))?;
            tokio::spawn(async move {
                let _ = conn.await;
            });
            Ok(Conn::H2(send))
        } else {
            // One write per request, as go's bufio does: a request split over two TLS records
            // meets Nagle and delayed ACKs on the way and skews time to first byte.
            let io = TokioIo::new(super::http_head::HeadFilter::new(io));
            let (send, conn) = http1::Builder::new()
                .writev(false)
                .max_buf_size(GO_MAX_HEADER_BYTES + (64 << 10))
                .max_header_size(GO_MAX_HEADER_BYTES)
                .max_headers(super::http_head::MAX_PASSED_LINES)
                .handshake(io)
                .await
                .map_err(|e| format!("http1: {e}"))?;
            tokio::spawn(async move {
                let _ = conn.await;
            });
            Ok(Conn::H1(send))
        }
    }

    /// GET `path_and_query` on `authority`, within `budget`, reading at most `max_body` bytes.
    pub async fn get(
        &mut self,
        scheme: &str,
        authority: &str,
        path_and_query: &str,
        extra: &[(&str, String)],
        budget: Duration,
        max_body: usize,
    ) -> Result<Answer, RequestError> {
        let start = Instant::now();
        let h2 = matches!(self, Conn::H2(_));
        let uri = if h2 {
            format!("{scheme}://{authority}{path_and_query}")
        } else {
            path_and_query.to_owned()
        };
        let mut req = hyper::Request::builder().method("GET").uri(uri);
        // A caller's own User-Agent (git's) replaces go's.
        if !extra
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("user-agent"))
        {
            req = req.header("user-agent", if h2 { USER_AGENT_H2 } else { USER_AGENT_H1 });
        }
        if !h2 {
            req = req.header("host", authority);
        }
        for (k, v) in extra {
            req = req.header(*k, v.as_str());
        }
        let req = req
            .body(Empty::<Bytes>::new())
            .map_err(|e| RequestError::Protocol(e.to_string()))?;
        let send = async {
            match self {
                Conn::H1(s) => {
                    s.ready().await?;
                    s.send_request(req).await
                }
                Conn::H2(s) => {
                    s.ready().await?;
                    s.send_request(req).await
                }
            }
        };
        let resp = match tokio::time::timeout(budget, send).await {
            Err(_) => return Err(RequestError::HeadersTimeout(start.elapsed())),
            Ok(Err(e)) => return Err(RequestError::Protocol(describe(&e))),
            Ok(Ok(r)) => r,
        };
        let ttfb = start.elapsed();
        let status = resp.status().as_u16();
        let reason = resp
            .extensions()
            .get::<hyper::ext::ReasonPhrase>()
            .map(|r| String::from_utf8_lossy(r.as_bytes()).into_owned());
        let version = match resp.version() {
            hyper::Version::HTTP_2 => "HTTP/2.0",
            hyper::Version::HTTP_10 => "HTTP/1.0",
            _ => "HTTP/1.1",
        };
        let headers = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let mut body = resp.into_body();
        let mut buf = Vec::new();
        let mut total = 0u64;
        let mut ended = true;
        // When the last body bytes arrived: none at all means stalled, not slow.
        let mut last_frame: Option<Instant> = None;
        let mut flowing = false;
        loop {
            let left = budget.saturating_sub(start.elapsed());
            match tokio::time::timeout(left, body.frame()).await {
                Err(_) => {
                    ended = false;
                    flowing = last_frame.is_some_and(|t| t.elapsed() < Duration::from_secs(1));
                    break;
                }
                Ok(None) => break,
                Ok(Some(Err(_))) => {
                    ended = false;
                    break;
                }
                Ok(Some(Ok(frame))) => {
                    last_frame = Some(Instant::now());
                    if let Ok(data) = frame.into_data() {
                        // Past the cap the bytes are only counted: go reads the whole body
                        // of the files it fetches, and whether it ends decides what go does.
                        total += data.len() as u64;
                        let room = max_body.saturating_sub(buf.len());
                        buf.extend_from_slice(&data[..data.len().min(room)]);
                    }
                }
            }
        }
        let complete = ended && total == buf.len() as u64;
        Ok(Answer {
            status,
            reason,
            headers,
            body: buf,
            body_complete: complete,
            body_ended: ended,
            body_total: total,
            still_flowing: flowing,
            ttfb,
            total: start.elapsed(),
            version,
        })
    }
}

fn describe(e: &hyper::Error) -> String {
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    if e.is_parse() && s.contains("too large") {
        s.push_str(" (response headers too large)");
    }
    s
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) to Unix seconds.
pub fn parse_http_date(s: &str) -> Option<i64> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    if parts.len() != 6 || parts[5] != "GMT" {
        return None;
    }
    let day: i64 = parts[1].parse().ok()?;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == parts[2])? as i64
        + 1;
    let year: i64 = parts[3].parse().ok()?;
    let hms: Vec<i64> = parts[4]
        .split(':')
        .map(|x| x.parse().ok())
        .collect::<Option<Vec<_>>>()?;
    if hms.len() != 3 || !(1..=31).contains(&day) {
        return None;
    }
    // Days from civil (Howard Hinnant).
    let (y, m) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    Some(days * 86400 + hms[0] * 3600 + hms[1] * 60 + hms[2])
}

/// What a GOPROXY `@v/list` body must look like: one version per line (optionally followed by
/// a timestamp), or nothing.
pub fn valid_version_list(body: &[u8]) -> Result<usize, String> {
    let text = std::str::from_utf8(body).map_err(|_| "the version list is not UTF-8".to_owned())?;
    let mut n = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let v = line.split_whitespace().next().unwrap_or("");
        if !looks_semver(v) {
            return Err(format!(
                "line {:?} is not a version",
                line.chars().take(60).collect::<String>()
            ));
        }
        n += 1;
    }
    Ok(n)
}

/// How go reads a `.info` answer for `version` (`"ok"`, or go's complaint).
pub fn info_verdict(info: &Answer, version: &str) -> String {
    if info.status != 200 {
        return format!("status {}", info.status);
    }
    match serde_json::from_slice::<serde_json::Value>(&info.body) {
        Ok(v) if v.get("Version").and_then(serde_json::Value::as_str) == Some(version) => {
            "ok".into()
        }
        Ok(v) => format!(
            "proxy returned info for version {} instead of requested version",
            v.get("Version")
                .and_then(serde_json::Value::as_str)
                .unwrap_or("?")
        ),
        Err(e) => format!("invalid response from proxy: {e}"),
    }
}

/// `vMAJOR.MINOR.PATCH[-pre][+build]`.
pub fn looks_semver(v: &str) -> bool {
    let Some(rest) = v.strip_prefix('v') else {
        return false;
    };
    let core = rest.split(['-', '+']).next().unwrap_or("");
    let nums: Vec<&str> = core.split('.').collect();
    nums.len() == 3
        && nums
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Does this answer look like an HTML page (a login page, a captive portal, a CDN error)?
pub fn is_html(a: &Answer) -> bool {
    let ct = a.header("content-type").unwrap_or("").to_ascii_lowercase();
    let start = String::from_utf8_lossy(&a.body[..a.body.len().min(512)])
        .trim_start()
        .to_ascii_lowercase();
    ct.contains("text/html")
        || start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<head")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_reads_as_the_server_sent_it() {
        let mut a = Answer {
            status: 404,
            reason: None,
            headers: Vec::new(),
            body: Vec::new(),
            body_complete: true,
            body_ended: true,
            body_total: 0,
            still_flowing: false,
            ttfb: Duration::ZERO,
            total: Duration::ZERO,
            version: "HTTP/1.1",
        };
        assert_eq!(a.status_text(), "404 Not Found");
        // Python's http.server, among others: go prints `404 File not found`.
        a.reason = Some("File not found".into());
        assert_eq!(a.status_text(), "404 File not found");
    }

    #[test]
    fn http_dates() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784111777)
        );
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(parse_http_date("garbage"), None);
        assert_eq!(parse_http_date("Sun, 99 Nov 1994 08:49:37 GMT"), None);
    }

    #[test]
    fn version_lists() {
        assert_eq!(
            valid_version_list(b"v0.3.0\nv0.3.1 2019-01-01T00:00:00Z\n\n"),
            Ok(2)
        );
        assert_eq!(valid_version_list(b""), Ok(0));
        assert!(valid_version_list(b"<html><body>Login</body></html>").is_err());
        assert!(valid_version_list(b"\xff\xfe").is_err());
        assert!(looks_semver("v1.2.3-pre+meta"));
        assert!(!looks_semver("1.2.3"));
    }
}
