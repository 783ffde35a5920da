//! What the user changed compared with the source: the fields a request carries.

use std::collections::BTreeSet;

use super::architecture::{architecture_for_request, same_architecture, ArchitectureRow};
use super::draft::Draft;
use super::field::Field;
use crate::zstack::ModelServiceInventory;

/// One changed field, with display strings of the source's value and the draft's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub field: Field,
    pub old: String,
    pub new: String,
}

/// The text fields of a draft, with their fields, in the API page's order.
pub(crate) fn text_fields(d: &Draft) -> [(Field, &str); 14] {
    [
        (Field::Name, &d.name),
        (Field::Description, &d.description),
        (Field::Readme, &d.readme),
        (Field::GpuComputeCapability, &d.gpu_compute_capability),
        (Field::InstallPath, &d.install_path),
        (Field::StartCommand, &d.start_command),
        (Field::PythonVersion, &d.python_version),
        (Field::CondaVersion, &d.conda_version),
        (Field::Type, &d.service_type),
        (Field::Yaml, &d.yaml),
        (Field::Source, &d.source),
        (Field::Framework, &d.framework),
        (Field::ContainerCommand, &d.container_command),
        (Field::ContainerArgs, &d.container_args),
    ]
}

/// The number fields of a draft (as typed).
pub(crate) fn number_fields(d: &Draft) -> [(Field, &str); 3] {
    [
        (Field::Size, &d.size),
        (Field::RequestCpu, &d.request_cpu),
        (Field::RequestMemory, &d.request_memory),
    ]
}

/// Numbers are the same if both parse to the same value, else if their trimmed texts are equal.
fn same_number(a: &str, b: &str) -> bool {
    match (a.trim().parse::<i64>(), b.trim().parse::<i64>()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a.trim() == b.trim(),
    }
}

fn same_rows(a: &[ArchitectureRow], b: &[ArchitectureRow]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_content(y))
}

fn same_architectures(a: &[ArchitectureRow], b: &[ArchitectureRow]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| same_architecture(&x.cpu_architecture, &y.cpu_architecture))
}

fn show_rows(rows: &[ArchitectureRow]) -> String {
    rows.iter()
        .map(ArchitectureRow::display)
        .collect::<Vec<_>>()
        .join("; ")
}

