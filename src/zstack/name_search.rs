//! "Names that contain this text", as a `~=` (SQL LIKE) pattern that matches the text
//! literally whatever the node does with escapes.
//!
//! zstack-api.md says only that `~=` uses `%` and `_`. ZStack's `SQLConditionBuilder`
//! (zstackio/zstack `search/`) writes the value into the JPQL condition as it is, with no
//! `ESCAPE` clause, so whether `\%` means a literal `%` depends on the database's default
//! (MySQL: yes) and on how the value is quoted on its way: UNCONFIRMED. The pattern therefore
//! uses no escape at all: every character that may be special on the way (`%`, `_`, `\`,
//! quotes, and `=`: RestServer splits `q` at the first operator of its list that the condition
//! contains, and `!=`, `>=`, `<=`, `!?=`, `!~=` are tried before `~=`) is sent as `_`, which
//! matches any one character, the character itself included. The
//! node's matches are then a superset of the literal ones, and [`NameSearch::matches`] keeps
//! only those; `total` becomes an upper bound (see [`NameSearch::is_exact`]).

/// A search of model service names, case-insensitive (MySQL's default collation; the rows are
/// filtered the same way when the pattern had to be widened).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameSearch {
    text: String,
}

/// Characters that are sent as `_` (see the module's note).
const WIDENED: [char; 6] = ['%', '_', '\\', '\'', '"', '='];

impl NameSearch {
    /// The search for `text` without surrounding white space; `None` when nothing is left.
    pub fn new(text: &str) -> Option<NameSearch> {
        let text = text.trim();
        (!text.is_empty()).then(|| NameSearch {
            text: text.to_owned(),
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The `~=` value: `%<text>%` with every special character as `_`.
    pub fn pattern(&self) -> String {
        let inner: String = self
            .text
            .chars()
            .map(|c| if WIDENED.contains(&c) { '_' } else { c })
            .collect();
        format!("%{inner}%")
    }

    /// Whether the node's answer is exactly the names that contain the text (no character had
    /// to be widened): then its rows and `total` are taken as they are.
    pub fn is_exact(&self) -> bool {
        !self.text.chars().any(|c| WIDENED.contains(&c))
    }

    /// Whether `name` contains the text, ignoring case.
    pub fn matches(&self, name: &str) -> bool {
        name.to_lowercase().contains(&self.text.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_blank_texts_are_no_search() {
        assert_eq!(NameSearch::new(""), None);
        assert_eq!(NameSearch::new("  \t"), None);
        assert_eq!(NameSearch::new(" qwen ").unwrap().text(), "qwen");
    }

    #[test]
    fn plain_texts_are_exact_contains_patterns() {
        let s = NameSearch::new("Qwen 7B").unwrap();
        assert_eq!(s.pattern(), "%Qwen 7B%");
        assert!(s.is_exact());
        let s = NameSearch::new("模型").unwrap();
        assert_eq!(s.pattern(), "%模型%");
        assert!(s.is_exact());
    }

    #[test]
    fn special_characters_are_widened_to_one_character_wildcards() {
        let s = NameSearch::new(r#"50%_o'f\f "x""#).unwrap();
        assert_eq!(s.pattern(), "%50__o_f_f _x_%");
        assert!(!s.is_exact());
        // No operator of RestServer's list can appear in the value: all of them end in `=`.
        let s = NameSearch::new("a!=b >= c<=d").unwrap();
        assert_eq!(s.pattern(), "%a!_b >_ c<_d%");
        assert!(!s.is_exact() && s.matches("A!=B >= C<=D"));
        let s = NameSearch::new("<b>x</b>").unwrap();
        assert_eq!(s.pattern(), "%<b>x</b>%");
        assert!(s.is_exact());
    }

    #[test]
    fn matches_are_literal_and_case_insensitive() {
        let s = NameSearch::new("50%_OFF").unwrap();
        assert!(s.matches("sale 50%_off model"));
        // What the widened pattern also lets through, and the filter drops.
        assert!(!s.matches("sale 50abOFF model"));
        assert!(!s.matches("sale 50%-off"));
        let s = NameSearch::new(r#"it's "q""#).unwrap();
        assert!(s.matches(r#"IT'S "Q" model"#));
        assert!(!s.matches("its q"));
    }
}
