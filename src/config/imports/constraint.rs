//! Build constraints as `go mod tidy` applies them: `imports.ShouldBuild` (and the module
//! index's `getConstraints` + `shouldBuild`, which agree) under `imports.AnyTags()`, the tag set
//! that satisfies every tag except `ignore` (docs/go/semantics.md §10 "Which files count").
//!
//! Under AnyTags a tag is true where it appears un-negated and false where negated, except
//! `ignore`, which is always false: `//go:build !linux` and `linux && !linux` both count,
//! `ignore` and `ignore || x` … count only as far as the other side does. A `//go:build` line
//! that does not parse, or two of them, excludes the file; a malformed `// +build` line is
//! skipped. File-name suffixes (`_windows.go`) never exclude a file under AnyTags.

/// Why a file does not count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Excluded {
    /// The constraint evaluates to false (it needs `ignore`).
    Constraint(String),
    /// A `//go:build` line go cannot parse.
    BadGoBuild(String),
    /// More than one `//go:build` line.
    MultipleGoBuild,
}

/// Does the file whose header (the bytes [`super::reader`] kept) is `header` count under
/// AnyTags? `limits`: go1.22.7 / go1.23.1 and later refuse expressions past a size limit.
pub fn should_build(header: &[u8], limits: bool) -> Result<(), Excluded> {
    let text = String::from_utf8_lossy(header);
    let (plus_lines, go_build) = file_header(&text)?;
    if let Some(line) = go_build {
        let expr = line["//go:build".len()..].trim_matches(is_go_space);
        let x = parse_expr(expr, limits).map_err(|_| Excluded::BadGoBuild(line.to_owned()))?;
        return if eval(&x, true) {
            Ok(())
        } else {
            Err(Excluded::Constraint(line.to_owned()))
        };
    }
    for line in plus_lines {
        let line = line.trim_matches(is_go_space);
        if !line.starts_with("//") || !line.contains("+build") {
            continue;
        }
        let Some(expr) = split_plus_build(line) else {
            continue;
        };
        if let Some(x) = parse_plus_build(expr, limits)
            && !eval(&x, true)
        {
            return Err(Excluded::Constraint(line.to_owned()));
        }
    }
    Ok(())
}

/// `unicode.IsSpace`, as `bytes.TrimSpace` uses it.
fn is_go_space(c: char) -> bool {
    c.is_whitespace()
}

/// `parseFileHeader`: the lines where `// +build` may appear (the leading comments up to the
/// last blank line before the first non-comment line) and the `//go:build` line.
fn file_header(text: &str) -> Result<(Vec<&str>, Option<&str>), Excluded> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut end = 0;
    let mut ended = false;
    let mut in_slash_star = false;
    let mut go_build = None;
    'lines: for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim_matches(is_go_space);
        if line.is_empty() && !ended {
            end = i + 1;
            continue;
        }
        if !line.starts_with("//") {
            ended = true;
        }
        if !in_slash_star && is_go_build_comment(line) {
            if go_build.is_some() {
                return Err(Excluded::MultipleGoBuild);
            }
            go_build = Some(line);
        }
        let mut rest = line;
        while !rest.is_empty() {
            if in_slash_star {
                match rest.find("*/") {
                    Some(i) => {
                        in_slash_star = false;
                        rest = rest[i + 2..].trim_matches(is_go_space);
                        continue;
                    }
                    None => continue 'lines,
                }
            }
            if rest.starts_with("//") {
                continue 'lines;
            }
            if let Some(after) = rest.strip_prefix("/*") {
                in_slash_star = true;
                rest = after.trim_matches(is_go_space);
                continue;
            }
            break 'lines;
        }
    }
    Ok((lines[..end].to_vec(), go_build))
}

fn is_go_build_comment(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("//go:build") else {
        return false;
    };
    rest.is_empty() || rest.trim_matches(is_go_space).len() < rest.len()
}

