//! Fan charts drawn as SVG: P10–P90 and P25–P75 bands, the median, optional sample paths with
//! crisis and cancellation markers, milestones, the pinned scenario "A" and the "quit at day X"
//! path, a hover/keyboard readout and a data-table view.
//!
//! The bands and lines are computed once per result ([`Layers`], memoised); the cursor, the
//! readout and the day shown by "play the year" are drawn over them, so moving the mouse or
//! playing the year does not rebuild a single path.

use super::chart_frame::{
    chart_tools, frame, milestone_labels, milestones, placed, top_rows, vline,
};
use super::Snapshot;
use crate::i18n::{tr, trf, Lang};
use crate::model::monte_carlo::MILESTONES;
use crate::model::{Band, CrisisOutcome, Metric};
use crate::view::chart_export::{ExportInfo, Mark};
use crate::view::format::{levers_text, percentile, roi_undefined, with_unit, Unit};
use crate::view::geometry::{area, extent, line, value_axis, Frame, Scale, W};
use crate::view::labels::{circle_box, Anchor, Label, Rect, Spot};
use crate::view::meanings::plan_lines;
use yew::prelude::*;

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
    /// A game: every future shares the player's own up to this day, drawn as its own line.
    #[prop_or_default]
    pub own_until: Option<u32>,
    /// Where the chart is shown, which sets its shape and text size.
    #[prop_or_default]
    pub fit: Fit,
    /// What a page reported (day, value), drawn as points on the bands ("Your page").
    #[prop_or_default]
    pub points: Vec<(u32, f64)>,
}

/// Where a chart is shown: the simulator's page, a game's stop, or a story (one chart across the
/// screen, two side by side, or the goals' weekly chart); on a projector the room must read each
/// from the back, and each is drawn at its own width there.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Fit {
    #[default]
    Page,
    Game,
    StoryOne,
    StoryTwo,
    StoryGoals,
}

/// The class that draws a chart's text at its frame's size (style.css; the page's security
/// policy allows no inline styles).
pub fn text_class(f: &Frame) -> String {
    format!("text-{}", (f.text * 10.0).round())
}

/// The chart's frame at a window `width` CSS px wide: larger text on a phone (at least 12 px
/// on screen) and on a projector (ticks at least 22 px at 1920 px: the simulator's charts are
/// about 540 px wide there, a game's about 930, a story's goals chart about 840), and a wide
/// chart filling a story's card or a game's column.
pub fn frame_for(fit: Fit, width: f64) -> Frame {
    match fit {
        _ if width <= 480.0 => Frame::sized(W, 19.5),
        _ if width < 1600.0 => Frame::STANDARD,
        Fit::Page => Frame::sized(W, 22.5),
        // A little flatter than the others, so that both charts, a Swedish legend's two lines
        // and a crisis' three-line readout fit beside the decision.
        Fit::Game => Frame {
            h: 215.0,
            ..Frame::sized(1000.0, 25.0)
        },
        Fit::StoryOne => Frame::sized(1000.0, 17.0),
        Fit::StoryTwo => Frame::sized(W, 18.0),
        Fit::StoryGoals => Frame::STANDARD,
    }
}

/// The player's own future in a game: its own colour (black, of the charts' colour-blind-safe
/// set) and weight, so it never reads as the median. The legend draws it with this too.
pub fn own_path(d: String) -> Html {
    html! { <path class="own-path" d={d} fill="none" stroke="#000" stroke-width="3.5" stroke-linecap="round" /> }
}

fn band_of(s: &Option<Snapshot>, metric: Metric, days: usize) -> Option<&Band> {
    s.as_ref()
        .map(|s| s.0.summary.band(metric))
        .filter(|b| b.p50.len() == days + 1)
}

