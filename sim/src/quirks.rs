//! Switches for the real management node's rough edges. Off by default: the simulator then
//! answers the contract's clean shapes; each quirk turned on makes it answer like a node does
//! (or may). Set at start-up (`--quirk NAME` / `--quirks a,b`, [`crate::SimOptions::quirks`]) and
//! at run time through the control API (`GET`/`PUT /__sim/quirks`); `POST /__sim/reset` goes back
//! to the start-up set. A quirk acts on the answers sent while it is on.
//!
//! ```
//! use zstack_sim::{Quirk, Quirks};
//! let quirks = Quirks::from([Quirk::EmptyJobResult, Quirk::NoContentType]);
//! assert!(quirks.contains(Quirk::NoContentType));
//! assert_eq!(Quirks::parse_list("emptyJobResult,noContentType").unwrap(), quirks);
//! assert_eq!(Quirks::all().len(), Quirk::ALL.len());
//! ```

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One quirk of the real node. The JSON / CLI name is the camelCase form (`emptyJobResult`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Quirk {
    /// A successful job answers 200 `{}` instead of `{"inventory": ...}` (the published Java SDK's
    /// `CloneModelServiceResult` has no fields); `{"schema": {}}` when the poll asks for a schema.
    EmptyJobResult,
    /// Every 202 has an empty body: the clone POST gives no `location` (the client must poll
    /// `/api-jobs/<its X-Job-UUID>`), and a running job's poll answers an empty 202, not `{}`.
    EmptyAcceptedBody,
    /// No reply under `/zstack` has a `Content-Type` header (RestServer writes bodies without one).
    NoContentType,
    /// Every ErrorCode in a 503 `{"error": ...}` has every field a newer node may send:
    /// `elaboration`, `location`, `cost`, `opaque`, `globalErrorCode`, `message`, `causes`,
    /// `category`, `messageKey`, `params`, `localizedMessage`, `retryable`, `httpStatus`,
    /// `formatArgs`, and an explicit `"cause": null` at the end of the chain.
    FullErrorCodes,
    /// A wrong method on a known path is 405 with a plain-text body, RestServer's words:
    /// `The method[PATCH] is not allowed for the path[/zstack/v1/...]`, and for `/api-jobs`
    /// `only GET method is allowed for querying job status` (without it: an empty 405).
    PlainText405,
}

impl Quirk {
    pub const ALL: [Quirk; 5] = [
        Quirk::EmptyJobResult,
        Quirk::EmptyAcceptedBody,
        Quirk::NoContentType,
        Quirk::FullErrorCodes,
        Quirk::PlainText405,
    ];

    /// The camelCase name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Quirk::EmptyJobResult => "emptyJobResult",
            Quirk::EmptyAcceptedBody => "emptyAcceptedBody",
            Quirk::NoContentType => "noContentType",
            Quirk::FullErrorCodes => "fullErrorCodes",
            Quirk::PlainText405 => "plainText405",
        }
    }

    fn known_names() -> String {
        Quirk::ALL.map(Quirk::name).join(", ")
    }
}

impl fmt::Display for Quirk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Quirk {
    type Err = String;

    fn from_str(text: &str) -> Result<Quirk, String> {
        let text = text.trim();
        Quirk::ALL
            .into_iter()
            .find(|q| q.name() == text)
            .ok_or_else(|| {
                format!(
                    "unknown quirk [{text}]; known quirks: {}",
                    Quirk::known_names()
                )
            })
    }
}

/// A set of quirks; `Default` is none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quirks(BTreeSet<Quirk>);

impl Quirks {
    pub fn none() -> Quirks {
        Quirks::default()
    }

    pub fn all() -> Quirks {
        Quirk::ALL.into_iter().collect()
    }

    pub fn contains(&self, quirk: Quirk) -> bool {
        self.0.contains(&quirk)
    }

    /// This set plus `quirk`.
    pub fn with(mut self, quirk: Quirk) -> Quirks {
        self.0.insert(quirk);
        self
    }

    /// This set without `quirk`.
    pub fn without(mut self, quirk: Quirk) -> Quirks {
        self.0.remove(&quirk);
        self
    }

