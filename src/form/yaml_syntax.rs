//! YAML syntax checking with line and column, remembering the last verdict.
//!
//! The dialog validates on every keystroke while the YAML (up to megabytes) rarely changes, so
//! the last text and its verdict are kept: an unchanged YAML costs one comparison, not a parse.
//! A short YAML is parsed at once, inside the validation; a longer one would hold up typing
//! (a 1 MB YAML takes ~200 ms to parse), so until its verdict is recorded it is
//! [`Problem::YamlChecking`] (never sent) and the UI parses it in slices with [`YamlCheck`]
//! between keystrokes, then [`record_yaml_verdict`]s it.

use std::cell::RefCell;

use saphyr_parser::{Event, Parser, StrInput};

use super::problem::Problem;

/// Up to this many bytes a YAML is parsed within the validation: ~3 ms at the measured
/// ~200 ms per MB, well inside one frame.
pub const YAML_CHECKED_AT_ONCE: usize = 16 * 1024;

thread_local! {
    static LAST_CHECK: RefCell<Option<(String, Option<Problem>)>> = const { RefCell::new(None) };
}

fn remembered(text: &str) -> Option<Option<Problem>> {
    LAST_CHECK.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(last, _)| last == text)
            .map(|(_, verdict)| verdict.clone())
    })
}

/// `Some(Problem::YamlSyntax{..})` if `text` is not YAML 1.2, `Some(Problem::YamlChecking)`
/// if it is longer than [`YAML_CHECKED_AT_ONCE`] and its verdict is not recorded yet;
/// remembers the verdict for the same text.
pub fn check_yaml(text: &str) -> Option<Problem> {
    if let Some(verdict) = remembered(text) {
        return verdict;
    }
    if text.len() > YAML_CHECKED_AT_ONCE {
        return Some(Problem::YamlChecking);
    }
    let verdict = parse_yaml(text);
    record_yaml_verdict(text.to_owned(), verdict.clone());
    verdict
}

/// Whether `text` waits for a sliced check: long, and no verdict recorded for it.
pub fn yaml_check_pending(text: &str) -> bool {
    text.len() > YAML_CHECKED_AT_ONCE && remembered(text).is_none()
}

/// Keeps the verdict of a finished [`YamlCheck`] of `text` for [`check_yaml`].
pub fn record_yaml_verdict(text: String, verdict: Option<Problem>) {
    LAST_CHECK.with(|c| *c.borrow_mut() = Some((text, verdict)));
}

/// Parses `text` to the end at once and records the verdict (what a finished [`YamlCheck`]
/// records), for callers that may wait: tests and benchmarks.
pub fn check_yaml_now(text: &str) -> Option<Problem> {
    let verdict = parse_yaml(text);
    record_yaml_verdict(text.to_owned(), verdict.clone());
    verdict
}

/// Parses `text` to the end, without the cache.
pub fn parse_yaml(text: &str) -> Option<Problem> {
    let mut check = YamlCheck::new(text);
    loop {
        if let Some(verdict) = check.step(usize::MAX) {
            return verdict;
        }
    }
}

/// A parse that can stop after any number of events and go on later (saphyr's parser pulls
/// events one by one), so a long YAML is checked in slices between keystrokes.
pub struct YamlCheck<'a> {
    parser: Parser<'a, StrInput<'a>>,
}

impl<'a> YamlCheck<'a> {
    pub fn new(text: &'a str) -> YamlCheck<'a> {
        YamlCheck {
            parser: Parser::new_from_str(text),
        }
    }

    /// Parses up to `events` more events: `Some(verdict)` once the end or an error is
    /// reached (`Some(None)`: valid), `None` if there is more to parse.
    pub fn step(&mut self, events: usize) -> Option<Option<Problem>> {
        for _ in 0..events {
            match self.parser.next() {
                Some(Ok((Event::StreamEnd, _))) | None => return Some(None),
                Some(Ok(_)) => {}
                Some(Err(e)) => {
                    return Some(Some(Problem::YamlSyntax {
                        line: e.marker().line(),
                        column: e.marker().col() + 1,
                        message: e.info().to_owned(),
                    }))
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_yaml_passes() {
        for text in [
            "",
            "a: 1",
            "services:\n  - ports:\n      - 3000\n    name: qwen\nenv:\n  - key:value\n",
            "- a\n- b: [1, 2, {c: d}]\n",
            "--- \nx: |\n  multi\n  line\n...\n",
        ] {
            assert_eq!(check_yaml(text), None, "{text:?}");
        }
    }

    #[test]
    fn bad_yaml_reports_line_and_column() {
        let p = check_yaml("a: 1\nb: [1, 2\n").unwrap();
        let Problem::YamlSyntax {
            line,
            column,
            message,
        } = p
        else {
            panic!("{p:?}")
        };
        assert!(line >= 2, "line {line}");
        assert!(column >= 1);
        assert!(!message.is_empty());

        let p = parse_yaml("key: value\n  bad indent: here\n").unwrap();
        assert!(matches!(p, Problem::YamlSyntax { line: 2, .. }), "{p:?}");
        assert!(parse_yaml("a: \"unterminated\n").is_some());
        assert!(parse_yaml("\t- tab").is_some() || parse_yaml("{a: 1").is_some());
    }

    #[test]
    fn the_cache_answers_the_same_text_the_same_way() {
        let bad = "x: [";
        let first = check_yaml(bad);
        assert!(first.is_some());
        assert_eq!(check_yaml(bad), first);
        assert_eq!(check_yaml("x: []"), None);
        assert_eq!(check_yaml(bad), first);
    }

    fn long_yaml(lines: usize) -> String {
        (0..lines)
            .map(|i| format!("key{i:05}: value {i}\n"))
            .collect()
    }

    /// A long YAML is "checking" until a sliced check records its verdict, and the verdict
    /// in slices is the verdict at once.
    #[test]
    fn a_long_yaml_waits_for_its_sliced_verdict() {
        let good = long_yaml(2_000);
        assert!(good.len() > YAML_CHECKED_AT_ONCE);
        let mut bad = good.clone();
        bad.push_str("tail: [1, 2\n");
        for (text, expected) in [(&good, None), (&bad, parse_yaml(&bad))] {
            assert_eq!(check_yaml(text), Some(Problem::YamlChecking));
            assert!(yaml_check_pending(text));
            let mut check = YamlCheck::new(text);
            let mut slices = 1;
            let verdict = loop {
                match check.step(100) {
                    Some(verdict) => break verdict,
                    None => slices += 1,
                }
            };
            assert!(slices > 10, "{slices} slices");
            assert_eq!(verdict, expected);
            record_yaml_verdict(text.clone(), verdict);
            assert!(!yaml_check_pending(text));
            assert_eq!(check_yaml(text), expected);
        }
        assert!(matches!(
            check_yaml(&bad),
            Some(Problem::YamlSyntax { line: 2001.., .. })
        ));
        // Another long text waits again; a short one is answered at once.
        assert_eq!(check_yaml(&good), Some(Problem::YamlChecking));
        assert_eq!(check_yaml("a: 1"), None);
        assert_eq!(check_yaml_now(&good), None);
        assert_eq!(check_yaml(&good), None);
    }
}
