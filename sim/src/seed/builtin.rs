//! The built-in seed: the admin account and a normal one, services covering the interesting shapes, and the
//! images, tags, GPU specs and model center that pickers list.

use std::collections::BTreeMap;

use super::*;
use crate::inventory::{ModelServiceImageInventory, ModelServiceRefInventory};

const CREATED: &str = "Nov 25, 2025 11:51:50 AM";
const UPDATED: &str = "Nov 26, 2025 3:07:12 PM";
const GIB: i64 = 1024 * 1024 * 1024;
/// `requestMemory` values are on the API page's scale: its examples pair 4 CPUs with 8192 and
/// 1 CPU with 1024, which reads as MiB. No public source states the unit (UNCONFIRMED); sizes and
/// GPU memory stay in bytes.
const MEMORY_GIB: i64 = 1024;

/// The built-in seed (used when `--seed` is not given).
pub fn builtin() -> Seed {
    Seed {
        accounts: vec![
            SeedAccount {
                uuid: ADMIN_ACCOUNT_UUID.into(),
                name: ADMIN_ACCOUNT.into(),
                password: ADMIN_PASSWORD.into(),
                account_type: ADMIN_ACCOUNT_TYPE.into(),
            },
            SeedAccount {
                uuid: USER_ACCOUNT_UUID.into(),
                name: USER_ACCOUNT.into(),
                password: USER_PASSWORD.into(),
                account_type: NORMAL_ACCOUNT_TYPE.into(),
            },
        ],
        model_services: model_services(),
        images: vec![
            image(IMAGE_X86_64, "ubuntu-22.04-x86_64", "x86_64", "Linux", 5),
            image(
                IMAGE_X86_64_CUDA,
                "ubuntu-22.04-cuda-12.4-x86_64",
                "x86_64",
                "Linux",
                12,
            ),
            image(IMAGE_AARCH64, "ubuntu-22.04-aarch64", "aarch64", "Linux", 5),
            image(
                IMAGE_AARCH64_ASCEND,
                "openEuler-22.03-cann-8.0-aarch64",
                "aarch64",
                "Linux",
                9,
            ),
        ],
        tags: vec![
            tag(TAG_PRODUCTION, "production", "#2e7d32"),
            tag(TAG_EXPERIMENTAL, "experimental", "#ef6c00"),
            tag(TAG_CJK, "推理服务", "#1565c0"),
        ],
        pci_device_specs: vec![
            gpu_spec(
                GPU_SPEC_NVIDIA_A100,
                "NVIDIA A100-SXM4-80GB",
                ("NVIDIA", "10de"),
                ("GA100 [A100 SXM4 80GB]", "20b2"),
                80,
            ),
            gpu_spec(
                GPU_SPEC_NVIDIA_L40S,
                "NVIDIA L40S",
                ("NVIDIA", "10de"),
                ("AD102GL [L40S]", "26b9"),
                48,
            ),
            gpu_spec(
                GPU_SPEC_HUAWEI_910B,
                "Ascend 910B",
                ("Huawei", "19e5"),
                ("Ascend 910B", "d802"),
                64,
            ),
            PciDeviceSpecInventory {
                uuid: PCI_SPEC_CONNECTX6.into(),
                name: "Mellanox ConnectX-6 Dx".into(),
                description: Some(
                    "Mellanox Technologies, MT2892 Family [ConnectX-6 Dx], Ethernet controller"
                        .into(),
                ),
                vendor_id: Some("15b3".into()),
                vendor: Some("Mellanox".into()),
                device_id: Some("101d".into()),
                device: Some("MT2892 Family [ConnectX-6 Dx]".into()),
                device_type: "Ethernet_Controller".into(),
                state: "Enabled".into(),
                is_virtual: Some(false),
                allow_resource_config_with_multiple_devices: true,
                create_date: CREATED.into(),
                last_op_date: CREATED.into(),
                ..PciDeviceSpecInventory::default()
            },
        ],
        model_centers: vec![ModelCenterInventory {
            uuid: MODEL_CENTER.into(),
            name: "default-model-center".into(),
            description: Some("The built-in model center".into()),
            url: "http://127.0.0.1:8989".into(),
            management_ip: "127.0.0.1".into(),
            management_port: 8989,
            create_date: CREATED.into(),
            last_op_date: CREATED.into(),
        }],
    }
}

