//! The "Why?" panel: what the model counted, in plain sentences, for the current scenario and,
//! when A is pinned, what differs most between A and B.

use super::use_app;
use super::Same;
use crate::i18n::tr;
use crate::state::jobs::Slot;
use crate::view::why::{compare_sentences, sentences};
use yew::prelude::*;

#[component]
pub fn WhyPanel() -> Html {
    let state = use_app();
    let l = state.lang();
    let Some((b, _)) = state.results.current().map(Same::flagged) else {
        return Html::default();
    };
    let said = sentences(l, &b.0.summary.why);
    let compared = state
        .results
        .latest(Slot::Pinned)
        .map(Same)
        .map(|a| compare_sentences(l, &a.0.summary.why, &b.0.summary.why));
    html! {
        <section class="why" aria-labelledby="why-title">
            <h3 id="why-title">{ tr(l, "why.title") }</h3>
            <p class="lead">{ tr(l, "why.lead") }</p>
            <ul class="why-list">{ for said.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
            if let Some(diffs) = compared {
                <h4>{ tr(l, "why.compare_title") }</h4>
                if diffs.is_empty() {
                    <p class="why-compare">{ tr(l, "why.compare_none") }</p>
                } else {
                    <ul class="why-compare">{ for diffs.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                }
            }
        </section>
    }
}
