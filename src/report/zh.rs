//! Chinese texts for `--lang zh`, written the way Chinese Go developers write about go
//! (docs/zh-style.md): go's own error text, setting names, commands, hosts
//! and finding codes stay as they are; everything godoctor says is translated.
//!
//! Findings are translated from their code and params (`detail` is go's or the probe's own
//! words and is always shown verbatim, after “原始错误：”); remediation descriptions from their
//! English wording, which is fixed in the source, until every site names a catalog message
//! (`explain` and src/diagnose/remediation.rs already do).

use crate::diagnose::{Code, Finding};

fn param<'a>(f: &'a Finding, key: &str) -> &'a str {
    f.params.get(key).map_or("", String::as_str)
}

fn has(f: &Finding, key: &str) -> bool {
    f.params.get(key).is_some_and(|v| !v.is_empty())
}

/// What an observed failure code means, without naming the host (for “原因” clauses).
fn short(code: Code) -> Option<&'static str> {
    Some(match code {
        Code::DnsNxdomain => "域名不存在（NXDOMAIN）",
        Code::DnsServfail => "DNS 服务器出错（SERVFAIL）",
        Code::DnsTimeout => "DNS 解析超时",
        Code::DnsFailed => "DNS 解析失败",
        Code::DnsPoisoned => "解析结果疑似被篡改",
        Code::TcpRefused => "连接被拒绝",
        Code::TcpBlackhole => "TCP 连接超时",
        Code::TcpReset => "连接被重置",
        Code::TcpUnreachable => "网络不可达",
        Code::TlsResetAfterClienthello => "TLS 握手在 ClientHello 之后被重置",
        Code::TlsUnknownIssuerInterception => "证书被中间设备重新签发",
        Code::TlsUnknownIssuerPrivateCa => "证书由私有 CA 签发",
        Code::TlsRootsMissing => "缺少根证书",
        Code::TlsExpired => "证书已过期",
        Code::TlsNotYetValid => "证书尚未生效",
        Code::TlsNameMismatch => "证书与域名不匹配",
        Code::TlsHandshakeTimeout => "TLS 握手超时",
        Code::TlsNotTls => "对端返回的不是 TLS",
        Code::TlsNoRoots => "找不到任何 CA 证书",
        Code::TlsHandshakeFailed => "TLS 握手失败",
        Code::HttpCaptivePortal => "返回了网页而不是模块数据",
        Code::HttpInvalidPayload => "返回的内容格式不对",
        Code::HttpStalled => "HTTP 响应超时",
        Code::HttpSlow => "响应极慢",
        Code::HttpBodyTooLarge => "响应体过大",
        Code::HttpRedirectInsecure => "从 https 重定向到了明文 http",
        Code::HttpRedirectLoop => "重定向次数过多",
        Code::HttpHeadersTooLarge => "响应头过大",
        Code::ModuleNotFound => "返回 404/410",
        Code::HttpUnauthorized => "HTTP 401（需要认证）",
        Code::HttpForbidden => "HTTP 403（禁止访问）",
        Code::HttpServerError => "服务器错误（5xx）",
        Code::HttpStatus => "意外的 HTTP 状态码",
        Code::HttpFailed => "HTTP 请求失败",
        Code::ProxyUnreachable => "无法连接 HTTP 代理",
        Code::ProxyAuthRequired => "HTTP 407（代理需要认证）",
        Code::ProxyForbidden => "HTTP 代理拒绝了 CONNECT 请求",
        Code::ProxyStalled => "HTTP 代理无响应",
        Code::ProxyConnectFailed => "经 HTTP 代理连接失败",
        Code::SumdbSignatureInvalid => "签名无效",
        Code::SumdbFailed => "校验和数据库的应答有误",
        _ => return None,
    })
}

/// The `cause` param: the code a failure had before it was seen as another.
fn cause_code(f: &Finding) -> Option<Code> {
    f.params.get("cause")?.parse().ok()
}

/// `short` for a `cause` param, as a full-width parenthetical (empty when unknown).
fn cause(f: &Finding) -> String {
    match f.params.get("cause").map(String::as_str) {
        Some(c) => format!("（{}）", cause_code(f).and_then(short).unwrap_or(c)),
        None => String::new(),
    }
}

fn private_reason(en: &str) -> &str {
    match en {
        "its host is an IP address" => "主机是 IP 地址",
        "its host has no dot" => "主机名中没有点号",
        "its host is in an internal domain" => "主机属于内部域名",
        "you have netrc credentials for its host" => "netrc 中有该主机的凭据",
        other => other,
    }
}

