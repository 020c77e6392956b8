//! The catalogs agree: the same ids and placeables in both languages, protected terms (code,
//! settings, hosts, URLs) untouched by translation, every message renders, and every id the
//! code names exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

use super::{FluentValue, Lang, SOURCES, tr};

/// Ids in the catalog that no code names yet, each with the reason.
const NOT_YET_USED: &[(&str, &str)] = &[];

/// All-caps words that a translation may put in its own words.
const TRANSLATABLE_ACRONYMS: &[&str] = &["OS"];

/// Protected terms that one message's translation writes the Chinese way: (message id, term,
/// what the Chinese says instead).
const PARAPHRASED: &[(&str, &str, &str)] = &[
    (
        "explain-go-too-old-for-gomod-go-line-summary",
        "1.21+",
        "“1.21 及以上”",
    ),
    (
        "explain-goproxy-malformed-empty-meaning",
        "1.21+",
        "“1.21 及以上”",
    ),
    (
        "explain-gosumdb-malformed-missing-meaning",
        "1.21+",
        "“1.21 及以上”",
    ),
    (
        "explain-toolchain-unavailable-check-1",
        "go/toolchain",
        "“go 行和 toolchain 行”",
    ),
    (
        "explain-goproxy-malformed-entry-meaning",
        "direct/off",
        "a list takes “、”: “direct、off”",
    ),
    (
        "explain-private-module-not-private-public-sumdb-meaning",
        "GOPRIVATE/GONOSUMDB",
        "a list takes “、”: both names are kept",
    ),
    (
        "explain-private-module-not-private-meaning",
        "GOPRIVATE/GONOSUMDB",
        "a list takes “、”: both names are kept",
    ),
    (
        "explain-tls-no-roots-meaning",
        "SSL_CERT_FILE/SSL_CERT_DIR",
        "a list takes “、”: both names are kept",
    ),
];

/// Values a translation leaves out on purpose: (id, variable, why).
const LEFT_OUT: &[(&str, &str, &str)] = &[
    (
        "finding-toolchain-switch-path",
        "reason",
        "why go switches is the toolchain decision's English (`go line in go.mod`)",
    ),
    (
        "finding-toolchain-switch-download",
        "reason",
        "why go switches is the toolchain decision's English",
    ),
    (
        "finding-toolchain-not-in-path-startup",
        "reason",
        "why go switches is the toolchain decision's English",
    ),
    (
        "finding-toolchain-not-in-path-startup",
        "gotoolchain",
        "the Chinese says what the value does (只在 PATH 中查找) instead of quoting it",
    ),
];

/// Protected terms a translation says in its own words: (id, term, how).
const REWORDED: &[(&str, &str, &str)] = &[
    (
        "finding-goproxy-comma-no-fallthrough",
        "404/410",
        "404 或 410",
    ),
    ("finding-go-too-old-for-pipe", "1.15+", "Go 1.15 起才支持"),
    (
        "finding-config-model-mismatch",
        "=",
        "{ $key } 是 { $computed }",
    ),
    (
        "finding-toolchain-not-in-path-startup",
        "GOTOOLCHAIN=",
        "its value is left out (LEFT_OUT)",
    ),
];

/// What one message is made of.
#[derive(Default)]
struct Shape {
    /// Every `$variable`, placed or selected on.
    variables: BTreeSet<String>,
    /// Per selector variable, its variant keys (the default marked with `*`).
    selectors: BTreeMap<String, BTreeSet<String>>,
    /// The literal text (text elements and string literals), variants on lines of their own.
    text: String,
}

fn walk_inline(e: &InlineExpression<&str>, shape: &mut Shape) {
    match e {
        InlineExpression::StringLiteral { value } => shape.text.push_str(value),
        InlineExpression::VariableReference { id } => {
            shape.variables.insert(id.name.to_owned());
            // A placeable separates words.
            shape.text.push(' ');
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, shape),
        other => panic!("only variables and string literals are used: {other:?}"),
    }
}

