// "Your page" (issue 26): a page's own history pasted, fitted on workers and forecast, the
// history drawn as points; a lever continues the same fitted futures; bad tables and
// unfittable histories get messages; Cancel stops the fit's workers; the link reopens the fit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { useApp, recordPerf, shown, waitUntil, PROJECTOR } from './helpers.mjs';

const app = useApp();
const SAMPLE = await readFile(new URL('../../examples/page-history.csv', import.meta.url), 'utf8');
const FIT = 180000;

/** Pastes `text` into the history box and presses "Fit and forecast" from the keyboard. */
async function fitText(page, text) {
  await page.fill('#history-text', text);
  await page.focus('.fit-start');
  await page.keyboard.press('Enter');
}

/** Waits for the fit and its "keep going" forecast; returns the fitted section. */
async function fitted(page) {
  const section = page.locator('.fit-results');
  await shown(section.locator('.chart[data-chart="leads"]'), 'the forecast of leads', FIT);
  return section;
}

const pointsIn = (page, chart) => page.locator(`.fit-results .chart[data-chart="${chart}"] .history-point`).count();
const leadsMedian = (page) => page.getAttribute('.fit-results .chart[data-chart="leads"]', 'data-median');
/** The shown forecast's median leads at the horizon (a year after the history). */
const leadsEnd = (page) => page.getAttribute('.fit-charts', 'data-leads-end');

app.test('the sample history pasted is fitted and forecast, the history drawn as points', async ({ open, page }) => {
  await open('?page=');
  await fitText(page, SAMPLE);
  await shown(page.locator('.fit-progress progress'), 'the progress bar', FIT);
  const section = await fitted(page);
  assert.equal(await pointsIn(page, 'followers'), 12, 'a point per month on followers');
  assert.equal(await pointsIn(page, 'leads'), 12, 'a point per month on leads');
  const ess = Number(await section.getAttribute('data-ess'));
  assert.ok(ess >= 250 && ess <= 500, `effective sample size ${ess}`);
  assert.match(await section.locator('.fit-ess').innerText(), /effective futures of 500/);
  const rows = section.locator('table.posterior tbody tr');
  assert.ok(await rows.count() >= 9, 'every constant, and the starting followers');
  assert.match(await rows.first().innerText(), /(typical|tenth) .*; the history/);
  await waitUntil(async () => (await section.getAttribute('data-fit-ms')) !== null, 'the timing');
  const ms = Number(await section.getAttribute('data-fit-ms'));
  await recordPerf({ your_page_sample_fit_forecast_ms: ms });
  // The page's own numbers travel in the link.
  assert.match(await page.evaluate(() => location.search), /page=month%2Cfollowers/);
});

app.test('the simulator opens Your page from its header, and back', async ({ open, page }) => {
  await open('');
  await page.focus('.open-page');
  await page.keyboard.press('Enter');
  await shown(page.locator('#history-text'), 'the history box');
  assert.match(await page.evaluate(() => location.search), /page=/);
  await page.focus('.page-exit');
  await page.keyboard.press('Enter');
  await shown(page.locator('.open-page'), 'the simulator again');
});

app.test('a lever continues the same fitted futures: keep going (A) beside the plan (B)', async ({ open, page }) => {
  await open(`?page=${encodeURIComponent(SAMPLE)}`);
  await fitted(page);
  const before = await leadsEnd(page);
  const history = await leadsMedian(page);
  await page.fill('[data-lever="budget"]', '0');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('.fit-charts')?.dataset.planJob, null, { timeout: FIT });
  await shown(page.locator('.fit-compare'), 'the A/B legend');
  const after = await leadsEnd(page);
  assert.ok(Number(after) < Number(before), `no ads after the history: fewer leads (${after} vs ${before})`);
  // The same futures: the history's last day is the same bits under both plans.
  assert.equal(await leadsMedian(page), history, 'the same fitted futures up to the history');
  assert.equal(await pointsIn(page, 'leads'), 12);
  // Back to keep going: one band again, the same as before.
  await page.focus('.keep-going');
  await page.keyboard.press('Enter');
  await waitUntil(async () => (await leadsEnd(page)) === before, 'keep going again');
});

