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
const shots = [
  ['laptop-compare', { width: 1366, height: 768 }, '?i=20&r=30&b=1000&A=b:4000,p:7,r:90,i:90', false],
  ['laptop-patience', { width: 1366, height: 768 }, '?b=4000&p=7&r=90&i=90', true],
  ['projector-committed', { width: 1920, height: 1080 }, '?b=4000&p=7&r=90&i=90', false],
];
try {
  for (const [name, viewport, query, full] of shots) {
    const page = await browser.newPage({ viewport });
    await page.goto(base + query);
    await page.waitForSelector('.status[data-status="done"]', { timeout: 30000 });
    await page.screenshot({ path: `${root}docs/screenshots/${name}.png`, fullPage: full });
    await page.close();
    console.log(`docs/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
