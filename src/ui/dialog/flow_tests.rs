//! The dialog's flow, natively: the real state, the real client over a scripted transport, a
//! memory store. Each test is a row of the fault matrix as the dialog lives it: what stage the
//! user ends in, how many clone POSTs were made, what is kept.

use futures::executor::block_on;
use leptos::prelude::*;

use super::flow;
use super::stage::{AfterLogin, Phase, Stage};
use super::state::{DialogState, Services};
use crate::client::{
    ClientError, Connection, HttpRequest, Method, ScriptStep, ScriptedTransport, VirtualClock,
};
use crate::embed::{MemoryStore, Store};
use crate::i18n::Lang;

pub(super) const SOURCE: &str = "d76744cb53f9478abf42b907df3efb6e";
pub(super) const SESSION: &str = "b86c9016b4f24953a9edefb53ca0678c";
pub(super) const SOURCE_REPLY: &str = r#"{"inventories":[{"uuid":"d76744cb53f9478abf42b907df3efb6e","name":"qwen","type":"Endpoint","source":"HuggingFace","requestCpu":4,"requestMemory":8192,"size":0,"system":false}]}"#;
pub(super) const ACCEPTED: &str =
    r#"{"location":"http://10.0.0.1:8080/zstack/v1/api-jobs/x","apiTimeout":1800000}"#;
pub(super) const SSO_PAGE: &str =
    "<html><head><title>Sign in</title></head><body>SSO</body></html>";
pub(super) const SESSION_EXPIRED: &str =
    r#"{"error":{"code":"ID.1001","details":"session expired"}}"#;
pub(super) const NONE_FOUND: &str = r#"{"inventories":[]}"#;
pub(super) const LOGIN_REPLY: &str = r#"{"inventory":{"uuid":"c0ffee00c0ffee00c0ffee00c0ffee00","accountUuid":"36c27e8ff05c4780bf6d2fa65700f22e"}}"#;

