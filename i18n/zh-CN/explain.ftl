### what `godoctor explain` says about a pasted error: explain-<code-kebab>[-<variant>]-<part>,
### <part> being summary, meaning, check-<n> (the n-th check; checks that are commands are not
### here) and fix-<n> (the n-th fix's description; its command is not here either).
### Same ids and placeables in ../en/explain.ftl (src/i18n/tests.rs checks).

## A check that is a command, said as it is in every language.
explain-command = { $command }

## Text no rule recognises.
explain-unknown-summary = godoctor 无法识别这个错误
explain-unknown-meaning-module = go 在处理 { $module } 时失败：运行 `godoctor check` 探测它的下载路线。
explain-unknown-meaning-host = 错误信息中提到了 { $host }：运行 `godoctor check` 探测 go 会走的路线。
explain-unknown-meaning = 运行 `godoctor check`，看看 go 实际会怎么做。

## SUMDB_MISBEHAVIOR: "SECURITY ERROR" + "go.sum database server misbehavior"
explain-sumdb-misbehavior-summary = 校验和数据库的应答与 go 之前验证过的树头（tree head）相矛盾
explain-sumdb-misbehavior-meaning = go 会保存校验和数据库最近一次验证通过的树头；新的应答与它不一致，说明校验和数据库本身或者中间的某个环节给出了虚假的数据。
explain-sumdb-misbehavior-check-1 = 是否有代理或防火墙改写了发往校验和数据库的流量
explain-sumdb-misbehavior-check-2 = GOSUMDB 以及转发它的代理
explain-sumdb-misbehavior-fix-1 = 确认网络可信之后，清除缓存的树头（tree head）

## SUMDB_CHECKSUM_MISMATCH: "SECURITY ERROR" + "checksum server"
explain-sumdb-checksum-mismatch-summary = 下载的模块与校验和数据库的记录不一致
explain-sumdb-checksum-mismatch-meaning = go 下载到的内容与校验和数据库中该版本的哈希不匹配（校验和不匹配）：代理提供了被改动的内容，或者下载过程被篡改。
explain-sumdb-checksum-mismatch-check-1 = 模块是由 GOPROXY 中的哪一项提供的（go env GOPROXY）
explain-sumdb-checksum-mismatch-check-2 = 中间是否有拦截 HTTPS 的代理
explain-sumdb-checksum-mismatch-fix-1 = 从另一个代理拉取并对比
explain-sumdb-checksum-mismatch-fix-2 = 不要为了消除这个错误而设置 GOSUMDB=off 或 GONOSUMDB

## GOSUM_MISMATCH: "SECURITY ERROR" + "go.sum"
explain-gosum-mismatch-summary = 下载的模块与 go.sum 中的哈希不一致
explain-gosum-mismatch-meaning = go.sum 记录了之前下载时的内容，这次下载的结果与它不同：要么上游重新打了这个版本的标签，要么下载内容被改动了。
explain-gosum-mismatch-check-1 = 用 git log -p go.sum 查看该模块那一行的变更
explain-gosum-mismatch-check-2 = 模块作者是否重新发布了这个版本

## TOOLCHAIN_NEEDS_SUMDB: "checksum database disabled by GOSUMDB=off"
explain-toolchain-needs-sumdb-summary = go 必须校验下载的工具链，但 GOSUMDB=off
explain-toolchain-needs-sumdb-meaning = 自 Go 1.21 起，如果 go.mod 要求更新的 Go 版本，go 会下载 golang.org/toolchain；go 总是用校验和数据库校验工具链，即使设置了 GOSUMDB=off 也一样。
explain-toolchain-needs-sumdb-check-2 = go.mod 中的 go 行和 toolchain 行
explain-toolchain-needs-sumdb-fix-1 = 重新打开校验和数据库
explain-toolchain-needs-sumdb-fix-2 = 或者安装 go.mod 要求的 Go 版本

## TOOLCHAIN_UNAVAILABLE: "toolchain not available"
explain-toolchain-unavailable-summary = GOPROXY 中没有任何一项能提供 go.mod 要求的 Go 工具链
explain-toolchain-unavailable-meaning = go 尝试为 go.mod 或 go.work 中的 Go 版本下载 golang.org/toolchain：代理上没有，或者直连 go.dev 失败。
explain-toolchain-unavailable-check-1 = go.mod 中的 go 行和 toolchain 行
explain-toolchain-unavailable-fix-1 = 安装所需的 Go 版本，或者改用能提供 golang.org/toolchain 的代理

