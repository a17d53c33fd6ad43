//! Play mode: the year played stop by stop. At each stop the player sees their own future so
//! far inside the band of futures still possible, what happened, and decides: keep going,
//! change levers from tomorrow, or stop the programme. The debrief is in `debrief.rs`.

mod debrief;

use super::fan_chart::{FanChart, Fit};
use super::header::ModeMasthead;
use super::results::spec;
use super::Same;
use super::{send, use_app};
use crate::i18n::{tr, trf, Lang};
use crate::model::params::{field, Field};
use crate::model::{Levers, Metric, LEVERS};
use crate::state::app_state::{Action, PlayAction};
use crate::state::play::{Decision, Game, Reason};
use crate::view::format::{full, money};
use crate::view::meanings::lever_meaning;
use crate::view::slider;
use yew::prelude::*;

/// The game's page: a masthead with the day reached, then the stop or the debrief.
#[component]
pub fn GamePage() -> Html {
    let state = use_app();
    let l = state.lang();
    let Some(game) = state.game.clone() else {
        return Html::default();
    };
    let exit = send(&state, || Action::Play(PlayAction::Exit));
    let horizon = game.scenario.assumptions.horizon_days;
    html! {
        <div class="page game-page" data-app-ready="true" data-game-day={game.day().to_string()}
            data-game-over={game.ending.is_some().to_string()} lang={l.code()}>
            <ModeMasthead title={tr(l, "play.title")} exit={(AttrValue::from(tr(l, "play.exit")), "exit-game")} on_exit={exit}>
                <p class="game-day" aria-live="polite">{ trf(l, "play.day_of", &[&game.day(), &horizon]) }</p>
            </ModeMasthead>
            <main class="game" id="game">
                if game.ending.is_some() {
                    <debrief::Debrief />
                } else {
                    <StopView />
                }
            </main>
        </div>
    }
}

