//! "Your page" (issue 26) in the interface language: a history table's problems and the fit's
//! refusals, worded from the engine's structured reasons (the engine's own wording is the
//! command line's English).

use crate::i18n::{number, tr, trf, Lang};
use crate::model::fit::smc::MAX_STAGES;
use crate::model::fit::{Column, FitError, Problem, TableError, MIN_ESS};

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
