//! Text helpers that run when compiling: `const` tables (the key numbers, the ZIP
//! prefix ranges) are built and checked by `const fn`s, and `==` on `str` is not
//! yet callable there.

/// Whether two strings hold the same bytes, usable in a `const`.
pub(crate) const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::same_text;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_str_equality(a in ".{0,6}", b in ".{0,6}") {
            prop_assert_eq!(same_text(&a, &b), a == b);
            prop_assert!(same_text(&a, &a));
        }
    }

    #[test]
    fn a_prefix_is_not_the_same() {
        assert!(!same_text("email", "emai"));
        assert!(!same_text("", "a"));
        assert!(same_text("", ""));
        assert!(!same_text("ab", "aa"));
        assert!(!same_text("ba", "aa"));
    }
}
