//! UUIDs as ZStack writes them: 32 lower-case hex characters, no dashes.

/// A fresh random UUID in ZStack's form (version 4, so it also matches the `resourceUuid` pattern).
pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// The only check the node makes on `X-Job-UUID`: its length is 32 (Java `String.length()`,
/// UTF-16 units). Dashes, upper case or any other character pass.
pub fn is_job_uuid(text: &str) -> bool {
    text.encode_utf16().count() == 32
}

/// The `resourceUuid` pattern from the contract:
/// `[0-9a-f]{8}[0-9a-f]{4}[1-5][0-9a-f]{3}[89ab][0-9a-f]{3}[0-9a-f]{12}`.
pub fn is_resource_uuid(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 32
        && bytes.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        && (b'1'..=b'5').contains(&bytes[12])
        && matches!(bytes[16], b'8' | b'9' | b'a' | b'b')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_uuids_match_the_resource_pattern() {
        for _ in 0..100 {
            assert!(is_resource_uuid(&new_uuid()));
        }
    }

    #[test]
    fn resource_uuid_pattern_checks_version_and_variant() {
        assert!(is_resource_uuid("0123456789ab4def8123456789abcdef"));
        assert!(
            !is_resource_uuid("0123456789ab6def8123456789abcdef"),
            "version 6"
        );
        assert!(
            !is_resource_uuid("0123456789ab4def7123456789abcdef"),
            "variant 7"
        );
        assert!(
            !is_resource_uuid("0123456789AB4DEF8123456789ABCDEF"),
            "upper case"
        );
        assert!(
            !is_resource_uuid("0123456789ab4def8123456789abcde"),
            "31 chars"
        );
    }

    #[test]
    fn only_the_job_uuid_length_is_checked() {
        assert!(is_job_uuid("0123456789ABCDEF0123456789abcdef"));
        assert!(is_job_uuid("0123456789abcdef0123456789abcdeg"));
        assert!(is_job_uuid("--------------------------------"));
        assert!(is_job_uuid("名".repeat(32).as_str()), "32 UTF-16 units");
        assert!(!is_job_uuid("0123456789abcdef0123456789abcde"));
        assert!(!is_job_uuid("01234567-89ab-4def-8123-456789abcdef"));
        assert!(!is_job_uuid("short"));
    }
}
