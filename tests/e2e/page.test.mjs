// The page itself: title, readable on a projector, and still while the first futures arrive.
import assert from 'node:assert/strict';
import { useApp, textOf, waitDone, PROJECTOR } from './helpers.mjs';

const app = useApp();

app.test('the page loads with its title and what Long Game is', async ({ open, page }) => {
  await open();
  assert.equal(await textOf(page, 'h1'), 'Long Game');
  assert.match(await textOf(page, '.tagline'), /social-media strategy simulator/i);
  assert.match(await page.title(), /Long Game/);
});

app.test('the page is readable on a projector without horizontal scrolling', async ({ open, page }) => {
  await open();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.tagline')).fontSize));
  assert.ok(size >= 18, `tagline font is ${size}px on a projector`);
  // Chart labels must be legible from the back of the room, not just the page text.
  await page.waitForSelector('.status[data-status="done"]');
  const tick = await page.$$eval('.chart[data-chart="leads"] .tick text',
    (ts) => Math.max(...ts.map((t) => t.getBoundingClientRect().height)));
  assert.ok(tick >= 14, `chart tick labels are ${tick}px tall on a projector`);
}, { viewport: PROJECTOR });

for (const [device, viewport] of [['laptop', { width: 1350, height: 940 }], ['phone', { width: 412, height: 823 }]]) {
  app.test(`on a ${device} nothing moves when the first futures arrive (layout shift under 0.05)`, async ({ open, page }) => {
    await open('?n=500');
    await waitDone(page);
    const shift = await page.evaluate(() => new Promise((done) => {
      let sum = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      // The buffered shifts are delivered before the second frame from now has been painted.
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(sum), 0)));
    }));
    assert.ok(shift < 0.05, `cumulative layout shift ${shift.toFixed(3)}`);
  }, { viewport });
}
