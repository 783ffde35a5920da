//! The source query starts in boot.js, while the wasm downloads (`window.cmsSourceRequest`), and
//! the app takes its answer instead of asking again: one query per load, whichever way the
//! session came, and an answer that is a fault is handled as if the app had asked.

use e2e::app::CLONE_PATH;
use e2e::stack::Stack;
use serde_json::{json, Value};
use zstack_sim::seed;

/// The source queries (`GET /zstack/v1/ai/model-services/<uuid>`) the simulator received.
async fn source_queries(stack: &Stack, uuid: &str) -> Vec<Value> {
    let path = format!("{CLONE_PATH}{uuid}");
    stack
        .sim_requests()
        .await
        .into_iter()
        .filter(|r| r["method"] == "GET" && r["path"] == path.as_str())
        .collect()
}

/// When the page's source query started and when the wasm had started (ms from navigation).
async fn query_start_and_wasm_start(stack: &Stack, uuid: &str) -> (f64, f64) {
    let v = stack
        .browser
        .eval(
            "const query = performance.getEntriesByType('resource')
                 .filter((e) => e.name.endsWith('/model-services/' + arguments[0]));
             const wasm = performance.getEntriesByName('cms-wasm-started')[0];
             return [query.length === 1 ? query[0].startTime : -1, wasm ? wasm.startTime : -1];",
            vec![json!(uuid)],
        )
        .await;
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_source_is_asked_for_once_before_the_wasm_has_started() {
    let stack = Stack::start().await;
    let uuid = seed::SERVICE_TWO_ARCH;
    // The session from the address.
    let session = stack.mint_session().await;
    stack
        .open(&format!("/?uuid={uuid}#session={session}"))
        .await;
    stack.wait_phase("editing").await;
    let queries = source_queries(&stack, uuid).await;
    assert_eq!(queries.len(), 1, "{queries:?}");
    assert_eq!(
        queries[0]["headers"]["authorization"],
        format!("OAuth {session}")
    );
    let (query, wasm) = query_start_and_wasm_start(&stack, uuid).await;
    assert!(
        query >= 0.0 && wasm > query,
        "the query started at {query} ms, the wasm at {wasm} ms"
    );
    let name = stack.value("name").await;
    assert!(name.starts_with("qwen2.5-7b-instruct"), "{name}");

    // The session from the tab's store: the same again, one more query.
    stack.open(&format!("/?uuid={uuid}")).await;
    stack.wait_phase("editing").await;
    assert_eq!(source_queries(&stack, uuid).await.len(), 2);
    let (query, wasm) = query_start_and_wasm_start(&stack, uuid).await;
    assert!(query >= 0.0 && wasm > query, "{query} / {wasm}");
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_session_nothing_is_asked_before_the_login() {
    let stack = Stack::start().await;
    let uuid = seed::SERVICE_ONE_ARCH;
    stack.open(&format!("/?uuid={uuid}")).await;
    stack.log_in_as_admin().await;
    stack.wait_phase("editing").await;
    // Only the app's own query, after the login: boot.js had no session to send.
    let queries = source_queries(&stack, uuid).await;
    assert_eq!(queries.len(), 1, "{queries:?}");
    let log = stack.sim_requests().await;
    let login = log
        .iter()
        .position(|r| r["method"] == "PUT")
        .expect("a login");
    let query = log
        .iter()
        .position(|r| r["method"] == "GET" && r["path"] == format!("{CLONE_PATH}{uuid}").as_str())
        .unwrap();
    assert!(login < query, "the source query came before the login");
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fault_in_boot_js_answer_is_said_and_try_again_asks_anew() {
    let stack = Stack::start().await;
    let uuid = seed::SERVICE_ONE_ARCH;
    stack
        .add_fault_on(
            "GET",
            &format!("{CLONE_PATH}{uuid}"),
            1,
            json!({"kind": "respond", "status": 503, "body": {"error": {
                "code": "SYS.1001", "description": "busy", "details": "the node is busy"}}}),
        )
        .await;
    let session = stack.mint_session().await;
    stack
        .open(&format!("/?uuid={uuid}#session={session}"))
        .await;
    stack.wait_phase("unavailable").await;
    let said = stack.text_of("dialog").await;
    assert!(
        said.contains("SYS.1001") && said.contains("the node is busy"),
        "{said}"
    );
    assert_eq!(source_queries(&stack, uuid).await.len(), 1);
    stack.click_action("retry-load").await;
    stack.wait_phase("editing").await;
    let queries = source_queries(&stack, uuid).await;
    assert_eq!(queries.len(), 2, "{queries:?}");
    assert_eq!(queries[1]["status"], 200);
    stack.finish().await;
}
