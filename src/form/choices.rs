//! What the tag and GPU spec pickers list, as pure lists: a loaded tag or spec as a choice, a
//! vendor's specs, and the uuids a picker lists besides the loaded ones. Every list is a
//! [`KeyedList`], so a node that lists an item twice still gives one checkbox.

use super::keyed_list::KeyedList;
use crate::zstack::GpuSpecInventory;

/// A loaded choice: its uuid, and the name it is listed by.
pub type Choice = (String, String);

/// A loaded item as a choice: its uuid, and its name (the uuid when it has none).
pub fn named_choice(uuid: &str, name: Option<&str>) -> Choice {
    let name = name.filter(|n| !n.is_empty()).unwrap_or(uuid);
    (uuid.to_owned(), name.to_owned())
}

/// Whether a loaded spec is `vendor`'s (ignoring case); a spec without a vendor is no one's.
fn is_of_vendor(spec: &GpuSpecInventory, vendor: &str) -> bool {
    spec.vendor
        .as_deref()
        .is_some_and(|v| v.eq_ignore_ascii_case(vendor))
}

/// `vendor`'s loaded specs as choices, in their order; none before a vendor is chosen.
pub fn specs_of_vendor(specs: &[GpuSpecInventory], vendor: &str) -> KeyedList<Choice> {
    specs
        .iter()
        .filter(|s| !vendor.is_empty() && is_of_vendor(s, vendor))
        .map(|s| named_choice(&s.uuid, s.name.as_deref()))
        .collect()
}

/// Whether the loaded specs put `uuid` under a vendor other than `vendor`.
pub fn of_another_vendor(specs: &[GpuSpecInventory], uuid: &str, vendor: &str) -> bool {
    specs
        .iter()
        .any(|s| s.uuid == uuid && !is_of_vendor(s, vendor))
}

/// The name of the loaded spec `uuid`, if it has one.
pub fn spec_name(specs: &[GpuSpecInventory], uuid: &str) -> Option<String> {
    specs
        .iter()
        .find(|s| s.uuid == uuid)
        .and_then(|s| s.name.clone())
        .filter(|n| !n.is_empty())
}

/// The uuids of `seen` that `listed` lacks, each with its place in `seen`: a picker lists them
/// after its loaded choices. `seen` only ever grows at its end, so a place never changes and
/// makes a stable control id (a uuid typed by the user may hold anything).
pub fn unlisted<'a>(
    seen: &'a KeyedList<String>,
    listed: &'a KeyedList<Choice>,
) -> impl Iterator<Item = (usize, &'a String)> + 'a {
    seen.iter()
        .enumerate()
        .filter(|(_, uuid)| !listed.contains_key(*uuid))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(uuid: &str, vendor: Option<&str>, name: Option<&str>) -> GpuSpecInventory {
        GpuSpecInventory {
            uuid: uuid.into(),
            vendor: vendor.map(str::to_owned),
            name: name.map(str::to_owned),
            ..GpuSpecInventory::default()
        }
    }

    #[test]
    fn a_choice_without_a_name_is_listed_by_its_uuid() {
        let named = named_choice("u1", Some("production"));
        assert_eq!(named, ("u1".to_owned(), "production".to_owned()));
        assert_eq!(named_choice("u2", Some("")).1, "u2");
        assert_eq!(named_choice("u3", None).1, "u3");
    }

    #[test]
    fn a_spec_is_of_another_vendor_only_when_the_loaded_specs_say_so() {
        let specs = [spec("a100", Some("NVIDIA"), None), spec("odd", None, None)];
        assert!(!of_another_vendor(&specs, "a100", "NVIDIA"));
        assert!(!of_another_vendor(&specs, "a100", "nvidia"));
        assert!(of_another_vendor(&specs, "a100", "Huawei"));
        // Unknown uuids cannot be judged: they stay.
        assert!(!of_another_vendor(&specs, "unknown", "Huawei"));
        // A spec without a vendor belongs to none.
        assert!(of_another_vendor(&specs, "odd", "Huawei"));
    }

    #[test]
    fn a_vendors_specs_are_listed_once_each() {
        let specs = [
            spec("a100", Some("NVIDIA"), Some("A100")),
            spec("910b", Some("Huawei"), None),
            spec("a100", Some("nvidia"), Some("again")),
            spec("l40s", Some("NVIDIA"), Some("")),
        ];
        let nvidia = specs_of_vendor(&specs, "NVIDIA");
        assert_eq!(
            *nvidia,
            [
                ("a100".to_string(), "A100".to_string()),
                ("l40s".to_string(), "l40s".to_string())
            ]
        );
        assert!(specs_of_vendor(&specs, "").is_empty());
        assert_eq!(spec_name(&specs, "a100").as_deref(), Some("A100"));
        assert_eq!(spec_name(&specs, "l40s"), None);
        assert_eq!(spec_name(&specs, "910b"), None);
    }

    #[test]
    fn unlisted_uuids_keep_their_place_in_what_was_seen() {
        let seen: KeyedList<String> = ["t1", "x", "t2", "y"]
            .map(String::from)
            .into_iter()
            .collect();
        let listed: KeyedList<Choice> = [named_choice("t1", None), named_choice("t2", None)]
            .into_iter()
            .collect();
        let others: Vec<(usize, &String)> = unlisted(&seen, &listed).collect();
        assert_eq!(others, [(1, &"x".to_string()), (3, &"y".to_string())]);
    }
}
