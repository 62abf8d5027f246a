// The reviewer's assessment document as one standalone HTML page, and the
// ranking of a batch. Same page shell and styles as the completeness report
// (html_page.hpp); every label from the catalogue; the score and comment
// fields are real, labelled form fields, so a reviewer can type into them in
// the browser and print, or print them empty and write by hand.
#include <algorithm>
#include <map>
#include <sstream>

#include "report/assessment.hpp"
#include "report/html_page.hpp"

namespace esfdraft::report {

namespace {

std::string escaped(std::string_view text) { return escape_html(text); }

std::string phrase_html(std::string_view key, Language language) { return escaped(phrase(key, language)); }

// The name in the document's language, the other one when that is empty.
const std::string& localized(const model::LocalizedName& name, Language language) {
    if (language == Language::en) return name.en.empty() ? name.sv : name.en;
    return name.sv.empty() ? name.en : name.sv;
}

const char* const assessment_styles = R"(
  .plan-text { border-left: 4px solid #595959; padding: 0.1rem 0 0.1rem 0.9rem; margin: 0.4rem 0 1rem; }
  .plan-text h5 { font-size: 0.95rem; margin: 0.8rem 0 0.3rem; }
  .reviewer { border: 2px solid #1a1a1a; padding: 0.6rem 0.9rem; margin: 1rem 0 2rem; }
  .reviewer h4 { margin-top: 0.2rem; }
  .field { margin: 0.5rem 0; }
  .field label { display: block; font-weight: bold; margin-bottom: 0.2rem; }
  input[type=number] { width: 5rem; font: inherit; padding: 0.2rem; border: 1px solid #1a1a1a; }
  textarea { width: 100%; box-sizing: border-box; font: inherit; padding: 0.3rem; border: 1px solid #1a1a1a; min-height: 7rem; }
  .box { white-space: nowrap; margin-right: 1rem; }
  .box input { width: 1.1rem; height: 1.1rem; vertical-align: middle; }
  .met { color: #0b5d1e; font-weight: bold; }
  .not-met { color: #9b1c1c; font-weight: bold; }
  .for-reviewer { color: #3d3d3d; font-style: italic; }
  .criterion > h3 { font-size: 1.3rem; margin-top: 2.4rem; padding-top: 0.6rem; border-top: 1px solid #595959; }
  .criterion h4 { font-size: 1.05rem; margin-top: 1.4rem; }
  @media print {
    .criterion { page-break-before: always; }
    textarea { min-height: 10rem; resize: none; }
    .reviewer { page-break-inside: avoid; }
  }
)";

// The page around `body`.
std::string page(const std::string& title, Language language, const std::string& body) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << language_code(language) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << escaped(title)
        << "</title>\n<style>" << html_style_sheet() << assessment_styles << "</style>\n</head>\n<body>\n<main>\n"
        << body << "</main>\n</body>\n</html>\n";
    return out.str();
}

// ---------------------------------------------------------------- the description as HTML

void spans_html(std::ostringstream& out, const DocSpans& spans) {
    for (const DocSpan& span : spans) {
        if (span.note) out << "<span class=\"for-reviewer\">";
        if (span.strong) out << "<strong>";
        if (span.emphasis) out << "<em>";
        if (span.code) out << "<code>";
        out << escaped(span.text);
        if (span.code) out << "</code>";
        if (span.emphasis) out << "</em>";
        if (span.strong) out << "</strong>";
        if (span.note) out << "</span>";
    }
}

void blocks_html(std::ostringstream& out, const DocBlocks& blocks) {
    for (const DocBlock& block : blocks) {
        if (block.kind == DocBlock::Kind::paragraph) {
            out << "<p>";
            spans_html(out, block.spans);
            out << "</p>\n";
            continue;
        }
        const char* tag = block.kind == DocBlock::Kind::bullet_list ? "ul" : "ol";
        out << "<" << tag << ">\n";
        for (const DocItem& item : block.items) {
            out << "<li>";
            spans_html(out, item.spans);
            if (item.blocks_on_new_line && !item.blocks.empty()) out << "\n";
            blocks_html(out, item.blocks);
            out << "</li>\n";
        }
        out << "</" << tag << ">\n";
    }
}

void findings_table(std::ostringstream& out, const std::vector<FindingRow>& findings, Language language) {
    out << "<table>\n<thead><tr><th scope=\"col\">" << phrase_html("column.severity", language)
        << "</th><th scope=\"col\">" << phrase_html("column.rule", language) << "</th><th scope=\"col\">"
        << phrase_html("column.message", language) << "</th><th scope=\"col\">"
        << phrase_html("column.location", language) << "</th></tr></thead>\n<tbody>\n";
    for (const FindingRow& finding : findings) {
        out << "<tr><td><span class=\"severity " << finding.severity << "\">" << escaped(finding.severity_words)
            << "</span></td><td>" << escaped(finding.rule) << "</td><td>" << escaped(finding.message) << "</td><td>";
        if (finding.location_is_file)
            out << "<code>" << escaped(finding.location) << "</code>";
        else
            out << escaped(finding.location);
        out << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
}

// ---------------------------------------------------------------- the reviewer's fields

void score_field(std::ostringstream& out, const std::string& id, const AssessmentDocument& doc, Language language) {
    out << "<div class=\"field\"><label for=\"score-" << id << "\">" << phrase_html("assess.score", language);
    if (!doc.scale_text.empty()) out << " (" << escaped(doc.scale_text) << ")";
    out << "</label><input type=\"number\" id=\"score-" << id << "\" name=\"score-" << id << "\" step=\"1\"";
    if (doc.scale) out << " min=\"" << doc.scale->min << "\" max=\"" << doc.scale->max << "\"";
    out << "></div>\n";
}

void comment_field(std::ostringstream& out, const std::string& id, Language language) {
    out << "<div class=\"field\"><label for=\"comment-" << id << "\">" << phrase_html("assess.comment", language)
        << "</label><textarea id=\"comment-" << id << "\" name=\"comment-" << id << "\" rows=\"6\"></textarea></div>\n";
}

// ---------------------------------------------------------------- the parts

void facts(std::ostringstream& out, const AssessmentDocument& doc, Language language) {
    out << "<h2>" << phrase_html("assess.facts", language) << "</h2>\n<table>\n<tbody>\n";
    for (const auto& [label, value] : doc.facts)
        out << "<tr><th scope=\"row\">" << escaped(label) << "</th><td>" << escaped(value) << "</td></tr>\n";
    out << "</tbody>\n</table>\n<p class=\"verdict " << (doc.ready ? "ready" : "not-ready") << "\"><strong>"
        << phrase_html("text.verdict", language) << ": " << escaped(doc.verdict) << "</strong> (" << escaped(doc.counts)
        << ")</p>\n";
}

void checklist(std::ostringstream& out, const AssessmentDocument& doc, Language language) {
    out << "<h2 id=\"step1\">" << phrase_html("assess.step1", language) << "</h2>\n<p>"
        << phrase_html("assess.step1_intro", language) << "</p>\n<table>\n<thead><tr><th scope=\"col\">"
        << phrase_html("assess.requirement", language) << "</th><th scope=\"col\">"
        << phrase_html("assess.outcome", language) << "</th><th scope=\"col\">" << phrase_html("assess.basis", language)
        << "</th></tr></thead>\n<tbody>\n";
    for (const ChecklistEntry& entry : doc.checklist) {
        const std::string& id = entry.id;
        out << "<tr><th scope=\"row\" id=\"" << id << "\">" << escaped(entry.requirement) << "</th><td>";
        if (entry.row.state == RequirementState::met) {
            out << "<span class=\"met\">" << phrase_html("assess.met", language) << "</span>";
        } else if (entry.row.state == RequirementState::not_met) {
            out << "<span class=\"not-met\">" << phrase_html("assess.not_met", language) << "</span>";
        } else {
            // Two labelled boxes, each described by the requirement, so a screen reader says what is ticked.
            for (const char* choice : {"met", "not-met"})
                out << "<span class=\"box\"><input type=\"checkbox\" id=\"" << id << "-" << choice
                    << "\" aria-describedby=\"" << id << "\"> <label for=\"" << id << "-" << choice << "\">"
                    << phrase_html(std::string(choice) == "met" ? "assess.met_box" : "assess.not_met_box", language)
                    << "</label></span>";
        }
        out << "</td><td>";
        spans_html(out, entry.basis);
        out << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
}

void criterion_part(std::ostringstream& out, const CriterionPart& part, const AssessmentDocument& doc,
                    Language language) {
    const std::string& id = part.id;
    out << "<section class=\"criterion\" aria-labelledby=\"criterion-" << id << "\">\n<h3 id=\"criterion-" << id
        << "\">" << escaped(part.name) << "</h3>\n";

    out << "<h4>" << phrase_html("assess.plan_text", language) << "</h4>\n";
    if (part.sections.empty()) out << "<p>" << phrase_html("assess.no_sections", language) << "</p>\n";
    for (const PlanSection& section : part.sections) {
        out << "<div class=\"plan-text\">\n<h5>" << escaped(section.name) << "</h5>\n";
        if (section.present)
            blocks_html(out, section.content);
        else
            out << "<p><em>" << phrase_html("assess.section_missing", language) << "</em></p>\n";
        out << "</div>\n";
    }

    out << "<h4>" << phrase_html("assess.criterion_findings", language) << "</h4>\n";
    if (part.findings.empty())
        out << "<p>" << phrase_html("text.no_findings", language) << "</p>\n";
    else
        findings_table(out, part.findings, language);

    if (part.has_evidence) {
        out << "<h4>" << phrase_html("assess.evidence", language) << "</h4>\n";
        blocks_html(out, part.evidence);
    }

    out << "<div class=\"reviewer\">\n<h4>" << phrase_html("assess.reviewer_part", language) << ": "
        << escaped(part.name) << "</h4>\n";
    score_field(out, id, doc, language);
    comment_field(out, id, language);
    out << "</div>\n</section>\n";
}

}  // namespace

std::string render_assessment_html(const AssessedApplication& assessed, const ReportOptions& options) {
    const Language language = options.language;
    const AssessmentDocument doc = describe_assessment(assessed, options);
    const std::string& name = doc.name;
    std::ostringstream out;
    out << "<h1>" << phrase_html("assess.heading", language) << ": " << escaped(name) << "</h1>\n<p class=\"meta\">"
        << phrase_html("assess.prepared_on", language) << " " << escaped(options.date) << ". esfdraft.</p>\n<p>"
        << phrase_html("assess.intro", language) << "</p>\n";
    facts(out, doc, language);
    checklist(out, doc, language);
    if (!doc.loaded) {
        out << "<p>" << phrase_html("assess.not_loaded", language) << "</p>\n";
        findings_table(out, doc.all_findings, language);
    } else {
        out << "<h2 id=\"step2\">" << phrase_html("assess.step2", language) << "</h2>\n";
        for (const CriterionPart& part : doc.criteria) criterion_part(out, part, doc, language);
        out << "<section class=\"reviewer\" aria-labelledby=\"overall\">\n<h2 id=\"overall\">"
            << phrase_html("assess.summary_part", language) << "</h2>\n<div class=\"field\"><label for=\"score-total\">"
            << phrase_html("assess.total", language)
            << "</label><input type=\"number\" id=\"score-total\" name=\"score-total\" step=\"1\" min=\"0\"></div>\n";
        comment_field(out, "overall", language);
        out << "</section>\n";
    }
    return page(phrase("assess.heading", language) + " \xE2\x80\x93 " + name, language, out.str());
}

std::string render_assessment_ranking(const std::vector<AssessedApplication>& applications,
                                      const std::vector<std::string>& failures, const ReportOptions& options) {
    const Language language = options.language;
    // One group per pack and call, in name order; plans without a call (or that did not load) under their pack's name
    // alone.
    struct Entry {
        const AssessedApplication* assessed;
        Tally counts;
        std::string name;
    };
    std::map<std::pair<std::string, std::string>, std::vector<Entry>> groups;
    std::map<std::pair<std::string, std::string>, std::string> headings;
    for (const AssessedApplication& assessed : applications) {
        std::string programme, call, heading;
        if (const model::Application* app = assessed.application) {
            programme = app->programme;
            heading = assessed.pack ? localized(assessed.pack->title, language) : app->programme;
            if (app->call) {
                call = *app->call;
                const model::Call* found = assessed.pack ? assessed.pack->find_call(call) : nullptr;
                heading += " \xE2\x80\x93 " + (found ? localized(found->title, language) : call);
            } else {
                heading += " \xE2\x80\x93 " + phrase("assess.no_call", language);
            }
        } else {
            heading = phrase("text.not_loaded", language);
        }
        const auto key = std::make_pair(programme, call);
        headings[key] = heading;
        groups[key].push_back({&assessed, tally(assessed.report.findings),
                               assessed.report.title.empty() ? assessed.report.file : assessed.report.title});
    }
    std::ostringstream out;
    out << "<h1>" << phrase_html("assess.ranking", language) << "</h1>\n<p class=\"meta\">"
        << phrase_html("assess.prepared_on", language) << " " << escaped(options.date) << ". esfdraft.</p>\n<p>"
        << phrase_html("assess.ranking_intro", language) << "</p>\n";
    int group_index = 0;
    for (auto& [key, entries] : groups) {
        std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            if (a.counts.errors != b.counts.errors) return a.counts.errors < b.counts.errors;
            if (a.counts.warnings != b.counts.warnings) return a.counts.warnings < b.counts.warnings;
            return a.name < b.name;
        });
        const std::string id = "call-" + std::to_string(++group_index);
        out << "<h2 id=\"" << id << "\">" << escaped(headings[key]) << "</h2>\n<table aria-labelledby=\"" << id
            << "\">\n<thead><tr><th scope=\"col\">" << phrase_html("assess.rank", language) << "</th><th scope=\"col\">"
            << phrase_html("column.application", language) << "</th><th scope=\"col\">"
            << phrase_html("text.file", language) << "</th>";
        out << "<th scope=\"col\">" << phrase_html("column.errors", language) << "</th><th scope=\"col\">"
            << phrase_html("column.warnings", language) << "</th><th scope=\"col\">"
            << phrase_html("column.infos", language) << "</th><th scope=\"col\">"
            << phrase_html("column.verdict", language) << "</th></tr></thead>\n<tbody>\n";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const Entry& entry = entries[i];
            const bool ready = ready_to_submit(entry.assessed->report.findings, options.strict);
            out << "<tr><td class=\"number\">" << i + 1 << "</td><th scope=\"row\">" << escaped(entry.name)
                << "</th><td><code>" << escaped(entry.assessed->report.file) << "</code></td><td class=\"number\">"
                << entry.counts.errors << "</td><td class=\"number\">" << entry.counts.warnings
                << "</td><td class=\"number\">" << entry.counts.infos << "</td><td><span class=\"status "
                << (ready ? "complete" : "incomplete") << "\">"
                << phrase_html(ready ? "verdict.ready" : "verdict.not_ready", language) << "</span></td></tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    if (!failures.empty()) {
        out << "<h2>" << phrase_html("assess.not_checked", language) << "</h2>\n<ul>\n";
        for (const std::string& failure : failures) out << "<li>" << escaped(failure) << "</li>\n";
        out << "</ul>\n";
    }
    return page(phrase("assess.ranking", language), language, out.str());
}

}  // namespace esfdraft::report
