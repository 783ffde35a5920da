//! The release build's parts (src/ui/parts.rs, split by scripts/build.sh): the first load
//! fetches the app's own wasm only, the parts once the source is in (the form never waits for
//! them: with every part refused it is there and works); a part that cannot be fetched says so
//! where it would be, the user's input stays, the clone still happens exactly once, and "Try
//! again" shows the part once it can be fetched.

use e2e::app::clone_posts;
use e2e::nginx::Site;
use e2e::stack::{Stack, WAIT};
use serde_json::{json, Value};
use zstack_sim::seed;

/// The parts' wasm files in the build: every `.wasm` but the app's own `_bg.wasm`.
fn part_files() -> Vec<String> {
    Site::root()
        .built_files()
        .into_iter()
        .filter(|name| name.ends_with(".wasm") && !name.ends_with("_bg.wasm"))
        .collect()
}

/// The file of group `group` (`split_<group>-<hash>.wasm`).
fn group_file(parts: &[String], group: &str) -> String {
    let prefix = format!("split_{group}-");
    parts
        .iter()
        .find(|name| name.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no part {group} in {parts:?}"))
        .clone()
}

/// The wasm files the page fetched (name, start in ms), and when the source's answer was in.
async fn fetched_wasm(stack: &Stack, source: &str) -> Value {
    stack
        .browser
        .eval(
            "const entries = performance.getEntriesByType('resource');
             const path = e => new URL(e.name).pathname;
             const source = entries.find(e => path(e).endsWith('/ai/model-services/' + arguments[0]));
             return { source: source ? source.responseEnd : null,
                      wasm: entries.filter(e => path(e).endsWith('.wasm'))
                        .map(e => ({ name: path(e).split('/').pop(), start: e.startTime })) };",
            vec![json!(source)],
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_parts_are_fetched_after_the_first_load() {
    let parts = part_files();
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    // The pickers and what will change come with the form, the header's account and the clone's
    // outcome after the first load; the login and the list in the background once the form is
    // interactive.
    let expected =
        ["with_form", "after_load", "first_screens"].map(|group| group_file(&parts, group));
    stack
        .browser
        .wait_until(
            "every part fetched in the background",
            &format!(
                "const names = performance.getEntriesByType('resource')
                   .map(e => new URL(e.name).pathname.split('/').pop());
                 return {}.every(p => names.includes(p)) || null;",
                json!(expected)
            ),
            WAIT,
        )
        .await;
    stack.wait_for("input[name=tagUuids]").await;
    let seen = fetched_wasm(&stack, seed::SERVICE_TWO_ARCH).await;
    let source = seen["source"].as_f64().expect("the source query");
    let wasm = seen["wasm"].as_array().expect("resource entries");
    let (first, later): (Vec<&Value>, Vec<&Value>) = wasm
        .iter()
        .partition(|e| e["name"].as_str().is_some_and(|n| n.ends_with("_bg.wasm")));
    assert_eq!(first.len(), 1, "the app's own wasm, once: {seen}");
    assert!(first[0]["start"].as_f64().unwrap() < source, "{seen}");
    // Not one part is on the first load's way: each is asked for once the source is in.
    for entry in later {
        let name = entry["name"].as_str().unwrap();
        assert!(
            parts.iter().any(|p| p == name),
            "{name} is a part of the build"
        );
        assert!(
            entry["start"].as_f64().unwrap() >= source,
            "{name} was fetched before the source was in: {seen}"
        );
    }
    stack.finish().await;
}

/// Clicks "Try again" of every part that failed inside `scope` (a CSS selector); returns how
/// many.
async fn try_again_in(stack: &Stack, scope: &str) -> u64 {
    let clicked = stack
        .browser
        .eval(
            "const buttons = document.querySelectorAll(arguments[0] + ' .cms-part-failed [data-action=load-part]');
             buttons.forEach(b => b.click());
             return buttons.length;",
            vec![json!(scope)],
        )
        .await;
    clicked.as_u64().expect("a count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_part_that_cannot_be_fetched_loses_nothing_and_the_clone_happens_once() {
    let parts = part_files();
    let blocked: Vec<String> = parts.iter().map(|name| format!("*/{name}")).collect();
    let stack = Stack::start().await;
    stack.browser.block_urls(&blocked).await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    // The pickers' places say so; the rest of the form is there and works.
    stack.wait_for("form.cms-form .cms-part-failed").await;
    let failed_in_form = stack
        .browser
        .eval(
            "return document.querySelectorAll('form.cms-form .cms-part-failed[role=alert]').length",
            vec![],
        )
        .await;
    assert_eq!(
        failed_in_form,
        json!(3),
        "the tag and the GPU vendor pickers, what will change"
    );
    stack.set("name", "qwen-split-fault").await;
    stack.browser.screenshot("split_parts-pickers-failed").await;

    // Once the network is back, "Try again" shows the pickers as the source has them and what
    // will change with the input, which stays.
    stack.browser.block_urls(&[]).await;
    assert_eq!(try_again_in(&stack, "form.cms-form").await, 3);
    stack.wait_for("input[name=tagUuids]").await;
    stack.wait_for(".cms-diff__row[data-field=name]").await;
    let vendors = stack
        .browser
        .wait_until(
            "the GPU vendor rows",
            "const v = [...document.querySelectorAll('select[name=vendorToSpecUuidsMap]')];
             return v.length ? v.map(s => s.value) : null;",
            WAIT,
        )
        .await;
    assert_eq!(vendors, json!(["Huawei", "NVIDIA"]));
    assert_eq!(stack.value("name").await, "qwen-split-fault");

    // The clone, with the outcome's views refused: it is sent and followed all the same, once.
    stack.browser.block_urls(&blocked).await;
    stack.submit().await;
    stack.wait_phase("done").await;
    stack.wait_for(".cms-dialog__body > .cms-part-failed").await;
    // The outcome is said all the same: the result's own view is what is missing.
    assert_eq!(
        stack
            .text_of(".cms-dialog__body > .cms-part-failed .cms-part-failed__gist")
            .await,
        "The model service was cloned."
    );
    let log = stack.sim_requests().await;
    let posts = clone_posts(&log);
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0]["body"]["params"]["name"], "qwen-split-fault");
    stack.browser.screenshot("split_parts-result-failed").await;

    // "Try again" shows the clone's result; nothing is sent again.
    stack.browser.block_urls(&[]).await;
    assert_eq!(try_again_in(&stack, ".cms-dialog__body").await, 1);
    stack.wait_for("[data-result=uuid]").await;
    assert_eq!(
        stack.text_of("[data-result=name]").await,
        "qwen-split-fault"
    );
    assert_eq!(
        stack.sim_state().await["cloneCount"],
        1,
        "exactly one clone"
    );
    assert_eq!(
        stack.text_of("[data-result=uuid]").await,
        posts[0]["body"]["params"]["resourceUuid"]
            .as_str()
            .expect("the clone's resourceUuid")
    );
    assert_eq!(clone_posts(&stack.sim_requests().await).len(), 1);
    stack.finish().await;
}
