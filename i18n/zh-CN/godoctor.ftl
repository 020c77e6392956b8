### godoctor 的中文消息。与英文目录（../en/godoctor.ftl）的 id 和占位符完全一致，由
### src/i18n/tests.rs 检查。用词和排版见 zh-glossary.md：设置名、命令、主机、URL、go 自己的
### 报错原文一律不翻译；中文句子用全角标点，中英文之间留一个空格。

## check 报告

report-go-at = { $version }，位于 { $path }
report-go-unusable = go 位于 { $path }（无法使用：配置由 godoctor 自行计算）
report-go-not-found = 找不到 go：按 { $version } 的默认值计算

report-settings = 配置
report-settings-legend = （值 [来源]）
report-empty-value = （空）
report-derived-from = ，取自 { $setting }

report-what-go-will-do = go 会怎么做
report-offline-note = （仅根据配置推断：假定所有主机都正常应答）
report-vendor = 构建使用 vendor/ 目录：{ $reason }
report-toolchain = 工具链
report-mid-command-switch = 命令执行到一半时切换：依赖 { $module } 要求 Go >= { $go }
report-no-module = 没有需要下载的模块
report-host-modules = { $host }（{ $count } 个模块）
report-checksum-database = 校验和数据库：{ $route }
report-gosum = go.sum：{ $matched } 个一致，{ $mismatched } 个不一致，{ $absent } 个未记录{ $unchecked ->
        [0] {""}
       *[other] ，{ $unchecked } 个未比对（zip 哈希需加 --verify-zips 才比对）
    }
report-sumdb-url = { $url }（GOSUMDB URL）

# 一个模块的路径：GOPROXY 的每一项，以及 go 何时尝试下一项。
report-route-via-https-proxy = （经 HTTPS_PROXY { $proxy }）
report-route-skipped = { $proxy }（已跳过：GONOPROXY）
report-route-not-followed = （后面还有 { $entries } 项，未跟进：godoctor 只跟进前 { $first } 项）
report-route-undetermined = go 还会尝试后面的 { $entries } 项（未探测）：结果和报错都取决于它们
report-route-direct = direct（{ $steps }）
report-route-discovery = GET { $url }，然后{" "}
report-route-ssh = ，走 ssh，端口 { $port }
report-route-not-found-only = {" "},（仅 404/410）→{" "}
report-route-any-error = {" "}|（任何错误）→{" "}

report-probes = 探测
report-probes-legend = （各环节及耗时）
report-role-proxy = 模块代理
report-role-sumdb = 校验和数据库
report-role-sumdb-via-proxy = 经代理的 sumdb
report-role-vcs = 代码仓库
report-role-http-proxy = HTTP 代理
report-role-toolchain = 工具链
report-via = 经 { $proxy }
report-layer-timeout = 超时
report-layer-failed = 失败
report-cert = cert[{ $index }] subject={ $subject } issuer={ $issuer } 有效期 { $not_before } → { $not_after } sans={ $sans }
report-layer-error = { $layer } 错误：{ $error }

report-findings = 发现的问题
report-root-cause = 根本原因
report-fix = 修复建议
report-fix-step = { $description }（{ $code }）
report-verdict-fail = { $command } 会失败
report-verdict-warn = { $command } 预计会成功，但有警告
report-verdict-ok = { $command } 预计会成功
report-verdict-undetermined = { $command } 可能会失败：结果取决于 godoctor 没有探测的 GOPROXY 项
report-warning-ignored = 警告：{ $problem }（已忽略）

## godoctor config

config-goenv-file = go/env 配置文件：{ $path }
config-netrc-machines = netrc 中有这些主机的凭据：{ $hosts }

## godoctor explain

explain-title = { $code }（{ $layer }）
explain-title-host = { $code }（{ $layer }，{ $host }）
explain-unrecognised = 无法识别
explain-checks = 检查
explain-prompt = 粘贴 go 的错误输出，然后按 Ctrl-D（Windows 上先按 Ctrl-Z 再按回车）：
explain-error-of = 第 { $index } 个错误（共 { $total } 个）
explain-count = （{ $count } 个模块都是这个错误）
explain-probe-title = 对 { $host } 的 { $layer } 探测：

## godoctor fix

fix-mirrors = 镜像（从本机并发探测）：
fix-mirror-median = 中位数 { $ms } ms
fix-mirror-throughput = ，{ $mb_per_s } MB/s
fix-mirror-relays-sumdb = ，可代理校验和数据库
fix-mirror-has-toolchain = ，有所需的工具链
fix-mirror-lacks-toolchain = ，没有所需的工具链
fix-problem-no-module = 没有可用来探测它的模块
fix-problem-failed = 失败
fix-note = 提示：{ $note }
fix-note-speed-varies = 镜像速度取决于所在地点和时间：CDN 在不同地区、不同时段的路由不同，建议不时重新测速排序
fix-note-no-sumdb-relay = 没有合格的镜像能代理校验和数据库，直连也无法访问；godoctor 不建议设置 GOSUMDB=off
fix-note-no-mirror = 从当前网络看，没有候选镜像通过所有环节的探测：GOPROXY 保持不变
fix-note-sumdb-unreachable = 校验和数据库已关闭或配置无效，而且从本机还没有能访问它的路径

