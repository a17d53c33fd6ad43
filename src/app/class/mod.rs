//! Class mode: the trainer pastes the teams' codes or links (or adds their scenario files),
//! every plan runs on the same futures, and the class is ranked on an outcome at a day, with,
//! for each pair of teams, the share of futures in which one beats the other.

mod chart;

use super::header::ModeMasthead;
use super::hooks::{read_problem_text, use_file_text, ReadProblem};
use super::whole_box::WholeBox;
use super::{send, use_app};
use crate::i18n::{tr, trf, Lang};
use crate::model::Metric;
use crate::state::app_state::{Action, ClassAction};
use crate::state::class::{class_csv, rank, roster, EntryProblem, Refused, Roster, Standing};
use crate::state::jobs::Outcomes;
use crate::state::link;
use crate::state::team_code::{self, CodeProblem, TeamPlan};
use crate::view::format::{chance, with_unit, xml_escape, Unit};
use crate::view::messages::{file_error_text, problem_text};
use yew::prelude::*;

/// The outcomes a class can be ranked on.
const OUTCOMES: [(Metric, &str, Unit); 4] = [
    (Metric::Leads, "metric.leads", Unit::Count),
    (Metric::Customers, "metric.customers", Unit::Count),
    (Metric::Roi, "metric.roi", Unit::Percent),
    (Metric::Trust, "metric.trust", Unit::Score),
];

fn unit_of(m: Metric) -> Unit {
    OUTCOMES
        .iter()
        .find(|o| o.0 == m)
        .map_or(Unit::Count, |o| o.2)
}

#[component]
pub fn ClassPage() -> Html {
    let state = use_app();
    let l = state.lang();
    let width = super::hooks::use_viewport_width();
    let Some(class) = state.shared.class.clone() else {
        return Html::default();
    };
    let exit = send(&state, || Action::Class(ClassAction::Exit));
    let r = roster(&class.teams, &state.shared.scenario);
    let outcomes = state.results.outcomes_done().cloned();
    html! {
        <div class="page class-page" data-app-ready="true" lang={l.code()}>
            <ModeMasthead title={tr(l, "class.title")} exit={(AttrValue::from(tr(l, "class.exit")), "exit-class")} on_exit={exit} />
            <main class="class" id="class">
                <TeamList />
                { problems(l, &r) }
                <RankSettings />
                if r.teams.is_empty() {
                    <p class="meaning">{ tr(l, "class.empty") }</p>
                } else if let Some(o) = outcomes.filter(|o| o.values.len() == r.teams.len()) {
                    { ranking(l, &r, &o, class.metric, class.day_in(&state.shared.scenario), state.shared.seed, width) }
                } else {
                    { super::results::outcomes_progress(l, state.results.outcomes.as_deref(), "class.running") }
                }
            </main>
        </div>
    }
}

/// The list of teams as typed: kept while typing, applied with the button (or Ctrl+Enter).
#[component]
fn TeamList() -> Html {
    let state = use_app();
    let l = state.lang();
    let saved = state
        .shared
        .class
        .as_ref()
        .map(|c| c.teams.clone())
        .unwrap_or_default();
    let draft = use_state(|| saved.clone());
    super::hooks::use_focus("class-list", ());
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            draft.set(area.value());
        })
    };
    let apply = {
        let (dispatch, draft) = (state.dispatcher(), draft.clone());
        Callback::from(move |_| {
            dispatch.dispatch(Action::Class(ClassAction::SetTeams((*draft).clone())))
        })
    };
    let on_key = {
        let apply = apply.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                apply.emit(());
            }
        })
    };
    let add_file = use_file_text({
        let (dispatch, draft) = (state.dispatcher(), draft.clone());
        Callback::from(move |(name, text): (String, Result<String, ReadProblem>)| {
            let line = match text {
                Ok(t) => file_line(l, &name, &t),
                Err(why) => format!("# {name}: {}", read_problem_text(l, &why)),
            };
            let mut next = (*draft).clone();
            if !next.is_empty() && !next.ends_with('\n') {
                next.push('\n');
            }
            next.push_str(&line);
            draft.set(next.clone());
            dispatch.dispatch(Action::Class(ClassAction::SetTeams(next)));
        })
    });
    html! {
        <section class="panel class-teams" aria-labelledby="teams-title">
            <h2 id="teams-title">{ tr(l, "class.teams") }</h2>
            <label for="class-list" class="meaning">{ tr(l, "class.teams_help") }</label>
            <textarea id="class-list" rows="7" spellcheck="false" value={(*draft).clone()}
                oninput={on_input} onkeydown={on_key}
                placeholder={tr(l, "class.placeholder")} />
            <div class="class-buttons">
                <button type="button" class="primary rank-teams" onclick={apply.reform(|_: MouseEvent| ())}
                    disabled={*draft == saved}>{ tr(l, "class.rank") }</button>
                <label class="import">{ tr(l, "class.add_file") }
                    <input type="file" accept=".json,application/json" class="class-file" onchange={add_file} />
                </label>
            </div>
        </section>
    }
}

