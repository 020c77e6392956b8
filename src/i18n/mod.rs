//! Message catalogs: every text godoctor says to a person, in English and Chinese as peers, in
//! Fluent files (`i18n/en/*.ftl`, `i18n/zh-CN/*.ftl`, one per area: [`FILES`]) compiled into the
//! binary. Nothing is translated from its English wording: a text that is said later, in the
//! report's language, is kept as a [`Text`] (id and arguments).
//!
//! A leaf module: diagnose, fix and report all use it, and it imports none of them. Callers
//! name a message by id and pass its values by name:
//!
//! ```
//! use godoctor::{i18n::Lang, t};
//! let line = t!(Lang::Zh, "report-checksum-database", route = "https://sum.golang.org");
//! assert_eq!(line, "校验和数据库：https://sum.golang.org");
//! ```
//!
//! Output carries no Unicode isolation marks: it goes to terminals, logs and CI annotations,
//! where the marks show up as garbage or break copy-paste of hosts and commands.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use fluent_bundle::FluentValue;

/// The language of messages, headings and remediation texts (go's own words never change).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// The variables that choose the language of messages, in POSIX's order of precedence.
    pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// From the first of [`Lang::LOCALE_VARS`] that is set (`get` looks one up): Chinese for a
    /// `zh…` locale, else English.
    pub fn from_locale<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Lang {
        let locale = Self::LOCALE_VARS.iter().find_map(|k| get(k)).unwrap_or("");
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// The catalog files of each language, one per area (the same names in both languages):
/// `godoctor` (the report, `config`, `fix`, progress), `findings-config` and `findings-network`
/// (a finding's message, id `finding-<code>`), `remedies` (remediation descriptions), `explain`,
/// `fix` (what `fix` adds since the shells and the JSON form).
pub const FILES: [&str; 6] = [
    "godoctor",
    "findings-config",
    "findings-network",
    "remedies",
    "explain",
    "fix",
];

macro_rules! catalog_files {
    ($dir:literal) => {
        [
            include_str!(concat!("../../i18n/", $dir, "/godoctor.ftl")),
            include_str!(concat!("../../i18n/", $dir, "/findings-config.ftl")),
            include_str!(concat!("../../i18n/", $dir, "/findings-network.ftl")),
            include_str!(concat!("../../i18n/", $dir, "/remedies.ftl")),
            include_str!(concat!("../../i18n/", $dir, "/explain.ftl")),
            include_str!(concat!("../../i18n/", $dir, "/fix.ftl")),
        ]
    };
}

/// The catalog sources, by language, in the order of [`FILES`].
pub const SOURCES: [(Lang, [&str; FILES.len()]); 2] = [
    (Lang::En, catalog_files!("en")),
    (Lang::Zh, catalog_files!("zh-CN")),
];

type Bundle = FluentBundle<FluentResource>;

fn build(lang: Lang) -> Bundle {
    let (tag, source) = match lang {
        Lang::En => ("en", SOURCES[0].1),
        Lang::Zh => ("zh-CN", SOURCES[1].1),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("a valid language tag")]);
    bundle.set_use_isolating(false);
    for (file, source) in FILES.iter().zip(source) {
        let resource = FluentResource::try_new(source.to_owned())
            .unwrap_or_else(|(_, e)| panic!("{tag}/{file}.ftl does not parse: {e:?}"));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("{tag}/{file}.ftl repeats an id: {e:?}"));
    }
    bundle
}

static EN: LazyLock<Bundle> = LazyLock::new(|| build(Lang::En));
static ZH: LazyLock<Bundle> = LazyLock::new(|| build(Lang::Zh));

fn bundle(lang: Lang) -> &'static Bundle {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// Whether the catalog of `lang` has a message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The message `id` in `lang`, its `{ $name }` placeables filled from `args`.
///
/// A missing id or argument is a bug (the catalog tests find them): debug builds panic, release
/// builds show the id, or Fluent's `{$name}`, rather than fall back to another language.
pub fn tr(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "no message {id:?} in the {lang:?} catalog");
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(
        errors.is_empty(),
        "{lang:?} message {id:?} with {args:?}: {errors:?}"
    );
    text.into_owned()
}

/// A value for a message argument: a string, or a number (numbers also select plural forms).
/// Anything else goes in as `.to_string()`.
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// `t!(lang, "message-id", name = value, …)`: [`tr`] with named arguments. The id is a literal,
/// so the catalog tests can check that every id the code uses exists.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::tr(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::arg($value))),*],
        )
    };
}

/// A value of a [`Text`] argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Str(String),
    /// Numbers also select plural and other variants.
    Int(i64),
    /// Another message, said in the same language first: a clause added to a sentence.
    Text(Box<Text>),
}

impl From<Text> for Arg {
    fn from(v: Text) -> Self {
        Arg::Text(Box::new(v))
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Str(v)
    }
}

impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Str(v.clone())
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Str(v.to_owned())
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Int(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i32, i64, u16, u32, u64, usize);

/// A message kept as its id and arguments rather than as rendered text, so that one value can
/// be said in every language: a finding's message, a remediation step, an explanation.
/// Build it with [`text!`](crate::text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Text {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Str(s) => FluentValue::from(s.as_str()),
                    Arg::Int(n) => FluentValue::from(*n),
                    Arg::Text(t) => FluentValue::from(t.render(lang)),
                };
                (*name, value)
            })
            .collect();
        tr(lang, self.id, &args)
    }

    /// The value of argument `name`, if it is a string.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find_map(|(n, v)| match v {
            Arg::Str(s) if *n == name => Some(s.as_str()),
            _ => None,
        })
    }
}

/// `text!("message-id", name = value, …)`: a [`Text`]; values are strings, integers or `Text`s. The id
/// is a literal, so the catalog tests can check that it exists.
#[macro_export]
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text {
            id: $id,
            args: vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        }
    };
}

#[cfg(test)]
pub(crate) mod shared_checks;
#[cfg(test)]
mod tests;
