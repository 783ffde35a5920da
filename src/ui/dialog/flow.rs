//! The dialog's flow: load the source, log in, submit, follow the clone, check again, discard,
//! clone another, cancel. Each step is an async function of the dialog's state that the views
//! start (`spawn_local`) and native tests drive directly; what a clone's outcome means comes
//! from the client ([`CloneOutcome`]), and this module only maps it to a [`Stage`].

use leptos::prelude::*;

use super::dom::confirm;
use super::persistence::{
    forget_draft, forget_intent, keep_draft, keep_intent, kept_draft, kept_intent,
};
use super::stage::{AfterLogin, Stage, Unavailable};
use super::state::DialogState;
use crate::client::{ClientError, CloneIntent, CloneOutcome};
use crate::embed::{forget_session, store_session, store_session_account};
use crate::form::Draft;
use crate::i18n::Text;
use crate::zstack::{is_zstack_uuid, new_uuid, CloneRequest};

/// Starts the dialog with the session it was given (if any): without one, the login form;
/// with one, the source is loaded.
pub async fn start(ctx: DialogState) {
    if ctx.source_uuid.get_value().is_none() {
        // Standalone: the list to choose from (after a login).
        if ctx.can_choose.get_value() {
            super::listing::show_list(ctx, ctx.list_position.get_untracked()).await;
        }
        return;
    }
    if ctx.session.with_untracked(Option::is_none) {
        ctx.stage.set(Stage::Login(AfterLogin::Load));
    } else {
        load_source(ctx).await;
    }
}

/// Loads the source and pre-fills the draft, or restores the kept one; a clone intent kept
/// for this source (a reload while it ran) is followed again at once.
pub async fn load_source(ctx: DialogState) {
    let Some(uuid) = ctx.source_uuid.get_value() else {
        return;
    };
    ctx.stage.set(Stage::Loading);
    let answer = ctx.client().model_service(&uuid).await;
    // The user went back to the list (or to another source) meanwhile.
    if !showing(ctx, &uuid) {
        return;
    }
    match answer {
        Ok(Some(source)) => {
            match kept_draft(ctx, &uuid) {
                Some(kept) => {
                    ctx.draft.set(kept.draft);
                    ctx.draft_resource_uuid.set(kept.resource_uuid);
                    ctx.next_job_uuid.set(kept.job_uuid);
                    ctx.restored.set(true);
                }
                None => {
                    let mut draft = Draft::from_inventory(&source);
                    // A host's parameters, over the source (checked when they arrived).
                    let _ = ctx
                        .prefill
                        .with_value(|params| draft.apply_api_params(params));
                    ctx.draft.set(draft);
                    ctx.draft_resource_uuid.set(new_uuid());
                    ctx.next_job_uuid.set(new_uuid());
                    ctx.restored.set(false);
                }
            }
            ctx.source.set(Some(source));
            match kept_intent(ctx, &uuid) {
                Some(intent) => send(ctx, intent).await,
                None => ctx.stage.set(Stage::Editing(None)),
            }
        }
        Ok(None) => ctx
            .stage
            .set(Stage::Unavailable(Unavailable::Text(Text::SourceNotFound))),
        Err(e) if e.is_session_invalid() => to_login(ctx, AfterLogin::Load),
        Err(e) => ctx
            .stage
            .set(Stage::Unavailable(Unavailable::Error(redacted(ctx, e)))),
    }
}

/// Whether the dialog still shows `source` (the user may have gone back to the list).
fn showing(ctx: DialogState, source: &str) -> bool {
    ctx.source_uuid.with_value(|s| s.as_deref() == Some(source))
}

/// The session ended (expired, refused, or logged out): forgotten, and the login form.
pub(super) fn to_login(ctx: DialogState, then: AfterLogin) {
    forget_session(&ctx.store());
    ctx.session.set(None);
    ctx.stage.set(Stage::Login(then));
}

