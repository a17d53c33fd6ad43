// Labels and the projector, measured in real Chromium: no two texts of a chart overlap (the
// boxes the browser draws: the simulator's charts, each story step while it plays and after a
// guess, play stops and the debrief) on a phone, a laptop and a projector in both languages; on
// a 1920x1080 projector the story's steps, a play stop and the debrief each fit one screen, and
// the story, play, debrief, simulator and class page are read at 24 px with chart text at 22;
// the class ranking's chart, with the whole class page on one projector screen; and the Trust
// chart on screen at a crisis stop.
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
    app.test(`no two chart labels overlap at ${at}: simulator, story steps, play stops, debrief`, async ({ page, open }) => {
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
        }
        await noOverlaps(page, `${at} story step ${i}`);
        if (i === 0 || i === 5) await checkWhilePlaying(page, `${at} story step ${i}`);
      }
      for (const stop of [40, 91]) {
        await open(`?lang=${lang}&${GAME}&play=${stop}`);
        await page.locator('.game-charts .chart[data-chart]:not(.stale)').first().waitFor();
        await noOverlaps(page, `${at} play stop ${stop}`);
      }
      await open(`?lang=${lang}&${GAME}&c=92b3000i80&play=730`);
      await page.locator('.debrief-table tbody tr').first().waitFor({ timeout: 30000 });
      await noOverlaps(page, `${at} debrief`);
    }, { viewport });
  }
}

// Five teams, as a trainer pastes them (the links read the same way as codes).
const CLASS = encodeURIComponent([
  'Red: ?b=4000&p=7&r=90&i=90',
  'Blue: ?b=300&p=3&r=20&i=10&play=730',
  'Green: ?b=1500&p=5&r=60&i=60&c=92b3000',
  'Amber: ?b=8000&p=14&r=80&i=70',
  'Grey: ?b=1000&p=2&r=30&i=40&play=730&c=127b0p0',
].join('\n'));

for (const lang of ['en', 'sv']) {
  app.test(`the class ranking is drawn as a chart, one mark per team in ranking order (${lang})`, async ({ page, open }) => {
    await open(`?lang=${lang}&class=${CLASS}`);
    await page.waitForSelector('.class-table tbody tr', { timeout: 30000 });
    const table = await page.$$eval('.class-table tbody tr', (rows) => rows.map((r) => r.dataset.team));
    const marks = await page.$$eval('.class-chart .class-mark', (g) => g.map((m) => m.dataset.team));
    assert.equal(table.length, 5);
    assert.deepEqual(marks, table, 'one mark per team, in the ranking order');
    // Medians fall down the ranking, and each dot sits inside its team's band.
    const rows = await page.$$eval('.class-chart .class-mark', (g) => g.map((m) => {
      const band = m.querySelector('.class-band').getBoundingClientRect();
      const dot = m.querySelector('.class-median').getBoundingClientRect();
      return { median: Number(m.dataset.median), band, dot: dot.left + dot.width / 2 };
    }));
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i].median <= rows[i - 1].median, `row ${i}`);
    for (const r of rows) assert.ok(r.dot >= r.band.left - 1 && r.dot <= r.band.right + 1);
    // A text alternative names every team with its median, and the picture takes the focus.
    const said = await page.locator('.class-chart svg').getAttribute('aria-label');
    for (const team of table) assert.ok(said.includes(`${team}: median`), said);
    await page.locator('.class-chart svg').focus();
    assert.equal(await page.evaluate(() => document.activeElement.closest('.class-chart') !== null), true);
    // Beside the table on a projector, not below it.
    const t = await page.locator('.class-table').boundingBox();
    const c = await page.locator('.class-chart').boundingBox();
    assert.ok(c.x >= t.x + t.width - 1 && c.y < t.y + t.height, 'the chart is beside the table');
    await noOverlaps(page, `class ${lang}`);
    // The whole page on one screen: the ranking, its chart, the pairwise table, the team list
    // and the export buttons, with nothing to scroll.
    const m = await fitsScreen(page);
    assert.ok(m.fits, `class ${lang}: the page is ${m.width}x${m.height}`);
    const parts = await page.$$eval('.class-results > h2, .class-table, .class-chart, .pairwise, .class-teams, .class-settings, .export-class-png',
      (els) => els.map((e) => [e.className || e.tagName, Math.round(e.getBoundingClientRect().bottom)]));
    assert.equal(parts.length, 7, JSON.stringify(parts));
    for (const [what, bottom] of parts) assert.ok(bottom <= 1080, `class ${lang}: ${what} ends at y = ${bottom}`);
  }, { viewport: PROJECTOR });
}

