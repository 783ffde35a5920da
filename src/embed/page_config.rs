//! Runtime configuration read from the page's address.

use crate::i18n::Lang;
use crate::zstack::is_zstack_uuid;

/// The `?uuid=` parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceParam {
    Missing,
    /// Present but not 32 hexadecimal digits.
    Invalid(String),
    Uuid(String),
}

/// What the page was opened with. The API base is deployment configuration (same origin,
/// `/zstack`) and never read from the URL: a crafted link cannot send the token elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageConfig {
    pub api_base: String,
    pub source: SourceParam,
    pub lang: Lang,
}

impl PageConfig {
    /// From a query string (`?uuid=...&lang=...`) and the browser's languages.
    pub fn from_query<'a>(search: &str, browser_langs: impl IntoIterator<Item = &'a str>) -> Self {
        let mut uuid = None;
        let mut lang = None;
        for pair in search.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "uuid" if uuid.is_none() => uuid = Some(value.trim().to_owned()),
                "lang" if lang.is_none() => lang = Some(value.to_owned()),
                _ => {}
            }
        }
        let source = match uuid {
            None => SourceParam::Missing,
            Some(u) if u.is_empty() => SourceParam::Missing,
            Some(u) if is_zstack_uuid(&u) => SourceParam::Uuid(u.to_ascii_lowercase()),
            Some(u) => SourceParam::Invalid(u),
        };
        PageConfig {
            api_base: "/zstack".to_owned(),
            source,
            lang: Lang::choose(lang.as_deref(), browser_langs),
        }
    }

    /// From the current page (browser only).
    #[cfg(target_arch = "wasm32")]
    pub fn from_page() -> Self {
        let window = web_sys::window().expect("window");
        let search = window.location().search().unwrap_or_default();
        let browser: Vec<String> = window
            .navigator()
            .languages()
            .iter()
            .filter_map(|value| value.as_string())
            .collect();
        PageConfig::from_query(&search, browser.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_uuid_and_lang() {
        let c = PageConfig::from_query("?uuid=D76744CB53F9478ABF42B907DF3EFB6E&lang=zh-CN", []);
        assert_eq!(
            c.source,
            SourceParam::Uuid("d76744cb53f9478abf42b907df3efb6e".into())
        );
        assert_eq!(c.lang, Lang::ZhCn);
        assert_eq!(c.api_base, "/zstack");
        let c = PageConfig::from_query("", ["zh"]);
        assert_eq!(c.source, SourceParam::Missing);
        assert_eq!(c.lang, Lang::ZhCn);
        let c = PageConfig::from_query("?uuid=nope&api=http://evil", ["en"]);
        assert_eq!(c.source, SourceParam::Invalid("nope".into()));
        assert_eq!(c.api_base, "/zstack");
    }
}
