### remediation descriptions: remedy-<what>
### Same ids and placeables in ../en/remedies.ftl (src/i18n/tests.rs checks).

## Where a setting lives decides the command (src/diagnose/remedy.rs); $why is another remedy.

remedy-os-env-overrides = { $why }（{ $key } 来自操作系统环境变量，优先级高于 `go env -w`）
remedy-os-env-set = { $why }（{ $key } 设置在操作系统环境变量中）
remedy-permanent-change = 永久生效：找到设置 { $key } 的地方，修改那一行
remedy-permanent-remove = 永久生效：删掉设置 { $key } 的那一行

## Given by the configuration rules and by others (observe.rs, explain.rs say the same words)

remedy-let-go-download-modules = 让 go 可以下载模块
remedy-drop-toolchain-line = 删掉 toolchain 这一行
remedy-or-let-go-download-it = 或者让 go 自动下载
remedy-sumdb-back-on-gonosumdb = 重新打开校验和数据库（私有模块用 GONOSUMDB 排除）
remedy-or-install-gomod-go = 或者安装 go.mod 要求的 Go 版本
