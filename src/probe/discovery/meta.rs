//! go-get discovery pages read as go reads them: `parseMetaGoImports` (vcs/discovery.go) over
//! the part of encoding/xml's non-strict `RawToken` it relies on — start and end tags,
//! attributes (quoted with the five XML entities, unquoted as HTML allows, bare), comments,
//! CDATA, directives, and the `<?xml … encoding=…?>` charset check — including the XML errors
//! that stop go before it has found a tag (`XML syntax error on line N: …`).
//! docs/go/semantics.md §8 "Finding the repository".

/// One `<meta name="go-import" content="prefix vcs repo-root [subdir]">`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoImport {
    pub prefix: String,
    pub vcs: String,
    pub repo: String,
    /// The optional fourth field (read by go ≥ 1.25; older go ignores four-field tags).
    pub subdir: Option<String>,
}

/// `parseMetaGoImports(body, PreferMod)`: the tags in go's order — `mod` entries first, then
/// the others not superseded by a `mod` entry for the same prefix — or, when the page breaks
/// before any tag, go's error. `subdir_field`: the go whose rules apply reads four-field tags.
pub fn parse(body: &[u8], subdir_field: bool) -> Result<Vec<GoImport>, String> {
    let mut d = Decoder::new(body);
    let mut imports = Vec::new();
    loop {
        let tok = match d.raw_token() {
            Ok(Some(t)) => t,
            Ok(None) => break,
            Err(e) if imports.is_empty() => return Err(e),
            Err(_) => break,
        };
        match tok {
            Tok::Start { local, .. } if local.eq_ignore_ascii_case("body") => break,
            Tok::End(local) if local.eq_ignore_ascii_case("head") => break,
            Tok::Start { local, attrs } if local.eq_ignore_ascii_case("meta") => {
                if attr_value(&attrs, "name") != "go-import" {
                    continue;
                }
                let f: Vec<&str> = attr_value(&attrs, "content").split_whitespace().collect();
                if f.len() == 3 || (f.len() == 4 && subdir_field) {
                    imports.push(GoImport {
                        prefix: f[0].to_owned(),
                        vcs: f[1].to_owned(),
                        repo: f[2].to_owned(),
                        subdir: f.get(3).map(|s| (*s).to_owned()),
                    });
                }
            }
            _ => {}
        }
    }
    let mods: Vec<&str> = imports
        .iter()
        .filter(|m| m.vcs == "mod")
        .map(|m| m.prefix.as_str())
        .collect();
    let mut list: Vec<GoImport> = imports.iter().filter(|m| m.vcs == "mod").cloned().collect();
    list.extend(
        imports
            .iter()
            .filter(|m| m.vcs != "mod" && !mods.contains(&m.prefix.as_str()))
            .cloned(),
    );
    Ok(list)
}

/// `attrValue`: the first attribute whose local name folds to `name`, else "".
fn attr_value<'a>(attrs: &'a [(String, String)], name: &str) -> &'a str {
    attrs
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map_or("", |(_, v)| v.as_str())
}

enum Tok {
    /// A start tag: its local name and attributes (local name, value).
    Start {
        local: String,
        attrs: Vec<(String, String)>,
    },
    End(String),
    /// Text, a comment, a directive or a processing instruction.
    Other,
}

/// encoding/xml's `Decoder` in non-strict mode, reduced to what `RawToken` does.
struct Decoder<'a> {
    src: &'a [u8],
    pos: usize,
    line: usize,
    /// The end half of a self-closing tag, returned next.
    need_close: Option<String>,
}

type Res<T> = Result<T, String>;

impl<'a> Decoder<'a> {
    fn new(src: &'a [u8]) -> Self {
        Decoder {
            src,
            pos: 0,
            line: 1,
            need_close: None,
        }
    }

    fn syntax(&self, msg: &str) -> String {
        format!("XML syntax error on line {}: {msg}", self.line)
    }

    fn getc(&mut self) -> Option<u8> {
        let b = *self.src.get(self.pos)?;
        self.pos += 1;
        if b == b'\n' {
            self.line += 1;
        }
        Some(b)
    }

    fn ungetc(&mut self) {
        self.pos -= 1;
        if self.src[self.pos] == b'\n' {
            self.line -= 1;
        }
    }

    fn mustgetc(&mut self) -> Res<u8> {
        self.getc().ok_or_else(|| self.syntax("unexpected EOF"))
    }

