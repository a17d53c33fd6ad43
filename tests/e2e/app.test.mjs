// The workshop app in a real Chromium: levers, charts, sharing, comparing, saving, exporting.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, textOf, waitDone, afterChange, medians, queryOf } from './helpers.mjs';

const app = useApp();
const METRICS = ['reach', 'followers', 'engagement', 'trust', 'leads', 'customers', 'cost', 'roi'];

app.test('the default scenario is simulated and charted on first open', async ({ open, page }) => {
  await open();
  const done = await waitDone(page);
  assert.equal(done.runs, 500);
  assert.equal(done.days, 730);
  const m = await medians(page);
  assert.deepEqual(Object.keys(m).sort(), [...METRICS].sort());
  assert.ok(m.leads > 0 && m.followers > 200, `medians look empty: ${JSON.stringify(m)}`);
  // Fan: both bands and the median are drawn, with milestones.
  for (const sel of ['.band-outer', '.band-inner', '.median', '.milestone']) {
    assert.ok(await page.locator(`.chart[data-chart="leads"] ${sel}`).count() > 0, `${sel} missing`);
  }
  assert.match(await textOf(page, '.chart[data-chart="leads"] .explain'), /8 of 10 simulated futures/);
  // Money is written the English way, in euros.
  assert.match(await textOf(page, '.chart[data-chart="cost"] .readout'), /^Day 365: median €\d{1,3}(,\d{3})*;/);
  assert.match(await textOf(page, '.patience'), /When will it pay off\?/);
  assert.equal(await page.locator('.milestone-card').count(), 3);
  // The week-by-week chart has its table too: week 0 nothing reached, nothing cancelled.
  await page.locator('.patience .weekly').getByRole('button', { name: 'Table' }).click();
  const weekly = page.locator('.patience .weekly table');
  assert.match(await weekly.locator('thead').innerText(), /Week/);
  assert.deepEqual((await weekly.locator('tbody tr').first().innerText()).split('\t').map((c) => c.trim()), ['0', '0%', '0%', '0%']);
  assert.ok(await weekly.locator('tbody tr').count() > 20);
  assert.match(await textOf(page, '#preset'), /A reasonable start/);
});

app.test('every lever moved by keyboard changes the chart and the link', async ({ open, page }) => {
  await open();
  const cases = [
    ['budget', 'b', 'leads'], ['posts_per_week', 'p', 'reach'],
    ['responsiveness', 'r', 'trust'], ['buy_in', 'i', 'leads'],
  ];
  for (const [lever, key, metric] of cases) {
    const before = await waitDone(page);
    const m0 = await medians(page);
    const slider = page.locator(`#lever-${lever}`);
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((key) => new URLSearchParams(location.search).has(key), key);
    const after = await waitDone(page, { after: before.job });
    assert.ok(after.job > before.job, `${lever}: no new simulation`);
    const q = new URLSearchParams(await queryOf(page));
    assert.ok(q.has(key), `${lever}: link has no '${key}' (${q})`);
    const m1 = await medians(page);
    assert.notEqual(m1[metric], m0[metric], `${lever}: ${metric} did not move`);
    // The typed value box follows the slider.
    const typed = await page.locator(`[data-lever="${lever}"] .typed`).inputValue();
    assert.equal(Number(typed), Number(q.get(key)));
  }
});

app.test('typing a value works, a bad value is refused with a message, and ↺ restores', async ({ open, page }) => {
  await open();
  await waitDone(page);
  const box = page.locator('[data-lever="buy_in"] .typed');
  await afterChange(page, async () => { await box.fill('15'); await box.press('Enter'); });
  assert.equal(new URLSearchParams(await queryOf(page)).get('i'), '15');
  assert.match(await textOf(page, '[data-lever="buy_in"] .meaning'), /experiment management expects to fail/);
  await box.fill('150');
  await box.press('Enter');
  assert.match(await textOf(page, '[data-lever="buy_in"] .field-error'), /from 0 to 100/);
  assert.equal(new URLSearchParams(await queryOf(page)).get('i'), '15');
  await afterChange(page, () => page.locator('[data-lever="buy_in"] .reset').click());
  assert.equal(new URLSearchParams(await queryOf(page)).get('i'), null);
  // Values within a field's own range that the scenario as a whole cannot take get a reason too.
  await page.locator('details.assumptions summary').click();
  const followers = page.locator('[data-lever="starting_followers"] .typed');
  await followers.fill('60000');
  await followers.press('Enter');
  assert.match(await textOf(page, '[data-lever="starting_followers"] .field-error'), /'60,000' is not allowed: enter a number from 0 to 50,000/);
  const horizon = page.locator('[data-lever="horizon_days"] .typed');
  await horizon.fill('100.5');
  await horizon.press('Enter');
  assert.match(await textOf(page, '[data-lever="horizon_days"] .field-error'), /whole number of days/);
  const q = new URLSearchParams(await queryOf(page));
  assert.equal(q.get('f'), null, 'starting followers unchanged');
  assert.equal(q.get('d'), null, 'horizon unchanged');
});

