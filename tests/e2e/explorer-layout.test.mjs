// The explorer's layout as a person sees it, in real Chromium: a phone shows the tornado and
// the map without sideways scrolling and with readable text, a pointed-at or focused cell of
// the map is labelled beside it on screen, nothing moves when the map completes, a projector
// shows the whole map unscrolled, and the words for a flat map and a scenario beyond its range.
import assert from 'node:assert/strict';
import { useApp, textOf, nextFrames, LAPTOP, PROJECTOR } from './helpers.mjs';

const { test } = useApp();
const PHONE = { width: 390, height: 844 };
const MAP_DONE = '.map-results[data-runs="200"]';

/** Of the picture's wide and narrow versions, the one on screen (its CSS selector's match). */
const shown = (page, selector) => page.evaluateHandle(
  (sel) => [...document.querySelectorAll(sel)].find((s) => s.checkVisibility()), selector);

/** The smallest drawn text of the SVG on screen, in CSS px, and whether all of it lies
 *  inside the viewport's width. */
const chartText = async (page, selector) => (await shown(page, selector)).evaluate((svg) => {
  const texts = [...svg.querySelectorAll('text')].filter((t) => t.getBBox().width > 0);
  const scale = svg.getScreenCTM().a;
  const boxes = texts.map((t) => t.getBoundingClientRect());
  return {
    smallest: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale)),
    outside: boxes.filter((r) => r.left < 0 || r.right > innerWidth).length,
  };
});

const noSidewaysScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);

test('on a phone the tornado fits the screen and its words are readable', async ({ page, open }) => {
  await open('?explore=tornado&n=100');
  await page.waitForSelector('.tornado-table tbody tr', { timeout: 60000 });
  assert.ok(await noSidewaysScroll(page), 'the page scrolls sideways');
  const text = await chartText(page, '.tornado svg');
  assert.ok(text.smallest >= 11, `the tornado's smallest text is ${text.smallest.toFixed(1)} px`);
  assert.equal(text.outside, 0, 'words of the tornado lie off the screen');
  // The wide table scrolls in its own box (a keyboard stop), not the page.
  const table = await page.$eval('.tornado-table', (t) => t.parentElement.matches('.table-scroll[tabindex="0"]'));
  assert.ok(table, 'the table is not in a scrolling box');
}, { viewport: PHONE });

for (const lang of ['en', 'sv']) {
  test(`on a phone the map fits the screen with readable words (${lang})`, async ({ page, open }) => {
    await open(`?lang=${lang}&explore=map`);
    await page.waitForSelector(MAP_DONE, { timeout: 60000 });
    assert.ok(await noSidewaysScroll(page), 'the page scrolls sideways');
    const text = await chartText(page, '.map-picture svg');
    assert.ok(text.smallest >= 11, `the map's smallest text is ${text.smallest.toFixed(1)} px`);
    assert.equal(text.outside, 0, 'words of the map lie off the screen');
    // The subtitle is whole: every line of it inside the picture.
    const cut = await (await shown(page, '.map-picture svg')).evaluate((svg) => {
      const frame = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('.map-subtitle tspan, .map-subtitle')]
        .map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0 && r.right > frame.right + 0.5).length;
    });
    assert.equal(cut, 0, 'the subtitle is cut');
    // The legend lies under the grid, inside the screen.
    const legend = await (await shown(page, '.map-picture svg')).evaluate((svg) => {
      const l = svg.querySelector('rect.map-legend').getBoundingClientRect();
      const cells = [...svg.querySelectorAll('rect.map-cell')].map((c) => c.getBoundingClientRect());
      return { top: l.top, right: l.right, gridBottom: Math.max(...cells.map((c) => c.bottom)) };
    });
    assert.ok(legend.top > legend.gridBottom && legend.right <= PHONE.width, JSON.stringify(legend));
  }, { viewport: PHONE });
}

