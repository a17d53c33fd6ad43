//! "What if we quit at day X?": the day the overlay stops the programme.

use super::use_app;
use crate::i18n::{tr, trf};
use crate::model::params::MAX_DAYS;
use crate::state::app_state::Action;
use yew::prelude::*;

#[component]
pub fn QuitPanel() -> Html {
    let state = use_app();
    let l = state.lang();
    let s = &state.shared;
    let on_change = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let day = text.trim().parse::<f64>().unwrap_or(0.0);
            dispatch.dispatch(Action::SetQuit(
                day.clamp(0.0, MAX_DAYS as f64).round() as u32
            ))
        })
    };
    html! {
        <section class="panel quit">
            <label for="quit-day">{ tr(l, "quit.label") }</label>
            <input id="quit-day" type="number" min="0" max={s.scenario.assumptions.horizon_days.to_string()} step="1"
                value={s.quit.to_string()} onchange={on_change} />
            <p class="meaning">{ if s.quit > 0 { trf(l, "quit.on", &[&s.quit]) } else { tr(l, "quit.off").to_string() } }</p>
        </section>
    }
}