/// The value axis: every band and sample shown, stretched while the room guesses (so the fan's
/// height cannot be read off it), widened to keep a wild guess on the chart after the reveal.
fn value_scale(p: &FanProps, days: usize, f: Frame) -> Scale {
    let summary = &p.current.0.summary;
    let mut bands = vec![summary.band(p.metric)];
    bands.extend(band_of(&p.pinned, p.metric, days));
    bands.extend(band_of(&p.quit, p.metric, days));
    let samples: Vec<&[f64]> = if p.show_samples {
        let i = p.metric.index();
        summary
            .samples
            .iter()
            .map(|s| s.metrics[i].as_slice())
            .collect()
    } else {
        Vec::new()
    };
    let (mut lo, mut hi) = extent(&bands, &samples);
    for &(_, v) in &p.points {
        (lo, hi) = (lo.min(v), hi.max(v));
    }
    if p.on_pick.is_some() {
        // A factor from 1.6 to 3 that depends on the seed.
        let u =
            (summary.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11) as f64 / (1u64 << 53) as f64;
        hi = lo + (hi - lo) * (1.6 + 1.4 * u);
    } else if let Some((_, g)) = p.guess {
        lo = lo.min(g);
        hi = hi.max(g);
    }
    value_axis(lo, hi, days, f)
}

/// The SVG paths of one chart, for the whole horizon.
#[derive(PartialEq)]
struct Paths {
    outer: String,
    inner: String,
    median: String,
    a_band: Option<String>,
    a_median: Option<String>,
    quit: Option<String>,
    samples: Vec<String>,
    own: Option<String>,
}

fn paths(p: &FanProps, sc: &Scale, days: usize) -> Paths {
    let band = p.current.0.summary.band(p.metric);
    let pinned = band_of(&p.pinned, p.metric, days);
    let samples = if p.show_samples {
        let i = p.metric.index();
        let all = &p.current.0.summary.samples;
        all.iter().map(|s| line(&s.metrics[i], sc)).collect()
    } else {
        Vec::new()
    };
    Paths {
        outer: area(&band.p10, &band.p90, sc),
        inner: area(&band.p25, &band.p75, sc),
        median: line(&band.p50, sc),
        a_band: pinned.map(|a| area(&a.p25, &a.p75, sc)),
        a_median: pinned.map(|a| line(&a.p50, sc)),
        quit: band_of(&p.quit, p.metric, days).map(|q| line(&q.p50, sc)),
        samples,
        own: p
            .own_until
            .filter(|&d| d > 0)
            .map(|d| line(&band.p50[..=(d as usize).min(days)], sc)),
    }
}

/// What the memoised paths depend on: the data (by identity), the metric, the samples toggle
/// and whatever stretches the axis.
#[derive(PartialEq)]
struct PathKey {
    current: Snapshot,
    pinned: Option<Snapshot>,
    quit: Option<Snapshot>,
    metric: Metric,
    samples: bool,
    picking: bool,
    guess: Option<u64>,
    own: Option<u32>,
    frame: Frame,
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
    let width = super::hooks::use_viewport_width();
    let sc = value_scale(p, days, frame_for(p.fit, width));
    let f = sc.f;
    let key = PathKey {
        current: p.current.clone(),
        pinned: p.pinned.clone(),
        quit: p.quit.clone(),
        metric: p.metric,
        samples: p.show_samples,
        picking: p.on_pick.is_some(),
        guess: p.guess.map(|g| g.1.to_bits()),
        own: p.own_until,
        frame: f,
    };
    let drawn = use_memo(key, |_| paths(p, &sc, days));
    let pinned = band_of(&p.pinned, p.metric, days);
    let quit = band_of(&p.quit, p.metric, days);
    let name = band.name.clone();
    let readout_day = cursor.unwrap_or(days.min(365)).min(shown);
    let note_day = days.min(365).min(shown);
    // While the room is guessing, nothing may give the answer away.
    let guessing = p.on_pick.is_some();
    let handlers = Handlers::new(p, &cursor, &svg_ref, &sc, days);
    let clip = format!("reveal-{}-{}", name, p.current.0.id);
    let (text, usual) = explain(l, p, band, readout_day);
    let (frame_html, taken) = frame(l, &sc, p.unit, days);
    html! {
        <figure class={classes!("chart", p.stale.then_some("stale"))} data-chart={name.clone()} data-shown={shown.to_string()}
            data-median={format!("{}", band.p50[note_day])} data-job={p.current.0.id.to_string()}
            data-band-year={format!("{} {}", band.p10[days.min(365)], band.p90[days.min(365)])} data-done={p.current.0.done.to_string()}>
            <figcaption>
                <span class="chart-title">{ p.title.clone() }</span>
                if !guessing { { chart_tools(l, &show_table, Some((&svg_ref, &name, export_info(l, p)))) } }
            </figcaption>
            <svg ref={svg_ref.clone()} viewBox={format!("0 0 {} {}", f.w, f.h)} role="img" tabindex="0" xmlns="http://www.w3.org/2000/svg"
                aria-label={trf(l, "chart.aria", &[&p.title, &days])}
                onmousemove={handlers.on_move} onkeydown={handlers.on_key} onfocus={handlers.on_focus} onmousedown={handlers.on_press}
                class={classes!(text_class(&f), guessing.then_some("pickable"))}>
                <defs><clipPath id={clip.clone()}>
                    <rect x="0" y="0" width={format!("{:.1}", sc.x(shown as f64) + 0.5)} height={f.h.to_string()} />
                </clipPath></defs>
                { frame_html }
                { milestones(&sc, days) }
                <g class="fan" clip-path={format!("url(#{clip})")}>
                    { fan_paths(&drawn) }
                    { review_marks(l, summary, &sc, shown) }
                </g>
                if p.show_samples { { sample_marks(l, p, &sc, shown) } }
                if let (true, Some(_)) = ((p.quit_day as usize) <= days, quit) { { vline("quit-day", sc.x(p.quit_day as f64), &f) } }
                if let Some(d) = *cursor { { vline("cursor", sc.x(d as f64), &f) } }
                { guess_mark(p, &sc, days) }
                { history_points(p, &sc, days) }
                { labels(l, p, &sc, days, shown, &taken) }
            </svg>
            if guessing {
                <p class="readout">{ tr(l, "chart.pick") }</p>
            } else {
                if roi_undefined(summary, p.metric, readout_day) {
                    <p class="readout" aria-live="polite">{ tr(l, "chart.roi_na") }</p>
                } else {
                    <p class="readout" aria-live="polite">{ readout(l, p, band, pinned, quit, readout_day) }</p>
                    <p class={classes!("explain", usual.then_some("usual"))}>{ text }</p>
                }
                if *show_table { { fan_table(l, p, band, pinned, quit, days) } }
            }
        </figure>
    }
}

