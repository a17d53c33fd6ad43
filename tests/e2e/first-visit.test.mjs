// A first visit downloads each file once: the service worker installs from the copies the page
// has just downloaded (the browser's cache), checked against their SHA-256, instead of asking
// the server for everything again; offline use after that one visit still works. The server's
// request log is the witness.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { useApp, waitDone, medians } from './helpers.mjs';

const app = useApp();
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The files the service worker keeps, as server paths ('/' for the page). */
async function cachedFiles() {
  const sw = await readFile(`${DIST}sw.js`, 'utf8');
  const files = JSON.parse(sw.match(/const FILES = (\[[\s\S]*?\n\]);/)[1].replace(/,\n\]$/, ']'));
  return files.map(([f]) => f.replace(/^\.\//, '/'));
}

/** The requests that reached the server for each path (the page's query left out). */
function perPath(requests) {
  const seen = {};
  for (const { path, status, dest } of requests) {
    const p = new URL(path, 'http://x').pathname;
    (seen[p] ??= []).push(`${status} ${dest ?? ''}`.trim());
  }
  return seen;
}

app.test('a first visit downloads each file once and then works offline', async ({ open, page, context }) => {
  // Playwright's request interception (the harness's guard against other origins) turns the
  // browser's HTTP cache off, which this test is about; requests are only watched here.
  await context.unrouteAll();
  const origin = new URL(app.baseUrl).origin;
  const elsewhere = [];
  context.on('request', (r) => !/^(data|blob):/.test(r.url()) && !r.url().startsWith(origin) && elsewhere.push(r.url()));
  app.requests.length = 0;
  await open('?n=100&b=3000');
  await waitDone(page);
  const online = await medians(page);
  // The worker installs and takes control of the page: every file it keeps is in its cache.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  const files = await cachedFiles();
  const kept = await page.evaluate(async () => {
    const [name] = (await caches.keys()).filter((k) => k.startsWith('longgame-'));
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  assert.deepEqual(kept.sort(), [...files].sort(), 'the service worker keeps every file of the build');
  const seen = perPath(app.requests);
  console.log(`first visit: ${app.requests.length} requests`, seen);
  assert.deepEqual(Object.keys(seen).sort(), [...files, '/sw.js'].sort(), 'every file, and nothing else, was asked for');
  for (const [file, answers] of Object.entries(seen)) {
    assert.equal(answers.filter((a) => a.startsWith('200')).length, 1, `${file} was downloaded more than once: ${answers}`);
    // The browser itself checks the icon again (as the tab's icon and the app's), and is told
    // "not modified"; nothing else is asked for twice.
    const again = answers.filter((a) => !a.startsWith('200'));
    if (file === '/icon.svg') assert.ok(again.every((a) => a === '304 image'), `${file}: ${answers}`);
    else assert.deepEqual(again, [], `${file} was asked for more than once: ${answers}`);
  }
  // And the kept copies are complete: a reload with the network off gives the same picture.
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-app-ready]', { timeout: 15000 });
  await waitDone(page);
  assert.deepEqual(await medians(page), online, 'offline gives the same picture');
  await context.setOffline(false);
  assert.deepEqual(elsewhere, [], 'requests left the local server');
});
