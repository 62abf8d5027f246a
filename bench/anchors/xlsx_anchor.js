#!/usr/bin/env node
// The XLSX anchor: what a user would otherwise reach for to write the budget
// workbook. Reads the application as JSON (data.json from generate_plan.py:
// the same content as the plan esfdraft reads) and writes, with exceljs, the
// workbook esfdraft's xlsx module writes (src/xlsx/budget_layout.cpp): the
// same five sheets, the same cells, the same formulas stored with their
// results, the same number formats, looks, column widths and row heights,
// merges, frozen panes, the cost lines as an Excel table with a drop-down on
// the category, the red marks for broken limits, print set-up, defined names
// and document properties. The one thing left out is the bar chart on
// "Per år" (exceljs cannot write charts).
//
// Usage: node xlsx_anchor.js DATA_JSON OUT.xlsx [YYYY-MM-DD]
"use strict";

const fs = require("fs");
const ExcelJS = require("exceljs");

const [dataPath, outPath, dateArg = "2012-01-01"] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node xlsx_anchor.js DATA_JSON OUT.xlsx [YYYY-MM-DD]");
  process.exit(2);
}

// ------------------------------------------------------------------ labels (Swedish)

const L = {
  summarySheet: "Sammanställning", costsSheet: "Kostnader", byYearSheet: "Per år", byActivitySheet: "Per aktivitet",
  financingSheet: "Finansiering", costsTable: "Kostnadsrader", category: "Kategori", year: "År", activity: "Aktivitet",
  label: "Benämning", amount: "Belopp", tags: "Taggar", total: "Totalt", title: "Benämning", goals: "Mål",
  statement: "Målformulering", activities: "Aktiviteter", noActivity: "(ingen aktivitet)",
  unknownActivity: "(okänd aktivitet)", unknownGoal: "(okänt mål)", unknownCategory: "okänd kategori",
  goalNote: "Ett måls kostnad är summan av kostnaderna för de aktiviteter som tjänar målet. En aktivitet som " +
    "tjänar flera mål räknas med i vart och ett av dem, så målens kostnader kan tillsammans bli större " +
    "än projektets totala kostnad.",
  kind: "Typ", funder: "Finansiär", orgNumber: "Organisationsnummer", share: "Andel", income: "Intäkter",
  unknownKind: "okänd typ", noFinancing: "(ingen finansiering)", noIncome: "(inga intäkter)",
  budgetTitle: "Budget", project: "Projekt", acronym: "Kortnamn", owner: "Projektägare", programme: "Program",
  call: "Utlysning", programmeArea: "Programområde", region: "Region", periodStart: "Projektstart",
  periodEnd: "Projektslut", prepared: "Upprättad", keyFigure: "Nyckeltal", value: "Värde", limit: "Gräns",
  status: "Status", totalCost: "Total kostnad", eligibleCost: "Stödberättigande kostnad",
  totalCofinancing: "Medfinansiering totalt", totalFinancing: "Finansiering totalt",
  financingByYear: "Finansiering per år (fördelad efter årets kostnader)",
  financingByYearNote: "Planen anger inget år för finansieringen, så varje finansieringskälla är fördelad på åren i proportion " +
    "till årets kostnader (raden Totalt ovan; intäkterna har inte heller något år). Varje år utom det sista " +
    "avrundas till hela kronor och det sista året får resten, så att raden blir källans belopp. Ändras en " +
    "kostnad eller ett belopp på bladet Finansiering följer fördelningen med.",
  difference: "Differens (stödberättigande kostnad − finansiering)", esfShare: "ESF-andel av stödberättigande kostnad",
  cofinancingShare: "Medfinansieringsandel av stödberättigande kostnad", staffCosts: "Personalkostnader",
  indirectCosts: "Indirekta kostnader", indirectShare: "Indirekta kostnader i procent av personalkostnader",
  withinLimit: "✓ inom gränsen", aboveLimit: "✗ över gränsen", belowLimit: "✗ under gränsen", balanced: "✓ i balans",
  notBalanced: "✗ ej i balans", brokenMarker: "✗", limitsNote: "Gränser: ",
  marksNote: "✗ markerar en bruten gräns. Alla värden är formler över de andra bladen.",
  names: {
    totalCost: "Kostnad_totalt", income: "Intakter_totalt", eligibleCost: "Stodberattigande_kostnad", esf: "ESF_stod",
    cofinancing: "Medfinansiering_totalt", financing: "Finansiering_totalt", difference: "Budgetdifferens",
    esfShare: "ESF_andel", cofinancingShare: "Medfinansieringsandel", staffCosts: "Personalkostnader",
    indirectCosts: "Indirekta_kostnader", indirectShare: "Indirekt_andel_av_personal",
  },
  moneyFormat: '#,##0 "kr"', moneyWithOreFormat: '#,##0.00 "kr"', percentFormat: "0.00 %", dateFormat: "yyyy-mm-dd",
  atMost: '"högst "', atLeast: '"minst "', mustBe: '"ska vara "', pageFooter: "Sida &P av &N",
  subject: "Budget för en ansökan till Europeiska socialfonden",
};
const categoryWords = new Map([["staff", "Lön personal"], ["services", "Köp av tjänst"], ["premises", "Lokal"],
  ["travel", "Resa"], ["materials", "Materiel"], ["indirect", "Indirekta kostnader"],
  ["participants", "Deltagarkostnader"], ["other", "Övrigt"]]);
const kindWords = new Map([["esf", "ESF-stöd"], ["public-cash", "Offentlig kontant medfinansiering"],
  ["public-in-kind", "Offentlig medfinansiering i annat än pengar"],
  ["public-allowance", "Offentligt finansierad ersättning till deltagare"],
  ["private-cash", "Privat kontant medfinansiering"], ["private-in-kind", "Privat medfinansiering i annat än pengar"]]);
