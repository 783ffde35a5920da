//! Reading a response whose Content-Type cannot be trusted: by status, then by trying the body
//! as the expected JSON, as `{"error": ErrorCode}`, as HTML, as plain text, or as nothing.

use serde::de::DeserializeOwned;

use super::client_error::{ClientError, ProxyBody};
use super::transport::HttpResponse;
use crate::zstack::ErrorEnvelope;

/// The plain-text start of ZStack's answer to a reused `X-Job-UUID`.
pub const DUPLICATE_JOB_PREFIX: &str = "Duplicate job uuid";

/// ZStack's plain-text answer to a poll of a job it no longer knows.
pub const JOB_EXPIRED_TEXT: &str = "the job has been expired";

/// Whether the response is ZStack's own "job expired" 404 (not a proxy's 404).
pub fn is_job_expired(response: &HttpResponse) -> bool {
    response.status == 404 && response.body.trim().eq_ignore_ascii_case(JOB_EXPIRED_TEXT)
}

/// Whether the body is ZStack's "already accepted" answer to a reused job uuid.
pub fn is_duplicate_job(response: &HttpResponse) -> bool {
    response.status == 400 && response.body.trim_start().starts_with(DUPLICATE_JOB_PREFIX)
}

/// A 2xx body parsed as `T`, else the error the response means.
pub fn decode<T: DeserializeOwned>(response: &HttpResponse) -> Result<T, ClientError> {
    if (200..300).contains(&response.status) {
        match serde_json::from_str::<T>(&response.body) {
            Ok(v) => return Ok(v),
            Err(e) if looks_like_json(&response.body) => {
                return Err(ClientError::Malformed {
                    status: response.status,
                    detail: e.to_string(),
                })
            }
            Err(_) => {}
        }
    }
    Err(error_of(response))
}

/// The error a (non-success) response means.
pub fn error_of(response: &HttpResponse) -> ClientError {
    let status = response.status;
    let body = response.body.trim();
    if body.is_empty() {
        return ClientError::Proxy {
            status,
            body: ProxyBody::Empty,
        };
    }
    if looks_like_json(body) {
        return match serde_json::from_str::<ErrorEnvelope>(body) {
            Ok(env) if env.error.is_session_invalid() => ClientError::SessionInvalid {
                error: Some(Box::new(env.error)),
            },
            Ok(env) => ClientError::Api {
                status,
                error: Box::new(env.error),
            },
            Err(e) => ClientError::Malformed {
                status,
                detail: e.to_string(),
            },
        };
    }
    if body.starts_with('<') {
        return ClientError::Proxy {
            status,
            body: ProxyBody::Html {
                title: html_title(body),
            },
        };
    }
    ClientError::Rest {
        status,
        text: body.to_owned(),
    }
}

fn looks_like_json(body: &str) -> bool {
    body.trim_start().starts_with(['{', '['])
}

fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<title>")? + "<title>".len();
    let end = start + lower[start..].find("</title>")?;
    let title = html[start..end].trim();
    (!title.is_empty()).then(|| title.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zstack::{QueryReply, SessionValidity};

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            body: body.to_owned(),
        }
    }

    #[test]
    fn success_bodies_decode() {
        let v: SessionValidity = decode(&resp(200, r#"{"valid":true}"#)).unwrap();
        assert!(v.valid);
        let q: QueryReply<serde_json::Value> = decode(&resp(200, r#"{"inventories":[]}"#)).unwrap();
        assert!(q.inventories.is_empty());
    }

    #[test]
    fn error_code_bodies_with_causes() {
        let e = error_of(&resp(
            503,
            r#"{"error":{"code":"SYS.1006","details":"clone failed",
                "cause":{"code":"SYS.1003","details":"invalid field[uuid], resource[uuid:x] not found"}}}"#,
        ));
        assert_eq!(e.code(), Some("SYS.1006"));
        assert_eq!(e.details(), Some("clone failed"));
        assert_eq!(e.causes().len(), 1);
        assert_eq!(e.status(), Some(503));
    }

    #[test]
    fn session_invalid_is_distinct() {
        let e = error_of(&resp(
            503,
            r#"{"error":{"code":"SYS.1006","cause":{"code":"ID.1001","description":"session expired"}}}"#,
        ));
        assert!(e.is_session_invalid());
        assert_eq!(e.code(), Some("SYS.1006"));
    }

    #[test]
    fn plain_text_html_and_empty_bodies() {
        assert_eq!(
            error_of(&resp(400, "missing header 'Authorization'")),
            ClientError::Rest {
                status: 400,
                text: "missing header 'Authorization'".into()
            }
        );
        assert_eq!(
            error_of(&resp(404, "no api mapping to /v1/x")).status(),
            Some(404)
        );
        let html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
        let e = error_of(&resp(502, html));
        assert_eq!(
            e,
            ClientError::Proxy {
                status: 502,
                body: ProxyBody::Html {
                    title: Some("502 Bad Gateway".into())
                }
            }
        );
        assert!(e.is_transient());
        assert_eq!(
            error_of(&resp(504, "  ")),
            ClientError::Proxy {
                status: 504,
                body: ProxyBody::Empty
            }
        );
        // 200 with an HTML page (a proxy's login page) is not a success.
        let r: Result<SessionValidity, _> = decode(&resp(200, "<!DOCTYPE html><html></html>"));
        assert!(matches!(r, Err(ClientError::Proxy { status: 200, .. })));
        let r: Result<SessionValidity, _> = decode(&resp(200, r#"{"valid":"maybe"}"#));
        assert!(matches!(r, Err(ClientError::Malformed { .. })));
    }

    #[test]
    fn duplicate_job_is_recognised() {
        assert!(is_duplicate_job(&resp(
            400,
            "Duplicate job uuid[3f4e5c1a2b3c4d5e6f708192a3b4c5d6]"
        )));
        assert!(!is_duplicate_job(&resp(409, "Duplicate job uuid")));
        assert!(!is_duplicate_job(&resp(400, "missing header")));
    }
}
