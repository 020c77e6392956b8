//! Pretty JSON with every object's keys sorted, streamed, without a `serde_json::Value` tree.
//!
//! The `check` and `config` documents have always printed their keys sorted. Building a `Value`
//! for that cost several times the document's size (a `check` of 2,000 modules held ~8 MB of
//! map nodes and key copies). Here the document is serialized compactly once; each object's
//! entries are then found as raw slices of that text, sorted, and written out one by one. The
//! output is byte for byte what `to_writer_pretty(to_value(doc))` printed.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::value::RawValue;

/// Writes `doc` as serde_json's pretty printer prints its `Value`.
pub fn write_sorted_pretty(out: &mut dyn Write, doc: &impl serde::Serialize) -> io::Result<()> {
    let compact = serde_json::to_string(doc)?;
    let raw: &RawValue = serde_json::from_str(&compact)?;
    let mut out = io::BufWriter::new(out);
    render(&mut out, raw, 0)?;
    out.flush()
}

fn render(out: &mut impl Write, raw: &RawValue, depth: usize) -> io::Result<()> {
    let text = raw.get();
    match text.as_bytes().first() {
        // A map keeps the last of equal keys and iterates sorted: what a `Value` object does.
        Some(b'{') => {
            let entries: BTreeMap<String, &RawValue> = serde_json::from_str(text)?;
            block(out, depth, ('{', '}'), entries, |out, (key, value)| {
                serde_json::to_writer(&mut *out, &key)?;
                out.write_all(b": ")?;
                render(out, value, depth + 1)
            })
        }
        Some(b'[') => {
            let items: Vec<&RawValue> = serde_json::from_str(text)?;
            block(out, depth, ('[', ']'), items, |out, item| {
                render(out, item, depth + 1)
            })
        }
        // Compact and pretty print scalars alike.
        _ => out.write_all(text.as_bytes()),
    }
}

/// `open` items… `close`, one item per line, as serde_json's `PrettyFormatter` writes them.
fn block<O: Write, T>(
    out: &mut O,
    depth: usize,
    (open, close): (char, char),
    items: impl IntoIterator<Item = T>,
    mut item: impl FnMut(&mut O, T) -> io::Result<()>,
) -> io::Result<()> {
    write!(out, "{open}")?;
    let mut any = false;
    for (n, it) in items.into_iter().enumerate() {
        out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
        indent(out, depth + 1)?;
        item(out, it)?;
        any = true;
    }
    if any {
        out.write_all(b"\n")?;
        indent(out, depth)?;
    }
    write!(out, "{close}")
}

fn indent(out: &mut impl Write, depth: usize) -> io::Result<()> {
    for _ in 0..depth {
        out.write_all(b"  ")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    /// Byte for byte what printing a `Value` gives, on every kind of JSON value.
    #[test]
    fn prints_what_a_value_prints() {
        let doc = json!({
            "z": [1, -2, 3.5, 1e300, 0.1, true, null, "a\"b\\c\n\u{1}é/\u{2028}"],
            "a": {"b": {}, "a": [], "c": [[], [{}]], "": "empty key"},
            "m": {"\u{e9}": 1, "e": 2, "E": 3, "a\"\n": 4},
            "u": u64::MAX,
            "i": i64::MIN,
        });
        #[derive(serde::Serialize)]
        struct Declared<'a> {
            second: &'a serde_json::Value,
            first: Option<u8>,
            list: Vec<Declared2>,
            #[serde(rename = "0")]
            zero: f64,
        }
        #[derive(serde::Serialize)]
        struct Declared2 {
            z: f64,
            #[serde(flatten)]
            rest: std::collections::BTreeMap<&'static str, u8>,
        }
        let declared = Declared {
            second: &doc,
            first: None,
            list: vec![Declared2 {
                z: 2.0,
                rest: [("y", 1), ("a", 2)].into_iter().collect(),
            }],
            zero: -0.0,
        };
        let want = serde_json::to_string_pretty(&serde_json::to_value(&declared).unwrap()).unwrap();
        let mut got = Vec::new();
        super::write_sorted_pretty(&mut got, &declared).unwrap();
        assert_eq!(String::from_utf8(got).unwrap(), want);
    }
}
