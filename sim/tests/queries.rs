//! Queries: every resource, single uuid, q operators, paging, count, sort, fields, errors.

mod common;

use common::Sim;
use reqwest::StatusCode;
use serde_json::Value;
use zstack_sim::seed;

fn uuids(body: &Value) -> Vec<String> {
    body["inventories"]
        .as_array()
        .expect("inventories")
        .iter()
        .map(|i| i["uuid"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn every_resource_lists_its_seed_inventories() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let builtin = seed::builtin();
    for (path, count) in [
        ("/ai/model-services", builtin.model_services.len()),
        ("/images", builtin.images.len()),
        ("/tags", builtin.tags.len()),
        ("/ai/model-centers", builtin.model_centers.len()),
        ("/gpu-device-specs", builtin.gpu_device_specs.len()),
    ] {
        let (status, body) = sim.query(path, &session).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(uuids(&body).len(), count, "{path}");
        assert!(
            body.get("total").is_none(),
            "{path}: total only with replyWithCount"
        );
    }
}

#[tokio::test]
async fn a_single_uuid_returns_a_one_element_list_and_an_unknown_one_an_empty_list() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let (status, body) = sim
        .query(
            &format!("/ai/model-services/{}", seed::SERVICE_TWO_ARCH),
            &session,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(uuids(&body), vec![seed::SERVICE_TWO_ARCH]);
    let inventory = &body["inventories"][0];
    assert_eq!(
        inventory["cpuArchitectures"],
        serde_json::json!(["x86_64", "aarch64"])
    );
    assert_eq!(inventory["modelServiceImages"].as_array().unwrap().len(), 2);
    assert!(inventory["vendorToSpecUuidsMap"]["NVIDIA"].is_array());
    for path in [
        "/ai/model-services/",
        "/images/",
        "/tags/",
        "/gpu-device-specs/",
        "/ai/model-centers/",
    ] {
        let (status, body) = sim
            .query(&format!("{path}{}", "f".repeat(32)), &session)
            .await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(body, serde_json::json!({"inventories": []}), "{path}");
    }
}

#[tokio::test]
async fn huge_longs_are_served_exactly() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let text = sim
        .get(
            &format!("/ai/model-services/{}", seed::SERVICE_HUGE_NUMBERS),
            &session,
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(text.contains("\"size\":9223372036854775807"), "{text}");
    assert!(
        text.contains("\"requestMemory\":9007199254740993"),
        "{text}"
    );
}

#[tokio::test]
async fn q_filters_with_each_operator() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let q = |condition: &str| {
        let encoded: String = url_encode(condition);
        format!("/ai/model-services?q={encoded}")
    };
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("name=bare-service", vec![seed::SERVICE_NO_ARCH]),
        ("type=App", vec![seed::SERVICE_SYSTEM]),
        ("system=true", vec![seed::SERVICE_SYSTEM]),
        (
            "size>=9223372036854775807",
            vec![seed::SERVICE_HUGE_NUMBERS],
        ),
        ("requestCpu>16", vec![seed::SERVICE_HUGE_NUMBERS]),
        ("requestCpu<4", vec![seed::SERVICE_SYSTEM]),
        (
            "requestCpu<=4",
            vec![seed::SERVICE_ONE_ARCH, seed::SERVICE_SYSTEM],
        ),
        (
            "name?=bare-service,jupyter-notebook",
            vec![seed::SERVICE_NO_ARCH, seed::SERVICE_SYSTEM],
        ),
        ("name~=%embed%", vec![seed::SERVICE_ONE_ARCH]),
        ("name~=通义%", vec![seed::SERVICE_CJK]),
        (
            "cpuArchitectures=aarch64",
            vec![
                seed::SERVICE_TWO_ARCH,
                seed::SERVICE_CJK,
                seed::SERVICE_SYSTEM,
            ],
        ),
        (
            "modelServiceImages.vmImageUuid=b2085e2ac2d84029a7947cb09178daaa",
            vec![seed::SERVICE_CJK],
        ),
        ("description is null", vec![seed::SERVICE_NO_ARCH]),
        (
            "source=Bentoml",
            vec![seed::SERVICE_LONG_YAML, seed::SERVICE_SYSTEM],
        ),
    ];
    for (condition, expected) in cases {
        let (status, body) = sim.query(&q(condition), &session).await;
        assert_eq!(status, StatusCode::OK, "{condition}");
        assert_eq!(uuids(&body), expected, "{condition}");
    }
    let all = seed::builtin().model_services.len();
    for (condition, excluded) in [
        ("name!=bare-service", 1),
        ("name!?=bare-service,jupyter-notebook", 2),
        ("name!~=%e%", all - 2),
        ("description not null", 1),
    ] {
        let (_, body) = sim.query(&q(condition), &session).await;
        assert_eq!(uuids(&body).len(), all - excluded, "{condition}");
    }
    // Repeated q are ANDed.
    let (_, body) = sim
        .query(
            &format!(
                "{}&q={}",
                q("cpuArchitectures=x86_64"),
                url_encode("type=App")
            ),
            &session,
        )
        .await;
    assert_eq!(uuids(&body), vec![seed::SERVICE_SYSTEM]);
}

#[tokio::test]
async fn images_filter_by_architecture() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let (_, body) = sim.query("/images?q=architecture=aarch64", &session).await;
    assert_eq!(
        uuids(&body),
        vec![seed::IMAGE_AARCH64, seed::IMAGE_AARCH64_ASCEND]
    );
    let (_, body) = sim
        .query("/gpu-device-specs?q=vendor=NVIDIA", &session)
        .await;
    assert_eq!(
        uuids(&body),
        vec![seed::GPU_SPEC_NVIDIA_A100, seed::GPU_SPEC_NVIDIA_L40S]
    );
}

#[tokio::test]
async fn limit_start_count_reply_with_count_sort_and_fields() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let (_, body) = sim
        .query(
            "/images?sort=%2Bname&limit=2&start=1&replyWithCount=true",
            &session,
        )
        .await;
    assert_eq!(body["total"], 4);
    assert_eq!(
        uuids(&body),
        vec![seed::IMAGE_AARCH64, seed::IMAGE_X86_64_CUDA]
    );
    let (_, body) = sim.query("/images?sort=-size&limit=1", &session).await;
    assert_eq!(uuids(&body), vec![seed::IMAGE_X86_64_CUDA]);
    let (_, body) = sim
        .query("/ai/model-services?count=true&q=system=false", &session)
        .await;
    assert_eq!(body, serde_json::json!({"total": 6}));
    let (_, body) = sim.query("/tags?fields=uuid,name&limit=1", &session).await;
    let first = body["inventories"][0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, vec!["name", "uuid"]);
}

#[tokio::test]
async fn a_bad_q_or_parameter_is_400_plain_text() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    for query in [
        "q=name",
        "q=noSuchField=1",
        "limit=ten",
        "sort=%2BnoSuchField",
        "fields=uuid,nope",
        "count=maybe",
    ] {
        let response = sim
            .get(&format!("/ai/model-services?{query}"), &session)
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        let text = response.text().await.unwrap();
        assert!(
            !text.is_empty() && serde_json::from_str::<Value>(&text).is_err(),
            "{query}: {text}"
        );
    }
}

fn url_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
