//! The explorer's map of two levers: the picture (`view::explore::lever_map`, the same markup
//! as the exports) with a keyboard grid laid exactly over its cells (one tab stop, arrow keys
//! move, Enter or a click loads the cell's levers), the focused or pointed-at cell labelled
//! beside it, the numbers as a table, exports, and progress with a Cancel button while it
//! refines.

use super::parts::{export_buttons, CancelButton, ExploreSettings, Stopped};
use crate::app::use_app;
use crate::i18n::{tr, tr_dyn, trf, Lang};
use crate::state::app_state::{Action, ExploreAction};
use crate::state::explore::lever_map::{lever_map, map_csv, LeverMap, SIZE};
use crate::view::explore::chart::{Frame, Layout};
use crate::view::explore::lever_map::{svg, svg_in, H, W};
use crate::view::explore::map_words::{axis_value, cell_lines, cell_text, title, value_text, what};
use crate::view::format::full;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the map shows and how far it has got: the words, the settings and the progress.
#[component]
pub fn MapSettings() -> Html {
    let state = use_app();
    let l = state.lang();
    let s = &state.shared;
    let e = s.explore.clone().unwrap_or_default();
    let runs = full(l, e.map_runs as f64);
    html! {
        <>
            <p class="meaning">{ trf(l, "map.help", &[&runs, &s.seed]) }</p>
            <p class="meaning map-ranges">{ tr(l, "map.ranges") }</p>
            <ExploreSettings />
            <MapProgress />
        </>
    }
}

/// Progress and Cancel while the map refines, the word a cancelled map leaves, or that it is
/// complete. Their place keeps the height of the progress (an invisible copy of it lies under
/// them), so nothing below moves when the refining ends.
#[component]
fn MapProgress() -> Html {
    let state = use_app();
    let l = state.lang();
    let e = state.shared.explore.clone().unwrap_or_default();
    let r = &state.results;
    // A pass that completes asks for the next at once, so "done" means all the futures.
    let running = r.outcomes_requested.is_some() && r.outcomes_done().is_none();
    let (done, total) = r.outcomes_progress(e.map_runs);
    let cells = (SIZE * SIZE) as u32;
    let runs = full(l, e.map_runs as f64);
    let progress = |done: u32, class: &'static str| {
        html! {
            <p class={classes!("status", "outcomes-progress", class)} role={(class == "map-progress").then_some("status")}>
                { trf(l, "map.progress", &[&cells, &full(l, (done / cells) as f64), &runs]) }
                <progress max={total.to_string()} value={done.to_string()} aria-label={tr(l, "explore.running")} />
            </p>
        }
    };
    html! {
        <div class="map-status">
            <div class="explore-progress map-status-room" aria-hidden="true">
                { progress(total, "") }
                <button type="button" class="small" tabindex="-1" disabled=true>{ tr(l, "explore.cancel") }</button>
            </div>
            if running {
                <div class="explore-progress">
                    { progress(done, "map-progress") }
                    <CancelButton />
                </div>
            } else if r.outcomes_requested.is_none() {
                <Stopped />
            } else {
                <p class="status map-complete">{ trf(l, "map.complete", &[&runs]) }</p>
            }
        </div>
    }
}