/// A finding's message, from its code and params; None falls back to English.
pub fn finding_message(f: &Finding) -> Option<String> {
    let h = f.host.as_deref().unwrap_or("");
    let p = |k| param(f, k);
    // Lists godoctor joined with ", " are enumerations in Chinese.
    let list = |k| param(f, k).replace(", ", "、");
    let url = p("url");
    // go's or the probe's own words, appended verbatim.
    let mut detail = has(f, "detail").then(|| p("detail"));
    let main = match f.code {
        // Configuration rules.
        Code::ToolchainLocalTooOld => "go.mod 要求的 Go 版本比本机安装的新，而 GOTOOLCHAIN 不允许 go 自动下载新工具链".to_owned(),
        Code::GotoolchainInvalid => "GOTOOLCHAIN 的值 go 不认：除了 `go env GOTOOLCHAIN` 和 `go env -w GOTOOLCHAIN=…`，所有 go 命令都会失败".to_owned(),
        Code::GomodToolchainInvalid => "go.mod（或 go.work）里的 toolchain 行不是 go 认可的工具链名称".to_owned(),
        Code::ToolchainSwitch => match (has(f, "path"), has(f, "version")) {
            (true, _) => format!("go 会切换到 {}，直接运行 PATH 中的 {}", p("target"), p("path")),
            _ => format!("go 会先下载工具链 {}：经 GOPROXY 拉取模块 golang.org/toolchain@{}，并由校验和数据库校验", p("target"), p("version")),
        },
        Code::ToolchainDependencyTooNew => format!(
            "依赖 {} 的 go.mod 要求 Go >= {}，而 GOTOOLCHAIN 不允许 go 切换工具链：go 在加载模块图时就会失败",
            p("module"),
            p("need")
        ),
        Code::ToolchainMidCommandSwitch => match has(f, "target") {
            true => format!(
                "{} 要求 Go >= {}：go mod download 先用当前的 go 运行，执行到一半会切换到 {}",
                p("module"),
                p("need"),
                p("target")
            ),
            false => format!(
                "{} 要求 Go >= {}：go mod download 先用当前的 go 运行，执行到一半会从 golang.org/toolchain 的版本列表中挑选合适的版本并切换",
                p("module"),
                p("need")
            ),
        },
        Code::ToolchainNotInPath => format!("go 需要 {}，但 GOTOOLCHAIN 设置为只在 PATH 中查找，而 PATH 里没有", p("target")),
        Code::ToolchainUnavailable => format!("GOPROXY 中没有任何一项能提供工具链 {}", p("target")),
        Code::ToolchainNeedsSumdb => format!("go 必须用校验和数据库校验 {} 工具链，即使设置了 GOSUMDB=off 也一样：所以切换会失败", p("target")),
        Code::GoNotFound => format!(
            "PATH 中找不到 go：godoctor 按当前 Go 版本（{}）的默认值自行计算了所有配置",
            p("version")
        ),
        Code::GoEnvFailed => format!(
            "已安装 {}，但 `go env -json` 执行失败：下面显示的配置由 godoctor 自行计算",
            p("path")
        ),
        Code::ConfigModelMismatch => format!(
            "godoctor 计算出的 {} 是 {:?}，而 go 给出的是 {:?}：以 go 的值为准",
            p("key"),
            p("computed"),
            p("value")
        ),
        Code::GoTooOldForProxy => format!(
            "{} 早于 Go 1.13，不支持模块代理、GOPRIVATE 和校验和数据库：所有模块都会直连源仓库拉取",
            p("version")
        ),
        Code::GoTooOldForPipe => format!(
            "{} 不认识 GOPROXY 中的 `|`（Go 1.15 起才支持）：整项会被当作一个 URL",
            p("version")
        ),
        Code::GoenvOff => "GOENV=off：go 不读取任何 go/env 文件，`go env -w` 也无法保存配置".into(),
        Code::GoenvUnavailable => {
            "go 找不到自己的 go/env 文件：用 `go env -w` 保存的配置不会被读取".into()
        }
        Code::GoenvFileUnreadable => "go/env 文件无法读取，go 会忽略它".into(),
        Code::GoenvFileCrlf => format!(
            "{} 使用 Windows 换行符（CRLF）：go 会把 '\\r' 留在 {} 的值里",
            p("file"),
            list("keys")
        ),
        Code::GoenvFileNotUtf8 => format!("{}：{} 的值不是合法的 UTF-8", p("file"), list("keys")),
        Code::GoenvFileIgnoredLines => format!(
            "go 会忽略 {} 中的 {} 行（每行必须是 KEY=VALUE 的形式，且 KEY 为大写）",
            p("file"),
            p("count")
        ),
        Code::GoenvFileKeyWithSpace => format!(
            "{}：键 {:?} 含有空格，go 不会把它当作 {}",
            p("file"),
            p("key"),
            p("name")
        ),
        Code::GoenvFileDuplicates => {
            format!("{} 多次设置了 {}：以最后一行为准", p("file"), list("keys"))
        }
        Code::GoproxyMalformed => format!("go 不接受 GOPROXY={:?}", p("value")),
        Code::GoproxyOff => "GOPROXY=off：模块缓存里没有的模块，go 一律拒绝下载（只有匹配 GONOPROXY 的模块仍会直连拉取）".into(),
        Code::GoproxyDirectOnly => "GOPROXY=direct：所有模块都直连版本控制仓库拉取（git over HTTPS 或 SSH），速度更慢、需要安装 git，仓库迁移或删除后就会失败".into(),
        Code::GoproxyEntriesIgnored => format!(
            "go 读到 `direct` 或 `off` 就不再往后读 GOPROXY：{} 永远不会被使用",
            list("entries")
        ),
        Code::GoproxyPlainHttp => format!(
            "GOPROXY 中的 {} 使用明文 HTTP：模块内容不加密传输（校验和数据库仍能保证内容完整）",
            p("url")
        ),
        Code::GoproxyHasCredentials => "GOPROXY 中有一项的 URL 带有凭据（此处已隐藏）：go 的错误信息会把密码替换掉，但 `go env` 会完整显示".into(),
        Code::GoproxyCommaNoFallthrough if has(f, "proxy") => format!(
            "{} 出错（{}{}），而 GOPROXY 用英文逗号把它和下一项隔开：只有返回 404 或 410 时 go 才会尝试下一项，所以永远到不了后面那个正常的条目",
            p("proxy"),
            p("cause"),
            cause_code(f).and_then(short).map(|s| format!("：{s}")).unwrap_or_default()
        ),
        Code::GoproxyCommaNoFallthrough => "GOPROXY 各项之间用的是英文逗号 `,`：只有代理返回 404 或 410 时 go 才会尝试下一项，某个代理一旦超时或出错，下载就直接失败（改用竖线 `|` 分隔，任何错误都会尝试下一项）".into(),
        Code::GosumdbMalformed => format!("go 不接受 GOSUMDB={:?}", p("value")),
        Code::GosumdbOff => "GOSUMDB=off：go 不再用公共校验和数据库校验下载的模块，代理返回的模块被篡改、连接被拦截都不会被发现（下载工具链仍然需要校验和数据库）".into(),
        Code::PatternHasSpaces => format!(
            "{}={:?} 的逗号两侧有空格：go 不会去掉这些空格，所以 \"{}\" 永远匹配不到任何模块",
            p("key"),
            p("value"),
            p("pattern")
        ),
        Code::PatternMalformed => format!(
            "{} 中的模式 {:?} 不是合法的通配符（path.Match），go 永远不会匹配它",
            p("key"),
            p("pattern")
        ),
        Code::GonoproxyNone => {
            "GONOPROXY=none：所有模块都经过 GOPROXY，匹配 GOPRIVATE 的模块也不例外".into()
        }
        Code::GoinsecureSet => format!(
            "GOINSECURE={:?}：go 会通过明文 HTTP 或在不校验 TLS 证书的情况下直连拉取匹配的模块，存在被拦截的风险（不影响 GOPROXY 和校验和数据库）",
            p("value")
        ),
        Code::GovcsMalformed => "go 不接受 GOVCS 的值".into(),
        Code::Go111moduleOff => "GO111MODULE=off：go 运行在 GOPATH 模式，`go mod download` 和模块下载都会被拒绝".into(),
        Code::Go111moduleInvalid => format!(
            "GO111MODULE={:?} 不是 on、off 或 auto（须为小写）：所有模块模式下的 go 命令都会直接退出",
            p("value")
        ),
        Code::GoflagsMalformed => format!(
            "除 `go env` 外的所有 go 命令都会失败：GOFLAGS={:?} 中有不是 flag 的内容",
            p("value")
        ),
        Code::GoflagsModVendor => "go 使用 vendor/ 目录构建：不会下载任何模块，因此用不到 GOPROXY 和校验和数据库（`go mod download` 和 `go get` 仍会用到）".into(),
        Code::GoflagsInsecure if p("supported") == "true" => "GOFLAGS 中包含 -insecure：这个版本的 go 会跳过校验和数据库，并允许直连拉取时使用明文 HTTP".into(),
        Code::GoflagsInsecure => "GOFLAGS 中包含 -insecure，而 Go 1.17 已移除这个 flag：`go get` 现在会报错 \"-insecure flag is no longer supported; use GOINSECURE instead\"".into(),
        Code::EnvShadowsGoenvFile => format!(
            "操作系统环境变量设置了 {}={:?}，它会覆盖 go/env 文件中的 {:?}：`go env -w {}=…` 不会生效",
            p("key"),
            p("value"),
            p("file_value"),
            p("key")
        ),
        Code::HttpProxyWithoutHttpsProxy => format!(
            "设置了 {}，但没有设置 HTTPS_PROXY：go 的 https:// 请求（所有模块代理、校验和数据库、go-get 发现）都会直连，不经过 HTTP 代理",
            p("key")
        ),
        Code::HttpProxyMalformed => format!("go 会忽略 {}", p("key")),
        Code::HttpProxySchemeUnsupported => format!(
            "{} 使用的协议 {:?} go 不支持（只支持 http、https、socks5、socks5h）",
            p("key"),
            p("scheme")
        ),
        Code::AllProxyIgnored => format!(
            "设置了 {}={}，但 go 不读取 ALL_PROXY（curl 和 git 会读取）：除非设置了 HTTPS_PROXY，否则 go 会直连",
            p("key"),
            p("value")
        ),
        Code::HttpProxyCaseConflict => format!(
            "{} 和 {} 的值不同：go 使用 {}（curl 可能使用 {}）",
            p("key"),
            p("other"),
            p("key"),
            p("other")
        ),
        Code::SslCertFileMissing => format!(
            "SSL_CERT_FILE={} 不存在：它会替换 go 的 CA 证书列表，除非 SSL_CERT_DIR 提供了根证书，否则所有 HTTPS 连接都会失败，报错 \"certificate signed by unknown authority\"",
            p("file")
        ),
        Code::SslCertDirMissing => format!("SSL_CERT_DIR 中列出的目录不存在：{}", list("dirs")),
        Code::GitNotFound if has(f, "module") => format!(
            "PATH 中找不到 git，但 go 要直连源仓库拉取 {}，这需要 git",
            p("module")
        ),
        Code::GitNotFound => {
            "PATH 中找不到 git：代理之后的 `direct` 兜底无法从源仓库拉取".into()
        }
        Code::GitConfigUnreadable => {
            "git 无法读取自己的配置，直连模式下 git 本身就会失败".into()
        }
        Code::GitSslVerifyOff if has(f, "scope") => format!(
            "git config {}=false（{} 范围，{}）：直连拉取时 git 跳过 TLS 校验，存在被拦截的风险",
            p("key"),
            p("scope"),
            p("origin")
        ),
        Code::GitSslVerifyOff => format!(
            "设置了 GIT_SSL_NO_VERIFY={}：直连拉取时 git 跳过 TLS 校验",
            p("value")
        ),
        Code::GitInsteadofSsh => {
            let mut s = format!(
                "git 会把 {} 改写为 {}（{}）：直连拉取走 SSH，需要为 git 加载密钥，并且要能访问 TCP 22 端口",
                p("prefix"),
                p("base"),
                p("origin")
            );
            if !matches!(p("count"), "" | "0") {
                s.push_str(&format!("；计划中有 {} 个模块走这条路线", p("count")));
            }
            s
        }
        Code::GitTerminalPromptOn => "GIT_TERMINAL_PROMPT=1：go 允许 git 询问密码，在 CI 中会一直卡住，而不是报错退出".into(),
        Code::PrivateModuleNotPrivate if has(f, "reason") => format!(
            "来自 {} 的模块看起来是私有模块（{}），但不匹配任何 GOPRIVATE 模式：go 会把它们的路径发送给公共代理和校验和数据库，并且校验会失败（\"reading https://sum.golang.org/lookup/…: 404 Not Found\" 或 \"410 Gone\"）",
            h,
            private_reason(p("reason"))
        ),
        Code::PrivateModuleNotPrivate => format!(
            "{} 的模块不在 GOPRIVATE 范围内：go 会向公共校验和数据库查询它，结果查不到（{}）",
            h, url
        ),
        Code::GomodUnreadable => format!("无法读取 {}", p("file")),
        Code::GomodUnparsable | Code::GoworkUnparsable => {
            format!("go 无法解析 {}：第 {} 行有错", p("file"), p("line"))
        }
        Code::EnvNotUtf8 => format!("以下环境变量不是合法的 UTF-8：{}", list("keys")),

        // Observations: what failed, then go's or the probe's own words.
        Code::ProxyUnreachable => format!("无法连接 HTTP 代理 {h}"),
        Code::DnsNxdomain => format!("{h} 的 DNS 解析失败：域名不存在（NXDOMAIN）"),
        Code::DnsServfail => format!("解析 {h} 时 DNS 服务器出错（SERVFAIL）"),
        Code::DnsTimeout => format!("解析 {h} 超时：DNS 服务器无响应"),
        Code::DnsFailed => format!("{h} 的 DNS 解析失败"),
        Code::DnsPoisoned if has(f, "addresses") => format!(
            "{h} 被解析到 {}，公网域名不应该解析到这个地址：解析结果疑似被篡改（DNS 污染或劫持），随后连接失败{}",
            list("addresses"),
            cause(f)
        ),
        Code::DnsPoisoned => format!(
            "系统 DNS 和加密 DNS 对 {h} 的解析结果不一致：明文 DNS 的应答可能在传输途中被篡改（疑似 DNS 污染或劫持）"
        ),
        Code::TcpRefused => format!("连接 {h} 被拒绝：该端口上没有服务在监听，或者被防火墙拒绝"),
        Code::TcpBlackhole => format!("{h} 无法访问：TCP 连接超时（数据包被丢弃，没有任何响应）"),
        Code::TcpReset => format!("与 {h} 的 TCP 连接被重置"),
        Code::TcpUnreachable => format!("{h} 不可达：无法建立 TCP 连接"),
        Code::TlsResetAfterClienthello => format!(
            "与 {h} 的 TLS 握手在发出 ClientHello 后立即被重置（可能存在基于 SNI 的拦截）"
        ),
        Code::TlsUnknownIssuerInterception => format!(
            "{h} 的证书由系统不信任的 CA 签发：HTTPS 流量疑似被中间设备拦截并重新签发了证书，多半是公司代理或上网行为管理设备"
        ),
        Code::TlsUnknownIssuerPrivateCa => {
            format!("{h} 的证书由私有 CA 签发，系统并不信任该 CA")
        }
        Code::TlsRootsMissing => {
            format!("{h} 的证书不受信任：系统证书库里缺少签发它的根证书")
        }
        Code::TlsExpired => format!("{h} 的证书已过期"),
        Code::TlsNotYetValid => format!("{h} 的证书尚未生效（也可能是本机时钟不对）"),
        Code::TlsNameMismatch => {
            format!("证书与域名不匹配：为 {h} 应答的服务器出示的证书不包含 {h}")
        }
        Code::TlsHandshakeTimeout => format!("与 {h} 的 TLS 握手超时"),
        Code::TlsNotTls => format!("{h} 的应答不是 TLS（可能是明文 HTTP 或其他协议）"),
        Code::TlsNoRoots => format!("找不到任何 CA 证书，无法校验 {h} 的证书"),
        Code::TlsHandshakeFailed => format!("与 {h} 的 TLS 握手失败"),
        Code::HttpCaptivePortal => format!(
            "{h} 返回了一个 HTML 页面，而不是模块数据：当前网络可能需要先完成上网认证（Portal 认证）"
        ),
        Code::HttpInvalidPayload => format!("{h} 返回的内容不符合模块代理协议"),
        Code::HttpStalled => format!("{h} 响应停滞：服务器迟迟不返回数据"),
        Code::HttpSlow => format!("{h} 的响应极慢，但数据仍在传输：go 没有超时，会一直等下去，下载能成功但很慢"),
        Code::HttpBodyTooLarge => format!("{h} 返回的响应体过大"),
        Code::HttpRedirectInsecure => {
            format!("{h} 把 https 请求重定向到了明文 http，go 拒绝跟随")
        }
        Code::HttpRedirectLoop => format!("{h} 重定向次数过多（go 最多跟随 10 次）"),
        Code::HttpHeadersTooLarge => format!("{h} 返回的响应头过大"),
        Code::ModuleNotFound if has(f, "module") => {
            // `detail` is go's whole error, which names the module again.
            format!("GOPROXY 中没有任何一项能提供 {}", p("module"))
        }
        Code::ModuleNotFound if has(f, "status") => {
            format!("{h} 返回 {}：代理上没有这个模块或版本", p("status"))
        }
        Code::ModuleNotFound => format!("{h} 返回 404/410：代理上没有这个模块或版本"),
        Code::HttpUnauthorized => format!("{h} 返回 401（需要认证）"),
        Code::HttpForbidden => format!("{h} 返回 403（禁止访问）"),
        Code::HttpServerError if has(f, "status") => {
            format!("{h} 返回 {}（服务器错误）", p("status"))
        }
        Code::HttpServerError => format!("{h} 返回服务器错误（5xx）"),
        Code::HttpStatus if has(f, "status") => {
            format!("{h} 返回了意外的状态码 {}", p("status"))
        }
        Code::HttpStatus => format!("{h} 返回了意外的 HTTP 状态码"),
        Code::HttpFailed => format!("对 {h} 的 HTTP 请求失败"),
        Code::ProxyAuthRequired => format!(
            "HTTP 代理 {h} 返回 407（代理需要认证）：需要在 HTTPS_PROXY 中加上用户名和密码"
        ),
        Code::ProxyForbidden => format!("HTTP 代理 {h} 拒绝连接目标主机（CONNECT 被禁止）"),
        Code::ProxyStalled => format!("HTTP 代理 {h} 无响应"),
        Code::ProxyConnectFailed => format!("通过 HTTP 代理 {h} 建立连接失败"),
        Code::SumdbSignatureInvalid => format!(
            "{h} 返回的校验和数据库数据签名无效：中间有设备篡改了流量，或者 GOSUMDB 中的公钥不对"
        ),
        Code::SumdbFailed => format!("校验和数据库 {h} 的应答没有通过校验"),
        Code::SumdbProxyFailed => {
            format!("经模块代理访问校验和数据库失败{}：{url}", cause(f))
        }
        Code::SumdbLookupNotFound => format!("校验和数据库中查不到这个模块：{url}"),
        Code::SumdbUnreachable => format!("校验和数据库 {h} 无法访问{}", cause(f)),
        Code::VcsUnreachable if has(f, "git_url") => {
            format!("无法访问代码仓库 {}", p("git_url"))
        }
        Code::VcsUnreachable => format!("无法访问代码仓库所在的主机 {h}{}", cause(f)),
        Code::VcsDiscoveryFailed => format!(
            "go 无法通过 {url} 找到导入路径对应的代码仓库（go-get 发现失败）{}",
            cause(f)
        ),
        Code::VcsAuthRequired => {
            format!("git 访问 {} 需要凭据（或者凭据被拒绝）", p("git_url"))
        }
        Code::VcsRepoNotFound => format!(
            "代码仓库 {} 不存在（或者当前凭据无权访问）",
            p("git_url")
        ),
        Code::ClockSkew => format!(
            "{h} 报告的时间与本机时钟相差 {} 秒：证书可能会被误判为已过期或尚未生效",
            p("skew_s")
        ),
        _ => return None,
    };
    let mut s = main;
    if has(f, "fell_through_to") {
        s.push_str(&format!(
            "。由于 GOPROXY 用竖线（|）分隔，go 会回退到 {}，但每次下载都会先尝试（并等待）这个出错的条目",
            p("fell_through_to")
        ));
    }
    if has(f, "off_route") {
        s.push_str("；这一项不在 go 拉取本次模块的路线上");
    }
    if let Some(d) = detail.take() {
        s.push_str("。原始错误：");
        s.push_str(d);
    }
    Some(s)
}

