//! Draft -> CloneRequest: only what the user changed, plus the intent's `resourceUuid`.

use super::architecture::architecture_for_request;
use super::draft::Draft;
use super::field::Field;
use super::validation::Problems;
use crate::zstack::{
    ArchitectureImage, CloneIntent, CloneModelServiceBody, CloneParams, CloneRequest,
    ModelServiceInventory,
};

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

impl CloneRequest {
    /// The request for a draft: validated first (problems -> `Err`, nothing to send), then
    /// every changed field and nothing else, plus `resourceUuid` (typed by the user, else the
    /// intent's). If any row changed, the whole `architectureImages` list and `cpuArchitectures`
    /// are sent together, in row order, with upper-case architecture names (the API page's
    /// form); empty image fields are omitted from their entry.
    pub fn from_draft(
        draft: &Draft,
        source: &ModelServiceInventory,
        intent: &CloneIntent,
    ) -> Result<CloneRequest, Problems> {
        let changed = draft.changed_fields(source);
        let problems = draft.validate_changed(&changed);
        if !problems.is_empty() {
            return Err(problems);
        }
        let text = |field: Field, value: &str| changed.contains(&field).then(|| value.to_owned());
        // Validation passed: changed numbers parse.
        let long = |field: Field, value: &str| {
            changed
                .contains(&field)
                .then(|| value.trim().parse::<i64>().ok())
                .flatten()
        };
        let list =
            |field: Field, value: &Vec<String>| changed.contains(&field).then(|| value.clone());
        let flag = |field: Field, value: bool| changed.contains(&field).then_some(value);
        let rows_changed = changed.contains(&Field::ArchitectureImages);
        let params = CloneParams {
            name: text(Field::Name, &draft.name),
            description: text(Field::Description, &draft.description),
            readme: text(Field::Readme, &draft.readme),
            size: long(Field::Size, &draft.size),
            gpu_compute_capability: text(
                Field::GpuComputeCapability,
                &draft.gpu_compute_capability,
            ),
            install_path: text(Field::InstallPath, &draft.install_path),
            start_command: text(Field::StartCommand, &draft.start_command),
            python_version: text(Field::PythonVersion, &draft.python_version),
            conda_version: text(Field::CondaVersion, &draft.conda_version),
            system: flag(Field::System, draft.system),
            service_type: text(Field::Type, &draft.service_type),
            yaml: text(Field::Yaml, &draft.yaml),
            source: text(Field::Source, &draft.source),
            framework: text(Field::Framework, &draft.framework),
            request_cpu: long(Field::RequestCpu, &draft.request_cpu)
                .and_then(|v| i32::try_from(v).ok()),
            request_memory: long(Field::RequestMemory, &draft.request_memory),
            resource_uuid: Some(if draft.resource_uuid.is_empty() {
                intent.resource_uuid.clone()
            } else {
                draft.resource_uuid.clone()
            }),
            tag_uuids: list(Field::TagUuids, &draft.tag_uuids),
            cpu_architectures: rows_changed.then(|| {
                draft
                    .architecture_rows
                    .iter()
                    .map(|r| architecture_for_request(&r.cpu_architecture))
                    .collect()
            }),
            architecture_images: rows_changed.then(|| {
                draft
                    .architecture_rows
                    .iter()
                    .map(|r| ArchitectureImage {
                        cpu_architecture: architecture_for_request(&r.cpu_architecture),
                        vm_image_uuid: non_empty(&r.vm_image_uuid),
                        docker_image: non_empty(&r.docker_image),
                    })
                    .collect()
            }),
            support_distributed: flag(Field::SupportDistributed, draft.support_distributed),
            container_command: text(Field::ContainerCommand, &draft.container_command),
            container_args: text(Field::ContainerArgs, &draft.container_args),
            vendor_to_spec_uuids_map: changed
                .contains(&Field::VendorToSpecUuidsMap)
                .then(|| draft.vendor_map()),
        };
        Ok(CloneRequest {
            source_uuid: draft.source_uuid.clone(),
            body: CloneModelServiceBody {
                params,
                system_tags: list(Field::SystemTags, &draft.system_tags),
                user_tags: list(Field::UserTags, &draft.user_tags),
            },
        })
    }
}
