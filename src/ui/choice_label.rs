//! The label of a picker's checkbox: a name and a uuid in small text, or for a uuid no loaded
//! choice has, the uuid and a note saying so.

use leptos::prelude::*;

use super::dialog::state::DialogState;
use crate::i18n::Text;

/// The label's content: `name` above `uuid` in small text; without a name, the uuid above
/// `unknown` (e.g. "not among the tags").
pub fn check_label(
    ctx: DialogState,
    name: Option<String>,
    uuid: String,
    unknown: Text,
) -> impl IntoView {
    match name {
        Some(name) => view! {
            <span class="cms-check__name">{name}</span>
            " "
            <small class="cms-check__uuid">{uuid}</small>
        }
        .into_any(),
        None => view! {
            <span class="cms-check__name cms-code">{uuid}</span>
            " "
            <small class="cms-check__note">{move || ctx.text(unknown)}</small>
        }
        .into_any(),
    }
}