## TOOLCHAIN_LOCAL_TOO_OLD: "requires go >=" + "GOTOOLCHAIN=local"
explain-toolchain-local-too-old-summary = go.mod 需要更新的 Go，而 GOTOOLCHAIN=local 禁止切换工具链
explain-toolchain-local-too-old-meaning = 本机安装的 go 比 go.mod（或某个依赖）的 go 行要求的版本旧，而 GOTOOLCHAIN=local 让 go 永远不下载更新的工具链。
explain-toolchain-local-too-old-check-3 = go.mod 中的 go 行
explain-toolchain-local-too-old-fix-1 = 让 go 自动下载所需的工具链
explain-toolchain-local-too-old-fix-2 = 或者安装该 Go 版本

## GOTOOLCHAIN_INVALID: "invalid GOTOOLCHAIN"
explain-gotoolchain-invalid-summary = GOTOOLCHAIN 的值 go 不认
explain-gotoolchain-invalid-meaning = GOTOOLCHAIN 只能是 local、auto、path、go1.22.3 这样的工具链名称，或者带 +auto、+path 后缀的名称；设成别的值时，除了 `go env GOTOOLCHAIN` 和 `go env -w GOTOOLCHAIN=…`，所有 go 命令都会失败。
explain-gotoolchain-invalid-fix-1 = 把它改回来（这条命令此时依然能执行）

## GOMOD_TOOLCHAIN_INVALID: "invalid toolchain" + "in go."
explain-gomod-toolchain-invalid-summary = go.mod 或 go.work 的 toolchain 行不是合法的工具链名称
explain-gomod-toolchain-invalid-meaning = toolchain 行应写成 go1.22.3 这样的发布版本（或 default），写成别的 go 无法选择。
explain-gomod-toolchain-invalid-check-1 = go.mod / go.work 的 toolchain 行
explain-gomod-toolchain-invalid-fix-1 = 删掉 toolchain 这一行

## GOMOD_TOOLCHAIN_INVALID: "is a language version but not a toolchain version"
explain-gomod-toolchain-invalid-language-version-summary = toolchain 行写的是语言版本（go1.22），而不是发布版本（go1.22.0）
explain-gomod-toolchain-invalid-language-version-meaning = `toolchain go1.22` 不会被自动补全：go 会去下载名为 go1.22 的工具链，而它并不存在。
explain-gomod-toolchain-invalid-language-version-check-1 = go.mod / go.work 的 toolchain 行
explain-gomod-toolchain-invalid-language-version-fix-1 = 改写成发布版本

## TOOLCHAIN_NOT_IN_PATH: "cannot find" + "in PATH"
explain-toolchain-not-in-path-summary = GOTOOLCHAIN=path（或 +path），而 PATH 中没有需要的 goX.Y.Z
explain-toolchain-not-in-path-meaning = path 模式下 go 从不下载工具链：要么运行 PATH 中的 goX.Y.Z，要么直接失败。
explain-toolchain-not-in-path-check-2 = which goX.Y.Z（看看这个可执行文件在不在）
explain-toolchain-not-in-path-fix-1 = 或者让 go 自动下载

## TOOLCHAIN_UNAVAILABLE: "switching to go >="
explain-toolchain-unavailable-switching-summary = go 在命令执行中途需要更新的工具链，但没有找到
explain-toolchain-unavailable-switching-meaning = go get、go mod tidy 或 go mod download 遇到了需要更高 Go 版本的依赖；go 通过 GOPROXY 列出 golang.org/toolchain 的版本（或查找 PATH 中的 goX），没有找到合适的。

## TOOLCHAIN_SWITCH_LOOP: "too many toolchain switches"
explain-toolchain-switch-loop-summary = go 不停地切换工具链
explain-toolchain-switch-loop-meaning = 每次切换到的工具链又要求切换到另一个：通常是环境变量里的 GOTOOLCHAIN 指定的工具链本身版本就太旧。

## TOOLCHAIN_MARKER_LEAKED: "invoked to provide"
explain-toolchain-marker-leaked-summary = 工具链切换的内部标记泄漏到了环境变量中
explain-toolchain-marker-leaked-meaning = 环境变量里设置了 GOTOOLCHAIN_INTERNAL_SWITCH_VERSION，当前的 go 以为自己是被启动来充当另一个版本的。
explain-toolchain-marker-leaked-fix-1 = 删除它

## GOWORK_GO_TOO_OLD: "listed in go.work file requires go >="
explain-gowork-go-too-old-summary = go.work 要求的 Go 版本比它引用的某个模块的还低
explain-gowork-go-too-old-meaning = 工作区里的每个模块都必须满足 go.work 的 go 行。
explain-gowork-go-too-old-check-1 = go.work 的 go 行
explain-gowork-go-too-old-fix-1 = 把它调高

