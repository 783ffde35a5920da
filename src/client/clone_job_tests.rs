//! The clone job: schedule, retries with the same job uuid, duplicates, expiry, and what is
//! known when it ends ([`CloneOutcome`]): the client half of the fault matrix.

use futures::executor::block_on;

use super::zstack_client_tests::client;
use super::*;
use crate::zstack::{CloneModelServiceBody, CloneParams, CloneRequest, ModelServiceInventory};

const JOB: &str = "3f4e5c1a2b3c4d5e6f708192a3b4c5d6";
const RESOURCE: &str = "90d425a802ff44eeb530f21587633700";
const ACCEPTED: &str = r#"{"location":"http://10.1.2.3:8080/zstack/v1/api-jobs/3f4e5c1a2b3c4d5e6f708192a3b4c5d6","apiTimeout":1800000}"#;
const DONE: &str =
    r#"{"inventory":{"uuid":"90d425a802ff44eeb530f21587633700","name":"qwen-copy"}}"#;
const FOUND: &str =
    r#"{"inventories":[{"uuid":"90d425a802ff44eeb530f21587633700","name":"qwen-copy"}]}"#;
const NONE_FOUND: &str = r#"{"inventories":[]}"#;
const SSO_PAGE: &str =
    "<!DOCTYPE html><html><head><title>Sign in</title></head><body>SSO</body></html>";
const SESSION_EXPIRED: &str = r#"{"error":{"code":"ID.1001","details":"session expired"}}"#;

fn intent() -> CloneIntent {
    CloneIntent {
        job_uuid: JOB.into(),
        request: CloneRequest {
            source_uuid: "d76744cb53f9378abf42b907df3efb6e".into(),
            body: CloneModelServiceBody {
                params: CloneParams {
                    name: Some("qwen-copy".into()),
                    resource_uuid: Some(RESOURCE.into()),
                    ..CloneParams::default()
                },
                ..CloneModelServiceBody::default()
            },
        },
    }
}

fn run(
    steps: Vec<ScriptStep>,
) -> (
    CloneOutcome,
    ScriptedTransport,
    VirtualClock,
    Vec<CloneProgress>,
) {
    let (c, t, clock) = client(steps);
    let mut progress = Vec::new();
    let out = block_on(c.clone_model_service(&intent(), |p| progress.push(p.clone())));
    (out, t, clock, progress)
}

fn done(out: CloneOutcome) -> ModelServiceInventory {
    match out {
        CloneOutcome::Done(inventory) => *inventory,
        other => panic!("expected Done, got {other:?}"),
    }
}

fn not_executed(out: CloneOutcome) -> ClientError {
    match out {
        CloneOutcome::NotExecuted(e) => e,
        other => panic!("expected NotExecuted, got {other:?}"),
    }
}

fn unknown(out: CloneOutcome) -> ClientError {
    match out {
        CloneOutcome::Unknown(e) => e,
        other => panic!("expected Unknown, got {other:?}"),
    }
}

fn posts(t: &ScriptedTransport) -> Vec<HttpRequest> {
    t.requests()
        .into_iter()
        .filter(|r| r.method == Method::Post)
        .collect()
}

#[test]
fn poll_schedule_ramps_up_then_one_per_second() {
    let delays: Vec<u32> = (0..8).map(PollSchedule::delay_ms).collect();
    assert_eq!(delays, [100, 200, 300, 500, 700, 1000, 1000, 1000]);
    assert_eq!(PollSchedule::delay_ms(u32::MAX), 1000);
    assert_eq!(overall_timeout_ms(Some(1_800_000)), 1_810_000);
    assert_eq!(overall_timeout_ms(Some(1)), 10_001);
    assert_eq!(overall_timeout_ms(Some(i64::MAX)), MAX_TIMEOUT_MS);
    assert_eq!(overall_timeout_ms(None), DEFAULT_TIMEOUT_MS);
    assert_eq!(overall_timeout_ms(Some(-5)), DEFAULT_TIMEOUT_MS);
}

