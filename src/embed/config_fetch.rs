//! Fetching `config.json` from beside the page (relative to the document, so a deployment under
//! a sub-path finds its own), before anything else starts.

use super::runtime_config::{ConfigError, RuntimeConfig};

/// The deployment's settings: the defaults when there is no `config.json`.
pub async fn load_runtime_config() -> Result<RuntimeConfig, ConfigError> {
    let url = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base("config.json", &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| "config.json".to_owned());
    let response = gloo_net::http::Request::get(&url)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| ConfigError(format!("config.json could not be fetched: {e}")))?;
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|e| ConfigError(format!("config.json could not be read: {e}")))?;
    RuntimeConfig::from_response(status, &body)
}
