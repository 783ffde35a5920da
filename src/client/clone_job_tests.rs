//! The clone job: schedule, retries with the same job uuid, duplicates, expiry, errors.

use futures::executor::block_on;

use super::zstack_client_tests::client;
use super::*;
use crate::zstack::{CloneIntent, CloneModelServiceBody, CloneParams, CloneRequest};

const JOB: &str = "3f4e5c1a2b3c4d5e6f708192a3b4c5d6";
const RESOURCE: &str = "90d425a802ff44eeb530f21587633700";
const ACCEPTED: &str = r#"{"location":"http://10.1.2.3:8080/zstack/v1/api-jobs/3f4e5c1a2b3c4d5e6f708192a3b4c5d6","apiTimeout":1800000}"#;
const DONE: &str =
    r#"{"inventory":{"uuid":"90d425a802ff44eeb530f21587633700","name":"qwen-copy"}}"#;
const FOUND: &str =
    r#"{"inventories":[{"uuid":"90d425a802ff44eeb530f21587633700","name":"qwen-copy"}]}"#;

fn intent() -> CloneIntent {
    CloneIntent {
        job_uuid: JOB.into(),
        resource_uuid: RESOURCE.into(),
    }
}

fn request() -> CloneRequest {
    CloneRequest {
        source_uuid: "d76744cb53f9378abf42b907df3efb6e".into(),
        body: CloneModelServiceBody {
            params: CloneParams {
                name: Some("qwen-copy".into()),
                resource_uuid: Some(RESOURCE.into()),
                ..CloneParams::default()
            },
            ..CloneModelServiceBody::default()
        },
    }
}

fn run(
    steps: Vec<ScriptStep>,
) -> (
    Result<crate::zstack::ModelServiceInventory, ClientError>,
    ScriptedTransport,
    VirtualClock,
    Vec<CloneProgress>,
) {
    let (c, t, clock) = client(steps);
    let mut progress = Vec::new();
    let out = block_on(c.clone_model_service(&request(), &intent(), |p| progress.push(p.clone())));
    (out, t, clock, progress)
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
    assert_eq!(out.unwrap().name.as_deref(), Some("qwen-copy"));
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
    assert!(out.is_ok());
    let posts: Vec<_> = t
        .requests()
        .into_iter()
        .filter(|r| r.method == Method::Post)
        .collect();
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
    assert_eq!(out.unwrap().uuid.as_deref(), Some(RESOURCE));
    assert_eq!(
        t.requests()
            .iter()
            .filter(|r| r.method == Method::Post)
            .count(),
        2
    );
}

#[test]
fn expired_job_is_found_by_resource_uuid() {
    let (out, t, _, progress) = run(vec![
        ScriptStep::reply(400, "Duplicate job uuid[x]"),
        ScriptStep::reply(404, "the job has been expired"),
        ScriptStep::reply(200, FOUND),
    ]);
    assert_eq!(out.unwrap().name.as_deref(), Some("qwen-copy"));
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
        ScriptStep::reply(200, r#"{"inventories":[]}"#),
    ]);
    assert_eq!(
        out.unwrap_err(),
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
    assert_eq!(out.unwrap().uuid.as_deref(), Some(RESOURCE));
    let (out, _, _, _) = run(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(200, "{}"),
        ScriptStep::reply(200, r#"{"inventories":[]}"#),
    ]);
    assert_eq!(
        out.unwrap_err(),
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
    ]);
    let e = out.unwrap_err();
    assert_eq!(
        (e.code(), e.details(), e.causes().len()),
        (Some("SYS.1007"), Some("invalid value"), 1)
    );
    let (out, _, _, _) = run(vec![
        ScriptStep::reply(202, ACCEPTED),
        ScriptStep::reply(
            503,
            r#"{"error":{"code":"ID.1001","details":"session expired"}}"#,
        ),
    ]);
    assert!(out.unwrap_err().is_session_invalid());
    let (out, t, _, _) = run(vec![ScriptStep::reply(
        400,
        "missing header 'Authorization'",
    )]);
    assert!(matches!(
        out.unwrap_err(),
        ClientError::Rest { status: 400, .. }
    ));
    assert_eq!(t.requests().len(), 1, "a refused POST is not retried");
}

#[test]
fn gives_up_after_the_post_attempts() {
    let (out, t, _, _) = run((0..POST_ATTEMPTS)
        .map(|_| ScriptStep::Fail("down".into()))
        .collect());
    assert!(matches!(out.unwrap_err(), ClientError::Network { .. }));
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
    assert!(out.is_ok());
}

#[test]
fn times_out_after_api_timeout() {
    let accepted =
        r#"{"location":"/zstack/v1/api-jobs/3f4e5c1a2b3c4d5e6f708192a3b4c5d6","apiTimeout":20000}"#;
    let mut steps = vec![ScriptStep::reply(202, accepted)];
    steps.extend((0..100).map(|_| ScriptStep::reply(202, "{}")));
    let (out, _, clock, _) = run(steps);
    let limit = overall_timeout_ms(Some(20_000));
    assert_eq!(out.unwrap_err(), ClientError::Timeout { elapsed_ms: limit });
    assert_eq!(clock.now_ms() as u64, limit);
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
    let (request, intent) = (request(), intent());
    let mut fut = Box::pin(c.clone_model_service(&request, &intent, |_| {}));
    let waker = futures::task::noop_waker();
    let mut cx = std::task::Context::from_waker(&waker);
    assert!(fut.as_mut().poll(&mut cx).is_pending());
    assert_eq!((t.requests().len(), t.aborted()), (1, 0));
    drop(fut);
    assert_eq!(t.aborted(), 1);
}
