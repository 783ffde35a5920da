//! The bad-input matrix, end to end: each kind of bad or hostile input either gets a clear
//! message at its field (and nothing is sent), or makes an exact round trip: ZStack receives
//! exactly what was typed, and nothing of it is ever interpreted as markup in the page.

use e2e::app::clone_posts;
use e2e::stack::{Stack, WAIT};
use serde_json::{json, Value};
use zstack_sim::seed;

/// The message shown for the control named `name` (its `aria-describedby` error), or "".
async fn field_message(stack: &Stack, name: &str) -> String {
    let v = stack
        .browser
        .eval(
            "const el = document.querySelector(`[name=\"${arguments[0]}\"]`);
             if (!el) return 'NO CONTROL';
             if (el.getAttribute('aria-invalid') !== 'true') return '';
             const ids = (el.getAttribute('aria-describedby') || '').split(' ');
             return ids.map(id => document.getElementById(id))
                       .filter(e => e && e.classList.contains('cms-field__error'))
                       .map(e => e.textContent.trim()).join(' ');",
            vec![json!(name)],
        )
        .await;
    v.as_str().unwrap_or_default().to_owned()
}

/// Elements a payload would have injected if it had been taken as markup.
async fn injected(stack: &Stack) -> Value {
    stack
        .browser
        .eval(
            "return document.querySelectorAll('img[src=x], script:not([src]):not([type]), [onerror], .pwned').length;",
            vec![],
        )
        .await
}

