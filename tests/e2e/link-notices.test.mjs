// A link whose value the page ignores or corrects says so, in the page's language: English in
// an English browser, Swedish in a Swedish one (each value's wording is checked natively in
// tests/link_notices.rs; here the notice reaches the screen in every mode).
import assert from 'node:assert/strict';
import { useApp } from './helpers.mjs';

const app = useApp();

const CASES = [
  { link: '?embed=yes&n=20', en: /embed setting is 'yes'.*full page/, sv: /inbäddningen är 'yes'.*hela sidan/ },
  { link: '?lang=de&n=20', en: /language 'de' is not available.*English/, sv: /språket 'de' finns inte.*svenska/ },
  { link: '?x=731&d=730&n=20', en: /quit day is 731, after the horizon of 730 days/, sv: /dagen för att sluta är 731, efter tidshorisonten på 730/ },
  { link: '?story=default&step=999', en: /step is 999, past the end/, sv: /steget är 999, efter slutet/ },
  { link: '?play=1000&d=100', en: /game's day is 1000.*shown at day \d+/, sv: /spelets dag är 1000.*visas på dag \d+/ },
  { link: '?b=5000&b=abc&n=20', en: /'b' is given more than once; its first value is used and 'abc' is ignored/, sv: /'b' anges mer än en gång.*'abc' ignoreras/ },
  { link: '?class=A%3A%20x&rank=x', en: /class cannot be ranked on 'x'.*ranked on leads/, sv: /klassen kan inte rankas på 'x'/ },
];

for (const [lang, locale] of [['en', 'en-GB'], ['sv', 'sv-SE']]) {
  app.test(`a link's ignored or corrected values are each reported, ${lang}`, async ({ open, page }) => {
    // The browser's language decides the page's when the link names none.
    await page.addInitScript((locale) => {
      Object.defineProperty(Navigator.prototype, 'language', { get: () => locale });
    }, locale);
    for (const c of CASES) {
      await open(c.link);
      const notices = page.locator('.notices');
      await notices.waitFor({ timeout: 15000 });
      const text = await notices.innerText();
      assert.match(text, c[lang], `${c.link} in ${lang}: ${text}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang, c.link);
    }
  });
}
