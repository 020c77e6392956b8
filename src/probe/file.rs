//! `file://` GOPROXY entries, read the way go's `web.getFile` reads them: a missing file is a
//! 404 (go moves on after `,`), an unreadable one a 403, anything else go's error. No network,
//! so the only layer is HTTP's stand-in, marked `"file": true`.

use std::io::Read;
use std::time::{Duration, Instant};

use super::evidence::HttpEvidence;
use super::http::Answer;
use super::{FileError, LayerName, LayerResult};
use crate::config::gourl::{self, GoUrl};

/// Reads `u` (at most `max_body` bytes; one byte for a `range` request): the answer, or the
/// failed layer with go's `reading <url>: <error>`.
pub fn read(
    u: &GoUrl,
    url: &str,
    max_body: usize,
    range: bool,
) -> Result<(LayerResult, Answer), LayerResult> {
    let start = Instant::now();
    let shown = crate::redact::redact_urls(url);
    let fail = |kind: FileError, status: u16, e: &std::io::Error| {
        // io::Error's text carries " (os error N)"; go prints the bare, lower-case reason.
        let text = e.to_string();
        let reason = text
            .split(" (os error")
            .next()
            .unwrap_or(&text)
            .to_lowercase();
        LayerResult::fail(
            start.elapsed(),
            kind,
            format!("reading {shown}: {reason}"),
            evidence(status),
        )
    };
    let path = local_path(u);
    if !path.is_absolute() || !u.host.is_empty() {
        let e = std::io::Error::other("file URL is not an absolute local path");
        return Err(fail(FileError::BadUrl, 0, &e));
    }
    // Never a FIFO or a device (a read there could block past every deadline).
    if let Ok(meta) = std::fs::metadata(&path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let e = std::io::Error::other("not a regular file");
        return Err(fail(FileError::Unreadable, 0, &e));
    }
    let mut file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(fail(FileError::NotFound, 404, &e));
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(fail(FileError::Forbidden, 403, &e));
        }
        Err(e) => return Err(fail(FileError::Unreadable, 0, &e)),
    };
    let limit = if range { 1 } else { max_body };
    let mut body = Vec::new();
    if let Err(e) = (&mut file).take(limit as u64 + 1).read_to_end(&mut body) {
        return Err(fail(FileError::Unreadable, 0, &e));
    }
    // Cut at the cap like an HTTP body, and said so (a range request wants one byte only).
    let complete = range || body.len() <= limit;
    let size = file.metadata().map_or(body.len() as u64, |m| m.len());
    body.truncate(limit);
    let body_total = if complete { body.len() as u64 } else { size };
    let total = start.elapsed();
    let answer = Answer {
        status: 200,
        reason: None,
        headers: Vec::new(),
        body,
        body_complete: complete,
        // A file ends; go reads it whole.
        body_ended: true,
        body_total,
        still_flowing: false,
        ttfb: Duration::ZERO,
        total,
        version: "file",
    };
    let layer = LayerResult::ok(LayerName::Http, total, evidence(200));
    Ok((layer, answer))
}

/// The HTTP layer's evidence of a read: go's status for it.
fn evidence(status: u16) -> HttpEvidence {
    HttpEvidence {
        file: true,
        ..HttpEvidence::status(status)
    }
}

/// The file a `file://` URL names: its path percent-decoded to bytes, as go's
/// `urlToFilePath` opens it (bytes that are not UTF-8 included, on Unix).
fn local_path(u: &GoUrl) -> std::path::PathBuf {
    let bytes = gourl::percent_decode_bytes(&u.path);
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&bytes))
    }
    #[cfg(not(unix))]
    {
        std::path::PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}
