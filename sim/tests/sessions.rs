//! Login, session validity, logout and expiry over HTTP.

mod common;

use std::time::Duration;

use common::Sim;
use reqwest::StatusCode;
use serde_json::{json, Value};
use zstack_sim::{seed, SimOptions};

#[tokio::test]
async fn login_returns_a_session_inventory_with_zstack_dates() {
    let sim = Sim::start().await;
    let response = sim
        .http
        .put(sim.api("/accounts/login"))
        .json(&json!({"logInByAccount": {"accountName": "admin",
            "password": zstack_sim::sha512_hex("password")}}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    let inventory = &body["inventory"];
    assert_eq!(inventory["uuid"].as_str().unwrap().len(), 32);
    assert_eq!(inventory["accountUuid"], seed::ADMIN_ACCOUNT_UUID);
    assert!(inventory["userUuid"].is_string());
    assert!(inventory["userType"].is_string());
    for field in ["createDate", "expiredDate"] {
        let date = inventory[field].as_str().unwrap();
        assert!(
            zstack_sim::date::parse_zstack_date(date).is_some(),
            "{field}: {date}"
        );
    }
}

#[tokio::test]
async fn login_with_a_wrong_password_is_503_id_1000() {
    let sim = Sim::start().await;
    for (name, password) in [
        ("admin", zstack_sim::sha512_hex("wrong")),
        ("admin", "password".to_string()),
        ("nobody", zstack_sim::sha512_hex("password")),
    ] {
        let response = sim
            .http
            .put(sim.api("/accounts/login"))
            .json(&json!({"logInByAccount": {"accountName": name, "password": password}}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "ID.1000");
        assert!(body["error"]["description"].is_string());
        assert!(body["error"]["details"].is_string());
    }
}

#[tokio::test]
async fn login_with_a_malformed_body_is_400_plain_text() {
    let sim = Sim::start().await;
    let response = sim
        .http
        .put(sim.api("/accounts/login"))
        .body(r#"{"logInByAccount": {"accountName": 1}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(serde_json::from_str::<Value>(&response.text().await.unwrap()).is_err());
}

#[tokio::test]
async fn session_validity_and_logout() {
    let sim = Sim::start().await;
    let session = sim.login().await;
    let valid = |uuid: String| {
        let sim = &sim;
        async move {
            let response = sim
                .http
                .get(sim.api(&format!("/accounts/sessions/{uuid}/valid")))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            response.json::<Value>().await.unwrap()["valid"].clone()
        }
    };
    assert_eq!(valid(session.clone()).await, json!(true));
    assert_eq!(valid("0".repeat(32)).await, json!(false));
    let logout = sim
        .http
        .delete(sim.api(&format!("/accounts/sessions/{session}")))
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), StatusCode::OK);
    assert_eq!(valid(session.clone()).await, json!(false));
    let (status, body) = sim.query("/images", &session).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["error"]["code"], "ID.1001");
}

#[tokio::test]
async fn sessions_expire_after_the_configured_ttl() {
    let sim = Sim::start_with(SimOptions {
        session_ttl: Duration::from_millis(1000),
        ..SimOptions::default()
    })
    .await;
    let session = sim.login().await;
    assert_eq!(sim.query("/images", &session).await.0, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(1300)).await;
    let (status, body) = sim.query("/images", &session).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["error"]["code"], "ID.1001");
}

#[tokio::test]
async fn replies_carry_a_schema_only_when_the_request_asks_with_x_json_schema() {
    let sim = Sim::start().await;
    let login = |schema: bool| {
        let mut request = sim.http.put(sim.api("/accounts/login")).json(&json!({
            "logInByAccount": {"accountName": seed::ADMIN_ACCOUNT,
                "password": zstack_sim::sha512_hex(seed::ADMIN_PASSWORD)}}));
        if schema {
            request = request.header("X-JSON-Schema", "true");
        }
        request.send()
    };
    let plain: Value = login(false).await.unwrap().json().await.unwrap();
    assert!(plain.get("schema").is_none(), "{plain}");
    let with: Value = login(true).await.unwrap().json().await.unwrap();
    assert_eq!(
        with["schema"],
        json!({"inventory": "org.zstack.header.identity.SessionInventory"})
    );
    let session = with["inventory"]["uuid"].as_str().unwrap();
    let valid: Value = sim
        .http
        .get(sim.api(&format!("/accounts/sessions/{session}/valid")))
        .header("X-JSON-Schema", "true")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(valid, json!({"valid": true, "schema": {}}));
    let wrong: Value = sim
        .http
        .put(sim.api("/accounts/login"))
        .header("X-JSON-Schema", "true")
        .json(&json!({"logInByAccount": {"accountName": "admin", "password": "nope"}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(wrong["error"]["code"], "ID.1000");
    assert!(wrong.get("schema").is_none(), "errors carry no schema");
    let logout: Value = sim
        .http
        .delete(sim.api(&format!("/accounts/sessions/{session}")))
        .header("X-JSON-Schema", "true")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(logout, json!({"schema": {}}));
}
