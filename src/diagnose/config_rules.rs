//! Offline rules: what go's settings alone say, before any packet is sent (issue 2's list).
//! Each rule reads the [`Config`] and [`Plan`] and may emit findings; none does I/O.

use super::remedy::{profile_files, set_go_env, sh_quote, unset_go_env};
use super::{Code, Finding, Layer, Remedy, Severity};
use crate::config::goenv_file::EnvFileLocation;
use crate::config::goflags::{GoFlags, parse_govcs};
use crate::config::goproxy::ProxyEntry;
use crate::config::gosumdb::SumDbSetting;
use crate::config::patterns::{bad_patterns, match_prefix_patterns};
use crate::config::{Config, Origin};
use crate::plan::{Plan, Step};
use crate::redact::redact_urls;

pub(crate) const DEFAULT_GOPROXY: &str = "https://proxy.golang.org,direct";

pub fn run(cfg: &Config, plan: &Plan) -> Vec<Finding> {
    let mut f = Vec::new();
    go_install(cfg, &mut f);
    goenv_file(cfg, &mut f);
    goproxy(cfg, plan, &mut f);
    gosumdb(cfg, plan, &mut f);
    patterns(cfg, &mut f);
    goflags_and_modules(cfg, plan, &mut f);
    env_shadowing(cfg, &mut f);
    http_proxies(cfg, &mut f);
    tls_env(cfg, &mut f);
    git(cfg, plan, &mut f);
    private_modules(cfg, plan, &mut f);
    project(cfg, &mut f);
    toolchain(cfg, plan, &mut f);
    f
}

/// Toolchain switching (docs/go/toolchains.md): what go does at startup, and what stops it.
fn toolchain(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    use crate::config::toolchain::{Decision, Refusal};
    if let Some((code, msg)) =
        super::predict::fatal_config_error(cfg).filter(|(c, _)| *c == Code::GoTooOldForGomod)
    {
        let v = cfg.go.version_string.clone().unwrap_or_default();
        f.push(
            Finding::of(
                code,
                crate::text!("finding-go-too-old-for-gomod", version = &v),
            )
            .param("version", v)
            .evidence(msg)
            .fix(Remedy::note(
                "install Go 1.21 or newer (go.mod asks for it)",
            )),
        );
    }
    let Some(tp) = &plan.toolchain else { return };
    let gotoolchain = cfg.get("GOTOOLCHAIN").to_owned();
    match &tp.decision {
        Decision::Local => {}
        Decision::Refuse(why, e) => {
            let code = Code::of_refusal(*why);
            let message = match why {
                Refusal::TooNew => {
                    "go.mod needs a newer Go than the one installed, and GOTOOLCHAIN does not let go download it"
                }
                Refusal::BadGotoolchain => {
                    "GOTOOLCHAIN is not a value go accepts: every go command fails except `go env GOTOOLCHAIN` and `go env -w GOTOOLCHAIN=…`"
                }
                Refusal::BadToolchainLine => {
                    "the toolchain line of go.mod (or go.work) is not a toolchain name go accepts"
                }
            };
            let mut finding = Finding::of(code, message)
                .param("gotoolchain", gotoolchain.clone())
                .evidence(e.clone());
            finding = match why {
                Refusal::BadToolchainLine => finding.fix(Remedy::run("drop the toolchain line", "go mod edit -toolchain=none")),
                _ => finding.fixes(super::remedy::set_go_env(cfg, "GOTOOLCHAIN", "auto", "let go download the toolchain go.mod asks for (through GOPROXY, verified by the checksum database); or install that Go release")),
            };
            f.push(finding);
        }
        Decision::Switch {
            target,
            reason,
            path_only,
        } => {
            let version = tp.module_version.clone().unwrap_or_default();
            if let Some(p) = &tp.on_path {
                f.push(
                    Finding::of(
                        Code::ToolchainSwitch,
                        format!("go switches to {target} ({reason}) and runs {p} from PATH"),
                    )
                    .with_layer(Layer::Config)
                    .param("target", target.clone())
                    .param("path", p.clone()),
                );
                return;
            }
            if *path_only {
                f.push(
                    Finding::of(Code::ToolchainNotInPath, format!("go needs {target} ({reason}) and GOTOOLCHAIN={gotoolchain} only looks for it in PATH, where there is none"))
                        .param("target", target.clone())
                        .fix(Remedy::run("install that Go release into PATH", format!("go install golang.org/dl/{target}@latest && {target} download")))
                        .fixes(super::remedy::set_go_env(cfg, "GOTOOLCHAIN", "auto", "or let go download it")),
                );
                return;
            }
            f.push(
                Finding::of(Code::ToolchainSwitch, format!("go first downloads toolchain {target} ({reason}): module golang.org/toolchain@{version} through GOPROXY, verified by the checksum database"))
                    .param("target", target.clone())
                    .param("version", version.clone()),
            );
            if tp.sumdb_required
                && matches!(plan.sumdb, Ok(crate::config::gosumdb::SumDbSetting::Off))
            {
                f.push(
                    Finding::of(Code::ToolchainNeedsSumdb, format!("go must verify the {target} toolchain with the checksum database, which it does even with GOSUMDB=off: the switch fails"))
                        .param("target", target.clone())
                        .fixes(unset_go_env(cfg, "GOSUMDB", "turn the checksum database back on (keep private modules out of it with GONOSUMDB)"))
                        .fix(Remedy::note("or install the Go release go.mod asks for")),
                );
            }
        }
    }
}

