//! chromedriver's own commands beyond WebDriver, for the benchmarks: Chromium's network
//! emulation (`POST /session/{id}/chromium/network_conditions`).

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

#[derive(Debug)]
struct NetworkConditions(Value);

impl WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/chromium/network_conditions",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
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
            .issue_cmd(NetworkConditions(conditions))
            .await
            .expect("chromedriver's network_conditions");
    }
}
