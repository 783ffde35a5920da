//! The form's problems in words, in English and Simplified Chinese.

use super::Lang;
use crate::form::Problem;

/// A problem as a sentence in `lang`.
pub fn problem_message(lang: Lang, problem: &Problem) -> String {
    let zh = lang == Lang::ZhCn;
    let pick = |en: &str, zh_cn: &str| if zh { zh_cn } else { en }.to_owned();
    match problem {
        Problem::Required => pick("This field is required.", "此项为必填项。"),
        Problem::TooLong { max, actual } => {
            if zh {
                format!("最多 {max} 个字符(当前 {actual} 个)。")
            } else {
                format!("At most {max} characters ({actual} now).")
            }
        }
        Problem::NotAnInteger => pick("Enter a whole number.", "请输入整数。"),
        Problem::OutOfRange { min, max } => {
            if zh {
                format!("请输入 {min} 到 {max} 之间的整数。")
            } else {
                format!("Enter a whole number from {min} to {max}.")
            }
        }
        Problem::NotAUuid => pick(
            "Enter a UUID: 32 hexadecimal digits without dashes.",
            "请输入 UUID:32 位十六进制数字,不含连字符。",
        ),
        Problem::NotAResourceUuid => pick(
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
        Problem::YamlChecking => pick("Checking the YAML…", "正在检查 YAML…"),
        Problem::UnknownArchitecture => pick(
            "Choose x86_64, aarch64, loongarch64 or mips64el.",
            "请选择 x86_64、aarch64、loongarch64 或 mips64el。",
        ),
        Problem::DuplicateArchitecture => pick(
            "This architecture is already in an earlier row.",
            "该架构已在前面的行中出现。",
        ),
        Problem::EmptyRow => pick(
            "This row is empty: fill it in or remove it.",
            "此行为空:请填写或删除。",
        ),
        Problem::ContainsWhitespace => pick(
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
            let inner = problem_message(lang, problem);
            if zh {
                format!("第 {} 项:{inner}", index + 1)
            } else {
                format!("Item {}: {inner}", index + 1)
            }
        }
    }
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
            Problem::YamlChecking,
        ];
        for p in &all {
            let en = problem_message(Lang::En, p);
            let zh = problem_message(Lang::ZhCn, p);
            assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{p:?}");
        }
        assert_eq!(
            problem_message(Lang::En, &all[8]),
            "YAML syntax error at line 3, column 5: bad"
        );
        assert!(problem_message(Lang::En, &all[3]).contains("9223372036854775807"));
        assert_eq!(
            problem_message(Lang::En, &all[14]),
            format!("Item 1: {}", problem_message(Lang::En, &Problem::NotAUuid))
        );
    }

    /// A real parser error reads as a sentence with its position.
    #[test]
    fn yaml_errors_say_where() {
        let p = crate::form::check_yaml("a: [1, 2\nb: 3\n").expect("a syntax error");
        let en = problem_message(Lang::En, &p);
        assert!(en.starts_with("YAML syntax error at line "), "{en}");
        assert!(problem_message(Lang::ZhCn, &p).starts_with("YAML 语法错误(第 "));
    }
}