/** The label beside a cell: its box, the cell's, and whether they overlap. */
const tipBeside = (page, id) => page.evaluate((id) => {
  const cell = document.getElementById(id);
  const tip = cell.querySelector('.map-tip');
  if (!tip || !tip.checkVisibility()) return null;
  const [c, t, f] = [cell, tip, document.querySelector('.map-frame')].map((e) => e.getBoundingClientRect());
  const overlap = t.left < c.right - 0.5 && t.right > c.left + 0.5 && t.top < c.bottom - 0.5 && t.bottom > c.top + 0.5;
  const inView = t.top >= 0 && t.bottom <= innerHeight && t.left >= 0 && t.right <= innerWidth;
  const inFrame = t.left >= f.left - 0.5 && t.right <= f.right + 0.5 && t.top >= f.top - 0.5 && t.bottom <= f.bottom + 0.5;
  return { overlap, inView, inFrame, side: t.left >= c.right ? 'east' : 'west', text: tip.innerText };
}, id);

for (const [name, viewport] of [['laptop', LAPTOP], ['projector', PROJECTOR], ['1280 × 720', { width: 1280, height: 720 }]]) {
  test(`on a ${name} a pointed-at or focused cell's value shows beside it, on screen`, async ({ page, open }) => {
    await open('?explore=map');
    await page.waitForSelector(MAP_DONE, { timeout: 60000 });
    // The mouse over a cell in the left half: the label to its right, with the value.
    const cell = page.locator('#map-cell-2-5');
    await cell.scrollIntoViewIfNeeded();
    const box = await cell.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    let tip = await tipBeside(page, 'map-cell-2-5');
    assert.ok(tip, 'no label beside the pointed-at cell');
    const value = await page.$eval('#map-cell-2-5', (c) => c.getAttribute('aria-label').match(/: ([^:]+)\.$/)[1]);
    assert.ok(tip.text.startsWith(value), `${tip.text} starts with ${value}`);
    assert.deepEqual([tip.overlap, tip.inView, tip.inFrame, tip.side], [false, true, true, 'east'], JSON.stringify(tip));
    await page.mouse.move(1, 1);
    assert.equal(await page.locator('.map-tip').count(), 0, 'the label leaves with the pointer');

    // The keyboard: the focused cell is labelled; at the right and top edges it flips inward.
    await page.locator('.map-gridcell[tabindex="0"]').focus();
    await page.keyboard.press('PageUp');
    for (const [key, id, side] of [['End', 'map-cell-11-11', 'west'], ['PageDown', 'map-cell-11-0', 'west'],
      ['Home', 'map-cell-0-0', 'east'], ['PageUp', 'map-cell-0-11', 'east']]) {
      await page.keyboard.press(key);
      await page.waitForSelector(`#${id} .map-tip`);
      tip = await tipBeside(page, id);
      assert.ok(tip, `no label beside ${id}`);
      assert.deepEqual([tip.overlap, tip.inFrame, tip.side], [false, true, side], `${id}: ${JSON.stringify(tip)}`);
      // What the focused cell shows on screen is in view with it.
      if (await page.locator(`#${id}`).evaluate((c) => { const r = c.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })) {
        assert.ok(tip.inView, `${id}'s label is off the screen`);
      }
    }
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.locator('.map-tip').count(), 0, 'the label leaves with the focus');
  }, { viewport });
}

