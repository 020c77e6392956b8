//! The toolchain go downloads at startup, and the switch in the middle of a command.

use super::*;
use crate::diagnose::predict::{self, Predicted};
use crate::diagnose::{Code, Layer};
use crate::probe::evidence::ProbeStep;
use crate::probe::{DnsError, HttpError, TcpError};

#[test]
fn toolchain_switch_needs_the_checksum_database_even_with_gosumdb_off() {
    let o = toolchain_world("https://a.example", vec![toolchain_target(A, ok_layers())]);
    let tc = o.outcome.toolchain.as_ref().unwrap();
    assert_eq!(tc.predicted, Predicted::Fail);
    assert!(
        tc.error
            .as_deref()
            .unwrap()
            .ends_with("verifying module: checksum database disabled by GOSUMDB=off"),
        "{tc:?}"
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::ToolchainNeedsSumdb));
}

#[test]
fn gosumdb_off_only_fails_a_toolchain_that_was_served() {
    // Verified with go1.27.3 (GOPROXY=file:///empty,off GOSUMDB=off): the zip comes first.
    let o = toolchain_world(
        "https://a.example",
        vec![toolchain_target(A, failing(HttpError::NotFound, Some(404)))],
    );
    let tc = o.outcome.toolchain.as_ref().unwrap();
    assert!(
        tc.error
            .as_deref()
            .unwrap()
            .ends_with("toolchain not available"),
        "{tc:?}"
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::ToolchainUnavailable));
}

#[test]
fn toolchain_not_available_names_what_really_failed() {
    // GOSUMDB is on here; A has no such toolchain, and the direct route cannot resolve.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("go.mod"), "module m\n\ngo 1.99\n").unwrap();
    let env = Environment::from_pairs([
        ("HOME", "/nonexistent-home"),
        ("GOPROXY", "https://a.example,direct"),
        ("GOTOOLCHAIN", "auto"),
    ]);
    let c = Config::load(
        env,
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: Duration::from_secs(2),
        },
    );
    let p = Plan::build(&c, &[]);
    // go-get discovery of golang.org/toolchain fails: go calls that "not exist".
    let mut discovery = toolchain_target("https://golang.org", failing(DnsError::NxDomain, None));
    discovery.url = "https://golang.org/toolchain?go-get=1".into();
    discovery.context = Some(TargetContext {
        step: Some(ProbeStep::GoGetDiscovery),
        ..context(None, "golang.org/toolchain", None).unwrap()
    });
    let not_here = toolchain_target(A, failing(HttpError::NotFound, Some(404)));
    let o = predict(&c, &p, &[not_here.clone(), discovery.clone()]);
    let tc = o.outcome.toolchain.as_ref().unwrap();
    assert!(
        tc.error
            .as_deref()
            .unwrap()
            .ends_with("toolchain not available"),
        "{tc:?}"
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::ToolchainUnavailable));
    let root = o
        .findings
        .iter()
        .find(|f| f.code == Code::ToolchainUnavailable)
        .unwrap();
    assert_eq!(root.layer, Layer::Toolchain);
    assert!(
        root.evidence
            .iter()
            .any(|e| e.contains("nxdomain happened")),
        "{root:?}"
    );
    // Discovery answered, but the zip from go.dev cannot be fetched: go prints that error.
    let mut ok_discovery = discovery;
    ok_discovery.layers = ok_layers();
    let mut zip = toolchain_target("https://go.dev/dl/mod", failing(TcpError::Refused, None));
    zip.context = context(Some("direct"), "golang.org/toolchain", None);
    let o = predict(&c, &p, &[not_here, ok_discovery, zip]);
    let tc = o.outcome.toolchain.as_ref().unwrap();
    assert!(
        tc.error.as_deref().unwrap().starts_with(
            "go: download go1.99.0: golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64: Get \"https://go.dev/dl/mod/golang.org/toolchain/@v/"
        ),
        "{tc:?}"
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::TcpRefused));
    // A real error after `,` is reported as it is.
    let o = predict(
        &c,
        &p,
        &[toolchain_target(A, failing(TcpError::Refused, None))],
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::TcpRefused));
    assert!(
        o.outcome
            .modules
            .iter()
            .all(|m| m.predicted == Predicted::Fail)
    );
}

