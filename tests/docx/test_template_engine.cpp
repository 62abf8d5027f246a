// The template engine on small hand-written templates: tags, loops, split
// runs, escaping, filters, rich text, images and error reporting.
#include <boost/test/unit_test.hpp>

#include "docx/engine/image_formats.hpp"
#include "docx/engine/template_engine.hpp"
#include "docx/engine/zip_package.hpp"
#include "docx_test_support.hpp"

using namespace esfdraft::docx;
using namespace esfdraft::docx::testing;

namespace {

std::string document_of(const std::string& docx) { return part_of(docx, "word/document.xml"); }

std::string render_body(const std::string& body, const std::string& json, const std::string& lang = "sv") {
    return document_of(render_json(make_docx(body), json, lang));
}

std::vector<TemplateProblem> problems_of(const std::string& docx, const std::string& json) {
    try {
        render_json(docx, json);
    } catch (const TemplateError& error) {
        return error.problems();
    }
    BOOST_FAIL("rendering did not throw TemplateError");
    return {};
}

bool any_problem(const std::vector<TemplateProblem>& problems, const std::string& part) {
    for (const auto& p : problems)
        if (p.text().find(part) != std::string::npos) return true;
    return false;
}

const std::string nbsp = "\xC2\xA0";

}  // namespace

BOOST_AUTO_TEST_SUITE(values)

BOOST_AUTO_TEST_CASE(a_value_tag_is_replaced_by_its_text) {
    BOOST_TEST(visible_text(render_body(paragraph("Projekt: {{project.title}}."),
                                        R"({"project":{"title":"FRAMSYN"}})")) == "Projekt: FRAMSYN.");
}

BOOST_AUTO_TEST_CASE(a_tag_split_over_runs_with_proofing_marks_bookmarks_and_revision_ids_still_works) {
    const std::string body =
        "<w:p w:rsidR=\"00A1\" w:rsidRDefault=\"00B2\"><w:r w:rsidR=\"00C3\"><w:t xml:space=\"preserve\">Ägare: "
        "{</w:t></w:r>"
        "<w:proofErr w:type=\"spellStart\"/><w:bookmarkStart w:id=\"0\" w:name=\"x\"/>"
        "<w:r w:rsidR=\"00D4\"><w:rPr><w:b/></w:rPr><w:t>{own</w:t></w:r><w:bookmarkEnd w:id=\"0\"/>"
        "<w:ins w:id=\"1\" w:author=\"A\" w:date=\"2009-01-01T00:00:00Z\"><w:r><w:t>er.na</w:t></w:r></w:ins>"
        "<w:proofErr w:type=\"spellEnd\"/><w:r><w:t>me}</w:t></w:r><w:r><w:t>} och mer</w:t></w:r></w:p>";
    const std::string document = render_body(body, R"({"owner":{"name":"Regionförbundet"}})");
    BOOST_TEST(visible_text(document) == "Ägare: Regionförbundet och mer");
    // The tag took the formatting of the run it started in; the bookmark survived.
    BOOST_TEST(count_of(document, "w:bookmarkStart") == 1);
    BOOST_TEST(count_of(document, "{") == 0);
}

BOOST_AUTO_TEST_CASE(smart_quotes_and_no_break_spaces_inside_tags_are_read_as_typed) {
    const std::string body = paragraph("{{" + nbsp + "phone | default(\xE2\x80\x9Cingen uppgift\xE2\x80\x9D) }}");
    BOOST_TEST(visible_text(render_body(body, R"({"phone":null})")) == "ingen uppgift");
}

