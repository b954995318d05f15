// Drives Debian's Chromium to the page's bevakning section like a controller would: log in with a key, read the
// counts per lag, verksamhet and enhet, download the bevakningslista. Run by BrowserTests.cs:
// node bevakning.mjs <base-url> <key> <out-dir>. Prints one JSON line with what it saw; the test reads the file itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, key, outDir] = process.argv.slice(2);
if (!baseUrl || !key || !outDir) {
  console.error('användning: node bevakning.mjs <bas-url> <nyckel> <mapp>');
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'statsreporting-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1100, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(20000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl);
  await page.getByLabel('API-nyckel').fill(key);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.getByRole('button', { name: 'Logga in' }).click()]);
  const section = page.locator('#bevakningslista');
  await section.waitFor({ state: 'visible' });
  await section.screenshot({ path: join(outDir, 'bevakning-controller.png') });

  const link = page.locator('#bevakning-hamta');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = join(outDir, download.suggestedFilename());
  await download.saveAs(saved);

  console.log(JSON.stringify({
    heading: await section.locator('h2').textContent(),
    summary: await page.locator('#bevakning-summa').textContent(),
    columns: await section.locator('thead th').allTextContents(),
    rows: await section.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent))),
    link: await link.textContent(),
    suggestedFilename: download.suggestedFilename(),
    saved,
    errors,
  }));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
