//! The clone in progress: sending, then the job with its elapsed time.

use leptos::prelude::*;

use super::dialog::stage::Phase;
use super::dialog::state::DialogState;
use crate::i18n::Text;

#[component]
pub fn JobProgress() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let headline = move || match ctx.phase.get() {
        Phase::Polling => ctx.text(Text::Cloning),
        _ => ctx.text(Text::Sending),
    };
    let elapsed = move || {
        let ms = ctx
            .progress
            .with(|p| p.as_ref().map(|p| p.elapsed_ms).unwrap_or(0));
        // Whole tenths without float formatting (it costs kilobytes of wasm).
        format!(
            "{}: {}.{} s",
            ctx.text(Text::Elapsed),
            ms / 1000,
            ms % 1000 / 100
        )
    };
    let attempts = move || {
        let n = ctx
            .progress
            .with(|p| p.as_ref().map(|p| p.post_attempts).unwrap_or(1));
        (n > 1).then(|| format!("{}: {n}", ctx.text(Text::Attempt)))
    };
    let job = move || {
        ctx.progress
            .with(|p| p.as_ref().map(|p| p.job_uuid.clone()).unwrap_or_default())
    };
    view! {
        <div class="cms-progress" role="status" aria-live="polite">
            <p class="cms-progress__headline">
                <span class="cms-spinner" aria-hidden="true"></span>
                {headline}
            </p>
            <p class="cms-progress__elapsed" data-elapsed>{elapsed}</p>
            <p class="cms-field__hint">{attempts}</p>
            <p class="cms-field__hint">
                {ctx.tr(Text::JobHandover)}
                " "
                <code class="cms-progress__job">{job}</code>
            </p>
        </div>
    }
}
