//! Building the clone: every source field copied, every given param applied.

use crate::ids::new_uuid;
use crate::inventory::{ModelServiceImageInventory, ModelServiceInventory};

use super::request::CloneParams;

/// The new inventory for `uuid`, created at `now` (ZStack date text).
pub fn build_clone(
    source: &ModelServiceInventory,
    params: &CloneParams,
    uuid: &str,
    now: &str,
) -> ModelServiceInventory {
    let mut clone = source.clone();
    clone.uuid = uuid.to_string();
    clone.create_date = now.to_string();
    clone.last_op_date = now.to_string();

    let p = params.clone();
    set(&mut clone.name, p.name);
    replace(&mut clone.description, p.description);
    replace(&mut clone.readme, p.readme);
    replace(&mut clone.size, p.size);
    replace(&mut clone.gpu_compute_capability, p.gpu_compute_capability);
    replace(&mut clone.install_path, p.install_path);
    replace(&mut clone.start_command, p.start_command);
    replace(&mut clone.python_version, p.python_version);
    replace(&mut clone.conda_version, p.conda_version);
    set(&mut clone.system, p.system);
    replace(&mut clone.service_type, p.service_type);
    replace(&mut clone.yaml, p.yaml);
    replace(&mut clone.source, p.source);
    replace(&mut clone.framework, p.framework);
    replace(&mut clone.request_cpu, p.request_cpu);
    replace(&mut clone.request_memory, p.request_memory);
    set(&mut clone.support_distributed, p.support_distributed);
    replace(&mut clone.container_command, p.container_command);
    replace(&mut clone.container_args, p.container_args);
    replace(
        &mut clone.vendor_to_spec_uuids_map,
        p.vendor_to_spec_uuids_map,
    );
    if let Some(architectures) = p.cpu_architectures {
        clone.cpu_architectures = Some(
            architectures
                .iter()
                .map(|a| a.to_ascii_lowercase())
                .collect(),
        );
    }

    clone.model_service_images = match p.architecture_images {
        Some(rows) => rows
            .into_iter()
            .map(|row| ModelServiceImageInventory {
                uuid: new_uuid(),
                model_service_uuid: uuid.to_string(),
                cpu_architecture: row
                    .cpu_architecture
                    .unwrap_or_default()
                    .to_ascii_lowercase(),
                vm_image_uuid: row.vm_image_uuid,
                docker_image: row.docker_image,
                create_date: now.to_string(),
                last_op_date: now.to_string(),
            })
            .collect(),
        None => source
            .model_service_images
            .iter()
            .map(|image| ModelServiceImageInventory {
                uuid: new_uuid(),
                model_service_uuid: uuid.to_string(),
                create_date: now.to_string(),
                last_op_date: now.to_string(),
                ..image.clone()
            })
            .collect(),
    };
    for reference in &mut clone.model_service_refs {
        reference.uuid = new_uuid();
        reference.model_service_uuid = uuid.to_string();
    }
    clone
}

fn set<T>(field: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *field = value;
    }
}

fn replace<T>(field: &mut Option<T>, value: Option<T>) {
    if value.is_some() {
        *field = value;
    }
}
