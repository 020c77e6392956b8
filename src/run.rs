//! Wiring: CLI arguments → configuration → plan → diagnosis → report, and the exit status.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::cli::{CheckArgs, Cli, ColorChoice, Command, ConfigArgs, ExplainArgs, Format};
use crate::config::env::Environment;
use crate::config::{Config, LoadOptions};
use crate::diagnose::{self, Severity};
use crate::plan::{DEFAULT_CANARY, Plan};
use crate::probe::engine::ProbeOptions;
use crate::report::Lang;
use crate::report::{self, CheckReport};

/// godoctor's own failures (exit status 2). Findings about the user's setup are never errors.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot use -C {0}: {1}")]
    Dir(PathBuf, std::io::Error),
    #[error("cannot start the async runtime: {0}")]
    Runtime(std::io::Error),
    #[error("writing output: {0}")]
    Output(#[from] std::io::Error),
}

/// Exit statuses (README "Exit status").
pub const EXIT_OK: u8 = 0;
pub const EXIT_FAIL: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

pub fn run(cli: Cli) -> Result<u8, RunError> {
    match cli.color {
        ColorChoice::Always => anstream::ColorChoice::Always.write_global(),
        ColorChoice::Never => anstream::ColorChoice::Never.write_global(),
        ColorChoice::Auto => {}
    }
    let dir = match &cli.dir {
        Some(d) => std::fs::canonicalize(d).map_err(|e| RunError::Dir(d.clone(), e))?,
        None => std::env::current_dir().map_err(|e| RunError::Dir(PathBuf::from("."), e))?,
    };
    let mut out = anstream::stdout().lock();
    let lang = cli
        .lang
        .unwrap_or_else(|| Lang::from_env(&Environment::from_process()));
    match cli.command {
        Command::Check(args) => check(&mut out, dir, &args, lang),
        Command::Config(args) => config(&mut out, dir, &args),
        Command::Fix(_) => {
            writeln!(out, "{}", crate::fix::NOT_YET)?;
            Ok(EXIT_USAGE)
        }
        Command::Explain(args) => explain(&mut out, dir, &args, lang),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "godoctor", &mut out);
            Ok(EXIT_OK)
        }
    }
}

fn load(dir: PathBuf, deadline: Duration) -> Config {
    Config::load(
        Environment::from_process(),
        &LoadOptions {
            dir,
            tool_deadline: deadline,
        },
    )
}

fn check(out: &mut dyn Write, dir: PathBuf, args: &CheckArgs, lang: Lang) -> Result<u8, RunError> {
    let start = Instant::now();
    let format = args.format.unwrap_or(if args.json {
        Format::Json
    } else {
        Format::Text
    });
    // Reading the configuration may take at most half the budget: go and git are bounded.
    let cfg = load(dir, (args.timeout / 2).min(Duration::from_secs(5)));
    let canaries = if args.modules.is_empty() {
        vec![DEFAULT_CANARY.to_owned()]
    } else {
        args.modules.clone()
    };
    let plan = Plan::build(&cfg, &canaries);
    let targets = if args.offline {
        Vec::new()
    } else {
        let opts = ProbeOptions {
            timeout: args
                .timeout
                .saturating_sub(start.elapsed())
                .max(Duration::from_millis(100)),
            resolvers: args.resolvers.clone(),
            compare: args.compare.clone(),
            progress: format == Format::Text,
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(RunError::Runtime)?;
        let targets = runtime.block_on(crate::probe::engine::run(&cfg, &plan, &opts));
        // Probes honour their deadlines; do not wait for stray tasks on the way out.
        runtime.shutdown_background();
        targets
    };
    let diagnosis = if args.offline {
        diagnose::diagnose_offline(&cfg, &plan)
    } else {
        diagnose::diagnose(&cfg, &plan, &targets)
    };
    let report = CheckReport {
        config: &cfg,
        plan: &plan,
        diagnosis: &diagnosis,
        offline: args.offline,
        lang,
        verbose: args.verbose,
        targets: &targets,
        duration_ms: start.elapsed().as_millis() as u64,
    };
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &report::json::check(&report))
            .map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        report::text::check(out, &report)?;
    }
    let warned = diagnosis
        .findings
        .iter()
        .any(|f| f.severity >= Severity::Warning);
    Ok(match diagnosis.verdict() {
        "fail" => EXIT_FAIL,
        _ if args.strict && warned => EXIT_FAIL,
        _ => EXIT_OK,
    })
}

fn config(out: &mut dyn Write, dir: PathBuf, args: &ConfigArgs) -> Result<u8, RunError> {
    let cfg = load(dir, Duration::from_secs(5));
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &report::json::config(&cfg))
            .map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        report::text::config(out, &cfg)?;
    }
    Ok(EXIT_OK)
}

fn explain(
    out: &mut dyn Write,
    dir: PathBuf,
    args: &ExplainArgs,
    lang: Lang,
) -> Result<u8, RunError> {
    let text = if args.text.is_empty() {
        let mut buf = String::new();
        std::io::stdin().take(1 << 20).read_to_string(&mut buf)?;
        buf
    } else {
        args.text.join(" ")
    };
    let e = diagnose::explain::explain(&text);
    let e = if lang == Lang::Zh {
        crate::report::zh::explanation(e)
    } else {
        e
    };
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &e).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        report::text::explain(out, &e)?;
    }
    if !args.probe {
        return Ok(EXIT_OK);
    }
    let check_args = CheckArgs {
        json: args.json,
        format: None,
        verbose: false,
        offline: false,
        timeout: args.timeout,
        modules: e.module.iter().cloned().collect(),
        strict: false,
        resolvers: Vec::new(),
        compare: Vec::new(),
    };
    writeln!(out)?;
    check(out, dir, &check_args, lang)
}
