//! Bounded fuzzing of everything the client parses from the outside: response bodies of any
//! status, ErrorCodes, job locations, and kept intents. None may panic; each must land in a
//! typed value, and the security-relevant ones (job uuids, kept intents) must only accept what
//! is well formed.

use proptest::prelude::*;

use super::*;
use crate::zstack::{
    is_zstack_uuid, job_uuid_from_location, ErrorEnvelope, InventoryReply, ModelServiceInventory,
};

/// Bodies a node, a proxy or an attacker could send: JSON-ish fragments, HTML, plain text,
/// and arbitrary strings.
fn any_body() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,200}",
        "\\{\"error\":\\{\"code\":\"[A-Z]{2,3}\\.[0-9]{4}\"(,\"cause\":\\{\"code\":\"ID\\.1001\"\\})?\\}\\}",
        "\\{\"inventory\":\\{\"uuid\":(\"[0-9a-f]{32}\"|[0-9]{1,30}|null|\\[\\])\\}\\}",
        "<html><head><title>.{0,30}</title></head><body>.{0,30}</body></html>",
        "[\\[\\]{}\",:0-9a-z ]{0,80}",
        "Duplicate job uuid\\[.{0,40}\\]",
    ]
}

fn any_status() -> impl Strategy<Value = u16> {
    prop_oneof![
        Just(200u16),
        Just(202),
        Just(400),
        Just(401),
        Just(404),
        Just(500),
        Just(503),
        0u16..1000
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_response_is_a_typed_value(status in any_status(), body in any_body()) {
        let response = HttpResponse { status, body: body.clone() };
        let error = error_of(&response);
        // Every error of a response says its status, but the session's (which has none: it is
        // the same failure whatever the status).
        if !error.is_session_invalid() {
            prop_assert_eq!(error.status(), Some(status));
        }
        let _ = decode::<InventoryReply<ModelServiceInventory>>(&response);
        let _ = is_duplicate_job(&response);
        // Only a 404 with ZStack's exact text is "expired".
        if is_job_expired(&response) {
            prop_assert_eq!(status, 404);
        }
        if error.is_session_invalid() {
            prop_assert!(body.contains("ID.1001"));
        }
    }

    #[test]
    fn any_error_code_parses_or_is_refused(body in any_body()) {
        if let Ok(envelope) = serde_json::from_str::<ErrorEnvelope>(&body) {
            let _ = envelope.error.summary();
            let _ = envelope.error.causes_chain();
            let _ = envelope.error.redacted("x", "•");
        }
    }

    #[test]
    fn job_locations_yield_only_zstack_uuids(location in ".{0,120}", uuid in "[0-9a-fA-F]{32}") {
        if let Some(job) = job_uuid_from_location(&location) {
            prop_assert!(is_zstack_uuid(&job));
        }
        let with = format!("http://10.0.0.1:8080/zstack/v1/api-jobs/{uuid}{location}");
        let found = job_uuid_from_location(&with);
        if found.is_some() {
            prop_assert!(is_zstack_uuid(found.as_deref().unwrap()));
        }
    }

    #[test]
    fn kept_intents_are_whole_or_ignored(json in prop_oneof![
        ".{0,200}",
        "\\{\"jobUuid\":\"[0-9a-z./]{0,34}\",\"request\":\\{\"source_uuid\":\"[0-9a-z./]{0,34}\",\"body\":\\{\"params\":\\{\"resourceUuid\":\"[0-9a-f]{30,33}\"\\}\\}\\}\\}",
    ]) {
        if let Ok(intent) = serde_json::from_str::<CloneIntent>(&json) {
            if intent.is_well_formed() {
                prop_assert!(is_zstack_uuid(&intent.job_uuid));
                prop_assert!(is_zstack_uuid(&intent.request.source_uuid));
                prop_assert!(crate::zstack::is_resource_uuid(intent.resource_uuid()));
            }
        }
    }
}
