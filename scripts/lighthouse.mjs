// Lighthouse (the `lighthouse` dev dependency) against the release dist/, served by
// scripts/static-server.mjs as a host would serve it, on the installed Chromium: performance of a
// first visit, mobile (Lighthouse's default: slow 4G, 4x CPU slowdown) and desktop, the median
// of `RUNS` runs each (a fresh browser per run). Prints a table for docs/PERFORMANCE.md, the
// figures beside issue 24's targets, and writes target/test-logs/lighthouse.json.
//   node scripts/lighthouse.mjs [dist] [runs]      (LONGGAME_CHROMIUM: another Chromium)
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { serveStatic } from './static-server.mjs';

const [dist = 'dist', runs = '3'] = process.argv.slice(2);
const RUNS = Number(runs);
const CHROMIUM = process.env.LONGGAME_CHROMIUM || '/usr/bin/chromium';
const METRICS = {
  fcp: 'first-contentful-paint', lcp: 'largest-contentful-paint', tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift', si: 'speed-index', transfer: 'total-byte-weight',
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One Lighthouse run of `url` in a fresh headless Chromium: score and metrics. */
async function measure(url, config) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' }, config);
    const figures = { score: Math.round(lhr.categories.performance.score * 100) };
    for (const [key, audit] of Object.entries(METRICS)) figures[key] = lhr.audits[audit].numericValue;
    // Where the blocking time goes: each long task's start, length and script (for the JSON).
    figures.long_tasks = (lhr.audits['long-tasks'].details?.items ?? [])
      .map((t) => ({ start: Math.round(t.startTime), ms: Math.round(t.duration), url: t.url.split('/').pop() }));
    return figures;
  } finally {
    await chrome.kill();
  }
}

const server = await serveStatic(dist, 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const results = { load_before: loadavg()[0], runs: RUNS };
try {
  for (const [name, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
    const each = [];
    for (let i = 0; i < RUNS; i++) each.push(await measure(url, config));
    results[name] = Object.fromEntries(Object.keys(each[0]).filter((k) => k !== 'long_tasks').map((k) => [k, median(each.map((r) => r[k]))]));
    results[name].all_scores = each.map((r) => r.score);
    results[name].long_tasks = each.map((r) => r.long_tasks);
  }
} finally {
  server.close();
}
results.load_after = loadavg()[0];

const row = (name, r) => `| ${name} | ${r.score} (${r.all_scores.join(', ')}) | ${(r.fcp / 1000).toFixed(1)} s | ` +
  `${(r.lcp / 1000).toFixed(1)} s | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} | ${(r.si / 1000).toFixed(1)} s | ${Math.round(r.transfer / 1024)} KB |`;
console.log(`Lighthouse, median of ${RUNS}, load average ${results.load_before.toFixed(1)} → ${results.load_after.toFixed(1)}`);
console.log('| | performance (each run) | FCP | LCP | TBT | CLS | Speed Index | transfer |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
console.log(row('mobile', results.mobile));
console.log(row('desktop', results.desktop));
// Issue 24's targets, printed beside the figures (a quiet machine is assumed by them).
const TARGETS = { mobile: { score: 90, tbt: 200, lcp: 2500, cls: 0.05 }, desktop: { score: 98, cls: 0.05 } };
for (const [name, t] of Object.entries(TARGETS)) {
  const r = results[name];
  const says = [`performance ${r.score} (target >= ${t.score})`, `CLS ${r.cls.toFixed(3)} (< ${t.cls})`];
  if (t.tbt) says.push(`TBT ${Math.round(r.tbt)} ms (<= ${t.tbt})`, `LCP ${(r.lcp / 1000).toFixed(1)} s (<= ${t.lcp / 1000})`);
  console.log(`${name}: ${says.join(', ')}`);
}
const logs = fileURLToPath(new URL('../target/test-logs/', import.meta.url));
await mkdir(logs, { recursive: true });
await writeFile(`${logs}lighthouse.json`, JSON.stringify(results, null, 2));
