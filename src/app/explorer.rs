//! The explorer: the tornado (which lever or assumption moves the chosen outcome most, for the
//! scenario on screen) and the map of two levers (`super::lever_map`). The bars and the table
//! come from `state::tornado`; the chart's markup from `view::tornado`, so what is exported is
//! exactly what is shown.

use super::header::ModeMasthead;
use super::use_app;
use super::whole_box::WholeBox;
use crate::i18n::{tr, tr_dyn, trf, Lang};
use crate::state::app_state::Action;
use crate::state::lever_map::{Axes, Axis};
use crate::state::outcome::Outcome;
use crate::state::share::ExploreView;
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
                <ViewSwitch />
                if e.view == ExploreView::Map {
                    <super::lever_map::MapView />
                } else {
                    <p class="meaning">{ tr(l, "explore.help") }</p>
                    <p class="meaning explore-steps">{ tr(l, "explore.steps") }</p>
                    <ExploreSettings />
                    if let Some(t) = t {
                        { chart(l, &t) }
                    } else if state.results.outcomes_requested.is_some() {
                        <div class="explore-progress">
                            { super::results::outcomes_progress(l, state.results.outcomes.as_deref(), "explore.running") }
                            <CancelButton />
                        </div>
                    } else {
                        <Stopped />
                    }
                }
            </main>
        </div>
    }
}

/// Tornado or map: two radio buttons (one tab stop, arrow keys choose).
#[component]
fn ViewSwitch() -> Html {
    let state = use_app();
    let l = state.lang();
    let view = state
        .shared
        .explore
        .as_ref()
        .map(|e| e.view)
        .unwrap_or_default();
    let option = |v: ExploreView, key: &'static str| {
        let dispatch = state.dispatcher();
        let onchange = Callback::from(move |_: Event| dispatch.dispatch(Action::SetExploreView(v)));
        html! {
            <label class={classes!("explore-view", format!("explore-view-{}", v.name()))}>
                <input type="radio" name="explore-view" value={v.name()} checked={view == v} {onchange} />
                { tr(l, key) }
            </label>
        }
    };
    html! {
        <fieldset class="explore-views">
            <legend>{ tr(l, "explore.view") }</legend>
            { option(ExploreView::Tornado, "explore.view_tornado") }
            { option(ExploreView::Map, "explore.view_map") }
        </fieldset>
    }
}

/// Stops the explorer's job (the map's or the tornado's).
#[component]
pub(super) fn CancelButton() -> Html {
    let state = use_app();
    let dispatch = state.dispatcher();
    let onclick = Callback::from(move |_| dispatch.dispatch(Action::CancelExplore));
    html! {
        <button type="button" class="small cancel-explore" {onclick}>{ tr(state.lang(), "explore.cancel") }</button>
    }
}

/// What a cancelled job leaves: a word and the way to run it again.
#[component]
pub(super) fn Stopped() -> Html {
    let state = use_app();
    let l = state.lang();
    let dispatch = state.dispatcher();
    let onclick = Callback::from(move |_| dispatch.dispatch(Action::RunExplore));
    html! {
        <p class="status explore-stopped" role="status">{ tr(l, "explore.cancelled") }
            <button type="button" class="small run-explore" {onclick}>{ tr(l, "explore.run_again") }</button></p>
    }
}

