//! The release build as a static host serves it: nginx, real Chromium, the dialog frame.

use e2e::http;
use e2e::stack::{Stack, StackOptions, WAIT};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dialog_opens_as_a_labelled_modal_with_focus_inside() {
    let stack = Stack::start().await;
    // Without ?uuid= there is nothing to clone: a full message says what is missing.
    stack.open("/").await;
    stack.wait_phase("unavailable").await;
    let facts = stack
        .browser
        .eval(
            "const d = document.querySelector('dialog.cms-dialog');
             const title = document.getElementById(d.getAttribute('aria-labelledby'));
             return {
               modal: d.matches(':modal'),
               title: title && title.textContent.trim(),
               focusInside: d.contains(document.activeElement),
               lang: document.documentElement.lang,
               pageTitle: document.title,
               message: d.querySelector('[role=alert]').textContent.trim(),
             };",
            vec![],
        )
        .await;
    assert_eq!(facts["modal"], Value::Bool(true), "{facts}");
    assert_eq!(facts["title"], "Clone model service", "{facts}");
    assert_eq!(facts["focusInside"], Value::Bool(true), "{facts}");
    assert_eq!(facts["lang"], "en", "{facts}");
    assert!(
        facts["message"].as_str().unwrap_or("").contains("?uuid="),
        "{facts}"
    );
    stack.browser.screenshot("static_host-dialog-en").await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_comes_from_the_query_then_the_browser_and_switches_in_place() {
    let stack = Stack::start_with(StackOptions {
        browser_lang: "zh-CN".into(),
        ..StackOptions::default()
    })
    .await;
    // The browser prefers Chinese.
    stack.open("/").await;
    stack.wait_phase("unavailable").await;
    let title = "return document.getElementById('cms-title').textContent.trim()";
    assert_eq!(stack.browser.eval(title, vec![]).await, "克隆模型服务");
    // ?lang= wins over the browser.
    stack.open("/?lang=en").await;
    stack.wait_phase("unavailable").await;
    assert_eq!(
        stack.browser.eval(title, vec![]).await,
        "Clone model service"
    );
    // Switching in place changes every text and <html lang>, without a reload.
    stack
        .browser
        .eval(
            "window.__notReloaded = true;
             const select = document.querySelector('select[name=lang]');
             select.value = 'zh-CN';
             select.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await;
    stack
        .browser
        .wait_until(
            "the Chinese title",
            "return document.getElementById('cms-title').textContent.trim() === '克隆模型服务'
                && document.querySelector('dialog [role=alert]').textContent.includes('未指定源模型服务')
                && document.documentElement.lang === 'zh-CN' && window.__notReloaded === true",
            WAIT,
        )
        .await;
    stack.browser.screenshot("static_host-dialog-zh").await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nginx_serves_the_build_compressed_with_the_right_types() {
    let stack = Stack::start().await;
    let index = http::get(&stack.nginx.url("/"), &[]).await;
    assert_eq!(index.status, 200);
    let html = index.text();
    let wasm = find_asset(&html, "_bg.wasm");
    let js = find_asset(&html, ".js");
    let css = find_asset(&html, ".css");
    for (asset, mime) in [
        (&wasm, "application/wasm"),
        (&js, "application/javascript"),
        (&css, "text/css"),
    ] {
        let response = http::get(&stack.nginx.url(asset), &[("accept-encoding", "gzip")]).await;
        assert_eq!(response.status, 200, "{asset}");
        assert_eq!(response.header("content-type"), Some(mime), "{asset}");
        assert_eq!(response.header("content-encoding"), Some("gzip"), "{asset}");
    }
    // An unknown path falls back to the app (deep links work on a static host).
    let deep = http::get(&stack.nginx.url("/some/deep/link?uuid=x"), &[]).await;
    assert_eq!(deep.status, 200);
    assert_eq!(deep.text(), html);
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_reaches_the_zstack_api_same_origin_through_the_proxy() {
    let stack = Stack::start().await;
    stack.open("/").await;
    stack.wait_phase("unavailable").await;
    let session = "0123456789abcdef0123456789abcdef";
    let answer = stack
        .browser
        .client()
        .execute_async(
            "const [session, done] = arguments;
             fetch('/zstack/v1/accounts/sessions/' + session + '/valid')
               .then(r => r.text().then(body => done({ status: r.status, body })))
               .catch(e => done({ error: String(e) }));",
            vec![Value::String(session.into())],
        )
        .await
        .expect("fetch from the page");
    assert_eq!(answer["status"], 200, "{answer}");
    let body: Value = serde_json::from_str(answer["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["valid"], Value::Bool(false), "{answer}");
    let log = stack.sim_requests().await;
    assert!(
        log.iter()
            .any(|r| r["path"] == format!("/zstack/v1/accounts/sessions/{session}/valid")),
        "the simulator did not see the request: {log:?}"
    );
    stack.finish().await;
}

/// The first `src`/`href` in `html` ending with `suffix`.
fn find_asset(html: &str, suffix: &str) -> String {
    // Minified HTML leaves attribute values unquoted: split on quotes, blanks, `=` and `>`.
    html.split(['"', '\'', ' ', '=', '>'])
        .find(|part| part.starts_with('/') && part.ends_with(suffix))
        .unwrap_or_else(|| panic!("no asset ending in {suffix} in:\n{html}"))
        .to_string()
}