fix-nothing-to-change = 无需修改：当前配置可以正常工作。
fix-recommended = 建议的配置：
fix-unset = （未设置）
fix-go-default = （go 的默认值）
fix-reason-private = { $hosts } 看起来是私有模块：直连拉取，不把模块路径发给公共代理和校验和数据库
fix-reason-private-via-proxy = { $hosts } 看起来是私有模块，且已配置的代理能提供它们：继续从该代理拉取，但不再向公共校验和数据库查询
fix-reason-mirrors = { $mirrors } 从本机通过了所有环节的探测{ $ranked ->
        [yes] ，按速度从快到慢排列
       *[no] {""}
    }；各项之间用 `|` 分隔，因为每一项都已验证过，出任何错误（不只是 404/410）都会尝试下一项{ $direct_last ->
        [yes] ；最后的 `direct` 用于任何镜像都没有的模块
       *[no] {""}
    }
fix-reason-sumdb-on = 重新启用校验和数据库：从本机可以访问它（直连，或经由能代理它的镜像）

fix-nothing-written = 没有写入任何内容
fix-written = 已写入：{ $path }（备份在 { $backup }；运行 `godoctor fix --undo` 可以恢复）
fix-env-overrides = { $key } 设置在操作系统环境变量中，优先级高于 go/env 文件：godoctor 不会写入它；请执行上面的命令，并在设置它的地方改掉：
fix-verdict-ok = go 现在预计会成功
fix-verdict-fail = go 预计仍会失败

fix-no-backups = { $dir } 中没有备份
fix-backup = { $time }  { $path }  { $existed ->
        [yes] 文件原本存在
       *[no] 文件原本不存在
    }  设置项：{ $keys }
fix-restored = 已将 { $path } 恢复为 { $time } 时的状态{ $existed ->
        [yes] {""}
       *[no] （当时该文件不存在：已删除）
    }

fix-error-goenv-off = GOENV=off：go 不读取 go/env 配置文件，设置无处保存；没有写入任何内容
fix-error-no-goenv = go 没有 go/env 配置文件的位置（{ $why }）；没有写入任何内容
fix-error-go-env = 写入后执行 `go env { $args }` 失败：{ $stderr }；go/env 文件已恢复原样
fix-error-unparsable = 无法解析 { $path }（{ $why }）；没有写入任何内容
fix-error-not-utf8 = 不是 UTF-8 编码
fix-error-nul-bytes = 含有 NUL 字节
fix-error-bad-value = { $key }=... 的值中含有非法的{ $what ->
        [nul] {" "}NUL 字符
       *[newline] 换行符
    }
fix-error-write = 无法写入 { $path }：{ $error }；没有写入任何内容
fix-error-no-state-dir = 没有状态目录：请设置 HOME 或 XDG_STATE_HOME
fix-error-no-backup = 没有可以恢复的备份
fix-error-backup-damaged = { $dir }：备份已损坏
fix-error-changed-since = { $path } 在 { $time } 的修复之后又被改动过，撤销会丢掉这些改动。修复前的文件保存在 { $backup }：如果确实要恢复，请手动操作

## godoctor 自身的错误（退出码 2）

error-dir = 无法使用 -C { $dir }：{ $error }
error-runtime = 无法启动异步运行时：{ $error }
error-output = 写入输出时出错：{ $error }
error-json-with-format = --json 输出 JSON，不能和 --format { $format } 一起用（二选一）
error-command-empty = `--` 后面没有要预测的命令：请写上 go 命令，例如 `godoctor check -- go mod tidy`
error-command-not-go = { $word } 不是 go：请按实际运行的方式写命令，例如 `godoctor check -- go mod tidy`
error-command-unsupported = `go { $subcommand }` 不会下载模块：godoctor 能预测 `go mod download`、`go mod tidy`、`go get`，以及会加载包的命令（`go build`、`go test`、`go vet`、`go list`、`go run`、`go install`、`go generate`）

## 标准错误上的进度行

progress-probing = 探测中

