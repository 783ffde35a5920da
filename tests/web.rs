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

mod architecture_rows {
    use clone_model_service::form::Draft;
    use clone_model_service::i18n::Lang;
    use clone_model_service::ui::{ArchitectureRows, Ctx, Services, Stage};
    use clone_model_service::zstack::{ModelServiceImage, ModelServiceInventory};
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    fn image(arch: &str, n: u32) -> ModelServiceImage {
        ModelServiceImage {
            cpu_architecture: Some(arch.to_owned()),
            vm_image_uuid: Some(format!("{n:032x}")),
            docker_image: Some(format!("registry.example.com/{arch}/serve:{n}")),
            ..Default::default()
        }
    }

    /// The rows of a two-architecture source, mounted on their own with the dialog's state.
    fn mount_rows() -> (web_sys::HtmlElement, Ctx, impl Drop) {
        let container: web_sys::HtmlElement =
            document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&container).unwrap();
        let source = ModelServiceInventory {
            uuid: Some("90d425a802ff44eeb530f21587633700".into()),
            name: Some("example".into()),
            model_service_images: vec![image("x86_64", 1), image("aarch64", 2)],
            ..Default::default()
        };
        let ctx_slot = StoredValue::new_local(None::<Ctx>);
        let handle = leptos::mount::mount_to(container.clone(), move || {
            let ctx = Ctx::new(
                Lang::En,
                "/zstack".into(),
                source.uuid.clone(),
                Services::browser(),
            );
            ctx.draft.set(Draft::from_inventory(&source));
            ctx.source.set(Some(source.clone()));
            ctx.stage.set(Stage::Editing(None));
            provide_context(ctx);
            ctx_slot.set_value(Some(ctx));
            view! { <ArchitectureRows /> }
        });
        let ctx = ctx_slot.get_value().expect("the rows' state");
        (container, ctx, handle)
    }

    fn rows(container: &web_sys::HtmlElement) -> Vec<web_sys::Element> {
        let list = container.query_selector_all("fieldset.cms-row").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn input(container: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlInputElement {
        container
            .query_selector(&format!("[name=\"{name}\"]"))
            .unwrap()
            .unwrap_or_else(|| panic!("no control named {name}"))
            .unchecked_into()
    }

    fn type_into(control: &web_sys::HtmlInputElement, text: &str) {
        control.set_value(text);
        control
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }

    /// Every node a DOM mutation touched while `f` ran and the effects settled.
    async fn mutated_while(
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

    #[wasm_bindgen_test]
    async fn a_keystroke_in_one_row_touches_no_other_row() {
        let (container, ctx, _handle) = mount_rows();
        leptos::task::tick().await;
        let before = rows(&container);
        assert_eq!(before.len(), 2);
        let docker = input(&container, "architectureImages.0.dockerImage");
        let touched = mutated_while(&container, || {
            type_into(&docker, "registry.example.com/x86_64/serve:9")
        })
        .await;
        assert_eq!(
            ctx.draft.with_untracked(|d| d
                .architecture_rows
                .values()
                .next()
                .unwrap()
                .docker_image
                .clone()),
            "registry.example.com/x86_64/serve:9"
        );
        let after = rows(&container);
        assert!(before[0].is_same_node(Some(&after[0])) && before[1].is_same_node(Some(&after[1])));
        for node in &touched {
            assert!(
                !before[1].contains(Some(node)),
                "row 2 changed on a keystroke in row 1: {:?}",
                node.node_name()
            );
        }
        // The other row still shows its own values.
        assert_eq!(
            input(&container, "architectureImages.1.dockerImage").value(),
            "registry.example.com/aarch64/serve:2"
        );
    }

    #[wasm_bindgen_test]
    async fn removing_a_row_keeps_the_other_node_and_renumbers_its_names() {
        let (container, ctx, _handle) = mount_rows();
        leptos::task::tick().await;
        let before = rows(&container);
        let remove: web_sys::HtmlElement = before[0]
            .query_selector("[data-action=remove-architecture]")
            .unwrap()
            .unwrap()
            .unchecked_into();
        remove.click();
        leptos::task::tick().await;
        leptos::task::tick().await;
        let after = rows(&container);
        assert_eq!(after.len(), 1);
        assert!(
            after[0].is_same_node(Some(&before[1])),
            "the remaining row is the same node"
        );
        // Positions are part of the names: the second row is now architectureImages.0.
        assert_eq!(
            input(&container, "architectureImages.0.dockerImage").value(),
            "registry.example.com/aarch64/serve:2"
        );
        assert_eq!(
            input(&container, "architectureImages.0.vmImageUuid").value(),
            format!("{:032x}", 2)
        );
        assert_eq!(ctx.draft.with_untracked(|d| d.architecture_rows.len()), 1);
    }

    #[wasm_bindgen_test]
    async fn a_row_problem_shows_on_that_control_only_once_left() {
        let (container, _ctx, _handle) = mount_rows();
        leptos::task::tick().await;
        let vm = input(&container, "architectureImages.1.vmImageUuid");
        type_into(&vm, "not-a-uuid");
        leptos::task::tick().await;
        assert_eq!(
            vm.get_attribute("aria-invalid"),
            None,
            "not shown while typing"
        );
        vm.dispatch_event(&web_sys::Event::new("blur").unwrap())
            .unwrap();
        leptos::task::tick().await;
        leptos::task::tick().await;
        assert_eq!(vm.get_attribute("aria-invalid").as_deref(), Some("true"));
        let described = vm
            .get_attribute("aria-describedby")
            .expect("described by its error");
        let error = document()
            .get_element_by_id(&described)
            .expect("the error element");
        assert!(!error.text_content().unwrap_or_default().is_empty());
        for other in [
            "architectureImages.0.vmImageUuid",
            "architectureImages.0.dockerImage",
            "architectureImages.1.dockerImage",
        ] {
            assert_eq!(
                input(&container, other).get_attribute("aria-invalid"),
                None,
                "{other}"
            );
        }
        // Fixing it clears the problem without leaving the field again.
        type_into(&vm, &format!("{:032x}", 7));
        leptos::task::tick().await;
        leptos::task::tick().await;
        assert_eq!(vm.get_attribute("aria-invalid"), None);
    }
}
