import assert from 'node:assert/strict';
import { useApp, textOf, PROJECTOR } from './helpers.mjs';

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
