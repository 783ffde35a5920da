//! The dialog's theme: CSS custom properties a host may set (by its own stylesheet in
//! component mode; by `open {theme}` or `config.json` when framed, applied through the CSSOM,
//! which the page's CSP allows). Only the documented names are accepted; the list is in
//! `docs/embedding.md` and `style/main.css` defines their defaults.

/// Every property a host may set.
pub const THEME_PROPERTIES: &[&str] = &[
    "--cms-font",
    "--cms-mono",
    "--cms-bg",
    "--cms-surface",
    "--cms-text",
    "--cms-muted",
    "--cms-border",
    "--cms-accent",
    "--cms-accent-text",
    "--cms-danger",
    "--cms-success",
    "--cms-focus",
    "--cms-radius",
    "--cms-gap",
    "--cms-backdrop",
];

/// The pairs, or the first name that is not a theme property. Values may not close the
/// declaration (`;`, `{`, `}`) or reach for resources (`url(`): a theme sets looks, nothing else.
pub fn checked_theme(
    pairs: impl Iterator<Item = (String, String)>,
) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (name, value) in pairs {
        let value_ok = !value.contains([';', '{', '}', '<', '>'])
            && !value.to_ascii_lowercase().contains("url(")
            && value.len() <= 200;
        if !THEME_PROPERTIES.contains(&name.as_str()) || !value_ok {
            return Err(name);
        }
        out.push((name, value));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_documented_properties_with_plain_values() {
        let ok = checked_theme([("--cms-accent".to_owned(), "#0a7".to_owned())].into_iter());
        assert_eq!(ok.unwrap().len(), 1);
        for (name, value) in [
            ("color", "red"),
            ("--cms-accent", "red; background: url(x)"),
            ("--cms-bg", "url(https://evil.example/x.png)"),
            ("--other", "1px"),
        ] {
            assert!(
                checked_theme([(name.to_owned(), value.to_owned())].into_iter()).is_err(),
                "{name}: {value}"
            );
        }
    }
}
