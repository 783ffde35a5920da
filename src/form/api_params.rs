//! Parameters handed in by API name with API types (a portal's `open {params}`:
//! `{"name": "x", "requestCpu": 3}`), pre-filled into the draft over the source so that they
//! show as changes. All or nothing: one unknown name or wrong type and the draft is left as it
//! was (the caller ignores the whole message).

use serde_json::{Map, Value};

use super::architecture::ArchitectureRow;
use super::draft::{Draft, VendorSpecs};
use super::field::{Field, Kind, Special};

/// Why parameters were refused: the first one that is unknown or of the wrong type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadParam(pub String);

impl Draft {
    /// Sets every given parameter, or none.
    pub fn apply_api_params(&mut self, params: &Map<String, Value>) -> Result<(), BadParam> {
        let mut out = self.clone();
        for (name, value) in params {
            let bad = || BadParam(name.clone());
            let field = Field::ALL
                .into_iter()
                .find(|f| f.api_name() == name)
                .ok_or_else(bad)?;
            match field.kind() {
                Kind::Text => {
                    *out.text_mut(field).ok_or_else(bad)? = string(value).ok_or_else(bad)?
                }
                Kind::Long | Kind::Integer => {
                    // Exact integers only (no 1.5, no 1e3): serde_json keeps them as i64/u64.
                    let n = value.as_i64().ok_or_else(bad)?;
                    *out.text_mut(field).ok_or_else(bad)? = n.to_string();
                }
                Kind::Boolean => {
                    *out.flag_mut(field).ok_or_else(bad)? = value.as_bool().ok_or_else(bad)?
                }
                Kind::List | Kind::TopList => {
                    let items = strings(value).ok_or_else(bad)?;
                    if !out.set_list(field, items) {
                        return Err(bad());
                    }
                }
                Kind::Special(Special::ResourceUuid) => {
                    out.resource_uuid = string(value).ok_or_else(bad)?
                }
                Kind::Special(Special::ArchitectureImages) => {
                    set_rows(&mut out, value).ok_or_else(bad)?
                }
                Kind::Special(Special::VendorToSpecUuidsMap) => {
                    let map = value.as_object().ok_or_else(bad)?;
                    let mut vendors = Vec::new();
                    for (vendor, specs) in map {
                        vendors.push(VendorSpecs {
                            vendor: vendor.clone(),
                            spec_uuids: strings(specs).ok_or_else(bad)?.into_iter().collect(),
                        });
                    }
                    out.vendor_specs.replace_all(vendors);
                }
                // The URL's uuid is the source itself; cpuArchitectures follow the rows.
                Kind::Url | Kind::Special(Special::CpuArchitectures) => return Err(bad()),
            }
        }
        *self = out;
        Ok(())
    }
}

fn string(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

fn strings(value: &Value) -> Option<Vec<String>> {
    value.as_array()?.iter().map(string).collect()
}

/// `architectureImages`: `[{"cpuArchitecture", "vmImageUuid"?, "dockerImage"?}]` replaces the
/// rows.
fn set_rows(draft: &mut Draft, value: &Value) -> Option<()> {
    let entries = value.as_array()?;
    let mut rows = Vec::new();
    for entry in entries {
        let entry = entry.as_object()?;
        let text = |key: &str| match entry.get(key) {
            None | Some(Value::Null) => Some(String::new()),
            Some(v) => string(v),
        };
        if entry.keys().any(|k| {
            !matches!(
                k.as_str(),
                "cpuArchitecture" | "vmImageUuid" | "dockerImage"
            )
        }) {
            return None;
        }
        rows.push((
            text("cpuArchitecture")?.to_ascii_lowercase(),
            text("vmImageUuid")?,
            text("dockerImage")?,
        ));
    }
    draft.architecture_rows.replace_all(rows.into_iter().map(
        |(cpu_architecture, vm_image_uuid, docker_image)| ArchitectureRow {
            cpu_architecture,
            vm_image_uuid,
            docker_image,
        },
    ));
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn params(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn every_kind_of_parameter_is_set() {
        let mut d = Draft::default();
        d.apply_api_params(&params(json!({
            "name": "x", "requestCpu": 3, "size": 9223372036854775807i64, "system": true,
            "tagUuids": ["a"], "systemTags": ["k::v"], "resourceUuid": "90d425a802ff44eeb530f21587633700",
            "architectureImages": [{"cpuArchitecture": "AARCH64", "vmImageUuid": "u"}],
            "vendorToSpecUuidsMap": {"NVIDIA": ["s"]}
        })))
        .unwrap();
        assert_eq!(d.name, "x");
        assert_eq!(d.request_cpu, "3");
        assert_eq!(d.size, "9223372036854775807");
        assert!(d.system);
        assert_eq!(*d.tag_uuids, ["a"]);
        assert_eq!(d.system_tags, ["k::v"]);
        assert_eq!(d.resource_uuid, "90d425a802ff44eeb530f21587633700");
        assert_eq!(d.architecture_rows.len(), 1);
        let row = d.architecture_rows.values().next().unwrap();
        assert_eq!(row.cpu_architecture, "aarch64");
        assert_eq!(d.vendor_specs.values().next().unwrap().vendor, "NVIDIA");
    }

    #[test]
    fn one_bad_parameter_changes_nothing() {
        for bad in [
            json!({"name": 5}),
            json!({"name": "ok", "requestCpu": 1.5}),
            json!({"requestCpu": "3"}),
            json!({"size": 9223372036854775808u64}),
            json!({"system": "true"}),
            json!({"tagUuids": "a"}),
            json!({"tagUuids": [1]}),
            json!({"unknown": 1}),
            json!({"uuid": "d76744cb53f9478abf42b907df3efb6e"}),
            json!({"cpuArchitectures": ["X86_64"]}),
            json!({"architectureImages": [{"cpuArchitecture": "x86_64", "other": 1}]}),
            json!({"vendorToSpecUuidsMap": {"NVIDIA": "s"}}),
        ] {
            let mut d = Draft {
                name: "before".into(),
                ..Draft::default()
            };
            let before = d.clone();
            assert!(d.apply_api_params(&params(bad.clone())).is_err(), "{bad}");
            assert_eq!(d, before, "{bad}");
        }
    }
}
