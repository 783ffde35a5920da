//! The user's decision to clone one request: what is sent, and the job uuid that makes every
//! send of it one execution at most.

use serde::{Deserialize, Serialize};

use crate::zstack::{new_uuid, CloneRequest};

/// Made when the user decides to clone, kept (in its own sessionStorage entry, written before
/// the first send) until its outcome is known, and sent again unchanged by every retry,
/// "Check again", re-login and reload:
/// - `job_uuid` goes in `X-Job-UUID`: ZStack refuses a second POST with it (`400 Duplicate job
///   uuid`) and the client polls the original job instead;
/// - the request's `resourceUuid` becomes the clone's uuid, so the clone can be found after
///   its job record expired, and a second job with a new job uuid ([`CloneIntent::with_new_job`],
///   only after ZStack said the first did not run) cannot create a second clone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CloneIntent {
    pub job_uuid: String,
    pub request: CloneRequest,
}

impl CloneIntent {
    /// A new intent for `request`, which must carry its `resourceUuid`.
    pub fn new(request: CloneRequest) -> CloneIntent {
        debug_assert!(request.body.params.resource_uuid.is_some());
        CloneIntent {
            job_uuid: new_uuid(),
            request,
        }
    }

    /// The uuid the clone gets (and is looked up by).
    pub fn resource_uuid(&self) -> &str {
        self.request
            .body
            .params
            .resource_uuid
            .as_deref()
            .unwrap_or_default()
    }

    /// The same request under a fresh job uuid: only for a job ZStack ran and refused (its
    /// session had expired); the `resourceUuid` stays, so this cannot clone twice either.
    pub fn with_new_job(&self) -> CloneIntent {
        CloneIntent {
            job_uuid: new_uuid(),
            request: self.request.clone(),
        }
    }

    /// Whether a kept intent is whole: both uuids in ZStack's form and a source to clone.
    pub fn is_well_formed(&self) -> bool {
        use crate::zstack::{is_resource_uuid, is_zstack_uuid};
        is_zstack_uuid(&self.job_uuid)
            && is_resource_uuid(self.resource_uuid())
            && is_zstack_uuid(&self.request.source_uuid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zstack::{CloneModelServiceBody, CloneParams};

    fn request() -> CloneRequest {
        CloneRequest {
            source_uuid: "d76744cb53f9478abf42b907df3efb6e".into(),
            body: CloneModelServiceBody {
                params: CloneParams {
                    resource_uuid: Some(new_uuid()),
                    ..CloneParams::default()
                },
                ..CloneModelServiceBody::default()
            },
        }
    }

    #[test]
    fn a_new_job_keeps_the_request_and_its_resource_uuid() {
        let a = CloneIntent::new(request());
        assert!(a.is_well_formed());
        let b = a.with_new_job();
        assert_ne!(a.job_uuid, b.job_uuid);
        assert_eq!(a.request, b.request);
        assert_eq!(a.resource_uuid(), b.resource_uuid());
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains("\"jobUuid\""), "{json}");
        assert_eq!(serde_json::from_str::<CloneIntent>(&json).unwrap(), a);
    }

    #[test]
    fn tampered_intents_are_not_well_formed() {
        let mut a = CloneIntent::new(request());
        a.job_uuid = "x".into();
        assert!(!a.is_well_formed());
        let mut b = CloneIntent::new(request());
        b.request.body.params.resource_uuid = None;
        assert!(!b.is_well_formed());
        let mut c = CloneIntent::new(request());
        c.request.source_uuid = "../../x".into();
        assert!(!c.is_well_formed());
    }
}
