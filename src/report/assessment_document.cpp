// The assessment document's content, format-free (assessment.hpp): what the
// HTML page and the Word document both show, built once. The checklist's
// decisions (formal_checklist) and the findings per criterion live here too.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <stdexcept>

#include "model/values.hpp"
#include "report/assessment.hpp"
#include "report/catalogue.hpp"

namespace esfdraft::report {

namespace {

const char* const en_dash = "\xE2\x80\x93";

// The name in the document's language, the other one when that is empty.
const std::string& localized(const model::LocalizedName& name, Language language) {
    if (language == Language::en) return name.en.empty() ? name.sv : name.en;
    return name.sv.empty() ? name.en : name.sv;
}

// An id made of letters, digits and '-' only, whatever a pack's code holds.
std::string id_part(std::string_view text) {
    std::string out;
    for (char c : text) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '-';
    return out;
}

DocSpan plain(std::string text) { return {std::move(text)}; }
DocSpan strong(std::string text) { return {std::move(text), true}; }
DocSpan code(std::string text) { return {std::move(text), false, false, true}; }
DocSpan note(std::string text) { return {std::move(text), false, false, false, true}; }

DocBlock paragraph(DocSpans spans) {
    DocBlock block;
    block.spans = std::move(spans);
    return block;
}

DocBlock bullets() {
    DocBlock block;
    block.kind = DocBlock::Kind::bullet_list;
    return block;
}

// ---------------------------------------------------------------- the plan's text

DocSpans inline_spans(const model::InlineText& text) {
    DocSpans out;
    for (const model::Inline& run : text) out.push_back({run.text, run.strong, run.emphasis});
    return out;
}

void rich_blocks(DocBlocks& out, const model::RichText& text) {
    for (const model::Block& block : text.blocks) {
        if (block.kind == model::Block::Kind::paragraph) {
            out.push_back(paragraph(inline_spans(block.inlines)));
            continue;
        }
        DocBlock list;
        list.kind =
            block.kind == model::Block::Kind::bullet_list ? DocBlock::Kind::bullet_list : DocBlock::Kind::numbered_list;
        for (const model::InlineText& item : block.items) list.items.push_back({inline_spans(item), {}});
        out.push_back(std::move(list));
    }
}

bool optional_rich(DocBlocks& out, const std::optional<model::RichText>& text) {
    if (!text || text->empty()) return false;
    rich_blocks(out, *text);
    return true;
}

std::string money(model::Money ore, Language language) {
    return format_argument(model::MessageArg::of_money(ore), language);
}

std::string decimal(const model::Decimal& value) { return value.text(); }

// The content of each section with structure of its own (section_blocks).
bool target_groups_blocks(DocBlocks& out, const model::Application& app, Language language) {
    if (app.target_groups.empty()) return false;
    DocBlock list = bullets();
    for (const model::TargetGroup& group : app.target_groups) {
        DocItem item;
        item.spans.push_back(strong(group.name));
        if (group.women || group.men)
            item.spans.push_back(
                plain(" (" + phrase("assess.women", language) + " " + (group.women ? decimal(*group.women) : en_dash) +
                      ", " + phrase("assess.men", language) + " " + (group.men ? decimal(*group.men) : en_dash) + ")"));
        if (group.description) rich_blocks(item.blocks, *group.description);
        list.items.push_back(std::move(item));
    }
    out.push_back(std::move(list));
    return true;
}

bool goals_blocks(DocBlocks& out, const model::Application& app, Language language) {
    if (app.goals.empty()) return false;
    DocBlock list = bullets();
    for (const model::Goal& goal : app.goals) {
        DocItem item;
        item.spans = {strong(goal.id), plain(" (" + phrase("goal." + goal.kind, language) + "): " + goal.statement)};
        if (!goal.indicators.empty()) {
            DocBlock indicators = bullets();
            for (const model::Indicator& indicator : goal.indicators) {
                DocItem row;
                row.spans.push_back(plain(phrase("assess.indicator", language) + ": " + indicator.text + "; " +
                                          phrase("assess.target", language) + " " + decimal(indicator.target)));
                if (indicator.code) row.spans.insert(row.spans.end(), {plain(" ("), code(*indicator.code), plain(")")});
                indicators.items.push_back(std::move(row));
            }
            item.blocks.push_back(std::move(indicators));
            item.blocks_on_new_line = true;
        }
        list.items.push_back(std::move(item));
    }
    out.push_back(std::move(list));
    return true;
}

bool activities_blocks(DocBlocks& out, const model::Application& app, Language) {
    if (app.activities.empty()) return false;
    DocBlock list = bullets();
    for (const model::Activity& activity : app.activities) {
        DocItem item;
        item.spans = {strong(activity.title),
                      plain(" (" + activity.start.iso() + " " + en_dash + " " + activity.end.iso() + ")")};
        if (activity.description) rich_blocks(item.blocks, *activity.description);
        list.items.push_back(std::move(item));
    }
    out.push_back(std::move(list));
    return true;
}

bool partners_blocks(DocBlocks& out, const model::Application& app, Language) {
    if (app.partners.empty()) return false;
    DocBlock list = bullets();
    for (const model::Partner& partner : app.partners) {
        DocItem item;
        item.spans.push_back(strong(partner.name));
        if (!partner.role.empty()) item.spans.push_back(plain(": " + partner.role));
        if (partner.org_number) item.spans.push_back(plain(" (" + *partner.org_number + ")"));
        list.items.push_back(std::move(item));
    }
    out.push_back(std::move(list));
    return true;
}

bool accessibility_blocks(DocBlocks& out, const model::Application& app, Language) {
    if (!app.accessibility) return false;
    bool any = false;
    for (const auto* part :
         {&app.accessibility->physical, &app.accessibility->information, &app.accessibility->participation})
        any = optional_rich(out, *part) || any;
    return any;
}

bool risk_analysis_blocks(DocBlocks& out, const model::Application& app, Language language) {
    if (!app.risk_analysis) return false;
    rich_blocks(out, app.risk_analysis->introduction);
    if (!app.risk_analysis->risks.empty()) {
        DocBlock list = bullets();
        for (const model::Risk& risk : app.risk_analysis->risks)
            list.items.push_back(
                {{plain(risk.description + " (" + phrase("assess.likelihood", language) + " " + risk.likelihood + ", " +
                        phrase("assess.impact", language) + " " + risk.impact + "). " +
                        phrase("assess.measure", language) + ": " + risk.measure)},
                 {}});
        out.push_back(std::move(list));
    }
    return true;
}

bool project_logic_blocks(DocBlocks& out, const model::Application& app, Language) {
    if (!app.project_logic) return false;
    rich_blocks(out, app.project_logic->introduction);
    for (const model::LogicStep& step : app.project_logic->steps) {
        out.push_back(paragraph({strong(step.kind)}));
        rich_blocks(out, step.text);
    }
    return true;
}

bool attachments_blocks(DocBlocks& out, const model::Application& app, Language) {
    if (!app.attachments || app.attachments->empty()) return false;
    DocBlock list = bullets();
    for (const model::Attachment& attachment : *app.attachments)
        list.items.push_back({{plain(attachment.title + " ("), code(attachment.kind), plain(")")}, {}});
    out.push_back(std::move(list));
    return true;
}

bool budget_blocks(DocBlocks& out, const model::Application& app, Language language) {
    // What it says is costs and financing: income alone gives nothing to say (not Budget::has_lines()).
    if (app.budget.costs.empty() && app.budget.financing.empty()) return false;
    // The sums throw on overflow; an overflowing budget is B-reported already, so show what can be shown.
    try {
        out.push_back(paragraph({plain(
            phrase("assess.costs", language) + ": " + money(app.budget.total_costs(), language) + ". " +
            phrase("assess.financing", language) + ": " + money(app.budget.total_financing(), language) + ", " +
            phrase("assess.esf", language) + " " + money(app.budget.financing_of_kind("esf"), language) + ".")}));
    } catch (const std::overflow_error&) {
        return false;
    }
    return true;
}

// Appends the section's content and returns true, or appends nothing and
// returns false when the plan does not have it.
bool section_blocks(DocBlocks& out, const model::Application& app, const std::string& section, Language language) {
    if (section == "summary") {
        const model::Summary* summary = app.main_summary();
        if (!summary || summary->text.empty()) return false;
        rich_blocks(out, summary->text);
        return true;
    }
    if (const std::optional<model::RichText>* text = model::rich_section(app, section))
        return optional_rich(out, *text);
    static const std::map<std::string_view, bool (*)(DocBlocks&, const model::Application&, Language)> writers = {
        {"targetGroups", target_groups_blocks},
        {"goals", goals_blocks},
        {"activities", activities_blocks},
        {"partners", partners_blocks},
        {"accessibility", accessibility_blocks},
        {"riskAnalysis", risk_analysis_blocks},
        {"projectLogic", project_logic_blocks},
        {"attachments", attachments_blocks},
        {"budget", budget_blocks},
    };
    const auto writer = writers.find(section);
    return writer != writers.end() && writer->second(out, app, language);
}

// ---------------------------------------------------------------- findings and evidence

std::vector<FindingRow> finding_rows(const model::Findings& findings, const std::string& file, Language language) {
    std::vector<FindingRow> rows;
    for (const model::Finding& finding : findings) {
        FindingRow row;
        row.severity = std::string(model::to_string(finding.severity));
        row.severity_words = phrase("severity." + row.severity, language);
        row.rule = finding.rule;
        row.message = message_text(finding, language);
        if (finding.where.file == file && finding.where.line > 0) {
            row.location = phrase("text.line", language) + "\xC2\xA0" + std::to_string(finding.where.line);
        } else {
            row.location = finding.where.file;
            row.location_is_file = true;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

DocBlocks evidence_trail(const model::Application& app, Language language) {
    DocBlocks out;
    if (!app.findings) {
        out.push_back(paragraph({plain(phrase("assess.no_findings_file", language))}));
        return out;
    }
    for (const model::Goal& goal : app.goals) {
        if (goal.basis.empty()) continue;
        out.push_back(
            paragraph({strong(phrase("assess.goal", language) + " " + goal.id), plain(": " + goal.statement)}));
        DocBlock list = bullets();
        for (const model::GoalBasis& basis : goal.basis) {
            DocItem item;
            item.spans = {plain(phrase("assess.builds_on", language) + " "), strong(basis.finding_id)};
            const model::StudyFinding* found = app.findings->find(basis.finding_id);
            if (!found) {
                item.spans.push_back(plain(", " + phrase("assess.unknown_finding", language)));
                list.items.push_back(std::move(item));
                continue;
            }
            item.spans.push_back(plain(": " + found->statement));
            if (!found->evidence.empty()) {
                DocBlock evidence_list = bullets();
                for (const model::Evidence& evidence : found->evidence) {
                    std::string text = phrase("evidence." + evidence.kind, language);
                    std::vector<std::string> figures;
                    if (evidence.respondents)
                        figures.push_back(std::to_string(*evidence.respondents) + " " +
                                          phrase("assess.respondents", language));
                    if (evidence.share)
                        figures.push_back(format_argument(
                            model::MessageArg::of_percent_hundredths(evidence.share->micros / 100), language));
                    if (!figures.empty()) {
                        text += " (" + model::join(figures) + ")";
                    }
                    evidence_list.items.push_back({{plain(text + ": " + evidence.text)}, {}});
                }
                item.blocks.push_back(std::move(evidence_list));
                item.blocks_on_new_line = true;
            }
            list.items.push_back(std::move(item));
        }
        out.push_back(std::move(list));
    }
    if (out.empty()) out.push_back(paragraph({plain(phrase("assess.no_evidence", language))}));
    return out;
}

// ---------------------------------------------------------------- the checklist

void rule_list(DocSpans& out, const std::vector<std::string>& rules, Language language) {
    out.push_back(plain("; " + phrase("column.rule", language) + " "));
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (i) out.push_back(plain(", "));
        out.push_back(strong(rules[i]));
    }
}

DocSpans basis_of(const RequirementRow& row, Language language) {
    DocSpans out;
    if (!row.section.empty()) {
        out.push_back(plain(phrase("assess.by_esfdraft", language) + ": " + section_name(row.section, language)));
        if (!row.rules.empty()) rule_list(out, row.rules, language);
        if (!row.note.empty()) out.push_back(plain("; "));
    } else if (!row.checked.empty()) {
        const std::string checked = phrase("assess.by_esfdraft", language) + ": " + model::join(row.checked);
        out.push_back(plain(checked));
        if (row.state == RequirementState::not_met)
            rule_list(out, row.rules, language);
        else if (row.state == RequirementState::met)
            out.push_back(plain("; " + phrase("assess.no_rule_findings", language)));
    } else if (row.note.empty()) {
        out.push_back(note(phrase("assess.reviewer", language)));
    }
    if (!row.note.empty()) out.push_back(note(phrase(row.note, language)));
    return out;
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
        if (reported(finding) && concerns(finding) &&
            std::find(row.rules.begin(), row.rules.end(), finding.rule) == row.rules.end())
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

CriterionPart criterion_part(const model::AssessmentCriterion& criterion, const AssessedApplication& assessed,
                             Language language) {
    const model::Application& app = *assessed.application;
    CriterionPart part;
    part.code = criterion.code;
    part.id = id_part(criterion.code);
    part.name = localized(criterion.name, language);
    for (const std::string& section : criterion.sections) {
        PlanSection shown;
        shown.name = section_name(section, language);
        shown.present = section_blocks(shown.content, app, section, language);
        if (!shown.present) shown.content.clear();
        part.sections.push_back(std::move(shown));
    }
    part.findings =
        finding_rows(criterion_findings(criterion, assessed.report.findings), assessed.report.file, language);
    part.has_evidence = criterion.concerns("goals");
    if (part.has_evidence) part.evidence = evidence_trail(app, language);
    return part;
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
            RequirementRow row =
                decided(formal.section == "fundamentalRights" ? "req.fundamental_rights" : "req.section", {}, findings,
                        [&](const model::Finding& finding) { return finding.section == formal.section; });
            DocBlocks content;
            if (!section_blocks(content, *app, formal.section, Language::sv)) {
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

AssessmentDocument describe_assessment(const AssessedApplication& assessed, const ReportOptions& options) {
    const Language language = options.language;
    AssessmentDocument doc;
    doc.name = assessed.report.title.empty() ? assessed.report.file : assessed.report.title;
    doc.date = options.date;
    const auto fact = [&](std::string_view key, std::string value) {
        doc.facts.emplace_back(phrase(key, language), std::move(value));
    };
    fact("text.file", assessed.report.file);
    if (const model::Application* app = assessed.application) {
        fact("assess.programme", assessed.pack ? localized(assessed.pack->title, language) : app->programme);
        const model::Call* call = assessed.pack && app->call ? assessed.pack->find_call(*app->call) : nullptr;
        fact("assess.call", call        ? localized(call->title, language) + " (" + call->name + ")"
                            : app->call ? *app->call
                                        : phrase("assess.no_call", language));
        const model::ProgrammeArea* area =
            assessed.pack ? assessed.pack->find_area(app->project.programme_area.value) : nullptr;
        fact("assess.area",
             area ? area->code + " " + localized(area->name, language) : app->project.programme_area.value);
        const model::PhaseRules* phase = assessed.pack ? assessed.pack->find_phase(app->project.phase.value) : nullptr;
        fact("assess.phase", phase ? localized(phase->name, language) : app->project.phase.value);
        fact("assess.owner", app->project.owner.name);
        fact("assess.period", app->project.period.start.iso() + " " + en_dash + " " + app->project.period.end.iso());
        if (app->project.case_number) doc.case_number = app->project.case_number->value;
    }
    doc.ready = ready_to_submit(assessed.report.findings, false);
    doc.verdict = phrase(doc.ready ? "verdict.ready" : "verdict.not_ready", language);
    doc.counts = count_phrase(tally(assessed.report.findings), language);

    for (RequirementRow& row : formal_checklist(assessed)) {
        ChecklistEntry entry;
        entry.id = "req-" + id_part(row.section.empty() ? row.key.substr(4) : row.section);
        entry.requirement = phrase(row.key, language);
        if (row.key == "req.section") entry.requirement += " " + section_name(row.section, language);
        entry.basis = basis_of(row, language);
        entry.row = std::move(row);
        doc.checklist.push_back(std::move(entry));
    }

    doc.loaded = assessed.application && assessed.pack;
    if (!doc.loaded) {
        doc.all_findings = finding_rows(sorted(assessed.report.findings), assessed.report.file, language);
        return doc;
    }
    for (const model::AssessmentCriterion& criterion : assessed.pack->assessment_criteria)
        doc.criteria.push_back(criterion_part(criterion, assessed, language));
    doc.scale = assessed.pack->score_scale;
    if (doc.scale) doc.scale_text = std::to_string(doc.scale->min) + en_dash + std::to_string(doc.scale->max);
    return doc;
}

}  // namespace esfdraft::report
