//! Problems with a file or with the saved scenarios are worded in Swedish in the Swedish
//! interface: no English from the parser or the engine inside them.

use longgame::files::parse_scenario;
use longgame::i18n::Lang;
use longgame::state::saved::parse_store;
use longgame::story::parse_story;
use longgame::view::messages::{file_error_text, store_problem_text};

#[test]
fn file_problems_read_in_swedish() {
    let changes: Vec<String> = (1..=13)
        .map(|d| format!(r#"{{"day": {d}, "set": {{"budget": 1}}}}"#))
        .collect();
    let thirteen = format!(r#"{{"changes": [{}]}}"#, changes.join(","));
    let story = format!(
        r#"{{"format": "longgame-story/1", "title": "x", "steps": [{{"title": "a", "point": "b", "view": "leads", "changes": [{}]}}]}}"#,
        changes.join(",")
    );
    let cases = [
        (
            parse_scenario(&thirteen).unwrap_err(),
            "changes: 13 ändringar, men en plan rymmer högst 12",
        ),
        (
            parse_story(&story).unwrap_err(),
            "steps[0].changes: 13 ändringar, men en plan rymmer högst 12",
        ),
        (
            parse_scenario(r#"{"changes": [{"day": 10, "set": []}]}"#).unwrap_err(),
            "changes[0].set: fel typ, ett objekt väntades",
        ),
        (
            parse_scenario(r#"{"levers": {"budget": 1e999}}"#).unwrap_err(),
            "levers.budget: talet är för stort (högst omkring ±1,8e308)",
        ),
    ];
    for (error, swedish) in cases {
        assert_eq!(file_error_text(Lang::Sv, &error), swedish);
        assert_ne!(file_error_text(Lang::En, &error), swedish);
    }
}

#[test]
fn an_unreadable_save_is_described_in_swedish() {
    let not_json = parse_store(Some("{x")).unwrap_err();
    assert_eq!(
        store_problem_text(Lang::Sv, &not_json),
        "inte giltig JSON (rad 1, kolumn 2)"
    );
    let wrong = parse_store(Some(r#"{"name": "x"}"#)).unwrap_err();
    assert_eq!(
        store_problem_text(Lang::Sv, &wrong),
        "inte en lista med sparade scenarier (rad 1, kolumn 0)"
    );
    assert_eq!(
        store_problem_text(Lang::En, &wrong),
        "not a list of saved scenarios (line 1, column 0)"
    );
}
