//! Trainer mode: a story told step by step on a projector. Space / → next, ← back, Esc exits.
//! Steps may ask the room to predict before the reveal, and can play the year day by day.

pub(super) mod trainer;

use super::controls::Levers;
use super::fan_chart::{FanChart, Fit};
use super::header::{LangSwitch, Notices};
use super::patience::Patience;
use super::player::Player;
use super::results::{spec, Status};
use super::{use_app, Same, Snapshot};
use crate::i18n::{tr, trf, Lang};
use crate::state::app_state::{Action, StoryAction};
use crate::state::jobs::Slot;
use crate::state::story::{Back, Next, StepState};
use crate::state::story_code;
use crate::story::{Story, View};
use crate::view::format::{full, levers_text, percent_signed, percentile, with_unit};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Trainer mode's page: the language switch, notices and the story.
#[component]
pub fn StoryPage() -> Html {
    let state = use_app();
    let l = state.lang();
    let Some(story) = state.story.clone() else {
        return Html::default();
    };
    let on_step = {
        let dispatch = state.dispatcher();
        Callback::from(move |i: usize| dispatch.dispatch(Action::Story(StoryAction::Step(i))))
    };
    let on_exit = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: ()| dispatch.dispatch(Action::Story(StoryAction::Exit)))
    };
    html! {
        <main class="page story-page" data-app-ready="true" data-query={crate::state::link::encode(&state.shared)} lang={l.code()}>
            <Notices />
            { too_long_for_link(l, state.shared.story.as_deref()) }
            <StoryMode story={Same(story)} step={state.shared.step as usize}
                current={state.results.current().map(Same::flagged)} pinned={state.results.latest(Slot::Pinned).map(Same)} {on_step} {on_exit} />
        </main>
    }
}

