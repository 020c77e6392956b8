//! The command line: what each subcommand and flag means, in the words of the go settings
//! involved. Parsing only — no I/O (see `run` for what happens next).

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Diagnose why `go mod download` / `go mod tidy` fails or hangs.
///
/// godoctor reads go's real configuration (go env, the go/env file, the OS environment, git
/// config, netrc, HTTP(S)_PROXY/NO_PROXY, go.mod), plans the exact routes go would take
/// (each GOPROXY entry, direct/VCS, the checksum database), and tells you what will happen
/// when go runs, why, and the commands that fix it.
#[derive(Debug, Parser)]
#[command(
    name = "godoctor",
    version,
    propagate_version = true,
    max_term_width = 100
)]
#[command(
    after_help = "Exit status: 0 go will succeed (warnings allowed), 1 go will fail (or any warning with --strict), 2 usage or internal error."
)]
pub struct Cli {
    /// Run as if started in DIR (like `go -C DIR`): its go.mod and go.work are used.
    #[arg(short = 'C', long = "dir", global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// When to use colour: auto honours NO_COLOR, CLICOLOR_FORCE and whether output is a terminal.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Language of messages: en or zh (default: from LC_ALL / LC_MESSAGES / LANG). go's own
    /// error text, setting names and commands are never translated. zh-TW and zh-HK get
    /// Simplified Chinese, with a note saying so.
    #[arg(
        long,
        global = true,
        value_enum,
        ignore_case = true,
        value_name = "LANG"
    )]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Command,
}

/// `--lang`: the languages godoctor speaks, and the Chinese locales it answers in Simplified
/// Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Zh,
    #[value(name = "zh-CN", alias = "zh-Hans")]
    ZhCn,
    #[value(name = "zh-TW", alias = "zh-Hant")]
    ZhTw,
    #[value(name = "zh-HK")]
    ZhHk,
}

impl LangArg {
    pub fn lang(self) -> crate::report::Lang {
        match self {
            LangArg::En => crate::report::Lang::En,
            _ => crate::report::Lang::Zh,
        }
    }

    /// Traditional Chinese was asked for: only Simplified is available.
    pub fn traditional(self) -> bool {
        matches!(self, LangArg::ZhTw | LangArg::ZhHk)
    }
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// GitHub Actions annotations (`::error::`, `::warning::`).
    Github,
    /// A redacted report to paste into an issue: versions, settings and origins, routes,
    /// probes, findings and fixes.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Predict whether go can download your modules, and why not.
    ///
    /// Reads the configuration, plans go's routes and reports findings with fixes. The JSON form
    /// (--json) is a stable, versioned document for CI; the exit status says whether go will
    /// succeed.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Show the effective go settings and where each comes from.
    ///
    /// Origins: env (OS environment), goenv-file (the go/env file written by `go env -w`),
    /// goroot-go.env ($GOROOT/go.env, Go 1.21+), default (built into go).
    #[command(after_help = CONFIG_EXAMPLES)]
    Config(ConfigArgs),
    /// Recommend settings that work and write them as `go env -w` would (with backup and undo).
    ///
    /// Only what was probed from here changes; a key set in the OS environment gets your shell's
    /// command instead of a write; a project's godoctor.toml mirrors need --trust-project.
    #[command(after_help = FIX_EXAMPLES)]
    Fix(FixArgs),
    /// Explain go's error output: every error in it, its layer and host, what to check, the fix.
    ///
    /// Paste go's output (one line or a whole CI or Docker log) as arguments or on standard
    /// input. `--probe` then runs the one probe that decides what the text leaves open. Exit
    /// status: 0 when an error was recognised, 1 when nothing was, 2 for usage errors.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// Print a shell completion script.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `godoctor man > godoctor.1`.
    Man,
    /// Print the JSON Schema of `check --json`.
    Schema,
}

const CHECK_EXAMPLES: &str = "Examples:
  godoctor check                          predict `go mod tidy` (or `go mod download`) here
  godoctor check -- go build ./...        predict the command you will run
  godoctor check --json > report.json     for CI (exit 1 when go will fail)
  godoctor check --format github          GitHub Actions annotations
  godoctor check --format markdown        a redacted report to paste into an issue
  godoctor check --offline                the settings alone, no network
  godoctor check --verify-zips            also compare zip hashes with go.sum";

