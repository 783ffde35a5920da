//! Cloning as a job, exactly once: POST with the intent's `X-Job-UUID`, then poll
//! `/v1/api-jobs/{uuid}` until the job ends.
//!
//! Exactly once: the intent's job uuid and resource uuid are made before the first send and
//! reused by every try. A POST that got no answer (network error, a proxy's 502-504, no reply
//! in time) is sent again with the same job uuid, at most [`POST_ATTEMPTS`] times with a
//! growing pause; ZStack refuses a job uuid it already has (`400 Duplicate job uuid`), which
//! means "accepted": the client then polls that job. A job whose record expired (404) is
//! looked up by `resourceUuid`, as is a job that finished without an inventory (`{}`).
//!
//! Polling schedule ([`PollSchedule`]): 100, 200, 300, 500, 700 ms, then every 1000 ms: a
//! quick clone is noticed within a few hundred milliseconds, a long one costs about one
//! request per second. The whole call is bounded by the job's `apiTimeout` (see
//! [`overall_timeout_ms`]). Dropping the future cancels it: the in-flight request is aborted
//! and nothing else is sent.

use super::client_error::ClientError;
use super::response_body::{decode, error_of, is_duplicate_job};
use super::transport::{Clock, Method, Transport};
use super::zstack_client::ZStackClient;
use crate::zstack::{
    CloneIntent, CloneRequest, InventoryReply, JobAccepted, ModelServiceInventory, Query,
};

/// How many times a POST without an answer is sent (with the same job uuid).
pub const POST_ATTEMPTS: u32 = 4;
/// Pauses before the 2nd, 3rd and 4th POST.
pub const POST_BACKOFF_MS: [u32; 3] = [500, 1500, 3000];
/// Time for one POST or one poll to answer.
pub const SINGLE_REQUEST_TIMEOUT_MS: u32 = 20_000;
/// Transient poll failures in a row before giving up.
pub const POLL_FAILURES_ALLOWED: u32 = 10;
/// The overall limit before the 202 tells `apiTimeout`, and the bounds put on it.
pub const DEFAULT_TIMEOUT_MS: u64 = 30 * 60 * 1000;
pub const MIN_TIMEOUT_MS: u64 = 10 * 1000;
pub const MAX_TIMEOUT_MS: u64 = 3 * 60 * 60 * 1000;
/// Added to `apiTimeout` so the server's own timeout error arrives before ours.
pub const TIMEOUT_GRACE_MS: u64 = 10 * 1000;

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

impl<T: Transport, C: Clock> ZStackClient<T, C> {
    /// Clones `request.source_uuid` with the intent's uuids; the new service's inventory.
    pub async fn clone_model_service(
        &self,
        request: &CloneRequest,
        intent: &CloneIntent,
        mut on_progress: impl FnMut(&CloneProgress),
    ) -> Result<ModelServiceInventory, ClientError> {
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
        let resource_uuid = request
            .body
            .params
            .resource_uuid
            .clone()
            .unwrap_or_else(|| intent.resource_uuid.clone());
        if let Some(done) = self.post(request, intent, &mut run).await? {
            return Ok(done);
        }
        self.poll(&resource_uuid, &mut run).await
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
        let left = self.left(run)?;
        self.clock.sleep(ms.min(left)).await;
        self.left(run).map(|_| ())
    }

