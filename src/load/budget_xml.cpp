#include "load/budget_xml.hpp"

#include <stdexcept>

namespace esfdraft::load {
namespace {

[[noreturn]] void fail(const std::string& message) { throw std::runtime_error("plan: " + message); }

// Where the budget element's content lies in the plan's bytes, found by
// following the markup (comments, processing instructions, CDATA and quoted
// attribute values may hold '<' and '>'): a plan has been loaded and
// validated before its budget is replaced, so only its depth matters.
struct BudgetSpan {
    std::size_t start_tag = 0;       // the '<' of <budget …>
    std::size_t content_begin = 0;   // just after its '>'
    std::size_t content_end = 0;     // the '<' of </budget>
    std::string prefix;              // "" or "p:" as the start tag names it
};

std::size_t skip_past(std::string_view xml, std::size_t from, std::string_view end) {
    const std::size_t at = xml.find(end, from);
    if (at == std::string_view::npos) fail("the markup is cut off (no '" + std::string(end) + "')");
    return at + end.size();
}

// The end of a tag starting at `from` ('<'): just after its '>', past quoted values.
std::size_t tag_end(std::string_view xml, std::size_t from, bool& self_closing) {
    char quote = 0;
    for (std::size_t i = from + 1; i < xml.size(); ++i) {
        const char c = xml[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            self_closing = xml[i - 1] == '/';
            return i + 1;
        }
    }
    fail("the markup is cut off (a tag without '>')");
}

std::string tag_name(std::string_view xml, std::size_t from) {
    std::size_t end = from;
    while (end < xml.size() && xml[end] != '>' && xml[end] != '/' && xml[end] != ' ' && xml[end] != '\t' &&
           xml[end] != '\r' && xml[end] != '\n')
        ++end;
    return std::string(xml.substr(from, end - from));
}

std::string local_of(const std::string& name) {
    const std::size_t colon = name.find(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
}

BudgetSpan find_budget(std::string_view xml) {
    BudgetSpan span;
    int depth = 0;
    bool found = false;
    std::size_t i = 0;
    while ((i = xml.find('<', i)) != std::string_view::npos) {
        if (xml.substr(i, 4) == "<!--") {
            i = skip_past(xml, i + 4, "-->");
        } else if (xml.substr(i, 9) == "<![CDATA[") {
            i = skip_past(xml, i + 9, "]]>");
        } else if (xml.substr(i, 2) == "<?") {
            i = skip_past(xml, i + 2, "?>");
        } else if (xml.substr(i, 2) == "<!") {
            fail("a DOCTYPE is not allowed");
        } else if (xml.substr(i, 2) == "</") {
            const std::string name = tag_name(xml, i + 2);
            --depth;
            if (found && depth == 1 && local_of(name) == "budget") {
                span.content_end = i;
                return span;
            }
            i = skip_past(xml, i, ">");
        } else {
            const std::string name = tag_name(xml, i + 1);
            bool self_closing = false;
            const std::size_t end = tag_end(xml, i, self_closing);
            if (!found && depth == 1 && local_of(name) == "budget") {
                if (self_closing) fail("the budget element is empty (<budget/>)");
                found = true;
                span.start_tag = i;
                span.content_begin = end;
                span.prefix = name.substr(0, name.size() - std::string("budget").size());
            }
            if (!self_closing) ++depth;
            i = end;
        }
    }
    fail(found ? "the budget element is not closed" : "there is no budget element under the root");
}

void append_escaped(std::string& out, std::string_view text, bool attribute) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += attribute ? "&quot;" : "\""; break;
            case '\r': out += "&#13;"; break;   // kept even in content: a parser turns a bare CR into LF
            case '\t': out += attribute ? "&#9;" : "\t"; break;
            case '\n': out += attribute ? "&#10;" : "\n"; break;
            default: out += c;
        }
    }
}

void append_attribute(std::string& out, std::string_view name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    append_escaped(out, value, true);
    out += '"';
}

}  // namespace

