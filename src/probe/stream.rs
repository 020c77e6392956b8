//! A transparent stream wrapper that remembers what the peer sent first, so a failed TLS
//! handshake can be told apart: reset with nothing received (SNI filtering), a plain-HTTP
//! answer, or garbage.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// What the peer sent, shared with whoever wrapped the stream.
#[derive(Debug, Default)]
pub struct Seen {
    pub bytes_read: u64,
    pub first: Vec<u8>,
}

pub type SeenHandle = Arc<Mutex<Seen>>;

pub struct Recording<S> {
    inner: S,
    seen: SeenHandle,
}

impl<S> Recording<S> {
    pub fn new(inner: S) -> (Self, SeenHandle) {
        let seen = SeenHandle::default();
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
                seen.bytes_read += new.len() as u64;
                let room = 64usize.saturating_sub(seen.first.len());
                seen.first.extend_from_slice(&new[..new.len().min(room)]);
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
