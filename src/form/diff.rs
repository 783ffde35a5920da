//! What the user changed compared with the source: the fields a request carries (besides those
//! always sent), and "what will change" as display strings.

use std::collections::BTreeSet;

use super::architecture::{architecture_for_request, same_architecture, ArchitectureRow};
use super::draft::Draft;
use super::field::{Field, Kind, Special};
use super::rows::Rows;
use crate::zstack::ModelServiceInventory;

/// One changed field, with display strings of the source's value and the draft's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub field: Field,
    pub old: String,
    pub new: String,
}

/// Numbers are the same if both parse to the same value, else if their trimmed texts are equal.
fn same_number(a: &str, b: &str) -> bool {
    match (a.trim().parse::<i64>(), b.trim().parse::<i64>()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a.trim() == b.trim(),
    }
}

fn same_rows(a: &Rows<ArchitectureRow>, b: &Rows<ArchitectureRow>) -> bool {
    a.len() == b.len() && a.values().zip(b.values()).all(|(x, y)| x.same_content(y))
}

fn same_architectures(a: &Rows<ArchitectureRow>, b: &Rows<ArchitectureRow>) -> bool {
    a.len() == b.len()
        && a.values()
            .zip(b.values())
            .all(|(x, y)| same_architecture(&x.cpu_architecture, &y.cpu_architecture))
}

fn show_rows(rows: &Rows<ArchitectureRow>) -> String {
    rows.values()
        .map(ArchitectureRow::display)
        .collect::<Vec<_>>()
        .join("; ")
}

fn show_architectures(rows: &Rows<ArchitectureRow>) -> String {
    rows.values()
        .map(|r| architecture_for_request(&r.cpu_architecture))
        .collect::<Vec<_>>()
        .join(", ")
}

