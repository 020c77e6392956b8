### the messages of findings about what the probes saw (src/diagnose/observe*): finding-<code-kebab>[-<what>]
### Same ids and placeables in ../zh-CN/findings-network.ftl (src/i18n/tests.rs checks).
###
### English and Chinese word many of these findings differently: English gives go's own words
### where they arose, or the facts go acted on (the terse form, ids ending in -terse, and
### finding-terse); Chinese says what failed, then quotes go (the explained form). A finding
### carries both in finding-terse-or-explained, and each language shows its own; the other form
### is written in every language all the same. A value a language leaves out is still named, in
### a select with one variant (`{ $x -> *[other] {""} }`), as the catalog test wants every value
### named in both languages.

## Both forms of a finding; this language shows the terse one.
finding-terse-or-explained =
    { $explained ->
       *[other] {""}
    }{ $terse ->
       *[other] { $terse }
    }

## A failure, tersely: go's words where they arose, and what the route made of it.
finding-terse =
    { $place }: { $words }{ $then ->
        [fell-through] {" "}— go falls through to { $proxy } because of `|`, but tries (and waits for) the broken entry on every download
        [off-route] {" "}(not on the route go takes for the planned modules)
        [off-route-request] {" "}(go does not make this request for the planned modules, though it does use this host)
       *[none] {""}
    }
finding-terse-poisoned = { $host } resolved to { $addresses } — an address that cannot be right for a public name — and then { $layer }
finding-layer =
    { $layer ->
        [dns] DNS
        [tcp] TCP
        [tls] TLS
        [http] HTTP
        [sumdb] the checksum database
       *[proxy] the HTTP proxy
    }
## go's words, as they are.
finding-go-words = { $words }

## A failure, explained: what failed, what the route made of it, go's words.
finding-explained = { $what }{ $then }: { $detail }
## What the route made of a failure: `|` fell through to the next entry; not on go's route.
finding-fell-through = ; GOPROXY separates the entries with a bar (|), so go falls back to { $proxy }, but tries (and waits for) this broken entry first on every download
finding-off-route = { $what ->
        [request] ; go does not make this request for the modules of this run, though it does use this host
       *[route] ; this is not on the route go takes for the modules of this run
    }
## go's or the probe's own words, quoted.
finding-detail = { $detail }
## A code and what it means.
finding-code-meaning = { $code }: { $meaning }

## What failed, per code.
finding-proxy-unreachable = cannot connect to the HTTP proxy { $host }
finding-dns-nxdomain = { $answer ->
        [empty] the DNS lookup of { $host } found no address: the name exists but has no A or AAAA record (NOERROR, empty answer)
       *[other] the DNS lookup of { $host } failed: no such domain (NXDOMAIN)
    }
finding-dns-servfail = the DNS server failed while resolving { $host } (SERVFAIL)
finding-dns-timeout = resolving { $host } timed out: the DNS server does not answer
finding-dns-failed = the DNS lookup of { $host } failed
finding-dns-poisoned-answer = { $why ->
        [hosts] the hosts file (/etc/hosts) pins { $host } to { $addresses }, and nothing answers there ({ $cause })
        [blocker] { $host } resolved to { $addresses }, the answer DNS blockers give for names they block, and the connection failed ({ $cause })
       *[resolver] { $host } resolved to { $addresses } while an encrypted resolver answers differently: the plain DNS answer looks forged (DNS poisoning or hijacking), and the connection failed ({ $cause })
    }
