//! The fault matrix, end to end: each row breaks one step of a clone as a real deployment can
//! (through nginx, with the simulator's faults), then does what a user would (check again, log
//! in when asked, reload, close and reopen). For each row: what the user saw, how many model
//! services ZStack made (exactly 1, or 0 where ZStack refused), and whether the draft was kept.
//! The table in `docs/reliability.md` is written from these rows by this test.

use std::time::Duration;

use e2e::app::{clone_posts, disk_full, CLONE_PATH};
use e2e::stack::{Stack, StackOptions, WAIT};
use serde_json::{json, Value};
use zstack_sim::{seed, Quirk, Quirks};

const JOBS_PATH: &str = "/zstack/v1/api-jobs/";
const QUERY_PATH: &str = "/zstack/v1/ai/model-services";
const SSO_PAGE: &str =
    "<!DOCTYPE html><html><head><title>Sign in - SSO</title></head><body><form>SSO</form></body></html>";

/// One row as it happened.
struct Row {
    case: &'static str,
    seen: String,
    clones: u64,
    expected_clones: u64,
    draft_kept: bool,
}

impl Row {
    fn holds(&self) -> bool {
        self.clones == self.expected_clones && self.draft_kept
    }
}

/// What the dialog shows now: its phase and its headline.
async fn seen(stack: &Stack) -> String {
    let v = stack
        .browser
        .eval(
            "const d = document.querySelector('dialog.cms-dialog');
             const t = d && d.querySelector('.cms-error__title, .cms-result__title, .cms-login .cms-note');
             return (d ? d.dataset.phase : 'none') + (t ? ': ' + t.textContent.trim() : '');",
            vec![],
        )
        .await;
    v.as_str().unwrap_or_default().to_owned()
}

async fn clone_count(stack: &Stack) -> u64 {
    stack.sim_state().await["cloneCount"].as_u64().unwrap_or(0)
}

/// Opens the form, types a name, and waits out the name hint's query (so that faults on
/// queries meet the clone's look-up, not the hint).
async fn begin(stack: &Stack, name: &str) {
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    stack.set("name", name).await;
    tokio::time::sleep(Duration::from_millis(700)).await;
}

fn respond(status: u16, body: &str) -> Value {
    json!({"kind": "respond", "status": status, "body": body})
}

/// The login form asked for, the user logs in, the clone goes on to done: what was seen.
async fn logged_in_again_until_done(stack: &Stack) -> String {
    stack.wait_phase("login").await;
    let first = seen(stack).await;
    stack.log_in_as_admin().await;
    stack.wait_phase("done").await;
    format!("{first} → {}", seen(stack).await)
}

/// The draft reached the clone: the new service carries the typed name.
async fn cloned_with(stack: &Stack, name: &str) -> bool {
    stack.sim_state().await["modelServices"]
        .as_array()
        .is_some_and(|all| all.iter().any(|s| s["name"] == name))
}

/// The draft is still in the form.
async fn form_keeps(stack: &Stack, name: &str) -> bool {
    stack.value("name").await == name
}

/// An outcome that is unknown: the form is read-only, Clone is not offered, and "Check
/// again" (the natural next click) settles it.
async fn check_again_until_done(stack: &Stack, seen_so_far: &mut Vec<String>) {
    stack.wait_phase("unknown").await;
    seen_so_far.push(seen(stack).await);
    let offers_clone = stack
        .browser
        .eval(
            "return !!document.querySelector('dialog form.cms-form button[type=submit]');",
            vec![],
        )
        .await;
    assert_eq!(
        offers_clone,
        json!(false),
        "Clone is not offered while unknown"
    );
    stack.click_action("check-again").await;
    stack.wait_phase("done").await;
    seen_so_far.push(seen(stack).await);
}

/// The row as it ended: the clones ZStack made, and whether the draft was kept (it reached the
/// clone, or it is still in the form when nothing was cloned); the stack is finished.
async fn settled(
    stack: Stack,
    case: &'static str,
    seen: String,
    name: &str,
    expected_clones: u64,
) -> Row {
    let draft_kept = if expected_clones == 0 {
        form_keeps(&stack, name).await
    } else {
        cloned_with(&stack, name).await
    };
    let row = Row {
        case,
        seen,
        clones: clone_count(&stack).await,
        expected_clones,
        draft_kept,
    };
    stack.finish().await;
    row
}