const tagWords = new Map([["accessibility", "tillgänglighet"], ["gender-equality", "jämställdhet"],
  ["transnational", "transnationellt"], ["dissemination", "spridning"], ["evaluation", "utvärdering"]]);

// The pack's limits for an implementation project (schemas/esf-2007-2013/pack.xml), as esfdraft shows them.
const limits = { maxEsfShare: 6000, minCofinancingShare: 4000, maxIndirectShare: null, esfCeiling: null, sourceNote: "esf-2007-2013" };

// ------------------------------------------------------------------ references and helpers

function columnLetters(column) {
  let letters = "";
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
// 0-based row and column, as esfdraft's layout counts them; anchor: "", "column", "row", "both".
function ref(row, column, anchor = "") {
  const c = anchor === "column" || anchor === "both" ? "$" : "";
  const r = anchor === "row" || anchor === "both" ? "$" : "";
  return c + columnLetters(column) + r + (row + 1);
}
const range = (r1, c1, r2, c2, anchor = "") => ref(r1, c1, anchor) + ":" + ref(r2, c2, anchor);
const sheetPrefix = (name) => "'" + name.replace(/'/g, "''") + "'!";
const literal = (text) => '"' + text.replace(/"/g, '""') + '"';
const codePoints = (text) => [...text].length;
const textWidth = (text) => codePoints(text) + 2;
const NBSP = "\u00a0";
function formatSek(ore) {
  const n = Math.abs(ore);
  const rest = n % 100;
  return (ore < 0 ? "\u2212" : "") + String(Math.floor(n / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) +
    (rest ? "," + String(rest).padStart(2, "0") : "") + NBSP + "kr";
}
function sumWhere(amounts, keys, key, own, years, year) {
  if (own) return `SUMIFS(${amounts},${keys},${key}${years ? `,${years},${year}` : ""})`;
  return `SUMPRODUCT(EXACT(${keys},${key})${years ? `*(${years}=${year})` : ""}*${amounts})`;
}

// ------------------------------------------------------------------ the workbook

const app = JSON.parse(fs.readFileSync(dataPath, "utf8"));
const budget = app.budget;
const costs = budget.costs;
const [dy, dm, dd] = dateArg.split("-").map(Number);
const documentDate = new Date(Date.UTC(dy, dm - 1, dd));
const dateValue = (iso) => { const [y, m, d] = iso.split("-").map(Number); return new Date(Date.UTC(y, m - 1, d)); };

let anyOre = false;
for (const c of costs) anyOre = anyOre || c.amount % 100 !== 0;
for (const s of budget.financing) anyOre = anyOre || s.amount % 100 !== 0;
for (const i of budget.income) anyOre = anyOre || i.amount % 100 !== 0;
const moneyFmt = anyOre ? L.moneyWithOreFormat : L.moneyFormat;
const moneyWidth = (ore) => Math.max(codePoints(formatSek(ore)) + 3 + (anyOre && ore % 100 === 0 ? 3 : 0), 14);

// Looks: one shared style object each, as exceljs users write them.
const headerFill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const thin = { style: "thin" };
function look({ bold, italic, wrap, header, total, align, indent, size, numFmt } = {}) {
  const style = { alignment: { vertical: "top" } };
  if (wrap) style.alignment.wrapText = true;
  if (align) style.alignment.horizontal = align;
  if (indent) style.alignment.indent = 1;
  if (bold || italic || size) style.font = { ...(bold && { bold: true }), ...(italic && { italic: true }), ...(size && { size }) };
  if (header) { style.fill = headerFill; style.border = { bottom: thin }; }
  if (total) style.border = { top: thin };
  if (numFmt) style.numFmt = numFmt;
  return { style, wrap: Boolean(wrap), size: size || 11 };
}
const LK = {
  text: look(), bold: look({ bold: true }), title: look({ bold: true, wrap: true, size: 14 }),
  header: look({ bold: true, wrap: true, header: true }), headerRight: look({ bold: true, wrap: true, header: true, align: "right" }),
  headerCenter: look({ bold: true, wrap: true, header: true, align: "center" }),
  headerIndented: look({ bold: true, wrap: true, header: true, indent: true }),
  headerYear: look({ bold: true, header: true, align: "right", numFmt: "0" }), wrapped: look({ wrap: true }),
  year: look({ align: "center" }), indented: look({ indent: true }), fact: look({ wrap: true }), factLabel: look({ bold: true }),
  money: look({ numFmt: moneyFmt }), moneyTotal: look({ bold: true, total: true, numFmt: moneyFmt }),
  percent: look({ align: "right", numFmt: L.percentFormat }),
  percentTotal: look({ bold: true, total: true, align: "right", numFmt: L.percentFormat }),
  totalLabel: look({ bold: true, total: true }), date: look({ align: "left", numFmt: L.dateFormat }),
  note: look({ italic: true, wrap: true }), atMostPercent: look({ align: "right", numFmt: L.atMost + L.percentFormat }),
  atLeastPercent: look({ align: "right", numFmt: L.atLeast + L.percentFormat }),
  atMostMoney: look({ numFmt: L.atMost + moneyFmt }), mustBeMoney: look({ numFmt: L.mustBe + moneyFmt }),
  status: look({ bold: true, indent: true }),
  boldWrapped: look({ bold: true, wrap: true }), indentedWrapped: look({ indent: true, wrap: true }),
};
const brokenStyle = { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } }, font: { color: { argb: "FF9C0006" } } };

const workbook = new ExcelJS.Workbook();

// A sheet being laid out: cells are written straight into exceljs; widths,
// merges and wrapped texts are kept to size the columns and rows at the end.
class Sheet {
  constructor(name) {
    this.name = name;
    this.ws = workbook.addWorksheet(name);
    this.widths = [];
    this.merges = [];
    this.wrapped = [];
  }
  // value: a string, {ore}, {ratio: [n, d]}, {count}, a Date, null; formula without "=".
  put(row, column, value, lk = LK.text, formula) {
    const cell = this.ws.getCell(row + 1, column + 1);
    let v = value;
    if (value && typeof value === "object" && !(value instanceof Date)) {
      if ("ore" in value) v = value.ore / 100;
      else if ("ratio" in value) v = value.ratio[0] / value.ratio[1];
      else if ("count" in value) v = value.count;
    }
    cell.value = formula ? { formula, result: v } : v;
    cell.style = lk.style;
    if (typeof value === "string" && (lk.wrap || lk.size !== 11)) this.wrapped.push([row, column, value, lk.size]);
  }
  widen(column, width) {
    while (this.widths.length <= column) this.widths.push(0);
    this.widths[column] = Math.max(this.widths[column], width);
  }
  merge(row, first, last) {
    this.merges.push([row, first, last]);
    this.ws.mergeCells(row + 1, first + 1, row + 1, last + 1);
  }
  finish(frozenRows, frozenColumns, repeatHeader) {
    const ws = this.ws;
    this.widths.forEach((w, i) => { if (w > 0) ws.getColumn(i + 1).width = w; });
    // Rows with wrapped text get the height their longest text needs.
    const widthOf = (c) => (c < this.widths.length && this.widths[c] > 0 ? this.widths[c] : 8.43);
    const mergedTo = new Map(this.merges.map(([r, f, l]) => [`${r},${f}`, l]));
    const heights = new Map();
    for (const [row, column, text, points] of this.wrapped) {
      let width = widthOf(column);
      const last = mergedTo.get(`${row},${column}`);
      if (last !== undefined) for (let c = column + 1; c <= last; ++c) width += widthOf(c);
      const perLine = Math.max(((width - 1) * 1.15 * 11) / points, 4);
      let lines = 0;
      for (const part of text.split("\n")) lines += Math.max(1, Math.ceil(codePoints(part) / perLine));
      if (lines > 1 || points !== 11) heights.set(row, Math.max(heights.get(row) || 0, (lines * 15 * points) / 11));
    }
    for (const [row, height] of heights) ws.getRow(row + 1).height = height;
    if (frozenRows || frozenColumns) ws.views = [{ state: "frozen", xSplit: frozenColumns, ySplit: frozenRows }];
    const title = app.project.title.slice(0, 100).replace(/&/g, "&&");
    ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      ...(repeatHeader && { printTitlesRow: "1:1" }) };
    ws.headerFooter = { oddHeader: `&L${title}&R&A`, oddFooter: `&L${L.prepared} ${dateArg}&R${L.pageFooter}` };
  }
}

const categoryLabel = (code) => categoryWords.get(code) ||
  (code ? `${code} (${L.unknownCategory})` : `(${L.unknownCategory})`);
const costLastRow = Math.max(costs.length, 1);
// The cost ranges reach 20 rows below the last line (esfdraft's
// spare_cost_rows), so lines typed under the table count too.
const costRangeLast = costLastRow + 20;
const costsRange = (column) => sheetPrefix(L.costsSheet) + range(1, column, costRangeLast, column, "both");
// Activities and goals as esfdraft shows them: A1, A2, … and M1, M2, … in plan order.
const activityLabel = new Map(app.activities.map((a, i) => [a.id, `A${i + 1}`]));
const goalLabel = new Map(app.goals.map((g, i) => [g.id, `M${i + 1}`]));
// The pack's and the register's names, as esfdraft's pipeline gives the workbook.
const programmeTitles = {
  "esf-2007-2013": "Europeiska socialfonden 2007–2013: Nationellt strukturfondsprogram för regional konkurrenskraft och sysselsättning",
};
const areaNames = { PO1: "Kompetensförsörjning", PO2: "Ökat arbetskraftsutbud" };
const regionNames = {
  SE11: "Stockholm", SE12: "Östra Mellansverige", SE21: "Småland och öarna", SE22: "Sydsverige",
  SE23: "Västsverige", SE31: "Norra Mellansverige", SE32: "Mellersta Norrland", SE33: "Övre Norrland",
};
const named = (names, code) => (code in names ? `${names[code]} (${code})` : code);

// Sheets are added in the workbook's order (summary first) and filled in the
// order the figures are needed (costs first), as esfdraft does.
const summary = new Sheet(L.summarySheet);
const costSheet = new Sheet(L.costsSheet);
const byYear = new Sheet(L.byYearSheet);
const byActivity = new Sheet(L.byActivitySheet);
const financing = new Sheet(L.financingSheet);

// ------------------------------------------------------------------ costs

let totalCosts = 0;
const costCategoryLabels = [];
{
  const s = costSheet;
  const headers = [L.category, L.year, L.activity, L.label, L.amount, L.tags];
  const headerLooks = [LK.header, LK.headerCenter, LK.header, LK.header, LK.headerRight, LK.headerIndented];
  headers.forEach((h, i) => s.widen(i, textWidth(h) + 3));
  const rows = [];
  for (const cost of costs) {
    totalCosts += cost.amount;
    const category = categoryLabel(cost.category);
    costCategoryLabels.push(category);
    const tags = cost.tags.length ? cost.tags.map((t) => tagWords.get(t) || t).join(", ") : null;
    rows.push([category, cost.year, cost.activity ? activityLabel.get(cost.activity) || cost.activity : null, cost.label,
      cost.amount / 100, tags]);
  }
  if (rows.length === 0) rows.push([null, null, null, null, null, null]);
  s.ws.addTable({
    name: L.costsTable, ref: "A1", headerRow: true, style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })), rows,
  });
  headers.forEach((h, i) => { s.ws.getCell(1, i + 1).style = headerLooks[i].style; });
  costs.forEach((cost, i) => {
    const r = i + 2;
    const ws = s.ws;
    ws.getCell(r, 1).style = LK.text.style;
    s.widen(0, textWidth(costCategoryLabels[i]));
    ws.getCell(r, 2).style = LK.year.style;
    if (cost.activity) { ws.getCell(r, 3).style = LK.text.style; s.widen(2, Math.min(textWidth(rows[i][2]), 30)); }
    ws.getCell(r, 4).style = LK.wrapped.style;
    s.wrapped.push([i + 1, 3, cost.label, 11]);
    s.widen(3, Math.min(textWidth(cost.label), 70));
    ws.getCell(r, 5).style = LK.money.style;
    s.widen(4, moneyWidth(cost.amount));
    if (cost.tags.length) {
      ws.getCell(r, 6).style = LK.indented.style;
      s.widen(5, Math.min(textWidth(rows[i][5]) + 2, 30));
    }
  });
  s.ws.dataValidations.add(`A2:A${costLastRow + 1}`, {
    type: "list", allowBlank: true, showErrorMessage: true, errorStyle: "warning",
    formulae: ['"' + [...categoryWords.values()].join(",") + '"'],
  });
}

