//! Every failure of the client, as one typed error the UI can explain.

use crate::i18n::Lang;
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
    /// The session is invalid or expired (ID.1001): log in again and resume; the draft and the
    /// clone intent are kept.
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
    /// The job finished but no service with the clone's `resourceUuid` can be found.
    CloneNotFound { resource_uuid: String },
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

    /// One sentence for the user, in their language (ZStack's own texts are kept as sent).
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::ZhCn;
        match self {
            ClientError::Api { error, .. } => {
                let code = error.code.as_deref().unwrap_or("?");
                let what = error.summary();
                if zh {
                    format!("ZStack 返回错误 {code}:{what}")
                } else {
                    format!("ZStack error {code}: {what}")
                }
            }
            ClientError::SessionInvalid { .. } => if zh {
                "会话已失效或过期,请重新登录;您填写的内容会保留。"
            } else {
                "Your session is invalid or has expired. Log in again; your input is kept."
            }
            .to_owned(),
            ClientError::Rest { status, text } => {
                let text = text.trim();
                if zh {
                    format!("ZStack 拒绝了请求(HTTP {status}):{text}")
                } else {
                    format!("ZStack refused the request (HTTP {status}): {text}")
                }
            }
            ClientError::Proxy { status, body } => {
                let what = match body {
                    ProxyBody::Html { title: Some(t) } => format!(" ({t})"),
                    _ => String::new(),
                };
                if zh {
                    format!("未收到 ZStack 的应答:代理或网关返回 HTTP {status}{what}。")
                } else {
                    format!(
                        "No answer from ZStack: a proxy or gateway returned HTTP {status}{what}."
                    )
                }
            }
            ClientError::Malformed { status, detail } => {
                if zh {
                    format!("ZStack 的应答无法识别(HTTP {status}):{detail}")
                } else {
                    format!("Unexpected answer from ZStack (HTTP {status}): {detail}")
                }
            }
            ClientError::Network { detail } => {
                if zh {
                    format!("无法连接到 ZStack:{detail}")
                } else {
                    format!("Cannot reach ZStack: {detail}")
                }
            }
            ClientError::Timeout { elapsed_ms } => {
                let s = elapsed_ms / 1000;
                if zh {
                    format!("等待 {s} 秒后仍未完成,已停止等待;操作可能仍在 ZStack 中进行。")
                } else {
                    format!(
                        "Stopped waiting after {s} s; the operation may still be running in ZStack."
                    )
                }
            }
            ClientError::JobExpired { job_uuid } => {
                if zh {
                    format!("任务 {job_uuid} 的记录已过期,且未找到克隆出的服务。")
                } else {
                    format!("The record of job {job_uuid} has expired and no clone was found.")
                }
            }
            ClientError::CloneNotFound { resource_uuid } => {
                if zh {
                    format!("任务已完成,但未找到 UUID 为 {resource_uuid} 的模型服务。")
                } else {
                    format!("The job finished but no model service {resource_uuid} was found.")
                }
            }
        }
    }
}

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ClientError {}