for (const [lang, text, want] of [
  ['en', "month;följare\n2025-01;100\n2025-02;1O0\n", "line 3, column 2 ('följare'): '1O0' is not a number"],
  ['sv', "month;följare\n2025-01;100\n2025-02;1O0\n", "rad 3, kolumn 2 ('följare'): '1O0' är inte ett tal"],
]) {
  app.test(`a bad table gets a message naming its line and column (${lang}), the text kept as typed`, async ({ open, page }) => {
    await open(`?page=&lang=${lang}`);
    await fitText(page, text);
    const problem = page.locator('.table-problem');
    await shown(problem, 'the table problem');
    assert.equal(await problem.innerText(), want);
    assert.equal(await page.inputValue('#history-text'), text, 'the text as typed');
    assert.equal(await page.locator('.fit-results').count(), 0, 'no forecast');
  });
}

app.test("the page's own column names get a menu; the choice reads the table", async ({ open, page }) => {
  await open('?page=');
  const text = 'Månad,Fans,Kontakter\n2025-01,100,2\n2025-02,1O0,3\n';
  await page.fill('#history-text', text);
  const menus = page.locator('.column-menu select');
  await shown(menus.first(), 'the column menus');
  assert.equal(await menus.count(), 2);
  await menus.nth(0).selectOption('followers');
  await menus.nth(1).selectOption('leads');
  await page.focus('.fit-start');
  await page.keyboard.press('Enter');
  const problem = page.locator('.table-problem');
  await shown(problem, 'the table problem');
  assert.match(await problem.innerText(), /^line 3, column 2 .*'1O0' is not a number$/);
  assert.equal(await page.inputValue('#history-text'), text);
});

for (const [lang, want] of [
  ['en', /no future in 500 reproduces 40,000 followers in 2025-03 \(line 4\): the closest had [\d,]+; check the numbers or the market size/],
  ['sv', /ingen framtid av 500 återskapar 40\s000 följare i 2025-03 \(rad 4\): den närmaste hade [\d\s]+; kontrollera siffrorna eller marknadens storlek/],
]) {
  app.test(`a history no future reproduces is refused with a message, not forecast (${lang})`, async ({ open, page }) => {
    await open(`?page=&lang=${lang}`);
    await fitText(page, 'month,followers\n2025-01,200\n2025-02,250\n2025-03,40000\n');
    const refused = page.locator('.fit-refused');
    await shown(refused, 'the refusal', FIT);
    assert.match(await refused.innerText(), want);
    assert.equal(await page.locator('.fit-results').count(), 0, 'never a silent forecast');
  });
}

app.test('Cancel stops the fit and its workers', async ({ open, page }) => {
  await open('?page=');
  const simulator = Number(await page.getAttribute('html', 'data-workers'));
  await waitUntil(async () => page.workers().length >= simulator, 'the simulator\'s workers');
  await waitUntil(async () => page.workers().length > simulator, 'the fit\'s workers, started with the page');
  await fitText(page, SAMPLE);
  await shown(page.locator('.fit-cancel'), 'Cancel', FIT);
  await page.focus('.fit-cancel');
  await page.keyboard.press('Enter');
  await shown(page.locator('.fit-cancelled'), 'the cancelled notice');
  await waitUntil(async () => page.workers().length === simulator, 'the fit\'s workers to end');
  assert.equal(await page.locator('.fit-results').count(), 0, 'nothing forecast');
});

app.test('the link reopens the same fit', async ({ open, page, context }) => {
  await open('?page=');
  await fitText(page, SAMPLE);
  const first = await fitted(page);
  const ess = await first.getAttribute('data-ess');
  const median = await leadsMedian(page);
  const link = await page.evaluate(() => location.href);
  const again = await context.newPage();
  await again.goto(link);
  const second = again.locator('.fit-results');
  await shown(second.locator('.chart[data-chart="leads"]'), 'the reopened forecast', FIT);
  assert.equal(await second.getAttribute('data-ess'), ess, 'the same fit');
  assert.equal(await leadsMedian(again), median, 'the same forecast');
  assert.equal(await again.inputValue('#history-text'), SAMPLE, 'the history as it was pasted');
});

app.test('a phone (390 px) shows the fit without sideways scrolling', async ({ open, page }) => {
  await open(`?page=${encodeURIComponent(SAMPLE)}&lang=sv`);
  await fitted(page);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `the page is ${wide} px wide`);
}, { viewport: { width: 390, height: 844 } });

