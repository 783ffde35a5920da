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
