//! The module graph beyond the main go.mod (issue 12): go reads the go.mod files of its
//! dependencies' requirements — all of them below go 1.17, only below dependencies whose own
//! go.mod predates pruning above it — and `go mod download` below go 1.17 downloads every
//! module of the build list. Verified with go1.19.8 and go1.27.3 on a static store: a leaf the
//! proxy lacks fails `go mod download` in every case but a pruned main module above a pruned
//! dependency (`go: example.com/graph16@v1.0.0 requires\n\texample.com/leaf@v1.0.0: reading
//! …/leaf/@v/v1.0.0.mod: 404` at go 1.17; `example.com/leaf@v1.0.0: reading …/v1.0.0.info: 404`
//! at go 1.16).

use crate::lab::goproxy::{GRAPH_LEAF, GRAPH_NEWGO};
use crate::lab::{Behavior, CertKind, Lab, SumdbMode};
use crate::modules_lab::{check, module, project_at, root, served, url};

const GRAPH16: &str = "example.com/graph16";
const GRAPH17: &str = "example.com/graph17";
const GRAPH_NEWGO_DEP: &str = "example.com/graphnewgo";

/// `go mod download` for a main module at `main_go` requiring `dep`, the leaf served or not.
fn download(main_go: &str, dep: &str, leaf_served: bool) -> serde_json::Value {
    let lab = Lab::new();
    let mut modules = vec![dep];
    if leaf_served {
        modules.push(GRAPH_LEAF);
    }
    let p = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&modules, SumdbMode::NotServed)),
    );
    let dir = project_at(main_go, &[dep], &[]);
    check(
        &lab,
        dir.path(),
        &[
            ("GOPROXY", url("proxy.lab.test", p)),
            ("GONOSUMDB", "example.com".into()),
        ],
        &["--", "go", "mod", "download"],
    )
}

fn leaf_fails(json: &serde_json::Value, file: &str) {
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    let leaf = module(json, GRAPH_LEAF);
    assert_eq!(leaf["predicted"], "fail");
    let err = leaf["error"].as_str().unwrap();
    assert!(
        err.contains(&format!("example.com/leaf/@v/v1.0.0.{file}")) && err.contains("404"),
        "{err}"
    );
    assert_eq!(
        root(json),
        ("MODULE_NOT_FOUND".into(), "proxy.lab.test".into())
    );
    let plan = json["plan"]["modules"].as_array().unwrap();
    assert!(
        plan.iter()
            .any(|m| m["module"] == GRAPH_LEAF && m["source"] == "graph"),
        "{plan:#?}"
    );
}

#[test]
fn below_go_1_17_every_go_mod_of_the_graph_is_read_and_a_missing_leaf_fails() {
    leaf_fails(&download("1.16", GRAPH17, false), "info");
}

#[test]
fn a_pruned_main_module_follows_a_dependency_that_predates_pruning() {
    leaf_fails(&download("1.17", GRAPH16, false), "mod");
}

#[test]
fn a_pruned_main_module_says_which_requirement_leads_to_a_missing_go_mod() {
    // go1.19 and go1.27 alike: `go: example.com/graph16@v1.0.0 requires\n\texample.com/leaf…`.
    let json = download("1.17", GRAPH16, false);
    let err = module(&json, GRAPH_LEAF)["error"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        err.starts_with(&format!(
            "go: {GRAPH16}@v1.0.0 requires\n\t{GRAPH_LEAF}@v1.0.0: reading "
        )),
        "{err}"
    );
    // Below go 1.17 go stats the build list and names the module alone.
    let json = download("1.16", GRAPH17, false);
    let err = module(&json, GRAPH_LEAF)["error"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        err.starts_with(&format!("go: {GRAPH_LEAF}@v1.0.0: reading ")),
        "{err}"
    );
}

#[test]
fn a_go_line_deep_in_a_pruned_graph_stops_go_as_a_requirement_s_would() {
    // Verified with go1.27.3 on a static store (GOTOOLCHAIN=local): `go: example.com/graphnewgo@
    // v1.0.0 requires\n\texample.com/newgo@v1.0.0: module example.com/newgo@v1.0.0 requires go
    // >= 1.99 (running go 1.27.3; GOTOOLCHAIN=local)`. Below go 1.17 go does not check it.
    let run = |main_go: &str| {
        let lab = Lab::new();
        let p = lab.https(
            "proxy.lab.test",
            CertKind::Lab,
            Behavior::Goproxy(served(
                &[GRAPH_NEWGO_DEP, GRAPH_NEWGO],
                SumdbMode::NotServed,
            )),
        );
        let dir = project_at(main_go, &[GRAPH_NEWGO_DEP], &[]);
        check(
            &lab,
            dir.path(),
            &[
                ("GOPROXY", url("proxy.lab.test", p)),
                ("GONOSUMDB", "example.com".into()),
                ("GOTOOLCHAIN", "local".into()),
            ],
            &["--", "go", "mod", "download"],
        )
    };
    let json = run("1.21");
    let tc = &json["outcome"]["toolchain"];
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    assert_eq!(
        tc["required_by"]["module"], "example.com/newgo@v1.0.0",
        "{tc:#}"
    );
    let err = tc["error"].as_str().unwrap();
    assert!(
        err.starts_with(&format!(
            "go: {GRAPH_NEWGO_DEP}@v1.0.0 requires\n\t{GRAPH_NEWGO}@v1.0.0: module {GRAPH_NEWGO}@v1.0.0 requires go >= 1.99 (running go "
        )) && err.ends_with("; GOTOOLCHAIN=local)"),
        "{err}"
    );
    let json = run("1.16");
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json["outcome"]);
}

