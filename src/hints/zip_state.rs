//! `zip_state`: the ZIP code's first three digits belong to another state.
//!
//! The first three digits of a ZIP code (its *prefix*) name the sectional center
//! that sorts its mail, and the Postal Service gives each prefix to one state or
//! territory: `100`–`149` are New York, `900`–`961` California. A payload with
//! `"postalCode": "10001"` and `"state": "CA"` is well-formed, so Dwolla accepts it,
//! but one of the two is wrong, and identity verification, which matches the address
//! against credit-bureau records, then fails and the Customer lands in `retry`.
//!
//! The hint only speaks when it is sure. [`mismatch`] is `true` when the prefix is
//! assigned, `state` is a code Dwolla accepts, and `state` is not among the prefix's
//! states. It stays silent:
//!
//! * for unassigned prefixes (`000`–`004`, `213`, `419`, ..., `987`) and anything
//!   that is not `NNNNN` or `NNNNN-NNNN` (the `postal_code` rule reports those);
//! * where ZIPs of a prefix reach over a state line: `063` is Connecticut but also
//!   06390 Fishers Island, New York; `739` is Oklahoma but also 73960 Texhoma,
//!   Texas. Such prefixes list every state they serve, including the 13 ZIP codes
//!   whose Census tabulation areas straddle a line (42223 Fort Campbell, KY and TN);
//! * for military prefixes (`090`–`098` AE, `340` AA, `962`–`966` AP): Dwolla has no
//!   code for them, so the person had no right answer to give.
//!
//! Some prefixes sit inside another state's run: `005` (IRS, Holtsville) is New
//! York, `055` (IRS, Andover) Massachusetts, `201` Virginia, `569` Washington DC,
//! `733` (IRS, Austin) and `885` (El Paso) Texas.
//!
//! The table is checked against every ZIP code of the `zipcodes` npm package by
//! `tests/hints_zip.rs` (the counts are in `tests/vectors/zip-prefixes.json`).
//!
//! ```
//! use dwolla_validator::hints::zip_state::{mismatch, prefix_states};
//! assert_eq!(prefix_states("10001"), Some(&["NY"][..]));
//! assert!(mismatch("10001", "CA"));
//! assert!(!mismatch("10001", "NY"));
//! assert!(!mismatch("06390", "NY")); // Fishers Island, served from Connecticut
//! assert!(!mismatch("09012", "NY")); // military: silent
//! assert!(!mismatch("21301", "MD")); // 213 is unassigned: silent
//! ```

use crate::const_text::same_text;
use crate::rules::state::is_state_code;

/// Every state list a prefix can have is a run of this array: the singles, and
/// the lists of prefixes that serve more than one state (sorted within each run).
/// Returning runs of one static array keeps the table small: a range is 6 bytes.
static CODES: [&str; 67] = [
    // Runs for prefixes that serve several states or territories.
    "AS", "HI", "UM", // 967, 968
    "FM", "GU", "MH", "MP", "PW", // 969
    "DC", "MD", "VA", // 205
    "CT", "NY", // 063
    "MA", "RI", // 028
    "KY", "TN", // 422
    "MT", "ND", // 592
    "IL", "MO", // 636
    "AR", "LA", // 717
    "OK", "TX", // 739
    "AZ", "NM", "TX", // 865, 880
    "CO", "NM", // 811
    "AZ", "UT", // 845, 860
    "ID", "WY", // 834
    "CA", "NV", // 894
    "CA", "OR", // 976
    // The others, alone.
    "AA", "AE", "AK", "AL", "AP", "DE", "FL", "GA", "IA", "IN", "KS", "ME", "MI", "MN", "MS", "NC",
    "NE", "NH", "NJ", "OH", "PA", "PR", "SC", "SD", "VI", "VT", "WA", "WI", "WV",
];

/// A run of prefixes, `first..=last`, that serve the states `CODES[at..at + len]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Range {
    first: u16,
    last: u16,
    at: u8,
    len: u8,
}

/// Builds a [`Range`] at compile time, finding `states` as a run of [`CODES`]; a
/// list that is not one fails the build.
const fn r(first: u16, last: u16, states: &[&str]) -> Range {
    let mut at = 0;
    while at + states.len() <= CODES.len() {
        let mut k = 0;
        while k < states.len() && same_text(CODES[at + k], states[k]) {
            k += 1;
        }
        if k == states.len() {
            return Range {
                first,
                last,
                at: at as u8,
                len: states.len() as u8,
            };
        }
        at += 1;
    }
    panic!("a state list of the ZIP table is not a run of CODES")
}

