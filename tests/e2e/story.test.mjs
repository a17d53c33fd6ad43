// Trainer mode in a real Chromium: keyboard navigation, every default step, predict first,
// play the year, and stories loaded from a file and from a link.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, textOf, waitDone, afterChange, queryOf, PROJECTOR, LAPTOP } from './helpers.mjs';

const app = useApp();
const defaultStory = JSON.parse(await readFile(new URL('../../stories/default.json', import.meta.url)));
const stepShown = (page) => page.locator('.story').getAttribute('data-story-step').then(Number);
/** Waits until step `n` is shown (a key press re-renders on the next frame, not at once). */
const untilStep = (page, n) => page.waitForFunction(
  (n) => Number(document.querySelector('.story')?.dataset.storyStep) === n, n, { timeout: 5000 });

app.test('the default story walks by keyboard through all its steps, each rendering its view', async ({ open, page }) => {
  await open();
  await page.click('.start-story');
  await page.locator('.story[data-story-step="0"]').waitFor();
  for (let i = 0; i < defaultStory.steps.length; i++) {
    const step = defaultStory.steps[i];
    assert.equal(await stepShown(page), i);
    assert.equal(await textOf(page, '.step-title'), step.title.en);
    assert.equal(await textOf(page, '.point'), step.point.en);
    assert.equal(new URLSearchParams(await queryOf(page)).get('step'), i ? String(i) : null);
    await waitDone(page);
    if (step.view === 'patience') {
      await page.locator('.story .patience').waitFor();
    } else {
      const charts = ['vanity_vs_outcome', 'leads_and_trust'].includes(step.view) ? 2 : 1;
      assert.equal(await page.locator('.story .chart[data-chart]').count(), charts, `step ${i}`);
    }
    if (step.compare) await page.locator('.story .median-a').first().waitFor({ state: 'attached' }); // a flat line (never started) has no height
    // Every step fits a 1080p projector: the way on is on screen without scrolling.
    assert.ok(await page.evaluate(() => document.querySelector('.story-nav').getBoundingClientRect().bottom <= innerHeight),
      `step ${i}: the navigation is below the fold`);
    if (step.predict) {
      // Predict first: nothing is revealed until the room commits a guess.
      assert.equal(await page.locator('.story .median').count(), 1);
      await page.keyboard.press('Space');
      assert.equal(await stepShown(page), i, 'Space without a guess must not skip the prediction');
      const box = await page.locator('.story svg.pickable').boundingBox();
      await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
      await page.keyboard.press('Space');
      await page.locator('.verdict').waitFor();
      assert.match(await textOf(page, '.verdict'), /Your guess: [\d,]+\. Simulated median on day 365: [\d,]+ — off by [+−-]?\d+%/);
      assert.equal(await page.locator('.story .guess circle').count(), 1);
      // On a 1080p projector the verdict, the fan and the way on are all on screen, unscrolled.
      const below = await page.evaluate(() => ['.verdict', '.story .chart svg', '.story-nav']
        .filter((sel) => document.querySelector(sel).getBoundingClientRect().bottom > innerHeight));
      assert.deepEqual(below, [], 'below the fold on a projector');
    }
    if (i + 1 < defaultStory.steps.length) await page.keyboard.press(i % 2 ? 'ArrowRight' : 'Space');
  }
  await page.keyboard.press('ArrowLeft');
  await untilStep(page, defaultStory.steps.length - 2);
  await page.keyboard.press('Home');
  await untilStep(page, 0);
  await page.keyboard.press('Escape');
  await page.locator('.layout').waitFor();
  assert.equal(new URLSearchParams(await queryOf(page)).get('story'), null);
}, { viewport: PROJECTOR });

