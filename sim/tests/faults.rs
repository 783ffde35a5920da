//! Fault injection over real HTTP and raw TCP: canned responses, delays, dropped connections,
//! failing and hanging jobs.

mod common;

use std::time::{Duration, Instant};

use common::{fresh_uuid, job_uuid_of, Sim};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use zstack_sim::seed;

/// Sends one raw HTTP/1.1 request and returns every byte the server sent before closing.
async fn raw_exchange(sim: &Sim, request: &str) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(sim.handle.addr()).await?;
    stream.write_all(request.as_bytes()).await?;
    let mut received = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut received))
        .await
        .expect("the server neither answered nor closed")?;
    Ok(received)
}

fn raw_clone_request(sim: &Sim, session: &str, job: &str, body: &str) -> String {
    format!(
        "POST /zstack/v1/ai/model-services/{} HTTP/1.1\r\nHost: {}\r\nAuthorization: OAuth {session}\r\n\
         X-Job-UUID: {job}\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        seed::SERVICE_ONE_ARCH,
        sim.handle.addr(),
        body.len()
    )
}

#[tokio::test]
async fn respond_faults_send_json_plain_text_or_an_html_proxy_page() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let html = "<html><body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>";
    sim.add_fault(json!([
        {"method": "GET", "pathPrefix": "/zstack/v1/images", "action": {"kind": "respond", "status": 502, "contentType": "text/html", "body": html}},
        {"method": "GET", "pathPrefix": "/zstack/v1/images", "action": {"kind": "respond", "status": 500, "body": "java.lang.NullPointerException"}},
        {"method": "GET", "pathPrefix": "/zstack/v1/images", "action": {"kind": "respond", "status": 503, "contentType": "application/json", "body": {"error": {"code": "SYS.1000", "description": "x", "details": "y"}}}}
    ]))
    .await;
    let first = sim.get("/images", &session).await;
    assert_eq!(first.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(first.headers()["content-type"], "text/html");
    assert_eq!(first.text().await.unwrap(), html);
    let second = sim.get("/images", &session).await;
    assert_eq!(second.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(second.headers().get("content-type").is_none());
    assert_eq!(
        second.text().await.unwrap(),
        "java.lang.NullPointerException"
    );
    let (status, body) = sim.query("/images", &session).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["error"]["code"], "SYS.1000");
    assert_eq!(
        sim.query("/images", &session).await.0,
        StatusCode::OK,
        "faults are used up"
    );
    let log = sim.control(Method::GET, "/__sim/requests", None).await;
    assert_eq!(log[1]["status"], 502);
}

#[tokio::test]
async fn a_respond_fault_on_the_clone_post_executes_nothing() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    sim.add_fault(json!({"method": "POST", "pathPrefix": "/zstack/v1/ai/model-services/", "action": {"kind": "respond", "status": 502, "contentType": "text/html", "body": "<html>bad gateway</html>"}})).await;
    let response = sim
        .post_clone(
            seed::SERVICE_ONE_ARCH,
            &session,
            &json!({}),
            Some(&fresh_uuid()),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
    tokio::time::sleep(Duration::from_millis(3 * common::JOB_MS)).await;
    assert_eq!(sim.state().await["cloneCount"], 0);
}

#[tokio::test]
async fn delay_faults_wait_then_answer_normally() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    sim.add_fault(json!({"pathPrefix": "/zstack/v1/tags", "action": {"kind": "delay", "ms": 300}}))
        .await;
    let started = Instant::now();
    let (status, body) = sim.query("/tags", &session).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["inventories"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn drop_before_closes_the_connection_and_executes_nothing() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    sim.add_fault(json!({"method": "POST", "pathPrefix": "/zstack/v1/ai/model-services/", "action": {"kind": "dropBefore"}})).await;
    let job = fresh_uuid();
    let received = raw_exchange(&sim, &raw_clone_request(&sim, &session, &job, "{}")).await;
    assert!(
        received.map(|bytes| bytes.is_empty()).unwrap_or(true),
        "no HTTP answer at all"
    );
    // The job does not exist, so the same X-Job-UUID can be sent again.
    let (status, _) = sim.wait_job(&job).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let retry = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(&job))
        .await;
    assert_eq!(retry.status(), StatusCode::ACCEPTED);
    assert_eq!(sim.wait_job(&job).await.0, StatusCode::OK);
    assert_eq!(sim.state().await["cloneCount"], 1);
    let log = sim.control(Method::GET, "/__sim/requests", None).await;
    let dropped = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e.get("dropped").is_some())
        .unwrap();
    assert_eq!(dropped["dropped"], "before");
    assert_eq!(dropped["status"], Value::Null);
}

