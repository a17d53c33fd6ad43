//! The app's connections to the browser: the watchdog, the document's language, reading a
//! chosen file and moving the focus (the simulation workers are in `pool.rs`).

use crate::files::FileError;
use crate::i18n::{tr, Lang};
use crate::state::app_state::{Action, AppState};
use crate::view::messages::file_error_text;
use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Interval;
use yew::prelude::*;

/// Every second, tells the reducer the time and when the workers last answered, so a silent
/// pool with work outstanding is reported instead of an endless spinner.
#[hook]
pub fn use_watchdog(dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let timer = Interval::new(1000, move || {
            let heard = super::pool::last_answer();
            dispatch.dispatch(Action::Tick(js_sys::Date::now(), heard))
        });
        move || drop(timer)
    });
}

/// Keeps the document's `lang` and title in the interface language.
#[hook]
pub fn use_document_language(l: Lang) {
    use_effect_with(l, |l| {
        let doc = gloo::utils::document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", l.code());
        }
        doc.set_title(tr(*l, "app.doc_title"));
    });
}

/// Why a chosen file was not read: too large or not UTF-8 text, or (`None`) the browser
/// could not read it.
pub type ReadProblem = Option<FileError>;

/// A [`ReadProblem`] in the interface language.
pub fn read_problem_text(l: Lang, p: &ReadProblem) -> String {
    match p {
        Some(e) => file_error_text(l, e),
        None => tr(l, "file.unreadable").to_string(),
    }
}

/// A file input's `onchange`: reads the chosen file as UTF-8 text and hands `(name, text)`
/// on, or `(name, Err(why))`. The input is cleared, so the same file can be chosen again.
#[hook]
pub fn use_file_text(on_read: Callback<(String, Result<String, ReadProblem>)>) -> Callback<Event> {
    let reader = use_mut_ref(|| None::<FileReader>);
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        input.set_value("");
        let on_read = on_read.clone();
        // Refused before reading: a huge file must not fill the memory.
        let most = crate::files::MAX_FILE_BYTES;
        if file.size() > most as f64 {
            on_read.emit((name, Err(Some(FileError::TooLarge { most }))));
            return;
        }
        let file = gloo::file::File::from(file);
        // Bytes, not text: the browser's text decoding would turn a Latin-1 file's "ö" into
        // "�" without a word; a file that is not UTF-8 is refused, as the command line does.
        *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
            let text = match bytes {
                Err(_) => Err(None),
                Ok(bytes) => String::from_utf8(bytes)
                    .map(|t| t.strip_prefix('\u{feff}').map_or(t.clone(), str::to_string))
                    .map_err(|_| Some(FileError::Unreadable)),
            };
            on_read.emit((name, text));
        }));
    })
}

/// Moves the keyboard focus to the element `id` whenever `key` changes: after a decision the
/// button pressed is gone, so focus goes to the heading of what came next, not the page body.
#[hook]
pub fn use_focus<K: PartialEq + 'static>(id: &'static str, key: K) {
    use_effect_with(key, move |_| focus(id));
}

/// Gives the keyboard focus to the element `id`, if there is one (scrolling it into view).
pub fn focus(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        use wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The window's width in CSS pixels, kept current as the window is resized (charts choose
/// their text size from it).
#[hook]
pub fn use_viewport_width() -> f64 {
    let width = use_state_eq(viewport_width);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listener = gloo::events::EventListener::new(&window, "resize", move |_| {
                width.set(viewport_width())
            });
            move || drop(listener)
        });
    }
    *width
}

fn viewport_width() -> f64 {
    let width = gloo::utils::window().inner_width().ok();
    width.and_then(|v| v.as_f64()).unwrap_or(1024.0)
}

/// A first mount in stages, each its own browser task: the stage starts at `from` and, while
/// `go` holds, moves one step per zero-delay timer up to `last`, so the browser can paint and
/// answer input between the shell, the first chart and the rest (a phone's "total blocking
/// time").
#[hook]
pub fn use_stage(go: bool, from: u8, last: u8) -> u8 {
    let stage = use_state_eq(|| from.min(last));
    {
        let stage = stage.clone();
        use_effect_with((*stage, go), move |&(now, go)| {
            let timer = (go && now < last)
                .then(|| gloo::timers::callback::Timeout::new(0, move || stage.set(now + 1)));
            move || drop(timer)
        });
    }
    *stage
}
