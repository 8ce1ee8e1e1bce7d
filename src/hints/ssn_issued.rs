//! `ssn_issued`: a Social Security number the SSA has never issued.
//!
//! An SSN is `AAA-GG-SSSS`: area, group and serial. The Social Security
//! Administration has never issued, and since randomization in June 2011 still does
//! not issue, a number with
//!
//! * area `000`, `666`, or `900`–`999` (the 9xx numbers are ITINs and the like),
//! * group `00`, or
//! * serial `0000`.
//!
//! Such a number is well-formed, so Dwolla accepts it, but it cannot belong to the
//! person, so identity verification fails and the Customer lands in `retry`. The
//! last four digits alone (Dwolla accepts 4 on create) are never `0000`.
//!
//! Every other area is assignable since 2011 (`773`, `899`, `734` were unassigned
//! before and are real now), so nothing else is flagged. Only exactly 9 or exactly
//! 4 ASCII digits are judged; anything else is the `ssn` rule's business.
//!
//! ```
//! use dwolla_validator::hints::ssn_issued::never_issued;
//! assert!(never_issued("666123456"));
//! assert!(never_issued("123004567"));
//! assert!(never_issued("0000"));
//! assert!(!never_issued("773123456")); // assignable since 2011
//! assert!(!never_issued("666-12-3456")); // not digits only: the format rule speaks
//! ```

/// `true` for 9 digits with area 000, 666 or 900–999, group 00 or serial 0000, and
/// for the 4 digits `0000`; `false` for everything else.
pub fn never_issued(ssn: &str) -> bool {
    let b = ssn.as_bytes();
    if !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    match b.len() {
        9 => {
            let (area, group, serial) = (&b[..3], &b[3..5], &b[5..]);
            area == b"000"
                || area == b"666"
                || area[0] == b'9'
                || group == b"00"
                || serial == b"0000"
        }
        4 => b == b"0000",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_every_never_issued_part() {
        for ssn in [
            "000123456",
            "666123456",
            "900123456",
            "987654321",
            "999999999",
            "123004567",
            "123450000",
            "000000000",
            "0000",
        ] {
            assert!(never_issued(ssn), "{ssn}");
        }
    }

    #[test]
    fn accepts_assignable_numbers() {
        for ssn in [
            "001010001",
            "123456789",
            "665123456",
            "667123456",
            "773123456",
            "899123456",
            "734123456",
            "202991516",
            "123010001",
            "123459999",
            "0001",
            "1000",
            "1234",
        ] {
            assert!(!never_issued(ssn), "{ssn}");
        }
    }

    #[test]
    fn other_shapes_are_left_to_the_format_rule() {
        for ssn in [
            "",
            "000",
            "00000",
            "00000000",
            "0000000000",
            "666-12-3456",
            "000 00 0000",
            "66612345a",
            "６６６123456",
            "+000",
        ] {
            assert!(!never_issued(ssn), "{ssn:?}");
        }
    }
}