app.test('what is typed while a long simulation streams stays as typed', async ({ open, page }) => {
  // 5,000 futures over three years stream for seconds: every partial result re-renders the page.
  await open('?n=5000&d=1095');
  await page.locator('details.assumptions summary').click();
  await page.locator('.status[data-status="running"]').waitFor();
  // Counts the streamed results that re-render the page while typing goes on.
  await page.evaluate(() => {
    window.__streamed = 0;
    new MutationObserver(() => { window.__streamed += 1; })
      .observe(document.querySelector('.status'), { attributes: true, attributeFilter: ['data-runs-done'] });
  });
  const seed = page.locator('#seed');
  await seed.fill('4242');
  await seed.press('Enter');
  const runs = page.locator('#runs');
  await runs.fill('3000');
  await runs.press('Enter');
  await page.evaluate(() => { window.__streamed = 0; });
  // Several streamed results have arrived since (or the run is already over).
  await page.waitForFunction(() => window.__streamed >= 3 || document.querySelector('.status')?.dataset.status === 'done',
    null, { timeout: 60000 });
  assert.equal(await seed.inputValue(), '4242');
  assert.equal(await runs.inputValue(), '3000');
  const q = new URLSearchParams(await queryOf(page));
  assert.equal(q.get('s'), '4242');
  assert.equal(q.get('n'), '3000');
  await waitDone(page, { timeout: 60000 });
  assert.equal(await page.locator('.status').getAttribute('data-runs'), '3000');
  assert.equal(await page.locator('.status').getAttribute('data-seed'), '4242');
});

