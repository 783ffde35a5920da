//! The inventories the simulator serves, written from the contract (docs/zstack-api.md), not from
//! the app's types. Absent optional fields are omitted from JSON, as the node's Gson does.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelServiceInventory {
    pub uuid: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yaml: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_center_uuid: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_compute_capability: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub install_path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub python_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conda_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_command: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_command: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_args: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_cpu: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_memory: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    #[serde(default)]
    pub system: bool,
    #[serde(default)]
    pub support_distributed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_architectures: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_to_spec_uuids_map: Option<BTreeMap<String, Vec<String>>>,
    #[serde(default)]
    pub model_service_refs: Vec<ModelServiceRefInventory>,
    #[serde(default)]
    pub model_service_images: Vec<ModelServiceImageInventory>,
    pub create_date: String,
    pub last_op_date: String,
}

impl ModelServiceInventory {
    /// Top-level field names, for query validation (`q`, `sort`, `fields`).
    pub const FIELDS: &'static [&'static str] = &[
        "uuid",
        "name",
        "description",
        "readme",
        "yaml",
        "modelCenterUuid",
        "type",
        "framework",
        "source",
        "gpuComputeCapability",
        "installPath",
        "pythonVersion",
        "condaVersion",
        "startCommand",
        "containerCommand",
        "containerArgs",
        "requestCpu",
        "requestMemory",
        "size",
        "system",
        "supportDistributed",
        "cpuArchitectures",
        "vendorToSpecUuidsMap",
        "modelServiceRefs",
        "modelServiceImages",
        "createDate",
        "lastOpDate",
    ];
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelServiceRefInventory {
    pub uuid: String,
    pub model_uuid: String,
    pub model_service_uuid: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelServiceImageInventory {
    pub uuid: String,
    pub model_service_uuid: String,
    pub cpu_architecture: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vm_image_uuid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docker_image: Option<String>,
    pub create_date: String,
    pub last_op_date: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageInventory {
    pub uuid: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub architecture: String,
    pub platform: String,
    pub format: String,
    pub media_type: String,
    pub status: String,
    pub state: String,
    pub size: i64,
    pub actual_size: i64,
    pub create_date: String,
    pub last_op_date: String,
}

impl ImageInventory {
    pub const FIELDS: &'static [&'static str] = &[
        "uuid",
        "name",
        "description",
        "architecture",
        "platform",
        "format",
        "mediaType",
        "status",
        "state",
        "size",
        "actualSize",
        "createDate",
        "lastOpDate",
    ];
}

/// A tag pattern (what a tag picker lists).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TagInventory {
    pub uuid: String,
    pub name: String,
    pub value: String,
    pub color: String,
    #[serde(rename = "type")]
    pub tag_type: String,
    pub create_date: String,
    pub last_op_date: String,
}

impl TagInventory {
    pub const FIELDS: &'static [&'static str] = &[
        "uuid",
        "name",
        "value",
        "color",
        "type",
        "createDate",
        "lastOpDate",
    ];
}

/// A PCI device spec, as `GET /pci-device-specs` (QueryPciDeviceSpec) lists it. GPU specs (the
/// ones `vendorToSpecUuidsMap` names) are PCI specs of a `GPU_*` type with the fields of
/// `GpuDeviceSpecInventory` (`memory`, `gpuType`, `isolated`, `allocatorStrategy`), after the
/// Java SDK's `PciDeviceSpecInventory` and `GpuDeviceSpecInventory` and the Go SDK's
/// `GpuDeviceSpecInventoryView`. `memory` is in bytes (UNCONFIRMED: no source states the unit).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PciDeviceSpecInventory {
    pub uuid: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subvendor_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subdevice_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ram_size: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_part_num: Option<i32>,
    /// `PciDeviceType`: `GPU_3D_Controller`, `GPU_Video_Controller`, `Ethernet_Controller`...
    #[serde(rename = "type")]
    pub device_type: String,
    /// `Enabled` or `Disabled`.
    pub state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_virtual: Option<bool>,
    #[serde(default)]
    pub allow_resource_config_with_multiple_devices: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rom_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rom_md5sum: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_available_devices_per_host: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_type: Option<String>,
    /// GPU specs only: the card's memory (bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isolated: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocator_strategy: Option<String>,
    pub create_date: String,
    pub last_op_date: String,
}

impl PciDeviceSpecInventory {
    pub const FIELDS: &'static [&'static str] = &[
        "uuid",
        "name",
        "description",
        "vendorId",
        "vendor",
        "deviceId",
        "device",
        "subvendorId",
        "subdeviceId",
        "ramSize",
        "maxPartNum",
        "type",
        "state",
        "isVirtual",
        "allowResourceConfigWithMultipleDevices",
        "romVersion",
        "romMd5sum",
        "maxAvailableDevicesPerHost",
        "shareType",
        "memory",
        "gpuType",
        "isolated",
        "allocatorStrategy",
        "createDate",
        "lastOpDate",
    ];

    /// Whether this is a GPU spec (a `GPU_*` type), one `vendorToSpecUuidsMap` may name.
    pub fn is_gpu(&self) -> bool {
        self.device_type.starts_with("GPU_")
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelCenterInventory {
    pub uuid: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub url: String,
    pub management_ip: String,
    pub management_port: i32,
    pub create_date: String,
    pub last_op_date: String,
}

impl ModelCenterInventory {
    pub const FIELDS: &'static [&'static str] = &[
        "uuid",
        "name",
        "description",
        "url",
        "managementIp",
        "managementPort",
        "createDate",
        "lastOpDate",
    ];
}

/// The login reply's session inventory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionInventory {
    pub uuid: String,
    pub account_uuid: String,
    pub user_uuid: String,
    pub user_type: String,
    pub expired_date: String,
    pub create_date: String,
}

/// An account as QueryAccount (`GET /accounts`) lists it; the password is never part of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountInventory {
    pub uuid: String,
    pub name: String,
    #[serde(rename = "type")]
    pub account_type: String,
}

impl AccountInventory {
    pub const FIELDS: &'static [&'static str] = &["uuid", "name", "type", "description"];
}
