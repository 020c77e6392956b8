### remediation descriptions: remedy-<what>
### Same ids and placeables in ../zh-CN/remedies.ftl (src/i18n/tests.rs checks).

## Where a setting lives decides the command (src/diagnose/remedy.rs); $why is another remedy.

remedy-os-env-overrides = { $why } ({ $key } comes from the OS environment, which overrides `go env -w`)
remedy-os-env-set = { $why } ({ $key } is set in the OS environment)
remedy-permanent-change = make it permanent: find where { $key } is set and change that line
remedy-permanent-remove = make it permanent: remove the line that sets { $key }

## Given by the configuration rules and by others (observe.rs, explain.rs say the same words)

remedy-let-go-download-modules = let go download modules
remedy-drop-toolchain-line = drop the toolchain line
remedy-or-let-go-download-it = or let go download it
remedy-sumdb-back-on-gonosumdb = turn the checksum database back on (keep private modules out of it with GONOSUMDB)
remedy-or-install-gomod-go = or install the Go release go.mod asks for
