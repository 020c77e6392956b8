//! The scenarios: a world (sites, DNS, firewall, squid), go's environment, and what must
//! happen. `{KEY}` / `{WRONGKEY}` in an env value stand for the lab checksum-database key and a
//! key of the same name that did not sign the tree.
//!
//! Every public name resolves to a 127.0.0.x address in this lab. An address no public name
//! can have is only evidence — split-horizon DNS answers public names with an internal
//! mirror's address — so TCP and TLS faults on public hosts keep their own layer, as on the
//! corporate hosts (`*.acme.corp`). DNS_POISONED (layer `dns`) needs a corroborating signal:
//! here, the blocker's answer 0.0.0.0, where nothing listens.
//!
//! Failures on the checksum-database route are layer `sumdb` and failures on the `direct`
//! route (go-get discovery, git) are layer `vcs`, whatever the network layer underneath, as
//! the contract's layer table says ("sumdb: … unreachable", "vcs: … host unreachable"); the
//! network detail is in the code and summary.
//!
//! The toolchain scenarios (`toolchain/…`) give go.mod a go or toolchain line newer than any
//! local go and run go with GOTOOLCHAIN=auto (the others keep the tier's GOTOOLCHAIN=local):
//! a go ≥ 1.21 then downloads the stand-in go1.99.0 from the lab's proxies, verifies it with the
//! lab checksum database and runs it. go1.19 never switches; what it does instead (a parse
//! error for `go 1.99.0` and `toolchain`, a plain download for `go 1.99`) is its own
//! expectation.

mod modules;

use super::assets::{Cert, PRIVATE, PUBLIC};
use super::world::{BLACKHOLE_IP, Behavior, Dns, Fw, NOTHING_IP, Site};

#[derive(Clone, Debug, PartialEq)]
pub struct Expect {
    pub ok: bool,
    pub layer: Option<&'static str>,
    pub host: Option<&'static str>,
    /// `root_cause.code`, where the scenario pins it.
    pub code: Option<&'static str>,
    /// Words go's stderr must contain (the message that proves the lab did what it was built
    /// for).
    pub go_says: Option<&'static str>,
}

impl Expect {
    pub fn root(&self) -> String {
        match (self.layer, self.host) {
            (None, _) if self.ok => "-".into(),
            (l, h) => format!(
                "{}/{}{}",
                l.unwrap_or("?"),
                h.unwrap_or("-"),
                self.code.map(|c| format!(" {c}")).unwrap_or_default()
            ),
        }
    }
}

/// The go and toolchain lines of the scenario's go.mod.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GoLines {
    /// `go 1.19`: no toolchain switch anywhere.
    Go119,
    /// `go 1.99`, a language version: go ≥ 1.21 switches to go1.99.0 (`.0` appended); go1.19
    /// accepts it without a word (go1.19.8: exit 0, empty stderr, the modules downloaded).
    Lang199,
    /// `go 1.99.0`: go1.19 cannot parse a three-part go line.
    Release1990,
    /// `go 1.21` and `toolchain go1.99.0`: go1.19 does not know the directive.
    ToolchainLine,
    /// `go 1.21`, and a required module whose go.mod says `go 1.99`: go ≥ 1.21 starts locally
    /// and switches in the middle of `go mod download`, choosing from
    /// `golang.org/toolchain/@v/list`; go1.19 downloads the module without a word.
    DependencyNeedsNewer,
    /// `go 1.21`, and a required module at go 1.16 that requires the one needing go 1.99: the
    /// pruned graph reads that go.mod through it, and go switches (or fails) there too.
    GraphDependencyNeedsNewer,
}

impl GoLines {
    pub fn text(self) -> &'static str {
        match self {
            GoLines::Go119 => "go 1.19\n",
            GoLines::Lang199 => "go 1.99\n",
            GoLines::Release1990 => "go 1.99.0\n",
            GoLines::ToolchainLine => "go 1.21\n\ntoolchain go1.99.0\n",
            GoLines::DependencyNeedsNewer | GoLines::GraphDependencyNeedsNewer => "go 1.21\n",
        }
    }
}

/// go.sum as the scenario writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GoSum {
    /// No go.sum.
    None,
    /// Both lines of every required module, with the hashes the lab serves.
    Complete,
    /// Complete, but the first required module's `/go.mod` line has a hash nobody serves (the
    /// proxy and the checksum database agree with each other, not with go.sum).
    WrongGoModLine,
}

