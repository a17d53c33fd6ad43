//! The fingerprints of `fingerprint.rs`, exported from a bare wasm32 module so that Node can
//! run them without any glue: `tests/wasm_determinism.rs` builds this for
//! wasm32-unknown-unknown and compares the results with the native ones.

#[no_mangle]
pub extern "C" fn golden_run() -> u64 {
    longgame_engine::fingerprint::golden_run()
}

#[no_mangle]
pub extern "C" fn golden_summary() -> u64 {
    longgame_engine::fingerprint::golden_summary()
}

#[no_mangle]
pub extern "C" fn golden_fit() -> u64 {
    longgame_engine::fingerprint::golden_fit()
}
