//! The page: reads `config.json`, then shows the dialog standalone (the address says what to
//! clone, the session comes from `#session=`, the tab's store or a login) or framed by a
//! portal (the host says it over postMessage). Both are thin wrappers over [`CloneDialog`].

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialog::clone_dialog::CloneDialog;
use crate::embed::{ConfigError, PageConfig, RuntimeConfig, SourceParam, Store};
use crate::i18n::{t, Lang, Text};

/// The page's root component.
#[component]
pub fn App() -> impl IntoView {
    let config = RwSignal::new(None::<Result<RuntimeConfig, ConfigError>>);
    spawn_local(async move {
        config.set(Some(load_config().await));
    });
    move || match config.get() {
        None => ().into_any(),
        Some(Err(error)) => view! { <ConfigErrorPage error /> }.into_any(),
        Some(Ok(config)) if framed() => {
            view! { <super::framed_page::FramedPage config /> }.into_any()
        }
        Some(Ok(config)) => view! { <StandalonePage config /> }.into_any(),
    }
}

async fn load_config() -> Result<RuntimeConfig, ConfigError> {
    #[cfg(target_arch = "wasm32")]
    {
        crate::embed::load_runtime_config().await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Ok(RuntimeConfig::default())
    }
}

fn framed() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        crate::embed::is_framed()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// The address's settings (browser only; natively: none).
pub(super) fn page_config(config: &RuntimeConfig) -> PageConfig {
    #[cfg(target_arch = "wasm32")]
    {
        PageConfig::from_page(config.language)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        PageConfig::from_query("", config.language, [])
    }
}

/// Keeps `<html lang>` in step with the dialog, so screen readers and fonts follow the switch.
pub(super) fn follow_language(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Opened as a page of its own.
#[component]
fn StandalonePage(config: RuntimeConfig) -> impl IntoView {
    let page = page_config(&config);
    follow_language(page.lang);
    let store = store();
    // The token leaves the address bar whatever else the address holds.
    let session = crate::embed::intake_session(&store);
    let (source_uuid, bad_source) = match page.source {
        SourceParam::Uuid(uuid) => (Some(uuid), false),
        SourceParam::Missing => (None, false),
        SourceParam::Invalid(_) => (None, true),
    };
    let list_position = page.list;
    view! {
        <CloneDialog
            source_uuid
            bad_source
            show_account=true
            choose_source=true
            list_position
            session=Signal::stored(session)
            api_base=config.api_base
            lang=page.lang
            theme=config.theme
            on_language=Callback::new(follow_language)
        />
    }
}

fn store() -> Store {
    #[cfg(target_arch = "wasm32")]
    {
        Store::session_storage()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Store::new(crate::embed::MemoryStore::default())
    }
}

/// `config.json` is there but wrong: the page says so in full, in both languages (there is no
/// language setting to trust yet).
#[component]
fn ConfigErrorPage(error: ConfigError) -> impl IntoView {
    view! {
        <main class="cms-config-error" role="alert">
            <h1>{t(Lang::En, Text::ConfigInvalid)}</h1>
            <p lang="zh-CN">{t(Lang::ZhCn, Text::ConfigInvalid)}</p>
            <pre class="cms-code">{error.0}</pre>
        </main>
    }
}
