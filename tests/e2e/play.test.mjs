// Play mode and class mode, by keyboard, in real Chromium: a game played to the end through a
// crisis and a management review, its link replaying the same game, and a class of teams
// ranked on the same futures with a mistyped code refused by name; the band of futures still
// possible starts as the simulator's and narrows as the player sees more.
import assert from 'node:assert/strict';
import { useApp, textOf, PROJECTOR, recordPerf } from './helpers.mjs';

const { test } = useApp();

/** Presses a button as a keyboard user: focus it, then Enter. */
async function press(page, selector) {
  await page.locator(selector).focus();
  await page.keyboard.press('Enter');
}

/** The day the game has reached. */
const gameDay = async (page) => Number(await page.locator('.game-page').getAttribute('data-game-day'));

/** Starts a game from the simulator's trainer panel, by keyboard. */
async function startGame(page) {
  await press(page, 'button.start-game');
  await page.waitForSelector('.game-page[data-game-day="0"]');
}

/** Goes on to the next stop (the current levers, or the changed ones) and waits for it. */
async function goOn(page) {
  const before = await gameDay(page);
  await press(page, 'button.play-go');
  await page.waitForFunction((d) => {
    const g = document.querySelector('.game-page');
    return g && (Number(g.dataset.gameDay) > d || g.dataset.gameOver === 'true');
  }, before);
}

/** Plays a game to its end; returns every stop's reasons, by day. */
async function playToTheEnd(page, { changeAt = -1 } = {}) {
  const seen = {};
  for (let stop = 0; stop < 40; stop++) {
    if ((await page.locator('.game-page').getAttribute('data-game-over')) === 'true') return seen;
    const day = await gameDay(page);
    if (day > 0) seen[day] = await page.locator('.stop-reasons').innerText();
    if (stop === changeAt) {
      // Raise the budget by five slider steps with the arrow key on the focused slider.
      const slider = page.locator('#game-budget');
      await slider.focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      assert.match(await textOf(page, 'button.play-go'), /these levers/);
    }
    await goOn(page);
  }
  throw new Error('the game did not end within 40 stops');
}

test('a game is played to the end by keyboard, through a crisis and a review, and its link replays it', async ({ page, open }) => {
  // Low buy-in, a forced crisis on day 40: the year has reviews and a crisis to stop at.
  await open('?b=1500&p=3&r=40&i=60&cd=40&n=200');
  await startGame(page);
  assert.match(await textOf(page, '.stop-reasons'), /first quarter/);
  await page.waitForSelector('.game-charts .chart', { timeout: 20000 });

  const seen = await playToTheEnd(page, { changeAt: 2 });
  const text = Object.values(seen).join('\n');
  assert.match(text, /crisis has broken out/, 'the crisis stopped the game');
  assert.match(text, /Management reviewed the results/, 'a review stopped the game');
  assert.match(text, /Quarter 1 has ended/);
  assert.ok(seen[40], 'the forced crisis day was a stop');

  // The debrief: how it ended, the plan over every future, the four plans compared.
  await page.waitForSelector('.debrief-table tbody tr', { timeout: 30000 });
  assert.equal(await page.locator('.debrief-table tbody tr').count(), 4);
  await page.waitForSelector('.pays-back');
  assert.match(await textOf(page, '.pays-back'), /Your plan pays back in \d+ of 200 futures; in yours it did( not)?\./);
  assert.match(await textOf(page, '.ending'), /You played all 730 days|cancelled the programme at the review on day \d+/);
  assert.match(await textOf(page, '.game-history'), /From day \d+: Budget/);
  assert.match(await textOf(page, '.company-standing'), /The game knew your company; you did not\. Its reach per follower beat \d+ of 100 companies/);
  const code = await page.locator('.team-code .code').getAttribute('data-code');
  assert.ok(code.length < 40, `the team code "${code}" is short`);
  await page.waitForSelector('.why-list li');

  // The link replays the same decisions on the same future: the same debrief.
  const link = await page.locator('.game-link').inputValue();
  const debrief = async () => [await textOf(page, '.ending'), await textOf(page, '.company-standing'), await textOf(page, '.debrief-table'), await textOf(page, '.pays-back'), await textOf(page, '.path-legend')];
  const played = await debrief();
  await page.goto(link);
  await page.waitForSelector('.debrief-table tbody tr', { timeout: 30000 });
  await page.waitForSelector('.pays-back');
  assert.deepEqual(await debrief(), played);

  // Leaving gives back the simulator with the scenario from before the game.
  await press(page, 'button.exit-game');
  await page.waitForSelector('.layout');
}, { viewport: PROJECTOR });

