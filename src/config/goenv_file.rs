//! The user's go/env file (written by `go env -w`) and `$GOROOT/go.env`, read exactly as go's
//! `readEnvFile` reads them (docs/go/semantics.md §5 "The GOENV file").
//!
//! Lines are split on `\n` only; a line counts when it has `=` and starts with `A`–`Z`; the value
//! is the rest of the line, verbatim (a `\r` from a CRLF file stays in it); later duplicates win.
//! Lines go ignores are kept as [`IgnoredLine`]s so diagnosis can point at them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvFile {
    pub path: PathBuf,
    pub values: BTreeMap<String, String>,
    /// Non-blank lines go skips, with their 1-based line numbers (comments included).
    pub ignored: Vec<IgnoredLine>,
    /// Keys that appear more than once (the last one wins).
    pub duplicates: Vec<String>,
    /// Values that end in `\r` (a CRLF file: go keeps the `\r` in the value).
    pub crlf_keys: Vec<String>,
    /// Keys whose value was not valid UTF-8.
    pub non_utf8_keys: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredLine {
    pub line: usize,
    pub text: String,
}

/// Where the user go/env file is, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvFileLocation {
    /// GOENV=off: go reads no user file and `go env -w` refuses to write.
    Off,
    /// No usable config directory (`os.UserConfigDir` failed): go reads no file.
    Unavailable(String),
    At {
        path: PathBuf,
        from_goenv: bool,
    },
}

/// `cfg.EnvFile`. The path built from the config directory is cleaned, as `filepath.Join` does;
/// a GOENV path is used as given.
pub fn locate(
    env: &super::env::Environment,
    version: &super::goversion::GoVersion,
) -> EnvFileLocation {
    if let Some(file) = env.get("GOENV") {
        if file == "off" {
            return EnvFileLocation::Off;
        }
        return EnvFileLocation::At {
            path: PathBuf::from(file),
            from_goenv: true,
        };
    }
    match env.user_config_dir(version.at_least(1, 24)) {
        Ok(dir) => EnvFileLocation::At {
            path: super::clean_path(&format!("{}/go/env", dir.display())),
            from_goenv: false,
        },
        Err(e) => EnvFileLocation::Unavailable(e),
    }
}

/// Reads a go env file. A missing or unreadable file is `Ok(None)` for go (it silently reads
/// nothing); the I/O error is returned separately so godoctor can say why.
/// At most [`super::bounded::GO_ENV`] is read; a file too large or not regular is recorded in
/// `log` (and one that is not regular reads as absent).
pub fn read(
    path: &Path,
    log: &super::bounded::InputLog,
) -> Result<Option<EnvFile>, std::io::Error> {
    match super::bounded::read_logged(path, super::bounded::GO_ENV, log) {
        Ok(data) => Ok(Some(parse(path, &data))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) if super::bounded::problem_of(&e).is_some() => Ok(None),
        Err(e) => Err(e),
    }
}

/// `readEnvFile`'s parsing.
pub fn parse(path: &Path, data: &[u8]) -> EnvFile {
    let mut file = EnvFile {
        path: path.to_owned(),
        ..EnvFile::default()
    };
    for (n, line) in data.split(|&b| b == b'\n').enumerate() {
        let eq = line.iter().position(|&b| b == b'=');
        let (Some(i), Some(b'A'..=b'Z')) = (eq, line.first()) else {
            if !line.iter().all(u8::is_ascii_whitespace) {
                file.ignored.push(IgnoredLine {
                    line: n + 1,
                    text: String::from_utf8_lossy(line).into_owned(),
                });
            }
            continue;
        };
        let key = super::env::go_lossy(&line[..i]);
        let raw_value = &line[i + 1..];
        let value = match std::str::from_utf8(raw_value) {
            Ok(v) => v.to_owned(),
            Err(_) => super::env::go_lossy(raw_value),
        };
        if file.values.insert(key.clone(), value).is_some() && !file.duplicates.contains(&key) {
            file.duplicates.push(key);
        }
    }
    // Reported for the values that win, once per key.
    file.crlf_keys = file
        .values
        .iter()
        .filter(|(_, v)| v.ends_with('\r'))
        .map(|(k, _)| k.clone())
        .collect();
    file.non_utf8_keys = file
        .values
        .iter()
        .filter(|(_, v)| v.contains(char::REPLACEMENT_CHARACTER))
        .map(|(k, _)| k.clone())
        .collect();
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(data: &[u8]) -> EnvFile {
        parse(Path::new("/x/go/env"), data)
    }

    // docs/go/semantics.md §5 "Line format when reading".
    #[test]
    fn reads_like_go() {
        let f = p(b"GOPROXY=https://goproxy.cn,direct\n# comment\n\ngoprivate=x\nNOEQUALS\nGOPRIVATE=a.com, b.com\nGOPROXY=https://second\nGOFLAGS=-mod=mod=x\n");
        assert_eq!(f.values["GOPROXY"], "https://second");
        assert_eq!(f.values["GOPRIVATE"], "a.com, b.com");
        assert_eq!(f.values["GOFLAGS"], "-mod=mod=x");
        assert!(!f.values.contains_key("goprivate"));
        assert_eq!(f.duplicates, vec!["GOPROXY"]);
        let ignored: Vec<usize> = f.ignored.iter().map(|l| l.line).collect();
        assert_eq!(ignored, vec![2, 4, 5]);
    }

    #[test]
    fn keeps_carriage_returns_and_spaces_verbatim() {
        let f = p(b"GOPROXY=https://goproxy.cn\r\nGOSUMDB =off\nGONOSUMDB= x\n");
        assert_eq!(f.values["GOPROXY"], "https://goproxy.cn\r");
        assert_eq!(f.crlf_keys, vec!["GOPROXY"]);
        // "GOSUMDB " is a different key; go never trims.
        assert_eq!(f.values["GOSUMDB "], "off");
        assert_eq!(f.values["GONOSUMDB"], " x");
    }

    #[test]
    fn empty_value_is_present() {
        let f = p(b"GOPROXY=");
        assert_eq!(f.values.get("GOPROXY").map(String::as_str), Some(""));
    }

    #[test]
    fn non_utf8_is_survived() {
        let f = p(b"GOPRIVATE=\xff\xfe.com\n\xff=1\n");
        assert_eq!(f.non_utf8_keys, vec!["GOPRIVATE"]);
        assert_eq!(f.ignored.len(), 1);
    }

    #[test]
    fn locate_follows_goenv() {
        use super::super::env::Environment;
        use super::super::goversion::GoVersion;
        let v = GoVersion::new(1, 27, 3);
        let env = Environment::from_pairs([("GOENV", "off"), ("HOME", "/h")]);
        assert_eq!(locate(&env, &v), EnvFileLocation::Off);
        let env = Environment::from_pairs([("GOENV", "/etc//goenv"), ("HOME", "/h")]);
        assert_eq!(
            locate(&env, &v),
            EnvFileLocation::At {
                path: "/etc//goenv".into(),
                from_goenv: true
            }
        );
        let env = Environment::from_pairs([("GOENV", ""), ("HOME", "/h/./x/..")]);
        assert_eq!(
            locate(&env, &v),
            EnvFileLocation::At {
                path: "/h/.config/go/env".into(),
                from_goenv: false
            }
        );
    }
}
