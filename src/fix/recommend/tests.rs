//! Ranking that the dry run and `--apply` agree on, and the problem wording.

use super::*;

fn cand(url: &str, ms: Option<f64>) -> Candidate {
    Candidate {
        url: crate::redact::Sensitive::urls(url),
        source: Source::Builtin,
        qualified: ms.is_some(),
        problem: None,
        median_ms: ms,
        relays_sumdb: false,
        serves_toolchain: None,
        throughput_bps: None,
    }
}

fn order(c: &[Candidate]) -> Vec<&str> {
    c.iter().map(|c| c.url.expose()).collect()
}

#[test]
fn ranking_is_stable_across_runs_that_measure_alike() {
    // Two runs of the same three mirrors with a few milliseconds of noise between them.
    let mut first = vec![
        cand("a", Some(41.0)),
        cand("b", Some(39.0)),
        cand("c", Some(400.0)),
        cand("dead", None),
    ];
    let mut second = vec![
        cand("a", Some(38.0)),
        cand("b", Some(44.0)),
        cand("c", Some(380.0)),
        cand("dead", None),
    ];
    rank(&mut first);
    rank(&mut second);
    assert_eq!(order(&first), ["a", "b", "c", "dead"]);
    assert_eq!(order(&first), order(&second));
}

#[test]
fn ties_keep_the_given_order_and_slow_mirrors_go_last() {
    let mut c = vec![
        cand("slow", Some(900.0)),
        cand("x", Some(10.0)),
        cand("y", Some(10.0)),
        cand("dead", None),
        cand("z", Some(15.0)),
    ];
    rank(&mut c);
    assert_eq!(order(&c), ["x", "y", "z", "slow", "dead"]);
}

#[test]
fn the_layer_is_not_said_twice() {
    let p = Problem::Layer {
        layer: "tls",
        error: "tls: failed to verify certificate: x509: certificate signed by unknown authority"
            .into(),
    };
    assert_eq!(
        p.text(Lang::En),
        "tls: failed to verify certificate: x509: certificate signed by unknown authority"
    );
    let p = Problem::Layer {
        layer: "tcp",
        error: "connection refused".into(),
    };
    assert_eq!(p.text(Lang::En), "tcp: connection refused");
}
