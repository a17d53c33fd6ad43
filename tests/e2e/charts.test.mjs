// The charts explain their marks in a visible legend, and the sentence under a chart talks
// about the same day as its readout; their text is drawn at about 12 px at laptop size, one
// number style per axis, nothing overlapping.
import assert from 'node:assert/strict';
import { useApp, textOf, waitDone, shown } from './helpers.mjs';

const app = useApp();

app.test('a visible legend explains the bands, the median, reviews and, when shown, the single futures', async ({ open, page }) => {
  await open('?n=50&A=b:300&x=120');
  await waitDone(page);
  const legend = page.locator('.chart-legend');
  await shown(legend, 'the chart legend');
  const text = await legend.innerText();
  for (const words of ['8 in 10 futures', 'half of the futures', 'median', 'A, the pinned scenario', 'if you quit', 'management review']) {
    assert.ok(text.includes(words), `the legend lacks "${words}": ${text}`);
  }
  assert.doesNotMatch(text, /crisis/, 'single futures are off: no crisis mark to explain');
  await page.getByLabel('Show single futures').check();
  await legend.getByText('crisis (orange: firestorm, green: faded)').waitFor();
  await legend.getByText('programme cancelled').waitFor();
  await open('?n=50&lang=sv');
  assert.match(await textOf(page, '.chart-legend'), /8 av 10 framtider/);
});

app.test('the sentence under a chart names the day its readout shows', async ({ open, page }) => {
  await open('?n=50');
  await waitDone(page);
  const chart = page.locator('.chart[data-chart="leads"]');
  const box = await chart.locator('svg').boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  const day = (await chart.locator('.readout').innerText()).match(/^Day (\d+)/)[1];
  assert.notEqual(day, '365', 'the cursor moved the readout');
  assert.match(await chart.locator('.explain').innerText(), new RegExp(`on day ${day} `));
});

/** For every chart on the page: its text sizes as drawn, its value-axis labels, overlapping
 * labels and review marks sitting on a label. */
const measureCharts = (page) => page.$$eval('figure.chart:not(.chart-placeholder)', (figures) => figures.map((fig) => {
  const svg = fig.querySelector('svg');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')];
  const boxes = texts.map((t) => t.getBoundingClientRect());
  const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const overlaps = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => hit(a, b) && overlaps.push(`${texts[i].textContent} / ${texts[i + 1 + j].textContent}`)));
  const onLabels = [...svg.querySelectorAll('path.review')].filter((r) => boxes.some((b) => hit(r.getBoundingClientRect(), b))).length;
  return {
    name: fig.dataset.chart || 'weekly',
    sizes: texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale),
    ticks: [...svg.querySelectorAll('.tick text')].map((t) => t.textContent),
    overlaps,
    onLabels,
  };
}));

for (const lang of ['en', 'sv']) {
  app.test(`chart text is about 12 px at laptop size, one number style per axis, nothing on a label (${lang})`, async ({ open, page }) => {
    await open(`?n=100&lang=${lang}`);
    await waitDone(page);
    const charts = await measureCharts(page);
    assert.equal(charts.length, 9, 'eight fan charts and the weekly chances');
    for (const c of charts) {
      for (const px of c.sizes) assert.ok(px >= 10.5 && px <= 13.5, `${c.name}: text drawn at ${px.toFixed(1)} px`);
      assert.deepEqual(c.overlaps, [], `${c.name}: labels overlap`);
      assert.equal(c.onLabels, 0, `${c.name}: review marks sit on tick labels`);
      const grouped = c.ticks.some((t) => /\d[,\u00a0]\d{3}/.test(t));
      const short = c.ticks.some((t) => /\d[kM]/.test(t));
      assert.ok(!(grouped && short), `${c.name}: one axis mixes styles: ${c.ticks.join(' ')}`);
    }
    const followers = charts.find((c) => c.name === 'followers').ticks;
    assert.ok(followers.some((t) => /\dk/.test(t)), `the followers axis reaches 10k: ${followers.join(' ')}`);
  });
}

app.test('where 8 in 10 futures agree, the sentences say so instead of "between X and X"', async ({ open, page }) => {
  // A fixed budget costs the same in every future the programme survives: the cost band has no width.
  await open('?n=100&i=100');
  await waitDone(page);
  const cost = page.locator('.chart[data-chart="cost"]');
  const [readout, explain] = [await cost.locator('.readout').innerText(), await cost.locator('.explain').innerText()];
  assert.doesNotMatch(readout + explain, /between (\S+) and \1\b/);
  assert.match(explain, /they agree on it, so the band has no width/);
  assert.match(readout, /8 in 10 futures at €/);
  // A chart whose futures differ keeps its band wording.
  assert.match(await page.locator('.chart[data-chart="leads"] .explain').innerText(), /in the light band, between/);
});

app.test('where the median is also the top of the band, the sentence does not say half the futures end above it', async ({ open, page }) => {
  // Buy-in 30: most futures pay the whole budget, some were cancelled earlier (at the default
  // nearly none is now, and the band has no width).
  await open('?n=100&i=30');
  await waitDone(page);
  const cost = page.locator('.chart[data-chart="cost"]');
  const readout = await cost.locator('.readout').innerText();
  const [, median, top] = readout.match(/median (\S+); .* and (\S+)$/) ?? [];
  assert.equal(median, top, `the median is the band's top: ${readout}`);
  const explain = await cost.locator('.explain').innerText();
  assert.doesNotMatch(explain, /half the futures end above it/, `${readout} / ${explain}`);
  assert.match(explain, /no more than 1 in 10 futures end above it/);
  assert.match(await page.locator('.chart[data-chart="leads"] .explain').innerText(), /half the futures end above it/);
  await open('?n=100&i=30&lang=sv');
  await waitDone(page);
  assert.match(await page.locator('.chart[data-chart="leads"] .explain').innerText(), /Linjen är medianen: hälften/);
});
