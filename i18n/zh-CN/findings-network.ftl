### the messages of findings about what the probes saw (src/diagnose/observe*): finding-<code-kebab>[-<what>]
### Same ids and placeables in ../en/findings-network.ftl (src/i18n/tests.rs checks).
