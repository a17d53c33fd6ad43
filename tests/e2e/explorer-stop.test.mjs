// The explorer's work as a person steers it, in real Chromium: a map stopped part-way keeps
// what it has and goes on from there, and a day after the horizon is never shown one way and
// computed another.
import assert from 'node:assert/strict';
import { useApp, textOf, queryOf, workersIdle } from './helpers.mjs';

const { test } = useApp();

async function press(page, selector) {
  await page.locator(selector).focus();
  await page.keyboard.press('Enter');
}

/** Futures a cell behind the map on screen (0 while there is none). */
const mapRuns = (page) => page.evaluate(() => Number(document.querySelector('.map-results')?.dataset.runs ?? 0));

test('a map stopped part-way stays on screen and goes on from its futures', async ({ page, open }) => {
  await open('?explore=map&mn=1000');
  // Two passes in (50 futures a cell), then Cancel by keyboard.
  await page.waitForFunction(() => Number(document.querySelector('.map-results')?.dataset.runs ?? 0) >= 50,
    null, { timeout: 60000 });
  await press(page, 'button.cancel-explore');
  await page.waitForSelector('.explore-stopped');
  const kept = await mapRuns(page);
  assert.ok(kept >= 50 && kept < 1000, `the map refined so far stays (${kept} futures a cell)`);
  const words = new RegExp(`Stopped at ${kept.toLocaleString('en')} of 1,000 futures a cell`);
  assert.match(await textOf(page, '.explore-stopped'), words);
  assert.equal(await page.locator('.map-gridcell').count(), 144, 'its cells can still be explored');
  await workersIdle(page);
  assert.equal(await mapRuns(page), kept, 'nothing more is simulated');
  assert.equal(await page.evaluate(() => document.querySelector('.map-progress')), null);

  // Go on: the progress starts from the futures already done, and the map gets sharper.
  await press(page, 'button.run-explore');
  const progress = await page.waitForSelector('.map-progress progress');
  const done = Number(await progress.getAttribute('value'));
  assert.ok(done >= 144 * kept, `progress goes on from ${144 * kept}, not from 0 (${done})`);
  assert.equal(await mapRuns(page), kept, 'the map stays while the next pass runs');
  await page.waitForFunction((k) => Number(document.querySelector('.map-results')?.dataset.runs ?? 0) > k,
    kept, { timeout: 90000 });
  await press(page, 'button.cancel-explore');
});

test('a day after the horizon: reported, and the day shown is the day computed', async ({ page, open }) => {
  // A link's day past the horizon is named and the horizon's last day used, everywhere.
  await open('?explore=tornado&ed=1000');
  assert.match(await textOf(page, '.notices'),
    /the explorer's day is 1000, after the horizon of 730 days; day 730 is shown/);
  assert.equal(await page.locator('#explore-day').inputValue(), '730');
  await page.waitForFunction(() => /day 730/.test(document.querySelector('#tornado-title')?.textContent ?? ''),
    null, { timeout: 60000 });
  assert.match(await queryOf(page), /ed=730/);

  // A short horizon: the default day (365) is not there, so the map reads its last day.
  await open('?lang=sv&explore=map&d=180');
  assert.equal(await page.locator('.notices').count(), 0, 'nobody chose a day: nothing to report');
  assert.equal(await page.locator('#explore-day').inputValue(), '180');
  await page.waitForSelector('#map-title');
  assert.match(await textOf(page, '#map-title'), /dag 180/);
  assert.doesNotMatch(await textOf(page, '#map-title'), /365/);
});

/** The id of the element with the keyboard focus ('' for the page body). */
const focused = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('the focus follows the explorer by keyboard, and a loaded cell leads back to the same map', async ({ page, open }) => {
  await open('');
  await press(page, 'button.open-explorer');
  await page.waitForSelector('.explore-page');
  assert.equal(await focused(page), 'explore-view-chosen', 'opened: its first control, not the body');
  // The map by arrow key, its customers, a cell by Enter.
  await page.keyboard.press('ArrowRight');
  await page.locator('#explore-day').waitFor();
  await page.locator('.explore-metric').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('.explore-metric').inputValue(), 'customers');
  await page.locator('.map-gridcell').first().waitFor({ timeout: 60000 });
  await press(page, 'button.cancel-explore');
  await page.waitForSelector('.explore-stopped');
  assert.equal(await focused(page), 'run-explore', 'cancelled: the way to run it again');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.map-progress');
  await page.locator('.map-gridcell[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#lever-budget');
  assert.equal(await focused(page), 'lever-budget', 'the simulator: the first lever the cell set');
  const lever = await page.locator('#lever-budget').boundingBox();
  assert.ok(lever.y >= 0 && lever.y + lever.height <= 768, `the lever is in view (y ${lever.y})`);
  // Back to the explorer: the same map and outcome, not the tornado's defaults.
  await press(page, 'button.open-explorer');
  await page.waitForSelector('.map-grid', { timeout: 60000 });
  assert.equal(await page.locator('.explore-metric').inputValue(), 'customers');
  assert.match(await queryOf(page), /explore=map/);
  await press(page, 'button.exit-explorer');
  await page.waitForSelector('#lever-budget');
  assert.equal(await focused(page), 'open-explorer', 'left: the button that opened it');
});