    fn space(&mut self) {
        while let Some(b) = self.getc() {
            if !matches!(b, b' ' | b'\r' | b'\n' | b'\t') {
                self.ungetc();
                return;
            }
        }
    }

    /// `readName`: a run of name bytes (false, nothing consumed, when none starts here).
    fn read_name(&mut self, buf: &mut Vec<u8>) -> Res<bool> {
        let b = self.mustgetc()?;
        if b < 0x80 && !is_name_byte(b) {
            self.ungetc();
            return Ok(false);
        }
        buf.push(b);
        loop {
            let b = self.mustgetc()?;
            if b < 0x80 && !is_name_byte(b) {
                self.ungetc();
                return Ok(true);
            }
            buf.push(b);
        }
    }

    /// `name`: a valid XML name, None when none starts here.
    fn name(&mut self) -> Res<Option<String>> {
        let mut buf = Vec::new();
        if !self.read_name(&mut buf)? {
            return Ok(None);
        }
        let s = String::from_utf8_lossy(&buf).into_owned();
        if !is_name(&buf) {
            return Err(self.syntax(&format!("invalid XML name: {s}")));
        }
        Ok(Some(s))
    }

    /// `nsname`: the local part of a name (None for none, or more than one colon).
    fn nsname(&mut self) -> Res<Option<String>> {
        let Some(s) = self.name()? else {
            return Ok(None);
        };
        if s.matches(':').count() > 1 {
            return Ok(None);
        }
        Ok(Some(match s.split_once(':') {
            Some((space, local)) if !space.is_empty() && !local.is_empty() => local.to_owned(),
            _ => s,
        }))
    }

    fn raw_token(&mut self) -> Res<Option<Tok>> {
        if let Some(name) = self.need_close.take() {
            return Ok(Some(Tok::End(name)));
        }
        let Some(b) = self.getc() else {
            return Ok(None);
        };
        if b != b'<' {
            self.ungetc();
            self.text(None, false)?;
            return Ok(Some(Tok::Other));
        }
        match self.mustgetc()? {
            b'/' => {
                let name = self
                    .nsname()?
                    .ok_or_else(|| self.syntax("expected element name after </"))?;
                self.space();
                if self.mustgetc()? != b'>' {
                    return Err(self.syntax(&format!("invalid characters between </{name} and >")));
                }
                Ok(Some(Tok::End(name)))
            }
            b'?' => self.proc_inst(),
            b'!' => self.bang(),
            _ => {
                self.ungetc();
                self.start_element()
            }
        }
    }

    fn proc_inst(&mut self) -> Res<Option<Tok>> {
        let target = self
            .name()?
            .ok_or_else(|| self.syntax("expected target name after <?"))?;
        self.space();
        let mut data = Vec::new();
        let mut b0 = 0;
        loop {
            let b = self.mustgetc()?;
            data.push(b);
            if b0 == b'?' && b == b'>' {
                break;
            }
            b0 = b;
        }
        data.truncate(data.len() - 2);
        if target == "xml" {
            let content = String::from_utf8_lossy(&data);
            let ver = proc_inst_param("version", &content);
            if !ver.is_empty() && ver != "1.0" {
                return Err(format!(
                    "xml: unsupported version \"{ver}\"; only version 1.0 is supported"
                ));
            }
            // charsetReader (vcs/discovery.go): UTF-8 and ASCII only.
            let enc = proc_inst_param("encoding", &content);
            if !enc.is_empty()
                && !enc.eq_ignore_ascii_case("utf-8")
                && !enc.eq_ignore_ascii_case("ascii")
            {
                return Err(format!(
                    "xml: opening charset \"{enc}\": can't decode XML document using charset \"{enc}\""
                ));
            }
        }
        Ok(Some(Tok::Other))
    }

    /// `<!`: a comment, CDATA or a directive.
    fn bang(&mut self) -> Res<Option<Tok>> {
        match self.mustgetc()? {
            b'-' => {
                if self.mustgetc()? != b'-' {
                    return Err(self.syntax("invalid sequence <!- not part of <!--"));
                }
                let (mut b0, mut b1) = (0, 0);
                loop {
                    let b = self.mustgetc()?;
                    if b0 == b'-' && b1 == b'-' {
                        if b != b'>' {
                            return Err(
                                self.syntax("invalid sequence \"--\" not allowed in comments")
                            );
                        }
                        return Ok(Some(Tok::Other));
                    }
                    (b0, b1) = (b1, b);
                }
            }
            b'[' => {
                for want in b"CDATA[" {
                    if self.mustgetc()? != *want {
                        return Err(self.syntax("invalid <![ sequence"));
                    }
                }
                self.text(None, true)?;
                Ok(Some(Tok::Other))
            }
            _ => self.directive(),
        }
    }

