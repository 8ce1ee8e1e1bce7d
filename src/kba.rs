//! Knowledge-based authentication (KBA) answers.
//!
//! After a `kba` status, Dwolla asks four "out of wallet" questions and takes the
//! answers once: `{"answers": [{"questionId": "...", "answerId": "..."}, ...]}`,
//! exactly four, each with both ids as non-empty strings, no question answered
//! twice. Three right answers pass.
//!
//! | rule id | code | what it checks |
//! |---|---|---|
//! | `kba_answers` | Required / InvalidFormat | `answers` is a list of exactly 4 objects |
//! | `duplicate_answer` | NotAllowed | no question answered twice |
//!
//! ```
//! use dwolla_validator::kba::validate_kba_answers;
//! use serde_json::json;
//! let answers: Vec<_> = (1..=4).map(|i| json!({"questionId": format!("q{i}"), "answerId": "a"})).collect();
//! assert!(validate_kba_answers(&json!({"answers": answers}), false).valid);
//! assert!(!validate_kba_answers(&json!({"answers": []}), false).valid);
//! ```

use crate::messages::Msg;
use crate::report::{pointer, Code, Issue, Report};
use crate::rules::{presence::is_blank, unknown_field::suggest, RuleInfo};
use serde_json::Value;

/// The KBA rules, for the table of every rule.
pub static KBA_RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "kba_answers",
        codes: &[Code::Required, Code::InvalidFormat],
        summary: "answers is a list of exactly 4 {questionId, answerId} objects.",
    },
    RuleInfo {
        id: "duplicate_answer",
        codes: &[Code::NotAllowed],
        summary: "No question is answered twice.",
    },
];

/// Dwolla asks exactly this many questions.
pub const ANSWERS: usize = 4;

fn push(
    report: &mut Report,
    code: Code,
    msg: Msg,
    label: &'static str,
    path: String,
    rule: &'static str,
) {
    report.push(Issue::from_msg(code, msg, label, path, rule));
}

