//! The project go will work in: go.mod (module, go/toolchain lines, requirements, replacements),
//! go.work, go.sum and vendor/modules.txt, found the way go finds them (upward from the working
//! directory; GOWORK=off / an explicit path honoured).
//!
//! The parser is tolerant: it records every problem with its line and keeps going, so a broken
//! go.mod becomes a finding rather than an error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::env::Environment;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoMod {
    pub path: PathBuf,
    pub module: Option<String>,
    pub go: Option<String>,
    /// 1-based line of the `go` directive.
    pub go_line: Option<usize>,
    pub toolchain: Option<String>,
    /// 1-based line of the `toolchain` directive.
    pub toolchain_line: Option<usize>,
    pub requires: Vec<Require>,
    pub replaces: Vec<Replace>,
    /// go.work only: `use` directories.
    pub uses: Vec<String>,
    /// `tool` directives (go1.24+): packages `go mod tidy` treats as roots like the module's own.
    pub tools: Vec<String>,
    /// `ignore` directives (go1.25+): directories the package walk skips.
    pub ignores: Vec<String>,
    /// (line, message)
    pub errors: Vec<(usize, String)>,
    /// Directives go does not know (line, word): an old go rejects them.
    pub unknown: Vec<(usize, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Require {
    pub path: String,
    pub version: String,
    pub indirect: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replace {
    pub old: String,
    pub old_version: Option<String>,
    pub new: String,
    pub new_version: Option<String>,
}

/// [`GoMod::replacement`] by map lookups, for callers that ask once per requirement (a go.mod
/// can hold 100k requirements and as many replacements).
pub struct ReplaceIndex<'a> {
    exact: std::collections::HashMap<(&'a str, &'a str), &'a Replace>,
    any: std::collections::HashMap<&'a str, &'a Replace>,
}

impl<'a> ReplaceIndex<'a> {
    pub fn get(&self, path: &str, version: &str) -> Option<&'a Replace> {
        self.exact
            .get(&(path, version))
            .or_else(|| self.any.get(path))
            .copied()
    }
}

impl GoMod {
    /// An index answering as [`GoMod::replacement`] does (the first matching rule wins).
    pub fn replace_index(&self) -> ReplaceIndex<'_> {
        let mut idx = ReplaceIndex {
            exact: std::collections::HashMap::new(),
            any: std::collections::HashMap::new(),
        };
        for r in &self.replaces {
            match r.old_version.as_deref() {
                Some(v) => {
                    idx.exact.entry((r.old.as_str(), v)).or_insert(r);
                }
                None => {
                    idx.any.entry(r.old.as_str()).or_insert(r);
                }
            }
        }
        idx
    }

    /// The replacement go uses for `path@version`: a version-specific rule before one for
    /// every version (modload `Replacement`).
    pub fn replacement(&self, path: &str, version: &str) -> Option<&Replace> {
        self.replaces
            .iter()
            .find(|r| r.old == path && r.old_version.as_deref() == Some(version))
            .or_else(|| {
                self.replaces
                    .iter()
                    .find(|r| r.old == path && r.old_version.is_none())
            })
    }

    /// The first problem as go prints it: `path:line:col: msg` (or `path:line: msg`).
    pub fn first_error(&self, shown_path: &str) -> Option<String> {
        let (line, msg) = self.errors.first()?;
        let col = msg
            .split_once(": ")
            .filter(|(c, _)| c.bytes().all(|b| b.is_ascii_digit()));
        Some(match col {
            Some((col, msg)) => format!("{shown_path}:{line}:{col}: {msg}"),
            None => format!("{shown_path}:{line}: {msg}"),
        })
    }
}

impl Replace {
    /// A filesystem replacement: go needs no network for it.
    pub fn is_local(&self) -> bool {
        self.new_version.is_none()
            && (self.new.starts_with("./")
                || self.new.starts_with("../")
                || self.new.starts_with('/')
                || self.new == "."
                || self.new == ".."
                || self.new.starts_with(".\\")
                || self.new.starts_with("..\\"))
    }
}

/// How many `use` directories of a go.work are read.
pub const MAX_WORKSPACE_MODULES: usize = 1000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Project {
    pub gomod: Option<GoMod>,
    pub gowork: Option<GoMod>,
    /// The go.mod of each module go.work `use`s, in its order (those that could be read).
    pub workspace_mods: Vec<GoMod>,
    pub vendor_modules_txt: bool,
    /// Why a file could not be read (permissions, a directory, not UTF-8 …).
    pub read_errors: Vec<(PathBuf, String)>,
    /// Files larger than godoctor reads (only their first lines were used).
    pub input_problems: Vec<super::bounded::InputProblem>,
    /// go lines of required modules whose go.mod is already in the module cache, which go
    /// reads instead of asking the network: (path, version) → go line.
    pub cached_go_lines: BTreeMap<(String, String), String>,
}

