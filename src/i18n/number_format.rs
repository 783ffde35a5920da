//! Large whole numbers made readable beside the exact digits the user typed: `16106127360`
//! reads `16,106,127,360`. Both languages group by thousands with a comma.

/// The number with its thousands grouped, for integers of five digits or more (shorter ones
/// read well as they are); `None` for anything that is not a plain integer.
pub fn grouped(text: &str) -> Option<String> {
    let t = text.trim();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t),
    };
    if digits.len() < 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    out.push_str(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_of_large_integers_only() {
        assert_eq!(grouped("16106127360").as_deref(), Some("16,106,127,360"));
        assert_eq!(
            grouped("9223372036854775807").as_deref(),
            Some("9,223,372,036,854,775,807")
        );
        assert_eq!(grouped(" 12345 ").as_deref(), Some("12,345"));
        assert_eq!(grouped("-123456").as_deref(), Some("-123,456"));
        assert_eq!(grouped("8192"), None);
        assert_eq!(grouped("12x45"), None);
        assert_eq!(grouped("1e10000"), None);
        assert_eq!(grouped(""), None);
    }
}
