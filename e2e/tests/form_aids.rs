//! What helps while editing: the image picker per architecture, the live name-uniqueness hint,
//! "what will change" and the request preview with its token toggle and copy button (the tag
//! and GPU vendor pickers are in `pickers.rs`).

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
    stack
        .browser
        .eval(
            "document.querySelector('.cms-preview__tabs').scrollIntoView();",
            vec![],
        )
        .await;
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
    stack.set("lang", "zh-CN").await;
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
