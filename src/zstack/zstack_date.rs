//! ZStack dates, kept as sent. The management node writes `Nov 25, 2025 11:51:50 AM` (Java's
//! default, the node's local time, no zone); proxies and newer servers may send ISO-like text or
//! epoch milliseconds. The dialog only shows dates, so the text is kept and nothing is parsed:
//! a date never fails an inventory.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date as ZStack sent it (a number kept as its decimal text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZStackDate {
    pub raw: String,
}

impl Serialize for ZStackDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for ZStackDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Other(serde_json::Value),
        }
        Ok(ZStackDate {
            raw: match Raw::deserialize(d)? {
                Raw::Text(s) => s,
                Raw::Other(v) => v.to_string(),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_shape_is_kept_as_its_text_and_written_back_as_sent() {
        for (json, raw) in [
            (r#""Nov 25, 2025 11:51:50 AM""#, "Nov 25, 2025 11:51:50 AM"),
            (r#""2025-11-25T11:51:50.123Z""#, "2025-11-25T11:51:50.123Z"),
            ("1764071510000", "1764071510000"),
            ("null", "null"),
            (r#""yesterday""#, "yesterday"),
        ] {
            let d: ZStackDate = serde_json::from_str(json).unwrap();
            assert_eq!(d.raw, raw, "{json}");
        }
        let d = ZStackDate {
            raw: "Nov 25, 2025 11:51:50 AM".into(),
        };
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#""Nov 25, 2025 11:51:50 AM""#
        );
    }
}
