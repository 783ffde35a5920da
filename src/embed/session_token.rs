//! The session token: from the URL fragment (`#session=<uuid>`, read once and removed from
//! the address bar), else from sessionStorage. Never in localStorage.

use super::session_storage::{forget, load, save};

const KEY: &str = "cms.session";

/// The session value of a fragment like `#session=<uuid>&x=y`.
pub fn session_from_fragment(fragment: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix("session="))
        .map(str::trim)
        .filter(|s| !s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map(str::to_owned)
}

/// Takes the token from the fragment (removing it from the address bar) or sessionStorage.
pub fn intake_session() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let window = web_sys::window()?;
        let location = window.location();
        let hash = location.hash().unwrap_or_default();
        if let Some(token) = session_from_fragment(&hash) {
            store_session(&token);
            let clean = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            if let Ok(history) = window.history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
            }
            return Some(token);
        }
    }
    load::<String>(KEY)
}

pub fn store_session(token: &str) {
    save(KEY, &token);
}

pub fn forget_session() {
    forget(KEY);
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(session_from_fragment(""), None);
    }
}
