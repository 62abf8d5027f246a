// The guided editor's budget part and the pre-study findings' parts (issue
// 13): the cost lines, financing and income as grids, the cost models, the
// figures the check computes from the stored version; the study, the
// questions, the actors and the findings with their evidence.
//
// Every apply builds its element(s) from the fields and writes them back in
// place of the stored ones (pipeline/plan_editing.hpp), the stored element's
// attributes kept in their order; when the built element equals the stored
// one (whitespace between elements aside) the document comes back byte for
// byte, so a save that changes nothing stores nothing new. Values go in as
// typed (trimmed), so "40000,50" is the loader's finding at its cell.
#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "http/editor.hpp"
#include "http/editor_parts_util.hpp"
#include "http/editor_rich.hpp"
#include "http/page_kit.hpp"
#include "model/budget_figures.hpp"
#include "model/values.hpp"
#include "model/vocabulary.hpp"
#include "pipeline/plan_editing.hpp"

namespace esfdraft::http::editor {

namespace {

// ------------------------------------------------------------------ fields

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

const std::string* given(const Fields& fields, const std::string& name) {
    const auto found = fields.find(name);
    return found == fields.end() ? nullptr : &found->second;
}

std::string value_of(const Fields& fields, const std::string& name) {
    const std::string* value = given(fields, name);
    return value ? trimmed(*value) : std::string();
}

// NAME.count, at most 10 000 rows (a form holds far fewer).
std::size_t rows_of(const Fields& fields, const std::string& name) {
    const std::string count = value_of(fields, name + ".count");
    if (count.empty() || count.size() > 5 || count.find_first_not_of("0123456789") != std::string::npos) return 0;
    return std::min<std::size_t>(std::stoul(count), 10000);
}

std::string row_prefix(const std::string& name, std::size_t row) { return name + "." + std::to_string(row) + "."; }

// A row's fields, or nullopt when it is removed or every field is empty.
struct Row {
    const Fields* fields;
    std::string prefix;
    std::string operator[](const char* field) const { return value_of(*fields, prefix + field); }
    bool has(const char* field) const { return given(*fields, prefix + field) != nullptr; }
};
std::optional<Row> row_at(const Fields& fields, const std::string& name, std::size_t row,
                          std::initializer_list<const char*> names) {
    Row r{&fields, row_prefix(name, row)};
    if (r["remove"] == "1") return std::nullopt;
    for (const char* field : names)
        if (!r[field].empty()) return r;
    return std::nullopt;
}

// The attribute set to `value`, or removed when `value` is empty.
void put(model::Element& element, std::string_view name, const std::string& value) {
    if (!value.empty()) {
        element.set_attribute(name, value);
        return;
    }
    auto& attributes = element.attributes;
    attributes.erase(
        std::remove_if(attributes.begin(), attributes.end(), [&](const auto& a) { return a.first == name; }),
        attributes.end());
}
// As put, but a field the form did not draw keeps the stored value.
void put_if_given(model::Element& element, const Row& row, const char* field, std::string_view attribute) {
    if (row.has(field)) put(element, attribute, row[field]);
}

// An element holding only `text`, with `based_on`'s attributes when there is one.
model::Element text_element(const char* name, const model::Element* based_on, const std::string& text) {
    model::Element element(name);
    if (based_on) element.attributes = based_on->attributes;
    if (!text.empty()) element.append_text(text);
    return element;
}

// ---------------------------------------------------------- the document

bool same_text(const std::string& a, const std::string& b) { return trimmed(a) == trimmed(b); }

// Equal as the format reads them: names, attributes (in any order), element
// children, and the text of elements that hold text; whitespace between
// elements does not count.
bool same_element(const model::Element& a, const model::Element& b) {
    if (a.name != b.name || a.children.size() != b.children.size() || a.attributes.size() != b.attributes.size())
        return false;
    for (const auto& [name, value] : a.attributes)
        if (b.attribute(name) != value) return false;
    if (a.children.empty() && b.children.empty()) return same_text(a.text(), b.text());
    // Mixed content (rich text): the text pieces in order.
    std::vector<std::string> ta, tb;
    for (const model::ElementContent& piece : a.content)
        if (piece.is_text && !trimmed(piece.text).empty()) ta.push_back(trimmed(piece.text));
    for (const model::ElementContent& piece : b.content)
        if (piece.is_text && !trimmed(piece.text).empty()) tb.push_back(trimmed(piece.text));
    if (ta != tb) return false;
    for (std::size_t i = 0; i < a.children.size(); ++i)
        if (!same_element(a.children[i], b.children[i])) return false;
    return true;
}

std::optional<std::size_t> index_of(const model::Element& root, std::string_view name) {
    for (std::size_t i = 0; i < root.children.size(); ++i)
        if (root.children[i].name == name) return i;
    return std::nullopt;
}

// `document` with the root's child `element.name` made `element`: replaced
// where it stands, else inserted before the first of `before` that is
// there (npos: at the end). Unchanged bytes when it equals the stored one.
std::string put_part(std::string_view document, const model::Element& root, const model::Element& element,
                     std::initializer_list<std::string_view> before = {}) {
    if (const auto index = index_of(root, element.name)) {
        if (same_element(root.children[*index], element)) return std::string(document);
        return pipeline::replace_child(document, *index, element);
    }
    std::size_t at = std::string::npos;
    for (std::string_view name : before)
        if (const auto index = index_of(root, name)) at = std::min(at == std::string::npos ? *index : at, *index);
    return pipeline::insert_child(document, at, element);
}

// ------------------------------------------------------------------ words

using Options = std::vector<std::pair<std::string, std::string>>;

// A cost model as a checkbox names it: the vocabulary's words (the draft's,
// written for inside a sentence) with a capital first letter.
std::string cost_model_label(const Sheet& sheet, const model::CodeWords& words) {
    std::string label(words.name.in(sheet.request.language));
    if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
    return label;
}

// The pack's categories in its words; the vocabulary's when the pack is unknown.
Options category_options(const Sheet& sheet) {
    // The framework draws the empty choice ("– choose –") first.
    Options options;
    if (!sheet.check.cost_categories.empty()) {
        for (const model::CostCategoryRule& rule : sheet.check.cost_categories)
            options.push_back({rule.code, category_name(sheet.request, sheet.check.cost_categories, rule.code)});
    } else {
        options = parts_util::vocabulary_options(sheet, model::cost_categories());
    }
    return options;
}

Options kind_options(const Sheet& sheet) { return parts_util::vocabulary_options(sheet, model::financing_kinds()); }

Options activity_options(const Sheet& sheet) {
    Options options;
    if (sheet.check.application)
        for (const model::Activity& activity : sheet.check.application->activities)
            options.push_back({activity.id, activity.id + ": " + activity.title});
    return options;
}

bool has_beneficiaries(const Sheet& sheet) {
    return sheet.check.application && sheet.check.application->has_beneficiary_partners();
}

Options beneficiary_options(const Sheet& sheet) {
    Options options{{"owner", sheet.t("Projektägaren", "The project owner")}};
    if (sheet.check.application)
        for (const model::Partner& partner : sheet.check.application->partners)
            if (partner.beneficiary() && partner.id) options.push_back({*partner.id, partner.name});
    return options;
}

// A stored value missing from the options (a code the pack does not know) stays choosable.
Options with_stored(Options options, const std::string& stored) {
    if (stored.empty()) return options;
    for (const auto& [value, words] : options)
        if (value == stored) return options;
    options.push_back({stored, stored});
    return options;
}

// A grid cell's label: the column and the row ("Belopp, rad 3"), read by
// screen readers; the column header shows it to everyone else.
std::string cell_label(const Sheet& sheet, const std::string& column, std::size_t row) {
    return column + sheet.t(", rad ", ", row ") + std::to_string(row);
}

// --------------------------------------------------------------- figures

// Per cent with one decimal (half up) of part/whole, in the page's words; "–" without a whole.
std::string percent(const Sheet& sheet, model::Money part, model::Money whole) {
    if (whole <= 0) return "–";
    // Exact: part × 1000 may not fit in 64 bits.
    return model::fixed_point(model::share_of(part, whole, 1), 1, sheet.request.language == "en" ? "." : ",", "−") +
           "\u00a0%";
}

// The key figures of the stored version's budget, as the check computes
// them (model::budget_figures): the page without script shows these; the
// script recomputes the same from the fields while typing
// (data-budget-figure names what each cell is).
void draw_figures(Sheet& sheet, std::ostream& out) {
    if (!sheet.check.application) return;
    model::BudgetFigures sums;
    try {
        sums = model::budget_figures(*sheet.check.application);
    } catch (const std::overflow_error&) {
        out << "<p>"
            << sheet.t("Beloppen är för stora för att summera; se anmärkningarna.",
                       "The amounts are too large to add up; see the findings.")
            << "</p>";
        return;
    }
    const model::Money costs = sums.total_costs, income = sums.income, financing = sums.financing, esf = sums.esf,
                       staff = sums.staff, indirect = sums.indirect;
    const model::Money eligible = costs - income;
    const model::Money balance = eligible - financing;
    const auto money_of = [&](model::Money m) { return e(money(sheet.request, m)); };
    out << "<table class=\"figures\" id=\"budget-figures\" aria-live=\"polite\"><caption>"
        << sheet.t("Nyckeltal (senast sparade version; räknas om medan du skriver)",
                   "Key figures (the saved version; recomputed as you type)")
        << "</caption><tbody>";
    const auto row = [&](const char* key, const std::string& label, const std::string& value) {
        out << "<tr><th scope=\"row\">" << e(label) << "</th><td class=\"num\" data-budget-figure=\"" << key << "\">"
            << value << "</td></tr>";
    };
    row("costs", sheet.t("Totala kostnader", "Total costs"), money_of(costs));
    row("income", sheet.t("Intäkter", "Income"), money_of(income));
    row("eligible", sheet.t("Stödberättigande kostnader (kostnader − intäkter)", "Eligible costs (costs − income)"),
        money_of(eligible));
    row("financing", sheet.t("Finansiering", "Financing"), money_of(financing));
    row("balance",
        sheet.t("Skillnad (stödberättigande kostnader − finansiering)", "Difference (eligible costs − financing)"),
        money_of(balance) + " " +
            (balance == 0  ? sheet.t("(i balans)", "(balanced)")
             : balance > 0 ? sheet.t("(finansieringen räcker inte)", "(financing falls short)")
                           : sheet.t("(finansieringen är för stor)", "(financing exceeds the costs)")));
    row("esf-share", sheet.t("ESF-andel av stödberättigande kostnader", "ESF share of eligible costs"),
        e(percent(sheet, esf, eligible)));
    row("cofinancing-share", sheet.t("Medfinansieringens andel", "Co-financing share"),
        e(percent(sheet, financing - esf, eligible)));
    row("indirect-share", sheet.t("Indirekta kostnader av personalkostnaderna", "Indirect costs of the staff costs"),
        e(percent(sheet, indirect, staff)));
    out << "</tbody></table>";
}

// ------------------------------------------------------------------ budget

const model::Element* budget_of(const Sheet& sheet) { return sheet.root ? sheet.root->child("budget") : nullptr; }

std::vector<const model::Element*> grandchildren(const model::Element* parent, const char* list, const char* item) {
    if (!parent) return {};
    if (list) {
        const model::Element* inner = parent->child(list);
        return inner ? inner->children_named(item) : std::vector<const model::Element*>{};
    }
    return parent->children_named(item);
}

// One row of a grid (cost lines, financing, income, questions, actors, a
// finding's evidence). The constructor draws the row's findings in a row of
// their own above it, so its cells can name them (aria-describedby), and
// opens the row; each cell takes the next column and is labelled by it and
// the row ("Belopp, rad 3"); end() draws the Remove cell and closes the row.
// A row drawn empty (`stored` false) has no findings and no Remove box.
class GridRow {
public:
    GridRow(Sheet& sheet, std::ostream& out, const std::vector<std::string>& columns, const std::string& name,
            std::size_t n, bool stored, const std::string& path)
        : sheet_(sheet), out_(out), columns_(columns), prefix_(row_prefix(name, n)), n_(n), stored_(stored) {
        if (stored) {
            const std::string notes = sheet.findings_at(path);
            if (!notes.empty())
                out << "<tr class=\"row-findings\"><td colspan=\"" << columns.size() << "\">" << notes << "</td></tr>";
        }
        out << "<tr" << (stored ? "" : " data-empty-row") << ">";
    }
    void text(const char* field, const std::string& stored, std::string_view element_path = "") {
        out_ << "<td>";
        sheet_.text(out_, prefix_ + field, next_label(), stored, "", element_path);
        out_ << "</td>";
    }
    void area(const char* field, const std::string& stored) {
        out_ << "<td>";
        sheet_.area(out_, prefix_ + field, next_label(), stored);
        out_ << "</td>";
    }
    // A stored value the options lack stays choosable (with_stored).
    void choice(const char* field, const std::string& stored, const Options& options,
                std::string_view element_path = "") {
        out_ << "<td>";
        sheet_.choice(out_, prefix_ + field, next_label(), stored, with_stored(options, stored), "", element_path);
        out_ << "</td>";
    }
    void end() {
        out_ << "<td>";
        if (stored_)
            sheet_.checkbox(out_, prefix_ + "remove", cell_label(sheet_, sheet_.t("Ta bort", "Remove"), n_), false);
        out_ << "</td></tr>";
    }

private:
    std::string next_label() { return cell_label(sheet_, columns_.at(column_++), n_); }

