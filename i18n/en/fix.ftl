## `godoctor fix`: shells, honesty about what it can change, the JSON form

fix-note-sumdb-not-probed = GOSUMDB is off (or invalid) and godoctor did not probe the checksum database from here: it leaves GOSUMDB as it is (run `godoctor check` with GOSUMDB unset to see whether the database is reachable)
fix-note-project-mirrors = a mirror from the project's godoctor.toml passed, but a repository does not choose your global GOPROXY: it is only suggested here (`--trust-project` writes it)
fix-mirror-from-project = , from the project's godoctor.toml
fix-first-steps = First, outside go's settings (the cause, which no mirror avoids):
fix-nothing-helps = No go setting that godoctor can change makes go work from here (root cause: { $cause }). What would help:
fix-help-own-mirror = or probe a mirror you know of (your company's GOPROXY, say)
fix-commands-in = Commands ({ $shell }):
fix-goenv-where = (`go env -w` writes { $path })
fix-env-look = not found in the usual startup files; where it is set: { $command }
fix-env-only = Nothing written to the go/env file: every change above is an OS variable, which only your shell can change.
fix-error-verify = after the write `go env { $key }` reads { $go_says }, not { $wrote }; the go/env file was restored as it was
fix-error-read-only = { $path } is not writable ({ $error }): go env -w would refuse it too; nothing was written
fix-error-dangling-symlink = { $path } is a symbolic link to { $target }, whose directory does not exist: go env -w would refuse it too; nothing was written
