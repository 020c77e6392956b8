//! The plan's unit tests: routes, files per command, toolchain decisions.

use super::*;

fn project(files: &[(&str, &str)]) -> (tempfile::TempDir, Config) {
    use crate::config::{LoadOptions, env::Environment};
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }
    let cfg = Config::load(
        Environment::from_pairs([
            ("HOME", "/nonexistent-home"),
            ("PATH", "/nonexistent-bin"),
            ("GOPROXY", "https://mirror.example,direct"),
        ]),
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: std::time::Duration::from_secs(2),
        },
    );
    (dir, cfg)
}

const GOMOD: &str = "module example.com/app\n\ngo 1.21\n\nrequire (\n\tgithub.com/used/a v1.0.0\n\tgithub.com/unused/b v1.0.0\n\tgithub.com/deep/c v1.0.0 // indirect\n)\n";

#[test]
fn go_source_means_tidy_with_the_files_tidy_fetches() {
    let (_dir, cfg) = project(&[
        ("go.mod", GOMOD),
        (
            "main.go",
            "package main\n\nimport (\n\t\"fmt\"\n\t\"github.com/used/a/pkg\"\n\t\"example.org/missing/x\"\n)\n\nfunc main() { fmt.Println() }\n",
        ),
    ]);
    let plan = Plan::build(&cfg, &[]);
    assert_eq!(plan.command.go, GoCommand::ModTidy);
    assert_eq!(plan.command.chosen, command::Chosen::HasGoSource);
    let files = |m: &str| {
        plan.modules
            .iter()
            .find(|p| p.module == m)
            .unwrap_or_else(|| panic!("no {m}"))
            .files
            .clone()
    };
    assert_eq!(
        files("github.com/used/a"),
        [ModuleFile::Mod, ModuleFile::Zip]
    );
    assert_eq!(files("github.com/unused/b"), [ModuleFile::Mod]);
    assert_eq!(
        files("github.com/deep/c"),
        [ModuleFile::Mod, ModuleFile::Zip]
    );
    // The missing import: every prefix is asked, longest first, for its version list.
    let queries: Vec<&str> = plan
        .modules
        .iter()
        .filter(|m| m.source == ModuleSource::Query)
        .map(|m| m.module.as_str())
        .collect();
    assert_eq!(
        queries,
        [
            "example.org/missing/x",
            "example.org/missing",
            "example.org"
        ]
    );
    let q = plan
        .modules
        .iter()
        .find(|m| m.source == ModuleSource::Query)
        .unwrap();
    assert_eq!(q.files, [ModuleFile::List]);
    assert_eq!(q.query_for.as_deref(), Some("example.org/missing/x"));
}

#[test]
fn without_go_source_or_when_named_download_fetches_everything() {
    let (_dir, cfg) = project(&[("go.mod", GOMOD)]);
    let plan = Plan::build(&cfg, &[]);
    assert_eq!(plan.command.chosen, command::Chosen::NoGoSource);
    assert!(plan.modules.iter().all(|m| m.files.len() == 3));
    let (_dir, cfg) = project(&[("go.mod", GOMOD), ("main.go", "package main\n")]);
    let named = Command::parse(&["go".into(), "mod".into(), "download".into()]).unwrap();
    let plan = Plan::build_for(&cfg, &[], Some(named));
    assert!(
        plan.modules
            .iter()
            .all(|m| m.source == ModuleSource::Require)
    );
    assert!(
        plan.modules
            .iter()
            .all(|m| m.files.contains(&ModuleFile::Zip))
    );
}

#[test]
fn escapes_upper_case() {
    assert_eq!(
        escape_path("github.com/Azure/azure-sdk"),
        "github.com/!azure/azure-sdk"
    );
}

#[test]
fn a_release_candidate_is_older_than_its_release() {
    use crate::config::goversion::GoVersion;
    use crate::config::{Config, LoadOptions, env::Environment};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("go.mod"), "module m\n\ngo 1.21.0\n").unwrap();
    let mut cfg = Config::load(
        Environment::from_pairs([("HOME", "/nonexistent-home"), ("GOTOOLCHAIN", "auto")]),
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: std::time::Duration::from_secs(2),
        },
    );
    cfg.rules_version = GoVersion::parse("go1.21rc2").unwrap();
    let plan = Plan::build(&cfg, &[]);
    // gover: 1.21rc2 < 1.21.0, so go1.21rc2 switches to go1.21.0.
    assert!(
        matches!(&plan.toolchain.as_ref().unwrap().decision, crate::config::toolchain::Decision::Switch { target, .. } if target == "go1.21.0"),
        "{:?}",
        plan.toolchain
    );
}

#[test]
fn git_endpoints() {
    assert_eq!(
        git_endpoint("https://github.com/u/r"),
        ("github.com".into(), 443, "https")
    );
    assert_eq!(
        git_endpoint("git@github.com:u/r"),
        ("github.com".into(), 22, "ssh")
    );
    assert_eq!(
        git_endpoint("ssh://git@git.corp.example:2222/u/r"),
        ("git.corp.example".into(), 2222, "ssh")
    );
}

