//! Headless Debian Chromium driven by chromedriver over WebDriver (fantoccini).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use crate::process::{free_port, GroupChild};
use crate::scratch::ScratchDir;

pub struct Browser {
    client: Option<Client>,
    _driver: GroupChild,
    profile: ScratchDir,
}

/// Chromium's flags for a closed network, as root, headless.
fn chromium_args(profile: &std::path::Path, width: u32, height: u32) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        // The page's console goes to <profile>/chrome_debug.log (Browser::console_output).
        "--enable-logging",
        "--v=0",
    ]
    .iter()
    .map(|arg| arg.to_string())
    .chain([
        format!("--user-data-dir={}", profile.display()),
        format!("--window-size={width},{height}"),
    ])
    .collect()
}

impl Browser {
    /// Starts chromedriver on a free port and opens a Chromium session, `width` × `height`.
    pub async fn start(width: u32, height: u32, lang: &str) -> Browser {
        Browser::start_with(width, height, lang, &[], None).await
    }

    /// [`Browser::start`] with more Chromium arguments, recording a Chromium trace of
    /// `categories` (comma-separated) into the `performance` log when given (read with
    /// [`Browser::performance_log`]).
    pub async fn start_with(
        width: u32,
        height: u32,
        lang: &str,
        extra: &[&str],
        categories: Option<&str>,
    ) -> Browser {
        let profile = ScratchDir::new("chromium").expect("scratch dir");
        let port = free_port();
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        let log = profile.path().join("chromedriver.log");
        let mut command = Command::new(
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()),
        );
        command.arg(format!("--port={port}"));
        let mut driver = GroupChild::spawn("chromedriver", command, &log).expect("chromedriver");
        driver.wait_listening(addr, &log).await;

        let binary = std::env::var("CMS_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut args = chromium_args(&profile.path().join("profile"), width, height);
        args.push(format!("--lang={lang}"));
        args.extend(extra.iter().map(|arg| arg.to_string()));
        let mut capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": binary,
                "args": args,
                "prefs": { "intl.accept_languages": lang },
            },
        });
        if let Some(categories) = categories {
            capabilities["goog:loggingPrefs"] = json!({ "performance": "ALL" });
            capabilities["goog:chromeOptions"]["perfLoggingPrefs"] = json!({
                "enableNetwork": false,
                "enablePage": false,
                "traceCategories": categories,
            });
        }
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://{addr}"))
            .await
            .unwrap_or_else(|e| {
                let output = std::fs::read_to_string(&log).unwrap_or_default();
                panic!("cannot open a Chromium session: {e}\n{output}")
            });
        Browser {
            client: Some(client),
            _driver: driver,
            profile,
        }
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("browser is open")
    }

    /// Presses `key` on the element that has the focus (as a keyboard user would).
    pub async fn press(&self, key: Key) {
        self.client()
            .active_element()
            .await
            .expect("a focused element")
            .send_keys(&char::from(key).to_string())
            .await
            .expect("the key pressed");
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub async fn eval(&self, script: &str, args: Vec<Value>) -> Value {
        self.client()
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls `script` (a function body returning a value) until it returns something truthy,
    /// and returns that value; panics with `what` after `timeout`.
    pub async fn wait_until(&self, what: &str, script: &str, timeout: Duration) -> Value {
        let deadline = Instant::now() + timeout;
        loop {
            let value = self.eval(script, vec![]).await;
            let truthy = match &value {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::String(s) => !s.is_empty(),
                Value::Number(n) => n.as_f64() != Some(0.0),
                _ => true,
            };
            if truthy {
                return value;
            }
            if Instant::now() > deadline {
                let html = self
                    .eval("return document.documentElement.outerHTML", vec![])
                    .await;
                let html = html.as_str().unwrap_or_default();
                let cut: String = html.chars().take(6000).collect();
                panic!("timed out waiting for {what}; page (first 6000 characters):\n{cut}");
            }
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }

    /// Every message the pages wrote to the console so far: the text of Chromium's `CONSOLE`
    /// log lines, without the `source:` Chromium adds (the page's address when it loaded).
    pub fn console_output(&self) -> String {
        let log = self.profile.path().join("profile").join("chrome_debug.log");
        std::fs::read_to_string(log)
            .unwrap_or_default()
            .lines()
            .filter_map(|line| line.split_once(":CONSOLE").map(|(_, rest)| rest))
            .map(|rest| {
                rest.rsplit_once("\", source: ")
                    .map_or(rest, |(message, _)| message)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Saves a PNG screenshot to `<artifacts>/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client().screenshot().await.expect("screenshot");
        let dir = artifacts_dir();
        std::fs::create_dir_all(&dir).expect("artifacts dir");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Ends the WebDriver session (Chromium exits); dropping does the same, more abruptly.
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            let _ = client.close().await;
        }
    }
}

/// Where screenshots go: `$CMS_E2E_ARTIFACTS`, else `target/e2e-artifacts`.
pub fn artifacts_dir() -> PathBuf {
    std::env::var_os("CMS_E2E_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-artifacts")
        })
}