/// Logs in; then continues where the dialog was. The error is the login form's to show.
pub async fn login(ctx: DialogState, account: String, password: String) -> Result<(), ClientError> {
    let session = ctx.client().login(&account, &password).await?;
    if session.uuid.is_empty() {
        return Err(ClientError::Malformed {
            status: 200,
            detail: "no session uuid".into(),
        });
    }
    // Kept for a reload if the store allows; this page goes on with it either way.
    let _ = store_session(&ctx.store(), &session.uuid);
    let account_uuid = session.account_uuid.filter(|uuid| is_zstack_uuid(uuid));
    if let Some(uuid) = &account_uuid {
        let _ = store_session_account(&ctx.store(), uuid);
    }
    ctx.account.uuid.set(account_uuid);
    ctx.account.signed_out.set(false);
    continue_with_session(ctx, session.uuid).await;
    Ok(())
}

/// A session arrived (a login, or the host's `session` message): the dialog goes on where
/// it was waiting for one, with the same draft and the same clone intent.
pub async fn continue_with_session(ctx: DialogState, session: String) {
    ctx.session.set(Some(session));
    let then = match ctx.stage.get_untracked() {
        Stage::Login(then) => then,
        // Not waiting for a session: it only replaces the one in use.
        _ => return,
    };
    match then {
        AfterLogin::Choose => {
            ctx.stage.set(Stage::Choosing);
            super::listing::load_page(ctx).await
        }
        AfterLogin::Load => load_source(ctx).await,
        AfterLogin::Edit => ctx.stage.set(Stage::Editing(None)),
        AfterLogin::Check(intent) => send(ctx, intent).await,
        AfterLogin::Resend(intent) => {
            let fresh = intent.with_new_job();
            ctx.next_job_uuid.set(fresh.job_uuid.clone());
            send(ctx, fresh).await
        }
    }
}

/// The form's submit: shows every problem and focuses the summary while invalid; otherwise
/// sends a new intent. Does nothing unless the form is editable (a clone runs or is unknown,
/// a double click, Enter twice).
pub async fn submit(ctx: DialogState) {
    if !ctx.stage.with_untracked(Stage::is_editable) {
        return;
    }
    ctx.submitted.set(true);
    if !ctx.problems.with_untracked(|p| p.is_empty()) {
        ctx.focus_summary.notify();
        return;
    }
    let Some(source) = ctx.source.get_untracked() else {
        return;
    };
    let resource_uuid = ctx.draft_resource_uuid.get_untracked();
    let request = ctx
        .draft
        .with_untracked(|d| CloneRequest::from_draft(d, &source, &resource_uuid));
    match request {
        Ok(request) => {
            let intent = CloneIntent {
                job_uuid: ctx.next_job_uuid.get_untracked(),
                request,
            };
            send(ctx, intent).await
        }
        Err(_) => ctx.focus_summary.notify(),
    }
}

/// Sends the intent (again) and follows it until its outcome is known; the intent is kept in
/// the store first, or not sent at all.
async fn send(ctx: DialogState, intent: CloneIntent) {
    if keep_intent(ctx, &intent, false).is_err() {
        ctx.stage
            .set(Stage::Editing(Some(ClientError::StorageUnavailable)));
        return;
    }
    keep_draft(ctx);
    ctx.progress.set(None);
    ctx.stage.set(Stage::Cloning(intent.clone()));
    let source = intent.request.source_uuid.clone();
    let outcome = ctx
        .client()
        .clone_model_service(&intent, |progress| {
            if showing(ctx, &source) {
                ctx.progress.set(Some(progress.clone()))
            }
        })
        .await;
    settle(ctx, intent, outcome);
}

