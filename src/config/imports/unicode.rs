//! Go's `unicode` classes that its scanners use (`IsLetter`, `IsDigit`, `IsGraphic`), by
//! general category; Rust's own `is_alphabetic`/`is_numeric` are wider.

use unicode_general_category::{GeneralCategory as G, get_general_category};

/// `unicode.IsLetter`: categories Lu, Ll, Lt, Lm, Lo.
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        get_general_category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
    )
}

/// `unicode.IsDigit`: category Nd.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    get_general_category(c) == G::DecimalNumber
}

/// `unicode.IsGraphic`: letters, marks, numbers, punctuation, symbols and Zs spaces.
pub fn is_graphic(c: char) -> bool {
    !matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_go() {
        assert!(is_letter('é') && is_letter('π') && !is_letter('Ⅻ') && !is_letter('\u{345}'));
        assert!(is_digit('٣') && !is_digit('½') && !is_digit('Ⅻ'));
        assert!(is_graphic('a') && is_graphic(' ') && is_graphic('\u{300}'));
        assert!(!is_graphic('\u{200b}') && !is_graphic('\u{e000}') && !is_graphic('\n'));
    }
}