impl Project {
    /// Finds and reads go.mod / go.work / go.sum / vendor starting at `dir`.
    pub fn load(dir: &Path, env: &Environment) -> Project {
        let mut project = Project::default();
        if let Some(path) = find_upward(dir, "go.mod")
            && let Some(m) = project.read_file(&path, false)
        {
            let root = path.parent().unwrap_or(dir);
            project.vendor_modules_txt = root.join("vendor/modules.txt").is_file();
            project.gomod = Some(m);
        }
        let gowork = match env.get("GOWORK") {
            Some("off") => None,
            Some(p) if p != "auto" => Some(PathBuf::from(p)).filter(|p| p.is_file()),
            _ => find_upward(dir, "go.work"),
        };
        if let Some(path) = gowork {
            project.gowork = project.read_file(&path, true);
        }
        if let Some(work) = project.gowork.clone() {
            let dir = work.path.parent().unwrap_or(Path::new(".")).to_owned();
            for u in work.uses.iter().take(MAX_WORKSPACE_MODULES) {
                let gomod = super::clean_path(&dir.join(u).to_string_lossy()).join("go.mod");
                if let Some(m) = project.read_file(&gomod, false) {
                    project.workspace_mods.push(m);
                }
            }
        }
        project
    }

    /// Reads the go lines of the required modules from `$GOMODCACHE/cache/download`, and of
    /// local replacements from their directory's go.mod, as go reads them.
    /// go.mod and go.work's go and toolchain lines, checked strictly as the installed go (1.21
    /// or later) checks them; their problems join the files' errors. Older go's refusals of
    /// newer syntax are the prediction's (`GO_TOO_OLD_FOR_GOMOD`).
    pub fn check_lines(&mut self, go: &super::goversion::GoVersion) {
        if !go.at_least(1, 21) {
            return;
        }
        for m in [self.gomod.as_mut(), self.gowork.as_mut()]
            .into_iter()
            .flatten()
        {
            for p in super::golines::problems(m, super::golines::Mode::Strict, go) {
                if !m.errors.iter().any(|(line, _)| *line == p.0) {
                    m.errors.push(p);
                }
            }
            m.errors.sort_by_key(|(line, _)| *line);
        }
    }

    pub fn read_cached_go_lines(&mut self, modcache: &Path) {
        let Some(m) = &self.gomod else { return };
        let root = m.path.parent().unwrap_or(Path::new(".")).to_owned();
        for r in m.requires.iter().take(1000) {
            // goModSummary reads the replacement's go.mod: a directory's, or another module's.
            let file = match m.replacement(&r.path, &r.version) {
                Some(rep) if rep.is_local() => root.join(&rep.new).join("go.mod"),
                _ if modcache.as_os_str().is_empty() => continue,
                rep => {
                    let (path, version) = match rep {
                        Some(rep) => (&rep.new, rep.new_version.as_ref().unwrap_or(&r.version)),
                        None => (&r.path, &r.version),
                    };
                    modcache
                        .join("cache/download")
                        .join(escape_path(path))
                        .join("@v")
                        .join(format!("{}.mod", escape_path(version)))
                }
            };
            if let Ok(data) = super::bounded::read(&file, super::bounded::GO_MOD).map(|b| b.data)
                && let Some(go) = go_line(&String::from_utf8_lossy(&data))
            {
                self.cached_go_lines
                    .insert((r.path.clone(), r.version.clone()), go);
            }
        }
    }

    fn read_file(&mut self, path: &Path, work: bool) -> Option<GoMod> {
        let limit = if work {
            super::bounded::GO_WORK
        } else {
            super::bounded::GO_MOD
        };
        match super::bounded::read(path, limit) {
            Ok(read) => {
                if read.truncated {
                    self.input_problems.push(super::bounded::InputProblem {
                        path: path.to_owned(),
                        limit,
                        kind: super::bounded::ProblemKind::TooLarge,
                    });
                }
                let text = String::from_utf8_lossy(&read.data);
                let mut m = parse(&text, work);
                m.path = path.to_owned();
                Some(m)
            }
            Err(e) => {
                self.read_errors.push((path.to_owned(), e.to_string()));
                None
            }
        }
    }
}

fn find_upward(dir: &Path, name: &str) -> Option<PathBuf> {
    let tmp = std::env::temp_dir();
    let mut d = Some(dir);
    while let Some(cur) = d {
        let candidate = cur.join(name);
        // go ignores a go.mod directly in os.TempDir() (modload/init.go).
        if candidate.is_file() && !(name == "go.mod" && cur == tmp) {
            return Some(candidate);
        }
        d = cur.parent();
    }
    None
}

