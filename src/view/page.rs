//! "Your page" (issue 26) in the interface language: a history table's problems and the fit's
//! refusals, worded from the engine's structured reasons (the engine's own wording is the
//! command line's English).

use crate::i18n::{number, tr, trf, Lang};
use crate::model::fit::smc::MAX_STAGES;
use crate::model::fit::{Column, ConstantRange, FitError, History, Problem, TableError, MIN_ESS};

/// A history column's name in the interface language.
pub fn column_label(l: Lang, c: Column) -> &'static str {
    tr(
        l,
        match c {
            Column::Followers => "page.column.followers",
            Column::Reach => "page.column.reach",
            Column::Engagements => "page.column.engagements",
            Column::Messages => "page.column.messages",
            Column::Leads => "page.column.leads",
            Column::Customers => "page.column.customers",
            Column::Spend => "page.column.spend",
            Column::Posts => "page.column.posts",
        },
    )
}

/// A problem with a pasted or loaded history table, naming its line and column.
pub fn table_problem_text(l: Lang, e: &TableError) -> String {
    let at = match &e.column {
        Some((n, name)) => trf(l, "page.where_column", &[&e.line, n, name]),
        None => trf(l, "page.where", &[&e.line]),
    };
    let english: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
    let what = match &e.problem {
        Problem::NoRows => tr(l, "page.problem.no_rows").to_string(),
        Problem::UnknownColumn => trf(l, "page.problem.unknown_column", &[&english.join(", ")]),
        Problem::RepeatedColumn => tr(l, "page.problem.repeated_column").to_string(),
        Problem::NothingObserved => tr(l, "page.problem.nothing_observed").to_string(),
        Problem::Cells { found, expected } => trf(l, "page.problem.cells", &[found, expected]),
        Problem::NotADate(s) => trf(l, "page.problem.not_a_date", &[s]),
        Problem::MixedDates => tr(l, "page.problem.mixed_dates").to_string(),
        Problem::NotLater => tr(l, "page.problem.not_later").to_string(),
        Problem::OneDatedRow => tr(l, "page.problem.one_dated_row").to_string(),
        Problem::NotANumber(s) => trf(l, "page.problem.not_a_number", &[s]),
        Problem::Negative(s) => trf(l, "page.problem.negative", &[s]),
        Problem::TooLong(days) => {
            let most = crate::model::fit::table::MAX_HISTORY_DAYS as f64;
            trf(
                l,
                "page.problem.too_long",
                &[&number(l, *days as f64), &number(l, most)],
            )
        }
    };
    format!("{at}: {what}")
}

/// Why a history was not fitted.
pub fn fit_problem_text(l: Lang, e: &FitError) -> String {
    match e {
        FitError::NothingReproduces {
            runs,
            label,
            line,
            worst,
        } => trf(
            l,
            "page.refused.nothing",
            &[
                &number(l, *runs as f64),
                &number(l, worst.observed.round()),
                &column_label(l, worst.column),
                label,
                line,
                &number(l, worst.simulated.round()),
            ],
        ),
        FitError::TooFew { runs, ess } => trf(
            l,
            "page.refused.too_few",
            &[&number(l, *ess), &number(l, *runs as f64), &MIN_ESS],
        ),
        FitError::TooFar { runs } => trf(
            l,
            "page.refused.too_far",
            &[&number(l, *runs as f64), &MAX_STAGES],
        ),
    }
}

/// A history's reports of `c` as points on a chart of the same metric: levels (followers) at
/// each period's end; totals (leads, customers) added up, as the charts count them from day 0.
pub fn history_points(h: &History, c: Column) -> Vec<(u32, f64)> {
    let cumulative = matches!(c, Column::Leads | Column::Customers);
    let mut sum = 0.0;
    h.rows
        .iter()
        .filter_map(|r| {
            let v = r.get(c)?;
            sum += v;
            Some((r.end, if cumulative { sum } else { v }))
        })
        .collect()
}

/// A fitted constant's (or unknown lever's) name in the interface language.
pub fn constant_label(l: Lang, name: &str) -> String {
    match crate::model::params::field(name) {
        Some(_) if crate::model::plan::LEVERS.contains(&name) => {
            crate::view::messages::field_label(l, name)
        }
        _ => crate::i18n::tr_dyn(l, &format!("page.constant.{name}")),
    }
}

/// A constant's value with three significant digits (0.00941, 2.38, 1,250), the language's
/// decimal mark.
pub fn constant_value(l: Lang, v: f64) -> String {
    if v.abs() >= 1000.0 || v == 0.0 || !v.is_finite() {
        return number(l, v.round());
    }
    let places = (2 - libm_floor_log10(v.abs())).clamp(0, 6) as usize;
    let s = format!("{v:.places$}");
    match l {
        Lang::En => s,
        Lang::Sv => s.replace('.', ","),
    }
}

fn libm_floor_log10(v: f64) -> i32 {
    v.log10().floor() as i32
}

