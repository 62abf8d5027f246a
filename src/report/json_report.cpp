#include <sstream>

#include "report/report.hpp"

namespace esfdraft::report {

namespace {

// JSON string escaping for UTF-8 text (control characters as \u00XX).
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned int>(c));
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

}  // namespace

std::string render_json(const std::vector<ApplicationReport>& applications, const ReportOptions& options) {
    std::ostringstream out;
    const char* lang = options.language == Language::sv ? "sv" : "en";
    out << "{\n  \"tool\": \"esfdraft\",\n  \"formatVersion\": 1,\n  \"lang\": " << quoted(lang)
        << ",\n  \"date\": " << quoted(options.date) << ",\n  \"strict\": " << (options.strict ? "true" : "false")
        << ",\n  \"applications\": [";
    for (std::size_t a = 0; a < applications.size(); ++a) {
        const ApplicationReport& application = applications[a];
        const Tally counts = tally(application.findings);
        out << (a ? "," : "") << "\n    {\n      \"file\": " << quoted(application.file) << ",\n      \"title\": "
            << quoted(application.title) << ",\n      \"readyToSubmit\": "
            << (ready_to_submit(application.findings, options.strict) ? "true" : "false") << ",\n      \"counts\": {\"error\": "
            << counts.errors << ", \"warning\": " << counts.warnings << ", \"info\": " << counts.infos
            << "},\n      \"findings\": [";
        const model::Findings findings = sorted(application.findings);
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const model::Finding& finding = findings[i];
            out << (i ? "," : "") << "\n        {\"rule\": " << quoted(finding.rule) << ", \"severity\": "
                << quoted(model::to_string(finding.severity)) << ", \"section\": " << quoted(finding.section)
                << ", \"message\": " << quoted(message_text(finding, options.language)) << ", \"file\": "
                << quoted(finding.where.file) << ", \"line\": " << finding.where.line << ", \"column\": "
                << finding.where.column << ", \"path\": " << quoted(finding.where.path) << "}";
        }
        out << (findings.empty() ? "]" : "\n      ]") << "\n    }";
    }
    out << (applications.empty() ? "]" : "\n  ]") << "\n}\n";
    return out.str();
}

}  // namespace esfdraft::report
