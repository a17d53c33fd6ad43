// The explorer's tornado, by keyboard, in real Chromium: opened from the simulator, the bars
// of every lever and assumption on the same futures, the largest swing on top, the table, the
// exports, the link reopening the same view, a new scenario superseding the running job, and
// Swedish text.
import assert from 'node:assert/strict';
import { useApp, textOf, queryOf, recordPerf, workersIdle, PROJECTOR } from './helpers.mjs';

const { test } = useApp();

async function press(page, selector) {
  await page.locator(selector).focus();
  await page.keyboard.press('Enter');
}

/**
 * How far below the top of the chart on screen its first mark starts, in the chart's units
 * (px at its full width of 760): the exported title's band (30) is left out on screen, so no
 * empty band stays above the chart.
 */
const gapAbove = async (page, svg) => (await (await page.waitForFunction((selector) => {
  // The picture on screen (the page has a wide and a narrow one; the style sheet shows one).
  // A refining map redraws its picture: wait until one is on screen rather than assume it.
  const s = [...document.querySelectorAll(selector)].find((e) => e.checkVisibility());
  if (!s) return null;
  const box = s.getBoundingClientRect();
  // Every drawn thing but the white ground (the first rect) and what has no box (defs, title).
  const marks = [...s.querySelectorAll('rect, text, line, circle')].slice(1)
    .map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0);
  if (marks.length === 0) return null;
  return { gap: (Math.min(...marks.map((r) => r.top)) - box.top) / (box.width / s.viewBox.baseVal.width) };
}, svg, { timeout: 60000 })).jsonValue()).gap;

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
  const runs = 500, variants = 1 + 2 * FIELDS.length, days = 365;
  console.log(`explorer tornado: ${variants} variants x ${runs} runs x ${days} days in ${ms} ms ` +
    `(${((variants * runs * days) / (ms / 1000) / 1e6).toFixed(2)} M run-days/s, ` +
    `${await page.evaluate(() => navigator.hardwareConcurrency)} logical processors; runs stop at the day read)`);
  await recordPerf({ explorer_tornado_ms: ms });

  const table = await rows(page);
  assert.deepEqual(table.map(([f]) => f).sort(), [...FIELDS].sort(), 'every field is listed');
  const swing = Object.fromEntries(table);
  // What the model robustly gives (src/state/explore/tornado.rs tests): for the default company,
  // buy-in and budget move leads far more than how well posts fit their channel.
  assert.ok(swing.buy_in > 2 * swing.channel_fit, JSON.stringify(swing));
  assert.ok(swing.budget > 2 * swing.channel_fit, JSON.stringify(swing));
  assert.equal(swing.customer_value, 0, 'a customer\'s value brings no leads');
  for (let i = 1; i < table.length; i++) assert.ok(table[i - 1][1] >= table[i][1], 'largest swing first');
  assert.equal(await page.locator('svg.tornado-chart .tornado-row').count(), FIELDS.length);
  assert.equal(await page.locator('svg.tornado-chart .chart-heading').count(), 0, 'the title shows once on screen (the h2)');
  const gap = await gapAbove(page, 'svg.tornado-chart');
  assert.ok(gap >= 0 && gap < 8, `the chart's first mark is ${gap} below its top`);
  const posts = await page.$$eval('.tornado-table tbody tr[data-field="posts_per_week"] td', (tds) => tds.slice(0, 3).map((td) => td.textContent));
  assert.deepEqual(posts, ['5', '4', '6'], 'whole posts either side of 5');
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
  assert.match(svg, /class="chart-heading"[^>]*>Change in the median Customers/, 'the exported picture keeps its title');
  const [pngFile] = await Promise.all([page.waitForEvent('download'), press(page, 'button.export-tornado-png')]);
  assert.equal(pngFile.suggestedFilename(), 'long-game-tornado.png');

  // The link reopens the same view with the same bars (same seed, same futures).
  await open(`?${query}`);
  await page.waitForSelector('.tornado-table tbody tr', { timeout: 60000 });
  assert.deepEqual(await rows(page), shown);

  // A new scenario supersedes the job: big budget, nobody answering — on leads, listening
  // tops it (src/state/explore/tornado.rs tests).
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

