//! Fan charts drawn as SVG by the app: P10–P90 and P25–P75 bands, the median, optional
//! sample paths with crisis and cancellation markers, milestones, the pinned scenario "A"
//! and the "quit at day X" path, a hover/keyboard readout and a data-table view.

use super::download;
use super::format::{chance, nice_ticks, percentile, tick, with_unit, Lang, Unit};
use super::Snapshot;
use crate::i18n::{tr, trf};
use crate::model::monte_carlo::MILESTONES;
use crate::model::{Band, CrisisOutcome, Metric};
use std::fmt::Write;
use yew::prelude::*;

const W: f64 = 520.0;
const H: f64 = 250.0;
const LEFT: f64 = 54.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 30.0;
/// Most points drawn per line: plenty for a chart this wide, cheap to render.
const MAX_POINTS: usize = 240;

#[derive(Properties, PartialEq)]
pub struct FanProps {
    pub metric: Metric,
    pub title: AttrValue,
    pub unit: Unit,
    pub current: Snapshot,
    #[prop_or_default]
    pub pinned: Option<Snapshot>,
    #[prop_or_default]
    pub quit: Option<Snapshot>,
    #[prop_or_default]
    pub quit_day: u32,
    pub show_samples: bool,
    /// The current picture answers an older setting (a newer one is running).
    pub stale: bool,
    /// Draw only up to this day ("play the year", story reveals); the axes keep the horizon.
    #[prop_or_default]
    pub reveal_day: Option<u32>,
    /// The room's prediction (day, value), shown against the simulated fan.
    #[prop_or_default]
    pub guess: Option<(u32, f64)>,
    /// Clicking the plot picks a value (for predictions).
    #[prop_or_default]
    pub on_pick: Option<Callback<f64>>,
}

struct Scale {
    days: f64,
    lo: f64,
    hi: f64,
}

impl Scale {
    fn x(&self, day: f64) -> f64 {
        LEFT + (W - LEFT - RIGHT) * day / self.days.max(1.0)
    }
    fn y(&self, v: f64) -> f64 {
        let span = (self.hi - self.lo).max(1e-9);
        TOP + (H - TOP - BOTTOM) * (1.0 - (v - self.lo) / span)
    }
}

fn step(days: usize) -> usize {
    days.div_ceil(MAX_POINTS).max(1)
}

fn days_sampled(days: usize) -> impl Iterator<Item = usize> {
    let s = step(days);
    (0..=days).step_by(s).chain((days % s != 0).then_some(days))
}

fn line(series: &[f64], sc: &Scale) -> String {
    let days = series.len() - 1;
    let mut d = String::new();
    for (i, day) in days_sampled(days).enumerate() {
        let _ = write!(
            d,
            "{}{:.1},{:.1}",
            if i == 0 { "M" } else { "L" },
            sc.x(day as f64),
            sc.y(series[day])
        );
    }
    d
}

/// The band between two series: along the upper one, back along the lower one.
fn area(lower: &[f64], upper: &[f64], sc: &Scale) -> String {
    let mut d = line(upper, sc);
    let back: Vec<usize> = days_sampled(lower.len() - 1).collect();
    for day in back.into_iter().rev() {
        let _ = write!(d, "L{:.1},{:.1}", sc.x(day as f64), sc.y(lower[day]));
    }
    d.push('Z');
    d
}

fn extent(bands: &[&Band], samples: &[&[f64]]) -> (f64, f64) {
    let mut lo = 0.0f64;
    let mut hi = f64::MIN;
    for b in bands {
        for v in b.p10.iter().chain(&b.p90) {
            lo = lo.min(*v);
            hi = hi.max(*v);
        }
    }
    for s in samples {
        for v in *s {
            lo = lo.min(*v);
            hi = hi.max(*v);
        }
    }
    if hi <= lo {
        hi = lo + 1.0;
    }
    (lo, hi)
}

/// The sentence under each chart: what the bands mean, in plain words.
fn explain(l: Lang, band: &Band, day: usize, unit: Unit) -> String {
    trf(
        l,
        "chart.explain",
        &[
            &day,
            &percentile(l, band.p10[day], unit),
            &percentile(l, band.p90[day], unit),
        ],
    )
}

