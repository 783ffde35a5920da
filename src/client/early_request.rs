//! The source query boot.js may have sent already, while the wasm was still downloading
//! (`window.cmsSourceRequest`): the browser's transport takes it on its first request and uses
//! its answer only when that request is exactly the one boot.js sent. A page started without
//! boot.js (a host mounting the dialog, the component tests) has none and asks as usual.

use super::transport::HttpRequest;

/// Where boot.js leaves it: a promise of `null` (nothing was asked for) or of
/// `{signature, response, controller}`.
#[cfg(target_arch = "wasm32")]
const WINDOW_KEY: &str = "cmsSourceRequest";

/// What makes two requests the same one: the method and the URL, then every header in order,
/// one per line; `None` for a request with a body (boot.js sends none). boot.js writes the same.
fn signature(request: &HttpRequest) -> Option<String> {
    if request.body.is_some() {
        return None;
    }
    let mut lines = vec![format!("{} {}", request.method.as_str(), request.url)];
    lines.extend(
        request
            .headers
            .iter()
            .map(|(name, value)| format!("{name}: {value}")),
    );
    Some(lines.join("\n"))
}

/// A request boot.js sent that is `request` exactly: its pending response, and its
/// AbortController (aborted if the answer is no longer wanted).
#[cfg(target_arch = "wasm32")]
pub(super) struct EarlyRequest {
    pub response: js_sys::Promise,
    pub controller: Option<web_sys::AbortController>,
}

/// Takes boot.js's request out of the window (it serves the first request only, so that a
/// later one never gets an old answer), waits for boot.js to know whether it asked, and hands
/// it over when it is `request`; any other is aborted.
#[cfg(target_arch = "wasm32")]
pub(super) async fn take(request: &HttpRequest) -> Option<EarlyRequest> {
    use js_sys::{Object, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    let window: JsValue = web_sys::window()?.into();
    let key = JsValue::from_str(WINDOW_KEY);
    let pending = Reflect::get(&window, &key)
        .ok()?
        .dyn_into::<Promise>()
        .ok()?;
    let _ = Reflect::delete_property(window.unchecked_ref::<Object>(), &key);
    let early = wasm_bindgen_futures::JsFuture::from(pending).await.ok()?;
    if !early.is_object() {
        return None;
    }
    let field = |name: &str| Reflect::get(&early, &JsValue::from_str(name)).ok();
    let controller = field("controller").and_then(|c| c.dyn_into().ok());
    let matches = field("signature").and_then(|s| s.as_string()) == signature(request);
    match field("response").and_then(|r| r.dyn_into::<Promise>().ok()) {
        Some(response) if matches => Some(EarlyRequest {
            response,
            controller,
        }),
        _ => {
            if let Some(controller) = controller {
                controller.abort();
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Method;

    fn get(url: &str, headers: &[(&str, &str)]) -> HttpRequest {
        HttpRequest {
            method: Method::Get,
            url: url.to_owned(),
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
            body: None,
        }
    }

    #[test]
    fn a_signature_names_the_method_the_url_and_every_header_in_order() {
        let request = get(
            "/zstack/v1/ai/model-services/abc",
            &[
                ("Content-Type", "application/json"),
                ("Authorization", "OAuth s1"),
            ],
        );
        assert_eq!(
            signature(&request).as_deref(),
            Some("GET /zstack/v1/ai/model-services/abc\nContent-Type: application/json\nAuthorization: OAuth s1")
        );
        let other_session = get(
            "/zstack/v1/ai/model-services/abc",
            &[
                ("Content-Type", "application/json"),
                ("Authorization", "OAuth s2"),
            ],
        );
        assert_ne!(signature(&request), signature(&other_session));
        let with_body = HttpRequest {
            body: Some("{}".into()),
            ..request
        };
        assert_eq!(signature(&with_body), None);
    }
}
