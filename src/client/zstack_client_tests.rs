//! Login, sessions and queries against a scripted transport.

use futures::executor::block_on;

use super::*;
use crate::zstack::ModelServiceInventory;

pub(crate) const SESSION: &str = "b86c9016b4f24953a9edefb53ca0678c";

pub(crate) fn client(
    steps: Vec<ScriptStep>,
) -> (
    ZStackClient<ScriptedTransport, VirtualClock>,
    ScriptedTransport,
    VirtualClock,
) {
    let transport = ScriptedTransport::new(steps);
    let clock = VirtualClock::new();
    let config = ClientConfig {
        session: Some(SESSION.into()),
        ..ClientConfig::default()
    };
    (
        ZStackClient::new(config, transport.clone(), clock.clone()),
        transport,
        clock,
    )
}

#[test]
fn password_is_lower_case_sha512_hex() {
    assert_eq!(
        password_hash("password"),
        "b109f3bbbc244eb82441917ed06d618b9008dd09b3befd1b5e07394c706a8bb980b1d7785e5976ec049b46df5f1326af5a2ea6d103fd07c95385ffab0cacbc86"
    );
    assert_eq!(password_hash("").len(), 128);
}

#[test]
fn login_sends_the_hash_and_returns_the_session() {
    let (c, t, _) = client(vec![ScriptStep::reply(
        200,
        r#"{"inventory":{"uuid":"b86c9016b4f24953a9edefb53ca0678c","accountUuid":"a"}}"#,
    )]);
    let session = block_on(c.login("admin", "password")).unwrap();
    assert_eq!(session.uuid, SESSION);
    let req = &t.requests()[0];
    assert_eq!(req.method, Method::Put);
    assert_eq!(req.url, "/zstack/v1/accounts/login");
    assert_eq!(
        req.header("content-type"),
        Some("application/json;charset=UTF-8")
    );
    let body: serde_json::Value = serde_json::from_str(req.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["logInByAccount"]["accountName"], "admin");
    assert_eq!(
        body["logInByAccount"]["password"],
        password_hash("password")
    );
}

#[test]
fn wrong_password_is_an_api_error() {
    let (c, _, _) = client(vec![ScriptStep::reply(
        503,
        r#"{"error":{"code":"ID.1000","description":"wrong account name or password","details":"wrong account or password"}}"#,
    )]);
    let e = block_on(c.login("admin", "x")).unwrap_err();
    assert_eq!(e.code(), Some("ID.1000"));
    assert!(!e.is_session_invalid());
}

#[test]
fn queries_build_encoded_urls() {
    let (c, t, _) = client(vec![
        ScriptStep::reply(
            200,
            r#"{"inventories":[{"uuid":"d76744cb53f9378abf42b907df3efb6e","name":"qwen","size":9007199254740993}]}"#,
        ),
        ScriptStep::reply(200, r#"{"inventories":[]}"#),
        ScriptStep::reply(200, r#"{"inventories":[{"uuid":"x","name":"my model"}]}"#),
        ScriptStep::reply(
            200,
            r#"{"inventories":[{"uuid":"i","architecture":"aarch64"}]}"#,
        ),
        ScriptStep::reply(200, r#"{"inventories":[{"uuid":"t","name":"prod"}]}"#),
        ScriptStep::reply(404, "no api mapping to /v1/pci-device-specs"),
    ]);
    let src: ModelServiceInventory = block_on(c.model_service("d76744cb53f9378abf42b907df3efb6e"))
        .unwrap()
        .unwrap();
    assert_eq!(src.size, Some(9_007_199_254_740_993));
    assert_eq!(
        block_on(c.find_model_service("90d425a802ff44eeb530f21587633700")).unwrap(),
        None
    );
    assert!(block_on(c.name_taken("my model")).unwrap());
    assert_eq!(
        block_on(c.images_for_architecture("AARCH64"))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(block_on(c.tags()).unwrap()[0].uuid, "t");
    assert!(block_on(c.gpu_specs()).unwrap().is_empty());
    let urls: Vec<String> = t.requests().into_iter().map(|r| r.url).collect();
    assert_eq!(
        urls,
        [
            "/zstack/v1/ai/model-services/d76744cb53f9378abf42b907df3efb6e",
            "/zstack/v1/ai/model-services?q=uuid=90d425a802ff44eeb530f21587633700",
            "/zstack/v1/ai/model-services?q=name=my%20model&limit=1&fields=uuid,name",
            "/zstack/v1/images?q=architecture=aarch64",
            "/zstack/v1/tags",
            "/zstack/v1/pci-device-specs?q=type?=GPU_3D_Controller%2CGPU_Video_Controller",
        ]
    );
}

#[test]
fn query_errors_are_typed() {
    let (c, _, _) = client(vec![
        ScriptStep::reply(
            503,
            r#"{"error":{"code":"ID.1001","description":"session expired"}}"#,
        ),
        ScriptStep::reply(502, "<html><title>Bad Gateway</title></html>"),
        ScriptStep::reply(400, "Authorization type must be 'OAuth'"),
        ScriptStep::Fail("connection refused".into()),
        ScriptStep::Hang,
    ]);
    assert!(block_on(c.tags()).unwrap_err().is_session_invalid());
    assert!(matches!(
        block_on(c.tags()).unwrap_err(),
        ClientError::Proxy { status: 502, .. }
    ));
    assert!(matches!(
        block_on(c.tags()).unwrap_err(),
        ClientError::Rest { status: 400, .. }
    ));
    assert!(matches!(
        block_on(c.tags()).unwrap_err(),
        ClientError::Network { .. }
    ));
    assert_eq!(
        block_on(c.tags()).unwrap_err(),
        ClientError::Timeout { elapsed_ms: 30_000 }
    );
}

#[test]
fn the_api_base_is_configuration() {
    let mut config = ClientConfig {
        api_base: "/api/zstack/".into(),
        ..ClientConfig::default()
    };
    config.session = None;
    let c = ZStackClient::new(config, ScriptedTransport::new([]), VirtualClock::new());
    let req = c.request(
        Method::Get,
        c.url("/v1/tags", &crate::zstack::Query::new()),
        None,
    );
    assert_eq!(req.url, "/api/zstack/v1/tags");
    assert_eq!(req.header("Authorization"), None);
}

#[test]
fn a_page_of_sources_is_one_counted_query() {
    let (c, t, _) = client(vec![
        ScriptStep::reply(
            200,
            r#"{"inventories":[{"uuid":"a","name":"it's 50%_off"},{"uuid":"b","name":"its 50xyoff"}],"total":2,"schema":{}}"#,
        ),
        ScriptStep::reply(503, r#"{"error":{"code":"ID.1001"}}"#),
    ]);
    let request = PageRequest {
        search: "'s 50%_".into(),
        page: 1,
    };
    let page = block_on(c.model_service_page(&request)).unwrap();
    assert_eq!(page.rows.len(), 1);
    assert_eq!(page.rows[0].uuid.as_deref(), Some("a"));
    assert_eq!((page.total, page.total_is_bound, page.page), (2, true, 1));
    assert_eq!(
        t.requests()[0].url,
        "/zstack/v1/ai/model-services?q=name~=%25_s%2050__%25&limit=20&start=20&replyWithCount=true&sort=%2Bname&fields=uuid,name,type,framework,cpuArchitectures,modelServiceImages,createDate"
    );
    assert_eq!(
        t.requests()[0].header("Authorization"),
        Some(&*format!("OAuth {SESSION}"))
    );
    assert!(block_on(c.model_service_page(&request))
        .unwrap_err()
        .is_session_invalid());
}
