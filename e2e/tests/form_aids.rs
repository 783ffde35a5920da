//! What helps while editing: the image picker per architecture, the live name-uniqueness hint,
//! the tag and GPU vendor pickers (and their text fall-backs), "what will change" and the
//! request preview with its token toggle and copy button.

use std::time::Duration;

use e2e::app::clone_posts;
use e2e::stack::{Stack, WAIT};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use zstack_sim::seed;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_image_picker_offers_the_images_of_the_rows_architecture() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    let options = |row: usize| {
        format!(
            "const i = document.querySelector('[name=\"architectureImages.{row}.vmImageUuid\"]');
             return i && i.list ? [...i.list.options].map(o => o.value) : [];"
        )
    };
    let x86 = stack
        .browser
        .wait_until("x86_64 images", &options(0), WAIT)
        .await;
    let x86: Vec<&str> = x86
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(
        x86.contains(&seed::IMAGE_X86_64) && x86.contains(&seed::IMAGE_X86_64_CUDA),
        "{x86:?}"
    );
    assert!(!x86.contains(&seed::IMAGE_AARCH64), "{x86:?}");
    let arm = stack
        .browser
        .wait_until("aarch64 images", &options(1), WAIT)
        .await;
    assert!(
        arm.as_array()
            .unwrap()
            .contains(&json!(seed::IMAGE_AARCH64_ASCEND)),
        "{arm}"
    );
    // The query asked ZStack for that architecture's images.
    let log = stack.sim_requests().await;
    assert!(
        log.iter().any(|r| r["path"] == "/zstack/v1/images"
            && r["query"].as_str().is_some_and(
                |q| q.contains("architecture%3Dx86_64") || q.contains("architecture=x86_64")
            )),
        "no image query by architecture"
    );
    // A typed uuid is accepted as well.
    stack
        .set("architectureImages.0.vmImageUuid", seed::IMAGE_X86_64)
        .await;
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let images = &clone_posts(&log)[0]["body"]["params"]["architectureImages"];
    assert_eq!(images[0]["vmImageUuid"], seed::IMAGE_X86_64);
    stack.finish().await;
}