const FIX_EXAMPLES: &str = "Examples:
  godoctor fix                            show what to change, and why
  godoctor fix --apply                    write it (a backup is kept)
  godoctor fix --undo                     restore the last backup
  godoctor fix --shell fish               commands for fish (also powershell, cmd)
  godoctor fix --json                     one JSON document for automation";

const EXPLAIN_EXAMPLES: &str = "Examples:
  go mod tidy 2>&1 | godoctor explain     explain what go just printed
  godoctor explain < ci.log               every error of a CI or Docker log, grouped
  godoctor explain --probe 'go: …'        also run the probe that decides
  godoctor explain --shell powershell …   commands for PowerShell (also fish, cmd)
  godoctor explain --json 'go: …'         one JSON object";

const CONFIG_EXAMPLES: &str = "Examples:
  godoctor config                         every go setting, its value and origin
  godoctor config --json                  the same as JSON";

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Print one JSON document instead of the report (its schema: `godoctor schema`).
    #[arg(long)]
    pub json: bool,

    /// Output format: text, json (same as --json), github (Actions annotations) or markdown
    /// (a redacted report to paste into an issue).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Show the evidence: certificate chains, HTTP headers, resolver answers.
    #[arg(short, long)]
    pub verbose: bool,

    /// Do not touch the network: diagnose the configuration alone.
    #[arg(long)]
    pub offline: bool,

    /// Download each module zip go would download (up to 64 MiB each, within the deadline) and
    /// compare its hash with go.sum. Without it only go.mod hashes are compared.
    #[arg(long, conflicts_with = "offline")]
    pub verify_zips: bool,

    /// Deadline for the whole check, e.g. 10s, 1500ms, 1m (default: `timeout` in godoctor.toml,
    /// else 10s). No step waits on go's 30 s dial timeout.
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub timeout: Option<Duration>,

    /// A module to plan when there is no go.mod (repeatable; `path` or `path@version`; default:
    /// `canary_modules` in godoctor.toml).
    #[arg(long = "module", value_name = "MODULE")]
    pub modules: Vec<String>,

    /// Exit with status 1 on warnings too.
    #[arg(long)]
    pub strict: bool,

    /// Write fix commands for this shell: posix (bash, zsh), fish, powershell, cmd (default:
    /// detected from SHELL, or PSModulePath on Windows).
    #[arg(long, value_enum, value_name = "SHELL")]
    pub shell: Option<crate::config::shell::Shell>,

    /// Ask this nameserver (IP or IP:PORT, repeatable) instead of those in /etc/resolv.conf.
    #[arg(long = "resolver", value_name = "ADDR", value_parser = parse_socket_addr)]
    pub resolvers: Vec<std::net::SocketAddr>,

    /// Compare DNS answers with an encrypted resolver, which in-path forgery cannot touch:
    /// tls://IP[:PORT]#NAME (DNS over TLS) or https://IP[:PORT]/PATH#NAME (DNS over HTTPS).
    /// Default: `compare_resolvers` in godoctor.toml.
    #[arg(long = "compare-resolver", value_name = "URL", value_parser = parse_compare)]
    pub compare: Vec<crate::probe::dns::CompareResolver>,

    /// The go command to predict, after `--` (`godoctor check -- go mod tidy`). Default: `go mod
    /// tidy` in a module with Go source, else `go mod download`.
    #[arg(last = true, value_name = "GO COMMAND")]
    pub command: Vec<String>,
}

fn parse_socket_addr(s: &str) -> Result<std::net::SocketAddr, String> {
    s.parse::<std::net::SocketAddr>()
        .or_else(|_| {
            s.parse::<std::net::IpAddr>()
                .map(|ip| std::net::SocketAddr::new(ip, 53))
        })
        .map_err(|_| format!("{s:?} is not an IP address or IP:PORT"))
}

