// The reviewer's assessment document as one standalone HTML page, and the
// ranking of a batch. Same page shell and styles as the completeness report
// (html_page.hpp); every label from the catalogue; the score and comment
// fields are real, labelled form fields, so a reviewer can type into them in
// the browser and print, or print them empty and write by hand.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>

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
        << "</title>\n<style>" << html_style_sheet() << assessment_styles << "</style>\n</head>\n<body>\n<main>\n" << body
        << "</main>\n</body>\n</html>\n";
    return out.str();
}

// An id made of letters, digits and '-' only, whatever a pack's code holds.
std::string id_part(std::string_view text) {
    std::string out;
    for (char c : text) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '-';
    return out;
}

// ---------------------------------------------------------------- the plan's text

void inline_text(std::ostringstream& out, const model::InlineText& text) {
    for (const model::Inline& run : text) {
        if (run.strong) out << "<strong>";
        if (run.emphasis) out << "<em>";
        out << escaped(run.text);
        if (run.emphasis) out << "</em>";
        if (run.strong) out << "</strong>";
    }
}

void rich_text(std::ostringstream& out, const model::RichText& text) {
    for (const model::Block& block : text.blocks) {
        if (block.kind == model::Block::Kind::paragraph) {
            out << "<p>";
            inline_text(out, block.inlines);
            out << "</p>\n";
            continue;
        }
        const char* tag = block.kind == model::Block::Kind::bullet_list ? "ul" : "ol";
        out << "<" << tag << ">\n";
        for (const model::InlineText& item : block.items) {
            out << "<li>";
            inline_text(out, item);
            out << "</li>\n";
        }
        out << "</" << tag << ">\n";
    }
}

bool optional_rich(std::ostringstream& out, const std::optional<model::RichText>& text) {
    if (!text || text->empty()) return false;
    rich_text(out, *text);
    return true;
}

std::string money(model::Money ore, Language language) { return format_argument(model::MessageArg::of_money(ore), language); }

std::string decimal(const model::Decimal& value) { return value.text(); }

