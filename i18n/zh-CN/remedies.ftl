### remediation descriptions: remedy-<what>
### Same ids and placeables in ../en/remedies.ftl (src/i18n/tests.rs checks).

## DNS
remedy-resolver-answer = 看看 DNS 服务器对 { $host } 的解析结果
remedy-resolver-nameservers = 检查 go 使用的 DNS 服务器
remedy-dns-forged = { $host } 的解析结果疑似被伪造或劫持：用加密 DNS 对比一下（godoctor check --compare-resolver tls://IP#NAME），并联系网络管理员
remedy-hosts-entry = hosts 文件固定了 { $host } 的地址：删除或改正这一行（它对 go 同样优先于 DNS）
remedy-dns-blocked = { $host } 被 DNS 过滤拦截了（Pi-hole、AdGuard 或公司的拦截列表）：请管理员放行，或者换一个未被拦截的镜像

## TCP, TLS and the network in between
remedy-all-proxy-ignored = 当前网络可能要求走代理（设置了 { $name }，但 go 不读取它）
remedy-sni-filtered = TLS 握手中一出现 { $host } 这个域名，连接就会被切断（基于 SNI 的拦截）：改用允许访问的镜像或代理
remedy-ask-ca = 向 IT 部门索取签发 { $host } 证书的 CA 证书；不要关闭证书校验
remedy-ask-ca-issuer = 向 IT 部门索取签发 { $host } 证书的 CA 证书（签发者：{ $issuer }）；不要关闭证书校验
remedy-trust-ca-system = 在系统范围内信任它，加进 go 读取的证书包
remedy-trust-ca-macos = 在系统钥匙串中信任它：macOS 上的 go 交给系统校验证书（不读 SSL_CERT_FILE）
remedy-trust-ca-go-only = 或者只在当前 shell 中对 go 生效（SSL_CERT_FILE 会替换 go 的 CA 证书包，所以要用同时包含公共根证书的证书包）
remedy-trust-ca-windows = 为当前 Windows 用户信任它：Windows 上的 go 用系统证书存储校验证书（不读 SSL_CERT_FILE）
remedy-check-clock = 先检查系统时钟：时钟不对，有效的证书也会看起来已过期
remedy-cert-out-of-date = 如果时钟没问题，那就是 { $host } 的证书确实过期了：通知它的运维方，或者换一个代理
remedy-name-mismatch = 为 { $host } 应答的服务器并不是 { $host }：检查 DNS 解析结果，以及是否有代理或防火墙把流量转走了
remedy-captive-portal = 网络返回的是网页，而不是模块代理的应答：先完成上网认证（在浏览器中打开任意 http:// 页面），或者请网络管理员放行该代理

## HTTP and credentials
remedy-needs-credentials = { $host } 拒绝了这个请求：可能需要凭据，go 从 netrc 文件读取凭据（~/.netrc，Windows 上是 %USERPROFILE%\_netrc；自 Go 1.24 起也可以用 GOAUTH）
remedy-credentials-need-https = go 只通过 https 发送凭据：用 https:// URL 访问 { $host }（凭据放进 netrc，不要写在 URL 里）；如果它不需要凭据，就把凭据从 URL 里去掉
remedy-netrc-credentials = 为 { $host } 配置 go 使用的凭据

## The HTTP proxy (HTTPS_PROXY)
remedy-proxy-credentials = 为 go 配置 HTTP 代理的用户名和密码（特殊字符要做百分号编码）
remedy-http-proxy-refuses = HTTP 代理 { $host } 拒绝连接模块代理：请它的管理员放行，或者改用它允许访问的镜像
remedy-check-http-proxy = 检查 go 使用的 HTTP 代理
remedy-stop-http-proxy = 如果当前网络不需要代理，就让 go 不再使用它

## The checksum database
remedy-keep-sumdb = 保持校验和数据库开启：通过能转发它的模块代理访问（`<proxy>/sumdb/sum.golang.org/supported` 返回 200），不要设置 GOSUMDB=off
remedy-find-relaying-mirror = 找一个在当前网络可用、且能转发校验和数据库的镜像
remedy-sumdb-wrong-key = { $host } 返回的校验和数据库数据不是用预期的公钥签名的：中间有设备篡改了流量，或者 GOSUMDB 中的公钥写错了；不要关闭校验
remedy-check-sumdb-key = 检查 go 使用的公钥

## Repositories go fetches directly
remedy-git-token = 让 git 通过 HTTPS 用令牌（token）向 { $host } 认证
remedy-git-ssh = 或者用 SSH 密钥拉取
remedy-check-module-path = 检查 go.mod 中的模块路径和版本
remedy-mark-host-private = 如果是私有模块，把它的主机标记为私有

## Another module proxy
remedy-healthy-proxy-first = 把各环节都检查通过的代理放在最前面
remedy-proxy-pipe = 或者保持顺序不变，改用 `|` 分隔：出现任何错误都会尝试下一项
remedy-find-mirror = 找一个在当前网络可用的模块镜像（godoctor fix 会探测已知的镜像：proxy.golang.org、goproxy.cn、goproxy.io、mirrors.aliyun.com/goproxy/）

## A setting the OS environment sets: $why is the step itself, $key the setting
remedy-env-overrides-go-env = { $why }（{ $key } 来自操作系统环境变量，优先级高于 `go env -w`）
remedy-env-find-and-change = 永久生效：找到设置 { $key } 的地方，修改那一行
remedy-env-set-in-os = { $why }（{ $key } 设置在操作系统环境变量中）
remedy-env-remove-line = 永久生效：删掉设置 { $key } 的那一行

## Toolchains and the checksum database (also said by the configuration rules and `explain`).
remedy-sumdb-back-on = 重新打开校验和数据库（私有模块用 GONOSUMDB 排除）
remedy-or-install-gomod-release = 或者安装 go.mod 要求的 Go 版本
remedy-restore-default = 恢复默认值
remedy-download-needed-toolchain = 让 go 自动下载所需的工具链
remedy-or-install-release = 或者安装该 Go 版本
remedy-let-go-download = 让 go 可以下载模块
remedy-install-needed-release = 安装所需的 Go 版本，或者改用能提供 golang.org/toolchain 的代理
remedy-drop-toolchain-line = 删掉 toolchain 这一行
remedy-or-let-go-download-it = 或者让 go 自动下载
