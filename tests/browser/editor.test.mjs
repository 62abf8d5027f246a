// The guided editor (issue 13) in a real browser: the owner writes the
// FRAMSYN implementation application from nothing through the forms alone
// (every value taken from samples/framsyn/plan.xml and findings.xml), and the
// version the editor stores checks exactly as the sample does; deliberate
// mistakes show their findings beside their fields; a conflicting save is
// refused with the diff; one part is filled with the keyboard alone. Every
// editor page gets a screenshot and axe-core (visit).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoKeyboardTrap, env, launch, newPage, signIn, tabTo, visit } from './helpers.mjs';

let browser;
let page;
let application;             // the id of the application the owner writes
const notEnterable = [];     // what the forms could not hold, said in the output

const planBytes = fs.readFileSync(path.join(env.samples, 'framsyn', 'plan.xml'));
const findingsBytes = fs.readFileSync(path.join(env.samples, 'framsyn', 'findings.xml'));

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await signIn(page, env.owner);
});

after(async () => {
  if (notEnterable.length) console.log(`not enterable through the forms:\n- ${notEnterable.join('\n- ')}`);
  await browser?.close();
});

// The sample as a plain tree, parsed by the browser's DOMParser: each
// element's name, attributes, element children, collapsed text and, for rich
// text, the editor's light markup (rich_text_form.hpp).
async function parse(bytes) {
  return page.evaluate((text) => {
    const collapse = (s) => s.replace(/\s+/g, ' ').trim();
    const inline = (node) => {
      let out = '';
      for (const c of node.childNodes) {
        if (c.nodeType === 3) out += c.nodeValue.replace(/\*/g, '\\*');
        else if (c.nodeType === 1 && c.localName === 'em') out += `*${inline(c)}*`;
        else if (c.nodeType === 1 && c.localName === 'strong') out += `**${inline(c)}**`;
        else if (c.nodeType === 1) out += inline(c);
      }
      return out;
    };
    const markup = (el) => {
      const blocks = [];
      for (const c of el.children) {
        if (c.localName === 'p') blocks.push(collapse(inline(c)));
        else if (c.localName === 'ul' || c.localName === 'ol') {
          blocks.push([...c.children].map((li, i) => `${c.localName === 'ul' ? '- ' : `${i + 1}. `}${collapse(inline(li))}`).join('\n'));
        }
      }
      return blocks.filter((b) => b !== '').join('\n\n');
    };
    const tree = (el) => ({
      n: el.localName,
      a: Object.fromEntries([...el.attributes].filter((x) => !x.name.startsWith('xmlns')).map((x) => [x.name, x.value])),
      c: [...el.children].map(tree),
      t: collapse(el.textContent),
      m: markup(el),
    });
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.querySelector('parsererror')) throw new Error('the sample does not parse');
    return tree(doc.documentElement);
  }, bytes.toString('utf8'));
}

const kids = (el, name) => (el ? el.c.filter((c) => c.n === name) : []);
const kid = (el, name) => kids(el, name)[0];

// Sets the form field NAME (text, textarea, select or checkbox) to VALUE.
// The values are set in the page a batch at a time (as the browser's autofill
// would, with input and change events), so the whole application fits the
// suite's time; the keyboard test below types for real.
let pending = [];
function set(name, value) { pending.push([name, value]); }
async function flush() {
  if (!pending.length) return;
  const batch = pending;
  pending = [];
  const problems = await page.evaluate((entries) => {
    const out = [];
    const form = document.getElementById('editor-form');
    for (const [name, value] of entries) {
      const field = [...form.elements].find((el) => el.name === name);
      if (!field) { out.push(`${name}: no such field`); continue; }
      if (field.type === 'checkbox') field.checked = Boolean(value);
      else if (field.tagName === 'SELECT') {
        if (![...field.options].some((o) => o.value === value)) { out.push(`${name} = "${value}": the select does not offer it`); continue; }
        field.value = value;
      } else field.value = value ?? '';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return out;
  }, batch);
  notEnterable.push(...problems);
}
const has = async (name) => {
  await flush();
  return (await page.locator(`#editor-form [name="${name}"]`).count()) > 0;
};

async function submit(selector) {
  await flush();
  await Promise.all([page.waitForNavigation(), page.locator(selector).first().click()]);
}
// "Add a row" for NAME: the form comes back with one more empty row, nothing saved.
const addRow = (name) => submit(`button[name="add"][value="${name}"]`);

async function save(label) {
  await submit('button[name="save"]');
  assert.match(page.url(), /[?&](saved|unchanged)=/, `${label}: the save did not go through (${page.url()})`);
  await visit(page, `editor-${label}`);
}

// Fills rows NAME.1 … NAME.n, adding a row when the form has too few.
async function rows(name, items, probe, fill) {
  for (let i = 1; i <= items.length; i += 1) {
    if (!(await has(`${name}.${i}.${probe}`))) await addRow(name);
    assert.ok(await has(`${name}.${i}.${probe}`), `${name}: row ${i} did not appear after "add"`);
    await fill(`${name}.${i}`, items[i - 1], i);
  }
}

const open = async (part) => {
  await page.goto(`/applications/${application}/edit/${part}`);
  assert.equal(await page.locator('#editor-form').count(), 1, `${part}: no editor form`);
};

// The findings of a report as a sorted multiset of rule, severity and path.
function findingsOf(json) {
  const out = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.rule === 'string' && typeof v.severity === 'string' && 'path' in v) out.push(`${v.rule} ${v.severity} ${v.path}`);
      else Object.values(v).forEach(walk);
    }
  };
  walk(json);
  return out.sort();
}

