//! What can be wrong with a field, as data; the UI asks for the text in its language.

use crate::i18n::Lang;

/// One problem of one field (or one architecture row field).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Empty where a value is needed.
    Required,
    /// Longer than the limit (in characters).
    TooLong { max: usize, actual: usize },
    /// Not a whole number.
    NotAnInteger,
    /// A whole number outside `min..=max` (includes overflow).
    OutOfRange { min: i64, max: i64 },
    /// Not 32 hexadecimal digits.
    NotAUuid,
    /// Not a uuid ZStack accepts as `resourceUuid`.
    NotAResourceUuid,
    /// Not one of the valid values (case-sensitive).
    NotOneOf { allowed: &'static [&'static str] },
    /// Not `major.minor` (e.g. `8.6`).
    NotAComputeCapability,
    /// YAML that does not parse; line and column count from 1.
    YamlSyntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Not one of x86_64, aarch64, loongarch64, mips64el.
    UnknownArchitecture,
    /// The same architecture as an earlier row.
    DuplicateArchitecture,
    /// A row with nothing in it.
    EmptyRow,
    /// Spaces or line breaks where none may be.
    ContainsWhitespace,
    /// The same value as an earlier item of the list (item index from 0).
    DuplicateItem { index: usize },
    /// An item of a list or map is wrong (item index from 0).
    BadItem { index: usize, problem: Box<Problem> },
}

impl Problem {
    /// The problem in words, in English or Simplified Chinese.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::ZhCn;
        match self {
            Problem::Required => pick(zh, "This field is required.", "此项为必填项。"),
            Problem::TooLong { max, actual } => {
                if zh {
                    format!("最多 {max} 个字符(当前 {actual} 个)。")
                } else {
                    format!("At most {max} characters ({actual} now).")
                }
            }
            Problem::NotAnInteger => pick(zh, "Enter a whole number.", "请输入整数。"),
            Problem::OutOfRange { min, max } => {
                if zh {
                    format!("请输入 {min} 到 {max} 之间的整数。")
                } else {
                    format!("Enter a whole number from {min} to {max}.")
                }
            }
            Problem::NotAUuid => pick(
                zh,
                "Enter a UUID: 32 hexadecimal digits without dashes.",
                "请输入 UUID:32 位十六进制数字,不含连字符。",
            ),
            Problem::NotAResourceUuid => pick(
                zh,
                "Enter 32 lower-case hexadecimal digits with a version digit 1-5 at position 13 \
                 and 8, 9, a or b at position 17, or leave it empty to generate one.",
                "请输入 32 位小写十六进制数字(第 13 位为 1-5,第 17 位为 8、9、a 或 b),\
                 或留空以自动生成。",
            ),
            Problem::NotOneOf { allowed } => {
                let list = allowed.join(", ");
                if zh {
                    format!("请选择以下值之一:{list}。")
                } else {
                    format!("Choose one of: {list}.")
                }
            }
            Problem::NotAComputeCapability => pick(
                zh,
                "Enter a compute capability as major.minor, e.g. 8.6.",
                "请按“主版本.次版本”格式输入计算能力,例如 8.6。",
            ),
            Problem::YamlSyntax {
                line,
                column,
                message,
            } => {
                if zh {
                    format!("YAML 语法错误(第 {line} 行,第 {column} 列):{message}")
                } else {
                    format!("YAML syntax error at line {line}, column {column}: {message}")
                }
            }
            Problem::UnknownArchitecture => pick(
                zh,
                "Choose x86_64, aarch64, loongarch64 or mips64el.",
                "请选择 x86_64、aarch64、loongarch64 或 mips64el。",
            ),
            Problem::DuplicateArchitecture => pick(
                zh,
                "This architecture is already in an earlier row.",
                "该架构已在前面的行中出现。",
            ),
            Problem::EmptyRow => pick(
                zh,
                "This row is empty: fill it in or remove it.",
                "此行为空:请填写或删除。",
            ),
            Problem::ContainsWhitespace => pick(
                zh,
                "Spaces and line breaks are not allowed here.",
                "此处不能包含空格或换行。",
            ),
            Problem::DuplicateItem { index } => {
                if zh {
                    format!("第 {} 项与前面的项重复。", index + 1)
                } else {
                    format!("Item {} repeats an earlier item.", index + 1)
                }
            }
            Problem::BadItem { index, problem } => {
                let inner = problem.message(lang);
                if zh {
                    format!("第 {} 项:{inner}", index + 1)
                } else {
                    format!("Item {}: {inner}", index + 1)
                }
            }
        }
    }
}

fn pick(zh: bool, en: &str, zh_cn: &str) -> String {
    if zh { zh_cn } else { en }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_speaks_both_languages() {
        let all = [
            Problem::Required,
            Problem::TooLong {
                max: 255,
                actual: 300,
            },
            Problem::NotAnInteger,
            Problem::OutOfRange {
                min: 0,
                max: i64::MAX,
            },
            Problem::NotAUuid,
            Problem::NotAResourceUuid,
            Problem::NotOneOf {
                allowed: &["Endpoint", "App"],
            },
            Problem::NotAComputeCapability,
            Problem::YamlSyntax {
                line: 3,
                column: 5,
                message: "bad".into(),
            },
            Problem::UnknownArchitecture,
            Problem::DuplicateArchitecture,
            Problem::EmptyRow,
            Problem::ContainsWhitespace,
            Problem::DuplicateItem { index: 1 },
            Problem::BadItem {
                index: 0,
                problem: Box::new(Problem::NotAUuid),
            },
        ];
        for p in &all {
            let en = p.message(Lang::En);
            let zh = p.message(Lang::ZhCn);
            assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{p:?}");
        }
        assert_eq!(
            all[8].message(Lang::En),
            "YAML syntax error at line 3, column 5: bad"
        );
        assert!(all[3].message(Lang::En).contains("9223372036854775807"));
        assert_eq!(
            all[14].message(Lang::En),
            format!("Item 1: {}", Problem::NotAUuid.message(Lang::En))
        );
    }
}
