//! Wiring: CLI arguments → configuration → plan → diagnosis → report, and the exit status.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::cli::{CheckArgs, Cli, ColorChoice, Command, ConfigArgs, ExplainArgs, FixArgs, Format};
use crate::config::env::Environment;
use crate::config::{Config, LoadOptions};
use crate::diagnose::{self, Severity};
use crate::plan::command::Command as GoCommandLine;
use crate::plan::{DEFAULT_CANARY, Plan};
use crate::probe::Progress;
use crate::probe::engine::ProbeOptions;
use crate::progress::Spinner;
use crate::report::Lang;
use crate::report::{self, CheckReport};
use crate::t;

/// godoctor's own failures (exit status 2). Findings about the user's setup are never errors.
/// `Display` is the English text.
#[derive(Debug)]
pub enum RunError {
    Dir(PathBuf, std::io::Error),
    Runtime(std::io::Error),
    Fix(crate::fix::FixError),
    Output(std::io::Error),
    /// The go command after `--` is not one godoctor can predict.
    Command(crate::plan::command::CommandError),
    /// `--json` with `--format text` or `--format github`.
    JsonWithFormat(&'static str),
}

impl RunError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            RunError::Dir(dir, e) => t!(
                lang,
                "error-dir",
                dir = dir.display().to_string(),
                error = e.to_string()
            ),
            RunError::Runtime(e) => t!(lang, "error-runtime", error = e.to_string()),
            RunError::Fix(e) => e.text(lang),
            RunError::Output(e) => t!(lang, "error-output", error = e.to_string()),
            RunError::Command(e) => e.text(lang),
            RunError::JsonWithFormat(format) => {
                t!(lang, "error-json-with-format", format = *format)
            }
        }
    }
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for RunError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RunError::Dir(_, e) | RunError::Runtime(e) | RunError::Output(e) => Some(e),
            RunError::Fix(e) => std::error::Error::source(e),
            RunError::Command(_) | RunError::JsonWithFormat(_) => None,
        }
    }
}

impl From<crate::fix::FixError> for RunError {
    fn from(e: crate::fix::FixError) -> Self {
        RunError::Fix(e)
    }
}

impl From<std::io::Error> for RunError {
    fn from(e: std::io::Error) -> Self {
        RunError::Output(e)
    }
}

/// Exit statuses (README "Exit status").
pub const EXIT_OK: u8 = 0;
pub const EXIT_FAIL: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// The language of the output: `--lang`, else the locale.
pub fn lang(cli: &Cli) -> Lang {
    cli.lang
        .map(crate::cli::LangArg::lang)
        .unwrap_or_else(|| Lang::from_env(&Environment::from_process()))
}

/// Traditional Chinese was asked for (`--lang zh-TW`, a zh_TW / zh_HK / zh_MO / zh-Hant
/// locale): godoctor speaks Simplified Chinese only, and says so once, on stderr.
fn traditional_chinese(cli: &Cli) -> bool {
    match cli.lang {
        Some(l) => l.traditional(),
        None => {
            let env = Environment::from_process();
            let locale = Lang::LOCALE_VARS
                .iter()
                .find_map(|k| env.get(k))
                .unwrap_or("")
                .to_ascii_lowercase()
                .replace('-', "_");
            ["zh_tw", "zh_hk", "zh_mo", "zh_hant"]
                .iter()
                .any(|p| locale.starts_with(p))
        }
    }
}

