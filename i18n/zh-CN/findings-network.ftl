### the messages of findings about what the probes saw (src/diagnose/observe*): finding-<code-kebab>[-<what>]
### Same ids and placeables in ../en/findings-network.ftl (src/i18n/tests.rs checks).
###
### English and Chinese word many of these findings differently: English gives go's own words
### where they arose, or the facts go acted on (the terse form, ids ending in -terse, and
### finding-terse); Chinese says what failed, then quotes go (the explained form). A finding
### carries both in finding-terse-or-explained, and each language shows its own; the other form
### is written in every language all the same. A value a language leaves out is still named, in
### a select with one variant (`{ $x -> *[other] {""} }`), as the catalog test wants every value
### named in both languages.

## Both forms of a finding; Chinese shows the explained one.
finding-terse-or-explained =
    { $terse ->
       *[other] {""}
    }{ $explained ->
       *[other] { $explained }
    }

## A failure, tersely: go's words where they arose, and what the route made of it.
finding-terse =
    { $place }：{ $words }{ $then ->
        [fell-through] （GOPROXY 用 `|` 分隔，go 会回退到 { $proxy }，但每次下载都会先尝试（并等待）这个出错的条目）
        [off-route] （不在 go 拉取本次模块的路线上）
        [off-route-request] （go 拉取本次模块时不会发出这个请求，但会用到这个主机）
       *[none] {""}
    }
finding-terse-poisoned = { $host } 被解析到 { $addresses }（公网域名不应该解析到这个地址），随后 { $layer }
finding-layer =
    { $layer ->
        [dns] DNS
        [tcp] TCP
        [tls] TLS
        [http] HTTP
        [sumdb] 校验和数据库
       *[proxy] HTTP 代理
    }
## go's words, as they are.
finding-go-words = { $words }

## A failure, explained: what failed, what the route made of it, go's words.
finding-explained = { $what }{ $then }{ $detail }
## What the route made of a failure: `|` fell through to the next entry; not on go's route.
finding-fell-through = 。由于 GOPROXY 用竖线（|）分隔，go 会回退到 { $proxy }，但每次下载都会先尝试（并等待）这个出错的条目
finding-off-route = { $what ->
        [request] ；go 拉取本次模块时不会发出这个请求，但会用到这个主机
       *[route] ；这一项不在 go 拉取本次模块的路线上
    }
## go's or the probe's own words, quoted.
finding-detail = 。原始错误：{ $detail }
## A code and what it means.
finding-code-meaning = { $code }：{ $meaning }

## What failed, per code.
finding-proxy-unreachable = 无法连接 HTTP 代理 { $host }
finding-dns-nxdomain = { $answer ->
        [empty] { $host } 的 DNS 解析没有得到地址：域名存在，但没有 A 或 AAAA 记录（NOERROR，应答为空）
       *[other] { $host } 的 DNS 解析失败：域名不存在（NXDOMAIN）
    }
finding-dns-servfail = 解析 { $host } 时 DNS 服务器出错（SERVFAIL）
finding-dns-timeout = 解析 { $host } 超时：DNS 服务器无响应
finding-dns-failed = { $host } 的 DNS 解析失败
finding-dns-poisoned-answer = { $why ->
        [hosts] hosts 文件（/etc/hosts）把 { $host } 指向了 { $addresses }，而这个地址上没有服务应答（{ $cause }）
        [blocker] { $host } 被解析到 { $addresses }，这是 DNS 拦截工具对被屏蔽域名的典型应答，随后连接失败（{ $cause }）
       *[resolver] { $host } 被解析到 { $addresses }，而加密 DNS 给出的结果不同：明文 DNS 的应答疑似被篡改（DNS 污染或劫持），随后连接失败（{ $cause }）
    }
