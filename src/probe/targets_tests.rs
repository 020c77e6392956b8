//! Which specs hold the verdict: a repository probe waits only when go takes direct.

use std::time::Duration;

use super::*;
use crate::config::LoadOptions;
use crate::config::env::Environment;

fn plan(goproxy: &str) -> Plan {
    let dir = tempfile::tempdir().unwrap();
    let cfg = Config::load(
        Environment::from_pairs([
            ("HOME", "/nonexistent-home"),
            ("PATH", "/nonexistent-bin"),
            ("GOPROXY", goproxy),
            ("GOSUMDB", "off"),
        ]),
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: Duration::from_secs(2),
        },
    );
    Plan::build(&cfg, &["example.com/m".to_owned()])
}

/// The need of the spec standing for git's first exchange with the repository, with the keys
/// of the specs it waits for.
fn repo_need(plan: &Plan) -> (Need, Vec<String>) {
    let specs = specs(plan);
    let i = specs
        .iter()
        .position(|s| matches!(s, Spec::GitRepo(_)))
        .expect("a repository spec");
    let need = needs(plan, &specs).swap_remove(i);
    let keys = match &need {
        Need::IfFails(prior) => prior.iter().map(|&p| specs[p].key()).collect(),
        Need::Always => Vec::new(),
    };
    (need, keys)
}

#[test]
fn a_repository_behind_a_proxy_waits_only_if_the_proxy_fails() {
    match repo_need(&plan("https://proxy.example,direct")) {
        (Need::IfFails(_), keys) => assert!(
            !keys.is_empty()
                && keys
                    .iter()
                    .all(|k| k.starts_with("url https://proxy.example/")),
            "{keys:?}"
        ),
        (Need::Always, _) => panic!("direct is only a fallback here"),
    }
    assert_eq!(repo_need(&plan("direct")).0, Need::Always);
}
