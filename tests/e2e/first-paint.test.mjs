// First paint, weight and stability: the page shows its title, tagline and layout before the
// wasm arrives (in the reader's language and theme), mounting the app moves nothing, the page
// does not jump while results come in, and the whole app stays within its download budget.
// The bundle figures are printed and written to target/test-logs/bundle-size.json.
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { LAPTOP, useApp, waitDone, nextFrames } from './helpers.mjs';

const app = useApp();
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const LOGS = fileURLToPath(new URL('../../target/test-logs/', import.meta.url));

/** Holds every .wasm request until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue().catch(() => {}); // the page may have moved on meanwhile
  });
  return release;
}

/** Where the header's parts are, to the pixel. */
const headerBoxes = (page) => page.evaluate(() =>
  ['h1', '.tagline', '.lang-switch', '.layout'].map((s) => {
    const r = document.querySelector(s)?.getBoundingClientRect();
    return r ? [s, Math.round(r.x), Math.round(r.y), Math.round(r.width)] : [s, 'missing'];
  }));

app.test('the title, tagline and layout show before the wasm arrives, and mounting moves none of it', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto(app.baseUrl);
  await page.waitForSelector('.first-paint .tagline');
  assert.equal(await page.locator('h1').innerText(), 'Long Game');
  assert.match(await page.locator('.tagline').innerText(), /social-media strategy simulator/);
  assert.match(await page.locator('.status').innerText(), /Loading the simulator/);
  assert.equal(await page.locator('[data-app-ready]').count(), 0, 'the app mounted before its wasm arrived');
  const before = await headerBoxes(page);
  release();
  await page.waitForSelector('[data-app-ready]');
  assert.deepEqual(await headerBoxes(page), before, 'the header moved when the app mounted');
});

app.test('a Swedish browser gets Swedish from the first paint', async ({ page }) => {
  const release = await holdWasm(page);
  await page.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'sv-SE' }));
  await page.goto(app.baseUrl);
  await page.waitForSelector('.first-paint .tagline');
  assert.match(await page.locator('.tagline').innerText(), /En simulator för strategi i sociala medier/);
  assert.match(await page.locator('.status').innerText(), /Laddar simulatorn/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
  assert.match(await page.title(), /simulator för strategi/);
  release();
  await page.waitForSelector('[data-app-ready]');
  assert.match(await page.locator('.tagline').innerText(), /En simulator för strategi i sociala medier/);
});

// A fresh page each (a second visit would be served by the service worker, past the hold).
app.test("the link's language wins over the browser's from the first paint, as in the app", async ({ page }) => {
  const release = await holdWasm(page);
  await page.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'sv-SE' }));
  await page.goto(`${app.baseUrl}?lang=en`);
  await page.waitForSelector('.first-paint .tagline');
  assert.match(await page.locator('.tagline').innerText(), /social-media strategy simulator/);
  release();
  await page.waitForSelector('[data-app-ready]');
  assert.match(await page.locator('.tagline').innerText(), /social-media strategy simulator/);
});

app.test('the first paint follows a dark system theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const release = await holdWasm(page);
  await page.goto(app.baseUrl);
  await page.waitForSelector('.first-paint .tagline');
  const lightness = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0) / 3;
  const [bg, ink] = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor,
    getComputedStyle(document.querySelector('.tagline')).color]);
  assert.ok(lightness(bg) < 60 && lightness(ink) > 150, `background ${bg}, text ${ink}`);
  release();
  await page.waitForSelector('[data-app-ready]');
});

for (const [device, viewport] of [['laptop', LAPTOP], ['phone', { width: 390, height: 844 }]]) {
  app.test(`nothing jumps on a ${device} while the app loads and the results come in (CLS under 0.1)`, async ({ page }) => {
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__shifts.push(e.value); // no input happens here
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(app.baseUrl);
    await page.waitForSelector('[data-app-ready]');
    await waitDone(page);
    await nextFrames(page);
    const shifts = await page.evaluate(() => window.__shifts);
    const cls = shifts.reduce((a, b) => a + b, 0);
    console.log(`${device}: layout shift from first paint to the full run: ${cls.toFixed(4)} (${shifts.length} shifts)`);
    assert.ok(cls < 0.1, `cumulative layout shift ${cls.toFixed(3)}`);
  }, { viewport });
}

/** The leads chart's box, to the pixel, and whether its bands are drawn. */
const leadsChart = (page) => page.evaluate(() => {
  const figure = [...document.querySelectorAll('figure.chart')].find((f) =>
    f.dataset.chart === 'leads' || f.dataset.staticChart === 'leads');
  if (!figure) return null;
  const r = figure.querySelector('svg').getBoundingClientRect();
  return { box: [r.x, r.y, r.width, r.height].map(Math.round), bands: figure.querySelectorAll('.band-outer, .median').length,
    drawn: figure.dataset.chart === 'leads' };
});