    pub fn iter(&self) -> impl Iterator<Item = Quirk> + '_ {
        self.0.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `"a,b"` (the `--quirks` flag); `all` names every quirk, `none` and empty parts nothing.
    pub fn parse_list(text: &str) -> Result<Quirks, String> {
        let mut quirks = Quirks::none();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "all" => quirks = Quirks::all(),
                "none" => {}
                name => quirks = quirks.with(name.parse()?),
            }
        }
        Ok(quirks)
    }

    /// The body of `PUT /__sim/quirks`: a list of names (`["noContentType"]`, `"all"` allowed),
    /// or an object of booleans (`{"noContentType": true, "emptyJobResult": false}`, as
    /// `GET /__sim/quirks` answers). Either form *replaces* the whole set: what is not named (or is
    /// `false`) is off.
    pub fn from_json(value: &Value) -> Result<Quirks, String> {
        Quirks::from_json_inner(value).map_err(|e| {
            if e.contains("known quirks") {
                e
            } else {
                format!("{e}; known quirks: {}", Quirk::known_names())
            }
        })
    }

    fn from_json_inner(value: &Value) -> Result<Quirks, String> {
        match value {
            Value::Array(items) => {
                let mut quirks = Quirks::none();
                for item in items {
                    let name = item
                        .as_str()
                        .ok_or_else(|| format!("a quirk name must be a string, not {item}"))?;
                    quirks = if name == "all" {
                        Quirks::all()
                    } else {
                        quirks.with(name.parse()?)
                    };
                }
                Ok(quirks)
            }
            Value::Object(map) => {
                let mut quirks = Quirks::none();
                for (name, on) in map {
                    let quirk: Quirk = name.parse()?;
                    match on {
                        Value::Bool(true) => quirks = quirks.with(quirk),
                        Value::Bool(false) => {}
                        other => {
                            return Err(format!(
                                "quirk [{name}] must be true or false, not {other}"
                            ))
                        }
                    }
                }
                Ok(quirks)
            }
            other => Err(format!(
                "expected a list of quirk names or an object of booleans, not {other}"
            )),
        }
    }

    /// Every known quirk with whether it is on: `{"emptyAcceptedBody": false, ...}`.
    pub fn to_json(&self) -> Value {
        let map: Map<String, Value> = Quirk::ALL
            .into_iter()
            .map(|q| (q.name().to_string(), Value::Bool(self.contains(q))))
            .collect();
        Value::Object(map)
    }
}

impl FromIterator<Quirk> for Quirks {
    fn from_iter<I: IntoIterator<Item = Quirk>>(iter: I) -> Quirks {
        Quirks(iter.into_iter().collect())
    }
}

impl<const N: usize> From<[Quirk; N]> for Quirks {
    fn from(quirks: [Quirk; N]) -> Quirks {
        quirks.into_iter().collect()
    }
}

impl FromStr for Quirks {
    type Err = String;

    fn from_str(text: &str) -> Result<Quirks, String> {
        Quirks::parse_list(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_round_trip_through_serde_and_from_str() {
        for quirk in Quirk::ALL {
            assert_eq!(serde_json::to_value(quirk).unwrap(), json!(quirk.name()));
            assert_eq!(quirk.name().parse::<Quirk>(), Ok(quirk));
        }
        let error = "EmptyJobResult".parse::<Quirk>().unwrap_err();
        assert!(error.contains("emptyJobResult"), "{error}");
    }

    #[test]
    fn lists_and_objects_replace_the_set() {
        let set = Quirks::from_json(&json!(["noContentType", "fullErrorCodes"])).unwrap();
        assert_eq!(
            set,
            Quirks::from([Quirk::NoContentType, Quirk::FullErrorCodes])
        );
        let object =
            Quirks::from_json(&json!({"noContentType": true, "plainText405": false})).unwrap();
        assert_eq!(object, Quirks::from([Quirk::NoContentType]));
        assert_eq!(Quirks::from_json(&object.to_json()).unwrap(), object);
        assert_eq!(Quirks::from_json(&json!(["all"])).unwrap(), Quirks::all());
        assert_eq!(Quirks::from_json(&json!([])).unwrap(), Quirks::none());
        for bad in [
            json!(["nope"]),
            json!({"noContentType": "yes"}),
            json!(3),
            json!([1]),
        ] {
            assert!(Quirks::from_json(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_flag_list_accepts_all_none_and_spaces() {
        assert_eq!(Quirks::parse_list("all").unwrap(), Quirks::all());
        assert_eq!(Quirks::parse_list("").unwrap(), Quirks::none());
        assert_eq!(
            Quirks::parse_list(" emptyJobResult , plainText405,").unwrap(),
            Quirks::from([Quirk::EmptyJobResult, Quirk::PlainText405])
        );
        assert!(Quirks::parse_list("emptyJobResult,bogus").is_err());
    }
}