test('the owner writes FRAMSYN from nothing through the forms, and it checks as the sample does', async () => {
  const plan = await parse(planBytes);
  const findings = await parse(findingsBytes);
  const project = kid(plan, 'project');

  // The new form.
  await page.goto('/applications/new/edit');
  await visit(page, 'editor-new');
  await page.selectOption('#f-programme', plan.a.programme);
  await page.selectOption('#f-call', plan.a.call);
  await page.check(`#f-phase-${kid(project, 'phase').t}`);
  await page.fill('#f-title', kid(project, 'title').t);
  await page.check(`#f-lang-${plan.a.lang}`);
  await Promise.all([page.waitForURL(/\/applications\/[^/]+\/edit\/facts/), page.click('#new-form button[type=submit]')]);
  application = page.url().match(/\/applications\/([^/]+)\/edit/)[1];

  // The findings' parts first: the goals' basis offers the findings saved.
  const study = kid(findings, 'study');
  await open('study');
  await set('title', kid(study, 'title').t);
  await set('start', kid(study, 'period').a.start);
  await set('end', kid(study, 'period').a.end);
  await set('method', kid(study, 'method').m);
  await save('study');

  await open('questions');
  await rows('question', kids(kid(findings, 'questions'), 'question'), 'id', async (r, q) => {
    await set(`${r}.id`, q.a.id);
    await set(`${r}.text`, q.t);
  });
  await save('questions');

  await open('actors');
  await rows('actor', kids(kid(findings, 'actors'), 'actor'), 'id', async (r, a) => {
    await set(`${r}.id`, a.a.id);
    await set(`${r}.kind`, a.a.kind);
    await set(`${r}.municipality`, a.a.municipality ?? '');
    await set(`${r}.name`, a.t);
  });
  await save('actors');

  await open('findings');
  await rows('finding', kids(findings, 'finding'), 'id', async (r, f) => {
    await set(`${r}.id`, f.a.id);
    await set(`${r}.question`, f.a.question ?? '');
    if (f.a.theme) await set(`${r}.theme`, f.a.theme);
    if (f.a.priority) await set(`${r}.priority`, f.a.priority);
    await set(`${r}.scope`, f.a.scope === 'out');
    await set(`${r}.statement`, kid(f, 'statement').t);
    if (kid(f, 'recommendation')) await set(`${r}.recommendation`, kid(f, 'recommendation').t);
    await rows(`${r}.evidence`, kids(f, 'evidence'), 'kind', async (q, ev) => {
      await set(`${q}.kind`, ev.a.kind);
      for (const name of ['respondents', 'share', 'actors']) await set(`${q}.${name}`, ev.a[name] ?? '');
      await set(`${q}.text`, ev.t);
    });
  });
  await save('findings');

  // The facts: the region first, then its municipalities (drawn by region once saved).
  await open('facts');
  await visit(page, 'editor-facts-new');
  await set('call', plan.a.call);
  await set('lang', plan.a.lang);
  await set('title', kid(project, 'title').t);
  await set('acronym', kid(project, 'acronym')?.t ?? '');
  await set('programmeArea', kid(project, 'programmeArea').t);
  await set('phase', kid(project, 'phase').t);
  await set('period.start', kid(project, 'period').a.start);
  await set('period.end', kid(project, 'period').a.end);
  await set('owner', kid(project, 'owner').t);
  await set('owner.orgNumber', kid(project, 'owner').a.orgNumber);
  await set('contact.name', kid(kid(project, 'contact'), 'name').t);
  await set('contact.email', kid(kid(project, 'contact'), 'email').t);
  await set('region', kid(project, 'region').t);
  const pre = kid(project, 'preStudy');
  for (const name of ['title', 'start', 'end', 'findings']) await set(`preStudy.${name}`, pre.a[name]);
  await save('facts-region');
  // The starter plan's municipality (none of the sample's) unticked, the sample's ticked.
  const codes = kids(kid(project, 'municipalities'), 'municipality').map((m) => m.a.code);
  for (const code of codes) assert.ok(await has(`municipality.${code}`), `facts: no checkbox for municipality ${code} once the region is saved`);
  for (const name of await page.locator('#editor-form input[type=checkbox][name^="municipality."]').evaluateAll((els) => els.map((el) => el.name))) {
    set(name, codes.includes(name.slice('municipality.'.length)));
  }
  await save('facts');

  // The summaries (Swedish and English).
  await open('summary');
  const summaries = kids(plan, 'summary');
  await set('text', summaries.find((s) => s.a.lang !== 'en').m);
  const english = summaries.find((s) => s.a.lang === 'en');
  if (english) await set('text.en', english.m);
  await save('summary');

  // Every rich-text section the sample has.
  for (const key of ['background', 'problem', 'purpose', 'organisation', 'genderEquality', 'nonDiscrimination',
    'sustainableDevelopment', 'fundamentalRights', 'transnational', 'dissemination', 'evaluation']) {
    if (!kid(plan, key)) continue;
    await open(key);
    await set('text', kid(plan, key).m);
    await save(key);
  }

  const access = kid(plan, 'accessibility');
  if (access) {
    await open('accessibility');
    for (const aspect of ['physical', 'information', 'participation']) await set(aspect, kid(access, aspect)?.m ?? '');
    await save('accessibility');
  }

  await open('target-groups');
  await rows('targetGroup', kids(kid(plan, 'targetGroups'), 'targetGroup'), 'id', async (r, g) => {
    await set(`${r}.id`, g.a.id);
    await set(`${r}.name`, kid(g, 'name').t);
    await set(`${r}.women`, g.a.women ?? '');
    await set(`${r}.men`, g.a.men ?? '');
    await set(`${r}.description`, kid(g, 'description')?.m ?? '');
  });
  await save('target-groups');

  await open('goals');
  await rows('goal', kids(kid(plan, 'goals'), 'goal'), 'id', async (r, g) => {
    await set(`${r}.id`, g.a.id);
    await set(`${r}.kind`, g.a.kind);
    await set(`${r}.statement`, kid(g, 'statement').t);
    await rows(`${r}.indicator`, kids(g, 'indicator'), 'text', async (q, ind) => {
      await set(`${q}.text`, ind.t);
      for (const name of ['unit', 'code']) if (ind.a[name]) await set(`${q}.${name}`, ind.a[name]);
      for (const name of ['baseline', 'target', 'women', 'men', 'nonBinary', 'due']) {
        if (await has(`${q}.${name}`)) await set(`${q}.${name}`, ind.a[name] ?? '');
        else if (ind.a[name]) notEnterable.push(`${q}.${name}: no field`);
      }
    });
    for (const b of kids(g, 'basis')) {
      assert.ok(await has(`${r}.basis.${b.a.finding}`), `goals: no basis checkbox for ${b.a.finding}`);
      await set(`${r}.basis.${b.a.finding}`, true);
    }
  });
  await save('goals');

  await open('activities');
  await rows('activity', kids(kid(plan, 'activities'), 'activity'), 'id', async (r, a) => {
    await set(`${r}.id`, a.a.id);
    await set(`${r}.start`, a.a.start);
    await set(`${r}.end`, a.a.end);
    await set(`${r}.title`, kid(a, 'title').t);
    for (const goal of (a.a.goals ?? '').split(/\s+/).filter(Boolean)) await set(`${r}.goal.${goal}`, true);
    await set(`${r}.tags`, a.a.tags ?? '');
    await set(`${r}.description`, kid(a, 'description')?.m ?? '');
  });
  await save('activities');

  if (kid(plan, 'partners')) {
    await open('partners');
    await rows('partner', kids(kid(plan, 'partners'), 'partner'), 'name', async (r, p) => {
      await set(`${r}.name`, p.t);
      // The role is free text in the format, a choice of four in the editor.
      const roles = ['beneficiary', 'cofinancier', 'partner', 'reference'];
      if (p.a.role && !roles.includes(p.a.role)) notEnterable.push(`partner role "${p.a.role}" (${p.t}): the choice offers ${roles.join(', ')}; "partner" chosen`);
      if (p.a.role) set(`${r}.role`, roles.includes(p.a.role) ? p.a.role : 'partner');
      await set(`${r}.id`, p.a.id ?? '');
      await set(`${r}.orgNumber`, p.a.orgNumber ?? '');
    });
    await save('partners');
  }

  const budget = kid(plan, 'budget');
  await open('budget');
  for (const model of (budget.a.costModel ?? '').split(/\s+/).filter(Boolean)) await set(`costModel.${model}`, true);
  if (budget.a.currency && budget.a.currency !== 'SEK') notEnterable.push(`budget currency ${budget.a.currency}: no field`);
  await rows('cost', kids(kid(budget, 'costs'), 'cost'), 'amount', async (r, c) => {
    await set(`${r}.category`, c.a.category);
    await set(`${r}.year`, c.a.year ?? '');
    if (c.a.activity) await set(`${r}.activity`, c.a.activity);
    if (c.a.beneficiary) await set(`${r}.beneficiary`, c.a.beneficiary);
    await set(`${r}.tags`, c.a.tags ?? '');
    await set(`${r}.label`, c.t);
    await set(`${r}.amount`, c.a.amount);
  });
  await rows('source', kids(kid(budget, 'financing'), 'source'), 'amount', async (r, s) => {
    await set(`${r}.kind`, s.a.kind);
    await set(`${r}.funder`, s.a.funder ?? '');
    await set(`${r}.orgNumber`, s.a.orgNumber ?? '');
    if (s.a.beneficiary) await set(`${r}.beneficiary`, s.a.beneficiary);
    await set(`${r}.amount`, s.a.amount);
  });
  await rows('income', kids(kid(budget, 'income'), 'item'), 'amount', async (r, i) => {
    await set(`${r}.label`, i.t);
    await set(`${r}.amount`, i.a.amount);
  });
  await save('budget');

  for (const [part, key] of [['project-logic', 'projectLogic'], ['risks', 'riskAnalysis'], ['attachments', 'attachments']]) {
    if (kid(plan, key)) notEnterable.push(`${key}: the sample has it but this test does not fill it`);
    await open(part);
    await visit(page, `editor-${part}`);
  }
  await page.goto(`/applications/${application}/edit`);
  await visit(page, 'editor-overview');

  // The stored version checks as the sample does.
  const saved = await page.request.get(`/api/applications/${application}/versions/latest/report?format=json`);
  assert.equal(saved.status(), 200, await saved.text());
  const csrf = await page.request.get('/api/me').then(() => page.goto(`/applications/${application}/edit/facts`))
    .then(() => page.locator('input[name="csrf"]').first().inputValue());
  const sample = await page.request.post('/api/check', {
    headers: { 'x-csrf-token': csrf },
    multipart: {
      plan: { name: 'plan.xml', mimeType: 'application/xml', buffer: planBytes },
      findings: { name: 'findings.xml', mimeType: 'application/xml', buffer: findingsBytes },
    },
  });
  assert.equal(sample.status(), 200, await sample.text());
  const mine = findingsOf(await saved.json());
  const theirs = findingsOf(await sample.json());
  console.log(`findings: editor ${mine.length}, sample ${theirs.length}`);
  if (mine.join() !== theirs.join()) {
    const stored = await page.request.get(`/api/applications/${application}/versions/latest/plan.xml`).then((r) => r.text());
    console.log(`the stored plan's project:\n${stored.slice(0, stored.indexOf('</project>'))}`);
  }
  assert.deepEqual(mine, theirs, 'the version the editor stored has other findings than samples/framsyn/plan.xml');
});

