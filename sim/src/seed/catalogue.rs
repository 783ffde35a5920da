//! A seed with many services, to page and search through: the built-in seed (its uuids and
//! services unchanged) plus generated services and three whose names hold LIKE's special
//! characters, quotes and markup.

use super::*;
use crate::inventory::ModelServiceImageInventory;

/// Named `sale 50%_off`: `%` and `_` that a search must match literally.
pub const SERVICE_PERCENT_UNDERSCORE: &str = "5a1e0000000040008000000000000001";
/// Named `sale 50xyoff`: what `~=%50%_off%` matches when `%` and `_` are wildcards.
pub const SERVICE_LOOKALIKE: &str = "5a1e0000000040008000000000000002";
/// Named `it's "quoted" <b>bold</b> \ model`: quotes, a backslash and markup, shown as text.
pub const SERVICE_MARKUP: &str = "5a1e0000000040008000000000000003";

/// The uuid of generated service `i` (from 0).
pub fn generated_uuid(i: usize) -> String {
    format!("ca7a{i:04x}000040008000000000000000")
}

/// The name of generated service `i` (from 0): `catalogue-model-001`...
pub fn generated_name(i: usize) -> String {
    format!("catalogue-model-{:03}", i + 1)
}

/// The built-in seed plus `generated` services and the three special names.
pub fn catalogue(generated: usize) -> Seed {
    let mut seed = builtin();
    let architectures = [("x86_64", IMAGE_X86_64), ("aarch64", IMAGE_AARCH64)];
    for i in 0..generated {
        let (arch, image) = architectures[i % 2];
        let kind = ["Endpoint", "FineTune", "App", "ModelEval"][i % 4];
        seed.model_services.push(service(
            &generated_uuid(i),
            &generated_name(i),
            kind,
            arch,
            image,
        ));
    }
    for (uuid, name) in [
        (SERVICE_PERCENT_UNDERSCORE, "sale 50%_off"),
        (SERVICE_LOOKALIKE, "sale 50xyoff"),
        (SERVICE_MARKUP, r#"it's "quoted" <b>bold</b> \ model"#),
    ] {
        seed.model_services
            .push(service(uuid, name, "Endpoint", "x86_64", IMAGE_X86_64));
    }
    seed
}

fn service(uuid: &str, name: &str, kind: &str, arch: &str, image: &str) -> ModelServiceInventory {
    const CREATED: &str = "Dec 1, 2025 9:30:00 AM";
    ModelServiceInventory {
        uuid: uuid.into(),
        name: name.into(),
        model_center_uuid: Some(MODEL_CENTER.into()),
        service_type: Some(kind.into()),
        framework: Some("vLLM".into()),
        source: Some("HuggingFace".into()),
        request_cpu: Some(4),
        request_memory: Some(8192),
        size: Some(1 << 30),
        cpu_architectures: Some(vec![arch.into()]),
        model_service_images: vec![ModelServiceImageInventory {
            uuid: format!("{}0000400080000000000000ff", &uuid[..8]),
            model_service_uuid: uuid.into(),
            cpu_architecture: arch.into(),
            vm_image_uuid: Some(image.into()),
            docker_image: Some("vllm/vllm-openai:v0.6.3".into()),
            create_date: CREATED.into(),
            last_op_date: CREATED.into(),
        }],
        create_date: CREATED.into(),
        last_op_date: CREATED.into(),
        ..ModelServiceInventory::default()
    }
}
