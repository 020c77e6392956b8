//! Projects rather than whole-host faults (issue 12): one module missing on a GOPROXY entry
//! (`,` and `|` lists told apart), go.sum held against what the route serves, the command
//! (`go mod tidy` and its queries for imports go.mod does not cover, `go get`), direct git
//! answering 401 / 404 / 200, and a private module shown to the public checksum database
//! through a relaying proxy. The hermetic versions are tests/it/modules_lab.rs.

use super::super::assets::{EXTRA, PRIVATE, PUBLIC};
use super::super::world::{Behavior, Fw};
use super::{CORP, CORP_HOST, GIT_HOST, GoSum, SG, Scenario, sc};

const CN: &str = "goproxy.cn";
const CN_URL: &str = "https://goproxy.cn";
const PG_URL: &str = "https://proxy.golang.org";

/// The corp proxy, relaying sum.golang.org as well.
fn relaying_corp(s: Scenario) -> Scenario {
    s.goproxy(CORP).behave(
        CORP_HOST,
        Behavior::Goproxy {
            corp: true,
            relay: true,
        },
    )
}

/// The private module alone, fetched direct (git.acme.corp), without the checksum database.
fn direct_private(name: &'static str) -> Scenario {
    sc(name)
        .goproxy("direct")
        .env("GONOSUMDB", "git.acme.corp")
        .requires(&[PRIVATE])
}

/// main.go imports the public module and the private one, which go.mod does not require: the
/// mirror lacks it, `direct` reaches git.acme.corp.
fn tidy_private_import(name: &'static str) -> Scenario {
    sc(name)
        .goproxy("https://goproxy.cn,direct")
        .env("GONOSUMDB", "git.acme.corp")
        .main_imports(&[PUBLIC, PRIVATE])
}

