//! Transaction dates into WIB calendar dates.
//!
//! A Pemda's budget year is a calendar year in WIB (UTC+7), so a purchase made at 23:30 WIB on
//! 31 December belongs to that year even when a marketplace writes it in UTC as 16:30 the same
//! day — and one written `2022-12-31T17:30:00Z` belongs to the next. Dates and times without an
//! offset are read as WIB, the marketplaces' own time.

use crate::model::WibDate;

/// WIB's offset from UTC, in minutes.
const WIB_MINUTES: i64 = 7 * 60;

/// Reads `2022-03-05`, `2022-03-05 14:00:00`, `2022-03-05T14:00:00+07:00` or
/// `2022-03-05T07:00:00Z` (fractions of a second allowed) as a WIB date.
pub fn wib_date(text: &str) -> Option<WibDate> {
    let text = text.trim();
    let (y, m, d) = (number(text.get(0..4)?)?, number(text.get(5..7)?)?, number(text.get(8..10)?)?);
    if text.get(4..5) != Some("-") || text.get(7..8) != Some("-") || !(1..=12).contains(&m) {
        return None;
    }
    if d < 1 || d > days_in_month(y, m) {
        return None;
    }
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(WibDate { year: y as i32, month: m as u8, day: d as u8 });
    }
    let rest = rest.strip_prefix(['T', ' '])?;
    let (h, min) = (number(rest.get(0..2)?)?, number(rest.get(3..5)?)?);
    if rest.get(2..3) != Some(":") || h > 23 || min > 59 {
        return None;
    }
    let zone = rest[5..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
    let offset = match zone {
        "" => WIB_MINUTES,
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            if digits.len() != 4 {
                return None;
            }
            sign * (number(&digits[0..2])? * 60 + number(&digits[2..4])?)
        }
    };
    let minutes = days_from_civil(y, m, d) * 1440 + h * 60 + min - offset + WIB_MINUTES;
    let (year, month, day) = civil_from_days(minutes.div_euclid(1440));
    Some(WibDate { year: year as i32, month: month as u8, day: day as u8 })
}

fn number(text: &str) -> Option<i64> {
    text.bytes().all(|b| b.is_ascii_digit()).then(|| text.parse().ok()).flatten()
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// The WIB date at `unix_seconds` (seconds since 1970-01-01 UTC).
pub fn wib_date_at(unix_seconds: i64) -> WibDate {
    let (y, m, d) = civil_from_days((unix_seconds / 60 + WIB_MINUTES).div_euclid(1440));
    WibDate { year: y as i32, month: m as u8, day: d as u8 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Option<String> {
        wib_date(text).map(|d| d.to_string())
    }

    #[test]
    fn a_date_without_a_time_is_that_date() {
        assert_eq!(d("2022-03-05").as_deref(), Some("2022-03-05"));
        assert_eq!(d("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(d("2023-02-29"), None);
        assert_eq!(d("05/03/2022"), None);
    }

    #[test]
    fn a_utc_time_late_on_new_years_eve_is_already_the_next_year_in_wib() {
        assert_eq!(d("2022-12-31T17:30:00Z").as_deref(), Some("2023-01-01"));
        assert_eq!(d("2022-12-31T16:59:59.123Z").as_deref(), Some("2022-12-31"));
        assert_eq!(d("2022-12-31T23:30:00+07:00").as_deref(), Some("2022-12-31"));
        assert_eq!(d("2023-01-01T00:10:00+08:00").as_deref(), Some("2022-12-31"));
        assert_eq!(d("2022-12-31 23:59:00").as_deref(), Some("2022-12-31"));
    }

    #[test]
    fn malformed_times_are_not_read() {
        assert_eq!(d("2022-12-31T25:00:00Z"), None);
        assert_eq!(d("2022-12-31T10:00:00+7"), None);
        assert_eq!(d("2022-12-31X"), None);
    }
}