pub fn run(cli: Cli) -> Result<u8, RunError> {
    match cli.color {
        ColorChoice::Always => anstream::ColorChoice::Always.write_global(),
        ColorChoice::Never => anstream::ColorChoice::Never.write_global(),
        ColorChoice::Auto => {
            // CLICOLOR_FORCE=0 (or empty) does not force colour; anstream reads any value as
            // forcing it, so decide here when output is not a terminal.
            let unforced =
                std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v.is_empty() || v == "0");
            if unforced && !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                anstream::ColorChoice::Never.write_global();
            }
        }
    }
    let dir = match &cli.dir {
        Some(d) => std::fs::canonicalize(d).map_err(|e| RunError::Dir(d.clone(), e))?,
        None => std::env::current_dir().map_err(|e| RunError::Dir(PathBuf::from("."), e))?,
    };
    // Every output goes through one filter: control and bidi characters from values come out
    // escaped, whatever renders them (redact::escape).
    let mut out = crate::redact::escape::TextOut::new(anstream::stdout().lock());
    let lang = lang(&cli);
    if lang == Lang::Zh && traditional_chinese(&cli) {
        warn(&t!(lang, "note-simplified-only"));
    }
    match cli.command {
        Command::Check(args) => check(&mut out, dir, &args, lang),
        Command::Config(args) => config(&mut out, dir, &args, lang),
        Command::Fix(args) => fix(&mut out, dir, &args, lang),
        Command::Explain(args) => explain(&mut out, dir, &args, lang),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            // clap_complete panics on a failed write (`| head -1`): write it ourselves.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "godoctor", &mut script);
            out.write_all(&script).map_err(RunError::Output)?;
            Ok(EXIT_OK)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                .render(&mut page)
                .map_err(RunError::Output)?;
            out.write_all(&page).map_err(RunError::Output)?;
            Ok(EXIT_OK)
        }
        Command::Schema => {
            out.write_all(include_str!("../schema/check.schema.json").as_bytes())
                .map_err(RunError::Output)?;
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

/// The command line's values, else godoctor.toml's, else the built-in defaults.
struct Defaults {
    timeout: Duration,
    canaries: Vec<String>,
    compare: Vec<crate::probe::dns::CompareResolver>,
    mirrors: Vec<crate::redact::Sensitive>,
    /// `mirrors` came from the project's godoctor.toml (untrusted: suggestions only).
    mirrors_from_project: bool,
    direct_last: bool,
    /// godoctor.toml problems, each ignored.
    problems: Vec<String>,
}

impl Defaults {
    fn resolve(
        dir: &std::path::Path,
        timeout: Option<Duration>,
        modules: &[String],
        compare: &[crate::probe::dns::CompareResolver],
    ) -> Defaults {
        let toml = crate::config::godoctor_toml::load(&Environment::from_process(), dir);
        let mut problems = toml.problems;
        let s = toml.settings;
        let toml_timeout = s.timeout.as_deref().and_then(|t| {
            crate::cli::parse_duration(t)
                .map_err(|e| problems.push(format!("godoctor.toml: timeout {t:?}: {e}")))
                .ok()
        });
        let toml_compare = s
            .compare_resolvers
            .iter()
            .filter_map(|c| {
                crate::probe::dns::CompareResolver::parse(c)
                    .map_err(|e| {
                        problems.push(format!("godoctor.toml: compare_resolvers {c:?}: {e}"))
                    })
                    .ok()
            })
            .collect();
        let or = |cli: &[String], file: Vec<String>| {
            if !cli.is_empty() {
                cli.to_vec()
            } else if !file.is_empty() {
                file
            } else {
                vec![DEFAULT_CANARY.to_owned()]
            }
        };
        Defaults {
            timeout: timeout.or(toml_timeout).unwrap_or(DEFAULT_TIMEOUT),
            canaries: or(modules, s.canary_modules),
            compare: if compare.is_empty() {
                toml_compare
            } else {
                compare.to_vec()
            },
            mirrors: s.mirrors,
            mirrors_from_project: toml.mirrors_from_project,
            direct_last: s.direct_last.unwrap_or(true),
            problems,
        }
    }
}

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// A warning about the check's own settings, on stderr beside the report.
#[allow(clippy::print_stderr)]
fn warn(message: &str) {
    eprintln!("godoctor: {}", crate::redact::shown(message));
}

/// The whole run's bound (issue 17): `--timeout` covers reading the inputs and planning, not
/// only the probes. Probes stop at their own deadlines; a step still running at the deadline
/// plus a grace (a huge project being read, a report for 100k modules) ends the run with a
/// message instead of running on. Dropping the guard disarms it.
struct RunDeadline(Option<std::sync::mpsc::Sender<()>>);

impl RunDeadline {
    /// `timeout` counts from `start`.
    fn arm(start: Instant, timeout: Duration, lang: Lang) -> RunDeadline {
        let grace = (timeout / 2).max(Duration::from_secs(5));
        let left = (timeout + grace).saturating_sub(start.elapsed());
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            // A message or a hang-up (the guard dropped) disarms.
            if rx.recv_timeout(left) == Err(std::sync::mpsc::RecvTimeoutError::Timeout) {
                deadline_exceeded(timeout, grace, lang);
            }
        });
        RunDeadline(Some(tx))
    }
}

impl Drop for RunDeadline {
    fn drop(&mut self) {
        if let Some(tx) = self.0.take() {
            let _ = tx.send(());
        }
    }
}

#[allow(clippy::print_stderr)]
fn deadline_exceeded(timeout: Duration, grace: Duration, lang: Lang) {
    let secs = |d: Duration| format!("{}s", d.as_secs_f64());
    eprintln!(
        "godoctor: {}",
        t!(
            lang,
            "run-deadline-exceeded",
            timeout = secs(timeout),
            grace = secs(grace)
        )
    );
    std::process::exit(i32::from(EXIT_FAIL));
}

