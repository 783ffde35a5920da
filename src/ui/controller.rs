//! The dialog's intents: load the source, log in, submit, retry, clone another, cancel. They
//! call the client and the form core and put the outcome into [`Ctx`]; views only call them.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{Choices, Ctx, Phase, Unavailable};
use crate::client::{ClientConfig, ClientError, ClonePhase};
use crate::embed;
use crate::form::Draft;
use crate::i18n::Text;
use crate::zstack::{CloneIntent, CloneRequest};

#[cfg(target_arch = "wasm32")]
type Client = crate::client::BrowserClient;
#[cfg(not(target_arch = "wasm32"))]
type Client =
    crate::client::ZStackClient<crate::client::ScriptedTransport, crate::client::VirtualClock>;

/// What is kept in sessionStorage per source: the draft and the clone intent in flight.
#[derive(serde::Serialize, serde::Deserialize)]
struct Kept {
    draft: Draft,
    intent: Option<CloneIntent>,
}

fn kept_key(uuid: &str) -> String {
    format!("cms.draft.{uuid}")
}

fn client(ctx: Ctx) -> Client {
    let config = ClientConfig {
        api_base: ctx.api_base.get_value(),
        session: ctx.session.get_untracked(),
        ..ClientConfig::default()
    };
    #[cfg(target_arch = "wasm32")]
    {
        Client::browser(config)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Client::new(
            config,
            crate::client::ScriptedTransport::new([]),
            crate::client::VirtualClock::new(),
        )
    }
}

/// Starts the dialog: a source and a session are needed, then the source is loaded.
pub fn start(ctx: Ctx) {
    if ctx.source_uuid.get_value().is_none() {
        return;
    }
    ctx.session.set(embed::intake_session());
    if ctx.session.get_untracked().is_none() {
        ctx.phase.set(Phase::Login);
    } else {
        load_source(ctx);
    }
}

/// Loads the source and pre-fills the draft (or restores the kept one).
pub fn load_source(ctx: Ctx) {
    let Some(uuid) = ctx.source_uuid.get_value() else {
        return;
    };
    ctx.phase.set(Phase::Loading);
    ctx.unavailable.set(None);
    spawn_local(async move {
        match client(ctx).model_service(&uuid).await {
            Ok(Some(source)) => {
                let kept: Option<Kept> = embed::load(&kept_key(&uuid));
                let (draft, intent, restored) = match kept {
                    Some(k) if k.draft.source_uuid == uuid => (k.draft, k.intent, true),
                    _ => (Draft::from_inventory(&source), None, false),
                };
                ctx.source.set(Some(source));
                ctx.draft.set(draft);
                ctx.intent.set(intent);
                ctx.restored.set(restored);
                ctx.phase.set(Phase::Editing);
            }
            Ok(None) => {
                ctx.unavailable
                    .set(Some(Unavailable::Text(Text::SourceNotFound)));
                ctx.phase.set(Phase::Unavailable);
            }
            Err(e) if e.is_session_invalid() => to_login(ctx, false),
            Err(e) => {
                ctx.unavailable.set(Some(Unavailable::Error(e)));
                ctx.phase.set(Phase::Unavailable);
            }
        }
    });
}

fn to_login(ctx: Ctx, resume_clone: bool) {
    embed::forget_session();
    ctx.session.set(None);
    ctx.resume_clone.set(resume_clone);
    ctx.phase.set(Phase::Login);
}

/// Logs in; then continues where the dialog was (load, or the clone that was interrupted).
pub fn login(ctx: Ctx, account: String, password: String, done: impl FnOnce() + 'static) {
    ctx.login_error.set(None);
    spawn_local(async move {
        let outcome = client(ctx).login(&account, &password).await;
        done();
        match outcome {
            Ok(session) => match Some(session.uuid).filter(|u| !u.is_empty()) {
                Some(token) => {
                    embed::store_session(&token);
                    ctx.session.set(Some(token));
                    if ctx.source.get_untracked().is_none() {
                        load_source(ctx);
                    } else if ctx.resume_clone.get_untracked() {
                        ctx.resume_clone.set(false);
                        ctx.phase.set(Phase::Editing);
                        start_clone(ctx);
                    } else {
                        ctx.phase.set(Phase::Editing);
                    }
                }
                None => ctx.login_error.set(Some(ClientError::Malformed {
                    status: 200,
                    detail: "no session uuid".into(),
                })),
            },
            Err(e) => ctx.login_error.set(Some(e)),
        }
    });
}

/// Keeps the draft (and the intent in flight) in sessionStorage.
pub fn keep(ctx: Ctx) {
    let Some(uuid) = ctx.source_uuid.get_value() else {
        return;
    };
    if ctx.source.with_untracked(Option::is_none) {
        return;
    }
    let kept = Kept {
        draft: ctx.draft.get_untracked(),
        intent: ctx.intent.get_untracked(),
    };
    embed::save(&kept_key(&uuid), &kept);
}

fn forget_kept(ctx: Ctx) {
    if let Some(uuid) = ctx.source_uuid.get_value() {
        embed::forget(&kept_key(&uuid));
    }
}

/// The form's submit: shows every problem and focuses the summary while invalid; otherwise
/// starts the clone. Does nothing while a clone runs (double click, Enter twice).
pub fn submit(ctx: Ctx) {
    if !ctx.phase.get_untracked().accepts_submit() {
        return;
    }
    ctx.submitted.set(true);
    if !ctx.problems.with_untracked(|p| p.is_empty()) {
        ctx.summary_focus.update(|n| *n += 1);
        return;
    }
    start_clone(ctx);
}

