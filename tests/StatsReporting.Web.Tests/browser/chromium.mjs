// Debian's Chromium as every browser test starts it (playwright-core cannot download a browser here): a fresh
// profile, removed afterwards whatever happens. `use` gets the page; its result is returned.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function withChromium(viewport, use) {
  const profile = mkdtempSync(join(tmpdir(), 'statsreporting-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(20000);
    return await use(page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// On the login page: fills in the key and waits for the page to come back signed in.
export async function logIn(page, baseUrl, key) {
  await page.getByLabel('API-nyckel').fill(key);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.getByRole('button', { name: 'Logga in' }).click()]);
}
