//! chromedriver's own commands beyond WebDriver: Chromium's network emulation
//! (`POST /session/{id}/chromium/network_conditions`) and the `performance` log, where a traced
//! session's Chromium trace arrives (`POST /session/{id}/se/log`), for the benchmarks; blocked
//! URLs (DevTools' `Network.setBlockedURLs` through `POST /session/{id}/goog/cdp/execute`), for
//! files that cannot be fetched.

use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{json, Value};

use crate::browser::Browser;

/// A link to emulate: a latency added to every request (ms, Chromium's "minimum latency from
/// request sent to response headers received") and the throughput each way (bytes/s).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    pub latency_ms: u32,
    pub bytes_per_s: u32,
}

impl Link {
    /// The issue's branch-office link: 20 Mbit/s each way, 40 ms round trip.
    pub const BRANCH_OFFICE: Link = Link {
        latency_ms: 40,
        bytes_per_s: 20_000_000 / 8,
    };
}

/// `POST /session/{id}/<path>` with a JSON body.
#[derive(Debug)]
struct SessionPost {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

impl Browser {
    /// From now on, every request of this browser goes over `link` (loopback underneath).
    pub async fn emulate_link(&self, link: Link) {
        let conditions = json!({
            "network_conditions": {
                "offline": false,
                "latency": link.latency_ms,
                "download_throughput": link.bytes_per_s,
                "upload_throughput": link.bytes_per_s,
            }
        });
        self.client()
            .issue_cmd(SessionPost {
                path: "chromium/network_conditions",
                body: conditions,
            })
            .await
            .expect("chromedriver's network_conditions");
    }

    /// From now on, every request whose URL matches one of `patterns` (`*` matches anything)
    /// fails as a refused connection would; an empty list lifts the block.
    pub async fn block_urls(&self, patterns: &[String]) {
        for (cmd, params) in [
            ("Network.enable", json!({})),
            ("Network.setBlockedURLs", json!({ "urls": patterns })),
        ] {
            self.client()
                .issue_cmd(SessionPost {
                    path: "goog/cdp/execute",
                    body: json!({ "cmd": cmd, "params": params }),
                })
                .await
                .unwrap_or_else(|e| panic!("chromedriver's {cmd}: {e}"));
        }
    }

    /// The `performance` log since the last call: for a session started with a trace
    /// ([`Browser::start_with`]), the trace's events (`Tracing.dataCollected` messages).
    pub async fn performance_log(&self) -> Vec<Value> {
        let entries = self
            .client()
            .issue_cmd(SessionPost {
                path: "se/log",
                body: json!({ "type": "performance" }),
            })
            .await
            .expect("chromedriver's performance log");
        entries
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| entry["message"].as_str())
            .filter_map(|message| serde_json::from_str::<Value>(message).ok())
            .map(|message| message["message"].clone())
            .collect()
    }
}
