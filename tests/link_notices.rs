//! Every value a link carries that the page ignores or corrects gets a notice, in the page's
//! language, and the notice says what the page really does.

use longgame::i18n::Lang;
use longgame::state::app_state::AppState;
use longgame::view::messages::notice_text;

/// The page a link opens in a browser set to `lang`, and its notices as shown.
fn open(query: &str, lang: Lang) -> (AppState, Vec<String>) {
    let s = AppState::new(query, Some(lang), 0.0);
    let words = s.notices.iter().map(|n| notice_text(lang, n)).collect();
    (s, words)
}

/// The one notice of `query` in English and in Swedish (which must not be the English words).
fn one_notice(query: &str) -> (AppState, String, String) {
    let (s, en) = open(query, Lang::En);
    let (_, sv) = open(query, Lang::Sv);
    assert_eq!(en.len(), 1, "{query}: {en:?}");
    assert_eq!(sv.len(), 1, "{query}: {sv:?}");
    assert_ne!(
        en[0], sv[0],
        "{query}: the Swedish page words it in Swedish"
    );
    (s, en[0].clone(), sv[0].clone())
}

#[test]
fn an_embed_flag_that_is_not_1_or_0_is_reported() {
    let (s, en, sv) = one_notice("embed=yes");
    assert!(!s.shared.embed);
    assert!(en.contains("'yes'") && en.contains("full page"), "{en}");
    assert!(sv.contains("'yes'") && sv.contains("hela sidan"), "{sv}");
    for good in ["embed=1", "embed=true", "embed=0", "embed=false"] {
        assert!(open(good, Lang::En).1.is_empty(), "{good}");
    }
}

#[test]
fn a_language_the_app_does_not_have_is_reported_in_the_language_shown() {
    let (s, en, sv) = one_notice("lang=de");
    assert_eq!(s.shared.lang, None, "the link's language is dropped");
    assert!(en.contains("'de'") && en.contains("English"), "{en}");
    assert!(sv.contains("'de'") && sv.contains("svenska"), "{sv}");
    assert!(open("lang=sv-SE", Lang::En).1.is_empty());
}

#[test]
fn a_quit_day_after_the_horizon_is_reported_and_the_overlay_off() {
    let (s, en, sv) = one_notice("x=731&d=730");
    assert_eq!(s.shared.quit, 0);
    assert!(
        en.contains("731") && en.contains("730") && en.contains("off"),
        "{en}"
    );
    assert!(sv.contains("731") && sv.contains("730"), "{sv}");
    let (s, words) = open("x=730&d=730", Lang::En);
    assert!(
        words.is_empty(),
        "quitting on the last day is allowed: {words:?}"
    );
    assert_eq!(s.shared.quit, 730);
}

#[test]
fn a_step_past_the_storys_end_is_reported_and_the_last_shown() {
    let (s, en, sv) = one_notice("step=999&story=default");
    let steps = s.story.as_ref().unwrap().steps.len();
    assert_eq!(s.shared.step as usize, steps - 1);
    assert!(
        en.contains("999") && en.contains(&steps.to_string()),
        "{en}"
    );
    assert!(
        sv.contains("999") && sv.contains(&steps.to_string()),
        "{sv}"
    );
    let (s, words) = open(&format!("story=default&step={}", steps - 1), Lang::En);
    assert!(words.is_empty(), "{words:?}");
    assert_eq!(s.shared.step as usize, steps - 1);
}

#[test]
fn a_step_without_a_story_is_reported() {
    let (_, en, sv) = one_notice("step=3");
    assert!(en.contains("'3'") && en.contains("no story"), "{en}");
    assert!(sv.contains("'3'"), "{sv}");
}

#[test]
fn a_game_day_the_game_cannot_stop_on_is_reported_with_the_day_shown() {
    let (s, en, sv) = one_notice("play=1000&d=100");
    let shown = s.shared.play.unwrap();
    assert!(shown <= 100);
    for text in [&en, &sv] {
        assert!(
            text.contains("1000") && text.contains(&shown.to_string()),
            "{text}"
        );
    }
    // A link the app wrote (the day of a stop) opens without a word.
    let link = longgame::state::link::encode(&s.shared);
    assert!(open(&link, Lang::En).1.is_empty(), "{link}");
}

#[test]
fn a_repeated_setting_keeps_its_first_value_and_says_so() {
    let (s, en, sv) = one_notice("b=5000&b=abc");
    assert_eq!(s.shared.scenario.levers.budget, 5000.0);
    assert!(!en.contains("default"), "the default is not used: {en}");
    assert!(
        en.contains("'b'") && en.contains("'abc'") && en.contains("first"),
        "{en}"
    );
    assert!(sv.contains("'b'") && sv.contains("'abc'"), "{sv}");
    let (s, _, _) = one_notice("n=100&n=200");
    assert_eq!(s.shared.runs, 100);
    let (s, en, _) = one_notice("A=b:300,b:400");
    assert_eq!(s.shared.pinned.unwrap().levers.budget, 300.0);
    assert!(
        en.contains("pinned scenario") && en.contains("'400'"),
        "{en}"
    );
}

#[test]
fn a_class_ranked_on_an_unknown_outcome_says_what_it_is_ranked_on() {
    let (s, en, sv) = one_notice("class=A%3A%20x&rank=x");
    assert_eq!(
        s.shared.class.unwrap().metric,
        longgame::model::Metric::Leads
    );
    assert!(!en.contains("chart"), "{en}");
    assert!(
        en.contains("'x'") && en.contains("rank") && en.contains("leads"),
        "{en}"
    );
    assert!(!sv.contains("diagram") && sv.contains("'x'"), "{sv}");
}