finding-dns-poisoned = 系统 DNS 和加密 DNS 对 { $host } 的解析结果不一致：明文 DNS 的应答可能在传输途中被篡改（疑似 DNS 污染或劫持）
finding-tcp-refused = 连接 { $host } 被拒绝：该端口上没有服务在监听，或者被防火墙拒绝
finding-tcp-blackhole = { $host } 无法访问：TCP 连接超时（数据包被丢弃，没有任何响应）
finding-tcp-reset = 与 { $host } 的 TCP 连接被重置
finding-tcp-unreachable = { $host } 不可达：无法建立 TCP 连接
finding-tls-reset-after-clienthello = 与 { $host } 的 TLS 握手在发出 ClientHello 后立即被重置（可能存在基于 SNI 的拦截）
finding-tls-unknown-issuer-interception = { $host } 的证书由系统不信任的 CA 签发：HTTPS 流量疑似被中间设备拦截并重新签发了证书，多半是公司代理或上网行为管理设备
finding-tls-unknown-issuer-private-ca = { $host } 的证书由私有 CA 签发，系统并不信任该 CA
finding-tls-roots-missing = { $host } 的证书不受信任：系统证书库里缺少签发它的根证书
finding-tls-expired = { $host } 的证书已过期
finding-tls-not-yet-valid = { $host } 的证书尚未生效（也可能是本机时钟不对）
finding-tls-name-mismatch = 证书与域名不匹配：为 { $host } 应答的服务器出示的证书不包含 { $host }
finding-tls-handshake-timeout = 与 { $host } 的 TLS 握手超时
finding-tls-not-tls = { $host } 的应答不是 TLS（可能是明文 HTTP 或其他协议）
finding-tls-no-roots = 找不到任何 CA 证书，无法校验 { $host } 的证书
finding-tls-handshake-failed = 与 { $host } 的 TLS 握手失败
finding-http-captive-portal = { $host } 返回了一个 HTML 页面，而不是模块数据：当前网络可能需要先完成上网认证（Portal 认证）
finding-http-invalid-payload = { $host } 返回的内容不符合模块代理协议
finding-http-stalled = { $host } 响应停滞：服务器迟迟不返回数据
finding-http-slow = { $host } 的响应极慢，但数据仍在传输：go 没有超时，会一直等下去，下载能成功但很慢
finding-http-body-too-large = { $host } 返回的响应体过大
finding-http-redirect-insecure = { $host } 把 https 请求重定向到了明文 http，go 拒绝跟随
finding-http-insecure-credentials = 访问 { $host } 用的是带凭据的明文 http URL：go 拒绝以明文发送凭据，所以根本不会向它发请求
finding-http-redirect-loop = { $host } 重定向次数过多（go 最多跟随 10 次）
finding-http-headers-too-large = { $host } 返回的响应头过大
finding-module-not-found = { $host } 返回 404/410：代理上没有这个模块或版本
finding-module-not-found-with-status = { $host } 返回 { $status }：代理上没有这个模块或版本
finding-module-not-found-anywhere = GOPROXY 中没有任何一项能提供 { $module }{ $detail }
finding-http-unauthorized = { $host } 返回 401（需要认证）
finding-http-forbidden = { $host } 返回 403（禁止访问）
finding-http-server-error = { $host } 返回服务器错误（5xx）
finding-http-server-error-with-status = { $host } 返回 { $status }（服务器错误）
finding-http-status = { $host } 返回了意外的 HTTP 状态码
finding-http-status-with-status = { $host } 返回了意外的状态码 { $status }
finding-http-failed = 对 { $host } 的 HTTP 请求失败
finding-proxy-auth-required = HTTP 代理 { $host } 返回 407（代理需要认证）：需要在 HTTPS_PROXY 中加上用户名和密码
finding-proxy-forbidden = HTTP 代理 { $host } 拒绝连接目标主机（CONNECT 被禁止）
finding-proxy-stalled = HTTP 代理 { $host } 无响应
finding-proxy-connect-failed = 通过 HTTP 代理 { $host } 建立连接失败
finding-sumdb-signature-invalid = { $host } 返回的校验和数据库数据签名无效：中间有设备篡改了流量，或者 GOSUMDB 中的公钥不对
finding-sumdb-failed = 校验和数据库 { $host } 的应答没有通过校验
finding-sumdb-proxy-failed = 经模块代理访问校验和数据库失败（{ $cause }）：{ $url }
finding-sumdb-lookup-not-found = 校验和数据库中查不到这个模块：{ $url }
finding-sumdb-unreachable = 校验和数据库 { $host } 无法访问（{ $cause }）
finding-vcs-unreachable = 无法访问代码仓库所在的主机 { $host }（{ $cause }）
finding-vcs-unreachable-git = 无法访问代码仓库 { $git_url }{ $detail }
finding-vcs-discovery-failed = go 无法通过 { $url } 找到导入路径对应的代码仓库（go-get 发现失败）
finding-vcs-discovery-failed-cause = go 无法通过 { $url } 找到导入路径对应的代码仓库（go-get 发现失败）（{ $cause }）
finding-vcs-auth-required = git 访问 { $git_url } 需要凭据（或者凭据被拒绝）{ $detail }
finding-vcs-repo-not-found = 代码仓库 { $git_url } 不存在（或者当前凭据无权访问）{ $detail }
finding-private-module-not-private-lookup = { $host } 的模块不在 GOPRIVATE 范围内：go 会向公共校验和数据库查询它，结果查不到（{ $url }）
finding-clock-skew = { $host } 报告的时间与本机时钟相差 { $skew } 秒：证书可能会被误判为已过期或尚未生效