pub(super) fn done_body(resource_uuid: &str) -> String {
    format!(r#"{{"inventory":{{"uuid":"{resource_uuid}","name":"qwen-copy"}}}}"#)
}

pub(super) fn found_body(resource_uuid: &str) -> String {
    format!(r#"{{"inventories":[{{"uuid":"{resource_uuid}","name":"qwen-copy"}}]}}"#)
}

pub(super) struct Fixture {
    pub(super) ctx: DialogState,
    pub(super) transport: ScriptedTransport,
    pub(super) memory: MemoryStore,
    _owner: Owner,
}

impl Fixture {
    /// A dialog for SOURCE with a session, its source loaded (editing).
    pub(super) fn editing() -> Fixture {
        Fixture::with_store(MemoryStore::default())
    }

    pub(super) fn with_store(memory: MemoryStore) -> Fixture {
        let owner = Owner::new();
        owner.set();
        let transport = ScriptedTransport::new([ScriptStep::reply(200, SOURCE_REPLY)]);
        let services = Services {
            connection: Connection::new(transport.clone(), VirtualClock::new()),
            store: Store::new(memory.clone()),
        };
        let ctx = DialogState::new(Lang::En, "/zstack".into(), Some(SOURCE.into()), services);
        ctx.session.set(Some(SESSION.into()));
        let f = Fixture {
            ctx,
            transport,
            memory,
            _owner: owner,
        };
        f.script([]);
        block_on(flow::start(f.ctx));
        f
    }

    pub(super) fn script<const N: usize>(&self, steps: [(u16, &str); N]) {
        for (status, body) in steps {
            self.transport.push(ScriptStep::reply(status, body));
        }
    }

    pub(super) fn posts(&self) -> Vec<HttpRequest> {
        self.transport
            .requests()
            .into_iter()
            .filter(|r| r.method == Method::Post)
            .collect()
    }

    pub(super) fn stage(&self) -> Stage {
        self.ctx.stage.get_untracked()
    }

    pub(super) fn phase(&self) -> Phase {
        self.ctx.phase.get_untracked()
    }

    pub(super) fn resource_uuid(&self) -> String {
        self.ctx.draft_resource_uuid.get_untracked()
    }

    pub(super) fn kept_intent(&self) -> Option<serde_json::Value> {
        let raw = self.ctx.store().raw(&format!("cms.clone.{SOURCE}"))?;
        serde_json::from_str(&raw).ok()
    }

    pub(super) fn submit(&self) {
        block_on(flow::submit(self.ctx));
    }
}

pub(super) fn job_uuid(post: &HttpRequest) -> String {
    post.header("X-Job-UUID").unwrap_or_default().to_owned()
}

#[test]
fn a_clone_that_succeeds_is_sent_once_and_nothing_stays_kept() {
    let f = Fixture::editing();
    assert_eq!(f.phase(), Phase::Editing);
    let rid = f.resource_uuid();
    f.script([(202, ACCEPTED), (202, "{}"), (200, &done_body(&rid))]);
    f.ctx.draft.update(|d| d.name = "qwen-copy".into());
    f.submit();
    assert_eq!(f.phase(), Phase::Done, "{:?}", f.stage());
    assert_eq!(f.posts().len(), 1);
    let body = f.posts()[0].body.clone().unwrap();
    assert!(body.contains(&rid), "{body}");
    assert_eq!(job_uuid(&f.posts()[0]).len(), 32);
    assert_eq!(f.kept_intent(), None);
    assert!(f.memory.keys().iter().all(|k| !k.starts_with("cms.draft.")));
}

#[test]
fn an_unknown_outcome_is_read_only_until_checked_again_then_cloned_once() {
    let f = Fixture::editing();
    let rid = f.resource_uuid();
    f.script([(202, ACCEPTED), (200, SSO_PAGE), (200, SSO_PAGE)]);
    f.submit();
    assert_eq!(f.phase(), Phase::Unknown, "{:?}", f.stage());
    assert!(!f.ctx.stage.with_untracked(Stage::is_editable));
    let kept = f.kept_intent().expect("the intent is kept");
    assert_eq!(kept["unknown"], true);
    // Clone again (the natural thing) does nothing while the outcome is unknown.
    f.submit();
    assert_eq!(f.posts().len(), 1);
    // Check again: the same job uuid and body; ZStack's duplicate check answers.
    f.script([(400, "Duplicate job uuid[x]"), (200, &done_body(&rid))]);
    block_on(flow::check_again(f.ctx));
    assert_eq!(f.phase(), Phase::Done);
    let posts = f.posts();
    assert_eq!(posts.len(), 2);
    assert_eq!(job_uuid(&posts[0]), job_uuid(&posts[1]));
    assert_eq!(posts[0].body, posts[1].body);
    assert_eq!(f.kept_intent(), None);
}

#[test]
fn a_full_storage_sends_nothing_and_says_why() {
    let memory = MemoryStore::default();
    let f = Fixture::with_store(memory.clone());
    memory.refuse_writes(true);
    f.submit();
    assert_eq!(f.posts().len(), 0);
    assert_eq!(
        f.stage(),
        Stage::Editing(Some(ClientError::StorageUnavailable))
    );
    assert_eq!(f.phase(), Phase::Failed);
}

#[test]
fn a_job_refused_for_its_session_is_sent_again_under_a_new_job_after_login() {
    let f = Fixture::editing();
    let rid = f.resource_uuid();
    f.script([
        (202, ACCEPTED),
        (503, SESSION_EXPIRED),
        (503, SESSION_EXPIRED),
    ]);
    f.submit();
    assert!(
        matches!(f.stage(), Stage::Login(AfterLogin::Resend(_))),
        "{:?}",
        f.stage()
    );
    assert!(f.kept_intent().is_some(), "kept through the login");
    f.script([(200, LOGIN_REPLY), (202, ACCEPTED), (200, &done_body(&rid))]);
    block_on(flow::login(f.ctx, "admin".into(), "password".into())).unwrap();
    assert_eq!(f.phase(), Phase::Done);
    let posts = f.posts();
    assert_eq!(posts.len(), 2);
    assert_ne!(job_uuid(&posts[0]), job_uuid(&posts[1]), "a new job");
    assert_eq!(
        posts[0].body, posts[1].body,
        "the same request, resourceUuid included"
    );
    assert_eq!(
        posts[1].header("Authorization"),
        Some("OAuth c0ffee00c0ffee00c0ffee00c0ffee00")
    );
}

#[test]
fn a_look_up_that_meets_an_expired_session_logs_in_and_checks_the_same_job() {
    let f = Fixture::editing();
    let rid = f.resource_uuid();
    f.script([(202, ACCEPTED), (200, "{}"), (503, SESSION_EXPIRED)]);
    f.submit();
    assert!(
        matches!(f.stage(), Stage::Login(AfterLogin::Check(_))),
        "{:?}",
        f.stage()
    );
    f.script([
        (200, LOGIN_REPLY),
        (400, "Duplicate job uuid[x]"),
        (200, "{}"),
        (200, &found_body(&rid)),
    ]);
    block_on(flow::login(f.ctx, "admin".into(), "password".into())).unwrap();
    assert_eq!(f.phase(), Phase::Done, "{:?}", f.stage());
    let posts = f.posts();
    assert_eq!(job_uuid(&posts[0]), job_uuid(&posts[1]), "the same job");
}

#[test]
fn a_reload_during_the_job_follows_it_instead_of_restoring_the_form() {
    let memory = MemoryStore::default();
    let f = Fixture::with_store(memory.clone());
    let rid = f.resource_uuid();
    // The page goes away while the job runs: the script ends with the job still running.
    f.script([(202, ACCEPTED), (202, "{}")]);
    f.transport.push(ScriptStep::Fail("page unloaded".into()));
    let first_job = {
        f.ctx.draft.update(|d| d.name = "qwen-copy".into());
        f.submit();
        job_uuid(&f.posts()[0])
    };
    assert!(f.kept_intent().is_some());
    // A new page over the same tab store.
    let again = Fixture::with_store_and_script(
        memory,
        [
            (200, SOURCE_REPLY),
            (400, "Duplicate job uuid[x]"),
            (200, &done_body(&rid)),
        ],
    );
    assert_eq!(again.phase(), Phase::Done, "{:?}", again.stage());
    let posts = again.posts();
    assert_eq!(posts.len(), 1);
    assert_eq!(job_uuid(&posts[0]), first_job);
}

impl Fixture {
    fn with_store_and_script<const N: usize>(
        memory: MemoryStore,
        steps: [(u16, &str); N],
    ) -> Fixture {
        let owner = Owner::new();
        owner.set();
        let transport = ScriptedTransport::new([]);
        for (status, body) in steps {
            transport.push(ScriptStep::reply(status, body));
        }
        let services = Services {
            connection: Connection::new(transport.clone(), VirtualClock::new()),
            store: Store::new(memory.clone()),
        };
        let ctx = DialogState::new(Lang::En, "/zstack".into(), Some(SOURCE.into()), services);
        ctx.session.set(Some(SESSION.into()));
        block_on(flow::start(ctx));
        Fixture {
            ctx,
            transport,
            memory,
            _owner: owner,
        }
    }
}

#[test]
fn a_job_that_failed_keeps_the_draft_and_its_resource_uuid_with_a_new_job_uuid() {
    let f = Fixture::editing();
    let rid = f.resource_uuid();
    f.script([
        (202, ACCEPTED),
        (
            503,
            r#"{"error":{"code":"SYS.1006","details":"disk full"}}"#,
        ),
        (200, NONE_FOUND),
    ]);
    f.ctx.draft.update(|d| d.name = "will-fail".into());
    f.submit();
    assert_eq!(f.phase(), Phase::Failed);
    assert_eq!(
        f.stage().error().and_then(ClientError::code),
        Some("SYS.1006")
    );
    assert_eq!(f.ctx.draft.with_untracked(|d| d.name.clone()), "will-fail");
    assert_eq!(f.kept_intent(), None);
    f.script([(202, ACCEPTED), (200, &done_body(&rid))]);
    f.submit();
    let posts = f.posts();
    assert_eq!(f.phase(), Phase::Done);
    assert_ne!(job_uuid(&posts[0]), job_uuid(&posts[1]));
    assert!(posts[1].body.as_deref().unwrap().contains(&rid));
}

#[test]
fn discarding_an_unknown_clone_keeps_its_resource_uuid() {
    let f = Fixture::editing();
    let rid = f.resource_uuid();
    f.script([
        (202, ACCEPTED),
        (401, "Unauthorized"),
        (401, "Unauthorized"),
    ]);
    f.submit();
    assert_eq!(f.phase(), Phase::Unknown);
    // Cancel and reopen never drop it.
    flow::cancel(f.ctx, "discard?");
    flow::reopen(f.ctx);
    assert_eq!(f.phase(), Phase::Unknown);
    flow::discard(f.ctx, "a clone may exist");
    assert_eq!(f.phase(), Phase::Editing);
    assert_eq!(f.kept_intent(), None);
    assert_eq!(f.resource_uuid(), rid);
}

#[test]
fn a_session_uuid_quoted_by_zstack_is_never_shown() {
    let f = Fixture::editing();
    let details =
        format!(r#"{{"error":{{"code":"SYS.1006","details":"session {SESSION} may not"}}}}"#);
    f.script([(202, ACCEPTED), (503, &details), (200, NONE_FOUND)]);
    f.submit();
    let shown = format!("{:?}", f.stage());
    assert!(!shown.contains(SESSION), "{shown}");
    assert!(shown.contains(crate::client::REDACTED_SESSION), "{shown}");
}
