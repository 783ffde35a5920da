//! CloneModelService: fields copied, params applied, images rebuilt, validation as the node does.

mod common;

use common::{fresh_uuid, Sim};
use reqwest::StatusCode;
use serde_json::{json, Value};
use zstack_sim::seed;

async fn source_inventory(sim: &Sim, session: &str, uuid: &str) -> Value {
    let (_, body) = sim
        .query(&format!("/ai/model-services/{uuid}"), session)
        .await;
    body["inventories"][0].clone()
}

#[tokio::test]
async fn a_clone_without_params_copies_every_source_field() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    for source_uuid in [
        seed::SERVICE_TWO_ARCH,
        seed::SERVICE_NO_ARCH,
        seed::SERVICE_CJK,
        seed::SERVICE_LONG_YAML,
        seed::SERVICE_HUGE_NUMBERS,
    ] {
        let source = source_inventory(&sim, &session, source_uuid).await;
        let (status, body) = sim
            .clone_and_wait(source_uuid, &session, &json!({"params": {}}))
            .await;
        assert_eq!(status, StatusCode::OK);
        let clone = body["inventory"].clone();
        let new_uuid = clone["uuid"].as_str().unwrap().to_string();
        assert_ne!(new_uuid, source_uuid);
        assert!(zstack_sim::ids::is_resource_uuid(&new_uuid));
        let source_map = source.as_object().unwrap();
        let clone_map = clone.as_object().unwrap();
        let mut source_keys: Vec<_> = source_map.keys().collect();
        let mut clone_keys: Vec<_> = clone_map.keys().collect();
        source_keys.sort();
        clone_keys.sort();
        assert_eq!(source_keys, clone_keys, "{source_uuid}");
        for (key, value) in source_map {
            match key.as_str() {
                "uuid" | "createDate" | "lastOpDate" | "modelServiceImages"
                | "modelServiceRefs" => {}
                _ => assert_eq!(&clone_map[key], value, "{source_uuid}: {key}"),
            }
        }
        let images = clone["modelServiceImages"].as_array().unwrap();
        let source_images = source["modelServiceImages"].as_array().unwrap();
        assert_eq!(images.len(), source_images.len());
        for (image, source_image) in images.iter().zip(source_images) {
            assert_eq!(image["modelServiceUuid"], new_uuid.as_str());
            assert_ne!(image["uuid"], source_image["uuid"]);
            for key in ["cpuArchitecture", "vmImageUuid", "dockerImage"] {
                assert_eq!(image[key], source_image[key]);
            }
        }
        assert!(
            zstack_sim::date::parse_zstack_date(clone["createDate"].as_str().unwrap()).is_some()
        );
        // The clone is queryable and equal to the job's inventory.
        assert_eq!(source_inventory(&sim, &session, &new_uuid).await, clone);
    }
}

