//! The query APIs: `GET /zstack/v1/<resources>[/{uuid}]` with ZStack's query parameters.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, MethodRouter};
use serde::Serialize;
use serde_json::Value;

use crate::error_code::ErrorCode;
use crate::inventory::{
    AccountInventory, ImageInventory, ModelCenterInventory, ModelServiceInventory,
    PciDeviceSpecInventory, TagInventory,
};
use crate::query::{Condition, Operator, Query};
use crate::schema;
use crate::seed::ADMIN_ACCOUNT_TYPE;
use crate::state::{Shared, World};

use super::auth::session_uuid;
use super::reply::{api_error, json, plain};

/// The resource kinds that can be queried.
#[derive(Clone, Copy, Debug)]
pub enum Resource {
    ModelServices,
    Images,
    Tags,
    ModelCenters,
    /// `/pci-device-specs` (QueryPciDeviceSpec): every PCI spec, GPU specs among them.
    PciDeviceSpecs,
    /// `/accounts` (QueryAccount): the admin account sees every account, any other only
    /// itself (UNCONFIRMED: ZStack's rule for who sees which accounts is not in the contract).
    Accounts,
}

impl Resource {
    fn fields(self) -> &'static [&'static str] {
        match self {
            Resource::ModelServices => ModelServiceInventory::FIELDS,
            Resource::Images => ImageInventory::FIELDS,
            Resource::Tags => TagInventory::FIELDS,
            Resource::ModelCenters => ModelCenterInventory::FIELDS,
            Resource::PciDeviceSpecs => PciDeviceSpecInventory::FIELDS,
            Resource::Accounts => AccountInventory::FIELDS,
        }
    }

    fn schema_kind(self) -> schema::Kind {
        match self {
            Resource::ModelServices => schema::Kind::ModelService,
            Resource::Images => schema::Kind::Image,
            Resource::Tags => schema::Kind::Tag,
            Resource::ModelCenters => schema::Kind::ModelCenter,
            Resource::PciDeviceSpecs => schema::Kind::PciDeviceSpec,
            Resource::Accounts => schema::Kind::Account,
        }
    }

    /// What the session's account may see of this kind.
    fn inventories(self, world: &World, caller: &str) -> Vec<Value> {
        match self {
            Resource::ModelServices => to_values(&world.model_services),
            Resource::Images => to_values(&world.images),
            Resource::Tags => to_values(&world.tags),
            Resource::ModelCenters => to_values(&world.model_centers),
            Resource::PciDeviceSpecs => to_values(&world.pci_device_specs),
            Resource::Accounts => {
                let admin = world
                    .accounts
                    .iter()
                    .any(|a| a.uuid == caller && a.account_type == ADMIN_ACCOUNT_TYPE);
                let visible: Vec<AccountInventory> = world
                    .accounts
                    .iter()
                    .filter(|a| admin || a.uuid == caller)
                    .map(|a| AccountInventory {
                        uuid: a.uuid.clone(),
                        name: a.name.clone(),
                        account_type: a.account_type.clone(),
                    })
                    .collect();
                to_values(&visible)
            }
        }
    }
}

fn to_values<T: Serialize>(items: &[T]) -> Vec<Value> {
    items
        .iter()
        .map(|item| serde_json::to_value(item).unwrap_or(Value::Null))
        .collect()
}

/// `GET /zstack/v1/<resources>`
pub fn list(resource: Resource) -> MethodRouter<Arc<Shared>> {
    get(
        move |State(shared): State<Arc<Shared>>, headers: HeaderMap, RawQuery(raw): RawQuery| async move {
            answer(&shared, &headers, raw, None, resource)
        },
    )
}

/// `GET /zstack/v1/<resources>/{uuid}`
pub fn single(resource: Resource) -> MethodRouter<Arc<Shared>> {
    get(
        move |State(shared): State<Arc<Shared>>,
              Path(uuid): Path<String>,
              headers: HeaderMap,
              RawQuery(raw): RawQuery| async move {
            answer(&shared, &headers, raw, Some(uuid), resource)
        },
    )
}

fn answer(
    shared: &Shared,
    headers: &HeaderMap,
    raw_query: Option<String>,
    uuid: Option<String>,
    resource: Resource,
) -> Response {
    let session = match session_uuid(headers) {
        Ok(session) => session,
        Err(response) => return response,
    };
    let pairs: Vec<(String, String)> =
        match serde_urlencoded::from_str(raw_query.as_deref().unwrap_or("")) {
            Ok(pairs) => pairs,
            Err(e) => {
                return plain(
                    StatusCode::BAD_REQUEST,
                    format!("invalid query string: {e}"),
                )
            }
        };
    let mut query = match Query::parse(&pairs, resource.fields()) {
        Ok(query) => query,
        Err(message) => return plain(StatusCode::BAD_REQUEST, message),
    };
    if let Some(uuid) = uuid {
        query.conditions.push(Condition {
            field: "uuid".to_string(),
            operator: Operator::Eq,
            value: uuid,
        });
    }
    let inventories = {
        let world = shared.world();
        let Some(caller) = world.sessions.account_of(&session) else {
            return api_error(&ErrorCode::session_invalid(&session));
        };
        resource.inventories(&world, caller)
    };
    // Query replies carry a schema whether or not it was asked for.
    let mut body = query.run(inventories);
    schema::add(&mut body, resource.schema_kind());
    json(StatusCode::OK, &body)
}

/// `GET /zstack/v1/gpu-device-specs/candidates` (GetGpuDeviceSpecCandidates): the GPU specs, as
/// `{"inventories": [...]}` (the Go SDK's `GetGpuDeviceSpecCandidatesView`; UNCONFIRMED: the Java
/// SDK's result class names the list `specs`). Not a query API: no `q`, and its parameters
/// (`clusterUuids`, `hostUuid`, `vmInstanceUuid(s)`) are accepted and ignored; a schema only with
/// `X-JSON-Schema`.
pub async fn gpu_spec_candidates(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
) -> Response {
    let session = match session_uuid(&headers) {
        Ok(session) => session,
        Err(response) => return response,
    };
    let specs = {
        let world = shared.world();
        if !world.sessions.is_valid(&session) {
            return api_error(&ErrorCode::session_invalid(&session));
        }
        let gpus: Vec<&PciDeviceSpecInventory> = world
            .pci_device_specs
            .iter()
            .filter(|s| s.is_gpu())
            .collect();
        serde_json::to_value(gpus).unwrap_or(Value::Null)
    };
    let mut body = serde_json::json!({ "inventories": specs });
    if schema::requested(&headers) {
        schema::add(&mut body, schema::Kind::PciDeviceSpec);
    }
    json(StatusCode::OK, &body)
}
