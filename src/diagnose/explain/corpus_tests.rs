//! The corpus of texts people really posted (tests/explain_corpus/cases-*.toml, format in its
//! FORMAT.md; each labelled with the layer and host the thread established): `explain` must
//! name the layer for ≥ 95% of them and the host for ≥ 90% of those that have one. Every miss
//! is printed, so a regression shows which text it broke.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct File {
    #[serde(default)]
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    id: String,
    text: String,
    layer: String,
    host: Option<String>,
}

fn cases() -> Vec<Case> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/explain_corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/explain_corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let parsed: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        out.extend(parsed.case);
    }
    out
}

/// Labels that contradict docs/json-contract.md (`root_cause.layer`), which `explain` follows as
/// `check` does: counted and printed apart, not in the accuracy. Reported to the corpus
/// (notes/explain-corpus/REVIEW-explain13.md); an entry is dropped once its label is fixed.
const DISPUTED: &[(&str, &str)] = &[];

/// Hosts agree when equal, or equal without a port.
fn same_host(got: &str, want: &str) -> bool {
    let bare = |h: &str| {
        h.rsplit_once(':')
            .filter(|(_, p)| p.bytes().all(|b| b.is_ascii_digit()))
            .map_or(h, |(h, _)| h)
            .to_ascii_lowercase()
    };
    bare(got) == bare(want)
}

// The figures and every miss are the point of the test's output.
#[allow(clippy::print_stdout)]
#[test]
fn corpus_layer_and_host_accuracy() {
    let cases = cases();
    assert!(!cases.is_empty());
    let (mut layer_ok, mut with_host, mut host_ok) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    let mut disputed = Vec::new();
    let mut counted = 0usize;
    for c in &cases {
        let e = super::explain(&c.text);
        if let Some((_, why)) = DISPUTED.iter().find(|(id, _)| *id == c.id) {
            let layer = e.top().layer.map(|l| l.as_str()).unwrap_or("-");
            disputed.push(format!(
                "{}: layer {layer}, labelled {} ({why})",
                c.id, c.layer
            ));
            continue;
        }
        counted += 1;
        let top = e.top();
        let layer = top.layer.map(|l| l.as_str()).unwrap_or("-");
        if layer == c.layer {
            layer_ok += 1;
        } else {
            misses.push(format!("{}: layer {layer}, want {}", c.id, c.layer));
        }
        if let Some(want) = &c.host {
            with_host += 1;
            match top.host.as_deref() {
                Some(got) if same_host(got, want) => host_ok += 1,
                got => misses.push(format!("{}: host {got:?}, want {want}", c.id)),
            }
        }
    }
    let layer_pct = 100.0 * layer_ok as f64 / counted as f64;
    let host_pct = 100.0 * host_ok as f64 / with_host.max(1) as f64;
    println!(
        "explain corpus: {} cases ({} disputed), layer {layer_ok}/{counted} = {layer_pct:.1}%, host {host_ok}/{with_host} = {host_pct:.1}%",
        cases.len(),
        disputed.len(),
    );
    for d in &disputed {
        println!("  disputed {d}");
    }
    for m in &misses {
        println!("  miss {m}");
    }
    let all = misses.join("\n  ");
    assert!(
        layer_pct >= 95.0,
        "layer accuracy {layer_pct:.1}% < 95%; misses:\n  {all}"
    );
    assert!(
        host_pct >= 90.0,
        "host accuracy {host_pct:.1}% < 90%; misses:\n  {all}"
    );
}
