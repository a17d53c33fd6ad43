//! Reading page histories (CSV dialects, English and Swedish, problems named by line and
//! column), refusing histories nothing reproduces, and continuing the fitted futures under
//! several plans with common random numbers.

use longgame_engine::fit::synthetic::synthetic;
use longgame_engine::fit::*;
use longgame_engine::plan::LeverSet;
use longgame_engine::*;

fn opts(seed: u64) -> FitOptions {
    FitOptions {
        runs: 200,
        seed,
        starting_followers: None,
        futures: 200,
    }
}

#[test]
fn the_same_table_reads_the_same_in_every_dialect() {
    let english = "date,followers,reach,leads,spend,posts\n\
                   2025-01,310,\"12,500\",4,1000.5,20\n\
                   2025-02,420,15000,6,1000,22\n";
    let swedish = "Datum;Följare;Räckvidd;Förfrågningar;Kostnad;Inlägg\r\n\
                   2025-01;310;12 500;4;1000,5;20\r\n\
                   2025-02;420;15000;6;1 000;22\r\n";
    let tabs = "month\tfollowers\treach\tleads\tspend\tposts\n\
                2025-01\t310\t12500\t4\t1000.5\t20\n\
                2025-02\t420\t15000\t6\t1000\t22\n";
    // Headers in capitals, Swedish letters too (a spreadsheet's export can shout).
    let capitals = "DATUM;FÖLJARE;RÄCKVIDD;FÖRFRÅGNINGAR;KOSTNAD;INLÄGG\n\
                    2025-01;310;12500;4;1000,5;20\n\
                    2025-02;420;15000;6;1000;22\n";
    let a = read_table(english).unwrap();
    assert_eq!(a, read_table(swedish).unwrap());
    assert_eq!(a, read_table(tabs).unwrap());
    assert_eq!(a, read_table(capitals).unwrap());
    assert_eq!(a.rows[0].get(Column::Reach), Some(12_500.0));
    assert_eq!(a.rows[0].get(Column::Spend), Some(1000.5));
    // A month's row covers that calendar month: January's 31 days, then February's 28.
    assert_eq!((a.rows[0].start, a.rows[0].end), (0, 31));
    assert_eq!((a.rows[1].start, a.rows[1].end), (31, 59));
    assert_eq!(a.last_day(), 59);
}

#[test]
fn dated_rows_cover_the_days_since_the_row_before() {
    let weekly = "date,followers\n2025-03-09,100\n2025-03-16,110\n2025-03-23,\n2025-03-30,130\n";
    let h = read_table(weekly).unwrap();
    let spans: Vec<(u32, u32)> = h.rows.iter().map(|r| (r.start, r.end)).collect();
    assert_eq!(spans, [(0, 7), (7, 14), (14, 21), (21, 28)]);
    assert_eq!(
        h.rows[2].get(Column::Followers),
        None,
        "an empty cell is not observed"
    );
}

fn problem(text: &str) -> String {
    read_table(text).unwrap_err().to_string()
}

#[test]
fn a_bad_table_is_refused_naming_its_line_and_column() {
    let cases = [
        (
            "date,followers,likes\n2025-01,1,2\n",
            "line 1, column 3 ('likes'): not a column",
        ),
        (
            "date,followers\n2025-01,100\n2025-02,1O0\n",
            "line 3, column 2 ('followers'): '1O0' is not a number",
        ),
        (
            "date;leads\n2025-01;-3\n",
            "line 2, column 2 ('leads'): '-3' is negative",
        ),
        (
            "date,followers\n2025-13,100\n",
            "line 2, column 1 ('date'): '2025-13' is not a date",
        ),
        (
            "date,followers\n2025-02,100\n2025-01,90\n",
            "line 3, column 1 ('date'): the date must come after",
        ),
        (
            "date,followers\n2025-02,100\n2025-03-01,90\n",
            "line 3, column 1 ('date'): every row's date must have the same form",
        ),
        (
            "date,followers\n2025-02,100,5\n",
            "line 2: 3 cells, but the header has 2",
        ),
        (
            "date,followers\n2025-02-01,100\n",
            "line 2, column 1 ('date'): one row dated YYYY-MM-DD",
        ),
        (
            "date,spend,posts\n2025-01,100,3\n",
            "line 1: no column to fit to",
        ),
        (
            "date,followers\n",
            "line 1: the table has a header but no rows",
        ),
        (
            "date,followers,följare\n2025-01,1,1\n",
            "line 1, column 3 ('följare'): this column appears twice",
        ),
        (
            "date,followers\n2020-01,1\n2023-12,1\n",
            "line 3, column 1 ('date'): the history would cover 1461 days",
        ),
    ];
    for (text, expected) in cases {
        let got = problem(text);
        assert!(
            got.starts_with(expected),
            "{text:?}\n got: {got}\nwant: {expected}"
        );
    }
}

