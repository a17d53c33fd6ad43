// The handout: the scenario on screen printed to one or two A4 pages, with the levers and the
// plan, the key charts, the chances at day 90/180/365, the Why? sentences and the link as text
// and QR code; in English and Swedish; nothing for axe-core to find.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useApp, waitDone, shown } from './helpers.mjs';

const app = useApp();

/** Opens the handout from the main page; returns what the main page showed first. */
async function openHandout(page) {
  await waitDone(page);
  const why = await page.locator('.why-list li').allInnerTexts();
  const link = await page.locator('.export .share input').inputValue();
  await page.locator('.open-handout').click();
  await page.locator('.handout-sheet h1').waitFor();
  await waitDone(page);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus starts at the handout');
  return { why, link };
}

/** Prints to an A4 PDF and returns its page count. */
async function printedPages(page) {
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;
}

/** The text a printout shows (print media, at the A4 page's width). */
async function printedText(page) {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 703, height: 1000 });
  assert.equal(await page.locator('.handout-bar').isVisible(), false, 'the buttons are not printed');
  return page.locator('body').innerText();
}

app.test('the handout prints on one or two A4 pages with levers, plan, charts, chances, Why? and the link', async ({ open, page }) => {
  await open('?n=200&b=4000&c=180i90&A=b:300');
  const { why, link } = await openHandout(page);
  const pages = await printedPages(page);
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  const text = await printedText(page);
  for (const words of ['Levers and assumptions', '4,000 € per month', 'Market size', '50,000 people',
    'From day 180', 'Compared with A, the pinned scenario: Budget €300/month',
    'Key charts', 'Followers', 'Leads (cumulative)', 'Cost so far', 'Return on investment',
    '8 in 10 futures', 'management review', 'Chances at day 90, 180 and 365', 'Why did this happen?',
    'Open this scenario']) {
    assert.ok(text.includes(words), `the printout lacks "${words}"`);
  }
  for (const day of [90, 180, 365]) {
    assert.match(text, new RegExp(`Day ${day}\\t\\d+%\\t\\d+%\\t\\d+%`), `the chances at day ${day}`);
  }
  assert.ok(why.length >= 3);
  for (const sentence of why) assert.ok(text.includes(sentence), `the printout lacks the Why? sentence "${sentence}"`);
  assert.ok(link.includes('b=4000') && text.includes(link), `the printout lacks the link ${link}`);
  // The QR code: a square of dark modules inside a quiet zone, drawn at least 25 mm wide.
  const qr = page.locator('.handout-link svg.qr');
  await shown(qr, 'the QR code');
  const box = await qr.boundingBox();
  assert.ok(box.width >= 94 && Math.abs(box.width - box.height) < 1, `QR ${box.width} × ${box.height}`);
  const modules = await qr.evaluate((svg) => svg.querySelector('path').getAttribute('d').split('z').length - 1);
  assert.ok(modules > 300, `${modules} dark modules`);
  assert.equal(await page.locator('.handout .chart').count(), 4);
});

app.test('the handout speaks Swedish, and Back returns to the same scenario', async ({ open, page }) => {
  await open('?n=100&lang=sv&p=9');
  const { why } = await openHandout(page);
  const pages = await printedPages(page);
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  const text = await printedText(page);
  for (const words of ['Reglage och antaganden', '9 inlägg/vecka', 'De viktigaste diagrammen',
    'Chanser dag 90, 180 och 365', 'Varför blev det så?', 'Öppna det här scenariot', 'ingen']) {
    assert.ok(text.includes(words), `the printout lacks "${words}"`);
  }
  assert.ok(text.includes(why[0]));
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Tillbaka till simulatorn' }).click();
  await page.locator('.layout').waitFor();
  assert.match(await page.evaluate(() => location.search), /p=9/);
});

app.test('axe finds no violations on the handout, light and dark', async ({ open, page }) => {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await open('?n=50&A=b:300');
    await openHandout(page);
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4)}`), [], colorScheme);
  }
});
