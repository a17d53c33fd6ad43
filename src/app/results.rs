//! The results side of the page: the status line, the player, the comparison, the fan charts
//! (vanity beside outcomes) and "When will it pay off?".

use super::compare::CompareSummary;
use super::fan_chart::FanChart;
use super::patience::Patience;
use super::player::Player;
use super::{send, use_app, Same};
use crate::i18n::{decimal, tr, trf, Lang};
use crate::model::Metric;
use crate::state::app_state::Action;
use crate::state::jobs::Slot;
use crate::view::format::{full, Unit};
use yew::prelude::*;

#[derive(PartialEq)]
pub(crate) struct ChartSpec {
    pub metric: Metric,
    pub title: &'static str,
    pub unit: Unit,
}

const fn chart(metric: Metric, title: &'static str, unit: Unit) -> ChartSpec {
    ChartSpec {
        metric,
        title,
        unit,
    }
}

/// Every metric's chart: the first four are vanity (attention), the rest business outcomes.
pub(crate) const CHARTS: [ChartSpec; 8] = [
    chart(Metric::Reach, "metric.reach", Unit::Count),
    chart(Metric::Followers, "metric.followers", Unit::Count),
    chart(Metric::Engagement, "metric.engagement", Unit::Count),
    chart(Metric::Trust, "metric.trust", Unit::Score),
    chart(Metric::Leads, "metric.leads", Unit::Count),
    chart(Metric::Customers, "metric.customers", Unit::Count),
    chart(Metric::Cost, "metric.cost", Unit::Money),
    chart(Metric::Roi, "metric.roi", Unit::Percent),
];

/// The chart of a metric.
pub(crate) fn spec(metric: Metric) -> &'static ChartSpec {
    CHARTS
        .iter()
        .find(|c| c.metric == metric)
        .expect("every metric has a chart")
}

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    /// Charts of the first picture not drawn yet (staged): not "done" until they are.
    #[prop_or_default]
    pub drawing: bool,
}

/// What the simulation is doing: starting, running (with progress), updating, done, stalled.
#[component]
pub fn Status(sp: &StatusProps) -> Html {
    let state = use_app();
    let l = state.lang();
    if state.stalled {
        return html! {
            <p class="status stalled" data-status="stalled" role="alert">{ tr(l, "status.stalled") }</p>
        };
    }
    let Some((snap, latest)) = state.results.current().map(Same::flagged) else {
        return html! { <p class="status" data-status="starting" role="status">{ tr(l, "status.starting") }</p> };
    };
    let p = &snap.0;
    let s = &p.summary;
    // "Done" only once every picture on screen is final: the comparison and the overlay too.
    let phase = match (latest, p.done && !state.results.pending() && !sp.drawing) {
        (false, _) => "updating",
        (true, true) => "done",
        (true, false) => "running",
    };
    let text = match phase {
        "updating" => tr(l, "status.updating").to_string(),
        "running" => trf(l, "status.running", &[&s.runs_done, &s.runs]),
        _ => {
            let seconds = decimal(l, (p.elapsed_ms / 100.0).round() / 10.0);
            let runs = full(l, s.runs as f64);
            trf(l, "status.done", &[&runs, &s.days, &s.seed, &seconds])
        }
    };
    html! {
        <p class={classes!("status", phase)} role="status" data-status={phase} data-job={p.id.to_string()}
            data-runs-done={s.runs_done.to_string()} data-runs={s.runs.to_string()}
            data-days={s.days.to_string()} data-elapsed-ms={format!("{:.1}", p.elapsed_ms)} data-compute-ms={format!("{:.1}", p.compute_ms)}>
            { text }
            if phase == "running" {
                <progress max={s.runs.to_string()} value={s.runs_done.to_string()} />
            }
        </p>
    }
}

/// How far an outcomes job (a class, the explorer) has got: its words and a progress bar.
pub(crate) fn outcomes_progress(
    l: Lang,
    o: Option<&crate::state::jobs::Outcomes>,
    key: &'static str,
) -> Html {
    let (done, total) = o.map_or((0, 1), |o| (o.done, o.total));
    html! {
        <p class="status outcomes-progress" role="status">{ tr(l, key) }
            <progress max={total.to_string()} value={done.to_string()} aria-label={tr(l, key)} /></p>
    }
}

#[derive(Properties, PartialEq)]
struct ColumnProps {
    charts: &'static [ChartSpec],
    /// "Play the year": the day shown, or the whole horizon.
    reveal_day: Option<u32>,
    /// Only the leads chart is drawn yet (the first picture's first stage).
    leads_only: bool,
}

/// The stages of the first picture, each in a task of its own: the leads chart, the other
/// charts, then what is said below them.
const ALL_CHARTS: u8 = 1;
const BELOW: u8 = 2;

