//! Message catalogs: every text godoctor says to a person, in English and Chinese as peers, in
//! Fluent files (`i18n/en/godoctor.ftl`, `i18n/zh-CN/godoctor.ftl`) compiled into the binary.
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

/// The catalog sources, by language.
pub const SOURCES: [(Lang, &str); 2] = [
    (Lang::En, include_str!("../../i18n/en/godoctor.ftl")),
    (Lang::Zh, include_str!("../../i18n/zh-CN/godoctor.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn build(lang: Lang) -> Bundle {
    let (tag, source) = match lang {
        Lang::En => ("en", SOURCES[0].1),
        Lang::Zh => ("zh-CN", SOURCES[1].1),
    };
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{tag} catalog does not parse: {errors:?}"));
    let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("a valid language tag")]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("{tag} catalog has duplicate ids: {errors:?}"));
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

#[cfg(test)]
mod tests;