test('stopping the programme at a stop ends the game', async ({ page, open }) => {
  await open('?b=500&p=2&r=20&i=80&n=100');
  await startGame(page);
  await goOn(page);
  assert.ok(await gameDay(page) > 0);
  await press(page, 'button.play-stop');
  await page.waitForSelector('.game-page[data-game-over="true"]');
  assert.match(await textOf(page, '.ending'), /You stopped the programme after day \d+\./);
});

/** Plays a short game (start, then stop at the first stop) and returns its team code. */
async function teamCode(page, open, query) {
  await open(query);
  await startGame(page);
  await goOn(page);
  // Management may have cancelled it already at a review; otherwise the team stops.
  if ((await page.locator('.game-page').getAttribute('data-game-over')) !== 'true') await press(page, 'button.play-stop');
  await page.waitForSelector('.team-code .code');
  return page.locator('.team-code .code').getAttribute('data-code');
}

test('a class of five teams is ranked on the same futures, with the pairwise table, and a bad code is refused by name', async ({ page, open }) => {
  const teams = [
    ['Red', '?b=4000&p=7&r=90&i=90&n=200'],
    ['Blue', '?b=300&p=3&r=20&i=10&n=200'],
    ['Green', '?b=1500&p=5&r=60&i=60&n=200'],
    ['Amber', '?b=8000&p=14&r=80&i=70&n=200'],
    ['Grey', '?b=100&p=1&r=0&i=0&n=200'],
  ];
  const lines = [];
  for (const [name, query] of teams) lines.push(`${name}: ${await teamCode(page, open, query)}`);
  const good = lines[0].split(': ')[1];
  const typo = good.slice(0, 3) + (good[3] === '7' ? '8' : '7') + good.slice(4);
  lines.push(`Typo team: ${typo}`);

  await open('?n=200');
  await press(page, 'button.open-class');
  await page.waitForSelector('.class-page');
  await page.locator('#class-list').focus();
  await page.keyboard.insertText(lines.join('\n'));
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('.class-table tbody tr', { timeout: 30000 });
  assert.equal(await page.locator('.class-table tbody tr').count(), 5);
  assert.match(await textOf(page, '.class-problems'), /Line 6 \(Typo team\) is not a team: the code's check characters do not match/);
  // The pairwise table: each team against each other, shares of the futures.
  assert.equal(await page.locator('.pairwise tbody tr').count(), 5);
  assert.equal(await page.locator('.pairwise td.self').count(), 5);
  const first = await page.locator('.class-table tbody tr').first().getAttribute('data-team');
  assert.notEqual(first, 'Grey', 'a near-empty plan does not win');
  assert.match(await textOf(page, '.class-table tbody tr:first-child'), /ahead of \w+ in \d+ ?% of the futures|Lucky/);

  // Ranked on another outcome, by keyboard; the choice travels in the link.
  await page.locator('select.class-metric').focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => /Ranked on Customers/.test(document.querySelector('#ranking-title')?.textContent ?? ''), null, { timeout: 30000 });
  assert.match(await page.evaluate(() => location.search), /rank=customers/);

  // CSV export lists every team.
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'button.export-class-csv')]);
  const csv = await (await download.createReadStream()).toArray();
  const rows = Buffer.concat(csv).toString().trim().split('\n');
  assert.equal(rows.length, 6);
  assert.match(rows[0], /^rank,team,median,played_future,lucky,beats /);

  // The PNG of the table is a real image, one row a team.
  const [png] = await Promise.all([page.waitForEvent('download'), press(page, 'button.export-class-png')]);
  const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  assert.equal(width, 1440, 'twice the table width');
  assert.equal(height, 2 * 28 * 7, 'a header and five rows, at twice the size');
}, { viewport: PROJECTOR });

