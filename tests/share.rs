//! The shareable link: decode(encode(x)) == x, and no link can break the app.

mod common;
use longgame::i18n::Lang;
use longgame::model::{Metric, Scenario};
use longgame::state::explore::lever_map::{Axes, Axis, RUNS_CHOICES};
use longgame::state::explore::outcome::Outcome;
use longgame::state::link::{
    decode, encode, Class, Explore, ExploreView, Problem, Shared, DEFAULT_RUNS, MAX_RUNS, MAX_SEED,
    MIN_RUNS,
};
use longgame::view::messages::problem_text;
use proptest::prelude::*;

fn any_scenario() -> impl Strategy<Value = Scenario> {
    common::any_scenario(longgame::model::params::MAX_DAYS)
}

/// A class list as typed: any lines of names, codes and links (a link's values are trimmed,
/// so the list neither starts nor ends with white space).
fn any_class() -> impl Strategy<Value = Class> {
    (
        "([A-Za-z0-9:?=&/.]([A-Za-z0-9:?=&/. \n]{0,40}[A-Za-z0-9:?=&/.])?)?",
        proptest::sample::select(Metric::ALL.to_vec()),
        1u32..=1095,
    )
        .prop_map(|(teams, metric, day)| Class { teams, metric, day })
}

fn any_explore() -> impl Strategy<Value = Explore> {
    let axes = (0usize..4, 1usize..4).prop_map(|(x, d)| Axes {
        x: Axis::ALL[x],
        y: Axis::ALL[(x + d) % 4],
    });
    (
        proptest::sample::select(vec![ExploreView::Tornado, ExploreView::Map]),
        proptest::sample::select(Outcome::EXPLORED.to_vec()),
        1u32..=1095,
        axes,
        proptest::sample::select(RUNS_CHOICES.to_vec()),
    )
        .prop_map(|(view, metric, day, axes, map_runs)| Explore {
            view,
            outcome: metric,
            day,
            axes,
            map_runs,
        })
}

fn any_shared() -> impl Strategy<Value = Shared> {
    (
        any_scenario(),
        0..=MAX_SEED,
        MIN_RUNS..=MAX_RUNS,
        proptest::option::of(any_scenario()),
        any::<bool>(),
        // The app's languages, as a link may write them.
        proptest::option::of(proptest::sample::select(vec!["en", "sv", "sv-se", "en-gb"])),
        proptest::option::of(("[a-zA-Z0-9{}\":,.%+&=/?#-]{1,60}", 0u32..999)),
        0u32..=1095,
        proptest::option::of(proptest::sample::select(Metric::ALL.to_vec())),
        proptest::option::of(0u32..=1095),
        proptest::option::of(any_class()),
        proptest::option::of(any_explore()),
    )
        .prop_map(
            |(
                scenario,
                seed,
                runs,
                pinned,
                embed,
                lang,
                story,
                quit,
                view,
                play,
                class,
                explore,
            )| {
                // Days as the app keeps them: within the horizon (a link's later day is
                // reported and brought to it, see below).
                let horizon = scenario.assumptions.horizon_days;
                let class = class.map(|c| Class {
                    day: c.day.min(horizon),
                    ..c
                });
                let explore = explore.map(|e| Explore {
                    day: e.day.min(horizon),
                    ..e
                });
                Shared {
                    page: None,
                    scenario,
                    seed,
                    runs,
                    pinned,
                    embed,
                    lang: lang.map(str::to_string),
                    step: story.as_ref().map_or(0, |s| s.1),
                    story: story.map(|s| s.0),
                    quit: quit.min(horizon),
                    view,
                    play,
                    class,
                    explore,
                }
            },
        )
}