fn show_architectures(rows: &[ArchitectureRow]) -> String {
    rows.iter()
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
    /// The fields that differ from the source. `ArchitectureImages` is in the set when any row
    /// was added, removed, edited or moved; `CpuArchitectures` goes with it (they are sent
    /// together), even when only an image changed.
    pub fn changed_fields(&self, source: &ModelServiceInventory) -> BTreeSet<Field> {
        let base = Draft::mirror(source);
        self.changed_fields_from(&base)
    }

    pub(crate) fn changed_fields_from(&self, base: &Draft) -> BTreeSet<Field> {
        let mut out = BTreeSet::new();
        for ((field, new), (_, old)) in text_fields(self).into_iter().zip(text_fields(base)) {
            if new != old {
                out.insert(field);
            }
        }
        for ((field, new), (_, old)) in number_fields(self).into_iter().zip(number_fields(base)) {
            if !same_number(new, old) {
                out.insert(field);
            }
        }
        let flags = [
            (Field::System, self.system != base.system),
            (
                Field::SupportDistributed,
                self.support_distributed != base.support_distributed,
            ),
            (Field::ResourceUuid, !self.resource_uuid.is_empty()),
            (Field::TagUuids, self.tag_uuids != base.tag_uuids),
            (Field::SystemTags, self.system_tags != base.system_tags),
            (Field::UserTags, self.user_tags != base.user_tags),
            (
                Field::VendorToSpecUuidsMap,
                self.vendor_specs != base.vendor_specs && self.vendor_map() != base.vendor_map(),
            ),
        ];
        out.extend(flags.into_iter().filter(|f| f.1).map(|f| f.0));
        if !same_rows(&self.architecture_rows, &base.architecture_rows) {
            out.insert(Field::ArchitectureImages);
            out.insert(Field::CpuArchitectures);
        }
        out
    }

    /// "What will change": one entry per changed field, in the API page's order, with display
    /// strings. `CpuArchitectures` is listed only when the list of architectures itself changed.
    pub fn diff(&self, source: &ModelServiceInventory) -> Vec<Change> {
        self.diff_from(&Draft::mirror(source))
    }

    /// [`Draft::diff`] against a baseline already mirrored from the source ([`Draft::mirror`]):
    /// a caller that diffs on every keystroke mirrors the source once, not per call.
    pub fn diff_from(&self, base: &Draft) -> Vec<Change> {
        let changed = self.changed_fields_from(base);
        let bool_text = |b: bool| b.to_string();
        let mut out = Vec::new();
        for field in changed {
            let (old, new) = match field {
                Field::System => (bool_text(base.system), bool_text(self.system)),
                Field::SupportDistributed => (
                    bool_text(base.support_distributed),
                    bool_text(self.support_distributed),
                ),
                Field::ResourceUuid => (String::new(), self.resource_uuid.clone()),
                Field::TagUuids => (base.tag_uuids.join(", "), self.tag_uuids.join(", ")),
                Field::SystemTags => (base.system_tags.join(", "), self.system_tags.join(", ")),
                Field::UserTags => (base.user_tags.join(", "), self.user_tags.join(", ")),
                Field::VendorToSpecUuidsMap => (show_map(base), show_map(self)),
                Field::ArchitectureImages => (
                    show_rows(&base.architecture_rows),
                    show_rows(&self.architecture_rows),
                ),
                Field::CpuArchitectures => {
                    if same_architectures(&self.architecture_rows, &base.architecture_rows) {
                        continue;
                    }
                    (
                        show_architectures(&base.architecture_rows),
                        show_architectures(&self.architecture_rows),
                    )
                }
                other => {
                    let pick = |d: &Draft| {
                        text_fields(d)
                            .into_iter()
                            .chain(number_fields(d))
                            .find(|(f, _)| *f == other)
                            .map(|(_, v)| v.trim_end_matches('\n').to_owned())
                            .unwrap_or_default()
                    };
                    (pick(base), pick(self))
                }
            };
            out.push(Change { field, old, new });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        d.architecture_rows[0].cpu_architecture = "X86_64".into();
        assert!(d.diff(&src).is_empty());
        // An image edit: rows change, the architecture list does not (but is sent).
        d.architecture_rows[1].docker_image = "img:arm2".into();
        let fields = d.changed_fields(&src);
        assert!(fields.contains(&Field::ArchitectureImages));
        assert!(fields.contains(&Field::CpuArchitectures));
        let diff = d.diff(&src);
        assert_eq!(diff.len(), 1);
        assert_eq!(diff[0].field, Field::ArchitectureImages);
        // A reorder changes both.
        let mut d = Draft::mirror(&src);
        let id = d.architecture_rows[1].id;
        d.move_row(id, 0);
        let diff = d.diff(&src);
        assert_eq!(diff.len(), 2);
        assert_eq!(diff[0].field, Field::CpuArchitectures);
        assert_eq!(diff[0].old, "X86_64, AARCH64");
        assert_eq!(diff[0].new, "AARCH64, X86_64");
        // Removing and adding rows.
        let mut d = Draft::mirror(&src);
        d.remove_row(id);
        assert_eq!(d.diff(&src).len(), 2);
        let mut d = Draft::mirror(&src);
        d.add_row();
        assert!(d.changed_fields(&src).contains(&Field::ArchitectureImages));
    }

    #[test]
    fn flags_lists_maps_and_resource_uuid() {
        let src = source();
        let mut d = Draft::mirror(&src);
        d.system = true;
        d.support_distributed = true;
        d.resource_uuid = "90d425a802ff44eeb530f21587633700".into();
        d.tag_uuids = vec!["c13336388d574fec824752525ae05a21".into()];
        d.system_tags = vec!["s".into()];
        d.user_tags = vec!["u".into()];
        d.vendor_specs = vec![super::super::draft::VendorSpecs {
            vendor: "NVIDIA".into(),
            spec_uuids: vec!["a".into(), "b".into()],
        }];
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
