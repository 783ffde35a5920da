//! Query results and query strings (`q=field=value`, `limit`, `start`, `replyWithCount`, `sort`,
//! `fields`: what the dialog and the source list ask).

use serde::{Deserialize, Serialize};

use super::lenient::null_as_default;

/// `{"inventories": [...], "total": n}` (`total` only with `replyWithCount=true`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, bound(deserialize = "T: Deserialize<'de>"))]
pub struct QueryReply<T> {
    #[serde(deserialize_with = "null_as_default")]
    pub inventories: Vec<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
}

impl<T> Default for QueryReply<T> {
    fn default() -> Self {
        QueryReply {
            inventories: Vec::new(),
            total: None,
        }
    }
}

/// A ZStack query's parameters. Conditions are ANDed.
///
/// ```
/// use clone_model_service::zstack::Query;
/// let q = Query::new().eq("name", "my model & co").limit(1);
/// assert_eq!(q.to_query_string(), "q=name=my%20model%20%26%20co&limit=1");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    conditions: Vec<String>,
    limit: Option<u32>,
    start: Option<u32>,
    reply_with_count: bool,
    /// (field, ascending)
    sort: Option<(String, bool)>,
    fields: Vec<String>,
}

impl Query {
    pub fn new() -> Query {
        Query::default()
    }

    /// `q=<field><op><value>`; `op` is one of ZStack's operators (`=`, `!=`, `?=`, `~=`...).
    /// The field and operator are written as they are, the value is percent-encoded.
    pub fn condition(mut self, field: &str, op: &str, value: &str) -> Query {
        self.conditions
            .push(format!("{field}{op}{}", encode_query_component(value)));
        self
    }

    pub fn eq(self, field: &str, value: &str) -> Query {
        self.condition(field, "=", value)
    }

    pub fn limit(mut self, limit: u32) -> Query {
        self.limit = Some(limit);
        self
    }

    /// `start=<n>`: skip the first `n` results (paging with `limit`).
    pub fn start(mut self, start: u32) -> Query {
        self.start = Some(start);
        self
    }

    /// `replyWithCount=true`: the reply's `total` counts every match, not only this page.
    pub fn reply_with_count(mut self) -> Query {
        self.reply_with_count = true;
        self
    }

    /// `sort=+field` or `sort=-field`; the `+` is sent as `%2B` (a bare `+` in a query string
    /// decodes to a space).
    pub fn sort(mut self, field: &str, ascending: bool) -> Query {
        self.sort = Some((encode_query_component(field), ascending));
        self
    }

    pub fn fields(mut self, fields: &[&str]) -> Query {
        self.fields = fields.iter().map(|f| encode_query_component(f)).collect();
        self
    }

    /// The query string, without the leading `?` (empty for an empty query).
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<String> = self.conditions.iter().map(|c| format!("q={c}")).collect();
        if let Some(l) = self.limit {
            parts.push(format!("limit={l}"));
        }
        if let Some(start) = self.start {
            parts.push(format!("start={start}"));
        }
        if self.reply_with_count {
            parts.push("replyWithCount=true".to_owned());
        }
        if let Some((field, ascending)) = &self.sort {
            let sign = if *ascending { "%2B" } else { "-" };
            parts.push(format!("sort={sign}{field}"));
        }
        if !self.fields.is_empty() {
            parts.push(format!("fields={}", self.fields.join(",")));
        }
        parts.join("&")
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - _ . ~`),
/// byte by byte in UTF-8: the same as JavaScript's `encodeURIComponent` minus `!'()*`.
pub fn encode_query_component(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_and_non_ascii() {
        assert_eq!(encode_query_component("x86_64"), "x86_64");
        assert_eq!(
            encode_query_component("a b&c=d%e/f?#+"),
            "a%20b%26c%3Dd%25e%2Ff%3F%23%2B"
        );
        assert_eq!(encode_query_component("模型"), "%E6%A8%A1%E5%9E%8B");
    }

    #[test]
    fn builds_query_strings() {
        assert_eq!(
            Query::new().eq("architecture", "x86_64").to_query_string(),
            "q=architecture=x86_64"
        );
        assert_eq!(
            Query::new()
                .eq("uuid", "90d425a802ff44eeb530f21587633700")
                .condition("state", "!=", "Disabled")
                .limit(10)
                .fields(&["uuid", "name"])
                .to_query_string(),
            "q=uuid=90d425a802ff44eeb530f21587633700&q=state!=Disabled&limit=10&fields=uuid,name"
        );
        assert_eq!(Query::new().to_query_string(), "");
    }

    #[test]
    fn builds_paged_sorted_counted_queries() {
        assert_eq!(
            Query::new()
                .condition("name", "~=", "%a\\_b%")
                .limit(20)
                .start(40)
                .reply_with_count()
                .sort("createDate", false)
                .to_query_string(),
            "q=name~=%25a%5C_b%25&limit=20&start=40&replyWithCount=true&sort=-createDate"
        );
        assert_eq!(
            Query::new().sort("name", true).to_query_string(),
            "sort=%2Bname"
        );
    }

    #[test]
    fn parses_replies_with_and_without_total() {
        let r: QueryReply<serde_json::Value> =
            serde_json::from_str(r#"{"inventories":[{"a":1}],"total":7}"#).unwrap();
        assert_eq!((r.inventories.len(), r.total), (1, Some(7)));
        let r: QueryReply<serde_json::Value> =
            serde_json::from_str(r#"{"inventories":null}"#).unwrap();
        assert!(r.inventories.is_empty());
    }
}