fn show_map(d: &Draft) -> String {
    d.vendor_map()
        .iter()
        .map(|(vendor, specs)| format!("{vendor}: {}", specs.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

impl Draft {
    /// Whether `field` differs from `base` (the source mirrored as a draft).
    /// `ArchitectureImages` differs when any row was added, removed, edited or moved;
    /// `CpuArchitectures` goes with it (they are sent together), even when only an image changed.
    fn differs(&self, base: &Draft, field: Field) -> bool {
        let text = |d: &Draft| d.text(field).unwrap_or_default().to_owned();
        match field.kind() {
            // The source itself: the URL, never edited.
            Kind::Url => false,
            Kind::Text => self.text(field) != base.text(field),
            Kind::Long | Kind::Integer => !same_number(&text(self), &text(base)),
            Kind::Boolean => self.flag(field) != base.flag(field),
            Kind::List | Kind::TopList => self.list(field) != base.list(field),
            Kind::Special(special) => match special {
                // The source has none: a typed one is a change.
                Special::ResourceUuid => !self.resource_uuid.is_empty(),
                Special::CpuArchitectures | Special::ArchitectureImages => {
                    !same_rows(&self.architecture_rows, &base.architecture_rows)
                }
                // Entries in another order with the same vendors are the same map.
                Special::VendorToSpecUuidsMap => {
                    !self.vendor_specs.values().eq(base.vendor_specs.values())
                        && self.vendor_map() != base.vendor_map()
                }
            },
        }
    }

    /// The fields that differ from the source.
    pub fn changed_fields(&self, source: &ModelServiceInventory) -> BTreeSet<Field> {
        let base = Draft::mirror(source);
        self.changed_fields_from(&base)
    }

    pub(crate) fn changed_fields_from(&self, base: &Draft) -> BTreeSet<Field> {
        Field::ALL
            .into_iter()
            .filter(|&f| self.differs(base, f))
            .collect()
    }

    /// "What will change": one entry per changed field, in the API page's order, with display
    /// strings. `CpuArchitectures` is listed only when the list of architectures itself changed.
    /// Fields sent unchanged (`size`, `system`) are not changes, and are not listed.
    pub fn diff(&self, source: &ModelServiceInventory) -> Vec<Change> {
        self.diff_from(&Draft::mirror(source))
    }

    /// [`Draft::diff`] against a baseline already mirrored from the source ([`Draft::mirror`]):
    /// a caller that diffs on every keystroke mirrors the source once, not per call.
    pub fn diff_from(&self, base: &Draft) -> Vec<Change> {
        let mut out = Vec::new();
        for field in self.changed_fields_from(base) {
            let Some((old, new)) = self.shown_change(base, field) else {
                continue;
            };
            out.push(Change { field, old, new });
        }
        out
    }

    /// The source's value and the draft's of a changed field, as "what will change" shows them;
    /// `None` when the change is not listed.
    fn shown_change(&self, base: &Draft, field: Field) -> Option<(String, String)> {
        let text = |d: &Draft| {
            d.text(field)
                .unwrap_or_default()
                .trim_end_matches('\n')
                .to_owned()
        };
        let flag = |d: &Draft| d.flag(field).unwrap_or_default().to_string();
        let list = |d: &Draft| d.list(field).unwrap_or_default().join(", ");
        Some(match field.kind() {
            Kind::Url | Kind::Text | Kind::Long | Kind::Integer => (text(base), text(self)),
            Kind::Boolean => (flag(base), flag(self)),
            Kind::List | Kind::TopList => (list(base), list(self)),
            Kind::Special(special) => match special {
                Special::ResourceUuid => (String::new(), self.resource_uuid.clone()),
                Special::VendorToSpecUuidsMap => (show_map(base), show_map(self)),
                Special::ArchitectureImages => (
                    show_rows(&base.architecture_rows),
                    show_rows(&self.architecture_rows),
                ),
                Special::CpuArchitectures => {
                    if same_architectures(&self.architecture_rows, &base.architecture_rows) {
                        return None;
                    }
                    (
                        show_architectures(&base.architecture_rows),
                        show_architectures(&self.architecture_rows),
                    )
                }
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::RowId;
    use crate::zstack::ModelServiceImage;

    fn source() -> ModelServiceInventory {
        ModelServiceInventory {
            uuid: Some("d76744cb53f9378abf42b907df3efb6e".into()),
            name: Some("qwen".into()),
            request_cpu: Some(4),
            size: Some(9_007_199_254_740_993),
            system: Some(false),
            service_type: Some("Endpoint".into()),
            model_service_images: vec![
                ModelServiceImage {
                    cpu_architecture: Some("x86_64".into()),
                    vm_image_uuid: Some("21cb9f654e9d3feab962ce3f5eec5796".into()),
                    ..Default::default()
                },
                ModelServiceImage {
                    cpu_architecture: Some("aarch64".into()),
                    docker_image: Some("img:arm".into()),
                    ..Default::default()
                },
            ],
            cpu_architectures: vec!["x86_64".into(), "aarch64".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_fresh_draft_changes_only_the_name() {
        let d = Draft::from_inventory(&source());
        assert_eq!(
            d.diff(&source()),
            vec![Change {
                field: Field::Name,
                old: "qwen".into(),
                new: "qwen-copy".into()
            }]
        );
        assert!(Draft::mirror(&source()).diff(&source()).is_empty());
    }

    #[test]
    fn numbers_compare_by_value() {
        let mut d = Draft::mirror(&source());
        d.request_cpu = " 004 ".into();
        d.size = "9007199254740993".into();
        assert!(d.diff(&source()).is_empty());
        d.size = "9007199254740992".into();
        d.request_cpu = "four".into();
        let changes = d.diff(&source());
        assert_eq!(changes.len(), 2);
        assert_eq!(changes[0].field, Field::Size);
        assert_eq!(changes[0].old, "9007199254740993");
        assert_eq!(changes[1].new, "four");
    }

    #[test]
    fn rows_and_architectures_change_together() {
        let src = source();
        // Case only: no change.
        let mut d = Draft::mirror(&src);
        let ids: Vec<RowId> = d.architecture_rows.ids().collect();
        d.architecture_rows
            .get_mut(ids[0])
            .unwrap()
            .cpu_architecture = "X86_64".into();
        assert!(d.diff(&src).is_empty());
        // An image edit: rows change, the architecture list does not (but is sent).
        d.architecture_rows.get_mut(ids[1]).unwrap().docker_image = "img:arm2".into();
        let fields = d.changed_fields(&src);
        assert!(fields.contains(&Field::ArchitectureImages));
        assert!(fields.contains(&Field::CpuArchitectures));
        let diff = d.diff(&src);
        assert_eq!(diff.len(), 1);
        assert_eq!(diff[0].field, Field::ArchitectureImages);
        // A reorder changes both.
        let mut d = Draft::mirror(&src);
        let arm = d.architecture_rows.remove(ids[1]).unwrap();
        let x86 = d.architecture_rows.remove(ids[0]).unwrap();
        d.architecture_rows.replace_all([arm, x86]);
        let diff = d.diff(&src);
        assert_eq!(diff.len(), 2);
        assert_eq!(diff[0].field, Field::CpuArchitectures);
        assert_eq!(diff[0].old, "X86_64, AARCH64");
        assert_eq!(diff[0].new, "AARCH64, X86_64");
        // Removing and adding rows.
        let mut d = Draft::mirror(&src);
        d.architecture_rows.remove(ids[1]);
        assert_eq!(d.diff(&src).len(), 2);
        let mut d = Draft::mirror(&src);
        d.architecture_rows.push(ArchitectureRow::default());
        assert!(d.changed_fields(&src).contains(&Field::ArchitectureImages));
    }

    #[test]
    fn flags_lists_maps_and_resource_uuid() {
        let src = source();
        let mut d = Draft::mirror(&src);
        d.system = true;
        d.support_distributed = true;
        d.resource_uuid = "90d425a802ff44eeb530f21587633700".into();
        d.tag_uuids
            .insert("c13336388d574fec824752525ae05a21".into());
        d.system_tags = vec!["s".into()];
        d.user_tags = vec!["u".into()];
        d.vendor_specs.push(super::super::draft::VendorSpecs {
            vendor: "NVIDIA".into(),
            spec_uuids: ["a", "b"].map(String::from).into_iter().collect(),
        });
        let diff = d.diff(&src);
        let fields: Vec<_> = diff.iter().map(|c| c.field).collect();
        assert_eq!(
            fields,
            [
                Field::System,
                Field::ResourceUuid,
                Field::TagUuids,
                Field::SystemTags,
                Field::UserTags,
                Field::SupportDistributed,
                Field::VendorToSpecUuidsMap
            ]
        );
        assert_eq!(diff[0].old, "false");
        assert_eq!(diff[6].new, "NVIDIA: a, b");
    }
}
