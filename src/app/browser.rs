//! The few browser facilities the app uses: the address bar and localStorage.

use crate::i18n::{tr, trf, Lang};
use crate::state::link::{self, Shared};
use crate::state::saved::{self, SavedScenario, QUARANTINE_KEY, STORE_KEY};

pub fn query() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
}

/// Puts the state into the address bar without adding a history entry per slider step.
pub fn replace_query(query: &str) {
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}?{query}")),
        );
    }
}

/// The full address of this page with another query: a link to hand on.
pub fn link_to(query: &str) -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}?{query}")
}

/// The full address of the state `s`, naming the language on screen so it opens the same
/// for everyone.
pub fn link_with_lang(s: &Shared, lang: &str) -> String {
    link_to(&link::encode(&Shared {
        lang: Some(lang.to_string()),
        ..s.clone()
    }))
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// Loads the saved scenarios. An unreadable store is moved aside (never deleted) and reported.
pub fn load_saved(l: Lang) -> (Vec<SavedScenario>, Option<String>) {
    let Some(store) = storage() else {
        return (Vec::new(), Some(tr(l, "saved.no_storage").into()));
    };
    let text = store.get_item(STORE_KEY).ok().flatten();
    match saved::parse_store(text.as_deref()) {
        Ok(list) => (list, None),
        Err(e) => {
            let e = crate::view::messages::store_problem_text(l, &e);
            let aside = if store.get_item(QUARANTINE_KEY).ok().flatten().is_none() {
                QUARANTINE_KEY.to_string()
            } else {
                format!("{QUARANTINE_KEY}.{}", js_sys::Date::now() as u64)
            };
            let moved = text
                .as_deref()
                .map(|t| store.set_item(&aside, t).is_ok())
                .unwrap_or(false);
            if moved {
                let _ = store.remove_item(STORE_KEY);
                (Vec::new(), Some(trf(l, "saved.moved_aside", &[&e, &aside])))
            } else {
                (Vec::new(), Some(trf(l, "saved.left_alone", &[&e])))
            }
        }
    }
}

/// The saved scenarios as stored now (another tab may have changed them), if readable.
pub fn read_saved() -> Option<Vec<SavedScenario>> {
    let text = storage()?.get_item(STORE_KEY).ok()?;
    saved::parse_store(text.as_deref()).ok()
}

/// Stores the list; an error is a translation key saying why it was not stored.
pub fn store_saved(list: &[SavedScenario]) -> Result<(), &'static str> {
    let store = storage().ok_or("saved.no_storage")?;
    // Never overwrite data we could not read: it was moved aside by `load_saved`.
    if let Some(text) = store.get_item(STORE_KEY).ok().flatten() {
        if saved::parse_store(Some(&text)).is_err() {
            return Err("saved.store_unreadable");
        }
    }
    store
        .set_item(STORE_KEY, &saved::store_text(list))
        .map_err(|_| "saved.refused")
}
