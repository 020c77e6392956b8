//! Control characters and bidi overrides made visible, for every text output (the report, the
//! settings table, `config`, `fix`, `explain`, GitHub annotations, messages on stderr).
//!
//! Values from outside — settings, file contents, server answers — may hold a CR that moves the
//! cursor back over what was printed, an ESC that starts a terminal sequence, or U+202E that
//! reverses the text after it. They are shown escaped (`\r`, `\t`, `\u001b`, `\u202e`) instead.
//! The `\uXXXX` form is also JSON's: [`TextOut`] may carry a JSON document, whose strings then
//! hold the same data (serde escapes C0 itself; DEL, C1 and bidi characters come out escaped).

use std::borrow::Cow;

/// `text` with every control and bidi character escaped, including newlines: for one value.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Like [`visible`] but keeps `\n` and `\t`: for a message or a block of lines (go's own
/// `\n\tserver response:`).
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs = |c: char| is_hidden(c) && !(keep_newlines && matches!(c, '\n' | '\t'));
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !needs(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // `\uXXXX` reads the same in text and in a JSON string (where it is the same data).
            c => out.push_str(&format!("\\u{:04x}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// C0 controls, DEL, C1 controls (U+0085 included), and the bidi controls: embeddings and
/// overrides (U+202A–U+202E), isolates (U+2066–U+2069), marks (U+200E, U+200F, U+061C).
fn is_hidden(c: char) -> bool {
    matches!(c,
        '\0'..='\x1f' | '\x7f'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// A text output stream that shows control and bidi characters escaped, keeping `\n`, `\t` and
/// godoctor's own colours (SGR: `ESC [ digits ; m`). The one choke point of every text output:
/// whatever a value brought along, only the colour sequences godoctor itself writes reach the
/// terminal. A sequence split across writes is held until it is complete.
pub struct TextOut<W: std::io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> TextOut<W> {
    pub fn new(inner: W) -> Self {
        TextOut {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes what can be decided now; with `end`, everything (an unfinished sequence escaped).
    fn drain(&mut self, end: bool) -> std::io::Result<()> {
        let b = std::mem::take(&mut self.pending);
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            match step(&b[i..], end) {
                Step::Wait => break,
                Step::Raw(n) => {
                    out.extend_from_slice(&b[i..i + n]);
                    i += n;
                }
                Step::Escaped(n, text) => {
                    out.extend_from_slice(text.as_bytes());
                    i += n;
                }
            }
        }
        self.pending = b[i..].to_vec();
        self.inner.write_all(&out)
    }
}

enum Step {
    /// More bytes are needed to decide.
    Wait,
    /// The next n bytes go out as they are.
    Raw(usize),
    /// The next n bytes go out as this text.
    Escaped(usize, String),
}

fn step(b: &[u8], end: bool) -> Step {
    let c = b[0];
    match c {
        b'\n' | b'\t' => Step::Raw(1),
        0x1b => match sgr_len(b) {
            Some(n) => Step::Raw(n),
            None if !end && b.len() < 64 && sgr_prefix(b) => Step::Wait,
            None => Step::Escaped(1, "\\u001b".into()),
        },
        0..=0x1f | 0x7f => Step::Escaped(1, visible(&(c as char).to_string()).into_owned()),
        0x80.. => {
            let len = match c {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => return Step::Raw(1),
            };
            if b.len() < len {
                return if end { Step::Raw(b.len()) } else { Step::Wait };
            }
            match std::str::from_utf8(&b[..len]) {
                Ok(s) => match visible(s) {
                    Cow::Borrowed(_) => Step::Raw(len),
                    Cow::Owned(e) => Step::Escaped(len, e),
                },
                Err(_) => Step::Raw(1),
            }
        }
        _ => Step::Raw(1),
    }
}

/// `ESC [ params m`: the length of a complete SGR sequence at the start of `b`.
fn sgr_len(b: &[u8]) -> Option<usize> {
    if b.get(1) != Some(&b'[') {
        return None;
    }
    let params = b[2..]
        .iter()
        .take_while(|c| c.is_ascii_digit() || matches!(c, b';' | b':'))
        .count();
    (b.get(2 + params) == Some(&b'm')).then_some(3 + params)
}

/// `b` could still become an SGR sequence.
fn sgr_prefix(b: &[u8]) -> bool {
    match b.get(1) {
        None => true,
        Some(b'[') => b[2..]
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b';' | b':')),
        Some(_) => false,
    }
}

impl<W: std::io::Write> std::io::Write for TextOut<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.drain(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.drain(true)?;
        self.inner.flush()
    }
}

impl<W: std::io::Write> Drop for TextOut<W> {
    fn drop(&mut self) {
        if !self.pending.is_empty() {
            let _ = self.drain(true);
        }
    }
}
