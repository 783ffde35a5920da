//! Embedded in a portal: the app served from one loopback origin with a `config.json` naming
//! the portal, framed by a portal page on another origin, spoken to over postMessage. And a
//! portal whose origin is not named: it hears nothing, and nothing it says causes a request.

use std::time::Duration;

use e2e::app::clone_posts;
use e2e::portal::{EmbeddedStack, Portal};
use e2e::stack::{Stack, WAIT};
use serde_json::{json, Value};
use zstack_sim::seed;

/// Every message the app posted to the portal so far (the portal page records them).
async fn received(stack: &Stack) -> Vec<Value> {
    stack.browser.client().enter_parent_frame().await.ok();
    match stack
        .browser
        .eval("return window.received || []", vec![])
        .await
    {
        Value::Array(v) => v,
        other => panic!("{other}"),
    }
}

/// Waits until the portal received a message of `kind` satisfying `test`, and returns it.
async fn wait_message(stack: &Stack, kind: &str, test: impl Fn(&Value) -> bool) -> Value {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let all = received(stack).await;
        if let Some(m) = all.iter().find(|m| m["type"] == kind && test(m)) {
            return m.clone();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no {kind} message; received: {all:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Posts a host message into the frame.
async fn send(stack: &Stack, message: Value) {
    stack.browser.client().enter_parent_frame().await.ok();
    stack
        .browser
        .eval("window.send(arguments[0]); return true;", vec![message])
        .await;
}

/// Runs the next steps inside the app's frame.
async fn enter_app(stack: &Stack) {
    stack.browser.client().enter_parent_frame().await.ok();
    stack
        .browser
        .client()
        .enter_frame(0)
        .await
        .expect("enter the app's frame");
}

async fn count_of(stack: &Stack, kind: &str) -> usize {
    received(stack)
        .await
        .iter()
        .filter(|m| m["type"] == kind)
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_portal_opens_the_dialog_and_hears_everything_that_happens() {
    let portal = Portal::start().await;
    let embedded = EmbeddedStack::start(&json!({"embedOrigins": [portal.origin()]})).await;
    let stack = &embedded.stack;
    let app = stack.nginx.url("/");
    stack
        .browser
        .client()
        .goto(&format!("{}/?app={}", portal.origin(), app))
        .await
        .expect("open the portal");
    let ready = wait_message(stack, "ready", |_| true).await;
    assert_eq!(ready["protocol"], "clone-model-service");
    assert_eq!(ready["version"], 1);
    wait_message(stack, "phase", |m| m["phase"] == "waiting").await;

    // session + open, with a language and parameters over the source.
    let session = stack.mint_session().await;
    send(stack, json!({"type": "session", "session": session})).await;
    send(
        stack,
        json!({"type": "open", "uuid": seed::SERVICE_TWO_ARCH, "lang": "zh-CN",
               "params": {"name": "from-the-portal", "requestCpu": 3}}),
    )
    .await;
    wait_message(stack, "phase", |m| m["phase"] == "editing").await;
    enter_app(stack).await;
    stack.wait_phase("editing").await;
    assert_eq!(stack.value("name").await, "from-the-portal");
    assert_eq!(stack.value("requestCpu").await, "3");
    let lang = stack
        .browser
        .eval("return document.documentElement.lang", vec![])
        .await;
    assert_eq!(lang, json!("zh-CN"));
    // Shown as changes.
    let changes = stack.text_of(".cms-changes").await;
    assert!(changes.contains("from-the-portal"), "{changes}");
    stack.assert_accessible("embedding-framed-dialog").await;
    // Resizes arrived with the content's height.
    let resize = wait_message(stack, "resize", |m| m["height"].as_u64().unwrap_or(0) > 100).await;
    assert!(resize["height"].is_u64(), "{resize}");

    // A clone: `cloned` with the inventory, exactly one POST.
    enter_app(stack).await;
    stack.submit().await;
    let cloned = wait_message(stack, "cloned", |_| true).await;
    assert_eq!(cloned["inventory"]["name"], "from-the-portal");
    let posts = clone_posts(&stack.sim_requests().await).len();
    assert_eq!(posts, 1);
    assert_eq!(stack.sim_state().await["cloneCount"], 1);
    for phase in ["submitting", "done"] {
        wait_message(stack, "phase", |m| m["phase"] == phase).await;
    }
    // The dialog this `open` mounted is observed too: the result, shorter than the form, is
    // reported.
    let editing_height = received(stack)
        .await
        .iter()
        .filter(|m| m["type"] == "resize")
        .filter_map(|m| m["height"].as_u64())
        .max()
        .unwrap();
    let done_height = wait_message(stack, "resize", |m| {
        m["height"]
            .as_u64()
            .is_some_and(|h| h > 0 && h < editing_height)
    })
    .await;
    assert!(done_height["height"].as_u64().unwrap() < editing_height);

    // Open again, cancel: `cancelled`.
    send(
        stack,
        json!({"type": "open", "uuid": seed::SERVICE_ONE_ARCH}),
    )
    .await;
    enter_app(stack).await;
    stack.wait_phase("editing").await;
    stack.click_action("cancel").await;
    wait_message(stack, "cancelled", |_| true).await;

    // Open again; the session expires; the portal hands a fresh one: one more clone.
    send(
        stack,
        json!({"type": "open", "uuid": seed::SERVICE_ONE_ARCH}),
    )
    .await;
    enter_app(stack).await;
    stack.wait_phase("editing").await;
    stack.set("name", "after-a-fresh-session").await;
    stack.expire_sessions().await;
    stack.submit().await;
    wait_message(stack, "sessionExpired", |_| true).await;
    let fresh = stack.mint_session().await;
    send(stack, json!({"type": "session", "session": fresh})).await;
    let cloned = wait_message(stack, "cloned", |m| {
        m["inventory"]["name"] == "after-a-fresh-session"
    })
    .await;
    assert_eq!(cloned["type"], "cloned");
    assert_eq!(stack.sim_state().await["cloneCount"], 2);
    // The fresh session carried the request; no URL ever held a session.
    let log = stack.sim_requests().await;
    let last = clone_posts(&log).last().cloned().cloned().unwrap();
    assert_eq!(
        last["headers"]["authorization"],
        json!(format!("OAuth {fresh}"))
    );
    for r in &log {
        let line = format!("{}?{}", r["path"], r["query"]);
        assert!(!line.contains(&session) && !line.contains(&fresh), "{line}");
    }

    // `close`: the dialog closes without asking.
    enter_app(stack).await;
    send(stack, json!({"type": "close"})).await;
    enter_app(stack).await;
    stack.wait_for("[data-action=reopen]").await;

    // Invalid messages change nothing and are answered with nothing (after the close's own
    // messages have arrived).
    tokio::time::sleep(Duration::from_millis(800)).await;
    let before = received(stack).await;
    for bad in [
        json!({"type": "open", "uuid": "not-a-uuid"}),
        json!({"type": "session", "session": "a\"b"}),
        json!({"type": "open", "uuid": seed::SERVICE_ONE_ARCH, "params": {"requestCpu": "3"}}),
        json!({"type": "nonsense"}),
    ] {
        send(stack, bad).await;
    }
    stack.browser.client().enter_parent_frame().await.ok();
    stack
        .browser
        .eval(
            "window.sendRaw({type: 'open', uuid: arguments[0]}); return true;",
            vec![json!(seed::SERVICE_ONE_ARCH)],
        )
        .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let after = received(stack).await;
    assert_eq!(
        after.len(),
        before.len(),
        "answered: {:?}",
        &after[before.len()..]
    );
    assert_eq!(count_of(stack, "ready").await, 1);
    embedded.stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_portal_that_is_not_named_hears_nothing_and_causes_nothing() {
    let named = Portal::start().await;
    let stranger = Portal::start().await;
    // deploy/nginx.conf's frame-ancestors would refuse the stranger's frame outright: let it
    // frame the app, so that what is tested is the app's own check of origins.
    let embedded = EmbeddedStack::start_framed_by(
        &json!({"embedOrigins": [named.origin()]}),
        &[named.origin(), stranger.origin()],
    )
    .await;
    let stack = &embedded.stack;
    let app = stack.nginx.url("/");
    stack
        .browser
        .client()
        .goto(&format!("{}/?app={}", stranger.origin(), app))
        .await
        .expect("open the stranger's portal");
    enter_app(stack).await;
    stack.wait_phase("waiting").await;
    let session = stack.mint_session().await;
    send(stack, json!({"type": "session", "session": session})).await;
    send(
        stack,
        json!({"type": "open", "uuid": seed::SERVICE_TWO_ARCH}),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(
        received(stack).await.is_empty(),
        "the stranger heard something"
    );
    enter_app(stack).await;
    stack.wait_phase("waiting").await;
    let log = stack.sim_requests().await;
    assert!(log.is_empty(), "requests were made: {log:?}");
    embedded.stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_config_json_is_a_clear_page_not_a_blank_one() {
    let embedded = EmbeddedStack::start(&json!({"embedOrigins": "https://portal.example"})).await;
    let stack = &embedded.stack;
    stack.open("/").await;
    stack.wait_for(".cms-config-error").await;
    let text = stack.text_of(".cms-config-error").await;
    assert!(
        text.contains("config.json") && text.contains("embedOrigins"),
        "{text}"
    );
    assert!(stack.sim_requests().await.is_empty());
    embedded.stack.finish().await;
}
