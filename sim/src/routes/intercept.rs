//! Middleware for every request under `/zstack` (with `--control`): records it in the request
//! log and applies the first matching injected fault.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::connection::ConnectionKiller;
use crate::faults::FaultAction;
use crate::request_log::{body_for_log, LoggedRequest};
use crate::state::Shared;

use super::reply::plain;

const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// A job fault (`jobFail` / `jobHang`) handed to the async API handler.
#[derive(Clone, Debug)]
pub struct JobFault(pub FaultAction);

pub async fn intercept(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    if !shared.settings.control || !request.uri().path().starts_with("/zstack/") {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let bytes = match to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => bytes,
        Err(e) => {
            return plain(
                StatusCode::BAD_REQUEST,
                format!("cannot read request body: {e}"),
            )
        }
    };
    let method = parts.method.to_string();
    let path = parts.uri.path().to_string();
    let entry = LoggedRequest {
        id: 0,
        method: method.clone(),
        path: path.clone(),
        query: parts.uri.query().map(str::to_string),
        headers: headers_for_log(&parts.headers),
        body: body_for_log(&bytes),
        status: None,
        dropped: None,
    };
    let (id, fault) = {
        let mut world = shared.world();
        let id = world.log.push(entry);
        (id, world.faults.take(&method, &path))
    };
    let complete = |status: Option<u16>, dropped: Option<&'static str>| {
        shared.world().log.complete(id, status, dropped);
    };
    let killer = parts.extensions.get::<ConnectionKiller>().cloned();
    let mut drop_after = false;
    match fault {
        None => {}
        Some(FaultAction::Respond {
            status,
            content_type,
            body,
        }) => {
            let response = canned_response(status, content_type.as_deref(), &body);
            complete(Some(response.status().as_u16()), None);
            return response;
        }
        Some(FaultAction::Delay { ms }) => tokio::time::sleep(Duration::from_millis(ms)).await,
        Some(FaultAction::DropBefore) => {
            complete(None, Some("before"));
            return drop_connection(killer).await;
        }
        Some(FaultAction::DropAfter) => drop_after = true,
        Some(action @ (FaultAction::JobFail { .. } | FaultAction::JobHang)) => {
            parts.extensions.insert(JobFault(action));
        }
    }
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let status = response.status().as_u16();
    if drop_after {
        // Make sure the handler's effects are complete (the body is produced), then drop.
        let _ = to_bytes(response.into_body(), BODY_LIMIT).await;
        complete(Some(status), Some("after"));
        return drop_connection(killer).await;
    }
    complete(Some(status), None);
    response
}

fn headers_for_log(headers: &axum::http::HeaderMap) -> BTreeMap<String, String> {
    let mut logged: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in headers {
        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
        logged
            .entry(name.as_str().to_string())
            .and_modify(|existing| {
                existing.push_str(", ");
                existing.push_str(&value);
            })
            .or_insert(value);
    }
    logged
}

fn canned_response(status: u16, content_type: Option<&str>, body: &Value) -> Response {
    let text = match body {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, text).into_response();
    response.headers_mut().remove(header::CONTENT_TYPE);
    if let Some(value) = content_type.and_then(|c| HeaderValue::from_str(c).ok()) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
}

/// Closes the client's TCP connection without an answer (the response future never resolves).
async fn drop_connection(killer: Option<ConnectionKiller>) -> Response {
    match killer {
        Some(killer) => {
            killer.kill();
            std::future::pending().await
        }
        None => plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            "zstack-sim: cannot drop a connection that is not served by zstack-sim",
        ),
    }
}
