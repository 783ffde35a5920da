//! The UI's languages and every text it shows: the UI's own (`texts`), the fields' labels and
//! the sections' titles (`field_texts`), and the form's problems (`problem_texts`). The layers
//! below (`form`, `client`) produce typed values; this one turns them into words.

/// A language the UI speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag, as used in `?lang=` and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// Parses a language tag leniently: `zh`, `zh-CN`, `zh_cn`, `zh-Hans` are Chinese,
    /// `en`, `en-US`... are English; anything else is not a language we speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let primary = tag.split('-').next().unwrap_or("");
        match primary {
            "en" => Some(Lang::En),
            "zh" => match tag.as_str() {
                // Traditional Chinese is not a language we speak: do not answer it in Simplified.
                t if t.contains("hant") || t.ends_with("-tw") || t.ends_with("-hk") => None,
                _ => Some(Lang::ZhCn),
            },
            _ => None,
        }
    }

    /// Picks the language: `?lang=` first, then the browser's preferences in order, then English.
    pub fn choose<'a>(query: Option<&str>, browser: impl IntoIterator<Item = &'a str>) -> Lang {
        query
            .and_then(Lang::from_tag)
            .or_else(|| browser.into_iter().find_map(Lang::from_tag))
            .unwrap_or(Lang::En)
    }
}

mod client_error_text;
mod field_texts;
mod number_format;
mod problem_texts;
mod texts;

pub use client_error_text::error_message;
pub use field_texts::{field_hint, field_label, section_title};
pub use number_format::grouped;
pub use problem_texts::problem_message;
pub use texts::{t, Text};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn lenient_tags() {
        assert_eq!(Lang::from_tag("zh"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("zh_cn"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("zh-Hans-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("zh-TW"), None);
        assert_eq!(Lang::from_tag("zh-Hant"), None);
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn query_beats_browser_beats_default() {
        assert_eq!(Lang::choose(Some("zh-CN"), ["en-US"]), Lang::ZhCn);
        assert_eq!(Lang::choose(Some("xx"), ["fr", "zh"]), Lang::ZhCn);
        assert_eq!(Lang::choose(None, ["fr", "de"]), Lang::En);
        assert_eq!(Lang::choose(None, []), Lang::En);
    }

    #[test]
    fn every_text_differs_between_languages() {
        for &text in Text::ALL {
            assert_ne!(t(Lang::En, text), t(Lang::ZhCn, text), "{text:?}");
            assert!(!t(Lang::En, text).is_empty() && !t(Lang::ZhCn, text).is_empty());
        }
    }
}
