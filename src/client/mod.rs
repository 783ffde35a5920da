//! HTTP to the ZStack REST API: login and sessions, queries, and cloning as a job with
//! exactly-once retries. No views. Every failure is a [`ClientError`].
//!
//! The client is generic over a [`Transport`] and a [`Clock`]: in the browser
//! [`FetchTransport`] and [`BrowserClock`] (see [`BrowserClient`]); in native tests
//! [`ScriptedTransport`] and [`VirtualClock`].

mod client_error;
mod clone_job;
#[cfg(target_arch = "wasm32")]
mod fetch_transport;
mod response_body;
mod scripted_transport;
mod transport;
mod zstack_client;

#[cfg(test)]
mod clone_job_tests;
#[cfg(test)]
mod zstack_client_tests;

pub use client_error::{ClientError, ProxyBody};
pub use clone_job::{
    overall_timeout_ms, ClonePhase, CloneProgress, PollSchedule, DEFAULT_TIMEOUT_MS,
    MAX_TIMEOUT_MS, MIN_TIMEOUT_MS, POLL_FAILURES_ALLOWED, POST_ATTEMPTS, POST_BACKOFF_MS,
    SINGLE_REQUEST_TIMEOUT_MS,
};
#[cfg(target_arch = "wasm32")]
pub use fetch_transport::{BrowserClock, FetchTransport};
pub use response_body::{decode, error_of, is_duplicate_job, DUPLICATE_JOB_PREFIX};
pub use scripted_transport::{ScriptStep, ScriptedTransport, VirtualClock};
pub use transport::{Clock, HttpRequest, HttpResponse, Method, Transport, TransportError};
pub use zstack_client::{password_hash, ClientConfig, ZStackClient};

/// The client the browser app uses.
#[cfg(target_arch = "wasm32")]
pub type BrowserClient = ZStackClient<FetchTransport, BrowserClock>;

#[cfg(target_arch = "wasm32")]
impl BrowserClient {
    pub fn browser(config: ClientConfig) -> BrowserClient {
        ZStackClient::new(config, FetchTransport, BrowserClock)
    }
}
