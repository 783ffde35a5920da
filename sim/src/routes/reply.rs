//! Response shapes: JSON bodies, plain-text REST-layer errors, and `{"error": ErrorCode}` 503s.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::error_code::ErrorCode;

pub fn json(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=UTF-8"),
    );
    response
}

/// A REST-layer error: plain text, not JSON.
pub fn plain(status: StatusCode, text: impl Into<String>) -> Response {
    let mut response = (status, text.into()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain;charset=UTF-8"),
    );
    response
}

/// An API error: 503 with `{"error": ErrorCode}`.
pub fn api_error(error: &ErrorCode) -> Response {
    json(StatusCode::SERVICE_UNAVAILABLE, &error.to_body())
}
