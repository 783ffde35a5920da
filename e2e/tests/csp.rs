//! The app runs under `deploy/nginx.conf`'s Content-Security-Policy: Chromium reports no
//! violation in any phase, and the check itself sees a violation when there is one.
//!
//! Two independent witnesses:
//! - Chromium's console log (`Browser::console_output`): every violation is a console error
//!   (Chromium 156: "Executing inline script violates the following Content Security Policy
//!   directive ..."), from the very first byte of each page, the bootstrap included;
//! - a `securitypolicyviolation` listener put into each page once it has loaded, which sees the
//!   later phases' violations as events (what a portal's CSP reporting would see).
//!
//! A probe page with an inline script and an inline style, served beside the app by the same
//! nginx under the same headers, proves that both witnesses report violations. Framed mode too:
//! a portal named in `frame-ancestors` frames and themes the app without violation, and one not
//! named is refused by the browser (a `frame-ancestors` violation in the log).

use std::time::Duration;

use e2e::app::{disk_full, CLONE_PATH};
use e2e::nginx::Site;
use e2e::portal::{EmbeddedStack, Portal};
use e2e::stack::{Stack, StackOptions, WAIT};
use serde_json::{json, Value};
use zstack_sim::seed;

const PROBE: &str = "<!doctype html><html lang=en><title>csp probe</title>\
    <p style=\"color: red\">inline style</p>\
    <script>document.title = 'inline script ran';</script></html>";
/// Written to the console before the probe: what comes before it in the log is the app's.
const MARKER: &str = "cms-csp-probe-starts";

/// Console lines about the CSP.
fn csp_lines(console: &str) -> Vec<&str> {
    console
        .lines()
        .filter(|line| {
            line.contains("Content Security Policy") || line.contains("Content-Security-Policy")
        })
        .collect()
}

/// Starts listening for `securitypolicyviolation` in the current page (once per document).
async fn listen(stack: &Stack) {
    stack
        .browser
        .eval(
            "if (!window.__cmsCsp) {
               window.__cmsCsp = [];
               document.addEventListener('securitypolicyviolation', (e) =>
                 window.__cmsCsp.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
             }",
            vec![],
        )
        .await;
}

/// The violations the listener saw in the current page.
async fn seen(stack: &Stack) -> Vec<Value> {
    match stack
        .browser
        .eval("return window.__cmsCsp || null;", vec![])
        .await
    {
        Value::Array(events) => events,
        other => panic!("no listener in this page ({other})"),
    }
}

/// Waits for `phase`, checks the listener and moves on: the phases each page went through.
async fn reach(stack: &Stack, phase: &str, phases: &mut Vec<String>) {
    stack.wait_phase(phase).await;
    listen(stack).await;
    let events = seen(stack).await;
    assert!(
        events.is_empty(),
        "CSP violations in phase {phase}: {events:?}"
    );
    stack.browser.screenshot(&format!("csp-{phase}")).await;
    phases.push(phase.to_owned());
}

