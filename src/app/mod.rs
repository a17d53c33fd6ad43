//! The Yew web app. Depends on `crate::model`; nothing in `model` depends on this.

use yew::prelude::*;

#[component]
fn App() -> Html {
    html! {
        <main class="page" data-app-ready="true">
            <header class="masthead">
                <h1>{ "Long Game" }</h1>
                <p class="tagline">{ crate::model::TAGLINE }</p>
            </header>
            <section class="simulator empty" aria-label="Simulator">
                <p>{ "The simulator will appear here." }</p>
            </section>
        </main>
    }
}

/// Mount the app into the page, replacing the static loading notice.
pub fn start() {
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has an #app element");
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}