// ------------------------------------------------------------------ by year

const years = [...new Set(costs.map((c) => c.year))].sort((a, b) => a - b);
const categoryTotals = [];
{
  const s = byYear;
  const rows = [], own = [];
  for (const [code, words] of categoryWords) if (costs.some((c) => c.category === code)) rows.push(words), own.push(true);
  costs.forEach((c, i) => {
    if (!categoryWords.has(c.category) && !rows.includes(costCategoryLabels[i])) rows.push(costCategoryLabels[i]), own.push(false);
  });
  const sums = new Map();
  costs.forEach((c, i) => { const k = costCategoryLabels[i] + "\u0000" + c.year; sums.set(k, (sums.get(k) || 0) + c.amount); });
  const firstYear = 1, totalColumn = firstYear + years.length, totalRow = rows.length + 1;
  s.put(0, 0, L.category, LK.header);
  s.widen(0, textWidth(L.category));
  years.forEach((y, i) => s.put(0, firstYear + i, { count: y }, LK.headerYear));
  s.put(0, totalColumn, L.total, LK.headerRight);
  const columnSums = years.map(() => 0);
  let grand = 0;
  rows.forEach((label, r) => {
    const row = r + 1;
    s.put(row, 0, label);
    s.widen(0, Math.min(textWidth(label), 70));
    let rowSum = 0;
    years.forEach((y, i) => {
      const column = firstYear + i;
      const ore = sums.get(label + "\u0000" + y) || 0;
      s.put(row, column, { ore }, LK.money, sumWhere(costsRange(4), costsRange(0), ref(row, 0, "column"), own[r], costsRange(1), ref(0, column, "row")));
      s.widen(column, moneyWidth(ore));
      rowSum += ore;
      columnSums[i] += ore;
    });
    // The totals read the cost lines themselves, as esfdraft's do.
    s.put(row, totalColumn, { ore: rowSum }, LK.money, sumWhere(costsRange(4), costsRange(0), ref(row, 0, "column"), own[r]));
    s.widen(totalColumn, moneyWidth(rowSum));
    grand += rowSum;
    categoryTotals.push([label, rowSum]);
  });
  s.put(totalRow, 0, L.total, LK.totalLabel);
  // The totals read the cost lines themselves, as esfdraft's do.
  years.forEach((y, i) => {
    const column = firstYear + i;
    s.put(totalRow, column, { ore: columnSums[i] }, LK.moneyTotal, `SUMIFS(${costsRange(4)},${costsRange(1)},${ref(0, column, "row")})`);
    s.widen(column, moneyWidth(columnSums[i]));
  });
  s.put(totalRow, totalColumn, { ore: grand }, LK.moneyTotal, `SUM(${costsRange(4)})`);
  s.widen(totalColumn, moneyWidth(grand));

  // The financing spread over the years below, in the same columns: each
  // source's year is its amount times the year's costs over the total costs,
  // rounded to whole kronor, the last year the rest; sources grouped by kind
  // under a SUBTOTAL row (a kind of one source without a funder is that
  // source's row); the total a SUBTOTAL over the groups, then co-financing.
  const sourcesAll = budget.financing;
  if (sourcesAll.length && years.length) {
    const headerRow = totalRow + 2;
    s.put(headerRow, 0, L.financingByYear, LK.header);
    years.forEach((y, i) => s.put(headerRow, firstYear + i, { count: y }, LK.headerYear));
    s.put(headerRow, totalColumn, L.total, LK.headerRight);
    s.widen(0, Math.min(textWidth(L.financingByYear), 36));
    const costTotal = ref(totalRow, totalColumn, "both");
    const weights = columnSums;  // each year's costs
    const spread = (amount) => {
      const parts = years.map(() => 0);
      let rest = amount;
      for (let y = 0; y + 1 < years.length; ++y) {
        const exact = grand === 0 ? 0 : (amount * weights[y]) / grand / 100;
        parts[y] = Math.sign(exact) * Math.round(Math.abs(exact)) * 100;
        rest -= parts[y];
      }
      parts[years.length - 1] = rest;
      return parts;
    };
    const label = (row, text, lk, indent) => { s.put(row, 0, text, lk); s.widen(0, Math.min(textWidth(text) + 2 * indent, 36)); };
    const sourceRow = (row, index, parts) => {
      const amount = sheetPrefix(L.financingSheet) + ref(index + 1, 3, "both");
      years.forEach((y, i) => {
        const column = firstYear + i;
        const formula = i + 1 < years.length
          ? `IF(ROUND(${costTotal}*100,0)=0,0,ROUND(${amount}*${ref(totalRow, column, "row")}/${costTotal},0))`
          : years.length === 1 ? amount : `${amount}-SUM(${range(row, firstYear, row, column - 1)})`;
        s.put(row, column, { ore: parts[i] }, LK.money, formula);
        s.widen(column, moneyWidth(parts[i]));
      });
      s.put(row, totalColumn, { ore: sourcesAll[index].amount }, LK.money, `SUM(${range(row, firstYear, row, totalColumn - 1)})`);
    };
    const subtotal = (row, first, last, byYear, total, lk) => {
      for (let column = firstYear; column <= totalColumn; ++column) {
        const ore = column === totalColumn ? total : byYear[column - firstYear];
        s.put(row, column, { ore }, lk, `SUBTOTAL(9,${range(first, column, last, column)})`);
        s.widen(column, moneyWidth(ore));
      }
    };
    const spreads = sourcesAll.map((x) => spread(x.amount));
    let row = headerRow + 1;
    const firstRow = row;
    let esfRow = null;
    const kindsPresent = [...kindWords.keys()].filter((k) => sourcesAll.some((x) => x.kind === k));
    for (const x of sourcesAll) if (!kindsPresent.includes(x.kind)) kindsPresent.push(x.kind);
    const byYearTotal = years.map(() => 0), esfByYear = years.map(() => 0);
    let financingTotal = 0, esfTotal = 0;
    for (const code of kindsPresent) {
      const members = sourcesAll.map((x, i) => i).filter((i) => sourcesAll[i].kind === code);
      const words = kindWords.get(code) || (code ? `${code} (${L.unknownKind})` : `(${L.unknownKind})`);
      if (code === "esf") esfRow = row;
      for (const i of members) {
        spreads[i].forEach((v, y) => { byYearTotal[y] += v; if (code === "esf") esfByYear[y] += v; });
        financingTotal += sourcesAll[i].amount;
        if (code === "esf") esfTotal += sourcesAll[i].amount;
      }
      if (members.length === 1 && !sourcesAll[members[0]].funder) {
        label(row, words, LK.boldWrapped, 0);
        sourceRow(row++, members[0], spreads[members[0]]);
        continue;
      }
      const kindRow = row++;
      label(kindRow, words, LK.boldWrapped, 0);
      const kindByYear = years.map(() => 0);
      let kindTotal = 0;
      for (const i of members) {
        label(row, sourcesAll[i].funder || words, LK.indentedWrapped, 1);
        sourceRow(row++, i, spreads[i]);
        spreads[i].forEach((v, y) => { kindByYear[y] += v; });
        kindTotal += sourcesAll[i].amount;
      }
      subtotal(kindRow, kindRow + 1, row - 1, kindByYear, kindTotal, LK.money);
    }
    const lastRow = row - 1;
    const financingRow = row++;
    label(financingRow, L.totalFinancing, LK.totalLabel, 0);
    subtotal(financingRow, firstRow, lastRow, byYearTotal, financingTotal, LK.moneyTotal);
    const cofinancingRow = row++;
    label(cofinancingRow, L.totalCofinancing, LK.text, 0);
    for (let column = firstYear; column <= totalColumn; ++column) {
      const y = column - firstYear;
      const ore = column === totalColumn ? financingTotal - esfTotal : byYearTotal[y] - esfByYear[y];
      s.put(cofinancingRow, column, { ore }, LK.money, ref(financingRow, column) + (esfRow !== null ? "-" + ref(esfRow, column) : ""));
      s.widen(column, moneyWidth(ore));
    }
    const noteRow = row + 1;
    s.put(noteRow, 0, L.financingByYearNote, LK.note);
    s.merge(noteRow, 0, totalColumn);
  }
}