#[tokio::test]
async fn every_given_param_is_applied() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let resource_uuid = fresh_uuid();
    let params = json!({
        "name": "克隆-clone", "description": "new\ndescription", "readme": "# r", "size": 9223372036854775807i64,
        "gpuComputeCapability": "9.0", "installPath": "/p", "startCommand": "run", "pythonVersion": "3.12",
        "condaVersion": "24.1", "system": true, "type": "ModelEval", "yaml": "a: 1\n", "source": "Other",
        "framework": "PyTorch", "requestCpu": 0, "requestMemory": 9007199254740993i64, "resourceUuid": resource_uuid,
        "tagUuids": [seed::TAG_PRODUCTION, seed::TAG_CJK], "cpuArchitectures": ["X86_64", "AARCH64"],
        "architectureImages": [
            {"cpuArchitecture": "X86_64", "vmImageUuid": seed::IMAGE_X86_64, "dockerImage": "r/x:1"},
            {"cpuArchitecture": "AARCH64", "vmImageUuid": seed::IMAGE_AARCH64_ASCEND, "dockerImage": "r/a:1"}
        ],
        "supportDistributed": false, "containerCommand": "/bin/bash", "containerArgs": "-lc 'x'",
        "vendorToSpecUuidsMap": {"NVIDIA": [seed::GPU_SPEC_NVIDIA_L40S]}
    });
    let body = json!({"params": params, "systemTags": ["a::b"], "userTags": ["mine"]});
    let (status, result) = sim
        .clone_and_wait(seed::SERVICE_TWO_ARCH, &session, &body)
        .await;
    assert_eq!(status, StatusCode::OK, "{result}");
    let clone = &result["inventory"];
    assert_eq!(clone["uuid"], resource_uuid.as_str());
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
        "supportDistributed",
        "containerCommand",
        "containerArgs",
        "vendorToSpecUuidsMap",
    ] {
        assert_eq!(clone[key], params[key], "{key}");
    }
    assert_eq!(clone["cpuArchitectures"], json!(["x86_64", "aarch64"]));
    let images = clone["modelServiceImages"].as_array().unwrap();
    assert_eq!(images.len(), 2);
    assert_eq!(images[0]["cpuArchitecture"], "x86_64");
    assert_eq!(images[0]["vmImageUuid"], seed::IMAGE_X86_64);
    assert_eq!(images[1]["cpuArchitecture"], "aarch64");
    assert_eq!(images[1]["dockerImage"], "r/a:1");
    assert!(images
        .iter()
        .all(|i| i["modelServiceUuid"] == resource_uuid.as_str()));
    assert_eq!(
        clone["modelCenterUuid"],
        seed::MODEL_CENTER,
        "unchangeable fields still copied"
    );
    let state = sim.state().await;
    assert_eq!(
        state["tagAttachments"][&resource_uuid],
        json!([seed::TAG_PRODUCTION, seed::TAG_CJK])
    );
    assert_eq!(
        state["resourceTags"][&resource_uuid]["userTags"],
        json!(["mine"])
    );
    // The exact long survives the round trip as text too.
    let text = sim
        .get(&format!("/ai/model-services/{resource_uuid}"), &session)
        .await
        .text()
        .await
        .unwrap();
    assert!(text.contains("\"size\":9223372036854775807"));
}

#[tokio::test]
async fn an_empty_architecture_list_removes_every_image() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let body = json!({"params": {"cpuArchitectures": [], "architectureImages": []}});
    let (status, result) = sim
        .clone_and_wait(seed::SERVICE_TWO_ARCH, &session, &body)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(result["inventory"]["cpuArchitectures"], json!([]));
    assert_eq!(result["inventory"]["modelServiceImages"], json!([]));
}

async fn expect_job_error(
    sim: &Sim,
    session: &str,
    source: &str,
    params: Value,
    code: &str,
    field: &str,
) {
    let (status, body) = sim
        .clone_and_wait(source, session, &json!({ "params": params }))
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{params}: {body}");
    assert_eq!(body["error"]["code"], code, "{params}: {body}");
    assert!(body["error"]["description"]
        .as_str()
        .is_some_and(|d| !d.is_empty()));
    let details = body["error"]["details"].as_str().unwrap();
    assert!(
        details.contains(field),
        "{params}: details {details:?} should name {field}"
    );
}