test('in Swedish, the game and the class speak Swedish', async ({ page, open }) => {
  await open('?lang=sv&n=100');
  await press(page, 'button.start-game');
  await page.waitForSelector('.game-page');
  assert.match(await textOf(page, 'h1'), /Spela det långa spelet/);
  assert.match(await textOf(page, 'button.play-go'), /Starta året/);
  assert.match(await textOf(page, '.band-meaning'), /Du känner inte ditt företag än/);
  await goOn(page);
  assert.match(await textOf(page, '.band-meaning'), /stämmer med det du sett hittills/);
  await press(page, 'button.play-stop');
  await page.waitForSelector('.game-page[data-game-over="true"]');
  assert.match(await textOf(page, '.company-standing'), /räckvidd per följare slog \d+ av 100 företag/);
  await press(page, 'button.exit-game');
  await press(page, 'button.open-class');
  await page.locator('#class-list').focus();
  await page.keyboard.insertText('Röd: 1ABCDEFG');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('.class-problems');
  assert.match(await textOf(page, '.class-problems'), /Rad 1 \(Röd\) är inget lag/);
});

test('class lines with a space for the colon are read, identical plans are tied and a name used twice is flagged', async ({ page, open }) => {
  const code = await teamCode(page, open, '?b=4000&p=7&r=90&i=90&n=200');
  await open('?n=200');
  await press(page, 'button.open-class');
  await page.waitForSelector('.class-page');
  await page.locator('#class-list').focus();
  await page.keyboard.insertText([`nocolon ${code}`, `Copy: ${code}`, 'Copy: ?b=100&p=1&r=0&i=0'].join('\n'));
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('.class-table tbody tr', { timeout: 30000 });
  assert.equal(await page.locator('.class-table tbody tr').count(), 3, 'all three lines are teams');
  const problems = await textOf(page, '.class-problems');
  assert.doesNotMatch(problems, /nocolon/);
  assert.match(problems, /More than one team is called “Copy”/);
  assert.equal(await page.locator('.class-table tbody tr').first().getAttribute('data-team'), 'nocolon');
  assert.match(await textOf(page, '.class-table tbody tr:first-child'), /tied with Copy: the same outcome in every future/);
  assert.doesNotMatch(await textOf(page, '.class-table'), /in 50 ?% of the futures/);
  assert.equal(await page.locator('.pairwise td.tied').count(), 2);
});

test('the player\'s own future has its own colour and legend entry, and no two stops are closer than a week', async ({ page, open }) => {
  await open('?n=100');
  await startGame(page);
  await goOn(page);
  await page.waitForSelector('.game-charts .chart[data-chart="leads"] path.own-path', { timeout: 30000 });
  const [own, median] = await page.$$eval('.game-charts .chart[data-chart="leads"] path.own-path, .game-charts .chart[data-chart="leads"] path.median',
    (paths) => paths.map((p) => getComputedStyle(p).stroke));
  assert.notEqual(own, median, 'the own path is not drawn in the median\'s colour');
  assert.match(await textOf(page, '.game-legend'), /your future so far/);
  assert.match(await textOf(page, '.game-legend'), /median of the futures still possible/);

  const seen = await playToTheEnd(page);
  const days = [await gameDay(page), ...Object.keys(seen).map(Number)].sort((a, b) => a - b);
  const unique = [...new Set(days)];
  for (let i = 1; i < unique.length; i++) {
    assert.ok(unique[i] - unique[i - 1] >= 7, `stops on days ${unique[i - 1]} and ${unique[i]}: ${unique.join(', ')}`);
  }
}, { viewport: PROJECTOR });

/** The leads chart's P10–P90 on day 365 once its futures are complete and current, and when. */
async function leadsBand(page, after = -1) {
  const chart = '.game-charts .chart[data-chart="leads"]';
  await page.waitForFunction(({ chart, after }) => {
    const c = document.querySelector(chart);
    return c && c.dataset.done === 'true' && !c.classList.contains('stale') && Number(c.dataset.job) > after;
  }, { chart, after }, { timeout: 60000 });
  const c = page.locator(chart);
  const [p10, p90] = (await c.getAttribute('data-band-year')).split(' ').map(Number);
  return { p10, p90, width: p90 - p10, job: Number(await c.getAttribute('data-job')) };
}

