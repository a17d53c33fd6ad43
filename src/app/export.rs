//! Exports (summary CSV and JSON, the scenario file), import of a scenario file, and the
//! link to share.

use super::hooks::{read_problem_text, use_file_text, ReadProblem};
use super::{download, use_app};
use crate::files::parse_scenario;
use crate::i18n::{tr, trf};
use crate::state::app_state::Action;
use crate::state::export::{scenario_json, summary_csv, summary_json};
use crate::state::jobs::Slot;
use crate::view::messages::file_error_text;
use yew::prelude::*;

#[component]
pub fn ExportPanel() -> Html {
    let state = use_app();
    let l = state.lang();
    let message = use_state(|| None::<String>);
    let summary = state.results.shown[Slot::Current as usize].clone();
    let has_summary = summary.is_some();
    let save =
        |name: &'static str, mime: &'static str, text: fn(&crate::model::Summary) -> String| {
            let summary = summary.clone();
            Callback::from(move |_| {
                if let Some(p) = &summary {
                    download::text(name, mime, &text(&p.summary));
                }
            })
        };
    let csv = save("longgame-summary.csv", "text/csv", summary_csv);
    let json = save("longgame-summary.json", "application/json", summary_json);
    let scenario = {
        let s = state.shared.scenario;
        Callback::from(move |_| {
            download::text(
                "longgame-scenario.json",
                "application/json",
                &scenario_json(&s),
            )
        })
    };
    let import = use_file_text({
        let (dispatch, message) = (state.dispatcher(), message.clone());
        Callback::from(move |(name, text): (String, Result<String, ReadProblem>)| {
            let parsed = text
                .map_err(|e| read_problem_text(l, &e))
                .and_then(|t| parse_scenario(&t).map_err(|e| file_error_text(l, &e)));
            match parsed {
                Ok(s) => {
                    dispatch.dispatch(Action::SetScenario(Box::new(s)));
                    message.set(Some(trf(l, "export.imported", &[&name])));
                }
                Err(e) => message.set(Some(trf(l, "export.import_error", &[&name, &e]))),
            }
        })
    });
    let handout = {
        let toggle = use_context::<super::handout::HandoutToggle>().map(|t| t.0);
        Callback::from(move |_: MouseEvent| {
            if let Some(t) = &toggle {
                t.emit(true);
            }
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .select()
    });
    html! {
        <section class="panel export" aria-labelledby="export-title">
            <h2 id="export-title">{ tr(l, "export.title") }</h2>
            <label class="share">{ tr(l, "export.link") }
                <input type="text" readonly=true value={super::browser::link_with_lang(&state.shared, l.code())} onfocus={select_all} />
            </label>
            <div class="buttons">
                <button type="button" onclick={csv} disabled={!has_summary}>{ tr(l, "export.csv") }</button>
                <button type="button" onclick={json} disabled={!has_summary}>{ tr(l, "export.json") }</button>
                <button type="button" onclick={scenario}>{ tr(l, "export.scenario") }</button>
                <button type="button" class="open-handout" onclick={handout}>{ tr(l, "export.handout") }</button>
            </div>
            <label class="import">{ tr(l, "export.import") }
                <input type="file" accept=".json,application/json" onchange={import} />
            </label>
            if let Some(m) = &*message { <p class="panel-message" role="status">{ m }</p> }
        </section>
    }
}
