//! The "Why?" panel: what the model counted, in plain sentences, for the current scenario and,
//! when A is pinned, what differs most between A and B.

use super::use_app;
use super::Same;
use crate::i18n::{tr, trf, Lang};
use crate::model::per_run::PredictorSet;
use crate::state::jobs::Slot;
use crate::view::futures;
use crate::view::why::{compare_sentences, sentences};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WhyProps {
    /// The panel scrolls on its own (the debrief on a projector): it takes the keyboard's focus.
    #[prop_or_default]
    pub scrolls: bool,
}

#[component]
pub fn WhyPanel(p: &WhyProps) -> Html {
    let state = use_app();
    let l = state.lang();
    let Some((b, _)) = state.results.current().map(Same::flagged) else {
        return Html::default();
    };
    let summary = &b.0.summary;
    let said = sentences(l, &summary.why);
    let headline = futures::headline(l, summary);
    let compared = state
        .results
        .latest(Slot::Pinned)
        .map(Same)
        .map(|a| compare_sentences(l, &a.0.summary.why, &b.0.summary.why));
    html! {
        <section class="why" aria-labelledby="why-title" tabindex={p.scrolls.then_some("0")}>
            <h3 id="why-title">{ tr(l, "why.title") }</h3>
            if let Some(h) = headline { <p class="split-headline" data-split="material">{ h }</p> }
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
            { predictors(l, &summary.predictors) }
        </section>
    }
}

/// Which early number predicts the outcome: a sentence per early day and a small table.
fn predictors(l: Lang, sets: &[PredictorSet]) -> Html {
    if sets.is_empty() {
        return Html::default();
    }
    let rows = futures::predictor_rows(l, sets);
    html! {
        <div class="predictors">
            <h4>{ tr(l, "predict.title") }</h4>
            <p class="lead">{ tr(l, "predict.lead") }</p>
            <ul class="predict-sentences">{ for futures::predictor_sentences(l, sets).into_iter().map(|s| html! { <li>{ s }</li> }) }</ul>
            <table class="data-table predict-table">
                <thead><tr>
                    <th scope="col">{ tr(l, "predict.metric") }</th>
                    { for sets.iter().map(|s| html! { <th scope="col">{ trf(l, "predict.day", &[&s.day]) }</th> }) }
                </tr></thead>
                <tbody>{ for rows.into_iter().map(|(name, cells)| html! {
                    <tr><th scope="row">{ name }</th>{ for cells.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                }) }</tbody>
            </table>
        </div>
    }
}
