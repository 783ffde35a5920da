//! The real node's quirks, each over real HTTP: switched by the control API, by `SimOptions` and
//! by `SimHandle::set_quirks` (the binary's `--quirk` flag is tested in `binary.rs`).

mod common;

use common::{fresh_uuid, job_uuid_of, Sim, JOB_MS};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use zstack_sim::{seed, Quirk, Quirks, SimOptions};

async fn set_quirks(sim: &Sim, body: Value) -> Value {
    sim.control(Method::PUT, "/__sim/quirks", Some(body)).await
}

#[tokio::test]
async fn quirks_are_off_by_default_and_the_control_api_sets_lists_and_resets_them() {
    let sim = Sim::start().await;
    let all_off = json!({"emptyJobResult": false, "emptyAcceptedBody": false,
        "noContentType": false, "fullErrorCodes": false, "plainText405": false});
    assert_eq!(
        sim.control(Method::GET, "/__sim/quirks", None).await,
        all_off
    );
    let answer = set_quirks(&sim, json!(["noContentType", "plainText405"])).await;
    assert_eq!(answer["noContentType"], true);
    assert_eq!(answer["plainText405"], true);
    assert_eq!(answer["emptyJobResult"], false);
    assert_eq!(
        sim.control(Method::GET, "/__sim/quirks", None).await,
        answer
    );
    assert_eq!(
        sim.state().await["quirks"],
        json!(["noContentType", "plainText405"])
    );
    // An object replaces the set too.
    let answer = set_quirks(
        &sim,
        json!({"emptyJobResult": true, "noContentType": false}),
    )
    .await;
    assert_eq!(
        answer,
        json!({"emptyJobResult": true, "emptyAcceptedBody": false, "noContentType": false,
            "fullErrorCodes": false, "plainText405": false})
    );
    for bad in [
        json!(["noSuchQuirk"]),
        json!({"noContentType": 1}),
        json!("all"),
    ] {
        let response = sim
            .http
            .put(sim.url("/__sim/quirks"))
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
        assert!(response.text().await.unwrap().contains("emptyJobResult"));
    }
    sim.control(Method::POST, "/__sim/reset", None).await;
    assert_eq!(
        sim.control(Method::GET, "/__sim/quirks", None).await,
        all_off
    );
}

#[tokio::test]
async fn reset_goes_back_to_the_start_up_quirks_and_the_handle_can_set_them() {
    let sim = Sim::start_with(SimOptions {
        control: true,
        job_ms: JOB_MS,
        quirks: Quirks::from([Quirk::FullErrorCodes]),
        ..SimOptions::default()
    })
    .await;
    assert_eq!(
        sim.control(Method::GET, "/__sim/quirks", None).await["fullErrorCodes"],
        true
    );
    set_quirks(&sim, json!([])).await;
    assert_eq!(sim.handle.quirks(), Quirks::none());
    sim.handle.set_quirks(Quirks::all());
    assert_eq!(
        sim.control(Method::GET, "/__sim/quirks", None).await,
        Quirks::all().to_json()
    );
    sim.control(Method::POST, "/__sim/reset", None).await;
    assert_eq!(sim.handle.quirks(), Quirks::from([Quirk::FullErrorCodes]));
}

#[tokio::test]
async fn empty_job_result_answers_a_successful_job_with_an_empty_object() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    set_quirks(&sim, json!(["emptyJobResult"])).await;
    let resource_uuid = fresh_uuid();
    let (status, body) = sim
        .clone_and_wait(
            seed::SERVICE_ONE_ARCH,
            &session,
            &json!({"params": {"resourceUuid": resource_uuid}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({}));
    // The clone was made: it is found by its resourceUuid.
    let (_, found) = sim
        .query(&format!("/ai/model-services/{resource_uuid}"), &session)
        .await;
    assert_eq!(found["inventories"][0]["uuid"], resource_uuid.as_str());
    // With a schema asked for, the body is only the (empty) schema.
    let job = fresh_uuid();
    sim.post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(&job))
        .await;
    assert_eq!(sim.wait_job(&job).await.0, StatusCode::OK);
    let polled: Value = sim
        .http
        .get(sim.api(&format!("/api-jobs/{job}")))
        .header("X-JSON-Schema", "true")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(polled, json!({"schema": {}}));
    // Failures are unchanged.
    sim.add_fault(
        json!({"method": "POST", "pathPrefix": "/zstack/v1/ai/model-services/",
        "action": {"kind": "jobFail", "error": {"code": "SYS.1006", "details": "boom"}}}),
    )
    .await;
    let (status, body) = sim
        .clone_and_wait(seed::SERVICE_ONE_ARCH, &session, &json!({}))
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["error"]["code"], "SYS.1006");
}

#[tokio::test]
async fn empty_accepted_body_gives_a_202_without_location_and_empty_running_polls() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    set_quirks(&sim, json!(["emptyAcceptedBody"])).await;
    sim.add_fault(
        json!({"method": "POST", "pathPrefix": "/zstack/v1/ai/model-services/",
        "action": {"kind": "jobHang"}}),
    )
    .await;
    let job = fresh_uuid();
    let accepted = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(&job))
        .await;
    assert_eq!(accepted.status(), StatusCode::ACCEPTED);
    assert!(accepted.headers().get("content-type").is_none());
    assert_eq!(accepted.text().await.unwrap(), "");
    let running = sim
        .http
        .get(sim.api(&format!("/api-jobs/{job}")))
        .send()
        .await
        .unwrap();
    assert_eq!(running.status(), StatusCode::ACCEPTED);
    assert_eq!(running.text().await.unwrap(), "");
    // The job is there under the client's X-Job-UUID, and runs to the end.
    let second = fresh_uuid();
    sim.post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(&second))
        .await;
    let (status, body) = sim.wait_job(&second).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["inventory"]["uuid"].is_string());
}

