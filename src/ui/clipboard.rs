//! Copying text with the asynchronous Clipboard API (secure origins, loopback included), and
//! what the copy button says about it: "Copied." only once the browser confirmed, a failure
//! when it refused, and nothing again a moment later or once [`Copier::reset`] says that what
//! would be copied changed.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Text;

/// What the last copy came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyStatus {
    Idle,
    Copied,
    /// The browser refused (no permission, an insecure origin, no Clipboard API).
    Failed,
}

impl CopyStatus {
    /// The text to announce, if any.
    pub fn text(self) -> Option<Text> {
        match self {
            CopyStatus::Idle => None,
            CopyStatus::Copied => Some(Text::Copied),
            CopyStatus::Failed => Some(Text::CopyFailed),
        }
    }
}

/// How long "Copied." (or the failure) stays.
const SHOWN_FOR: Duration = Duration::from_millis(2500);

/// One copy button's state.
#[derive(Clone, Copy)]
pub struct Copier {
    status: RwSignal<CopyStatus>,
    /// Bumped by every copy and reset, so a late answer or timer of an earlier copy is ignored.
    generation: StoredValue<u32>,
}

impl Copier {
    pub fn new() -> Copier {
        Copier {
            status: RwSignal::new(CopyStatus::Idle),
            generation: StoredValue::new(0),
        }
    }

    pub fn status(&self) -> CopyStatus {
        self.status.get()
    }

    /// Forgets the last outcome (what would be copied changed).
    pub fn reset(&self) {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        if self.status.get_untracked() != CopyStatus::Idle {
            self.status.set(CopyStatus::Idle);
        }
    }

    /// Copies `text` and shows the outcome for a moment.
    pub fn copy(&self, text: String) {
        self.reset();
        let mine = self.generation.get_value();
        let this = *self;
        spawn_local(async move {
            let outcome = match write_text(&text).await {
                Ok(()) => CopyStatus::Copied,
                Err(()) => CopyStatus::Failed,
            };
            if this.generation.try_get_value() != Some(mine) {
                return;
            }
            this.status.set(outcome);
            set_timeout(
                move || {
                    if this.generation.try_get_value() == Some(mine) {
                        this.status.set(CopyStatus::Idle);
                    }
                },
                SHOWN_FOR,
            );
        });
    }
}

impl Default for Copier {
    fn default() -> Self {
        Copier::new()
    }
}

/// `navigator.clipboard.writeText(text)`, awaited.
async fn write_text(text: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let navigator: JsValue = window.navigator().into();
    let clipboard =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).map_err(|_| ())?;
    let write =
        js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")).map_err(|_| ())?;
    let write = write.dyn_into::<js_sys::Function>().map_err(|_| ())?;
    let promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|_| ())?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}