## GO_TOO_OLD_FOR_GOMOD: "unknown directive: toolchain"
explain-go-too-old-for-gomod-toolchain-directive-summary = 这个 go 版本早于 toolchain 指令（Go 1.21 引入）
explain-go-too-old-for-gomod-toolchain-directive-meaning = go.mod 中有 `toolchain` 行，Go 1.21 之前的 go 无法解析。
explain-go-too-old-for-gomod-toolchain-directive-fix-1 = 安装 Go 1.21 及以上版本

## GO_TOO_OLD_FOR_GOMOD: "invalid go version" + "must match format"
explain-go-too-old-for-gomod-go-line-summary = 这个 go 版本无法解析三段式的 go 行（Go 1.21 及以上的语法）
explain-go-too-old-for-gomod-go-line-meaning = go.mod 写的是 `go 1.N.P`，而 Go 1.21 之前的 go 只接受 `go 1.N`。
explain-go-too-old-for-gomod-go-line-check-2 = go.mod 中的 go 行
explain-go-too-old-for-gomod-go-line-fix-1 = 安装 Go 1.21 及以上版本

## GOPROXY_OFF: "module lookup disabled by GOPROXY=off"
explain-goproxy-off-summary = GOPROXY=off 禁止下载模块
explain-goproxy-off-meaning = 设置 GOPROXY=off 后，go 只使用模块缓存（匹配 GONOPROXY 的模块仍会直连拉取）。
explain-goproxy-off-fix-1 = 让 go 可以下载模块

## GOFLAGS_MOD_VENDOR: "module lookup disabled by -mod="
explain-goflags-mod-vendor-summary = go 处于 vendor 模式，不会下载模块
explain-goflags-mod-vendor-meaning = 使用 -mod=vendor 时（go.mod 中 go ≥ 1.14 且存在 vendor/ 目录时这是默认行为），go 从 vendor/ 构建，拒绝查找模块。
explain-goflags-mod-vendor-fix-1 = 从网络重新生成 vendor/ 目录
explain-goflags-mod-vendor-fix-2 = 或者以模块模式构建

## GOPROXY_MALFORMED: "GOPROXY list is not the empty string, but contains no entries"
explain-goproxy-malformed-empty-summary = 设置了 GOPROXY，但其中没有任何代理
explain-goproxy-malformed-empty-meaning = GOPROXY 的值类似 `,` 或者只有空白，或者 go/env 文件中一行空的 `GOPROXY=` 盖住了 $GOROOT/go.env 中的默认值（Go 1.21 及以上）。
explain-goproxy-malformed-empty-fix-1 = 恢复默认值

## GOPROXY_MALFORMED: "invalid proxy URL"
explain-goproxy-malformed-entry-summary = go 不接受 GOPROXY 中的某一项
explain-goproxy-malformed-entry-meaning = GOPROXY 的每一项都必须是 http、https 或 file 协议的 URL（或者是 direct、off）。
explain-goproxy-malformed-entry-fix-1 = 改成合法的列表

## GOSUMDB_MALFORMED: "missing GOSUMDB"
explain-gosumdb-malformed-missing-summary = GOSUMDB 为空
explain-gosumdb-malformed-missing-meaning = go/env 文件中一行空的 `GOSUMDB=` 盖住了 $GOROOT/go.env 中的默认值（Go 1.21 及以上），或者 $GOROOT/go.env 不存在。
explain-gosumdb-malformed-missing-fix-1 = 恢复默认值

## GOSUMDB_MALFORMED: "invalid GOSUMDB"
explain-gosumdb-malformed-invalid-summary = go 不接受 GOSUMDB 的值
explain-gosumdb-malformed-invalid-meaning = GOSUMDB 必须是 `off`、`sum.golang.org`，或者带有效公钥的 `<name>+<hash>+<key> [url]`。
explain-gosumdb-malformed-invalid-fix-1 = 恢复默认值

## PRIVATE_MODULE_NOT_PRIVATE: "verifying" + "sum.golang.org/lookup" + "410 Gone"
explain-private-module-not-private-public-sumdb-summary = 公共校验和数据库里没有这个模块：它是私有模块，或者尚未公开发布
explain-private-module-not-private-public-sumdb-meaning = go 向 sum.golang.org（直连或经由代理的 /sumdb/）查询了一个它拿不到的模块：通常是没有被 GOPRIVATE、GONOSUMDB 覆盖的私有模块。
explain-private-module-not-private-public-sumdb-check-2 = 模块路径是否是公开的
explain-private-module-not-private-public-sumdb-fix-1 = 把私有模块的主机标记为私有

