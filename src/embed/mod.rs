//! What the page is given and what it keeps: runtime configuration (`config.json`, the
//! address's `?uuid=` and `?lang=`), the session token (URL fragment or the tab's store), the
//! tab's store itself, the theme a host may set, and the postMessage protocol with a portal.

#[cfg(target_arch = "wasm32")]
mod config_fetch;
#[cfg(target_arch = "wasm32")]
mod host_channel;
mod host_protocol;
mod page_config;
mod runtime_config;
mod session_token;
mod store;
mod theme;

#[cfg(target_arch = "wasm32")]
pub use config_fetch::load_runtime_config;
#[cfg(target_arch = "wasm32")]
pub use host_channel::{is_framed, HostChannel};
pub use host_protocol::{parse_host_message, AppMessage, HostMessage, PROTOCOL, VERSION};
pub use page_config::{ListPosition, PageConfig, SourceParam};
pub use runtime_config::{is_exact_origin, ConfigError, RuntimeConfig};
pub use session_token::{
    forget_session, intake_session, session_account, session_from_fragment, store_session,
    store_session_account, SESSION_KEY,
};
pub use store::{KeyValue, MemoryStore, StorageError, Store};
pub use theme::{checked_theme, THEME_PROPERTIES};