/// A column of fan charts for the current result, with the comparison and overlay.
#[component]
fn Charts(p: &ColumnProps) -> Html {
    let state = use_app();
    let l = state.lang();
    let s = &state.shared;
    let default = crate::state::link::Shared {
        lang: None,
        ..s.clone()
    } == crate::state::link::Shared::default();
    // An embed shows one chart: the one the link names, else leads.
    let shown = p
        .charts
        .iter()
        .filter(|c| !s.embed || c.metric == s.view.unwrap_or(Metric::Leads));
    let Some((snap, up_to_date)) = state.results.current().map(Same::flagged) else {
        // Boxes the size of the charts to come, so nothing below them jumps when they arrive.
        return shown.map(|c| placeholder(l, c, default)).collect();
    };
    let (pinned, quit) = (
        state.results.latest(Slot::Pinned).map(Same),
        state.results.latest(Slot::Quit).map(Same),
    );
    shown
        .map(|c| if p.leads_only && c.metric != Metric::Leads { placeholder(l, c, false) } else { html! {
            <FanChart metric={c.metric} title={tr(l, c.title)} unit={c.unit} current={snap.clone()}
                pinned={pinned.clone()} quit={quit.clone()} quit_day={s.quit}
                show_samples={state.show_samples} stale={!up_to_date} reveal_day={p.reveal_day} />
        } })
        .collect()
}

thread_local! {
    /// The default link's leads chart drawn into index.html at build time (its SVG), shown in
    /// the leads chart's place until the wasm's first picture replaces it.
    static FIRST_CHART: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the static first paint's leads chart (taken from the page before the app mounts).
pub fn keep_first_chart(svg: Option<String>) {
    FIRST_CHART.with_borrow_mut(|c| *c = svg);
}

/// The chart's tools, unseen, so the caption is as high as the drawn chart's.
fn pending_tools(l: Lang) -> Html {
    html! {
        <span class="chart-tools pending" aria-hidden="true">
            <button type="button" class="small" tabindex="-1">{ tr(l, "chart.table") }</button>
            <button type="button" class="small" tabindex="-1">{"SVG"}</button>
            <button type="button" class="small" tabindex="-1">{"PNG"}</button>
        </span>
    }
}

/// An empty chart of the right size, while the first futures are simulated; the static leads
/// chart while the link is still the default one.
fn placeholder(l: Lang, c: &ChartSpec, default_link: bool) -> Html {
    use crate::view::geometry::{H, W};
    let kept = (default_link && c.metric == Metric::Leads)
        .then(|| FIRST_CHART.with_borrow(Clone::clone))
        .flatten();
    let marked = kept.is_some().then_some("leads");
    let svg = match kept {
        Some(svg) => Html::from_html_unchecked(svg.into()),
        None => html! { <svg viewBox={format!("0 0 {W} {H}")} aria-hidden="true"></svg> },
    };
    html! {
        <figure class="chart chart-placeholder" data-static-chart={marked}>
            <figcaption><span class="chart-title">{ tr(l, c.title) }</span>{ pending_tools(l) }</figcaption>
            { svg }
            <p class="readout">{ tr(l, "status.first") }</p>
        </figure>
    }
}

#[component]
pub fn Results() -> Html {
    let state = use_app();
    let l = state.lang();
    let s = &state.shared;
    let current = state.results.current().map(Same::flagged);
    // Held here, not in the app state: a tick of "play the year" re-renders the charts only.
    let play_day = use_state(|| None::<u32>);
    let on_day = {
        let play_day = play_day.clone();
        Callback::from(move |d: Option<u32>| play_day.set(d))
    };
    let on_samples = send(&state, || Action::ToggleSamples);
    let pinned = state.results.latest(Slot::Pinned).map(Same);
    // In stages only on a first visit: back from the explorer or the handout, all at once.
    let stage = super::hooks::use_stage(
        current.is_some(),
        if current.is_some() { BELOW } else { 0 },
        BELOW,
    );
    let leads_only = stage < ALL_CHARTS;
    html! {
        <main class="results" id="charts" tabindex="-1">
            <div class="results-head">
                <Status drawing={stage < BELOW} />
                // There from the start (with the horizon asked for), so the charts below do not
                // move down when the first futures arrive.
                if !s.embed {
                    <Player days={current.as_ref().map_or(s.scenario.assumptions.horizon_days, |(snap, _)| snap.0.summary.days)}
                        day={*play_day} on_day={on_day} />
                }
                if !s.embed {
                    <label class="toggle"><input type="checkbox" checked={state.show_samples} onchange={on_samples} />{ tr(l, "results.samples") }</label>
                }
            </div>
            if let (Some(a), Some((b, _))) = (pinned, current.clone()) {
                <CompareSummary {a} {b} />
            }
            <super::legend::ChartLegend />
            if s.embed {
                <div class="embed-chart"><Charts charts={&CHARTS[..]} reveal_day={*play_day} {leads_only} /></div>
            } else {
                <div class="columns">
                    { column(l, ("vanity", "column.vanity"), &CHARTS[..4], (*play_day, leads_only)) }
                    { column(l, ("outcomes", "column.outcomes"), &CHARTS[4..], (*play_day, leads_only)) }
                </div>
            }
            if !s.embed && stage >= BELOW {
                if let Some((snap, _)) = &current { <Patience current={snap.clone()} /> }
                <super::why::WhyPanel />
            }
            <footer class="footnote">
                { trf(l, "app.footnote", &[&s.seed, &full(l, s.runs as f64)]) }
            </footer>
        </main>
    }
}

fn column(
    l: Lang,
    (class, title): (&'static str, &'static str),
    charts: &'static [ChartSpec],
    (reveal_day, leads_only): (Option<u32>, bool),
) -> Html {
    let id = format!(
        "{}-title",
        if class == "vanity" {
            "vanity"
        } else {
            "outcome"
        }
    );
    html! {
        <section class={classes!("column", class)} aria-labelledby={id.clone()}>
            <h2 id={id}>{ tr(l, title) }</h2>
            <Charts {charts} {reveal_day} {leads_only} />
        </section>
    }
}
