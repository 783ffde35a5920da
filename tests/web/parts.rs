//! A part's view (`ui::Part`, the release build's split points): shown in the same render when
//! its code is there, after "Loading…" while it is fetched, and with "Try again" when it could
//! not be fetched.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::task::{Context, Poll};

use clone_model_service::i18n::{t, Lang, Text};
use clone_model_service::ui::parts::Render;
use clone_model_service::ui::Part;
use clone_model_service::zstack::ModelServiceInventory;
use leptos::prelude::*;
use wasm_bindgen_test::*;

use super::dom::{all, click, mount_part};

fn the_part() -> AnyView {
    view! { <p class="the-part">"the part"</p> }.into_any()
}

/// Pending at its first poll (waking at once), as a fetch is.
struct Fetching(bool);

impl Future for Fetching {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

async fn there() -> Result<Render, ()> {
    Ok(the_part)
}

static FLAKY_CALLS: AtomicU32 = AtomicU32::new(0);

/// Fetched: fails the first time, then arrives.
async fn flaky() -> Result<Render, ()> {
    Fetching(false).await;
    if FLAKY_CALLS.fetch_add(1, Ordering::SeqCst) == 0 {
        Err(())
    } else {
        Ok(the_part)
    }
}

/// `part` mounted with the dialog's state (its texts); the handle unmounts it when dropped.
fn mount<V: IntoView + 'static>(
    part: impl FnOnce() -> V + 'static,
) -> (web_sys::HtmlElement, impl Drop) {
    let (container, _ctx, handle) = mount_part(ModelServiceInventory::default(), |_| {}, part);
    (container, handle)
}

/// Waits (a few ticks at most) until `selector` finds something in `container`.
async fn until(container: &web_sys::HtmlElement, selector: &str) {
    for _ in 0..50 {
        if !all(container, selector).is_empty() {
            return;
        }
        leptos::task::tick().await;
    }
    panic!("nothing matches {selector}");
}

#[wasm_bindgen_test]
fn a_part_whose_code_is_there_shows_in_the_same_render() {
    let (container, _handle) = mount(|| view! { <Part load=there /> });
    assert_eq!(all(&container, ".the-part").len(), 1);
    assert!(all(&container, "[role=status], [role=alert]").is_empty());
}

#[wasm_bindgen_test]
async fn a_part_being_fetched_says_so_and_one_that_failed_is_fetched_again_on_request() {
    let (container, _handle) = mount(|| view! { <Part load=flaky /> });
    assert_eq!(all(&container, "[data-part=loading][role=status]").len(), 1);
    assert!(all(&container, ".the-part").is_empty());

    until(&container, "[data-part=failed][role=alert]").await;
    assert!(all(&container, ".the-part, [data-part=loading]").is_empty());
    // No gist given: only the failure and its "Try again".
    assert!(all(&container, ".cms-part-failed__gist").is_empty());
    click(&container, "[data-part=failed] [data-action=load-part]");

    until(&container, ".the-part").await;
    assert!(all(&container, "[data-part]").is_empty());
    assert_eq!(FLAKY_CALLS.load(Ordering::SeqCst), 2);
}

/// Fetched, and never arrives.
async fn unreachable() -> Result<Render, ()> {
    Fetching(false).await;
    Err(())
}

#[wasm_bindgen_test]
async fn a_part_that_cannot_be_fetched_still_says_its_gist() {
    let (container, _handle) = mount(|| view! { <Part load=unreachable gist=Text::CloneDone /> });
    until(&container, "[data-part=failed][role=alert]").await;
    let gist = all(&container, "[data-part=failed] .cms-part-failed__gist");
    assert_eq!(gist.len(), 1);
    assert_eq!(
        gist[0].text_content().unwrap_or_default(),
        t(Lang::En, Text::CloneDone)
    );
}