/// A story over the link budget: the address carries only the step's levers, so say so and
/// offer the story file to share instead.
fn too_long_for_link(l: Lang, code: Option<&str>) -> Html {
    let Some(code) = code.filter(|c| !story_code::fits(c)) else {
        return Html::default();
    };
    let download = {
        let code = code.to_string();
        Callback::from(move |_: MouseEvent| {
            if let Ok(text) = story_code::decode(&code) {
                super::download::text("longgame-story.json", "application/json", &text);
            }
        })
    };
    let sizes = [
        full(l, code.len() as f64),
        full(l, story_code::LINK_BUDGET as f64),
    ];
    html! {
        <p class="story-link-note" role="status">
            { trf(l, "story.link_too_long", &[&sizes[0], &sizes[1]]) }
            <button type="button" class="small" onclick={download}>{ tr(l, "story.download") }</button>
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct StoryProps {
    pub story: Same<Story>,
    pub step: usize,
    pub current: Option<(Snapshot, bool)>,
    #[prop_or_default]
    pub pinned: Option<Snapshot>,
    pub on_step: Callback<usize>,
    pub on_exit: Callback<()>,
}

/// What a step shows the room, and what the room has done on it.
#[derive(Clone, PartialEq)]
struct Room {
    guess: UseStateHandle<Option<f64>>,
    revealed: UseStateHandle<bool>,
    play_day: UseStateHandle<Option<u32>>,
    show_samples: UseStateHandle<bool>,
    /// Next was asked for on a predict step without a guess: say why nothing happens.
    nudged: UseStateHandle<bool>,
}

/// What the story keys do; each is one callback.
#[derive(Clone)]
struct StoryKeys {
    next: Callback<()>,
    prev: Callback<()>,
    first: Callback<()>,
    last: Callback<()>,
    exit: Callback<()>,
}

/// Whether a key press belongs to the focused element: typing in a field, or Space / Enter
/// on a button, link or checkbox (which activate it, as everywhere else on the web).
fn owned_by_focus(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let activates = matches!(e.key().as_str(), " " | "Enter");
    match el.tag_name().as_str() {
        "INPUT" | "TEXTAREA" | "SELECT" => true,
        "BUTTON" | "A" | "SUMMARY" => activates,
        _ => activates && el.get_attribute("role").as_deref() == Some("button"),
    }
}

/// Keys work anywhere on the page, except where the focused element owns them: Space / →
/// next, ← back, Home / End first and last, Esc leaves.
#[hook]
fn use_story_keys(deps: (usize, bool, bool, bool, bool), keys: StoryKeys) {
    use_effect_with(deps, move |_| {
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            options,
            move |e| {
                let e: &web_sys::KeyboardEvent = e.unchecked_ref();
                if owned_by_focus(e) || e.alt_key() || e.ctrl_key() || e.meta_key() {
                    return;
                }
                match e.key().as_str() {
                    " " | "ArrowRight" | "PageDown" => keys.next.emit(()),
                    "ArrowLeft" | "PageUp" => keys.prev.emit(()),
                    "Home" => keys.first.emit(()),
                    "End" => keys.last.emit(()),
                    "Escape" => keys.exit.emit(()),
                    _ => return,
                }
                e.prevent_default();
            },
        );
        move || drop(listener)
    });
}

/// Moves focus to the step's heading whenever the step (or its reveal) changes, so a screen
/// reader reads the new step and focus never falls back to the page body.
#[hook]
fn use_heading_focus(deps: (usize, bool, bool)) -> NodeRef {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(deps, move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    heading
}

#[component]
pub fn StoryMode(p: &StoryProps) -> Html {
    let story = &p.story.0;
    let n = story.steps.len();
    let index = p.step.min(n - 1);
    let step = &story.steps[index];
    let l = use_context::<Lang>().unwrap_or_default();
    let lang = l.code();
    let room = Room {
        guess: use_state(|| None::<f64>),
        revealed: use_state(|| false),
        play_day: use_state(|| step.day),
        show_samples: use_state(|| false),
        nudged: use_state(|| false),
    };
    // Past the last step: the end screen.
    let ended = use_state(|| false);
    // A new step starts unrevealed, with its own reveal day.
    {
        let (room, day, ended) = (room.clone(), step.day, ended.clone());
        use_effect_with(index, move |_| {
            room.guess.set(None);
            room.revealed.set(false);
            room.nudged.set(false);
            room.play_day.set(day);
            ended.set(false);
        });
    }
    let at = StepState {
        index,
        steps: n,
        predicts: step.predict.is_some(),
        asks_room: step.ask_room,
        guessed: room.guess.is_some(),
        revealed: *room.revealed,
        ended: *ended,
    };
    let (predicting, asking) = (at.predicting(), at.asking());
    let next = {
        let (on_step, room, ended) = (p.on_step.clone(), room.clone(), ended.clone());
        Callback::from(move |_: ()| match at.next() {
            Next::Stay => {}
            Next::Nudge => room.nudged.set(true),
            Next::Reveal => room.revealed.set(true),
            Next::Step(i) => on_step.emit(i),
            Next::End => ended.set(true),
        })
    };
    let prev = {
        let (on_step, ended) = (p.on_step.clone(), ended.clone());
        Callback::from(move |_: ()| match at.back() {
            Back::Unend => ended.set(false),
            Back::Step(i) => on_step.emit(i),
        })
    };
    let to = |i: usize| {
        let (on_step, ended) = (p.on_step.clone(), ended.clone());
        Callback::from(move |_: ()| {
            ended.set(false);
            on_step.emit(i);
        })
    };
    let keys = StoryKeys {
        next: next.clone(),
        prev: prev.clone(),
        first: to(0),
        last: to(n - 1),
        exit: p.on_exit.clone(),
    };
    let deps = (index, predicting, asking, room.guess.is_some(), *ended);
    use_story_keys(deps, keys);
    let heading = use_heading_focus((index, *room.revealed, *ended));
    let head = html! {
        <header class="story-head">
            <h1 class="story-title">{ story.title.get(lang) }</h1>
            <Status />
            <span class="story-count">{ trf(l, "story.step", &[&(index + 1), &n]) }</span>
            <LangSwitch />
        </header>
    };
    if *ended {
        return html! {
            <div class="story story-end" data-story-step={index.to_string()} data-story-end="true">
                { head }
                { end_screen(l, heading, &prev, &to(0), &p.on_exit) }
            </div>
        };
    }
    let (body, tools) = step_view(l, p, &room, predicting, asking);
    let levers = p
        .current
        .as_ref()
        .map(|(s, _)| levers_text(l, "story.levers", &s.0.summary.scenario.levers));
    let last = index + 1 == n && !predicting && !asking;
    let next_label = match () {
        _ if predicting || asking => tr(l, "story.reveal_next"),
        _ if last => tr(l, "story.finish"),
        _ => tr(l, "story.next"),
    };
    html! {
        <div class="story" data-story-step={index.to_string()}>
            { head }
            <h2 class="step-title" tabindex="-1" ref={heading}>{ step.title.get(lang) }</h2>
            <p class="point">{ step.point.get(lang) }</p>
            if step.ask_room { <p class="ask-room">{ tr(l, "story.ask_room") }</p> }
            if let Some(l) = levers { <p class="story-levers">{ l }</p> }
            { compare_note(l, step) }
            { body }
            <footer class="story-foot">
                <nav class="story-nav" aria-label={tr(l, "story.nav")}>
                    <button type="button" onclick={click(&prev)} disabled={index == 0}>{ tr(l, "story.back") }</button>
                    <button type="button" class="story-next" onclick={click(&next)}>{ next_label }</button>
                    <button type="button" class="small" onclick={click(&p.on_exit)}>{ tr(l, "story.exit") }</button>
                    // In the bar that stays on screen, not below the fold.
                    <span class="hint">{ tr(l, "story.hint") }</span>
                </nav>
                { tools }
                <p class="story-why" aria-live="polite">
                    if *room.nudged && predicting { { tr(l, "story.guess_first") } }
                </p>
            </footer>
        </div>
    }
}

/// A button's click as a `Callback<()>`.
fn click(cb: &Callback<()>) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |_: MouseEvent| cb.emit(()))
}

