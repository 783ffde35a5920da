//! The labelled controls of the form, one kind per parameter type: text (one line or many),
//! whole numbers, selects of valid values, switches, and lists (one item per line). Each
//! reads and writes its field through the draft's accessors by [`Field`], is named after its
//! API parameter, and shows its problem when it is to be shown, and a live warning when it has
//! one (say, a name another service already has).

use leptos::prelude::*;

use super::dialog::state::{control_id, error_id, DialogState};
use crate::form::{lines_to_list, list_to_lines, Draft, Field, Kind, ProblemKey};
use crate::i18n::{field_hint, field_label, problem_message, Text};

/// How a text control looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextKind {
    #[default]
    Line,
    /// A whole number, kept as typed (i64 values must not pass through a float).
    Number,
    Multiline,
    /// Monospaced, many lines (YAML).
    Code,
}

/// A live note about a control's value that does not block the clone, e.g. "another model
/// service already has this name".
pub type Warning = Signal<Option<Text>>;

fn warning_id(name: &str) -> String {
    format!("{}-warning", control_id(name))
}

/// The label, the hint, the live warning and the problem around a control.
fn frame(
    ctx: DialogState,
    field: Field,
    hint: Option<Text>,
    warning: Option<Warning>,
    control: impl IntoView + 'static,
) -> impl IntoView {
    let name = field.api_name();
    let id = control_id(name);
    let hint_id = format!("{id}-hint");
    // The live region exists before its text does, so screen readers announce the warning.
    let warning = warning.map(|w| {
        view! {
            <div class="cms-field__status" role="status">
                {move || {
                    w.get()
                        .map(|text| {
                            view! {
                                <p class="cms-field__hint cms-field__hint--warn" id=warning_id(name)>
                                    {move || ctx.text(text)}
                                </p>
                            }
                        })
                }}
            </div>
        }
    });
    view! {
        <div class="cms-field" class:cms-field--invalid=move || ctx.field_problem(field).is_some()>
            <label class="cms-field__label" for=id>
                {move || field_label(ctx.lang.get(), field)}
            </label>
            {control}
            {readable_number(ctx, field)}
            {hint.map(|h| view! { <p class="cms-field__hint" id=hint_id>{move || ctx.text(h)}</p> })}
            {warning}
            {field_error(ctx, field)}
        </div>
    }
}

/// A large whole number grouped by thousands beside the exact digits (number fields only).
fn readable_number(ctx: DialogState, field: Field) -> Option<impl IntoView> {
    matches!(field.kind(), Kind::Long | Kind::Integer).then(|| {
        let shown = Memo::new(move |_| {
            ctx.draft
                .with(|d| d.text(field).and_then(crate::i18n::grouped))
        });
        move || {
            shown
                .get()
                .map(|g| view! { <p class="cms-field__hint cms-field__readable" aria-hidden="true">"= " {g}</p> })
        }
    })
}

/// A field's problem, when it is to be shown (the target of its controls' `aria-describedby`).
pub fn field_error(ctx: DialogState, field: Field) -> impl IntoView {
    let err = error_id(field.api_name());
    move || {
        ctx.field_problem(field).map(|p| {
            view! {
                <p class="cms-field__error" id=err.clone()>
                    {problem_message(ctx.lang.get(), &p)}
                </p>
            }
        })
    }
}

/// `aria-describedby`: the hint and, when shown, the warning and the problem.
pub fn described_by(
    ctx: DialogState,
    field: Field,
    hint: bool,
    warning: Option<Warning>,
) -> impl Fn() -> Option<String> {
    let name = field.api_name();
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{}-hint", control_id(name)));
        }
        if warning.is_some_and(|w| w.get().is_some()) {
            ids.push(warning_id(name));
        }
        if ctx.field_problem(field).is_some() {
            ids.push(error_id(name));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

pub fn invalid(ctx: DialogState, field: Field) -> impl Fn() -> Option<&'static str> {
    move || ctx.field_problem(field).map(|_| "true")
}