app.test('the room can drag its guess on the chart, nudge it with the arrow keys, or type it', async ({ open, page }) => {
  await open('?story=default&step=1');
  await waitDone(page);
  // The top of the axis while guessing, against after the reveal: it must not give the answer away.
  // Ticks read "6,000", or "15k" and "1.5M" once the largest reaches 10,000.
  const topTick = () => page.$$eval('.story .chart[data-chart="leads"] g.tick text',
    (ts) => Math.max(...ts.map((t) => {
      const label = t.textContent.trim();
      const scale = label.endsWith('M') ? 1e6 : label.endsWith('k') ? 1e3 : 1;
      return Number(label.replace(/[^\d.]/g, '')) * scale;
    })));
  const guessingTop = await topTick();
  const svg = page.locator('.story svg.pickable');
  const guessed = async () => Number(await page.locator('.guess-input').inputValue());
  const box = await svg.boundingBox();
  const x = box.x + box.width * 0.6;
  await page.mouse.move(x, box.y + box.height * 0.3);
  await page.mouse.down();
  const high = await guessed();
  await page.mouse.move(x, box.y + box.height * 0.6, { steps: 5 });
  await page.mouse.up();
  const dragged = await guessed();
  assert.ok(high > 0 && dragged < high, `dragging down lowers the guess: ${high} → ${dragged}`);
  await svg.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.ok(await guessed() > dragged, 'ArrowUp raises the guess');
  await page.fill('.guess-input', '250');
  await page.press('.guess-input', 'Enter'); // Enter reveals, as a form would
  assert.match(await textOf(page, '.verdict'), /Your guess: 250\./);
  assert.ok(guessingTop > 1.5 * await topTick(), `axis top while guessing ${guessingTop}, after the reveal ${await topTick()}`);
}, { viewport: PROJECTOR });

app.test('a step that asks the room shows the levers and hides the fan until the reveal', async ({ open, page }) => {
  const story = {
    format: 'longgame-story/1', title: 'Workshop',
    steps: [
      { title: 'Your plan', point: 'Agree on the levers.', ask_room: true, view: 'leads' },
      { title: 'The end', point: 'Done.', view: 'followers' },
    ],
  };
  await open('?n=100&story=' + encodeURIComponent(JSON.stringify(story)));
  await waitDone(page);
  await page.locator('.story .ask-room').waitFor();
  const shown = () => page.locator('.story .chart[data-chart="leads"]').getAttribute('data-shown');
  assert.equal(await shown(), '0', 'nothing is revealed before the room has decided');
  // The room sets buy-in to the top by keyboard; the keys move the slider, not the story.
  await afterChange(page, async () => {
    await page.locator('.story [data-lever="buy_in"] input[type="range"]').focus();
    await page.keyboard.press('End');
  });
  assert.equal(new URLSearchParams(await queryOf(page)).get('i'), '100');
  assert.equal(await stepShown(page), 0);
  assert.equal(await shown(), '0');
  await page.getByRole('button', { name: 'Reveal →' }).click();
  assert.equal(await shown(), '730');
  assert.match(await textOf(page, '.story-levers'), /buy-in 100/);
  assert.equal(await stepShown(page), 0, 'the reveal stays on the step');
  await page.keyboard.press('Space');
  await page.locator('.story[data-story-step="1"]').waitFor();
}, { viewport: PROJECTOR });

app.test('a story step reveals only up to its day, and play the year animates it', async ({ open, page }) => {
  await open('?story=default');
  await waitDone(page);
  assert.equal(await page.locator('.story .day-counter').getAttribute('data-day'), '30');
  assert.equal(await page.locator('.story .reveal-day').textContent(), 'day 30');
  await page.click('.story .player .play');
  await page.waitForFunction(() => Number(document.querySelector('.day-counter').dataset.day) > 60);
  await page.click('.story .player .play'); // pause
  await page.locator('.story .player .play', { hasText: 'Play' }).waitFor();
  const paused = Number(await page.locator('.day-counter').getAttribute('data-day'));
  // The player says when its timer has stopped; the day shown then is the paused one.
  await page.locator('.story .player[data-ticking="false"]').waitFor();
  assert.equal(Number(await page.locator('.day-counter').getAttribute('data-day')), paused);
  await page.click('text=+1 week');
  assert.equal(Number(await page.locator('.day-counter').getAttribute('data-day')), paused + 7);
  await page.click('text=Show all');
  assert.equal(await page.locator('.story .reveal-day').count(), 0);
});

app.test('play the year in the main app shows the crises as they happen', async ({ open, page }) => {
  await open('?cd=40&r=10&i=20&n=60');
  await waitDone(page);
  await page.locator('.toggle input').check();
  await page.click('text=+1 week'); // day 7: before the crisis
  assert.equal(await page.locator('.chart[data-chart="followers"] .crisis').count(), 0);
  for (let i = 0; i < 5; i++) await page.click('text=+1 week'); // day 42
  assert.ok(await page.locator('.chart[data-chart="followers"] .crisis').count() >= 8);
});

const story = {
  format: 'longgame-story/1',
  title: 'Our board meeting',
  steps: [
    { title: 'Where we are', point: 'A small budget and a patient boss.', set: { budget: 800, buy_in: 85 }, view: 'followers' },
    { title: 'What the board fears', point: 'Cutting at the first review.', preset: 'half-hearted', view: 'leads', day: 90 },
  ],
};

