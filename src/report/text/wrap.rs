//! Wrapping to the terminal's width with a hanging indent. Lines break at spaces and between
//! Chinese characters, never inside a word, URL or command; widths are display columns (a Han
//! character takes two) and ANSI styles take none. Commands are never wrapped at all: a
//! broken command line would not paste.

use std::io::{self, Write};

use crate::report::width::width as columns;

/// Display columns of `s`, ANSI escape sequences (`ESC [ … m`) left out.
pub fn visible_width(s: &str) -> usize {
    columns(&strip_ansi(s))
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for e in chars.by_ref() {
                if e.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn wide(c: char) -> bool {
    columns(c.encode_utf8(&mut [0; 4])) == 2
}

/// Punctuation a line may not start with (、。，：；！？）」』】 …).
fn closing(c: char) -> bool {
    "、。，．：；！？）」』】〉》,.;:!?)]}".contains(c)
}

/// Punctuation a line may not end with.
fn opening(c: char) -> bool {
    "（「『【〈《([{".contains(c)
}

/// `s` cut into pieces that stay together, each with its trailing spaces.
fn pieces(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev: Option<char> = None;
    let mut in_escape = false;
    for c in s.chars() {
        if c == '\x1b' || in_escape {
            // A style sticks to the text after it and takes no room.
            if c == '\x1b' && prev == Some(' ') && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
                prev = None;
            }
            in_escape = c == '\x1b' || !c.is_ascii_alphabetic();
            cur.push(c);
            continue;
        }
        let break_before = match prev {
            None => false,
            Some(' ') => c != ' ',
            Some(p) => (wide(p) || wide(c)) && !closing(c) && !opening(p) && p != ' ',
        };
        if break_before && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(c);
        prev = Some(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `line` in lines of at most `width` columns, each after the first starting with `hang`
/// spaces. A piece wider than a line gets a line of its own, unbroken.
pub fn wrap(line: &str, width: usize, hang: usize) -> Vec<String> {
    if visible_width(line) <= width || width <= hang + 20 {
        return vec![line.to_owned()];
    }
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut cur_width = 0;
    let mut fresh = true;
    for p in pieces(line) {
        let text = p.trim_end_matches(' ');
        let w = visible_width(text);
        if !fresh && cur_width + w > width {
            lines.push(cur.trim_end_matches(' ').to_owned());
            cur = " ".repeat(hang);
            cur_width = hang;
            fresh = true;
        }
        if fresh && cur_width == hang && !lines.is_empty() {
            // A continuation line starts at the hang, without the break's spaces.
            cur.push_str(p.trim_start_matches(' '));
            cur_width += visible_width(p.trim_start_matches(' '));
        } else {
            cur.push_str(&p);
            cur_width += visible_width(&p);
        }
        fresh = strip_ansi(&cur).trim().is_empty();
    }
    lines.push(cur.trim_end_matches(' ').to_owned());
    lines
}

/// A report's output: paragraphs wrapped to `width` (None: as they are), commands verbatim.
pub struct Out<'a> {
    w: &'a mut dyn Write,
    width: Option<usize>,
}

impl<'a> Out<'a> {
    pub fn new(w: &'a mut dyn Write, width: Option<usize>) -> Self {
        Out { w, width }
    }

    /// One paragraph, continued `hang` columns in.
    pub fn line(&mut self, text: &str, hang: usize) -> io::Result<()> {
        match self.width {
            Some(width) => {
                for line in text.split('\n') {
                    for l in wrap(line, width, hang) {
                        writeln!(self.w, "{l}")?;
                    }
                }
                Ok(())
            }
            None => writeln!(self.w, "{text}"),
        }
    }

    /// A line that must not break: a command, a table row.
    pub fn verbatim(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.w, "{text}")
    }

    /// A shell comment (`  # …`), each continuation a comment too, so a block of comments and
    /// commands pastes as it is.
    pub fn comment(&mut self, text: &str, style: anstyle::Style) -> io::Result<()> {
        let line = format!("  # {text}");
        let lines = match self.width {
            Some(width) => wrap(&line, width, 6),
            None => vec![line],
        };
        for (i, l) in lines.iter().enumerate() {
            let l = if i == 0 {
                l.as_str()
            } else {
                l.get(6..).unwrap_or("")
            };
            let lead = if i == 0 { "" } else { "  #   " };
            writeln!(self.w, "{style}{lead}{l}{style:#}")?;
        }
        Ok(())
    }

    pub fn blank(&mut self) -> io::Result<()> {
        writeln!(self.w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_at_spaces_with_a_hanging_indent() {
        let line =
            "  ✗ DNS_NXDOMAIN  lookup proxy.example.com: no such host, and the words go on and on";
        let lines = wrap(line, 40, 6);
        assert!(lines.len() > 1, "{lines:?}");
        for l in &lines {
            assert!(visible_width(l) <= 40, "{l:?}");
        }
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("      ") && !l.starts_with("       "))
        );
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            line.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn never_breaks_a_url() {
        let url =
            "https://proxy.example.com/some/very/long/path/that/does/not/fit/in/forty/columns";
        let lines = wrap(&format!("  see {url} now"), 40, 4);
        assert!(lines.iter().any(|l| l.trim() == url), "{lines:?}");
    }

    #[test]
    fn chinese_breaks_between_characters_by_display_width() {
        let line = "  ✗ 根本原因 goproxy.cn 的证书由系统不信任的 CA 签发：HTTPS 流量疑似被中间设备拦截并重新签发了证书，多半是公司代理或上网行为管理设备。";
        let lines = wrap(line, 40, 6);
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            assert!(visible_width(l) <= 40, "{l:?} {}", visible_width(l));
            assert!(!l.trim_start().starts_with(['，', '。', '：']), "{l:?}");
        }
    }

    #[test]
    fn styles_take_no_columns() {
        let red = "\x1b[1m\x1b[31m";
        assert_eq!(visible_width(&format!("{red}✗\x1b[0m ok")), 4);
        let line = format!("{red}✗ word word word word word word word word word\x1b[0m");
        for l in wrap(&line, 30, 2) {
            assert!(visible_width(&l) <= 30, "{l:?}");
        }
    }

    #[test]
    fn a_wrapped_comment_stays_a_comment_and_commands_never_wrap() {
        let mut buf = Vec::new();
        let mut o = Out::new(&mut buf, Some(40));
        o.comment(
            "find where GOPROXY is set and change that line (GOPROXY_OFF)",
            anstyle::Style::new(),
        )
        .unwrap();
        o.verbatim("  grep -n 'GOPROXY' ~/.bashrc ~/.bash_profile ~/.profile /etc/profile")
            .unwrap();
        let text = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("  # ") && lines.len() == 3, "{text}");
        assert!(lines[1].starts_with("  #   "), "{text}");
        assert!(lines[2].starts_with("  grep") && lines[2].ends_with("/etc/profile"));
        assert!(lines[..2].iter().all(|l| visible_width(l) <= 40), "{text}");
    }
}
