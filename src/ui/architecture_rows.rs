//! The architecture rows: one per architecture (architecture, VM image, docker image), keyed by
//! the row's stable id, so editing one row never re-renders the others.
//!
//! The draft is one signal. If each row's controls read it, a keystroke anywhere would wake
//! every control of every row (with 64 rows, hundreds of them). Instead each row has its own
//! cells (its content, its position, its shown problems), and two effects copy into a row's
//! cells only what changed: a keystroke wakes the row it changed and nothing else.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use super::dialog::state::{control_id, error_id, DialogState};
use super::dialog::{choices, dom};
use crate::form::{
    row_control_name, ArchitectureRow, Problem, ProblemKey, Problems, RowField, RowId,
    KNOWN_ARCHITECTURES,
};
use crate::i18n::{problem_message, Text};

/// The shown problem of each of a row's controls, in [`RowField::ALL`] order.
type RowProblems = [Option<Problem>; 3];

/// A row's own reactive state, owned by the row's view (disposed with it).
#[derive(Clone, Copy)]
struct RowCells {
    row: RwSignal<ArchitectureRow>,
    index: RwSignal<usize>,
    problems: RwSignal<RowProblems>,
}

type CellMap = StoredValue<BTreeMap<RowId, RowCells>>;

fn slot(field: RowField) -> usize {
    match field {
        RowField::CpuArchitecture => 0,
        RowField::VmImageUuid => 1,
        RowField::DockerImage => 2,
    }
}

fn shown_row_problems(
    id: RowId,
    submitted: bool,
    touched: &BTreeSet<ProblemKey>,
    problems: &Problems,
) -> RowProblems {
    RowField::ALL.map(|field| {
        let key = ProblemKey::Row { row: id, field };
        if submitted || touched.contains(&key) {
            problems.get(key).cloned()
        } else {
            None
        }
    })
}

/// The list of rows and the add button.
#[component]
pub fn ArchitectureRows() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let cells: CellMap = StoredValue::new(BTreeMap::new());
    let ids = Memo::new(move |_| {
        ctx.draft
            .with(|d| d.architecture_rows.ids().collect::<Vec<RowId>>())
    });
    // The draft's rows into the rows' cells, only where they differ.
    Effect::new(move |_| {
        ctx.draft.with(|d| {
            cells.with_value(|cells| {
                for (index, (id, row)) in d.architecture_rows.iter().enumerate() {
                    let Some(c) = cells.get(&id) else {
                        continue;
                    };
                    if c.row.try_with_untracked(|r| r != row) == Some(true) {
                        c.row.try_set(row.clone());
                    }
                    if c.index.try_get_untracked().is_some_and(|i| i != index) {
                        c.index.try_set(index);
                    }
                }
            })
        })
    });
    // The shown problems into the rows' cells, only where they differ.
    Effect::new(move |_| {
        let submitted = ctx.submitted.get();
        ctx.touched.with(|touched| {
            ctx.problems.with(|problems| {
                cells.with_value(|cells| {
                    for (id, c) in cells {
                        let shown = shown_row_problems(*id, submitted, touched, problems);
                        if c.problems.try_with_untracked(|p| *p != shown) == Some(true) {
                            c.problems.try_set(shown);
                        }
                    }
                })
            })
        })
    });
    view! {
        <div class="cms-rows">
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="cms-field__hint">{ctx.tr(Text::NoArchitectures)}</p>
            </Show>
            <For each=move || ids.get() key=|id| *id let:id>
                <ArchitectureRowView id=id cells=cells />
            </For>
            <button
                type="button"
                class="cms-button"
                data-action="add-architecture"
                on:click=move |_| {
                    let id = ctx.draft.try_update(|d| d.architecture_rows.push(ArchitectureRow::default()));
                    if let Some(id) = id {
                        let index = ctx.draft.with_untracked(|d| d.architecture_rows.position(id)).unwrap_or(0);
                        let name = row_control_name(index, RowField::CpuArchitecture);
                        request_animation_frame(move || dom::focus_control(&name));
                    }
                }
            >
                {ctx.tr(Text::AddArchitecture)}
            </button>
        </div>
    }
}

fn set_row(ctx: DialogState, id: RowId, field: RowField, value: String) {
    ctx.draft.update(|d| {
        if let Some(row) = d.architecture_rows.get_mut(id) {
            let slot: &mut String = match field {
                RowField::CpuArchitecture => &mut row.cpu_architecture,
                RowField::VmImageUuid => &mut row.vm_image_uuid,
                RowField::DockerImage => &mut row.docker_image,
            };
            *slot = value;
        }
    });
}

/// The row's cells, made from the draft as it is now and registered for the sync effects.
fn row_cells(ctx: DialogState, id: RowId, cells: CellMap) -> RowCells {
    let (row, index) = ctx.draft.with_untracked(|d| {
        (
            d.architecture_rows.get(id).cloned().unwrap_or_default(),
            d.architecture_rows.position(id).unwrap_or(0),
        )
    });
    let problems = ctx.touched.with_untracked(|touched| {
        ctx.problems.with_untracked(|problems| {
            shown_row_problems(id, ctx.submitted.get_untracked(), touched, problems)
        })
    });
    let own = RowCells {
        row: RwSignal::new(row),
        index: RwSignal::new(index),
        problems: RwSignal::new(problems),
    };
    cells.update_value(|m| {
        m.insert(id, own);
    });
    on_cleanup(move || {
        cells.try_update_value(|m| {
            m.remove(&id);
        });
    });
    own
}

