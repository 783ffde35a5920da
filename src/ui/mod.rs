//! Leptos components, one per file. They render state and send intents; they never build JSON,
//! parse responses or decide validity themselves.
//!
//! - [`state`]: the reactive state shared through context; [`controller`]: the intents (load,
//!   log in, submit, retry, cancel) over the client and the form core.
//! - Views: the dialog ([`App`]), login, the form and its controls, architecture rows, the
//!   tag and GPU vendor pickers, the problem summary, what will change with the request
//!   preview, job progress, the result, the error; the live name-uniqueness hint.

mod app;
mod architecture_rows;
mod changes_view;
mod choice_label;
mod clipboard;
mod clone_form;
mod clone_result;
mod controller;
mod error_panel;
mod field_controls;
mod job_progress;
pub mod list_text;
mod login_form;
mod name_check;
mod problem_summary;
mod state;
mod tag_picker;
mod unavailable_view;
mod vendor_picker;

pub use app::App;
pub use architecture_rows::ArchitectureRows;
pub use state::{Ctx, Phase};