## PRIVATE_MODULE_NOT_PRIVATE: "verifying" + "/lookup/" + "404 Not Found"
explain-private-module-not-private-summary = 校验和数据库里没有这个模块：它是私有模块，或者尚未公开发布
explain-private-module-not-private-meaning = go 向校验和数据库查询了一个它拿不到的模块：通常是没有被 GOPRIVATE、GONOSUMDB 覆盖的私有模块。
explain-private-module-not-private-fix-1 = 把私有模块的主机标记为私有

## VCS_AUTH_REQUIRED: "terminal prompts disabled"
explain-vcs-auth-required-https-summary = go 直连拉取的仓库需要 git 凭据
explain-vcs-auth-required-https-meaning = go 运行 git 时设置了 GIT_TERMINAL_PROMPT=0，所以 git 不会询问用户名和密码，而是直接失败。
explain-vcs-auth-required-https-check-1 = git ls-remote https://<repo>（是否要求输入密码？）
explain-vcs-auth-required-https-check-2 = netrc 文件（~/.netrc，Windows 上是 %USERPROFILE%\_netrc）和 git 的凭据助手（credential helper）
explain-vcs-auth-required-https-fix-1 = 为该主机保存令牌（token）
explain-vcs-auth-required-https-fix-2 = 或者改用 SSH

## VCS_AUTH_REQUIRED: "Permission denied (publickey"
explain-vcs-auth-required-ssh-key-summary = git 主机拒绝了你的 SSH 密钥
explain-vcs-auth-required-ssh-key-meaning = git 通过 SSH 拉取（通常是 insteadOf 改写的结果），但它提供的密钥都没有被接受。
explain-vcs-auth-required-ssh-key-fix-1 = 加载 SSH 密钥

## VCS_AUTH_REQUIRED: "Could not read from remote repository"
explain-vcs-auth-required-access-summary = git 无法读取仓库（凭据或权限问题）
explain-vcs-auth-required-access-meaning = git 连上了主机，但没有权限读取该仓库，或者无法通过 SSH 建立连接。
explain-vcs-auth-required-access-fix-1 = 用 git 实际使用的 URL 检查访问权限

## VCS_DISCOVERY_FAILED: "unrecognized import path"
explain-vcs-discovery-failed-summary = go 找不到导入路径对应的代码仓库
explain-vcs-discovery-failed-meaning = 直连拉取时，go 会请求 https://<path>?go-get=1 来获取 go-import meta 标签：这个请求失败了，或者页面中没有该标签。
explain-vcs-discovery-failed-check-2 = 该模块是否是私有模块（GOPRIVATE）
explain-vcs-discovery-failed-fix-1 = 如果是私有模块，把它标记为私有，让 go 直连拉取（并检查凭据）

## GOVCS_DISALLOWED: "GOVCS disallows"
explain-govcs-disallowed-summary = GOVCS 禁止使用这个模块需要的版本控制工具
explain-govcs-disallowed-meaning = GOVCS 限制 go 对公共模块和私有模块分别可以运行哪些版本控制工具（默认：公共模块只允许 git 和 hg）。
explain-govcs-disallowed-fix-1 = 放开限制，例如：

## PROXY_UNREACHABLE: "proxyconnect tcp"
explain-proxy-unreachable-summary = go 无法连接 HTTPS_PROXY 中的 HTTP 代理
explain-proxy-unreachable-meaning = go 会通过 HTTPS_PROXY 发送 https 请求；连接该代理（或与它的 TLS 握手）失败了。
explain-proxy-unreachable-check-2 = 代理是否在运行，端口是否正确
explain-proxy-unreachable-fix-1 = 如果当前网络不需要代理

## PROXY_AUTH_REQUIRED: "Proxy Authentication Required"
explain-proxy-auth-required-summary = HTTP 代理要求认证
explain-proxy-auth-required-meaning = HTTPS_PROXY 中的代理对 CONNECT 请求返回了 407（代理需要认证）。
explain-proxy-auth-required-check-1 = env | grep -i https_proxy（其中有没有 USER:PASSWORD？）
explain-proxy-auth-required-fix-1 = 为 go 配置代理的用户名和密码

