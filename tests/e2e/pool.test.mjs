// The pool of simulation workers: one per logical processor (up to 8, fewer on little memory),
// each given a share of the runs. Whatever the number of workers, the summary is the same
// bits — the same JSON as the command line's — and a slider drag never leaves stale work queued.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { useApp, waitDone, recordPerf, waitUntil, workersBusy, workersIdle } from './helpers.mjs';

const app = useApp();
const LINK = '?b=4000&p=7&i=90&s=7&n=200';

/** Makes the page see `n` logical processors and `gb` GB of memory (the pool is sized from both). */
const cores = (context, n, gb = 8) => context.addInitScript(([n, gb]) => {
  Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
  Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => gb });
}, [n, gb]);

async function summaryJson(page) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('text=Summary JSON')]);
  return (await readFile(await d.path())).toString();
}

for (const workers of [1, 2, 4, 8]) {
  app.test(`${workers} worker(s) give the command line's summary, bit for bit`, async ({ open, page, context }) => {
    await cores(context, workers);
    await open(LINK);
    assert.equal(await page.getAttribute('html', 'data-workers'), String(workers));
    await waitDone(page);
    assert.equal(page.workers().length, workers, 'one Web Worker per share');
    const json = await summaryJson(page);
    assert.equal(JSON.parse(json).runs_done, 200);
    const cli = process.env.LONGGAME_CLI;
    if (cli) {
      const native = execFileSync(cli, ['run', '--set', 'budget=4000', '--set', 'posts_per_week=7', '--set', 'buy_in=90',
        '--seed', '7', '--runs', '200', '--samples', '8'], { maxBuffer: 1 << 28 }).toString();
      assert.equal(json.trim(), native.trim(), 'the app (wasm, shared among workers) and the command line differ');
    }
  });
}

app.test('a device with little memory gets fewer workers than it has cores', async ({ open, page, context }) => {
  await cores(context, 8, 1);
  await open(LINK);
  assert.equal(await page.getAttribute('html', 'data-workers'), '2', '1 GB: two workers');
  await waitDone(page);
  assert.equal(page.workers().length, 2);
});

app.test('a slider drag leaves no stale work: the chart settles on the last value', async ({ open, page, context }) => {
  await cores(context, 2);
  await open('?n=1000');
  const { job } = await waitDone(page);
  const slider = page.locator('#lever-budget');
  await slider.focus();
  // One step first: how long one full recompute takes here.
  let t0 = Date.now();
  await page.keyboard.press('ArrowLeft');
  const one = await waitDone(page, { after: job });
  const single = Date.now() - t0;
  t0 = Date.now();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  const done = await waitDone(page, { after: one.job });
  const settled = Date.now() - t0;
  const budget = await slider.inputValue();
  const q = new URLSearchParams(await page.evaluate(() => location.search));
  assert.equal(q.get('b'), budget, 'the link holds the last value');
  assert.equal(done.runs, 1000);
  // One more step after the drag, so that a shared machine's load changing mid-test does not
  // decide the comparison: the slower of the two single steps is the yardstick.
  t0 = Date.now();
  await page.keyboard.press('ArrowLeft');
  await waitDone(page, { after: done.job });
  const step = Math.max(single, Date.now() - t0);
  console.log(`a drag of 12 steps settled after ${settled} ms; one step takes ${single}–${step} ms (1,000 runs, 2 workers)`);
  await recordPerf({ drag_12_steps_settled_ms: settled, drag_one_step_ms: [single, step] });
  // Had the stale jobs been run, the drag would take about 12 steps' time.
  assert.ok(settled < 4 * step + 500, `the drag took ${settled} ms against ${step} ms for one step`);
});

app.test('leaving the explorer stops its work in every worker', async ({ open, page, context }) => {
  await cores(context, 2);
  // 2,000 futures per variant: the tornado would take many seconds to finish on its own.
  await open('?n=2000&explore=tornado');
  // The tornado's futures are under way in both workers (each starts at its next step)...
  await page.waitForFunction(() => document.querySelector('progress') !== null);
  assert.equal(page.workers().length, 2);
  await waitUntil(async () => (await workersBusy(page)).every(Boolean), 'both workers to share the tornado');
  assert.deepEqual(await workersBusy(page), [true, true], 'both workers share the tornado');
  // ...and stop when the room goes back to the simulator, long before they would have finished.
  await page.getByRole('button', { name: 'Back to the simulator' }).focus();
  await page.keyboard.press('Enter');
  await waitDone(page);
  // Within 3 s: the tornado alone would take many times longer.
  await workersIdle(page, 3000);
  assert.deepEqual(await workersBusy(page), [false, false], 'a worker still runs the abandoned tornado');
});
