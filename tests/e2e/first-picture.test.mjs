// After a slider move the chart shows the new setting long before its run ends: pictures
// before the last carry every 7th day (docs/PERFORMANCE.md, "Slider → first picture"), drawn
// over the whole horizon, and the last picture has every day. How fast is measured by
// tests/e2e/perf.test.mjs and scripts/slider-latency.mjs, not asserted here.
import assert from 'node:assert/strict';
import { useApp, waitDone } from './helpers.mjs';

const app = useApp();

/** Defines `window.__medianLine()`: the leads chart's median line, its points, and whether
 *  every coordinate is a number. */
const defineMedianLine = () => {
  window.__medianLine = () => {
    const d = document.querySelector('figure.chart[data-chart="leads"] path.median')?.getAttribute('d') ?? '';
    const numbers = d.match(/NaN|-?inf|-?[\d.]+(e-?\d+)?/g) ?? [];
    return { points: (d.match(/[ML]/g) ?? []).length, finite: numbers.length > 0 && numbers.every((n) => Number.isFinite(Number(n))), d };
  };
};
const medianLine = () => window.__medianLine();

app.test('a slider move shows the new setting over the whole horizon before the run ends, then every day', async ({ open, page }) => {
  await open('?n=5000');
  const { job } = await waitDone(page, { timeout: 60000 });
  await page.evaluate(defineMedianLine);
  const before = await page.evaluate(medianLine);
  // The first picture of the new job, caught by the mutation that draws it.
  await page.evaluate((job0) => {
    window.__first = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        const s = document.querySelector('.status');
        if (!s || Number(s.dataset.job) <= job0 || s.dataset.status === 'updating') return;
        obs.disconnect();
        resolve({ status: s.dataset.status, ...window.__medianLine() });
      });
      obs.observe(document.body, { attributes: true, subtree: true, childList: true });
    });
  }, job);
  await page.locator('#lever-budget').focus();
  await page.keyboard.press('ArrowRight');
  const first = await page.evaluate(() => window.__first);
  assert.equal(first.status, 'running', 'the first picture comes before the run ends');
  assert.ok(first.finite, `the first picture's median line is drawn with numbers: ${first.d.slice(0, 200)}`);
  assert.equal(first.points, before.points, 'the first picture spans the whole horizon');
  assert.notEqual(first.d, before.d, 'the first picture is the new setting');
  await waitDone(page, { after: job, timeout: 60000 });
  const last = await page.evaluate(medianLine);
  assert.ok(last.finite);
  assert.equal(last.points, before.points);
  assert.notEqual(last.d, first.d, 'the last picture refines the first');
});
