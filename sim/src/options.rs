//! How to start a simulator.

use std::net::SocketAddr;
use std::time::Duration;

use crate::quirks::Quirks;
use crate::seed::Seed;

/// Options of [`crate::start`]. `Default`: 127.0.0.1:0, no control API, the built-in seed,
/// jobs of 1500 ms, sessions of 7200 s, jobs kept 3 h, loopback only, no quirks.
#[derive(Clone, Debug)]
pub struct SimOptions {
    /// Where to listen; port 0 picks a free port.
    pub listen: SocketAddr,
    /// Serve the test-control API under `/__sim` (and keep the request log).
    pub control: bool,
    /// The data to start from; `None` is the built-in seed.
    pub seed: Option<Seed>,
    /// How long an async job (a clone) runs before it completes.
    pub job_ms: u64,
    /// Session lifetime.
    pub session_ttl: Duration,
    /// How long finished and running jobs stay known to `/api-jobs`.
    pub job_retention: Duration,
    /// Allow a non-loopback listen address.
    pub allow_non_loopback: bool,
    /// The real node's quirks to show from the start (and after `POST /__sim/reset`); see
    /// [`crate::Quirk`]. Changeable at run time with `PUT /__sim/quirks` or
    /// [`crate::SimHandle::set_quirks`].
    pub quirks: Quirks,
}

pub const DEFAULT_JOB_MS: u64 = 1500;
pub const DEFAULT_SESSION_TTL: Duration = Duration::from_secs(7200);
pub const DEFAULT_JOB_RETENTION: Duration = Duration::from_secs(3 * 3600);

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            control: false,
            seed: None,
            job_ms: DEFAULT_JOB_MS,
            session_ttl: DEFAULT_SESSION_TTL,
            job_retention: DEFAULT_JOB_RETENTION,
            allow_non_loopback: false,
            quirks: Quirks::none(),
        }
    }
}
