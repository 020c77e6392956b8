//! schema/check.schema.json held to the contract types: the schema that `schemars` derives from
//! [`CheckDocument`] (as serialised) is walked beside the checked-in one, and wherever the
//! checked-in schema fixes a shape,
//!
//! - every property the types can emit is declared there, with a compatible type (a `null` the
//!   types can emit is allowed — a property they may omit is skipped when `None`, never null —
//!   and a value of a closed vocabulary is in its `enum`);
//! - every property it requires is one the types always emit.
//!
//! Where it leaves a shape open (`plan`, `detail`, `context`), the walk stops. The checked-in
//! schema stays the one people read, descriptions and all; the integration tests (tests/it/
//! schema.rs) validate real documents against it with the `jsonschema` crate.

use serde_json::{Value, json};

use super::document::CheckDocument;

fn derived() -> Value {
    let generator = schemars::generate::SchemaSettings::default()
        .for_serialize()
        .into_generator();
    serde_json::to_value(generator.into_root_schema_for::<CheckDocument>()).unwrap()
}

fn checked_in() -> Value {
    serde_json::from_str(include_str!("../../../schema/check.schema.json")).unwrap()
}

/// Two schemas, walked side by side; `problems` says where they disagree.
struct Walk<'a> {
    types: &'a Value,
    schema: &'a Value,
    problems: Vec<String>,
}

/// The kinds of JSON value a (resolved) schema node admits, each with the node that says more
/// about it.
fn kinds(node: &Value) -> Vec<(&'static str, &Value)> {
    let kind_of = |v: &Value| match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let named = |t: &str| match t {
        "null" => "null",
        "boolean" => "boolean",
        "number" => "number",
        "integer" => "integer",
        "string" => "string",
        "array" => "array",
        "object" => "object",
        other => panic!("unknown JSON Schema type {other}"),
    };
    match (node.get("type"), node.get("enum"), node.get("const")) {
        (Some(Value::String(t)), ..) => vec![(named(t), node)],
        (Some(Value::Array(ts)), ..) => ts
            .iter()
            .map(|t| (named(t.as_str().unwrap()), node))
            .collect(),
        (None, Some(Value::Array(values)), _) => {
            let mut out: Vec<(&str, &Value)> = values.iter().map(|v| (kind_of(v), node)).collect();
            out.dedup_by_key(|(k, _)| *k);
            out
        }
        (None, None, Some(v)) => vec![(kind_of(v), node)],
        _ => Vec::new(),
    }
}

/// A node that says nothing: any value.
fn is_open(node: &Value) -> bool {
    [
        "type",
        "enum",
        "const",
        "anyOf",
        "oneOf",
        "$ref",
        "properties",
        "items",
    ]
    .iter()
    .all(|k| node.get(k).is_none())
}

