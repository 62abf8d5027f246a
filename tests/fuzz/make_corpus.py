#!/usr/bin/env python3
"""Writes the seed corpora in tests/fuzz/corpus/<target>/ from the samples,
the test fixtures and the default templates, plus a few hand-made inputs for
what those do not show (CDATA, references, prefixes, CRLF; every kind of tag;
odd zip archives; requests as the service's tests and the browser send
them). Run it again after a sample or template changes; it
replaces the seeds it writes (seed-*) and leaves any other file alone.

    python3 tests/fuzz/make_corpus.py
"""
import io
import pathlib
import re
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (folder / ("seed-" + name)).write_bytes(data)


def clear(target):
    folder = CORPUS / target
    if folder.exists():
        for path in folder.glob("seed-*"):
            path.unlink()


def template_parts(lang):
    folder = ROOT / "templates" / f"application-{lang}"
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def zipped(parts, method=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name in ["[Content_Types].xml", "_rels/.rels"] + sorted(n for n in parts if n not in ("[Content_Types].xml", "_rels/.rels")):
            if name in parts:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = method
                archive.writestr(info, parts[name])
    return out.getvalue()


def load_plan():
    clear("fuzz_load_plan")
    sources = sorted((ROOT / "samples").rglob("*.xml")) + sorted(ROOT.glob("tests/*/fixtures/*.xml"))
    for path in sources:
        write("fuzz_load_plan", str(path.relative_to(ROOT)).replace("/", "_"), path.read_bytes())
    minimal = (ROOT / "tests/load/fixtures/minimal-plan.xml").read_text("utf-8")
    write("fuzz_load_plan", "crlf.xml", minimal.replace("\n", "\r\n"))
    write("fuzz_load_plan", "markup.xml", minimal.replace(
        "<p>Bakgrund.</p>",
        "<p>F&#246;re <![CDATA[<r\u00e5> & ]]> efter<!-- c --><?pi x?> <em>&amp; <strong>&#x41;&lt;&gt;&quot;&apos;</strong></em></p>"
        "<ul><li>ett</li><li>tv\u00e5</li></ul><ol><li>1</li></ol>"))
    prefixed = re.sub(r"<(/?)(?=[A-Za-z])", r"<\1p:", minimal).replace(
        'xmlns="urn:esfdraft:plan:1"', "xmlns:p='urn:esfdraft:plan:1' xmlns:x='urn:other'")
    write("fuzz_load_plan", "prefixed.xml", prefixed)
    write("fuzz_load_plan", "tiny.xml", "<?xml version='1.0'?>\n<application xmlns='urn:esfdraft:plan:1'/>")
    write("fuzz_load_plan", "findings-tiny.xml", "<findings xmlns='urn:esfdraft:findings:1' lang='sv'/>")


# Tags as templates write them, for fuzz_tags and for the hand-made documents.
TAGS = [
    "project.title", "project.owner.name", "#goals", "/goals", "^goals", "#row indicators", "/indicators",
    "#column years", "/years", "#paragraph x", "#inline x", "@background", "%logo", ". ", "@index", "^@last",
    "/@last", "! a comment ", "amount | sek", "budget.esf_amount | sek", "share | percent", "target | number",
    "project.period.start | date", "project.acronym | upper", "name | lower", "project.contact.phone | default(\"\u2013\")",
    "project.municipality_names | join(\", \")", "x | default('a|b') | upper", "amount | fancy", "\u201cquoted\u201d",
    "a\u00a0.b", "#row  goals ", "x | date(\"long\")",
]


def tags():
    clear("fuzz_tags")
    seen = set()
    for lang in ("sv", "en"):
        for name, data in template_parts(lang).items():
            if name.endswith(".xml"):
                for tag in re.findall(r"\{\{(.*?)\}\}", data.decode("utf-8")):
                    seen.add(tag)
    values = ["1638000.50", "2009-10-01", "0.6135", "-5", "text", "", "2009-10", "99999999999999999999"]
    for i, tag in enumerate(sorted(seen) + TAGS):
        write("fuzz_tags", f"{i:03}", tag.encode("utf-8") + b"\0" + values[i % len(values)].encode("utf-8"))


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph(text):
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def document(body):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>'


def template():
    clear("fuzz_template")
    for lang in ("sv", "en"):
        parts = template_parts(lang)
        write("fuzz_template", f"application-{lang}.docx", zipped(parts))
        write("fuzz_template", f"document-{lang}.xml", parts["word/document.xml"])
    sv = template_parts("sv")
    write("fuzz_template", "application-sv-stored.docx", zipped(sv, zipfile.ZIP_STORED))
    # Parts after the document: "#part NAME" lines (see fuzz_template.cpp).
    more = b"".join(b"\n#part " + name.encode() + b"\n" + sv[name] for name in ("word/numbering.xml", "word/styles.xml", "word/header1.xml"))
    write("fuzz_template", "parts-sv.xml", sv["word/document.xml"] + more)
    # Small documents, one feature each, so mutations stay near it.
    split_run = ('<w:p><w:r><w:t>{{proj</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ect.title}}</w:t></w:r>'
                 '<w:r><w:t>{</w:t></w:r><w:r><w:t>{#goals}}{{statement}}{{/goals}}</w:t></w:r></w:p>')
    table = ('<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="3000"/></w:tblGrid>'
             '<w:tr><w:tc><w:p><w:r><w:t>{{#row goals}}{{id}}</w:t></w:r></w:p></w:tc>'
             '<w:tc><w:p><w:r><w:t>{{statement}}{{/goals}}</w:t></w:r></w:p></w:tc></w:tr>'
             '<w:tr><w:tc><w:p><w:r><w:t>{{#column budget.years}}{{year}}{{/budget.years}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    small = {
        "values.xml": paragraph("{{project.title}} {{project.acronym | upper}} {{budget.esf_amount | sek}} {{project.period.start | date}}"),
        "split-runs.xml": split_run,
        "sections.xml": paragraph("{{#goals}}") + paragraph("{{statement}} {{^indicators}}none{{/indicators}}") + paragraph("{{/goals}}"),
        "inline.xml": paragraph("{{#inline project.municipalities}}{{name}}{{^@last}}, {{/@last}}{{/project.municipalities}}"),
        "table.xml": table,
        "block.xml": paragraph("{{@background}}") + paragraph("{{@purpose}}"),
        "image.xml": paragraph("{{%logo}}"),
        "comment.xml": paragraph("{{! note }}{{project.owner.name}}"),
        "broken-tags.xml": paragraph("{{#goals}}{{/costs}} {{amount | fancy}} {{}} {{a b}} {{#row}}"),
        "deep.xml": paragraph("{{#goals}}" * 8 + "x" + "{{/goals}}" * 8),
    }
    for name, body in small.items():
        write("fuzz_template", name, document(body))


def zip_seeds():
    clear("fuzz_zip")
    sv = template_parts("sv")
    write("fuzz_zip", "application-sv.docx", zipped(sv))
    write("fuzz_zip", "application-sv-stored.docx", zipped(sv, zipfile.ZIP_STORED))
    write("fuzz_zip", "one-stored.zip", zipped({"a.txt": b"hello"}, zipfile.ZIP_STORED))
    write("fuzz_zip", "one-deflated.zip", zipped({"a.txt": b"hello hello hello hello"}))
    write("fuzz_zip", "empty.zip", zipped({}))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("folder/", date_time=(1980, 1, 1, 0, 0, 0)), b"")
        archive.writestr(zipfile.ZipInfo("folder/b.xml", date_time=(1980, 1, 1, 0, 0, 0)), b"<b/>")
        archive.comment = b"a comment"
    write("fuzz_zip", "folder-and-comment.zip", out.getvalue())
    write("fuzz_zip", "zeros-4k.zip", zipped({"z": b"\0" * 4096}))


