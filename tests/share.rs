//! The shareable link: decode(encode(x)) == x, and no link can break the app.

use longgame::model::{Assumptions, Levers, Metric, Scenario};
use longgame::state::share::{decode, encode, Shared, DEFAULT_RUNS, MAX_RUNS, MAX_SEED, MIN_RUNS};
use proptest::prelude::*;

fn any_scenario() -> impl Strategy<Value = Scenario> {
    let levers =
        (0.0..=100_000.0, 0.0..=70.0, 0.0..=100.0, 0.0..=100.0).prop_map(|(b, p, r, i)| Levers {
            budget: b,
            posts_per_week: p,
            responsiveness: r,
            buy_in: i,
        });
    let assumptions = (
        (
            1_000.0..=10_000_000.0f64,
            0.0..=1.0f64,
            0.0..=1_000_000.0,
            0.0..=100.0,
            0.0..=100.0,
        ),
        (
            30u32..=1095,
            1.0..=1_000_000.0,
            1u32..=1095,
            0u32..=1095,
            0u32..=1095,
        ),
    )
        .prop_map(
            |((m, share, cv, cr, fit), (d, gl, gd, cd, q))| Assumptions {
                market_size: m,
                starting_followers: (m * share).min(1_000_000.0),
                customer_value: cv,
                close_rate: cr,
                channel_fit: fit,
                horizon_days: d,
                goal_leads: gl,
                goal_day: gd,
                crisis_day: cd,
                stop_day: q,
            },
        );
    (levers, assumptions).prop_map(|(levers, assumptions)| Scenario {
        levers,
        assumptions,
    })
}

fn any_shared() -> impl Strategy<Value = Shared> {
    (
        any_scenario(),
        0..=MAX_SEED,
        MIN_RUNS..=MAX_RUNS,
        proptest::option::of(any_scenario()),
        any::<bool>(),
        proptest::option::of("[a-z]{2}"),
        proptest::option::of(("[a-zA-Z0-9{}\":,.%+&=/?#-]{1,60}", 0u32..999)),
        0u32..=1095,
        proptest::option::of(proptest::sample::select(Metric::ALL.to_vec())),
    )
        .prop_map(
            |(scenario, seed, runs, pinned, embed, lang, story, quit, view)| Shared {
                scenario,
                seed,
                runs,
                pinned,
                embed,
                lang,
                step: story.as_ref().map_or(0, |s| s.1),
                story: story.map(|s| s.0),
                quit,
                view,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn decoding_an_encoded_state_gives_it_back_exactly(s in any_shared()) {
        let link = encode(&s);
        let (back, problems) = decode(&link);
        prop_assert!(problems.is_empty(), "{link}: {problems:?}");
        prop_assert_eq!(back, s);
    }

    #[test]
    fn any_text_decodes_to_a_valid_state(text in ".{0,200}") {
        let (s, _) = decode(&text);
        prop_assert!(s.scenario.validate().is_ok());
        prop_assert!(s.pinned.is_none_or(|p| p.validate().is_ok()));
        prop_assert!((MIN_RUNS..=MAX_RUNS).contains(&s.runs));
    }

    #[test]
    fn tampered_links_decode_to_a_valid_state(s in any_shared(), cut in 0usize..400, junk in "[=&:,%A-Za-z0-9.-]{0,12}") {
        let link = encode(&s);
        let cut = cut.min(link.len());
        let (t, _) = decode(&format!("{}{junk}", &link[..cut]));
        prop_assert!(t.scenario.validate().is_ok());
        prop_assert!(t.pinned.is_none_or(|p| p.validate().is_ok()));
    }
}

#[test]
fn the_default_state_is_a_short_link() {
    assert_eq!(encode(&Shared::default()), "v=1");
    let (s, problems) = decode("");
    assert_eq!(s, Shared::default());
    assert!(problems.is_empty());
}

#[test]
fn a_bad_field_falls_back_alone_and_is_reported() {
    let (s, problems) = decode("?v=1&b=lots&p=9&r=250&i=80&n=3&s=-4&A=b:xx,i:20");
    assert_eq!(s.scenario.levers.budget, Scenario::default().levers.budget);
    assert_eq!(s.scenario.levers.posts_per_week, 9.0);
    assert_eq!(
        s.scenario.levers.responsiveness,
        Scenario::default().levers.responsiveness
    );
    assert_eq!(s.scenario.levers.buy_in, 80.0);
    assert_eq!(s.runs, DEFAULT_RUNS);
    assert_eq!(s.seed, 1);
    assert_eq!(s.pinned.unwrap().levers.buy_in, 20.0);
    assert_eq!(problems.len(), 5, "{problems:?}");
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(text[0].contains("budget is 'lots'"), "{text:?}");
    assert!(
        text[1].contains("responsiveness is 250, but must be between 0 and 100"),
        "{text:?}"
    );
    assert!(
        text[4].starts_with("pinned scenario: budget is 'xx'"),
        "{text:?}"
    );
}

#[test]
fn percent_encoded_links_and_foreign_parameters_are_read() {
    let (s, problems) = decode("v=1&utm_source=mail&A=b%3A300%2Ci%3A15&i=90");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(s.scenario.levers.buy_in, 90.0);
    let a = s.pinned.unwrap();
    assert_eq!((a.levers.budget, a.levers.buy_in), (300.0, 15.0));
}

#[test]
fn starting_followers_beyond_the_market_are_refused() {
    let (s, problems) = decode("m=1000&f=5000");
    assert!(s.scenario.validate().is_ok());
    assert_eq!(s.scenario.assumptions.market_size, 1000.0);
    assert_eq!(problems.len(), 1, "{problems:?}");
}

#[test]
fn a_newer_version_is_reported() {
    let (_, problems) = decode("v=7&b=100");
    assert!(problems[0].to_string().contains("version '7'"));
}
