### the messages of findings about settings and files (src/diagnose/config_rules/), and the
### remediation only those rules give: finding-<code-kebab>[-<what>], remedy-<what>.
### Same ids and placeables in ../zh-CN/findings-config.ftl (src/i18n/tests.rs checks).
### A value that is go's own words ($detail) is placed verbatim.

# Items godoctor lists, joined as the language joins them: $rest is another list-items or the last item.
list-items = { $first }, { $rest }

## The go installation (config_rules/go_install.rs)

finding-go-not-found = go is not on PATH: godoctor assumed the defaults of the current Go release ({ $version }) and computed every setting itself
finding-go-env-failed = { $path } is installed but `go env -json` failed; the settings shown are godoctor's own computation
finding-config-model-mismatch = godoctor computed { $key }={ $computed } but go reports { $value }; godoctor uses go's value
finding-go-too-old-for-proxy = { $version } predates module proxies, GOPRIVATE and the checksum database (Go 1.13): it fetches every module directly
finding-go-too-old-for-pipe = { $version } does not understand `|` in GOPROXY (Go 1.15+): the whole entry is taken as one URL
remedy-see-what-go-says = see what go itself says
remedy-report-model-mismatch = please report this to godoctor with the output of `godoctor config --json`
remedy-install-current-go = install a current Go release
remedy-use-comma-separators = use `,` separators

## The go/env file and the OS variables that hide it (config_rules/goenv_file.rs)

finding-goenv-off = GOENV=off: go reads no go/env file and `go env -w` cannot save settings
finding-goenv-unavailable = go cannot locate its go/env file ({ $detail }): settings saved with `go env -w` are not read
finding-goenv-file-unreadable = the go/env file cannot be read, so go ignores it: { $detail }
finding-goenv-file-crlf = { $file } has Windows line endings: go keeps the '\r' in the values of { $keys }
finding-goenv-file-not-utf8 = { $file }: the values of { $keys } are not valid UTF-8
finding-goenv-file-ignored-lines = go ignores { $count } line(s) of { $file } (a line must look like KEY=VALUE with an upper-case key)
finding-goenv-file-key-with-space = { $file }: the key { $key } contains a space, so go does not see it as { $name }
finding-goenv-file-duplicates = { $file } sets { $keys } more than once; the last line wins
finding-env-shadows-goenv-file = the OS environment sets { $key }={ $value }, which overrides { $file_value } from the go/env file: `go env -w { $key }=…` will not take effect
remedy-strip-carriage-returns = strip the carriage returns
remedy-unset-in-this-shell = use the go/env value by removing the variable from this shell
remedy-remove-where-set = then remove it where it is set

## GOPROXY (config_rules/goproxy.rs)

finding-goproxy-malformed = go rejects GOPROXY={ $value }: { $detail }
finding-goproxy-off = GOPROXY=off: go refuses to download any module that is not already in the module cache (only GONOPROXY matches are still fetched directly)
finding-goproxy-direct-only = GOPROXY=direct: every module is fetched from its version-control host (git over HTTPS or SSH), which is slower, needs git, and breaks when a repository moves or disappears
finding-goproxy-entries-ignored = go stops reading GOPROXY at `direct` or `off`: { $entries } is never used
finding-goproxy-not-followed = { $kind ->
        [sumdb] none of the first { $first } GOPROXY entries relays the checksum database { $what }, and each lets go move on (404/410, or any failure after `|`)
       *[other] every one of the first { $first } GOPROXY entries fails for { $what } in a way go moves past (404/410, or any failure after `|`)
    }: go goes on to the { $entries } entries after them, which godoctor does not probe, so whether go succeeds, and what it prints, depends on those. Put a working entry among the first { $first }