test('a played game\'s band is wide at the start, narrows at later stops, and its link gives the same game and band', async ({ page, open }) => {
  await open('?n=200');
  await startGame(page);
  assert.match(await textOf(page, '.band-meaning'), /You do not know your company yet/);
  const start = await leadsBand(page);
  // Long tasks on the page while the stops' futures are fitted (the fit runs in the workers).
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((l) => window.longTasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  const bands = [];
  let job = start.job;
  while (bands.length < 2 || (await gameDay(page)) < 180) {
    const t0 = Date.now();
    await goOn(page);
    const band = await leadsBand(page, job);
    job = band.job;
    bands.push({ day: await gameDay(page), ms: Date.now() - t0, ...band });
  }
  const longest = Math.max(0, ...(await page.evaluate(() => window.longTasks)));
  console.log(`band on day 365 at day 0: ${start.p10}–${start.p90}; then ${bands.map((b) => `day ${b.day}: ${b.p10}–${b.p90} (${b.ms} ms)`).join(', ')}; longest task ${longest} ms`);
  await recordPerf({ play_fit_stop_ms: bands.map((b) => [b.day, b.ms]), play_fit_longest_task_ms: longest });
  assert.match(await textOf(page, '.band-meaning'), /match what you have seen so far/);
  for (const b of bands) assert.ok(b.width < start.width, `day ${b.day}: ${b.width} is narrower than ${start.width}`);
  const last = bands[bands.length - 1];
  assert.ok(last.width < 0.7 * start.width, `by day ${last.day} the band has narrowed: ${last.width} of ${start.width}`);

  // The link at this stop: the same game (its facts) and the same band.
  const facts = await textOf(page, '.game-facts');
  const link = page.url();
  await page.goto(link);
  await page.waitForSelector(`.game-page[data-game-day="${last.day}"]`);
  assert.equal(await textOf(page, '.game-facts'), facts);
  const again = await leadsBand(page);
  assert.deepEqual([again.p10, again.p90], [last.p10, last.p90]);
});

// Under 600 px the class's and the debrief's tables scroll sideways on their own: each takes
// the keyboard's focus, has a name, and the arrow keys scroll it.
const NARROW_CLASS = encodeURIComponent([
  'Red team: ?b=4000&p=7&r=90&i=90',
  'Blue team: ?b=300&p=3&r=20&i=10&play=730',
  'Green team: ?b=1500&p=5&r=60&i=60&c=92b3000',
  'Amber team: ?b=8000&p=14&r=80&i=70',
].join('\n'));

/** For each table `selector` finds: whether it scrolls, its tabindex, and its accessible name. */
const tables = (page, selector) => page.$$eval(selector, (els) => els.map((t) => ({
  scrolls: t.scrollWidth > t.clientWidth, tabindex: t.getAttribute('tabindex'),
  name: t.getAttribute('aria-labelledby') ? document.getElementById(t.getAttribute('aria-labelledby'))?.textContent
    : t.querySelector('caption')?.textContent,
})));

async function scrollsByKeyboard(page, selector) {
  const table = page.locator(selector);
  await table.focus();
  assert.equal(await page.evaluate((s) => document.activeElement === document.querySelector(s), selector), true, `${selector} takes the focus`);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((s) => document.querySelector(s).scrollLeft > 0, selector);
}

test('on a phone the class and debrief tables that scroll sideways are reachable by keyboard, and named', async ({ page, open }) => {
  await open(`?lang=en&class=${NARROW_CLASS}`);
  await page.waitForSelector('.class-table tbody tr', { timeout: 30000 });
  const found = await tables(page, '.class-table, .pairwise');
  assert.equal(found.length, 2);
  assert.ok(found.some((t) => t.scrolls), `at 390 px a class table scrolls: ${JSON.stringify(found)}`);
  for (const t of found) {
    assert.equal(t.tabindex, '0', JSON.stringify(t));
    assert.ok(t.name?.trim().length > 5, `a table without a name: ${JSON.stringify(t)}`);
  }
  for (const [i, t] of found.entries()) if (t.scrolls) await scrollsByKeyboard(page, ['.class-table', '.pairwise'][i]);
  await open('?lang=en&b=1500&p=3&r=40&i=60&cd=40&c=92b3000i80&play=730');
  await page.locator('.debrief-table tbody tr').first().waitFor({ timeout: 30000 });
  const [debrief] = await tables(page, '.debrief-table');
  assert.equal(debrief.tabindex, '0');
  assert.match(debrief.name, /Leads by day 730/);
  if (debrief.scrolls) await scrollsByKeyboard(page, '.debrief-table');
}, { viewport: { width: 390, height: 844 } });