#[test]
fn go_get_of_an_exact_version_fetches_it_info_first() {
    let (_dir, cfg) = project(&[("go.mod", GOMOD)]);
    let words: Vec<String> =
        "go get example.org/new@v1.2.3 github.com/used/a@v1.0.0 example.org/x@latest"
            .split_whitespace()
            .map(str::to_owned)
            .collect();
    let plan = Plan::build_for(&cfg, &[], Some(Command::parse(&words).unwrap()));
    let new = plan
        .modules
        .iter()
        .find(|m| m.module == "example.org/new")
        .expect("the version go get names is planned");
    assert_eq!(new.version.as_deref(), Some("v1.2.3"));
    assert_eq!(
        new.files,
        [ModuleFile::Info, ModuleFile::Mod, ModuleFile::Zip]
    );
    // Already required at that version: not twice; `@latest` is not planned.
    assert_eq!(
        plan.modules
            .iter()
            .filter(|m| m.module == "github.com/used/a")
            .count(),
        1
    );
    assert!(!plan.modules.iter().any(|m| m.module == "example.org/x"));
}

#[test]
fn go_mod_download_of_exact_versions_fetches_only_those() {
    let (_dir, cfg) = project(&[("go.mod", GOMOD)]);
    let words: Vec<String> = "go mod download example.org/new@v1.2.3"
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let plan = Plan::build_for(&cfg, &[], Some(Command::parse(&words).unwrap()));
    let planned: Vec<(&str, &[ModuleFile])> = plan
        .modules
        .iter()
        .map(|m| (m.module.as_str(), m.files.as_slice()))
        .collect();
    assert_eq!(
        planned,
        [(
            "example.org/new",
            &[ModuleFile::Info, ModuleFile::Mod, ModuleFile::Zip][..]
        )]
    );
}

/// A GOPROXY of a hundred entries: each route follows the first MAX_ROUTE_PROXIES and says how
/// many more there are; the checksum route asks as many mirrors, then the database itself.
#[test]
fn a_long_goproxy_is_followed_to_a_bound() {
    use crate::config::{Config, LoadOptions, env::Environment};
    let dir = tempfile::tempdir().unwrap();
    let list = (0..100)
        .map(|i| format!("https://m{i}.example"))
        .collect::<Vec<_>>()
        .join("|");
    let goproxy = format!("{list},direct");
    let cfg = Config::load(
        Environment::from_pairs([
            ("HOME", "/nonexistent-home"),
            ("PATH", "/nonexistent-bin"),
            ("GOPROXY", goproxy.as_str()),
        ]),
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: std::time::Duration::from_secs(2),
        },
    );
    let plan = Plan::build(&cfg, &["example.com/m".to_owned()]);
    let route = &plan.modules[0].route;
    assert_eq!(route.len(), MAX_ROUTE_PROXIES + 1, "{route:?}");
    assert!(
        matches!(route.last(), Some(Step::NotFollowed { entries: 69 })),
        "{:?}",
        route.last()
    );
    assert_eq!(plan.sumdb_route.len(), MAX_ROUTE_PROXIES + 1);
    assert!(matches!(
        plan.sumdb_route.last(),
        Some(SumdbStep::Direct { .. })
    ));
}

/// Netrc credentials make a host look private, ASCII case ignored as before; the other hints
/// come first, and `&[]` is "no netrc".
#[test]
fn netrc_machines_make_a_host_look_private() {
    use crate::config::netrc::Machines;
    let netrc = Machines::from(vec!["Git.Corp.Example".to_owned(), "b.example".to_owned()]);
    assert_eq!(
        private_hint("git.corp.EXAMPLE", &netrc),
        Some(PrivateHint::NetrcCredentials)
    );
    assert_eq!(
        private_hint("B.example", &netrc),
        Some(PrivateHint::NetrcCredentials)
    );
    assert_eq!(private_hint("c.example", &netrc), None);
    assert_eq!(private_hint("git.corp.example", &Machines::default()), None);
    assert_eq!(
        private_hint("10.0.0.1", &netrc),
        Some(PrivateHint::IpAddress)
    );
    assert_eq!(
        private_hint("b.lan", &netrc),
        Some(PrivateHint::InternalDomain)
    );
    // Only ASCII folds, as eq_ignore_ascii_case did: `É` is not `é`.
    let accents = Machines::from(vec!["é.example".to_owned()]);
    assert_eq!(private_hint("É.example", &accents), None);
    assert_eq!(
        private_hint("é.EXAMPLE", &accents),
        Some(PrivateHint::NetrcCredentials)
    );
    // The list keeps the file's order and spelling, for display.
    assert_eq!(netrc.names(), ["Git.Corp.Example", "b.example"]);
}

/// A netrc of tens of thousands of machines: a lookup finds its machine whatever the case (the
/// cost of a lookup is in benches/modules.rs, part `netrc`).
#[test]
fn netrc_lookups_in_a_large_netrc() {
    use crate::config::netrc::Machines;
    const N: usize = 50_000;
    let netrc = Machines::from(
        (0..N)
            .map(|i| format!("m{i:08}.example"))
            .collect::<Vec<_>>(),
    );
    let private = (0..1000)
        .map(|i| format!("h{i:08}.example"))
        .filter(|h| private_hint(h, &netrc).is_some())
        .count();
    assert_eq!(private, 0);
    assert_eq!(
        private_hint("M00000042.EXAMPLE", &netrc),
        Some(PrivateHint::NetrcCredentials)
    );
    assert_eq!(
        private_hint(&format!("m{:08}.example", N - 1), &netrc),
        Some(PrivateHint::NetrcCredentials)
    );
}
