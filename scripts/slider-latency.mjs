// Slider → first picture, as a user feels it: the time from a key press on the focused budget
// lever to the first frame painted with the chart of the new setting, in headless Chromium
// against a built dist/. With --trace, each press is also split by thread from a Chromium
// trace (the page's main thread: script, style and layout, paint, garbage collection; the
// workers' busy time) and the app's own User Timing measures (`lg:` names) are listed.
//   node scripts/slider-latency.mjs [dist] [presses] [--trace] [--slowdown N] [--link QUERY]
//   (LONGGAME_CHROMIUM: another Chromium)
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.match(/^--(slowdown|link)$/));
const [dist = 'dist', presses = '15'] = positional;
const slowdown = Number(option('--slowdown', '1'));
const link = option('--link', '');
const trace = flag('--trace');

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const round = (x) => Math.round(x * 10) / 10;

const server = await serveStatic(dist, 0);
const browser = await chromium.launch({
  executablePath: process.env.LONGGAME_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/${link}`);
  await page.waitForSelector('[data-app-ready]', { timeout: 60000 });
  const done = async (after = -1) => page.waitForFunction((after) => {
    const s = document.querySelector('.status');
    return s && s.dataset.status === 'done' && Number(s.dataset.job) > after && Number(s.dataset.job);
  }, after, { timeout: 120000 }).then((h) => h.jsonValue());
  let job = await done();
  if (slowdown > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  const slider = page.locator('#lever-budget');
  // One press unmeasured: the workers' first job after the page opened also compiled code.
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  job = await done(job);
  if (trace) {
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'toplevel'],
    });
  }
  const latencies = [];
  for (let i = 0; i < Number(presses); i++) {
    await slider.focus();
    await page.evaluate((job0) => {
      window.__latency = new Promise((resolve) => {
        let t0 = null;
        document.addEventListener('keydown', () => { t0 ??= performance.now(); performance.mark('lg-key'); }, { once: true, capture: true });
        const obs = new MutationObserver(() => {
          const s = document.querySelector('.status');
          if (t0 === null || !s || Number(s.dataset.job) <= job0 || s.dataset.status === 'updating') return;
          obs.disconnect();
          // The next frame is painted after this animation frame's callbacks; a task posted
          // from one runs once that frame is out.
          requestAnimationFrame(() => setTimeout(() => { performance.mark('lg-painted'); resolve(performance.now() - t0); }));
        });
        obs.observe(document.body, { attributes: true, subtree: true, childList: true });
      });
    }, job);
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    latencies.push(await page.evaluate(() => window.__latency));
    job = await done(job);
  }
  const workers = await page.getAttribute('html', 'data-workers');
  console.log(`slider → first picture painted, ${latencies.length} presses, ${workers} workers, CPU slowdown ${slowdown}×:`);
  console.log(`  median ${round(quantile(latencies, 0.5))} ms, p95 ${round(quantile(latencies, 0.95))} ms, all: ${latencies.map(Math.round).join(' ')}`);
  if (trace) report(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
} finally {
  await browser.close();
  server.close();
}

/** The length of the union of intervals [from, to]. */
function joined(intervals) {
  let [total, end] = [0, -Infinity];
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    if (b > end) { total += b - Math.max(a, end); end = b; }
  }
  return total;
}

/** Each press's window (key → painted) split by thread and kind of work, medians over presses. */
function report(events) {
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const marks = (name) => events.filter((e) => e.name === name && e.cat.includes('user_timing')).map((e) => e.ts).sort((a, b) => a - b);
  const keys = marks('lg-key');
  const painted = marks('lg-painted');
  const who = (e) => {
    const thread = names.get(`${e.pid}:${e.tid}`) ?? '';
    return thread === 'CrRendererMain' ? 'page' : thread.startsWith('DedicatedWorker') ? `worker ${e.tid}` : null;
  };
  // User Timing measures are traced as a begin and an end event with the same id.
  const begins = new Map();
  const measures = [];
  for (const e of events.filter((e) => e.cat.includes('user_timing') && e.name.startsWith('lg:'))) {
    const key = `${e.pid}:${e.tid}:${e.name}:${e.id ?? e.id2?.local}`;
    if (e.ph === 'b') begins.set(key, e);
    if (e.ph === 'e' && begins.has(key)) measures.push({ ...begins.get(key), dur: e.ts - begins.get(key).ts });
  }
  const windows = keys.map((k) => [k, painted.find((p) => p > k)]).filter(([, p]) => p);
  const kinds = {
    script: /^(FunctionCall|EvaluateScript|v8\.callFunction|RunMicrotasks|TimerFire|FireAnimationFrame)$/,
    'style+layout': /^(UpdateLayoutTree|Layout|RecalculateStyles)$/,
    paint: /^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit)$/,
    gc: /GC|^V8\.GC/,
  };
  const rows = new Map();
  const add = (key, ms) => rows.set(key, [...(rows.get(key) ?? []), ms]);
  for (const [from, to] of windows) {
    const inWindow = (e) => e.ph === 'X' && e.ts < to && e.ts + (e.dur ?? 0) > from;
    // Intervals per key, joined where they nest or overlap, so nothing is counted twice.
    const spans = new Map();
    const cpu = new Map();
    // Clipped to the window: a task under way at the key press counts from then.
    const sum = (key, us, ts) => spans.set(key, [...(spans.get(key) ?? []), [Math.max(ts, from), Math.min(ts + us, to)]]);
    for (const e of events.filter(inWindow)) {
      const t = who(e);
      if (!t) continue;
      if (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') sum(`${t}: busy (tasks)`, e.dur, e.ts);
      // Time on a core (the thread's own clock): what a busy machine does not inflate.
      if (e.name === 'ThreadControllerImpl::RunTask' && e.tdur && e.ts >= from) cpu.set(`${t}: on a core (tasks)`, (cpu.get(`${t}: on a core (tasks)`) ?? 0) + e.tdur / 1000);
      for (const [kind, re] of Object.entries(kinds)) if (re.test(e.name)) sum(`${t}: ${kind}`, e.dur, e.ts);
    }
    // The app's own measures (performance.measure with `lg:` names), on whichever thread.
    for (const e of measures.filter((e) => e.ts >= from && e.ts <= to)) sum(`${who(e)} ${e.name}`, e.dur, e.ts);
    sum('window (key → painted)', to - from, from);
    for (const [k, v] of spans) add(k, joined(v) / 1000);
    for (const [k, v] of cpu) add(k, v);
  }
  if (flag('--timeline')) {
    // The last press, event by event: the app's measures and the page's tasks over 1 ms.
    const [from, to] = windows[windows.length - 1];
    const rows = [...measures.filter((e) => e.ts >= from && e.ts <= to).map((e) => [e.ts, who(e), e.name, e.dur]),
      ...events.filter((e) => e.ph === 'X' && who(e) === 'page' && /RunTask$/.test(e.name) && e.ts >= from && e.ts <= to && e.dur > 1000)
        .map((e) => [e.ts, 'page', 'task', e.dur])];
    for (const [ts, thread, name, dur] of rows.sort((a, b) => a[0] - b[0])) {
      console.log(`  +${round((ts - from) / 1000)}`.padEnd(10), thread.padEnd(12), name.padEnd(12), round(dur / 1000));
    }
  }
  console.log(`trace of ${windows.length} presses, median ms per press (nested and overlapping events joined per row):`);
  for (const [k, v] of [...rows].sort()) console.log(`  ${k.padEnd(34)} ${round(quantile(v, 0.5))}`);
}