/// The 3-digit prefixes, sorted and not overlapping; prefixes in no range are
/// unassigned. Written as `r(first, last, states)`; only the numbers are kept.
static RANGES: [Range; 126] = [
    // IRS, Holtsville NY.
    r(5, 5, &["NY"]),
    // 006–009: Puerto Rico, but 008 is the Virgin Islands.
    r(6, 7, &["PR"]),
    r(8, 8, &["VI"]),
    r(9, 9, &["PR"]),
    r(10, 27, &["MA"]),
    // 02861 Pawtucket RI reaches into MA.
    r(28, 28, &["MA", "RI"]),
    r(29, 29, &["RI"]),
    r(30, 38, &["NH"]),
    r(39, 49, &["ME"]),
    r(50, 54, &["VT"]),
    // IRS, Andover MA, inside Vermont's run.
    r(55, 55, &["MA"]),
    r(56, 59, &["VT"]),
    r(60, 62, &["CT"]),
    // 06390 Fishers Island NY is served from Connecticut.
    r(63, 63, &["CT", "NY"]),
    r(64, 69, &["CT"]),
    r(70, 89, &["NJ"]),
    // APO/FPO Europe (099 unused).
    r(90, 98, &["AE"]),
    r(100, 149, &["NY"]),
    r(150, 196, &["PA"]),
    r(197, 199, &["DE"]),
    // 200 and 202–205 DC; 201 is northern Virginia (Dulles).
    r(200, 200, &["DC"]),
    r(201, 201, &["VA"]),
    r(202, 204, &["DC"]),
    // federal unique ZIPs: 20588 (MD) and 20598 (VA).
    r(205, 205, &["DC", "MD", "VA"]),
    // 213 unused.
    r(206, 212, &["MD"]),
    r(214, 219, &["MD"]),
    r(220, 246, &["VA"]),
    r(247, 268, &["WV"]),
    r(270, 289, &["NC"]),
    r(290, 299, &["SC"]),
    r(300, 319, &["GA"]),
    r(320, 339, &["FL"]),
    // APO/FPO Americas; 343, 345 and 348 unused.
    r(340, 340, &["AA"]),
    r(341, 342, &["FL"]),
    r(344, 344, &["FL"]),
    r(346, 347, &["FL"]),
    r(349, 349, &["FL"]),
    // 353 unused.
    r(350, 352, &["AL"]),
    r(354, 369, &["AL"]),
    r(370, 385, &["TN"]),
    r(386, 397, &["MS"]),
    // Georgia again (IRS Chamblee and others).
    r(398, 399, &["GA"]),
    // 419 unused.
    r(400, 418, &["KY"]),
    r(420, 421, &["KY"]),
    // 42223 Fort Campbell straddles KY and TN.
    r(422, 422, &["KY", "TN"]),
    r(423, 427, &["KY"]),
    r(430, 459, &["OH"]),
    r(460, 479, &["IN"]),
    r(480, 499, &["MI"]),
    // 517–519 unused.
    r(500, 516, &["IA"]),
    r(520, 528, &["IA"]),
    // 533 and 536 unused.
    r(530, 532, &["WI"]),
    r(534, 535, &["WI"]),
    r(537, 549, &["WI"]),
    // 552 unused.
    r(550, 551, &["MN"]),
    r(553, 567, &["MN"]),
    // Parcel Return Service, Washington DC.
    r(569, 569, &["DC"]),
    r(570, 577, &["SD"]),
    r(580, 588, &["ND"]),
    r(590, 591, &["MT"]),
    // 59221 Fairview MT reaches into ND.
    r(592, 592, &["MT", "ND"]),
    r(593, 599, &["MT"]),
    // 621 unused.
    r(600, 620, &["IL"]),
    r(622, 629, &["IL"]),
    // 632, 642 and 643 unused.
    r(630, 631, &["MO"]),
    r(633, 635, &["MO"]),
    // 63673 Saint Mary MO reaches into IL.
    r(636, 636, &["IL", "MO"]),
    r(637, 641, &["MO"]),
    r(644, 658, &["MO"]),
    // 663 unused.
    r(660, 662, &["KS"]),
    r(664, 679, &["KS"]),
    // 682 unused.
    r(680, 681, &["NE"]),
    r(683, 693, &["NE"]),
    // 702 and 709 unused.
    r(700, 701, &["LA"]),
    r(703, 708, &["LA"]),
    r(710, 714, &["LA"]),
    r(716, 716, &["AR"]),
    // 71749 Junction City AR reaches into LA.
    r(717, 717, &["AR", "LA"]),
    r(718, 729, &["AR"]),
    // 732 and 742 unused.
    r(730, 731, &["OK"]),
    // IRS, Austin TX.
    r(733, 733, &["TX"]),
    r(734, 738, &["OK"]),
    // 73960 Texhoma TX is served from Oklahoma; 73949 straddles the line.
    r(739, 739, &["OK", "TX"]),
    r(740, 741, &["OK"]),
    r(743, 749, &["OK"]),
    // 771 unused.
    r(750, 770, &["TX"]),
    r(772, 799, &["TX"]),
    r(800, 810, &["CO"]),
    // 81137 Ignacio CO reaches into NM.
    r(811, 811, &["CO", "NM"]),
    r(812, 816, &["CO"]),
    r(820, 831, &["WY"]),
    r(832, 833, &["ID"]),
    // 83414 Alta WY is served from Idaho.
    r(834, 834, &["ID", "WY"]),
    r(835, 838, &["ID"]),
    r(840, 844, &["UT"]),
    // 84536 Monument Valley UT reaches into AZ.
    r(845, 845, &["AZ", "UT"]),
    r(846, 847, &["UT"]),
    // 854, 858, 861 and 862 unused.
    r(850, 853, &["AZ"]),
    r(855, 857, &["AZ"]),
    r(859, 859, &["AZ"]),
    // 86044 Tonalea AZ reaches into UT.
    r(860, 860, &["AZ", "UT"]),
    r(863, 864, &["AZ"]),
    // 86515 Window Rock AZ reaches into NM.
    r(865, 865, &["AZ", "NM"]),
    // 872 unused.
    r(870, 871, &["NM"]),
    r(873, 879, &["NM"]),
    // 88063 Sunland Park NM reaches into TX.
    r(880, 880, &["NM", "TX"]),
    r(881, 884, &["NM"]),
    // El Paso TX.
    r(885, 885, &["TX"]),
    // 892 and 896 unused.
    r(889, 891, &["NV"]),
    r(893, 893, &["NV"]),
    // 89439 Verdi NV reaches into CA.
    r(894, 894, &["CA", "NV"]),
    r(895, 895, &["NV"]),
    r(897, 898, &["NV"]),
    // 909 and 929 unused.
    r(900, 908, &["CA"]),
    r(910, 928, &["CA"]),
    r(930, 961, &["CA"]),
    // APO/FPO Pacific.
    r(962, 966, &["AP"]),
    // 96799 Pago Pago, American Samoa, sits among Hawaii's ZIPs.
    r(967, 967, &["AS", "HI"]),
    // 96898 Wake Island, a Minor Outlying Island, sits among Hawaii's.
    r(968, 968, &["HI", "UM"]),
    // Guam, Northern Marianas; Micronesia, Marshall Islands, Palau.
    r(969, 969, &["FM", "GU", "MH", "MP", "PW"]),
    r(970, 975, &["OR"]),
    // 97635 New Pine Creek OR reaches into CA.
    r(976, 976, &["CA", "OR"]),
    r(977, 979, &["OR"]),
    // 987 unused.
    r(980, 986, &["WA"]),
    r(988, 994, &["WA"]),
    r(995, 999, &["AK"]),
];

