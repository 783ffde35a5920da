//! The application root: the Clone model service dialog frame.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{t, Lang, Text};

/// Reads the language from `?lang=`, then the browser's preferences.
fn initial_lang() -> Lang {
    let query = window()
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"));
    let browser: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|value| value.as_string())
        .collect();
    Lang::choose(query.as_deref(), browser.iter().map(String::as_str))
}

/// The root component: a native modal `<dialog>` labelled by its title, in the chosen language.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    let dialog = NodeRef::<html::Dialog>::new();

    // Open as a modal as soon as the element exists: focus moves into the dialog.
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
    // Keep <html lang> in step, so screen readers and fonts follow the switch.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });

    view! {
        <dialog
            node_ref=dialog
            class="cms-dialog"
            data-phase="loading"
            aria-labelledby="cms-title"
            // Escape must not drop the user onto an empty page; cancelling is the form's job.
            on:cancel=|ev: web_sys::Event| ev.prevent_default()
        >
            <header class="cms-dialog__header">
                <h1 id="cms-title" class="cms-dialog__title">
                    {move || t(lang.get(), Text::DialogTitle)}
                </h1>
                <label class="cms-lang">
                    <span class="cms-lang__label">{move || t(lang.get(), Text::Language)}</span>
                    <select
                        name="lang"
                        on:change=move |ev| {
                            if let Some(chosen) = Lang::from_tag(&event_target_value(&ev)) {
                                lang.set(chosen);
                            }
                        }
                    >
                        {Lang::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option
                                        value=option.tag()
                                        selected=move || lang.get() == option
                                    >
                                        {option.native_name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </header>
            <div class="cms-dialog__body" aria-busy="true">
                <p class="cms-status" role="status">{move || t(lang.get(), Text::Loading)}</p>
            </div>
        </dialog>
    }
}
