// Shared end-to-end harness: serves dist/ on loopback, drives headless Chromium through
// playwright-core, and checks on every page that nothing went wrong or left the machine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
export const LAPTOP = { width: 1366, height: 768 };
export const PROJECTOR = { width: 1920, height: 1080 };

/**
 * Registers before/after hooks for one test file and returns `{ test, open, baseUrl, requests }`.
 * `test(name, fn)` runs `fn({ page, open })` in a fresh browser context; afterwards it
 * fails on any console error, uncaught exception or request to another origin, and on
 * failure saves a screenshot into tests/e2e/artifacts/.
 */
export function useApp() {
  let server, browser;
  // `app.requests`: every request the server answered, in order (`{ method, path, status }`).
  const app = { baseUrl: '', requests: [] };

  before(async () => {
    server = await serveStatic(`${ROOT}dist`, 0, { onRequest: (r) => app.requests.push(r) });
    app.baseUrl = `http://127.0.0.1:${server.address().port}/`;
    browser = await chromium.launch({
      executablePath: process.env.LONGGAME_CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done()));
  });

  app.test = (name, fn, { viewport = LAPTOP, expectErrors = false } = {}) =>
    test(name, async () => {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      const problems = [];
      const origin = new URL(app.baseUrl).origin;
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        problems.push(`request left the local server: ${url}`);
        return route.abort();
      });
      const watch = (page) => {
        page.on('console', (m) => m.type() === 'error' && !expectErrors && problems.push(`console error: ${m.text()}`));
        page.on('pageerror', (e) => !expectErrors && problems.push(`uncaught exception: ${e.message}`));
      };
      context.on('page', watch);
      const page = await context.newPage();
      /** Open `path` (relative to the app) and wait until the Yew app has mounted. */
      const open = async (path = '') => {
        await page.goto(app.baseUrl + path);
        await page.waitForSelector('[data-app-ready]', { timeout: 15000 });
        return page;
      };
      try {
        await fn({ page, open, context });
        assert.deepEqual(problems, [], 'the page reported problems');
      } catch (err) {
        await mkdir(ARTIFACTS, { recursive: true });
        const file = `${ARTIFACTS}${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
        await page.screenshot({ path: file, fullPage: true }).catch(() => {});
        throw err;
      } finally {
        await context.close();
      }
    });
  return app;
}

/** The visible text of the first element matching `selector`. */
export const textOf = (page, selector) => page.locator(selector).first().innerText();

/**
 * Waits until the simulation shown is complete and current — and, with `after`, newer than
 * that job (so an action's result is awaited, not the picture from before it).
 */
export async function waitDone(page, { after = -1, timeout = 20000 } = {}) {
  await page.waitForFunction((after) => {
    const s = document.querySelector('.status');
    return s && s.dataset.status === 'done' && Number(s.dataset.job) > after;
  }, after, { timeout });
  const status = page.locator('.status');
  return {
    job: Number(await status.getAttribute('data-job')),
    runs: Number(await status.getAttribute('data-runs')),
    days: Number(await status.getAttribute('data-days')),
    elapsedMs: Number(await status.getAttribute('data-elapsed-ms')),
    computeMs: Number(await status.getAttribute('data-compute-ms')),
  };
}

/** Runs `action` and waits for the simulation it starts to finish. */
export async function afterChange(page, action) {
  const { job } = await waitDone(page);
  await action();
  return waitDone(page, { after: job });
}

/** The median on day min(365, horizon) of every chart, keyed by metric name. */
export async function medians(page) {
  return page.$$eval('.chart[data-chart]', (charts) =>
    Object.fromEntries(charts.map((c) => [c.dataset.chart, Number(c.dataset.median)])));
}

/** The app's current query string (what a shared link carries). */
export const queryOf = (page) => page.evaluate(() => location.search.replace(/^\?/, ''));

const LOGS = fileURLToPath(new URL('../../target/test-logs/', import.meta.url));

/** Adds `figures` to target/test-logs/browser-perf.json (several tests write to it). */
export async function recordPerf(figures) {
  await mkdir(LOGS, { recursive: true });
  const file = `${LOGS}browser-perf.json`;
  const before = JSON.parse(await readFile(file, 'utf8').catch(() => '{}'));
  await writeFile(file, JSON.stringify({ ...before, ...figures }, null, 2));
}

/**
 * Waits until the browser has painted two more frames and run the tasks queued before them
 * (a PerformanceObserver's layout shifts of those frames have been delivered by then): what
 * "nothing moved afterwards" is measured after, instead of a fixed time.
 */
export const nextFrames = (page) => page.evaluate(() => new Promise((done) =>
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));

/** Waits until `check()` (async, in node) is true, asking again every 50 ms; fails after `timeout`. */
export async function waitUntil(check, what, timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${what}`);
    await new Promise((ask) => setTimeout(ask, 50));
  }
}

/** Whether each simulation worker has work (`longgameBusy`, set by the worker itself). */
export const workersBusy = (page) =>
  Promise.all(page.workers().map((w) => w.evaluate(() => globalThis.longgameBusy === true)));

/** Waits until no simulation worker has work left (a cancelled job has really stopped). */
export const workersIdle = (page, timeout = 20000) =>
  waitUntil(async () => !(await workersBusy(page)).some(Boolean), 'every worker to be idle', timeout);

/**
 * Waits until `locator` is visible (parts of the page mount in stages, so a check right after
 * a click or a finished run must wait for them); fails naming `what` after `timeout`.
 */
export async function shown(locator, what, timeout = 20000) {
  await locator.waitFor({ state: 'visible', timeout }).catch(() => assert.fail(`${what}: not shown after ${timeout} ms`));
}
