//! Token hygiene, asserted in the browser: the session token from `#session=` leaves the
//! address bar in every case (with a good, a bad or no `?uuid=`), and it never shows up in
//! localStorage, the console, an error text or a URL the app requests.

use e2e::stack::Stack;
use serde_json::{json, Value};
use zstack_sim::seed;

async fn address(stack: &Stack) -> String {
    let v = stack.browser.eval("return location.href", vec![]).await;
    v.as_str().unwrap_or_default().to_owned()
}

async fn local_storage(stack: &Stack) -> String {
    let v = stack
        .browser
        .eval(
            "return JSON.stringify(Object.entries(localStorage))",
            vec![],
        )
        .await;
    v.as_str().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fragment_token_leaves_the_address_bar_whatever_the_address() {
    let stack = Stack::start().await;
    let session = stack.mint_session().await;
    let cases = [
        (
            format!("/?uuid={}#session={session}", seed::SERVICE_ONE_ARCH),
            "editing",
            "",
        ),
        (
            format!("/?uuid=not-a-uuid#session={session}"),
            "unavailable",
            "",
        ),
        (format!("/#session={session}"), "choosing", ""),
        (
            format!(
                "/?uuid={}&lang=zh-CN#session={session}&keep=1",
                seed::SERVICE_ONE_ARCH
            ),
            "editing",
            "#keep=1",
        ),
        (
            format!(
                "/?uuid={}#session=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
                seed::SERVICE_ONE_ARCH
            ),
            "login",
            "",
        ),
    ];
    for (path, phase, hash) in cases {
        stack
            .browser
            .eval(
                "try { sessionStorage.clear(); } catch (e) {} return true;",
                vec![],
            )
            .await;
        stack.open(&path).await;
        stack.wait_phase(phase).await;
        let href = address(&stack).await;
        assert!(!href.contains("session="), "{path}: {href}");
        assert!(href.ends_with(hash) || hash.is_empty(), "{path}: {href}");
        let history = stack
            .browser
            .eval("return String(history.state) + location.hash", vec![])
            .await;
        assert!(!history.to_string().contains(&session), "{path}: {history}");
    }
    // The hostile fragment was never taken as a session: no element injected, nothing sent.
    let injected = stack
        .browser
        .eval(
            "return document.querySelectorAll('img[src=x]').length",
            vec![],
        )
        .await;
    assert_eq!(injected, json!(0));
    let log = stack.sim_requests().await;
    assert!(log.iter().all(|r| !r["headers"]["authorization"]
        .as_str()
        .unwrap_or("")
        .contains("img")));
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_is_never_in_local_storage_the_console_an_error_or_a_url() {
    let stack = Stack::start().await;
    let session = stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    // ZStack's details quote the session: the error shown must not.
    stack
        .fail_next_clone_job(json!({
            "code": "SYS.1006", "details": format!("session[{session}] may not clone"),
            "cause": {"code": "ID.1002", "details": format!("permission denied for {session}")}}))
        .await;
    stack.set("name", "token-hygiene").await;
    stack.submit().await;
    stack.wait_phase("failed").await;
    let panel = stack.text_of(".cms-error").await;
    assert!(
        panel.contains("SYS.1006") && panel.contains("may not clone"),
        "{panel}"
    );
    let page = stack
        .browser
        .eval("return document.documentElement.outerHTML", vec![])
        .await;
    assert!(
        !page.as_str().unwrap().contains(&session),
        "the page shows the token"
    );
    // A clone, and the preview opened (token masked by default).
    stack.submit().await;
    stack.wait_phase("done").await;
    assert!(!local_storage(&stack).await.contains(&session));
    // The capture works: a probe written now is read back.
    stack
        .browser
        .eval("console.log('cms-console-probe'); return true;", vec![])
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let console = stack.browser.console_output();
    assert!(console.contains("cms-console-probe"), "{console}");
    assert!(!console.contains(&session), "{console}");
    let urls = stack
        .browser
        .eval(
            "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])",
            vec![],
        )
        .await;
    let Value::Array(urls) = urls else {
        panic!("{urls}")
    };
    assert!(!urls.is_empty());
    for url in &urls {
        assert!(!url.as_str().unwrap_or("").contains(&session), "{url}");
    }
    for request in stack.sim_requests().await {
        let line = format!("{}?{}", request["path"], request["query"]);
        assert!(!line.contains(&session), "{line}");
    }
    stack.finish().await;
}
