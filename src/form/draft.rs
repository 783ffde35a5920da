//! The draft: the form's state, as the user typed it.
//!
//! Its fields come from the parameter table. Text inputs are kept as typed (numbers too), so
//! invalid input is never lost; parsing happens in validation and building. A draft
//! serializes, so the UI can keep it in sessionStorage across a reload or a re-login.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::architecture::{same_architecture, ArchitectureRow};
use super::field::{Field, Kind};
use super::rows::RowId;
use crate::zstack::ModelServiceInventory;

/// One entry of `vendorToSpecUuidsMap`: a GPU vendor and its GPU spec uuids.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VendorSpecs {
    pub vendor: String,
    pub spec_uuids: Vec<String>,
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
            /// The next row id to hand out.
            pub next_row_id: u32,
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

            pub fn list_mut(&mut self, field: Field) -> Option<&mut Vec<String>> {
                match field { $(Field::$v => column_or_none!($(self.$f.list_mut())?),)* }
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
    fn list_mut(&mut self) -> Option<&mut Vec<String>> {
        None
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

impl Slot for Vec<String> {
    fn list(&self) -> Option<&[String]> {
        Some(self)
    }
    fn list_mut(&mut self) -> Option<&mut Vec<String>> {
        Some(self)
    }
}

impl Slot for Vec<ArchitectureRow> {}
impl Slot for Vec<VendorSpecs> {}

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
                    spec_uuids: specs.clone(),
                })
                .collect(),
            ..Draft::prefilled(inv)
        };
        for field in Field::ALL {
            if field.always_sent() && matches!(field.kind(), Kind::Long | Kind::Integer) {
                if let Some(text) = draft.text_mut(field).filter(|t| t.is_empty()) {
                    *text = "0".to_owned();
                }
            }
        }
        for row in source_rows(inv) {
            let id = draft.add_row();
            let slot = draft.row_mut(id).expect("just added");
            slot.cpu_architecture = row.0;
            slot.vm_image_uuid = row.1;
            slot.docker_image = row.2;
        }
        draft
    }

    /// Appends an empty architecture row and returns its id.
    pub fn add_row(&mut self) -> RowId {
        let id = RowId(self.next_row_id);
        self.next_row_id += 1;
        self.architecture_rows.push(ArchitectureRow {
            id,
            ..ArchitectureRow::default()
        });
        id
    }

    /// Removes a row; false if there is no such row.
    pub fn remove_row(&mut self, id: RowId) -> bool {
        let before = self.architecture_rows.len();
        self.architecture_rows.retain(|r| r.id != id);
        before != self.architecture_rows.len()
    }

    pub fn row(&self, id: RowId) -> Option<&ArchitectureRow> {
        self.architecture_rows.iter().find(|r| r.id == id)
    }

    pub fn row_mut(&mut self, id: RowId) -> Option<&mut ArchitectureRow> {
        self.architecture_rows.iter_mut().find(|r| r.id == id)
    }

    /// The row's current position (the `<i>` of its control names).
    pub fn row_index(&self, id: RowId) -> Option<usize> {
        self.architecture_rows.iter().position(|r| r.id == id)
    }

    /// `vendorToSpecUuidsMap` as it would be sent.
    pub fn vendor_map(&self) -> BTreeMap<String, Vec<String>> {
        self.vendor_specs
            .iter()
            .map(|v| (v.vendor.clone(), v.spec_uuids.clone()))
            .collect()
    }
}

/// The source's rows: one per image (inventory order), then one per listed architecture that
/// has no image, so `cpuArchitectures` and `architectureImages` agree from the start.
fn source_rows(inv: &ModelServiceInventory) -> Vec<(String, String, String)> {
    let mut rows: Vec<(String, String, String)> = inv
        .model_service_images
        .iter()
        .map(|img| {
            (
                img.cpu_architecture.clone().unwrap_or_default(),
                img.vm_image_uuid.clone().unwrap_or_default(),
                img.docker_image.clone().unwrap_or_default(),
            )
        })
        .collect();
    for arch in &inv.cpu_architectures {
        if !rows.iter().any(|r| same_architecture(&r.0, arch)) {
            rows.push((arch.clone(), String::new(), String::new()));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
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
            .iter()
            .map(|r| r.cpu_architecture.as_str())
            .collect();
        assert_eq!(archs, ["x86_64", "aarch64", "loongarch64"]);
        assert_eq!(d.vendor_specs[0].vendor, "NVIDIA");
        assert_eq!(Draft::mirror(&inv).name, "qwen");
    }

    #[test]
    fn rows_have_stable_ids_through_add_and_remove() {
        let mut d = Draft::default();
        let a = d.add_row();
        let b = d.add_row();
        let c = d.add_row();
        assert_eq!(d.row_index(c), Some(2));
        assert!(d.remove_row(b));
        assert!(!d.remove_row(b));
        assert_eq!(d.row_index(c), Some(1));
        let e = d.add_row();
        assert!(e != a && e != b && e != c, "ids are never reused");
        d.row_mut(a).unwrap().cpu_architecture = "x86_64".into();
        assert_eq!(d.row(a).unwrap().cpu_architecture, "x86_64");
    }

    #[test]
    fn serializes_for_session_storage() {
        let mut d = Draft {
            name: "x".into(),
            request_cpu: "not a number yet".into(),
            ..Draft::default()
        };
        d.add_row();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
    }
}