    /// `<!DOCTYPE …>` and friends: up to the `>` that closes it, quotes and nested `<…>` and
    /// comments taken into account.
    fn directive(&mut self) -> Res<Option<Tok>> {
        let mut inquote = 0u8;
        let mut depth = 0usize;
        loop {
            let mut b = self.mustgetc()?;
            if inquote == 0 && b == b'>' && depth == 0 {
                return Ok(Some(Tok::Other));
            }
            'handle: loop {
                if inquote != 0 {
                    if b == inquote {
                        inquote = 0;
                    }
                } else if b == b'\'' || b == b'"' {
                    inquote = b;
                } else if b == b'>' {
                    depth = depth.wrapping_sub(1);
                } else if b == b'<' {
                    for want in b"!--" {
                        b = self.mustgetc()?;
                        if b != *want {
                            depth = depth.wrapping_add(1);
                            continue 'handle;
                        }
                    }
                    let (mut b0, mut b1) = (0, 0);
                    loop {
                        let c = self.mustgetc()?;
                        if b0 == b'-' && b1 == b'-' && c == b'>' {
                            break;
                        }
                        (b0, b1) = (b1, c);
                    }
                }
                break;
            }
        }
    }

    fn start_element(&mut self) -> Res<Option<Tok>> {
        let local = self
            .nsname()?
            .ok_or_else(|| self.syntax("expected element name after <"))?;
        let mut attrs = Vec::new();
        loop {
            self.space();
            let b = self.mustgetc()?;
            if b == b'/' {
                if self.mustgetc()? != b'>' {
                    return Err(self.syntax("expected /> in element"));
                }
                self.need_close = Some(local.clone());
                break;
            }
            if b == b'>' {
                break;
            }
            self.ungetc();
            let name = self
                .nsname()?
                .ok_or_else(|| self.syntax("expected attribute name in element"))?;
            self.space();
            let value = if self.mustgetc()? == b'=' {
                self.space();
                self.attr_value()?
            } else {
                // Non-strict: a bare attribute is its own value.
                self.ungetc();
                name.clone()
            };
            attrs.push((name, value));
        }
        Ok(Some(Tok::Start { local, attrs }))
    }

    /// `attrval`: quoted (entities decoded), or unquoted as HTML allows (`[A-Za-z0-9_:-]*`).
    fn attr_value(&mut self) -> Res<String> {
        let b = self.mustgetc()?;
        if b == b'"' || b == b'\'' {
            return self.text(Some(b), false);
        }
        self.ungetc();
        let mut out = String::new();
        loop {
            let b = self.mustgetc()?;
            if b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'-') {
                out.push(b as char);
            } else {
                self.ungetc();
                return Ok(out);
            }
        }
    }

    /// `text`: character data up to `<` (or the closing quote, or `]]>` in CDATA), with
    /// entities decoded, CR/CRLF made LF, and go's checks for invalid UTF-8 and illegal
    /// characters.
    fn text(&mut self, quote: Option<u8>, cdata: bool) -> Res<String> {
        let mut buf: Vec<u8> = Vec::new();
        let (mut b0, mut b1) = (0u8, 0u8);
        let mut trunc = 0;
        loop {
            let Some(b) = self.getc() else {
                if cdata {
                    return Err(self.syntax("unexpected EOF in CDATA section"));
                }
                break;
            };
            if quote.is_none() && b0 == b']' && b1 == b']' && b == b'>' {
                if cdata {
                    trunc = 2;
                    break;
                }
                return Err(self.syntax("unescaped ]]> not in CDATA section"));
            }
            if b == b'<' && !cdata {
                if quote.is_some() {
                    return Err(self.syntax("unescaped < inside quoted string"));
                }
                self.ungetc();
                break;
            }
            if quote == Some(b) {
                break;
            }
            if b == b'&' && !cdata {
                self.entity(&mut buf)?;
                (b0, b1) = (0, 0);
                continue;
            }
            if b == b'\r' {
                buf.push(b'\n');
            } else if !(b1 == b'\r' && b == b'\n') {
                buf.push(b);
            }
            (b0, b1) = (b1, b);
        }
        buf.truncate(buf.len() - trunc);
        let text = match std::str::from_utf8(&buf) {
            Ok(t) => t,
            Err(e) => {
                // The first bad byte decides, unless an illegal character comes before it.
                let good = std::str::from_utf8(&buf[..e.valid_up_to()]).unwrap_or_default();
                check_chars(good).map_err(|m| self.syntax(&m))?;
                return Err(self.syntax("invalid UTF-8"));
            }
        };
        check_chars(text).map_err(|m| self.syntax(&m))?;
        Ok(text.to_owned())
    }

    /// After `&`: a character reference or one of the five entities, decoded into `buf`;
    /// anything else kept as written (non-strict).
    fn entity(&mut self, buf: &mut Vec<u8>) -> Res<()> {
        let before = buf.len();
        buf.push(b'&');
        let mut b = self.mustgetc()?;
        let mut text: Option<String> = None;
        if b == b'#' {
            buf.push(b);
            b = self.mustgetc()?;
            let mut base = 10;
            if b == b'x' {
                base = 16;
                buf.push(b);
                b = self.mustgetc()?;
            }
            let start = buf.len();
            while b.is_ascii_digit() || base == 16 && b.is_ascii_hexdigit() {
                buf.push(b);
                b = self.mustgetc()?;
            }
            if b != b';' {
                self.ungetc();
            } else {
                let digits = String::from_utf8_lossy(&buf[start..]).into_owned();
                buf.push(b';');
                text = u32::from_str_radix(&digits, base)
                    .ok()
                    .and_then(char::from_u32)
                    .map(String::from);
            }
        } else {
            self.ungetc();
            self.read_name(buf)?;
            if self.mustgetc()? != b';' {
                self.ungetc();
            } else {
                let name = String::from_utf8_lossy(&buf[before + 1..]).into_owned();
                buf.push(b';');
                text = match name.as_str() {
                    "lt" => Some("<".into()),
                    "gt" => Some(">".into()),
                    "amp" => Some("&".into()),
                    "apos" => Some("'".into()),
                    "quot" => Some("\"".into()),
                    _ => None,
                };
            }
        }
        if let Some(t) = text {
            buf.truncate(before);
            buf.extend_from_slice(t.as_bytes());
        }
        Ok(())
    }
}

