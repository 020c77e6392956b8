//! Which rule go's texts reach, what is read off them, and that every rule speaks both
//! languages from the catalogs (ids named after the code, texts in Chinese, commands kept out
//! of the catalogs so they never change). The exact output of every rule is in
//! tests/it/snapshots/explain_every_rule.*.snap.

use super::rules::{self, Check};
use super::*;
use crate::config::shell::{Distro, Os, Target};

/// The commands of an explanation's fixes.
fn fix_commands(e: &Explanation) -> Vec<&str> {
    e.remediation
        .iter()
        .filter_map(|r| r.command.as_deref())
        .collect()
}

/// A table command as bash on Debian reads it, placeholders unfilled.
fn posix(make: rules::Command) -> String {
    make().render(Target::new(Shell::Posix, Os::Unix, Distro::Debian))
}

fn code(text: &str) -> Option<Code> {
    explain(text).top().code
}

// Every error shape of docs/go/semantics.md §9 and docs/go/toolchains.md.
#[test]
fn recognises_go_error_texts() {
    let cases: &[(&str, Code)] = &[
        (
            "go: golang.org/x/text@v0.3.0: Get \"https://proxy.golang.org/golang.org/x/text/@v/v0.3.0.mod\": dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host",
            Code::DnsNxdomain,
        ),
        (
            "dial tcp: lookup proxy.golang.org on 10.0.0.2:53: server misbehaving",
            Code::DnsServfail,
        ),
        (
            "dial tcp: lookup proxy.golang.org on 10.0.0.2:53: read udp 10.0.0.5:4000->10.0.0.2:53: i/o timeout",
            Code::DnsTimeout,
        ),
        (
            "go: x@v1: Get \"https://proxy.golang.org/x/@v/v1.mod\": dial tcp 142.250.1.1:443: i/o timeout",
            Code::TcpBlackhole,
        ),
        (
            "dial tcp 1.2.3.4:443: connect: connection refused",
            Code::TcpRefused,
        ),
        (
            "Get \"https://proxy.golang.org/x\": read tcp 10.0.0.5:5000->142.250.1.1:443: read: connection reset by peer",
            Code::TcpReset,
        ),
        (
            "Get \"https://proxy.golang.org/…\": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused",
            Code::ProxyUnreachable,
        ),
        (
            "Get \"https://proxy.golang.org/x\": Proxy Authentication Required",
            Code::ProxyAuthRequired,
        ),
        (
            "Get \"https://proxy.golang.org/x\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
            Code::TlsUnknownIssuerInterception,
        ),
        (
            "x509: certificate has expired or is not yet valid: current time 2026-01-01",
            Code::TlsExpired,
        ),
        (
            "x509: certificate is valid for a.example, not proxy.golang.org",
            Code::TlsNameMismatch,
        ),
        (
            "x509: failed to load system roots and no roots provided",
            Code::TlsNoRoots,
        ),
        ("net/http: TLS handshake timeout", Code::TlsHandshakeTimeout),
        (
            "go: rsc.io/quote@v1.999.999: reading https://proxy.golang.org/rsc.io/quote/@v/v1.999.999.info: 404 Not Found",
            Code::ModuleNotFound,
        ),
        (
            "go: git.corp.example/x@v1.0.0: verifying module: git.corp.example/x@v1.0.0: reading https://sum.golang.org/lookup/git.corp.example/x@v1.0.0: 410 Gone",
            Code::PrivateModuleNotPrivate,
        ),
        (
            "verifying github.com/x/y@v1.0.0: checksum mismatch\n\tdownloaded: h1:a\n\tgo.sum:     h1:b\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.",
            Code::GosumMismatch,
        ),
        (
            "go: x@v1: verifying module: checksum mismatch\n\tdownloaded: h1:a\n\tsum.golang.org: h1:b\n\nSECURITY ERROR\nThis download does NOT match the one reported by the checksum server.",
            Code::SumdbChecksumMismatch,
        ),
        (
            "SECURITY ERROR\ngo.sum database server misbehavior detected!",
            Code::SumdbMisbehavior,
        ),
        (
            "go: golang.org/x/text: module lookup disabled by GOPROXY=off",
            Code::GoproxyOff,
        ),
        (
            "go: GOPROXY list is not the empty string, but contains no entries",
            Code::GoproxyMalformed,
        ),
        (
            "go: invalid proxy URL missing scheme: foo",
            Code::GoproxyMalformed,
        ),
        (
            "go: x@v1: verifying go.mod: missing GOSUMDB",
            Code::GosumdbMalformed,
        ),
        (
            "go: x@v1: verifying go.mod: invalid GOSUMDB: malformed verifier id",
            Code::GosumdbMalformed,
        ),
        (
            "fatal: could not read Username for 'https://git.corp.example': terminal prompts disabled",
            Code::VcsAuthRequired,
        ),
        (
            "go: corp.example/x@latest: unrecognized import path \"corp.example/x\": https fetch: Get \"https://corp.example/x?go-get=1\": dial tcp: lookup corp.example: no such host",
            Code::DnsNxdomain,
        ),
        (
            "go: GOVCS disallows using git for public github.com/google/go-cmp; see 'go help vcs'",
            Code::GovcsDisallowed,
        ),
        (
            "go: download go1.24.1: golang.org/toolchain@v0.0.1-go1.24.1.linux-amd64: verifying module: checksum database disabled by GOSUMDB=off",
            Code::ToolchainNeedsSumdb,
        ),
        (
            "go: download go1.99.0 for linux/amd64: toolchain not available",
            Code::ToolchainUnavailable,
        ),
        (
            "go: go.mod requires go >= 1.99.0 (running go 1.27.3; GOTOOLCHAIN=local)",
            Code::ToolchainLocalTooOld,
        ),
        (
            "go: errors parsing go.mod:\n/x/go.mod:5: unknown directive: toolchain",
            Code::GoTooOldForGomod,
        ),
        ("go: invalid GOTOOLCHAIN \"bash\"", Code::GotoolchainInvalid),
        (
            "go: invalid toolchain \"bogus\" in go.mod",
            Code::GomodToolchainInvalid,
        ),
        (
            "go: invalid toolchain: go1.99 is a language version but not a toolchain version (go1.99.x)",
            Code::GomodToolchainInvalid,
        ),
        (
            "go: cannot find \"go1.99.3\" in PATH",
            Code::ToolchainNotInPath,
        ),
        (
            "go: switching to go >= 1.99: no releases found for go >= 1.99",
            Code::ToolchainUnavailable,
        ),
        ("go: too many toolchain switches", Code::ToolchainSwitchLoop),
        (
            "go: toolchain go1.27.3 invoked to provide go1.99.0",
            Code::ToolchainMarkerLeaked,
        ),
        (
            "go: module . listed in go.work file requires go >= 1.26.0, but go.work lists go 1.21; to download and use go 1.26.0:\n\tgo work use",
            Code::GoworkGoTooOld,
        ),
        (
            "go.mod:3: invalid go version '1.22.0': must match format 1.23",
            Code::GoTooOldForGomod,
        ),
        (
            "go: modules disabled by GO111MODULE=off; see 'go help modules'",
            Code::Go111moduleOff,
        ),
        (
            "go: parsing $GOFLAGS: non-flag \"x\"",
            Code::GoflagsMalformed,
        ),
        (
            "module lookup disabled by -mod=vendor\n\t(Go version in go.mod is at least 1.14 and vendor directory exists.)",
            Code::GoflagsModVendor,
        ),
        (
            "go: bad/path@latest: malformed module path \"bad/path\": missing dot in first path element",
            Code::ModulePathMalformed,
        ),
        (
            "go: github.com/golang/term@86186f3: invalid version: unknown revision 86186f3",
            Code::VcsUnknownRevision,
        ),
        (
            "redirected from secure URL https://a/x to insecure URL http://a/x",
            Code::HttpRedirectInsecure,
        ),
        ("stopped after 10 redirects", Code::HttpRedirectLoop),
    ];
    for (text, want) in cases {
        assert_eq!(code(text), Some(*want), "{text}");
    }
}

