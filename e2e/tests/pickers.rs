//! The pickers: tags (`tagUuids`) and GPU vendors with their specs (`vendorToSpecUuidsMap`) as
//! checkboxes, uuids no loaded choice has, and the text areas they fall back to.

use e2e::app::clone_posts;
use e2e::stack::{Stack, WAIT};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use zstack_sim::seed;

/// Clicks the checkbox `name=<name>`, `value=<value>` as a user would.
async fn click_check(stack: &Stack, name: &str, value: &str) {
    let ok = stack
        .browser
        .eval(
            "const [name, value] = arguments;
             const box = [...document.querySelectorAll('input[type=checkbox]')]
                 .find(b => b.name === name && b.value === value);
             if (!box) return false; box.click(); return true;",
            vec![json!(name), json!(value)],
        )
        .await;
    assert_eq!(ok, Value::Bool(true), "no checkbox {name}={value}");
}

/// The checkboxes named `name`: value, checked, and their label's text.
async fn checks(stack: &Stack, name: &str) -> Vec<(String, bool, String)> {
    let list = stack
        .browser
        .eval(
            "return [...document.querySelectorAll('input[type=checkbox]')]
                 .filter(b => b.name === arguments[0])
                 .map(b => [b.value, b.checked, b.labels[0] ? b.labels[0].textContent : '']);",
            vec![json!(name)],
        )
        .await;
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v[0].as_str().unwrap().to_owned(),
                v[1].as_bool().unwrap(),
                v[2].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn checked(list: &[(String, bool, String)]) -> Vec<&str> {
    list.iter().filter(|c| c.1).map(|c| c.0.as_str()).collect()
}

const UNKNOWN_UUID: &str = "0123456789abcdef0123456789abcdef";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tags_are_picked_by_name_and_other_uuids_stay_removable() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    stack
        .wait_for(&format!(
            "input[name=tagUuids][value='{}']",
            seed::TAG_PRODUCTION
        ))
        .await;
    let tags = checks(&stack, "tagUuids").await;
    let values: Vec<&str> = tags.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(
        values,
        [seed::TAG_PRODUCTION, seed::TAG_EXPERIMENTAL, seed::TAG_CJK]
    );
    assert!(checked(&tags).is_empty(), "{tags:?}");
    // Each label: the name, and the uuid in small text.
    assert!(
        tags[2].2.contains("推理服务") && tags[2].2.contains(seed::TAG_CJK),
        "{tags:?}"
    );
    let legend = stack.text_of("fieldset#cms-tagUuids > legend").await;
    assert_eq!(legend, "Tag uuids");
    // Mark a checkbox's node: changing another one must not replace it (keyed list).
    stack
        .browser
        .eval(
            &format!(
                "document.querySelector(\"input[name=tagUuids][value='{}']\").dataset.mark = 'kept';",
                seed::TAG_PRODUCTION
            ),
            vec![],
        )
        .await;
    click_check(&stack, "tagUuids", seed::TAG_PRODUCTION).await;
    click_check(&stack, "tagUuids", seed::TAG_CJK).await;
    click_check(&stack, "tagUuids", seed::TAG_CJK).await;
    // A uuid typed in (Enter adds it, and does not submit the form).
    let client = stack.browser.client();
    let add = client
        .find(Locator::Css("[name='tagUuids.add']"))
        .await
        .unwrap();
    add.send_keys(&format!("{UNKNOWN_UUID}{}", char::from(Key::Enter)))
        .await
        .unwrap();
    stack
        .wait_for(&format!("input[name=tagUuids][value='{UNKNOWN_UUID}']"))
        .await;
    assert_eq!(
        stack.value("tagUuids.add").await,
        "",
        "the field is emptied"
    );
    // Something that is not a uuid is judged by the form's validation.
    stack.set("tagUuids.add", "nope").await;
    stack.click_action("add-tag").await;
    stack.wait_for("#cms-err-tagUuids").await;
    let error = stack.text_of("#cms-err-tagUuids").await;
    assert!(error.contains("Enter a UUID"), "{error}");
    let bad = stack
        .browser
        .eval(
            "const b = document.querySelector('input[name=tagUuids][value=nope]');
             return [b.getAttribute('aria-invalid'), b.getAttribute('aria-describedby'),
                     document.getElementById('cms-tagUuids').getAttribute('aria-describedby')];",
            vec![],
        )
        .await;
    assert_eq!(
        bad,
        json!(["true", "cms-err-tagUuids", "cms-err-tagUuids"]),
        "{bad}"
    );
    stack.browser.screenshot("form_aids-tags").await;
    // Unchecking removes them from the draft; they stay listed.
    click_check(&stack, "tagUuids", "nope").await;
    click_check(&stack, "tagUuids", UNKNOWN_UUID).await;
    stack
        .browser
        .wait_until(
            "no tag problem",
            "return !document.querySelector('#cms-err-tagUuids')",
            WAIT,
        )
        .await;
    let tags = checks(&stack, "tagUuids").await;
    assert_eq!(checked(&tags), [seed::TAG_PRODUCTION], "{tags:?}");
    let unknown = tags
        .iter()
        .find(|t| t.0 == UNKNOWN_UUID)
        .expect("still listed");
    assert!(unknown.2.contains("not among the tags"), "{unknown:?}");
    let kept = stack
        .browser
        .eval(
            &format!(
                "return document.querySelector(\"input[name=tagUuids][value='{}']\").dataset.mark;",
                seed::TAG_PRODUCTION
            ),
            vec![],
        )
        .await;
    assert_eq!(kept, "kept", "the checkbox was re-rendered");
    click_check(&stack, "tagUuids", seed::TAG_EXPERIMENTAL).await;
    // What the user sees in "what will change", and what ZStack receives.
    let diff = stack.text_of(".cms-diff__row[data-field=tagUuids]").await;
    assert!(diff.contains(seed::TAG_EXPERIMENTAL), "{diff}");
    assert_eq!(
        stack
            .browser
            .eval(
                "return document.querySelector('dialog').dataset.phase",
                vec![]
            )
            .await,
        "editing",
        "Enter in the add field did not submit"
    );
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let posts = clone_posts(&log);
    assert_eq!(posts.len(), 1);
    assert_eq!(
        posts[0]["body"]["params"]["tagUuids"],
        json!([seed::TAG_PRODUCTION, seed::TAG_EXPERIMENTAL])
    );
    assert!(
        log.iter().any(|r| r["path"] == "/zstack/v1/tags"),
        "the tags were queried"
    );
    let state = stack.sim_state().await;
    let new_uuid = posts[0]["body"]["params"]["resourceUuid"].as_str().unwrap();
    assert_eq!(
        state["tagAttachments"][new_uuid],
        json!([seed::TAG_PRODUCTION, seed::TAG_EXPERIMENTAL]),
        "{state}"
    );
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gpu_vendors_and_specs_are_picked_in_rows() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    let vendors = "return [...document.querySelectorAll('select[name=vendorToSpecUuidsMap]')]
                     .map(s => s.value);";
    let shown = stack
        .browser
        .wait_until("the vendor rows", vendors, WAIT)
        .await;
    assert_eq!(shown, json!(["Huawei", "NVIDIA"]));
    let nvidia = checks(&stack, "vendorToSpecUuidsMap.NVIDIA").await;
    assert_eq!(
        checked(&nvidia),
        [seed::GPU_SPEC_NVIDIA_A100, seed::GPU_SPEC_NVIDIA_L40S]
    );
    assert!(nvidia[0].2.contains("NVIDIA A100-SXM4-80GB"), "{nvidia:?}");
    let huawei = checks(&stack, "vendorToSpecUuidsMap.Huawei").await;
    assert_eq!(checked(&huawei), [seed::GPU_SPEC_HUAWEI_910B]);
    // Keyed rows: a change in one row leaves the other row's nodes alone.
    stack
        .browser
        .eval(
            "document.querySelectorAll('select[name=vendorToSpecUuidsMap]')[0].dataset.mark = 'kept';",
            vec![],
        )
        .await;
    click_check(
        &stack,
        "vendorToSpecUuidsMap.NVIDIA",
        seed::GPU_SPEC_NVIDIA_L40S,
    )
    .await;
    let mark = stack
        .browser
        .eval(
            "return document.querySelectorAll('select[name=vendorToSpecUuidsMap]')[0].dataset.mark;",
            vec![],
        )
        .await;
    assert_eq!(mark, "kept", "the Huawei row was re-rendered");
    // Remove the Huawei row, add a row back and choose Huawei in it.
    stack.click_action("remove-vendor").await;
    stack
        .browser
        .wait_until(
            "one row left",
            "return document.querySelectorAll('select[name=vendorToSpecUuidsMap]').length === 1",
            WAIT,
        )
        .await;
    // Focus does not fall to the page with the removed button: it lands on "add".
    stack
        .browser
        .wait_until(
            "focus on the add button",
            "return document.activeElement.dataset.action === 'add-vendor'",
            WAIT,
        )
        .await;
    stack.click_action("add-vendor").await;
    let focused = stack
        .browser
        .wait_until(
            "focus on the new row's vendor",
            "const a = document.activeElement;
             return a && a.name === 'vendorToSpecUuidsMap' && a.value === '' && a.id;",
            WAIT,
        )
        .await;
    let options = stack
        .browser
        .eval(
            "return [...document.getElementById(arguments[0]).options]
                 .map(o => [o.value, o.disabled]);",
            vec![focused.clone()],
        )
        .await;
    assert_eq!(
        options,
        json!([["", false], ["Huawei", false], ["NVIDIA", true]]),
        "a vendor another row has is not offered twice"
    );
    // An empty row is a problem once shown.
    stack.submit().await;
    stack.wait_for("#cms-err-vendorToSpecUuidsMap").await;
    let error = stack.text_of("#cms-err-vendorToSpecUuidsMap").await;
    assert!(error.starts_with("Item 2"), "{error}");
    stack
        .browser
        .eval(
            "const s = document.getElementById(arguments[0]); s.value = 'Huawei';
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![focused],
        )
        .await;
    stack
        .wait_for(&format!(
            "input[name='vendorToSpecUuidsMap.Huawei'][value='{}']",
            seed::GPU_SPEC_HUAWEI_910B
        ))
        .await;
    let huawei = checks(&stack, "vendorToSpecUuidsMap.Huawei").await;
    assert!(checked(&huawei).is_empty(), "{huawei:?}");
    click_check(
        &stack,
        "vendorToSpecUuidsMap.Huawei",
        seed::GPU_SPEC_HUAWEI_910B,
    )
    .await;
    stack.browser.screenshot("form_aids-vendors").await;
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    assert_eq!(
        clone_posts(&log)[0]["body"]["params"]["vendorToSpecUuidsMap"],
        json!({"NVIDIA": [seed::GPU_SPEC_NVIDIA_A100], "Huawei": [seed::GPU_SPEC_HUAWEI_910B]})
    );
    assert!(
        log.iter()
            .any(|r| r["path"] == "/zstack/v1/pci-device-specs"),
        "the GPU specs were queried"
    );
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_spec_and_tag_uuids_of_a_kept_draft_stay_visible_and_removable() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    stack.set("description", "kept across a reload").await;
    // The kept draft (sessionStorage), with uuids no tag or GPU spec has.
    let key = format!("cms.draft.{}", seed::SERVICE_TWO_ARCH);
    stack
        .browser
        .wait_until(
            "the kept draft",
            &format!(
                "const kept = sessionStorage.getItem('{key}');
                 return !!kept && kept.includes('kept across a reload');"
            ),
            WAIT,
        )
        .await;
    // The page keeps its own draft when it goes away: that write is stopped for this reload.
    stack
        .browser
        .eval(
            "const [key, unknown] = arguments;
             const kept = JSON.parse(sessionStorage.getItem(key));
             kept.draft.tagUuids = [unknown];
             kept.draft.vendorSpecs.find(v => v.vendor === 'Huawei').specUuids.push(unknown);
             sessionStorage.setItem(key, JSON.stringify(kept));
             Object.defineProperty(Storage.prototype, 'setItem', { value: () => {} });
             location.reload();",
            vec![json!(key), json!(UNKNOWN_UUID)],
        )
        .await;
    stack.wait_phase("editing").await;
    stack
        .wait_for(&format!(
            "input[name='vendorToSpecUuidsMap.Huawei'][value='{UNKNOWN_UUID}']"
        ))
        .await;
    stack
        .wait_for(&format!("input[name=tagUuids][value='{UNKNOWN_UUID}']"))
        .await;
    let huawei = checks(&stack, "vendorToSpecUuidsMap.Huawei").await;
    assert_eq!(
        checked(&huawei),
        [seed::GPU_SPEC_HUAWEI_910B, UNKNOWN_UUID],
        "{huawei:?}"
    );
    assert!(huawei[1].2.contains("unknown GPU spec"), "{huawei:?}");
    click_check(&stack, "vendorToSpecUuidsMap.Huawei", UNKNOWN_UUID).await;
    click_check(&stack, "tagUuids", UNKNOWN_UUID).await;
    // Unchecked, still there.
    let huawei = checks(&stack, "vendorToSpecUuidsMap.Huawei").await;
    assert_eq!(huawei.len(), 2, "{huawei:?}");
    assert_eq!(checked(&huawei), [seed::GPU_SPEC_HUAWEI_910B]);
    let tags = checks(&stack, "tagUuids").await;
    assert!(tags.iter().any(|t| t.0 == UNKNOWN_UUID && !t.1), "{tags:?}");
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let params = &clone_posts(&log)[0]["body"]["params"];
    assert_eq!(params["description"], "kept across a reload", "{params}");
    assert!(params.get("tagUuids").is_none(), "{params}");
    assert!(params.get("vendorToSpecUuidsMap").is_none(), "{params}");
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_tags_or_gpu_specs_the_values_are_typed() {
    let stack = Stack::start().await;
    for path in ["/zstack/v1/tags", "/zstack/v1/pci-device-specs"] {
        stack
            .add_fault(json!({"method": "GET", "pathPrefix": path,
                "action": {"kind": "respond", "status": 500, "body": "java.lang.NullPointerException"}}))
            .await;
    }
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    stack.wait_for("textarea[name=tagUuids]").await;
    stack.wait_for("textarea[name=vendorToSpecUuidsMap]").await;
    let vendors = stack.value("vendorToSpecUuidsMap").await;
    assert!(
        vendors.contains(&format!("Huawei: {}", seed::GPU_SPEC_HUAWEI_910B))
            && vendors.contains("NVIDIA: "),
        "nothing lost: {vendors}"
    );
    let hint = stack.text_of("#cms-tagUuids-hint").await;
    assert!(hint.contains("could not be loaded"), "{hint}");
    let hint = stack.text_of("#cms-vendorToSpecUuidsMap-hint").await;
    assert!(hint.contains("could not be loaded"), "{hint}");
    stack
        .set(
            "tagUuids",
            &format!("{}\n{}", seed::TAG_EXPERIMENTAL, seed::TAG_CJK),
        )
        .await;
    stack
        .set(
            "vendorToSpecUuidsMap",
            &format!("NVIDIA: {}", seed::GPU_SPEC_NVIDIA_L40S),
        )
        .await;
    stack.browser.screenshot("form_aids-fallbacks").await;
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let params = &clone_posts(&log)[0]["body"]["params"];
    assert_eq!(
        params["tagUuids"],
        json!([seed::TAG_EXPERIMENTAL, seed::TAG_CJK])
    );
    assert_eq!(
        params["vendorToSpecUuidsMap"],
        json!({"NVIDIA": [seed::GPU_SPEC_NVIDIA_L40S]})
    );
    stack.finish().await;
}