app.test('the default link shows its leads chart before the wasm, and the first picture takes its place unmoved', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto(app.baseUrl);
  await page.waitForSelector('.first-paint [data-static-chart="leads"] .median');
  const before = await leadsChart(page);
  assert.equal(before.bands, 2, 'the static chart draws the outer band and the median');
  assert.match(await page.locator('[data-static-chart] .chart-title').innerText(), /^Leads/);
  release();
  await page.waitForSelector('[data-app-ready]');
  // Mounted, before the first picture: the static chart is still there.
  await page.waitForSelector('figure.chart[data-chart="leads"]');
  await nextFrames(page);
  const after = await leadsChart(page);
  assert.ok(after.drawn, 'the app drew the leads chart');
  assert.deepEqual(after.box, before.box, 'the leads chart moved when the first picture arrived');
}, { viewport: LAPTOP });

app.test('with JavaScript off the default link still shows the leads chart; another link gets an empty box', async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  await page.goto(app.baseUrl);
  assert.equal(await page.locator('[data-static-chart="leads"] .median').count(), 1);
  assert.ok((await page.locator('[data-static-chart="leads"] .band-outer').getAttribute('d')).length > 100);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
  const release = await holdWasm(page);
  await page.goto(`${app.baseUrl}?b=5000`);
  await page.waitForSelector('.first-paint .tagline');
  assert.equal(await page.locator('.first-paint [data-static-chart]').count(), 0);
  assert.equal(await page.locator('.first-paint .columns .median').count(), 0, 'no chart of another setting');
  release();
  await page.waitForSelector('[data-app-ready]');
});

// Target: 250 KB for the whole app (issue 13), not reached: 446 KB with play, class, the
// handout, the explorer (tornado and map) and the worker pool (docs/PERFORMANCE.md); the
// explorer's phone layouts and cell labels added 3.3 KB (453 KB); issue 22's bad-input fixes
// added 13.7 KB (466.7 KB), 9 KB of it the exact float parser (docs/PERFORMANCE.md); the
// service worker's file hashes, model v3's cancelled/continued splits and early predictors,
// and true lever sentences brought it to 486 KB (2026-12-07). Then, each measured against the
// commit before it: issue 22's link notices, the check for numbers that read as 0 and the
// workers' sign of life +2.6 KB; issue 23's first screen (the headline with the leads chart, the
// pay-off verdict, the phone's sticky chart, the narrow embed) +2.1 KB and its projector work
// (label placement, chart frames, the class chart) about +8 KB; issue 24's second round:
// serde_json's arbitrary_precision instead of float_roundtrip -7 KB, the staged first mount +3.5
// KB, the default leads chart drawn into index.html +4.6 KB; its third round +1.2 KB (pictures
// before the last thinned to every 7th day, the page's merge and drawing in tasks of their own,
// User Timing measures of the data path); issue 23's third round +1.5 KB (style rules for the
// projector and the laptop's first screen). Issue 26's fit (play's band at each stop fitted in the
// workers, and the "Your page" view: the fit's sampler, table reader and observation model, their
// messages between page and workers, the view and its words) took it to about 580 KB
// (2026-12-08): a planner's decision, see docs/PERFORMANCE.md; the table reader's own lower-case
// (ASCII and å, ä, ö) in place of str::to_lowercase and its Unicode tables -6.4 KB by the gzip
// command (579.2 -> 572.8 KB), 576.5 KB by this test; then issue 26's export and print of a
// fitted page and issue 23's class page on a projector: 580.3 KB on the merged main. Issue 24
// asks for no growth past 456 KB: that is open. The limit sits just above today's so that growth
// is noticed.
const BUNDLE_LIMIT_KB = 581;
const BUNDLE_TARGET_KB = 250;

app.test('the whole app downloads within its budget (gzip)', async ({ page, context }) => {
  const requested = new Set();
  context.on('request', (r) => requested.add(new URL(r.url()).pathname.replace(/^\//, '') || 'index.html'));
  await page.goto(app.baseUrl);
  await page.waitForSelector('[data-app-ready]');
  await waitDone(page);
  // The service worker keeps every file of dist/ on the first visit, so all of them count (not
  // the precompressed copies beside them: a browser gets one of the three).
  const files = {};
  let brotli = 0;
  for (const f of (await readdir(DIST)).filter((f) => !/\.(br|gz)$/.test(f))) {
    files[f] = gzipSync(await readFile(DIST + f), { level: 9 }).length;
    brotli += (await readFile(`${DIST}${f}.br`)).length;
  }
  for (const path of requested) assert.ok(path in files, `the page loaded ${path}, which is not in dist/`);
  assert.ok(requested.has('index.html') && [...requested].some((f) => f.endsWith('.wasm')), 'the page did not load');
  const kb = (n) => Math.round(n / 102.4) / 10;
  const total = Object.values(files).reduce((a, b) => a + b, 0);
  const figures = { total_gzip_kb: kb(total), total_brotli_kb: kb(brotli), target_kb: BUNDLE_TARGET_KB, limit_kb: BUNDLE_LIMIT_KB,
    files_gzip_kb: Object.fromEntries(Object.entries(files).map(([f, n]) => [f, kb(n)])) };
  console.log('bundle size:', JSON.stringify(figures));
  await mkdir(LOGS, { recursive: true });
  await writeFile(`${LOGS}bundle-size.json`, JSON.stringify(figures, null, 2));
  assert.ok(total <= BUNDLE_LIMIT_KB * 1024, `the app is ${kb(total)} KB gzip (limit ${BUNDLE_LIMIT_KB} KB)`);
});
