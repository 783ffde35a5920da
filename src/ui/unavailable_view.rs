//! No source to clone: no uuid, a malformed one, an unknown one, or loading failed.

use leptos::prelude::*;

use leptos::task::spawn_local;

use super::dialog::flow;
use super::dialog::stage::{Stage, Unavailable};
use super::dialog::state::DialogState;
use super::error_panel::error_facts;
use super::source_list::ChooseAnotherButton;
use crate::i18n::Text;

#[component]
pub fn UnavailableView() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    view! {
        <div class="cms-unavailable" role="alert">
            {move || match ctx.stage.get() {
                Stage::Unavailable(Unavailable::Text(text)) => view! { <p class="cms-error__title">{ctx.text(text)}</p> }.into_any(),
                Stage::Unavailable(Unavailable::Error(e)) => view! {
                    <p class="cms-error__title">{ctx.text(Text::SourceFailed)}</p>
                    {error_facts(ctx, &e)}
                    <div class="cms-actions">
                        <button type="button" class="cms-button" data-action="retry-load" on:click=move |_| spawn_local(flow::load_source(ctx))>
                            {ctx.text(Text::TryAgain)}
                        </button>
                    </div>
                }
                .into_any(),
                _ => ().into_any(),
            }}
            {ctx.can_choose.get_value().then(|| view! {
                <div class="cms-actions"><ChooseAnotherButton /></div>
            })}
        </div>
    }
}
