//! The dialog itself, apart from what it shows: its typed stage, its reactive state, the flow
//! of its steps, whose session it is, the source list, what it keeps in the tab's store, what
//! it loads for the form's aids, and the few DOM helpers it needs.

pub mod account;
pub mod address;
pub mod choices;
pub mod clone_dialog;
pub mod dom;
pub mod flow;
pub mod listing;
pub mod persistence;
pub mod stage;
pub mod state;
pub mod yaml_check;

#[cfg(test)]
mod account_tests;
#[cfg(test)]
mod flow_tests;
#[cfg(test)]
mod listing_tests;