app.test('a story loaded from a file runs, and a malformed one is rejected by name', async ({ open, page }) => {
  await open('?n=50');
  const input = page.locator('.story-file');
  const bad = { ...story, steps: [{ ...story.steps[0], set: { budget: -5 } }] };
  await input.setInputFiles({ name: 'bad-story.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.locator('.trainer .panel-message', { hasText: /Could not load bad-story\.json: steps\[0\]\.set: levers\.budget is −5, but must be between 0 and 100,000/ }).waitFor();
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "longgame-story/1", "title": "x"}') });
  await page.locator('.trainer .panel-message', { hasText: /Could not load broken\.json: missing field `steps`/ }).waitFor();
  await input.setInputFiles({ name: 'board.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(story)) });
  await page.locator('.story').waitFor();
  assert.equal(await textOf(page, '.story-title'), 'Our board meeting');
  assert.equal(new URLSearchParams(await queryOf(page)).get('b'), '800');
  // The link carries the whole story: opening it elsewhere shows the same step.
  await page.keyboard.press('ArrowRight');
  await page.locator('.story[data-story-step="1"]').waitFor();
  const link = page.url();
  const other = await page.context().newPage();
  await other.goto(link);
  await other.locator('.story[data-story-step="1"]').waitFor();
  assert.equal(await textOf(other, '.step-title'), 'What the board fears');
});

app.test('a malformed story in a link is reported and the app falls back to the simulator', async ({ open, page }) => {
  await open('?story=' + encodeURIComponent('{"format": "longgame-story/1", "title": "x", "steps": [{"title": "a", "point": "b", "view": "likes"}]}'));
  await page.locator('.notices', { hasText: /The story could not be loaded: steps\[0\]\.view: unknown variant `likes`/ }).waitFor();
  await page.locator('.layout').waitFor();
  await waitDone(page);
  assert.equal(new URLSearchParams(await queryOf(page)).get('story'), null);
});

app.test('the story follows the language: Swedish text with lang=sv', async ({ open, page }) => {
  await open('?story=default&lang=sv&step=1');
  await page.locator('.story[data-story-step="1"]').waitFor();
  assert.equal(await textOf(page, '.step-title'), defaultStory.steps[1].title.sv);
  assert.equal(await textOf(page, '.point'), defaultStory.steps[1].point.sv);
});

/** The focused element's class and text, for asserting where focus went. */
const focused = (page) => page.evaluate(() => ({ cls: document.activeElement.className, text: document.activeElement.textContent }));

app.test('trainer keys: Space presses the focused button, focus lands on each step heading', async ({ open, page }) => {
  await open('?story=default');
  await waitDone(page);
  // Space on the chart's Table button opens the table and stays on the step.
  const table = page.locator('.story .chart').first().getByRole('button', { name: 'Table' });
  await table.focus();
  await page.keyboard.press('Space');
  await page.locator('.story .chart table').waitFor();
  assert.equal(await stepShown(page), 0, 'Space on a focused button moved to the next slide');
  // Space on Play starts the year and stays; Space again on the same button pauses.
  const play = page.getByRole('button', { name: /Play/ });
  await play.focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: /Pause/ }).waitFor();
  assert.equal(await stepShown(page), 0);
  // → moves on and focus goes to the new step's heading, not the page body.
  await page.keyboard.press('ArrowRight');
  await page.locator('.story[data-story-step="1"]').waitFor();
  const f = await focused(page);
  assert.match(f.cls, /step-title/);
  assert.equal(f.text, defaultStory.steps[1].title.en);
});

app.test('on a predict step the keys say why they wait, and Enter in the guess box reveals', async ({ open, page }) => {
  await open('?story=default&step=1');
  await waitDone(page);
  for (const key of ['ArrowRight', 'Space']) {
    await page.keyboard.press(key);
    assert.equal(await stepShown(page), 1);
  }
  const why = page.locator('.story-why');
  assert.equal(await why.getAttribute('aria-live'), 'polite');
  assert.match(await why.innerText(), /First your guess: click the chart or type a number/);
  assert.ok(await why.isVisible());
  const box = page.locator('.guess-input');
  await box.fill('40');
  await box.press('Enter');
  await page.locator('.verdict').waitFor();
  assert.match(await textOf(page, '.verdict'), /Your guess: 40\./);
  assert.match((await focused(page)).cls, /step-title/, 'focus after the reveal is on the heading');
  await open('?story=default&step=1&lang=sv');
  await page.keyboard.press('ArrowRight');
  assert.match(await textOf(page, '.story-why'), /Gissa först/);
});

app.test('the last step leads to an end screen with a way back and on', async ({ open, page }) => {
  await open('?story=default');
  await waitDone(page);
  await page.keyboard.press('End');
  await page.locator(`.story[data-story-step="${defaultStory.steps.length - 1}"]`).waitFor();
  assert.equal(await textOf(page, '.story-next'), 'Finish →');
  await page.keyboard.press('Space');
  await page.locator('.story[data-story-end]').waitFor();
  assert.equal(await textOf(page, '.step-title'), 'That was the story');
  assert.match((await focused(page)).cls, /step-title/);
  await page.keyboard.press('ArrowLeft');
  await page.locator('.story:not([data-story-end])').waitFor();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Open the simulator' }).click();
  await page.locator('.layout').waitFor();
});

app.test('at 1366 × 768 and 1920 × 1080 every step shows its Back / Next bar and a header that does not collide', async ({ open, page }) => {
  for (const size of [LAPTOP, PROJECTOR]) {
    await page.setViewportSize(size);
    for (const lang of ['en', 'sv']) {
      await open(`?story=default&lang=${lang}&n=100`);
      for (let i = 0; i < defaultStory.steps.length; i++) {
        const at = `${size.width} × ${size.height} ${lang} step ${i}`;
        await page.locator(`.story[data-story-step="${i}"]`).waitFor();
        await waitDone(page);
        const nav = await page.locator('.story-nav').boundingBox();
        assert.ok(nav.y >= 0 && nav.y + nav.height <= size.height, `${at}: the navigation spans ${nav.y}–${nav.y + nav.height}`);
        const scrolled = await page.evaluate(() => window.scrollY);
        assert.equal(scrolled, 0, `${at}: the page scrolled to show the step`);
        const count = await page.locator('.story-count').boundingBox();
        const language = await page.locator('.story-head .lang-switch').boundingBox();
        const apart = count.x + count.width <= language.x || language.y >= count.y + count.height;
        assert.ok(apart, `${at}: the step count runs into the language switch`);
        if (defaultStory.steps[i].predict) {
          await page.locator('.guess-input').fill('10');
          await page.locator('.guess-input').press('Enter');
          await page.locator('.verdict').waitFor();
          const after = await page.locator('.story-nav').boundingBox();
          assert.ok(after.y + after.height <= size.height, `${at}: after the reveal the navigation ends at ${after.y + after.height}`);
        }
        if (i + 1 < defaultStory.steps.length) await page.keyboard.press('ArrowRight');
      }
    }
  }
}, { viewport: LAPTOP });

/** A story of `steps` steps in two languages, each with text of its own (as a trainer writes). */
function longStory(steps) {
  let x = 7;
  const word = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + ((x = (x * 1103515245 + 12345) % 2147483648) % 26))).join('');
  return {
    format: 'longgame-story/1',
    title: { en: 'Our long workshop', sv: 'Vår långa workshop' },
    steps: Array.from({ length: steps }, (_, i) => {
      const step = defaultStory.steps[i % defaultStory.steps.length];
      return {
        ...step,
        title: { en: `Step ${i + 1}: ${word()} and ${word()}`, sv: `Steg ${i + 1}: ${word()} och ${word()}` },
        point: { en: `${step.point.en} Ask ${word()} about ${word()}.`, sv: `${step.point.sv} Fråga ${word()} om ${word()}.` },
      };
    }),
  };
}

