//! 50 concurrent clone POSTs, each with its own X-Job-UUID and resourceUuid: exactly 50 clones,
//! each exact; repeating the POSTs with the same job uuids adds none. (No timing assertions.)

mod common;

use common::{fresh_uuid, Sim};
use reqwest::StatusCode;
use serde_json::json;
use zstack_sim::seed;

const CLONES: usize = 50;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_clones_make_exactly_fifty_exact_clones() {
    let sim = std::sync::Arc::new(Sim::start().await);
    let session = sim.login().await;
    let requests: Vec<(String, String)> =
        (0..CLONES).map(|_| (fresh_uuid(), fresh_uuid())).collect();
    let body_of = |i: usize, resource: &str| json!({"params": {"name": format!("clone-{i}"), "resourceUuid": resource, "size": i64::MAX - i as i64}});
    let mut tasks = Vec::new();
    for (i, (job, resource)) in requests.iter().cloned().enumerate() {
        let (sim, session, body) = (sim.clone(), session.clone(), body_of(i, &resource));
        tasks.push(tokio::spawn(async move {
            let response = sim
                .post_clone(seed::SERVICE_TWO_ARCH, &session, &body, Some(&job))
                .await;
            assert_eq!(response.status(), StatusCode::ACCEPTED);
            let (status, result) = sim.wait_job(&job).await;
            assert_eq!(status, StatusCode::OK);
            result
        }));
    }
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap());
    }
    // Repeat every POST with the same job uuid: all refused.
    for (i, (job, resource)) in requests.iter().enumerate() {
        let response = sim
            .post_clone(
                seed::SERVICE_TWO_ARCH,
                &session,
                &body_of(i, resource),
                Some(job),
            )
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    }
    let state = sim.state().await;
    assert_eq!(state["cloneCount"], CLONES);
    let (_, count) = sim
        .query("/ai/model-services?count=true&q=name~=clone-%25", &session)
        .await;
    assert_eq!(count["total"], CLONES);
    for (i, ((_, resource), result)) in requests.iter().zip(&results).enumerate() {
        let inventory = &result["inventory"];
        assert_eq!(inventory["uuid"], resource.as_str());
        assert_eq!(inventory["name"], format!("clone-{i}"));
        assert_eq!(inventory["size"], i64::MAX - i as i64);
        assert_eq!(inventory["modelServiceImages"].as_array().unwrap().len(), 2);
        let (_, queried) = sim
            .query(&format!("/ai/model-services/{resource}"), &session)
            .await;
        assert_eq!(&queried["inventories"][0], inventory);
    }
}
