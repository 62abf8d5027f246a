// The editor's form sheet (labelled controls, findings beside their fields)
// and the helpers the parts' apply functions share. The routes are in
// editor.cpp.
#include "http/editor.hpp"

#include <algorithm>
#include <atomic>
#include <sstream>

#include "http/page_kit.hpp"
#include "model/values.hpp"
#include "pipeline/plan_editing.hpp"
#include "report/catalogue.hpp"

namespace esfdraft::http::editor {

std::string anchor_id(std::string_view element_path) {
    std::string out = "at";
    for (char c : element_path) out += (c == '/' || c == '[' || c == ']') ? '-' : c;
    return out;
}

std::string child_path(std::string_view parent_path, std::string_view name, std::size_t position, std::size_t count) {
    std::string out(parent_path);
    out.append(1, '/').append(name);
    if (count > 1) out += "[" + std::to_string(position) + "]";
    return out;
}

namespace {

// `path` is `element_path` or lies below it.
bool at_or_below(std::string_view path, std::string_view element_path, bool exact) {
    if (path == element_path) return true;
    if (exact || element_path.empty() || path.size() <= element_path.size() ||
        path.compare(0, element_path.size(), element_path) != 0)
        return false;
    const char next = path[element_path.size()];
    return next == '/';
}

std::string field_id(const std::string& field) { return "f-" + field; }

std::string severity_words(const Request& request, model::Severity severity) {
    // Words and a sign, never colour alone.
    switch (severity) {
        case model::Severity::error: return t(request, "✗ Fel", "✗ Error");
        case model::Severity::warning: return t(request, "! Varning", "! Warning");
        case model::Severity::info: return t(request, "i Tips", "i Hint");
    }
    return "";
}

}  // namespace

Sheet::Sheet(const Request& given_request, const UploadCheck& given_check, const model::Element* given_root,
             const Fields* given_entries)
    : request(given_request), check(given_check), root(given_root), entries(given_entries) {}

std::string Sheet::t(const char* sv, const char* en) const { return http::t(request, sv, en); }

std::string Sheet::value(const std::string& name, const std::string& stored) const {
    if (!entries) return stored;
    const auto found = entries->find(name);
    return found == entries->end() ? std::string() : found->second;
}

std::size_t Sheet::rows(const std::string& name, std::size_t stored) const {
    if (!entries) return stored + 1;
    std::size_t rows = stored + 1;
    const auto count = entries->find(name + ".count");
    if (count != entries->end() && !count->second.empty() && count->second.size() < 5 &&
        count->second.find_first_not_of("0123456789") == std::string::npos)
        rows = static_cast<std::size_t>(std::stoul(count->second));
    const auto add = entries->find("add");
    if (add != entries->end() && add->second == name) ++rows;
    return std::max<std::size_t>(rows, 1);
}

std::string Sheet::findings_at(std::string_view element_path, bool exact) {
    if (element_path.empty()) return "";
    const report::Language language = request.language == "en" ? report::Language::en : report::Language::sv;
    std::string anchor = anchor_id(element_path);
    if (anchors_.count(anchor)) {
        int n = 2;
        while (anchors_.count(anchor + "-" + std::to_string(n))) ++n;
        anchor += "-" + std::to_string(n);
    }
    std::ostringstream items;
    const model::Findings& findings = check.report.findings;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const model::Finding& finding = findings[i];
        if (placed_.count(i) || !at_or_below(finding.where.path, element_path, exact)) continue;
        placed_[i] = anchor;
        const std::string fix = report::rule_fix(finding.rule, language);
        items << "<li class=\"sev-" << model::to_string(finding.severity) << "\"><strong>"
              << e(severity_words(request, finding.severity)) << "</strong> (" << e(finding.rule)
              << "): " << e(report::message_text(finding, language));
        if (!fix.empty())
            items << " <span class=\"fix\">" << t("Så rättar du: ", "How to fix: ") << e(fix) << "</span>";
        items << "</li>";
    }
    const std::string list = items.str();
    if (list.empty()) return "";
    anchors_.insert(anchor);
    return "<ul class=\"findings\" id=\"" + e(anchor) + "\" tabindex=\"-1\">" + list + "</ul>";
}