## TLS_UNKNOWN_ISSUER_INTERCEPTION: "certificate signed by unknown authority"
explain-tls-unknown-issuer-interception-summary = go 不信任服务器出示的证书
explain-tls-unknown-issuer-interception-meaning = 服务器证书的信任链指向一个不在 go 根证书中的 CA：可能是拦截 HTTPS 的代理或防火墙，也可能是私有 CA（内部主机）。
explain-tls-unknown-issuer-interception-check-1 = godoctor check -v（显示服务器出示的证书链及其签发者）
explain-tls-unknown-issuer-interception-fix-1 = 安装该 CA 证书（不要关闭证书校验）

## TLS_EXPIRED: "certificate has expired or is not yet valid"
explain-tls-expired-summary = 证书不在有效期内
explain-tls-expired-meaning = 要么服务器的证书确实过期了，要么本机时钟不对。
explain-tls-expired-fix-1 = 如果时钟不对，校正时钟

## TLS_NAME_MISMATCH: "x509: certificate is valid for"
explain-tls-name-mismatch-summary = 证书与域名不匹配
explain-tls-name-mismatch-meaning = 应答的服务器并不是 go 要访问的主机：可能是防火墙做了重定向、DNS 解析结果有误，或者代理配置错误。

## TLS_NO_ROOTS: "failed to load system roots"
explain-tls-no-roots-summary = go 找不到任何 CA 证书
explain-tls-no-roots-meaning = 没有可读的 CA 证书包（SSL_CERT_FILE、SSL_CERT_DIR 指向不存在的位置，或者没有安装 ca-certificates）。
explain-tls-no-roots-fix-1 = 安装 CA 证书包

## TLS_HANDSHAKE_TIMEOUT: "TLS handshake timeout"
explain-tls-handshake-timeout-summary = TLS 握手在 10 秒内没有完成
explain-tls-handshake-timeout-meaning = TCP 已经连上，但服务器（或中间设备）始终没有完成 TLS 握手：常见原因是基于 SNI 的拦截，悄悄丢弃了连接。

## DNS_NXDOMAIN: "no such host"
explain-dns-nxdomain-summary = 域名无法解析
explain-dns-nxdomain-meaning = DNS 服务器回答该主机不存在（NXDOMAIN），或者没有地址。
explain-dns-nxdomain-check-3 = go env GOPROXY（代理域名是否拼错了？）

## DNS_SERVFAIL: "server misbehaving"
explain-dns-servfail-summary = DNS 服务器出错，没有给出解析结果（SERVFAIL/REFUSED）
explain-dns-servfail-meaning = /etc/resolv.conf 中的 DNS 服务器返回了错误，而不是解析结果。

## DNS_TIMEOUT: "lookup " + "i/o timeout"
explain-dns-timeout-summary = DNS 服务器无响应
explain-dns-timeout-meaning = go 向 /etc/resolv.conf 中的 DNS 服务器发起查询，但没有一个及时应答。

## TCP_REFUSED: "connect: connection refused"
explain-tcp-refused-summary = 主机拒绝了连接
explain-tcp-refused-meaning = 该地址和端口上没有服务在监听，或者被防火墙拒绝。
explain-tcp-refused-check-1 = 错误信息中的地址和端口


## TCP_BLACKHOLE: "dial tcp" + "i/o timeout"
explain-tcp-blackhole-summary = 连接超时：数据包被丢弃
explain-tcp-blackhole-meaning = go 等待连接（默认 30 秒）也没有收到任何应答：防火墙丢弃了流量，或者该地址不可达。
explain-tcp-blackhole-check-1 = godoctor check（逐个测试所有地址，包括 IPv4 和 IPv6）

## TCP_UNREACHABLE: "network is unreachable"
explain-tcp-unreachable-network-summary = 没有到该地址的路由
explain-tcp-unreachable-network-meaning = 本机没有到该地址的路由（常见于只有 IPv4 的网络访问 IPv6 地址）。

## TCP_UNREACHABLE: "no route to host"
explain-tcp-unreachable-host-summary = 没有到该主机的路由
explain-tcp-unreachable-host-meaning = 路由器或防火墙报告该主机不可达。

## HTTP_REDIRECT_INSECURE: "redirected from secure URL"
explain-http-redirect-insecure-summary = https 请求被重定向到了明文 http
explain-http-redirect-insecure-meaning = go 拒绝跟随从 https 到 http 的重定向。
explain-http-insecure-credentials-summary = go 不会通过明文 http 发送凭据
explain-http-insecure-credentials-meaning = GOPROXY（或 GOSUMDB）里有以 http:// 开头、带用户名或密码的 URL；go 拒绝以明文发送凭据，根本不会向它发请求。该条目后面是 `|` 时 go 会试下一个，是 `,` 时就此失败。

