//! One `q` condition: `field<op>value`, `field is null`, `field not null`.
//! Operators: `= != > < >= <= ?= !?= ~= !~=`; `?=` takes a comma list, `~=` uses `%` and `_`.

use std::cmp::Ordering;

use serde_json::Value;

use crate::date::parse_zstack_date;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Eq,
    NotEq,
    Gt,
    Lt,
    Ge,
    Le,
    In,
    NotIn,
    Like,
    NotLike,
    IsNull,
    NotNull,
}

/// Longest operators first, so `!?=` is not read as `!` + `?=`.
const OPERATORS: [(&str, Operator); 10] = [
    ("!?=", Operator::NotIn),
    ("!~=", Operator::NotLike),
    ("?=", Operator::In),
    ("~=", Operator::Like),
    ("!=", Operator::NotEq),
    (">=", Operator::Ge),
    ("<=", Operator::Le),
    ("=", Operator::Eq),
    (">", Operator::Gt),
    ("<", Operator::Lt),
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// Dotted path, e.g. `name` or `modelServiceImages.cpuArchitecture`.
    pub field: String,
    pub operator: Operator,
    pub value: String,
}

impl Condition {
    /// Parses one `q` value; the error text is sent as a 400 plain-text body.
    pub fn parse(text: &str) -> Result<Condition, String> {
        let trimmed = text.trim();
        for (suffix, operator) in [
            (" is null", Operator::IsNull),
            (" not null", Operator::NotNull),
        ] {
            if let Some(field) = trimmed.strip_suffix(suffix) {
                return Condition::checked(field.trim(), operator, "", text);
            }
        }
        let field_len = trimmed
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(trimmed.len());
        let (field, rest) = trimmed.split_at(field_len);
        let (symbol, operator) = OPERATORS
            .iter()
            .find(|(symbol, _)| rest.starts_with(symbol))
            .ok_or_else(|| format!("invalid query condition[{text}]: no valid operator"))?;
        Condition::checked(field, *operator, &rest[symbol.len()..], text)
    }

    fn checked(
        field: &str,
        operator: Operator,
        value: &str,
        text: &str,
    ) -> Result<Condition, String> {
        if field.is_empty() || field.starts_with('.') || field.ends_with('.') {
            return Err(format!(
                "invalid query condition[{text}]: missing field name"
            ));
        }
        Ok(Condition {
            field: field.to_string(),
            operator,
            value: value.to_string(),
        })
    }

    /// The top-level field this condition names.
    pub fn root_field(&self) -> &str {
        self.field.split('.').next().unwrap_or("")
    }

    /// Whether an inventory (as JSON) satisfies the condition. Lists match if any element does.
    pub fn matches(&self, inventory: &Value) -> bool {
        let mut found = Vec::new();
        collect_values(
            inventory,
            &self.field.split('.').collect::<Vec<_>>(),
            &mut found,
        );
        let present: Vec<&Value> = found.into_iter().filter(|v| !v.is_null()).collect();
        let any = |test: &dyn Fn(&Value) -> bool| present.iter().any(|v| test(v));
        match self.operator {
            Operator::IsNull => present.is_empty(),
            Operator::NotNull => !present.is_empty(),
            Operator::Eq => any(&|v| equals(v, &self.value)),
            Operator::NotEq => !present.is_empty() && !any(&|v| equals(v, &self.value)),
            Operator::In => any(&|v| self.value.split(',').any(|item| equals(v, item))),
            Operator::NotIn => {
                !present.is_empty() && !any(&|v| self.value.split(',').any(|item| equals(v, item)))
            }
            Operator::Like => any(&|v| like(&text_of(v), &self.value)),
            Operator::NotLike => !present.is_empty() && !any(&|v| like(&text_of(v), &self.value)),
            Operator::Gt => any(&|v| compare_to(v, &self.value) == Some(Ordering::Greater)),
            Operator::Lt => any(&|v| compare_to(v, &self.value) == Some(Ordering::Less)),
            Operator::Ge => any(&|v| {
                matches!(
                    compare_to(v, &self.value),
                    Some(Ordering::Greater | Ordering::Equal)
                )
            }),
            Operator::Le => any(&|v| {
                matches!(
                    compare_to(v, &self.value),
                    Some(Ordering::Less | Ordering::Equal)
                )
            }),
        }
    }
}

fn collect_values<'a>(value: &'a Value, path: &[&str], out: &mut Vec<&'a Value>) {
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|item| collect_values(item, path, out)),
        _ if path.is_empty() => out.push(value),
        Value::Object(map) => {
            if let Some(child) = map.get(path[0]) {
                collect_values(child, &path[1..], out);
            }
        }
        _ => {}
    }
}

/// The text a value compares as (strings unquoted, numbers and booleans as JSON prints them).
pub fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn equals(value: &Value, text: &str) -> bool {
    match value {
        Value::Number(n) => match (n.as_i64(), text.trim().parse::<i64>()) {
            (Some(a), Ok(b)) => a == b,
            _ => n.to_string() == text.trim(),
        },
        Value::Bool(b) => text
            .trim()
            .eq_ignore_ascii_case(if *b { "true" } else { "false" }),
        other => text_of(other) == text,
    }
}

