//! `email_domain`: the address is at a near miss of a popular mailbox domain.
//!
//! `jane@gmial.com` is a valid address, so Dwolla accepts it, but no mail reaches
//! Jane: the verification e-mails go nowhere, and identity checks that match the
//! e-mail against other records fail, sending the Customer to `retry`. [`suggest`]
//! names the popular domain the person most likely meant, for a "did you mean"
//! warning.
//!
//! A domain is split at its first dot into a *name* and a *suffix*
//! (`gmial` and `com`; `yaho` and `co.uk`). It is a near miss of a popular domain
//! when
//!
//! * it is not itself a known real domain ([`KNOWN`]: `mail.com`, `gmx.com`,
//!   `me.com`, `yahoo.co.uk`, ... are never flagged), and
//! * the names are within a small edit distance: optimal string alignment, where
//!   swapping two neighbouring letters counts as one edit (`gmial` → `gmail`). Short
//!   names are where different real domains sit close together (`live`, `love`,
//!   `life`; `aol`, `aim`; `ibm`, `msn`), so names of 4 letters or fewer must match
//!   exactly, names of 5 to 7 letters may differ by one edit, longer ones by two;
//!   and
//! * the suffixes are equal, or the input's is a common slip of the popular one's:
//!   `.con`, `.cmo`, `.co`, `.om`, `.comm`, ... for `.com`; `.nte`, `.ne`, ... for
//!   `.net`.
//!
//! The closest popular domain wins (a suffix slip counts as one edit); on a tie,
//! the more popular one.
//!
//! ```
//! use dwolla_validator::hints::email_domain::suggest;
//! assert_eq!(suggest("gmial.com"), Some("gmail.com"));
//! assert_eq!(suggest("Hotmial.Com"), Some("hotmail.com"));
//! assert_eq!(suggest("yahoo.con"), Some("yahoo.com"));
//! assert_eq!(suggest("gmail.com"), None);
//! assert_eq!(suggest("mail.com"), None); // a real mailbox provider
//! assert_eq!(suggest("ibm.com"), None);
//! ```

use crate::rules::unknown_field::{char_set, edits_at_least};

/// Popular mailbox domains, most popular first: the suggestions.
pub const POPULAR: [&str; 28] = [
    "gmail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "icloud.com",
    "aol.com",
    "comcast.net",
    "live.com",
    "msn.com",
    "me.com",
    "mac.com",
    "protonmail.com",
    "proton.me",
    "ymail.com",
    "att.net",
    "sbcglobal.net",
    "verizon.net",
    "gmx.com",
    "mail.com",
    "yahoo.co.uk",
    "hotmail.co.uk",
    "googlemail.com",
    "bellsouth.net",
    "charter.net",
    "earthlink.net",
    "optonline.net",
    "rocketmail.com",
    "cox.net",
];

/// Real domains that are never flagged although they sit near a popular one:
/// mailbox providers and a few well-known others. The popular ones are real too.
pub const KNOWN: [&str; 40] = [
    "aim.com",
    "btinternet.com",
    "cloud.com",
    "comcast.com",
    "email.com",
    "fastmail.com",
    "gmx.co.uk",
    "gmx.de",
    "gmx.net",
    "hotmail.ca",
    "hotmail.de",
    "hotmail.es",
    "hotmail.fr",
    "hotmail.it",
    "icloud.net",
    "live.ca",
    "live.co.uk",
    "mail.ru",
    "msn.net",
    "outlook.co.uk",
    "outlook.de",
    "outlook.fr",
    "pm.me",
    "protonmail.ch",
    "usa.com",
    "verizon.com",
    "yahoo.ca",
    "yahoo.co.in",
    "yahoo.co.jp",
    "yahoo.com.au",
    "yahoo.com.br",
    "yahoo.com.mx",
    "yahoo.de",
    "yahoo.es",
    "yahoo.fr",
    "yahoo.in",
    "yahoo.it",
    "yandex.com",
    "yandex.ru",
    "zoho.com",
];

