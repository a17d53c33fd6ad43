//! The wasm32 build computes the same bits as the native one: the engine's fingerprints (the
//! golden run, a small Monte Carlo summary and a fitted page history) are built into a bare wasm32 module (the
//! `wasm_fingerprint` example of crates/engine), run under Node, and compared with the native
//! values. Without the wasm32 target or Node the test says so and passes, except on CI
//! (`CI` set), where it fails.

use longgame::model::fingerprint;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Why the check cannot run here, if it cannot.
fn missing_tool() -> Option<String> {
    let sysroot = Command::new("rustc").args(["--print", "sysroot"]).output();
    let has_wasm_std = sysroot.is_ok_and(|out| {
        let root = String::from_utf8_lossy(&out.stdout).trim().to_string();
        Path::new(&root)
            .join("lib/rustlib/wasm32-unknown-unknown/lib")
            .is_dir()
    });
    if !has_wasm_std {
        return Some(
            "the wasm32-unknown-unknown target (rustup target add wasm32-unknown-unknown)".into(),
        );
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("Node.js".into());
    }
    None
}

/// Builds the example for wasm32 (in its own target directory, so it never waits for the
/// build lock of the `cargo test` that runs this) and returns the module's path.
fn build_module() -> PathBuf {
    let target_dir = Path::new(ROOT).join("target/wasm-fingerprint");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(ROOT)
        .args([
            "build",
            "--quiet",
            "--offline",
            "--release",
            "-p",
            "longgame-engine",
            "--example",
            "wasm_fingerprint",
            "--target",
            "wasm32-unknown-unknown",
            "--target-dir",
        ])
        .arg(&target_dir)
        .status()
        .expect("cargo runs");
    assert!(
        status.success(),
        "building the wasm32 fingerprint module failed"
    );
    target_dir.join("wasm32-unknown-unknown/release/examples/wasm_fingerprint.wasm")
}

/// Runs the module's exports under Node; returns them in order.
fn run_in_node(module: &Path, exports: &[&str]) -> Vec<u64> {
    let script = format!(
        "const fs = require('fs');\
         const m = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(process.argv[1])), {{}});\
         for (const name of {exports:?}) console.log(BigInt.asUintN(64, m.exports[name]()).toString());"
    );
    let out = Command::new("node")
        .args(["-e", &script])
        .arg(module)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("text")
        .lines()
        .map(|l| l.parse().expect("a u64"))
        .collect()
}

#[test]
fn the_wasm32_build_gives_the_same_bits_as_the_native_one() {
    if let Some(tool) = missing_tool() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must check wasm32 determinism, but {tool} is missing"
        );
        eprintln!("SKIPPED: wasm32 determinism not checked: {tool} is missing");
        return;
    }
    let module = build_module();
    let wasm = run_in_node(&module, &["golden_run", "golden_summary", "golden_fit"]);
    let native = vec![
        fingerprint::golden_run(),
        fingerprint::golden_summary(),
        fingerprint::golden_fit(),
    ];
    assert_eq!(
        wasm, native,
        "wasm32 and native disagree (golden run, Monte Carlo summary, fitted history)"
    );
}
