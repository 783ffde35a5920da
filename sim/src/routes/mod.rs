//! The HTTP routes: the ZStack API under `/zstack/v1` and, with `--control`, `/__sim`.

mod api_jobs;
mod auth;
mod clone_job;
mod control;
mod intercept;
mod job_header;
mod node_quirks;
mod queries;
mod reply;
mod sessions;

use std::sync::Arc;

use axum::http::{StatusCode, Uri};
use axum::middleware;
use axum::response::Response;
use axum::routing::{delete, get, put};
use axum::Router;

use crate::state::Shared;

pub use clone_job::API_TIMEOUT_MS;
pub use queries::Resource;
pub use sessions::sha512_hex;

const BASE: &str = "/zstack/v1";

pub fn router(shared: Arc<Shared>) -> Router {
    use queries::{list, single};
    let path = |suffix: &str| format!("{BASE}{suffix}");
    let mut router = Router::new()
        .route(&path("/accounts/login"), put(sessions::login))
        .route(
            &path("/accounts/sessions/{uuid}/valid"),
            get(sessions::validate_session),
        )
        .route(&path("/accounts/sessions/{uuid}"), delete(sessions::logout))
        .route(&path("/accounts"), list(Resource::Accounts))
        .route(&path("/accounts/{uuid}"), single(Resource::Accounts))
        .route(&path("/ai/model-services"), list(Resource::ModelServices))
        .route(
            &path("/ai/model-services/{uuid}"),
            single(Resource::ModelServices).post(clone_job::clone_model_service),
        )
        .route(&path("/images"), list(Resource::Images))
        .route(&path("/images/{uuid}"), single(Resource::Images))
        .route(&path("/tags"), list(Resource::Tags))
        .route(&path("/tags/{uuid}"), single(Resource::Tags))
        .route(&path("/ai/model-centers"), list(Resource::ModelCenters))
        .route(
            &path("/ai/model-centers/{uuid}"),
            single(Resource::ModelCenters),
        )
        // The real GPU spec APIs (Java SDK QueryPciDeviceSpecAction and
        // GetGpuDeviceSpecCandidatesAction); there is no query at `/gpu-device-specs`.
        .route(&path("/pci-device-specs"), list(Resource::PciDeviceSpecs))
        .route(
            &path("/pci-device-specs/{uuid}"),
            single(Resource::PciDeviceSpecs),
        )
        .route(
            &path("/gpu-device-specs/candidates"),
            get(queries::gpu_spec_candidates),
        )
        .route(&path("/api-jobs/{uuid}"), get(api_jobs::poll));
    if shared.settings.control {
        router = router.merge(control::routes());
    }
    // Layers: the fault middleware (outer) sees every request first; the quirks middleware
    // (inner) shapes only what the handlers answer.
    router
        .fallback(no_api_mapping)
        .layer(middleware::from_fn_with_state(
            shared.clone(),
            node_quirks::node_quirks,
        ))
        .layer(middleware::from_fn_with_state(
            shared.clone(),
            intercept::intercept,
        ))
        .with_state(shared)
}

/// The REST layer's 404 for paths it does not know.
async fn no_api_mapping(uri: Uri) -> Response {
    reply::plain(
        StatusCode::NOT_FOUND,
        format!("no api mapping to {}", uri.path()),
    )
}
