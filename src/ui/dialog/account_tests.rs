//! Whose session it is and logging out, natively: what is sent, where the dialog goes, what
//! stays kept, and that a clone is still made exactly once across a logout.

use futures::executor::block_on;
use leptos::prelude::*;

use super::account::{self, after_log_out, LogOut};
use super::flow;
use super::flow_tests::{
    done_body, found_body, job_uuid, Fixture, ACCEPTED, LOGIN_REPLY, SESSION, SOURCE, SSO_PAGE,
};
use super::stage::{AfterLogin, Phase, Stage};
use crate::client::{CloneIntent, Method};

const ADMIN_ACCOUNT: &str = r#"{"inventories":[{"uuid":"36c27e8ff05c4780bf6d2fa65700f22e","name":"admin","type":"SystemAdmin"}]}"#;

fn deletes(f: &Fixture) -> Vec<String> {
    f.transport
        .requests()
        .into_iter()
        .filter(|r| r.method == Method::Delete)
        .map(|r| r.url)
        .collect()
}

#[test]
fn logging_out_while_editing_ends_the_session_and_keeps_the_draft_for_the_next_login() {
    let f = Fixture::editing();
    let rid = f.resource_uuid();
    f.ctx.draft.update(|d| d.name = "my-copy".into());
    f.ctx.store().save("cms.session", &SESSION).unwrap();
    f.script([(200, "{}")]);
    block_on(account::log_out(f.ctx));
    assert_eq!(
        deletes(&f),
        [format!("/zstack/v1/accounts/sessions/{SESSION}")]
    );
    assert_eq!(f.stage(), Stage::Login(AfterLogin::Edit));
    assert_eq!(f.ctx.session.get_untracked(), None);
    assert_eq!(f.ctx.store().raw("cms.session"), None, "forgotten");
    assert!(f.ctx.account.signed_out.get_untracked());
    let kept = f
        .ctx
        .store()
        .raw(&format!("cms.draft.{SOURCE}"))
        .expect("kept");
    assert!(kept.contains("my-copy"), "{kept}");
    // The next login: the same draft, the same resourceUuid, and whose it is.
    f.script([(200, LOGIN_REPLY)]);
    block_on(flow::login(f.ctx, "admin".into(), "password".into())).unwrap();
    assert_eq!(f.phase(), Phase::Editing);
    assert_eq!(f.ctx.draft.with_untracked(|d| d.name.clone()), "my-copy");
    assert_eq!(f.resource_uuid(), rid);
    assert!(!f.ctx.account.signed_out.get_untracked());
    assert_eq!(
        f.ctx.account.uuid.get_untracked().as_deref(),
        Some("36c27e8ff05c4780bf6d2fa65700f22e")
    );
    assert_eq!(
        f.ctx.store().raw("cms.session.account").as_deref(),
        Some("\"36c27e8ff05c4780bf6d2fa65700f22e\"")
    );
}

#[test]
fn a_clone_of_unknown_outcome_is_asked_about_again_after_logging_out_and_in_and_made_once() {
    let f = Fixture::editing();
    let rid = f.resource_uuid();
    f.script([(202, ACCEPTED), (200, SSO_PAGE), (200, SSO_PAGE)]);
    f.submit();
    assert_eq!(f.phase(), Phase::Unknown, "{:?}", f.stage());
    f.script([(200, "{}")]);
    block_on(account::log_out(f.ctx));
    assert!(
        matches!(f.stage(), Stage::Login(AfterLogin::Check(_))),
        "{:?}",
        f.stage()
    );
    assert!(f.kept_intent().is_some(), "the intent outlives the session");
    f.script([
        (200, LOGIN_REPLY),
        (400, "Duplicate job uuid[x]"),
        (200, "{}"),
        (200, &found_body(&rid)),
    ]);
    block_on(flow::login(f.ctx, "admin".into(), "password".into())).unwrap();
    assert_eq!(f.phase(), Phase::Done, "{:?}", f.stage());
    let posts = f.posts();
    assert_eq!(posts.len(), 2);
    assert_eq!(job_uuid(&posts[0]), job_uuid(&posts[1]), "the same job");
    assert_eq!(posts[0].body, posts[1].body);
    assert_eq!(f.kept_intent(), None);
}

#[test]
fn a_logout_zstack_did_not_do_changes_nothing_but_says_so() {
    let f = Fixture::editing();
    f.script([(502, "<html>Bad Gateway</html>")]);
    block_on(account::log_out(f.ctx));
    assert_eq!(f.phase(), Phase::Editing);
    assert_eq!(f.ctx.session.get_untracked().as_deref(), Some(SESSION));
    match f.ctx.account.log_out.get_untracked() {
        LogOut::Failed(e) => assert!(e.to_string().contains("502"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_session_zstack_already_ended_is_logged_out() {
    let f = Fixture::editing();
    f.script([(503, r#"{"error":{"code":"ID.1001","details":"expired"}}"#)]);
    block_on(account::log_out(f.ctx));
    assert_eq!(f.stage(), Stage::Login(AfterLogin::Edit));
}

#[test]
fn no_logout_while_a_clone_is_sent_or_followed_or_before_a_login() {
    let intent = CloneIntent {
        job_uuid: "0".repeat(32),
        request: Default::default(),
    };
    assert_eq!(after_log_out(&Stage::Cloning(intent)), None);
    assert_eq!(after_log_out(&Stage::Login(AfterLogin::Load)), None);
    // Done: logging out leads to a fresh load of the source after the next login.
    let f = Fixture::editing();
    let rid = f.resource_uuid();
    f.script([(202, ACCEPTED), (200, &done_body(&rid))]);
    f.submit();
    assert_eq!(f.phase(), Phase::Done, "{:?}", f.stage());
    f.script([(200, "{}")]);
    block_on(account::log_out(f.ctx));
    assert_eq!(f.stage(), Stage::Login(AfterLogin::Load));
}

#[test]
fn whose_session_it_is_is_asked_once_per_session_by_the_known_account_uuid() {
    let f = Fixture::editing();
    f.ctx
        .account
        .uuid
        .set(Some("36c27e8ff05c4780bf6d2fa65700f22e".into()));
    f.script([(200, ADMIN_ACCOUNT)]);
    block_on(account::identify(f.ctx));
    block_on(account::identify(f.ctx));
    let asked: Vec<String> = f
        .transport
        .requests()
        .into_iter()
        .map(|r| r.url)
        .filter(|u| u.contains("/accounts"))
        .collect();
    assert_eq!(
        asked,
        ["/zstack/v1/accounts?q=uuid=36c27e8ff05c4780bf6d2fa65700f22e&limit=1&fields=uuid,name,type"]
    );
    assert_eq!(f.ctx.account.label().as_deref(), Some("admin"));
}

#[test]
fn without_an_answer_the_account_uuid_is_shown_and_without_one_nothing() {
    let f = Fixture::editing();
    f.script([(200, r#"{"inventories":[]}"#)]);
    block_on(account::identify(f.ctx));
    assert_eq!(f.ctx.account.label(), None);
    f.ctx
        .account
        .uuid
        .set(Some("5b1d1c7e0a6b4c0f9e3f6a2d8c4b7e10".into()));
    assert_eq!(
        f.ctx.account.label().as_deref(),
        Some("5b1d1c7e0a6b4c0f9e3f6a2d8c4b7e10")
    );
}
