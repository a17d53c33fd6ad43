// Trunk post-build hook (also runnable by hand: `node scripts/post-build.mjs dist`).
// 0. In release builds, minifies the JavaScript Trunk leaves as is (the wasm-bindgen glue, on
//    which Trunk's own minifier fails, and the service worker's registration) with terser, and
//    re-writes every Subresource Integrity hash in index.html from the files as they now are.
// 1. Writes sw.js from static/sw.js, versioned by a hash of every built file, listing them
//    all, so a new deploy installs as one new set of files, never a stale mix.
// 2. Puts a strict Content-Security-Policy into index.html: only this origin, wasm
//    compilation, and the one inline loader script Trunk writes, allowed by its hash.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const files = (await readdir(dir)).filter((f) => f !== 'sw.js').sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(await readFile(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const sw = (await readFile(template, 'utf8'))
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace("['__FILES__']", JSON.stringify(['./', ...files.filter((f) => f !== 'index.html').map((f) => `./${f}`)]));
await writeFile(join(dir, 'sw.js'), sw);
console.log(`post-build: sw.js version ${version} (${files.length} files), CSP with ${inline.length} inline script hash(es)`);