/// Splits a line into tokens (errors start with the 1-based column, as go prints them): words, "quoted" and `raw` strings; stops at `//`.
fn tokenize(line: &str) -> Result<(Vec<String>, Option<String>), String> {
    let mut tokens = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if line[i..].starts_with("//") {
            return Ok((tokens, Some(line[i + 2..].trim().to_owned())));
        }
        match c {
            '"' => {
                chars.next();
                let mut s = String::new();
                let mut closed = false;
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => match chars.next() {
                            Some((_, e)) => s.push(e),
                            None => break,
                        },
                        '"' => {
                            closed = true;
                            break;
                        }
                        c => s.push(c),
                    }
                }
                if !closed {
                    return Err(format!("{}: unexpected newline in string", line.len() + 1));
                }
                tokens.push(s);
            }
            '`' => {
                chars.next();
                let mut s = String::new();
                let mut closed = false;
                for (_, c) in chars.by_ref() {
                    if c == '`' {
                        closed = true;
                        break;
                    }
                    s.push(c);
                }
                if !closed {
                    return Err(format!("{}: unexpected newline in string", line.len() + 1));
                }
                tokens.push(s);
            }
            '(' | ')' => {
                chars.next();
                tokens.push(c.to_string());
            }
            _ => {
                let mut s = String::new();
                while let Some(&(j, c)) = chars.peek() {
                    if c.is_whitespace()
                        || c == '('
                        || c == ')'
                        || c == '"'
                        || c == '`'
                        || line[j..].starts_with("//")
                    {
                        break;
                    }
                    s.push(c);
                    chars.next();
                }
                tokens.push(s);
            }
        }
    }
    Ok((tokens, None))
}

const KNOWN: &[&str] = &[
    "module",
    "go",
    "toolchain",
    "godebug",
    "require",
    "replace",
    "exclude",
    "retract",
    "tool",
    "ignore",
    "use",
];

/// `module.EscapePath`'s case encoding: `A` → `!a`.
pub fn escape_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The `go` line of a dependency's go.mod (as a proxy serves it), if it has one.
pub fn go_line(text: &str) -> Option<String> {
    parse(text, false).go
}

/// Parses go.mod (`work == false`) or go.work text.
pub fn parse(text: &str, work: bool) -> GoMod {
    let mut m = GoMod::default();
    let mut block: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        let lineno = n + 1;
        let (tokens, comment) = match tokenize(line) {
            Ok(t) => t,
            Err(e) => {
                m.errors.push((lineno, e));
                continue;
            }
        };
        if tokens.is_empty() {
            continue;
        }
        if let Some(verb) = block.clone() {
            if tokens[0] == ")" {
                block = None;
                continue;
            }
            directive(&mut m, lineno, &verb, &tokens, comment.as_deref());
            continue;
        }
        let verb = tokens[0].clone();
        if tokens.len() == 2 && tokens[1] == "(" {
            block = Some(verb.clone());
            // Only these directives have a block form (modfile's parser: "unknown block type").
            let blocks: &[&str] = if work {
                &["use", "replace", "godebug"]
            } else {
                &[
                    "require", "replace", "exclude", "retract", "godebug", "tool", "ignore",
                ]
            };
            if !blocks.contains(&verb.as_str()) {
                if !KNOWN.contains(&verb.as_str()) {
                    m.unknown.push((lineno, verb.clone()));
                }
                m.errors
                    .push((lineno, format!("unknown block type: {verb}")));
                block = Some(String::new());
            }
            continue;
        }
        let misplaced = (work && verb == "module") || (!work && verb == "use");
        if !KNOWN.contains(&verb.as_str()) || misplaced {
            m.unknown.push((lineno, verb.clone()));
            m.errors
                .push((lineno, format!("unknown directive: {verb}")));
            continue;
        }
        directive(&mut m, lineno, &verb, &tokens[1..], comment.as_deref());
    }
    if block.is_some() {
        m.errors
            .push((text.lines().count(), "unexpected EOF: missing ')'".into()));
    }
    m
}

