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
        && labels
            .iter()
            .all(|l| super::email::is_label(l) && is_valid_ace(l))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic))
}

/// `true` unless `label` is an IDNA label (`xn--...`) that does not decode, as
/// the URL standard's host parser requires: its punycode must decode (RFC 3492) to
/// a label with at least one non-ASCII character, no control or space characters,
/// and no ASCII other than lowercase letters, digits and hyphens.
/// `xn--bcher-kva` (bücher) passes; `xn--bcher-ka` decodes to a control
/// character and is refused.
fn is_valid_ace(label: &[u8]) -> bool {
    let Some(encoded) = label
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case(b"xn--"))
        .map(|_| &label[4..])
    else {
        return true;
    };
    // Hosts are case-insensitive: the URL parser lowercases before it decodes.
    let Some(decoded) = punycode_decode(&encoded.to_ascii_lowercase()) else {
        return false;
    };
    decoded.iter().any(|c| !c.is_ascii())
        && decoded.iter().all(|&c| {
            if c.is_ascii() {
                c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
            } else {
                !c.is_control() && !c.is_whitespace()
            }
        })
}

/// Decodes RFC 3492 punycode (the part of a label after `xn--`); `None` when it
/// is not well-formed. Labels are at most 63 bytes, so the insertions are cheap.
fn punycode_decode(input: &[u8]) -> Option<Vec<char>> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    fn adapt(delta: u32, points: u32, first: bool) -> u32 {
        let mut delta = if first { delta / DAMP } else { delta / 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
    }
    let (basic, digits) = match input.iter().rposition(|&b| b == b'-') {
        Some(d) => (&input[..d], &input[d + 1..]),
        None => (&input[..0], input),
    };
    let mut out: Vec<char> = basic.iter().map(|&b| char::from(b)).collect();
    if !basic.is_ascii() || digits.is_empty() {
        return None;
    }
    let (mut n, mut i, mut bias) = (128u32, 0u32, 72u32);
    let mut pos = 0;
    while pos < digits.len() {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let digit = match *digits.get(pos)? {
                b @ b'a'..=b'z' => u32::from(b - b'a'),
                b @ b'A'..=b'Z' => u32::from(b - b'A'),
                b @ b'0'..=b'9' => u32::from(b - b'0') + 26,
                _ => return None,
            };
            pos += 1;
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = if k <= bias {
                T_MIN
            } else if k >= bias + T_MAX {
                T_MAX
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let points = u32::try_from(out.len()).ok()? + 1;
        bias = adapt(i - old_i, points, old_i == 0);
        n = n.checked_add(i / points)?;
        i %= points;
        let c = char::from_u32(n).filter(|c| !c.is_ascii())?;
        out.insert(usize::try_from(i).ok()?, c);
        i += 1;
    }
    Some(out)
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

    /// The decoder against RFC 3492's own sample strings (section 7.1) and a few
    /// well-known names.
    #[test]
    fn punycode_samples() {
        for (encoded, decoded) in [
            ("bcher-kva", "bücher"),
            ("mnchen-3ya", "münchen"),
            ("ls8h", "\u{1F4A9}"),
            ("egbpdaj6bu4bxfgehfvwxn", "\u{0644}\u{064A}\u{0647}\u{0645}\u{0627}\u{0628}\u{062A}\u{0643}\u{0644}\u{0645}\u{0648}\u{0634}\u{0639}\u{0631}\u{0628}\u{064A}\u{061F}"),
            ("ihqwcrb4cv8a8dqg056pqjye", "\u{4ED6}\u{4EEC}\u{4E3A}\u{4EC0}\u{4E48}\u{4E0D}\u{8BF4}\u{4E2D}\u{6587}"),
            ("3B-ww4c5e180e575a65lsy2b", "3\u{5E74}B\u{7D44}\u{91D1}\u{516B}\u{5148}\u{751F}"),
        ] {
            let got: String = punycode_decode(encoded.as_bytes()).unwrap().into_iter().collect();
            assert_eq!(got, decoded, "{encoded}");
        }
        assert_eq!(
            punycode_decode(b"bcher-ka").map(|v| v.contains(&'\u{81}')),
            Some(true)
        );
        assert!(punycode_decode(b"99999999999").is_none());
    }

    #[test]
    fn urls() {
        for ok in [
            "https://example.com",
            "http://www.example.co.uk/about?x=1#top",
            "HTTPS://Example.COM",
            "https://shop.example.com:8443/",
            "https://xn--bcher-kva.de",
            "https://XN--BCHER-KVA.de",
            "https://shop.xn--mnchen-3ya.de/",
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
            "http://xn--bcher-ka.de",
            "http://xn--abc-.com",
            "http://xn--.com",
            "http://xn--99999999999.com",
            "http://xn--ab--c.com",
        ] {
            assert!(!is_website(bad), "{bad}");
        }
    }
}
