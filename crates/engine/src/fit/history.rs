//! A page's own history: one row per period (a day, a week, a month), each with what the page
//! reported for it. Day 0 is the start of the first row's period; row k covers the days
//! `start + 1 ..= end` of the simulation (day d simulates one day).

use serde::{Deserialize, Serialize};

/// What a history table may report. Followers is a level at the period's end; the rest are
/// totals over the period. Spend and posts are what the page did (the levers during the
/// history), the others what came of it (observed and weighed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    Followers,
    Reach,
    Engagements,
    Messages,
    Leads,
    Customers,
    Spend,
    Posts,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Followers,
        Column::Reach,
        Column::Engagements,
        Column::Messages,
        Column::Leads,
        Column::Customers,
        Column::Spend,
        Column::Posts,
    ];

    /// The English name (files, the command line, messages).
    pub fn name(self) -> &'static str {
        match self {
            Column::Followers => "followers",
            Column::Reach => "reach",
            Column::Engagements => "engagements",
            Column::Messages => "messages",
            Column::Leads => "leads",
            Column::Customers => "customers",
            Column::Spend => "spend",
            Column::Posts => "posts",
        }
    }

    /// Header names read as this column (compared in lower case, trimmed): English and Swedish.
    fn names(self) -> &'static [&'static str] {
        match self {
            Column::Followers => &["followers", "follower", "följare"],
            Column::Reach => &["reach", "räckvidd"],
            Column::Engagements => &["engagements", "engagement", "engagemang", "interaktioner"],
            Column::Messages => &["messages", "meddelanden"],
            Column::Leads => &["leads", "förfrågningar", "intressenter"],
            Column::Customers => &["customers", "kunder"],
            Column::Spend => &["spend", "cost", "kostnad", "utgifter", "spenderat"],
            Column::Posts => &["posts", "inlägg"],
        }
    }

    /// The column a header names, in English or Swedish.
    pub fn from_header(header: &str) -> Option<Column> {
        let h = lowercase(header.trim());
        Column::ALL
            .into_iter()
            .find(|c| c.names().contains(&h.as_str()))
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// What came of the page's work (weighed by the fit), as opposed to what it did.
    pub fn is_observed(self) -> bool {
        !matches!(self, Column::Spend | Column::Posts)
    }
}

/// `s` in lower case as far as a header name can be (ASCII and Swedish å, ä, ö): every name
/// here is written in those letters. Not `str::to_lowercase`, whose Unicode tables cost 3 KB
/// of the app's wasm (docs/PERFORMANCE.md).
pub fn lowercase(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'Å' => 'å',
            'Ä' => 'ä',
            'Ö' => 'ö',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Header names read as the first (date) column.
pub const DATE_HEADERS: [&str; 10] = [
    "date", "datum", "period", "month", "månad", "week", "vecka", "day", "dag", "",
];

/// One period of a history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The date as written (YYYY-MM or YYYY-MM-DD), to name the row in messages.
    pub label: String,
    /// The line of the table (1 = the header), to name the row in messages.
    pub line: u32,
    /// The simulation day before the period's first day.
    pub start: u32,
    /// The period's last simulation day.
    pub end: u32,
    /// Values by [`Column::index`]; `None` where the cell was empty or the column absent.
    pub values: [Option<f64>; 8],
}

impl Row {
    pub fn get(&self, c: Column) -> Option<f64> {
        self.values[c.index()]
    }

    pub fn days(&self) -> u32 {
        self.end - self.start
    }
}

/// A page's history: rows in time order, and the columns the table had.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub rows: Vec<Row>,
    pub columns: Vec<Column>,
}

impl History {
    /// The day the last row ends: the last observed day.
    pub fn last_day(&self) -> u32 {
        self.rows.last().map_or(0, |r| r.end)
    }

    pub fn has(&self, c: Column) -> bool {
        self.columns.contains(&c)
    }

    /// A history of rows covering consecutive periods of `days` days each (for tests and
    /// generated histories), labelled by their number.
    pub fn of_periods(days: u32, rows: &[[Option<f64>; 8]], columns: &[Column]) -> History {
        let rows = rows
            .iter()
            .enumerate()
            .map(|(k, values)| Row {
                label: format!("period {}", k + 1),
                line: k as u32 + 2,
                start: k as u32 * days,
                end: (k as u32 + 1) * days,
                values: *values,
            })
            .collect();
        History {
            rows,
            columns: columns.to_vec(),
        }
    }
}
