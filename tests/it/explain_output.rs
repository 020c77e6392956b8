//! `godoctor explain` for every rule it knows, and for text it does not: the text and JSON
//! output in English and Chinese, each compared by insta with
//! `snapshots/explain_every_rule.<lang>.<txt|json>.snap`. The samples reach every rule (each
//! is the first rule its text matches), fill the host and module into commands where go's text
//! names them, and leave the placeholders where it does not.

use crate::support::cli::Cli;

/// One sample of go's error text per rule, in the rules' order, a whole paste, then the
/// unrecognised kinds (the last [`UNRECOGNISED`], which exit with status 1).
const SAMPLES: &[&str] = &[
    "SECURITY ERROR\ngo.sum database server misbehavior detected!",
    "go: x@v1: verifying module: checksum mismatch\n\tdownloaded: h1:a\n\tsum.golang.org: h1:b\n\nSECURITY ERROR\nThis download does NOT match the one reported by the checksum server.",
    "verifying github.com/x/y@v1.0.0: checksum mismatch\n\tdownloaded: h1:a\n\tgo.sum:     h1:b\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.",
    "go: download go1.24.1: golang.org/toolchain@v0.0.1-go1.24.1.linux-amd64: verifying module: checksum database disabled by GOSUMDB=off",
    "go: download go1.99.0 for linux/amd64: toolchain not available",
    "go: go.mod requires go >= 1.99.0 (running go 1.27.3; GOTOOLCHAIN=local)",
    "go: invalid GOTOOLCHAIN \"bash\"",
    "go: invalid toolchain \"bogus\" in go.mod",
    "go: invalid toolchain: go1.99 is a language version but not a toolchain version (go1.99.x)",
    "go: cannot find \"go1.99.3\" in PATH",
    "go: switching to go >= 1.99: no releases found for go >= 1.99",
    "go: too many toolchain switches",
    "go: toolchain go1.27.3 invoked to provide go1.99.0",
    "go: module . listed in go.work file requires go >= 1.26.0, but go.work lists go 1.21; to download and use go 1.26.0:\n\tgo work use",
    "go: errors parsing go.mod:\n/x/go.mod:5: unknown directive: toolchain",
    "go.mod:3: invalid go version '1.22.0': must match format 1.23",
    "go: golang.org/x/text: module lookup disabled by GOPROXY=off",
    "module lookup disabled by -mod=vendor\n\t(Go version in go.mod is at least 1.14 and vendor directory exists.)",
    "go: GOPROXY list is not the empty string, but contains no entries",
    "go: invalid proxy URL missing scheme: foo",
    "go: x@v1: verifying go.mod: missing GOSUMDB",
    "go: x@v1: verifying go.mod: invalid GOSUMDB: malformed verifier id",
    "go: git.corp.example/x@v1.0.0: verifying module: git.corp.example/x@v1.0.0: reading https://sum.golang.org/lookup/git.corp.example/x@v1.0.0: 410 Gone",
    "verifying module: reading https://sum.corp.example/lookup/git.corp.example/x@v1.0.0: 404 Not Found",
    "go: git.corp.example/x@v1.0.0: verifying module: reading https://sum.corp.example/lookup/git.corp.example/x@v1.0.0: 404 Not Found",
    "fatal: could not read Username for 'https://git.corp.example': terminal prompts disabled",
    "fatal: could not read Username: terminal prompts disabled",
    "git@github.com: Permission denied (publickey).",
    "fatal: Could not read from remote repository.",
    "go: corp.example/x@latest: unrecognized import path \"corp.example/x\": https fetch: Get \"https://corp.example/x?go-get=1\": dial tcp: lookup corp.example: no such host",
    "go: GOVCS disallows using git for public github.com/google/go-cmp; see 'go help vcs'",
    "Get \"https://proxy.golang.org/…\": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused",
    "Get \"https://proxy.golang.org/x\": Proxy Authentication Required",
    "Get \"https://proxy.golang.org/x\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
    "x509: certificate has expired or is not yet valid: current time 2026-01-01",
    "Get \"https://proxy.golang.org/x\": x509: certificate is valid for a.example, not proxy.golang.org",
    "x509: failed to load system roots and no roots provided",
    "net/http: TLS handshake timeout",
    "go: golang.org/x/text@v0.3.0: Get \"https://proxy.golang.org/golang.org/x/text/@v/v0.3.0.mod\": dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host",
    "no such host",
    "dial tcp: lookup proxy.golang.org on 10.0.0.2:53: server misbehaving",
    "dial tcp: lookup proxy.golang.org on 10.0.0.2:53: read udp 10.0.0.5:4000->10.0.0.2:53: i/o timeout",
    "dial tcp 1.2.3.4:443: connect: connection refused",
    "Get \"https://proxy.golang.org/x\": read tcp 10.0.0.5:5000->142.250.1.1:443: read: connection reset by peer",
    "go: x@v1: Get \"https://proxy.golang.org/x/@v/v1.mod\": dial tcp 142.250.1.1:443: i/o timeout",
    "dial tcp [2607:f8b0::1]:443: connect: network is unreachable",
    "dial tcp 10.0.0.9:443: connect: no route to host",
    "redirected from secure URL https://a.example/x to insecure URL http://a.example/x",
    "Get \"https://a.example/x\": stopped after 10 redirects",
    "go: m.example/x@v1: reading https://goproxy.corp.example/m.example/x/@v/v1.info: 403 Forbidden",
    "go: rsc.io/quote@v1.999.999: reading https://proxy.golang.org/rsc.io/quote/@v/v1.999.999.info: 404 Not Found",
    "go: rsc.io/quote@v1.999.999: reading https://proxy.golang.org/rsc.io/quote/@v/v1.999.999.info: 410 Gone",
    "go: rsc.io/quote@v1.5.2: refusing to pass credentials to insecure URL: http://alice:xxxxx@goproxy.corp.example/rsc.io/quote/@v/v1.5.2.info",
    "go: unknown environment setting GO111MODULE=yes",
    "go: modules disabled by GO111MODULE=off; see 'go help modules'",
    "go: parsing $GOFLAGS: non-flag \"x\"",
    "go: bad/path@latest: malformed module path \"bad/path\": missing dot in first path element",
    "go: github.com/golang/term@86186f3: invalid version: unknown revision 86186f3",
    // A whole paste: chatter, a Docker prefix, CRLF, two failures (one for two modules).
    "#12 1.234 go: downloading a.example/m v1.0.0\r\n#12 1.3 go: a.example/m@v1.0.0: reading https://goproxy.cn/a.example/m/@v/v1.0.0.mod: 429 Too Many Requests\r\n#12 1.3 go: b.example/n@v1.2.0: reading https://goproxy.cn/b.example/n/@v/v1.2.0.mod: 429 Too Many Requests\r\n#12 1.4 verifying c.example/o@v0.1.0: c.example/o@v0.1.0: reading https://goproxy.cn/sumdb/sum.golang.org/lookup/c.example/o@v0.1.0: 502 Bad Gateway\r\n",
    "something odd happened",
    "weird at https://foo.example/x",
    "go: a.example/m@v1: weird",
];