// ------------------------------------------------------------------ by activity, and the goals

{
  const s = byActivity;
  const rows = [];
  const seen = new Set();
  for (const a of app.activities) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    const shown = activityLabel.get(a.id);
    rows.push({ key: shown, shown, title: a.title, goalIds: a.goals, goalsText: a.goals.map((g) => goalLabel.get(g) || g).join(" ") });
  }
  for (const c of costs) if (c.activity && !seen.has(c.activity)) { seen.add(c.activity); rows.push({ key: c.activity, shown: c.activity, title: L.unknownActivity, goalIds: [], goalsText: "" }); }
  rows.push({ key: "", shown: L.noActivity, title: "", goalIds: [], goalsText: "" });
  const sums = new Map(), keyTotals = new Map();
  for (const c of costs) {
    const key = c.activity ? activityLabel.get(c.activity) || c.activity : "";
    const k = key + "\u0000" + c.year;
    sums.set(k, (sums.get(k) || 0) + c.amount);
    keyTotals.set(key, (keyTotals.get(key) || 0) + c.amount);
  }
  const keyColumn = 0, titleColumn = 1, goalsColumn = 2, firstYear = 3;
  const totalColumn = firstYear + years.length, lastActivityRow = rows.length, totalRow = lastActivityRow + 1;
  const header = (row, a, b, c) => {
    s.put(row, keyColumn, a, LK.header);
    s.put(row, titleColumn, b, LK.header);
    s.put(row, goalsColumn, c, LK.header);
    years.forEach((y, i) => s.put(row, firstYear + i, { count: y }, LK.headerYear));
    s.put(row, totalColumn, L.total, LK.headerRight);
  };
  header(0, L.activity, L.title, L.goals);
  s.widen(keyColumn, textWidth(L.activity));
  s.widen(titleColumn, textWidth(L.title));
  s.widen(goalsColumn, textWidth(L.goals));
  const cells = [];
  const columnSums = new Array(years.length + 1).fill(0);
  rows.forEach((a, r) => {
    const row = r + 1;
    const none = r + 1 === rows.length;
    s.put(row, keyColumn, a.shown, none ? LK.text : LK.bold);
    s.widen(keyColumn, Math.min(textWidth(a.shown), 30));
    if (a.title) { s.put(row, titleColumn, a.title, LK.wrapped); s.widen(titleColumn, Math.min(textWidth(a.title), 70)); }
    if (a.goalsText) { s.put(row, goalsColumn, a.goalsText, LK.wrapped); s.widen(goalsColumn, Math.min(textWidth(a.goalsText), 30)); }
    const key = none ? '""' : ref(row, keyColumn, "column");
    const line = [];
    years.forEach((y, i) => {
      const column = firstYear + i;
      const ore = sums.get(a.key + "\u0000" + y) || 0;
      line.push(ore);
      s.put(row, column, { ore }, LK.money, sumWhere(costsRange(4), costsRange(2), key, false, costsRange(1), ref(0, column, "row")));
      s.widen(column, moneyWidth(ore));
      columnSums[i] += ore;
    });
    const rowTotal = keyTotals.get(a.key) || 0;
    line.push(rowTotal);
    cells.push(line);
    s.put(row, totalColumn, { ore: rowTotal }, LK.money,
      years.length ? `SUM(${range(row, firstYear, row, totalColumn - 1)})` : sumWhere(costsRange(4), costsRange(2), key, false));
    s.widen(totalColumn, moneyWidth(rowTotal));
    columnSums[years.length] += rowTotal;
  });
  s.put(totalRow, keyColumn, L.total, LK.totalLabel);
  for (let column = firstYear; column <= totalColumn; ++column) {
    const ore = columnSums[column - firstYear];
    s.put(totalRow, column, { ore }, LK.moneyTotal, `SUM(${range(1, column, lastActivityRow, column)})`);
    s.widen(column, moneyWidth(ore));
  }

  // Per goal: the costs of the activities that serve it.
  const headerRow = totalRow + 2;
  const goals = [];
  const seenGoals = new Set();
  for (const g of app.goals) if (!seenGoals.has(g.id)) { seenGoals.add(g.id); goals.push({ id: goalLabel.get(g.id), statement: g.statement }); }
  for (const a of rows) for (const id of a.goalIds) if (!seenGoals.has(id)) { seenGoals.add(id); goals.push({ id, statement: L.unknownGoal }); }
  if (goals.length) {
    const statementColumn = 1, activitiesColumn = 2;
    s.put(headerRow, keyColumn, L.goals, LK.header);
    s.put(headerRow, statementColumn, L.statement, LK.header);
    s.put(headerRow, activitiesColumn, L.activities, LK.header);
    years.forEach((y, i) => s.put(headerRow, firstYear + i, { count: y }, LK.headerYear));
    s.put(headerRow, totalColumn, L.total, LK.headerRight);
    s.widen(statementColumn, textWidth(L.statement));
    s.widen(activitiesColumn, textWidth(L.activities));
    const goalsRange = range(1, activitiesColumn, lastActivityRow, activitiesColumn, "both");
    goals.forEach((g, gi) => {
      const row = headerRow + 1 + gi;
      const counts = rows.map((a) => (" " + a.goalsText + " ").includes(" " + g.id + " "));
      const serving = rows.filter((a, i) => counts[i] && a.goalsText).map((a) => a.shown);
      s.put(row, keyColumn, g.id, LK.bold);
      s.widen(keyColumn, Math.min(textWidth(g.id), 30));
      s.put(row, statementColumn, g.statement, LK.wrapped);
      s.widen(statementColumn, Math.min(textWidth(g.statement), 70));
      const servingText = serving.join(" ");
      if (servingText) { s.put(row, activitiesColumn, servingText, LK.wrapped); s.widen(activitiesColumn, Math.min(textWidth(servingText), 30)); }
      const serves = `ISNUMBER(FIND(" "&${ref(row, keyColumn, "column")}&" "," "&${goalsRange}&" "))`;
      const goalSum = (index) => rows.reduce((sum, a, i) => (counts[i] ? sum + cells[i][index] : sum), 0);
      years.forEach((y, i) => {
        const column = firstYear + i;
        const ore = goalSum(i);
        s.put(row, column, { ore }, LK.money, `SUMPRODUCT(${serves}*${range(1, column, lastActivityRow, column, "row")})`);
        s.widen(column, moneyWidth(ore));
      });
      const total = goalSum(years.length);
      s.put(row, totalColumn, { ore: total }, LK.money,
        years.length ? `SUM(${range(row, firstYear, row, totalColumn - 1)})` : `SUMPRODUCT(${serves}*${range(1, totalColumn, lastActivityRow, totalColumn, "row")})`);
      s.widen(totalColumn, moneyWidth(total));
    });
    const noteRow = headerRow + 1 + goals.length + 1;
    s.put(noteRow, 0, L.goalNote, LK.note);
    s.merge(noteRow, 0, totalColumn);
  }
}

