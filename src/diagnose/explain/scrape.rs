//! What can be read off pasted go output without knowing which failure it is: the host go
//! talked to and the module it was working on. (Issue 13 replaces this with a parser of go's
//! error chain.)

/// The word after `marker`, up to a space, `:`, quote or comma.
pub(super) fn word_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let i = text.find(marker)? + marker.len();
    let rest = &text[i..];
    let end = rest
        .find(|c: char| c.is_whitespace() || c == ':' || c == '"' || c == '\'' || c == ',')
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|s| !s.is_empty())
}

/// The host of the first URL in the text, without userinfo or port.
pub(super) fn url_host(text: &str) -> Option<String> {
    let i = text.find("://")?;
    let rest = &text[i + 3..];
    let end = rest
        .find(|c: char| c == '/' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(rest.len());
    let authority = &rest[..end];
    let hostport = authority.rsplit('@').next().unwrap_or(authority);
    let host = hostport
        .rsplit_once(':')
        .filter(|(_, p)| p.bytes().all(|b| b.is_ascii_digit()))
        .map_or(hostport, |(h, _)| h);
    Some(host.to_owned()).filter(|s| !s.is_empty())
}

/// The host of `dial tcp HOST:PORT`, IPv6 brackets included in the reading.
pub(super) fn dial_host(text: &str) -> Option<String> {
    let rest = &text[text.find("dial tcp ")? + "dial tcp ".len()..];
    match rest.strip_prefix('[') {
        Some(v6) => v6.split(']').next().map(str::to_owned),
        None => word_after(text, "dial tcp ").map(str::to_owned),
    }
    .filter(|h| !h.is_empty())
}

/// `go: M@V: …` → `M@V`.
pub(super) fn module_of(text: &str) -> Option<String> {
    for line in text.lines() {
        // Pasted output may start with the command or a blank line.
        let Some(rest) = line.trim().strip_prefix("go: ") else {
            continue;
        };
        let first = rest.split(": ").next()?;
        if first.contains('.')
            && !first.contains(' ')
            && first
                .split('@')
                .next()
                .is_some_and(|p| p.contains('/') || p.contains('.'))
        {
            return Some(first.to_owned());
        }
    }
    None
}
