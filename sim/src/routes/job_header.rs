//! The `X-Job-UUID` header of POST, PUT and DELETE requests, checked as RestServer does: its length
//! only (32 characters, else 400 plain text), then that no retained job already has it (400
//! `Duplicate job uuid[...]`, nothing executed). GET requests (queries, polls) are not checked.
//!
//! Only asynchronous requests (the clone POST) create a job under their uuid; a synchronous PUT or
//! DELETE (login, logout) is refused when it reuses a job's uuid but does not record its own
//! (UNCONFIRMED: whether the node remembers the ids of synchronous calls).

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use crate::ids::is_job_uuid;
use crate::state::JobBook;

use super::reply::plain;

pub const HEADER: &str = "x-job-uuid";

/// The header's value if present, or the REST layer's 400 when its length is not 32.
#[allow(clippy::result_large_err)]
pub fn from_headers(headers: &HeaderMap) -> Result<Option<String>, Response> {
    let Some(value) = headers.get(HEADER) else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
    if !is_job_uuid(&text) {
        return Err(invalid());
    }
    Ok(Some(text))
}

/// The node's text for a job uuid whose length is not 32.
pub fn invalid() -> Response {
    plain(
        StatusCode::BAD_REQUEST,
        "Invalid header[X-Job-UUID], it must be a UUID with '-' stripped",
    )
}

/// `400 Duplicate job uuid[<uuid>]`
pub fn duplicate(uuid: &str) -> Response {
    plain(
        StatusCode::BAD_REQUEST,
        format!("Duplicate job uuid[{uuid}]"),
    )
}

/// For a synchronous PUT/DELETE: the 400 to send when its `X-Job-UUID` is invalid or names a
/// retained job, else `None` (go on).
pub fn refuse_sync(headers: &HeaderMap, jobs: &mut JobBook) -> Option<Response> {
    match from_headers(headers) {
        Err(response) => Some(response),
        Ok(Some(uuid)) if jobs.contains(&uuid) => Some(duplicate(&uuid)),
        Ok(_) => None,
    }
}
