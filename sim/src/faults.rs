//! Injected faults: for the next N requests matching a method and a path prefix (optionally after
//! letting the first `skip` of them pass), do something other than (or before) the normal
//! handling. Set through `POST /__sim/faults`.

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
    /// How many matching requests pass it by first (default 0): with `skip: 2` the third matching
    /// request is the first one hit (the third poll of a job, say). Skipped requests count for
    /// every fault they match, whatever other faults do with them.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub skip: u32,
    pub action: FaultAction,
}

fn one() -> u32 {
    1
}

fn is_zero(n: &u32) -> bool {
    *n == 0
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
    /// Matching requests still to pass by before it applies.
    pub skipping: u32,
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
            skipping: spec.skip,
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

    /// The action of the oldest matching fault that is not skipping, counting one use of it.
    /// Every matching fault that is still skipping counts this request as one skipped.
    pub fn take(&mut self, method: &str, path: &str) -> Option<FaultAction> {
        let mut chosen = None;
        for (index, fault) in self.pending.iter_mut().enumerate() {
            let matches = fault
                .spec
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
                && path.starts_with(&fault.spec.path_prefix);
            if !matches {
                continue;
            }
            if fault.skipping > 0 {
                fault.skipping -= 1;
            } else if chosen.is_none() {
                chosen = Some(index);
            }
        }
        let index = chosen?;
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
    fn skip_lets_matching_requests_pass_before_the_fault_applies() {
        let mut book = FaultBook::default();
        book.add(spec(
            r#"{"pathPrefix":"/zstack/v1/api-jobs/","skip":2,"times":2,"action":{"kind":"dropBefore"}}"#,
        ));
        assert_eq!(book.list()[0].skipping, 2);
        assert_eq!(book.take("GET", "/zstack/v1/images"), None, "not matching");
        assert_eq!(book.take("GET", "/zstack/v1/api-jobs/j"), None);
        assert_eq!(book.take("GET", "/zstack/v1/api-jobs/j"), None);
        assert_eq!(
            book.take("GET", "/zstack/v1/api-jobs/j"),
            Some(FaultAction::DropBefore)
        );
        assert_eq!(
            book.take("GET", "/zstack/v1/api-jobs/j"),
            Some(FaultAction::DropBefore)
        );
        assert_eq!(book.take("GET", "/zstack/v1/api-jobs/j"), None);
    }

    #[test]
    fn a_skipped_request_still_meets_the_next_fault_and_counts_for_every_skipping_one() {
        let mut book = FaultBook::default();
        book.add(spec(
            r#"{"pathPrefix":"/a","skip":1,"action":{"kind":"dropBefore"}}"#,
        ));
        book.add(spec(r#"{"pathPrefix":"/a","action":{"kind":"dropAfter"}}"#));
        book.add(spec(
            r#"{"pathPrefix":"/a","skip":1,"action":{"kind":"jobHang"}}"#,
        ));
        assert_eq!(book.take("GET", "/a"), Some(FaultAction::DropAfter));
        assert_eq!(book.take("GET", "/a"), Some(FaultAction::DropBefore));
        assert_eq!(book.take("GET", "/a"), Some(FaultAction::JobHang));
        assert_eq!(book.take("GET", "/a"), None);
        let listed = serde_json::to_value(book.add(spec(
            r#"{"pathPrefix":"/b","skip":3,"action":{"kind":"jobHang"}}"#,
        )))
        .unwrap();
        assert_eq!(listed["skip"], 3);
        assert_eq!(listed["skipping"], 3);
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
