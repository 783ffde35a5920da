//! What the page is given: runtime configuration (API base, source uuid, language) and the
//! session token (URL fragment or sessionStorage), and what it keeps in sessionStorage.

mod page_config;
mod session_storage;
mod session_token;

pub use page_config::{PageConfig, SourceParam};
pub use session_storage::{forget, load, save};
pub use session_token::{forget_session, intake_session, session_from_fragment, store_session};
