//! The controls beside the charts: presets, the four levers and the assumptions. Every slider
//! comes from the field registry; a typed value is checked once, here, where it enters.

use super::use_app;
use super::whole_box::WholeBox;
use crate::i18n::{tr, tr_dyn, trf, Lang};
use crate::model::params::{Field, FIELDS};
use crate::model::{preset, presets, Scenario};
use crate::state::app_state::{try_set, Action, Refusal};
use crate::state::link::{MAX_RUNS, MAX_SEED, MIN_RUNS};
use crate::view::format::{echo, full, read_typed, typed_text};
use crate::view::meanings::{
    fewer_posts_bring_more_leads, lever_meaning_quick, plan_lines, posting_judged,
};
use crate::view::slider;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LeverProps {
    /// The scenario field this lever sets: its name, range, step, label and unit.
    pub field: &'static Field,
    #[prop_or_default]
    pub meaning: AttrValue,
}

/// Why a value was refused, in the interface language, with the value as typed.
fn refusal_text(l: Lang, typed: &str, r: &Refusal) -> String {
    match r {
        Refusal::WholeDays => trf(l, "lever.whole_days", &[&typed]),
        Refusal::Range { min, max } => trf(
            l,
            "lever.bad_value",
            &[&typed, &full(l, *min), &full(l, *max)],
        ),
        Refusal::Plan(why) => trf(l, "lever.breaks_plan", &[&typed, why]),
    }
}

/// One field as a labelled slider with a typed value box, its unit, a plain-language meaning
/// and a restore-default control.
#[component]
pub fn Lever(p: &LeverProps) -> Html {
    let state = use_app();
    let l = state.lang();
    let field = p.field;
    let value = field.get(&state.shared.scenario);
    let default = field.get(&Scenario::default());
    let error = use_state(|| None::<String>);
    // What is being typed: kept across re-renders (results stream in while people type).
    let draft = use_state(|| None::<String>);
    let apply = {
        let (state, error, draft) = (state.clone(), error.clone(), draft.clone());
        move |typed: String, v: f64| match try_set(&state.shared.scenario, field, v) {
            Ok(_) => {
                error.set(None);
                draft.set(None);
                state.dispatch(Action::SetField(field, v));
            }
            Err(r) => {
                // Within the field's own range the value reads as a number ("60,000"); outside
                // it, as typed.
                let within = v >= field.min && v <= field.max;
                let shown = if within { full(l, v) } else { typed };
                error.set(Some(refusal_text(l, &shown, &r)))
            }
        }
    };
    let on_slide = {
        let apply = apply.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(pos) = input.value().parse::<f64>() {
                let v = slider::value_at(field, pos);
                apply(v.to_string(), v);
            }
        })
    };
    let on_draft = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(Some(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            ))
        })
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
        let (apply, error) = (apply.clone(), error.clone());
        Callback::from(move |e: Event| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            match read_typed(l, &text) {
                Some(v) => apply(text, v),
                None => error.set(Some(refusal_text(
                    l,
                    &echo(&text),
                    &Refusal::Range {
                        min: field.min,
                        max: field.max,
                    },
                ))),
            }
        })
    };
    let reset = {
        let apply = apply.clone();
        Callback::from(move |_| apply(default.to_string(), default))
    };
    let label = tr(l, field.label_key);
    let unit = match field.unit_key {
        // The label already ends in "day" ("Goal: by day"): "by day 365", not "365 day".
        "" | "unit.day" => String::new(),
        "%" => " %".to_string(),
        key => format!(" {}", tr(l, key)),
    };
    let id = format!("lever-{}", field.name);
    let (lo, hi, step) = slider::track(field, value);
    html! {
        <div class="lever" data-lever={field.name}>
            <div class="lever-head">
                <label for={id.clone()}>{ label }</label>
                <span class="lever-value">
                    <input type="text" inputmode="decimal" class={classes!("typed", (field.max >= 100_000.0).then_some("wide"))} aria-label={trf(l, "lever.value", &[&label])}
                        value={(*draft).clone().unwrap_or_else(|| typed_text(l, value))}
                        oninput={on_draft} onchange={on_typed} onblur={on_blur}
                        aria-invalid={error.is_some().to_string()} />
                    <span class="unit">{ unit.clone() }</span>
                    <button type="button" class="reset small" onclick={reset} disabled={value == default}
                        title={trf(l, "lever.restore_title", &[&full(l, default)])}
                        aria-label={trf(l, "lever.restore_aria", &[&label, &full(l, default)])}>{"↺"}</button>
                </span>
            </div>
            <input id={id} type="range" min={lo.to_string()} max={hi.to_string()}
                step={step.to_string()} value={slider::position(field, value).to_string()} oninput={on_slide}
                aria-valuetext={format!("{}{unit}: {}", full(l, value), p.meaning)} />
            if let Some(e) = &*error { <p class="field-error" role="alert">{ e }</p> }
            if !p.meaning.is_empty() { <p class="meaning">{ p.meaning.clone() }</p> }
        </div>
    }
}

