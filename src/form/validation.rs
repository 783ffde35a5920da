//! Validation: at most one problem per field (and per row field), keyed for the UI.
//!
//! Only what the user changed is checked: a field left as the source has it is either not sent
//! or (`size`, `system`) sent with the source's own value, so a source value this dialog would
//! not accept (say a `type` newer than this code) never blocks a clone. Rows are checked
//! whenever any row changed (they are then all sent).

use std::collections::{BTreeMap, BTreeSet};

use super::architecture::{known_architecture, same_architecture};
use super::draft::Draft;
use super::field::{row_control_name, Field, Kind, RowField, Special};
use super::problem::Problem;
use super::rows::RowId;
use super::text_rules::{self as rules, limits};
use crate::zstack::ModelServiceInventory;

/// Where a problem is: a field, or a field of an architecture row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKey {
    Field(Field),
    Row { row: RowId, field: RowField },
}

/// The problems of a draft, one per key. Empty means the draft can be sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    map: BTreeMap<ProblemKey, Problem>,
}

impl Problems {
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn field(&self, field: Field) -> Option<&Problem> {
        self.map.get(&ProblemKey::Field(field))
    }

    pub fn row(&self, row: RowId, field: RowField) -> Option<&Problem> {
        self.map.get(&ProblemKey::Row { row, field })
    }

    pub fn get(&self, key: ProblemKey) -> Option<&Problem> {
        self.map.get(&key)
    }

    /// Keeps the first problem of a key.
    fn note(&mut self, key: ProblemKey, problem: Option<Problem>) {
        if let Some(p) = problem {
            self.map.entry(key).or_insert(p);
        }
    }

    /// In the API page's field order, rows by id.
    pub fn iter(&self) -> impl Iterator<Item = (&ProblemKey, &Problem)> {
        self.map.iter()
    }
}

impl Draft {
    /// The control `name` of a problem's key in this draft (`requestCpu`,
    /// `architectureImages.2.vmImageUuid`); `None` for a row that no longer exists.
    pub fn control_name(&self, key: ProblemKey) -> Option<String> {
        match key {
            ProblemKey::Field(f) => Some(f.api_name().to_owned()),
            ProblemKey::Row { row, field } => self
                .architecture_rows
                .position(row)
                .map(|i| row_control_name(i, field)),
        }
    }

    /// Checks every field that would be sent; see the module doc.
    pub fn validate(&self, source: &ModelServiceInventory) -> Problems {
        self.validate_from(&Draft::mirror(source))
    }

    /// [`Draft::validate`] against a baseline already mirrored from the source
    /// ([`Draft::mirror`]): a caller that validates on every keystroke mirrors the source once.
    pub fn validate_from(&self, base: &Draft) -> Problems {
        self.validate_changed(&self.changed_fields_from(base))
    }

    /// Checks the given (changed) fields.
    pub(crate) fn validate_changed(&self, changed: &BTreeSet<Field>) -> Problems {
        let mut problems = Problems::default();
        for &field in changed {
            match field {
                Field::ArchitectureImages => self.validate_rows(&mut problems),
                _ => problems.note(ProblemKey::Field(field), self.field_problem(field)),
            }
        }
        problems
    }

    /// The first problem of one (non-row) field, whether or not it changed: the table's rule
    /// for its kind (numbers by their type, selects by their valid values, texts and list items
    /// by their `check`).
    pub fn field_problem(&self, field: Field) -> Option<Problem> {
        let text = || self.text(field).unwrap_or_default();
        let long = |max: i64| rules::parse_long(text(), 0, max).err();
        let check = |t: &str| field.check().and_then(|check| check(t));
        match field.kind() {
            // The page checked the source's uuid before loading it; it is not editable.
            Kind::Url => None,
            Kind::Text => match field.valid_values() {
                Some(values) => rules::one_of(text(), values),
                None => check(text()),
            },
            Kind::Long => long(i64::MAX),
            Kind::Integer => long(i64::from(i32::MAX)),
            Kind::Boolean => None,
            Kind::List | Kind::TopList => rules::list(self.list(field).unwrap_or_default(), check),
            Kind::Special(special) => match special {
                Special::ResourceUuid => rules::resource_uuid(&self.resource_uuid),
                Special::VendorToSpecUuidsMap => self.vendor_problem(),
                // Checked per row and row field (see `validate_rows`).
                Special::CpuArchitectures | Special::ArchitectureImages => None,
            },
        }
    }

    fn vendor_problem(&self) -> Option<Problem> {
        for (index, entry) in self.vendor_specs.values().enumerate() {
            let problem = rules::required(&entry.vendor)
                .or_else(|| rules::max_chars(&entry.vendor, limits::SHORT_TEXT))
                .or_else(|| {
                    self.vendor_specs
                        .values()
                        .take(index)
                        .any(|e| e.vendor == entry.vendor)
                        .then_some(Problem::DuplicateItem { index })
                })
                .or_else(|| {
                    if entry.spec_uuids.is_empty() {
                        Some(Problem::Required)
                    } else {
                        rules::list(&entry.spec_uuids, rules::uuid)
                    }
                });
            if let Some(problem) = problem {
                return Some(match problem {
                    Problem::DuplicateItem { .. } => problem,
                    _ => Problem::BadItem {
                        index,
                        problem: Box::new(problem),
                    },
                });
            }
        }
        None
    }

    fn validate_rows(&self, problems: &mut Problems) {
        for (i, (id, row)) in self.architecture_rows.iter().enumerate() {
            let key = |field| ProblemKey::Row { row: id, field };
            if row.is_blank() {
                problems.note(key(RowField::CpuArchitecture), Some(Problem::EmptyRow));
                continue;
            }
            let arch = rules::required(&row.cpu_architecture).or_else(|| {
                if known_architecture(&row.cpu_architecture).is_none() {
                    Some(Problem::UnknownArchitecture)
                } else {
                    self.architecture_rows
                        .values()
                        .take(i)
                        .any(|r| same_architecture(&r.cpu_architecture, &row.cpu_architecture))
                        .then_some(Problem::DuplicateArchitecture)
                }
            });
            problems.note(key(RowField::CpuArchitecture), arch);
            if !row.vm_image_uuid.is_empty() {
                problems.note(key(RowField::VmImageUuid), rules::uuid(&row.vm_image_uuid));
            }
            let docker = rules::no_whitespace(&row.docker_image)
                .or_else(|| rules::max_chars(&row.docker_image, limits::DOCKER_IMAGE));
            problems.note(key(RowField::DockerImage), docker);
        }
    }
}
