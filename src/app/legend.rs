//! What the marks on the fan charts mean, in a visible legend (not only in hover tooltips).
//! Each entry draws its mark with the charts' own classes, so the two cannot drift apart.

use super::use_app;
use crate::i18n::{tr, Lang};
use yew::prelude::*;

/// One legend entry: a small drawing and its meaning.
pub(crate) fn entry(l: Lang, key: &'static str, mark: Html) -> Html {
    html! {
        <li>
            <svg class="legend-mark" viewBox="0 0 28 14" width="28" height="14" aria-hidden="true">{ mark }</svg>
            { tr(l, key) }
        </li>
    }
}

#[component]
pub fn ChartLegend() -> Html {
    let state = use_app();
    let l = state.lang();
    let s = &state.shared;
    let line = |class: &'static str| html! { <path class={class} d="M1,7h26" /> };
    html! {
        <ul class="legend chart-legend" aria-label={tr(l, "legend.aria")}>
            { entry(l, "legend.outer", html! { <rect class="band-outer" width="28" height="14" /> }) }
            { entry(l, "legend.inner", html! { <rect class="band-inner" y="3" width="28" height="8" /> }) }
            { entry(l, "legend.median", line("median")) }
            if s.pinned.is_some() { { entry(l, "legend.pinned", line("median-a")) } }
            if s.quit > 0 { { entry(l, "legend.quit", line("median-quit")) } }
            { entry(l, "legend.review", html! { <path class="review" d="M14,12l-6,-9h12z" /> }) }
            if state.show_samples {
                { entry(l, "legend.sample", line("sample-line")) }
                { entry(l, "legend.crisis", html! { <>
                    <circle class="crisis firestorm" cx="6" cy="7" r="5" />
                    <circle class="crisis faded" cx="22" cy="7" r="5" />
                </> }) }
                { entry(l, "legend.cancelled", html! { <path class="cancelled" d="M10,3l8,8m0,-8l-8,8" /> }) }
            }
        </ul>
    }
}
