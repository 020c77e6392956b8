## `godoctor fix`：各种 shell、只改能改的设置、JSON 输出

fix-note-sumdb-not-probed = GOSUMDB 已关闭（或配置无效），godoctor 没有从本机探测校验和数据库：GOSUMDB 保持不变（取消 GOSUMDB 后运行 `godoctor check`，可以看到数据库能否访问）
fix-note-project-mirrors = 项目 godoctor.toml 里的镜像通过了检测，但仓库不能替你决定全局 GOPROXY：这里只作为建议列出（加 `--trust-project` 才会写入）
fix-mirror-from-project = ，来自项目的 godoctor.toml
fix-first-steps = 先处理 go 设置之外的问题（这是根因，换镜像也绕不开）：
fix-nothing-helps = godoctor 能改的 go 设置都无法让 go 在本机正常工作（根因：{ $cause }）。可以这样处理：
fix-help-own-mirror = 或者探测一个你知道的镜像（比如公司内部的 GOPROXY）
fix-commands-in = 要执行的命令（{ $shell }）：
fix-goenv-where = （`go env -w` 会写入 { $path }）
fix-env-look = 常见的启动文件里没有找到；查看它在哪里设置：{ $command }
fix-env-only = 没有写入 go/env 文件：上面的改动都是操作系统环境变量，只能在你的 shell 里修改。
fix-error-verify = 写入后 `go env { $key }` 读到的是 { $go_says }，而不是 { $wrote }；go/env 文件已恢复原样
fix-error-read-only = { $path } 不可写（{ $error }）：go env -w 同样会拒绝；没有写入任何内容
fix-error-dangling-symlink = { $path } 是指向 { $target } 的符号链接，而目标所在的目录不存在：go env -w 同样会拒绝；没有写入任何内容
