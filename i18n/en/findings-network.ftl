### the messages of findings about what the probes saw (src/diagnose/observe*): finding-<code-kebab>[-<what>]
### Same ids and placeables in ../zh-CN/findings-network.ftl (src/i18n/tests.rs checks).
