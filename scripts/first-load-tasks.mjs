// The page's long tasks on a first visit (4x CPU slowdown, as Lighthouse's mobile run), each
// beside the app's milestones (mounted, first picture, done): where the blocking time goes.
//   node scripts/first-load-tasks.mjs [dist] [slowdown]      (LONGGAME_CHROMIUM: another Chromium)
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const [dist = 'dist', slowdown = '4'] = process.argv.slice(2);
const server = await serveStatic(dist, 0);
const browser = await chromium.launch({ executablePath: process.env.LONGGAME_CHROMIUM || '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__tasks = [];
    window.__marks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)])))
      .observe({ type: 'longtask', buffered: true });
    const seen = new Set();
    const mark = (name) => { if (!seen.has(name)) { seen.add(name); window.__marks.push([Math.round(performance.now()), name]); } };
    new MutationObserver(() => {
      if (document.querySelector('[data-stage]')) mark('mounted');
      if (document.querySelector('[data-app-ready]')) mark('ready');
      if (document.querySelector('figure.chart[data-chart="leads"]')) mark('leads chart');
      if (document.querySelector('figure.chart[data-chart="reach"]')) mark('all charts');
      if (document.querySelector('.why')) mark('why');
      if (document.querySelector('.status.done')) mark('done');
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(slowdown) });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('.status.done', { timeout: 120000 });
  await page.waitForTimeout(1000);
  const { tasks, marks } = await page.evaluate(() => ({ tasks: window.__tasks, marks: window.__marks }));
  const events = [...tasks.map(([t, d]) => [t, `task ${d} ms`]), ...marks].sort((a, b) => a[0] - b[0]);
  for (const [t, what] of events) console.log(String(t).padStart(6), what);
  const tbt = tasks.reduce((s, [, d]) => s + Math.max(0, d - 50), 0);
  console.log(`blocking time (all long tasks, past 50 ms each): ${tbt} ms`);
} finally {
  await browser.close();
  server.close();
}
