//! The postMessage protocol between a portal (the host) and the framed app: a public
//! interface, documented in `docs/embedding.md`. Every message is a plain object
//! `{"protocol": "clone-model-service", "version": 1, "type": ...}` plus its fields; anything
//! else is another party's traffic and ignored. Parsing here is pure; the browser side (origin
//! and source checks, posting) is in `host_channel`.

use serde_json::{json, Map, Value};

use super::session_token::is_session_token;
use super::theme::checked_theme;
use crate::i18n::Lang;
use crate::zstack::is_zstack_uuid;

pub const PROTOCOL: &str = "clone-model-service";
pub const VERSION: u64 = 1;

/// host → app.
#[derive(Clone, Debug, PartialEq)]
pub enum HostMessage {
    /// The session to use (a fresh one after `sessionExpired`).
    Session { session: String },
    /// Open the dialog for a source, optionally in a language, with parameters pre-filled over
    /// the source (API names and types, `{"name": "x", "requestCpu": 3}`) and a theme.
    Open {
        uuid: String,
        lang: Option<Lang>,
        params: Map<String, Value>,
        theme: Vec<(String, String)>,
    },
    /// Close without asking; the draft is kept.
    Close,
}

/// app → host.
#[derive(Clone, Debug, PartialEq)]
pub enum AppMessage {
    Ready,
    Phase {
        phase: &'static str,
    },
    Resize {
        height: u32,
    },
    /// The inventory as ZStack returned it.
    Cloned {
        inventory: Value,
    },
    Cancelled,
    SessionExpired,
}

impl AppMessage {
    pub fn to_json(&self) -> Value {
        let (kind, mut fields) = match self {
            AppMessage::Ready => ("ready", Map::new()),
            AppMessage::Phase { phase } => ("phase", object(json!({ "phase": phase }))),
            AppMessage::Resize { height } => ("resize", object(json!({ "height": height }))),
            AppMessage::Cloned { inventory } => {
                ("cloned", object(json!({ "inventory": inventory })))
            }
            AppMessage::Cancelled => ("cancelled", Map::new()),
            AppMessage::SessionExpired => ("sessionExpired", Map::new()),
        };
        fields.insert("protocol".into(), json!(PROTOCOL));
        fields.insert("version".into(), json!(VERSION));
        fields.insert("type".into(), json!(kind));
        Value::Object(fields)
    }
}

fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// A host's message, if it is one of ours and valid. Anything else — another protocol, another
/// version, a wrong type or field, a malformed uuid or session — is `None`: ignored, answered
/// with nothing, changing nothing.
pub fn parse_host_message(data: &Value) -> Option<HostMessage> {
    let m = data.as_object()?;
    if m.get("protocol")?.as_str()? != PROTOCOL || m.get("version")?.as_u64()? != VERSION {
        return None;
    }
    match m.get("type")?.as_str()? {
        "session" => {
            let session = m.get("session")?.as_str()?;
            is_session_token(session).then(|| HostMessage::Session {
                session: session.to_owned(),
            })
        }
        "open" => {
            let uuid = m.get("uuid")?.as_str()?;
            if !is_zstack_uuid(uuid) {
                return None;
            }
            let lang = match m.get("lang") {
                None | Some(Value::Null) => None,
                Some(v) => Some(Lang::from_tag(v.as_str()?)?),
            };
            let params = match m.get("params") {
                None | Some(Value::Null) => Map::new(),
                Some(v) => v.as_object()?.clone(),
            };
            let theme = match m.get("theme") {
                None | Some(Value::Null) => Vec::new(),
                Some(v) => {
                    let pairs: Option<Vec<(String, String)>> = v
                        .as_object()?
                        .iter()
                        .map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_owned())))
                        .collect();
                    checked_theme(pairs?.into_iter()).ok()?
                }
            };
            Some(HostMessage::Open {
                uuid: uuid.to_ascii_lowercase(),
                lang,
                params,
                theme,
            })
        }
        "close" => Some(HostMessage::Close),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(v: Value) -> Value {
        let mut m = object(v);
        m.insert("protocol".into(), json!(PROTOCOL));
        m.insert("version".into(), json!(1));
        Value::Object(m)
    }

    #[test]
    fn valid_messages() {
        assert_eq!(
            parse_host_message(&msg(json!({"type": "session", "session": "abc123"}))),
            Some(HostMessage::Session {
                session: "abc123".into()
            })
        );
        let open = parse_host_message(&msg(json!({"type": "open",
            "uuid": "D76744CB53F9478ABF42B907DF3EFB6E", "lang": "zh-CN",
            "params": {"name": "x", "requestCpu": 3}, "theme": {"--cms-accent": "#0a7"}})))
        .unwrap();
        let HostMessage::Open {
            uuid,
            lang,
            params,
            theme,
        } = open
        else {
            panic!("{open:?}")
        };
        assert_eq!(uuid, "d76744cb53f9478abf42b907df3efb6e");
        assert_eq!(lang, Some(Lang::ZhCn));
        assert_eq!(params["requestCpu"], 3);
        assert_eq!(theme.len(), 1);
        assert_eq!(
            parse_host_message(&msg(json!({"type": "close"}))),
            Some(HostMessage::Close)
        );
    }

    #[test]
    fn anything_else_is_ignored() {
        for v in [
            json!(null),
            json!("clone-model-service"),
            json!({"type": "session", "session": "abc"}),
            json!({"protocol": "other", "version": 1, "type": "close"}),
            json!({"protocol": PROTOCOL, "version": 2, "type": "close"}),
            json!({"protocol": PROTOCOL, "version": "1", "type": "close"}),
            msg(json!({"type": "unknown"})),
            msg(json!({"type": "session", "session": 5})),
            msg(json!({"type": "session", "session": "a\"b"})),
            msg(json!({"type": "session", "session": ""})),
            msg(json!({"type": "open", "uuid": "nope"})),
            msg(json!({"type": "open", "uuid": "d76744cb53f9478abf42b907df3efb6e", "lang": "fr"})),
            msg(json!({"type": "open", "uuid": "d76744cb53f9478abf42b907df3efb6e", "params": [1]})),
            msg(
                json!({"type": "open", "uuid": "d76744cb53f9478abf42b907df3efb6e", "theme": {"color": "red"}}),
            ),
        ] {
            assert_eq!(parse_host_message(&v), None, "{v}");
        }
    }

    #[test]
    fn app_messages_carry_the_protocol() {
        let v = AppMessage::Resize { height: 640 }.to_json();
        assert_eq!(v["protocol"], PROTOCOL);
        assert_eq!(v["version"], 1);
        assert_eq!(v["type"], "resize");
        assert_eq!(v["height"], 640);
        assert_eq!(
            AppMessage::SessionExpired.to_json()["type"],
            "sessionExpired"
        );
        assert_eq!(
            AppMessage::Cloned {
                inventory: json!({"uuid": "u"})
            }
            .to_json()["inventory"]["uuid"],
            "u"
        );
    }
}
