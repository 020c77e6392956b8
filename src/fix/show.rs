//! The dry run as text: the probed mirrors, steps outside go's settings that come first, each
//! change with its origin and reason, and the commands in the user's shell — the same
//! commands `--apply` carries out for the go/env file, and the ones only the user can run for
//! OS variables, with where those are likely set.

use std::io::Write;
use std::path::PathBuf;

use super::recommend::{self, Change, Source};
use super::writes_to_file;
use crate::config::Config;
use crate::config::shell::{Os, Shell};
use crate::diagnose::remedy::{Action, find_where_set, profile_files};
use crate::diagnose::{Diagnosis, Remedy};
use crate::i18n::Lang;
use crate::redact::redact_urls;
use crate::t;

/// The commands for `changes` in `cfg.shell`: one `go env -w` and one `go env -u` for the
/// go/env file, then each OS variable's own command.
pub fn commands(cfg: &Config, changes: &[Change]) -> Vec<String> {
    actions(changes)
        .iter()
        // Placeholders, not `xxxxx`: a pasted command would overwrite the user's credentials.
        .map(|a| crate::redact::placeholder_credentials(&a.render(cfg.target())))
        .collect()
}

fn actions(changes: &[Change]) -> Vec<Action> {
    let file: Vec<&Change> = changes.iter().filter(|c| writes_to_file(c)).collect();
    let set: Vec<(String, String)> = file
        .iter()
        .filter_map(|c| c.recommended.clone().map(|v| (c.key.to_owned(), v)))
        .collect();
    let unset: Vec<String> = file
        .iter()
        .filter(|c| c.recommended.is_none())
        .map(|c| c.key.to_owned())
        .collect();
    let mut out = Vec::new();
    if !set.is_empty() {
        out.push(Action::GoEnvWrite(set));
    }
    if !unset.is_empty() {
        out.push(Action::GoEnvUnset(unset));
    }
    for c in changes.iter().filter(|c| !writes_to_file(c)) {
        out.push(match &c.recommended {
            Some(v) => Action::SetEnv {
                key: c.key.to_owned(),
                value: v.clone(),
            },
            None => Action::UnsetEnv(vec![c.key.to_owned()]),
        });
    }
    out
}

/// For each change an OS variable holds: that godoctor leaves it to the user, and where it is
/// likely set — the startup-file lines that name it (POSIX shells and fish), else the command
/// that finds it (the Windows user environment).
pub fn env_overrides(cfg: &Config, changes: &[Change], lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let env_changes: Vec<&Change> = changes.iter().filter(|c| !writes_to_file(c)).collect();
    if env_changes.is_empty() {
        return out;
    }
    let names = profile_files(cfg);
    let home = cfg.env.home_dir();
    // Each profile read once, whatever the number of changes.
    let profiles: Vec<(PathBuf, String)> = match cfg.shell {
        Shell::Posix | Shell::Fish => names
            .iter()
            .filter_map(|f| {
                let path = match (f.strip_prefix("~/"), &home) {
                    (Some(rest), Some(h)) => h.join(rest),
                    _ => PathBuf::from(f),
                };
                // Bounded and regular files only: a FIFO or a huge file must not stall fix.
                let read =
                    crate::config::bounded::read(&path, crate::config::bounded::SHELL_PROFILE);
                let text = String::from_utf8_lossy(&read.ok()?.data).into_owned();
                Some((path, text))
            })
            .collect(),
        Shell::Powershell | Shell::Cmd => Vec::new(),
    };
    for c in env_changes {
        out.push(t!(lang, "fix-env-overrides", key = c.key));
        let mut found = false;
        for (path, text) in &profiles {
            for (i, line) in text.lines().enumerate() {
                let l = line.trim_start();
                if l.starts_with('#') {
                    continue;
                }
                if l.contains(&format!("{}=", c.key))
                    || l.contains(&format!("set -gx {}", c.key))
                    || l.contains(&format!("set -x {}", c.key))
                    || l.starts_with(&format!("SETUVAR --export {}:", c.key))
                    || l.starts_with(&format!("SETUVAR {}:", c.key))
                {
                    found = true;
                    out.push(format!(
                        "  {}:{}: {}",
                        path.display(),
                        i + 1,
                        redact_urls(line.trim())
                    ));
                }
            }
        }
        if !found {
            let find = find_where_set(cfg, c.key).render(cfg.target());
            out.push(format!(
                "  {}",
                t!(lang, "fix-env-look", key = c.key, command = find)
            ));
        }
    }
    out
}

/// What would help when no setting change does: the root cause's own remediation (not "run
/// godoctor fix", which is where the user is), then a mirror the user knows of.
pub fn nothing_helps(d: &Diagnosis) -> Vec<Remedy> {
    let mut out: Vec<Remedy> = d
        .root_cause
        .and_then(|i| d.findings.get(i))
        .map(|f| f.remediation.clone())
        .unwrap_or_default();
    out.retain(|r| r.command.as_deref() != Some("godoctor fix"));
    out.push(Remedy::run(
        crate::text!("fix-help-own-mirror"),
        "godoctor fix --mirror https://goproxy.corp.example",
    ));
    out
}

