//! JSON values kept in sessionStorage (this tab only, gone when it closes).

use serde::de::DeserializeOwned;
use serde::Serialize;

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Stores `value` under `key`; storage errors (quota, disabled) are ignored.
pub fn save<T: Serialize>(key: &str, value: &T) {
    #[cfg(target_arch = "wasm32")]
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(value)) {
        let _ = s.set_item(key, &json);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, value);
}

/// The value under `key`, if there is one of that shape.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    #[cfg(target_arch = "wasm32")]
    {
        let json = storage()?.get_item(key).ok().flatten()?;
        serde_json::from_str(&json).ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

pub fn forget(key: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = key;
}
