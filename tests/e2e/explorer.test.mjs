// The explorer's tornado, by keyboard, in real Chromium: opened from the simulator, the bars
// of every lever and assumption on the same futures, the largest swing on top, the table, the
// exports, the link reopening the same view, a new scenario superseding the running job, and
// Swedish text.
import assert from 'node:assert/strict';
import { useApp, textOf, queryOf, PROJECTOR } from './helpers.mjs';

const { test } = useApp();

async function press(page, selector) {
  await page.locator(selector).focus();
  await page.keyboard.press('Enter');
}

const FIELDS = ['budget', 'posts_per_week', 'responsiveness', 'buy_in', 'market_size',
  'starting_followers', 'customer_value', 'close_rate', 'channel_fit'];

/** The table's rows, top first: field name and swing. */
const rows = (page) => page.$$eval('.tornado-table tbody tr',
  (trs) => trs.map((tr) => [tr.dataset.field, Number(tr.dataset.swing)]));

test('the tornado ranks the levers on the same futures, lists every field, exports and reopens from its link', async ({ page, open }) => {
  await open('');
  const started = Date.now();
  await press(page, 'button.open-explorer');
  await page.waitForSelector('.explore-page');
  await page.waitForSelector('.tornado-table tbody tr', { timeout: 60000 });
  const ms = Date.now() - started;
  const runs = 500, variants = 1 + 2 * FIELDS.length;
  console.log(`explorer tornado: ${variants} variants x ${runs} runs x 730 days in ${ms} ms ` +
    `(${((variants * runs * 730) / (ms / 1000) / 1e6).toFixed(2)} M run-days/s, one worker)`);

  const table = await rows(page);
  assert.deepEqual(table.map(([f]) => f).sort(), [...FIELDS].sort(), 'every field is listed');
  const swing = Object.fromEntries(table);
  // What the model robustly gives (src/state/tornado.rs tests): for the default company,
  // buy-in and budget move leads far more than how well posts fit their channel.
  assert.ok(swing.buy_in > 2 * swing.channel_fit, JSON.stringify(swing));
  assert.ok(swing.budget > 2 * swing.channel_fit, JSON.stringify(swing));
  assert.equal(swing.customer_value, 0, 'a customer\'s value brings no leads');
  for (let i = 1; i < table.length; i++) assert.ok(table[i - 1][1] >= table[i][1], 'largest swing first');
  assert.equal(await page.locator('svg.tornado-chart .tornado-row').count(), FIELDS.length);
  assert.match(await textOf(page, '.explore-steps'), /±25 %.*±20 points.*halved and doubled/);

  // The outcome and the day, by keyboard; both travel in the link.
  await page.locator('select.explore-metric').focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => /Customers/.test(document.querySelector('#tornado-title')?.textContent ?? ''), null, { timeout: 60000 });
  await page.locator('#explore-day').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('730');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /day 730/.test(document.querySelector('#tornado-title')?.textContent ?? ''), null, { timeout: 60000 });
  const query = await queryOf(page);
  assert.match(query, /explore=tornado&eo=customers&ed=730/);
  const shown = await rows(page);

  // CSV: a row for every field, in the order on screen.
  const [csvFile] = await Promise.all([page.waitForEvent('download'), press(page, 'button.export-tornado-csv')]);
  const csv = Buffer.concat(await (await csvFile.createReadStream()).toArray()).toString().trim().split('\n');
  assert.match(csv[0], /^# customers on day 730/);
  assert.deepEqual(csv.slice(2).map((r) => r.split(',')[0]), shown.map(([f]) => f));
  const [svgFile] = await Promise.all([page.waitForEvent('download'), press(page, 'button.export-tornado-svg')]);
  const svg = Buffer.concat(await (await svgFile.createReadStream()).toArray()).toString();
  assert.match(svg, /^<svg[^>]*xmlns=/);
  const [pngFile] = await Promise.all([page.waitForEvent('download'), press(page, 'button.export-tornado-png')]);
  assert.equal(pngFile.suggestedFilename(), 'long-game-tornado.png');

  // The link reopens the same view with the same bars (same seed, same futures).
  await open(`?${query}`);
  await page.waitForSelector('.tornado-table tbody tr', { timeout: 60000 });
  assert.deepEqual(await rows(page), shown);

  // A new scenario supersedes the job: big budget, nobody answering — on leads, listening
  // tops it (src/state/tornado.rs tests).
  await page.locator('#preset').focus();
  await page.selectOption('#preset', 'big-budget');
  await page.locator('select.explore-metric').focus();
  await page.keyboard.press('ArrowUp');
  assert.match(await queryOf(page), /b=20000.*explore=tornado&ed=730/);
  await page.waitForFunction(() => document.querySelector('.tornado-table tbody tr')?.dataset.field === 'responsiveness', null, { timeout: 60000 });

  // Back to the simulator: the explorer leaves the link.
  await press(page, 'button.exit-explorer');
  await page.waitForSelector('.layout');
  assert.doesNotMatch(await queryOf(page), /explore=/);
}, { viewport: PROJECTOR });

test('in Swedish, the explorer speaks Swedish', async ({ page, open }) => {
  await open('?lang=sv&n=50');
  await press(page, 'button.open-explorer');
  await page.waitForSelector('.tornado-table tbody tr', { timeout: 60000 });
  assert.match(await textOf(page, 'h1'), /Utforskaren: vilken spak betyder mest/);
  assert.match(await textOf(page, '#tornado-title'), /Ändring av median/);
  assert.match(await textOf(page, '.tornado-table caption'), /största utslag först/);
  assert.match(await textOf(page, '.tornado-table tbody'), /Budget/);
});
