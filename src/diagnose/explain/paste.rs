//! What people paste, made into go's error lines: terminal colours, CRLF, CI timestamps,
//! Docker build prefixes, `go: downloading` chatter and prose in other languages around the
//! error are removed; lines a terminal hard-wrapped are joined again; and the lines are cut
//! into blocks, one per error go printed (an error with its indented continuation lines,
//! `server response:` bodies and SECURITY ERROR paragraphs).

/// One error as go printed it: its lines joined by `\n`, noise removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    pub text: String,
}

/// The error blocks of a paste, in the order go printed them.
pub(super) fn blocks(paste: &str) -> Vec<Block> {
    let lines: Vec<String> = strip_ansi(paste)
        .split('\n')
        .map(clean_line)
        .filter(|l| !is_noise(l))
        .collect();
    let lines = unwrap_hard_wraps(lines);
    let mut out: Vec<Block> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in lines {
        if line.trim().is_empty() {
            continue;
        }
        // A `server response:` body runs until go's next error.
        let in_body = current.iter().any(|l| l.contains("server response"))
            && !line.starts_with("go: ")
            && !line.starts_with("go ")
            && !line.starts_with("verifying ");
        if starts_error(&line) && !in_body && !current.is_empty() {
            out.push(Block {
                text: current.join("\n"),
            });
            current.clear();
        }
        current.push(line);
    }
    if !current.is_empty() {
        out.push(Block {
            text: current.join("\n"),
        });
    }
    out
}

/// The host of the first GOPROXY entry the paste sets (`export GOPROXY=https://…,direct`,
/// `go env -w GOPROXY=…`, `GOPROXY=… go get`).
pub(super) fn goproxy_host(paste: &str) -> Option<String> {
    let i = paste.find("GOPROXY=")? + "GOPROXY=".len();
    let value = paste[i..]
        .trim_start_matches(['"', '\''])
        .split([' ', '\n', '"', '\'', ',', '|'])
        .next()?;
    let rest = value.split_once("://")?.1;
    let host = rest.split(['/', ':']).next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Removes ANSI escape sequences (CSI `ESC [ … letter`, OSC `ESC ] … BEL`) and CRs.
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() || c == '~' {
                            break;
                        }
                    }
                }
                Some(']') => {
                    for c in chars.by_ref() {
                        if c == '\u{7}' {
                            break;
                        }
                    }
                }
                _ => {
                    chars.next();
                }
            },
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One line without the prefixes CI systems and Docker add, and without prose in another
/// language before go's text.
fn clean_line(line: &str) -> String {
    let mut rest = line.trim_end();
    loop {
        let before = rest;
        rest = strip_timestamp(rest);
        rest = strip_docker_prefix(rest);
        rest = strip_foreign_prose(rest);
        // A quoted paste (Markdown `> `).
        rest = rest.strip_prefix("> ").unwrap_or(rest);
        if rest == before {
            break;
        }
    }
    rest.to_owned()
}

/// `2024-01-02T03:04:05.123Z `, `[2024-01-02 03:04:05] `, `09:07:15: `, `12:34:56.789 `.
fn strip_timestamp(line: &str) -> &str {
    let t = line.trim_start();
    let inner = t.strip_prefix('[').unwrap_or(t);
    let end = inner
        .find(|c: char| !(c.is_ascii_digit() || "-:.TZ+ ".contains(c)))
        .unwrap_or(inner.len());
    let stamp = inner[..end].trim_end();
    let digits = stamp.bytes().filter(u8::is_ascii_digit).count();
    // A time has at least hh:mm:ss; a bare number is not a timestamp.
    if digits >= 6 && stamp.contains(':') && stamp.matches(':').count() >= 2 {
        let mut r = &inner[stamp.len()..];
        r = r.strip_prefix(']').unwrap_or(r);
        r = r.strip_prefix(':').unwrap_or(r);
        // Keep an indentation that follows the stamp: it marks a continuation line.
        return r.strip_prefix(' ').unwrap_or(r);
    }
    line
}