/// Kinds whose message must appear at the field when left; `expect` is part of it.
const AT_THE_FIELD: &[(&str, &str, &str)] = &[
    ("requestCpu", "abc", "whole number"),
    ("requestCpu", "2147483648", "2147483647"),
    ("requestCpu", "-1", "2147483647"),
    ("requestCpu", "1.5", "whole number"),
    (
        "requestMemory",
        "9223372036854775808",
        "9223372036854775807",
    ),
    ("requestMemory", "-5", "9223372036854775807"),
    ("size", "-1", "9223372036854775807"),
    ("size", "1e3", "whole number"),
    ("size", "0x10", "whole number"),
    ("name", "", "required"),
    ("requestCpu", "１２", "whole number"),
    ("requestCpu", " ", "required"),
    ("size", "9223372036854775808", "9223372036854775807"),
    ("requestMemory", "12x", "whole number"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_explained_at_its_field_and_nothing_is_sent() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    let long_name = "n".repeat(256);
    let long_description = "d".repeat(2049);
    let mut kinds: Vec<(&str, String, &str)> = AT_THE_FIELD
        .iter()
        .map(|(n, v, e)| (*n, v.to_string(), *e))
        .collect();
    kinds.extend([
        ("name", long_name, "256"),
        ("description", long_description, "2049"),
        (
            "resourceUuid",
            "D76744CB53F9478ABF42B907DF3EFB6E".into(),
            "lower-case",
        ),
        (
            "resourceUuid",
            "90d425a8-02ff-44ee-b530-f21587633700".into(),
            "lower-case",
        ),
        (
            "resourceUuid",
            "90d425a802ff04eeb530f21587633700".into(),
            "position 13",
        ),
        (
            "resourceUuid",
            "90d425a802ff44eec530f21587633700".into(),
            "position 17",
        ),
        (
            "architectureImages.0.vmImageUuid",
            "xyz".into(),
            "32 hexadecimal",
        ),
        (
            "architectureImages.0.vmImageUuid",
            "21cb9f654e9d4feab962ce3f5eec579".into(),
            "32 hexadecimal",
        ),
        (
            "architectureImages.0.vmImageUuid",
            "21cb9f654e9d4feab962ce3f5eec5796'--".into(),
            "32 hexadecimal",
        ),
        (
            "architectureImages.1.cpuArchitecture",
            "x86_64".into(),
            "earlier row",
        ),
        (
            "architectureImages.0.dockerImage",
            "my image:latest".into(),
            "spaces",
        ),
        ("gpuComputeCapability", "eight".into(), "8.6"),
        ("yaml", "a: [1, 2\nb: c".into(), "line"),
        ("systemTags", "a::b\na::b".into(), "repeats"),
    ]);
    assert!(kinds.len() >= 25, "{} kinds at the field", kinds.len());
    let mut rows = Vec::new();
    for (name, value, expect) in &kinds {
        let before = stack.value(name).await;
        stack.set(name, value).await;
        let message = field_message(&stack, name).await;
        assert!(
            message.to_lowercase().contains(&expect.to_lowercase()),
            "{name} = {value:.40?}: message {message:?} lacks {expect:?}"
        );
        rows.push(format!("{name} = {value:.40?}: {message}"));
        stack.set(name, &before).await;
        assert_eq!(field_message(&stack, name).await, "", "{name}: fixed again");
    }
    // Duplicate and empty rows, all at once, then submit: nothing is sent.
    stack
        .set("architectureImages.1.cpuArchitecture", "x86_64")
        .await;
    stack.click_action("add-architecture").await;
    stack
        .wait_for("[name='architectureImages.2.cpuArchitecture']")
        .await;
    stack.wait_for("[name='tagUuids.add']").await;
    stack.set("tagUuids.add", "not-a-tag-uuid").await;
    stack.click_action("add-tag").await;
    stack.submit().await;
    stack.wait_for(".cms-summary li").await;
    let summary = stack.text_of(".cms-summary").await;
    assert!(!summary.is_empty());
    assert!(
        !field_message(&stack, "architectureImages.2.cpuArchitecture")
            .await
            .is_empty()
            || !field_message(&stack, "architectureImages.2.vmImageUuid")
                .await
                .is_empty(),
        "the empty row says so"
    );
    assert_ne!(
        field_message(&stack, "architectureImages.1.cpuArchitecture").await,
        ""
    );
    assert!(
        clone_posts(&stack.sim_requests().await).is_empty(),
        "nothing sent"
    );
    println!("{}", rows.join("\n"));
    stack.finish().await;
}

/// The text fields of the form (every one the user types free text into).
const TEXT_FIELDS: &[&str] = &[
    "name",
    "description",
    "readme",
    "framework",
    "startCommand",
    "pythonVersion",
    "condaVersion",
    "installPath",
    "containerCommand",
    "containerArgs",
];

/// Types `payload(field)` into every text field, clones, and checks the clone received exactly
/// that and the page never took it as markup.
async fn round_trip_every_text_field(stack: &Stack, payload: impl Fn(&str) -> String) {
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    for field in TEXT_FIELDS {
        let value = payload(field);
        stack.set(field, &value).await;
        assert_eq!(
            field_message(stack, field).await,
            "",
            "{field} = {value:?} is valid"
        );
    }
    // YAML is checked: the payload goes in as a quoted scalar (a JSON string is valid YAML).
    let yaml = format!("key: {}", json!(payload("yaml")));
    stack.set("yaml", &yaml).await;
    assert_eq!(field_message(stack, "yaml").await, "", "{yaml}");
    stack
        .set(
            "architectureImages.0.dockerImage",
            &payload("docker").replace(' ', ""),
        )
        .await;
    stack
        .set("userTags", &payload("userTags").replace('\n', " "))
        .await;
    stack.submit().await;
    stack.wait_phase("done").await;
    assert_eq!(injected(stack).await, json!(0), "nothing injected");
    let log = stack.sim_requests().await;
    let posts = clone_posts(&log);
    let params = &posts.last().expect("a clone")["body"]["params"];
    for field in TEXT_FIELDS {
        assert_eq!(params[*field], json!(payload(field)), "{field} round trip");
    }
    assert_eq!(params["yaml"], json!(yaml));
    let name = payload("name");
    assert_eq!(stack.text_of("[data-result=name]").await, name.trim());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markup_in_every_text_field_round_trips_exactly_and_is_never_markup() {
    let stack = Stack::start().await;
    round_trip_every_text_field(&stack, |f| {
        format!("\"><img src=x onerror=\"document.body.classList.add('pwned')\"> {f}")
    })
    .await;
    round_trip_every_text_field(&stack, |f| {
        format!("<script>document.body.className='pwned'</script>{f}</textarea><b class=pwned>")
    })
    .await;
    let body_class = stack
        .browser
        .eval("return document.body.className", vec![])
        .await;
    assert!(!body_class.as_str().unwrap_or("").contains("pwned"));
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unusual_text_round_trips_exactly() {
    let stack = Stack::start().await;
    let kinds: [(&str, &str); 8] = [
        ("emoji", "🚀 模型 👩‍💻 克隆 🇨🇳"),
        ("right-to-left", "نموذج العربية \u{200f}abc\u{202e}xyz"),
        ("CJK", "通义千问-对话服务-副本"),
        ("control characters", "a\u{1}b\u{1f}c\u{7f}d"),
        (
            "quotes and backslashes",
            "it's \"quoted\" \\n not a newline \\u0000",
        ),
        ("zero-width and combining", "e\u{301}\u{200b}x\u{fe0f}"),
        ("surrogate-range emoji", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟘𝟙𝟚"),
        ("HTML entities as text", "&lt;b&gt; &amp;amp; &#x3c;"),
    ];
    for (kind, text) in kinds {
        stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
        stack.set("name", text).await;
        stack.set("description", text).await;
        assert_eq!(field_message(&stack, "name").await, "", "{kind}");
        stack.submit().await;
        stack.wait_phase("done").await;
        let log = stack.sim_requests().await;
        let params = &clone_posts(&log).last().expect("a clone")["body"]["params"];
        assert_eq!(params["name"], json!(text), "{kind}: name");
        assert_eq!(params["description"], json!(text), "{kind}: description");
        assert_eq!(injected(&stack).await, json!(0), "{kind}");
    }
    // The longest values and the extreme numbers round-trip exactly too.
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    let yaml_1mb: String = (0..26_000)
        .map(|i| format!("key{i:05}: \"value {i} 中文 ✓ <b>\"\n"))
        .collect::<String>();
    assert!(yaml_1mb.len() > 1_000_000);
    stack.set("yaml", &yaml_1mb).await;
    stack.set("size", "9223372036854775807").await;
    stack.set("requestMemory", "9007199254740993").await;
    stack.set("requestCpu", "2147483647").await;
    stack
        .browser
        .wait_until(
            "the 1 MB YAML checked",
            "const el = document.querySelector('[name=yaml]'); return el.getAttribute('aria-invalid') !== 'true';",
            WAIT,
        )
        .await;
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let post = (*clone_posts(&log).last().expect("a clone")).clone();
    let params = &post["body"]["params"];
    assert_eq!(params["yaml"], json!(yaml_1mb));
    let state = stack.sim_state().await;
    let made = state["modelServices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["uuid"] == params["resourceUuid"])
        .expect("the clone")
        .clone();
    // Exact 64-bit values, as the simulator stored them (no rounding through f64).
    assert_eq!(made["size"].to_string(), "9223372036854775807");
    assert_eq!(made["requestMemory"].to_string(), "9007199254740993");
    assert_eq!(made["requestCpu"].to_string(), "2147483647");
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tampered_kept_draft_never_breaks_the_form() {
    let stack = Stack::start().await;
    let session = stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    let key = format!("cms.draft.{}", seed::SERVICE_TWO_ARCH);
    let row = |id: u32, arch: &str| json!({"id": id, "cpuArchitecture": arch, "vmImageUuid": "", "dockerImage": ""});
    let tampered = [
        // Duplicate row ids and duplicate tag uuids.
        json!({"draft": {"sourceUuid": seed::SERVICE_TWO_ARCH, "name": "tampered",
            "architectureRows": [row(1, "x86_64"), row(1, "aarch64"), row(1, "loongarch64")],
            "tagUuids": [seed::TAG_PRODUCTION, seed::TAG_PRODUCTION, seed::TAG_PRODUCTION],
            "vendorSpecs": [{"vendor": "NVIDIA", "specUuids": []}, {"vendor": "NVIDIA", "specUuids": []}],
            "nextRowId": 0},
            "resourceUuid": "90d425a802ff44eeb530f21587633700",
            "jobUuid": "3f4e5c1a2b3c4d5e6f708192a3b4c5d6"}),
        // Markup where text is expected.
        json!({"draft": {"sourceUuid": seed::SERVICE_TWO_ARCH,
            "name": "<img src=x onerror=alert(1)>", "architectureRows": []},
            "resourceUuid": "90d425a802ff44eeb530f21587633700",
            "jobUuid": "3f4e5c1a2b3c4d5e6f708192a3b4c5d6"}),
        // Another source's draft, a bad resourceUuid, the wrong shape, not JSON.
        json!({"draft": {"sourceUuid": seed::SERVICE_ONE_ARCH, "name": "other"},
            "resourceUuid": "90d425a802ff44eeb530f21587633700", "jobUuid": "3f4e5c1a2b3c4d5e6f708192a3b4c5d6"}),
        json!({"draft": {"sourceUuid": seed::SERVICE_TWO_ARCH, "name": "x"},
            "resourceUuid": "../../evil", "jobUuid": "3f4e5c1a2b3c4d5e6f708192a3b4c5d6"}),
        json!({"draft": [1, 2, 3]}),
        json!("{not json"),
    ];
    // A same-origin page that is not the app: the kept entry is written there, so that the
    // app's own write when its page goes away cannot overwrite it.
    let stylesheet = stack
        .browser
        .eval(
            "return document.querySelector('link[rel=stylesheet]').href",
            vec![],
        )
        .await;
    let stylesheet = stylesheet
        .as_str()
        .expect("the stylesheet's address")
        .to_owned();
    for (i, entry) in tampered.iter().enumerate() {
        let text = match entry {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        stack
            .browser
            .client()
            .goto(&stylesheet)
            .await
            .expect("navigate");
        stack
            .browser
            .eval(
                "sessionStorage.setItem(arguments[0], arguments[1]); return true;",
                vec![json!(key), json!(text)],
            )
            .await;
        stack
            .open(&format!(
                "/?uuid={}#session={session}",
                seed::SERVICE_TWO_ARCH
            ))
            .await;
        stack.wait_phase("editing").await;
        // Every row key is unique: as many row nodes as rows, each with its own names.
        let rows = stack
            .browser
            .eval(
                "const rows = [...document.querySelectorAll('.cms-rows > fieldset.cms-row')];
                 const names = rows.map(r => r.querySelector('[name$=cpuArchitecture]').name);
                 return { n: rows.length, unique: new Set(names).size };",
                vec![],
            )
            .await;
        assert_eq!(rows["n"], rows["unique"], "case {i}: {rows}");
        assert_eq!(injected(&stack).await, json!(0), "case {i}");
        let tag_boxes = stack
            .browser
            .eval(
                "return document.querySelectorAll(`[name=tagUuids][value=\"${arguments[0]}\"]`).length",
                vec![json!(seed::TAG_PRODUCTION)],
            )
            .await;
        assert!(
            tag_boxes.as_u64().unwrap_or(0) <= 1,
            "case {i}: {tag_boxes}"
        );
        if i == 0 {
            assert_eq!(rows["n"], 3, "every tampered row is kept, keyed anew");
        }
    }
    stack.finish().await;
}

/// A long YAML is checked between keystrokes: a Clone pressed while its check runs sends
/// nothing and says so at the field; once the verdict is in, a syntax error is explained
/// (nothing sent) and the fixed YAML is sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_yaml_is_never_sent_before_its_check_says_it_is_valid() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    let good: String = (0..26_000)
        .map(|i| format!("key{i:05}: \"value {i}\"\n"))
        .collect();
    let bad = format!("{good}tail: [1, 2\n");
    // Typed and submitted in one go: the check of ~600 KB cannot have finished.
    let checking = stack
        .browser
        .eval(
            "const el = document.querySelector('[name=yaml]');
             el.focus();
             el.value = arguments[0];
             el.dispatchEvent(new Event('input', { bubbles: true }));
             el.blur();
             document.querySelector('dialog form.cms-form button[type=submit]').click();
             return true;",
            vec![json!(bad)],
        )
        .await;
    assert_eq!(checking, json!(true));
    assert_eq!(field_message(&stack, "yaml").await, "Checking the YAML…");
    stack
        .browser
        .wait_until(
            "the YAML's verdict",
            "return (document.getElementById('cms-err-yaml') || {}).textContent.includes('line');",
            WAIT,
        )
        .await;
    stack.submit().await;
    let message = field_message(&stack, "yaml").await;
    assert!(
        message.starts_with("YAML syntax error at line 26002"),
        "{message}"
    );
    assert!(clone_posts(&stack.sim_requests().await).is_empty());

    stack.set("yaml", &good).await;
    stack
        .browser
        .wait_until(
            "the fixed YAML checked",
            "return document.querySelector('[name=yaml]').getAttribute('aria-invalid') !== 'true';",
            WAIT,
        )
        .await;
    stack.submit().await;
    stack.wait_phase("done").await;
    let log = stack.sim_requests().await;
    let posts = clone_posts(&log);
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0]["body"]["params"]["yaml"], json!(good));
    stack.finish().await;
}
