// The whole app in Swedish: every visible string comes from the translation table, numbers are
// formatted the Swedish way, and no English is left on screen in any view.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, textOf, waitDone, afterChange, queryOf } from './helpers.mjs';

const app = useApp();

/** Words that occur in the English table but nowhere in the Swedish one. */
async function englishOnlyWords() {
  // Each language's table is split by what it holds (src/i18n/<lang>/): read every part.
  const values = async (lang) => {
    const parts = ['mod.rs', 'games.rs', 'page.rs'];
    const src = (await Promise.all(parts.map((f) => readFile(new URL(`../../src/i18n/${lang}/${f}`, import.meta.url), 'utf8')))).join('\n');
    return [...src.matchAll(/\(\s*"[^"]+",\s*"((?:[^"\\]|\\.)*)"\s*\)/g)].map((m) => m[1]).join(' ');
  };
  const words = (text) => new Set(text.split(/[^A-Za-zÅÄÖåäö]+/).filter((w) => w.length >= 4));
  const sv = words(await values('sv'));
  const en = words(await values('en'));
  return [...en].filter((w) => !sv.has(w) && !sv.has(w.toLowerCase()));
}

async function visibleText(page) {
  return page.evaluate(() => {
    const hidden = [...document.querySelectorAll('.lang-switch')];
    hidden.forEach((e) => { e.style.display = 'none'; });
    const text = document.body.innerText;
    hidden.forEach((e) => { e.style.display = ''; });
    return text;
  });
}

function assertNoEnglish(text, english, where) {
  const found = english.filter((w) => new RegExp(`(^|[^A-Za-zÅÄÖåäö])${w}([^A-Za-zÅÄÖåäö]|$)`).test(text));
  assert.deepEqual(found, [], `English words on the ${where} screen`);
}

app.test('a full pass through the app in Swedish leaves no English on screen', async ({ open, page }) => {
  const english = await englishOnlyWords();
  assert.ok(english.length > 150, `only ${english.length} English-only words: is the table scan broken?`);
  await open('?lang=sv&b=12500&A=i:20&n=100');
  await waitDone(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
  assert.equal(await textOf(page, 'h2#vanity-title'), 'Uppmärksamhet, ännu inte affärer');
  // Swedish number format: non-breaking space between thousands, "12 500".
  assert.equal(await page.locator('[data-lever="budget"] .typed').inputValue(), '12500');
  assert.match(await textOf(page, '.compare-summary'), /12\u00a0500\u00a0€\/månad/);
  await page.locator('details.assumptions summary').click();
  await page.locator('.toggle input').check();
  await page.locator('.chart[data-chart="leads"]').getByRole('button', { name: 'Tabell' }).click();
  await page.fill('#quit-day', '200');
  await page.press('#quit-day', 'Enter');
  await page.locator('.chart[data-chart="cost"] .median-quit').waitFor();
  await page.fill('.save-form input', 'Pilot');
  await page.click('.save-form button');
  await page.locator('[data-saved="Pilot"]').waitFor();
  // Refusals are worded in Swedish too.
  await page.click('.save-form button');
  await page.locator('.saved .panel-message', { hasText: 'Inte sparat: ge scenariot ett namn.' }).waitFor();
  assertNoEnglish(await visibleText(page), english, 'main');
  // Longer Swedish words must not push a lever's controls out of its panel.
  const overflowing = await page.evaluate(() => [...document.querySelectorAll('.lever')]
    .filter((lever) => [...lever.querySelectorAll('input, button')]
      .some((c) => c.getBoundingClientRect().right > lever.getBoundingClientRect().right + 1))
    .map((lever) => lever.dataset.lever));
  assert.deepEqual(overflowing, [], 'lever controls sticking out of their panel');

  await page.click('.start-story');
  await page.locator('.story[data-story-step="0"]').waitFor();
  await waitDone(page);
  for (let i = 0; i < 7; i++) {
    await page.locator(`.story[data-story-step="${i}"]`).waitFor();
    if (await page.locator('.story svg.pickable').count()) {
      assertNoEnglish(await visibleText(page), english, `story step ${i + 1} (guessing)`);
      const box = await page.locator('.story svg.pickable').boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.press('Space');
      await page.locator('.verdict').waitFor();
    }
    await waitDone(page);
    assertNoEnglish(await visibleText(page), english, `story step ${i + 1}`);
    await page.keyboard.press('ArrowRight');
  }
});

app.test('the language follows the browser and can be switched, and the link keeps it', async ({ open, page, context }) => {
  const sv = await page.context().browser().newContext({ locale: 'sv-SE' });
  const svPage = await sv.newPage();
  await svPage.goto(new URL('./?n=50', (await open('?n=50')).url()).href);
  await svPage.waitForSelector('[data-app-ready]');
  assert.equal(await svPage.locator('.tagline').innerText(), 'En simulator för strategi i sociala medier: se varför ett halvhjärtat sexveckorsexperiment misslyckas och vad ett engagerat, tålmodigt arbete ger.');
  // The link to share names the language on screen, so an English browser opens it in Swedish too.
  const shared = new URL(await svPage.locator('label.share input').inputValue());
  assert.equal(shared.searchParams.get('lang'), 'sv');
  await sv.close();
  // This browser is English; switch to Swedish in the page.
  await waitDone(page);
  assert.match(await textOf(page, '.tagline'), /social-media strategy simulator/);
  await page.selectOption('.lang-switch select', 'sv');
  await page.locator('.tagline', { hasText: 'En simulator för strategi' }).waitFor();
  assert.equal(new URLSearchParams(await queryOf(page)).get('lang'), 'sv');
  await page.reload();
  await page.locator('.tagline', { hasText: 'En simulator för strategi' }).waitFor();
});

app.test('problems with a link are explained in Swedish too', async ({ open, page }) => {
  await open('?lang=sv&b=abc&r=250&n=50');
  await waitDone(page);
  const notice = await textOf(page, '.notices');
  assert.match(notice, /Länken hade ett fel: Budget är 'abc', vilket inte är ett tal; standardvärdet används\./);
  assert.match(notice, /Lyhördhet är '250', men måste vara mellan 0 och 100/);
  assert.equal(await page.title(), 'Long Game — simulator för strategi i sociala medier');
  const input = page.locator('.export .import input[type=file]');
  await input.setInputFiles({ name: 'dålig.json', mimeType: 'application/json', buffer: Buffer.from('{"levers": {"budget": "mycket"}}') });
  await page.locator('.export .panel-message', { hasText: 'Kunde inte importera dålig.json: levers.budget: fel typ, ett tal från 0 till 100\u00a0000 väntades' }).waitFor();
  await input.setInputFiles({ name: 'stor.json', mimeType: 'application/json', buffer: Buffer.from('{"levers": {"budget": 250000}}') });
  await page.locator('.export .panel-message', { hasText: 'Kunde inte importera stor.json: levers.budget är 250\u00a0000, men måste vara mellan 0 och 100\u00a0000' }).waitFor();
});
