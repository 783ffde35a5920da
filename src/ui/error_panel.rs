//! A clone that failed: the message, the ZStack code, description and details, and the cause
//! chain (collapsible). The form stays below, as it was.

use leptos::prelude::*;

use super::dialog::state::DialogState;
use crate::client::ClientError;
use crate::i18n::{error_message, Text};

/// The facts of an error, for the clone failure and for a source that could not be loaded.
pub fn error_facts(ctx: DialogState, error: &ClientError) -> impl IntoView {
    let lang = ctx.lang.get();
    let row = |label: Text, value: Option<&str>| {
        value.map(|v| {
            let v = v.to_owned();
            view! {
                <div class="cms-facts__row">
                    <dt>{ctx.text(label)}</dt>
                    <dd>{v}</dd>
                </div>
            }
        })
    };
    let causes: Vec<_> = error
        .causes()
        .into_iter()
        .map(|c| {
            let code = c.code.clone().unwrap_or_default();
            let text = c.summary();
            view! { <li><code>{code}</code> " " {text}</li> }
        })
        .collect();
    let has_causes = !causes.is_empty();
    view! {
        <p class="cms-error__message">{error_message(lang, error)}</p>
        <dl class="cms-facts">
            {row(Text::ErrorCode, error.code())}
            {row(Text::ErrorDescription, error.description())}
            {row(Text::ErrorDetails, error.details())}
        </dl>
        {has_causes.then(|| view! {
            <details class="cms-causes">
                <summary>{ctx.text(Text::ErrorCauses)}</summary>
                <ol>{causes}</ol>
            </details>
        })}
    }
}

#[component]
pub fn ErrorPanel() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    view! {
        <div class="cms-error" role="alert">
            <p class="cms-error__title">
                {move || {
                    let not_sent = ctx
                        .stage
                        .with(|s| matches!(s.error(), Some(ClientError::StorageUnavailable)));
                    ctx.text(if not_sent { Text::CloneNotSent } else { Text::CloneFailed })
                }}
            </p>
            {move || ctx.stage.with(|s| s.error().map(|e| error_facts(ctx, e)))}
        </div>
    }
}
