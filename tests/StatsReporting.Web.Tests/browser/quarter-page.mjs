// The controller's page for a quarter, in Debian's Chromium: what a person sees at 1280 px, at 390 px (a phone) and
// when printing, and the zip download. Run by BrowserTests.cs: node quarter-page.mjs <base-url> <key> <out-dir> [empty].
// Prints one JSON line with what it saw; screenshots go to <out-dir>.
import { join } from 'node:path';
import { logIn, withChromium } from './chromium.mjs';

const [baseUrl, key, outDir, mode] = process.argv.slice(2);
if (!baseUrl || !key || !outDir) {
  console.error('användning: node quarter-page.mjs <bas-url> <nyckel> <mapp> [empty]');
  process.exit(2);
}

// The lowest text/background contrast on the page (WCAG 2 formula), over every visible element with its own text;
// the background is the nearest ancestor's opaque background colour.
const lowestContrast = (page) => page.evaluate(() => {
  const rgb = (c) => c.match(/[\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (e) => {
    for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (rgb(c)[3] !== 0) return rgb(c); }
    return [255, 255, 255];
  };
  let lowest = { ratio: 99, text: '' };
  for (const e of document.querySelectorAll('body *')) {
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !e.checkVisibility()) continue;
    const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(background(e))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < lowest.ratio) lowest = { ratio: Math.round(ratio * 100) / 100, text: e.textContent.trim().slice(0, 40) };
  }
  return lowest;
});
const horizontalOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const cells = (page, caption) => page.locator('table.sammanstallning', { has: page.locator('caption', { hasText: caption }) })
  .locator('tr.total').first().locator('td').allTextContents();

await withChromium({ width: 1280, height: 900 }, async (page) => {
  await page.goto(baseUrl);
  await page.locator('#nyckelhjalp', { hasText: /./ }).waitFor();
  const loginHelp = await page.locator('#nyckelhjalp').textContent();
  await page.screenshot({ path: join(outDir, 'inloggning.png') });
  await logIn(page, baseUrl, key);

  if (mode === 'empty') {
    await page.locator('#inga-kvartal').waitFor();
    await page.screenshot({ path: join(outDir, 'tomt.png'), fullPage: true });
    console.log(JSON.stringify({ empty: await page.locator('#inga-kvartal').textContent(), pickerVisible: await page.locator('#kvartalsval').isVisible() }));
  } else {
    await page.locator('#kvartalsrubrik').waitFor();
    await page.waitForFunction(() => document.images.length > 0 && [...document.images].every((i) => i.complete));
    await page.screenshot({ path: join(outDir, 'kvartal-1280.png'), fullPage: true });

    // Keyboard: Tab reaches the quarter picker; the first chart opens enlarged with Enter and closes with Escape.
    let tabs = 0;
    while (tabs < 30 && await page.evaluate(() => document.activeElement?.id) !== 'kvartalsval') { await page.keyboard.press('Tab'); tabs++; }
    const firstChart = page.locator('button.forstora').first();
    await firstChart.focus();
    await page.keyboard.press('Enter');
    await page.locator('#forstoring[open]').waitFor();
    await page.screenshot({ path: join(outDir, 'forstorat-diagram.png') });
    const enlarged = await page.locator('#forstoring-text').textContent();
    await page.keyboard.press('Escape');
    const closed = await page.locator('#forstoring[open]').count() === 0;

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Allt i ett paket \(zip\)/ }).click()]);
    const zip = join(outDir, download.suggestedFilename());
    await download.saveAs(zip);

    const seen = {
      selected: await page.locator('#kvartalsval').inputValue(),
      options: await page.locator('#kvartalsval option').allTextContents(),
      heading: await page.locator('#kvartalsrubrik').textContent(),
      lawHeadings: await page.locator('section.lag h4').allTextContents(),
      sol: await cells(page, 'Sammanställning SoL'),
      lss: await cells(page, 'Sammanställning LSS'),
      solTotal: await page.locator('section.lag').nth(0).locator('.summa').textContent(),
      findings: await page.locator('.kontroller').evaluateAll((ks) => ks.map((k) => k.innerText.replace(/\s+/g, ' ').trim())),
      chartCaptions: await page.locator('.diagram figcaption').allTextContents(),
      chartWidth: await page.locator('.diagram img').first().evaluate((i) => Math.round(i.getBoundingClientRect().width)),
      links: await page.locator('#kvartalsinnehall .filer a').allTextContents(),
      loginHelp, tabsToPicker: tabs, enlarged, closed, zip,
      lang: await page.evaluate(() => document.documentElement.lang),
      unlabelled: await page.evaluate(() => [...document.querySelectorAll('input:not([type=hidden]), select')]
        .filter((i) => !i.labels?.length).map((i) => i.id)),
      overflow1280: await horizontalOverflow(page),
      contrast: await lowestContrast(page),
    };

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    seen.overflow390 = await horizontalOverflow(page);
    await page.screenshot({ path: join(outDir, 'kvartal-390.png') });
    await page.locator('table.sammanstallning').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outDir, 'kvartal-390-lss.png') });
    await page.screenshot({ path: join(outDir, 'kvartal-390-hel.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(outDir, 'utskrift.png'), fullPage: true });
    seen.printHidden = await page.locator('#kvartalsval').isHidden();
    await page.pdf({ path: join(outDir, 'utskrift.pdf'), format: 'A4' });
    console.log(JSON.stringify(seen));
  }
});
