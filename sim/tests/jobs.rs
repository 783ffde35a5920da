//! Async jobs: X-Job-UUID validation, duplicates never executed twice, retention, unknown jobs.

mod common;

use std::time::Duration;

use common::{fresh_uuid, job_uuid_of, Sim};
use reqwest::StatusCode;
use serde_json::json;
use zstack_sim::{seed, SimOptions};

#[tokio::test]
async fn an_x_job_uuid_whose_length_is_not_32_is_400_plain_text() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    for job in [
        "short",
        "0123456789abcdef0123456789abcdef0",
        "01234567-89ab-4def-8123-456789abcdef",
    ] {
        let response = sim
            .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(job))
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{job}");
        assert_eq!(
            response.text().await.unwrap(),
            "Invalid header[X-Job-UUID], it must be a UUID with '-' stripped"
        );
    }
    assert_eq!(sim.state().await["jobs"]["running"], 0);
}

#[tokio::test]
async fn only_the_length_of_x_job_uuid_is_checked() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    for job in [
        "0123456789abcdef0123456789abcdeg",
        "0123456789ABCDEF0123456789ABCDEF",
        "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzz",
    ] {
        let response = sim
            .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(job))
            .await;
        assert_eq!(response.status(), StatusCode::ACCEPTED, "{job}");
        assert_eq!(job_uuid_of(&response.json().await.unwrap()), job);
        assert_eq!(sim.wait_job(job).await.0, StatusCode::OK, "{job}");
    }
    assert_eq!(sim.state().await["cloneCount"], 3);
}

#[tokio::test]
async fn a_put_or_delete_reusing_a_job_uuid_is_refused_as_a_duplicate() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let job = fresh_uuid();
    let accepted = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(&job))
        .await;
    assert_eq!(accepted.status(), StatusCode::ACCEPTED);
    let login = sim
        .http
        .put(sim.api("/accounts/login"))
        .header("X-Job-UUID", &job)
        .json(
            &json!({"logInByAccount": {"accountName": seed::ADMIN_ACCOUNT,
            "password": zstack_sim::sha512_hex(seed::ADMIN_PASSWORD)}}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        login.text().await.unwrap(),
        format!("Duplicate job uuid[{job}]")
    );
    let logout = sim
        .http
        .delete(sim.api(&format!("/accounts/sessions/{session}")))
        .header("X-Job-UUID", &job)
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        sim.state().await["validSessions"],
        1,
        "the refused logout did nothing"
    );
    let short = sim
        .http
        .delete(sim.api(&format!("/accounts/sessions/{session}")))
        .header("X-Job-UUID", "short")
        .send()
        .await
        .unwrap();
    assert_eq!(short.status(), StatusCode::BAD_REQUEST);
    // A fresh uuid is fine, and a synchronous call does not take the uuid for itself.
    let fresh = fresh_uuid();
    let login = sim
        .http
        .put(sim.api("/accounts/login"))
        .header("X-Job-UUID", &fresh)
        .json(
            &json!({"logInByAccount": {"accountName": seed::ADMIN_ACCOUNT,
            "password": zstack_sim::sha512_hex(seed::ADMIN_PASSWORD)}}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::OK);
    let reuse = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(&fresh))
        .await;
    assert_eq!(reuse.status(), StatusCode::ACCEPTED);
    // GET requests ignore the header.
    let query = sim
        .http
        .get(sim.api("/images"))
        .header("Authorization", format!("OAuth {session}"))
        .header("X-Job-UUID", &job)
        .send()
        .await
        .unwrap();
    assert_eq!(query.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_repeated_x_job_uuid_is_refused_and_not_executed_twice() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let job = fresh_uuid();
    let body = json!({"params": {"name": "once"}});
    let first = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &body, Some(&job))
        .await;
    assert_eq!(first.status(), StatusCode::ACCEPTED);
    // While running and after completion alike.
    let again = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &body, Some(&job))
        .await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        again.text().await.unwrap(),
        format!("Duplicate job uuid[{job}]")
    );
    let (status, result) = sim.wait_job(&job).await;
    assert_eq!(status, StatusCode::OK);
    let after = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &body, Some(&job))
        .await;
    assert_eq!(after.status(), StatusCode::BAD_REQUEST);
    tokio::time::sleep(Duration::from_millis(3 * common::JOB_MS)).await;
    assert_eq!(sim.state().await["cloneCount"], 1);
    // The original result is still there to poll.
    assert_eq!(sim.wait_job(&job).await, (StatusCode::OK, result));
}

#[tokio::test]
async fn a_job_without_x_job_uuid_gets_a_fresh_one() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let a = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), None)
        .await;
    let b = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), None)
        .await;
    let (a, b) = (
        job_uuid_of(&a.json().await.unwrap()),
        job_uuid_of(&b.json().await.unwrap()),
    );
    assert_ne!(a, b);
    assert_eq!(a.len(), 32);
    assert_eq!(sim.wait_job(&a).await.0, StatusCode::OK);
    assert_eq!(sim.wait_job(&b).await.0, StatusCode::OK);
}

#[tokio::test]
async fn an_unknown_job_is_404_the_job_has_been_expired() {
    let sim = Sim::start().await;
    let response = sim
        .http
        .get(sim.api(&format!("/api-jobs/{}", fresh_uuid())))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.text().await.unwrap(), "the job has been expired");
}

#[tokio::test]
async fn jobs_expire_after_the_retention_time() {
    let sim = Sim::start_with(SimOptions {
        job_ms: 10,
        job_retention: Duration::from_millis(1500),
        ..SimOptions::default()
    })
    .await;
    let session = sim.login().await;
    let job = fresh_uuid();
    let response = sim
        .post_clone(seed::SERVICE_ONE_ARCH, &session, &json!({}), Some(&job))
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(sim.wait_job(&job).await.0, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(1800)).await;
    let (status, body) = sim.wait_job(&job).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body, json!("the job has been expired"));
}

#[tokio::test]
async fn a_job_result_carries_a_schema_when_the_poll_asks_for_one() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let job = fresh_uuid();
    let accepted = sim
        .http
        .post(sim.api(&format!("/ai/model-services/{}", seed::SERVICE_ONE_ARCH)))
        .header("Authorization", format!("OAuth {session}"))
        .header("X-Job-UUID", &job)
        .header("X-JSON-Schema", "true")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), StatusCode::ACCEPTED);
    let body: serde_json::Value = accepted.json().await.unwrap();
    assert!(body.get("schema").is_none(), "a 202 carries none: {body}");
    let (status, plain) = sim.wait_job(&job).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        plain.get("schema").is_none(),
        "a poll without the header gets none"
    );
    let polled: serde_json::Value = sim
        .http
        .get(sim.api(&format!("/api-jobs/{job}")))
        .header("X-JSON-Schema", "true")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        polled["schema"]["inventory"],
        "org.zstack.ai.entity.ModelServiceInventory"
    );
    assert_eq!(
        polled["schema"]["inventory.modelServiceImages[0]"],
        "org.zstack.ai.entity.ModelServiceTemplateInventory"
    );
    assert_eq!(polled["inventory"], plain["inventory"]);
}