#[test]
fn hosts_and_modules() {
    let e = explain(
        "go: golang.org/x/text@v0.3.0: Get \"https://proxy.golang.org/x\": dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host",
    ).top().clone();
    assert_eq!(e.host.as_deref(), Some("proxy.golang.org"));
    assert_eq!(e.module.as_deref(), Some("golang.org/x/text@v0.3.0"));
    let e = explain("dial tcp [2607:f8b0::1]:443: i/o timeout")
        .top()
        .clone();
    assert_eq!(e.host.as_deref(), Some("2607:f8b0::1"));
    let e = explain(
        "$ go mod download\ngo: example.com/m@v1.0.0: Get \"https://p.example/x\": dial tcp 10.0.0.1:443: i/o timeout",
    ).top().clone();
    assert_eq!(e.host.as_deref(), Some("p.example"));
    assert_eq!(e.module.as_deref(), Some("example.com/m@v1.0.0"));
    let e = explain(
        "Get \"https://u:p@proxy.corp.example/x\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
    ).top().clone();
    assert_eq!(e.host.as_deref(), Some("proxy.corp.example"));
}

#[test]
fn unknown_text_is_not_an_error() {
    let e = explain("something odd happened").top().clone();
    assert!(!e.matched);
    assert!(e.code.is_none());
}

