//! Inventories the dialog queries besides model services: images, tags and GPU specs.

use serde::{Deserialize, Serialize};

/// An image (`GET /v1/images`), offered for an architecture row's `vmImageUuid`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ImageInventory {
    pub uuid: String,
    pub name: Option<String>,
    pub architecture: Option<String>,
    pub platform: Option<String>,
    pub format: Option<String>,
    pub status: Option<String>,
    pub state: Option<String>,
    pub media_type: Option<String>,
}

/// A tag pattern (`GET /v1/tags`), offered for `tagUuids`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TagInventory {
    pub uuid: String,
    pub name: Option<String>,
    pub value: Option<String>,
    pub color: Option<String>,
    #[serde(rename = "type")]
    pub tag_type: Option<String>,
}

/// A GPU spec, offered for `vendorToSpecUuidsMap` (vendor -> spec uuids): a PCI device spec
/// (`GpuDeviceSpecInventory extends PciDeviceSpecInventory` in ZStack's Java SDK) whose `type`
/// is a GPU's. Queried with QueryPciDeviceSpec, `GET /v1/pci-device-specs` (zstackio/zstack
/// `sdk/.../QueryPciDeviceSpecAction.java`, zstack-sdk-go-v2 `pci_device_spec_actions.go`).
///
/// UNCONFIRMED: that a spec's `vendor` text is the key `vendorToSpecUuidsMap` uses, and the
/// unit of `memory` (read as bytes).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GpuSpecInventory {
    pub uuid: String,
    pub name: Option<String>,
    pub vendor: Option<String>,
    pub memory: Option<i64>,
    #[serde(rename = "type")]
    pub spec_type: Option<String>,
}

impl GpuSpecInventory {
    /// QueryPciDeviceSpec, below the version prefix.
    pub const QUERY_PATH: &'static str = "/pci-device-specs";
    /// The PCI device types of GPUs that carry compute (`PciDeviceType` in ZStack).
    pub const GPU_TYPES: [&'static str; 2] = ["GPU_3D_Controller", "GPU_Video_Controller"];

    /// Whether this spec is a GPU's (a node that ignored the query's condition still lists
    /// network cards and the like).
    pub fn is_gpu(&self) -> bool {
        self.spec_type
            .as_deref()
            .is_some_and(|t| Self::GPU_TYPES.contains(&t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zstack::QueryReply;

    #[test]
    fn parse_related_inventories_leniently() {
        let r: QueryReply<ImageInventory> = serde_json::from_str(
            r#"{"inventories":[{"uuid":"b31bc4574f22426a89902edac5d14a72","name":"img",
            "architecture":"x86_64","platform":"Linux","format":"qcow2","status":"Ready",
            "state":"Enabled","size":123}]}"#,
        )
        .unwrap();
        assert_eq!(r.inventories[0].architecture.as_deref(), Some("x86_64"));
        let t: TagInventory = serde_json::from_str(
            r##"{"uuid":"u","name":"prod","value":"prod","color":"#f00","type":"simple"}"##,
        )
        .unwrap();
        assert_eq!(t.tag_type.as_deref(), Some("simple"));
        let g: GpuSpecInventory = serde_json::from_str(
            r#"{"uuid":"u","name":"A100","vendor":"NVIDIA","memory":85899345920,"type":"GPU_3D_Controller","vendorId":"10de"}"#,
        )
        .unwrap();
        assert_eq!(g.memory, Some(85_899_345_920));
        assert!(g.is_gpu());
        let nic: GpuSpecInventory = serde_json::from_str(
            r#"{"uuid":"n","vendor":"Mellanox","type":"Ethernet_Controller"}"#,
        )
        .unwrap();
        assert!(!nic.is_gpu());
    }
}