app.test('a shared link reproduces exactly the same numbers, matching the native engine', async ({ open, page, context }) => {
  const link = '?v=1&b=4000&p=7&i=90&s=7&n=200';
  await open(link);
  await waitDone(page);
  const first = await medians(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await other.waitForSelector('.status[data-status="done"]', { timeout: 20000 });
  assert.deepEqual(await medians(other), first);
  // The same seed natively (command line) gives the same medians, bit for bit.
  const cli = process.env.LONGGAME_CLI;
  if (cli) {
    const { execFileSync } = await import('node:child_process');
    const out = JSON.parse(execFileSync(cli, ['run', '--set', 'budget=4000', '--set', 'posts_per_week=7',
      '--set', 'buy_in=90', '--seed', '7', '--runs', '200', '--samples', '8'], { maxBuffer: 1 << 28 }));
    for (const band of out.metrics) assert.equal(first[band.name], band.p50[365], `${band.name} differs from native`);
  }
});

app.test('presets load their levers and their lesson', async ({ open, page }) => {
  await open();
  await waitDone(page);
  await afterChange(page, () => page.selectOption('#preset', 'half-hearted'));
  const q = new URLSearchParams(await queryOf(page));
  assert.deepEqual([q.get('b'), q.get('p'), q.get('r'), q.get('i')], ['300', '3', '20', '15']);
  assert.match(await textOf(page, '.presets .meaning'), /expects it to fail/);
  const half = await medians(page);
  await afterChange(page, () => page.selectOption('#preset', 'committed'));
  const committed = await medians(page);
  assert.ok(committed.leads > 10 * Math.max(half.leads, 1), `committed ${committed.leads} vs half-hearted ${half.leads}`);
});

app.test('bad links never break the page: bad fields fall back and are reported', async ({ open, page }) => {
  await open('?v=1&b=lots&i=80&r=250');
  await waitDone(page);
  const notice = await textOf(page, '.notices');
  assert.match(notice, /Budget is 'lots'/);
  assert.match(notice, /Responsiveness is '250'/);
  assert.equal(await page.locator('[data-lever="buy_in"] .typed').inputValue(), '80');
  assert.equal(await page.locator('[data-lever="budget"] .typed').inputValue(), '3000');
  const fuzz = ['?', '?v=', '?v=99', '?b=', '?b=-1', '?b=1e400', '?b=NaN', '?p=inf', '?r=%', '?r=%zz', '?i=%F0%9F%98%80',
    '?A=', '?A=b', '?A=b:', '?A=b:1:2,,,', '?A=zz:1', '?s=-1', '?s=99999999999999999999', '?n=0', '?n=1e9',
    '?d=29', '?d=5000', '?d=30.5', '?gd=0', '?cd=99999', '?m=10&f=99', '?f=1e12', '?lang=' + 'x'.repeat(50),
    '?embed=maybe', '?&&&', '?==', '?b=1&b=2&b=3', '?%00=%00', '?v=1&b=' + '9'.repeat(400), '?q=-5', '?fit=101',
    '?x=-3', '?x=99999', '?x=12.5', '?x=5000&d=30'];
  for (const q of fuzz) {
    // Few runs: this test is about the page surviving the link, not the numbers.
    await page.goto(new URL(q + (q.includes('n=') ? '' : '&n=20'), page.url()).href);
    await page.waitForSelector('[data-app-ready]', { timeout: 15000 });
    await waitDone(page);
    assert.equal(await page.locator('.chart[data-chart="leads"]').count(), 1, `no chart for ${q}`);
  }
});

app.test('compare: pin A, change to B, see both with the same seed', async ({ open, page }) => {
  await open('?n=200');
  await waitDone(page);
  await page.getByRole('button', { name: 'Pin as A' }).click();
  const box = page.locator('[data-lever="buy_in"] .typed');
  await afterChange(page, async () => { await box.fill('10'); await box.press('Enter'); });
  await page.locator('.compare-summary').waitFor();
  assert.match(await textOf(page, '.crn-note'), /same random draws \(common random numbers\)/);
  assert.ok(await page.locator('.chart[data-chart="leads"] .median-a').count() === 1, 'A is not overlaid');
  const q = new URLSearchParams(await queryOf(page));
  assert.equal(q.get('A'), '', 'the pinned default scenario is in the link');
  assert.equal(q.get('i'), '10');
  const diff = await textOf(page, '.compare-table tr[data-metric="leads"]');
  assert.match(diff, /−/, `low buy-in should lose leads: ${diff}`);
  const trustDiff = await page.locator('.compare-table tr[data-metric="trust"] td').nth(2).innerText();
  assert.match(trustDiff, /^−\d+$/, `trust differs by points: ${trustDiff}`);
  // The pin survives a reload (it is in the link), and once the page says it is done, A's
  // numbers are final: the same as the default scenario simulated on its own.
  const aCells = async () => (await page.locator('.compare-table tbody tr').evaluateAll(
    (rows) => rows.map((r) => r.children[1].textContent))).join('|');
  await page.reload();
  await waitDone(page);
  await page.locator('.compare-summary').waitFor();
  const pinnedA = await aCells();
  await page.getByRole('button', { name: 'Unpin A' }).click();
  assert.equal(await page.locator('.compare-summary').count(), 0);
  await afterChange(page, async () => { await box.fill('70'); await box.press('Enter'); });
  await page.getByRole('button', { name: 'Pin as A' }).click();
  await afterChange(page, async () => { await box.fill('10'); await box.press('Enter'); });
  assert.equal(await aCells(), pinnedA);
  await page.getByRole('button', { name: 'Unpin A' }).click();
  assert.equal(await page.locator('.compare-summary').count(), 0);
});

app.test('quit at day X overlays where the metrics would go', async ({ open, page }) => {
  await open('?n=100');
  await waitDone(page);
  await page.fill('#quit-day', '120');
  await page.press('#quit-day', 'Enter');
  await page.locator('.chart[data-chart="cost"] .median-quit').waitFor({ timeout: 20000 });
  assert.match(await textOf(page, '.chart[data-chart="cost"] .readout'), /if you quit on day 120/);
  // The overlay is part of the picture a link shares.
  assert.equal(new URLSearchParams(await queryOf(page)).get('x'), '120');
  await page.reload();
  await waitDone(page);
  assert.match(await textOf(page, '.chart[data-chart="cost"] .readout'), /if you quit on day 120/);
  assert.equal(await page.locator('#quit-day').inputValue(), '120');
});

app.test('charts: hover and keyboard readout, data table, sample paths with crisis markers', async ({ open, page }) => {
  await open('?cd=30&r=10&i=20&n=100');
  await waitDone(page);
  const chart = page.locator('.chart[data-chart="followers"]');
  await chart.locator('svg').focus();
  await page.keyboard.press('End');
  assert.match(await chart.locator('.readout').innerText(), /^Day 730: median/);
  await page.keyboard.press('Shift+ArrowLeft');
  assert.match(await chart.locator('.readout').innerText(), /^Day 700: median/);
  const box = await chart.locator('svg').boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  assert.match(await chart.locator('.readout').innerText(), /^Day 3\d\d: median/);
  await chart.getByRole('button', { name: 'Table' }).click();
  const rows = await chart.locator('table tbody tr').count();
  assert.ok(rows >= 25, `table has ${rows} rows`);
  assert.equal(await chart.locator('table thead th').first().innerText(), 'Day');
  await page.locator('.toggle input').check();
  assert.ok(await chart.locator('.sample-line').count() >= 8);
  assert.ok(await chart.locator('.crisis').count() >= 8, 'the day-30 crisis is marked on every sample path');
});

app.test('saved scenarios: save, reload, load, rename, delete', async ({ open, page }) => {
  await open('?b=1234&n=100');
  await waitDone(page);
  await page.fill('.save-form input', 'Pilot');
  await page.click('.save-form button');
  await page.goto(new URL('./?n=100', page.url()).href);
  await page.waitForSelector('[data-saved="Pilot"]');
  await afterChange(page, () => page.click('[data-saved="Pilot"] >> text=Load'));
  assert.equal(new URLSearchParams(await queryOf(page)).get('b'), '1234');
  await page.click('[data-saved="Pilot"] >> text=Rename');
  await page.fill('[data-saved="Pilot"] .rename input', 'Pilot 2');
  await page.click('[data-saved="Pilot"] .rename button');
  await page.waitForSelector('[data-saved="Pilot 2"]');
  await page.reload();
  await page.waitForSelector('[data-saved="Pilot 2"]');
  await page.click('[data-saved="Pilot 2"] >> text=Delete');
  await page.getByRole('button', { name: 'Undo' }).waitFor();
  await page.reload();
  await page.waitForSelector('[data-app-ready]');
  assert.equal(await page.locator('[data-saved]').count(), 0);
});

app.test('a corrupted store is reported and kept aside, never wiped', async ({ open, page }) => {
  await open('?n=50');
  await page.evaluate(() => localStorage.setItem('longgame.saved.v1', '{broken'));
  await page.reload();
  await page.waitForSelector('.saved .panel-message');
  assert.match(await textOf(page, '.saved .panel-message'), /could not be read.*kept/);
  assert.equal(await page.evaluate(() => localStorage.getItem('longgame.saved.unreadable')), '{broken');
  await page.fill('.save-form input', 'Fresh');
  await page.click('.save-form button');
  await page.waitForSelector('[data-saved="Fresh"]');
  assert.equal(await page.evaluate(() => localStorage.getItem('longgame.saved.unreadable')), '{broken');
});

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), data: await readFile(await d.path()) };
}

