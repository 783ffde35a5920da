//! The header's account: whose session the dialog uses (its name, else its uuid) and "Log out".
//! Shown on the standalone page only: a portal keeps its sessions to itself.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialog::account::{self, after_log_out, LogOut};
use super::dialog::stage::Phase;
use super::dialog::state::DialogState;
use crate::i18n::{error_message, Text};

#[component]
pub fn AccountMenu() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let logged_in = move || ctx.session.with(Option::is_some) && ctx.phase.get() != Phase::Login;
    // Asked once the source is loaded (or could not be), not in the first load's way.
    Effect::new(move |_| {
        if logged_in() && ctx.phase.get() != Phase::Loading {
            spawn_local(account::identify(ctx));
        }
    });
    let busy = move || ctx.account.log_out.with(|l| *l == LogOut::Busy);
    let offered = move || ctx.stage.with(|s| after_log_out(s).is_some());
    view! {
        <Show when=logged_in>
            <div class="cms-account">
                {move || match ctx.account.label() {
                    Some(who) => view! {
                        <span class="cms-account__who">
                            {ctx.tr(Text::SignedInAs)}" "
                            <strong class="cms-account__name">{who}</strong>
                        </span>
                    }
                    .into_any(),
                    None => view! { <span class="cms-account__who">{ctx.tr(Text::SignedIn)}</span> }.into_any(),
                }}
                <button
                    type="button"
                    class="cms-button cms-button--quiet"
                    data-action="log-out"
                    aria-disabled=move || (busy() || !offered()).then_some("true")
                    aria-describedby=move || (!offered()).then_some("cms-logout-why")
                    on:click=move |_| {
                        if offered() && !busy() {
                            spawn_local(account::log_out(ctx));
                        }
                    }
                >
                    {move || if busy() { ctx.text(Text::LoggingOut) } else { ctx.text(Text::LogOut) }}
                </button>
                <Show when=move || !offered()>
                    <span id="cms-logout-why" class="cms-account__why">{ctx.tr(Text::LogOutAfterClone)}</span>
                </Show>
                {move || match ctx.account.log_out.get() {
                    LogOut::Failed(e) => Some(view! {
                        <p class="cms-account__error" role="alert">
                            {ctx.text(Text::LogOutFailed)}" "{error_message(ctx.lang.get(), &e)}
                        </p>
                    }),
                    _ => None,
                }}
            </div>
        </Show>
    }
}
