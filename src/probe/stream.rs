//! A transparent stream wrapper that remembers what the peer sent first, so a failed TLS
//! handshake can be told apart: reset with nothing received (SNI filtering), a plain-HTTP
//! answer, or garbage. Above TLS it counts the bytes of the HTTP answer as go's client reads
//! them: on HTTP/2 only frames of a stream, not the connection's own (SETTINGS, PING, …).

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// What the peer sent, shared with whoever wrapped the stream.
#[derive(Debug, Default)]
pub struct Seen {
    pub bytes_read: u64,
    pub first: Vec<u8>,
    /// Set on an HTTP/2 connection: `bytes_read` counts stream frames only.
    h2: Option<H2Frames>,
}

impl Seen {
    fn count(&mut self, new: &[u8]) {
        self.bytes_read += match &mut self.h2 {
            Some(frames) => frames.stream_bytes(new),
            None => new.len() as u64,
        };
        let room = 64usize.saturating_sub(self.first.len());
        self.first.extend_from_slice(&new[..new.len().min(room)]);
    }
}

/// Where an HTTP/2 byte stream is: inside a 9-byte frame header, or inside a frame's payload.
#[derive(Debug, Default)]
struct H2Frames {
    header: [u8; 9],
    have: usize,
    payload_left: usize,
    on_stream: bool,
}

impl H2Frames {
    /// The bytes of `new` that belong to frames of a stream (stream id ≠ 0).
    fn stream_bytes(&mut self, mut new: &[u8]) -> u64 {
        let mut counted = 0u64;
        while !new.is_empty() {
            if self.payload_left > 0 {
                let n = self.payload_left.min(new.len());
                if self.on_stream {
                    counted += n as u64;
                }
                self.payload_left -= n;
                new = &new[n..];
                continue;
            }
            let n = (9 - self.have).min(new.len());
            self.header[self.have..self.have + n].copy_from_slice(&new[..n]);
            self.have += n;
            new = &new[n..];
            if self.have == 9 {
                let h = self.header;
                self.payload_left = u32::from_be_bytes([0, h[0], h[1], h[2]]) as usize;
                self.on_stream = u32::from_be_bytes([h[5], h[6], h[7], h[8]]) & 0x7fff_ffff != 0;
                if self.on_stream {
                    counted += 9;
                }
                self.have = 0;
            }
        }
        counted
    }
}

pub type SeenHandle = Arc<Mutex<Seen>>;

pub struct Recording<S> {
    inner: S,
    seen: SeenHandle,
}

impl<S> Recording<S> {
    pub fn new(inner: S) -> (Self, SeenHandle) {
        Self::with(inner, Seen::default())
    }

    /// Above TLS on a connection that speaks HTTP/2 (ALPN `h2`).
    pub fn h2(inner: S) -> (Self, SeenHandle) {
        Self::with(
            inner,
            Seen {
                h2: Some(H2Frames::default()),
                ..Seen::default()
            },
        )
    }

    fn with(inner: S, seen: Seen) -> (Self, SeenHandle) {
        let seen = Arc::new(Mutex::new(seen));
        (
            Recording {
                inner,
                seen: seen.clone(),
            },
            seen,
        )
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Recording<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let res = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = &res {
            let new = &buf.filled()[before..];
            if let Ok(mut seen) = self.seen.lock() {
                seen.count(new);
            }
        }
        res
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Recording<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// A boxed bidirectional stream: TCP, a proxy tunnel, or TLS over either.
pub trait Io: AsyncRead + AsyncWrite + Send + Unpin {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin> Io for T {}
pub type BoxIo = Box<dyn Io>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http2_counts_stream_frames_only() {
        let mut f = H2Frames::default();
        // SETTINGS (stream 0, 6 bytes), then HEADERS on stream 1 (3 bytes), split anywhere.
        let mut wire = vec![0, 0, 6, 4, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 100];
        wire.extend_from_slice(&[0, 0, 3, 1, 4, 0, 0, 0, 1, 0xaa, 0xbb, 0xcc]);
        let total: u64 = wire.chunks(5).map(|c| f.stream_bytes(c)).sum();
        assert_eq!(total, 12);
    }
}
