// The JSON report; its shape is described by schemas/report.schema.json.
// Built as Poco JSON objects (members in the order set) and stringified by
// Poco, so escaping is the library's; what Poco leaves to us: text that is
// not UTF-8 (a file name may be any bytes) is repaired before it goes in,
// and Poco 1.11 prints an empty array or object over three lines, which
// `tidy` puts back on one.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "model/printable.hpp"
#include "report/report.hpp"

namespace esfdraft::report {

namespace {

using Object = Poco::JSON::Object::Ptr;
using Array = Poco::JSON::Array::Ptr;

Object object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }
Array array() { return new Poco::JSON::Array; }
std::string text(std::string_view value) { return model::valid_utf8(value); }

Object counts_object(const Tally& counts) {
    Object out = object();
    out->set("error", counts.errors);
    out->set("warning", counts.warnings);
    out->set("info", counts.infos);
    return out;
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
Object args_object(const model::Finding& finding) {
    Object out = object();
    for (const auto& [name, value] : finding.args) {
        Object arg = object();
        arg->set("kind", std::string(kind_name(value.kind)));
        const bool textual = value.kind == model::MessageArg::Kind::text || value.kind == model::MessageArg::Kind::date;
        if (textual)
            arg->set("value", text(value.text));
        else
            arg->set("value", static_cast<Poco::Int64>(value.number));
        out->set(text(name), arg);
    }
    return out;
}

// A share in hundredths of a per cent as a decimal fraction: 4599 -> 0.4599,
// 10000 -> 1. A double nearest to a four-decimal fraction prints as that
// fraction (Poco prints the shortest form that reads back).
double decimal_share(model::ShareHundredths hundredths) { return static_cast<double>(hundredths) / 10000.0; }

// {"amount": öre, "of": öre, "share": 0.5, "limit": {...}}
Object share_object(const KeyShare& share) {
    Object out = object();
    out->set("amount", static_cast<Poco::Int64>(share.part));
    out->set("of", static_cast<Poco::Int64>(share.whole));
    out->set("share", decimal_share(share.hundredths));
    if (share.limit) {
        Object limit = object();
        limit->set("type", std::string(share.limit->maximum ? "maximum" : "minimum"));
        limit->set("share", decimal_share(share.limit->value));
        limit->set("setBy", text(share.limit->set_by));
        limit->set("within", share.limit->within);
        out->set("limit", limit);
    }
    return out;
}

Object key_figures_object(const KeyFigures& figures) {
    Object out = object();
    out->set("totalCosts", static_cast<Poco::Int64>(figures.total_costs));
    out->set("income", static_cast<Poco::Int64>(figures.income));
    out->set("eligibleCosts", static_cast<Poco::Int64>(figures.eligible_costs));
    out->set("esf", share_object(figures.esf_share));
    out->set("cofinancing", share_object(figures.cofinancing_share));
    if (figures.indirect_share) out->set("indirectCosts", share_object(*figures.indirect_share));
    return out;
}

Object terms_object(const AppliedTerms& terms, Language language) {
    const bool named = !terms.name.sv.empty() || !terms.name.en.empty();
    Object out = object();
    out->set("id", text(terms.id));
    out->set("name", text(named ? terms_name(terms, language) : std::string()));
    return out;
}

Object finding_object(const model::Finding& finding, Language language) {
    Object out = object();
    out->set("rule", text(finding.rule));
    out->set("severity", std::string(model::to_string(finding.severity)));
    out->set("section", text(finding.section));
    out->set("messageId", text(finding.message_id));
    out->set("message", text(message_text(finding, language)));
    out->set("file", text(finding.where.file));
    out->set("line", static_cast<Poco::Int64>(finding.where.line));
    out->set("column", static_cast<Poco::Int64>(finding.where.column));
    out->set("path", text(finding.where.path));
    out->set("args", args_object(finding));
    return out;
}

Object application_object(const ApplicationReport& application, const ReportOptions& options) {
    const Language language = options.language;
    const bool ready = ready_to_submit(application.findings, options.strict);
    Object out = object();
    out->set("file", text(application.file));
    out->set("title", text(application.title));
    out->set("readyToSubmit", ready);
    out->set("verdict", text(phrase(ready ? "verdict.ready" : "verdict.not_ready", language)));
    out->set("counts", counts_object(tally(application.findings)));
    if (application.pack) out->set("pack", terms_object(*application.pack, language));
    if (application.call) out->set("call", terms_object(*application.call, language));
    if (application.key_figures) out->set("keyFigures", key_figures_object(*application.key_figures));
    Array sections = array();
    for (const SectionSummary& section : section_summary(application, options.strict)) {
        Object entry = object();
        entry->set("section", text(section.section));
        entry->set("name", text(section_name(section.section, language, application.programme)));
        entry->set("status", std::string(to_string(section.status)));
        entry->set("statusText", text(status_text(section.status, language)));
        entry->set("counts", counts_object(section.counts));
        sections->add(entry);
    }
    out->set("sections", sections);
    Array findings = array();
    for (const model::Finding& finding : sorted(application.findings)) findings->add(finding_object(finding, language));
    out->set("findings", findings);
    return out;
}

// Poco 1.11 writes an empty array or object as the bracket, two line breaks
// and the closing bracket indented; a line break never occurs inside a
// string it writes (it escapes them), so this cannot touch a value.
std::string tidy(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t at = 0; at < json.size(); ++at) {
        out += json[at];
        if (json[at] != '[' && json[at] != '{') continue;
        std::size_t next = at + 1;
        std::size_t breaks = 0;
        while (next < json.size() && (json[next] == '\n' || json[next] == ' ')) breaks += json[next++] == '\n';
        const char close = json[at] == '[' ? ']' : '}';
        if (breaks > 0 && next < json.size() && json[next] == close) at = next - 1;  // the close comes next
    }
    return out;
}

}  // namespace

std::string render_json(const std::vector<ApplicationReport>& applications, const ReportOptions& options) {
    bool all_ready = true;
    for (const ApplicationReport& application : applications)
        all_ready = all_ready && ready_to_submit(application.findings, options.strict);
    Object root = object();
    root->set("tool", std::string("esfdraft"));
    root->set("formatVersion", 1);
    if (!options.tool_version.empty()) root->set("toolVersion", text(options.tool_version));
    root->set("lang", std::string(language_code(options.language)));
    root->set("date", text(options.date));
    root->set("strict", options.strict);
    root->set("readyToSubmit", all_ready);
    Array list = array();
    for (const ApplicationReport& application : applications) list->add(application_object(application, options));
    root->set("applications", list);
    std::ostringstream out;
    root->stringify(out, 2);
    return tidy(out.str()) + "\n";
}

}  // namespace esfdraft::report
