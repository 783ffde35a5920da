//! Injected faults: for the next N requests matching a method and a path prefix, do something
//! other than (or before) the normal handling. Set through `POST /__sim/faults`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error_code::ErrorCode;

/// A fault as posted to `/__sim/faults`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultSpec {
    /// HTTP method to match (case-insensitive); any method when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The request path must start with this (e.g. `/zstack/v1/ai/model-services/`).
    pub path_prefix: String,
    /// How many matching requests it applies to (default 1).
    #[serde(default = "one")]
    pub times: u32,
    pub action: FaultAction,
}

fn one() -> u32 {
    1
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum FaultAction {
    /// Answer with this instead of handling the request. A string body is sent as is, any other
    /// JSON value serialized; no Content-Type header unless `contentType` is given.
    #[serde(rename_all = "camelCase")]
    Respond {
        status: u16,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        content_type: Option<String>,
        #[serde(default)]
        body: Value,
    },
    /// Wait, then handle the request normally.
    Delay { ms: u64 },
    /// Close the TCP connection without handling the request.
    DropBefore,
    /// Handle the request fully (its effects happen), then close the connection unanswered.
    DropAfter,
    /// The async job this request starts ends 503 with this error (the clone is not made).
    JobFail { error: ErrorCode },
    /// The async job this request starts never finishes.
    JobHang,
}

/// A pending fault, as listed by `GET /__sim/faults`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingFault {
    pub id: u64,
    pub remaining: u32,
    #[serde(flatten)]
    pub spec: FaultSpec,
}

#[derive(Default)]
pub struct FaultBook {
    next_id: u64,
    pending: Vec<PendingFault>,
}

impl FaultBook {
    pub fn add(&mut self, mut spec: FaultSpec) -> PendingFault {
        if let FaultAction::JobFail { error } = &mut spec.action {
            *error = error.clone().with_default_descriptions();
        }
        self.next_id += 1;
        let fault = PendingFault {
            id: self.next_id,
            remaining: spec.times,
            spec,
        };
        if fault.remaining > 0 {
            self.pending.push(fault.clone());
        }
        fault
    }

    pub fn list(&self) -> Vec<PendingFault> {
        self.pending.clone()
    }

    pub fn clear(&mut self) {
        self.pending.clear();
    }

    /// The action of the oldest fault matching this request, counting one use of it.
    pub fn take(&mut self, method: &str, path: &str) -> Option<FaultAction> {
        let index = self.pending.iter().position(|f| {
            f.spec
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
                && path.starts_with(&f.spec.path_prefix)
        })?;
        let fault = &mut self.pending[index];
        fault.remaining -= 1;
        let action = fault.spec.action.clone();
        if fault.remaining == 0 {
            self.pending.remove(index);
        }
        Some(action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: &str) -> FaultSpec {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_fault_applies_times_then_disappears() {
        let mut book = FaultBook::default();
        book.add(spec(
            r#"{"method":"get","pathPrefix":"/zstack/v1/images","times":2,"action":{"kind":"delay","ms":5}}"#,
        ));
        assert_eq!(book.take("POST", "/zstack/v1/images"), None);
        assert_eq!(book.take("GET", "/zstack/v1/tags"), None);
        assert_eq!(
            book.take("GET", "/zstack/v1/images"),
            Some(FaultAction::Delay { ms: 5 })
        );
        assert_eq!(book.list()[0].remaining, 1);
        assert!(book.take("GET", "/zstack/v1/images/x").is_some());
        assert!(book.take("GET", "/zstack/v1/images").is_none());
    }

    #[test]
    fn job_fail_errors_get_default_descriptions() {
        let mut book = FaultBook::default();
        let fault = book.add(spec(
            r#"{"pathPrefix":"/","action":{"kind":"jobFail","error":{"code":"SYS.1006","details":"x","cause":{"code":"SYS.1000","details":"y"}}}}"#,
        ));
        let FaultAction::JobFail { error } = fault.spec.action else {
            panic!("not jobFail")
        };
        assert_eq!(error.description, "Operation failure");
        assert_eq!(
            error.cause.unwrap().description,
            "An internal error happened in system"
        );
    }

    #[test]
    fn unknown_kinds_are_rejected() {
        let parsed: Result<FaultSpec, _> =
            serde_json::from_str(r#"{"pathPrefix":"/","action":{"kind":"explode"}}"#);
        assert!(parsed.is_err());
    }
}
