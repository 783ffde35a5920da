//! The source list's flow, natively (real state and client, scripted transport, memory
//! store): login first, pages, errors, and going back to the list and choosing the same source
//! again with a draft or a clone in flight.

use futures::executor::block_on;
use leptos::prelude::*;

use super::stage::{AfterLogin, Phase, Stage};
use super::state::{DialogState, Services};
use super::{flow, listing};
use crate::client::{Connection, HttpRequest, Method, ScriptStep, ScriptedTransport, VirtualClock};
use crate::embed::{ListPosition, MemoryStore, Store};
use crate::i18n::Lang;

const SOURCE: &str = "d76744cb53f9478abf42b907df3efb6e";
const SOURCE_REPLY: &str = r#"{"inventories":[{"uuid":"d76744cb53f9478abf42b907df3efb6e","name":"qwen","type":"Endpoint","source":"HuggingFace","requestCpu":4,"requestMemory":8192,"size":0,"system":false}]}"#;
const PAGE_REPLY: &str =
    r#"{"inventories":[{"uuid":"d76744cb53f9478abf42b907df3efb6e","name":"qwen"}],"total":41}"#;
const LOGIN_REPLY: &str = r#"{"inventory":{"uuid":"c0ffee00c0ffee00c0ffee00c0ffee00","accountUuid":"36c27e8ff05c4780bf6d2fa65700f22e"}}"#;
const SESSION_EXPIRED: &str = r#"{"error":{"code":"ID.1001","details":"session expired"}}"#;
const ACCEPTED: &str =
    r#"{"location":"http://10.0.0.1:8080/zstack/v1/api-jobs/x","apiTimeout":1800000}"#;
const SSO_PAGE: &str = "<html><head><title>Sign in</title></head><body>SSO</body></html>";

struct Fixture {
    ctx: DialogState,
    transport: ScriptedTransport,
    _owner: Owner,
}

impl Fixture {
    /// A standalone dialog without a source, with or without a session, started.
    fn choosing(session: bool, steps: &[(u16, &str)]) -> Fixture {
        let owner = Owner::new();
        owner.set();
        let transport = ScriptedTransport::new([]);
        let services = Services {
            connection: Connection::new(transport.clone(), VirtualClock::new()),
            store: Store::new(MemoryStore::default()),
        };
        let ctx = DialogState::new(Lang::En, "/zstack".into(), None, services);
        ctx.can_choose.set_value(true);
        if session {
            ctx.session
                .set(Some("b86c9016b4f24953a9edefb53ca0678c".into()));
        }
        let f = Fixture {
            ctx,
            transport,
            _owner: owner,
        };
        f.script(steps);
        block_on(flow::start(f.ctx));
        f
    }

    fn script(&self, steps: &[(u16, &str)]) {
        for (status, body) in steps {
            self.transport.push(ScriptStep::reply(*status, body));
        }
    }

    fn stage(&self) -> Stage {
        self.ctx.stage.get_untracked()
    }

    fn posts(&self) -> Vec<HttpRequest> {
        self.transport
            .requests()
            .into_iter()
            .filter(|r| r.method == Method::Post)
            .collect()
    }

    fn back_to_list(&self) {
        block_on(listing::show_list(self.ctx, ListPosition::default()));
    }
}

#[test]
fn without_a_session_the_login_comes_first_then_the_list() {
    let f = Fixture::choosing(false, &[]);
    assert_eq!(f.stage(), Stage::Login(AfterLogin::Choose));
    assert!(f.transport.requests().is_empty());
    f.script(&[(200, LOGIN_REPLY), (200, PAGE_REPLY)]);
    block_on(flow::login(f.ctx, "admin".into(), "password".into())).unwrap();
    assert_eq!(f.ctx.phase.get_untracked(), Phase::Choosing);
    let page = f.ctx.list.get_untracked().unwrap().unwrap();
    assert_eq!((page.rows.len(), page.total, page.page_count()), (1, 41, 3));
    let query = &f.transport.requests()[1].url;
    assert!(query.contains("replyWithCount=true"), "{query}");
}

