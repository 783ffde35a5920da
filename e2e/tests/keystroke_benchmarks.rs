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

/// Keystrokes in the name field while a 1 MB YAML just typed (pasted) is being checked: from
/// the moment each keystroke was due to the name's row of "what will change" showing it, five
/// per new YAML, the first after the paste's frame is drawn. Also the paste itself (its input
/// handler, and until its frame is drawn) and how long the YAML's verdict took to arrive.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: run with --ignored"]
async fn yaml_1mb_keystroke_while_checking() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    // Left once: its problem (and "checking") is shown from now on.
    stack.set("yaml", "a: 1\n").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (mut during, mut after) = (Vec::<f64>::new(), Vec::<f64>::new());
    let (mut handler, mut painted, mut verdict) =
        (Vec::<f64>::new(), Vec::<f64>::new(), Vec::<f64>::new());
    let runs = 16;
    for i in 0..runs {
        let r: Value = stack
            .browser
            .client()
            .execute_async(
                "const [i, done] = arguments;
                 const yaml = document.querySelector('[name=yaml]');
                 const name = document.querySelector('[name=name]');
                 const checking = () => (document.getElementById('cms-err-yaml') || {}).textContent === 'Checking the YAML…';
                 const later = (ms) => new Promise((r) => setTimeout(r, ms));
                 const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
                 const keystroke = (n) => new Promise((resolve) => {
                   const typed = name.value + String.fromCharCode(97 + ((i * 5 + n) % 26));
                   const due = performance.now();
                   const shown = () => {
                     const ins = document.querySelector('.cms-diff__row[data-field=name] ins');
                     return ins && ins.textContent === typed;
                   };
                   setTimeout(() => {
                     const was = checking();
                     const finish = () => { obs.disconnect(); resolve([performance.now() - due, was]); };
                     const obs = new MutationObserver(() => { if (shown()) finish(); });
                     obs.observe(document.querySelector('.cms-changes'), { subtree: true, childList: true, characterData: true });
                     name.value = typed;
                     name.dispatchEvent(new Event('input', { bubbles: true }));
                     if (shown()) finish();
                   }, 0);
                 });
                 (async () => {
                   let big = '';
                   for (let k = 0; k < 26000; k++) big += `key${k}: \"value ${k} run ${i}\"\\n`;
                   const t0 = performance.now();
                   yaml.value = big;
                   yaml.dispatchEvent(new Event('input', { bubbles: true }));
                   const handler = performance.now() - t0;
                   await frame();
                   const painted = performance.now() - t0;
                   const keys = [];
                   for (let n = 0; n < 5; n++) { await later(1 + ((i + n) % 4) * 5); keys.push(await keystroke(n)); }
                   while (checking() && performance.now() - t0 < 20000) await later(2);
                   done({ keys, handler, painted, verdict: performance.now() - t0 });
                 })();",
                vec![Value::from(i)],
            )
            .await
            .expect("keystrokes");
        for key in r["keys"].as_array().unwrap() {
            let ms = key[0].as_f64().unwrap();
            if key[1] == Value::Bool(true) {
                during.push(ms);
            } else {
                after.push(ms);
            }
        }
        handler.push(r["handler"].as_f64().unwrap());
        painted.push(r["painted"].as_f64().unwrap());
        verdict.push(r["verdict"].as_f64().unwrap());
    }
    if !during.is_empty() {
        println!(
            "BENCH keystroke -> DOM update while a 1 MB YAML is checked: {}",
            summary(&during)
        );
    }
    if !after.is_empty() {
        println!(
            "BENCH keystroke -> DOM update with a 1 MB YAML, no check running: {}",
            summary(&after)
        );
    }
    println!(
        "BENCH 1 MB YAML pasted, its input handler: {}",
        summary(&handler)
    );
    println!(
        "BENCH 1 MB YAML pasted -> its frame drawn: {}",
        summary(&painted)
    );
    println!(
        "BENCH 1 MB YAML pasted -> verdict in: {}",
        summary(&verdict)
    );
    stack.finish().await;
}
