// Files follow one set of strict rules in the app and the command line: a list is not a lever
// object, a key given twice is an error, a UTF-8 BOM is fine, and a huge file is refused.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, waitDone } from './helpers.mjs';

const app = useApp();
const BOM = '\ufeff';
const CASES = [
  ['list.json', '{"levers": [1, 2, 3, 4]}', /levers: wrong type, expected an object/],
  ['twice.json', '{"levers": {"budget": 1000, "budget": 2000}}', /levers: `budget` is given twice/],
  ['huge.json', `{"note": "${'x'.repeat(1100000)}"}`, /too large: at most 1,048,576 bytes/],
];

/** The command line's answer to a scenario file: [exit code, what it printed on stderr]. */
function cli(file) {
  try {
    execFileSync(process.env.LONGGAME_CLI, ['run', '--scenario', file, '--runs', '20', '--days', '60'], { stdio: 'pipe' });
    return [0, ''];
  } catch (e) {
    return [e.status, e.stderr.toString()];
  }
}

app.test('the app and the command line refuse the same bad files and accept a BOM', async ({ open, page }) => {
  await open('?n=50');
  await waitDone(page);
  const input = page.locator('.export .import input[type=file]');
  const dir = await mkdtemp(join(tmpdir(), 'lg-files-'));
  try {
    for (const [name, text, message] of CASES) {
      await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.locator('.export .panel-message', { hasText: message }).waitFor();
      assert.match(await page.locator('.export .panel-message').innerText(), new RegExp(name.replace('.', '\\.')));
      assert.equal(new URLSearchParams(await page.evaluate(() => location.search)).get('b'), null, `${name} changed the levers`);
      if (process.env.LONGGAME_CLI) {
        await writeFile(join(dir, name), text);
        const [code, err] = cli(join(dir, name));
        assert.equal(code, 2, `the command line accepted ${name}`);
        assert.match(err, new RegExp(message.source.replace('1,048,576', '1048576')));
      }
    }
    const bom = `${BOM}{"levers": {"budget": 2500}}`;
    await input.setInputFiles({ name: 'bom.json', mimeType: 'application/json', buffer: Buffer.from(bom) });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('b') === '2500');
    if (process.env.LONGGAME_CLI) {
      await writeFile(join(dir, 'bom.json'), bom);
      assert.deepEqual(cli(join(dir, 'bom.json')), [0, '']);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

app.test('file problems are worded in Swedish too', async ({ open, page }) => {
  await open('?n=50&lang=sv');
  await waitDone(page);
  const input = page.locator('.export .import input[type=file]');
  await input.setInputFiles({ name: 'twice.json', mimeType: 'application/json', buffer: Buffer.from(CASES[1][1]) });
  await page.locator('.export .panel-message', { hasText: /levers: `budget` anges två gånger/ }).waitFor();
});