app.test('a 14-step story travels in a compact link our server accepts; an old JSON link still opens', async ({ open, page }) => {
  const story = longStory(14);
  const text = JSON.stringify(story, null, 2);
  const raw = `?story=${encodeURIComponent(text)}`;
  assert.ok(raw.length > 16000, `the story as raw JSON makes a ${raw.length}-character link`);
  await open('?n=50');
  await page.locator('.story-file').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.locator('.story').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.locator('.story[data-story-step="1"]').waitFor();
  const code = new URLSearchParams(await queryOf(page)).get('story');
  assert.ok(code.startsWith('1.') && code.length <= 7500, `the story takes ${code.length} characters`);
  assert.ok(code.length * 2.5 < raw.length, `${code.length} characters against ${raw.length} as raw JSON`);
  assert.ok(page.url().length < 8000, `the link is ${page.url().length} characters`);
  const other = await page.context().newPage();
  const response = await other.goto(page.url());
  assert.equal(response.status(), 200);
  await other.locator('.story[data-story-step="1"]').waitFor();
  assert.equal(await textOf(other, '.step-title'), story.steps[1].title.en);
  assert.equal(await textOf(other, '.story-count'), 'Step 2 of 14');
  // A link from before the compact codec, with the JSON itself.
  const short = { ...story, steps: story.steps.slice(0, 2) };
  await open(`?story=${encodeURIComponent(JSON.stringify(short))}&step=1&lang=sv`);
  await page.locator('.story[data-story-step="1"]').waitFor();
  assert.equal(await textOf(page, '.step-title'), short.steps[1].title.sv);
});

