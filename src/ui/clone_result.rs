//! The clone that was made: uuid, name, images per architecture; copy; clone this source
//! again; choose another source (standalone, where there is a list to return to).

use leptos::prelude::*;

use super::clipboard::Copier;
use super::dialog::flow;
use super::dialog::state::DialogState;
use super::source_list::ChooseAnotherButton;
use crate::i18n::Text;

#[component]
pub fn CloneResult() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let copier = Copier::new();
    let uuid = move || {
        ctx.stage
            .with(|s| s.result().and_then(|r| r.uuid.clone()).unwrap_or_default())
    };
    let name = move || {
        ctx.stage
            .with(|s| s.result().and_then(|r| r.name.clone()).unwrap_or_default())
    };
    let images = move || {
        ctx.stage.with(|s| {
            s.result().map(|r| {
                r.model_service_images
                    .iter()
                    .map(|img| {
                        let arch = img.cpu_architecture.clone().unwrap_or_default();
                        let parts: Vec<String> =
                            [img.vm_image_uuid.clone(), img.docker_image.clone()]
                                .into_iter()
                                .flatten()
                                .filter(|s| !s.is_empty())
                                .collect();
                        view! {
                            <li data-architecture=arch.clone()>
                                <strong>{arch.clone()}</strong>
                                " "
                                <code>{parts.join(" · ")}</code>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="cms-result" role="status">
            <p class="cms-result__title">{ctx.tr(Text::CloneDone)}</p>
            <dl class="cms-facts">
                <div class="cms-facts__row">
                    <dt>{ctx.tr(Text::NewUuid)}</dt>
                    <dd><code data-result="uuid">{uuid}</code></dd>
                </div>
                <div class="cms-facts__row">
                    <dt>{ctx.tr(Text::NewName)}</dt>
                    <dd data-result="name">{name}</dd>
                </div>
                <div class="cms-facts__row">
                    <dt>{ctx.tr(Text::Images)}</dt>
                    <dd><ul class="cms-result__images">{images}</ul></dd>
                </div>
            </dl>
            <div class="cms-actions">
                <span role="status" class="cms-field__hint">{move || copier.status().text().map(|t| ctx.text(t))}</span>
                <button type="button" class="cms-button" data-action="copy-result" on:click=move |_| {
                    copier.copy(uuid());
                }>
                    {ctx.tr(Text::CopyUuid)}
                </button>
                <button type="button" class="cms-button cms-button--primary" data-action="clone-another" on:click=move |_| flow::clone_another(ctx)>
                    {ctx.tr(Text::CloneAnother)}
                </button>
                <ChooseAnotherButton />
            </div>
        </div>
    }
}