fn walk_expression(e: &Expression<&str>, shape: &mut Shape) {
    match e {
        Expression::Inline(i) => walk_inline(i, shape),
        Expression::Select { selector, variants } => {
            let InlineExpression::VariableReference { id } = selector else {
                panic!("select on a variable only: {selector:?}");
            };
            shape.variables.insert(id.name.to_owned());
            let keys = shape.selectors.entry(id.name.to_owned()).or_default();
            for v in variants {
                let key = match &v.key {
                    VariantKey::Identifier { name } => name.to_string(),
                    VariantKey::NumberLiteral { value } => value.to_string(),
                };
                keys.insert(if v.default { format!("*{key}") } else { key });
            }
            for v in variants {
                shape.text.push('\n');
                walk_pattern(&v.value, shape);
                shape.text.push('\n');
            }
        }
    }
}

fn walk_pattern(p: &Pattern<&str>, shape: &mut Shape) {
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => shape.text.push_str(value),
            PatternElement::Placeable { expression } => walk_expression(expression, shape),
        }
    }
}

/// Every message of a catalog, by id; the catalog parses with no junk and no duplicate.
fn catalog(lang: Lang) -> BTreeMap<String, Shape> {
    let sources = SOURCES.iter().find(|(l, _)| *l == lang).unwrap().1;
    let mut out = BTreeMap::new();
    for (file, source) in super::FILES.iter().zip(sources) {
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("{lang:?} {file}: {errors:#?}"));
        for entry in &resource.body {
            match entry {
                Entry::Message(m) => {
                    assert!(m.attributes.is_empty(), "{}: no attributes", m.id.name);
                    let mut shape = Shape::default();
                    walk_pattern(
                        m.value.as_ref().expect("every message has a value"),
                        &mut shape,
                    );
                    let id = m.id.name.to_owned();
                    assert!(
                        id.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                        "{id}: ids are lower-case kebab"
                    );
                    assert!(out.insert(id.clone(), shape).is_none(), "{id} twice");
                }
                Entry::Term(t) => panic!("no terms: {}", t.id.name),
                Entry::Junk { content } => panic!("{lang:?} catalog junk: {content}"),
                Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
            }
        }
    }
    out
}

#[test]
fn both_catalogs_have_the_same_messages_with_the_same_placeables() {
    let en = catalog(Lang::En);
    let zh = catalog(Lang::Zh);
    assert!(en.len() >= 90, "only {} messages", en.len());
    let en_ids: BTreeSet<&String> = en.keys().collect();
    let zh_ids: BTreeSet<&String> = zh.keys().collect();
    assert_eq!(
        en_ids.symmetric_difference(&zh_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "ids in one catalog only"
    );
    for (id, e) in &en {
        let z = &zh[id];
        let left_out = |v: &String| LEFT_OUT.iter().any(|(i, n, _)| i == id && n == v);
        let mut variables = e.variables.clone();
        variables.retain(|v| !left_out(v));
        let mut selectors = e.selectors.clone();
        selectors.retain(|v, _| !left_out(v));
        assert_eq!(variables, z.variables, "{id}: placeables differ");
        assert_eq!(selectors, z.selectors, "{id}: variant keys differ");
        for name in &e.variables {
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{id}: ${name} is not snake_case"
            );
        }
    }
    for (id, name, _) in LEFT_OUT {
        assert!(
            en[*id].variables.contains(*name) && !zh[*id].variables.contains(*name),
            "{id}: ${name} is not left out: drop it from LEFT_OUT"
        );
    }
}

/// The words a translation must keep exactly: code spans, setting names and other all-caps
/// words, URLs, hosts, paths, flags, `KEY=value` pairs.
fn protected(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for span in text.split('`').skip(1).step_by(2) {
        out.insert(format!("`{span}`"));
    }
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| "()[],.;:→\"'".contains(c));
        let inner_mark = |c: char| word.trim_end_matches(c).trim_start_matches(c).contains(c);
        let all_caps = word.len() >= 2
            && word.chars().any(|c| c.is_ascii_uppercase())
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "_-".contains(c));
        // Latin abbreviations read as words ("e.g" → 例如), not as names.
        let abbreviation = matches!(word, "e.g" | "i.e" | "etc");
        let keep = !abbreviation
            && ((all_caps && !TRANSLATABLE_ACRONYMS.contains(&word))
                || word.contains("://")
                || inner_mark('.')
                || word.contains('/')
                || word.contains('=')
                || (word.starts_with('-') && word.len() > 1));
        if keep && !word.is_empty() {
            out.insert(word.to_owned());
        }
    }
    out
}

