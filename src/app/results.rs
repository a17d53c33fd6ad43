//! The results side of the page: the headline (the status line, the player, the leads chart,
//! the pay-off verdict and the comparison), then the other fan charts (attention beside
//! outcomes) and "When will it pay off?" in full.

use super::compare::CompareSummary;
use super::fan_chart::FanChart;
use super::patience::{verdict, Patience};
use super::player::Player;
use super::{send, use_app, AppContext, Same};
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

/// Every metric's chart: the first four are attention, the rest business outcomes (leads first,
/// in the headline).
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
            trf(l, "status.done", &[&runs, &s.days, &seconds])
        }
    };
    html! {
        <p class={classes!("status", phase)} role="status" data-status={phase} data-job={p.id.to_string()} data-seed={s.seed.to_string()}
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

/// The first picture's stage: in stages only on a first visit (back from the explorer or the
/// handout, all at once), each stage once the first result is there.
#[hook]
pub fn use_chart_stage(state: &AppContext) -> u8 {
    let shown = state.results.current().is_some();
    super::hooks::use_stage(shown, if shown { BELOW } else { 0 }, BELOW)
}

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

/// "Play the year" shared by the headline's player and every chart: the day shown (or the whole
/// horizon) and how to change it.
#[derive(Properties, PartialEq)]
pub struct PlayProps {
    pub play_day: Option<u32>,
    #[prop_or_default]
    pub on_day: Callback<Option<u32>>,
    /// The first picture's stage ([`use_chart_stage`]).
    pub stage: u8,
}

/// The top of the workshop view: what is running, how to read a band (said once), the leads
/// chart and the pay-off verdict, then the comparison. On a phone the leads chart stays on
/// screen while the levers below it move (static/style.css, `.deck`); an embed shows the
/// chart its link names instead. A function of the page's state, not a component of its own
/// (a component costs bundle size; the page re-renders it anyway).
pub fn headline(state: &AppContext, play: &PlayProps) -> Html {
    let l = state.lang();
    let s = &state.shared;
    let current = state.results.current().map(Same::flagged);
    let on_samples = send(state, || Action::ToggleSamples);
    let pinned = state.results.latest(Slot::Pinned).map(Same);
    let days = current
        .as_ref()
        .map_or(s.scenario.assumptions.horizon_days, |(snap, _)| {
            snap.0.summary.days
        });
    let leads_only = play.stage < ALL_CHARTS;
    html! {
        // An embed has nothing else: its headline is the page's main part.
        <@{if s.embed { "main" } else { "section" }} class="headline results" aria-label={tr(l, "headline.aria")}>
            <div class="results-head" id="charts" tabindex="-1">
                <Status drawing={play.stage < BELOW} />
                // There from the start (with the horizon asked for), so the charts below do not
                // move down when the first futures arrive.
                if !s.embed {
                    <Player {days} day={play.play_day} on_day={play.on_day.clone()} />
                    <label class="toggle"><input type="checkbox" checked={state.show_samples} onchange={on_samples} />{ tr(l, "results.samples") }</label>
                }
            </div>
            <super::legend::ChartLegend />
            if s.embed {
                <div class="embed-chart"><Charts charts={&CHARTS[..]} reveal_day={play.play_day} {leads_only} /></div>
            } else {
                <p class="bands-explain">{ tr(l, "legend.explain") }</p>
                <div class="headline-body">
                    <Charts charts={&CHARTS[4..5]} reveal_day={play.play_day} leads_only={false} />
                    { verdict(l, current.as_ref().map(|(snap, _)| &snap.0.summary)) }
                </div>
                if let (Some(a), Some((b, _))) = (pinned, current.clone()) {
                    <CompareSummary {a} {b} />
                }
            }
        </@>
    }
}

/// Everything below the headline: the attention and outcome charts, the milestones and "Why?".
#[component]
pub fn Results(p: &PlayProps) -> Html {
    let state = use_app();
    let l = state.lang();
    let s = &state.shared;
    let current = state.results.current().map(Same::flagged);
    let leads_only = p.stage < ALL_CHARTS;
    html! {
        <main class="results more" id="more">
            <div class="columns">
                { column(l, ("vanity", "column.vanity"), &CHARTS[..4], (p.play_day, leads_only)) }
                { column(l, ("outcomes", "column.outcomes"), &CHARTS[5..], (p.play_day, leads_only)) }
            </div>
            if p.stage >= BELOW {
                if let Some((snap, _)) = &current { <Patience current={snap.clone()} /> }
                <super::why::WhyPanel />
            }
            <footer class="footnote">
                { trf(l, "app.footnote", &[&full(l, s.runs as f64)]) }
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