def render():
    clear("fuzz_render")
    # The first byte picks the data (bit 0: specimen) and language (bit 1:
    # en); then edits: two bytes of values to pass over, one byte for the
    # replacement (0-7) and its own bytes (see fuzz_render.cpp).
    write("fuzz_render", "sample-sv", b"\0")
    write("fuzz_render", "specimen-en", b"\3")
    params = bytes([40]) + bytes(range(0, 256, 7))
    for op in range(8):
        for first in (0, 1):
            for skip in (1, 7, 30, 120, 400, 900):
                write("fuzz_render", f"op{op}-at{skip}-{first}", bytes([first, skip >> 8, skip & 255, op]) + params)
    # Several edits in one input.
    edits = b"".join(bytes([0, step, op]) + bytes([12, 0xE5, 0x01, 0x7F, 0x1B, 0xC3]) for step, op in ((3, 0), (10, 1), (25, 4), (40, 6), (60, 7)))
    write("fuzz_render", "many-edits-0", b"\0" + edits)
    write("fuzz_render", "many-edits-2", b"\2" + edits)


BOUNDARY = "esfdraftTestBoundary7MA4YWxkTrZu0gW"


def http_request(method, target, headers, body=b""):
    head = f"{method} {target} HTTP/1.1\r\nHost: localhost:8080\r\n"
    for name, value in headers:
        head += f"{name}: {value}\r\n"
    if body or method == "POST":
        head += f"Content-Length: {len(body)}\r\n"
    return head.encode("utf-8") + b"\r\n" + body