/// After the last step: what now (back, again, or on to the simulator).
fn end_screen(
    l: Lang,
    heading: NodeRef,
    back: &Callback<()>,
    again: &Callback<()>,
    exit: &Callback<()>,
) -> Html {
    html! { <>
        <h2 class="step-title" tabindex="-1" ref={heading}>{ tr(l, "story.end_title") }</h2>
        <p class="point">{ tr(l, "story.end_text") }</p>
        <footer class="story-foot">
            <nav class="story-nav" aria-label={tr(l, "story.nav")}>
                <button type="button" onclick={click(back)}>{ tr(l, "story.back") }</button>
                <button type="button" class="story-again" onclick={click(again)}>{ tr(l, "story.again") }</button>
                <button type="button" class="story-exit" onclick={click(exit)}>{ tr(l, "story.to_simulator") }</button>
            </nav>
        </footer>
    </> }
}

fn compare_note(l: Lang, step: &crate::story::Step) -> Html {
    let Some(c) = &step.compare else {
        return Html::default();
    };
    let label = c
        .label
        .as_ref()
        .map(|t| t.get(l.code()).to_string())
        .unwrap_or_else(|| "A".into());
    html! { <p class="story-legend">{ trf(l, "story.legend", &[&label]) }</p> }
}

/// The step's view, and the player controls that go in the footer beside the navigation.
fn step_view(l: Lang, p: &StoryProps, room: &Room, predicting: bool, asking: bool) -> (Html, Html) {
    let step = &p.story.0.steps[p.step.min(p.story.0.steps.len() - 1)];
    let (snap, latest) = match (&p.current, step.view) {
        (None, _) => {
            return (
                html! { <p class="muted">{ tr(l, "status.starting") }</p> },
                Html::default(),
            )
        }
        (Some((snap, _)), View::Patience) => {
            return (
                html! { <Patience current={snap.clone()} fit={Fit::StoryGoals} /> },
                Html::default(),
            )
        }
        (Some((snap, latest)), _) => (snap, *latest),
    };
    let metrics = step.view.metrics();
    let predict = step.predict.as_ref();
    let pick = {
        let guess = room.guess.clone();
        Callback::from(move |v: f64| guess.set(Some(v)))
    };
    // One chart across the card, or two side by side (or one beside the levers).
    let fit = match metrics.len() > 1 || step.ask_room {
        true => Fit::StoryTwo,
        false => Fit::StoryOne,
    };
    let charts = metrics.iter().map(|&m| {
        let c = spec(m);
        let (reveal, guess_mark, on_pick) = match predict {
            _ if asking => (Some(0), None, None),
            Some(pr) if predicting => (Some(0), room.guess.map(|g| (pr.day, g)), Some(pick.clone())),
            Some(pr) => (*room.play_day, room.guess.map(|g| (pr.day, g)), None),
            None => (*room.play_day, None, None),
        };
        html! {
            <FanChart metric={m} title={tr(l, c.title)} unit={c.unit} current={snap.clone()} pinned={p.pinned.clone()}
                show_samples={*room.show_samples} stale={!latest} reveal_day={reveal} guess={guess_mark} on_pick={on_pick} {fit} />
        }
    });
    let charts = html! {
        <div class={classes!("story-charts", (metrics.len() > 1).then_some("two"))}>{ for charts }</div>
    };
    let verdict = predict
        .filter(|_| *room.revealed)
        .zip(*room.guess)
        .map(|(pr, g)| verdict(l, snap, metrics[0], pr.day, g));
    let body = html! { <>
        if predicting { { guess_box(l, step, room) } }
        // Above the chart, so the room reads it the moment the fan appears.
        { verdict.unwrap_or_default() }
        if step.ask_room {
            <div class="story-ask"><Levers />{ charts }</div>
        } else {
            { charts }
        }
    </> };
    let tools = if predicting || asking {
        Html::default()
    } else {
        player_tools(l, snap.0.summary.days, room)
    };
    (body, tools)
}

