//! One check per rule: a case's input through godoctor's own function (or its whole offline
//! pipeline, where go's answer is a command's error), compared with what go's test wants.

use std::time::Duration;

use regex::Regex;
use serde_json::Value;

use crate::config::env::Environment;
use crate::config::goversion::GoVersion;
use crate::config::toolchain::{self, Decision, Gover, Lines, Refusal};
use crate::config::{
    Config, LoadOptions, goauth, goflags, golines, gomod, gourl, gover, http_proxy, modpath, netrc,
    patterns,
};

type Verdict = Result<(), String>;

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_default()
}

fn agree<T: PartialEq + std::fmt::Debug>(got: T, want: T) -> Verdict {
    if got == want {
        Ok(())
    } else {
        Err(format!("{got:?}"))
    }
}

fn matches(pattern: &str, text: &str) -> Verdict {
    let re = Regex::new(pattern).map_err(|e| format!("bad pattern: {e}"))?;
    if text.lines().any(|l| re.is_match(l)) || re.is_match(text) {
        Ok(())
    } else {
        Err(text.to_owned())
    }
}

/// x/net/http/httpproxy's ProxyForURL, useProxy and FromEnvironment tables.
pub fn http_proxy(go: &GoVersion, input: &Value, want: &Value) -> Verdict {
    if let Some(env) = input["env"].as_object() {
        let pairs: Vec<(&str, &str)> = env
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default()))
            .collect();
        let c = http_proxy::HttpProxyConfig::from_env_for(&Environment::from_pairs(pairs), go);
        fn raw(v: &Option<http_proxy::ProxyVar>) -> &str {
            v.as_ref().map_or("", |v| v.raw.expose())
        }
        let got = (
            raw(&c.http),
            raw(&c.https),
            c.no_proxy.as_ref().map_or("", |(_, v)| v.expose()),
            c.cgi,
        );
        let wanted = (
            s(want, "http_proxy"),
            s(want, "https_proxy"),
            s(want, "no_proxy"),
            want["cgi"].as_bool().unwrap_or(false),
        );
        return agree(got, wanted);
    }
    if let Some(addr) = input["addr"].as_str() {
        let env = Environment::from_pairs([("NO_PROXY", s(input, "no_proxy"))]);
        let c = http_proxy::HttpProxyConfig::from_env_for(&env, go);
        return agree(c.use_proxy_addr(addr), want["use_proxy"].as_bool().unwrap());
    }
    let mut pairs = vec![
        ("HTTP_PROXY", s(input, "http_proxy")),
        ("HTTPS_PROXY", s(input, "https_proxy")),
        ("NO_PROXY", s(input, "no_proxy")),
    ];
    if input["cgi"].as_bool() == Some(true) {
        pairs.push(("REQUEST_METHOD", "GET"));
    }
    let c = http_proxy::HttpProxyConfig::from_env_for(&Environment::from_pairs(pairs), go);
    let url = gourl::parse(s(input, "req")).map_err(|e| format!("request URL: {}", e.reason))?;
    let got = match c.proxy_result(&url) {
        Ok(p) => (p.map(|u| u.to_string()), None),
        Err(e) => (None, Some(e.to_owned())),
    };
    agree(
        got,
        (
            want["proxy"].as_str().map(str::to_owned),
            want["error"].as_str().map(str::to_owned),
        ),
    )
}

/// module.MatchPrefixPatterns.
pub fn patterns(_: &GoVersion, input: &Value, want: &Value) -> Verdict {
    agree(
        patterns::match_prefix_patterns(s(input, "globs"), s(input, "target")),
        want["match"].as_bool().unwrap(),
    )
}

/// module.CheckPath and CheckImportPath.
pub fn module_path(_: &GoVersion, input: &Value, want: &Value) -> Verdict {
    let path = s(input, "path");
    agree(
        (
            modpath::check_module_path(path).is_ok(),
            modpath::check_import_path(path).is_ok(),
        ),
        (
            want["check_path"].as_bool().unwrap(),
            want["check_import_path"].as_bool().unwrap(),
        ),
    )
}

/// parseGOVCS and govcsConfig.allow (TestGOVCS, TestGOVCSErrors).
pub fn govcs(_: &GoVersion, input: &Value, want: &Value) -> Verdict {
    let parsed = goflags::parse_govcs(s(input, "govcs"));
    if let Some(needle) = want["error_contains"].as_str() {
        return match parsed {
            Err(e) if e.contains(needle) => Ok(()),
            other => Err(format!("{other:?}")),
        };
    }
    let rules = parsed.map_err(|e| e.to_string())?;
    agree(
        goflags::govcs_allows(
            &rules,
            s(input, "path"),
            input["private"].as_bool().unwrap(),
            s(input, "vcs"),
        ),
        want["allow"].as_bool().unwrap(),
    )
}

/// The settings of a script test, read by `Config::load` (no go, no git on PATH), for `go`.
fn config(go: &GoVersion, pairs: &[(&str, &str)]) -> Config {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec![("HOME", "/nonexistent-home")];
    all.extend_from_slice(pairs);
    let mut cfg = Config::load(
        Environment::from_pairs(all),
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: Duration::from_secs(2),
        },
    );
    cfg.rules_version = go.clone();
    cfg
}

