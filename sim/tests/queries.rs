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
        ("/pci-device-specs", builtin.pci_device_specs.len()),
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
        "/pci-device-specs/",
        "/ai/model-centers/",
    ] {
        let (status, body) = sim
            .query(&format!("{path}{}", "f".repeat(32)), &session)
            .await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            body,
            serde_json::json!({"inventories": [], "schema": {}}),
            "{path}"
        );
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
        .query("/pci-device-specs?q=vendor=NVIDIA", &session)
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
    assert_eq!(body, serde_json::json!({"total": 6, "schema": {}}));
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

#[tokio::test]
async fn query_replies_always_carry_a_schema_of_java_class_names() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let (_, body) = sim
        .query(
            &format!("/ai/model-services/{}", seed::SERVICE_TWO_ARCH),
            &session,
        )
        .await;
    assert_eq!(
        body["schema"],
        serde_json::json!({
            "inventories[0]": "org.zstack.ai.entity.ModelServiceInventory",
            "inventories[0].modelServiceImages[0]": "org.zstack.ai.entity.ModelServiceTemplateInventory",
            "inventories[0].modelServiceImages[1]": "org.zstack.ai.entity.ModelServiceTemplateInventory",
            "inventories[0].modelServiceRefs[0]": "org.zstack.ai.entity.ModelServiceRefInventory",
        })
    );
    let (_, body) = sim.query("/images?replyWithCount=true", &session).await;
    let schema = body["schema"].as_object().unwrap();
    assert_eq!(schema.len(), body["inventories"].as_array().unwrap().len());
    assert_eq!(
        schema["inventories[3]"],
        "org.zstack.header.image.ImageInventory"
    );
    assert!(schema.get("total").is_none(), "JDK values are not recorded");
    // With the header too, and an error carries none.
    let with_header = sim
        .http
        .get(sim.api("/tags"))
        .header("Authorization", format!("OAuth {session}"))
        .header("X-JSON-Schema", "true")
        .send()
        .await
        .unwrap();
    let body: Value = with_header.json().await.unwrap();
    assert!(body["schema"]["inventories[0]"].is_string());
    let error = sim
        .http
        .get(sim.api("/tags"))
        .header("Authorization", format!("OAuth {}", "0".repeat(32)))
        .header("X-JSON-Schema", "true")
        .send()
        .await
        .unwrap();
    assert_eq!(error.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = error.json().await.unwrap();
    assert!(body.get("schema").is_none(), "{body}");
}

#[tokio::test]
async fn gpu_specs_are_pci_device_specs_and_candidates_list_only_the_gpus() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let (status, body) = sim.query("/pci-device-specs", &session).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        uuids(&body),
        vec![
            seed::GPU_SPEC_NVIDIA_A100,
            seed::GPU_SPEC_NVIDIA_L40S,
            seed::GPU_SPEC_HUAWEI_910B,
            seed::PCI_SPEC_CONNECTX6
        ]
    );
    let a100 = &body["inventories"][0];
    assert_eq!(a100["type"], "GPU_3D_Controller");
    assert_eq!(a100["vendor"], "NVIDIA");
    assert_eq!(a100["vendorId"], "10de");
    assert_eq!(a100["memory"], 80_i64 * 1024 * 1024 * 1024);
    assert_eq!(a100["state"], "Enabled");
    assert_eq!(
        body["schema"]["inventories[0]"],
        "org.zstack.pciDevice.specification.gpu.GpuDeviceSpecInventory"
    );
    assert!(body["inventories"][3].get("memory").is_none());
    // A client picks the GPUs with a condition on the type.
    let (_, gpus) = sim
        .query(
            "/pci-device-specs?q=type?=GPU_3D_Controller,GPU_Video_Controller",
            &session,
        )
        .await;
    assert_eq!(uuids(&gpus).len(), 3);
    let (status, candidates) = sim.query("/gpu-device-specs/candidates", &session).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        uuids(&candidates),
        vec![
            seed::GPU_SPEC_NVIDIA_A100,
            seed::GPU_SPEC_NVIDIA_L40S,
            seed::GPU_SPEC_HUAWEI_910B
        ]
    );
    assert!(candidates.get("schema").is_none(), "not a query API");
    // There is no query at /gpu-device-specs.
    for path in [
        "/gpu-device-specs",
        "/gpu-device-specs/6b0a1000000040008000000000000001",
    ] {
        let response = sim.get(path, &session).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(
            response.text().await.unwrap(),
            format!("no api mapping to /zstack/v1{path}")
        );
    }
}
