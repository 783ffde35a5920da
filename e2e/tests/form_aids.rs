//! What helps while editing: the image picker per architecture, the live name-uniqueness hint,
//! "what will change" and the request preview with its copy button.

use e2e::app::clone_posts;
use e2e::stack::{Stack, WAIT};
use serde_json::json;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_name_is_hinted_when_the_field_is_left() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    stack.set("name", "bge-m3-embedding").await;
    stack.wait_for(".cms-field__hint--warn").await;
    assert!(stack
        .text_of(".cms-field__hint--warn")
        .await
        .contains("already has this name"));
    // Another name: the hint goes.
    stack.set("name", "a-fresh-name").await;
    stack
        .browser
        .wait_until(
            "no hint",
            "return !document.querySelector('.cms-field__hint--warn')",
            WAIT,
        )
        .await;
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