// ------------------------------------------------------------------ financing

const sources = budget.financing, income = budget.income;
const sourceLastRow = Math.max(sources.length, 1);
const financingTotalRow = sourceLastRow + 1;
let totalFinancing = 0, totalIncome = 0;
const sourceKindLabels = [];
const firstIncomeRow = financingTotalRow + 3;
const lastIncomeRow = firstIncomeRow + Math.max(income.length, 1) - 1;
const incomeTotalRow = lastIncomeRow + 1;
{
  const s = financing;
  s.put(0, 0, L.kind, LK.header);
  s.put(0, 1, L.funder, LK.header);
  s.put(0, 2, L.orgNumber, LK.header);
  s.put(0, 3, L.amount, LK.headerRight);
  s.put(0, 4, L.share, LK.headerRight);
  for (let c = 0; c <= 4; ++c) s.widen(c, 10);
  s.widen(0, textWidth(L.kind));
  s.widen(1, textWidth(L.funder));
  s.widen(2, textWidth(L.orgNumber));
  for (const x of sources) totalFinancing += x.amount;
  const totalCell = ref(financingTotalRow, 3, "both");
  sources.forEach((x, i) => {
    const row = i + 1;
    const kind = kindWords.get(x.kind) || (x.kind ? `${x.kind} (${L.unknownKind})` : `(${L.unknownKind})`);
    sourceKindLabels.push(kind);
    s.put(row, 0, kind);
    s.widen(0, Math.min(textWidth(kind), 70));
    if (x.funder) { s.put(row, 1, x.funder, LK.wrapped); s.widen(1, Math.min(textWidth(x.funder), 70)); }
    if (x.org_number) { s.put(row, 2, x.org_number); s.widen(2, Math.min(textWidth(x.org_number), 30)); }
    s.put(row, 3, { ore: x.amount }, LK.money);
    s.widen(3, moneyWidth(x.amount));
    s.put(row, 4, totalFinancing > 0 ? { ratio: [x.amount, totalFinancing] } : "–", LK.percent,
      `IF(ROUND(${totalCell}*100,0)>0,${ref(row, 3)}/${totalCell},"–")`);
    s.widen(4, 11);
  });
  if (!sources.length) s.put(1, 0, L.noFinancing, LK.note);
  s.put(financingTotalRow, 0, L.total, LK.totalLabel);
  s.put(financingTotalRow, 1, null, LK.totalLabel);
  s.put(financingTotalRow, 2, null, LK.totalLabel);
  s.put(financingTotalRow, 3, { ore: totalFinancing }, LK.moneyTotal, `SUM(${range(1, 3, sourceLastRow, 3)})`);
  s.widen(3, moneyWidth(totalFinancing));
  s.put(financingTotalRow, 4, totalFinancing > 0 ? { ratio: [1, 1] } : { ratio: [0, 1] }, LK.percentTotal, `SUM(${range(1, 4, sourceLastRow, 4)})`);
  const incomeHeaderRow = financingTotalRow + 2;
  s.put(incomeHeaderRow, 0, L.income, LK.header);
  s.put(incomeHeaderRow, 1, null, LK.header);
  s.put(incomeHeaderRow, 2, null, LK.header);
  s.put(incomeHeaderRow, 3, L.amount, LK.headerRight);
  income.forEach((item, i) => {
    const row = firstIncomeRow + i;
    totalIncome += item.amount;
    s.put(row, 0, item.label);
    s.put(row, 3, { ore: item.amount }, LK.money);
    s.widen(3, moneyWidth(item.amount));
  });
  if (!income.length) s.put(firstIncomeRow, 0, L.noIncome, LK.note);
  s.put(incomeTotalRow, 0, L.total, LK.totalLabel);
  s.put(incomeTotalRow, 1, null, LK.totalLabel);
  s.put(incomeTotalRow, 2, null, LK.totalLabel);
  s.put(incomeTotalRow, 3, { ore: totalIncome }, LK.moneyTotal, `SUM(${range(firstIncomeRow, 3, lastIncomeRow, 3)})`);
  s.widen(3, moneyWidth(totalIncome));
}

