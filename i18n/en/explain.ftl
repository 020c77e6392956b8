### what `godoctor explain` says about a pasted error: explain-<code-kebab>-<part>
### Same ids and placeables in ../zh-CN/explain.ftl (src/i18n/tests.rs checks).