finding-dns-poisoned = the system resolver and an encrypted resolver disagree about { $host }: the plain DNS answer may be forged in transit
finding-tcp-refused = the connection to { $host } was refused: nothing listens on that port, or a firewall rejects it
finding-tcp-blackhole = { $host } cannot be reached: the TCP connection timed out (packets are dropped without any answer)
finding-tcp-reset = the TCP connection to { $host } was reset
finding-tcp-unreachable = { $host } is unreachable: no TCP connection can be made
finding-tls-reset-after-clienthello = the TLS handshake with { $host } was reset right after the ClientHello (SNI filtering, perhaps)
finding-tls-unknown-issuer-interception = the certificate of { $host } comes from a CA this system does not trust: HTTPS traffic looks intercepted and re-signed by a device in between, most likely a company proxy or web filter
finding-tls-unknown-issuer-private-ca = the certificate of { $host } comes from a private CA, which this system does not trust
finding-tls-roots-missing = the certificate of { $host } is not trusted: the system's store lacks the root that issued it
finding-tls-expired = the certificate of { $host } has expired
finding-tls-not-yet-valid = the certificate of { $host } is not valid yet (or this machine's clock is wrong)
finding-tls-name-mismatch = the certificate does not match the name: the server answering for { $host } presents a certificate without { $host }
finding-tls-handshake-timeout = the TLS handshake with { $host } timed out
finding-tls-not-tls = { $host } does not answer with TLS (plain HTTP or another protocol, perhaps)
finding-tls-no-roots = no CA certificates at all, so the certificate of { $host } cannot be verified
finding-tls-handshake-failed = the TLS handshake with { $host } failed
finding-http-captive-portal = { $host } answers with an HTML page instead of module data: this network may want you to log in first (a captive portal)
finding-http-invalid-payload = what { $host } answers does not follow the module proxy protocol
finding-http-stalled = { $host } stalls: the server keeps not sending the answer
finding-http-slow = { $host } answers very slowly, but data still arrives: go has no timeout and keeps waiting, so downloads work, slowly
finding-http-body-too-large = { $host } answers with a response body that is too large
finding-http-redirect-insecure = { $host } redirects an https request to plain http, which go refuses to follow
finding-http-insecure-credentials = { $host } is reached by a plain-http URL with credentials in it: go refuses to send them unencrypted, so it makes no request there at all
finding-http-redirect-loop = { $host } redirects too many times (go follows at most 10)
finding-http-headers-too-large = { $host } answers with response headers that are too large
finding-module-not-found = { $host } answers 404/410: the proxy does not have this module or version
finding-module-not-found-with-status = { $host } answers { $status }: the proxy does not have this module or version
finding-module-not-found-anywhere = no entry of GOPROXY has { $module }: { $detail }
finding-http-unauthorized = { $host } answers 401 (credentials needed)
finding-http-forbidden = { $host } answers 403 (forbidden)
finding-http-server-error = { $host } answers with a server error (5xx)
finding-http-server-error-with-status = { $host } answers { $status } (a server error)
finding-http-status = { $host } answers with an HTTP status go does not expect
finding-http-status-with-status = { $host } answers with the unexpected status { $status }
finding-http-failed = the HTTP request to { $host } failed
finding-proxy-auth-required = the HTTP proxy { $host } answers 407 (proxy authentication required): HTTPS_PROXY needs a user name and password
finding-proxy-forbidden = the HTTP proxy { $host } refuses to connect to the target host (CONNECT forbidden)
finding-proxy-stalled = the HTTP proxy { $host } does not answer
finding-proxy-connect-failed = connecting through the HTTP proxy { $host } failed
finding-sumdb-signature-invalid = the checksum database data from { $host } carries an invalid signature: something in between alters traffic, or the key in GOSUMDB is wrong
finding-sumdb-failed = the answer of the checksum database { $host } fails verification
finding-sumdb-proxy-failed = reaching the checksum database through the module proxy failed ({ $cause }): { $url }
finding-sumdb-lookup-not-found = the checksum database does not know this module: { $url }
finding-sumdb-unreachable = the checksum database { $host } cannot be reached ({ $cause })
finding-vcs-unreachable = the host of the repository, { $host }, cannot be reached ({ $cause })
finding-vcs-unreachable-git = git ls-remote { $git_url }: { $detail }
finding-vcs-discovery-failed = go cannot find the repository of the import path through { $url } (go-get discovery failed)
finding-vcs-discovery-failed-cause = go cannot find the repository of the import path through { $url } (go-get discovery failed) ({ $cause })
finding-vcs-auth-required = git ls-remote { $git_url }: { $detail }
finding-vcs-repo-not-found = git ls-remote { $git_url }: { $detail }
finding-private-module-not-private-lookup = the modules of { $host } are not covered by GOPRIVATE: go asks the public checksum database about them, which does not know them ({ $url })
finding-clock-skew = { $host } says the time is { $skew } s from this machine's clock: certificates may look expired or not yet valid

## What a code means, without the host: beside another code.
short-dns-nxdomain = no such host (NXDOMAIN or no address)
short-dns-servfail = the DNS server failed (SERVFAIL)
short-dns-timeout = the DNS lookup timed out
short-dns-failed = the DNS lookup failed
short-dns-poisoned = the answer looks forged
short-tcp-refused = connection refused
short-tcp-blackhole = the TCP connection timed out
short-tcp-reset = connection reset
short-tcp-unreachable = network unreachable
short-tls-reset-after-clienthello = the TLS handshake was reset after the ClientHello
short-tls-unknown-issuer-interception = the certificate was re-signed by a device in between
short-tls-unknown-issuer-private-ca = the certificate comes from a private CA
short-tls-roots-missing = a root certificate is missing
short-tls-expired = the certificate has expired
short-tls-not-yet-valid = the certificate is not valid yet
short-tls-name-mismatch = the certificate does not match the name
short-tls-handshake-timeout = the TLS handshake timed out
short-tls-not-tls = the peer does not speak TLS
short-tls-no-roots = no CA certificates at all
short-tls-handshake-failed = the TLS handshake failed
short-http-captive-portal = a web page instead of module data
short-http-invalid-payload = an answer of the wrong form
short-http-stalled = the HTTP answer timed out
short-http-slow = a very slow answer
short-http-body-too-large = the response body is too large
short-http-redirect-insecure = redirected from https to plain http
short-http-insecure-credentials = credentials in a plain-http URL
short-http-redirect-loop = too many redirects
short-http-headers-too-large = the response headers are too large
short-module-not-found = 404/410
short-http-unauthorized = HTTP 401 (credentials needed)
short-http-forbidden = HTTP 403 (forbidden)
short-http-server-error = a server error (5xx)
short-http-status = an unexpected HTTP status
short-http-failed = the HTTP request failed
short-proxy-unreachable = the HTTP proxy cannot be reached
short-proxy-auth-required = HTTP 407 (proxy authentication required)
short-proxy-forbidden = the HTTP proxy refused the CONNECT request
short-proxy-stalled = the HTTP proxy does not answer
short-proxy-connect-failed = the connection through the HTTP proxy failed
short-sumdb-signature-invalid = an invalid signature
short-sumdb-failed = the checksum database's answer is wrong

## GOPROXY_COMMA_NO_FALLTHROUGH, seen on a route: `,` stops go before a healthy entry.
finding-goproxy-comma-no-fallthrough-observed = { $proxy } fails ({ $cause }), and GOPROXY separates it from the next entry with a comma: go tries the next entry only after 404 or 410, so it never reaches the healthy entry after it
finding-goproxy-comma-no-fallthrough-observed-terse = { $proxy } fails ({ $cause }), and GOPROXY separates it from the next entry with `,`: go only moves on after 404/410, so it never reaches the healthy entry after it

## The toolchain download.
finding-toolchain-needs-sumdb-download = go must verify the { $target } toolchain with the checksum database, which it does even with GOSUMDB=off: the switch fails
finding-gosumdb-malformed-toolchain = go rejects GOSUMDB={ $value }
finding-gosumdb-malformed-toolchain-terse = GOSUMDB is not a value go accepts, and go must verify the { $target } toolchain with the checksum database: { $error }
finding-toolchain-unavailable = no entry of GOPROXY serves toolchain { $target }
finding-toolchain-unavailable-download-terse = no entry of GOPROXY serves toolchain { $target } (golang.org/toolchain@{ $version })

## A switch in the middle of a command.
finding-toolchain-dependency-too-new = the go.mod of the dependency { $module } asks for Go >= { $need }, and GOTOOLCHAIN does not let go switch toolchains: go fails while loading the module graph
finding-toolchain-dependency-too-new-terse = { $module } needs go >= { $need } and GOTOOLCHAIN={ $gotoolchain } keeps go { $local }: go stops while loading the module graph
finding-goproxy-off-toolchain = GOPROXY=off: go refuses to download any module that is not in the module cache (only modules matching GONOPROXY are still fetched directly)
finding-goproxy-off-toolchain-terse = GOPROXY=off: go cannot list the golang.org/toolchain releases { $module } needs (go >= { $need })
finding-toolchain-unavailable-list-terse = { $module } needs go >= { $need }, and no entry of GOPROXY lists golang.org/toolchain versions
finding-toolchain-unavailable-no-release-terse = { $module } needs go >= { $need }, and the golang.org/toolchain list go gets has no such release
finding-toolchain-unavailable-next-terse = { $module } needs go >= { $need }, and the toolchain list has no such release
finding-toolchain-not-in-path-mid-command = go needs { $target }, but GOTOOLCHAIN makes it look only in PATH, and PATH has none
finding-toolchain-not-in-path-none-terse = { $module } needs go >= { $need } and GOTOOLCHAIN={ $gotoolchain } only looks for it in PATH, where there is none
finding-toolchain-not-in-path-cannot-run-terse = { $module } needs go >= { $need }; go picks { $name } from PATH, but cannot run it from there
finding-toolchain-mid-command-switch = { $module } needs Go >= { $need }: go mod download starts with the running go and switches to { $target } in the middle of the command
finding-toolchain-mid-command-switch-picked = { $module } needs Go >= { $need }: go mod download starts with the running go and, in the middle of the command, switches to a release it picks from the golang.org/toolchain list
finding-toolchain-mid-command-switch-terse = { $module } needs go >= { $need }: go mod download starts with the running go and switches to { $to } in the middle of the command{ $via }
finding-toolchain-picked-release = the release it picks from golang.org/toolchain/@v/list
finding-via = {" "}(via { $via })

## Remediation for what the probes saw (src/diagnose/observe/remediation.rs).
remedy-mark-private = mark it private: fetched directly, never sent to the public proxy or checksum database
remedy-check-system-clock = check the system clock
remedy-install-toolchain-or-proxy = install the Go release go.mod asks for, or use a GOPROXY entry that serves golang.org/toolchain
remedy-gonosumdb-keep-proxy = keep fetching it through { $proxy } and tell go that the public checksum database cannot know it (GOPRIVATE would also send it around the proxy: GOPRIVATE sets GONOPROXY too)
finding-gosum-mismatch = { $kind ->
        [zip] { $file } line { $line } records { $recorded } for the zip of { $module }@{ $version }, but the zip { $proxy } serves hashes to { $downloaded }: go stops with a SECURITY ERROR after the download
       *[gomod] { $file } line { $line } records { $recorded } for { $module }@{ $version }/go.mod, but { $proxy } serves a go.mod whose hash is { $downloaded }: go stops with a SECURITY ERROR
    }
remedy-gosum-who-is-wrong = find out who is wrong before you change anything: a stale or hand-edited go.sum, a proxy serving other bytes, or a re-tagged { $module } { $version } (compare with another GOPROXY entry; the checksum database decides)
remedy-gosum-refetch = if { $file } is the one that is wrong: remove its lines for this version and fetch it again, verified by the checksum database (a backup stays in .bak)
remedy-gosum-line-is-wrong = the checksum database vouches for what the proxy serves: the line in { $file } is stale or was edited by hand
remedy-gosum-release-moved = every source serves the new bytes and no checksum database vouches for { $module } { $version }: the release was most likely re-tagged where it is published. Ask its maintainers to publish a new version instead of moving a tag; accept the new content only if you trust that change
finding-proxy-content-mismatch = { $proxy } serves a go.mod for { $module }@{ $version } whose hash is { $downloaded }, but go.sum and { $witness } both record { $recorded }: the proxy serves altered content and go stops with a SECURITY ERROR
remedy-proxy-content-mismatch = keep go.sum as it is (it is right) and tell the operator of { $proxy }; until it is fixed, take modules from the other entries
remedy-skip-proxy = stop using { $proxy }, which serves altered content
finding-gosum-missing-entry = go.sum has no line for the { $what } of { $module }, and `{ $command }` never adds one (-mod=readonly): go stops before it asks the network
remedy-gosum-add-entry = add the missing lines as go suggests (then commit go.sum)

## Evidence lines godoctor words itself (under a finding)
evidence-public-name-bogus-address = { $split ->
        [yes] { $host } resolved to { $addresses } ({ $reasons }): split-horizon DNS pointing at an internal mirror answers like this, and so does a forged answer; an encrypted resolver (--compare-resolver) tells them apart
       *[no] { $host } resolved to { $addresses } ({ $reasons }), an internal address for a public name
    }
# Why an address cannot be a public name's (the slug of the JSON `reason`).
address-kind = { $kind ->
        [loopback] loopback
        [unspecified] unspecified
        [private] private (RFC 1918)
        [link-local] link-local
        [cgnat] carrier-grade NAT
        [reserved] reserved
        [multicast] multicast
        [unique-local] unique local (private)
        [documentation] reserved for documentation
       *[benchmarks] reserved for benchmarks or documentation
    }
address-kind-and = { $first }, { $rest }
evidence-toolchain-direct-route = { $cause } (on the direct route to golang.org/toolchain, which go reports only as "toolchain not available")
