### what `godoctor explain` says about a pasted error: explain-<code-kebab>[-<variant>]-<part>,
### <part> being summary, meaning, check-<n> (the n-th check; checks that are commands are not
### here) and fix-<n> (the n-th fix's description; its command is not here either).
### Same ids and placeables in ../zh-CN/explain.ftl (src/i18n/tests.rs checks).

## A check that is a command, said as it is in every language.
explain-command = { $command }

## Text no rule recognises.
explain-unknown-summary = godoctor does not recognise this error
explain-unknown-meaning-module = go failed while working on { $module }; run `godoctor check` to probe its route.
explain-unknown-meaning-host = the text names { $host }; run `godoctor check` to probe the routes go takes.
explain-unknown-meaning = run `godoctor check` to see what go will do.

## SUMDB_MISBEHAVIOR: "SECURITY ERROR" + "go.sum database server misbehavior"
explain-sumdb-misbehavior-summary = the checksum database contradicted a tree head go verified earlier
explain-sumdb-misbehavior-meaning = go keeps the last verified tree head of the checksum database; a new answer that is not consistent with it means the database, or something in between, is lying.
explain-sumdb-misbehavior-check-1 = whether a proxy or firewall rewrites traffic to the checksum database
explain-sumdb-misbehavior-check-2 = GOSUMDB and the proxy that relays it
explain-sumdb-misbehavior-fix-1 = after confirming the network is trusted, clear the cached tree head

## SUMDB_CHECKSUM_MISMATCH: "SECURITY ERROR" + "checksum server"
explain-sumdb-checksum-mismatch-summary = the downloaded module differs from what the checksum database recorded
explain-sumdb-checksum-mismatch-meaning = the bytes go downloaded do not match the hash the checksum database holds for this version: the proxy served altered content, or the download was tampered with.
explain-sumdb-checksum-mismatch-check-1 = which GOPROXY entry served the module (go env GOPROXY)
explain-sumdb-checksum-mismatch-check-2 = whether a TLS-intercepting proxy sits in between
explain-sumdb-checksum-mismatch-fix-1 = fetch it from another proxy and compare
explain-sumdb-checksum-mismatch-fix-2 = never set GOSUMDB=off or GONOSUMDB to silence this

## GOSUM_MISMATCH: "SECURITY ERROR" + "go.sum"
explain-gosum-mismatch-summary = the downloaded module differs from the hash in go.sum
explain-gosum-mismatch-meaning = go.sum records what an earlier download looked like; this download differs. Either the module was re-tagged upstream, or the download was altered.
explain-gosum-mismatch-check-1 = git log -p go.sum for the module's line
explain-gosum-mismatch-check-2 = whether the module author re-published the version

## TOOLCHAIN_NEEDS_SUMDB: "checksum database disabled by GOSUMDB=off"
explain-toolchain-needs-sumdb-summary = go must verify a toolchain download, but GOSUMDB=off
explain-toolchain-needs-sumdb-meaning = since Go 1.21 a go.mod that asks for a newer Go makes go download golang.org/toolchain; go always verifies toolchains with the checksum database, even with GOSUMDB=off.
explain-toolchain-needs-sumdb-check-2 = the go and toolchain lines of go.mod
explain-toolchain-needs-sumdb-fix-1 = turn the checksum database back on
explain-toolchain-needs-sumdb-fix-2 = or install the Go release go.mod asks for

## TOOLCHAIN_UNAVAILABLE: "toolchain not available"
explain-toolchain-unavailable-summary = no GOPROXY entry served the Go toolchain go.mod asks for
explain-toolchain-unavailable-meaning = go tried to download golang.org/toolchain for the Go version in go.mod or go.work; the proxies did not have it, or the direct route to go.dev failed.
explain-toolchain-unavailable-check-1 = the go/toolchain lines of go.mod
explain-toolchain-unavailable-fix-1 = install the needed Go release, or use a proxy that serves golang.org/toolchain