BOOST_AUTO_TEST_CASE(values_are_escaped_and_can_never_inject_markup) {
    const std::string hostile = R"(</w:t></w:r><w:r><w:t>injected & <b>"quoted"</b> ')";
    const std::string json =
        R"({"x":")" + std::string(R"(</w:t></w:r><w:r><w:t>injected & <b>\"quoted\"</b> ')") + R"("})";
    const std::string document = render_body(paragraph("{{x}}"), json);
    BOOST_TEST(visible_text(document) == hostile);
    BOOST_TEST(count_of(document, "<w:r>") == 1);
    BOOST_TEST(document.find("&lt;/w:t&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(control_characters_are_removed_and_line_breaks_become_breaks) {
    TemplateValue data = TemplateValue::map();
    data.set("x", text_value("a\x01"
                             "b\x0c"
                             "c\x7f"
                             "d\r\nrad två\tflik\xC2\x85"
                             "e"));
    const DocumentTemplate document = DocumentTemplate::load(make_docx(paragraph("{{x}}")), "t.docx");
    const std::string xml = document_of(document.render(data));
    BOOST_TEST(paragraph_texts(xml).front() == "abcd\nrad två\tflike");
    BOOST_TEST(count_of(xml, "<w:br/>") == 1);
    BOOST_TEST(count_of(xml, "<w:tab/>") == 1);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_a_replacement_character) {
    TemplateValue data = TemplateValue::map();
    data.set("x", text_value("a\xff"
                             "b"));
    const std::string xml = document_of(DocumentTemplate::load(make_docx(paragraph("{{x}}")), "t.docx").render(data));
    BOOST_TEST(paragraph_texts(xml).front() ==
               "a\xEF\xBF\xBD"
               "b");
}

BOOST_AUTO_TEST_CASE(filters_format_money_dates_percentages_and_case) {
    const std::string body =
        paragraph("{{a | sek}}|{{b | sek}}|{{d | date}}|{{m | date}}|{{s | percent}}|{{t | upper}}|{{n | number}}");
    const std::string json =
        R"({"a":"1638000","b":"1250000.5","d":"2009-10-01","m":"2011-09","s":"0.6135","t":"åsele kommun","n":"12345.5"})";
    BOOST_TEST(visible_text(render_body(body, json)) ==
               "1" + nbsp + "638" + nbsp + "000" + nbsp + "kr|1" + nbsp + "250" + nbsp + "000,50" + nbsp +
                   "kr|1 oktober 2009|september 2011|61,4" + nbsp + "%|ÅSELE KOMMUN|12" + nbsp + "345,5");
    BOOST_TEST(visible_text(render_body(body, json, "en")) ==
               "SEK 1,638,000|SEK 1,250,000.50|1 October 2009|September 2011|61.4%|ÅSELE KOMMUN|12,345.5");
}

BOOST_AUTO_TEST_CASE(join_and_default) {
    BOOST_TEST(visible_text(
                   render_body(paragraph("{{names | join}}; {{names | join(\" och \")}}; {{empty | default(\"–\")}}"),
                               R"({"names":["Umeå","Vindeln"],"empty":""})")) == "Umeå, Vindeln; Umeå och Vindeln; –");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sections)

BOOST_AUTO_TEST_CASE(an_inline_loop_repeats_text_inside_the_paragraph) {
    BOOST_TEST(visible_text(render_body(paragraph("Kommuner: {{#m}}{{name}} ({{code}}){{^@last}}, {{/@last}}{{/m}}."),
                                        R"({"m":[{"name":"Umeå","code":"2480"},{"name":"Vindeln","code":"2404"}]})")) ==
               "Kommuner: Umeå (2480), Vindeln (2404).");
}

BOOST_AUTO_TEST_CASE(a_paragraph_loop_repeats_the_paragraphs_between_its_tags_and_leaves_no_empty_paragraph) {
    const std::string body = paragraph("Före") + paragraph("{{#goals}}") + paragraph("Mål {{@index}}: {{text}}") +
                             paragraph("Indikator: {{indicator}}") + paragraph("{{/goals}}") + paragraph("Efter");
    const auto texts =
        paragraph_texts(render_body(body, R"({"goals":[{"text":"A","indicator":"1"},{"text":"B","indicator":"2"}]})"));
    const std::vector<std::string> expected{"Före", "Mål 1: A", "Indikator: 1", "Mål 2: B", "Indikator: 2", "Efter"};
    BOOST_TEST(texts == expected, boost::test_tools::per_element());
    const auto none = paragraph_texts(render_body(body, R"({"goals":[]})"));
    BOOST_TEST(none == (std::vector<std::string>{"Före", "Efter"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_loop_whose_tags_sit_in_one_table_row_repeats_the_row) {
    const std::string body =
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4000\"/><w:gridCol "
        "w:w=\"4000\"/></w:tblGrid>"
        "<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Kostnad</w:t></w:r></w:p></"
        "w:tc><w:tc><w:p><w:r><w:t>Belopp</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>{{#costs}}{{label}}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{{amount | "
        "sek}}{{/costs}}</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl><w:p/>";
    const std::string document =
        render_body(body, R"({"costs":[{"label":"Lön","amount":"135000"},{"label":"Resor","amount":"42000"}]})");
    BOOST_TEST(count_of(document, "<w:tr>") == 3);
    BOOST_TEST(visible_text(document) ==
               "Kostnad|Belopp|Lön|135" + nbsp + "000" + nbsp + "kr|Resor|42" + nbsp + "000" + nbsp + "kr|");
    BOOST_TEST(count_of(render_body(body, R"({"costs":[]})"), "<w:tr>") == 1);
}

BOOST_AUTO_TEST_CASE(a_loop_over_two_rows_with_a_row_loop_inside_repeats_both) {
    const std::string row = "<w:tr><w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc></w:tr>";
    auto make_row = [&](const std::string& text) {
        std::string r = row;
        r.replace(r.find("%s"), 2, text);
        return r;
    };
    const std::string body = "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"4000\"/></w:tblGrid>" +
                             make_row("{{#goals}}Mål {{id}}") +
                             make_row("{{#row indicators}}{{text}}{{/indicators}}{{/goals}}") + "</w:tbl><w:p/>";
    const std::string document = render_body(
        body,
        R"({"goals":[{"id":"M1","indicators":[{"text":"a"},{"text":"b"}]},{"id":"M2","indicators":[{"text":"c"}]}]})");
    BOOST_TEST(visible_text(document) == "Mål M1|a|b|Mål M2|c|");
}

BOOST_AUTO_TEST_CASE(a_column_loop_repeats_a_cell_and_splits_its_width) {
    const std::string body =
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"6000\"/></w:tblGrid>"
        "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"3000\" "
        "w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>Kategori</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:tcPr><w:tcW w:w=\"6000\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>{{#column "
        "years}}{{.}}{{/years}}</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>{{#row "
        "categories}}{{name}}</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:tcPr><w:tcW w:w=\"6000\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>{{#column "
        "amounts}}{{.}}{{/amounts}}{{/categories}}</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl><w:p/>";
    const std::string document = render_body(
        body,
        R"({"years":["2009","2010","2011"],"categories":[{"name":"Lön","amounts":["1","2","3"]},{"name":"Resor","amounts":["4","5","6"]}]})");
    BOOST_TEST(visible_text(document) == "Kategori|2009|2010|2011|Lön|1|2|3|Resor|4|5|6|");
    BOOST_TEST(count_of(document, "<w:gridCol w:w=\"2000\"/>") == 3);
    BOOST_TEST(count_of(document, "<w:tcW w:w=\"2000\" w:type=\"dxa\"/>") == 9);
}

// A Gantt chart: one row per item, a cell per period, the cell's template
// shading kept only where the item runs.
BOOST_AUTO_TEST_CASE(a_shade_tag_keeps_the_cell_shading_only_where_its_value_is_true) {
    const std::string shaded_cell =
        "<w:tc><w:tcPr><w:tcW w:w=\"6000\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" "
        "w:fill=\"4F81BD\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
        "<w:p><w:r><w:t>{{#column cells}}{{shade active}}{{/cells}}{{/rows}}</w:t></w:r></w:p></w:tc>";
    const std::string body =
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"6000\"/></w:tblGrid>"
        "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"3000\" "
        "w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>Aktivitet</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:tcPr><w:tcW w:w=\"6000\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>{{#column "
        "periods}}{{.}}{{/periods}}</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>{{#row "
        "rows}}{{name}}</w:t></w:r></w:p></w:tc>" +
        shaded_cell + "</w:tr></w:tbl><w:p/>";
    const std::string document = render_body(
        body,
        R"({"periods":["kv 1","kv 2","kv 3"],"rows":[{"name":"A1","cells":[{"active":true},{"active":false},{"active":null}]},)"
        R"({"name":"A2","cells":[{"active":false},{"active":"yes"},{"active":true}]}]})");
    BOOST_TEST(visible_text(document) == "Aktivitet|kv 1|kv 2|kv 3|A1||||A2||||");
    BOOST_TEST(count_of(document, "<w:tc>") == 12);
    BOOST_TEST(count_of(document, "w:fill=\"4F81BD\"") == 3);
    // The rest of the cell properties stay, in their order, shaded or not.
    BOOST_TEST(count_of(document,
                        "<w:tcW w:w=\"2000\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" "
                        "w:fill=\"4F81BD\"/><w:vAlign w:val=\"center\"/>") == 3);
    BOOST_TEST(count_of(document, "<w:tcW w:w=\"2000\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/>") == 3);
    // Row by row: A1 is shaded in its first cell only, A2 in its second and third.
    const std::size_t second_row = document.find("A2");
    BOOST_TEST(count_of(document.substr(0, second_row), "4F81BD") == 1);
    BOOST_TEST(count_of(document.substr(second_row), "4F81BD") == 2);
}

BOOST_AUTO_TEST_CASE(a_shade_tag_outside_a_loop_reads_the_value_where_the_cell_stands) {
    const auto cell = [](const std::string& text) {
        return "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:shd "
               "w:val=\"clear\" w:color=\"auto\" w:fill=\"FFC000\"/></w:tcPr>"
               "<w:p><w:r><w:t>" +
               text + "</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>";
    };
    BOOST_TEST(count_of(render_body(cell("{{shade late}}Sen"), R"({"late":true})"), "FFC000") == 1);
    BOOST_TEST(count_of(render_body(cell("{{shade late}}Sen"), R"({"late":false})"), "FFC000") == 0);
    BOOST_TEST(count_of(render_body(cell("{{shade late}}Sen"), R"({"late":[]})"), "FFC000") == 0);
    BOOST_TEST(visible_text(render_body(cell("{{shade late}}Sen"), R"({"late":true})")) == "Sen|");
    // "shade" alone is still a plain value name.
    BOOST_TEST(visible_text(render_body(paragraph("{{shade}}"), R"({"shade":"grå"})")) == "grå");
}

BOOST_AUTO_TEST_CASE(a_shade_tag_that_cannot_decide_a_cell_is_reported) {
    const auto problems = [](const std::string& body, const std::string& json) {
        return problems_of(make_docx(body), json);
    };
    const std::string unshaded =
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid><w:tr><w:tc><w:tcPr/>"
        "<w:p><w:r><w:t>{{shade x}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>";
    BOOST_TEST(any_problem(problems(unshaded, R"({"x":true})"), "has no shading"));
    BOOST_TEST(any_problem(problems(paragraph("{{shade x}}"), R"({"x":true})"), "must stand in a table cell"));
    const std::string in_section =
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:shd w:val=\"clear\" "
        "w:fill=\"FFC000\"/></w:tcPr>"
        "<w:p><w:r><w:t>{{#items}}{{shade x}}{{/items}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>";
    BOOST_TEST(
        any_problem(problems(in_section, R"({"items":[{"x":true}]})"), "inside a section that opens in the same cell"));
    const std::string filtered =
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:shd w:val=\"clear\" "
        "w:fill=\"FFC000\"/></w:tcPr>"
        "<w:p><w:r><w:t>{{shade x | upper}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>";
    BOOST_TEST(any_problem(problems(filtered, R"({"x":true})"), "filters apply to value tags only"));
    const std::string unknown =
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:shd w:val=\"clear\" "
        "w:fill=\"FFC000\"/></w:tcPr>"
        "<w:p><w:r><w:t>{{shade nope}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>";
    BOOST_TEST(any_problem(problems(unknown, R"({"x":true})"), "unknown name \"nope\""));
}

BOOST_AUTO_TEST_CASE(inverted_and_boolean_sections) {
    const std::string body =
        paragraph("{{^items}}Inga poster.{{/items}}{{#flag}}Flaggad.{{/flag}}{{^flag}}Inte flaggad.{{/flag}}");
    BOOST_TEST(visible_text(render_body(body, R"({"items":[],"flag":true})")) == "Inga poster.Flaggad.");
    BOOST_TEST(visible_text(render_body(body, R"({"items":["x"],"flag":false})")) == "Inte flaggad.");
}

BOOST_AUTO_TEST_CASE(a_map_section_changes_the_context_and_outer_names_stay_visible) {
    BOOST_TEST(visible_text(render_body(paragraph("{{#contact}}{{name}}, {{email}} ({{org}}){{/contact}}"),
                                        R"({"org":"Region","contact":{"name":"Terese","email":"t@example.se"}})")) ==
               "Terese, t@example.se (Region)");
}

BOOST_AUTO_TEST_CASE(numbered_paragraphs_restart_in_each_repetition_when_the_template_restarts_them) {
    TemplateSource source;
    source.numbering =
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt "
        "w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride "
        "w:val=\"1\"/></w:lvlOverride></w:num>";
    const std::string restarted =
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId "
        "w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>{{.}}</w:t></w:r></w:p>";
    const std::string continued =
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId "
        "w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{{.}}</w:t></w:r></w:p>";
    source.body = paragraph("{{#groups}}") + paragraph("{{#steps}}") + restarted + paragraph("{{/steps}}") +
                  paragraph("{{#steps}}") + continued + paragraph("{{/steps}}") + paragraph("{{/groups}}");
    const std::string docx = render_json(make_docx(source), R"({"groups":[{"steps":["a","b"]},{"steps":["c"]}]})");
    const std::string document = document_of(docx);
    // Each repetition of a group gets its own instance of the restarting list (3, 4); the other list continues (1).
    BOOST_TEST(count_of(document, "<w:numId w:val=\"3\"/>") == 2);
    BOOST_TEST(count_of(document, "<w:numId w:val=\"4\"/>") == 1);
    BOOST_TEST(count_of(document, "<w:numId w:val=\"1\"/>") == 3);
    const std::string numbering = part_of(docx, "word/numbering.xml");
    BOOST_TEST(count_of(numbering,
                        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride "
                        "w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>") == 1);
    BOOST_TEST(count_of(numbering, "<w:num ") == 4);
}

BOOST_AUTO_TEST_CASE(repeated_content_does_not_repeat_bookmarks_or_word_paragraph_ids) {
    const std::string looped =
        "<w:p xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" w14:paraId=\"1A2B3C4D\" "
        "w14:textId=\"77777777\">"
        "<w:bookmarkStart w:id=\"5\" w:name=\"_Toc1\"/><w:r><w:t>{{.}}</w:t></w:r><w:bookmarkEnd w:id=\"5\"/></w:p>";
    const std::string kept =
        "<w:p><w:bookmarkStart w:id=\"6\" w:name=\"kept\"/><w:r><w:t>x</w:t></w:r><w:bookmarkEnd w:id=\"6\"/></w:p>";
    const std::string document =
        render_body(kept + paragraph("{{#items}}") + looped + paragraph("{{/items}}"), R"({"items":["a","b"]})");
    BOOST_TEST(visible_text(document) == "x|a|b");
    BOOST_TEST(count_of(document, "w:bookmarkStart") == 1);
    BOOST_TEST(count_of(document, "w:bookmarkEnd") == 1);
    BOOST_TEST(count_of(document, "paraId") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rich_text)

const std::string list_styles =
    "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:pPr><w:numPr><w:numId "
    "w:val=\"1\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/><w:pPr><w:numPr><w:numId "
    "w:val=\"2\"/></w:numPr></w:pPr></w:style>";
const std::string list_numbering =
    "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText "
    "w:val=\"•\"/></w:lvl></w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt "
    "w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId "
    "w:val=\"1\"/></w:num>";

BOOST_AUTO_TEST_CASE(a_block_tag_becomes_real_paragraphs_and_lists_in_the_template_styles) {
    TemplateSource source;
    source.styles = list_styles;
    source.numbering = list_numbering;
    source.body = paragraph("Rubrik") +
                  "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/><w:ind w:left=\"720\"/></w:pPr><w:r><w:rPr><w:sz "
                  "w:val=\"22\"/></w:rPr><w:t>{{@text}}</w:t></w:r></w:p>" +
                  paragraph("Slut");
    const std::string json =
        R"({"text":{"$rich":[{"p":"Första <stycket>"},{"ul":["a","b"]},{"ol":["ett","två"]},{"p":"Mitt"},{"ol":["ett igen"]}]}})";
    const std::string docx = render_json(make_docx(source), json);
    const std::string document = document_of(docx);
    const std::vector<std::string> expected{"Rubrik", "Första <stycket>", "a",   "b", "ett", "två",
                                            "Mitt",   "ett igen",         "Slut"};
    BOOST_TEST(paragraph_texts(document) == expected, boost::test_tools::per_element());
    BOOST_TEST(count_of(document, "<w:pStyle w:val=\"BodyText\"/><w:ind w:left=\"720\"/>") == 2);
    BOOST_TEST(count_of(document, "<w:pStyle w:val=\"ListBullet\"/>") == 2);
    // Each numbered list restarts: two new numbering instances.
    BOOST_TEST(count_of(document,
                        "<w:pStyle w:val=\"ListNumber\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/>") == 2);
    BOOST_TEST(count_of(document, "<w:numId w:val=\"4\"/>") == 1);
    BOOST_TEST(count_of(document, "<w:rPr><w:sz w:val=\"22\"/></w:rPr>") == 7);
    BOOST_TEST(count_of(part_of(docx, "word/numbering.xml"), "<w:startOverride w:val=\"1\"/>") == 2);
}

BOOST_AUTO_TEST_CASE(an_empty_block_in_a_table_cell_still_leaves_the_cell_its_paragraph) {
    const std::string body = "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"4000\"/></w:tblGrid><w:tr><w:tc>" +
                             paragraph("{{@text}}") + "</w:tc></w:tr></w:tbl><w:p/>";
    const std::string document = render_body(body, R"({"text":{"$rich":[]}})");
    BOOST_TEST(document.find("<w:tc><w:p></w:p></w:tc>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bold_and_italic_spans_keep_schema_order_in_run_properties) {
    TemplateValue data = TemplateValue::map();
    RichBlock block;
    block.spans = {{"vanlig "}, {"fet", true}, {" och "}, {"kursiv", false, true}, {"[Saknas: X]", true, false, true}};
    data.set("text", TemplateValue::rich_text({block}));
    const std::string body =
        "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"Arial\"/><w:sz w:val=\"20\"/></w:rPr><w:t>{{@text}}</w:t></w:r></w:p>";
    const std::string document = document_of(DocumentTemplate::load(make_docx(body), "t.docx").render(data));
    BOOST_TEST(
        document.find(
            "<w:rPr><w:rFonts w:ascii=\"Arial\"/><w:b/><w:sz w:val=\"20\"/></w:rPr><w:t xml:space=\"preserve\">fet") !=
        std::string::npos);
    BOOST_TEST(document.find("<w:rFonts w:ascii=\"Arial\"/><w:i/><w:sz w:val=\"20\"/>") != std::string::npos);
    BOOST_TEST(document.find("<w:b/><w:sz w:val=\"20\"/><w:highlight w:val=\"yellow\"/>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(parts)

BOOST_AUTO_TEST_CASE(tags_work_in_headers_footnotes_and_core_properties) {
    TemplateSource source;
    source.body = paragraph("Text");
    source.header = paragraph("{{acronym}} – ansökan");
    source.footnotes = "<w:footnote w:id=\"1\">" + paragraph("Källa: {{source}}") + "</w:footnote>";
    const std::string docx = render_json(make_docx(source), R"({"acronym":"FRAMSYN","source":"SCB"})");
    BOOST_TEST(visible_text(part_of(docx, "word/header1.xml")) == "FRAMSYN – ansökan");
    BOOST_TEST(visible_text(part_of(docx, "word/footnotes.xml")) == "Källa: SCB");
}

BOOST_AUTO_TEST_CASE(a_dotx_template_renders_to_a_document) {
    Package package = read_package(make_docx(paragraph("{{x}}")), "t");
    std::string types = *package.find("[Content_Types].xml");
    types.replace(types.find("document.main+xml"), 17, "template.main+xml");
    package.put("[Content_Types].xml", types);
    const std::string docx = render_json(write_package(package), R"({"x":"ok"})");
    BOOST_TEST(count_of(part_of(docx, "[Content_Types].xml"), "wordprocessingml.document.main+xml") == 1);
    BOOST_TEST(count_of(part_of(docx, "[Content_Types].xml"), "template.main+xml") == 0);
}

BOOST_AUTO_TEST_CASE(the_same_inputs_give_byte_identical_files) {
    TemplateSource source;
    source.styles = rich_text::list_styles;
    source.numbering = rich_text::list_numbering;
    source.body =
        paragraph("{{#items}}") + paragraph("{{name | upper}}") + paragraph("{{@text}}") + paragraph("{{/items}}");
    const std::string json =
        R"({"items":[{"name":"a","text":{"$rich":[{"ol":["x"]}]}},{"name":"b","text":{"$rich":[{"ol":["y"]}]}}]})";
    const std::string docx = make_docx(source);
    BOOST_TEST(render_json(docx, json) == render_json(docx, json));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(all_template_errors_are_reported_at_once_with_where_they_are) {
    const std::string body = paragraph("Intro") + paragraph("Mål: {{#goals}} text") +
                             paragraph("{{statement | fancy}}") + paragraph("{{/goal}}") + paragraph("{{#a}}{{/b}}") +
                             paragraph("{{ oops") + paragraph("{{unknown.name}}");
    const DocumentTemplate document = DocumentTemplate::load(make_docx(body), "bad.docx");
    const auto& problems = document.problems();
    BOOST_TEST(problems.size() == 6u);
    for (const auto& p : problems) BOOST_TEST_MESSAGE(p.text());
    BOOST_TEST(any_problem(problems,
                           "word/document.xml, paragraph 3, near \"{{statement | fancy}}\": unknown filter \"fancy\""));
    BOOST_TEST(
        any_problem(problems, "paragraph 4, near \"{{/goal}}\": {{/goal}} does not match the open section {{#goals}}"));
    BOOST_TEST(
        any_problem(problems, "paragraph 5, near \"{{#a}}{{/b}}\": {{/b}} does not match the open section {{#a}}"));
    BOOST_TEST(any_problem(
        problems, "paragraph 6, near \"{{ oops\": the tag \"{{ oops\" is not closed with }} in this paragraph"));
    BOOST_TEST(
        any_problem(problems, "paragraph 2, near \"Mål: {{#goals}} text\": the section {{#goals}} is never closed"));
    BOOST_TEST(any_problem(problems, "paragraph 5, near \"{{#a}}{{/b}}\": the section {{#a}} is never closed"));

    // Rendering adds the names the data lacks, and throws them all together.
    try {
        document.render(data_from_json(R"({"goals":[]})"));
        BOOST_FAIL("no error");
    } catch (const TemplateError& error) {
        BOOST_TEST(error.problems().size() >= 6u);
        const std::string message = error.what();
        BOOST_TEST(message.find("template 'bad.docx': ") == 0);
        BOOST_TEST(message.find("unknown name \"unknown.name\" in {{unknown.name}}") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(missing_data_lists_every_missing_path_and_never_writes_undefined) {
    const std::string body = paragraph("{{#goals}}") + paragraph("{{id}}: {{men}} män, {{women}} kvinnor") +
                             paragraph("{{/goals}}") + paragraph("{{contact.phone}}");
    const auto problems = problems_of(
        make_docx(body),
        R"({"contact":{"phone":null},"goals":[{"id":"g1","men":"5","women":null},{"id":"g2","men":null,"women":"3"}]})");
    BOOST_TEST(problems.size() == 3u);
    BOOST_TEST(any_problem(problems, "missing data: goals[1].women (in {{women}})"));
    BOOST_TEST(any_problem(problems, "missing data: goals[2].men (in {{men}})"));
    BOOST_TEST(any_problem(problems, "paragraph 4, near \"{{contact.phone}}\": missing data: contact.phone"));
}

BOOST_AUTO_TEST_CASE(a_filter_that_cannot_format_a_value_says_which) {
    const auto problems = problems_of(make_docx(paragraph("{{amount | sek}}")), R"({"amount":"tolv"})");
    BOOST_TEST(problems.size() == 1u);
    BOOST_TEST(any_problem(problems, "sek: \"tolv\" is not an amount"));
}

BOOST_AUTO_TEST_CASE(a_section_that_cannot_repeat_where_it_stands_is_an_error) {
    const std::string body = "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"4000\"/></w:tblGrid><w:tr><w:tc>" +
                             paragraph("x {{#items}}") + "</w:tc></w:tr></w:tbl>" + paragraph("{{/items}} y");
    const DocumentTemplate document = DocumentTemplate::load(make_docx(body), "t.docx");
    BOOST_TEST(document.problems().size() == 1u);
    BOOST_TEST(any_problem(document.problems(), "the section {{#items}} cannot repeat from where it stands"));
}

BOOST_AUTO_TEST_CASE(check_names_visits_loops_over_empty_lists_and_false_sections) {
    const std::string body = paragraph("{{#goals}}{{statment}}{{/goals}}{{^flag}}{{other}}{{/flag}}");
    const DocumentTemplate document = DocumentTemplate::load(make_docx(body), "t.docx");
    const auto problems =
        document.check_names(data_from_json(R"({"goals":[{"statement":"x"}],"flag":true,"other":"y"})"));
    BOOST_TEST(problems.size() == 1u);
    BOOST_TEST(any_problem(problems, "unknown name \"statment\""));
    BOOST_TEST(document.tags() == (std::vector<std::string>{"{{#goals}}", "{{statment}}", "{{/goals}}", "{{^flag}}",
                                                            "{{other}}", "{{/flag}}"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(images)

namespace {

const std::string placeholder_drawing =
    "<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"1800000\" "
    "cy=\"900000\"/>"
    "<wp:docPr id=\"7\" name=\"Logo\" descr=\"{{%logo}}\"/><a:graphic><a:graphicData "
    "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
    "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"7\" name=\"Logo\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip "
    "r:embed=\"rIdPlaceholder\"/>"
    "<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext "
    "cx=\"1800000\" cy=\"900000\"/></a:xfrm>"
    "<a:prstGeom "
    "prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></"
    "w:r></w:p>";

TemplateValue logo_data(bool with_logo) {
    TemplateValue data = TemplateValue::map();
    if (!with_logo) {
        data.set("logo", TemplateValue());
        return data;
    }
    ImageData image;
    image.bytes = make_png(300, 100);
    image.extension = "png";
    image.width_emu = 1080000;
    image.height_emu = 360000;
    image.alt_text = "Logotyp för \"Region\" & co";
    data.set("logo", TemplateValue::image(image));
    return data;
}

std::string placeholder_template() {
    TemplateSource source;
    source.body = paragraph("Före") + placeholder_drawing + paragraph("Efter");
    source.extra_parts = {{"word/media/placeholder.png", make_png(2, 1)}};
    source.document_relationships =
        "<Relationship Id=\"rIdPlaceholder\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
        "Target=\"media/placeholder.png\"/>";
    return make_docx(source);
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_placeholder_picture_is_replaced_fitted_and_described) {
    const DocumentTemplate document = DocumentTemplate::load(placeholder_template(), "t.docx");
    BOOST_TEST(document.problems().empty());
    BOOST_TEST(document.names("logo"));
    const std::string docx = document.render(logo_data(true));
    const std::string xml = document_of(docx);
    BOOST_TEST(count_of(xml, "<wp:extent cx=\"1800000\" cy=\"600000\"/>") == 1);
    BOOST_TEST(count_of(xml, "<a:ext cx=\"1800000\" cy=\"600000\"/>") == 1);
    BOOST_TEST(count_of(xml, "descr=\"Logotyp för &quot;Region&quot; &amp; co\"") == 2);
    BOOST_TEST(count_of(xml, "<wp:docPr id=\"1\" name=\"Logo\"") == 1);
    BOOST_TEST(count_of(xml, "r:embed=\"rIdImage1\"") == 1);
    BOOST_TEST(count_of(part_of(docx, "word/_rels/document.xml.rels"), "Id=\"rIdImage1\"") == 1);
    BOOST_TEST(part_of(docx, "word/media/rendered-image1.png") == make_png(300, 100));
}

BOOST_AUTO_TEST_CASE(a_placeholder_whose_extent_lacks_a_size_takes_the_image_size) {
    // A wp:extent without cx dereferenced a missing attribute (a crash).
    for (const std::string missing : {"cx=\"1800000\" ", " cy=\"900000\""}) {
        TemplateSource source;
        std::string drawing = placeholder_drawing;
        drawing.erase(drawing.find(missing), missing.size());
        source.body = paragraph("Före") + drawing + paragraph("Efter");
        source.extra_parts = {{"word/media/placeholder.png", make_png(2, 1)}};
        source.document_relationships =
            "<Relationship Id=\"rIdPlaceholder\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
            "Target=\"media/placeholder.png\"/>";
        const std::string xml =
            document_of(DocumentTemplate::load(make_docx(source), "t.docx").render(logo_data(true)));
        BOOST_TEST(count_of(xml, "<a:ext cx=\"1080000\" cy=\"360000\"/>") == 1, missing);
    }
}

BOOST_AUTO_TEST_CASE(without_an_image_the_placeholder_picture_goes_away) {
    const std::string xml =
        document_of(DocumentTemplate::load(placeholder_template(), "t.docx").render(logo_data(false)));
    BOOST_TEST(count_of(xml, "<w:drawing>") == 0);
    BOOST_TEST(visible_text(xml) == "Före||Efter");
}

BOOST_AUTO_TEST_CASE(an_image_tag_in_text_inserts_an_inline_picture) {
    const std::string xml = document_of(
        DocumentTemplate::load(make_docx(paragraph("Logga: {{%logo}} slut")), "t.docx").render(logo_data(true)));
    BOOST_TEST(count_of(xml, "<wp:extent cx=\"1080000\" cy=\"360000\"/>") == 1);
    BOOST_TEST(visible_text(xml) == "Logga:  slut");
}

BOOST_AUTO_TEST_CASE(png_and_jpeg_sizes_are_read_and_other_formats_refused) {
    const auto png = probe_image(make_png(300, 100));
    BOOST_TEST_REQUIRE(png.has_value());
    BOOST_TEST(png->extension == "png");
    BOOST_TEST(png->width_pixels == 300);
    BOOST_TEST(png->height_pixels == 100);
    // SOI, an APP0 segment, then SOF0 with height 100 and width 200.
    static const char jpeg_bytes[] =
        "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        "\xFF\xC0\x00\x11\x08\x00\x64\x00\xC8\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xFF\xD9";
    const std::string jpeg(jpeg_bytes, sizeof jpeg_bytes - 1);
    const auto parsed = probe_image(jpeg);
    BOOST_TEST_REQUIRE(parsed.has_value());
    BOOST_TEST(parsed->extension == "jpeg");
    BOOST_TEST(parsed->width_pixels == 200);
    BOOST_TEST(parsed->height_pixels == 100);
    BOOST_TEST(!probe_image("GIF89a....").has_value());
    BOOST_TEST(!probe_image(std::string("\x89PNG\r\n\x1a\n", 8)).has_value());
    BOOST_TEST(!probe_image(jpeg.substr(0, 24)).has_value());
}

BOOST_AUTO_TEST_CASE(template_errors_come_in_the_order_a_reader_meets_them) {
    // Found in two passes (syntax, then names), they used to be listed in the order found.
    const TemplateError error("t.docx", {{"word/header1.xml", 2, "", "h"},
                                         {"word/document.xml", 9, "", "late"},
                                         {"word/document.xml", 2, "", "early"},
                                         {"word/document.xml", 9, "", "late, second"},
                                         {"word/document.xml", 0, "", "outside"}});
    std::vector<std::string> order;
    for (const TemplateProblem& problem : error.problems()) order.push_back(problem.message);
    const std::vector<std::string> expected{"outside", "early", "late", "late, second", "h"};
    BOOST_TEST(order == expected, boost::test_tools::per_element());
    BOOST_TEST(
        problems_text(error, "sv")
                .rfind("mallen 't.docx' har 5 fel\n  huvuddokumentet: outside\n  huvuddokumentet: early", 0) == 0u,
        problems_text(error, "sv"));
    BOOST_TEST(
        problems_text(error, "en").find("\n  the main document: late, second\n  the header: h") != std::string::npos,
        problems_text(error, "en"));
    BOOST_TEST(std::string(error.what()).rfind("template 't.docx': 5 problems\n  word/document.xml: outside", 0) == 0u,
               error.what());
}

BOOST_AUTO_TEST_SUITE_END()
