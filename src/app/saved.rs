//! Saved scenarios (in the browser's localStorage): save, load, rename, delete. Saving over
//! an existing name asks first; a delete removes only the chosen entry and can be undone.
//! Every change reads the stored list, changes it and writes it back, and the panel follows
//! the `storage` event, so what another tab saved is never lost.

use super::{browser, use_app};
use crate::i18n::{tr, trf, Lang};
use crate::state::app_state::Action;
use crate::state::saved::{self, Deleted, NameProblem, SavedScenario};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavedProps {
    /// The current state as a link query: what "Save" keeps.
    pub query: AttrValue,
}

/// A question or offer waiting under the save form.
#[derive(Clone, PartialEq)]
enum Pending {
    /// "A scenario called … exists. Replace it?"
    Replace(String),
    /// "Deleted …" with an undo.
    Undo(Deleted),
}

/// The panel's state: the list as stored, the last message and what waits for an answer.
#[derive(Clone, PartialEq)]
struct Panel {
    list: UseStateHandle<Vec<SavedScenario>>,
    message: UseStateHandle<Option<String>>,
    pending: UseStateHandle<Option<Pending>>,
    /// The entry being renamed, by its name (another tab may reorder the list meanwhile), and
    /// the new name as typed so far.
    renaming: UseStateHandle<Option<(String, String)>>,
    lang: Lang,
}

impl Panel {
    /// The list as stored now (another tab may have saved since), else the one shown.
    fn stored(&self) -> Vec<SavedScenario> {
        browser::read_saved().unwrap_or_else(|| (*self.list).clone())
    }

    /// Where the entry shown at `index` stands in `list` now, if it is still there.
    fn find(&self, list: &[SavedScenario], index: usize) -> Option<usize> {
        let shown = self.list.get(index)?;
        list.iter().position(|s| s == shown)
    }

    /// Stores `next`; on success shows it and says `done`.
    fn persist(&self, next: Vec<SavedScenario>, done: String, pending: Option<Pending>) {
        match browser::store_saved(&next) {
            Ok(()) => {
                self.list.set(next);
                self.message.set(Some(done));
                self.pending.set(pending);
            }
            Err(key) => self.message.set(Some(tr(self.lang, key).to_string())),
        }
    }

    /// Saves under `name`; an existing name is replaced only with `replace`.
    fn save(&self, name: &str, query: &str, replace: bool) -> bool {
        let l = self.lang;
        let mut next = self.stored();
        match saved::save(&mut next, name, query, replace) {
            Ok(()) => {
                self.persist(next, trf(l, "saved.saved", &[&name.trim()]), None);
                true
            }
            Err(NameProblem::Taken(n)) => {
                self.message.set(None);
                self.pending.set(Some(Pending::Replace(n)));
                false
            }
            Err(e) => {
                let text = trf(l, "saved.not_saved", &[&name_problem(l, &e)]);
                self.message.set(Some(text));
                false
            }
        }
    }

    fn delete(&self, index: usize) {
        let mut next = self.stored();
        let at = self.find(&next, index);
        match at.and_then(|at| saved::delete(&mut next, at)) {
            Some(d) => {
                let done = trf(self.lang, "saved.deleted", &[&d.entry.name]);
                self.persist(next, done, Some(Pending::Undo(d)));
            }
            None => self.list.set(next), // deleted in another tab already
        }
    }

    fn undo(&self, d: Deleted) {
        let mut next = self.stored();
        let done = trf(self.lang, "saved.restored", &[&d.entry.name]);
        saved::restore(&mut next, d);
        self.persist(next, done, None);
    }

    fn rename(&self, from: &str, to: &str) {
        let l = self.lang;
        let mut next = self.stored();
        match saved::rename(&mut next, from, to) {
            Ok(()) => {
                self.persist(next, trf(l, "saved.renamed", &[&to.trim()]), None);
                self.renaming.set(None);
            }
            Err(e) => {
                let text = trf(l, "saved.not_renamed", &[&name_problem(l, &e)]);
                self.message.set(Some(text));
            }
        }
    }
}

