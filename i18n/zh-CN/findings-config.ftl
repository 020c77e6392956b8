### the messages of findings about settings and files (src/diagnose/config_rules.rs, predict.rs): finding-<code-kebab>[-<what>]
### Same ids and placeables in ../en/findings-config.ftl (src/i18n/tests.rs checks).

finding-go-too-old-for-gomod = { $version } 解析不了这个 go.mod：`go` 行写成了三段式版本号，或者有 `toolchain` 行，这些都需要 Go 1.21 及以上
