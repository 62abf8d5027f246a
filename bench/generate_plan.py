#!/usr/bin/env python3
"""Writes a synthetic but valid esfdraft plan (and findings file) with N cost lines.

Goals, activities and findings grow with the cost lines (one activity per 25
cost lines, one goal per 4 activities, one finding per goal), so every part of
the pipeline is exercised at scale. The budget balances and the ESF share is
50 %, so the plan checks without budget errors.

Usage: generate_plan.py COST_LINES OUT_DIR
Writes OUT_DIR/plan.xml and OUT_DIR/findings.xml.
"""
import os
import sys

MUNICIPALITIES = [("2480", "Umeå"), ("2482", "Skellefteå"), ("2481", "Lycksele"), ("2462", "Vilhelmina")]
CATEGORIES = ["staff", "services", "premises", "travel", "materials"]
YEARS = [2010, 2011, 2012]
TEXT = ("Projektet stärker samverkan mellan lokala och regionala aktörer i länet och bygger på "
        "förprojekteringens resultat om behov av kompetens, stöd och samordning inför nya "
        "socialfondsprojekt med kvalitet i genomförandet och tydlig koppling till regionens behov.")


def para(text=TEXT):
    return f"<p>{text}</p>"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    lines = int(sys.argv[1])
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    activities = max(4, lines // 25)
    goals = max(3, activities // 4)
    findings = goals

    f = []
    f.append('<?xml version="1.0" encoding="UTF-8"?>')
    f.append('<findings xmlns="urn:esfdraft:findings:1" lang="sv">')
    f.append('  <study><title>Syntetisk förstudie</title><period start="2009-01-07" end="2009-07-07"/>'
             f'<method>{para()}</method></study>')
    f.append('  <questions><question id="q1">Vilka behov finns?</question></questions>')
    f.append('  <actors><actor id="act1" kind="municipality" municipality="2480">Umeå kommun</actor></actors>')
    for i in range(findings):
        f.append(f'  <finding id="f{i+1}" question="q1" theme="needs" priority="high">'
                 f'<statement>Resultat {i+1}: aktörerna efterfrågar stöd.</statement>'
                 f'<evidence kind="survey" respondents="120" share="0.6">Enkät.</evidence></finding>')
    f.append('</findings>')

    p = []
    p.append('<?xml version="1.0" encoding="UTF-8"?>')
    p.append('<application xmlns="urn:esfdraft:plan:1" programme="esf-2007-2013" lang="sv">')
    p.append('  <project>')
    p.append(f'    <title>Syntetisk plan med {lines} kostnadsrader</title><acronym>SYNT{lines}</acronym>')
    p.append('    <programmeArea>PO1</programmeArea><phase>implementation</phase><region>SE33</region>')
    p.append('    <owner orgNumber="222000-1412">Regionförbundet Västerbottens län</owner>')
    p.append('    <contact><name>Kim Exempel</name><email>kim.exempel@example.se</email></contact>')
    p.append('    <period start="2010-01-01" end="2012-12-31"/>')
    p.append('    <municipalities>' + "".join(f'<municipality code="{c}">{n}</municipality>' for c, n in MUNICIPALITIES) +
             '</municipalities>')
    p.append('    <preStudy title="Syntetisk förstudie" start="2009-01-07" end="2009-07-07" findings="findings.xml"/>')
    p.append('  </project>')
    for section in ["summary", "background", "problem", "purpose"]:
        p.append(f'  <{section}>{para()}{para()}</{section}>')
    p.append('  <targetGroups><targetGroup id="tg1" women="60" men="40"><name>Lokala aktörer</name>'
             f'<description>{para()}</description></targetGroup></targetGroups>')
    p.append('  <goals>')
    for g in range(goals):
        kind = "effect" if g == goals - 1 else "project"
        p.append(f'    <goal id="g{g+1}" kind="{kind}"><statement>Mål {g+1}: fler aktörer deltar.</statement>'
                 f'<indicator unit="persons" baseline="0" target="100" women="60" men="40" due="2012-06-30">Deltagare</indicator>'
                 f'<basis finding="f{g+1}"/></goal>')
    p.append('  </goals>')
    p.append('  <activities>')
    for a in range(activities):
        tags = ' tags="accessibility"' if a == 0 else ""
        p.append(f'    <activity id="a{a+1}" start="2010-01-01" end="2012-12-31" goals="g{a % goals + 1}"{tags}>'
                 f'<title>Aktivitet {a+1}</title><description>{para()}</description></activity>')
    p.append('  </activities>')
    p.append(f'  <organisation>{para()}{para()}</organisation>')
    p.append(f'  <genderEquality>{para()}{para()}</genderEquality>')
    p.append(f'  <accessibility><physical>{para()}</physical><information>{para()}</information>'
             f'<participation>{para()}</participation></accessibility>')
    p.append(f'  <nonDiscrimination>{para()}</nonDiscrimination>')
    p.append(f'  <dissemination>{para()}</dissemination>')
    p.append(f'  <evaluation>{para()}</evaluation>')
    p.append('  <budget currency="SEK">')
    p.append('    <costs>')
    total_ore = 0
    for i in range(lines):
        amount_ore = 1000000 + (i * 7919) % 9000000  # 10 000 – 100 000 kr, with öre
        total_ore += amount_ore
        tags = ' tags="accessibility"' if i == 0 else ""
        p.append(f'      <cost category="{CATEGORIES[i % len(CATEGORIES)]}" year="{YEARS[i % len(YEARS)]}" '
                 f'activity="a{i % activities + 1}" amount="{amount_ore // 100}.{amount_ore % 100:02d}"{tags}>'
                 f'Kostnad {i+1}</cost>')
    p.append('    </costs>')
    esf = total_ore // 2
    rest = total_ore - esf
    p.append('    <financing>')
    p.append(f'      <source kind="esf" amount="{esf // 100}.{esf % 100:02d}"/>')
    p.append(f'      <source kind="public-cash" funder="Länsstyrelsen Västerbotten" amount="{rest // 100}.{rest % 100:02d}"/>')
    p.append('    </financing>')
    p.append('  </budget>')
    p.append('</application>')

    with open(os.path.join(out, "plan.xml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(p) + "\n")
    with open(os.path.join(out, "findings.xml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(f) + "\n")


if __name__ == "__main__":
    main()
