//! Sessions and outcomes: login, expired session, job failure, proxy errors, dropped
//! connections, double submits; every clone happens exactly once.

use std::time::Duration;

use e2e::app::{clone_posts, CLONE_PATH};
use e2e::stack::{Stack, WAIT};
use serde_json::{json, Value};
use zstack_sim::seed;

/// The X-Job-UUID of every clone POST.
fn job_uuids(log: &[Value]) -> Vec<String> {
    clone_posts(log)
        .iter()
        .map(|p| p["headers"]["x-job-uuid"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_session_the_user_logs_in_then_clones() {
    let stack = Stack::start().await;
    stack
        .open(&format!("/?uuid={}", seed::SERVICE_ONE_ARCH))
        .await;
    stack.wait_phase("login").await;
    // A wrong password is explained in place.
    stack.set("accountName", "admin").await;
    stack.set("password", "wrong").await;
    stack.click_action("login").await;
    stack.wait_for(".cms-login [role=alert]").await;
    assert!(stack
        .text_of(".cms-login [role=alert]")
        .await
        .contains("ID.1000"));
    stack.browser.screenshot("clone_outcomes-login").await;
    stack.log_in_as_admin().await;
    stack.wait_phase("editing").await;
    assert_eq!(stack.value("name").await, "bge-m3-embedding-copy");
    stack.submit().await;
    stack.wait_phase("done").await;

    let log = stack.sim_requests().await;
    let login = log
        .iter()
        .rev()
        .find(|r| r["path"] == "/zstack/v1/accounts/login")
        .expect("login request");
    assert_eq!(login["method"], "PUT");
    assert_eq!(
        login["body"]["logInByAccount"]["password"],
        zstack_sim::sha512_hex(seed::ADMIN_PASSWORD)
    );
    let post = clone_posts(&log)[0];
    let auth = post["headers"]["authorization"].as_str().unwrap();
    assert!(auth.starts_with("OAuth ") && auth.len() == 6 + 32, "{auth}");
    // The token is kept for this tab only.
    let kept = stack
        .browser
        .eval("return sessionStorage.getItem('cms.session')", vec![])
        .await;
    assert_eq!(kept, json!(format!("\"{}\"", &auth[6..])));
    assert_eq!(stack.sim_state().await["cloneCount"], 1);
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_expired_mid_edit_logs_in_again_and_clones_the_same_draft_once() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    // The fragment was read and removed from the address bar.
    let url = stack.browser.eval("return location.href", vec![]).await;
    assert!(!url.as_str().unwrap().contains("session="), "{url}");
    stack.set("name", "kept-through-login").await;
    stack.set("framework", "SGLang").await;
    stack.expire_sessions().await;
    stack.submit().await;
    stack.log_in_as_admin().await;
    stack.wait_phase("done").await;
    assert_eq!(
        stack.text_of("[data-result=name]").await,
        "kept-through-login"
    );
    let state = stack.sim_state().await;
    assert_eq!(state["cloneCount"], 1, "{state}");
    let log = stack.sim_requests().await;
    let posts = clone_posts(&log);
    let last = posts.last().unwrap();
    assert_eq!(last["body"]["params"]["name"], "kept-through-login");
    assert_eq!(last["body"]["params"]["framework"], "SGLang");
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_job_shows_its_cause_chain_and_keeps_the_form() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    stack
        .fail_next_clone_job(json!({
            "code": "SYS.1006", "details": "clone failed",
            "cause": {"code": "SYS.1000", "details": "disk full",
                      "cause": {"code": "SYS.1001", "details": "no space on /dev/sda1"}}}))
        .await;
    stack.set("name", "will-fail-first").await;
    stack.submit().await;
    stack.wait_phase("failed").await;
    let panel = stack.text_of(".cms-error").await;
    assert!(
        panel.contains("SYS.1006") && panel.contains("clone failed"),
        "{panel}"
    );
    let causes = stack.text_of(".cms-causes").await;
    assert!(
        causes.contains("SYS.1000") && causes.contains("disk full"),
        "{causes}"
    );
    assert!(causes.contains("no space on /dev/sda1"), "{causes}");
    stack
        .browser
        .eval("document.querySelector('.cms-causes').open = true;", vec![])
        .await;
    stack.browser.screenshot("clone_outcomes-failed").await;
    // The form is as it was; trying again clones (a new job: the failed one is over).
    assert_eq!(stack.value("name").await, "will-fail-first");
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let jobs = job_uuids(&log);
    assert_eq!(jobs.len(), 2);
    assert_ne!(jobs[0], jobs[1]);
    assert_eq!(stack.sim_state().await["cloneCount"], 1);
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxy_502_page_is_explained_and_a_retry_clones_once() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    // More 502s than the client's own attempts: the user sees it, and since a gateway may
    // have passed the request on, the outcome is unknown until checked again.
    stack
        .add_fault(json!({
            "method": "POST", "pathPrefix": CLONE_PATH, "times": 4,
            "action": {"kind": "respond", "status": 502, "contentType": "text/html",
                       "body": "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"}
        }))
        .await;
    stack.submit().await;
    stack
        .browser
        .wait_until(
            "the failure",
            "return document.querySelector('dialog').dataset.phase === 'unknown'",
            Duration::from_secs(30),
        )
        .await;
    let panel = stack.text_of(".cms-error").await;
    assert!(panel.contains("502"), "{panel}");
    assert!(!panel.contains("<html"), "{panel}");
    stack.click_action("check-again").await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let jobs = job_uuids(&log);
    assert_eq!(jobs.len(), 5, "{jobs:?}");
    assert!(jobs.iter().all(|j| *j == jobs[0]), "one intent: {jobs:?}");
    assert_eq!(stack.sim_state().await["cloneCount"], 1);
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_dropped_after_the_post_landed_is_retried_into_exactly_one_clone() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    stack
        .add_fault(
            json!({"method": "POST", "pathPrefix": CLONE_PATH, "action": {"kind": "dropAfter"}}),
        )
        .await;
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let jobs = job_uuids(&log);
    assert_eq!(jobs.len(), 2, "{jobs:?}");
    assert_eq!(jobs[0], jobs[1]);
    assert_eq!(stack.sim_state().await["cloneCount"], 1);
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn double_click_and_enter_twice_clone_once() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    stack
        .browser
        .eval(
            "const b = document.querySelector('form.cms-form button[type=submit]');
             b.click(); b.click();
             const f = document.querySelector('form.cms-form');
             f.requestSubmit(); f.requestSubmit();",
            vec![],
        )
        .await;
    stack.wait_phase("done").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let log = stack.sim_requests().await;
    assert_eq!(clone_posts(&log).len(), 1);
    assert_eq!(stack.sim_state().await["cloneCount"], 1);
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_restores_the_draft() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    stack.set("name", "survives-reload").await;
    stack
        .set("architectureImages.1.dockerImage", "qwen/vllm:0.7")
        .await;
    stack.click_action("add-architecture").await;
    stack
        .set("architectureImages.2.cpuArchitecture", "loongarch64")
        .await;
    // Reload: the session and the draft come back from sessionStorage.
    stack.browser.client().refresh().await.expect("reload");
    stack.wait_phase("editing").await;
    assert_eq!(stack.value("name").await, "survives-reload");
    assert_eq!(
        stack.value("architectureImages.1.dockerImage").await,
        "qwen/vllm:0.7"
    );
    assert_eq!(
        stack.value("architectureImages.2.cpuArchitecture").await,
        "loongarch64"
    );
    stack.wait_for(".cms-note").await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_and_malformed_sources_get_a_full_message() {
    let stack = Stack::start().await;
    let session = stack.mint_session().await;
    stack
        .open(&format!(
            "/?uuid=00000000000040008000000000000000#session={session}"
        ))
        .await;
    stack.wait_phase("unavailable").await;
    let text = stack.text_of("dialog [role=alert]").await;
    assert!(text.contains("No model service"), "{text}");
    stack.open("/?uuid=not-a-uuid").await;
    stack.wait_phase("unavailable").await;
    let text = stack.text_of("dialog [role=alert]").await;
    assert!(text.contains("32 hexadecimal"), "{text}");
    let _ = WAIT;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_the_dialog_while_the_job_runs_keeps_following_it() {
    let stack = e2e::stack::Stack::start_with(e2e::stack::StackOptions {
        job_ms: 2500,
        ..e2e::stack::StackOptions::default()
    })
    .await;
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    stack.submit().await;
    stack.wait_phase("polling").await;
    let handover = stack.text_of(".cms-progress").await;
    assert!(handover.contains("continues in ZStack"), "{handover}");
    stack.browser.screenshot("clone_outcomes-polling").await;
    stack.click_action("cancel").await;
    stack
        .browser
        .wait_until(
            "closed",
            "return !document.querySelector('dialog').open",
            WAIT,
        )
        .await;
    // The job is still followed while closed: reopening shows the result.
    stack
        .browser
        .wait_until(
            "the clone finished in the background",
            "return document.querySelector('dialog').dataset.phase === 'done'",
            Duration::from_secs(20),
        )
        .await;
    stack.click_action("reopen").await;
    stack.wait_phase("done").await;
    assert!(!stack.text_of("[data-result=uuid]").await.is_empty());
    assert_eq!(stack.sim_state().await["cloneCount"], 1);
    stack.finish().await;
}