## What a code means, without the host: beside another code.
short-dns-nxdomain = 域名解析不到地址（NXDOMAIN 或无记录）
short-dns-servfail = DNS 服务器出错（SERVFAIL）
short-dns-timeout = DNS 解析超时
short-dns-failed = DNS 解析失败
short-dns-poisoned = 解析结果疑似被篡改
short-tcp-refused = 连接被拒绝
short-tcp-blackhole = TCP 连接超时
short-tcp-reset = 连接被重置
short-tcp-unreachable = 网络不可达
short-tls-reset-after-clienthello = TLS 握手在 ClientHello 之后被重置
short-tls-unknown-issuer-interception = 证书被中间设备重新签发
short-tls-unknown-issuer-private-ca = 证书由私有 CA 签发
short-tls-roots-missing = 缺少根证书
short-tls-expired = 证书已过期
short-tls-not-yet-valid = 证书尚未生效
short-tls-name-mismatch = 证书与域名不匹配
short-tls-handshake-timeout = TLS 握手超时
short-tls-not-tls = 对端返回的不是 TLS
short-tls-no-roots = 找不到任何 CA 证书
short-tls-handshake-failed = TLS 握手失败
short-http-captive-portal = 返回了网页而不是模块数据
short-http-invalid-payload = 返回的内容格式不对
short-http-stalled = HTTP 响应超时
short-http-slow = 响应极慢
short-http-body-too-large = 响应体过大
short-http-redirect-insecure = 从 https 重定向到了明文 http
short-http-insecure-credentials = 明文 http URL 里带了凭据
short-http-redirect-loop = 重定向次数过多
short-http-headers-too-large = 响应头过大
short-module-not-found = 返回 404/410
short-http-unauthorized = HTTP 401（需要认证）
short-http-forbidden = HTTP 403（禁止访问）
short-http-server-error = 服务器错误（5xx）
short-http-status = 意外的 HTTP 状态码
short-http-failed = HTTP 请求失败
short-proxy-unreachable = 无法连接 HTTP 代理
short-proxy-auth-required = HTTP 407（代理需要认证）
short-proxy-forbidden = HTTP 代理拒绝了 CONNECT 请求
short-proxy-stalled = HTTP 代理无响应
short-proxy-connect-failed = 经 HTTP 代理连接失败
short-sumdb-signature-invalid = 签名无效
short-sumdb-failed = 校验和数据库的应答有误

