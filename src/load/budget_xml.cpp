#include "load/budget_xml.hpp"

#include <stdexcept>

#include "load/xml_markup.hpp"
#include "model/values.hpp"

namespace esfdraft::load {
namespace {

[[noreturn]] void fail(const std::string& message) { throw std::runtime_error("plan: " + message); }

// The root's child <budget>: a plan has been loaded and validated before its
// budget is replaced, so the markup only has to be followed (xml_markup).
ElementSpan find_budget(std::string_view xml) {
    RootSpans spans;
    try {
        spans = find_root_children(xml);
    } catch (const std::runtime_error& error) {
        fail(error.what());
    }
    for (const ElementSpan& child : spans.children)
        if (child.local_name() == "budget") {
            if (child.self_closing) fail("the budget element is empty (<budget/>)");
            return child;
        }
    fail("there is no budget element under the root");
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
    const ElementSpan span = find_budget(xml);
    const std::string_view old_content = xml.substr(span.content_begin, span.content_end - span.content_begin);

    // The layout of the old content: its line ends, the budget's own indent
    // (what precedes <budget on its line) and one level more.
    const std::string newline = old_content.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    const std::string base = indent_before(xml, span.start_tag);
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
    const std::string p = span.prefix();

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
                append_attribute(content, "tags", model::join(cost.tags, " "));
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
