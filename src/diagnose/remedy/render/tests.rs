//! Every action in every shell, with the values that need quoting (`|`, spaces, quotes).

use super::*;
use crate::config::shell::{Distro, Os};
use Shell::*;

/// A Debian machine: PowerShell and cmd mean Windows.
fn all(a: &Action) -> [String; 4] {
    [Posix, Fish, Powershell, Cmd].map(|s| a.render(Target::new(s, Os::Unix, Distro::Debian)))
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

fn on(shell: Shell, os: Os, distro: Distro) -> Target {
    Target::new(shell, os, distro)
}

#[test]
fn a_ca_goes_where_each_system_reads_roots() {
    let ca = Action::System(System::TrustCa("company-ca.crt".into()));
    let linux = |d| ca.render(on(Posix, Os::Unix, d));
    assert_eq!(
        linux(Distro::Debian),
        "sudo cp company-ca.crt /usr/local/share/ca-certificates/ && sudo update-ca-certificates"
    );
    assert_eq!(
        linux(Distro::Fedora),
        "sudo cp company-ca.crt /etc/pki/ca-trust/source/anchors/ && sudo update-ca-trust"
    );
    assert_eq!(
        linux(Distro::Suse),
        "sudo cp company-ca.crt /etc/pki/trust/anchors/ && sudo update-ca-certificates"
    );
    assert_eq!(
        linux(Distro::Arch),
        "sudo trust anchor --store company-ca.crt"
    );
    assert_eq!(linux(Distro::Other), linux(Distro::Debian));
    assert_eq!(
        ca.render(on(Posix, Os::MacOs, Distro::Other)),
        "sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain company-ca.crt"
    );
    assert_eq!(
        ca.render(on(Powershell, Os::Unix, Distro::Debian)),
        "Import-Certificate -FilePath company-ca.crt -CertStoreLocation Cert:\\CurrentUser\\Root"
    );
    assert_eq!(
        ca.render(on(Cmd, Os::Windows, Distro::Other)),
        "certutil -user -addstore Root company-ca.crt"
    );
    // Git Bash on Windows: Windows' store, through certutil.
    assert_eq!(
        ca.render(on(Posix, Os::Windows, Distro::Other)),
        "certutil -user -addstore Root company-ca.crt"
    );
    let bundle = Action::System(System::GoOnlyBundle("company-ca.crt".into()));
    assert_eq!(
        bundle.render(on(Posix, Os::Unix, Distro::Fedora)),
        "cat /etc/pki/tls/certs/ca-bundle.crt company-ca.crt > ~/ca-bundle.pem && export SSL_CERT_FILE=~/ca-bundle.pem"
    );
    assert_eq!(
        bundle.render(on(Fish, Os::Unix, Distro::Debian)),
        "cat /etc/ssl/certs/ca-certificates.crt company-ca.crt > ~/ca-bundle.pem && set -gx SSL_CERT_FILE ~/ca-bundle.pem"
    );
}

#[test]
fn packages_come_from_each_systems_installer() {
    let git = Action::System(System::Install(Package::Git));
    let expect = [
        (Os::Unix, Distro::Debian, "sudo apt-get install -y git"),
        (Os::Unix, Distro::Fedora, "sudo dnf install -y git"),
        (Os::Unix, Distro::Suse, "sudo zypper install -y git"),
        (Os::Unix, Distro::Alpine, "sudo apk add git"),
        (Os::Unix, Distro::Arch, "sudo pacman -S --needed git"),
        (Os::MacOs, Distro::Other, "xcode-select --install"),
        (Os::Windows, Distro::Other, "winget install --id Git.Git -e"),
    ];
    for (os, distro, want) in expect {
        assert_eq!(git.render(on(Posix, os, distro)), want, "{os:?} {distro:?}");
    }
}

#[test]
fn variables_for_one_command_in_each_shell() {
    let a = Action::ExecWith {
        vars: vec![("GOTOOLCHAIN".into(), "local".into())],
        argv: vec!["go".into(), "mod".into(), "tidy".into()],
    };
    assert_eq!(
        all(&a),
        [
            "GOTOOLCHAIN=local go mod tidy",
            "env GOTOOLCHAIN=local go mod tidy",
            "$was_GOTOOLCHAIN = $env:GOTOOLCHAIN; $env:GOTOOLCHAIN = 'local'; go mod tidy; $env:GOTOOLCHAIN = $was_GOTOOLCHAIN",
            "cmd /s /c \"set \"GOTOOLCHAIN=local\" && go mod tidy\"",
        ]
    );
    // A value a shell would split stays one word, and only the value is quoted (a quoted
    // `'K=v'` is no assignment in a POSIX shell).
    let b = Action::ExecWith {
        vars: vec![("GOPROXY".into(), "https://a.example|direct".into())],
        argv: vec!["go".into(), "mod".into(), "download".into()],
    };
    assert_eq!(
        all(&b)[0],
        "GOPROXY='https://a.example|direct' go mod download"
    );
}

#[test]
fn steps_in_sequence_in_each_shell() {
    let a = Action::exec(["go", "install", "golang.org/dl/go1.22.0@latest"])
        .then(Action::exec(["go1.22.0", "download"]));
    let [posix, fish, ps, cmd] = all(&a);
    assert_eq!(
        posix,
        "go install golang.org/dl/go1.22.0@latest && go1.22.0 download"
    );
    assert_eq!(fish, posix);
    // Windows PowerShell 5.1 has no `&&`.
    assert_eq!(
        ps,
        "go install 'golang.org/dl/go1.22.0@latest'; if ($?) { go1.22.0 download }"
    );
    assert_eq!(cmd, posix);
    let b = Action::words("ssh-add -l").or_else(Action::words("ssh-add"));
    assert_eq!(all(&b)[2], "ssh-add -l; if (-not $?) { ssh-add }");
    // In Windows PowerShell `curl` is Invoke-WebRequest.
    let curl = Action::words("curl -sSI https://proxy.golang.org/");
    assert_eq!(all(&curl)[2], "curl.exe -sSI https://proxy.golang.org/");
}

#[test]
fn system_files_per_os() {
    let netrc = Action::System(System::AddNetrc("git.corp.example".into()));
    assert_eq!(
        netrc.render(on(Posix, Os::Unix, Distro::Debian)),
        "printf 'machine git.corp.example login USER password TOKEN\\n' >> ~/.netrc && chmod 600 ~/.netrc"
    );
    // go reads _netrc on Windows.
    assert_eq!(
        netrc.render(on(Posix, Os::Windows, Distro::Other)),
        "printf '%s\\n' 'machine git.corp.example login USER password TOKEN' >> ~/_netrc"
    );
    assert_eq!(
        netrc.render(on(Cmd, Os::Windows, Distro::Other)),
        "echo machine git.corp.example login USER password TOKEN>>\"%USERPROFILE%\\_netrc\""
    );
    // A host that is not a plain name cannot break out of the quotes.
    let odd = Action::System(System::AddNetrc("x'; rm -rf ~; '".into()));
    assert_eq!(
        odd.render(on(Posix, Os::Unix, Distro::Debian)),
        "printf '%s\\n' 'machine x'\\''; rm -rf ~; '\\'' login USER password TOKEN' >> ~/.netrc && chmod 600 ~/.netrc"
    );
    let cr = Action::System(System::StripCarriageReturns(
        "/home/u/.config/go/env".into(),
    ));
    assert_eq!(
        cr.render(on(Posix, Os::Unix, Distro::Debian)),
        "sed -i 's/\\r$//' /home/u/.config/go/env"
    );
    // BSD sed has no `\r`.
    assert_eq!(
        cr.render(on(Posix, Os::MacOs, Distro::Other)),
        "perl -pi -e 's/\\r$//' /home/u/.config/go/env"
    );
    let drop = Action::System(System::DropGoSumLines {
        file: "go.sum".into(),
        module: "github.com/a/b".into(),
        version: "v2.0.0+incompatible".into(),
    });
    let [posix, _, ps, cmd] = all(&drop);
    assert_eq!(
        posix,
        "sed -i.bak '\\#^github.com/a/b v2.0.0+incompatible[ /]#d' go.sum"
    );
    assert_eq!(
        ps,
        "Copy-Item go.sum go.sum.bak; (Get-Content go.sum.bak) -notmatch '^github\\.com/a/b v2\\.0\\.0\\+incompatible[ /]' | Set-Content go.sum"
    );
    assert_eq!(
        cmd,
        "copy /y go.sum go.sum.bak && findstr /v /r /c:\"^github.com/a/b v2.0.0+incompatible[ /]\" go.sum.bak > go.sum"
    );
    let latest = Action::System(System::GoFile {
        var: "GOPATH".into(),
        rel: "pkg/sumdb/sum.golang.org/latest".into(),
        op: FileOp::Remove,
    });
    assert_eq!(
        all(&latest),
        [
            "rm -f \"$(go env GOPATH)/pkg/sumdb/sum.golang.org/latest\"",
            "rm -f (go env GOPATH)/pkg/sumdb/sum.golang.org/latest",
            "Remove-Item -Force -ErrorAction SilentlyContinue \"$(go env GOPATH)\\pkg\\sumdb\\sum.golang.org\\latest\"",
            "for /f \"delims=\" %p in ('go env GOPATH') do del /f /q \"%p\\pkg\\sumdb\\sum.golang.org\\latest\"",
        ]
    );
}

#[test]
fn windows_variables_ignore_case() {
    let unset = Action::UnsetEnv(vec!["HTTPS_PROXY".into(), "https_proxy".into()]);
    let [posix, _, ps, cmd] = all(&unset);
    assert_eq!(posix, "unset HTTPS_PROXY https_proxy");
    assert_eq!(
        ps,
        "Remove-Item Env:HTTPS_PROXY -ErrorAction SilentlyContinue; [Environment]::SetEnvironmentVariable('HTTPS_PROXY', $null, 'User')"
    );
    assert_eq!(
        cmd,
        "set \"HTTPS_PROXY=\" & reg delete HKCU\\Environment /v HTTPS_PROXY /f"
    );
}
