#!/usr/bin/env python3
"""Writes a synthetic but valid esfdraft plan (and findings file) with N cost lines,
and the same content as JSON for the benchmark's anchors.

Goals, activities and findings grow with the cost lines (one activity per 25
cost lines, one goal per 4 activities, one finding per goal), so every part of
the pipeline is exercised at scale. The budget balances and the ESF share is
50 %, so the plan checks without budget errors.

The application is built once as plain data (`application(lines)`), then
written twice: as the plan and findings XML esfdraft reads, and as data.json,
which docx_anchor.js and xlsx_anchor.js read. So the anchors get exactly the
content esfdraft gets: the same goals with their indicators, activities, cost
lines, financing and pre-study findings.

Usage:
  generate_plan.py COST_LINES OUT_DIR
      writes OUT_DIR/plan.xml, OUT_DIR/findings.xml and OUT_DIR/data.json
  generate_plan.py --many COUNT COST_LINES OUT_DIR
      writes COUNT plans, OUT_DIR/p0001/plan.xml (+ findings.xml) and so on,
      each with COST_LINES cost lines and its own title (no data.json)
"""
import json
import os
import sys
from xml.sax.saxutils import escape, quoteattr

MUNICIPALITIES = [("2480", "Umeå"), ("2482", "Skellefteå"), ("2481", "Lycksele"), ("2462", "Vilhelmina")]
CATEGORIES = ["staff", "services", "premises", "travel", "materials"]
YEARS = [2010, 2011, 2012]
TEXT = ("Projektet stärker samverkan mellan lokala och regionala aktörer i länet och bygger på "
        "förprojekteringens resultat om behov av kompetens, stöd och samordning inför nya "
        "socialfondsprojekt med kvalitet i genomförandet och tydlig koppling till regionens behov.")


# ---------------------------------------------------------------- the content

def rich(paragraphs=1):
    """Rich text as the model has it: blocks of spans."""
    return [{"kind": "paragraph", "spans": [{"text": TEXT, "strong": False, "emphasis": False}]}
            for _ in range(paragraphs)]


