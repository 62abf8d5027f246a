#!/usr/bin/env node
// The DOCX anchor: what a user would otherwise reach for to write the
// application draft. Reads the application as JSON (data.json from
// generate_plan.py: the same content as the plan esfdraft reads), builds the
// same view esfdraft's docx module builds (src/docx/application_view.cpp:
// labels, goal and activity numbers, the month-by-month timeline, tracing of
// pre-study findings, budget by category and year), renders the equivalent
// template (docx_template.py) with docxtemplater and writes the DOCX.
//
// Usage: node docx_anchor.js DATA_JSON TEMPLATE.docx OUT.docx [YYYY-MM-DD]
"use strict";

const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");

const [dataPath, templatePath, outPath, dateArg = "2012-01-01"] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node docx_anchor.js DATA_JSON TEMPLATE.docx OUT.docx [YYYY-MM-DD]");
  process.exit(2);
}

// ------------------------------------------------------------------ labels (Swedish, as the default template)

const labels = {
  programme: { "esf-2007-2013": "Europeiska socialfonden 2007–2013", "esf-plus-2021-2027": "Europeiska socialfonden+ 2021–2027" },
  // The code and the rule pack's name, as esfdraft's pipeline gives the draft.
  area: {
    PO1: "PO1 Kompetensförsörjning", PO2: "PO2 Ökat arbetskraftsutbud",
    A1: "A1 Främja livslångt lärande", A2: "A2 Aktiv inkludering", B: "B Öka möjligheten till arbete",
    C: "C Minska risken för ekonomisk utsatthet", D: "D Öka kapaciteten i den glesa geografin", E: "E Social innovation",
  },
  region: {
    SE11: "Stockholm", SE12: "Östra Mellansverige", SE21: "Småland och öarna", SE22: "Sydsverige",
    SE23: "Västsverige", SE31: "Norra Mellansverige", SE32: "Mellersta Norrland", SE33: "Övre Norrland",
  },
  // esfdraft's vocabulary (src/model/vocabulary.cpp), 2007–2013's words.
  category: {
    staff: "Lön personal", services: "Köp av tjänst", premises: "Lokal", travel: "Resa",
    materials: "Materiel", indirect: "Indirekta kostnader", participants: "Deltagarkostnader", other: "Övriga kostnader",
  },
  financing: {
    esf: "ESF-stöd", "public-cash": "Offentlig kontant medfinansiering", "public-in-kind": "Offentligt bidrag i annat än pengar",
    "public-allowance": "Offentligt finansierad ersättning till deltagare", "private-cash": "Privat kontant medfinansiering",
    "private-in-kind": "Privat bidrag i annat än pengar",
  },
  unit: { persons: "personer", organisations: "organisationer", percent: "procent", count: "antal" },
  tag: { accessibility: "tillgänglighet", "gender-equality": "jämställdhet", transnational: "transnationellt", dissemination: "spridning", evaluation: "utvärdering" },
  theme: { needs: "Behov", cooperation: "Samverkan", competence: "Kompetens", support: "Stöd", other: "Övrigt" },
  priority: { high: "hög", medium: "medel", low: "låg" },
  evidence: { survey: "Enkät", interview: "Intervjuer", workshop: "Workshop", document: "Dokumentstudie", statistics: "Statistik" },
  role: { cofinancier: "Medfinansiär", cooperation: "Samverkanspart", partner: "Partner" },
};
const label = (table, code) => (code in table ? table[code] : code);
const shortMonths = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const longMonths = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

// ------------------------------------------------------------------ the view

const rich = (blocks) => ({ paragraphs: blocks.map((b) => ({ text: b.spans.map((s) => s.text).join("") })) });
const marker = (what) => ({ paragraphs: [{ text: `[Saknas: ${what}]` }] });
// A section's text, else its marker when the check flags it (as esfdraft's
// draft does), else nothing: the template then leaves out its heading.
let flagged = new Set();
const section = (blocks, what, key) =>
  blocks && blocks.length ? rich(blocks) : key === undefined || flagged.has(key) ? marker(what) : null;
const joined = (parts, empty) => (parts.length ? parts.join(", ") : empty);
const daysInMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n) => String(n).padStart(2, "0");

