// Captures the main views for docs/screenshots/ (run after a release build of dist/):
//   node scripts/screenshots.mjs
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const root = new URL('../', import.meta.url).pathname;
const server = await serveStatic(`${root}dist`, 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.LONGGAME_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const LAPTOP = { width: 1366, height: 768 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };
// The room's guess on the gym-membership step: a click on the chart, then the reveal.
const guess = async (page) => {
  const box = await page.locator('.story svg.pickable').boundingBox();
  await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.55);
  await page.keyboard.press('Space');
  await page.locator('.verdict').waitFor();
};
// On a phone: one tap on "Levers".
const levers = async (page) => {
  await page.locator('.jump').getByRole('link', { name: 'Levers' }).click();
  await page.waitForFunction(() => document.querySelector('#lever-budget').getBoundingClientRect().top >= 0);
};
// The end screen after the last step.
const storyEnd = async (page) => {
  await page.keyboard.press('Space');
  await page.locator('.story[data-story-end]').waitFor();
};
// The handout as printed: opened from the main page, in print media at an A4 page's width.
const handout = async (page) => {
  await page.locator('.open-handout').click();
  await page.waitForSelector('.handout .status[data-status="done"]', { timeout: 30000 });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 703, height: 1000 });
};
// [file, viewport, query, full page, what to do before the shot]
const shots = [
  ['laptop-compare', LAPTOP, '?lang=en&i=20&r=30&b=1000&A=b:4000,p:7,r:90,i:90', false],
  ['laptop-patience', LAPTOP, '?lang=en&b=4000&p=7&r=90&i=90', true],
  ['laptop-swedish', LAPTOP, '?lang=sv&b=4000&p=7&r=90&i=90', false],
  ['projector-committed', PROJECTOR, '?lang=en&b=4000&p=7&r=90&i=90', false],
  ['projector-story-predict', PROJECTOR, '?lang=en&story=default&step=1', false, guess],
  ['projector-story-buy-in', PROJECTOR, '?lang=sv&story=default&step=2', false],
  ['phone-charts', PHONE, '?lang=en&b=4000&p=7&r=90&i=90', false],
  ['phone-levers', PHONE, '?lang=en&b=4000&p=7&r=90&i=90', false, levers],
  ['embed-600', { width: 600, height: 720 }, '?lang=en&embed=1&b=4000&p=7&r=90&i=90', false],
  ['embed-900-followers', { width: 900, height: 720 }, '?lang=en&embed=1&view=followers&b=4000&p=7&r=90&i=90', false],
  ['laptop-story-end', LAPTOP, '?lang=en&story=default&step=99', false, storyEnd],
  ['handout-print', LAPTOP, '?lang=en&b=4000&p=7&r=90&i=90&c=180b2000&A=b:1000,i:40', true, handout],
];
try {
  for (const [name, viewport, query, full, before] of shots) {
    const page = await browser.newPage({ viewport });
    await page.goto(base + query);
    await page.waitForSelector('.status[data-status="done"]', { timeout: 30000 });
    if (before) await before(page);
    await page.screenshot({ path: `${root}docs/screenshots/${name}.png`, fullPage: full });
    await page.close();
    console.log(`docs/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
