//! The session token: from the URL fragment (`#session=<uuid>`, read once and removed from
//! the address bar, whatever else the address holds), else from the tab's store. Never in
//! localStorage, never in a URL the app makes.

use super::store::{StorageError, Store};

/// Where the tab's store keeps the session (boot.js reads it there too: tests/boot_script.rs).
pub const SESSION_KEY: &str = "cms.session";
/// The account the stored session belongs to, when a login here said it (a session from a link
/// or a host comes without one).
const ACCOUNT_KEY: &str = "cms.session.account";

/// Whether `s` can be a session: letters and digits only, 1 to 128 of them (anything else,
/// wherever it comes from, is not a session and is never sent).
pub fn is_session_token(s: &str) -> bool {
    !s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The session value of a fragment like `#session=<uuid>&x=y`.
pub fn session_from_fragment(fragment: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix("session="))
        .map(str::trim)
        .filter(|s| is_session_token(s))
        .map(str::to_owned)
}

/// Removes a `session=` part from the address bar's fragment (valid or not), keeping the rest.
#[cfg(target_arch = "wasm32")]
fn strip_fragment_token(window: &web_sys::Window) -> Option<String> {
    let location = window.location();
    let hash = location.hash().unwrap_or_default();
    if !hash.contains("session=") {
        return None;
    }
    let token = session_from_fragment(&hash);
    let rest: Vec<&str> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|pair| !pair.starts_with("session=") && !pair.is_empty())
        .collect();
    let fragment = if rest.is_empty() {
        String::new()
    } else {
        format!("#{}", rest.join("&"))
    };
    let clean = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        fragment
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    token
}

/// Takes the token out of the address bar (always, so it never stays there or in the
/// history), else from the store.
pub fn intake_session(store: &Store) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        if let Some(token) = strip_fragment_token(&window) {
            // Another session: whatever account the stored one had is not this one's.
            store.forget(ACCOUNT_KEY);
            let _ = store_session(store, &token);
            return Some(token);
        }
    }
    store
        .load::<String>(SESSION_KEY)
        .filter(|t| is_session_token(t))
}

pub fn store_session(store: &Store, token: &str) -> Result<(), StorageError> {
    store.save(SESSION_KEY, &token)
}

pub fn forget_session(store: &Store) {
    store.forget(SESSION_KEY);
    store.forget(ACCOUNT_KEY);
}

/// Keeps the account uuid of the stored session (after a login).
pub fn store_session_account(store: &Store, account_uuid: &str) -> Result<(), StorageError> {
    store.save(ACCOUNT_KEY, &account_uuid)
}

/// The account uuid of the stored session, if a login here said it.
pub fn session_account(store: &Store) -> Option<String> {
    store
        .load::<String>(ACCOUNT_KEY)
        .filter(|uuid| crate::zstack::is_zstack_uuid(uuid))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::MemoryStore;

    #[test]
    fn reads_the_fragment() {
        assert_eq!(
            session_from_fragment("#session=0123abcd&lang=en").as_deref(),
            Some("0123abcd")
        );
        assert_eq!(
            session_from_fragment("#x=1&session=ab12").as_deref(),
            Some("ab12")
        );
        assert_eq!(session_from_fragment("#session="), None);
        assert_eq!(session_from_fragment("#session=a%22b"), None);
        assert_eq!(session_from_fragment("#session=<script>"), None);
        assert_eq!(
            session_from_fragment(&format!("#session={}", "a".repeat(129))),
            None
        );
        assert_eq!(session_from_fragment(""), None);
    }

    #[test]
    fn a_stored_token_of_another_shape_is_not_used() {
        let store = Store::new(MemoryStore::default());
        store_session(&store, "0123abcd").unwrap();
        assert_eq!(intake_session(&store).as_deref(), Some("0123abcd"));
        store.save(SESSION_KEY, &"a\"b").unwrap();
        assert_eq!(intake_session(&store), None);
        forget_session(&store);
        assert_eq!(intake_session(&store), None);
    }

    #[test]
    fn the_account_goes_with_the_session() {
        let store = Store::new(MemoryStore::default());
        store_session(&store, "0123abcd").unwrap();
        store_session_account(&store, "36c27e8ff05c4780bf6d2fa65700f22e").unwrap();
        assert_eq!(
            session_account(&store).as_deref(),
            Some("36c27e8ff05c4780bf6d2fa65700f22e")
        );
        store.save(ACCOUNT_KEY, &"<b>").unwrap();
        assert_eq!(session_account(&store), None);
        store_session_account(&store, "36c27e8ff05c4780bf6d2fa65700f22e").unwrap();
        forget_session(&store);
        assert_eq!(session_account(&store), None);
    }
}
