//! Shows a part of the dialog (src/ui/parts.rs) once its code is there: at once when it already
//! is (always, in a build that does not split), else after a short "Loading…" status (or
//! nothing, for an aside). A part that cannot be fetched says so, with "Try again"; nothing the
//! user entered is touched.
//! `data-part="loading"` / `"failed"` mark both states for tests and hosts: a phase's view is
//! ready when its dialog holds no `[data-part=loading]`.

use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialog::state::DialogState;
use super::parts::Render;
use crate::i18n::Text;

#[component]
pub fn Part<F, Fut, E>(
    /// The part's split point, e.g. `parts::login_form`.
    load: F,
    /// Nothing shows while its code is fetched (an aside, not the dialog's content).
    #[prop(optional)]
    quiet: bool,
    /// What the part says first, said even when its code cannot be fetched: a clone's outcome
    /// never goes unsaid for want of its view.
    #[prop(optional)]
    gist: Option<Text>,
) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<Render, E>> + 'static,
    E: 'static,
{
    let ctx = expect_context::<DialogState>();
    let loaded = RwSignal::new(None::<Result<Render, ()>>);
    // A part already fetched is ready at the first poll: shown in this render, no flash.
    let fetch = move || {
        poll_now(load(), move |result| {
            _ = loaded.try_set(Some(result.map_err(drop)))
        })
    };
    fetch();
    move || match loaded.get() {
        Some(Ok(render)) => untrack(render),
        Some(Err(())) => view! {
            <div class="cms-part-failed" role="alert" data-part="failed">
                {gist.map(|gist| view! { <p class="cms-part-failed__gist">{ctx.tr(gist)}</p> })}
                <p>{ctx.tr(Text::PartFailed)}</p>
                <button
                    type="button"
                    class="cms-button"
                    data-action="load-part"
                    on:click=move |_| {
                        loaded.set(None);
                        fetch();
                    }
                >
                    {ctx.tr(Text::TryAgain)}
                </button>
            </div>
        }
        .into_any(),
        None if quiet => ().into_any(),
        None => view! {
            <p class="cms-status" role="status" data-part="loading">
                {ctx.tr(Text::PartLoading)}
            </p>
        }
        .into_any(),
    }
}

/// Polls `future` once now: `done` gets its output at once if it is ready (a part whose code is
/// there), else when it is.
fn poll_now<F>(future: F, done: impl FnOnce(F::Output) + 'static)
where
    F: Future + 'static,
{
    let mut future = Box::pin(future);
    // The executor polls it again with a waker of its own before anything can have woken this
    // one: a wait it started (a fetch) resolves in a later task.
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => done(output),
        Poll::Pending => spawn_local(async move { done(future.await) }),
    }
}