#[tokio::test]
async fn drop_after_runs_the_clone_but_the_client_sees_a_network_error() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    sim.add_fault(json!({"method": "POST", "pathPrefix": "/zstack/v1/ai/model-services/", "action": {"kind": "dropAfter"}})).await;
    let job = fresh_uuid();
    let received = raw_exchange(
        &sim,
        &raw_clone_request(&sim, &session, &job, r#"{"params":{"name":"after"}}"#),
    )
    .await;
    assert!(
        received.map(|bytes| bytes.is_empty()).unwrap_or(true),
        "no HTTP answer at all"
    );
    let (status, body) = sim.wait_job(&job).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["inventory"]["name"], "after");
    // A retry with the same job uuid is refused: nothing runs twice.
    let retry = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(&job))
        .await;
    assert_eq!(retry.status(), StatusCode::BAD_REQUEST);
    assert_eq!(sim.state().await["cloneCount"], 1);
}

#[tokio::test]
async fn a_dropped_connection_is_a_network_error_for_an_http_client() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    sim.add_fault(json!({"method": "GET", "pathPrefix": "/zstack/v1/images", "action": {"kind": "dropBefore"}})).await;
    let result = sim
        .http
        .get(sim.api("/images"))
        .header("Authorization", format!("OAuth {session}"))
        .send()
        .await;
    let error = result.expect_err("a dropped connection is not an HTTP response");
    assert!(error.status().is_none());
    assert_eq!(sim.query("/images", &session).await.0, StatusCode::OK);
}

#[tokio::test]
async fn job_fail_ends_the_job_503_with_the_given_error_and_cause_chain() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    sim.add_fault(json!({"method": "POST", "pathPrefix": "/zstack/v1/ai/model-services/", "action": {"kind": "jobFail",
        "error": {"code": "SYS.1006", "details": "clone failed on host", "cause": {"code": "SYS.1000", "details": "disk full", "cause": {"code": "HOST.1001", "description": "custom", "details": "deepest"}}}}})).await;
    let (status, body) = sim
        .clone_and_wait(seed::SERVICE_ONE_ARCH, &session, &json!({}))
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let error = &body["error"];
    assert_eq!(error["code"], "SYS.1006");
    assert_eq!(error["description"], "Operation failure");
    assert_eq!(error["details"], "clone failed on host");
    assert_eq!(error["cause"]["code"], "SYS.1000");
    assert_eq!(error["cause"]["details"], "disk full");
    assert_eq!(error["cause"]["cause"]["description"], "custom");
    assert!(error["cause"]["cause"].get("cause").is_none());
    assert_eq!(sim.state().await["cloneCount"], 0);
}

#[tokio::test]
async fn job_hang_keeps_the_job_running() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    sim.add_fault(json!({"method": "POST", "pathPrefix": "/zstack/v1/ai/model-services/", "action": {"kind": "jobHang"}})).await;
    let response = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), None)
        .await;
    let job = job_uuid_of(&response.json().await.unwrap());
    tokio::time::sleep(Duration::from_millis(10 * common::JOB_MS)).await;
    let poll = sim
        .http
        .get(sim.api(&format!("/api-jobs/{job}")))
        .send()
        .await
        .unwrap();
    assert_eq!(poll.status(), StatusCode::ACCEPTED);
    assert_eq!(sim.state().await["cloneCount"], 0);
}

#[tokio::test]
async fn faults_can_be_listed_and_cleared_and_bad_ones_are_refused() {
    let sim = Sim::start().await;
    let added = sim.add_fault(json!({"method": "GET", "pathPrefix": "/zstack/v1/images", "times": 3, "action": {"kind": "delay", "ms": 1}})).await;
    assert!(added["id"].as_u64().is_some());
    let listed = sim.control(Method::GET, "/__sim/faults", None).await;
    assert_eq!(listed[0]["remaining"], 3);
    assert_eq!(listed[0]["pathPrefix"], "/zstack/v1/images");
    assert_eq!(listed[0]["action"], json!({"kind": "delay", "ms": 1}));
    sim.control(Method::DELETE, "/__sim/faults", None).await;
    assert_eq!(
        sim.control(Method::GET, "/__sim/faults", None).await,
        json!([])
    );
    for bad in [
        json!({"pathPrefix": "/", "action": {"kind": "nope"}}),
        json!({"action": {"kind": "dropBefore"}}),
        json!({"pathPrefix": "/", "action": {"kind": "respond", "status": 1000}}),
    ] {
        let response = sim
            .http
            .post(sim.url("/__sim/faults"))
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
}

/// One poll of a job: (status, Content-Type, body text).
async fn poll(sim: &Sim, job: &str) -> (StatusCode, Option<String>, String) {
    let response = sim
        .http
        .get(sim.api(&format!("/api-jobs/{job}")))
        .send()
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string());
    (status, content_type, response.text().await.unwrap())
}