#[test]
fn protected_terms_survive_translation() {
    let en = catalog(Lang::En);
    let zh = catalog(Lang::Zh);
    let mut checked = 0;
    for (id, e) in &en {
        for term in protected(&e.text) {
            if PARAPHRASED
                .iter()
                .chain(REWORDED)
                .any(|(i, t, _)| i == id && *t == term)
            {
                assert!(
                    !zh[id].text.contains(&term),
                    "{id}: {term:?} is kept now: drop it from PARAPHRASED/REWORDED"
                );
                continue;
            }
            assert!(
                zh[id].text.contains(&term),
                "{id}: {term:?} is missing from the Chinese text {:?}",
                zh[id].text
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} protected terms");
    for (id, term, _) in REWORDED {
        assert!(
            protected(&en[*id].text).contains(*term),
            "{id}: {term:?} is not protected: drop it from REWORDED"
        );
    }
    // The rule itself.
    let p = protected(
        "run `go env -w GOPROXY=x` (GOSUMDB, sum.golang.org, https://goproxy.cn/x) in the OS: -C vendor/",
    );
    for want in [
        "`go env -w GOPROXY=x`",
        "GOSUMDB",
        "sum.golang.org",
        "https://goproxy.cn/x",
        "-C",
        "vendor/",
    ] {
        assert!(p.contains(want), "{want} not protected: {p:?}");
    }
    assert!(!p.contains("OS") && !p.contains("run"), "{p:?}");
}

/// Arguments for every variable; `pick` sets selector values.
fn sample_args<'a>(
    shape: &'a Shape,
    pick: &BTreeMap<&str, &'a str>,
) -> Vec<(&'a str, FluentValue<'a>)> {
    shape
        .variables
        .iter()
        .map(|v| {
            let value = pick.get(v.as_str()).copied().unwrap_or("x");
            (v.as_str(), FluentValue::from(value))
        })
        .collect()
}

/// Selector values that reach every variant: none (the defaults), then each key in turn.
fn variant_picks(shape: &Shape) -> Vec<BTreeMap<&str, &str>> {
    let mut picks = vec![BTreeMap::new()];
    for (selector, keys) in &shape.selectors {
        for key in keys {
            picks.push(BTreeMap::from([(
                selector.as_str(),
                key.trim_start_matches('*'),
            )]));
        }
    }
    picks
}

#[test]
fn every_message_renders_every_variant_without_errors() {
    for lang in [Lang::En, Lang::Zh] {
        for (id, shape) in catalog(lang) {
            for pick in &variant_picks(&shape) {
                // tr's debug assertions fail on a missing message or a Fluent error.
                let out = tr(lang, &id, &sample_args(&shape, pick));
                assert!(!out.is_empty(), "{lang:?} {id} renders empty");
                assert!(
                    !out.contains(['\u{2068}', '\u{2069}', '{', '}']),
                    "{lang:?} {id}: {out:?}"
                );
            }
        }
    }
}

/// go's own words (a finding's `$detail`) are never dropped: every variant of every finding
/// message that takes them says them verbatim, Chinese at its end (after “原始错误：”, which
/// `finding-detail` adds where the message takes it as a clause).
#[test]
fn no_finding_message_drops_go_words() {
    const WORDS: &str = "dial tcp 10.0.0.1:443: i/o timeout";
    let mut checked = 0;
    for lang in [Lang::En, Lang::Zh] {
        for (id, shape) in catalog(lang) {
            if !id.starts_with("finding-") || !shape.variables.contains("detail") {
                continue;
            }
            for pick in &variant_picks(&shape) {
                let mut args = sample_args(&shape, pick);
                for (name, value) in &mut args {
                    if *name == "detail" {
                        *value = FluentValue::from(WORDS);
                    }
                }
                let out = tr(lang, &id, &args);
                let kept = match lang {
                    Lang::En => out.contains(WORDS),
                    Lang::Zh => out.ends_with(WORDS),
                };
                assert!(kept, "{lang:?} {id} {pick:?}: {out}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 2 * 14, "only {checked} messages take go's words");
}

#[test]
fn output_has_no_isolation_marks_and_keeps_spaces() {
    assert_eq!(
        crate::t!(Lang::En, "report-settings-legend"),
        " (value [origin])"
    );
    assert_eq!(
        crate::t!(
            Lang::En,
            "report-route-discovery",
            url = "https://h/x?go-get=1"
        ),
        "GET https://h/x?go-get=1, then "
    );
    assert_eq!(
        crate::t!(
            Lang::Zh,
            "report-host-modules",
            host = "goproxy.cn",
            count = 3
        ),
        "goproxy.cn（3 个模块）"
    );
    assert_eq!(
        crate::t!(
            Lang::En,
            "fix-reason-mirrors",
            mirrors = "https://a, https://b",
            ranked = "yes",
            direct_last = "no"
        ),
        "https://a, https://b passed every layer from here, fastest first; `|` between them because each was verified, so any error (not only 404/410) moves on to the next"
    );
}

#[test]
fn locale_chooses_the_language_in_posix_order() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| *v)
    };
    assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
    assert_eq!(Lang::from_locale(env(&[("LANG", "ZH_tw")])), Lang::Zh);
    assert_eq!(
        Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_locale(env(&[("LC_MESSAGES", "zh_CN"), ("LANG", "en_US")])),
        Lang::Zh
    );
}

/// Every `.rs` file under `src/` but the catalog module's own, with its path.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("src/i18n") {
                    walk(&path, out);
                }
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

/// The ids named by `t!(lang, "id", …)` and `text!("id", …)` in `src`.
fn ids_in_t_calls(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in src.match_indices("text!(") {
        let before = src[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(lit) = src[i + 6..].trim_start().strip_prefix('"') {
            out.push(lit[..lit.find('"').unwrap()].to_owned());
        }
    }
    for (i, _) in src.match_indices("t!(") {
        let before = src[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == 'x') {
            continue; // format!(, print!(, text!( …
        }
        let rest = &src[i + 3..];
        let Some(comma) = rest.find(',') else {
            continue;
        };
        let rest = rest[comma + 1..].trim_start();
        if let Some(lit) = rest.strip_prefix('"') {
            out.push(lit[..lit.find('"').unwrap()].to_owned());
        }
    }
    out
}

#[test]
fn every_id_the_code_names_exists_and_every_message_is_used() {
    let en = catalog(Lang::En);
    let files = sources();
    let mut used = BTreeSet::new();
    for (path, text) in &files {
        for id in ids_in_t_calls(text) {
            assert!(en.contains_key(&id), "{path}: no message {id:?}");
            used.insert(id);
        }
    }
    assert!(
        used.len() >= 60,
        "only {} ids found in t! calls",
        used.len()
    );
    for id in en.keys() {
        let quoted = format!("\"{id}\"");
        let named = files.iter().any(|(_, text)| text.contains(&quoted));
        let reserved = NOT_YET_USED.iter().any(|(r, _)| r == id);
        assert!(named || reserved, "{id} is never used");
        assert!(
            !(named && reserved),
            "{id} is used now: drop it from NOT_YET_USED"
        );
    }
}

/// Han next to a Latin letter or digit, which the glossary separates with a space (§2.2).
fn glued(s: &str) -> Option<String> {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let chars: Vec<char> = s.chars().collect();
    chars.windows(2).find_map(|w| {
        let glued = (han(w[0]) && w[1].is_ascii_alphanumeric())
            || (w[0].is_ascii_alphanumeric() && han(w[1]));
        glued.then(|| w.iter().collect())
    })
}

#[test]
fn chinese_puts_a_space_between_han_and_latin() {
    for (id, shape) in catalog(Lang::Zh) {
        for pick in &variant_picks(&shape) {
            let out = tr(Lang::Zh, &id, &sample_args(&shape, pick));
            assert_eq!(glued(&out), None, "{id}: {out:?}");
        }
    }
    assert_eq!(glued("非法的NUL"), Some("的N".to_owned()));
}