pub fn all() -> Vec<Scenario> {
    vec![
        // One module of two missing on the only entry: go reads its go.mod first.
        sc("modules/one-missing-on-the-only-entry")
            .goproxy(CN_URL)
            .requires(&[PUBLIC, EXTRA])
            .module_status(CN, EXTRA, 404)
            .fails("http", Some(CN))
            .code("MODULE_NOT_FOUND")
            .module(PUBLIC, "ok")
            .module(EXTRA, "fail")
            .says("reading https://goproxy.cn/github.com/gdlab/extra/@v/v1.0.0.mod: 404 Not Found"),
        // `,` moves on after 404/410 only …
        sc("modules/missing-on-first-comma-entry-served-by-next")
            .goproxy("https://goproxy.cn,https://proxy.golang.org")
            .requires(&[PUBLIC, EXTRA])
            .module_status(CN, EXTRA, 404)
            .module_via(PUBLIC, "ok", CN_URL)
            .module_via(EXTRA, "ok", PG_URL),
        sc("modules/500-on-first-comma-entry-stops")
            .goproxy("https://goproxy.cn,https://proxy.golang.org")
            .requires(&[PUBLIC, EXTRA])
            .module_status(CN, EXTRA, 500)
            .fails("http", Some(CN))
            .module(PUBLIC, "ok")
            .module(EXTRA, "fail")
            .says("reading https://goproxy.cn/github.com/gdlab/extra/@v/v1.0.0.mod: 500 Internal Server Error"),
        // … `|` after any error, a 404 as well.
        sc("modules/missing-on-first-pipe-entry-served-by-next")
            .goproxy("https://goproxy.cn|https://proxy.golang.org")
            .requires(&[PUBLIC, EXTRA])
            .module_status(CN, EXTRA, 404)
            .module_via(PUBLIC, "ok", CN_URL)
            .module_via(EXTRA, "ok", PG_URL),
        sc("modules/500-on-first-pipe-entry-served-by-next")
            .goproxy("https://goproxy.cn|https://proxy.golang.org")
            .requires(&[PUBLIC, EXTRA])
            .module_status(CN, EXTRA, 500)
            .module_via(PUBLIC, "ok", CN_URL)
            .module_via(EXTRA, "ok", PG_URL),
        // The user's command: `go get` of a module the only entry lacks.
        // go stats the version it was asked for first (`.info`).
        sc("modules/get-missing-on-the-only-entry")
            .goproxy(CN_URL)
            .module_status(CN, EXTRA, 404)
            .command(&["get", "github.com/gdlab/extra@v1.0.0"])
            .fails("http", Some(CN))
            .code("MODULE_NOT_FOUND")
            .module(EXTRA, "fail")
            .says("go: github.com/gdlab/extra@v1.0.0: reading https://goproxy.cn/github.com/gdlab/extra/@v/v1.0.0.info: 404 Not Found"),
        sc("modules/get-served")
            .goproxy(CN_URL)
            .command(&["get", "github.com/gdlab/extra@v1.0.0"])
            .module_via(EXTRA, "ok", CN_URL)
            .says("go: added github.com/gdlab/extra v1.0.0"),
        // `go mod download M@V`: go fetches the version named (`.info` first) and reads none
        // of go.mod's requirements. The module named missing on the only entry …
        sc("modules/download-named-missing")
            .goproxy(CN_URL)
            .module_status(CN, EXTRA, 404)
            .command(&["mod", "download", "github.com/gdlab/extra@v1.0.0"])
            .fails("http", Some(CN))
            .code("MODULE_NOT_FOUND")
            .module(EXTRA, "fail")
            .says("go: github.com/gdlab/extra@v1.0.0: reading https://goproxy.cn/github.com/gdlab/extra/@v/v1.0.0.info: 404 Not Found"),
        // … and a required module missing that the named download never needs.
        sc("modules/download-named-other-missing")
            .goproxy(CN_URL)
            .requires(&[PUBLIC, EXTRA])
            .module_status(CN, EXTRA, 404)
            .command(&["mod", "download", "github.com/gdlab/hello@v1.0.0"])
            .module_via(PUBLIC, "ok", CN_URL),
        // go.sum against the route: the proxy and the checksum database agree, go.sum does not.
        sc("gosum/gomod-line-mismatch-proxy-and-sumdb-agree")
            .gosum(GoSum::WrongGoModLine)
            .fails("config", None)
            .code("GOSUM_MISMATCH")
            .module(PUBLIC, "fail")
            .says("verifying github.com/gdlab/hello@v1.0.0/go.mod: checksum mismatch\n\tdownloaded: h1:h6HdlsEGKCR2q0itI2c2gD1WGlDXjiaVGZepSkbyzRk=\n\tgo.sum:     h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\nSECURITY ERROR"),
        // Every hash in go.sum: the dead checksum database is never asked.
        sc("gosum/complete-sumdb-dead")
            .goproxy(CORP)
            .gosum(GoSum::Complete)
            .fw(Fw::Drop(SG, 443))
            .module(PUBLIC, "ok"),
        // tidy resolves the import go.mod lacks: the mirror 404s, direct needs credentials.
        tidy_private_import("tidy/import-missing-on-mirror-direct-needs-credentials")
            .command(&["mod", "tidy"])
            .fails("vcs", Some(GIT_HOST))
            .code("VCS_AUTH_REQUIRED")
            .module(PUBLIC, "ok")
            .import(PRIVATE, "fail")
            // From go 1.25 newGitRepo lists the refs before it sets remoteURL, so the failed
            // ls-remote is never re-checked with a plain GET (404 → "not exist") and the query
            // error is not wrapped as a missing package; go1.19 wraps it.
            .says("\tgit.acme.corp/team/secret: module git.acme.corp/team/secret: git ls-remote -q --end-of-options https://git.acme.corp/team/secret.git")
            .old_says("\tgit.acme.corp/team/secret: cannot find module providing package git.acme.corp/team/secret: module git.acme.corp/team/secret: git ls-remote -q origin"),
        // … `go mod download` fetches only what go.mod requires …
        tidy_private_import("tidy/import-missing-on-mirror-download-ok")
            .command(&["mod", "download"])
            .module(PUBLIC, "ok"),
        // … and with credentials tidy finds the module direct.
        tidy_private_import("tidy/import-missing-on-mirror-direct-netrc")
            .command(&["mod", "tidy"])
            .netrc()
            .import(PRIVATE, "ok")
            .says("go: found git.acme.corp/team/secret in git.acme.corp/team/secret v0.1.0"),
        // tidy healthy, not named: godoctor predicts tidy from the Go source; the import go.mod
        // lacks is found on the proxy.
        sc("tidy/healthy-unnamed")
            .main_imports(&[PUBLIC, EXTRA])
            .tidy_unnamed()
            .module(PUBLIC, "ok")
            .import(EXTRA, "ok")
            .says("go: found github.com/gdlab/extra in github.com/gdlab/extra v1.0.0"),
        // Direct git, as deep as git's first request.
        direct_private("direct/git-401-without-netrc")
            .fails("vcs", Some(GIT_HOST))
            .code("VCS_AUTH_REQUIRED")
            .module(PRIVATE, "fail")
            .says("fatal: could not read Username for 'https://git.acme.corp': terminal prompts disabled"),
        direct_private("direct/git-404-repository")
            .behave(GIT_HOST, Behavior::GitRepoMissing)
            .fails("vcs", Some(GIT_HOST))
            .code("VCS_REPO_NOT_FOUND")
            .module(PRIVATE, "fail")
            .says("fatal: repository 'https://git.acme.corp/team/secret.git/' not found"),
        direct_private("direct/git-ok-netrc")
            .netrc()
            .module_via(PRIVATE, "ok", "direct"),
        // A private module through a proxy that serves it and relays the checksum database,
        // which cannot see it (`not found: …`): configuration, not the database.
        relaying_corp(sc("private/relaying-corp-proxy-lookup-404"))
            .private()
            .fails("config", None)
            .code("PRIVATE_MODULE_NOT_PRIVATE")
            .says("reading https://goproxy.acme.corp/sumdb/sum.golang.org/lookup/git.acme.corp/team/secret@v0.1.0: 404 Not Found\n\tserver response: not found: git.acme.corp/team/secret@v0.1.0: unrecognized import path"),
        relaying_corp(sc("private/relaying-corp-proxy-lookup-410"))
            .private()
            .lookup_missing(CORP_HOST, 410)
            .fails("config", None)
            .code("PRIVATE_MODULE_NOT_PRIVATE")
            .says("reading https://goproxy.acme.corp/sumdb/sum.golang.org/lookup/git.acme.corp/team/secret@v0.1.0: 410 Gone\n\tserver response: not found: git.acme.corp/team/secret@v0.1.0"),
        relaying_corp(sc("private/relaying-corp-proxy-gonosumdb"))
            .private()
            .env("GONOSUMDB", "git.acme.corp")
            .module_via(PRIVATE, "ok", CORP),
    ]
}
