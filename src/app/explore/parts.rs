//! What the explorer's two views share: the settings (scenario, outcome, day and the map's
//! levers), Cancel, the word a cancelled job leaves, and the export buttons.

use crate::app::whole_box::WholeBox;
use crate::app::{send, use_app};
use crate::i18n::{tr, tr_dyn, trf, Lang};
use crate::state::app_state::{Action, ExploreAction};
use crate::state::explore::lever_map::{Axes, Axis, RUNS_CHOICES};
use crate::state::explore::outcome::Outcome;
use crate::state::link::ExploreView;
use crate::view::explore::chart::outcome;
use crate::view::format::full;
use yew::prelude::*;

/// Stops the explorer's job (the map's or the tornado's).
#[component]
pub(super) fn CancelButton() -> Html {
    let state = use_app();
    let onclick = send(&state, || Action::Explore(ExploreAction::Cancel));
    html! {
        <button type="button" class="small cancel-explore" {onclick}>{ tr(state.lang(), "explore.cancel") }</button>
    }
}

/// What a cancelled job leaves: a word and the way to run it again (for a map stopped after
/// some passes, what it shows and the way to go on from there).
#[component]
pub(super) fn Stopped() -> Html {
    let state = use_app();
    let l = state.lang();
    let onclick = send(&state, || Action::Explore(ExploreAction::Run));
    let kept = state
        .results
        .outcomes_so_far()
        .and_then(|o| o.values.first());
    let chosen = state.shared.explore.as_ref().map_or(0, |e| e.map_runs);
    // Only fewer futures than now chosen go on; more start again (as a smaller choice does).
    let (text, button) = match kept.map(Vec::len).filter(|&n| n < chosen as usize) {
        Some(n) => {
            let (n, chosen) = (full(l, n as f64), full(l, chosen as f64));
            let text = trf(l, "map.stopped_at", &[&n, &chosen]);
            (text, trf(l, "map.go_on", &[&chosen]))
        }
        None => (
            tr(l, "explore.cancelled").into(),
            tr(l, "explore.run_again").into(),
        ),
    };
    // The Cancel button pressed is gone: the focus goes to the way to run it again.
    crate::app::hooks::use_focus("run-explore", ());
    html! {
        <p class="status explore-stopped" role="status">{ text }
            <button type="button" id="run-explore" class="small run-explore" {onclick}>{ button }</button></p>
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
                dispatch.dispatch(Action::Explore(ExploreAction::SetOutcome(m, day)));
            }
        })
    };
    let on_day = {
        let (dispatch, metric) = (state.dispatcher(), e.outcome);
        Callback::from(move |day: u64| {
            dispatch.dispatch(Action::Explore(ExploreAction::SetOutcome(
                metric, day as u32,
            )))
        })
    };
    let variants = 1 + 2 * crate::state::explore::tornado::STEPS.len();
    let map = e.view == ExploreView::Map;
    let aria = if map {
        "map.settings_aria"
    } else {
        "explore.settings_aria"
    };
    let futures = if map {
        let (runs, cells) = (
            full(l, e.map_runs as f64),
            crate::state::explore::lever_map::SIZE.pow(2),
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
            <crate::app::controls::Presets />
            <label>{ tr(l, "explore.outcome") }{" "}
                <select class="explore-metric" onchange={on_metric}>
                    { for Outcome::EXPLORED.iter().map(|&o| html! {
                        <option value={o.name()} selected={o == e.outcome}>{ tr(l, outcome(o).0) }</option>
                    }) }
                </select>
            </label>
            <label for="explore-day">{ tr(l, "explore.day") }</label>
            <WholeBox id="explore-day" value={e.day_in(&state.shared.scenario) as u64} min={1} max={horizon as u64} lang={l} on_set={on_day} />
            if map {
                { axis_select(&state, e.axes, true) }
                { axis_select(&state, e.axes, false) }
                { runs_select(&state, e.map_runs) }
            }
            <span class="meaning">{ futures }</span>
        </section>
    }
}

/// The lever across (`x`) or up the map; choosing the other axis's lever swaps the two.
fn axis_select(state: &crate::app::AppContext, axes: Axes, x: bool) -> Html {
    let l = state.lang();
    let dispatch = state.dispatcher();
    let onchange = Callback::from(move |ev: Event| {
        let select: web_sys::HtmlSelectElement = ev.target_unchecked_into();
        if let Some(a) = Axis::parse(&select.value()) {
            let next = if x { axes.with_x(a) } else { axes.with_y(a) };
            dispatch.dispatch(Action::Explore(ExploreAction::SetMapAxes(next)));
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

/// The map's futures per cell: more are steadier, fewer quicker.
fn runs_select(state: &crate::app::AppContext, chosen: u32) -> Html {
    let l = state.lang();
    let dispatch = state.dispatcher();
    let onchange = Callback::from(move |ev: Event| {
        let select: web_sys::HtmlSelectElement = ev.target_unchecked_into();
        if let Ok(n) = select.value().parse() {
            dispatch.dispatch(Action::Explore(ExploreAction::SetMapRuns(n)));
        }
    });
    html! {
        <label>{ tr(l, "map.runs") }{" "}
            <select id="map-runs" {onchange}>
                { for RUNS_CHOICES.iter().map(|n| html! {
                    <option value={n.to_string()} selected={*n == chosen}>{ full(l, *n as f64) }</option>
                }) }
            </select>
        </label>
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
    let export_csv =
        Callback::from(move |_| crate::app::download::text(&file("csv"), "text/csv", &csv));
    let export_svg = {
        let markup = markup.clone();
        Callback::from(move |_| crate::app::download::text(&file("svg"), "image/svg+xml", &markup))
    };
    let export_png =
        Callback::from(move |_| crate::app::download::png_from_markup(&markup, size, &file("png")));
    html! {
        <div class="export-buttons">
            <button type="button" class={format!("small export-{what}-csv")} onclick={export_csv}>{ tr(l, "explore.export_csv") }</button>
            <button type="button" class={format!("small export-{what}-svg")} onclick={export_svg}>{ tr(l, "explore.export_svg") }</button>
            <button type="button" class={format!("small export-{what}-png")} onclick={export_png}>{ tr(l, "explore.export_png") }</button>
        </div>
    }
}
