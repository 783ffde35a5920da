//! The ZStack wire protocol, pure and native-tested: serde types for CloneModelService's request
//! (all 27 parameters of the API page), the ModelServiceInventory, ErrorCode with its cause chain,
//! login, sessions and accounts, query results and query strings, and the 202 job location.
//!
//! Nothing here does I/O; [`crate::client`] sends these types and [`crate::form`] builds them.

mod account;
mod clone_request;
mod error_code;
mod inventory;
mod job;
mod lenient;
mod name_search;
mod new_uuid;
mod parameters;
mod query;
mod related_inventories;
mod session;
mod zstack_date;

pub use account::AccountInventory;
pub use clone_request::{ArchitectureImage, CloneModelServiceBody, CloneParams, CloneRequest};
pub use error_code::{ErrorCode, ErrorEnvelope, SESSION_INVALID_CODE};
pub use inventory::{InventoryReply, ModelServiceImage, ModelServiceInventory, ModelServiceRef};
pub use job::{job_uuid_from_location, JobAccepted};
pub use name_search::NameSearch;
pub use new_uuid::new_uuid;
pub(crate) use parameters::{clone_model_service_parameters, normalize_parameter_rows};
pub use query::{encode_query_component, Query, QueryReply};
pub use related_inventories::{GpuSpecInventory, ImageInventory, TagInventory};
pub use session::{LogInByAccount, LoginBody, SessionInventory, SessionValidity};
pub use zstack_date::ZStackDate;

/// The path prefix of every ZStack REST API, below the deployment's API base (`/zstack`).
pub const API_VERSION_PREFIX: &str = "/v1";

/// The path of an API below the API base: `api_path("/api-jobs/x")` is `/v1/api-jobs/x`.
pub fn api_path(rest: &str) -> String {
    format!("{API_VERSION_PREFIX}{rest}")
}

/// Whether `s` is a ZStack uuid: exactly 32 hexadecimal digits, no dashes.
pub fn is_zstack_uuid(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether `s` is acceptable as `resourceUuid`: the contract's pattern
/// `[0-9a-f]{8}[0-9a-f]{4}[1-5][0-9a-f]{3}[89ab][0-9a-f]{3}[0-9a-f]{12}` (lower case only:
/// a version digit 1-5 at index 12 and a variant digit 8, 9, a or b at index 16).
pub fn is_resource_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 32
        && b.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
        && matches!(b[12], b'1'..=b'5')
        && matches!(b[16], b'8' | b'9' | b'a' | b'b')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zstack_uuids_are_32_hex_digits() {
        assert!(is_zstack_uuid("d76744cb53f9378abf42b907df3efb6e"));
        assert!(is_zstack_uuid("D76744CB53F9378ABF42B907DF3EFB6E"));
        assert!(!is_zstack_uuid("d76744cb-53f9-378a-bf42-b907df3efb6e"));
        assert!(!is_zstack_uuid("d76744cb53f9378abf42b907df3efb6"));
        assert!(!is_zstack_uuid("g76744cb53f9378abf42b907df3efb6e"));
        assert!(!is_zstack_uuid(""));
    }

    #[test]
    fn resource_uuids_follow_the_contract_pattern() {
        assert!(is_resource_uuid("90d425a802ff44eeb530f21587633700"));
        assert!(is_resource_uuid("d76744cb53f9378abf42b907df3efb6e"));
        // version digit 0 / 6
        assert!(!is_resource_uuid("90d425a802ff04eeb530f21587633700"));
        assert!(!is_resource_uuid("90d425a802ff64eeb530f21587633700"));
        // variant digit c
        assert!(!is_resource_uuid("90d425a802ff44eec530f21587633700"));
        // upper case is not in the pattern
        assert!(!is_resource_uuid("90D425A802FF44EEB530F21587633700"));
        assert!(!is_resource_uuid("90d425a8-02ff-44ee-b530-f21587633700"));
        assert!(!is_resource_uuid(""));
    }
}
