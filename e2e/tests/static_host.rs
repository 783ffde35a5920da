//! The release build as a static host serves it: `deploy/nginx.conf` in a real nginx, at the
//! root and at `/tools/clone/`, real Chromium, the dialog frame.

use e2e::app::clone_posts;
use e2e::http;
use e2e::nginx::{Site, SUB_PATH};
use e2e::stack::{Stack, StackOptions, WAIT};
use serde_json::Value;
use zstack_sim::seed;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dialog_opens_as_a_labelled_modal_with_focus_inside() {
    let stack = Stack::start().await;
    // A ?uuid= that is not a uuid: a full message says what is wrong.
    stack.open("/?uuid=not-a-uuid").await;
    stack.wait_phase("unavailable").await;
    let facts = stack
        .browser
        .eval(
            "const d = document.querySelector('dialog.cms-dialog');
             const title = document.getElementById(d.getAttribute('aria-labelledby'));
             return {
               modal: d.matches(':modal'),
               title: title && title.textContent.trim(),
               focusInside: d.contains(document.activeElement),
               lang: document.documentElement.lang,
               pageTitle: document.title,
               message: d.querySelector('[role=alert]').textContent.trim(),
             };",
            vec![],
        )
        .await;
    assert_eq!(facts["modal"], Value::Bool(true), "{facts}");
    assert_eq!(facts["title"], "Clone model service", "{facts}");
    assert_eq!(facts["focusInside"], Value::Bool(true), "{facts}");
    assert_eq!(facts["lang"], "en", "{facts}");
    assert!(
        facts["message"]
            .as_str()
            .unwrap_or("")
            .contains("not a ZStack uuid"),
        "{facts}"
    );
    stack.browser.screenshot("static_host-dialog-en").await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_comes_from_the_query_then_the_browser_and_switches_in_place() {
    let stack = Stack::start_with(StackOptions {
        browser_lang: "zh-CN".into(),
        ..StackOptions::default()
    })
    .await;
    // The browser prefers Chinese.
    stack.open("/").await;
    stack.wait_phase("login").await;
    let title = "return document.getElementById('cms-title').textContent.trim()";
    assert_eq!(stack.browser.eval(title, vec![]).await, "克隆模型服务");
    // ?lang= wins over the browser.
    stack.open("/?lang=en").await;
    stack.wait_phase("login").await;
    assert_eq!(
        stack.browser.eval(title, vec![]).await,
        "Clone model service"
    );
    // Switching in place changes every text and <html lang>, without a reload.
    stack
        .browser
        .eval(
            "window.__notReloaded = true;
             const select = document.querySelector('select[name=lang]');
             select.value = 'zh-CN';
             select.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await;
    stack
        .browser
        .wait_until(
            "the Chinese title",
            "return document.getElementById('cms-title').textContent.trim() === '克隆模型服务'
                && document.querySelector('dialog .cms-login [role=status]').textContent.includes('请登录 ZStack')
                && document.documentElement.lang === 'zh-CN' && window.__notReloaded === true",
            WAIT,
        )
        .await;
    stack.browser.screenshot("static_host-dialog-zh").await;
    stack.finish().await;
}

/// `deploy/nginx.conf`'s Content-Security-Policy with `frame-ancestors` = `ancestors`.
fn csp(ancestors: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         connect-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; \
         form-action 'none'; frame-ancestors {ancestors}"
    )
}

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The security headers every response carries, errors included.
fn assert_security_headers(what: &str, response: &http::Response, ancestors: &str) {
    assert_eq!(
        response.header("content-security-policy"),
        Some(csp(ancestors).as_str()),
        "{what}"
    );
    assert_eq!(
        response.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        response.header("referrer-policy"),
        Some("no-referrer"),
        "{what}"
    );
}

/// The page's own files (the links in index.html) with their MIME types.
fn assets(html: &str) -> Vec<(String, &'static str)> {
    vec![
        (find_asset(html, "_bg.wasm"), "application/wasm"),
        (find_asset(html, ".css"), "text/css"),
        (
            find_asset_containing(html, "/boot-", ".js"),
            "application/javascript",
        ),
        (
            find_asset_containing(html, "/clone-model-service-", ".js"),
            "application/javascript",
        ),
    ]
}

/// Every built file is sent precompressed as `scripts/build.sh` wrote it (brotli where the
/// browser accepts it, else gzip, else as is), with its MIME type, `Vary: Accept-Encoding` and
/// the cache lifetime of its kind.
async fn serves_the_build(stack: &Stack, site: &Site) {
    let app = stack.nginx.public_path().to_owned();
    let index = http::get(&stack.nginx.url(&app), &[]).await;
    assert_eq!(index.status, 200);
    let html = index.text();
    let mut files = assets(&html);
    files.push((format!("{app}index.html"), "text/html"));
    // The parts (src/ui/parts.rs) and their loader: not linked from the page, fetched later.
    for name in site.built_files() {
        let mime = if name.ends_with(".wasm") {
            "application/wasm"
        } else if name.starts_with("__wasm_split-") && name.ends_with(".js") {
            "application/javascript"
        } else {
            continue;
        };
        let path = format!("{app}{name}");
        if !files.iter().any(|(known, _)| *known == path) {
            files.push((path, mime));
        }
    }
    for (path, mime) in &files {
        let name = path
            .strip_prefix(&app)
            .expect("an asset under the public path");
        let built = site.dist.join(name);
        for (accept, encoding, suffix) in [
            ("gzip, deflate, br", Some("br"), ".br"),
            ("br", Some("br"), ".br"),
            ("gzip", Some("gzip"), ".gz"),
            ("identity", None, ""),
        ] {
            let what = format!("{path} with Accept-Encoding: {accept}");
            let response = http::get(&stack.nginx.url(path), &[("accept-encoding", accept)]).await;
            assert_eq!(response.status, 200, "{what}");
            assert_eq!(response.header("content-type"), Some(*mime), "{what}");
            assert_eq!(response.header("content-encoding"), encoding, "{what}");
            if encoding.is_some() {
                assert_eq!(response.header("vary"), Some("Accept-Encoding"), "{what}");
            }
            let expected = std::fs::read(format!("{}{suffix}", built.display()))
                .unwrap_or_else(|e| panic!("{}{suffix}: {e}", built.display()));
            assert!(
                response.body == expected,
                "{what}: not the file build.sh wrote"
            );
            let cache = if name == "index.html" {
                "no-cache"
            } else {
                IMMUTABLE
            };
            assert_eq!(response.header("cache-control"), Some(cache), "{what}");
            assert_security_headers(&what, &response, "'none'");
        }
    }
    // The page itself and every address inside the app (deep links) are index.html, never cached.
    for path in [app.clone(), format!("{app}some/deep/link?uuid=x")] {
        let response = http::get(&stack.nginx.url(&path), &[]).await;
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(response.text(), html, "{path}");
        assert_eq!(response.header("content-type"), Some("text/html"), "{path}");
        assert_eq!(response.header("cache-control"), Some("no-cache"), "{path}");
        assert_security_headers(&path, &response, "'none'");
    }
    // A file that is not there is a 404, with the same headers: a missing config.json means
    // the defaults, and an old hashed name must not be answered with the page.
    for path in [
        format!("{app}config.json"),
        format!("{app}clone-model-service-0123456789abcdef_bg.wasm"),
        format!("{app}main-0123456789abcdef.css"),
    ] {
        let response = http::get(&stack.nginx.url(&path), &[]).await;
        assert_eq!(response.status, 404, "{path}");
        assert_security_headers(&path, &response, "'none'");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nginx_serves_the_build_precompressed_with_types_caching_and_headers() {
    let stack = Stack::start().await;
    serves_the_build(&stack, &Site::root()).await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sub_path_build_is_served_the_same_under_tools_clone() {
    let site = Site::sub_path();
    let stack = Stack::start_with(StackOptions {
        site: site.clone(),
        ..StackOptions::default()
    })
    .await;
    serves_the_build(&stack, &site).await;
    // Every link in the page is under the sub-path.
    let html = http::get(&stack.nginx.url(SUB_PATH), &[]).await.text();
    for (path, _) in assets(&html) {
        assert!(path.starts_with(SUB_PATH), "{path}");
    }
    // Without the slash: redirected to the app, relative to whatever host and port was used.
    let bare = http::get(&stack.nginx.url(SUB_PATH.trim_end_matches('/')), &[]).await;
    assert_eq!(bare.status, 301);
    assert_eq!(bare.header("location"), Some(SUB_PATH));
    // In the browser: the dialog under the sub-path clones through /zstack/ at the root.
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    stack.set("name", "cloned-from-a-sub-path").await;
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let posts = clone_posts(&log);
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0]["body"]["params"]["name"], "cloned-from-a-sub-path");
    let state = stack.sim_state().await;
    assert_eq!(state["cloneCount"], 1, "{state}");
    let page = stack
        .browser
        .eval("return location.pathname;", vec![])
        .await;
    assert_eq!(page, SUB_PATH);
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn config_json_is_never_cached_and_frame_ancestors_is_the_deployments() {
    let ancestors = "http://127.0.0.1:9 https://portal.example.com";
    let mut site = Site::root().with_file("config.json", r#"{"apiBase": "/zstack"}"#);
    site.frame_ancestors = ancestors.into();
    let stack = Stack::start_with(StackOptions {
        site,
        ..StackOptions::default()
    })
    .await;
    let config = http::get(
        &stack.nginx.url("/config.json"),
        &[("accept-encoding", "gzip")],
    )
    .await;
    assert_eq!(config.status, 200);
    assert_eq!(config.header("content-type"), Some("application/json"));
    assert_eq!(config.header("cache-control"), Some("no-cache"));
    assert_security_headers("config.json", &config, ancestors);
    let index = http::get(&stack.nginx.url("/"), &[]).await;
    assert_security_headers("index.html", &index, ancestors);
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_proxy_takes_large_bodies_and_leaves_the_apis_caching_alone() {
    let stack = Stack::start().await;
    // 5 MB (nginx's default limit is 1 MB): the node answers (here: no Authorization), not nginx
    // with 413.
    let body = format!("{{\"params\": {{\"yaml\": \"{}\"}}}}", "a".repeat(5 << 20));
    let response = http::request(
        "POST",
        &stack.nginx.url(&format!(
            "/zstack/v1/ai/model-services/{}",
            seed::SERVICE_ONE_ARCH
        )),
        &[("content-type", "application/json")],
        Some(body),
    )
    .await;
    assert_ne!(response.status, 413, "{}", response.text());
    let log = stack.sim_requests().await;
    assert!(
        log.iter().any(|r| r["method"] == "POST"),
        "the POST did not reach the simulator: {log:?}"
    );
    // API replies: no cache lifetime of nginx's, no compression (they carry session tokens).
    let reply = http::get(
        &stack
            .nginx
            .url("/zstack/v1/accounts/sessions/0123456789abcdef0123456789abcdef/valid"),
        &[("accept-encoding", "gzip")],
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("cache-control"), None);
    assert_eq!(reply.header("content-encoding"), None);
    // The harness's one addition reaches the simulator: every reply carries ZStack's schema.
    assert!(reply.json().get("schema").is_some(), "{}", reply.text());
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_reaches_the_zstack_api_same_origin_through_the_proxy() {
    let stack = Stack::start().await;
    stack.open("/").await;
    stack.wait_phase("login").await;
    let session = "0123456789abcdef0123456789abcdef";
    let answer = stack
        .browser
        .client()
        .execute_async(
            "const [session, done] = arguments;
             fetch('/zstack/v1/accounts/sessions/' + session + '/valid')
               .then(r => r.text().then(body => done({ status: r.status, body })))
               .catch(e => done({ error: String(e) }));",
            vec![Value::String(session.into())],
        )
        .await
        .expect("fetch from the page");
    assert_eq!(answer["status"], 200, "{answer}");
    let body: Value = serde_json::from_str(answer["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["valid"], Value::Bool(false), "{answer}");
    let log = stack.sim_requests().await;
    assert!(
        log.iter()
            .any(|r| r["path"] == format!("/zstack/v1/accounts/sessions/{session}/valid")),
        "the simulator did not see the request: {log:?}"
    );
    stack.finish().await;
}

/// The first `src`/`href` in `html` ending with `suffix`.
fn find_asset(html: &str, suffix: &str) -> String {
    find_asset_containing(html, "/", suffix)
}

/// The first `src`/`href`/`content` in `html` containing `part` and ending with `suffix`.
fn find_asset_containing(html: &str, part: &str, suffix: &str) -> String {
    // Minified HTML leaves attribute values unquoted: split on quotes, blanks, `=` and `>`.
    html.split(['"', '\'', ' ', '=', '>'])
        .find(|value| value.starts_with('/') && value.contains(part) && value.ends_with(suffix))
        .unwrap_or_else(|| panic!("no asset ending in {suffix} in:\n{html}"))
        .to_string()
}