#[test]
fn a_dependency_needing_newer_go_switches_mid_command_as_go_does() {
    let ab = [
        ("GOPROXY", "https://a.example,https://b.example"),
        ("GOTOOLCHAIN", "auto"),
    ];
    // A has no toolchain list, B lists go1.99.0 for linux/amd64 and go1.99.1 for
    // darwin/arm64 only: go merges the platforms, picks go1.99.1, and then finds no build.
    let version = crate::config::toolchain::module_version("go1.99.1");
    let zip = |proxy: &str| Target {
        url: format!("{proxy}/golang.org/toolchain/@v/{version}.zip"),
        context: context(
            Some(proxy),
            "golang.org/toolchain",
            Some(ToolchainRequest::Zip),
        ),
        ..toolchain_target(proxy, failing(HttpError::NotFound, Some(404)))
    };
    let o = mid_command_world(
        &ab,
        "1.99",
        vec![
            list_target(A, failing(HttpError::NotFound, Some(404))),
            list_target(
                B,
                served_list(&[
                    "v0.0.1-go1.99.0.linux-amd64",
                    "v0.0.1-go1.99.1.darwin-arm64",
                ]),
            ),
            zip(A),
            zip(B),
        ],
    );
    let tc = o.outcome.toolchain.as_ref().unwrap();
    assert_eq!(tc.target.as_deref(), Some("go1.99.1"));
    let (os, arch) = predict::goos_goarch();
    assert_eq!(
        tc.error.as_deref().unwrap(),
        format!(
            "go: module example.com/m@v1.0.0 requires go >= 1.99; switching to go1.99.1\ngo: download go1.99.1 for {os}/{arch}: toolchain not available"
        )
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::ToolchainUnavailable));
    assert_eq!(o.outcome.predicted, Predicted::Fail);

    // A real error on the list after `,` stops the walk: go reports it after the dependency's.
    let o = mid_command_world(
        &ab,
        "1.99",
        vec![list_target(A, failing(TcpError::Refused, None))],
    );
    let e = o.outcome.toolchain.as_ref().unwrap().error.clone().unwrap();
    assert!(
        e.starts_with("go: example.com/m@v1.0.0: module example.com/m@v1.0.0 requires go >= 1.99 (running go ")
            && e.contains("\ngo: switching to go >= 1.99: module golang.org/toolchain: Get \"https://a.example/golang.org/toolchain/@v/list\": refused happened"),
        "{e}"
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::TcpRefused));

    // GOTOOLCHAIN=local: the dependency's error is go's last word.
    let o = mid_command_world(&[("GOTOOLCHAIN", "local")], "1.99", Vec::new());
    assert_eq!(
        o.outcome.root_cause_code,
        Some(Code::ToolchainDependencyTooNew)
    );
    assert!(
        o.outcome.modules[0]
            .error
            .as_deref()
            .unwrap()
            .ends_with("; GOTOOLCHAIN=local)")
    );

    // go lines below 1.21 never stop go, nor does the running go's own version.
    for go in ["1.20", "1.2", "", "banana"] {
        let o = mid_command_world(&[("GOTOOLCHAIN", "local")], go, Vec::new());
        assert_eq!(o.outcome.predicted, Predicted::Ok, "go {go}");
        assert!(o.outcome.toolchain.is_none(), "go {go}");
    }

    // A list served, a zip served: the switch succeeds and is reported as such.
    let ok_zip = Target {
        url: format!(
            "{A}/golang.org/toolchain/@v/{}.zip",
            crate::config::toolchain::module_version("go1.99.0")
        ),
        context: context(Some(A), "golang.org/toolchain", Some(ToolchainRequest::Zip)),
        ..toolchain_target(A, ok_layers())
    };
    let o = mid_command_world(
        &ab,
        "1.99",
        vec![
            list_target(A, served_list(&["v0.0.1-go1.99.0.linux-amd64"])),
            ok_zip,
        ],
    );
    assert_eq!(o.outcome.predicted, Predicted::Ok);
    let tc = o.outcome.toolchain.as_ref().unwrap();
    assert_eq!(tc.target.as_deref(), Some("go1.99.0"));
    assert!(
        o.findings
            .iter()
            .any(|f| f.code == Code::ToolchainMidCommandSwitch)
    );
}