/// `constraint.splitPlusBuild`: the expression after `// +build`, if the line is one.
fn split_plus_build(line: &str) -> Option<&str> {
    let line = line.strip_prefix("//")?.trim_matches(is_go_space);
    let rest = line.strip_prefix("+build")?;
    let trim = rest.trim_matches(is_go_space);
    if rest.len() == trim.len() && !rest.is_empty() {
        return None;
    }
    Some(trim)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Expr {
    Tag(String),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

/// `eval(x, AnyTags, prefer)`: a tag is `prefer` unless it is `ignore`.
fn eval(x: &Expr, prefer: bool) -> bool {
    match x {
        Expr::Tag(t) => t != "ignore" && prefer,
        Expr::Not(x) => !eval(x, !prefer),
        Expr::And(a, b) => eval(a, prefer) && eval(b, prefer),
        Expr::Or(a, b) => eval(a, prefer) || eval(b, prefer),
    }
}

fn is_tag_char(c: char) -> bool {
    super::unicode::is_letter(c) || super::unicode::is_digit(c) || c == '_' || c == '.'
}

/// `constraint.parsePlusBuildExpr`: spaces are OR, commas AND; a malformed tag means
/// `ignore`. `None` only for the size limit (go1.23.1 and later).
fn parse_plus_build(text: &str, limits: bool) -> Option<Expr> {
    const MAX_OLD_SIZE: usize = 100;
    let mut size = 0;
    let mut x: Option<Expr> = None;
    for clause in text.split(is_go_space).filter(|c| !c.is_empty()) {
        let mut y: Option<Expr> = None;
        for lit in clause.split(',') {
            let z = if lit.starts_with("!!") || lit == "!" {
                Expr::Tag("ignore".into())
            } else {
                let (neg, lit) = match lit.strip_prefix('!') {
                    Some(l) => (true, l),
                    None => (false, lit),
                };
                let tag = if !lit.is_empty() && lit.chars().all(is_tag_char) {
                    Expr::Tag(lit.into())
                } else {
                    Expr::Tag("ignore".into())
                };
                if neg { Expr::Not(Box::new(tag)) } else { tag }
            };
            y = Some(match y {
                None => z,
                Some(y) => {
                    size += 1;
                    if limits && size > MAX_OLD_SIZE {
                        return None;
                    }
                    Expr::And(Box::new(y), Box::new(z))
                }
            });
        }
        let y = y.unwrap_or(Expr::Tag("ignore".into()));
        x = Some(match x {
            None => y,
            Some(x) => {
                size += 1;
                if limits && size > MAX_OLD_SIZE {
                    return None;
                }
                Expr::Or(Box::new(x), Box::new(y))
            }
        });
    }
    Some(x.unwrap_or(Expr::Tag("ignore".into())))
}

/// `constraint.parseExpr`, the `//go:build` grammar: `||`, `&&`, `!`, parentheses, tags.
fn parse_expr(text: &str, limits: bool) -> Result<Expr, String> {
    let mut p = ExprParser {
        s: text,
        i: 0,
        tok: "",
        is_tag: false,
        size: 0,
        limits,
        depth: 0,
    };
    let x = p.or()?;
    if !p.tok.is_empty() {
        return Err(format!("unexpected token {}", p.tok));
    }
    Ok(x)
}

struct ExprParser<'a> {
    s: &'a str,
    i: usize,
    tok: &'a str,
    is_tag: bool,
    size: usize,
    limits: bool,
    /// Nesting, bounded so a hostile file cannot exhaust godoctor's stack (go1.19 has no
    /// bound; a file nested this deep fails either way in practice).
    depth: usize,
}

const MAX_SIZE: usize = 1000;
const MAX_DEPTH: usize = 500;

impl<'a> ExprParser<'a> {
    fn or(&mut self) -> Result<Expr, String> {
        let mut x = self.and()?;
        while self.tok == "||" {
            x = Expr::Or(Box::new(x), Box::new(self.and()?));
        }
        Ok(x)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut x = self.not()?;
        while self.tok == "&&" {
            x = Expr::And(Box::new(x), Box::new(self.not()?));
        }
        Ok(x)
    }

    fn not(&mut self) -> Result<Expr, String> {
        self.size += 1;
        if self.limits && self.size > MAX_SIZE {
            return Err("build expression too large".into());
        }
        self.lex()?;
        if self.tok == "!" {
            self.lex()?;
            if self.tok == "!" {
                return Err("double negation not allowed".into());
            }
            return Ok(Expr::Not(Box::new(self.atom()?)));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Expr, String> {
        if self.tok == "(" {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err("build expression nested too deeply".into());
            }
            let x = self.or()?;
            if self.tok != ")" {
                return Err("missing close paren".into());
            }
            self.depth -= 1;
            self.lex()?;
            return Ok(x);
        }
        if !self.is_tag {
            return Err(if self.tok.is_empty() {
                "unexpected end of expression".into()
            } else {
                format!("unexpected token {}", self.tok)
            });
        }
        let tag = self.tok;
        self.lex()?;
        Ok(Expr::Tag(tag.into()))
    }

    fn lex(&mut self) -> Result<(), String> {
        self.is_tag = false;
        let b = self.s.as_bytes();
        while self.i < b.len() && (b[self.i] == b' ' || b[self.i] == b'\t') {
            self.i += 1;
        }
        if self.i >= b.len() {
            self.tok = "";
            return Ok(());
        }
        let start = self.i;
        match b[self.i] {
            b'(' | b')' | b'!' => {
                self.i += 1;
            }
            c @ (b'&' | b'|') => {
                if b.get(self.i + 1) != Some(&c) {
                    return Err(format!("invalid syntax at {}", c as char));
                }
                self.i += 2;
            }
            _ => {
                let len: usize = self.s[self.i..]
                    .chars()
                    .take_while(|&c| is_tag_char(c))
                    .map(char::len_utf8)
                    .sum();
                if len == 0 {
                    return Err("invalid syntax".into());
                }
                self.i += len;
                self.is_tag = true;
            }
        }
        self.tok = &self.s[start..self.i];
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(src: &str) -> bool {
        should_build(src.as_bytes(), true).is_ok()
    }

    #[test]
    fn any_tags_counts_everything_but_ignore() {
        assert!(counts("package p\n"));
        assert!(counts("//go:build linux\n\npackage p\n"));
        assert!(counts("//go:build !linux\n\npackage p\n"));
        assert!(counts("//go:build linux && !linux\n\npackage p\n"));
        assert!(counts("//go:build !ignore\n\npackage p\n"));
        assert!(counts("//go:build ignore || foo\n\npackage p\n"));
        assert!(counts("//go:build !(a && b)\n\npackage p\n"));
        assert!(!counts("//go:build ignore\n\npackage p\n"));
        assert!(!counts("//go:build foo && ignore\n\npackage p\n"));
        assert!(!counts("//go:build !(!ignore)\n\npackage p\n"));
        assert!(!counts("// +build ignore\n\npackage p\n"));
        assert!(counts("// +build !ignore\n\npackage p\n"));
        assert!(!counts("// +build foo,ignore\n\npackage p\n"));
        assert!(counts("// +build ignore foo\n\npackage p\n"));
    }

    #[test]
    fn go_build_lines_that_do_not_parse_exclude_the_file() {
        assert!(!counts("//go:build\n\npackage p\n"));
        assert!(!counts("//go:build foo bar\n\npackage p\n"));
        assert!(!counts("//go:build foo-bar\n\npackage p\n"));
        assert!(!counts("//go:build !!foo\n\npackage p\n"));
        assert!(!counts("//go:build (foo\n\npackage p\n"));
        assert!(!counts("//go:build foo & bar\n\npackage p\n"));
        assert_eq!(
            should_build(b"//go:build a\n//go:build b\n\npackage p\n", true),
            Err(Excluded::MultipleGoBuild)
        );
        // Not a go:build line at all: no space after the word.
        assert!(counts("//go:buildignore\n\npackage p\n"));
    }

    #[test]
    fn plus_build_lines_only_count_before_a_blank_line() {
        // No blank line between the comment and the package clause: not a constraint.
        assert!(counts("// +build ignore\npackage p\n"));
        assert!(!counts("// Copyright\n\n// +build ignore\n\npackage p\n"));
        // A malformed tag means ignore; `!` alone too.
        assert!(!counts("// +build foo-bar\n\npackage p\n"));
        assert!(!counts("// +build !\n\npackage p\n"));
        assert!(counts("// +build !foo-bar\n\npackage p\n"));
        // go:build wins over +build.
        assert!(counts("//go:build foo\n// +build ignore\n\npackage p\n"));
        // Not a +build line: no space after the word.
        assert!(counts("// +buildignore\n\npackage p\n"));
    }

    #[test]
    fn go_build_inside_block_comments_does_not_count() {
        assert!(counts("/*\n//go:build ignore\n*/\n\npackage p\n"));
        // After a block comment closes, a go:build line is still seen.
        assert!(!counts("/* x */\n//go:build ignore\n\npackage p\n"));
        // go:build below the package clause is not a constraint.
        assert!(counts("package p\n\n//go:build ignore\n"));
    }

    #[test]
    fn size_limits_depend_on_the_release() {
        let many = format!("//go:build {}\n\npackage p\n", ["a"; 1001].join(" || "));
        assert!(should_build(many.as_bytes(), false).is_ok());
        assert!(matches!(
            should_build(many.as_bytes(), true),
            Err(Excluded::BadGoBuild(_))
        ));
        // A +build line past the limit is skipped, not fatal.
        let plus = format!("// +build {} ignore\n\npackage p\n", ["a"; 101].join(" "));
        assert!(should_build(plus.as_bytes(), true).is_ok());
        let plus = format!("// +build {},ignore\n\npackage p\n", ["a"; 10].join(","));
        assert!(should_build(plus.as_bytes(), false).is_err());
        let deep = format!(
            "//go:build {}a{}\n\npackage p\n",
            "(".repeat(600),
            ")".repeat(600)
        );
        assert!(should_build(deep.as_bytes(), false).is_err());
    }
}
