### the messages of findings about settings and files (src/diagnose/config_rules/), and the
### remediation only those rules give: finding-<code-kebab>[-<what>], remedy-<what>.
### Same ids and placeables in ../en/findings-config.ftl (src/i18n/tests.rs checks).
### A value that is go's own words ($detail) is placed verbatim, after “原始错误：”.

# Items godoctor lists, joined as the language joins them: $rest is another list-items or the last item.
list-items = { $first }、{ $rest }

## The go installation (config_rules/go_install.rs)

finding-go-not-found = PATH 中找不到 go：godoctor 按当前 Go 版本（{ $version }）的默认值自行计算了所有配置
finding-go-env-failed = 已安装 { $path }，但 `go env -json` 执行失败：下面显示的配置由 godoctor 自行计算
finding-config-model-mismatch = godoctor 计算出的 { $key } 是 { $computed }，而 go 给出的是 { $value }：以 go 的值为准
finding-go-too-old-for-proxy = { $version } 早于 Go 1.13，不支持模块代理、GOPRIVATE 和校验和数据库：所有模块都会直连源仓库拉取
finding-go-too-old-for-pipe = { $version } 不认识 GOPROXY 中的 `|`（Go 1.15 起才支持）：整项会被当作一个 URL
remedy-see-what-go-says = 看看 go 自己怎么说
remedy-report-model-mismatch = 请附上 `godoctor config --json` 的输出，向 godoctor 报告这个问题
remedy-install-current-go = 安装当前的 Go 版本
remedy-use-comma-separators = 改用英文逗号 `,` 分隔

## The go/env file and the OS variables that hide it (config_rules/goenv_file.rs)

finding-goenv-off = GOENV=off：go 不读取任何 go/env 文件，`go env -w` 也无法保存配置
finding-goenv-unavailable = go 找不到自己的 go/env 文件：用 `go env -w` 保存的配置不会被读取。原始错误：{ $detail }
finding-goenv-file-unreadable = go/env 文件无法读取，go 会忽略它。原始错误：{ $detail }
finding-goenv-file-crlf = { $file } 使用 Windows 换行符（CRLF）：go 会把 '\r' 留在 { $keys } 的值里
finding-goenv-file-not-utf8 = { $file }：{ $keys } 的值不是合法的 UTF-8
finding-goenv-file-ignored-lines = go 会忽略 { $file } 中的 { $count } 行（每行必须是 KEY=VALUE 的形式，且 KEY 为大写）
finding-goenv-file-key-with-space = { $file }：键 { $key } 含有空格，go 不会把它当作 { $name }
finding-goenv-file-duplicates = { $file } 多次设置了 { $keys }：以最后一行为准
finding-env-shadows-goenv-file = 操作系统环境变量设置了 { $key }={ $value }，它会覆盖 go/env 文件中的 { $file_value }：`go env -w { $key }=…` 不会生效
remedy-strip-carriage-returns = 去掉行尾的回车符（\r）
remedy-unset-in-this-shell = 在当前 shell 中删除这个环境变量，让 go/env 文件中的值生效
remedy-remove-where-set = 然后到设置它的地方删掉这一行

## GOPROXY (config_rules/goproxy.rs)

finding-goproxy-malformed = go 不接受 GOPROXY={ $value }。原始错误：{ $detail }
finding-goproxy-off = GOPROXY=off：模块缓存里没有的模块，go 一律拒绝下载（只有匹配 GONOPROXY 的模块仍会直连拉取）
finding-goproxy-direct-only = GOPROXY=direct：所有模块都直连版本控制仓库拉取（git over HTTPS 或 SSH），速度更慢、需要安装 git，仓库迁移或删除后就会失败
finding-goproxy-entries-ignored = go 读到 `direct` 或 `off` 就不再往后读 GOPROXY：{ $entries } 永远不会被使用
finding-goproxy-not-followed = { $kind ->
        [sumdb] GOPROXY 的前 { $first } 项都不代理校验和数据库 { $what }，而且都会让 go 尝试下一项（返回 404/410，或用 `|` 分隔时出现任何错误）
       *[other] GOPROXY 的前 { $first } 项拉取 { $what } 都失败了，而且都会让 go 尝试下一项（返回 404/410，或用 `|` 分隔时出现任何错误）
    }：go 会接着尝试后面的 { $entries } 项，godoctor 没有探测这些项，所以 go 能否成功、最后报什么错，都取决于它们。请把一个可用的项放到前 { $first } 项之内