fn model_services() -> Vec<ModelServiceInventory> {
    let two_arch = ModelServiceInventory {
        name: "qwen2.5-7b-instruct".into(),
        description: Some("Chat endpoint for Qwen2.5 7B Instruct, on x86_64 and aarch64".into()),
        readme: Some("# Qwen2.5-7B-Instruct\n\nServe with vLLM.\n".into()),
        yaml: Some("services:\n  - ports:\n      - 3000\n    name: qwen2.5-7b\n".into()),
        service_type: Some("Endpoint".into()),
        framework: Some("vLLM".into()),
        source: Some("HuggingFace".into()),
        gpu_compute_capability: Some("8.0".into()),
        install_path: Some("/opt/models/qwen2.5-7b-instruct".into()),
        python_version: Some("3.10".into()),
        conda_version: Some("23.7.4".into()),
        start_command: Some("python3 -m vllm.entrypoints.openai.api_server".into()),
        container_command: Some("/bin/sh".into()),
        container_args: Some("-c \"vllm serve /models/qwen --port 3000\"".into()),
        request_cpu: Some(8),
        request_memory: Some(32 * MEMORY_GIB),
        size: Some(15 * GIB),
        support_distributed: true,
        cpu_architectures: Some(vec!["x86_64".into(), "aarch64".into()]),
        vendor_to_spec_uuids_map: Some(BTreeMap::from([
            (
                "NVIDIA".to_string(),
                vec![
                    GPU_SPEC_NVIDIA_A100.to_string(),
                    GPU_SPEC_NVIDIA_L40S.to_string(),
                ],
            ),
            ("Huawei".to_string(), vec![GPU_SPEC_HUAWEI_910B.to_string()]),
        ])),
        model_service_refs: vec![ModelServiceRefInventory {
            uuid: "e1000001000040008000000000000001".into(),
            model_uuid: "e2000001000040008000000000000001".into(),
            model_service_uuid: SERVICE_TWO_ARCH.into(),
        }],
        model_service_images: vec![
            service_image(
                SERVICE_TWO_ARCH,
                1,
                "x86_64",
                IMAGE_X86_64_CUDA,
                "qwen/vllm:0.6-x86_64",
            ),
            service_image(
                SERVICE_TWO_ARCH,
                2,
                "aarch64",
                IMAGE_AARCH64,
                "qwen/vllm:0.6-aarch64",
            ),
        ],
        ..service(SERVICE_TWO_ARCH)
    };
    let one_arch = ModelServiceInventory {
        name: "bge-m3-embedding".into(),
        description: Some("Embedding endpoint, x86_64 only".into()),
        service_type: Some("Endpoint".into()),
        framework: Some("Transformers".into()),
        source: Some("HuggingFace".into()),
        python_version: Some("3.8".into()),
        start_command: Some("python start.py".into()),
        request_cpu: Some(4),
        request_memory: Some(8 * MEMORY_GIB),
        size: Some(0),
        cpu_architectures: Some(vec!["x86_64".into()]),
        model_service_images: vec![service_image(
            SERVICE_ONE_ARCH,
            1,
            "x86_64",
            IMAGE_X86_64,
            "registry.example.com/x86_64/bge-m3:latest",
        )],
        ..service(SERVICE_ONE_ARCH)
    };
    let no_arch = ModelServiceInventory {
        name: "bare-service".into(),
        ..service(SERVICE_NO_ARCH)
    };
    let cjk = ModelServiceInventory {
        name: "通义千问-对话服务".into(),
        description: Some("基于通义千问的中文对话模型服务，支持多轮对话。".into()),
        readme: Some("# 使用说明\n\n1. 启动服务\n2. 访问 `/v1/chat`\n".into()),
        service_type: Some("Endpoint".into()),
        framework: Some("MindIE".into()),
        source: Some("Other".into()),
        request_cpu: Some(16),
        request_memory: Some(64 * MEMORY_GIB),
        cpu_architectures: Some(vec!["aarch64".into()]),
        vendor_to_spec_uuids_map: Some(BTreeMap::from([(
            "Huawei".to_string(),
            vec![GPU_SPEC_HUAWEI_910B.to_string()],
        )])),
        model_service_images: vec![service_image(
            SERVICE_CJK,
            1,
            "aarch64",
            IMAGE_AARCH64_ASCEND,
            "ascend/mindie:1.0-aarch64",
        )],
        ..service(SERVICE_CJK)
    };
    let long_yaml = ModelServiceInventory {
        name: "rag-chat-7b".into(),
        description: Some("Retrieval-augmented chat\nwith a long multi-line YAML".into()),
        yaml: Some(include_str!("long-service.yaml").into()),
        service_type: Some("Endpoint".into()),
        framework: Some("BentoML".into()),
        source: Some("Bentoml".into()),
        request_cpu: Some(8),
        request_memory: Some(32 * MEMORY_GIB),
        cpu_architectures: Some(vec!["x86_64".into()]),
        model_service_images: vec![service_image(
            SERVICE_LONG_YAML,
            1,
            "x86_64",
            IMAGE_X86_64_CUDA,
            "rag/chat:2.1",
        )],
        ..service(SERVICE_LONG_YAML)
    };
    let system = ModelServiceInventory {
        name: "jupyter-notebook".into(),
        description: Some("Built-in notebook app (system service)".into()),
        service_type: Some("App".into()),
        framework: Some("Jupyter".into()),
        source: Some("Bentoml".into()),
        system: true,
        request_cpu: Some(2),
        request_memory: Some(4 * MEMORY_GIB),
        cpu_architectures: Some(vec!["x86_64".into(), "aarch64".into()]),
        model_service_images: vec![
            service_image(
                SERVICE_SYSTEM,
                1,
                "x86_64",
                IMAGE_X86_64,
                "jupyter/base:x86_64",
            ),
            service_image(
                SERVICE_SYSTEM,
                2,
                "aarch64",
                IMAGE_AARCH64,
                "jupyter/base:aarch64",
            ),
        ],
        ..service(SERVICE_SYSTEM)
    };
    let huge = ModelServiceInventory {
        name: "huge-numbers".into(),
        description: Some("size is i64::MAX, requestMemory 2^53 + 1".into()),
        service_type: Some("FineTune".into()),
        source: Some("Other".into()),
        size: Some(i64::MAX),
        request_memory: Some(9_007_199_254_740_993),
        request_cpu: Some(i32::MAX),
        cpu_architectures: Some(vec!["x86_64".into()]),
        model_service_images: vec![service_image(
            SERVICE_HUGE_NUMBERS,
            1,
            "x86_64",
            IMAGE_X86_64,
            "huge/numbers:1",
        )],
        ..service(SERVICE_HUGE_NUMBERS)
    };
    vec![two_arch, one_arch, no_arch, cjk, long_yaml, system, huge]
}

