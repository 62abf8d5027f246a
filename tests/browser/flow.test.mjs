// The service's main flow in a real browser: an owner uploads FRAMSYN, reads
// the report, downloads the draft and submits; a reviewer comments and asks
// for changes; the owner uploads a new version and sees the comment and the
// difference. Every page passes axe-core and is kept as a screenshot.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertAccessible, env, launch, newPage, signIn, visit } from './helpers.mjs';

const plan = path.join(env.samples, 'framsyn', 'plan.xml');
const findings = path.join(env.samples, 'framsyn', 'findings.xml');
const revisedTitle = 'FRAMSYN reviderad';

let browser;
let owner;
let reviewer;
let applicationUrl;

before(async () => {
  browser = await launch();
  owner = await newPage(browser);
  reviewer = await newPage(browser);
});

after(async () => {
  await browser?.close();
});

test('the axe check can fail: it finds a missing alt text and a missing language', async () => {
  const page = await newPage(browser);
  await page.setContent('<!DOCTYPE html><html><head><title>bad</title></head><body><img src="x.png"></body></html>');
  await assert.rejects(assertAccessible(page, 'known-bad'), /image-alt \(critical\)[\s\S]*|html-has-lang/);
  await page.context().close();
});

test('the sign-in page', async () => {
  await owner.goto('/');
  assert.match(owner.url(), /\/login$/);
  await visit(owner, 'sign-in');
});

test('a wrong password is refused on the page', async () => {
  await owner.fill('#email', env.owner.email);
  await owner.fill('#password', 'not the password');
  await owner.click('form[action="/login"] button[type=submit]');
  await owner.locator('[role=alert]').waitFor();
  assert.match(owner.url(), /\/login$/);
  await visit(owner, 'sign-in-refused');
});

test('the owner signs in and uploads FRAMSYN', async () => {
  await signIn(owner, env.owner);
  await visit(owner, 'my-applications-empty');
  await owner.click('main a[href="/applications/new"]');
  await owner.waitForURL('**/applications/new');
  await visit(owner, 'new-application');
  await owner.setInputFiles('#plan', plan);
  await owner.setInputFiles('#findings', findings);
  await Promise.all([owner.waitForURL(/\/applications\/[^/]+$/), owner.click('form[action="/applications"] button[type=submit]')]);
  applicationUrl = new URL(owner.url()).pathname;
  assert.notEqual(applicationUrl, '/applications/new');
  assert.match(await owner.locator('h1').innerText(), /FRAMSYN/);
  await visit(owner, 'application-v1');
});

test('the owner reads the report in the page', async () => {
  const sections = owner.locator('table', { has: owner.locator('caption', { hasText: 'Status per avsnitt' }) });
  assert.ok(await sections.locator('tbody tr').count() > 3, 'the report has a status row per section');
  assert.ok(await owner.locator('.plan').innerText().then((text) => text.includes('Regionförbundet Västerbottens län')),
    'the plan is shown in the page');
  const check = await owner.locator('main table').first().locator('tbody tr').first().innerText();
  // FRAMSYN has one warning (D007, the start date is in the past): singular, and in Swedish.
  assert.match(check, /0 fel, 1 varning, 0 tips/, 'the versions table shows the check summary, singular for one');
  const findingsTable = owner.locator('table', { has: owner.locator('caption', { hasText: 'Anmärkningar' }) });
  const severities = await findingsTable.locator('tbody tr td:first-child').allInnerTexts();
  assert.ok(severities.length > 0, 'the report lists the findings');
  for (const severity of severities) assert.ok(['fel', 'varning', 'tips'].includes(severity), `severity "${severity}" is in Swedish`);
});

test('the owner downloads the draft (a DOCX)', async () => {
  const link = owner.locator('a[href*="/versions/1/draft.docx"]');
  const [download] = await Promise.all([owner.waitForEvent('download'), link.click()]);
  const file = path.join(env.work, 'draft.docx');
  await download.saveAs(file);
  const bytes = await readFile(file);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'the draft is a zip (DOCX)');
  assert.ok(bytes.length > 10 * 1024, `the draft is ${bytes.length} bytes, expected more than 10 KB`);
  assert.ok(bytes.includes(Buffer.from('word/document.xml')), 'the zip holds word/document.xml');
});

test('the owner submits', async () => {
  await Promise.all([owner.waitForURL(`**${applicationUrl}`), owner.click('button[name=to][value=submitted]')]);
  assert.equal(await owner.locator('main p .status').first().innerText(), 'inskickad');
  await visit(owner, 'application-submitted');
  await owner.goto('/applications');
  assert.equal(await owner.locator(`a[href="${applicationUrl}"]`).count(), 1);
  await visit(owner, 'my-applications');
});

let ruleCommented = '';

