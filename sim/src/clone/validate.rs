//! The checks the management node makes on a CloneModelService message. Failures end the job
//! with SYS.1007 (invalid argument) or SYS.1003 (a referenced resource does not exist), and
//! `details` names the field.
//!
//! Stated by the contract / API page: valid values of `type` and `source`, the `resourceUuid`
//! pattern, referenced resources exist. UNCONFIRMED (the handler is not public; the simulator
//! makes these checks so that a client meets them): `name` at most 255 characters (the column is
//! `varchar(255)`), non-negative `requestCpu`/`requestMemory`/`size`, a known CPU architecture, one
//! row per architecture, an image whose architecture matches its row, a GPU spec listed under its
//! own vendor and being a GPU spec. A `resourceUuid` already used is not checked here: it fails
//! when the clone is stored (see `super::execute`).

use crate::error_code::ErrorCode;
use crate::ids::is_resource_uuid;
use crate::state::World;

use super::request::CloneParams;

pub const SERVICE_TYPES: [&str; 4] = ["Endpoint", "FineTune", "App", "ModelEval"];
pub const SOURCES: [&str; 3] = ["Other", "Bentoml", "HuggingFace"];
/// CPU architectures ZStack runs on (compared case-insensitively).
pub const ARCHITECTURES: [&str; 4] = ["x86_64", "aarch64", "loongarch64", "mips64el"];
pub const NAME_MAX_LENGTH: usize = 255;

pub fn validate(world: &World, params: &CloneParams) -> Result<(), ErrorCode> {
    if let Some(name) = &params.name {
        let length = name.chars().count();
        if length > NAME_MAX_LENGTH {
            return Err(ErrorCode::invalid_argument(format!(
                "field[name] exceeds the max length of {NAME_MAX_LENGTH} characters, got {length}"
            )));
        }
    }
    check_valid_value("type", params.service_type.as_deref(), &SERVICE_TYPES)?;
    check_valid_value("source", params.source.as_deref(), &SOURCES)?;
    check_non_negative("requestCpu", params.request_cpu.map(i64::from))?;
    check_non_negative("requestMemory", params.request_memory)?;
    check_non_negative("size", params.size)?;
    if let Some(uuid) = &params.resource_uuid {
        if !is_resource_uuid(uuid) {
            return Err(ErrorCode::invalid_argument(format!(
                "invalid value[{uuid}] of field[resourceUuid]: not a valid UUID"
            )));
        }
    }
    for (index, architecture) in params.cpu_architectures.iter().flatten().enumerate() {
        check_architecture(&format!("cpuArchitectures[{index}]"), architecture)?;
    }
    check_architecture_images(world, params)?;
    for tag_uuid in params.tag_uuids.iter().flatten() {
        if !world.tags.iter().any(|t| &t.uuid == tag_uuid) {
            return Err(ErrorCode::not_found("tagUuids", tag_uuid, "TagPatternVO"));
        }
    }
    for (vendor, spec_uuids) in params.vendor_to_spec_uuids_map.iter().flatten() {
        let field = format!("vendorToSpecUuidsMap[{vendor}]");
        for spec_uuid in spec_uuids {
            let spec = world
                .pci_device_specs
                .iter()
                .find(|s| &s.uuid == spec_uuid)
                .ok_or_else(|| ErrorCode::not_found(&field, spec_uuid, "GpuDeviceSpecVO"))?;
            if !spec.is_gpu() {
                return Err(ErrorCode::invalid_argument(format!(
                    "field[{field}]: PCI device spec[uuid:{spec_uuid}] of type[{}] is not a GPU spec",
                    spec.device_type
                )));
            }
            let spec_vendor = spec.vendor.as_deref().unwrap_or("");
            if !spec_vendor.eq_ignore_ascii_case(vendor) {
                return Err(ErrorCode::invalid_argument(format!(
                    "field[{field}]: GPU spec[uuid:{spec_uuid}] is of vendor[{spec_vendor}], not [{vendor}]"
                )));
            }
        }
    }
    Ok(())
}

fn check_architecture_images(world: &World, params: &CloneParams) -> Result<(), ErrorCode> {
    let mut seen: Vec<String> = Vec::new();
    for (index, row) in params.architecture_images.iter().flatten().enumerate() {
        let field = format!("architectureImages[{index}].cpuArchitecture");
        let architecture = row.cpu_architecture.as_deref().ok_or_else(|| {
            ErrorCode::invalid_argument(format!("field[{field}] is mandatory, can not be null"))
        })?;
        check_architecture(&field, architecture)?;
        let lower = architecture.to_ascii_lowercase();
        if seen.contains(&lower) {
            return Err(ErrorCode::invalid_argument(format!(
                "field[{field}]: duplicate cpu architecture[{architecture}]"
            )));
        }
        seen.push(lower);
        if let Some(image_uuid) = &row.vm_image_uuid {
            let field = format!("architectureImages[{index}].vmImageUuid");
            let image = world
                .images
                .iter()
                .find(|i| &i.uuid == image_uuid)
                .ok_or_else(|| ErrorCode::not_found(&field, image_uuid, "ImageVO"))?;
            if !image.architecture.eq_ignore_ascii_case(architecture) {
                return Err(ErrorCode::invalid_argument(format!(
                    "field[{field}]: image[uuid:{image_uuid}] has architecture[{}], \
                     which does not match cpuArchitecture[{architecture}]",
                    image.architecture
                )));
            }
        }
    }
    Ok(())
}

fn check_valid_value(field: &str, value: Option<&str>, valid: &[&str]) -> Result<(), ErrorCode> {
    match value {
        Some(value) if !valid.contains(&value) => Err(ErrorCode::invalid_argument(format!(
            "invalid value[{value}] of field[{field}], valid values are [{}]",
            valid.join(", ")
        ))),
        _ => Ok(()),
    }
}

fn check_non_negative(field: &str, value: Option<i64>) -> Result<(), ErrorCode> {
    match value {
        Some(value) if value < 0 => Err(ErrorCode::invalid_argument(format!(
            "field[{field}] must be greater than or equal to 0, got {value}"
        ))),
        _ => Ok(()),
    }
}

fn check_architecture(field: &str, architecture: &str) -> Result<(), ErrorCode> {
    if ARCHITECTURES
        .iter()
        .any(|known| known.eq_ignore_ascii_case(architecture))
    {
        Ok(())
    } else {
        Err(ErrorCode::invalid_argument(format!(
            "invalid value[{architecture}] of field[{field}], valid values are [{}]",
            ARCHITECTURES.join(", ")
        )))
    }
}
