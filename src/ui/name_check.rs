//! The live name-uniqueness hint: [`NAME_CHECK_DELAY`] after the last change of the name,
//! ZStack is asked whether another model service has exactly that name. Only the answer to the
//! latest question is applied, and only while the name is still the one asked about: a slow
//! answer to an earlier name never overrides a newer one.
//!
//! ZStack allows duplicate names, so this is a warning beside the field, never a problem that
//! blocks the clone.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialog::choices;
use super::dialog::state::DialogState;

/// How long the name must stay unchanged before it is checked.
pub const NAME_CHECK_DELAY: Duration = Duration::from_millis(300);

/// Watches the draft's name for as long as the calling component lives (the form).
pub fn watch_name(ctx: DialogState) {
    let name = Memo::new(move |_| ctx.draft.with(|d| d.name.trim().to_owned()));
    // Bumped on every change: an answer is applied only if no newer question was started.
    let generation = StoredValue::new(0u64);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let current = name.get();
        let Some(asked) = generation.try_update_value(|g| {
            *g += 1;
            *g
        }) else {
            return;
        };
        if let Some(pending) = timer.try_update_value(Option::take).flatten() {
            pending.clear();
        }
        if current.is_empty() {
            return;
        }
        let handle = set_timeout_with_handle(
            move || ask(ctx, current, asked, generation),
            NAME_CHECK_DELAY,
        )
        .ok();
        timer.try_set_value(handle);
    });
    on_cleanup(move || {
        if let Some(pending) = timer.try_update_value(Option::take).flatten() {
            pending.clear();
        }
    });
}

fn ask(ctx: DialogState, name: String, asked: u64, generation: StoredValue<u64>) {
    if generation.try_get_value() != Some(asked) {
        return;
    }
    spawn_local(async move {
        let answer = choices::name_taken(ctx, &name).await;
        // A newer name was typed meanwhile (or the form is gone): this answer is stale.
        let latest = generation.try_get_value() == Some(asked);
        let current = ctx.draft.with_untracked(|d| d.name.trim() == name);
        if !(latest && current) {
            return;
        }
        match answer {
            Some(true) => ctx.name_taken.set(Some(name)),
            Some(false) => ctx.name_taken.set(None),
            // No answer: say nothing new (the hint only ever shows for the current name).
            None => {}
        }
    });
}

/// Whether the hint applies to the current name.
pub fn name_is_taken(ctx: DialogState) -> bool {
    ctx.name_taken.with(|taken| {
        taken
            .as_deref()
            .is_some_and(|taken| ctx.draft.with(|d| d.name.trim() == taken))
    })
}