/// The page's own reports, as points (those within the chart's days).
fn history_points(p: &FanProps, sc: &Scale, days: usize) -> Html {
    if p.points.is_empty() {
        return Html::default();
    }
    html! {
        <g class="history-points">
            { for p.points.iter().filter(|(d, _)| *d as usize <= days).map(|&(d, v)| html! {
                <circle class="history-point" cx={format!("{:.1}", sc.x(d as f64))} cy={format!("{:.1}", sc.y(v))} r="4" />
            }) }
        </g>
    }
}

/// What an exported chart says around it: its title, the levers (A's too, and the plan's
/// changes) and the marks it draws.
fn export_info(l: Lang, p: &FanProps) -> ExportInfo {
    let summary = &p.current.0.summary;
    let mut scenario = vec![levers_text(l, "story.levers", &summary.scenario.levers)];
    scenario.extend(plan_lines(l, &summary.scenario.changes));
    let mut marks = vec![Mark::Outer, Mark::Inner, Mark::Median];
    if let Some(a) = &p.pinned {
        scenario.push(format!(
            "A: {}",
            levers_text(l, "story.levers", &a.0.summary.scenario.levers)
        ));
        marks.push(Mark::Pinned);
    }
    if p.quit.is_some() {
        marks.push(Mark::Quit);
    }
    if summary.scenario.levers.page_exists() {
        marks.push(Mark::Review);
    }
    if p.show_samples {
        marks.extend([Mark::Sample, Mark::Crisis, Mark::Cancelled]);
    }
    ExportInfo {
        title: p.title.to_string(),
        scenario,
        marks,
    }
}

/// Mouse and keyboard on the plot: the cursor follows, and while guessing a click, a drag or
/// ↑/↓ put the guess.
struct Handlers {
    on_move: Callback<MouseEvent>,
    on_press: Callback<MouseEvent>,
    on_key: Callback<KeyboardEvent>,
    on_focus: Callback<FocusEvent>,
}

