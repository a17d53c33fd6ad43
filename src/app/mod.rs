//! The Yew web app. Depends on `crate::model`, `crate::state` and `crate::view`; nothing there
//! depends on it. All state is one [`AppState`] in a reducer, shared with the components
//! through [`AppContext`]; the Monte Carlo runs in a pool of Web Workers ([`pool::use_sim_pool`]).

mod browser;
mod chart_frame;
mod class;
mod compare;
mod controls;
mod download;
mod explore;
mod export;
mod fan_chart;
mod handout;
mod header;
mod hooks;
mod legend;
mod panic;
mod patience;
mod play;
mod player;
mod pool;
mod quit;
mod results;
mod saved;
mod story;
mod weekly_chart;
mod whole_box;
mod why;
mod worker_script;
mod your_page;

use crate::i18n::{tr, Lang};
use crate::state::app_state::{Action, AppState};
use crate::state::jobs::Progress;
use crate::state::link;
use std::rc::Rc;
use yew::prelude::*;

/// A result as shown on screen; compared by identity so charts re-render only on new data.
pub type Snapshot = Same<Progress>;

/// A shared value compared by identity: cheap to pass as a prop, equal only to itself.
pub struct Same<T>(pub Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> Same<T> {
    /// A value and the flag beside it (a result and whether it answers the latest request).
    pub fn flagged((value, flag): (Rc<T>, bool)) -> (Same<T>, bool) {
        (Same(value), flag)
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // The watchdog ticks every second: a tick that changes nothing re-renders nothing.
        if let Action::Tick(at, heard) = action {
            if self.stalled_at(at, heard) == self.stalled {
                return self;
            }
        }
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// The app's state and its dispatcher, for every component below the root.
pub type AppContext = UseReducerHandle<AppState>;

/// A callback that dispatches the action `make` builds, whatever the event (a button's click).
pub fn send<E: 'static>(state: &AppContext, make: impl Fn() -> Action + 'static) -> Callback<E> {
    let dispatch = state.dispatcher();
    Callback::from(move |_: E| dispatch.dispatch(make()))
}

/// The state from context (every component is rendered inside the root's provider).
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("rendered inside App")
}

#[component]
fn App() -> Html {
    let state = use_reducer(|| {
        let browser_lang = gloo::utils::window()
            .navigator()
            .language()
            .as_deref()
            .and_then(Lang::from_code);
        AppState::new(&browser::query(), browser_lang, js_sys::Date::now())
    });
    let l = state.lang();
    panic::set_language(l);
    hooks::use_document_language(l);
    pool::use_sim_pool(&state);
    hooks::use_watchdog(state.dispatcher());
    use_effect_with(state.shared.clone(), |s| {
        browser::replace_query(&link::encode(s))
    });

    // The handout is a view of the page, not of the link: closing it returns to the same state.
    let handout = use_state(|| false);
    let toggle = {
        let handout = handout.clone();
        handout::HandoutToggle(Callback::from(move |on: bool| {
            handout.set(on);
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }))
    };
    let page = if state.story.is_some() {
        html! { <story::StoryPage /> }
    } else if state.game.is_some() {
        html! { <play::GamePage /> }
    } else if state.shared.class.is_some() {
        html! { <class::ClassPage /> }
    } else if state.shared.page.is_some() {
        html! { <your_page::YourPage /> }
    } else if *handout {
        html! { <handout::HandoutPage /> }
    } else if state.shared.explore.is_some() {
        html! { <explore::ExplorerPage /> }
    } else {
        html! { <MainPage /> }
    };
    html! {
        <ContextProvider<AppContext> context={state}>
            <ContextProvider<Lang> context={l}>
                <ContextProvider<handout::HandoutToggle> context={toggle}>{ page }</ContextProvider<handout::HandoutToggle>>
            </ContextProvider<Lang>>
        </ContextProvider<AppContext>>
    }
}

/// The stage of the first mount at which the panels below the levers are added: first the
/// shell, the levers and the charts' boxes, each later stage in a task of its own.
const PANELS: u8 = 1;

/// The workshop view: the headline (leads and the pay-off verdict) with the levers, then the
/// other charts (compact when embedded). The headline and the levers share a `.deck`, inside
/// which a phone keeps the leads chart on screen while a lever moves (static/style.css).
#[component]
fn MainPage() -> Html {
    let state = use_app();
    let l = state.lang();
    let s = &state.shared;
    // Back from the explorer: the focus goes where `focus_next` says, not to the page body.
    // (A return is not a first visit: everything at once, so the focus has its target.)
    let next = state.focus_next.clone();
    let stage = hooks::use_stage(true, if next.is_some() { PANELS } else { 0 }, PANELS);
    use_effect_with((), move |_| {
        if let Some(id) = next {
            hooks::focus(&id);
        }
    });
    // "Play the year": held here, not in the app state, so a tick re-renders the charts only.
    let play_day = use_state(|| None::<u32>);
    let on_day = {
        let play_day = play_day.clone();
        Callback::from(move |d: Option<u32>| play_day.set(d))
    };
    let chart_stage = results::use_chart_stage(&state);
    let ready = stage >= PANELS;
    let panels = ready && !s.embed;
    html! {
        <div class={classes!("page", "workshop", s.embed.then_some("embed"))} data-app-ready={ready.then_some("true")}
            data-stage={stage.to_string()} data-query={link::encode(s)} lang={l.code()}>
            <a class="skip-link" href="#charts">{ tr(l, "app.skip") }</a>
            <header::Masthead />
            <header::Notices />
            <div class="layout">
                <div class="deck">
                    <aside class="controls" id="levers" tabindex="-1" aria-label={tr(l, "app.levers_aria")}>
                        <controls::Presets />
                        <controls::Levers />
                        if panels {
                            <controls::Assumptions />
                            <compare::ComparePanel />
                            <quit::QuitPanel />
                            <story::trainer::TrainerPanel />
                            <saved::SavedPanel query={AttrValue::from(link::encode(s))} />
                            <export::ExportPanel />
                        }
                    </aside>
                    { results::headline(&state, &results::PlayProps { play_day: *play_day, on_day, stage: chart_stage }) }
                </div>
                if !s.embed {
                    <results::Results play_day={*play_day} stage={chart_stage} />
                }
            </div>
            if !s.embed {
                // On a phone the charts come first; this bar is one tap from either.
                <nav class="jump" aria-label={tr(l, "app.jump_aria")}>
                    <a href="#charts">{ tr(l, "app.jump_charts") }</a>
                    <a href="#levers">{ tr(l, "app.jump_levers") }</a>
                </nav>
            }
        </div>
    }
}

/// Mount the app into the page, replacing the static loading notice.
pub fn start() {
    panic::install();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has an #app element");
    // The default link's leads chart, drawn at build time, stays until the first picture.
    let first_chart = root
        .query_selector("[data-static-chart] svg")
        .ok()
        .flatten()
        .map(|svg| svg.outer_html());
    results::keep_first_chart(first_chart);
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
    // `?debug=panic` panics on purpose, so the crash banner can be tested in a real browser.
    if browser::query()
        .split(['?', '&'])
        .any(|p| p == "debug=panic")
    {
        gloo::timers::callback::Timeout::new(300, || panic!("debug=panic: a deliberate panic"))
            .forget();
    }
}
