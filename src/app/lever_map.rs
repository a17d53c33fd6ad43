//! The explorer's map of two levers: the picture (`view::lever_map`, the same markup as the
//! exports) with a keyboard grid laid exactly over its cells (one tab stop, arrow keys move,
//! Enter or a click loads the cell's levers), the focused or pointed-at cell in words, the
//! numbers as a table, exports, and progress with a Cancel button while it refines.

use super::explore_parts::{export_buttons, CancelButton, ExploreSettings, Stopped};
use super::use_app;
use crate::i18n::{tr, tr_dyn, trf, Lang};
use crate::state::app_state::Action;
use crate::state::lever_map::{lever_map, map_csv, LeverMap, SIZE};
use crate::view::format::full;
use crate::view::lever_map::{axis_value, cell_text, svg, title, value_text, what, H, W};
use crate::view::tornado::Frame;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[component]
pub fn MapView() -> Html {
    let state = use_app();
    let l = state.lang();
    let s = &state.shared;
    let e = s.explore.clone().unwrap_or_default();
    let r = &state.results;
    let m = r.outcomes_so_far().and_then(|o| {
        lever_map(
            &s.scenario,
            e.axes,
            &o.values,
            (e.metric, e.day_in(&s.scenario)),
        )
    });
    // A pass that completes asks for the next at once, so "done" means all the futures.
    let running = r.outcomes_requested.is_some() && r.outcomes_done().is_none();
    let (done, total) = r.outcomes_progress(e.map_runs);
    let cells = (SIZE * SIZE) as u32;
    let runs = full(l, e.map_runs as f64);
    html! {
        <>
            <p class="meaning">{ trf(l, "map.help", &[&runs, &s.seed]) }</p>
            <p class="meaning map-ranges">{ tr(l, "map.ranges") }</p>
            <ExploreSettings />
            if running {
                <div class="explore-progress">
                    <p class="status outcomes-progress map-progress" role="status">
                        { trf(l, "map.progress", &[&cells, &full(l, (done / cells) as f64), &runs]) }
                        <progress max={total.to_string()} value={done.to_string()} aria-label={tr(l, "explore.running")} />
                    </p>
                    <CancelButton />
                </div>
            } else if r.outcomes_requested.is_none() {
                <Stopped />
            }
            if let Some(m) = m {
                <MapChart map={Rc::new(m)} />
            }
        </>
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
    let load = {
        let dispatch = state.dispatcher();
        move |(ix, iy): (usize, usize)| dispatch.dispatch(Action::LoadMapCell(ix, iy))
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
    let shown = (*hovered).unwrap_or(*active);
    let cell = |ix: usize, iy: usize| {
        let onclick = {
            let load = load.clone();
            Callback::from(move |_| load((ix, iy)))
        };
        let onfocus = {
            let active = active.clone();
            Callback::from(move |_| active.set((ix, iy)))
        };
        let onmouseenter = {
            let hovered = hovered.clone();
            Callback::from(move |_| hovered.set(Some((ix, iy))))
        };
        let current = (ix, iy) == m.current;
        html! {
            <div role="gridcell" id={format!("map-cell-{ix}-{iy}")}
                class={classes!("map-gridcell", current.then_some("current"))}
                tabindex={if *active == (ix, iy) { "0" } else { "-1" }}
                aria-label={cell_text(l, &m, (ix, iy))}
                data-value={m.at((ix, iy)).to_string()}
                {onclick} {onfocus} {onmouseenter}></div>
        }
    };
    let onmouseleave = {
        let hovered = hovered.clone();
        Callback::from(move |_| hovered.set(None))
    };
    let markup = svg(l, &m, Frame::Screen);
    html! {
        <section class="class-results explore-results map-results" aria-labelledby="map-title" data-runs={m.runs.to_string()}>
            <h2 id="map-title">{ title(l, &m) }</h2>
            <p class="meaning map-hint">{ tr(l, "map.info_hint") }</p>
            // On a phone the map keeps a readable size and scrolls sideways.
            <div class="map-scroll">
                <div class="map-frame">
                    <div class="map-picture" aria-hidden="true">{ Html::from_html_unchecked(AttrValue::from(markup)) }</div>
                    <div class="map-grid" role="grid" aria-label={trf(l, "map.grid_aria", &[&title(l, &m)])} {onkeydown} {onmouseleave}>
                        { for (0..SIZE).rev().map(|iy| html! {
                            <div role="row" class="map-row">{ for (0..SIZE).map(|ix| cell(ix, iy)) }</div>
                        }) }
                    </div>
                </div>
            </div>
            <p class="map-info">{ cell_text(l, &m, shown) }</p>
            { table(l, &m) }
            { exports(l, &m) }
        </section>
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