/// The map itself, once its first pass is in.
#[component]
pub fn MapView() -> Html {
    let state = use_app();
    let s = &state.shared;
    let e = s.explore.clone().unwrap_or_default();
    let m = state.results.outcomes_so_far().and_then(|o| {
        lever_map(
            &s.scenario,
            e.axes,
            &o.values,
            (e.outcome, e.day_in(&s.scenario)),
        )
    });
    match m {
        Some(m) => html! { <MapChart map={Rc::new(m)} /> },
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
struct ChartProps {
    map: Rc<LeverMap>,
}

fn focus_cell((ix, iy): (usize, usize)) {
    let id = format!("map-cell-{ix}-{iy}");
    if let Some(el) = gloo::utils::document().get_element_by_id(&id) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Where a key moves the grid's focus from `(ix, iy)` (`iy` counts up from the bottom row).
fn moved((ix, iy): (usize, usize), key: &str) -> Option<(usize, usize)> {
    let last = SIZE - 1;
    Some(match key {
        "ArrowRight" => ((ix + 1).min(last), iy),
        "ArrowLeft" => (ix.saturating_sub(1), iy),
        "ArrowUp" => (ix, (iy + 1).min(last)),
        "ArrowDown" => (ix, iy.saturating_sub(1)),
        "Home" => (0, iy),
        "End" => (last, iy),
        "PageUp" => (ix, last),
        "PageDown" => (ix, 0),
        _ => return None,
    })
}

#[component]
fn MapChart(p: &ChartProps) -> Html {
    let state = use_app();
    let l = state.lang();
    let m = p.map.clone();
    let active = use_state(|| m.current);
    let hovered = use_state(|| None::<(usize, usize)>);
    // Whether the keyboard is in the grid (its focused cell then shows its label).
    let inside = use_state(|| false);
    let load = {
        let dispatch = state.dispatcher();
        move |(ix, iy): (usize, usize)| {
            dispatch.dispatch(Action::Explore(ExploreAction::LoadMapCell(ix, iy)))
        }
    };
    let onkeydown = {
        let (active, load) = (active.clone(), load.clone());
        Callback::from(move |ev: KeyboardEvent| {
            let key = ev.key();
            if key == "Enter" || key == " " {
                ev.prevent_default();
                load(*active);
            } else if let Some(next) = moved(*active, &key) {
                ev.prevent_default();
                active.set(next);
                focus_cell(next);
            }
        })
    };
    let onfocusout = {
        let inside = inside.clone();
        Callback::from(move |ev: FocusEvent| {
            let to_cell = ev
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.id().starts_with("map-cell-"));
            if !to_cell {
                inside.set(false);
            }
        })
    };
    // The pointed-at cell, else the focused one while the keyboard is in the grid.
    let shown = (*hovered).or_else(|| inside.then_some(*active));
    let cell = |ix: usize, iy: usize| {
        let onclick = {
            let load = load.clone();
            Callback::from(move |_| load((ix, iy)))
        };
        let onfocus = {
            let (active, inside) = (active.clone(), inside.clone());
            Callback::from(move |_| {
                active.set((ix, iy));
                inside.set(true);
            })
        };
        let onmouseenter = {
            let hovered = hovered.clone();
            Callback::from(move |_| hovered.set(Some((ix, iy))))
        };
        let current = (ix, iy) == m.current;
        let tipped = shown == Some((ix, iy));
        html! {
            <div role="gridcell" id={format!("map-cell-{ix}-{iy}")}
                class={classes!("map-gridcell", current.then_some("current"), tipped.then_some("tipped"))}
                tabindex={if *active == (ix, iy) { "0" } else { "-1" }}
                aria-label={cell_text(l, &m, (ix, iy))}
                data-value={m.at((ix, iy)).to_string()}
                {onclick} {onfocus} {onmouseenter}>
                if tipped { { tip(l, &m, (ix, iy)) } }
            </div>
        }
    };
    let onmouseleave = {
        let hovered = hovered.clone();
        Callback::from(move |_| hovered.set(None))
    };
    let picture = |layout, class| {
        let markup = svg_in(l, &m, Frame::Screen, layout);
        html! { <div class={classes!("map-picture", class)} aria-hidden="true">{ Html::from_html_unchecked(AttrValue::from(markup)) }</div> }
    };
    html! {
        <section class="class-results explore-results map-results" aria-labelledby="map-title" data-runs={m.runs.to_string()}>
            <h2 id="map-title">{ title(l, &m) }</h2>
            <p class="meaning map-hint">{ tr(l, "map.info_hint") }</p>
            // The picture wide, or narrow on a phone (style.css shows the one that fits), under
            // the keyboard grid laid exactly over its cells.
            <div class="map-box">
                <div class="map-frame">
                    { picture(Layout::Wide, "map-wide") }
                    { picture(Layout::Narrow, "map-small") }
                    <div class="map-grid" role="grid" aria-label={trf(l, "map.grid_aria", &[&title(l, &m)])} {onkeydown} {onfocusout} {onmouseleave}>
                        { for (0..SIZE).rev().map(|iy| html! {
                            <div role="row" class="map-row">{ for (0..SIZE).map(|ix| cell(ix, iy)) }</div>
                        }) }
                    </div>
                </div>
            </div>
            { table(l, &m) }
            { exports(l, &m) }
        </section>
    }
}

/// A cell's label beside it (the cell announces the same in its name): right of the cells in
/// the left half, left of those in the right half; level with its top in the upper half, with
/// its bottom in the lower, so it stays over the map and leaves the cell itself in view.
fn tip(l: Lang, m: &LeverMap, (ix, iy): (usize, usize)) -> Html {
    let lines = cell_lines(l, m, (ix, iy));
    let side = if ix < SIZE / 2 { "east" } else { "west" };
    let level = if iy >= SIZE / 2 { "high" } else { "low" };
    html! {
        <span class={classes!("map-tip", side, level)} aria-hidden="true">
            { for lines.iter().enumerate().map(|(i, line)| html! {
                <span class={classes!("map-tip-line", (i == 0).then_some("map-tip-value"))}>{ line }</span>
            }) }
        </span>
    }
}

/// The same numbers as a table: a row for each value up, the top row first.
fn table(l: Lang, m: &LeverMap) -> Html {
    let (x, y) = (m.axes.x, m.axes.y);
    let (xl, yl) = (
        tr_dyn(l, x.field().label_key),
        tr_dyn(l, y.field().label_key),
    );
    let runs = full(l, m.runs as f64);
    let caption = trf(l, "map.table_caption", &[&what(l, m), &yl, &xl, &runs]);
    html! {
        <div class="table-scroll" role="region" tabindex="0" aria-label={caption.clone()}>
            <table class="class-table map-table">
                <caption>{ caption }</caption>
                <thead><tr>
                    <th scope="col">{ trf(l, "map.table_corner", &[&yl, &xl]) }</th>
                    { for x.values().iter().map(|v| html! { <th scope="col">{ axis_value(l, x, *v) }</th> }) }
                </tr></thead>
                <tbody>{ for (0..SIZE).rev().map(|iy| html! {
                    <tr>
                        <th scope="row">{ axis_value(l, y, y.values()[iy]) }</th>
                        { for (0..SIZE).map(|ix| {
                            let current = (ix, iy) == m.current;
                            html! { <td class={classes!(current.then_some("current"))}>
                                { value_text(l, m, m.at((ix, iy))) }{ if current { " ◎" } else { "" } }
                            </td> }
                        }) }
                    </tr>
                }) }</tbody>
            </table>
        </div>
    }
}

/// The exports carry the title the screen leaves to the heading.
fn exports(l: Lang, m: &LeverMap) -> Html {
    let markup = svg(l, m, Frame::Export);
    export_buttons(l, "map", map_csv(m), (markup, (W, H)))
}
