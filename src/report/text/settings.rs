//! The report's first line (godoctor's and go's versions) and the settings table with each
//! setting's origin: `check -v` and `config`.

use std::io;

use super::style::{BOLD, DIM};
use super::wrap::Out;
use crate::config::{Config, KEYS};
use crate::i18n::Lang;
use crate::redact::shown as redact_urls;
use crate::t;

pub fn header(o: &mut Out, cfg: &Config, lang: Lang) -> io::Result<()> {
    let go = lang.go_found(&cfg.go);
    let name = format!("godoctor {}", env!("CARGO_PKG_VERSION"));
    o.line(&format!("{BOLD}{name}{BOLD:#}  {go}"), 2)
}

pub fn settings_table(o: &mut Out, cfg: &Config, all: bool, lang: Lang) -> io::Result<()> {
    for key in KEYS {
        let Some(s) = cfg.settings.get(key) else {
            continue;
        };
        if !all && s.value.is_empty() && s.origin == crate::config::Origin::Default {
            continue;
        }
        let value = if s.value.is_empty() {
            t!(lang, "report-empty-value")
        } else {
            crate::redact::escape::visible(&s.value.redacted()).into_owned()
        };
        let derived = s
            .derived_from
            .map(|d| t!(lang, "report-derived-from", setting = d))
            .unwrap_or_default();
        let origin = s.origin.as_str();
        o.line(
            &format!("  {key:<12} {value}  {DIM}[{origin}{derived}]{DIM:#}"),
            15,
        )?;
    }
    Ok(())
}

/// `godoctor config`: every setting, then the files and variables beside them.
pub fn config(o: &mut Out, cfg: &Config, lang: Lang) -> io::Result<()> {
    header(o, cfg, lang)?;
    settings_table(o, cfg, true, lang)?;
    if let Some(f) = &cfg.goenv_file {
        o.blank()?;
        let line = t!(
            lang,
            "config-goenv-file",
            path = redact_urls(&f.path.display().to_string())
        );
        o.line(&format!("  {line}"), 4)?;
    }
    if let Some(f) = &cfg.goroot_goenv {
        o.line(
            &format!(
                "  GOROOT/go.env: {}",
                redact_urls(&f.path.display().to_string())
            ),
            4,
        )?;
    }
    let hp = &cfg.http_proxy;
    for v in [&hp.http, &hp.https].into_iter().flatten() {
        o.line(
            &format!("  {}={}", v.name, redact_urls(&v.raw.redacted())),
            4,
        )?;
    }
    if let Some((n, v)) = &hp.no_proxy {
        o.line(&format!("  {n}={}", redact_urls(&v.redacted())), 4)?;
    }
    if !cfg.netrc.machines.is_empty() {
        let line = t!(
            lang,
            "config-netrc-machines",
            hosts = redact_urls(&cfg.netrc.machines.join(", "))
        );
        o.line(&format!("  {line}"), 4)?;
    }
    Ok(())
}
