// The release dist/ as a host serves it: a brotli and a gzip copy beside every file (written by
// scripts/post-build.mjs), the best one the browser accepts sent with the right
// Content-Encoding, the wasm as application/wasm, hashed files cached for a year, the page and
// the service worker revalidated on every use. Node only (no browser), against the built dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serveStatic } from '../../scripts/static-server.mjs';
import { recordPerf } from './helpers.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
let server, port;
before(async () => {
  server = await serveStatic(DIST, 0);
  port = server.address().port;
});
after(() => new Promise((done) => server.close(done)));

/** GET `path` from `at` (a port) with `headers`; resolves to `{ status, headers, body }`. */
const get = (at, path, headers = {}) => new Promise((ok, fail) => {
  const req = request({ host: '127.0.0.1', port: at, path, headers }, (res) => {
    const parts = [];
    res.on('data', (d) => parts.push(d));
    res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts) }));
  });
  req.on('error', fail);
  req.end();
});

const decode = ({ headers, body }) => ({ br: brotliDecompressSync, gzip: gunzipSync }[headers['content-encoding']] ?? ((b) => b))(body);
const builtFiles = async () => (await readdir(DIST)).filter((f) => !/\.(br|gz)$/.test(f));

test('every built file has a brotli and a gzip copy beside it with the same content', async () => {
  const files = await builtFiles();
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.includes('index.html') && files.includes('sw.js'));
  for (const f of files) {
    const data = await readFile(join(DIST, f));
    assert.deepEqual(brotliDecompressSync(await readFile(join(DIST, `${f}.br`))), data, `${f}.br`);
    assert.deepEqual(gunzipSync(await readFile(join(DIST, `${f}.gz`))), data, `${f}.gz`);
  }
});

test('the server sends the best encoding the browser accepts, and the wasm as application/wasm', async () => {
  const wasm = (await builtFiles()).find((f) => f.endsWith('.wasm'));
  const data = await readFile(join(DIST, wasm));
  for (const [accept, encoding] of [['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'], ['', undefined], ['identity', undefined]]) {
    const res = await get(port, `/${wasm}`, { 'accept-encoding': accept });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], encoding, `Accept-Encoding: ${accept}`);
    assert.equal(res.headers['content-type'], 'application/wasm');
    assert.match(res.headers.vary, /accept-encoding/i);
    assert.deepEqual(decode(res), data, `the wasm as sent with Accept-Encoding: ${accept}`);
  }
});

test('hashed files are cached for a year; the page, the service worker and unhashed files are revalidated', async () => {
  for (const f of await builtFiles()) {
    const path = f === 'index.html' ? '/' : `/${f}`;
    const res = await get(port, path, { 'accept-encoding': 'br' });
    const hashed = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(f);
    if (hashed) assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', f);
    else assert.equal(res.headers['cache-control'], 'no-cache', f);
    // Revalidation answers "not modified" without a body.
    const again = await get(port, path, { 'accept-encoding': 'br', 'if-none-match': res.headers.etag });
    assert.equal(again.status, 304, f);
    assert.equal(again.body.length, 0);
  }
  const [page, sw] = [await get(port, '/'), await get(port, '/sw.js')];
  assert.equal(page.headers['cache-control'], 'no-cache');
  assert.equal(sw.headers['cache-control'], 'no-cache');
});

test('brotli sends less than gzip for the whole first visit', async () => {
  let gzip = 0, br = 0, raw = 0;
  const each = {};
  for (const f of await builtFiles()) {
    const path = f === 'index.html' ? '/' : `/${f}`;
    const [b, g] = [await get(port, path, { 'accept-encoding': 'br, gzip' }), await get(port, path, { 'accept-encoding': 'gzip' })];
    assert.equal(b.headers['content-encoding'], 'br', f);
    assert.equal(g.headers['content-encoding'], 'gzip', f);
    raw += decode(b).length;
    br += b.body.length;
    gzip += g.body.length;
    each[f.replace(/-[0-9a-f]{12,16}/, '')] = { raw: decode(b).length, gzip: g.body.length, br: b.body.length };
  }
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`transfer of every file: ${kb(raw)} KB raw, ${kb(gzip)} KB gzip, ${kb(br)} KB brotli (${(100 * (1 - br / gzip)).toFixed(1)} % below gzip)`);
  console.table(each);
  await recordPerf({ transfer_bytes: { raw, gzip, br, each } });
  assert.ok(br < gzip, `brotli ${br} B is not below gzip ${gzip} B`);
});

test('a compressed copy older than its file (edited after the build) is not sent', async () => {
  const root = await mkdtemp(join(tmpdir(), 'lg-stale-'));
  const own = await serveStatic(root, 0);
  try {
    await writeFile(join(root, 'index.html.br'), (await readFile(join(DIST, 'index.html.br'))));
    await writeFile(join(root, 'index.html'), 'edited');
    const past = new Date(Date.now() - 60_000);
    await utimes(join(root, 'index.html.br'), past, past);
    for (const accept of ['br', 'br, gzip', '']) {
      const res = await get(own.address().port, '/', { 'accept-encoding': accept });
      assert.equal(decode(res).toString(), 'edited', `Accept-Encoding: ${accept}`);
    }
  } finally {
    own.close();
    await rm(root, { recursive: true, force: true });
  }
});
