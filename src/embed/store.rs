//! Where the page keeps what must survive a reload: JSON values under string keys, in the
//! tab's sessionStorage (this tab only, gone when it closes; never localStorage). A write
//! says whether it worked: the clone's record must never be lost silently.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// The browser refused a write (quota exceeded, storage disabled).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageError;

/// A string key-value store.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str);
}

/// A store of JSON values over any [`KeyValue`].
#[derive(Clone)]
pub struct Store(Rc<dyn KeyValue>);

impl Store {
    pub fn new(backend: impl KeyValue + 'static) -> Store {
        Store(Rc::new(backend))
    }

    /// The tab's sessionStorage.
    #[cfg(target_arch = "wasm32")]
    pub fn session_storage() -> Store {
        Store::new(SessionStorage)
    }

    /// The value under `key`, if there is one of that shape.
    pub fn load<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        serde_json::from_str(&self.0.get(key)?).ok()
    }

    pub fn save<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StorageError> {
        let json = serde_json::to_string(value).map_err(|_| StorageError)?;
        self.0.set(key, &json)
    }

    pub fn forget(&self, key: &str) {
        self.0.remove(key);
    }

    /// The raw text under `key` (what a test or a tampering user put there).
    pub fn raw(&self, key: &str) -> Option<String> {
        self.0.get(key)
    }
}

#[cfg(target_arch = "wasm32")]
struct SessionStorage;

#[cfg(target_arch = "wasm32")]
impl SessionStorage {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok().flatten()
    }
}

#[cfg(target_arch = "wasm32")]
impl KeyValue for SessionStorage {
    fn get(&self, key: &str) -> Option<String> {
        Self::storage()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let storage = Self::storage().ok_or(StorageError)?;
        storage.set_item(key, value).map_err(|_| StorageError)
    }

    fn remove(&self, key: &str) {
        if let Some(s) = Self::storage() {
            let _ = s.remove_item(key);
        }
    }
}

/// A store in memory, for a host that wants nothing kept, and for tests; `refuse_writes` makes
/// it behave like a full or disabled browser storage.
#[derive(Clone, Default)]
pub struct MemoryStore {
    items: Rc<RefCell<BTreeMap<String, String>>>,
    refuse: Rc<Cell<bool>>,
}

impl MemoryStore {
    pub fn refuse_writes(&self, refuse: bool) {
        self.refuse.set(refuse);
    }

    pub fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.refuse.get() {
            return Err(StorageError);
        }
        self.items
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.items.borrow_mut().remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_refused_writes_say_so() {
        let memory = MemoryStore::default();
        let store = Store::new(memory.clone());
        store.save("a", &vec![1, 2]).unwrap();
        assert_eq!(store.load::<Vec<i32>>("a"), Some(vec![1, 2]));
        assert_eq!(store.load::<String>("a"), None, "another shape is nothing");
        memory.refuse_writes(true);
        assert_eq!(store.save("b", &1), Err(StorageError));
        assert_eq!(store.load::<i32>("b"), None);
        store.forget("a");
        assert!(memory.keys().is_empty());
    }
}
