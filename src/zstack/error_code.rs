//! ZStack's ErrorCode, with its whole cause chain.

use serde::{Deserialize, Serialize};

use super::lenient::null_as_default;

/// The code of "session invalid or expired".
pub const SESSION_INVALID_CODE: &str = "ID.1001";

/// `{"error": ErrorCode}`: the body of a failed query, login or job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorEnvelope {
    pub error: ErrorCode,
}

/// A ZStack error: `code` (e.g. `SYS.1007`), `description` (the fixed text of the code),
/// `details` (the specific message) and the error that caused it. Newer servers add
/// `globalErrorCode`, `message` and `causes`; unknown fields are ignored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ErrorCode {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elaboration: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_error_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opaque: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<Box<ErrorCode>>,
    #[serde(
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub causes: Vec<ErrorCode>,
}

impl ErrorCode {
    /// A bare error with a code and details (tests, synthetic errors).
    pub fn new(code: &str, details: &str) -> ErrorCode {
        ErrorCode {
            code: Some(code.to_owned()),
            details: Some(details.to_owned()),
            ..ErrorCode::default()
        }
    }

    /// This error and every error below it, depth first: `cause` before `causes`.
    pub fn chain(&self) -> Vec<&ErrorCode> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(e) = stack.pop() {
            out.push(e);
            for c in e.causes.iter().rev() {
                stack.push(c);
            }
            if let Some(c) = &e.cause {
                stack.push(c);
            }
        }
        out
    }

    /// The errors below this one (the chain without `self`).
    pub fn causes_chain(&self) -> Vec<&ErrorCode> {
        let mut chain = self.chain();
        chain.remove(0);
        chain
    }

    /// Whether any error in the chain has the given code.
    pub fn has_code(&self, code: &str) -> bool {
        self.chain().iter().any(|e| e.code.as_deref() == Some(code))
    }

    /// Whether the session is invalid or expired (ID.1001 anywhere in the chain).
    pub fn is_session_invalid(&self) -> bool {
        self.has_code(SESSION_INVALID_CODE)
    }

    /// The most specific text: `details`, else `message`, else `description`, else `code`.
    /// A copy with every occurrence of `secret` in its texts (and its causes') replaced.
    pub fn redacted(&self, secret: &str, shown_as: &str) -> ErrorCode {
        let hide = |s: &Option<String>| s.as_deref().map(|s| s.replace(secret, shown_as));
        ErrorCode {
            code: hide(&self.code),
            description: hide(&self.description),
            details: hide(&self.details),
            elaboration: hide(&self.elaboration),
            location: hide(&self.location),
            message: hide(&self.message),
            global_error_code: hide(&self.global_error_code),
            cause: self
                .cause
                .as_ref()
                .map(|c| Box::new(c.redacted(secret, shown_as))),
            causes: self
                .causes
                .iter()
                .map(|c| c.redacted(secret, shown_as))
                .collect(),
            ..self.clone()
        }
    }

    pub fn summary(&self) -> String {
        [&self.details, &self.message, &self.description, &self.code]
            .into_iter()
            .flatten()
            .find(|s| !s.trim().is_empty())
            .cloned()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_causes_and_ignores_unknown_fields() {
        let body = r#"{"error":{"code":"SYS.1006","description":"An operation failed",
            "details":"failed to clone","elaboration":null,"location":null,"cost":"12ms",
            "opaque":{"k":1},"somethingNew":[1,2],
            "cause":{"code":"SYS.1007","description":"One or more API argument is invalid",
                "details":"invalid value[Foo] of field[type]",
                "cause":{"code":"SYS.1000","details":"root"}},
            "causes":null}}"#;
        let env: ErrorEnvelope = serde_json::from_str(body).unwrap();
        let e = env.error;
        assert_eq!(e.code.as_deref(), Some("SYS.1006"));
        assert_eq!(e.summary(), "failed to clone");
        let codes: Vec<_> = e.chain().iter().map(|e| e.code.clone().unwrap()).collect();
        assert_eq!(codes, ["SYS.1006", "SYS.1007", "SYS.1000"]);
        assert_eq!(e.causes_chain().len(), 2);
        assert!(!e.is_session_invalid());
    }

    #[test]
    fn newer_servers_causes_list_and_global_code() {
        let body = r#"{"code":"SYS.1006","globalErrorCode":"ORG_ZSTACK_AI_10001",
            "message":"clone failed","causes":[{"code":"ID.1001","details":"session expired"},
            {"code":"SYS.1003"}]}"#;
        let e: ErrorCode = serde_json::from_str(body).unwrap();
        assert_eq!(e.global_error_code.as_deref(), Some("ORG_ZSTACK_AI_10001"));
        assert_eq!(e.summary(), "clone failed");
        assert!(e.is_session_invalid());
        assert_eq!(e.chain().len(), 3);
    }

    #[test]
    fn summary_falls_back_to_description_then_code() {
        let mut e = ErrorCode::new("SYS.1000", "  ");
        assert_eq!(e.summary(), "SYS.1000");
        e.description = Some("internal".into());
        assert_eq!(e.summary(), "internal");
    }

    #[test]
    fn round_trips_without_empty_fields() {
        let e = ErrorCode::new("ID.1000", "wrong password");
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#"{"code":"ID.1000","details":"wrong password"}"#);
        assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), e);
    }
}
