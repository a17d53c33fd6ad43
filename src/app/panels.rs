//! Side panels: saved scenarios (localStorage), exports and import, the share link.

use super::format::Lang;
use super::{browser, download, Snapshot};
use crate::files::parse_scenario;
use crate::i18n::{tr, trf};
use crate::model::Scenario;
use crate::state::export::{scenario_json, summary_csv, summary_json};
use crate::state::saved::{self, NameProblem, SavedScenario};
use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn value_of<T: JsCast>(e: &Event) -> Option<T> {
    e.target().and_then(|t| t.dyn_into::<T>().ok())
}

#[derive(Properties, PartialEq)]
pub struct SavedProps {
    pub query: AttrValue,
    pub on_load: Callback<String>,
}

#[component]
pub fn SavedPanel(p: &SavedProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
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
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                name.set(i.value());
            }
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
            let (cb, q, n, message) = (p.on_load.clone(), s.query.clone(), s.name.clone(), message.clone());
            Callback::from(move |_| {
                cb.emit(q.clone());
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
                                if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    renaming.set(Some((from.clone(), i.value())));
                                }
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

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub current: Option<Snapshot>,
    pub scenario: Scenario,
    /// The full shareable address of the current state.
    pub link: AttrValue,
    pub on_import: Callback<Scenario>,
}

#[component]
pub fn ExportPanel(p: &ExportProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let message = use_state(|| None::<String>);
    let reader = use_mut_ref(|| None::<FileReader>);
    let summary = p.current.clone();
    let csv = {
        let summary = summary.clone();
        Callback::from(move |_| {
            if let Some(s) = &summary {
                download::text(
                    "longgame-summary.csv",
                    "text/csv",
                    &summary_csv(&s.0.summary),
                );
            }
        })
    };
    let json = {
        let summary = summary.clone();
        Callback::from(move |_| {
            if let Some(s) = &summary {
                download::text(
                    "longgame-summary.json",
                    "application/json",
                    &summary_json(&s.0.summary),
                );
            }
        })
    };
    let scenario = {
        let s = p.scenario;
        Callback::from(move |_| {
            download::text(
                "longgame-scenario.json",
                "application/json",
                &scenario_json(&s),
            )
        })
    };
    let import = {
        let (message, reader, on_import) = (message.clone(), reader.clone(), p.on_import.clone());
        Callback::from(move |e: Event| {
            let Some(input) = value_of::<web_sys::HtmlInputElement>(&e) else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let name = file.name();
            input.set_value("");
            let file = gloo::file::File::from(file);
            let (message, on_import) = (message.clone(), on_import.clone());
            *reader.borrow_mut() =
                Some(gloo::file::callbacks::read_as_text(
                    &file,
                    move |text| match text
                        .map_err(|_| tr(l, "file.unreadable").to_string())
                        .and_then(|t| {
                            parse_scenario(&t).map_err(|e| super::messages::file_error_text(l, &e))
                        }) {
                        Ok(s) => {
                            on_import.emit(s);
                            message.set(Some(trf(l, "export.imported", &[&name])));
                        }
                        Err(e) => message.set(Some(trf(l, "export.import_error", &[&name, &e]))),
                    },
                ));
        })
    };
    html! {
        <section class="panel export" aria-labelledby="export-title">
            <h3 id="export-title">{ tr(l, "export.title") }</h3>
            <label class="share">{ tr(l, "export.link") }
                <input type="text" readonly=true value={p.link.clone()} onfocus={Callback::from(|e: FocusEvent| {
                    if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { i.select(); }
                })} />
            </label>
            <div class="buttons">
                <button type="button" onclick={csv} disabled={summary.is_none()}>{ tr(l, "export.csv") }</button>
                <button type="button" onclick={json} disabled={summary.is_none()}>{ tr(l, "export.json") }</button>
                <button type="button" onclick={scenario}>{ tr(l, "export.scenario") }</button>
            </div>
            <label class="import">{ tr(l, "export.import") }
                <input type="file" accept=".json,application/json" onchange={import} />
            </label>
            if let Some(m) = &*message { <p class="panel-message" role="status">{ m }</p> }
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
