//! The `vendorToSpecUuidsMap` picker: one row per GPU vendor, a select of the vendors ZStack
//! has GPU specs of (plus those the draft already names) and that vendor's GPU specs as
//! checkboxes (name, uuid in small text); rows are added and removed with buttons and keyed by
//! the draft's own row keys ([`crate::form::Rows`]), so a change re-renders only its own row.
//! Spec uuids of a row that are not among its vendor's specs stay listed (checked; unchecking
//! removes them from the draft but keeps them listed until the form closes).
//!
//! Controls: the vendor select is `name="vendorToSpecUuidsMap"` (the map's keys, in row
//! order), a vendor's spec checkboxes `name="vendorToSpecUuidsMap.<VENDOR>"`,
//! `value=<spec uuid>`. If the specs cannot be loaded (or there are none), the map is typed as
//! text instead.

use leptos::prelude::*;

use super::choice_label::check_label;
use super::dialog::state::{control_id, error_id, Choices, DialogState};
use super::dialog::{choices, dom};
use super::field_controls::{field_error, LinesField};
use super::seen_uuids::remember_seen;
use crate::form::{
    lines_to_vendors, of_another_vendor, spec_name, specs_of_vendor, unlisted, vendors_to_lines,
    Field, KeyedList, ProblemKey, RowId, Rows, VendorSpecs,
};
use crate::i18n::{field_label, Text};
use crate::zstack::GpuSpecInventory;

const FIELD: Field = Field::VendorToSpecUuidsMap;

/// A row's control name: `vendorToSpecUuidsMap.<row key>.<what>` (ids only, never sent).
fn row_control(row: RowId, what: &str) -> String {
    format!("{}.{}.{what}", FIELD.api_name(), row.0)
}

/// The picker, or the text area when the GPU specs could not be loaded.
#[component]
pub fn VendorPicker() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    choices::load_gpu_specs(ctx);
    let failed = Memo::new(move |_| ctx.gpu_specs.with(Choices::is_failed));
    let loading = Memo::new(move |_| ctx.gpu_specs.with(Choices::is_loading));
    let name = FIELD.api_name();
    view! {
        <Show
            when=move || !failed.get()
            fallback=|| {
                view! {
                    <LinesField
                        field=FIELD
                        get=|d| vendors_to_lines(d.vendor_specs.values())
                        set=|d, v| d.vendor_specs.replace_all(lines_to_vendors(v))
                        hint=Text::GpuSpecsUnavailable
                    />
                }
            }
        >
            <fieldset
                class="cms-field cms-choices"
                id=control_id(name)
                tabindex="-1"
                aria-describedby=move || ctx.field_problem(FIELD).map(|_| error_id(name))
            >
                <legend class="cms-field__label">{move || field_label(ctx.lang.get(), FIELD)}</legend>
                <Show
                    when=move || !loading.get()
                    fallback=move || {
                        view! { <p class="cms-field__hint" role="status">{ctx.tr(Text::GpuSpecsLoading)}</p> }
                    }
                >
                    <VendorRows />
                </Show>
                {field_error(ctx, FIELD)}
            </fieldset>
        </Show>
    }
}

/// The rows and the add button.
#[component]
fn VendorRows() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let entries = Memo::new(move |_| ctx.draft.with(|d| d.vendor_specs.clone()));
    let ids = Memo::new(move |_| entries.with(|e| e.ids().collect::<Vec<RowId>>()));
    let specs = Memo::new(move |_| ctx.gpu_specs.with(|c| c.ready().to_vec()));
    let vendors = Memo::new(move |_| {
        let mut all: Vec<String> =
            specs.with(|s| s.iter().filter_map(|s| s.vendor.clone()).collect());
        entries.with(|e| all.extend(e.values().map(|e| e.vendor.clone())));
        all.retain(|v| !v.is_empty());
        all.sort();
        all.dedup();
        all
    });
    let add = move |_| {
        let id = ctx
            .draft
            .try_update(|d| d.vendor_specs.push(VendorSpecs::default()));
        if let Some(id) = id {
            let name = row_control(id, "vendor");
            request_animation_frame(move || dom::focus_control(&name));
        }
    };
    view! {
        <For each=move || ids.get() key=|id| *id let:id>
            <VendorRow id=id entries=entries specs=specs vendors=vendors />
        </For>
        <div>
            <button
                type="button"
                class="cms-button"
                id=control_id(&format!("{}.add", FIELD.api_name()))
                data-action="add-vendor"
                on:click=add
            >
                {ctx.tr(Text::AddVendor)}
            </button>
        </div>
    }
}

