//! Runs a future up to its first wait at once, then lets the executor finish it: a future that
//! needs no wait (a part whose code is there) is done within the call, so what it gives is
//! shown in the same render.

use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::task::spawn_local;

/// Polls `future` once now: `done` gets its output at once if it is ready, else when it is.
pub fn poll_now<F>(future: F, done: impl FnOnce(F::Output) + 'static)
where
    F: Future + 'static,
{
    let mut future = Box::pin(future);
    // The executor polls it again with a waker of its own before anything can have woken this
    // one: a wait it started (a fetch, a timer) resolves in a later task.
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => done(output),
        Poll::Pending => spawn_local(async move { done(future.await) }),
    }
}
