//! Keystroke figures for docs/benchmarks.md, in headless Chromium against the release build.
//! They assert nothing about time (machines differ); run them on purpose (scripts/bench.sh does):
//!
//! ```sh
//! CMS_DIST=dist cargo test -p e2e --test keystroke_benchmarks -- --ignored --nocapture --test-threads 1
//! ```

use std::time::Duration;

use e2e::first_load::{runs, summary};
use e2e::stack::{Stack, WAIT};
use serde_json::Value;
use zstack_sim::seed;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: run with --ignored"]
async fn keystroke_to_dom_update_with_64_architecture_rows() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    stack
        .browser
        .eval(
            "const add = document.querySelector('[data-action=add-architecture]');
             for (let i = 0; i < 62; i++) add.click();",
            vec![],
        )
        .await;
    stack
        .browser
        .wait_until(
            "64 rows",
            "return document.querySelectorAll('.cms-rows > fieldset.cms-row').length === 64",
            WAIT,
        )
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut times = Vec::new();
    for i in 0..40 {
        // One keystroke in row 40's docker image; done when the input's value and "what will
        // change" (which depends on the whole draft) show it.
        let t: Value = stack
            .browser
            .client()
            .execute_async(
                "const [i, done] = arguments;
                 const input = document.querySelector('[name=\"architectureImages.40.dockerImage\"]');
                 const diff = document.querySelector('.cms-changes');
                 const typed = input.value + String.fromCharCode(97 + (i % 26));
                 const t0 = performance.now();
                 const check = () => diff.textContent.includes(typed);
                 const obs = new MutationObserver(() => {
                   if (check()) { obs.disconnect(); done(performance.now() - t0); }
                 });
                 obs.observe(diff, { subtree: true, childList: true, characterData: true });
                 input.value = typed;
                 input.dispatchEvent(new Event('input', { bubbles: true }));
                 if (check()) { obs.disconnect(); done(performance.now() - t0); }",
                vec![Value::from(i)],
            )
            .await
            .expect("keystroke");
        times.push(t.as_f64().unwrap());
    }
    let rows = stack
        .browser
        .eval(
            "return document.querySelectorAll('.cms-rows > fieldset.cms-row').length",
            vec![],
        )
        .await;
    assert_eq!(rows, 64);
    println!(
        "BENCH keystroke -> DOM update, 64 rows: {}",
        summary(&times)
    );
    stack.finish().await;
}

/// While a fresh 1 MB YAML is being checked: the yaml field gets it (one input event, as a
/// paste), and at once, then every 40 ms, a keystroke goes into another field (row 1's docker
/// image). Each keystroke's time runs from when it was due (a keystroke that waits for a busy
/// main thread counts the wait) until its value shows in "what will change".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: run with --ignored"]
async fn keystroke_to_dom_update_while_a_1_mb_yaml_is_checked() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    let mut times = Vec::new();
    let mut first = Vec::new();
    for run in 0..runs() {
        let t: Value = stack
            .browser
            .client()
            .execute_async(
                "const [run, done] = arguments;
                 let yaml = '';
                 for (let i = 0; yaml.length < 1048576; i++) {
                   yaml += `service${run}_${i}:\\n  ports:\\n    - ${3000 + i % 1000}\\n  name: \"qwen-${i}\"\\n  env:\\n    - key: value\\n`;
                 }
                 const field = document.querySelector('[name=yaml]');
                 const input = document.querySelector('[name=\"architectureImages.0.dockerImage\"]');
                 const diff = document.querySelector('.cms-changes');
                 const times = [];
                 const pasted = performance.now();
                 field.value = yaml;
                 field.dispatchEvent(new Event('input', { bubbles: true }));
                 const keystroke = (k) => {
                   if (k === 10) { done(times); return; }
                   const due = pasted + 40 * k;
                   setTimeout(() => {
                     const typed = input.value + String.fromCharCode(97 + ((run + k) % 26));
                     const shown = () => diff.textContent.includes(typed);
                     const finish = () => { obs.disconnect(); times.push(performance.now() - due); keystroke(k + 1); };
                     const obs = new MutationObserver(() => { if (shown()) finish(); });
                     obs.observe(diff, { subtree: true, childList: true, characterData: true });
                     input.value = typed;
                     input.dispatchEvent(new Event('input', { bubbles: true }));
                     if (shown()) finish();
                   }, Math.max(0, due - performance.now()));
                 };
                 keystroke(0);",
                vec![Value::from(run)],
            )
            .await
            .expect("keystrokes while the YAML is checked");
        let run_times: Vec<f64> = t
            .as_array()
            .expect("times")
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        first.push(run_times[0]);
        times.extend(run_times);
        // Let the check of this YAML end before the next run's.
        tokio::time::sleep(Duration::from_millis(1500)).await;
    }
    let yaml_length = stack
        .browser
        .eval(
            "return document.querySelector('[name=yaml]').value.length",
            vec![],
        )
        .await;
    assert!(yaml_length.as_u64().unwrap() >= 1 << 20);
    println!(
        "BENCH keystroke -> DOM update while a fresh 1 MB YAML is checked (10 keystrokes 40 ms apart from the paste on, per run): {}",
        summary(&times)
    );
    println!(
        "BENCH   of which the first keystroke (due with the paste): {}",
        summary(&first)
    );
    stack.finish().await;
}
