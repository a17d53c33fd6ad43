//! The Yew web app. Depends on `crate::model` and `crate::state`; nothing there depends on it.
//! The Monte Carlo runs in a Web Worker (`crate::sim_worker`); results stream back in batches.

mod browser;
mod chart;
mod compare;
mod download;
mod format;
mod levers;
mod messages;
mod panels;
mod panic;
mod patience;
mod player;
mod story_view;

use crate::i18n::{tr, trf, Lang};
use crate::model::params as p;
use crate::model::Metric;
use crate::model::{presets, Scenario};
use crate::sim_worker::SimWorker;
use crate::state::jobs::{Progress, Results, Slot};
use crate::state::share::{self, Shared, MAX_RUNS, MAX_SEED, MIN_RUNS};
use crate::story::{default_story, parse_story, Story};
use chart::FanChart;
use format::{full, Unit};
use gloo::timers::callback::Interval;
use gloo::worker::{Spawnable, WorkerBridge};
use levers::Lever;
use messages::{file_error_text, problem_text};
use std::cell::RefCell;
use std::rc::Rc;
use story_view::{StoryMode, StoryRef};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A result as shown on screen; compared by identity so charts re-render only on new data.
#[derive(Clone)]
pub struct Snapshot(pub Rc<Progress>);

impl PartialEq for Snapshot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Single futures drawn on the charts when "sample paths" is on.
const SAMPLE_PATHS: u32 = 8;
/// The worker script Trunk builds next to the app (relative: works from any sub-path).
const WORKER_SCRIPT: &str = "./longgame-worker.js";
/// Silence from the worker, with work outstanding, after which the page says something is wrong.
const STALL_MS: f64 = 8000.0;

pub(crate) struct ChartSpec {
    metric: Metric,
    title: &'static str,
    unit: Unit,
}

/// Every metric's chart: the first four are vanity (attention), the rest business outcomes.
pub(crate) const CHARTS: [ChartSpec; 8] = [
    ChartSpec {
        metric: Metric::Reach,
        title: "metric.reach",
        unit: Unit::Count,
    },
    ChartSpec {
        metric: Metric::Followers,
        title: "metric.followers",
        unit: Unit::Count,
    },
    ChartSpec {
        metric: Metric::Engagement,
        title: "metric.engagement",
        unit: Unit::Count,
    },
    ChartSpec {
        metric: Metric::Trust,
        title: "metric.trust",
        unit: Unit::Score,
    },
    ChartSpec {
        metric: Metric::Leads,
        title: "metric.leads",
        unit: Unit::Count,
    },
    ChartSpec {
        metric: Metric::Customers,
        title: "metric.customers",
        unit: Unit::Count,
    },
    ChartSpec {
        metric: Metric::Cost,
        title: "metric.cost",
        unit: Unit::Money,
    },
    ChartSpec {
        metric: Metric::Roi,
        title: "metric.roi",
        unit: Unit::Percent,
    },
];

const VANITY: &[ChartSpec] = CHARTS.split_at(4).0;
const OUTCOMES: &[ChartSpec] = CHARTS.split_at(4).1;

/// Shows step `i` of `story`: its levers (unless the room sets them) and its comparison.
fn apply_step(s: &mut Shared, story: &Story, i: usize) {
    let i = i.min(story.steps.len() - 1);
    let step = &story.steps[i];
    s.step = i as u32;
    if let Ok(Some(scenario)) = step.scenario("") {
        s.scenario = scenario;
    }
    s.pinned = step.pinned("").ok().flatten();
}

fn load_story(raw: &str) -> Result<Story, crate::files::FileError> {
    if raw == "default" {
        Ok(default_story())
    } else {
        parse_story(raw)
    }
}

/// The interface language: the link's `lang`, else the browser's, else English.
fn lang_of(s: &Shared) -> Lang {
    s.lang
        .as_deref()
        .and_then(Lang::from_code)
        .or_else(|| {
            gloo::utils::window()
                .navigator()
                .language()
                .as_deref()
                .and_then(Lang::from_code)
        })
        .unwrap_or_default()
}

fn input_number(e: &Event) -> Option<f64> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| i.value().trim().parse::<f64>().ok())
}

