//! The Clone model service dialog as a component with typed props: what the standalone page,
//! the iframe mode and a Leptos host app all mount. A native modal `<dialog>` labelled by its
//! title, whose `data-phase` tells tests and hosts where it is.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Map, Value};

use super::flow;
use super::persistence;
use super::stage::{Phase, Stage, Unavailable};
use super::state::{DialogState, Services};
use crate::embed::session_account;
use crate::i18n::{Lang, Text};
use crate::ui::clone_form::CloneForm;
use crate::ui::part_view::Part;
use crate::ui::parts;
use crate::zstack::ModelServiceInventory;

/// The dialog. Without `session`, it takes none from anywhere: the user logs in (unless
/// `login` is false: then it waits for one). When `session` changes while the dialog waits
/// for a login, it goes on with it (same draft, same clone intent).
#[component]
pub fn CloneDialog(
    /// The model service to clone; `None`: nothing to clone yet (see `wait_for_source`).
    source_uuid: Option<String>,
    /// The session (`Authorization: OAuth <session>`), reactive so a host can hand a fresh one.
    #[prop(into, optional)]
    session: Option<Signal<Option<String>>>,
    /// Where the ZStack API is on this origin.
    #[prop(into, default = "/zstack".to_owned())]
    api_base: String,
    #[prop(default = Lang::En)] lang: Lang,
    /// Parameters pre-filled over the source, by API name with API types (shown as changes).
    #[prop(optional)]
    params: Option<Map<String, Value>>,
    /// Theme properties (documented names only, see `embed::THEME_PROPERTIES`).
    #[prop(optional)]
    theme: Vec<(String, String)>,
    /// Whether the login form is offered when there is no valid session.
    #[prop(default = true)]
    login: bool,
    /// Without a source: wait for one (`data-phase="waiting"`) instead of saying none was given.
    #[prop(optional)]
    wait_for_source: bool,
    /// The page was given a source that is not a ZStack uuid (said instead of "none given").
    #[prop(optional)]
    bad_source: bool,
    /// The header shows whose session it is and offers to log out (a page of its own; a
    /// portal keeps its sessions to itself).
    #[prop(optional)]
    show_account: bool,
    /// Standalone: without a source, the account's model services to choose one from, kept in
    /// step with the address (`?uuid=`, `?search=`, `?page=`; Back and Forward); after a clone,
    /// "choose another source".
    #[prop(optional)]
    choose_source: bool,
    /// Where the source list starts (the address's `?search=` and `?page=`).
    #[prop(optional)]
    list_position: Option<crate::embed::ListPosition>,
    /// Every language the dialog is shown in (the first, then each switch).
    #[prop(into, optional)]
    on_language: Option<Callback<Lang>>,
    /// Closes the dialog without asking when set (the draft is kept).
    #[prop(into, optional)]
    close: Option<Signal<bool>>,
    /// The new service, once cloned.
    #[prop(into, optional)]
    on_cloned: Option<Callback<ModelServiceInventory>>,
    /// The user cancelled (button or Escape).
    #[prop(into, optional)]
    on_cancel: Option<Callback<()>>,
    /// Every change of `data-phase`.
    #[prop(into, optional)]
    on_phase: Option<Callback<Phase>>,
    /// The session is invalid or expired: a new `session` lets the dialog go on.
    #[prop(into, optional)]
    on_session_expired: Option<Callback<()>>,
    /// What the dialog talks to; the browser's fetch and sessionStorage by default.
    #[prop(optional)]
    services: Option<Services>,
) -> impl IntoView {
    let services = services.unwrap_or_else(default_services);
    let ctx = DialogState::new(lang, api_base, source_uuid.clone(), services);
    ctx.offer_login.set_value(login);
    ctx.prefill.set_value(params.unwrap_or_default());
    ctx.can_choose.set_value(choose_source);
    if let Some(position) = list_position {
        ctx.list_position.set(position);
    }
    provide_context(ctx);
    if let Some(session) = session {
        ctx.session.set(session.get_untracked());
        if show_account && ctx.session.with_untracked(Option::is_some) {
            ctx.account.uuid.set(session_account(&ctx.store()));
        }
        // A host's fresh session goes on where the dialog waited for one.
        Effect::new(move |previous: Option<Option<String>>| {
            let now = session.get();
            if previous.is_some_and(|p| p != now) {
                if let Some(fresh) = now.clone() {
                    spawn_local(flow::continue_with_session(ctx, fresh));
                }
            }
            now
        });
    }
    match (&source_uuid, wait_for_source, bad_source) {
        (Some(_), _, _) => spawn_local(flow::start(ctx)),
        (None, true, _) => ctx.stage.set(Stage::Waiting),
        (None, false, true) => ctx
            .stage
            .set(Stage::Unavailable(Unavailable::Text(Text::BadSource))),
        (None, false, false) if choose_source => spawn_local(flow::start(ctx)),
        (None, false, false) => ctx
            .stage
            .set(Stage::Unavailable(Unavailable::Text(Text::NoSource))),
    }
    if let Some(on_language) = on_language {
        Effect::new(move |_| on_language.run(ctx.lang.get()));
    }
    if let Some(close) = close {
        Effect::new(move |_| {
            if close.get() {
                ctx.closed.set(true);
            }
        });
    }
    report_to_host(ctx, on_cloned, on_cancel, on_phase, on_session_expired);
    if choose_source {
        follow_the_address(ctx);
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
    // The theme, through the CSSOM (the page's CSP forbids inline style attributes, not this).
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            let style = web_sys::HtmlElement::style(&dialog);
            for (name, value) in &theme {
                let _ = style.set_property(name, value);
            }
        }
    });
    keep_the_draft(ctx);
    super::yaml_check::check_long_yaml(ctx);
    let past_first_load = Memo::new(move |past: Option<&bool>| {
        past == Some(&true) || ctx.phase.get() != Phase::Loading
    });
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
            lang=move || ctx.lang.get().tag()
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
                    {ctx.tr(Text::DialogTitle)}
                </h1>
                <label class="cms-lang">
                    <span class="cms-lang__label">{ctx.tr(Text::Language)}</span>
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
                // After the language, so the dialog's first focus never lands on "Log out"; from
                // the end of the first load on, so its code is fetched after it.
                {show_account.then(|| view! {
                    <Show when=move || past_first_load.get()>
                        <Part load=parts::account_menu quiet=true />
                    </Show>
                })}
            </header>
            <div class="cms-dialog__body" aria-busy=move || (ctx.phase.get() == Phase::Loading).then_some("true")>
                {move || match ctx.phase.get() {
                    Phase::Waiting => view! {
                        <p class="cms-status" role="status">{ctx.text(Text::WaitingForHost)}</p>
                    }
                    .into_any(),
                    Phase::Loading => view! {
                        <p class="cms-status" role="status">{ctx.text(Text::Loading)}</p>
                    }
                    .into_any(),
                    Phase::Login if ctx.offer_login.get_value() => view! { <Part load=parts::login_form /> }.into_any(),
                    Phase::Login => view! {
                        <p class="cms-status" role="status">{ctx.text(Text::WaitingForSession)}</p>
                    }
                    .into_any(),
                    Phase::Unavailable => view! { <Part load=parts::unavailable_view /> }.into_any(),
                    Phase::Choosing => view! { <Part load=parts::source_list /> }.into_any(),
                    Phase::Done => view! { <Part load=parts::clone_result gist=Text::CloneDone /> }.into_any(),
                    _ => ().into_any(),
                }}
                <Show when=move || matches!(ctx.phase.get(), Phase::Submitting | Phase::Polling)>
                    <Part load=parts::job_progress />
                </Show>
                <Show when=move || ctx.phase.get() == Phase::Failed>
                    <Part load=parts::error_panel />
                </Show>
                <Show when=move || ctx.phase.get() == Phase::Unknown>
                    <Part load=parts::unknown_panel gist=Text::OutcomeUnknown />
                </Show>
                // The form is kept (not rebuilt) while the clone runs, is unknown or failed.
                <Show when=move || ctx.stage.with(Stage::shows_form)>
                    <CloneForm />
                </Show>
            </div>
        </dialog>
        <Show when=move || ctx.closed.get()>
            <div class="cms-closed">
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
            </div>
        </Show>
    }
}