app.test('a history too long for the link is said so, and offered as a file', async ({ open, page }) => {
  await open('?page=');
  const rows = Array.from({ length: 300 }, (_, d) => {
    const day = new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
    return `${day},${1000 + 5 * d},${900 + d},${30 + (d % 7)},${d % 5},${d % 3},0,100,1`;
  });
  const text = `date,followers,reach,engagements,messages,leads,customers,spend,posts\n${rows.join('\n')}\n`;
  assert.ok(text.length > 7500);
  await fitText(page, text);
  const note = page.locator('.link-too-long');
  await shown(note, 'the note about the link');
  assert.match(await note.innerText(), /too long to travel in a link/);
  assert.doesNotMatch(await page.evaluate(() => location.search), /page=date/, 'the table stays out of the link');
  const [file] = await Promise.all([page.waitForEvent('download'), note.locator('button').click()]);
  assert.equal(await readFile(await file.path(), 'utf8'), text, 'the history as typed');
  if (await page.locator('.fit-cancel').count()) await page.locator('.fit-cancel').click();
});

app.test('axe finds no violations on Your page: the column menus, then a fit with a plan', async ({ open, page }) => {
  const axe = async () => (await new AxeBuilder({ page }).analyze()).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
  await open('?page=&lang=sv');
  await page.fill('#history-text', 'Månad,Fans\n2025-01,100\n');
  await shown(page.locator('.column-menu select'), 'the column menu');
  assert.deepEqual(await axe(), []);
  await open(`?page=${encodeURIComponent(SAMPLE)}`);
  await fitted(page);
  await page.fill('[data-lever="buy_in"]', '90');
  await page.keyboard.press('Tab');
  await shown(page.locator('.fit-compare'), 'the A/B legend', FIT);
  assert.deepEqual(await axe(), []);
});

/** What the room reads after a fit: the forecast's texts and the constants' table. */
const ROOM_TEXT = `.fit-ess, .fit-charts h2, .fit-compare, .fit-charts .chart-title, .fit-charts .readout, .fit-charts .explain,
  .fit-charts .chart-legend li, .plan-lever label, .fit-posterior h2, .posterior th, .posterior td`;

/** Every text in the fit's charts: its size on screen (CSS size times the drawing's scale), and
 * each pair of texts in one chart whose boxes overlap by more than a pixel both ways. */
const chartTexts = (page) => page.$$eval('.fit-charts .chart svg', (svgs) => svgs.map((svg) => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim());
  const boxes = texts.map((t) => t.getBoundingClientRect());
  const overlaps = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 1 && h > 1) overlaps.push(`"${texts[i].textContent}" on "${texts[i + 1 + j].textContent}"`);
  }));
  return { chart: svg.closest('[data-chart]').dataset.chart, smallest: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale)), overlaps };
}));

for (const lang of ['en', 'sv']) {
  app.test(`on a 1920x1080 projector the fit is read at 24 px, chart ticks at 22, no labels overlapping (${lang})`, async ({ open, page }) => {
    await open(`?page=${encodeURIComponent(SAMPLE)}&lang=${lang}`);
    await fitted(page);
    const check = async (where) => {
      const sizes = await page.$$eval(ROOM_TEXT, (els) => els.filter((e) => e.getClientRects().length && e.textContent.trim())
        .map((e) => ({ text: e.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(e).fontSize) })));
      assert.ok(sizes.length >= 40, `${where}: ${sizes.length} texts found`);
      assert.deepEqual(sizes.filter((s) => s.px < 24), [], `${where}: text under 24 px`);
      const charts = await chartTexts(page);
      assert.equal(charts.length, 2, `${where}: both charts`);
      for (const c of charts) {
        assert.ok(c.smallest >= 22, `${where} ${c.chart}: chart text ${c.smallest.toFixed(1)} px`);
        assert.deepEqual(c.overlaps, [], `${where} ${c.chart}: labels overlap`);
      }
      // The two charts side by side, both wholly in the page's width.
      const [a, b] = await page.$$eval('.fit-charts .chart[data-chart]', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      assert.ok(Math.abs(a.top - b.top) < 2 && b.left >= a.right, `${where}: charts side by side`);
      assert.ok(b.right <= 1920, `${where}: the second chart ends at x = ${b.right}`);
    };
    await check(`${lang} keep going`);
    // With a plan: A beside B, the legend of both read too.
    await page.fill('[data-lever="budget"]', '0');
    await page.keyboard.press('Tab');
    await shown(page.locator('.fit-compare'), 'the A/B legend', FIT);
    await page.waitForFunction(() => document.querySelector('.fit-charts')?.dataset.planJob, null, { timeout: FIT });
    await check(`${lang} with a plan`);
  }, { viewport: PROJECTOR });
}

