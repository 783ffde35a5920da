//! Cloning as a job, exactly once: POST the intent with its `X-Job-UUID`, poll
//! `/v1/api-jobs/{uuid}` until the job ends, and say what is known ([`CloneOutcome`]).
//!
//! A POST that got no answer (network error, a proxy's 502-504, no reply in time) is sent again
//! with the same job uuid, at most [`POST_ATTEMPTS`] times with a growing pause; ZStack refuses
//! a job uuid it already has (`400 Duplicate job uuid`), which means "accepted": the client then
//! polls that job. A job whose record expired (ZStack's 404), a success without an inventory
//! (`{}`), a failure of the job, and any answer that is not ZStack's (an SSO page, a proxy's
//! 401/404, a plain-text 5xx, an inventory that does not parse) are settled by looking the
//! clone up by its `resourceUuid`: found is done, whatever the job said.
//!
//! Polling schedule ([`PollSchedule`]): 100, 200, 300, 500, 700 ms, then every 1000 ms: a
//! quick clone is noticed within a few hundred milliseconds, a long one costs about one
//! request per second. The whole call is bounded by the job's `apiTimeout` (see
//! [`overall_timeout_ms`]). Dropping the future cancels it: the in-flight request is aborted
//! and nothing else is sent.

use super::client_error::ClientError;
use super::clone_intent::CloneIntent;
use super::clone_outcome::CloneOutcome;
use super::response_body::{decode, error_of, is_duplicate_job, is_job_expired};
use super::transport::{Clock, HttpResponse, Method, Transport};
use super::zstack_client::ZStackClient;
use crate::zstack::{api_path, InventoryReply, JobAccepted, ModelServiceInventory, Query};

/// How many times a POST without an answer is sent (with the same job uuid).
pub const POST_ATTEMPTS: u32 = 4;
/// The pause before each POST after the first; the last one repeats if there are more tries.
pub const POST_BACKOFF_MS: [u32; 3] = [500, 1500, 3000];
/// Time for one POST or one poll to answer.
pub const SINGLE_REQUEST_TIMEOUT_MS: u32 = 20_000;
/// Transient poll failures in a row before giving up (the outcome is then unknown).
pub const POLL_FAILURES_ALLOWED: u32 = 10;
/// The overall limit before the 202 tells `apiTimeout`, and the bounds put on it.
pub const DEFAULT_TIMEOUT_MS: u64 = 30 * 60 * 1000;
pub const MIN_TIMEOUT_MS: u64 = 10 * 1000;
pub const MAX_TIMEOUT_MS: u64 = 3 * 60 * 60 * 1000;
/// Added to `apiTimeout` so the server's own timeout error arrives before ours.
pub const TIMEOUT_GRACE_MS: u64 = 10 * 1000;

/// The pause before the POST number `attempt` (from 0): none before the first.
pub fn post_backoff_ms(attempt: u32) -> u32 {
    match attempt.checked_sub(1) {
        None => 0,
        Some(i) => POST_BACKOFF_MS
            .get(i as usize)
            .or(POST_BACKOFF_MS.last())
            .copied()
            .unwrap_or(0),
    }
}

/// The pause before each poll.
pub struct PollSchedule;

impl PollSchedule {
    const RAMP_MS: [u32; 5] = [100, 200, 300, 500, 700];
    pub const STEADY_MS: u32 = 1000;

    /// The pause before poll number `poll` (from 0).
    pub fn delay_ms(poll: u32) -> u32 {
        Self::RAMP_MS
            .get(poll as usize)
            .copied()
            .unwrap_or(Self::STEADY_MS)
    }
}

/// The overall time allowed: `apiTimeout` (ms) plus grace, within bounds; the default when
/// the server gave none.
pub fn overall_timeout_ms(api_timeout: Option<i64>) -> u64 {
    match api_timeout {
        Some(t) if t > 0 => (t as u64)
            .saturating_add(TIMEOUT_GRACE_MS)
            .clamp(MIN_TIMEOUT_MS, MAX_TIMEOUT_MS),
        _ => DEFAULT_TIMEOUT_MS,
    }
}

/// Where the clone is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClonePhase {
    /// Sending the POST (attempt number in [`CloneProgress::post_attempts`]).
    Posting,
    /// The job is accepted; polling it.
    Polling,
    /// Looking the clone up by `resourceUuid`.
    Recovering,
}

/// Progress for the UI (elapsed time, attempts), reported at every step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CloneProgress {
    pub phase: ClonePhase,
    pub job_uuid: String,
    pub post_attempts: u32,
    pub polls: u32,
    pub elapsed_ms: u64,
}

struct Run<'a, F> {
    started: f64,
    deadline_ms: u64,
    progress: CloneProgress,
    report: &'a mut F,
}

/// How the POST ended.
enum Posted {
    /// 202 or a duplicate: the job exists; poll it.
    Accepted,
    Settled(Box<CloneOutcome>),
}