std::string Sheet::described_by(std::string_view element_path) const {
    if (element_path.empty()) return "";
    const std::string anchor = anchor_id(element_path);
    return anchors_.count(anchor) ? anchor : "";
}

namespace {

// What a control needs around it: the hint's and the findings' ids.
struct Around {
    std::string hint_html;
    std::string findings_html;
    std::string described;  // for aria-describedby; "" when nothing
    bool invalid = false;
};

Around around(Sheet& sheet, const std::string& field, const std::string& hint, std::string_view element_path) {
    Around out;
    std::vector<std::string> ids;
    if (!hint.empty()) {
        out.hint_html = "<p class=\"hint\" id=\"h-" + e(field) + "\">" + e(hint) + "</p>";
        ids.push_back("h-" + field);
    }
    out.findings_html = sheet.findings_at(element_path);
    if (!out.findings_html.empty()) {
        const std::size_t start = out.findings_html.find("id=\"") + 4;
        ids.push_back(out.findings_html.substr(start, out.findings_html.find('"', start) - start));
        for (const auto& [index, anchor] : sheet.placed())
            if (anchor == ids.back() && sheet.check.report.findings[index].severity == model::Severity::error)
                out.invalid = true;
    } else if (const std::string earlier = sheet.described_by(element_path); !earlier.empty()) {
        ids.push_back(earlier);  // a sibling field drew the element's findings already
    }
    if (const auto error = sheet.errors.find(field); error != sheet.errors.end()) {
        out.findings_html += "<ul class=\"findings\" id=\"err-" + e(field) +
                             "\" tabindex=\"-1\"><li class=\"sev-error\"><strong>" + sheet.t("✗ Fel", "✗ Error") +
                             "</strong>: " + e(error->second) + "</li></ul>";
        ids.push_back("err-" + field);
        out.invalid = true;
    }
    out.described = model::join(ids, " ");
    return out;
}

std::string described_attributes(const Around& around) {
    std::string out;
    if (!around.described.empty()) out += " aria-describedby=\"" + e(around.described) + "\"";
    if (around.invalid) out += " aria-invalid=\"true\"";
    return out;
}

}  // namespace

void Sheet::text(std::ostream& out, const std::string& name, const std::string& label, const std::string& stored,
                 const std::string& hint, std::string_view element_path, std::string_view type,
                 const std::string& attributes) {
    const std::string shown = value(name, stored);
    drawn_[name] = shown;
    const Around a = around(*this, name, hint, element_path);
    out << "<div class=\"field\"><label for=\"" << e(field_id(name)) << "\">" << e(label) << "</label>" << a.hint_html
        << "<input type=\"" << e(std::string(type)) << "\" id=\"" << e(field_id(name)) << "\" name=\"" << e(name)
        << "\" value=\"" << e(shown) << "\"" << described_attributes(a) << (attributes.empty() ? "" : " " + attributes)
        << ">" << a.findings_html << "</div>";
}

void Sheet::area(std::ostream& out, const std::string& name, const std::string& label, const std::string& stored,
                 const std::string& hint, std::string_view element_path) {
    const std::string shown = value(name, stored);
    drawn_[name] = shown;
    const Around a = around(*this, name, hint, element_path);
    // The line end after the start tag: the HTML parser drops one, so a value starting with one keeps it.
    out << "<div class=\"field\"><label for=\"" << e(field_id(name)) << "\">" << e(label) << "</label>" << a.hint_html
        << "<textarea id=\"" << e(field_id(name)) << "\" name=\"" << e(name) << "\" rows=\"8\""
        << described_attributes(a) << ">\n"
        << e(shown) << "</textarea>" << a.findings_html << "</div>";
}