/// The intent of this clone: kept across retries, re-logins and reloads until it ends.
pub fn current_intent(ctx: Ctx) -> CloneIntent {
    match ctx.intent.get_untracked() {
        Some(intent) => intent,
        None => {
            let intent = CloneIntent::generate();
            ctx.intent.set(Some(intent.clone()));
            intent
        }
    }
}

fn start_clone(ctx: Ctx) {
    let Some(source) = ctx.source.get_untracked() else {
        return;
    };
    let intent = current_intent(ctx);
    let request = match ctx
        .draft
        .with_untracked(|d| CloneRequest::from_draft(d, &source, &intent))
    {
        Ok(request) => request,
        Err(_) => {
            ctx.summary_focus.update(|n| *n += 1);
            return;
        }
    };
    keep(ctx);
    ctx.error.set(None);
    ctx.progress.set(None);
    ctx.phase.set(Phase::Submitting);
    spawn_local(async move {
        let outcome = client(ctx)
            .clone_model_service(&request, &intent, |progress| {
                if progress.phase != ClonePhase::Posting {
                    ctx.phase.set(Phase::Polling);
                }
                ctx.progress.set(Some(progress.clone()));
            })
            .await;
        match outcome {
            Ok(inventory) => {
                ctx.intent.set(None);
                forget_kept(ctx);
                ctx.result.set(Some(inventory));
                ctx.phase.set(Phase::Done);
            }
            Err(e) if e.is_session_invalid() => {
                // The job was refused for its session: nothing was cloned; a new intent after
                // the login sends it again.
                ctx.intent.set(None);
                keep(ctx);
                to_login(ctx, true);
            }
            Err(e) => {
                // An answer from ZStack ends this intent; no answer (proxy, network, time-out)
                // keeps it, so trying again cannot clone twice.
                let unanswered = e.is_transient() || matches!(e, ClientError::Timeout { .. });
                if !unanswered {
                    ctx.intent.set(None);
                }
                keep(ctx);
                ctx.error.set(Some(e));
                ctx.phase.set(Phase::Failed);
            }
        }
    });
}

/// Back to a fresh pre-fill of the same source.
pub fn clone_another(ctx: Ctx) {
    if let Some(source) = ctx.source.get_untracked() {
        ctx.draft.set(Draft::from_inventory(&source));
    }
    ctx.intent.set(None);
    ctx.result.set(None);
    ctx.error.set(None);
    ctx.submitted.set(false);
    ctx.touched.set(Default::default());
    ctx.restored.set(false);
    forget_kept(ctx);
    ctx.phase.set(Phase::Editing);
}

/// Cancel (button or Escape): asks first when there are unsaved changes; then closes.
pub fn cancel(ctx: Ctx) {
    let running = matches!(
        ctx.phase.get_untracked(),
        Phase::Submitting | Phase::Polling
    );
    if ctx.is_dirty() && !running && !confirm(ctx.text_untracked(Text::DiscardConfirm)) {
        return;
    }
    if !running {
        forget_kept(ctx);
    }
    ctx.closed.set(true);
}

/// Whether another model service has exactly `name` (`None`: no session, or no answer).
pub async fn name_taken(ctx: Ctx, name: &str) -> Option<bool> {
    if ctx.session.with_untracked(Option::is_none) {
        return None;
    }
    client(ctx).name_taken(name).await.ok()
}

/// Loads the tags and the GPU specs for the pickers, once they are loaded. Without them (an
/// error, or a server that has no GPU specs to offer) the form lets the user type the values
/// instead; a failed load is tried again the next time the form is shown (after a login, say:
/// an expired session is one way to fail).
pub fn load_choices(ctx: Ctx) {
    if ctx.tags.with_untracked(Choices::wanted) {
        ctx.tags.set(Choices::Loading);
        spawn_local(async move {
            ctx.tags.set(match client(ctx).tags().await {
                Ok(tags) => Choices::Ready(tags),
                Err(_) => Choices::Failed,
            });
        });
    }
    if ctx.gpu_specs.with_untracked(Choices::wanted) {
        ctx.gpu_specs.set(Choices::Loading);
        spawn_local(async move {
            ctx.gpu_specs.set(match client(ctx).gpu_specs().await {
                Ok(specs) if !specs.is_empty() => Choices::Ready(specs),
                _ => Choices::Failed,
            });
        });
    }
}

/// Loads the images of an architecture once, for the rows' pickers.
pub fn load_images(ctx: Ctx, architecture: String) {
    let key = architecture.trim().to_ascii_lowercase();
    if key.is_empty() || ctx.images.with_untracked(|m| m.contains_key(&key)) {
        return;
    }
    ctx.images.update(|m| {
        m.insert(key.clone(), Vec::new());
    });
    spawn_local(async move {
        if let Ok(images) = client(ctx).images_for_architecture(&key).await {
            ctx.images.update(|m| {
                m.insert(key, images);
            });
        }
    });
}

/// Moves focus to the control named `name`.
pub fn focus_control(name: &str) {
    let id = super::state::control_id(name);
    if let Some(el) = document().get_element_by_id(&id) {
        use wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// A performance mark (`performance.getEntriesByName(name)`), for hosts and benchmarks.
pub(super) fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

fn confirm(message: &str) -> bool {
    window().confirm_with_message(message).unwrap_or(true)
}

impl Ctx {
    fn text_untracked(&self, text: Text) -> &'static str {
        crate::i18n::t(self.lang.get_untracked(), text)
    }
}
