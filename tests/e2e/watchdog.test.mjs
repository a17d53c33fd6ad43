// The watchdog says "The simulation is not answering" only when the workers are silent, not
// when they are busy: a slider moved 20 times a second over the largest job (5,000 futures of
// 1,095 days) keeps every worker restarting, yet they answer, so the alarm never shows. (A
// worker that never runs is still reported: app.test.mjs, "a simulation worker that never
// starts".)
import assert from 'node:assert/strict';
import { useApp, waitDone } from './helpers.mjs';

const app = useApp();

/** How long the slider is moved: well past the watchdog's 8 s of silence. */
const DRIVE_MS = 14000;
/** 20 changes a second, as in the report. */
const EVERY_MS = 50;

app.test('a busy pool under fast slider changes is never reported as not answering', async ({ open, page }) => {
  await open('?n=5000&d=1095');
  const slider = page.locator('[data-lever="budget"] input[type="range"]');
  await slider.focus();
  // The page moves its own slider (keys sent from here arrive too slowly on a loaded machine
  // to supersede every job), and remembers any moment the alarm is on screen, however brief.
  await page.evaluate(({ driveMs, everyMs }) => {
    window.stalledSeen = 0;
    window.changes = 0;
    const look = () => {
      if (document.querySelector('.status[data-status="stalled"]')) window.stalledSeen += 1;
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
    const input = document.activeElement;
    const [low, high] = [Number(input.value), Number(input.value) + Number(input.step || 1)];
    const start = performance.now();
    const timer = setInterval(() => {
      // Back and forth: every change is new work (never the job already asked for).
      input.value = String(window.changes % 2 === 0 ? high : low);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      window.changes += 1;
      if (performance.now() - start > driveMs) {
        clearInterval(timer);
        window.driveDone = true;
      }
    }, everyMs);
  }, { driveMs: DRIVE_MS, everyMs: EVERY_MS });
  // Polled while the slider moves: the alarm must not be on screen at any poll either.
  for (;;) {
    assert.equal(await page.locator('.status[data-status="stalled"]').count(), 0, 'alarm while driving');
    if (await page.evaluate(() => window.driveDone === true)) break;
    await page.waitForFunction(() => window.driveDone || window.stalledSeen > 0, null, { timeout: 1000, polling: 100 })
      .catch(() => {});
  }
  assert.equal(await page.evaluate(() => window.stalledSeen), 0, 'the alarm never showed');
  // The page asks for 20 a second; a busy main thread (the charts redrawn after each change)
  // runs fewer, so only a steady drive is required: at least one change a second.
  const changes = await page.evaluate(() => window.changes);
  assert.ok(changes >= DRIVE_MS / 1000, `only ${changes} changes were made`);
  // Once the slider rests, the last setting's futures come in, and still no alarm.
  await waitDone(page, { timeout: 180000 });
  assert.equal(await page.evaluate(() => window.stalledSeen), 0, 'the alarm never showed');
});
