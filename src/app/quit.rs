//! "What if we quit at day X?": the day the overlay stops the programme.

use super::use_app;
use super::whole_box::WholeBox;
use crate::i18n::{tr, trf};
use crate::model::params::MAX_DAYS;
use crate::state::app_state::Action;
use yew::prelude::*;

#[component]
pub fn QuitPanel() -> Html {
    let state = use_app();
    let l = state.lang();
    let s = &state.shared;
    let on_set = {
        let dispatch = state.dispatcher();
        Callback::from(move |day: u64| dispatch.dispatch(Action::SetQuit(day as u32)))
    };
    // Quitting on the last day or later changes nothing: the horizon is the largest day.
    let horizon = s.scenario.assumptions.horizon_days.min(MAX_DAYS);
    html! {
        <section class="panel quit">
            <label for="quit-day">{ tr(l, "quit.label") }</label>
            <WholeBox id="quit-day" lang={l} value={s.quit as u64} min={0} max={horizon as u64} {on_set} />
            <p class="meaning">{ if s.quit > 0 { trf(l, "quit.on", &[&s.quit]) } else { tr(l, "quit.off").to_string() } }</p>
        </section>
    }
}