test('a save based on an older version is refused with the diff, the entries kept', async () => {
  const other = await newPage(browser);
  await signIn(other, env.owner);
  await page.goto(`/applications/${application}/edit/target-groups`);
  await other.goto(`/applications/${application}/edit/target-groups`);
  await page.fill('[name="targetGroup.1.women"]', '56');
  await save('target-groups-first');
  await other.fill('[name="targetGroup.1.men"]', '36');
  await Promise.all([other.waitForNavigation(), other.locator('button[name="save"]').first().click()]);
  assert.equal(await other.locator('#conflict').count(), 1, 'the second save was not refused');
  assert.equal(await other.inputValue('[name="targetGroup.1.men"]'), '36', 'the refused entries were not kept');
  await visit(other, 'editor-conflict');
  await other.context().close();
});

test('the target groups part filled and saved with the keyboard alone', async () => {
  await page.goto(`/applications/${application}/edit/target-groups`);
  const rowsNow = Number(await page.inputValue('[name="targetGroup.count"]'));
  const r = `targetGroup.${rowsNow}`;
  await tabTo(page, `[name="${r}.id"]`, 200);
  await page.keyboard.type('tg-keyboard');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate((n) => document.activeElement.name === n, `${r}.name`), 'Tab does not go from id to name');
  await page.keyboard.type('Med tangentbordet');
  await tabTo(page, `[name="${r}.women"]`);
  await page.keyboard.type('3');
  await tabTo(page, `[name="${r}.men"]`);
  await page.keyboard.type('2');
  await tabTo(page, `[name="${r}.description"]`);
  await page.keyboard.type('En grupp skriven utan mus.');
  await tabTo(page, 'button[name="save"]', 200);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.match(page.url(), /saved=/);
  assert.equal(await page.inputValue(`[name="${r}.name"]`), 'Med tangentbordet');
  await visit(page, 'editor-target-groups-keyboard');
  await assertNoKeyboardTrap(page, 'editor target groups');
});

