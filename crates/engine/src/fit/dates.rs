//! Calendar dates as a history table writes them, counted in days.

/// A row's date: a calendar month, or the last day of a period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Date {
    Month(i64, u32),
    Day(i64, u32, u32),
}

impl Date {
    /// YYYY-MM or YYYY-MM-DD (a real day of a real month), else `None`.
    pub fn parse(s: &str) -> Option<Date> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())?
        };
        let (y, m) = (num(parts.first()?, 4)? as i64, num(parts.get(1)?, 2)?);
        if !(1..=12).contains(&m) {
            return None;
        }
        match parts.len() {
            2 => Some(Date::Month(y, m)),
            3 => {
                let d = num(parts[2], 2)?;
                (1..=month_days(y, m))
                    .contains(&d)
                    .then_some(Date::Day(y, m, d))
            }
            _ => None,
        }
    }

    /// The first calendar day covered (for a day: that day), as a day number.
    pub fn first_day(self) -> i64 {
        match self {
            Date::Month(y, m) => days_from_civil(y, m, 1),
            Date::Day(y, m, d) => days_from_civil(y, m, d),
        }
    }

    /// The last calendar day covered, as a day number.
    pub fn last_day(self) -> i64 {
        match self {
            Date::Month(y, m) => days_from_civil(y, m, month_days(y, m)),
            Date::Day(y, m, d) => days_from_civil(y, m, d),
        }
    }
}

fn month_days(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_and_refuse_what_is_not_a_date() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(
            days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 1),
            29
        );
        assert_eq!(Date::parse("2025-02"), Some(Date::Month(2025, 2)));
        assert_eq!(Date::parse("2025-02-28"), Some(Date::Day(2025, 2, 28)));
        for bad in ["2025-02-29", "2025-13", "25-01", "2025/01", "2025-1", "jan"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }
}
