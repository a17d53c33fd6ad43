//! Reads a history table as people paste or export it: comma, semicolon or tab separated,
//! a decimal point or comma, a header row naming the columns in English or Swedish, the first
//! column a date (YYYY-MM for calendar months, YYYY-MM-DD for a period ending that day).
//! A problem names its line and column, in words (English here; the app words it itself).

use super::dates::Date;
use super::history::{lowercase, Column, History, Row, DATE_HEADERS};
use std::fmt;

/// Longest history read: a forecast needs days after it within the engine's three years.
pub const MAX_HISTORY_DAYS: u32 = crate::params::MAX_DAYS - 30;

/// What is wrong with a table, and where (line 1 is the header; columns count from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct TableError {
    pub line: u32,
    /// The column's number and its header as written.
    pub column: Option<(u32, String)>,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    NoRows,
    UnknownColumn,
    RepeatedColumn,
    NothingObserved,
    Cells { found: usize, expected: usize },
    NotADate(String),
    MixedDates,
    NotLater,
    OneDatedRow,
    NotANumber(String),
    Negative(String),
    TooLong(u32),
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some((n, name)) = &self.column {
            write!(f, ", column {n} ('{name}')")?;
        }
        let names: Vec<_> = Column::ALL.iter().map(|c| c.name()).collect();
        match &self.problem {
            Problem::NoRows => write!(f, ": the table has a header but no rows"),
            Problem::UnknownColumn => write!(
                f,
                ": not a column Long Game knows; the columns are: {} (or Swedish: följare, räckvidd, engagemang, meddelanden, förfrågningar, kunder, kostnad, inlägg)",
                names.join(", ")
            ),
            Problem::RepeatedColumn => write!(f, ": this column appears twice"),
            Problem::NothingObserved => write!(
                f,
                ": no column to fit to; give at least one of followers, reach, engagements, messages, leads, customers"
            ),
            Problem::Cells { found, expected } => {
                write!(f, ": {found} cells, but the header has {expected}")
            }
            Problem::NotADate(s) => write!(f, ": '{s}' is not a date as YYYY-MM or YYYY-MM-DD"),
            Problem::MixedDates => write!(
                f,
                ": every row's date must have the same form (all YYYY-MM or all YYYY-MM-DD)"
            ),
            Problem::NotLater => write!(f, ": the date must come after the row before"),
            Problem::OneDatedRow => write!(
                f,
                ": one row dated YYYY-MM-DD leaves the period's length unknown; add the next row or date it YYYY-MM"
            ),
            Problem::NotANumber(s) => write!(f, ": '{s}' is not a number"),
            Problem::Negative(s) => write!(f, ": '{s}' is negative"),
            Problem::TooLong(days) => write!(
                f,
                ": the history would cover {days} days; at most {MAX_HISTORY_DAYS} can be fitted"
            ),
        }
    }
}

/// Reads a history table.
pub fn read_table(text: &str) -> Result<History, TableError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty());
    let (header_line, header) = lines.next().ok_or(TableError {
        line: 1,
        column: None,
        problem: Problem::NoRows,
    })?;
    let sep = separator(header);
    let columns = read_header(header_line, &split(header, sep))?;
    let mut raw = Vec::new();
    for (line, text) in lines {
        let cells = split(text, sep);
        if cells.len() != columns.len() + 1 {
            return Err(TableError {
                line,
                column: None,
                problem: Problem::Cells {
                    found: cells.len(),
                    expected: columns.len() + 1,
                },
            });
        }
        raw.push((line, cells));
    }
    if raw.is_empty() {
        return Err(TableError {
            line: header_line,
            column: None,
            problem: Problem::NoRows,
        });
    }
    let headers = split(header, sep);
    let spans = periods(&raw, &headers[0])?;
    let mut rows = Vec::with_capacity(raw.len());
    for ((line, cells), (start, end)) in raw.iter().zip(spans) {
        let mut values = [None; 8];
        for (i, (&c, cell)) in columns.iter().zip(&cells[1..]).enumerate() {
            let at = || Some((i as u32 + 2, headers[i + 1].clone()));
            values[c.index()] = number(cell, sep).map_err(|problem| TableError {
                line: *line,
                column: at(),
                problem,
            })?;
        }
        rows.push(Row {
            label: cells[0].trim().to_string(),
            line: *line,
            start,
            end,
            values,
        });
    }
    Ok(History { rows, columns })
}

