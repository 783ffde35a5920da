//! What the dialog keeps in the tab's store, per source:
//! - the draft (`cms.draft.<source>`): written a moment after the last change and when the page
//!   goes away; a failed write shows a quiet notice and blocks nothing;
//! - the clone intent (`cms.clone.<source>`): its own small entry, written *before* the request
//!   is sent and removed only once its outcome is known. If it cannot be written the clone is
//!   not sent: a reload could not tell whether it ran.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::state::DialogState;
use crate::client::CloneIntent;
use crate::embed::StorageError;
use crate::form::Draft;
use crate::zstack::{is_resource_uuid, is_zstack_uuid};

/// The draft as kept, with the uuids its clone will be sent with.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeptDraft {
    pub draft: Draft,
    pub resource_uuid: String,
    pub job_uuid: String,
}

/// The intent as kept. `unknown` records that its outcome was found unknown (for a reader of
/// the store; a reload asks again either way).
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeptIntent {
    pub intent: CloneIntent,
    #[serde(default)]
    pub unknown: bool,
}

fn draft_key(source: &str) -> String {
    format!("cms.draft.{source}")
}

fn intent_key(source: &str) -> String {
    format!("cms.clone.{source}")
}

/// Keeps the draft; the notice follows the outcome.
pub fn keep_draft(ctx: DialogState) {
    let Some(source) = ctx.source_uuid.get_value() else {
        return;
    };
    if ctx.source.with_untracked(Option::is_none) {
        return;
    }
    let kept = KeptDraft {
        draft: ctx.draft.get_untracked(),
        resource_uuid: ctx.draft_resource_uuid.get_untracked(),
        job_uuid: ctx.next_job_uuid.get_untracked(),
    };
    let failed = ctx.store().save(&draft_key(&source), &kept).is_err();
    if ctx.draft_not_kept.get_untracked() != failed {
        ctx.draft_not_kept.set(failed);
    }
}

/// The kept draft of `source`, if it is one (of this source, with usable uuids). No key of it
/// repeats, however it was tampered with: the draft's lists key themselves as they are read
/// (see [`crate::form::KeyedList`]).
pub fn kept_draft(ctx: DialogState, source: &str) -> Option<KeptDraft> {
    ctx.store()
        .load::<KeptDraft>(&draft_key(source))
        .filter(|k| {
            k.draft.source_uuid == source
                && is_resource_uuid(&k.resource_uuid)
                && is_zstack_uuid(&k.job_uuid)
        })
}

pub fn forget_draft(ctx: DialogState) {
    if let Some(source) = ctx.source_uuid.get_value() {
        ctx.store().forget(&draft_key(&source));
    }
}

/// Writes the intent before it is sent; an error means: do not send it.
pub fn keep_intent(
    ctx: DialogState,
    intent: &CloneIntent,
    unknown: bool,
) -> Result<(), StorageError> {
    let kept = KeptIntent {
        intent: intent.clone(),
        unknown,
    };
    ctx.store()
        .save(&intent_key(&intent.request.source_uuid), &kept)
}

/// The intent kept for `source`, if it is whole and for this source (a tampered entry is
/// not sent anywhere).
pub fn kept_intent(ctx: DialogState, source: &str) -> Option<CloneIntent> {
    ctx.store()
        .load::<KeptIntent>(&intent_key(source))
        .map(|k| k.intent)
        .filter(|i| i.is_well_formed() && i.request.source_uuid == source)
}

pub fn forget_intent(ctx: DialogState, intent: &CloneIntent) {
    ctx.store().forget(&intent_key(&intent.request.source_uuid));
}
