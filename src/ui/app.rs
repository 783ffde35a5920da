//! The application root: the Clone model service dialog, a native modal `<dialog>` labelled by
//! its title, whose `data-phase` tells tests and host pages where it is.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::clone_form::CloneForm;
use super::clone_result::CloneResult;
use super::dialog::stage::{Phase, Stage, Unavailable};
use super::dialog::state::{Ctx, Services};
use super::dialog::{flow, persistence};
use super::error_panel::ErrorPanel;
use super::job_progress::JobProgress;
use super::login_form::LoginForm;
use super::unavailable_view::UnavailableView;
use super::unknown_panel::UnknownPanel;
use crate::embed::{PageConfig, SourceParam};
use crate::i18n::{t, Lang, Text};

fn services() -> Services {
    #[cfg(target_arch = "wasm32")]
    {
        Services::browser()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        // The page runs in a browser only; natively there is nothing to talk to.
        Services {
            connection: crate::client::Connection::new(Unreachable, Unreachable),
            store: crate::embed::Store::new(crate::embed::MemoryStore::default()),
        }
    }
}

/// What a native build of the page talks to: nothing answers, no time passes.
#[cfg(not(target_arch = "wasm32"))]
struct Unreachable;

#[cfg(not(target_arch = "wasm32"))]
impl crate::client::Transport for Unreachable {
    async fn send(
        &self,
        _: crate::client::HttpRequest,
    ) -> Result<crate::client::HttpResponse, crate::client::TransportError> {
        Err(crate::client::TransportError::Network("no browser".into()))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl crate::client::Clock for Unreachable {
    fn now_ms(&self) -> f64 {
        0.0
    }

    async fn sleep(&self, _: u32) {}
}

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
    let ctx = Ctx::new(
        config.lang,
        config.api_base.clone(),
        source_uuid,
        services(),
    );
    provide_context(ctx);
    // The token leaves the address bar whatever else the address holds.
    let session = crate::embed::intake_session(&ctx.store());
    match config.source {
        SourceParam::Missing => ctx
            .stage
            .set(Stage::Unavailable(Unavailable::Text(Text::NoSource))),
        SourceParam::Invalid(_) => ctx
            .stage
            .set(Stage::Unavailable(Unavailable::Text(Text::BadSource))),
        SourceParam::Uuid(_) => {
            ctx.session.set(session);
            spawn_local(flow::start(ctx));
        }
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
        if ctx.stage.with_untracked(Stage::is_editable) && !ctx.closed.get_untracked() {
            persistence::keep_draft(ctx);
        }
    };
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        ctx.draft.track();
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
                flow::cancel(ctx, ctx.text(Text::DiscardConfirm));
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
                <Show when=move || ctx.phase.get() == Phase::Unknown>
                    <UnknownPanel />
                </Show>
                // The form is kept (not rebuilt) while the clone runs, is unknown or failed.
                <Show when=move || ctx.stage.with(Stage::shows_form)>
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
                    on:click=move |_| flow::reopen(ctx)
                >
                    {ctx.tr(Text::Reopen)}
                </button>
            </main>
        </Show>
    }
}
