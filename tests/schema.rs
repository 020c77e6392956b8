//! Every `check --json` document validates against schema/check.schema.json: offline
//! configurations and live probes of the fault lab, failing and healthy. The validator below
//! implements the part of JSON Schema the schema uses (type, const, enum, pattern-free
//! required/properties/additionalProperties, items, oneOf, $ref to $defs, minimum) — and a
//! test proves it rejects documents that break the schema.

mod lab;

use std::process::Command;

use serde_json::Value;

fn schema() -> Value {
    serde_json::from_str(include_str!("../schema/check.schema.json")).unwrap()
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        _ => false,
    }
}

/// Returns the errors, each with its JSON pointer.
fn validate(root: &Value, s: &Value, v: &Value, path: &str, errs: &mut Vec<String>) {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return validate(root, &root["$defs"][name], v, path, errs);
    }
    if let Some(c) = s.get("const")
        && c != v
    {
        errs.push(format!("{path}: {v} is not {c}"));
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array)
        && !e.contains(v)
    {
        errs.push(format!("{path}: {v} not in {e:?}"));
    }
    if let Some(t) = s.get("type") {
        let ok = match t {
            Value::String(t) => type_ok(t, v),
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(|t| type_ok(t, v)),
            _ => true,
        };
        if !ok {
            errs.push(format!("{path}: {v} is not of type {t}"));
            return;
        }
    }
    if let Some(one) = s.get("oneOf").and_then(Value::as_array) {
        let passing = one
            .iter()
            .filter(|alt| {
                let mut e = Vec::new();
                validate(root, alt, v, path, &mut e);
                e.is_empty()
            })
            .count();
        if passing != 1 {
            errs.push(format!("{path}: {passing} alternatives of oneOf match"));
        }
    }
    if let (Some(p), Some(n)) = (s.get("pattern").and_then(Value::as_str), v.as_str()) {
        // The only pattern in the schema: ^[A-Z][A-Z0-9_]*$
        assert_eq!(p, "^[A-Z][A-Z0-9_]*$");
        let ok = n.starts_with(|c: char| c.is_ascii_uppercase())
            && n.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if !ok {
            errs.push(format!("{path}: {n:?} does not match {p}"));
        }
    }
    if let (Some(min), Some(n)) = (s.get("minimum").and_then(Value::as_f64), v.as_f64())
        && n < min
    {
        errs.push(format!("{path}: {n} < {min}"));
    }
    if let Some(obj) = v.as_object() {
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let k = r.as_str().unwrap();
            if !obj.contains_key(k) {
                errs.push(format!("{path}: missing {k}"));
            }
        }
        let props = s.get("properties").and_then(Value::as_object);
        for (k, val) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => validate(root, ps, val, &format!("{path}/{k}"), errs),
                None => {
                    if let Some(ap) = s.get("additionalProperties") {
                        if ap == &Value::Bool(false) {
                            errs.push(format!("{path}: unexpected {k}"));
                        } else if ap.is_object() {
                            validate(root, ap, val, &format!("{path}/{k}"), errs);
                        }
                    }
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            validate(root, items, x, &format!("{path}/{i}"), errs);
        }
    }
}

fn assert_valid(doc: &Value, what: &str) {
    let s = schema();
    let mut errs = Vec::new();
    validate(&s, &s, doc, "", &mut errs);
    assert!(
        errs.is_empty(),
        "{what}: {} schema violation(s):\n{}",
        errs.len(),
        errs.join("\n")
    );
}

