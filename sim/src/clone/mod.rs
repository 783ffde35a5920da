//! CloneModelService: the request, its validation, and the clone it makes.

mod apply;
mod request;
mod validate;

use serde_json::{json, Value};

use crate::date::now_zstack_date;
use crate::error_code::ErrorCode;
use crate::ids::new_uuid;
use crate::state::{ResourceTags, World};

pub use apply::build_clone;
pub use request::{ArchitectureImage, CloneParams, CloneRequest};
pub use validate::{validate, ARCHITECTURES, NAME_MAX_LENGTH, SERVICE_TYPES, SOURCES};

/// The job error of a clone whose `resourceUuid` is already some resource's uuid.
///
/// UNCONFIRMED: the contract does not say. The node does not validate it up front as far as the
/// public code shows; storing the new row then breaks the uuid's unique key (every resource's uuid
/// is a primary key, in `ModelServiceVO` and in `ResourceVO`), and an unexpected exception in a
/// message handler ends the API as an internal error. So: SYS.1000, with the database's words and
/// the uuid in `details`, and nothing created.
pub fn uuid_already_used(uuid: &str) -> ErrorCode {
    ErrorCode::new(
        "SYS.1000",
        format!(
            "resource uuid[{uuid}] is already used: could not execute statement; \
             Duplicate entry '{uuid}' for key 'PRIMARY'"
        ),
    )
}

/// Runs the clone against the world (what the job does when it completes): the result body
/// `{"inventory": ...}` or the job's error.
pub fn execute(
    world: &mut World,
    source_uuid: &str,
    request: &CloneRequest,
) -> Result<Value, ErrorCode> {
    let source = world
        .model_services
        .iter()
        .find(|s| s.uuid == source_uuid)
        .cloned()
        .ok_or_else(|| ErrorCode::not_found("uuid", source_uuid, "ModelServiceVO"))?;
    let params = request.params.clone().unwrap_or_default();
    validate(world, &params)?;
    let uuid = params.resource_uuid.clone().unwrap_or_else(new_uuid);
    if world.uuid_in_use(&uuid) {
        return Err(uuid_already_used(&uuid));
    }
    let clone = build_clone(&source, &params, &uuid, &now_zstack_date());
    if let Some(tag_uuids) = &params.tag_uuids {
        world
            .tag_attachments
            .insert(uuid.clone(), tag_uuids.clone());
    }
    let (system_tags, user_tags) = (request.system_tags(), request.user_tags());
    if system_tags.is_some() || user_tags.is_some() {
        world.resource_tags.insert(
            uuid.clone(),
            ResourceTags {
                system_tags: system_tags.cloned().unwrap_or_default(),
                user_tags: user_tags.cloned().unwrap_or_default(),
            },
        );
    }
    let body = json!({ "inventory": clone });
    world.model_services.push(clone);
    world.clone_count += 1;
    Ok(body)
}
