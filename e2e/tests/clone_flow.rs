//! The main flow: pre-fill, edit and clone (the changed fields sent, with size and system), rows,
//! validation.

use e2e::app::clone_posts;
use e2e::stack::{Stack, WAIT};
use serde_json::{json, Value};
use zstack_sim::seed;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_field_is_prefilled_from_the_source() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    let expect = [
        ("name", "qwen2.5-7b-instruct-copy"),
        (
            "description",
            "Chat endpoint for Qwen2.5 7B Instruct, on x86_64 and aarch64",
        ),
        ("readme", "# Qwen2.5-7B-Instruct\n\nServe with vLLM.\n"),
        (
            "yaml",
            "services:\n  - ports:\n      - 3000\n    name: qwen2.5-7b\n",
        ),
        ("type", "Endpoint"),
        ("framework", "vLLM"),
        ("source", "HuggingFace"),
        ("gpuComputeCapability", "8.0"),
        ("installPath", "/opt/models/qwen2.5-7b-instruct"),
        ("pythonVersion", "3.10"),
        ("condaVersion", "23.7.4"),
        (
            "startCommand",
            "python3 -m vllm.entrypoints.openai.api_server",
        ),
        ("containerCommand", "/bin/sh"),
        (
            "containerArgs",
            "-c \"vllm serve /models/qwen --port 3000\"",
        ),
        ("requestCpu", "8"),
        ("requestMemory", "32768"),
        ("size", &(15u64 << 30).to_string()),
        ("supportDistributed", "true"),
        ("system", "false"),
        ("resourceUuid", ""),
        ("systemTags", ""),
        ("userTags", ""),
        ("architectureImages.0.cpuArchitecture", "x86_64"),
        ("architectureImages.0.vmImageUuid", seed::IMAGE_X86_64_CUDA),
        ("architectureImages.0.dockerImage", "qwen/vllm:0.6-x86_64"),
        ("architectureImages.1.cpuArchitecture", "aarch64"),
        ("architectureImages.1.vmImageUuid", seed::IMAGE_AARCH64),
        ("architectureImages.1.dockerImage", "qwen/vllm:0.6-aarch64"),
    ];
    for (name, value) in expect {
        assert_eq!(stack.value(name).await, value, "control {name}");
    }
    // The pickers: no tag checked; one row per GPU vendor with its specs checked.
    let picked = stack
        .browser
        .wait_until(
            "the tag and GPU vendor pickers",
            "const tags = [...document.querySelectorAll('input[name=tagUuids]')];
             const vendors = [...document.querySelectorAll('select[name=vendorToSpecUuidsMap]')];
             if (!tags.length || !vendors.length) return null;
             const specs = [...document.querySelectorAll('input[type=checkbox]')]
                 .filter(b => b.name.startsWith('vendorToSpecUuidsMap.') && b.checked)
                 .map(b => b.name + '=' + b.value);
             return { tags: tags.filter(t => t.checked).length,
                      vendors: vendors.map(v => v.value), specs };",
            WAIT,
        )
        .await;
    assert_eq!(
        picked,
        json!({
            "tags": 0,
            "vendors": ["Huawei", "NVIDIA"],
            "specs": [
                format!("vendorToSpecUuidsMap.Huawei={}", seed::GPU_SPEC_HUAWEI_910B),
                format!("vendorToSpecUuidsMap.NVIDIA={}", seed::GPU_SPEC_NVIDIA_A100),
                format!("vendorToSpecUuidsMap.NVIDIA={}", seed::GPU_SPEC_NVIDIA_L40S),
            ],
        })
    );
    // Every one of the 27 parameters has a labelled control (cpuArchitectures and
    // architectureImages are the rows, uuid is the source shown above the form).
    let unlabelled = stack
        .browser
        .eval(
            "return [...document.querySelectorAll('dialog input, dialog select, dialog textarea')]
               .filter(el => !(el.labels && el.labels.length)).map(el => el.name);",
            vec![],
        )
        .await;
    assert_eq!(unlabelled, json!([]), "controls without a label");
    assert!(stack
        .text_of(".cms-source")
        .await
        .contains(seed::SERVICE_TWO_ARCH));
    stack.browser.screenshot("clone_flow-editing").await;
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edited_clone_sends_the_changed_fields_and_size_and_system() {
    let stack = Stack::start().await;
    let session = stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    stack.set("name", "qwen-edited").await;
    stack.set("requestCpu", "16").await;
    stack.set("supportDistributed", "false").await;
    stack.submit().await;
    stack.wait_phase("done").await;
    stack.browser.screenshot("clone_flow-done").await;

    let log = stack.sim_requests().await;
    let posts = clone_posts(&log);
    assert_eq!(posts.len(), 1, "{posts:?}");
    let post = posts[0];
    assert_eq!(
        post["path"],
        format!("/zstack/v1/ai/model-services/{}", seed::SERVICE_TWO_ARCH)
    );
    assert_eq!(post["headers"]["authorization"], format!("OAuth {session}"));
    let job = post["headers"]["x-job-uuid"].as_str().expect("X-Job-UUID");
    assert_eq!(job.len(), 32);
    let params = post["body"]["params"].as_object().expect("params");
    let mut keys: Vec<&str> = params.keys().map(String::as_str).collect();
    keys.sort();
    // The changed fields, plus `size` and `system`, which are always sent (the node would give
    // omitted ones its own defaults, not the source's values).
    assert_eq!(
        keys,
        [
            "name",
            "requestCpu",
            "resourceUuid",
            "size",
            "supportDistributed",
            "system"
        ],
        "{params:?}"
    );
    assert_eq!(params["size"], 15u64 << 30);
    assert_eq!(params["system"], false);
    assert_eq!(params["name"], "qwen-edited");
    assert_eq!(params["requestCpu"], 16);
    assert_eq!(params["supportDistributed"], false);
    let new_uuid = params["resourceUuid"].as_str().unwrap().to_owned();

    // What the user sees: the new service.
    assert_eq!(stack.text_of("[data-result=uuid]").await, new_uuid);
    assert_eq!(stack.text_of("[data-result=name]").await, "qwen-edited");
    let images = stack.text_of(".cms-result__images").await;
    assert!(
        images.contains("x86_64") && images.contains("aarch64"),
        "{images}"
    );
    let state = stack.sim_state().await;
    assert_eq!(state["cloneCount"], 1);

    // Clone another: back to the source's pre-fill.
    stack.click_action("clone-another").await;
    stack.wait_phase("editing").await;
    assert_eq!(stack.value("name").await, "qwen2.5-7b-instruct-copy");
    assert_eq!(stack.value("requestCpu").await, "8");
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rows_are_added_and_removed_and_sent_together() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_ONE_ARCH, "").await;
    assert_eq!(
        stack.value("architectureImages.0.cpuArchitecture").await,
        "x86_64"
    );
    stack.click_action("add-architecture").await;
    stack
        .wait_for("[name='architectureImages.1.cpuArchitecture']")
        .await;
    // The new row has focus.
    stack
        .browser
        .wait_until(
            "focus in the new row",
            "return document.activeElement && document.activeElement.name === 'architectureImages.1.cpuArchitecture'",
            WAIT,
        )
        .await;
    stack
        .set("architectureImages.1.cpuArchitecture", "aarch64")
        .await;
    stack
        .set("architectureImages.1.vmImageUuid", seed::IMAGE_AARCH64)
        .await;
    stack
        .set("architectureImages.1.dockerImage", "bge/arm:1")
        .await;
    // A third row, then removed again: the others keep their values.
    stack.click_action("add-architecture").await;
    stack
        .set("architectureImages.2.cpuArchitecture", "mips64el")
        .await;
    stack
        .browser
        .eval(
            "document.querySelectorAll('[data-action=remove-architecture]')[2].click();",
            vec![],
        )
        .await;
    stack
        .browser
        .wait_until(
            "two rows",
            "return document.querySelectorAll('.cms-rows > fieldset.cms-row').length === 2",
            WAIT,
        )
        .await;
    assert_eq!(
        stack.value("architectureImages.1.dockerImage").await,
        "bge/arm:1"
    );
    stack.submit().await;
    stack.wait_phase("done").await;

    let log = stack.sim_requests().await;
    let posts = clone_posts(&log);
    assert_eq!(posts.len(), 1);
    let params = &posts[0]["body"]["params"];
    assert_eq!(params["cpuArchitectures"], json!(["X86_64", "AARCH64"]));
    let images = params["architectureImages"].as_array().expect("rows sent");
    assert_eq!(images.len(), 2);
    assert_eq!(images[1]["cpuArchitecture"], "AARCH64");
    assert_eq!(images[1]["vmImageUuid"], seed::IMAGE_AARCH64);
    assert_eq!(images[1]["dockerImage"], "bge/arm:1");
    let shown = stack.text_of(".cms-result__images").await;
    assert!(
        shown.contains("aarch64") && shown.contains("bge/arm:1"),
        "{shown}"
    );
    stack.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_validation_rule_blocks_sending() {
    let stack = Stack::start().await;
    stack.open_form(seed::SERVICE_TWO_ARCH, "").await;
    // Inline: a field shows its problem when left.
    stack.set("requestCpu", "-1").await;
    let inline = stack
        .browser
        .eval(
            "const el = document.querySelector('[name=requestCpu]');
             const id = el.getAttribute('aria-describedby');
             return { invalid: el.getAttribute('aria-invalid'),
                      message: id && document.getElementById(id).textContent };",
            vec![],
        )
        .await;
    assert_eq!(inline["invalid"], "true", "{inline}");
    assert!(
        inline["message"]
            .as_str()
            .unwrap_or("")
            .contains("2147483647"),
        "{inline}"
    );

    let bad: [(&str, &str); 11] = [
        ("name", ""),
        ("description", &"d".repeat(2100)),
        ("requestMemory", "12x"),
        ("size", "99999999999999999999"),
        ("gpuComputeCapability", "eight"),
        ("type", "Bogus"),
        ("yaml", "a: [1, 2\nb: c"),
        ("resourceUuid", "not-a-uuid"),
        ("architectureImages.1.cpuArchitecture", "x86_64"),
        ("architectureImages.0.vmImageUuid", "short"),
        ("architectureImages.0.dockerImage", "has space"),
    ];
    for (name, value) in bad {
        if name == "type" {
            // A select offers only valid values: force an invalid one as a crafted DOM would.
            stack
                .browser
                .eval(
                    "const s = document.querySelector('[name=type]');
                     const o = document.createElement('option'); o.value = 'Bogus'; s.add(o);",
                    vec![],
                )
                .await;
        }
        stack.set(name, value).await;
    }
    // A tag uuid typed in that is not a uuid, and a GPU vendor row left empty.
    stack.wait_for("[name='tagUuids.add']").await;
    stack.set("tagUuids.add", "nope").await;
    stack.click_action("add-tag").await;
    stack.wait_for("[data-action=add-vendor]").await;
    stack.click_action("add-vendor").await;
    stack.submit().await;
    stack.wait_for(".cms-summary li").await;
    stack
        .browser
        .wait_until(
            "focus on the summary",
            "return document.activeElement && document.activeElement.classList.contains('cms-summary')",
            WAIT,
        )
        .await;
    let listed: Value = stack
        .browser
        .eval(
            "return [...document.querySelectorAll('.cms-summary a')].map(a => a.dataset.problem);",
            vec![],
        )
        .await;
    for name in [
        "name",
        "description",
        "requestCpu",
        "requestMemory",
        "size",
        "gpuComputeCapability",
        "type",
        "yaml",
        "resourceUuid",
        "tagUuids",
        "vendorToSpecUuidsMap",
        "architectureImages.1.cpuArchitecture",
        "architectureImages.0.vmImageUuid",
        "architectureImages.0.dockerImage",
    ] {
        assert!(
            listed.as_array().unwrap().iter().any(|v| v == name),
            "{name} not in {listed}"
        );
    }
    let yaml = stack.text_of("#cms-err-yaml").await;
    assert!(yaml.contains("line") && yaml.contains("column"), "{yaml}");
    // A summary link moves focus to its control.
    stack
        .browser
        .eval(
            "document.querySelector('.cms-summary a[data-problem=yaml]').click();",
            vec![],
        )
        .await;
    let focused = stack
        .browser
        .eval("return document.activeElement.name", vec![])
        .await;
    assert_eq!(focused, "yaml");
    // The pickers' links move focus to their group, which is described by its problem.
    for name in ["tagUuids", "vendorToSpecUuidsMap"] {
        let group = stack
            .browser
            .eval(
                "document.querySelector(`.cms-summary a[data-problem=${arguments[0]}]`).click();
                 const a = document.activeElement;
                 return [a.tagName, a.id, a.getAttribute('aria-describedby')];",
                vec![json!(name)],
            )
            .await;
        assert_eq!(
            group,
            json!(["FIELDSET", format!("cms-{name}"), format!("cms-err-{name}")]),
            "{name}"
        );
    }
    stack.browser.screenshot("clone_flow-invalid").await;
    // Submitting again, and with Enter, still sends nothing.
    stack.submit().await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        stack
            .browser
            .eval(
                "return document.querySelector('dialog').dataset.phase",
                vec![]
            )
            .await,
        "editing"
    );
    assert!(clone_posts(&stack.sim_requests().await).is_empty());
    stack.finish().await;
}
