//! The main module a scenario's go and godoctor run in: go.mod (go lines, the required
//! modules), go.sum (none, complete, or with a wrong `/go.mod` line) and the Go source. Every
//! run gets its own copy: `go mod tidy` rewrites go.mod and go.sum, and the runs of one
//! scenario go side by side.

use std::fs;
use std::path::Path;

use super::assets;
use super::scenarios::{GoLines, GoSum, Scenario};

/// A `/go.mod` hash no module in the lab has.
const WRONG_H1: &str = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

fn requires(sc: &Scenario) -> Vec<&'static str> {
    let mut r = sc.requires.clone();
    match sc.gomod {
        GoLines::DependencyNeedsNewer => r.push(assets::NEWGO),
        GoLines::GraphDependencyNeedsNewer => r.push(assets::GRAPHNEWGO),
        _ => {}
    }
    r
}

pub fn go_mod(sc: &Scenario) -> String {
    let mut m = format!("module lab.test/app\n\n{}\nrequire (\n", sc.gomod.text());
    for path in requires(sc) {
        m.push_str(&format!("\t{path} {}\n", assets::module(path).version));
    }
    m.push_str(")\n");
    m
}

pub fn go_sum(sc: &Scenario) -> Option<String> {
    let modules: Vec<assets::Module> = requires(sc).into_iter().map(assets::module).collect();
    match sc.gosum {
        GoSum::None => None,
        GoSum::Complete => Some(modules.iter().map(assets::go_sum_lines).collect()),
        GoSum::WrongGoModLine => {
            let mut lines: String = modules.iter().map(assets::go_sum_lines).collect();
            let first = &modules[0];
            lines = lines.replace(
                &format!("/go.mod {}", first.mod_h1()),
                &format!("/go.mod {WRONG_H1}"),
            );
            assert!(lines.contains(WRONG_H1));
            Some(lines)
        }
    }
}

/// Writes the scenario's main module into `dir` (created).
pub fn write(sc: &Scenario, dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join("go.mod"), go_mod(sc)).unwrap();
    if let Some(sum) = go_sum(sc) {
        fs::write(dir.join("go.sum"), sum).unwrap();
    }
    for (name, body) in &sc.files {
        fs::write(dir.join(name), body).unwrap();
    }
}
