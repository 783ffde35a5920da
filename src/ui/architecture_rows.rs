//! The architecture rows: one per architecture (architecture, VM image, docker image), keyed by
//! the row's stable id, so editing one row never re-renders the others.

use leptos::prelude::*;

use super::controller;
use super::state::{control_id, error_id, Ctx};
use crate::form::{row_control_name, ProblemKey, RowField, RowId, KNOWN_ARCHITECTURES};
use crate::i18n::Text;

/// The list of rows and the add button.
#[component]
pub fn ArchitectureRows() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ids = Memo::new(move |_| {
        ctx.draft.with(|d| {
            d.architecture_rows
                .iter()
                .map(|r| r.id)
                .collect::<Vec<RowId>>()
        })
    });
    view! {
        <div class="cms-rows">
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="cms-field__hint">{move || ctx.text(Text::NoArchitectures)}</p>
            </Show>
            <For each=move || ids.get() key=|id| *id let:id>
                <ArchitectureRowView id=id />
            </For>
            <button
                type="button"
                class="cms-button"
                data-action="add-architecture"
                on:click=move |_| {
                    let id = ctx.draft.try_update(|d| d.add_row());
                    if let Some(id) = id {
                        let index = ctx.draft.with_untracked(|d| d.row_index(id)).unwrap_or(0);
                        let name = row_control_name(index, RowField::CpuArchitecture);
                        request_animation_frame(move || controller::focus_control(&name));
                    }
                }
            >
                {move || ctx.text(Text::AddArchitecture)}
            </button>
        </div>
    }
}

fn row_value(ctx: Ctx, id: RowId, field: RowField) -> Memo<String> {
    Memo::new(move |_| {
        ctx.draft.with(|d| {
            d.row(id)
                .map(|r| match field {
                    RowField::CpuArchitecture => r.cpu_architecture.clone(),
                    RowField::VmImageUuid => r.vm_image_uuid.clone(),
                    RowField::DockerImage => r.docker_image.clone(),
                })
                .unwrap_or_default()
        })
    })
}

fn set_row(ctx: Ctx, id: RowId, field: RowField, value: String) {
    ctx.draft.update(|d| {
        if let Some(row) = d.row_mut(id) {
            let slot: &mut String = match field {
                RowField::CpuArchitecture => &mut row.cpu_architecture,
                RowField::VmImageUuid => &mut row.vm_image_uuid,
                RowField::DockerImage => &mut row.docker_image,
            };
            *slot = value;
        }
    });
}

/// One row.
#[component]
fn ArchitectureRowView(id: RowId) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let index = Memo::new(move |_| ctx.draft.with(|d| d.row_index(id).unwrap_or(0)));
    let arch = row_value(ctx, id, RowField::CpuArchitecture);
    let vm = row_value(ctx, id, RowField::VmImageUuid);
    let docker = row_value(ctx, id, RowField::DockerImage);
    let name = move |field| row_control_name(index.get(), field);
    let problem = move |field| ctx.shown_problem(ProblemKey::Row { row: id, field });
    let leave = move |field| move |_| ctx.touch(ProblemKey::Row { row: id, field });
    let error_view = move |field: RowField| {
        move || {
            problem(field).map(|p| {
                view! {
                    <p class="cms-field__error" id=error_id(&name(field))>
                        {p.message(ctx.lang.get())}
                    </p>
                }
            })
        }
    };
    let aria_invalid = move |field| move || problem(field).map(|_| "true");
    let described = move |field| move || problem(field).map(|_| error_id(&name(field)));
    Effect::new(move |_| controller::load_images(ctx, arch.get()));
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
                <label for=move || label_for(RowField::CpuArchitecture)>{move || ctx.text(Text::Architecture)}</label>
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
                <label for=move || label_for(RowField::VmImageUuid)>{move || ctx.text(Text::VmImage)}</label>
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
                <label for=move || label_for(RowField::DockerImage)>{move || ctx.text(Text::DockerImage)}</label>
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
                        d.remove_row(id);
                    });
                }
            >
                {move || ctx.text(Text::RemoveArchitecture)}
            </button>
        </fieldset>
    }
}