    /// POSTs until the job is accepted (`Ok(None)`: poll it) or done (`Ok(Some)`).
    async fn post<F: FnMut(&CloneProgress)>(
        &self,
        request: &CloneRequest,
        intent: &CloneIntent,
        run: &mut Run<'_, F>,
    ) -> Result<Option<ModelServiceInventory>, ClientError> {
        let url = self.url(&request.path(), &Query::new());
        let body = request.to_json();
        let mut last_error = None;
        for attempt in 0..POST_ATTEMPTS {
            if attempt > 0 {
                self.pause(run, POST_BACKOFF_MS[(attempt - 1) as usize])
                    .await?;
            }
            run.progress.post_attempts = attempt + 1;
            self.step(run, ClonePhase::Posting);
            let mut http = self.request(Method::Post, url.clone(), Some(body.clone()));
            http.headers
                .push(("X-Job-UUID".to_owned(), intent.job_uuid.clone()));
            let limit = self.left(run)?.min(SINGLE_REQUEST_TIMEOUT_MS);
            let response = match self.send_within(http, limit).await {
                Ok(r) => r,
                Err(e @ (ClientError::Network { .. } | ClientError::Timeout { .. })) => {
                    last_error = Some(e);
                    continue;
                }
                Err(e) => return Err(e),
            };
            match response.status {
                202 => {
                    let accepted: JobAccepted =
                        serde_json::from_str(&response.body).unwrap_or_default();
                    // The job uuid is ours (X-Job-UUID); the location's only confirms it.
                    if let Some(job) = accepted.job_uuid() {
                        run.progress.job_uuid = job;
                    }
                    run.deadline_ms = overall_timeout_ms(accepted.api_timeout);
                    return Ok(None);
                }
                _ if is_duplicate_job(&response) => return Ok(None),
                200 => {
                    let reply: InventoryReply<ModelServiceInventory> = decode(&response)?;
                    return Ok(reply.inventory);
                }
                _ => {
                    let error = error_of(&response);
                    if !error.is_transient() {
                        return Err(error);
                    }
                    last_error = Some(error);
                }
            }
        }
        Err(last_error.unwrap_or(ClientError::Network {
            detail: "no answer".into(),
        }))
    }

    async fn poll<F: FnMut(&CloneProgress)>(
        &self,
        resource_uuid: &str,
        run: &mut Run<'_, F>,
    ) -> Result<ModelServiceInventory, ClientError> {
        let mut failures = 0;
        loop {
            self.pause(run, PollSchedule::delay_ms(run.progress.polls))
                .await?;
            run.progress.polls += 1;
            self.step(run, ClonePhase::Polling);
            let path = format!("/v1/api-jobs/{}", run.progress.job_uuid);
            let http = self.request(Method::Get, self.url(&path, &Query::new()), None);
            let limit = self.left(run)?.min(SINGLE_REQUEST_TIMEOUT_MS);
            let response = match self.send_within(http, limit).await {
                Ok(r) => r,
                Err(e) if e.is_transient() || matches!(e, ClientError::Timeout { .. }) => {
                    failures += 1;
                    if failures >= POLL_FAILURES_ALLOWED {
                        return Err(e);
                    }
                    continue;
                }
                Err(e) => return Err(e),
            };
            match response.status {
                202 => failures = 0,
                200 => {
                    let reply: InventoryReply<ModelServiceInventory> = decode(&response)?;
                    if let Some(inventory) = reply.inventory {
                        return Ok(inventory);
                    }
                    return self.recover(resource_uuid, run, false).await;
                }
                404 => return self.recover(resource_uuid, run, true).await,
                _ => {
                    let error = error_of(&response);
                    if !error.is_transient() {
                        return Err(error);
                    }
                    failures += 1;
                    if failures >= POLL_FAILURES_ALLOWED {
                        return Err(error);
                    }
                }
            }
        }
    }

    /// Finds the clone by its `resourceUuid` after the job expired or ended without an
    /// inventory.
    async fn recover<F: FnMut(&CloneProgress)>(
        &self,
        resource_uuid: &str,
        run: &mut Run<'_, F>,
        expired: bool,
    ) -> Result<ModelServiceInventory, ClientError> {
        self.step(run, ClonePhase::Recovering);
        match self.find_model_service(resource_uuid).await? {
            Some(inventory) => Ok(inventory),
            None if expired => Err(ClientError::JobExpired {
                job_uuid: run.progress.job_uuid.clone(),
            }),
            None => Err(ClientError::CloneNotFound {
                resource_uuid: resource_uuid.to_owned(),
            }),
        }
    }
}
