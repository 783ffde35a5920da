//! `config.json`, beside `index.html`: the deployment's settings, read once at start. Absent:
//! the defaults. Present but malformed or of the wrong types: an error the page shows in full
//! (never a blank page, never a guess). Keys are camelCase, like ZStack's API.

use serde_json::Value;

use crate::i18n::Lang;

/// The settings, with their defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeConfig {
    /// Where the ZStack API is, on this origin (the page's CSP allows no other): a path.
    pub api_base: String,
    /// Exact origins (`https://portal.example.com`) allowed to frame the app and message it.
    pub embed_origins: Vec<String>,
    /// The language when the address has no `?lang=`; `None`: the browser's.
    pub language: Option<Lang>,
    /// Whether the login form is offered while framed (else the dialog waits for the host's
    /// `session` message).
    pub embedded_login: bool,
    /// Theme properties applied to the dialog (documented names only).
    pub theme: Vec<(String, String)>,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            api_base: "/zstack".to_owned(),
            embed_origins: Vec::new(),
            language: None,
            embedded_login: true,
            theme: Vec::new(),
        }
    }
}

/// What is wrong with `config.json`, in words a deployer acts on (the page shows it as is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl RuntimeConfig {
    /// Reads `config.json`'s text. Every key is checked by name, so a message says which key
    /// is wrong; an unknown key (a typo, say) is an error too, not silently ignored.
    pub fn parse(text: &str) -> Result<RuntimeConfig, ConfigError> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| ConfigError(format!("config.json is not valid JSON: {e}")))?;
        let Value::Object(keys) = value else {
            return Err(ConfigError(
                "config.json must be a JSON object, such as {\"apiBase\": \"/zstack\"}".into(),
            ));
        };
        let mut config = RuntimeConfig::default();
        for (key, value) in keys {
            match key.as_str() {
                "apiBase" => {
                    let base = value
                        .as_str()
                        .filter(|b| is_same_origin_path(b))
                        .ok_or_else(|| {
                            ConfigError(format!(
                                "config.json: apiBase must be a path on this origin, such as \"/zstack\" (got {value})"
                            ))
                        })?;
                    config.api_base = base.trim_end_matches('/').to_owned();
                }
                "embedOrigins" => {
                    let wrong = || {
                        ConfigError(format!(
                            "config.json: embedOrigins must be a list of exact origins, such as [\"https://portal.example.com\"] (got {value})"
                        ))
                    };
                    let list = value.as_array().ok_or_else(wrong)?;
                    let mut origins = Vec::new();
                    for origin in list {
                        let origin = origin.as_str().filter(|o| is_exact_origin(o)).ok_or_else(wrong)?;
                        origins.push(origin.to_owned());
                    }
                    config.embed_origins = origins;
                }
                "language" => {
                    config.language = Some(
                        value.as_str().and_then(Lang::from_tag).ok_or_else(|| {
                            ConfigError(format!(
                                "config.json: language must be \"en\" or \"zh-CN\" (got {value})"
                            ))
                        })?,
                    );
                }
                "embeddedLogin" => {
                    config.embedded_login = value.as_bool().ok_or_else(|| {
                        ConfigError(format!(
                            "config.json: embeddedLogin must be true or false (got {value})"
                        ))
                    })?;
                }
                "theme" => {
                    let wrong = |what: String| {
                        ConfigError(format!(
                            "config.json: theme must map documented properties to values ({what})"
                        ))
                    };
                    let map = value.as_object().ok_or_else(|| wrong(format!("got {value}")))?;
                    let mut pairs = Vec::new();
                    for (name, v) in map {
                        let v = v.as_str().ok_or_else(|| wrong(format!("{name} is {v}")))?;
                        pairs.push((name.clone(), v.to_owned()));
                    }
                    config.theme = super::theme::checked_theme(pairs.into_iter())
                        .map_err(|name| wrong(format!("no property {name:?}, or its value is not allowed")))?;
                }
                other => {
                    return Err(ConfigError(format!(
                        "config.json: unknown key {other:?} (known: apiBase, embedOrigins, language, embeddedLogin, theme)"
                    )))
                }
            }
        }
        Ok(config)
    }

    /// What a fetch of `config.json` answered: 404 (or the host's HTML fallback page, which a
    /// static host serves for any missing file) is "absent".
    pub fn from_response(status: u16, body: &str) -> Result<RuntimeConfig, ConfigError> {
        let looks_like_html = body.trim_start().starts_with('<');
        match status {
            200 if looks_like_html => Ok(RuntimeConfig::default()),
            200 => RuntimeConfig::parse(body),
            404 => Ok(RuntimeConfig::default()),
            other => Err(ConfigError(format!(
                "config.json could not be read (HTTP {other})"
            ))),
        }
    }
}

