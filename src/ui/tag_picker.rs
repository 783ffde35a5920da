//! The `tagUuids` picker: the tags ZStack has, as a labelled group of checkboxes (the tag's
//! name, its uuid in small text), checked for the draft's tag uuids. Uuids in the draft that
//! are not among the tags stay listed (checked; unchecking removes them from the draft but
//! keeps them listed until the form closes, so a slip is undone with one click), and a uuid
//! can be added by typing it; the form's validation judges it like any other item.
//!
//! If the tags cannot be loaded, the uuids are typed one per line, as before the picker.

use leptos::prelude::*;

use super::choice_label::check_label;
use super::dialog::choices;
use super::dialog::state::{control_id, error_id, Choices, DialogState};
use super::field_controls::{field_error, LinesField};
use super::seen_uuids::remember_seen;
use crate::form::{named_choice, unlisted, Field, KeyedList, ProblemKey};
use crate::i18n::{field_label, Text};

const FIELD: Field = Field::TagUuids;

/// The picker, or the text area when the tags could not be loaded.
#[component]
pub fn TagPicker() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    choices::load_tags(ctx);
    let failed = Memo::new(move |_| ctx.tags.with(Choices::is_failed));
    view! {
        <Show
            when=move || !failed.get()
            fallback=|| view! { <LinesField field=FIELD hint=Text::TagsUnavailable /> }
        >
            <TagChecks />
        </Show>
    }
}

/// Checks (`on`) or unchecks a tag uuid in the draft.
fn set_tag(ctx: DialogState, uuid: &str, on: bool) {
    ctx.draft
        .update(|d| d.tag_uuids.set_member(uuid.to_owned(), on));
    ctx.touch(ProblemKey::Field(FIELD));
}

/// One checkbox of a tag uuid (`name="tagUuids"`, `value=<uuid>`).
#[component]
fn TagCheck(
    /// Unique among the checkboxes (the uuid for loaded tags).
    id: String,
    uuid: String,
    /// The tag's name; `None` for a uuid that is not among the tags.
    name: Option<String>,
    selected: Memo<KeyedList<String>>,
    /// The item the field's shown problem is about.
    bad: Memo<Option<String>>,
) -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let value = uuid.clone();
    let checked = Memo::new(move |_| selected.with(|s| s.contains_key(&value)));
    let value = uuid.clone();
    let is_bad = Memo::new(move |_| bad.with(|b| b.as_deref() == Some(value.as_str())));
    let target = uuid.clone();
    let label = check_label(ctx, name, uuid.clone(), Text::NotAmongTags);
    view! {
        <li class="cms-check">
            <input
                type="checkbox"
                id=id.clone()
                name=FIELD.api_name()
                value=uuid.clone()
                prop:checked=move || checked.get()
                on:change=move |ev| set_tag(ctx, &target, event_target_checked(&ev))
                aria-invalid=move || is_bad.get().then_some("true")
                aria-describedby=move || is_bad.get().then(|| error_id(FIELD.api_name()))
            />
            <label for=id>{label}</label>
        </li>
    }
}

/// The checkboxes, the uuids not among the tags, and the field to add one by typing.
#[component]
fn TagChecks() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let name = FIELD.api_name();
    let selected = Memo::new(move |_| ctx.draft.with(|d| d.tag_uuids.clone()));
    let loading = Memo::new(move |_| ctx.tags.with(Choices::is_loading));
    let known = Memo::new(move |_| {
        ctx.tags.with(|c| {
            c.ready()
                .iter()
                .map(|t| named_choice(&t.uuid, t.name.as_deref()))
                .collect::<KeyedList<_>>()
        })
    });
    // Every uuid the draft had while the form was open, in order of appearance.
    let seen = remember_seen(selected);
    // The seen uuids that are not among the tags, by uuid, with a stable place for their ids.
    let others = Memo::new(move |_| {
        known.with(|known| {
            seen.with(|seen| {
                unlisted(seen, known)
                    .map(|(n, u)| (u.clone(), n))
                    .collect::<KeyedList<_>>()
            })
        })
    });
    let bad = Memo::new(move |_| {
        let index = ctx.field_problem(FIELD)?.item_index()?;
        selected.with(|s| s.get(index).cloned())
    });
    let nothing =
        move || !loading.get() && known.with(|l| l.is_empty()) && others.with(|l| l.is_empty());
    let typed = RwSignal::new(String::new());
    let add = move || {
        let value = typed.get_untracked().trim().to_owned();
        if !value.is_empty() {
            set_tag(ctx, &value, true);
            typed.set(String::new());
        }
    };
    let add_id = control_id(&format!("{name}.add"));
    view! {
        <fieldset
            class="cms-field cms-choices"
            id=control_id(name)
            tabindex="-1"
            aria-describedby=move || ctx.field_problem(FIELD).map(|_| error_id(name))
        >
            <legend class="cms-field__label">{move || field_label(ctx.lang.get(), FIELD)}</legend>
            <Show when=move || loading.get()>
                <p class="cms-field__hint" role="status">{ctx.tr(Text::TagsLoading)}</p>
            </Show>
            <Show when=nothing>
                <p class="cms-field__hint">{ctx.tr(Text::NoTags)}</p>
            </Show>
            <ul class="cms-checks">
                <For each=move || known.get() key=|(uuid, _)| uuid.clone() let:tag>
                    <TagCheck
                        id=format!("{}-{}", control_id(name), tag.0)
                        uuid=tag.0
                        name=Some(tag.1)
                        selected=selected
                        bad=bad
                    />
                </For>
                <For each=move || others.get() key=|(uuid, _)| uuid.clone() let:other>
                    <TagCheck
                        id=format!("{}-other-{}", control_id(name), other.1)
                        uuid=other.0
                        name=None
                        selected=selected
                        bad=bad
                    />
                </For>
            </ul>
            <div class="cms-choices__add">
                <label for=add_id.clone()>{ctx.tr(Text::AddTagUuid)}</label>
                <div class="cms-choices__add-row">
                    <input
                        id=add_id
                        name=format!("{name}.add")
                        type="text"
                        class="cms-code"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            // Enter adds the uuid instead of submitting the form (not while an
                            // input method is composing: there Enter confirms the composition).
                            if ev.key() == "Enter" && !ev.is_composing() {
                                ev.prevent_default();
                                add();
                            }
                        }
                        aria-describedby=move || ctx.field_problem(FIELD).map(|_| error_id(name))
                    />
                    <button type="button" class="cms-button" data-action="add-tag" on:click=move |_| add()>
                        {ctx.tr(Text::Add)}
                    </button>
                </div>
            </div>
            {field_error(ctx, FIELD)}
        </fieldset>
    }
}
