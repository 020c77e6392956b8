//! go/parser's view of a file's header: `parser.ParseFile(…, parser.ImportsOnly)` over the
//! bytes [`super::reader`] kept, as the module index (`modindex/build_read.go` `readGoInfo`)
//! runs it. It is stricter than the reader — semicolons are tokens, escapes and identifiers are
//! checked, a `,` between imports is an error — and any error costs the file all its imports
//! (docs/go/semantics.md §10 "Reading a file's imports").
//!
//! The scanner follows go/scanner: automatic semicolons, comments, string, raw-string and rune
//! literals with escape checks, illegal characters, NUL, invalid UTF-8 and a misplaced BOM.
//! Only the first error matters, so it stops there. One approximation: numbers are scanned
//! leniently (a malformed number right after the imports is not an error here).

use super::unicode;

/// A token, as much as the header grammar needs.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Keyword(&'static str),
    /// A string literal's value (unquoted).
    Str(String),
    /// `;`, written or inserted at a line end.
    Semi,
    LParen,
    RParen,
    RBrace,
    Period,
    Comma,
    /// Any other operator or literal.
    Other,
    Eof,
}

const KEYWORDS: [&str; 25] = [
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

struct Scanner<'a> {
    src: &'a [u8],
    pos: usize,
    insert_semi: bool,
}

type Scan<T> = Result<T, String>;

fn is_letter(c: char) -> bool {
    c == '_' || unicode::is_letter(c)
}

fn is_digit(c: char) -> bool {
    unicode::is_digit(c)
}