#[component]
pub fn FanChart(p: &FanProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let cursor = use_state(|| None::<usize>);
    let show_table = use_state(|| false);
    let svg_ref = use_node_ref();
    let summary = &p.current.0.summary;
    let band = summary.band(p.metric);
    let days = band.p50.len() - 1;
    let shown = p.reveal_day.map_or(days, |d| (d as usize).min(days));
    let upto = |v: &[f64]| v[..=shown.min(v.len() - 1)].to_vec();
    let pinned = p
        .pinned
        .as_ref()
        .map(|s| s.0.summary.band(p.metric))
        .filter(|b| b.p50.len() == days + 1);
    let quit = p
        .quit
        .as_ref()
        .map(|s| s.0.summary.band(p.metric))
        .filter(|b| b.p50.len() == days + 1);
    let samples: Vec<&[f64]> = if p.show_samples {
        summary
            .samples
            .iter()
            .map(|s| s.metrics[p.metric.index()].as_slice())
            .collect()
    } else {
        Vec::new()
    };
    let mut bands = vec![band];
    bands.extend(pinned);
    bands.extend(quit);
    let (mut lo, mut hi) = extent(&bands, &samples);
    if p.on_pick.is_some() {
        // While the room guesses, the axis must not give the answer away: its top is stretched
        // by a factor from 1.6 to 3 that depends on the seed, so the fan's height cannot be read off.
        let u =
            (summary.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11) as f64 / (1u64 << 53) as f64;
        hi = lo + (hi - lo) * (1.6 + 1.4 * u);
    } else if let Some((_, g)) = p.guess {
        // After the reveal, a wild guess stays on the chart.
        lo = lo.min(g);
        hi = hi.max(g);
    }
    let ticks = nice_ticks(lo, hi, 5);
    let sc = Scale {
        days: days as f64,
        lo: lo.min(*ticks.first().unwrap_or(&lo)),
        hi: hi.max(*ticks.last().unwrap_or(&hi)),
    };
    let x_ticks = nice_ticks(0.0, days as f64, 6);

    // While guessing, a click puts the guess where the pointer is, and dragging moves it.
    let pick_at = {
        let (svg_ref, pick, lo, hi) = (svg_ref.clone(), p.on_pick.clone(), sc.lo, sc.hi);
        move |e: &MouseEvent| {
            let (Some(pick), Some(el)) = (&pick, svg_ref.cast::<web_sys::Element>()) else {
                return;
            };
            let r = el.get_bounding_client_rect();
            let vy = (e.client_y() as f64 - r.top()) / r.height().max(1.0) * H;
            let share = 1.0 - ((vy - TOP) / (H - TOP - BOTTOM)).clamp(0.0, 1.0);
            pick.emit(lo + share * (hi - lo));
        }
    };
    let on_move = {
        let cursor = cursor.clone();
        let svg_ref = svg_ref.clone();
        let pick_at = pick_at.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(el) = svg_ref.cast::<web_sys::Element>() {
                let r = el.get_bounding_client_rect();
                let vx = (e.client_x() as f64 - r.left()) / r.width().max(1.0) * W;
                let day = ((vx - LEFT) / (W - LEFT - RIGHT) * days as f64).round();
                cursor.set(Some(day.clamp(0.0, days as f64) as usize));
            }
            if e.buttons() & 1 == 1 {
                pick_at(&e);
            }
        })
    };
    let on_press = Callback::from(move |e: MouseEvent| pick_at(&e));
    let on_key = {
        let cursor = cursor.clone();
        let (pick, guess, lo, hi) = (p.on_pick.clone(), p.guess.map(|g| g.1), sc.lo, sc.hi);
        Callback::from(move |e: KeyboardEvent| {
            // While guessing, ↑ and ↓ move the guess by a fiftieth of the axis (Shift: a tenth).
            if let Some(pick) = &pick {
                let step = (hi - lo) / if e.shift_key() { 10.0 } else { 50.0 };
                let from = guess.unwrap_or((lo + hi) / 2.0);
                let to = match e.key().as_str() {
                    "ArrowUp" => from + step,
                    "ArrowDown" => from - step,
                    _ => f64::NAN,
                };
                if !to.is_nan() {
                    e.prevent_default();
                    pick.emit(to.clamp(lo, hi));
                    return;
                }
            }
            let now = cursor.unwrap_or(days.min(365)) as i64;
            let jump = if e.shift_key() { 30 } else { 1 };
            let next = match e.key().as_str() {
                "ArrowRight" => now + jump,
                "ArrowLeft" => now - jump,
                "Home" => 0,
                "End" => days as i64,
                _ => return,
            };
            e.prevent_default();
            cursor.set(Some(next.clamp(0, days as i64) as usize));
        })
    };
    let on_focus = {
        let cursor = cursor.clone();
        Callback::from(move |_: FocusEvent| {
            if cursor.is_none() {
                cursor.set(Some(days.min(365)));
            }
        })
    };
    let toggle_table = {
        let show_table = show_table.clone();
        Callback::from(move |_| show_table.set(!*show_table))
    };
    let name = summary.band(p.metric).name.clone();
    let export_svg = {
        let svg_ref = svg_ref.clone();
        let name = name.clone();
        Callback::from(move |_| download::svg_element(&svg_ref, &format!("longgame-{name}.svg")))
    };
    let export_png = {
        let svg_ref = svg_ref.clone();
        let name = name.clone();
        Callback::from(move |_| download::png_from_svg(&svg_ref, &format!("longgame-{name}.png")))
    };

    let readout_day = cursor.unwrap_or(days.min(365)).min(shown);
    let mut readout = trf(
        l,
        "chart.readout",
        &[
            &readout_day,
            &percentile(l, band.p50[readout_day], p.unit),
            &percentile(l, band.p10[readout_day], p.unit),
            &percentile(l, band.p90[readout_day], p.unit),
        ],
    );
    if let Some(a) = pinned {
        readout.push_str(&trf(
            l,
            "chart.readout_a",
            &[&percentile(l, a.p50[readout_day], p.unit)],
        ));
    }
    if let Some(q) = quit {
        readout.push_str(&trf(
            l,
            "chart.readout_quit",
            &[&p.quit_day, &percentile(l, q.p50[readout_day], p.unit)],
        ));
    }

    let milestone_marks = MILESTONES.iter().filter(|&&d| d <= days).map(|&d| {
        let x = sc.x(d as f64);
        html! {
            <g class="milestone">
                <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                <text x={format!("{:.1}", x + 3.0)} y={(TOP + 11.0).to_string()}>{ trf(l, "chart.day", &[&d]) }</text>
            </g>
        }
    });
    // Management's reviews (mechanism 7): small marks on the time axis, as they happen.
    let buy_in = summary.scenario.levers.buy_in / 100.0;
    let first_review = crate::model::engine::first_review_day(buy_in) as usize;
    let review_every = crate::model::constants::REVIEW_EVERY_DAYS as usize;
    let review_marks = (first_review..=shown).step_by(review_every).map(|d| {
        let (x, y) = (sc.x(d as f64), H - BOTTOM);
        html! {
            <path class="review" d={format!("M{x:.1},{y:.1}l-6,9h12z")}>
                <title>{ trf(l, "chart.review", &[&d]) }</title>
            </path>
        }
    });
    let sample_lines = p.show_samples.then(|| {
        summary.samples.iter().map(|s| {
            let series = &s.metrics[p.metric.index()];
            let marks = s.crises.iter().filter(|c| (c.day as usize) <= shown).map(|c| {
                let (x, y) = (sc.x(c.day as f64), sc.y(series[c.day as usize]));
                let (class, key) = match c.outcome {
                    CrisisOutcome::Firestorm => ("crisis firestorm", "chart.crisis_firestorm"),
                    CrisisOutcome::Ongoing => ("crisis ongoing", "chart.crisis_ongoing"),
                    CrisisOutcome::Faded => ("crisis faded", "chart.crisis_faded"),
                };
                let label = trf(l, key, &[&c.day]);
                html! { <circle class={class} cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="5"><title>{ label }</title></circle> }
            });
            let cancel = s.cancelled_day.filter(|d| (*d as usize) <= shown).map(|d| {
                let (x, y) = (sc.x(d as f64), sc.y(series[d as usize]));
                html! { <path class="cancelled" d={format!("M{:.1},{:.1}l8,8m0,-8l-8,8", x - 4.0, y - 4.0)}><title>{ trf(l, "chart.cancelled", &[&d]) }</title></path> }
            });
            html! { <g class="sample"><path class="sample-line" d={line(&upto(series), &sc)} />{ for marks }{ for cancel }</g> }
        }).collect::<Html>()
    });
    let guess_mark = p.guess.filter(|(d, _)| (*d as usize) <= days).map(|(d, v)| {
        let (x, y) = (sc.x(d as f64), sc.y(v.clamp(sc.lo, sc.hi)));
        html! { <g class="guess">
            <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="7" />
            <text x={format!("{:.1}", x - 10.0)} y={format!("{:.1}", y - 10.0)} text-anchor="end">{ trf(l, "chart.guess", &[&with_unit(l, v, p.unit)]) }</text>
        </g> }
    });
    let cursor_line = cursor.map(|d| {
        let x = sc.x(d as f64);
        html! { <line class="cursor" x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} /> }
    });
    let quit_line = (quit.is_some() && (p.quit_day as usize) <= days).then(|| {
        let x = sc.x(p.quit_day as f64);
        html! { <line class="quit-day" x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} /> }
    });

    let table = show_table.then(|| {
        let mut rows: Vec<usize> = (0..=days).step_by(30).collect();
        rows.extend(MILESTONES.iter().filter(|&&d| d <= days && d % 30 != 0));
        if days % 30 != 0 {
            rows.push(days);
        }
        rows.sort_unstable();
        html! {
            <table class="data-table">
                <caption>{ trf(l, "chart.caption", &[&p.title, &summary.runs_done]) }</caption>
                <thead><tr>
                    <th scope="col">{ tr(l, "chart.col_day") }</th><th scope="col">{"P10"}</th><th scope="col">{"P25"}</th>
                    <th scope="col">{ tr(l, "chart.col_median") }</th><th scope="col">{"P75"}</th><th scope="col">{"P90"}</th><th scope="col">{ tr(l, "chart.col_mean") }</th>
                    if pinned.is_some() { <th scope="col">{ tr(l, "chart.col_a") }</th> }
                    if quit.is_some() { <th scope="col">{ tr(l, "chart.col_quit") }</th> }
                </tr></thead>
                <tbody>{ for rows.into_iter().map(|d| html! {
                    <tr>
                        <th scope="row">{ d }</th>
                        <td>{ percentile(l, band.p10[d], p.unit) }</td><td>{ percentile(l, band.p25[d], p.unit) }</td>
                        <td>{ percentile(l, band.p50[d], p.unit) }</td><td>{ percentile(l, band.p75[d], p.unit) }</td>
                        <td>{ percentile(l, band.p90[d], p.unit) }</td><td>{ with_unit(l, band.mean[d], p.unit) }</td>
                        if let Some(a) = pinned { <td>{ percentile(l, a.p50[d], p.unit) }</td> }
                        if let Some(q) = quit { <td>{ percentile(l, q.p50[d], p.unit) }</td> }
                    </tr>
                }) }</tbody>
            </table>
        }
    });

    let note_day = days.min(365).min(shown);
    // While the room is guessing, nothing may give the answer away.
    let guessing = p.on_pick.is_some();
    html! {
        <figure class={classes!("chart", p.stale.then_some("stale"))} data-chart={name.clone()} data-shown={shown.to_string()}
            data-median={format!("{}", band.p50[note_day])} data-job={p.current.0.id.to_string()}>
            <figcaption>
                <span class="chart-title">{ p.title.clone() }</span>
                if !guessing {
                <span class="chart-tools">
                    <button type="button" class="small" onclick={toggle_table} aria-pressed={show_table.to_string()}>
                        { if *show_table { tr(l, "chart.hide_table") } else { tr(l, "chart.table") } }
                    </button>
                    <button type="button" class="small" onclick={export_svg} title={tr(l, "chart.svg_title")}>{"SVG"}</button>
                    <button type="button" class="small" onclick={export_png} title={tr(l, "chart.png_title")}>{"PNG"}</button>
                </span>
                }
            </figcaption>
            <svg ref={svg_ref} viewBox={format!("0 0 {W} {H}")} role="img" tabindex="0" xmlns="http://www.w3.org/2000/svg"
                aria-label={trf(l, "chart.aria", &[&p.title, &days])}
                onmousemove={on_move} onkeydown={on_key} onfocus={on_focus} onmousedown={on_press}
                class={classes!(p.on_pick.is_some().then_some("pickable"))}>
                <style>{ SVG_STYLE }</style>
                <rect class="plot" x={LEFT.to_string()} y={TOP.to_string()} width={(W - LEFT - RIGHT).to_string()} height={(H - TOP - BOTTOM).to_string()} />
                { for ticks.iter().map(|t| {
                    let y = sc.y(*t);
                    html! { <g class="tick">
                        <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                        <text x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y + 4.0)} text-anchor="end">{ tick(l, *t, p.unit) }</text>
                    </g> }
                }) }
                { for x_ticks.iter().map(|t| {
                    let x = sc.x(*t);
                    html! { <text class="xtick" x={format!("{x:.1}")} y={(H - BOTTOM + 19.0).to_string()} text-anchor="middle">{ format!("{t:.0}") }</text> }
                }) }
                <text class="axis-label" x={(W - RIGHT).to_string()} y={(H - 2.0).to_string()} text-anchor="end">{ tr(l, "chart.days_axis") }</text>
                { for milestone_marks }
                { for review_marks }
                if let Some(a) = pinned {
                    <path class="band-a" d={area(&upto(&a.p25), &upto(&a.p75), &sc)} />
                }
                <path class="band-outer" d={area(&upto(&band.p10), &upto(&band.p90), &sc)} />
                <path class="band-inner" d={area(&upto(&band.p25), &upto(&band.p75), &sc)} />
                { sample_lines.unwrap_or_default() }
                if let Some(a) = pinned {
                    <path class="median-a" d={line(&upto(&a.p50), &sc)} />
                }
                if let Some(q) = quit {
                    <path class="median-quit" d={line(&upto(&q.p50), &sc)} />
                }
                { quit_line.unwrap_or_default() }
                <path class="median" d={line(&upto(&band.p50), &sc)} />
                { cursor_line.unwrap_or_default() }
                { guess_mark.unwrap_or_default() }
                if shown < days {
                    <text class="reveal-day" x={format!("{:.1}", sc.x(shown as f64) + 4.0)} y={(TOP + 28.0).to_string()}>{ trf(l, "chart.day", &[&shown]) }</text>
                }
            </svg>
            if guessing {
                <p class="readout">{ tr(l, "chart.pick") }</p>
            } else {
                <p class="readout" aria-live="polite">{ readout }</p>
                <p class="explain">{ explain(l, band, note_day, p.unit) }</p>
            }
            if !guessing { { table.unwrap_or_default() } }
        </figure>
    }
}

