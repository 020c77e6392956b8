//! The Chinese of every real finding of the configuration rules keeps what the English says:
//! every setting name, value and verbatim detail, and the commands' names in the remediation.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Duration;

use super::{list, run};
use crate::config::env::Environment;
use crate::config::git::GitEntry;
use crate::config::goversion::GoVersion;
use crate::config::{Config, LoadOptions};
use crate::diagnose::{Code, Finding};
use crate::i18n::{Lang, Text};
use crate::plan::{Plan, PrivateHint};
use crate::redact::redact_urls;
use crate::text;

use crate::i18n::shared_checks::{NAMES, han};

/// Params that are not shown as they are: selectors, counts, reasons said in words, and values
/// the Chinese leaves out (i18n/zh-CN/findings-config.ftl says which).
const NOT_QUOTED: &[&str] = &["supported", "reason", "url", "count", "gotoolchain"];

/// A setup to run the rules on.
struct Setup {
    /// `{dir}` in a value is the setup's own directory.
    env: &'static [(&'static str, &'static str)],
    /// Files under the directory; `bin/…` files are executable.
    files: &'static [(&'static str, &'static [u8])],
    canary: &'static str,
    /// What cannot be arranged with files alone (an installed go, git's configuration).
    tweak: fn(&mut Config),
}

const fn env(env: &'static [(&'static str, &'static str)]) -> Setup {
    Setup {
        env,
        files: &[],
        canary: "git.corp/x@v1.0.0",
        tweak: |_| {},
    }
}

const GOENV: &[u8] = b"GOPROXY=https://goproxy.cn\r\nGOSUMDB=off\r\nfoo bar\nGOPRIVATE=a\nGOPRIVATE=b\nGONOPROXY =x\nGONOSUMDB=\xff\n";
const TOO_NEW: &[(&str, &[u8])] = &[("go.mod", b"module m\n\ngo 1.99.0\n")];

fn go_at(cfg: &mut Config, version: &str) {
    cfg.go.path = Some(PathBuf::from("/opt/go/bin/go"));
    cfg.go.version_string = Some(version.to_owned());
    cfg.go.version = GoVersion::parse(version);
    cfg.rules_version = GoVersion::parse(version).unwrap();
}

fn git_entry(key: &str, value: &str) -> GitEntry {
    GitEntry {
        scope: "global".into(),
        origin: "file:/home/u/.gitconfig".into(),
        key: key.into(),
        value: Some(value.into()),
    }
}

