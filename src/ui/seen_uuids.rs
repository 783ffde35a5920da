//! What a picker remembers of its list: every uuid the list has held while the picker lives,
//! in order of appearance. An unchecked uuid that no loaded choice has stays listed, so a slip
//! is undone with one click.

use leptos::prelude::*;

use crate::form::KeyedList;

/// `list`'s uuids as they appear, none ever dropped; owned by the calling component.
pub fn remember_seen(list: Memo<KeyedList<String>>) -> RwSignal<KeyedList<String>> {
    let seen = RwSignal::new(list.get_untracked());
    Effect::new(move |_| {
        let fresh: Vec<String> = list.with(|l| {
            l.iter()
                .filter(|u| !seen.with_untracked(|s| s.contains_key(u)))
                .cloned()
                .collect()
        });
        if !fresh.is_empty() {
            seen.update(|s| s.extend(fresh));
        }
    });
    seen
}
