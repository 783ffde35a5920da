//! Components mounted in a real DOM, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use clone_model_service::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh container; the handle unmounts it when dropped.
fn mount_app() -> (web_sys::HtmlElement, impl Drop) {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
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
        assert_eq!(
            document()
                .document_element()
                .unwrap()
                .get_attribute("lang")
                .as_deref(),
            Some(tag)
        );
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