/// Styles inside the SVG itself, so an exported chart looks the same on its own.
const SVG_STYLE: &str = "
text{font:14px system-ui,sans-serif;fill:#333}
.plot{fill:#fff}
.tick line{stroke:#e4e0d8}
.milestone line{stroke:#888;stroke-dasharray:4 4}
.milestone text{fill:#555;font-size:12px}
.band-outer{fill:#0072b2;fill-opacity:.16}
.band-inner{fill:#0072b2;fill-opacity:.32}
.median{fill:none;stroke:#0072b2;stroke-width:2.5}
.band-a{fill:#e69f00;fill-opacity:.25}
.median-a{fill:none;stroke:#b35c00;stroke-width:2.5;stroke-dasharray:8 4}
.median-quit{fill:none;stroke:#d55e00;stroke-width:2.5;stroke-dasharray:2 3}
.quit-day{stroke:#d55e00;stroke-dasharray:6 3}
.sample-line{fill:none;stroke:#555;stroke-opacity:.45;stroke-width:1}
.crisis.firestorm{fill:#d55e00;stroke:#fff}
.crisis.faded{fill:#009e73;stroke:#fff}
.crisis.ongoing{fill:#e69f00;stroke:#fff}
.cancelled{stroke:#000;stroke-width:2.5}
.cursor{stroke:#000;stroke-opacity:.5}
.guess circle{fill:none;stroke:#cc79a7;stroke-width:3.5}
.guess text{fill:#8a2f66;font-weight:700}
.reveal-day{fill:#b35c00;font-weight:700}
.review{fill:#cc79a7}
";

/// A small line chart of probabilities by week (goal reached, broken even, cancelled).
#[derive(Properties, PartialEq)]
pub struct WeeklyProps {
    pub title: AttrValue,
    pub series: Vec<(AttrValue, &'static str, Vec<f64>)>,
}

#[component]
pub fn WeeklyChart(p: &WeeklyProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let weeks = p.series.iter().map(|s| s.2.len()).max().unwrap_or(1).max(2) - 1;
    let sc = Scale {
        days: weeks as f64,
        lo: 0.0,
        hi: 1.0,
    };
    let line_of = |v: &[f64]| {
        v.iter()
            .enumerate()
            .map(|(i, y)| {
                format!(
                    "{}{:.1},{:.1}",
                    if i == 0 { "M" } else { "L" },
                    sc.x(i as f64),
                    sc.y(*y)
                )
            })
            .collect::<String>()
    };
    let show_table = use_state(|| false);
    let toggle_table = {
        let show_table = show_table.clone();
        Callback::from(move |_| show_table.set(!*show_table))
    };
    // Every fourth week and the last one: a table a screen reader can walk through.
    let table = show_table.then(|| {
        let mut rows: Vec<usize> = (0..=weeks).step_by(4).collect();
        if weeks % 4 != 0 {
            rows.push(weeks);
        }
        html! {
            <table class="data-table">
                <caption>{ p.title.clone() }</caption>
                <thead><tr>
                    <th scope="col">{ tr(l, "chart.col_week") }</th>
                    { for p.series.iter().map(|(label, _, _)| html! { <th scope="col">{ label.clone() }</th> }) }
                </tr></thead>
                <tbody>{ for rows.into_iter().map(|w| html! {
                    <tr>
                        <th scope="row">{ w }</th>
                        { for p.series.iter().map(|(_, _, v)| html! { <td>{ v.get(w).map(|x| chance(l, *x)).unwrap_or_default() }</td> }) }
                    </tr>
                }) }</tbody>
            </table>
        }
    });
    html! {
        <figure class="chart weekly">
            <figcaption>
                <span class="chart-title">{ p.title.clone() }</span>
                <span class="chart-tools">
                    <button type="button" class="small" onclick={toggle_table} aria-pressed={show_table.to_string()}>
                        { if *show_table { tr(l, "chart.hide_table") } else { tr(l, "chart.table") } }
                    </button>
                </span>
            </figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={p.title.clone()} xmlns="http://www.w3.org/2000/svg">
                <style>{ SVG_STYLE }</style>
                <rect class="plot" x={LEFT.to_string()} y={TOP.to_string()} width={(W - LEFT - RIGHT).to_string()} height={(H - TOP - BOTTOM).to_string()} />
                { for [0.0, 0.25, 0.5, 0.75, 1.0].iter().map(|t| {
                    let y = sc.y(*t);
                    html! { <g class="tick">
                        <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                        <text x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y + 4.0)} text-anchor="end">{ chance(l, *t) }</text>
                    </g> }
                }) }
                { for nice_ticks(0.0, weeks as f64, 6).iter().map(|t| html! {
                    <text class="xtick" x={format!("{:.1}", sc.x(*t))} y={(H - BOTTOM + 19.0).to_string()} text-anchor="middle">{ format!("{t:.0}") }</text>
                }) }
                <text class="axis-label" x={(W - RIGHT).to_string()} y={(H - 2.0).to_string()} text-anchor="end">{ tr(l, "chart.weeks_axis") }</text>
                { for p.series.iter().map(|(_, colour, v)| html! {
                    <path d={line_of(v)} fill="none" stroke={*colour} stroke-width="2.5" />
                }) }
            </svg>
            <ul class="legend">
                { for p.series.iter().map(|(label, colour, _)| html! {
                    <li><span class="swatch" style={format!("background:{colour}")}></span>{ label.clone() }</li>
                }) }
            </ul>
            { table.unwrap_or_default() }
        </figure>
    }
}
