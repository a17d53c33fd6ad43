//! "Play the year": animates the simulation day by day (play, pause, step, speed).

use crate::i18n::{tr, trf, Lang};
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlayerProps {
    pub days: u32,
    /// The day shown, or `None` for the whole horizon.
    pub day: Option<u32>,
    pub on_day: Callback<Option<u32>>,
}

/// Days advanced per second at each speed setting.
const SPEEDS: [(u32, &str); 3] = [(30, "play.month"), (91, "play.quarter"), (365, "play.year")];
const TICK_MS: u32 = 50;

#[component]
pub fn Player(p: &PlayerProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let playing = use_state(|| false);
    let speed = use_state(|| 0usize);
    let day = use_mut_ref(|| Rc::new(Cell::new(p.day.unwrap_or(p.days))));
    day.borrow().set(p.day.unwrap_or(p.days));
    let timer = use_mut_ref(|| None::<Interval>);
    // Whether the timer runs, set where it starts and stops: a test waits for it to stop.
    let ticking = use_state_eq(|| false);

    {
        let (timer, ticking, day, on_day, playing_h, days) = (
            timer.clone(),
            ticking.clone(),
            day.borrow().clone(),
            p.on_day.clone(),
            playing.clone(),
            p.days,
        );
        use_effect_with((*playing, *speed), move |(playing, speed)| {
            *timer.borrow_mut() = None;
            if *playing {
                let per_tick = (SPEEDS[*speed].0 * TICK_MS) as f64 / 1000.0;
                let progress = Rc::new(Cell::new(day.get() as f64));
                *timer.borrow_mut() = Some(Interval::new(TICK_MS, move || {
                    let next = (progress.get() + per_tick).min(days as f64);
                    progress.set(next);
                    day.set(next as u32);
                    on_day.emit(Some(next as u32));
                    if next as u32 >= days {
                        playing_h.set(false);
                    }
                }));
            }
            ticking.set(*playing);
        });
    }
    let toggle = {
        let (playing, on_day, day, days) = (playing.clone(), p.on_day.clone(), p.day, p.days);
        Callback::from(move |_| {
            if !*playing && day.is_none_or(|d| d >= days) {
                on_day.emit(Some(0)); // start from the beginning
            }
            playing.set(!*playing)
        })
    };
    let step = {
        let (on_day, day, days, playing) = (p.on_day.clone(), p.day, p.days, playing.clone());
        Callback::from(move |_| {
            playing.set(false);
            on_day.emit(Some((day.unwrap_or(0) + 7).min(days)))
        })
    };
    let show_all = {
        let (on_day, playing) = (p.on_day.clone(), playing.clone());
        Callback::from(move |_| {
            playing.set(false);
            on_day.emit(None)
        })
    };
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |_| speed.set((*speed + 1) % SPEEDS.len()))
    };
    let shown = p.day.map_or(p.days, |d| d.min(p.days));
    html! {
        <div class="player" role="group" aria-label={tr(l, "play.group")} data-ticking={ticking.to_string()}>
            <button type="button" class="play" onclick={toggle} aria-pressed={playing.to_string()}>
                { play_icon(*playing) }{ " " }
                { if *playing { tr(l, "play.pause") } else { tr(l, "play.play") } }
            </button>
            <button type="button" class="small" onclick={step} title={tr(l, "play.week_title")}>{ tr(l, "play.week") }</button>
            <button type="button" class="small" onclick={on_speed} title={tr(l, "play.speed_title")}>{ tr(l, SPEEDS[*speed].1) }</button>
            <button type="button" class="small" onclick={show_all} disabled={p.day.is_none()}>{ tr(l, "play.all") }</button>
            <span class="day-counter" data-day={shown.to_string()} aria-live="off">{ trf(l, "play.day", &[&shown]) }</span>
        </div>
    }
}

/// The play or pause symbol drawn, not typed: the pause glyph (U+23F8) is missing from
/// common Linux fonts and showed as an empty box.
fn play_icon(playing: bool) -> Html {
    let shape = if playing {
        html! { <path d="M2,1h3.5v12h-3.5zM8.5,1h3.5v12h-3.5z" /> }
    } else {
        html! { <path d="M2,1l11,6l-11,6z" /> }
    };
    html! {
        <svg class="play-icon" viewBox="0 0 14 14" width="14" height="14" fill="currentColor" aria-hidden="true">{ shape }</svg>
    }
}
