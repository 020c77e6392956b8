//! GOAUTH (Go ≥ 1.24) as `runGoAuth` reads it (cmd/go/internal/auth/auth.go; script tests
//! goauth_*.txt): `;`-separated commands, read last to first, and the values go refuses with a
//! fatal error at its first HTTP request — an empty command, `off` beside another command, `git`
//! without an absolute directory. Whether a `git` directory exists or a user command works only
//! running go can tell.

use super::goversion::GoVersion;

/// go's fatal error for this GOAUTH, or None (also for go before 1.24, which ignores it).
pub fn refusal(goauth: &str, go: &GoVersion) -> Option<String> {
    if !go.at_least(1, 24) {
        return None;
    }
    // go prints the whole value; its commands' arguments may be tokens.
    let shown = crate::redact::commands(goauth);
    let commands: Vec<&str> = goauth.split(';').collect();
    for command in commands.iter().rev() {
        let words: Vec<&str> = command.split_whitespace().collect();
        match words.first() {
            None => {
                return Some(format!(
                    "go: GOAUTH encountered an empty command (GOAUTH={shown})"
                ));
            }
            Some(&"off") if commands.len() != 1 => {
                return Some(format!(
                    "go: GOAUTH=off cannot be combined with other authentication commands (GOAUTH={shown})"
                ));
            }
            Some(&"git") if words.len() != 2 => {
                return Some(
                    "go: GOAUTH=git dir method requires an absolute path to the git working directory"
                        .into(),
                );
            }
            Some(&"git") if !is_abs(words[1]) => {
                return Some(
                    "go: GOAUTH=git dir method requires an absolute path to the git working directory, dir is not absolute"
                        .into(),
                );
            }
            _ => {}
        }
    }
    None
}

fn is_abs(dir: &str) -> bool {
    if cfg!(windows) {
        let b = dir.as_bytes();
        b.len() >= 3 && b[1] == b':' && (b[2] == b'\\' || b[2] == b'/') || dir.starts_with(r"\\")
    } else {
        dir.starts_with('/')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_go_refuses() {
        let go = GoVersion::new(1, 27, 0);
        assert!(refusal("off", &go).is_none());
        assert!(refusal("netrc; git /srv/repo", &go).is_none());
        assert!(
            refusal("off; netrc", &go)
                .unwrap()
                .contains("cannot be combined")
        );
        assert!(refusal("netrc;", &go).unwrap().contains("empty command"));
        assert!(
            refusal("git rel", &go)
                .unwrap()
                .ends_with("dir is not absolute")
        );
        assert!(refusal("off; netrc", &GoVersion::new(1, 23, 0)).is_none());
    }
}