/// A text or number parameter, as the draft keeps it ([`Draft::text`]); `warning` is a live
/// note beside it (the name another service has). Its hint, if any, is the field's.
pub fn text_field(
    ctx: DialogState,
    field: Field,
    kind: TextKind,
    warning: Option<Warning>,
) -> impl IntoView {
    let value = Memo::new(move |_| {
        ctx.draft
            .with(|d| d.text(field).unwrap_or_default().to_owned())
    });
    let hint = field_hint(field);
    let name = field.api_name();
    let id = control_id(name);
    let input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        ctx.draft.update(|d| {
            if let Some(slot) = d.text_mut(field) {
                *slot = text;
            }
        });
    };
    let leave = move |_| ctx.touch(ProblemKey::Field(field));
    let control = match kind {
        TextKind::Line | TextKind::Number => view! {
            <input
                id=id
                name=name
                type="text"
                inputmode=(kind == TextKind::Number).then_some("numeric")
                autocomplete="off"
                prop:value=move || value.get()
                on:input=input
                on:blur=leave
                aria-invalid=invalid(ctx, field)
                aria-describedby=described_by(ctx, field, hint.is_some(), warning)
            />
        }
        .into_any(),
        TextKind::Multiline | TextKind::Code => view! {
            <textarea
                id=id
                name=name
                rows=if kind == TextKind::Code { 8 } else { 3 }
                class:cms-code=kind == TextKind::Code
                spellcheck=if kind == TextKind::Code { "false" } else { "true" }
                prop:value=move || value.get()
                on:input=input
                on:blur=leave
                aria-invalid=invalid(ctx, field)
                aria-describedby=described_by(ctx, field, hint.is_some(), warning)
            ></textarea>
        }
        .into_any(),
    };
    frame(ctx, field, hint, warning, control)
}

/// A parameter with a fixed set of valid values (the table's); a source value outside them
/// stays choosable.
pub fn select_field(ctx: DialogState, field: Field) -> impl IntoView {
    let value = Memo::new(move |_| {
        ctx.draft
            .with(|d| d.text(field).unwrap_or_default().to_owned())
    });
    let options = field.valid_values().unwrap_or_default();
    let name = field.api_name();
    let choices = move || {
        let current = value.get();
        let mut all: Vec<String> = options.iter().map(|o| (*o).to_owned()).collect();
        if !all.contains(&current) {
            all.insert(0, current);
        }
        all.into_iter()
            .map(|option| {
                let label = if option.is_empty() {
                    ctx.text(Text::NotSet).to_owned()
                } else {
                    option.clone()
                };
                let selected = option == value.get_untracked();
                view! { <option value=option prop:selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let control = view! {
        <select
            id=control_id(name)
            name=name
            on:change=move |ev| {
                let text = event_target_value(&ev);
                ctx.draft.update(|d| {
                    if let Some(slot) = d.text_mut(field) {
                        *slot = text;
                    }
                });
                ctx.touch(ProblemKey::Field(field));
            }
            aria-invalid=invalid(ctx, field)
            aria-describedby=described_by(ctx, field, false, None)
        >
            {choices}
        </select>
    };
    frame(ctx, field, None, None, control)
}

/// A Boolean parameter, as a switch.
pub fn check_field(ctx: DialogState, field: Field) -> impl IntoView {
    let name = field.api_name();
    let id = control_id(name);
    view! {
        <div class="cms-field cms-field--check">
            <input
                id=id.clone()
                name=name
                type="checkbox"
                role="switch"
                prop:checked=move || ctx.draft.with(|d| d.flag(field).unwrap_or_default())
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    ctx.draft.update(|d| {
                        if let Some(slot) = d.flag_mut(field) {
                            *slot = on;
                        }
                    });
                }
            />
            <label for=id>{move || field_label(ctx.lang.get(), field)}</label>
        </div>
    }
}

/// A list parameter, one item per line; applied when the control is left. Without `get` and
/// `set` it edits the field's list ([`Draft::list`]); the pickers' fall-backs give their own.
#[component]
pub fn LinesField(
    field: Field,
    #[prop(optional)] get: Option<fn(&Draft) -> String>,
    #[prop(optional)] set: Option<fn(&mut Draft, &str)>,
    #[prop(optional)] hint: Option<Text>,
) -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let value = Memo::new(move |_| {
        ctx.draft.with(|d| match get {
            Some(get) => get(d),
            None => list_to_lines(d.list(field).unwrap_or_default()),
        })
    });
    let name = field.api_name();
    let hint = hint.or(Some(Text::OnePerLine));
    let control = view! {
        <textarea
            id=control_id(name)
            name=name
            rows=3
            class="cms-code"
            spellcheck="false"
            prop:value=move || value.get()
            on:change=move |ev| {
                let text = event_target_value(&ev);
                ctx.draft.update(|d| match set {
                    Some(set) => set(d, &text),
                    None => {
                        d.set_list(field, lines_to_list(&text));
                    }
                });
            }
            on:blur=move |_| ctx.touch(ProblemKey::Field(field))
            aria-invalid=invalid(ctx, field)
            aria-describedby=described_by(ctx, field, true, None)
        ></textarea>
    };
    frame(ctx, field, hint, None, control)
}