void Sheet::choice(std::ostream& out, const std::string& name, const std::string& label, const std::string& stored,
                   const std::vector<std::pair<std::string, std::string>>& options, const std::string& hint,
                   std::string_view element_path) {
    grouped_choice(out, name, label, stored, {{"", options}}, hint, element_path);
}

void Sheet::grouped_choice(std::ostream& out, const std::string& name, const std::string& label,
                           const std::string& stored, const OptionGroups& groups, const std::string& hint,
                           std::string_view element_path, const std::string& none) {
    const std::string shown = value(name, stored);
    drawn_[name] = shown;
    const Around a = around(*this, name, hint, element_path);
    out << "<div class=\"field\"><label for=\"" << e(field_id(name)) << "\">" << e(label) << "</label>" << a.hint_html
        << "<select id=\"" << e(field_id(name)) << "\" name=\"" << e(name) << "\"" << described_attributes(a) << ">";
    bool known = shown.empty();
    out << "<option value=\"\"" << (shown.empty() ? " selected" : "") << ">"
        << (none.empty() ? t("– välj –", "– choose –") : e(none)) << "</option>";
    for (const auto& [group, options] : groups) {
        if (!group.empty()) out << "<optgroup label=\"" << e(group) << "\">";
        for (const auto& [option, words] : options) {
            if (option == shown) known = true;
            out << "<option value=\"" << e(option) << "\"" << (option == shown ? " selected" : "") << ">" << e(words)
                << "</option>";
        }
        if (!group.empty()) out << "</optgroup>";
    }
    // A value the list does not have stays as it is written (the check says what is wrong with it).
    if (!known) out << "<option value=\"" << e(shown) << "\" selected>" << e(shown) << "</option>";
    out << "</select>" << a.findings_html << "</div>";
}

void Sheet::radios(std::ostream& out, const std::string& name, const std::string& legend, const std::string& stored,
                   const std::vector<std::pair<std::string, std::string>>& options, bool own_language) {
    const std::string shown = value(name, stored);
    drawn_[name] = shown;
    const Around a = around(*this, name, "", "");
    // The fieldset carries the field's id, so an error summary's link
    // (#f-NAME) lands on the group, whose legend a screen reader reads.
    out << "<fieldset id=\"" << e(field_id(name)) << "\" tabindex=\"-1\"><legend>" << e(legend) << "</legend>";
    for (const auto& [option, words] : options) {
        const std::string id = field_id(name) + "-" + option;
        out << "<div class=\"field check\"><input type=\"radio\" id=\"" << e(id) << "\" name=\"" << e(name)
            << "\" value=\"" << e(option) << "\"" << (option == shown ? " checked" : "") << described_attributes(a)
            << "><label for=\"" << e(id) << "\"" << (own_language ? " lang=\"" + e(option) + "\"" : "") << ">"
            << e(words) << "</label></div>";
    }
    out << a.findings_html << "</fieldset>";
}

void Sheet::checkbox(std::ostream& out, const std::string& name, const std::string& label, bool stored,
                     const std::string& hint) {
    const bool on = entries ? value(name, "") == "1" : stored;
    drawn_[name] = on ? "1" : "";
    out << "<div class=\"field check\"><input type=\"checkbox\" id=\"" << e(field_id(name)) << "\" name=\"" << e(name)
        << "\" value=\"1\"" << (on ? " checked" : "") << (hint.empty() ? "" : " aria-describedby=\"h-" + e(name) + "\"")
        << "><label for=\"" << e(field_id(name)) << "\">" << e(label) << "</label>"
        << (hint.empty() ? "" : "<span class=\"hint\" id=\"h-" + e(name) + "\">" + e(hint) + "</span>") << "</div>";
}

void Sheet::count(std::ostream& out, const std::string& name, std::size_t rows) {
    drawn_[name + ".count"] = std::to_string(rows);
    out << "<input type=\"hidden\" name=\"" << e(name) << ".count\" value=\"" << rows << "\">";
}

void Sheet::add_row_button(std::ostream& out, const std::string& name, const std::string& words) {
    out << "<p><button type=\"submit\" class=\"secondary\" name=\"add\" value=\"" << e(name) << "\" formnovalidate>"
        << e(words) << "</button></p>";
}