fn parse_compare(s: &str) -> Result<crate::probe::dns::CompareResolver, String> {
    crate::probe::dns::CompareResolver::parse(s)
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Print one JSON object (matched, code, layer, host, summary, meaning, checks, remediation,
    /// probe, and errors: every recognised error with its count).
    #[arg(long)]
    pub json: bool,
    /// Also run the probe that decides what the text leaves open (else `godoctor check` for the
    /// module the error names); text only: the JSON form is one object.
    #[arg(long, conflicts_with = "json")]
    pub probe: bool,
    /// Deadline for --probe.
    #[arg(long, value_name = "DUR", default_value = "10s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Write commands for this shell: posix (bash, zsh), fish, powershell, cmd (default:
    /// detected from SHELL, or PSModulePath on Windows).
    #[arg(long, value_enum, value_name = "SHELL")]
    pub shell: Option<crate::config::shell::Shell>,
    /// go's error text; read from standard input when absent.
    // OsString: a log pasted as arguments need not be UTF-8 (read lossily, as stdin is).
    #[arg(value_parser = clap::value_parser!(std::ffi::OsString))]
    pub text: Vec<std::ffi::OsString>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print JSON: settings with value, origin and godoctor's own computation.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct FixArgs {
    /// Write the recommended go/env settings (the same edit as `go env -w`, atomic, after a
    /// backup; read back with `go env` when go is installed).
    #[arg(long, conflicts_with = "undo")]
    pub apply: bool,
    /// Restore the go/env file from the last backup, byte for byte.
    #[arg(long)]
    pub undo: bool,
    /// With --undo: list the backups instead.
    #[arg(long, requires = "undo")]
    pub list: bool,
    /// Also measure throughput by downloading one module zip from each qualified mirror.
    #[arg(long)]
    pub bench: bool,
    /// After --apply, do not re-run the check.
    #[arg(long)]
    pub no_verify: bool,
    /// An extra mirror candidate (repeatable; also `mirrors` in godoctor.toml).
    #[arg(long = "mirror", value_name = "URL")]
    pub mirrors: Vec<String>,
    /// Deadline for the whole run — the check, the candidates, the write and the check after
    /// it — e.g. 10s (default: `timeout` in godoctor.toml, else 10s).
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub timeout: Option<Duration>,
    /// A module to plan when there is no go.mod (repeatable).
    #[arg(long = "module", value_name = "MODULE")]
    pub modules: Vec<String>,
    /// Print one JSON document (mirrors, changes, commands, what was applied) instead of text.
    #[arg(long, conflicts_with = "undo")]
    pub json: bool,
    /// Write commands for this shell: posix (bash, zsh), fish, powershell, cmd (default:
    /// detected from SHELL, or PSModulePath on Windows).
    #[arg(long, value_enum, value_name = "SHELL")]
    pub shell: Option<crate::config::shell::Shell>,
    /// Let `mirrors` from the project's godoctor.toml into the global GOPROXY (without it they
    /// are probed and shown, never written: a repository does not choose your settings).
    #[arg(long)]
    pub trust_project: bool,
    /// Ask this nameserver instead of /etc/resolv.conf.
    #[arg(long = "resolver", value_name = "ADDR", value_parser = parse_socket_addr)]
    pub resolvers: Vec<std::net::SocketAddr>,
}

/// Parses `10s`, `1500ms`, `2m`, or a bare number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (num, unit) = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map_or((s, ""), |i| s.split_at(i));
    let n: f64 = num
        .parse()
        .map_err(|_| format!("invalid duration {s:?}: expected e.g. 10s, 1500ms, 2m"))?;
    let secs = match unit {
        "" | "s" => n,
        "ms" => n / 1000.0,
        "m" => n * 60.0,
        _ => {
            return Err(format!(
                "invalid duration {s:?}: unknown unit {unit:?} (use ms, s or m)"
            ));
        }
    };
    if !(secs > 0.0 && secs <= 3600.0) {
        return Err(format!(
            "invalid duration {s:?}: must be between 1ms and 1h"
        ));
    }
    Ok(Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10s").unwrap(), Duration::from_secs(10));
        assert_eq!(
            parse_duration("1500ms").unwrap(),
            Duration::from_millis(1500)
        );
        assert_eq!(parse_duration("2m").unwrap(), Duration::from_secs(120));
        assert_eq!(parse_duration("3").unwrap(), Duration::from_secs(3));
        for bad in ["", "x", "0", "-1s", "5h", "1.2.3s", "10 parsecs"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn flags_parse() {
        let cli = Cli::try_parse_from([
            "godoctor",
            "-C",
            "/tmp",
            "check",
            "--json",
            "--offline",
            "--timeout",
            "3s",
            "--module",
            "rsc.io/quote@v1.5.2",
        ])
        .unwrap();
        let Command::Check(c) = cli.command else {
            panic!()
        };
        assert!(c.json && c.offline);
        assert_eq!(c.timeout, Some(Duration::from_secs(3)));
        assert_eq!(cli.dir, Some(PathBuf::from("/tmp")));
        assert!(Cli::try_parse_from(["godoctor", "fix", "--apply", "--undo"]).is_err());
    }
}
