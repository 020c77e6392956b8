### remediation descriptions: remedy-<what>
### Same ids and placeables in ../zh-CN/remedies.ftl (src/i18n/tests.rs checks).