evidence-last-probed-entry = godoctor 探测的最后一项：{ $words }
finding-goproxy-plain-http = GOPROXY 中的 { $url } 使用明文 HTTP：模块内容不加密传输（校验和数据库仍能保证内容完整）
finding-goproxy-has-credentials = GOPROXY 中有一项的 URL 带有凭据（此处已隐藏）：go 的错误信息会把密码替换掉，但 `go env` 会完整显示
finding-goproxy-comma-no-fallthrough = GOPROXY 各项之间用的是英文逗号 `,`：只有代理返回 404 或 410 时 go 才会尝试下一项，某个代理一旦超时或出错，下载就直接失败（改用竖线 `|` 分隔，任何错误都会尝试下一项）
remedy-goproxy-default = 改成合法的列表（这是 go 的默认值）
remedy-proxy-first-direct-fallback = 先走模块代理，`direct` 作为兜底

## GOSUMDB, the private-module patterns and modules that look private (config_rules/sumdb_private.rs)

finding-gosumdb-malformed = go 不接受 GOSUMDB={ $value }。原始错误：{ $detail }
finding-gosumdb-off = GOSUMDB=off：go 不再用公共校验和数据库校验下载的模块，代理返回的模块被篡改、连接被拦截都不会被发现（下载工具链仍然需要校验和数据库）
finding-pattern-has-spaces = { $key }={ $value } 的逗号两侧有空格：go 不会去掉这些空格，所以 "{ $pattern }" 永远匹配不到任何模块
finding-pattern-malformed = { $key } 中的模式 { $pattern } 不是合法的通配符（path.Match），go 永远不会匹配它
finding-gonoproxy-none = GONOPROXY=none：所有模块都经过 GOPROXY，匹配 GOPRIVATE 的模块也不例外
finding-goinsecure-set = GOINSECURE={ $value }：go 会通过明文 HTTP 或在不校验 TLS 证书的情况下直连拉取匹配的模块，存在被拦截的风险（不影响 GOPROXY 和校验和数据库）
finding-govcs-malformed = go 不接受 GOVCS 的值。原始错误：{ $detail }
# $reason: why the host looks private (src/plan.rs PrivateHint).
finding-private-module-not-private = 来自 { $host } 的模块看起来是私有模块（{ $reason ->
        [ip-address] 主机是 IP 地址
        [no-dot] 主机名中没有点号
        [internal-domain] 主机属于内部域名
       *[netrc] netrc 中有该主机的凭据
    }），但不匹配任何 GOPRIVATE 模式：go 会把它们的路径发送给公共代理和校验和数据库，并且校验会失败（"reading https://sum.golang.org/lookup/…: 404 Not Found" 或 "410 Gone"）
remedy-default-sumdb = 恢复默认的校验和数据库 sum.golang.org
remedy-verification-back-on = 重新打开模块校验
remedy-gonosumdb-instead = 改为只把私有模块排除在校验之外
remedy-remove-spaces = 去掉空格
remedy-remove-goinsecure = 改用证书有效的 HTTPS 提供这些模块，并去掉 GOINSECURE
remedy-fix-govcs = 修正或删除 GOVCS
remedy-mark-them-private = 把它们标记为私有模块：直连拉取，不再发送给校验和数据库

## GO111MODULE, GOFLAGS and vendor mode (config_rules/goflags.rs)

finding-go111module-off = GO111MODULE=off：go 运行在 GOPATH 模式，`go mod download` 和模块下载都会被拒绝
finding-go111module-invalid = GO111MODULE={ $value } 不是 on、off 或 auto（须为小写）：所有模块模式下的 go 命令都会直接退出
# Both kinds say the same for now.
finding-goflags-malformed = { $kind ->
        [unknown-flag] 除 `go env` 外的所有 go 命令都会失败：GOFLAGS={ $value } 中有不是 flag 的内容
       *[non-flag] 除 `go env` 外的所有 go 命令都会失败：GOFLAGS={ $value } 中有不是 flag 的内容
    }
