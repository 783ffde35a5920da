//! The standalone source list (no `?uuid=`): login first, pages, search (literal, also with
//! LIKE's `%` and `_`, quotes and markup), choose, clone, Back, Forward, reload, keyboard only,
//! its empty, failed and expired-session states, Chinese at 360 px in dark mode, axe.

use e2e::app::clone_posts;
use e2e::stack::{Stack, StackOptions, WAIT};
use fantoccini::key::Key;
use serde_json::{json, Value};
use zstack_sim::seed;

const GENERATED: usize = 45;

fn options() -> StackOptions {
    StackOptions {
        seed: Some(seed::catalogue(GENERATED)),
        ..StackOptions::default()
    }
}

fn all_services() -> usize {
    seed::catalogue(GENERATED).model_services.len()
}

/// The names the list shows, in order.
async fn names(stack: &Stack) -> Vec<String> {
    let v = stack
        .browser
        .eval(
            "return [...document.querySelectorAll('[data-action=choose-source]')]
               .map(e => e.querySelector('.cms-source__name').textContent);",
            vec![],
        )
        .await;
    serde_json::from_value(v).unwrap()
}

/// Waits until the list shows `count` rows, the first named `first` (if given), not busy.
async fn wait_rows(stack: &Stack, count: usize, first: Option<&str>) {
    let script = format!(
        "const rows = [...document.querySelectorAll('[data-action=choose-source]')];
         const list = document.querySelector('[role=listbox]');
         const first = {};
         return !!list && !list.hasAttribute('aria-busy') && rows.length === {count}
           && (first === null || rows[0].querySelector('.cms-source__name').textContent === first);",
        json!(first)
    );
    stack
        .browser
        .wait_until(&format!("{count} rows from {first:?}"), &script, WAIT)
        .await;
}

async fn address(stack: &Stack) -> String {
    stack
        .browser
        .eval(
            "return location.pathname + location.search + location.hash;",
            vec![],
        )
        .await
        .as_str()
        .unwrap()
        .to_owned()
}

async fn status(stack: &Stack) -> String {
    stack.text_of(".cms-sources [role=status]").await
}

