// The main flow with the keyboard alone (Tab, Enter, Space): sign in, upload,
// submit. A file input cannot be driven by keys in a headless browser (it
// opens the system's file chooser), so its files are set once it has focus.
// Each page is also tabbed through forwards and back, to find keyboard traps.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoKeyboardTrap, env, launch, newPage, tabTo, visit } from './helpers.mjs';

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await newPage(browser);
});

after(async () => {
  await browser?.close();
});

const focused = () => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));

test('the skip link is the first stop and moves focus to the content', async () => {
  await page.goto('/login');
  await page.keyboard.press('Tab');
  assert.match(await focused(), /class="skip"/);
  const visible = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.width > 0;
  });
  assert.ok(visible, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
});

test('the sign-in page has no keyboard trap', async () => {
  await assertNoKeyboardTrap(page, 'sign-in');
});

test('sign in with the keyboard', async () => {
  await page.goto('/login');
  await tabTo(page, '#email');
  await page.keyboard.type(env.owner.email);
  await page.keyboard.press('Tab');
  assert.match(await focused(), /id="password"/);
  await page.keyboard.type(env.owner.password);
  await Promise.all([page.waitForURL('**/applications'), page.keyboard.press('Enter')]);
  await assertNoKeyboardTrap(page, 'my applications');
});

test('upload with the keyboard', async () => {
  await tabTo(page, 'a[href="/applications/new"]');
  await Promise.all([page.waitForURL('**/applications/new'), page.keyboard.press('Enter')]);
  await assertNoKeyboardTrap(page, 'new application');
  await page.evaluate(() => document.activeElement?.blur());
  await tabTo(page, '#plan');
  await page.locator(':focus').setInputFiles(path.join(env.samples, 'framsyn', 'plan.xml'));
  await page.keyboard.press('Tab');
  assert.match(await focused(), /id="findings"/);
  await page.locator(':focus').setInputFiles(path.join(env.samples, 'framsyn', 'findings.xml'));
  await page.keyboard.press('Tab');
  assert.match(await focused(), /<button type="submit"/);
  await Promise.all([page.waitForURL(/\/applications\/(?!new)[^/]+$/), page.keyboard.press('Enter')]);
  assert.match(await page.locator('h1').innerText(), /FRAMSYN/);
  await visit(page, 'keyboard-application');
});

test('submit with the keyboard', async () => {
  await assertNoKeyboardTrap(page, 'application');
  await page.evaluate(() => document.activeElement?.blur());
  await tabTo(page, 'button[name=to][value=submitted]');
  const here = page.url();
  await Promise.all([page.waitForURL(here), page.waitForEvent('framenavigated'), page.keyboard.press('Space')]);
  await page.waitForLoadState('load');
  assert.equal(await page.locator('main p .status').first().innerText(), 'inskickad');
});

test('a focused control shows where the focus is', async () => {
  await page.goto('/applications');
  await tabTo(page, 'main a[href^="/applications/"]');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused link has an outline');
  // Yellow shows on the blue header, the dark ring on white: one of them has 3:1 contrast everywhere.
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).boxShadow);
  assert.match(ring, /rgb\(27, 27, 27\)/, 'the focused link has a dark ring inside the outline');
  await visit(page, 'focus-visible');
});