fn service(uuid: &str) -> ModelServiceInventory {
    ModelServiceInventory {
        uuid: uuid.into(),
        model_center_uuid: Some(MODEL_CENTER.into()),
        create_date: CREATED.into(),
        last_op_date: UPDATED.into(),
        ..ModelServiceInventory::default()
    }
}

/// Image rows get fixed uuids derived from the service uuid's first 8 chars and the row number.
fn service_image(
    service_uuid: &str,
    row: u32,
    architecture: &str,
    vm_image_uuid: &str,
    docker_image: &str,
) -> ModelServiceImageInventory {
    ModelServiceImageInventory {
        uuid: format!("{}0000400080000000000000{row:02}", &service_uuid[..8]),
        model_service_uuid: service_uuid.into(),
        cpu_architecture: architecture.into(),
        vm_image_uuid: Some(vm_image_uuid.into()),
        docker_image: Some(docker_image.into()),
        create_date: CREATED.into(),
        last_op_date: CREATED.into(),
    }
}

fn image(uuid: &str, name: &str, arch: &str, platform: &str, gib: i64) -> ImageInventory {
    ImageInventory {
        uuid: uuid.into(),
        name: name.into(),
        description: None,
        architecture: arch.into(),
        platform: platform.into(),
        format: "qcow2".into(),
        media_type: "RootVolumeTemplate".into(),
        status: "Ready".into(),
        state: "Enabled".into(),
        size: gib * GIB,
        actual_size: gib * GIB / 2,
        create_date: CREATED.into(),
        last_op_date: CREATED.into(),
    }
}

fn tag(uuid: &str, name: &str, color: &str) -> TagInventory {
    TagInventory {
        uuid: uuid.into(),
        name: name.into(),
        value: name.into(),
        color: color.into(),
        tag_type: "simple".into(),
        create_date: CREATED.into(),
        last_op_date: CREATED.into(),
    }
}

/// A GPU spec: `(vendor, vendorId)`, `(device, deviceId)`, memory in GiB (served in bytes).
fn gpu_spec(
    uuid: &str,
    name: &str,
    (vendor, vendor_id): (&str, &str),
    (device, device_id): (&str, &str),
    memory_gib: i64,
) -> PciDeviceSpecInventory {
    PciDeviceSpecInventory {
        uuid: uuid.into(),
        name: name.into(),
        description: Some(format!("{vendor}, {device}, 3D controller")),
        vendor_id: Some(vendor_id.into()),
        vendor: Some(vendor.into()),
        device_id: Some(device_id.into()),
        device: Some(device.into()),
        device_type: "GPU_3D_Controller".into(),
        state: "Enabled".into(),
        is_virtual: Some(false),
        allow_resource_config_with_multiple_devices: true,
        memory: Some(memory_gib * GIB),
        isolated: Some(false),
        allocator_strategy: Some("FollowGlobal".into()),
        create_date: CREATED.into(),
        last_op_date: CREATED.into(),
        ..PciDeviceSpecInventory::default()
    }
}
