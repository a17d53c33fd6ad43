// Nothing typed is lost or replaced: a refused value stays in its box with the reason and the
// value as typed, in the user's language; link problems repeat the value exactly as written.
import assert from 'node:assert/strict';
import { useApp, textOf, waitDone, queryOf } from './helpers.mjs';

const app = useApp();

/** Types `text` into the box `id` and presses Enter, as a person would. */
async function type(page, id, text) {
  const box = page.locator(`#${id}`);
  await box.fill(text);
  await box.press('Enter');
  return box;
}

app.test('bad futures, seed and quit day are refused with a message and stay as typed', async ({ open, page }) => {
  await open('?n=100&d=730');
  await waitDone(page);
  await page.locator('details.assumptions summary').click();
  const cases = [
    ['runs', '7', /'7' is not allowed: enter a whole number from 20 to 5,000/],
    ['runs', '99999', /'99999' is not allowed: enter a whole number from 20 to 5,000/],
    ['seed', '-1', /'-1' is not allowed: enter a whole number from 0 to 9,007,199,254,740,991/],
    ['quit-day', '9999', /'9999' is not allowed: enter a whole number from 0 to 730/],
  ];
  for (const [id, typed, message] of cases) {
    const box = await type(page, id, typed);
    const error = page.locator(`#${id}-error`);
    await error.waitFor();
    assert.match(await error.innerText(), message);
    assert.equal(await box.inputValue(), typed, `${id}: what was typed is still there`);
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    // Moving on keeps the refused value visible, so it can be corrected.
    await box.press('Tab');
    assert.equal(await box.inputValue(), typed);
  }
  const q = new URLSearchParams(await queryOf(page));
  assert.equal(q.get('n'), '100', 'the refused futures did not reach the link');
  assert.equal(q.get('s'), null);
  assert.equal(q.get('x'), null, 'the quit day was not silently clamped');
  // A good value clears the message and is used.
  await type(page, 'quit-day', '120');
  await page.locator('#quit-day-error').waitFor({ state: 'detached' });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('x') === '120');
});

app.test('a refused box speaks Swedish too', async ({ open, page }) => {
  await open('?n=100&lang=sv');
  await waitDone(page);
  await page.locator('details.assumptions summary').click();
  await type(page, 'runs', '7');
  assert.match(await textOf(page, '#runs-error'), /'7' går inte: ange ett heltal från 20 till 5\u00a0000/);
});

app.test('link problems repeat the value as written, shortened when long', async ({ open, page }) => {
  const long = '9'.repeat(60000);
  const link = `?r=100.4&b=-0.04&cv=1e308&s=${long}&n=20`;
  await open(link);
  await waitDone(page);
  const notice = await textOf(page, '.notices');
  assert.match(notice, /Responsiveness is '100\.4', but must be between 0 and 100/);
  assert.doesNotMatch(notice, /is '?100'?,/);
  assert.match(notice, /Budget is '-0\.04'/);
  assert.match(notice, /is '1e308'/);
  assert.doesNotMatch(notice, /9,223,372,036,854,775,807/);
  assert.match(notice, /the seed is '9{39}…'/);
  const width = await page.locator('.notices').evaluate((n) => n.scrollWidth);
  assert.ok(width <= 1366, `the notices are ${width} px wide`);
  await open(`${link}&lang=sv`);
  assert.match(await textOf(page, '.notices'), /Lyhördhet är '100\.4', men måste vara mellan 0 och 100/);
});

app.test('a lever box reads the decimal comma in Swedish, both ways across the language switch, and quotes what was typed', async ({ open, page }) => {
  await open('?n=50&lang=sv');
  await waitDone(page);
  const box = page.locator('[data-lever="posts_per_week"] .typed');
  const posts = async () => new URLSearchParams(await queryOf(page)).get('p');
  for (const [typed, stored] of [['2,5', '2.5'], ['7,5', '7.5']]) {
    await box.fill(typed);
    await box.press('Enter');
    await page.waitForFunction((v) => new URLSearchParams(location.search).get('p') === v, stored);
    assert.equal(await box.inputValue(), typed, 'shown with the decimal comma');
  }
  await page.selectOption('.lang-switch select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await box.inputValue(), '7.5', 'in English with a decimal point');
  await box.fill('2,5');
  await box.press('Enter');
  assert.match(await textOf(page, '[data-lever="posts_per_week"] .field-error'), /'2,5' is not allowed/);
  assert.equal(await posts(), '7.5', 'not read as 25');
  await box.fill('3.5');
  await box.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('p') === '3.5');
  await page.selectOption('.lang-switch select', 'sv');
  await page.waitForFunction(() => document.documentElement.lang === 'sv');
  assert.equal(await box.inputValue(), '3,5');
  const budget = page.locator('[data-lever="budget"] .typed');
  await budget.fill('12e');
  await budget.press('Enter');
  assert.match(await textOf(page, '[data-lever="budget"] .field-error'), /'12e'/);
});
