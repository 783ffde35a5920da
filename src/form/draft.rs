//! The draft: the form's state, as the user typed it.
//!
//! Its fields come from the parameter table. Text inputs are kept as typed (numbers too), so
//! invalid input is never lost; parsing happens in validation and building. A draft
//! serializes, so the UI can keep it in sessionStorage across a reload or a re-login.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::architecture::{same_architecture, ArchitectureRow};
use super::field::{Field, Kind};
use super::keyed_list::KeyedList;
use super::rows::Rows;
use crate::zstack::ModelServiceInventory;

/// One entry of `vendorToSpecUuidsMap`: a GPU vendor and its GPU spec uuids (each once).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VendorSpecs {
    pub vendor: String,
    pub spec_uuids: KeyedList<String>,
}

/// `Draft` from the parameter table: a field per parameter the user edits (as typed: numbers
/// are text until sent), accessors by [`Field`], and the pre-fill of the plain fields.
macro_rules! draft_type {
    ($( $v:ident $api:literal $since:literal $sent:ident $kind:tt $params:tt $top:tt
        [$($source:ident : $source_type:ty)?] [$($f:ident : $ft:ty)?] $plain:tt $special:tt
        $form:tt $check:tt ; )*) => {
        /// The clone form's state. Every parameter of CloneModelService has a place here (but
        /// `cpuArchitectures`, which the rows give), whether or not the dialog shows it.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        pub struct Draft {
            $($(
                #[doc = concat!("`", $api, "`")]
                pub $f: $ft,
            )?)*
        }

        impl Draft {
            /// A text or number field as typed; `None` for a field of another kind.
            pub fn text(&self, field: Field) -> Option<&str> {
                match field { $(Field::$v => column_or_none!($(self.$f.text())?),)* }
            }

            pub fn text_mut(&mut self, field: Field) -> Option<&mut String> {
                match field { $(Field::$v => column_or_none!($(self.$f.text_mut())?),)* }
            }

            /// A Boolean field; `None` for a field of another kind.
            pub fn flag(&self, field: Field) -> Option<bool> {
                match field { $(Field::$v => column_or_none!($(self.$f.flag())?),)* }
            }

            pub fn flag_mut(&mut self, field: Field) -> Option<&mut bool> {
                match field { $(Field::$v => column_or_none!($(self.$f.flag_mut())?),)* }
            }

            /// A list field; `None` for a field of another kind.
            pub fn list(&self, field: Field) -> Option<&[String]> {
                match field { $(Field::$v => column_or_none!($(self.$f.list())?),)* }
            }

            /// Sets a list field to `items` (a list of unique items keeps the first of each);
            /// false for a field of another kind.
            pub fn set_list(&mut self, field: Field, items: Vec<String>) -> bool {
                match field {
                    $(Field::$v => column!($(self.$f.set_list(items))?).unwrap_or(false),)*
                }
            }

            /// The fields the table pre-fills from the inventory field of the same name.
            fn prefilled(inv: &ModelServiceInventory) -> Draft {
                Draft {
                    $($($source: inv.$source.prefill(),)?)*
                    ..Draft::default()
                }
            }
        }
    };
}

crate::zstack::clone_model_service_parameters!(draft_type);

/// What the draft's accessors see of a field, by the type it is kept as.
trait Slot {
    fn text(&self) -> Option<&str> {
        None
    }
    fn text_mut(&mut self) -> Option<&mut String> {
        None
    }
    fn flag(&self) -> Option<bool> {
        None
    }
    fn flag_mut(&mut self) -> Option<&mut bool> {
        None
    }
    fn list(&self) -> Option<&[String]> {
        None
    }
    fn set_list(&mut self, _items: Vec<String>) -> bool {
        false
    }
}

impl Slot for String {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
    fn text_mut(&mut self) -> Option<&mut String> {
        Some(self)
    }
}

impl Slot for bool {
    fn flag(&self) -> Option<bool> {
        Some(*self)
    }
    fn flag_mut(&mut self) -> Option<&mut bool> {
        Some(self)
    }
}

/// A list as typed: a repeated item is kept (and reported by validation).
impl Slot for Vec<String> {
    fn list(&self) -> Option<&[String]> {
        Some(self)
    }
    fn set_list(&mut self, items: Vec<String>) -> bool {
        *self = items;
        true
    }
}

