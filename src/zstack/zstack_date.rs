//! ZStack dates, parsed permissively: the text is always kept, the parts when recognised.
//!
//! The management node writes `Nov 25, 2025 11:51:50 AM` (Java's default, MN local time, no
//! zone). Other shapes seen from proxies and newer servers are accepted too: ISO-like
//! `2025-11-25 11:51:50` / `2025-11-25T11:51:50.123Z`, and epoch milliseconds as a number.
//! Anything else is kept as text with no parts: a date never fails an inventory.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Calendar date and wall-clock time, without a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTimeParts {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

/// A date as ZStack sent it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZStackDate {
    /// The text as received (a number is kept as its decimal text).
    pub raw: String,
    /// The recognised parts, if the shape is known.
    pub parts: Option<DateTimeParts>,
}

impl ZStackDate {
    pub fn parse(raw: &str) -> ZStackDate {
        ZStackDate {
            raw: raw.to_owned(),
            parts: parse_java_default(raw).or_else(|| parse_iso_like(raw)),
        }
    }

    pub fn from_epoch_millis(ms: i64) -> ZStackDate {
        ZStackDate {
            raw: ms.to_string(),
            parts: Some(parts_from_epoch_millis(ms)),
        }
    }
}

impl Serialize for ZStackDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for ZStackDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Millis(i64),
            Other(serde_json::Value),
        }
        Ok(match Raw::deserialize(d)? {
            Raw::Text(s) => ZStackDate::parse(&s),
            Raw::Millis(ms) => ZStackDate::from_epoch_millis(ms),
            Raw::Other(v) => ZStackDate {
                raw: v.to_string(),
                parts: None,
            },
        })
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn checked(year: i32, month: u32, day: u32, h: u32, mi: u32, s: u32) -> Option<DateTimeParts> {
    let ok = (1..=12).contains(&month) && (1..=31).contains(&day) && h < 24 && mi < 60 && s < 61;
    ok.then_some(DateTimeParts {
        year,
        month: month as u8,
        day: day as u8,
        hour: h as u8,
        minute: mi as u8,
        second: s as u8,
    })
}

/// `Nov 25, 2025 11:51:50 AM` (also `November`, lower case, extra spaces, 24-hour without AM/PM).
fn parse_java_default(raw: &str) -> Option<DateTimeParts> {
    let cleaned = raw.replace(',', " ");
    let mut words = cleaned.split_whitespace();
    let month_word = words.next()?.to_ascii_lowercase();
    let month = MONTHS
        .iter()
        .position(|m| month_word.starts_with(m))
        .map(|i| i as u32 + 1)?;
    let day: u32 = words.next()?.parse().ok()?;
    let year: i32 = words.next()?.parse().ok()?;
    let (h, mi, s) = parse_clock(words.next()?)?;
    let h = match words.next().map(str::to_ascii_uppercase).as_deref() {
        None => h,
        Some("AM") if (1..=12).contains(&h) => h % 12,
        Some("PM") if (1..=12).contains(&h) => h % 12 + 12,
        Some(_) => return None,
    };
    if words.next().is_some() {
        return None;
    }
    checked(year, month, day, h, mi, s)
}

/// `2025-11-25 11:51:50`, `2025-11-25T11:51:50.123Z`, `2025-11-25T11:51:50+08:00`.
fn parse_iso_like(raw: &str) -> Option<DateTimeParts> {
    let raw = raw.trim();
    let (date, time) = raw.split_once(['T', ' '])?;
    let mut d = date.split('-');
    let year: i32 = d.next()?.parse().ok()?;
    let month: u32 = d.next()?.parse().ok()?;
    let day: u32 = d.next()?.parse().ok()?;
    if d.next().is_some() {
        return None;
    }
    let clock_end = time
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(time.len());
    let (h, mi, s) = parse_clock(&time[..clock_end])?;
    checked(year, month, day, h, mi, s)
}

fn parse_clock(t: &str) -> Option<(u32, u32, u32)> {
    let mut p = t.split(':');
    let h = p.next()?.parse().ok()?;
    let m = p.next()?.parse().ok()?;
    let s = p.next().map_or(Some(0), |s| s.parse().ok())?;
    if p.next().is_some() {
        return None;
    }
    Some((h, m, s))
}

/// UTC parts of a Unix time in milliseconds (Howard Hinnant's civil-from-days).
fn parts_from_epoch_millis(ms: i64) -> DateTimeParts {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    DateTimeParts {
        year: year.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
        month: month as u8,
        day: day as u8,
        hour: (sod / 3600) as u8,
        minute: (sod % 3600 / 60) as u8,
        second: (sod % 60) as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(y: i32, mo: u8, d: u8, h: u8, mi: u8, s: u8) -> Option<DateTimeParts> {
        Some(DateTimeParts {
            year: y,
            month: mo,
            day: d,
            hour: h,
            minute: mi,
            second: s,
        })
    }

    #[test]
    fn java_default_format_with_am_pm() {
        assert_eq!(
            ZStackDate::parse("Nov 25, 2025 11:51:50 AM").parts,
            parts(2025, 11, 25, 11, 51, 50)
        );
        assert_eq!(
            ZStackDate::parse("Nov 25, 2025 12:01:02 AM").parts,
            parts(2025, 11, 25, 0, 1, 2)
        );
        assert_eq!(
            ZStackDate::parse("Jan 1, 2026 1:02:03 PM").parts,
            parts(2026, 1, 1, 13, 2, 3)
        );
        assert_eq!(
            ZStackDate::parse("Nov 25, 2025 12:00:00 PM").parts,
            parts(2025, 11, 25, 12, 0, 0)
        );
    }

    #[test]
    fn iso_like_and_epoch_millis() {
        assert_eq!(
            ZStackDate::parse("2025-11-25 11:51:50").parts,
            parts(2025, 11, 25, 11, 51, 50)
        );
        assert_eq!(
            ZStackDate::parse("2025-11-25T11:51:50.123Z").parts,
            parts(2025, 11, 25, 11, 51, 50)
        );
        let d: ZStackDate = serde_json::from_str("1764071510000").unwrap();
        assert_eq!(d.raw, "1764071510000");
        assert_eq!(d.parts, parts(2025, 11, 25, 11, 51, 50));
    }

    #[test]
    fn unknown_shapes_are_kept_as_text() {
        for raw in [
            "yesterday",
            "",
            "Foo 25, 2025 11:51:50 AM",
            "Nov 25, 2025 13:00:00 PM",
        ] {
            let d = ZStackDate::parse(raw);
            assert_eq!(d.raw, raw);
            assert_eq!(d.parts, None, "{raw}");
        }
        let d: ZStackDate = serde_json::from_str("true").unwrap();
        assert_eq!(d.raw, "true");
    }

    #[test]
    fn serializes_as_the_raw_text() {
        let d = ZStackDate::parse("Nov 25, 2025 11:51:50 AM");
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            "\"Nov 25, 2025 11:51:50 AM\""
        );
    }
}