/// The prefix of a ZIP code, `NNNNN` or `NNNNN-NNNN`, as a number.
fn prefix(zip: &str) -> Option<u16> {
    let b = zip.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let ok = match b.len() {
        5 => digits(b),
        10 => digits(&b[..5]) && b[5] == b'-' && digits(&b[6..]),
        _ => false,
    };
    ok.then(|| b[..3].iter().fold(0, |n, &d| n * 10 + u16::from(d - b'0')))
}

fn states_of(range: &Range) -> &'static [&'static str] {
    let at = usize::from(range.at);
    &CODES[at..at + usize::from(range.len)]
}

/// The state and territory codes that the ZIP code's 3-digit prefix serves, sorted;
/// `None` for an unassigned prefix or when `zip` is not `NNNNN` or `NNNNN-NNNN`.
///
/// Military prefixes give their USPS codes (`AA`, `AE`, `AP`), and `969` the Pacific
/// islands' (`FM`, `GU`, `MH`, `MP`, `PW`), although Dwolla accepts only some of them.
///
/// ```
/// use dwolla_validator::hints::zip_state::prefix_states;
/// assert_eq!(prefix_states("05501-1234"), Some(&["MA"][..]));
/// assert_eq!(prefix_states("73960"), Some(&["OK", "TX"][..]));
/// assert_eq!(prefix_states("00100"), None);
/// assert_eq!(prefix_states("1000"), None);
/// ```
pub fn prefix_states(zip: &str) -> Option<&'static [&'static str]> {
    let p = prefix(zip)?;
    // The last range that starts at or before `p`.
    let i = RANGES.partition_point(|range| range.first <= p);
    let range = RANGES.get(i.checked_sub(1)?)?;
    (p <= range.last).then(|| states_of(range))
}

