// Accessibility: axe-core finds nothing on every view (main, story and its end screen, embed,
// phone, refusals, the saved list), a skip link leads to the charts, focus is visible.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useApp, waitDone } from './helpers.mjs';

const app = useApp();

/** axe-core's violations on the page as it is now, one line each. */
async function violations(page) {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
}

const VIEWS = [
  ['the main page', '?n=50', null],
  ['the main page in Swedish with a pinned comparison', '?n=50&lang=sv&A=b:300', null],
  ['story mode', '?story=default&n=50', null],
  ['a predict step', '?story=default&step=1&n=50', null],
  ['an embed', '?embed=1&n=50', { width: 600, height: 720 }],
  ['a phone', '?n=50', { width: 390, height: 844 }],
];
for (const [name, path, viewport] of VIEWS) {
  app.test(`axe finds no violations on ${name}`, async ({ open, page }) => {
    await open(path);
    await waitDone(page);
    assert.deepEqual(await violations(page), []);
  }, viewport ? { viewport } : {});
}

app.test('axe finds no violations with refusals, saved entries, the end screen and a table open', async ({ open, page }) => {
  await open('?n=50&r=250');
  await waitDone(page);
  await page.locator('.save-form input').fill('Pilot');
  await page.locator('.save-form input').press('Enter');
  await page.locator('[data-saved="Pilot"]').waitFor();
  await page.locator('details.assumptions summary').click();
  await page.locator('#runs').fill('7');
  await page.locator('#runs').press('Enter');
  await page.locator('#runs-error').waitFor();
  await page.locator('.chart[data-chart="leads"]').getByRole('button', { name: 'Table' }).click();
  assert.deepEqual(await violations(page), []);
  await open('?story=default&n=50');
  await page.keyboard.press('End');
  await page.keyboard.press('Space');
  await page.locator('.story[data-story-end]').waitFor();
  assert.deepEqual(await violations(page), []);
});

app.test('the first Tab shows a skip link to the charts, and focus is visible at 3:1 or more', async ({ open, page }) => {
  await open('?n=50');
  await waitDone(page);
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
  assert.ok(await skip.evaluate((el) => el.getBoundingClientRect().top >= 0), 'the skip link is on screen when focused');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'charts');
  // The focus ring's contrast against the page.
  await page.keyboard.press('Tab');
  const ratio = await page.evaluate(() => {
    const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ring = lum(rgb(getComputedStyle(document.activeElement).outlineColor));
    const paper = lum(rgb(getComputedStyle(document.body).backgroundColor));
    return (Math.max(ring, paper) + 0.05) / (Math.min(ring, paper) + 0.05);
  });
  assert.ok(ratio >= 3, `the focus ring is ${ratio.toFixed(2)}:1 against the page`);
});

const DARK = [
  ['the main page', '?n=50&A=b:300&x=100', null],
  ['a predict step', '?story=default&step=1&n=50', null],
  ['a phone', '?n=50', { width: 390, height: 844 }],
];
for (const [name, path, viewport] of DARK) {
  app.test(`the dark theme follows the system and axe finds no violations on ${name}`, async ({ open, page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(path);
    await waitDone(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(22, 24, 27)', 'the page follows the dark system setting');
    assert.deepEqual(await violations(page), []);
  }, viewport ? { viewport } : {});
}

// Play mode (a stop and the debrief) and class mode, in the light and the dark theme.
const GAME_VIEWS = [
  ['a game stop', '?b=1500&p=3&i=60&n=50&play=91', '.game-charts .chart'],
  ['a game debrief', '?b=1500&p=3&i=60&n=50&play=730', '.debrief-table tbody tr'],
  ['the class view', `?n=50&class=${encodeURIComponent('Red: ?b=4000&i=90\nBlue: ?b=300\nTypo: 1ZZZZ')}`, '.class-table tbody tr'],
  ['the explorer tornado', '?n=50&explore=tornado', '.tornado-table tbody tr'],
  ['the explorer map', '?explore=map&ed=60', '.map-results[data-runs="200"]'],
];
for (const [name, path, ready] of GAME_VIEWS) {
  for (const scheme of ['light', 'dark']) {
    app.test(`axe finds no violations on ${name} (${scheme})`, async ({ open, page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(path);
      await page.locator(ready).first().waitFor({ timeout: 20000 });
      assert.deepEqual(await violations(page), []);
    });
  }
}