/// The separator: a tab or semicolon if the header has one (then a comma is a decimal comma),
/// else a comma.
pub fn separator(header: &str) -> char {
    ['\t', ';']
        .into_iter()
        .find(|&c| header.contains(c))
        .unwrap_or(',')
}

/// Splits a line at `sep` outside double quotes ("" inside quotes is a quote).
pub fn split(line: &str, sep: char) -> Vec<String> {
    let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

fn read_header(line: u32, cells: &[String]) -> Result<Vec<Column>, TableError> {
    let mut columns = Vec::new();
    for (i, name) in cells.iter().enumerate().skip(1) {
        let at = Some((i as u32 + 1, name.trim().to_string()));
        let c = Column::from_header(name).ok_or_else(|| TableError {
            line,
            column: at.clone(),
            problem: Problem::UnknownColumn,
        })?;
        if columns.contains(&c) {
            return Err(TableError {
                line,
                column: at,
                problem: Problem::RepeatedColumn,
            });
        }
        columns.push(c);
    }
    if !DATE_HEADERS.contains(&lowercase(cells[0].trim()).as_str())
        && Column::from_header(&cells[0]).is_some()
    {
        // A table that starts with a data column has no dates.
        return Err(TableError {
            line,
            column: Some((1, cells[0].trim().to_string())),
            problem: Problem::NotADate(cells[0].trim().to_string()),
        });
    }
    if !columns.iter().any(|c| c.is_observed()) {
        return Err(TableError {
            line,
            column: None,
            problem: Problem::NothingObserved,
        });
    }
    Ok(columns)
}

/// Each row's span of simulation days `(start, end]`, from the dates in the first column.
fn periods(raw: &[(u32, Vec<String>)], header: &str) -> Result<Vec<(u32, u32)>, TableError> {
    let err = |line: u32, problem| TableError {
        line,
        column: Some((1, header.trim().to_string())),
        problem,
    };
    let mut dates = Vec::with_capacity(raw.len());
    for (line, cells) in raw {
        let cell = cells[0].trim();
        let date = Date::parse(cell).ok_or_else(|| err(*line, Problem::NotADate(cell.into())))?;
        if let Some(&(_, first)) = dates.first() {
            if std::mem::discriminant(&date) != std::mem::discriminant(&first) {
                return Err(err(*line, Problem::MixedDates));
            }
        }
        if let Some(&(_, prev)) = dates.last() {
            if date.last_day() <= prev.last_day() {
                return Err(err(*line, Problem::NotLater));
            }
        }
        dates.push((*line, date));
    }
    // Day d of the simulation is calendar day `day0 + d - 1`.
    let (first_line, first) = dates[0];
    let day0 = match first {
        Date::Month(..) => first.first_day(),
        Date::Day(..) => {
            let Some(&(_, next)) = dates.get(1) else {
                return Err(err(first_line, Problem::OneDatedRow));
            };
            // The first row covers one period of the same length as the next.
            2 * first.last_day() - next.last_day() + 1
        }
    };
    let mut spans = Vec::with_capacity(dates.len());
    let mut prev_end = 0;
    for &(line, date) in &dates {
        let end = date.last_day() - day0 + 1;
        if end > MAX_HISTORY_DAYS as i64 {
            return Err(err(line, Problem::TooLong(end as u32)));
        }
        let start = match date {
            // A month's row covers that calendar month (a month left out is not observed).
            Date::Month(..) => (date.first_day() - day0) as u32,
            Date::Day(..) => prev_end,
        };
        spans.push((start, end as u32));
        prev_end = end as u32;
    }
    Ok(spans)
}

/// A cell as a number: empty is missing; spaces (thousands) are dropped; with a tab or
/// semicolon separator a lone comma is a decimal comma; with both a point and a comma, the
/// last of them is the decimal mark.
fn number(cell: &str, sep: char) -> Result<Option<f64>, Problem> {
    let shown = cell.trim();
    let mut s: String = shown
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202F}')
        .collect();
    if s.is_empty() {
        return Ok(None);
    }
    let (comma, point) = (s.rfind(','), s.rfind('.'));
    s = match (comma, point) {
        (Some(c), Some(p)) if c > p => s.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => s.replace(',', ""),
        (Some(_), None) if sep != ',' && s.matches(',').count() == 1 => s.replace(',', "."),
        (Some(_), None) => s.replace(',', ""),
        _ => s,
    };
    let v: f64 = s
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| Problem::NotANumber(shown.to_string()))?;
    if v < 0.0 {
        return Err(Problem::Negative(shown.to_string()));
    }
    Ok(Some(v))
}