app.test('exports download the summary, the scenario and the charts', async ({ open, page }) => {
  await open('?d=120&n=60');
  await waitDone(page);
  const csv = await download(page, () => page.click('text=Summary CSV'));
  const lines = csv.data.toString().trim().split('\n');
  assert.equal(csv.name, 'longgame-summary.csv');
  assert.match(lines[0], /^day,reach_p10,reach_p25,reach_p50/);
  assert.equal(lines.length, 122);
  const json = JSON.parse((await download(page, () => page.click('text=Summary JSON'))).data);
  assert.equal(json.metrics.length, 8);
  assert.equal(json.metrics[4].p50.length, 121);
  const scenario = JSON.parse((await download(page, () => page.click('text=Scenario JSON'))).data);
  assert.equal(scenario.assumptions.horizon_days, 120);
  const svg = await download(page, () => page.locator('.chart[data-chart="leads"]').getByRole('button', { name: 'SVG' }).click());
  const markup = svg.data.toString();
  assert.match(markup, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(markup, /class="median"/);
  // The export stands on its own: title, the levers, a legend of its marks and the link.
  for (const words of ['Leads (cumulative)', 'Budget €3,000/month · 5 posts/week', '8 in 10 futures', 'half of the futures',
    'median', 'management review', page.url().replaceAll('&', '&amp;')]) {
    assert.ok(markup.includes(words), `the SVG lacks "${words}"`);
  }
  const [, w, h] = markup.match(/^<svg[^>]*width="([\d.]+)" height="([\d.]+)"/).map(Number);
  const png = await download(page, () => page.locator('.chart[data-chart="leads"]').getByRole('button', { name: 'PNG' }).click());
  assert.equal(png.name, 'longgame-leads.png');
  assert.deepEqual([...png.data.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  // The PNG keeps the export's aspect ratio, at twice its size.
  const [pw, ph] = [png.data.readUInt32BE(16), png.data.readUInt32BE(20)];
  assert.equal(pw, 2 * w);
  assert.ok(Math.abs(pw / ph - w / h) < 0.01, `PNG ${pw} × ${ph} from ${w} × ${h}`);
});

app.test('importing a scenario file applies it; a bad file is refused by name', async ({ open, page }) => {
  await open('?n=50');
  await waitDone(page);
  const input = page.locator('.export .import input[type=file]');
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"levers": {"budget": "lots"}}') });
  await page.locator('.export .panel-message', { hasText: /Could not import bad\.json: levers\.budget: .*expected a number/ }).waitFor();
  await input.setInputFiles({ name: 'range.json', mimeType: 'application/json', buffer: Buffer.from('{"levers": {"buy_in": 140}}') });
  await page.locator('.export .panel-message', { hasText: /range\.json: levers\.buy_in is 140, but must be between 0 and 100/ }).waitFor();
  await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from('{"levers": {"budget": 2500, "buy_in": 40}}') });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('b') === '2500');
  assert.equal(await page.locator('[data-lever="buy_in"] .typed').inputValue(), '40');
});

