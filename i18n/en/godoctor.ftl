### godoctor's messages in English. The Chinese catalog (../zh-CN/godoctor.ftl) has exactly the
### same ids and placeables; src/i18n/tests.rs checks both.
###
### Ids: <area>-<what>, lower-case kebab. Areas: report (the check report, also its parts that
### `config` and `explain` share), config, explain, fix, error (godoctor's own failures), progress.
### Coming: finding-<code> (the finding's code in kebab case, its params as arguments),
### remedy-<what>, explain-<code>-summary / -meaning / -check-<n>.
### Arguments are snake_case, like the params of a finding. A leading or trailing space is
### written {" "} (Fluent trims bare ones).

## The check report

report-go-at = { $version } at { $path }
report-go-unusable = go at { $path } (not usable: settings computed by godoctor)
report-go-not-found = go not found: assuming { $version } defaults

report-settings = Settings
report-settings-legend = {" "}(value [origin])
report-empty-value = (empty)
report-derived-from = , from { $setting }

report-what-go-will-do = What go will do
report-offline-note = {" "}(configuration only: assuming every host answers)
report-vendor = builds use vendor/: { $reason }
report-toolchain = toolchain
report-mid-command-switch = switch in the middle of the command: { $module } needs go >= { $go }
report-no-module = no module to download
report-host-modules = { $host } ({ $count } modules)
report-checksum-database = checksum database: { $route }
report-gosum = go.sum: { $matched } match, { $mismatched } mismatch, { $absent } not recorded{ $unchecked ->
        [0] {""}
       *[other] , { $unchecked } not compared (zip hashes are compared with --verify-zips)
    }
report-sumdb-url = { $url } (GOSUMDB URL)

# One module's route: each GOPROXY entry, then how go moves on to the next.
report-route-via-https-proxy = {" "}(via HTTPS_PROXY { $proxy })
report-route-skipped = { $proxy } (skipped: GONOPROXY)
report-route-not-followed = ({ $entries } more entries, not followed: godoctor follows the first { $first })
report-route-undetermined = go goes on to { $entries } more entries, not probed: what it does, and prints, depends on them
report-route-direct = direct ({ $steps })
report-route-discovery = GET { $url }, then{" "}
report-route-ssh = {" "}over ssh, port { $port }
report-route-not-found-only = {" "},(404/410)→{" "}
report-route-any-error = {" "}|(any error)→{" "}

report-probes = Probes
report-probes-legend = {" "}(each layer with its time)
report-role-proxy = proxy
report-role-sumdb = sumdb
report-role-sumdb-via-proxy = sumdb via proxy
report-role-vcs = vcs
report-role-http-proxy = http proxy
report-role-toolchain = toolchain
report-via = via { $proxy }
report-layer-timeout = timeout
report-layer-failed = failed
report-cert = cert[{ $index }] subject={ $subject } issuer={ $issuer } valid { $not_before } → { $not_after } sans={ $sans }
report-layer-error = { $layer } error: { $error }

report-findings = Findings
report-root-cause = root cause
report-fix = Fix
report-fix-step = { $description } ({ $code })
report-verdict-fail = { $command } will fail
report-verdict-warn = { $command } should succeed, with warnings
report-verdict-ok = { $command } should succeed
report-verdict-undetermined = { $command } may fail: the outcome depends on GOPROXY entries godoctor did not probe
# godoctor.toml problems and the like, on standard error.
report-warning-ignored = warning: { $problem } (ignored)

## `godoctor config`

config-goenv-file = go/env file: { $path }
config-netrc-machines = netrc credentials for: { $hosts }

## `godoctor explain`

explain-title = { $code } ({ $layer })
explain-title-host = { $code } ({ $layer }, { $host })
explain-unrecognised = not recognised
explain-checks = Check
explain-prompt = Paste go's error output, then press Ctrl-D (Ctrl-Z then Enter on Windows):
explain-error-of = error { $index } of { $total }
explain-count = (the same failure for { $count } modules)
explain-probe-title = the { $layer } probe of { $host }:

## `godoctor fix`

