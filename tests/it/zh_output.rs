//! `--lang zh` as a user sees it: Chinese headings, findings and fixes, with go's own error text,
//! setting names and commands left exactly as go and the shell need them. Each run gets a
//! scrubbed environment, a temporary HOME and a PATH without go.

use serde_json::Value;

use crate::support::cli::Cli;

struct Run {
    stdout: String,
    code: i32,
}

fn godoctor(env: &[(&str, &str)], args: &[&str]) -> Run {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let bin = tmp.path().join("bin");
    let work = tmp.path().join("work");
    for d in [&home, &bin, &work] {
        std::fs::create_dir_all(d).unwrap();
    }
    let out = Cli::godoctor()
        .home(&home)
        .path(&bin)
        .envs(env.iter().copied())
        .cwd(&work)
        .args(args)
        .run();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Run {
        stdout,
        code: out.status.unwrap().code().unwrap(),
    }
}

fn zh(env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut all = vec![("LANG", "zh_CN.UTF-8")];
    all.extend_from_slice(env);
    godoctor(&all, args)
}

fn han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[track_caller]
fn has(out: &str, want: &str) {
    assert!(out.contains(want), "missing {want:?} in:\n{out}");
}

#[track_caller]
fn lacks(out: &str, unwanted: &str) {
    assert!(
        !out.contains(unwanted),
        "unexpected {unwanted:?} in:\n{out}"
    );
}

/// A command line of the report: on its own line, exactly as written.
#[track_caller]
fn command_line(out: &str, cmd: &str) {
    assert!(
        out.lines().any(|l| l.trim() == cmd),
        "no line {cmd:?} in:\n{out}"
    );
}

#[test]
fn goproxy_off() {
    let r = zh(&[("GOPROXY", "off")], &["check", "--offline"]);
    assert_eq!(r.code, 1);
    let o = &r.stdout;
    for heading in [
        "配置",
        "go 会怎么做",
        "发现的问题",
        "修复建议",
        "go mod download 会失败",
    ] {
        has(o, heading);
    }
    has(o, "（仅根据配置推断：假定所有主机都正常应答）");
    has(o, "根本原因 GOPROXY_OFF  GOPROXY=off：");
    has(o, "只有匹配 GONOPROXY 的模块仍会直连拉取");
    // go's own words, verbatim.
    command_line(
        o,
        "go: golang.org/x/text: module lookup disabled by GOPROXY=off",
    );
    has(
        o,
        "# 让 go 可以下载模块（GOPROXY 来自操作系统环境变量，优先级高于 `go env -w`）（GOPROXY_OFF）\n",
    );
    command_line(o, "export GOPROXY=https://proxy.golang.org,direct");
    has(o, "PATH 中找不到 go：");
    has(o, "找不到 go：按 go1.");
    for english in [
        "Findings",
        "Fix\n",
        "What go will do",
        "root cause",
        "will fail",
    ] {
        lacks(o, english);
    }
}

#[test]
fn gosumdb_off() {
    let r = zh(&[("GOSUMDB", "off")], &["check", "--offline"]);
    assert_eq!(r.code, 0);
    let o = &r.stdout;
    has(
        o,
        "GOSUMDB_OFF  GOSUMDB=off：go 不再用公共校验和数据库校验下载的模块",
    );
    has(
        o,
        "# 重新打开模块校验（GOSUMDB 设置在操作系统环境变量中）（GOSUMDB_OFF）\n",
    );
    command_line(o, "unset GOSUMDB");
    // The code once per finding, on its first step; quoted: an unquoted `<` is a redirection.
    has(o, "# 改为只把私有模块排除在校验之外\n");
    command_line(o, "go env -w 'GONOSUMDB=<your private module prefixes>'");
    has(o, "go mod download 预计会成功，但有警告");
}

#[test]
fn goprivate_with_spaces() {
    let r = zh(
        &[("GOPRIVATE", "git.corp.example, github.com/acme")],
        &["check", "--offline"],
    );
    let o = &r.stdout;
    has(
        o,
        "PATTERN_HAS_SPACES  GOPRIVATE=\"git.corp.example, github.com/acme\" 的逗号两侧有空格：go 不会去掉这些空格，所以 \" github.com/acme\" 永远匹配不到任何模块",
    );
    has(
        o,
        "# 去掉空格（GOPRIVATE 来自操作系统环境变量，优先级高于 `go env -w`）（PATTERN_HAS_SPACES）\n",
    );
    command_line(o, "export GOPRIVATE=git.corp.example,github.com/acme");
    has(o, "# 永久生效：找到设置 GOPRIVATE 的地方，修改那一行\n");
    // Derived settings keep their names; the origin words are go's own (settings: -v).
    let r = zh(
        &[("GOPRIVATE", "git.corp.example, github.com/acme")],
        &["check", "--offline", "-v"],
    );
    has(&r.stdout, "[default，取自 GOPRIVATE]");
}

#[test]
fn http_proxy_without_https_proxy() {
    let r = zh(
        &[("HTTP_PROXY", "http://10.0.0.1:3128")],
        &["check", "--offline"],
    );
    let o = &r.stdout;
    has(
        o,
        "HTTP_PROXY_WITHOUT_HTTPS_PROXY  设置了 HTTP_PROXY，但没有设置 HTTPS_PROXY：go 的 https:// 请求",
    );
    has(
        o,
        "# 让 https 流量也走同一个 HTTP 代理（HTTP_PROXY_WITHOUT_HTTPS_PROXY）\n",
    );
    command_line(o, "export HTTPS_PROXY=\"$HTTP_PROXY\"");
}

