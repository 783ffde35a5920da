//! Leptos components, one per file. They render state and send intents; they never build JSON,
//! parse responses or decide validity themselves.

mod app;

pub use app::App;
