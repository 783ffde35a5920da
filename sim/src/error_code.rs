//! ZStack's ErrorCode: `{"code", "description", "details", "cause"?}` as the node sends it.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorCode {
    pub code: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub details: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Box<ErrorCode>>,
}

/// The fixed description text of the codes the simulator knows.
pub fn description_of(code: &str) -> &'static str {
    match code {
        "ID.1000" => "Incorrect account name or password",
        "ID.1001" => "Session expired",
        "ID.1002" => "Permission denied",
        "SYS.1000" => "An internal error happened in system",
        "SYS.1001" => "Operation timeout",
        "SYS.1003" => "Resource not found",
        "SYS.1006" => "Operation failure",
        "SYS.1007" => "One or more API argument is invalid",
        _ => "Unknown error",
    }
}

impl ErrorCode {
    pub fn new(code: &str, details: impl Into<String>) -> Self {
        ErrorCode {
            code: code.to_string(),
            description: description_of(code).to_string(),
            details: details.into(),
            cause: None,
        }
    }

    pub fn wrong_password() -> Self {
        Self::new("ID.1000", "wrong account name or password")
    }

    pub fn session_invalid(session: &str) -> Self {
        Self::new(
            "ID.1001",
            format!("Session expired or invalid, session uuid[{session}]"),
        )
    }

    /// SYS.1003 naming the field that referenced a missing resource.
    pub fn not_found(field: &str, uuid: &str, vo: &str) -> Self {
        Self::new(
            "SYS.1003",
            format!("invalid field[{field}], resource[uuid:{uuid}, type:{vo}] not found"),
        )
    }

    pub fn invalid_argument(details: impl Into<String>) -> Self {
        Self::new("SYS.1007", details)
    }

    /// Fills an empty description (recursively) from the code, for hand-written fault errors.
    pub fn with_default_descriptions(mut self) -> Self {
        if self.description.is_empty() {
            self.description = description_of(&self.code).to_string();
        }
        self.cause = self
            .cause
            .map(|cause| Box::new(cause.with_default_descriptions()));
        self
    }

    /// The `{"error": ErrorCode}` body of a 503.
    pub fn to_body(&self) -> Value {
        json!({ "error": self })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cause_is_omitted_when_absent_and_kept_when_present() {
        let plain = serde_json::to_value(ErrorCode::wrong_password()).unwrap();
        assert_eq!(plain.get("cause"), None);
        assert_eq!(plain["code"], "ID.1000");
        let mut outer = ErrorCode::new("SYS.1006", "outer");
        outer.cause = Some(Box::new(ErrorCode::new("SYS.1000", "inner")));
        let value = serde_json::to_value(&outer).unwrap();
        assert_eq!(value["cause"]["code"], "SYS.1000");
        assert_eq!(value["cause"]["description"], description_of("SYS.1000"));
    }
}
