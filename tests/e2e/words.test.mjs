// Words true to the numbers: each lever's sentence says what the model does at that value and
// depends only on its lever; the small marks say what they draw (the play symbols are drawn,
// the handout names the quit day, a count's axis has whole ticks).
import assert from 'node:assert/strict';
import { useApp, textOf, waitDone, shown } from './helpers.mjs';

const app = useApp();

const meaning = (page, lever) => textOf(page, `[data-lever="${lever}"] .meaning`);
/** Waits until the lever's sentence says `words`. */
const says = (page, lever, words, why = '') =>
  shown(page.locator(`[data-lever="${lever}"] .meaning`, { hasText: words }), `${why} the ${lever} sentence saying ${words}`);

app.test('the posting sentence follows what the model does: silent with a budget, past the best', async ({ open, page }) => {
  // The sentence is judged from a few futures in a task after the first render: wait for it.
  await open('?p=0&n=50');
  await says(page, 'posts_per_week', /the budget still buys paid reach/);
  assert.doesNotMatch(await meaning(page, 'posts_per_week'), /attention drains away/);
  await open('?p=0&b=0&n=50');
  await says(page, 'posts_per_week', /attention drains away/, 'no budget, no posts: nothing is seen');
  await open('?p=10&n=50');
  await says(page, 'posts_per_week', /fewer posts would bring more leads/);
  assert.doesNotMatch(await meaning(page, 'posts_per_week'), /Steady/);
  await open('?p=3&n=50');
  await says(page, 'posts_per_week', /Steady/);
  await open('?p=0&n=50&lang=sv');
  await says(page, 'posts_per_week', /budgeten köper fortfarande betald räckvidd/);
});

app.test('the responsiveness sentence depends on responsiveness alone and claims no more than the model answers', async ({ open, page }) => {
  await open('?r=100&n=50');
  const top = await meaning(page, 'responsiveness');
  assert.match(top, /sets out to answer every message, typically within the hour/);
  assert.doesNotMatch(top, /%/);
  await open('?r=60&i=70&n=50');
  const before = await meaning(page, 'responsiveness');
  const buyIn = page.locator('#lever-buy_in');
  await buyIn.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('#lever-buy_in').value !== '70');
  assert.match(await meaning(page, 'buy_in'), /first review on day/);
  assert.equal(await meaning(page, 'responsiveness'), before, 'buy-in moved, the responsiveness sentence did not');
});

app.test('play and pause are drawn symbols, not glyphs a font may lack', async ({ open, page }) => {
  await open('?story=default');
  await waitDone(page);
  const play = page.getByRole('button', { name: /Play/ });
  assert.equal(await play.locator('svg.play-icon').count(), 1);
  await play.focus();
  await page.keyboard.press('Space');
  const pause = page.getByRole('button', { name: /Pause/ });
  await pause.waitFor();
  assert.equal(await pause.locator('svg.play-icon').count(), 1);
  assert.doesNotMatch(await pause.innerText(), /[\u23f8\u25b6]/);
});

app.test('the handout names the quit day the charts compare', async ({ open, page }) => {
  await open('?n=50&x=120');
  await waitDone(page);
  await page.locator('.open-handout').click();
  await page.locator('.handout-sheet h1').waitFor();
  const row = page.locator('.handout-field', { hasText: 'Programme stops on day' });
  assert.match(await row.locator('dd').innerText(), /^none; the charts also show stopping on day 120$/);
  await open('?n=50');
  await waitDone(page);
  await page.locator('.open-handout').click();
  await page.locator('.handout-sheet h1').waitFor();
  assert.equal(await page.locator('.handout-field', { hasText: 'Programme stops on day' }).locator('dd').innerText(), 'none');
});

app.test('a count\'s axis has whole-number ticks (no "0.5 leads" on story step 1)', async ({ open, page }) => {
  // Step 1: day 30 of a half-hearted page, a leads axis from 0 to about 2.
  await open('?story=default');
  await waitDone(page);
  const ticks = await page.$$eval('.story .chart .tick text', (ts) => ts.map((t) => t.textContent));
  assert.ok(ticks.filter((t) => /\d/.test(t)).length >= 3, `ticks: ${ticks.join(' ')}`);
  for (const t of ticks) assert.doesNotMatch(t, /\d\.\d/, `a fractional tick: ${ticks.join(' ')}`);
});