/// The root cause in one phrase, for "nothing helps".
fn root_cause(d: &Diagnosis) -> String {
    d.root_cause
        .and_then(|i| d.findings.get(i))
        .map(|f| match &f.host {
            Some(h) => format!("{} ({h})", f.code.as_str()),
            None => f.code.as_str().to_owned(),
        })
        .unwrap_or_else(|| "-".into())
}

/// The dry-run text.
pub fn print_plan(
    w: &mut dyn Write,
    cfg: &Config,
    rec: &recommend::Recommendation,
    d: &Diagnosis,
    lang: Lang,
) -> std::io::Result<()> {
    let failing = d.outcome.predicted == crate::diagnose::predict::Predicted::Fail;
    writeln!(w, "{}", t!(lang, "fix-mirrors"))?;
    for c in &rec.candidates {
        mirror_line(w, c, lang)?;
    }
    for n in &rec.notes {
        writeln!(w, "  {}", t!(lang, "fix-note", note = n.text(lang)))?;
    }
    if !rec.first_steps.is_empty() {
        writeln!(w, "\n{}", t!(lang, "fix-first-steps"))?;
        remedies(w, &rec.first_steps, lang)?;
    }
    if rec.changes.is_empty() {
        if failing {
            let cause = root_cause(d);
            writeln!(w, "\n{}", t!(lang, "fix-nothing-helps", cause = cause))?;
            remedies(w, &nothing_helps(d), lang)?;
        } else {
            writeln!(w, "\n{}", t!(lang, "fix-nothing-to-change"))?;
        }
        return Ok(());
    }
    writeln!(w, "\n{}", t!(lang, "fix-recommended"))?;
    for c in &rec.changes {
        let cur = if c.current.is_empty() {
            t!(lang, "fix-unset")
        } else {
            crate::redact::value(&c.current)
        };
        let new = c
            .recommended
            .as_deref()
            .map(crate::redact::value)
            .unwrap_or_else(|| t!(lang, "fix-go-default"));
        writeln!(w, "  {:<10} {cur} [{}]  →  {new}", c.key, c.origin.as_str())?;
        writeln!(w, "             {}", c.reason.text(lang))?;
    }
    writeln!(
        w,
        "\n{}",
        t!(lang, "fix-commands-in", shell = shell_name(cfg.shell))
    )?;
    for c in commands(cfg, &rec.changes) {
        writeln!(w, "  {c}")?;
    }
    if rec.changes.iter().any(writes_to_file) {
        let os = cfg.shell.os(Os::host());
        let path = match (&cfg.goenv_location, os == Os::host()) {
            (crate::config::goenv_file::EnvFileLocation::At { path, .. }, true) => {
                path.display().to_string()
            }
            _ => os.goenv_path_hint().to_owned(),
        };
        writeln!(w, "  {}", t!(lang, "fix-goenv-where", path = path))?;
    }
    for line in env_overrides(cfg, &rec.changes, lang) {
        writeln!(w, "{line}")?;
    }
    Ok(())
}

fn mirror_line(w: &mut dyn Write, c: &recommend::Candidate, lang: Lang) -> std::io::Result<()> {
    let speed = c
        .median_ms
        .map(|m| t!(lang, "fix-mirror-median", ms = format!("{m:.0}")))
        .unwrap_or_else(|| "-".into());
    let tp = c
        .throughput_bps
        .map(|b| {
            t!(
                lang,
                "fix-mirror-throughput",
                mb_per_s = format!("{:.1}", b / 1e6)
            )
        })
        .unwrap_or_default();
    let mut extra = if c.relays_sumdb {
        t!(lang, "fix-mirror-relays-sumdb")
    } else {
        String::new()
    };
    match c.serves_toolchain {
        Some(true) => extra.push_str(&t!(lang, "fix-mirror-has-toolchain")),
        Some(false) => extra.push_str(&t!(lang, "fix-mirror-lacks-toolchain")),
        None => {}
    }
    if c.source == Source::Project {
        extra.push_str(&t!(lang, "fix-mirror-from-project"));
    }
    match &c.problem {
        None if c.qualified => writeln!(w, "  ✓ {:<40} {speed}{tp}{extra}", c.url.redacted()),
        p => writeln!(
            w,
            "  ✗ {:<40} {}{extra}",
            c.url.redacted(),
            redact_urls(&p.as_ref().map(|p| p.text(lang)).unwrap_or_default())
        ),
    }
}

/// Remediation steps as the report shows them: the description as a comment, the command.
pub fn remedies(w: &mut dyn Write, steps: &[Remedy], lang: Lang) -> std::io::Result<()> {
    for r in steps {
        writeln!(w, "  # {}", lang.remedy(r))?;
        if let Some(c) = &r.command {
            writeln!(w, "  {c}")?;
        }
    }
    Ok(())
}

fn shell_name(s: Shell) -> &'static str {
    match s {
        Shell::Posix => "bash/zsh",
        Shell::Fish => "fish",
        Shell::Powershell => "PowerShell",
        Shell::Cmd => "cmd",
    }
}
