//! What the page is given and what it keeps: runtime configuration (API base, source uuid,
//! language), the session token (URL fragment or the tab's store), and the store itself.

mod page_config;
mod session_token;
mod store;

pub use page_config::{PageConfig, SourceParam};
pub use session_token::{forget_session, intake_session, session_from_fragment, store_session};
pub use store::{KeyValue, MemoryStore, StorageError, Store};