/// How far the room's guess was from the simulated median, and whether it lay in the band.
fn verdict(l: Lang, snap: &Snapshot, metric: crate::model::Metric, day: u32, g: f64) -> Html {
    let band = snap.0.summary.band(metric);
    let d = (day as usize).min(band.p50.len() - 1);
    let median = band.p50[d];
    let unit = spec(metric).unit;
    let off = if median.abs() > 1e-9 {
        percent_signed(l, 100.0 * (g - median) / median)
    } else {
        "—".into()
    };
    let inside = g >= band.p10[d] && g <= band.p90[d];
    let range = tr(
        l,
        if inside {
            "story.inside"
        } else {
            "story.outside"
        },
    );
    let text = trf(
        l,
        "story.verdict",
        &[
            &with_unit(l, g, unit),
            &d,
            &percentile(l, median, unit),
            &off,
            &range,
        ],
    );
    html! { <p class="verdict" data-off={off}>{ text }</p> }
}

/// The question, the room's typed guess and the reveal button.
fn guess_box(l: Lang, step: &crate::story::Step, room: &Room) -> Html {
    let Some(pr) = &step.predict else {
        return Html::default();
    };
    let question = pr
        .question
        .as_ref()
        .map(|q| q.get(l.code()).to_string())
        .unwrap_or_else(|| trf(l, "story.question", &[&pr.day]));
    let typed = {
        let guess = room.guess.clone();
        Callback::from(move |e: Event| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            if let Some(v) = text.parse::<f64>().ok().filter(|v| v.is_finite()) {
                guess.set(Some(v));
            }
        })
    };
    let reveal = {
        let revealed = room.revealed.clone();
        Callback::from(move |_| revealed.set(true))
    };
    // Enter commits the typed guess and reveals, as a form would.
    let on_key = {
        let (guess, revealed) = (room.guess.clone(), room.revealed.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" {
                return;
            }
            let text = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            if let Some(v) = text.parse::<f64>().ok().filter(|v| v.is_finite()) {
                guess.set(Some(v));
                revealed.set(true);
            }
        })
    };
    html! {
        <div class="predict">
            <p class="question">{ question }</p>
            <label>{ tr(l, "story.our_guess") }<input type="number" step="any" class="guess-input"
                value={room.guess.map(|g| format!("{:.0}", g)).unwrap_or_default()} onchange={typed} onkeydown={on_key} /></label>
            <button type="button" class="reveal" onclick={reveal} disabled={room.guess.is_none()}>{ tr(l, "story.reveal") }</button>
            <span class="how">{ tr(l, "story.how_to_guess") }</span>
        </div>
    }
}

fn player_tools(l: Lang, days: u32, room: &Room) -> Html {
    let toggle_samples = {
        let show = room.show_samples.clone();
        Callback::from(move |_| show.set(!*show))
    };
    let on_day = {
        let play_day = room.play_day.clone();
        Callback::from(move |d: Option<u32>| play_day.set(d))
    };
    html! {
        <div class="story-tools">
            <Player {days} day={*room.play_day} {on_day} />
            <label class="toggle"><input type="checkbox" checked={*room.show_samples} onchange={toggle_samples} />{ tr(l, "story.single") }</label>
        </div>
    }
}
