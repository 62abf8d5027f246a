// The text report: compiler-style lines an editor or CI can jump to, then
// per application the section summary and the verdict.
#include <algorithm>
#include <sstream>

#include "model/utf8.hpp"
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

// Compiler-style severity words stay English in both languages so editors
// and CI can parse the lines; the message itself is in the report language.
std::string_view severity_word(model::Severity severity) { return model::to_string(severity); }

// Only the counts that are not zero: "(1 fel, 2 varningar)".
std::string short_count_phrase(const Tally& counts, Language language) {
    std::string out;
    auto add = [&](int count, const char* sv_one, const char* sv_many, const char* en_one, const char* en_many) {
        if (count == 0) return;
        if (!out.empty()) out += ", ";
        out += std::to_string(count) + " " +
               (language == Language::sv ? (count == 1 ? sv_one : sv_many) : (count == 1 ? en_one : en_many));
    };
    add(counts.errors, "fel", "fel", "error", "errors");
    add(counts.warnings, "varning", "varningar", "warning", "warnings");
    add(counts.infos, "tips", "tips", "hint", "hints");
    return out.empty() ? out : " (" + out + ")";
}

std::string verdict_text(bool ready, Language language) {
    return phrase(ready ? "verdict.ready" : "verdict.not_ready", language);
}

// Display width in characters.
std::size_t width(std::string_view text) { return model::character_count(text); }

std::string padded(const std::string& text, std::size_t columns) {
    const std::size_t used = width(text);
    return used >= columns ? text + " " : text + std::string(columns - used, ' ');
}

// "2 fel (B005, S001), 1 varning (S006), 0 tips": count_phrase with the
// distinct rule ids of each severity, so a batch summary says what to fix.
std::string count_phrase_with_rules(const model::Findings& findings, Language language) {
    const Tally counts = tally(findings);
    const auto rules_of = [&](model::Severity severity) {
        std::vector<std::string> ids;
        for (const model::Finding& finding : findings)
            if (finding.severity == severity) ids.push_back(finding.rule);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        std::string out;
        for (const std::string& id : ids) out += (out.empty() ? " (" : ", ") + id;
        return out.empty() ? out : out + ")";
    };
    const bool sv = language == Language::sv;
    const auto part = [&](int count, model::Severity severity, const char* sv_one, const char* sv_many,
                          const char* en_one, const char* en_many) {
        return std::to_string(count) + " " + (sv ? (count == 1 ? sv_one : sv_many) : (count == 1 ? en_one : en_many)) +
               rules_of(severity);
    };
    return part(counts.errors, model::Severity::error, "fel", "fel", "error", "errors") + ", " +
           part(counts.warnings, model::Severity::warning, "varning", "varningar", "warning", "warnings") + ", " +
           part(counts.infos, model::Severity::info, "tips", "tips", "hint", "hints");
}

std::string money_text(model::Money amount, Language language) {
    return format_argument(model::MessageArg::of_money(amount), language);
}

// "1 005 000 kr = 50 % av stödberättigande kostnad (högst 50 %, ovre-norrland-2009): inom gränsen"
std::string share_line(model::Money amount, const KeyShare& share, const char* of_key, Language language) {
    std::string out =
        money_text(amount, language) + " = " + share_text(share, language) + " " + phrase(of_key, language);
    if (share.limit)
        out += " (" + limit_text(*share.limit, language) + ", " + share.limit->set_by +
               "): " + limit_status_text(*share.limit, language);
    return out;
}

// The key figures under "file: Nyckeltal", then the pack and call; only the
// pack and call when the plan has no budget.
void key_figures_block(std::ostringstream& out, const ApplicationReport& application, const std::string& file,
                       Language language) {
    const std::vector<std::string> terms = applied_terms_lines(application, language);
    if (!application.key_figures) {
        for (const std::string& line : terms) out << file << ": " << printable(line) << "\n";
        return;
    }
    const KeyFigures& figures = *application.key_figures;
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(phrase("figures.total_costs", language), money_text(figures.total_costs, language));
    if (figures.income != 0) {
        rows.emplace_back(phrase("figures.income", language), money_text(figures.income, language));
        rows.emplace_back(phrase("figures.eligible_costs", language), money_text(figures.eligible_costs, language));
    }
    rows.emplace_back(phrase("figures.esf", language),
                      share_line(figures.esf, figures.esf_share, "figures.of_eligible", language));
    rows.emplace_back(phrase("figures.cofinancing", language),
                      share_line(figures.cofinancing, figures.cofinancing_share, "figures.of_eligible", language));
    if (figures.indirect_share)
        rows.emplace_back(
            phrase("figures.indirect", language),
            share_line(figures.indirect_share->part, *figures.indirect_share, "figures.of_staff", language));
    std::size_t label_columns = 0;
    for (const auto& row : rows) label_columns = std::max(label_columns, width(row.first));
    out << file << ": " << phrase("figures.heading", language) << "\n";
    for (const auto& [label, value] : rows) out << "  " << padded(label, label_columns + 2) << printable(value) << "\n";
    for (const std::string& line : terms) out << "  " << printable(line) << "\n";
}

}  // namespace

std::string render_text_summary(const std::vector<ApplicationReport>& applications, const ReportOptions& options) {
    std::ostringstream out;
    for (const ApplicationReport& application : applications)
        out << printable(application.file) << ": " << count_phrase_with_rules(application.findings, options.language)
            << " \xE2\x80\x94 " << verdict_text(ready_to_submit(application.findings, options.strict), options.language)
            << "\n";
    return out.str();
}

std::string render_text(const std::vector<ApplicationReport>& applications, const ReportOptions& options) {
    std::ostringstream out;
    const Language language = options.language;
    for (std::size_t index = 0; index < applications.size(); ++index) {
        const ApplicationReport& application = applications[index];
        if (index > 0) out << "\n";
        for (const model::Finding& finding : sorted(application.findings))
            out << printable(location_prefix(finding.where)) << ": " << severity_word(finding.severity) << ": "
                << printable(message_text(finding, language)) << " [" << finding.rule << "]\n";

        const std::vector<SectionSummary> sections = section_summary(application, options.strict);
        std::size_t name_columns = 0;
        for (const SectionSummary& section : sections)
            name_columns =
                std::max(name_columns, width(section_name(section.section, language, application.programme)));
        const std::string file = printable(application.file);
        out << file << ": " << phrase("heading.sections", language) << "\n";
        for (const SectionSummary& section : sections)
            out << "  " << padded(section_name(section.section, language, application.programme), name_columns + 2)
                << status_text(section.status, language) << short_count_phrase(section.counts, language) << "\n";
        key_figures_block(out, application, file, language);

        const bool ready = ready_to_submit(application.findings, options.strict);
        out << file << ": " << count_phrase(tally(application.findings), language) << " \xE2\x80\x94 "
            << verdict_text(ready, language) << "\n";
    }
    if (applications.size() > 1) {
        std::size_t file_columns = 0;
        for (const ApplicationReport& application : applications)
            file_columns = std::max(file_columns, width(printable(application.file)));
        out << "\n" << phrase("heading.summary", language) << "\n";
        for (const ApplicationReport& application : applications)
            out << "  " << padded(printable(application.file), file_columns + 2)
                << count_phrase_with_rules(application.findings, language) << "  "
                << verdict_text(ready_to_submit(application.findings, options.strict), language) << "\n";
    }
    if (const std::string made = made_with_text(options); !made.empty()) out << "\n" << printable(made) << "\n";
    return out.str();
}

}  // namespace esfdraft::report
