//! `ip_address`: an IPv4 dotted quad or an IPv6 address.
//!
//! IPv4 is four decimal numbers 0–255 without leading zeros (`010.0.0.1` is
//! ambiguous, octal to some parsers, and refused). IPv6 is any RFC 4291 text form,
//! including `::` compression and an embedded IPv4 tail; brackets and zone ids
//! (`fe80::1%eth0`) are refused.
//!
//! ```
//! use dwolla_validator::rules::ip_address::is_ip;
//! assert!(is_ip("10.10.10.10"));
//! assert!(is_ip("2001:db8::1"));
//! assert!(!is_ip("256.1.1.1"));
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "ip_address",
    codes: &[Code::InvalidFormat],
    summary: "An IPv4 dotted quad or an IPv6 address.",
};

/// `true` for an IPv4 or IPv6 address: exactly the texts that
/// `std::net::Ipv4Addr` and `Ipv6Addr` parse (a property test holds the two to
/// each other), read by hand because std's address parser costs about 3.5 KB of
/// `.wasm`.
pub fn is_ip(s: &str) -> bool {
    // The longest IPv6 text form is 45 characters; stop huge input early.
    let b = s.as_bytes();
    b.len() <= 45 && (whole(b, read_ipv4) || whole(b, read_ipv6))
}

/// `true` when `read` reads all of `b`.
fn whole(b: &[u8], read: fn(&[u8], &mut usize) -> Option<()>) -> bool {
    let mut at = 0;
    read(b, &mut at).is_some() && at == b.len()
}

/// Reads a number of at most `max_digits` digits in `radix` at `*at`; `None` (and
/// `*at` unchanged) when there is none. Decimal numbers refuse a leading zero
/// before more digits (`010` is octal to some parsers).
fn read_number(b: &[u8], at: &mut usize, radix: u32, max_digits: usize, max: u32) -> Option<u32> {
    let start = *at;
    let mut value = 0u32;
    let mut digits = 0;
    while digits < max_digits {
        let Some(d) = b.get(*at).and_then(|&c| char::from(c).to_digit(radix)) else {
            break;
        };
        if radix == 10 && digits == 1 && value == 0 {
            *at = start;
            return None;
        }
        value = value * radix + d;
        digits += 1;
        *at += 1;
    }
    if digits == 0 || value > max {
        *at = start;
        return None;
    }
    Some(value)
}

fn read_ipv4(b: &[u8], at: &mut usize) -> Option<()> {
    let start = *at;
    for i in 0..4 {
        if i > 0 && b.get(*at) != Some(&b'.') || read_part(b, at, i > 0).is_none() {
            *at = start;
            return None;
        }
    }
    Some(())
}

/// One dotted-quad part, after its dot when `after_dot`.
fn read_part(b: &[u8], at: &mut usize, after_dot: bool) -> Option<u32> {
    let start = *at;
    *at += usize::from(after_dot);
    let n = read_number(b, at, 10, 3, 255);
    if n.is_none() {
        *at = start;
    }
    n
}

/// Reads up to `limit` groups separated by `:` (an IPv4 tail counts as two);
/// how many, and whether the last was IPv4. As std's `read_groups`.
fn read_groups(b: &[u8], at: &mut usize, limit: usize) -> (usize, bool) {
    for i in 0..limit {
        let before = *at;
        let sep_ok = i == 0 || b.get(*at) == Some(&b':');
        if sep_ok {
            *at += usize::from(i > 0);
            if i + 1 < limit && read_ipv4(b, at).is_some() {
                return (i + 2, true);
            }
            if read_number(b, at, 16, 4, u32::MAX).is_some() {
                continue;
            }
        }
        *at = before;
        return (i, false);
    }
    (limit, false)
}

fn read_ipv6(b: &[u8], at: &mut usize) -> Option<()> {
    let (head, head_ipv4) = read_groups(b, at, 8);
    if head == 8 {
        return Some(());
    }
    // An IPv4 part is only allowed at the end, not before `::`.
    if head_ipv4 || b.get(*at..*at + 2) != Some(b"::".as_slice()) {
        return None;
    }
    *at += 2;
    read_groups(b, at, 8 - (head + 1));
    Some(())
}

/// Accepts an IP address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpAddress;

impl Rule for IpAddress {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words.push("an IPv4 or IPv6 address");
        c.format = Some("ip");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if is_ip(value) {
            Ok(())
        } else {
            Err(Fail::new(Code::InvalidFormat, Msg::IpAddress))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    fn std_says(s: &str) -> bool {
        s.len() <= 45 && (s.parse::<Ipv4Addr>().is_ok() || s.parse::<Ipv6Addr>().is_ok())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// The hand-written reader accepts exactly what std's parser accepts.
        #[test]
        fn agrees_with_std(s in "[0-9a-fA-F:.]{0,45}") {
            prop_assert_eq!(is_ip(&s), std_says(&s), "{:?}", s);
        }
        #[test]
        fn agrees_with_std_on_address_like_text(
            groups in proptest::collection::vec("[0-9a-f]{0,5}|[0-9]{1,3}(\\.[0-9]{1,4}){0,4}", 0..10),
            seps in proptest::collection::vec(prop_oneof![Just(":"), Just("::"), Just("."), Just(":::")], 0..10),
        ) {
            let mut s = String::new();
            for (i, g) in groups.iter().enumerate() {
                s.push_str(g);
                if let Some(sep) = seps.get(i) {
                    s.push_str(sep);
                }
            }
            prop_assert_eq!(is_ip(&s), std_says(&s), "{:?}", s);
        }
    }

    /// Every std-formatted address, written the ways std writes them.
    #[test]
    fn std_formatted_addresses_pass() {
        for seed in 0u32..2000 {
            let x = seed.wrapping_mul(2_654_435_761);
            let v4 = Ipv4Addr::from(x);
            assert!(is_ip(&v4.to_string()), "{v4}");
            let segs = [
                x as u16,
                0,
                0,
                (x >> 16) as u16,
                (seed % 3) as u16,
                0,
                1,
                (x % 7) as u16,
            ];
            let v6 = Ipv6Addr::from(segs);
            assert!(is_ip(&v6.to_string()), "{v6}");
            assert!(is_ip(&v4.to_ipv6_mapped().to_string()));
        }
    }

    #[test]
    fn addresses() {
        for ok in [
            "10.10.10.10",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "::",
            "2001:db8::8a2e:370:7334",
            "::ffff:192.0.2.1",
            "2001:0db8:0000:0000:0000:ff00:0042:8329",
        ] {
            assert!(is_ip(ok), "{ok}");
        }
        for bad in [
            "",
            "10.10.10",
            "10.10.10.10.10",
            "256.0.0.1",
            "010.0.0.1",
            "1.2.3.4 ",
            "[::1]",
            "fe80::1%eth0",
            "2001:db8:::1",
            "localhost",
            "1.2.3.-4",
        ] {
            assert!(!is_ip(bad), "{bad}");
        }
    }
}
