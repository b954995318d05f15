// A person signs in with the kommun's account: the page's button, the provider's own login form, back on the page.
// Run by OidcTests.cs: node oidc-sign-in.mjs <base-url> <user> <password> <out-dir> [logout].
// With "logout" the person then signs out (here and at the provider) and presses the button again.
// Prints one JSON line with what it saw, including the session cookie (for the test to replay it).
import { join } from 'node:path';
import { withChromium } from './chromium.mjs';

const [baseUrl, user, password, outDir, then] = process.argv.slice(2);
if (!baseUrl || !user || !password || !outDir) {
  console.error('användning: node oidc-sign-in.mjs <bas-url> <användare> <lösenord> <mapp> [logout]');
  process.exit(2);
}

const atProvider = (url) => !url.href.startsWith(baseUrl);

await withChromium({ width: 1100, height: 800 }, async (page) => {
  const seen = {};
  await page.goto(baseUrl);
  await Promise.all([page.waitForURL(atProvider), page.getByRole('link', { name: 'Logga in med kommunens konto' }).click()]);
  seen.providerHeading = await page.locator('h1').textContent();
  await page.getByLabel('Användarnamn').fill(user);
  await page.getByLabel('Lösenord').fill(password);
  await Promise.all([page.waitForURL(`${baseUrl}/**`), page.getByRole('button', { name: 'Logga in' }).click()]);
  seen.url = page.url().slice(baseUrl.length);
  // Either signed in (the quarter list), refused, or failed: wait for whichever the page shows.
  await page.locator('article.kvartal h3, #ingen-behorighet:visible, #inloggning-misslyckades:visible').first().waitFor();
  seen.signedInAs = await page.locator('#vem').isVisible() ? await page.locator('#vem').textContent() : null;
  seen.refused = await page.locator('#ingen-behorighet').isVisible() ? await page.locator('#ingen-behorighet p').innerText() : null;
  seen.failed = await page.locator('#inloggning-misslyckades').isVisible();
  seen.quarters = await page.locator('#kvartalsval option').allTextContents();
  seen.links = await page.locator('a[href^="/api/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  seen.text = await page.locator('body').innerText();
  seen.cookie = (await page.context().cookies(baseUrl)).find((c) => c.name === 'statsreporting.session')?.value ?? null;
  await page.screenshot({ path: join(outDir, `oidc-${user}.png`), fullPage: true });

  if (then === 'logout') {
    await Promise.all([page.waitForURL(atProvider), page.getByRole('button', { name: 'Logga ut' }).click()]);
    seen.providerLogout = await page.locator('h1').textContent();
    await Promise.all([page.waitForURL(`${baseUrl}/**`), page.getByRole('button', { name: 'Ja, logga ut' }).click()]);
    seen.afterLogoutUrl = page.url().slice(baseUrl.length);
    await page.locator('#utloggad').waitFor();
    seen.afterLogout = await page.locator('#utloggad').textContent();
    // Signed out at the provider too: the button leads to its login form again, not straight back in.
    await Promise.all([page.waitForURL(atProvider), page.getByRole('link', { name: 'Logga in med kommunens konto' }).click()]);
    seen.askedAgain = await page.getByLabel('Lösenord').isVisible();
  }
  console.log(JSON.stringify(seen));
});
