### remediation descriptions: remedy-<what>
### Same ids and placeables in ../zh-CN/remedies.ftl (src/i18n/tests.rs checks).

## DNS
remedy-resolver-answer = see what your resolver says about { $host }
remedy-resolver-nameservers = check which nameservers go uses
remedy-dns-forged = the answer for { $host } is forged or hijacked: compare with an encrypted resolver (godoctor check --compare-resolver tls://IP#NAME) and ask your network administrator
remedy-hosts-entry = the hosts file pins { $host }: remove or correct that line (it overrides DNS for go too)
remedy-dns-blocked = a DNS filter blocks { $host } (Pi-hole, AdGuard, a company blocklist): ask for it to be allowed, or use a mirror it lets through

## TCP, TLS and the network in between
remedy-all-proxy-ignored = this network may require its proxy ({ $name } is set, which go ignores)
remedy-sni-filtered = connections to { $host } are cut as soon as its name is seen in the TLS handshake (SNI filtering): use a mirror or a proxy that is allowed
remedy-ask-ca = get the CA certificate that signed { $host }'s certificate from your IT department; never turn verification off
remedy-ask-ca-issuer = get the CA certificate that signed { $host }'s certificate (issuer: { $issuer }) from your IT department; never turn verification off
remedy-trust-ca-system = trust it system-wide, in the bundle go reads
remedy-trust-ca-macos = trust it in the System keychain: go on macOS asks the system to verify certificates (it ignores SSL_CERT_FILE)
remedy-trust-ca-go-only = or only for go, in this shell (SSL_CERT_FILE replaces go's CA bundle, so use a bundle that also has the public roots)
remedy-trust-ca-windows = trust it for your Windows user: go on Windows verifies against the system certificate store (it ignores SSL_CERT_FILE)
remedy-check-clock = check the system clock first: a wrong clock makes valid certificates look expired
remedy-cert-out-of-date = if the clock is right, { $host }'s certificate really is out of date: tell its operator, or use another proxy
remedy-name-mismatch = the server answering for { $host } is not { $host }: check the DNS answer and any proxy or firewall that redirects it
remedy-captive-portal = the network answers with a web page instead of the proxy: log in to the network (open any http:// page in a browser) or ask your administrator to allow the proxy

## HTTP and credentials
remedy-needs-credentials = { $host } refuses this request: it may need credentials, which go reads from the netrc file (~/.netrc; %USERPROFILE%\_netrc on Windows) or, since Go 1.24, GOAUTH
remedy-credentials-need-https = go sends credentials only over https: reach { $host } with an https:// URL (credentials in netrc rather than in the URL), or, if it needs none, drop them from the URL
remedy-netrc-credentials = give go credentials for { $host }

## The HTTP proxy (HTTPS_PROXY)
remedy-proxy-credentials = give go the proxy credentials (percent-encode special characters)
remedy-http-proxy-refuses = the HTTP proxy { $host } refuses to connect to the module proxy: ask its administrator to allow it, or use a mirror it allows
remedy-check-http-proxy = check the proxy go uses
remedy-stop-http-proxy = if this network needs no proxy, stop go from using it

## The checksum database
remedy-keep-sumdb = keep the checksum database on: reach it through a module proxy that relays it (`<proxy>/sumdb/sum.golang.org/supported` answers 200), not GOSUMDB=off
remedy-find-relaying-mirror = find a relaying mirror that works from here
remedy-sumdb-wrong-key = the checksum database answer from { $host } is not signed by the expected key: something between you and it alters traffic, or GOSUMDB names the wrong key; do not turn verification off
remedy-check-sumdb-key = check the key go uses

## Repositories go fetches directly
remedy-git-token = let git authenticate to { $host } over HTTPS with a token
remedy-git-ssh = or fetch it over SSH with your key
remedy-check-module-path = check the module path and version in go.mod
remedy-mark-host-private = if it is a private module, mark its host private

## Another module proxy
remedy-healthy-proxy-first = use the proxy entry that passed every layer first
remedy-proxy-pipe = or keep the order and fall through on any error with `|`
remedy-find-mirror = find a module mirror that works from this network (godoctor fix probes the known mirrors: proxy.golang.org, goproxy.cn, goproxy.io, mirrors.aliyun.com/goproxy/)

## A setting the OS environment sets: $why is the step itself, $key the setting
remedy-env-overrides-go-env = { $why } ({ $key } comes from the OS environment, which overrides `go env -w`)
remedy-env-find-and-change = make it permanent: find where { $key } is set and change that line
remedy-env-set-in-os = { $why } ({ $key } is set in the OS environment)
remedy-env-remove-line = make it permanent: remove the line that sets { $key }

## Toolchains and the checksum database (also said by the configuration rules and `explain`).
remedy-sumdb-back-on = turn the checksum database back on (keep private modules out of it with GONOSUMDB)
remedy-or-install-gomod-release = or install the Go release go.mod asks for
remedy-restore-default = restore the default
remedy-download-needed-toolchain = let go download the toolchain it needs
remedy-or-install-release = or install that Go release
remedy-let-go-download = let go download modules
remedy-install-needed-release = install the needed Go release, or use a proxy that serves golang.org/toolchain
remedy-drop-toolchain-line = drop the toolchain line
remedy-or-let-go-download-it = or let go download it
