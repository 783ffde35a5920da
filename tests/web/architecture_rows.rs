//! The architecture rows: keyed, so a keystroke or a removal touches only its own row.

use clone_model_service::ui::{ArchitectureRows, DialogState};
use clone_model_service::zstack::{ModelServiceImage, ModelServiceInventory};
use leptos::prelude::*;
use wasm_bindgen_test::*;

use super::dom::{all, click, input, mount_part, mutated_while, type_into};

fn rows(container: &web_sys::HtmlElement) -> Vec<web_sys::Element> {
    all(container, "fieldset.cms-row")
}

fn image(arch: &str, n: u32) -> ModelServiceImage {
    ModelServiceImage {
        cpu_architecture: Some(arch.to_owned()),
        vm_image_uuid: Some(format!("{n:032x}")),
        docker_image: Some(format!("registry.example.com/{arch}/serve:{n}")),
        ..Default::default()
    }
}

/// The rows of a two-architecture source, mounted on their own with the dialog's state.
fn mount_rows() -> (web_sys::HtmlElement, DialogState, impl Drop) {
    let source = ModelServiceInventory {
        uuid: Some("90d425a802ff44eeb530f21587633700".into()),
        name: Some("example".into()),
        model_service_images: vec![image("x86_64", 1), image("aarch64", 2)],
        ..Default::default()
    };
    mount_part(source, |_| {}, || view! { <ArchitectureRows /> })
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
    click(&before[0], "[data-action=remove-architecture]");
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