impl Walk<'_> {
    fn resolve<'v>(root: &'v Value, mut node: &'v Value) -> &'v Value {
        while let Some(Value::String(r)) = node.get("$ref") {
            let name = r.strip_prefix("#/$defs/").expect("a local $ref");
            node = &root["$defs"][name];
        }
        node
    }

    /// The alternatives of `anyOf` / `oneOf`, resolved and flattened.
    fn alternatives<'v>(root: &'v Value, node: &'v Value) -> Vec<&'v Value> {
        let node = Self::resolve(root, node);
        match node.get("anyOf").or_else(|| node.get("oneOf")) {
            Some(Value::Array(alts)) => alts
                .iter()
                .flat_map(|a| Self::alternatives(root, a))
                .collect(),
            _ => vec![node],
        }
    }

    /// `emitted` (from the types) against `allowed` (the checked-in schema) at `path`;
    /// `optional`: the types omit the property rather than write null.
    fn value(&mut self, path: &str, emitted: &Value, allowed: &Value, optional: bool) {
        let allowed = Self::alternatives(self.schema, allowed);
        if allowed.iter().any(|a| is_open(a)) {
            return;
        }
        for e in Self::alternatives(self.types, emitted) {
            for (kind, e) in kinds(e) {
                if kind == "null" && optional {
                    continue;
                }
                let fits = |k: &str| k == kind || (k == "number" && kind == "integer");
                let Some(a) = allowed
                    .iter()
                    .flat_map(|a| kinds(a))
                    .find(|(k, _)| fits(k))
                    .map(|(_, a)| a)
                else {
                    self.problems.push(format!(
                        "{path}: the types emit {kind}, the schema does not allow it"
                    ));
                    continue;
                };
                match kind {
                    "object" => self.object(path, e, a),
                    "array" => {
                        if let (Some(ei), Some(ai)) = (e.get("items"), a.get("items")) {
                            self.value(&format!("{path}[]"), ei, ai, false);
                        }
                    }
                    "string" => self.vocabulary(path, e, a),
                    _ => {}
                }
            }
        }
    }

    /// The values of a closed vocabulary the types emit are values the schema allows.
    fn vocabulary(&mut self, path: &str, emitted: &Value, allowed: &Value) {
        let Some(Value::Array(values)) = emitted.get("enum") else {
            return;
        };
        let permitted: Vec<&Value> = match (allowed.get("enum"), allowed.get("const")) {
            (Some(Value::Array(vs)), _) => vs.iter().collect(),
            (None, Some(v)) => vec![v],
            _ => return,
        };
        for v in values.iter().filter(|v| !permitted.contains(v)) {
            self.problems.push(format!(
                "{path}: the types emit {v}, the schema's enum lacks it"
            ));
        }
    }

    fn object(&mut self, path: &str, emitted: &Value, allowed: &Value) {
        let props = |n: &Value| n.get("properties").and_then(Value::as_object).cloned();
        let required = |n: &Value| -> Vec<String> {
            n.get("required")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(|s| s.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        if let Some(declared) = props(allowed) {
            let emitted_props = props(emitted).unwrap_or_default();
            let always = required(emitted);
            for (name, e) in &emitted_props {
                let at = format!("{path}.{name}");
                match declared.get(name) {
                    Some(a) => self.value(&at, e, a, !always.contains(name)),
                    None => self.problems.push(format!(
                        "{at}: the types emit it, the schema does not declare it"
                    )),
                }
            }
            for name in required(allowed) {
                if !always.contains(&name) {
                    self.problems.push(format!(
                        "{path}.{name}: the schema requires it, the types {}",
                        if emitted_props.contains_key(&name) {
                            "may omit it"
                        } else {
                            "never emit it"
                        }
                    ));
                }
            }
        }
        if let (Some(e), Some(a)) = (
            emitted.get("additionalProperties"),
            allowed.get("additionalProperties"),
        ) {
            self.value(&format!("{path}.*"), e, a, false);
        }
    }
}

fn problems(types: &Value, schema: &Value) -> Vec<String> {
    let mut walk = Walk {
        types,
        schema,
        problems: Vec::new(),
    };
    walk.value("$", types, schema, false);
    walk.problems
}

#[test]
fn the_checked_in_schema_describes_the_contract_types() {
    let problems = problems(&derived(), &checked_in());
    assert!(
        problems.is_empty(),
        "schema/check.schema.json and the types in src/report/json/ disagree:\n  {}",
        problems.join("\n  ")
    );
}

/// The walk finds each kind of disagreement: without it, the test above could pass vacuously.
#[test]
fn the_walk_notices_disagreements() {
    let types = derived();
    for (break_schema, expected) in [
        (
            Box::new(|s: &mut Value| {
                s["$defs"]["finding"]["properties"]
                    .as_object_mut()
                    .unwrap()
                    .remove("params");
            }) as Box<dyn Fn(&mut Value)>,
            "$.findings[].params: the types emit it, the schema does not declare it",
        ),
        (
            Box::new(|s: &mut Value| s["$defs"]["setting"]["required"] = json!(["derived_from"])),
            "$.settings.*.derived_from: the schema requires it, the types may omit it",
        ),
        (
            Box::new(|s: &mut Value| s["required"] = json!(["absent"])),
            "$.absent: the schema requires it, the types never emit it",
        ),
        (
            Box::new(|s: &mut Value| {
                s["properties"]["go"]["properties"]["version"] = json!({"type": "string"})
            }),
            "$.go.version: the types emit null, the schema does not allow it",
        ),
        (
            Box::new(|s: &mut Value| s["$defs"]["rootLayer"]["enum"] = json!(["dns"])),
            "$.findings[].layer: the types emit \"tcp\", the schema's enum lacks it",
        ),
        (
            Box::new(|s: &mut Value| s["properties"]["duration_ms"] = json!({"type": "string"})),
            "$.duration_ms: the types emit integer, the schema does not allow it",
        ),
    ] {
        let mut schema = checked_in();
        break_schema(&mut schema);
        let found = problems(&types, &schema);
        assert!(
            found.iter().any(|p| p == expected),
            "expected {expected:?}, found {found:#?}"
        );
    }
}