#[component]
fn App() -> Html {
    let first = use_memo((), |_| share::decode(&browser::query()));
    let shared = use_state(|| first.0.clone());
    let l = lang_of(&shared);
    panic::set_language(l);
    use_effect_with(l, |l| {
        let doc = gloo::utils::document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", l.code());
        }
        doc.set_title(tr(*l, "app.doc_title"));
    });
    let notices = use_state(|| {
        let l = lang_of(&first.0);
        first
            .1
            .iter()
            .map(|p| trf(l, "notice.link", &[&problem_text(l, p)]))
            .collect::<Vec<_>>()
    });
    let play_day = use_state(|| None::<u32>);
    let parsed_story = use_memo(shared.story.clone(), |raw| {
        raw.as_deref().map(load_story).map(|r| r.map(Rc::new))
    });
    let show_samples = use_state(|| false);
    let results = use_mut_ref(Results::default);
    let bridge: Rc<RefCell<Option<WorkerBridge<SimWorker>>>> = use_mut_ref(|| None);
    let redraw = use_force_update();
    // When the worker was last heard from (or last given work), for the watchdog below.
    let last_heard = use_mut_ref(js_sys::Date::now);
    let stalled = use_state_eq(|| false);

    // Start the worker once; every result goes through `Results`, which drops stale ones.
    {
        let (results, bridge, redraw) = (results.clone(), bridge.clone(), redraw.clone());
        let (last_heard, stalled) = (last_heard.clone(), stalled.clone());
        use_effect_with((), move |_| {
            let on_result = move |p: Progress| {
                *last_heard.borrow_mut() = js_sys::Date::now();
                stalled.set(false);
                if results.borrow_mut().receive(p) {
                    redraw.force_update();
                }
            };
            *bridge.borrow_mut() = Some(
                SimWorker::spawner()
                    .callback(on_result)
                    .spawn(WORKER_SCRIPT),
            );
        });
    }
    // Watchdog: the worker reports every 150 ms while it works, so a long silence with work
    // outstanding means it never started (blocked, or its files are missing) or it crashed.
    {
        let (results, last_heard, stalled) = (results.clone(), last_heard.clone(), stalled.clone());
        use_effect_with((), move |_| {
            let watchdog = Interval::new(1000, move || {
                let silent = js_sys::Date::now() - *last_heard.borrow() > STALL_MS;
                stalled.set(silent && results.borrow().pending());
            });
            move || drop(watchdog)
        });
    }
    // A story that does not load is reported and trainer mode is left; one that loads shows its step.
    {
        let (shared, notices, parsed) = (shared.clone(), notices.clone(), parsed_story.clone());
        use_effect_with(shared.story.clone(), move |_| match &*parsed {
            Some(Err(e)) => {
                let mut n = (*notices).clone();
                n.push(trf(l, "notice.story", &[&file_error_text(l, e)]));
                notices.set(n);
                shared.set(Shared {
                    story: None,
                    step: 0,
                    ..(*shared).clone()
                });
            }
            Some(Ok(story)) => {
                let mut next = (*shared).clone();
                let step = next.step as usize;
                apply_step(&mut next, story, step);
                if next != *shared {
                    shared.set(next);
                }
            }
            None => {}
        });
    }
    // Every change: update the address bar and (re)start whatever it affects.
    {
        let (results, bridge, redraw) = (results.clone(), bridge.clone(), redraw.clone());
        let last_heard = last_heard.clone();
        use_effect_with((*shared).clone(), move |s| {
            browser::replace_query(&share::encode(s));
            let mut r = results.borrow_mut();
            let was_idle = !r.pending();
            let mut jobs = vec![r.request(Slot::Current, s.scenario, s.seed, s.runs, SAMPLE_PATHS)];
            match s.pinned {
                Some(a) => jobs.push(r.request(Slot::Pinned, a, s.seed, s.runs, 0)),
                None => r.clear(Slot::Pinned),
            }
            // The overlay is drawn in the main view only; trainer mode does not pay for it.
            if s.story.is_none() && s.quit > 0 && s.quit < s.scenario.assumptions.horizon_days {
                let mut q = s.scenario;
                q.assumptions.stop_day = s.quit;
                jobs.push(r.request(Slot::Quit, q, s.seed, s.runs, 0));
            } else {
                r.clear(Slot::Quit);
            }
            drop(r);
            if !jobs.is_empty() && was_idle {
                // Idle until now: the silence so far is not the worker's fault.
                *last_heard.borrow_mut() = js_sys::Date::now();
            }
            if let Some(b) = bridge.borrow().as_ref() {
                for job in jobs.into_iter().flatten() {
                    b.send(job);
                }
            }
            redraw.force_update();
        });
    }

    let update = {
        let shared = shared.clone();
        move |f: Box<dyn Fn(&mut Shared)>| {
            let mut next = (*shared).clone();
            f(&mut next);
            shared.set(next);
        }
    };
    let set_field = {
        let update = update.clone();
        let scenario = shared.scenario;
        move |name: &'static str| {
            let update = update.clone();
            Callback::from(move |v: f64| -> Option<String> {
                // The lever checked its own range; the scenario as a whole must stay valid too
                // (whole days, starting followers within the market), or the lever says why not.
                let mut trial = scenario;
                if trial.set(name, v).is_err() {
                    return Some(trf(l, "lever.whole_days", &[&full(l, v)]));
                }
                if let Err(e) = trial.validate() {
                    let r = e.range;
                    return Some(trf(
                        l,
                        "lever.bad_value",
                        &[&full(l, v), &full(l, r.min), &full(l, r.max)],
                    ));
                }
                update(Box::new(move |s: &mut Shared| {
                    let mut next = s.scenario;
                    if next.set(name, v).is_ok() && next.validate().is_ok() {
                        s.scenario = next;
                    }
                }));
                None
            })
        }
    };

    let r = results.borrow();
    // "Done" only once every picture on screen is final: the comparison and the quit overlay too.
    let all_done = !r.pending();
    let current = r.get(Slot::Current).map(|(p, latest)| {
        (
            Snapshot(r.shown[0].clone().unwrap()),
            latest,
            p.done && all_done,
        )
    });
    let pinned = r
        .get(Slot::Pinned)
        .filter(|(_, l)| *l)
        .map(|_| Snapshot(r.shown[1].clone().unwrap()));
    let quit = r
        .get(Slot::Quit)
        .filter(|(_, l)| *l)
        .map(|_| Snapshot(r.shown[2].clone().unwrap()));
    drop(r);

    let s = &*shared;
    let (lv, a) = (s.scenario.levers, s.scenario.assumptions);
    let d = Scenario::default();
    let lever = |name: &'static str, meaning: String| {
        let field = p::field(name).expect("a registered field");
        let (value, default) = (field.get(&s.scenario), field.get(&d));
        html! { <Lever {field} {value} {default} meaning={meaning} on_change={set_field(name)} /> }
    };

    let preset_list = presets();
    let active_preset = preset_list
        .iter()
        .find(|pr| pr.scenario == s.scenario)
        .map(|pr| pr.id);
    let on_preset = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let id = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some(pr) = crate::model::preset(&id) {
                update(Box::new(move |s: &mut Shared| s.scenario = pr.scenario));
            }
        })
    };
    let lesson = active_preset
        .and_then(crate::model::preset)
        .map(|pr| crate::i18n::tr_dyn(l, &format!("preset.{}.lesson", pr.id)));

    let on_pin = {
        let update = update.clone();
        Callback::from(move |_| update(Box::new(|s: &mut Shared| s.pinned = Some(s.scenario))))
    };
    let on_unpin = {
        let update = update.clone();
        Callback::from(move |_| update(Box::new(|s: &mut Shared| s.pinned = None)))
    };
    let on_seed = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            if let Some(v) =
                input_number(&e).filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v <= MAX_SEED as f64)
            {
                update(Box::new(move |s: &mut Shared| s.seed = v as u64));
            }
        })
    };
    let on_runs = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = input_number(&e)
                .filter(|v| v.fract() == 0.0 && *v >= MIN_RUNS as f64 && *v <= MAX_RUNS as f64)
            {
                update(Box::new(move |s: &mut Shared| s.runs = v as u32));
            }
        })
    };
    let on_quit = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let v = input_number(&e)
                .unwrap_or(0.0)
                .clamp(0.0, p::MAX_DAYS as f64);
            update(Box::new(move |s: &mut Shared| s.quit = v.round() as u32));
        })
    };
    let on_samples = {
        let show_samples = show_samples.clone();
        Callback::from(move |_| show_samples.set(!*show_samples))
    };
    let dismiss = {
        let notices = notices.clone();
        Callback::from(move |_| notices.set(Vec::new()))
    };
    let on_load = {
        let (shared, notices) = (shared.clone(), notices.clone());
        Callback::from(move |query: String| {
            let (mut next, problems) = share::decode(&query);
            next.embed = shared.embed;
            next.lang = shared.lang.clone();
            if !problems.is_empty() {
                notices.set(
                    problems
                        .iter()
                        .map(|p| trf(l, "notice.saved", &[&problem_text(l, p)]))
                        .collect(),
                );
            }
            shared.set(next);
        })
    };
    let on_import = {
        let update = update.clone();
        Callback::from(move |sc: Scenario| update(Box::new(move |s: &mut Shared| s.scenario = sc)))
    };

    let go_to = {
        let (shared, parsed) = (shared.clone(), parsed_story.clone());
        Callback::from(move |i: usize| {
            if let Some(Ok(story)) = &*parsed {
                let mut next = (*shared).clone();
                apply_step(&mut next, story, i);
                shared.set(next);
            }
        })
    };
    let exit_story = {
        let update = update.clone();
        Callback::from(move |_: ()| {
            update(Box::new(|s: &mut Shared| {
                s.story = None;
                s.step = 0;
                s.pinned = None;
            }))
        })
    };
    let start_story = {
        let update = update.clone();
        Callback::from(move |_| {
            update(Box::new(|s: &mut Shared| {
                s.story = Some("default".into());
                s.step = 0;
            }))
        })
    };
    let story_message = use_state(|| None::<String>);
    let story_reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let load_story_file = {
        let (shared, message, reader) =
            (shared.clone(), story_message.clone(), story_reader.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let name = file.name();
            input.set_value("");
            let (shared, message) = (shared.clone(), message.clone());
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(
                &gloo::file::File::from(file),
                move |text| match text
                    .map_err(|_| tr(l, "file.unreadable").to_string())
                    .and_then(|t| {
                        parse_story(&t)
                            .map(|_| t)
                            .map_err(|e| file_error_text(l, &e))
                    }) {
                    Ok(t) => {
                        message.set(None);
                        shared.set(Shared {
                            story: Some(t),
                            step: 0,
                            ..(*shared).clone()
                        });
                    }
                    Err(e) => message.set(Some(trf(l, "trainer.load_error", &[&name, &e]))),
                },
            ));
        })
    };
    let on_play_day = {
        let play_day = play_day.clone();
        Callback::from(move |d: Option<u32>| play_day.set(d))
    };

    let query = share::encode(s);
    let link = {
        let loc = gloo::utils::window().location();
        // The shared link names the language on screen, so it opens the same for everyone.
        let shared_query = share::encode(&Shared {
            lang: Some(l.code().to_string()),
            ..s.clone()
        });
        format!(
            "{}{}?{shared_query}",
            loc.origin().unwrap_or_default(),
            loc.pathname().unwrap_or_default()
        )
    };

    let status = match &current {
        _ if *stalled => html! {
            <p class="status stalled" data-status="stalled" role="alert">{ tr(l, "status.stalled") }</p>
        },
        None => {
            html! { <p class="status" data-status="starting" role="status">{ tr(l, "status.starting") }</p> }
        }
        Some((snap, latest, done)) => {
            let p = &snap.0;
            let state = if !latest {
                "updating"
            } else if *done {
                "done"
            } else {
                "running"
            };
            html! {
                <p class={classes!("status", state)} role="status" data-status={state} data-job={p.id.to_string()}
                    data-runs-done={p.summary.runs_done.to_string()} data-runs={p.summary.runs.to_string()}
                    data-days={p.summary.days.to_string()} data-elapsed-ms={format!("{:.1}", p.elapsed_ms)} data-compute-ms={format!("{:.1}", p.compute_ms)}>
                    { match state {
                        "updating" => tr(l, "status.updating").to_string(),
                        "running" => trf(l, "status.running", &[&p.summary.runs_done, &p.summary.runs]),
                        _ => trf(l, "status.done", &[&full(l, p.summary.runs as f64), &p.summary.days, &p.summary.seed,
                            &crate::i18n::decimal(l, (p.elapsed_ms / 100.0).round() / 10.0)]),
                    } }
                    if state == "running" {
                        <progress max={p.summary.runs.to_string()} value={p.summary.runs_done.to_string()} />
                    }
                </p>
            }
        }
    };

    let charts = |specs: &[ChartSpec]| -> Html {
        match &current {
            None => html! { <p class="muted">{ tr(l, "status.first") }</p> },
            Some((snap, latest, _)) => specs
                .iter()
                .filter(|c| !s.embed || c.metric == Metric::Followers || c.metric == Metric::Leads)
                .map(|c| html! {
                    <FanChart metric={c.metric} title={tr(l, c.title)} unit={c.unit} current={snap.clone()}
                        pinned={pinned.clone()} quit={quit.clone()} quit_day={s.quit}
                        show_samples={*show_samples} stale={!*latest} reveal_day={*play_day} />
                })
                .collect(),
        }
    };

    let levers_html = html! {
        <section class="levers" aria-label={tr(l, "levers.aria")}>
            { lever("budget", levers::budget_meaning(l, lv.budget)) }
            { lever("posts_per_week", levers::posts_meaning(l, lv.posts_per_week)) }
            { lever("responsiveness", levers::responsiveness_meaning(l, lv.responsiveness, lv.buy_in)) }
            { lever("buy_in", levers::buy_in_meaning(l, lv.buy_in)) }
        </section>
    };
    let presets_html = html! {
        <section class="presets">
            <label for="preset">{ tr(l, "presets.label") }</label>
            <select id="preset" onchange={on_preset}>
                if active_preset.is_none() { <option value="" selected=true>{ tr(l, "presets.custom") }</option> }
                { for preset_list.iter().map(|pr| html! {
                    <option value={pr.id} selected={active_preset == Some(pr.id)}>{ crate::i18n::tr_dyn(l, &format!("preset.{}.name", pr.id)) }</option>
                }) }
            </select>
            if let Some(lesson) = lesson { <p class="meaning">{ lesson }</p> }
        </section>
    };

    let on_lang = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let code = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            update(Box::new(move |s: &mut Shared| s.lang = Some(code.clone())))
        })
    };
    let lang_switch = html! {
        <label class="lang-switch">{ tr(l, "app.language") }{" "}
            <select onchange={on_lang} aria-label={tr(l, "app.language")}>
                { for crate::i18n::LANGS.iter().map(|x| html! {
                    <option value={x.code()} selected={*x == l}>{ x.name() }</option>
                }) }
            </select>
        </label>
    };
    let notices_html = (!notices.is_empty()).then(|| {
        html! {
            <div class="notices" role="alert">
                <ul>{ for notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                <button type="button" class="small" onclick={dismiss.clone()}>{ tr(l, "notice.dismiss") }</button>
            </div>
        }
    });
    if let Some(Ok(story)) = &*parsed_story {
        return html! {
            <ContextProvider<Lang> context={l}>
            <div class="page story-page" data-app-ready="true" data-query={query} lang={l.code()}>
                { lang_switch }
                { notices_html.unwrap_or_default() }
                <StoryMode story={StoryRef(story.clone())} step={s.step as usize}
                    current={current.as_ref().map(|(a, b, _)| (a.clone(), *b))} pinned={pinned.clone()}
                    on_step={go_to} on_exit={exit_story} status={status} levers={levers_html} />
            </div>
            </ContextProvider<Lang>>
        };
    }

    html! {
        <ContextProvider<Lang> context={l}>
        <div class={classes!("page", s.embed.then_some("embed"))} data-app-ready="true" data-query={query.clone()} lang={l.code()}>
            <header class="masthead">
                <h1>{ tr(l, "app.title") }</h1>
                { lang_switch }
                if !s.embed { <p class="tagline">{ tr(l, "app.tagline") }</p> }
                if s.embed { <a class="open-full" href={format!("./?{}", share::encode(&Shared { embed: false, ..s.clone() }))} target="_blank" rel="noopener">{ tr(l, "app.open_full") }</a> }
            </header>
            { notices_html.unwrap_or_default() }
            <div class="layout">
                <aside class="controls">
                    { presets_html }
                    { levers_html }
                    if !s.embed {
                        <details class="assumptions">
                            <summary>{ tr(l, "assumptions.title") }</summary>
                            { lever("market_size", tr(l, "assume.market_size.help").into()) }
                            { lever("starting_followers", tr(l, "assume.starting_followers.help").into()) }
                            { lever("customer_value", tr(l, "assume.customer_value.help").into()) }
                            { lever("close_rate", tr(l, "assume.close_rate.help").into()) }
                            { lever("channel_fit", tr(l, "assume.channel_fit.help").into()) }
                            { lever("horizon_days", tr(l, "assume.horizon_days.help").into()) }
                            { lever("goal_leads", tr(l, "assume.goal_leads.help").into()) }
                            { lever("goal_day", tr(l, "assume.goal_day.help").into()) }
                            { lever("crisis_day", tr(l, "assume.crisis_day.help").into()) }
                            { lever("stop_day", tr(l, "assume.stop_day.help").into()) }
                            <div class="field">
                                <label for="seed">{ tr(l, "assume.seed") }</label>
                                <input id="seed" type="number" min="0" max={MAX_SEED.to_string()} step="1" value={s.seed.to_string()} onchange={on_seed} />
                                <p class="meaning">{ tr(l, "assume.seed.help") }</p>
                            </div>
                            <div class="field">
                                <label for="runs">{ tr(l, "assume.runs") }</label>
                                <input id="runs" type="number" min={MIN_RUNS.to_string()} max={MAX_RUNS.to_string()} step="10" value={s.runs.to_string()} onchange={on_runs} />
                            </div>
                        </details>
                        <section class="panel compare" aria-labelledby="compare-controls">
                            <h3 id="compare-controls">{ tr(l, "compare.title") }</h3>
                            if s.pinned.is_some() {
                                <p>{ tr(l, "compare.pinned") }</p>
                                <div class="buttons">
                                    <button type="button" onclick={on_pin.clone()}>{ tr(l, "compare.repin") }</button>
                                    <button type="button" onclick={on_unpin}>{ tr(l, "compare.unpin") }</button>
                                </div>
                            } else {
                                <p>{ tr(l, "compare.hint") }</p>
                                <button type="button" onclick={on_pin}>{ tr(l, "compare.pin") }</button>
                            }
                        </section>
                        <section class="panel quit">
                            <label for="quit-day">{ tr(l, "quit.label") }</label>
                            <input id="quit-day" type="number" min="0" max={a.horizon_days.to_string()} step="1"
                                value={s.quit.to_string()} onchange={on_quit} />
                            <p class="meaning">{ if s.quit > 0 { trf(l, "quit.on", &[&s.quit]) } else { tr(l, "quit.off").to_string() } }</p>
                        </section>
                        <section class="panel trainer" aria-labelledby="trainer-title">
                            <h3 id="trainer-title">{ tr(l, "trainer.title") }</h3>
                            <p class="meaning">{ tr(l, "trainer.help") }</p>
                            <button type="button" class="start-story" onclick={start_story}>{ tr(l, "trainer.start") }</button>
                            <label class="import">{ tr(l, "trainer.load") }
                                <input type="file" accept=".json,application/json" class="story-file" onchange={load_story_file} />
                            </label>
                            if let Some(m) = &*story_message { <p class="panel-message" role="alert">{ m }</p> }
                        </section>
                        <SavedPanel query={AttrValue::from(query.clone())} on_load={on_load} />
                        <ExportPanel current={current.as_ref().map(|c| c.0.clone())} scenario={s.scenario} link={AttrValue::from(link)} on_import={on_import} />
                    }
                </aside>
                <main class="results">
                    <div class="results-head">
                        { status }
                        if let Some((snap, _, _)) = &current {
                            <player::Player days={snap.0.summary.days} day={*play_day} on_day={on_play_day} />
                        }
                        <label class="toggle"><input type="checkbox" checked={*show_samples} onchange={on_samples} />{ tr(l, "results.samples") }</label>
                    </div>
                    if let (Some(a), Some((b, _, _))) = (pinned.clone(), current.clone()) {
                        <compare::CompareSummary a={a} b={b} />
                    }
                    <div class="columns">
                        <section class="column vanity" aria-labelledby="vanity-title">
                            <h2 id="vanity-title">{ tr(l, "column.vanity") }</h2>
                            { charts(VANITY) }
                        </section>
                        <section class="column outcomes" aria-labelledby="outcome-title">
                            <h2 id="outcome-title">{ tr(l, "column.outcomes") }</h2>
                            { charts(OUTCOMES) }
                        </section>
                    </div>
                    if !s.embed {
                        if let Some((snap, _, _)) = &current { <patience::Patience current={snap.clone()} /> }
                    }
                    <footer class="footnote">
                        { trf(l, "app.footnote", &[&s.seed, &full(l, s.runs as f64)]) }
                    </footer>
                </main>
            </div>
        </div>
        </ContextProvider<Lang>>
    }
}

use panels::{ExportPanel, SavedPanel};

/// Mount the app into the page, replacing the static loading notice.
pub fn start() {
    panic::install();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has an #app element");
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
