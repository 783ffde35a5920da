//! A list in which no two items have the same key: how the form keys everything the views
//! render with `<For>` (architecture and GPU vendor rows through [`super::Rows`], the draft's
//! tag and GPU spec uuids, the pickers' choices).
//!
//! Keys are unique by construction: every way in (adding, collecting, reading JSON) keeps the
//! first item of a key and drops any later one, and no item is handed out mutably as a whole,
//! so no key can be changed in place. A repeated value from outside (a tampered kept draft, a
//! node that lists a tag twice) can never give the renderer two items with one key.

use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An item that names its key.
pub trait Keyed {
    type Key: PartialEq + ?Sized;
    fn key(&self) -> &Self::Key;
}

/// A uuid is its own key.
impl Keyed for String {
    type Key = str;
    fn key(&self) -> &str {
        self
    }
}

/// A pair is keyed by its first part; the second is what the key stands for.
impl<K: PartialEq, V> Keyed for (K, V) {
    type Key = K;
    fn key(&self) -> &K {
        &self.0
    }
}

/// Items in order, each key once. Reads as a slice; JSON is the list of items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyedList<T> {
    items: Vec<T>,
}

impl<T> Default for KeyedList<T> {
    fn default() -> Self {
        KeyedList { items: Vec::new() }
    }
}

impl<T: Keyed> KeyedList<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn position(&self, key: &T::Key) -> Option<usize> {
        self.items.iter().position(|item| item.key() == key)
    }

    pub fn contains_key(&self, key: &T::Key) -> bool {
        self.position(key).is_some()
    }

    /// The item of `key` (not `get`, which as on any slice takes a place).
    pub fn by_key(&self, key: &T::Key) -> Option<&T> {
        self.items.iter().find(|item| item.key() == key)
    }

    /// Appends `item` unless the list has its key already (then nothing changes); whether it
    /// was added.
    pub fn insert(&mut self, item: T) -> bool {
        let new = !self.contains_key(item.key());
        if new {
            self.items.push(item);
        }
        new
    }

    /// Removes the item of `key`; the others keep their order.
    pub fn remove(&mut self, key: &T::Key) -> Option<T> {
        let index = self.position(key)?;
        Some(self.items.remove(index))
    }

    /// A checkbox's effect on its list: `item` added at the end (`on`, if not there yet) or
    /// the item of its key removed.
    pub fn set_member(&mut self, item: T, on: bool) {
        if on {
            self.insert(item);
        } else {
            self.remove(item.key());
        }
    }

    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.items.retain(keep);
    }
}

impl<K: PartialEq, V> KeyedList<(K, V)> {
    /// What `key` stands for, to change; the key itself stays.
    pub fn value_mut(&mut self, key: &K) -> Option<&mut V> {
        self.items
            .iter_mut()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.items.iter_mut().map(|(_, v)| v)
    }
}

impl<T> Deref for KeyedList<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items
    }
}

/// The first item of each key, in order.
impl<T: Keyed> FromIterator<T> for KeyedList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut list = KeyedList::new();
        list.extend(items);
        list
    }
}

/// Each item whose key the list does not have yet, in order.
impl<T: Keyed> Extend<T> for KeyedList<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.insert(item);
        }
    }
}

impl<T> IntoIterator for KeyedList<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a KeyedList<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T: Serialize> Serialize for KeyedList<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.items.serialize(serializer)
    }
}

/// A JSON list; a repeated key keeps its first item.
impl<'de, T: Keyed + Deserialize<'de>> Deserialize<'de> for KeyedList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<T>::deserialize(deserializer)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uuids(items: &[&str]) -> KeyedList<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_repeated_key_keeps_its_first_item_on_every_way_in() {
        let mut list = uuids(&["a", "b", "a"]);
        assert_eq!(*list, ["a", "b"]);
        assert!(!list.insert("b".into()));
        list.extend(["c".to_string(), "a".to_string(), "c".to_string()]);
        assert_eq!(*list, ["a", "b", "c"]);
        let pairs: KeyedList<(u32, &str)> = [(1, "first"), (2, "x"), (1, "second")]
            .into_iter()
            .collect();
        assert_eq!(pairs.by_key(&1), Some(&(1, "first")));
        assert_eq!(pairs.get(1), Some(&(2, "x")), "a slice by place");
        assert_eq!(pairs.len(), 2);
        let read: KeyedList<String> = serde_json::from_str(r#"["p", "p", "q", "p"]"#).unwrap();
        assert_eq!(*read, ["p", "q"]);
        assert_eq!(serde_json::to_string(&read).unwrap(), r#"["p","q"]"#);
    }

    #[test]
    fn members_are_checked_once_at_the_end_and_unchecked_in_place() {
        let mut list = uuids(&["a", "b"]);
        list.set_member("c".into(), true);
        list.set_member("a".into(), true);
        assert_eq!(*list, ["a", "b", "c"]);
        list.set_member("b".into(), false);
        list.set_member("z".into(), false);
        assert_eq!(*list, ["a", "c"]);
        assert_eq!(list.position("c"), Some(1));
        assert_eq!(list.remove("a"), Some("a".to_string()));
        assert_eq!(list.remove("a"), None);
        list.retain(|u| u != "c");
        assert!(list.is_empty());
    }

    #[test]
    fn values_change_under_their_keys() {
        let mut list: KeyedList<(u32, String)> = [(1, "a".to_string()), (2, "b".to_string())]
            .into_iter()
            .collect();
        list.value_mut(&2).unwrap().push('!');
        assert!(list.value_mut(&3).is_none());
        for v in list.values_mut() {
            v.push('.');
        }
        assert_eq!(*list, [(1, "a.".to_string()), (2, "b!.".to_string())]);
    }

    #[test]
    fn a_list_of_another_shape_is_an_error_not_a_list() {
        assert!(serde_json::from_str::<KeyedList<String>>(r#"{"a": 1}"#).is_err());
        assert!(serde_json::from_str::<KeyedList<String>>("[1, 2]").is_err());
    }
}
