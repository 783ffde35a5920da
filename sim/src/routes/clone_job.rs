//! `POST /zstack/v1/ai/model-services/{uuid}` (CloneModelService, asynchronous): 202 with a
//! job location; the job completes after `job_ms` with the clone or an ErrorCode.

use std::sync::Arc;
use std::time::Duration;

use axum::body::to_bytes;
use axum::extract::{Path, Request, State};
use axum::http::{header, StatusCode};
use axum::response::Response;
use serde_json::json;

use crate::clone::{execute, CloneRequest};
use crate::error_code::ErrorCode;
use crate::faults::FaultAction;
use crate::ids::new_uuid;
use crate::state::{JobState, Shared};

use super::auth::session_uuid;
use super::intercept::JobFault;
use super::job_header;
use super::reply::{json, plain};

/// What the 202 reports as `apiTimeout` (ms).
pub const API_TIMEOUT_MS: u64 = 1_800_000;
const BODY_LIMIT: usize = 16 * 1024 * 1024;

struct PendingClone {
    job_uuid: String,
    generation: u64,
    source_uuid: String,
    session: String,
    session_valid: bool,
    request: CloneRequest,
    fault: Option<FaultAction>,
}

pub async fn clone_model_service(
    State(shared): State<Arc<Shared>>,
    Path(source_uuid): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let session = match session_uuid(&parts.headers) {
        Ok(session) => session,
        Err(response) => return response,
    };
    let bytes = match to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => bytes,
        Err(e) => {
            return plain(
                StatusCode::BAD_REQUEST,
                format!("cannot read request body: {e}"),
            )
        }
    };
    let clone_request = match CloneRequest::parse(&bytes) {
        Ok(request) => request,
        Err(message) => return plain(StatusCode::BAD_REQUEST, message),
    };
    // The order of the node: Authorization, body mapping, then the job uuid.
    let job_uuid = match job_header::from_headers(&parts.headers) {
        Ok(given) => given.unwrap_or_else(new_uuid),
        Err(response) => return response,
    };
    let pending = {
        let mut world = shared.world();
        if !world.jobs.create(&job_uuid) {
            return job_header::duplicate(&job_uuid);
        }
        PendingClone {
            job_uuid: job_uuid.clone(),
            generation: world.generation,
            source_uuid,
            session_valid: world.sessions.is_valid(&session),
            session,
            request: clone_request,
            fault: parts.extensions.get::<JobFault>().map(|f| f.0.clone()),
        }
    };
    tokio::spawn(run_job(shared.clone(), pending));
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .unwrap_or_else(|| shared.settings.listen.to_string());
    json(
        StatusCode::ACCEPTED,
        &json!({
            "location": format!("http://{host}/zstack/v1/api-jobs/{job_uuid}"),
            "apiTimeout": API_TIMEOUT_MS,
        }),
    )
}

async fn run_job(shared: Arc<Shared>, pending: PendingClone) {
    if matches!(pending.fault, Some(FaultAction::JobHang)) {
        return;
    }
    tokio::time::sleep(Duration::from_millis(shared.settings.job_ms)).await;
    let mut world = shared.world();
    if world.generation != pending.generation {
        return;
    }
    let outcome = if !pending.session_valid {
        Err(ErrorCode::session_invalid(&pending.session))
    } else if let Some(FaultAction::JobFail { error }) = pending.fault {
        Err(error)
    } else {
        execute(&mut world, &pending.source_uuid, &pending.request)
    };
    let state = match outcome {
        Ok(result) => JobState::Succeeded(result),
        Err(error) => JobState::Failed(error),
    };
    world.jobs.finish(&pending.job_uuid, state);
}