/// A scenario file as a line of the list: its name and code (or, when a code cannot hold the
/// values, its link); a file that does not read becomes a comment line saying why.
fn file_line(l: Lang, name: &str, text: &str) -> String {
    let team = name.trim_end_matches(".json");
    match crate::files::parse_scenario(text) {
        Ok(s) => {
            let plan = TeamPlan {
                levers: s.levers,
                changes: s.changes,
                played: false,
            };
            match team_code::encode(&plan) {
                Some(code) => format!("{team}: {code}"),
                None => {
                    let shared = link::Shared {
                        scenario: s,
                        ..Default::default()
                    };
                    format!("{team}: ?{}", link::encode(&shared))
                }
            }
        }
        Err(e) => format!("# {team}: {}", file_error_text(l, &e)),
    }
}

fn code_problem(l: Lang, p: &CodeProblem) -> String {
    match p {
        CodeProblem::Version(c) => trf(l, "class.code_version", &[c]),
        CodeProblem::Character(c) => trf(l, "class.code_character", &[c]),
        CodeProblem::Checksum => tr(l, "class.code_checksum").to_string(),
        CodeProblem::NotAPlan => tr(l, "class.code_not_plan").to_string(),
    }
}

fn refused_text(l: Lang, r: &Refused) -> String {
    let why = match &r.why {
        EntryProblem::Code(p) => code_problem(l, p),
        EntryProblem::Link(p) => trf(l, "class.bad_link", &[&problem_text(l, p)]),
        EntryProblem::NoQuery => tr(l, "class.no_query").to_string(),
    };
    trf(l, "class.refused", &[&r.line, &r.name, &why])
}

/// Lines that are not teams, and teams whose plan does not fit this company.
fn problems(l: Lang, r: &Roster) -> Html {
    if r.refused.is_empty() && r.unfit.is_empty() && r.duplicates.is_empty() {
        return Html::default();
    }
    html! {
        <div class="class-problems" role="alert"><ul>
            { for r.refused.iter().map(|x| html! { <li>{ refused_text(l, x) }</li> }) }
            { for r.unfit.iter().map(|(name, why)| html! { <li>{ trf(l, "class.unfit", &[name, why]) }</li> }) }
            { for r.duplicates.iter().map(|name| html! { <li>{ trf(l, "class.duplicate", &[name]) }</li> }) }
        </ul></div>
    }
}

/// What the class is ranked on: an outcome, on a day.
#[component]
fn RankSettings() -> Html {
    let state = use_app();
    let l = state.lang();
    let class = state.shared.class.clone().unwrap_or_default();
    let horizon = state.shared.scenario.assumptions.horizon_days;
    let on_metric = {
        let dispatch = state.dispatcher();
        let day = class.day;
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(m) = Metric::ALL.into_iter().find(|m| m.name() == select.value()) {
                dispatch.dispatch(Action::Class(ClassAction::SetRank(m, day)));
            }
        })
    };
    let on_day = {
        let dispatch = state.dispatcher();
        let metric = class.metric;
        Callback::from(move |day: u64| {
            dispatch.dispatch(Action::Class(ClassAction::SetRank(metric, day as u32)))
        })
    };
    html! {
        <section class="class-settings" aria-label={tr(l, "class.settings_aria")}>
            <label>{ tr(l, "class.outcome") }{" "}
                <select class="class-metric" onchange={on_metric}>
                    { for OUTCOMES.iter().map(|(m, key, _)| html! {
                        <option value={m.name()} selected={*m == class.metric}>{ tr(l, key) }</option>
                    }) }
                </select>
            </label>
            <label for="class-day">{ tr(l, "class.day") }</label>
            <WholeBox id="class-day" value={class.day_in(&state.shared.scenario) as u64} min={1} max={horizon as u64} lang={l} on_set={on_day} />
            <span class="meaning">{ trf(l, "class.futures", &[&crate::view::format::full(l, state.shared.runs as f64), &state.shared.seed]) }</span>
        </section>
    }
}