/// The names asked about with `q=name=<name>` (in order) and whether each was answered.
fn name_queries(log: &[Value]) -> Vec<(String, bool)> {
    log.iter()
        .filter(|r| r["method"] == "GET" && r["path"] == "/zstack/v1/ai/model-services")
        .filter_map(|r| {
            let query = r["query"].as_str()?;
            let q = query.split('&').find_map(|p| {
                p.strip_prefix("q=name=")
                    .or_else(|| p.strip_prefix("q=name%3D"))
            })?;
            Some((percent_decode(q), !r["status"].is_null()))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The name hint's text, if it is shown, and whether the name field points at it.
async fn name_hint(stack: &Stack) -> Value {
    stack
        .browser
        .eval(
            "const hint = document.querySelector('.cms-field__hint--warn');
             if (!hint) return null;
             const described = (document.querySelector('[name=name]')
                 .getAttribute('aria-describedby') || '').split(' ');
             return { text: hint.textContent, described: described.includes(hint.id),
                      live: hint.closest('[role=status]') !== null };",
            vec![],
        )
        .await
}

async fn wait_answered(stack: &Stack, name: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let log = stack.sim_requests().await;
        if name_queries(&log)
            .iter()
            .any(|(n, done)| n == name && *done)
        {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no answered name query for {name}: {:?}",
            name_queries(&log)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_name_is_hinted_while_typing_and_stale_answers_are_ignored() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    // The pre-filled name is checked once the form is shown: it is free.
    wait_answered(&stack, "qwen2.5-7b-instruct-copy").await;
    assert_eq!(name_hint(&stack).await, Value::Null);

    // Typed key by key: one question, ~300 ms after the last keystroke, none per keystroke.
    let client = stack.browser.client();
    let field = client.find(Locator::Css("[name=name]")).await.unwrap();
    field.click().await.unwrap();
    let select_all = format!("{}a{}", char::from(Key::Control), char::from(Key::Control));
    field.send_keys(&select_all).await.unwrap();
    field.send_keys("bge-m3-embedding").await.unwrap();
    let hint = stack
        .browser
        .wait_until(
            "the name hint",
            "const h = document.querySelector('.cms-field__hint--warn'); return h && h.textContent;",
            WAIT,
        )
        .await;
    assert_eq!(hint, "Another model service already has this name.");
    let shown = name_hint(&stack).await;
    assert_eq!(shown["described"], true, "aria-describedby: {shown}");
    assert_eq!(shown["live"], true, "announced: {shown}");
    let asked: Vec<String> = name_queries(&stack.sim_requests().await)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        asked,
        ["qwen2.5-7b-instruct-copy", "bge-m3-embedding"],
        "one question per pause in typing"
    );
    stack.browser.screenshot("form_aids-name-hint").await;

    // A slow answer about a free name arrives after the taken name was typed again: it is
    // stale and must not clear the hint.
    stack
        .add_fault(
            json!({"method": "GET", "pathPrefix": "/zstack/v1/ai/model-services",
            "action": {"kind": "delay", "ms": 2500}}),
        )
        .await;
    stack.set("name", "slow-free-name").await;
    assert_eq!(
        name_hint(&stack).await,
        Value::Null,
        "the hint is for the old name"
    );
    let deadline = std::time::Instant::now() + WAIT;
    while !name_queries(&stack.sim_requests().await)
        .iter()
        .any(|(n, _)| n == "slow-free-name")
    {
        assert!(
            std::time::Instant::now() < deadline,
            "slow-free-name not asked"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stack.set("name", "bge-m3-embedding").await;
    wait_answered(&stack, "slow-free-name").await;
    // Give the page time to receive the late answer.
    tokio::time::sleep(Duration::from_millis(700)).await;
    let shown = name_hint(&stack).await;
    assert_eq!(
        shown["text"], "Another model service already has this name.",
        "the stale answer cleared the hint"
    );

    // A free name: the hint goes and stays gone.
    stack.set("name", "a-fresh-name").await;
    assert_eq!(name_hint(&stack).await, Value::Null);
    wait_answered(&stack, "a-fresh-name").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(name_hint(&stack).await, Value::Null);

    // A warning, not a blocker: ZStack allows the duplicate name.
    stack.set("name", "bge-m3-embedding").await;
    stack.wait_for(".cms-field__hint--warn").await;
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    assert_eq!(
        clone_posts(&log)[0]["body"]["params"]["name"],
        "bge-m3-embedding"
    );
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_will_change_and_the_request_preview_follow_the_edits() {
    let stack = Stack::start().await;
    let session = stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    stack.set("requestCpu", "3").await;
    let diff = stack.text_of(".cms-diff__row[data-field=requestCpu]").await;
    assert!(diff.contains('8') && diff.contains('3'), "{diff}");
    let name_diff = stack.text_of(".cms-diff__row[data-field=name]").await;
    assert!(
        name_diff.contains("qwen2.5-7b-instruct-copy"),
        "{name_diff}"
    );
    // Open the preview: the exact JSON that will be sent.
    stack
        .browser
        .eval(
            "document.querySelector('details.cms-preview').open = true;",
            vec![],
        )
        .await;
    let json_text = stack
        .browser
        .wait_until(
            "the JSON preview",
            "const p = document.querySelector('pre.cms-preview__text'); return p && p.textContent;",
            WAIT,
        )
        .await;
    let body: serde_json::Value = serde_json::from_str(json_text.as_str().unwrap()).unwrap();
    assert_eq!(body["params"]["requestCpu"], 3);
    // curl, with the token masked and the intent's X-Job-UUID.
    stack
        .browser
        .eval(
            "[...document.querySelectorAll('.cms-preview__tabs button')].find(b => b.textContent === 'curl').click();",
            vec![],
        )
        .await;
    let curl = stack
        .browser
        .wait_until(
            "the curl preview",
            "const p = document.querySelector('pre.cms-preview__text');
             return p && p.textContent.startsWith('curl') && p.textContent;",
            WAIT,
        )
        .await;
    let curl = curl.as_str().unwrap().to_owned();
    assert!(!curl.contains(&session), "the token is masked: {curl}");
    assert!(curl.contains("X-Job-UUID"), "{curl}");
    for sdk in ["Java SDK", "Python SDK"] {
        stack
            .browser
            .eval(
                &format!("[...document.querySelectorAll('.cms-preview__tabs button')].find(b => b.textContent === '{sdk}').click();"),
                vec![],
            )
            .await;
        stack
            .browser
            .wait_until(
                sdk,
                "const p = document.querySelector('pre.cms-preview__text');
                 return p && p.textContent.includes('requestCpu');",
                WAIT,
            )
            .await;
    }
    stack.browser.screenshot("form_aids-preview").await;
    stack.click_action("copy-request").await;
    // The clone then goes out with the previewed job uuid: running the copied curl line too
    // could not clone twice.
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let job = clone_posts(&log)[0]["headers"]["x-job-uuid"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(curl.contains(&job), "{curl} / {job}");
    stack.finish().await;
}

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
            .any(|r| r["path"] == "/zstack/v1/gpu-device-specs"),
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
    for path in ["/zstack/v1/tags", "/zstack/v1/gpu-device-specs"] {
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

/// The preview's text, once it satisfies `ready` (a JS expression over `t`).
async fn preview_text(stack: &Stack, what: &str, ready: &str) -> String {
    stack
        .browser
        .wait_until(
            what,
            &format!(
                "const p = document.querySelector('pre.cms-preview__text');
                 const t = p && p.textContent; return t && ({ready}) && t;"
            ),
            WAIT,
        )
        .await
        .as_str()
        .unwrap()
        .to_owned()
}

async fn choose_format(stack: &Stack, label: &str) {
    stack
        .browser
        .eval(
            "[...document.querySelectorAll('.cms-preview__tabs button')]
                 .find(b => b.textContent === arguments[0]).click();",
            vec![json!(label)],
        )
        .await;
}

/// The token toggle: its text, `aria-pressed` and whether it is hidden.
async fn toggle_state(stack: &Stack) -> Value {
    stack
        .browser
        .eval(
            "const b = document.querySelector('[data-action=reveal-token]');
             return [b.textContent, b.getAttribute('aria-pressed'), b.hidden];",
            vec![],
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_token_is_revealed_only_on_request_and_copied_as_shown() {
    let stack = Stack::start().await;
    let session = stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    // What the clipboard receives.
    stack
        .browser
        .eval(
            "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
                 writeText: t => { window.copiedText = t; return Promise.resolve(); } } });",
            vec![],
        )
        .await;
    stack
        .browser
        .eval(
            "document.querySelector('details.cms-preview').open = true;",
            vec![],
        )
        .await;
    preview_text(&stack, "the JSON preview", "t.startsWith('{')").await;
    // JSON carries no token: no toggle.
    assert_eq!(
        toggle_state(&stack).await,
        json!(["Show session token", "false", true])
    );
    choose_format(&stack, "curl").await;
    let masked = preview_text(&stack, "the curl preview", "t.startsWith('curl')").await;
    assert!(!masked.contains(&session), "hidden by default: {masked}");
    assert!(
        masked.contains(&format!("OAuth {}****", &session[..4])),
        "{masked}"
    );
    assert_eq!(
        toggle_state(&stack).await,
        json!(["Show session token", "false", false])
    );
    stack.click_action("reveal-token").await;
    let shown = preview_text(
        &stack,
        "the revealed curl preview",
        &format!("t.startsWith('curl') && t.includes('{session}')"),
    )
    .await;
    assert!(
        shown.contains(&format!("Authorization: OAuth {session}")),
        "{shown}"
    );
    assert_eq!(
        toggle_state(&stack).await,
        json!(["Hide session token", "true", false])
    );
    stack.browser.screenshot("form_aids-token").await;
    // Copy copies exactly what is shown.
    stack.click_action("copy-request").await;
    let copied = stack
        .browser
        .wait_until("the copy", "return window.copiedText", WAIT)
        .await;
    assert_eq!(copied, json!(shown));
    stack.wait_for(".cms-preview__tabs [role=status]").await;
    assert_eq!(
        stack.text_of(".cms-preview__tabs [role=status]").await,
        "Copied."
    );
    for (sdk, start, line) in [
        (
            "Java SDK",
            "CloneModelServiceAction action",
            format!("\naction.sessionId = \"{session}\";\n"),
        ),
        (
            "Python SDK",
            "action = CloneModelServiceAction()",
            format!("\naction.sessionId = \"{session}\"\n"),
        ),
    ] {
        choose_format(&stack, sdk).await;
        let text = preview_text(&stack, sdk, &format!("t.startsWith('{start}')")).await;
        assert!(text.contains(&line), "{sdk}: {text}");
    }
    // Both languages.
    stack
        .browser
        .eval(
            "const s = document.querySelector('select[name=lang]'); s.value = 'zh-CN';
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await;
    stack
        .browser
        .wait_until(
            "the Chinese toggle",
            "return document.querySelector('[data-action=reveal-token]').textContent === '隐藏会话令牌'",
            WAIT,
        )
        .await;
    // Hidden again: masked, and copied masked.
    stack.click_action("reveal-token").await;
    assert_eq!(
        toggle_state(&stack).await,
        json!(["显示会话令牌", "false", false])
    );
    let python = preview_text(
        &stack,
        "the masked Python preview",
        "t.includes('action.sessionId') && t.includes('****')",
    )
    .await;
    assert!(!python.contains(&session), "{python}");
    stack.click_action("copy-request").await;
    stack
        .browser
        .wait_until(
            "the masked copy",
            "return window.copiedText && window.copiedText.includes('****')",
            WAIT,
        )
        .await;
    let copied = stack.browser.eval("return window.copiedText", vec![]).await;
    assert_eq!(copied, json!(python));
    // Closing the preview hides the token again.
    stack.click_action("reveal-token").await;
    stack
        .browser
        .eval(
            "const d = document.querySelector('details.cms-preview'); d.open = false;",
            vec![],
        )
        .await;
    stack
        .browser
        .wait_until(
            "the toggle reset",
            "return document.querySelector('[data-action=reveal-token]').getAttribute('aria-pressed') === 'false'",
            WAIT,
        )
        .await;
    stack.finish().await;
}
