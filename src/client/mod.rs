//! HTTP to the ZStack REST API: login, logout and whose session it is, queries, and cloning as a job with exactly-once
//! retries. No views. A failure is a [`ClientError`]; a clone ends in a [`CloneOutcome`] that
//! says whether it was executed.
//!
//! The client is generic over a [`Transport`] and a [`Clock`]: in the browser
//! [`FetchTransport`] and [`BrowserClock`]; in native tests `ScriptedTransport` and
//! `VirtualClock` (built for this crate's tests only, never shipped). The dialog uses
//! one type for all of them, [`AppClient`], made from a [`Connection`].

mod client_error;
mod clone_intent;
mod clone_job;
mod clone_outcome;
#[cfg(any(target_arch = "wasm32", test))]
mod early_request;
#[cfg(target_arch = "wasm32")]
mod fetch_transport;
mod response_body;
#[cfg(test)]
mod scripted_transport;
mod shared_transport;
mod source_page;
mod transport;
mod who_am_i;
mod zstack_client;

#[cfg(test)]
mod clone_job_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod parser_property_tests;
#[cfg(test)]
mod zstack_client_tests;

pub use client_error::{ClientError, ProxyBody, REDACTED as REDACTED_SESSION};
pub use clone_intent::CloneIntent;
pub use clone_job::{
    overall_timeout_ms, post_backoff_ms, ClonePhase, CloneProgress, PollSchedule,
    DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, MIN_TIMEOUT_MS, POLL_FAILURES_ALLOWED, POST_ATTEMPTS,
    POST_BACKOFF_MS, SINGLE_REQUEST_TIMEOUT_MS,
};
pub use clone_outcome::CloneOutcome;
#[cfg(target_arch = "wasm32")]
pub use fetch_transport::{BrowserClock, FetchTransport};
pub use response_body::{
    decode, error_of, is_duplicate_job, is_job_expired, DUPLICATE_JOB_PREFIX, JOB_EXPIRED_TEXT,
};
#[cfg(test)]
pub use scripted_transport::{ScriptStep, ScriptedTransport, VirtualClock};
pub use shared_transport::{AppClient, Connection, SharedClock, SharedTransport};
pub use source_page::{PageRequest, SourcePage, PAGE_SIZE};
pub use transport::{Clock, HttpRequest, HttpResponse, Method, Transport, TransportError};
pub use zstack_client::{password_hash, ClientConfig, ZStackClient};