fn check(out: &mut dyn Write, dir: PathBuf, args: &CheckArgs, lang: Lang) -> Result<u8, RunError> {
    let start = Instant::now();
    let d = Defaults::resolve(&dir, args.timeout, &args.modules, &args.compare);
    let _deadline = RunDeadline::arm(start, d.timeout, lang);
    for p in &d.problems {
        warn(&t!(lang, "report-warning-ignored", problem = p.as_str()));
    }
    let format = match (args.json, args.format) {
        (true, Some(Format::Text)) => return Err(RunError::JsonWithFormat("text")),
        (true, Some(Format::Github)) => return Err(RunError::JsonWithFormat("github")),
        (true, Some(Format::Markdown)) => return Err(RunError::JsonWithFormat("markdown")),
        (true, _) => Format::Json,
        (false, f) => f.unwrap_or(Format::Text),
    };
    // Reading the configuration may take at most half the budget: go and git are bounded.
    let mut cfg = load(dir, (d.timeout / 2).min(Duration::from_secs(5)));
    if let Some(shell) = args.shell {
        cfg.shell = shell;
    }
    let command = match args.command.as_slice() {
        [] => None,
        words => Some(GoCommandLine::parse(words).map_err(RunError::Command)?),
    };
    let mut plan = Plan::build_for(&cfg, &d.canaries, command);
    let probed = if args.offline {
        crate::probe::engine::Probed::default()
    } else {
        let opts = ProbeOptions {
            timeout: d
                .timeout
                .saturating_sub(start.elapsed())
                .max(Duration::from_millis(100)),
            resolvers: args.resolvers.clone(),
            compare: d.compare.clone(),
            module_files: true,
            verify_zips: args.verify_zips,
        };
        let spinner = Spinner::new(lang);
        // On stderr, and only when stderr is a terminal: also beside --json.
        let progress: &dyn Progress = &spinner;
        let runtime = runtime()?;
        let mut probed = runtime.block_on(crate::probe::engine::run(&cfg, &plan, &opts, progress));
        // Probes honour their deadlines; do not wait for stray tasks on the way out.
        runtime.shutdown_background();
        probed.complete_plan(&mut plan);
        probed
    };
    let diagnosis = if args.offline {
        diagnose::diagnose_offline(&cfg, &plan)
    } else {
        diagnose::diagnose_probed(&cfg, &plan, &probed)
    };
    let targets = probed.targets;
    let report = CheckReport {
        config: &cfg,
        plan: &plan,
        diagnosis: &diagnosis,
        offline: args.offline,
        lang,
        verbose: args.verbose,
        targets: &targets,
        duration_ms: start.elapsed().as_millis() as u64,
        width: report::text::terminal_width(),
    };
    match format {
        Format::Json => {
            report::json::write_sorted(out, &report::json::check(&report))?;
        }
        Format::Github => report::github::check(out, &report)?,
        Format::Text => report::text::check(out, &report)?,
        Format::Markdown => report::markdown::check(out, &report)?,
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

fn config(
    out: &mut dyn Write,
    dir: PathBuf,
    args: &ConfigArgs,
    lang: Lang,
) -> Result<u8, RunError> {
    let _deadline = RunDeadline::arm(Instant::now(), DEFAULT_TIMEOUT, lang);
    let cfg = load(dir, Duration::from_secs(5));
    if args.json {
        report::json::write_sorted(out, &report::json::config(&cfg))?;
    } else {
        report::text::config(out, &cfg, lang)?;
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
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal() {
            let mut err = anstream::stderr().lock();
            writeln!(err, "{}", t!(lang, "explain-prompt"))?;
        }
        // Logs are not always UTF-8 (a Windows console's code page): read them lossily.
        let mut buf = Vec::new();
        std::io::stdin().take(4 << 20).read_to_end(&mut buf)?;
        String::from_utf8_lossy(&buf).into_owned()
    } else {
        let words: Vec<String> = args
            .text
            .iter()
            .map(|w| w.to_string_lossy().into_owned())
            .collect();
        words.join(" ")
    };
    let shell = args.shell.unwrap_or_else(|| {
        crate::config::shell::Shell::detect(
            &Environment::from_process(),
            crate::config::shell::Os::host(),
        )
    });
    let e = diagnose::explain::explain_for(&text, shell);
    if args.json {
        report::json::write(out, &report::json::explain(&e, lang))?;
    } else {
        report::text::explain_in(out, &e, lang)?;
    }
    let status = if e.matched() { EXIT_OK } else { EXIT_FAIL };
    if !args.probe {
        return Ok(status);
    }
    let top = e.top();
    writeln!(out)?;
    let Some(p) = &top.probe else {
        // Nothing left open: check the module's whole route.
        let check_args = CheckArgs {
            json: args.json,
            format: None,
            verbose: false,
            offline: false,
            verify_zips: false,
            timeout: Some(args.timeout),
            modules: top.module.iter().cloned().collect(),
            strict: false,
            shell: args.shell,
            resolvers: Vec::new(),
            compare: Vec::new(),
            command: Vec::new(),
        };
        return check(out, dir, &check_args, lang);
    };
    let cfg = load(dir.clone(), Duration::from_secs(5));
    let d = Defaults::resolve(
        &cfg.dir,
        Some(args.timeout),
        &top.module.iter().cloned().collect::<Vec<_>>(),
        &[],
    );
    let plan = Plan::build(&cfg, &d.canaries);
    let opts = ProbeOptions {
        timeout: d.timeout,
        resolvers: Vec::new(),
        compare: d.compare.clone(),
        module_files: false,
        verify_zips: false,
    };
    let rt = runtime()?;
    let spinner = Spinner::new(lang);
    let targets = rt.block_on(crate::probe::engine::run_host(
        &cfg, &plan, &opts, &spinner, &p.host,
    ));
    rt.shutdown_background();
    report::text::probed(out, p.layer.as_str(), &p.host, &targets, lang)?;
    Ok(status)
}

fn runtime() -> Result<tokio::runtime::Runtime, RunError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(RunError::Runtime)
}

fn fix(out: &mut dyn Write, dir: PathBuf, args: &FixArgs, lang: Lang) -> Result<u8, RunError> {
    use crate::fix::{self, recommend, state};
    if args.undo {
        // Only the backups are needed: no go, no git, no project files.
        let env = crate::config::env::Environment::from_process();
        if args.list {
            fix::print_backups(out, &env, lang)?;
            return Ok(EXIT_OK);
        }
        let sdir = state::state_dir(&env).map_err(fix::FixError::from)?;
        let _lock = state::Lock::acquire(&sdir).map_err(fix::FixError::from)?;
        let b = state::undo(&sdir).map_err(fix::FixError::from)?;
        writeln!(out, "{}", fix::restored_text(&b, lang))?;
        return Ok(EXIT_OK);
    }
    // `--timeout` bounds the whole run: each phase gets a share and never more than is left.
    let start = std::time::Instant::now();
    let d = Defaults::resolve(&dir, args.timeout, &args.modules, &[]);
    let budget = d.timeout;
    // Bounds reading and probing; disarmed before anything is written, so the deadline never
    // exits between a backup and the write.
    let deadline = RunDeadline::arm(start, budget, lang);
    let left = || budget.saturating_sub(start.elapsed());
    let verify_after = args.apply && !args.no_verify;
    let share = |part: f64| budget.mul_f64(part).min(left());
    let mut cfg = load(dir.clone(), share(0.2).min(Duration::from_secs(5)));
    if let Some(shell) = args.shell {
        cfg.shell = shell;
    }
    for p in &d.problems {
        let line = t!(lang, "report-warning-ignored", problem = p.as_str());
        writeln!(out, "{line}")?;
    }
    let mut plan = Plan::build(&cfg, &d.canaries);
    let opts = |timeout: Duration| ProbeOptions {
        timeout,
        resolvers: args.resolvers.clone(),
        compare: d.compare.clone(),
        module_files: true,
        verify_zips: false,
    };
    let spinner = Spinner::new(lang);
    let rt = runtime()?;
    let check_share = if verify_after { 0.3 } else { 0.45 };
    let mut probed = rt.block_on(crate::probe::engine::run(
        &cfg,
        &plan,
        &opts(share(check_share)),
        &spinner,
    ));
    probed.complete_plan(&mut plan);
    let diagnosis = diagnose::diagnose_probed(&cfg, &plan, &probed);
    let mut candidates: Vec<(String, recommend::Source)> = Vec::new();
    let toml_source = if d.mirrors_from_project {
        recommend::Source::Project
    } else {
        recommend::Source::UserConfig
    };
    for (c, source) in recommend::BUILTIN_MIRRORS
        .iter()
        .map(|s| (s.to_string(), recommend::Source::Builtin))
        .chain(
            d.mirrors
                .iter()
                .map(|m| (m.expose().to_owned(), toml_source)),
        )
        .chain(
            args.mirrors
                .iter()
                .map(|m| (m.clone(), recommend::Source::CommandLine)),
        )
    {
        let c = c.trim_end_matches('/').to_owned();
        if !candidates.iter().any(|(u, _)| *u == c) {
            candidates.push((c, source));
        }
    }
    // The bench's downloads come out of the candidates' share.
    let cand_share = if verify_after { 0.4 } else { 0.5 };
    let cand_time = share(if args.bench {
        cand_share * 0.6
    } else {
        cand_share
    });
    let (mut cands, sumdb_direct_ok) = rt.block_on(recommend::probe(
        &cfg,
        &plan,
        &candidates,
        &opts(cand_time),
        3,
        &spinner,
    ));
    if args.bench
        && let Some(m) = plan.modules.iter().find(|m| m.version.is_some())
    {
        let bench_opts = opts(share(cand_share * 0.4));
        for c in cands.iter_mut().filter(|c| c.qualified) {
            let url = format!(
                "{}/{}/@v/{}.zip",
                c.url,
                crate::plan::escape_path(&m.module),
                crate::plan::escape_path(m.version.as_deref().unwrap_or(""))
            );
            if let Ok((bytes, took)) = rt.block_on(crate::probe::engine::download(
                &cfg,
                &plan,
                &bench_opts,
                &url,
                64 << 20,
            )) {
                c.throughput_bps = Some(bytes as f64 / took.as_secs_f64().max(1e-6));
            }
        }
    }
    let (changes, notes) = recommend::compute(
        &cfg,
        &plan,
        &diagnosis,
        &mut cands,
        sumdb_direct_ok,
        d.direct_last,
        args.trust_project,
    );
    let rec = recommend::Recommendation {
        candidates: cands,
        changes,
        notes,
        first_steps: recommend::first_steps(&diagnosis),
    };
    rt.shutdown_background();
    let failing = diagnosis.outcome.predicted == crate::diagnose::predict::Predicted::Fail;
    let help = fix::nothing_helps(&diagnosis);
    let mut doc = args
        .json
        .then(|| fix::json::FixDocument::new(&cfg, &rec, diagnosis.verdict(), &help));
    if doc.is_none() {
        fix::print_plan(out, &cfg, &rec, &diagnosis, lang)?;
    }
    // Go still fails and nothing here changes that: say so with the exit status too.
    let unhelped = if failing { EXIT_FAIL } else { EXIT_OK };
    let finish = |out: &mut dyn Write, doc: Option<fix::json::FixDocument>, status: u8| {
        if let Some(doc) = doc {
            serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Ok::<u8, RunError>(status)
    };
    if !args.apply || rec.changes.is_empty() {
        if args.apply && doc.is_none() {
            writeln!(out, "{}", t!(lang, "fix-nothing-written"))?;
        }
        let status = if rec.changes.is_empty() {
            unhelped
        } else {
            EXIT_OK
        };
        return finish(out, doc, status);
    }
    drop(deadline);
    let backup = fix::apply(&cfg, &rec.changes, left().max(Duration::from_millis(500)))?;
    if let Some(doc) = doc.as_mut() {
        doc.applied = Some(fix::json::AppliedJson {
            goenv_file: backup.as_ref().map(|b| b.meta.path.clone()),
            backup: backup.as_ref().map(|b| b.dir.display().to_string()),
            verdict_after: None,
        });
    }
    let Some(backup) = backup else {
        if doc.is_none() {
            writeln!(out, "\n{}", t!(lang, "fix-env-only"))?;
        }
        return finish(out, doc, unhelped);
    };
    if doc.is_none() {
        let written = t!(
            lang,
            "fix-written",
            path = backup.meta.path.as_str(),
            backup = backup.dir.display().to_string()
        );
        writeln!(out, "\n{written}")?;
    }
    if args.no_verify {
        return finish(out, doc, EXIT_OK);
    }
    let cfg2 = load(dir, left().min(Duration::from_secs(5)));
    let plan2 = Plan::build(&cfg2, &d.canaries);
    let rt = runtime()?;
    let targets2 = rt
        .block_on(crate::probe::engine::run(
            &cfg2,
            &plan2,
            &opts(left().max(Duration::from_millis(200))),
            &spinner,
        ))
        .targets;
    rt.shutdown_background();
    let d2 = diagnose::diagnose(&cfg2, &plan2, &targets2);
    let ok = d2.outcome.predicted == crate::diagnose::predict::Predicted::Ok;
    match doc.as_mut().and_then(|d| d.applied.as_mut()) {
        Some(applied) => applied.verdict_after = Some(d2.verdict()),
        None => writeln!(out, "{}", fix::verdict_text(d2.outcome.predicted, lang))?,
    }
    finish(out, doc, if ok { EXIT_OK } else { EXIT_FAIL })
}
