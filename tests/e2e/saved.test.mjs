// Saved scenarios never lose anything: saving over a name asks first, a delete removes only
// the chosen entry and can be undone, and fields from a newer version survive a save.
import assert from 'node:assert/strict';
import { useApp, waitDone } from './helpers.mjs';

const app = useApp();
const KEY = 'longgame.saved.v1';
const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);

/** Types a name into the save form and presses Enter, as a person would. */
async function saveAs(page, name) {
  await page.locator('.save-form input').fill(name);
  await page.locator('.save-form input').press('Enter');
}

app.test('saving over an existing name asks first, and Cancel keeps the old one', async ({ open, page }) => {
  await open('?b=1111&n=50');
  await waitDone(page);
  await saveAs(page, 'Pilot');
  await page.locator('[data-saved="Pilot"]').waitFor();
  await open('?b=2222&n=50');
  await saveAs(page, 'Pilot');
  const ask = page.locator('.saved .confirm');
  await ask.waitFor();
  assert.match(await ask.innerText(), /A scenario called 'Pilot' already exists\. Replace it\?/);
  assert.match((await stored(page))[0].query, /b=1111/, 'nothing replaced before the answer');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  assert.match((await stored(page))[0].query, /b=1111/);
  await saveAs(page, 'Pilot');
  await page.locator('.saved .confirm').getByRole('button', { name: 'Replace' }).click();
  await page.waitForFunction((key) => localStorage.getItem(key).includes('b=2222'), KEY);
  assert.equal((await stored(page)).length, 1);
  await open('?b=3333&n=50&lang=sv');
  await saveAs(page, 'Pilot');
  assert.match(await page.locator('.saved .confirm').innerText(), /Det finns redan ett scenario som heter 'Pilot'/);
});

app.test('delete removes only the chosen entry, Undo brings it back, unknown fields stay', async ({ open, page }) => {
  await open('?n=50');
  // Two entries of one name (an older version allowed it) and a field from a newer version.
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify([
    { name: 'Same', query: 'v=1&b=100', note: 'from a newer version' },
    { name: 'Same', query: 'v=1&b=200' },
    { name: 'Other', query: 'v=1&b=300' },
  ])), KEY);
  await open('?n=50');
  await page.locator('[data-saved="Same"]').nth(1).getByRole('button', { name: 'Delete Same' }).click();
  await page.getByRole('button', { name: 'Undo' }).waitFor();
  let list = await stored(page);
  assert.deepEqual(list.map((s) => s.query), ['v=1&b=100', 'v=1&b=300'], 'only the chosen entry is gone');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).length === 3, KEY);
  list = await stored(page);
  assert.deepEqual(list.map((s) => s.query), ['v=1&b=100', 'v=1&b=200', 'v=1&b=300']);
  // A save and a rename keep the unknown field.
  await page.locator('[data-saved="Other"]').getByRole('button', { name: 'Rename' }).click();
  await page.locator('.rename input').fill('Renamed');
  await page.locator('.rename input').press('Enter');
  await page.locator('[data-saved="Renamed"]').waitFor();
  assert.equal((await stored(page))[0].note, 'from a newer version');
});

app.test('two tabs: what one saves or deletes never loses what the other saved, and each list follows', async ({ open, page, context }) => {
  await open('?b=1111&n=50');
  const other = await context.newPage();
  await other.goto(`${app.baseUrl}?b=2222&n=50`);
  await other.waitForSelector('[data-app-ready]', { timeout: 15000 });
  await saveAs(page, 'One');
  await page.locator('[data-saved="One"]').waitFor();
  await other.locator('[data-saved="One"]').waitFor(); // the storage event, no reload
  await saveAs(other, 'Two');
  await page.locator('[data-saved="Two"]').waitFor();
  assert.deepEqual((await stored(page)).map((s) => s.name), ['One', 'Two'], 'One is kept');
  // A save whose event has not reached this tab yet (a page gets no event for its own
  // writes, so this one is written from here): a delete still keeps it, as it reads the
  // stored list, not the one it shows.
  await page.evaluate((key) => {
    const list = JSON.parse(localStorage.getItem(key));
    localStorage.setItem(key, JSON.stringify([...list, { name: 'Three', query: 'v=1&b=3333' }]));
  }, KEY);
  assert.equal(await page.locator('[data-saved="Three"]').count(), 0, 'not shown here yet');
  await page.locator('[data-saved="One"]').getByRole('button', { name: 'Delete One' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Undo' }).waitFor();
  assert.deepEqual((await stored(page)).map((s) => s.name), ['Two', 'Three'], 'deleting One keeps Two and Three');
  await other.locator('[data-saved="One"]').waitFor({ state: 'detached' });
  assert.deepEqual(await other.locator('.saved-list li').evaluateAll((li) => li.map((e) => e.dataset.saved)), ['Two', 'Three']);
  await other.close();
});

app.test('two tabs: a rename in progress renames the entry it began on, even if the other tab reorders the list', async ({ open, page, context }) => {
  await open('?b=1111&n=50');
  await saveAs(page, 'One');
  await saveAs(page, 'Two');
  await page.locator('[data-saved="Two"]').waitFor();
  await page.locator('[data-saved="Two"]').getByRole('button', { name: 'Rename' }).click();
  const input = page.locator('[data-saved="Two"] form.rename input');
  await input.fill('Second');
  // Meanwhile another tab deletes One: "Two" moves from the second row to the first.
  const other = await context.newPage();
  await other.goto(`${app.baseUrl}?b=2222&n=50`);
  await other.waitForSelector('[data-app-ready]', { timeout: 15000 });
  await other.locator('[data-saved="One"]').getByRole('button', { name: 'Delete One' }).click();
  await page.locator('[data-saved="One"]').waitFor({ state: 'detached' });
  await input.press('Enter');
  await page.locator('[data-saved="Second"]').waitFor();
  assert.deepEqual((await stored(page)).map((s) => s.name), ['Second'], 'Two was renamed, nothing else');
  await other.close();
});