/** The map's numbers once all of its futures are in (`runs` a cell). */
async function fullMap(page, timeout = 60000, runs = 200) {
  await page.waitForSelector(`.map-results[data-runs="${runs}"]`, { timeout });
}

/** Each keyboard cell's box and the box of the cell drawn under it, in px on screen. */
const cellBoxes = (page) => page.evaluate(() => {
  const svg = [...document.querySelectorAll('.map-picture svg')].find((s) => s.checkVisibility());
  const drawn = [...svg.querySelectorAll('rect.map-cell')];
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
  // The picture draws the bottom row first (cell ix, iy at iy × 12 + ix).
  return [...document.querySelectorAll('.map-gridcell')].map((c) => {
    const [, ix, iy] = c.id.match(/map-cell-(\d+)-(\d+)/).map(Number);
    return [c.id, box(c), box(drawn[iy * 12 + ix])];
  });
});

/** Every keyboard cell lies over its drawn cell (within 1 px) and no band is left above. */
async function assertGridOverCells(page) {
  // The picture on screen (wide or narrow, whichever the width shows) has drawn every cell.
  await page.waitForFunction(() => {
    const svg = [...document.querySelectorAll('.map-picture svg')].find((s) => s.checkVisibility());
    return svg?.querySelectorAll('rect.map-cell').length === 144 && document.querySelectorAll('.map-gridcell').length === 144;
  }, null, { timeout: 60000 });
  const boxes = await cellBoxes(page);
  assert.equal(boxes.length, 144);
  for (const [id, grid, drawn] of boxes) {
    assert.ok(grid.every((v, i) => Math.abs(v - drawn[i]) <= 1), `${id}: grid ${grid} over drawn ${drawn}`);
  }
  const gap = await gapAbove(page, '.map-picture svg');
  assert.ok(gap >= 0 && gap < 8, `the map's first mark is ${gap} below its top`);
}