## GOPROXY_COMMA_NO_FALLTHROUGH, seen on a route: `,` stops go before a healthy entry.
finding-goproxy-comma-no-fallthrough-observed = { $proxy } 出错（{ $cause }），而 GOPROXY 用英文逗号把它和下一项隔开：只有返回 404 或 410 时 go 才会尝试下一项，所以永远到不了后面那个正常的条目
finding-goproxy-comma-no-fallthrough-observed-terse = { $proxy } 出错（{ $cause }），而 GOPROXY 用 `,` 把它和下一项隔开：go 只在 404/410 之后才尝试下一项，所以永远到不了后面那个正常的条目

## The toolchain download.
finding-toolchain-needs-sumdb-download = go 必须用校验和数据库校验 { $target } 工具链，即使设置了 GOSUMDB=off 也一样：所以切换会失败
finding-gosumdb-malformed-toolchain = go 不接受 GOSUMDB={ $value }
finding-gosumdb-malformed-toolchain-terse = go 不接受 GOSUMDB 的值，而 go 必须用校验和数据库校验 { $target } 工具链：{ $error }
finding-toolchain-unavailable = GOPROXY 中没有任何一项能提供工具链 { $target }
finding-toolchain-unavailable-download-terse = GOPROXY 中没有任何一项能提供工具链 { $target }（golang.org/toolchain@{ $version }）

## A switch in the middle of a command.
finding-toolchain-dependency-too-new = 依赖 { $module } 的 go.mod 要求 Go >= { $need }，而 GOTOOLCHAIN 不允许 go 切换工具链：go 在加载模块图时就会失败
finding-toolchain-dependency-too-new-terse = { $module } 需要 go >= { $need }，而 GOTOOLCHAIN={ $gotoolchain } 让 go 停留在 { $local }：go 在加载模块图时就会停下
finding-goproxy-off-toolchain = GOPROXY=off：模块缓存里没有的模块，go 一律拒绝下载（只有匹配 GONOPROXY 的模块仍会直连拉取）
finding-goproxy-off-toolchain-terse = GOPROXY=off：go 无法列出 { $module } 所需的 golang.org/toolchain 版本（go >= { $need }）
finding-toolchain-unavailable-list-terse = { $module } 需要 go >= { $need }，而 GOPROXY 中没有任何一项列出 golang.org/toolchain 的版本
finding-toolchain-unavailable-no-release-terse = { $module } 需要 go >= { $need }，而 go 拿到的 golang.org/toolchain 版本列表中没有这样的版本
finding-toolchain-unavailable-next-terse = { $module } 需要 go >= { $need }，而工具链版本列表中没有这样的版本
finding-toolchain-not-in-path-mid-command = go 需要 { $target }，但 GOTOOLCHAIN 设置为只在 PATH 中查找，而 PATH 里没有
finding-toolchain-not-in-path-none-terse = { $module } 需要 go >= { $need }，而 GOTOOLCHAIN={ $gotoolchain } 只在 PATH 中查找，那里没有
finding-toolchain-not-in-path-cannot-run-terse = { $module } 需要 go >= { $need }：go 从 PATH 中选中了 { $name }，却无法从那里运行它
finding-toolchain-mid-command-switch = { $module } 要求 Go >= { $need }：go mod download 先用当前的 go 运行，执行到一半会切换到 { $target }
finding-toolchain-mid-command-switch-picked = { $module } 要求 Go >= { $need }：go mod download 先用当前的 go 运行，执行到一半会从 golang.org/toolchain 的版本列表中挑选合适的版本并切换
finding-toolchain-mid-command-switch-terse = { $module } 需要 go >= { $need }：go mod download 先用当前的 go 运行，执行到一半切换到 { $to }{ $via }
finding-toolchain-picked-release = 从 golang.org/toolchain/@v/list 中挑选的版本
finding-via = （经由 { $via }）

