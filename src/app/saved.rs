//! Saved scenarios (in the browser's localStorage): save, load, rename, delete.

use super::{browser, use_app};
use crate::i18n::{tr, trf, Lang};
use crate::state::app_state::Action;
use crate::state::saved::{self, NameProblem, SavedScenario};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavedProps {
    /// The current state as a link query: what "Save" keeps.
    pub query: AttrValue,
}

#[component]
pub fn SavedPanel(p: &SavedProps) -> Html {
    let state = use_app();
    let l = state.lang();
    let loaded = use_memo((), move |_| browser::load_saved(l));
    let list = use_state(|| loaded.0.clone());
    let message = use_state(|| loaded.1.clone());
    let name = use_state(String::new);
    let renaming = use_state(|| None::<(String, String)>);

    let persist = {
        let list = list.clone();
        let message = message.clone();
        move |next: Vec<SavedScenario>, done: String| match browser::store_saved(&next) {
            Ok(()) => {
                list.set(next);
                message.set(Some(done));
            }
            Err(key) => message.set(Some(tr(l, key).to_string())),
        }
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let on_save = {
        let (list, name, message, persist, query) = (
            list.clone(),
            name.clone(),
            message.clone(),
            persist.clone(),
            p.query.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut next = (*list).clone();
            match saved::save(&mut next, &name, &query) {
                Ok(()) => {
                    persist(next, trf(l, "saved.saved", &[&name.trim()]));
                    name.set(String::new());
                }
                Err(e) => message.set(Some(trf(l, "saved.not_saved", &[&name_problem(l, &e)]))),
            }
        })
    };
    let items = list.iter().map(|s| {
        let load = {
            let (dispatch, q, n, message) = (state.dispatcher(), s.query.clone(), s.name.clone(), message.clone());
            Callback::from(move |_| {
                dispatch.dispatch(Action::LoadQuery(q.clone()));
                message.set(Some(trf(l, "saved.loaded", &[&n])));
            })
        };
        let delete = {
            let (list, n, persist) = (list.clone(), s.name.clone(), persist.clone());
            Callback::from(move |_| {
                let mut next = (*list).clone();
                saved::delete(&mut next, &n);
                persist(next, trf(l, "saved.deleted", &[&n]));
            })
        };
        let start_rename = {
            let (renaming, n) = (renaming.clone(), s.name.clone());
            Callback::from(move |_| renaming.set(Some((n.clone(), n.clone()))))
        };
        let editing = renaming.as_ref().filter(|(from, _)| *from == s.name).map(|(_, to)| to.clone());
        html! {
            <li data-saved={s.name.clone()}>
                if let Some(to) = editing {
                    <form class="rename" onsubmit={{
                        let (list, renaming, persist, message, from) = (list.clone(), renaming.clone(), persist.clone(), message.clone(), s.name.clone());
                        Callback::from(move |e: SubmitEvent| {
                            e.prevent_default();
                            let to = renaming.as_ref().map(|r| r.1.clone()).unwrap_or_default();
                            let mut next = (*list).clone();
                            match saved::rename(&mut next, &from, &to) {
                                Ok(()) => { persist(next, trf(l, "saved.renamed", &[&to.trim()])); renaming.set(None); }
                                Err(e) => message.set(Some(trf(l, "saved.not_renamed", &[&name_problem(l, &e)]))),
                            }
                        })
                    }}>
                        <input type="text" aria-label={tr(l, "saved.new_name")} value={to} oninput={{
                            let (renaming, from) = (renaming.clone(), s.name.clone());
                            Callback::from(move |e: InputEvent| {
                                let to = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                                renaming.set(Some((from.clone(), to)));
                            })
                        }} />
                        <button type="submit" class="small">{ tr(l, "saved.ok") }</button>
                    </form>
                } else {
                    <span class="saved-name">{ s.name.clone() }</span>
                    <span class="saved-actions">
                        <button type="button" class="small" onclick={load}>{ tr(l, "saved.load") }</button>
                        <button type="button" class="small" onclick={start_rename}>{ tr(l, "saved.rename") }</button>
                        <button type="button" class="small danger" onclick={delete} aria-label={trf(l, "saved.delete_aria", &[&s.name])}>{ tr(l, "saved.delete") }</button>
                    </span>
                }
            </li>
        }
    });
    html! {
        <section class="panel saved" aria-labelledby="saved-title">
            <h3 id="saved-title">{ tr(l, "saved.title") }</h3>
            <form class="save-form" onsubmit={on_save}>
                <input type="text" placeholder={tr(l, "saved.placeholder")} aria-label={tr(l, "saved.name_aria")} value={(*name).clone()} oninput={on_name} maxlength="80" />
                <button type="submit">{ tr(l, "saved.save") }</button>
            </form>
            if let Some(m) = &*message { <p class="panel-message" role="status">{ m }</p> }
            if list.is_empty() { <p class="muted">{ tr(l, "saved.empty") }</p> }
            <ul class="saved-list">{ for items }</ul>
        </section>
    }
}

/// Why a name was refused, in the interface language.
fn name_problem(l: Lang, p: &NameProblem) -> String {
    match p {
        NameProblem::Empty => tr(l, "saved.name_empty").to_string(),
        NameProblem::TooLong => trf(l, "saved.name_too_long", &[&saved::MAX_NAME]),
        NameProblem::Taken(n) => trf(l, "saved.name_taken", &[n]),
        NameProblem::NotFound(n) => trf(l, "saved.name_missing", &[n]),
    }
}