for (const lang of ['en', 'sv']) {
  app.test(`on a 1920x1080 projector each story step fits, its text is 24 px, its chart fills its card (${lang})`, async ({ page, open }) => {
    for (let i = 0; i < steps.length; i++) {
      await openStep(page, open, lang, i);
      const m = await page.evaluate(() => {
        const px = (el) => parseFloat(getComputedStyle(el).fontSize);
        const svgText = [...document.querySelectorAll('.story .chart svg.pickable, .story .chart[data-chart] svg, .story .chart.weekly svg')].flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].map((t) => px(t) * scale);
        });
        const room = [...document.querySelectorAll(`.story .point, .story .readout, .story .verdict, .story-levers, .story-legend,
          .story .question, .story-nav button, .story .patience .lead, .story .milestone-card h4,
          .story .milestone-card p:not(.small-print), .story .break-even, .story .weekly .chart-title`)];
        const foot = document.querySelector('.story-foot').getBoundingClientRect();
        const question = document.querySelector('.predict .question')?.getBoundingClientRect();
        const cards = [...document.querySelectorAll('.story-charts:not(.two) .chart[data-chart]')].map((c) =>
          c.querySelector('svg').getBoundingClientRect().width / c.getBoundingClientRect().width);
        return {
          height: document.documentElement.scrollHeight,
          hint: document.querySelector('.story .hint').getBoundingClientRect().bottom,
          smallestSvg: Math.min(...svgText), smallestText: Math.min(...room.map(px)),
          questionClear: !question || question.bottom <= foot.top, cards,
        };
      });
      const at = `${lang} step ${i}`;
      assert.ok(m.height <= 1080, `${at}: the page is ${m.height} px tall`);
      assert.ok(m.hint <= 1080, `${at}: "Space or → next" at y = ${m.hint}`);
      assert.ok(m.questionClear, `${at}: the question is under the navigation bar`);
      assert.ok(m.smallestText >= 24, `${at}: text of ${m.smallestText} px`);
      assert.ok(m.smallestSvg >= 22, `${at}: chart text of ${m.smallestSvg.toFixed(1)} px`);
      for (const share of m.cards) assert.ok(share >= 0.9, `${at}: the chart fills ${Math.round(share * 100)} % of its card`);
    }
  }, { viewport: PROJECTOR });
}

for (const viewport of [LAPTOP, PROJECTOR]) {
  app.test(`at a crisis stop the Trust chart, where the crisis shows, is on screen (${viewport.width}x${viewport.height})`, async ({ page, open }) => {
    await open(`?lang=en&${GAME}&play=40`);
    await page.locator('.game-charts .chart[data-chart]:not(.stale)').first().waitFor();
    assert.match(await page.locator('.stop-reasons').innerText(), /crisis/);
    const trust = await page.evaluate(() => {
      const svg = document.querySelector('.game-charts .chart[data-chart="trust"] svg').getBoundingClientRect();
      return { top: svg.top, bottom: svg.bottom, height: innerHeight, first: document.querySelector('.game-charts .chart[data-chart]').dataset.chart };
    });
    assert.equal(trust.first, 'trust', 'Trust is the first chart at a crisis');
    assert.ok(trust.top >= 0 && trust.bottom <= trust.height, `the Trust chart spans y = ${trust.top}–${trust.bottom}`);
    // A stop without a crisis keeps Leads first.
    await open(`?lang=en&${GAME}&play=91`);
    await page.locator('.game-charts .chart[data-chart]:not(.stale)').first().waitFor();
    assert.doesNotMatch(await page.locator('.stop-reasons').innerText(), /crisis/);
    assert.equal(await page.locator('.game-charts .chart[data-chart]').first().getAttribute('data-chart'), 'leads');
  }, { viewport });
}

