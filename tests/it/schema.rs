//! Every `check --json` document validates against schema/check.schema.json: offline
//! configurations and live probes of the fault lab, failing and healthy (the validator is the
//! `jsonschema` crate, see `support::schema`) — and a test proves the schema rejects documents
//! that break the contract.

use serde_json::Value;

use crate::support::cli::Cli;
use crate::support::schema::{assert_valid, violations};

fn run(env: &[(&str, String)], args: &[&str]) -> Value {
    let home = tempfile::tempdir().unwrap();
    Cli::godoctor()
        .cwd(home.path())
        .home(home.path())
        .path(home.path())
        .envs(env.iter().map(|(k, v)| (k, v)))
        .args(args)
        .run()
        .json()
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let good = run(
        &[("GOPROXY", "off".into())],
        &["check", "--offline", "--json"],
    );
    assert_valid(&good, "GOPROXY=off");
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
        assert!(
            !violations(&bad).is_empty(),
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
    use crate::lab::{Behavior, CertKind, GoproxySpec, Lab, ProxyAuth, SumdbMode};
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
