//! Pure form state: the draft built from the source, architecture rows, validation (typed
//! problems per field), the diff against the source, the request built from the draft, and
//! the request rendered for preview (JSON, curl, Java and Python SDK). Its lists are keyed
//! ([`KeyedList`], [`Rows`]): each key once, whatever was typed or read back.
//!
//! Everything the dialog decides lives here; the views only render it. The fields, their kinds
//! and their place in the form come from the parameter table ([`crate::zstack::parameters`]);
//! this layer knows no language: problems are values, their texts live in `i18n`.

/// An optional column of the parameter table as a value: `Some(value)`, or `None` if absent.
macro_rules! column {
    () => {
        None
    };
    ($value:expr) => {
        Some($value)
    };
}

/// An optional column whose value is an `Option` already: that, or `None` if absent.
macro_rules! column_or_none {
    () => {
        None
    };
    ($value:expr) => {
        $value
    };
}

mod api_params;
mod architecture;
mod choices;
mod diff;
mod draft;
mod field;
mod keyed_list;
mod list_text;
mod problem;
mod request_builder;
mod request_preview;
mod rows;
mod text_rules;
mod validation;
mod yaml_syntax;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod property_tests;
#[cfg(test)]
mod request_builder_tests;
#[cfg(test)]
mod table_tests;
#[cfg(test)]
mod validation_tests;

pub use api_params::BadParam;
pub use architecture::{
    architecture_for_request, known_architecture, same_architecture, ArchitectureRow,
    KNOWN_ARCHITECTURES,
};
pub use choices::{named_choice, of_another_vendor, spec_name, specs_of_vendor, unlisted, Choice};
pub use diff::Change;
pub use draft::{Draft, VendorSpecs};
pub use field::{row_control_name, Control, Field, Group, Kind, Placement, RowField, Special};
pub use keyed_list::{Keyed, KeyedList};
pub use list_text::{lines_to_list, lines_to_vendors, list_to_lines, vendors_to_lines};
pub use problem::Problem;
pub use request_preview::{mask_token, RequestPreview};
pub use rows::{RowId, Rows};
pub use text_rules::{limits, parse_long};
pub use validation::{ProblemKey, Problems};
pub use yaml_syntax::{
    check_yaml, check_yaml_now, record_yaml_verdict, yaml_check_pending, YamlCheck,
    YAML_CHECKED_AT_ONCE,
};
