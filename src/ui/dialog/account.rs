//! Whose session the dialog uses, and ending it: the header's account and "Log out". What a
//! logout does to the draft and to a clone follows the flow's rules for a session that ended
//! (see [`super::flow`]): the draft stays, an intent waits for the next login.

use leptos::prelude::*;

use super::flow;
use super::persistence::keep_draft;
use super::stage::{AfterLogin, Stage};
use super::state::DialogState;
use crate::client::ClientError;
use crate::zstack::AccountInventory;

/// Where a logout is.
#[derive(Clone, Debug, PartialEq)]
pub enum LogOut {
    Idle,
    Busy,
    /// ZStack did not end the session: it stays in use (and valid) and the user is told.
    Failed(ClientError),
}

/// The session's account, as far as it is known.
#[derive(Clone, Copy)]
pub struct AccountState {
    /// As ZStack described it; `None` until asked, or when it did not say.
    pub known: RwSignal<Option<AccountInventory>>,
    /// The account uuid a login here said (kept with the session in the tab's store).
    pub uuid: RwSignal<Option<String>>,
    /// The session `known` was asked for (asked once per session).
    pub asked_for: StoredValue<Option<String>>,
    pub log_out: RwSignal<LogOut>,
    /// The user logged out: the login form says so rather than "your session expired".
    pub signed_out: RwSignal<bool>,
}

impl AccountState {
    pub fn new() -> AccountState {
        AccountState {
            known: RwSignal::new(None),
            uuid: RwSignal::new(None),
            asked_for: StoredValue::new(None),
            log_out: RwSignal::new(LogOut::Idle),
            signed_out: RwSignal::new(false),
        }
    }

    /// What the header shows: the name, else the uuid; `None`: nothing is known.
    pub fn label(&self) -> Option<String> {
        match self.known.get() {
            Some(account) if !account.name.is_empty() => Some(account.name),
            Some(account) if !account.uuid.is_empty() => Some(account.uuid),
            _ => self.uuid.get(),
        }
    }
}

impl Default for AccountState {
    fn default() -> Self {
        AccountState::new()
    }
}

/// Asks ZStack whose the current session is, once per session. A failure leaves the uuid (or
/// nothing) to show: the flow meets an ended session where it matters.
pub async fn identify(ctx: DialogState) {
    let Some(session) = ctx.session.get_untracked() else {
        return;
    };
    if ctx.account.asked_for.get_value().as_ref() == Some(&session) {
        return;
    }
    ctx.account.asked_for.set_value(Some(session.clone()));
    let uuid = ctx.account.uuid.get_untracked();
    if let Ok(found) = ctx.client().account(uuid.as_deref()).await {
        // Only if the session is still the one asked about.
        if ctx.session.get_untracked().as_ref() == Some(&session) {
            ctx.account.known.set(found);
        }
    }
}

/// What a login after logging out leads to, from where the dialog is; `None`: no logout here
/// (not logged in, or a clone is being sent or followed: its outcome comes first).
pub fn after_log_out(stage: &Stage) -> Option<AfterLogin> {
    match stage {
        Stage::Login(_) | Stage::Cloning(_) => None,
        Stage::Editing(_) => Some(AfterLogin::Edit),
        Stage::Choosing => Some(AfterLogin::Choose),
        Stage::Unknown(intent, _) => Some(AfterLogin::Check(intent.clone())),
        Stage::Waiting | Stage::Loading | Stage::Unavailable(_) | Stage::Done(_) => {
            Some(AfterLogin::Load)
        }
    }
}

/// "Log out": ZStack's LogOut, then the login form. The draft is kept (in memory and in the
/// tab's store) and an intent of unknown outcome is asked about again after the next login.
/// If ZStack did not end the session, nothing changes but the message.
pub async fn log_out(ctx: DialogState) {
    let Some(session) = ctx.session.get_untracked() else {
        return;
    };
    let Some(then) = ctx.stage.with_untracked(after_log_out) else {
        return;
    };
    if ctx.account.log_out.get_untracked() == LogOut::Busy {
        return;
    }
    ctx.account.log_out.set(LogOut::Busy);
    match ctx.client().log_out(&session).await {
        Ok(()) => {
            if then == AfterLogin::Edit {
                keep_draft(ctx);
            }
            ctx.account.known.set(None);
            ctx.account.uuid.set(None);
            ctx.account.asked_for.set_value(None);
            ctx.account.signed_out.set(true);
            ctx.account.log_out.set(LogOut::Idle);
            flow::to_login(ctx, then);
        }
        Err(e) => ctx
            .account
            .log_out
            .set(LogOut::Failed(e.redacted(&session))),
    }
}
