//! go's import-block reader, byte for byte: `cmd/go/internal/imports/read.go` `ReadImports`
//! (a copy of go/build's), which both `imports.ScanDir` and the module index run before anything
//! else. It reads the package clause and the import declarations, no further, with a lexer that
//! knows only spaces, `;`, comments, identifiers and string literals (docs/go/semantics.md §10
//! "Reading a file's imports").
//!
//! Reading is bounded: past `limit` bytes the read stops with [`ReadError::TooLong`], a limit of
//! godoctor's own (go has none).

use std::io::{BufRead, ErrorKind};

/// Why reading stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// go's `errSyntax`: the text is not `package x` followed by import declarations.
    Syntax,
    /// go's `errNUL`: `unexpected NUL in input`.
    Nul,
    /// The file could not be read.
    Io(String),
    /// More than the limit: godoctor stopped reading (go would read on).
    TooLong,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Syntax => f.write_str("syntax error"),
            ReadError::Nul => f.write_str("unexpected NUL in input"),
            ReadError::Io(e) => f.write_str(e),
            ReadError::TooLong => f.write_str("file too long to read"),
        }
    }
}

/// What `ReadImports` left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The bytes go keeps: up to the end of the import block (the byte that ended it dropped),
    /// or after a syntax error the whole file.
    pub data: Vec<u8>,
    /// The import path literals as written, quotes included, in order.
    pub quoted: Vec<Vec<u8>>,
    /// The package clause's name, if it was read.
    pub package: Option<String>,
    /// Whether the reader met a syntax error (`ReadImports` with `reportSyntaxError = false`
    /// hides it and reads the rest of the file instead).
    pub syntax_error: bool,
    /// A NUL byte, a read failure or the limit: go's error, or godoctor's.
    pub error: Option<ReadError>,
}

