//! The end of a game: how it ended, the player's path against committed from day one, quit at
//! the first review and never started in the same future, the plan over every future, the
//! team code to hand in, and the Why? panel.

use crate::app::Same;
use crate::app::{send, use_app};
use crate::i18n::{tr, trf, Lang};
use crate::model::{run_once, Metric, RunTrace};
use crate::state::app_state::{Action, PlayAction};
use crate::state::class::rank;
use crate::state::link;
use crate::state::play::{alternatives, Ending, Game, GAME_RUN};
use crate::state::team_code::{self, TeamPlan};
use crate::view::format::{chance, full, tick_labels, Unit};
use crate::view::geometry::{line, nice_ticks, Frame, Scale, W};
use crate::view::meanings::plan_lines;
use std::rc::Rc;
use yew::prelude::*;

/// The plans compared, in the order of the outcomes job: the player's, then the alternatives.
const PLANS: [&str; 4] = [
    "debrief.yours",
    "debrief.committed",
    "debrief.quit_first_review",
    "debrief.never_started",
];

#[component]
pub fn Debrief() -> Html {
    let state = use_app();
    let l = state.lang();
    let game = state.game.clone().expect("a game");
    let paths = use_memo(game.clone(), |g| own_future_paths(g));
    crate::app::hooks::use_focus("debrief-title", ());
    let again = send(&state, || Action::Play(PlayAction::Start));
    let width = crate::app::hooks::use_viewport_width();
    html! {
        <div class="debrief">
            <section class="debrief-main" aria-labelledby="debrief-title">
                <h2 id="debrief-title" tabindex="-1">{ tr(l, "debrief.title") }</h2>
                <p class="ending">{ ending_text(l, &game) }</p>
                <p class="company-standing">{ crate::view::futures::company_standing(l, game.seed, GAME_RUN) }</p>
                { pays_back(l, &state, &game) }
                { path_chart(l, &paths, path_frame(width)) }
                { compare_table(l, &state, &game, (width <= 600.0).then_some("0")) }
                { code_box(l, &game, &crate::app::browser::link_to(&link::encode(&state.shared))) }
                { history(l, &game) }
                <button type="button" class="play-again" onclick={again}>{ tr(l, "debrief.again") }</button>
            </section>
            // Scrolls on its own where the debrief must fit one projector screen: reachable by
            // keyboard, and named by its heading.
            <crate::app::why::WhyPanel scrolls=true />
        </div>
    }
}

fn ending_text(l: Lang, game: &Game) -> String {
    match game.ending {
        Some(Ending::Stopped(0)) => tr(l, "debrief.never").to_string(),
        Some(Ending::Stopped(day)) => trf(l, "debrief.stopped", &[&day]),
        Some(Ending::Cancelled(day)) => trf(l, "debrief.cancelled", &[&day]),
        _ => trf(
            l,
            "debrief.horizon",
            &[&game.scenario.assumptions.horizon_days],
        ),
    }
}

/// "Your plan pays back in 64 of 100 futures; in yours it did."
fn pays_back(l: Lang, state: &crate::app::AppContext, game: &Game) -> Html {
    let Some((snap, true)) = state
        .results
        .current()
        .map(Same::flagged)
        .filter(|(s, _)| s.0.done)
    else {
        return html! { <p class="status">{ tr(l, "status.first") }</p> };
    };
    let s = &snap.0.summary;
    let share = s.break_even_by_week.last().copied().unwrap_or(0.0);
    let count = (share * s.runs as f64).round();
    let yours = if game.trace.break_even_day.is_some() {
        "debrief.yours_did"
    } else {
        "debrief.yours_did_not"
    };
    html! {
        <p class="pays-back" data-pays-back={count.to_string()}>
            { trf(l, "debrief.pays_back", &[&full(l, count), &full(l, s.runs as f64), &tr(l, yours)]) }
        </p>
    }
}

/// Cumulative leads in the player's own future under each plan.
fn own_future_paths(game: &Game) -> Vec<Rc<RunTrace>> {
    let mut paths = vec![Rc::new(game.trace.clone())];
    for (_, alt) in alternatives(&game.scenario) {
        paths.push(Rc::new(run_once(&alt, game.seed, GAME_RUN)));
    }
    paths
}

/// The paths chart's frame: on a projector (1600 px and wider, where the chart is about 450 px
/// wide) its text is drawn large enough for 22 px on screen, with room above for the axis name.
fn path_frame(width: f64) -> Frame {
    match width >= 1600.0 {
        true => {
            // Flatter than the simulator's, so that the debrief (with the company's standing
            // and a Swedish legend's longer lines) fits one projector screen; its text 26 units, as
            // it is drawn about 450 px wide there (ticks of 22 px and more).
            let f = Frame::sized(W, 26.0);
            Frame {
                top: (f.text * 1.3).round(),
                h: 205.0,
                ..f
            }
        }
        false => Frame::STANDARD,
    }
}