finding-goflags-mod-vendor = go 使用 vendor/ 目录构建：不会下载任何模块，因此用不到 GOPROXY 和校验和数据库（`go mod download` 和 `go get` 仍会用到）
finding-goflags-insecure = { $supported ->
        [true] GOFLAGS 中包含 -insecure：这个版本的 go 会跳过校验和数据库，并允许直连拉取时使用明文 HTTP
       *[false] GOFLAGS 中包含 -insecure，而 Go 1.17 已移除这个 flag：`go get` 现在会报错 "-insecure flag is no longer supported; use GOINSECURE instead"
    }
remedy-module-mode-back-on = 重新启用模块模式
remedy-module-mode-default = 恢复 go 的默认值（模块模式）
remedy-fix-goflags = 删除或修正 GOFLAGS
remedy-drop-insecure = 去掉 -insecure

## HTTP(S)_PROXY and the TLS environment (config_rules/network_env.rs)

finding-http-proxy-without-https-proxy = 设置了 { $key }，但没有设置 HTTPS_PROXY：go 的 https:// 请求（所有模块代理、校验和数据库、go-get 发现）都会直连，不经过 HTTP 代理
finding-http-proxy-malformed = go 会忽略 { $key }。原始错误：{ $detail }
finding-http-proxy-scheme-unsupported = { $key } 使用的协议 { $scheme } go 不支持（只支持 http、https、socks5、socks5h）
finding-all-proxy-ignored = 设置了 { $key }={ $value }，但 go 不读取 ALL_PROXY（curl 和 git 会读取）：除非设置了 HTTPS_PROXY，否则 go 会直连
finding-http-proxy-case-conflict = { $key } 和 { $other } 的值不同：go 使用 { $key }（curl 可能使用 { $other }）
finding-ssl-cert-file-missing = SSL_CERT_FILE={ $file } 不存在：它会替换 go 的 CA 证书列表，除非 SSL_CERT_DIR 提供了根证书，否则所有 HTTPS 连接都会失败，报错 "certificate signed by unknown authority"
finding-ssl-cert-dir-missing = SSL_CERT_DIR 中列出的目录不存在：{ $dirs }
remedy-https-through-same-proxy = 让 https 流量也走同一个 HTTP 代理
remedy-give-go-same-proxy = 让 go 也使用这个代理
remedy-system-ca-bundle = 重新使用系统的 CA 证书包

## git (config_rules/git.rs)

finding-git-not-found = PATH 中找不到 git：代理之后的 `direct` 兜底无法从源仓库拉取
finding-git-not-found-module = PATH 中找不到 git，但 go 要直连源仓库拉取 { $module }，这需要 git
finding-git-config-unreadable = git 无法读取自己的配置，直连模式下 git 本身就会失败
finding-git-ssl-verify-off = git config { $key }=false（{ $scope } 范围，{ $origin }）：直连拉取时 git 跳过 TLS 校验，存在被拦截的风险
finding-git-ssl-verify-off-env = 设置了 GIT_SSL_NO_VERIFY={ $value }：直连拉取时 git 跳过 TLS 校验
finding-git-insteadof-ssh = git 会把 { $prefix } 改写为 { $base }（{ $origin }）：直连拉取走 SSH，需要为 git 加载密钥，并且要能访问 TCP 22 端口{ $count ->
        [0] {""}
       *[other] ；计划中有 { $count } 个模块走这条路线
    }
finding-git-terminal-prompt-on = GIT_TERMINAL_PROMPT=1：go 允许 git 询问密码，在 CI 中会一直卡住，而不是报错退出
remedy-git-verify-back-on-company-ca = 重新打开校验（如果当初是因为公司 CA 才关掉的，用 http.sslCAInfo 配置公司 CA）
remedy-git-verify-back-on = 重新打开校验

## go.mod, go.work and the environment itself (config_rules/project.rs)

finding-gomod-unreadable = 无法读取 { $file }。原始错误：{ $detail }
finding-gomod-unparsable = go 无法解析 { $file }：第 { $line } 行有错。原始错误：{ $detail }
finding-gowork-unparsable = go 无法解析 { $file }：第 { $line } 行有错。原始错误：{ $detail }
finding-env-not-utf8 = 以下环境变量不是合法的 UTF-8：{ $keys }
remedy-go-mod-edit-json = 让 go 列出所有问题

## Toolchains (config_rules/toolchain.rs)

