// The editor's script and stylesheet, served at /static/editor.js and
// /static/editor.css. Every page works without the script; it only adds:
// a warning before leaving a changed form and a draft kept in
// sessionStorage (restored on return, with a notice), live sums of fields
// marked data-sum, the activity timeline redrawn from its dates, and a
// polite announcement when someone else saved a newer version.
namespace esfdraft::http {

extern const char* const editor_script;
const char* const editor_script = R"JS((function () {
  'use strict';
  var form = document.getElementById('editor-form');
  if (!form) return;
  var sv = (document.documentElement.lang || 'sv') !== 'en';
  var say = function (svText, enText) { return sv ? svText : enText; };
  var live = document.getElementById('editor-live');
  var announce = function (text) {
    if (!live) return;
    live.hidden = false;
    live.textContent = text;
  };
  var key = 'esfdraft-draft:' + form.dataset.application + ':' + form.dataset.part + ':' + form.querySelector('input[name=base]').value;
  var skip = { csrf: 1, base: 1, drawn: 1 };
  var controls = function () {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !skip[el.name] && el.type !== 'submit' && el.type !== 'button' && el.type !== 'hidden';
    });
  };
  var snapshot = function () {
    var out = {};
    controls().forEach(function (el) { out[el.name] = el.type === 'checkbox' ? (el.checked ? '1' : '') : el.value; });
    return out;
  };
  var start = JSON.stringify(snapshot());
  var dirty = false;

  // --- live sums: inputs data-sum="G", a target data-sum-target="G", an <output data-sum-total="G">
  var number = function (text) {
    var cleaned = String(text || '').replace(/[\s\u00a0]/g, '').replace(',', '.');
    if (cleaned === '') return 0;
    var n = Number(cleaned);
    return isFinite(n) ? n : NaN;
  };
  var format = function (n) {
    return sv ? String(n).replace('.', ',') : String(n);
  };
  var sums = function () {
    var groups = {};
    form.querySelectorAll('[data-sum]').forEach(function (el) {
      var g = el.getAttribute('data-sum');
      groups[g] = (groups[g] === undefined ? 0 : groups[g]) + number(el.value);
    });
    form.querySelectorAll('output[data-sum-total]').forEach(function (out) {
      var g = out.getAttribute('data-sum-total');
      var total = groups[g] === undefined ? 0 : groups[g];
      var target = form.querySelector('[data-sum-target="' + g + '"]');
      if (isNaN(total)) { out.textContent = say('Summan går inte att räkna: ett värde är inte ett tal.', 'The sum cannot be counted: a value is not a number.'); return; }
      var text = say('Summa: ', 'Sum: ') + format(total);
      if (target && target.value.trim() !== '') {
        var goal = number(target.value);
        text += total === goal ? say(' – lika med målvärdet ✓', ' – equals the target ✓')
                               : say(' – målvärdet är ', ' – the target is ') + format(goal) + ' ✗';
      }
      out.textContent = text;
    });
  };

  // --- the activity timeline: rows of inputs data-timeline-row="N" (start, end, title)
  var months = function (iso) {
    var m = /^(\d{4})-(\d{2})-\d{2}$/.exec(iso || '');
    return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
  };
  var timeline = function () {
    var box = document.getElementById('timeline');
    if (!box) return;
    var rows = {};
    form.querySelectorAll('[data-timeline-row]').forEach(function (el) {
      var n = el.getAttribute('data-timeline-row');
      rows[n] = rows[n] || {};
      rows[n][el.getAttribute('data-timeline')] = el.value;
    });
    var list = Object.keys(rows).map(function (n) { return rows[n]; }).filter(function (r) {
      return months(r.start) !== null && months(r.end) !== null && months(r.end) >= months(r.start);
    });
    if (!list.length) { box.innerHTML = ''; return; }
    var first = Math.min.apply(null, list.map(function (r) { return months(r.start); }));
    var last = Math.max.apply(null, list.map(function (r) { return months(r.end); }));
    if (last - first > 95) last = first + 95;
    var table = document.createElement('table');
    table.className = 'timeline';
    var caption = table.createCaption();
    caption.textContent = say('Tidslinje (månader)', 'Timeline (months)');
    var head = table.createTHead().insertRow();
    var corner = document.createElement('th');
    corner.scope = 'col';
    corner.textContent = say('Aktivitet', 'Activity');
    head.appendChild(corner);
    for (var m = first; m <= last; m++) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = (m % 12 === 0 || m === first) ? String(Math.floor(m / 12)) + '-' + String(m % 12 + 1).padStart(2, '0') : String(m % 12 + 1);
      head.appendChild(th);
    }
    var body = table.createTBody();
    list.forEach(function (r) {
      var row = body.insertRow();
      var name = document.createElement('th');
      name.scope = 'row';
      name.textContent = r.title || '–';
      row.appendChild(name);
      for (var k = first; k <= last; k++) {
        var cell = row.insertCell();
        var on = k >= months(r.start) && k <= months(r.end);
        cell.className = on ? 'on' : 'off';
        cell.textContent = on ? '■' : '';
      }
    });
    box.innerHTML = '';
    box.appendChild(table);
  };

  // --- the budget's key figures (the budget part's table#budget-figures), from the rows as typed
  var budget = function () {
    var box = document.getElementById('budget-figures');
    if (!box) return;
    var ore = function (text) { var n = number(text); return isNaN(n) ? NaN : Math.round(n * 100); };
    var rows = function (name, each) {
      var count = form.querySelector('input[name="' + name + '.count"]');
      for (var n = 1; count && n <= Number(count.value); n++) {
        var removed = form.elements[name + '.' + n + '.remove'];
        if (removed && removed.checked) continue;
        var field = function (f) { var el = form.elements[name + '.' + n + '.' + f]; return el ? el.value : ''; };
        each(field);
      }
    };
    var costs = 0, income = 0, financing = 0, esf = 0, staff = 0, indirect = 0;
    rows('cost', function (f) {
      var a = ore(f('amount'));
      costs += a;
      if (f('category') === 'staff') staff += a;
      if (f('category') === 'indirect') indirect += a;
    });
    rows('income', function (f) { income += ore(f('amount')); });
    rows('source', function (f) { var a = ore(f('amount')); financing += a; if (f('kind') === 'esf') esf += a; });
    var kr = function (o) {
      if (isNaN(o)) return say('– (ett belopp är inte ett tal)', '– (an amount is not a number)');
      var whole = Math.trunc(o / 100), rest = Math.abs(o % 100);
      var text = Math.abs(whole).toString().replace(/\B(?=(\d{3})+(?!\d))/g, sv ? '\u00a0' : ',');
      if (rest) text += (sv ? ',' : '.') + String(rest).padStart(2, '0');
      return sv ? (o < 0 ? '−' : '') + text + '\u00a0kr' : (o < 0 ? '−' : '') + 'SEK ' + text;
    };
    var pct = function (part, whole) {
      if (isNaN(part) || isNaN(whole) || whole <= 0) return '–';
      var tenths = Math.floor((part * 2000 / whole + 1) / 2);
      return Math.floor(tenths / 10) + (sv ? ',' : '.') + (tenths % 10) + '\u00a0%';
    };
    var eligible = costs - income, balance = eligible - financing;
    var shown = {
      costs: kr(costs), income: kr(income), eligible: kr(eligible), financing: kr(financing),
      balance: kr(balance) + (isNaN(balance) ? '' : ' ' + (balance === 0 ? say('(i balans)', '(balanced)')
        : balance > 0 ? say('(finansieringen räcker inte)', '(financing falls short)') : say('(finansieringen är för stor)', '(financing exceeds the costs)'))),
      'esf-share': pct(esf, eligible), 'cofinancing-share': pct(financing - esf, eligible), 'indirect-share': pct(indirect, staff)
    };
    box.querySelectorAll('[data-budget-figure]').forEach(function (cell) {
      var text = shown[cell.getAttribute('data-budget-figure')];
      if (text !== undefined && cell.textContent !== text) cell.textContent = text;
    });
    var caption = box.querySelector('caption');
    if (caption && caption.dataset.typing) caption.textContent = caption.dataset.typing;
  };

  // --- a draft kept for this tab, restored on return
  var saved = null;
  try { saved = window.sessionStorage.getItem(key); } catch (e) { saved = null; }
  if (saved && saved !== start) {
    try {
      var values = JSON.parse(saved);
      controls().forEach(function (el) {
        if (!(el.name in values)) return;
        if (el.type === 'checkbox') el.checked = values[el.name] === '1';
        else el.value = values[el.name];
      });
      dirty = true;
      announce(say('Dina osparade ändringar från förra gången är återställda. Spara för att behålla dem.',
                   'Your unsaved changes from last time are restored. Save to keep them.'));
      var discard = document.createElement('button');
      discard.type = 'button';
      discard.className = 'secondary';
      discard.textContent = say('Släng utkastet', 'Discard the draft');
      discard.addEventListener('click', function () {
        try { window.sessionStorage.removeItem(key); } catch (e) { /* storage off */ }
        dirty = false;
        window.location.reload();
      });
      live.appendChild(document.createTextNode(' '));
      live.appendChild(discard);
    } catch (e) { /* a broken draft is ignored */ }
  }
  var changed = function () {
    var now = JSON.stringify(snapshot());
    dirty = now !== start;
    try {
      if (dirty) window.sessionStorage.setItem(key, now);
      else window.sessionStorage.removeItem(key);
    } catch (e) { /* storage off: the warning still works */ }
    sums();
    timeline();
    budget();
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function (event) {
    var by = event.submitter;
    // "Add a row" keeps the draft (the form comes back); a save ends it.
    if (!by || by.name !== 'add') { try { window.sessionStorage.removeItem(key); } catch (e) { /* storage off */ } }
    dirty = false;
  });
  window.addEventListener('beforeunload', function (event) {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = '';
  });
  sums();
  timeline();
  budget();
  var summary = document.getElementById('conflict') || document.getElementById('finding-summary');
  if (summary && !saved) summary.focus();

  // --- someone else saved: ask the API every 30 s
  var known = Number(form.dataset.version);
  var told = known;
  var poll = function () {
    fetch('/api/applications/' + encodeURIComponent(form.dataset.application), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (app) {
        if (!app || !app.versions) return;
        var newest = app.versions.reduce(function (m, v) { return Math.max(m, v.number); }, 0);
        if (newest > told) {
          told = newest;
          announce(say('Version ' + newest + ' har sparats av någon annan medan du skriver. Om du sparar nu visas vad den ändrade, och dina uppgifter finns kvar.',
                       'Version ' + newest + ' was saved by someone else while you write. Saving now shows what it changed, and your entries are kept.'));
        }
      })
      .catch(function () { /* offline: try again later */ });
  };
  window.setInterval(poll, 30000);
})();
)JS";