/// Remediation descriptions with a fixed wording.
fn remedy_static(en: &str) -> Option<&'static str> {
    Some(match en {
        "reset it (this command works even now)" => "把它改回来（这条命令此时依然能执行）",
        "name a release" => "改写成发布版本",
        "raise it" => "把它调高",
        // config_rules.rs
        "see what go itself says" => "看看 go 自己怎么说",
        "please report this to godoctor with the output of `godoctor config --json`" => {
            "请附上 `godoctor config --json` 的输出，向 godoctor 报告这个问题"
        }
        "install a current Go release" => "安装当前的 Go 版本",
        "drop the toolchain line" => "删掉 toolchain 这一行",
        "install the Go release go.mod asks for, or use a GOPROXY entry that serves golang.org/toolchain" => {
            "安装 go.mod 要求的 Go 版本，或者改用能提供 golang.org/toolchain 的 GOPROXY"
        }
        "install that Go release into PATH" => "把这个 Go 版本安装到 PATH 中",
        "install Go 1.21 or newer (go.mod asks for it)" => {
            "安装 Go 1.21 或更新的版本（go.mod 需要）"
        }
        "let go download the toolchain go.mod asks for (through GOPROXY, verified by the checksum database); or install that Go release" => {
            "让 go 自动下载 go.mod 要求的工具链（经 GOPROXY 下载，并由校验和数据库校验），或者直接安装那个 Go 版本"
        }
        "or let go download it" => "或者让 go 自动下载",
        "turn the checksum database back on (keep private modules out of it with GONOSUMDB)" => {
            "重新打开校验和数据库（私有模块用 GONOSUMDB 排除）"
        }
        "use `,` separators" => "改用英文逗号 `,` 分隔",
        "strip the carriage returns" => "去掉行尾的回车符（\\r）",
        "use a valid list (this is go's default)" => "改成合法的列表（这是 go 的默认值）",
        "let go download modules" => "让 go 可以下载模块",
        "use a module proxy first, direct as the fallback" => "先走模块代理，`direct` 作为兜底",
        "return to the default checksum database, sum.golang.org" => {
            "恢复默认的校验和数据库 sum.golang.org"
        }
        "turn checksum verification back on" => "重新打开模块校验",
        "exclude only your private modules from verification instead" => {
            "改为只把私有模块排除在校验之外"
        }
        "remove the spaces" => "去掉空格",
        "serve those modules over verified HTTPS and remove GOINSECURE" => {
            "改用证书有效的 HTTPS 提供这些模块，并去掉 GOINSECURE"
        }
        "fix or remove GOVCS" => "修正或删除 GOVCS",
        "turn module mode back on" => "重新启用模块模式",
        "use go's default (module mode)" => "恢复 go 的默认值（模块模式）",
        "use go's default" => "恢复 go 的默认值",
        "remove or fix GOFLAGS" => "删除或修正 GOFLAGS",
        "drop -insecure" => "去掉 -insecure",
        "use the go/env value by removing the variable from this shell" => {
            "在当前 shell 中删除这个环境变量，让 go/env 文件中的值生效"
        }
        "then remove it where it is set" => "然后到设置它的地方删掉这一行",
        "send https traffic through the same proxy" => "让 https 流量也走同一个 HTTP 代理",
        "give go the same proxy" => "让 go 也使用这个代理",
        "use the system CA bundle again" => "重新使用系统的 CA 证书包",
        "turn verification back on (install your company CA with http.sslCAInfo if that is why it was off)" => {
            "重新打开校验（如果当初是因为公司 CA 才关掉的，用 http.sslCAInfo 配置公司 CA）"
        }
        "turn verification back on" => "重新打开校验",
        "mark them private: fetched directly and not sent to the checksum database" => {
            "把它们标记为私有模块：直连拉取，不再发送给校验和数据库"
        }
        "let go report every problem" => "让 go 列出所有问题",
        // observe.rs
        "put the healthy entry first, or separate the entries with `|` to fall through on any error" => {
            "把正常的条目放到最前面，或者改用竖线 `|` 分隔，出任何错误都尝试下一项"
        }
        "mark it private: fetched directly, never sent to the public proxy or checksum database" => {
            "把它标记为私有模块：直连拉取，不会发送给公共代理或校验和数据库"
        }
        "check the system clock" => "检查系统时钟",
        // remediation.rs
        "check which nameservers go uses" => "检查 go 使用的 DNS 服务器",
        "trust it system-wide (Debian/Ubuntu)" => "在系统范围内信任它（Debian/Ubuntu）",
        "or only for go, in this shell (SSL_CERT_FILE replaces go's CA bundle, so use a bundle that also has the public roots)" => {
            "或者只在当前 shell 中对 go 生效（SSL_CERT_FILE 会替换 go 的 CA 证书包，所以要用同时包含公共根证书的证书包）"
        }
        "check the system clock first: a wrong clock makes valid certificates look expired" => {
            "先检查系统时钟：时钟不对，有效的证书也会看起来已过期"
        }
        "the network answers with a web page instead of the proxy: log in to the network (open any http:// page in a browser) or ask your administrator to allow the proxy" => {
            "网络返回的是网页，而不是模块代理的应答：先完成上网认证（在浏览器中打开任意 http:// 页面），或者请网络管理员放行该代理"
        }
        "give go the proxy credentials (percent-encode special characters)" => {
            "为 go 配置 HTTP 代理的用户名和密码（特殊字符要做百分号编码）"
        }
        "check the proxy go uses" => "检查 go 使用的 HTTP 代理",
        "if this network needs no proxy, stop go from using it" => {
            "如果当前网络不需要代理，就让 go 不再使用它"
        }
        "keep the checksum database on: reach it through a module proxy that relays it (`<proxy>/sumdb/sum.golang.org/supported` answers 200), not GOSUMDB=off" => {
            "保持校验和数据库开启：通过能转发它的模块代理访问（`<proxy>/sumdb/sum.golang.org/supported` 返回 200），不要设置 GOSUMDB=off"
        }
        "find a relaying mirror that works from here" => {
            "找一个在当前网络可用、且能转发校验和数据库的镜像"
        }
        "check the key go uses" => "检查 go 使用的公钥",
        "or fetch it over SSH with your key" => "或者用 SSH 密钥拉取",
        "check the module path and version in go.mod" => "检查 go.mod 中的模块路径和版本",
        "if it is a private module, mark its host private" => {
            "如果是私有模块，把它的主机标记为私有"
        }
        "use the proxy entry that passed every layer first" => "把各环节都检查通过的代理放在最前面",
        "or keep the order and fall through on any error with `|`" => {
            "或者保持顺序不变，改用 `|` 分隔：出现任何错误都会尝试下一项"
        }
        "find a module mirror that works from this network (godoctor fix probes the known mirrors: proxy.golang.org, goproxy.cn, goproxy.io, mirrors.aliyun.com/goproxy/)" => {
            "找一个在当前网络可用的模块镜像（godoctor fix 会探测已知的镜像：proxy.golang.org、goproxy.cn、goproxy.io、mirrors.aliyun.com/goproxy/）"
        }
        // explain.rs
        "after confirming the network is trusted, clear the cached tree head" => {
            "确认网络可信之后，清除缓存的树头（tree head）"
        }
        "fetch it from another proxy and compare" => "从另一个代理拉取并对比",
        "never set GOSUMDB=off or GONOSUMDB to silence this" => {
            "不要为了消除这个错误而设置 GOSUMDB=off 或 GONOSUMDB"
        }
        "if the upstream change is legitimate, drop the stale lines and re-download" => {
            "如果上游的变更是正当的，删掉过时的行并重新下载"
        }
        "turn the checksum database back on" => "重新打开校验和数据库",
        "or install the Go release go.mod asks for" => "或者安装 go.mod 要求的 Go 版本",
        "install the needed Go release, or use a proxy that serves golang.org/toolchain" => {
            "安装所需的 Go 版本，或者改用能提供 golang.org/toolchain 的代理"
        }
        "let go download the toolchain it needs" => "让 go 自动下载所需的工具链",
        "or install that Go release" => "或者安装该 Go 版本",
        "install Go 1.21 or newer" => "安装 Go 1.21 及以上版本",
        "refresh vendor/ from the network" => "从网络重新生成 vendor/ 目录",
        "or build with modules" => "或者以模块模式构建",
        "restore the default" => "恢复默认值",
        "use a valid list" => "改成合法的列表",
        "mark the private module's host private" => "把私有模块的主机标记为私有",
        "store a token for the host" => "为该主机保存令牌（token）",
        "or use SSH" => "或者改用 SSH",
        "load your key" => "加载 SSH 密钥",
        "check access with the same URL git uses" => "用 git 实际使用的 URL 检查访问权限",
        "if it is private, mark it so it is fetched directly (and check the credentials)" => {
            "如果是私有模块，把它标记为私有，让 go 直连拉取（并检查凭据）"
        }
        "allow it, e.g." => "放开限制，例如：",
        "if this network needs no proxy" => "如果当前网络不需要代理",
        "give go the credentials" => "为 go 配置代理的用户名和密码",
        "install the CA (never disable verification)" => "安装该 CA 证书（不要关闭证书校验）",
        "fix the clock if it is wrong" => "如果时钟不对，校正时钟",
        "install the CA bundle" => "安装 CA 证书包",
        "use a mirror that is reachable" => "改用能访问的镜像",
        "use a mirror that is reachable from this network" => "改用当前网络能访问的镜像",
        "use a reachable mirror or the network's proxy" => "改用能访问的镜像，或者走当前网络的代理",
        "turn module mode on" => "启用模块模式",
        "remove it" => "删除它",
        _ => return None,
    })
}

