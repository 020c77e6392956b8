//! The go command godoctor predicts: the one the user names (`godoctor check -- go mod tidy`),
//! else `go mod tidy` in a module with Go source (the command people run when downloads fail),
//! else `go mod download`. What go fetches differs by command: download fetches every required
//! module whole; tidy reads every go.mod of the graph, the zips of the modules providing
//! imported packages, and asks GOPROXY for the modules of imports go.mod does not cover.

use std::fmt;

/// A go command in module mode, as far as downloads are concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoCommand {
    /// `go mod download [modules]`; no modules: those go.mod requires.
    ModDownload { modules: Vec<String> },
    /// `go mod tidy`.
    ModTidy,
    /// `go get M[@V] …`.
    Get { queries: Vec<String> },
    /// A command that loads packages (`build`, `test`, `vet`, `list`, `run`, `install`,
    /// `generate`): like tidy it needs the zips of the modules providing the packages, but an
    /// import no requirement provides is an error without any request (`-mod=readonly`).
    Build { verb: String, patterns: Vec<String> },
}

/// Why this command was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    /// The user named it after `--`.
    Named,
    /// The main module has Go source: `go mod tidy`.
    HasGoSource,
    /// A go.mod without Go source: `go mod download`.
    NoGoSource,
    /// No go.mod: `go mod download` of the canary modules.
    NoModule,
}

/// The command and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub go: GoCommand,
    /// Flags given to the subcommand (`-e`, `-x`, `-mod=mod` …), as written.
    pub flags: Vec<String>,
    pub chosen: Chosen,
}

/// What is wrong with a command written after `--`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CommandError {
    /// Nothing after `go`.
    Empty,
    /// The first word is not `go` (or a path to a go binary).
    NotGo(String),
    /// A go subcommand that downloads nothing godoctor can predict (`go version`, `go env`…).
    Unsupported(String),
}

impl CommandError {
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        match self {
            CommandError::Empty => crate::t!(lang, "error-command-empty"),
            CommandError::NotGo(w) => crate::t!(lang, "error-command-not-go", word = w.as_str()),
            CommandError::Unsupported(s) => {
                crate::t!(lang, "error-command-unsupported", subcommand = s.as_str())
            }
        }
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En))
    }
}

const LOADS_PACKAGES: &[&str] = &["build", "test", "vet", "list", "run", "install", "generate"];

impl Command {
    /// The command written after `--` (`go mod tidy -e`, `/usr/local/go/bin/go get x@v1`).
    pub fn parse(words: &[String]) -> Result<Command, CommandError> {
        let (first, rest) = words.split_first().ok_or(CommandError::Empty)?;
        let program = first.rsplit(['/', '\\']).next().unwrap_or(first);
        if !matches!(program, "go" | "go.exe") {
            return Err(CommandError::NotGo(first.clone()));
        }
        let (flags, args): (Vec<String>, Vec<String>) =
            rest.iter().cloned().partition(|w| w.starts_with('-'));
        let mut args = args.into_iter();
        let sub = args.next().ok_or(CommandError::Empty)?;
        let args: Vec<String> = args.collect();
        let go = match sub.as_str() {
            "mod" => match args.split_first() {
                Some((s, modules)) if s == "download" => GoCommand::ModDownload {
                    modules: modules.to_vec(),
                },
                Some((s, _)) if s == "tidy" => GoCommand::ModTidy,
                Some((s, _)) => return Err(CommandError::Unsupported(format!("mod {s}"))),
                None => return Err(CommandError::Unsupported("mod".into())),
            },
            "get" => GoCommand::Get { queries: args },
            v if LOADS_PACKAGES.contains(&v) => GoCommand::Build {
                verb: v.to_owned(),
                patterns: args,
            },
            other => return Err(CommandError::Unsupported(other.to_owned())),
        };
        Ok(Command {
            go,
            flags,
            chosen: Chosen::Named,
        })
    }

    /// go's default for a directory: `has_module` (a go.mod) and `has_go_source` (a `.go` file
    /// in a package of the main module).
    pub fn default_for(has_module: bool, has_go_source: bool) -> Command {
        let (go, chosen) = match (has_module, has_go_source) {
            (false, _) => (
                GoCommand::ModDownload {
                    modules: Vec::new(),
                },
                Chosen::NoModule,
            ),
            (true, false) => (
                GoCommand::ModDownload {
                    modules: Vec::new(),
                },
                Chosen::NoGoSource,
            ),
            (true, true) => (GoCommand::ModTidy, Chosen::HasGoSource),
        };
        Command {
            go,
            flags: Vec::new(),
            chosen,
        }
    }

