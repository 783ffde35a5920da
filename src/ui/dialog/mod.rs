//! The dialog itself, apart from what it shows: its typed stage, its reactive state, the flow
//! of its steps, what it keeps in the tab's store, what it loads for the form's aids, and the
//! few DOM helpers it needs.

pub mod choices;
pub mod clone_dialog;
pub mod dom;
pub mod flow;
pub mod persistence;
pub mod stage;
pub mod state;
pub mod yaml_check;

#[cfg(test)]
mod flow_tests;
