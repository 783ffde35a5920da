//! Building the request from a draft, and rendering it for preview.

use super::validation_tests::source;
use super::*;
use crate::zstack::{CloneModelServiceBody, CloneRequest};

/// The `resourceUuid` made with the draft.
const RESOURCE_UUID: &str = "90d425a802ff44eeb530f21587633700";

#[test]
fn sends_the_changed_fields_size_system_and_the_resource_uuid() {
    let src = source();
    let d = Draft::from_inventory(&src);
    let r = CloneRequest::from_draft(&d, &src, RESOURCE_UUID).unwrap();
    assert_eq!(r.source_uuid, "d76744cb53f9378abf42b907df3efb6e");
    assert_eq!(
        r.to_json(),
        r#"{"params":{"name":"qwen-copy","size":0,"system":false,"resourceUuid":"90d425a802ff44eeb530f21587633700"}}"#
    );
}

/// The node gives an omitted `size` 0 and an omitted `system` false, not the source's values:
/// they are sent as the form shows them, changed or not, and "what will change" still lists
/// only real changes.
#[test]
fn size_and_system_are_sent_as_shown_even_when_unchanged() {
    let mut src = source();
    src.size = Some(9_007_199_254_740_993);
    src.system = Some(true);
    let d = Draft::from_inventory(&src);
    assert_eq!(d.size, "9007199254740993");
    assert!(d.system);
    let diff: Vec<Field> = d.diff(&src).into_iter().map(|c| c.field).collect();
    assert_eq!(diff, [Field::Name]);
    let p = CloneRequest::from_draft(&d, &src, RESOURCE_UUID)
        .unwrap()
        .body
        .params;
    assert_eq!(p.size, Some(9_007_199_254_740_993));
    assert_eq!(p.system, Some(true));

    // A source without them: the form shows the node's defaults, and sends them.
    src.size = None;
    src.system = None;
    let d = Draft::from_inventory(&src);
    assert_eq!((d.size.as_str(), d.system), ("0", false));
    assert!(!d.changed_fields(&src).contains(&Field::Size));
    let r = CloneRequest::from_draft(&d, &src, RESOURCE_UUID).unwrap();
    assert!(
        r.to_json().contains(r#""size":0,"system":false"#),
        "{}",
        r.to_json()
    );
    let preview = RequestPreview {
        request: &r,
        api_url: "http://localhost:8080/zstack",
        session: "b86c9016b4f24953a9edefb53ca0678c",
        reveal_token: false,
        job_uuid: None,
    };
    assert!(preview.curl().contains(r#""size":0,"system":false"#));
    assert!(preview
        .java()
        .contains("action.size = 0L;\naction.system = false;"));
    assert!(preview
        .python()
        .contains("action.size = 0\naction.system = False"));

    // Edited, they are changes like any other.
    let mut d = Draft::from_inventory(&src);
    d.size = "1024".into();
    d.system = true;
    let diff: Vec<Field> = d.diff(&src).into_iter().map(|c| c.field).collect();
    assert_eq!(diff, [Field::Name, Field::Size, Field::System]);
}

#[test]
fn a_typed_resource_uuid_wins() {
    let src = source();
    let mut d = Draft::from_inventory(&src);
    d.resource_uuid = "d76744cb53f9378abf42b907df3efb6e".into();
    let r = CloneRequest::from_draft(&d, &src, RESOURCE_UUID).unwrap();
    assert_eq!(
        r.body.params.resource_uuid.as_deref(),
        Some("d76744cb53f9378abf42b907df3efb6e")
    );
}

#[test]
fn invalid_drafts_send_nothing() {
    let src = source();
    let mut d = Draft::from_inventory(&src);
    d.request_cpu = "-4".into();
    let problems = CloneRequest::from_draft(&d, &src, RESOURCE_UUID).unwrap_err();
    assert!(problems.field(Field::RequestCpu).is_some());
}

#[test]
fn every_field_when_everything_changed() {
    let src = source();
    let mut d = Draft::from_inventory(&src);
    d.description = "desc".into();
    d.readme = "# r".into();
    d.size = "9223372036854775807".into();
    d.gpu_compute_capability = "8.0".into();
    d.install_path = "/p".into();
    d.start_command = "python start.py".into();
    d.python_version = "3.10".into();
    d.conda_version = "23.7.4".into();
    d.system = true;
    d.service_type = "App".into();
    d.yaml = "b: 2\n".into();
    d.source = "Other".into();
    d.framework = "vLLM".into();
    d.request_cpu = "8".into();
    d.request_memory = "9007199254740993".into();
    d.tag_uuids
        .insert("c13336388d574fec824752525ae05a21".into());
    d.system_tags = vec!["s::t".into()];
    d.user_tags = vec!["u".into()];
    d.support_distributed = true;
    d.container_command = "sh".into();
    d.container_args = "-c 'run it'".into();
    d.vendor_specs.push(VendorSpecs {
        vendor: "NVIDIA".into(),
        spec_uuids: ["b31bc4574f22426a89902edac5d14a72".to_string()]
            .into_iter()
            .collect(),
    });
    d.architecture_rows.push(ArchitectureRow {
        cpu_architecture: "aarch64".into(),
        docker_image: "img:arm".into(),
        ..ArchitectureRow::default()
    });
    let r = CloneRequest::from_draft(&d, &src, RESOURCE_UUID).unwrap();
    let p = &r.body.params;
    assert_eq!(p.size, Some(i64::MAX));
    assert_eq!(p.request_memory, Some(9_007_199_254_740_993));
    assert_eq!(p.request_cpu, Some(8));
    assert_eq!(p.system, Some(true));
    assert_eq!(
        p.cpu_architectures.as_deref().unwrap(),
        ["X86_64", "AARCH64"]
    );
    let images = p.architecture_images.as_ref().unwrap();
    assert_eq!(images[1].cpu_architecture, "AARCH64");
    assert_eq!(images[1].vm_image_uuid, None);
    assert_eq!(images[1].docker_image.as_deref(), Some("img:arm"));
    let json = r.to_json();
    assert!(json.contains(r#""size":9223372036854775807"#));
    assert!(json.contains(r#""requestMemory":9007199254740993"#));
    assert!(json.starts_with(r#"{"params":{"name":"qwen-copy","description":"desc""#));
    assert!(json.ends_with(r#""systemTags":["s::t"],"userTags":["u"]}"#));
    let back: CloneModelServiceBody = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r.body);
    // 24 params + 2 tags
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["params"].as_object().unwrap().len(), 24);
}

#[test]
fn rows_are_sent_whole_with_their_architectures() {
    let src = source();
    let mut d = Draft::from_inventory(&src);
    let id = d.architecture_rows.ids().next().unwrap();
    d.architecture_rows.get_mut(id).unwrap().docker_image = "new:1".into();
    let r = CloneRequest::from_draft(&d, &src, RESOURCE_UUID).unwrap();
    assert_eq!(
        r.body.params.cpu_architectures.as_deref().unwrap(),
        ["X86_64"]
    );
    assert_eq!(r.body.params.architecture_images.as_ref().unwrap().len(), 1);
    let mut d = Draft::from_inventory(&src);
    d.architecture_rows.remove(id);
    let r = CloneRequest::from_draft(&d, &src, RESOURCE_UUID).unwrap();
    assert!(r
        .to_json()
        .contains(r#""cpuArchitectures":[],"architectureImages":[]"#));
}

fn preview_request() -> CloneRequest {
    serde_json::from_str::<CloneModelServiceBody>(
        r#"{"params":{"name":"it's","size":0,"system":false,"requestCpu":4,"requestMemory":8192,
        "cpuArchitectures":["X86_64"],"architectureImages":[{"cpuArchitecture":"X86_64",
        "vmImageUuid":"21cb9f654e9d3feab962ce3f5eec5796","dockerImage":"r/x:1"}],
        "vendorToSpecUuidsMap":{"NVIDIA":["b31bc4574f22426a89902edac5d14a72"]}},"userTags":["u"]}"#,
    )
    .map(|body| CloneRequest {
        source_uuid: "d76744cb53f9378abf42b907df3efb6e".into(),
        body,
    })
    .unwrap()
}

#[test]
fn curl_line_matches_the_api_page_and_masks_the_token() {
    let r = preview_request();
    let preview = RequestPreview {
        request: &r,
        api_url: "http://localhost:8080/zstack/",
        session: "b86c9016b4f24953a9edefb53ca0678c",
        reveal_token: false,
        job_uuid: None,
    };
    let curl = preview.curl();
    let lines: Vec<&str> = curl.lines().collect();
    assert_eq!(
        lines[0],
        r#"curl -H "Content-Type: application/json;charset=UTF-8" \"#
    );
    assert_eq!(
        lines[1],
        r#"-H "Authorization: OAuth b86c****************************" \"#
    );
    assert!(lines[2].starts_with(r#"-X POST -d '{"params":{"name":"it'\''s","#));
    assert_eq!(
        lines[3],
        "http://localhost:8080/zstack/v1/ai/model-services/d76744cb53f9378abf42b907df3efb6e"
    );
    assert!(!curl.contains("9016b4f2"));

    let revealed = RequestPreview {
        reveal_token: true,
        job_uuid: Some("3f4e5c1a2b3c4d5e6f708192a3b4c5d6"),
        ..preview
    };
    let curl = revealed.curl();
    assert!(curl.contains("OAuth b86c9016b4f24953a9edefb53ca0678c"));
    assert!(curl.contains(r#"-H "X-Job-UUID: 3f4e5c1a2b3c4d5e6f708192a3b4c5d6" \"#));
    assert_eq!(mask_token("short"), "*****");
}

#[test]
fn sdk_snippets_follow_the_api_page() {
    let r = preview_request();
    let preview = RequestPreview {
        request: &r,
        api_url: "http://localhost:8080/zstack",
        session: "b86c9016b4f24953a9edefb53ca0678c",
        reveal_token: true,
        job_uuid: None,
    };
    let java = preview.java();
    let expected_java = [
        "CloneModelServiceAction action = new CloneModelServiceAction();",
        r#"action.uuid = "d76744cb53f9378abf42b907df3efb6e";"#,
        r#"action.name = "it's";"#,
        "action.size = 0L;",
        "action.system = false;",
        "action.requestCpu = 4;",
        "action.requestMemory = 8192L;",
        r#"action.userTags = asList("u");"#,
        r#"action.cpuArchitectures = asList("X86_64");"#,
        r#"action.architectureImages = asList([cpuArchitecture:"X86_64", vmImageUuid:"21cb9f654e9d3feab962ce3f5eec5796", dockerImage:"r/x:1"]);"#,
        r#"action.vendorToSpecUuidsMap = ["NVIDIA":asList("b31bc4574f22426a89902edac5d14a72")];"#,
        r#"action.sessionId = "b86c9016b4f24953a9edefb53ca0678c";"#,
        "CloneModelServiceAction.Result res = action.call();",
    ];
    assert_eq!(java.lines().collect::<Vec<_>>(), expected_java);
    let python = preview.python();
    assert!(python.starts_with(
        "action = CloneModelServiceAction()\naction.uuid = \"d76744cb53f9378abf42b907df3efb6e\""
    ));
    assert!(python.contains("action.system = False\n"));
    assert!(python.contains(r#"action.architectureImages = [{"cpuArchitecture": "X86_64", "vmImageUuid": "21cb9f654e9d3feab962ce3f5eec5796", "dockerImage": "r/x:1"}]"#));
    assert!(python.contains(
        r#"action.vendorToSpecUuidsMap = {"NVIDIA": ["b31bc4574f22426a89902edac5d14a72"]}"#
    ));
    assert!(python.ends_with("res = action.call()"));
    assert!(preview.json_pretty().contains("\n  \"params\": {"));
    assert_eq!(preview.json_compact(), r.to_json());
}

/// A long YAML is sent only with its verdict in: "checking" and a syntax error both keep the
/// request from being built.
#[test]
fn a_long_yaml_is_sent_only_once_checked_and_valid() {
    let src = source();
    let mut d = Draft::from_inventory(&src);
    d.yaml = (0..3_000).map(|i| format!("k{i}: v{i}\n")).collect();
    assert!(d.yaml.len() > YAML_CHECKED_AT_ONCE);
    let problem = |d: &Draft| {
        CloneRequest::from_draft(d, &src, RESOURCE_UUID)
            .err()
            .and_then(|p| p.field(Field::Yaml).cloned())
    };
    assert_eq!(problem(&d), Some(Problem::YamlChecking));
    assert_eq!(check_yaml_now(&d.yaml), None);
    let p = CloneRequest::from_draft(&d, &src, RESOURCE_UUID)
        .unwrap()
        .body
        .params;
    assert_eq!(p.yaml.as_deref(), Some(d.yaml.as_str()));

    d.yaml.push_str("bad: [1\n");
    assert_eq!(problem(&d), Some(Problem::YamlChecking));
    check_yaml_now(&d.yaml);
    assert!(matches!(problem(&d), Some(Problem::YamlSyntax { .. })));
}