/// A list of choices: each item once.
impl Slot for KeyedList<String> {
    fn list(&self) -> Option<&[String]> {
        Some(self)
    }
    fn set_list(&mut self, items: Vec<String>) -> bool {
        *self = items.into_iter().collect();
        true
    }
}

impl Slot for Rows<ArchitectureRow> {}
impl Slot for Rows<VendorSpecs> {}

/// A source value as the draft keeps it: texts as they are, numbers as text, nothing as empty.
trait Prefill {
    type Draft;
    fn prefill(&self) -> Self::Draft;
}

impl Prefill for Option<String> {
    type Draft = String;
    fn prefill(&self) -> String {
        self.clone().unwrap_or_default()
    }
}

impl Prefill for Option<i64> {
    type Draft = String;
    fn prefill(&self) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
}

impl Prefill for Option<i32> {
    type Draft = String;
    fn prefill(&self) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
}

impl Prefill for Option<bool> {
    type Draft = bool;
    fn prefill(&self) -> bool {
        self.unwrap_or(false)
    }
}

impl Draft {
    /// The form pre-filled from the source: every field as the source has it, the name
    /// `<source name>-copy`.
    pub fn from_inventory(inv: &ModelServiceInventory) -> Draft {
        let mut draft = Draft::mirror(inv);
        draft.name = format!("{}-copy", draft.name);
        draft
    }

    /// The source exactly as a draft (the baseline of the diff). A number that is always sent
    /// and missing from the source shows the node's default for it, 0: what the clone gets.
    pub fn mirror(inv: &ModelServiceInventory) -> Draft {
        let mut draft = Draft {
            source_uuid: inv.uuid.clone().unwrap_or_default(),
            vendor_specs: inv
                .vendor_to_spec_uuids_map
                .iter()
                .map(|(vendor, specs)| VendorSpecs {
                    vendor: vendor.clone(),
                    spec_uuids: specs.iter().cloned().collect(),
                })
                .collect(),
            architecture_rows: source_rows(inv).collect(),
            ..Draft::prefilled(inv)
        };
        for field in Field::ALL {
            if field.always_sent() && matches!(field.kind(), Kind::Long | Kind::Integer) {
                if let Some(text) = draft.text_mut(field).filter(|t| t.is_empty()) {
                    *text = "0".to_owned();
                }
            }
        }
        draft
    }

    /// `vendorToSpecUuidsMap` as it would be sent.
    pub fn vendor_map(&self) -> BTreeMap<String, Vec<String>> {
        self.vendor_specs
            .values()
            .map(|v| (v.vendor.clone(), v.spec_uuids.to_vec()))
            .collect()
    }
}

