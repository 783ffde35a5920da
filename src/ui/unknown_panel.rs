//! A clone whose outcome is not known: why, the uuid the clone has if it was made, and the
//! primary action "Check again" (the same request, asked about again); forgetting it takes a
//! warning. The form stays below, read-only, as it was sent.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialog::flow;
use super::dialog::stage::Stage;
use super::dialog::state::DialogState;
use super::error_panel::error_facts;
use crate::i18n::Text;

#[component]
pub fn UnknownPanel() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let resource_uuid = move || {
        ctx.stage.with(|s| {
            s.intent()
                .map(|i| i.resource_uuid().to_owned())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="cms-error cms-unknown" role="alert">
            <p class="cms-error__title">{ctx.tr(Text::OutcomeUnknown)}</p>
            <p class="cms-field__hint">{ctx.tr(Text::OutcomeUnknownHelp)}</p>
            {move || ctx.stage.with(|s| match s {
                Stage::Unknown(_, error) => Some(error_facts(ctx, error)),
                _ => None,
            })}
            <dl class="cms-facts">
                <div class="cms-facts__row">
                    <dt>{ctx.tr(Text::CloneUuidToLookFor)}</dt>
                    <dd><code data-result="resourceUuid">{resource_uuid}</code></dd>
                </div>
            </dl>
            <div class="cms-actions">
                <button type="button" class="cms-button" data-action="discard" on:click=move |_| {
                    flow::discard(ctx, ctx.text(Text::DiscardUnknownConfirm));
                }>
                    {ctx.tr(Text::DiscardUnknown)}
                </button>
                <button type="button" class="cms-button cms-button--primary" data-action="check-again" on:click=move |_| {
                    spawn_local(flow::check_again(ctx));
                }>
                    {ctx.tr(Text::CheckAgain)}
                </button>
            </div>
        </div>
    }
}