/// Matches `s` against a template whose `{}` holes capture any text (each hole up to the next
/// literal part); returns the captures.
fn capture<'a>(template: &str, s: &'a str) -> Option<Vec<&'a str>> {
    let parts: Vec<&str> = template.split("{}").collect();
    let (first, rest) = parts.split_first()?;
    let mut pos = first.len();
    if !s.starts_with(first) {
        return None;
    }
    let mut out = Vec::new();
    for (i, lit) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        let end = if last {
            let end = s.len().checked_sub(lit.len())?;
            if end < pos || !s.ends_with(lit) {
                return None;
            }
            end
        } else {
            pos + s[pos..].find(lit)?
        };
        out.push(&s[pos..end]);
        pos = end + lit.len();
    }
    Some(out)
}

/// Remediation descriptions that name a host or setting: (English template, Chinese template
/// with `{0}`, `{1}` for the captures).
const REMEDY_PATTERNS: &[(&str, &str)] = &[
    (
        "see what your resolver says about {}",
        "看看 DNS 服务器对 {0} 的解析结果",
    ),
    (
        "the answer for {} is forged or hijacked: compare with an encrypted resolver (godoctor check --compare-resolver tls://IP#NAME) and ask your network administrator",
        "{0} 的解析结果疑似被伪造或劫持：用加密 DNS 对比一下（godoctor check --compare-resolver tls://IP#NAME），并联系网络管理员",
    ),
    (
        "this network may require its proxy ({} is set, which go ignores)",
        "当前网络可能要求走代理（设置了 {0}，但 go 不读取它）",
    ),
    (
        "connections to {} are cut as soon as its name is seen in the TLS handshake (SNI filtering): use a mirror or a proxy that is allowed",
        "TLS 握手中一出现 {0} 这个域名，连接就会被切断（基于 SNI 的拦截）：改用允许访问的镜像或代理",
    ),
    (
        "if the clock is right, {}'s certificate really is out of date: tell its operator, or use another proxy",
        "如果时钟没问题，那就是 {0} 的证书确实过期了：通知它的运维方，或者换一个代理",
    ),
    (
        "the server answering for {} is not {}: check the DNS answer and any proxy or firewall that redirects it",
        "为 {0} 应答的服务器并不是 {0}：检查 DNS 解析结果，以及是否有代理或防火墙把流量转走了",
    ),
    (
        "{} refuses this request: it may need credentials, which go reads from ~/.netrc (or GOAUTH since Go 1.24)",
        "{0} 拒绝了这个请求：可能需要凭据，go 从 ~/.netrc 读取凭据（自 Go 1.24 起也可以用 GOAUTH）",
    ),
    ("give go credentials for {}", "为 {0} 配置 go 使用的凭据"),
    (
        "the HTTP proxy {} refuses to connect to the module proxy: ask its administrator to allow it, or use a mirror it allows",
        "HTTP 代理 {0} 拒绝连接模块代理：请它的管理员放行，或者改用它允许访问的镜像",
    ),
    (
        "the checksum database answer from {} is not signed by the expected key: something between you and it alters traffic, or GOSUMDB names the wrong key; do not turn verification off",
        "{0} 返回的校验和数据库数据不是用预期的公钥签名的：中间有设备篡改了流量，或者 GOSUMDB 中的公钥写错了；不要关闭校验",
    ),
    (
        "let git authenticate to {} over HTTPS with a token",
        "让 git 通过 HTTPS 用令牌（token）向 {0} 认证",
    ),
    (
        "make it permanent: find where {} is set and change that line",
        "永久生效：找到设置 {0} 的地方，修改那一行",
    ),
    (
        "make it permanent: remove the line that sets {}",
        "永久生效：删掉设置 {0} 的那一行",
    ),
];