fn path_chart(l: Lang, paths: &[Rc<RunTrace>], f: Frame) -> Html {
    let series: Vec<Vec<f64>> = paths
        .iter()
        .map(|t| (0..t.days()).map(|d| t.value(d, Metric::Leads)).collect())
        .collect();
    let days = series[0].len().saturating_sub(1);
    let hi = series.iter().flatten().copied().fold(1.0, f64::max);
    let ticks = nice_ticks(0.0, hi, 4);
    let sc = Scale {
        days: days as f64,
        lo: 0.0,
        hi: ticks.last().copied().unwrap_or(hi).max(hi),
        f,
    };
    let (left, right, text) = (f.left, f.w - f.right, f.text);
    let finals: Vec<String> = series
        .iter()
        .zip(PLANS)
        .map(|(s, key)| format!("{}: {}", tr(l, key), full(l, s[days].round())))
        .collect();
    html! {
        <figure class="chart path-chart">
            <figcaption><span class="chart-title">{ tr(l, "debrief.paths_title") }</span></figcaption>
            <svg viewBox={format!("0 0 {} {}", f.w, f.h)} class={crate::app::fan_chart::text_class(&f)} role="img" aria-label={finals.join("; ")}>
                { for ticks.iter().zip(tick_labels(l, &ticks, Unit::Count)).map(|(v, label)| html! {
                    <g class="tick">
                        <line x1={left.to_string()} x2={right.to_string()} y1={sc.y(*v).to_string()} y2={sc.y(*v).to_string()} />
                        <text x={(left - 6.0).to_string()} y={(sc.y(*v) + text * 0.3).to_string()} text-anchor="end">{ label }</text>
                    </g>
                }) }
                <text class="axis-label" x={right.to_string()} y={(f.h - f.bottom + text * 1.6).to_string()} text-anchor="end">{ trf(l, "chart.day", &[&days]) }</text>
                <text class="axis-label" x={left.to_string()} y={(f.top - 2.0).max(text * 0.85).to_string()}>{ tr(l, "metric.leads") }</text>
                { for series.iter().enumerate().rev().map(|(i, s)| html! {
                    <path class={format!("path path-{i}")} d={line(s, &sc)} />
                }) }
            </svg>
            <ul class="path-legend">{ for finals.iter().enumerate().map(|(i, f)| html! {
                <li><span class={format!("swatch path-{i}")} aria-hidden="true"></span>{ f.clone() }</li>
            }) }</ul>
        </figure>
    }
}

/// Each plan: leads in the player's future, the median over every future, and how often the
/// player's plan did better (common random numbers: future by future). `focus`: its tabindex
/// where it scrolls on its own (under 600 px); its caption names it.
fn compare_table(
    l: Lang,
    state: &crate::app::AppContext,
    game: &Game,
    focus: Option<&'static str>,
) -> Html {
    let Some(o) = state.results.outcomes_done() else {
        let progress = state.results.outcomes.as_ref();
        let (done, total) = progress.map_or((0, 1), |o| (o.done, o.total));
        return html! {
            <p class="status">{ tr(l, "debrief.comparing") }
                <progress max={total.to_string()} value={done.to_string()} /></p>
        };
    };
    let standings = rank(&o.values, &[Some(GAME_RUN as usize), None, None, None]);
    let yours = standings.iter().find(|s| s.team == 0).expect("the player");
    let runs = o.values[0].len();
    let day = game.scenario.assumptions.horizon_days;
    html! {
        <table class="debrief-table" tabindex={focus}>
            <caption>{ trf(l, "debrief.table_caption", &[&day, &full(l, runs as f64)]) }</caption>
            <thead><tr>
                <th scope="col">{ tr(l, "debrief.plan") }</th>
                <th scope="col">{ tr(l, "debrief.in_yours") }</th>
                <th scope="col">{ tr(l, "debrief.median") }</th>
                <th scope="col">{ tr(l, "debrief.you_ahead") }</th>
            </tr></thead>
            <tbody>{ for PLANS.iter().enumerate().map(|(i, key)| {
                let s = standings.iter().find(|s| s.team == i).expect("every plan");
                let own = o.values[i].get(GAME_RUN as usize).copied().unwrap_or(0.0);
                html! { <tr>
                    <th scope="row">{ tr(l, key) }</th>
                    <td>{ full(l, own.round()) }</td>
                    <td>{ full(l, s.median.round()) }</td>
                    <td>{ if i == 0 { "—".to_string() } else { chance(l, yours.beats[i]) } }</td>
                </tr> }
            }) }</tbody>
        </table>
    }
}

/// The code a team hands in, and the link that replays the game.
fn code_box(l: Lang, game: &Game, link: &str) -> Html {
    let s = &game.scenario;
    let code = team_code::encode(&TeamPlan {
        levers: s.levers,
        changes: s.changes,
        played: true,
    });
    html! {
        <section class="team-code" aria-labelledby="code-title">
            <h3 id="code-title">{ tr(l, "debrief.code_title") }</h3>
            if let Some(code) = code {
                <p>{ tr(l, "debrief.code_help") }</p>
                <p class="code" data-code={code.clone()}>{ code }</p>
            } else {
                <p>{ tr(l, "debrief.no_code") }</p>
            }
            <p class="meaning">{ tr(l, "debrief.link_help") }</p>
            <input type="text" class="game-link" readonly=true aria-label={tr(l, "debrief.link_aria")}
                value={link.to_string()} />
        </section>
    }
}

/// The decisions so far, as the plan's lines.
pub(super) fn history(l: Lang, game: &Game) -> Html {
    let s = &game.scenario;
    let start = crate::view::format::levers_text(l, "play.started_with", &s.levers);
    html! {
        <details class="game-history" open={!s.changes.is_empty()}>
            <summary>{ tr(l, "play.history") }</summary>
            <ul>
                <li>{ start }</li>
                { for plan_lines(l, &s.changes).into_iter().map(|x| html! { <li>{ x }</li> }) }
            </ul>
        </details>
    }
}
