// What the browser tests share: the server run.sh started, the users it
// made, a Chromium, and the checks every page gets (axe-core, a screenshot).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through tests/browser/run.sh`);
  return value;
}

export const env = {
  url: need('ESFDRAFT_URL'),
  samples: need('ESFDRAFT_SAMPLES'),
  work: need('ESFDRAFT_WORK'),
  screenshots: need('ESFDRAFT_SCREENSHOT_DIR'),
  owner: { email: need('ESFDRAFT_OWNER_EMAIL'), password: need('ESFDRAFT_OWNER_PASSWORD') },
  reviewer: { email: need('ESFDRAFT_REVIEWER_EMAIL'), password: need('ESFDRAFT_REVIEWER_PASSWORD') },
};

export async function launch() {
  return chromium.launch({
    executablePath: process.env.ESFDRAFT_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// A fresh context (no cookies) that speaks the given language.
export async function newPage(browser, locale = 'sv-SE') {
  // bypassCSP: the pages forbid inline script (rightly); axe-core is injected as one.
  const context = await browser.newContext({ baseURL: env.url, locale, acceptDownloads: true, bypassCSP: true,
    viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return page;
}

const axePath = require.resolve('axe-core/axe.min.js');
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe-core on the page as it is now: no serious or critical WCAG 2.1 A/AA
// violation. The message names each rule and the elements it found.
export async function assertAccessible(page, label) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`) }));
  }, wcag);
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${label} (${page.url()}): axe-core found ${bad.length} serious/critical violation(s):\n` +
    bad.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n'));
  // The minor and moderate ones do not fail the test; they are named in its output.
  for (const v of result) console.log(`axe ${v.impact} on ${label}: ${v.id}: ${v.help} (${v.nodes.length} element(s))`);
  return result;
}

let shot = 0;
// A full-page screenshot named by its order and label, then the axe check.
export async function visit(page, label) {
  await page.waitForLoadState('load');
  shot += 1;
  await page.screenshot({ path: path.join(env.screenshots, `${String(shot).padStart(2, '0')}-${label}.png`), fullPage: true });
  return assertAccessible(page, label);
}

export async function signIn(page, who) {
  await page.goto('/login');
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await Promise.all([page.waitForURL('**/applications'), page.click('form[action="/login"] button[type=submit]')]);
}

// Presses Tab until the focused element matches the selector; fails after
// `limit` presses (the element is not reachable by keyboard).
export async function tabTo(page, selector, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${selector} was not reached with ${limit} presses of Tab on ${page.url()}`);
}

// Tabs through the whole page and back: every visible focusable element gets
// focus in turn, each press moves focus (no trap), and Shift+Tab walks back.
export async function assertNoKeyboardTrap(page, label) {
  const focusable = await page.evaluate(() => {
    const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')];
    return all.filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0).length;
  });
  const describe = () => page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const all = [...document.querySelectorAll('*')];
    return `${el.tagName.toLowerCase()}#${all.indexOf(el)}`;
  });
  // A fresh load puts the start of sequential focus navigation at the top
  // (a blur would leave it where the focus was). Only GET pages come here.
  await page.reload();
  const forward = [];
  for (let i = 0; i < focusable; i += 1) {
    await page.keyboard.press('Tab');
    forward.push(await describe());
  }
  for (let i = 1; i < forward.length; i += 1) {
    assert.notEqual(forward[i], forward[i - 1], `${label}: focus stuck on ${forward[i]} after Tab ${i + 1}`);
  }
  assert.equal(new Set(forward).size, focusable, `${label}: ${focusable} focusable elements, Tab reached ${new Set(forward).size}`);
  const backward = [];
  for (let i = 1; i < focusable; i += 1) {
    await page.keyboard.press('Shift+Tab');
    backward.push(await describe());
  }
  assert.deepEqual(backward, forward.slice(0, -1).reverse(), `${label}: Shift+Tab does not walk back the way Tab came`);
}
