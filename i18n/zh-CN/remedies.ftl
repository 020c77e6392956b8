### remediation descriptions: remedy-<what>
### Same ids and placeables in ../en/remedies.ftl (src/i18n/tests.rs checks).