/** The on-screen size (px) of every text in the SVG charts that `selector` finds: its CSS size
 * times the drawing's scale. */
const svgTextSizes = (page, selector) => page.$$eval(selector, (svgs) => svgs
  .filter((svg) => svg.getClientRects().length)
  .flatMap((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const chart = svg.closest('[data-chart]')?.dataset.chart ?? svg.closest('figure')?.className;
    return [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim())
      .map((t) => ({ chart, text: t.textContent.trim(), px: Math.round(parseFloat(getComputedStyle(t).fontSize) * scale * 10) / 10 }));
  }));

/** Ticks and chart labels at least 22 px on screen. */
async function ticksReadable(page, selector, where, least) {
  const sizes = await svgTextSizes(page, selector);
  assert.ok(sizes.length >= least, `${where}: ${sizes.length} chart texts found`);
  assert.deepEqual(sizes.filter((s) => s.px < 22), [], `${where}: chart text under 22 px`);
}

/** The page fits the window: nothing to scroll, down or sideways. */
const fitsScreen = (page) => page.evaluate(() => ({
  height: document.scrollingElement.scrollHeight, width: document.scrollingElement.scrollWidth,
  fits: document.scrollingElement.scrollHeight <= innerHeight && document.scrollingElement.scrollWidth <= innerWidth,
}));

/** The computed font sizes (px) of the shown elements that `selector` finds. */
const fontSizes = (page, selector) => page.$$eval(selector, (els) => els
  .filter((e) => e.getClientRects().length && e.textContent.trim())
  .map((e) => ({ text: e.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(e).fontSize) })));

const STOP_TEXT = `.game-side h2, .stop-reasons li, .game-facts dt, .game-facts dd, .decision h3, .game-lever label,
  .game-lever .lever-value, .decision-buttons button, .game-legend li, .game-charts .band-meaning, .game-charts .chart-title, .game-charts .readout`;
const DEBRIEF_TEXT = `.debrief-main h2, .debrief-main .ending, .debrief-main .company-standing, .debrief-main .pays-back, .debrief-table caption,
  .debrief-table th, .debrief-table td, .path-chart .chart-title, .path-legend li`;