fn go_install(cfg: &Config, f: &mut Vec<Finding>) {
    match (&cfg.go.path, &cfg.go.error) {
        (None, _) => f.push(
            Finding::of(Code::GoNotFound, format!(
                "go is not on PATH: godoctor assumed the defaults of the current Go release ({}) and computed every setting itself",
                crate::config::goversion::GoVersion::assumed_current()
            ))
            .param("version", crate::config::goversion::GoVersion::assumed_current().to_string()),
        ),
        (Some(p), Some(e)) => f.push(
            Finding::of(Code::GoEnvFailed, format!("{} is installed but `go env -json` failed; the settings shown are godoctor's own computation", p.display()))
                .param("path", p.display().to_string())
                .evidence(e.clone())
                .fix(Remedy::run("see what go itself says", "GOTOOLCHAIN=local go env")),
        ),
        _ => {}
    }
    for (key, s) in cfg.disagreements() {
        f.push(
            Finding::of(
                Code::ConfigModelMismatch,
                format!(
                    "godoctor computed {key}={:?} but go reports {:?}; godoctor uses go's value",
                    redact_urls(&s.computed),
                    redact_urls(&s.value)
                ),
            )
            .param("key", key)
            .param("computed", s.computed.clone())
            .param("value", s.value.clone())
            .fix(Remedy::note(
                "please report this to godoctor with the output of `godoctor config --json`",
            )),
        );
    }
    if let Some(v) = &cfg.go.version {
        if !v.at_least(1, 13) {
            f.push(
                Finding::of(Code::GoTooOldForProxy, format!("{v} predates module proxies, GOPRIVATE and the checksum database (Go 1.13): it fetches every module directly"))
                    .param("version", v.to_string())
                    .fix(Remedy::note("install a current Go release")),
            );
        } else if !v.at_least(1, 15) && cfg.get("GOPROXY").contains('|') {
            f.push(
                Finding::of(Code::GoTooOldForPipe, format!("{v} does not understand `|` in GOPROXY (Go 1.15+): the whole entry is taken as one URL"))
                    .param("version", v.to_string())
                    .fixes(set_go_env(cfg, "GOPROXY", &cfg.get("GOPROXY").replace('|', ","), "use `,` separators")),
            );
        }
    }
}