## 报告中各环节的结果（JSON 中保留错误类型原文）
layer-result-alert = TLS 告警
layer-result-auth-failed = 凭据被拒绝
layer-result-auth-required = 需要认证
layer-result-bad-certificate = 证书无效
layer-result-bad-server-name = 服务器名无效
layer-result-bad-url = URL 无效
layer-result-blocked = 被拦截
layer-result-body-stalled = 响应体停滞
layer-result-body-too-large = 响应体过大
layer-result-captive-portal = 上网认证页面（Portal 认证）
layer-result-connect-refused = CONNECT 被拒绝
layer-result-dns = DNS 出错
layer-result-empty = 无记录
layer-result-eof-after-client-hello = ClientHello 后连接被关闭
layer-result-eof-during-handshake = 握手中连接被关闭
layer-result-error = 出错
layer-result-expired = 证书已过期
layer-result-file-error = 文件读取出错
layer-result-forbidden = 禁止访问
layer-result-git-auth-required = git 需要认证
layer-result-git-bad-advertisement = git 响应无效
layer-result-git-forbidden = git 禁止访问
layer-result-git-login-page = git 返回登录页
layer-result-git-not-a-repository = 不是 git 仓库
layer-result-git-not-runnable = 无法运行 git
layer-result-git-repo-not-found = git 仓库不存在
layer-result-git-server-error = git 服务器出错
layer-result-git-status = git 状态码异常
layer-result-go-import-disagree = go-import 不一致
layer-result-handshake-error = 握手出错
layer-result-handshake-stalled = 握手停滞
layer-result-handshake-timeout = 握手超时
layer-result-headers-timeout = 等待响应头超时
layer-result-headers-too-large = 响应头过大
layer-result-html-error = 返回 HTML 错误页
layer-result-incompatible = TLS 版本或算法不兼容
layer-result-internal = 内部错误
layer-result-invalid-payload = 响应内容无效
layer-result-invalid-repo-root = 仓库根路径无效
layer-result-invalid-subdir = 子目录无效
layer-result-latest-status = /latest 状态码异常
layer-result-lookup-not-found = /lookup 找不到
layer-result-lookup-status = /lookup 状态码异常
layer-result-malformed = 格式错误
layer-result-multiple-go-imports = 多个 go-import
layer-result-name-mismatch = 证书域名不匹配
layer-result-no-go-import = 没有 go-import
layer-result-no-nameserver = 没有可用的 DNS 服务器
layer-result-no-roots = 没有根证书
layer-result-not-found = 找不到
layer-result-not-http = 不是 HTTP
layer-result-not-ssh = 不是 SSH
layer-result-not-tls = 不是 TLS
layer-result-not-tls-http = 不是 TLS，对方说的是明文 HTTP
layer-result-not-yet-valid = 证书尚未生效
layer-result-nxdomain = 域名不存在（NXDOMAIN）
layer-result-protocol = 协议错误
layer-result-proxy = 代理出错
layer-result-rcode = DNS 应答码异常
layer-result-redirect-insecure = 重定向到不安全地址
layer-result-insecure-credentials = 拒绝以明文 http 发送凭据
layer-result-refused = 被拒绝
layer-result-reset = 连接被重置
layer-result-reset-after-client-hello = 发出 ClientHello 后被重置
layer-result-reset-during-handshake = 握手中连接被重置
layer-result-servfail = DNS 服务器出错（SERVFAIL）
layer-result-signature-invalid = 签名无效
layer-result-signature-unknown-key = 签名密钥未知
layer-result-slow-progress = 传输过慢
layer-result-ssh-auth = SSH 认证失败
layer-result-ssh-banner-timeout = 等待 SSH 欢迎信息超时
layer-result-ssh-closed = SSH 连接被关闭
layer-result-ssh-host-key = SSH 主机密钥未知
layer-result-ssh-protocol-obsolete = SSH 协议过旧
layer-result-status = HTTP 状态码异常
layer-result-timeout = 超时
layer-result-tls = TLS 出错
layer-result-too-many-redirects = 重定向次数过多
layer-result-unknown-issuer-interception = 证书被中间设备重新签发
layer-result-unknown-issuer-missing-root = 缺少根证书
layer-result-unknown-issuer-private-ca = 私有 CA 签发
layer-result-unknown-vcs = 未知的版本控制系统
layer-result-unreachable = 不可达
layer-result-unsupported-proxy-scheme = 不支持的代理协议

## 摘要：go 路线上的每个环节一行
summary-configuration = 配置
summary-proxies = 模块代理
summary-sumdb = 校验和数据库
summary-direct = 直连（VCS）
summary-toolchain = 工具链
summary-http-proxy = HTTP 代理
summary-unused = 不在 go 的路线上
summary-not-probed = 未探测（--offline）
summary-not-reached = 未用到：go 在此之前已经成功或出错
report-verdict-offline = （仅根据配置）
report-canary = 这里没有 go.mod：用 { $modules } 代替检查
report-checked = 检查用时 { $seconds } 秒
report-checked-offline = 检查用时 { $seconds } 秒，离线
report-more-with-v = {" "}· 查看配置和所有探测：-v
report-off-route = （不在 go 的路线上）
markdown-title = godoctor 诊断报告
note-simplified-only = 目前只有简体中文版本，以下内容为简体中文

## 探测进行中的提示（仅在终端的 stderr 上显示）
progress-step = · 还有 { $pending } 项：{ $hosts }
# $timeout: the run's --timeout (or godoctor.toml's, else 10s); $grace: the extra time allowed.
run-deadline-exceeded = 已停止：运行时间超过了 --timeout { $timeout } 再加 { $grace }（在读取或检查非常大的输入）；没有输出报告
