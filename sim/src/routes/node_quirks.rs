//! Middleware for every reply under `/zstack` that shapes it like the real node when a quirk asks
//! for it (`emptyAcceptedBody`, `noContentType`, `fullErrorCodes`, `plainText405`; see
//! [`crate::Quirk`]). It runs inside the fault middleware, so a fault's canned `respond` answer is
//! sent exactly as given. `emptyJobResult` is applied by the job poll itself.

use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use serde_json::Value;

use crate::error_code::full_error_json;
use crate::quirks::Quirk;
use crate::state::Shared;

use super::reply::plain;

const BODY_LIMIT: usize = 16 * 1024 * 1024;

pub async fn node_quirks(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    if !request.uri().path().starts_with("/zstack/") {
        return next.run(request).await;
    }
    let quirks = shared.world().quirks.clone();
    if quirks.is_empty() {
        return next.run(request).await;
    }
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let mut response = next.run(request).await;
    let status = response.status();

    if status == StatusCode::METHOD_NOT_ALLOWED && quirks.contains(Quirk::PlainText405) {
        let text = if path.starts_with("/zstack/v1/api-jobs/") {
            "only GET method is allowed for querying job status".to_string()
        } else {
            format!("The method[{method}] is not allowed for the path[{path}]")
        };
        response = plain(status, text);
    }
    if status == StatusCode::ACCEPTED && quirks.contains(Quirk::EmptyAcceptedBody) {
        let (mut parts, _) = response.into_parts();
        parts.headers.remove(header::CONTENT_TYPE);
        parts.headers.remove(header::CONTENT_LENGTH);
        response = Response::from_parts(parts, Body::empty());
    }
    if status == StatusCode::SERVICE_UNAVAILABLE && quirks.contains(Quirk::FullErrorCodes) {
        let (mut parts, body) = response.into_parts();
        let bytes = to_bytes(body, BODY_LIMIT).await.unwrap_or_default();
        let body = match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Object(mut map)) if map.contains_key("error") => {
                let full = full_error_json(&map["error"]);
                map.insert("error".to_string(), full);
                parts.headers.remove(header::CONTENT_LENGTH);
                Body::from(Value::Object(map).to_string())
            }
            _ => Body::from(bytes),
        };
        response = Response::from_parts(parts, body);
    }
    if quirks.contains(Quirk::NoContentType) {
        response.headers_mut().remove(header::CONTENT_TYPE);
    }
    response
}
