//! Copying text: the asynchronous Clipboard API (allowed on secure origins, loopback included).

use wasm_bindgen::{JsCast, JsValue};

/// Copies `text`; `copied` runs once the browser confirms. Failures (no permission, insecure
/// origin) leave nothing copied and say nothing.
pub fn copy_text(text: &str, copied: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator: JsValue = window.navigator().into();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) else {
        return;
    };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")) else {
        return;
    };
    if let Some(write) = write.dyn_ref::<js_sys::Function>() {
        if let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(text)) {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                let done = wasm_bindgen::closure::Closure::once(move |_: JsValue| copied());
                // Swallow a rejection instead of leaving it unhandled.
                let ignore = wasm_bindgen::closure::Closure::once(|_: JsValue| {});
                let _ = promise.then2(&done, &ignore);
                done.forget();
                ignore.forget();
            }
        }
    }
}
