//! `website`: an absolute `http` or `https` URL whose host has a top-level domain.
//!
//! `https://example.com`, `http://www.example.co.uk/about?x=1` pass. Refused: no
//! scheme (`example.com`), other schemes (`ftp:`), a host without a dot or with a
//! numeric top-level domain (`http://localhost`, `http://10.0.0.1`), user info
//! (`https://user@host.com`), spaces and control characters anywhere.
//!
//! ```
//! use dwolla_validator::rules::website::is_website;
//! assert!(is_website("https://www.example.com/about"));
//! assert!(!is_website("www.example.com"));
//! assert!(!is_website("http://localhost:8080"));
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "website",
    codes: &[Code::InvalidFormat],
    summary: "An absolute http or https URL whose host has a top-level domain.",
};

/// `true` for an absolute http(s) URL with a dotted host and an alphabetic TLD.
pub fn is_website(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() > 2048 || b.iter().any(|&c| c <= b' ' || c == 0x7f) || !s.is_ascii() {
        return false;
    }
    let lower_starts = |p: &[u8]| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    let rest = if lower_starts(b"https://") {
        &b[8..]
    } else if lower_starts(b"http://") {
        &b[7..]
    } else {
        return false;
    };
    let end = rest
        .iter()
        .position(|&c| matches!(c, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = &rest[..end];
    if authority.contains(&b'@') {
        return false;
    }
    let (host, port) = match authority.iter().position(|&c| c == b':') {
        Some(i) => (&authority[..i], Some(&authority[i + 1..])),
        None => (authority, None),
    };
    if let Some(p) = port {
        let number = std::str::from_utf8(p)
            .ok()
            .and_then(|p| p.parse::<u16>().ok());
        if p.is_empty() || !p.iter().all(u8::is_ascii_digit) || number.is_none() {
            return false;
        }
    }
    let host = host.strip_suffix(b".").unwrap_or(host);
    let labels: Vec<&[u8]> = host.split(|&c| c == b'.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| super::email::is_label(l))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic))
}

/// Accepts a website URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Website;

impl Rule for Website {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("an http:// or https:// address");
        c.format = Some("uri");
        c.set_pattern("[Hh][Tt][Tt][Pp][Ss]?://.+");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if is_website(value) {
            Ok(())
        } else {
            Err(Fail::new(Code::InvalidFormat, Msg::Website))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        for ok in [
            "https://example.com",
            "http://www.example.co.uk/about?x=1#top",
            "HTTPS://Example.COM",
            "https://shop.example.com:8443/",
            "https://xn--bcher-kva.de",
        ] {
            assert!(is_website(ok), "{ok}");
        }
        for bad in [
            "",
            "example.com",
            "www.example.com",
            "ftp://example.com",
            "http://localhost",
            "http://10.0.0.1",
            "https://user@example.com",
            "https://exa mple.com",
            "https://example.com/a b",
            "https://-example.com",
            "https://example.c0m",
            "https://example.com:99999",
            "https://",
            "https://.com",
            "http://example",
        ] {
            assert!(!is_website(bad), "{bad}");
        }
    }
}
