//! Uuids the client makes itself: `X-Job-UUID`s and the `resourceUuid` a clone gets.

/// A random uuid v4 in ZStack's form: 32 lower-case hex digits, no dashes (WebCrypto on
/// wasm32, the OS elsewhere). Version digit 4 and variant digit 8-b also match the contract's
/// `resourceUuid` pattern.
pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zstack::{is_resource_uuid, is_zstack_uuid};

    #[test]
    fn made_uuids_fit_the_contract_and_differ() {
        let (a, b) = (new_uuid(), new_uuid());
        for u in [&a, &b] {
            assert!(is_zstack_uuid(u) && is_resource_uuid(u), "{u}");
        }
        assert_ne!(a, b);
    }
}
