//! The checks of single values: lengths, numbers, uuids, valid values, compute capability;
//! and the named rules the parameter table gives its texts ([`checks`]).

use super::problem::Problem;
use crate::zstack::{is_resource_uuid, is_zstack_uuid};

/// The dialog's length limits, in characters. ZStack documents none for this API: these follow
/// its usual `@APIParam(maxLength)` values (255 for names, 2048 for descriptions and commands)
/// and leave room for large YAML and readme texts.
pub mod limits {
    pub const NAME: usize = 255;
    pub const DESCRIPTION: usize = 2048;
    pub const README: usize = 65_535;
    pub const YAML: usize = 4 * 1024 * 1024;
    pub const SHORT_TEXT: usize = 255;
    pub const COMMAND: usize = 2048;
    pub const DOCKER_IMAGE: usize = 1024;
    pub const TAG: usize = 1024;
}

/// The rules the parameter table names (`check command`), one per kind of text; lists apply
/// theirs to each item.
pub mod checks {
    use super::{limits, max_chars, required, Problem};

    pub fn name(text: &str) -> Option<Problem> {
        required(text).or_else(|| max_chars(text, limits::NAME))
    }

    pub fn description(text: &str) -> Option<Problem> {
        max_chars(text, limits::DESCRIPTION)
    }

    pub fn readme(text: &str) -> Option<Problem> {
        max_chars(text, limits::README)
    }

    /// Commands, their arguments and paths.
    pub fn command(text: &str) -> Option<Problem> {
        max_chars(text, limits::COMMAND)
    }

    /// Versions and names of things (Python, conda, the framework).
    pub fn short_text(text: &str) -> Option<Problem> {
        max_chars(text, limits::SHORT_TEXT)
    }

    pub fn compute_capability(text: &str) -> Option<Problem> {
        super::compute_capability(text)
    }

    /// Within the size limit, then YAML 1.2 (the last text's verdict is remembered).
    pub fn yaml(text: &str) -> Option<Problem> {
        max_chars(text, limits::YAML).or_else(|| super::super::yaml_syntax::check_yaml(text))
    }

    pub fn uuid(text: &str) -> Option<Problem> {
        super::uuid(text)
    }

    /// A system or user tag.
    pub fn tag(text: &str) -> Option<Problem> {
        required(text).or_else(|| max_chars(text, limits::TAG))
    }
}

pub fn max_chars(text: &str, max: usize) -> Option<Problem> {
    // Cheap first: a text of at most `max` bytes has at most `max` characters.
    if text.len() <= max {
        return None;
    }
    let actual = text.chars().count();
    (actual > max).then_some(Problem::TooLong { max, actual })
}

pub fn required(text: &str) -> Option<Problem> {
    text.trim().is_empty().then_some(Problem::Required)
}

/// A whole number in `min..=max`, parsed from the trimmed text with `str::parse::<i64>`
/// (never through f64). Overflow is out of range, not "not a number".
pub fn parse_long(text: &str, min: i64, max: i64) -> Result<i64, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    let out_of_range = Problem::OutOfRange { min, max };
    match t.parse::<i64>() {
        Ok(v) if (min..=max).contains(&v) => Ok(v),
        Ok(_) => Err(out_of_range),
        Err(e) => match e.kind() {
            std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
                Err(out_of_range)
            }
            _ => Err(Problem::NotAnInteger),
        },
    }
}

pub fn uuid(text: &str) -> Option<Problem> {
    (!is_zstack_uuid(text)).then_some(Problem::NotAUuid)
}

/// Empty (a uuid is generated) or the contract's `resourceUuid` pattern.
pub fn resource_uuid(text: &str) -> Option<Problem> {
    (!text.is_empty() && !is_resource_uuid(text)).then_some(Problem::NotAResourceUuid)
}

pub fn one_of(text: &str, allowed: &'static [&'static str]) -> Option<Problem> {
    if text.trim().is_empty() {
        return Some(Problem::Required);
    }
    (!allowed.contains(&text)).then_some(Problem::NotOneOf { allowed })
}

/// Empty, or `major.minor` with 1 to 3 digits each (`7.5`, `8.0`, `12.0`).
pub fn compute_capability(text: &str) -> Option<Problem> {
    if text.is_empty() {
        return None;
    }
    let ok = text.split_once('.').is_some_and(|(major, minor)| {
        [major, minor]
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    });
    (!ok).then_some(Problem::NotAComputeCapability)
}

