### remediation descriptions: remedy-<what>
### Same ids and placeables in ../en/remedies.ftl (src/i18n/tests.rs checks).

## How a remedy reads when the setting lives in the OS environment (src/diagnose/remedy.rs).
remedy-os-env-overrides = { $why }（{ $key } 来自操作系统环境变量，优先级高于 `go env -w`）
remedy-os-env-set = { $why }（{ $key } 设置在操作系统环境变量中）
remedy-find-and-change = 永久生效：找到设置 { $key } 的地方，修改那一行
remedy-find-and-remove = 永久生效：删掉设置 { $key } 的那一行

## Toolchains and the checksum database (also said by the configuration rules and `explain`).
remedy-sumdb-back-on = 重新打开校验和数据库（私有模块用 GONOSUMDB 排除）
remedy-or-install-gomod-release = 或者安装 go.mod 要求的 Go 版本
remedy-restore-default = 恢复默认值
remedy-download-needed-toolchain = 让 go 自动下载所需的工具链
remedy-or-install-release = 或者安装该 Go 版本
remedy-let-go-download = 让 go 可以下载模块
remedy-install-needed-release = 安装所需的 Go 版本，或者改用能提供 golang.org/toolchain 的代理