// Writes the section's content and returns true, or writes nothing and
// returns false when the plan does not have it.
bool section_content(std::ostringstream& out, const model::Application& app, const std::string& section, Language language) {
    if (section == "summary") {
        const model::Summary* summary = app.main_summary();
        if (!summary || summary->text.empty()) return false;
        rich_text(out, summary->text);
        return true;
    }
    if (section == "background") return optional_rich(out, app.background);
    if (section == "problem") return optional_rich(out, app.problem);
    if (section == "purpose") return optional_rich(out, app.purpose);
    if (section == "organisation") return optional_rich(out, app.organisation);
    if (section == "genderEquality") return optional_rich(out, app.gender_equality);
    if (section == "nonDiscrimination") return optional_rich(out, app.non_discrimination);
    if (section == "transnational") return optional_rich(out, app.transnational);
    if (section == "dissemination") return optional_rich(out, app.dissemination);
    if (section == "evaluation") return optional_rich(out, app.evaluation);
    if (section == "sustainableDevelopment") return optional_rich(out, app.sustainable_development);
    if (section == "fundamentalRights") return optional_rich(out, app.fundamental_rights);
    if (section == "targetGroups") {
        if (app.target_groups.empty()) return false;
        out << "<ul>\n";
        for (const model::TargetGroup& group : app.target_groups) {
            out << "<li><strong>" << escaped(group.name) << "</strong>";
            if (group.women || group.men)
                out << " (" << phrase_html("assess.women", language) << " " << escaped(group.women ? decimal(*group.women) : "\xE2\x80\x93")
                    << ", " << phrase_html("assess.men", language) << " " << escaped(group.men ? decimal(*group.men) : "\xE2\x80\x93") << ")";
            if (group.description) rich_text(out, *group.description);
            out << "</li>\n";
        }
        out << "</ul>\n";
        return true;
    }
    if (section == "goals") {
        if (app.goals.empty()) return false;
        out << "<ul>\n";
        for (const model::Goal& goal : app.goals) {
            out << "<li><strong>" << escaped(goal.id) << "</strong> (" << phrase_html("goal." + goal.kind, language) << "): "
                << escaped(goal.statement);
            if (!goal.indicators.empty()) {
                out << "\n<ul>\n";
                for (const model::Indicator& indicator : goal.indicators) {
                    out << "<li>" << phrase_html("assess.indicator", language) << ": " << escaped(indicator.text) << "; "
                        << phrase_html("assess.target", language) << " " << escaped(decimal(indicator.target));
                    if (indicator.code) out << " (<code>" << escaped(*indicator.code) << "</code>)";
                    out << "</li>\n";
                }
                out << "</ul>\n";
            }
            out << "</li>\n";
        }
        out << "</ul>\n";
        return true;
    }
    if (section == "activities") {
        if (app.activities.empty()) return false;
        out << "<ul>\n";
        for (const model::Activity& activity : app.activities) {
            out << "<li><strong>" << escaped(activity.title) << "</strong> (" << escaped(activity.start.iso()) << " \xE2\x80\x93 "
                << escaped(activity.end.iso()) << ")";
            if (activity.description) rich_text(out, *activity.description);
            out << "</li>\n";
        }
        out << "</ul>\n";
        return true;
    }
    if (section == "partners") {
        if (app.partners.empty()) return false;
        out << "<ul>\n";
        for (const model::Partner& partner : app.partners) {
            out << "<li><strong>" << escaped(partner.name) << "</strong>";
            if (!partner.role.empty()) out << ": " << escaped(partner.role);
            if (partner.org_number) out << " (" << escaped(*partner.org_number) << ")";
            out << "</li>\n";
        }
        out << "</ul>\n";
        return true;
    }
    if (section == "accessibility") {
        if (!app.accessibility) return false;
        bool any = false;
        for (const auto* part : {&app.accessibility->physical, &app.accessibility->information, &app.accessibility->participation})
            any = optional_rich(out, *part) || any;
        return any;
    }
    if (section == "riskAnalysis") {
        if (!app.risk_analysis) return false;
        rich_text(out, app.risk_analysis->introduction);
        if (!app.risk_analysis->risks.empty()) {
            out << "<ul>\n";
            for (const model::Risk& risk : app.risk_analysis->risks)
                out << "<li>" << escaped(risk.description) << " (" << phrase_html("assess.likelihood", language) << " "
                    << escaped(risk.likelihood) << ", " << phrase_html("assess.impact", language) << " " << escaped(risk.impact)
                    << "). " << phrase_html("assess.measure", language) << ": " << escaped(risk.measure) << "</li>\n";
            out << "</ul>\n";
        }
        return true;
    }
    if (section == "projectLogic") {
        if (!app.project_logic) return false;
        rich_text(out, app.project_logic->introduction);
        for (const model::LogicStep& step : app.project_logic->steps) {
            out << "<p><strong>" << escaped(step.kind) << "</strong></p>\n";
            rich_text(out, step.text);
        }
        return true;
    }
    if (section == "attachments") {
        if (!app.attachments || app.attachments->empty()) return false;
        out << "<ul>\n";
        for (const model::Attachment& attachment : *app.attachments)
            out << "<li>" << escaped(attachment.title) << " (<code>" << escaped(attachment.kind) << "</code>)</li>\n";
        out << "</ul>\n";
        return true;
    }
    if (section == "budget") {
        if (app.budget.costs.empty() && app.budget.financing.empty()) return false;
        // The sums throw on overflow; an overflowing budget is B-reported already, so show what can be shown.
        try {
            out << "<p>" << phrase_html("assess.costs", language) << ": " << escaped(money(app.budget.total_costs(), language)) << ". "
                << phrase_html("assess.financing", language) << ": " << escaped(money(app.budget.total_financing(), language)) << ", "
                << phrase_html("assess.esf", language) << " " << escaped(money(app.budget.financing_of_kind("esf"), language))
                << ".</p>\n";
        } catch (const std::overflow_error&) {
            return false;
        }
        return true;
    }
    return false;
}

// ---------------------------------------------------------------- findings and evidence

