//! CloneModelService's request: `POST /v1/ai/model-services/{uuid}` with
//! `{"params": {...}, "systemTags": [...], "userTags": [...]}`.
//!
//! All 27 parameters of the API page, as the parameter table declares them
//! ([`super::parameters`]): `uuid` is in the URL, `systemTags`/`userTags` at the top level of the
//! body, the 24 others in `params`. Every field is optional and omitted when not sent.
//! Fields are written in the API page's order (the table's). Longs (`size`, `requestMemory`)
//! are `i64`, written and read as JSON integers, never through `f64`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `CloneParams` and `CloneModelServiceBody` from the parameter table: one `Option` per
/// parameter of `params` (and of the body's top level), named as the API names it.
macro_rules! request_types {
    ($( $v:ident $api:literal $since:literal $sent:ident [$($kind:tt)*]
        [$($p:ident : $pt:ty)?] [$($top:ident)?] $inventory:tt $draft:tt $plain:tt $special:tt
        $form:tt $check:tt ; )*) => {
        /// The `params` of CloneModelService.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct CloneParams {
            $($(
                #[doc = concat!("`", $api, "` (since ", $since, ")")]
                #[serde(rename = $api, skip_serializing_if = "Option::is_none")]
                pub $p: Option<$pt>,
            )?)*
        }

        /// The JSON body of CloneModelService.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct CloneModelServiceBody {
            pub params: CloneParams,
            $($(
                #[doc = concat!("`", $api, "` (since ", $since, "), at the top level of the body")]
                #[serde(rename = $api, skip_serializing_if = "Option::is_none")]
                pub $top: Option<Vec<String>>,
            )?)*
        }
    };
}

super::clone_model_service_parameters!(request_types);

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

    /// All 26 parameters of the body (24 in `params`, the tags at the top level), in the API
    /// page's order, with values at the edges of their types.
    const EVERY_PARAMETER: &str = r#"{"params":{"name":"n","description":"d","readme":"r","size":9223372036854775807,"gpuComputeCapability":"8.0","installPath":"/p","startCommand":"s","pythonVersion":"3.10","condaVersion":"23.7.4","system":true,"type":"FineTune","yaml":"a: 1","source":"HuggingFace","framework":"vLLM","requestCpu":2147483647,"requestMemory":-9223372036854775808,"resourceUuid":"90d425a802ff44eeb530f21587633700","tagUuids":["c13336388d574fec824752525ae05a21"],"cpuArchitectures":["X86_64"],"architectureImages":[{"cpuArchitecture":"X86_64","vmImageUuid":"21cb9f654e9d3feab962ce3f5eec5796","dockerImage":"img:1"}],"supportDistributed":false,"containerCommand":"sh","containerArgs":"-c x","vendorToSpecUuidsMap":{"NVIDIA":["b31bc4574f22426a89902edac5d14a72"]}},"systemTags":["a::b"],"userTags":["u"]}"#;

    #[test]
    fn every_parameter_round_trips_byte_for_byte() {
        let body: CloneModelServiceBody = serde_json::from_str(EVERY_PARAMETER).unwrap();
        let p = &body.params;
        assert_eq!(p.size, Some(i64::MAX));
        assert_eq!(p.request_memory, Some(i64::MIN));
        assert_eq!(p.request_cpu, Some(i32::MAX));
        assert_eq!(p.service_type.as_deref(), Some("FineTune"));
        assert_eq!(p.container_args.as_deref(), Some("-c x"));
        assert_eq!(
            p.vendor_to_spec_uuids_map.as_ref().unwrap()["NVIDIA"].len(),
            1
        );
        assert_eq!(body.system_tags.as_deref(), Some(&["a::b".to_owned()][..]));
        assert_eq!(serde_json::to_string(&body).unwrap(), EVERY_PARAMETER);
        let value: serde_json::Value = serde_json::from_str(EVERY_PARAMETER).unwrap();
        assert_eq!(value["params"].as_object().unwrap().len(), 24);
        assert!(value["params"]["systemTags"].is_null());
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