const UNRECOGNISED: usize = 3;

fn run(lang: &str, json: bool) -> String {
    let mut all = String::new();
    for (i, sample) in SAMPLES.iter().enumerate() {
        let tmp = tempfile::tempdir().unwrap();
        let mut args = vec!["--lang", lang, "explain"];
        if json {
            args.push("--json");
        }
        args.push(sample);
        let out = Cli::godoctor()
            .home(tmp.path())
            .path(tmp.path())
            .cwd(tmp.path())
            .args(args)
            .run();
        let want = if i + UNRECOGNISED >= SAMPLES.len() {
            1
        } else {
            0
        };
        assert_eq!(out.code(), Some(want), "{sample}: {}", out.text());
        assert!(out.stderr.is_empty(), "{sample}: {}", out.text());
        all.push_str(&format!("=== {sample:?}\n{}", out.stdout_text()));
    }
    all
}

fn check(lang: &str, json: bool) {
    let out = run(lang, json);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let name = format!(
        "explain_every_rule.{lang}.{}",
        if json { "json" } else { "txt" }
    );
    settings.bind(|| insta::assert_snapshot!(name, out));
}

#[test]
fn en_text() {
    check("en", false);
}

#[test]
fn zh_text() {
    check("zh", false);
}

#[test]
fn en_json() {
    check("en", true);
}

#[test]
fn zh_json() {
    check("zh", true);
}

/// Standard input that is not UTF-8 (a Windows console's code page) is read, not refused.
#[test]
fn stdin_is_read_lossily() {
    let tmp = tempfile::tempdir().unwrap();
    let mut input = b"\xb4\xed\xce\xf3: ".to_vec();
    input.extend_from_slice(
        b"go: a.example/m@v1.0.0: Get \"https://proxy.golang.org/a.example/m/@v/v1.0.0.mod\": dial tcp 142.250.1.1:443: connect: connection refused\r\n",
    );
    let out = Cli::godoctor()
        .home(tmp.path())
        .path(tmp.path())
        .cwd(tmp.path())
        .args(["explain", "--json"])
        .stdin(input)
        .run();
    assert_eq!(out.code(), Some(0), "{}", out.text());
    let v = out.json();
    assert_eq!(v["layer"], "tcp");
    assert_eq!(v["host"], "proxy.golang.org");
}