## HTTP_REDIRECT_LOOP: "stopped after 10 redirects"
explain-http-redirect-loop-summary = 重定向循环
explain-http-redirect-loop-meaning = go 最多跟随 10 次重定向。

## HTTP_FORBIDDEN: "403 Forbidden"
explain-http-forbidden-summary = 服务器拒绝了请求（403）
explain-http-forbidden-meaning = 代理或它前面的防火墙禁止了这个请求；如果用英文逗号 `,` 分隔，go 不会尝试下一项。
explain-http-forbidden-check-2 = netrc 文件（~/.netrc，Windows 上是 %USERPROFILE%\_netrc）中该主机的凭据

## MODULE_NOT_FOUND: "404 Not Found"
explain-module-not-found-summary = 代理上没有这个模块或版本
explain-module-not-found-meaning = GOPROXY 中的每一项都返回了 404/410：模块路径或版本写错了，或者这是一个私有模块。
explain-module-not-found-check-1 = 模块路径和版本

## GO111MODULE_INVALID: "unknown environment setting GO111MODULE="
explain-go111module-invalid-summary = GO111MODULE 的值 go 不认识
explain-go111module-invalid-meaning = go 只接受小写的 on、off、auto 或空值；其他值会让模块模式下的命令直接退出。
explain-go111module-invalid-fix-1 = 恢复 go 的默认值

## GO111MODULE_OFF: "modules disabled by GO111MODULE=off"
explain-go111module-off-summary = 模块模式已关闭
explain-go111module-off-meaning = GO111MODULE=off 会让 go 运行在 GOPATH 模式。
explain-go111module-off-fix-1 = 启用模块模式

## GOFLAGS_MALFORMED: "parsing $GOFLAGS"
explain-goflags-malformed-summary = GOFLAGS 中有 go 无法解析的内容
explain-goflags-malformed-meaning = 只要 GOFLAGS 不合法，除 go env 外的所有 go 命令都会失败。
explain-goflags-malformed-fix-1 = 删除它

## MODULE_PATH_MALFORMED: "malformed module path"
explain-module-path-malformed-summary = 模块路径不合法
explain-module-path-malformed-meaning = 模块路径必须以包含点号的主机名开头。
explain-module-path-malformed-check-1 = import 或 require 那一行

## VCS_UNKNOWN_REVISION: "unknown revision"
explain-vcs-unknown-revision-summary = 仓库中没有这个版本
explain-vcs-unknown-revision-meaning = go 拉取的仓库中不存在该标签或提交（或者用当前凭据看不到）。

## When the text leaves two causes open: the probe that decides.
explain-probe-check = 仅凭这段文字无法判断是哪一种：`godoctor explain --probe` 会对 { $host } 做 { $layer } 探测，可以分辨

## TOOLCHAIN_UNAVAILABLE for a go line without a patch release (`go 1.21`)
explain-toolchain-unavailable-no-patch-summary = go.mod 写的是语言版本（如 go 1.21），不是 go 能下载的发行版
explain-toolchain-unavailable-no-patch-meaning = 从 Go 1.21 起，go 行指定的是工具链，而 Go 1.21 的第一个发行版是 go1.21.0：go 行不带补丁号（go 1.21）时，较老的 go 会去找并不存在的工具链 "go1.21"，于是所有 go 命令都失败，连 go version 也不例外。
explain-toolchain-unavailable-no-patch-fix-1 = 在 go.mod 里写上补丁版本号
explain-toolchain-unavailable-no-patch-fix-2 = 或者暂时用已安装的 go，不切换工具链

## SUMDB_UNREACHABLE: DNS, TCP or TLS failing on the checksum route
explain-sumdb-unreachable-summary = go 连不上校验和数据库
explain-sumdb-unreachable-meaning = 对 go.sum 里没有记录的模块，go 都要到校验和数据库（GOSUMDB）校验，可以直连，也可以经由转发它的模块代理；这条连接失败了，所以即使模块本身已经下载下来，go 也会停下。

## SUMDB_PROXY_FAILED: a relay's /sumdb/ answer
explain-sumdb-proxy-failed-summary = 转发校验和数据库的模块代理出错了
explain-sumdb-proxy-failed-meaning = go 通过模块代理访问校验和数据库（<proxy>/sumdb/<name>/…），代理对这个请求返回了错误，所以出问题的是转发的代理，而不是校验和数据库本身。
explain-sumdb-proxy-failed-supported-summary = go 询问模块代理是否转发校验和数据库时，代理出错了
explain-sumdb-proxy-failed-supported-meaning = 在通过代理访问校验和数据库之前，go 会先请求 <proxy>/sumdb/<name>/supported；返回 404 或 410 时 go 改为直连校验和数据库，其他错误则直接停下。