void findings_table(std::ostringstream& out, const model::Findings& findings, const std::string& file, Language language) {
    out << "<table>\n<thead><tr><th scope=\"col\">" << phrase_html("column.severity", language) << "</th><th scope=\"col\">"
        << phrase_html("column.rule", language) << "</th><th scope=\"col\">" << phrase_html("column.message", language)
        << "</th><th scope=\"col\">" << phrase_html("column.location", language) << "</th></tr></thead>\n<tbody>\n";
    for (const model::Finding& finding : findings) {
        const std::string severity(model::to_string(finding.severity));
        out << "<tr><td><span class=\"severity " << severity << "\">" << phrase_html("severity." + severity, language)
            << "</span></td><td>" << escaped(finding.rule) << "</td><td>" << escaped(message_text(finding, language)) << "</td><td>";
        if (finding.where.file == file && finding.where.line > 0)
            out << phrase_html("text.line", language) << "\xC2\xA0" << finding.where.line;
        else
            out << "<code>" << escaped(finding.where.file) << "</code>";
        out << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
}

void evidence_trail(std::ostringstream& out, const model::Application& app, Language language) {
    if (!app.findings) {
        out << "<p>" << phrase_html("assess.no_findings_file", language) << "</p>\n";
        return;
    }
    bool any = false;
    for (const model::Goal& goal : app.goals) {
        if (goal.basis.empty()) continue;
        any = true;
        out << "<p><strong>" << phrase_html("assess.goal", language) << " " << escaped(goal.id) << "</strong>: " << escaped(goal.statement)
            << "</p>\n<ul>\n";
        for (const model::GoalBasis& basis : goal.basis) {
            const model::StudyFinding* found = app.findings->find(basis.finding_id);
            out << "<li>" << phrase_html("assess.builds_on", language) << " <strong>" << escaped(basis.finding_id) << "</strong>";
            if (!found) {
                out << ", " << phrase_html("assess.unknown_finding", language) << "</li>\n";
                continue;
            }
            out << ": " << escaped(found->statement);
            if (!found->evidence.empty()) {
                out << "\n<ul>\n";
                for (const model::Evidence& evidence : found->evidence) {
                    out << "<li>" << phrase_html("evidence." + evidence.kind, language);
                    std::vector<std::string> figures;
                    if (evidence.respondents)
                        figures.push_back(std::to_string(*evidence.respondents) + " " + phrase("assess.respondents", language));
                    if (evidence.share)
                        figures.push_back(format_argument(model::MessageArg::of_percent_hundredths(evidence.share->micros / 100), language));
                    if (!figures.empty()) {
                        out << " (";
                        for (std::size_t i = 0; i < figures.size(); ++i) out << (i ? ", " : "") << escaped(figures[i]);
                        out << ")";
                    }
                    out << ": " << escaped(evidence.text) << "</li>\n";
                }
                out << "</ul>\n";
            }
            out << "</li>\n";
        }
        out << "</ul>\n";
    }
    if (!any) out << "<p>" << phrase_html("assess.no_evidence", language) << "</p>\n";
}

// ---------------------------------------------------------------- the reviewer's fields

std::string scale_text(const model::RulePack* pack) {
    if (!pack || !pack->score_scale) return {};
    return std::to_string(pack->score_scale->min) + "\xE2\x80\x93" + std::to_string(pack->score_scale->max);
}

void score_field(std::ostringstream& out, const std::string& id, const model::RulePack* pack, Language language) {
    const std::string scale = scale_text(pack);
    out << "<div class=\"field\"><label for=\"score-" << id << "\">" << phrase_html("assess.score", language);
    if (!scale.empty()) out << " (" << escaped(scale) << ")";
    out << "</label><input type=\"number\" id=\"score-" << id << "\" name=\"score-" << id << "\" step=\"1\"";
    if (pack && pack->score_scale) out << " min=\"" << pack->score_scale->min << "\" max=\"" << pack->score_scale->max << "\"";
    out << "></div>\n";
}

void comment_field(std::ostringstream& out, const std::string& id, Language language) {
    out << "<div class=\"field\"><label for=\"comment-" << id << "\">" << phrase_html("assess.comment", language)
        << "</label><textarea id=\"comment-" << id << "\" name=\"comment-" << id << "\" rows=\"6\"></textarea></div>\n";
}

// ---------------------------------------------------------------- the parts

void facts(std::ostringstream& out, const AssessedApplication& assessed, Language language) {
    out << "<h2>" << phrase_html("assess.facts", language) << "</h2>\n<table>\n<tbody>\n";
    const auto row = [&](std::string_view key, const std::string& value) {
        out << "<tr><th scope=\"row\">" << phrase_html(key, language) << "</th><td>" << escaped(value) << "</td></tr>\n";
    };
    row("text.file", assessed.report.file);
    if (const model::Application* app = assessed.application) {
        row("assess.programme", assessed.pack ? localized(assessed.pack->title, language) : app->programme);
        const model::Call* call = assessed.pack && app->call ? assessed.pack->find_call(*app->call) : nullptr;
        row("assess.call", call ? localized(call->title, language) + " (" + call->name + ")"
                                : app->call ? *app->call : phrase("assess.no_call", language));
        const model::ProgrammeArea* area = assessed.pack ? assessed.pack->find_area(app->project.programme_area.value) : nullptr;
        row("assess.area", area ? area->code + " " + localized(area->name, language) : app->project.programme_area.value);
        const model::PhaseRules* phase = assessed.pack ? assessed.pack->find_phase(app->project.phase.value) : nullptr;
        row("assess.phase", phase ? localized(phase->name, language) : app->project.phase.value);
        row("assess.owner", app->project.owner.name);
        row("assess.period", app->project.period.start.iso() + " \xE2\x80\x93 " + app->project.period.end.iso());
    }
    out << "</tbody>\n</table>\n<p class=\"verdict " << (ready_to_submit(assessed.report.findings, false) ? "ready" : "not-ready")
        << "\"><strong>" << phrase_html("text.verdict", language) << ": "
        << phrase_html(ready_to_submit(assessed.report.findings, false) ? "verdict.ready" : "verdict.not_ready", language)
        << "</strong> (" << escaped(count_phrase(tally(assessed.report.findings), language)) << ")</p>\n";
}

void checklist(std::ostringstream& out, const AssessedApplication& assessed, Language language) {
    out << "<h2 id=\"step1\">" << phrase_html("assess.step1", language) << "</h2>\n<p>" << phrase_html("assess.step1_intro", language)
        << "</p>\n<table>\n<thead><tr><th scope=\"col\">" << phrase_html("assess.requirement", language) << "</th><th scope=\"col\">"
        << phrase_html("assess.outcome", language) << "</th><th scope=\"col\">" << phrase_html("assess.basis", language)
        << "</th></tr></thead>\n<tbody>\n";
    for (const RequirementRow& row : formal_checklist(assessed)) {
        const std::string id = "req-" + id_part(row.section.empty() ? row.key.substr(4) : row.section);
        out << "<tr><th scope=\"row\" id=\"" << id << "\">" << phrase_html(row.key, language);
        if (row.key == "req.section") out << " " << escaped(section_name(row.section, language));
        out << "</th><td>";
        if (row.state == RequirementState::met) {
            out << "<span class=\"met\">" << phrase_html("assess.met", language) << "</span>";
        } else if (row.state == RequirementState::not_met) {
            out << "<span class=\"not-met\">" << phrase_html("assess.not_met", language) << "</span>";
        } else {
            // Two labelled boxes, each described by the requirement, so a screen reader says what is ticked.
            for (const char* choice : {"met", "not-met"})
                out << "<span class=\"box\"><input type=\"checkbox\" id=\"" << id << "-" << choice << "\" aria-describedby=\"" << id
                    << "\"> <label for=\"" << id << "-" << choice << "\">"
                    << phrase_html(std::string(choice) == "met" ? "assess.met_box" : "assess.not_met_box", language) << "</label></span>";
        }
        out << "</td><td>";
        if (!row.section.empty()) {
            out << phrase_html("assess.by_esfdraft", language) << ": " << escaped(section_name(row.section, language));
            if (!row.rules.empty()) {
                out << "; " << phrase_html("column.rule", language) << " ";
                for (std::size_t i = 0; i < row.rules.size(); ++i) out << (i ? ", " : "") << "<strong>" << escaped(row.rules[i]) << "</strong>";
            }
            if (!row.note.empty()) out << "; ";
        } else if (!row.checked.empty()) {
            out << phrase_html("assess.by_esfdraft", language) << ": ";
            for (std::size_t i = 0; i < row.checked.size(); ++i) out << (i ? ", " : "") << escaped(row.checked[i]);
            if (row.state == RequirementState::not_met) {
                out << "; " << phrase_html("column.rule", language) << " ";
                for (std::size_t i = 0; i < row.rules.size(); ++i) out << (i ? ", " : "") << "<strong>" << escaped(row.rules[i]) << "</strong>";
            } else if (row.state == RequirementState::met) {
                out << "; " << phrase_html("assess.no_rule_findings", language);
            }
        } else if (row.note.empty()) {
            out << "<span class=\"for-reviewer\">" << phrase_html("assess.reviewer", language) << "</span>";
        }
        if (!row.note.empty()) out << "<span class=\"for-reviewer\">" << phrase_html(row.note, language) << "</span>";
        out << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
}

void criterion_part(std::ostringstream& out, const model::AssessmentCriterion& criterion, const AssessedApplication& assessed,
                    Language language) {
    const model::Application& app = *assessed.application;
    const std::string id = id_part(criterion.code);
    out << "<section class=\"criterion\" aria-labelledby=\"criterion-" << id << "\">\n<h3 id=\"criterion-" << id << "\">"
        << escaped(localized(criterion.name, language)) << "</h3>\n";

    out << "<h4>" << phrase_html("assess.plan_text", language) << "</h4>\n";
    if (criterion.sections.empty()) out << "<p>" << phrase_html("assess.no_sections", language) << "</p>\n";
    for (const std::string& section : criterion.sections) {
        out << "<div class=\"plan-text\">\n<h5>" << escaped(section_name(section, language)) << "</h5>\n";
        std::ostringstream content;
        if (section_content(content, app, section, language))
            out << content.str();
        else
            out << "<p><em>" << phrase_html("assess.section_missing", language) << "</em></p>\n";
        out << "</div>\n";
    }

    out << "<h4>" << phrase_html("assess.criterion_findings", language) << "</h4>\n";
    const model::Findings findings = criterion_findings(criterion, assessed.report.findings);
    if (findings.empty())
        out << "<p>" << phrase_html("text.no_findings", language) << "</p>\n";
    else
        findings_table(out, findings, assessed.report.file, language);

    if (criterion.concerns("goals")) {
        out << "<h4>" << phrase_html("assess.evidence", language) << "</h4>\n";
        evidence_trail(out, app, language);
    }

    out << "<div class=\"reviewer\">\n<h4>" << phrase_html("assess.reviewer_part", language) << ": "
        << escaped(localized(criterion.name, language)) << "</h4>\n";
    score_field(out, id, assessed.pack, language);
    comment_field(out, id, language);
    out << "</div>\n</section>\n";
}

bool reported(const model::Finding& finding) {
    return finding.severity == model::Severity::error || finding.severity == model::Severity::warning;
}

RequirementRow decided(std::string key, std::vector<std::string> checked, const model::Findings& findings,
                       const std::function<bool(const model::Finding&)>& concerns) {
    RequirementRow row;
    row.key = std::move(key);
    row.checked = std::move(checked);
    for (const model::Finding& finding : findings)
        if (reported(finding) && concerns(finding) && std::find(row.rules.begin(), row.rules.end(), finding.rule) == row.rules.end())
            row.rules.push_back(finding.rule);
    std::sort(row.rules.begin(), row.rules.end());
    row.state = row.rules.empty() ? RequirementState::met : RequirementState::not_met;
    return row;
}

RequirementRow by_rules(std::string key, std::vector<std::string> rules, const model::Findings& findings) {
    const std::vector<std::string> checked = rules;
    return decided(std::move(key), checked, findings, [rules](const model::Finding& finding) {
        return std::find(rules.begin(), rules.end(), finding.rule) != rules.end();
    });
}

}  // namespace

model::Findings criterion_findings(const model::AssessmentCriterion& criterion, const model::Findings& findings) {
    model::Findings out;
    for (const model::Finding& finding : findings)
        if (criterion.concerns(finding.section)) out.push_back(finding);
    return sorted(std::move(out));
}

std::vector<RequirementRow> formal_checklist(const AssessedApplication& assessed) {
    std::vector<RequirementRow> rows;
    const model::Findings& findings = assessed.report.findings;
    const model::Application* app = assessed.application;
    const model::RulePack* pack = assessed.pack;
    if (app && pack) {
        rows.push_back(by_rules("req.programme_fit", {"M001", "M008", "X003"}, findings));
        rows.push_back(by_rules("req.cofinancing", {"B006", "B007"}, findings));
        const model::Call* call = app->call ? pack->find_call(*app->call) : nullptr;
        if (pack->turns_on("M009") && call && !call->attachments.empty())
            rows.push_back(by_rules("req.attachments", {"M009"}, findings));
        else
            rows.push_back({"req.attachments", RequirementState::for_reviewer, {}, {}, "req.attachments_none", {}});
        if (pack->turns_on("M010")) rows.push_back(by_rules("req.applicant", {"M010"}, findings));
        for (const model::SectionRule& formal : pack->formal_sections) {
            // The section's own findings (S002 too short, S003 a placeholder, ...) decide, and so does its absence,
            // which no rule reports when the pack does not require the section.
            RequirementRow row = decided(formal.section == "fundamentalRights" ? "req.fundamental_rights" : "req.section",
                                         {}, findings, [&](const model::Finding& finding) { return finding.section == formal.section; });
            std::ostringstream content;
            if (!section_content(content, *app, formal.section, Language::sv)) {
                row.state = RequirementState::not_met;
                row.note = "assess.section_missing";
            }
            row.section = formal.section;
            rows.push_back(std::move(row));
        }
    } else {
        // Nothing esfdraft could decide: the plan did not load (or names no pack), so every row is the reviewer's.
        for (const char* key : {"req.programme_fit", "req.cofinancing", "req.attachments"})
            rows.push_back({key, RequirementState::for_reviewer, {}, {}, {}, {}});
    }
    for (const char* key : {"req.signatory", "req.debts", "req.active", "req.state_aid"})
        rows.push_back({key, RequirementState::for_reviewer, {}, {}, {}, {}});
    return rows;
}

std::string render_assessment_html(const AssessedApplication& assessed, const ReportOptions& options) {
    const Language language = options.language;
    const std::string name = assessed.report.title.empty() ? assessed.report.file : assessed.report.title;
    std::ostringstream out;
    out << "<h1>" << phrase_html("assess.heading", language) << ": " << escaped(name) << "</h1>\n<p class=\"meta\">"
        << phrase_html("assess.prepared_on", language) << " " << escaped(options.date) << ". esfdraft.</p>\n<p>"
        << phrase_html("assess.intro", language) << "</p>\n";
    facts(out, assessed, language);
    checklist(out, assessed, language);
    if (!assessed.application || !assessed.pack) {
        out << "<p>" << phrase_html("assess.not_loaded", language) << "</p>\n";
        findings_table(out, sorted(assessed.report.findings), assessed.report.file, language);
    } else {
        out << "<h2 id=\"step2\">" << phrase_html("assess.step2", language) << "</h2>\n";
        for (const model::AssessmentCriterion& criterion : assessed.pack->assessment_criteria) criterion_part(out, criterion, assessed, language);
        out << "<section class=\"reviewer\" aria-labelledby=\"overall\">\n<h2 id=\"overall\">" << phrase_html("assess.summary_part", language)
            << "</h2>\n<div class=\"field\"><label for=\"score-total\">" << phrase_html("assess.total", language)
            << "</label><input type=\"number\" id=\"score-total\" name=\"score-total\" step=\"1\" min=\"0\"></div>\n";
        comment_field(out, "overall", language);
        out << "</section>\n";
    }
    return page(phrase("assess.heading", language) + " \xE2\x80\x93 " + name, language, out.str());
}

std::string render_assessment_ranking(const std::vector<AssessedApplication>& applications, const std::vector<std::string>& failures,
                                      const ReportOptions& options) {
    const Language language = options.language;
    // One group per pack and call, in name order; plans without a call (or that did not load) under their pack's name alone.
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
        groups[key].push_back({&assessed, tally(assessed.report.findings), assessed.report.title.empty() ? assessed.report.file : assessed.report.title});
    }
    std::ostringstream out;
    out << "<h1>" << phrase_html("assess.ranking", language) << "</h1>\n<p class=\"meta\">" << phrase_html("assess.prepared_on", language)
        << " " << escaped(options.date) << ". esfdraft.</p>\n<p>" << phrase_html("assess.ranking_intro", language) << "</p>\n";
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
            << phrase_html("column.application", language) << "</th><th scope=\"col\">" << phrase_html("text.file", language) << "</th>";
        out << "<th scope=\"col\">" << phrase_html("column.errors", language) << "</th><th scope=\"col\">"
            << phrase_html("column.warnings", language) << "</th><th scope=\"col\">" << phrase_html("column.infos", language)
            << "</th><th scope=\"col\">" << phrase_html("column.verdict", language) << "</th></tr></thead>\n<tbody>\n";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const Entry& entry = entries[i];
            const bool ready = ready_to_submit(entry.assessed->report.findings, options.strict);
            out << "<tr><td class=\"number\">" << i + 1 << "</td><th scope=\"row\">" << escaped(entry.name) << "</th><td><code>"
                << escaped(entry.assessed->report.file) << "</code></td><td class=\"number\">" << entry.counts.errors
                << "</td><td class=\"number\">" << entry.counts.warnings << "</td><td class=\"number\">" << entry.counts.infos
                << "</td><td><span class=\"status " << (ready ? "complete" : "incomplete") << "\">"
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
