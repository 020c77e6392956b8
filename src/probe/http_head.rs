//! HTTP/1 response heads read as go's Transport reads them: up to 10 MiB
//! ([`GO_MAX_HEADER_BYTES`], `MaxResponseHeaderBytes` unset) from the status line to the blank
//! line, with no count of header lines.
//!
//! hyper keeps every header line it parses in memory, sized up front for the most it allows,
//! and its header map holds at most some 24,000 (past that it panics). So [`HeadFilter`] sits
//! between the stream and hyper: it hands hyper the status line, the first [`KEPT_LINES`]
//! header lines, and past them only the lines of the headers godoctor reads (framing, content
//! type, redirects, authentication challenges…), at most [`KEPT_PER_NAME`] of each; every other
//! line is counted against go's limit and dropped. A head longer than go's limit ends the read
//! with an error that says so ([`TOO_LARGE`]). Bodies pass untouched.
//!
//! A head is expected after each request hyper writes (HTTP/1 does not pipeline: hyper writes
//! the next request only when the previous answer is read), and after an informational
//! `1xx` answer, as go reads on to the final one (with a fresh limit, as go resets it).

use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::http::GO_MAX_HEADER_BYTES;

/// Header lines handed to hyper as they come.
pub const KEPT_LINES: usize = 1000;
/// Past [`KEPT_LINES`], lines of each header in [`READ_BY_NAME`] still handed to hyper.
pub const KEPT_PER_NAME: usize = 16;
/// What godoctor and hyper read in a response head: the body's framing and the connection's
/// fate, then what the probes judge and the evidence shows.
const READ_BY_NAME: [&str; 14] = [
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "content-type",
    "content-range",
    "location",
    "date",
    "server",
    "via",
    "cache-control",
    "www-authenticate",
    "proxy-authenticate",
    "trailer",
];
/// The most header lines hyper is handed for one head (its `max_headers`).
pub const MAX_PASSED_LINES: usize = KEPT_LINES + READ_BY_NAME.len() * KEPT_PER_NAME;
/// The message of the read error for a head past go's limit (fetch.rs words it as go does).
pub const TOO_LARGE: &str = "response headers too large";
/// A header name longer than this is none of [`READ_BY_NAME`].
const NAME_MAX: usize = 32;

/// Where the filter is in what the server sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// In a response head (or waiting for one).
    Head,
    /// In a body, or past the last head: bytes pass untouched.
    Body,
    /// The head went past go's limit: every read fails.
    TooLarge,
}

/// Where a line of the head is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    /// At the first byte of the status line.
    StatusStart,
    /// In the status line.
    Status,
    /// At the first byte of a header line (or of the blank line that ends the head).
    Start,
    /// A lone `\r` so far: the blank line, unless more follows.
    Cr,
    /// Reading a header's name past [`KEPT_LINES`], to decide.
    Name,
    /// The rest of a line handed to hyper.
    Keep,
    /// The rest of a line dropped.
    Drop,
}

pub struct HeadFilter<S> {
    inner: S,
    phase: Phase,
    line: Line,
    /// Bytes of the current head so far (status line included).
    head_bytes: usize,
    /// Header lines of the current head so far.
    lines: usize,
    /// Lines of each [`READ_BY_NAME`] header handed on past [`KEPT_LINES`].
    per_name: [usize; READ_BY_NAME.len()],
    /// The last header line was handed on (a continuation line follows its fate).
    last_kept: bool,
    /// The first bytes of the status line (for its code) or of a name being decided.
    buf: Vec<u8>,
    /// The status line said `1xx` (but not `101`): another head follows.
    informational: bool,
    /// Filtered bytes not yet handed to hyper, from `pending_at` on.
    pending: Vec<u8>,
    pending_at: usize,
    /// The last read from the stream, while it is filtered.
    scratch: Vec<u8>,
}

impl<S> HeadFilter<S> {
    pub fn new(inner: S) -> Self {
        HeadFilter {
            inner,
            phase: Phase::Head,
            line: Line::StatusStart,
            head_bytes: 0,
            lines: 0,
            per_name: [0; READ_BY_NAME.len()],
            last_kept: true,
            buf: Vec::new(),
            informational: false,
            pending: Vec::new(),
            pending_at: 0,
            scratch: Vec::new(),
        }
    }

    fn new_head(&mut self) {
        self.phase = Phase::Head;
        self.line = Line::StatusStart;
        self.head_bytes = 0;
        self.lines = 0;
        self.per_name = [0; READ_BY_NAME.len()];
        self.last_kept = true;
        self.buf.clear();
        self.informational = false;
    }

    /// The head ended (its blank line was read).
    fn end_head(&mut self) {
        if self.informational {
            self.new_head();
        } else {
            self.phase = Phase::Body;
        }
    }

