// A small static file server for dist/, bound to loopback. Used by scripts/serve.sh and the e2e tests.
// It serves as a well-configured static host would: the `.br` or `.gz` file written beside each
// asset by scripts/post-build.mjs when the browser accepts it, hashed files cached for a year
// (their name changes with their content), everything else revalidated on every use.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.ico': 'image/x-icon',
};

/** Trunk's hashed names (`longgame-<hex>_bg.wasm`, `style-<hex>.css`; 64 bits in 12-16 hex
 * digits, leading zeros dropped): their content never changes. */
export const isHashed = (name) => /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(name);
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Precompressed siblings, best first: brotli is about a fifth smaller than gzip. */
const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];

/** The accepted encodings of an Accept-Encoding header (`q=0` means refused). */
function accepted(header = '') {
  return new Set(header.split(',').map((part) => part.trim().split(/\s*;\s*/))
    .filter(([name, q]) => name && !/^q=0(\.0*)?$/.test(q ?? ''))
    .map(([name]) => name.toLowerCase()));
}

/** The body to send for `file` and its encoding: a precompressed sibling if there is a fresh one. */
async function encoded(file, acceptEncoding) {
  const ok = accepted(acceptEncoding);
  const { mtimeMs } = await stat(file);
  for (const [encoding, suffix] of ENCODINGS) {
    if (!ok.has(encoding)) continue;
    // A sibling older than its file is stale (the file was edited after the build).
    const sibling = await stat(file + suffix).catch(() => null);
    if (sibling?.isFile() && sibling.mtimeMs >= mtimeMs) return { body: await readFile(file + suffix), encoding };
  }
  const body = await readFile(file);
  // No fresh sibling (a folder not built by post-build): compressed on the fly, as a host would.
  if (ok.has('gzip') && extname(file) !== '.png') return { body: gzipSync(body), encoding: 'gzip' };
  return { body, encoding: null };
}

/**
 * Serve `root` on 127.0.0.1:`port` (0 = any free port); resolves to the listening server.
 * `onRequest({ method, path, dest, status, encoding })` is called for every request answered (the
 * e2e tests count what a visit downloads).
 */
export function serveStatic(root, port = 0, { onRequest = () => {} } = {}) {
  const base = resolve(root);
  // Long links (a story file in the query) must reach the app, which explains what is wrong.
  const server = createServer({ maxHeaderSize: 128 * 1024 }, async (req, res) => {
    // Who asked (Sec-Fetch-Dest: document, script, empty for fetch(), serviceworker…).
    const entry = { method: req.method, path: req.url, dest: req.headers['sec-fetch-dest'], status: 404, encoding: null };
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      // Inside the root only: "/x/dist-x" starts with "/x/dist" but is a sibling folder.
      if (file !== base && !file.startsWith(base + sep)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { body, encoding } = await encoded(file, req.headers['accept-encoding']);
      // The ETag names the encoding too: a cache must not take a gzip body for a brotli one.
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': isHashed(file) ? IMMUTABLE : 'no-cache',
        vary: 'accept-encoding',
        etag,
      };
      if (encoding) headers['content-encoding'] = encoding;
      if (req.headers['if-none-match'] === etag) {
        delete headers['content-encoding'];
        entry.status = 304;
        res.writeHead(304, headers);
        res.end();
        return;
      }
      entry.status = 200;
      entry.encoding = encoding;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } finally {
      onRequest(entry);
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serveStatic(root, Number(port));
  console.log(`Long Game is served at http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
}