#[component]
pub fn SavedPanel(p: &SavedProps) -> Html {
    let state = use_app();
    let l = state.lang();
    let loaded = use_memo((), move |_| browser::load_saved(l));
    let panel = Panel {
        list: use_state(|| loaded.0.clone()),
        message: use_state(|| loaded.1.clone()),
        pending: use_state(|| None::<Pending>),
        renaming: use_state(|| None::<(String, String)>),
        lang: l,
    };
    {
        // Another tab saved, renamed or deleted: show the list as stored.
        let list = panel.list.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listener = gloo::events::EventListener::new(&window, "storage", move |_| {
                if let Some(stored) = browser::read_saved() {
                    list.set(stored);
                }
            });
            move || drop(listener)
        });
    }
    let name = use_state(String::new);
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
        let (panel, name, query) = (panel.clone(), name.clone(), p.query.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if panel.save(&name, &query, false) {
                name.set(String::new());
            }
        })
    };
    let load = {
        let (dispatch, panel) = (state.dispatcher(), panel.clone());
        Callback::from(move |i: usize| {
            let s = &panel.list[i];
            dispatch.dispatch(Action::LoadQuery(s.query.clone()));
            panel.message.set(Some(trf(l, "saved.loaded", &[&s.name])));
        })
    };
    let pending = pending_view(&panel, &name, &p.query);
    html! {
        <section class="panel saved" aria-labelledby="saved-title">
            <h2 id="saved-title">{ tr(l, "saved.title") }</h2>
            <form class="save-form" onsubmit={on_save}>
                <input type="text" placeholder={tr(l, "saved.placeholder")} aria-label={tr(l, "saved.name_aria")} value={(*name).clone()} oninput={on_name} maxlength="80" />
                <button type="submit">{ tr(l, "saved.save") }</button>
            </form>
            <div class="saved-status" role="status">
                if let Some(m) = &*panel.message { <p class="panel-message">{ m }</p> }
                { pending }
            </div>
            if panel.list.is_empty() { <p class="muted">{ tr(l, "saved.empty") }</p> }
            <ul class="saved-list">
                { for (0..panel.list.len()).map(|i| saved_item(&panel, i, &load)) }
            </ul>
        </section>
    }
}

/// The question to replace an existing name, or the undo of a delete.
fn pending_view(panel: &Panel, name: &UseStateHandle<String>, query: &AttrValue) -> Html {
    let l = panel.lang;
    match (*panel.pending).clone() {
        None => Html::default(),
        Some(Pending::Replace(n)) => {
            let replace = {
                let (panel, name, query) = (panel.clone(), name.clone(), query.clone());
                Callback::from(move |_: MouseEvent| {
                    if panel.save(&name, &query, true) {
                        name.set(String::new());
                    }
                })
            };
            let cancel = {
                let pending = panel.pending.clone();
                Callback::from(move |_: MouseEvent| pending.set(None))
            };
            html! {
                <p class="panel-message confirm">{ trf(l, "saved.confirm_replace", &[&n]) }{" "}
                    <button type="button" class="small replace" onclick={replace}>{ tr(l, "saved.replace") }</button>{" "}
                    <button type="button" class="small" onclick={cancel}>{ tr(l, "saved.cancel") }</button>
                </p>
            }
        }
        Some(Pending::Undo(d)) => {
            let undo = {
                let panel = panel.clone();
                Callback::from(move |_: MouseEvent| panel.undo(d.clone()))
            };
            html! { <button type="button" class="small undo" onclick={undo}>{ tr(l, "saved.undo") }</button> }
        }
    }
}

/// One saved scenario: its name and actions, or the rename form.
fn saved_item(panel: &Panel, i: usize, load: &Callback<usize>) -> Html {
    let l = panel.lang;
    let s = &panel.list[i];
    let editing = panel
        .renaming
        .as_ref()
        .filter(|(from, _)| *from == s.name)
        .map(|(_, to)| to.clone());
    if let Some(to) = editing {
        let on_submit = {
            let panel = panel.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                if let Some((from, to)) = panel.renaming.as_ref() {
                    panel.rename(from, to);
                }
            })
        };
        let on_input = {
            let (renaming, from) = (panel.renaming.clone(), s.name.clone());
            Callback::from(move |e: InputEvent| {
                let to = e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value();
                renaming.set(Some((from.clone(), to)));
            })
        };
        return html! {
            <li data-saved={s.name.clone()}>
                <form class="rename" onsubmit={on_submit}>
                    <input type="text" aria-label={tr(l, "saved.new_name")} value={to} oninput={on_input} />
                    <button type="submit" class="small">{ tr(l, "saved.ok") }</button>
                </form>
            </li>
        };
    }
    let on_load = load.reform(move |_: MouseEvent| i);
    let on_rename = {
        let (renaming, n) = (panel.renaming.clone(), s.name.clone());
        Callback::from(move |_: MouseEvent| renaming.set(Some((n.clone(), n.clone()))))
    };
    let on_delete = {
        let panel = panel.clone();
        Callback::from(move |_: MouseEvent| panel.delete(i))
    };
    html! {
        <li data-saved={s.name.clone()}>
            <span class="saved-name">{ s.name.clone() }</span>
            <span class="saved-actions">
                <button type="button" class="small" onclick={on_load}>{ tr(l, "saved.load") }</button>
                <button type="button" class="small" onclick={on_rename}>{ tr(l, "saved.rename") }</button>
                <button type="button" class="small danger" onclick={on_delete} aria-label={trf(l, "saved.delete_aria", &[&s.name])}>{ tr(l, "saved.delete") }</button>
            </span>
        </li>
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