/// The scenario (a preset), the outcome and the day; for the map, its two levers.
#[component]
pub(super) fn ExploreSettings() -> Html {
    let state = use_app();
    let l = state.lang();
    let e = state.shared.explore.clone().unwrap_or_default();
    let horizon = state.shared.scenario.assumptions.horizon_days;
    let on_metric = {
        let (dispatch, day) = (state.dispatcher(), e.day);
        Callback::from(move |ev: Event| {
            let select: web_sys::HtmlSelectElement = ev.target_unchecked_into();
            if let Some(m) = Outcome::explored(&select.value()) {
                dispatch.dispatch(Action::SetExplore(m, day));
            }
        })
    };
    let on_day = {
        let (dispatch, metric) = (state.dispatcher(), e.metric);
        Callback::from(move |day: u64| dispatch.dispatch(Action::SetExplore(metric, day as u32)))
    };
    let variants = 1 + 2 * crate::state::tornado::STEPS.len();
    let map = e.view == ExploreView::Map;
    let aria = if map {
        "map.settings_aria"
    } else {
        "explore.settings_aria"
    };
    let futures = if map {
        let (runs, cells) = (
            crate::state::lever_map::RUNS,
            crate::state::lever_map::SIZE.pow(2),
        );
        trf(l, "map.futures", &[&runs, &cells, &state.shared.seed])
    } else {
        trf(
            l,
            "explore.futures",
            &[
                &full(l, state.shared.runs as f64),
                &variants,
                &state.shared.seed,
            ],
        )
    };
    html! {
        <section class="class-settings explore-settings" aria-label={tr(l, aria)}>
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
            if map {
                { axis_select(&state, e.axes, true) }
                { axis_select(&state, e.axes, false) }
            }
            <span class="meaning">{ futures }</span>
        </section>
    }
}

/// The lever across (`x`) or up the map; choosing the other axis's lever swaps the two.
fn axis_select(state: &super::AppContext, axes: Axes, x: bool) -> Html {
    let l = state.lang();
    let dispatch = state.dispatcher();
    let onchange = Callback::from(move |ev: Event| {
        let select: web_sys::HtmlSelectElement = ev.target_unchecked_into();
        if let Some(a) = Axis::parse(&select.value()) {
            let next = if x { axes.with_x(a) } else { axes.with_y(a) };
            dispatch.dispatch(Action::SetMapAxes(next));
        }
    });
    let (id, key, chosen) = match x {
        true => ("map-x", "map.x", axes.x),
        false => ("map-y", "map.y", axes.y),
    };
    html! {
        <label>{ tr(l, key) }{" "}
            <select id={id} class="map-axis" {onchange}>
                { for Axis::ALL.iter().map(|a| html! {
                    <option value={a.name()} selected={*a == chosen}>{ tr_dyn(l, a.field().label_key) }</option>
                }) }
            </select>
        </label>
    }
}

/// The tornado, its table and its exports.
fn chart(l: Lang, t: &Tornado) -> Html {
    let markup = svg(l, t);
    let size = crate::view::tornado::svg_size(t);
    let exports = export_buttons(l, "tornado", tornado_csv(t), (markup.clone(), size));
    html! {
        <section class="class-results explore-results" aria-labelledby="tornado-title">
            <h2 id="tornado-title">{ crate::view::tornado::title(l, t) }</h2>
            <div class="tornado">{ Html::from_html_unchecked(AttrValue::from(markup)) }</div>
            { table(l, t) }
            { exports }
        </section>
    }
}

/// CSV, SVG and PNG of an explorer view (`what`: "tornado" or "map"), each button classed
/// `export-<what>-<format>` and each file named `long-game-<what>.<format>`.
pub(super) fn export_buttons(
    l: Lang,
    what: &'static str,
    csv: String,
    (markup, size): (String, (f64, f64)),
) -> Html {
    let file = move |ext: &str| format!("long-game-{what}.{ext}");
    let export_csv = Callback::from(move |_| super::download::text(&file("csv"), "text/csv", &csv));
    let export_svg = {
        let markup = markup.clone();
        Callback::from(move |_| super::download::text(&file("svg"), "image/svg+xml", &markup))
    };
    let export_png =
        Callback::from(move |_| super::download::png_from_markup(&markup, size, &file("png")));
    html! {
        <div class="export-buttons">
            <button type="button" class={format!("small export-{what}-csv")} onclick={export_csv}>{ tr(l, "explore.export_csv") }</button>
            <button type="button" class={format!("small export-{what}-svg")} onclick={export_svg}>{ tr(l, "explore.export_svg") }</button>
            <button type="button" class={format!("small export-{what}-png")} onclick={export_png}>{ tr(l, "explore.export_png") }</button>
        </div>
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