    /// Filters `input`, appending what hyper is handed to `out`.
    fn filter(&mut self, input: &[u8], out: &mut Vec<u8>) -> Result<(), ()> {
        let mut i = 0;
        while i < input.len() {
            match self.phase {
                // The rest of this read is body.
                Phase::Body => {
                    out.extend_from_slice(&input[i..]);
                    return Ok(());
                }
                Phase::TooLarge => return Err(()),
                Phase::Head => {}
            }
            let b = input[i];
            i += 1;
            self.head_bytes += 1;
            if self.head_bytes > GO_MAX_HEADER_BYTES {
                self.phase = Phase::TooLarge;
                return Err(());
            }
            match self.line {
                Line::StatusStart | Line::Status => {
                    out.push(b);
                    if self.buf.len() < NAME_MAX {
                        self.buf.push(b);
                    }
                    self.line = Line::Status;
                    if b == b'\n' {
                        self.informational = informational(&self.buf);
                        self.buf.clear();
                        self.line = Line::Start;
                    }
                }
                Line::Start => match b {
                    b'\n' => {
                        out.push(b);
                        self.end_head();
                    }
                    b'\r' => {
                        out.push(b);
                        self.line = Line::Cr;
                    }
                    // obs-fold: a continuation shares its header's fate.
                    b' ' | b'\t' => {
                        if self.last_kept {
                            out.push(b);
                            self.line = Line::Keep;
                        } else {
                            self.line = Line::Drop;
                        }
                    }
                    _ => {
                        self.lines += 1;
                        if self.lines <= KEPT_LINES {
                            out.push(b);
                            self.last_kept = true;
                            self.line = Line::Keep;
                        } else {
                            self.buf.clear();
                            self.buf.push(b);
                            self.line = Line::Name;
                        }
                    }
                },
                Line::Cr => {
                    out.push(b);
                    if b == b'\n' {
                        self.end_head();
                    } else {
                        // `\r` then more: a line hyper rejects, as go would; hand it on.
                        self.lines += 1;
                        self.last_kept = true;
                        self.line = Line::Keep;
                    }
                }
                Line::Name => {
                    if b == b':' || b == b'\n' || self.buf.len() >= NAME_MAX {
                        let name = String::from_utf8_lossy(&self.buf)
                            .trim()
                            .to_ascii_lowercase();
                        let slot = READ_BY_NAME.iter().position(|n| *n == name);
                        let pass = slot.is_some_and(|s| {
                            self.per_name[s] += 1;
                            self.per_name[s] <= KEPT_PER_NAME
                        });
                        self.last_kept = pass;
                        if pass {
                            out.extend_from_slice(&self.buf);
                            out.push(b);
                        }
                        self.buf.clear();
                        self.line = match (b, pass) {
                            (b'\n', _) => Line::Start,
                            (_, true) => Line::Keep,
                            (_, false) => Line::Drop,
                        };
                    } else {
                        self.buf.push(b);
                    }
                }
                Line::Keep => {
                    out.push(b);
                    if b == b'\n' {
                        self.line = Line::Start;
                    }
                }
                Line::Drop => {
                    if b == b'\n' {
                        self.line = Line::Start;
                    }
                }
            }
        }
        Ok(())
    }
}

/// What a fresh filter hands hyper for `input`, read `chunk` bytes at a time (at least 1); None
/// when the head goes past go's limit. For tests and the fuzzer: the result must not depend on
/// how the stream is cut into reads.
pub fn filter_in_reads(input: &[u8], chunk: usize) -> Option<Vec<u8>> {
    let mut f = HeadFilter::new(());
    let mut out = Vec::new();
    for piece in input.chunks(chunk.max(1)) {
        f.filter(piece, &mut out).ok()?;
    }
    Some(out)
}

/// `HTTP/1.1 1xx …` other than `101 Switching Protocols`: go reads on to the final answer.
fn informational(status_line: &[u8]) -> bool {
    let text = String::from_utf8_lossy(status_line);
    let code = text.split_whitespace().nth(1).unwrap_or("");
    code.len() == 3 && code.starts_with('1') && code != "101"
}

