// The HTML report: one standalone page a reviewer opens, prints and reads
// with a screen reader. Real headings, tables with header cells and scope,
// the language declared, severity said in words (never by colour alone),
// colours with a contrast ratio of at least 7:1 on white, no script, and a
// print style sheet.
#include <sstream>

#include "report/html_page.hpp"
#include "report/report.hpp"

namespace esfdraft::report {

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

std::string escaped(std::string_view text) { return escape_html(text); }

const char* const style_sheet = R"(
  :root { color: #1a1a1a; background: #ffffff; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; line-height: 1.45; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  h1 { font-size: 1.7rem; margin-bottom: 0.3rem; }
  h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; }
  h3 { font-size: 1.1rem; margin-top: 1.6rem; }
  h4 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
  table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; }
  caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
  th, td { border: 1px solid #595959; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
  thead th { background: #e8e8e8; }
  tbody th { font-weight: normal; }
  td.number { text-align: right; }
  td.location { width: 13rem; }
  code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.9em; overflow-wrap: anywhere; }
  .verdict { font-size: 1.1rem; padding: 0.5rem 0.8rem; border: 2px solid; display: inline-block; }
  .ready { color: #0b5d1e; border-color: #0b5d1e; }
  .not-ready { color: #9b1c1c; border-color: #9b1c1c; }
  .severity, .status { font-weight: bold; white-space: nowrap; }
  .error, .incomplete { color: #9b1c1c; }
  .warning, .needs-attention { color: #6b4100; }
  .info { color: #1d4f91; }
  .complete { color: #0b5d1e; }
  .meta, .legend { color: #3d3d3d; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; }
    h2 { page-break-before: auto; page-break-after: avoid; }
    h3, h4 { page-break-after: avoid; }
    tr, .verdict { page-break-inside: avoid; }
    thead { display: table-header-group; }
  }
)";

std::string location_text(const model::SourceLocation& where) {
    std::string out = where.file;
    if (where.line > 0) {
        out += ":" + std::to_string(where.line);
        if (where.column > 0) out += ":" + std::to_string(where.column);
    }
    return out;
}

// "SEK 60,000" must not break between the currency and the number (the
// Swedish form already uses no-break spaces).
std::string keep_amounts_whole(std::string text) {
    for (std::size_t at = text.find("SEK "); at != std::string::npos; at = text.find("SEK ", at + 3))
        text.replace(at + 3, 1, "\xC2\xA0");
    return text;
}

// In the application's own file, "rad 25, kolumn 7" reads better than the
// file name again; a finding in another file (the findings file) names it.
std::string location_cell(const model::SourceLocation& where, const std::string& application_file, Language language) {
    if (where.file != application_file || where.line <= 0) return "<code>" + escaped(location_text(where)) + "</code>";
    std::string out = phrase("text.line", language) + "\xC2\xA0" + std::to_string(where.line);
    if (where.column > 0) out += ", " + phrase("text.column", language) + "\xC2\xA0" + std::to_string(where.column);
    return escaped(out);
}

std::string severity_class(model::Severity severity) { return std::string(model::to_string(severity)); }

void counts_cells(std::ostringstream& out, const Tally& counts) {
    out << "<td class=\"number\">" << counts.errors << "</td><td class=\"number\">" << counts.warnings
        << "</td><td class=\"number\">" << counts.infos << "</td>";
}

void counts_headers(std::ostringstream& out, Language language) {
    out << "<th scope=\"col\">" << escaped(phrase("column.errors", language)) << "</th><th scope=\"col\">"
        << escaped(phrase("column.warnings", language)) << "</th><th scope=\"col\">"
        << escaped(phrase("column.infos", language)) << "</th>";
}

std::string money_cell(model::Money amount, Language language) {
    return "<td class=\"number\">" +
           escaped(keep_amounts_whole(format_argument(model::MessageArg::of_money(amount), language))) + "</td>";
}

// One share row: amount, share, limit in force (and who set it), and whether
// it keeps to it, in words and a mark, not by colour alone.
void share_row(std::ostringstream& out, const char* label_key, model::Money amount, const KeyShare& share,
               const char* of_key, Language language) {
    out << "<tr><th scope=\"row\">" << escaped(phrase(label_key, language)) << "</th>" << money_cell(amount, language)
        << "<td>" << escaped(share_text(share, language) + " " + phrase(of_key, language)) << "</td>";
    if (share.limit) {
        out << "<td>" << escaped(limit_text(*share.limit, language)) << " ("
            << escaped(phrase("figures.set_by", language)) << " " << escaped(share.limit->set_by)
            << ")</td><td><span class=\"status " << (share.limit->within ? "complete" : "incomplete") << "\">"
            << (share.limit->within ? "\xE2\x9C\x93 " : "\xE2\x9C\x97 ")
            << escaped(limit_status_text(*share.limit, language)) << "</span></td>";
    } else {
        out << "<td>" << escaped(phrase("figures.no_limit", language)) << "</td><td></td>";
    }
    out << "</tr>\n";
}

void amount_row(std::ostringstream& out, const char* label_key, model::Money amount, Language language) {
    out << "<tr><th scope=\"row\">" << escaped(phrase(label_key, language)) << "</th>" << money_cell(amount, language)
        << "<td></td><td></td><td></td></tr>\n";
}

// The key figures as a table with a caption, then the pack and call; only the
// pack and call when the plan has no budget.
void key_figures_table(std::ostringstream& out, const ApplicationReport& application, Language language) {
    const std::vector<std::string> terms = applied_terms_lines(application, language);
    if (application.key_figures) {
        const KeyFigures& figures = *application.key_figures;
        out << "<h3>" << escaped(phrase("figures.heading", language)) << "</h3>\n<table class=\"figures\">\n<caption>"
            << escaped(phrase("figures.caption", language)) << "</caption>\n<thead><tr><th scope=\"col\">"
            << escaped(phrase("column.key_figure", language)) << "</th><th scope=\"col\">"
            << escaped(phrase("column.amount", language)) << "</th><th scope=\"col\">"
            << escaped(phrase("column.share", language)) << "</th><th scope=\"col\">"
            << escaped(phrase("column.limit", language)) << "</th><th scope=\"col\">"
            << escaped(phrase("column.status", language)) << "</th></tr></thead>\n<tbody>\n";
        amount_row(out, "figures.total_costs", figures.total_costs, language);
        if (figures.income != 0) {
            amount_row(out, "figures.income", figures.income, language);
            amount_row(out, "figures.eligible_costs", figures.eligible_costs, language);
        }
        share_row(out, "figures.esf", figures.esf, figures.esf_share, "figures.of_eligible", language);
        share_row(out, "figures.cofinancing", figures.cofinancing, figures.cofinancing_share, "figures.of_eligible",
                  language);
        if (figures.indirect_share)
            share_row(out, "figures.indirect", figures.indirect_share->part, *figures.indirect_share,
                      "figures.of_staff", language);
        out << "</tbody>\n</table>\n";
    }
    for (const std::string& line : terms) out << "<p class=\"meta\">" << escaped(line) << "</p>\n";
}

void render_application(std::ostringstream& out, const ApplicationReport& application, std::size_t index,
                        const ReportOptions& options) {
    const Language language = options.language;
    const bool ready = ready_to_submit(application.findings, options.strict);
    const std::string id = "application-" + std::to_string(index + 1);
    const std::string heading = application.title.empty() ? application.file : application.title;
    out << "<section aria-labelledby=\"" << id << "\">\n<h2 id=\"" << id << "\">" << escaped(heading) << "</h2>\n";
    out << "<p class=\"meta\">" << escaped(phrase("text.file", language)) << ": <code>" << escaped(application.file)
        << "</code>";
    if (application.title.empty()) out << " (" << escaped(phrase("text.not_loaded", language)) << ")";
    out << "</p>\n";
    out << "<p class=\"verdict " << (ready ? "ready" : "not-ready") << "\"><strong>"
        << escaped(phrase("text.verdict", language)) << ": "
        << escaped(phrase(ready ? "verdict.ready" : "verdict.not_ready", language)) << "</strong> ("
        << escaped(count_phrase(tally(application.findings), language)) << ")</p>\n";

    const std::vector<SectionSummary> sections = section_summary(application, options.strict);
    out << "<h3>" << escaped(phrase("heading.sections", language)) << "</h3>\n";
    out << "<table>\n<thead><tr><th scope=\"col\">" << escaped(phrase("column.section", language))
        << "</th><th scope=\"col\">" << escaped(phrase("column.status", language)) << "</th>";
    counts_headers(out, language);
    out << "</tr></thead>\n<tbody>\n";
    for (const SectionSummary& section : sections) {
        out << "<tr><th scope=\"row\">" << escaped(section_name(section.section, language, application.programme))
            << "</th><td><span class=\"status " << to_string(section.status) << "\">"
            << escaped(status_text(section.status, language)) << "</span></td>";
        counts_cells(out, section.counts);
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n<p class=\"legend\">" << escaped(phrase("text.legend", language)) << "</p>\n";
    key_figures_table(out, application, language);

    out << "<h3>" << escaped(phrase("heading.findings", language)) << "</h3>\n";
    if (application.findings.empty()) {
        out << "<p>" << escaped(phrase("text.no_findings", language)) << "</p>\n";
    } else {
        const model::Findings findings = sorted(application.findings);
        for (const SectionSummary& section : sections) {
            if (section.status == SectionStatus::complete) continue;
            out << "<h4>" << escaped(section_name(section.section, language, application.programme)) << "</h4>\n";
            out << "<table>\n<thead><tr><th scope=\"col\">" << escaped(phrase("column.severity", language))
                << "</th><th scope=\"col\">" << escaped(phrase("column.rule", language)) << "</th><th scope=\"col\">"
                << escaped(phrase("column.message", language)) << "</th><th scope=\"col\">"
                << escaped(phrase("column.location", language)) << "</th></tr></thead>\n<tbody>\n";
            for (const model::Finding& finding : findings) {
                if (finding.section != section.section) continue;
                out << "<tr><td><span class=\"severity " << severity_class(finding.severity) << "\">"
                    << escaped(phrase("severity." + severity_class(finding.severity), language)) << "</span></td><td>"
                    << escaped(finding.rule) << "</td><td>"
                    << escaped(keep_amounts_whole(message_text(finding, language))) << "</td><td class=\"location\">"
                    << location_cell(finding.where, application.file, language);
                if (!finding.where.path.empty()) out << "<br><code>" << escaped(finding.where.path) << "</code>";
                out << "</td></tr>\n";
            }
            out << "</tbody>\n</table>\n";
        }
    }
    out << "</section>\n";
}

}  // namespace

std::string_view html_style_sheet() { return style_sheet; }

std::string render_html(const std::vector<ApplicationReport>& applications, const ReportOptions& options) {
    const Language language = options.language;
    const std::string heading = phrase(applications.size() == 1 ? "heading.report" : "heading.reports", language);
    std::string title = heading;
    if (applications.size() == 1)
        title += " \xE2\x80\x93 " +
                 (applications.front().title.empty() ? applications.front().file : applications.front().title);

    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << language_code(language) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << escaped(title)
        << "</title>\n<style>" << style_sheet << "</style>\n</head>\n<body>\n<main>\n<h1>" << escaped(heading)
        << "</h1>\n";
    out << "<p class=\"meta\">" << escaped(phrase("text.checked_on", language)) << " " << escaped(options.date)
        << ". esfdraft";
    if (!options.tool_version.empty()) out << " " << escaped(options.tool_version);
    if (options.strict) out << "; " << escaped(phrase("text.strict", language));
    out << ".</p>\n";

    if (applications.size() > 1) {
        out << "<h2>" << escaped(phrase("heading.summary", language)) << "</h2>\n<table>\n<thead><tr><th scope=\"col\">"
            << escaped(phrase("column.application", language)) << "</th>";
        counts_headers(out, language);
        out << "<th scope=\"col\">" << escaped(phrase("column.verdict", language)) << "</th></tr></thead>\n<tbody>\n";
        for (std::size_t i = 0; i < applications.size(); ++i) {
            const ApplicationReport& application = applications[i];
            const bool ready = ready_to_submit(application.findings, options.strict);
            out << "<tr><th scope=\"row\"><a href=\"#application-" << i + 1 << "\">" << escaped(application.file)
                << "</a></th>";
            counts_cells(out, tally(application.findings));
            out << "<td><span class=\"status " << (ready ? "complete" : "incomplete") << "\">"
                << escaped(phrase(ready ? "verdict.ready" : "verdict.not_ready", language)) << "</span></td></tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    for (std::size_t i = 0; i < applications.size(); ++i) render_application(out, applications[i], i, options);
    out << "</main>\n</body>\n</html>\n";
    return out.str();
}

}  // namespace esfdraft::report