def application(lines, number=None):
    activities = max(4, lines // 25)
    goals = max(3, activities // 4)
    findings = goals
    title = f"Syntetisk plan med {lines} kostnadsrader" + (f", nr {number}" if number is not None else "")

    costs = []
    for i in range(lines):
        amount_ore = 1000000 + (i * 7919) % 9000000  # 10 000 – 100 000 kr, with öre
        costs.append({"category": CATEGORIES[i % len(CATEGORIES)], "year": YEARS[i % len(YEARS)],
                      "activity": f"a{i % activities + 1}", "amount": amount_ore, "label": f"Kostnad {i+1}",
                      "tags": ["accessibility"] if i == 0 else []})
    total_ore = sum(c["amount"] for c in costs)
    esf = total_ore // 2

    return {
        "programme": "esf-2007-2013",
        "lang": "sv",
        "call": None,
        "project": {
            "title": title,
            "acronym": f"SYNT{lines}",
            "programme_area": "PO1",
            "phase": "implementation",
            "region": "SE33",
            "owner": {"name": "Regionförbundet Västerbottens län", "org_number": "222000-1412"},
            "contact": {"name": "Kim Exempel", "email": "kim.exempel@example.se", "phone": None},
            "period": {"start": "2010-01-01", "end": "2012-12-31"},
            "municipalities": [{"code": c, "name": n, "partner": False} for c, n in MUNICIPALITIES],
            "pre_study": {"title": "Syntetisk förstudie", "start": "2009-01-07", "end": "2009-07-07",
                          "findings": "findings.xml"},
        },
        "summary": rich(2),
        "summary_en": None,
        "background": rich(2),
        "problem": rich(2),
        "purpose": rich(2),
        "target_groups": [{"id": "tg1", "name": "Lokala aktörer", "description": rich(1), "women": "60", "men": "40"}],
        "goals": [{"id": f"g{g+1}", "kind": "effect" if g == goals - 1 else "project",
                   "statement": f"Mål {g+1}: fler aktörer deltar.",
                   "indicators": [{"text": "Deltagare", "unit": "persons", "baseline": "0", "target": "100",
                                   "women": "60", "men": "40", "due": "2012-06-30"}],
                   "basis": [f"f{g+1}"]} for g in range(goals)],
        "activities": [{"id": f"a{a+1}", "start": "2010-01-01", "end": "2012-12-31", "goals": [f"g{a % goals + 1}"],
                        "tags": ["accessibility"] if a == 0 else [], "title": f"Aktivitet {a+1}",
                        "description": rich(1)} for a in range(activities)],
        "organisation": rich(2),
        "partners": [],
        "gender_equality": rich(2),
        "accessibility": {"physical": rich(1), "information": rich(1), "participation": rich(1)},
        "non_discrimination": rich(1),
        "transnational": None,
        # What esfdraft's check reports for this plan, which the draft shows
        # (its verdict, and a marker for each section the check flags): the
        # plan is ready to submit, with one hint (S005: no English summary,
        # whose marker the draft shows); the one section it leaves out
        # (transnational) is not one the 2007–2013 pack asks for. The anchor
        # renders; it does not check, so it is told.
        "check": {"ready": True, "flagged": ["summary_en"]},
        "dissemination": rich(1),
        "evaluation": rich(1),
        "budget": {
            "currency": "SEK",
            "costs": costs,
            "income": [],
            "financing": [
                {"kind": "esf", "funder": None, "org_number": None, "amount": esf},
                {"kind": "public-cash", "funder": "Länsstyrelsen Västerbotten", "org_number": None,
                 "amount": total_ore - esf},
            ],
        },
        "findings": {
            "study": {"title": "Syntetisk förstudie", "start": "2009-01-07", "end": "2009-07-07", "method": rich(1)},
            "questions": [{"id": "q1", "text": "Vilka behov finns?"}],
            "actors": [{"id": "act1", "kind": "municipality", "municipality": "2480", "name": "Umeå kommun"}],
            "findings": [{"id": f"f{i+1}", "question": "q1", "theme": "needs", "priority": "high",
                          "statement": f"Resultat {i+1}: aktörerna efterfrågar stöd.",
                          "evidence": [{"kind": "survey", "respondents": 120, "share": "0.6", "actors": [],
                                        "text": "Enkät."}],
                          "recommendation": None, "out_of_scope": False} for i in range(findings)],
        },
    }


# ---------------------------------------------------------------- XML

def kronor(ore):
    return f"{ore // 100}.{ore % 100:02d}"


def rich_xml(blocks):
    return "".join("<p>" + escape("".join(s["text"] for s in b["spans"])) + "</p>" for b in blocks)


def findings_xml(app):
    st = app["findings"]
    f = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<findings xmlns="urn:esfdraft:findings:1" lang="sv">',
         f'  <study><title>{escape(st["study"]["title"])}</title>'
         f'<period start="{st["study"]["start"]}" end="{st["study"]["end"]}"/>'
         f'<method>{rich_xml(st["study"]["method"])}</method></study>',
         '  <questions>' + "".join(f'<question id="{q["id"]}">{escape(q["text"])}</question>' for q in st["questions"])
         + '</questions>',
         '  <actors>' + "".join(f'<actor id="{a["id"]}" kind="{a["kind"]}" municipality="{a["municipality"]}">'
                                f'{escape(a["name"])}</actor>' for a in st["actors"]) + '</actors>']
    for finding in st["findings"]:
        evidence = "".join(f'<evidence kind="{e["kind"]}" respondents="{e["respondents"]}" share="{e["share"]}">'
                           f'{escape(e["text"])}</evidence>' for e in finding["evidence"])
        f.append(f'  <finding id="{finding["id"]}" question="{finding["question"]}" theme="{finding["theme"]}" '
                 f'priority="{finding["priority"]}"><statement>{escape(finding["statement"])}</statement>'
                 f'{evidence}</finding>')
    f.append('</findings>')
    return "\n".join(f) + "\n"


def plan_xml(app):
    pr = app["project"]
    p = ['<?xml version="1.0" encoding="UTF-8"?>',
         f'<application xmlns="urn:esfdraft:plan:1" programme="{app["programme"]}" lang="{app["lang"]}">',
         '  <project>',
         f'    <title>{escape(pr["title"])}</title><acronym>{escape(pr["acronym"])}</acronym>',
         f'    <programmeArea>{pr["programme_area"]}</programmeArea><phase>{pr["phase"]}</phase>'
         f'<region>{pr["region"]}</region>',
         f'    <owner orgNumber="{pr["owner"]["org_number"]}">{escape(pr["owner"]["name"])}</owner>',
         f'    <contact><name>{escape(pr["contact"]["name"])}</name><email>{pr["contact"]["email"]}</email></contact>',
         f'    <period start="{pr["period"]["start"]}" end="{pr["period"]["end"]}"/>',
         '    <municipalities>' + "".join(f'<municipality code="{m["code"]}">{escape(m["name"])}</municipality>'
                                          for m in pr["municipalities"]) + '</municipalities>',
         f'    <preStudy title={quoteattr(pr["pre_study"]["title"])} start="{pr["pre_study"]["start"]}" '
         f'end="{pr["pre_study"]["end"]}" findings="{pr["pre_study"]["findings"]}"/>',
         '  </project>']
    for section in ["summary", "background", "problem", "purpose"]:
        p.append(f'  <{section}>{rich_xml(app[section])}</{section}>')
    p.append('  <targetGroups>' + "".join(
        f'<targetGroup id="{t["id"]}" women="{t["women"]}" men="{t["men"]}"><name>{escape(t["name"])}</name>'
        f'<description>{rich_xml(t["description"])}</description></targetGroup>' for t in app["target_groups"])
        + '</targetGroups>')
    p.append('  <goals>')
    for g in app["goals"]:
        indicators = "".join(f'<indicator unit="{i["unit"]}" baseline="{i["baseline"]}" target="{i["target"]}" '
                             f'women="{i["women"]}" men="{i["men"]}" due="{i["due"]}">{escape(i["text"])}</indicator>'
                             for i in g["indicators"])
        basis = "".join(f'<basis finding="{b}"/>' for b in g["basis"])
        p.append(f'    <goal id="{g["id"]}" kind="{g["kind"]}"><statement>{escape(g["statement"])}</statement>'
                 f'{indicators}{basis}</goal>')
    p.append('  </goals>')
    p.append('  <activities>')
    for a in app["activities"]:
        tags = f' tags="{" ".join(a["tags"])}"' if a["tags"] else ""
        p.append(f'    <activity id="{a["id"]}" start="{a["start"]}" end="{a["end"]}" goals="{" ".join(a["goals"])}"'
                 f'{tags}><title>{escape(a["title"])}</title><description>{rich_xml(a["description"])}</description>'
                 '</activity>')
    p.append('  </activities>')
    p.append(f'  <organisation>{rich_xml(app["organisation"])}</organisation>')
    p.append(f'  <genderEquality>{rich_xml(app["gender_equality"])}</genderEquality>')
    acc = app["accessibility"]
    p.append(f'  <accessibility><physical>{rich_xml(acc["physical"])}</physical>'
             f'<information>{rich_xml(acc["information"])}</information>'
             f'<participation>{rich_xml(acc["participation"])}</participation></accessibility>')
    p.append(f'  <nonDiscrimination>{rich_xml(app["non_discrimination"])}</nonDiscrimination>')
    p.append(f'  <dissemination>{rich_xml(app["dissemination"])}</dissemination>')
    p.append(f'  <evaluation>{rich_xml(app["evaluation"])}</evaluation>')
    b = app["budget"]
    p.append(f'  <budget currency="{b["currency"]}">')
    p.append('    <costs>')
    for c in b["costs"]:
        tags = f' tags="{" ".join(c["tags"])}"' if c["tags"] else ""
        p.append(f'      <cost category="{c["category"]}" year="{c["year"]}" activity="{c["activity"]}" '
                 f'amount="{kronor(c["amount"])}"{tags}>{escape(c["label"])}</cost>')
    p.append('    </costs>')
    p.append('    <financing>')
    for s in b["financing"]:
        funder = f' funder={quoteattr(s["funder"])}' if s["funder"] else ""
        p.append(f'      <source kind="{s["kind"]}"{funder} amount="{kronor(s["amount"])}"/>')
    p.append('    </financing>')
    p.append('  </budget>')
    p.append('</application>')
    return "\n".join(p) + "\n"


def write(path, text):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def write_plan(app, out, with_json):
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "plan.xml"), plan_xml(app))
    write(os.path.join(out, "findings.xml"), findings_xml(app))
    if with_json:
        write(os.path.join(out, "data.json"), json.dumps(app, ensure_ascii=False, separators=(",", ":")) + "\n")


def main():
    args = sys.argv[1:]
    if len(args) == 4 and args[0] == "--many":
        count, lines, out = int(args[1]), int(args[2]), args[3]
        for n in range(1, count + 1):
            write_plan(application(lines, n), os.path.join(out, f"p{n:04d}"), with_json=False)
        return
    if len(args) != 2:
        sys.exit(__doc__)
    write_plan(application(int(args[0])), args[1], with_json=True)


if __name__ == "__main__":
    main()