for (const lang of ['en', 'sv']) {
  app.test(`on a 1920x1080 projector the play stop's panel and the debrief are read at 24 px (${lang})`, async ({ page, open }) => {
    const check = async (selector, where, least) => {
      const sizes = await fontSizes(page, selector);
      assert.ok(sizes.length >= least, `${where}: ${sizes.length} texts found`);
      assert.deepEqual(sizes.filter((s) => s.px < 24), [], `${where}: text under 24 px`);
    };
    await open(`?lang=${lang}&${GAME}&play=40`);
    await page.locator('.game-charts .chart[data-chart]:not(.stale)').first().waitFor();
    await check(STOP_TEXT, `${lang} play stop 40`, 15);
    await ticksReadable(page, '.game-charts .chart svg', `${lang} play stop 40`, 20);
    // The decision's buttons stay on screen beside the levers.
    const go = await page.locator('.decision-buttons .play-go').boundingBox();
    assert.ok(go.y + go.height <= 1080, `"Keep going" at y = ${go.y + go.height}`);
    await open(`?lang=${lang}&${GAME}&c=92b3000i80&play=730`);
    await page.locator('.debrief-table tbody tr').first().waitFor({ timeout: 30000 });
    await check(DEBRIEF_TEXT, `${lang} debrief`, 20);
    await ticksReadable(page, '.path-chart svg', `${lang} debrief`, 4);
  }, { viewport: PROJECTOR });

  app.test(`on a 1920x1080 projector a play stop and the debrief each fit one screen (${lang})`, async ({ page, open }) => {
    for (const stop of [40, 91]) {
      await open(`?lang=${lang}&${GAME}&play=${stop}`);
      await page.locator('.game-charts .chart[data-chart]:not(.stale)').first().waitFor();
      const m = await fitsScreen(page);
      assert.ok(m.fits, `${lang} play stop ${stop}: the page is ${m.width}x${m.height}`);
      // Both charts, the levers and the decision are wholly on it.
      const boxes = await page.$$eval('.game-charts .chart[data-chart], .game-lever, .decision-buttons button', (els) =>
        els.map((e) => [e.dataset.chart ?? e.dataset.lever ?? e.textContent, Math.round(e.getBoundingClientRect().bottom)]));
      assert.equal(boxes.length, 8, JSON.stringify(boxes));
      for (const [what, bottom] of boxes) assert.ok(bottom <= 1080, `${lang} stop ${stop}: ${what} ends at y = ${bottom}`);
    }
    await open(`?lang=${lang}&${GAME}&c=92b3000i80&play=730`);
    await page.locator('.debrief-table tbody tr').first().waitFor({ timeout: 30000 });
    await page.locator('.debrief > .why').waitFor();
    const m = await fitsScreen(page);
    assert.ok(m.fits, `${lang} debrief: the page is ${m.width}x${m.height}`);
    // The "why" column, for the players, scrolls on its own: reachable by keyboard, and named.
    const why = page.locator('.debrief > .why');
    assert.equal(await why.getAttribute('tabindex'), '0');
    assert.match(await page.getByRole('region', { name: /Why did this happen|Varför/ }).innerText(), /Why did this happen|Varför/);
    await why.focus();
    const before = await why.evaluate((e) => e.scrollTop);
    await page.keyboard.press('PageDown');
    await page.waitForFunction((b) => document.querySelector('.debrief > .why').scrollTop > b, before);
  }, { viewport: PROJECTOR });
}

const SIM_TEXT = `.masthead h1, .tagline, .presets label, .presets .meaning, .lever-head label, .lever .meaning,
  .results-head .status, .chart-title, .readout, .chart-legend li, .bands-explain, .payoff h2, .payoff-verdict,
  .results h2, .patience .lead, .milestone-card h4, .milestone-card p, .weekly .legend li, .break-even`;
const CLASS_TEXT = `.class h2, .class-table caption, .class-table th, .class-table td, .class-chart figcaption,
  .class-chart-key, .pairwise caption, .pairwise th, .pairwise td`;

for (const lang of ['en', 'sv']) {
  app.test(`on a 1920x1080 projector the simulator and the class page are read at 24 px, chart text at 22 (${lang})`, async ({ page, open }) => {
    const check = async (selector, where, least) => {
      const sizes = await fontSizes(page, selector);
      assert.ok(sizes.length >= least, `${where}: ${sizes.length} texts found`);
      assert.deepEqual(sizes.filter((s) => s.px < 24), [], `${where}: text under 24 px`);
    };
    await open(`?lang=${lang}&n=100`);
    await waitDone(page);
    await page.locator('.patience .chart.weekly > svg').waitFor();
    await check(SIM_TEXT, `${lang} simulator`, 40);
    const values = await page.$$eval('.lever .typed', (els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    assert.ok(values.length >= 4 && values.every((px) => px >= 24), `the levers' values: ${values}`);
    await ticksReadable(page, '.chart svg', `${lang} simulator`, 80);
    await open(`?lang=${lang}&class=${CLASS}`);
    await page.waitForSelector('.class-table tbody tr', { timeout: 30000 });
    await check(CLASS_TEXT, `${lang} class`, 30);
    await ticksReadable(page, '.class-chart svg', `${lang} class`, 8);
    const names = await svgTextSizes(page, '.class-chart svg');
    assert.deepEqual(names.filter((n) => n.px < 24 && /[A-Za-z]/.test(n.text)), [], 'team names under 24 px');
  }, { viewport: PROJECTOR });
}
