// What every format shares: counts, the verdict, the order of findings and
// the per-section summary.
#include <algorithm>
#include <sstream>

#include "report/report.hpp"

namespace esfdraft::report {

namespace {

// "file" (the file itself), the project facts, the plan's sections, then the findings file.
int section_rank(std::string_view section) {
    if (section == "file") return 0;
    if (section == "project") return 1;
    const std::vector<std::string>& order = model::plan_sections();
    const auto it = std::find(order.begin(), order.end(), section);
    if (it != order.end()) return 2 + static_cast<int>(it - order.begin());
    if (section == "findings") return 2 + static_cast<int>(order.size());
    return 3 + static_cast<int>(order.size());  // unknown sections go last, in the order met
}

}  // namespace

Tally tally(const model::Findings& findings) {
    Tally counts;
    for (const model::Finding& finding : findings) {
        switch (finding.severity) {
            case model::Severity::error: ++counts.errors; break;
            case model::Severity::warning: ++counts.warnings; break;
            case model::Severity::info: ++counts.infos; break;
        }
    }
    return counts;
}

bool ready_to_submit(const model::Findings& findings, bool strict) {
    const Tally counts = tally(findings);
    return counts.errors == 0 && (!strict || counts.warnings == 0);
}

model::Findings sorted(model::Findings findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const model::Finding& a, const model::Finding& b) {
        if (a.where.file != b.where.file) return a.where.file < b.where.file;
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        if (a.where.column != b.where.column) return a.where.column < b.where.column;
        return a.rule < b.rule;
    });
    return findings;
}

std::string count_phrase(const Tally& counts, Language language) {
    std::ostringstream out;
    if (language == Language::sv)
        out << counts.errors << " fel, " << counts.warnings << (counts.warnings == 1 ? " varning, " : " varningar, ")
            << counts.infos << " tips";
    else
        out << counts.errors << (counts.errors == 1 ? " error, " : " errors, ") << counts.warnings
            << (counts.warnings == 1 ? " warning, " : " warnings, ") << counts.infos
            << (counts.infos == 1 ? " hint" : " hints");
    return out.str();
}

std::string_view to_string(SectionStatus status) {
    switch (status) {
        case SectionStatus::complete: return "complete";
        case SectionStatus::needs_attention: return "needs-attention";
        case SectionStatus::incomplete: return "incomplete";
    }
    return "incomplete";
}

std::string status_text(SectionStatus status, Language language) {
    switch (status) {
        case SectionStatus::complete: return phrase("status.complete", language);
        case SectionStatus::needs_attention: return phrase("status.needs_attention", language);
        case SectionStatus::incomplete: return phrase("status.incomplete", language);
    }
    return phrase("status.incomplete", language);
}

std::string limit_status_text(const ShareLimit& limit, Language language) {
    return phrase(limit.within ? "figures.within" : limit.maximum ? "figures.above" : "figures.below", language);
}

std::string terms_name(const AppliedTerms& terms, Language language) {
    const std::string& name = language == Language::sv ? terms.name.sv : terms.name.en;
    if (!name.empty()) return name;
    const std::string& other = language == Language::sv ? terms.name.en : terms.name.sv;
    return other.empty() ? terms.id : other;
}

std::vector<std::string> applied_terms_lines(const ApplicationReport& application, Language language) {
    std::vector<std::string> out;
    const auto named = [&](const AppliedTerms& terms) {
        const std::string name = terms_name(terms, language);
        return terms.id + (name == terms.id ? std::string() : " (" + name + ")");
    };
    if (application.pack) out.push_back(phrase("figures.pack", language) + ": " + named(*application.pack));
    if (application.call) {
        const bool known = !application.call->name.sv.empty() || !application.call->name.en.empty();
        out.push_back(phrase("figures.call", language) + ": " +
                      (known ? named(*application.call)
                             : application.call->id + " (" + phrase("figures.unknown_call", language) + ")"));
    }
    return out;
}

std::string made_with_text(const ReportOptions& options) {
    if (options.tool_version.empty()) return {};
    std::string out = phrase("text.made_with", options.language);
    const auto put = [&](std::string_view name, const std::string& value) {
        const std::size_t at = out.find(name);
        if (at != std::string::npos) out.replace(at, name.size(), value);
    };
    put("{version}", options.tool_version);
    if (options.date.empty()) return "esfdraft " + options.tool_version;
    put("{date}", options.date);
    return out;
}

std::vector<SectionSummary> section_summary(const ApplicationReport& application, bool strict) {
    std::vector<std::string> names = application.sections;
    for (const model::Finding& finding : application.findings)
        if (std::find(names.begin(), names.end(), finding.section) == names.end()) names.push_back(finding.section);
    std::stable_sort(names.begin(), names.end(),
                     [](const std::string& a, const std::string& b) { return section_rank(a) < section_rank(b); });

    std::vector<SectionSummary> summary;
    for (const std::string& name : names) {
        SectionSummary entry;
        entry.section = name;
        model::Findings in_section;
        for (const model::Finding& finding : application.findings)
            if (finding.section == name) in_section.push_back(finding);
        entry.counts = tally(in_section);
        const bool failing = entry.counts.errors > 0 || (strict && entry.counts.warnings > 0);
        entry.status = failing              ? SectionStatus::incomplete
                       : in_section.empty() ? SectionStatus::complete
                                            : SectionStatus::needs_attention;
        summary.push_back(std::move(entry));
    }
    return summary;
}

}  // namespace esfdraft::report
