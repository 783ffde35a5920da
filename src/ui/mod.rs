//! Leptos components, one per file. They render state and start the flow's steps; they never
//! build JSON, parse responses or decide validity themselves.
//!
//! - [`dialog`]: the dialog apart from its views: the typed stage, the reactive state, the
//!   flow (load, log in, submit, follow, check again, cancel), what is kept in the tab's
//!   store, what the form's aids load, DOM helpers.
//! - Views: the dialog ([`App`]), login, the form and its controls, architecture rows, the
//!   tag and GPU vendor pickers, the problem summary, what will change with the request
//!   preview, job progress, an unknown outcome, the result, the error; the live
//!   name-uniqueness hint.
//! - [`parts`]: the views the release build fetches after the first load, and [`Part`], which
//!   shows one once its code is there.

mod account_menu;
mod app;
mod architecture_rows;
mod changes_view;
mod choice_label;
mod clipboard;
mod clone_form;
mod clone_result;
pub mod dialog;
mod error_panel;
mod field_controls;
mod framed_page;
mod job_progress;
mod login_form;
mod name_check;
mod part_view;
pub mod parts;
mod problem_summary;
mod seen_uuids;
mod source_list;
mod tag_picker;
mod unavailable_view;
mod unknown_panel;
mod vendor_picker;

pub use app::App;
pub use architecture_rows::ArchitectureRows;
pub use dialog::clone_dialog::CloneDialog;
pub use dialog::stage::{Phase, Stage};
pub use dialog::state::{DialogState, Services};
pub use part_view::Part;
pub use tag_picker::TagPicker;
pub use vendor_picker::VendorPicker;