app.test("a phone (390 px) stacks the table's rows: each range named, the plain words on a full line", async ({ open, page }) => {
  await open(`?page=${encodeURIComponent(SAMPLE)}`);
  await fitted(page);
  const row = page.locator('table.posterior tbody tr').first();
  const [name, prior, posterior, words] = await row.locator('th, td').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (const [what, box] of [['prior', prior], ['posterior', posterior], ['plain words', words]]) {
    assert.ok(box.top >= name.bottom - 1, `the ${what} below the constant's name`);
    assert.ok(box.width >= 300, `the ${what} ${box.width} px wide`);
  }
  const before = await row.locator('td').first().evaluate((e) => getComputedStyle(e, '::before').content);
  assert.match(before, /Typical pages/);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `the page is ${wide} px wide`);
}, { viewport: { width: 390, height: 844 } });

/** Presses the button `selector` from the keyboard; returns the downloaded file's name and text. */
async function download(page, selector) {
  await page.focus(selector);
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

app.test("the fit exports as the CLI prints it (JSON), the forecast shown as CSV, and prints its charts and table", async ({ open, page }) => {
  await open(`?page=${encodeURIComponent(SAMPLE)}`);
  const section = await fitted(page);
  await shown(page.locator('.fit-export .export-json:not([disabled])'), 'the export buttons');
  const json = await download(page, '.export-json');
  assert.equal(json.name, 'longgame-page-fit.json');
  const fit = JSON.parse(json.text);
  assert.equal(String(fit.ess), await section.getAttribute('data-ess'), 'the fit on the page');
  assert.equal(fit.history.length, 12);
  assert.equal(fit.posterior.length, await section.locator('table.posterior tbody tr').count(), 'every constant of the table');
  const leads = fit.metrics.find((m) => m.name === 'leads');
  assert.equal(String(leads.p50.at(-1)), await leadsEnd(page), "the forecast shown: keep going's");
  if (process.env.LONGGAME_CLI) {
    // The same fit as `longgame fit` with the app's runs, seed and horizon, bit for bit.
    const file = fileURLToPath(new URL('../../examples/page-history.csv', import.meta.url));
    const cli = JSON.parse(execFileSync(process.env.LONGGAME_CLI,
      ['fit', '--history', file, '--runs', '500', '--seed', '1', '--days', String(fit.days)], { encoding: 'utf8' }));
    for (const key of ['ess', 'posterior', 'history', 'history_days', 'metrics']) assert.deepEqual(fit[key], cli[key], key);
  }
  // With a plan, the CSV is the plan's forecast.
  await page.fill('[data-lever="budget"]', '0');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('.fit-charts')?.dataset.planJob, null, { timeout: FIT });
  const csv = await download(page, '.export-csv');
  assert.equal(csv.name, 'longgame-page-forecast.csv');
  const rows = csv.text.trim().split('\n');
  assert.equal(rows.length, fit.days + 2, 'a header and a row a day from day 0');
  const column = rows[0].split(',').indexOf('leads_p50');
  assert.equal(rows.at(-1).split(',')[column], await leadsEnd(page), "the plan's forecast");
  assert.notEqual(rows.at(-1).split(',')[column], String(leads.p50.at(-1)));
  // Printed: the charts, the plan and the table; not the input box or the buttons.
  await page.emulateMedia({ media: 'print' });
  const seen = async (selector) => page.locator(selector).first().isVisible();
  for (const s of ['.fit-charts .chart[data-chart="followers"] svg', '.fit-charts .chart[data-chart="leads"] svg', 'table.posterior', '.fit-compare', '.plan-lever'])
    assert.ok(await seen(s), `${s} printed`);
  for (const s of ['#history-text', '.fit-export', '.chart-tools', '.page-exit'])
    assert.ok(!(await seen(s)), `${s} not printed`);
});