/// `/zstack`, `/api/zstack/`: an absolute path, not `//host` (another origin).
fn is_same_origin_path(base: &str) -> bool {
    base.starts_with('/') && !base.starts_with("//") && !base.contains(['\\', '?', '#', ' '])
}

/// `scheme://host[:port]` and nothing more: no path, no trailing slash, no wildcard.
pub fn is_exact_origin(origin: &str) -> bool {
    let Some((scheme, rest)) = origin.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_or_empty_is_the_defaults() {
        assert_eq!(
            RuntimeConfig::from_response(404, ""),
            Ok(RuntimeConfig::default())
        );
        assert_eq!(
            RuntimeConfig::from_response(200, "<!DOCTYPE html><html></html>"),
            Ok(RuntimeConfig::default())
        );
        assert_eq!(RuntimeConfig::parse("{}"), Ok(RuntimeConfig::default()));
        assert_eq!(RuntimeConfig::default().api_base, "/zstack");
    }

    #[test]
    fn every_key_is_read() {
        let c = RuntimeConfig::parse(
            r##"{"apiBase": "/api/zstack/", "embedOrigins": ["https://portal.example.com", "http://127.0.0.1:8080"],
                "language": "zh-CN", "embeddedLogin": false, "theme": {"--cms-accent": "#0a7"}}"##,
        )
        .unwrap();
        assert_eq!(c.api_base, "/api/zstack");
        assert_eq!(c.embed_origins.len(), 2);
        assert_eq!(c.language, Some(Lang::ZhCn));
        assert!(!c.embedded_login);
        assert_eq!(c.theme, [("--cms-accent".to_owned(), "#0a7".to_owned())]);
    }

    #[test]
    fn wrong_values_and_types_are_clear_errors() {
        for (text, says) in [
            ("{", "not valid"),
            (r#"{"apiBase": 5}"#, "apiBase"),
            (
                r#"{"apiBase": "https://evil.example/zstack"}"#,
                "path on this origin",
            ),
            (r#"{"apiBase": "//evil.example"}"#, "path on this origin"),
            (r#"{"embedOrigins": "https://a.example"}"#, "embedOrigins"),
            (r#"{"embeddedLogin": "no"}"#, "embeddedLogin"),
            (r#"{"embedOrigins": ["*"]}"#, "exact origin"),
            (
                r#"{"embedOrigins": ["https://a.example/"]}"#,
                "exact origin",
            ),
            (
                r#"{"embedOrigins": ["https://a.example/portal"]}"#,
                "exact origin",
            ),
            (r#"{"language": "fr"}"#, "language"),
            (r#"{"embedOrigin": []}"#, "unknown key"),
            (r#"{"theme": {"color": "red"}}"#, "no property"),
            (r#"{"theme": {"--cms-accent": 5}}"#, "theme"),
            (r#"[]"#, "JSON object"),
        ] {
            let e = RuntimeConfig::parse(text).unwrap_err();
            assert!(e.0.contains(says), "{text}: {e:?}");
        }
        assert!(RuntimeConfig::from_response(500, "").is_err());
    }
}
