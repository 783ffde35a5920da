//! `GET /zstack/v1/api-jobs/{uuid}`: 202 `{}` while running, 200 result, 503 error, 404 expired.
//! No session needed (the node does not check it here).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::json;

use crate::quirks::Quirk;
use crate::schema;
use crate::state::{JobState, Shared};

use super::reply::{api_error, json, plain};

pub async fn poll(
    State(shared): State<Arc<Shared>>,
    Path(uuid): Path<String>,
    headers: HeaderMap,
) -> Response {
    let (state, empty_result) = {
        let mut world = shared.world();
        let empty_result = world.quirks.contains(Quirk::EmptyJobResult);
        (world.jobs.state(&uuid), empty_result)
    };
    match state {
        None => plain(StatusCode::NOT_FOUND, "the job has been expired"),
        Some(JobState::Running) => json(StatusCode::ACCEPTED, &json!({})),
        Some(JobState::Succeeded(mut result)) => {
            if empty_result {
                result = json!({});
            }
            // The schema follows the poll request's header (RestServer.handleJobQuery writes the
            // result in the context of the poll).
            if schema::requested(&headers) {
                schema::add(&mut result, schema::Kind::ModelService);
            }
            json(StatusCode::OK, &result)
        }
        Some(JobState::Failed(error)) => api_error(&error),
    }
}
