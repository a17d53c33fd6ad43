//! Trainer mode: a story told step by step on a projector. Space / → next, ← back, Esc exits.
//! Steps may ask the room to predict before the reveal, and can play the year day by day.

use super::chart::FanChart;
use super::format::{levers_text, percent_signed, percentile, with_unit, Lang};
use super::patience::Patience;
use super::player::Player;
use super::{ChartSpec, Snapshot, CHARTS};
use crate::i18n::{tr, trf};
use crate::model::Metric;
use crate::story::{Story, View};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A story compared by identity (it is parsed once).
#[derive(Clone)]
pub struct StoryRef(pub Rc<Story>);

impl PartialEq for StoryRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct StoryProps {
    pub story: StoryRef,
    pub step: usize,
    pub current: Option<(Snapshot, bool)>,
    #[prop_or_default]
    pub pinned: Option<Snapshot>,
    pub on_step: Callback<usize>,
    pub on_exit: Callback<()>,
    /// The simulation status line (runs done, or "updating").
    #[prop_or_default]
    pub status: Html,
    /// The lever panel, for steps where the room sets the levers.
    #[prop_or_default]
    pub levers: Html,
}

fn spec(metric: Metric) -> &'static ChartSpec {
    CHARTS
        .iter()
        .find(|c| c.metric == metric)
        .expect("every metric has a chart")
}

