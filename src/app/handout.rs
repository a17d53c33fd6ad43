//! The handout: the scenario on screen on one or two A4 pages, to print or save as PDF for a
//! workshop — levers and assumptions (and the plan), the key charts with their legend, the
//! chances at day 90, 180 and 365, the Why? sentences, and the link as text and QR code.

use super::fan_chart::FanChart;
use super::legend::ChartLegend;
use super::results::{spec, Status};
use super::{use_app, Same};
use crate::i18n::{tr, trf, Lang};
use crate::model::monte_carlo::MILESTONES;
use crate::model::{Metric, Scenario, Summary};
use crate::state::jobs::Slot;
use crate::view::format::{chance, full, levers_text};
use crate::view::meanings::plan_lines;
use crate::view::qr::qr;
use crate::view::why::{compare_sentences, sentences};
use yew::prelude::*;

/// Opens (`true`) or closes the handout; given to the page by the app.
#[derive(Clone, PartialEq)]
pub struct HandoutToggle(pub Callback<bool>);

/// The charts a handout shows: vanity beside outcome, and what it cost and returned.
const KEY_CHARTS: [Metric; 4] = [Metric::Followers, Metric::Leads, Metric::Cost, Metric::Roi];

#[component]
pub fn HandoutPage() -> Html {
    let state = use_app();
    let l = state.lang();
    let s = &state.shared;
    let toggle = use_context::<HandoutToggle>().map(|t| t.0);
    let heading = use_node_ref();
    {
        // Focus the sheet's heading, so a screen reader starts at the handout.
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let back = Callback::from(move |_: MouseEvent| {
        if let Some(t) = &toggle {
            t.emit(false);
        }
    });
    let link = super::browser::link_with_lang(s, l.code());
    let now = state.results.current().map(Same::flagged);
    let pinned = state.results.latest(Slot::Pinned).map(Same);
    html! {
        <div class="page handout" data-app-ready="true" lang={l.code()}>
            <nav class="handout-bar" aria-label={tr(l, "handout.bar")}>
                <button type="button" onclick={print}>{ tr(l, "handout.print") }</button>
                <button type="button" onclick={back}>{ tr(l, "handout.back") }</button>
                <Status />
            </nav>
            <main class="handout-sheet">
                <h1 tabindex="-1" ref={heading}>{ tr(l, "handout.title") }</h1>
                <p class="handout-sub">{ trf(l, "handout.subtitle", &[&full(l, s.runs as f64), &s.seed, &s.scenario.assumptions.horizon_days]) }</p>
                { levers(l, &s.scenario, s.quit, s.pinned.as_ref()) }
                if let Some((snap, up_to_date)) = now {
                    <section class="handout-charts" aria-labelledby="handout-charts">
                        <h2 id="handout-charts">{ tr(l, "handout.charts") }</h2>
                        <ChartLegend />
                        <div class="handout-grid">
                            { for KEY_CHARTS.iter().map(|&m| {
                                let c = spec(m);
                                html! { <FanChart metric={m} title={tr(l, c.title)} unit={c.unit} current={snap.clone()}
                                    pinned={pinned.clone()} show_samples={false} stale={!up_to_date} /> }
                            }) }
                        </div>
                    </section>
                    { chances(l, &snap.0.summary) }
                    { why(l, &snap.0.summary, pinned.as_ref().map(|a| &a.0.summary)) }
                }
                { link_block(l, &link) }
            </main>
        </div>
    }
}

/// Every lever and assumption with its value and unit, the plan's changes and A's levers.
/// `quit`: the day the charts compare stopping on (0: none), named beside the stop day.
fn levers(l: Lang, s: &Scenario, quit: u32, pinned: Option<&Scenario>) -> Html {
    let row = |(f, v): (&'static crate::model::params::Field, f64)| {
        let unit = match f.unit_key {
            "" | "unit.day" => String::new(),
            "%" => " %".into(),
            key => format!(" {}", tr(l, key)),
        };
        // A crisis or stop day of 0 means there is none.
        let value = match (f.name, v) {
            ("stop_day", 0.0) if quit > 0 => trf(l, "handout.quit_compared", &[&quit]),
            ("crisis_day" | "stop_day", 0.0) => tr(l, "handout.none").to_string(),
            _ => format!("{}{unit}", full(l, v)),
        };
        html! { <div class={classes!("handout-field", f.lever.then_some("lever"))}><dt>{ tr(l, f.label_key) }</dt><dd>{ value }</dd></div> }
    };
    let plan = plan_lines(l, &s.changes);
    html! {
        <section class="handout-levers" aria-labelledby="handout-levers">
            <h2 id="handout-levers">{ tr(l, "handout.levers") }</h2>
            <dl>{ for s.fields().map(row) }</dl>
            if !plan.is_empty() {
                <p class="handout-plan"><strong>{ tr(l, "handout.plan") }</strong>{ " " }{ plan.join(" · ") }</p>
            }
            if let Some(a) = pinned {
                <p class="handout-pinned">{ trf(l, "handout.pinned", &[&levers_text(l, "story.levers", &a.levers)]) }</p>
            }
        </section>
    }
}

/// On track, goal reached and still running at day 90, 180 and 365.
fn chances(l: Lang, s: &Summary) -> Html {
    let a = &s.scenario.assumptions;
    let goal_by = [s.goal_p90, s.goal_p180, s.goal_p365];
    let rows = MILESTONES
        .iter()
        .enumerate()
        .filter(|(_, &d)| d <= s.days as usize)
        .map(|(i, &day)| {
            html! { <tr data-day={day.to_string()}>
                <th scope="row">{ trf(l, "patience.day", &[&day]) }</th>
                <td>{ chance(l, s.on_track[i]) }</td>
                <td>{ chance(l, goal_by[i]) }</td>
                <td>{ chance(l, s.active[day]) }</td>
            </tr> }
        });
    html! {
        <section class="handout-chances" aria-labelledby="handout-chances">
            <h2 id="handout-chances">{ tr(l, "handout.chances") }</h2>
            <table class="data-table">
                <thead><tr>
                    <th scope="col">{ tr(l, "chart.col_day") }</th>
                    <th scope="col">{ tr(l, "handout.on_track") }</th>
                    <th scope="col">{ trf(l, "handout.goal", &[&full(l, a.goal_leads), &a.goal_day]) }</th>
                    <th scope="col">{ tr(l, "handout.running") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}

fn why(l: Lang, b: &Summary, a: Option<&Summary>) -> Html {
    let said = sentences(l, &b.why);
    let compared = a.map(|a| compare_sentences(l, &a.why, &b.why));
    html! {
        <section class="handout-why" aria-labelledby="handout-why">
            <h2 id="handout-why">{ tr(l, "why.title") }</h2>
            <ul>{ for said.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
            if let Some(diffs) = compared.filter(|d| !d.is_empty()) {
                <h3>{ tr(l, "why.compare_title") }</h3>
                <ul>{ for diffs.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
            }
        </section>
    }
}

/// The link as text and as a QR code a phone camera opens.
fn link_block(l: Lang, link: &str) -> Html {
    let code = qr(link).map(|q| {
        html! {
            <svg class="qr" viewBox={format!("0 0 {0} {0}", q.side)} role="img" aria-label={tr(l, "handout.qr")}
                xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges">
                <rect width="100%" height="100%" fill="#fff" />
                <path d={q.path} fill="#000" />
            </svg>
        }
    });
    html! {
        <section class="handout-link" aria-labelledby="handout-link">
            { code.unwrap_or_else(|| html! { <p>{ tr(l, "handout.no_qr") }</p> }) }
            <div>
                <h2 id="handout-link">{ tr(l, "handout.link") }</h2>
                <p>{ tr(l, "handout.link_text") }</p>
                <p class="url">{ link }</p>
            </div>
        </section>
    }
}