/// A remediation description.
pub fn remedy(en: &str) -> Option<String> {
    if let Some(z) = remedy_static(en) {
        return Some(z.to_owned());
    }
    // remedy.rs: "<why> (<KEY> comes from the OS environment, …)" and "<why> (<KEY> is set …)";
    // the why itself may contain " (", the key never does.
    for (suffix, zh) in [
        (
            " comes from the OS environment, which overrides `go env -w`)",
            "{why}（{key} 来自操作系统环境变量，优先级高于 `go env -w`）",
        ),
        (
            " is set in the OS environment)",
            "{why}（{key} 设置在操作系统环境变量中）",
        ),
    ] {
        if let Some((why, key)) = en.strip_suffix(suffix).and_then(|s| s.rsplit_once(" (")) {
            let why = remedy(why)?;
            return Some(zh.replace("{why}", &why).replace("{key}", key));
        }
    }
    // remediation.rs: the CA note, with an optional " (issuer: …)".
    if let Some(c) = capture(
        "get the CA certificate that signed {}'s certificate{} from your IT department; never turn verification off",
        en,
    ) {
        let who = c[1]
            .strip_prefix(" (issuer: ")
            .and_then(|s| s.strip_suffix(')'))
            .map(|i| format!("（签发者：{i}）"))
            .unwrap_or_default();
        return Some(format!(
            "向 IT 部门索取签发 {} 证书的 CA 证书{who}；不要关闭证书校验",
            c[0]
        ));
    }
    for (tpl, zh) in REMEDY_PATTERNS {
        if let Some(c) = capture(tpl, en) {
            let mut out = (*zh).to_owned();
            for (i, v) in c.iter().enumerate() {
                out = out.replace(&format!("{{{i}}}"), v);
            }
            return Some(out);
        }
    }
    None
}

