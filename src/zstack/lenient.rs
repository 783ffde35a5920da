//! Deserializers that accept what ZStack really sends: `null` where a list or map is expected.

use serde::{Deserialize, Deserializer};

/// Deserializes `null` (or a missing field, with `#[serde(default)]`) as the type's default.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}
