//! zstack-sim: a ZStack REST API simulator (see `sim/README.md`).
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let sim = zstack_sim::start(zstack_sim::SimOptions { control: true, ..Default::default() }).await?;
//! println!("{}", sim.base_url());
//! sim.shutdown().await;
//! # Ok(()) }
//! ```

pub mod clone;
mod connection;
pub mod date;
pub mod error_code;
pub mod faults;
pub mod ids;
pub mod inventory;
mod options;
pub mod query;
pub mod quirks;
pub mod request_log;
mod routes;
pub mod schema;
pub mod seed;
mod server;
pub mod state;

pub use options::{SimOptions, DEFAULT_JOB_MS, DEFAULT_JOB_RETENTION, DEFAULT_SESSION_TTL};
pub use quirks::{Quirk, Quirks};
pub use routes::{sha512_hex, API_TIMEOUT_MS};
pub use seed::Seed;
pub use server::{start, SimHandle};
