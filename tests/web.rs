//! Components mounted in a real DOM, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use clone_model_service::ui::CloneDialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the dialog (no source given) into a fresh container; the handle unmounts it when
/// dropped.
fn mount_app() -> (web_sys::HtmlElement, impl Drop) {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), || {
        view! { <CloneDialog source_uuid=None /> }
    });
    (container, handle)
}

fn title_text(container: &web_sys::HtmlElement) -> String {
    container
        .query_selector("#cms-title")
        .unwrap()
        .expect("title")
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_app_mounts_an_open_modal_dialog_labelled_by_its_title() {
    let (container, _handle) = mount_app();
    leptos::task::tick().await;
    let dialog: web_sys::HtmlDialogElement = container
        .query_selector("dialog.cms-dialog")
        .unwrap()
        .expect("dialog")
        .unchecked_into();
    assert!(dialog.open(), "the dialog is shown");
    assert!(dialog.matches(":modal").unwrap(), "the dialog is modal");
    assert_eq!(
        dialog.get_attribute("aria-labelledby").as_deref(),
        Some("cms-title")
    );
    // The test page has no ?uuid=: the dialog says so instead of loading.
    assert_eq!(
        dialog.get_attribute("data-phase").as_deref(),
        Some("unavailable")
    );
    let message = container
        .query_selector("dialog [role=alert]")
        .unwrap()
        .expect("message")
        .text_content()
        .unwrap_or_default();
    assert!(message.contains("?uuid="), "{message}");
    assert!(!title_text(&container).is_empty());
    dialog.close();
}

#[wasm_bindgen_test]
async fn switching_the_language_changes_the_texts_in_place() {
    let (container, _handle) = mount_app();
    leptos::task::tick().await;
    let select: web_sys::HtmlSelectElement = container
        .query_selector("select[name=lang]")
        .unwrap()
        .expect("language select")
        .unchecked_into();
    for (tag, title) in [("zh-CN", "克隆模型服务"), ("en", "Clone model service")] {
        select.set_value(tag);
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        leptos::task::tick().await;
        assert_eq!(title_text(&container), title);
        let dialog = container.query_selector("dialog").unwrap().unwrap();
        assert_eq!(dialog.get_attribute("lang").as_deref(), Some(tag));
    }
    let dialog: web_sys::HtmlDialogElement = container
        .query_selector("dialog")
        .unwrap()
        .unwrap()
        .unchecked_into();
    dialog.close();
}

#[path = "web/dom.rs"]
mod dom;

#[path = "web/architecture_rows.rs"]
mod architecture_rows;

#[path = "web/pickers.rs"]
mod pickers;

#[path = "web/parts.rs"]
mod parts;

/// A Leptos host app mounts the dialog as a component into its own element and clones
/// through it: typed props in, `on_cloned` out.
mod component {
    use std::cell::RefCell;
    use std::rc::Rc;

    use clone_model_service::client::{
        BrowserClock, Connection, HttpRequest, HttpResponse, Method, Transport, TransportError,
    };
    use clone_model_service::embed::{MemoryStore, Store};
    use clone_model_service::i18n::Lang;
    use clone_model_service::ui::{CloneDialog, Services};
    use clone_model_service::zstack::ModelServiceInventory;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    const SOURCE: &str = "d76744cb53f9478abf42b907df3efb6e";
    const JOB: &str = "3f4e5c1a2b3c4d5e6f708192a3b4c5d6";

    /// Answers as ZStack does for one source, one clone job; records the POSTs.
    #[derive(Clone, Default)]
    struct OneSourceZStack {
        posts: Rc<RefCell<Vec<HttpRequest>>>,
    }

    impl Transport for OneSourceZStack {
        async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
            let reply = |status: u16, body: String| Ok(HttpResponse { status, body });
            let url = request.url.clone();
            if request.method == Method::Post {
                self.posts.borrow_mut().push(request);
                return reply(
                    202,
                    format!(r#"{{"location":"http://10.0.0.1/zstack/v1/api-jobs/{JOB}"}}"#),
                );
            }
            if url.contains("/api-jobs/") {
                let body = self.posts.borrow()[0].body.clone().unwrap_or_default();
                let sent: serde_json::Value = serde_json::from_str(&body).unwrap();
                let params = &sent["params"];
                return reply(
                    200,
                    serde_json::json!({"inventory": {
                        "uuid": params["resourceUuid"], "name": params["name"]}})
                    .to_string(),
                );
            }
            if url.ends_with(&format!("/ai/model-services/{SOURCE}")) {
                return reply(
                    200,
                    format!(
                        r#"{{"inventories":[{{"uuid":"{SOURCE}","name":"qwen","type":"Endpoint","source":"HuggingFace","requestCpu":4,"requestMemory":8192,"size":0,"system":false}}],"schema":{{}}}}"#
                    ),
                );
            }
            reply(200, r#"{"inventories":[]}"#.into())
        }
    }

    #[wasm_bindgen_test]
    async fn a_host_mounts_the_component_and_clones_through_it() {
        let host: web_sys::HtmlElement = document()
            .create_element("section")
            .unwrap()
            .unchecked_into();
        host.set_id("portal-host");
        document().body().unwrap().append_child(&host).unwrap();
        let zstack = OneSourceZStack::default();
        let cloned = RwSignal::new(None::<ModelServiceInventory>);
        let services = Services {
            connection: Connection::new(zstack.clone(), BrowserClock),
            store: Store::new(MemoryStore::default()),
        };
        let _handle = leptos::mount::mount_to(host.clone(), move || {
            view! {
                <CloneDialog
                    source_uuid=Some(SOURCE.to_owned())
                    session=Signal::stored(Some("b86c9016b4f24953a9edefb53ca0678c".to_owned()))
                    api_base="/zstack"
                    lang=Lang::En
                    services=services.clone()
                    on_cloned=Callback::new(move |inventory| cloned.set(Some(inventory)))
                />
            }
        });
        let dialog = wait_for(&host, "dialog[data-phase=editing]").await;
        assert!(
            host.contains(Some(&dialog)),
            "mounted into the host's element"
        );
        let name: web_sys::HtmlInputElement = host
            .query_selector("[name=name]")
            .unwrap()
            .unwrap()
            .unchecked_into();
        assert_eq!(name.value(), "qwen-copy");
        name.set_value("from-a-leptos-host");
        name.dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        leptos::task::tick().await;
        let submit: web_sys::HtmlElement = host
            .query_selector("form.cms-form button[type=submit]")
            .unwrap()
            .unwrap()
            .unchecked_into();
        submit.click();
        wait_for(&host, "dialog[data-phase=done]").await;
        let inventory = cloned.get_untracked().expect("on_cloned was called");
        assert_eq!(inventory.name.as_deref(), Some("from-a-leptos-host"));
        let posts = zstack.posts.borrow();
        assert_eq!(posts.len(), 1, "exactly one clone request");
        assert_eq!(
            posts[0].header("Authorization"),
            Some("OAuth b86c9016b4f24953a9edefb53ca0678c")
        );
        let dialog: web_sys::HtmlDialogElement = dialog.unchecked_into();
        dialog.close();
    }

    /// Waits (up to 5 s of animation frames and timers) for an element under `root`.
    async fn wait_for(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
        for _ in 0..250 {
            if let Some(el) = root.query_selector(selector).unwrap() {
                return el;
            }
            sleep_ms(20).await;
        }
        panic!(
            "no {selector} under the host element: {}",
            root.inner_html()
        );
    }

    async fn sleep_ms(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}