fn goenv_file(cfg: &Config, f: &mut Vec<Finding>) {
    match &cfg.goenv_location {
        EnvFileLocation::Off => f.push(Finding::of(
            Code::GoenvOff,
            "GOENV=off: go reads no go/env file and `go env -w` cannot save settings",
        )),
        EnvFileLocation::Unavailable(why) => f.push(Finding::of(
            Code::GoenvUnavailable,
            format!("go cannot locate its go/env file ({why}): settings saved with `go env -w` are not read"),
        )
        .param("detail", why.clone())),
        EnvFileLocation::At { .. } => {}
    }
    if let Some(e) = &cfg.goenv_read_error {
        f.push(
            Finding::of(
                Code::GoenvFileUnreadable,
                format!("the go/env file cannot be read, so go ignores it: {e}"),
            )
            .param("detail", e.to_string()),
        );
    }
    let Some(file) = &cfg.goenv_file else { return };
    let path = file.path.display().to_string();
    if !file.crlf_keys.is_empty() {
        f.push(
            Finding::of(
                Code::GoenvFileCrlf,
                format!(
                    "{path} has Windows line endings: go keeps the '\\r' in the values of {}",
                    file.crlf_keys.join(", ")
                ),
            )
            .param("file", path.clone())
            .param("keys", file.crlf_keys.join(", "))
            .fix(Remedy::run(
                "strip the carriage returns",
                format!("sed -i 's/\\r$//' {}", sh_quote(&path)),
            )),
        );
    }
    if !file.non_utf8_keys.is_empty() {
        f.push(
            Finding::of(
                Code::GoenvFileNotUtf8,
                format!(
                    "{path}: the values of {} are not valid UTF-8",
                    file.non_utf8_keys.join(", ")
                ),
            )
            .param("file", path.clone())
            .param("keys", file.non_utf8_keys.join(", ")),
        );
    }
    let suspicious: Vec<String> = file
        .ignored
        .iter()
        .filter(|l| !l.text.trim_start().starts_with('#'))
        .map(|l| format!("{path}:{}: {}", l.line, redact_urls(&l.text)))
        .collect();
    if !suspicious.is_empty() {
        let mut finding = Finding::of(
            Code::GoenvFileIgnoredLines,
            format!(
                "go ignores {} line(s) of {path} (a line must look like KEY=VALUE with an upper-case key)",
                suspicious.len()
            ),
        )
        .param("file", path.clone())
        .param("count", suspicious.len().to_string());
        for s in suspicious {
            finding = finding.evidence(s);
        }
        f.push(finding);
    }
    let spaced: Vec<&String> = file
        .values
        .keys()
        .filter(|k| k.ends_with(' ') || k.contains(' '))
        .collect();
    for k in spaced {
        f.push(
            Finding::of(
                Code::GoenvFileKeyWithSpace,
                format!(
                    "{path}: the key {k:?} contains a space, so go does not see it as {}",
                    k.trim()
                ),
            )
            .param("file", path.clone())
            .param("key", k.as_str())
            .param("name", k.trim()),
        );
    }
    if !file.duplicates.is_empty() {
        f.push(
            Finding::of(
                Code::GoenvFileDuplicates,
                format!(
                    "{path} sets {} more than once; the last line wins",
                    file.duplicates.join(", ")
                ),
            )
            .param("file", path.clone())
            .param("keys", file.duplicates.join(", ")),
        );
    }
}