/// Where the first dot of each [`POPULAR`] domain is, worked out when compiling, so
/// the check that runs for every valid address does not search for it.
static POPULAR_DOTS: [usize; POPULAR.len()] = {
    let mut dots = [0; POPULAR.len()];
    let mut i = 0;
    while i < POPULAR.len() {
        let b = POPULAR[i].as_bytes();
        let mut j = 0;
        while b[j] != b'.' {
            j += 1;
        }
        dots[i] = j;
        i += 1;
    }
    dots
};

/// The character set of each [`POPULAR`] name (before its first dot), worked out
/// when compiling: a cheap test that rules most names out before the edit distance.
static POPULAR_LETTERS: [u64; POPULAR.len()] = {
    let mut all = [0u64; POPULAR.len()];
    let mut i = 0;
    while i < POPULAR.len() {
        all[i] = char_set(POPULAR[i].as_bytes().split_at(POPULAR_DOTS[i]).0);
        i += 1;
    }
    all
};

/// The edits allowed for each [`POPULAR`] name ([`allowed_edits`] of its length),
/// worked out when compiling.
static POPULAR_ALLOWED: [usize; POPULAR.len()] = {
    let mut all = [0; POPULAR.len()];
    let mut i = 0;
    while i < POPULAR.len() {
        all[i] = allowed_edits(POPULAR_DOTS[i]);
        i += 1;
    }
    all
};

/// For each name length up to [`MAX_NAME`], the [`POPULAR`] entries (as bits, bit
/// `i` for entry `i`) whose names are near enough in length to be within their
/// allowed edits: the loop visits only these.
static CANDIDATES_BY_LEN: [u32; MAX_NAME + 1] = {
    let mut all = [0u32; MAX_NAME + 1];
    let mut len = 0;
    while len <= MAX_NAME {
        let mut i = 0;
        while i < POPULAR.len() {
            if POPULAR_DOTS[i].abs_diff(len) <= POPULAR_ALLOWED[i] {
                all[len] |= 1 << i;
            }
            i += 1;
        }
        len += 1;
    }
    all
};
const _: () = assert!(POPULAR.len() <= 32, "CANDIDATES_BY_LEN holds 32 entries");

/// For each name length up to [`MAX_NAME`], the [`POPULAR`] entries (as bits) whose
/// names are exactly that long: the few a popular domain itself can be, compared
/// before anything else. Most addresses are at a popular domain, and for one the
/// answer is known at once (`None`), without an edit distance to its neighbours.
static POPULAR_BY_NAME_LEN: [u32; MAX_NAME + 1] = {
    let mut all = [0u32; MAX_NAME + 1];
    let mut i = 0;
    while i < POPULAR.len() {
        all[POPULAR_DOTS[i]] |= 1 << i;
        i += 1;
    }
    all
};

/// Common slips of a suffix: `(slip, meant)`.
const SUFFIX_SLIPS: [(&str, &str); 28] = [
    ("con", "com"),
    ("cmo", "com"),
    ("ocm", "com"),
    ("co", "com"),
    ("cm", "com"),
    ("om", "com"),
    ("comm", "com"),
    ("coom", "com"),
    ("cpm", "com"),
    ("cim", "com"),
    ("clm", "com"),
    ("vom", "com"),
    ("xom", "com"),
    ("dom", "com"),
    ("c0m", "com"),
    ("comn", "com"),
    ("come", "com"),
    ("nte", "net"),
    ("ne", "net"),
    ("nt", "net"),
    ("et", "net"),
    ("nett", "net"),
    ("ner", "net"),
    ("nwt", "net"),
    ("met", "net"),
    ("bet", "net"),
    ("mw", "me"),
    ("co.ul", "co.uk"),
];

/// Longest name compared: a DNS label is at most 63 bytes.
const MAX_NAME: usize = 63;

