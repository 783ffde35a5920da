//! Helpers for the dialog's scenarios: sessions and faults on the simulator, controls by their
//! `name`, and the simulator's view of the clones.

use serde_json::{json, Value};

use crate::http;
use crate::stack::{Stack, WAIT};

/// Where CloneModelService is posted: `POST <CLONE_PATH><source uuid>`.
pub const CLONE_PATH: &str = "/zstack/v1/ai/model-services/";

/// A job failure with a cause chain, as ZStack's ErrorCode nests it.
pub fn disk_full() -> Value {
    json!({"code": "SYS.1006", "details": "clone failed",
           "cause": {"code": "SYS.1000", "details": "disk full"}})
}

/// `POST /zstack/v1/ai/model-services/<uuid>` requests (the clone) in a request log.
pub fn clone_posts(log: &[Value]) -> Vec<&Value> {
    log.iter()
        .filter(|r| {
            r["method"] == "POST"
                && r["path"]
                    .as_str()
                    .is_some_and(|p| p.starts_with(CLONE_PATH))
        })
        .collect()
}

impl Stack {
    /// A session minted on the simulator (no login request in the log).
    pub async fn mint_session(&self) -> String {
        let url = format!("{}/__sim/sessions", self.sim.base_url());
        let reply = http::request("POST", &url, &[], None).await.json();
        reply["uuid"].as_str().expect("session uuid").to_owned()
    }

    /// Adds a fault (see the simulator's README).
    pub async fn add_fault(&self, fault: Value) {
        let url = format!("{}/__sim/faults", self.sim.base_url());
        let response = http::request(
            "POST",
            &url,
            &[("content-type", "application/json")],
            Some(fault.to_string()),
        )
        .await;
        assert!(response.status < 300, "fault refused: {}", response.text());
    }

    /// Adds a fault for `times` requests of `method` under `path` (see the simulator's README).
    pub async fn add_fault_on(&self, method: &str, path: &str, times: u32, action: Value) {
        self.add_fault(
            json!({"method": method, "pathPrefix": path, "times": times, "action": action}),
        )
        .await;
    }

    /// The next clone POST starts a job that ZStack fails with `error` (an ErrorCode).
    pub async fn fail_next_clone_job(&self, error: Value) {
        self.add_fault_on(
            "POST",
            CLONE_PATH,
            1,
            json!({"kind": "jobFail", "error": error}),
        )
        .await;
    }

    /// Logs in as the seed's admin in the login form, once it is shown.
    pub async fn log_in_as_admin(&self) {
        self.wait_phase("login").await;
        self.set("accountName", zstack_sim::seed::ADMIN_ACCOUNT)
            .await;
        self.set("password", zstack_sim::seed::ADMIN_PASSWORD).await;
        self.click_action("login").await;
    }

    /// Expires every session on the simulator.
    pub async fn expire_sessions(&self) {
        let url = format!("{}/__sim/sessions/expire", self.sim.base_url());
        http::request("POST", &url, &[], None).await;
    }

    /// The simulator's state (`modelServices`, `cloneCount`, ...).
    pub async fn sim_state(&self) -> Value {
        http::get(&format!("{}/__sim/state", self.sim.base_url()), &[])
            .await
            .json()
    }

    /// Opens the dialog for `uuid` with a fresh session in the fragment and waits for the form.
    pub async fn open_form(&self, uuid: &str, extra_query: &str) -> String {
        let session = self.mint_session().await;
        self.open(&format!("/?uuid={uuid}{extra_query}#session={session}"))
            .await;
        self.wait_phase("editing").await;
        session
    }

    /// The value of the control named `name` (checkboxes: "true"/"false").
    pub async fn value(&self, name: &str) -> String {
        let v = self
            .browser
            .eval(
                "const el = document.querySelector(`[name=\"${arguments[0]}\"]`);
                 if (!el) return null;
                 return el.type === 'checkbox' ? String(el.checked) : el.value;",
                vec![json!(name)],
            )
            .await;
        v.as_str()
            .unwrap_or_else(|| panic!("no control named {name}"))
            .to_owned()
    }

    /// Sets a control's value as a user would (focus, input, change, leave).
    pub async fn set(&self, name: &str, value: &str) {
        let ok = self
            .browser
            .eval(
                "const [name, value] = arguments;
                 const el = document.querySelector(`[name=\"${name}\"]`);
                 if (!el) return false;
                 el.focus();
                 if (el.type === 'checkbox') { el.checked = value === 'true'; }
                 else { el.value = value; }
                 el.dispatchEvent(new Event('input', { bubbles: true }));
                 el.dispatchEvent(new Event('change', { bubbles: true }));
                 el.blur();
                 return true;",
                vec![json!(name), json!(value)],
            )
            .await;
        assert_eq!(ok, Value::Bool(true), "no control named {name}");
    }

    /// Clicks the first button with `data-action` = `action`.
    pub async fn click_action(&self, action: &str) {
        let ok = self
            .browser
            .eval(
                "const b = document.querySelector(`[data-action=\"${arguments[0]}\"]`);
                 if (!b) return false; b.click(); return true;",
                vec![json!(action)],
            )
            .await;
        assert_eq!(ok, Value::Bool(true), "no button {action}");
    }

    /// Clicks the form's submit button.
    pub async fn submit(&self) {
        self.browser
            .eval(
                "document.querySelector('dialog form.cms-form button[type=submit]').click();",
                vec![],
            )
            .await;
    }

    /// Text of the first element matching `selector` ("" if none).
    pub async fn text_of(&self, selector: &str) -> String {
        self.browser
            .eval(
                "const el = document.querySelector(arguments[0]);
                 return el ? el.textContent.trim() : '';",
                vec![json!(selector)],
            )
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Waits until an element matching `selector` exists.
    pub async fn wait_for(&self, selector: &str) {
        self.browser
            .wait_until(
                selector,
                &format!("return !!document.querySelector({});", json!(selector)),
                WAIT,
            )
            .await;
    }

    /// Asserts axe-core finds no violation on the page (screenshot named `name`, as
    /// [`Stack::axe_violations`]).
    pub async fn assert_accessible(&self, name: &str) {
        let violations = self.axe_violations(name).await;
        assert!(
            violations.is_empty(),
            "axe violations in {name}: {}",
            serde_json::to_string_pretty(&violations).unwrap()
        );
    }

    /// Runs axe-core (`CMS_AXE_JS`, set by `scripts/lib.sh`) on the page and returns its
    /// violations (id, impact, help, the nodes' selectors); saves a screenshot named `name`.
    pub async fn axe_violations(&self, name: &str) -> Vec<Value> {
        let path =
            std::env::var("CMS_AXE_JS").expect("CMS_AXE_JS (source scripts/lib.sh; cms_env)");
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        // axe's source runs as the WebDriver script itself: the page's CSP (deploy/nginx.conf,
        // script-src 'self') refuses an inline <script>, but not what WebDriver evaluates.
        let installed = self
            .browser
            .eval(
                &format!("if (!window.axe) {{\n{source}\n}}\nreturn !!window.axe;"),
                vec![],
            )
            .await;
        assert_eq!(installed, json!(true), "axe-core did not install itself");
        self.browser.screenshot(name).await;
        let result = self
            .browser
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ')) }))))
                   .catch(e => done([{ id: 'axe-error', help: String(e) }]));",
                vec![],
            )
            .await
            .expect("axe.run");
        match result {
            Value::Array(v) => v,
            other => panic!("axe answered {other}"),
        }
    }
}