#[test]
fn json_is_translated_but_go_words_are_not() {
    let r = zh(&[("GOPROXY", "off")], &["check", "--offline", "--json"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["lang"], "zh");
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "GOPROXY_OFF")
        .unwrap();
    let msg = f["message"].as_str().unwrap();
    assert!(han(msg) && msg.starts_with("GOPROXY=off："), "{msg}");
    assert_eq!(v["root_cause"]["summary"], f["message"]);
    assert_eq!(
        f["remediation"][0]["command"],
        "export GOPROXY=https://proxy.golang.org,direct"
    );
    assert!(han(f["remediation"][0]["description"].as_str().unwrap()));
    assert_eq!(
        v["outcome"]["modules"][0]["error"],
        "go: golang.org/x/text: module lookup disabled by GOPROXY=off"
    );
    // Enum values and codes are never translated.
    assert_eq!(v["findings"][0]["severity"], "error");
    assert_eq!(v["verdict"], "fail");
}

#[test]
fn explain_in_chinese() {
    let text = "go: golang.org/x/text@v0.3.0: Get \"https://proxy.golang.org/golang.org/x/text/@v/v0.3.0.mod\": dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host";
    let r = zh(&[], &["explain", text]);
    assert_eq!(r.code, 0);
    let o = &r.stdout;
    has(o, "DNS_NXDOMAIN（dns，proxy.golang.org）");
    has(o, "域名无法解析");
    has(o, "DNS 服务器回答该主机不存在（NXDOMAIN），或者没有地址。");
    has(o, "\n检查\n");
    // Commands, with the host from go's text, stay as they are.
    has(
        o,
        "  1. getent hosts proxy.golang.org || nslookup proxy.golang.org\n",
    );
    has(o, "go env GOPROXY（代理域名是否拼错了？）");
    lacks(o, "Check\n");

    let r = zh(
        &[],
        &[
            "explain",
            "Get \"https://proxy.golang.org/x\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
        ],
    );
    has(&r.stdout, "\n修复建议\n");
    has(&r.stdout, "# 安装该 CA 证书（不要关闭证书校验）");
    command_line(
        &r.stdout,
        "sudo cp company-ca.crt /usr/local/share/ca-certificates/ && sudo update-ca-certificates",
    );

    let r = zh(
        &[],
        &[
            "explain",
            "--json",
            "go: module lookup disabled by GOPROXY=off",
        ],
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["code"], "GOPROXY_OFF");
    assert_eq!(v["summary"], "GOPROXY=off 禁止下载模块");
    assert_eq!(
        v["remediation"][0]["command"],
        "go env -w GOPROXY=https://proxy.golang.org,direct"
    );

    let r = zh(&[], &["explain", "something odd happened"]);
    has(&r.stdout, "无法识别\ngodoctor 无法识别这个错误");
}

#[test]
fn explain_reads_go_s_error_from_stdin() {
    let text = "go: module lookup disabled by GOPROXY=off\n";
    let tmp = tempfile::tempdir().unwrap();
    let piped = Cli::godoctor()
        .home(tmp.path())
        .path(tmp.path())
        .env("LANG", "zh_CN.UTF-8")
        .cwd(tmp.path())
        .arg("explain")
        .stdin(text)
        .run();
    assert_eq!(piped.code(), Some(0), "{}", piped.text());
    let r = zh(&[], &["explain", text.trim_end()]);
    assert_eq!(piped.stdout_text(), r.stdout);
    has(&r.stdout, "GOPROXY=off 禁止下载模块");
}

#[test]
fn lang_flag_and_locale_order() {
    // --lang en beats LANG.
    let r = zh(
        &[("GOPROXY", "off")],
        &["--lang", "en", "check", "--offline"],
    );
    has(&r.stdout, "Findings");
    has(&r.stdout, "GOPROXY=off: go refuses to download any module");
    assert!(!han(&r.stdout), "{}", r.stdout);
    let r = zh(&[], &["--lang", "en", "explain", "no such host"]);
    has(&r.stdout, "the name does not resolve");
    assert!(!han(&r.stdout), "{}", r.stdout);
    // --lang zh without a Chinese locale.
    let r = godoctor(
        &[("GOPROXY", "off")],
        &["--lang", "zh", "check", "--offline"],
    );
    has(&r.stdout, "发现的问题");
    // LC_ALL comes before LANG.
    let r = zh(
        &[("LC_ALL", "en_US.UTF-8"), ("GOPROXY", "off")],
        &["check", "--offline"],
    );
    assert!(!han(&r.stdout), "{}", r.stdout);
    // zh_TW: Simplified Chinese, and a note on stderr that says so.
    let tmp = tempfile::tempdir().unwrap();
    let out = Cli::godoctor()
        .home(tmp.path())
        .path(tmp.path())
        .cwd(tmp.path())
        .envs([("LC_MESSAGES", "zh_TW.UTF-8"), ("GOPROXY", "off")])
        .args(["check", "--offline"])
        .run();
    has(&String::from_utf8(out.stdout).unwrap(), "发现的问题");
    has(
        &String::from_utf8(out.stderr).unwrap(),
        "目前只有简体中文版本",
    );
}

#[test]
fn config_in_chinese() {
    // No go on PATH: godoctor says so, in Chinese; values and origins stay as go prints them.
    let r = zh(&[("GOPROXY", "off"), ("GOENV", "/dev/null")], &["config"]);
    assert_eq!(r.code, 0);
    assert!(han(r.stdout.lines().next().unwrap_or("")), "{}", r.stdout);
    has(&r.stdout, "GOPROXY      off  [env]");
    lacks(&r.stdout, "go/env file:");
    has(&r.stdout, "go/env 配置文件：");
}