/// What the fit says about a constant, in plain words: where the page's median falls among
/// the prior's pages, and whether the history narrowed it.
pub fn reading(l: Lang, r: &ConstantRange) -> String {
    let ([a10, a50, a90], [b10, b50, b90]) = (r.prior, r.posterior);
    let where_key = if b50 >= a90 {
        "page.reading.top"
    } else if b50 <= a10 {
        "page.reading.bottom"
    } else if b50 - a50 > 0.25 * (a90 - a50) {
        "page.reading.above"
    } else if a50 - b50 > 0.25 * (a50 - a10) {
        "page.reading.below"
    } else {
        "page.reading.typical"
    };
    let narrowed = b90 - b10 < 0.6 * (a90 - a10);
    let how = if narrowed {
        "page.reading.narrowed"
    } else {
        "page.reading.open"
    };
    format!("{}; {}", tr(l, where_key), tr(l, how))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fit::read_table;

    const BAD: [&str; 6] = [
        "date,followers,likes\n2025-01,1,2\n",
        "month;följare;leads\n2025-01;100;2\n2025-02;1O0;3\n",
        "date;leads\n2025-01;-3\n",
        "date,followers\n2025-02,100\n2025-01,90\n",
        "date,followers\n2025-02,100,5\n",
        "date,spend,posts\n2025-01,100,3\n",
    ];

    #[test]
    fn table_problems_read_as_the_command_line_says_them_in_english() {
        for text in BAD {
            let e = read_table(text).unwrap_err();
            assert_eq!(table_problem_text(Lang::En, &e), e.to_string(), "{text:?}");
        }
    }

    #[test]
    fn table_problems_are_swedish_on_a_swedish_page_and_name_line_and_column() {
        let e = read_table(BAD[1]).unwrap_err();
        assert_eq!(
            table_problem_text(Lang::Sv, &e),
            "rad 3, kolumn 2 ('följare'): '1O0' är inte ett tal"
        );
        for text in BAD {
            let sv = table_problem_text(Lang::Sv, &read_table(text).unwrap_err());
            assert!(sv.starts_with("rad "), "{sv}");
            assert!(!sv.contains("page."), "a missing key: {sv}");
        }
    }

    #[test]
    fn history_points_are_levels_for_followers_and_running_totals_for_leads() {
        let h = read_table("month,followers,leads\n2025-01,100,2\n2025-02,120,3\n").unwrap();
        assert_eq!(
            history_points(&h, Column::Followers),
            [(31, 100.0), (59, 120.0)]
        );
        assert_eq!(history_points(&h, Column::Leads), [(31, 2.0), (59, 5.0)]);
        assert!(history_points(&h, Column::Reach).is_empty());
    }

    #[test]
    fn a_constant_is_read_in_plain_words_in_both_languages() {
        let r = |posterior| ConstantRange {
            name: "reach".into(),
            prior: [0.5, 1.0, 2.0],
            posterior,
        };
        let top = reading(Lang::En, &r([2.1, 2.3, 2.5]));
        assert_eq!(top, "in the top tenth of pages; the history narrows it");
        let open = reading(Lang::En, &r([0.5, 1.0, 2.0]));
        assert_eq!(
            open,
            "like a typical page; the history says little about it"
        );
        assert!(reading(Lang::Sv, &r([0.3, 0.4, 0.45])).starts_with("bland den lägsta tiondelen"));
        assert_eq!(constant_label(Lang::Sv, "budget"), "Budget");
        assert_eq!(constant_value(Lang::En, 0.009412), "0.00941");
        assert_eq!(constant_value(Lang::Sv, 2.384), "2,38");
        assert_eq!(constant_value(Lang::En, 1250.4), "1,250");
        for name in ["reach", "crisis", "starting_followers", "capability_time"] {
            for l in [Lang::En, Lang::Sv] {
                assert!(!constant_label(l, name).contains("page."), "{name}");
            }
        }
    }

    #[test]
    fn a_refused_fit_is_worded_in_both_languages_with_the_report_it_misses() {
        let e = FitError::NothingReproduces {
            runs: 500,
            label: "2025-03".into(),
            line: 4,
            worst: crate::model::fit::infer::Compared {
                row: 2,
                column: Column::Followers,
                observed: 40_000.0,
                simulated: 3_506.0,
            },
        };
        assert_eq!(
            fit_problem_text(Lang::En, &e),
            "no future in 500 reproduces 40,000 followers in 2025-03 (line 4): the closest had 3,506; check the numbers or the market size"
        );
        assert_eq!(
            fit_problem_text(Lang::Sv, &e),
            "ingen framtid av 500 återskapar 40\u{a0}000 följare i 2025-03 (rad 4): den närmaste hade 3\u{a0}506; kontrollera siffrorna eller marknadens storlek"
        );
        let far = fit_problem_text(Lang::Sv, &FitError::TooFar { runs: 500 });
        assert!(far.contains("inom 40 steg"), "{far}");
    }
}
