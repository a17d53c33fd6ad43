// Trunk post-build hook (also runnable by hand: `node scripts/post-build.mjs dist`).
// 0. In release builds, minifies the JavaScript Trunk leaves as is (the wasm-bindgen glue, on
//    which Trunk's own minifier fails, and the service worker's registration) with terser, and
//    re-writes every Subresource Integrity hash in index.html from the files as they now are.
// 1. Puts a strict Content-Security-Policy into index.html: only this origin, wasm
//    compilation, and the one inline loader script Trunk writes, allowed by its hash.
// 2. Writes sw.js from static/sw.js, versioned by a hash of every built file, listing them
//    all with their SHA-256, so a new deploy installs as one new set of files, never a stale
//    mix, and the service worker can take the copies the page already downloaded.
// 3. Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every file, for hosts that serve
//    precompressed files (scripts/static-server.mjs does; see the README).
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const template = fileURLToPath(new URL('../static/sw.js', import.meta.url));
const sha = (data, enc = 'hex') => createHash('sha256').update(data).digest(enc);

let html = await readFile(join(dir, 'index.html'), 'utf8');

// sw.js is written below (and a test edits its VERSION line), so it stays readable; a debug
// build (`trunk serve`) keeps all of its JavaScript readable.
const minified = process.env.TRUNK_PROFILE === 'debug' ? [] : await readdir(dir);
for (const f of minified.filter((f) => f.endsWith('.js') && f !== 'sw.js')) {
  const source = await readFile(join(dir, f), 'utf8');
  const { code } = await minify(source, { module: /^export\b/m.test(source) });
  await writeFile(join(dir, f), code);
}
// Every tag with an integrity hash gets the hash of the file as it now is.
const tags = [];
for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*\bintegrity=[^>]*>/g)) {
  const [, q, bits] = tag.match(/\bintegrity=(["']?)sha(256|384|512)-/) || [];
  const file = tag.match(/\b(?:href|src)=["']?(?:\.\/)?([^"'\s>]+)/)?.[1];
  if (!bits || !file) throw new Error(`post-build: cannot read the integrity tag ${tag}`);
  const digest = createHash(`sha${bits}`).update(await readFile(join(dir, file))).digest('base64');
  tags.push([tag, tag.replace(/\bintegrity=["']?[^"'\s>]+["']?/, `integrity=${q}sha${bits}-${digest}${q}`)]);
}
for (const [old, fresh] of tags) html = html.replace(old, fresh);
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((code) => `'sha256-${sha(code, 'base64')}'`).join(' ');
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  // gloo-worker starts the simulation worker from a blob: shim that imports its script.
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// The charset tag may be minified (`<meta charset=utf-8>`); the policy goes right after it.
const charset = /<meta charset=["']?utf-8["']?\s*\/?>/i;
if (!charset.test(html)) throw new Error('post-build: no <meta charset="utf-8"> in index.html');
html = html.replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>\s*/, '')
  .replace(charset, (tag) => `${tag}\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
await writeFile(join(dir, 'index.html'), html);

// Run by hand on a built dist/, the compressed copies of the last run are not files of the app.
const compressed = (f) => /\.(br|gz)$/.test(f);
const files = (await readdir(dir)).filter((f) => f !== 'sw.js' && !compressed(f)).sort();
const hash = createHash('sha256');
const listed = [];
for (const f of files) {
  const data = await readFile(join(dir, f));
  hash.update(f).update(data);
  // The page itself is cached under './', whatever link opened it.
  listed.push([f === 'index.html' ? './' : `./${f}`, `sha256-${sha(data, 'base64')}`]);
}
const version = hash.digest('hex').slice(0, 16);
const sw = (await readFile(template, 'utf8'))
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace("[['__FILE__', '__INTEGRITY__']]", `[\n${listed.sort().map((f) => `  ${JSON.stringify(f)}`).join(',\n')},\n]`);
if (sw.includes('__FILE')) throw new Error('post-build: static/sw.js has no file list to fill in');
await writeFile(join(dir, 'sw.js'), sw);
console.log(`post-build: sw.js version ${version} (${files.length} files), CSP with ${inline.length} inline script hash(es)`);

let raw = 0, br = 0, gz = 0;
for (const f of [...files, 'sw.js']) {
  const data = await readFile(join(dir, f));
  const brotli = brotliCompressSync(data, { params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    [constants.BROTLI_PARAM_MODE]: f.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
  } });
  const gzip = gzipSync(data, { level: 9 });
  await writeFile(join(dir, `${f}.br`), brotli);
  await writeFile(join(dir, `${f}.gz`), gzip);
  [raw, br, gz] = [raw + data.length, br + brotli.length, gz + gzip.length];
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`post-build: ${kb(raw)} in all, ${kb(gz)} gzip, ${kb(br)} brotli (${Math.round(100 * (1 - br / gz))}% below gzip)`);