app.test('embed mode is compact and chrome-less', async ({ open, page }) => {
  await open('?embed=1&n=50');
  await waitDone(page);
  assert.equal(await page.locator('.tagline').count(), 0);
  assert.equal(await page.locator('.saved').count(), 0);
  assert.deepEqual(Object.keys(await medians(page)), ['leads'], 'an embed shows one chart, leads by default');
  const href = await page.locator('.open-full').getAttribute('href');
  assert.ok(href.startsWith('./?') && !href.includes('embed'), href);
});

app.test('a panic shows a banner with reload and details instead of a dead page', async ({ open, page }) => {
  await open('?debug=panic&n=50');
  await page.locator('#crash-banner').waitFor({ timeout: 10000 });
  assert.match(await textOf(page, '#crash-banner'), /Something went wrong/);
  assert.match(await page.locator('#crash-banner textarea').inputValue(), /deliberate panic/);
  assert.equal(await page.locator('#crash-banner button', { hasText: 'Reload' }).count(), 1);
}, { expectErrors: true });

app.test('the crash banner\'s Reload and Copy details work under the CSP, in English and Swedish', async ({ open, page, context }) => {
  const blocked = [];
  page.on('console', (m) => /Content Security Policy|inline event handler/i.test(m.text()) && blocked.push(m.text()));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  for (const [lang, reload, copy, copied] of [
    ['en', 'Reload', 'Copy details', 'Copied'],
    ['sv', 'Ladda om', 'Kopiera detaljer', 'Kopierat'],
  ]) {
    await open(`?debug=panic&n=50&lang=${lang}`);
    await page.locator('#crash-banner').waitFor({ timeout: 10000 });
    const copyButton = page.locator('#crash-banner button', { hasText: copy });
    await copyButton.focus();
    await page.keyboard.press('Enter');
    await page.locator('#crash-banner button', { hasText: copied }).waitFor();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /deliberate panic/);
    await page.evaluate(() => { window.beforeReload = true; });
    await page.locator('#crash-banner button', { hasText: reload }).focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    assert.equal(await page.evaluate(() => window.beforeReload), undefined, `${lang}: ${reload} reloads the page`);
  }
  assert.deepEqual(blocked, [], 'the Content-Security-Policy blocked nothing');
}, { expectErrors: true });