def multipart(parts, boundary=BOUNDARY, close=True):
    body = b""
    for name, filename, content_type, data in parts:
        body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"".encode()
        if filename is not None:
            body += f"; filename=\"{filename}\"".encode()
        body += b"\r\n"
        if content_type:
            body += f"Content-Type: {content_type}\r\n".encode()
        body += b"\r\n" + data + b"\r\n"
    if close:
        body += f"--{boundary}--\r\n".encode()
    return body


def request():
    """Requests like those tests/http and tests/browser send: multipart
    uploads (API and pages, with the CSRF field), urlencoded forms, JSON
    bodies of the API, queries, cookies and Accept-Language."""
    clear("fuzz_request")
    plan = (ROOT / "tests" / "load" / "fixtures").glob("*.xml")
    small_plan = min(plan, key=lambda path: path.stat().st_size).read_bytes()[:1500]
    form = f"multipart/form-data; boundary={BOUNDARY}"
    cookie = "esfdraft_session=Zm9vYmFyYmF6cXV4; esfdraft_lang=en"
    write("fuzz_request", "check-plan.http", http_request("POST", "/api/check", [
        ("Authorization", "Bearer 0123456789abcdef0123456789abcdef"), ("Content-Type", form)],
        multipart([("plan", "plan.xml", "application/xml", small_plan)])))
    write("fuzz_request", "new-application-page.http", http_request("POST", "/applications", [
        ("Cookie", cookie), ("Content-Type", form), ("Accept-Language", "en-GB,en;q=0.9,sv;q=0.8")],
        multipart([("csrf", None, None, b"c5rf70k3n"), ("plan", "ansokan.xml", "text/xml", small_plan),
                   ("findings", "", "application/octet-stream", b"")])))
    write("fuzz_request", "version-with-findings.http", http_request("POST", "/api/applications/17/versions", [
        ("Authorization", "Bearer t"), ("Content-Type", form)],
        multipart([("plan", "p.xml", "application/xml", b"<application/>"),
                   ("findings", "f.xml", "application/xml", b"<findings lang='sv'/>"), ("budget", "b.xml", None, b"x")])))
    write("fuzz_request", "multipart-truncated.http", http_request("POST", "/api/check", [("Content-Type", form)],
          multipart([("plan", "plan.xml", "application/xml", b"<a/>")], close=False)))
    write("fuzz_request", "multipart-twice.http", http_request("POST", "/api/check", [("Content-Type", form)],
          multipart([("plan", "a.xml", None, b"1"), ("plan", "b.xml", None, b"2")])))
    write("fuzz_request", "login-json.http", http_request("POST", "/api/login", [("Content-Type", "application/json; charset=utf-8")],
          b'{"email": "owner@example.org", "password": "hemligt l\u00f6senord"}'))
    write("fuzz_request", "transition-json.http", http_request("POST", "/api/applications/3/transitions", [
        ("Authorization", "Bearer t"), ("Content-Type", "application/json")], b'{"to": "submitted", "comment": null}'))
    write("fuzz_request", "comment-json.http", http_request("POST", "/api/applications/3/comments", [
        ("Content-Type", "application/json")],
        b'{"text": "Se \u00f6ver budgeten", "section": "budget", "rule": "B005", "path": "/application/budget[1]", "n": [1, 2.5e3, true, {}]}'))
    write("fuzz_request", "login-form.http", http_request("POST", "/login?next=%2Fapplications", [
        ("Content-Type", "application/x-www-form-urlencoded")], b"email=owner%40example.org&password=a+b%26c&csrf="))
    write("fuzz_request", "transition-form.http", http_request("POST", "/applications/12/transitions", [
        ("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded"), ("X-CSRF-Token", "c5rf")],
        b"to=returned&comment=Komplettera+%C3%A4ndringen"))
    write("fuzz_request", "listing-query.http", http_request("GET", "/api/applications?status=submitted&programme=esf-plus-2021-2027&verdict=ready&call=2024%2F01", [
        ("Authorization", "Bearer t")]))
    write("fuzz_request", "report-query.http", http_request("GET", "/api/applications/5/versions/latest/report?format=html&lang=en", [
        ("Accept-Language", "sv-SE;q=0.4, en;q=0.8")]))
    write("fuzz_request", "diff-page.http", http_request("GET", "/applications/9/diff?from=1&to=2", [("Cookie", cookie)]))
    write("fuzz_request", "encoded-id.http", http_request("HEAD", "/api/applications/..%2F..%2Fetc/versions/%31/plan.xml", []))
    write("fuzz_request", "wrong-method.http", http_request("DELETE", "/api/me", [("Content-Length", "0")]))
    write("fuzz_request", "chunked.http", b"POST /api/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
          b"Content-Type: application/json\r\n\r\n" b'{"email":"a","password":"b"}')


