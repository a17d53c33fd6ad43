//! "Your page" (issue 26): a page's own history pasted, opened from a file or taken from the
//! sample; fitted on workers of its own with a progress bar and Cancel; the forecast beyond the
//! history with the history as points, what the fit learned about each constant, and the
//! levers continuing the same fitted futures ("keep going" as A beside the plan as B).

mod input;
mod levers;
mod runner;

use super::fan_chart::FanChart;
use super::header::ModeMasthead;
use super::{send, use_app, Same, Snapshot};
use crate::i18n::{decimal, number, tr, trf, Lang};
use crate::model::fit::{Column, Fit, FitError};
use crate::model::Metric;
use crate::state::app_state::Action;
use crate::state::export::{fit_json, summary_csv};
use crate::state::jobs::{Progress, Slot};
use crate::state::your_page::{fit_scenario, FitSetup};
use crate::view::format::Unit;
use crate::view::page::{
    constant_label, constant_value, fit_problem_text, history_points, reading,
};
use runner::{Event, Runner};
use std::rc::Rc;
use yew::prelude::*;

/// Where the fit is.
#[derive(Clone, Default)]
enum Status {
    #[default]
    Idle,
    Running(f64),
    Cancelled,
    Refused(FitError),
    Fitted,
}

/// The fit and its forecasts, as the page shows them.
#[derive(Clone, Default)]
pub struct FitView {
    status: Status,
    fit: Option<Rc<Fit>>,
    /// The requests whose answers are wanted: "keep going" and the plan.
    keep_id: u32,
    plan_id: u32,
    keep: Option<Snapshot>,
    plan: Option<Snapshot>,
    /// When the fit started, and how long fit and first forecast took (ms).
    started: f64,
    took_ms: Option<f64>,
    failed: Option<String>,
}

pub enum Msg {
    Started(f64),
    Cancelled,
    Asked { keep: bool, id: u32 },
    Heard(Event),
}

impl Reducible for FitView {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut v = (*self).clone();
        match msg {
            Msg::Started(at) => {
                v = FitView {
                    status: Status::Running(0.0),
                    started: at,
                    ..FitView::default()
                }
            }
            Msg::Cancelled => v.status = Status::Cancelled,
            Msg::Asked { keep: true, id } => v.keep_id = id,
            Msg::Asked { keep: false, id } => (v.plan_id, v.plan) = (id, None),
            Msg::Heard(e) => v.heard(e),
        }
        Rc::new(v)
    }
}

impl FitView {
    fn heard(&mut self, e: Event) {
        match e {
            Event::Progress(p) if matches!(self.status, Status::Running(_)) => {
                self.status = Status::Running(p)
            }
            Event::Progress(_) => {}
            Event::Done(done) => match *done {
                Ok(fit) => (self.status, self.fit) = (Status::Fitted, Some(Rc::new(fit))),
                Err(e) => self.status = Status::Refused(e),
            },
            Event::Forecast { id, summary } => {
                let snap = Same(Rc::new(Progress {
                    slot: Slot::Current,
                    id,
                    summary: *summary,
                    done: true,
                    elapsed_ms: 0.0,
                    compute_ms: 0.0,
                }));
                if id == self.keep_id {
                    self.keep = Some(snap);
                    self.took_ms
                        .get_or_insert(js_sys::Date::now() - self.started);
                } else if id == self.plan_id {
                    self.plan = Some(snap);
                }
            }
            Event::Refused(why) => self.failed = Some(why),
        }
    }
}

#[component]
pub fn YourPage() -> Html {
    let state = use_app();
    let l = state.lang();
    let view = use_reducer(FitView::default);
    let runner = {
        let dispatch = view.dispatcher();
        use_memo((), move |_| {
            Runner::new(Callback::from(move |e| dispatch.dispatch(Msg::Heard(e))))
        })
    };
    // The workers start with the page, and leaving the page ends them.
    {
        let runner = runner.clone();
        use_effect_with((), move |_| {
            runner.spawn();
            move || runner.cancel()
        });
    }
    let plan = use_state(|| [None::<f64>; 4]);
    use_forecasts(&view, &runner, *plan);
    let on_fit = {
        let (runner, dispatch) = (runner.clone(), view.dispatcher());
        let app = state.dispatcher();
        Callback::from(
            move |(text, history): (String, crate::model::fit::History)| {
                app.dispatch(Action::Page(Some(text)));
                dispatch.dispatch(Msg::Started(js_sys::Date::now()));
                runner.fit(FitSetup::new(history));
            },
        )
    };
    let on_cancel = {
        let (runner, dispatch) = (runner.clone(), view.dispatcher());
        Callback::from(move |_: MouseEvent| {
            runner.cancel();
            dispatch.dispatch(Msg::Cancelled);
        })
    };
    let exit = send(&state, || Action::Page(None));
    let running = matches!(view.status, Status::Running(_));
    html! {
        <div class="page your-page" data-app-ready="true" lang={l.code()}>
            <ModeMasthead title={tr(l, "page.title")} exit={(AttrValue::from(tr(l, "page.exit")), "page-exit")} on_exit={exit} />
            <main class="your-page-main">
                <input::HistoryInput on_fit={on_fit} running={running} />
                { link_note(l, state.shared.page.as_deref().unwrap_or_default()) }
                { status(l, &view, on_cancel) }
                if let Some(fit) = &view.fit {
                    { results(l, &view, fit, &plan) }
                }
            </main>
        </div>
    }
}

