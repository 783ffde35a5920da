//! The clone form: every parameter of CloneModelService, the common ones first, then runtime,
//! container, architectures, tags and advanced; the problem summary, what will change, and the
//! buttons. While a clone runs the form stays, read-only.

use leptos::prelude::*;

use super::architecture_rows::ArchitectureRows;
use super::changes_view::ChangesView;
use leptos::task::spawn_local;

use super::dialog::stage::Stage;
use super::dialog::state::Ctx;
use super::dialog::{choices, dom, flow};
use super::field_controls::{CheckField, LinesField, SelectField, TextField, TextKind};
use super::list_text::{lines_to_list, list_to_lines};
use super::name_check;
use super::problem_summary::ProblemSummary;
use super::tag_picker::TagPicker;
use super::vendor_picker::VendorPicker;
use crate::form::{Field, SERVICE_SOURCES, SERVICE_TYPES};
use crate::i18n::Text;

fn section(
    ctx: Ctx,
    id: &'static str,
    title: Text,
    body: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <section class="cms-section" aria-labelledby=id>
            <h2 class="cms-section__title" id=id>{move || ctx.text(title)}</h2>
            {body}
        </section>
    }
}

#[component]
pub fn CloneForm() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
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
    Effect::new(move |_| dom::mark("cms-editing"));
    // The pickers' choices, and the live check of the name while the form is shown.
    choices::load_choices(ctx);
    name_check::watch_name(ctx);
    let name_warning =
        Memo::new(move |_| name_check::name_is_taken(ctx).then_some(Text::NameTakenHint));

    let common = view! {
        <TextField field=Field::Name get=|d| &d.name set=|d, v| d.name = v warning=name_warning />
        <TextField field=Field::Description get=|d| &d.description set=|d, v| d.description = v kind=TextKind::Multiline />
        <div class="cms-grid">
            <SelectField field=Field::Type get=|d| &d.service_type set=|d, v| d.service_type = v options=SERVICE_TYPES />
            <TextField field=Field::Framework get=|d| &d.framework set=|d, v| d.framework = v />
            <TextField field=Field::RequestCpu get=|d| &d.request_cpu set=|d, v| d.request_cpu = v kind=TextKind::Number />
            <TextField field=Field::RequestMemory get=|d| &d.request_memory set=|d, v| d.request_memory = v kind=TextKind::Number />
        </div>
    };
    let runtime = view! {
        <TextField field=Field::StartCommand get=|d| &d.start_command set=|d, v| d.start_command = v kind=TextKind::Multiline />
        <div class="cms-grid">
            <TextField field=Field::PythonVersion get=|d| &d.python_version set=|d, v| d.python_version = v />
            <TextField field=Field::CondaVersion get=|d| &d.conda_version set=|d, v| d.conda_version = v />
            <TextField field=Field::InstallPath get=|d| &d.install_path set=|d, v| d.install_path = v />
            <TextField field=Field::GpuComputeCapability get=|d| &d.gpu_compute_capability set=|d, v| d.gpu_compute_capability = v />
        </div>
        <CheckField field=Field::SupportDistributed get=|d| d.support_distributed set=|d, v| d.support_distributed = v />
    };
    let container = view! {
        <TextField field=Field::ContainerCommand get=|d| &d.container_command set=|d, v| d.container_command = v />
        <TextField field=Field::ContainerArgs get=|d| &d.container_args set=|d, v| d.container_args = v />
    };
    let tags = view! { <TagPicker /> };
    let advanced = view! {
        <TextField field=Field::Yaml get=|d| &d.yaml set=|d, v| d.yaml = v kind=TextKind::Code />
        <TextField field=Field::Readme get=|d| &d.readme set=|d, v| d.readme = v kind=TextKind::Multiline />
        <div class="cms-grid">
            <SelectField field=Field::Source get=|d| &d.source set=|d, v| d.source = v options=SERVICE_SOURCES />
            <TextField field=Field::Size get=|d| &d.size set=|d, v| d.size = v kind=TextKind::Number />
            <TextField field=Field::ResourceUuid get=|d| &d.resource_uuid set=|d, v| d.resource_uuid = v hint=Text::ResourceUuidHint />
        </div>
        <CheckField field=Field::System get=|d| d.system set=|d, v| d.system = v />
        <VendorPicker />
        <LinesField field=Field::SystemTags get=|d| list_to_lines(&d.system_tags) set=|d, v| d.system_tags = lines_to_list(v) />
        <LinesField field=Field::UserTags get=|d| list_to_lines(&d.user_tags) set=|d, v| d.user_tags = lines_to_list(v) />
    };

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
                {section(ctx, "cms-s-common", Text::SectionCommon, common)}
                {section(ctx, "cms-s-runtime", Text::SectionRuntime, runtime)}
                {section(ctx, "cms-s-container", Text::SectionContainer, container)}
                {section(ctx, "cms-s-arch", Text::SectionArchitectures, view! { <ArchitectureRows /> })}
                {section(ctx, "cms-s-tags", Text::SectionTags, tags)}
                {section(ctx, "cms-s-advanced", Text::SectionAdvanced, advanced)}
            </fieldset>
            <ChangesView />
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