#[test]
fn a_failed_switch_is_reported_before_a_bad_goflags() {
    // toolchain.Select downloads before GOFLAGS is parsed: the network failure is go's error.
    let c = cfg_with_gomod(
        "module m\n\ngo 1.99\n",
        &[
            ("GOPROXY", A),
            ("GOTOOLCHAIN", "auto"),
            ("GOFLAGS", "bogus"),
        ],
    );
    let p = Plan::build(&c, &[]);
    let refused = toolchain_target(A, failing(TcpError::Refused, None));
    let o = predict(&c, &p, &[refused]);
    assert_eq!(o.outcome.root_cause_code, Some(Code::TcpRefused));
    assert!(
        o.outcome
            .toolchain
            .as_ref()
            .and_then(|t| t.error.as_deref())
            .is_some_and(|e| e.starts_with("go: download go1.99.0: ")),
        "{:?}",
        o.outcome.toolchain
    );
    // Served: then GOFLAGS stops the switched-to go.
    let o = predict(&c, &p, &[toolchain_target(A, ok_layers())]);
    assert_eq!(o.outcome.root_cause_code, Some(Code::GoflagsMalformed));
}

#[test]
fn a_second_dependency_makes_the_new_go_switch_again() {
    // a.example/x needs 1.98, b.example/y 1.99: go switches to go1.98.5 (a sorts first),
    // which loads the graph again and switches to go1.99.0 — whose zip A does not have.
    let c = cfg_with_gomod(
        "module m\n\ngo 1.21\n\nrequire (\n\tb.example/y v1.0.0\n\ta.example/x v1.0.0\n)\n",
        &[
            ("GOPROXY", A),
            ("GOTOOLCHAIN", "auto"),
            ("GONOSUMDB", "a.example,b.example"),
        ],
    );
    let p = Plan::build(&c, &[]);
    let mut dep = proxy_target(A, ok_layers());
    set_go_mods(
        &mut dep,
        vec![
            go_mod("b.example/y", "v1.0.0", 200, Some("1.99")),
            go_mod("a.example/x", "v1.0.0", 200, Some("1.98")),
        ],
    );
    let zip = |name: &str, layers: Vec<L>| Target {
        url: format!(
            "{A}/golang.org/toolchain/@v/{}.zip",
            crate::config::toolchain::module_version(name)
        ),
        context: context(Some(A), "golang.org/toolchain", Some(ToolchainRequest::Zip)),
        ..toolchain_target(A, layers)
    };
    let targets = vec![
        dep,
        list_target(
            A,
            served_list(&["v0.0.1-go1.98.5.linux-amd64", "v0.0.1-go1.99.0.linux-amd64"]),
        ),
        zip("go1.98.5", ok_layers()),
        zip("go1.99.0", failing(HttpError::NotFound, Some(404))),
    ];
    let o = predict(&c, &p, &targets);
    let tc = o.outcome.toolchain.as_ref().unwrap();
    assert_eq!(tc.target.as_deref(), Some("go1.99.0"));
    let e = tc.error.as_deref().unwrap();
    assert!(
        e.starts_with("go: module a.example/x@v1.0.0 requires go >= 1.98; switching to go1.98.5\ngo: module b.example/y@v1.0.0 requires go >= 1.99; switching to go1.99.0\ngo: download go1.99.0 for "),
        "{e}"
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::ToolchainUnavailable));
}

