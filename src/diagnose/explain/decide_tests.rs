//! Layer, host and probe decided from the structure of go's texts, one per shape.

use super::super::chain::Chain;
use super::decide;
use crate::diagnose::Layer;

fn d(text: &str) -> (String, Layer, Option<String>) {
    let c = Chain::parse(text);
    let v = decide(&c).unwrap_or_else(|| panic!("undecided: {text}\n{c:?}"));
    (v.rule.id.to_owned(), v.layer, v.host)
}

#[test]
fn name_mismatch_for_an_unrelated_site_is_dns() {
    let (_, layer, host) = d(
        "failed to verify certificate: x509: certificate is valid for sinkhole.corp.example.com, not proxy.golang.org",
    );
    assert_eq!((layer, host.as_deref()), (Layer::Dns, Some("proxy.golang.org")));
}
