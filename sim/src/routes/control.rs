//! The test-control API under `/__sim` (only with `--control`): request log, reset, faults,
//! quirks, sessions, state.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::faults::{FaultAction, FaultSpec};
use crate::quirks::Quirks;
use crate::state::Shared;

use super::reply::{json, plain};

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/__sim/requests", get(requests).delete(clear_requests))
        .route("/__sim/reset", post(reset))
        .route(
            "/__sim/faults",
            get(list_faults).post(add_faults).delete(clear_faults),
        )
        .route("/__sim/sessions", post(mint_session))
        .route("/__sim/sessions/expire", post(expire_sessions))
        .route("/__sim/state", get(state))
        .route("/__sim/quirks", get(get_quirks).put(put_quirks))
}

async fn requests(State(shared): State<Arc<Shared>>) -> Response {
    let log = serde_json::to_value(shared.world().log.entries()).unwrap_or(Value::Null);
    json(StatusCode::OK, &log)
}

async fn clear_requests(State(shared): State<Arc<Shared>>) -> Response {
    shared.world().log.clear();
    json(StatusCode::OK, &json!({}))
}

async fn reset(State(shared): State<Arc<Shared>>) -> Response {
    shared.world().reset();
    json(StatusCode::OK, &json!({}))
}

async fn list_faults(State(shared): State<Arc<Shared>>) -> Response {
    let faults = serde_json::to_value(shared.world().faults.list()).unwrap_or(Value::Null);
    json(StatusCode::OK, &faults)
}

async fn clear_faults(State(shared): State<Arc<Shared>>) -> Response {
    shared.world().faults.clear();
    json(StatusCode::OK, &json!({}))
}

/// Body: one fault object, or an array of them. Answers with the pending fault(s) (with ids).
async fn add_faults(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let value: Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(e) => return plain(StatusCode::BAD_REQUEST, format!("invalid JSON: {e}")),
    };
    let is_array = value.is_array();
    let items = match value {
        Value::Array(items) => items,
        other => vec![other],
    };
    let mut specs = Vec::new();
    for item in items {
        match serde_json::from_value::<FaultSpec>(item) {
            Ok(spec) => {
                if let FaultAction::Respond { status, .. } = &spec.action {
                    if StatusCode::from_u16(*status).is_err() {
                        return plain(StatusCode::BAD_REQUEST, format!("invalid status {status}"));
                    }
                }
                specs.push(spec);
            }
            Err(e) => return plain(StatusCode::BAD_REQUEST, format!("invalid fault: {e}")),
        }
    }
    let mut world = shared.world();
    let added: Vec<Value> = specs
        .into_iter()
        .map(|spec| serde_json::to_value(world.faults.add(spec)).unwrap_or(Value::Null))
        .collect();
    let body = if is_array {
        Value::Array(added)
    } else {
        added.into_iter().next().unwrap_or(Value::Null)
    };
    json(StatusCode::OK, &body)
}

async fn get_quirks(State(shared): State<Arc<Shared>>) -> Response {
    let quirks = shared.world().quirks.to_json();
    json(StatusCode::OK, &quirks)
}

/// Body: a list of quirk names or an object of booleans; replaces the whole set. Answers like GET.
async fn put_quirks(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let value: Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(e) => return plain(StatusCode::BAD_REQUEST, format!("invalid JSON: {e}")),
    };
    match Quirks::from_json(&value) {
        Ok(quirks) => {
            let answer = quirks.to_json();
            shared.world().quirks = quirks;
            json(StatusCode::OK, &answer)
        }
        Err(message) => plain(StatusCode::BAD_REQUEST, message),
    }
}

/// Mints a session for the seed's first account (the admin) without a login request.
async fn mint_session(State(shared): State<Arc<Shared>>) -> Response {
    let mut world = shared.world();
    let Some(account) = world.accounts.first().cloned() else {
        return plain(StatusCode::CONFLICT, "the seed has no account");
    };
    let inventory = world.sessions.open(&account.uuid);
    json(
        StatusCode::OK,
        &json!({ "uuid": inventory.uuid, "inventory": inventory }),
    )
}

async fn expire_sessions(State(shared): State<Arc<Shared>>) -> Response {
    let expired = shared.world().sessions.expire_all();
    json(StatusCode::OK, &json!({ "expired": expired }))
}

async fn state(State(shared): State<Arc<Shared>>) -> Response {
    let world = shared.world();
    let (running, succeeded, failed) = world.jobs.counts();
    json(
        StatusCode::OK,
        &json!({
            "modelServices": world.model_services,
            "cloneCount": world.clone_count,
            "tagAttachments": world.tag_attachments,
            "resourceTags": world.resource_tags,
            "validSessions": world.sessions.valid_count(),
            "jobs": { "running": running, "succeeded": succeeded, "failed": failed },
            "pendingFaults": world.faults.list().len(),
            "quirks": world.quirks.iter().map(|q| q.name()).collect::<Vec<_>>(),
            "loggedRequests": world.log.entries().len(),
        }),
    )
}