#[test]
fn a_history_nothing_reproduces_is_refused_with_the_report_it_misses() {
    let text = "month,followers\n2025-01,200\n2025-02,800\n2025-03,40000\n";
    let h = read_table(text).unwrap();
    let err = fit(&h, &Scenario::default(), &opts(3)).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("no future in 200 reproduces 40000 followers in 2025-03 (line 4)"),
        "{msg}"
    );
    assert!(
        msg.ends_with("check the numbers or the market size"),
        "{msg}"
    );
}

#[test]
fn fits_repeat_exactly_per_seed() {
    let s = Scenario::default();
    let syn = synthetic(&s, (30, 3), (5, 2), 200.0, &Column::ALL);
    let a = fit(&syn.history, &s, &opts(9)).unwrap();
    let b = fit(&syn.history, &s, &opts(9)).unwrap();
    let c = fit(&syn.history, &s, &opts(10)).unwrap();
    assert_eq!(
        (&a.kept, &a.posterior, a.ess),
        (&b.kept, &b.posterior, b.ess)
    );
    assert_ne!(a.kept, c.kept);
    assert!(a.ess >= MIN_ESS && a.ess <= 200.0, "ess {}", a.ess);
    // The starting followers were inferred (the table reports followers) and are listed.
    assert!(a.posterior.iter().any(|r| r.name == "starting_followers"));
}

#[test]
fn plans_continue_the_same_posterior_futures_with_the_same_luck() {
    let mut s = Scenario::default();
    s.assumptions.horizon_days = 240;
    let syn = synthetic(&s, (30, 4), (8, 1), 200.0, &Column::ALL);
    let f = fit(&syn.history, &s, &opts(4)).unwrap();
    let h = f.history_day as usize;
    let plan = |pairs: &[(&str, f64)]| {
        let mut set = LeverSet::default();
        for (name, v) in pairs {
            let i = plan::LEVERS.iter().position(|n| n == name).unwrap();
            set.put(i, *v);
        }
        f.forecast(&s, set, 20).unwrap().run_all()
    };
    let keep = plan(&[]);
    let commit = plan(&[
        ("budget", 6000.0),
        ("buy_in", 90.0),
        ("responsiveness", 90.0),
    ]);
    let quit = plan(&[("budget", 0.0), ("posts_per_week", 0.0)]);
    let again = plan(&[]);
    assert_eq!(keep, again, "the same plan gives the same forecast");
    for other in [&commit, &quit] {
        for (a, b) in keep.samples.iter().zip(&other.samples) {
            for (m, (x, y)) in a.metrics.iter().zip(&b.metrics).enumerate() {
                assert_eq!(
                    x[..=h],
                    y[..=h],
                    "metric {m}: the history is the same future"
                );
            }
            for m in [Metric::Reach, Metric::Cost].map(Metric::index) {
                assert_ne!(
                    a.metrics[m][h + 1..],
                    b.metrics[m][h + 1..],
                    "the plans differ after it"
                );
            }
        }
    }
    let leads = |s: &Summary| s.band(Metric::Leads).p50[240] - s.band(Metric::Leads).p50[h];
    assert!(
        leads(&quit) < leads(&keep),
        "quitting wins fewer leads than keeping going"
    );
    // Common random numbers: every future that quits ends with no more leads than the same
    // future kept going.
    let per_future = keep.samples.iter().zip(&quit.samples);
    let li = Metric::Leads.index();
    assert!(per_future
        .clone()
        .all(|(k, q)| q.metrics[li][240] <= k.metrics[li][240]));
}

#[test]
fn a_fit_shared_by_two_workers_gives_the_same_bits_as_one_alone() {
    use longgame_engine::fit::moves::move_part;
    let s = Scenario::default();
    let syn = synthetic(&s, (30, 3), (5, 4), 200.0, &Column::ALL);
    let o = opts(6);
    let alone = fit(&syn.history, &s, &o).unwrap();
    // Two workers, each with a fitter of its own, weigh the prior and move every stage's
    // futures in two parts; the page reweighs between stages.
    let fitter = || Fitter::new(&syn.history, &s, &o);
    let mut workers = [fitter(), fitter()];
    let mut prior = weigh_prior(&mut workers[0], 0..90);
    prior.extend(weigh_prior(&mut workers[1], 90..200));
    let mut smc = Smc::from_prior(fitter(), &o, prior);
    let mut stages = 0;
    let shared = loop {
        if let Some(done) = smc.reweigh() {
            break done.unwrap();
        }
        let (stage, walkers) = (smc.stage_moves(), smc.walkers());
        let (mut a, mut b) = (walkers[..90].to_vec(), walkers[90..].to_vec());
        let ca = move_part(&mut workers[0], &stage, 0, &mut a);
        let cb = move_part(&mut workers[1], &stage, 90, &mut b);
        a.extend(b);
        smc.moved(a, (ca.0 + cb.0, ca.1 + cb.1));
        stages += 1;
    };
    assert!(stages >= 1, "the history takes more than one stage");
    assert_eq!(
        (
            &shared.kept,
            &shared.posterior,
            shared.ess,
            shared.acceptance
        ),
        (&alone.kept, &alone.posterior, alone.ess, alone.acceptance)
    );
}