fn setups() -> Vec<Setup> {
    vec![
        env(&[("GOPROXY", "off")]),
        env(&[("GOPROXY", "off"), ("GOPRIVATE", "git.corp")]),
        env(&[("GOPROXY", "direct")]),
        env(&[("GOPROXY", "direct,https://x.example,https://y.example")]),
        env(&[("GOPROXY", "foo")]),
        env(&[("GOPROXY", "http://u:p@plain.example,https://b.example")]),
        env(&[("GOSUMDB", "off")]),
        env(&[("GOSUMDB", "bogus+key")]),
        env(&[("GOPRIVATE", "git.corp.example, github.com/acme")]),
        env(&[("GONOSUMDB", "[bad")]),
        env(&[("GONOPROXY", "none")]),
        env(&[("GOINSECURE", "x.example"), ("GOFLAGS", "-insecure")]),
        env(&[("GOVCS", "bad")]),
        env(&[("GO111MODULE", "off")]),
        env(&[("GO111MODULE", "bogus")]),
        env(&[("GOFLAGS", "x")]),
        env(&[("GOFLAGS", "-mod=vendor")]),
        env(&[("GOENV", "off")]),
        env(&[("HOME", ""), ("XDG_CONFIG_HOME", "")]),
        Setup {
            files: &[("env", GOENV)],
            ..env(&[("GOENV", "{dir}/env")])
        },
        Setup {
            files: &[(
                "env",
                b"GOPROXY=https://file.example\nGOSUMDB=sum.golang.org\n",
            )],
            ..env(&[
                ("GOENV", "{dir}/env"),
                ("GOPROXY", "https://u:p@env.example|direct"),
                ("GOSUMDB", "off"),
                ("GOINSECURE", "x.example"),
            ])
        },
        env(&[("HTTP_PROXY", "http://10.0.0.1:3128")]),
        env(&[("HTTPS_PROXY", "ftp://proxy.example:21")]),
        env(&[("HTTPS_PROXY", "u:secret@p corp:1")]),
        env(&[
            ("ALL_PROXY", "socks5://s:1"),
            ("https_proxy", "http://h:1"),
            ("HTTPS_PROXY", "http://h2:2"),
        ]),
        Setup {
            tweak: |cfg| {
                cfg.git.git = Some("/usr/bin/git".into());
                cfg.git.error = Some("fatal: bad config line 1 in file /home/u/.gitconfig".into());
                cfg.git.entries = vec![
                    git_entry("http.sslverify", "false"),
                    git_entry("url.git@git.corp:.insteadof", "https://git.corp/"),
                ];
            },
            ..env(&[
                ("GOPROXY", "direct"),
                ("SSL_CERT_FILE", "/nope"),
                ("SSL_CERT_DIR", "/nope1:/nope2"),
                ("GIT_SSL_NO_VERIFY", "1"),
                ("GIT_TERMINAL_PROMPT", "1"),
            ])
        },
        Setup {
            canary: "10.1.2.3/x@v1.0.0",
            ..env(&[("GOPROXY", "direct,off")])
        },
        Setup {
            canary: "gitlab/x@v1.0.0",
            ..env(&[])
        },
        Setup {
            canary: "git.example.com/x@v1.0.0",
            files: &[(
                "home/.netrc",
                b"machine git.example.com login a password b\n",
            )],
            ..env(&[])
        },
        Setup {
            files: &[("go.mod", b"module m\n\ngo 1.21\n\nrequire (\n  oops\n")],
            tweak: |cfg| {
                cfg.project.read_errors.push((
                    "/p/go.work".into(),
                    "read /p/go.work: permission denied".into(),
                ));
                cfg.goenv_read_error = Some("open /p/env: permission denied".into());
                cfg.env.non_utf8 = vec!["FOO".into(), "BAR".into()];
            },
            ..env(&[])
        },
        Setup {
            files: &[
                ("go.mod", b"module m\n\ngo 1.21\n"),
                ("go.work", b"go 1.21\n\nfoo bar\n"),
            ],
            ..env(&[])
        },
        Setup {
            files: TOO_NEW,
            ..env(&[("GOTOOLCHAIN", "local")])
        },
        Setup {
            files: TOO_NEW,
            ..env(&[("GOTOOLCHAIN", "auto"), ("GOSUMDB", "off")])
        },
        Setup {
            files: TOO_NEW,
            ..env(&[("GOTOOLCHAIN", "path")])
        },
        Setup {
            files: TOO_NEW,
            ..env(&[("GOTOOLCHAIN", "bogus")])
        },
        Setup {
            files: &[("go.mod", b"module m\n\ngo 1.21.0\n\ntoolchain bogus\n")],
            ..env(&[])
        },
        Setup {
            files: &[
                ("go.mod", b"module m\n\ngo 1.99.0\n"),
                ("bin/go1.99.0", b"#!/bin/sh\n"),
            ],
            ..env(&[("PATH", "{dir}/bin"), ("GOTOOLCHAIN", "auto")])
        },
        Setup {
            tweak: |cfg| {
                go_at(cfg, "go1.12");
                cfg.go.error = Some("`go env -json` failed (exit status: 2)".into());
            },
            ..env(&[("GOFLAGS", "-insecure")])
        },
        Setup {
            tweak: |cfg| {
                go_at(cfg, "go1.14");
                let s = cfg.settings.get_mut("GOPRIVATE").unwrap();
                s.value = crate::redact::Sensitive::urls("https://u:p@go.example");
            },
            ..env(&[("GOPROXY", "https://a.example|https://b.example")])
        },
        Setup {
            files: &[("go.mod", b"module m\n\ngo 1.21.0\n\ntoolchain go1.21.0\n")],
            tweak: |cfg| go_at(cfg, "go1.19"),
            ..env(&[])
        },
        Setup {
            tweak: |cfg| {
                go_at(cfg, "go1.22.0");
                cfg.go.goflags_error = Some("go: parsing $GOFLAGS: unknown flag -foo".into());
            },
            ..env(&[("GOFLAGS", "-foo")])
        },
    ]
}

/// The findings of one setup, with the host and params as reports show them.
fn findings(setup: &Setup) -> Vec<Finding> {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    std::fs::create_dir_all(dir.path().join("home")).unwrap();
    for (name, content) in setup.files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        if name.starts_with("bin/") {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    let mut pairs = vec![
        ("HOME".to_owned(), format!("{d}/home")),
        ("PATH".to_owned(), "/nonexistent-bin".to_owned()),
    ];
    for (k, v) in setup.env {
        pairs.retain(|(n, _)| n != k);
        pairs.push(((*k).to_owned(), v.replace("{dir}", &d)));
    }
    let mut cfg = Config::load(
        Environment::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: Duration::from_secs(2),
        },
    );
    (setup.tweak)(&mut cfg);
    let plan = Plan::build(&cfg, &[setup.canary.to_owned()]);
    run(&cfg, &plan)
}

