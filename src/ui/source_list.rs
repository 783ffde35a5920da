//! The standalone source list: the account's model services, a page at a time, searched by
//! name on the node. A WAI-ARIA listbox with a roving tabindex: arrow keys, Home and End move,
//! Enter or Space chooses (as a click does). Each option carries `data-action="choose-source"`
//! and `data-uuid`.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialog::listing;
use super::dialog::state::DialogState;
use super::error_panel::error_facts;
use crate::client::SourcePage;
use crate::i18n::Text;
use crate::zstack::ModelServiceInventory;

/// How long typing must pause before the search is sent.
const SEARCH_DEBOUNCE_MS: u64 = 300;

/// One row as shown.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    uuid: String,
    name: String,
    kind: String,
    framework: String,
    architectures: String,
    created: String,
}

impl Row {
    fn of(inventory: &ModelServiceInventory) -> Row {
        // The architectures its images are for; the inventory's list when it has no images.
        let mut architectures: Vec<String> = inventory
            .model_service_images
            .iter()
            .filter_map(|image| image.cpu_architecture.clone())
            .collect();
        if architectures.is_empty() {
            architectures = inventory.cpu_architectures.clone();
        }
        architectures.dedup();
        Row {
            uuid: inventory.uuid.clone().unwrap_or_default(),
            name: inventory.name.clone().unwrap_or_default(),
            kind: inventory.service_type.clone().unwrap_or_default(),
            framework: inventory.framework.clone().unwrap_or_default(),
            architectures: architectures.join(", "),
            created: inventory
                .create_date
                .as_ref()
                .map(|d| d.raw.clone())
                .unwrap_or_default(),
        }
    }
}

fn option_id(uuid: &str) -> String {
    format!("cms-source-{uuid}")
}

/// "Choose another source": back to the list, where there is one (standalone); elsewhere
/// nothing.
#[component]
pub fn ChooseAnotherButton() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    ctx.can_choose.get_value().then(|| {
        view! {
            <button type="button" class="cms-button" data-action="choose-another" on:click=move |_| spawn_local(listing::choose_another(ctx))>
                {ctx.tr(Text::ChooseAnother)}
            </button>
        }
    })
}