/// A history too long for the link: said, with the file to share instead.
fn link_note(l: Lang, text: &str) -> Html {
    let budget = crate::state::story_code::LINK_BUDGET;
    if text.len() <= budget {
        return Html::default();
    }
    let save = {
        let text = text.to_string();
        Callback::from(move |_: MouseEvent| {
            super::download::text("history.csv", "text/csv;charset=utf-8", &text)
        })
    };
    html! {
        <p class="link-too-long" role="status">
            { trf(l, "page.too_long_link", &[&number(l, text.len() as f64), &number(l, budget as f64)]) }{" "}
            <button type="button" class="small save-history" onclick={save}>{ tr(l, "page.save_file") }</button>
        </p>
    }
}

/// Asks for the forecasts a fit needs: "keep going" once per fit, the plan whenever it changes.
#[hook]
fn use_forecasts(view: &UseReducerHandle<FitView>, runner: &Rc<Runner>, plan: [Option<f64>; 4]) {
    let fit = view.fit.clone();
    let fitted = fit.as_ref().map(|f| Rc::as_ptr(f) as usize);
    {
        let (runner, dispatch, fit) = (runner.clone(), view.dispatcher(), fit.clone());
        use_effect_with(fitted, move |_| {
            if let Some(fit) = fit {
                let id = runner.forecast(&fit, fit_scenario(&fit.history), [None; 4], 0);
                dispatch.dispatch(Msg::Asked { keep: true, id });
            }
        });
    }
    let (runner, dispatch) = (runner.clone(), view.dispatcher());
    use_effect_with((fitted, plan), move |(_, plan)| {
        if let Some(fit) = fit.filter(|_| plan.iter().any(Option::is_some)) {
            let id = runner.forecast(&fit, fit_scenario(&fit.history), *plan, 1);
            dispatch.dispatch(Msg::Asked { keep: false, id });
        }
    });
}

/// The progress bar and Cancel, or what stopped the fit.
fn status(l: Lang, view: &FitView, on_cancel: Callback<MouseEvent>) -> Html {
    match &view.status {
        Status::Idle | Status::Fitted => Html::default(),
        Status::Running(p) => {
            let percent = (p * 100.0).floor().clamp(0.0, 100.0);
            let label = trf(l, "page.progress", &[&percent]);
            html! {
                <section class="fit-progress" aria-live="polite" data-fit="running">
                    <label>{ label.clone() }
                        <progress max="100" value={percent.to_string()} aria-label={label} /></label>
                    <button type="button" class="fit-cancel" onclick={on_cancel}>{ tr(l, "page.cancel") }</button>
                </section>
            }
        }
        Status::Cancelled => html! {
            <p class="fit-cancelled" role="status" data-fit="cancelled">{ tr(l, "page.cancelled") }</p>
        },
        Status::Refused(e) => html! {
            <section class="fit-refused" role="alert" data-fit="refused">
                <h2>{ tr(l, "page.refused_title") }</h2>
                <p>{ fit_problem_text(l, e) }</p>
            </section>
        },
    }
}

/// The fitted page: the forecast's charts, the levers, the constants' table.
fn results(
    l: Lang,
    view: &FitView,
    fit: &Rc<Fit>,
    plan: &UseStateHandle<[Option<f64>; 4]>,
) -> Html {
    let ess = trf(
        l,
        "page.ess",
        &[
            &number(l, fit.ess.round()),
            &number(l, fit.runs as f64),
            &decimal(l, fit.prior_ess),
        ],
    );
    let took = view
        .took_ms
        .map(|ms| trf(l, "page.timing", &[&decimal(l, ms / 1000.0)]));
    html! {
        <section class="fit-results" data-fit="fitted" data-ess={fit.ess.to_string()}
            data-fit-ms={view.took_ms.map(|ms| format!("{ms:.0}"))}>
            <p class="fit-ess">{ ess }{" "}{ took.unwrap_or_default() }</p>
            if let Some(why) = &view.failed { <p class="fit-failed" role="alert">{ why.clone() }</p> }
            <div class="fit-body">
                <levers::PlanLevers plan={plan.clone()} />
                { charts(l, view, fit, plan.iter().any(Option::is_some)) }
            </div>
            { posterior_table(l, fit) }
            { export(l, view, fit, plan.iter().any(Option::is_some)) }
        </section>
    }
}

