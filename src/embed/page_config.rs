//! What the page's address says: the source (`?uuid=`) and the language (`?lang=`). The API
//! base is never read from the address (it is `config.json`'s): a crafted link cannot send the
//! session token elsewhere.

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

/// What the page was opened with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageConfig {
    pub source: SourceParam,
    pub lang: Lang,
}

impl PageConfig {
    /// From a query string (`?uuid=...&lang=...`), the deployment's language (`config.json`)
    /// and the browser's languages, in that order of precedence.
    pub fn from_query<'a>(
        search: &str,
        deployment_lang: Option<Lang>,
        browser_langs: impl IntoIterator<Item = &'a str>,
    ) -> Self {
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
        let lang = match lang.as_deref().and_then(Lang::from_tag) {
            Some(chosen) => chosen,
            None => deployment_lang.unwrap_or_else(|| Lang::choose(None, browser_langs)),
        };
        PageConfig { source, lang }
    }

    /// From the current page (browser only).
    #[cfg(target_arch = "wasm32")]
    pub fn from_page(deployment_lang: Option<Lang>) -> Self {
        let window = web_sys::window().expect("window");
        let search = window.location().search().unwrap_or_default();
        let browser: Vec<String> = window
            .navigator()
            .languages()
            .iter()
            .filter_map(|value| value.as_string())
            .collect();
        PageConfig::from_query(&search, deployment_lang, browser.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_uuid_and_lang() {
        let c = PageConfig::from_query(
            "?uuid=D76744CB53F9478ABF42B907DF3EFB6E&lang=zh-CN",
            None,
            [],
        );
        assert_eq!(
            c.source,
            SourceParam::Uuid("d76744cb53f9478abf42b907df3efb6e".into())
        );
        assert_eq!(c.lang, Lang::ZhCn);
        let c = PageConfig::from_query("", None, ["zh"]);
        assert_eq!(c.source, SourceParam::Missing);
        assert_eq!(c.lang, Lang::ZhCn);
        let c = PageConfig::from_query("?uuid=nope&api=http://evil", None, ["en"]);
        assert_eq!(c.source, SourceParam::Invalid("nope".into()));
        // ?lang= first, then the deployment's language, then the browser's.
        assert_eq!(
            PageConfig::from_query("?lang=en", Some(Lang::ZhCn), ["zh"]).lang,
            Lang::En
        );
        assert_eq!(
            PageConfig::from_query("", Some(Lang::ZhCn), ["en"]).lang,
            Lang::ZhCn
        );
        assert_eq!(
            PageConfig::from_query("?lang=xx", None, ["zh"]).lang,
            Lang::ZhCn
        );
    }
}
