//! `GET /zstack/v1/api-jobs/{uuid}`: 202 `{}` while running, 200 result, 503 error, 404 expired.
//! No session needed (the node does not check it here).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use crate::state::{JobState, Shared};

use super::reply::{api_error, json, plain};

pub async fn poll(State(shared): State<Arc<Shared>>, Path(uuid): Path<String>) -> Response {
    let state = shared.world().jobs.state(&uuid);
    match state {
        None => plain(StatusCode::NOT_FOUND, "the job has been expired"),
        Some(JobState::Running) => json(StatusCode::ACCEPTED, &json!({})),
        Some(JobState::Succeeded(result)) => json(StatusCode::OK, &result),
        Some(JobState::Failed(error)) => api_error(&error),
    }
}