/// What godoctor must say about one module (`outcome.modules[]`) or one import
/// (`outcome.imports[]`).
#[derive(Clone, Debug, PartialEq)]
pub struct Judged {
    /// The module path (matched as `path@…`) or the package.
    pub path: &'static str,
    pub predicted: &'static str,
    /// `via`, where pinned (a GOPROXY entry URL or `direct`).
    pub via: Option<&'static str>,
}

/// A known disagreement between godoctor and real go (godoctor's src/ is wrong): the row's
/// godoctor assertions are reported, not failed, while it lasts; once godoctor agrees the
/// entry fails the tier until it is removed.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    /// The go it applies to: `go1.19`, `current` (any other go), or None: every go.
    pub go: Option<&'static str>,
    pub why: &'static str,
}

pub struct Scenario {
    pub name: &'static str,
    pub sites: Vec<(&'static str, Site)>,
    pub dns: Vec<(&'static str, Dns)>,
    pub fw: Vec<Fw>,
    pub squid: bool,
    pub env: Vec<(&'static str, &'static str)>,
    /// ~/.netrc with the private git server's credentials.
    pub netrc: bool,
    /// Lines of the user go/env file (settings `godoctor fix` may rewrite; OS variables win).
    pub goenv: Vec<(&'static str, &'static str)>,
    /// `godoctor fix --apply` must make a following `go mod download` succeed.
    pub fix: bool,
    pub gomod: GoLines,
    /// The modules go.mod requires (at the lab's version of each).
    pub requires: Vec<&'static str>,
    pub gosum: GoSum,
    /// Files of the main module besides go.mod and go.sum (`main.go`).
    pub files: Vec<(&'static str, String)>,
    /// go's arguments (`mod download`, `mod tidy`, `get M@V`).
    pub go_args: Vec<&'static str>,
    /// godoctor is told the command (`check -- go …`); else it must predict it.
    pub named_command: bool,
    pub modules: Vec<Judged>,
    pub imports: Vec<Judged>,
    pub expect: Expect,
    /// What must happen with go1.19 where it differs from `expect` (it never switches).
    pub expect_old: Option<Expect>,
    pub disagrees: Vec<Disagreement>,
}

fn sc(name: &'static str) -> Scenario {
    Scenario {
        name,
        sites: Vec::new(),
        dns: Vec::new(),
        fw: Vec::new(),
        squid: false,
        env: Vec::new(),
        netrc: false,
        goenv: Vec::new(),
        fix: false,
        gomod: GoLines::Go119,
        requires: vec![PUBLIC],
        gosum: GoSum::None,
        files: Vec::new(),
        go_args: vec!["mod", "download"],
        named_command: false,
        modules: Vec::new(),
        imports: Vec::new(),
        expect: Expect::ok(),
        expect_old: None,
        disagrees: Vec::new(),
    }
}

/// A toolchain scenario: these go.mod lines and GOTOOLCHAIN=auto.
fn tc(name: &'static str, lines: GoLines) -> Scenario {
    let mut s = sc(name).env("GOTOOLCHAIN", "auto");
    s.gomod = lines;
    s
}

impl Expect {
    fn ok() -> Expect {
        Expect {
            ok: true,
            layer: None,
            host: None,
            code: None,
            go_says: None,
        }
    }
}

impl Scenario {
    fn env(mut self, k: &'static str, v: &'static str) -> Self {
        self.env.push((k, v));
        self
    }
    fn goproxy(self, v: &'static str) -> Self {
        self.env("GOPROXY", v)
    }
    fn site(mut self, host: &'static str, s: Site) -> Self {
        self.sites.push((host, s));
        self
    }
    fn behave(self, host: &'static str, b: Behavior) -> Self {
        self.site(host, Site::new(b))
    }
    fn cert(self, host: &'static str, cert: Cert) -> Self {
        let mut s = super::world::default_site(host).unwrap();
        s.cert = cert;
        self.site(host, s)
    }
    fn dns(mut self, host: &'static str, d: Dns) -> Self {
        self.dns.push((host, d));
        self
    }
    fn fw(mut self, f: Fw) -> Self {
        self.fw.push(f);
        self
    }
    fn squid(mut self) -> Self {
        self.squid = true;
        self
    }
    fn private(mut self) -> Self {
        self.requires.push(PRIVATE);
        self
    }
    /// go.mod requires exactly these modules.
    fn requires(mut self, modules: &[&'static str]) -> Self {
        self.requires = modules.to_vec();
        self
    }
    fn gosum(mut self, g: GoSum) -> Self {
        self.gosum = g;
        self
    }
    /// `main.go` in package main importing `packages`.
    fn main_imports(mut self, packages: &[&str]) -> Self {
        let imports: String = packages.iter().map(|p| format!("\t_ \"{p}\"\n")).collect();
        self.files.push((
            "main.go",
            format!("package main\n\nimport (\n{imports})\n\nfunc main() {{}}\n"),
        ));
        self
    }
    /// go runs `go ARGS`; godoctor is told the same (`check -- go ARGS`).
    fn command(mut self, args: &[&'static str]) -> Self {
        self.go_args = args.to_vec();
        self.named_command = true;
        self
    }
    /// go runs `go mod tidy`; godoctor is not told (the main module has Go source).
    fn tidy_unnamed(mut self) -> Self {
        self.go_args = vec!["mod", "tidy"];
        self.named_command = false;
        self
    }
    fn module(mut self, path: &'static str, predicted: &'static str) -> Self {
        self.modules.push(Judged {
            path,
            predicted,
            via: None,
        });
        self
    }
    fn module_via(
        mut self,
        path: &'static str,
        predicted: &'static str,
        via: &'static str,
    ) -> Self {
        self.modules.push(Judged {
            path,
            predicted,
            via: Some(via),
        });
        self
    }
    fn import(mut self, package: &'static str, predicted: &'static str) -> Self {
        self.imports.push(Judged {
            path: package,
            predicted,
            via: None,
        });
        self
    }
    /// This GOPROXY site answers `code` for every file of `module` (404: it lacks it).
    fn module_status(mut self, host: &'static str, module: &'static str, code: u16) -> Self {
        let mut site = self.site_of(host);
        site.module_status.push((module, code));
        self.site(host, site)
    }
    /// The site `host` as the scenario has it so far (else its default), taken out.
    fn site_of(&mut self, host: &'static str) -> Site {
        match self.sites.iter().position(|(h, _)| *h == host) {
            Some(i) => self.sites.remove(i).1,
            None => super::world::default_site(host).unwrap(),
        }
    }
    /// What `host` (a checksum database or a relay of it) answers lookups it has no record of.
    fn lookup_missing(mut self, host: &'static str, code: u16) -> Self {
        let mut site = self.site_of(host);
        site.lookup_missing = code;
        self.site(host, site)
    }
    /// godoctor disagrees with go here (with every go, or with go1.19 only): see Disagreement.
    #[allow(
        dead_code,
        reason = "no known disagreement today; the allow-list stays for the next one"
    )]
    fn disagrees(mut self, go: Option<&'static str>, why: &'static str) -> Self {
        self.disagrees.push(Disagreement { go, why });
        self
    }
    fn goenv(mut self, k: &'static str, v: &'static str) -> Self {
        self.goenv.push((k, v));
        self
    }
    fn fixable(mut self) -> Self {
        self.fix = true;
        self
    }
    fn netrc(mut self) -> Self {
        self.netrc = true;
        self
    }
    fn fails(mut self, layer: &'static str, host: Option<&'static str>) -> Self {
        self.expect = Expect {
            ok: false,
            layer: Some(layer),
            host,
            code: None,
            go_says: None,
        };
        self
    }
    fn code(mut self, code: &'static str) -> Self {
        self.expect.code = Some(code);
        self
    }
    fn says(mut self, words: &'static str) -> Self {
        self.expect.go_says = Some(words);
        self
    }
    /// go1.19 does what the current go does, in other words.
    fn old_says(mut self, words: &'static str) -> Self {
        self.expect_old = Some(Expect {
            go_says: Some(words),
            ..self.expect.clone()
        });
        self
    }
    /// go1.19 succeeds (where the current go does not, or succeeds differently).
    fn old_ok(mut self) -> Self {
        self.expect_old = Some(Expect::ok());
        self
    }
    /// go1.19 fails at this layer, saying these words.
    fn old_fails(
        mut self,
        layer: &'static str,
        host: Option<&'static str>,
        code: Option<&'static str>,
        words: &'static str,
    ) -> Self {
        self.expect_old = Some(Expect {
            ok: false,
            layer: Some(layer),
            host,
            code,
            go_says: Some(words),
        });
        self
    }
    /// The expectation for the go labelled `go`.
    pub fn expect_for(&self, go: &str) -> Expect {
        match &self.expect_old {
            Some(e) if go == "go1.19" => e.clone(),
            _ => self.expect.clone(),
        }
    }
    /// The known disagreement for the go labelled `go`, if any.
    pub fn disagreement(&self, go: &str) -> Option<&Disagreement> {
        self.disagrees.iter().find(|d| match d.go {
            None => true,
            Some("current") => go != "go1.19",
            Some(g) => g == go,
        })
    }
}

const CORP: &str = "https://goproxy.acme.corp";
const PG: &str = "proxy.golang.org";
const SG: &str = "sum.golang.org";
const CORP_HOST: &str = "goproxy.acme.corp";
const GIT_HOST: &str = "git.acme.corp";
const SQUID: &str = "squid.acme.corp";
/// go ≥ 1.21 ran the stand-in toolchain's `bin/go` (after the exec bits and the marker check).
const STAND_IN_RAN: &str = "stand-in go1.99.0 ran: go mod download";

pub fn all() -> Vec<Scenario> {
    let slow = |rate| Site {
        slow: Some(rate),
        ..Site::new(Behavior::Goproxy {
            corp: false,
            relay: true,
        })
    };
    vec![
        // Healthy.
        sc("healthy/default-proxy"),
        sc("healthy/mirror-goproxy.cn").goproxy("https://goproxy.cn,direct"),
        sc("healthy/corp-proxy").goproxy(CORP),
        sc("healthy/mirror-then-default")
            .goproxy("https://goproxy.cn,https://proxy.golang.org,direct"),
        // DNS.
        sc("dns/nxdomain-default-proxy")
            .dns(PG, Dns::Nx)
            .fails("dns", Some(PG))
            .code("DNS_NXDOMAIN"),
        sc("dns/nxdomain-corp-proxy")
            .goproxy(CORP)
            .dns(CORP_HOST, Dns::Nx)
            .fails("dns", Some(CORP_HOST)),
        sc("dns/resolver-silent")
            .fw(Fw::DnsSilent)
            .fails("dns", Some(PG))
            .code("DNS_TIMEOUT"),
        sc("dns/loopback-answer-blackhole")
            .dns(PG, Dns::A(BLACKHOLE_IP))
            .fails("tcp", Some(PG))
            .code("TCP_BLACKHOLE"),
        sc("dns/loopback-answer-nothing-listens")
            .dns(PG, Dns::A(NOTHING_IP))
            .fails("tcp", Some(PG))
            .code("TCP_REFUSED"),
        sc("dns/blocker-answer")
            .dns(PG, Dns::A("0.0.0.0"))
            .fails("dns", Some(PG))
            .code("DNS_POISONED"),
        // TCP.
        sc("tcp/refused-corp-proxy")
            .goproxy(CORP)
            .fw(Fw::Reset(CORP_HOST, 443))
            .fails("tcp", Some(CORP_HOST))
            .code("TCP_REFUSED"),
        sc("tcp/blackhole-corp-proxy")
            .goproxy(CORP)
            .fw(Fw::Drop(CORP_HOST, 443))
            .fails("tcp", Some(CORP_HOST))
            .code("TCP_BLACKHOLE"),
        sc("tcp/refused-public-proxy")
            .fw(Fw::Reset(PG, 443))
            .fails("tcp", Some(PG))
            .code("TCP_REFUSED"),
        sc("tcp/blackhole-public-proxy")
            .fw(Fw::Drop(PG, 443))
            .fails("tcp", Some(PG))
            .code("TCP_BLACKHOLE"),
        // TLS.
        sc("tls/unknown-ca-public-proxy")
            .cert(PG, Cert::UnknownCa)
            .fails("tls", Some(PG))
            .code("TLS_UNKNOWN_ISSUER_INTERCEPTION"),
        sc("tls/unknown-ca-corp-proxy")
            .goproxy(CORP)
            .cert(CORP_HOST, Cert::UnknownCa)
            .fails("tls", Some(CORP_HOST))
            .code("TLS_UNKNOWN_ISSUER_PRIVATE_CA"),
        sc("tls/expired")
            .cert(PG, Cert::Expired)
            .fails("tls", Some(PG))
            .code("TLS_EXPIRED"),
        sc("tls/wrong-host")
            .cert(PG, Cert::WrongName)
            .fails("tls", Some(PG))
            .code("TLS_NAME_MISMATCH"),
        sc("tls/expired-sumdb")
            .goproxy(CORP)
            .cert(SG, Cert::Expired)
            .fails("sumdb", Some(SG)),
        sc("tls/sni-reset-corp-proxy")
            .goproxy(CORP)
            .fw(Fw::SniReset(CORP_HOST))
            .fails("tls", Some(CORP_HOST))
            .code("TLS_RESET_AFTER_CLIENTHELLO"),
        sc("tls/sni-reset-public-proxy")
            .fw(Fw::SniReset(PG))
            .fails("tls", Some(PG))
            .code("TLS_RESET_AFTER_CLIENTHELLO"),
        sc("tls/handshake-stall-corp-proxy")
            .goproxy(CORP)
            .fw(Fw::SniDrop(CORP_HOST))
            .fails("tls", Some(CORP_HOST))
            .code("TLS_HANDSHAKE_TIMEOUT"),
        // HTTP.
        sc("http/403")
            .behave(PG, Behavior::Status(403))
            .fails("http", Some(PG))
            .code("HTTP_FORBIDDEN"),
        sc("http/500")
            .behave(PG, Behavior::Status(500))
            .fails("http", Some(PG))
            .code("HTTP_SERVER_ERROR"),
        sc("http/503-corp-proxy")
            .goproxy(CORP)
            .behave(CORP_HOST, Behavior::Status(503))
            .fails("http", Some(CORP_HOST)),
        sc("http/captive-portal")
            .behave(PG, Behavior::Portal)
            .fails("http", Some(PG))
            .code("HTTP_CAPTIVE_PORTAL"),
        sc("http/captive-portal-redirect")
            .behave(PG, Behavior::PortalRedirect)
            .fails("http", Some(PG))
            .code("HTTP_REDIRECT_INSECURE"),
        sc("http/404-falls-through-to-mirror")
            .goproxy("https://proxy.golang.org,https://goproxy.cn")
            .behave(PG, Behavior::Status(404)),
        sc("http/404-falls-through-to-direct")
            .behave(PG, Behavior::Status(404))
            .fails("vcs", Some("github.com")),
        sc("http/410-falls-through-to-corp")
            .goproxy("https://proxy.golang.org,https://goproxy.acme.corp")
            .behave(PG, Behavior::Status(410)),
        // GOPROXY list semantics.
        sc("goproxy/comma-503-first")
            .goproxy("https://proxy.golang.org,https://goproxy.cn")
            .behave(PG, Behavior::Status(503))
            .fails("http", Some(PG)),
        sc("goproxy/pipe-503-first")
            .goproxy("https://proxy.golang.org|https://goproxy.cn")
            .behave(PG, Behavior::Status(503)),
        sc("goproxy/comma-nxdomain-first")
            .goproxy("https://proxy.golang.org,https://goproxy.cn")
            .dns(PG, Dns::Nx)
            .fails("dns", Some(PG)),
        sc("goproxy/pipe-nxdomain-first")
            .goproxy("https://proxy.golang.org|https://goproxy.cn")
            .dns(PG, Dns::Nx),
        sc("goproxy/pipe-blackhole-first")
            .goproxy("https://goproxy.acme.corp|https://goproxy.cn")
            .fw(Fw::Drop(CORP_HOST, 443)),
        // go sends no request to a plain-http entry with credentials (cmd/go/internal/web).
        sc("goproxy/http-credentials-comma")
            .goproxy("http://alice:s3cret@goproxy.acme.corp,https://goproxy.cn")
            .fails("http", Some(CORP_HOST))
            .code("HTTP_INSECURE_CREDENTIALS")
            .says("refusing to pass credentials to insecure URL"),
        sc("goproxy/http-credentials-pipe")
            .goproxy("http://alice:s3cret@goproxy.acme.corp|https://goproxy.cn"),
        sc("goproxy/direct")
            .goproxy("direct")
            .fails("vcs", Some("github.com")),
        sc("goproxy/off")
            .goproxy("off")
            .fails("config", None)
            .code("GOPROXY_OFF"),
        // Checksum database.
        sc("sumdb/blocked-relayed-by-proxy").fw(Fw::Drop(SG, 443)),
        sc("sumdb/blocked-not-relayed")
            .goproxy(CORP)
            .fw(Fw::Reset(SG, 443))
            .fails("sumdb", Some(SG)),
        sc("sumdb/blocked-relayed-by-mirror")
            .goproxy("https://goproxy.cn")
            .fw(Fw::Reset(SG, 443)),
        sc("sumdb/wrong-signature")
            .goproxy(CORP)
            .behave(SG, Behavior::Sumdb { wrong: true })
            .fails("sumdb", Some(SG))
            .code("SUMDB_SIGNATURE_INVALID"),
        sc("sumdb/wrong-key-configured-relayed")
            .env("GOSUMDB", "{WRONGKEY}")
            .fails("sumdb", Some(SG)),
        sc("sumdb/relay-503")
            .goproxy("https://goproxy.cn,direct")
            .behave("goproxy.cn", Behavior::GoproxyRelayStatus(503))
            .fails("sumdb", Some("goproxy.cn")),
        sc("sumdb/explicit-url-corp-mirror")
            .env("GOSUMDB", "{KEY} https://sumdb.acme.corp")
            .fw(Fw::Reset(SG, 443)),
        sc("sumdb/explicit-url-corp-mirror-refused")
            .env("GOSUMDB", "{KEY} https://sumdb.acme.corp")
            .fw(Fw::Reset("sumdb.acme.corp", 443))
            .fails("sumdb", Some("sumdb.acme.corp")),
        sc("sumdb/explicit-url-bypasses-relay")
            .env("GOSUMDB", "{KEY} https://sum.golang.org")
            .fw(Fw::Reset(SG, 443))
            .fails("sumdb", Some(SG)),
        sc("sumdb/off")
            .goproxy(CORP)
            .env("GOSUMDB", "off")
            .fw(Fw::Reset(SG, 443)),
        // Private modules.
        sc("private/corp-proxy-without-goprivate")
            .goproxy(CORP)
            .private()
            .fails("config", None)
            .fixable(),
        // `godoctor fix --apply` then go: the default proxy blocked, a healthy mirror (goproxy.cn
        // is on fix's built-in candidate list); the checksum database blocked, a mirror relaying
        // it; both set in the go/env file, which fix rewrites.
        sc("fix/default-proxy-blocked-mirror-healthy")
            .dns(PG, Dns::Nx)
            .fails("dns", Some(PG))
            .fixable(),
        sc("fix/sumdb-blocked-mirror-relays")
            .goenv("GOPROXY", CORP)
            .fw(Fw::Reset(SG, 443))
            .fails("sumdb", Some(SG))
            .fixable(),
        sc("private/corp-proxy-goprivate-gonoproxy-none")
            .goproxy(CORP)
            .env("GOPRIVATE", "git.acme.corp")
            .env("GONOPROXY", "none")
            .private(),
        sc("private/corp-proxy-gonosumdb")
            .goproxy(CORP)
            .env("GONOSUMDB", "git.acme.corp")
            .private(),
        sc("private/git-goprivate-no-credentials")
            .env("GOPRIVATE", "git.acme.corp")
            .private()
            .fails("vcs", Some(GIT_HOST))
            .code("VCS_AUTH_REQUIRED"),
        sc("private/git-goprivate-netrc")
            .env("GOPRIVATE", "git.acme.corp")
            .private()
            .netrc(),
        sc("private/git-without-goprivate-netrc")
            .private()
            .netrc()
            .fails("config", None),
        // HTTP proxies.
        sc("httpproxy/open")
            .squid()
            .env("HTTPS_PROXY", "http://squid.acme.corp:3128"),
        sc("httpproxy/auth-required")
            .squid()
            .env("HTTPS_PROXY", "http://squid.acme.corp:3129")
            .fails("proxy", Some(SQUID))
            .code("PROXY_AUTH_REQUIRED"),
        sc("httpproxy/auth-given")
            .squid()
            .env("HTTPS_PROXY", "http://alice:s3cret@squid.acme.corp:3129"),
        sc("httpproxy/down")
            .squid()
            .env("HTTPS_PROXY", "http://squid.acme.corp:3130")
            .fails("proxy", Some(SQUID))
            .code("PROXY_UNREACHABLE"),
        sc("httpproxy/only-way-out")
            .squid()
            .env("HTTPS_PROXY", "http://squid.acme.corp:3128")
            .fw(Fw::DropExceptSquid(PG, 443))
            .fw(Fw::DropExceptSquid(SG, 443)),
        sc("httpproxy/direct-blocked-no-proxy-set")
            .squid()
            .fw(Fw::DropExceptSquid(PG, 443))
            .fw(Fw::DropExceptSquid(SG, 443))
            .fails("tcp", Some(PG)),
        sc("httpproxy/no-proxy-bypasses-down-proxy")
            .squid()
            .env("HTTPS_PROXY", "http://squid.acme.corp:3130")
            .env("NO_PROXY", "proxy.golang.org,sum.golang.org"),
        sc("httpproxy/corp-proxy-through-squid")
            .squid()
            .goproxy(CORP)
            .env("HTTPS_PROXY", "http://squid.acme.corp:3128")
            .fw(Fw::DropExceptSquid(CORP_HOST, 443))
            .fw(Fw::DropExceptSquid(SG, 443)),
        // A slow proxy (tc netem is not available: nginx limit_rate instead).
        sc("slow/proxy-200Bps").site(PG, slow(200)),
        sc("slow/proxy-50Bps").site(PG, slow(50)),
        // IPv6.
        sc("ipv6/broken-v6-beside-v4")
            .dns(PG, Dns::Both("127.0.0.10", "::1"))
            .dns(SG, Dns::Both("127.0.0.11", "::1"))
            .fw(Fw::Drop6(443)),
        sc("ipv6/broken-v6-beside-v4-corp")
            .goproxy(CORP)
            .dns(CORP_HOST, Dns::Both("127.0.0.13", "::1"))
            .fw(Fw::Drop6(443)),
        sc("ipv6/only-v6-broken-corp")
            .goproxy(CORP)
            .dns(CORP_HOST, Dns::Aaaa("::1"))
            .fw(Fw::Drop6(443))
            .fails("tcp", Some(CORP_HOST)),
        // Toolchain switching (GOTOOLCHAIN=auto; go1.19 has its own expectation).
        tc("toolchain/switch-go-line", GoLines::Release1990)
            .says(STAND_IN_RAN)
            .old_fails(
                "config",
                None,
                Some("GO_TOO_OLD_FOR_GOMOD"),
                "invalid go version '1.99.0': must match format 1.23",
            ),
        tc("toolchain/switch-toolchain-line", GoLines::ToolchainLine)
            .says(STAND_IN_RAN)
            .old_fails(
                "config",
                None,
                Some("GO_TOO_OLD_FOR_GOMOD"),
                "unknown directive: toolchain",
            ),
        tc("toolchain/switch-language-version", GoLines::Lang199)
            .says(STAND_IN_RAN)
            .old_ok(),
        tc("toolchain/gosumdb-off", GoLines::Lang199)
            .env("GOSUMDB", "off")
            .fails("config", None)
            .code("TOOLCHAIN_NEEDS_SUMDB")
            .says("verifying module: checksum database disabled by GOSUMDB=off")
            .old_ok(),
        // GONOSUMDB does not exempt toolchains: with the checksum database down (the corp
        // proxy does not relay it) go cannot verify go1.99.0. go1.19 needs it for
        // github.com/gdlab/hello, which GONOSUMDB=golang.org does not cover …
        tc("toolchain/gonosumdb-sumdb-down", GoLines::Lang199)
            .goproxy(CORP)
            .env("GONOSUMDB", "golang.org")
            .fw(Fw::Reset(SG, 443))
            .fails("sumdb", Some(SG))
            .code("SUMDB_UNREACHABLE")
            .says("golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64: verifying module")
            .old_fails(
                "sumdb",
                Some(SG),
                Some("SUMDB_UNREACHABLE"),
                "github.com/gdlab/hello@v1.0.0: verifying",
            ),
        // … and not at all when GONOSUMDB covers every module as well.
        tc("toolchain/gonosumdb-all-sumdb-down", GoLines::Lang199)
            .goproxy(CORP)
            .env("GONOSUMDB", "golang.org,github.com/gdlab")
            .fw(Fw::Reset(SG, 443))
            .fails("sumdb", Some(SG))
            .code("SUMDB_UNREACHABLE")
            .says("golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64: verifying module")
            .old_ok(),
        tc("toolchain/proxy-without-toolchain", GoLines::Lang199)
            .goproxy("https://goproxy.cn")
            .behave("goproxy.cn", Behavior::GoproxyWithoutToolchain)
            .fails("toolchain", None)
            .code("TOOLCHAIN_UNAVAILABLE")
            .says("download go1.99.0 for linux/amd64: toolchain not available")
            .old_ok(),
        // The 404 falls through to `direct`: golang.org/toolchain?go-get=1, then go.dev, which
        // do not exist in the lab (NXDOMAIN); go wraps that as "not available" too.
        tc(
            "toolchain/proxy-without-toolchain-then-direct",
            GoLines::Lang199,
        )
        .goproxy("https://goproxy.cn,direct")
        .behave("goproxy.cn", Behavior::GoproxyWithoutToolchain)
        .fails("toolchain", None)
        .code("TOOLCHAIN_UNAVAILABLE")
        .says("download go1.99.0 for linux/amd64: toolchain not available")
        .old_ok(),
        // Mid-command switches: a dependency's go line, the list through GOPROXY, the pick.
        tc("toolchain/dependency-switch", GoLines::DependencyNeedsNewer)
            .says("go: module github.com/gdlab/newgo@v1.0.0 requires go >= 1.99; switching to go1.99.0")
            .old_ok(),
        tc("toolchain/dependency-corp-proxy", GoLines::DependencyNeedsNewer)
            .goproxy(CORP)
            .says(STAND_IN_RAN)
            .old_ok(),
        tc("toolchain/graph-dependency-switch", GoLines::GraphDependencyNeedsNewer)
            .says("go: module github.com/gdlab/newgo@v1.0.0 requires go >= 1.99; switching to go1.99.0")
            .old_ok(),
        tc("toolchain/graph-dependency-local", GoLines::GraphDependencyNeedsNewer)
            .env("GOTOOLCHAIN", "local")
            .fails("config", None)
            .code("TOOLCHAIN_DEPENDENCY_TOO_NEW")
            .says("go: github.com/gdlab/graphnewgo@v1.0.0 requires\n\tgithub.com/gdlab/newgo@v1.0.0: module github.com/gdlab/newgo@v1.0.0 requires go >= 1.99 (running go ")
            .old_ok(),
        tc("toolchain/dependency-local", GoLines::DependencyNeedsNewer)
            .env("GOTOOLCHAIN", "local")
            .fails("config", None)
            .code("TOOLCHAIN_DEPENDENCY_TOO_NEW")
            .says("module github.com/gdlab/newgo@v1.0.0 requires go >= 1.99 (running go ")
            .old_ok(),
        tc("toolchain/dependency-list-missing", GoLines::DependencyNeedsNewer)
            .goproxy("https://goproxy.cn")
            .behave("goproxy.cn", Behavior::GoproxyWithoutToolchain)
            .fails("toolchain", None)
            .code("TOOLCHAIN_UNAVAILABLE")
            .says("go: switching to go >= 1.99: module golang.org/toolchain: reading https://goproxy.cn/golang.org/toolchain/@v/list: 404 Not Found")
            .old_ok(),
        tc("toolchain/dependency-list-missing-then-direct", GoLines::DependencyNeedsNewer)
            .goproxy("https://goproxy.cn,direct")
            .behave("goproxy.cn", Behavior::GoproxyWithoutToolchain)
            .fails("vcs", Some("golang.org"))
            .says("go: switching to go >= 1.99: ")
            .old_ok(),
        // fix must pick a mirror that lists (and serves) golang.org/toolchain.
        tc(
            "fix/dependency-needs-toolchain-mirror-lacks-it",
            GoLines::DependencyNeedsNewer,
        )
        .goenv("GOPROXY", "https://goproxy.cn")
        .behave("goproxy.cn", Behavior::GoproxyWithoutToolchain)
        .fails("toolchain", None)
        .code("TOOLCHAIN_UNAVAILABLE")
        .fixable()
        .old_ok(),
        // The pick merges platforms: go1.99.1 exists only for darwin/arm64, go still takes it.
        tc("toolchain/dependency-picks-other-platform", GoLines::DependencyNeedsNewer)
            .goproxy("https://goproxy.cn")
            .behave("goproxy.cn", Behavior::GoproxyOtherPlatform)
            .fails("toolchain", None)
            .code("TOOLCHAIN_UNAVAILABLE")
            .says("switching to go1.99.1\ngo: download go1.99.1 for linux/amd64: toolchain not available")
            .old_ok(),
        tc("toolchain/dependency-gosumdb-off", GoLines::DependencyNeedsNewer)
            .env("GOSUMDB", "off")
            .fails("config", None)
            .code("TOOLCHAIN_NEEDS_SUMDB")
            .says("verifying module: checksum database disabled by GOSUMDB=off")
            .old_ok(),
        tc("toolchain/local-too-old", GoLines::Lang199)
            .env("GOTOOLCHAIN", "local")
            .fails("config", None)
            .code("TOOLCHAIN_LOCAL_TOO_OLD")
            .says("go.mod requires go >= 1.99 (running go ")
            .old_ok(),
    ]
    .into_iter()
    .chain(modules::all())
    .collect()
}