/// govcs.txt: `go get M` with GOPROXY=direct, predicted offline as the canary `M@v1.0.0`. The
/// script's `go: [pkg: ]` prefix names go get's query; the rest is go's words, compared.
pub fn govcs_script(go: &GoVersion, input: &Value, want: &Value) -> Verdict {
    let cfg = config(
        go,
        &[
            ("GOVCS", s(input, "govcs")),
            ("GOPRIVATE", s(input, "goprivate")),
            ("GOPROXY", s(input, "goproxy")),
        ],
    );
    let module = s(input, "get");
    let plan = crate::plan::Plan::build(&cfg, &[format!("{module}@v1.0.0")]);
    let d = crate::diagnose::diagnose_offline(&cfg, &plan);
    let m = d.outcome.modules.first().ok_or("no module planned")?;
    let error = m.error.clone().unwrap_or_else(|| "predicted ok".into());
    let pattern = s(want, "stderr_matches");
    let core = pattern
        .trim_start_matches("^go: ")
        .trim_start_matches(&format!("{module}: "));
    matches(core, &error)
}

/// cmd/go/internal/auth's parseNetrc.
pub fn netrc(_: &GoVersion, input: &Value, want: &Value) -> Verdict {
    let got: Vec<Vec<String>> = netrc::logins(s(input, "netrc"))
        .into_iter()
        .map(|l| vec![l.machine.clone(), l.login.clone(), l.password.clone()])
        .collect();
    let wanted: Vec<Vec<String>> = serde_json::from_value(want["lines"].clone()).unwrap();
    agree(got, wanted)
}

/// gover.Compare, IsLang, IsValid, Parse and FromToolchain.
pub fn gover(_: &GoVersion, input: &Value, want: &Value) -> Verdict {
    let x = s(input, "x");
    match s(input, "fn") {
        "compare" => agree(
            gover::compare(x, s(input, "y")) as i64,
            want["cmp"].as_i64().unwrap(),
        ),
        "is_lang" => agree(
            Gover::parse(x).is_some_and(|v| v.is_lang()),
            want["bool"].as_bool().unwrap(),
        ),
        "is_valid" => agree(Gover::parse(x).is_some(), want["bool"].as_bool().unwrap()),
        "parse" => {
            let got = Gover::parse(x).map_or_else(
                || vec![String::new(); 5],
                |v| vec![v.major, v.minor, v.patch, v.kind, v.pre],
            );
            agree(
                got,
                serde_json::from_value(want["version"].clone()).unwrap(),
            )
        }
        "from_toolchain" => agree(
            toolchain::from_toolchain(x).map_or(String::new(), |v| v.to_string()),
            s(want, "version").to_owned(),
        ),
        f => Err(format!("unknown function {f}")),
    }
}

/// toolchain.newerToolchain.
pub fn newer_toolchain(_: &GoVersion, input: &Value, want: &Value) -> Verdict {
    let need = Gover::parse(s(input, "need")).ok_or("bad need")?;
    // A nil list in Go is null here.
    let list: Vec<Gover> = input["list"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|v| Gover::parse(v.as_str()?))
        .collect();
    agree(
        toolchain::newer_toolchain(&need, &list).unwrap_or_default(),
        s(want, "out").to_owned(),
    )
}

/// modfile.Parse (strict) and ParseLax on go and toolchain lines.
pub fn gomod_lines(go: &GoVersion, input: &Value, want: &Value) -> Verdict {
    let m = gomod::parse(s(input, "gomod"), false);
    let problems: Vec<(usize, String)> = match s(input, "mode") {
        "strict" => m
            .errors
            .iter()
            .cloned()
            .chain(golines::problems(&m, golines::Mode::Strict, go))
            .collect(),
        _ => golines::problems(&m, golines::Mode::Lax, go),
    };
    if problems.is_empty() == want["ok"].as_bool().unwrap() {
        Ok(())
    } else if problems.is_empty() {
        Err("accepted".into())
    } else {
        Err(format!("{problems:?}"))
    }
}

/// gotoolchain_local.txt: which toolchain `go version` runs, and `go build`'s refusal.
pub fn gotoolchain(_: &GoVersion, input: &Value, want: &Value) -> Verdict {
    let local_name = s(input, "local");
    let local = toolchain::from_toolchain(local_name).ok_or("bad local version")?;
    let lines = (input["go"].is_string() || input["toolchain"].is_string()).then(|| Lines {
        file: s(input, "file").to_owned(),
        go: input["go"].as_str().map(str::to_owned),
        toolchain: input["toolchain"].as_str().map(str::to_owned),
    });
    let decision = toolchain::decide(s(input, "gotoolchain"), &local, lines.as_ref());
    let command = s(input, "command");
    let outcome: Result<String, String> = match decision {
        Decision::Local => Ok(local_name.to_owned()),
        Decision::Switch { target, .. } => Ok(target),
        // `go version` loads no module: go.mod's go line cannot stop it.
        Decision::Refuse(Refusal::TooNew, _) if command == "version" => Ok(local_name.to_owned()),
        // Reports prefix go's `go: ` where the decision leaves it out.
        Decision::Refuse(_, e) if e.starts_with("go: ") => Err(e),
        Decision::Refuse(_, e) => Err(format!("go: {e}")),
    };
    match (outcome, want["ok"].as_bool().unwrap()) {
        (Ok(ran), true) => matches(s(want, "stdout_matches"), &ran),
        (Err(e), false) => matches(s(want, "stderr_matches"), &e),
        (Ok(ran), false) => Err(format!("ran {ran}")),
        (Err(e), true) => Err(e),
    }
}

/// goauth_*.txt: GOAUTH values go refuses.
pub fn goauth(go: &GoVersion, input: &Value, want: &Value) -> Verdict {
    match goauth::refusal(s(input, "goauth"), go) {
        Some(e) => matches(s(want, "stderr_matches"), &e),
        None => Err("accepted".into()),
    }
}