test('the reviewer finds it in the queue, comments on a finding and asks for changes', async () => {
  await signIn(reviewer, env.reviewer);
  await visit(reviewer, 'reviewer-applications');
  await reviewer.click('nav a[href="/queue"]');
  await reviewer.waitForURL('**/queue');
  await visit(reviewer, 'queue');
  const row = reviewer.locator('tbody tr', { has: reviewer.locator(`a[href="${applicationUrl}"]`) });
  assert.equal(await row.count(), 1, 'the submitted application is in the queue');
  assert.match(await row.innerText(), /inskickad/);
  await reviewer.goto('/queue?status=submitted');
  assert.equal(await reviewer.locator(`a[href="${applicationUrl}"]`).count(), 1, 'the status filter keeps it');
  await visit(reviewer, 'queue-filtered');
  await Promise.all([reviewer.waitForURL(`**${applicationUrl}`), reviewer.click(`a[href="${applicationUrl}"]`)]);
  await visit(reviewer, 'reviewer-application');

  await Promise.all([reviewer.waitForURL(`**${applicationUrl}`), reviewer.click('button[name=to][value=in-review]')]);
  assert.equal(await reviewer.locator('main p .status').first().innerText(), 'granskas');

  // The first finding's rule, from the findings table (second cell of a row).
  const findingsTable = reviewer.locator('table', { has: reviewer.locator('caption', { hasText: 'Anmärkningar' }) });
  if (await findingsTable.count()) ruleCommented = (await findingsTable.locator('tbody tr').first().locator('td').nth(1).innerText()).trim();
  await reviewer.fill('#comment-text', 'Beskriv hur noderna bemannas.');
  await reviewer.fill('#comment-section', 'organisation');
  if (ruleCommented) await reviewer.fill('#comment-rule', ruleCommented);
  await Promise.all([reviewer.waitForURL(`**${applicationUrl}`), reviewer.click('form[action$="/comments"] button[type=submit]')]);
  assert.match(await reviewer.locator('article.comment').innerText(), /Beskriv hur noderna bemannas/);

  await reviewer.fill('#transition-comment', 'Komplettera organisationsavsnittet.');
  await Promise.all([reviewer.waitForURL(`**${applicationUrl}`), reviewer.click('button[name=to][value=changes-requested]')]);
  assert.equal(await reviewer.locator('main p .status').first().innerText(), 'ändringar begärda');
  await visit(reviewer, 'reviewer-changes-requested');
});

test('the owner uploads a new version and sees the comment and the difference', async () => {
  const text = await readFile(plan, 'utf8');
  const revised = text.replace(/<title>FRAMSYN[^<]*<\/title>/, `<title>${revisedTitle}</title>`);
  assert.notEqual(revised, text, 'the sample has a title to change');
  const dir = path.join(env.work, 'v2');
  await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
  await writeFile(path.join(dir, 'plan.xml'), revised);
  await writeFile(path.join(dir, 'findings.xml'), await readFile(findings));

  await owner.goto(applicationUrl);
  assert.equal(await owner.locator('main p .status').first().innerText(), 'ändringar begärda');
  await owner.setInputFiles('#plan', path.join(dir, 'plan.xml'));
  await owner.setInputFiles('#findings', path.join(dir, 'findings.xml'));
  await Promise.all([owner.waitForURL(`**${applicationUrl}`), owner.click('form[action$="/versions"] button[type=submit]')]);
  await visit(owner, 'application-v2');
  assert.equal(await owner.locator('a[href*="/versions/2/plan.xml"]').count(), 1, 'version 2 is listed');
  const comment = await owner.locator('article.comment').innerText();
  assert.match(comment, /Beskriv hur noderna bemannas/);
  assert.match(comment, /reviewer@example\.org/);
  if (ruleCommented) assert.ok(comment.includes(ruleCommented), `the comment names rule ${ruleCommented}`);
  assert.match(await owner.locator('main').innerText(), /Komplettera organisationsavsnittet/, 'the status comment is in the history');

  await owner.selectOption('#from', '1');
  await owner.selectOption('#to', '2');
  await Promise.all([owner.waitForURL(/\/diff\?/), owner.click('form[action$="/diff"] button[type=submit]')]);
  await visit(owner, 'diff');
  assert.match(await owner.locator('h1').innerText(), /1 → 2/);
  assert.equal(await owner.locator('ins', { hasText: revisedTitle }).count(), 1, 'the new title is shown as inserted');
  assert.ok(await owner.locator('del', { hasText: 'FRAMSYN –' }).count() >= 1, 'the old title is shown as deleted');
  assert.match(await owner.locator('main table').nth(1).innerText(), /ändrad/, 'the kind of change is in Swedish');
});

test('the pages in English pass too', async () => {
  const page = await newPage(browser, 'en-GB');
  await signIn(page, env.reviewer);
  await page.goto(applicationUrl);
  assert.match(await page.locator('main p .status').first().innerText(), /changes requested/);
  await visit(page, 'application-en');
  await page.goto(`${applicationUrl}/diff?from=1&to=2`);
  await visit(page, 'diff-en');
  await page.goto('/no-such-page');
  await visit(page, 'not-found');
  await page.context().close();
});

test('the owner submits version 2 and the reviewer approves it', async () => {
  await owner.goto(applicationUrl);
  await Promise.all([owner.waitForURL(`**${applicationUrl}`), owner.click('button[name=to][value=submitted]')]);
  assert.equal(await owner.locator('main p .status').first().innerText(), 'inskickad');

  await reviewer.goto(applicationUrl);
  await Promise.all([reviewer.waitForURL(`**${applicationUrl}`), reviewer.click('button[name=to][value=in-review]')]);
  assert.equal(await reviewer.locator('main p .status').first().innerText(), 'granskas');
  await reviewer.fill('#transition-comment', 'Beviljas enligt utlysningens villkor.');
  await Promise.all([reviewer.waitForURL(`**${applicationUrl}`), reviewer.click('button[name=to][value=approved]')]);
  assert.equal(await reviewer.locator('main p .status').first().innerText(), 'beviljad');
  assert.equal(await reviewer.locator('button[name=to]').count(), 0, 'a decided application has no more moves');
  await visit(reviewer, 'application-approved');

  await owner.goto(applicationUrl);
  assert.equal(await owner.locator('main p .status').first().innerText(), 'beviljad');
  assert.match(await owner.locator('main').innerText(), /Beviljas enligt utlysningens villkor/, 'the decision comment is in the history');
  assert.equal(await owner.locator('form[action$="/versions"]').count(), 0, 'no new versions once approved');
});