#[test]
fn a_go_mod_the_first_proxy_lacks_is_read_further_on() {
    // `,`: a 404 moves go to the next entry, where godoctor did not look: not read, and the
    // next dependency in order decides. A 500 stops go: no mid-command prediction.
    let run = |status: u16| {
        let c = cfg_with_gomod(
            "module m\n\ngo 1.21\n\nrequire (\n\ta.example/x v1.0.0\n\tb.example/y v1.0.0\n)\n",
            &[
                ("GOPROXY", "https://a.example,https://b.example"),
                ("GOTOOLCHAIN", "local"),
                ("GONOSUMDB", "a.example,b.example"),
            ],
        );
        let p = Plan::build(&c, &[]);
        let mut dep = proxy_target(A, ok_layers());
        set_go_mods(
            &mut dep,
            vec![
                go_mod("a.example/x", "v1.0.0", status, None),
                go_mod("b.example/y", "v1.0.0", 200, Some("1.99")),
            ],
        );
        predict(&c, &p, &[dep]).outcome
    };
    assert_eq!(
        run(404).root_cause_code,
        Some(Code::ToolchainDependencyTooNew)
    );
    assert!(run(500).toolchain.is_none());
}

#[test]
fn a_cached_go_line_decides_before_goproxy_off_online_too() {
    // Verified with go1.27.3 (offline_prediction): loading the graph from the module cache
    // meets the dependency's go line before any download could hit GOPROXY=off.
    let cache = tempfile::tempdir().unwrap();
    let dir = cache.path().join("cache/download/example.com/m/@v");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("v1.0.0.mod"), "module example.com/m\n\ngo 1.99\n").unwrap();
    let c = cfg_with_gomod(
        "module m\n\ngo 1.21\n\nrequire example.com/m v1.0.0\n",
        &[
            ("GOPROXY", "off"),
            ("GOSUMDB", "off"),
            ("GOTOOLCHAIN", "local"),
            ("GOMODCACHE", cache.path().to_str().unwrap()),
        ],
    );
    let o = predict(&c, &Plan::build(&c, &[]), &[]);
    assert_eq!(
        o.outcome.root_cause_code,
        Some(Code::ToolchainDependencyTooNew)
    );
}

/// A toolchain zip asked of more than the 32 GOPROXY entries godoctor follows, every probed one
/// refusing with `|` after it: go asks the entries after them, so neither the outcome nor go's
/// words are known. Failing is the safe prediction; no error of the 32nd entry is claimed.
#[test]
fn a_toolchain_past_the_followed_entries_is_not_claimed() {
    let proxies: Vec<String> = (0..40).map(|i| format!("https://p{i}.example")).collect();
    let refused = |p: &String| toolchain_target(p, failing(TcpError::Refused, None));
    let o = toolchain_world(
        &proxies.join("|"),
        proxies[..32].iter().map(refused).collect(),
    );
    let tc = o.outcome.toolchain.as_ref().unwrap();
    assert_eq!(tc.predicted, Predicted::Fail);
    assert_eq!(tc.error, None, "{tc:?}");
    assert_eq!(o.outcome.root_cause_code, Some(Code::GoproxyNotFollowed));
    let root = o
        .findings
        .iter()
        .find(|f| f.code == Code::GoproxyNotFollowed)
        .unwrap();
    assert_eq!(root.params["entries"], "8");
    assert!(o.outcome.modules.iter().all(|m| m.error.is_none()));
    // A `,` after the 32nd entry stops go there: its words decide, as before.
    let comma = format!("{},{}", proxies[..32].join("|"), proxies[32..].join("|"));
    let o = toolchain_world(&comma, proxies[..32].iter().map(refused).collect());
    let tc = o.outcome.toolchain.as_ref().unwrap();
    assert!(
        tc.error
            .as_deref()
            .is_some_and(|e| e.contains("p31.example")),
        "{tc:?}"
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::TcpRefused));
}
