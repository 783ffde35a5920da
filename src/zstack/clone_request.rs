//! CloneModelService's request: `POST /v1/ai/model-services/{uuid}` with
//! `{"params": {...}, "systemTags": [...], "userTags": [...]}`.
//!
//! All 27 parameters of the API page: `uuid` is in the URL, `systemTags`/`userTags` at the top
//! level of the body, the 24 others in `params`. Every field is optional and omitted when not
//! sent (an omitted field keeps the source's value). Fields are written in the API page's order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The `params` of CloneModelService.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CloneParams {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readme: Option<String>,
    /// Long: 64-bit, never through f64.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpu_compute_capability: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub install_path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_command: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub python_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conda_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<bool>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yaml: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// Integer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_cpu: Option<i32>,
    /// Long: 64-bit, never through f64.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_memory: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_uuid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag_uuids: Option<Vec<String>>,
    /// Upper case as on the API page (`X86_64`), always consistent with `architectureImages`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_architectures: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub architecture_images: Option<Vec<ArchitectureImage>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support_distributed: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_command: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_args: Option<String>,
    /// GPU vendor -> GPU spec uuids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_to_spec_uuids_map: Option<BTreeMap<String, Vec<String>>>,
}

/// One entry of `architectureImages`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ArchitectureImage {
    pub cpu_architecture: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vm_image_uuid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docker_image: Option<String>,
}

/// The JSON body of CloneModelService.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CloneModelServiceBody {
    pub params: CloneParams,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system_tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_tags: Option<Vec<String>>,
}

/// A whole CloneModelService call: the source uuid (URL) and the body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloneRequest {
    pub source_uuid: String,
    pub body: CloneModelServiceBody,
}

impl CloneRequest {
    /// The path below the API base: `/v1/ai/model-services/{uuid}`.
    pub fn path(&self) -> String {
        format!("/v1/ai/model-services/{}", self.source_uuid)
    }

    /// The exact body, compact (what is sent).
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.body).expect("a clone body always serializes")
    }

    /// The same body, indented for reading.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.body).expect("a clone body always serializes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The API page's curl body, verbatim.
    const API_PAGE_CURL_BODY: &str = r#"{"params":{"name":"example","description":"This is an example description.","size":0,"gpuComputeCapability":"7.5","startCommand":"python start.py","pythonVersion":"3.8","system":false,"type":"Endpoint","yaml":"example-yaml-configuration","framework":"HuggingFace","requestCpu":4,"requestMemory":8192,"cpuArchitectures":["X86_64","AARCH64"],"architectureImages":[{"cpuArchitecture":"X86_64","vmImageUuid":"21cb9f654e9d3feab962ce3f5eec5796","dockerImage":"registry.example.com/x86_64/myimage:latest"},{"cpuArchitecture":"AARCH64","vmImageUuid":"1d919fda666b3bdcb5f4925f1cf17c71","dockerImage":"registry.example.com/aarch64/myimage:latest"}]}}"#;

    #[test]
    fn the_api_page_body_round_trips_byte_for_byte() {
        let body: CloneModelServiceBody = serde_json::from_str(API_PAGE_CURL_BODY).unwrap();
        assert_eq!(body.params.request_cpu, Some(4));
        assert_eq!(body.params.system, Some(false));
        assert_eq!(body.params.architecture_images.as_ref().unwrap().len(), 2);
        assert_eq!(serde_json::to_string(&body).unwrap(), API_PAGE_CURL_BODY);
    }

    #[test]
    fn every_parameter_round_trips() {
        let mut map = BTreeMap::new();
        map.insert(
            "NVIDIA".to_string(),
            vec!["b31bc4574f22426a89902edac5d14a72".to_string()],
        );
        let body = CloneModelServiceBody {
            params: CloneParams {
                name: Some("n".into()),
                description: Some("d".into()),
                readme: Some("r".into()),
                size: Some(i64::MAX),
                gpu_compute_capability: Some("8.0".into()),
                install_path: Some("/p".into()),
                start_command: Some("s".into()),
                python_version: Some("3.10".into()),
                conda_version: Some("23.7.4".into()),
                system: Some(true),
                service_type: Some("FineTune".into()),
                yaml: Some("a: 1".into()),
                source: Some("HuggingFace".into()),
                framework: Some("vLLM".into()),
                request_cpu: Some(i32::MAX),
                request_memory: Some(i64::MIN),
                resource_uuid: Some("90d425a802ff44eeb530f21587633700".into()),
                tag_uuids: Some(vec!["c13336388d574fec824752525ae05a21".into()]),
                cpu_architectures: Some(vec!["X86_64".into()]),
                architecture_images: Some(vec![ArchitectureImage {
                    cpu_architecture: "X86_64".into(),
                    vm_image_uuid: Some("21cb9f654e9d3feab962ce3f5eec5796".into()),
                    docker_image: Some("img:1".into()),
                }]),
                support_distributed: Some(false),
                container_command: Some("sh".into()),
                container_args: Some("-c x".into()),
                vendor_to_spec_uuids_map: Some(map),
            },
            system_tags: Some(vec!["a::b".into()]),
            user_tags: Some(vec!["u".into()]),
        };
        let json = serde_json::to_string(&body).unwrap();
        for key in [
            "name",
            "description",
            "readme",
            "size",
            "gpuComputeCapability",
            "installPath",
            "startCommand",
            "pythonVersion",
            "condaVersion",
            "system",
            "type",
            "yaml",
            "source",
            "framework",
            "requestCpu",
            "requestMemory",
            "resourceUuid",
            "tagUuids",
            "cpuArchitectures",
            "architectureImages",
            "supportDistributed",
            "containerCommand",
            "containerArgs",
            "vendorToSpecUuidsMap",
            "systemTags",
            "userTags",
        ] {
            assert!(
                json.contains(&format!("\"{key}\":")),
                "{key} missing in {json}"
            );
        }
        assert!(json.contains("\"size\":9223372036854775807"));
        assert!(json.contains("\"requestMemory\":-9223372036854775808"));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(value["systemTags"].is_array() && value["params"]["systemTags"].is_null());
        assert_eq!(
            serde_json::from_str::<CloneModelServiceBody>(&json).unwrap(),
            body
        );
    }

    #[test]
    fn unsent_fields_are_omitted() {
        let r = CloneRequest {
            source_uuid: "d76744cb53f9378abf42b907df3efb6e".into(),
            body: CloneModelServiceBody::default(),
        };
        assert_eq!(r.to_json(), r#"{"params":{}}"#);
        assert_eq!(
            r.path(),
            "/v1/ai/model-services/d76744cb53f9378abf42b907df3efb6e"
        );
    }
}