/// A row whose job ZStack runs and fails with a cause chain: shown with its codes, nothing
/// cloned, the draft still in the form.
async fn failed_job(stack: Stack, case: &'static str, name: &str) -> Row {
    begin(&stack, name).await;
    stack.fail_next_clone_job(disk_full()).await;
    stack.submit().await;
    stack.wait_phase("failed").await;
    let text = stack.text_of(".cms-error").await;
    assert!(
        text.contains("SYS.1006") && text.contains("disk full"),
        "{text}"
    );
    let seen_text = seen(&stack).await;
    settled(stack, case, seen_text, name, 0).await
}

/// A row whose poll is answered once by `status` and `body`, then checked again.
async fn poll_answered_by(case: &'static str, name: &str, status: u16, body: &str) -> Row {
    let stack = slow_stack().await;
    begin(&stack, name).await;
    stack
        .add_fault_on("GET", JOBS_PATH, 1, respond(status, body))
        .await;
    stack.submit().await;
    let mut seen_so_far = Vec::new();
    check_again_until_done(&stack, &mut seen_so_far).await;
    settled(stack, case, seen_so_far.join(" → "), name, 1).await
}

/// Jobs that take long enough for a fault to land while they run.
async fn slow_stack() -> Stack {
    Stack::start_with(StackOptions {
        job_ms: 1500,
        ..StackOptions::default()
    })
    .await
}

async fn with_quirks(quirks: Quirks) -> Stack {
    Stack::start_with(StackOptions {
        job_ms: 1500,
        quirks,
        ..StackOptions::default()
    })
    .await
}

async fn with_job_ms(job_ms: u64) -> Stack {
    Stack::start_with(StackOptions {
        job_ms,
        ..StackOptions::default()
    })
    .await
}

