//! The CloneModelService request body: `{"params": {...}, "systemTags": [...], "userTags": [...]}`.
//! Every param is optional; a JSON type that does not fit (a string for a long...) is a 400 at the
//! REST layer. Unknown params are ignored, as the node's JSON binding does.
//!
//! `systemTags`/`userTags` may come at the top level (the API page) or inside `params` (the Java
//! SDK): the node maps `params` onto the message, then replaces its tags with the top-level ones
//! when those are present (RestServer.handleApi).

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CloneRequest {
    #[serde(default)]
    pub params: Option<CloneParams>,
    #[serde(default)]
    pub system_tags: Option<Vec<String>>,
    #[serde(default)]
    pub user_tags: Option<Vec<String>>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CloneParams {
    pub name: Option<String>,
    pub description: Option<String>,
    pub readme: Option<String>,
    pub size: Option<i64>,
    pub gpu_compute_capability: Option<String>,
    pub install_path: Option<String>,
    pub start_command: Option<String>,
    pub python_version: Option<String>,
    pub conda_version: Option<String>,
    pub system: Option<bool>,
    #[serde(rename = "type")]
    pub service_type: Option<String>,
    pub yaml: Option<String>,
    pub source: Option<String>,
    pub framework: Option<String>,
    pub request_cpu: Option<i32>,
    pub request_memory: Option<i64>,
    pub resource_uuid: Option<String>,
    pub tag_uuids: Option<Vec<String>>,
    pub cpu_architectures: Option<Vec<String>>,
    pub architecture_images: Option<Vec<ArchitectureImage>>,
    pub support_distributed: Option<bool>,
    pub container_command: Option<String>,
    pub container_args: Option<String>,
    pub vendor_to_spec_uuids_map: Option<BTreeMap<String, Vec<String>>>,
    /// Tags given inside `params` (the Java SDK's place); the top-level ones win.
    pub system_tags: Option<Vec<String>>,
    pub user_tags: Option<Vec<String>>,
}

/// One row of `architectureImages`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchitectureImage {
    pub cpu_architecture: Option<String>,
    pub vm_image_uuid: Option<String>,
    pub docker_image: Option<String>,
}

impl CloneRequest {
    /// The system tags the clone gets: the top-level list when present, else the one in `params`.
    pub fn system_tags(&self) -> Option<&Vec<String>> {
        self.system_tags
            .as_ref()
            .or_else(|| self.params.as_ref()?.system_tags.as_ref())
    }

    /// The user tags the clone gets: the top-level list when present, else the one in `params`.
    pub fn user_tags(&self) -> Option<&Vec<String>> {
        self.user_tags
            .as_ref()
            .or_else(|| self.params.as_ref()?.user_tags.as_ref())
    }

    /// Parses the body; the error is the 400 plain-text message.
    pub fn parse(body: &[u8]) -> Result<CloneRequest, String> {
        if body.iter().all(|b| b.is_ascii_whitespace()) {
            return Ok(CloneRequest::default());
        }
        serde_json::from_slice(body).map_err(|e| format!("Invalid request body: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn i64_max_parses_exactly() {
        let request = CloneRequest::parse(
            br#"{"params":{"size":9223372036854775807,"requestMemory":9007199254740993}}"#,
        )
        .unwrap();
        let params = request.params.unwrap();
        assert_eq!(params.size, Some(i64::MAX));
        assert_eq!(params.request_memory, Some(9_007_199_254_740_993));
    }

    #[test]
    fn wrong_json_types_are_errors() {
        assert!(CloneRequest::parse(br#"{"params":{"size":"12"}}"#).is_err());
        assert!(CloneRequest::parse(br#"{"params":{"requestCpu":1.5}}"#).is_err());
        assert!(CloneRequest::parse(br#"{"params":{"size":9223372036854775808}}"#).is_err());
        assert!(CloneRequest::parse(br#"{"params":{"system":"true"}}"#).is_err());
        assert!(CloneRequest::parse(br#"{"params":{"cpuArchitectures":"X86_64"}}"#).is_err());
        assert!(CloneRequest::parse(b"{not json").is_err());
    }

    #[test]
    fn tags_inside_params_count_unless_given_at_the_top_level() {
        let inside =
            CloneRequest::parse(br#"{"params":{"systemTags":["s::in"],"userTags":["u-in"]}}"#)
                .unwrap();
        assert_eq!(inside.system_tags(), Some(&vec!["s::in".to_string()]));
        assert_eq!(inside.user_tags(), Some(&vec!["u-in".to_string()]));
        let both = CloneRequest::parse(
            br#"{"params":{"systemTags":["s::in"],"userTags":["u-in"]},"systemTags":[],"userTags":null}"#,
        )
        .unwrap();
        assert_eq!(
            both.system_tags(),
            Some(&Vec::new()),
            "top level wins, even empty"
        );
        assert_eq!(
            both.user_tags(),
            Some(&vec!["u-in".to_string()]),
            "a top-level null is absent, as for the node"
        );
        assert_eq!(CloneRequest::parse(b"{}").unwrap().system_tags(), None);
    }

    #[test]
    fn nulls_and_unknown_fields_are_accepted() {
        let request =
            CloneRequest::parse(br#"{"params":{"name":null,"nmae":"typo"},"systemTags":[]}"#)
                .unwrap();
        assert_eq!(request.params.unwrap().name, None);
    }
}