    Sheet& sheet_;
    std::ostream& out_;
    const std::vector<std::string>& columns_;
    const std::string prefix_;
    const std::size_t n_;
    const bool stored_;
    std::size_t column_ = 0;
};

// A grid's column heads, then its body opened.
void grid_head(std::ostream& out, const std::vector<std::string>& columns) {
    out << "<thead><tr>";
    for (const std::string& column : columns) out << "<th scope=\"col\">" << e(column) << "</th>";
    out << "</tr></thead><tbody>";
}

// A grid's body closed, its rows' count and its "Add a row" button.
void grid_end(Sheet& sheet, std::ostream& out, const std::string& name, std::size_t rows,
              const std::string& add_words) {
    out << "</tbody></table>";
    sheet.count(out, name, rows);
    sheet.add_row_button(out, name, add_words);
}

void draw_costs(Sheet& sheet, std::ostream& out) {
    const std::vector<const model::Element*> costs = grandchildren(budget_of(sheet), "costs", "cost");
    const bool beneficiaries = has_beneficiaries(sheet);
    const Options categories = category_options(sheet), activities = activity_options(sheet),
                  owners = beneficiary_options(sheet);
    const std::size_t rows = sheet.rows("cost", costs.size());
    const std::string parent = "/application/budget/costs";
    out << "<h2 id=\"costs-heading\">" << sheet.t("Kostnader", "Costs") << "</h2>" << sheet.findings_at(parent, true)
        << "<table class=\"grid\" id=\"costs\" data-rows=\"cost\" aria-labelledby=\"costs-heading\">";
    std::vector<std::string> columns{sheet.t("Kategori", "Category"), sheet.t("År", "Year"),
                                     sheet.t("Aktivitet", "Activity")};
    if (beneficiaries) columns.push_back(sheet.t("Stödmottagare", "Beneficiary"));
    for (const std::string& column : {sheet.t("Taggar", "Tags"), sheet.t("Benämning", "Label"),
                                      sheet.t("Belopp (kr)", "Amount (SEK)"), sheet.t("Ta bort", "Remove")})
        columns.push_back(column);
    grid_head(out, columns);
    for (std::size_t i = 0; i < rows; ++i) {
        const model::Element* cost = i < costs.size() ? costs[i] : nullptr;
        const std::size_t n = i + 1;
        const std::string path = cost ? child_path(parent, "cost", n, costs.size()) : std::string();
        const auto stored = [&](const char* name) { return cost ? cost->attribute_or_empty(name) : std::string(); };
        GridRow row(sheet, out, columns, "cost", n, cost != nullptr, path);
        row.choice("category", stored("category"), categories, path);
        row.text("year", stored("year"));
        row.choice("activity", stored("activity"), activities);
        if (beneficiaries) row.choice("beneficiary", stored("beneficiary"), owners);
        row.text("tags", stored("tags"));
        row.text("label", cost ? cost->text() : "");
        row.text("amount", stored("amount"));
        row.end();
    }
    grid_end(sheet, out, "cost", rows, sheet.t("Lägg till en kostnadsrad", "Add a cost line"));
}

void draw_financing(Sheet& sheet, std::ostream& out) {
    const std::vector<const model::Element*> sources = grandchildren(budget_of(sheet), "financing", "source");
    const bool beneficiaries = has_beneficiaries(sheet);
    const Options kinds = kind_options(sheet), owners = beneficiary_options(sheet);
    const std::size_t rows = sheet.rows("source", sources.size());
    const std::string parent = "/application/budget/financing";
    out << "<h2 id=\"financing-heading\">" << sheet.t("Finansiering", "Financing") << "</h2>"
        << sheet.findings_at(parent, true)
        << "<table class=\"grid\" id=\"financing\" data-rows=\"source\" aria-labelledby=\"financing-heading\">";
    std::vector<std::string> columns{sheet.t("Slag", "Kind"), sheet.t("Finansiär", "Funder"),
                                     sheet.t("Organisationsnummer", "Organisation number")};
    if (beneficiaries) columns.push_back(sheet.t("Stödmottagare", "Beneficiary"));
    columns.push_back(sheet.t("Belopp (kr)", "Amount (SEK)"));
    columns.push_back(sheet.t("Ta bort", "Remove"));
    grid_head(out, columns);
    for (std::size_t i = 0; i < rows; ++i) {
        const model::Element* source = i < sources.size() ? sources[i] : nullptr;
        const std::size_t n = i + 1;
        const std::string path = source ? child_path(parent, "source", n, sources.size()) : std::string();
        const auto stored = [&](const char* name) { return source ? source->attribute_or_empty(name) : std::string(); };
        GridRow row(sheet, out, columns, "source", n, source != nullptr, path);
        row.choice("kind", stored("kind"), kinds, path);
        row.text("funder", stored("funder"));
        row.text("orgNumber", stored("orgNumber"));
        if (beneficiaries) row.choice("beneficiary", stored("beneficiary"), owners);
        row.text("amount", stored("amount"));
        row.end();
    }
    grid_end(sheet, out, "source", rows, sheet.t("Lägg till en finansieringskälla", "Add a financing source"));
}

void draw_income(Sheet& sheet, std::ostream& out) {
    const std::vector<const model::Element*> items = grandchildren(budget_of(sheet), nullptr, "income");
    const std::size_t rows = sheet.rows("income", items.size());
    out << "<h2 id=\"income-heading\">" << sheet.t("Intäkter", "Income") << "</h2>"
        << "<table class=\"grid\" id=\"income\" data-rows=\"income\" aria-labelledby=\"income-heading\">";
    const std::vector<std::string> columns{sheet.t("Benämning", "Label"), sheet.t("Belopp (kr)", "Amount (SEK)"),
                                           sheet.t("Ta bort", "Remove")};
    grid_head(out, columns);
    for (std::size_t i = 0; i < rows; ++i) {
        const model::Element* item = i < items.size() ? items[i] : nullptr;
        const std::size_t n = i + 1;
        const std::string path = item ? child_path("/application/budget", "income", n, items.size()) : std::string();
        GridRow row(sheet, out, columns, "income", n, item != nullptr, path);
        row.text("label", item ? item->text() : "", path);
        row.text("amount", item ? item->attribute_or_empty("amount") : "");
        row.end();
    }
    grid_end(sheet, out, "income", rows, sheet.t("Lägg till en intäkt", "Add an income line"));
}

void draw_budget(Sheet& sheet, std::ostream& out) {
    const model::Element* budget = budget_of(sheet);
    out << sheet.findings_at("/application/budget", true);
    draw_figures(sheet, out);
    const std::string stored_models = budget ? budget->attribute_or_empty("costModel") : "";
    out << "<fieldset><legend>" << sheet.t("Kostnadsmodell", "Cost model") << "</legend>";
    for (const model::CodeWords& words : model::cost_models()) {
        const std::string model(words.key);
        const bool chosen = (" " + stored_models + " ").find(" " + model + " ") != std::string::npos;
        sheet.checkbox(out, "costModel." + model, cost_model_label(sheet, words), chosen);
    }
    out << "</fieldset>";
    if (budget && budget->attribute("currency") && *budget->attribute("currency") != "SEK")
        out << "<p>" << sheet.t("Valuta: ", "Currency: ") << e(*budget->attribute("currency")) << "</p>";
    draw_costs(sheet, out);
    draw_financing(sheet, out);
    draw_income(sheet, out);
}

// Rows of `name` as elements: row N based on stored[N-1] (its attributes
// kept in order), a removed or empty row left out.
template <typename Make>
std::vector<model::Element> rows_as_elements(const Fields& fields, const std::string& name,
                                             std::initializer_list<const char*> names,
                                             const std::vector<const model::Element*>& stored, Make make) {
    std::vector<model::Element> out;
    const std::size_t rows = std::max(rows_of(fields, name), std::size_t{0});
    for (std::size_t n = 1; n <= rows; ++n) {
        const std::optional<Row> row = row_at(fields, name, n, names);
        if (!row) continue;
        out.push_back(make(*row, n <= stored.size() ? stored[n - 1] : nullptr));
    }
    return out;
}

std::string apply_budget(const Fields& fields, std::string_view document, const model::Element& root) {
    const model::Element* old = root.child("budget");
    model::Element budget("budget");
    if (old) budget.attributes = old->attributes;
    std::string models;
    bool any_model_field = false;
    for (const model::CodeWords& words : model::cost_models()) {
        const std::string model(words.key);
        const std::string field = "costModel." + model;
        any_model_field |= given(fields, field) != nullptr;
        if (value_of(fields, field) == "1") models += (models.empty() ? "" : " ") + model;
    }
    // An unchecked box sends nothing: the list is what is checked. The same
    // models as stored keep the attribute as written (its spacing too).
    (void)any_model_field;
    const std::string stored_models = old ? old->attribute_or_empty("costModel") : "";
    std::istringstream words(stored_models);
    std::string word, normalised;
    while (words >> word) normalised += (normalised.empty() ? "" : " ") + word;
    put(budget, "costModel", normalised == models ? stored_models : models);

    model::Element& costs = budget.append("costs");
    for (model::Element& cost : rows_as_elements(
             fields, "cost", {"category", "year", "activity", "beneficiary", "tags", "label", "amount"},
             grandchildren(old, "costs", "cost"), [](const Row&row, const model::Element*stored) {
                 model::Element cost("cost");
                 if (stored) cost.attributes = stored->attributes;
                 put_if_given(cost, row, "category", "category");
                 put_if_given(cost, row, "year", "year");
                 put_if_given(cost, row, "activity", "activity");
                 put_if_given(cost, row, "amount", "amount");
                 put_if_given(cost, row, "tags", "tags");
                 put_if_given(cost, row, "beneficiary", "beneficiary");
                 const std::string label = row.has("label") ? row["label"] : (stored ? stored->text() : "");
                 if (!label.empty()) cost.append_text(label);
                 return cost;
             }))
        costs.children.push_back(std::move(cost)), costs.content.push_back({false, "", costs.children.size() - 1});
    model::Element& financing = budget.append("financing");
    for (model::Element& source :
         rows_as_elements(fields, "source", {"kind", "funder", "orgNumber", "beneficiary", "amount"},
                          grandchildren(old, "financing", "source"), [](const Row&row, const model::Element*stored) {
                              model::Element source("source");
                              if (stored) source.attributes = stored->attributes;
                              put_if_given(source, row, "kind", "kind");
                              put_if_given(source, row, "funder", "funder");
                              put_if_given(source, row, "orgNumber", "orgNumber");
                              put_if_given(source, row, "amount", "amount");
                              put_if_given(source, row, "beneficiary", "beneficiary");
                              return source;
                          }))
        financing.children.push_back(std::move(source)),
            financing.content.push_back({false, "", financing.children.size() - 1});
    for (model::Element& item :
         rows_as_elements(fields, "income", {"label", "amount"}, grandchildren(old, nullptr, "income"),
                          [](const Row&row, const model::Element*stored) {
                              model::Element item = text_element("income", stored, row["label"]);
                              put_if_given(item, row, "amount", "amount");
                              return item;
                          }))
        budget.children.push_back(std::move(item)), budget.content.push_back({false, "", budget.children.size() - 1});
    return put_part(document, root, budget,
                    {"riskAnalysis", "projectLogic", "sustainableDevelopment", "fundamentalRights", "attachments"});
}

// ------------------------------------------------------------- findings

const char* const actor_kinds[] = {"municipality",       "region",     "county-board",       "county-council",
                                   "employment-service", "university", "education-provider", "business-organisation",
                                   "trade-union",        "other"};
const char* const priorities[] = {"high", "medium", "low"};

std::string code_words(const Sheet& sheet, std::string_view code) {
    static const std::map<std::string_view, std::pair<const char*, const char*>> words = {
        {"municipality", {"Kommun", "Municipality"}},
        {"region", {"Region", "Region"}},
        {"county-board", {"Länsstyrelse", "County administrative board"}},
        {"county-council", {"Landsting", "County council"}},
        {"employment-service", {"Arbetsförmedlingen", "Public employment service"}},
        {"university", {"Universitet eller högskola", "University"}},
        {"education-provider", {"Utbildningsanordnare", "Education provider"}},
        {"business-organisation", {"Näringslivsorganisation", "Business organisation"}},
        {"trade-union", {"Fackförbund", "Trade union"}},
        {"other", {"Annan", "Other"}},
        {"high", {"Hög", "High"}},
        {"medium", {"Medel", "Medium"}},
        {"low", {"Låg", "Low"}}};
    const auto found = words.find(code);
    return found == words.end() ? std::string(code) : sheet.t(found->second.first, found->second.second);
}

template <std::size_t N>
Options code_options(const Sheet& sheet, const char* const (&codes)[N]) {
    Options options;
    for (const char* code : codes) options.push_back({code, code_words(sheet, code)});
    return options;
}

// A vocabulary table's codes with their words in the page's language.
Options vocabulary_options(const Sheet& sheet, std::span<const model::CodeWords> table) {
    Options options;
    for (const model::CodeWords& entry : table)
        options.push_back({std::string(entry.key), std::string(entry.name.in(sheet.request.language))});
    return options;
}

// `document` with `element` put in; a new document in the findings
// namespace when there is none yet (the first save creates it).
std::string put_findings_child(std::string_view document, const model::Element& root, const model::Element& element,
                               std::initializer_list<std::string_view> before) {
    if (document.empty()) {
        model::Element fresh("findings");
        fresh.children.push_back(element);
        fresh.content.push_back({false, "", 0});
        return pipeline::write_document(fresh, pipeline::findings_document_namespace());
    }
    return put_part(document, root, element, before);
}

void draw_study(Sheet& sheet, std::ostream& out) {
    const model::Element* study = sheet.root ? sheet.root->child("study") : nullptr;
    const model::Element* period = study ? study->child("period") : nullptr;
    const model::Element* method = study ? study->child("method") : nullptr;
    out << sheet.findings_at("/findings/study", true);
    sheet.text(out, "title", sheet.t("Förstudiens titel", "The pre-study's title"),
               study && study->child("title") ? study->child("title")->text() : "", "", "/findings/study/title");
    sheet.text(out, "start", sheet.t("Förstudien började", "The pre-study began"),
               period ? period->attribute_or_empty("start") : "", sheet.t("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
               "/findings/study/period", "date");
    sheet.text(out, "end", sheet.t("Förstudien slutade", "The pre-study ended"),
               period ? period->attribute_or_empty("end") : "", sheet.t("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
               "/findings/study/period", "date");
    sheet.area(out, "method", sheet.t("Metod", "Method"), rich_markup(method), parts_util::markup_help(sheet),
               "/findings/study/method");
}

std::string apply_study(const Fields& fields, std::string_view document, const model::Element& given_root) {
    const model::Element& root = given_root;
    const model::Element* old = root.child("study");
    model::Element study("study");
    if (old) study.attributes = old->attributes;
    study.append("title", value_of(fields, "title"));
    model::Element& period = study.append("period");
    if (const model::Element* stored = old ? old->child("period") : nullptr) period.attributes = stored->attributes;
    put(period, "start", value_of(fields, "start"));
    put(period, "end", value_of(fields, "end"));
    model::Element method = rich_element("method", field(fields, "method"));
    if (!method.children.empty()) parts_util::adopt(study, std::move(method));
    return put_findings_child(document, root, study, {"questions", "actors", "finding"});
}

void draw_questions(Sheet& sheet, std::ostream& out) {
    const std::vector<const model::Element*> questions = grandchildren(sheet.root, "questions", "question");
    const std::size_t rows = sheet.rows("question", questions.size());
    const std::vector<std::string> columns{sheet.t("Id", "Id"), sheet.t("Fråga", "Question"),
                                           sheet.t("Ta bort", "Remove")};
    out << sheet.findings_at("/findings/questions", true)
        << "<table class=\"grid\" id=\"questions\" data-rows=\"question\">";
    grid_head(out, columns);
    for (std::size_t i = 0; i < rows; ++i) {
        const model::Element* question = i < questions.size() ? questions[i] : nullptr;
        const std::size_t n = i + 1;
        const std::string path =
            question ? child_path("/findings/questions", "question", n, questions.size()) : std::string();
        GridRow row(sheet, out, columns, "question", n, question != nullptr, path);
        row.text("id", question ? question->attribute_or_empty("id") : "", path);
        row.area("text", question ? question->text() : "");
        row.end();
    }
    grid_end(sheet, out, "question", rows, sheet.t("Lägg till en fråga", "Add a question"));
}

std::string apply_questions(const Fields& fields, std::string_view document, const model::Element& root) {
    const model::Element* old = root.child("questions");
    model::Element questions("questions");
    if (old) questions.attributes = old->attributes;
    for (model::Element& question :
         rows_as_elements(fields, "question", {"id", "text"}, grandchildren(old, nullptr, "question"),
                          [](const Row&row, const model::Element*stored) {
                              model::Element question = text_element("question", stored, row["text"]);
                              put(question, "id", row["id"]);
                              return question;
                          }))
        questions.children.push_back(std::move(question)),
            questions.content.push_back({false, "", questions.children.size() - 1});
    return put_findings_child(document, root, questions, {"actors", "finding"});
}

void draw_actors(Sheet& sheet, std::ostream& out) {
    const std::vector<const model::Element*> actors = grandchildren(sheet.root, "actors", "actor");
    const std::size_t rows = sheet.rows("actor", actors.size());
    const Options kinds = code_options(sheet, actor_kinds);
    const std::vector<std::string> columns{sheet.t("Id", "Id"), sheet.t("Slag", "Kind"),
                                           sheet.t("Kommunkod", "Municipality code"), sheet.t("Namn", "Name"),
                                           sheet.t("Ta bort", "Remove")};
    out << sheet.findings_at("/findings/actors", true) << "<table class=\"grid\" id=\"actors\" data-rows=\"actor\">";
    grid_head(out, columns);
    for (std::size_t i = 0; i < rows; ++i) {
        const model::Element* actor = i < actors.size() ? actors[i] : nullptr;
        const std::size_t n = i + 1;
        const std::string path = actor ? child_path("/findings/actors", "actor", n, actors.size()) : std::string();
        const auto stored = [&](const char* name) { return actor ? actor->attribute_or_empty(name) : std::string(); };
        GridRow row(sheet, out, columns, "actor", n, actor != nullptr, path);
        row.text("id", stored("id"), path);
        row.choice("kind", stored("kind"), kinds);
        row.text("municipality", stored("municipality"));
        row.text("name", actor ? actor->text() : "");
        row.end();
    }
    grid_end(sheet, out, "actor", rows, sheet.t("Lägg till en aktör", "Add an actor"));
}

std::string apply_actors(const Fields& fields, std::string_view document, const model::Element& root) {
    const model::Element* old = root.child("actors");
    model::Element actors("actors");
    if (old) actors.attributes = old->attributes;
    for (model::Element& actor :
         rows_as_elements(fields, "actor", {"id", "kind", "municipality", "name"}, grandchildren(old, nullptr, "actor"),
                          [](const Row&row, const model::Element*stored) {
                              model::Element actor = text_element("actor", stored, row["name"]);
                              put(actor, "id", row["id"]);
                              put(actor, "kind", row["kind"]);
                              put(actor, "municipality", row["municipality"]);
                              return actor;
                          }))
        actors.children.push_back(std::move(actor)), actors.content.push_back({false, "", actors.children.size() - 1});
    if (actors.children.empty()) {
        // No actors: the optional element goes (an empty one is not the format's).
        if (const auto index = index_of(root, "actors")) return pipeline::remove_child(document, *index);
        return std::string(document);
    }
    return put_findings_child(document, root, actors, {"finding"});
}

void draw_findings(Sheet& sheet, std::ostream& out) {
    const std::vector<const model::Element*> findings =
        sheet.root ? sheet.root->children_named("finding") : std::vector<const model::Element*>{};
    const std::size_t rows = sheet.rows("finding", findings.size());
    Options questions;
    for (const model::Element* question : grandchildren(sheet.root, "questions", "question"))
        questions.push_back(
            {question->attribute_or_empty("id"), question->attribute_or_empty("id") + ": " + question->text()});
    const Options theme_options = vocabulary_options(sheet, model::finding_themes());
    const Options priority_options = code_options(sheet, priorities);
    const Options kinds = vocabulary_options(sheet, model::evidence_kinds());
    for (std::size_t i = 0; i < rows; ++i) {
        const model::Element* finding = i < findings.size() ? findings[i] : nullptr;
        const std::size_t n = i + 1;
        const std::string prefix = row_prefix("finding", n);
        const std::string path = finding ? child_path("/findings", "finding", n, findings.size()) : std::string();
        const auto stored = [&](const char* name) {
            return finding ? finding->attribute_or_empty(name) : std::string();
        };
        const auto stored_text = [&](const char* name) {
            const model::Element* child = finding ? finding->child(name) : nullptr;
            return child ? child->text() : std::string();
        };
        out << "<fieldset class=\"row\"" << (finding ? "" : " data-empty-row") << "><legend>"
            << (finding ? sheet.t("Resultat ", "Finding ") + std::to_string(n) +
                              (stored("id").empty() ? "" : " (" + e(stored("id")) + ")")
                        : sheet.t("Nytt resultat", "New finding"))
            << "</legend>";
        if (finding) out << sheet.findings_at(path, true);
        sheet.text(out, prefix + "id", sheet.t("Id", "Id"), stored("id"));
        sheet.choice(out, prefix + "question", sheet.t("Fråga", "Question"), stored("question"),
                     with_stored(questions, stored("question")));
        sheet.choice(out, prefix + "theme", sheet.t("Tema", "Theme"), stored("theme"),
                     with_stored(theme_options, stored("theme")));
        sheet.choice(out, prefix + "priority", sheet.t("Prioritet", "Priority"), stored("priority"),
                     with_stored(priority_options, stored("priority")));
        sheet.checkbox(out, prefix + "scope", sheet.t("Utanför projektets ram", "Out of the project's scope"),
                       stored("scope") == "out");
        sheet.area(out, prefix + "statement", sheet.t("Slutsats", "Statement"), stored_text("statement"), "",
                   finding ? path + "/statement" : "");
        const std::vector<const model::Element*> evidence =
            finding ? finding->children_named("evidence") : std::vector<const model::Element*>{};
        const std::string evidence_name = prefix + "evidence";
        const std::size_t evidence_rows = sheet.rows(evidence_name, evidence.size());
        const std::vector<std::string> columns{sheet.t("Slag", "Kind"),
                                               sheet.t("Svarande", "Respondents"),
                                               sheet.t("Andel (0–1)", "Share (0–1)"),
                                               sheet.t("Aktörer (id)", "Actors (ids)"),
                                               sheet.t("Underlag", "Evidence"),
                                               sheet.t("Ta bort", "Remove")};
        out << "<table class=\"grid\" data-rows=\"" << e(evidence_name) << "\"><caption>"
            << sheet.t("Underlag", "Evidence") << "</caption>";
        grid_head(out, columns);
        for (std::size_t j = 0; j < evidence_rows; ++j) {
            const model::Element* item = j < evidence.size() ? evidence[j] : nullptr;
            const std::size_t m = j + 1;
            const std::string item_path = item ? child_path(path, "evidence", m, evidence.size()) : std::string();
            const auto attribute = [&](const char* name) {
                return item ? item->attribute_or_empty(name) : std::string();
            };
            GridRow row(sheet, out, columns, evidence_name, m, item != nullptr, item_path);
            row.choice("kind", attribute("kind"), kinds, item_path);
            row.text("respondents", attribute("respondents"));
            row.text("share", attribute("share"));
            row.text("actors", attribute("actors"));
            row.area("text", item ? item->text() : "");
            row.end();
        }
        grid_end(sheet, out, evidence_name, evidence_rows, sheet.t("Lägg till underlag", "Add evidence"));
        sheet.area(out, prefix + "recommendation", sheet.t("Rekommendation", "Recommendation"),
                   stored_text("recommendation"), "", finding ? path + "/recommendation" : "");
        if (finding)
            sheet.checkbox(out, prefix + "remove", sheet.t("Ta bort resultatet", "Remove this finding"), false);
        out << "</fieldset>";
    }
    sheet.count(out, "finding", rows);
    sheet.add_row_button(out, "finding", sheet.t("Lägg till ett resultat", "Add a finding"));
}

model::Element finding_element(const Fields& fields, const Row& row, const model::Element* stored) {
    model::Element finding("finding");
    if (stored) finding.attributes = stored->attributes;
    put(finding, "id", row["id"]);
    put(finding, "question", row["question"]);
    put(finding, "theme", row["theme"]);
    put(finding, "priority", row["priority"]);
    put(finding, "scope", row["scope"] == "1" ? "out" : "");
    finding.append("statement", row["statement"]);
    const std::string name = row.prefix + "evidence";
    const std::vector<const model::Element*> old =
        stored ? stored->children_named("evidence") : std::vector<const model::Element*>{};
    for (model::Element& item : rows_as_elements(fields, name, {"kind", "respondents", "share", "actors", "text"}, old,
                                                 [](const Row&r, const model::Element*s) {
                                                     model::Element item = text_element("evidence", s, r["text"]);
                                                     put(item, "kind", r["kind"]);
                                                     put(item, "respondents", r["respondents"]);
                                                     put(item, "share", r["share"]);
                                                     put(item, "actors", r["actors"]);
                                                     return item;
                                                 }))
        finding.children.push_back(std::move(item)),
            finding.content.push_back({false, "", finding.children.size() - 1});
    const std::string recommendation = row["recommendation"];
    if (!recommendation.empty()) finding.append("recommendation", recommendation);
    return finding;
}

std::string apply_findings(const Fields& fields, std::string_view document, const model::Element& root) {
    const std::vector<const model::Element*> old = root.children_named("finding");
    std::vector<model::Element> made;
    const std::size_t rows = rows_of(fields, "finding");
    for (std::size_t n = 1; n <= rows; ++n) {
        const std::optional<Row> row = row_at(fields, "finding", n, {"id", "question", "statement", "recommendation"});
        if (!row) continue;
        made.push_back(finding_element(fields, *row, n <= old.size() ? old[n - 1] : nullptr));
    }
    if (document.empty()) {
        if (made.empty()) return std::string();
        model::Element fresh("findings");
        for (model::Element& finding : made)
            fresh.children.push_back(std::move(finding)),
                fresh.content.push_back({false, "", fresh.children.size() - 1});
        return pipeline::write_document(fresh, pipeline::findings_document_namespace());
    }
    // The root's finding children in place: the first ones replaced, the
    // rest removed from the last, new ones after the last finding.
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < root.children.size(); ++i)
        if (root.children[i].name == "finding") indices.push_back(i);
    std::string bytes(document);
    const std::size_t kept = std::min(indices.size(), made.size());
    for (std::size_t i = 0; i < kept; ++i)
        if (!same_element(root.children[indices[i]], made[i]))
            bytes = pipeline::replace_child(bytes, indices[i], made[i]);
    for (std::size_t i = indices.size(); i-- > kept;) bytes = pipeline::remove_child(bytes, indices[i]);
    std::size_t after = kept ? indices[kept - 1] + 1 : (indices.empty() ? root.children.size() : indices.front());
    for (std::size_t i = kept; i < made.size(); ++i) bytes = pipeline::insert_child(bytes, after++, made[i]);
    return bytes;
}

}  // namespace

void add_budget_and_findings_parts(std::vector<Part>& parts) {
    parts.push_back(
        {"budget", "Budget", "Budget", Document::plan, {"budget"}, {"/application/budget"}, draw_budget, apply_budget});
    parts.push_back({"study",
                     "Förstudien",
                     "The pre-study",
                     Document::findings,
                     {"findings"},
                     {"/findings/study"},
                     draw_study,
                     apply_study});
    parts.push_back({"questions",
                     "Frågor",
                     "Questions",
                     Document::findings,
                     {"findings"},
                     {"/findings/questions"},
                     draw_questions,
                     apply_questions});
    parts.push_back({"actors",
                     "Aktörer",
                     "Actors",
                     Document::findings,
                     {"findings"},
                     {"/findings/actors"},
                     draw_actors,
                     apply_actors});
    parts.push_back({"findings",
                     "Resultat",
                     "Findings",
                     Document::findings,
                     {"findings"},
                     {"/findings/finding"},
                     draw_findings,
                     apply_findings});
}

}  // namespace esfdraft::http::editor
