//! Every remediation godoctor attaches to an observed failure, and the wrapping that
//! `set_go_env`/`unset_go_env` add, as the report shows it in English and Chinese (command
//! included), compared by insta with `tests/it/snapshots/remediation_every_code.snap`; every
//! catalog text is Chinese in Chinese.

use std::time::Duration;

use crate::config::env::Environment;
use crate::config::{Config, LoadOptions};
use crate::diagnose::remedy::{set_go_env, unset_go_env};
use crate::diagnose::{Code, Finding, Remedy};
use crate::i18n::Lang;
use crate::probe::evidence::{Certificate, TlsEvidence};
use crate::probe::{Evidence, LayerName, LayerResult, Role, Target, TargetContext};
use crate::text;

fn cfg(pairs: &[(&str, &str)]) -> Config {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec![("HOME", "/nonexistent-home"), ("PATH", "/nonexistent-bin")];
    all.extend_from_slice(pairs);
    Config::load(
        Environment::from_pairs(all),
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: Duration::from_secs(2),
        },
    )
}

/// A target whose every layer passed; its TLS layer shows a chain issued by `issuer`.
fn passed(role: Role, url: &str, proxy: Option<&str>, issuer: Option<&str>) -> Target {
    let ms = Duration::from_millis(5);
    let chain = issuer
        .map(|i| Certificate::Parsed {
            subject: "CN=leaf".into(),
            issuer: i.into(),
            not_before: "2025-01-01".into(),
            not_after: "2030-01-01".into(),
            sans: Vec::new(),
        })
        .into_iter()
        .collect();
    let tls = TlsEvidence {
        sni: "x".into(),
        chain,
        negotiated: None,
        bytes_received: None,
        first_bytes: None,
        public_roots_accept: None,
        clock_hint: None,
    };
    Target {
        url: url.to_owned(),
        role,
        host: crate::config::gourl::parse(url)
            .unwrap()
            .hostname()
            .to_owned(),
        via_proxy: None,
        layers: vec![
            LayerResult::ok(LayerName::Dns, ms, Evidence::empty()),
            LayerResult::ok(LayerName::Tcp, ms, Evidence::empty()),
            LayerResult::ok(LayerName::Tls, ms, tls),
            LayerResult::ok(LayerName::Http, ms, Evidence::empty()),
        ],
        context: Some(TargetContext {
            proxy: proxy.map(str::to_owned),
            ..TargetContext::default()
        }),
        git: None,
    }
}

fn han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn show(out: &mut String, remedies: &[Remedy]) {
    for r in remedies {
        let zh = Lang::Zh.remedy(r);
        assert!(han(&zh), "{}: {zh}", r.description);
        out.push_str(&format!("  en: {}\n", Lang::En.remedy(r)));
        out.push_str(&format!("  zh: {}\n", Lang::Zh.remedy(r)));
        if let Some(c) = &r.command {
            out.push_str(&format!("  $ {c}\n"));
        }
    }
}

#[test]
fn every_remediation_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let goenv = dir.path().join("env");
    std::fs::write(&goenv, "GOPROXY=https://a.example,https://b.example\n").unwrap();
    let goenv = goenv.display().to_string();
    let healthy = || {
        vec![
            passed(
                Role::Proxy,
                "https://b.example/m/@v/list",
                Some("https://b.example"),
                None,
            ),
            passed(
                Role::Proxy,
                "https://git.corp/m/@v/list",
                None,
                Some("CN=Corp Security CA"),
            ),
        ]
    };
    let scenarios: Vec<(&str, Config, Vec<Target>, &str)> = vec![
        (
            "defaults, nothing passed",
            cfg(&[]),
            Vec::new(),
            "h.example",
        ),
        (
            "GOPROXY from the OS environment, ALL_PROXY, a healthy mirror, zsh",
            cfg(&[
                ("GOPROXY", "https://a.example,https://b.example"),
                ("ALL_PROXY", "socks5://s.example:1080"),
                ("HTTPS_PROXY", "http://proxy.corp:3128"),
                ("SHELL", "/bin/zsh"),
            ]),
            healthy(),
            "git.corp",
        ),
        (
            "GOPROXY from the go/env file, a healthy mirror, fish",
            cfg(&[("GOENV", goenv.as_str()), ("SHELL", "/usr/bin/fish")]),
            healthy(),
            "git.corp",
        ),
    ];
    let mut out = String::new();
    for (name, c, targets, host) in &scenarios {
        out.push_str(&format!("##### {name}\n"));
        for &code in Code::ALL {
            let mut f = Finding::of(code, text!("finding-go-words", words = "x")).host(*host);
            super::attach(c, targets, &mut f);
            if f.remediation.is_empty() {
                continue;
            }
            out.push_str(&format!("{code}\n"));
            show(&mut out, &f.remediation);
        }
    }
    out.push_str("##### set_go_env / unset_go_env\n");
    for (name, c) in [
        ("env", cfg(&[("GOPROXY", "off"), ("GOSUMDB", "off")])),
        ("default", cfg(&[])),
    ] {
        out.push_str(&format!("{name}\n"));
        show(
            &mut out,
            &set_go_env(
                &c,
                "GOPROXY",
                "https://proxy.golang.org,direct",
                text!("remedy-restore-default"),
            ),
        );
        show(
            &mut out,
            &unset_go_env(&c, "GOSUMDB", text!("remedy-verification-back-on")),
        );
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!("remediation_every_code", out));
}

#[test]
fn windows_shells_install_the_ca_in_the_users_store() {
    for (shell, command) in [
        (
            "/usr/bin/pwsh",
            r"Import-Certificate -FilePath company-ca.crt -CertStoreLocation Cert:\CurrentUser\Root",
        ),
        ("/bin/bash", "sudo cp company-ca.crt"),
    ] {
        let c = cfg(&[("SHELL", shell)]);
        let mut f = Finding::of(
            Code::TlsUnknownIssuerInterception,
            text!("finding-go-words", words = "x"),
        )
        .host("proxy.golang.org");
        super::attach(&c, &[], &mut f);
        let commands: Vec<&str> = f
            .remediation
            .iter()
            .filter_map(|r| r.command.as_deref())
            .collect();
        assert!(
            commands.iter().any(|c| c.starts_with(command)),
            "{shell}: {commands:?}"
        );
        assert_eq!(
            commands.iter().any(|c| c.contains("SSL_CERT_FILE")),
            !shell.ends_with("pwsh"),
            "{shell}: {commands:?}"
        );
    }
}

/// A step that changes nothing is no fix: not `export GOPROXY=<its value>`, not `go env -u` of
/// a key nobody set.
#[test]
fn no_step_that_changes_nothing() {
    let c = cfg(&[("GOPROXY", "https://goproxy.cn,direct")]);
    let same = set_go_env(
        &c,
        "GOPROXY",
        "https://goproxy.cn,direct",
        text!("remedy-restore-default"),
    );
    assert!(same.is_empty(), "{same:?}");
    let unset_default = unset_go_env(&c, "GOSUMDB", text!("remedy-verification-back-on"));
    assert!(unset_default.is_empty(), "{unset_default:?}");
    let other = set_go_env(
        &c,
        "GOPROXY",
        "https://proxy.golang.org,direct",
        text!("remedy-restore-default"),
    );
    assert_eq!(
        other[0].command.as_deref(),
        Some("export GOPROXY=https://proxy.golang.org,direct")
    );
}
