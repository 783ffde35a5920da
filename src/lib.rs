//! clone-model-service: clone a ZStack AI model service from the browser.
//!
//! Layers, data flowing one way:
//! - [`zstack`]: the wire protocol (pure, native-tested).
//! - [`client`]: HTTP to the ZStack REST API (login, queries, clone as a job).
//! - [`form`]: pure form state (draft, validation, diff, request building).
//! - [`ui`]: Leptos components that render state and send intents.
//! - [`embed`]: runtime configuration, the session token, sessionStorage.
//! - [`i18n`]: English and Simplified Chinese texts.

pub mod client;
pub mod embed;
pub mod form;
pub mod i18n;
pub mod ui;
pub mod zstack;