#[component]
pub fn StoryMode(p: &StoryProps) -> Html {
    let story = &p.story.0;
    let n = story.steps.len();
    let index = p.step.min(n - 1);
    let step = &story.steps[index];
    let l = use_context::<Lang>().unwrap_or_default();
    let lang = l.code();
    let guess = use_state(|| None::<f64>);
    let revealed = use_state(|| false);
    let play_day = use_state(|| step.day);
    let show_samples = use_state(|| false);
    // A new step starts unrevealed, with its own reveal day.
    {
        let (guess, revealed, play_day, day) =
            (guess.clone(), revealed.clone(), play_day.clone(), step.day);
        use_effect_with(index, move |_| {
            guess.set(None);
            revealed.set(false);
            play_day.set(day);
        });
    }
    let predicting = step.predict.is_some() && !*revealed;
    // The room sets the levers; the fan stays hidden until the reveal.
    let asking = step.ask_room && !*revealed;
    let next = {
        let (on_step, revealed, guess) = (p.on_step.clone(), revealed.clone(), guess.clone());
        Callback::from(move |_: ()| {
            if predicting {
                if guess.is_some() {
                    revealed.set(true);
                }
            } else if asking {
                revealed.set(true);
            } else if index + 1 < n {
                on_step.emit(index + 1);
            }
        })
    };
    let prev = {
        let on_step = p.on_step.clone();
        Callback::from(move |_: ()| on_step.emit(index.saturating_sub(1)))
    };
    // Keys work anywhere on the page, except while typing in a field.
    {
        let (next, prev, exit, on_step) = (
            next.clone(),
            prev.clone(),
            p.on_exit.clone(),
            p.on_step.clone(),
        );
        use_effect_with((index, predicting, asking, guess.is_some()), move |_| {
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |e| {
                    let e: &web_sys::KeyboardEvent = e.unchecked_ref();
                    let typing = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        });
                    if typing || e.alt_key() || e.ctrl_key() || e.meta_key() {
                        return;
                    }
                    match e.key().as_str() {
                        " " | "ArrowRight" | "PageDown" => next.emit(()),
                        "ArrowLeft" | "PageUp" => prev.emit(()),
                        "Home" => on_step.emit(0),
                        "End" => on_step.emit(n - 1),
                        "Escape" => exit.emit(()),
                        _ => return,
                    }
                    e.prevent_default();
                },
            );
            move || drop(listener)
        });
    }

    // The view, and the player controls that go in the footer beside the navigation.
    let (body, tools) = match (&p.current, step.view) {
        (None, _) => (
            html! { <p class="muted">{ tr(l, "status.starting") }</p> },
            None,
        ),
        (Some((snap, _)), View::Patience) => (html! { <Patience current={snap.clone()} /> }, None),
        (Some((snap, latest)), view) => {
            let metrics = view.metrics();
            let days = snap.0.summary.days;
            let predict = step.predict.as_ref();
            let pick = {
                let guess = guess.clone();
                Callback::from(move |v: f64| guess.set(Some(v)))
            };
            let charts = metrics.iter().map(|&m| {
                let c = spec(m);
                let (reveal, guess_mark, on_pick) = match predict {
                    _ if asking => (Some(0), None, None),
                    Some(pr) if predicting => (Some(0), guess.map(|g| (pr.day, g)), Some(pick.clone())),
                    Some(pr) => (*play_day, guess.map(|g| (pr.day, g)), None),
                    None => (*play_day, None, None),
                };
                html! {
                    <FanChart metric={m} title={tr(l, c.title)} unit={c.unit} current={snap.clone()} pinned={p.pinned.clone()}
                        show_samples={*show_samples} stale={!*latest} reveal_day={reveal} guess={guess_mark} on_pick={on_pick} />
                }
            });
            let verdict = predict.filter(|_| *revealed).zip(*guess).map(|(pr, g)| {
                let band = snap.0.summary.band(metrics[0]);
                let d = (pr.day as usize).min(band.p50.len() - 1);
                let median = band.p50[d];
                let unit = spec(metrics[0]).unit;
                let off = if median.abs() > 1e-9 {
                    percent_signed(l, 100.0 * (g - median) / median)
                } else {
                    "—".into()
                };
                let inside = g >= band.p10[d] && g <= band.p90[d];
                let range = if inside {
                    tr(l, "story.inside")
                } else {
                    tr(l, "story.outside")
                };
                html! { <p class="verdict" data-off={off.clone()}>{ trf(l, "story.verdict",
                &[&with_unit(l, g, unit), &d, &percentile(l, median, unit), &off, &range]) }</p> }
            });
            let guess_box = predict.filter(|_| predicting).map(|pr| {
                let question = pr.question.as_ref().map(|q| q.get(lang).to_string()).unwrap_or_else(|| trf(l, "story.question", &[&pr.day]));
                let typed = {
                    let guess = guess.clone();
                    Callback::from(move |e: Event| {
                        if let Some(v) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).and_then(|i| i.value().parse::<f64>().ok()).filter(|v| v.is_finite()) {
                            guess.set(Some(v));
                        }
                    })
                };
                let reveal = {
                    let revealed = revealed.clone();
                    Callback::from(move |_| revealed.set(true))
                };
                html! {
                    <div class="predict">
                        <p class="question">{ question }</p>
                        <label>{ tr(l, "story.our_guess") }<input type="number" step="any" class="guess-input"
                            value={guess.map(|g| format!("{:.0}", g)).unwrap_or_default()} onchange={typed} /></label>
                        <button type="button" class="reveal" onclick={reveal} disabled={guess.is_none()}>{ tr(l, "story.reveal") }</button>
                        <span class="how">{ tr(l, "story.how_to_guess") }</span>
                    </div>
                }
            });
            let toggle_samples = {
                let show_samples = show_samples.clone();
                Callback::from(move |_| show_samples.set(!*show_samples))
            };
            let on_day = {
                let play_day = play_day.clone();
                Callback::from(move |d: Option<u32>| play_day.set(d))
            };
            let tools = (!predicting && !asking).then(|| html! {
                <div class="story-tools">
                    <Player days={days} day={*play_day} on_day={on_day} />
                    <label class="toggle"><input type="checkbox" checked={*show_samples} onchange={toggle_samples} />{ tr(l, "story.single") }</label>
                </div>
            });
            let charts = html! {
                <div class={classes!("story-charts", (metrics.len() > 1).then_some("two"))}>{ for charts }</div>
            };
            let body = html! {
                <>
                    { guess_box.unwrap_or_default() }
                    // Above the chart, so the room reads it the moment the fan appears.
                    { verdict.unwrap_or_default() }
                    if step.ask_room {
                        <div class="story-ask">{ p.levers.clone() }{ charts }</div>
                    } else {
                        { charts }
                    }
                </>
            };
            (body, tools)
        }
    };
    let compare_note = step.compare.as_ref().map(|c| {
        let label = c
            .label
            .as_ref()
            .map(|l| l.get(lang).to_string())
            .unwrap_or_else(|| "A".into());
        html! { <p class="story-legend">{ trf(l, "story.legend", &[&label]) }</p> }
    });
    let levers = p
        .current
        .as_ref()
        .map(|(s, _)| levers_text(l, "story.levers", &s.0.summary.scenario.levers));
    let on_prev = {
        let prev = prev.clone();
        Callback::from(move |_| prev.emit(()))
    };
    let on_next = {
        let next = next.clone();
        Callback::from(move |_| next.emit(()))
    };
    let on_exit = {
        let exit = p.on_exit.clone();
        Callback::from(move |_| exit.emit(()))
    };
    html! {
        <div class="story" data-story-step={index.to_string()}>
            <header class="story-head">
                <span class="story-title">{ story.title.get(lang) }</span>
                { p.status.clone() }
                <span class="story-count">{ trf(l, "story.step", &[&(index + 1), &n]) }</span>
            </header>
            <h2 class="step-title">{ step.title.get(lang) }</h2>
            <p class="point">{ step.point.get(lang) }</p>
            if step.ask_room { <p class="ask-room">{ tr(l, "story.ask_room") }</p> }
            if let Some(l) = levers { <p class="story-levers">{ l }</p> }
            { compare_note.unwrap_or_default() }
            { body }
            <footer class="story-foot">
            <nav class="story-nav">
                <button type="button" onclick={on_prev} disabled={index == 0}>{ tr(l, "story.back") }</button>
                <button type="button" onclick={on_next} disabled={(index + 1 == n && !predicting && !asking) || (predicting && guess.is_none())}>
                    { if predicting || asking { tr(l, "story.reveal_next") } else { tr(l, "story.next") } }
                </button>
                <button type="button" class="small" onclick={on_exit}>{ tr(l, "story.exit") }</button>
            </nav>
            { tools.unwrap_or_default() }
            </footer>
            <p class="hint">{ tr(l, "story.hint") }</p>
        </div>
    }
}
