// A controller of one nämnd logs in and reads the quarter list and the download links (issue 15).
// Run by NamndBrowserTests.cs: node namnd-quarters.mjs <base-url> <key>. Prints one JSON line with what it saw.
import { logIn, withChromium } from './chromium.mjs';

const [baseUrl, key] = process.argv.slice(2);
if (!baseUrl || !key) {
  console.error('användning: node namnd-quarters.mjs <bas-url> <nyckel>');
  process.exit(2);
}

await withChromium({ width: 1100, height: 800 }, async (page) => {
  await page.goto(baseUrl);
  await logIn(page, baseUrl, key);
  await page.locator('article.kvartal h3').waitFor();
  const quarters = await page.locator('#kvartalsval option').allTextContents();
  const links = await page.locator('a[href^="/api/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const text = await page.locator('body').innerText();
  console.log(JSON.stringify({ quarters, links, text }));
});