/// BuildKit's `#12 1.234 ` (optionally after a service name, `build #12 …`) and the classic
/// builder's `Step 3/9 : RUN …` header (dropped as noise later).
fn strip_docker_prefix(line: &str) -> &str {
    let t = line.trim_start();
    let after_service = match t.split_once(' ') {
        Some((word, rest)) if !word.starts_with('#') && rest.starts_with('#') => rest,
        _ => t,
    };
    let Some(num) = after_service.strip_prefix('#') else {
        // Only the seconds (`14.66 \tfatal: …`), as some BuildKit front ends print them.
        let secs_end = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(t.len());
        let secs = &t[..secs_end];
        if secs.contains('.')
            && secs.split('.').all(|p| !p.is_empty())
            && t[secs_end..].starts_with([' ', '\t'])
            && secs.matches('.').count() == 1
        {
            return &t[secs_end + 1..];
        }
        return line;
    };
    let end = num.find(|c: char| !c.is_ascii_digit()).unwrap_or(num.len());
    if end == 0 || !num[end..].starts_with(' ') {
        return line;
    }
    let rest = &num[end + 1..];
    // The seconds since the step started.
    let secs_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    if secs_end > 0 && rest[..secs_end].contains('.') && rest[secs_end..].starts_with(' ') {
        return &rest[secs_end + 1..];
    }
    rest
}

/// Prose in a language other than English before go's words (`报错：go: …`), with the
/// punctuation that joins it.
fn strip_foreign_prose(line: &str) -> &str {
    let t = line.trim_start();
    if t.chars().next().is_none_or(|c| c.is_ascii()) {
        return line;
    }
    let start = t
        .find(|c: char| c.is_ascii_alphanumeric())
        .unwrap_or(t.len());
    t[start..].trim_start()
}

/// Lines that are not part of any error: progress, the command itself, build-tool chatter.
fn is_noise(line: &str) -> bool {
    let t = line.trim();
    const PREFIXES: &[&str] = &[
        "go: downloading ",
        "go: finding ",
        "go: extracting ",
        "go: found ",
        "go: upgraded ",
        "go: added ",
        "go: to add module requirements",
        "go: to add missing requirements",
        "go: error loading module requirements",
        "Fetching https://",
        "Fetching http://",
        "$ ",
        "# get ",
        "[Debug]",
        "[Info]",
        "[DEBUG]",
        "[INFO]",
        "Step ",
        "---> ",
        "RUN ",
        "ERROR: process",
        "ERROR: failed to solve",
        "make: ",
        "make[",
        "exit status ",
        "Error: Process completed",
        "##[error]Process completed",
        "The command '/bin/sh",
        "executor failed running",
        "http2: Transport",
        "http2: Framer",
        "http2: decoded",
    ];
    t.is_empty()
        || PREFIXES.iter().any(|p| t.starts_with(p))
        || t.starts_with("[builder ")
        || t.starts_with("------")
        || (t.starts_with("go ") && !t.contains(": "))
        || t == "go: downloading"
        || t.chars().all(|c| !c.is_ascii_alphanumeric())
}

/// A line that starts a new error (rather than continuing the one before): not indented, and
/// not one of the paragraphs go prints under an error.
fn starts_error(line: &str) -> bool {
    // Indented, or the rest of a line broken in the middle (`:46292->…`).
    if line.starts_with([' ', '\t']) || !line.starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    const CONTINUATIONS: &[&str] = &[
        "SECURITY ERROR",
        "This download does NOT match",
        "The bits may have been replaced",
        "have intercepted the download",
        "For more information, see",
        "Please make sure you have",
        "and the repository exists",
        "server response",
        "downloaded:",
        "go.sum:",
        "sum.golang.org:",
        "fatal:",
        "remote:",
        "error:",
        "ssh:",
        "Host key verification",
        "go.sum database server misbehavior",
        "(Go version in go.mod",
    ];
    !CONTINUATIONS.iter().any(|c| line.starts_with(c))
}