/// The notices of a decoded link, in English.
fn notices(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(|p| problem_text(Lang::En, p)).collect()
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
    let text = notices(&problems);
    assert!(text[0].contains("Budget is 'lots'"), "{text:?}");
    assert!(
        text[1].contains("Responsiveness is '250', but must be between 0 and 100"),
        "{text:?}"
    );
    assert!(
        text[4].starts_with("pinned scenario: Budget is 'xx'"),
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
    assert!(notices(&problems)[0].contains("version '7'"));
}

#[test]
fn a_scenario_file_from_before_the_budget_split_loads_with_the_default_split() {
    let old = r#"{"levers": {"budget": 2500, "posts_per_week": 4, "responsiveness": 60, "buy_in": 50},
                 "assumptions": {"market_size": 20000, "horizon_days": 365}}"#;
    let s = longgame::files::parse_scenario(old).expect("old files still load");
    let d = longgame::model::Assumptions::default();
    assert_eq!(s.assumptions.content_share, d.content_share);
    assert_eq!(s.assumptions.community_share, d.community_share);
    assert_eq!(s.levers.budget, 2500.0);
}

#[test]
fn a_plan_travels_in_the_link_and_one_that_does_not_fit_is_reported() {
    let (s, problems) = decode("d=730&c=180b4000_365i90");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(s.scenario.changes.changes().len(), 2);
    assert!(encode(&s).contains("c=180b4000_365i90"));
    let (s, problems) = decode("d=100&c=180b4000");
    assert!(
        s.scenario.changes.is_empty(),
        "a change after the horizon is left out"
    );
    assert!(notices(&problems)[0].contains("180b4000"), "{problems:?}");
    let (_, problems) = decode("c=nonsense");
    assert_eq!(problems.len(), 1);
}

#[test]
fn a_bad_explorer_setting_opens_the_tornado_with_its_default_and_is_reported() {
    let (s, problems) = decode("explore=maps&eo=reach&ed=0&b=1200");
    assert_eq!(
        s.explore,
        Some(Explore::default()),
        "the tornado on leads, day 365"
    );
    assert_eq!(s.scenario.levers.budget, 1200.0);
    let words = notices(&problems);
    assert_eq!(words.len(), 3, "{words:?}");
    assert!(words[0].contains("no explorer view 'maps'"), "{words:?}");
    assert!(words[1].contains("'reach' is not leads"), "{words:?}");
    assert!(words[2].contains("day is '0'"), "{words:?}");
    let (back, _) = decode(&encode(&s));
    assert_eq!(back.explore, s.explore);
}

#[test]
fn the_map_of_two_levers_travels_in_the_link_and_bad_axes_are_reported() {
    let link = "explore=map&mx=budget&my=buyin&eo=goal&ed=200";
    let (s, problems) = decode(link);
    assert!(problems.is_empty(), "{problems:?}");
    let e = s.explore.clone().unwrap();
    assert_eq!(
        (e.view, e.outcome, e.day),
        (ExploreView::Map, Outcome::Goal, 200)
    );
    assert_eq!(
        e.axes,
        Axes {
            x: Axis::Budget,
            y: Axis::BuyIn
        }
    );
    assert_eq!(
        encode(&s),
        "v=1&explore=map&eo=goal&ed=200",
        "default axes left out"
    );
    let (s, problems) = decode("explore=map&mx=posts&my=responsiveness");
    assert!(problems.is_empty());
    assert!(encode(&s).ends_with("explore=map&mx=posts&my=responsiveness"));
    // One lever named: the other axis keeps its default, or swaps when that is the same.
    let (s, problems) = decode("explore=map&mx=buyin");
    assert!(problems.is_empty(), "{problems:?}");
    let axes = s.explore.unwrap().axes;
    assert_eq!(
        axes,
        Axes {
            x: Axis::BuyIn,
            y: Axis::Budget
        }
    );
    // Bad values: a clear notice each, the defaults used, never a panic.
    let (s, problems) = decode("explore=map&mx=price&my=%F0%9F%92%A5&eo=7");
    let words = notices(&problems);
    assert_eq!(words.len(), 3, "{words:?}");
    assert!(
        words[0].contains("the map's lever 'price' is not budget, posts"),
        "{words:?}"
    );
    assert!(
        words[2].contains("'7' is not leads, customers, roi, trust or goal"),
        "{words:?}"
    );
    assert_eq!(s.explore.unwrap().axes, Axes::default());
    let (s, problems) = decode("explore=map&mx=posts&my=posts");
    assert_eq!(problems.len(), 1);
    assert!(notices(&problems)[0].contains("cannot put 'posts' on both axes"));
    assert_eq!(s.explore.unwrap().axes, Axes::default());
}