fn han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every id a rule names exists in both catalogs and says where it belongs:
/// `explain-<code-kebab>[-<variant>]-<part>`, checks and fixes numbered by their position.
#[test]
fn every_rule_names_its_messages_after_its_code() {
    use crate::i18n::{Lang, has};
    for rule in rules::all() {
        let prefix = format!("explain-{}", rule.code.kebab());
        let base = rule
            .summary
            .strip_suffix("-summary")
            .unwrap_or_else(|| panic!("{}: summary id {}", rule.code, rule.summary));
        assert!(base.starts_with(&prefix), "{}: {base}", rule.code);
        let mut ids = vec![(rule.summary.to_owned(), rule.summary)];
        ids.push((format!("{base}-meaning"), rule.meaning));
        for (n, check) in rule.checks.iter().enumerate() {
            if let Check::Text(id) = *check {
                ids.push((format!("{base}-check-{}", n + 1), id));
            }
        }
        for (n, (id, _)) in rule.fixes.iter().enumerate() {
            ids.push((format!("{base}-fix-{}", n + 1), id));
        }
        for (want, id) in ids {
            assert_eq!(want, id, "{}", rule.code);
            for lang in [Lang::En, Lang::Zh] {
                assert!(has(lang, id), "{lang:?} catalog lacks {id}");
            }
        }
    }
}