impl<T: Transport, C: Clock> ZStackClient<T, C> {
    /// Sends the intent (again: the same job uuid and body every time) and follows its job.
    pub async fn clone_model_service(
        &self,
        intent: &CloneIntent,
        mut on_progress: impl FnMut(&CloneProgress),
    ) -> CloneOutcome {
        let mut run = Run {
            started: self.clock.now_ms(),
            deadline_ms: DEFAULT_TIMEOUT_MS,
            progress: CloneProgress {
                phase: ClonePhase::Posting,
                job_uuid: intent.job_uuid.clone(),
                post_attempts: 0,
                polls: 0,
                elapsed_ms: 0,
            },
            report: &mut on_progress,
        };
        match self.post(intent, &mut run).await {
            Posted::Settled(outcome) => *outcome,
            Posted::Accepted => self.poll(intent, &mut run).await,
        }
    }

    fn elapsed(&self, started: f64) -> u64 {
        (self.clock.now_ms() - started).max(0.0) as u64
    }

    fn step<F: FnMut(&CloneProgress)>(&self, run: &mut Run<'_, F>, phase: ClonePhase) {
        run.progress.phase = phase;
        run.progress.elapsed_ms = self.elapsed(run.started);
        (run.report)(&run.progress);
    }

    /// Time left before the deadline, or the timeout error.
    fn left<F>(&self, run: &Run<'_, F>) -> Result<u32, ClientError> {
        let elapsed = self.elapsed(run.started);
        if elapsed >= run.deadline_ms {
            return Err(ClientError::Timeout {
                elapsed_ms: elapsed,
            });
        }
        Ok((run.deadline_ms - elapsed).min(u64::from(u32::MAX)) as u32)
    }

    async fn pause<F>(&self, run: &Run<'_, F>, ms: u32) -> Result<(), ClientError> {
        if ms > 0 {
            let left = self.left(run)?;
            self.clock.sleep(ms.min(left)).await;
        }
        self.left(run).map(|_| ())
    }

    /// POSTs until ZStack accepts the job, refuses the request, or stops answering.
    async fn post<F: FnMut(&CloneProgress)>(
        &self,
        intent: &CloneIntent,
        run: &mut Run<'_, F>,
    ) -> Posted {
        let url = self.url(&intent.request.path(), &Query::new());
        let body = intent.request.to_json();
        let mut unanswered = ClientError::Network {
            detail: "no answer".into(),
        };
        for attempt in 0..POST_ATTEMPTS {
            // A POST that may have arrived is never dropped for a refusal: what it did is
            // unknown until its job uuid is asked about again.
            if let Err(e) = self.pause(run, post_backoff_ms(attempt)).await {
                return Posted::Settled(Box::new(CloneOutcome::Unknown(e)));
            }
            run.progress.post_attempts = attempt + 1;
            self.step(run, ClonePhase::Posting);
            let mut http = self.request(Method::Post, url.clone(), Some(body.clone()));
            http.headers
                .push(("X-Job-UUID".to_owned(), intent.job_uuid.clone()));
            let limit = match self.left(run) {
                Ok(left) => left.min(SINGLE_REQUEST_TIMEOUT_MS),
                Err(e) => return Posted::Settled(Box::new(CloneOutcome::Unknown(e))),
            };
            let response = match self.send_within(http, limit).await {
                Ok(r) => r,
                Err(e) => {
                    unanswered = e;
                    continue;
                }
            };
            if response.status == 202 {
                // The body may be empty; the job uuid is ours (X-Job-UUID) in any case.
                let accepted: JobAccepted =
                    serde_json::from_str(&response.body).unwrap_or_default();
                if let Some(job) = accepted.job_uuid() {
                    run.progress.job_uuid = job;
                }
                run.deadline_ms = overall_timeout_ms(accepted.api_timeout);
                return Posted::Accepted;
            }
            if is_duplicate_job(&response) {
                return Posted::Accepted;
            }
            let error = error_of(&response);
            if refused_before_any_job(&error) {
                return Posted::Settled(Box::new(CloneOutcome::NotExecuted(error)));
            }
            if error.is_transient() {
                unanswered = error;
                continue;
            }
            // Not ZStack's answer (an SSO page, a proxy's 401, a plain-text 5xx...): the
            // request may have reached the node.
            return Posted::Settled(Box::new(self.settle(intent, run, error).await));
        }
        Posted::Settled(Box::new(CloneOutcome::Unknown(unanswered)))
    }