fn default_services() -> Services {
    #[cfg(target_arch = "wasm32")]
    {
        Services::browser()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Services::unreachable()
    }
}

/// Tells the host what happened, from the dialog's state (the flow knows no host).
fn report_to_host(
    ctx: DialogState,
    on_cloned: Option<Callback<ModelServiceInventory>>,
    on_cancel: Option<Callback<()>>,
    on_phase: Option<Callback<Phase>>,
    on_session_expired: Option<Callback<()>>,
) {
    if let Some(on_phase) = on_phase {
        Effect::new(move |_| on_phase.run(ctx.phase.get()));
    }
    if let Some(on_cloned) = on_cloned {
        Effect::new(move |_| {
            if let Some(inventory) = ctx.stage.with(|s| s.result().cloned()) {
                on_cloned.run(inventory);
            }
        });
    }
    if let Some(on_cancel) = on_cancel {
        Effect::new(move |previous: Option<()>| {
            ctx.cancelled.track();
            if previous.is_some() {
                on_cancel.run(());
            }
        });
    }
    if let Some(on_expired) = on_session_expired {
        Effect::new(move |_| {
            let waiting = ctx.stage.with(|s| matches!(s, Stage::Login(_)));
            if waiting {
                on_expired.run(());
            }
        });
    }
}

/// Back and Forward between the list and a source: the dialog shows what the address says.
fn follow_the_address(ctx: DialogState) {
    let on_popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let (source, position) = super::address::current();
        match source {
            Some(uuid) => {
                ctx.list_position.set(position);
                spawn_local(super::listing::open_source(ctx, uuid));
            }
            None => spawn_local(super::listing::show_list(ctx, position)),
        }
    });
    on_cleanup(move || on_popstate.remove());
}

/// Unsaved changes survive a reload (the tab's store): written a moment after the last change,
/// and at once when the page goes away.
fn keep_the_draft(ctx: DialogState) {
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
                if generation.try_get_value() == Some(mine) {
                    keep_now();
                }
            },
            std::time::Duration::from_millis(200),
        );
    });
    let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| keep_now());
    on_cleanup(move || on_pagehide.remove());
}
