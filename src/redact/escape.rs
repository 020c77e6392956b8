//! Control characters and bidi overrides made visible, for every text output (the report, the
//! settings table, `config`, `fix`, `explain`, GitHub annotations, messages on stderr).
//!
//! Values from outside — settings, file contents, server answers — may hold a CR that moves the
//! cursor back over what was printed, an ESC that starts a terminal sequence, or U+202E that
//! reverses the text after it. They are shown escaped (`\r`, `\x1b`, `\u{202e}`) instead. JSON
//! output keeps them as data: serde escapes C0 controls, and bidi characters are part of the value.

use std::borrow::Cow;

/// `text` with every control and bidi character escaped, including newlines: for one value.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Like [`visible`] but keeps `\n`: for a message or a block of lines.
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs = |c: char| is_hidden(c) && !(keep_newlines && c == '\n');
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
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
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
