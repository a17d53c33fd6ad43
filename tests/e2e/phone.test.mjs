// Phones, tablets and embeds: the point (a chart and its sentence) is on screen without
// scrolling, the levers are one tap away, controls are finger-sized and chart text readable.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, waitDone, medians } from './helpers.mjs';

const app = useApp();
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };

/** Visible controls (a checkbox counts by its label) smaller than 44 × 44 px. */
const smallControls = (page) => page.$$eval('button, select, input, summary, a[href]', (els) => els
  .filter((el) => el.checkVisibility() && el.type !== 'file')
  .map((el) => (el.type === 'checkbox' && el.closest('label')) || el)
  .map((el) => ({ el, r: el.getBoundingClientRect() }))
  .filter(({ r }) => r.width > 0 && (r.height < 44 || r.width < 44))
  .map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`));

/** The smallest rendered font size (px) of the text in the first chart. */
const smallestChartText = (page) => page.$eval('.chart[data-chart] svg', (svg) => {
  const scale = svg.getScreenCTM().a;
  return Math.min(...[...svg.querySelectorAll('text')].filter((t) => t.getBBox().width > 0)
    .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
});

/** Whether the element's box lies wholly inside the viewport (optionally above `bottom`). */
const onScreen = (locator, bottom) => locator.evaluate((el, bottom) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= (bottom ?? innerHeight) && r.width > 0;
}, bottom);

for (const [device, viewport] of [['phone', PHONE], ['tablet', TABLET]]) {
  app.test(`on a ${device} a chart and its sentence are on screen, the levers one tap away`, async ({ open, page }) => {
    await open('?n=100');
    await waitDone(page);
    const barTop = await page.locator('.jump').evaluate((el) => el.getBoundingClientRect().top);
    const chart = page.locator('.chart[data-chart]').first();
    assert.ok(await onScreen(chart.locator('svg'), barTop), 'the first chart is not on screen unscrolled');
    assert.ok(await onScreen(chart.locator('.readout'), barTop), 'its sentence is not on screen unscrolled');
    const text = await smallestChartText(page);
    assert.ok(text >= 12, `chart text is ${text.toFixed(1)} px`);
    assert.deepEqual(await smallControls(page), [], 'controls smaller than 44 × 44 px');
    await page.locator('.jump').getByRole('link', { name: 'Levers' }).click();
    await page.waitForFunction(() => {
      const r = document.querySelector('#lever-budget').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    await page.locator('.jump').getByRole('link', { name: 'Charts' }).click();
    await page.waitForFunction(() => document.querySelector('.chart[data-chart]').getBoundingClientRect().top >= 0
      && document.querySelector('.chart[data-chart]').getBoundingClientRect().top < innerHeight);
  }, { viewport });
}

for (const width of [600, 900]) {
  app.test(`an embed ${width} × 720 shows a chart and all four levers in the frame`, async ({ open, page }) => {
    await open('?embed=1&n=100');
    await waitDone(page);
    assert.ok(await onScreen(page.locator('.chart[data-chart="leads"] svg')), 'the chart is outside the frame');
    for (const lever of ['budget', 'posts_per_week', 'responsiveness', 'buy_in']) {
      assert.ok(await onScreen(page.locator(`#lever-${lever}`)), `${lever} is outside the frame`);
    }
    await open('?embed=1&n=100&view=roi');
    await waitDone(page);
    assert.deepEqual(Object.keys(await medians(page)), ['roi'], 'view= picks the chart');
  }, { viewport: { width, height: 720 } });
}

app.test("the README's iframe snippet shows the chart and levers in a host page", async ({ page }) => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const snippet = readme.match(/<iframe[\s\S]*?<\/iframe>/)[0];
  const base = new URL(app.baseUrl);
  const html = snippet.replace(/https:\/\/your-host\/longgame\//, base.href).replace('&b=', '&n=100&b=');
  await page.setContent(`<main><h1>My blog</h1><p>Why most company pages fail:</p>${html}</main>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.status[data-status="done"]').waitFor({ timeout: 20000 });
  const box = await page.locator('iframe').boundingBox();
  const inside = async (sel) => {
    const r = await frame.locator(sel).boundingBox();
    return r && r.y >= box.y && r.y + r.height <= box.y + box.height;
  };
  assert.ok(await inside('.chart[data-chart] svg'), 'the chart is outside the iframe');
  assert.ok(await inside('#lever-buy_in'), 'the levers are outside the iframe');
}, { viewport: { width: 900, height: 1000 } });