fn run(env: &[(&str, String)], args: &[&str]) -> Value {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_godoctor"))
        .env_clear()
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("PATH", home.path())
        .envs(env.iter().map(|(k, v)| (k, v)))
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let good = run(
        &[("GOPROXY", "off".into())],
        &["check", "--offline", "--json"],
    );
    assert_valid(&good, "GOPROXY=off");
    let s = schema();
    for (mutate, what) in [
        (
            Box::new(|d: &mut Value| d["verdict"] = "maybe".into()) as Box<dyn Fn(&mut Value)>,
            "verdict enum",
        ),
        (
            Box::new(|d: &mut Value| d["schema_version"] = 2.into()),
            "schema_version const",
        ),
        (
            Box::new(|d: &mut Value| {
                d.as_object_mut()
                    .unwrap()
                    .remove("findings")
                    .map(|_| ())
                    .unwrap_or(())
            }),
            "required findings",
        ),
        (
            Box::new(|d: &mut Value| d["findings"][0]["severity"] = "fatal".into()),
            "severity enum",
        ),
        (
            Box::new(|d: &mut Value| d["settings"]["GOPROXY"]["origin"] = "somewhere".into()),
            "origin enum",
        ),
        (
            Box::new(|d: &mut Value| d["root_cause"]["layer"] = "network".into()),
            "root layer enum",
        ),
        (
            Box::new(|d: &mut Value| d["duration_ms"] = (-1).into()),
            "minimum",
        ),
        (
            Box::new(|d: &mut Value| d["findings"][0]["code"] = "lower_case".into()),
            "code pattern",
        ),
    ] {
        let mut bad = good.clone();
        mutate(&mut bad);
        let mut errs = Vec::new();
        validate(&s, &s, &bad, "", &mut errs);
        assert!(
            !errs.is_empty(),
            "the validator accepted a broken document ({what})"
        );
    }
}

#[test]
fn offline_documents_validate() {
    let cases: Vec<Vec<(&str, String)>> = vec![
        vec![],
        vec![("GOPROXY", "foo".into())],
        vec![
            ("GOSUMDB", "off".into()),
            ("GOPRIVATE", "a.com, b.com".into()),
        ],
        vec![
            ("HTTPS_PROXY", "http://u:p@proxy.corp.example:3128".into()),
            ("ALL_PROXY", "socks5://s:1".into()),
        ],
        vec![("GO111MODULE", "off".into())],
        vec![("LANG", "zh_CN.UTF-8".into()), ("GOPROXY", "off".into())],
    ];
    for env in cases {
        let doc = run(&env, &["check", "--offline", "--json"]);
        assert_valid(&doc, &format!("{env:?}"));
    }
}

#[test]
fn probed_documents_validate() {
    use lab::{Behavior, CertKind, GoproxySpec, Lab, ProxyAuth, SumdbMode};
    let lab = Lab::new();
    let spec = |sumdb| GoproxySpec {
        modules: vec![("example.com/m".into(), vec!["v1.0.0".into()])],
        sumdb,
        date_skew_secs: 0,
    };
    let good = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::Served)),
    );
    let bad = lab.https(
        "bad.lab.test",
        CertKind::UnknownCa,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    let portal = lab.https("portal.lab.test", CertKind::Lab, Behavior::Portal);
    let squid = lab.connect_proxy(ProxyAuth::Basic {
        user: "u".into(),
        pass: "p".into(),
    });
    let base = |goproxy: String| -> Vec<(&'static str, String)> {
        vec![
            ("SSL_CERT_FILE", lab.ca_pem_path().display().to_string()),
            ("GOPROXY", goproxy),
            ("GOSUMDB", lab.sumdb_key().to_owned()),
        ]
    };
    let cases = vec![
        base(format!("https://proxy.lab.test:{}", good.port())),
        base(format!(
            "https://bad.lab.test:{}|https://proxy.lab.test:{},direct",
            bad.port(),
            good.port()
        )),
        base(format!("https://portal.lab.test:{}", portal.port())),
        {
            let mut v = base(format!("https://proxy.lab.test:{}", good.port()));
            v.push(("HTTPS_PROXY", format!("http://{squid}")));
            v
        },
    ];
    for env in cases {
        let doc = run(
            &env,
            &[
                "check",
                "--json",
                "--timeout",
                "4s",
                "--resolver",
                &lab.dns_addr().to_string(),
                "--module",
                "example.com/m@v1.0.0",
            ],
        );
        assert!(!doc["targets"].as_array().unwrap().is_empty());
        assert_valid(&doc, &format!("{env:?}"));
    }
}