/// The source's rows: one per image (inventory order), then one per listed architecture that
/// has no image, so `cpuArchitectures` and `architectureImages` agree from the start.
fn source_rows(inv: &ModelServiceInventory) -> impl Iterator<Item = ArchitectureRow> {
    let mut rows: Vec<ArchitectureRow> = inv
        .model_service_images
        .iter()
        .map(|img| ArchitectureRow {
            cpu_architecture: img.cpu_architecture.clone().unwrap_or_default(),
            vm_image_uuid: img.vm_image_uuid.clone().unwrap_or_default(),
            docker_image: img.docker_image.clone().unwrap_or_default(),
        })
        .collect();
    for arch in &inv.cpu_architectures {
        if !rows
            .iter()
            .any(|r| same_architecture(&r.cpu_architecture, arch))
        {
            rows.push(ArchitectureRow {
                cpu_architecture: arch.clone(),
                ..ArchitectureRow::default()
            });
        }
    }
    rows.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{Problem, RowId};
    use crate::zstack::ModelServiceImage;

    fn image(arch: &str, vm: &str) -> ModelServiceImage {
        ModelServiceImage {
            cpu_architecture: Some(arch.into()),
            vm_image_uuid: Some(vm.into()),
            ..ModelServiceImage::default()
        }
    }

    #[test]
    fn from_inventory_keeps_every_field_and_names_a_copy() {
        let mut inv = ModelServiceInventory {
            uuid: Some("d76744cb53f9378abf42b907df3efb6e".into()),
            name: Some("qwen".into()),
            size: Some(i64::MAX),
            request_cpu: Some(4),
            request_memory: Some(i64::MIN),
            container_args: Some("--port 80".into()),
            readme: Some("# readme".into()),
            system: Some(true),
            cpu_architectures: vec!["x86_64".into(), "loongarch64".into()],
            model_service_images: vec![image("x86_64", "a"), image("aarch64", "b")],
            ..ModelServiceInventory::default()
        };
        inv.vendor_to_spec_uuids_map
            .insert("NVIDIA".into(), vec!["s1".into()]);
        let d = Draft::from_inventory(&inv);
        assert_eq!(d.name, "qwen-copy");
        assert_eq!(d.source_uuid, "d76744cb53f9378abf42b907df3efb6e");
        assert_eq!(d.size, "9223372036854775807");
        assert_eq!(d.request_memory, "-9223372036854775808");
        assert_eq!(d.request_cpu, "4");
        assert_eq!(d.container_args, "--port 80");
        assert_eq!(d.readme, "# readme");
        assert!(d.system);
        let archs: Vec<_> = d
            .architecture_rows
            .values()
            .map(|r| r.cpu_architecture.as_str())
            .collect();
        assert_eq!(archs, ["x86_64", "aarch64", "loongarch64"]);
        assert_eq!(d.vendor_specs.values().next().unwrap().vendor, "NVIDIA");
        assert_eq!(Draft::mirror(&inv).name, "qwen");
    }

    #[test]
    fn serializes_for_session_storage() {
        let mut d = Draft {
            name: "x".into(),
            request_cpu: "not a number yet".into(),
            ..Draft::default()
        };
        d.architecture_rows.push(ArchitectureRow {
            cpu_architecture: "x86_64".into(),
            ..ArchitectureRow::default()
        });
        d.tag_uuids.insert("t".into());
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
    }

    /// A kept draft is data from outside: a tampered or stale entry may repeat a row id, a tag
    /// uuid or a spec uuid. None of them may reach the renderer as a repeated key.
    #[test]
    fn a_tampered_kept_draft_reads_with_unique_keys_and_its_content_kept() {
        // The shape an earlier version kept (rows with an `id`, a `nextRowId`), tampered.
        let json = r#"{"sourceUuid": "d76744cb53f9378abf42b907df3efb6e", "name": "tampered",
            "architectureRows": [{"id": 1, "cpuArchitecture": "x86_64"},
                {"id": 1, "cpuArchitecture": "aarch64"}, {"id": 7, "cpuArchitecture": "mips64el"}],
            "nextRowId": 0,
            "tagUuids": ["a", "b", "a"],
            "vendorSpecs": [{"vendor": "NVIDIA", "specUuids": [
                    "b31bc4574f22426a89902edac5d14a72", "b31bc4574f22426a89902edac5d14a72"]},
                {"vendor": "NVIDIA", "specUuids": ["c13336388d574fec824752525ae05a21"]}]}"#;
        let mut d: Draft = serde_json::from_str(json).unwrap();
        let ids: Vec<RowId> = d.architecture_rows.ids().collect();
        assert_eq!(
            ids,
            [RowId(0), RowId(1), RowId(2)],
            "every row kept, keyed anew"
        );
        let arm = d.architecture_rows.get(RowId(1)).unwrap();
        assert_eq!(arm.cpu_architecture, "aarch64");
        let fresh = d.architecture_rows.push(ArchitectureRow::default());
        assert_eq!(fresh, RowId(3), "a new row never takes a key read");
        assert_eq!(*d.tag_uuids, ["a", "b"]);
        // Each vendor row has its own key; a vendor named twice is the user's to resolve.
        let vendors: Vec<RowId> = d.vendor_specs.ids().collect();
        assert_eq!(vendors, [RowId(0), RowId(1)]);
        let specs = &d.vendor_specs.get(RowId(0)).unwrap().spec_uuids;
        assert_eq!(**specs, ["b31bc4574f22426a89902edac5d14a72"]);
        assert_eq!(
            d.field_problem(Field::VendorToSpecUuidsMap),
            Some(Problem::DuplicateItem { index: 1 })
        );
        // Another shape is no draft at all (the page then starts from the source).
        assert!(serde_json::from_str::<Draft>(r#"{"tagUuids": "a"}"#).is_err());
        assert!(serde_json::from_str::<Draft>(r#"{"architectureRows": [1]}"#).is_err());
    }
}