/// The ranking: the table, its chart, the pairwise table and exports, for a window `width` CSS
/// px wide (the chart's text size; under 600 px the tables scroll on their own, so they take
/// the keyboard's focus).
fn ranking(
    l: Lang,
    r: &Roster,
    o: &Outcomes,
    metric: Metric,
    day: u32,
    seed: u64,
    width: f64,
) -> Html {
    let scroll_focus = (width <= 600.0).then_some("0");
    let played: Vec<Option<usize>> = r.teams.iter().map(|t| t.played_on(seed)).collect();
    let standings = rank(&o.values, &played);
    let unit = unit_of(metric);
    let csv = class_csv(&r.teams, &standings, &o.values);
    let svg = table_svg(l, r, &standings, unit);
    let export_csv =
        Callback::from(move |_| super::download::text("long-game-class.csv", "text/csv", &csv));
    let export_png = Callback::from(move |_| {
        super::download::png_from_markup(&svg.0, (svg.1, svg.2), "long-game-class.png")
    });
    let outcome = OUTCOMES
        .iter()
        .find(|x| x.0 == metric)
        .map_or("metric.leads", |x| x.1);
    html! {
        <section class="class-results" aria-labelledby="ranking-title">
            <h2 id="ranking-title">{ trf(l, "class.ranking", &[&tr(l, outcome), &day]) }</h2>
            <div class="class-rank-view">
            <table class="class-table" tabindex={scroll_focus} aria-labelledby="ranking-title">
                <thead><tr>
                    <th scope="col">{ "#" }</th>
                    <th scope="col">{ tr(l, "class.team") }</th>
                    <th scope="col">{ tr(l, "class.median") }</th>
                    <th scope="col">{ tr(l, "class.in_played") }</th>
                    <th scope="col">{ tr(l, "class.verdict") }</th>
                </tr></thead>
                <tbody>{ for standings.iter().enumerate().map(|(i, s)| {
                    let t = &r.teams[s.team];
                    let own = played[s.team].and_then(|f| o.values[s.team].get(f));
                    html! { <tr data-team={t.name.clone()} class={classes!(s.lucky.then_some("lucky"))}>
                        <td>{ i + 1 }</td>
                        <th scope="row">{ t.name.clone() }</th>
                        <td>{ with_unit(l, s.median, unit) }</td>
                        <td>{ own.map_or("—".to_string(), |v| with_unit(l, *v, unit)) }</td>
                        <td>{ verdict(l, &standings, s, &r.teams) }</td>
                    </tr> }
                }) }</tbody>
            </table>
            { chart::ranking_chart(l, r, &standings, &o.values, unit, chart::text_size(width)) }
            </div>
            { pairwise(l, r, &standings, scroll_focus) }
            <div class="export-buttons">
                <button type="button" class="small export-class-csv" onclick={export_csv}>{ tr(l, "class.export_csv") }</button>
                <button type="button" class="small export-class-png" onclick={export_png}>{ tr(l, "class.export_png") }</button>
            </div>
        </section>
    }
}

/// Better, or luckier? The leader beats each other team in most futures, or it does not.
fn verdict(l: Lang, all: &[Standing], s: &Standing, teams: &[crate::state::class::Team]) -> String {
    if s.lucky {
        return tr(l, "class.lucky").to_string();
    }
    let Some(next) = all
        .iter()
        .position(|x| x.team == s.team)
        .and_then(|i| all.get(i + 1))
    else {
        return String::new();
    };
    let name = &teams[next.team].name;
    if s.tied[next.team] {
        return trf(l, "class.tied_next", &[name]);
    }
    trf(
        l,
        "class.beats_next",
        &[&chance(l, s.beats[next.team]), name],
    )
}

/// For each pair: the share of futures in which the row's team beats the column's (`focus`:
/// its tabindex where it scrolls on its own; its caption names it).
fn pairwise(l: Lang, r: &Roster, standings: &[Standing], focus: Option<&'static str>) -> Html {
    html! {
        <table class="pairwise" tabindex={focus}>
            <caption>{ tr(l, "class.pairwise") }</caption>
            <thead><tr>
                <td></td>
                { for standings.iter().map(|s| html! { <th scope="col">{ r.teams[s.team].name.clone() }</th> }) }
            </tr></thead>
            <tbody>{ for standings.iter().map(|row| html! {
                <tr>
                    <th scope="row">{ r.teams[row.team].name.clone() }</th>
                    { for standings.iter().map(|col| {
                        if col.team == row.team {
                            html! { <td class="self">{ "—" }</td> }
                        } else if row.tied[col.team] {
                            html! { <td class="tied">{ tr(l, "class.tied") }</td> }
                        } else {
                            let share = row.beats[col.team];
                            html! { <td class={classes!((share > 0.5).then_some("ahead"))}>{ chance(l, share) }</td> }
                        }
                    }) }
                </tr>
            }) }</tbody>
        </table>
    }
}

/// The ranking as a standalone SVG table (for the PNG export).
fn table_svg(l: Lang, r: &Roster, standings: &[Standing], unit: Unit) -> (String, f64, f64) {
    let row_h = 28.0;
    let (w, h) = (720.0, row_h * (standings.len() + 2) as f64);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\" font-size=\"15\"><rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>"
    );
    let head = [
        "#".to_string(),
        tr(l, "class.team").into(),
        tr(l, "class.median").into(),
        tr(l, "class.verdict").into(),
    ];
    let xs = [12.0, 48.0, 260.0, 400.0];
    let row = |y: f64, cells: &[String], bold: bool| -> String {
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        cells
            .iter()
            .zip(xs)
            .map(|(c, x)| format!("<text x=\"{x}\" y=\"{y}\"{weight}>{}</text>", xml_escape(c)))
            .collect()
    };
    out += &row(row_h, &head, true);
    for (i, s) in standings.iter().enumerate() {
        let cells = [
            (i + 1).to_string(),
            r.teams[s.team].name.clone(),
            with_unit(l, s.median, unit),
            verdict(l, standings, s, &r.teams),
        ];
        out += &row(row_h * (i + 2) as f64, &cells, false);
    }
    (out + "</svg>", w, h)
}
