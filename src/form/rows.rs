//! Rows the user adds and removes (architecture rows, GPU vendor rows): a [`KeyedList`] of
//! `(RowId, row)` whose keys the list hands out itself. The views key the rows' `<For>` by
//! them, so a row keeps its nodes and its shown problems while others come and go.
//!
//! A key lives as long as the page: a kept draft's rows are their contents in order, and rows
//! read back get new keys, so no stored key can repeat one (a draft kept by an earlier
//! version, whose rows carried an `id`, reads the same way: the `id` is not read).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::keyed_list::KeyedList;

/// A row's key: handed out by its list, never reused within it, unchanged when other rows
/// are added or removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct RowId(pub u32);

/// Rows in order, each with its own key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rows<T> {
    list: KeyedList<(RowId, T)>,
    /// The next key to hand out: above every key handed out so far.
    next: u32,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows {
            list: KeyedList::new(),
            next: 0,
        }
    }
}

impl<T> Rows<T> {
    /// Appends a row under a new key, and returns the key.
    pub fn push(&mut self, row: T) -> RowId {
        let id = RowId(self.next);
        self.next += 1;
        self.list.insert((id, row));
        id
    }

    /// Removes a row; the others keep their keys and order.
    pub fn remove(&mut self, id: RowId) -> Option<T> {
        self.list.remove(&id).map(|(_, row)| row)
    }

    /// Every row replaced by `rows`, under new keys (a list typed anew as text).
    pub fn replace_all(&mut self, rows: impl IntoIterator<Item = T>) {
        self.list = KeyedList::new();
        for row in rows {
            self.push(row);
        }
    }

    pub fn get(&self, id: RowId) -> Option<&T> {
        self.list.by_key(&id).map(|(_, row)| row)
    }

    pub fn get_mut(&mut self, id: RowId) -> Option<&mut T> {
        self.list.value_mut(&id)
    }

    /// The row's place, from 0 (the `<i>` of its control names).
    pub fn position(&self, id: RowId) -> Option<usize> {
        self.list.position(&id)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn ids(&self) -> impl Iterator<Item = RowId> + '_ {
        self.list.iter().map(|(id, _)| *id)
    }

    pub fn iter(&self) -> impl Iterator<Item = (RowId, &T)> {
        self.list.iter().map(|(id, row)| (*id, row))
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.list.iter().map(|(_, row)| row)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.list.values_mut()
    }
}

/// The rows in order, under keys from 0.
impl<T> FromIterator<T> for Rows<T> {
    fn from_iter<I: IntoIterator<Item = T>>(rows: I) -> Self {
        let mut out = Rows::default();
        out.replace_all(rows);
        out
    }
}

/// The rows' contents in order, without their keys.
impl<T: Serialize> Serialize for Rows<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.values())
    }
}

/// A JSON list of rows, each under a new key.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Rows<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<T>::deserialize(deserializer)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stay_with_their_rows_and_are_never_reused() {
        let mut rows = Rows::default();
        let a = rows.push("a");
        let b = rows.push("b");
        let c = rows.push("c");
        assert_eq!(rows.position(c), Some(2));
        assert_eq!(rows.remove(b), Some("b"));
        assert_eq!(rows.remove(b), None);
        assert_eq!(rows.position(c), Some(1), "later rows move up");
        assert_eq!(rows.get(c), Some(&"c"), "and keep their keys");
        let d = rows.push("d");
        assert!(
            ![a, b, c].contains(&d),
            "a removed row's key is not handed out again"
        );
        rows.remove(d);
        assert!(
            ![a, b, c, d].contains(&rows.push("e")),
            "not even the last one's"
        );
        *rows.get_mut(a).unwrap() = "A";
        assert_eq!(rows.values().copied().collect::<Vec<_>>(), ["A", "c", "e"]);
        assert!(rows.get_mut(b).is_none());
    }

    #[test]
    fn rows_replaced_as_a_whole_get_new_keys() {
        let mut rows: Rows<&str> = ["a", "b"].into_iter().collect();
        let old: Vec<RowId> = rows.ids().collect();
        assert_eq!(old, [RowId(0), RowId(1)]);
        rows.replace_all(["x", "y", "z"]);
        assert_eq!(rows.len(), 3);
        assert!(rows.ids().all(|id| !old.contains(&id)));
        rows.replace_all([]);
        assert!(rows.is_empty());
    }

    #[test]
    fn json_is_the_contents_and_reading_it_keys_the_rows_anew() {
        let mut rows: Rows<String> = Rows::default();
        for text in ["a", "b", "c"] {
            rows.push(text.into());
        }
        rows.remove(RowId(0));
        let json = serde_json::to_string(&rows).unwrap();
        assert_eq!(json, r#"["b","c"]"#);
        let read: Rows<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(
            read.iter().collect::<Vec<_>>(),
            [(RowId(0), &"b".to_string()), (RowId(1), &"c".to_string())]
        );
        let mut read = read;
        assert_eq!(read.push("d".into()), RowId(2), "after every key read");
    }
}
