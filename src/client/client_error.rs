//! Every failure of the client, as one typed error; `i18n::error_message` says it to the user.

use crate::zstack::ErrorCode;

/// What a non-ZStack body looked like: a proxy's HTML page or nothing at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProxyBody {
    /// An HTML page; its `<title>` if it has one.
    Html {
        title: Option<String>,
    },
    Empty,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ClientError {
    /// ZStack answered with an ErrorCode (`{"error": ...}`).
    Api { status: u16, error: Box<ErrorCode> },
    /// The session is invalid or expired (ID.1001 anywhere in the chain).
    SessionInvalid { error: Option<Box<ErrorCode>> },
    /// A REST-layer error in plain text (`missing header 'Authorization'`, 404 `no api
    /// mapping`, 405, 500 with an exception message...).
    Rest { status: u16, text: String },
    /// Not ZStack's answer: an HTML page or an empty body, typically from a reverse proxy.
    Proxy { status: u16, body: ProxyBody },
    /// JSON of a shape the client did not expect.
    Malformed { status: u16, detail: String },
    /// No response at all.
    Network { detail: String },
    /// The overall time allowed ran out.
    Timeout { elapsed_ms: u64 },
    /// The clone's job record expired and no service with its `resourceUuid` exists.
    JobExpired { job_uuid: String },
    /// The job finished but no service with the clone's `resourceUuid` was found (yet).
    CloneNotFound { resource_uuid: String },
    /// The browser would not keep the clone's record, so the clone was not sent.
    StorageUnavailable,
}

impl ClientError {
    /// The ErrorCode, for API errors and session errors that carried one.
    pub fn error_code(&self) -> Option<&ErrorCode> {
        match self {
            ClientError::Api { error, .. } => Some(error),
            ClientError::SessionInvalid { error } => error.as_deref(),
            _ => None,
        }
    }

    pub fn code(&self) -> Option<&str> {
        self.error_code().and_then(|e| e.code.as_deref())
    }

    pub fn description(&self) -> Option<&str> {
        self.error_code().and_then(|e| e.description.as_deref())
    }

    pub fn details(&self) -> Option<&str> {
        self.error_code().and_then(|e| e.details.as_deref())
    }

    /// The errors below the top one (`cause` chain and `causes`), depth first.
    pub fn causes(&self) -> Vec<&ErrorCode> {
        self.error_code()
            .map(ErrorCode::causes_chain)
            .unwrap_or_default()
    }

    /// The HTTP status, when there was a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api { status, .. }
            | ClientError::Rest { status, .. }
            | ClientError::Proxy { status, .. }
            | ClientError::Malformed { status, .. } => Some(*status),
            _ => None,
        }
    }

    pub fn is_session_invalid(&self) -> bool {
        matches!(self, ClientError::SessionInvalid { .. })
    }

    /// Whether trying the same request again may succeed (no response, or a proxy's 502-504).
    pub fn is_transient(&self) -> bool {
        match self {
            ClientError::Network { .. } => true,
            ClientError::Proxy { status, .. } => matches!(status, 0 | 408 | 429 | 502..=504),
            _ => false,
        }
    }

    /// The same error with every occurrence of `secret` (the session uuid, which ZStack's
    /// `details` or a proxy's page may quote) replaced, so no view can render it.
    pub fn redacted(&self, secret: &str) -> ClientError {
        if secret.is_empty() {
            return self.clone();
        }
        let hide = |s: &str| s.replace(secret, REDACTED);
        match self {
            ClientError::Api { status, error } => ClientError::Api {
                status: *status,
                error: Box::new(error.redacted(secret, REDACTED)),
            },
            ClientError::SessionInvalid { error } => ClientError::SessionInvalid {
                error: error
                    .as_ref()
                    .map(|e| Box::new(e.redacted(secret, REDACTED))),
            },
            ClientError::Rest { status, text } => ClientError::Rest {
                status: *status,
                text: hide(text),
            },
            ClientError::Proxy {
                status,
                body: ProxyBody::Html { title },
            } => ClientError::Proxy {
                status: *status,
                body: ProxyBody::Html {
                    title: title.as_deref().map(hide),
                },
            },
            ClientError::Malformed { status, detail } => ClientError::Malformed {
                status: *status,
                detail: hide(detail),
            },
            ClientError::Network { detail } => ClientError::Network {
                detail: hide(detail),
            },
            other => other.clone(),
        }
    }
}

/// What a redacted session uuid is shown as.
pub const REDACTED: &str = "•••";

impl std::fmt::Display for ClientError {
    /// For logs and test failures; the user reads `i18n::error_message`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for ClientError {}