/** Width and height of a downloaded PNG, from its IHDR chunk. */
async function pngSize(download) {
  const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the map of two levers: keyboard axes, refining passes, a cell in words, Enter loads it, exports', async ({ page, open }) => {
  await open('');
  await press(page, 'button.open-explorer');
  await page.waitForSelector('.explore-page');
  // The view switch is a radio group: one tab stop, an arrow key chooses the map.
  await page.locator('input[name="explore-view"][value="tornado"]').focus();
  const started = Date.now();
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('.map-results[data-runs]', { timeout: 60000 });
  const coarse = Date.now() - started;
  assert.equal(Number(await page.locator('.map-results').getAttribute('data-runs')) < 200, true, 'a coarse map first');
  assert.equal(await page.locator('.map-progress progress').count(), 1, 'progress while it refines');
  await fullMap(page);
  const ms = Date.now() - started;
  console.log(`explorer map: 144 cells x 200 runs x 365 days in ${ms} ms, the first coarse map ` +
    `(25 runs a cell) at ${coarse} ms (${((144 * 200 * 365) / (ms / 1000) / 1e6).toFixed(2)} M run-days/s, ` +
    `${await page.evaluate(() => navigator.hardwareConcurrency)} logical processors)`);
  await recordPerf({ explorer_map_ms: ms, explorer_map_first_coarse_ms: coarse });
  assert.equal(await page.locator('.map-progress').count(), 0, 'no progress once complete');
  assert.match(await queryOf(page), /explore=map/);
  assert.match(await textOf(page, '.map-ranges'), /€0–€11,000.*0–22 posts.*0–100/);

  // The lever up, by keyboard: buy-in → responsiveness; the link follows.
  await page.locator('#map-y').focus();
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => /by Budget and Responsiveness/.test(document.querySelector('#map-title')?.textContent ?? ''), null, { timeout: 60000 });
  assert.match(await queryOf(page), /explore=map&my=responsiveness/);
  await fullMap(page);
  assert.equal(await page.locator('.map-gridcell').count(), 144);
  await assertGridOverCells(page);
  assert.equal(await page.locator('.map-gridcell[tabindex="0"]').count(), 1, 'one tab stop');
  const values = await page.$$eval('.map-gridcell', (cells) => cells.map((c) => Number(c.dataset.value)));
  assert.ok(Math.max(...values) > Math.min(...values), 'the cells differ');
  // Leads rise with the budget at full responsiveness (top row, left to right, broadly).
  assert.ok(values[11] > values[0], `${values.slice(0, 12)}`);

  // Arrow keys move the focus; the cell is announced (its label) and shown in words.
  await page.locator('.map-gridcell[tabindex="0"]').focus();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'map-cell-3-9', 'starts at the current scenario (€3,000, 80 → 82)');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => [document.activeElement.id, document.activeElement.getAttribute('aria-label'), document.activeElement.tabIndex]);
  assert.deepEqual(focused.slice(0, 1), ['map-cell-5-8']);
  assert.equal(focused[2], 0, 'the roving tab stop moved');
  assert.match(focused[1], /Budget €5,000, Responsiveness 73 – median Leads \(cumulative\) on day 365: [\d,]+\./);
  // Shown beside the cell as well as announced: its value, then each lever.
  const tip = await page.$$eval('#map-cell-5-8 .map-tip .map-tip-line', (lines) => lines.map((l) => l.textContent));
  const tableCell = (await textOf(page, '.map-table tbody tr:nth-child(4) td:nth-of-type(6)')).trim();
  assert.deepEqual(tip, [tableCell, 'Budget €5,000', 'Responsiveness 73']);
  assert.ok(focused[1].endsWith(`: ${tableCell}.`), `${tableCell} in ${focused[1]}`);

  // Exports: a CSV row for every cell, the picture as SVG and as a PNG at twice its size.
  const [csvFile] = await Promise.all([page.waitForEvent('download'), press(page, 'button.export-map-csv')]);
  const csv = Buffer.concat(await (await csvFile.createReadStream()).toArray()).toString().trim().split('\n');
  assert.match(csv[0], /^# leads on day 365; 200 futures per cell/);
  assert.equal(csv[1], 'budget,responsiveness,median_leads,current');
  assert.equal(csv.length, 2 + 144);
  assert.equal(csv.filter((r) => r.endsWith(',1')).length, 1, 'one current cell');
  const [svgFile] = await Promise.all([page.waitForEvent('download'), press(page, 'button.export-map-svg')]);
  const svg = Buffer.concat(await (await svgFile.createReadStream()).toArray()).toString();
  assert.match(svg, /^<svg[^>]*xmlns=/);
  assert.match(svg, /class="chart-heading"[^>]*>Map: median Leads/, 'the exported picture keeps its title');
  const [pngFile] = await Promise.all([page.waitForEvent('download'), press(page, 'button.export-map-png')]);
  assert.deepEqual(await pngSize(pngFile), [1520, 1280]);
  assert.equal(await page.locator('.map-picture .chart-heading').count(), 0, 'the title shows once on screen');

  // Enter loads the focused cell's levers into the simulator; the link carries them.
  await page.locator('.map-gridcell[tabindex="0"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.layout');
  const query = await queryOf(page);
  assert.doesNotMatch(query, /explore=/);
  assert.match(query, /b=5000/);
  assert.match(query, /r=73/);
}, { viewport: PROJECTOR });

