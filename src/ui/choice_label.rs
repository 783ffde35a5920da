//! What the pickers' checkboxes share: their label (a name and a uuid in small text, or for a
//! uuid no loaded choice has, the uuid and a note saying so) and which draft item a list's
//! problem points at.

use leptos::prelude::*;

use super::state::Ctx;
use crate::form::Problem;
use crate::i18n::Text;

/// The label's content: `name` above `uuid` in small text; without a name, the uuid above
/// `unknown` (e.g. "not among the tags").
pub fn check_label(ctx: Ctx, name: Option<String>, uuid: String, unknown: Text) -> impl IntoView {
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

/// The item of a list a problem is about (`BadItem`, `DuplicateItem`), from 0.
pub fn problem_item(problem: &Problem) -> Option<usize> {
    match problem {
        Problem::BadItem { index, .. } | Problem::DuplicateItem { index } => Some(*index),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_point_at_their_item() {
        let bad = Problem::BadItem {
            index: 2,
            problem: Box::new(Problem::NotAUuid),
        };
        assert_eq!(problem_item(&bad), Some(2));
        assert_eq!(problem_item(&Problem::DuplicateItem { index: 1 }), Some(1));
        assert_eq!(problem_item(&Problem::Required), None);
    }
}
