//! The GPU vendor and tag pickers: rows keyed by the draft's row keys, choices each once.

use clone_model_service::form::RowId;
use clone_model_service::ui::dialog::state::Choices;
use clone_model_service::ui::{TagPicker, VendorPicker};
use clone_model_service::zstack::{GpuSpecInventory, ModelServiceInventory, TagInventory};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use super::dom::{all, click, mount_part, mutated_while};

const A100: &str = "b31bc4574f22426a89902edac5d14a72";
const L40S: &str = "c13336388d574fec824752525ae05a21";
const ASCEND: &str = "0f1e2d3c4b5a49788796a5b4c3d2e1f0";

fn spec(uuid: &str, vendor: &str, name: &str) -> GpuSpecInventory {
    GpuSpecInventory {
        uuid: uuid.into(),
        vendor: Some(vendor.into()),
        name: Some(name.into()),
        ..Default::default()
    }
}

/// The GPU vendor picker of a source with a Huawei and an NVIDIA row, the specs loaded.
fn mount_vendors() -> (
    web_sys::HtmlElement,
    clone_model_service::ui::DialogState,
    impl Drop,
) {
    let mut source = ModelServiceInventory {
        uuid: Some("90d425a802ff44eeb530f21587633700".into()),
        name: Some("example".into()),
        ..Default::default()
    };
    source
        .vendor_to_spec_uuids_map
        .insert("Huawei".into(), vec![ASCEND.into()]);
    source
        .vendor_to_spec_uuids_map
        .insert("NVIDIA".into(), vec![A100.into()]);
    let specs = vec![
        spec(A100, "NVIDIA", "A100"),
        spec(L40S, "NVIDIA", "L40S"),
        spec(ASCEND, "Huawei", "Ascend 910B"),
    ];
    mount_part(
        source,
        move |ctx| ctx.gpu_specs.set(Choices::Ready(specs)),
        || view! { <VendorPicker /> },
    )
}

fn vendor_rows(container: &web_sys::HtmlElement) -> Vec<web_sys::Element> {
    all(container, "fieldset.cms-vendor")
}

#[wasm_bindgen_test]
async fn checking_a_spec_in_one_vendor_row_touches_no_other_row() {
    let (container, ctx, _handle) = mount_vendors();
    leptos::task::tick().await;
    let before = vendor_rows(&container);
    assert_eq!(before.len(), 2);
    let touched = mutated_while(&container, || {
        click(&before[1], &format!("input[value='{L40S}']"))
    })
    .await;
    let nvidia = ctx
        .draft
        .with_untracked(|d| d.vendor_specs.get(RowId(1)).cloned());
    assert_eq!(*nvidia.unwrap().spec_uuids, [A100, L40S]);
    for node in &touched {
        assert!(
            !before[0].contains(Some(node)),
            "the Huawei row changed on a check in the NVIDIA row: {:?}",
            node.node_name()
        );
    }
}

#[wasm_bindgen_test]
async fn removing_a_vendor_row_keeps_the_other_rows_nodes() {
    let (container, ctx, _handle) = mount_vendors();
    leptos::task::tick().await;
    click(&container, "[data-action=add-vendor]");
    leptos::task::tick().await;
    let before = vendor_rows(&container);
    assert_eq!(before.len(), 3);
    click(&before[0], "[data-action=remove-vendor]");
    leptos::task::tick().await;
    leptos::task::tick().await;
    let after = vendor_rows(&container);
    assert_eq!(after.len(), 2);
    assert!(
        after[0].is_same_node(Some(&before[1])),
        "the NVIDIA row is the same node"
    );
    assert!(
        after[1].is_same_node(Some(&before[2])),
        "the new row is the same node"
    );
    let select: web_sys::HtmlSelectElement = after[0]
        .query_selector("select[name=vendorToSpecUuidsMap]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.value(), "NVIDIA");
    let legend = after[0].query_selector("legend").unwrap().unwrap();
    assert!(
        legend.text_content().unwrap_or_default().ends_with('1'),
        "renumbered"
    );
    let vendors: Vec<String> = ctx
        .draft
        .with_untracked(|d| d.vendor_specs.values().map(|v| v.vendor.clone()).collect());
    assert_eq!(vendors, ["NVIDIA", ""]);
}

#[wasm_bindgen_test]
async fn a_tag_the_node_lists_twice_is_one_checkbox() {
    let tag = |uuid: &str, name: &str| TagInventory {
        uuid: uuid.into(),
        name: Some(name.into()),
        ..Default::default()
    };
    let tags = vec![
        tag(A100, "production"),
        tag(L40S, "test"),
        tag(A100, "production"),
    ];
    let source = ModelServiceInventory {
        uuid: Some("90d425a802ff44eeb530f21587633700".into()),
        name: Some("example".into()),
        ..Default::default()
    };
    let (container, _ctx, _handle) = mount_part(
        source,
        move |ctx| {
            ctx.tags.set(Choices::Ready(tags));
            ctx.draft.update(|d| {
                d.tag_uuids.insert(A100.into());
            });
        },
        || view! { <TagPicker /> },
    );
    leptos::task::tick().await;
    let boxes = all(&container, "input[name=tagUuids]");
    let values: Vec<String> = boxes
        .iter()
        .map(|b| b.unchecked_ref::<web_sys::HtmlInputElement>().value())
        .collect();
    assert_eq!(values, [A100, L40S]);
    assert!(boxes[0]
        .unchecked_ref::<web_sys::HtmlInputElement>()
        .checked());
}
