//! The module graph beyond the main go.mod (issue 12): go reads the go.mod files of its
//! dependencies' requirements — all of them below go 1.17, only below dependencies whose own
//! go.mod predates pruning above it — and `go mod download` below go 1.17 downloads every
//! module of the build list. Verified with go1.19.8 and go1.27.3 on a static store: a leaf the
//! proxy lacks fails `go mod download` in every case but a pruned main module above a pruned
//! dependency (`go: example.com/graph16@v1.0.0 requires\n\texample.com/leaf@v1.0.0: reading
//! …/leaf/@v/v1.0.0.mod: 404` at go 1.17; `example.com/leaf@v1.0.0: reading …/v1.0.0.info: 404`
//! at go 1.16).

use crate::lab::goproxy::GRAPH_LEAF;
use crate::lab::{Behavior, CertKind, Lab, SumdbMode};
use crate::modules_lab::{check, module, project_at, root, served, url};

const GRAPH16: &str = "example.com/graph16";
const GRAPH17: &str = "example.com/graph17";

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