#[tokio::test]
async fn job_polls_can_be_answered_by_proxies_and_broken_nodes_on_the_nth_poll() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let job = fresh_uuid();
    let accepted = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(&job))
        .await;
    assert_eq!(accepted.status(), StatusCode::ACCEPTED);
    let (status, result) = sim.wait_job(&job).await;
    assert_eq!(status, StatusCode::OK);
    let polls = "/zstack/v1/api-jobs/";
    let sso = "<html><body><form action=\"/sso/login\">Sign in</form></body></html>";
    // The second poll from now meets an SSO proxy's login page (200 HTML).
    sim.add_fault(json!({"method": "GET", "pathPrefix": polls, "skip": 1,
        "action": {"kind": "respond", "status": 200, "contentType": "text/html", "body": sso}}))
        .await;
    let first = poll(&sim, &job).await;
    assert_eq!(first.0, StatusCode::OK);
    assert_eq!(serde_json::from_str::<Value>(&first.2).unwrap(), result);
    assert_eq!(
        poll(&sim, &job).await,
        (
            StatusCode::OK,
            Some("text/html".to_string()),
            sso.to_string()
        )
    );
    assert_eq!(poll(&sim, &job).await.0, StatusCode::OK);
    // A plain-text 500 twice, a proxy's 401, a proxy's (not ZStack's) 404, and a 200 whose
    // inventory does not parse; then the node's own answer again.
    let proxy_404 =
        "<html><head><title>404 Not Found</title></head><body><center>nginx</center></body></html>";
    let bad_inventory = json!({"inventory": {"uuid": 42, "name": ["not", "a", "string"]}});
    sim.add_fault(json!([
        {"method": "GET", "pathPrefix": polls, "times": 2,
            "action": {"kind": "respond", "status": 500, "body": "java.lang.NullPointerException"}},
        {"method": "GET", "pathPrefix": polls, "skip": 2,
            "action": {"kind": "respond", "status": 401, "contentType": "text/html",
                "body": "<html><body>401 Authorization Required</body></html>"}},
        {"method": "GET", "pathPrefix": polls, "skip": 3,
            "action": {"kind": "respond", "status": 404, "contentType": "text/html", "body": proxy_404}},
        {"method": "GET", "pathPrefix": polls, "skip": 4,
            "action": {"kind": "respond", "status": 200, "contentType": "application/json;charset=UTF-8",
                "body": bad_inventory}}
    ]))
    .await;
    let answers = [
        poll(&sim, &job).await,
        poll(&sim, &job).await,
        poll(&sim, &job).await,
        poll(&sim, &job).await,
        poll(&sim, &job).await,
        poll(&sim, &job).await,
    ];
    assert_eq!(
        answers[0],
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            None,
            "java.lang.NullPointerException".to_string()
        )
    );
    assert_eq!(answers[1].0, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(answers[2].0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        (answers[3].0, answers[3].2.as_str()),
        (StatusCode::NOT_FOUND, proxy_404)
    );
    assert_eq!(answers[4].0, StatusCode::OK);
    assert_eq!(
        serde_json::from_str::<Value>(&answers[4].2).unwrap(),
        bad_inventory
    );
    assert_eq!(answers[5].0, StatusCode::OK);
    assert_eq!(
        serde_json::from_str::<Value>(&answers[5].2).unwrap(),
        result
    );
    assert_eq!(
        sim.control(Method::GET, "/__sim/faults", None).await,
        json!([])
    );
    assert_eq!(
        sim.state().await["cloneCount"],
        1,
        "faults on polls execute nothing"
    );
}

#[tokio::test]
async fn a_delay_can_hold_the_nth_job_poll() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let response = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), None)
        .await;
    let job = job_uuid_of(&response.json().await.unwrap());
    let _ = sim.wait_job(&job).await;
    sim.add_fault(
        json!({"method": "GET", "pathPrefix": "/zstack/v1/api-jobs/", "skip": 1,
        "action": {"kind": "delay", "ms": 400}}),
    )
    .await;
    let listed = sim.control(Method::GET, "/__sim/faults", None).await;
    assert_eq!(listed[0]["skip"], 1);
    assert_eq!(listed[0]["skipping"], 1);
    assert_eq!(poll(&sim, &job).await.0, StatusCode::OK);
    let listed = sim.control(Method::GET, "/__sim/faults", None).await;
    assert_eq!(listed[0]["skipping"], 0, "the first poll passed it by");
    assert_eq!(listed[0]["remaining"], 1);
    let started = Instant::now();
    assert_eq!(poll(&sim, &job).await.0, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(400));
    assert_eq!(
        sim.control(Method::GET, "/__sim/faults", None).await,
        json!([])
    );
}