pub fn no_whitespace(text: &str) -> Option<Problem> {
    text.chars()
        .any(char::is_whitespace)
        .then_some(Problem::ContainsWhitespace)
}

/// Each item checked by `item`, then no item equal to an earlier one: the first problem.
pub fn list(items: &[String], item: impl Fn(&str) -> Option<Problem>) -> Option<Problem> {
    for (index, value) in items.iter().enumerate() {
        if let Some(problem) = item(value) {
            return Some(Problem::BadItem {
                index,
                problem: Box::new(problem),
            });
        }
        if items[..index].contains(value) {
            return Some(Problem::DuplicateItem { index });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longs_parse_exactly_with_ranges() {
        assert_eq!(parse_long("0", 0, i64::MAX), Ok(0));
        assert_eq!(parse_long(" 8192 ", 0, i64::MAX), Ok(8192));
        assert_eq!(parse_long("9223372036854775807", 0, i64::MAX), Ok(i64::MAX));
        assert_eq!(
            parse_long("9007199254740993", 0, i64::MAX),
            Ok(9_007_199_254_740_993)
        );
        assert_eq!(
            parse_long("-9223372036854775808", i64::MIN, i64::MAX),
            Ok(i64::MIN)
        );
        let range = Problem::OutOfRange {
            min: 0,
            max: i64::MAX,
        };
        assert_eq!(
            parse_long("9223372036854775808", 0, i64::MAX),
            Err(range.clone())
        );
        assert_eq!(parse_long("-1", 0, i64::MAX), Err(range));
        assert_eq!(
            parse_long("2147483648", 0, i32::MAX as i64),
            Err(Problem::OutOfRange {
                min: 0,
                max: 2147483647
            })
        );
        for bad in ["1.5", "1e3", "abc", "0x10", "1 000", "--1"] {
            assert_eq!(
                parse_long(bad, 0, i64::MAX),
                Err(Problem::NotAnInteger),
                "{bad}"
            );
        }
        assert_eq!(parse_long("  ", 0, 1), Err(Problem::Required));
    }

    const SERVICE_TYPES: &[&str] = &["Endpoint", "FineTune", "App", "ModelEval"];
    const SERVICE_SOURCES: &[&str] = &["Other", "Bentoml", "HuggingFace"];

    #[test]
    fn text_checks() {
        assert_eq!(max_chars("abc", 3), None);
        assert_eq!(max_chars("模型服务", 4), None);
        assert_eq!(
            max_chars("abcd", 3),
            Some(Problem::TooLong { max: 3, actual: 4 })
        );
        assert_eq!(required(" "), Some(Problem::Required));
        assert_eq!(required("a"), None);
        assert_eq!(one_of("Endpoint", SERVICE_TYPES), None);
        assert_eq!(
            one_of("endpoint", SERVICE_TYPES),
            Some(Problem::NotOneOf {
                allowed: SERVICE_TYPES
            })
        );
        assert_eq!(one_of("", SERVICE_SOURCES), Some(Problem::Required));
        assert_eq!(no_whitespace("reg/img:1"), None);
        assert_eq!(
            no_whitespace("reg/img :1"),
            Some(Problem::ContainsWhitespace)
        );
        assert_eq!(resource_uuid(""), None);
        assert_eq!(resource_uuid("x"), Some(Problem::NotAResourceUuid));
        assert_eq!(uuid("21cb9f654e9d3feab962ce3f5eec5796"), None);
        assert_eq!(uuid("21cb9f65"), Some(Problem::NotAUuid));
    }

    #[test]
    fn compute_capability_is_major_dot_minor() {
        for ok in ["", "7.5", "8.0", "12.0", "100.10"] {
            assert_eq!(compute_capability(ok), None, "{ok}");
        }
        for bad in [
            "7", "7.", ".5", "7.5.1", "sm_80", "7,5", "a.b", "1234.1", " 7.5",
        ] {
            assert_eq!(
                compute_capability(bad),
                Some(Problem::NotAComputeCapability),
                "{bad}"
            );
        }
    }

    #[test]
    fn lists_report_the_first_bad_or_repeated_item() {
        let items = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&items(&["a", "b"]), required), None);
        assert_eq!(
            list(&items(&["a", " ", "a"]), required),
            Some(Problem::BadItem {
                index: 1,
                problem: Box::new(Problem::Required)
            })
        );
        assert_eq!(
            list(&items(&["a", "b", "a"]), required),
            Some(Problem::DuplicateItem { index: 2 })
        );
    }
}
