// The workshop view's first screen and its phone, tablet and embed layouts (issue 23): the
// outcome that matters (leads and the pay-off verdict) comes first and stays on screen while a
// lever moves, nothing scrolls sideways from 360 px, the README's embed works from 320 px, and
// a newcomer reads plain words with one explanation of the bands.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { LAPTOP, useApp, waitDone, afterChange, shown } from './helpers.mjs';

const app = useApp();
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };
const NARROW = { width: 360, height: 740 };

/** Where an element is on screen now (rounded), or null. */
const box = (page, selector) => page.evaluate((s) => {
  const r = document.querySelector(s)?.getBoundingClientRect();
  return r ? { top: Math.round(r.top), bottom: Math.round(r.bottom) } : null;
}, selector);

/** Whether the element's middle is on screen above `bottom` and not covered by anything. */
const uncovered = (page, selector, bottom) => page.evaluate(([s, bottom]) => {
  const el = document.querySelector(s);
  const r = el.getBoundingClientRect();
  const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
  return y >= 0 && y <= bottom && el.contains(document.elementFromPoint(x, y));
}, [selector, bottom]);

const sideways = (page) => page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);

for (const [device, viewport] of [['phone', PHONE], ['tablet', TABLET]]) {
  app.test(`on a ${device} the leads chart and the pay-off verdict come first, before the attention charts`, async ({ open, page }) => {
    await open('?n=100');
    await waitDone(page);
    const barTop = (await box(page, '.jump')).top;
    const charts = await page.$$eval('.chart[data-chart]', (cs) => cs.map((c) => [c.dataset.chart, c.getBoundingClientRect().top]));
    assert.equal(charts[0][0], 'leads', 'the first chart on the page');
    const leads = await box(page, '.chart[data-chart="leads"]');
    assert.ok(leads.top >= 0 && leads.bottom <= barTop, `the leads chart and its sentence are not on the first screen: ${JSON.stringify(leads)}`);
    const verdict = await box(page, '.payoff');
    assert.ok(verdict.top < barTop - 40, `the verdict starts at ${verdict.top}, the screen ends at ${barTop}`);
    assert.match(await page.locator('.payoff-verdict').innerText(), /paid back its cost by day 730|pays back its cost/);
    const reach = charts.find(([c]) => c === 'reach')[1];
    assert.ok(reach > verdict.bottom, 'an attention chart comes before the verdict');
  }, { viewport });

  app.test(`on a ${device} the leads chart stays on screen while each lever moves, the levers one tap away`, async ({ open, page }) => {
    await open('?n=100');
    await waitDone(page);
    const barTop = (await box(page, '.jump')).top;
    await page.locator('.jump').getByRole('link', { name: 'Levers' }).click();
    await page.waitForFunction(() => document.querySelector('.controls').getBoundingClientRect().top < innerHeight / 2);
    assert.ok(await uncovered(page, '#lever-budget', barTop), 'after one tap on Levers the budget lever is covered or off screen');
    for (const lever of ['budget', 'posts_per_week', 'responsiveness', 'buy_in']) {
      const slider = page.locator(`#lever-${lever}`);
      await slider.focus();
      await afterChange(page, () => slider.press('ArrowRight'));
      assert.ok(await uncovered(page, `#lever-${lever}`, barTop), `${lever}: the lever is hidden under the chart or the bar`);
      const leads = await box(page, '.chart[data-chart="leads"] svg');
      assert.ok(leads.top >= 0 && leads.bottom <= barTop, `${lever}: the leads chart left the screen (${JSON.stringify(leads)})`);
    }
    // Past the levers the chart lets go: the other charts have the screen to themselves.
    await page.locator('.chart[data-chart="reach"]').evaluate((el) => el.scrollIntoView());
    const [leads, reach] = [await box(page, '.chart[data-chart="leads"]'), await box(page, '.chart[data-chart="reach"]')];
    assert.ok(leads.bottom <= reach.top, `the leads chart covers the others (${leads.bottom} > ${reach.top})`);
  }, { viewport });
}

