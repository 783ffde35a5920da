//! Fetching `config.json` from beside the page (relative to the document, so a deployment under
//! a sub-path finds its own), before anything else starts.
//!
//! boot.js starts that very request (same URL, `cache: "no-cache"`) while the wasm still
//! downloads and compiles, and leaves its promise in `window.cmsConfigRequest`: the app takes
//! it (once) instead of asking again, so the request no longer waits for the wasm. A page
//! started without boot.js (a host mounting the dialog, tests) fetches here.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::runtime_config::{ConfigError, RuntimeConfig};

/// Where boot.js leaves the request it started.
const EARLY_REQUEST: &str = "cmsConfigRequest";

/// The deployment's settings: the defaults when there is no `config.json`.
pub async fn load_runtime_config() -> Result<RuntimeConfig, ConfigError> {
    let response = match early_request() {
        Some(request) => JsFuture::from(request)
            .await
            .map_err(|e| fetch_failed(&js_error_text(&e)))?
            .dyn_into::<web_sys::Response>()
            .map(gloo_net::http::Response::from)
            .map_err(|_| fetch_failed("not a response"))?,
        None => gloo_net::http::Request::get(&config_url())
            .cache(web_sys::RequestCache::NoCache)
            .send()
            .await
            .map_err(|e| fetch_failed(&e.to_string()))?,
    };
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|e| ConfigError(format!("config.json could not be read: {e}")))?;
    RuntimeConfig::from_response(status, &body)
}

fn config_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base("config.json", &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| "config.json".to_owned())
}

fn fetch_failed(detail: &str) -> ConfigError {
    ConfigError(format!("config.json could not be fetched: {detail}"))
}

/// The promise boot.js left, taken out of the window so that it serves one load only.
fn early_request() -> Option<js_sys::Promise> {
    let window: JsValue = web_sys::window()?.into();
    let key = JsValue::from_str(EARLY_REQUEST);
    let request = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    request.dyn_into::<js_sys::Promise>().ok()
}

/// A rejected fetch as gloo-net words it (`TypeError: Failed to fetch`).
fn js_error_text(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.to_string()))
        .unwrap_or_else(|| format!("{error:?}"))
}