    async fn poll<F: FnMut(&CloneProgress)>(
        &self,
        intent: &CloneIntent,
        run: &mut Run<'_, F>,
    ) -> CloneOutcome {
        let mut failures = 0;
        loop {
            if let Err(e) = self
                .pause(run, PollSchedule::delay_ms(run.progress.polls))
                .await
            {
                return self.settle(intent, run, e).await;
            }
            run.progress.polls += 1;
            self.step(run, ClonePhase::Polling);
            let path = api_path(&format!("/api-jobs/{}", run.progress.job_uuid));
            let http = self.request(Method::Get, self.url(&path, &Query::new()), None);
            let limit = match self.left(run) {
                Ok(left) => left.min(SINGLE_REQUEST_TIMEOUT_MS),
                Err(e) => return self.settle(intent, run, e).await,
            };
            let response = match self.send_within(http, limit).await {
                Ok(r) => r,
                Err(e) => {
                    failures += 1;
                    if failures >= POLL_FAILURES_ALLOWED {
                        return self.settle(intent, run, e).await;
                    }
                    continue;
                }
            };
            match response.status {
                202 => failures = 0,
                200 => return self.finished(intent, run, &response).await,
                _ if is_job_expired(&response) => {
                    return self.look_up(intent, run, JobSaid::Expired).await
                }
                _ => {
                    let error = error_of(&response);
                    if response.status == 503 && error.error_code().is_some() {
                        return self.look_up(intent, run, JobSaid::Failed(error)).await;
                    }
                    if error.is_transient() {
                        failures += 1;
                        if failures >= POLL_FAILURES_ALLOWED {
                            return self.settle(intent, run, error).await;
                        }
                        continue;
                    }
                    return self.settle(intent, run, error).await;
                }
            }
        }
    }

    /// The job answered 200: its inventory, or (none, or one that does not parse, or not
    /// ZStack's page at all) the clone found by `resourceUuid`.
    async fn finished<F: FnMut(&CloneProgress)>(
        &self,
        intent: &CloneIntent,
        run: &mut Run<'_, F>,
        response: &HttpResponse,
    ) -> CloneOutcome {
        match decode::<InventoryReply<ModelServiceInventory>>(response) {
            Ok(InventoryReply {
                inventory: Some(inventory),
            }) => CloneOutcome::Done(Box::new(inventory)),
            Ok(InventoryReply { inventory: None }) => {
                let missing = ClientError::CloneNotFound {
                    resource_uuid: intent.resource_uuid().to_owned(),
                };
                self.settle(intent, run, missing).await
            }
            Err(error) => self.settle(intent, run, error).await,
        }
    }

    /// Settles what the job said by looking the clone up by its `resourceUuid`: found is done,
    /// whatever the job said.
    async fn look_up<F: FnMut(&CloneProgress)>(
        &self,
        intent: &CloneIntent,
        run: &mut Run<'_, F>,
        said: JobSaid,
    ) -> CloneOutcome {
        self.step(run, ClonePhase::Recovering);
        let found = self.find_model_service(intent.resource_uuid()).await;
        match (found, said) {
            (Ok(Some(inventory)), _) => CloneOutcome::Done(Box::new(inventory)),
            // ZStack ran it and it failed: that stands, whether the look-up answered or not.
            (_, JobSaid::Failed(error)) => CloneOutcome::NotExecuted(error),
            (Ok(None), JobSaid::Expired) => CloneOutcome::NotExecuted(ClientError::JobExpired {
                job_uuid: run.progress.job_uuid.clone(),
            }),
            (Err(e), JobSaid::Expired) => CloneOutcome::Unknown(e),
            // A look-up that met an expired session says more than the job's answer did: log
            // in, then ask again.
            (Err(e @ ClientError::SessionInvalid { .. }), JobSaid::Nothing(_)) => {
                CloneOutcome::Unknown(e)
            }
            (_, JobSaid::Nothing(error)) => CloneOutcome::Unknown(error),
        }
    }

    /// Nothing definite came back: done if the clone can be found, else unknown (the job may
    /// still be running, or the look-up itself was not answered).
    async fn settle<F: FnMut(&CloneProgress)>(
        &self,
        intent: &CloneIntent,
        run: &mut Run<'_, F>,
        error: ClientError,
    ) -> CloneOutcome {
        self.look_up(intent, run, JobSaid::Nothing(error)).await
    }
}

/// What the job said before the look-up.
enum JobSaid {
    /// ZStack ran the job and it failed. Still looked up: a job refused because the
    /// `resourceUuid` is already used is the earlier clone of this very intent.
    Failed(ClientError),
    /// ZStack forgot the job: the clone exists under its `resourceUuid`, or it never will.
    Expired,
    /// Nothing definite (the error says what came instead).
    Nothing(ClientError),
}

/// Whether a response to the POST refuses it before any job exists: ZStack's ErrorCode
/// (`{"error": ...}`), the REST layer's plain-text 4xx (wrong field type, bad header), or
/// anyone's refusal of the request's size (413, 414, 431: nothing read it). Other answers of
/// a proxy (HTML pages, 401/403, 5xx) are not: the request may have gone on to the node.
fn refused_before_any_job(error: &ClientError) -> bool {
    match error {
        ClientError::Api { .. } | ClientError::SessionInvalid { .. } => true,
        ClientError::Rest { status, .. } => {
            matches!(status, 400..=499) && !matches!(status, 401 | 403 | 407 | 408 | 429)
        }
        ClientError::Proxy { status, .. } => matches!(status, 413 | 414 | 431),
        _ => false,
    }
}
