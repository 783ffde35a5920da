//! The client's errors as one sentence in the user's language. ZStack's own texts (codes,
//! descriptions, details, plain-text answers) are quoted as sent.

use super::Lang;
use crate::client::{ClientError, ProxyBody};

/// One sentence for the user.
pub fn error_message(lang: Lang, error: &ClientError) -> String {
    let zh = lang == Lang::ZhCn;
    match error {
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
                format!("No answer from ZStack: a proxy or gateway returned HTTP {status}{what}.")
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
                format!("等待 {s} 秒后仍未得到应答,已停止等待;操作可能仍在 ZStack 中进行。")
            } else {
                format!("No answer after {s} s; the operation may still be running in ZStack.")
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
                format!("任务已完成,但暂未找到 UUID 为 {resource_uuid} 的模型服务。")
            } else {
                format!("The job finished but no model service {resource_uuid} was found yet.")
            }
        }
        ClientError::StorageUnavailable => if zh {
            "浏览器无法保存本次克隆的记录(存储已满或被禁用),因此未发送克隆请求:否则页面重新加载后无法确认克隆是否已执行。请释放浏览器存储或允许本站使用会话存储后重试。"
        } else {
            "The browser could not keep a record of this clone (storage is full or disabled), so the clone was not sent: after a reload nobody could tell whether it ran. Free some browser storage or allow this site's session storage, then try again."
        }
        .to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zstack::ErrorCode;

    fn every_kind() -> Vec<ClientError> {
        vec![
            ClientError::Api {
                status: 503,
                error: Box::new(ErrorCode {
                    code: Some("SYS.1006".into()),
                    details: Some("clone failed".into()),
                    ..ErrorCode::default()
                }),
            },
            ClientError::SessionInvalid { error: None },
            ClientError::Rest {
                status: 400,
                text: "missing header".into(),
            },
            ClientError::Proxy {
                status: 502,
                body: ProxyBody::Html {
                    title: Some("502 Bad Gateway".into()),
                },
            },
            ClientError::Malformed {
                status: 200,
                detail: "x".into(),
            },
            ClientError::Network { detail: "x".into() },
            ClientError::Timeout { elapsed_ms: 12_000 },
            ClientError::JobExpired {
                job_uuid: "j".into(),
            },
            ClientError::CloneNotFound {
                resource_uuid: "r".into(),
            },
            ClientError::StorageUnavailable,
        ]
    }

    #[test]
    fn every_error_has_a_sentence_in_both_languages() {
        for e in every_kind() {
            let (en, zh) = (error_message(Lang::En, &e), error_message(Lang::ZhCn, &e));
            assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{e:?}");
        }
        let api = &every_kind()[0];
        assert!(error_message(Lang::En, api).contains("SYS.1006"));
        assert!(error_message(Lang::ZhCn, &every_kind()[3]).contains("502"));
    }
}
