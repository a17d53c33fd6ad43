//! The explorer: the tornado (which lever or assumption moves the chosen outcome most, for the
//! scenario on screen) and the map of two levers (`super::lever_map`). The bars and the table
//! come from `state::explore::tornado`; the chart's markup from `view::explore::tornado`, so
//! what is exported is exactly what is shown.

use super::parts::{export_buttons, CancelButton, ExploreSettings, Stopped};
use crate::app::header::ModeMasthead;
use crate::app::{send, use_app};
use crate::i18n::{tr, tr_dyn, Lang};
use crate::state::app_state::{Action, ExploreAction};
use crate::state::explore::tornado::{moves, tornado, tornado_csv, Tornado};
use crate::state::link::ExploreView;
use crate::view::explore::chart::{change, field_value, outcome, Frame, Layout};
use crate::view::explore::tornado::{svg, svg_in};
use crate::view::format::chance;
use yew::prelude::*;

#[component]
pub fn ExplorerPage() -> Html {
    let state = use_app();
    let l = state.lang();
    // Opened: the focus goes to its first control (the button that opened it is gone).
    crate::app::hooks::use_focus("explore-view-chosen", ());
    let Some(e) = state.shared.explore.clone() else {
        return Html::default();
    };
    let exit = send(&state, || Action::Explore(ExploreAction::Exit));
    let m = moves(&state.shared.scenario);
    let t = state
        .results
        .outcomes_done()
        .and_then(|o| tornado(&m, &o.values, e.outcome, e.day_in(&state.shared.scenario)));
    html! {
        <div class="page class-page explore-page" data-app-ready="true" lang={l.code()}>
            <ModeMasthead title={tr(l, "explore.title")} exit={(AttrValue::from(tr(l, "explore.exit")), "exit-explorer")} on_exit={exit} />
            <main class="class explore" id="explore">
                // The settings beside the chart where the screen is wide enough (style.css).
                <div class="explore-side">
                    <ViewSwitch />
                    if e.view == ExploreView::Map {
                        <super::lever_map::MapSettings />
                    } else {
                        <p class="meaning">{ tr(l, "explore.help") }</p>
                        <p class="meaning explore-steps">{ tr(l, "explore.steps") }</p>
                        <ExploreSettings />
                    }
                </div>
                if e.view == ExploreView::Map {
                    <super::lever_map::MapView />
                } else if let Some(t) = t {
                    { chart(l, &t) }
                } else if state.results.outcomes_requested.is_some() {
                    <div class="explore-progress">
                        { crate::app::results::outcomes_progress(l, state.results.outcomes.as_deref(), "explore.running") }
                        <CancelButton />
                    </div>
                } else {
                    <Stopped />
                }
            </main>
        </div>
    }
}

/// Tornado or map: two radio buttons (one tab stop, arrow keys choose).
#[component]
fn ViewSwitch() -> Html {
    let state = use_app();
    let l = state.lang();
    let view = state
        .shared
        .explore
        .as_ref()
        .map(|e| e.view)
        .unwrap_or_default();
    let option = |v: ExploreView, key: &'static str| {
        let dispatch = state.dispatcher();
        let onchange = Callback::from(move |_: Event| {
            dispatch.dispatch(Action::Explore(ExploreAction::SetView(v)))
        });
        html! {
            <label class={classes!("explore-view", format!("explore-view-{}", v.name()))}>
                <input type="radio" name="explore-view" value={v.name()} checked={view == v} {onchange}
                    id={(view == v).then_some("explore-view-chosen")} />
                { tr(l, key) }
            </label>
        }
    };
    html! {
        <fieldset class="explore-views">
            <legend>{ tr(l, "explore.view") }</legend>
            { option(ExploreView::Tornado, "explore.view_tornado") }
            { option(ExploreView::Map, "explore.view_map") }
        </fieldset>
    }
}

/// The tornado, its table and its exports (with the title drawn, which the screen leaves to
/// the heading). The screen has it wide and narrow; the style sheet shows the one that fits.
fn chart(l: Lang, t: &Tornado) -> Html {
    let markup =
        |layout| Html::from_html_unchecked(AttrValue::from(svg_in(l, t, Frame::Screen, layout)));
    let size = crate::view::explore::tornado::svg_size(t);
    let exports = export_buttons(
        l,
        "tornado",
        tornado_csv(t),
        (svg(l, t, Frame::Export), size),
    );
    html! {
        <section class="class-results explore-results" aria-labelledby="tornado-title">
            <h2 id="tornado-title">{ crate::view::explore::tornado::title(l, t) }</h2>
            <div class="tornado">
                <div class="tornado-wide">{ markup(Layout::Wide) }</div>
                <div class="tornado-small">{ markup(Layout::Narrow) }</div>
            </div>
            { table(l, t) }
            { exports }
        </section>
    }
}

fn table(l: Lang, t: &Tornado) -> Html {
    let (_, unit) = outcome(t.outcome);
    html! {
        <div class="table-scroll" role="region" tabindex="0" aria-label={tr(l, "explore.table_caption")}>
        <table class="class-table tornado-table">
            <caption>{ tr(l, "explore.table_caption") }</caption>
            <thead><tr>
                <th scope="col">{ tr(l, "explore.field") }</th>
                <th scope="col">{ tr(l, "explore.now") }</th>
                <th scope="col">{ tr(l, "explore.down_to") }</th>
                <th scope="col">{ tr(l, "explore.up_to") }</th>
                <th scope="col">{ tr(l, "explore.change_down") }</th>
                <th scope="col">{ tr(l, "explore.change_up") }</th>
                <th scope="col">{ tr(l, "explore.down_better") }</th>
                <th scope="col">{ tr(l, "explore.up_better") }</th>
            </tr></thead>
            <tbody>{ for t.bars.iter().map(|b| {
                let f = b.mv.field;
                html! { <tr data-field={f.name} data-swing={b.swing().to_string()}>
                    <th scope="row">{ tr_dyn(l, f.label_key) }</th>
                    <td>{ field_value(l, f, b.mv.base) }</td>
                    <td>{ field_value(l, f, b.mv.down) }</td>
                    <td>{ field_value(l, f, b.mv.up) }</td>
                    <td>{ change(l, b.down, unit) }</td>
                    <td>{ change(l, b.up, unit) }</td>
                    <td>{ chance(l, b.down_better) }</td>
                    <td>{ chance(l, b.up_better) }</td>
                </tr> }
            }) }</tbody>
        </table>
        </div>
    }
}