/// Maps what the client knows to what the user sees, and keeps or drops the intent.
fn settle(ctx: DialogState, intent: CloneIntent, outcome: CloneOutcome) {
    // The user left this source for the list meanwhile: its intent stays kept as it was
    // written before sending, so choosing the source again sends it again with the same job
    // uuid and the node's record of that job decides (done, failed, or still running).
    if !showing(ctx, &intent.request.source_uuid) {
        return;
    }
    match outcome {
        CloneOutcome::Done(inventory) => {
            forget_intent(ctx, &intent);
            forget_draft(ctx);
            ctx.stage.set(Stage::Done(*inventory));
        }
        // ZStack refused the job for its session: log in, then the same request again.
        CloneOutcome::NotExecuted(e) if e.is_session_invalid() => {
            to_login(ctx, AfterLogin::Resend(intent));
        }
        CloneOutcome::NotExecuted(e) => {
            forget_intent(ctx, &intent);
            // That job uuid is spent: ZStack would answer a new try as a duplicate of it.
            ctx.next_job_uuid.set(new_uuid());
            ctx.stage.set(Stage::Editing(Some(redacted(ctx, e))));
        }
        CloneOutcome::Unknown(e) if e.is_session_invalid() => {
            to_login(ctx, AfterLogin::Check(intent));
        }
        CloneOutcome::Unknown(e) => {
            // Already kept before it was sent; this only records what is known now.
            let _ = keep_intent(ctx, &intent, true);
            ctx.stage.set(Stage::Unknown(intent, redacted(ctx, e)));
        }
    }
}

/// "Check again": the same intent, sent again (same job uuid and body).
pub async fn check_again(ctx: DialogState) {
    if let Stage::Unknown(intent, _) = ctx.stage.get_untracked() {
        send(ctx, intent).await;
    }
}

/// Drops an intent of unknown outcome after the user confirmed the warning (a clone may
/// already exist under its `resourceUuid`); the form becomes editable again, its
/// `resourceUuid` unchanged, so a clone of this draft can still not be made twice.
pub fn discard(ctx: DialogState, warning: &str) {
    let Stage::Unknown(intent, _) = ctx.stage.get_untracked() else {
        return;
    };
    if !confirm(warning) {
        return;
    }
    forget_intent(ctx, &intent);
    ctx.stage.set(Stage::Editing(None));
}

/// Back to a fresh pre-fill of the same source, with a new `resourceUuid`.
pub fn clone_another(ctx: DialogState) {
    if let Some(source) = ctx.source.get_untracked() {
        ctx.draft.set(Draft::from_inventory(&source));
    }
    ctx.draft_resource_uuid.set(new_uuid());
    ctx.next_job_uuid.set(new_uuid());
    ctx.submitted.set(false);
    ctx.touched.set(Default::default());
    ctx.restored.set(false);
    forget_draft(ctx);
    ctx.stage.set(Stage::Editing(None));
}

/// Cancel (button or Escape): asks first when there are unsaved changes; then closes. A clone
/// in flight (or of unknown outcome) is never dropped: it goes on and shows on reopening.
pub fn cancel(ctx: DialogState, discard_question: &str) {
    let editable = ctx.stage.with_untracked(Stage::is_editable);
    if editable && ctx.is_dirty() && !confirm(discard_question) {
        return;
    }
    if editable {
        forget_draft(ctx);
    }
    ctx.closed.set(true);
    ctx.cancelled.notify();
}

/// Reopens the dialog: a form that was cancelled starts afresh; a clone shows where it is.
pub fn reopen(ctx: DialogState) {
    let editable = ctx.stage.with_untracked(Stage::is_editable);
    if ctx.source.with_untracked(Option::is_some) && editable {
        clone_another(ctx);
    }
    ctx.closed.set(false);
}

/// An error as it may be shown: without the session uuid, which ZStack's texts may quote.
pub(super) fn redacted(ctx: DialogState, error: ClientError) -> ClientError {
    match ctx.session.get_untracked() {
        Some(session) => error.redacted(&session),
        None => error,
    }
}