/// Orders two values: numbers numerically, ZStack dates chronologically, else as text.
/// The order of `sort`: numbers and dates by value, other text ignoring case (MySQL's default
/// collation; UNCONFIRMED for ZStack's tables), then as it is, so the order is total.
pub fn compare_values(a: &Value, b: &Value) -> Ordering {
    let (ta, tb) = (text_of(a), text_of(b));
    let numbers_or_dates = matches!((a, b), (Value::Number(_), Value::Number(_)))
        || (parse_zstack_date(&ta).is_some() && parse_zstack_date(&tb).is_some());
    if numbers_or_dates {
        return compare_to(a, &tb).unwrap_or(Ordering::Equal);
    }
    ta.to_lowercase().cmp(&tb.to_lowercase()).then(ta.cmp(&tb))
}

fn compare_to(value: &Value, text: &str) -> Option<Ordering> {
    if let (Value::Number(n), Ok(b)) = (value, text.trim().parse::<i64>()) {
        if let Some(a) = n.as_i64() {
            return Some(a.cmp(&b));
        }
    }
    let a = text_of(value);
    if let (Some(a), Some(b)) = (parse_zstack_date(&a), parse_zstack_date(text)) {
        return Some(a.cmp(&b));
    }
    Some(a.as_str().cmp(text))
}

/// SQL LIKE (`%` any run, `_` one character), case-insensitive like MySQL's default collation.
fn like(text: &str, pattern: &str) -> bool {
    let text: Vec<char> = text.to_lowercase().chars().collect();
    let pattern: Vec<char> = pattern.to_lowercase().chars().collect();
    let (mut t, mut p) = (0, 0);
    let (mut star_p, mut star_t) = (None, 0);
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '_' || pattern[p] == text[t]) {
            t += 1;
            p += 1;
        } else if p < pattern.len() && pattern[p] == '%' {
            star_p = Some(p);
            star_t = t;
            p += 1;
        } else if let Some(sp) = star_p {
            p = sp + 1;
            star_t += 1;
            t = star_t;
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|c| *c == '%')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn q(text: &str) -> Condition {
        Condition::parse(text).unwrap()
    }

    #[test]
    fn parses_every_operator() {
        assert_eq!(q("name!?=a,b").operator, Operator::NotIn);
        assert_eq!(q("name!~=a%").operator, Operator::NotLike);
        assert_eq!(q("name?=a,b").operator, Operator::In);
        assert_eq!(q("name~=a%").operator, Operator::Like);
        assert_eq!(q("size!=1").operator, Operator::NotEq);
        assert_eq!(q("size>=1").operator, Operator::Ge);
        assert_eq!(q("size<=1").operator, Operator::Le);
        assert_eq!(q("size>1").operator, Operator::Gt);
        assert_eq!(q("size<1").operator, Operator::Lt);
        assert_eq!(q("description is null").operator, Operator::IsNull);
        assert_eq!(q("description not null").operator, Operator::NotNull);
        let eq = q("yaml=a=b");
        assert_eq!((eq.operator, eq.value.as_str()), (Operator::Eq, "a=b"));
    }

    #[test]
    fn rejects_conditions_without_operator_or_field() {
        assert!(Condition::parse("name").is_err());
        assert!(Condition::parse("=x").is_err());
        assert!(Condition::parse("name x").is_err());
    }

    #[test]
    fn matching_follows_the_operators() {
        let inv = json!({"name": "Qwen-7B", "size": 9223372036854775807i64, "system": false,
            "cpuArchitectures": ["x86_64", "aarch64"],
            "modelServiceImages": [{"cpuArchitecture": "aarch64"}]});
        assert!(q("size=9223372036854775807").matches(&inv));
        assert!(q("size>9223372036854775806").matches(&inv));
        assert!(!q("size<100").matches(&inv));
        assert!(q("system=false").matches(&inv));
        assert!(q("name~=qwen%").matches(&inv));
        assert!(q("name~=Qwen-_B").matches(&inv));
        assert!(!q("name!~=%7B").matches(&inv));
        assert!(q("cpuArchitectures=aarch64").matches(&inv));
        assert!(q("modelServiceImages.cpuArchitecture?=riscv64,aarch64").matches(&inv));
        assert!(q("name!?=a,b").matches(&inv));
        assert!(q("description is null").matches(&inv));
        assert!(!q("description not null").matches(&inv));
        assert!(
            !q("description!=x").matches(&inv),
            "null never compares, as in SQL"
        );
    }

    #[test]
    fn dates_compare_chronologically() {
        let inv = json!({"createDate": "Nov 25, 2025 9:00:00 AM"});
        assert!(q("createDate<Nov 25, 2025 10:00:00 AM").matches(&inv));
        assert!(q("createDate>Dec 31, 2024 11:00:00 PM").matches(&inv));
    }
}
