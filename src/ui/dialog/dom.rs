//! The few things the dialog asks of the page directly: focus, performance marks, confirm.

use leptos::prelude::*;

/// Moves focus to the control named `name`.
pub fn focus_control(name: &str) {
    let id = super::state::control_id(name);
    if let Some(el) = document().get_element_by_id(&id) {
        use wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// A performance mark (`performance.getEntriesByName(name)`), for hosts and benchmarks.
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// The browser's confirm; without a browser (native tests) the answer is yes.
pub fn confirm(message: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        window().confirm_with_message(message).unwrap_or(true)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = message;
        true
    }
}