// Each mistake: the part, what to type, the rule expected; its finding is
// linked from the summary to an anchor that names the field.
test('a deliberate mistake in each part shows its finding next to its field', async () => {
  const cases = [
    { part: 'facts', field: 'period.end', value: '2009-09-01', rule: /^[A-Z]\d{3}$/ },
    { part: 'goals', field: 'goal.2.indicator.1.women', value: '1', rule: /^[A-Z]\d{3}$/ },
    { part: 'budget', field: 'cost.1.amount', value: '40000,50', rule: /^X002$/ },
    { part: 'purpose', field: 'text', value: '', rule: /^S001$/ },
  ];
  for (const c of cases) {
    await open(c.part);
    const before = new Set(await page.locator('#finding-summary a').allTextContents());
    await set(c.field, c.value);
    await save(`${c.part}-mistake`);
    const links = await page.locator('#finding-summary a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
    const fresh = links.filter((l) => !before.has(l.text) && c.rule.test(l.text.split(':')[0]));
    assert.ok(fresh.length > 0, `${c.part}: no new finding in the summary after ${c.field}=${c.value}; summary: ${links.map((l) => l.text).join(' | ')}`);
    const { href, text } = fresh[0];
    const message = text.slice(text.indexOf(':') + 1).trim();
    const target = page.locator(href.replace(/^#(.*)$/, '[id="$1"]'));
    assert.equal(await target.count(), 1, `${c.part}: the summary links to ${href}, which is not on the page`);
    assert.ok((await target.textContent()).includes(message), `${c.part}: ${href} does not hold "${message}"`);
    console.log(`mistake ${c.part}: ${text} → ${href}`);
    if (c.rule.source.includes('S001')) continue;   // a missing section's finding is the part's own (top of the form)
    assert.match(href, /^#at-/, `${c.part}: the finding is not anchored at a field (${href})`);
    // Near its field: the field is described by the anchor, or both are in the same row.
    const near = await page.evaluate(({ name, id }) => {
      const field = document.querySelector(`[name="${name}"]`);
      const anchor = document.getElementById(id);
      if ((field.getAttribute('aria-describedby') || '').split(/\s+/).includes(id)) return true;
      // In a grid the row's findings stand in the row above it.
      const row = field.closest('tr');
      if (row && row.previousElementSibling && row.previousElementSibling.contains(anchor)) return true;
      // Else in the row the field belongs to (a goal's finding stands at the goal, above its indicators' fields).
      for (let el = field.closest('[id^="row-"]'); el; el = el.parentElement.closest('[id^="row-"]')) if (el.contains(anchor)) return true;
      return false;
    }, { name: c.field, id: href.slice(1) });
    assert.ok(near, `${c.part}: the finding ${href} is not next to the field ${c.field}`);
  }
});
