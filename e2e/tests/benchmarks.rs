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