app.test('a simulation worker that never starts is reported, not an endless spinner', async ({ open, page }) => {
  // As in a browser where the worker never runs its script: every worker starts empty.
  await page.addInitScript(() => {
    const Real = window.Worker;
    const empty = URL.createObjectURL(new Blob([''], { type: 'text/javascript' }));
    window.Worker = function () { return new Real(empty); };
  });
  await open();
  const stalled = page.locator('.status[data-status="stalled"]');
  await stalled.waitFor({ timeout: 15000 });
  assert.match(await stalled.innerText(), /not answering.*Web Workers/s);
  // The rest of the page stays usable: the levers are still there to read and set.
  assert.equal(await page.locator('input[type="range"]').count() >= 4, true);
}, { expectErrors: true });

app.test('Why? explains the futures in sentences, and in compare says what differs between A and B', async ({ open, page }) => {
  await open('?b=4000&p=7&r=90&i=90&A=b:300,p:3,r:20,i:15');
  await waitDone(page);
  const why = page.locator('section.why');
  assert.match(await why.innerText(), /Of the €[\d,]+ spent per future, \d+% went to content/);
  assert.match(await why.innerText(), /New followers came mostly from/);
  assert.ok(await page.locator('.why-compare li').count() >= 1, 'compare names at least one difference');
  assert.match(await textOf(page, '.why-compare li'), /A [€\d,.%]+, B [€\d,.%]+/);
  // A company that never started spent nothing: no return to measure, so ROI is n/a, not 0 %.
  await afterChange(page, () => page.selectOption('#preset', 'never-started'));
  assert.match(await textOf(page, '.chart[data-chart="roi"] .readout'), /ROI: n\/a/);
  assert.match(await why.innerText(), /Nothing was spent/);
  await page.selectOption('.lang-switch select', 'sv');
  await page.locator('section.why h3', { hasText: 'Varför blev det så?' }).waitFor();
});

app.test('ROI is n/a for each line whose own futures spent nothing, A included', async ({ open, page }) => {
  await open('?A=b:0,p:0,r:0,i:0');
  await waitDone(page);
  const readout = await textOf(page, '.chart[data-chart="roi"] .readout');
  assert.match(readout, /^Day 365: median −?\d+%/, 'B spends, so its ROI is a number');
  assert.match(readout, /n\/a/, `A never started, so its ROI is n/a: ${readout}`);
  assert.match(await textOf(page, '.compare-table tr[data-metric="roi"]'), /n\/a/);
});

app.test('a plan in the link changes the levers on its days, is listed, and survives sharing', async ({ open, page }) => {
  await open('?b=1000&c=180b4000_365i90');
  await waitDone(page);
  const plan = page.locator('.levers .plan');
  assert.match(await plan.innerText(), /From day 180: Budget €4,000/);
  assert.match(await plan.innerText(), /From day 365: Leadership buy-in 90/);
  assert.equal(new URLSearchParams(await queryOf(page)).get('c'), '180b4000_365i90');
  // The plan is simulated, not just listed: a year's cost is above €1,000 a month.
  const withPlan = await page.locator('.chart[data-chart="cost"]').getAttribute('data-median');
  await open('?b=1000');
  await waitDone(page);
  const without = await page.locator('.chart[data-chart="cost"]').getAttribute('data-median');
  assert.ok(Number(withPlan) > 1.5 * Number(without), `cost by day 365: ${withPlan} with the plan, ${without} without`);
  await open('?d=100&c=180b4000');
  await waitDone(page);
  assert.match(await textOf(page, '.notices'), /180b4000/);
  assert.equal(await page.locator('.levers .plan').count(), 0);
});
