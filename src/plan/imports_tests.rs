//! From import to module, case by case; tests/it/tidy_imports.rs checks the paths go asks
//! about against real `go mod tidy`.

use super::*;
use crate::config::gomod;

fn list(gomod_text: &str, main_packages: &[&str]) -> BuildList {
    let m = gomod::parse(gomod_text, false);
    BuildList::from_gomod(
        &m,
        main_packages.iter().map(|s| s.to_string()).collect(),
        StdLibrary::Known(["fmt", "net/http"].map(String::from).into()),
    )
}

fn query_paths(r: &Resolution) -> Vec<(String, bool)> {
    let missing = match r {
        Resolution::Missing(m) => m,
        Resolution::BuildList { otherwise, .. } => otherwise,
        _ => panic!("no lookup: {r:?}"),
    };
    match &missing.then {
        Lookup::Query { modules } => modules
            .iter()
            .map(|m| (m.path.clone(), m.network))
            .collect(),
        other => panic!("not a query: {other:?}"),
    }
}

const MOD: &str = "module example.com/m\n\ngo 1.21\n";

#[test]
fn invalid_paths_never_reach_a_module() {
    let l = list(MOD, &[]);
    let err = |p: &str| match route_import(p, &l).resolution {
        Resolution::Invalid { error } => error,
        other => panic!("{p}: {other:?}"),
    };
    assert_eq!(
        err("./x"),
        r#""./x" is relative, but relative import paths are not supported in module mode"#
    );
    assert_eq!(
        err("example.com/x@v1"),
        r#"import path "example.com/x@v1" should not have @version"#
    );
    assert_eq!(
        err("/abs"),
        r#""/abs" is not a package path; see 'go help packages'"#
    );
    assert_eq!(
        err("all"),
        r#""all" is not an importable package; see 'go help packages'"#
    );
    assert_eq!(
        err("example.com/a b"),
        r#"malformed import path "example.com/a b": invalid char ' '"#
    );
}

#[test]
fn std_main_module_and_missing_std() {
    let l = list(MOD, &["example.com/m", "example.com/m/sub"]);
    assert_eq!(route_import("fmt", &l).resolution, Resolution::Std);
    assert_eq!(route_import("C", &l).resolution, Resolution::Std);
    assert_eq!(
        route_import("example.com/m/sub", &l).resolution,
        Resolution::MainModule
    );
    let r = route_import("foo/bar", &l).resolution;
    assert_eq!(
        r,
        Resolution::Missing(Missing {
            replaced: vec![],
            then: Lookup::NotInStd
        })
    );
    // Without GOROOT every dotless path is taken to be std.
    let assumed = BuildList {
        std: StdLibrary::Assumed,
        ..l
    };
    assert_eq!(
        route_import("foo/bar", &assumed).resolution,
        Resolution::Std
    );
}

#[test]
fn every_prefix_is_queried_but_the_main_module_and_bad_majors() {
    let l = list(MOD, &["example.com/m"]);
    assert_eq!(
        query_paths(&route_import("example.com/m/missing/x", &l).resolution),
        [
            ("example.com/m/missing/x".into(), true),
            ("example.com/m/missing".into(), true),
            ("example.com".into(), true)
        ]
    );
    assert_eq!(
        query_paths(&route_import("example.com/a/v1/b", &l).resolution),
        [
            ("example.com/a/v1/b".into(), true),
            ("example.com/a".into(), true),
            ("example.com".into(), true)
        ]
    );
    assert_eq!(
        query_paths(&route_import("gopkg.in/yaml.v3/sub", &l).resolution),
        [("gopkg.in/yaml.v3".into(), true), ("gopkg.in".into(), true)]
    );
    // CheckPath refuses an upper-case first element: asked about, but without a request.
    assert_eq!(
        query_paths(&route_import("Example.com/Upper/x", &l).resolution),
        [
            ("Example.com/Upper/x".into(), false),
            ("Example.com/Upper".into(), false),
            ("Example.com".into(), false)
        ]
    );
    let r = route_import("example.com/x", &l);
    let Resolution::Missing(m) = &r.resolution else {
        panic!()
    };
    assert_eq!(m.then.requested(), ["example.com/x", "example.com"]);
}

