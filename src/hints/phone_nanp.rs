//! `phone_nanp`: a 10-digit number that cannot be dialled in the North American
//! Numbering Plan.
//!
//! A NANP number is `NPA-NXX-XXXX`: area code, exchange, line. The plan never hands
//! out
//!
//! * an area code or exchange starting with `0` or `1` (those digits are the
//!   operator and long-distance prefixes),
//! * an `N11` area code (`211`, `311`, ..., `911`: service codes),
//! * an area code with `9` in the middle (`N9X`: reserved for expanding the plan),
//! * `555-0100` through `555-0199`: set aside for fiction, films and examples.
//!
//! Such a phone is ten digits, so Dwolla accepts it, but it is not the person's,
//! and identity checks that use the phone fail, sending the Customer to `retry`.
//! Only exactly 10 ASCII digits are judged; anything else is the `phone` rule's.
//!
//! ```
//! use dwolla_validator::hints::phone_nanp::not_diallable;
//! assert!(not_diallable("2125550150")); // fictional 555-01XX
//! assert!(not_diallable("1125551234")); // area code starts with 1
//! assert!(not_diallable("9115551234")); // N11 area code
//! assert!(!not_diallable("2125550250"));
//! assert!(!not_diallable("212-555-0150")); // not 10 digits: the format rule speaks
//! ```

/// `true` for 10 digits that no NANP line can have; `false` for everything else.
pub fn not_diallable(phone: &str) -> bool {
    let b = phone.as_bytes();
    if b.len() != 10 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (npa, nxx, line) = (&b[..3], &b[3..6], &b[6..]);
    let starts_0_or_1 = |d: u8| d == b'0' || d == b'1';
    starts_0_or_1(npa[0])
        || starts_0_or_1(nxx[0])
        || (npa[1] == b'1' && npa[2] == b'1')
        || npa[1] == b'9'
        || (nxx == b"555" && line[0] == b'0' && line[1] == b'1')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_numbers_outside_the_plan() {
        for phone in [
            "0125551234", // area code starts with 0
            "1125551234", // area code starts with 1
            "2120551234", // exchange starts with 0
            "2121551234", // exchange starts with 1
            "2115551234", // N11
            "4115551234",
            "9115551234",
            "2925551234", // N9X
            "3995551234",
            "9995551234",
            "2125550100", // fictional 555-0100..0199
            "2125550150",
            "2125550199",
        ] {
            assert!(not_diallable(phone), "{phone}");
        }
    }

    #[test]
    fn accepts_diallable_numbers() {
        for phone in [
            "2125551234", // 555 outside 0100..0199 is an ordinary exchange
            "2125550099",
            "2125550200",
            "2122555012",
            "5155560100",
            "2105551234", // N10 area codes are real (San Antonio)
            "8005551234",
            "2022000000",
            "9895551234", // 9 last is fine (N8X, Michigan)
            "3125550010",
        ] {
            assert!(!not_diallable(phone), "{phone}");
        }
    }

    #[test]
    fn other_shapes_are_left_to_the_format_rule() {
        for phone in [
            "",
            "555010",
            "12125550150",
            "212-555-0150",
            "(212)5550150",
            "+12125550150",
            "21255501５0",
        ] {
            assert!(!not_diallable(phone), "{phone:?}");
        }
    }
}