fn goproxy(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    let value = cfg.get("GOPROXY");
    let list = match &plan.proxy_list {
        Err(e) => {
            f.push(
                Finding::of(
                    Code::GoproxyMalformed,
                    format!("go rejects GOPROXY={:?}: {e}", redact_urls(value)),
                )
                .param("value", value)
                .param("detail", e.to_string())
                .fixes(set_go_env(
                    cfg,
                    "GOPROXY",
                    DEFAULT_GOPROXY,
                    "use a valid list (this is go's default)",
                )),
            );
            return;
        }
        Ok(l) => l,
    };
    let first_real = list
        .specs
        .iter()
        .find(|s| s.entry != ProxyEntry::NoProxy)
        .map(|s| &s.entry);
    match first_real {
        Some(ProxyEntry::Off) => {
            let all_private = !plan.modules.is_empty() && plan.modules.iter().all(|m| m.noproxy);
            f.push(
                Finding::of(
                    Code::GoproxyOff,
                    "GOPROXY=off: go refuses to download any module that is not already in the module cache (only GONOPROXY matches are still fetched directly)",
                )
                .with_severity(if all_private { Severity::Warning } else { Severity::Error })
                .fixes(set_go_env(cfg, "GOPROXY", DEFAULT_GOPROXY, "let go download modules")),
            );
        }
        Some(ProxyEntry::Direct) => f.push(
            Finding::of(Code::GoproxyDirectOnly, "GOPROXY=direct: every module is fetched from its version-control host (git over HTTPS or SSH), which is slower, needs git, and breaks when a repository moves or disappears")
                .fixes(set_go_env(cfg, "GOPROXY", DEFAULT_GOPROXY, "use a module proxy first, direct as the fallback")),
        ),
        _ => {}
    }
    if !list.ignored.is_empty() {
        f.push(
            Finding::of(
                Code::GoproxyEntriesIgnored,
                format!(
                    "go stops reading GOPROXY at `direct` or `off`: {} is never used",
                    list.ignored
                        .iter()
                        .map(|s| redact_urls(s))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .param("entries", list.ignored.join(", ")),
        );
    }
    if let Some(url) = list.urls().find(|u| u.starts_with("http://")) {
        f.push(Finding::of(Code::GoproxyPlainHttp, format!(
            "GOPROXY entry {} uses plain HTTP: module contents travel unencrypted (the checksum database still protects their integrity)",
            redact_urls(url)
        )).param("url", url.to_string()));
    }
    if value.contains('@') && list.urls().any(|u| u.contains('@')) {
        f.push(Finding::of(Code::GoproxyHasCredentials, "a GOPROXY entry carries credentials in its URL (hidden here); go prints them in error messages with the password replaced, and `go env` shows them in full"));
    }
    if list.specs.len() > 1 {
        let has_pipe = list.specs.iter().any(|s| {
            s.fall_through == crate::config::goproxy::FallThrough::AnyError
                && matches!(s.entry, ProxyEntry::Url(_))
        });
        let proxies = list.urls().count();
        if proxies >= 2 && !has_pipe {
            f.push(Finding::of(Code::GoproxyCommaNoFallthrough, "GOPROXY separates proxies with `,`: go moves to the next entry only when a proxy answers 404/410; a proxy that times out or fails stops the download instead of falling through (use `|` to fall through on any error)"));
        }
    }
}

fn gosumdb(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    match &plan.sumdb {
        Err(e) => f.push(
            Finding::of(Code::GosumdbMalformed, format!("go rejects GOSUMDB={:?}: {e}", redact_urls(cfg.get("GOSUMDB"))))
                .param("value", cfg.get("GOSUMDB"))
                .param("detail", e.to_string())
                .fixes(unset_go_env(cfg, "GOSUMDB", "return to the default checksum database, sum.golang.org")),
        ),
        Ok(SumDbSetting::Off) => f.push(
            Finding::of(Code::GosumdbOff, "GOSUMDB=off: go no longer checks downloaded modules against the public checksum database, so a tampered module from a proxy or an intercepted connection goes unnoticed (toolchain downloads still need it)")
                .fixes(unset_go_env(cfg, "GOSUMDB", "turn checksum verification back on"))
                .fix(Remedy::run("exclude only your private modules from verification instead", "go env -w GONOSUMDB=<your private module prefixes>")),
        ),
        Ok(SumDbSetting::Db(_)) => {}
    }
}

fn patterns(cfg: &Config, f: &mut Vec<Finding>) {
    for key in ["GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE"] {
        let Some(s) = cfg.settings.get(key) else {
            continue;
        };
        if s.derived_from.is_some() || s.value.is_empty() {
            continue;
        }
        let v = s.value.as_str();
        if v.split(',').any(|p| p != p.trim()) {
            let fixed: Vec<&str> = v
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            f.push(
                Finding::of(Code::PatternHasSpaces, format!(
                    "{key}={v:?} has spaces around its commas; go does not trim them, so \"{}\" never matches anything",
                    v.split(',').find(|p| p.starts_with(' ') || p.ends_with(' ')).unwrap_or("")
                ))
                .param("key", key)
                .param("value", v)
                .param("pattern", v.split(',').find(|p| p.starts_with(' ') || p.ends_with(' ')).unwrap_or(""))
                .fixes(set_go_env(cfg, key, &fixed.join(","), "remove the spaces")),
            );
        }
        for bad in bad_patterns(v) {
            f.push(Finding::of(
                Code::PatternMalformed,
                format!(
                    "{key} pattern {bad:?} is not a valid glob (path.Match), so go never matches it"
                ),
            )
            .param("key", key)
            .param("pattern", bad.to_string()));
        }
    }
    if cfg.get("GONOPROXY") == "none" && cfg.get("GOPRIVATE").is_empty() {
        f.push(Finding::of(
            Code::GonoproxyNone,
            "GONOPROXY=none: every module goes through GOPROXY, even ones matching GOPRIVATE",
        ));
    }
    let insecure = cfg.get("GOINSECURE");
    if !insecure.is_empty() {
        f.push(
            Finding::of(Code::GoinsecureSet, format!("GOINSECURE={insecure:?}: go fetches matching modules directly over plain HTTP or with TLS verification disabled, open to interception (it does not affect GOPROXY or the checksum database)"))
                .param("value", insecure)
                .fixes(unset_go_env(cfg, "GOINSECURE", "serve those modules over verified HTTPS and remove GOINSECURE")),
        );
    }
    if let Err(e) = parse_govcs(cfg.get("GOVCS")) {
        f.push(
            Finding::of(Code::GovcsMalformed, format!("go rejects GOVCS: {e}"))
                .param("detail", e.to_string())
                .fixes(unset_go_env(cfg, "GOVCS", "fix or remove GOVCS")),
        );
    }
}

fn goflags_and_modules(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    let value = cfg.get("GOFLAGS");
    let flags = GoFlags::parse(value, cfg.rules_version.at_least(1, 21));
    if let Some((code, msg)) = super::predict::fatal_config_error(cfg) {
        match code {
            Code::Go111moduleOff => f.push(
                Finding::of(code, "GO111MODULE=off: go runs in GOPATH mode, so `go mod download` and module downloads are refused")
                    .evidence(msg)
                    .fixes(unset_go_env(cfg, "GO111MODULE", "turn module mode back on")),
            ),
            Code::Go111moduleInvalid => f.push(
                Finding::of(code, format!("GO111MODULE={:?} is not on, off or auto (lower case): every module-aware go command stops", cfg.get("GO111MODULE")))
                    .param("value", cfg.get("GO111MODULE"))
                    .evidence(msg)
                    .fixes(unset_go_env(cfg, "GO111MODULE", "use go's default (module mode)")),
            ),
            Code::GoflagsMalformed => f.push(
                Finding::of(code, if msg.contains("unknown flag") {
                    format!("every go command except `go env` fails: GOFLAGS={value:?} names a flag no go command has")
                } else {
                    format!("every go command except `go env` fails: GOFLAGS={value:?} contains something that is not a flag")
                })
                    .param("value", value)
                    .evidence(msg)
                    .fixes(unset_go_env(cfg, "GOFLAGS", "remove or fix GOFLAGS")),
            ),
            _ => {}
        }
    }
    if let Some(reason) = &plan.vendor_mode {
        f.push(Finding::of(Code::GoflagsModVendor, "go builds from vendor/: no module is downloaded, so GOPROXY and the checksum database are not used (`go mod download` and `go get` still use them)").evidence(reason.clone()));
    }
    if flags.has("insecure") {
        let old = cfg.go.version.as_ref().is_some_and(|v| !v.at_least(1, 17));
        f.push(
            Finding::of(Code::GoflagsInsecure, if old {
                "GOFLAGS contains -insecure: this go skips the checksum database and allows plain HTTP for direct fetches"
            } else {
                "GOFLAGS contains -insecure, which go removed in Go 1.17: `go get` now fails with \"-insecure flag is no longer supported; use GOINSECURE instead\""
            })
            .with_severity(if old { Severity::Warning } else { Severity::Info })
            .param("supported", if old { "true" } else { "false" })
            .fixes(set_go_env(cfg, "GOFLAGS", &flags.flags.iter().filter(|x| x.trim_start_matches('-') != "insecure").cloned().collect::<Vec<_>>().join(" "), "drop -insecure")),
        );
    }
}

fn env_shadowing(cfg: &Config, f: &mut Vec<Finding>) {
    for (key, s) in &cfg.settings {
        if let (Origin::Env, Some(file_value)) = (s.origin, &s.shadowed_file_value) {
            f.push(
                Finding::of(Code::EnvShadowsGoenvFile, format!(
                    "the OS environment sets {key}={:?}, which overrides {:?} from the go/env file: `go env -w {key}=…` will not take effect",
                    redact_urls(&s.value),
                    redact_urls(file_value)
                ))
                .param("key", *key)
                .param("value", s.value.clone())
                .param("file_value", file_value.clone())
                .fix(Remedy::run("use the go/env value by removing the variable from this shell", format!("unset {key}")))
                .fix(Remedy::run("then remove it where it is set", format!("grep -n '{key}' {} 2>/dev/null", profile_files(cfg).join(" ")))),
            );
        }
    }
}

fn http_proxies(cfg: &Config, f: &mut Vec<Finding>) {
    let hp = &cfg.http_proxy;
    if let (Some(http), None) = (&hp.http, &hp.https) {
        f.push(
            Finding::of(Code::HttpProxyWithoutHttpsProxy, format!(
                "{} is set but HTTPS_PROXY is not: go sends https:// requests (every proxy, the checksum database, go-get discovery) directly, not through the proxy",
                http.name
            ))
            .param("key", http.name.to_string())
            .host(http.parsed.as_ref().map(|u| u.hostname().to_owned()).unwrap_or_default())
            .fix(Remedy::run("send https traffic through the same proxy", format!("export HTTPS_PROXY=\"${}\"", http.name))),
        );
    }
    for var in [&hp.http, &hp.https].into_iter().flatten() {
        if let Err(e) = &var.parsed {
            f.push(
                Finding::of(
                    Code::HttpProxyMalformed,
                    format!("go ignores {}: {e}", var.name),
                )
                .param("key", var.name.to_string())
                .param("detail", e.to_string()),
            );
        } else if let Ok(u) = &var.parsed
            && !matches!(u.scheme.as_str(), "http" | "https" | "socks5" | "socks5h")
        {
            f.push(Finding::of(Code::HttpProxySchemeUnsupported, format!("{} uses the scheme {:?}, which go cannot use (http, https, socks5, socks5h)", var.name, u.scheme)).param("key", var.name.to_string()).param("scheme", u.scheme.clone()).host(u.hostname()));
        }
    }
    if let Some((name, v)) = &hp.all_proxy {
        f.push(Finding::of(Code::AllProxyIgnored, format!(
            "{name}={} is set, but go ignores ALL_PROXY (curl and git honour it): go connects directly unless HTTPS_PROXY is set",
            redact_urls(v)
        )).param("key", name.to_string()).param("value", v.clone()).fix(Remedy::run("give go the same proxy", format!("export HTTPS_PROXY=\"${name}\""))));
    }
    for (upper, lower) in &hp.conflicts {
        f.push(
            Finding::of(
                Code::HttpProxyCaseConflict,
                format!("{upper} and {lower} differ; go uses {upper} (curl may use {lower})"),
            )
            .param("key", upper.to_string())
            .param("other", lower.to_string()),
        );
    }
}

fn tls_env(cfg: &Config, f: &mut Vec<Finding>) {
    if let Some(file) = cfg.env.get("SSL_CERT_FILE")
        && !std::path::Path::new(file).is_file()
    {
        f.push(Finding::of(Code::SslCertFileMissing, format!(
                "SSL_CERT_FILE={file} does not exist: it replaces go's list of CA bundles, so unless SSL_CERT_DIR supplies roots every HTTPS connection fails with \"certificate signed by unknown authority\""
            )).param("file", file).fix(Remedy::run("use the system CA bundle again", "unset SSL_CERT_FILE")));
    }
    if let Some(dirs) = cfg.env.get("SSL_CERT_DIR") {
        let missing: Vec<&str> = dirs
            .split(':')
            .filter(|d| !d.is_empty() && !std::path::Path::new(d).is_dir())
            .collect();
        if !missing.is_empty() {
            f.push(
                Finding::of(
                    Code::SslCertDirMissing,
                    format!(
                        "SSL_CERT_DIR lists directories that do not exist: {}",
                        missing.join(", ")
                    ),
                )
                .param("dirs", missing.join(", ")),
            );
        }
    }
}

fn git(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    let first_step_direct = |m: &&crate::plan::ModulePlan| {
        m.route
            .iter()
            .find(|s| !matches!(s, Step::Skipped { .. }))
            .is_some_and(|s| matches!(s, Step::Direct(_)))
    };
    if cfg.git.git.is_none() {
        if let Some(m) = plan.modules.iter().find(first_step_direct) {
            f.push(Finding::of(Code::GitNotFound, format!("git is not on PATH, but go fetches {} directly from its repository, which needs git", m.module)).param("module", m.module.clone()));
        } else if plan
            .modules
            .iter()
            .any(|m| m.route.iter().any(|s| matches!(s, Step::Direct(_))))
        {
            f.push(Finding::of(Code::GitNotFound, "git is not on PATH: the `direct` fallback after the proxies cannot fetch from repositories").with_severity(Severity::Info));
        }
        return;
    }
    if let Some(e) = &cfg.git.error {
        f.push(
            Finding::of(
                Code::GitConfigUnreadable,
                "git could not read its configuration, so git itself will fail in direct mode",
            )
            .evidence(e.clone()),
        );
    }
    for e in cfg.git.ssl_verify_off() {
        f.push(
            Finding::of(Code::GitSslVerifyOff, format!("git config {}=false ({} scope, {}): git skips TLS verification for direct fetches, open to interception", e.key, e.scope, e.origin))
                .param("key", e.key.to_string())
                .param("scope", e.scope.to_string())
                .param("origin", e.origin.to_string())
                .fix(Remedy::run("turn verification back on (install your company CA with http.sslCAInfo if that is why it was off)", format!("git config --{} --unset {}", if e.scope == "local" { "local" } else { &e.scope }, e.key))),
        );
    }
    if let Some(v) = cfg.env.get("GIT_SSL_NO_VERIFY") {
        f.push(
            Finding::of(
                Code::GitSslVerifyOff,
                format!(
                    "GIT_SSL_NO_VERIFY={v} is set: git skips TLS verification for direct fetches"
                ),
            )
            .param("key", "GIT_SSL_NO_VERIFY")
            .param("value", v)
            .fix(Remedy::run(
                "turn verification back on",
                "unset GIT_SSL_NO_VERIFY",
            )),
        );
    }
    for rule in cfg.git.insteadof_rules() {
        let ssh = rule.base.starts_with("ssh://")
            || (!rule.base.contains("://") && rule.base.contains('@') && rule.base.contains(':'));
        if ssh {
            let affected = plan
                .modules
                .iter()
                .filter(|m| {
                    m.route
                        .iter()
                        .any(|s| matches!(s, Step::Direct(d) if d.insteadof_origin.is_some()))
                })
                .count();
            f.push(Finding::of(Code::GitInsteadofSsh, format!(
                "git rewrites {} to {} ({}): direct fetches use SSH, which needs a key loaded for git and TCP port 22 open{}",
                redact_urls(&rule.prefix), redact_urls(&rule.base), rule.origin,
                if affected > 0 { format!("; {affected} planned module(s) go this way") } else { String::new() }
            ))
            .param("prefix", rule.prefix.clone())
            .param("base", rule.base.clone())
            .param("origin", rule.origin.to_string())
            .param("count", affected.to_string()));
        }
    }
    if cfg.env.get("GIT_TERMINAL_PROMPT") == Some("1") {
        f.push(Finding::of(Code::GitTerminalPromptOn, "GIT_TERMINAL_PROMPT=1: go lets git ask for a password, which hangs in CI instead of failing"));
    }
}

fn private_modules(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    let mut hosts: Vec<(&str, &'static str)> = Vec::new();
    for m in &plan.modules {
        if m.private || (m.noproxy && m.nosumdb) {
            continue;
        }
        if let Some(why) = crate::plan::private_hint(&m.host, &cfg.netrc.machines)
            && !hosts.iter().any(|(h, _)| *h == m.host)
        {
            hosts.push((&m.host, why));
        }
    }
    for (host, why) in hosts {
        let patterns = cfg.get("GOPRIVATE");
        let new = if patterns.is_empty() {
            host.to_owned()
        } else {
            format!("{patterns},{host}")
        };
        f.push(
            Finding::of(Code::PrivateModuleNotPrivate, format!(
                "modules from {host} look private ({why}) but match no GOPRIVATE pattern: go sends their paths to the public proxy and checksum database, and fails to verify them (\"reading https://sum.golang.org/lookup/…: 404 Not Found\" or \"410 Gone\")"
            ))
            .host(host)
            .param("host", host)
            .param("reason", why)
            .fixes(set_go_env(cfg, "GOPRIVATE", &new, "mark them private: fetched directly and not sent to the checksum database")),
        );
    }
    // A GONOSUMDB match fetched through the public proxy is allowed but leaks the path.
    let _ = match_prefix_patterns;
}

fn project(cfg: &Config, f: &mut Vec<Finding>) {
    for (path, e) in &cfg.project.read_errors {
        f.push(
            Finding::of(Code::GomodUnreadable, format!("{}: {e}", path.display()))
                .param("file", path.display().to_string())
                .param("detail", e.to_string()),
        );
    }
    if let Some(m) = &cfg.project.gomod
        && let Some(err) = m.errors.first()
    {
        f.push(
            Finding::of(
                Code::GomodUnparsable,
                format!(
                    "go cannot parse {}: line {}: {}",
                    m.path.display(),
                    err.0,
                    err.1
                ),
            )
            .param("file", m.path.display().to_string())
            .param("line", err.0.to_string())
            .param("detail", err.1.to_string())
            .fix(Remedy::run(
                "let go report every problem",
                "go mod edit -json >/dev/null",
            )),
        );
    }
    if let Some(w) = &cfg.project.gowork
        && let Some(err) = w.errors.first()
    {
        f.push(
            Finding::of(
                Code::GoworkUnparsable,
                format!(
                    "go cannot parse {}: line {}: {}",
                    w.path.display(),
                    err.0,
                    err.1
                ),
            )
            .param("file", w.path.display().to_string())
            .param("line", err.0.to_string())
            .param("detail", err.1.to_string()),
        );
    }
    if !cfg.env.non_utf8.is_empty() {
        f.push(
            Finding::of(
                Code::EnvNotUtf8,
                format!(
                    "these environment variables are not valid UTF-8: {}",
                    cfg.env.non_utf8.join(", ")
                ),
            )
            .param("keys", cfg.env.non_utf8.join(", ")),
        );
    }
}