impl Scanner<'_> {
    /// The character at `pos` and its length, with go/scanner's errors for NUL, invalid
    /// UTF-8 and a byte order mark after the start; `None` at the end.
    fn peek(&self) -> Scan<Option<(char, usize)>> {
        let Some(&b) = self.src.get(self.pos) else {
            return Ok(None);
        };
        if b == 0 {
            return Err("illegal character NUL".into());
        }
        if b < 0x80 {
            return Ok(Some((b as char, 1)));
        }
        let end = (self.pos + 4).min(self.src.len());
        let chunk = &self.src[self.pos..end];
        let valid = match std::str::from_utf8(chunk) {
            Ok(s) => s,
            Err(e) if e.valid_up_to() > 0 => {
                std::str::from_utf8(&chunk[..e.valid_up_to()]).unwrap_or("")
            }
            Err(_) => "",
        };
        match valid.chars().next() {
            Some('\u{feff}') if self.pos > 0 => Err("illegal byte order mark".into()),
            Some(c) => Ok(Some((c, c.len_utf8()))),
            None => Err("illegal UTF-8 encoding".into()),
        }
    }

    fn byte_at(&self, off: usize) -> Option<u8> {
        self.src.get(self.pos + off).copied()
    }

    /// Consumes one character and returns it.
    fn bump(&mut self) -> Scan<Option<char>> {
        let c = self.peek()?;
        if let Some((c, n)) = c {
            self.pos += n;
            return Ok(Some(c));
        }
        Ok(None)
    }

    /// Skips spaces and comments; says whether a line ended (newline, or the end) on the way.
    fn skip_space(&mut self) -> Scan<bool> {
        let mut line_end = false;
        loop {
            match self.byte_at(0) {
                Some(b' ' | b'\t' | b'\r') => self.pos += 1,
                Some(b'\n') => {
                    line_end = true;
                    self.pos += 1;
                }
                Some(b'/') if self.byte_at(1) == Some(b'/') => {
                    while let Some(c) = self.peek()? {
                        if c.0 == '\n' {
                            break;
                        }
                        self.pos += c.1;
                    }
                    line_end = true;
                }
                Some(b'/') if self.byte_at(1) == Some(b'*') => {
                    self.pos += 2;
                    loop {
                        match self.bump()? {
                            None => return Err("comment not terminated".into()),
                            Some('\n') => line_end = true,
                            Some('*') if self.byte_at(0) == Some(b'/') => {
                                self.pos += 1;
                                break;
                            }
                            Some(_) => {}
                        }
                    }
                }
                None => return Ok(true),
                Some(_) => {
                    // Errors in what follows (NUL, bad UTF-8) surface in `next`.
                    return Ok(line_end);
                }
            }
        }
    }

    fn next(&mut self) -> Scan<Tok> {
        let line_end = self.skip_space()?;
        if self.insert_semi && line_end {
            self.insert_semi = false;
            return Ok(Tok::Semi);
        }
        let Some((c, n)) = self.peek()? else {
            return Ok(Tok::Eof);
        };
        let start = self.pos;
        self.pos += n;
        let (tok, semi) = match c {
            c if is_letter(c) => {
                while let Some((c, n)) = self.peek()? {
                    if !(is_letter(c) || is_digit(c)) {
                        break;
                    }
                    self.pos += n;
                }
                let word = String::from_utf8_lossy(&self.src[start..self.pos]).into_owned();
                match KEYWORDS.iter().find(|k| **k == word) {
                    Some(&k) => (
                        Tok::Keyword(k),
                        matches!(k, "break" | "continue" | "fallthrough" | "return"),
                    ),
                    None => (Tok::Ident(word), true),
                }
            }
            c if c.is_ascii_digit() => {
                self.number()?;
                (Tok::Other, true)
            }
            '.' if self.byte_at(0).is_some_and(|b| b.is_ascii_digit()) => {
                self.number()?;
                (Tok::Other, true)
            }
            '"' => (Tok::Str(self.string()?), true),
            '`' => (Tok::Str(self.raw_string()?), true),
            '\'' => {
                self.rune()?;
                (Tok::Other, true)
            }
            '(' => (Tok::LParen, false),
            ')' => (Tok::RParen, true),
            ']' => (Tok::Other, true),
            '}' => (Tok::RBrace, true),
            '.' => {
                if self.byte_at(0) == Some(b'.') && self.byte_at(1) == Some(b'.') {
                    self.pos += 2;
                    (Tok::Other, false)
                } else {
                    (Tok::Period, false)
                }
            }
            ',' => (Tok::Comma, false),
            ';' => (Tok::Semi, false),
            '+' | '-' if self.byte_at(0) == Some(c as u8) => {
                self.pos += 1;
                (Tok::Other, true)
            }
            '[' | '{' | ':' | '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<' | '>' | '='
            | '!' | '~' => {
                // Multi-character operators need no distinction here.
                while let Some(b'=' | b'&' | b'|' | b'<' | b'>' | b'^' | b'-' | b':') =
                    self.byte_at(0)
                {
                    self.pos += 1;
                }
                (Tok::Other, false)
            }
            c => return Err(format!("illegal character U+{:04X}", c as u32)),
        };
        self.insert_semi = semi;
        Ok(tok)
    }

    fn number(&mut self) -> Scan<()> {
        while let Some(b) = self.byte_at(0) {
            let exp = matches!(b, b'e' | b'E' | b'p' | b'P');
            if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' {
                self.pos += 1;
                if exp && matches!(self.byte_at(0), Some(b'+' | b'-')) {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
        Ok(())
    }

    /// An interpreted string literal (opening quote consumed); its value.
    fn string(&mut self) -> Scan<String> {
        let mut value = String::new();
        loop {
            match self.bump()? {
                None | Some('\n') => return Err("string literal not terminated".into()),
                Some('"') => return Ok(value),
                Some('\\') => self.escape('"', &mut value)?,
                Some(c) => value.push(c),
            }
        }
    }

    fn raw_string(&mut self) -> Scan<String> {
        let mut value = String::new();
        loop {
            match self.bump()? {
                None => return Err("raw string literal not terminated".into()),
                Some('`') => return Ok(value),
                Some('\r') => {}
                Some(c) => value.push(c),
            }
        }
    }

    fn rune(&mut self) -> Scan<()> {
        let mut n = 0;
        loop {
            match self.bump()? {
                None | Some('\n') => return Err("rune literal not terminated".into()),
                Some('\'') if n == 1 => return Ok(()),
                Some('\'') => return Err("illegal rune literal".into()),
                Some('\\') => {
                    self.escape('\'', &mut String::new())?;
                    n += 1;
                }
                Some(_) => n += 1,
            }
        }
    }

    /// go/scanner's `scanEscape` (backslash consumed); pushes the value (bytes of `\x`/octal
    /// escapes that are not UTF-8 become U+FFFD: the path is invalid either way).
    fn escape(&mut self, quote: char, value: &mut String) -> Scan<()> {
        let Some((c, _)) = self.peek()? else {
            return Err("escape sequence not terminated".into());
        };
        let (digits, base, max): (usize, u32, u32) = match c {
            'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | '\\' => {
                self.pos += 1;
                value.push(match c {
                    'a' => '\x07',
                    'b' => '\x08',
                    'f' => '\x0c',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'v' => '\x0b',
                    _ => '\\',
                });
                return Ok(());
            }
            c if c == quote => {
                self.pos += 1;
                value.push(c);
                return Ok(());
            }
            '0'..='7' => (3, 8, 255),
            'x' => {
                self.pos += 1;
                (2, 16, 255)
            }
            'u' => {
                self.pos += 1;
                (4, 16, 0x10ffff)
            }
            'U' => {
                self.pos += 1;
                (8, 16, 0x10ffff)
            }
            _ => return Err("unknown escape sequence".into()),
        };
        let mut x: u32 = 0;
        for _ in 0..digits {
            let Some((d, n)) = self.peek()? else {
                return Err("escape sequence not terminated".into());
            };
            let Some(v) = d.to_digit(base) else {
                return Err("illegal character in escape sequence".into());
            };
            x = x * base + v;
            self.pos += n;
        }
        if x > max || (0xd800..0xe000).contains(&x) {
            return Err("escape sequence is invalid Unicode code point".into());
        }
        if base == 16 && digits > 2 {
            value.push(char::from_u32(x).unwrap_or('\u{fffd}'));
        } else {
            value.push(if x < 0x80 {
                x as u8 as char
            } else {
                '\u{fffd}'
            });
        }
        Ok(())
    }
}