/// Display width in terminal columns: East Asian wide and full-width characters take two.
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
    use super::*;
    use crate::config::env::Environment;
    use crate::config::{Config, LoadOptions};
    use crate::plan::Plan;
    use crate::probe::evidence::{BogusAddress, DnsEvidence, HttpEvidence};
    use crate::probe::{
        DnsError, HttpError, LayerName, LayerResult as L, ProbeError, ProxyError, Role, SumdbError,
        Target, TcpError, TlsError,
    };
    use crate::probe::{Evidence, TargetContext};
    use std::collections::BTreeSet;
    use std::time::Duration;

    /// Where findings and remediation in English come from (the part before the tests); the
    /// catalog texts are checked by the catalog tests, and these files stay here so that
    /// English written there again is caught.
    const SOURCES: &[&str] = &[
        include_str!("../diagnose/config_rules/mod.rs"),
        include_str!("../diagnose/config_rules/go_install.rs"),
        include_str!("../diagnose/config_rules/goenv_file.rs"),
        include_str!("../diagnose/config_rules/goflags.rs"),
        include_str!("../diagnose/config_rules/goproxy.rs"),
        include_str!("../diagnose/config_rules/git.rs"),
        include_str!("../diagnose/config_rules/network_env.rs"),
        include_str!("../diagnose/config_rules/project.rs"),
        include_str!("../diagnose/config_rules/sumdb_private.rs"),
        include_str!("../diagnose/config_rules/toolchain.rs"),
        include_str!("../diagnose/observe/classify.rs"),
        include_str!("../diagnose/observe/root_cause.rs"),
        include_str!("../diagnose/observe/walk/module.rs"),
        include_str!("../diagnose/observe/walk/sumdb.rs"),
        include_str!("../diagnose/observe/walk/toolchain.rs"),
        include_str!("../diagnose/observe/walk/mid_command.rs"),
        include_str!("../diagnose/observe/remediation.rs"),
        include_str!("../diagnose/predict.rs"),
    ];
    /// Names the Chinese text must keep exactly as the English has them.
    const NAMES: &[&str] = &[
        "GOPROXY",
        "GOSUMDB",
        "GOPRIVATE",
        "GONOPROXY",
        "GONOSUMDB",
        "GOINSECURE",
        "GOFLAGS",
        "GOTOOLCHAIN",
        "GOAUTH",
        "GOVCS",
        "GOENV",
        "GO111MODULE",
        "HTTPS_PROXY",
        "HTTP_PROXY",
        "NO_PROXY",
        "ALL_PROXY",
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
        "GIT_SSL_NO_VERIFY",
        "GIT_TERMINAL_PROMPT",
        "=off",
        "=direct",
        "`direct`",
        "`off`",
        "go env -w",
        "go env -json",
        "go mod download",
        "path.Match",
        "vendor/",
        "go/env",
    ];
    const DETAIL: &str = "lookup proxy.golang.org on 127.0.0.53:53: no such host";

    fn non_test(src: &str) -> &str {
        src.split("#[cfg(test)]").next().unwrap_or(src)
    }

    fn han(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// Every code a finding can carry (`explain` has texts of its own) whose Chinese is still
    /// keyed by the English text, not yet in the catalogs (`finding-<kebab>`).
    fn all_codes() -> impl Iterator<Item = Code> {
        Code::ALL.iter().copied().filter(|c| {
            let id = format!("finding-{}", c.kebab());
            !c.explain_only() && !crate::i18n::has(crate::i18n::Lang::En, &id)
        })
    }

    #[test]
    fn every_finding_code_has_a_chinese_message() {
        // Codes whose messages moved to the catalogs count too.
        let catalogued = Code::ALL
            .iter()
            .filter(|c| {
                !c.explain_only()
                    && crate::i18n::has(crate::i18n::Lang::En, &format!("finding-{}", c.kebab()))
            })
            .count();
        assert!(all_codes().count() + catalogued >= 90);
        let missing: Vec<Code> = all_codes()
            .filter(|&code| {
                let f = Finding::of(code, "English").host("h.example");
                !finding_message(&f).is_some_and(|m| han(&m))
            })
            .collect();
        assert!(missing.is_empty(), "no Chinese message for {missing:?}");
    }

    #[test]
    fn no_message_drops_the_detail() {
        let extras: &[&[(&'static str, &str)]] = &[
            &[],
            &[("url", "https://goproxy.cn/x/@v/list"), ("status", "503")],
            &[
                ("cause", Code::TcpBlackhole.as_str()),
                ("proxy", "https://goproxy.cn"),
            ],
            &[
                ("module", "example.com/m@v1.0.0"),
                ("reason", "its host has no dot"),
            ],
            &[
                ("addresses", "10.10.10.10"),
                ("git_url", "https://git.corp/x"),
            ],
            &[
                ("fell_through_to", "https://goproxy.io"),
                ("off_route", "true"),
            ],
            &[
                ("supported", "true"),
                ("scope", "global"),
                ("key", "GOPROXY"),
            ],
        ];
        for code in all_codes() {
            for extra in extras {
                let mut f = Finding::of(code, "English")
                    .host("proxy.golang.org")
                    .param("detail", DETAIL);
                for (k, v) in *extra {
                    f = f.param(k, *v);
                }
                let m = finding_message(&f).unwrap();
                assert!(
                    m.ends_with(&format!("。原始错误：{DETAIL}")),
                    "{code} {extra:?}: {m}"
                );
            }
        }
    }

    fn cfg(pairs: &[(&str, &str)]) -> Config {
        let dir = tempfile::tempdir().unwrap();
        let mut all = vec![("HOME", "/nonexistent-home"), ("PATH", "/nonexistent-bin")];
        all.extend_from_slice(pairs);
        Config::load(
            Environment::from_pairs(all),
            &LoadOptions {
                dir: dir.path().to_owned(),
                tool_deadline: Duration::from_secs(2),
            },
        )
    }

    /// The Chinese message of a real finding keeps every name, value and verbatim detail.
    fn check_real(f: &Finding) {
        let zh = finding_message(f).unwrap_or_else(|| panic!("{}: no message", f.code));
        assert!(han(&zh), "{}: {zh}", f.code);
        for n in NAMES {
            if f.message.contains(n) {
                assert!(zh.contains(n), "{}: {n:?} lost in {zh}", f.code);
            }
        }
        for (k, v) in &f.params {
            if matches!(
                *k,
                "supported" | "off_route" | "reason" | "cause" | "url" | "count" | "status"
            ) {
                continue;
            }
            assert!(
                zh.contains(v.as_str())
                    || zh.contains(&format!("{v:?}"))
                    || zh.contains(&v.replace(", ", "、")),
                "{}: {k}={v:?} lost in {zh}",
                f.code
            );
        }
        if let Some(d) = f.params.get("detail") {
            assert!(f.message.contains(d.as_str()), "{}: {d}", f.code);
            assert!(zh.ends_with(&format!("原始错误：{d}")), "{}: {zh}", f.code);
        }
        // godoctor's own words use full-width punctuation around Chinese text.
        let own: String = zh
            .split("原始错误：")
            .next()
            .unwrap_or("")
            .split(['"', '`'])
            .step_by(2)
            .collect();
        for bad in ["):", "), ", "；", ". "] {
            let bad = if bad == "；" { "; " } else { bad };
            assert!(!own.contains(bad), "{}: {bad:?} in {own}", f.code);
        }
    }

    #[test]
    fn configuration_findings_keep_names_values_and_go_words() {
        let dir = tempfile::tempdir().unwrap();
        let goenv = dir.path().join("env");
        std::fs::write(
            &goenv,
            "GOPROXY=https://goproxy.cn\r\nGOSUMDB=off\r\nfoo bar\nGOPRIVATE=a\nGOPRIVATE=b\nGONOPROXY =x\n",
        )
        .unwrap();
        let goenv = goenv.display().to_string();
        let configs: Vec<Vec<(&str, &str)>> = vec![
            vec![("GOPROXY", "off")],
            vec![("GOPROXY", "direct")],
            vec![("GOPROXY", "direct,https://x.example")],
            vec![("GOPROXY", "foo")],
            vec![("GOPROXY", "http://u:p@plain.example,https://b.example")],
            vec![("GOSUMDB", "off")],
            vec![("GOSUMDB", "bogus+key")],
            vec![("GOPRIVATE", "git.corp.example, github.com/acme")],
            vec![("GONOSUMDB", "[bad")],
            vec![("GONOPROXY", "none")],
            vec![("GOINSECURE", "x.example"), ("GOFLAGS", "-insecure")],
            vec![("GOVCS", "bad")],
            vec![("GO111MODULE", "off")],
            vec![("GOFLAGS", "x")],
            vec![("GOENV", "off")],
            vec![("GOENV", goenv.as_str())],
            vec![("HTTP_PROXY", "http://10.0.0.1:3128")],
            vec![("HTTPS_PROXY", "ftp://proxy.example:21")],
            vec![("HTTPS_PROXY", "http://[bad")],
            vec![
                ("ALL_PROXY", "socks5://s:1"),
                ("https_proxy", "http://h:1"),
                ("HTTPS_PROXY", "http://h2:2"),
            ],
            vec![
                ("SSL_CERT_FILE", "/nope"),
                ("SSL_CERT_DIR", "/nope1:/nope2"),
                ("GIT_SSL_NO_VERIFY", "1"),
                ("GIT_TERMINAL_PROMPT", "1"),
            ],
        ];
        let mut seen = BTreeSet::new();
        for env in configs {
            let c = cfg(&env);
            let plan = Plan::build(&c, &["git.corp/x@v1.0.0".to_owned()]);
            for f in crate::diagnose::config_rules::run(&c, &plan) {
                check_real(&f);
                seen.insert(f.code);
            }
        }
        assert!(seen.len() >= 25, "{seen:?}");
    }

    fn ms() -> Duration {
        Duration::from_millis(5)
    }

    fn layers(kind: impl Into<ProbeError>, msg: &str, status: Option<u16>) -> Vec<L> {
        let kind = kind.into();
        let mut v: Vec<L> = [
            LayerName::Dns,
            LayerName::Tcp,
            LayerName::Tls,
            LayerName::Http,
        ]
        .into_iter()
        .take_while(|l| *l != kind.layer())
        .map(|l| L::ok(l, ms(), Evidence::empty()))
        .collect();
        let detail = status.map_or(Evidence::empty(), |s| HttpEvidence::status(s).into());
        v.push(L::fail(ms(), kind, msg.to_owned(), detail));
        v
    }

    fn target(role: Role, url: &str, proxy: Option<&str>, layers: Vec<L>) -> Target {
        Target {
            url: url.to_owned(),
            role,
            host: crate::config::gourl::parse(url)
                .unwrap()
                .hostname()
                .to_owned(),
            via_proxy: None,
            layers,
            context: Some(TargetContext {
                proxy: proxy.map(str::to_owned),
                module: proxy.map(|_| "example.com/m".to_owned()),
                ..TargetContext::default()
            }),
            git: None,
        }
    }

    fn observed(pairs: &[(&str, &str)], targets: Vec<Target>) -> Vec<Finding> {
        let c = cfg(pairs);
        let plan = Plan::build(&c, &["example.com/m@v1.0.0".to_owned()]);
        crate::diagnose::observe::predict(&c, &plan, &targets).findings
    }

    #[test]
    fn observed_findings_keep_go_words() {
        const A: &str = "https://a.example";
        const B: &str = "https://b.example";
        let kinds: &[(ProbeError, Option<u16>)] = &[
            (DnsError::NxDomain.into(), None),
            (DnsError::ServFail.into(), None),
            (DnsError::Timeout.into(), None),
            (DnsError::Other.into(), None),
            (TcpError::Refused.into(), None),
            (TcpError::Timeout.into(), None),
            (TcpError::Reset.into(), None),
            (TcpError::Unreachable.into(), None),
            (TlsError::ResetAfterClientHello.into(), None),
            (TlsError::UnknownIssuerInterception.into(), None),
            (TlsError::UnknownIssuerPrivateCa.into(), None),
            (TlsError::UnknownIssuerMissingRoot.into(), None),
            (TlsError::Expired.into(), None),
            (TlsError::NotYetValid.into(), None),
            (TlsError::NameMismatch.into(), None),
            (TlsError::HandshakeTimeout.into(), None),
            (TlsError::NotTls.into(), None),
            (TlsError::NoRoots.into(), None),
            (TlsError::HandshakeError.into(), None),
            (HttpError::CaptivePortal.into(), Some(200)),
            (HttpError::InvalidPayload.into(), Some(200)),
            (HttpError::HeadersTimeout.into(), None),
            (HttpError::BodyTooLarge.into(), Some(200)),
            (HttpError::RedirectInsecure.into(), Some(302)),
            (HttpError::TooManyRedirects.into(), Some(302)),
            (HttpError::HeadersTooLarge.into(), None),
            (HttpError::Status.into(), Some(401)),
            (HttpError::Status.into(), Some(403)),
            (HttpError::Status.into(), Some(503)),
            (HttpError::Status.into(), Some(418)),
            (HttpError::Protocol.into(), None),
            (ProxyError::AuthRequired.into(), None),
            (ProxyError::Forbidden.into(), None),
            (ProxyError::Timeout.into(), None),
            (ProxyError::Other.into(), None),
        ];
        let mut seen = BTreeSet::new();
        for (kind, status) in kinds {
            let msg = format!("Get \"{A}/x\": {kind}: i/o timeout");
            let t = target(
                Role::Proxy,
                &format!("{A}/example.com/m/@v/list"),
                Some(A),
                layers(*kind, &msg, *status),
            );
            for f in observed(&[("GOPROXY", A), ("GOSUMDB", "off")], vec![t]) {
                check_real(&f);
                assert_eq!(f.params.get("detail"), Some(&msg), "{}", f.code);
                seen.insert(f.code);
            }
        }
        // `|` that falls through, `,` that does not, and a failure off go's route.
        let broken = || {
            target(
                Role::Proxy,
                &format!("{A}/example.com/m/@v/list"),
                Some(A),
                layers(TcpError::Timeout, "dial tcp 1.2.3.4:443: i/o timeout", None),
            )
        };
        let healthy = || {
            target(
                Role::Proxy,
                &format!("{B}/example.com/m/@v/list"),
                Some(B),
                layers(SumdbError::Protocol, "unused", None)
                    .into_iter()
                    .filter(|l| l.is_ok())
                    .collect(),
            )
        };
        let off_route = target(
            Role::Sumdb,
            "https://sum.golang.org/latest",
            None,
            layers(DnsError::NxDomain, DETAIL, None),
        );
        let poisoned = {
            let mut l = vec![L::ok(
                LayerName::Dns,
                ms(),
                DnsEvidence {
                    bogus: Some(vec![BogusAddress {
                        address: "10.10.10.10".into(),
                        reason: "private",
                    }]),
                    ..DnsEvidence::default()
                },
            )];
            l.push(L::fail(
                ms(),
                TcpError::Timeout,
                "dial tcp 10.10.10.10:443: i/o timeout",
                Evidence::empty(),
            ));
            target(
                Role::Proxy,
                &format!("{A}/example.com/m/@v/list"),
                Some(A),
                l,
            )
        };
        for (env, targets) in [
            (format!("{A}|{B}"), vec![broken(), healthy(), off_route]),
            (format!("{A},{B}"), vec![broken(), healthy()]),
            (A.to_owned(), vec![poisoned]),
        ] {
            for f in observed(&[("GOPROXY", env.as_str()), ("GOSUMDB", "off")], targets) {
                check_real(&f);
                seen.insert(f.code);
            }
        }
        for code in [
            Code::DnsPoisoned,
            Code::GoproxyCommaNoFallthrough,
            Code::TlsUnknownIssuerInterception,
            Code::HttpCaptivePortal,
            Code::ProxyAuthRequired,
        ] {
            assert!(seen.contains(&code), "{code} not produced: {seen:?}");
        }
    }

    /// The string literal at the start of `s` (after whitespace), unescaped.
    fn literal(s: &str) -> Option<String> {
        let s = s.trim_start();
        let mut chars = s.strip_prefix('"')?.chars();
        let mut out = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(out),
                '\\' => match chars.next()? {
                    'n' => out.push('\n'),
                    '\n' => {
                        while chars.clone().next().is_some_and(char::is_whitespace) {
                            chars.next();
                        }
                    }
                    e => out.push(e),
                },
                c => out.push(c),
            }
        }
        None
    }

    /// The arguments of a call, from just after its `(`, split at top-level commas.
    fn call_args(s: &str) -> Vec<&str> {
        let (mut depth, mut in_str, mut esc, mut start) = (0, false, false, 0);
        let mut args = Vec::new();
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if in_str {
                match (esc, c) {
                    (true, _) => esc = false,
                    (false, b'\\') => esc = true,
                    (false, b'"') => in_str = false,
                    _ => {}
                }
            } else {
                match c {
                    b'"' => in_str = true,
                    b'\'' if b.get(i + 2) == Some(&b'\'') => i += 2,
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' if depth == 0 => {
                        // A trailing comma leaves an empty last argument.
                        if !s[start..i].trim().is_empty() {
                            args.push(&s[start..i]);
                        }
                        return args;
                    }
                    b')' | b']' | b'}' => depth -= 1,
                    b',' if depth == 0 => {
                        args.push(&s[start..i]);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        args
    }

    /// A description argument as a sample text: a literal, or a `format!` with its holes filled.
    fn description(arg: &str) -> Option<String> {
        let arg = arg.trim();
        if let Some(l) = literal(arg) {
            return Some(l);
        }
        let inner = arg.strip_prefix("format!(")?;
        let tpl = literal(inner)?;
        let mut out = String::new();
        let mut rest = tpl.as_str();
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let close = rest[i..].find('}')?;
            out.push_str("host.example");
            rest = &rest[i + close + 1..];
        }
        out.push_str(rest);
        Some(out)
    }

    /// Every remediation description written in the diagnosis sources.
    fn descriptions() -> Vec<String> {
        let mut out = Vec::new();
        for src in SOURCES {
            let src = non_test(src);
            for call in ["Remedy::run(", "Remedy::note("] {
                for (i, _) in src.match_indices(call) {
                    let args = call_args(&src[i + call.len()..]);
                    if let Some(d) = args.first().and_then(|a| description(a)) {
                        out.push(d);
                    }
                }
            }
            for (i, _) in src.match_indices("set_go_env(") {
                let args = call_args(&src[i + "set_go_env(".len()..]);
                let why = args.last().filter(|_| args.len() >= 3);
                if let Some(d) = why.and_then(|a| description(a)) {
                    out.push(d);
                }
            }
        }
        out
    }

    #[test]
    fn every_remedy_is_translated() {
        let all = descriptions();
        // Descriptions already in the catalogs (built with `text!`) need no table.
        let catalogued: usize = SOURCES
            .iter()
            .map(|src| non_test(src).matches("text!(\"remedy-").count())
            .sum();
        assert!(
            all.len() + catalogued >= 55,
            "only {} descriptions found: {all:#?}",
            all.len()
        );
        let missing: Vec<&String> = all.iter().filter(|d| remedy(d).is_none()).collect();
        assert!(missing.is_empty(), "untranslated: {missing:#?}");
        // remedy.rs wraps a description when the setting comes from the OS environment.
        let c = cfg(&[("GOPROXY", "off"), ("GOSUMDB", "off"), ("GOPRIVATE", "a,b")]);
        let mut wrapped = crate::diagnose::remedy::set_go_env(
            &c,
            "GOPROXY",
            "https://proxy.golang.org,direct",
            "use a valid list (this is go's default)",
        );
        wrapped.extend(crate::diagnose::remedy::unset_go_env(
            &c,
            "GOSUMDB",
            "turn checksum verification back on",
        ));
        assert_eq!(wrapped.len(), 4);
        for r in wrapped {
            let zh = remedy(&r.description).unwrap_or_else(|| panic!("{}", r.description));
            assert!(han(&zh), "{zh}");
            for n in ["GOPROXY", "GOSUMDB", "`go env -w`"] {
                if r.description.contains(n) {
                    assert!(zh.contains(n), "{zh}");
                }
            }
        }
        assert_eq!(
            remedy("use a valid list (this is go's default) (GOPROXY comes from the OS environment, which overrides `go env -w`)").unwrap(),
            "改成合法的列表（这是 go 的默认值）（GOPROXY 来自操作系统环境变量，优先级高于 `go env -w`）"
        );
        assert_eq!(
            remedy("get the CA certificate that signed goproxy.cn's certificate (issuer: CN=Corp Security CA) from your IT department; never turn verification off").unwrap(),
            "向 IT 部门索取签发 goproxy.cn 证书的 CA 证书（签发者：CN=Corp Security CA）；不要关闭证书校验"
        );
    }

    /// The catalogs say, byte for byte, what these tables said of every finding and remedy
    /// observe makes (they now come from `i18n/*/findings-network.ftl`).
    #[test]
    fn observed_findings_read_as_these_tables_read() {
        use crate::i18n::Lang;
        use crate::redact::redact_urls;
        let mut checked = 0;
        for (name, findings) in crate::diagnose::observe::tests::scenarios::all() {
            for f in findings {
                let text = f.text.as_ref().unwrap_or_else(|| panic!("{name}: {f:?}"));
                let table = finding_message(&f).unwrap_or_else(|| f.message.clone());
                assert_eq!(
                    redact_urls(&text.render(Lang::Zh)),
                    redact_urls(&table),
                    "{name}: {}",
                    f.code
                );
                for r in &f.remediation {
                    let text = r.text.as_ref().unwrap_or_else(|| panic!("{name}: {r:?}"));
                    let table = remedy(&r.description).unwrap_or_else(|| r.description.clone());
                    assert_eq!(text.render(Lang::Zh), table, "{name}: {}", r.description);
                }
                checked += 1;
            }
        }
        assert!(checked >= 80, "only {checked} findings");
    }

    #[test]
    fn widths() {
        assert_eq!(width("proxy"), 5);
        assert_eq!(width("模块代理"), 8);
        assert_eq!(width("经代理的 sumdb"), 14);
        assert_eq!(width("（）"), 4);
    }
}