evidence-last-probed-entry = the last entry godoctor probed: { $words }
finding-goproxy-plain-http = GOPROXY entry { $url } uses plain HTTP: module contents travel unencrypted (the checksum database still protects their integrity)
finding-goproxy-has-credentials = a GOPROXY entry carries credentials in its URL (hidden here); go prints them in error messages with the password replaced, and `go env` shows them in full
finding-goproxy-comma-no-fallthrough = GOPROXY separates proxies with `,`: go moves to the next entry only when a proxy answers 404/410; a proxy that times out or fails stops the download instead of falling through (use `|` to fall through on any error)
remedy-goproxy-default = use a valid list (this is go's default)
remedy-proxy-first-direct-fallback = use a module proxy first, direct as the fallback

## GOSUMDB, the private-module patterns and modules that look private (config_rules/sumdb_private.rs)

finding-gosumdb-malformed = go rejects GOSUMDB={ $value }: { $detail }
finding-gosumdb-off = GOSUMDB=off: go no longer checks downloaded modules against the public checksum database, so a tampered module from a proxy or an intercepted connection goes unnoticed (toolchain downloads still need it)
finding-pattern-has-spaces = { $key }={ $value } has spaces around its commas; go does not trim them, so "{ $pattern }" never matches anything
finding-pattern-malformed = { $key } pattern { $pattern } is not a valid glob (path.Match), so go never matches it
finding-gonoproxy-none = GONOPROXY=none: every module goes through GOPROXY, even ones matching GOPRIVATE
finding-goinsecure-set = GOINSECURE={ $value }: go fetches matching modules directly over plain HTTP or with TLS verification disabled, open to interception (it does not affect GOPROXY or the checksum database)
finding-govcs-malformed = go rejects GOVCS: { $detail }
# $reason: why the host looks private (src/plan.rs PrivateHint; English as the JSON `reason` param has it).
finding-private-module-not-private = modules from { $host } look private ({ $reason ->
        [ip-address] its host is an IP address
        [no-dot] its host has no dot
        [internal-domain] its host is in an internal domain
       *[netrc] you have netrc credentials for its host
    }) but match no GOPRIVATE pattern: go sends their paths to the public proxy and checksum database, and fails to verify them ("reading https://sum.golang.org/lookup/…: 404 Not Found" or "410 Gone")
remedy-default-sumdb = return to the default checksum database, sum.golang.org
remedy-verification-back-on = turn checksum verification back on
remedy-gonosumdb-instead = exclude only your private modules from verification instead
remedy-remove-spaces = remove the spaces
remedy-remove-goinsecure = serve those modules over verified HTTPS and remove GOINSECURE
remedy-fix-govcs = fix or remove GOVCS
remedy-mark-them-private = mark them private: fetched directly and not sent to the checksum database

## GO111MODULE, GOFLAGS and vendor mode (config_rules/goflags.rs)

finding-go111module-off = GO111MODULE=off: go runs in GOPATH mode, so `go mod download` and module downloads are refused
finding-go111module-invalid = GO111MODULE={ $value } is not on, off or auto (lower case): every module-aware go command stops
# $kind: unknown-flag when go names a flag no command has, else non-flag.
finding-goflags-malformed = { $kind ->
        [unknown-flag] every go command except `go env` fails: GOFLAGS={ $value } names a flag no go command has
       *[non-flag] every go command except `go env` fails: GOFLAGS={ $value } contains something that is not a flag
    }
finding-goflags-mod-vendor = go builds from vendor/: no module is downloaded, so GOPROXY and the checksum database are not used (`go mod download` and `go get` still use them)
# $supported: true when this go still has -insecure (before Go 1.17).
finding-goflags-insecure = { $supported ->
        [true] GOFLAGS contains -insecure: this go skips the checksum database and allows plain HTTP for direct fetches
       *[false] GOFLAGS contains -insecure, which go removed in Go 1.17: `go get` now fails with "-insecure flag is no longer supported; use GOINSECURE instead"
    }
remedy-module-mode-back-on = turn module mode back on
remedy-module-mode-default = use go's default (module mode)
remedy-fix-goflags = remove or fix GOFLAGS
remedy-drop-insecure = drop -insecure

## HTTP(S)_PROXY and the TLS environment (config_rules/network_env.rs)

finding-http-proxy-without-https-proxy = { $key } is set but HTTPS_PROXY is not: go sends https:// requests (every proxy, the checksum database, go-get discovery) directly, not through the proxy
finding-http-proxy-malformed = go ignores { $key }: { $detail }
finding-http-proxy-scheme-unsupported = { $key } uses the scheme { $scheme }, which go cannot use (http, https, socks5, socks5h)
finding-all-proxy-ignored = { $key }={ $value } is set, but go ignores ALL_PROXY (curl and git honour it): go connects directly unless HTTPS_PROXY is set
finding-http-proxy-case-conflict = { $key } and { $other } differ; go uses { $key } (curl may use { $other })
finding-ssl-cert-file-missing = SSL_CERT_FILE={ $file } does not exist: it replaces go's list of CA bundles, so unless SSL_CERT_DIR supplies roots every HTTPS connection fails with "certificate signed by unknown authority"
finding-ssl-cert-dir-missing = SSL_CERT_DIR lists directories that do not exist: { $dirs }
remedy-https-through-same-proxy = send https traffic through the same proxy
remedy-give-go-same-proxy = give go the same proxy
remedy-system-ca-bundle = use the system CA bundle again

## git (config_rules/git.rs)

finding-git-not-found = git is not on PATH: the `direct` fallback after the proxies cannot fetch from repositories
finding-git-not-found-module = git is not on PATH, but go fetches { $module } directly from its repository, which needs git
finding-git-config-unreadable = git could not read its configuration, so git itself will fail in direct mode
finding-git-ssl-verify-off = git config { $key }=false ({ $scope } scope, { $origin }): git skips TLS verification for direct fetches, open to interception
finding-git-ssl-verify-off-env = GIT_SSL_NO_VERIFY={ $value } is set: git skips TLS verification for direct fetches
# $count: how many planned modules take the rewritten route.
finding-git-insteadof-ssh = git rewrites { $prefix } to { $base } ({ $origin }): direct fetches use SSH, which needs a key loaded for git and TCP port 22 open{ $count ->
        [0] {""}
       *[other] ; { $count } planned module(s) go this way
    }
finding-git-terminal-prompt-on = GIT_TERMINAL_PROMPT=1: go lets git ask for a password, which hangs in CI instead of failing
remedy-git-verify-back-on-company-ca = turn verification back on (install your company CA with http.sslCAInfo if that is why it was off)
remedy-git-verify-back-on = turn verification back on

## go.mod, go.work and the environment itself (config_rules/project.rs)

finding-gomod-unreadable = { $file }: { $detail }
finding-gomod-unparsable = go cannot parse { $file }: line { $line }: { $detail }
finding-gowork-unparsable = go cannot parse { $file }: line { $line }: { $detail }
finding-env-not-utf8 = these environment variables are not valid UTF-8: { $keys }
remedy-go-mod-edit-json = let go report every problem

## Toolchains (config_rules/toolchain.rs)

finding-go-too-old-for-gomod = { $version } cannot parse this go.mod: its `go` line has three parts or it has a `toolchain` line, which need Go 1.21 or newer
finding-toolchain-local-too-old = go.mod needs a newer Go than the one installed, and GOTOOLCHAIN does not let go download it
finding-gotoolchain-invalid = GOTOOLCHAIN is not a value go accepts: every go command fails except `go env GOTOOLCHAIN` and `go env -w GOTOOLCHAIN=…`
finding-gomod-toolchain-invalid = the toolchain line of go.mod (or go.work) is not a toolchain name go accepts
# $reason: why go switches, in the toolchain decision's English (GOTOOLCHAIN=…, go line in go.mod).
finding-toolchain-switch-path = go switches to { $target } ({ $reason }) and runs { $path } from PATH
finding-toolchain-switch-download = go first downloads toolchain { $target } ({ $reason }): module golang.org/toolchain@{ $version } through GOPROXY, verified by the checksum database
finding-toolchain-not-in-path-startup = go needs { $target } ({ $reason }) and GOTOOLCHAIN={ $gotoolchain } only looks for it in PATH, where there is none
finding-toolchain-needs-sumdb-startup = go must verify the { $target } toolchain with the checksum database, which it does even with GOSUMDB=off: the switch fails
remedy-install-go-for-gomod = install Go 1.21 or newer (go.mod asks for it)
remedy-gotoolchain-auto = let go download the toolchain go.mod asks for (through GOPROXY, verified by the checksum database); or install that Go release
remedy-install-release-into-path = install that Go release into PATH
# $module: the module; $vcs: git, hg, svn, …; $root: the repository root; $detail: go's words.
finding-govcs-disallowed = GOVCS does not let go run { $vcs } for { $root }, so go cannot fetch { $module } directly: { $detail }
# $vcs, $root: as in finding-govcs-disallowed.
remedy-allow-govcs = allow { $vcs } for { $root } in GOVCS (go lists it ahead of its defaults)
# $value: GOAUTH, quoted; go's words are the evidence.
finding-goauth-invalid = go refuses GOAUTH={ $value } and stops at its first download
remedy-fix-goauth = fix GOAUTH: `off` alone, or commands separated by `;` (`netrc`, `git` with an absolute directory, a command of yours)
# $flags: the flags in GOFLAGS.
finding-goflags-unverified = go is not installed, so godoctor cannot tell whether go accepts { $flags } from GOFLAGS: go rejects a flag it does not know ("go: parsing $GOFLAGS: unknown flag"), and only go knows every flag of every command
finding-dependency-gomod-unparsable = the go.mod of { $module } has a line go cannot read even in a dependency, so go stops loading the module graph; only a release of that module with a fixed go.mod, or a replace directive, gets past it: { $detail }
# $file: the path; $what: which input (go.mod, go/env, netrc …); $limit: the cap in MiB; $go: what go does with the file.
finding-input-too-large = { $file } ({ $what }) is larger than { $limit } MiB, more than godoctor reads: only its first lines were checked; { $go }
input-go-reads-whole = go reads the whole file, which may be slow or run out of memory
input-go-never-reads = go does not read this file
# $kind: what the path is instead of a file.
finding-input-not-regular = { $file } ({ $what }) is { $kind }, not a regular file: godoctor did not read it; go would, and may block or never finish
input-type-fifo = a named pipe
input-type-char-device = a character device
input-type-block-device = a block device
input-type-socket = a socket
input-type-other = not a file
# $count: the modules go.mod (or go.work) requires; $max: how many godoctor plans.
finding-input-too-many-modules = the project requires { $count } modules, more than godoctor checks: only the first { $max } were planned and checked
finding-input-too-large-unused = { $file } ({ $what }) is larger than { $limit } MiB, more than godoctor reads: godoctor did not use it; go reads the whole file