/// An import as go/parser reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedImport {
    /// `.`, `_`, another name, or none.
    pub name: Option<String>,
    pub path: String,
}

/// The package name and imports go/parser finds in `header`, or its first error.
pub fn parse_header(header: &[u8]) -> Result<(String, Vec<ParsedImport>), String> {
    let mut p = Parser {
        s: Scanner {
            src: header,
            pos: 0,
            insert_semi: false,
        },
        tok: Tok::Eof,
    };
    p.next()?;
    if p.tok != Tok::Keyword("package") {
        return Err("expected 'package'".into());
    }
    p.next()?;
    let Tok::Ident(name) = p.tok.clone() else {
        return Err("expected 'IDENT'".into());
    };
    p.next()?;
    p.expect_semi()?;
    let mut imports = Vec::new();
    while p.tok == Tok::Keyword("import") {
        p.next()?;
        if p.tok == Tok::LParen {
            p.next()?;
            while p.tok != Tok::RParen && p.tok != Tok::Eof {
                imports.push(p.import_spec()?);
            }
            if p.tok != Tok::RParen {
                return Err("expected ')'".into());
            }
            p.next()?;
            p.expect_semi()?;
        } else {
            imports.push(p.import_spec()?);
        }
    }
    Ok((name, imports))
}

struct Parser<'a> {
    s: Scanner<'a>,
    tok: Tok,
}

impl Parser<'_> {
    fn next(&mut self) -> Scan<()> {
        self.tok = self.s.next()?;
        Ok(())
    }

    /// `expectSemi`: optional before `)` and `}`; a `,` is an error.
    fn expect_semi(&mut self) -> Scan<()> {
        match self.tok {
            Tok::RParen | Tok::RBrace => Ok(()),
            Tok::Semi => self.next(),
            _ => Err("expected ';'".into()),
        }
    }

    fn import_spec(&mut self) -> Scan<ParsedImport> {
        let name = match &self.tok {
            Tok::Ident(n) => Some(n.clone()),
            Tok::Period => Some(".".to_owned()),
            _ => None,
        };
        if name.is_some() {
            self.next()?;
        }
        let Tok::Str(path) = self.tok.clone() else {
            return Err("missing import path".into());
        };
        self.next()?;
        self.expect_semi()?;
        Ok(ParsedImport { name, path })
    }
}

/// go/parser's (go1.19) and modindex's (later) `isValidImport`.
pub fn is_valid_import(path: &str) -> bool {
    const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^{|}`\u{fffd}";
    !path.is_empty()
        && path
            .chars()
            .all(|c| unicode::is_graphic(c) && !c.is_whitespace() && !ILLEGAL.contains(c))
}

#[cfg(test)]
#[path = "gosyntax_tests.rs"]
mod tests;