extern const char* const editor_stylesheet;
const char* const editor_stylesheet = R"(
.editor{display:grid;grid-template-columns:16rem 1fr;gap:2rem;align-items:start}
@media (max-width:50rem){.editor{grid-template-columns:1fr}}
nav.parts h2{font-size:1rem;margin-top:0}
nav.parts ol{list-style:none;padding:0;margin:0}
nav.parts li{padding:.3rem 0;border-bottom:1px solid var(--line)}
nav.parts a[aria-current=page]{font-weight:700}
nav.parts a[aria-current=page]::before{content:"▸ "}
.part-status{display:block;font-size:.9rem}
.part-incomplete .part-status{color:var(--bad)}
.part-needs-attention .part-status{color:var(--warn)}
.part-complete .part-status{color:var(--ok)}
.error-summary{border:3px solid var(--bad);padding:.6rem 1rem;margin:0 0 1rem}
.error-summary h2{margin-top:0;border:0;font-size:1.1rem}
ul.findings{list-style:none;margin:.3rem 0 .6rem;padding:.3rem .6rem;border-left:4px solid var(--bad);background:#fdf0f2}
ul.findings li.sev-warning{color:var(--warn)}
ul.findings li.sev-info{color:var(--muted)}
ul.findings li.sev-error{color:var(--bad)}
.fix{display:block;color:var(--ink)}
.hint{margin:0 0 .2rem;color:var(--muted);font-size:.95rem}
.field.check{display:flex;gap:.4rem;align-items:baseline}
.field.check label{font-weight:400;margin:.2rem 0}
fieldset{border:1px solid var(--line);border-radius:4px;margin:1rem 0;padding:.4rem 1rem 1rem}
fieldset fieldset{background:var(--soft)}
legend{font-weight:700;padding:0 .3rem}
.row-grid{display:flex;flex-wrap:wrap;gap:0 1rem}
.row-grid .field input[type=text],.row-grid .field input[type=date]{width:12rem}
button.secondary{background:#fff;color:var(--accent);border:2px solid var(--accent)}
textarea{width:100%;min-height:10rem}
.markup-help{font-size:.95rem;background:var(--soft);padding:.4rem .6rem;border-radius:4px}
table.timeline td,table.timeline th{padding:.1rem .25rem;font-size:.8rem;text-align:center}
table.timeline td.on{background:#0b4f8a;color:#fff}
.municipalities{columns:3 12rem}
output{display:block;margin:.2rem 0 .6rem;font-weight:600}
table.grid td{vertical-align:top;padding:.2rem .3rem}
table.grid .field{margin:0}
table.grid .field label{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.grid{width:100%;table-layout:auto}
table.grid input[type=text]{width:100%;min-width:4.5rem;box-sizing:border-box}
.field select{max-width:100%}
table.grid select{max-width:11rem}
table.grid input[name$=".label"],table.grid input[name$=".funder"]{min-width:13rem}
table.grid input[name$=".amount"]{min-width:7rem}
table.figures{width:auto;min-width:32rem}
table.grid textarea{min-height:4rem}
tr.row-findings td{padding-top:0}
table.figures td.num{text-align:right}
)";

}  // namespace esfdraft::http