async fn choose(stack: &Stack, uuid: &str) {
    let ok = stack
        .browser
        .eval(
            "const row = document.querySelector(`[data-action=choose-source][data-uuid=\"${arguments[0]}\"]`);
             if (!row) return false; row.click(); return true;",
            vec![json!(uuid)],
        )
        .await;
    assert_eq!(ok, Value::Bool(true), "no row {uuid}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_page_search_choose_clone_back_forward_and_reload() {
    let stack = Stack::start_with(options()).await;
    stack.open("/").await;
    stack.log_in_as_admin().await;
    stack.wait_phase("choosing").await;
    wait_rows(&stack, 20, None).await;
    let total = all_services();
    assert_eq!(status(&stack).await, format!("{total} model services"));
    assert_eq!(
        stack.text_of(".cms-sources__paging .cms-status").await,
        "Page 1 of 3"
    );
    stack.assert_accessible("source-list").await;
    // Every row: name, type, framework, architectures (from its images), creation date.
    let first = stack.text_of("[data-action=choose-source]").await;
    for part in ["Type: ", "Framework: ", "Architectures: ", "Created: "] {
        assert!(first.contains(part), "{first}");
    }
    let page_one = names(&stack).await;
    stack.click_action("next-page").await;
    wait_rows(&stack, 20, None).await;
    stack
        .browser
        .wait_until(
            "page 2",
            "return document.querySelector('.cms-sources__paging .cms-status').textContent === 'Page 2 of 3';",
            WAIT,
        )
        .await;
    let page_two = names(&stack).await;
    assert!(
        page_one.iter().all(|n| !page_two.contains(n)),
        "pages are disjoint"
    );
    let mut sorted = page_one.clone();
    sorted.extend(page_two.clone());
    let shown = sorted.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(shown, sorted, "sorted by name across pages");
    assert!(address(&stack).await.contains("page=2"));
    // Search (debounced; the node filters): the first page of the matches.
    stack.set("search", "catalogue-model-04").await;
    wait_rows(&stack, 6, Some("catalogue-model-040")).await;
    assert_eq!(status(&stack).await, "6 model services");
    let at = address(&stack).await;
    assert!(
        at.contains("search=catalogue-model-04") && !at.contains("page="),
        "{at}"
    );
    let queries: Vec<String> = stack
        .sim_requests()
        .await
        .iter()
        .filter(|r| r["method"] == "GET" && r["path"] == "/zstack/v1/ai/model-services")
        .filter_map(|r| r["query"].as_str().map(str::to_owned))
        .collect();
    assert!(
        queries
            .iter()
            .any(|q| q.contains("q=name~=%25catalogue-model-04%25")
                && q.contains("replyWithCount=true")
                && q.contains("start=0")),
        "{queries:?}"
    );
    // Choose: the dialog for that source, ?uuid= in the address, never the session.
    let chosen = seed::generated_uuid(41);
    choose(&stack, &chosen).await;
    stack.wait_phase("editing").await;
    let at = address(&stack).await;
    assert!(at.contains(&format!("uuid={chosen}")), "{at}");
    assert!(!at.contains("session"), "{at}");
    assert_eq!(stack.value("name").await, "catalogue-model-042-copy");
    stack.submit().await;
    stack.wait_phase("done").await;
    assert_eq!(clone_posts(&stack.sim_requests().await).len(), 1);
    for action in ["copy-result", "clone-another", "choose-another"] {
        stack.wait_for(&format!("[data-action={action}]")).await;
    }
    assert!(!stack.text_of("[data-result=uuid]").await.is_empty());
    assert_eq!(
        stack.text_of("[data-result=name]").await,
        "catalogue-model-042-copy"
    );
    // Back: the list with its search and page as they were (the clone is one of the matches now).
    stack.browser.eval("history.back();", vec![]).await;
    stack.wait_phase("choosing").await;
    wait_rows(&stack, 7, Some("catalogue-model-040")).await;
    assert!(names(&stack)
        .await
        .contains(&"catalogue-model-042-copy".to_owned()));
    assert_eq!(stack.value("search").await, "catalogue-model-04");
    assert!(!address(&stack).await.contains("uuid="));
    // Reload: the same list again (the session is the tab's).
    stack.browser.client().refresh().await.unwrap();
    stack.wait_phase("choosing").await;
    wait_rows(&stack, 7, Some("catalogue-model-040")).await;
    assert_eq!(stack.value("search").await, "catalogue-model-04");
    // Forward: the source again, a fresh form (its clone is done); reload shows it again.
    stack.browser.eval("history.forward();", vec![]).await;
    stack.wait_phase("editing").await;
    assert_eq!(stack.value("name").await, "catalogue-model-042-copy");
    stack.browser.client().refresh().await.unwrap();
    stack.wait_phase("editing").await;
    // "Choose another source" after a clone: back to the list where it was.
    stack.submit().await;
    stack.wait_phase("done").await;
    stack.click_action("choose-another").await;
    stack.wait_phase("choosing").await;
    wait_rows(&stack, 8, Some("catalogue-model-040")).await;
    assert_eq!(stack.value("search").await, "catalogue-model-04");
    assert_eq!(clone_posts(&stack.sim_requests().await).len(), 2);
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_search_with_like_characters_quotes_and_markup_is_shown_and_matched_literally() {
    let stack = Stack::start_with(options()).await;
    let session = stack.mint_session().await;
    stack.open(&format!("/#session={session}")).await;
    stack.wait_phase("choosing").await;
    wait_rows(&stack, 20, None).await;
    // `%` and `_` are not wildcards: the look-alike `sale 50xyoff` is not listed.
    stack.set("search", "50%_off").await;
    wait_rows(&stack, 1, Some("sale 50%_off")).await;
    assert_eq!(status(&stack).await, "At most 2 model services");
    // Quotes, a backslash and markup: typed, shown and matched as text; no element made.
    let markup = r#""quoted" <b>bold</b> \"#;
    stack.set("search", markup).await;
    wait_rows(&stack, 1, Some(r#"it's "quoted" <b>bold</b> \ model"#)).await;
    assert_eq!(stack.value("search").await, markup);
    let injected = stack
        .browser
        .eval(
            "return document.querySelectorAll('dialog b').length;",
            vec![],
        )
        .await;
    assert_eq!(injected, json!(0));
    choose(&stack, seed::SERVICE_MARKUP).await;
    stack.wait_phase("editing").await;
    assert_eq!(
        stack.value("name").await,
        r#"it's "quoted" <b>bold</b> \ model-copy"#
    );
    stack.browser.eval("history.back();", vec![]).await;
    stack.wait_phase("choosing").await;
    assert_eq!(stack.value("search").await, markup);
    // Nothing found: its own state, the text shown as typed.
    let nothing = "<i>nothing</i> 100%";
    stack.set("search", nothing).await;
    stack.wait_for("[data-list=empty]").await;
    assert_eq!(
        stack.text_of("[data-list=empty]").await,
        format!("No model service name contains “{nothing}”.")
    );
    let injected = stack
        .browser
        .eval(
            "return document.querySelectorAll('dialog i').length;",
            vec![],
        )
        .await;
    assert_eq!(injected, json!(0));
    stack.assert_accessible("source-list-empty").await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_is_usable_with_the_keyboard_only() {
    let stack = Stack::start_with(options()).await;
    let session = stack.mint_session().await;
    stack.open(&format!("/#session={session}")).await;
    stack.wait_phase("choosing").await;
    wait_rows(&stack, 20, None).await;
    let browser = &stack.browser;
    let active = move |script: &'static str| async move { browser.eval(script, vec![]).await };
    assert_eq!(
        active("return document.activeElement.name || '';").await,
        "search"
    );
    // Tab from the search box lands on the listbox's one tabbable option.
    browser.press(Key::Tab).await;
    let rows = names(&stack).await;
    let focused =
        "return document.activeElement.querySelector('.cms-source__name')?.textContent || '';";
    assert_eq!(active(focused).await, rows[0].as_str());
    for k in [Key::Down, Key::Down, Key::Down, Key::Up] {
        browser.press(k).await;
    }
    assert_eq!(active(focused).await, rows[2].as_str());
    assert_eq!(
        active("return document.activeElement.getAttribute('aria-selected');").await,
        "true"
    );
    // The focus is visible.
    let outline = active("return getComputedStyle(document.activeElement).outlineStyle;").await;
    assert_ne!(outline, "none");
    browser.press(Key::End).await;
    assert_eq!(active(focused).await, rows[19].as_str());
    browser.press(Key::Home).await;
    browser.press(Key::Down).await;
    browser.press(Key::Enter).await;
    stack.wait_phase("editing").await;
    assert_eq!(stack.value("name").await, format!("{}-copy", rows[1]));
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_query_and_an_expired_session_each_have_their_own_state() {
    let stack = Stack::start_with(options()).await;
    stack
        .add_fault_on(
            "GET",
            "/zstack/v1/ai/model-services",
            1,
            json!({"kind": "respond", "status": 503, "contentType": "application/json",
                "body": {"error": {"code": "SYS.1000", "details": "database is down"}}}),
        )
        .await;
    let session = stack.mint_session().await;
    stack.open(&format!("/#session={session}")).await;
    stack.wait_phase("choosing").await;
    stack.wait_for("[data-list=failed]").await;
    let failed = stack.text_of("[data-list=failed]").await;
    assert!(
        failed.contains("could not be listed") && failed.contains("SYS.1000"),
        "{failed}"
    );
    stack.assert_accessible("source-list-failed").await;
    stack.click_action("retry-load").await;
    wait_rows(&stack, 20, None).await;
    // The session expires: the login form says why; afterwards the list as it was.
    stack.expire_sessions().await;
    stack.set("search", "catalogue").await;
    stack.wait_phase("login").await;
    assert!(stack
        .text_of(".cms-login [role=status]")
        .await
        .contains("Log in again to see the model services"));
    stack.set("accountName", seed::ADMIN_ACCOUNT).await;
    stack.set("password", seed::ADMIN_PASSWORD).await;
    stack.click_action("login").await;
    stack.wait_phase("choosing").await;
    wait_rows(&stack, 20, Some("catalogue-model-001")).await;
    assert_eq!(status(&stack).await, format!("{GENERATED} model services"));
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_in_chinese_at_360_px_in_dark_mode_passes_axe() {
    let stack = Stack::start_with(StackOptions {
        browser_lang: "zh-CN".into(),
        dark: true,
        ..StackOptions {
            seed: Some(seed::catalogue(GENERATED)),
            ..StackOptions::narrow()
        }
    })
    .await;
    let session = stack.mint_session().await;
    stack.open(&format!("/#session={session}")).await;
    stack.wait_phase("choosing").await;
    wait_rows(&stack, 20, None).await;
    let dark = stack
        .browser
        .eval(
            "return matchMedia('(prefers-color-scheme: dark)').matches;",
            vec![],
        )
        .await;
    assert_eq!(dark, json!(true), "the browser prefers dark");
    assert_eq!(
        stack.text_of("#cms-sources-title").await,
        "选择要克隆的模型服务"
    );
    assert_eq!(
        status(&stack).await,
        format!("共 {} 个模型服务", all_services())
    );
    assert_eq!(stack.text_of("[data-action=next-page]").await, "下一页");
    let overflow = stack
        .browser
        .eval(
            "const d = document.querySelector('dialog'); return d.scrollWidth > d.clientWidth + 1;",
            vec![],
        )
        .await;
    assert_eq!(overflow, json!(false), "no horizontal scrolling at 360 px");
    stack.browser.screenshot("source-list-zh-narrow-dark").await;
    stack.assert_accessible("source-list-zh-dark").await;
    // Chosen and cloned in Chinese: the result offers both ways on.
    choose(&stack, &seed::generated_uuid(0)).await;
    stack.wait_phase("editing").await;
    stack.submit().await;
    stack.wait_phase("done").await;
    assert_eq!(
        stack.text_of("[data-action=choose-another]").await,
        "选择其他源"
    );
    assert_eq!(
        stack.text_of("[data-action=clone-another]").await,
        "再次克隆此源"
    );
    stack.assert_accessible("source-list-done-zh-dark").await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_answer_never_replaces_a_newer_one() {
    let stack = Stack::start_with(options()).await;
    let session = stack.mint_session().await;
    stack.open(&format!("/#session={session}")).await;
    stack.wait_phase("choosing").await;
    wait_rows(&stack, 20, None).await;
    // The next query is held back 2 s: a search typed after it is answered first.
    stack
        .add_fault_on(
            "GET",
            "/zstack/v1/ai/model-services",
            1,
            json!({"kind": "delay", "ms": 2000}),
        )
        .await;
    stack.set("search", "catalogue-model-00").await;
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    stack.set("search", "sale").await;
    wait_rows(&stack, 2, Some("sale 50%_off")).await;
    // The held-back answer (nine rows) has arrived by now and changed nothing.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    let held_back: Vec<Value> = stack
        .sim_requests()
        .await
        .into_iter()
        .filter(|r| {
            r["query"]
                .as_str()
                .is_some_and(|q| q.contains("catalogue-model-00"))
        })
        .collect();
    assert_eq!(held_back.len(), 1, "{held_back:?}");
    assert_eq!(held_back[0]["status"], 200, "the slow query was answered");
    assert_eq!(names(&stack).await, ["sale 50%_off", "sale 50xyoff"]);
    assert_eq!(status(&stack).await, "2 model services");
    assert_eq!(stack.value("search").await, "sale");
    stack.finish().await;
}