/// Every phase of the dialog, on the site at `/` or at `/tools/clone/`, then the probe.
async fn no_violation_in_any_phase(site: Site) {
    let stack = Stack::start_with(StackOptions {
        job_ms: 1500,
        site: site.with_file("csp-probe.html", PROBE),
        ..StackOptions::default()
    })
    .await;
    let mut phases = Vec::new();

    // unavailable: a ?uuid= that is not a uuid
    stack.open("/?uuid=not-a-uuid").await;
    reach(&stack, "unavailable", &mut phases).await;

    // choosing: no ?uuid=, a session (then forgotten, so the next page asks for a login)
    let session = stack.mint_session().await;
    stack.open(&format!("/#session={session}")).await;
    reach(&stack, "choosing", &mut phases).await;
    stack.wait_for("[data-action=choose-source]").await;
    stack.browser.eval("sessionStorage.clear();", vec![]).await;

    // login (no session), loading (the source query held back after the login), editing
    stack
        .open(&format!("/?uuid={}", seed::SERVICE_TWO_ARCH))
        .await;
    reach(&stack, "login", &mut phases).await;
    stack
        .add_fault_on("GET", CLONE_PATH, 1, json!({"kind": "delay", "ms": 2000}))
        .await;
    stack.log_in_as_admin().await;
    reach(&stack, "loading", &mut phases).await;
    reach(&stack, "editing", &mut phases).await;
    // The form with problems shown.
    stack.set("name", "").await;
    stack.submit().await;
    stack.wait_for(".cms-summary li").await;
    assert!(seen(&stack).await.is_empty(), "{:?}", seen(&stack).await);
    stack.set("name", "csp-clone").await;

    // submitting (the POST held back), polling (the job runs 1.5 s), done
    stack
        .add_fault_on("POST", CLONE_PATH, 1, json!({"kind": "delay", "ms": 2000}))
        .await;
    stack.submit().await;
    reach(&stack, "submitting", &mut phases).await;
    reach(&stack, "polling", &mut phases).await;
    reach(&stack, "done", &mut phases).await;

    // failed: the job fails with a cause chain
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    listen(&stack).await;
    stack.fail_next_clone_job(disk_full()).await;
    stack.submit().await;
    reach(&stack, "failed", &mut phases).await;

    // unknown: no POST gets through; then checked again into done
    stack.open_form(seed::SERVICE_ONE_ARCH, "&lang=zh-CN").await;
    listen(&stack).await;
    stack.set("name", "csp-unknown").await;
    tokio::time::sleep(Duration::from_millis(700)).await;
    stack
        .add_fault_on("POST", CLONE_PATH, 4, json!({"kind": "dropBefore"}))
        .await;
    stack.submit().await;
    reach(&stack, "unknown", &mut phases).await;
    stack.click_action("check-again").await;
    reach(&stack, "done", &mut phases).await;

    // The probe, last: what the log holds before the marker is the app's.
    stack
        .browser
        .eval(&format!("console.log('{MARKER}');"), vec![])
        .await;
    stack.open("/csp-probe.html").await;
    let deadline = std::time::Instant::now() + WAIT;
    let (app, probe) = loop {
        let console = stack.browser.console_output();
        let (app, probe) = console
            .split_once(MARKER)
            .unwrap_or_else(|| panic!("the marker is not in the console log:\n{console}"));
        let (app, probe) = (
            csp_lines(app)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
            csp_lines(probe)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
        );
        if probe.len() >= 2 || std::time::Instant::now() > deadline {
            break (app, probe);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(
        app.is_empty(),
        "CSP violations while the app went through {phases:?}:\n{}",
        app.join("\n")
    );
    // The witnesses work: the inline script and the inline style were refused and reported.
    assert!(
        probe.iter().any(|l| l.contains("inline script"))
            && probe.iter().any(|l| l.contains("inline style")),
        "the probe's violations are not in Chromium's log: {probe:?}"
    );
    let title = stack.browser.eval("return document.title;", vec![]).await;
    assert_eq!(title, "csp probe", "the inline script ran");
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_csp_violation_in_any_phase_at_the_root() {
    no_violation_in_any_phase(Site::root()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_csp_violation_in_any_phase_under_a_sub_path() {
    no_violation_in_any_phase(Site::sub_path()).await;
}

/// The listener, too, reports what the CSP refuses after the page has loaded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_listener_reports_a_violation_after_load() {
    let stack = Stack::start().await;
    stack.open("/").await;
    stack.wait_phase("login").await;
    listen(&stack).await;
    stack
        .browser
        .eval(
            "const s = document.createElement('script');
             s.textContent = 'window.__inlineRan = true;';
             document.body.append(s);
             document.body.setAttribute('style', 'color: red');",
            vec![],
        )
        .await;
    let events = stack
        .browser
        .wait_until(
            "two violation events",
            "const e = window.__cmsCsp; return e.length >= 2 && e;",
            WAIT,
        )
        .await;
    let events = events.to_string();
    assert!(
        events.contains("script-src-elem") && events.contains("style-src-attr"),
        "{events}"
    );
    let ran = stack
        .browser
        .eval("return window.__inlineRan === true;", vec![])
        .await;
    assert_eq!(ran, Value::Bool(false), "the inline script ran");
    stack.finish().await;
}

/// Framed by a portal named in `embedOrigins` and `frame-ancestors`, themed through `open`: no
/// violation. A portal that `frame-ancestors` does not name: the browser refuses the frame, and
/// says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn framed_and_themed_without_violation_and_refused_to_a_stranger() {
    let portal = Portal::start().await;
    let stranger = Portal::start().await;
    let embedded = EmbeddedStack::start(&json!({
        "embedOrigins": [portal.origin()],
        "theme": {"--cms-accent": "#0a7f3f"},
    }))
    .await;
    let stack = &embedded.stack;
    let app = stack.nginx.url("/");
    let client = stack.browser.client();
    client
        .goto(&format!("{}/?app={app}", portal.origin()))
        .await
        .expect("open the portal");
    client.enter_frame(0).await.expect("enter the app's frame");
    stack.wait_phase("waiting").await;
    listen(stack).await;
    client
        .enter_parent_frame()
        .await
        .expect("back to the portal");
    let session = stack.mint_session().await;
    for message in [
        json!({"type": "session", "session": session}),
        json!({"type": "open", "uuid": seed::SERVICE_TWO_ARCH, "lang": "zh-CN",
               "params": {"name": "framed-csp"}, "theme": {"--cms-radius": "2px"}}),
    ] {
        stack
            .browser
            .eval("window.send(arguments[0]); return true;", vec![message])
            .await;
    }
    client.enter_frame(0).await.expect("enter the app's frame");
    stack.wait_phase("editing").await;
    let themed = stack
        .browser
        .eval(
            "const d = document.querySelector('dialog.cms-dialog');
             return getComputedStyle(d).getPropertyValue('--cms-radius').trim();",
            vec![],
        )
        .await;
    assert_eq!(themed, "2px", "the theme was applied");
    let events = seen(stack).await;
    assert!(events.is_empty(), "CSP violations framed: {events:?}");

    client.enter_parent_frame().await.ok();
    stack
        .browser
        .eval(&format!("console.log('{MARKER}');"), vec![])
        .await;
    client
        .goto(&format!("{}/?app={app}", stranger.origin()))
        .await
        .expect("open the stranger's portal");
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let console = stack.browser.console_output();
        let (before, after) = console.split_once(MARKER).expect("the marker in the log");
        let before = csp_lines(before);
        assert!(before.is_empty(), "CSP violations framed: {before:?}");
        if csp_lines(after)
            .iter()
            .any(|l| l.contains("frame-ancestors"))
        {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the stranger's frame was not refused by frame-ancestors:\n{after}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    embedded.stack.finish().await;
}