fn all_findings() -> Vec<Finding> {
    setups().iter().flat_map(findings).collect()
}

/// What a report shows for a catalog text.
fn shown(text: &Text, lang: Lang) -> String {
    redact_urls(&text.render(lang))
}

/// The Chinese message of a real finding keeps every name, value and verbatim detail.
fn check_real(f: &Finding) {
    let en = redact_urls(&f.message);
    let zh = shown(&f.text, Lang::Zh);
    assert!(han(&zh), "{}: {zh}", f.code);
    assert_eq!(shown(&f.text, Lang::En), en, "{}", f.code);
    for n in NAMES {
        if en.contains(n) {
            assert!(zh.contains(n), "{}: {n:?} lost in {zh}", f.code);
        }
    }
    for (k, v) in &f.params {
        if NOT_QUOTED.contains(k) {
            continue;
        }
        assert!(
            zh.contains(v.as_str())
                || zh.contains(&format!("{v:?}"))
                || zh.contains(&v.replace(", ", "、")),
            "{}: {k}={v:?} lost in {zh}",
            f.code
        );
    }
    if let Some(d) = f.params.get("detail") {
        assert!(en.contains(d.as_str()), "{}: {d}", f.code);
        assert!(
            zh.ends_with(&format!("。原始错误：{d}")),
            "{}: {zh}",
            f.code
        );
    }
    // godoctor's own words use full-width punctuation around Chinese text.
    let own: String = zh
        .split("原始错误：")
        .next()
        .unwrap_or("")
        .split(['"', '`'])
        .step_by(2)
        .collect();
    for bad in ["):", "), ", "; ", ". "] {
        assert!(!own.contains(bad), "{}: {bad:?} in {own}", f.code);
    }
}

#[test]
fn chinese_findings_keep_names_values_and_go_words() {
    let mut seen = BTreeSet::new();
    for f in all_findings() {
        check_real(&f);
        seen.insert(f.code);
    }
    use Code::*;
    let every_rule = [
        GoNotFound,
        GoEnvFailed,
        ConfigModelMismatch,
        GoTooOldForProxy,
        GoTooOldForPipe,
        GoenvOff,
        GoenvUnavailable,
        GoenvFileUnreadable,
        GoenvFileCrlf,
        GoenvFileNotUtf8,
        GoenvFileIgnoredLines,
        GoenvFileKeyWithSpace,
        GoenvFileDuplicates,
        EnvShadowsGoenvFile,
        GoproxyMalformed,
        GoproxyOff,
        GoproxyDirectOnly,
        GoproxyEntriesIgnored,
        GoproxyPlainHttp,
        GoproxyHasCredentials,
        GoproxyCommaNoFallthrough,
        GosumdbMalformed,
        GosumdbOff,
        PatternHasSpaces,
        PatternMalformed,
        GonoproxyNone,
        GoinsecureSet,
        GovcsMalformed,
        PrivateModuleNotPrivate,
        Go111moduleOff,
        Go111moduleInvalid,
        GoflagsMalformed,
        GoflagsModVendor,
        GoflagsInsecure,
        HttpProxyWithoutHttpsProxy,
        HttpProxyMalformed,
        HttpProxySchemeUnsupported,
        AllProxyIgnored,
        HttpProxyCaseConflict,
        SslCertFileMissing,
        SslCertDirMissing,
        GitNotFound,
        GitConfigUnreadable,
        GitSslVerifyOff,
        GitInsteadofSsh,
        GitTerminalPromptOn,
        GomodUnreadable,
        GomodUnparsable,
        GoworkUnparsable,
        EnvNotUtf8,
        GoTooOldForGomod,
        ToolchainLocalTooOld,
        GotoolchainInvalid,
        GomodToolchainInvalid,
        ToolchainSwitch,
        ToolchainNotInPath,
        ToolchainNeedsSumdb,
    ];
    let missing: Vec<&Code> = every_rule.iter().filter(|c| !seen.contains(c)).collect();
    assert!(missing.is_empty(), "no setup produces {missing:?}");
}

#[test]
fn no_message_drops_the_detail() {
    let mut with_detail = BTreeSet::new();
    for f in all_findings() {
        if let Some(d) = f.params.get("detail") {
            let zh = shown(&f.text, Lang::Zh);
            assert!(
                zh.ends_with(&format!("。原始错误：{d}")),
                "{}: {zh}",
                f.code
            );
            with_detail.insert(f.code);
        }
    }
    assert_eq!(with_detail.len(), 9, "{with_detail:?}");
}

