//! A box for a whole number (seed, futures, quit day). What is typed stays in the box until it
//! is accepted; a refused value stays too, with the reason and the value as typed.

use crate::i18n::{trf, Lang};
use crate::view::format::{echo, full, whole_in};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WholeBoxProps {
    pub id: AttrValue,
    pub value: u64,
    pub min: u64,
    pub max: u64,
    pub lang: Lang,
    /// Called with an accepted value.
    pub on_set: Callback<u64>,
}

/// Why `typed` is refused, in the interface language.
pub fn whole_refusal(l: Lang, typed: &str, min: u64, max: u64) -> String {
    trf(
        l,
        "whole.bad",
        &[&echo(typed), &full(l, min as f64), &full(l, max as f64)],
    )
}

#[component]
pub fn WholeBox(p: &WholeBoxProps) -> Html {
    // What is being typed, kept across re-renders (results stream in while people type).
    let draft = use_state(|| None::<String>);
    let refused = use_state(|| false);
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            draft.set(Some(input.value()));
        })
    };
    let on_change = {
        let (draft, refused, on_set) = (draft.clone(), refused.clone(), p.on_set.clone());
        let (min, max) = (p.min, p.max);
        Callback::from(move |e: Event| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            match whole_in(&text, min, max) {
                Some(v) => {
                    refused.set(false);
                    draft.set(None);
                    on_set.emit(v);
                }
                None => {
                    refused.set(true);
                    draft.set(Some(text));
                }
            }
        })
    };
    let on_blur = {
        let (draft, refused) = (draft.clone(), refused.clone());
        Callback::from(move |_: FocusEvent| {
            if !*refused {
                draft.set(None);
            }
        })
    };
    let shown = (*draft).clone().unwrap_or_else(|| p.value.to_string());
    let error_id = format!("{}-error", p.id);
    html! { <>
        // type="text" with a numeric keyboard: a number box would hide what was typed ("-1",
        // "7.5") from the page, so it could not be repeated in the message.
        <input id={p.id.clone()} type="text" inputmode="numeric" class="whole" value={shown.clone()}
            oninput={on_input} onchange={on_change} onblur={on_blur}
            aria-invalid={refused.to_string()}
            aria-describedby={refused.then(|| error_id.clone())} />
        if *refused {
            <p id={error_id} class="field-error" role="alert">{ whole_refusal(p.lang, &shown, p.min, p.max) }</p>
        }
    </> }
}