#[test]
fn posts_once_then_polls_until_done() {
    let mut steps = vec![ScriptStep::reply(202, ACCEPTED)];
    steps.extend((0..7).map(|_| ScriptStep::reply(202, "{}")));
    steps.push(ScriptStep::reply(200, DONE));
    let (out, t, clock, progress) = run(steps);
    assert_eq!(done(out).name.as_deref(), Some("qwen-copy"));
    let reqs = t.requests();
    assert_eq!(reqs.len(), 9);
    assert_eq!(reqs[0].method, Method::Post);
    assert_eq!(
        reqs[0].url,
        "/zstack/v1/ai/model-services/d76744cb53f9378abf42b907df3efb6e"
    );
    assert_eq!(reqs[0].header("X-Job-UUID"), Some(JOB));
    assert!(reqs[0].body.as_deref().unwrap().contains(RESOURCE));
    // The location's host is never followed: polls go to the API base.
    assert!(reqs[1..]
        .iter()
        .all(|r| r.url == format!("/zstack/v1/api-jobs/{JOB}")));
    assert_eq!(clock.sleeps(), [100, 200, 300, 500, 700, 1000, 1000, 1000]);
    let last = progress.last().unwrap();
    assert_eq!(
        (last.phase, last.polls, last.post_attempts),
        (ClonePhase::Polling, 8, 1)
    );
    assert_eq!(last.elapsed_ms, 4800);
}

#[test]
fn lost_posts_are_retried_with_the_same_job_uuid() {
    let (out, t, clock, _) = run(vec![
        ScriptStep::Fail("connection reset".into()),
        ScriptStep::reply(502, "<html><title>502 Bad Gateway</title></html>"),
        ScriptStep::Hang,
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(200, DONE),
    ]);
    done(out);
    let posts = posts(&t);
    assert_eq!(posts.len(), 4);
    assert!(posts.iter().all(|p| p.header("X-Job-UUID") == Some(JOB)));
    assert!(posts.windows(2).all(|w| w[0].body == w[1].body));
    assert_eq!(t.aborted(), 1, "the hung POST was aborted");
    assert_eq!(
        clock.sleeps(),
        [500, 1500, SINGLE_REQUEST_TIMEOUT_MS, 3000, 100]
    );
}

#[test]
fn duplicate_job_uuid_means_accepted() {
    let (out, t, _, _) = run(vec![
        ScriptStep::Fail("offline".into()),
        ScriptStep::reply(400, "Duplicate job uuid[3f4e5c1a2b3c4d5e6f708192a3b4c5d6]"),
        ScriptStep::reply(202, ""),
        ScriptStep::reply(200, DONE),
    ]);
    assert_eq!(done(out).uuid.as_deref(), Some(RESOURCE));
    assert_eq!(posts(&t).len(), 2);
}

#[test]
fn expired_job_is_found_by_resource_uuid() {
    let (out, t, _, progress) = run(vec![
        ScriptStep::reply(400, "Duplicate job uuid[x]"),
        ScriptStep::reply(404, "the job has been expired"),
        ScriptStep::reply(200, FOUND),
    ]);
    assert_eq!(done(out).name.as_deref(), Some("qwen-copy"));
    assert_eq!(
        t.requests()[2].url,
        format!("/zstack/v1/ai/model-services?q=uuid={RESOURCE}")
    );
    assert_eq!(progress.last().unwrap().phase, ClonePhase::Recovering);
}

#[test]
fn expired_job_without_a_clone() {
    let (out, _, _, _) = run(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(404, "the job has been expired"),
        ScriptStep::reply(200, NONE_FOUND),
    ]);
    assert_eq!(
        not_executed(out),
        ClientError::JobExpired {
            job_uuid: JOB.into()
        }
    );
}

#[test]
fn success_without_inventory_is_requeried() {
    let (out, _, _, _) = run(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(200, "{}"),
        ScriptStep::reply(200, FOUND),
    ]);
    assert_eq!(done(out).uuid.as_deref(), Some(RESOURCE));
    // Not found (yet) after a success that said nothing: unknown, never "not executed".
    let (out, _, _, _) = run(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(200, "{}"),
        ScriptStep::reply(200, NONE_FOUND),
    ]);
    assert_eq!(
        unknown(out),
        ClientError::CloneNotFound {
            resource_uuid: RESOURCE.into()
        }
    );
}

#[test]
fn job_failures_are_typed() {
    let (out, _, _, _) = run(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(
            503,
            r#"{"error":{"code":"SYS.1007","description":"invalid argument","details":"invalid value","cause":{"code":"SYS.1000"}}}"#,
        ),
        ScriptStep::reply(200, NONE_FOUND),
    ]);
    let e = not_executed(out);
    assert_eq!(
        (e.code(), e.details(), e.causes().len()),
        (Some("SYS.1007"), Some("invalid value"), 1)
    );
    let (out, _, _, _) = run(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(503, SESSION_EXPIRED),
        ScriptStep::reply(503, SESSION_EXPIRED),
    ]);
    assert!(not_executed(out).is_session_invalid());
    let (out, t, _, _) = run(vec![ScriptStep::reply(
        400,
        "missing header 'Authorization'",
    )]);
    assert!(matches!(
        not_executed(out),
        ClientError::Rest { status: 400, .. }
    ));
    assert_eq!(t.requests().len(), 1, "a refused POST is not retried");
}

