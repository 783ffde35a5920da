//! The source list's steps (standalone, no `?uuid=`): show it, ask for a page (only the latest
//! answer is shown), search, turn pages, choose a source, and return to the list. The list's
//! position is mirrored in the address ([`super::address`]), the session never.
//!
//! Leaving a source for the list keeps its draft (as a reload would) and leaves a clone it
//! runs alone: its intent stays kept, so choosing that source again sends it again with the
//! same job uuid and shows its real outcome (see docs/reliability.md).

use leptos::prelude::*;

use super::address;
use super::flow::{self, redacted, to_login};
use super::persistence::keep_draft;
use super::stage::{AfterLogin, Stage};
use super::state::DialogState;
use crate::client::PageRequest;
use crate::embed::ListPosition;

/// Shows the list at `position` (a session first).
pub async fn show_list(ctx: DialogState, position: ListPosition) {
    leave_source(ctx);
    if ctx.list_position.with_untracked(|p| *p != position) {
        ctx.list_position.set(position);
    }
    if ctx.session.with_untracked(Option::is_none) {
        ctx.stage.set(Stage::Login(AfterLogin::Choose));
        return;
    }
    ctx.stage.set(Stage::Choosing);
    load_page(ctx).await;
}

/// "Choose another source": a new history entry for the list, then the list as it was.
pub async fn choose_another(ctx: DialogState) {
    let position = ctx.list_position.get_untracked();
    address::push_list(&position);
    show_list(ctx, position).await;
}

/// A row chosen: a new history entry (`?uuid=`), then the dialog for that source.
pub async fn choose(ctx: DialogState, uuid: String) {
    ctx.list_position
        .with_untracked(|p| address::push_source(&uuid, p));
    open_source(ctx, uuid).await;
}

/// The dialog for `uuid`, as if the page had been opened with `?uuid=` (a kept draft or clone
/// intent of it is picked up again).
pub async fn open_source(ctx: DialogState, uuid: String) {
    let same = ctx
        .source_uuid
        .with_value(|s| s.as_deref() == Some(uuid.as_str()));
    if same && !matches!(ctx.stage.get_untracked(), Stage::Choosing) {
        return;
    }
    leave_source(ctx);
    ctx.source_uuid.set_value(Some(uuid));
    ctx.submitted.set(false);
    ctx.touched.set(Default::default());
    ctx.name_taken.set(None);
    flow::start(ctx).await;
}

/// The search text changed: its first page.
pub async fn search(ctx: DialogState, text: String) {
    if ctx
        .list_position
        .with_untracked(|p| p.search == text && p.page == 0)
    {
        return;
    }
    ctx.list_position.set(ListPosition {
        search: text,
        page: 0,
    });
    ctx.list_position.with_untracked(address::replace_list);
    load_page(ctx).await;
}

/// The next (`forward`) or previous page.
pub async fn turn_page(ctx: DialogState, forward: bool) {
    let can = ctx.list.with_untracked(|list| match list {
        Some(Ok(page)) if forward => page.has_next(),
        Some(Ok(page)) => page.has_previous(),
        _ => false,
    });
    if !can {
        return;
    }
    ctx.list_position.update(|p| {
        p.page = if forward {
            p.page + 1
        } else {
            p.page.saturating_sub(1)
        }
    });
    ctx.list_position.with_untracked(address::replace_list);
    load_page(ctx).await;
}

/// Asks for the page at the list's position; an answer that a newer question overtook, or
/// that arrives after the user left the list, is dropped.
pub async fn load_page(ctx: DialogState) {
    // At most twice: a page past the end (the list shrank) is asked again as the last page.
    for _ in 0..2 {
        let request = ctx.list_position.with_untracked(|p| PageRequest {
            search: p.search.clone(),
            page: p.page,
        });
        ctx.list_generation.update_value(|g| *g += 1);
        let mine = ctx.list_generation.get_value();
        ctx.list_busy.set(true);
        let result = ctx.client().model_service_page(&request).await;
        let current = ctx.list_generation.get_value() == mine
            && matches!(ctx.stage.get_untracked(), Stage::Choosing);
        if !current {
            return;
        }
        ctx.list_busy.set(false);
        match result {
            Ok(page) => match page.past_the_end() {
                Some(last) => {
                    ctx.list_position.update(|p| p.page = last);
                    ctx.list_position.with_untracked(address::replace_list);
                }
                None => {
                    ctx.list.set(Some(Ok(page)));
                    return;
                }
            },
            Err(e) if e.is_session_invalid() => {
                to_login(ctx, AfterLogin::Choose);
                return;
            }
            Err(e) => {
                ctx.list.set(Some(Err(redacted(ctx, e))));
                return;
            }
        }
    }
}

/// The source shown is left: its draft is kept (if it is being edited) and the dialog holds
/// no source any more.
fn leave_source(ctx: DialogState) {
    if ctx.stage.with_untracked(Stage::is_editable) {
        keep_draft(ctx);
    }
    ctx.source_uuid.set_value(None);
    ctx.source.set(None);
    ctx.progress.set(None);
}