#[tokio::test]
async fn invalid_arguments_fail_the_job_with_sys_1007_naming_the_field() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let s = seed::SERVICE_ONE_ARCH;
    let cases = [
        (json!({"type": "endpoint"}), "type"),
        (json!({"source": "GitHub"}), "source"),
        (json!({"name": "n".repeat(256)}), "name"),
        (json!({"resourceUuid": "not-a-uuid"}), "resourceUuid"),
        (
            json!({"resourceUuid": "0123456789ab6def8123456789abcdef"}),
            "resourceUuid",
        ),
        (json!({"requestCpu": -1}), "requestCpu"),
        (json!({"requestMemory": -1}), "requestMemory"),
        (json!({"size": -5}), "size"),
        (json!({"cpuArchitectures": ["sparc"]}), "cpuArchitectures"),
        (
            json!({"architectureImages": [{"cpuArchitecture": "X86_64", "vmImageUuid": seed::IMAGE_AARCH64}]}),
            "architectureImages[0].vmImageUuid",
        ),
        (
            json!({"architectureImages": [{"cpuArchitecture": "x86_64"}, {"cpuArchitecture": "X86_64"}]}),
            "architectureImages[1].cpuArchitecture",
        ),
        (
            json!({"architectureImages": [{"vmImageUuid": seed::IMAGE_X86_64}]}),
            "architectureImages[0].cpuArchitecture",
        ),
        (
            json!({"vendorToSpecUuidsMap": {"Huawei": [seed::GPU_SPEC_NVIDIA_A100]}}),
            "vendorToSpecUuidsMap[Huawei]",
        ),
        (
            json!({"vendorToSpecUuidsMap": {"Mellanox": [seed::PCI_SPEC_CONNECTX6]}}),
            "vendorToSpecUuidsMap[Mellanox]",
        ),
    ];
    for (params, field) in cases {
        expect_job_error(&sim, &session, s, params, "SYS.1007", field).await;
    }
    let name_255 = "名".repeat(255);
    let (status, _) = sim
        .clone_and_wait(s, &session, &json!({"params": {"name": name_255}}))
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "255 characters is the limit, not 255 bytes"
    );
    assert_eq!(sim.state().await["cloneCount"], 1);
}

#[tokio::test]
async fn missing_referenced_resources_fail_the_job_with_sys_1003() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let missing = "0123456789ab4def8123456789abcdef";
    let s = seed::SERVICE_ONE_ARCH;
    expect_job_error(
        &sim,
        &session,
        s,
        json!({"architectureImages": [{"cpuArchitecture": "x86_64", "vmImageUuid": missing}]}),
        "SYS.1003",
        "architectureImages[0].vmImageUuid",
    )
    .await;
    expect_job_error(
        &sim,
        &session,
        s,
        json!({"tagUuids": [seed::TAG_PRODUCTION, missing]}),
        "SYS.1003",
        "tagUuids",
    )
    .await;
    expect_job_error(
        &sim,
        &session,
        s,
        json!({"vendorToSpecUuidsMap": {"NVIDIA": [missing]}}),
        "SYS.1003",
        "vendorToSpecUuidsMap[NVIDIA]",
    )
    .await;
    expect_job_error(&sim, &session, missing, json!({}), "SYS.1003", missing).await;
    assert_eq!(sim.state().await["cloneCount"], 0);
}

#[tokio::test]
async fn wrong_json_types_are_400_plain_text_and_start_no_job() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    for body in [
        json!({"params": {"size": "12"}}),
        json!({"params": {"requestCpu": 2.5}}),
        json!({"params": {"size": 9223372036854775808u64}}),
        json!({"params": {"system": "yes"}}),
        json!({"params": {"cpuArchitectures": "X86_64"}}),
        json!({"params": {"architectureImages": [{"vmImageUuid": 7}]}}),
        json!({"params": {"vendorToSpecUuidsMap": {"NVIDIA": "x"}}}),
        json!({"params": []}),
    ] {
        let response = sim
            .post_clone(seed::SERVICE_ONE_ARCH, &session, &body, None)
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body}");
        let text = response.text().await.unwrap();
        assert!(
            serde_json::from_str::<Value>(&text).is_err(),
            "{body}: {text}"
        );
    }
    let state = sim.state().await;
    assert_eq!(
        state["jobs"],
        json!({"running": 0, "succeeded": 0, "failed": 0})
    );
}

