//! The browser's transport (fetch through gloo-net) and clock (setTimeout). wasm32 only.

use gloo_net::http::{Method as GlooMethod, RequestBuilder};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

use super::early_request;
use super::transport::{Clock, HttpRequest, HttpResponse, Method, Transport, TransportError};

/// `fetch` with one AbortController per request: dropping the future (a closed dialog, a
/// timeout) aborts the request in the browser.
#[derive(Clone, Copy, Debug, Default)]
pub struct FetchTransport;

/// Aborts its controller when dropped before the response was read.
struct AbortOnDrop {
    controller: Option<AbortController>,
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = self.controller.take() {
            c.abort();
        }
    }
}

fn network(e: impl std::fmt::Display) -> TransportError {
    TransportError::Network(e.to_string())
}

/// A rejected fetch as gloo-net words it (`TypeError: Failed to fetch`).
fn rejected(error: wasm_bindgen::JsValue) -> TransportError {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => network(String::from(e.to_string())),
        None => network(format!("{error:?}")),
    }
}

/// The status and the text of a response, as every request here reads it.
async fn read(response: gloo_net::http::Response) -> Result<HttpResponse, TransportError> {
    let status = response.status();
    let body = response.text().await.map_err(network)?;
    Ok(HttpResponse { status, body })
}

impl Transport for FetchTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        if let Some(early) = early_request::take(&request).await {
            let mut guard = AbortOnDrop {
                controller: early.controller,
            };
            let response = JsFuture::from(early.response)
                .await
                .map_err(rejected)?
                .dyn_into::<web_sys::Response>()
                .map_err(|_| network("not a response"))?;
            let response = read(response.into()).await?;
            guard.controller = None;
            return Ok(response);
        }
        let controller = AbortController::new().map_err(|e| network(format!("{e:?}")))?;
        let signal = controller.signal();
        let mut guard = AbortOnDrop {
            controller: Some(controller),
        };
        let method = match request.method {
            Method::Get => GlooMethod::GET,
            Method::Post => GlooMethod::POST,
            Method::Put => GlooMethod::PUT,
            Method::Delete => GlooMethod::DELETE,
        };
        let mut builder = RequestBuilder::new(&request.url)
            .method(method)
            .abort_signal(Some(&signal));
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let built = match request.body {
            Some(body) => builder.body(body),
            None => builder.build(),
        }
        .map_err(network)?;
        let response = read(built.send().await.map_err(network)?).await?;
        guard.controller = None;
        Ok(response)
    }
}

/// `performance.now()` (monotonic: a clock change cannot end a wait early or late) and
/// `setTimeout`.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now_ms(&self) -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map(|p| p.now())
            .unwrap_or_else(js_sys::Date::now)
    }

    async fn sleep(&self, ms: u32) {
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    resolve.unchecked_ref(),
                    ms.min(i32::MAX as u32) as i32,
                );
            }
        });
        let _ = JsFuture::from(promise).await;
    }
}