finding-go-too-old-for-gomod = { $version } 解析不了这个 go.mod：`go` 行写成了三段式版本号，或者有 `toolchain` 行，这些都需要 Go 1.21 及以上
finding-toolchain-local-too-old = go.mod 要求的 Go 版本比本机安装的新，而 GOTOOLCHAIN 不允许 go 自动下载新工具链
finding-gotoolchain-invalid = GOTOOLCHAIN 的值 go 不认：除了 `go env GOTOOLCHAIN` 和 `go env -w GOTOOLCHAIN=…`，所有 go 命令都会失败
finding-gomod-toolchain-invalid = go.mod（或 go.work）里的 toolchain 行不是 go 认可的工具链名称
# The Chinese leaves out $reason (English words from the toolchain decision).
finding-toolchain-switch-path = go 会切换到 { $target }，直接运行 PATH 中的 { $path }
finding-toolchain-switch-download = go 会先下载工具链 { $target }：经 GOPROXY 拉取模块 golang.org/toolchain@{ $version }，并由校验和数据库校验
# The Chinese leaves out $reason and the value of GOTOOLCHAIN.
finding-toolchain-not-in-path-startup = go 需要 { $target }，但 GOTOOLCHAIN 设置为只在 PATH 中查找，而 PATH 里没有
finding-toolchain-needs-sumdb-startup = go 必须用校验和数据库校验 { $target } 工具链，即使设置了 GOSUMDB=off 也一样：所以切换会失败
remedy-install-go-for-gomod = 安装 Go 1.21 或更新的版本（go.mod 需要）
remedy-gotoolchain-auto = 让 go 自动下载 go.mod 要求的工具链（经 GOPROXY 下载，并由校验和数据库校验），或者直接安装那个 Go 版本
remedy-install-release-into-path = 把这个 Go 版本安装到 PATH 中
# $module: the module; $vcs: git, hg, svn, …; $root: the repository root; $detail: go's words.
finding-govcs-disallowed = GOVCS 不允许 go 对 { $root } 使用 { $vcs }，因此 go 无法直连拉取 { $module }。原始错误：{ $detail }
# $vcs, $root: as in finding-govcs-disallowed.
remedy-allow-govcs = 在 GOVCS 里为 { $root } 放行 { $vcs }（写在 go 的默认规则之前）
# $value: GOAUTH, quoted; go's words are the evidence.
finding-goauth-invalid = go 不接受 GOAUTH={ $value }，会在第一次下载时直接退出
remedy-fix-goauth = 修正 GOAUTH：要么单独写 `off`，要么用 `;` 分隔多条命令（`netrc`、`git` 加绝对路径、自己的命令）
# $flags: the flags in GOFLAGS.
finding-goflags-unverified = 本机没有安装 go，godoctor 无法判断 go 是否接受 GOFLAGS 里的 { $flags }：go 遇到不认识的 flag 会报错（"go: parsing $GOFLAGS: unknown flag"），而只有 go 自己知道每个命令的全部 flag
finding-dependency-gomod-unparsable = { $module } 的 go.mod 里有一行 go 即使作为依赖也读不了，go 会在加载模块图时停下；只能等该模块发布修好 go.mod 的版本，或用 replace 指令绕过。原始错误：{ $detail }
# $file: the path; $what: which input (go.mod, go/env, netrc …); $limit: the cap in MiB; $go: what go does with the file.
finding-input-too-large = { $file }（{ $what }）超过 { $limit } MiB，超出 godoctor 的读取上限：只检查了开头的部分行；{ $go }
input-go-reads-whole = go 会读取整个文件，可能很慢，甚至耗尽内存
input-go-never-reads = go 不会读取这个文件
# $kind: what the path is instead of a file.
finding-input-not-regular = { $file }（{ $what }）不是普通文件（{ $kind }）：godoctor 没有读取它；go 会去读，可能卡住或一直读不完
input-type-fifo = 命名管道
input-type-char-device = 字符设备
input-type-block-device = 块设备
input-type-socket = socket
input-type-other = 非文件
# $count: the modules go.mod (or go.work) requires; $max: how many godoctor plans.
finding-input-too-many-modules = 项目依赖 { $count } 个模块，超出 godoctor 的检查上限：只规划并检查了前 { $max } 个
finding-input-too-large-unused = { $file }（{ $what }）超过 { $limit } MiB，超出 godoctor 的读取上限：godoctor 没有使用它；go 会读取整个文件