#[test]
fn the_maps_futures_per_cell_travel_in_the_link_and_a_bad_number_is_reported() {
    let (s, problems) = decode("explore=map&mn=1000");
    assert!(problems.is_empty(), "{problems:?}");
    let e = s.explore.clone().unwrap();
    assert_eq!((e.view, e.map_runs), (ExploreView::Map, 1000));
    assert_eq!(encode(&s), "v=1&explore=map&mn=1000");
    let (s, _) = decode("explore=map&mn=200");
    assert_eq!(encode(&s), "v=1&explore=map", "the default left out");
    // Alone, `mn` opens the explorer (as `eo` and `ed` do), with the tornado.
    let (s, _) = decode("mn=500");
    assert_eq!(
        s.explore.map(|e| (e.view, e.map_runs)),
        Some((ExploreView::Tornado, 500))
    );
    // Not one of the choices: a clear notice each, 200 used, the rest of the link kept.
    for bad in ["300", "0", "-100", "1e3", "lots", "", "99999999999"] {
        let (s, problems) = decode(&format!("explore=map&mx=posts&mn={bad}"));
        let words = notices(&problems);
        assert_eq!(words.len(), 1, "{bad}: {words:?}");
        assert_eq!(
            words[0],
            format!("the map's futures per cell are '{bad}', but must be 100, 200, 500 or 1000; 200 are used")
        );
        let e = s.explore.unwrap();
        assert_eq!((e.map_runs, e.axes.x), (200, Axis::Posts), "{bad}");
    }
}

#[test]
fn a_day_after_the_horizon_is_reported_and_the_horizon_used() {
    let (s, problems) = decode("explore=tornado&ed=1000");
    let words = notices(&problems);
    assert_eq!(
        words,
        ["the explorer's day is 1000, after the horizon of 730 days; day 730 is shown"]
    );
    assert_eq!(s.explore.as_ref().map(|e| e.day), Some(730));
    assert!(
        encode(&s).ends_with("explore=tornado&ed=730"),
        "{}",
        encode(&s)
    );
    let (s, problems) = decode("class=A%3A%20x&rday=400&d=365");
    let words = notices(&problems);
    assert_eq!(
        words,
        ["the class's day is 400, after the horizon of 365 days; the class is ranked on day 365"]
    );
    assert_eq!(s.class.as_ref().map(|c| c.day), Some(365));
}

#[test]
fn a_default_day_after_a_short_horizon_is_the_horizon_silently_and_in_the_link() {
    // Nobody chose day 365 here: the explorer reads the last day there is, and says so.
    let (s, problems) = decode("explore=map&d=180");
    assert!(problems.is_empty(), "{problems:?}");
    let e = s.explore.clone().unwrap();
    assert_eq!(e.day_in(&s.scenario), 180);
    assert!(encode(&s).contains("ed=180"), "{}", encode(&s));
    assert!(decode(&encode(&s)).1.is_empty());
}

#[test]
fn a_page_history_travels_in_the_link_as_typed_while_it_fits_the_budget() {
    let text = "month;följare;leads\r\n2025-01;1 200,5;3\n\n2025-02;1 300;\"4\"\n";
    let s = Shared {
        page: Some(text.to_string()),
        ..Shared::default()
    };
    let (back, problems) = decode(&encode(&s));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        back.page.as_deref(),
        Some(text),
        "every character, the white space too"
    );
    // Over the budget: the view opens, the table stays out (the page offers the file).
    let long = format!("month,followers\n{}", "2025-01,100\n".repeat(700));
    let s = Shared {
        page: Some(long),
        ..Shared::default()
    };
    let link = encode(&s);
    assert!(link.len() < 100, "{link}");
    assert_eq!(decode(&link).0.page.as_deref(), Some(""));
}