#[tokio::test]
async fn the_202_location_is_an_absolute_http_url_naming_the_job() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let job = fresh_uuid();
    let response = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(&job))
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["location"],
        format!("http://{}/zstack/v1/api-jobs/{job}", sim.handle.addr())
    );
    assert!(body["apiTimeout"].as_u64().unwrap() > 0);
    let running = sim
        .http
        .get(sim.api(&format!("/api-jobs/{job}")))
        .send()
        .await
        .unwrap();
    assert_eq!(running.status(), StatusCode::ACCEPTED);
    assert_eq!(running.json::<Value>().await.unwrap(), json!({}));
    assert_eq!(sim.wait_job(&job).await.0, StatusCode::OK);
}

#[tokio::test]
async fn tags_inside_params_are_kept_and_top_level_tags_win() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let inside = fresh_uuid();
    let both = fresh_uuid();
    let (status, _) = sim
        .clone_and_wait(
            seed::SERVICE_ONE_ARCH,
            &session,
            &json!({"params": {"resourceUuid": inside, "systemTags": ["sdk::inside"], "userTags": ["in"]}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = sim
        .clone_and_wait(
            seed::SERVICE_ONE_ARCH,
            &session,
            &json!({"params": {"resourceUuid": both, "systemTags": ["sdk::inside"], "userTags": ["in"]},
                    "systemTags": ["page::top"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let tags = &sim.state().await["resourceTags"];
    assert_eq!(
        tags[&inside],
        json!({"systemTags": ["sdk::inside"], "userTags": ["in"]})
    );
    assert_eq!(
        tags[&both],
        json!({"systemTags": ["page::top"], "userTags": ["in"]}),
        "each list is replaced only when given at the top level"
    );
}

#[tokio::test]
async fn a_resource_uuid_already_used_fails_the_job_sys_1000_duplicate_entry_and_creates_nothing() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    for used in [seed::SERVICE_TWO_ARCH, seed::IMAGE_X86_64, seed::TAG_CJK] {
        let (status, body) = sim
            .clone_and_wait(
                seed::SERVICE_ONE_ARCH,
                &session,
                &json!({"params": {"resourceUuid": used}}),
            )
            .await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{used}");
        let error = &body["error"];
        assert_eq!(error["code"], "SYS.1000");
        assert_eq!(error["description"], "An internal error happened in system");
        assert_eq!(
            error["details"],
            format!(
                "resource uuid[{used}] is already used: could not execute statement; \
                 Duplicate entry '{used}' for key 'PRIMARY'"
            )
        );
    }
    // Two jobs racing for one resourceUuid (a retry with a new job uuid): exactly one clone.
    let resource_uuid = fresh_uuid();
    let body = json!({"params": {"resourceUuid": resource_uuid, "name": "once"}});
    let (first, second) = (fresh_uuid(), fresh_uuid());
    for job in [&first, &second] {
        let response = sim
            .post_clone(seed::SERVICE_ONE_ARCH, &session, &body, Some(job))
            .await;
        assert_eq!(response.status(), StatusCode::ACCEPTED);
    }
    let (a, b) = (sim.wait_job(&first).await, sim.wait_job(&second).await);
    let (won, lost) = if a.0 == StatusCode::OK {
        (a, b)
    } else {
        (b, a)
    };
    assert_eq!(won.0, StatusCode::OK);
    assert_eq!(won.1["inventory"]["uuid"], resource_uuid.as_str());
    assert_eq!(lost.0, StatusCode::SERVICE_UNAVAILABLE);
    assert!(lost.1["error"]["details"]
        .as_str()
        .unwrap()
        .contains(&format!("Duplicate entry '{resource_uuid}'")));
    assert_eq!(sim.state().await["cloneCount"], 1);
    // An invalid argument is still reported before the uuid is looked at.
    let (status, body) = sim
        .clone_and_wait(
            seed::SERVICE_ONE_ARCH,
            &session,
            &json!({"params": {"resourceUuid": resource_uuid, "type": "endpoint"}}),
        )
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["error"]["code"], "SYS.1007");
}
