//! The top of the page: title, language switch, tagline (or, embedded, a link to the full
//! app), and the notices about what could not be used.

use super::{send, use_app};
use crate::i18n::{tr, LANGS};
use crate::state::app_state::Action;
use crate::state::link::{self, Shared};
use crate::view::messages::notice_text;
use yew::prelude::*;

#[component]
pub fn Masthead() -> Html {
    let state = use_app();
    let (l, s) = (state.lang(), &state.shared);
    let full_app = format!(
        "./?{}",
        link::encode(&Shared {
            embed: false,
            ..s.clone()
        })
    );
    html! {
        <header class="masthead">
            <h1>{ tr(l, "app.title") }</h1>
            <LangSwitch />
            if !s.embed {
                <button type="button" class="small open-page" onclick={send(&state, || Action::Page(Some(String::new())))}>{ tr(l, "page.open") }</button>
            }
            if s.embed {
                <a class="open-full" href={full_app} target="_blank" rel="noopener">{ tr(l, "app.open_full") }</a>
            } else {
                <p class="tagline">{ tr(l, "app.tagline") }</p>
            }
        </header>
    }
}

#[component]
pub fn LangSwitch() -> Html {
    let state = use_app();
    let l = state.lang();
    let on_change = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetLang(select.value()))
        })
    };
    html! {
        <label class="lang-switch">{ tr(l, "app.language") }{" "}
            <select onchange={on_change} aria-label={tr(l, "app.language")}>
                { for LANGS.iter().map(|x| html! {
                    <option value={x.code()} selected={*x == l}>{ x.name() }</option>
                }) }
            </select>
        </label>
    }
}

#[component]
pub fn Notices() -> Html {
    let state = use_app();
    let l = state.lang();
    if state.notices.is_empty() {
        return Html::default();
    }
    let dismiss = send(&state, || Action::DismissNotices);
    html! {
        <div class="notices" role="alert">
            <ul>{ for state.notices.iter().map(|n| html! { <li>{ notice_text(l, n) }</li> }) }</ul>
            <button type="button" class="small" onclick={dismiss}>{ tr(l, "notice.dismiss") }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ModeProps {
    pub title: AttrValue,
    /// The way back to the simulator: its words and its class (tests and styles find it by it).
    pub exit: (AttrValue, &'static str),
    pub on_exit: Callback<MouseEvent>,
    /// Shown after the title (e.g. the game's day).
    #[prop_or_default]
    pub children: Html,
}

/// The top of a mode's page (game, class, explorer): its title, the language and the way back,
/// then the notices.
#[component]
pub fn ModeMasthead(p: &ModeProps) -> Html {
    html! {
        <>
            <header class="masthead">
                <h1>{ p.title.clone() }</h1>
                { p.children.clone() }
                <LangSwitch />
                <button type="button" class={classes!("small", p.exit.1)} onclick={p.on_exit.clone()}>{ p.exit.0.clone() }</button>
            </header>
            <Notices />
        </>
    }
}
