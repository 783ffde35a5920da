//! A Leptos host app that mounts the Clone model service dialog as a component into its own
//! element: the portal keeps the session, opens the dialog for a source, hands a fresh session
//! when the dialog asks, and hears of the clone. Built by the test command (clippy builds every
//! target), so the component's typed props cannot drift from what a host writes.
//!
//! To try it in a browser: build it for wasm32 and serve it beside `/zstack/` like the app.

use clone_model_service::i18n::Lang;
use clone_model_service::ui::CloneDialog;
use clone_model_service::zstack::ModelServiceInventory;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The model service the portal offers to clone (the simulator's two-architecture service).
const SOURCE: &str = "d76744cb53f9478abf42b907df3efb6e";

#[component]
fn Portal() -> impl IntoView {
    // The portal's own session (from its own login); the dialog only borrows it.
    let session = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let made = RwSignal::new(Vec::<ModelServiceInventory>::new());
    let asked_for_session = RwSignal::new(0u32);
    view! {
        <header>
            <h1>"Portal"</h1>
            <label>
                "Session "
                <input on:change=move |ev| session.set(Some(event_target_value(&ev)).filter(|s| !s.is_empty())) />
            </label>
            <button on:click=move |_| open.set(true)>"Clone qwen2.5-7b-instruct"</button>
            <p>{move || format!("The dialog asked for a session {} times.", asked_for_session.get())}</p>
            <ul>
                {move || made.get().into_iter().map(|m| view! { <li>{m.name.unwrap_or_default()}</li> }).collect_view()}
            </ul>
        </header>
        <Show when=move || open.get()>
            <CloneDialog
                source_uuid=Some(SOURCE.to_owned())
                session=session
                api_base="/zstack"
                lang=Lang::En
                login=false
                on_cloned=Callback::new(move |inventory| made.update(|m| m.push(inventory)))
                on_cancel=Callback::new(move |()| open.set(false))
                on_session_expired=Callback::new(move |()| asked_for_session.update(|n| *n += 1))
            />
        </Show>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    let host = document()
        .get_element_by_id("portal")
        .map(|el| el.unchecked_into::<web_sys::HtmlElement>())
        .or_else(|| document().body())
        .expect("an element to mount into");
    leptos::mount::mount_to(host, Portal).forget();
}
