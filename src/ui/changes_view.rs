//! "What will change": the fields that differ from the source, and the request preview
//! (JSON, curl, Java, Python) with a copy button. The preview is built only while it is open.
//! The session token is masked in it unless the user reveals it (until the preview closes);
//! copying copies exactly the text shown.

use leptos::prelude::*;

use super::clipboard::Copier;
use super::dialog::state::DialogState;
use crate::form::RequestPreview;
use crate::i18n::{field_label, Text};
use crate::zstack::CloneRequest;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Curl,
    Java,
    Python,
}

impl Format {
    const ALL: [Format; 4] = [Format::Json, Format::Curl, Format::Java, Format::Python];

    /// Whether the format carries the session token (JSON is the body alone).
    fn has_token(self) -> bool {
        self != Format::Json
    }

    fn label(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Curl => "curl",
            Format::Java => "Java SDK",
            Format::Python => "Python SDK",
        }
    }
}

#[component]
pub fn ChangesView() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let preview_open = RwSignal::new(false);
    let format = RwSignal::new(Format::Json);
    let copier = Copier::new();
    let reveal = RwSignal::new(false);
    let changes = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.baseline.with(|base| {
            let Some(base) = base else { return Vec::new() };
            ctx.draft.with(|d| {
                d.diff_from(base)
                    .into_iter()
                    .map(|c| (field_label(lang, c.field), c.field.api_name(), c.old, c.new))
                    .collect::<Vec<_>>()
            })
        })
    });
    let preview_text = move || -> Option<String> {
        if !preview_open.get() {
            return None;
        }
        let source = ctx.source.get()?;
        let resource_uuid = ctx.draft_resource_uuid.get();
        let job_uuid = ctx.next_job_uuid.get();
        let request = ctx
            .draft
            .with(|d| CloneRequest::from_draft(d, &source, &resource_uuid))
            .ok()?;
        let origin = window().location().origin().unwrap_or_default();
        let api_url = format!("{origin}{}", ctx.api_base.get_value());
        let session = ctx.session.get().unwrap_or_default();
        let preview = RequestPreview {
            request: &request,
            api_url: &api_url,
            session: &session,
            reveal_token: reveal.get(),
            job_uuid: Some(&job_uuid),
        };
        Some(match format.get() {
            Format::Json => preview.json_pretty(),
            Format::Curl => preview.curl(),
            Format::Java => preview.java(),
            Format::Python => preview.python(),
        })
    };
    view! {
        <section class="cms-changes" aria-labelledby="cms-changes-title">
            <h2 class="cms-section__title" id="cms-changes-title">{ctx.tr(Text::WhatWillChange)}</h2>
            <Show when=move || changes.with(Vec::is_empty)>
                <p class="cms-field__hint">{ctx.tr(Text::NothingChanged)}</p>
            </Show>
            // Keyed by content: a keystroke replaces only the row it changed.
            <dl class="cms-diff" hidden=move || changes.with(Vec::is_empty)>
                <For each=move || changes.get() key=|row| row.clone() let:row>
                    <div class="cms-diff__row" data-field=row.1>
                        <dt>{row.0}</dt>
                        <dd>
                            <del>{row.2}</del>
                            " → "
                            <ins>{row.3}</ins>
                        </dd>
                    </div>
                </For>
            </dl>
            <details class="cms-preview" on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let open = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                preview_open.set(open);
                if !open {
                    reveal.set(false);
                }
            }>
                <summary>{ctx.tr(Text::RequestPreview)}</summary>
                <div class="cms-preview__tabs" role="group" aria-label=ctx.tr(Text::RequestPreview)>
                    {Format::ALL
                        .into_iter()
                        .map(|f| {
                            view! {
                                <button
                                    type="button"
                                    class="cms-button cms-button--quiet"
                                    aria-pressed=move || if format.get() == f { "true" } else { "false" }
                                    on:click=move |_| {
                                        format.set(f);
                                        copier.reset();
                                    }
                                >
                                    {f.label()}
                                </button>
                            }
                        })
                        .collect_view()}
                    <button
                        type="button"
                        class="cms-button cms-preview__token"
                        data-action="reveal-token"
                        hidden=move || !format.get().has_token()
                        aria-pressed=move || if reveal.get() { "true" } else { "false" }
                        on:click=move |_| {
                            reveal.update(|r| *r = !*r);
                            copier.reset();
                        }
                    >
                        {move || ctx.text(if reveal.get() { Text::HideToken } else { Text::ShowToken })}
                    </button>
                    <button
                        type="button"
                        class="cms-button"
                        data-action="copy-request"
                        on:click=move |_| {
                            if let Some(text) = preview_text() {
                                copier.copy(text);
                            }
                        }
                    >
                        {ctx.tr(Text::CopyRequest)}
                    </button>
                    <span role="status" class="cms-field__hint">
                        {move || copier.status().text().map(|t| ctx.text(t))}
                    </span>
                </div>
                {move || match preview_text() {
                    Some(text) => view! { <pre class="cms-code cms-preview__text" tabindex="0">{text}</pre> }.into_any(),
                    None => view! { <p class="cms-field__hint">{ctx.text(Text::PreviewBlocked)}</p> }.into_any(),
                }}
            </details>
        </section>
    }
}
