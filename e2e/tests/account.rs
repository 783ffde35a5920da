//! Whose session it is and logging out, on the standalone page: the header names the account,
//! "Log out" ends the session at ZStack, the draft survives to the next login, and the clone
//! after it is made once.

use e2e::app::clone_posts;
use e2e::stack::{Stack, StackOptions, WAIT};
use serde_json::json;
use zstack_sim::seed;

async fn account_shown(stack: &Stack) -> String {
    stack.wait_for(".cms-account__name").await;
    stack.text_of(".cms-account__name").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_from_a_link_is_named_by_its_account() {
    let stack = Stack::start().await;
    // The simulator mints sessions for the admin account, which sees every account.
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    assert_eq!(account_shown(&stack).await, seed::ADMIN_ACCOUNT);
    stack.browser.screenshot("account-link").await;
    let first_focus = stack
        .browser
        .eval(
            "return document.activeElement && document.activeElement.getAttribute('data-action');",
            vec![],
        )
        .await;
    assert_ne!(
        first_focus,
        json!("log-out"),
        "Enter at once must not log out"
    );
    assert!(stack
        .text_of(".cms-account")
        .await
        .starts_with("Signed in as"));
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_out_ends_the_session_keeps_the_draft_and_the_next_login_clones_once() {
    let stack = Stack::start().await;
    stack
        .open(&format!("/?uuid={}", seed::SERVICE_ONE_ARCH))
        .await;
    stack.wait_phase("login").await;
    stack.set("accountName", seed::USER_ACCOUNT).await;
    stack.set("password", seed::USER_PASSWORD).await;
    stack.click_action("login").await;
    stack.wait_phase("editing").await;
    assert_eq!(account_shown(&stack).await, seed::USER_ACCOUNT);
    assert_eq!(stack.sim_state().await["validSessions"], 1);
    stack.set("name", "kept-through-logout").await;

    stack.click_action("log-out").await;
    stack.wait_phase("login").await;
    assert_eq!(
        stack.sim_state().await["validSessions"],
        0,
        "ZStack ended it"
    );
    let logout = stack
        .sim_requests()
        .await
        .into_iter()
        .filter(|r| r["method"] == "DELETE")
        .count();
    assert_eq!(logout, 1);
    assert!(stack
        .text_of(".cms-login")
        .await
        .contains("You have logged out"));
    assert!(stack.browser.eval(
        "return sessionStorage.getItem('cms.session') === null && !document.querySelector('.cms-account');",
        vec![],
    ).await.as_bool().unwrap());

    stack.log_in_as_admin().await;
    stack.wait_phase("editing").await;
    assert_eq!(stack.value("name").await, "kept-through-logout");
    assert_eq!(account_shown(&stack).await, seed::ADMIN_ACCOUNT);
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    assert_eq!(clone_posts(&log).len(), 1);
    assert_eq!(stack.sim_state().await["cloneCount"], 1);
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_logout_zstack_refused_says_so_and_keeps_the_session() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    account_shown(&stack).await;
    stack
        .add_fault_on(
            "DELETE",
            "/zstack/v1/accounts/sessions/",
            1,
            json!({"kind": "respond", "status": 502, "contentType": "text/html",
                   "body": "<html><body><h1>502 Bad Gateway</h1></body></html>"}),
        )
        .await;
    stack.click_action("log-out").await;
    stack.wait_for(".cms-account__error").await;
    let said = stack.text_of(".cms-account__error").await;
    assert!(said.contains("Could not log out"), "{said}");
    assert!(said.contains("502"), "{said}");
    stack.wait_phase("editing").await;
    assert_eq!(stack.sim_state().await["validSessions"], 1);
    // Trying again works.
    stack.click_action("log-out").await;
    stack.wait_phase("login").await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_header_speaks_chinese_and_fits_360_px() {
    let stack = Stack::start_with(StackOptions {
        browser_lang: "zh-CN".into(),
        ..StackOptions::narrow()
    })
    .await;
    stack.open_form(seed::SERVICE_CJK, "").await;
    account_shown(&stack).await;
    assert!(stack.text_of(".cms-account").await.starts_with("当前账户"));
    assert_eq!(stack.text_of("[data-action=log-out]").await, "退出登录");
    let fits = stack
        .browser
        .wait_until(
            "the header within the viewport",
            "const r = document.querySelector('.cms-account').getBoundingClientRect();
             return r.right <= document.documentElement.clientWidth + 0.5 ? true : null;",
            WAIT,
        )
        .await;
    assert_eq!(fits, json!(true));
    stack.assert_accessible("account-zh-360").await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logging_out_of_the_source_list_returns_to_it_after_the_next_login() {
    let stack = Stack::start().await;
    let session = stack.mint_session().await;
    stack
        .open(&format!("/?search=qwen#session={session}"))
        .await;
    stack.wait_phase("choosing").await;
    assert_eq!(account_shown(&stack).await, seed::ADMIN_ACCOUNT);
    stack.click_action("log-out").await;
    stack.wait_phase("login").await;
    assert_eq!(stack.sim_state().await["validSessions"], 0);
    stack.log_in_as_admin().await;
    stack.wait_phase("choosing").await;
    // The same search, as the address still says.
    assert_eq!(stack.value("search").await, "qwen");
    stack.finish().await;
}
