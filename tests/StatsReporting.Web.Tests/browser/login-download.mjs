// Drives Debian's Chromium through the page like a controller would: log in with a key, find the quarter,
// download the SoL workbook (or the link named by the optional fourth argument).
// Run by BrowserTests.cs: node login-download.mjs <base-url> <key> <out-dir> [link-name].
// Prints one JSON line with what it saw; the test reads the downloaded file itself.
import { join } from 'node:path';
import { logIn, withChromium } from './chromium.mjs';

const [baseUrl, key, outDir, linkName] = process.argv.slice(2);
if (!baseUrl || !key || !outDir) {
  console.error('användning: node login-download.mjs <bas-url> <nyckel> <mapp>');
  process.exit(2);
}

await withChromium({ width: 1100, height: 800 }, async (page) => {
  await page.goto(baseUrl);
  await logIn(page, baseUrl, key);
  const quarter = page.locator('article.kvartal h3', { hasText: '2025Q2' });
  await quarter.waitFor();
  // Every chart must actually have loaded (through the cookie session) before the picture is taken.
  await page.waitForFunction(() => document.images.length > 0 && [...document.images].every((i) => i.complete));
  const charts = await page.locator('.diagram img').evaluateAll((imgs) => imgs.map((i) => i.naturalWidth));
  await page.screenshot({ path: join(outDir, linkName ? 'sida-ivo.png' : 'sida-controller.png'), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName ?? 'KF-arbetsbok: EVB SoL 2025 kv2.xlsx' }).click(),
  ]);
  const saved = join(outDir, download.suggestedFilename());
  await download.saveAs(saved);

  console.log(JSON.stringify({
    heading: await quarter.textContent(),
    signedInAs: await page.locator('#vem').textContent(),
    links: await page.locator('#kvartalsinnehall .filer a').allTextContents(),
    importVisible: await page.locator('#import').isVisible(),
    runsVisible: await page.locator('#korningar').isVisible(),
    chartWidths: charts,
    suggestedFilename: download.suggestedFilename(),
    saved,
  }));
});