#[test]
fn a_pruned_main_module_above_a_pruned_dependency_never_reads_the_leaf() {
    let json = download("1.17", GRAPH17, false);
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json["outcome"]);
    let modules = json["outcome"]["modules"].as_array().unwrap();
    assert!(
        modules.iter().all(|m| m["module"] != GRAPH_LEAF),
        "{modules:#?}"
    );
}

#[test]
fn below_go_1_17_the_graph_s_modules_are_downloaded_whole() {
    let json = download("1.16", GRAPH16, true);
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json["outcome"]);
    assert_eq!(module(&json, GRAPH_LEAF)["predicted"], "ok");
    let leaf = json["plan"]["modules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["module"] == GRAPH_LEAF)
        .cloned()
        .unwrap();
    assert_eq!(leaf["source"], "graph", "{leaf:#}");
}

/// A workspace: go.work `use`s ./a (requiring `a_requires`) and ./b (requiring `b_requires`).
fn workspace(a_requires: &str, b_requires: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("go.work"), "go 1.21\n\nuse (\n\t./a\n\t./b\n)\n").unwrap();
    for (name, req) in [("a", a_requires), ("b", b_requires)] {
        std::fs::create_dir_all(root.join(name)).unwrap();
        std::fs::write(
            root.join(name).join("go.mod"),
            format!("module example.com/w{name}\n\ngo 1.21\n\nrequire {req} v1.0.0\n"),
        )
        .unwrap();
    }
    dir
}

/// Verified with go1.19.8 and go1.27.3: in a workspace `go mod download` lists `all`, so the
/// requirements of every used module, and those of a pruned dependency (its go.mod not read for
/// the graph), are stat'ed and downloaded: `go: example.com/leaf@v1.0.0: reading
/// …/leaf/@v/v1.0.0.info: 404` and the same for a missing root.
#[test]
fn a_workspace_downloads_every_used_module_s_requirements_and_their_build_list() {
    let lab = Lab::new();
    let p = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(served(&[GRAPH17], SumdbMode::NotServed)),
    );
    let dir = workspace(GRAPH17, "example.com/missing");
    let json = check(
        &lab,
        dir.path(),
        &[
            ("GOPROXY", url("proxy.lab.test", p)),
            ("GONOSUMDB", "example.com".into()),
        ],
        &[],
    );
    assert_eq!(json["outcome"]["command"], "go mod download");
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    assert_eq!(module(&json, GRAPH17)["predicted"], "ok");
    for m in ["example.com/missing", GRAPH_LEAF] {
        let o = module(&json, m);
        assert_eq!(o["predicted"], "fail", "{o:#}");
        assert!(
            o["error"]
                .as_str()
                .unwrap()
                .contains("/@v/v1.0.0.info: 404 Not Found"),
            "{o:#}"
        );
    }
    // The used modules themselves are never fetched.
    let modules = json["outcome"]["modules"].as_array().unwrap();
    assert!(
        modules
            .iter()
            .all(|m| !m["module"].as_str().unwrap().starts_with("example.com/w")),
        "{modules:#?}"
    );
}

/// go1.19.8 and go1.27.3: `go: example.com/badgo@v1.0.0: parsing go.mod: go.mod:3: invalid go
/// version 'foo': must match format 1.23[.0]` — a dependency's go.mod is read laxly, but not
/// that laxly.
#[test]
fn a_dependency_go_mod_go_cannot_read_stops_the_graph() {
    let json = download("1.21", "example.com/badgo", false);
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    let bad = module(&json, "example.com/badgo");
    assert_eq!(
        bad["error"],
        "go: example.com/badgo@v1.0.0: parsing go.mod: go.mod:3: invalid go version 'foo': must match format 1.23.0"
    );
    assert_eq!(json["root_cause"]["code"], "GOMOD_UNPARSABLE");
    assert_eq!(json["root_cause"]["layer"], "config");
}
