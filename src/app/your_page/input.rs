//! The history's input: a paste box, a CSV file, the sample; a menu per column when the header
//! names are the page's own; a table's problem named by line and column. What was typed stays
//! as typed: only a copy's header is read with the columns chosen.

use super::super::hooks::{read_problem_text, use_file_text, ReadProblem};
use super::super::use_app;
use crate::i18n::{tr, trf, Lang};
use crate::model::fit::{Column, History, TableError};
use crate::state::your_page::{header, read_with, SAMPLE};
use crate::view::page::{column_label, table_problem_text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputProps {
    /// The text and the history read from it, when Fit is pressed and it reads.
    pub on_fit: Callback<(String, History)>,
    pub running: bool,
}

/// Why the text is not fitted yet.
#[derive(Clone, PartialEq)]
enum Trouble {
    Table(TableError),
    File(String, ReadProblem),
}

#[component]
pub fn HistoryInput(p: &InputProps) -> Html {
    let state = use_app();
    let l = state.lang();
    let linked = state.shared.page.clone().unwrap_or_default();
    let draft = use_state(|| linked.clone());
    let chosen = use_state(Vec::<Option<Column>>::new);
    let trouble = use_state(|| None::<Trouble>);
    let fit = {
        let (on_fit, trouble) = (p.on_fit.clone(), trouble.clone());
        move |text: String, chosen: &[Option<Column>]| match read_with(&text, chosen) {
            Ok(h) => {
                trouble.set(None);
                on_fit.emit((text, h));
            }
            Err(e) => trouble.set(Some(Trouble::Table(e))),
        }
    };
    // A link with a history fits it on opening.
    {
        let fit = fit.clone();
        use_effect_with((), move |_| {
            if !linked.trim().is_empty() {
                fit(linked, &[]);
            }
        });
    }
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            draft.set(area.value());
        })
    };
    let on_sample = {
        let (draft, chosen, fit) = (draft.clone(), chosen.clone(), fit.clone());
        Callback::from(move |_: MouseEvent| {
            draft.set(SAMPLE.to_string());
            chosen.set(Vec::new());
            fit(SAMPLE.to_string(), &[]);
        })
    };
    let on_file = use_file_text({
        let (draft, chosen, trouble) = (draft.clone(), chosen.clone(), trouble.clone());
        Callback::from(
            move |(name, text): (String, Result<String, ReadProblem>)| match text {
                Ok(t) => {
                    draft.set(t);
                    chosen.set(Vec::new());
                    trouble.set(None);
                }
                Err(why) => trouble.set(Some(Trouble::File(name, why))),
            },
        )
    });
    let on_fit = {
        let (draft, chosen) = (draft.clone(), chosen.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            fit((*draft).clone(), &chosen);
        })
    };
    let menus = column_menus(l, &draft, &chosen);
    html! {
        <form class="history-input" onsubmit={on_fit}>
            <p class="page-intro">{ tr(l, "page.intro") }</p>
            <label for="history-text">{ tr(l, "page.paste_label") }</label>
            <textarea id="history-text" class="history-text" rows="10" spellcheck="false"
                value={(*draft).clone()} oninput={on_input} />
            <div class="history-actions">
                <label class="button small file-pick">{ tr(l, "page.file") }
                    <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onchange={on_file} /></label>
                <button type="button" class="small use-sample" onclick={on_sample} disabled={p.running}>{ tr(l, "page.sample") }</button>
                <button type="submit" class="fit-start" disabled={p.running}>{ tr(l, "page.fit") }</button>
            </div>
            { menus }
            if let Some(t) = &*trouble {
                <p class="table-problem" role="alert">{ trouble_text(l, t) }</p>
            }
        </form>
    }
}

fn trouble_text(l: Lang, t: &Trouble) -> String {
    match t {
        Trouble::Table(e) => table_problem_text(l, e),
        Trouble::File(name, why) => format!(
            "{name}: {}",
            trf(l, "page.file_unreadable", &[&read_problem_text(l, why)])
        ),
    }
}

/// A menu per column when some header name is not one Long Game knows (the known ones chosen
/// already); nothing when every name is known.
fn column_menus(
    l: Lang,
    draft: &UseStateHandle<String>,
    chosen: &UseStateHandle<Vec<Option<Column>>>,
) -> Html {
    let Some(h) = header(draft) else {
        return Html::default();
    };
    if h.known.iter().all(Option::is_some) {
        return Html::default();
    }
    let pick = |k: usize| {
        let chosen = chosen.clone();
        let n = h.names.len();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = (*chosen).clone();
            next.resize(n, None);
            next[k] = Column::ALL.into_iter().find(|c| c.name() == select.value());
            chosen.set(next);
        })
    };
    html! {
        <fieldset class="column-menus">
            <legend>{ tr(l, "page.columns_title") }</legend>
            <p>{ tr(l, "page.columns_help") }</p>
            { for h.names.iter().enumerate().map(|(k, name)| {
                let now = chosen.get(k).copied().flatten().or(h.known[k]);
                html! {
                    <label class="column-menu">{ trf(l, "page.column_menu", &[&(k + 2), name]) }
                        <select onchange={pick(k)} data-column={(k + 2).to_string()}>
                            <option value="" selected={now.is_none()}>{ tr(l, "page.choose") }</option>
                            { for Column::ALL.into_iter().map(|c| html! {
                                <option value={c.name()} selected={now == Some(c)}>{ column_label(l, c) }</option>
                            }) }
                        </select>
                    </label>
                }
            }) }
        </fieldset>
    }
}
