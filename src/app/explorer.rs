//! The explorer's tornado: which lever (or assumption) moves the chosen outcome most, for the
//! scenario on screen. The bars and the table come from `state::tornado`; the chart's markup
//! from `view::tornado`, so what is exported is exactly what is shown.

use super::header::ModeMasthead;
use super::use_app;
use super::whole_box::WholeBox;
use crate::i18n::{tr, tr_dyn, trf, Lang};
use crate::model::Metric;
use crate::state::app_state::Action;
use crate::state::tornado::{moves, tornado, tornado_csv, Tornado};
use crate::view::format::{chance, full};
use crate::view::tornado::{change, field_value, outcome, svg, OUTCOMES};
use yew::prelude::*;

#[component]
pub fn ExplorerPage() -> Html {
    let state = use_app();
    let l = state.lang();
    let Some(e) = state.shared.explore.clone() else {
        return Html::default();
    };
    let exit = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::ExitExplorer))
    };
    let m = moves(&state.shared.scenario);
    let t = state
        .results
        .outcomes_done()
        .and_then(|o| tornado(&m, &o.values, e.metric, e.day));
    html! {
        <div class="page class-page explore-page" data-app-ready="true" lang={l.code()}>
            <ModeMasthead title={tr(l, "explore.title")} exit={(AttrValue::from(tr(l, "explore.exit")), "exit-explorer")} on_exit={exit} />
            <main class="class explore" id="explore">
                <p class="meaning">{ tr(l, "explore.help") }</p>
                <p class="meaning explore-steps">{ tr(l, "explore.steps") }</p>
                <ExploreSettings />
                if let Some(t) = t {
                    { chart(l, &t) }
                } else {
                    { super::results::outcomes_progress(l, state.results.outcomes.as_deref(), "explore.running") }
                }
            </main>
        </div>
    }
}

/// The scenario (a preset), the outcome and the day.
#[component]
fn ExploreSettings() -> Html {
    let state = use_app();
    let l = state.lang();
    let e = state.shared.explore.clone().unwrap_or_default();
    let horizon = state.shared.scenario.assumptions.horizon_days;
    let on_metric = {
        let (dispatch, day) = (state.dispatcher(), e.day);
        Callback::from(move |ev: Event| {
            let select: web_sys::HtmlSelectElement = ev.target_unchecked_into();
            if let Some(m) = Metric::ALL.into_iter().find(|m| m.name() == select.value()) {
                dispatch.dispatch(Action::SetExplore(m, day));
            }
        })
    };
    let on_day = {
        let (dispatch, metric) = (state.dispatcher(), e.metric);
        Callback::from(move |day: u64| dispatch.dispatch(Action::SetExplore(metric, day as u32)))
    };
    let variants = 1 + 2 * crate::state::tornado::STEPS.len();
    html! {
        <section class="class-settings explore-settings" aria-label={tr(l, "explore.settings_aria")}>
            <super::controls::Presets />
            <label>{ tr(l, "explore.outcome") }{" "}
                <select class="explore-metric" onchange={on_metric}>
                    { for OUTCOMES.iter().map(|(m, key, _)| html! {
                        <option value={m.name()} selected={*m == e.metric}>{ tr(l, key) }</option>
                    }) }
                </select>
            </label>
            <label for="explore-day">{ tr(l, "explore.day") }</label>
            <WholeBox id="explore-day" value={e.day.min(horizon) as u64} min={1} max={horizon as u64} lang={l} on_set={on_day} />
            <span class="meaning">{ trf(l, "explore.futures", &[&full(l, state.shared.runs as f64), &variants, &state.shared.seed]) }</span>
        </section>
    }
}

/// The tornado, its table and its exports.
fn chart(l: Lang, t: &Tornado) -> Html {
    let markup = svg(l, t);
    let csv = tornado_csv(t);
    let export_csv =
        Callback::from(move |_| super::download::text("long-game-tornado.csv", "text/csv", &csv));
    let export_svg = {
        let markup = markup.clone();
        Callback::from(move |_| {
            super::download::text("long-game-tornado.svg", "image/svg+xml", &markup)
        })
    };
    let export_png = {
        let (markup, size) = (markup.clone(), crate::view::tornado::svg_size(t));
        Callback::from(move |_| {
            super::download::png_from_markup(&markup, size, "long-game-tornado.png")
        })
    };
    html! {
        <section class="class-results explore-results" aria-labelledby="tornado-title">
            <h2 id="tornado-title">{ crate::view::tornado::title(l, t) }</h2>
            <div class="tornado">{ Html::from_html_unchecked(AttrValue::from(markup)) }</div>
            { table(l, t) }
            <div class="export-buttons">
                <button type="button" class="small export-tornado-csv" onclick={export_csv}>{ tr(l, "explore.export_csv") }</button>
                <button type="button" class="small export-tornado-svg" onclick={export_svg}>{ tr(l, "explore.export_svg") }</button>
                <button type="button" class="small export-tornado-png" onclick={export_png}>{ tr(l, "explore.export_png") }</button>
            </div>
        </section>
    }
}

fn table(l: Lang, t: &Tornado) -> Html {
    let (_, unit) = outcome(t.metric);
    html! {
        <table class="class-table tornado-table">
            <caption>{ tr(l, "explore.table_caption") }</caption>
            <thead><tr>
                <th scope="col">{ tr(l, "explore.field") }</th>
                <th scope="col">{ tr(l, "explore.now") }</th>
                <th scope="col">{ tr(l, "explore.down_to") }</th>
                <th scope="col">{ tr(l, "explore.up_to") }</th>
                <th scope="col">{ tr(l, "explore.change_down") }</th>
                <th scope="col">{ tr(l, "explore.change_up") }</th>
                <th scope="col">{ tr(l, "explore.down_better") }</th>
                <th scope="col">{ tr(l, "explore.up_better") }</th>
            </tr></thead>
            <tbody>{ for t.bars.iter().map(|b| {
                let f = b.mv.field;
                html! { <tr data-field={f.name} data-swing={b.swing().to_string()}>
                    <th scope="row">{ tr_dyn(l, f.label_key) }</th>
                    <td>{ field_value(l, f, b.mv.base) }</td>
                    <td>{ field_value(l, f, b.mv.down) }</td>
                    <td>{ field_value(l, f, b.mv.up) }</td>
                    <td>{ change(l, b.down, unit) }</td>
                    <td>{ change(l, b.up, unit) }</td>
                    <td>{ chance(l, b.down_better) }</td>
                    <td>{ chance(l, b.up_better) }</td>
                </tr> }
            }) }</tbody>
        </table>
    }
}
