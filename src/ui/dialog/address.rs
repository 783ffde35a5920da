//! The page's address as the source list changes it: `?uuid=` names the chosen source (a new
//! history entry, so Back returns to the list), `?search=` and `?page=` where the list is (kept
//! in place, so a reload shows the same). Every other parameter (`lang`) stays; the session is
//! never written here. Outside a browser there is no address: nothing happens.

use crate::embed::ListPosition;

/// A new history entry for `source`, keeping the list's position for the way back.
pub fn push_source(source: &str, list: &ListPosition) {
    write(Some(source), list, true);
}

/// A new history entry for the list ("choose another source").
pub fn push_list(list: &ListPosition) {
    write(None, list, true);
}

/// The list's position, in place (a search typed, a page turned).
pub fn replace_list(list: &ListPosition) {
    write(None, list, false);
}

/// What the address says now: the source (if it names a valid one) and the list's position.
pub fn current() -> (Option<String>, ListPosition) {
    #[cfg(target_arch = "wasm32")]
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    let search = String::new();
    let page = crate::embed::PageConfig::from_query(&search, None, []);
    let source = match page.source {
        crate::embed::SourceParam::Uuid(uuid) => Some(uuid),
        _ => None,
    };
    (source, page.list)
}

#[cfg(target_arch = "wasm32")]
fn write(source: Option<&str>, list: &ListPosition, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    let params = url.search_params();
    match source {
        Some(uuid) => params.set("uuid", uuid),
        None => params.delete("uuid"),
    }
    for (key, value) in list.to_pairs() {
        match value {
            Some(value) => params.set(key, &value),
            None => params.delete(key),
        }
    }
    url.set_hash("");
    let Ok(history) = window.history() else {
        return;
    };
    let next = url.href();
    if push {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next));
    } else if next != href {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next));
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn write(_: Option<&str>, _: &ListPosition, _: bool) {}