fix-mirrors = Mirrors (probed from here, concurrently):
fix-mirror-median = { $ms } ms median
fix-mirror-throughput = , { $mb_per_s } MB/s
fix-mirror-relays-sumdb = , relays the checksum database
fix-mirror-has-toolchain = , has the toolchain
fix-mirror-lacks-toolchain = , lacks the toolchain
fix-problem-no-module = no module to ask it about
fix-problem-failed = failed
fix-note = note: { $note }
fix-note-speed-varies = mirror speed depends on where you are and when you ask: CDNs route differently by place and time, so re-rank now and then
fix-note-no-sumdb-relay = no qualified mirror relays the checksum database, and it is unreachable directly; godoctor does not recommend GOSUMDB=off
fix-note-no-mirror = no candidate mirror passed every layer from this network: GOPROXY is left as it is
fix-note-sumdb-unreachable = the checksum database is off or invalid, and no route to it works from here yet

fix-nothing-to-change = Nothing to change: the current settings work.
fix-recommended = Recommended settings:
fix-unset = (unset)
fix-go-default = (go's default)
fix-reason-private = { $hosts } look private: fetch them directly and keep their paths away from the public proxy and checksum database
fix-reason-private-via-proxy = { $hosts } look private and a configured proxy serves them: keep fetching them there, but do not ask the public checksum database about them
# $ranked and $direct_last: yes or no.
fix-reason-mirrors = { $mirrors } passed every layer from here{ $ranked ->
        [yes] , fastest first
       *[no] {""}
    }; `|` between them because each was verified, so any error (not only 404/410) moves on to the next{ $direct_last ->
        [yes] ; `direct` last for modules no mirror has
       *[no] {""}
    }
fix-reason-sumdb-on = turn the checksum database back on: it is reachable from here (directly or through a mirror that relays it)

fix-nothing-written = nothing written
fix-written = written: { $path } (backup { $backup }; `godoctor fix --undo` restores it)
fix-env-overrides = { $key } is set in the OS environment, which wins over the go/env file: godoctor does not write it; run the command above and change it where it is set:
fix-verdict-ok = go is now predicted to succeed
fix-verdict-fail = go is still predicted to fail

fix-no-backups = no backups in { $dir }
# $existed: yes or no.
fix-backup = { $time }  { $path }  { $existed ->
        [yes] file existed
       *[no] file did not exist
    }  keys: { $keys }
fix-restored = restored { $path } as it was at { $time }{ $existed ->
        [yes] {""}
       *[no] {" "}(it did not exist: removed)
    }

fix-error-goenv-off = GOENV=off: go reads no go/env file, so there is nowhere to save settings; nothing was written
fix-error-no-goenv = go has no go/env file location ({ $why }); nothing was written
fix-error-go-env = `go env { $args }` failed after the write: { $stderr }; the go/env file was restored as it was
fix-error-unparsable = { $path } cannot be parsed ({ $why }); nothing was written
fix-error-not-utf8 = not UTF-8
fix-error-nul-bytes = contains NUL bytes
# $what: nul or newline.
fix-error-bad-value = invalid { $what ->
        [nul] NUL
       *[newline] newline
    } in { $key }=... value
fix-error-write = cannot write { $path }: { $error }; nothing was written
fix-error-no-state-dir = no state directory: set HOME or XDG_STATE_HOME
fix-error-no-backup = no backup to restore
fix-error-backup-damaged = { $dir }: the backup is damaged
fix-error-changed-since = { $path } changed after the fix of { $time }; undo would drop those edits. The file as it was before the fix is { $backup }: restore it by hand if that is what you want

## godoctor's own failures (exit status 2)

error-dir = cannot use -C { $dir }: { $error }
error-runtime = cannot start the async runtime: { $error }
error-output = writing output: { $error }
error-json-with-format = --json prints JSON; it cannot be combined with --format { $format } (use one of them)
error-command-empty = nothing to predict after `--`: write the go command, e.g. `godoctor check -- go mod tidy`
error-command-not-go = { $word } is not go: write the command as you run it, e.g. `godoctor check -- go mod tidy`
error-command-unsupported = `go { $subcommand }` downloads no modules: godoctor predicts `go mod download`, `go mod tidy`, `go get` and the commands that load packages (`go build`, `go test`, `go vet`, `go list`, `go run`, `go install`, `go generate`)

## The progress line on standard error (its template: "{spinner} <this> {pos}/{len} ({elapsed}) {wide_msg}")

progress-probing = probing

## Layer results in the report (the JSON keeps the error kind itself)
layer-result-alert = TLS alert
layer-result-auth-failed = auth failed
layer-result-auth-required = auth required
layer-result-bad-certificate = bad certificate
layer-result-bad-server-name = bad server name
layer-result-bad-url = bad URL
layer-result-blocked = blocked
layer-result-body-stalled = body stalled
layer-result-body-too-large = body too large
layer-result-captive-portal = captive portal
layer-result-connect-refused = CONNECT refused
layer-result-dns = DNS error
layer-result-empty = no records
layer-result-eof-after-client-hello = closed after ClientHello
layer-result-eof-during-handshake = closed during handshake
layer-result-error = error
layer-result-expired = expired
layer-result-file-error = file error
layer-result-forbidden = forbidden
layer-result-git-auth-required = git auth required
layer-result-git-bad-advertisement = git bad advertisement
layer-result-git-forbidden = git forbidden
layer-result-git-login-page = git login page
layer-result-git-not-a-repository = git not a repository
layer-result-git-not-runnable = git not runnable
layer-result-git-repo-not-found = git repo not found
layer-result-git-server-error = git server error
layer-result-git-status = git status
layer-result-go-import-disagree = go-import disagrees
layer-result-handshake-error = handshake error
layer-result-handshake-stalled = handshake stalled
layer-result-handshake-timeout = handshake timeout
layer-result-headers-timeout = headers timeout
layer-result-headers-too-large = headers too large
layer-result-html-error = HTML error page
layer-result-incompatible = incompatible
layer-result-internal = internal
layer-result-invalid-payload = invalid payload
layer-result-invalid-repo-root = invalid repo root
layer-result-invalid-subdir = invalid subdir
layer-result-latest-status = /latest status
layer-result-lookup-not-found = /lookup not found
layer-result-lookup-status = /lookup status
layer-result-malformed = malformed
layer-result-multiple-go-imports = multiple go-imports
layer-result-name-mismatch = name mismatch
layer-result-no-go-import = no go-import
layer-result-no-nameserver = no nameserver
layer-result-no-roots = no roots
layer-result-not-found = not found
layer-result-not-http = not HTTP
layer-result-not-ssh = not SSH
layer-result-not-tls = not TLS
layer-result-not-tls-http = plain HTTP, not TLS
layer-result-not-yet-valid = not yet valid
layer-result-nxdomain = no such host (NXDOMAIN)
layer-result-protocol = protocol
layer-result-proxy = proxy error
layer-result-rcode = DNS error code
layer-result-redirect-insecure = redirect insecure
layer-result-insecure-credentials = credentials over plain http refused
layer-result-refused = refused
layer-result-reset = reset
layer-result-reset-after-client-hello = reset after ClientHello
layer-result-reset-during-handshake = reset during handshake
layer-result-servfail = server failure (SERVFAIL)
layer-result-signature-invalid = signature invalid
layer-result-signature-unknown-key = signature unknown key
layer-result-slow-progress = slow progress
layer-result-ssh-auth = SSH auth failed
layer-result-ssh-banner-timeout = SSH banner timeout
layer-result-ssh-closed = SSH closed
layer-result-ssh-host-key = unknown SSH host key
layer-result-ssh-protocol-obsolete = SSH protocol obsolete
layer-result-status = HTTP status
layer-result-timeout = timeout
layer-result-tls = TLS error
layer-result-too-many-redirects = too many redirects
layer-result-unknown-issuer-interception = unknown issuer (interception)
layer-result-unknown-issuer-missing-root = unknown issuer (missing root)
layer-result-unknown-issuer-private-ca = unknown issuer (private CA)
layer-result-unknown-vcs = unknown vcs
layer-result-unreachable = unreachable
layer-result-unsupported-proxy-scheme = unsupported proxy scheme

## The summary: one row per part of go's route
summary-configuration = Configuration
summary-proxies = Module proxies
summary-sumdb = Checksum database
summary-direct = Direct (VCS)
summary-toolchain = Toolchain
summary-http-proxy = HTTP proxy
summary-unused = not on go's route
summary-not-probed = not probed (--offline)
summary-not-reached = not reached: go stops or succeeds before it
report-verdict-offline = (configuration only)
report-canary = no go.mod here: checking { $modules } in its place
report-checked = checked in { $seconds } s
report-checked-offline = checked in { $seconds } s, offline
report-more-with-v = {" "}· settings and every probe: -v
report-off-route = (off go's route)
markdown-title = godoctor report
note-simplified-only = only Simplified Chinese is available: the report follows in Simplified Chinese

## The spinner while probes run (stderr, terminals only)
progress-step = · { $pending } pending: { $hosts }
# $timeout: the run's --timeout (or godoctor.toml's, else 10s); $grace: the extra time allowed.
run-deadline-exceeded = stopped: the run took longer than its --timeout { $timeout } plus { $grace } (reading or checking very large inputs); nothing was reported