/// The four levers, each with what its value means.
#[component]
pub fn Levers() -> Html {
    let state = use_app();
    let l = state.lang();
    let levers = state.shared.scenario.levers;
    // The posting sentence simulates a few futures: in a task of its own, after this render.
    let redraw = use_force_update();
    use_effect_with(levers, move |v| {
        let v = *v;
        let timer = (!posting_judged(&v)).then(|| {
            Timeout::new(0, move || {
                fewer_posts_bring_more_leads(&v);
                redraw.force_update();
            })
        });
        move || drop(timer)
    });
    html! {
        <section class="levers" aria-label={tr(l, "levers.aria")}>
            { for FIELDS.iter().filter(|f| f.lever).map(|field| html! {
                <Lever {field} meaning={lever_meaning_quick(l, field.name, &levers)} />
            }) }
            if !state.shared.scenario.changes.is_empty() {
                <div class="plan">
                    <h3>{ tr(l, "plan.title") }</h3>
                    <ul>{ for plan_lines(l, &state.shared.scenario.changes).into_iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                </div>
            }
        </section>
    }
}

#[component]
pub fn Presets() -> Html {
    let state = use_app();
    let l = state.lang();
    let list = presets();
    let active = list
        .iter()
        .find(|pr| pr.scenario == state.shared.scenario)
        .map(|pr| pr.id);
    let on_change = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let id = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(pr) = preset(&id) {
                dispatch.dispatch(Action::SetScenario(Box::new(pr.scenario)));
            }
        })
    };
    html! {
        <section class="presets">
            <label for="preset">{ tr(l, "presets.label") }</label>
            <select id="preset" onchange={on_change}>
                if active.is_none() { <option value="" selected=true>{ tr(l, "presets.custom") }</option> }
                { for list.iter().map(|pr| html! {
                    <option value={pr.id} selected={active == Some(pr.id)}>{ tr_dyn(l, &format!("preset.{}.name", pr.id)) }</option>
                }) }
            </select>
            if let Some(id) = active { <p class="meaning">{ tr_dyn(l, &format!("preset.{id}.lesson")) }</p> }
        </section>
    }
}

/// The assumptions behind the levers (every other registry field), the seed and the runs.
#[component]
pub fn Assumptions() -> Html {
    let state = use_app();
    let l = state.lang();
    let s = &state.shared;
    let on_seed = {
        let dispatch = state.dispatcher();
        Callback::from(move |v: u64| dispatch.dispatch(Action::SetSeed(v)))
    };
    let on_runs = {
        let dispatch = state.dispatcher();
        Callback::from(move |v: u64| dispatch.dispatch(Action::SetRuns(v as u32)))
    };
    // Drawn when first opened (and kept, so a draft typed in it survives closing it).
    let opened = use_state_eq(|| false);
    let on_toggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            if details.has_attribute("open") {
                opened.set(true);
            }
        })
    };
    html! {
        <details class="assumptions" ontoggle={on_toggle}>
            <summary>{ tr(l, "assumptions.title") }</summary>
            if *opened { { assumption_fields(l, s, on_seed, on_runs) } }
        </details>
    }
}

fn assumption_fields(
    l: Lang,
    s: &crate::state::link::Shared,
    on_seed: Callback<u64>,
    on_runs: Callback<u64>,
) -> Html {
    html! {
        <>
            { for FIELDS.iter().filter(|f| !f.lever).map(|field| html! {
                <Lever {field} meaning={tr_dyn(l, &format!("{}.help", field.label_key))} />
            }) }
            <div class="field">
                <label for="seed">{ tr(l, "assume.seed") }</label>
                <WholeBox id="seed" lang={l} value={s.seed} min={0} max={MAX_SEED} on_set={on_seed} />
                <p class="meaning">{ tr(l, "assume.seed.help") }</p>
            </div>
            <div class="field">
                <label for="runs">{ tr(l, "assume.runs") }</label>
                <WholeBox id="runs" lang={l} value={s.runs as u64} min={MIN_RUNS as u64} max={MAX_RUNS as u64} on_set={on_runs} />
            </div>
        </>
    }
}
