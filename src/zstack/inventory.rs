//! The ModelServiceInventory: what a query or a finished clone returns.
//!
//! Every field is optional and `null`-tolerant: an inventory from an older or newer server still
//! parses. Longs (`size`, `requestMemory`) are read as JSON integers straight into `i64`, never
//! through `f64`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::lenient::null_as_default;
use super::ZStackDate;

/// `{"inventory": ...}`: the body of a finished clone (which may also be `{}`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InventoryReply<T> {
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub inventory: Option<T>,
}

fn none<T>() -> Option<T> {
    None
}

/// `ModelServiceInventory`: the parameters the table pre-fills from the source (one `Option`
/// each, named as the API names it), and the inventory's own fields, written here.
macro_rules! inventory_type {
    ($( $v:ident $api:literal $since:literal $sent:ident $kind:tt $params:tt $top:tt
        [$($f:ident : $ft:ty)?] $draft:tt $plain:tt $special:tt $form:tt $check:tt ; )*) => {
        /// A model service as ZStack describes it.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        pub struct ModelServiceInventory {
            $($(
                #[serde(rename = $api)]
                pub $f: Option<$ft>,
            )?)*
            pub uuid: Option<String>,
            pub model_center_uuid: Option<String>,
            #[serde(deserialize_with = "null_as_default")]
            pub cpu_architectures: Vec<String>,
            #[serde(deserialize_with = "null_as_default")]
            pub vendor_to_spec_uuids_map: BTreeMap<String, Vec<String>>,
            #[serde(deserialize_with = "null_as_default")]
            pub model_service_refs: Vec<ModelServiceRef>,
            #[serde(deserialize_with = "null_as_default")]
            pub model_service_images: Vec<ModelServiceImage>,
            pub create_date: Option<ZStackDate>,
            pub last_op_date: Option<ZStackDate>,
        }
    };
}

super::clone_model_service_parameters!(inventory_type);

/// One architecture's image of a model service.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ModelServiceImage {
    pub uuid: Option<String>,
    pub model_service_uuid: Option<String>,
    pub cpu_architecture: Option<String>,
    pub vm_image_uuid: Option<String>,
    pub docker_image: Option<String>,
    pub create_date: Option<ZStackDate>,
    pub last_op_date: Option<ZStackDate>,
}

/// A model the service refers to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ModelServiceRef {
    pub uuid: Option<String>,
    pub model_uuid: Option<String>,
    pub model_service_uuid: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The API page's reply, verbatim.
    pub(crate) const API_PAGE_REPLY: &str = r#"{
"inventory": {
"uuid": "90d425a802ff44eeb530f21587633700",
"name": "example",
"description": "Example description for modelService",
"yaml": "services:\n - ports:\n - 3000\n name: qwen1.5-7b-chat:2b34xhrmqwhomjkd\n livez: /livez\n",
"requestCpu": 1,
"requestMemory": 1024,
"modelCenterUuid": "432c5fdd49374bb0a2fd7877f0a877cf",
"type": "Endpoint",
"system": true,
"gpuComputeCapability": "3.7",
"installPath": "/example/install/path",
"pythonVersion": "3.8.10",
"condaVersion": "23.7.4",
"startCommand": "python3 app.py",
"supportDistributed": true,
"modelServiceImages": [
{
"uuid": "c13336388d574fec824752525ae05a21",
"modelServiceUuid": "90d425a802ff44eeb530f21587633700",
"cpuArchitecture": "x86_64",
"vmImageUuid": "b31bc4574f22426a89902edac5d14a72",
"dockerImage": "registry.example.com/x86_64/myimage:latest",
"createDate": "Nov 25, 2025 11:51:50 AM",
"lastOpDate": "Nov 25, 2025 11:51:50 AM"
},
{
"uuid": "46c0e4bb46e849059e6d6bc8881d86f3",
"modelServiceUuid": "90d425a802ff44eeb530f21587633700",
"cpuArchitecture": "aarch64",
"vmImageUuid": "b2085e2ac2d84029a7947cb09178daaa",
"dockerImage": "registry.example.com/aarch64/myimage:latest",
"createDate": "Nov 25, 2025 11:51:50 AM",
"lastOpDate": "Nov 25, 2025 11:51:50 AM"
}
],
"createDate": "Nov 25, 2025 11:51:50 AM",
"lastOpDate": "Nov 25, 2025 11:51:50 AM"
}
}"#;

    #[test]
    fn parses_the_api_page_reply() {
        let reply: InventoryReply<ModelServiceInventory> =
            serde_json::from_str(API_PAGE_REPLY).unwrap();
        let inv = reply.inventory.unwrap();
        assert_eq!(inv.name.as_deref(), Some("example"));
        assert_eq!(inv.service_type.as_deref(), Some("Endpoint"));
        assert_eq!(inv.request_cpu, Some(1));
        assert_eq!(inv.request_memory, Some(1024));
        assert_eq!(inv.system, Some(true));
        assert_eq!(inv.model_service_images.len(), 2);
        let img = &inv.model_service_images[1];
        assert_eq!(img.cpu_architecture.as_deref(), Some("aarch64"));
        assert!(img.create_date.as_ref().unwrap().raw.contains("11:51"));
        assert!(inv.create_date.is_some());
    }

    #[test]
    fn longs_never_pass_through_f64() {
        for v in [i64::MAX, i64::MIN, 9_007_199_254_740_993] {
            let json = format!(r#"{{"size":{v},"requestMemory":{v}}}"#);
            let inv: ModelServiceInventory = serde_json::from_str(&json).unwrap();
            assert_eq!(inv.size, Some(v));
            assert_eq!(inv.request_memory, Some(v));
            assert!(serde_json::to_string(&inv)
                .unwrap()
                .contains(&v.to_string()));
        }
    }

    #[test]
    fn nulls_missing_fields_and_the_rest_of_the_fields() {
        let json = r##"{"uuid":"a","cpuArchitectures":null,"modelServiceImages":null,
            "vendorToSpecUuidsMap":{"NVIDIA":["b31bc4574f22426a89902edac5d14a72"]},
            "modelServiceRefs":[{"uuid":"r","modelUuid":"m","modelServiceUuid":"a"}],
            "containerCommand":"sh","containerArgs":"-c run","readme":"# hi","source":"HuggingFace",
            "framework":"vLLM","createDate":null,"unknownField":{"x":1}}"##;
        let inv: ModelServiceInventory = serde_json::from_str(json).unwrap();
        assert!(inv.cpu_architectures.is_empty());
        assert!(inv.model_service_images.is_empty());
        assert_eq!(inv.vendor_to_spec_uuids_map["NVIDIA"].len(), 1);
        assert_eq!(inv.model_service_refs[0].model_uuid.as_deref(), Some("m"));
        assert_eq!(inv.container_args.as_deref(), Some("-c run"));
        assert_eq!(inv.source.as_deref(), Some("HuggingFace"));
        assert_eq!(inv.create_date, None);
        let empty: InventoryReply<ModelServiceInventory> = serde_json::from_str("{}").unwrap();
        assert_eq!(empty.inventory, None);
    }
}