/// One row.
#[component]
fn ArchitectureRowView(id: RowId, cells: CellMap) -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let own = row_cells(ctx, id, cells);
    let index = own.index;
    let arch = Memo::new(move |_| own.row.with(|r| r.cpu_architecture.clone()));
    let vm = Memo::new(move |_| own.row.with(|r| r.vm_image_uuid.clone()));
    let docker = Memo::new(move |_| own.row.with(|r| r.docker_image.clone()));
    let name = move |field| row_control_name(index.get(), field);
    let problem = move |field| own.problems.with(|p| p[slot(field)].clone());
    let leave = move |field| move |_| ctx.touch(ProblemKey::Row { row: id, field });
    let error_view = move |field: RowField| {
        move || {
            problem(field).map(|p| {
                view! {
                    <p class="cms-field__error" id=error_id(&name(field))>
                        {problem_message(ctx.lang.get(), &p)}
                    </p>
                }
            })
        }
    };
    let aria_invalid = move |field| move || problem(field).map(|_| "true");
    let described = move |field| move || problem(field).map(|_| error_id(&name(field)));
    Effect::new(move |_| choices::load_images(ctx, arch.get()));
    let images = move || {
        let key = arch.get().trim().to_ascii_lowercase();
        ctx.images
            .with(|m| m.get(&key).cloned().unwrap_or_default())
    };
    let list_id = move || format!("cms-images-{}", id.0);
    let arch_options = move || {
        let current = arch.get();
        let mut all: Vec<String> = KNOWN_ARCHITECTURES
            .iter()
            .map(|a| (*a).to_owned())
            .collect();
        if !current.is_empty() && !all.iter().any(|a| a.eq_ignore_ascii_case(&current)) {
            all.insert(0, current.clone());
        }
        let placeholder = view! {
            <option value="" prop:selected=current.is_empty()>{ctx.text(Text::ChooseArchitecture)}</option>
        };
        let options = all
            .into_iter()
            .map(|a| {
                let selected = a.eq_ignore_ascii_case(&current);
                let label = a.clone();
                view! { <option value=a prop:selected=selected>{label}</option> }
            })
            .collect_view();
        (placeholder, options)
    };
    let label_for = move |field| control_id(&name(field));
    view! {
        <fieldset class="cms-row">
            <legend>{move || format!("{} {}", ctx.text(Text::RowLabel), index.get() + 1)}</legend>
            <div class="cms-field">
                <label for=move || label_for(RowField::CpuArchitecture)>{ctx.tr(Text::Architecture)}</label>
                <select
                    id=move || label_for(RowField::CpuArchitecture)
                    name=move || name(RowField::CpuArchitecture)
                    on:change=move |ev| {
                        set_row(ctx, id, RowField::CpuArchitecture, event_target_value(&ev));
                        ctx.touch(ProblemKey::Row { row: id, field: RowField::CpuArchitecture });
                    }
                    aria-invalid=aria_invalid(RowField::CpuArchitecture)
                    aria-describedby=described(RowField::CpuArchitecture)
                >
                    {arch_options}
                </select>
                {error_view(RowField::CpuArchitecture)}
            </div>
            <div class="cms-field">
                <label for=move || label_for(RowField::VmImageUuid)>{ctx.tr(Text::VmImage)}</label>
                <input
                    id=move || label_for(RowField::VmImageUuid)
                    name=move || name(RowField::VmImageUuid)
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    list=list_id
                    prop:value=move || vm.get()
                    on:input=move |ev| set_row(ctx, id, RowField::VmImageUuid, event_target_value(&ev))
                    on:blur=leave(RowField::VmImageUuid)
                    aria-invalid=aria_invalid(RowField::VmImageUuid)
                    aria-describedby=described(RowField::VmImageUuid)
                />
                <datalist id=list_id>
                    {move || {
                        images()
                            .into_iter()
                            .map(|img| {
                                let label = img.name.clone().unwrap_or_default();
                                view! { <option value=img.uuid>{label}</option> }
                            })
                            .collect_view()
                    }}
                </datalist>
                {error_view(RowField::VmImageUuid)}
            </div>
            <div class="cms-field">
                <label for=move || label_for(RowField::DockerImage)>{ctx.tr(Text::DockerImage)}</label>
                <input
                    id=move || label_for(RowField::DockerImage)
                    name=move || name(RowField::DockerImage)
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || docker.get()
                    on:input=move |ev| set_row(ctx, id, RowField::DockerImage, event_target_value(&ev))
                    on:blur=leave(RowField::DockerImage)
                    aria-invalid=aria_invalid(RowField::DockerImage)
                    aria-describedby=described(RowField::DockerImage)
                />
                {error_view(RowField::DockerImage)}
            </div>
            <button
                type="button"
                class="cms-button cms-button--quiet"
                data-action="remove-architecture"
                aria-label=move || format!("{} {} {}", ctx.text(Text::RemoveArchitecture), ctx.text(Text::RowLabel), index.get() + 1)
                on:click=move |_| {
                    ctx.draft.update(|d| {
                        d.architecture_rows.remove(id);
                    });
                }
            >
                {ctx.tr(Text::RemoveArchitecture)}
            </button>
        </fieldset>
    }
}
