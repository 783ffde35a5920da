//! Figures for docs/benchmarks.md, in headless Chromium against the release build. They assert
//! nothing about time (machines differ); run them on purpose:
//!
//! ```sh
//! CMS_DIST=dist cargo test -p e2e --test benchmarks -- --ignored --nocapture --test-threads 1
//! ```

use std::time::Duration;

use e2e::stack::{Stack, WAIT};
use serde_json::Value;
use zstack_sim::seed;

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn summary(values: &mut [f64]) -> String {
    let m = median(values);
    let min = values.first().copied().unwrap_or(0.0);
    let max = values.last().copied().unwrap_or(0.0);
    let p90 = values[((values.len() as f64 * 0.9).ceil() as usize).saturating_sub(1)];
    format!(
        "runs {}, median {m:.2} ms, p90 {p90:.2} ms, min {min:.2} ms, max {max:.2} ms",
        values.len()
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: run with --ignored"]
async fn navigation_to_an_interactive_prefilled_dialog() {
    let stack = Stack::start().await;
    let mut times = Vec::new();
    for run in 0..12 {
        let session = stack.mint_session().await;
        // A fresh sessionStorage each time: no restored draft, the full load.
        stack.open("/").await;
        stack.browser.eval("sessionStorage.clear();", vec![]).await;
        stack
            .open(&format!(
                "/?uuid={}&run={run}#session={session}",
                seed::SERVICE_TWO_ARCH
            ))
            .await;
        stack.wait_phase("editing").await;
        let t = stack
            .browser
            .eval(
                "const m = performance.getEntriesByName('cms-editing')[0]; return m ? m.startTime : null;",
                vec![],
            )
            .await;
        times.push(t.as_f64().expect("the cms-editing mark"));
    }
    println!(
        "BENCH navigation -> pre-filled dialog (performance mark 'cms-editing'): {}",
        summary(&mut times)
    );
    stack.finish().await;
}

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
        summary(&mut times)
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
    let (mut during, mut after) = (Vec::new(), Vec::new());
    let (mut handler, mut painted, mut verdict) = (Vec::new(), Vec::new(), Vec::new());
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
            summary(&mut during)
        );
    }
    if !after.is_empty() {
        println!(
            "BENCH keystroke -> DOM update with a 1 MB YAML, no check running: {}",
            summary(&mut after)
        );
    }
    println!(
        "BENCH 1 MB YAML pasted, its input handler: {}",
        summary(&mut handler)
    );
    println!(
        "BENCH 1 MB YAML pasted -> its frame drawn: {}",
        summary(&mut painted)
    );
    println!(
        "BENCH 1 MB YAML pasted -> verdict in: {}",
        summary(&mut verdict)
    );
    stack.finish().await;
}