/** Records layout shifts (not caused by input) with the time each happened. */
const watchShifts = (context) => context.addInitScript(() => {
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) window.shifts.push([performance.now(), e.value, e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className}`).join(' ')]);
    }
  }).observe({ type: 'layout-shift', buffered: true });
});

for (const [name, viewport] of [['laptop', LAPTOP], ['tablet', { width: 1024, height: 1366 }]]) {
  test(`on a ${name} nothing moves while the map refines and when it completes, nor when the tornado arrives`, async ({ page, open, context }) => {
    await watchShifts(context);
    await open('?explore=map');
    await page.waitForSelector('.map-results[data-runs]', { timeout: 60000 });
    const first = await page.evaluate(() => performance.now());
    await page.waitForSelector(MAP_DONE, { timeout: 60000 });
    await page.waitForSelector('.map-complete');
    await nextFrames(page);
    const later = await page.evaluate((t) => window.shifts.filter(([at]) => at > t), first);
    assert.deepEqual(later, [], 'layout shifts after the map appeared');

    await open('?explore=tornado&n=100');
    await page.waitForSelector('.tornado-table tbody tr', { timeout: 60000 });
    await page.waitForFunction(() => document.querySelector('progress') === null, null, { timeout: 60000 });
    await nextFrames(page);
    const sum = await page.evaluate(() => window.shifts.reduce((s, [, v]) => s + v, 0));
    // (The sources say what moved, should anything.)
    assert.ok(sum < 0.001, `the tornado's layout shifts add up to ${sum}`);
  }, { viewport });
}

test('on a projector the whole map and its legend are on screen when the explorer opens', async ({ page, open }) => {
  await open('?explore=map');
  await page.waitForSelector(MAP_DONE, { timeout: 60000 });
  const view = await page.evaluate(() => {
    const svg = [...document.querySelectorAll('.map-picture svg')].find((s) => s.checkVisibility());
    const all = [...svg.querySelectorAll('rect.map-cell, rect.map-legend, text')].map((e) => e.getBoundingClientRect());
    const cell = svg.querySelector('rect.map-cell').getBoundingClientRect();
    const ticks = Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize))) * svg.getScreenCTM().a;
    return { scrollY, bottom: Math.max(...all.map((r) => r.bottom)), right: Math.max(...all.map((r) => r.right)), cell: cell.width, ticks };
  });
  assert.equal(view.scrollY, 0);
  assert.ok(view.bottom <= PROJECTOR.height && view.right <= PROJECTOR.width, `the map reaches ${view.right} × ${view.bottom}`);
  assert.ok(view.cell >= 48, `a cell is ${view.cell} px wide`);
  assert.ok(view.ticks >= 13, `the smallest text is ${view.ticks} px`);
}, { viewport: PROJECTOR });

test('the tables\' number columns are right-aligned to the last', async ({ page, open }) => {
  for (const [query, table] of [['?explore=tornado&n=50', '.tornado-table'], ['?explore=map&mn=100', '.map-table']]) {
    await open(query);
    await page.waitForSelector(`${table} tbody tr`, { timeout: 60000 });
    const aligns = await page.$eval(`${table} tbody tr`, (tr) => [...tr.querySelectorAll('td')].map((td) => getComputedStyle(td).textAlign));
    assert.deepEqual([...new Set(aligns)], ['right'], `${table}: ${aligns}`);
  }
});

test('a map whose cells are all the same says so, in English and Swedish', async ({ page, open }) => {
  for (const [lang, words] of [['en', /Every cell has the same value, 0, so all show one colour/], ['sv', /Alla rutor har samma värde, 0, så alla har samma färg/]]) {
    await open(`?lang=${lang}&explore=map&eo=customers&cr=0&mn=100`);
    await page.waitForSelector('.map-results[data-runs="100"]', { timeout: 60000 });
    const svg = await shown(page, '.map-picture svg');
    assert.match(await svg.evaluate((s) => s.querySelector('.map-subtitle').textContent.replace(/\s+/g, ' ')), words);
    assert.deepEqual(await svg.evaluate((s) => [...s.querySelectorAll('.map-legend-value')].map((t) => t.textContent)), ['0'], 'one value, not "0 0 0 0 0"');
  }
});

test('the cell nearest a scenario beyond the map says that the scenario lies beyond it', async ({ page, open }) => {
  await open('?explore=map&b=100000&mn=100');
  await page.waitForSelector('.map-results[data-runs="100"]', { timeout: 60000 });
  await page.locator('.map-gridcell[tabindex="0"]').focus();
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /Nearest your scenario, which lies beyond the map's range\.$/);
  assert.match(await textOf(page, '.map-tip'), /Nearest your scenario, which lies beyond the map's range\./);
});
