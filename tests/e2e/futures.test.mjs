// Where futures split into cancelled and continued, the app says so instead of one median; and
// it shows which early number predicts the outcome. Both in English and Swedish.
import assert from 'node:assert/strict';
import { useApp, waitDone, afterChange, textOf } from './helpers.mjs';

const app = useApp();

app.test('a bimodal outcome is said as such, in the headline and the readout, and only when material', async ({ open, page }) => {
  // Committed, but a boss at buy-in 25: management cancels in about a quarter to a third of the futures.
  await open('?b=4000&p=7&r=90&i=25');
  await waitDone(page);
  const headline = page.locator('.split-headline');
  await headline.waitFor();
  const text = await headline.innerText();
  const m = text.match(/^Management cancelled the programme in (\d+)% of futures by day 730; among the others the median is ([\d,]+) leads \(among the cancelled: ([\d,]+)\)/);
  assert.ok(m, text);
  const [share, others, cancelled] = [Number(m[1]), Number(m[2].replace(/,/g, '')), Number(m[3].replace(/,/g, ''))];
  assert.ok(share >= 10 && share <= 90, `a material split: ${share}%`);
  assert.ok(others > cancelled, `the continued futures earn more: ${others} vs ${cancelled}`);
  assert.match(await textOf(page, '.chart[data-chart="leads"] .readout'),
    /; management cancelled in \d+% of futures: among the others median [\d,]+, among the cancelled [\d,]+/);
  await page.selectOption('.lang-switch select', 'sv');
  await page.locator('.split-headline', { hasText: /^Ledningen lade ner satsningen i \d+\u00a0% av framtiderna till dag 730; bland de övriga är medianen/ }).waitFor();
  await page.selectOption('.lang-switch select', 'en');
  // With full backing almost no future is cancelled: one median is the whole story.
  await afterChange(page, () => page.selectOption('#preset', 'committed'));
  assert.equal(await page.locator('.split-headline').count(), 0);
  assert.doesNotMatch(await textOf(page, '.chart[data-chart="leads"] .readout'), /management cancelled/);
});

app.test('the why area says which early number predicts the leads at the end', async ({ open, page }) => {
  await open('?b=4000&p=7&r=90&i=25');
  await waitDone(page);
  const table = page.locator('.predict-table');
  await table.waitFor();
  assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Early number', 'Day 90', 'Day 180']);
  assert.equal(await table.locator('tbody tr').count(), 6);
  const leads = table.locator('tbody tr', { hasText: 'leads so far' });
  for (const cell of await leads.locator('td').allInnerTexts()) {
    assert.match(cell, /^(\d|10) of 10 \(ρ -?\d\.\d\d\)$/);
  }
  const sentences = await page.locator('.predict-sentences li').allInnerTexts();
  assert.equal(sentences.length, 2);
  assert.match(sentences[0], /^On day 90, .+ orders \d+ of 10 pairs of futures correctly by their leads on day 730; .+, \d+ of 10\.$/);
  await page.selectOption('.lang-switch select', 'sv');
  await page.locator('.predict-table thead th', { hasText: 'Tidig siffra' }).waitFor();
  assert.match(await textOf(page, '.predict-sentences li'), /^Dag 90 ordnar .+ \d+ av 10 par av framtider rätt/);
});
