//! The four levers (and the assumptions) as labelled sliders with a typed value box, units,
//! a plain-language meaning that follows the value, and a restore-default control.

use super::format::{full, Lang};
use crate::i18n::{percent, tr, trf};
use crate::model::constants::FATIGUE_POSTS_PER_WEEK;
use crate::model::engine::{first_review_day, reply_delay_hours, staff_answer_share};
use crate::model::params::Field;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LeverProps {
    /// The scenario field this lever sets: its name, range, step, label and unit.
    pub field: &'static Field,
    pub value: f64,
    pub default: f64,
    #[prop_or_default]
    pub meaning: AttrValue,
    /// Applies a value; returns why it was refused, if it was (e.g. more followers than the market).
    pub on_change: Callback<f64, Option<String>>,
}

fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

#[component]
pub fn Lever(p: &LeverProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let error = use_state(|| None::<String>);
    // What is being typed: kept across re-renders (results stream in while people type).
    let draft = use_state(|| None::<String>);
    let field = p.field;
    let id = format!("lever-{}", field.name);
    let label = tr(l, field.label_key);
    let on_slide = {
        let cb = p.on_change.clone();
        let error = error.clone();
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(v) = input_value(&e).parse::<f64>() {
                draft.set(None);
                error.set(cb.emit(v));
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
                Ok(v) if v.is_finite() && v >= field.min && v <= field.max => match cb.emit(v) {
                    None => {
                        error.set(None);
                        draft.set(None);
                    }
                    refused => error.set(refused),
                },
                _ => error.set(Some(trf(
                    l,
                    "lever.bad_value",
                    &[&text, &full(l, field.min), &full(l, field.max)],
                ))),
            }
        })
    };
    let reset = {
        let cb = p.on_change.clone();
        let default = p.default;
        let (error, draft) = (error.clone(), draft.clone());
        Callback::from(move |_| {
            draft.set(None);
            error.set(cb.emit(default));
        })
    };
    let unit = match field.unit_key {
        "" => String::new(),
        "%" => " %".to_string(),
        key => format!(" {}", tr(l, key)),
    };
    html! {
        <div class="lever" data-lever={field.name}>
            <div class="lever-head">
                <label for={id.clone()}>{ label }</label>
                <span class="lever-value">
                    <input type="number" class="typed" aria-label={trf(l, "lever.value", &[&label])}
                        min={field.min.to_string()} max={field.max.to_string()} step="any"
                        value={(*draft).clone().unwrap_or_else(|| p.value.to_string())}
                        oninput={on_draft} onchange={on_typed} onblur={on_blur}
                        aria-invalid={error.is_some().to_string()} />
                    <span class="unit">{ unit.clone() }</span>
                    <button type="button" class="reset small" onclick={reset} disabled={p.value == p.default}
                        title={trf(l, "lever.restore_title", &[&full(l, p.default)])}
                        aria-label={trf(l, "lever.restore_aria", &[&label, &full(l, p.default)])}>{"↺"}</button>
                </span>
            </div>
            <input id={id} type="range" min={field.min.to_string()} max={field.slider_max.max(p.value).to_string()}
                step={field.step.to_string()} value={p.value.to_string()} oninput={on_slide}
                aria-valuetext={format!("{}{unit}: {}", full(l, p.value), p.meaning)} />
            if let Some(e) = &*error { <p class="field-error" role="alert">{ e }</p> }
            if !p.meaning.is_empty() { <p class="meaning">{ p.meaning.clone() }</p> }
        </div>
    }
}

/// What a monthly budget buys, in words.
pub fn budget_meaning(l: Lang, budget: f64) -> String {
    let key = match budget {
        b if b <= 0.0 => "budget.none",
        b if b < 600.0 => "budget.pocket",
        b if b < 2000.0 => "budget.part_time",
        b if b < 6000.0 => "budget.real",
        b if b < 15000.0 => "budget.serious",
        _ => "budget.heavy",
    };
    tr(l, key).to_string()
}

pub fn posts_meaning(l: Lang, posts: f64) -> String {
    match posts {
        p if p <= 0.0 => tr(l, "posts.silent").to_string(),
        p if p < 2.0 => tr(l, "posts.rare").to_string(),
        p if p <= 10.0 => tr(l, "posts.steady").to_string(),
        p if p <= FATIGUE_POSTS_PER_WEEK => tr(l, "posts.busy").to_string(),
        _ => trf(l, "posts.blasting", &[&FATIGUE_POSTS_PER_WEEK]),
    }
}

/// The responsiveness lever in the model's own terms: share answered and typical delay.
pub fn responsiveness_meaning(l: Lang, responsiveness: f64, buy_in: f64) -> String {
    let r = responsiveness / 100.0;
    if r <= 0.0 {
        return tr(l, "resp.nobody").into();
    }
    let share = percent(l, (100.0 * staff_answer_share(r, buy_in / 100.0)).round());
    let hours = reply_delay_hours(r);
    let when = if hours <= 1.5 {
        tr(l, "resp.hour").to_string()
    } else if hours < 24.0 {
        trf(l, "resp.hours", &[&hours.round()])
    } else if hours < 36.0 {
        tr(l, "resp.day").to_string()
    } else {
        trf(l, "resp.days", &[&(hours / 24.0).round()])
    };
    if r >= 0.95 {
        trf(l, "resp.every", &[&share, &when])
    } else {
        trf(l, "resp.some", &[&share, &when])
    }
}

pub fn buy_in_meaning(l: Lang, buy_in: f64) -> String {
    let review = first_review_day(buy_in / 100.0);
    match buy_in {
        b if b < 20.0 => trf(l, "buyin.fail", &[&review]),
        b if b < 45.0 => trf(l, "buyin.tolerated", &[&review]),
        b if b < 70.0 => trf(l, "buyin.supported", &[&review]),
        b if b < 90.0 => trf(l, "buyin.backed", &[&review]),
        _ => trf(l, "buyin.champion", &[&review]),
    }
}
