//! boot.js sends the source query while the wasm downloads (`window.cmsSourceRequest`), and the
//! app uses its answer only when its own first request is exactly that one. So boot.js's
//! constants must be the app's: the session's store key, the default API base, the source's
//! path and the headers the client sends. A drift would not break the app (it would ask
//! again), only lose the head start; this test catches it.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::future::{pending, Future};

use clone_model_service::client::{
    ClientConfig, Clock, HttpRequest, HttpResponse, Transport, TransportError, ZStackClient,
};
use clone_model_service::embed::{RuntimeConfig, SESSION_KEY};

const BOOT_JS: &str = include_str!("../boot.js");

/// The string value of `const NAME = "...";` in boot.js.
fn boot_constant(name: &str) -> &'static str {
    let start = format!("const {name} = \"");
    let at = BOOT_JS
        .find(&start)
        .unwrap_or_else(|| panic!("boot.js has no `{start}`"))
        + start.len();
    let len = BOOT_JS[at..]
        .find('"')
        .expect("the constant's closing quote");
    &BOOT_JS[at..at + len]
}

/// Keeps the request it is given and answers nothing.
#[derive(Default)]
struct Recorder(RefCell<Option<HttpRequest>>);

impl Transport for &Recorder {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        *self.0.borrow_mut() = Some(request);
        Err(TransportError::Network("recorded".into()))
    }
}

/// A clock whose timeouts never end: the recorder's answer comes first.
struct Still;

impl Clock for Still {
    fn now_ms(&self) -> f64 {
        0.0
    }
    fn sleep(&self, _ms: u32) -> impl Future<Output = ()> {
        pending()
    }
}

#[test]
fn boot_js_asks_for_the_source_exactly_as_the_client_does() {
    let uuid = "0123456789abcdef0123456789abcdef";
    let recorder = Recorder::default();
    let client = ZStackClient::new(
        ClientConfig {
            api_base: RuntimeConfig::default().api_base,
            session: Some("s3ss10n".into()),
            ..ClientConfig::default()
        },
        &recorder,
        Still,
    );
    let _ = futures::executor::block_on(client.model_service(uuid));
    let request = recorder.0.take().expect("the client sent the source query");

    // boot.js: `${base}${SOURCE_PATH}${uuid}` with base from config.json, else DEFAULT_API_BASE.
    assert_eq!(
        request.url,
        format!(
            "{}{}{uuid}",
            boot_constant("DEFAULT_API_BASE"),
            boot_constant("SOURCE_PATH")
        )
    );
    assert_eq!(request.body, None);
    // boot.js: `[["Content-Type", JSON_TYPE], ["Authorization", `OAuth ${session}`]]`.
    assert!(BOOT_JS.contains(
        r#"const headers = [["Content-Type", JSON_TYPE], ["Authorization", `OAuth ${session}`]];"#
    ));
    assert_eq!(
        request.headers,
        vec![
            (
                "Content-Type".to_owned(),
                boot_constant("JSON_TYPE").to_owned()
            ),
            ("Authorization".to_owned(), "OAuth s3ss10n".to_owned()),
        ]
    );
    // The session boot.js reads from the tab's store is the app's.
    assert_eq!(boot_constant("SESSION_KEY"), SESSION_KEY);
}
