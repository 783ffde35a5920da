//! The whole stack for one test: simulator, nginx and a browser.

use std::time::Duration;

use serde_json::Value;
use zstack_sim::{Quirks, Seed, SimHandle, SimOptions};

use crate::browser::Browser;
use crate::http;
use crate::nginx::{Nginx, Site};

/// How long waits on the page may take before a test fails.
pub const WAIT: Duration = Duration::from_secs(15);

pub struct Stack {
    // Dropped in this order: the browser, then nginx, then the simulator.
    pub browser: Browser,
    pub nginx: Nginx,
    pub sim: SimHandle,
}

/// What a test can choose about its stack.
pub struct StackOptions {
    pub width: u32,
    pub height: u32,
    /// The browser's preferred language (`Accept-Language`, `navigator.languages`).
    pub browser_lang: String,
    /// How long a simulated clone job runs.
    pub job_ms: u64,
    /// The real node's quirks the simulator shows (see the simulator's README).
    pub quirks: Quirks,
    /// What nginx serves (`deploy/nginx.conf`): the root build at `/` unless a test says.
    pub site: Site,
    /// The simulator's data; `None` is its built-in seed.
    pub seed: Option<Seed>,
    /// The browser prefers a dark colour scheme (`prefers-color-scheme: dark`).
    pub dark: bool,
}

impl StackOptions {
    /// A phone-sized window (360 × 740), for the narrow-layout checks.
    pub fn narrow() -> Self {
        StackOptions {
            width: 360,
            height: 740,
            ..StackOptions::default()
        }
    }
}

impl Default for StackOptions {
    fn default() -> Self {
        StackOptions {
            width: 1280,
            height: 900,
            browser_lang: "en-US".into(),
            job_ms: 300,
            quirks: Quirks::none(),
            site: Site::root(),
            seed: None,
            dark: false,
        }
    }
}

impl Stack {
    pub async fn start() -> Stack {
        Stack::start_with(StackOptions::default()).await
    }

    pub async fn start_with(options: StackOptions) -> Stack {
        let sim = zstack_sim::start(SimOptions {
            control: true,
            job_ms: options.job_ms,
            quirks: options.quirks,
            seed: options.seed,
            ..SimOptions::default()
        })
        .await
        .expect("start zstack-sim");
        let nginx = Nginx::start(&options.site, sim.addr()).await;
        // Blink's preferred colour scheme: 0 is dark.
        let extra: &[&str] = if options.dark {
            &[
                "--blink-settings=preferredColorScheme=0",
                "--force-dark-mode",
            ]
        } else {
            &[]
        };
        let browser = Browser::start_with(
            options.width,
            options.height,
            &options.browser_lang,
            extra,
            None,
        )
        .await;
        Stack {
            browser,
            nginx,
            sim,
        }
    }

    /// Opens `path_and_query` of the app (relative to its public path: `/?uuid=x` is
    /// `/tools/clone/?uuid=x` on the sub-path site), as served by nginx: always a new document (an
    /// address that differs from the current one only in its fragment would otherwise not
    /// load the page again).
    pub async fn open(&self, path_and_query: &str) {
        let client = self.browser.client();
        client.goto("about:blank").await.expect("navigate");
        client
            .goto(&self.nginx.app_url(path_and_query))
            .await
            .expect("navigate");
    }

    /// Waits until the dialog root is open and carries `data-phase` = `phase`, none of its
    /// parts still loading.
    pub async fn wait_phase(&self, phase: &str) {
        // In the phase, and its view's parts are there (src/ui/parts.rs): none still loading.
        let script = format!(
            "const d = document.querySelector('dialog.cms-dialog'); \
             return !!d && d.open && d.dataset.phase === '{phase}' \
               && !d.querySelector('[data-part=loading]');"
        );
        self.browser
            .wait_until(&format!("phase {phase}"), &script, WAIT)
            .await;
    }

    /// The simulator's request log (every request under /zstack, oldest first).
    pub async fn sim_requests(&self) -> Vec<Value> {
        let response = http::get(&format!("{}/__sim/requests", self.sim.base_url()), &[]).await;
        match response.json() {
            Value::Array(requests) => requests,
            other => panic!("request log is not an array: {other}"),
        }
    }

    /// Closes the browser session cleanly; the servers stop when the stack drops.
    pub async fn finish(self) {
        let Stack {
            browser,
            nginx,
            sim,
        } = self;
        browser.close().await;
        drop(nginx);
        sim.shutdown().await;
    }
}
