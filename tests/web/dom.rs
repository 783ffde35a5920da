//! What the component tests mount parts of the form with and look at the DOM with.

use clone_model_service::form::Draft;
use clone_model_service::i18n::Lang;
use clone_model_service::ui::{DialogState, Services, Stage};
use clone_model_service::zstack::ModelServiceInventory;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// `part` mounted on its own with the dialog's state, editing a draft of `source`, after
/// `prepare` gave the state what else the part needs; the handle unmounts it when dropped.
pub fn mount_part<V: IntoView + 'static>(
    source: ModelServiceInventory,
    prepare: impl FnOnce(DialogState) + 'static,
    part: impl FnOnce() -> V + 'static,
) -> (web_sys::HtmlElement, DialogState, impl Drop) {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let ctx_slot = StoredValue::new_local(None::<DialogState>);
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let ctx = DialogState::new(
            Lang::En,
            "/zstack".into(),
            source.uuid.clone(),
            Services::browser(),
        );
        ctx.draft.set(Draft::from_inventory(&source));
        ctx.source.set(Some(source));
        ctx.stage.set(Stage::Editing(None));
        prepare(ctx);
        provide_context(ctx);
        ctx_slot.set_value(Some(ctx));
        part()
    });
    let ctx = ctx_slot.get_value().expect("the part's state");
    (container, ctx, handle)
}

/// The elements `selector` finds in `container`, in document order.
pub fn all(container: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = container.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// Clicks what `selector` finds in `element`.
pub fn click(element: &web_sys::Element, selector: &str) {
    element
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

pub fn input(container: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlInputElement {
    container
        .query_selector(&format!("[name=\"{name}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no control named {name}"))
        .unchecked_into()
}

pub fn type_into(control: &web_sys::HtmlInputElement, text: &str) {
    control.set_value(text);
    control
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// Every node a DOM mutation touched while `f` ran and the effects settled.
pub async fn mutated_while(
    container: &web_sys::HtmlElement,
    f: impl FnOnce(),
) -> Vec<web_sys::Node> {
    let observer = web_sys::MutationObserver::new(
        &wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {})
            .into_js_value()
            .unchecked_into(),
    )
    .unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_attributes(true);
    options.set_character_data(true);
    observer.observe_with_options(container, &options).unwrap();
    f();
    leptos::task::tick().await;
    leptos::task::tick().await;
    let records = observer.take_records();
    observer.disconnect();
    records
        .iter()
        .map(|r| {
            r.unchecked_into::<web_sys::MutationRecord>()
                .target()
                .unwrap()
        })
        .collect()
}