// ------------------------------------------------------------------ summary

{
  const s = summary;
  const p = app.project;
  const labelColumn = 0, valueColumn = 1, limitColumn = 2, statusColumn = 3;
  const sourcesRange = (column) => sheetPrefix(L.financingSheet) + range(1, column, sourceLastRow, column, "both");
  s.put(0, 0, `${L.budgetTitle} – ${p.title}`, LK.title);
  s.merge(0, 0, statusColumn);
  let row = 2;
  const fact = (label, value) => {
    s.put(row, labelColumn, label, LK.factLabel);
    s.widen(labelColumn, textWidth(label));
    if (typeof value === "string") { s.put(row, valueColumn, value, LK.fact); s.merge(row, valueColumn, statusColumn); }
    else s.put(row, valueColumn, value, LK.date);
    ++row;
  };
  fact(L.project, p.title);
  if (p.acronym) fact(L.acronym, p.acronym);
  fact(L.owner, p.owner.name);
  if (p.owner.org_number) fact(L.orgNumber, p.owner.org_number);
  fact(L.programme, named(programmeTitles, app.programme));
  if (app.call) fact(L.call, app.call);
  fact(L.programmeArea, named(areaNames, p.programme_area));
  fact(L.region, named(regionNames, p.region));
  fact(L.periodStart, dateValue(p.period.start));
  fact(L.periodEnd, dateValue(p.period.end));
  fact(L.prepared, documentDate);
  ++row;
  s.put(row, labelColumn, L.keyFigure, LK.header);
  s.put(row, valueColumn, L.value, LK.headerRight);
  s.put(row, limitColumn, L.limit, LK.headerRight);
  s.put(row, statusColumn, L.status, LK.headerIndented);
  ++row;
  const valueCell = (f) => ref(f.row, valueColumn);
  const figure = (label, ore, formula) => {
    const f = { row, ore };
    s.put(row, labelColumn, label);
    s.widen(labelColumn, Math.min(textWidth(label), 70));
    s.put(row, valueColumn, { ore }, LK.money, formula);
    s.widen(valueColumn, moneyWidth(ore));
    ++row;
    return f;
  };
  const status = (r, words, formula) => {
    s.put(r, statusColumn, words, LK.status, formula);
    const cell = ref(r, statusColumn, "both");
    const marker = literal(L.brokenMarker);
    s.ws.addConditionalFormatting({ ref: ref(r, statusColumn), rules: [{ type: "expression", priority: 1,
      formulae: [`LEFT(${cell},LEN(${marker}))=${marker}`], style: brokenStyle }] });
  };
  const eligible = totalCosts - totalIncome;
  const total = figure(L.totalCost, totalCosts, `SUM(${costsRange(4)})`);
  const incomeRow = figure(L.income, totalIncome, sheetPrefix(L.financingSheet) + ref(incomeTotalRow, 3, "both"));
  const eligibleRow = figure(L.eligibleCost, eligible, `${valueCell(total)}-${valueCell(incomeRow)}`);
  const kinds = [[kindWords.get("esf"), true]];
  for (const [code, words] of [...kindWords].slice(1)) if (sources.some((x) => x.kind === code)) kinds.push([words, true]);
  sources.forEach((x, i) => { if (!kindWords.has(x.kind) && !kinds.some((k) => k[0] === sourceKindLabels[i])) kinds.push([sourceKindLabels[i], false]); });
  const kindRows = kinds.map(([label, own]) => {
    let sum = 0;
    sources.forEach((x, i) => { if (sourceKindLabels[i] === label) sum += x.amount; });
    return figure(label, sum, sumWhere(sourcesRange(3), sourcesRange(0), ref(row, labelColumn, "column"), own));
  });
  const esf = kindRows[0];
  const financingRowIndex = row + 1;
  const cofinancing = figure(L.totalCofinancing, totalFinancing - esf.ore, `${ref(financingRowIndex, valueColumn)}-${valueCell(esf)}`);
  const financingRow = figure(L.totalFinancing, totalFinancing, sheetPrefix(L.financingSheet) + ref(financingTotalRow, 3, "both"));
  const difference = figure(L.difference, eligible - totalFinancing, `${valueCell(eligibleRow)}-${valueCell(financingRow)}`);
  s.put(difference.row, limitColumn, { ore: 0 }, LK.mustBeMoney);
  status(difference.row, difference.ore === 0 ? L.balanced : L.notBalanced,
    `IF(ROUND(${valueCell(difference)}*100,0)=0,${literal(L.balanced)},${literal(L.notBalanced)})`);
  if (limits.esfCeiling != null) {
    s.put(esf.row, limitColumn, { ore: limits.esfCeiling }, LK.atMostMoney);
    status(esf.row, esf.ore > limits.esfCeiling ? L.aboveLimit : L.withinLimit,
      `IF(ROUND(${valueCell(esf)}*100,0)>ROUND(${ref(esf.row, limitColumn)}*100,0),${literal(L.aboveLimit)},${literal(L.withinLimit)})`);
  }
  const shareFigure = (label, part, whole, limit, atMost) => {
    const r = row++;
    s.put(r, labelColumn, label);
    s.widen(labelColumn, Math.min(textWidth(label), 70));
    s.put(r, valueColumn, whole.ore > 0 ? { ratio: [part.ore, whole.ore] } : "–", LK.percent,
      `IF(ROUND(${valueCell(whole)}*100,0)>0,${valueCell(part)}/${valueCell(whole)},"–")`);
    if (limit != null) {
      s.put(r, limitColumn, { ratio: [limit, 10000] }, atMost ? LK.atMostPercent : LK.atLeastPercent);
      const scaledPart = BigInt(part.ore) * 10000n, scaledLimit = BigInt(limit) * BigInt(whole.ore);
      const broken = atMost ? scaledPart > scaledLimit : scaledPart < scaledLimit;
      const brokenWords = atMost ? L.aboveLimit : L.belowLimit;
      status(r, broken ? brokenWords : L.withinLimit,
        `IF(ROUND(${valueCell(part)}*100,0)*10000${atMost ? ">" : "<"}ROUND(${ref(r, limitColumn)}*10000,0)*ROUND(${valueCell(whole)}*100,0),${literal(brokenWords)},${literal(L.withinLimit)})`);
    }
    return { row: r, ore: 0 };
  };
  const esfShare = shareFigure(L.esfShare, esf, eligibleRow, limits.maxEsfShare, true);
  const cofinancingShare = shareFigure(L.cofinancingShare, cofinancing, eligibleRow, limits.minCofinancingShare, false);
  let staff = 0, indirect = 0;
  for (const c of costs) { if (c.category === "staff") staff += c.amount; if (c.category === "indirect") indirect += c.amount; }
  const categorySum = (code) => sumWhere(costsRange(4), costsRange(0), literal(categoryWords.get(code)), true);
  const staffRow = figure(L.staffCosts, staff, categorySum("staff"));
  const indirectRow = figure(L.indirectCosts, indirect, categorySum("indirect"));
  const indirectShare = shareFigure(L.indirectShare, indirectRow, staffRow, limits.maxIndirectShare, true);
  s.widen(valueColumn, 12);
  s.widen(limitColumn, textWidth(L.limit) + 12);
  for (const words of [L.withinLimit, L.aboveLimit, L.belowLimit, L.notBalanced]) s.widen(statusColumn, textWidth(words) + 1);
  ++row;
  const note = (text) => { s.put(row, labelColumn, text, LK.note); s.merge(row, labelColumn, statusColumn); ++row; };
  if (limits.sourceNote) note(L.limitsNote + limits.sourceNote);
  note(L.marksNote);
  const name = (defined, f) => workbook.definedNames.add(sheetPrefix(s.name) + ref(f.row, valueColumn, "both"), defined);
  name(L.names.totalCost, total);
  name(L.names.income, incomeRow);
  name(L.names.eligibleCost, eligibleRow);
  name(L.names.esf, esf);
  name(L.names.cofinancing, cofinancing);
  name(L.names.financing, financingRow);
  name(L.names.difference, difference);
  name(L.names.esfShare, esfShare);
  name(L.names.cofinancingShare, cofinancingShare);
  name(L.names.staffCosts, staffRow);
  name(L.names.indirectCosts, indirectRow);
  name(L.names.indirectShare, indirectShare);
}

summary.finish(0, 0, false);
costSheet.finish(1, 0, true);
byYear.finish(1, 1, true);
byActivity.finish(1, 1, true);
financing.finish(1, 0, true);

// ------------------------------------------------------------------ properties, and write

const p = app.project;
workbook.title = `${L.budgetTitle} – ${p.title}`.slice(0, 255);
workbook.subject = L.subject;
workbook.creator = p.contact.name || p.owner.name;
workbook.company = p.owner.name;
workbook.keywords = "ESF, budget" + (p.acronym ? ", " + p.acronym : "");
workbook.description = limits.sourceNote ? `esfdraft. ${L.limitsNote}${limits.sourceNote}` : "esfdraft";
workbook.created = documentDate;
workbook.modified = documentDate;

workbook.xlsx.writeFile(outPath).catch((error) => {
  console.error(`xlsx_anchor: ${error.message}`);
  process.exit(1);
});