/// `isInCharacterRange` over decoded text: go's `illegal character code U+XXXX`.
fn check_chars(text: &str) -> Result<(), String> {
    match text.chars().find(|&c| {
        let r = c as u32;
        !(r == 0x09
            || r == 0x0A
            || r == 0x0D
            || (0x20..=0xD7FF).contains(&r)
            || (0xE000..=0xFFFD).contains(&r)
            || (0x10000..=0x10FFFF).contains(&r))
    }) {
        Some(c) => Err(format!("illegal character code U+{:04X}", c as u32)),
        None => Ok(()),
    }
}

fn is_name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'.' | b'-')
}

/// `isName`, with Unicode letters standing in for XML's name-character tables.
fn is_name(s: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(s) else {
        return false;
    };
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    (first.is_alphabetic() || first == '_' || first == ':')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '.' | '-' | '\u{b7}'))
}

/// `procInst`: a `param="value"` (or single-quoted) pseudo-attribute of `<?xml …?>`, on bytes
/// as go reads it.
fn proc_inst_param(param: &str, s: &str) -> String {
    let (s, param) = (s.as_bytes(), format!("{param}=").into_bytes());
    let find = |hay: &[u8]| hay.windows(param.len()).position(|w| w == param.as_slice());
    let mut i = 0;
    let mut sep = None;
    while i < s.len() {
        let sub = &s[i..];
        let Some(k) = find(sub) else {
            return String::new();
        };
        if param.len() + k >= sub.len() {
            return String::new();
        }
        i += param.len() + k + 1;
        let c = sub[param.len() + k];
        if c == b'\'' || c == b'"' {
            sep = Some(c);
            break;
        }
    }
    let Some(sep) = sep else {
        return String::new();
    };
    match s[i..].iter().position(|&b| b == sep) {
        Some(j) => String::from_utf8_lossy(&s[i..i + j]).into_owned(),
        None => String::new(),
    }
}
