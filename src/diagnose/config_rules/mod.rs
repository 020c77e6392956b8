//! Offline rules: what go's settings alone say, before any packet is sent (issue 2's list).
//! Each rule reads the [`Config`] and [`Plan`] and may emit findings; none does I/O. What they
//! say comes from the catalogs (`i18n/*/findings-config.ftl`), so every report can say it in
//! its own language; go's own words stay verbatim in `detail` and the evidence.

mod git;
mod go_install;
mod goauth;
mod goenv_file;
mod goflags;
mod goproxy;
mod govcs;
mod network_env;
mod project;
mod sumdb_private;
mod toolchain;

pub(crate) use govcs::refused as govcs_refused;

#[cfg(test)]
mod tests;

use super::Finding;
use crate::config::Config;
use crate::i18n::Arg;
use crate::plan::Plan;

pub(crate) const DEFAULT_GOPROXY: &str = "https://proxy.golang.org,direct";

/// Every rule, in the order their findings are listed.
pub fn run(cfg: &Config, plan: &Plan) -> Vec<Finding> {
    let mut f = Vec::new();
    go_install::go_install(cfg, &mut f);
    goenv_file::goenv_file(cfg, &mut f);
    goproxy::goproxy(cfg, plan, &mut f);
    sumdb_private::gosumdb(cfg, plan, &mut f);
    sumdb_private::patterns(cfg, &mut f);
    govcs::govcs(cfg, plan, &mut f);
    goauth::goauth(cfg, &mut f);
    goflags::goflags_and_modules(cfg, plan, &mut f);
    goenv_file::env_shadowing(cfg, &mut f);
    network_env::http_proxies(cfg, &mut f);
    network_env::tls_env(cfg, &mut f);
    git::git(cfg, plan, &mut f);
    sumdb_private::private_modules(cfg, plan, &mut f);
    project::project(cfg, &mut f);
    project::unplanned(plan, &mut f);
    toolchain::toolchain(cfg, plan, &mut f);
    f
}

/// Items godoctor lists (setting names, entries, directories), joined the way the reader's
/// language joins them (`a, b` in English, `a、b` in Chinese).
fn list<S: AsRef<str>>(items: &[S]) -> Arg {
    match items {
        [] => Arg::from(""),
        [last] => Arg::from(last.as_ref()),
        [first, rest @ ..] => Arg::from(crate::text!(
            "list-items",
            first = first.as_ref(),
            rest = list(rest)
        )),
    }
}
