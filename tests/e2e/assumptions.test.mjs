// Assumptions read well: wide ranges on logarithmic sliders, boxes wide enough for their
// values, units that do not repeat the label.
import assert from 'node:assert/strict';
import { useApp, waitDone, afterChange, queryOf } from './helpers.mjs';

const app = useApp();

app.test('wide-range assumptions use logarithmic sliders with round values', async ({ open, page }) => {
  await open('?n=50');
  await waitDone(page);
  await page.locator('details.assumptions summary').click();
  for (const name of ['market_size', 'starting_followers', 'customer_value', 'goal_leads']) {
    const share = await page.locator(`#lever-${name}`).evaluate((s) => (s.value - s.min) / (s.max - s.min));
    assert.ok(share > 0.2 && share < 0.9, `${name}: the default sits at ${(100 * share).toFixed(1)}% of the track`);
  }
  const market = page.locator('#lever-market_size');
  await market.focus();
  await afterChange(page, () => page.keyboard.press('PageUp'));
  const m = Number(new URLSearchParams(await queryOf(page)).get('m'));
  assert.ok(m > 50000, `PageUp raises the market (${m})`);
  assert.equal(Number(String(m).slice(2)), 0, `a round number: ${m}`);
  assert.match(await market.getAttribute('aria-valuetext'), new RegExp(m.toLocaleString('en-US')));
});

app.test('boxes fit their values and units read well', async ({ open, page }) => {
  await open('?n=50&m=5000000&f=1000000');
  await waitDone(page);
  await page.locator('details.assumptions summary').click();
  for (const name of ['market_size', 'starting_followers']) {
    const box = page.locator(`[data-lever="${name}"] .typed`);
    const clipped = await box.evaluate((el) => el.scrollWidth > el.clientWidth);
    assert.equal(clipped, false, `${name}: "${await box.inputValue()}" is clipped`);
  }
  const goal = await page.locator('[data-lever="goal_day"] .lever-head').innerText();
  assert.doesNotMatch(goal.replace(/\s+/g, ' '), /day \d*\s*day/i, goal);
});