impl Handlers {
    fn new(
        p: &FanProps,
        cursor: &UseStateHandle<Option<usize>>,
        svg: &NodeRef,
        sc: &Scale,
        days: usize,
    ) -> Self {
        let sc = *sc;
        // The pointer in viewBox units.
        let at = {
            let svg = svg.clone();
            move |e: &MouseEvent| {
                let r = svg.cast::<web_sys::Element>()?.get_bounding_client_rect();
                let x = (e.client_x() as f64 - r.left()) / r.width().max(1.0) * sc.f.w;
                let y = (e.client_y() as f64 - r.top()) / r.height().max(1.0) * sc.f.h;
                Some((x, y))
            }
        };
        let pick = {
            let (pick, at) = (p.on_pick.clone(), at.clone());
            move |e: &MouseEvent| {
                if let (Some(pick), Some((_, y))) = (&pick, at(e)) {
                    pick.emit(sc.value_at(y));
                }
            }
        };
        let on_move = {
            let (cursor, pick) = (cursor.clone(), pick.clone());
            Callback::from(move |e: MouseEvent| {
                if let Some((x, _)) = at(&e) {
                    cursor.set(Some(sc.day_at(x)));
                }
                if e.buttons() & 1 == 1 {
                    pick(&e);
                }
            })
        };
        let on_key = {
            let cursor = cursor.clone();
            let (pick, guess) = (p.on_pick.clone(), p.guess.map(|g| g.1));
            Callback::from(move |e: KeyboardEvent| {
                if let Some(pick) = &pick {
                    // ↑ and ↓ move the guess by a fiftieth of the axis (Shift: a tenth).
                    let step = (sc.hi - sc.lo) / if e.shift_key() { 10.0 } else { 50.0 };
                    let from = guess.unwrap_or((sc.lo + sc.hi) / 2.0);
                    let to = match e.key().as_str() {
                        "ArrowUp" => Some(from + step),
                        "ArrowDown" => Some(from - step),
                        _ => None,
                    };
                    if let Some(to) = to {
                        e.prevent_default();
                        pick.emit(to.clamp(sc.lo, sc.hi));
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
        Handlers {
            on_move,
            on_press: Callback::from(move |e: MouseEvent| pick(&e)),
            on_key,
            on_focus,
        }
    }
}

fn fan_paths(d: &Paths) -> Html {
    html! { <>
        if let Some(a) = &d.a_band { <path class="band-a" d={a.clone()} /> }
        <path class="band-outer" d={d.outer.clone()} />
        <path class="band-inner" d={d.inner.clone()} />
        { for d.samples.iter().map(|s| html! { <path class="sample-line" d={s.clone()} /> }) }
        if let Some(a) = &d.a_median { <path class="median-a" d={a.clone()} /> }
        if let Some(q) = &d.quit { <path class="median-quit" d={q.clone()} /> }
        <path class="median" d={d.median.clone()} />
        if let Some(own) = &d.own { { own_path(own.clone()) } }
    </> }
}

/// Management's reviews (mechanism 7): small marks on the time axis, as they happen.
fn review_marks(l: Lang, summary: &crate::model::Summary, sc: &Scale, shown: usize) -> Html {
    if !summary.scenario.levers.page_exists() {
        return Html::default(); // no programme, no reviews
    }
    let buy_in = summary.scenario.levers.buy_in / 100.0;
    let first = crate::model::engine::first_review_day(buy_in) as usize;
    let every = crate::model::constants::REVIEW_EVERY_DAYS as usize;
    (first..=shown)
        .step_by(every)
        .map(|d| {
            // Pointing down onto the time axis from inside the plot, clear of the tick labels.
            let (x, y) = (sc.x(d as f64), sc.f.h - sc.f.bottom);
            html! { <path class="review" d={format!("M{x:.1},{y:.1}l-6,-9h12z")}>
                <title>{ trf(l, "chart.review", &[&d]) }</title>
            </path> }
        })
        .collect()
}

/// Crises and cancellations on the single futures, up to the day shown.
fn sample_marks(l: Lang, p: &FanProps, sc: &Scale, shown: usize) -> Html {
    let i = p.metric.index();
    let marks = p.current.0.summary.samples.iter().flat_map(|s| {
        let series = &s.metrics[i];
        let at = move |d: u32| (sc.x(d as f64), sc.y(series[d as usize]));
        let crises = s.crises.iter().filter(|c| (c.day as usize) <= shown).map(move |c| {
            let (x, y) = at(c.day);
            let (class, key) = match c.outcome {
                CrisisOutcome::Firestorm => ("crisis firestorm", "chart.crisis_firestorm"),
                CrisisOutcome::Ongoing => ("crisis ongoing", "chart.crisis_ongoing"),
                CrisisOutcome::Faded => ("crisis faded", "chart.crisis_faded"),
            };
            html! { <circle class={class} cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="5"><title>{ trf(l, key, &[&c.day]) }</title></circle> }
        });
        let cancel = s.cancelled_day.filter(|d| (*d as usize) <= shown).map(move |d| {
            let (x, y) = at(d);
            html! { <path class="cancelled" d={format!("M{:.1},{:.1}l8,8m0,-8l-8,8", x - 4.0, y - 4.0)}><title>{ trf(l, "chart.cancelled", &[&d]) }</title></path> }
        });
        crises.chain(cancel)
    });
    html! { <g class="sample-marks">{ for marks }</g> }
}

/// The radius of the room's guess mark (its stroke, 3.5 wide, reaches 1.75 past it).
const GUESS_R: f64 = 7.0;

fn guess_mark(p: &FanProps, sc: &Scale, days: usize) -> Html {
    let Some((x, y)) = guess_at(p, sc, days) else {
        return Html::default();
    };
    html! { <g class="guess"><circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r={GUESS_R.to_string()} /></g> }
}

/// Where the room's guess is drawn, if it is on the chart.
fn guess_at(p: &FanProps, sc: &Scale, days: usize) -> Option<(f64, f64)> {
    let (d, v) = p.guess.filter(|(d, _)| (*d as usize) <= days)?;
    Some((sc.x(d as f64), sc.y(v.clamp(sc.lo, sc.hi))))
}

/// The chart's labels, placed clear of each other and of the frame's text: the day played to
/// first, then the room's guess (beside its mark), then the milestones.
fn labels(l: Lang, p: &FanProps, sc: &Scale, days: usize, shown: usize, taken: &[Rect]) -> Html {
    let f = &sc.f;
    let bold = |text: String, spots: Vec<Spot>| Label {
        text,
        size: f.text,
        bold: true,
        spots,
    };
    let mut all: Vec<(&'static str, Label)> = Vec::new();
    if shown < days {
        let x = sc.x(shown as f64);
        let spots = [(x + 4.0, Anchor::Start), (x - 4.0, Anchor::End)]
            .into_iter()
            .flat_map(|(x, anchor)| top_rows(f, 3).map(move |y| Spot { x, y, anchor }))
            .collect();
        all.push(("reveal-day", bold(trf(l, "chart.day", &[&shown]), spots)));
    }
    if let (Some((x, y)), Some((_, v))) = (guess_at(p, sc, days), p.guess) {
        let (above, below) = (y - 10.0, y + 10.0 + f.text * 0.95);
        let spots = [
            (above, Anchor::End),
            (above, Anchor::Start),
            (below, Anchor::End),
            (below, Anchor::Start),
        ]
        .into_iter()
        .map(|(y, anchor)| {
            let x = if anchor == Anchor::End {
                x - 10.0
            } else {
                x + 10.0
            };
            Spot { x, y, anchor }
        })
        .collect();
        all.push((
            "guess-label",
            bold(trf(l, "chart.guess", &[&with_unit(l, v, p.unit)]), spots),
        ));
    }
    all.extend(
        milestone_labels(l, sc, days)
            .into_iter()
            .map(|m| ("milestone-label", m)),
    );
    // No label goes on the guess's mark (its circle and stroke).
    let mut taken = taken.to_vec();
    taken.extend(guess_at(p, sc, days).map(|(x, y)| circle_box(x, y, GUESS_R + 2.0)));
    placed(&all, &taken, f)
}

fn readout(
    l: Lang,
    p: &FanProps,
    band: &Band,
    pinned: Option<&Band>,
    quit: Option<&Band>,
    day: usize,
) -> String {
    // A's and the quit line's ROI are n/a where their own futures spent nothing.
    let v = |b: &Band, s: Option<&Snapshot>| match s
        .is_some_and(|s| roi_undefined(&s.0.summary, p.metric, day))
    {
        true => tr(l, "value.na").to_string(),
        false => percentile(l, b.p50[day], p.unit),
    };
    let (key, p10, p90) = band_ends(l, p, band, day, ["chart.readout", "chart.readout_same"]);
    let mut text = trf(l, key, &[&day, &v(band, None), &p10, &p90]);
    if let Some(a) = pinned {
        text.push_str(&trf(l, "chart.readout_a", &[&v(a, p.pinned.as_ref())]));
    }
    if let Some(q) = quit {
        text.push_str(&trf(
            l,
            "chart.readout_quit",
            &[&p.quit_day, &v(q, p.quit.as_ref())],
        ));
    }
    let summary = &p.current.0.summary;
    if let Some(split) = crate::view::futures::readout(l, summary, p.metric, day, p.unit) {
        text.push_str(&split);
    }
    text
}

/// What the bands mean, on the day read out. The median's sentence follows the band: where
/// the median is also an end of the light band, "half end above it" would be false.
/// How to read the bands on the day shown, and whether that is the usual reading (a band with
/// width, the median inside it), which the workshop view says once above its charts instead.
fn explain(l: Lang, p: &FanProps, band: &Band, day: usize) -> (String, bool) {
    let (key, p10, p90) = band_ends(l, p, band, day, ["chart.explain", "chart.explain_same"]);
    let bands = trf(l, key, &[&day, &p10, &p90]);
    let p50 = percentile(l, band.p50[day], p.unit);
    let median = match () {
        _ if p10 == p90 => return (bands, false),
        _ if p50 == p90 => "chart.median_top",
        _ if p50 == p10 => "chart.median_bottom",
        _ => "chart.median_half",
    };
    (
        format!("{bands} {}", tr(l, median)),
        median == "chart.median_half",
    )
}

/// The light band's ends on `day` as shown, and which of the texts `[band, same]` fits them:
/// `same` where 8 in 10 futures agree (a fixed budget's cost, say), so the band has no width.
fn band_ends(
    l: Lang,
    p: &FanProps,
    band: &Band,
    day: usize,
    [wide, same]: [&'static str; 2],
) -> (&'static str, String, String) {
    let p10 = percentile(l, band.p10[day], p.unit);
    let p90 = percentile(l, band.p90[day], p.unit);
    (if p10 == p90 { same } else { wide }, p10, p90)
}

fn fan_table(
    l: Lang,
    p: &FanProps,
    band: &Band,
    pinned: Option<&Band>,
    quit: Option<&Band>,
    days: usize,
) -> Html {
    let mut rows: Vec<usize> = (0..=days).step_by(30).collect();
    rows.extend(MILESTONES.iter().filter(|&&d| d <= days && d % 30 != 0));
    if days % 30 != 0 {
        rows.push(days);
    }
    crate::state::order::sort_by(&mut rows, usize::cmp);
    let na = tr(l, "value.na");
    // Each column's ROI is n/a where its own futures (B, A or the quit line) spent nothing.
    let cell = |v: f64, d: usize, s: &Snapshot| match roi_undefined(&s.0.summary, p.metric, d) {
        true => html! { <td>{ na }</td> },
        false => html! { <td>{ percentile(l, v, p.unit) }</td> },
    };
    let b = &p.current;
    // Its own sideways scroll on a narrow screen, never the page's (focusable, so a keyboard
    // can scroll it too).
    html! {
        <div class="table-scroll" tabindex="0">
        <table class="data-table">
            <caption>{ trf(l, "chart.caption", &[&p.title, &p.current.0.summary.runs_done]) }</caption>
            <thead><tr>
                <th scope="col">{ tr(l, "chart.col_day") }</th><th scope="col">{"P10"}</th><th scope="col">{"P25"}</th>
                <th scope="col">{ tr(l, "chart.col_median") }</th><th scope="col">{"P75"}</th><th scope="col">{"P90"}</th><th scope="col">{ tr(l, "chart.col_mean") }</th>
                if pinned.is_some() { <th scope="col">{ tr(l, "chart.col_a") }</th> }
                if quit.is_some() { <th scope="col">{ tr(l, "chart.col_quit") }</th> }
            </tr></thead>
            <tbody>{ for rows.into_iter().map(|d| html! {
                <tr>
                    <th scope="row">{ d }</th>
                    { cell(band.p10[d], d, b) }{ cell(band.p25[d], d, b) }{ cell(band.p50[d], d, b) }{ cell(band.p75[d], d, b) }{ cell(band.p90[d], d, b) }
                    <td>{ with_unit(l, band.mean[d], p.unit) }</td>
                    if let (Some(a), Some(sa)) = (pinned, p.pinned.as_ref()) { { cell(a.p50[d], d, sa) } }
                    if let (Some(q), Some(sq)) = (quit, p.quit.as_ref()) { { cell(q.p50[d], d, sq) } }
                </tr>
            }) }</tbody>
        </table>
        </div>
    }
}
