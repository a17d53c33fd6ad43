// Captures the main views for docs/screenshots/ (run after a release build of dist/):
//   node scripts/screenshots.mjs [part of a name, to capture only those]
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
  await page.locator('.jump a[href="#levers"]').click();
  await page.waitForFunction(() => document.querySelector('#lever-budget').getBoundingClientRect().top >= 0);
};
// The end screen after the last step.
const storyEnd = async (page) => {
  await page.keyboard.press('Space');
  await page.locator('.story[data-story-end]').waitFor();
};
// A class of five teams, as a trainer pastes them (links here; codes read the same way).
const CLASS = encodeURIComponent([
  'Red: ?b=4000&p=7&r=90&i=90',
  'Blue: ?b=300&p=3&r=20&i=10&play=730',
  'Green: ?b=1500&p=5&r=60&i=60&c=92b3000',
  'Amber: ?b=8000&p=14&r=80&i=70',
  'Grey: ?b=1000&p=2&r=30&i=40&play=730&c=127b0p0',
].join('\n'));
const GAME = 'b=1500&p=3&r=40&i=60&cd=40';
const played = '.game-charts .chart';
// The handout as printed: opened from the main page, in print media at an A4 page's width.
const handout = async (page) => {
  await page.locator('.open-handout').click();
  await page.waitForSelector('.handout .status[data-status="done"]', { timeout: 30000 });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 703, height: 1000 });
};
// The explorer's map once complete, a cell two steps right of the scenario focused by keyboard.
const MAP_DONE = '.map-results[data-runs="200"]';
const mapCell = async (page) => {
  await page.locator('.map-gridcell[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.locator('.map-frame').scrollIntoViewIfNeeded();
};
// "Your page": the sample history fitted and forecast, the history as points beside the bands.
const yourPage = async (page) => {
  await page.locator('.use-sample').click();
  await page.locator('.fit-start').click();
  await page.locator('.fit-results .chart[data-chart="leads"]').waitFor({ timeout: 180000 });
  await page.locator('.fit-results').scrollIntoViewIfNeeded();
};
// [file, viewport, query, full page, what to do before the shot, what shows it is ready]
const shots = [
  ['laptop-compare', LAPTOP, '?lang=en&i=20&r=30&b=1000&A=b:4000,p:7,r:90,i:90', false],
  ['laptop-patience', LAPTOP, '?lang=en&b=4000&p=7&r=90&i=90', true],
  ['laptop-swedish', LAPTOP, '?lang=sv&b=4000&p=7&r=90&i=90', false],
  ['projector-committed', PROJECTOR, '?lang=en&b=4000&p=7&r=90&i=90', false],
  ['projector-story-predict', PROJECTOR, '?lang=en&story=default&step=1', false, guess],
  ['projector-story-buy-in', PROJECTOR, '?lang=sv&story=default&step=2', false],
  ['projector-story-goals', PROJECTOR, '?lang=en&story=default&step=7', false],
  ['phone-charts', PHONE, '?lang=en&b=4000&p=7&r=90&i=90', false],
  ['phone-levers', PHONE, '?lang=en&b=4000&p=7&r=90&i=90', false, levers],
  ['phone-levers-swedish', PHONE, '?lang=sv', false, levers],
  ['tablet-charts-swedish', { width: 768, height: 1024 }, '?lang=sv&b=4000&p=7&r=90&i=90', false],
  ['embed-320', { width: 320, height: 720 }, '?lang=en&embed=1&view=leads&b=4000&p=7&r=90&i=90', false],
  ['embed-600', { width: 600, height: 720 }, '?lang=en&embed=1&b=4000&p=7&r=90&i=90', false],
  ['embed-900-followers', { width: 900, height: 720 }, '?lang=en&embed=1&view=followers&b=4000&p=7&r=90&i=90', false],
  ['laptop-story-end', LAPTOP, '?lang=en&story=default&step=99', false, storyEnd],
  ['projector-play-crisis', PROJECTOR, `?lang=en&${GAME}&play=40`, false, null, played],
  ['projector-play-debrief', PROJECTOR, `?lang=en&${GAME}&c=92b3000i80&play=730`, false, null, '.debrief-table tbody tr'],
  ['laptop-play-debrief', LAPTOP, `?lang=en&${GAME}&c=92b3000i80&play=730`, true, null, '.debrief-table tbody tr'],
  ['phone-play-stop', PHONE, `?lang=sv&${GAME}&play=91`, false, null, played],
  ['projector-your-page', PROJECTOR, '?lang=en&page=', false, yourPage, '[data-app-ready]'],
  ['phone-your-page-swedish', PHONE, '?lang=sv&page=', true, yourPage, '[data-app-ready]'],
  ['projector-class', PROJECTOR, `?lang=en&class=${CLASS}`, true, null, '.class-table tbody tr'],
  ['handout-print', LAPTOP, '?lang=en&b=4000&p=7&r=90&i=90&c=180b2000&A=b:1000,i:40', true, handout],
  ['laptop-explorer-tornado', LAPTOP, '?lang=en&explore=tornado', true, null, '.tornado-table tbody tr'],
  ['phone-explorer-tornado', PHONE, '?lang=en&explore=tornado', false, null, '.tornado-table tbody tr'],
  ['laptop-explorer-map', LAPTOP, '?lang=en&explore=map', true, mapCell, MAP_DONE],
  ['projector-explorer-map', PROJECTOR, '?lang=en&explore=map&my=responsiveness&eo=goal', false, mapCell, MAP_DONE],
  ['phone-explorer-map', PHONE, '?lang=sv&explore=map', false, mapCell, MAP_DONE],
];
try {
  for (const [name, viewport, query, full, before, ready = '.status[data-status="done"]'] of shots) {
    if (process.argv[2] && !name.includes(process.argv[2])) continue;
    const page = await browser.newPage({ viewport });
    await page.goto(base + query);
    await page.waitForSelector(ready, { timeout: 30000 });
    await page.waitForTimeout(ready.startsWith('.status') ? 0 : 1500);
    if (before) await before(page);
    await page.screenshot({ path: `${root}docs/screenshots/${name}.png`, fullPage: full });
    await page.close();
    console.log(`docs/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
