//! Draft -> CloneRequest: what the user changed, what is always sent (`size`, `system`: the
//! node would give an omitted one its own default, not the source's value) and the draft's
//! `resourceUuid`.

use std::collections::BTreeSet;

use super::architecture::architecture_for_request;
use super::draft::Draft;
use super::field::{Field, Kind, Special};
use super::keyed_list::KeyedList;
use super::validation::Problems;
use crate::zstack::{
    ArchitectureImage, CloneModelServiceBody, CloneParams, CloneRequest, ModelServiceInventory,
};

/// The plain fields (converted by their type) of a request, from the parameter table; the
/// `special` ones are set by [`CloneRequest::from_draft`] itself.
macro_rules! plain_fields {
    ($( $v:ident $api:literal $since:literal $sent:ident $kind:tt $params:tt
        [$($top:ident)?] $inventory:tt $draft:tt [$($plain:ident)?] $special:tt $form:tt
        $check:tt ; )*) => {
        /// The body with every plain field that `sent` says is sent.
        fn plain_body(draft: &Draft, sent: impl Fn(Field) -> bool) -> CloneModelServiceBody {
            let mut body = CloneModelServiceBody::default();
            $($(
                if sent(Field::$v) {
                    body.params.$plain = draft.$plain.to_wire();
                }
            )?)*
            $($(
                if sent(Field::$v) {
                    body.$top = draft.$top.to_wire();
                }
            )?)*
            body
        }
    };
}

crate::zstack::clone_model_service_parameters!(plain_fields);

/// A draft value as sent, by the type it is kept as and the type the API takes. Numbers were
/// validated when changed, and come from the source (as `i64`) when not, so they parse.
trait ToWire<W> {
    fn to_wire(&self) -> Option<W>;
}

impl ToWire<String> for String {
    fn to_wire(&self) -> Option<String> {
        Some(self.clone())
    }
}

impl ToWire<i64> for String {
    fn to_wire(&self) -> Option<i64> {
        self.trim().parse().ok()
    }
}

impl ToWire<i32> for String {
    fn to_wire(&self) -> Option<i32> {
        self.trim().parse().ok()
    }
}

impl ToWire<bool> for bool {
    fn to_wire(&self) -> Option<bool> {
        Some(*self)
    }
}

impl ToWire<Vec<String>> for Vec<String> {
    fn to_wire(&self) -> Option<Vec<String>> {
        Some(self.clone())
    }
}

impl ToWire<Vec<String>> for KeyedList<String> {
    fn to_wire(&self) -> Option<Vec<String>> {
        Some(self.to_vec())
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// The fields a draft sends: the changed ones and those always sent.
fn sent_fields(changed: &BTreeSet<Field>) -> impl Fn(Field) -> bool + '_ {
    move |field| field.always_sent() || changed.contains(&field)
}

impl CloneRequest {
    /// The request for a draft: validated first (problems -> `Err`, nothing to send), then
    /// every changed field, `size` and `system` whether changed or not, and `resourceUuid`
    /// (typed by the user, else `resource_uuid`, the one made with the draft). If any row
    /// changed, the whole
    /// `architectureImages` list and `cpuArchitectures` are sent together, in row order, with
    /// upper-case architecture names (the API page's form); empty image fields are omitted from
    /// their entry.
    pub fn from_draft(
        draft: &Draft,
        source: &ModelServiceInventory,
        resource_uuid: &str,
    ) -> Result<CloneRequest, Problems> {
        let changed = draft.changed_fields(source);
        let problems = draft.validate_changed(&changed);
        if !problems.is_empty() {
            return Err(problems);
        }
        let sent = sent_fields(&changed);
        let mut body = plain_body(draft, &sent);
        let params: &mut CloneParams = &mut body.params;
        // Every `special` parameter, by hand; the match makes a new one a compile error here.
        for field in Field::ALL.into_iter().filter(|&f| sent(f)) {
            let Kind::Special(special) = field.kind() else {
                continue;
            };
            match special {
                Special::ResourceUuid => {
                    params.resource_uuid = Some(if draft.resource_uuid.is_empty() {
                        resource_uuid.to_owned()
                    } else {
                        draft.resource_uuid.clone()
                    });
                }
                Special::CpuArchitectures => {
                    params.cpu_architectures = Some(
                        draft
                            .architecture_rows
                            .values()
                            .map(|r| architecture_for_request(&r.cpu_architecture))
                            .collect(),
                    );
                }
                Special::ArchitectureImages => {
                    params.architecture_images = Some(
                        draft
                            .architecture_rows
                            .values()
                            .map(|r| ArchitectureImage {
                                cpu_architecture: architecture_for_request(&r.cpu_architecture),
                                vm_image_uuid: non_empty(&r.vm_image_uuid),
                                docker_image: non_empty(&r.docker_image),
                            })
                            .collect(),
                    );
                }
                Special::VendorToSpecUuidsMap => {
                    params.vendor_to_spec_uuids_map = Some(draft.vendor_map());
                }
            }
        }
        Ok(CloneRequest {
            source_uuid: draft.source_uuid.clone(),
            body,
        })
    }
}
