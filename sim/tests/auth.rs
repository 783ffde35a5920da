//! The Authorization header as the real REST layer checks it, bad sessions, unknown paths, CORS.

mod common;

use common::{job_uuid_of, Sim};
use reqwest::StatusCode;
use serde_json::{json, Value};
use zstack_sim::seed;

#[tokio::test]
async fn a_missing_authorization_header_is_400_plain_text() {
    let sim = Sim::start().await;
    let response = sim
        .http
        .get(sim.api("/ai/model-services"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.text().await.unwrap(),
        "missing header 'Authorization'"
    );
    let post = sim
        .http
        .post(sim.api(&format!("/ai/model-services/{}", seed::SERVICE_ONE_ARCH)))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), StatusCode::BAD_REQUEST);
    assert_eq!(post.text().await.unwrap(), "missing header 'Authorization'");
}

#[tokio::test]
async fn a_non_oauth_scheme_is_400_plain_text() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    for value in [
        format!("Bearer {session}"),
        session.clone(),
        format!("oauth {session}"),
    ] {
        let response = sim
            .http
            .get(sim.api("/images"))
            .header("Authorization", value)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            response.text().await.unwrap(),
            "Authorization type must be 'OAuth'"
        );
    }
}

#[tokio::test]
async fn an_unknown_session_is_503_id_1001_for_every_query() {
    let sim = Sim::start().await;
    let bogus = "0123456789abcdef0123456789abcdef";
    for path in [
        "/ai/model-services",
        "/images",
        "/tags",
        "/ai/model-centers",
        "/pci-device-specs",
        "/gpu-device-specs/candidates",
    ] {
        let (status, body) = sim.query(path, bogus).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert_eq!(body["error"]["code"], "ID.1001", "{path}");
        assert!(body["error"]["description"].is_string());
        assert!(body["error"]["details"].as_str().unwrap().contains(bogus));
        assert!(body["error"].get("cause").is_none());
    }
}

#[tokio::test]
async fn a_clone_with_a_bad_session_is_accepted_and_its_job_fails_id_1001() {
    let sim = Sim::start().await;
    let response = sim
        .post_clone(
            seed::SERVICE_ONE_ARCH,
            "0123456789abcdef0123456789abcdef",
            &json!({"params": {}}),
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let job = job_uuid_of(&response.json().await.unwrap());
    let (status, body) = sim.wait_job(&job).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["error"]["code"], "ID.1001");
    assert_eq!(sim.state().await["cloneCount"], 0);
}

#[tokio::test]
async fn job_polling_needs_no_authorization() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let response = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), None)
        .await;
    let job = job_uuid_of(&response.json().await.unwrap());
    // wait_job sends no Authorization header.
    let (status, body) = sim.wait_job(&job).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["inventory"]["uuid"].is_string());
    // A bad one is ignored too.
    let again = sim
        .http
        .get(sim.api(&format!("/api-jobs/{job}")))
        .header("Authorization", "Bearer nonsense")
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::OK);
}

#[tokio::test]
async fn unknown_paths_are_404_no_api_mapping() {
    let sim = Sim::start().await;
    let response = sim.http.get(sim.api("/no/such/api")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        response.text().await.unwrap(),
        "no api mapping to /zstack/v1/no/such/api"
    );
}

#[tokio::test]
async fn no_cors_headers_and_no_preflight_answer() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let response = sim
        .http
        .get(sim.api("/images"))
        .header("Authorization", format!("OAuth {session}"))
        .header("Origin", "http://127.0.0.1:9999")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response
        .headers()
        .keys()
        .all(|k| !k.as_str().starts_with("access-control-")));
    let preflight = sim
        .http
        .request(reqwest::Method::OPTIONS, sim.api("/ai/model-services"))
        .header("Origin", "http://127.0.0.1:9999")
        .header("Access-Control-Request-Method", "POST")
        .send()
        .await
        .unwrap();
    assert!(!preflight.status().is_success());
    assert!(preflight
        .headers()
        .keys()
        .all(|k| !k.as_str().starts_with("access-control-")));
}

#[tokio::test]
async fn the_control_api_is_absent_without_the_flag() {
    let sim = Sim::start_with(zstack_sim::SimOptions::default()).await;
    for path in ["/__sim/requests", "/__sim/state"] {
        let response = sim.http.get(sim.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let reset = sim.http.post(sim.url("/__sim/reset")).send().await.unwrap();
    assert_eq!(reset.status(), StatusCode::NOT_FOUND);
    let _: Option<Value> = None;
}