/// `explain --probe` runs the one probe the text leaves open — for a reset, the TLS handshake of
/// the host that reset — and nothing else: here a lab server that resets after the ClientHello.
#[test]
fn probe_runs_the_deciding_probe_of_the_host_the_text_names() {
    use crate::lab::{Behavior, CertKind, Lab};
    let lab = Lab::new();
    let addr = lab.https(
        "reset.lab.test",
        CertKind::Lab,
        Behavior::ResetAfterClientHello,
    );
    let tmp = tempfile::tempdir().unwrap();
    let text = format!(
        "go: example.com/m@v1.0.0: Get \"https://{addr}/example.com/m/@v/list\": read tcp 127.0.0.1:40000->{addr}: read: connection reset by peer"
    );
    let out = Cli::godoctor()
        .home(tmp.path())
        .path(tmp.path())
        .cwd(tmp.path())
        .args(["explain", "--probe", "--timeout", "5s", &text])
        .run();
    let shown = out.stdout_text();
    let probed = shown
        .split_once(&format!("the tls probe of {addr}:"))
        .unwrap_or_else(|| panic!("no probe section: {}", out.text()))
        .1;
    // The handshake itself was tried and reset; no other host was probed.
    assert!(probed.contains("tls ✗ reset after ClientHello"), "{probed}");
    let targets: Vec<&str> = probed
        .lines()
        .filter(|l| l.starts_with("  ✗ ") || l.starts_with("  ✓ "))
        .collect();
    assert_eq!(targets.len(), 1, "{probed}");
    assert!(targets[0].contains(&format!("https://{addr}/")), "{probed}");
}

/// The same pastes explained for each shell (`--shell`, else `$SHELL`): every command in that
/// shell's syntax — fish's `set -gx`, PowerShell's `$env:` and `_netrc`, cmd's `set` and `%…%`.
#[test]
fn commands_in_each_shell() {
    const PASTES: &[&str] = &[
        "go: git.corp.example/team/lib@v1.0.0: git ls-remote -q origin in /home/u/go/pkg/mod/cache/vcs/0a1b: exit status 128:\n\tfatal: could not read Username for 'https://git.corp.example': terminal prompts disabled",
        "go: downloading go1.22.0 (linux/amd64)\ngo: download go1.22.0: golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64.zip: verifying module: checksum database disabled by GOSUMDB=off",
        "go: a.example/m@v1.0.0: Get \"https://proxy.golang.org/a.example/m/@v/v1.0.0.mod\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
        "go: golang.org/x/text@v0.3.0: Get \"https://proxy.golang.org/golang.org/x/text/@v/v0.3.0.mod\": dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host",
        "go: download go1.21 for linux/amd64: toolchain not available",
    ];
    let tmp = tempfile::tempdir().unwrap();
    let mut all = String::new();
    for shell in ["posix", "fish", "powershell", "cmd"] {
        for paste in PASTES {
            let out = Cli::godoctor()
                .home(tmp.path())
                .path(tmp.path())
                .cwd(tmp.path())
                .args(["explain", "--shell", shell, paste])
                .run();
            assert_eq!(out.code(), Some(0), "{paste}: {}", out.text());
            all.push_str(&format!(
                "=== {shell}: {}\n",
                paste.lines().last().unwrap_or("")
            ));
            all.push_str(&out.stdout_text());
            if shell == "powershell" || shell == "cmd" {
                let json = Cli::godoctor()
                    .home(tmp.path())
                    .path(tmp.path())
                    .cwd(tmp.path())
                    .args(["explain", "--json", "--shell", shell, paste])
                    .run()
                    .json();
                let commands = json["remediation"].as_array().unwrap().iter();
                for c in commands.filter_map(|r| r["command"].as_str()) {
                    for posix in ["export ", "unset ", "~/.netrc", "sudo ", "$(go"] {
                        assert!(
                            !c.contains(posix) || (shell == "powershell" && posix == "$(go"),
                            "{shell}: {c}"
                        );
                    }
                }
            }
        }
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!("explain_shells", all));

    // Without --shell: the login shell's syntax.
    let out = Cli::godoctor()
        .home(tmp.path())
        .path(tmp.path())
        .cwd(tmp.path())
        .env("SHELL", "/usr/bin/fish")
        .args(["explain", PASTES[4]])
        .run();
    assert!(
        out.stdout_text()
            .contains("\n  env GOTOOLCHAIN=local go mod tidy\n"),
        "{}",
        out.text()
    );
}
