//! Every action in every shell, with the values that need quoting (`|`, spaces, quotes).

use super::*;
use Shell::*;

fn all(a: &Action) -> [String; 4] {
    [Posix, Fish, Powershell, Cmd].map(|s| a.render(s))
}

#[test]
fn go_env_write_in_each_shell() {
    let a = Action::GoEnvWrite(vec![(
        "GOPROXY".into(),
        "https://goproxy.cn|https://proxy.golang.org,direct".into(),
    )]);
    assert_eq!(
        all(&a),
        [
            "go env -w 'GOPROXY=https://goproxy.cn|https://proxy.golang.org,direct'",
            "go env -w 'GOPROXY=https://goproxy.cn|https://proxy.golang.org,direct'",
            "go env -w 'GOPROXY=https://goproxy.cn|https://proxy.golang.org,direct'",
            "go env -w \"GOPROXY=https://goproxy.cn|https://proxy.golang.org,direct\"",
        ]
    );
    let plain = Action::GoEnvWrite(vec![("GOPRIVATE".into(), "git.corp.example".into())]);
    assert_eq!(
        all(&plain),
        ["go env -w GOPRIVATE=git.corp.example"; 4].map(String::from)
    );
    // A comma is an array operator in PowerShell's argument mode: quoted there only.
    let comma = Action::GoEnvWrite(vec![("GOPRIVATE".into(), "a.example,b.example".into())]);
    assert_eq!(
        all(&comma),
        [
            "go env -w GOPRIVATE=a.example,b.example",
            "go env -w GOPRIVATE=a.example,b.example",
            "go env -w 'GOPRIVATE=a.example,b.example'",
            "go env -w \"GOPRIVATE=a.example,b.example\"",
        ]
    );
    assert_eq!(
        all(&Action::GoEnvUnset(vec!["GOSUMDB".into()])),
        ["go env -u GOSUMDB"; 4].map(String::from)
    );
}

#[test]
fn os_variables_in_each_shell() {
    let set = Action::SetEnv {
        key: "GOPROXY".into(),
        value: "https://goproxy.cn,direct".into(),
    };
    assert_eq!(
        all(&set),
        [
            "export GOPROXY=https://goproxy.cn,direct",
            "set -gx GOPROXY https://goproxy.cn,direct",
            "$env:GOPROXY = 'https://goproxy.cn,direct'; [Environment]::SetEnvironmentVariable('GOPROXY', 'https://goproxy.cn,direct', 'User')",
            "set \"GOPROXY=https://goproxy.cn,direct\" & setx GOPROXY \"https://goproxy.cn,direct\"",
        ]
    );
    let unset = Action::UnsetEnv(vec!["GOSUMDB".into()]);
    assert_eq!(
        all(&unset),
        [
            "unset GOSUMDB",
            "set -e GOSUMDB",
            "Remove-Item Env:GOSUMDB -ErrorAction SilentlyContinue; [Environment]::SetEnvironmentVariable('GOSUMDB', $null, 'User')",
            "set \"GOSUMDB=\" & reg delete HKCU\\Environment /v GOSUMDB /f",
        ]
    );
    let copy = Action::CopyEnv {
        key: "HTTPS_PROXY".into(),
        from: "HTTP_PROXY".into(),
    };
    assert_eq!(
        all(&copy),
        [
            "export HTTPS_PROXY=\"$HTTP_PROXY\"",
            "set -gx HTTPS_PROXY $HTTP_PROXY",
            "$env:HTTPS_PROXY = $env:HTTP_PROXY",
            "set \"HTTPS_PROXY=%HTTP_PROXY%\"",
        ]
    );
}

#[test]
fn where_a_variable_is_set_in_each_shell() {
    let find = Action::FindWhereSet {
        key: "GOPROXY".into(),
        files: vec!["~/.config/fish/config.fish".into()],
    };
    let [posix, fish, ps, cmd] = all(&find);
    assert_eq!(
        posix,
        "grep -n 'GOPROXY' ~/.config/fish/config.fish 2>/dev/null"
    );
    assert_eq!(fish, posix);
    assert!(
        ps.contains("GetEnvironmentVariable('GOPROXY', 'User')"),
        "{ps}"
    );
    assert!(
        cmd.starts_with("reg query HKCU\\Environment /v GOPROXY"),
        "{cmd}"
    );
}

#[test]
fn quotes_survive_in_each_shell() {
    let v = "it's a \"test\" | more";
    assert_eq!(quote(Posix, v), r#"'it'\''s a "test" | more'"#);
    assert_eq!(quote(Fish, v), r#"'it\'s a "test" | more'"#);
    assert_eq!(quote(Powershell, v), r#"'it''s a "test" | more'"#);
    assert_eq!(quote(Cmd, v), r#""it's a ""test"" | more""#);
    assert_eq!(quote(Fish, r"a\b c"), r"'a\\b c'");
    for s in [Posix, Fish, Powershell, Cmd] {
        assert_ne!(quote(s, ""), "", "{s:?}: an empty value must stay a word");
    }
}
