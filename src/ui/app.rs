//! The application root: the Clone model service dialog, a native modal `<dialog>` labelled by
//! its title, whose `data-phase` tells tests and host pages where it is.

use leptos::html;
use leptos::prelude::*;

use super::clone_form::CloneForm;
use super::clone_result::CloneResult;
use super::controller;
use super::error_panel::ErrorPanel;
use super::job_progress::JobProgress;
use super::login_form::LoginForm;
use super::state::{Ctx, Phase, Unavailable};
use super::unavailable_view::UnavailableView;
use crate::embed::{PageConfig, SourceParam};
use crate::i18n::{t, Lang, Text};

fn page_config() -> PageConfig {
    #[cfg(target_arch = "wasm32")]
    {
        PageConfig::from_page()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        PageConfig::from_query("", [])
    }
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let config = page_config();
    let source_uuid = match &config.source {
        SourceParam::Uuid(u) => Some(u.clone()),
        _ => None,
    };
    let ctx = Ctx::new(config.lang, config.api_base.clone(), source_uuid);
    provide_context(ctx);
    match config.source {
        SourceParam::Missing => {
            ctx.unavailable.set(Some(Unavailable::Text(Text::NoSource)));
            ctx.phase.set(Phase::Unavailable);
        }
        SourceParam::Invalid(_) => {
            ctx.unavailable
                .set(Some(Unavailable::Text(Text::BadSource)));
            ctx.phase.set(Phase::Unavailable);
        }
        SourceParam::Uuid(_) => controller::start(ctx),
    }

    let dialog = NodeRef::<html::Dialog>::new();
    // Open as a modal when the element exists and whenever it is reopened: focus moves in.
    Effect::new(move |_| {
        let closed = ctx.closed.get();
        if let Some(dialog) = dialog.get() {
            if closed {
                dialog.close();
            } else if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
    // Keep <html lang> in step, so screen readers and fonts follow the switch.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", ctx.lang.get().tag());
        }
    });
    // Unsaved changes survive a reload (sessionStorage, this tab only): written a moment after
    // the last keystroke, and at once when the page goes away.
    let keep_now = move || {
        if ctx.phase.get_untracked().shows_form() && !ctx.closed.get_untracked() {
            controller::keep(ctx);
        }
    };
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        ctx.draft.track();
        ctx.intent.track();
        generation.update_value(|g| *g = g.wrapping_add(1));
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    keep_now();
                }
            },
            std::time::Duration::from_millis(200),
        );
    });
    let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| keep_now());
    on_cleanup(move || on_pagehide.remove());
    let reopen = NodeRef::<html::Button>::new();
    // Focus returns to the page's own control when the dialog closes.
    Effect::new(move |_| {
        if ctx.closed.get() {
            request_animation_frame(move || {
                if let Some(button) = reopen.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    });

    view! {
        <dialog
            node_ref=dialog
            class="cms-dialog"
            data-phase=move || ctx.phase.get().as_str()
            aria-labelledby="cms-title"
            // Escape is the cancel button, with its unsaved-changes guard.
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                controller::cancel(ctx);
            }
        >
            <header class="cms-dialog__header">
                <h1 id="cms-title" class="cms-dialog__title">
                    {move || t(ctx.lang.get(), Text::DialogTitle)}
                </h1>
                <label class="cms-lang">
                    <span class="cms-lang__label">{move || t(ctx.lang.get(), Text::Language)}</span>
                    <select
                        name="lang"
                        on:change=move |ev| {
                            if let Some(chosen) = Lang::from_tag(&event_target_value(&ev)) {
                                ctx.lang.set(chosen);
                            }
                        }
                    >
                        {Lang::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option value=option.tag() prop:selected=move || ctx.lang.get() == option>
                                        {option.native_name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </header>
            <div class="cms-dialog__body" aria-busy=move || (ctx.phase.get() == Phase::Loading).then_some("true")>
                {move || match ctx.phase.get() {
                    Phase::Loading => view! {
                        <p class="cms-status" role="status">{ctx.text(Text::Loading)}</p>
                    }
                    .into_any(),
                    Phase::Login => view! { <LoginForm /> }.into_any(),
                    Phase::Unavailable => view! { <UnavailableView /> }.into_any(),
                    Phase::Done => view! { <CloneResult /> }.into_any(),
                    _ => ().into_any(),
                }}
                <Show when=move || matches!(ctx.phase.get(), Phase::Submitting | Phase::Polling)>
                    <JobProgress />
                </Show>
                <Show when=move || ctx.phase.get() == Phase::Failed>
                    <ErrorPanel />
                </Show>
                // The form is kept (not rebuilt) while the clone runs or after it failed.
                <Show when=move || ctx.phase.get().shows_form()>
                    <CloneForm />
                </Show>
            </div>
        </dialog>
        <Show when=move || ctx.closed.get()>
            <main class="cms-closed">
                <p>{ctx.tr(Text::Closed)}</p>
                <button
                    type="button"
                    class="cms-button"
                    data-action="reopen"
                    node_ref=reopen
                    on:click=move |_| {
                        // A clone that ran on while closed shows its progress or result.
                        let editing = matches!(ctx.phase.get_untracked(), Phase::Editing | Phase::Failed);
                        if ctx.source.with_untracked(Option::is_some) && editing {
                            controller::clone_another(ctx);
                        }
                        ctx.closed.set(false);
                    }
                >
                    {ctx.tr(Text::Reopen)}
                </button>
            </main>
        </Show>
    }
}