/// `true` only when sure that `zip` and `state` disagree: the prefix is assigned to
/// at least one code Dwolla accepts, `state` is such a code, and the prefix does
/// not serve `state`.
///
/// ```
/// use dwolla_validator::hints::zip_state::mismatch;
/// assert!(mismatch("90210", "NY"));
/// assert!(!mismatch("90210", "CA"));
/// assert!(!mismatch("90210", "ca")); // not a valid code: the `state` rule speaks
/// assert!(!mismatch("9021", "NY")); // not a ZIP: the `postal_code` rule speaks
/// ```
pub fn mismatch(zip: &str, state: &str) -> bool {
    let Some(states) = prefix_states(zip) else {
        return false;
    };
    is_state_code(state) && !states.contains(&state) && states.iter().any(|s| is_state_code(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_disjoint_and_uses_known_codes() {
        let mut prev: Option<u16> = None;
        for range in &RANGES {
            let (first, last, states) = (range.first, range.last, states_of(range));
            assert!(first <= last && last <= 999, "{first}-{last}");
            if let Some(p) = prev {
                assert!(first > p, "{first} overlaps or is out of order");
            }
            prev = Some(last);
            assert!(!states.is_empty());
            assert!(
                states.windows(2).all(|w| w[0] < w[1]),
                "{states:?} unsorted"
            );
            for s in states {
                let military = ["AA", "AE", "AP"].contains(s);
                let freely_associated = ["FM", "MH", "PW"].contains(s);
                assert!(is_state_code(s) || military || freely_associated, "{s}");
            }
        }
    }

    #[test]
    fn prefixes_from_the_usps_allocation() {
        for (zip, want) in [
            ("00501", &["NY"][..]),
            ("00601", &["PR"]),
            ("00802", &["VI"]),
            ("00901", &["PR"]),
            ("02134", &["MA"]),
            ("05501", &["MA"]),
            ("05401", &["VT"]),
            ("20101", &["VA"]),
            ("20001", &["DC"]),
            ("56901", &["DC"]),
            ("73301", &["TX"]),
            ("73101", &["OK"]),
            ("88510", &["TX"]),
            ("34001", &["AA"]),
            ("96799", &["AS", "HI"]),
            ("96910", &["FM", "GU", "MH", "MP", "PW"]),
            ("99501", &["AK"]),
            ("99999-0000", &["AK"]),
        ] {
            assert_eq!(prefix_states(zip), Some(want), "{zip}");
        }
    }

    #[test]
    fn unassigned_prefixes_and_non_zips_are_none() {
        for zip in [
            "00000", "00401", "09901", "21301", "26901", "34301", "42801", "52901", "56801",
            "57801", "58901", "65901", "69401", "71501", "81701", "83901", "84801", "86601",
            "88601", "89901", "90901", "98701",
        ] {
            assert_eq!(prefix_states(zip), None, "{zip}");
        }
        for not_zip in [
            "",
            "1000",
            "100011",
            "10001-123",
            "10001 1234",
            "1000a",
            "１0001",
        ] {
            assert_eq!(prefix_states(not_zip), None, "{not_zip:?}");
        }
    }

    #[test]
    fn mismatch_speaks_only_when_sure() {
        assert!(mismatch("10001", "CA"));
        assert!(mismatch("10001-1234", "NJ"));
        assert!(mismatch("96910", "HI"));
        assert!(mismatch("00802", "PR"));
        assert!(!mismatch("00802", "VI"));
        assert!(!mismatch("96910", "GU"));
        assert!(!mismatch("96950", "MP"));
        // Straddling prefixes list both states.
        assert!(!mismatch("42223", "TN"));
        assert!(!mismatch("42223", "KY"));
        assert!(mismatch("42223", "OH"));
        // Military prefixes, unknown states, unassigned prefixes: silent.
        for (zip, state) in [
            ("09012", "NY"),
            ("34001", "FL"),
            ("96201", "CA"),
            ("10001", "XX"),
            ("10001", "ny"),
            ("10001", "AE"),
            ("21301", "CA"),
            ("abcde", "CA"),
        ] {
            assert!(!mismatch(zip, state), "{zip} {state}");
        }
    }

    #[test]
    fn table_is_small() {
        // The ranges, the array of code references and the 2-byte codes themselves.
        let ranges = core::mem::size_of_val(&RANGES);
        let codes = core::mem::size_of_val(&CODES);
        let text = 2 * CODES.len();
        assert_eq!(core::mem::size_of::<Range>(), 6);
        println!(
            "zip table: {ranges} B ranges + {codes} B code references + at most {text} B text"
        );
        assert!(ranges + codes <= 1024 + 67 * 16);
    }
}