test('the map can be cancelled and run again, and speaks Swedish', async ({ page, open }) => {
  await open('?lang=sv&explore=map&my=posts&eo=goal&ed=730');
  await page.waitForSelector('.map-progress progress');
  assert.match(await textOf(page, '.map-progress'), /Simulerar varje ruta/);
  await press(page, 'button.cancel-explore');
  await page.waitForSelector('.explore-stopped');
  assert.equal(await page.locator('.map-progress').count(), 0, 'the progress bar is gone');
  await workersIdle(page);
  assert.equal(await page.locator('.map-results[data-runs="200"]').count(), 0, 'nothing more is simulated');
  await press(page, 'button.run-explore');
  await page.waitForSelector('.map-progress progress');
  await fullMap(page, 90000);
  assert.match(await textOf(page, '#map-title'), /Karta: chans att nå målet till dag 730, efter Budget och Publiceringstakt/);
  assert.match(await textOf(page, '.map-table caption'), /Kartan som tabell/);
  await page.locator('.map-gridcell[tabindex="0"]').focus();
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')),
    /Budget .*Publiceringstakt .* inlägg\/vecka – chans att nå målet till dag 730: \d+\s?%/);
  assert.match(await textOf(page, '.map-tip'), /\d+\s?%\s+Budget [\d\s]+€\s+Publiceringstakt \d+ inlägg\/vecka\s+Närmast ditt scenario\./);
  // The tornado reads the same outcome: the change in the share of futures, in points.
  await page.locator('input[name="explore-view"][value="map"]').focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('.tornado-table tbody tr', { timeout: 90000 });
  assert.match(await textOf(page, '#tornado-title'), /Ändring av andelen framtider som når målet till dag 730/);
});

test('on a phone the map fits the screen, with touch-sized cells over the drawn ones', async ({ open, page }) => {
  await open('?explore=map');
  // Measured once every future is in: a refining map redraws its picture between passes.
  await fullMap(page, 90000);
  const cell = await page.locator('.map-gridcell').first().boundingBox();
  assert.ok(cell.width >= 24 && cell.height >= 24, `a cell is ${cell.width} × ${cell.height} px`);
  await assertGridOverCells(page);
  // Neither the page nor the map's box scrolls sideways: the narrow picture fits.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  const box = await page.$eval('.map-box', (s) => [s.scrollWidth, s.clientWidth]);
  assert.ok(box[0] <= box[1], `the map's box scrolls: ${box}`);
}, { viewport: { width: 390, height: 844 } });

test('the map\'s futures per cell: chosen by keyboard, kept in the link, a bad value refused', async ({ page, open }) => {
  await open('?explore=map');
  await page.locator('#map-runs').focus();
  assert.equal(await page.locator('#map-runs').inputValue(), '200', 'the default');
  const started = Date.now();
  await page.keyboard.press('ArrowUp');
  await fullMap(page, 60000, 100);
  const ms = Date.now() - started;
  console.log(`explorer map: 144 cells x 100 runs x 365 days in ${ms} ms ` +
    `(${await page.evaluate(() => navigator.hardwareConcurrency)} logical processors)`);
  assert.match(await queryOf(page), /explore=map&mn=100/);
  assert.equal(await page.locator('.map-progress').count(), 0, 'complete');
  assert.match(await textOf(page, '.map-table caption'), /100 futures a cell/);
  assert.match(await textOf(page, '.explore-settings'), /100 futures for each of 144 cells/);
  assert.match(await page.locator('.map-wide .map-subtitle').textContent(), /^100 futures a cell, the same in every cell/);
  const [csvFile] = await Promise.all([page.waitForEvent('download'), press(page, 'button.export-map-csv')]);
  const csv = Buffer.concat(await (await csvFile.createReadStream()).toArray()).toString();
  assert.match(csv, /^# leads on day 365; 100 futures per cell/);

  // From the link: the same choice; a value that is not one of them is refused in words.
  await open('?explore=map&mn=100');
  assert.equal(await page.locator('#map-runs').inputValue(), '100');
  await open('?explore=map&mn=300');
  assert.match(await textOf(page, '.notices'), /the map's futures per cell are '300', but must be 100, 200, 500 or 1000; 200 are used/);
  assert.equal(await page.locator('#map-runs').inputValue(), '200');
  await open('?lang=sv&explore=map&mn=lots');
  assert.match(await textOf(page, '.notices'), /kartans framtider per ruta är 'lots', men måste vara 100, 200, 500 eller 1000; 200 används/);
  assert.match(await textOf(page, '.explore-settings'), /Framtider per ruta/);
});
