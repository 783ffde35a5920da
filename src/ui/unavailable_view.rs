//! No source to clone: no uuid, a malformed one, an unknown one, or loading failed.

use leptos::prelude::*;

use super::controller;
use super::error_panel::error_facts;
use super::state::{Ctx, Unavailable};
use crate::i18n::Text;

#[component]
pub fn UnavailableView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div class="cms-unavailable" role="alert">
            {move || match ctx.unavailable.get() {
                Some(Unavailable::Text(text)) => view! { <p class="cms-error__title">{ctx.text(text)}</p> }.into_any(),
                Some(Unavailable::Error(e)) => view! {
                    <p class="cms-error__title">{ctx.text(Text::SourceFailed)}</p>
                    {error_facts(ctx.lang.get(), &e)}
                    <div class="cms-actions">
                        <button type="button" class="cms-button" data-action="retry-load" on:click=move |_| controller::load_source(ctx)>
                            {ctx.text(Text::TryAgain)}
                        </button>
                    </div>
                }
                .into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}
