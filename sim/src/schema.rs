//! The `"schema"` object the node adds to replies: a map from JSON paths to the Java class of the
//! object at that path, built by RestServer's `JsonSchemaBuilder`. Query replies always carry it;
//! any other 200 reply carries it when the request had the `X-JSON-Schema` header (RestServer
//! checks the header's presence, whatever its value; the Java SDK always sends `true`). Errors
//! (503 `{"error"}`), 202s and plain-text answers never do.
//!
//! Like `JsonSchemaBuilder`, every `org.zstack` object is recorded, nested ones included
//! (`inventories[0].modelServiceImages[1]`), lists indexed as `name[i]`, paths joined with `.`;
//! values of JDK types (strings, numbers, lists of strings, dates) are not. Only
//! `org.zstack.ai.entity.ModelServiceInventory` was seen on a node (the Java SDK run); the other
//! class names are the simulator's best guess from ZStack's public sources. Clients must not
//! depend on them.

use axum::http::HeaderMap;
use serde_json::{Map, Value};

/// The request header that asks for a schema in every reply.
pub const HEADER: &str = "x-json-schema";

/// Whether the request asked for a schema (the header is present).
pub fn requested(headers: &HeaderMap) -> bool {
    headers.contains_key(HEADER)
}

/// The kind of object found under `inventory` / `inventories` (and, for model services, the
/// kinds of their nested objects).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    ModelService,
    ModelServiceImage,
    ModelServiceRef,
    Session,
    Account,
    Image,
    Tag,
    ModelCenter,
    /// A PCI device spec; GPU specs (type `GPU_*`) are `GpuDeviceSpecInventory`.
    PciDeviceSpec,
}

impl Kind {
    /// The Java class name of an object of this kind.
    pub fn class_name(self, object: &Value) -> &'static str {
        match self {
            Kind::ModelService => "org.zstack.ai.entity.ModelServiceInventory",
            Kind::ModelServiceImage => "org.zstack.ai.entity.ModelServiceTemplateInventory",
            Kind::ModelServiceRef => "org.zstack.ai.entity.ModelServiceRefInventory",
            Kind::Session => "org.zstack.header.identity.SessionInventory",
            Kind::Account => "org.zstack.header.identity.AccountInventory",
            Kind::Image => "org.zstack.header.image.ImageInventory",
            Kind::Tag => "org.zstack.header.tag.TagPatternInventory",
            Kind::ModelCenter => "org.zstack.ai.entity.ModelCenterInventory",
            Kind::PciDeviceSpec => {
                let is_gpu = object
                    .get("type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| t.starts_with("GPU_"));
                if is_gpu {
                    "org.zstack.pciDevice.specification.gpu.GpuDeviceSpecInventory"
                } else {
                    "org.zstack.pciDevice.specification.pci.PciDeviceSpecInventory"
                }
            }
        }
    }

    /// Fields holding lists of nested `org.zstack` objects, with their kind.
    fn children(self) -> &'static [(&'static str, Kind)] {
        match self {
            Kind::ModelService => &[
                ("modelServiceImages", Kind::ModelServiceImage),
                ("modelServiceRefs", Kind::ModelServiceRef),
            ],
            _ => &[],
        }
    }
}

/// The schema of a reply body whose `inventory` / `inventories` hold objects of `kind`.
pub fn of(body: &Value, kind: Kind) -> Map<String, Value> {
    let mut schema = Map::new();
    if let Value::Object(map) = body {
        if let Some(inventory @ Value::Object(_)) = map.get("inventory") {
            record(&mut schema, "inventory".to_string(), inventory, kind);
        }
        if let Some(Value::Array(items)) = map.get("inventories") {
            for (index, item) in items.iter().enumerate() {
                if item.is_object() {
                    record(&mut schema, format!("inventories[{index}]"), item, kind);
                }
            }
        }
    }
    schema
}

/// Adds `"schema"` to a JSON object body (other bodies are left alone).
pub fn add(body: &mut Value, kind: Kind) {
    let schema = of(body, kind);
    if let Value::Object(map) = body {
        map.insert("schema".to_string(), Value::Object(schema));
    }
}

fn record(schema: &mut Map<String, Value>, path: String, object: &Value, kind: Kind) {
    for (field, child) in kind.children() {
        if let Some(Value::Array(items)) = object.get(*field) {
            for (index, item) in items.iter().enumerate() {
                if item.is_object() {
                    record(schema, format!("{path}.{field}[{index}]"), item, *child);
                }
            }
        }
    }
    schema.insert(path, Value::String(kind.class_name(object).to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_objects_get_their_own_paths_and_jdk_values_none() {
        let body = json!({"inventories": [
            {"uuid": "a", "modelServiceImages": [{"uuid": "i"}, {"uuid": "j"}], "modelServiceRefs": [],
             "cpuArchitectures": ["x86_64"], "vendorToSpecUuidsMap": {"NVIDIA": ["s"]}},
            {"uuid": "b"}
        ], "total": 2});
        assert_eq!(
            Value::Object(of(&body, Kind::ModelService)),
            json!({
                "inventories[0]": "org.zstack.ai.entity.ModelServiceInventory",
                "inventories[0].modelServiceImages[0]": "org.zstack.ai.entity.ModelServiceTemplateInventory",
                "inventories[0].modelServiceImages[1]": "org.zstack.ai.entity.ModelServiceTemplateInventory",
                "inventories[1]": "org.zstack.ai.entity.ModelServiceInventory",
            })
        );
    }

    #[test]
    fn add_puts_an_empty_schema_on_bodies_without_inventories() {
        let mut body = json!({"valid": true});
        add(&mut body, Kind::Session);
        assert_eq!(body, json!({"valid": true, "schema": {}}));
        let mut text = json!("not an object");
        add(&mut text, Kind::Session);
        assert_eq!(text, json!("not an object"));
    }

    #[test]
    fn gpu_specs_and_other_pci_specs_have_different_classes() {
        let body = json!({"inventories": [{"type": "GPU_3D_Controller"}, {"type": "Ethernet_Controller"}]});
        let schema = of(&body, Kind::PciDeviceSpec);
        assert!(schema["inventories[0]"]
            .as_str()
            .unwrap()
            .ends_with(".GpuDeviceSpecInventory"));
        assert!(schema["inventories[1]"]
            .as_str()
            .unwrap()
            .ends_with(".PciDeviceSpecInventory"));
    }
}
