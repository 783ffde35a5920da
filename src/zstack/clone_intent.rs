//! One clone intention: the job uuid and resource uuid it keeps for every try.

use serde::{Deserialize, Serialize};

/// Generated once when the user decides to clone, before the first send, and kept (with the
/// draft, in sessionStorage) until that clone is finished. Every retry, a duplicate click or a
/// resume after re-login reuses it, so ZStack executes the clone at most once:
/// - `job_uuid` goes in `X-Job-UUID`; a second POST with it is refused as a duplicate and the
///   client polls the original job instead;
/// - `resource_uuid` becomes the clone's uuid (unless the user typed one), so the clone can be
///   found after its job record expired.
///
/// Both are uuid v4 in the simple form (32 lower-case hex digits), which matches the contract's
/// `resourceUuid` pattern (version digit 4, variant digit 8-b).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CloneIntent {
    pub job_uuid: String,
    pub resource_uuid: String,
}

impl CloneIntent {
    /// Fresh random uuids (WebCrypto on wasm32, the OS elsewhere).
    pub fn generate() -> CloneIntent {
        CloneIntent {
            job_uuid: new_uuid(),
            resource_uuid: new_uuid(),
        }
    }
}

/// A random uuid v4 in ZStack's form: 32 lower-case hex digits, no dashes.
pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zstack::{is_resource_uuid, is_zstack_uuid};

    #[test]
    fn generated_uuids_fit_the_contract_and_differ() {
        let a = CloneIntent::generate();
        let b = CloneIntent::generate();
        for u in [&a.job_uuid, &a.resource_uuid, &b.job_uuid, &b.resource_uuid] {
            assert!(is_zstack_uuid(u) && is_resource_uuid(u), "{u}");
        }
        assert_ne!(a.job_uuid, a.resource_uuid);
        assert_ne!(a, b);
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains("\"jobUuid\""));
        assert_eq!(serde_json::from_str::<CloneIntent>(&json).unwrap(), a);
    }
}