/// One spec checkbox of a row.
#[component]
fn SpecCheck(
    id: String,
    uuid: String,
    /// The spec's name, `None` if no loaded spec has this uuid.
    name: Option<String>,
    /// The checkboxes' `name`, after the row's vendor.
    control: Memo<String>,
    chosen: Memo<KeyedList<String>>,
    toggle: Callback<(String, bool)>,
) -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let value = uuid.clone();
    let checked = Memo::new(move |_| chosen.with(|c| c.contains_key(&value)));
    let target = uuid.clone();
    let label = check_label(ctx, name, uuid.clone(), Text::UnknownSpec);
    view! {
        <li class="cms-check">
            <input
                type="checkbox"
                id=id.clone()
                name=move || control.get()
                value=uuid.clone()
                prop:checked=move || checked.get()
                on:change=move |ev| toggle.run((target.clone(), event_target_checked(&ev)))
            />
            <label for=id>{label}</label>
        </li>
    }
}

/// One vendor and its specs.
#[component]
fn VendorRow(
    id: RowId,
    entries: Memo<Rows<VendorSpecs>>,
    specs: Memo<Vec<GpuSpecInventory>>,
    vendors: Memo<Vec<String>>,
) -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let key = ProblemKey::Field(FIELD);
    let index = Memo::new(move |_| entries.with(|e| e.position(id)));
    let entry = Memo::new(move |_| entries.with(|e| e.get(id).cloned()).unwrap_or_default());
    let vendor = Memo::new(move |_| entry.with(|e| e.vendor.clone()));
    let chosen = Memo::new(move |_| entry.with(|e| e.spec_uuids.clone()));
    let control = Memo::new(move |_| format!("{}.{}", FIELD.api_name(), vendor.get()));
    // The vendors the other rows have: not offered again.
    let elsewhere = Memo::new(move |_| {
        entries.with(|e| {
            e.iter()
                .filter(|(other, _)| *other != id)
                .map(|(_, e)| e.vendor.clone())
                .collect::<Vec<_>>()
        })
    });
    // The vendor's specs, as loaded.
    let offered = Memo::new(move |_| vendor.with(|v| specs.with(|s| specs_of_vendor(s, v))));
    // Every spec uuid this row had while the form was open.
    let seen = remember_seen(chosen);
    // Seen uuids outside the vendor's specs (those of another vendor only while chosen), by
    // uuid, with a stable place for their ids.
    let others = Memo::new(move |_| {
        let vendor = vendor.get();
        chosen.with(|chosen| {
            offered.with(|offered| {
                specs.with(|specs| {
                    seen.with(|seen| {
                        unlisted(seen, offered)
                            .filter(|(_, u)| {
                                chosen.contains_key(u) || !of_another_vendor(specs, u, &vendor)
                            })
                            .map(|(n, u)| (u.clone(), (n, spec_name(specs, u))))
                            .collect::<KeyedList<_>>()
                    })
                })
            })
        })
    });
    let toggle = Callback::new(move |(uuid, on): (String, bool)| {
        ctx.draft.update(|d| {
            if let Some(e) = d.vendor_specs.get_mut(id) {
                e.spec_uuids.set_member(uuid, on);
            }
        });
        ctx.touch(key);
    });
    let choose = move |ev: leptos::ev::Event| {
        let chosen_vendor = event_target_value(&ev);
        specs.with_untracked(|specs| {
            ctx.draft.update(|d| {
                if let Some(e) = d.vendor_specs.get_mut(id) {
                    // Specs known to be another vendor's do not follow the change.
                    e.spec_uuids
                        .retain(|u| !of_another_vendor(specs, u, &chosen_vendor));
                    e.vendor = chosen_vendor;
                }
            });
        });
        ctx.touch(key);
    };
    let remove = move |_| {
        ctx.draft.update(|d| {
            d.vendor_specs.remove(id);
        });
        ctx.touch(key);
        let add = format!("{}.add", FIELD.api_name());
        request_animation_frame(move || dom::focus_control(&add));
    };
    let options = move || {
        let current = vendor.get();
        let placeholder = view! {
            <option value="" prop:selected=current.is_empty()>{ctx.text(Text::ChooseVendor)}</option>
        };
        let taken = elsewhere.get();
        let options = vendors
            .get()
            .into_iter()
            .map(|v| {
                let selected = v == current;
                let disabled = !selected && taken.contains(&v);
                let label = v.clone();
                view! { <option value=v prop:selected=selected disabled=disabled>{label}</option> }
            })
            .collect_view();
        (placeholder, options)
    };
    let invalid = Memo::new(move |_| {
        let here = index.get();
        here.is_some() && ctx.field_problem(FIELD).and_then(|p| p.item_index()) == here
    });
    let number = move || index.get().map_or(0, |i| i + 1);
    let select_id = control_id(&row_control(id, "vendor"));
    view! {
        <fieldset class="cms-row cms-vendor" class:cms-row--invalid=move || invalid.get()>
            <legend>{move || format!("{} {}", ctx.text(Text::GpuVendor), number())}</legend>
            <div class="cms-field">
                <label for=select_id.clone()>{ctx.tr(Text::GpuVendor)}</label>
                <select
                    id=select_id
                    name=FIELD.api_name()
                    on:change=choose
                    aria-invalid=move || invalid.get().then_some("true")
                    aria-describedby=move || invalid.get().then(|| error_id(FIELD.api_name()))
                >
                    {options}
                </select>
            </div>
            <fieldset class="cms-vendor__specs">
                <legend>{ctx.tr(Text::GpuSpecs)}</legend>
                <Show when=move || vendor.with(String::is_empty) && others.with(|l| l.is_empty())>
                    <p class="cms-field__hint">{ctx.tr(Text::ChooseVendorFirst)}</p>
                </Show>
                <Show when=move || {
                    !vendor.with(String::is_empty) && offered.with(|l| l.is_empty()) && others.with(|l| l.is_empty())
                }>
                    <p class="cms-field__hint">{ctx.tr(Text::NoSpecsOfVendor)}</p>
                </Show>
                <ul class="cms-checks">
                    <For each=move || offered.get() key=|(uuid, _)| uuid.clone() let:spec>
                        <SpecCheck
                            id=format!("{}-{}", control_id(&row_control(id, "spec")), spec.0)
                            uuid=spec.0
                            name=Some(spec.1)
                            control=control
                            chosen=chosen
                            toggle=toggle
                        />
                    </For>
                    <For each=move || others.get() key=|(uuid, _)| uuid.clone() let:other>
                        <SpecCheck
                            id=format!("{}-other-{}", control_id(&row_control(id, "spec")), other.1.0)
                            uuid=other.0
                            name=other.1.1
                            control=control
                            chosen=chosen
                            toggle=toggle
                        />
                    </For>
                </ul>
            </fieldset>
            <button
                type="button"
                class="cms-button cms-button--quiet"
                data-action="remove-vendor"
                aria-label=move || format!("{} {} {}", ctx.text(Text::RemoveVendor), ctx.text(Text::GpuVendor), number())
                on:click=remove
            >
                {ctx.tr(Text::RemoveVendor)}
            </button>
        </fieldset>
    }
}
