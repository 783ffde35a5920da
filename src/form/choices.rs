//! What the tag and GPU spec pickers list and how a checkbox changes the draft, as pure
//! functions: a loaded tag or spec as a choice, whose a spec is, and a uuid checked or
//! unchecked in a list.

use crate::zstack::GpuSpecInventory;

/// A loaded choice as the pickers list it: its uuid, and its name (the uuid when it has none).
pub fn named_choice(uuid: &str, name: Option<&str>) -> (String, String) {
    let name = name.filter(|n| !n.is_empty()).unwrap_or(uuid);
    (uuid.to_owned(), name.to_owned())
}

/// Whether the loaded specs put `uuid` under a vendor other than `vendor`.
pub fn of_another_vendor(specs: &[GpuSpecInventory], uuid: &str, vendor: &str) -> bool {
    specs.iter().any(|s| {
        s.uuid == uuid
            && !s
                .vendor
                .as_deref()
                .is_some_and(|v| v.eq_ignore_ascii_case(vendor))
    })
}

/// Checks (`on`) or unchecks `uuid` in a list of uuids, keeping its order and each uuid once.
pub fn set_member(list: &mut Vec<String>, uuid: &str, on: bool) {
    if !on {
        list.retain(|u| u != uuid);
    } else if !list.iter().any(|u| u == uuid) {
        list.push(uuid.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_without_a_name_is_listed_by_its_uuid() {
        let named = named_choice("u1", Some("production"));
        assert_eq!(named, ("u1".to_owned(), "production".to_owned()));
        assert_eq!(named_choice("u2", Some("")).1, "u2");
        assert_eq!(named_choice("u3", None).1, "u3");
    }

    #[test]
    fn a_spec_is_of_another_vendor_only_when_the_loaded_specs_say_so() {
        let spec = |uuid: &str, vendor: Option<&str>| GpuSpecInventory {
            uuid: uuid.into(),
            vendor: vendor.map(str::to_owned),
            ..GpuSpecInventory::default()
        };
        let specs = [spec("a100", Some("NVIDIA")), spec("odd", None)];
        assert!(!of_another_vendor(&specs, "a100", "NVIDIA"));
        assert!(!of_another_vendor(&specs, "a100", "nvidia"));
        assert!(of_another_vendor(&specs, "a100", "Huawei"));
        // Unknown uuids cannot be judged: they stay.
        assert!(!of_another_vendor(&specs, "unknown", "Huawei"));
        // A spec without a vendor belongs to none.
        assert!(of_another_vendor(&specs, "odd", "Huawei"));
    }

    #[test]
    fn members_are_checked_once_and_unchecked_in_place() {
        let mut list = vec!["a".to_owned(), "b".to_owned()];
        set_member(&mut list, "c", true);
        set_member(&mut list, "a", true);
        assert_eq!(list, ["a", "b", "c"]);
        set_member(&mut list, "b", false);
        assert_eq!(list, ["a", "c"]);
    }
}