/// godoctor's own words are Chinese in `--lang zh`; commands are not in the catalogs at all.
#[test]
fn every_rule_speaks_chinese_and_keeps_commands_as_they_are() {
    use crate::i18n::Lang;
    const COMMANDS: &[&str] = &[
        "go ",
        "git ",
        "cat ",
        "env ",
        "curl ",
        "ssh ",
        "getent ",
        "nslookup ",
        "ip ",
        "ls ",
        "echo ",
        "date ",
        "timedatectl ",
        "godoctor check",
        "vendor/",
        "grep ",
        "openssl ",
        "command ",
        "ssh-keyscan ",
    ];
    for rule in rules::all() {
        let code = rule.code;
        for id in [rule.summary, rule.meaning] {
            let zh = super::message(id).render(Lang::Zh);
            assert!(han(&zh), "{code}: {id} = {zh}");
        }
        for check in rule.checks {
            match *check {
                Check::Text(id) => {
                    let zh = super::message(id).render(Lang::Zh);
                    assert!(han(&zh), "{code}: {id} = {zh}");
                }
                Check::Command(make) => {
                    let c = posix(make);
                    assert!(
                        COMMANDS.iter().any(|p| c.starts_with(p)) && !c.contains(" ("),
                        "{code}: check {c:?} is a sentence: give it a catalog id"
                    )
                }
            }
        }
        for (id, _) in rule.fixes {
            let zh = super::message(id).render(Lang::Zh);
            assert!(han(&zh), "{code}: {id} = {zh}");
        }
    }
    let e = explain("dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host")
        .top()
        .clone();
    for lang in [Lang::En, Lang::Zh] {
        let checks: Vec<String> = e.checks.iter().map(|c| c.render(lang)).collect();
        assert!(
            checks
                .contains(&"getent hosts proxy.golang.org || nslookup proxy.golang.org".to_owned()),
            "{checks:?}"
        );
    }
    for text in [
        "something odd happened",
        "weird at https://foo.example/x",
        "go: a.example/m@v1: weird",
    ] {
        let e = explain(text).top().clone();
        let (summary, meaning) = (e.summary.render(Lang::Zh), e.meaning.render(Lang::Zh));
        assert!(
            han(&summary) && han(&meaning),
            "{text}: {summary} {meaning}"
        );
    }
}

/// A checksum mismatch with go.sum gets check's remedy (remove the lines, fetch again,
/// verified), never `go mod tidy` nor turning verification off; no answer's only fix is
/// "run godoctor check".
#[test]
fn fixes_that_fit() {
    let e = explain(
        "verifying github.com/x/y@v1.0.0: checksum mismatch\n\tdownloaded: h1:a\n\tgo.sum:     h1:b\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.",
    );
    let commands = fix_commands(e.top());
    assert!(
        commands
            .iter()
            .any(|c| c.contains("go get github.com/x/y@v1.0.0")),
        "{commands:?}"
    );
    for c in &commands {
        assert!(
            !c.contains("go mod tidy") && !c.contains("GOSUMDB=off") && !c.contains("GOINSECURE"),
            "{c}"
        );
    }
    let e = explain("go: download go1.21 for linux/amd64: toolchain not available");
    let commands = fix_commands(e.top());
    assert!(commands.contains(&"go mod edit -go=1.21.0"), "{commands:?}");
    assert!(
        commands.iter().any(|c| c.contains("GOTOOLCHAIN=local")),
        "{commands:?}"
    );
    for rule in rules::all() {
        assert!(
            !rule
                .fixes
                .iter()
                .any(|(_, c)| c.is_some_and(|c| posix(c).starts_with("godoctor check"))),
            "{}",
            rule.id
        );
    }
}

/// Several errors: one entry each, the same failure for several modules counted once, in
/// the order go printed them.
#[test]
fn pastes_are_grouped_in_order() {
    let e = explain(
        "go: downloading a.example/m v1.0.0\n\
         go: a.example/m@v1.0.0: reading https://goproxy.cn/a.example/m/@v/v1.0.0.mod: 429 Too Many Requests\n\
         go: b.example/n@v1.0.0: reading https://goproxy.cn/b.example/n/@v/v1.0.0.mod: 429 Too Many Requests\n\
         go: c.example/o@v1.0.0: Get \"https://proxy.golang.org/c.example/o/@v/v1.0.0.mod\": dial tcp: lookup proxy.golang.org on 10.0.0.2:53: server misbehaving\n",
    );
    assert_eq!(e.errors.len(), 2);
    assert_eq!(e.errors[0].count, 2);
    assert_eq!(e.errors[0].code, Some(Code::HttpStatus));
    assert_eq!(e.errors[1].code, Some(Code::DnsServfail));
}

