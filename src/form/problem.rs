//! What can be wrong with a field, as data. The form knows no language: the UI turns a problem
//! into a sentence of the current language (`i18n::problem_message`).

/// One problem of one field (or one architecture row field).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Empty, or only whitespace, where a value is needed.
    Required,
    /// Longer than the limit, counted in characters (Unicode scalar values), not bytes.
    TooLong { max: usize, actual: usize },
    /// Not a whole number (decimal digits, an optional sign).
    NotAnInteger,
    /// A whole number outside `min..=max`, including one too large for 64 bits.
    OutOfRange { min: i64, max: i64 },
    /// Not 32 hexadecimal digits (either case, no dashes).
    NotAUuid,
    /// Not the contract's `resourceUuid` pattern: 32 lower-case hexadecimal digits, a version
    /// digit 1-5 at index 12 and 8, 9, a or b at index 16.
    NotAResourceUuid,
    /// Not one of the valid values (compared case-sensitively, as the node does).
    NotOneOf { allowed: &'static [&'static str] },
    /// Not `major.minor` with 1 to 3 digits each (e.g. `8.6`).
    NotAComputeCapability,
    /// YAML that does not parse; line and column count from 1. `message` is the parser's own
    /// (English) description.
    YamlSyntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// A long YAML whose syntax check has not finished yet (it runs between keystrokes): not
    /// sent until its verdict is in.
    YamlChecking,
    /// Not one of x86_64, aarch64, loongarch64, mips64el (in any case).
    UnknownArchitecture,
    /// The same architecture as an earlier row.
    DuplicateArchitecture,
    /// A row with nothing but whitespace in it.
    EmptyRow,
    /// Whitespace (spaces, tabs, line breaks) where none may be.
    ContainsWhitespace,
    /// The same value as an earlier item of the list (item index from 0); for the GPU vendor
    /// map, the same vendor as an earlier entry.
    DuplicateItem { index: usize },
    /// An item of a list or an entry of a map is wrong (index from 0).
    BadItem { index: usize, problem: Box<Problem> },
}

impl Problem {
    /// The item of a list a problem is about (`BadItem`, `DuplicateItem`), from 0: the
    /// pickers mark that item's control.
    pub fn item_index(&self) -> Option<usize> {
        match self {
            Problem::BadItem { index, .. } | Problem::DuplicateItem { index } => Some(*index),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_point_at_their_item() {
        let bad = Problem::BadItem {
            index: 2,
            problem: Box::new(Problem::NotAUuid),
        };
        assert_eq!(bad.item_index(), Some(2));
        assert_eq!(Problem::DuplicateItem { index: 1 }.item_index(), Some(1));
        assert_eq!(Problem::Required.item_index(), None);
    }
}
