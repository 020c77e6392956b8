//! schema/check.schema.json (JSON Schema 2020-12), compiled once with the `jsonschema` crate,
//! and the assertion that a `check --json` document keeps to it.

use std::sync::OnceLock;

use serde_json::Value;

fn schema() -> Value {
    serde_json::from_str(include_str!("../../../schema/check.schema.json"))
        .expect("schema/check.schema.json is JSON")
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::draft202012::new(&schema()).expect("schema/check.schema.json compiles")
    })
}

/// Every way `doc` breaks the schema, each with its JSON pointer.
pub fn violations(doc: &Value) -> Vec<String> {
    validator()
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[track_caller]
pub fn assert_valid(doc: &Value, what: &str) {
    let errs = violations(doc);
    assert!(
        errs.is_empty(),
        "{what}: {} schema violation(s):\n{}",
        errs.len(),
        errs.join("\n")
    );
}
