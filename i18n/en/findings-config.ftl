### the messages of findings about settings and files (src/diagnose/config_rules.rs, predict.rs): finding-<code-kebab>[-<what>]
### Same ids and placeables in ../zh-CN/findings-config.ftl (src/i18n/tests.rs checks).

finding-go-too-old-for-gomod = { $version } cannot parse this go.mod: its `go` line has three parts or it has a `toolchain` line, which need Go 1.21 or newer
