//! The trainer panel: start the default story, or load a story file.

use crate::app::hooks::{use_file_text, ReadProblem};
use crate::app::{send, use_app};
use crate::i18n::tr;
use crate::state::app_state::{Action, ClassAction, ExploreAction, PlayAction, StoryAction};
use crate::view::messages::story_refusal_text;
use yew::prelude::*;

#[component]
pub fn TrainerPanel() -> Html {
    let state = use_app();
    let l = state.lang();
    let start = send(&state, || Action::Story(StoryAction::Start));
    let play = send(&state, || Action::Play(PlayAction::Start));
    let class = send(&state, || Action::Class(ClassAction::Open));
    let explore = send(&state, || Action::Explore(ExploreAction::Open));
    let load = use_file_text({
        let dispatch = state.dispatcher();
        Callback::from(move |(name, text): (String, Result<String, ReadProblem>)| {
            dispatch.dispatch(match text {
                Ok(text) => Action::Story(StoryAction::File { name, text }),
                Err(why) => Action::Story(StoryAction::Unreadable(name, why)),
            })
        })
    });
    html! {
        <section class="panel trainer" aria-labelledby="trainer-title">
            <h2 id="trainer-title">{ tr(l, "trainer.title") }</h2>
            <p class="meaning">{ tr(l, "trainer.help") }</p>
            <button type="button" class="start-story" onclick={start}>{ tr(l, "trainer.start") }</button>
            <label class="import">{ tr(l, "trainer.load") }
                <input type="file" accept=".json,application/json" class="story-file" onchange={load} />
            </label>
            <h3>{ tr(l, "play.panel_title") }</h3>
            <p class="meaning">{ tr(l, "play.panel_help") }</p>
            <div class="trainer-buttons">
                <button type="button" class="start-game" onclick={play}>{ tr(l, "play.start") }</button>
                <button type="button" class="open-class" onclick={class}>{ tr(l, "class.open") }</button>
                <button type="button" id="open-explorer" class="open-explorer" onclick={explore}>{ tr(l, "explore.open") }</button>
            </div>
            if let Some(r) = &state.story_refusal { <p class="panel-message" role="alert">{ story_refusal_text(l, r) }</p> }
        </section>
    }
}