async fn rows() -> Vec<Row> {
    let mut rows = vec![
        poll_answered_by(
            "poll answered by an SSO proxy's HTML login page (200)",
            "row-poll-sso",
            200,
            SSO_PAGE,
        )
        .await,
        poll_answered_by(
            "poll answered by a plain-text 500 from the REST layer",
            "row-poll-500",
            500,
            "java.lang.NullPointerException",
        )
        .await,
        poll_answered_by(
            "poll answered by an auth proxy's 401",
            "row-poll-401",
            401,
            "Unauthorized",
        )
        .await,
        poll_answered_by(
            "poll answered by a proxy's 404 (not ZStack's 'job expired')",
            "row-poll-404",
            404,
            "<html><head><title>404 Not Found</title></head><body>nginx</body></html>",
        )
        .await,
        poll_answered_by(
            "poll answered 200 with an inventory that does not parse",
            "row-poll-malformed",
            200,
            r#"{"inventory":{"uuid":5,"name":["x"]}}"#,
        )
        .await,
    ];

    // The user forgets an unknown outcome (after the warning) and clones the same draft again:
    // its resourceUuid is the same, so ZStack refuses a second clone and the first is found.
    {
        let case = "outcome unknown, forgotten after the warning, then cloned again";
        let stack = slow_stack().await;
        begin(&stack, "row-forgotten").await;
        stack
            .add_fault_on("GET", JOBS_PATH, 1, respond(200, SSO_PAGE))
            .await;
        stack.submit().await;
        stack.wait_phase("unknown").await;
        let first = seen(&stack).await;
        // Let the first job finish, then accept the warning and forget it.
        tokio::time::sleep(Duration::from_millis(1800)).await;
        stack
            .browser
            .eval("window.confirm = () => true; return true;", vec![])
            .await;
        stack.click_action("discard").await;
        stack.wait_phase("editing").await;
        stack.submit().await;
        stack.wait_phase("done").await;
        let log = stack.sim_requests().await;
        let posts = clone_posts(&log);
        let resource_uuids: std::collections::BTreeSet<&str> = posts
            .iter()
            .map(|p| p["body"]["params"]["resourceUuid"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(posts.len(), 2);
        assert_eq!(resource_uuids.len(), 1, "one resourceUuid per draft");
        let seen_text = format!("{first} → editing → {}", seen(&stack).await);
        rows.push(settled(stack, case, seen_text, "row-forgotten", 1).await);
    }

    // A success that tells nothing ({}) whose look-up meets an expired session.
    {
        let case = "job result {} whose look-up meets an expired session";
        let stack = slow_stack().await;
        begin(&stack, "row-empty-result").await;
        stack
            .add_fault_on("GET", JOBS_PATH, 1, respond(200, "{}"))
            .await;
        stack.add_fault_on(
            "GET",
            QUERY_PATH,
            1,
            respond(
                503,
                r#"{"error":{"code":"ID.1001","description":"session expired","details":"session expired"}}"#,
            ),
        )
        .await;
        stack.submit().await;
        let seen_text = logged_in_again_until_done(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-empty-result", 1).await);
    }

    // A reload while the job runs: the dialog follows the job, it does not offer the form.
    {
        let case = "reload while the job runs";
        let stack = with_job_ms(3000).await;
        begin(&stack, "row-reload").await;
        stack.submit().await;
        stack.wait_phase("polling").await;
        stack.browser.client().refresh().await.expect("reload");
        stack
            .browser
            .wait_until(
                "the job followed after the reload",
                "const d = document.querySelector('dialog.cms-dialog');
                 return !!d && ['submitting', 'polling', 'done'].includes(d.dataset.phase);",
                WAIT,
            )
            .await;
        // Submitting or polling, depending on how far the job got: the table says what holds
        // either way, so that it reads the same on every run.
        let after_reload = if seen(&stack).await.starts_with("done") {
            "done".to_owned()
        } else {
            "the job followed (submitting/polling)".to_owned()
        };
        stack.wait_phase("done").await;
        let log = stack.sim_requests().await;
        let posts = clone_posts(&log);
        let jobs: std::collections::BTreeSet<&str> = posts
            .iter()
            .map(|p| p["headers"]["x-job-uuid"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(jobs.len(), 1, "one job uuid across the reload: {jobs:?}");
        let posts = posts.len();
        let seen_text = format!(
            "{after_reload} → {} ({posts} POSTs, one job uuid)",
            seen(&stack).await
        );
        rows.push(settled(stack, case, seen_text, "row-reload", 1).await);
    }

    // The POST's answer lost after ZStack took it: the retry is a duplicate, the job followed.
    {
        let case = "POST handled, then the connection dropped before the answer";
        let stack = slow_stack().await;
        begin(&stack, "row-drop-after").await;
        stack
            .add_fault_on("POST", CLONE_PATH, 1, json!({"kind": "dropAfter"}))
            .await;
        stack.submit().await;
        stack.wait_phase("done").await;
        let seen_text = seen(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-drop-after", 1).await);
    }

    // No POST gets through at all: unknown (the last one may have arrived), then checked.
    {
        let case = "every POST attempt dropped before it reached ZStack";
        let stack = slow_stack().await;
        begin(&stack, "row-drop-before").await;
        stack
            .add_fault_on("POST", CLONE_PATH, 4, json!({"kind": "dropBefore"}))
            .await;
        stack.submit().await;
        let mut seen_so_far = Vec::new();
        check_again_until_done(&stack, &mut seen_so_far).await;
        let seen_text = seen_so_far.join(" → ");
        rows.push(settled(stack, case, seen_text, "row-drop-before", 1).await);
    }

    // A proxy's 502 on the POST: sent again with the same job uuid.
    {
        let case = "POST answered by a proxy's HTML 502";
        let stack = slow_stack().await;
        begin(&stack, "row-post-502").await;
        stack
            .add_fault_on(
                "POST",
                CLONE_PATH,
                1,
                json!({"kind": "respond", "status": 502, "contentType": "text/html",
                   "body": "<html><head><title>502 Bad Gateway</title></head></html>"}),
            )
            .await;
        stack.submit().await;
        stack.wait_phase("done").await;
        let seen_text = seen(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-post-502", 1).await);
    }

    // An SSO page instead of ZStack's answer to the POST: unknown, then checked.
    {
        let case = "POST answered by an SSO proxy's HTML login page (200)";
        let stack = slow_stack().await;
        begin(&stack, "row-post-sso").await;
        stack
            .add_fault_on("POST", CLONE_PATH, 1, respond(200, SSO_PAGE))
            .await;
        stack.submit().await;
        let mut seen_so_far = Vec::new();
        check_again_until_done(&stack, &mut seen_so_far).await;
        let seen_text = seen_so_far.join(" → ");
        rows.push(settled(stack, case, seen_text, "row-post-sso", 1).await);
    }

    // The REST layer refuses the POST: nothing ran, the form is editable with the draft.
    {
        let case = "POST refused by the REST layer (plain-text 400)";
        let stack = slow_stack().await;
        begin(&stack, "row-post-400").await;
        stack
            .add_fault_on(
                "POST",
                CLONE_PATH,
                1,
                respond(400, "Invalid value[abc] of field[requestCpu]"),
            )
            .await;
        stack.submit().await;
        stack.wait_phase("failed").await;
        let text = stack.text_of(".cms-error").await;
        assert!(text.contains("requestCpu"), "{text}");
        let seen_text = seen(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-post-400", 0).await);
    }

    // Session expiry at each step.
    {
        let case = "session expired while editing (the POST's job ends ID.1001)";
        let stack = slow_stack().await;
        begin(&stack, "row-expired-edit").await;
        stack.expire_sessions().await;
        stack.submit().await;
        let seen_text = logged_in_again_until_done(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-expired-edit", 1).await);
    }
    {
        let case = "session expired while the job runs";
        let stack = with_job_ms(2500).await;
        begin(&stack, "row-expired-job").await;
        stack.submit().await;
        stack.wait_phase("polling").await;
        stack.expire_sessions().await;
        stack.wait_phase("done").await;
        let seen_text = seen(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-expired-job", 1).await);
    }
    {
        let case = "session refused on the POST itself (503 ID.1001)";
        let stack = slow_stack().await;
        begin(&stack, "row-expired-post").await;
        stack
            .add_fault_on(
                "POST",
                CLONE_PATH,
                1,
                respond(
                    503,
                    r#"{"error":{"code":"ID.1001","details":"session expired"}}"#,
                ),
            )
            .await;
        stack.submit().await;
        let seen_text = logged_in_again_until_done(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-expired-post", 1).await);
    }

    // The job itself fails, with a cause chain: not executed, the draft stays editable.
    {
        let case = "job fails (503) with a cause chain";
        rows.push(failed_job(slow_stack().await, case, "row-job-503").await);
    }

    // ZStack forgot the job (404 expired) after it made the clone: found by resourceUuid.
    {
        let case = "job record expired after the clone was made";
        let stack = with_job_ms(20).await;
        begin(&stack, "row-job-expired").await;
        stack
            .add_fault_on(
                "GET",
                JOBS_PATH,
                1,
                respond(404, "the job has been expired"),
            )
            .await;
        stack.submit().await;
        stack.wait_phase("done").await;
        let seen_text = seen(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-job-expired", 1).await);
    }

    // A slow job, with slow polls on top.
    {
        let case = "slow job (4 s) and slow polls (1.5 s each)";
        let stack = with_job_ms(4000).await;
        begin(&stack, "row-slow").await;
        stack
            .add_fault_on("GET", JOBS_PATH, 3, json!({"kind": "delay", "ms": 1500}))
            .await;
        stack.submit().await;
        stack
            .browser
            .wait_until(
                "done",
                "const d = document.querySelector('dialog.cms-dialog'); return !!d && d.dataset.phase === 'done';",
                Duration::from_secs(30),
            )
            .await;
        let seen_text = seen(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-slow", 1).await);
    }

    // Cancel (close) during the job, then reopen: the clone went on and shows.
    {
        let case = "cancel during the job, then reopen";
        let stack = with_job_ms(2500).await;
        begin(&stack, "row-cancel").await;
        stack.submit().await;
        stack.wait_phase("polling").await;
        stack.click_action("cancel").await;
        stack.wait_for("[data-action=reopen]").await;
        stack.click_action("reopen").await;
        stack.wait_phase("done").await;
        let seen_text = seen(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-cancel", 1).await);
    }

    // The real node's quirks (zstack-api.md, "Checked against ZStack's own code").
    {
        let case = "node quirk: a job success that returns {} (the Java SDK's empty result)";
        let stack = with_quirks(Quirks::none().with(Quirk::EmptyJobResult)).await;
        begin(&stack, "row-quirk-empty-result").await;
        stack.submit().await;
        stack.wait_phase("done").await;
        let seen_text = seen(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-quirk-empty-result", 1).await);
    }
    {
        let case = "node quirks: 202 with an empty body, replies without Content-Type";
        let stack = with_quirks(
            Quirks::none()
                .with(Quirk::EmptyAcceptedBody)
                .with(Quirk::NoContentType),
        )
        .await;
        begin(&stack, "row-quirk-empty-202").await;
        stack.submit().await;
        stack.wait_phase("done").await;
        let seen_text = seen(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-quirk-empty-202", 1).await);
    }
    {
        let case = "node quirk: a failed job's ErrorCode with every field (nulls included)";
        rows.push(
            failed_job(
                with_quirks(Quirks::all()).await,
                case,
                "row-quirk-full-error",
            )
            .await,
        );
    }

    // The tab's storage is full: the clone is not sent, the user is told why.
    {
        let case = "browser storage full";
        let stack = slow_stack().await;
        begin(&stack, "row-storage-full").await;
        stack
            .browser
            .eval(
                "let size = 1 << 21;
                 for (let i = 0; size >= 1; i++) {
                   try { sessionStorage.setItem('cms.test.fill.' + i, 'x'.repeat(size)); }
                   catch (e) { size = Math.floor(size / 2); }
                 }
                 return true;",
                vec![],
            )
            .await;
        stack.submit().await;
        stack.wait_phase("failed").await;
        let text = stack.text_of(".cms-error").await;
        assert!(text.contains("not sent"), "{text}");
        let posts = clone_posts(&stack.sim_requests().await).len();
        assert_eq!(posts, 0, "nothing was sent");
        let seen_text = seen(&stack).await;
        rows.push(settled(stack, case, seen_text, "row-storage-full", 0).await);
    }
    rows
}

/// The table, as `docs/reliability.md` shows it.
fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| case | what the user saw | clones made | expected | draft kept | holds |\n|---|---|---|---|---|---|\n",
    );
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            r.case,
            r.seen.replace('|', "\\|"),
            r.clones,
            r.expected_clones,
            if r.draft_kept { "yes" } else { "no" },
            if r.holds() { "yes" } else { "**NO**" },
        ));
    }
    out
}

const BEGIN: &str = "<!-- fault matrix: written by e2e/tests/fault_matrix.rs -->";
const END: &str = "<!-- end of fault matrix -->";

/// Replaces the table between the markers in docs/reliability.md.
fn write_doc(table: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/reliability.md");
    let doc = std::fs::read_to_string(&path).expect("docs/reliability.md");
    let (head, rest) = doc.split_once(BEGIN).expect("the table's start marker");
    let (_, tail) = rest.split_once(END).expect("the table's end marker");
    let doc = format!("{head}{BEGIN}\n{table}{END}{tail}");
    std::fs::write(&path, doc).expect("write docs/reliability.md");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_clones_exactly_once_or_not_at_all_and_keeps_the_draft() {
    let rows = rows().await;
    let table = table(&rows);
    write_doc(&table);
    println!("{table}");
    assert!(rows.len() >= 16, "{} rows", rows.len());
    let broken: Vec<&str> = rows.iter().filter(|r| !r.holds()).map(|r| r.case).collect();
    assert!(
        broken.is_empty(),
        "rows that do not hold: {broken:?}\n{table}"
    );
}
