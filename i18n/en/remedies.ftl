### remediation descriptions: remedy-<what>
### Same ids and placeables in ../zh-CN/remedies.ftl (src/i18n/tests.rs checks).

## How a remedy reads when the setting lives in the OS environment (src/diagnose/remedy.rs).
remedy-os-env-overrides = { $why } ({ $key } comes from the OS environment, which overrides `go env -w`)
remedy-os-env-set = { $why } ({ $key } is set in the OS environment)
remedy-find-and-change = make it permanent: find where { $key } is set and change that line
remedy-find-and-remove = make it permanent: remove the line that sets { $key }

## Toolchains and the checksum database (also said by the configuration rules and `explain`).
remedy-sumdb-back-on = turn the checksum database back on (keep private modules out of it with GONOSUMDB)
remedy-or-install-gomod-release = or install the Go release go.mod asks for
remedy-restore-default = restore the default
remedy-download-needed-toolchain = let go download the toolchain it needs
remedy-or-install-release = or install that Go release
remedy-let-go-download = let go download modules
remedy-install-needed-release = install the needed Go release, or use a proxy that serves golang.org/toolchain
