//! YAML syntax checking with line and column, remembering the last text checked.
//!
//! The dialog validates on every keystroke while the YAML (up to megabytes) rarely changes, so
//! the last text and its verdict are kept: an unchanged YAML costs one comparison, not a parse.

use std::cell::RefCell;

use saphyr_parser::{Event, Parser};

use super::problem::Problem;

thread_local! {
    static LAST_CHECK: RefCell<Option<(String, Option<Problem>)>> = const { RefCell::new(None) };
}

/// `Some(Problem::YamlSyntax{..})` if `text` is not YAML 1.2; remembers the verdict for the
/// same text.
pub fn check_yaml(text: &str) -> Option<Problem> {
    let cached = LAST_CHECK.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(last, _)| last == text)
            .map(|(_, verdict)| verdict.clone())
    });
    if let Some(verdict) = cached {
        return verdict;
    }
    let verdict = parse_yaml(text);
    LAST_CHECK.with(|c| *c.borrow_mut() = Some((text.to_owned(), verdict.clone())));
    verdict
}

/// Parses `text` to the end, without the cache.
pub fn parse_yaml(text: &str) -> Option<Problem> {
    for event in Parser::new_from_str(text) {
        match event {
            Ok((Event::StreamEnd, _)) => return None,
            Ok(_) => {}
            Err(e) => {
                return Some(Problem::YamlSyntax {
                    line: e.marker().line(),
                    column: e.marker().col() + 1,
                    message: e.info().to_owned(),
                })
            }
        }
    }
    None
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
}
