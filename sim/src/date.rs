//! ZStack's date format: `Nov 25, 2025 11:51:50 AM` (Java's `MMM d, yyyy h:mm:ss a`, no zone).
//! The simulator writes UTC wall-clock time, as a management node set to UTC would.

use std::time::{SystemTime, UNIX_EPOCH};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Formats a point in time the way ZStack inventories show `createDate` / `lastOpDate`.
pub fn format_zstack_date(time: SystemTime) -> String {
    let seconds = match time.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    };
    let days = seconds.div_euclid(86_400);
    let second_of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let hour = second_of_day / 3600;
    let minute = (second_of_day % 3600) / 60;
    let second = second_of_day % 60;
    let (hour12, meridiem) = match hour {
        0 => (12, "AM"),
        1..=11 => (hour, "AM"),
        12 => (12, "PM"),
        _ => (hour - 12, "PM"),
    };
    format!(
        "{} {}, {} {}:{:02}:{:02} {}",
        MONTHS[(month - 1) as usize],
        day,
        year,
        hour12,
        minute,
        second,
        meridiem
    )
}

/// The current time in ZStack's format.
pub fn now_zstack_date() -> String {
    format_zstack_date(SystemTime::now())
}

/// Parses ZStack's date format into seconds since the epoch (for sorting and comparing).
pub fn parse_zstack_date(text: &str) -> Option<i64> {
    let mut parts = text.split_whitespace();
    let month_name = parts.next()?;
    let day: i64 = parts.next()?.strip_suffix(',')?.parse().ok()?;
    let year: i64 = parts.next()?.parse().ok()?;
    let clock = parts.next()?;
    let meridiem = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    let month = MONTHS.iter().position(|m| *m == month_name)? as i64 + 1;
    let mut clock_parts = clock.split(':');
    let hour12: i64 = clock_parts.next()?.parse().ok()?;
    let minute: i64 = clock_parts.next()?.parse().ok()?;
    let second: i64 = clock_parts.next()?.parse().ok()?;
    if !(1..=12).contains(&hour12) || !(1..=31).contains(&day) {
        return None;
    }
    let hour = match meridiem {
        "AM" => hour12 % 12,
        "PM" => hour12 % 12 + 12,
        _ => return None,
    };
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

// Howard Hinnant's civil calendar algorithms.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_the_api_page_example() {
        // 2025-11-25 11:51:50 UTC
        let t = UNIX_EPOCH + Duration::from_secs(1_764_071_510);
        assert_eq!(format_zstack_date(t), "Nov 25, 2025 11:51:50 AM");
        assert_eq!(
            parse_zstack_date("Nov 25, 2025 11:51:50 AM"),
            Some(1_764_071_510)
        );
    }

    #[test]
    fn midnight_and_noon_use_twelve() {
        let midnight = UNIX_EPOCH + Duration::from_secs(1_764_028_800);
        assert_eq!(format_zstack_date(midnight), "Nov 25, 2025 12:00:00 AM");
        let afternoon = UNIX_EPOCH + Duration::from_secs(1_764_028_800 + 13 * 3600 + 5);
        assert_eq!(format_zstack_date(afternoon), "Nov 25, 2025 1:00:05 PM");
        assert_eq!(
            parse_zstack_date("Nov 25, 2025 1:00:05 PM"),
            Some(1_764_028_800 + 13 * 3600 + 5)
        );
    }

    #[test]
    fn rejects_other_formats() {
        assert_eq!(parse_zstack_date("2025-11-25T11:51:50Z"), None);
        assert_eq!(parse_zstack_date("Nov 25, 2025 13:00:00 PM"), None);
    }
}