#[test]
fn chinese_remedies_keep_names_and_commands() {
    let mut checked = 0;
    let mut from_os_env = 0;
    for f in all_findings() {
        for r in &f.remediation {
            let en = redact_urls(&r.description);
            let zh = shown(&r.text, Lang::Zh);
            assert!(han(&zh), "{}: {zh}", f.code);
            assert_eq!(shown(&r.text, Lang::En), en);
            for n in NAMES
                .iter()
                .chain(&["GONOSUMDB", "-insecure", "go.mod", "PATH"])
            {
                if en.contains(n) {
                    assert!(zh.contains(n), "{}: {n:?} lost in {zh}", f.code);
                }
            }
            if en.contains("comes from the OS environment") || en.contains("is set in the OS") {
                assert!(zh.contains("操作系统环境变量"), "{zh}");
                from_os_env += 1;
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} remedies");
    assert!(
        from_os_env >= 3,
        "only {from_os_env} remedies for OS variables"
    );
}

#[test]
fn variants_say_what_the_rule_meant() {
    for hint in [
        PrivateHint::IpAddress,
        PrivateHint::NoDot,
        PrivateHint::InternalDomain,
        PrivateHint::NetrcCredentials,
    ] {
        let t = text!(
            "finding-private-module-not-private",
            host = "h",
            reason = super::sumdb_private::hint_key(hint)
        );
        assert!(
            t.render(Lang::En).starts_with(&format!(
                "modules from h look private ({}) but",
                hint.as_str()
            )),
            "{hint:?}"
        );
    }
    let ssh = |count: usize| {
        text!(
            "finding-git-insteadof-ssh",
            prefix = "https://g/",
            base = "git@g:",
            origin = "o",
            count = count
        )
    };
    assert!(ssh(0).render(Lang::En).ends_with("TCP port 22 open"));
    assert!(
        ssh(2)
            .render(Lang::En)
            .ends_with("TCP port 22 open; 2 planned module(s) go this way")
    );
    assert!(ssh(0).render(Lang::Zh).ends_with("TCP 22 端口"));
    assert!(
        ssh(2)
            .render(Lang::Zh)
            .ends_with("TCP 22 端口；计划中有 2 个模块走这条路线")
    );
}

#[test]
fn lists_are_joined_the_way_each_language_joins_them() {
    let t = text!(
        "finding-ssl-cert-dir-missing",
        dirs = list(&["/a", "/b", "/c"])
    );
    assert!(t.render(Lang::En).ends_with(": /a, /b, /c"));
    assert!(t.render(Lang::Zh).ends_with("：/a、/b、/c"));
    let one = text!("finding-ssl-cert-dir-missing", dirs = list(&["/a"]));
    assert!(one.render(Lang::Zh).ends_with("：/a"));
}

#[test]
fn a_private_looking_module_kept_from_the_database_is_private_enough_behind_a_private_proxy() {
    let codes = |e: &'static [(&'static str, &'static str)]| -> Vec<Code> {
        findings(&env(e)).into_iter().map(|f| f.code).collect()
    };
    // Public proxy: the path still goes to proxy.golang.org.
    assert!(codes(&[]).contains(&Code::PrivateModuleNotPrivate));
    assert!(codes(&[("GONOSUMDB", "git.corp")]).contains(&Code::PrivateModuleNotPrivate));
    // A company proxy and GONOSUMDB: no public service learns the path.
    assert!(
        !codes(&[
            ("GOPROXY", "https://goproxy.corp.internal,direct"),
            ("GONOSUMDB", "git.corp")
        ])
        .contains(&Code::PrivateModuleNotPrivate)
    );
    // Without GONOSUMDB the database still does.
    assert!(
        codes(&[("GOPROXY", "https://goproxy.corp.internal,direct")])
            .contains(&Code::PrivateModuleNotPrivate)
    );
}

#[test]
fn a_crlf_go_env_file_is_not_called_spaces_around_commas() {
    let setup = Setup {
        files: &[(
            "env",
            b"GONOSUMDB=corp.example\r\nGOPRIVATE=a.example, b.example\n",
        )],
        ..env(&[("GOENV", "{dir}/env")])
    };
    let codes: Vec<(Code, Option<String>)> = findings(&setup)
        .into_iter()
        .map(|f| (f.code, f.params.get("key").cloned()))
        .collect();
    assert!(
        codes.iter().any(|(c, _)| *c == Code::GoenvFileCrlf),
        "{codes:?}"
    );
    // The real spaces are still found, the CR is not taken for one.
    let spaced: Vec<_> = codes
        .iter()
        .filter(|(c, _)| *c == Code::PatternHasSpaces)
        .map(|(_, k)| k.as_deref())
        .collect();
    assert_eq!(spaced, [Some("GOPRIVATE")], "{codes:?}");
}
