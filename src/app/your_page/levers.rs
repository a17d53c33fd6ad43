//! The four levers after the history: each box empty keeps going as in the history's last
//! period; a value typed continues the same fitted futures under it.

use crate::i18n::{tr, trf, Lang};
use crate::model::params::field;
use crate::model::plan::LEVERS;
use crate::view::format::{full, read_typed, typed_text};
use crate::view::messages::field_label;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LeverProps {
    pub plan: UseStateHandle<[Option<f64>; 4]>,
}

#[component]
pub fn PlanLevers(p: &LeverProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    // What each box holds as typed, and why a value was refused.
    let drafts = use_state(<[Option<String>; 4]>::default);
    let refused = use_state(<[Option<String>; 4]>::default);
    let keep_going = {
        let (plan, drafts, refused) = (p.plan.clone(), drafts.clone(), refused.clone());
        Callback::from(move |_: MouseEvent| {
            plan.set([None; 4]);
            drafts.set([None, None, None, None]);
            refused.set([None, None, None, None]);
        })
    };
    html! {
        <aside class="plan-levers" aria-labelledby="plan-title">
            <h2 id="plan-title">{ tr(l, "page.levers_title") }</h2>
            <p>{ tr(l, "page.levers_help") }</p>
            { for (0..LEVERS.len()).map(|k| lever_box(l, k, p, &drafts, &refused)) }
            <button type="button" class="small keep-going" onclick={keep_going}>{ tr(l, "page.keep_going") }</button>
        </aside>
    }
}

fn lever_box(
    l: Lang,
    k: usize,
    p: &LeverProps,
    drafts: &UseStateHandle<[Option<String>; 4]>,
    refused: &UseStateHandle<[Option<String>; 4]>,
) -> Html {
    let name = LEVERS[k];
    let f = field(name).expect("a lever");
    let on_input = {
        let drafts = drafts.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*drafts).clone();
            next[k] = Some(input.value());
            drafts.set(next);
        })
    };
    let on_change = {
        let (plan, refused) = (p.plan.clone(), refused.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            let mut why = (*refused).clone();
            let mut next = *plan;
            why[k] = None;
            if text.trim().is_empty() {
                next[k] = None;
            } else {
                match read_typed(l, &text).filter(|v| (f.min..=f.max).contains(v)) {
                    Some(v) => next[k] = Some(v),
                    None => {
                        let (lo, hi) = (full(l, f.min), full(l, f.max));
                        why[k] = Some(trf(l, "lever.bad_value", &[&text, &lo, &hi]));
                    }
                }
            }
            refused.set(why);
            if next != *plan {
                plan.set(next);
            }
        })
    };
    let shown = drafts[k]
        .clone()
        .or_else(|| p.plan[k].map(|v| typed_text(l, v)))
        .unwrap_or_default();
    let id = format!("plan-{name}");
    html! {
        <div class="plan-lever">
            <label for={id.clone()}>{ field_label(l, name) }</label>
            <input id={id} type="text" inputmode="decimal" data-lever={name} value={shown}
                placeholder={tr(l, "page.as_history")} oninput={on_input} onchange={on_change}
                aria-invalid={refused[k].is_some().then_some("true")} />
            if let Some(why) = &refused[k] { <p class="lever-refused" role="alert">{ why.clone() }</p> }
        </div>
    }
}
