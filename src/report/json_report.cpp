// The JSON report; its shape is described by schemas/report.schema.json.
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

std::string counts_object(const Tally& counts) {
    return "{\"error\": " + std::to_string(counts.errors) + ", \"warning\": " + std::to_string(counts.warnings) +
           ", \"info\": " + std::to_string(counts.infos) + "}";
}

std::string_view kind_name(model::MessageArg::Kind kind) {
    switch (kind) {
        case model::MessageArg::Kind::text: return "text";
        case model::MessageArg::Kind::money: return "money";
        case model::MessageArg::Kind::number: return "number";
        case model::MessageArg::Kind::date: return "date";
        case model::MessageArg::Kind::percent: return "percent";
    }
    return "text";
}

// The typed arguments, for tools that want the numbers rather than the text:
// money in öre, percent in hundredths of a per cent.
std::string args_object(const model::Finding& finding) {
    std::string out = "{";
    for (std::size_t i = 0; i < finding.args.size(); ++i) {
        const auto& [name, value] = finding.args[i];
        out += (i ? ", " : "") + quoted(name) + ": {\"kind\": " + quoted(kind_name(value.kind)) + ", \"value\": ";
        const bool textual = value.kind == model::MessageArg::Kind::text || value.kind == model::MessageArg::Kind::date;
        out += textual ? quoted(value.text) : std::to_string(value.number);
        out += "}";
    }
    return out + "}";
}

// A share in hundredths of a per cent as a decimal fraction: 4599 -> 0.4599, 10000 -> 1.
std::string decimal_share(model::ShareHundredths hundredths) {
    const bool negative = hundredths < 0;
    const model::ShareHundredths magnitude = negative ? -hundredths : hundredths;
    std::string out = (negative ? "-" : "") + std::to_string(magnitude / 10000);
    std::string fraction = std::to_string(magnitude % 10000);
    fraction.insert(0, 4 - fraction.size(), '0');
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    return fraction.empty() ? out : out + "." + fraction;
}

// {"amount": öre, "of": öre, "share": 0.5, "limit": {...}}
std::string share_object(const KeyShare& share) {
    std::string out = "{\"amount\": " + std::to_string(share.part) + ", \"of\": " + std::to_string(share.whole) +
                      ", \"share\": " + decimal_share(share.hundredths);
    if (share.limit)
        out += ", \"limit\": {\"type\": " + quoted(share.limit->maximum ? "maximum" : "minimum") +
               ", \"share\": " + decimal_share(share.limit->value) + ", \"setBy\": " + quoted(share.limit->set_by) +
               ", \"within\": " + (share.limit->within ? "true" : "false") + "}";
    return out + "}";
}

std::string key_figures_object(const KeyFigures& figures) {
    std::string out = "{\"totalCosts\": " + std::to_string(figures.total_costs) + ", \"income\": " + std::to_string(figures.income) +
                      ", \"eligibleCosts\": " + std::to_string(figures.eligible_costs) +
                      ",\n        \"esf\": " + share_object(figures.esf_share) +
                      ",\n        \"cofinancing\": " + share_object(figures.cofinancing_share);
    if (figures.indirect_share) out += ",\n        \"indirectCosts\": " + share_object(*figures.indirect_share);
    return out + "}";
}

std::string terms_object(const AppliedTerms& terms, Language language) {
    const bool named = !terms.name.sv.empty() || !terms.name.en.empty();
    return "{\"id\": " + quoted(terms.id) + ", \"name\": " + quoted(named ? terms_name(terms, language) : std::string()) + "}";
}

}  // namespace

std::string render_json(const std::vector<ApplicationReport>& applications, const ReportOptions& options) {
    std::ostringstream out;
    const Language language = options.language;
    bool all_ready = true;
    for (const ApplicationReport& application : applications)
        all_ready = all_ready && ready_to_submit(application.findings, options.strict);
    out << "{\n  \"tool\": \"esfdraft\",\n  \"formatVersion\": 1,\n";
    if (!options.tool_version.empty()) out << "  \"toolVersion\": " << quoted(options.tool_version) << ",\n";
    out << "  \"lang\": " << quoted(language_code(language))
        << ",\n  \"date\": " << quoted(options.date) << ",\n  \"strict\": " << (options.strict ? "true" : "false")
        << ",\n  \"readyToSubmit\": " << (all_ready ? "true" : "false") << ",\n  \"applications\": [";
    for (std::size_t a = 0; a < applications.size(); ++a) {
        const ApplicationReport& application = applications[a];
        const bool ready = ready_to_submit(application.findings, options.strict);
        out << (a ? "," : "") << "\n    {\n      \"file\": " << quoted(application.file) << ",\n      \"title\": "
            << quoted(application.title) << ",\n      \"readyToSubmit\": " << (ready ? "true" : "false")
            << ",\n      \"verdict\": " << quoted(phrase(ready ? "verdict.ready" : "verdict.not_ready", language))
            << ",\n      \"counts\": " << counts_object(tally(application.findings));
        if (application.pack) out << ",\n      \"pack\": " << terms_object(*application.pack, language);
        if (application.call) out << ",\n      \"call\": " << terms_object(*application.call, language);
        if (application.key_figures) out << ",\n      \"keyFigures\": " << key_figures_object(*application.key_figures);
        out << ",\n      \"sections\": [";
        const std::vector<SectionSummary> sections = section_summary(application, options.strict);
        for (std::size_t s = 0; s < sections.size(); ++s) {
            const SectionSummary& section = sections[s];
            out << (s ? "," : "") << "\n        {\"section\": " << quoted(section.section)
                << ", \"name\": " << quoted(section_name(section.section, language, application.programme))
                << ", \"status\": " << quoted(to_string(section.status))
                << ", \"statusText\": " << quoted(status_text(section.status, language))
                << ", \"counts\": " << counts_object(section.counts) << "}";
        }
        out << (sections.empty() ? "]" : "\n      ]") << ",\n      \"findings\": [";
        const model::Findings findings = sorted(application.findings);
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const model::Finding& finding = findings[i];
            out << (i ? "," : "") << "\n        {\"rule\": " << quoted(finding.rule) << ", \"severity\": "
                << quoted(model::to_string(finding.severity)) << ", \"section\": " << quoted(finding.section)
                << ", \"messageId\": " << quoted(finding.message_id)
                << ", \"message\": " << quoted(message_text(finding, language)) << ", \"file\": "
                << quoted(finding.where.file) << ", \"line\": " << finding.where.line << ", \"column\": "
                << finding.where.column << ", \"path\": " << quoted(finding.where.path)
                << ", \"args\": " << args_object(finding) << "}";
        }
        out << (findings.empty() ? "]" : "\n      ]") << "\n    }";
    }
    out << (applications.empty() ? "]" : "\n  ]") << "\n}\n";
    return out.str();
}

}  // namespace esfdraft::report
