// The assessment document as DOCX: report's format-free description
// (describe_assessment) mapped onto docx's template engine and rendered with
// the template folder templates/assessment-<lang>/. The pipeline composes
// the two because report and docx may not include each other.
#include <filesystem>

#include "docx/application_draft.hpp"
#include "docx/engine/template_engine.hpp"
#include "pipeline/assess.hpp"
#include "report/assessment.hpp"

namespace esfdraft::pipeline {

namespace {

using docx::TemplateValue;
using docx::text_value;

const char* const box_empty = "\xE2\x98\x90";   // ☐
const char* const box_ticked = "\xE2\x98\x92";  // ☒

docx::SpanList spans_of(const report::DocSpans& spans) {
    docx::SpanList out;
    // A code span has no face of its own in the document; a note to the reviewer is italic as in the HTML.
    for (const report::DocSpan& span : spans)
        out.push_back({span.text, span.strong, span.emphasis || span.note, false});
    return out;
}

// Word lists here have one level: a list item's own blocks (a goal's
// indicators, a target group's description) follow it as blocks of their
// own, and the list goes on after them.
void append_blocks(docx::RichText& out, const report::DocBlocks& blocks) {
    for (const report::DocBlock& block : blocks) {
        if (block.kind == report::DocBlock::Kind::paragraph) {
            out.push_back({docx::RichBlock::Kind::paragraph, spans_of(block.spans), {}});
            continue;
        }
        const auto kind = block.kind == report::DocBlock::Kind::bullet_list ? docx::RichBlock::Kind::bullet_list
                                                                            : docx::RichBlock::Kind::numbered_list;
        docx::RichBlock list{kind, {}, {}};
        for (const report::DocItem& item : block.items) {
            list.items.push_back(spans_of(item.spans));
            if (item.blocks.empty()) continue;
            out.push_back(std::move(list));
            list = docx::RichBlock{kind, {}, {}};
            append_blocks(out, item.blocks);
        }
        if (!list.items.empty()) out.push_back(std::move(list));
    }
}

TemplateValue rich(const report::DocBlocks& blocks) {
    docx::RichText text;
    append_blocks(text, blocks);
    return TemplateValue::rich_text(std::move(text));
}

TemplateValue finding_rows(const std::vector<report::FindingRow>& rows) {
    TemplateValue list = TemplateValue::list();
    for (const report::FindingRow& row : rows)
        list.push(TemplateValue::map({{"severity", text_value(row.severity_words)},
                                      {"rule", text_value(row.rule)},
                                      {"message", text_value(row.message)},
                                      {"location", text_value(row.location)}}));
    return list;
}

// Both boxes with words, one ticked where esfdraft decided, so the column reads the same for every row.
std::string outcome(report::RequirementState state, report::Language language) {
    const bool met = state == report::RequirementState::met, not_met = state == report::RequirementState::not_met;
    return std::string(met ? box_ticked : box_empty) + " " + report::phrase("assess.met_box", language) + "\n" +
           (not_met ? box_ticked : box_empty) + " " + report::phrase("assess.not_met_box", language);
}

// The template's labels: every fixed word the document shows, from the catalogue, so the Word document says
// what the HTML page says.
TemplateValue labels(report::Language language) {
    static const std::pair<const char*, const char*> keys[] = {
        {"heading", "assess.heading"},
        {"prepared_on", "assess.prepared_on"},
        {"intro", "assess.intro"},
        {"facts", "assess.facts"},
        {"case_number", "assess.case_number"},
        {"reviewer_name", "assess.reviewer_name"},
        {"reviewer_date", "assess.reviewer_date"},
        {"verdict", "text.verdict"},
        {"step1", "assess.step1"},
        {"step1_intro", "assess.step1_intro"},
        {"requirement", "assess.requirement"},
        {"outcome", "assess.outcome"},
        {"basis", "assess.basis"},
        {"not_loaded", "assess.not_loaded"},
        {"severity", "column.severity"},
        {"rule", "column.rule"},
        {"message", "column.message"},
        {"location", "column.location"},
        {"findings_caption", "assess.criterion_findings"},
        {"step2", "assess.step2"},
        {"plan_text", "assess.plan_text"},
        {"no_sections", "assess.no_sections"},
        {"section_missing", "assess.section_missing"},
        {"criterion_findings", "assess.criterion_findings"},
        {"no_findings", "text.no_findings"},
        {"evidence", "assess.evidence"},
        {"reviewer_part", "assess.reviewer_part"},
        {"score", "assess.score"},
        {"comment", "assess.comment"},
        {"summary_part", "assess.summary_part"},
        {"total", "assess.total"},
    };
    TemplateValue out = TemplateValue::map();
    for (const auto& [name, key] : keys) out.set(name, text_value(report::phrase(key, language)));
    return out;
}

TemplateValue template_data(const report::AssessmentDocument& doc, report::Language language) {
    const std::string lang(report::language_code(language));
    TemplateValue data = TemplateValue::map();
    data.set("document",
             TemplateValue::map({{"title", text_value(report::phrase("assess.heading", language) + ": " + doc.name)},
                                 {"subject", text_value(report::phrase("assess.heading", language))},
                                 {"date", text_value(doc.date)},
                                 {"language_tag", text_value(lang == "en" ? "en-GB" : "sv-SE")},
                                 {"timestamp", text_value(doc.date + "T00:00:00Z")}}));
    data.set("labels", labels(language));
    data.set("name", text_value(doc.name));
    TemplateValue facts = TemplateValue::list();
    for (const auto& [label, value] : doc.facts)
        facts.push(TemplateValue::map({{"label", text_value(label)}, {"value", text_value(value)}}));
    data.set("facts", std::move(facts));
    data.set("case_number", text_value(doc.case_number));
    data.set("verdict", text_value(doc.verdict));
    data.set("counts", text_value(doc.counts));
    TemplateValue checklist = TemplateValue::list();
    for (const report::ChecklistEntry& entry : doc.checklist)
        checklist.push(TemplateValue::map(
            {{"requirement", text_value(entry.requirement)},
             {"outcome", text_value(outcome(entry.row.state, language))},
             {"basis", rich({report::DocBlock{report::DocBlock::Kind::paragraph, entry.basis, {}}})}}));
    data.set("checklist", std::move(checklist));
    data.set("loaded", TemplateValue::boolean(doc.loaded));
    data.set("all_findings", finding_rows(doc.all_findings));
    TemplateValue criteria = TemplateValue::list();
    for (const report::CriterionPart& part : doc.criteria) {
        TemplateValue sections = TemplateValue::list();
        for (const report::PlanSection& section : part.sections)
            sections.push(TemplateValue::map({{"name", text_value(section.name)},
                                              {"present", TemplateValue::boolean(section.present)},
                                              {"content", rich(section.content)}}));
        criteria.push(TemplateValue::map({{"name", text_value(part.name)},
                                          {"sections", std::move(sections)},
                                          {"has_findings", TemplateValue::boolean(!part.findings.empty())},
                                          {"findings", finding_rows(part.findings)},
                                          {"has_evidence", TemplateValue::boolean(part.has_evidence)},
                                          {"evidence", rich(part.evidence)}}));
    }
    data.set("criteria", std::move(criteria));
    data.set("scale_text", text_value(doc.scale_text));
    // The pack's scale as a row of empty boxes to tick; a line to write on when the pack has no scale.
    std::string boxes;
    if (doc.scale && doc.scale->min <= doc.scale->max && doc.scale->max - doc.scale->min <= 20)
        for (int score = doc.scale->min; score <= doc.scale->max; ++score)
            boxes += (boxes.empty() ? "" : "   ") + std::string(box_empty) + " " + std::to_string(score);
    data.set("score_boxes", text_value(boxes.empty() ? "______" : boxes));
    return data;
}

}  // namespace

std::string render_assessment(const CheckedPlan& plan, const report::ReportOptions& options, AssessmentFormat format,
                              const std::string& data_dir) {
    const report::AssessedApplication assessed{plan.report, plan.application ? &*plan.application : nullptr,
                                               plan.application ? plan.pack : nullptr};
    if (format == AssessmentFormat::html) return report::render_assessment_html(assessed, options);
    const std::string name = std::string("assessment-") + std::string(report::language_code(options.language));
    const std::string folder = (std::filesystem::path(data_dir) / "templates" / name).string();
    try {
        const docx::DocumentTemplate document =
            docx::DocumentTemplate::load(docx::template_folder_package(folder), name);
        docx::RenderSettings settings;
        settings.lang = report::language_code(options.language);
        return document.render(template_data(report::describe_assessment(assessed, options), options.language),
                               settings);
    } catch (const docx::TemplateError& error) {
        throw ToolError(docx::problems_text(error, report::language_code(options.language)));
    } catch (const std::runtime_error& error) {
        const model::Said why = model::said_of(error);
        throw ToolError(
            model::Said("bedömningsdokumentets mall: " + why.sv, "the assessment document's template: " + why.en));
    }
}

std::string assessment_from_bytes(CheckSession& session, const NamedBytes& plan,
                                  const std::optional<NamedBytes>& findings, model::Date today,
                                  const std::optional<std::string>& lang, AssessmentFormat format) {
    session.set_today(today);
    const CheckedPlan checked = session.check_bytes(plan, findings);
    report::ReportOptions options;
    const std::string wanted = lang.value_or(checked.application ? checked.application->lang : "sv");
    if (!report::parse_language(wanted, options.language)) options.language = report::Language::sv;
    options.date = today.iso();
    return render_assessment(checked, options, format, session.data_folder());
}

}  // namespace esfdraft::pipeline