/// Followers and leads beyond the history, the history as points; the plan (B) beside
/// "keep going" (A) once a lever is set.
fn charts(l: Lang, view: &FitView, fit: &Fit, planned: bool) -> Html {
    let Some(keep) = &view.keep else {
        return html! { <p class="fit-forecasting" role="status">{ tr(l, "page.forecasting") }</p> };
    };
    let (current, pinned) = match (&view.plan, planned) {
        (Some(plan), true) => (plan.clone(), Some(keep.clone())),
        _ => (keep.clone(), None),
    };
    let stale = planned && view.plan.is_none();
    let chart = |metric: Metric, column: Column, title: &'static str| {
        let points = history_points(&fit.history, column);
        html! {
            <FanChart metric={metric} title={tr(l, title)} unit={Unit::Count} current={current.clone()}
                pinned={pinned.clone()} show_samples={false} stale={stale} points={points} />
        }
    };
    // The leads' median at the horizon: where the plans part (the history's days are shared).
    let leads = &current.0.summary.band(Metric::Leads).p50;
    let end = leads.last().copied().unwrap_or_default();
    html! {
        <div class="fit-charts" data-planned={planned.to_string()} data-plan-job={view.plan.as_ref().map(|p| p.0.id.to_string())}
            data-leads-end={end.to_string()}>
            <h2>{ tr(l, "page.charts_title") }</h2>
            if pinned.is_some() { <p class="fit-compare">{ tr(l, "page.compare") }</p> }
            { chart(Metric::Followers, Column::Followers, "page.chart.followers") }
            { chart(Metric::Leads, Column::Leads, "page.chart.leads") }
        </div>
    }
}

/// Each constant's range among typical pages (the prior) beside this page's (the posterior).
fn posterior_table(l: Lang, fit: &Fit) -> Html {
    let three = |q: &[f64; 3]| {
        q.iter()
            .map(|v| constant_value(l, *v))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let (prior, posterior) = (tr(l, "page.th.prior"), tr(l, "page.th.posterior"));
    html! {
        <section class="fit-posterior">
            <h2>{ tr(l, "page.posterior_title") }</h2>
            <div class="table-scroll" tabindex="0">
            <table class="posterior">
                <thead><tr>
                    <th scope="col">{ tr(l, "page.th.constant") }</th>
                    <th scope="col">{ prior }</th>
                    <th scope="col">{ posterior }</th>
                    <th scope="col">{ tr(l, "page.th.reading") }</th>
                </tr></thead>
                // On a phone the rows stack, each cell named by its column (data-label).
                <tbody>{ for fit.posterior.iter().map(|r| html! {
                    <tr data-constant={r.name.clone()}>
                        <th scope="row">{ constant_label(l, &r.name) }</th>
                        <td data-label={prior}>{ three(&r.prior) }</td>
                        <td data-label={posterior}>{ three(&r.posterior) }</td>
                        <td class="reading">{ reading(l, r) }</td>
                    </tr>
                }) }</tbody>
            </table>
            </div>
        </section>
    }
}

/// The forecast shown (the plan's once set) as CSV, the fit with it as JSON (the CLI's shape),
/// and Print (style.css's print rules keep the charts and the table).
fn export(l: Lang, view: &FitView, fit: &Rc<Fit>, planned: bool) -> Html {
    let shown = match (&view.plan, planned) {
        (Some(plan), true) => Some(plan.clone()),
        (_, false) => view.keep.clone(),
        (None, true) => None,
    };
    let save = |name: &'static str, mime: &'static str, json: bool| {
        let (shown, fit) = (shown.clone(), fit.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = &shown {
                let summary = &s.0.summary;
                let text = match json {
                    true => fit_json(&fit, &fit.history, summary),
                    false => summary_csv(summary),
                };
                super::download::text(name, mime, &text);
            }
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let ready = shown.is_some();
    html! {
        <section class="fit-export" aria-labelledby="fit-export-title">
            <h2 id="fit-export-title">{ tr(l, "page.export_title") }</h2>
            <p class="muted">{ tr(l, "page.export_help") }</p>
            <div class="buttons">
                <button type="button" class="export-csv" disabled={!ready}
                    onclick={save("longgame-page-forecast.csv", "text/csv", false)}>{ tr(l, "page.export_csv") }</button>
                <button type="button" class="export-json" disabled={!ready}
                    onclick={save("longgame-page-fit.json", "application/json", true)}>{ tr(l, "page.export_json") }</button>
                <button type="button" class="print-page" onclick={print}>{ tr(l, "page.print") }</button>
            </div>
        </section>
    }
}
