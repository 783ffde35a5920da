//! What the form's aids load beside the clone: tags and GPU specs for the pickers, images per
//! architecture for the rows, and the live name-uniqueness hint. None of it blocks the form.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{Choices, DialogState};

/// Whether another model service has exactly `name` (`None`: no session, or no answer).
pub async fn name_taken(ctx: DialogState, name: &str) -> Option<bool> {
    if ctx.session.with_untracked(Option::is_none) {
        return None;
    }
    ctx.client().name_taken(name).await.ok()
}

/// Loads the tags for the tag picker, which asks when it is shown (in a split build its code,
/// and so this query, comes after the first interaction). Without them (an error) the form lets
/// the user type the uuids instead; a failed load is tried again the next time the picker is
/// shown (after a login, say: an expired session is one way to fail).
pub fn load_tags(ctx: DialogState) {
    if ctx.tags.with_untracked(Choices::wanted) {
        ctx.tags.set(Choices::Loading);
        spawn_local(async move {
            ctx.tags.set(match ctx.client().tags().await {
                Ok(tags) => Choices::Ready(tags),
                Err(_) => Choices::Failed,
            });
        });
    }
}

/// Loads the GPU specs for the GPU vendor picker, as [`load_tags`] does the tags; a server that
/// has no GPU specs to offer counts as failed (the vendors are typed instead).
pub fn load_gpu_specs(ctx: DialogState) {
    if ctx.gpu_specs.with_untracked(Choices::wanted) {
        ctx.gpu_specs.set(Choices::Loading);
        spawn_local(async move {
            ctx.gpu_specs.set(match ctx.client().gpu_specs().await {
                Ok(specs) if !specs.is_empty() => Choices::Ready(specs),
                _ => Choices::Failed,
            });
        });
    }
}

/// Loads the images of an architecture once, for the rows' pickers.
pub fn load_images(ctx: DialogState, architecture: String) {
    let key = architecture.trim().to_ascii_lowercase();
    if key.is_empty() || ctx.images.with_untracked(|m| m.contains_key(&key)) {
        return;
    }
    ctx.images.update(|m| {
        m.insert(key.clone(), Vec::new());
    });
    spawn_local(async move {
        if let Ok(images) = ctx.client().images_for_architecture(&key).await {
            ctx.images.update(|m| {
                m.insert(key, images);
            });
        }
    });
}
