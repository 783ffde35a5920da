//! ZStack query parameters: `q` (repeatable, ANDed), `limit`, `start`, `count`,
//! `replyWithCount`, `sort`, `fields`; applied to inventories as JSON.

mod condition;

use serde_json::{json, Map, Value};

pub use condition::{Condition, Operator};

/// ZStack's default page size.
pub const DEFAULT_LIMIT: usize = 1000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub conditions: Vec<Condition>,
    pub limit: usize,
    pub start: usize,
    pub count: bool,
    pub reply_with_count: bool,
    /// (field, ascending)
    pub sort: Option<(String, bool)>,
    pub fields: Option<Vec<String>>,
}

impl Query {
    /// Parses the query string's pairs; names are checked against the inventory's fields.
    /// The error is the 400 plain-text body.
    pub fn parse(pairs: &[(String, String)], known_fields: &[&str]) -> Result<Query, String> {
        let mut query = Query {
            conditions: Vec::new(),
            limit: DEFAULT_LIMIT,
            start: 0,
            count: false,
            reply_with_count: false,
            sort: None,
            fields: None,
        };
        let check_field = |field: &str| {
            if known_fields.contains(&field) {
                Ok(())
            } else {
                Err(format!(
                    "field[{field}] is not a queryable field of the inventory"
                ))
            }
        };
        for (name, value) in pairs {
            match name.as_str() {
                "q" => {
                    let condition = Condition::parse(value)?;
                    check_field(condition.root_field())?;
                    query.conditions.push(condition);
                }
                "limit" => query.limit = parse_number(name, value)?,
                "start" => query.start = parse_number(name, value)?,
                "count" => query.count = parse_bool(name, value)?,
                "replyWithCount" => query.reply_with_count = parse_bool(name, value)?,
                "sort" => {
                    // `+` may arrive decoded as a space when the client did not escape it.
                    let (field, ascending) = match value.chars().next() {
                        Some('-') => (&value[1..], false),
                        Some('+') | Some(' ') => (&value[1..], true),
                        _ => (value.as_str(), true),
                    };
                    check_field(field)?;
                    query.sort = Some((field.to_string(), ascending));
                }
                "fields" => {
                    let fields: Vec<String> = value
                        .split(',')
                        .map(|f| f.trim().to_string())
                        .filter(|f| !f.is_empty())
                        .collect();
                    for field in &fields {
                        check_field(field)?;
                    }
                    query.fields = Some(fields);
                }
                _ => {}
            }
        }
        Ok(query)
    }

    /// Filters, sorts, pages and projects; returns the reply body.
    pub fn run(&self, inventories: Vec<Value>) -> Value {
        let mut matched: Vec<Value> = inventories
            .into_iter()
            .filter(|inv| self.conditions.iter().all(|c| c.matches(inv)))
            .collect();
        let total = matched.len();
        if self.count {
            return json!({ "total": total });
        }
        if let Some((field, ascending)) = &self.sort {
            matched.sort_by(|a, b| {
                let ordering = condition::compare_values(
                    a.get(field).unwrap_or(&Value::Null),
                    b.get(field).unwrap_or(&Value::Null),
                );
                if *ascending {
                    ordering
                } else {
                    ordering.reverse()
                }
            });
        }
        let page: Vec<Value> = matched
            .into_iter()
            .skip(self.start)
            .take(self.limit)
            .map(|inv| self.project(inv))
            .collect();
        if self.reply_with_count {
            json!({ "inventories": page, "total": total })
        } else {
            json!({ "inventories": page })
        }
    }

    fn project(&self, inventory: Value) -> Value {
        match (&self.fields, inventory) {
            (Some(fields), Value::Object(map)) => {
                let projected: Map<String, Value> = map
                    .into_iter()
                    .filter(|(key, _)| fields.iter().any(|f| f == key))
                    .collect();
                Value::Object(projected)
            }
            (_, inventory) => inventory,
        }
    }
}

fn parse_number(name: &str, value: &str) -> Result<usize, String> {
    value.trim().parse().map_err(|_| {
        format!("invalid value[{value}] of parameter[{name}]: not a non-negative integer")
    })
}

fn parse_bool(name: &str, value: &str) -> Result<bool, String> {
    match value.trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(format!(
            "invalid value[{value}] of parameter[{name}]: not true or false"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    const FIELDS: &[&str] = &["uuid", "name", "size"];

    fn items() -> Vec<Value> {
        vec![
            json!({"uuid": "a", "name": "x", "size": 3}),
            json!({"uuid": "b", "name": "y", "size": 1}),
            json!({"uuid": "c", "name": "z", "size": 2}),
        ]
    }

    #[test]
    fn sort_limit_start_and_fields() {
        let query = Query::parse(
            &pairs(&[
                ("sort", "-size"),
                ("limit", "2"),
                ("start", "1"),
                ("fields", "uuid"),
            ]),
            FIELDS,
        )
        .unwrap();
        assert_eq!(
            query.run(items()),
            json!({"inventories": [{"uuid": "c"}, {"uuid": "b"}]})
        );
    }

    #[test]
    fn count_and_reply_with_count() {
        let count = Query::parse(&pairs(&[("q", "size>1"), ("count", "true")]), FIELDS).unwrap();
        assert_eq!(count.run(items()), json!({"total": 2}));
        let with = Query::parse(
            &pairs(&[("replyWithCount", "true"), ("limit", "1")]),
            FIELDS,
        )
        .unwrap();
        let reply = with.run(items());
        assert_eq!(reply["total"], 3);
        assert_eq!(reply["inventories"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn unknown_fields_and_bad_numbers_are_errors() {
        assert!(Query::parse(&pairs(&[("q", "nope=1")]), FIELDS).is_err());
        assert!(Query::parse(&pairs(&[("sort", "+nope")]), FIELDS).is_err());
        assert!(Query::parse(&pairs(&[("fields", "uuid,nope")]), FIELDS).is_err());
        assert!(Query::parse(&pairs(&[("limit", "ten")]), FIELDS).is_err());
        assert!(Query::parse(&pairs(&[("count", "yes")]), FIELDS).is_err());
    }
}