fn directive(m: &mut GoMod, line: usize, verb: &str, args: &[String], comment: Option<&str>) {
    let want = |m: &mut GoMod, n: usize| {
        if args.len() != n {
            let usage = match verb {
                // modfile's words for the two lines go reads first.
                "go" | "toolchain" => format!("{verb} directive expects exactly one argument"),
                _ => format!("usage: {verb} needs {n} argument(s)"),
            };
            m.errors.push((line, usage));
            false
        } else {
            true
        }
    };
    match verb {
        "module" if want(m, 1) => m.module = Some(args[0].clone()),
        "go" if want(m, 1) => {
            m.go = Some(args[0].clone());
            m.go_line = Some(line);
        }
        "toolchain" if want(m, 1) => {
            m.toolchain = Some(args[0].clone());
            m.toolchain_line = Some(line);
        }
        "require" if want(m, 2) => m.requires.push(Require {
            path: args[0].clone(),
            version: args[1].clone(),
            indirect: comment.is_some_and(|c| c.split(';').any(|p| p.trim() == "indirect")),
        }),
        "replace" => {
            let Some(arrow) = args.iter().position(|a| a == "=>") else {
                m.errors.push((line, "usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory".into()));
                return;
            };
            let (old, new) = (&args[..arrow], &args[arrow + 1..]);
            if old.is_empty() || old.len() > 2 || new.is_empty() || new.len() > 2 {
                m.errors.push((
                    line,
                    "usage: replace module/path [v1.2.3] => other/module v1.4".into(),
                ));
                return;
            }
            m.replaces.push(Replace {
                old: old[0].clone(),
                old_version: old.get(1).cloned(),
                new: new[0].clone(),
                new_version: new.get(1).cloned(),
            });
        }
        "use" => m.uses.extend(args.iter().cloned()),
        "tool" if want(m, 1) => m.tools.push(args[0].clone()),
        "ignore" if want(m, 1) => m.ignores.push(args[0].clone()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOMOD: &str = r#"
// a comment
module example.com/app

go 1.22.1

toolchain go1.23.4

require (
	github.com/pkg/errors v0.9.1
	golang.org/x/text v0.14.0 // indirect
	git.corp.example/team/lib v1.2.3
	"example.com/quoted" v1.0.0
)

require rsc.io/quote v1.5.2

replace git.corp.example/team/lib => ../lib
replace (
	golang.org/x/text v0.14.0 => golang.org/x/text v0.15.0
)
exclude rsc.io/sampler v1.99.99
retract [v1.0.0, v1.0.5]
"#;

    #[test]
    fn parses_a_real_go_mod() {
        let m = parse(GOMOD, false);
        assert_eq!(m.errors, vec![]);
        assert_eq!(m.module.as_deref(), Some("example.com/app"));
        assert_eq!(m.go.as_deref(), Some("1.22.1"));
        assert_eq!(m.toolchain.as_deref(), Some("go1.23.4"));
        let paths: Vec<&str> = m.requires.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "github.com/pkg/errors",
                "golang.org/x/text",
                "git.corp.example/team/lib",
                "example.com/quoted",
                "rsc.io/quote"
            ]
        );
        assert!(m.requires[1].indirect);
        assert_eq!(m.replaces.len(), 2);
        assert!(m.replaces[0].is_local());
        assert!(!m.replaces[1].is_local());
    }

    #[test]
    fn broken_input_is_reported_not_fatal() {
        let m = parse(
            "module \"unterminated\nrequire (\n\tx v1\nbogus directive\n",
            false,
        );
        assert!(!m.errors.is_empty());
        let m = parse("frobnicate x\n", false);
        assert_eq!(m.unknown, vec![(1, "frobnicate".to_owned())]);
        for text in [
            "(",
            ")",
            "require",
            "replace =>",
            "replace a => b c d",
            "`",
            "\"\\",
            "go",
            "module a b",
        ] {
            let _ = parse(text, false);
        }
    }

    #[test]
    fn replace_index_answers_as_replacement() {
        let m = parse(
            "module m\nreplace a v1 => b v2\nreplace a => c v3\nreplace a v1 => d v4\nreplace e => ../e\n",
            false,
        );
        let idx = m.replace_index();
        for (p, v) in [("a", "v1"), ("a", "v2"), ("e", "v9"), ("z", "v1")] {
            assert_eq!(idx.get(p, v), m.replacement(p, v), "{p}@{v}");
        }
    }

    // go1.19: `go.mod:5: unknown block type: use` (fuzz/README.md).
    #[test]
    fn blocks_go_rejects() {
        let m = parse("module m\nuse (\n\t./a\n)\n", false);
        assert!(m.uses.is_empty());
        assert_eq!(m.errors, vec![(2, "unknown block type: use".to_owned())]);
        let w = parse("module (\n\tx\n)\n", true);
        assert_eq!(w.errors[0].1, "unknown block type: module");
        let m = parse("go (\n\t1.21\n)\n", false);
        assert_eq!(m.go, None);
    }

    #[test]
    fn gowork() {
        let w = parse("go 1.23\n\nuse (\n\t./a\n\t./b\n)\n", true);
        assert_eq!(w.uses, vec!["./a", "./b"]);
        assert_eq!(w.go.as_deref(), Some("1.23"));
    }
}
