//! The log of every request received under `/zstack` (kept only with `--control`).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

#[derive(Clone, Debug, Serialize)]
pub struct LoggedRequest {
    #[serde(skip)]
    pub id: u64,
    pub method: String,
    pub path: String,
    /// The raw query string, or null when the URL had none.
    pub query: Option<String>,
    /// Lower-case header name -> value (repeated headers joined with ", ").
    pub headers: BTreeMap<String, String>,
    /// The body parsed as JSON, else as a string; null when empty.
    pub body: Value,
    /// The status sent; null while in flight or when the connection was dropped before handling.
    pub status: Option<u16>,
    /// `"before"` / `"after"` when a drop fault closed the connection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dropped: Option<&'static str>,
}

#[derive(Default)]
pub struct RequestLog {
    next_id: u64,
    entries: Vec<LoggedRequest>,
}

impl RequestLog {
    /// Appends an entry and returns its id.
    pub fn push(&mut self, mut entry: LoggedRequest) -> u64 {
        self.next_id += 1;
        entry.id = self.next_id;
        self.entries.push(entry);
        self.next_id
    }

    /// Records the outcome of an entry (if it is still in the log).
    pub fn complete(&mut self, id: u64, status: Option<u16>, dropped: Option<&'static str>) {
        if let Some(entry) = self.entries.iter_mut().rev().find(|e| e.id == id) {
            entry.status = status;
            entry.dropped = dropped;
        }
    }

    pub fn entries(&self) -> &[LoggedRequest] {
        &self.entries
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

/// The logged form of a body: JSON if it parses, else text, null if empty.
pub fn body_for_log(bytes: &[u8]) -> Value {
    if bytes.is_empty() {
        return Value::Null;
    }
    serde_json::from_slice(bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(bytes).into_owned()))
}