def dictionary(target, comment, tokens):
    lines = [f"# {target}: {comment}", "# Written by make_corpus.py; edit there."]
    seen = set()
    for token in tokens:
        if token in seen:
            continue
        seen.add(token)
        escaped = "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else "".join(f"\\x{b:02X}" for b in c.encode()) for c in token)
        lines.append(f'"{escaped}"')
    (ROOT / "tests" / "fuzz" / f"{target}.dict").write_text("\n".join(lines) + "\n")


XML_TOKENS = ["<?xml", "version=\"1.0\"", "encoding=\"UTF-8\"", "standalone=\"yes\"", "?>", "<!--", "-->", "<!-->", "<![CDATA[", "]]>",
              "<!DOCTYPE", "<!ENTITY", "<?", "</", "/>", "=\"", "='", "xmlns", "xmlns:", "xml:space=\"preserve\"", "xml:lang",
              "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#", "&#x", "&#x10FFFF;", "&#0;", ";", "\r\n", "\r", "\t",
              "\xEF\xBB\xBF", "\xC2\xA0", "\xE2\x80\x9C"]


def dictionaries():
    names = set()
    values = set()
    for xsd in ("plan-1.xsd", "findings-1.xsd"):
        text = (ROOT / "schemas" / xsd).read_text("utf-8")
        names.update(n for n in re.findall(r'name="([a-z][A-Za-z]*)"', text))
        values.update(v for v in re.findall(r'value="([a-z][a-z-]*|SE[0-9]+)"', text))
    plan_tokens = XML_TOKENS + ["urn:esfdraft:plan:1", "urn:esfdraft:findings:1", "http://www.w3.org/2001/XMLSchema-instance",
                                "xsi:", "esf-2007-2013", "esf-plus-2021-2027", "2009-10-01", "1638000.50", "212000-2478"]
    for name in sorted(names):
        plan_tokens += [f"<{name}", f"</{name}>", f" {name}=\""]
    plan_tokens += sorted(values)
    dictionary("fuzz_load_plan", "XML, the plan and findings formats (schemas/*.xsd)", plan_tokens)

    ooxml = ["<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "<w:t xml:space=\"preserve\">", "</w:t>", "<w:tbl>", "</w:tbl>",
             "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:tblGrid>", "<w:gridCol w:w=\"", "<w:tcW w:w=\"", "<w:pPr>", "<w:rPr>",
             "<w:pStyle w:val=\"", "<w:numPr>", "<w:numId w:val=\"", "<w:ilvl w:val=\"", "<w:b/>", "<w:i/>", "<w:br/>", "<w:tab/>",
             "<w:bookmarkStart w:id=\"", "<w:bookmarkEnd w:id=\"", "<w:sectPr/>", "<w:body>", "<w:document", "<w:hdr", "<w:ftr",
             "<w:drawing>", "<wp:docPr", "descr=\"", "<a:blip r:embed=\"", "<w:fldSimple", "<w:instrText>", "<w:sdt>",
             "<w:num w:numId=\"", "<w:abstractNum w:abstractNumId=\"", "<w:abstractNumId w:val=\"", "<w:lvlOverride",
             "<w:startOverride w:val=\"", "<w:style w:styleId=\"", "ListBullet", "ListNumber", "<w:name w:val=\"",
             "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"",
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"",
             "<Relationship Id=\"", "Target=\"", "Type=\"", "<Override PartName=\"", "<Default Extension=\"", "ContentType=\"",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
             "\n#part ", "\n#part word/styles.xml\n", "\n#part word/numbering.xml\n", "\n#part [Content_Types].xml\n",
             "\n#part word/_rels/document.xml.rels\n", "\n#part word/header1.xml\n", "word/document.xml"]
    tag_tokens = ["{{", "}}", "{{#", "{{/", "{{^", "{{@", "{{%", "{{!", "{{.}}", "#row ", "#column ", "#paragraph ", "#inline ",
                  "@index", "@first", "@last", " | ", "|", "(\"", "\")", "('", "')", "sek", "number", "percent", "date", "upper",
                  "lower", "default", "join", "yesno", ".", "project.title", "goals", "indicators", "budget.years",
                  "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xA0", "\x00"]
    dictionary("fuzz_tags", "the tag syntax (docs/templates.md) and filters", tag_tokens)
    dictionary("fuzz_template", "XML, WordprocessingML and tags", XML_TOKENS + ooxml + tag_tokens)
    dictionary("fuzz_request", "HTTP heads, multipart and urlencoded bodies, JSON, the service's paths",
               ["GET ", "POST ", "HEAD ", "PUT ", "DELETE ", " HTTP/1.1\r\n", " HTTP/1.0\r\n", "\r\n", "\r\n\r\n",
                "Host: ", "Content-Length: ", "Content-Type: ", "Transfer-Encoding: chunked", "Cookie: ", "Authorization: Bearer ",
                "Accept-Language: ", "X-CSRF-Token: ", "multipart/form-data; boundary=", "application/x-www-form-urlencoded",
                "application/json", "; charset=utf-8", "Content-Disposition: form-data; name=\"", "\"; filename=\"",
                "--" + BOUNDARY, "--" + BOUNDARY + "--", "boundary=", "name=", "filename=", "filename*=UTF-8''",
                "esfdraft_session=", "esfdraft_lang=", "; ", "q=0.5", "sv", "en", "=", "&", "%", "%2F", "%00", "+", "?", "#",
                "/api/", "/api/applications/", "/versions/", "/latest/", "/report", "/plan.xml", "/transitions", "/comments",
                "/diff", "/api/check", "/api/login", "/healthz", "/applications/", "..", "//",
                "{", "}", "[", "]", "\"", "\":", ",", "null", "true", "false", "1e999", "-0", "\\u0000", "\\ud800",
                "\"email\"", "\"password\"", "\"to\"", "\"comment\"", "\"text\"", "\"section\"", "\"rule\"", "\"path\"",
                "csrf", "plan", "findings", "budget"])
    dictionary("fuzz_zip", "zip record signatures and OOXML part names",
               ["PK\x03\x04", "PK\x01\x02", "PK\x05\x06", "PK\x06\x06", "PK\x06\x07", "PK\x07\x08", "\x08\x00", "\x00\x00",
                "\xFF\xFF\xFF\xFF", "\x14\x00", "\x2D\x00", "\x01\x00", "[Content_Types].xml", "_rels/.rels",
                "word/document.xml", "../", "/", "\\", "A/", "a/../b"])


if __name__ == "__main__":
    dictionaries()
    load_plan()
    tags()
    template()
    zip_seeds()
    render()
    request()
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    print(f"corpus: {sum(1 for p in CORPUS.rglob('*') if p.is_file())} files, {total // 1024} KiB")
