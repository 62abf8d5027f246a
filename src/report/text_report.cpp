#include <algorithm>
#include <sstream>

#include "report/report.hpp"

namespace esfdraft::report {

namespace {

std::string location_prefix(const model::SourceLocation& where) {
    std::string out = where.file;
    if (where.line > 0) {
        out += ":" + std::to_string(where.line);
        if (where.column > 0) out += ":" + std::to_string(where.column);
    }
    return out;
}

std::string severity_word(model::Severity severity, Language language) {
    // Compiler-style words stay English in both languages so editors and CI
    // can parse the lines; the message itself is in the report language.
    (void)language;
    return std::string(model::to_string(severity));
}

std::string count_phrase(const Tally& counts, Language language) {
    std::ostringstream out;
    if (language == Language::sv)
        out << counts.errors << (counts.errors == 1 ? " fel, " : " fel, ") << counts.warnings
            << (counts.warnings == 1 ? " varning, " : " varningar, ") << counts.infos << (counts.infos == 1 ? " tips" : " tips");
    else
        out << counts.errors << (counts.errors == 1 ? " error, " : " errors, ") << counts.warnings
            << (counts.warnings == 1 ? " warning, " : " warnings, ") << counts.infos << (counts.infos == 1 ? " hint" : " hints");
    return out.str();
}

std::string verdict_text(bool ready, Language language) {
    if (language == Language::sv) return ready ? "klar att lämna in" : "inte klar att lämna in";
    return ready ? "ready to submit" : "not ready to submit";
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

std::string render_text(const std::vector<ApplicationReport>& applications, const ReportOptions& options) {
    std::ostringstream out;
    const Language language = options.language;
    for (const ApplicationReport& application : applications) {
        for (const model::Finding& finding : sorted(application.findings))
            out << location_prefix(finding.where) << ": " << severity_word(finding.severity, language) << ": "
                << message_text(finding, language) << " [" << finding.rule << "]\n";
        const bool ready = ready_to_submit(application.findings, options.strict);
        out << application.file << ": " << count_phrase(tally(application.findings), language) << " \xE2\x80\x94 "
            << verdict_text(ready, language) << "\n";
    }
    if (applications.size() > 1) {
        out << "\n" << (language == Language::sv ? "Sammanställning" : "Summary") << "\n";
        for (const ApplicationReport& application : applications) {
            const Tally counts = tally(application.findings);
            out << "  " << application.file << "  " << count_phrase(counts, language) << "  "
                << verdict_text(ready_to_submit(application.findings, options.strict), language) << "\n";
        }
    }
    return out.str();
}

}  // namespace esfdraft::report