/// Joins lines a terminal broke at its width: a line at least 60 characters long, as long as a
/// neighbour, followed by one that continues a word (not indented, not starting a sentence of
/// its own).
fn unwrap_hard_wraps(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    let mut joined_last = false;
    for (i, line) in lines.iter().enumerate() {
        let continues = i > 0 && {
            let w = widths[i - 1];
            let same_as_neighbour = Some(w) == i.checked_sub(2).map(|p| widths[p])
                || w == widths[i]
                || joined_last
                || matches!(w, 80 | 90 | 100 | 120 | 132 | 150 | 160 | 180 | 200);
            let unfinished_url = lines[i - 1]
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.contains("://") && !w.ends_with([':', '.', ')', '"']));
            w >= 60
                && (same_as_neighbour || unfinished_url)
                && !lines[i - 1].ends_with(' ')
                && line.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
                && !line.starts_with("go: ")
                && !line.starts_with("go ")
                && !line.starts_with("verifying ")
        };
        match (continues, out.last_mut()) {
            (true, Some(last)) => {
                last.push_str(line);
                joined_last = true;
            }
            _ => {
                out.push(line.clone());
                joined_last = false;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &str) -> Vec<String> {
        blocks(p).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn noise_and_prefixes_go() {
        let p = "\u{1b}[31m#12 1.234 go: downloading a.example/m v1.0.0\u{1b}[0m\r\n\
                 2024-05-01T10:00:00.1234567Z go: a.example/m@v1.0.0: reading https://proxy.golang.org/a.example/m/@v/v1.0.0.mod: 429 Too Many Requests\r\n";
        assert_eq!(
            texts(p),
            [
                "go: a.example/m@v1.0.0: reading https://proxy.golang.org/a.example/m/@v/v1.0.0.mod: 429 Too Many Requests"
            ]
        );
    }

    #[test]
    fn continuation_lines_stay_with_their_error() {
        let p = "go: a imports\n\tb.example/x: reading https://p/x: 404 Not Found\n\tserver response: not found\ngo: c@v1: dial tcp 1.2.3.4:443: i/o timeout\n";
        let b = texts(p);
        assert_eq!(b.len(), 2);
        assert!(b[0].contains("server response"));
    }

    #[test]
    fn checksum_paragraphs_stay_with_the_mismatch() {
        let p = "verifying x@v1: checksum mismatch\n\tdownloaded: h1:a\n\tgo.sum:     h1:b\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\n";
        assert_eq!(texts(p).len(), 1);
    }

    #[test]
    fn chinese_prose_before_the_error_goes() {
        assert_eq!(
            texts(
                "问题：go: module gioui.org: Get \"https://goproxy.cn/gioui.org/@v/list\": net/http: TLS handshake timeout，总是报这个错"
            ),
            [
                "go: module gioui.org: Get \"https://goproxy.cn/gioui.org/@v/list\": net/http: TLS handshake timeout，总是报这个错"
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let p = "verifying github.com/fsnotify/fsnotify@v1.4.7: github.com/fsnotify/fsnotify@v1.4.7: readi\nng https://goproxy.cn/sumdb/sum.golang.org/lookup/github.com/fsnotify/fsnotify@v1.4.7: 50\n0 Internal Server Error\n";
        let b = texts(p);
        assert_eq!(b.len(), 1);
        assert!(b[0].contains("reading https://goproxy.cn/sumdb/"), "{b:?}");
        assert!(b[0].ends_with(": 500 Internal Server Error"), "{b:?}");
    }

    #[test]
    fn ci_time_prefix_keeps_indentation() {
        let p = "09:07:15: go: a@v1 requires\n09:07:15: \tb@v2: reading https://p/b: 500 Internal Server Error\n";
        assert_eq!(texts(p).len(), 1);
    }
}