/// Edits allowed between a popular name of this length and the input's name.
const fn allowed_edits(popular_name_len: usize) -> usize {
    match popular_name_len {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// Optimal string alignment distance (Damerau–Levenshtein where each substring is
/// edited once), or `None` when it exceeds `max`. Both inputs at most [`MAX_NAME`]
/// bytes; three rows of bytes on the stack that take turns, so nothing is copied
/// or allocated (this runs for every valid e-mail address).
fn osa_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max || a.len() > MAX_NAME || b.len() > MAX_NAME {
        return None;
    }
    let mut rows = [[0u8; MAX_NAME + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        let (cur_i, prev_i, back_i) = (i % 3, (i - 1) % 3, (i + 1) % 3);
        rows[cur_i][0] = i as u8;
        let mut row_min = i as u8;
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let prev = &rows[prev_i];
            let mut d = (prev[j] + 1)
                .min(rows[cur_i][j - 1] + 1)
                .min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[back_i][j - 2] + 1);
            }
            rows[cur_i][j] = d;
            row_min = row_min.min(d);
        }
        if usize::from(row_min) > max {
            return None;
        }
    }
    let d = usize::from(rows[a.len() % 3][b.len()]);
    (d <= max).then_some(d)
}

/// The popular domain that `domain` is a near miss of, if any. Case-insensitive;
/// `None` for a popular or known domain, for anything not close to a popular one,
/// and for input that is not an ASCII domain of at most 253 bytes.
///
/// ```
/// use dwolla_validator::hints::email_domain::suggest;
/// assert_eq!(suggest("gamil.com"), Some("gmail.com"));
/// assert_eq!(suggest("outlok.com"), Some("outlook.com"));
/// assert_eq!(suggest("icloud.co"), Some("icloud.com"));
/// assert_eq!(suggest("yahoo.co.uk"), None);
/// assert_eq!(suggest("mit.edu"), None);
/// ```
pub fn suggest(domain: &str) -> Option<&'static str> {
    let mut buf = [0u8; 253];
    let raw = domain.as_bytes();
    if raw.is_empty() || raw.len() > buf.len() || !domain.is_ascii() {
        return None;
    }
    let lower = &mut buf[..raw.len()];
    lower.copy_from_slice(raw);
    lower.make_ascii_lowercase();
    let lower = &*lower;

    let dot = lower.iter().position(|&b| b == b'.')?;
    let (name, suffix) = (&lower[..dot], &lower[dot + 1..]);
    // A popular domain is never a typo, and it is what most people type.
    let mut same_length = *POPULAR_BY_NAME_LEN.get(name.len())?;
    while same_length != 0 {
        let i = same_length.trailing_zeros() as usize;
        same_length &= same_length - 1;
        let popular = POPULAR[i].as_bytes();
        if popular[0] == lower[0] && popular == lower {
            return None;
        }
    }
    let letters = char_set(name);

    // What the typed suffix is a slip of: looked up once, and only when a
    // candidate's suffix differs (most addresses end as their candidates do).
    let mut slip: Option<Option<&[u8]>> = None;
    let mut slip_of = || {
        *slip.get_or_insert_with(|| {
            SUFFIX_SLIPS
                .iter()
                .find(|(slip, _)| slip.as_bytes() == suffix)
                .map(|&(_, meant)| meant.as_bytes())
        })
    };
    let mut best: Option<(usize, &'static str)> = None;
    // Names too far apart in length, or in their letters, cannot be within the
    // allowed edits: the length rules most entries out by one table load, the
    // letter sets most of the rest, before any edit distance is worked out.
    let mut candidates = *CANDIDATES_BY_LEN.get(name.len())?;
    while candidates != 0 {
        let i = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        let popular = POPULAR[i];
        let allowed = POPULAR_ALLOWED[i];
        if edits_at_least(letters, POPULAR_LETTERS[i]) > allowed {
            continue;
        }
        let (p_name, p_suffix) = popular.as_bytes().split_at(POPULAR_DOTS[i]);
        let p_suffix = &p_suffix[1..];
        let s_cost = if suffix == p_suffix {
            0
        } else if slip_of() == Some(p_suffix) {
            1
        } else {
            continue;
        };
        let Some(n_cost) = osa_within(name, p_name, allowed) else {
            continue;
        };
        let cost = n_cost + s_cost;
        // Strictly better only: on a tie the earlier (more popular) one stays.
        if cost > 0 && best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, popular));
        }
    }
    // A known domain is never a typo (a popular one returned above). Asked only
    // when there is a suggestion to withhold: most addresses are near no popular
    // domain at all.
    if best.is_some() && KNOWN.iter().any(|d| d.as_bytes() == lower) {
        return None;
    }
    best.map(|(_, suggestion)| suggestion)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The module documentation's definition, with no shortcut: every popular
    /// domain, its full edit distance, its suffix cost.
    fn by_definition(domain: &str) -> Option<&'static str> {
        if !domain.is_ascii() || domain.is_empty() || domain.len() > 253 {
            return None;
        }
        let lower = domain.to_ascii_lowercase();
        if POPULAR.contains(&lower.as_str()) || KNOWN.contains(&lower.as_str()) {
            return None;
        }
        let (name, suffix) = lower.split_once('.')?;
        let mut best: Option<(usize, &'static str)> = None;
        for popular in POPULAR {
            let (p_name, p_suffix) = popular.split_once('.').unwrap();
            let s_cost = if suffix == p_suffix {
                0
            } else if SUFFIX_SLIPS.contains(&(suffix, p_suffix)) {
                1
            } else {
                continue;
            };
            let Some(d) = osa_within(name.as_bytes(), p_name.as_bytes(), MAX_NAME) else {
                continue;
            };
            if d > allowed_edits(p_name.len()) {
                continue;
            }
            let cost = d + s_cost;
            if cost > 0 && best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, popular));
            }
        }
        best.map(|(_, p)| p)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The prefilters (lengths, letter sets, the lazy suffix lookup) never change
        /// an answer: popular and known domains with up to three random edits, in
        /// any case, with their suffix or a slip of it.
        #[test]
        fn shortcuts_keep_the_definition(
            base in 0..POPULAR.len() + KNOWN.len(),
            edits in proptest::collection::vec((0usize..16, 0u8..4, "[a-z0-9.]"), 0..4),
            suffix in proptest::option::of("com|net|me|co\\.uk|con|co|nte|cmo|org"),
            upper in proptest::bool::ANY,
        ) {
            let all: Vec<&str> = POPULAR.iter().chain(KNOWN.iter()).copied().collect();
            let (name, own) = all[base].split_once('.').unwrap();
            let mut name: Vec<u8> = name.bytes().collect();
            for (at, op, c) in &edits {
                let at = at % (name.len() + 1);
                let c = c.as_bytes()[0];
                match op {
                    0 if at < name.len() => { name.remove(at); }
                    1 => name.insert(at, c),
                    2 if at < name.len() => name[at] = c,
                    3 if at + 1 < name.len() => name.swap(at, at + 1),
                    _ => {}
                }
            }
            let mut domain = format!("{}.{}", String::from_utf8(name).unwrap(), suffix.as_deref().unwrap_or(own));
            if upper {
                domain = domain.to_ascii_uppercase();
            }
            proptest::prop_assert_eq!(suggest(&domain), by_definition(&domain), "{}", domain);
        }
    }

    /// Every one-edit slip of every popular name (a letter dropped, doubled,
    /// swapped with the next, or replaced) is still found: the letter-count
    /// prefilter never rules out a real candidate.
    #[test]
    fn every_single_slip_of_a_popular_name_is_caught() {
        let mut checked = 0;
        for (popular, &dot) in POPULAR.iter().zip(&POPULAR_DOTS) {
            let (name, rest) = popular.split_at(dot);
            if allowed_edits(name.len()) == 0 {
                continue;
            }
            let b = name.as_bytes();
            let mut slips: Vec<Vec<u8>> = Vec::new();
            for i in 0..b.len() {
                slips.push([&b[..i], &b[i + 1..]].concat());
                slips.push([&b[..=i], &b[i..]].concat());
                if i + 1 < b.len() {
                    let mut t = b.to_vec();
                    t.swap(i, i + 1);
                    slips.push(t);
                }
                for c in b'a'..=b'z' {
                    let mut t = b.to_vec();
                    t[i] = c;
                    slips.push(t);
                }
            }
            for slip in slips {
                let typed = format!("{}{rest}", String::from_utf8(slip).unwrap());
                if typed == *popular
                    || POPULAR.contains(&typed.as_str())
                    || KNOWN.contains(&typed.as_str())
                {
                    continue;
                }
                assert!(suggest(&typed).is_some(), "{typed} (a slip of {popular})");
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    fn osa(a: &str, b: &str) -> Option<usize> {
        osa_within(a.as_bytes(), b.as_bytes(), 5)
    }

    #[test]
    fn distance_counts_a_swap_as_one_edit() {
        assert_eq!(osa("gmail", "gmail"), Some(0));
        assert_eq!(osa("gmial", "gmail"), Some(1));
        assert_eq!(osa("gamil", "gmail"), Some(1));
        assert_eq!(osa("gmai", "gmail"), Some(1));
        assert_eq!(osa("gmaill", "gmail"), Some(1));
        assert_eq!(osa("gnail", "gmail"), Some(1));
        assert_eq!(osa("ca", "abc"), Some(3)); // OSA, not full Damerau (2)
        assert_eq!(osa("", "abc"), Some(3));
        assert_eq!(osa_within(b"verizon", b"horizon", 1), None);
        assert_eq!(osa_within(b"abcdefgh", b"a", 2), None);
    }

    #[test]
    fn lists_are_lowercase_and_disjoint() {
        for d in POPULAR.iter().chain(&KNOWN) {
            assert_eq!(d.to_ascii_lowercase(), *d);
            assert!(d.contains('.'));
        }
        for k in KNOWN {
            assert!(!POPULAR.contains(&k), "{k}");
        }
        let mut sorted = KNOWN;
        sorted.sort();
        assert_eq!(sorted, KNOWN);
    }

    #[test]
    fn suggests_for_near_misses() {
        for (typed, meant) in [
            ("gmial.com", "gmail.com"),
            ("gmail.con", "gmail.com"),
            ("gmai.com", "gmail.com"),
            ("gamil.com", "gmail.com"),
            ("gnail.com", "gmail.com"),
            ("gmail.co", "gmail.com"),
            ("gmail.cm", "gmail.com"),
            ("gmaill.com", "gmail.com"),
            ("GMIAL.COM", "gmail.com"),
            ("yahooo.com", "yahoo.com"),
            ("yaho.com", "yahoo.com"),
            ("yahoo.cmo", "yahoo.com"),
            ("hotmial.com", "hotmail.com"),
            ("hotmal.com", "hotmail.com"),
            ("hotmail.co", "hotmail.com"),
            ("outlok.com", "outlook.com"),
            ("iclod.com", "icloud.com"),
            ("icloud.co", "icloud.com"),
            ("aol.con", "aol.com"),
            ("comcast.nte", "comcast.net"),
            ("comcats.net", "comcast.net"),
            ("sbcglbal.net", "sbcglobal.net"),
            ("protonmial.com", "protonmail.com"),
            ("mail.con", "mail.com"),
            ("yaho.co.uk", "yahoo.co.uk"),
        ] {
            assert_eq!(suggest(typed), Some(meant), "{typed}");
        }
    }

    #[test]
    fn silent_for_real_and_unrelated_domains() {
        for d in [
            "gmail.com",
            "Gmail.Com",
            "me.com",
            "mac.com",
            "mail.com",
            "email.com",
            "ymail.com",
            "gmx.com",
            "gmx.net",
            "yahoo.co.uk",
            "hotmail.co.uk",
            "cloud.com",
            "verizon.com",
            "example.com",
            "mycompany.com",
            "mit.edu",
            "uw.edu",
            "ibm.com",
            "aim.com",
            "love.com",
            "horizon.net",
            "gmail.de",
            "mail.yahoo.com",
            "localhost",
            "",
            "gmäil.com",
        ] {
            assert_eq!(suggest(d), None, "{d}");
        }
        assert_eq!(suggest(&"a".repeat(300)), None);
        assert_eq!(suggest(&format!("{}.com", "g".repeat(100))), None);
    }
}