#[test]
fn gives_up_after_the_post_attempts() {
    let (out, t, _, _) = run((0..POST_ATTEMPTS)
        .map(|_| ScriptStep::Fail("down".into()))
        .collect());
    // The last POST may have arrived: unknown, never "not executed".
    assert!(matches!(unknown(out), ClientError::Network { .. }));
    assert_eq!(t.requests().len(), POST_ATTEMPTS as usize);
}

#[test]
fn transient_poll_failures_are_tolerated() {
    let (out, _, _, _) = run(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::Fail("blip".into()),
        ScriptStep::reply(504, ""),
        ScriptStep::reply(200, DONE),
    ]);
    done(out);
}

#[test]
fn times_out_after_api_timeout() {
    let accepted =
        r#"{"location":"/zstack/v1/api-jobs/3f4e5c1a2b3c4d5e6f708192a3b4c5d6","apiTimeout":20000}"#;
    let mut steps = vec![ScriptStep::reply(202, accepted)];
    // 1.8 s of ramp, then one poll a second until the 30 s limit: 33 polls.
    steps.extend((0..33).map(|_| ScriptStep::reply(202, "{}")));
    steps.push(ScriptStep::reply(200, NONE_FOUND));
    let (out, t, clock, _) = run(steps);
    let limit = overall_timeout_ms(Some(20_000));
    assert_eq!(unknown(out), ClientError::Timeout { elapsed_ms: limit });
    assert_eq!(clock.now_ms() as u64, limit);
    // The last thing asked is whether the clone exists after all.
    assert!(t.requests().last().unwrap().url.contains("q=uuid="));
}

/// A clock whose sleeps never end: the future stays in flight until dropped.
struct FrozenClock;

impl Clock for FrozenClock {
    fn now_ms(&self) -> f64 {
        0.0
    }

    async fn sleep(&self, _ms: u32) {
        futures::future::pending::<()>().await
    }
}

#[test]
fn dropping_the_clone_aborts_the_request_in_flight() {
    use std::future::Future;
    let t = ScriptedTransport::new([ScriptStep::Hang]);
    let c = ZStackClient::new(ClientConfig::default(), t.clone(), FrozenClock);
    let intent = intent();
    let mut fut = Box::pin(c.clone_model_service(&intent, |_| {}));
    let waker = futures::task::noop_waker();
    let mut cx = std::task::Context::from_waker(&waker);
    assert!(fut.as_mut().poll(&mut cx).is_pending());
    assert_eq!((t.requests().len(), t.aborted()), (1, 0));
    drop(fut);
    assert_eq!(t.aborted(), 1);
}

/// The poll path after ZStack accepted the job: every answer that is not ZStack's own keeps
/// the outcome unknown (unless the clone can be found), whatever its status.
#[test]
fn answers_that_are_not_zstacks_leave_the_outcome_unknown() {
    let not_zstack = [
        (200, SSO_PAGE),
        (500, "java.lang.NullPointerException"),
        (401, "Unauthorized"),
        (403, "<html><title>403 Forbidden</title></html>"),
        (404, "<html><title>404 Not Found</title></html>"),
        (404, "no api mapping to /zstack/v1/api-jobs/x"),
        (200, r#"{"inventory":{"uuid":5}}"#),
        (200, "{}"),
        (418, ""),
    ];
    for (status, body) in not_zstack {
        let (out, t, _, _) = run(vec![
            ScriptStep::reply(202, ACCEPTED),
            ScriptStep::reply(status, body),
            ScriptStep::reply(200, NONE_FOUND),
        ]);
        let reason = unknown(out);
        assert!(!reason.is_session_invalid(), "{status} {body}: {reason:?}");
        assert_eq!(posts(&t).len(), 1, "{status} {body}");
        // ...and if the clone can be found, it is done.
        let (out, _, _, _) = run(vec![
            ScriptStep::reply(202, ACCEPTED),
            ScriptStep::reply(status, body),
            ScriptStep::reply(200, FOUND),
        ]);
        assert_eq!(done(out).uuid.as_deref(), Some(RESOURCE), "{status} {body}");
    }
}

#[test]
fn a_look_up_that_meets_an_expired_session_asks_for_a_login() {
    for job_answer in [
        (200, "{}"),
        (404, "the job has been expired"),
        (200, SSO_PAGE),
    ] {
        let (out, _, _, _) = run(vec![
            ScriptStep::reply(202, ACCEPTED),
            ScriptStep::reply(job_answer.0, job_answer.1),
            ScriptStep::reply(503, SESSION_EXPIRED),
        ]);
        assert!(unknown(out).is_session_invalid(), "{job_answer:?}");
    }
}

#[test]
fn a_failed_job_whose_clone_exists_is_done() {
    // ZStack refuses a second job for a resourceUuid already used: that clone is this intent's.
    let (out, _, _, _) = run(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(
            503,
            r#"{"error":{"code":"SYS.1007","details":"resourceUuid[90d425a802ff44eeb530f21587633700] is already used"}}"#,
        ),
        ScriptStep::reply(200, FOUND),
    ]);
    assert_eq!(done(out).uuid.as_deref(), Some(RESOURCE));
    // A failed job whose look-up is not answered is still the job's own failure.
    let (out, _, _, _) = run(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(
            503,
            r#"{"error":{"code":"SYS.1006","details":"disk full"}}"#,
        ),
        ScriptStep::Fail("offline".into()),
    ]);
    assert_eq!(not_executed(out).code(), Some("SYS.1006"));
}

