// Times the engine in wasm32 on the reference workload (1,000 runs x 730 days, `committed`),
// best of 5, as `cargo bench --bench throughput` does natively:
//   cargo build --release -p longgame-engine --example wasm_throughput --target wasm32-unknown-unknown
//   node scripts/wasm-throughput.mjs [path/to/wasm_throughput.wasm]
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? 'target/wasm32-unknown-unknown/release/examples/wasm_throughput.wasm';
const { exports } = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(path)), {});
const runs = 1000;
const runDays = runs * 730;
const best = (f) => {
  let min = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
};
const rate = (ms) => `${(runDays / ms / 1e3).toFixed(2)} M run-days/s (${ms.toFixed(0)} ms)`;
exports.simulate_runs(50); // warm-up: compile the hot paths
const bare = best(() => exports.simulate_runs(runs));
const full = best(() => exports.monte_carlo(runs));
console.log(`wasm32 committed  simulate: ${rate(bare)}   with summaries: ${rate(full)}`);
// The history fit (benches/fit.rs): the sample page's twelve months, 500 futures, one core.
// Also its time on the core (process.cpuUsage), which a busy machine's waits do not inflate.
const t0 = performance.now();
const cpu0 = process.cpuUsage();
exports.fit_sample(500);
const cpu = process.cpuUsage(cpu0);
const fitS = (performance.now() - t0) / 1e3;
const onCore = (cpu.user + cpu.system) / 1e6;
console.log(`wasm32 fit 12 monthly rows, 500 futures, to day 730: ${fitS.toFixed(2)} s wall, ${onCore.toFixed(2)} s on the core`);