app.test('a story over the link budget says so and offers its file; a damaged link is explained', async ({ open, page }) => {
  const story = longStory(100);
  await open('?n=50&lang=sv');
  await page.locator('.story-file').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(story, null, 2)) });
  const note = page.locator('.story-link-note');
  await note.waitFor();
  assert.match(await note.innerText(), /för lång för en länk \([\d\u00a0]+ tecken; högst 7\u00a0500\)/);
  assert.equal(new URLSearchParams(await queryOf(page)).get('story'), null, 'the address holds only the step');
  const [file] = await Promise.all([page.waitForEvent('download'), note.getByRole('button', { name: 'Ladda ner berättelsefilen' }).click()]);
  const saved = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.deepEqual(saved, story, 'the file is the story');
  await open('?story=1.AAAA-broken&step=2');
  await page.locator('.notices', { hasText: 'the story in the link is damaged or cut short' }).waitFor();
  await page.locator('.layout').waitFor();
}, { expectErrors: false });

app.test('a story file that is not UTF-8 (Latin-1) is refused naming the problem, in English and Swedish', async ({ open, page }) => {
  const swedish = { ...story, title: 'Vi har öppnat', steps: [{ ...story.steps[0], title: 'Så här' }] };
  const latin1 = Buffer.from(JSON.stringify(swedish), 'latin1');
  for (const [lang, message] of [
    ['en', /Could not load latin1\.json: the file cannot be read as UTF-8 text/],
    ['sv', /latin1\.json.*filen kan inte läsas som UTF-8-text/],
  ]) {
    await open(`?n=50&lang=${lang}`);
    await page.locator('.story-file').setInputFiles({ name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
    await page.locator('.trainer .panel-message', { hasText: message }).waitFor();
    assert.equal(await page.locator('.story').count(), 0, 'no story with "�" in it');
  }
});

/** Texts in the story's charts that the room's guess mark (its circle) sits on. */
const onTheGuess = (page) => page.$$eval('.story .chart svg', (svgs) => svgs.flatMap((svg) => {
  const mark = svg.querySelector('.guess circle')?.getBoundingClientRect();
  if (!mark) return [];
  return [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).flatMap((t) => {
    const r = t.getBoundingClientRect();
    const w = Math.min(r.right, mark.right) - Math.max(r.left, mark.left);
    const h = Math.min(r.bottom, mark.bottom) - Math.max(r.top, mark.top);
    return w > 1 && h > 1 ? [`"${t.textContent}" (${w.toFixed(1)}x${h.toFixed(1)} px)`] : [];
  });
}));

for (const viewport of [{ width: 390, height: 844 }, LAPTOP, PROJECTOR]) {
  app.test(`the guess mark never sits on a label, from the bottom of the axis to its top (${viewport.width} px)`, async ({ open, page }) => {
    for (const lang of ['en', 'sv']) {
      await open(`?story=default&lang=${lang}&step=1`);
      await page.locator('.story[data-story-step="1"]').waitFor();
      await waitDone(page);
      const input = page.locator('.story .guess-input');
      // By keyboard on the chart, a tenth of the axis a press: down to its bottom, then up past
      // its top (where the milestones' labels are, at the predicted day's own line).
      await page.locator('.story svg.pickable').focus();
      for (const key of [...Array(6).fill('Shift+ArrowDown'), ...Array(10).fill('Shift+ArrowUp')]) {
        const before = await input.inputValue();
        await page.keyboard.press(key);
        await page.waitForFunction((b) => {
          const v = document.querySelector('.story .guess-input').value;
          return v !== b || v === '0'; // at the bottom it stays 0
        }, before);
        await page.locator('.story .guess circle').waitFor({ state: 'attached' });
        assert.deepEqual(await onTheGuess(page), [], `${lang}, guessing ${await input.inputValue()}: labels on the guess mark`);
      }
      // Revealed, with a guess above every future: the mark at the top of the plot.
      await input.fill('50000');
      await input.press('Enter');
      await page.locator('.verdict').waitFor();
      await page.locator('.story .guess circle').waitFor();
      assert.deepEqual(await onTheGuess(page), [], `${lang}, revealed: labels on the guess mark`);
    }
  }, { viewport });
}
