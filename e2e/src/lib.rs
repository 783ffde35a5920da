//! The end-to-end harness: the release build (`dist/`) served by a real nginx on 127.0.0.1,
//! `/zstack` proxied to an in-process zstack-sim, driven in real Chromium over WebDriver.
//!
//! Every server picks a free port and is stopped when its handle drops, also when a test panics.

pub mod app;
pub mod browser;
pub mod chromium_commands;
pub mod first_load;
pub mod http;
pub mod nginx;
pub mod portal;
mod process;
mod scratch;
pub mod stack;
pub mod trace;

pub use stack::Stack;