#[test]
fn an_expired_job_whose_look_up_fails_is_unknown() {
    let (out, _, _, _) = run(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(404, "the job has been expired"),
        ScriptStep::reply(502, ""),
    ]);
    assert!(matches!(
        unknown(out),
        ClientError::Proxy { status: 502, .. }
    ));
}

/// The POST itself: only ZStack's refusal means "not executed".
#[test]
fn post_answers() {
    // The REST layer's plain-text 4xx and ZStack's ErrorCode: refused, nothing ran.
    for (status, body) in [
        (400, "field[requestCpu] must be an integer"),
        (404, "no api mapping to /zstack/v1/ai/model-services/x"),
        (503, r#"{"error":{"code":"SYS.1007","details":"invalid"}}"#),
        (
            413,
            "<html><head><title>413 Request Entity Too Large</title></head></html>",
        ),
    ] {
        let (out, t, _, _) = run(vec![ScriptStep::reply(status, body)]);
        not_executed(out);
        assert_eq!(
            t.requests().len(),
            1,
            "{status}: not retried, not looked up"
        );
    }
    // A session ZStack refused synchronously: not executed, log in and send again.
    let (out, _, _, _) = run(vec![ScriptStep::reply(503, SESSION_EXPIRED)]);
    assert!(not_executed(out).is_session_invalid());
    // Not ZStack's answers: the request may have reached the node.
    for (status, body) in [
        (200, SSO_PAGE),
        (401, "Unauthorized"),
        (500, "java.lang.NullPointerException"),
    ] {
        let (out, t, _, _) = run(vec![
            ScriptStep::reply(status, body),
            ScriptStep::reply(200, NONE_FOUND),
        ]);
        unknown(out);
        assert_eq!(posts(&t).len(), 1, "{status}");
    }
}

#[test]
fn a_202_without_a_body_polls_the_clients_own_job_uuid() {
    let (out, t, _, _) = run(vec![
        ScriptStep::reply(202, ""),
        ScriptStep::reply(200, DONE),
    ]);
    done(out);
    assert_eq!(t.requests()[1].url, format!("/zstack/v1/api-jobs/{JOB}"));
}

#[test]
fn polls_that_never_answer_end_unknown() {
    let mut steps = vec![ScriptStep::reply(202, ACCEPTED)];
    steps.extend((0..POLL_FAILURES_ALLOWED).map(|_| ScriptStep::Fail("reset".into())));
    steps.push(ScriptStep::reply(200, NONE_FOUND));
    let (out, _, _, _) = run(steps);
    assert!(matches!(unknown(out), ClientError::Network { .. }));
}

/// "Check again" is the same intent sent again: the duplicate check answers and the original
/// job is followed; nothing is cloned twice.
#[test]
fn checking_again_sends_the_same_job_uuid_and_body() {
    let (c, t, _) = client(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(200, SSO_PAGE),
        ScriptStep::reply(200, SSO_PAGE),
        ScriptStep::reply(400, "Duplicate job uuid[3f4e5c1a2b3c4d5e6f708192a3b4c5d6]"),
        ScriptStep::reply(200, DONE),
    ]);
    let intent = intent();
    unknown(block_on(c.clone_model_service(&intent, |_| {})));
    done(block_on(c.clone_model_service(&intent, |_| {})));
    let posts = posts(&t);
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[0].body, posts[1].body);
    assert!(posts.iter().all(|p| p.header("X-Job-UUID") == Some(JOB)));
}

#[test]
fn post_backoff_never_indexes_out_of_bounds() {
    assert_eq!(post_backoff_ms(0), 0);
    assert_eq!(post_backoff_ms(1), 500);
    assert_eq!(post_backoff_ms(3), 3000);
    assert_eq!(post_backoff_ms(4), 3000);
    assert_eq!(post_backoff_ms(u32::MAX), 3000);
}
