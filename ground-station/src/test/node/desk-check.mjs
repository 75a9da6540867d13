// Drives Debian's Chromium (headless) through the agency desk the way forestry staff use it:
// log in, read the queue, open the evidence, answer "crew on the way", and see a new alert arrive
// without reloading. Prints one JSON line with what it saw; screenshots go to the folder given.
// usage: node desk-check.mjs <base https url> <user> <password> <screenshot dir> <signal file>
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';

const [base, user, password, shots, signal] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run']
});
const result = {};
try {
  // the station's certificate is self-signed in the test; the Java side checks TLS itself
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('desk page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') console.error('desk console: ' + m.text()); });
  let navigations = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations++; });
  await page.goto(base + '/desk/');
  await page.fill('#user', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('#login')]);
  if (!(await page.$('#queue'))) {
    throw new Error('login failed at ' + page.url() + ': ' + (await page.textContent('body')));
  }
  await page.waitForSelector('#queue li');
  await page.waitForSelector('#live:text("live")');
  result.queue = await page.$$eval('#queue li', (lis) => lis.map((l) => l.textContent));
  await page.screenshot({ path: shots + '/desk-queue.png' });

  await page.click('#queue li');
  await page.waitForFunction(() => {
    const img = document.getElementById('d-evidence');
    return img && img.complete && img.naturalWidth > 0;
  });
  result.evidenceWidth = await page.$eval('#d-evidence', (i) => i.naturalWidth);
  result.thermal = await page.textContent('#d-thermal');
  await page.screenshot({ path: shots + '/desk-evidence.png' });

  await page.fill('#note', 'crew leaving the depot');
  await page.click('button[data-action="on-the-way"]');
  await page.waitForSelector('#history li:has-text("on-the-way")');
  result.history = await page.$$eval('#history li', (lis) => lis.map((l) => l.textContent));

  // a request without the session's CSRF token, from the page itself, is refused
  result.withoutToken = await page.evaluate(async () => (await fetch('/desk/api/answer', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ incident: 'fire-1', action: 'resolved' })
  })).status);

  const before = navigations;
  writeFileSync(signal, 'answered');
  await page.waitForFunction(() => document.querySelectorAll('#queue li').length >= 2, null, { timeout: 30000 });
  result.liveQueue = await page.$$eval('#queue li', (lis) => lis.map((l) => l.textContent));
  result.reloaded = navigations !== before;
  await page.screenshot({ path: shots + '/desk-map.png' });
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