std::string plan_amount(model::Money ore) {
    // Through unsigned so that the most negative amount has a magnitude too.
    const bool negative = ore < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(ore) : static_cast<std::uint64_t>(ore);
    std::string out = (negative ? "-" : "") + std::to_string(magnitude / 100);
    if (magnitude % 100 != 0) {
        const std::uint64_t fraction = magnitude % 100;
        out += '.';
        out += static_cast<char>('0' + fraction / 10);
        out += static_cast<char>('0' + fraction % 10);
    }
    return out;
}

std::string replace_budget(std::string_view xml, const model::Budget& budget) {
    const BudgetSpan span = find_budget(xml);
    const std::string_view old_content = xml.substr(span.content_begin, span.content_end - span.content_begin);

    // The layout of the old content: its line ends, the budget's own indent
    // (what precedes <budget on its line) and one level more.
    const std::string newline = old_content.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    const std::size_t line_start = xml.rfind('\n', span.start_tag);
    std::string base(xml.substr(line_start == std::string_view::npos ? 0 : line_start + 1,
                                span.start_tag - (line_start == std::string_view::npos ? 0 : line_start + 1)));
    if (base.find_first_not_of(" \t") != std::string::npos) base.clear();
    std::string step = "  ";
    const std::size_t first_child = old_content.find('<');
    if (first_child != std::string_view::npos) {
        const std::size_t child_line = old_content.rfind('\n', first_child);
        if (child_line != std::string_view::npos) {
            const std::string child_indent(old_content.substr(child_line + 1, first_child - child_line - 1));
            if (child_indent.size() > base.size() && child_indent.starts_with(base) &&
                child_indent.find_first_not_of(" \t") == std::string::npos)
                step = child_indent.substr(base.size());
        }
    }
    const std::string one = base + step, two = one + step;
    const std::string& p = span.prefix;

    std::string content = newline;
    if (budget.costs.empty()) {
        content += one + "<" + p + "costs/>" + newline;
    } else {
        content += one + "<" + p + "costs>" + newline;
        for (const model::CostLine& cost : budget.costs) {
            content += two + "<" + p + "cost";
            append_attribute(content, "category", cost.category);
            append_attribute(content, "year", std::to_string(cost.year));
            if (cost.activity_id) append_attribute(content, "activity", *cost.activity_id);
            append_attribute(content, "amount", plan_amount(cost.amount));
            if (!cost.tags.empty()) {
                std::string tags;
                for (const auto& tag : cost.tags) tags += (tags.empty() ? "" : " ") + tag;
                append_attribute(content, "tags", tags);
            }
            if (cost.beneficiary) append_attribute(content, "beneficiary", *cost.beneficiary);
            content += '>';
            append_escaped(content, cost.label, false);
            content += "</" + p + "cost>" + newline;
        }
        content += one + "</" + p + "costs>" + newline;
    }
    if (budget.financing.empty()) {
        content += one + "<" + p + "financing/>" + newline;
    } else {
        content += one + "<" + p + "financing>" + newline;
        for (const model::FinancingSource& source : budget.financing) {
            content += two + "<" + p + "source";
            append_attribute(content, "kind", source.kind);
            if (source.funder) append_attribute(content, "funder", *source.funder);
            if (source.org_number) append_attribute(content, "orgNumber", *source.org_number);
            append_attribute(content, "amount", plan_amount(source.amount));
            if (source.beneficiary) append_attribute(content, "beneficiary", *source.beneficiary);
            content += "/>" + newline;
        }
        content += one + "</" + p + "financing>" + newline;
    }
    for (const model::Income& income : budget.income) {
        content += one + "<" + p + "income";
        append_attribute(content, "amount", plan_amount(income.amount));
        content += '>';
        append_escaped(content, income.label, false);
        content += "</" + p + "income>" + newline;
    }
    content += base;

    std::string out;
    out.reserve(xml.size() + content.size());
    out.append(xml.substr(0, span.content_begin));
    out += content;
    out.append(xml.substr(span.content_end));
    return out;
}

}  // namespace esfdraft::load
