//! GOFLAGS and GOVCS: the parts that change how go downloads (docs/go/semantics.md §1 "GOFLAGS",
//! "GOVCS").

/// `cmd/internal/quoted.Split`: space-separated fields, each optionally wrapped in ' or ".
pub fn split_quoted(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches([' ', '\t', '\n', '\r']);
        let Some(first) = rest.chars().next() else {
            break;
        };
        if first == '"' || first == '\'' {
            let body = &rest[1..];
            let Some(end) = body.find(first) else {
                return Err(format!("unterminated {first} string"));
            };
            out.push(body[..end].to_owned());
            rest = &body[end + 1..];
            continue;
        }
        let end = rest.find([' ', '\t', '\n', '\r']).unwrap_or(rest.len());
        out.push(rest[..end].to_owned());
        rest = &rest[end..];
    }
    Ok(out)
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoFlags {
    pub flags: Vec<String>,
    /// Fields go rejects: `go: parsing $GOFLAGS: non-flag "x"`.
    pub non_flags: Vec<String>,
    pub parse_error: Option<String>,
}

impl GoFlags {
    /// `quoted`: go ≥ 1.21 splits GOFLAGS with quote handling (cmd/internal/quoted); go1.19
    /// uses `strings.Fields`, so a quote is part of the word. (Verified on 1.19 and 1.27; the
    /// exact release in between is not.)
    pub fn parse(value: &str, quoted: bool) -> Self {
        let mut g = GoFlags::default();
        let fields = if quoted {
            split_quoted(value)
        } else {
            Ok(value.split_whitespace().map(str::to_owned).collect())
        };
        match fields {
            Ok(fields) => {
                for f in fields {
                    if f.starts_with('-') {
                        g.flags.push(f);
                    } else {
                        g.non_flags.push(f);
                    }
                }
            }
            Err(e) => g.parse_error = Some(e),
        }
        g
    }

    /// The value of `-name=value` / `--name=value`, if present (the last one wins).
    pub fn value(&self, name: &str) -> Option<&str> {
        self.flags.iter().rev().find_map(|f| {
            let f = f.trim_start_matches('-');
            f.strip_prefix(name).and_then(|r| r.strip_prefix('='))
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|f| {
            let f = f.trim_start_matches('-');
            f == name || f.starts_with(&format!("{name}="))
        })
    }
}

/// A GOVCS rule: `pattern:vcs|vcs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GovcsRule {
    pub pattern: String,
    pub allowed: Vec<String>,
}

/// `parseGOVCS` with go's error texts.
pub fn parse_govcs(s: &str) -> Result<Vec<GovcsRule>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(Vec::new());
    }
    let mut rules: Vec<GovcsRule> = Vec::new();
    let mut have: Vec<(String, String)> = Vec::new();
    for item in s.split(',') {
        let item = item.trim();
        if item.is_empty() {
            return Err("empty entry in GOVCS".into());
        }
        let Some(i) = item.find(':') else {
            return Err(format!(
                "malformed entry in GOVCS (missing colon): {}",
                super::gourl::go_quote(item)
            ));
        };
        let (pattern, list) = (item[..i].trim(), item[i + 1..].trim());
        if pattern.is_empty() {
            return Err(format!(
                "empty pattern in GOVCS: {}",
                super::gourl::go_quote(item)
            ));
        }
        if list.is_empty() {
            return Err(format!(
                "empty VCS list in GOVCS: {}",
                super::gourl::go_quote(item)
            ));
        }
        if pattern.starts_with("./")
            || pattern.starts_with("../")
            || pattern == "."
            || pattern == ".."
        {
            return Err(format!(
                "relative pattern not allowed in GOVCS: {}",
                super::gourl::go_quote(pattern)
            ));
        }
        if let Some((_, old)) = have.iter().find(|(p, _)| p == pattern) {
            return Err(format!(
                "unreachable pattern in GOVCS: {} after {}",
                super::gourl::go_quote(item),
                super::gourl::go_quote(old)
            ));
        }
        have.push((pattern.to_owned(), item.to_owned()));
        let allowed: Vec<String> = list.split('|').map(|v| v.trim().to_owned()).collect();
        if allowed.iter().any(String::is_empty) {
            return Err(format!(
                "empty VCS name in GOVCS: {}",
                super::gourl::go_quote(item)
            ));
        }
        rules.push(GovcsRule {
            pattern: pattern.to_owned(),
            allowed,
        });
    }
    Ok(rules)
}

/// `govcsConfig.allow`: the first rule whose pattern matches decides; none matching allows
/// nothing. `private`/`public` match by GOPRIVATE, anything else by `MatchPrefixPatterns`.
pub fn govcs_allows(rules: &[GovcsRule], path: &str, private: bool, vcs: &str) -> bool {
    for rule in rules {
        let hit = match rule.pattern.as_str() {
            "private" => private,
            "public" => !private,
            p => super::patterns::match_prefix_patterns(p, path),
        };
        if hit {
            return rule.allowed.iter().any(|a| a == vcs || a == "all");
        }
    }
    false
}

/// `defaultGOVCS`, which go appends after the user's rules: anything for private modules,
/// git and hg for public ones.
pub fn default_govcs() -> Vec<GovcsRule> {
    let rule = |pattern: &str, allowed: &[&str]| GovcsRule {
        pattern: pattern.into(),
        allowed: allowed.iter().map(|a| (*a).into()).collect(),
    };
    vec![rule("private", &["all"]), rule("public", &["git", "hg"])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goflags() {
        let g = GoFlags::parse("-mod=vendor  '-ldflags=-s -w' -insecure x", true);
        assert_eq!(g.value("mod"), Some("vendor"));
        assert!(g.has("insecure"));
        assert!(g.has("ldflags"));
        assert_eq!(g.non_flags, vec!["x"]);
        assert!(GoFlags::parse("'-x", true).parse_error.is_some());
        assert_eq!(GoFlags::parse("'-x", false).non_flags, vec!["'-x"]);
        assert_eq!(GoFlags::parse("", true).flags.len(), 0);
    }

    // docs/go/semantics.md §1 "GOVCS": go's error texts.
    #[test]
    fn govcs() {
        let r = parse_govcs("github.com:git,evil.com:off,*:git|hg").unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(r[2].allowed, vec!["git", "hg"]);
        assert_eq!(
            parse_govcs("a.com:git,,b.com:git").unwrap_err(),
            "empty entry in GOVCS"
        );
        assert_eq!(
            parse_govcs("a.com").unwrap_err(),
            r#"malformed entry in GOVCS (missing colon): "a.com""#
        );
        assert_eq!(
            parse_govcs(":git").unwrap_err(),
            r#"empty pattern in GOVCS: ":git""#
        );
        assert_eq!(
            parse_govcs("a.com:").unwrap_err(),
            r#"empty VCS list in GOVCS: "a.com:""#
        );
        assert_eq!(
            parse_govcs("a.com:git|").unwrap_err(),
            r#"empty VCS name in GOVCS: "a.com:git|""#
        );
        assert_eq!(
            parse_govcs("a.com:git,a.com:hg").unwrap_err(),
            r#"unreachable pattern in GOVCS: "a.com:hg" after "a.com:git""#
        );
    }
}
