//! `country`: an ISO 3166-1 alpha-2 country code, and the region and postal code
//! rules that depend on it (`region`, `postal_code_intl`).
//!
//! `country` must be two uppercase letters and an assigned code: `US`, `GB`, `DE`.
//! `USA` and `us` are `InvalidFormat`; `XX` is `NotAllowed`.
//!
//! Outside the US, `stateProvinceRegion` is exactly two uppercase letters or digits:
//! the ISO 3166-2 subdivision code, or the country code where a country has no
//! two-character one (London is `GB`, not `LND`). A non-US postal code is optional;
//! when given it is letters and digits, with single spaces or hyphens between them
//! (`SW1A 1AA`, `K1A 0B1`, `10115`), at most 10 characters.
//!
//! ```
//! use dwolla_validator::rules::country::{is_country_code, is_region_code, is_intl_postal_code};
//! assert!(is_country_code("GB"));
//! assert!(!is_country_code("UK"));
//! assert!(is_region_code("ON"));
//! assert!(!is_region_code("LND"));
//! assert!(is_intl_postal_code("SW1A 1AA"));
//! ```

use super::{Constraints, Ctx, Fail, Rule, RuleInfo};
use crate::messages::Msg;
use crate::options::Operation;
use crate::report::Code;

/// Table entry for `country`.
pub const INFO: RuleInfo = RuleInfo {
    id: "country",
    codes: &[Code::InvalidFormat, Code::NotAllowed],
    summary: "An assigned ISO 3166-1 alpha-2 code, two uppercase letters (USA is refused).",
};

/// Table entry for `region`.
pub const REGION: RuleInfo = RuleInfo {
    id: "region",
    codes: &[Code::InvalidFormat],
    summary: "Outside the US: exactly two uppercase letters or digits (ISO 3166-2 subdivision).",
};

/// Table entry for `postal_code_intl`.
pub const POSTAL_INTL: RuleInfo = RuleInfo {
    id: "postal_code_intl",
    codes: &[Code::InvalidFormat],
    summary: "Outside the US: letters and digits, single inner spaces or hyphens, at most 10.",
};

/// Every assigned ISO 3166-1 alpha-2 code, concatenated in sorted order.
const ISO_3166_1: &str = "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

/// `true` for an assigned, uppercase alpha-2 code.
pub fn is_country_code(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 2 || !b.iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    // The table is sorted pairs: a binary search over its 249 codes.
    let codes = ISO_3166_1.as_bytes();
    let (mut lo, mut hi) = (0, codes.len() / 2);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match codes[2 * mid..2 * mid + 2].cmp(b) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// `true` for two uppercase ASCII letters or digits.
pub fn is_region_code(s: &str) -> bool {
    s.len() == 2
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// `true` for a plausible non-US postal code.
pub fn is_intl_postal_code(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 10
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || c == b' ' || c == b'-')
        && !b
            .windows(2)
            .any(|w| !w[0].is_ascii_alphanumeric() && !w[1].is_ascii_alphanumeric())
}

/// Accepts a country code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country;

impl Rule for Country {
    fn id(&self) -> &'static str {
        INFO.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words
            .push("an ISO 3166-1 alpha-2 country code in uppercase");
        c.set_pattern("[A-Z]{2}");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_uppercase()) {
            Err(Fail::new(Code::InvalidFormat, Msg::CountryFormat))
        } else if !is_country_code(value) {
            Err(Fail::new(Code::NotAllowed, Msg::CountryUnknown))
        } else {
            Ok(())
        }
    }
}

/// Accepts a non-US region code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region;

impl Rule for Region {
    fn id(&self) -> &'static str {
        REGION.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words
            .push("two uppercase letters or digits (ISO 3166-2 subdivision)");
        c.set_pattern("[A-Z0-9]{2}");
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if is_region_code(value) {
            Ok(())
        } else {
            Err(Fail::new(Code::InvalidFormat, Msg::Region))
        }
    }
}

/// Accepts a non-US postal code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntlPostalCode;

impl Rule for IntlPostalCode {
    fn id(&self) -> &'static str {
        POSTAL_INTL.id
    }
    fn describe(&self, _: Operation, c: &mut Constraints) {
        c.words
            .push("letters and digits, single spaces or hyphens between them");
        c.max_length = c.max_length.min(Some(10)).or(Some(10));
    }
    fn check(&self, value: &str, _: &Ctx) -> Result<(), Fail> {
        if is_intl_postal_code(value) {
            Ok(())
        } else {
            Err(Fail::new(Code::InvalidFormat, Msg::IntlPostalCode))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ctx;

    #[test]
    fn table_is_sorted_pairs() {
        let codes: Vec<&[u8]> = ISO_3166_1.as_bytes().chunks(2).collect();
        assert_eq!(ISO_3166_1.len() % 2, 0);
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(codes.len(), 249);
    }

    #[test]
    fn countries() {
        for ok in ["US", "GB", "DE", "CA", "MX", "PR", "ZW"] {
            assert!(Country.check(ok, &ctx()).is_ok(), "{ok}");
        }
        assert_eq!(
            Country.check("USA", &ctx()).unwrap_err().code,
            Code::InvalidFormat
        );
        assert_eq!(
            Country.check("us", &ctx()).unwrap_err().code,
            Code::InvalidFormat
        );
        assert_eq!(
            Country.check("UK", &ctx()).unwrap_err().code,
            Code::NotAllowed
        );
        assert_eq!(
            Country.check("XX", &ctx()).unwrap_err().code,
            Code::NotAllowed
        );
    }

    #[test]
    fn regions_and_postal_codes() {
        assert!(is_region_code("GB") && is_region_code("BY") && is_region_code("01"));
        assert!(!is_region_code("LND") && !is_region_code("on") && !is_region_code("O"));
        for ok in ["SW1A 1AA", "K1A 0B1", "10115", "1010-123", "75008"] {
            assert!(is_intl_postal_code(ok), "{ok}");
        }
        for bad in [
            "",
            " 10115",
            "SW1A  1AA",
            "10115-",
            "ABC_123",
            "12345678901",
            "Ä1",
        ] {
            assert!(!is_intl_postal_code(bad), "{bad}");
        }
    }
}