impl<S: AsyncRead + Unpin> AsyncRead for HeadFilter<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = &mut *self;
        loop {
            if this.pending_at < this.pending.len() {
                let n = buf.remaining().min(this.pending.len() - this.pending_at);
                buf.put_slice(&this.pending[this.pending_at..this.pending_at + n]);
                this.pending_at += n;
                if this.pending_at == this.pending.len() {
                    this.pending.clear();
                    this.pending_at = 0;
                }
                return Poll::Ready(Ok(()));
            }
            if this.phase == Phase::TooLarge {
                return Poll::Ready(Err(std::io::Error::other(TOO_LARGE)));
            }
            let before = buf.filled().len();
            match Pin::new(&mut this.inner).poll_read(cx, buf) {
                Poll::Ready(Ok(())) => {}
                other => return other,
            }
            if buf.filled().len() == before || this.phase == Phase::Body {
                // The end of the stream, or body bytes: as they are.
                return Poll::Ready(Ok(()));
            }
            let mut input = std::mem::take(&mut this.scratch);
            input.clear();
            input.extend_from_slice(&buf.filled()[before..]);
            buf.set_filled(before);
            let mut out = std::mem::take(&mut this.pending);
            let filtered = this.filter(&input, &mut out);
            this.scratch = input;
            this.pending = out;
            if filtered.is_err() {
                return Poll::Ready(Err(std::io::Error::other(TOO_LARGE)));
            }
            // Nothing kept (every byte a dropped line): read on; an empty read means the end.
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for HeadFilter<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        // A request: its answer's head comes next.
        if self.phase == Phase::Body {
            self.new_head();
        }
        Pin::new(&mut self.inner).poll_write(cx, data)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `input` through a fresh filter in reads of `chunk` bytes.
    fn filtered(input: &[u8], chunk: usize) -> Result<Vec<u8>, ()> {
        filter_in_reads(input, chunk).ok_or(())
    }

    #[test]
    fn a_small_head_and_its_body_pass_untouched() {
        let input = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n";
        for chunk in [1, 2, 7, input.len()] {
            assert_eq!(filtered(input, chunk).unwrap(), input.to_vec());
        }
    }

    #[test]
    fn past_the_kept_lines_only_what_godoctor_reads_is_handed_on() {
        let mut head = b"HTTP/1.1 200 OK\r\n".to_vec();
        for i in 0..KEPT_LINES + 50_000 {
            head.extend_from_slice(format!("X-Extra-{i}: 1\r\n").as_bytes());
        }
        for i in 0..100 {
            head.extend_from_slice(format!("Via: hop{i}\r\n").as_bytes());
        }
        head.extend_from_slice(b"Location: /next\r\ncontent-LENGTH: 2\r\n\r\nhi");
        for chunk in [1, 4096, head.len()] {
            let out = String::from_utf8(filtered(&head, chunk).unwrap()).unwrap();
            let lines: Vec<&str> = out.split("\r\n").collect();
            // Status line, kept lines, 16 Via, Location, Content-Length, blank, body.
            assert_eq!(
                lines.len(),
                1 + KEPT_LINES + KEPT_PER_NAME + 2 + 2,
                "{chunk}"
            );
            assert!(out.contains(&format!("X-Extra-{}: 1", KEPT_LINES - 1)));
            assert!(!out.contains(&format!("X-Extra-{}:", KEPT_LINES)));
            assert!(out.contains("Via: hop15\r\n") && !out.contains("Via: hop16"));
            assert!(out.ends_with("Location: /next\r\ncontent-LENGTH: 2\r\n\r\nhi"));
        }
    }

    #[test]
    fn a_head_past_go_s_limit_fails_and_one_at_it_passes() {
        let status = b"HTTP/1.1 200 OK\r\n";
        let filler = |total: usize| {
            let mut head = status.to_vec();
            let mut i = 0;
            while head.len() + 40 < total {
                head.extend_from_slice(format!("X-F-{i:08}: {}\r\n", "f".repeat(16)).as_bytes());
                i += 1;
            }
            // Pad the last line to land exactly on `total` with the blank line.
            let pad = total - head.len() - "X: \r\n\r\n".len();
            head.extend_from_slice(format!("X: {}\r\n\r\n", "p".repeat(pad)).as_bytes());
            assert_eq!(head.len(), total);
            head
        };
        let at = filler(GO_MAX_HEADER_BYTES);
        assert!(filtered(&at, 65536).is_ok());
        let mut past = filler(GO_MAX_HEADER_BYTES + 1);
        past.extend_from_slice(b"body");
        assert!(filtered(&past, 65536).is_err());
    }

    #[test]
    fn informational_answers_are_followed_by_the_final_head() {
        let mut input = b"HTTP/1.1 103 Early Hints\r\n".to_vec();
        for i in 0..KEPT_LINES + 10 {
            input.extend_from_slice(format!("Link: </{i}>\r\n").as_bytes());
        }
        input.extend_from_slice(b"\r\nHTTP/1.1 200 OK\r\n");
        for i in 0..KEPT_LINES + 10 {
            input.extend_from_slice(format!("X-{i}: 1\r\n").as_bytes());
        }
        input.extend_from_slice(b"\r\nbody\r\nX-Not-A-Header: 1\r\n");
        let out = String::from_utf8(filtered(&input, 100).unwrap()).unwrap();
        assert!(!out.contains(&format!("Link: </{KEPT_LINES}>")));
        assert!(!out.contains(&format!("X-{KEPT_LINES}:")));
        // The final answer's body is not a head.
        assert!(
            out.ends_with("\r\n\r\nbody\r\nX-Not-A-Header: 1\r\n"),
            "{out:?}"
        );
    }

    #[test]
    fn continuation_lines_follow_their_header() {
        let mut input = b"HTTP/1.1 200 OK\r\n".to_vec();
        for i in 0..KEPT_LINES {
            input.extend_from_slice(format!("X-{i}: 1\r\n").as_bytes());
        }
        input.extend_from_slice(b"X-Dropped: a\r\n b\r\nLocation: /x\r\n y\r\n\r\n");
        let out = String::from_utf8(filtered(&input, 3).unwrap()).unwrap();
        assert!(!out.contains("X-Dropped") && !out.contains(" b\r\n"));
        assert!(out.ends_with("Location: /x\r\n y\r\n\r\n"));
    }
}