#[test]
fn required_modules_are_candidates_longest_first() {
    let l = list(
        "module example.com/m\nrequire (\n\tgolang.org/x/text v0.14.0\n\tgolang.org/x v0.1.0\n\tgolang.org/x/text v0.3.0\n)\nreplace golang.org/x => ../x\n",
        &[],
    );
    let r = route_import("golang.org/x/text/language", &l).resolution;
    let Resolution::BuildList {
        candidates,
        main_module,
        otherwise,
    } = r
    else {
        panic!("{r:?}")
    };
    assert!(!main_module);
    assert_eq!(
        candidates,
        [
            Candidate {
                module: "golang.org/x/text".into(),
                version: "v0.14.0".into(),
                replacement: None
            },
            Candidate {
                module: "golang.org/x".into(),
                version: "v0.1.0".into(),
                replacement: Some(Replacement::Dir("../x".into()))
            }
        ]
    );
    assert_eq!(
        candidates[0].download(),
        Some(("golang.org/x/text", "v0.14.0"))
    );
    assert_eq!(candidates[1].download(), None);
    // If neither has it: the replaced module is already selected at a version at least as high
    // as the zero pseudo-version, so go goes straight to the query.
    assert!(otherwise.replaced.is_empty());
    assert_eq!(otherwise.then.requested().len(), 4);
}

#[test]
fn replacements_come_before_the_query() {
    let l = list(
        "module example.com/m\nrequire example.com/old v1.0.0\nreplace (\n\texample.com/lib => ../lib\n\texample.com/lib/v2 => example.com/fork/v2 v2.1.0\n\texample.com/old v1.2.0 => ../old\n\tfoo => ./foo\n)\n",
        &[],
    );
    let r = route_import("example.com/lib/v2/pkg", &l).resolution;
    let Resolution::Missing(m) = r else {
        panic!("{r:?}")
    };
    assert_eq!(
        m.replaced,
        [
            Candidate {
                module: "example.com/lib/v2".into(),
                version: "v2.0.0-00010101000000-000000000000".into(),
                replacement: Some(Replacement::Module {
                    path: "example.com/fork/v2".into(),
                    version: "v2.1.0".into()
                })
            },
            Candidate {
                module: "example.com/lib".into(),
                version: "v0.0.0-00010101000000-000000000000".into(),
                replacement: Some(Replacement::Dir("../lib".into()))
            }
        ]
    );
    let Lookup::Query { modules } = &m.then else {
        panic!()
    };
    assert!(
        modules
            .iter()
            .any(|q| q.path == "example.com/lib/v2" && q.replaced)
    );
    // A required module replaced at a higher version: go tries that version first.
    let r = route_import("example.com/old/x", &l).resolution;
    let Resolution::BuildList { otherwise, .. } = r else {
        panic!("{r:?}")
    };
    assert_eq!(otherwise.replaced[0].version, "v1.2.0");
    // A dotless path with a replacement: not a valid module path, so no query.
    let r = route_import("foo/bar", &l).resolution;
    let Resolution::Missing(m) = r else {
        panic!("{r:?}")
    };
    assert_eq!(m.replaced.len(), 1);
    assert_eq!(
        m.then,
        Lookup::NotInReplacement {
            module: "foo".into()
        }
    );
}

#[test]
fn main_module_package_shadowed_by_a_required_nested_module() {
    let l = list(
        "module example.com/m\nrequire example.com/m/sub v1.0.0\n",
        &["example.com/m", "example.com/m/sub/x"],
    );
    let r = route_import("example.com/m/sub/x", &l).resolution;
    let Resolution::BuildList {
        candidates,
        main_module,
        ..
    } = r
    else {
        panic!("{r:?}")
    };
    assert!(main_module);
    assert_eq!(candidates[0].module, "example.com/m/sub");
}

#[test]
fn routes_serialize() {
    let l = list(MOD, &[]);
    let routes = route_imports(["fmt", "example.com/x"], &l);
    let json = serde_json::to_value(&routes).unwrap();
    assert_eq!(json[0]["resolution"]["kind"], "std");
    assert_eq!(json[1]["resolution"]["kind"], "missing");
    assert_eq!(json[1]["resolution"]["then"]["kind"], "query");
}
