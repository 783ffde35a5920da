//! The page framed by a portal: the host says what to open, hands the session, and hears
//! what happens (the protocol is in `embed::host_protocol`, documented in `docs/embedding.md`).
//! Before `open` (and without `?uuid=`) the dialog waits (`data-phase="waiting"`); every
//! `open` shows a fresh dialog for its source.

use leptos::prelude::*;
use serde_json::{Map, Value};

use super::app::{follow_language, page_config};
use super::dialog::clone_dialog::CloneDialog;
use super::dialog::stage::Phase;
use crate::embed::{AppMessage, HostMessage, RuntimeConfig, SourceParam};
use crate::form::Draft;
use crate::i18n::Lang;

/// What the host asked to open.
#[derive(Clone, Debug, PartialEq)]
struct Opened {
    uuid: String,
    lang: Lang,
    params: Map<String, Value>,
    theme: Vec<(String, String)>,
}

#[component]
pub fn FramedPage(config: RuntimeConfig) -> impl IntoView {
    let page = page_config(&config);
    follow_language(page.lang);
    // The token never travels in a URL in this mode: one put there anyway leaves the address
    // bar and is not used.
    #[cfg(target_arch = "wasm32")]
    let _ = crate::embed::intake_session(&crate::embed::Store::new(
        crate::embed::MemoryStore::default(),
    ));
    let session = RwSignal::new(None::<String>);
    let close = RwSignal::new(false);
    let opened = RwSignal::new(match page.source {
        SourceParam::Uuid(uuid) => Some(Opened {
            uuid,
            lang: page.lang,
            params: Map::new(),
            theme: config.theme.clone(),
        }),
        _ => None,
    });
    let channel = StoredValue::new_local(Channel::open(
        config.embed_origins.clone(),
        move |message| match message {
            HostMessage::Session { session: fresh } => session.set(Some(fresh)),
            // Parameters of an unknown name or the wrong type make the whole message invalid:
            // ignored, like any other.
            HostMessage::Open { ref params, .. }
                if Draft::default().apply_api_params(params).is_err() => {}
            HostMessage::Open {
                uuid,
                lang,
                params,
                theme,
            } => {
                close.set(false);
                opened.set(Some(Opened {
                    uuid,
                    lang: lang.unwrap_or(page.lang),
                    params,
                    theme,
                }));
            }
            HostMessage::Close => close.set(true),
        },
    ));
    let post = move |message: AppMessage| channel.with_value(|c| c.post(&message));
    let api_base = config.api_base.clone();
    let login = config.embedded_login;
    let waiting_theme = config.theme.clone();
    report_resizes(post, opened);
    move || {
        let api_base = api_base.clone();
        match opened.get() {
            None => view! {
                <CloneDialog source_uuid=None wait_for_source=true lang=page.lang theme=waiting_theme.clone()
                    on_phase=Callback::new(move |phase: Phase| post(AppMessage::Phase { phase: phase.as_str() })) />
            }
            .into_any(),
            Some(open) => view! {
                <CloneDialog
                    source_uuid=Some(open.uuid)
                    session=session
                    api_base
                    lang=open.lang
                    params=open.params
                    theme=open.theme
                    login
                    close=close
                    on_language=Callback::new(follow_language)
                    on_phase=Callback::new(move |phase: Phase| post(AppMessage::Phase { phase: phase.as_str() }))
                    on_cloned=Callback::new(move |inventory| post(AppMessage::Cloned {
                        inventory: serde_json::to_value(&inventory).unwrap_or(Value::Null),
                    }))
                    on_cancel=Callback::new(move |()| post(AppMessage::Cancelled))
                    on_session_expired=Callback::new(move |()| post(AppMessage::SessionExpired))
                />
            }
            .into_any(),
        }
    }
}

/// The host channel where there is a browser; natively, nothing to talk to.
#[cfg(target_arch = "wasm32")]
type Channel = crate::embed::HostChannel;

#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone)]
struct Channel;

#[cfg(not(target_arch = "wasm32"))]
impl Channel {
    fn open(_: Vec<String>, _: impl Fn(HostMessage) + 'static) -> Channel {
        Channel
    }

    fn post(&self, _: &AppMessage) {}
}

/// `resize {height}` whenever the dialog's content height (CSS px, whole) changes; the dialog
/// of each `open` is observed once it is in the document.
fn report_resizes(post: impl Fn(AppMessage) + Copy + 'static, opened: RwSignal<Option<Opened>>) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
        let measure = move || {
            let height = document()
                .query_selector("dialog.cms-dialog")
                .ok()
                .flatten()
                .map(|d| d.scroll_height().max(0) as u32)
                .unwrap_or(0);
            if height != last.get() {
                last.set(height);
                post(AppMessage::Resize { height });
            }
        };
        let observe = Closure::<dyn FnMut()>::new(measure);
        if let Ok(observer) = web_sys::ResizeObserver::new(observe.as_ref().unchecked_ref()) {
            // The body, and the dialog each `open` mounts: their sizes follow the content's.
            let observer = StoredValue::new_local(observer);
            Effect::new(move |_| {
                opened.track();
                request_animation_frame(move || {
                    // The dialogs of earlier opens are gone: observe only what is there now.
                    observer.with_value(|o| o.disconnect());
                    if let Some(body) = document().body() {
                        observer.with_value(|o| o.observe(&body));
                    }
                    if let Ok(dialogs) =
                        document().query_selector_all("dialog.cms-dialog, .cms-dialog__body")
                    {
                        for i in 0..dialogs.length() {
                            if let Some(el) = dialogs
                                .item(i)
                                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                            {
                                observer.with_value(|o| o.observe(&el));
                            }
                        }
                    }
                });
            });
        }
        observe.forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (post, opened);
}