## SUMDB_FAILED: the checksum database's own error answer
explain-sumdb-failed-summary = 校验和数据库返回了错误
explain-sumdb-failed-meaning = 校验和数据库（GOSUMDB）本身拒绝了这次查询或者查询失败；没有它，go 就无法校验这个模块。

## SUMDB_LOOKUP_NOT_FOUND
explain-sumdb-lookup-not-found-summary = 校验和数据库里没有这个模块版本的记录
explain-sumdb-lookup-not-found-meaning = 校验和数据库对这次查询返回了 404 或 410：它拉取不到这个模块，或者 GOSUMDB 指定的数据库已经（或从来）不提供服务。
explain-sumdb-lookup-not-found-check-2 = GOSUMDB 指定的数据库现在是否还在服务
explain-sumdb-lookup-not-found-fix-1 = 改回默认的校验和数据库

## VCS_UNREACHABLE, reported by the checksum database (its body names the origin's failure)
explain-vcs-unreachable-upstream-summary = 校验和数据库无法从源仓库拉取这个模块
explain-vcs-unreachable-upstream-meaning = 校验和数据库返回 404，是因为它自己从模块仓库拉取时失败了（响应内容里写着原因）：你这边没有问题，出问题的是源仓库所在的主机。
explain-vcs-unreachable-upstream-check-1 = 这个仓库现在能否访问、是否公开
explain-vcs-unreachable-upstream-fix-1 = 稍后重试；下次查询时校验和数据库会重新拉取

## HTTP_STATUS 429
explain-http-status-too-many-requests-summary = 模块代理在限制这个客户端的请求频率（429 Too Many Requests）
explain-http-status-too-many-requests-meaning = 代理暂时拒绝来自你这个地址的更多请求：并发下载太多、和别人共用 NAT 或 CI 出口地址，或者运营方设置了限流；go 不会重试。

## HTTP_SERVER_ERROR
explain-http-server-error-summary = 服务器返回了 5xx 错误
explain-http-server-error-meaning = 模块代理（或它前面的网关）处理请求时出错：服务器故障、负载过高，或者它向上游拉取失败；GOPROXY 用英文逗号分隔时，代理返回这种错误 go 就会停下。

## HTTP_STATUS, other
explain-http-status-summary = 服务器返回了 go 不接受的状态码
explain-http-status-meaning = go 只接受代理返回 200；只有 404 或 410 时才尝试下一项（用竖线 "|" 分隔时任何错误都会尝试下一项），其他状态码都会让它停下。

## HTTP_UNAUTHORIZED
explain-http-unauthorized-summary = 服务器要求提供凭据（401 Unauthorized）
explain-http-unauthorized-meaning = go 没有发送凭据，或者凭据不对；go 从 netrc 文件读取凭据（~/.netrc，Windows 上是 %USERPROFILE%\_netrc；Go 1.24 起也可以用 GOAUTH）。

## HTTP_FAILED: HTTP/2 stream reset or GOAWAY
explain-http-failed-stream-summary = 服务器中断了 HTTP/2 流
explain-http-failed-stream-meaning = 服务器（或它前面的负载均衡）在请求过程中重置了 HTTP/2 流或关闭了连接（INTERNAL_ERROR、GOAWAY）：这是服务端的故障。

## TCP_RESET
explain-tcp-reset-summary = 连接被重置
explain-tcp-reset-meaning = 有一方发送了 TCP 重置：可能是服务器、CDN 节点，也可能是路径上的过滤设备；如果是在 TLS ClientHello 之后立刻被重置，说明是按域名过滤。
explain-tcp-reset-eof-summary = 还没收到应答，连接就被关闭了
explain-tcp-reset-eof-meaning = 对端没有应答就关闭了连接（EOF）：服务器、代理或过滤设备断开了连接，常见于 TLS 握手期间。

## TLS_NOT_TLS
explain-tls-not-tls-summary = 服务器没有使用 TLS
explain-tls-not-tls-meaning = go 期望进行 TLS 握手，收到的却是别的内容：https:// URL 指向了明文 HTTP 端口，或者 HTTP 代理写成了 https:// 而它实际只支持明文 HTTP。

## TLS_HANDSHAKE_FAILED
explain-tls-handshake-failed-summary = TLS 握手失败
explain-tls-handshake-failed-meaning = 服务器和 go 无法就 TLS 参数达成一致，或者服务器中止了握手（remote error: tls: …）。

