//! Login, session validity and logout (synchronous APIs, no session needed).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha512};

use crate::error_code::ErrorCode;
use crate::schema;
use crate::state::Shared;

use super::job_header;
use super::reply::{api_error, json, plain};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LoginRequest {
    log_in_by_account: AccountCredentials,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AccountCredentials {
    account_name: String,
    password: String,
}

/// The lower-case hex sha512 of a plain-text password, as clients send it.
pub fn sha512_hex(text: &str) -> String {
    Sha512::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `PUT /zstack/v1/accounts/login`
pub async fn login(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    let request: LoginRequest = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(e) => {
            return plain(
                StatusCode::BAD_REQUEST,
                format!("Invalid request body: {e}"),
            )
        }
    };
    let credentials = request.log_in_by_account;
    let mut world = shared.world();
    if let Some(refused) = job_header::refuse_sync(&headers, &mut world.jobs) {
        return refused;
    }
    let account = world
        .accounts
        .iter()
        .find(|a| {
            a.name == credentials.account_name
                && sha512_hex(&a.password).eq_ignore_ascii_case(&credentials.password)
        })
        .cloned();
    match account {
        Some(account) => {
            let inventory = world.sessions.open(&account.uuid);
            ok(&headers, json!({ "inventory": inventory }))
        }
        None => api_error(&ErrorCode::wrong_password()),
    }
}

/// `GET /zstack/v1/accounts/sessions/{uuid}/valid`
pub async fn validate_session(
    State(shared): State<Arc<Shared>>,
    Path(uuid): Path<String>,
    headers: HeaderMap,
) -> Response {
    let valid = shared.world().sessions.is_valid(&uuid);
    ok(&headers, json!({ "valid": valid }))
}

/// A 200 reply, with a `schema` when the request asked for one.
fn ok(headers: &HeaderMap, mut body: Value) -> Response {
    if schema::requested(headers) {
        schema::add(&mut body, schema::Kind::Session);
    }
    json(StatusCode::OK, &body)
}

/// `DELETE /zstack/v1/accounts/sessions/{uuid}` (logout; unknown sessions are fine)
pub async fn logout(
    State(shared): State<Arc<Shared>>,
    Path(uuid): Path<String>,
    headers: HeaderMap,
) -> Response {
    let mut world = shared.world();
    if let Some(refused) = job_header::refuse_sync(&headers, &mut world.jobs) {
        return refused;
    }
    world.sessions.close(&uuid);
    drop(world);
    ok(&headers, json!({}))
}
