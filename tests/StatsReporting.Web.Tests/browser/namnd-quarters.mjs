// A controller of one nämnd logs in and reads the quarter list and the download links (issue 15).
// Run by NamndBrowserTests.cs: node namnd-quarters.mjs <base-url> <key> [nämnd to choose in the Nämnd list].
// Prints one JSON line with what it saw.
import { logIn, withChromium } from './chromium.mjs';

const [baseUrl, key, choose] = process.argv.slice(2);
if (!baseUrl || !key) {
  console.error('användning: node namnd-quarters.mjs <bas-url> <nyckel>');
  process.exit(2);
}

await withChromium({ width: 1100, height: 800 }, async (page) => {
  await page.goto(baseUrl);
  await logIn(page, baseUrl, key);
  await page.locator('article.kvartal h3').waitFor();
  const namnder = await page.locator('#namndval').isVisible() ? await page.locator('#namndval option').allTextContents() : [];
  if (choose) {
    await Promise.all([page.waitForURL(`**/?namnd=${choose}`), page.getByLabel('Nämnd').selectOption(choose)]);
    await page.locator('article.kvartal h3').waitFor();
  }
  const quarters = await page.locator('#kvartalsval option').allTextContents();
  const links = await page.locator('a[href^="/api/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const text = await page.locator('body').innerText();
  console.log(JSON.stringify({ namnder, quarters, links, text }));
});