#[tokio::test]
async fn no_content_type_strips_the_header_from_every_zstack_reply() {
    let sim = Sim::start().await;
    set_quirks(&sim, json!(["noContentType"])).await;
    let session = sim.login().await;
    let query = sim.get("/images", &session).await;
    assert_eq!(query.status(), StatusCode::OK);
    assert!(query.headers().get("content-type").is_none());
    let body: Value = serde_json::from_str(&query.text().await.unwrap()).unwrap();
    assert_eq!(body["inventories"].as_array().unwrap().len(), 4);
    let accepted = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), None)
        .await;
    assert!(accepted.headers().get("content-type").is_none());
    let job = job_uuid_of(&serde_json::from_str(&accepted.text().await.unwrap()).unwrap());
    let _ = sim.wait_job(&job).await;
    for response in [
        sim.http
            .get(sim.api(&format!("/api-jobs/{job}")))
            .send()
            .await
            .unwrap(),
        sim.http.get(sim.api("/images")).send().await.unwrap(),
        sim.http.get(sim.api("/no/such/api")).send().await.unwrap(),
        sim.get("/images", &"0".repeat(32)).await,
    ] {
        assert!(
            response.headers().get("content-type").is_none(),
            "{} {}",
            response.url(),
            response.status()
        );
    }
    // The control API keeps its Content-Type.
    let control = sim.http.get(sim.url("/__sim/quirks")).send().await.unwrap();
    assert!(control.headers().get("content-type").is_some());
}

#[tokio::test]
async fn full_error_codes_fill_every_field_of_every_error_in_the_chain() {
    let sim = Sim::start().await;
    set_quirks(&sim, json!(["fullErrorCodes"])).await;
    let fields = [
        "code",
        "description",
        "details",
        "elaboration",
        "location",
        "cost",
        "opaque",
        "globalErrorCode",
        "message",
        "causes",
        "cause",
    ];
    // A synchronous error (a wrong password).
    let wrong = sim
        .http
        .put(sim.api("/accounts/login"))
        .json(&json!({"logInByAccount": {"accountName": "admin", "password": "nope"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = wrong.json().await.unwrap();
    let error = &body["error"];
    for field in fields {
        assert!(error.get(field).is_some(), "{field}: {error}");
    }
    assert_eq!(error["code"], "ID.1000");
    assert_eq!(error["cause"], Value::Null, "an explicit null");
    assert_eq!(error["causes"], json!([]));
    // A job's error with a cause chain.
    let session = sim.login().await;
    sim.add_fault(
        json!({"method": "POST", "pathPrefix": "/zstack/v1/ai/model-services/",
        "action": {"kind": "jobFail", "error": {"code": "SYS.1006", "details": "outer",
            "cause": {"code": "SYS.1000", "details": "inner"}}}}),
    )
    .await;
    let (status, body) = sim
        .clone_and_wait(seed::SERVICE_ONE_ARCH, &session, &json!({}))
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let error = &body["error"];
    assert_eq!(error["details"], "outer");
    assert_eq!(error["message"], "outer");
    assert_eq!(error["cause"]["details"], "inner");
    assert_eq!(error["causes"][0]["code"], "SYS.1000");
    for field in fields {
        assert!(error["cause"].get(field).is_some(), "cause.{field}");
    }
    assert_eq!(error["cause"]["cause"], Value::Null);
    // A fault's own canned answer is sent as given.
    sim.add_fault(json!({"method": "GET", "pathPrefix": "/zstack/v1/images",
        "action": {"kind": "respond", "status": 503, "body": {"error": {"code": "X.1"}}}}))
        .await;
    let (_, canned) = sim.query("/images", &session).await;
    assert_eq!(canned, json!({"error": {"code": "X.1"}}));
}

#[tokio::test]
async fn plain_text_405_answers_a_wrong_method_with_the_nodes_words() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let patch = |path: String| {
        sim.http
            .patch(sim.api(&path))
            .header("Authorization", format!("OAuth {session}"))
            .send()
    };
    let before = patch("/images".to_string()).await.unwrap();
    assert_eq!(before.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        before.text().await.unwrap(),
        "",
        "an empty 405 without the quirk"
    );
    set_quirks(&sim, json!(["plainText405"])).await;
    let after = patch("/images".to_string()).await.unwrap();
    assert_eq!(after.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(after.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    assert_eq!(
        after.text().await.unwrap(),
        "The method[PATCH] is not allowed for the path[/zstack/v1/images]"
    );
    let job = sim
        .http
        .delete(sim.api(&format!("/api-jobs/{}", fresh_uuid())))
        .send()
        .await
        .unwrap();
    assert_eq!(job.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        job.text().await.unwrap(),
        "only GET method is allowed for querying job status"
    );
    // Unknown paths stay 404.
    let unknown = patch("/no/such/api".to_string()).await.unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn quirks_work_without_the_control_api() {
    let sim = Sim::start_with(SimOptions {
        job_ms: JOB_MS,
        quirks: Quirks::all(),
        ..SimOptions::default()
    })
    .await;
    let session = sim.login().await;
    let job = fresh_uuid();
    let accepted = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(&job))
        .await;
    assert_eq!(accepted.text().await.unwrap(), "");
    let (status, body) = sim.wait_job(&job).await;
    assert_eq!((status, body), (StatusCode::OK, json!({})));
}