function shareText(part, whole) {
  if (whole === 0) return "0";
  return (Math.round((part * 1e6) / whole) / 1e6).toFixed(6);
}

function view(app, date) {
  const goalLabel = new Map(app.goals.map((g, i) => [g.id, `M${i + 1}`]));
  const activityLabel = new Map(app.activities.map((a, i) => [a.id, `A${i + 1}`]));
  const f = app.findings || { study: { title: "", start: "", end: "", method: [] }, questions: [], actors: [], findings: [] };
  const findingLabel = new Map(f.findings.map((x, i) => [x.id, `F${i + 1}`]));
  const p = app.project;
  const costs = app.budget.costs;

  // Costs per activity, in one pass.
  const activityCosts = new Map();
  for (const c of costs) if (c.activity) activityCosts.set(c.activity, (activityCosts.get(c.activity) || 0) + c.amount);

  const programmeLabel = label(labels.programme, app.programme);
  const [sy, sm] = p.period.start.split("-").map(Number);
  const [ey, em, ed] = p.period.end.split("-").map(Number);
  const endNext = new Date(Date.UTC(ey, em - 1, ed + 1));
  const months = (endNext.getUTCFullYear() - sy) * 12 + (endNext.getUTCMonth() + 1 - sm) - (endNext.getUTCDate() < Number(p.period.start.slice(8)) ? 1 : 0);

  const check = app.check || { ready: true, flagged: [] };
  flagged = new Set(check.flagged);
  const document = {
    lang: "sv", language_tag: "sv-SE", date, timestamp: `${date}T00:00:00Z`, title: p.title,
    subject: `Ansökan om stöd från ${programmeLabel}`, programme: app.programme, programme_label: programmeLabel, call: app.call,
    verdict: check.ready ? "klar att lämna in" : "utkast",
  };
  const project = {
    title: p.title, acronym: p.acronym, short_name: p.acronym || p.title, programme_area: p.programme_area,
    programme_area_label: label(labels.area, p.programme_area), phase: p.phase,
    phase_label: p.phase === "prestudy" ? "Förprojektering" : p.phase === "implementation" ? "Genomförande" : p.phase,
    region: p.region, region_label: label(labels.region, p.region),
    owner: { name: p.owner.name, org_number: p.owner.org_number }, contact: p.contact,
    period: { start: p.period.start, end: p.period.end, months: String(months) },
    municipalities: p.municipalities, municipality_names: p.municipalities.map((m) => m.name + (m.partner ? " (partner)" : "")),
    municipality_count: String(p.municipalities.length),
    pre_study: p.pre_study ? { title: p.pre_study.title, start: p.pre_study.start, end: p.pre_study.end } : null,
  };

  // Tracing: goals resting on each finding, the activities serving them, what those cost.
  const goalsByFinding = new Map();
  for (const g of app.goals) for (const b of g.basis) {
    if (!goalsByFinding.has(b)) goalsByFinding.set(b, []);
    goalsByFinding.get(b).push(g);
  }
  const activitiesByGoal = new Map();
  for (const a of app.activities) for (const g of a.goals) {
    if (!activitiesByGoal.has(g)) activitiesByGoal.set(g, []);
    activitiesByGoal.get(g).push(a);
  }
  const actorName = new Map(f.actors.map((a) => [a.id, a.name]));
  const questionNumber = new Map(f.questions.map((q, i) => [q.id, i + 1]));
  const findings = f.findings.map((x) => {
    const goals = goalsByFinding.get(x.id) || [];
    const activityIds = new Set();
    for (const g of goals) for (const a of activitiesByGoal.get(g.id) || []) activityIds.add(a.id);
    const activityLabels = app.activities.filter((a) => activityIds.has(a.id)).map((a) => activityLabel.get(a.id));
    let traced = 0;
    for (const id of activityIds) traced += activityCosts.get(id) || 0;
    return {
      id: x.id, label: findingLabel.get(x.id), statement: x.statement, theme_label: label(labels.theme, x.theme),
      priority_label: label(labels.priority, x.priority), in_scope: !x.out_of_scope, recommendation: x.recommendation,
      question: questionNumber.has(x.question) ? `Fråga ${questionNumber.get(x.question)}` : x.question,
      evidence: x.evidence.map((e) => {
        const details = [];
        if (e.respondents != null) details.push(`${e.respondents} svarande`);
        if (e.actors.length) details.push(e.actors.map((id) => actorName.get(id) || id).join(", "));
        return { kind_label: label(labels.evidence, e.kind), text: e.text, detail: details.length ? details.join("; ") : null };
      }),
      goals: joined(goals.map((g) => goalLabel.get(g.id)), "–"), activities: joined(activityLabels, "–"), costs: traced,
      traced: goals.length > 0,
    };
  });

  const goals = app.goals.map((g) => ({
    id: g.id, label: goalLabel.get(g.id), kind: g.kind, kind_label: g.kind === "effect" ? "Effektmål" : "Projektmål",
    statement: g.statement,
    indicators: g.indicators.map((i) => ({ ...i, unit_label: label(labels.unit, i.unit) })),
    basis: g.basis.map((b) => ({ id: b, label: findingLabel.get(b) || b })),
    basis_labels: joined(g.basis.map((b) => findingLabel.get(b) || b), "–"),
  }));

  const activities = app.activities.map((a) => ({
    id: a.id, label: activityLabel.get(a.id), title: a.title, description: section(a.description, "Beskrivning"),
    start: a.start, end: a.end, goals: joined(a.goals.map((id) => goalLabel.get(id) || id), "–"),
    tags: a.tags.length ? a.tags.map((t) => label(labels.tag, t)).join(", ") : null, costs: activityCosts.get(a.id) || 0,
  }));

  const timelineMonths = [];
  const calendar = [];  // per month: its year, month and the indexes of the activities under way
  for (let y = sy, m = sm, guard = 0; guard < 240 && (y < ey || (y === ey && m <= em)); ++guard) {
    const first = `${y}-${pad(m)}-01`;
    const last = `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;
    const indexes = [];
    app.activities.forEach((a, i) => { if (a.start <= last && first <= a.end) indexes.push(i); });
    const active = indexes.map((i) => activityLabel.get(app.activities[i].id));
    calendar.push({ year: y, month: m, indexes, key: indexes.join(","), activities: joined(active, "–") });
    timelineMonths.push({ month: `${y}-${pad(m)}`, label: `${shortMonths[m - 1]} ${y}`, activities: joined(active, "–") });
    if (++m > 12) (m = 1), ++y;
  }
  // The chart's text alternative: consecutive months with the same activities joined.
  const timelineRuns = [];
  for (let k = 0; k < calendar.length;) {
    let last = k;
    while (last + 1 < calendar.length && calendar[last + 1].key === calendar[k].key) ++last;
    const from = `${shortMonths[calendar[k].month - 1]} ${calendar[k].year}`;
    const to = `${shortMonths[calendar[last].month - 1]} ${calendar[last].year}`;
    timelineRuns.push({ label: last === k ? from : `${from} – ${to}`, activities: calendar[k].activities });
    k = last + 1;
  }
  timelineRuns.forEach((run, i) => { run["@last"] = i === timelineRuns.length - 1; });
  // The Gantt chart: columns of 1, 3, 6 or 12 months by the project's length,
  // aligned to the calendar; a row per activity, a cell per column.
  const span = months <= 12 ? 1 : months <= 36 ? 3 : months <= 72 ? 6 : 12;
  const columns = [];
  for (const c of calendar) {
    const firstMonth = Math.floor((c.month - 1) / span) * span + 1;
    const lastColumn = columns[columns.length - 1];
    if (!lastColumn || lastColumn.year !== c.year || lastColumn.firstMonth !== firstMonth)
      columns.push({ year: c.year, firstMonth, active: app.activities.map(() => false) });
    for (const i of c.indexes) columns[columns.length - 1].active[i] = true;
  }
  const columnLabel = (c) => {
    const n = Math.floor((c.firstMonth - 1) / span) + 1;
    return span === 1 ? shortMonths[c.firstMonth - 1] : span === 3 ? `kv ${n}` : span === 6 ? `H${n}` : String(c.year);
  };
  const timelineRows = columns.length
    ? app.activities.map((a, i) => ({
        label: activityLabel.get(a.id), title: a.title, cells: columns.map((c) => ({ active: c.active[i] })),
      }))
    : [];

  // Budget: sums per category and year in one pass.
  const years = new Set();
  for (let y = sy; y <= ey && years.size < 20; ++y) years.add(y);
  for (const c of costs) years.add(c.year);
  const yearList = [...years].sort((a, b) => a - b);
  const cell = new Map(), categoryTotal = new Map(), yearTotal = new Map();
  let total = 0;
  for (const c of costs) {
    const key = `${c.category}\u0000${c.year}`;
    cell.set(key, (cell.get(key) || 0) + c.amount);
    categoryTotal.set(c.category, (categoryTotal.get(c.category) || 0) + c.amount);
    yearTotal.set(c.year, (yearTotal.get(c.year) || 0) + c.amount);
    total += c.amount;
  }
  const used = new Set(costs.map((c) => c.category));
  const categories = Object.keys(labels.category).filter((c) => used.has(c));
  for (const c of used) if (!categories.includes(c)) categories.push(c);
  const b = app.budget;
  const income = b.income.reduce((s, i) => s + i.amount, 0);
  const financingTotal = b.financing.reduce((s, x) => s + x.amount, 0);
  const esf = b.financing.filter((x) => x.kind === "esf").reduce((s, x) => s + x.amount, 0);
  const eligible = total - income;
  const budget = {
    currency: b.currency,
    years: yearList.map((y) => ({ year: String(y) })),
    year_totals: yearList.map((y) => ({ amount: yearTotal.get(y) || 0 })),
    categories: categories.map((c) => ({
      code: c, label: label(labels.category, c),
      amounts: yearList.map((y) => ({ amount: cell.get(`${c}\u0000${y}`) || 0 })),
      total: categoryTotal.get(c), share: shareText(categoryTotal.get(c), total),
    })),
    total_costs: total, total_income: income, has_income: b.income.length > 0, income: b.income, eligible_costs: eligible,
    financing: b.financing.map((x) => ({
      kind: x.kind, kind_label: label(labels.financing, x.kind), funder: x.funder || (x.kind === "esf" ? "Europeiska socialfonden" : "–"),
      org_number: x.org_number, amount: x.amount, share: shareText(x.amount, financingTotal),
    })),
    total_financing: financingTotal, esf_amount: esf, esf_share: shareText(esf, eligible), co_financing: financingTotal - esf,
    co_financing_share: shareText(financingTotal - esf, financingTotal), balanced: eligible === financingTotal,
    imbalance: eligible - financingTotal,
  };

  return {
    document, logo: null, project,
    summary: section(app.summary, "Sammanfattning", "summary"), summary_en: section(app.summary_en, "Sammanfattning på engelska", "summary_en"),
    has: {
      target_groups: app.target_groups.length > 0, goals: app.goals.length > 0, activities: app.activities.length > 0,
      partners: app.partners.length > 0, costs: costs.length > 0, financing: b.financing.length > 0,
      budget: costs.length > 0 || b.financing.length > 0 || b.income.length > 0 || flagged.has("budget"),
      applicant: Boolean(p.applicant), risks: Boolean(app.risk_analysis && app.risk_analysis.risks.length),
      project_logic: Boolean(app.project_logic && app.project_logic.steps.length),
      attachments: Boolean(app.attachments && app.attachments.length),
    },
    background: section(app.background, "Bakgrund", "background"), problem: section(app.problem, "Problemformulering", "problem"),
    purpose: section(app.purpose, "Syfte", "purpose"),
    pre_study: {
      available: Boolean(app.findings), missing: marker("Förprojekteringens resultat"), title: f.study.title,
      start: f.study.start, end: f.study.end, method: section(f.study.method, "Förprojekteringens metod"),
      questions: f.questions.map((q, i) => ({ id: q.id, number: String(i + 1), text: q.text })), findings,
    },
    target_groups: app.target_groups.map((t) => ({
      id: t.id, name: t.name, description: t.description && t.description.length ? rich(t.description) : null,
      women: t.women, men: t.men, total: t.women != null && t.men != null ? String(Number(t.women) + Number(t.men)) : null,
    })),
    goals, activities,
    timeline: {
      months: timelineMonths, runs: timelineRuns,
      scale: span === 1 ? "month" : span === 3 ? "quarter" : span === 6 ? "half-year" : "year",
      scale_label: span === 1 ? "månad" : span === 3 ? "kvartal" : span === 6 ? "halvår" : "år",
      periods: columns.map((c) => ({ label: columnLabel(c), year: span === 12 ? "" : String(c.year) })),
      rows: timelineRows, chart: timelineRows.length > 0,
    },
    organisation: section(app.organisation, "Organisation", "organisation"),
    partners: app.partners.map((x) => ({ ...x, role_label: label(labels.role, x.role) })),
    gender_equality: section(app.gender_equality, "Jämställdhetsintegrering", "genderEquality"),
    accessibility: {
      physical: section(app.accessibility && app.accessibility.physical, "Tillgänglighet – fysisk"),
      information: section(app.accessibility && app.accessibility.information, "Tillgänglighet – information"),
      participation: section(app.accessibility && app.accessibility.participation, "Tillgänglighet – delaktighet"),
    },
    non_discrimination: section(app.non_discrimination, "Icke-diskriminering", "nonDiscrimination"),
    transnational: section(app.transnational, "Transnationellt samarbete", "transnational"),
    dissemination: section(app.dissemination, "Spridning", "dissemination"), evaluation: section(app.evaluation, "Utvärdering", "evaluation"),
    budget,
  };
}

// ------------------------------------------------------------------ filters (Swedish), as esfdraft's

const NBSP = "\u00a0";
const group = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
const filters = {
  sek(ore) {
    const n = Math.abs(ore);
    const rest = n % 100;
    return (ore < 0 ? "\u2212" : "") + group(String(Math.floor(n / 100))) + (rest ? "," + pad(rest) : "") + NBSP + "kr";
  },
  date(iso) {
    const [y, m, d] = String(iso).split("-").map(Number);
    return d ? `${d} ${longMonths[m - 1]} ${y}` : `${longMonths[m - 1]} ${y}`;
  },
  percent(fraction) {
    const tenths = Math.round(Number(fraction) * 1000);
    const n = Math.abs(tenths);
    return (tenths < 0 ? "\u2212" : "") + Math.floor(n / 10) + (n % 10 ? "," + (n % 10) : "") + NBSP + "%";
  },
  number(decimal) {
    const [whole, fraction] = String(decimal).split(".");
    return group(whole) + (fraction ? "," + fraction : "");
  },
  upper: (t) => String(t).toUpperCase(),
  lower: (t) => String(t).toLowerCase(),
  join: (list, separator = ", ") => list.join(separator),
  default: (value, fallback) => (value == null || value === "" ? fallback : value),
};

// Dotted names looked up in the current scope (docxtemplater walks outwards
// while the result is undefined), then the filters, left to right.
function parser(tag) {
  const [expression, ...calls] = tag.split("|").map((s) => s.trim());
  const path = expression === "." ? [] : expression.split(".");
  const chain = calls.map((call) => {
    const m = /^(\w+)(?:\((["'\u201c\u201d])(.*)\2\))?$/.exec(call);
    if (!m || !(m[1] in filters)) throw new Error(`unknown filter in {{${tag}}}`);
    return [filters[m[1]], m[3]];
  });
  return {
    get(scope) {
      if (path.length === 0) return scope;
      if (scope == null || typeof scope !== "object" || !(path[0] in scope)) return undefined;
      let value = scope;
      for (const key of path) {
        value = value == null ? undefined : value[key];
      }
      if (value === undefined) value = null;
      for (const [filter, argument] of chain) value = filter(value, argument);
      return value;
    },
  };
}

// ------------------------------------------------------------------ render

const app = JSON.parse(fs.readFileSync(dataPath, "utf8"));
const zip = new PizZip(fs.readFileSync(templatePath));
const doc = new Docxtemplater(zip, {
  delimiters: { start: "{{", end: "}}" },
  paragraphLoop: true,
  linebreaks: true,
  parser,
  nullGetter: () => "",
});
doc.render(view(app, dateArg));
fs.writeFileSync(outPath, doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }));