for (const lang of ['en', 'sv']) {
  app.test(`nothing scrolls sideways at 360 px (${lang}): the page, a chart's table, A against B, the class`, async ({ open, page }) => {
    await open(`?n=100&lang=${lang}&b=1000`);
    await waitDone(page);
    assert.equal(await sideways(page), 0, 'the page');
    await page.locator('.chart[data-chart="leads"] .chart-tools button').first().click();
    await page.locator('.chart[data-chart="leads"] table').waitFor();
    assert.equal(await sideways(page), 0, 'with the leads table open');
    await page.locator('.panel.compare button').first().click();
    await page.locator('.compare-summary').waitFor();
    const slider = page.locator('#lever-budget');
    await slider.focus();
    await afterChange(page, () => slider.press('ArrowRight'));
    assert.equal(await sideways(page), 0, 'with A pinned and a lever changed');
    await open(`?n=50&lang=${lang}&class=${encodeURIComponent('Red: ?b=4000&i=90\nBlue: ?b=300\nTypo: 1ZZZZ')}`);
    await page.locator('.class-table tbody tr').first().waitFor({ timeout: 30000 });
    assert.equal(await sideways(page), 0, 'the class page');
  }, { viewport: NARROW });

  app.test(`a newcomer's first screen at 1366 × 768 (${lang}): the verdict above the fold, plain words, the bands explained once`, async ({ open, page }) => {
    await open(`?n=100&lang=${lang}`);
    await waitDone(page);
    const verdict = await box(page, '.payoff');
    assert.ok(verdict.top < LAPTOP.height, `the verdict starts at y = ${verdict.top}`);
    const text = await page.evaluate(() => document.body.innerText);
    assert.doesNotMatch(text, /\bseed\b|vanity|frö(?![a-zåäö])|fåfäng/i, 'jargon on the main view');
    const bands = await page.$$eval('.bands-explain, .explain', (els) => els
      .filter((e) => e.checkVisibility() && /light band|ljusa bandet/.test(e.textContent)).length);
    assert.equal(bands, 1, 'how to read the bands is said once');
    // The details are one click away.
    await page.locator('details.assumptions summary').click();
    await shown(page.locator('#seed'), 'the seed in the assumptions');
  }, { viewport: LAPTOP });

  app.test(`all four levers are on a 1366 × 768 laptop's first screen (${lang}), slider and value box`, async ({ open, page }) => {
    await open(`?n=100&lang=${lang}`);
    await waitDone(page);
    for (const lever of ['budget', 'posts_per_week', 'responsiveness', 'buy_in']) {
      for (const part of [`#lever-${lever}`, `.lever:has(#lever-${lever}) .typed`]) {
        const { bottom } = await box(page, part);
        assert.ok(bottom <= LAPTOP.height, `${part} ends at y = ${bottom}, below the fold`);
        assert.ok(await uncovered(page, part, LAPTOP.height), `${part} is covered`);
      }
    }
    // And moving the last one changes the headline on the same screen.
    const buyIn = page.locator('#lever-buy_in');
    await buyIn.focus();
    await afterChange(page, () => buyIn.press('ArrowLeft'));
    assert.equal(await page.evaluate(() => scrollY), 0, 'the page scrolled to reach buy-in');
  }, { viewport: LAPTOP });
}

for (const width of [320, 358]) {
  app.test(`the README's embed in a ${width} px wide frame: one chart and the four levers, stacked, no scroll inside`, async ({ page }) => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const snippet = readme.match(/<iframe[\s\S]*?<\/iframe>/)[0]
      .replace(/https:\/\/your-host\/longgame\//, app.baseUrl).replace('&b=', '&n=100&b=')
      .replace('width="100%"', `width="${width}"`);
    await page.setContent(`<main style="margin:0">${snippet}</main>`);
    const frame = page.frames()[1] ?? await page.waitForEvent('frameattached');
    await frame.waitForFunction(() => document.querySelector('.status')?.dataset.status === 'done', null, { timeout: 20000 });
    const inside = await frame.evaluate(() => {
      const all = ['.chart[data-chart] svg', '#lever-budget', '#lever-posts_per_week', '#lever-responsiveness', '#lever-buy_in'];
      return all.filter((s) => { const r = document.querySelector(s).getBoundingClientRect(); return r.top < 0 || r.bottom > innerHeight || r.right > innerWidth; });
    });
    assert.deepEqual(inside, [], 'outside the frame');
    const size = await frame.evaluate(() => ({ w: document.scrollingElement.scrollWidth, h: document.scrollingElement.scrollHeight, iw: innerWidth, ih: innerHeight }));
    assert.ok(size.w <= size.iw && size.h <= size.ih, `the frame scrolls: ${JSON.stringify(size)}`);
    assert.equal(await frame.locator('.chart[data-chart]').count(), 1, 'one chart');
  }, { viewport: { width: 900, height: 800 } });
}
