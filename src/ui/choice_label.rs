//! What the pickers' checkboxes share: their label (a name and a uuid in small text, or for a
//! uuid no loaded choice has, the uuid and a note saying so) and which draft item a list's
//! problem points at.

use leptos::prelude::*;

use super::dialog::state::Ctx;
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

/// A loaded choice as the pickers list it: its uuid, and its name (the uuid when it has none).
pub fn named_choice(uuid: &str, name: Option<&str>) -> (String, String) {
    let name = name.filter(|n| !n.is_empty()).unwrap_or(uuid);
    (uuid.to_owned(), name.to_owned())
}

/// Checks (`on`) or unchecks `uuid` in a list of uuids, keeping its order and each uuid once.
pub fn set_member(list: &mut Vec<String>, uuid: &str, on: bool) {
    if !on {
        list.retain(|u| u != uuid);
    } else if !list.iter().any(|u| u == uuid) {
        list.push(uuid.to_owned());
    }
}

/// Every uuid `list` has held while the calling component lives, in order of appearance: an
/// unchecked uuid stays listed, so a slip is undone with one click.
pub fn remember_seen(list: Memo<Vec<String>>) -> RwSignal<Vec<String>> {
    let seen = RwSignal::new(list.get_untracked());
    Effect::new(move |_| {
        let fresh: Vec<String> = list.with(|l| {
            l.iter()
                .filter(|u| !seen.with_untracked(|s| s.contains(u)))
                .cloned()
                .collect()
        });
        if !fresh.is_empty() {
            seen.update(|s| {
                for u in fresh {
                    set_member(s, &u, true);
                }
            });
        }
    });
    seen
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

    #[test]
    fn a_choice_without_a_name_is_listed_by_its_uuid() {
        let named = named_choice("u1", Some("production"));
        assert_eq!(named, ("u1".to_owned(), "production".to_owned()));
        assert_eq!(named_choice("u2", Some("")).1, "u2");
        assert_eq!(named_choice("u3", None).1, "u3");
    }

    #[test]
    fn members_are_checked_once_and_unchecked_in_place() {
        let mut list = vec!["a".to_owned(), "b".to_owned()];
        set_member(&mut list, "c", true);
        set_member(&mut list, "a", true);
        assert_eq!(list, ["a", "b", "c"]);
        set_member(&mut list, "b", false);
        assert_eq!(list, ["a", "c"]);
    }
}