#[test]
fn pages_turn_only_where_there_is_a_page_and_searches_start_at_the_first() {
    let f = Fixture::choosing(true, &[(200, PAGE_REPLY)]);
    f.script(&[(200, PAGE_REPLY), (200, PAGE_REPLY)]);
    block_on(listing::turn_page(f.ctx, true));
    assert_eq!(f.ctx.list_position.get_untracked().page, 1);
    assert!(f.transport.requests()[1].url.contains("start=20"));
    block_on(listing::turn_page(f.ctx, false));
    block_on(listing::turn_page(f.ctx, false));
    assert_eq!(f.ctx.list_position.get_untracked().page, 0);
    assert_eq!(
        f.transport.requests().len(),
        3,
        "nothing before the first page"
    );
    f.script(&[(200, r#"{"inventories":[],"total":0}"#)]);
    block_on(listing::search(f.ctx, "50%_off".into()));
    let position = f.ctx.list_position.get_untracked();
    assert_eq!((position.search.as_str(), position.page), ("50%_off", 0));
    let url = &f.transport.requests()[3].url;
    assert!(
        url.contains("q=name~=%2550__off%25&limit=20&start=0"),
        "{url}"
    );
    assert!(f.ctx.list.get_untracked().unwrap().unwrap().rows.is_empty());
}

#[test]
fn an_expired_session_on_the_list_asks_for_a_login_and_a_failure_says_so_in_place() {
    let f = Fixture::choosing(true, &[(503, SESSION_EXPIRED)]);
    assert_eq!(f.stage(), Stage::Login(AfterLogin::Choose));
    assert_eq!(f.ctx.session.get_untracked(), None);
    f.script(&[
        (200, LOGIN_REPLY),
        (502, "<html><title>Bad Gateway</title></html>"),
    ]);
    block_on(flow::login(f.ctx, "admin".into(), "password".into())).unwrap();
    assert_eq!(f.stage(), Stage::Choosing);
    assert!(f.ctx.list.get_untracked().unwrap().is_err());
}

#[test]
fn a_draft_survives_going_back_to_the_list_and_choosing_the_source_again() {
    let f = Fixture::choosing(true, &[(200, PAGE_REPLY), (200, SOURCE_REPLY)]);
    block_on(listing::choose(f.ctx, SOURCE.into()));
    assert_eq!(f.ctx.phase.get_untracked(), Phase::Editing);
    f.ctx.draft.update(|d| d.name = "qwen-edited".into());
    let rid = f.ctx.draft_resource_uuid.get_untracked();
    f.script(&[(200, PAGE_REPLY)]);
    f.back_to_list();
    assert_eq!(f.stage(), Stage::Choosing);
    assert_eq!(f.ctx.source_uuid.get_value(), None);
    f.script(&[(200, SOURCE_REPLY)]);
    block_on(listing::choose(f.ctx, SOURCE.into()));
    assert_eq!(
        f.ctx.draft.with_untracked(|d| d.name.clone()),
        "qwen-edited"
    );
    assert_eq!(f.ctx.draft_resource_uuid.get_untracked(), rid);
    assert!(f.ctx.restored.get_untracked());
}

#[test]
fn a_clone_of_unknown_outcome_resumes_with_the_same_job_when_its_source_is_chosen_again() {
    let f = Fixture::choosing(true, &[(200, PAGE_REPLY), (200, SOURCE_REPLY)]);
    block_on(listing::choose(f.ctx, SOURCE.into()));
    let rid = f.ctx.draft_resource_uuid.get_untracked();
    f.ctx.draft.update(|d| d.name = "qwen-copy".into());
    f.script(&[(202, ACCEPTED), (200, SSO_PAGE), (200, SSO_PAGE)]);
    block_on(flow::submit(f.ctx));
    assert_eq!(f.ctx.phase.get_untracked(), Phase::Unknown);
    f.script(&[(200, PAGE_REPLY)]);
    f.back_to_list();
    assert_eq!(f.stage(), Stage::Choosing);
    let done = format!(r#"{{"inventory":{{"uuid":"{rid}","name":"qwen-copy"}}}}"#);
    f.script(&[
        (200, SOURCE_REPLY),
        (400, "Duplicate job uuid[x]"),
        (200, &done),
    ]);
    block_on(listing::choose(f.ctx, SOURCE.into()));
    assert_eq!(f.ctx.phase.get_untracked(), Phase::Done, "{:?}", f.stage());
    let posts = f.posts();
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[0].header("X-Job-UUID"), posts[1].header("X-Job-UUID"));
    assert_eq!(posts[0].body, posts[1].body);
}
