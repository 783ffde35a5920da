//! The browser side of the postMessage protocol ([`super::host_protocol`]): whether the page
//! is framed, which messages are accepted (from the parent window only, from an origin of
//! `embedOrigins` only, and from the first accepted origin on, from that one only), and
//! posting to the host with an exact target origin (never `"*"`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::host_protocol::{parse_host_message, AppMessage, HostMessage};

/// Whether the page runs inside another page's frame.
pub fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window),
        _ => false,
    }
}

/// The channel to the host; clones share it.
#[derive(Clone)]
pub struct HostChannel {
    inner: Rc<Inner>,
}

type MessageListener = Closure<dyn FnMut(web_sys::MessageEvent)>;

struct Inner {
    allowed: Vec<String>,
    /// The host's origin, once a message from it was accepted.
    peer: RefCell<Option<String>>,
    listener: RefCell<Option<MessageListener>>,
}

impl HostChannel {
    /// Listens for the host's messages (`on_message` gets the valid ones) and posts `ready` to
    /// every allowed origin. With no allowed origin nothing is ever accepted or posted.
    pub fn open(allowed: Vec<String>, on_message: impl Fn(HostMessage) + 'static) -> HostChannel {
        let channel = HostChannel {
            inner: Rc::new(Inner {
                allowed,
                peer: RefCell::new(None),
                listener: RefCell::new(None),
            }),
        };
        let this = channel.clone();
        let listener = MessageListener::new(move |event: web_sys::MessageEvent| {
            if let Some(message) = this.accept(&event) {
                on_message(message);
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
        *channel.inner.listener.borrow_mut() = Some(listener);
        for origin in channel.inner.allowed.clone() {
            channel.post_to(&origin, &AppMessage::Ready);
        }
        channel
    }

    /// The message, if it passes every check.
    fn accept(&self, event: &web_sys::MessageEvent) -> Option<HostMessage> {
        let window = web_sys::window()?;
        let parent = window.parent().ok()??;
        let source = event.source()?;
        if !js_sys::Object::is(&source, &parent) {
            return None;
        }
        let origin = event.origin();
        let peer = self.inner.peer.borrow().clone();
        let allowed = match &peer {
            Some(peer) => *peer == origin,
            None => self.inner.allowed.contains(&origin),
        };
        if !allowed {
            return None;
        }
        let data: serde_json::Value = serde_wasm_value(&event.data())?;
        let message = parse_host_message(&data)?;
        if peer.is_none() {
            *self.inner.peer.borrow_mut() = Some(origin);
        }
        Some(message)
    }

    /// Posts to the host: its origin once known, else every allowed origin (only `ready` is
    /// sent before the host spoke; a page of another origin receives nothing).
    pub fn post(&self, message: &AppMessage) {
        let peer = self.inner.peer.borrow().clone();
        match peer {
            Some(origin) => self.post_to(&origin, message),
            None => {
                for origin in self.inner.allowed.clone() {
                    self.post_to(&origin, message);
                }
            }
        }
    }

    fn post_to(&self, origin: &str, message: &AppMessage) {
        let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
            return;
        };
        let Ok(value) = js_sys::JSON::parse(&message.to_json().to_string()) else {
            return;
        };
        let _ = parent.post_message(&value, origin);
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let (Some(window), Some(listener)) = (web_sys::window(), self.listener.get_mut().take())
        {
            let _ = window
                .remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
    }
}

/// A structured-clone value as JSON (a plain object, as the protocol says; anything that does
/// not stringify is not a message of ours).
fn serde_wasm_value(value: &JsValue) -> Option<serde_json::Value> {
    let text = js_sys::JSON::stringify(value).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}
