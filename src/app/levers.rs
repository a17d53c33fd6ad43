//! The four levers (and the assumptions) as labelled sliders with a typed value box, units,
//! a plain-language meaning that follows the value, and a restore-default control.

use super::format::full;
use crate::model::constants::FATIGUE_POSTS_PER_WEEK;
use crate::model::engine::{first_review_day, reply_delay_hours, staff_answer_share};
use crate::model::params::Range;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LeverProps {
    /// Short field name (`budget`, `buy_in`, ...): used for ids and tests.
    pub name: &'static str,
    pub label: AttrValue,
    pub range: Range,
    pub step: f64,
    pub value: f64,
    pub default: f64,
    #[prop_or_default]
    pub meaning: AttrValue,
    pub on_change: Callback<f64>,
}

fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

#[component]
pub fn Lever(p: &LeverProps) -> Html {
    let error = use_state(|| None::<String>);
    // What is being typed: kept across re-renders (results stream in while people type).
    let draft = use_state(|| None::<String>);
    let id = format!("lever-{}", p.name);
    let range = p.range;
    let on_slide = {
        let cb = p.on_change.clone();
        let error = error.clone();
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(v) = input_value(&e).parse::<f64>() {
                error.set(None);
                draft.set(None);
                cb.emit(v);
            }
        })
    };
    let on_draft = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| draft.set(Some(input_value(&e))))
    };
    let on_blur = {
        let (draft, error) = (draft.clone(), error.clone());
        Callback::from(move |_: FocusEvent| {
            if error.is_none() {
                draft.set(None);
            }
        })
    };
    let on_typed = {
        let cb = p.on_change.clone();
        let error = error.clone();
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let text = input_value(&e);
            match text.trim().replace([',', ' '], "").parse::<f64>() {
                Ok(v) if v.is_finite() && v >= range.min && v <= range.max => {
                    error.set(None);
                    draft.set(None);
                    cb.emit(v);
                }
                _ => error.set(Some(format!(
                    "'{text}' is not allowed: enter a number from {} to {}",
                    full(range.min),
                    full(range.max)
                ))),
            }
        })
    };
    let reset = {
        let cb = p.on_change.clone();
        let default = p.default;
        let (error, draft) = (error.clone(), draft.clone());
        Callback::from(move |_| {
            error.set(None);
            draft.set(None);
            cb.emit(default)
        })
    };
    let unit = if range.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", range.unit)
    };
    let slider_max = if p.name == "budget" {
        30_000.0
    } else {
        range.max
    };
    html! {
        <div class="lever" data-lever={p.name}>
            <div class="lever-head">
                <label for={id.clone()}>{ p.label.clone() }</label>
                <span class="lever-value">
                    <input type="number" class="typed" aria-label={format!("{} value", p.label)}
                        min={range.min.to_string()} max={range.max.to_string()} step="any"
                        value={(*draft).clone().unwrap_or_else(|| p.value.to_string())}
                        oninput={on_draft} onchange={on_typed} onblur={on_blur}
                        aria-invalid={error.is_some().to_string()} />
                    <span class="unit">{ unit.clone() }</span>
                    <button type="button" class="reset small" onclick={reset} disabled={p.value == p.default}
                        title={format!("Restore the default ({})", full(p.default))}
                        aria-label={format!("Restore {} to its default, {}", p.label, full(p.default))}>{"↺"}</button>
                </span>
            </div>
            <input id={id} type="range" min={range.min.to_string()} max={slider_max.max(p.value).to_string()}
                step={p.step.to_string()} value={p.value.to_string()} oninput={on_slide}
                aria-valuetext={format!("{}{unit}: {}", full(p.value), p.meaning)} />
            if let Some(e) = &*error { <p class="field-error" role="alert">{ e }</p> }
            if !p.meaning.is_empty() { <p class="meaning">{ p.meaning.clone() }</p> }
        </div>
    }
}

/// What a monthly budget buys, in words.
pub fn budget_meaning(budget: f64) -> String {
    match budget {
        b if b <= 0.0 => "No money: the page runs on goodwill and spare minutes.",
        b if b < 600.0 => "Pocket money: a little content, almost no staff time.",
        b if b < 2000.0 => "A part-time effort: some content and a few hours a week.",
        b if b < 6000.0 => "A real programme: content, staff hours and some paid promotion.",
        b if b < 15000.0 => "A serious budget: a small team and steady promotion.",
        _ => "Heavy spending: much of it buys paid reach, with diminishing returns.",
    }
    .into()
}

pub fn posts_meaning(posts: f64) -> String {
    match posts {
        p if p <= 0.0 => "Silent: nothing is posted, attention drains away.".to_string(),
        p if p < 2.0 => "Now and then: easy for people to forget you exist.".to_string(),
        p if p <= 10.0 => "Steady: people learn when to expect you.".to_string(),
        p if p <= FATIGUE_POSTS_PER_WEEK => "Busy: close to the point where followers tire.".to_string(),
        _ => format!(
            "Blasting: past about {FATIGUE_POSTS_PER_WEEK:.0} posts a week, each post is thinner and people unfollow."
        ),
    }
}

/// The responsiveness lever in the model's own terms: share answered and typical delay.
pub fn responsiveness_meaning(responsiveness: f64, buy_in: f64) -> String {
    let r = responsiveness / 100.0;
    if r <= 0.0 {
        return "Nobody answers comments, questions or complaints.".into();
    }
    let share = 100.0 * staff_answer_share(r, buy_in / 100.0);
    let hours = reply_delay_hours(r);
    let when = if hours <= 1.5 {
        "typically within the hour".to_string()
    } else if hours < 24.0 {
        format!("typically within {hours:.0} hours")
    } else if hours < 36.0 {
        "typically after about a day".to_string()
    } else {
        format!("typically after about {:.0} days", hours / 24.0)
    };
    let lead = if r >= 0.95 {
        "Every comment answered"
    } else {
        "People get answers"
    };
    format!("{lead}: about {share:.0}% of messages answered, {when}.")
}

pub fn buy_in_meaning(buy_in: f64) -> String {
    let words = match buy_in {
        b if b < 20.0 => "An experiment management expects to fail",
        b if b < 45.0 => "Tolerated, not backed",
        b if b < 70.0 => "Supported, with some patience",
        b if b < 90.0 => "Backed: time, people and a voice in the business",
        _ => "The CEO visibly champions it and acts on what customers say",
    };
    format!(
        "{words}; first review on day {}.",
        first_review_day(buy_in / 100.0)
    )
}
