//! The seed: the example file equals the built-in seed, uuids are well-formed, `seed` option works.

mod common;

use std::collections::HashSet;

use common::Sim;
use reqwest::StatusCode;
use serde_json::json;
use zstack_sim::ids::is_resource_uuid;
use zstack_sim::seed::{self, Seed};
use zstack_sim::SimOptions;

#[test]
fn the_example_seed_file_parses_and_equals_the_builtin_seed() {
    let text = include_str!("../seed.example.json");
    let parsed = Seed::from_json(text).expect("seed.example.json parses");
    assert_eq!(
        parsed,
        seed::builtin(),
        "regenerate with: zstack-sim --print-seed > sim/seed.example.json"
    );
}

#[test]
fn every_seed_uuid_is_unique_and_matches_the_resource_uuid_pattern() {
    let builtin = seed::builtin();
    let mut uuids: Vec<String> = builtin.accounts.iter().map(|a| a.uuid.clone()).collect();
    for service in &builtin.model_services {
        uuids.push(service.uuid.clone());
        uuids.extend(service.model_service_images.iter().map(|i| i.uuid.clone()));
        uuids.extend(service.model_service_refs.iter().map(|r| r.uuid.clone()));
    }
    uuids.extend(builtin.images.iter().map(|i| i.uuid.clone()));
    uuids.extend(builtin.tags.iter().map(|t| t.uuid.clone()));
    uuids.extend(builtin.pci_device_specs.iter().map(|g| g.uuid.clone()));
    uuids.extend(builtin.model_centers.iter().map(|m| m.uuid.clone()));
    for uuid in &uuids {
        assert!(is_resource_uuid(uuid), "{uuid}");
    }
    assert_eq!(uuids.iter().collect::<HashSet<_>>().len(), uuids.len());
}

#[test]
fn the_builtin_seed_covers_the_interesting_shapes() {
    let builtin = seed::builtin();
    let service = |uuid: &str| {
        builtin
            .model_services
            .iter()
            .find(|s| s.uuid == uuid)
            .unwrap()
            .clone()
    };
    assert_eq!(
        service(seed::SERVICE_TWO_ARCH).model_service_images.len(),
        2
    );
    assert!(service(seed::SERVICE_TWO_ARCH)
        .vendor_to_spec_uuids_map
        .is_some());
    assert!(service(seed::SERVICE_TWO_ARCH).container_command.is_some());
    assert!(service(seed::SERVICE_TWO_ARCH).container_args.is_some());
    assert_eq!(
        service(seed::SERVICE_ONE_ARCH).model_service_images.len(),
        1
    );
    assert!(service(seed::SERVICE_NO_ARCH)
        .model_service_images
        .is_empty());
    assert!(service(seed::SERVICE_NO_ARCH).cpu_architectures.is_none());
    assert!(!service(seed::SERVICE_CJK).name.is_ascii());
    assert!(
        service(seed::SERVICE_LONG_YAML)
            .yaml
            .unwrap()
            .lines()
            .count()
            > 50
    );
    assert!(service(seed::SERVICE_SYSTEM).system);
    assert_eq!(service(seed::SERVICE_HUGE_NUMBERS).size, Some(i64::MAX));
    let architectures: HashSet<&str> = builtin
        .images
        .iter()
        .map(|i| i.architecture.as_str())
        .collect();
    assert_eq!(architectures, HashSet::from(["x86_64", "aarch64"]));
}

#[tokio::test]
async fn a_custom_seed_replaces_the_builtin_one() {
    let custom: Seed = serde_json::from_value(json!({
        "accounts": [{"uuid": "aaaaaaaaaaaa4aaa8aaaaaaaaaaaaaaa", "name": "ops", "password": "s3cret"}],
        "modelServices": [{"uuid": "bbbbbbbbbbbb4bbb8bbbbbbbbbbbbbbb", "name": "only", "createDate": "Jan 1, 2026 1:00:00 AM", "lastOpDate": "Jan 1, 2026 1:00:00 AM"}]
    }))
    .unwrap();
    let sim = Sim::start_with(SimOptions {
        seed: Some(custom),
        ..SimOptions::default()
    })
    .await;
    let response = sim
        .http
        .put(sim.api("/accounts/login"))
        .json(&json!({"logInByAccount": {"accountName": "ops", "password": zstack_sim::sha512_hex("s3cret")}}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.unwrap();
    let session = body["inventory"]["uuid"].as_str().unwrap();
    let (_, services) = sim.query("/ai/model-services", session).await;
    assert_eq!(services["inventories"].as_array().unwrap().len(), 1);
    assert_eq!(services["inventories"][0]["name"], "only");
    let (_, images) = sim.query("/images", session).await;
    assert_eq!(images["inventories"], json!([]));
}
