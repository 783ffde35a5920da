//! Keyboard-only use, the Chinese UI end to end, and an axe-core scan of every phase.

use e2e::app::{clone_posts, CLONE_PATH};
use e2e::stack::{Stack, StackOptions, WAIT};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use zstack_sim::seed;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clone_can_be_made_with_the_keyboard_only() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    let client = stack.browser.client();
    // Focus starts inside the modal dialog.
    let inside = stack
        .browser
        .eval(
            "return document.querySelector('dialog').contains(document.activeElement)",
            vec![],
        )
        .await;
    assert_eq!(inside, Value::Bool(true));
    // Tab to the name field, select all, type a new name, Enter submits.
    let mut found = false;
    for _ in 0..10 {
        let name = stack
            .browser
            .eval("return document.activeElement.name || ''", vec![])
            .await;
        if name == "name" {
            found = true;
            break;
        }
        stack.browser.press(Key::Tab).await;
    }
    assert!(found, "Tab reaches the name field");
    let field = client.active_element().await.unwrap();
    let select_all = format!("{}a{}", char::from(Key::Control), char::from(Key::Control));
    field.send_keys(&select_all).await.unwrap();
    field.send_keys("typed-by-keyboard").await.unwrap();
    field
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .unwrap();
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let posts = clone_posts(&log);
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0]["body"]["params"]["name"], "typed-by-keyboard");
    // The result's buttons are reachable: "clone another" with the keyboard.
    let another = client
        .find(Locator::Css("[data-action=clone-another]"))
        .await
        .unwrap();
    another
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .unwrap();
    stack.wait_phase("editing").await;
    // Escape cancels; with changes it asks first (dismissed: nothing lost).
    stack.set("name", "unsaved").await;
    let name = client.find(Locator::Css("[name=name]")).await.unwrap();
    name.send_keys(&char::from(Key::Escape).to_string())
        .await
        .unwrap();
    let question = client.get_alert_text().await.expect("a confirmation");
    assert!(question.contains("Discard"), "{question}");
    client.dismiss_alert().await.unwrap();
    assert_eq!(stack.value("name").await, "unsaved");
    let open = stack
        .browser
        .eval("return document.querySelector('dialog').open", vec![])
        .await;
    assert_eq!(open, Value::Bool(true));
    // Escape again, accepted: the dialog closes and focus returns to the page.
    let name = client.find(Locator::Css("[name=name]")).await.unwrap();
    name.send_keys(&char::from(Key::Escape).to_string())
        .await
        .unwrap();
    client.get_alert_text().await.expect("a confirmation");
    client.accept_alert().await.unwrap();
    stack
        .browser
        .wait_until(
            "the dialog closed, focus on the page",
            "return !document.querySelector('dialog').open
                && document.activeElement && document.activeElement.dataset.action === 'reopen'",
            WAIT,
        )
        .await;
    // Enter on "open again": a fresh pre-fill, focus back inside the dialog.
    stack.browser.press(Key::Enter).await;
    stack.wait_phase("editing").await;
    assert_eq!(stack.value("name").await, "bge-m3-embedding-copy");
    let inside = stack
        .browser
        .eval(
            "return document.querySelector('dialog').contains(document.activeElement)",
            vec![],
        )
        .await;
    assert_eq!(inside, Value::Bool(true));
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chinese_ui_works_end_to_end() {
    let stack = Stack::start_with(StackOptions {
        browser_lang: "zh-CN".into(),
        ..StackOptions::default()
    })
    .await;
    stack.open_form(seed::SERVICE_CJK, "").await;
    assert_eq!(stack.text_of("#cms-title").await, "克隆模型服务");
    assert_eq!(stack.text_of("label[for=cms-name]").await, "名称");
    assert!(stack.value("name").await.starts_with("通义千问-对话服务"));
    stack.set("requestCpu", "abc").await;
    assert_eq!(stack.text_of("#cms-err-requestCpu").await, "请输入整数。");
    stack.set("requestCpu", "2").await;
    stack.set("description", "中文描述,已修改").await;
    // Switching the language in place keeps the input.
    stack.set("lang", "en").await;
    stack
        .browser
        .wait_until(
            "English labels",
            "return document.querySelector('label[for=cms-name]').textContent === 'Name'",
            WAIT,
        )
        .await;
    assert_eq!(stack.value("description").await, "中文描述,已修改");
    stack.set("lang", "zh-CN").await;
    stack.submit().await;
    stack.wait_phase("done").await;
    assert_eq!(
        stack.text_of(".cms-result__title").await,
        "模型服务已克隆。"
    );
    stack.browser.screenshot("accessibility-done-zh").await;
    let log = stack.sim_requests().await;
    let params = &clone_posts(&log)[0]["body"]["params"];
    assert_eq!(params["description"], "中文描述,已修改");
    assert_eq!(params["requestCpu"], 2);
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_phase_passes_an_axe_scan() {
    let stack = Stack::start_with(StackOptions {
        job_ms: 60_000,
        ..StackOptions::default()
    })
    .await;
    // unavailable
    stack.open("/?uuid=not-a-uuid").await;
    stack.wait_phase("unavailable").await;
    stack.assert_accessible("axe-unavailable").await;
    // login
    stack
        .open(&format!("/?uuid={}", seed::SERVICE_TWO_ARCH))
        .await;
    stack.wait_phase("login").await;
    stack.assert_accessible("axe-login").await;
    // editing, then with problems shown (another query: a new fragment alone does not reload)
    stack.open_form(seed::SERVICE_TWO_ARCH, "&lang=en").await;
    stack.assert_accessible("axe-editing").await;
    stack.set("name", "").await;
    stack.set("architectureImages.0.vmImageUuid", "bad").await;
    stack.submit().await;
    stack.wait_for(".cms-summary li").await;
    stack.assert_accessible("axe-invalid").await;
    stack.set("name", "axe-scan").await;
    stack
        .set("architectureImages.0.vmImageUuid", seed::IMAGE_X86_64_CUDA)
        .await;
    // polling (the job runs for a minute)
    stack.submit().await;
    stack.wait_phase("polling").await;
    stack.assert_accessible("axe-polling").await;
    // failed (ZStack refuses the POST at once; a failing job would run for the whole minute)
    stack
        .add_fault(json!({"method": "POST", "pathPrefix": CLONE_PATH,
            "action": {"kind": "respond", "status": 503, "contentType": "application/json",
                "body": {"error": {"code": "SYS.1006", "details": "clone failed",
                    "cause": {"code": "SYS.1000", "details": "disk full"}}}}}))
        .await;
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    stack.submit().await;
    stack.wait_phase("failed").await;
    stack.assert_accessible("axe-failed").await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_result_passes_an_axe_scan_at_360_px() {
    let stack = Stack::start_with(StackOptions::narrow()).await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    stack.browser.screenshot("narrow-editing").await;
    let overflow = stack
        .browser
        .eval(
            "const d = document.querySelector('dialog'); return d.scrollWidth > d.clientWidth + 1;",
            vec![],
        )
        .await;
    assert_eq!(
        overflow,
        Value::Bool(false),
        "no horizontal scrolling at 360 px"
    );
    stack.submit().await;
    stack.wait_phase("done").await;
    stack.assert_accessible("axe-done").await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pickers_name_hint_and_token_toggle_pass_an_axe_scan_at_360_px() {
    let stack = Stack::start_with(StackOptions::narrow()).await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    // The name hint, a tag checked, a uuid that is not one, a GPU vendor row added.
    stack.set("name", "bge-m3-embedding").await;
    stack.wait_for(".cms-field__hint--warn").await;
    stack
        .wait_for(&format!("input[name=tagUuids][value='{}']", seed::TAG_CJK))
        .await;
    stack
        .browser
        .eval(
            &format!(
                "document.querySelector(\"input[name=tagUuids][value='{}']\").click();",
                seed::TAG_CJK
            ),
            vec![],
        )
        .await;
    stack.set("tagUuids.add", "not-a-uuid").await;
    stack.click_action("add-tag").await;
    stack.wait_for("[data-action=add-vendor]").await;
    stack.click_action("add-vendor").await;
    stack.wait_for("#cms-err-tagUuids").await;
    // The preview with the token shown.
    stack
        .browser
        .eval(
            "document.querySelector('details.cms-preview').open = true;
             [...document.querySelectorAll('.cms-preview__tabs button')]
                 .find(b => b.textContent === 'curl').click();",
            vec![],
        )
        .await;
    stack.click_action("reveal-token").await;
    let overflow = stack
        .browser
        .eval(
            "const d = document.querySelector('dialog');
             const wide = [...d.querySelectorAll('*')]
                 .filter(el => el.getBoundingClientRect().right > d.getBoundingClientRect().right + 1)
                 .map(el => el.tagName + '.' + el.className);
             return { scrolls: d.scrollWidth > d.clientWidth + 1, wide };",
            vec![],
        )
        .await;
    assert_eq!(
        overflow,
        json!({"scrolls": false, "wide": []}),
        "no horizontal scrolling at 360 px"
    );
    stack.assert_accessible("axe-pickers-360").await;
    // Every control of the pickers has a visible label.
    let unlabelled = stack
        .browser
        .eval(
            "return [...document.querySelectorAll('dialog input, dialog select, dialog textarea')]
               .filter(el => !(el.labels && el.labels.length && el.labels[0].offsetWidth))
               .map(el => el.name);",
            vec![],
        )
        .await;
    assert_eq!(unlabelled, json!([]), "controls without a visible label");
    stack.finish().await;
}
