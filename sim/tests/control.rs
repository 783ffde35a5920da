//! The test-control API: request log, reset, sessions, state.

mod common;

use common::Sim;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use zstack_sim::seed;

#[tokio::test]
async fn the_request_log_records_every_zstack_request_oldest_first() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let _ = sim
        .get("/images?q=architecture=x86_64&limit=5", &session)
        .await;
    let _ = sim.http.get(sim.api("/images")).send().await.unwrap();
    let _ = sim
        .post_clone(
            seed::SERVICE_ONE_ARCH,
            &session,
            &json!({"params": {"name": "x"}}),
            None,
        )
        .await;
    let _ = sim.http.get(sim.url("/not-zstack")).send().await.unwrap();
    let log = sim.control(Method::GET, "/__sim/requests", None).await;
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 4, "{log:?}");
    assert_eq!(log[0]["method"], "PUT");
    assert_eq!(log[0]["path"], "/zstack/v1/accounts/login");
    assert_eq!(log[0]["body"]["logInByAccount"]["accountName"], "admin");
    assert_eq!(log[0]["status"], 200);
    assert_eq!(log[1]["query"], "q=architecture=x86_64&limit=5");
    assert_eq!(
        log[1]["headers"]["authorization"],
        format!("OAuth {session}")
    );
    assert_eq!(log[1]["body"], Value::Null);
    assert_eq!(log[2]["status"], 400);
    assert_eq!(log[2]["query"], Value::Null);
    assert_eq!(log[3]["method"], "POST");
    assert_eq!(log[3]["body"], json!({"params": {"name": "x"}}));
    assert_eq!(log[3]["status"], 202);
    assert_eq!(
        log[3]["headers"]["content-type"],
        "application/json;charset=UTF-8"
    );
    sim.control(Method::DELETE, "/__sim/requests", None).await;
    assert_eq!(
        sim.control(Method::GET, "/__sim/requests", None).await,
        json!([])
    );
}

#[tokio::test]
async fn a_non_json_body_is_logged_as_a_string() {
    let sim = Sim::start().await;
    let _ = sim
        .http
        .put(sim.api("/accounts/login"))
        .body("hello")
        .send()
        .await
        .unwrap();
    let log = sim.control(Method::GET, "/__sim/requests", None).await;
    assert_eq!(log[0]["body"], "hello");
    assert_eq!(log[0]["status"], 400);
}

#[tokio::test]
async fn reset_returns_to_the_seed_with_no_log_faults_sessions_or_jobs() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let (status, _) = sim
        .clone_and_wait(seed::SERVICE_ONE_ARCH, &session, &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    sim.add_fault(json!({"pathPrefix": "/zstack/v1/tags", "action": {"kind": "dropBefore"}}))
        .await;
    assert_eq!(sim.state().await["cloneCount"], 1);
    sim.control(Method::POST, "/__sim/reset", None).await;
    let state = sim.state().await;
    assert_eq!(state["cloneCount"], 0);
    assert_eq!(
        state["modelServices"].as_array().unwrap().len(),
        seed::builtin().model_services.len()
    );
    assert_eq!(state["pendingFaults"], 0);
    assert_eq!(state["loggedRequests"], 0);
    assert_eq!(state["validSessions"], 0);
    assert_eq!(
        sim.query("/tags", &session).await.0,
        StatusCode::SERVICE_UNAVAILABLE
    );
}

#[tokio::test]
async fn a_job_started_before_a_reset_does_not_write_into_the_new_world() {
    let sim = Sim::start_with(zstack_sim::SimOptions {
        control: true,
        job_ms: 1000,
        ..Default::default()
    })
    .await;
    let session = sim.login().await;
    let response = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), None)
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    sim.control(Method::POST, "/__sim/reset", None).await;
    tokio::time::sleep(std::time::Duration::from_millis(1300)).await;
    assert_eq!(sim.state().await["cloneCount"], 0);
}

#[tokio::test]
async fn minted_sessions_work_and_expire_on_demand() {
    let sim = Sim::start().await;
    let minted = sim.control(Method::POST, "/__sim/sessions", None).await;
    let session = minted["uuid"].as_str().unwrap().to_string();
    assert_eq!(minted["inventory"]["accountUuid"], seed::ADMIN_ACCOUNT_UUID);
    assert_eq!(sim.query("/images", &session).await.0, StatusCode::OK);
    let expired = sim
        .control(Method::POST, "/__sim/sessions/expire", None)
        .await;
    assert_eq!(expired["expired"], 1);
    let (status, body) = sim.query("/images", &session).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["error"]["code"], "ID.1001");
}

#[tokio::test]
async fn state_shows_services_and_counts_clones() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let uuid = common::fresh_uuid();
    let body = json!({"params": {"resourceUuid": uuid, "tagUuids": [seed::TAG_EXPERIMENTAL]}});
    assert_eq!(
        sim.clone_and_wait(seed::SERVICE_CJK, &session, &body)
            .await
            .0,
        StatusCode::OK
    );
    let state = sim.state().await;
    assert_eq!(state["cloneCount"], 1);
    let services = state["modelServices"].as_array().unwrap();
    assert_eq!(services.last().unwrap()["uuid"], uuid.as_str());
    assert_eq!(
        state["tagAttachments"][&uuid],
        json!([seed::TAG_EXPERIMENTAL])
    );
    assert_eq!(state["jobs"]["succeeded"], 1);
}
