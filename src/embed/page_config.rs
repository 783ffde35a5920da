//! What the page's address says: the source (`?uuid=`), the language (`?lang=`) and where the
//! source list was (`?search=`, `?page=`, counted from 1: the session is never in it). The API
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
    pub list: ListPosition,
}

/// Where the source list is: its search text and page (from 0; the address counts from 1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListPosition {
    pub search: String,
    pub page: u32,
}

impl ListPosition {
    /// `search` and `page` as the address holds them (decoded; a bad page is the first).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> ListPosition {
        let mut position = ListPosition::default();
        for (key, value) in pairs {
            match key {
                "search" => position.search = value,
                "page" => {
                    position.page = value
                        .trim()
                        .parse::<u32>()
                        .ok()
                        .and_then(|p| p.checked_sub(1))
                        .unwrap_or(0)
                }
                _ => {}
            }
        }
        position
    }

    /// The address's `search` and `page` values (`None`: leave it out).
    pub fn to_pairs(&self) -> [(&'static str, Option<String>); 2] {
        [
            (
                "search",
                (!self.search.is_empty()).then(|| self.search.clone()),
            ),
            ("page", (self.page > 0).then(|| (self.page + 1).to_string())),
        ]
    }
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
        let mut list = Vec::new();
        for pair in search.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "uuid" if uuid.is_none() => uuid = Some(value.trim().to_owned()),
                "lang" if lang.is_none() => lang = Some(value.to_owned()),
                "search" | "page" => list.push((key, decode_component(value))),
                _ => {}
            }
        }
        let list = ListPosition::from_pairs(list);
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
        PageConfig { source, lang, list }
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

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte; bytes that are
/// not UTF-8 are replaced.
fn decode_component(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    char::from(b).to_digit(16).map(|d| d as u8)
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

    #[test]
    fn reads_and_writes_the_list_position() {
        let c = PageConfig::from_query("?search=50%25_off+%22x%22%3Cb%3E&page=3", None, []);
        assert_eq!(
            c.list,
            ListPosition {
                search: "50%_off \"x\"<b>".into(),
                page: 2
            }
        );
        assert_eq!(c.source, SourceParam::Missing);
        for bad in ["?page=0", "?page=-1", "?page=x", "?search=%", "?search=%4"] {
            let list = PageConfig::from_query(bad, None, []).list;
            assert_eq!(list.page, 0, "{bad}");
        }
        assert_eq!(
            PageConfig::from_query("?search=%4", None, []).list.search,
            "%4"
        );
        assert_eq!(
            PageConfig::from_query("?search=%E6%A8%A1", None, [])
                .list
                .search,
            "模"
        );
        let position = ListPosition {
            search: "q".into(),
            page: 1,
        };
        assert_eq!(
            position.to_pairs(),
            [("search", Some("q".into())), ("page", Some("2".into()))]
        );
        assert_eq!(
            ListPosition::default().to_pairs(),
            [("search", None), ("page", None)]
        );
    }
}