/// Checks a KBA answers payload. `allow_unknown_fields` as in [`crate::Options`].
pub fn validate_kba_answers(payload: &Value, allow_unknown_fields: bool) -> Report {
    let mut report = Report::ok();
    let Value::Object(obj) = payload else {
        push(
            &mut report,
            Code::InvalidFormat,
            Msg::NotObject,
            "The payload",
            String::new(),
            "string_type",
        );
        return report;
    };
    match obj.get("answers") {
        None | Some(Value::Null) => push(
            &mut report,
            Code::Required,
            Msg::Required,
            "Answers",
            "/answers".into(),
            "required",
        ),
        Some(Value::Array(items)) => {
            if items.len() != ANSWERS {
                let msg = Msg::ItemCount {
                    exactly: ANSWERS as u32,
                };
                push(
                    &mut report,
                    Code::InvalidFormat,
                    msg,
                    "Answers",
                    "/answers".into(),
                    "kba_answers",
                );
            }
            let mut seen: Vec<&str> = Vec::with_capacity(ANSWERS);
            // Only as many items as could be right are looked at: a list of a
            // million answers is reported once, above, not a million times.
            for (i, item) in items.iter().enumerate().take(ANSWERS * 2) {
                let base = pointer("/answers", &i.to_string());
                let Value::Object(answer) = item else {
                    push(
                        &mut report,
                        Code::InvalidFormat,
                        Msg::NotObject,
                        "Each answer",
                        base,
                        "kba_answers",
                    );
                    continue;
                };
                for (key, label) in [("questionId", "Question id"), ("answerId", "Answer id")] {
                    let path = pointer(&base, key);
                    match answer.get(key) {
                        None | Some(Value::Null) => push(
                            &mut report,
                            Code::Required,
                            Msg::Required,
                            label,
                            path,
                            "required",
                        ),
                        Some(Value::String(s)) if is_blank(s) => push(
                            &mut report,
                            Code::Required,
                            Msg::Required,
                            label,
                            path,
                            "required",
                        ),
                        Some(Value::String(s)) if key == "questionId" => {
                            if seen.contains(&s.as_str()) {
                                push(
                                    &mut report,
                                    Code::NotAllowed,
                                    Msg::DuplicateAnswer,
                                    label,
                                    path,
                                    "duplicate_answer",
                                );
                            }
                            seen.push(s);
                        }
                        Some(Value::String(_)) => {}
                        Some(_) => push(
                            &mut report,
                            Code::InvalidFormat,
                            Msg::NotString,
                            label,
                            path,
                            "string_type",
                        ),
                    }
                }
                if !allow_unknown_fields {
                    for key in answer
                        .keys()
                        .filter(|k| *k != "questionId" && *k != "answerId")
                    {
                        let suggestion = suggest(key, &["questionId", "answerId"]);
                        push(
                            &mut report,
                            Code::NotAllowed,
                            Msg::UnknownField { suggestion },
                            "",
                            pointer(&base, key),
                            "unknown_field",
                        );
                    }
                }
            }
        }
        Some(_) => push(
            &mut report,
            Code::InvalidFormat,
            Msg::ItemCount {
                exactly: ANSWERS as u32,
            },
            "Answers",
            "/answers".into(),
            "kba_answers",
        ),
    }
    if !allow_unknown_fields {
        for key in obj.keys().filter(|k| *k != "answers") {
            let suggestion = suggest(key, &["answers"]);
            push(
                &mut report,
                Code::NotAllowed,
                Msg::UnknownField { suggestion },
                "",
                pointer("", key),
                "unknown_field",
            );
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn four() -> Vec<Value> {
        (1..=4)
            .map(|i| json!({"questionId": format!("q{i}"), "answerId": format!("a{i}")}))
            .collect()
    }

    fn paths(r: &Report) -> Vec<(&str, &str)> {
        r.errors
            .iter()
            .map(|e| (e.path.as_str(), e.rule.as_ref()))
            .collect()
    }

    #[test]
    fn exactly_four_distinct_answers() {
        assert!(validate_kba_answers(&json!({"answers": four()}), false).valid);
        let mut three = four();
        three.pop();
        assert_eq!(
            paths(&validate_kba_answers(&json!({"answers": three}), false)),
            [("/answers", "kba_answers")]
        );
        let mut dup = four();
        dup[3]["questionId"] = json!("q1");
        assert_eq!(
            paths(&validate_kba_answers(&json!({"answers": dup}), false)),
            [("/answers/3/questionId", "duplicate_answer")]
        );
    }

    #[test]
    fn ids_are_non_empty_strings() {
        let mut a = four();
        a[0]["answerId"] = json!("");
        a[1]["questionId"] = json!(7);
        a[2].as_object_mut().unwrap().remove("answerId");
        a[3] = json!("q4");
        let r = validate_kba_answers(&json!({"answers": a}), false);
        assert_eq!(
            paths(&r),
            [
                ("/answers/0/answerId", "required"),
                ("/answers/1/questionId", "string_type"),
                ("/answers/2/answerId", "required"),
                ("/answers/3", "kba_answers")
            ]
        );
    }

    #[test]
    fn shapes_and_unknown_fields() {
        assert_eq!(
            paths(&validate_kba_answers(&json!({}), false)),
            [("/answers", "required")]
        );
        assert_eq!(
            paths(&validate_kba_answers(&json!({"answers": "abcd"}), false)),
            [("/answers", "kba_answers")]
        );
        assert_eq!(
            paths(&validate_kba_answers(&json!([]), false)),
            [("", "string_type")]
        );
        let r = validate_kba_answers(&json!({"answers": four(), "kbaId": "x"}), false);
        assert_eq!(paths(&r), [("/kbaId", "unknown_field")]);
        assert!(validate_kba_answers(&json!({"answers": four(), "kbaId": "x"}), true).valid);
        let huge: Vec<Value> = (0..100_000).map(|_| json!(1)).collect();
        assert!(
            validate_kba_answers(&json!({"answers": huge}), false)
                .errors
                .len()
                <= 9
        );
    }
}
