//! The engine stays pure: it is a crate of its own, so the compiler refuses any path from it to
//! the app, the stories or the file formats; this test fails the test command if anything
//! web-, app- or file-shaped enters its dependency tree.

use std::collections::{BTreeMap, BTreeSet};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Crates whose presence below the engine would tie it to the browser, the app or file formats.
const FORBIDDEN: [&str; 10] = [
    "yew",
    "gloo",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "serde_json",
    "serde_path_to_error",
    "getrandom",
    "lexopt",
    "longgame",
];

/// `name -> dependency names` from Cargo.lock (a version suffix such as "rand 0.9.5" dropped).
fn lock_graph() -> BTreeMap<String, Vec<String>> {
    let lock = std::fs::read_to_string(format!("{ROOT}/Cargo.lock")).expect("Cargo.lock");
    let mut graph = BTreeMap::new();
    for package in lock.split("[[package]]").skip(1) {
        let name = package
            .lines()
            .find_map(|l| l.strip_prefix("name = \""))
            .map(|n| n.trim_end_matches('"').to_string())
            .expect("package name");
        let deps = package
            .split("dependencies = [")
            .nth(1)
            .map(|list| {
                list.split(']')
                    .next()
                    .unwrap_or("")
                    .lines()
                    .filter_map(|l| l.trim().trim_end_matches(',').strip_prefix('"'))
                    .map(|d| {
                        d.trim_end_matches('"')
                            .split(' ')
                            .next()
                            .unwrap()
                            .to_string()
                    })
                    .collect()
            })
            .unwrap_or_default();
        graph.entry(name).or_insert(deps);
    }
    graph
}

fn engine_dependencies() -> BTreeSet<String> {
    let graph = lock_graph();
    let mut seen = BTreeSet::new();
    let mut todo = graph["longgame-engine"].clone();
    while let Some(name) = todo.pop() {
        if seen.insert(name.clone()) {
            todo.extend(graph.get(&name).cloned().unwrap_or_default());
        }
    }
    seen
}

#[test]
fn the_engine_depends_on_nothing_web_app_or_file_shaped() {
    let deps = engine_dependencies();
    assert!(
        deps.contains("libm"),
        "the lock file was not read: {deps:?}"
    );
    let bad: Vec<_> = FORBIDDEN.iter().filter(|f| deps.contains(**f)).collect();
    assert!(bad.is_empty(), "the engine now depends on {bad:?}");
}
