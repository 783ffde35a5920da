//! Log in with account and password, in place: the draft and a clone waiting for the login
//! are kept and continue afterwards.

use leptos::prelude::*;

use leptos::task::spawn_local;

use super::dialog::flow;
use super::dialog::state::DialogState;
use crate::client::ClientError;
use crate::i18n::{error_message, Text};

#[component]
pub fn LoginForm() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let account = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ClientError>);
    let intro = move || {
        if ctx.account.signed_out.get() {
            ctx.text(Text::LoggedOut)
        } else if ctx.source.with(Option::is_some) {
            ctx.text(Text::LoginExpired)
        } else if ctx.list.with(Option::is_some) {
            ctx.text(Text::LoginExpiredList)
        } else {
            ctx.text(Text::LoginIntro)
        }
    };
    view! {
        <form
            class="cms-login"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                if busy.get_untracked() {
                    return;
                }
                busy.set(true);
                error.set(None);
                let (account, password) = (account.get_untracked(), password.get_untracked());
                spawn_local(async move {
                    let outcome = flow::login(ctx, account, password).await;
                    busy.set(false);
                    error.set(outcome.err());
                });
            }
        >
            <p class="cms-note" role="status">{intro}</p>
            <div class="cms-field">
                <label for="cms-accountName">{ctx.tr(Text::AccountName)}</label>
                <input
                    id="cms-accountName"
                    name="accountName"
                    type="text"
                    autocomplete="username"
                    autofocus
                    required
                    prop:value=move || account.get()
                    on:input=move |ev| account.set(event_target_value(&ev))
                />
            </div>
            <div class="cms-field">
                <label for="cms-password">{ctx.tr(Text::Password)}</label>
                <input
                    id="cms-password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required
                    prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev))
                />
            </div>
            {move || error.get().map(|e| view! {
                <p class="cms-field__error" role="alert">{error_message(ctx.lang.get(), &e)}</p>
            })}
            <div class="cms-actions">
                <button type="submit" class="cms-button cms-button--primary" data-action="login" aria-disabled=move || busy.get().then_some("true")>
                    {move || if busy.get() { ctx.text(Text::LoggingIn) } else { ctx.text(Text::LogIn) }}
                </button>
            </div>
        </form>
    }
}