#[component]
pub fn SourceList() -> impl IntoView {
    let ctx = expect_context::<DialogState>();
    let typed = RwSignal::new(ctx.list_position.get_untracked().search);
    // The search box takes focus when the list appears (the dialog's own focus went to what
    // was there before: `autofocus` applies only when the dialog opens).
    let search_box = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = search_box.get() {
            let _ = input.focus();
        }
    });
    let typing = StoredValue::new(0u32);
    let on_input = move |ev| {
        typed.set(event_target_value(&ev));
        typing.update_value(|g| *g = g.wrapping_add(1));
        let mine = typing.get_value();
        set_timeout(
            move || {
                if typing.try_get_value() == Some(mine) {
                    spawn_local(listing::search(ctx, typed.get_untracked()));
                }
            },
            std::time::Duration::from_millis(SEARCH_DEBOUNCE_MS),
        );
    };
    let page = move || {
        ctx.list
            .with(|l| l.as_ref().and_then(|r| r.as_ref().ok()).cloned())
    };
    let rows = Memo::new(move |_| {
        ctx.list.with(|l| match l {
            Some(Ok(page)) => page.rows.iter().map(Row::of).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    });
    // The option that takes Tab focus (roving tabindex); back to the first on a new page.
    let active = RwSignal::new(0usize);
    Effect::new(move |_| {
        rows.track();
        active.set(0);
    });
    let focus_option = move |index: usize| {
        active.set(index);
        if let Some(row) = rows.with_untracked(|r| r.get(index).cloned()) {
            if let Some(element) = document().get_element_by_id(&option_id(&row.uuid)) {
                if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
                {
                    let _ = element.focus();
                }
            }
        }
    };
    let choose = move |uuid: String| spawn_local(listing::choose(ctx, uuid));
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let count = rows.with_untracked(Vec::len);
        if count == 0 {
            return;
        }
        let now = active.get_untracked().min(count - 1);
        let next = match ev.key().as_str() {
            "ArrowDown" => Some((now + 1).min(count - 1)),
            "ArrowUp" => Some(now.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(count - 1),
            "Enter" | " " => {
                ev.prevent_default();
                if let Some(row) = rows.with_untracked(|r| r.get(now).cloned()) {
                    choose(row.uuid);
                }
                None
            }
            _ => None,
        };
        if let Some(next) = next {
            ev.prevent_default();
            focus_option(next);
        }
    };
    let total_text = move || {
        page().map(|p: SourcePage| {
            let text = if p.total_is_bound {
                Text::SourcesTotalAtMost
            } else {
                Text::SourcesTotal
            };
            ctx.text(text).replace("{n}", &p.total.to_string())
        })
    };
    let page_text = move || {
        page().map(|p| {
            ctx.text(Text::SourcesPage)
                .replace("{page}", &(p.page + 1).to_string())
                .replace("{pages}", &p.page_count().to_string())
        })
    };
    let empty_text = move || {
        let search = ctx.list_position.with(|p| p.search.trim().to_owned());
        if search.is_empty() {
            ctx.text(Text::SourcesNone).to_owned()
        } else {
            ctx.text(Text::SourcesNoMatch).replace("{q}", &search)
        }
    };
    let has_previous = move || page().is_some_and(|p| p.has_previous());
    let has_next = move || page().is_some_and(|p| p.has_next());
    view! {
        <section class="cms-sources" aria-labelledby="cms-sources-title">
            <h2 id="cms-sources-title" class="cms-sources__title">{ctx.tr(Text::SourcesTitle)}</h2>
            <div class="cms-field">
                <label for="cms-search">{ctx.tr(Text::SearchByName)}</label>
                <input
                    id="cms-search"
                    node_ref=search_box
                    name="search"
                    type="search"
                    autocomplete="off"
                    autofocus
                    prop:value=move || typed.get()
                    on:input=on_input
                />
            </div>
            <p class="cms-status" role="status">
                {move || match ctx.list.with(|l| l.as_ref().map(|r| r.is_ok())) {
                    None => Some(ctx.text(Text::SourcesLoading).to_owned()),
                    Some(true) => total_text(),
                    Some(false) => None,
                }}
            </p>
            {move || ctx.list.with(|l| match l {
                Some(Err(e)) => Some(view! {
                    <div class="cms-unavailable" role="alert" data-list="failed">
                        <p class="cms-error__title">{ctx.text(Text::SourcesFailed)}</p>
                        {error_facts(ctx, e)}
                        <div class="cms-actions">
                            <button type="button" class="cms-button" data-action="retry-load" on:click=move |_| spawn_local(listing::load_page(ctx))>
                                {ctx.text(Text::TryAgain)}
                            </button>
                        </div>
                    </div>
                }),
                _ => None,
            })}
            <Show when=move || ctx.list.with(|l| matches!(l, Some(Ok(p)) if p.rows.is_empty()))>
                <p class="cms-note" data-list="empty">{empty_text}</p>
            </Show>
            <p id="cms-sources-help" class="cms-field__hint">{ctx.tr(Text::SourcesHelp)}</p>
            <ul
                class="cms-sources__list"
                role="listbox"
                aria-labelledby="cms-sources-title"
                aria-describedby="cms-sources-help"
                aria-busy=move || ctx.list_busy.get().then_some("true")
                hidden=move || rows.with(Vec::is_empty)
                on:keydown=on_keydown
            >
                <For
                    each=move || rows.get().into_iter().enumerate()
                    key=|(index, row)| (*index, row.uuid.clone())
                    children=move |(index, row)| {
                        let is_active = move || active.get() == index;
                        let uuid = row.uuid.clone();
                        view! {
                            <li
                                id=option_id(&row.uuid)
                                class="cms-source"
                                role="option"
                                tabindex=move || if is_active() { "0" } else { "-1" }
                                aria-selected=move || if is_active() { "true" } else { "false" }
                                data-action="choose-source"
                                data-uuid=row.uuid.clone()
                                on:click=move |_| choose(uuid.clone())
                                on:focus=move |_| active.set(index)
                            >
                                <span class="cms-source__name">{row.name.clone()}</span>
                                <span class="cms-source__facts">
                                    <span>{ctx.tr(Text::ServiceType)}": "{or_dash(&row.kind)}</span>
                                    <span>{ctx.tr(Text::ServiceFramework)}": "{or_dash(&row.framework)}</span>
                                    <span>{ctx.tr(Text::ServiceArchitectures)}": "{or_dash(&row.architectures)}</span>
                                    <span>{ctx.tr(Text::ServiceCreated)}": "{or_dash(&row.created)}</span>
                                </span>
                            </li>
                        }
                    }
                />
            </ul>
            <div class="cms-sources__paging">
                <button
                    type="button"
                    class="cms-button"
                    data-action="previous-page"
                    aria-disabled=move || (!has_previous()).then_some("true")
                    on:click=move |_| spawn_local(listing::turn_page(ctx, false))
                >
                    {ctx.tr(Text::PreviousPage)}
                </button>
                <span class="cms-status">{page_text}</span>
                <button
                    type="button"
                    class="cms-button"
                    data-action="next-page"
                    aria-disabled=move || (!has_next()).then_some("true")
                    on:click=move |_| spawn_local(listing::turn_page(ctx, true))
                >
                    {ctx.tr(Text::NextPage)}
                </button>
            </div>
        </section>
    }
}

/// A fact as shown in a row: an absent one is a dash, not an empty label.
fn or_dash(fact: &str) -> String {
    if fact.trim().is_empty() {
        "—".to_owned()
    } else {
        fact.to_owned()
    }
}
