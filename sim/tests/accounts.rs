//! QueryAccount (`GET /accounts`): who sees which account.

mod common;

use common::Sim;
use reqwest::StatusCode;
use serde_json::{json, Value};
use zstack_sim::seed;

async fn log_in(sim: &Sim, name: &str, password: &str) -> String {
    let response = sim
        .http
        .put(sim.api("/accounts/login"))
        .json(&json!({"logInByAccount": {"accountName": name,
            "password": zstack_sim::sha512_hex(password)}}))
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    body["inventory"]["uuid"].as_str().unwrap().to_owned()
}

fn names(body: &Value) -> Vec<&str> {
    body["inventories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn the_admin_sees_every_account_with_its_type_and_no_password() {
    let sim = Sim::start().await;
    let session = log_in(&sim, seed::ADMIN_ACCOUNT, seed::ADMIN_PASSWORD).await;
    let (status, body) = sim.query("/accounts", &session).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(names(&body), [seed::ADMIN_ACCOUNT, seed::USER_ACCOUNT]);
    assert_eq!(body["inventories"][0]["type"], seed::ADMIN_ACCOUNT_TYPE);
    assert_eq!(body["inventories"][1]["type"], seed::NORMAL_ACCOUNT_TYPE);
    assert!(body["inventories"][0].get("password").is_none());
    assert_eq!(
        body["schema"]["inventories[0]"],
        "org.zstack.header.identity.AccountInventory"
    );
    let (_, one) = sim
        .query(&format!("/accounts/{}", seed::USER_ACCOUNT_UUID), &session)
        .await;
    assert_eq!(names(&one), [seed::USER_ACCOUNT]);
}

#[tokio::test]
async fn a_normal_account_sees_only_itself() {
    let sim = Sim::start().await;
    let session = log_in(&sim, seed::USER_ACCOUNT, seed::USER_PASSWORD).await;
    let (_, body) = sim.query("/accounts", &session).await;
    assert_eq!(names(&body), [seed::USER_ACCOUNT]);
    let (_, admin) = sim
        .query(
            &format!("/accounts?q=uuid={}", seed::ADMIN_ACCOUNT_UUID),
            &session,
        )
        .await;
    assert_eq!(names(&admin), Vec::<&str>::new());
}

#[tokio::test]
async fn accounts_need_a_valid_session() {
    let sim = Sim::start().await;
    let (status, body) = sim
        .query("/accounts", "0123456789abcdef0123456789abcdef")
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["error"]["code"], "ID.1001");
}