/// A value with `|`, `;`, `&` or `<`/`>` in it is quoted: unquoted, a shell would run
/// `go env -w GOVCS=public:git` and pipe it into a command named `hg,private:all`.
#[test]
fn fix_commands_quote_values_a_shell_would_split() {
    for rule in rules::all() {
        for (id, command) in rule.fixes {
            let Some(command) = command else { continue };
            let command = posix(*command);
            // `<host>`-style placeholders are for the user to replace.
            let mut plain = command.clone();
            while let (Some(a), Some(b)) = (plain.find('<'), plain.find('>')) {
                if b < a {
                    break;
                }
                plain.replace_range(a..=b, "X");
            }
            for word in plain.split_whitespace() {
                let assignment = word.split_once('=').is_some_and(|(k, _)| {
                    !k.is_empty() && k.chars().all(|c| c.is_ascii_uppercase() || c == '_')
                });
                assert!(
                    !(assignment && word.contains(['|', ';', '&', '<', '>'])),
                    "{id}: {command}"
                );
            }
        }
    }
}

/// Every command of the table, in every shell: PowerShell and cmd get none of a POSIX shell's
/// syntax or tools, fish none of its assignments or command substitutions.
#[test]
fn table_commands_are_written_for_each_shell() {
    let posix_only = [
        "export ",
        "unset ",
        "/dev/null",
        "~/",
        "sudo ",
        "grep ",
        "printf ",
        "rm -f",
    ];
    for rule in rules::all() {
        let checks = rule.checks.iter().filter_map(|c| match *c {
            Check::Command(make) => Some(make),
            Check::Text(_) => None,
        });
        let fixes = rule.fixes.iter().filter_map(|(_, make)| *make);
        for make in checks.chain(fixes) {
            for os in [Os::Unix, Os::MacOs] {
                let fish = make().render(Target::new(Shell::Fish, os, Distro::Debian));
                for bad in ["export ", "unset ", "$("] {
                    assert!(!fish.contains(bad), "{}: fish: {fish}", rule.id);
                }
                let first = fish.split_whitespace().next().unwrap_or("");
                assert!(
                    !first.contains('=') || first.starts_with('-'),
                    "{}: fish has no `VAR=value cmd` before 3.1: {fish}",
                    rule.id
                );
            }
            for shell in [Shell::Powershell, Shell::Cmd] {
                let line = make().render(Target::new(shell, Os::Windows, Distro::Other));
                for bad in posix_only {
                    assert!(!line.contains(bad), "{}: {shell:?}: {line}", rule.id);
                }
                // PowerShell has `$(…)` too; cmd has no command substitution at all.
                if shell == Shell::Cmd {
                    assert!(!line.contains("$("), "{}: {line}", rule.id);
                }
                if shell == Shell::Powershell {
                    // Windows PowerShell 5.1 has neither `&&` nor `||`.
                    assert!(
                        !line.contains("&&") && !line.contains("||"),
                        "{}: {line}",
                        rule.id
                    );
                }
            }
        }
    }
}

/// A paste explained for PowerShell: the fixes are PowerShell's, the placeholders filled.
#[test]
fn explained_for_powershell() {
    let e = explain_for(
        "go: module git.corp.example/team/lib: git ls-remote -q origin in /home/u/go/pkg/mod/cache/vcs/x: exit status 128:\n\tfatal: could not read Username for 'https://git.corp.example': terminal prompts disabled",
        Shell::Powershell,
    );
    let commands = fix_commands(e.top());
    assert!(
        commands
            .iter()
            .any(|c| c.starts_with("Add-Content -Path \"$HOME\\_netrc\" -Value 'machine git.corp.example login USER password TOKEN'")),
        "{commands:?}"
    );
    assert!(
        !commands.iter().any(|c| c.contains("~/.netrc")),
        "{commands:?}"
    );
}