    /// Whether a flag was given (`-e`).
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags
            .iter()
            .any(|f| f == flag || f.trim_start_matches('-') == flag.trim_start_matches('-'))
    }
}

impl GoCommand {
    /// The `M@vX.Y.Z` queries of `go get`: go stats that version (`.info`), reads its go.mod and
    /// fetches its zip, whatever go.mod requires. Other queries (`@latest`, `@upgrade`, a
    /// branch) resolve through `@v/list` and `@latest`, which are not planned.
    pub fn get_versions(&self) -> Vec<(&str, &str)> {
        match self {
            GoCommand::Get { queries } => queries
                .iter()
                .filter_map(|q| q.split_once('@'))
                .filter(|(_, v)| super::semver::is_complete(v))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// `go mod download M@vX.Y.Z …` where every argument names an exact version: go fetches
    /// those versions (`.info` first) and nothing of the module graph. None for no arguments
    /// (go.mod's requirements) and for patterns or queries (`all`, `M`, `M@latest`).
    pub fn download_versions(&self) -> Option<Vec<(&str, &str)>> {
        let GoCommand::ModDownload { modules } = self else {
            return None;
        };
        let exact: Vec<(&str, &str)> = modules
            .iter()
            .filter_map(|m| m.split_once('@'))
            .filter(|(_, v)| super::semver::is_complete(v))
            .collect();
        (!modules.is_empty() && exact.len() == modules.len()).then_some(exact)
    }
}

impl fmt::Display for GoCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |v: &[String]| v.iter().map(|a| format!(" {a}")).collect::<String>();
        match self {
            GoCommand::ModDownload { modules } => write!(f, "go mod download{}", join(modules)),
            GoCommand::ModTidy => write!(f, "go mod tidy"),
            GoCommand::Get { queries } => write!(f, "go get{}", join(queries)),
            GoCommand::Build { verb, patterns } => write!(f, "go {verb}{}", join(patterns)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Command, CommandError> {
        Command::parse(&s.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
    }

    #[test]
    fn commands_people_run() {
        assert_eq!(parse("go mod tidy").unwrap().go, GoCommand::ModTidy);
        let c = parse("go mod tidy -e").unwrap();
        assert!(c.has_flag("-e") && c.go == GoCommand::ModTidy);
        assert_eq!(
            parse("/usr/local/go/bin/go mod download -x example.com/m@v1.0.0")
                .unwrap()
                .go,
            GoCommand::ModDownload {
                modules: vec!["example.com/m@v1.0.0".into()]
            }
        );
        assert_eq!(
            parse("go get -u example.com/m@latest").unwrap().go,
            GoCommand::Get {
                queries: vec!["example.com/m@latest".into()]
            }
        );
        assert_eq!(
            parse("go build ./...").unwrap().go.to_string(),
            "go build ./..."
        );
        assert_eq!(parse("go test ./...").unwrap().chosen, Chosen::Named);
    }

    #[test]
    fn go_get_names_exact_versions() {
        let c = parse(
            "go get example.com/a@v1.2.3 example.com/b@latest example.com/c@main example.com/d",
        )
        .unwrap();
        assert_eq!(c.go.get_versions(), vec![("example.com/a", "v1.2.3")]);
        assert!(parse("go mod tidy").unwrap().go.get_versions().is_empty());
        let d = parse("go mod download example.com/a@v1.2.3").unwrap();
        assert_eq!(
            d.go.download_versions(),
            Some(vec![("example.com/a", "v1.2.3")])
        );
        for partly in [
            "go mod download",
            "go mod download example.com/a@v1.2.3 all",
        ] {
            assert_eq!(parse(partly).unwrap().go.download_versions(), None);
        }
    }

    #[test]
    fn what_is_not_a_download() {
        assert_eq!(parse(""), Err(CommandError::Empty));
        assert_eq!(parse("go"), Err(CommandError::Empty));
        assert_eq!(parse("make tidy"), Err(CommandError::NotGo("make".into())));
        assert_eq!(
            parse("go version"),
            Err(CommandError::Unsupported("version".into()))
        );
        assert_eq!(
            parse("go mod graph"),
            Err(CommandError::Unsupported("mod graph".into()))
        );
        assert!(
            parse("go mod why x")
                .unwrap_err()
                .to_string()
                .contains("mod why")
        );
    }

    #[test]
    fn defaults() {
        assert_eq!(Command::default_for(true, true).go, GoCommand::ModTidy);
        assert_eq!(Command::default_for(true, false).chosen, Chosen::NoGoSource);
        assert_eq!(Command::default_for(false, true).chosen, Chosen::NoModule);
    }
}