/// A stop: what happened, the decision, and the futures from here.
#[component]
fn StopView() -> Html {
    let state = use_app();
    let l = state.lang();
    let game = state.game.clone().expect("a game");
    let snap = state.results.current().map(Same::flagged);
    super::hooks::use_focus("stop-title", game.day());
    html! {
        <div class="game-stop">
            <section class="game-side" aria-labelledby="stop-title">
                <h2 id="stop-title" tabindex="-1">{ stop_title(l, &game) }</h2>
                <ul class="stop-reasons">{ for stop_lines(l, &game).into_iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                if game.day() > 0 { { facts(l, &game) } }
                <DecisionForm key={game.day()} />
                { debrief::history(l, &game) }
            </section>
            <section class="game-charts" aria-label={tr(l, "play.charts_aria")}>
                if let Some((snap, latest)) = snap {
                    { game_legend(l, game.day()) }
                    <p class="band-meaning">{ tr(l, if game.day() == 0 { "play.band_start" } else { "play.band_later" }) }</p>
                    { for chart_order(&game).into_iter().map(|m| {
                        let c = spec(m);
                        let title = trf(l, "play.chart_title", &[&tr(l, c.title), &game.day()]);
                        html! { <FanChart metric={m} title={title} unit={c.unit} current={snap.clone()}
                            show_samples={false} stale={!latest} own_until={Some(game.day())} fit={Fit::Game} /> }
                    }) }
                } else {
                    <p class="status">{ tr(l, "status.first") }</p>
                }
            </section>
        </div>
    }
}

/// The charts in the order shown: at a crisis, Trust (where the crisis shows) first, so it
/// is on screen at the stop; otherwise Leads first.
fn chart_order(game: &Game) -> [Metric; 2] {
    let crisis = game
        .stops
        .last()
        .is_some_and(|s| s.reasons.contains(&Reason::Crisis));
    match crisis {
        true => [Metric::Trust, Metric::Leads],
        false => [Metric::Leads, Metric::Trust],
    }
}

/// What the game's charts draw: the player's own future (from the first stop), then the
/// median and band of the futures still possible.
fn game_legend(l: Lang, day: u32) -> Html {
    use super::legend::entry;
    let line = |class: &'static str| html! { <path class={class} d="M1,7h26" /> };
    html! {
        <ul class="legend chart-legend game-legend" aria-label={tr(l, "legend.aria")}>
            if day > 0 { { entry(l, "legend.own", super::fan_chart::own_path("M1,7h26".into())) } }
            { entry(l, "legend.possible", line("median")) }
            { entry(l, "legend.outer", html! { <rect class="band-outer" width="28" height="14" /> }) }
        </ul>
    }
}

fn stop_title(l: Lang, game: &Game) -> String {
    match game.day() {
        0 => tr(l, "play.start_title").to_string(),
        day => trf(l, "play.stop_title", &[&day]),
    }
}

/// Why the game stopped here, in sentences.
fn stop_lines(l: Lang, game: &Game) -> Vec<String> {
    let Some(stop) = game.stops.last() else {
        return vec![tr(l, "play.start_help").to_string()];
    };
    let leads = game.value(stop.day, Metric::Leads);
    stop.reasons
        .iter()
        .map(|r| match *r {
            Reason::QuarterEnd(q) => trf(l, "play.quarter_end", &[&q]),
            Reason::Review { expected, kept } => {
                let key = if kept {
                    "play.review_kept"
                } else {
                    "play.review_cancelled"
                };
                trf(
                    l,
                    key,
                    &[&full(l, leads.round()), &full(l, expected.round())],
                )
            }
            Reason::Crisis => tr(l, "play.crisis").to_string(),
        })
        .collect()
}

/// The player's own future so far, against the goal.
fn facts(l: Lang, game: &Game) -> Html {
    let day = game.day();
    let a = &game.scenario.assumptions;
    let v = |m| game.value(day, m);
    let expected = a.goal_leads * (day as f64 / a.goal_day as f64).min(1.0);
    html! {
        <dl class="game-facts">
            <dt>{ tr(l, "metric.leads") }</dt>
            <dd>{ trf(l, "play.leads_vs_goal", &[&full(l, v(Metric::Leads).round()), &full(l, expected.round()), &full(l, a.goal_leads), &a.goal_day]) }</dd>
            <dt>{ tr(l, "metric.cost") }</dt><dd>{ money(l, v(Metric::Cost).round()) }</dd>
            <dt>{ tr(l, "metric.followers") }</dt><dd>{ full(l, v(Metric::Followers).round()) }</dd>
            <dt>{ tr(l, "metric.trust") }</dt><dd>{ format!("{}/100", full(l, v(Metric::Trust).round())) }</dd>
        </dl>
    }
}

fn lever_fields() -> [&'static Field; 4] {
    LEVERS.map(|n| field(n).expect("a lever"))
}

fn lever_at(levers: &Levers, i: usize) -> f64 {
    [
        levers.budget,
        levers.posts_per_week,
        levers.responsiveness,
        levers.buy_in,
    ][i]
}

fn with_lever(levers: Levers, i: usize, v: f64) -> Levers {
    let mut x = levers;
    *[
        &mut x.budget,
        &mut x.posts_per_week,
        &mut x.responsiveness,
        &mut x.buy_in,
    ][i] = v;
    x
}

/// The four levers for the next stretch, and the choice: go on (with these levers) or stop.
#[component]
fn DecisionForm() -> Html {
    let state = use_app();
    let l = state.lang();
    let game = state.game.clone().expect("a game");
    let now = game.levers();
    let draft = use_state(|| now);
    let changed = *draft != now;
    let full_plan = changed && !game.can_change() && game.day() > 0;
    let go = {
        let (dispatch, draft) = (state.dispatcher(), draft.clone());
        Callback::from(move |_| {
            dispatch.dispatch(Action::Play(PlayAction::Decide(Decision::Go(*draft))))
        })
    };
    let stop = send(&state, || Action::Play(PlayAction::Decide(Decision::Stop)));
    let go_label = match (game.day(), changed) {
        (0, _) => "play.go_start",
        (_, true) => "play.go_changed",
        (_, false) => "play.go_keep",
    };
    let no_page = !draft.page_exists();
    html! {
        <section class="decision" aria-labelledby="decision-title">
            <h3 id="decision-title">{ tr(l, if game.day() == 0 { "play.decide_start" } else { "play.decide" }) }</h3>
            { for lever_fields().into_iter().enumerate().map(|(i, f)| {
                let on_input = {
                    let draft = draft.clone();
                    Callback::from(move |e: InputEvent| {
                        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                        if let Ok(pos) = input.value().parse::<f64>() {
                            draft.set(with_lever(*draft, i, slider::value_at(f, pos)));
                        }
                    })
                };
                let v = lever_at(&draft, i);
                let (lo, hi, step) = slider::track(f, v);
                let id = format!("game-{}", f.name);
                let shown = if i == 0 { money(l, v) } else { full(l, v) };
                let meaning = lever_meaning(l, f.name, &draft);
                html! {
                    <div class="lever game-lever" data-lever={f.name}>
                        <div class="lever-head">
                            <label for={id.clone()}>{ tr(l, f.label_key) }</label>
                            <output for={id.clone()} class="lever-value">{ shown.clone() }</output>
                        </div>
                        <input id={id} type="range" min={lo.to_string()} max={hi.to_string()} step={step.to_string()}
                            value={slider::position(f, v).to_string()} oninput={on_input}
                            aria-valuetext={format!("{shown}: {meaning}")} />
                        <p class="meaning">{ meaning }</p>
                    </div>
                }
            }) }
            if full_plan { <p class="field-error" role="alert">{ trf(l, "play.plan_full", &[&crate::model::MAX_CHANGES]) }</p> }
            if no_page && game.day() == 0 { <p class="meaning">{ tr(l, "play.no_page") }</p> }
            <div class="decision-buttons">
                <button type="button" class="primary play-go" onclick={go} disabled={full_plan}>{ tr(l, go_label) }</button>
                if game.day() > 0 {
                    <button type="button" class="play-stop" onclick={stop}>{ tr(l, "play.stop") }</button>
                }
            </div>
        </section>
    }
}