## VCS_AUTH_REQUIRED: ssh host key
explain-vcs-auth-required-host-key-summary = ssh 不认识 git 服务器的主机密钥
explain-vcs-auth-required-host-key-meaning = git 通过 ssh 拉取（insteadOf 规则或 git@ 形式的 URL），而 ssh 拒绝连接从未见过的主机；go 运行 git 时没有终端，无法询问你。
explain-vcs-auth-required-host-key-fix-1 = 核对密钥指纹之后，信任这台主机

## VCS_REPO_NOT_FOUND
explain-vcs-repo-not-found-summary = 仓库不存在，或者是私有仓库
explain-vcs-repo-not-found-meaning = git 连上了服务器，服务器回答仓库不存在；没有提供凭据时，代码托管平台对私有仓库也会这样回答。

## VCS_UNREACHABLE
explain-vcs-unreachable-summary = git 连不上仓库所在的主机
explain-vcs-unreachable-meaning = git（go 在直连源仓库时调用）无法连接到该主机：域名解析失败，或者连接被拒绝、超时。

## GIT_NOT_FOUND
explain-git-not-found-summary = 没有安装 git
explain-git-not-found-meaning = 这个模块要直接从源仓库拉取（GOPROXY=direct、GOPRIVATE，或者回退到 direct），需要 PATH 中有 git。
explain-git-not-found-fix-1 = 安装 git

## PROXY_FORBIDDEN: `Get URL: Forbidden` (a reason phrase without a code: the HTTP proxy's answer to CONNECT)
explain-proxy-forbidden-summary = HTTP 代理拒绝为 go 连接该主机
explain-proxy-forbidden-meaning = 只有 "Forbidden"、没有状态码，是 Go 报告 HTTP 代理（HTTPS_PROXY）拒绝 CONNECT 请求的方式：是代理的策略拦截了该主机，而不是主机本身拒绝。
explain-proxy-forbidden-fix-1 = 请代理管理员放行该主机，或者改用代理允许访问的模块镜像

## MODULE_PATH_MALFORMED: a go.mod that declares another path
explain-module-path-malformed-declared-summary = 模块的 go.mod 声明的路径与依赖里要求的路径不一致
explain-module-path-malformed-declared-meaning = go 按你的 go.mod（或某个依赖的 go.mod）要求的路径拉取了模块，但模块自己的 go.mod 写的是另一个路径：模块改过名或搬了家，或者 fork 仓库保留了上游的 module 行。
explain-module-path-malformed-declared-fix-1 = 改用模块 go.mod 声明的路径（同时修改 import），或者为 fork 添加 replace 指令

## MODULE_PATH_MALFORMED: a major version v2+ without /vN in the module path
explain-module-path-malformed-major-summary = 要求的是 v2 及以上版本，但模块路径没有 /vN 后缀
explain-module-path-malformed-major-meaning = 这个模块有 go.mod，它的 v2 及以上版本必须用以主版本号结尾的路径（/v2、/v3…）来引用；在当前路径下并不存在所要求的版本。
explain-module-path-malformed-major-fix-1 = 按模块 go.mod 的声明，用带主版本号的路径引用它（例如 …/v3@v3.2.0）

## GOSUM_MISMATCH: a missing go.sum line
explain-gosum-missing-entry-summary = go.sum 缺少构建所需模块的记录
explain-gosum-missing-entry-meaning = 从 Go 1.16 起，构建不会自动往 go.sum 添加记录（-mod=readonly）：某个模块在 go.sum 中没有记录，构建就会停下，直到补上并校验这些记录。
explain-gosum-missing-entry-fix-1 = 补上缺少的记录（由校验和数据库校验），然后提交 go.sum

## HTTP_INVALID_PAYLOAD: a go.mod without a module line
explain-http-invalid-payload-gomod-summary = go 下载到的 go.mod 没有 module 行
explain-http-invalid-payload-gomod-meaning = 每个 go.mod 都以 module 行开头；缺少它的文件不是模块作者写的：代理（或中间的某个环节）返回了损坏或空的文件。

## HTTP_PROXY_WITHOUT_HTTPS_PROXY: the paste sets HTTP_PROXY only, and an https:// request failed
explain-http-proxy-without-https-proxy-summary = 设置了 HTTP_PROXY 但没有设置 HTTPS_PROXY：go 直接连接了 https:// URL
explain-http-proxy-without-https-proxy-meaning = go 只对 http:// URL 使用 HTTP_PROXY；模块代理、校验和数据库和 go-get 发现请求都是 https://，所以 go 直接连接，而当前网络不允许直连。
