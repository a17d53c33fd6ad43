// Offline and hardening: the service worker serves the app without a network after one visit,
// a new deploy is offered as a whole, the page runs under a strict CSP, the app is installable,
// and the static server never serves a file outside dist/.
import assert from 'node:assert/strict';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { useApp, waitDone, medians } from './helpers.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

const app = useApp();
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Waits until a service worker controls the page. */
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });

app.test('after one visit the app reloads and simulates with the network off', async ({ open, page, context }) => {
  await open('?n=100&b=4000');
  await waitDone(page);
  const online = await medians(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-app-ready]', { timeout: 15000 });
  await waitDone(page);
  assert.deepEqual(await medians(page), online, 'offline gives the same picture');
  // Another link of the same app works offline too (the page is cached, not one URL).
  await page.goto(page.url().replace('b=4000', 'b=2000'));
  await waitDone(page);
  assert.ok((await medians(page)).leads >= 0);
  await context.setOffline(false);
});

app.test('the page runs under a strict Content-Security-Policy and is installable', async ({ open, page, context }) => {
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (e) => window.reportViolation(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`)));
  await open('?n=50');
  await waitDone(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/, csp);
  // Exports, the table and the story all run under it.
  await page.locator('.chart[data-chart="leads"]').getByRole('button', { name: 'Table' }).click();
  const png = page.waitForEvent('download');
  await page.locator('.chart[data-chart="leads"]').getByRole('button', { name: 'PNG' }).click();
  await png;
  await page.click('.start-story');
  await page.locator('.story').waitFor();
  assert.deepEqual(violations, []);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const errors = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
  assert.deepEqual(errors, [], 'the web app manifest and service worker make it installable');
});

/** Deploys `html` as a new version of the page in `root`, as post-build would write it. */
async function deploy(root, html, version = 'v2') {
  await writeFile(join(root, 'index.html'), html);
  const integrity = `sha256-${createHash('sha256').update(html).digest('base64')}`;
  const sw = (await readFile(join(root, 'sw.js'), 'utf8'))
    .replace(/const VERSION = "[^"]*"/, `const VERSION = "${version}"`)
    .replace(/\[\s*"\.\/",\s*"sha256-[^"]*"\s*\]/, `["./", "${integrity}"]`);
  assert.match(sw, new RegExp(integrity.replace(/[+/]/g, '\\$&')), 'sw.js lists the new page');
  await writeFile(join(root, 'sw.js'), sw);
  // The compressed copies of the old files are gone with them.
  await Promise.all(['index.html', 'sw.js'].flatMap((f) => ['.br', '.gz'].map((z) => rm(join(root, f + z), { force: true }))));
}

app.test('a new deploy is offered as a whole and reloads into the new version', async ({ page, context }) => {
  await context.unrouteAll(); // this test's own server is on another port
  const root = await mkdtemp(join(tmpdir(), 'lg-deploy-'));
  await cp(DIST, root, { recursive: true });
  const server = await serveStatic(root, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    await page.goto(`${base}?n=50`);
    await page.waitForSelector('[data-app-ready]');
    await controlled(page);
    // "Deploy": a new page and a new service worker version listing the page's new SHA-256.
    await deploy(root, (await readFile(join(root, 'index.html'), 'utf8')).replace('</head>', '<meta name="deploy" content="v2"></head>'));
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    // Until the reader agrees, the page stays the old version in one piece.
    assert.equal(await page.locator('meta[name="deploy"]').count(), 0);
    const button = page.locator('.update-banner button');
    await button.waitFor({ timeout: 20000 });
    assert.match(await page.locator('.update-banner').innerText(), /A new version of Long Game is ready/);
    await button.click();
    await page.waitForFunction(() => document.querySelector('meta[name="deploy"]'), null, { timeout: 20000 });
    await page.waitForSelector('[data-app-ready]');
  } finally {
    server.close();
    await rm(root, { recursive: true, force: true });
  }
});

app.test('a deploy whose page is not the one its service worker lists is never installed', async ({ page, context }) => {
  await context.unrouteAll(); // this test's own server is on another port (and the HTTP cache stays on)
  const root = await mkdtemp(join(tmpdir(), 'lg-half-'));
  await cp(DIST, root, { recursive: true });
  const server = await serveStatic(root, 0);
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/?n=50`);
    await page.waitForSelector('[data-app-ready]');
    await controlled(page);
    const before = await page.evaluate(() => caches.keys());
    // Half a deploy: the new sw.js is up, but the host still serves the old page.
    const html = await readFile(join(root, 'index.html'), 'utf8');
    await deploy(root, html.replace('</head>', '<meta name="deploy" content="v3"></head>'), 'v3');
    await writeFile(join(root, 'index.html'), html);
    const outcome = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const found = new Promise((ok) => reg.addEventListener('updatefound', () => ok(reg.installing), { once: true }));
      await reg.update();
      const next = await found;
      if (!next || next.state === 'redundant' || next.state === 'installed') return next?.state ?? 'gone';
      return new Promise((ok) => next.addEventListener('statechange', () => {
        if (next.state === 'redundant' || next.state === 'installed') ok(next.state);
      }));
    });
    assert.equal(outcome, 'redundant', 'the mixed set was not installed');
    assert.deepEqual(await page.evaluate(() => caches.keys()), before, 'the old version is kept whole');
    assert.equal(await page.locator('.update-banner').count(), 0, 'nothing is offered');
  } finally {
    server.close();
    await rm(root, { recursive: true, force: true });
  }
});

/** The status code the server answers a raw (unnormalised) path with. */
const statusOf = (port, path) => new Promise((ok, fail) => {
  const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => { res.resume(); ok(res.statusCode); });
  req.on('error', fail);
  req.end();
});

app.test('the static server refuses every path outside its folder', async () => {
  const parent = await mkdtemp(join(tmpdir(), 'lg-serve-'));
  await mkdir(join(parent, 'dist'));
  await mkdir(join(parent, 'dist-x'));
  await writeFile(join(parent, 'dist', 'index.html'), 'inside');
  await writeFile(join(parent, 'dist-x', 'index.html'), 'secret');
  await writeFile(join(parent, 'secret.txt'), 'secret');
  const server = await serveStatic(join(parent, 'dist'), 0);
  const port = server.address().port;
  try {
    assert.equal(await statusOf(port, '/'), 200);
    for (const path of ['/..%2fdist-x/', '/..%2fdist-x/index.html', '/../secret.txt', '/..%2fsecret.txt',
      '/%2e%2e/secret.txt', '/..%5csecret.txt', '/%00']) {
      assert.equal(await statusOf(port, path), 404, path);
    }
  } finally {
    server.close();
    await rm(parent, { recursive: true, force: true });
  }
});
