// The charts explain their marks in a visible legend, and the sentence under a chart talks
// about the same day as its readout.
import assert from 'node:assert/strict';
import { useApp, textOf, waitDone } from './helpers.mjs';

const app = useApp();

app.test('a visible legend explains the bands, the median, reviews and, when shown, the single futures', async ({ open, page }) => {
  await open('?n=50&A=b:300&x=120');
  await waitDone(page);
  const legend = page.locator('.chart-legend');
  assert.ok(await legend.isVisible());
  const text = await legend.innerText();
  for (const words of ['8 in 10 futures', 'half of the futures', 'median', 'A, the pinned scenario', 'if you quit', 'management review']) {
    assert.ok(text.includes(words), `the legend lacks "${words}": ${text}`);
  }
  assert.doesNotMatch(text, /crisis/, 'single futures are off: no crisis mark to explain');
  await page.getByLabel('Show single futures').check();
  await legend.getByText('crisis (red: firestorm, green: faded)').waitFor();
  await legend.getByText('programme cancelled').waitFor();
  await open('?n=50&lang=sv');
  assert.match(await textOf(page, '.chart-legend'), /8 av 10 framtider/);
});

app.test('the sentence under a chart names the day its readout shows', async ({ open, page }) => {
  await open('?n=50');
  await waitDone(page);
  const chart = page.locator('.chart[data-chart="leads"]');
  const box = await chart.locator('svg').boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  const day = (await chart.locator('.readout').innerText()).match(/^Day (\d+)/)[1];
  assert.notEqual(day, '365', 'the cursor moved the readout');
  assert.match(await chart.locator('.explain').innerText(), new RegExp(`on day ${day} `));
});
