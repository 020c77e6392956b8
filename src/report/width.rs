//! Display width in terminal columns, for aligning columns that may hold Chinese text.

/// Columns `s` takes in a terminal: East Asian wide and full-width characters take two.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::width;

    #[test]
    fn widths() {
        assert_eq!(width("proxy"), 5);
        assert_eq!(width("模块代理"), 8);
        assert_eq!(width("经代理的 sumdb"), 14);
        assert_eq!(width("（）"), 4);
    }
}