## Remediation for what the probes saw (src/diagnose/observe/remediation.rs).
remedy-mark-private = 把它标记为私有模块：直连拉取，不会发送给公共代理或校验和数据库
remedy-check-system-clock = 检查系统时钟
remedy-install-toolchain-or-proxy = 安装 go.mod 要求的 Go 版本，或者改用能提供 golang.org/toolchain 的 GOPROXY
remedy-gonosumdb-keep-proxy = 继续经 { $proxy } 拉取，并告诉 go 公共校验和数据库不可能认识这个模块（GOPRIVATE 会同时设置 GONOPROXY，让 go 绕过代理直接拉取）
finding-gosum-mismatch = { $kind ->
        [zip] { $file } 第 { $line } 行为 { $module }@{ $version } 的 zip 记录的是 { $recorded }，但 { $proxy } 返回的 zip 哈希是 { $downloaded }：go 下载后会报 SECURITY ERROR 并停止
       *[gomod] { $file } 第 { $line } 行记录的 { $module }@{ $version }/go.mod 哈希是 { $recorded }，而 { $proxy } 返回的 go.mod 哈希是 { $downloaded }：go 会报 SECURITY ERROR 并停止
    }
remedy-gosum-who-is-wrong = 改动之前先弄清是谁错了：go.sum 过期或被手工改过、代理返回了不同的内容，还是 { $module } { $version } 被重新打了 tag（可以和另一个 GOPROXY 条目比对，以校验和数据库为准）
remedy-gosum-refetch = 如果错的是 { $file }：删掉这个版本的几行，再重新拉取，由校验和数据库校验（备份保存在 .bak 文件中）
remedy-gosum-line-is-wrong = 校验和数据库认可代理返回的内容：{ $file } 里的这一行已过期，或被手工改过
remedy-gosum-release-moved = 所有来源返回的都是新内容，而且没有校验和数据库为 { $module } { $version } 作证：多半是发布方重新打了 tag。请维护者发布新版本，而不是移动已有的 tag；只有确认信任这次改动时，才接受新内容
finding-proxy-content-mismatch = { $proxy } 返回的 { $module }@{ $version } 的 go.mod 哈希是 { $downloaded }，但 go.sum 和 { $witness } 记录的都是 { $recorded }：该代理返回了被篡改的内容，go 会报 SECURITY ERROR 并停止
remedy-proxy-content-mismatch = go.sum 是对的，保持不动，并通知 { $proxy } 的运维；在它修好之前，从其他条目获取模块
remedy-skip-proxy = 停用返回被篡改内容的 { $proxy }
finding-gosum-missing-entry = go.sum 里没有 { $module } 的 { $what } 记录，而 `{ $command }` 不会自动补上（-mod=readonly）：go 在访问网络之前就会停下
remedy-gosum-add-entry = 按 go 的提示补上缺少的行（然后提交 go.sum）

## godoctor 自己写的证据行（列在问题下面）
evidence-public-name-bogus-address = { $split ->
        [yes] { $host } 解析到了 { $addresses }（{ $reasons }）：内网的分离解析（split-horizon DNS）把公网域名指向内部镜像时会这样应答，被篡改的应答也会这样；用加密 DNS 对比（--compare-resolver）就能分清
       *[no] { $host } 解析到了 { $addresses }（{ $reasons }），这是公网域名的内网地址
    }
# 地址为什么不可能属于公网域名（JSON 里 `reason` 的简写）
address-kind = { $kind ->
        [loopback] 回环地址
        [unspecified] 未指定地址
        [private] 私有地址（RFC 1918）
        [link-local] 链路本地地址
        [cgnat] 运营商级 NAT 地址
        [reserved] 保留地址
        [multicast] 组播地址
        [unique-local] 唯一本地地址（私有）
        [documentation] 文档专用地址
       *[benchmarks] 基准测试或文档专用地址
    }
address-kind-and = { $first }、{ $rest }
evidence-toolchain-direct-route = { $cause }（发生在直连 golang.org/toolchain 的路线上，go 只会报 "toolchain not available"）
