//! The `Authorization: OAuth <session-uuid>` header, checked as the REST layer does.

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;

use super::reply::plain;

/// The session uuid from the header, or the REST layer's 400 plain-text answer.
#[allow(clippy::result_large_err)]
pub fn session_uuid(headers: &HeaderMap) -> Result<String, Response> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or_else(|| plain(StatusCode::BAD_REQUEST, "missing header 'Authorization'"))?;
    let text = value.to_str().unwrap_or("").trim();
    let (scheme, session) = text.split_once(' ').unwrap_or((text, ""));
    if scheme != "OAuth" {
        return Err(plain(
            StatusCode::BAD_REQUEST,
            "Authorization type must be 'OAuth'",
        ));
    }
    Ok(session.trim().to_string())
}
