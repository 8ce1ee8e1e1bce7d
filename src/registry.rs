//! The registry of every rule id: the field rules, the document and KBA rules and
//! the quality hints, in one list.
//!
//! It sits above the rule kinds ([`crate::rules`], [`crate::documents`],
//! [`crate::kba`], [`crate::hints`]), which each declare their own
//! [`RuleInfo`] entries and import nothing from here, so data flows one way.
//!
//! ```
//! let ids: Vec<&str> = dwolla_validator::registry::all_rules().map(|r| r.id).collect();
//! assert!(ids.contains(&"po_box") && ids.contains(&"file_signature"));
//! ```

use crate::rules::{RuleInfo, RULES};

/// Every rule: the field rules in [`RULES`], then the document and KBA rules,
/// then the quality hints.
pub fn all_rules() -> impl Iterator<Item = &'static RuleInfo> {
    RULES
        .iter()
        .chain(crate::documents::DOCUMENT_RULES)
        .chain(crate::kba::KBA_RULES)
        .chain(crate::hints::HINT_RULES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for r in all_rules() {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            assert!(r.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert!(!r.summary.is_empty());
            assert!(!r.codes.is_empty());
        }
    }
}