struct Reader<R> {
    src: R,
    limit: usize,
    buf: Vec<u8>,
    peek: u8,
    err: Option<ReadError>,
    eof: bool,
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl<R: BufRead> Reader<R> {
    fn syntax_error(&mut self) {
        if self.err.is_none() {
            self.err = Some(ReadError::Syntax);
        }
    }

    /// `readByte`: the next byte, kept in `buf`; 0 at EOF or after an error.
    fn read_byte(&mut self) -> u8 {
        if self.buf.len() >= self.limit {
            if !self.at_eof() && self.err.is_none() {
                self.err = Some(ReadError::TooLong);
            }
            if self.err.is_none() {
                self.eof = true;
            }
            return 0;
        }
        let c = loop {
            match self.src.fill_buf() {
                Ok([]) => {
                    self.eof = true;
                    return 0;
                }
                Ok(b) => break b[0],
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => {
                    if self.err.is_none() {
                        self.err = Some(ReadError::Io(e.to_string()));
                    }
                    return 0;
                }
            }
        };
        self.src.consume(1);
        self.buf.push(c);
        if c == 0 && self.err.is_none() {
            self.err = Some(ReadError::Nul);
        }
        c
    }

    fn at_eof(&mut self) -> bool {
        loop {
            match self.src.fill_buf() {
                Ok(b) => return b.is_empty(),
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(_) => return false,
            }
        }
    }

    fn ok(&self) -> bool {
        self.err.is_none()
    }

    /// `peekByte`: the next byte without consuming it, after spaces, `;` and comments when
    /// `skip_space`.
    fn peek_byte(&mut self, skip_space: bool) -> u8 {
        if !self.ok() {
            return 0;
        }
        let mut c = self.peek;
        if c == 0 {
            c = self.read_byte();
        }
        while self.ok() && !self.eof {
            if skip_space {
                match c {
                    b' ' | b'\x0c' | b'\t' | b'\r' | b'\n' | b';' => {
                        c = self.read_byte();
                        continue;
                    }
                    b'/' => {
                        c = self.read_byte();
                        if c == b'/' {
                            while c != b'\n' && self.ok() && !self.eof {
                                c = self.read_byte();
                            }
                        } else if c == b'*' {
                            let mut c1 = 0;
                            while (c != b'*' || c1 != b'/') && self.ok() {
                                if self.eof {
                                    self.syntax_error();
                                }
                                c = c1;
                                c1 = self.read_byte();
                            }
                        } else {
                            self.syntax_error();
                        }
                        c = self.read_byte();
                        continue;
                    }
                    _ => {}
                }
            }
            break;
        }
        self.peek = c;
        c
    }

    fn next_byte(&mut self, skip_space: bool) -> u8 {
        let c = self.peek_byte(skip_space);
        self.peek = 0;
        c
    }

    fn read_keyword(&mut self, kw: &[u8]) {
        self.peek_byte(true);
        for &k in kw {
            if self.next_byte(false) != k {
                self.syntax_error();
                return;
            }
        }
        if is_ident(self.peek_byte(false)) {
            self.syntax_error();
        }
    }

    /// `readIdent`; returns the identifier's bytes when it read one.
    fn read_ident(&mut self) -> Option<Vec<u8>> {
        let c = self.peek_byte(true);
        if !is_ident(c) {
            self.syntax_error();
            return None;
        }
        let start = self.buf.len() - 1;
        while is_ident(self.peek_byte(false)) {
            self.peek = 0;
        }
        let end = if self.peek != 0 {
            self.buf.len() - 1
        } else {
            self.buf.len()
        };
        Some(self.buf[start..end].to_vec())
    }

    fn read_string(&mut self, save: &mut Vec<Vec<u8>>) {
        match self.next_byte(true) {
            b'`' => {
                let start = self.buf.len() - 1;
                while self.ok() {
                    if self.next_byte(false) == b'`' {
                        save.push(self.buf[start..].to_vec());
                        break;
                    }
                    if self.eof {
                        self.syntax_error();
                    }
                }
            }
            b'"' => {
                let start = self.buf.len() - 1;
                while self.ok() {
                    let c = self.next_byte(false);
                    if c == b'"' {
                        save.push(self.buf[start..].to_vec());
                        break;
                    }
                    if self.eof || c == b'\n' {
                        self.syntax_error();
                    }
                    if c == b'\\' {
                        self.next_byte(false);
                    }
                }
            }
            _ => self.syntax_error(),
        }
    }

    /// `readImport`: an optional name (`.`, `_`, an identifier), then the path.
    fn read_import(&mut self, save: &mut Vec<Vec<u8>>) {
        let c = self.peek_byte(true);
        if c == b'.' {
            self.peek = 0;
        } else if is_ident(c) {
            self.read_ident();
        }
        self.read_string(save);
    }
}

/// `ReadImports(f, false, &imports)`, reading at most `limit` bytes (a leading UTF-8 BOM is
/// dropped first, as go does).
pub fn read_imports(mut src: impl BufRead, limit: usize) -> Header {
    if let Ok(b) = src.fill_buf()
        && b.starts_with(b"\xef\xbb\xbf")
    {
        src.consume(3);
    }
    let mut r = Reader {
        src,
        limit,
        buf: Vec::new(),
        peek: 0,
        err: None,
        eof: false,
    };
    let mut quoted = Vec::new();
    r.read_keyword(b"package");
    let package = r.read_ident();
    while r.peek_byte(true) == b'i' {
        r.read_keyword(b"import");
        if r.peek_byte(true) == b'(' {
            r.next_byte(false);
            while r.peek_byte(true) != b')' && r.ok() {
                r.read_import(&mut quoted);
            }
            r.next_byte(false);
        } else {
            r.read_import(&mut quoted);
        }
    }
    let package = package.map(|p| String::from_utf8_lossy(&p).into_owned());
    if r.ok() && !r.eof {
        r.buf.pop();
        return Header {
            data: r.buf,
            quoted,
            package,
            syntax_error: false,
            error: None,
        };
    }
    let syntax_error = r.err == Some(ReadError::Syntax);
    if syntax_error {
        // go consumes the whole file so that go/parser sees the same errors.
        r.err = None;
        while r.ok() && !r.eof {
            r.read_byte();
        }
    }
    Header {
        data: r.buf,
        quoted,
        package,
        syntax_error,
        error: r.err,
    }
}

/// `strconv.Unquote` for an import literal (`"…"` or `` `…` ``); `None` where go's fails.
/// Bytes that are not UTF-8 become U+FFFD, as go's `UnquoteChar` decodes them.
pub fn unquote(lit: &[u8]) -> Option<String> {
    let (&q, rest) = lit.split_first()?;
    let body = rest.strip_suffix(&[q])?;
    match q {
        b'`' => {
            if body.contains(&b'`') {
                return None;
            }
            let body: Vec<u8> = body.iter().copied().filter(|&b| b != b'\r').collect();
            Some(String::from_utf8_lossy(&body).into_owned())
        }
        b'"' => unquote_interpreted(body),
        _ => None,
    }
}

fn unquote_interpreted(mut s: &[u8]) -> Option<String> {
    if s.contains(&b'\n') {
        return None;
    }
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    while let Some((&c, rest)) = s.split_first() {
        match c {
            b'"' => return None,
            b'\\' => {
                let (bytes, rest) = unquote_escape(rest)?;
                out.extend_from_slice(&bytes);
                s = rest;
            }
            c if c < 0x80 => {
                out.push(c);
                s = rest;
            }
            _ => {
                // One (possibly invalid) UTF-8 sequence: go's DecodeRune, U+FFFD per bad byte.
                let n = utf8_len(s);
                match std::str::from_utf8(&s[..n]) {
                    Ok(ch) => out.extend_from_slice(ch.as_bytes()),
                    Err(_) => out.extend_from_slice("\u{fffd}".as_bytes()),
                }
                s = &s[n.max(1)..];
            }
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// The length of the valid UTF-8 sequence at the start of `s`, or 1.
fn utf8_len(s: &[u8]) -> usize {
    let want = match s[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return 1,
    };
    if s.len() >= want && std::str::from_utf8(&s[..want]).is_ok() {
        want
    } else {
        1
    }
}

/// One escape after `\` inside `"…"` (`strconv.UnquoteChar` with quote `"`).
fn unquote_escape(s: &[u8]) -> Option<(Vec<u8>, &[u8])> {
    let (&c, rest) = s.split_first()?;
    let simple = match c {
        b'a' => Some(7),
        b'b' => Some(8),
        b'f' => Some(0x0c),
        b'n' => Some(b'\n'),
        b'r' => Some(b'\r'),
        b't' => Some(b'\t'),
        b'v' => Some(0x0b),
        b'\\' => Some(b'\\'),
        b'"' => Some(b'"'),
        _ => None,
    };
    if let Some(b) = simple {
        return Some((vec![b], rest));
    }
    let hex = |digits: &[u8]| -> Option<u32> {
        let text = std::str::from_utf8(digits).ok()?;
        if text.bytes().all(|b| b.is_ascii_hexdigit()) {
            u32::from_str_radix(text, 16).ok()
        } else {
            None
        }
    };
    match c {
        b'x' => {
            let v = hex(rest.get(..2)?)?;
            Some((vec![v as u8], &rest[2..]))
        }
        b'u' | b'U' => {
            let n = if c == b'u' { 4 } else { 8 };
            let v = hex(rest.get(..n)?)?;
            let ch = char::from_u32(v)?;
            Some((ch.to_string().into_bytes(), &rest[n..]))
        }
        b'0'..=b'7' => {
            let digits = s.get(..3)?;
            if !digits.iter().all(|d| (b'0'..=b'7').contains(d)) {
                return None;
            }
            let v = digits.iter().fold(0u32, |v, d| v * 8 + u32::from(d - b'0'));
            if v > 255 {
                return None;
            }
            Some((vec![v as u8], &s[3..]))
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