void Sheet::remove_box(std::ostream& out, const std::string& row_prefix) {
    checkbox(out, row_prefix + ".remove", t("Ta bort raden när du sparar", "Remove this row when saving"), false);
}

void Sheet::begin_row(std::ostream& out, const std::string& row_prefix, const std::string& legend,
                      std::string_view element_path) {
    out << "<fieldset id=\"row-" << e(row_prefix) << "\"><legend>" << e(legend) << "</legend>"
        << findings_at(element_path, true);
}

void Sheet::end_row(std::ostream& out, const std::string& row_prefix, bool stored) {
    if (stored) remove_box(out, row_prefix);
    out << "</fieldset>";
}

// ------------------------------------------------------------ apply helpers

std::string field(const Fields& fields, const std::string& name) {
    const auto found = fields.find(name);
    if (found == fields.end()) return "";
    std::string out;
    out.reserve(found->second.size());
    for (std::size_t i = 0; i < found->second.size(); ++i)
        if (!(found->second[i] == '\r' && i + 1 < found->second.size() && found->second[i + 1] == '\n'))
            out += found->second[i];
    return out;
}

std::vector<std::size_t> kept_rows(const Fields& fields, const std::string& name) {
    std::vector<std::size_t> out;
    const std::string count = field(fields, name + ".count");
    if (count.empty() || count.size() > 4 || count.find_first_not_of("0123456789") != std::string::npos) return out;
    const std::size_t rows = std::stoul(count);
    for (std::size_t n = 1; n <= rows; ++n) {
        const std::string prefix = name + "." + std::to_string(n) + ".";
        if (field(fields, prefix + "remove") == "1") continue;
        bool any = false;
        for (auto it = fields.lower_bound(prefix);
             it != fields.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
            // Counts of rows within the row are not content.
            const bool counted = it->first.size() >= 6 && it->first.compare(it->first.size() - 6, 6, ".count") == 0;
            if (!counted && !it->second.empty()) {
                any = true;
                break;
            }
        }
        if (any) out.push_back(n);
    }
    return out;
}

void set_if(model::Element& element, std::string_view attribute, const std::string& value) {
    if (!value.empty()) element.set_attribute(attribute, value);
}

void append_if(model::Element& element, std::string name, const std::string& text) {
    if (!text.empty()) element.append(std::move(name), text);
}

namespace {
std::atomic<const model::MunicipalityRegister*> the_register{nullptr};
}

const model::MunicipalityRegister* municipality_register() { return the_register.load(); }

void set_municipality_register(const model::MunicipalityRegister* municipalities) {
    the_register.store(municipalities);
}

const std::vector<std::string>& plan_order() {
    static const std::vector<std::string> order = [] {
        std::vector<std::string> out{"project"};
        for (const std::string& section : model::plan_sections()) out.push_back(section);
        return out;
    }();
    return order;
}

const std::vector<std::string>& findings_order() {
    static const std::vector<std::string> order{"study", "questions", "actors", "finding"};
    return order;
}

std::string put_child(std::string_view document, const model::Element& root, const model::Element& element,
                      const std::vector<std::string>& order, bool remove) {
    for (std::size_t i = 0; i < root.children.size(); ++i) {
        if (root.children[i].name != element.name) continue;
        return remove ? pipeline::remove_child(document, i) : pipeline::replace_child(document, i, element);
    }
    if (remove) return std::string(document);
    const auto rank = [&](const std::string& name) {
        const auto found = std::find(order.begin(), order.end(), name);
        return found == order.end() ? order.size() : static_cast<std::size_t>(found - order.begin());
    };
    const std::size_t mine = rank(element.name);
    std::size_t before = root.children.size();
    for (std::size_t i = 0; i < root.children.size(); ++i) {
        if (rank(root.children[i].name) > mine) {
            before = i;
            break;
        }
    }
    return pipeline::insert_child(document, before, element);
}

}  // namespace esfdraft::http::editor
