//! The clone form: every parameter of CloneModelService where the parameter table places it
//! (the common ones first, then runtime, container, architectures, tags and advanced), with the
//! control the table gives it; the problem summary, what will change, and the buttons. While a
//! clone runs the form stays, read-only.

use leptos::prelude::*;

use super::architecture_rows::ArchitectureRows;
use leptos::task::spawn_local;

use super::dialog::stage::Stage;
use super::dialog::state::DialogState;
use super::dialog::{dom, flow};
use super::field_controls::{check_field, select_field, text_field, LinesField, TextKind, Warning};
use super::name_check;
use super::part_view::Part;
use super::parts;
use super::problem_summary::ProblemSummary;
use crate::form::{Control, Field, Group};
use crate::i18n::{section_title, Text};

/// The id of a section's title (`aria-labelledby`).
fn section_id(group: Group) -> &'static str {
    match group {
        Group::Common => "cms-s-common",
        Group::Runtime => "cms-s-runtime",
        Group::Container => "cms-s-container",
        Group::Architectures => "cms-s-arch",
        Group::Tags => "cms-s-tags",
        Group::Advanced => "cms-s-advanced",
    }
}

/// The control the parameter table gives a field.
fn control(ctx: DialogState, field: Field, control: Control, name_warning: Warning) -> AnyView {
    let text = |kind| {
        let warning = (field == Field::Name).then_some(name_warning);
        text_field(ctx, field, kind, warning).into_any()
    };
    match control {
        Control::Line | Control::Short => text(TextKind::Line),
        Control::Multiline => text(TextKind::Multiline),
        Control::Code => text(TextKind::Code),
        Control::Number => text(TextKind::Number),
        Control::Select(_) => select_field(ctx, field).into_any(),
        Control::Switch => check_field(ctx, field).into_any(),
        Control::Lines => view! { <LinesField field=field /> }.into_any(),
        Control::Tags => view! { <Part load=parts::tag_picker /> }.into_any(),
        Control::Vendors => view! { <Part load=parts::vendor_picker /> }.into_any(),
        Control::Rows => view! { <ArchitectureRows /> }.into_any(),
    }
}

/// A section: its title, then its fields' controls in the table's order, each run of short
/// controls in one grid.
fn section(ctx: DialogState, group: Group, name_warning: Warning) -> impl IntoView {
    let id = section_id(group);
    let mut body: Vec<AnyView> = Vec::new();
    let mut grid: Vec<AnyView> = Vec::new();
    let close_grid = |grid: &mut Vec<AnyView>, body: &mut Vec<AnyView>| {
        if !grid.is_empty() {
            let cells = std::mem::take(grid);
            body.push(view! { <div class="cms-grid">{cells}</div> }.into_any());
        }
    };
    for (field, kind) in Field::in_group(group) {
        let view = control(ctx, field, kind, name_warning);
        if kind.in_grid() {
            grid.push(view);
        } else {
            close_grid(&mut grid, &mut body);
            body.push(view);
        }
    }
    close_grid(&mut grid, &mut body);
    view! {
        <section class="cms-section" aria-labelledby=id>
            <h2 class="cms-section__title" id=id>{ctx.tr(section_title(group))}</h2>
            {body}
        </section>
    }
}

#[component]
pub fn CloneForm() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    // Read-only while a clone is sent, followed, or of unknown outcome.
    let busy = move || !ctx.stage.with(Stage::is_editable);
    let unknown = move || ctx.stage.with(|s| matches!(s, Stage::Unknown(..)));
    let source_line = move || {
        ctx.source.with(|s| {
            s.as_ref()
                .map(|s| {
                    format!(
                        "{} ({})",
                        s.name.clone().unwrap_or_default(),
                        s.uuid.clone().unwrap_or_default()
                    )
                })
                .unwrap_or_default()
        })
    };
    // Navigation → interactive pre-filled form (the benchmark's figure): effects run once the
    // form's nodes, with their values and handlers, are in the document.
    Effect::new(move |_| {
        dom::mark("cms-editing");
        parts::expect_soon();
    });
    // The live check of the name while the form is shown (the pickers load their own choices).
    name_check::watch_name(ctx);
    let name_warning: Warning =
        Memo::new(move |_| name_check::name_is_taken(ctx).then_some(Text::NameTakenHint)).into();
    let sections: Vec<AnyView> = Group::ALL
        .into_iter()
        .map(|group| section(ctx, group, name_warning).into_any())
        .collect();

    view! {
        <form
            class="cms-form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                spawn_local(flow::submit(ctx));
            }
        >
            <p class="cms-source">
                <span class="cms-source__label">{ctx.tr(Text::SourceLabel)}</span>
                " "
                <span class="cms-source__value">{source_line}</span>
            </p>
            <Show when=move || ctx.restored.get()>
                <p class="cms-note" role="status">{ctx.tr(Text::DraftRestored)}</p>
            </Show>
            <Show when=move || ctx.draft_not_kept.get()>
                <p class="cms-note" role="status" data-notice="draft-not-kept">{ctx.tr(Text::DraftNotKept)}</p>
            </Show>
            <ProblemSummary />
            <fieldset class="cms-fieldset" disabled=busy>
                {sections}
            </fieldset>
            <Part load=parts::changes_view />
            <div class="cms-actions">
                <button type="button" class="cms-button" data-action="cancel" on:click=move |_| flow::cancel(ctx, ctx.text(Text::DiscardConfirm))>
                    {ctx.tr(Text::Cancel)}
                </button>
                // While the outcome is unknown the primary action is the panel's "Check again".
                <Show when=move || !unknown()>
                    <button type="submit" class="cms-button cms-button--primary" aria-disabled=move || busy().then_some("true")>
                        {ctx.tr(Text::Clone)}
                    </button>
                </Show>
            </div>
        </form>
    }
}
