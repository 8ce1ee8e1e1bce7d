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
use std::net::{Ipv4Addr, Ipv6Addr};

/// Table entry.
pub const INFO: RuleInfo = RuleInfo {
    id: "ip_address",
    codes: &[Code::InvalidFormat],
    summary: "An IPv4 dotted quad or an IPv6 address.",
};

/// `true` for an IPv4 or IPv6 address.
pub fn is_ip(s: &str) -> bool {
    // The longest IPv6 text form is 45 characters; stop huge input early.
    s.len() <= 45 && (s.parse::<Ipv4Addr>().is_ok() || s.parse::<Ipv6Addr>().is_ok())
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