## TOOLCHAIN_LOCAL_TOO_OLD: "requires go >=" + "GOTOOLCHAIN=local"
explain-toolchain-local-too-old-summary = go.mod needs a newer Go and GOTOOLCHAIN=local forbids switching
explain-toolchain-local-too-old-meaning = the installed go is older than the go line of go.mod (or a dependency's), and GOTOOLCHAIN=local tells go never to download a newer one.
explain-toolchain-local-too-old-check-3 = the go line of go.mod
explain-toolchain-local-too-old-fix-1 = let go download the toolchain it needs
explain-toolchain-local-too-old-fix-2 = or install that Go release

## GOTOOLCHAIN_INVALID: "invalid GOTOOLCHAIN"
explain-gotoolchain-invalid-summary = GOTOOLCHAIN has a value go does not accept
explain-gotoolchain-invalid-meaning = GOTOOLCHAIN must be local, auto, path, a toolchain name like go1.22.3, or a name with +auto or +path; with anything else every go command fails except `go env GOTOOLCHAIN` and `go env -w GOTOOLCHAIN=…`.
explain-gotoolchain-invalid-fix-1 = reset it (this command works even now)

## GOMOD_TOOLCHAIN_INVALID: "invalid toolchain" + "in go."
explain-gomod-toolchain-invalid-summary = the toolchain line of go.mod or go.work is not a toolchain name
explain-gomod-toolchain-invalid-meaning = a toolchain line names a release such as go1.22.3 (or default); go cannot select anything else.
explain-gomod-toolchain-invalid-check-1 = the toolchain line of go.mod / go.work
explain-gomod-toolchain-invalid-fix-1 = drop the toolchain line

## GOMOD_TOOLCHAIN_INVALID: "is a language version but not a toolchain version"
explain-gomod-toolchain-invalid-language-version-summary = the toolchain line names a language version (go1.22), not a release (go1.22.0)
explain-gomod-toolchain-invalid-language-version-meaning = `toolchain go1.22` is not normalised: go looks for a download named go1.22, which does not exist.
explain-gomod-toolchain-invalid-language-version-check-1 = the toolchain line of go.mod / go.work
explain-gomod-toolchain-invalid-language-version-fix-1 = name a release

## TOOLCHAIN_NOT_IN_PATH: "cannot find" + "in PATH"
explain-toolchain-not-in-path-summary = GOTOOLCHAIN=path (or +path) and the needed goX.Y.Z is not in PATH
explain-toolchain-not-in-path-meaning = in path mode go never downloads toolchains: it runs a goX.Y.Z binary from PATH or fails.
explain-toolchain-not-in-path-check-2 = which the goX.Y.Z binary
explain-toolchain-not-in-path-fix-1 = or let go download it

## TOOLCHAIN_UNAVAILABLE: "switching to go >="
explain-toolchain-unavailable-switching-summary = go needed a newer toolchain in the middle of a command and found none
explain-toolchain-unavailable-switching-meaning = go get, go mod tidy or go mod download met a dependency needing a newer Go; go lists golang.org/toolchain versions through GOPROXY (or goX binaries in PATH) and found no suitable one.

## TOOLCHAIN_SWITCH_LOOP: "too many toolchain switches"
explain-toolchain-switch-loop-summary = go kept switching toolchains
explain-toolchain-switch-loop-meaning = each toolchain go switched to asked for another one: usually a GOTOOLCHAIN set in the environment of a toolchain that is itself too old.

## TOOLCHAIN_MARKER_LEAKED: "invoked to provide"
explain-toolchain-marker-leaked-summary = a toolchain switch marker leaked into the environment
explain-toolchain-marker-leaked-meaning = GOTOOLCHAIN_INTERNAL_SWITCH_VERSION is set in the environment, so this go thinks it was started to be another version.
explain-toolchain-marker-leaked-fix-1 = remove it

## GOWORK_GO_TOO_OLD: "listed in go.work file requires go >="
explain-gowork-go-too-old-summary = go.work asks for an older Go than a module it uses
explain-gowork-go-too-old-meaning = every module in the workspace must fit the go line of go.work.
explain-gowork-go-too-old-check-1 = the go line of go.work
explain-gowork-go-too-old-fix-1 = raise it

## GO_TOO_OLD_FOR_GOMOD: "unknown directive: toolchain"
explain-go-too-old-for-gomod-toolchain-directive-summary = this go predates the toolchain directive (Go 1.21)
explain-go-too-old-for-gomod-toolchain-directive-meaning = go.mod has a `toolchain` line, which go older than 1.21 cannot parse.
explain-go-too-old-for-gomod-toolchain-directive-fix-1 = install Go 1.21 or newer

## GO_TOO_OLD_FOR_GOMOD: "invalid go version" + "must match format"
explain-go-too-old-for-gomod-go-line-summary = this go cannot parse a three-part go line (Go 1.21+ syntax)
explain-go-too-old-for-gomod-go-line-meaning = go.mod says `go 1.N.P`; go older than 1.21 only accepts `go 1.N`.
explain-go-too-old-for-gomod-go-line-check-2 = the go line of go.mod
explain-go-too-old-for-gomod-go-line-fix-1 = install Go 1.21 or newer

## GOPROXY_OFF: "module lookup disabled by GOPROXY=off"
explain-goproxy-off-summary = GOPROXY=off forbids downloading modules
explain-goproxy-off-meaning = with GOPROXY=off go only uses the module cache (and fetches GONOPROXY matches directly).
explain-goproxy-off-fix-1 = let go download modules

## GOFLAGS_MOD_VENDOR: "module lookup disabled by -mod="
explain-goflags-mod-vendor-summary = go is in vendor mode and will not download modules
explain-goflags-mod-vendor-meaning = with -mod=vendor (the default when go.mod says go ≥ 1.14 and vendor/ exists) go builds from vendor/ and refuses module lookups.
explain-goflags-mod-vendor-fix-1 = refresh vendor/ from the network
explain-goflags-mod-vendor-fix-2 = or build with modules

## GOPROXY_MALFORMED: "GOPROXY list is not the empty string, but contains no entries"
explain-goproxy-malformed-empty-summary = GOPROXY is set but names no proxy
explain-goproxy-malformed-empty-meaning = GOPROXY is something like `,` or blank, or an empty `GOPROXY=` line in the go/env file hides the default from $GOROOT/go.env (Go 1.21+).
explain-goproxy-malformed-empty-fix-1 = restore the default

## GOPROXY_MALFORMED: "invalid proxy URL"
explain-goproxy-malformed-entry-summary = go rejects a GOPROXY entry
explain-goproxy-malformed-entry-meaning = every GOPROXY entry must be a URL with http, https or file scheme (or direct/off).
explain-goproxy-malformed-entry-fix-1 = use a valid list

## GOSUMDB_MALFORMED: "missing GOSUMDB"
explain-gosumdb-malformed-missing-summary = GOSUMDB is empty
explain-gosumdb-malformed-missing-meaning = an empty `GOSUMDB=` line in the go/env file hides the default from $GOROOT/go.env (Go 1.21+), or $GOROOT/go.env is missing.
explain-gosumdb-malformed-missing-fix-1 = restore the default

## GOSUMDB_MALFORMED: "invalid GOSUMDB"
explain-gosumdb-malformed-invalid-summary = go rejects GOSUMDB
explain-gosumdb-malformed-invalid-meaning = GOSUMDB must be `off`, `sum.golang.org`, or `<name>+<hash>+<key> [url]` with a valid key.
explain-gosumdb-malformed-invalid-fix-1 = restore the default

## PRIVATE_MODULE_NOT_PRIVATE: "verifying" + "sum.golang.org/lookup" + "410 Gone"
explain-private-module-not-private-public-sumdb-summary = the public checksum database does not know this module: it is private or unpublished
explain-private-module-not-private-public-sumdb-meaning = go asked sum.golang.org (directly or through a proxy's /sumdb/) about a module it cannot fetch: typically a private module that GOPRIVATE/GONOSUMDB does not cover.
explain-private-module-not-private-public-sumdb-check-2 = whether the module path is public
explain-private-module-not-private-public-sumdb-fix-1 = mark the private module's host private

## PRIVATE_MODULE_NOT_PRIVATE: "verifying" + "/lookup/" + "404 Not Found"
explain-private-module-not-private-summary = the checksum database does not know this module: it is private or unpublished
explain-private-module-not-private-meaning = go asked the checksum database about a module it cannot fetch: typically a private module that GOPRIVATE/GONOSUMDB does not cover.
explain-private-module-not-private-fix-1 = mark the private module's host private

## VCS_AUTH_REQUIRED: "terminal prompts disabled"
explain-vcs-auth-required-https-summary = git needs credentials for a repository go fetches directly
explain-vcs-auth-required-https-meaning = go runs git with GIT_TERMINAL_PROMPT=0, so git fails instead of asking for a user name and password.
explain-vcs-auth-required-https-check-1 = git ls-remote https://<repo> (does it ask for a password?)
explain-vcs-auth-required-https-check-2 = the netrc file (~/.netrc; %USERPROFILE%\_netrc on Windows) and git's credential helper
explain-vcs-auth-required-https-fix-1 = store a token for the host
explain-vcs-auth-required-https-fix-2 = or use SSH

## VCS_AUTH_REQUIRED: "Permission denied (publickey"
explain-vcs-auth-required-ssh-key-summary = the git host rejected your SSH key
explain-vcs-auth-required-ssh-key-meaning = git fetches over SSH (usually an insteadOf rewrite) and no key it offered is accepted.
explain-vcs-auth-required-ssh-key-fix-1 = load your key

## VCS_AUTH_REQUIRED: "Could not read from remote repository"
explain-vcs-auth-required-access-summary = git could not read the repository (credentials or access)
explain-vcs-auth-required-access-meaning = git reached the host but was not allowed to read the repository, or could not connect over SSH.
explain-vcs-auth-required-access-fix-1 = check access with the same URL git uses

## VCS_DISCOVERY_FAILED: "unrecognized import path"
explain-vcs-discovery-failed-summary = go could not find the repository behind an import path
explain-vcs-discovery-failed-meaning = for a direct fetch go asks https://<path>?go-get=1 for a go-import meta tag; that request failed or the page had no tag.
explain-vcs-discovery-failed-check-2 = whether the module is private (GOPRIVATE)
explain-vcs-discovery-failed-fix-1 = if it is private, mark it so it is fetched directly (and check the credentials)

## GOVCS_DISALLOWED: "GOVCS disallows"
explain-govcs-disallowed-summary = GOVCS forbids the version-control tool this module needs
explain-govcs-disallowed-meaning = GOVCS limits which VCS go may run for public and private modules (default: git and hg for public).
explain-govcs-disallowed-fix-1 = allow it, e.g.

## PROXY_UNREACHABLE: "proxyconnect tcp"
explain-proxy-unreachable-summary = go could not connect to the HTTP proxy in HTTPS_PROXY
explain-proxy-unreachable-meaning = go sends https requests through HTTPS_PROXY; connecting (or TLS) to that proxy failed.
explain-proxy-unreachable-check-2 = whether the proxy is up and its port right
explain-proxy-unreachable-fix-1 = if this network needs no proxy

## PROXY_AUTH_REQUIRED: "Proxy Authentication Required"
explain-proxy-auth-required-summary = the HTTP proxy wants credentials
explain-proxy-auth-required-meaning = the proxy in HTTPS_PROXY answered CONNECT with 407.
explain-proxy-auth-required-check-1 = env | grep -i https_proxy (are USER:PASSWORD in it?)
explain-proxy-auth-required-fix-1 = give go the credentials

## TLS_UNKNOWN_ISSUER_INTERCEPTION: "certificate signed by unknown authority"
explain-tls-unknown-issuer-interception-summary = go does not trust the certificate it was shown
explain-tls-unknown-issuer-interception-meaning = the server's certificate chains to a CA not in go's roots: a TLS-intercepting proxy or firewall, or a private CA (for an internal host).
explain-tls-unknown-issuer-interception-check-1 = godoctor check -v (shows the presented chain and its issuer)
explain-tls-unknown-issuer-interception-fix-1 = install the CA (never disable verification)

## TLS_EXPIRED: "certificate has expired or is not yet valid"
explain-tls-expired-summary = the certificate is outside its validity period
explain-tls-expired-meaning = either the server's certificate really expired, or this machine's clock is wrong.
explain-tls-expired-fix-1 = fix the clock if it is wrong

## TLS_NAME_MISMATCH: "x509: certificate is valid for"
explain-tls-name-mismatch-summary = the certificate belongs to another name
explain-tls-name-mismatch-meaning = the server that answered is not the host go asked for: a redirecting firewall, a wrong DNS answer, or a misconfigured proxy.

## TLS_NO_ROOTS: "failed to load system roots"
explain-tls-no-roots-summary = go found no CA certificates at all
explain-tls-no-roots-meaning = no CA bundle was readable (SSL_CERT_FILE/SSL_CERT_DIR point nowhere, or ca-certificates is not installed).
explain-tls-no-roots-fix-1 = install the CA bundle

## TLS_HANDSHAKE_TIMEOUT: "TLS handshake timeout"
explain-tls-handshake-timeout-summary = the TLS handshake did not finish within 10 s
explain-tls-handshake-timeout-meaning = TCP connected but the server (or something in between) never completed TLS: often SNI-based filtering that drops the connection silently.

## DNS_NXDOMAIN: "no such host"
explain-dns-nxdomain-summary = the name does not resolve
explain-dns-nxdomain-meaning = the resolver answered that the host does not exist (NXDOMAIN) or has no address.
explain-dns-nxdomain-check-3 = go env GOPROXY (a typo in a proxy name?)

## DNS_SERVFAIL: "server misbehaving"
explain-dns-servfail-summary = the DNS server failed to answer (SERVFAIL/REFUSED)
explain-dns-servfail-meaning = the nameserver in /etc/resolv.conf returned an error instead of an answer.

## DNS_TIMEOUT: "lookup " + "i/o timeout"
explain-dns-timeout-summary = the DNS server did not answer
explain-dns-timeout-meaning = go asked the nameservers of /etc/resolv.conf and none answered in time.

## TCP_REFUSED: "connect: connection refused"
explain-tcp-refused-summary = the host refused the connection
explain-tcp-refused-meaning = nothing listens on that address and port, or a firewall rejects it.
explain-tcp-refused-check-1 = the address and port in the message


## TCP_BLACKHOLE: "dial tcp" + "i/o timeout"
explain-tcp-blackhole-summary = the connection timed out: packets are dropped
explain-tcp-blackhole-meaning = go's dialer waited (30 s by default) without any answer: a firewall drops the traffic or the address is unreachable.
explain-tcp-blackhole-check-1 = godoctor check (tests every address, IPv4 and IPv6)

## TCP_UNREACHABLE: "network is unreachable"
explain-tcp-unreachable-network-summary = no route to the address
explain-tcp-unreachable-network-meaning = this machine has no route to the address (often an IPv6 address on an IPv4-only network).

## TCP_UNREACHABLE: "no route to host"
explain-tcp-unreachable-host-summary = no route to the host
explain-tcp-unreachable-host-meaning = a router or firewall reported the host unreachable.

## HTTP_REDIRECT_INSECURE: "redirected from secure URL"
explain-http-redirect-insecure-summary = an https request was redirected to plain http
explain-http-redirect-insecure-meaning = go refuses to follow a redirect from https to http.
explain-http-insecure-credentials-summary = go will not send credentials over plain http
explain-http-insecure-credentials-meaning = a GOPROXY (or GOSUMDB) URL starts with http:// and has a user name or password in it; go refuses to send them unencrypted and makes no request there at all. With `|` after the entry go tries the next one; with `,` it stops.

## HTTP_REDIRECT_LOOP: "stopped after 10 redirects"
explain-http-redirect-loop-summary = a redirect loop
explain-http-redirect-loop-meaning = go follows at most 10 redirects.

## HTTP_FORBIDDEN: "403 Forbidden"
explain-http-forbidden-summary = the server refused the request (403)
explain-http-forbidden-meaning = the proxy or a firewall in front of it forbids this request; go stops at a `,` separator.
explain-http-forbidden-check-2 = the host's credentials in the netrc file (~/.netrc; %USERPROFILE%\_netrc on Windows)

## MODULE_NOT_FOUND: "404 Not Found"
explain-module-not-found-summary = the proxy does not have this module or version
explain-module-not-found-meaning = every GOPROXY entry answered 404/410: the path or version is wrong, or the module is private.
explain-module-not-found-check-1 = the module path and version

## GO111MODULE_INVALID: "unknown environment setting GO111MODULE="
explain-go111module-invalid-summary = GO111MODULE has a value go does not know
explain-go111module-invalid-meaning = go accepts only on, off, auto or empty, in lower case; anything else stops module-aware commands.
explain-go111module-invalid-fix-1 = use go's default

## GO111MODULE_OFF: "modules disabled by GO111MODULE=off"
explain-go111module-off-summary = module mode is off
explain-go111module-off-meaning = GO111MODULE=off puts go in GOPATH mode.
explain-go111module-off-fix-1 = turn module mode on

## GOFLAGS_MALFORMED: "parsing $GOFLAGS"
explain-goflags-malformed-summary = GOFLAGS has something go cannot parse
explain-goflags-malformed-meaning = every go command except go env fails while GOFLAGS is invalid.
explain-goflags-malformed-fix-1 = remove it

## MODULE_PATH_MALFORMED: "malformed module path"
explain-module-path-malformed-summary = the module path is not valid
explain-module-path-malformed-meaning = a module path must start with a host name containing a dot.
explain-module-path-malformed-check-1 = the import or require line

## VCS_UNKNOWN_REVISION: "unknown revision"
explain-vcs-unknown-revision-summary = the repository has no such version
explain-vcs-unknown-revision-meaning = the tag or commit does not exist in the repository go fetched (or is not visible with these credentials).

## When the text leaves two causes open: the probe that decides.
explain-probe-check = the text alone cannot tell which: `godoctor explain --probe` runs the { $layer } probe of { $host }, which can

## TOOLCHAIN_UNAVAILABLE for a go line without a patch release (`go 1.21`)
explain-toolchain-unavailable-no-patch-summary = go.mod names a language version (like go 1.21), not a release go can download
explain-toolchain-unavailable-no-patch-meaning = since Go 1.21 the go line names a toolchain, and the first release of Go 1.21 is go1.21.0: a go line without the patch number (go 1.21) makes an older go look for a toolchain "go1.21" that does not exist, so every go command fails, even go version.
explain-toolchain-unavailable-no-patch-fix-1 = write the patch release into go.mod
explain-toolchain-unavailable-no-patch-fix-2 = or run the installed go without switching toolchains for now

## SUMDB_UNREACHABLE: DNS, TCP or TLS failing on the checksum route
explain-sumdb-unreachable-summary = go cannot reach the checksum database
explain-sumdb-unreachable-meaning = go checks every module it has not seen in go.sum against the checksum database (GOSUMDB), directly or through a module proxy that relays it; that connection failed, so go stops even though the module itself was downloaded.

## SUMDB_PROXY_FAILED: a relay's /sumdb/ answer
explain-sumdb-proxy-failed-summary = the module proxy relaying the checksum database failed
explain-sumdb-proxy-failed-meaning = go asks the checksum database through the module proxy (<proxy>/sumdb/<name>/…); the proxy answered with an error for it, so the failure is the relay's, not the database's.
explain-sumdb-proxy-failed-supported-summary = the module proxy failed when go asked whether it relays the checksum database
explain-sumdb-proxy-failed-supported-meaning = before using a proxy for the checksum database, go asks <proxy>/sumdb/<name>/supported; 404 or 410 makes go go to the database directly, any other error stops go.

## SUMDB_FAILED: the checksum database's own error answer
explain-sumdb-failed-summary = the checksum database answered with an error
explain-sumdb-failed-meaning = the checksum database itself (GOSUMDB) refused or failed the lookup; go cannot verify the module without it.

## SUMDB_LOOKUP_NOT_FOUND
explain-sumdb-lookup-not-found-summary = the checksum database has no record of this module version
explain-sumdb-lookup-not-found-meaning = the checksum database answered 404 or 410 for the lookup: it could not fetch the module, or GOSUMDB names a database that is not (or no longer) serving.
explain-sumdb-lookup-not-found-check-2 = whether the database named by GOSUMDB is still in service
explain-sumdb-lookup-not-found-fix-1 = go back to the default checksum database

## VCS_UNREACHABLE, reported by the checksum database (its body names the origin's failure)
explain-vcs-unreachable-upstream-summary = the checksum database could not fetch the module from its origin
explain-vcs-unreachable-upstream-meaning = the database answered 404 because its own fetch from the module's repository failed (its response says so): nothing on your side is wrong, the origin host is.
explain-vcs-unreachable-upstream-check-1 = whether the repository is reachable and public right now
explain-vcs-unreachable-upstream-fix-1 = retry later; the database fetches the module again on the next lookup

## HTTP_STATUS 429
explain-http-status-too-many-requests-summary = the module proxy is rate-limiting this client (429 Too Many Requests)
explain-http-status-too-many-requests-meaning = the proxy refuses more requests from your address for a while: many parallel downloads, a shared NAT or CI address, or an operator's limit; go does not retry.

## HTTP_SERVER_ERROR
explain-http-server-error-summary = the server answered with a 5xx error
explain-http-server-error-meaning = the module proxy (or a gateway in front of it) failed while serving the request: the server is broken, overloaded, or its own fetch from upstream failed; go stops at such an answer from a proxy listed with a comma.

## HTTP_STATUS, other
explain-http-status-summary = the server answered with a status go does not accept
explain-http-status-meaning = go accepts 200 from a proxy, and falls through to the next entry only on 404 or 410 (or any error after "|"); any other status stops it.

## HTTP_UNAUTHORIZED
explain-http-unauthorized-summary = the server asks for credentials (401 Unauthorized)
explain-http-unauthorized-meaning = go sent no credentials, or wrong ones; it reads them from the netrc file (~/.netrc; %USERPROFILE%\_netrc on Windows) or, since Go 1.24, GOAUTH.

## HTTP_FAILED: HTTP/2 stream reset or GOAWAY
explain-http-failed-stream-summary = the server cut the HTTP/2 stream
explain-http-failed-stream-meaning = the server (or a load balancer in front of it) reset the HTTP/2 stream or closed the connection mid-request (INTERNAL_ERROR, GOAWAY): a server-side failure.

## TCP_RESET
explain-tcp-reset-summary = the connection was reset
explain-tcp-reset-meaning = something sent a TCP reset: the server, a CDN edge, or a filter on the path; a reset right after the TLS ClientHello means the host name was filtered.
explain-tcp-reset-eof-summary = the connection was closed before an answer came
explain-tcp-reset-eof-meaning = the peer closed the connection without answering (EOF): a server, proxy or filter that drops the connection, often during the TLS handshake.

## TLS_NOT_TLS
explain-tls-not-tls-summary = the server did not speak TLS
explain-tls-not-tls-meaning = go expected a TLS handshake and got something else: an https:// URL pointed at a plain-HTTP port, or an HTTP proxy configured with https:// that speaks plain HTTP.

## TLS_HANDSHAKE_FAILED
explain-tls-handshake-failed-summary = the TLS handshake failed
explain-tls-handshake-failed-meaning = the server and go could not agree on TLS, or the server aborted the handshake (remote error: tls: …).

## VCS_AUTH_REQUIRED: ssh host key
explain-vcs-auth-required-host-key-summary = ssh does not know the git server's host key
explain-vcs-auth-required-host-key-meaning = git fetches over ssh (an insteadOf rule or a git@ URL) and ssh refuses a host it has never seen; go runs git without a terminal, so it cannot ask.
explain-vcs-auth-required-host-key-fix-1 = after checking the key's fingerprint, trust the host

## VCS_REPO_NOT_FOUND
explain-vcs-repo-not-found-summary = the repository does not exist, or is private
explain-vcs-repo-not-found-meaning = git reached the server, which answered that the repository is not there; hosts say this about private repositories too when no credentials are sent.

## VCS_UNREACHABLE
explain-vcs-unreachable-summary = git cannot reach the repository's host
explain-vcs-unreachable-meaning = git (run by go on the direct route) could not connect to the host: its name did not resolve, or the connection was refused or timed out.

## GIT_NOT_FOUND
explain-git-not-found-summary = git is not installed
explain-git-not-found-meaning = the module is fetched directly from its repository (GOPROXY=direct, GOPRIVATE, or a fallback), which needs git on PATH.
explain-git-not-found-fix-1 = install git

## PROXY_FORBIDDEN: `Get URL: Forbidden` (a reason phrase without a code: the HTTP proxy's answer to CONNECT)
explain-proxy-forbidden-summary = the HTTP proxy refused to connect go to the host
explain-proxy-forbidden-meaning = a bare "Forbidden" (no status code) is how Go reports an HTTP proxy (HTTPS_PROXY) that refuses the CONNECT request: the proxy's policy blocks the host, not the host itself.
explain-proxy-forbidden-fix-1 = ask the proxy's administrator to allow the host, or use a module mirror the proxy allows

## MODULE_PATH_MALFORMED: a go.mod that declares another path
explain-module-path-malformed-declared-summary = the module's go.mod declares a different path than the one required
explain-module-path-malformed-declared-meaning = go fetched the module under the path your go.mod (or a dependency's) requires, but its go.mod names another path: the module was renamed or moved, or a fork keeps its upstream's module line.
explain-module-path-malformed-declared-fix-1 = require the module under the path its go.mod declares (update the imports), or add a replace directive for the fork

## MODULE_PATH_MALFORMED: a major version v2+ without /vN in the module path
explain-module-path-malformed-major-summary = a v2+ version of a module whose path has no /vN suffix
explain-module-path-malformed-major-meaning = the module has a go.mod, so its versions v2 and above must be required under a path ending in the major version (/v2, /v3…); the version asked for does not exist under this path.
explain-module-path-malformed-major-fix-1 = require the module with the major version in its path (for example …/v3@v3.2.0), as its go.mod declares

## GOSUM_MISMATCH: a missing go.sum line
explain-gosum-missing-entry-summary = go.sum lacks the lines for a module the build needs
explain-gosum-missing-entry-meaning = since Go 1.16, builds do not add go.sum lines (-mod=readonly): a module without its lines in go.sum stops the build until they are added and verified.
explain-gosum-missing-entry-fix-1 = add the missing lines (verified by the checksum database), then commit go.sum

## HTTP_INVALID_PAYLOAD: a go.mod without a module line
explain-http-invalid-payload-gomod-summary = the go.mod go downloaded has no module line
explain-http-invalid-payload-gomod-meaning = every go.mod starts with a module line; one without it was not written by the module's author: the proxy (or something in between) served a broken or empty file.

## HTTP_PROXY_WITHOUT_HTTPS_PROXY: the paste sets HTTP_PROXY only, and an https:// request failed
explain-http-proxy-without-https-proxy-summary = HTTP_PROXY is set but HTTPS_PROXY is not: go went to the https:// URL directly
explain-http-proxy-without-https-proxy-meaning = go uses HTTP_PROXY only for http:// URLs; every module proxy, the checksum database and go-get discovery are https://, so go connected directly, which this network does not allow.
